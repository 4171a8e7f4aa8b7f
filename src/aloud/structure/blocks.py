"""Blocks and paragraphs: the lines of a text grouped as its author laid them out.

Paragraphs are blank-line separated (hard-wrapped lines are joined) or one per line; a
block of short lines each starting with a capital, in a wrapped text, is verse; `* * *`,
rows of asterisks or a lone `#` are scene breaks. A block may be marked as left out (web
leftovers, the lines that gave the title).
"""

from __future__ import annotations

import re
from dataclasses import replace

from aloud.model import PROSE, VERSE, Paragraph

# Every pattern here runs in time linear in the line: no two parts of one can match the
# same characters (a run of spaces before "#" and the spaces after it, say).
_MARKDOWN = re.compile(r"(#{1,6})\s+(\S.*)")
MAX_HEADING_CHARS = 500  # a longer line is prose, whatever it starts with
# A scene break once its white space is gone: "* * *", "***", "#", "- - -", "• •", "~~~".
_SCENE_BREAK = re.compile(r"\*+|#|-{3,}|•{2,}|~{3,}")


def markdown_heading(line: str) -> tuple[int, str] | None:
    """A Markdown heading's level and text ("## Title ##" → 2, "Title"), or None."""
    line = line.strip()
    if len(line) > MAX_HEADING_CHARS:
        return None
    found = _MARKDOWN.fullmatch(line)
    if found is None:
        return None
    text = found.group(2).rstrip()
    return len(found.group(1)), (text.rstrip("#").rstrip() or text)


def is_scene_break_line(line: str) -> bool:
    return len(line) <= MAX_HEADING_CHARS and _SCENE_BREAK.fullmatch("".join(line.split())) is not None


def blocks_of(text: str) -> list[list[str]]:
    """Runs of non-blank lines; a Markdown heading line is a block of its own."""
    return [lines for lines, _ in marked_blocks(text.split("\n"))]


def marked_blocks(lines: list[str], why: list[str] | None = None) -> list[tuple[list[str], str]]:
    """Runs of non-blank lines, each with why it is left out ("" when it is read: `why`
    gives it per line, and a change of it starts a block); a Markdown heading line is a block of its own."""
    blocks: list[tuple[list[str], str]] = []
    current: list[str] = []
    reason = ""
    for n, line in enumerate(lines):
        this = why[n] if why else ""
        if current and line.strip() and this != reason:
            blocks.append((current, reason))
            current = []
        if not this and line.lstrip().startswith("#") and markdown_heading(line) is not None:
            if current:
                blocks.append((current, reason))
            blocks.append(([line.strip()], ""))
            current = []
        elif line.strip():
            current.append(line.rstrip())
            reason = this
        elif current:
            blocks.append((current, reason))
            current = []
    if current:
        blocks.append((current, reason))
    return blocks


def typical_width(blocks: list[list[str]]) -> int:
    """The width of a wrapped line: four in five lines of many-line blocks are no wider."""
    lengths = sorted(len(line.strip()) for b in blocks for line in b if len(b) > 1)
    return lengths[int(len(lengths) * 0.8)] if lengths else 0


def is_scene_break(block: list[str]) -> bool:
    return len(block) == 1 and is_scene_break_line(block[0])


_OPENS_A_LINE = "\"'‘“("
VERSE_SHAPED = "verse-shaped"  # a stanza's shape, but not certainly one: verse if a stanza is beside it


def paragraphs_of(lines: tuple[str, ...] | list[str], width: int) -> list[Paragraph]:
    """Hard-wrapped lines make one paragraph; a block of long lines is a paragraph per line;
    a block of short lines each starting with a capital, in a wrapped text, is verse, and so
    is one indented as a whole. A block of capitalised lines a little shorter than the
    text's may be a stanza: it is marked so, and `settle_verse` decides by its neighbours."""
    if len(lines) > 2 and lines[0].lstrip().startswith("[") and "]" not in lines[0] and lines[-1].rstrip().endswith("]"):
        # "[later editions continued as follows" over lines of the text itself, closed at their
        # end: the editor's line on its own (the narration leaves it out), then the lines.
        inside = [*lines[1:-1], lines[-1].rstrip()[:-1]]
        return [Paragraph(" ".join(lines[0].split())), *paragraphs_of(inside, width)]
    indented = len(lines) > 1 and all(len(line) - len(line.lstrip()) >= 2 for line in lines)
    lines = [" ".join(line.split()) for line in lines]
    if len(lines) == 1:
        return [Paragraph(lines[0])]
    lengths = sorted(len(line) for line in lines)
    if lengths[len(lengths) // 2] > 100 or lengths[-1] > 120:
        return [Paragraph(line) for line in lines]
    capitalised = all(line[:1].isupper() or line[:1] in _OPENS_A_LINE for line in lines)
    # Two lines only if the first ends as a line of verse does: a wrapped line of talk runs on.
    couplet = len(lines) == 2 and lines[0][-1:] in ",;:.!?'\"’”—-"
    indented = indented and (len(lines) >= 3 or couplet)
    if capitalised and width >= 45 and (lengths[-1] <= width * 0.7 or indented and lengths[-1] <= width
                                        or len(lines) >= 4 and lengths[-1] <= width * 0.9):
        return [Paragraph("\n".join(lines), VERSE)]
    if capitalised and width >= 45 and (len(lines) >= 3 or couplet) and lengths[-1] <= width * 0.9:
        return [Paragraph("\n".join(lines), VERSE_SHAPED)]
    return [Paragraph(" ".join(lines))]


def settle_verse(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A poem is read one way throughout: a verse-shaped block beside a stanza (or beside one
    that became a stanza so), or beside another verse-shaped block, is a stanza too; a lone
    one is prose."""
    shaped = [p.kind == VERSE_SHAPED for p in paragraphs]
    paired = [s and any(0 <= m < len(shaped) and shaped[m] for m in (n - 1, n + 1)) for n, s in enumerate(shaped)]
    verse = verse_beside_verse([p.kind == VERSE or pair for p, pair in zip(paragraphs, paired)], shaped)
    return [replace(p, kind=VERSE) if p.kind == VERSE_SHAPED and is_verse else
            replace(p, kind=PROSE, text=" ".join(p.text.split())) if p.kind == VERSE_SHAPED else p
            for p, is_verse in zip(paragraphs, verse)]


def verse_beside_verse(verse: list[bool], shaped: list[bool], beside=lambda a, b: True) -> list[bool]:
    """Which blocks are verse once every verse-shaped one next to verse (through others made
    verse so) is verse too: a sweep forward, then one back. `beside(a, b)` says whether two
    neighbours belong together (not pages apart, say)."""
    out = list(verse)
    for order in (range(len(out)), range(len(out) - 1, -1, -1)):
        previous = None
        for n in order:
            if previous is not None and shaped[n] and not out[n] and out[previous] and beside(previous, n):
                out[n] = True
            previous = n
    return out
