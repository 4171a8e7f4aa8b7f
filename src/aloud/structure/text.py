"""The text rules: a plain text's chapters found from its headings, else cut into parts.

Project Gutenberg files lose their header and licence and give their title and author;
a single `# Book title` above `## Chapter` headings titles the edition.
"""

from __future__ import annotations

from aloud.errors import InputError
from aloud.model import Edition, Source
from aloud.narrate.lang import Locale
from aloud.structure.blocks import blocks_of, is_scene_break, paragraphs_of, typical_width, without_web_leftovers
from aloud.structure.chapters import chapters_from_headings, parts_without_headings
from aloud.structure.gutenberg import strip_gutenberg
from aloud.structure.headings import CONTENTS, MARKDOWN, Heading, HeadingRules
from aloud.structure.titles import make_edition


def structure_text(
    source: Source, locale: Locale, title: str | None = None, author: str | None = None, keep_web_leftovers: bool = False
) -> Edition:
    """Find chapters and paragraphs. `title`/`author` override what the source says."""
    text = source.text
    found_title, found_author = source.title, source.author
    book = strip_gutenberg(text)
    if book is not None:
        text = book.body
        found_title = found_title or book.title
        found_author = found_author or book.author
    blocks = blocks_of(text)
    if not keep_web_leftovers:
        blocks = without_web_leftovers(blocks)
    items = HeadingRules(locale).classify(blocks)

    headings = [i for i in items if isinstance(i, Heading) and i.kind != CONTENTS]
    markdown_top = [h for h in headings if h.kind == MARKDOWN and h.level == 1]
    if len(markdown_top) == 1 and items and items[0] == markdown_top[0] and len(headings) > 1:
        found_title = found_title or markdown_top[0].title  # "# Book title" above "## Chapter"
        items = items[1:]
        headings = headings[1:]

    width = typical_width(blocks)
    chapters = chapters_from_headings(items, width, book is not None, locale.headings) if headings else []
    if not chapters:
        # No headings, or "headings" with nothing under them: the text is all prose.
        paragraphs = [p for block in blocks if not is_scene_break(block) for p in paragraphs_of(block, width)]
        chapters = parts_without_headings(paragraphs, locale)
    if not chapters:
        raise InputError(f"{source.name}: no readable text found")
    return make_edition(source.name, chapters, title or found_title, author or found_author)
