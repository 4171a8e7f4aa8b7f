"""The text rules: a plain text's chapters found from its headings, else cut where its topic turns.

Project Gutenberg files lose their header and licence and give their title and author;
a single `# Book title` above `## Chapter` headings titles the edition; a title and author
on the text's own first or last lines are used (`article`); web leftovers and repeated
passages are left out where they stand (`leftovers`, `repeats`). Nothing is dropped
unseen: what is left out stays as a paragraph marked so (`Paragraph.left_out`).
"""

from __future__ import annotations

from dataclasses import replace

from aloud.errors import InputError
from aloud.model import PROSE, Chapter, Edition, Paragraph, Source
from aloud.narrate.lang import Locale
from aloud.structure.article import author_line, closing_title, is_title_line, name_reads_as_title, opening_lines
from aloud.structure.blocks import is_scene_break, marked_blocks, paragraphs_of, settle_verse, typical_width
from aloud.structure.chapters import chapters_from_headings, left_out_paragraph
from aloud.structure.gutenberg import strip_gutenberg
from aloud.structure.headings import (
    CONTENTS,
    MARKDOWN,
    Heading,
    HeadingRules,
    SceneBreak,
    TextBlock,
    numbered_titles_apart,
)
from aloud.structure.leftovers import leftover_lines
from aloud.structure.repeats import mark_repeats
from aloud.structure.titles import make_edition, title_case
from aloud.structure.topics import SECTION_WORDS_MAX, key_phrase, parts_by_topic

LEAD_WORDS = 25  # the prose after a title line that makes it the text's title


def structure_text(source: Source, locale: Locale, title: str | None = None, author: str | None = None) -> Edition:
    """Find chapters and paragraphs. `title`/`author` override what the source says."""
    text = source.text
    found_title, found_author = source.title, source.author
    before: list[Paragraph] = []  # left out before the first chapter, and after the last
    after: list[Paragraph] = []
    book = strip_gutenberg(text)
    if book is not None:
        text = book.body
        found_title = found_title or book.title
        found_author = found_author or book.author
        before += [Paragraph(" ".join(book.header.split()), left_out="matter")] if book.header.strip() else []
        after += [Paragraph(" ".join(book.licence.split()), left_out="matter")] if book.licence.strip() else []

    lines = numbered_titles_apart(text).split("\n")
    # A Project Gutenberg book was never a web page: its "ADVERTISEMENT" is the author's preface.
    marks = leftover_lines(lines) if book is None else [False] * len(lines)
    why = ["web-leftovers" if mark else "" for mark in marks]
    opening = opening_lines(lines)
    for n in opening.used:
        why[n] = "matter"
    found_title = found_title or opening.title or closing_title(lines)
    found_author = found_author or opening.author
    marked = marked_blocks(lines, why)
    blocks = [b for b, _ in marked]
    reasons = [r for _, r in marked]
    items = HeadingRules(locale).classify(blocks, reasons)

    headings = [i for i in items if isinstance(i, Heading) and i.kind != CONTENTS]
    markdown_top = [h for h in headings if h.kind == MARKDOWN and h.level == 1]
    said = [n for n, i in enumerate(items) if not (isinstance(i, TextBlock) and i.left_out)]
    if len(markdown_top) == 1 and said and items[said[0]] == markdown_top[0] and len(headings) > 1:
        found_title = found_title or markdown_top[0].title  # "# Book title" above "## Chapter"
        items = items[:said[0]] + items[said[0] + 1:]
        headings = headings[1:]
    if not headings:
        items, found_title = _title_line(items, found_title)
    elif not (found_title or title):  # a title given: the book's own title page is read as it stands
        items, found_title, found_author = _title_page(items, found_author, locale)

    width = typical_width([b for b, r in marked if not r])
    chapters = chapters_from_headings(items, width, book is not None, locale.headings) if headings else []
    if chapters:
        chapters = _untitled_by_topic(_with_repeats_marked(chapters), locale)
    else:
        # No headings, or "headings" with nothing under them: the text is all prose.
        paragraphs = settle_verse([p for item in items for p in _paragraphs(item, width)])
        chapters = parts_by_topic(mark_repeats(paragraphs), locale)
    if not chapters:
        raise InputError(f"{source.name}: no readable text found")
    return _edition(source.name, _around(chapters, before, after), title or found_title, author or found_author, locale)


def structure_paragraphs(source: Source, locale: Locale, title: str | None = None, author: str | None = None) -> Edition:
    """The chapters of an input that knows its paragraphs but has no headings (a web page, a
    Markdown file): web leftovers and repeats left out, sections cut by topic."""
    paragraphs = list(source.paragraphs)
    marks = leftover_lines([p.text if p.kind == PROSE and not p.left_out else "" for p in paragraphs])
    paragraphs = [replace(p, left_out="web-leftovers") if mark else p for p, mark in zip(paragraphs, marks)]
    chapters = parts_by_topic(mark_repeats(paragraphs), locale)
    if not chapters:
        raise InputError(f"{source.name}: no readable text found")
    return _edition(source.name, chapters, title or source.title, author or source.author, locale)


def _edition(name: str, chapters: list[Chapter], title: str | None, author: str | None, locale: Locale) -> Edition:
    """The edition of the chapters; titled by the text's key phrase when neither the input nor
    its file name names it."""
    if not title and not name_reads_as_title(name):
        title = key_phrase([p for c in chapters for p in c.paragraphs], locale) or None
    edition = make_edition(name, chapters, title, author)
    if len(chapters) == 1 and not chapters[0].titled:  # one part: named as the edition is, in players too
        edition = replace(edition, chapters=(replace(chapters[0], title=edition.title),))
    return edition


def _paragraphs(item, width: int) -> list[Paragraph]:
    if isinstance(item, TextBlock):
        return [left_out_paragraph(item)] if item.left_out else paragraphs_of(item.lines, width)
    if isinstance(item, Heading):
        return [Paragraph(" ".join(item.source.split()) or item.title)]
    return []  # a scene break: the parts are cut by topic


def _title_line(items: list, found_title: str | None) -> tuple[list, str | None]:
    """A text without headings whose first line is a title over its prose: the line is the
    title (when none is known yet), and is not read (the opening says it)."""
    said = [n for n, i in enumerate(items) if isinstance(i, TextBlock) and not i.left_out]
    if len(said) < 2:
        return items, found_title
    first, lead = items[said[0]], items[said[1]]
    if len(first.lines) != 1 or not is_title_line(first.lines[0]) or is_scene_break(list(first.lines)):
        return items, found_title
    if sum(len(line.split()) for line in lead.lines) < LEAD_WORDS:
        return items, found_title
    line = " ".join(first.lines[0].split())
    if found_title and found_title.casefold() != line.casefold():
        return items, found_title  # a first line that is not the title known: keep reading it
    items = list(items)
    items[said[0]] = TextBlock(first.lines, "matter")
    return items, found_title or line


TITLE_PAGE_LINES = 4  # at most, before the first heading


def _title_page(items: list, found_author: str | None, locale: Locale) -> tuple[list, str | None, str | None]:
    """A book's own title page: a few short lines and no prose before its first heading
    ("Les Aventures du capitaine Hatteras / - JULES VERNE - / LES ANGLAIS AU PÔLE NORD").
    The first line is the title, a name or byline after it the author; both are left out of
    the reading (the opening says them), the other lines are read."""
    first_heading = next(n for n, i in enumerate(items) if isinstance(i, Heading))
    lines = [n for n in range(first_heading) if isinstance(items[n], TextBlock) and not items[n].left_out]
    if not lines or len(lines) > TITLE_PAGE_LINES or any(
            isinstance(items[n], SceneBreak) for n in range(first_heading)):
        return items, None, found_author
    texts = {n: " ".join(items[n].lines[0].split()) for n in lines if len(items[n].lines) == 1}
    if len(texts) < len(lines) or not is_title_line(texts[lines[0]]):
        return items, None, found_author
    if any(not (is_title_line(t) or author_line(t)) for t in texts.values()):
        return items, None, found_author
    title = title_case(texts[lines[0]], locale.headings.small_words)
    used = [lines[0]]
    if not found_author:
        for n in lines[1:]:
            found_author = author_line(texts[n])
            if found_author:
                used.append(n)
                break
    items = list(items)
    for n in used:
        items[n] = TextBlock(items[n].lines, "matter")
    return items, title, found_author


def _untitled_by_topic(chapters: list[Chapter], locale: Locale) -> list[Chapter]:
    """A long stretch under no heading (text before the first, or after a contents list)
    cut by topic, like a text without headings."""
    out: list[Chapter] = []
    for chapter in chapters:
        if chapter.titled or chapter.word_count <= SECTION_WORDS_MAX:
            out.append(chapter)
            continue
        parts = parts_by_topic(list(chapter.paragraphs), locale)
        parts[0] = replace(parts[0], preamble=chapter.preamble)
        out.extend(parts)
    return [replace(c, index=n) for n, c in enumerate(out, start=1)]


def _with_repeats_marked(chapters: list[Chapter]) -> list[Chapter]:
    flat = [p for c in chapters for p in c.preamble + c.paragraphs]
    marked = iter(mark_repeats(flat))
    return [replace(c, preamble=tuple(next(marked) for _ in c.preamble),
                    paragraphs=tuple(next(marked) for _ in c.paragraphs)) for c in chapters]


def _around(chapters: list[Chapter], before: list[Paragraph], after: list[Paragraph]) -> list[Chapter]:
    """The chapters with what was left out before the first and after the last put in its place."""
    if before:
        chapters[0] = replace(chapters[0], preamble=(*before, *chapters[0].preamble))
    if after:
        chapters[-1] = replace(chapters[-1], paragraphs=(*chapters[-1].paragraphs, *after))
    return chapters
