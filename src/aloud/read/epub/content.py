"""A content document (XHTML) as a narrator reads it: blocks of prose, verse and headings,
the anchors a table of contents points at, the notes it holds and the notes it cites.

Never spoken: scripts, styles, images, code, hidden text, ruby glosses, note marks (a
noteref, or a short link in superscript). Footnotes (`<aside epub:type="footnote">`, or an
element classed "footnote") leave the flow and are read after the chapter that cites
them; a notes section the author wrote as such stays where it is. `<br>` keeps lines,
a poem or stanza is verse, a table is read row by row with its header cells, `<hr>` is
a scene break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree, html

from aloud.model import BREAK, HEADING, PROSE, VERSE
from aloud.narrate.phonemes import espeak_phonemes
from aloud.read.epub.package import NS, XML_PARSER
from aloud.words import count_words

SKIP = {"script", "style", "head", "title", "img", "math", "audio", "video", "object", "embed", "iframe",
        "canvas", "rt", "rp", "template", "noscript", "button", "input", "select", "textarea", "map", "picture",
        "source", "track", "meta", "link", "code", "kbd", "samp", "var"}
BLOCKS = {"p", "div", "li", "dt", "dd", "blockquote", "figcaption", "caption", "section", "article", "header",
          "footer", "main", "aside", "nav", "figure", "address", "ol", "ul", "dl", "body", "center", "hgroup",
          "details", "summary"}
HEADINGS = {f"h{n}": n for n in range(1, 7)}
SSML_PH = "{http://www.w3.org/2001/10/synthesis}ph"
SSML_ALPHABET = "{http://www.w3.org/2001/10/synthesis}alphabet"
STANZA = 1  # the level of a verse block that is a whole stanza (its lines' blocks are merged into it)
NOTE_TYPES = {"footnote", "endnote", "rearnote", "note", "doc-footnote", "doc-endnote"}
NOTE_SECTIONS = {"footnotes", "endnotes", "rearnotes", "doc-endnotes", "doc-footnotes"}
VERSE_MARKS = {"poem", "verse", "stanza", "poetry", "lg", "z3998:poem", "z3998:verse", "z3998:stanza", "linegroup"}
# Project Gutenberg's own header and licence inside its EPUBs (ids it gives them).
GUTENBERG_IDS = {"pg-header", "pg-footer", "pg-machine-header", "pg-start-separator", "pg-end-separator"}
_NOTE_MARK = re.compile(r"^\[?\(?[0-9]{1,4}[a-z]?\)?\]?$|^[*†‡§¶#]{1,3}$|^\[?[a-z]\]?$|^[ivxlc]{1,6}$")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Small capitals (U+1D00 …) as letters: "Jᴇᴀɴ-Bᴇʀɴᴀʀᴅ" is "Jean-Bernard".
SMALL_CAPITALS = str.maketrans("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnopqrstuvwyz")


@dataclass(frozen=True)
class Citation:
    target: str  # zip name of the document holding the note
    fragment: str
    label: str  # the mark as printed: "3", "*"


@dataclass(frozen=True)
class Block:
    kind: str  # PROSE, VERSE, HEADING or BREAK
    text: str  # verse keeps its lines, separated by "\n"
    level: int = 0  # of a heading, 1 to 6; STANZA for a stanza of a poem
    cites: tuple[Citation, ...] = ()
    pronounce: tuple[tuple[str, str], ...] = ()  # (text as written, espeak-ng phonemes) from ssml:ph
    runs_on: bool = False  # a fixed-layout page's text: its last sentence may go on on the next page

    @property
    def words(self) -> int:
        return count_words(self.text)


@dataclass
class Document:
    name: str
    blocks: list[Block] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)  # id → index of the block it starts
    notes: dict[str, tuple[str, tuple[Block, ...]]] = field(default_factory=dict)  # id → (own label, blocks)
    types: set[str] = field(default_factory=set)  # epub:type and doc-* roles of the body and its sections
    images: int = 0
    links: int = 0
    link_words: int = 0

    @property
    def words(self) -> int:
        return sum(b.words for b in self.blocks)

    @property
    def heading(self) -> str:
        return next((b.text for b in self.blocks if b.kind == HEADING), "")


def parse_xhtml(data: bytes, name: str, resolve) -> Document:
    """The document `name`; `resolve(base, href)` gives the (zip name, fragment) of a link."""
    root = _parse(data)
    body = next((e for e in root.iter() if _tag(e) == "body"), root)
    walker = _Walker(Document(name), resolve)
    walker.types_of(body)
    walker.visit(body)
    walker.flush()
    return walker.document


def _parse(data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, XML_PARSER)
    except etree.XMLSyntaxError:
        # Not well-formed (HTML entities such as &nbsp; without a DTD, a stray tag): HTML's rules.
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        parsed = html.fromstring(data, parser=parser)
        return parsed.getroottree().getroot() if parsed is not None else etree.Element("html")


def _tag(element: etree._Element) -> str:
    if not isinstance(element.tag, str):
        return ""
    return etree.QName(element).localname.lower() if element.tag.startswith("{") else element.tag.lower()


def _attr(element: etree._Element, local: str) -> str:
    """An attribute by local name, namespaced (XHTML) or not (HTML-parsed): `epub:type`, `role`."""
    for key, value in element.attrib.items():
        key_local = key.rsplit("}", 1)[-1] if key.startswith("{") else key.split(":")[-1]
        if key_local == local and (local != "type" or key.startswith(f"{{{NS['epub']}}}") or key.startswith("epub:")):
            return value
    return ""


def _marks(element: etree._Element) -> set[str]:
    """What an element says it is: its epub:type, its role and its classes, lower case."""
    return set((_attr(element, "type") + " " + _attr(element, "role") + " " + element.get("class", "")).lower().split())


class _Walker:
    def __init__(self, document: Document, resolve) -> None:
        self.document = document
        self.resolve = resolve
        self.buffer: list[str] = []
        self.cites: list[Citation] = []
        self.sounds: list[tuple[str, str]] = []  # ssml:ph of the block being read
        self.out = document.blocks

    # -- the flow --------------------------------------------------------------------

    def flush(self, kind: str = PROSE) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        lines = [" ".join(line.split()) for line in _INVISIBLE.sub("", text).translate(SMALL_CAPITALS).split("\n")]
        lines = [line for line in lines if line]
        if lines:
            verse = kind == VERSE or len(lines) > 1
            said = "\n".join(lines)
            sounds = tuple((shown, ph) for shown, ph in dict(self.sounds).items() if shown in said)
            self.out.append(Block(VERSE if verse else kind, said, cites=tuple(self.cites), pronounce=sounds))
        elif self.cites and self.out:
            last = self.out[-1]
            self.out[-1] = Block(last.kind, last.text, last.level, last.cites + tuple(self.cites), last.pronounce)
        self.cites, self.sounds = [], []

    def text(self, value: str | None) -> None:
        if value:
            self.buffer.append(value.replace("\n", " ").replace("\r", " ").replace("\t", " "))

    def types_of(self, element: etree._Element) -> None:
        marks = {m for m in _marks(element) if ":" in m or m.startswith("doc-") or m in {
            "cover", "titlepage", "halftitlepage", "copyright-page", "colophon", "toc", "index", "loi", "lot"}}
        self.document.types |= {m.split(":")[-1] for m in marks}

    def visit(self, element: etree._Element) -> None:
        """The element's own text and its children, each followed by its tail."""
        self.text(element.text)
        for child in element:
            self.element(child)
            self.text(child.tail)

    def element(self, element: etree._Element) -> None:
        tag = _tag(element)
        if not tag:
            return
        if element.get("id"):
            if tag in BLOCKS or tag in HEADINGS or tag in ("table", "hr", "pre"):
                self.flush()  # the text before it is a block of its own: the anchor starts the next
            self.document.anchors.setdefault(element.get("id"), len(self.out))
        if tag in ("img", "svg", "picture", "image"):
            self.document.images += 1
        if tag == "svg":
            self.flush()
            self.svg_text(element)
            return
        if tag in SKIP or element.get("hidden") is not None or element.get("aria-hidden") == "true" \
                or element.get("id") in GUTENBERG_IDS:
            return
        self.pronunciation(element)
        marks = _marks(element)
        if marks & NOTE_TYPES and tag != "a":
            self.note(element)
            return
        if tag in ("section", "div", "body", "article") and element.getparent() is not None \
                and _tag(element.getparent()) == "body":
            self.types_of(element)
        if tag == "a":
            self.link(element, marks)
            return
        if tag == "br":
            self.buffer.append("\n")
            return
        if tag == "hr":
            self.flush()
            self.out.append(Block(BREAK, ""))
            return
        if tag in HEADINGS:
            self.flush()
            self.visit_inline(element)
            self.flush(HEADING)
            if self.out and self.out[-1].kind == HEADING and self.out[-1].level == 0:
                last = self.out[-1]
                self.out[-1] = Block(HEADING, last.text.replace("\n", " "), HEADINGS[tag], last.cites, last.pronounce)
            elif self.out and self.out[-1].kind == VERSE and not self.out[-1].level:
                last = self.out[-1]  # a heading with <br>: one line
                self.out[-1] = Block(HEADING, last.text.replace("\n", " "), HEADINGS[tag], last.cites, last.pronounce)
            return
        if tag == "table":
            self.flush()
            self.table(element)
            return
        if tag == "pre":
            self.flush()
            if "code" not in marks and not any(_tag(e) == "code" for e in element.iter()):
                self.visit_inline(element, keep_lines=True)
                self.flush(VERSE)
            return
        if marks & VERSE_MARKS:
            self.flush()
            self.verse(element)
            return
        if tag in BLOCKS:
            self.flush()
            self.visit(element)
            self.flush()
            return
        self.visit(element)

    def visit_inline(self, element: etree._Element, keep_lines: bool = False) -> None:
        if keep_lines:
            self.buffer.append("\n".join(" ".join(line.split()) for line in "".join(element.itertext()).split("\n")))
            return
        self.text(element.text)
        for child in element:
            tag = _tag(child)
            if child.get("id"):
                self.document.anchors.setdefault(child.get("id"), len(self.out))
            self.pronunciation(child)
            if tag == "br":
                self.buffer.append(" ")
            elif tag == "a":
                self.link(child, _marks(child))
            elif tag and tag not in SKIP and child.get("aria-hidden") != "true":
                self.visit_inline(child)
            self.text(child.tail)

    def pronunciation(self, element: etree._Element) -> None:
        """An `ssml:ph` on an element: its text is said with those phonemes (IPA, unless
        `ssml:alphabet` names espeak's own)."""
        ph = element.get(SSML_PH) or element.get("ssml:ph")
        if not ph:
            return
        shown = " ".join("".join(element.itertext()).split())
        alphabet = element.get(SSML_ALPHABET) or element.get("ssml:alphabet") or "ipa"
        phonemes = espeak_phonemes(ph) if alphabet.lower() == "ipa" else ph if alphabet.lower() == "x-espeak" else None
        if shown and phonemes:
            self.sounds.append((shown, f"[[{phonemes}]]"))

    # -- links and notes -------------------------------------------------------------

    def link(self, element: etree._Element, marks: set[str]) -> None:
        words = " ".join("".join(element.itertext()).split())
        href = element.get("href", "")
        self.document.links += 1 if href else 0
        self.document.link_words += count_words(words) if href else 0
        parent = element.getparent()
        in_sup = any(_tag(e) == "sup" for e in element.iter()) or (parent is not None and _tag(parent) in ("sup", "small"))
        noteref = "noteref" in marks or "doc-noteref" in marks or (
            href and "#" in href and (in_sup or _NOTE_MARK.match(words.lower() or "-")) and len(words) <= 6)
        backlink = "backlink" in marks or "doc-backlink" in marks or words in ("↩", "↑", "^", "Back", "back")
        if noteref or backlink:
            if noteref and not backlink:
                target, fragment = self.resolve(self.document.name, href)
                self.cites.append(Citation(target, fragment, words.strip("[]()") or "*"))
            return
        self.visit(element)

    def note(self, element: etree._Element) -> None:
        """A footnote: kept aside under every id it carries, read where it is cited."""
        inner = _Walker(Document(self.document.name), self.resolve)
        inner.visit_inline_block(element)
        blocks = tuple(b for b in inner.document.blocks if b.kind != BREAK)
        label = ""
        if blocks and blocks[0].kind != HEADING:
            first, _, rest = blocks[0].text.partition(" ")
            if _NOTE_MARK.match(first.strip(".").lower()) and rest:
                label = first.strip("[]().")
                blocks = (Block(blocks[0].kind, rest), *blocks[1:])
        ids = [element.get("id")] + [e.get("id") for e in element.iter() if isinstance(e.tag, str)]
        for note_id in filter(None, ids):
            self.document.notes.setdefault(note_id, (label, blocks))

    def visit_inline_block(self, element: etree._Element) -> None:
        self.visit(element)
        self.flush()

    # -- fixed layout, verse and tables -----------------------------------------------

    def svg_text(self, element: etree._Element) -> None:
        """The text a fixed-layout page sets in SVG: its pieces (each <tspan>, or a <text>
        without them) joined in order, a word broken at a line's end ("res-" "tait") made
        whole; a page is one paragraph that may run on into the next page."""
        pieces: list[tuple[object, str]] = []  # (the line it is on, its text)
        for text in (t for t in element.iter() if _tag(t) == "text"):
            spans = [t for t in text.iter() if _tag(t) == "tspan"]
            pieces += [((id(text), span.get("y")), span.text or "") for span in spans] or [
                ((id(text), None), "".join(text.itertext()))]
        joined, line = "", None
        for where, piece in (p for p in pieces if p[1].strip()):
            new_line, line = where != line, where
            if new_line and joined.rstrip().endswith("-") and joined.rstrip()[-2:-1].isalpha() \
                    and piece.lstrip()[:1].islower():
                joined = joined.rstrip()[:-1] + piece.lstrip()
            elif new_line and joined and not joined[-1].isspace() and not piece[0].isspace():
                joined += " " + piece
            else:
                joined += piece  # the same line, set in pieces (kerning): no space of ours
        text = " ".join(joined.split()).translate(SMALL_CAPITALS)
        if text:
            self.out.append(Block(PROSE, text, runs_on=True))

    def verse(self, element: etree._Element) -> None:
        """A poem or stanza: its lines (each a block-level child, or split by <br>) as verse."""
        inner = _Walker(self.document, self.resolve)
        inner.out = []
        inner.visit(element)
        inner.flush()
        lines: list[str] = []
        for block in inner.out:
            if block.kind == PROSE or (block.kind == VERSE and block.level != STANZA):
                lines.extend(block.text.split("\n"))
                continue
            if lines:
                self.out.append(Block(VERSE, "\n".join(lines), STANZA))
                lines = []
            self.out.append(block)  # a stanza of its own, a heading, a break
        if lines:
            self.out.append(Block(VERSE, "\n".join(lines), STANZA))

    def table(self, element: etree._Element) -> None:
        rows = [r for r in element.iter() if _tag(r) == "tr"]
        cells = [[" ".join("".join(c.itertext()).split()) for c in r if _tag(c) in ("td", "th")] for r in rows]
        header: list[str] = []
        if rows and all(_tag(c) == "th" for c in rows[0] if _tag(c) in ("td", "th")) and len(rows) > 1:
            header, cells = cells[0], cells[1:]
        for row in cells:
            said = [f"{h}: {c}" if h and c else c for h, c in zip(header + [""] * len(row), row) if c]
            if said:
                self.out.append(Block(PROSE, "; ".join(said).rstrip(".") + "."))
