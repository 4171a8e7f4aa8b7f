"""PDFs made by the tests: a `PdfBook` says what a book holds (chapters of paragraphs, parts, footnotes)
and how it is typeset, `make_pdf` lays it out line by line with reportlab at known positions, so a test
knows what each page draws and in which order (`page_texts` gives it back); `make_scan`, `make_locked`,
`make_damaged`, `make_garbage` and `make_long` make the other PDFs a reader meets.

Layout, in points on US Letter (612 x 792, origin bottom left):
- margins 72 left and right (text width 468; two columns of 225 with a gutter of 18);
- a chapter starts a new page, its title in Helvetica-Bold 18 (first baseline 700, lines 22 apart,
  "\\n" in a title breaks it), the body 36 below the title's last line;
- body Times-Roman 11, leading 14, first baseline 720 on later pages, none below 72; the first line of
  each paragraph indented 18, no blank line between paragraphs (one with `paragraph_gap`); ragged
  right unless `justify` (word spacing, `Tw`; not a paragraph's last line, nor one ended at a soft hyphen);
- running head centred at 750 in Times-Italic 9, page number centred at 40; footnotes Times-Roman 8,
  10 apart, the last at 56, with a short rule above them;
- a part's title alone on its own page, centred, Helvetica-Bold 18, from 480 down, 26 apart.

Footnote marks are numbered 1, 2, ... through the book in the order their words first appear (a word
matches with its punctuation stripped), drawn after the word and its punctuation ("Adler.1"). Part and
chapter bookmarks (and odd running heads) are the title's lines joined by ": " unless `bookmark` is set.

Hyphenation (`hyphenate=True`): a word that does not fit at a line end is split with `hyphen` after at
least 3 letters, leaving at least 3 ("anti-" / "quated"); a word with a hyphen of its own ("well-known")
is split only there. To be sure a break happens, write a soft hyphen (U+00AD) in the paragraph:
"anti\\u00adquated" ends its line with "anti-" and starts the next with "quated" (if "anti-" does not fit,
the word before it moves down too), "well-\\u00adknown" ends a line with "well-". Without `hyphenate`
soft hyphens are dropped and no word is split.

Every PDF is written with `invariant=1`, so the same call makes the same bytes (but `make_locked`).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

PAGE_W, PAGE_H = 612, 792
MARGIN = 72
TEXT_W = PAGE_W - 2 * MARGIN  # 468
GUTTER = 18
COLUMN_W = (TEXT_W - GUTTER) / 2  # 225
HEADING_FONT, HEADING_SIZE, HEADING_LEADING, HEADING_Y, HEADING_SPACE = "Helvetica-Bold", 18, 22, 700, 36
BODY_FONT, BODY_SIZE, LEADING = "Times-Roman", 11, 14
BODY_TOP, BODY_BOTTOM = 720, 72
INDENT = 18
HEAD_FONT, HEAD_SIZE, HEAD_Y = "Times-Italic", 9, 750
FOLIO_Y = 40
NOTE_FONT, NOTE_SIZE, NOTE_LEADING, NOTE_Y = "Times-Roman", 8, 10, 56
MARK_SIZE, MARK_RISE = 7, 4
CAP_SIZE, CAP_GAP = 36, 2
PART_Y, PART_LEADING = 480, 26
SOFT = "\u00ad"
PUNCTUATION = ".,;:!?\"'()[]\u201c\u201d\u2018\u2019\u2014-"


@dataclass
class PdfChapter:
    title: str  # "\n" breaks the heading: "CHAPTER I\nA SCANDAL IN BOHEMIA"
    paragraphs: list[str]
    part: str | None = None  # "BOOK ONE\nTHE COMING OF THE MARTIANS": a new part gets a page of its own
    bookmark: str | None = None  # its outline entry and running head; default: the title's lines joined by ": "


@dataclass
class PdfBook:
    chapters: list[PdfChapter]
    title: str = "A Made Book"
    author: str = "Ann Author"
    language: str | None = None  # "/Lang" in the catalog (and dc:language in the XMP)
    xmp: bool = False  # an XMP packet (dc:title, dc:creator, dc:language) as the catalog's /Metadata
    info_title: str | None = None  # the Info /Title instead of `title` ("Microsoft Word - b.docx"); "": none
    info_author: str | None = None  # the Info /Author instead of `author`; "": none
    title_page: bool = False  # a first page with the title and author, before everything
    paragraph_gap: bool = False  # a blank line between paragraphs
    justify: bool = False
    hyphenate: bool = False
    hyphen: str = "-"  # what a line-end break draws ("\u00ad" draws WinAnsi's soft hyphen)
    running_head: bool = False  # every page after the first: the book's title, on odd pages the chapter's
    page_numbers: bool = False  # every page: its number, plain digits, centred at the bottom
    outline: bool = False  # a bookmark per part (level 0) and chapter (level 1 in a part, else 0)
    extra_bookmarks: list[tuple[str, str]] = field(default_factory=list)  # (title, text): pages after the end
    drop_cap: bool = False  # each chapter's first letter in Times-Roman 36 beside its first two lines
    columns: int = 1  # 2: two columns, drawn interleaved line by line (left 1, right 1, left 2, ...)
    footnotes: list[tuple[str, str]] = field(default_factory=list)  # (word, note): a mark after its first use
    compress: bool = False  # compressed content streams


@lru_cache(maxsize=65536)
def _width(text: str, font: str = BODY_FONT, size: float = BODY_SIZE) -> float:
    return stringWidth(text, font, size)


def _token_width(token: tuple[str, int], font: str, size: float) -> float:
    word, mark = token
    return _width(word, font, size) + (_width(str(mark), BODY_FONT, MARK_SIZE) if mark else 0)


def _split(word: str, room: float, hyphen: str, font: str, size: float) -> tuple[str, str] | None:
    """The longest head of `word` that fits in `room` with a hyphen, and the rest; None if none does."""
    if "-" in word.strip("-"):  # a hyphen of its own: break only there
        cuts = [i + 1 for i, ch in enumerate(word[:-1]) if ch == "-" and i > 0]
        fits = [k for k in cuts if _width(word[:k], font, size) <= room]
        return (word[:max(fits)], word[max(fits):]) if fits else None
    letters = [ch.isalpha() for ch in word]
    cuts = [k for k in range(1, len(word)) if letters[k - 1] and letters[k]
            and sum(letters[:k]) >= 3 and sum(letters[k:]) >= 3]
    fits = [k for k in cuts if _width(word[:k] + hyphen, font, size) <= room]
    return (word[:max(fits)] + hyphen, word[max(fits):]) if fits else None


@lru_cache(maxsize=4096)
def _wrap(tokens: tuple[tuple[str, int], ...], width: float, indents: tuple[float, ...], hyphenate: bool,
          hyphen: str = "-", font: str = BODY_FONT, size: float = BODY_SIZE) -> tuple[tuple[tuple, bool], ...]:
    """A paragraph's (word, footnote mark) tokens broken into lines, each (tokens, ended at a soft hyphen);
    line n is `indents[n]` (or 0) narrower."""
    space = _width(" ", font, size)
    lines: list[tuple] = []
    cur: list[tuple[str, int]] = []

    def used(tokens: list) -> float:
        return sum(_token_width(t, font, size) for t in tokens) + space * max(0, len(tokens) - 1)

    def avail() -> float:
        return width - (indents[len(lines)] if len(lines) < len(indents) else 0)

    def fits(token: tuple[str, int]) -> bool:
        return used(cur + [token]) <= avail() + 1e-6

    def end(forced: bool = False) -> None:
        lines.append((tuple(cur), forced))
        cur.clear()

    for word, mark in tokens:
        if SOFT in word and hyphenate:
            pre, post = word.split(SOFT, 1)
            post = post.replace(SOFT, "")
            head = (pre if pre.endswith("-") else pre + hyphen, 0)
            if not fits(head) and cur:
                carried = cur.pop()
                if cur:
                    end()
                cur.append(carried)
                if not fits(head):
                    end()
            cur.append(head)
            end(forced=True)
            cur.append((post, mark))
            continue
        token = (word.replace(SOFT, ""), mark)
        if fits(token):
            cur.append(token)
            continue
        room = avail() - (used(cur) + space if cur else 0)
        parts = _split(token[0], room, hyphen, font, size) if hyphenate else None
        if parts:
            cur.append((parts[0], 0))
            end()
            cur.append((parts[1], mark))
        else:
            if cur:
                end()
            cur.append(token)
    if cur:
        end()
    return tuple(lines)


@dataclass
class _Draw:
    x: float
    y: float
    text: str
    font: str = BODY_FONT
    size: float = BODY_SIZE
    word_space: float = 0.0
    centred: bool = False


@dataclass
class _Page:
    section: str  # what the running head says on an odd page
    body: list[tuple[tuple, _Draw]] = field(default_factory=list)  # (order, draw)
    notes: list[str] = field(default_factory=list)  # footnote lines
    bookmarks: list[tuple[str, str, int]] = field(default_factory=list)  # (key, title, level)
    lowest: list[float] = field(default_factory=list)  # per column, the lowest baseline drawn

    def bottom(self, notes: int = 0) -> float:
        lines = len(self.notes) + notes
        return max(BODY_BOTTOM, NOTE_Y + NOTE_LEADING * lines + 8) if lines else BODY_BOTTOM


def _joined(title: str) -> str:
    return ": ".join(line.strip() for line in title.split("\n") if line.strip())


def _tokens(text: str, pending: dict[str, str] | None, notes: dict[int, str]) -> list[tuple[str, int]]:
    """(word, footnote mark) for each word: the first use of a footnote's word takes the next number."""
    tokens = []
    for word in text.split():
        mark = 0
        if pending:
            key = word.replace(SOFT, "").strip(PUNCTUATION)
            if key in pending:
                mark = len(notes) + 1
                notes[mark] = pending.pop(key)
        tokens.append((word, mark))
    return tokens


def _line_draws(tokens: tuple[tuple[str, int], ...], x: float, y: float, extra: float) -> list[_Draw]:
    """A line's text as few strings as its footnote marks allow, the marks raised between them."""
    draws, run = [], ""
    for n, (word, mark) in enumerate(tokens):
        run += (" " if n else "") + word
        if mark:
            draws.append(_Draw(x, y, run, word_space=extra))
            x += _width(run) + extra * run.count(" ")
            draws.append(_Draw(x, y + MARK_RISE, str(mark), BODY_FONT, MARK_SIZE))
            x += _width(str(mark), BODY_FONT, MARK_SIZE)
            run = ""
    if run:
        draws.append(_Draw(x, y, run, word_space=extra))
    return draws


def _layout(book: PdfBook) -> list[_Page]:
    """Where everything goes: the book's pages, each with what it draws."""
    pages: list[_Page] = []
    columns = max(1, book.columns)
    pending = {word: note for word, note in book.footnotes}
    notes: dict[int, str] = {}
    if book.title_page:
        page = _Page(book.title)
        page.body += [((-1, 0, 0), _Draw(PAGE_W / 2, 500, book.title, HEADING_FONT, 24, centred=True)),
                      ((-1, 0, 1), _Draw(PAGE_W / 2, 464, book.author, BODY_FONT, 14, centred=True))]
        pages.append(page)
    part = None
    sections = [(ch, False) for ch in book.chapters]
    sections += [(PdfChapter(title, text.split("\n")), True) for title, text in book.extra_bookmarks]
    for n, (chapter, extra) in enumerate(sections):
        level = 0
        if not extra and chapter.part and chapter.part != part:
            page = _Page(_joined(chapter.part))
            part_lines = [part_line.strip() for part_line in chapter.part.split("\n") if part_line.strip()]
            for i, line in enumerate(part_lines):
                page.body.append(((-1, 0, i), _Draw(PAGE_W / 2, PART_Y - i * PART_LEADING, line, HEADING_FONT,
                                                    HEADING_SIZE, centred=True)))
            page.bookmarks.append((f"part{n}", _joined(chapter.part), 0))
            pages.append(page)
        part = None if extra else chapter.part
        if part:
            level = 1
        name = chapter.bookmark or _joined(chapter.title)
        cols = 1 if extra else columns
        col_w = TEXT_W if cols == 1 else COLUMN_W
        page = _Page(name, bookmarks=[(f"{'extra' if extra else 'chapter'}{n}", name, level)], lowest=[0] * cols)
        pages.append(page)
        heading = [line for title_line in chapter.title.split("\n") if title_line.strip()
                   for line, _ in _wrap(tuple((w, 0) for w in title_line.split()), TEXT_W, (), False, "-",
                                        HEADING_FONT, HEADING_SIZE)]
        for i, line in enumerate(heading):
            page.body.append(((-1, 0, i), _Draw(MARGIN, HEADING_Y - i * HEADING_LEADING,
                                                " ".join(w for w, _ in line), HEADING_FONT, HEADING_SIZE)))
        top = HEADING_Y - (len(heading) - 1) * HEADING_LEADING - HEADING_SPACE
        col = row = 0
        entries = []  # (tokens, indent, not to justify, drop cap) or None: a blank line
        for p, text in enumerate(chapter.paragraphs):
            tokens = _tokens(text, None if extra else pending, notes)
            if not tokens:
                continue
            cap = None
            indents: tuple[float, ...] = (INDENT,)
            if book.drop_cap and not extra and p == 0:
                first = tokens[0][0]
                k = next((i + 1 for i, ch in enumerate(first) if ch.isalnum()), 1)
                cap = first[:k]
                tokens = ([(first[k:], tokens[0][1])] if first[k:] else []) + tokens[1:]
                cap_w = _width(cap, BODY_FONT, CAP_SIZE) + CAP_GAP
                indents = (cap_w, cap_w)
            if p and book.paragraph_gap:
                entries.append(None)
            lines = _wrap(tuple(tokens), col_w, indents, book.hyphenate, book.hyphen)
            for i, (line, forced) in enumerate(lines):
                indent = indents[i] if i < len(indents) else 0
                entries.append((line, indent, forced or i == len(lines) - 1, cap if i == 0 else None))
        for entry in entries:
            if entry is None:  # a blank line, never at the top of a column
                if row:
                    row += 1
                continue
            line, indent, last, cap = entry
            marks = [m for _, m in line if m]
            note_lines = [note for m in marks for note, _ in _wrap(tuple((w, 0) for w in f"{m} {notes[m]}".split()),
                                                                TEXT_W, (), False, "-", NOTE_FONT, NOTE_SIZE)]
            while True:
                y = top - row * LEADING
                bottom = page.bottom(len(note_lines))
                fresh = not any(page.lowest)
                if fresh or (y >= bottom - 1e-6 and all(low >= bottom - 1e-6 for low in page.lowest[:col] if low)):
                    break
                if col + 1 < cols:
                    col, row = col + 1, 0
                else:
                    page = _Page(name, lowest=[0] * cols)
                    pages.append(page)
                    top, col, row = BODY_TOP, 0, 0
            x = MARGIN + col * (col_w + GUTTER)
            if cap:
                page.body.append(((row, col, 0), _Draw(x, y - LEADING, cap, BODY_FONT, CAP_SIZE)))
            spaces = len(line) - 1
            natural = sum(_token_width(t, BODY_FONT, BODY_SIZE) for t in line) + _width(" ") * spaces
            extra_space = (col_w - indent - natural) / spaces if book.justify and not last and spaces else 0.0
            for i, draw in enumerate(_line_draws(line, x + indent, y, extra_space)):
                page.body.append(((row, col, i + 1), draw))
            page.notes += [" ".join(w for w, _ in note) for note in note_lines]
            page.lowest[col] = y
            row += 1
    return pages


def _stream(book: PdfBook, page: _Page, number: int) -> list[_Draw]:
    """What a page draws, in content-stream order: running head, body, footnotes, page number."""
    draws = []
    if book.running_head and number > 1:
        draws.append(_Draw(PAGE_W / 2, HEAD_Y, page.section if number % 2 else book.title, HEAD_FONT, HEAD_SIZE,
                           centred=True))
    draws += [draw for _, draw in sorted(page.body, key=lambda item: item[0])]
    top = NOTE_Y + NOTE_LEADING * (len(page.notes) - 1)
    draws += [_Draw(MARGIN, top - i * NOTE_LEADING, line, NOTE_FONT, NOTE_SIZE) for i, line in enumerate(page.notes)]
    if book.page_numbers:
        draws.append(_Draw(PAGE_W / 2, FOLIO_Y, str(number), BODY_FONT, BODY_SIZE, centred=True))
    return draws


def page_texts(book: PdfBook) -> list[list[str]]:
    """Each page's strings as `make_pdf` draws them, in content-stream order (a footnote mark is a string
    of its own, a drop cap too; two columns come interleaved)."""
    return [[draw.text for draw in _stream(book, page, n)] for n, page in enumerate(_layout(book), 1)]


def _xmp(book: PdfBook) -> bytes:
    language = (f"<dc:language><rdf:Bag><rdf:li>{escape(book.language)}</rdf:li></rdf:Bag></dc:language>"
                if book.language else "")
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(book.title)}</rdf:li></rdf:Alt></dc:title>'
            f"<dc:creator><rdf:Seq><rdf:li>{escape(book.author)}</rdf:li></rdf:Seq></dc:creator>{language}"
            '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>').encode()


def _rewrite(path: Path, book: PdfBook) -> None:
    """What reportlab cannot write: the XMP packet, an Info dictionary without /Title or /Author."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter(clone_from=PdfReader(path))
    if book.xmp:
        stream = StreamObject()
        stream.set_data(_xmp(book))
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        writer.root_object[NameObject("/Metadata")] = writer._add_object(stream)
    info = writer._info.get_object() if writer._info is not None else None
    for key, value in (("/Title", book.info_title), ("/Author", book.info_author)):
        if value == "" and info is not None and key in info:
            del info[NameObject(key)]
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())


def make_pdf(path: Path, book: PdfBook) -> Path:
    """The book typeset as the module docstring says: its chapters, each from a new page, a page for each
    new part, the extra bookmarked pages after the last chapter; Info /Title and /Author, /Lang, XMP,
    outline, running heads, page numbers, hyphenation, drop caps, columns and footnotes as `book` asks."""
    path = Path(path)
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=int(book.compress),
                    lang=book.language or None)
    canvas.setTitle(book.title if book.info_title is None else book.info_title)
    canvas.setAuthor(book.author if book.info_author is None else book.info_author)
    canvas.setSubject("")
    canvas.setCreator("")
    for number, page in enumerate(_layout(book), 1):
        for key, title, level in page.bookmarks:
            if book.outline:
                canvas.bookmarkPage(key)
                canvas.addOutlineEntry(title, key, level)
        if page.notes:
            rule_y = NOTE_Y + NOTE_LEADING * len(page.notes) + 1
            canvas.line(MARGIN, rule_y, MARGIN + 72, rule_y)
        for draw in _stream(book, page, number):
            canvas.setFont(draw.font, draw.size)
            if draw.centred:
                canvas.drawCentredString(draw.x, draw.y, draw.text)
            else:
                canvas.drawString(draw.x, draw.y, draw.text, wordSpace=draw.word_space or None)
        canvas.showPage()
    canvas.save()
    if book.xmp or book.info_title == "" or book.info_author == "":
        _rewrite(path, book)
    return path


def make_scan(path: Path, pages: int = 2) -> Path:
    """A scanned book: each page one greyscale image (a heading, lines of words, a smudge, the page
    number), no text layer at all."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    path = Path(path)
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    for set_field in (canvas.setTitle, canvas.setAuthor, canvas.setSubject, canvas.setCreator):
        set_field("")
    words = ["the", "wind", "rose", "at", "dusk", "and", "waves", "struck", "the", "rocks", "below", "the", "tower",
             "while", "the", "lamp", "shook"]
    for number in range(1, pages + 1):
        image = Image.new("L", (850, 1100), 238)
        draw = ImageDraw.Draw(image)
        draw.text((100, 110), f"CHAPTER {number}", fill=30, font=ImageFont.load_default(size=36))
        font = ImageFont.load_default(size=20)
        for i in range(30):
            line = " ".join(words[(i + j + number) % len(words)] for j in range(9))
            draw.text((100 if i % 6 else 130, 190 + i * 28), line, fill=40, font=font)
        draw.rectangle((620, 120, 700, 160), fill=200)  # a smudge
        draw.text((415, 1040), str(number), fill=40, font=font)
        canvas.drawImage(ImageReader(image), 0, 0, PAGE_W, PAGE_H)
        canvas.showPage()
    canvas.save()
    return path


def make_locked(path: Path, source_pdf: Path, password: str = "secret") -> Path:
    """`source_pdf` encrypted (RC4 128) with the user password `password`: nothing opens without it.
    Not byte-for-byte the same twice (the encryption salts)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source_pdf))
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    with open(path, "wb") as out:
        writer.write(out)
    return Path(path)


def make_damaged(path: Path, source_pdf: Path, keep: float = 1 / 3) -> Path:
    """`source_pdf` cut short: only its first third (`keep`) of bytes, so no xref table, no trailer."""
    data = Path(source_pdf).read_bytes()
    Path(path).write_bytes(data[:int(len(data) * keep)])
    return Path(path)


def make_garbage(path: Path, size: int = 4096, seed: int = 7) -> Path:
    """A PDF header and then `size` random bytes (seeded): a file that only says it is a PDF."""
    Path(path).write_bytes(b"%PDF-1.7\n" + random.Random(seed).randbytes(size))
    return Path(path)


LONG_PARAGRAPHS = [
    ("The wind rose at dusk. Waves struck the rocks below the tower, and the lamp shook on its stand. "
     "Mara climbed the stairs with a can of oil and counted the steps as her father had taught her."),
    ("A light showed in the dark to the south. It rose and fell with the swell, and for a long while "
     "she could not tell whether it was a ship or a star low on the water."),
    ("She trimmed the wick and turned the great lens. The beam swept out over the water, and the light "
     "to the south answered it twice, as ships do when they have seen the shore."),
    ("By dawn the sea was calm. A small boat rowed in to the landing, and three sailors waved their caps "
     "at the tower before they pulled the boat up on the shingle."),
]


def long_book(pages: int = 1000, pages_per_chapter: int = 20) -> PdfBook:
    """A plain book of exactly `pages` pages: chapters of `pages_per_chapter` pages (the last one
    shorter), the same four paragraphs over and over, running heads, page numbers and an outline."""
    def chapter(n: int, paragraphs: int) -> PdfChapter:
        return PdfChapter(f"Chapter {n}", [LONG_PARAGRAPHS[i % len(LONG_PARAGRAPHS)] for i in range(paragraphs)])

    def size(paragraphs: int) -> int:
        return len(_layout(PdfBook([chapter(1, paragraphs)])))

    def paragraphs_for(target: int) -> int:
        low, high = 1, 1
        while size(high) < target:
            high *= 2
        while low < high:  # the fewest paragraphs that fill `target` pages
            mid = (low + high) // 2
            low, high = (mid + 1, high) if size(mid) < target else (low, mid)
        return low

    full, rest = divmod(pages, pages_per_chapter)
    per_chapter = paragraphs_for(pages_per_chapter) if full else 0
    chapters = [chapter(n + 1, per_chapter) for n in range(full)]
    if rest:
        chapters.append(chapter(full + 1, paragraphs_for(rest)))
    return PdfBook(chapters, title="The Long Watch", author="Ann Author", running_head=True, page_numbers=True,
                   outline=True)


def make_long(path: Path, pages: int = 1000) -> Path:
    """A large plain book of exactly `pages` pages (see `long_book`), quick to make."""
    return make_pdf(path, long_book(pages))
