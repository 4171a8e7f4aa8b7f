"""Structure stage: a `Source` becomes an `Edition` of titled chapters of paragraphs.

An input that knows its own structure (its reader gave chapters) keeps it; a text is
structured by the text rules (`text`): headings in the locale's words, front matter,
paragraphs, verse, scene breaks.
"""

from __future__ import annotations

from dataclasses import replace

from aloud.model import Edition, Publication, Source
from aloud.narrate.lang import Locale
from aloud.narrate.lang.en import English
from aloud.structure.text import structure_text
from aloud.structure.titles import make_edition, section_title, slugify

__all__ = ["section_title", "slugify", "structure"]


def structure(
    source: Source,
    title: str | None = None,
    author: str | None = None,
    keep_web_leftovers: bool = False,
    locale: Locale | None = None,
    read_matter: bool = False,
    read_notes: bool = True,
) -> Edition:
    """Find chapters and paragraphs. `title`/`author` override what the source says; a
    book's front and back matter is left out unless `read_matter`, its notes with `read_notes` off."""
    if source.chapters:
        chapters = [c for c in source.chapters if read_matter or not c.matter]
        chapters = [c if read_notes else replace(c, notes=()) for c in chapters]
        chapters = [replace(c, index=n) for n, c in enumerate(chapters, start=1)]
        edition = make_edition(source.name, chapters, title or source.title, author or source.author)
    else:
        edition = structure_text(source, locale or English(), title, author, keep_web_leftovers)
    return replace(edition, language=source.language, publication=source.publication or Publication())
