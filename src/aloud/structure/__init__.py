"""Structure stage: a `Source` becomes an `Edition` of titled chapters of paragraphs."""

from aloud.structure.text_rules import DEFAULT_AUTHOR, section_title, slugify, structure

__all__ = ["DEFAULT_AUTHOR", "section_title", "slugify", "structure"]
