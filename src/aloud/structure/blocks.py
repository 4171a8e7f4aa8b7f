"""Blocks and paragraphs: the lines of a text grouped as its author laid them out.

Paragraphs are blank-line separated (hard-wrapped lines are joined) or one per line; a
block of short lines each starting with a capital, in a wrapped text, is verse; `* * *`,
rows of asterisks or a lone `#` are scene breaks. Trailing web leftovers ("Continue
reading …", "Share this") can be dropped.
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
_WEB_LEFTOVER = re.compile(
    r"^\s*(?:continue reading|read more|read the (?:full|rest|original)|keep reading|share this|share on|"
    r"click here|subscribe|sign up|follow us|related (?:articles|posts|stories)|tags?:|filed under|posted in|"
    r"print this|email this|tweet this|like this:|leave a (?:comment|reply)|comments?\s*\(\d+\)|"
    r"this (?:article|post) (?:was|first) (?:originally )?(?:appeared|published))\b",
    re.IGNORECASE,
)


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
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.lstrip().startswith("#") and markdown_heading(line) is not None:
            if current:
                blocks.append(current)
            blocks.append([line.strip()])
            current = []
        elif line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def without_web_leftovers(blocks: list[list[str]]) -> list[list[str]]:
    """Drop trailing "Continue reading …", "Share this" and such lines from a web page."""
    blocks = [list(b) for b in blocks]
    while blocks and _WEB_LEFTOVER.match(blocks[-1][-1]) and len(blocks[-1][-1].split()) <= 20:
        blocks[-1].pop()
        if not blocks[-1]:
            blocks.pop()
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
