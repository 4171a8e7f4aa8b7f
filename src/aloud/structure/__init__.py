"""Structure stage: a `Source` becomes an `Edition` of titled chapters of paragraphs.

An input that knows its own structure (its reader gave chapters) keeps it; a text is
structured by the rules of `text_rules`: headings, front matter, paragraphs, verse.
"""

from __future__ import annotations

from aloud.model import Edition, Source
from aloud.structure.text_rules import DEFAULT_AUTHOR, make_edition, section_title, slugify, structure_text

__all__ = ["DEFAULT_AUTHOR", "section_title", "slugify", "structure"]


def structure(source: Source, title: str | None = None, author: str | None = None, keep_web_leftovers: bool = False) -> Edition:
    """Find chapters and paragraphs. `title`/`author` override what the source says."""
    if source.chapters:
        return make_edition(source.name, source.chapters, title or source.title, author or source.author)
    return structure_text(source, title, author, keep_web_leftovers)
