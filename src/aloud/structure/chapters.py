"""Chapters: the text between headings, with its front matter.

A table of contents is skipped; a "Part" heading with nothing under it joins the title
of the chapter that follows; text before the first chapter that is short (a preface, a
dedication) is read after the opening announcement, in the first chapter's file, and a
title page is left out. (A text without headings is cut by its topics: `topics`.)
"""

from __future__ import annotations

import re

from aloud.model import BREAK, HEADING, Chapter, Paragraph
from aloud.narrate.lang import HeadingWords
from aloud.structure.blocks import paragraphs_of, settle_verse
from aloud.structure.headings import CONTENTS, NAMED, Heading, SceneBreak, TextBlock
from aloud.structure.titles import section_title

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
        first_text = next(p for p in paragraphs if says(p)).text
        title = h.title if h else ((words.front_matter if not chapters else "") or section_title(first_text))
        spoken = h.spoken if h else ""
        preamble = tuple(front) if not chapters else ()
        chapters.append(Chapter(len(chapters) + 1, title, spoken, tuple(paragraphs), preamble, titled=h is not None))
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
        if not any(says(p) for p in body):
            return
        sections.append((heading, settle_verse(body)))

    for item in items:
        if isinstance(item, Heading):
            if heading is not None and not any(says(p) for p in body) and heading.kind != CONTENTS:
                # An empty heading: a "Part" above a chapter joins it; a contents entry goes.
                if heading.level < item.level:
                    pending = heading
            else:
                close()
            if pending is not None and item.level > pending.level and item.kind != CONTENTS:
                item = Heading(f"{pending.title} – {item.title}", f"{pending.spoken}. {item.spoken}", item.kind, item.level)
                pending = None
            heading, body = item, []
        elif heading is not None and heading.kind == CONTENTS and isinstance(item, TextBlock) and _is_prose(item):
            # A contents list ends where prose starts (a book whose chapter headings are not
            # found): the prose is a section of its own, not more of the contents.
            close()
            heading, body = None, []
            body.extend(paragraphs_of(item.lines, width))
        elif isinstance(item, SceneBreak):
            if body and body[-1].kind != BREAK:
                body.append(Paragraph("", BREAK))
        elif item.left_out:
            body.append(left_out_paragraph(item))
        else:
            body.extend(paragraphs_of(item.lines, width))
    if heading is not None and heading.kind != CONTENTS and not body and sections:
        # A "heading" with nothing after it ends the text: it was prose after all.
        sections[-1][1].append(Paragraph(" ".join(heading.source.split())))
    close()
    return sections


SENTENCE_WORDS = 8  # a contents entry may be a sentence; two long ones in a block are prose
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")


def _is_prose(block: TextBlock) -> bool:
    """Whether a block is prose, not entries of a contents list: two sentences of some length."""
    if block.left_out:
        return False
    sentences = _SENTENCE_END.split(" ".join(" ".join(line.split()) for line in block.lines))
    return sum(1 for s in sentences if len(s.split()) >= SENTENCE_WORDS and s.rstrip()[-1:] in ".!?\"'”’)") >= 2


def says(paragraph: Paragraph) -> bool:
    """Whether anything of the paragraph is read (not a scene break, not left out)."""
    return paragraph.kind != BREAK and not paragraph.left_out


def left_out_paragraph(block: TextBlock) -> Paragraph:
    return Paragraph("\n".join(" ".join(line.split()) for line in block.lines), left_out=block.left_out)


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
    lines = [line for p in paragraphs if not p.left_out for line in p.text.split("\n")]
    return sum(len(line.split()) for line in lines) <= 60 and all(len(line.split()) <= 10 for line in lines)
