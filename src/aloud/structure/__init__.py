"""Structure stage: a `Source` becomes an `Edition` of titled chapters of paragraphs.

An input that knows its own structure (its reader gave chapters) keeps it; a text is
structured by the text rules (`text`): headings in the locale's words, front matter,
paragraphs, verse, scene breaks.
"""

from __future__ import annotations

from aloud.model import Edition, Source
from aloud.narrate.lang import Locale
from aloud.narrate.lang.en import English
from aloud.structure.text import structure_text
from aloud.structure.titles import DEFAULT_AUTHOR, make_edition, section_title, slugify

__all__ = ["DEFAULT_AUTHOR", "section_title", "slugify", "structure"]


def structure(
    source: Source,
    title: str | None = None,
    author: str | None = None,
    keep_web_leftovers: bool = False,
    locale: Locale | None = None,
) -> Edition:
    """Find chapters and paragraphs. `title`/`author` override what the source says."""
    if source.chapters:
        return make_edition(source.name, source.chapters, title or source.title, author or source.author)
    return structure_text(source, locale or English(), title, author, keep_web_leftovers)
