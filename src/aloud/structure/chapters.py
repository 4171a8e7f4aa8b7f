"""Chapters: the text between headings, with its front matter, or a text without headings
cut into parts of a listening length.

A table of contents is skipped; a "Part" heading with nothing under it joins the title
of the chapter that follows; text before the first chapter that is short (a preface, a
dedication) is read after the opening announcement, in the first chapter's file, and a
title page is left out. A text without headings is cut at paragraph boundaries into
parts of about a third of a short text, at most ~3,000 words each, titled by their
opening words.
"""

from __future__ import annotations

from aloud.model import BREAK, HEADING, Chapter, Paragraph
from aloud.narrate.lang import HeadingWords, Locale
from aloud.structure.blocks import paragraphs_of
from aloud.structure.headings import CONTENTS, NAMED, Heading, SceneBreak, TextBlock
from aloud.structure.titles import section_title

# Heading-less texts: parts of about a third of a short text, at most this many words.
SECTION_WORDS_MIN = 200
SECTION_WORDS_MAX = 3000
SECTIONS_BELOW = 300  # shorter texts stay one part
# Front matter up to this many words is read before the first chapter's title.
SHORT_FRONT_MATTER = 400

Section = tuple[Heading | None, list[Paragraph]]


def chapters_from_headings(
    items: list[Heading | TextBlock | SceneBreak], width: int, is_book: bool, words: HeadingWords
) -> list[Chapter]:
    sections = _sections_under_headings(items, width)
    front, rest = _front_matter(sections, is_book)
    chapters: list[Chapter] = []
    for h, paragraphs in rest:
        while paragraphs and paragraphs[-1].kind == BREAK:
            paragraphs.pop()
        if h is None and is_book and _is_title_page(paragraphs):
            continue
        title = h.title if h else (words.front_matter or section_title(paragraphs[0].text))
        spoken = h.spoken if h else ""
        preamble = tuple(front) if not chapters else ()
        chapters.append(Chapter(len(chapters) + 1, title, spoken, tuple(paragraphs), preamble))
    return chapters


def _sections_under_headings(items: list[Heading | TextBlock | SceneBreak], width: int) -> list[Section]:
    """Each heading with the paragraphs under it (the first may have no heading)."""
    sections: list[Section] = []
    heading: Heading | None = None
    body: list[Paragraph] = []
    pending: Heading | None = None  # "Part One" heading awaiting its first chapter

    def close() -> None:
        if heading is not None and heading.kind == CONTENTS:
            return
        if not any(p.kind != BREAK for p in body):
            return
        sections.append((heading, [p for p in body]))

    for item in items:
        if isinstance(item, Heading):
            if heading is not None and not any(p.kind != BREAK for p in body) and heading.kind != CONTENTS:
                # An empty heading: a "Part" above a chapter joins it; a contents entry goes.
                if heading.level < item.level:
                    pending = heading
            else:
                close()
            if pending is not None and item.level > pending.level and item.kind != CONTENTS:
                item = Heading(f"{pending.title} – {item.title}", f"{pending.spoken}. {item.spoken}", item.kind, item.level)
                pending = None
            heading, body = item, []
        elif isinstance(item, SceneBreak):
            if body and body[-1].kind != BREAK:
                body.append(Paragraph("", BREAK))
        else:
            body.extend(paragraphs_of(item.lines, width))
    if heading is not None and heading.kind != CONTENTS and not body and sections:
        # A "heading" with nothing after it ends the text: it was prose after all.
        sections[-1][1].append(Paragraph(" ".join(heading.source.split())))
    close()
    return sections


def _front_matter(sections: list[Section], is_book: bool) -> tuple[list[Paragraph], list[Section]]:
    """Text before any heading, and named sections before the first chapter, when short
    enough to be read before the first chapter's title; and the sections left."""
    front: list[Paragraph] = []
    chapters_start = 0
    for n, (h, paragraphs) in enumerate(sections):
        if h is not None and h.kind != NAMED:
            break
        if h is None and is_book and _is_title_page(paragraphs):
            chapters_start = n + 1
            continue
        if h is not None:
            front.append(Paragraph(h.spoken, HEADING))
        front.extend(paragraphs)
        chapters_start = n + 1
    rest = sections[chapters_start:]
    if not rest or sum(p.word_count for p in front) > SHORT_FRONT_MATTER:
        return [], sections  # long front matter: chapters of their own
    return front, rest


def _is_title_page(paragraphs: list[Paragraph]) -> bool:
    """Lines of a title page: short, and not sentences."""
    lines = [line for p in paragraphs for line in p.text.split("\n")]
    return sum(len(line.split()) for line in lines) <= 60 and all(len(line.split()) <= 10 for line in lines)


def parts_without_headings(paragraphs: list[Paragraph], locale: Locale) -> list[Chapter]:
    """Cut heading-less text at paragraph boundaries into parts of a listening length."""
    paragraphs = [p for p in paragraphs if p.text]
    if not paragraphs:
        return []
    counts = [p.word_count for p in paragraphs]
    total = sum(counts)
    if total < SECTIONS_BELOW:
        count = 1
    else:
        target = min(SECTION_WORDS_MAX, max(SECTION_WORDS_MIN, total / 3))
        count = max(1, min(len(paragraphs), round(total / target)))
    cuts = _balanced_cuts(counts, count)
    words = locale.headings
    chapters = []
    for n, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(paragraphs)]), start=1):
        body = tuple(paragraphs[a:b])
        title = section_title(body[0].text) if count > 1 or not words.whole_text else words.whole_text
        spoken = words.part.format(number=locale.number_words(n)) if count > 1 and words.part else ""
        chapters.append(Chapter(n, title, spoken, body, titled=False))
    return chapters


def _balanced_cuts(counts: list[int], parts: int) -> list[int]:
    """Paragraph indexes where parts start, so each part has about the same words."""
    total = sum(counts)
    cumulative, running = [], 0
    for c in counts:
        running += c
        cumulative.append(running)
    cuts: list[int] = []
    for k in range(1, parts):
        goal = total * k / parts
        lowest = (cuts[-1] + 1) if cuts else 1
        highest = len(counts) - (parts - k)
        best = min(range(lowest, highest + 1), key=lambda i: abs(cumulative[i - 1] - goal))
        cuts.append(best)
    return cuts
