"""The web page reader: the article, not the page.

trafilatura finds the article in a saved page (its main text, headings, lists, quotes,
tables; not the menus, share rows, cookie boxes or related links) and what the page says of
it (title, author, date, site), and the readers' comments apart from it (left out unless
`--keep comments`); the article it gives is then read by the same
rules as an EPUB's pages, so code is never read and a note mark never spoken. The page's
`<html lang>` gives the language.
"""

from __future__ import annotations

import logging
import re

from aloud.errors import InputError
from aloud.model import HEADING, Chapter, Paragraph, Publication, Source
from aloud.words import one_line

log = logging.getLogger(__name__)

PAGE = "page"
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_LANG = re.compile(rb"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)", re.IGNORECASE)


COMMENTS = "Comments"  # said before the readers' comments, with `--keep comments`
MIN_ARTICLE_WORDS = 3
ONE_CHAPTER_WORDS = 1500  # an article shorter than this is one chapter, whatever its headings
SHORT_ARTICLE_WORDS = 2500  # an article shorter than this, with short sections, is one chapter


def _authors(found: str, site: str = "") -> str:
    """The page's authors, each once ("Jeffrey Gettleman; JEFFREY GETTLEMAN" is one); a byline
    that is the site's own name is given as the site spells it ("Mac & i", not "Mac, I")."""
    parts = [one_line(n) for n in re.split(r"\s*[;|]\s*", found) if one_line(n)]
    if site and parts and [p.casefold() for p in parts] == [
            one_line(n).casefold() for n in re.split(r"\s*(?:&|\band\b|;)\s*", site) if one_line(n)]:
        return one_line(site)
    names: dict[str, str] = {}
    for name in re.split(r"\s*[;|]\s*", found):
        name = one_line(name)
        if name and name.casefold() not in names:
            names[name.casefold()] = name
    return ", ".join(names.values())


_SEPARATED = re.compile(r"\s+[|–—-]\s+|\s*[|]\s*")


def _without_site(title: str, authors: str, site: str) -> str:
    """A page title without the site's name or the author the page adds to it
    ("Māori tribes fearful … | Eleanor Ainge Roy", "Home | The Lamp")."""
    parts = _SEPARATED.split(title)
    names = {n.casefold() for n in (*authors.split(", "), site) if n} | {"home"}
    while len(parts) > 1 and parts[-1].casefold().strip() in names | {s.casefold() for s in _site_forms(site)}:
        parts.pop()
    while len(parts) > 1 and parts[0].casefold().strip() in names | {s.casefold() for s in _site_forms(site)}:
        parts.pop(0)
    if len(parts) == len(_SEPARATED.split(title)):
        return title
    return one_line(title[title.find(parts[0]):title.rfind(parts[-1]) + len(parts[-1])])


def _site_forms(site: str) -> set[str]:
    """A site's name as titles give it: "the Guardian", "Guardian", "The Guardian"."""
    bare = re.sub(r"^the\s+", "", site, flags=re.IGNORECASE)
    return {site, bare, f"The {bare}"} if site else set()


_INLINE_PARENTS = {"p", "item", "cell", "head", "hi", "ref", "del"}


def _mark_code(body) -> None:
    """trafilatura's article tree marks code `<code>`, and its HTML makes every one of them a
    `<pre>`, inline or not: a code block is made a `<pre class="code">` (never read), inline
    code a `<span>` (read as words, as in Markdown)."""
    for code in list(body.iter("code")):
        parent = code.getparent()
        if parent is None or parent.tag in ("code", "pre"):
            continue
        if parent.tag in _INLINE_PARENTS and "\n" not in "".join(code.itertext()):
            code.tag = "span"
        else:
            code.tag = "pre"
            code.set("class", "code")


# The sections of a page that list where to read more, not what to hear (Wikipedia's and
# most wikis' names for them), and the "[edit]" links a wiki sets beside its headings.
REFERENCE_SECTIONS = re.compile(
    r"(?:references?|notes and references|citations?|sources|external links|see also|further reading|"
    r"bibliography|works cited|footnotes)", re.IGNORECASE)
# Sections of links to other articles a page adds after the article ("Other Opinion Columns").
ELSEWHERE_SECTIONS = re.compile(
    r"(?:other|more)\b.{0,40}\b(?:columns|stories|articles|news|posts|videos|reading)|more from\b.*|related\b.*|"
    r"recommended\b.*|(?:most|more) (?:read|popular|viewed|shared|commented)\b.*|you (?:may|might) (?:also )?like|"
    r"trending\b.*|read (?:next|more)|popular (?:now|stories|articles)|editor'?s'? picks|latest (?:news|stories)|"
    r"top stories|don'?t miss|sponsored\b.*|advertisement", re.IGNORECASE)
EDIT_LINK = re.compile(r"\s*\[\s*(?:edit|edit source|modifier|bearbeiten|editar)\s*\]", re.IGNORECASE)


def references_left_out(blocks: list) -> list:
    """The page's blocks with wiki "[edit]" links gone from its headings, and its reference
    sections ("References", "External links", "See also" …) and sections of links elsewhere
    ("Other Opinion Columns", "More from …") left out to the next heading of their level."""
    from dataclasses import replace

    out = []
    level, why = 0, ""  # of the section being left out (0 when none is), and why
    for block in blocks:
        if block.kind == HEADING:
            block = replace(block, text=EDIT_LINK.sub("", block.text).strip())
            if level and block.level <= level:
                level = 0
            name = block.text.strip(" .:")
            if not level and REFERENCE_SECTIONS.fullmatch(name):
                level, why = block.level or 1, "references"
            elif not level and ELSEWHERE_SECTIONS.fullmatch(name):
                level, why = block.level or 1, "web-leftovers"
        out.append(replace(block, left_out=why) if level and not block.left_out and block.text else block)
    return out


MIN_CODE_CHARS = 12  # a shorter block of code may be a word in a sentence


def _code_blocks(data: bytes) -> list[str]:
    """The text of each code block of the page itself (`<pre>`, or `<code>` on lines of its own)."""
    if b"<pre" not in data and b"<code" not in data:
        return []  # most pages: no second parse
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(data)
    except (ValueError, SyntaxError):  # lxml's ParserError is a ValueError: an empty or odd page
        return []
    found = []
    for element in root.iter("pre", "code"):
        if element.tag == "code" and (element.getparent() is not None and element.getparent().tag == "pre"):
            continue
        text = " ".join("".join(element.itertext()).split())
        if len(text) >= MIN_CODE_CHARS and (element.tag == "pre" or "\n" in "".join(element.itertext())):
            found.append(text)
    return found


def _without_code_run_in(blocks: list, code: list[str]) -> list:
    """The blocks without code a page's extraction ran into its prose (a page too small for
    trafilatura to find its structure comes back as one paragraph): each piece of code found
    in a block of prose is cut out of it, and stands after it, left out."""
    if not code:
        return blocks
    from dataclasses import replace

    from aloud.read.epub.content import Block

    out = []
    for block in blocks:
        cut = [c for c in code if not block.left_out and block.kind != HEADING and c in block.text]
        if not cut:
            out.append(block)
            continue
        text = block.text
        for piece in cut:
            text = text.replace(piece, " ")
        text = " ".join(text.split())
        if text:
            out.append(replace(block, text=text))
        out.extend(Block("prose", piece, left_out="code") for piece in cut)
    return out


def _comments(body) -> tuple[Paragraph, ...]:
    """Readers' comments under the article: left out, after a "Comments" heading, unless kept."""
    if body is None:
        return ()
    said = [one_line("".join(p.itertext())) for p in body.iter("p")] or [one_line("".join(body.itertext()))]
    said = [text for text in said if text]
    if not said:
        return ()
    return (Paragraph(COMMENTS, HEADING, left_out="comments"), *(Paragraph(t, left_out="comments") for t in said))


_WHOLE_PAGE = re.compile(rb"<(?:html|body)[\s>]", re.IGNORECASE)


class HtmlReader:
    name = "html"
    suffixes = (".html", ".htm", ".xhtml", ".shtml")

    def sniff(self, head: bytes) -> bool:
        return bool(_HTML_START.match(head))

    def read(self, data: bytes, origin: str, name: str) -> Source:
        import trafilatura  # loaded only for web pages: it takes a moment
        from trafilatura.htmlprocessing import build_html_output

        from aloud.read.epub.book import (
            Book,
            chapters_from_headings,
            lone_title,
            paragraphs_of_blocks,
            resolve_note_marks,
        )
        from aloud.read.epub.content import parse_xhtml

        logging.getLogger("trafilatura").setLevel(logging.ERROR)

        def extract(page: bytes):
            return trafilatura.bare_extraction(page, output_format="html", include_comments=True, include_tables=True,
                                               include_images=True, include_links=False, with_metadata=True,
                                               favor_recall=True)

        # An article's HTML alone, saved as a file, is read as the body of a page.
        meta = extract(data if _WHOLE_PAGE.search(data[:65536]) else b"<html><body>" + data + b"</body></html>")
        if meta is None or meta.body is None:
            raise InputError(f"{origin}: holds no article to read (no main text was found in the page)")
        _mark_code(meta.body)
        article = build_html_output(meta)
        document = parse_xhtml(article.encode("utf-8"), PAGE, lambda base, href: ("", ""))
        document.blocks = references_left_out(_without_code_run_in(document.blocks, _code_blocks(data)))
        if document.words < MIN_ARTICLE_WORDS:  # a menu word or two is not an article
            raise InputError(f"{origin}: holds no article to read (no main text was found in the page)")
        resolve_note_marks((document,), set())
        found_title = lone_title(document)
        chapters = chapters_from_headings(Book((document,), ("",), {}))
        authors = _authors(getattr(meta, "author", "") or "", getattr(meta, "sitename", "") or "")
        title = _without_site(one_line(getattr(meta, "title", "") or ""), authors, getattr(meta, "sitename", "") or "")
        title = title or found_title
        if chapters and (document.words < ONE_CHAPTER_WORDS
                         or document.words < SHORT_ARTICLE_WORDS and document.words < 300 * len(chapters)):
            # A short article's headings are its sections, read in one chapter, whose title the
            # opening announcement has just said: it is not said again.
            chapters = [Chapter(1, title or name, "", tuple(paragraphs_of_blocks(document.blocks)))]
        said = "\n\n".join(b.text for b in document.blocks if b.words and b.kind != HEADING)
        language = _LANG.search(data[:65536])
        return Source(
            name=name, text=said, title=title or None, author=authors or None,
            chapters=tuple(chapters), trailing=_comments(meta.commentsbody),
            paragraphs=() if chapters else tuple(paragraphs_of_blocks(document.blocks)),
            language=language.group(1).decode("ascii") if language else None,
            publication=Publication(date=getattr(meta, "date", "") or "", publisher=getattr(meta, "sitename", "") or "",
                                    description=one_line(getattr(meta, "description", "") or "")),
        )
