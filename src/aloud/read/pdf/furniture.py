"""Page furniture, never spoken: running heads and feet (a line at the same place on page
after page, its page number aside: "CHAPTER I. DOWN THE RABBIT-HOLE 5") and page numbers
("4", "- 12 -", "Page 7 of 80", "xii").
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable

from aloud.read.pdf.layout import Line, PageLines
from aloud.words import letters_only

MARGIN_SHARE = 0.13  # running heads and feet stand in the page's top or bottom eighth, or so
EDGE_LINES = 2  # of them, at most, at each edge of a page
SAME_PLACE = 10  # points: "the same place" on two pages
_PAGE_NUMBER = re.compile(r"^[\s\-–—(\[|]*(?:page|p\.|seite|página|pagina|pagina|blz\.)?\s*"
                          r"(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|/|von|de|di|van)\s*\d{1,4})?[\s\-–—)\]|]*$", re.IGNORECASE)
_ROMAN_WORD = re.compile(r"\b[ivxlcdm]{1,7}\b")


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _key(text: str) -> str:
    """A line as it repeats from page to page: its numbers and letter case aside."""
    text = re.sub(r"\d+", "#", text.lower())
    return re.sub(r"\s+", " ", _ROMAN_WORD.sub("#", text)).strip(" #.")


def _edges(page: PageLines) -> list[tuple[int, Line]]:
    """The lines at the top and bottom edges of a page, in its margins, with their indexes.
    A line drawn twice over itself (a fake bold) counts once."""
    by_height = sorted(enumerate(page.lines), key=lambda item: -item[1].top)
    baselines = list(dict.fromkeys(round(line.top / 2) for _, line in by_height))  # pieces of one line share one
    top_places = set(baselines[:EDGE_LINES])
    bottom_places = set(baselines[-EDGE_LINES:])
    top = [(n, line) for n, line in by_height if round(line.top / 2) in top_places
           and line.bottom >= page.height * (1 - MARGIN_SHARE)]
    bottom = [(n, line) for n, line in by_height if round(line.top / 2) in bottom_places
              and line.top <= page.height * MARGIN_SHARE]
    return top + [item for item in bottom if item not in top]


SET_APART = 1.25  # leadings: a running head or foot stands this far from the text, or further


def set_apart(page: PageLines, line: Line) -> bool:
    """Whether `line` stands apart from the page's text (a running head over it, a foot under
    it), not as the text's first or last line does (a page that opens with "“Yes.”")."""
    tops = sorted((other.top for other in page.lines), reverse=True)
    gaps = [a - b for a, b in zip(tops, tops[1:]) if a - b > 0.5]
    if not gaps:
        return True
    leading = statistics.median(gaps)
    nearest = min((abs(other.top - line.top) for other in page.lines
                   if abs(other.top - line.top) > 0.5 * max(line.size, 1)),  # not a piece of the same line
                  default=10 * leading)
    return nearest > SET_APART * leading


def furniture(pages: list[PageLines], titles: Iterable[str] = ()) -> set[tuple[int, int]]:
    """(page number, line index) of every line that is page furniture: a page number, a line
    repeated at the same place, or one at a page's edge that says the book's or a chapter's
    title (`titles`) in type no larger than the page's text (the heading itself is larger)."""
    named = {letters_only(t) for t in titles if letters_only(t)}
    places: Counter[tuple[str, int]] = Counter()
    edges = {page.number: _edges(page) for page in pages}
    for page in pages:
        for key in {(_key(line.text), round(line.top / SAME_PLACE)) for _, line in edges[page.number]}:
            if key[0]:
                places[key] += 1
    found = set()
    for page in pages:
        text_size = statistics.median(line.size for line in page.lines) if page.lines else 0
        for n, line in edges[page.number]:
            key = _key(line.text)
            place = round(line.top / SAME_PLACE)
            in_text_type = line.size <= text_size + 0.5  # a heading is larger: never furniture
            apart = line.size < 0.9 * text_size or set_apart(page, line)  # smaller type, or space around it
            repeated = in_text_type and apart and key and sum(
                places[(key, p)] for p in (place - 1, place, place + 1)) >= 2
            titled = in_text_type and letters_only(re.sub(r"\d+", "", line.text)) in named
            if is_page_number(line.text) or repeated or titled:
                found.add((page.number, n))
    return found
