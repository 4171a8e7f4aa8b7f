"""The web page reader: the article, not the page.

trafilatura finds the article in a saved page (its main text, headings, lists, quotes,
tables; not the menus, share rows, cookie boxes, related links or comments) and what the
page says of it (title, author, date, site); the article it gives is then read by the same
rules as an EPUB's pages, so code is never read and a note mark never spoken. The page's
`<html lang>` gives the language.
"""

from __future__ import annotations

import logging
import re

from aloud.errors import InputError
from aloud.model import HEADING, Chapter, Publication, Source
from aloud.words import one_line

log = logging.getLogger(__name__)

PAGE = "page"
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_LANG = re.compile(rb"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)", re.IGNORECASE)


MIN_ARTICLE_WORDS = 3
ONE_CHAPTER_WORDS = 1500  # an article shorter than this is one chapter, whatever its headings
SHORT_ARTICLE_WORDS = 2500  # an article shorter than this, with short sections, is one chapter


def _authors(found: str) -> str:
    """The page's authors, each once ("Jeffrey Gettleman; JEFFREY GETTLEMAN" is one)."""
    names: dict[str, str] = {}
    for name in re.split(r"\s*[;|]\s*", found):
        name = one_line(name)
        if name and name.casefold() not in names:
            names[name.casefold()] = name
    return ", ".join(names.values())


class HtmlReader:
    name = "html"
    suffixes = (".html", ".htm", ".xhtml", ".shtml")

    def sniff(self, head: bytes) -> bool:
        return bool(_HTML_START.match(head))

    def read(self, data: bytes, origin: str, name: str) -> Source:
        import trafilatura  # loaded only for web pages: it takes a moment

        from aloud.read.epub.book import (
            Book,
            chapters_from_headings,
            lone_title,
            paragraphs_of_blocks,
            resolve_note_marks,
        )
        from aloud.read.epub.content import parse_xhtml

        logging.getLogger("trafilatura").setLevel(logging.ERROR)
        article = trafilatura.extract(data, output_format="html", include_comments=False, include_tables=True,
                                      include_images=False, include_links=False, with_metadata=False,
                                      favor_recall=True)
        if not article:
            raise InputError(f"{origin}: holds no article to read (no main text was found in the page)")
        meta = trafilatura.extract_metadata(data)
        document = parse_xhtml(article.encode("utf-8"), PAGE, lambda base, href: ("", ""))
        if document.words < MIN_ARTICLE_WORDS:  # a menu word or two is not an article
            raise InputError(f"{origin}: holds no article to read (no main text was found in the page)")
        resolve_note_marks((document,), set())
        found_title = lone_title(document)
        chapters = chapters_from_headings(Book((document,), ("",), {}))
        title = one_line(getattr(meta, "title", "") or "") or found_title
        if chapters and (document.words < ONE_CHAPTER_WORDS
                         or document.words < SHORT_ARTICLE_WORDS and document.words < 300 * len(chapters)):
            # A short article's headings are its sections, read in one chapter, whose title the
            # opening announcement has just said: it is not said again.
            chapters = [Chapter(1, title or name, "", tuple(paragraphs_of_blocks(document.blocks)))]
        said = "\n\n".join(b.text for b in document.blocks if b.words and b.kind != HEADING)
        language = _LANG.search(data[:65536])
        return Source(
            name=name, text=said, title=title or None, author=_authors(getattr(meta, "author", "") or "") or None,
            chapters=tuple(chapters),
            language=language.group(1).decode("ascii") if language else None,
            publication=Publication(date=getattr(meta, "date", "") or "", publisher=getattr(meta, "sitename", "") or "",
                                    description=one_line(getattr(meta, "description", "") or "")),
        )
