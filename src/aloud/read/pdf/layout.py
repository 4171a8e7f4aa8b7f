"""A PDF page's lines as they are laid out: each line's text, where it stands, and the size
and weight of its type, from PDFium's text layer (pypdfium2). Two-column pages are read
column by column, whatever order the page's content stream draws them in.
"""

from __future__ import annotations

import ctypes
import re
import statistics
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

HYPHEN = "\ufffe"  # PDFium's mark for a hyphen at a line's end (the line then runs on in its text)
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
                           "\u00ad": "", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " "})
_BOLD_WEIGHT = 600
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Line:
    text: str
    left: float  # points from the page's left edge
    right: float
    top: float  # points from the page's bottom edge, as PDF measures
    bottom: float
    size: float  # the type's size, in points (of the line's body, not of a drop cap opening it)
    bold: bool
    first_size: float = 0.0  # the size of its first letter (a drop cap is far bigger than the rest)
    marks: tuple[str, ...] = ()  # the note marks set small after its words ("1"), taken out of its text

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class PageLines:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[Line, ...]
    images: int = 0

    @property
    def chars(self) -> int:
        return sum(len(line.text) for line in self.lines)


def page_lines(page, number: int) -> PageLines:
    """The page's lines in reading order."""
    if page.get_rotation():
        page.set_rotation(0)  # read as drawn: a /Rotate page's character boxes are not turned (in memory only)
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if len(text) != textpage.count_chars():
            # A character outside the BMP is two of PDFium's characters and one of Python's:
            # one per index, so that the text and the character boxes stay in step.
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(textpage.count_chars()))
        lines = _fragments_joined([line for line in _lines(textpage, text, width) if line.text.strip()])
    finally:
        textpage.close()
    # Pictures are counted on a page with little text only (a cover, a scan): counting them
    # on every page would cost more than reading its text.
    images = _images(page) if sum(len(line.text) for line in lines) < LITTLE_TEXT else 0
    return PageLines(number, width, height, tuple(in_columns(lines, width)), images)


LITTLE_TEXT = 200  # characters on a page


def _images(page) -> int:
    raw = page.raw
    return sum(1 for n in range(pdfium_c.FPDFPage_CountObjects(raw))
               if pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, n)) == pdfium_c.FPDF_PAGEOBJ_IMAGE)


def _lines(textpage, text: str, width: float) -> list[Line]:
    found = []
    start = 0
    for raw in text.split("\r\n"):
        end = start + len(raw)
        for piece_start, piece_end in _across_columns(textpage, raw, start, end, width):
            line = _line(textpage, text[piece_start:piece_end], piece_start, piece_end)
            if line is not None:
                found.append(line)
        start = end + 2
    return found


def _fragments_joined(lines: list[Line]) -> list[Line]:
    """Pieces of one printed line that PDFium gave as lines of their own (a browser's page
    header set glyph by glyph: "file:///", "w", "o", "r", "k"), joined again: on one baseline,
    each starting where the one before ends."""
    out: list[Line] = []
    for line in lines:
        if out:
            last = out[-1]
            size = max(last.size, line.size, 1.0)
            gap = line.left - last.right
            same_type = abs(last.size - line.size) <= 0.2 * size  # not a drop cap and its line
            if same_type and abs(last.top - line.top) < 0.3 * size and -0.2 * size <= gap < 0.6 * size:
                glue = "" if gap < 0.15 * size else " "
                out[-1] = Line(last.text + glue + line.text, last.left, line.right, max(last.top, line.top),
                               min(last.bottom, line.bottom), last.size, last.bold, last.first_size,
                               last.marks + line.marks)
                continue
        out.append(line)
    return out


GUTTER_SIZES = 1.2  # a gap this many times the type's size inside a line is the gutter between columns


def _across_columns(textpage, raw: str, start: int, end: int, width: float) -> list[tuple[int, int]]:
    """A line PDFium read across both columns of a page (their lines drawn in turn) cut at
    the gutter: [(start, end)] of each column's piece; the line itself when it is one."""
    stripped = raw.strip()
    if len(stripped) < 8:
        return [(start, end)]
    first = start + (len(raw) - len(raw.lstrip()))
    last = start + len(raw.rstrip()) - 1
    left, bottom, _, top = textpage.get_charbox(first)
    right = textpage.get_charbox(last)[2]
    middle = width / 2
    if not left < middle - 12 < middle + 12 < right:
        return [(start, end)]  # on one side of the page's middle: a column's own line
    size = _size(textpage, first) or 10.0
    if _gap_at(textpage, raw, start, first, last, middle, left, right) < GUTTER_SIZES * size:
        return [(start, end)]  # text runs on over the page's middle: one column
    best, cut = 0.0, -1
    previous_right = None
    for index in range(first, last + 1):
        if raw[index - start].isspace():
            continue
        box = textpage.get_charbox(index)
        if previous_right is not None and box[0] - previous_right > best and 0.3 * width < box[0] < 0.7 * width:
            best, cut = box[0] - previous_right, index
        previous_right = box[2]
    if cut < 0 or best < GUTTER_SIZES * size:
        return [(start, end)]
    return [(start, cut), (cut, end)]


def _gap_at(textpage, raw: str, start: int, first: int, last: int, middle: float, left: float, right: float) -> float:
    """The space between the letters on either side of `middle` (0 when a letter stands on it):
    found from where the letters should be, a few character boxes read, not all of them."""
    k = min(last, max(first, first + int((middle - left) / max(right - left, 1) * (last - first))))
    steps = 0
    while k > first and textpage.get_charbox(k)[0] > middle and steps < 60:
        k, steps = k - 1, steps + 1
    while k < last and textpage.get_charbox(k)[2] < middle and steps < 120:
        k, steps = k + 1, steps + 1
    box = textpage.get_charbox(k)
    if box[0] <= middle <= box[2] and not raw[k - start].isspace():
        return 0.0
    before = next((i for i in range(k - 1, first - 1, -1) if not raw[i - start].isspace()), first)
    after = next((i for i in range(k, last + 1) if not raw[i - start].isspace() and textpage.get_charbox(i)[0] >= middle),
                 last)
    return textpage.get_charbox(after)[0] - textpage.get_charbox(before)[2]


def _line(textpage, raw: str, start: int, end: int) -> Line | None:
    stripped = raw.strip()
    if not stripped:
        return None
    first = start + (len(raw) - len(raw.lstrip()))
    last = start + len(raw.rstrip()) - 1
    left, bottom, _, top = textpage.get_charbox(first)
    right = textpage.get_charbox(last)[2]
    sizes = [s for s in (_size(textpage, i) for i in _samples(first, last)) if s]
    size = statistics.median(sizes) if sizes else 0.0
    bold = _weight(textpage, first + (last - first) // 2) >= _BOLD_WEIGHT or _weight(textpage, first) >= _BOLD_WEIGHT
    marks = _marks(textpage, raw, start, size) if _DIGIT.search(raw) else ()
    first_size = _size(textpage, first) or size
    if first_size > 1.5 * size:  # a drop cap: the line stands where its other letters do
        body = next((i for i in _samples(first + 1, last) if abs(_size(textpage, i) - size) < 0.5), None)
        if body is not None:
            _, bottom, _, top = textpage.get_charbox(body)
    for offset, mark in reversed(marks):  # a note mark is not read; the note is, after the chapter
        raw = raw[:offset] + raw[offset + len(mark):]
    said = " ".join(raw.translate(LIGATURES).split())
    if any("\ud800" <= c <= "\udfff" for c in said):
        said = said.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return Line(said, left, right, top, bottom, size, bold, first_size,
                tuple(mark for _, mark in marks))


def _samples(first: int, last: int, count: int = 5) -> list[int]:
    if last <= first:
        return [first]
    step = max(1, (last - first) // (count - 1))
    return list(range(first, last + 1, step))[:count]


def _size(textpage, index: int) -> float:
    """The type size of a character; 0 for one PDFium made up (a space between words)."""
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
    return size if size > 1.0 else 0.0


def _weight(textpage, index: int) -> int:
    weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
    if weight > 0:
        return weight
    name = ctypes.create_string_buffer(128)
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, 128, None)
    return 700 if b"bold" in name.value.lower() else 400


def _marks(textpage, raw: str, start: int, size: float) -> tuple[tuple[int, str], ...]:
    """Digits set small after a word ("the well.¹", "word3"): note marks, with their place."""
    marks = []
    n = 0
    text = raw
    while n < len(text):
        if text[n].isdigit() and n and not text[n - 1].isspace() and not text[n - 1].isdigit():
            k = n
            while k < len(text) and text[k].isdigit():
                k += 1
            small = all(0 < _size(textpage, start + i) < 0.8 * size for i in range(n, k)) if size else False
            if small and (k == len(text) or not text[k].isalnum()):
                marks.append((n, text[n:k]))
            n = k
        else:
            n += 1
    return tuple(marks)


def in_columns(lines: list[Line], width: float) -> list[Line]:
    """Lines of a two-column page, the left column first; a page of one column as it is."""
    if len(lines) < 8:
        return lines
    middle = width / 2
    left = [line for line in lines if line.right <= middle + 6]
    right = [line for line in lines if line.left >= middle - 6]
    across = [line for line in lines if line.left < middle - 6 < middle + 6 < line.right]
    if len(left) < 4 or len(right) < 4 or len(across) > 0.2 * len(lines):
        return lines
    # Lines across both columns (a title) stay where they stand: above the columns, or below.
    top_of_columns = max(line.top for line in left + right)
    above = [line for line in across if line.bottom >= top_of_columns - 1]
    below = [line for line in across if line not in above]
    by_height = sorted(left, key=lambda line: -line.top) + sorted(right, key=lambda line: -line.top)
    return sorted(above, key=lambda line: -line.top) + by_height + sorted(below, key=lambda line: -line.top)
