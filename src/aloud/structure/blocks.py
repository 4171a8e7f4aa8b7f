"""Blocks and paragraphs: the lines of a text grouped as its author laid them out.

Paragraphs are blank-line separated (hard-wrapped lines are joined) or one per line; a
block of short lines each starting with a capital, in a wrapped text, is verse; `* * *`,
rows of asterisks or a lone `#` are scene breaks. A block may be marked as left out (web
leftovers, the lines that gave the title).
"""

from __future__ import annotations

import re

from aloud.model import VERSE, Paragraph

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


def paragraphs_of(lines: tuple[str, ...] | list[str], width: int) -> list[Paragraph]:
    """Hard-wrapped lines make one paragraph; a block of long lines is a paragraph per line;
    a block of short lines each starting with a capital, in a wrapped text, is verse."""
    lines = [" ".join(line.split()) for line in lines]
    if len(lines) == 1:
        return [Paragraph(lines[0])]
    lengths = sorted(len(line) for line in lines)
    if lengths[len(lengths) // 2] > 100 or lengths[-1] > 120:
        return [Paragraph(line) for line in lines]
    if width >= 45 and lengths[-1] <= width * 0.7 and all(line[:1].isupper() or line[:1] in "\"'‘“(" for line in lines):
        return [Paragraph("\n".join(lines), VERSE)]
    return [Paragraph(" ".join(lines))]
