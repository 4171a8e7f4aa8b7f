"""Structure stage: a `Source` becomes an `Edition` of titled chapters of paragraphs.

An input that knows its own structure (its reader gave chapters) keeps it; a text is
structured by the text rules (`text`): headings in the locale's words, front matter,
paragraphs, verse, scene breaks.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from aloud.model import HEADING, LEFT_OUT, Chapter, Edition, Paragraph, Publication, Source
from aloud.narrate.lang import Locale
from aloud.narrate.lang.en import English
from aloud.structure.text import structure_paragraphs, structure_text
from aloud.structure.titles import make_edition, section_title, slugify

__all__ = ["section_title", "slugify", "structure"]

log = logging.getLogger(__name__)


def structure(
    source: Source,
    title: str | None = None,
    author: str | None = None,
    keep: frozenset[str] = frozenset(),
    locale: Locale | None = None,
    read_notes: bool = True,
) -> Edition:
    """Find chapters and paragraphs. `title`/`author` override what the source says. What
    is left out by default (`model.LEFT_OUT`: web leftovers, repeated passages, code, a
    book's front and back matter …) is read when `keep` names it; notes with `read_notes` off are not."""
    locale = locale or English()
    if source.chapters:
        chapters = [c for c in source.chapters if "matter" in keep or not c.matter]
        chapters = [c if read_notes else replace(c, notes=()) for c in chapters]
        chapters = [replace(c, index=n) for n, c in enumerate(chapters, start=1)]
        edition = make_edition(source.name, chapters, title or source.title, author or source.author)
    elif source.paragraphs:
        edition = structure_paragraphs(source, locale, title, author)
    else:
        edition = structure_text(source, locale, title, author)
    chapters = list(edition.chapters)
    if source.trailing and chapters:
        chapters[-1] = replace(chapters[-1], paragraphs=(*chapters[-1].paragraphs, *source.trailing))
    chapters = [kept_in(c, keep, locale) for c in chapters]
    edition = replace(edition, chapters=tuple(_without_chapters_all_left_out(chapters)))
    return replace(edition, language=source.language, language_from=source.language_from if source.language else "",
                   publication=source.publication or Publication())


def _without_chapters_all_left_out(chapters: list[Chapter]) -> list[Chapter]:
    """The chapters that say something: one whose every paragraph is left out (a text pasted
    twice, a chapter of code) goes, with a warning naming it and the option that keeps it."""
    kept = []
    for chapter in chapters:
        paragraphs = (*chapter.preamble, *chapter.paragraphs)
        reasons = sorted({p.left_out for p in paragraphs if p.left_out})
        if reasons and not any(p.word_count for p in paragraphs) and not chapter.notes:
            log.warning("chapter %d “%s” is all left out (%s): not read; --keep %s reads it", chapter.index,
                        chapter.title, ", ".join(LEFT_OUT[r] for r in reasons), ",".join(reasons))
            continue
        kept.append(chapter)
    kept = kept or chapters[:1]
    return [replace(c, index=n) for n, c in enumerate(kept, start=1)]


def kept_in(chapter: Chapter, keep: frozenset[str], locale: Locale) -> Chapter:
    """The chapter with what `keep` names read after all: code announced ("Code, 12 lines."),
    the rest read as written."""
    def kept(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        return tuple(_kept(p, locale) if p.left_out in keep else p for p in paragraphs)

    if not keep or not any(p.left_out for p in (*chapter.preamble, *chapter.paragraphs)):
        return chapter
    return replace(chapter, preamble=kept(chapter.preamble), paragraphs=kept(chapter.paragraphs))


def _kept(paragraph: Paragraph, locale: Locale) -> Paragraph:
    if paragraph.left_out == "code":
        lines = len(paragraph.text.split("\n"))
        words = locale.headings
        said = words.code.format(lines=locale.number_words(lines)) if lines > 1 else words.code_line
        return Paragraph(said, HEADING) if said else paragraph  # a language with no words for it: still left out
    return replace(paragraph, left_out="")
