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
import textwrap
from dataclasses import dataclass, field, replace

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
NOTE_TYPES = {"footnote", "endnote", "rearnote", "note", "doc-footnote", "doc-endnote"}  # by epub:type or role
NOTE_CLASSES = {"footnote", "endnote"}  # by class: a note only if something in its document points at it
NOTE_SECTIONS = {"footnotes", "endnotes", "rearnotes", "doc-endnotes", "doc-footnotes"}  # read where they are
NOTEREF_CLASSES = {"noteref", "fnanchor", "footnote-ref", "footnoteref", "footnote-reference", "note-ref"}
MATTER_TYPES = {"cover", "titlepage", "halftitlepage", "copyright-page", "colophon", "toc", "index", "loi", "lot",
                "loa", "lov", "imprint", "imprimatur", "fulltitle"}
VERSE_MARKS = {"poem", "verse", "stanza", "poetry", "lg", "z3998:poem", "z3998:verse", "z3998:stanza", "linegroup"}
# Project Gutenberg's own header and licence inside its EPUBs (ids it gives them).
GUTENBERG_IDS = {"pg-header", "pg-footer", "pg-machine-header", "pg-start-separator", "pg-end-separator"}
_NOTE_MARK = re.compile(r"^\[?\(?[0-9]{1,4}[a-z]?\)?\]?$|^[*†‡§¶#]{1,3}$|^\[?[a-z]\]?$|^[ivxlc]{1,6}$")
_BRACKETED_MARK = re.compile(r"^\[(?:[0-9]{1,4}|[a-z]|[*†‡])\]$|^[*†‡§¶]{1,3}$")
# Around a link that may be a note mark: "\ue000<n>\ue001<text>\ue002" (see Document.candidates).
CANDIDATE_OPEN, CANDIDATE_MID, CANDIDATE_CLOSE = "\ue000", "\ue001", "\ue002"
CANDIDATE = re.compile("\ue000(\\d+)\ue001([^\ue002]*)\ue002")
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
    note: str = ""  # "document#id" of the note it is part of, in a notes section the author wrote
    left_out: str = ""  # why it is not read ("code"), or "" (see model.LEFT_OUT)

    @property
    def words(self) -> int:
        return 0 if self.left_out else count_words(self.text)


@dataclass
class Document:
    name: str
    blocks: list[Block] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)  # id → index of the block it starts
    notes: dict[str, tuple[str, tuple[Block, ...]]] = field(default_factory=dict)  # id → (own label, blocks)
    types: set[str] = field(default_factory=set)  # epub:type and doc-* roles of the body and its sections
    # Links that may be note marks ("12", "I"): a note mark only if they point at a note.
    candidates: list[Citation] = field(default_factory=list)
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
    body = next((e for e in root.iter() if local_name(e) == "body"), root)
    walker = _Walker(Document(name), resolve, _link_targets(root))
    walker.types_of(body)
    elements = [child for child in body if local_name(child)]
    if len(elements) == 1 and local_name(elements[0]) in ("section", "div", "article", "main"):
        walker.types_of(elements[0])  # a wrapper round the whole document speaks for it
    walker.visit(body)
    walker.flush()
    return walker.document


def parse_markup(data: bytes) -> etree._Element:
    """XHTML, or HTML when it is not well-formed XML; an empty element when it holds nothing."""
    return _parse(data)


def _parse(data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, XML_PARSER)
    except etree.XMLSyntaxError:
        # Not well-formed (HTML entities such as &nbsp; without a DTD, a stray tag): HTML's rules.
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        try:
            parsed = html.fromstring(data, parser=parser)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return etree.Element("html")  # empty, or nothing a parser can use
        return parsed.getroottree().getroot() if parsed is not None else etree.Element("html")


def _link_targets(root: etree._Element) -> set[str]:
    """The fragments links in the document point at (a note is pointed at)."""
    found = set()
    for element in root.iter():
        href = element.get("href", "") if isinstance(element.tag, str) else ""
        if "#" in href:
            found.add(href.split("#", 1)[1])
    return found


def local_name(element: etree._Element) -> str:
    """An element's tag without its namespace, lower case; "" for a comment or the like."""
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


def _types(element: etree._Element) -> set[str]:
    """What an element says it is, in words a book means: its epub:type and its role, lower case."""
    return set((_attr(element, "type") + " " + _attr(element, "role")).lower().split())


def _classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").lower().split())


class _Walker:
    def __init__(self, document: Document, resolve, targets: set[str], in_notes: bool = False) -> None:
        self.document = document
        self.resolve = resolve
        self.targets = targets  # ids something in the document links to
        self.in_notes = in_notes  # inside a notes section the author wrote: its notes stay where they are
        self.buffer: list[str] = []
        self.cites: list[Citation] = []
        self.sounds: list[tuple[str, str]] = []  # ssml:ph of the block being read, in order
        self.out = document.blocks

    def inner(self) -> _Walker:
        """A walker for a part of this document read on its own (a note, a stanza, a cell)."""
        return _Walker(Document(self.document.name), self.resolve, self.targets, self.in_notes)

    # -- the flow --------------------------------------------------------------------

    def flush(self, kind: str = PROSE) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        lines = [" ".join(line.split()) for line in _INVISIBLE.sub("", text).translate(SMALL_CAPITALS).split("\n")]
        lines = [line for line in lines if line]
        if lines:
            verse = kind == VERSE or len(lines) > 1
            said = "\n".join(lines)
            sounds = tuple((shown, ph) for shown, ph in self.sounds if shown in said)
            self.out.append(Block(VERSE if verse else kind, said, cites=tuple(self.cites), pronounce=sounds))
        elif self.cites and self.out:
            last = self.out[-1]
            self.out[-1] = replace(last, cites=last.cites + tuple(self.cites))
        self.cites, self.sounds = [], []

    def text(self, value: str | None) -> None:
        if value:
            self.buffer.append(value.replace("\n", " ").replace("\r", " ").replace("\t", " "))

    def types_of(self, element: etree._Element) -> None:
        marks = {m.split(":")[-1] for m in _types(element)}
        self.document.types |= {m for m in marks if m in MATTER_TYPES or m.startswith("doc-") or m in (
            "dedication", "epigraph", "foreword", "preface", "introduction", "prologue", "bodymatter", "chapter")}

    def anchor(self, element: etree._Element, tag: str) -> None:
        for name in (element.get("id"), element.get("name") if tag == "a" else None):
            if name:
                self.document.anchors.setdefault(name, len(self.out))

    def visit(self, element: etree._Element) -> None:
        """The element's own text and its children, each followed by its tail."""
        self.text(element.text)
        for child in element:
            self.element(child)
            self.text(child.tail)

    def element(self, element: etree._Element) -> None:
        tag = local_name(element)
        if not tag:
            return
        if tag in BLOCKS or tag in HEADINGS or tag in ("table", "hr", "pre"):
            self.flush()  # the text before it is a block of its own: an anchor here starts the next
        self.anchor(element, tag)
        if tag in ("img", "svg", "picture", "image"):
            self.document.images += 1
        if tag == "svg":
            self.svg_text(element)
            return
        if tag in SKIP or element.get("hidden") is not None or element.get("aria-hidden") == "true" \
                or element.get("id") in GUTENBERG_IDS:
            return
        self.pronunciation(element)
        types, classes = _types(element), _classes(element)
        if tag != "a" and not self.in_notes and self.is_note(element, types, classes):
            self.note(element)
            return
        if tag != "a" and self.in_notes and element.get("id") and (
                self.is_note(element, types, classes) or tag in ("li", "p", "div", "aside", "dd", "section")):
            self.note(element, in_flow=True)  # read where the author put it, or after its chapter (book.py)
            return
        if tag == "a":
            self.link(element, types | classes)
            return
        if tag == "br":
            self.buffer.append("\n")
            return
        if tag == "hr":
            self.out.append(Block(BREAK, ""))
            return
        if tag in HEADINGS:
            self.heading(element, HEADINGS[tag])
            return
        if tag == "table":
            self.table(element)
            return
        if tag == "pre":
            if "code" not in classes and not any(local_name(e) == "code" for e in element.iter()):
                for inside in element.iter():
                    if inside is not element and isinstance(inside.tag, str):
                        self.anchor(inside, local_name(inside))
                self.visit_inline(element, keep_lines=True)
                self.flush(VERSE)
            else:
                self.code(element)
            return
        if (types | classes) & VERSE_MARKS:
            self.verse(element)
            return
        if (types & NOTE_SECTIONS) and not self.in_notes:
            self.in_notes = True  # the author's notes section: read as written, where it is
            try:
                self.visit(element)
                self.flush()
            finally:
                self.in_notes = False
            return
        if tag in BLOCKS:
            self.visit(element)
            self.flush()
            return
        self.visit(element)

    def code(self, element: etree._Element) -> None:
        """A code block: never read, kept (its lines) so that what was left out can be shown."""
        lines = [line.rstrip() for line in textwrap.dedent("".join(element.itertext())).split("\n")]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        if lines:
            self.out.append(Block(PROSE, "\n".join(lines), left_out="code"))

    def is_note(self, element: etree._Element, types: set[str], classes: set[str]) -> bool:
        if types & NOTE_TYPES:
            return True
        if classes & NOTE_CLASSES:
            ids = {e.get("id") for e in element.iter() if isinstance(e.tag, str) and e.get("id")}
            return bool(ids & self.targets)
        return False

    def heading(self, element: etree._Element, level: int) -> None:
        self.visit_inline(element)
        text = " ".join("".join(self.buffer).split())
        self.buffer = [text]
        self.flush(HEADING)
        if self.out and self.out[-1].kind in (HEADING, VERSE) and not self.out[-1].level:
            last = self.out[-1]
            self.out[-1] = Block(HEADING, last.text.replace("\n", " "), level, last.cites, last.pronounce)

    def visit_inline(self, element: etree._Element, keep_lines: bool = False) -> None:
        if keep_lines:
            self.buffer.append("\n".join(" ".join(line.split()) for line in "".join(element.itertext()).split("\n")))
            return
        self.text(element.text)
        for child in element:
            tag = local_name(child)
            if tag:
                self.anchor(child, tag)
                self.pronunciation(child)
            if tag == "br":
                self.buffer.append(" ")
            elif tag == "a":
                self.link(child, _types(child) | _classes(child))
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
        in_sup = any(local_name(e) == "sup" for e in element.iter()) or (parent is not None and local_name(parent) == "sup")
        short = len(words) <= 6 and bool(_NOTE_MARK.match(words.lower().strip("[]()") or "-"))
        noteref = bool(href) and "#" in href and (
            bool(marks & ({"noteref", "doc-noteref"} | NOTEREF_CLASSES)) or (in_sup and short)
            or bool(_BRACKETED_MARK.match(words.lower())))
        backlink = bool(marks & {"backlink", "doc-backlink", "footnote-backref"}) or words.rstrip("\ufe0e\ufe0f") in (
            "↩", "↑", "^")
        if noteref or backlink:
            if noteref and not backlink:
                target, fragment = self.resolve(self.document.name, href)
                self.cites.append(Citation(target, fragment, words.strip("[]()") or "*"))
            return
        if short and "#" in href and words:
            target, fragment = self.resolve(self.document.name, href)
            self.document.candidates.append(Citation(target, fragment, words.strip("[]()")))
            self.buffer.append(f"{CANDIDATE_OPEN}{len(self.document.candidates) - 1}{CANDIDATE_MID}{words}{CANDIDATE_CLOSE}")
            return
        self.visit(element)

    def note(self, element: etree._Element, in_flow: bool = False) -> None:
        """A footnote: kept aside under every id it carries, read where it is cited; one of a
        notes section (`in_flow`) stays in the text too, marked as the note it is."""
        inner = self.inner()
        inner.visit(element)
        inner.flush()
        blocks = tuple(b for b in inner.out if b.kind != BREAK)
        label = ""
        if blocks and blocks[0].kind != HEADING:
            first, _, rest = blocks[0].text.partition(" ")
            if _NOTE_MARK.match(first.strip(".").lower()) and rest:
                label = first.strip("[]().")
                blocks = (Block(blocks[0].kind, rest, pronounce=blocks[0].pronounce), *blocks[1:])
        ids = [e.get("id") for e in element.iter() if isinstance(e.tag, str)]
        for note_id in filter(None, ids):
            self.document.notes.setdefault(note_id, (label, blocks))
        if in_flow and blocks:
            key = f"{self.document.name}#{element.get('id')}"
            shown = (Block(blocks[0].kind, f"{label} {blocks[0].text}".strip(), blocks[0].level, blocks[0].cites,
                           blocks[0].pronounce), *blocks[1:])
            self.out.extend(Block(b.kind, b.text, b.level, b.cites, b.pronounce, note=key) for b in shown)

    # -- fixed layout, verse and tables -----------------------------------------------

    def svg_text(self, element: etree._Element) -> None:
        """The text a fixed-layout page sets in SVG: its pieces (each <tspan>, and the text
        between them) joined in order, a word broken at a line's end ("res-" "tait") made
        whole; a page is one paragraph that may run on into the next page."""
        pieces: list[tuple[object, str]] = []  # (the line it is on, its text)
        for text in (t for t in element.iter() if local_name(t) == "text"):
            pieces.append(((id(text), None), text.text or ""))
            for span in (t for t in text.iter() if local_name(t) == "tspan"):
                pieces += [((id(text), span.get("y")), span.text or ""), ((id(text), span.get("y")), span.tail or "")]
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
        """A poem or stanza: its lines (each a block-level child, or split by <br>) as verse,
        with the notes they cite, their pronunciations and the anchors in them."""
        inner = self.inner()
        inner.visit(element)
        inner.flush()
        where: dict[int, int] = {}  # the inner block → the block of ours it went into
        lines: list[str] = []
        cites: list[Citation] = []
        sounds: list[tuple[str, str]] = []

        def close() -> None:
            if lines:
                self.out.append(Block(VERSE, "\n".join(lines), STANZA, tuple(cites), tuple(sounds)))
                lines.clear(), cites.clear(), sounds.clear()

        for n, block in enumerate(inner.out):
            if block.kind == PROSE or (block.kind == VERSE and block.level != STANZA):
                where[n] = len(self.out)
                lines.extend(block.text.split("\n"))
                cites.extend(block.cites)
                sounds.extend(block.pronounce)
                continue
            close()
            where[n] = len(self.out)
            self.out.append(block)  # a stanza of its own, a heading, a break
        close()
        for name, n in inner.document.anchors.items():
            self.document.anchors.setdefault(name, where.get(n, len(self.out)))
        self._adopt_notes(inner)

    def _adopt_notes(self, inner: _Walker) -> None:
        for note_id, note in inner.document.notes.items():
            self.document.notes.setdefault(note_id, note)

    def table(self, element: etree._Element) -> None:
        """Row by row, each cell said with its column's header ("Name: Ann; Age: 30.")."""
        rows = [r for r in element.iter() if local_name(r) == "tr"]
        cells: list[list[tuple[str, Block | None]]] = []
        for row in rows:
            self.anchor(row, "tr")
            said = []
            for cell in (c for c in row if local_name(c) in ("td", "th")):
                inner = self.inner()
                inner.visit(cell)
                inner.flush()
                for name in inner.document.anchors:
                    self.document.anchors.setdefault(name, len(self.out))
                self._adopt_notes(inner)
                text = " ".join(b.text.replace("\n", " ") for b in inner.out if b.text)
                merged = Block(PROSE, text, cites=tuple(c for b in inner.out for c in b.cites),
                               pronounce=tuple(s for b in inner.out for s in b.pronounce))
                said.append((local_name(cell), merged))
            cells.append(said)
        header: list[str] = []
        if len(cells) > 1 and cells[0] and all(kind == "th" for kind, _ in cells[0]):
            header = [b.text for _, b in cells.pop(0)]
        for row in cells:
            parts = [f"{h}: {b.text}" if h and b.text else b.text
                     for h, (_, b) in zip(header + [""] * len(row), row) if b.text]
            if parts:
                self.out.append(Block(PROSE, "; ".join(parts).rstrip(".") + ".",
                                      cites=tuple(c for _, b in row for c in b.cites),
                                      pronounce=tuple(s for _, b in row for s in b.pronounce)))
