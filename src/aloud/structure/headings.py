"""Headings: which blocks of a text head a chapter, and what the chapter is called.

Headings in the styles real books use: Markdown `#`/`##`; `CHAPTER I. Title`; `CHAPTER XII`
with the title on the next line; `STAVE I:  MARLEY'S GHOST`; a Roman numeral alone above a
title line; `Chapter 1`, `Part One`; named sections (Preface, Introduction, Epilogue …);
a table of contents. The words are the locale's (`HeadingWords`); titles set in capitals
are shown in title case ("Stave I: Marley's Ghost") and spoken naturally ("Stave one.
Marley's Ghost").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aloud.narrate.lang import Locale
from aloud.roman import roman_value
from aloud.structure.blocks import MAX_HEADING_CHARS, is_scene_break, markdown_heading
from aloud.structure.titles import one_line, title_case

NUMBERED, NAMED, MARKDOWN, CONTENTS = "numbered", "named", "markdown", "contents"
_NUMBER = r"[IVXLCDM]+|\d{1,5}|[A-Za-z]+(?:-[A-Za-z]+)?"  # up to chapter 99999
_ROMAN_ALONE = re.compile(r"^(?P<num>[IVXLC]{1,7})\.?$")
_NUMERAL_ALONE = re.compile(r"(?P<num>[IVXLC]{1,7}|\d{1,3})\.?")
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True)
class Heading:
    title: str  # as shown
    spoken: str  # as announced
    kind: str  # NUMBERED, NAMED, MARKDOWN or CONTENTS
    level: int  # 1 above 2: a part above its chapters
    source: str = ""  # the heading's own lines, read as prose if nothing follows it


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[str, ...]
    left_out: str = ""  # why it is not read (see model.LEFT_OUT), or ""


@dataclass(frozen=True)
class SceneBreak:
    pass


_NUMBERED_TITLE = re.compile(r"(?P<num>\d{1,3})\.\s+(?P<title>[^\W\d_][^\n]{0,100})")
NUMBERED_TITLES = 3  # of them, at least, for a collection's "19. Von dem Fischer un syner Fru" lines to be its headings
PROSE_BETWEEN = 50  # words between two of them, at least: not the steps of a numbered list


def _numbered_line(line: str) -> tuple[int, str] | None:
    """"19. Von dem Fischer un syner Fru" → (19, title); a numeral alone, "II." or "7", → (2, "")."""
    line = " ".join(line.split())
    alone = _NUMERAL_ALONE.fullmatch(line)
    if alone:
        value = int(alone.group("num")) if alone.group("num").isdigit() else roman_value(alone.group("num"))
        return (value, "") if value else None
    candidate = _NUMBERED_TITLE.fullmatch(line)
    title = candidate.group("title").strip() if candidate else ""
    if candidate and len(title.split()) <= 12 and not title.endswith((".", ",", ";", ":")) and title[0].isupper():
        return int(candidate.group("num")), title
    return None


def numbered_title_lines(blocks: list[list[str]], why: list[str] | None = None) -> dict[int, tuple[int, str]]:
    """The blocks that are a number and a title alone on a line ("19. Von dem Fischer un syner
    Fru", "3. The Tale of the Miller"), when a text has three or more of them in rising order
    with prose between: the pieces of a collection; or a numeral alone ("I.", "II.", "III."),
    counting up one by one, as many books head their chapters. {block index: (number, title)}."""
    found: list[tuple[int, int, str]] = []
    words_since = 0
    for n, block in enumerate(blocks):
        candidate = _numbered_line(block[0]) if len(block) == 1 and not (why and why[n]) else None
        if candidate and found and bool(candidate[1]) != bool(found[-1][2]):
            candidate = None  # numerals alone and numbered titles are not one sequence
        rises = candidate and (not found or (candidate[0] > found[-1][1] if candidate[1] else candidate[0] == found[-1][1] + 1))
        if candidate and (not found or (rises and words_since >= PROSE_BETWEEN)):
            found.append((n, *candidate))
            words_since = 0
        else:
            words_since += sum(len(line.split()) for line in block)
    if len(found) < NUMBERED_TITLES:
        return {}
    return {n: (number, title) for n, number, title in found}


def numbered_titles_apart(text: str) -> str:
    """The text with each line of a collection's numbered titles set apart as a block of its
    own (a text of one paragraph per line has no blank lines around them)."""
    lines = text.split("\n")
    found = numbered_title_lines([[line] if line.strip() else [] for line in lines if line.strip()])
    if not found:
        return text
    content = [n for n, line in enumerate(lines) if line.strip()]
    apart = {content[k] for k in found}
    return "\n".join(f"\n{line}\n" if n in apart else line for n, line in enumerate(lines))


class HeadingRules:
    """The heading patterns of one locale, compiled once per text."""

    def __init__(self, locale: Locale) -> None:
        self.locale = locale
        words = locale.headings
        self.numbered = re.compile(
            rf"^(?P<word>{'|'.join(words.numbered)})\s+(?P<num>{_NUMBER})\.?"
            r"(?:\s*[.:—–-]\s*(?P<title>.*\S))?\s*$",
            re.IGNORECASE,
        ) if words.numbered else _NEVER
        self.number_first = re.compile(
            rf"^(?P<num>[^\W\d_]+)\s+(?P<word>{'|'.join(words.numbered)})\.?"
            r"(?:\s*[.:—–-]\s*(?P<title>.*\S))?\s*$",
            re.IGNORECASE,
        ) if words.numbered else _NEVER
        self.named = re.compile(rf"^(?P<name>{'|'.join(words.named)})\.?$", re.IGNORECASE) if words.named else _NEVER
        self.contents = re.compile("|".join(rf"^{c}\.?$" for c in words.contents), re.IGNORECASE) if words.contents else _NEVER

    def classify(self, blocks: list[list[str]], why: list[str] | None = None) -> list[Heading | TextBlock | SceneBreak]:
        """Each block as a heading (which may take the title in the block after it), a scene
        break or text; a block `why` marks left out is text left out."""
        items: list[Heading | TextBlock | SceneBreak] = []
        skip_next = False
        numbered_titles = numbered_title_lines(blocks, why)
        for n, block in enumerate(blocks):
            if skip_next:
                skip_next = False
                continue
            if why and why[n]:
                items.append(TextBlock(tuple(block), why[n]))
                continue
            following = blocks[n + 1] if n + 1 < len(blocks) and not (why and why[n + 1]) else None
            if n in numbered_titles and (numbered_titles[n][1] or not self.looks_like_title(following)):
                items.append(self._numbered_title(*numbered_titles[n], block[0]))
                continue
            if is_scene_break(block):
                items.append(SceneBreak())
                continue
            heading, used_next = self.heading(block, following)
            if heading is None:
                items.append(TextBlock(tuple(block)))
            else:
                lines = block + (following if used_next and following else [])
                items.append(Heading(heading.title, heading.spoken, heading.kind, heading.level, " ".join(lines)))
                skip_next = used_next
        return items

    def _numbered_title(self, number: int, title: str, line: str) -> Heading:
        """"19. Von dem Fischer …" said "Neunzehn. Von dem Fischer …"; "II." said "Kapitel zwei"."""
        said = self.locale.number_words(number)
        if not title:
            shown = line.strip().rstrip(".")
            return Heading(shown, self.locale.headings.chapter.format(number=said), NUMBERED, 2, line)
        return Heading(f"{number}. {title}", f"{said[:1].upper()}{said[1:]}. {title}", NUMBERED, 2, line)

    def heading(self, block: list[str], following: list[str] | None) -> tuple[Heading | None, bool]:
        """A heading made of `block` (and perhaps the title in the block after it)."""
        if len(block) > 2 or any(len(line) > MAX_HEADING_CHARS for line in block):
            return None, False
        first = " ".join(block[0].split())
        second = " ".join(block[1].split()) if len(block) == 2 else None
        if second is None:
            alone = self._single_line(first)
            if alone is not None:
                return alone, False
        numbered = self._numbered(first) or self._roman(first, second, following)
        if numbered is None:
            return None, False
        prefix, spoken_prefix, level, title = numbered
        used_next = False
        if title is None and second is not None:
            if not self.looks_like_title([second]):
                return None, False
            title = second
        elif title is None and second is None and self.looks_like_title(following):
            title, used_next = " ".join(following[0].split()), True  # type: ignore[index]
        elif second is not None:
            return None, False  # "CHAPTER I. Title" with prose under it in the same block
        name = title_case(title, self.locale.headings.small_words) if title else ""
        shown = f"{prefix}: {name}" if name else prefix
        spoken = f"{spoken_prefix}. {name}" if name else spoken_prefix
        return Heading(shown, spoken, NUMBERED, level), used_next

    def _single_line(self, line: str) -> Heading | None:
        """A Markdown heading, a table of contents' heading or a named section."""
        markdown = markdown_heading(line)
        if markdown:
            level, text = markdown[0], one_line(markdown[1])
            return Heading(text, text, MARKDOWN, level)
        if self.contents.match(line):
            return Heading("Contents", "", CONTENTS, 2)
        if self.named.match(line):
            name = title_case(line.rstrip("."), self.locale.headings.small_words, force=True)
            return Heading(name, name, NAMED, 2)
        return None

    def _numbered(self, line: str) -> tuple[str, str, int, str | None] | None:
        """"Chapter XII. Title": (shown prefix, spoken prefix, level, title or None)."""
        numbered = self.numbered.match(line)
        if not numbered:
            return self._number_first(line)
        value = self.locale.heading_number(numbered.group("num"))
        if value is None:
            return None
        word = numbered.group("word").capitalize()
        num = numbered.group("num")
        shown_num = num.upper() if re.fullmatch(r"[IVXLCDMivxlcdm]+", num) else num.capitalize()
        level = self.locale.headings.numbered.get(word.lower(), 2)
        # A number written as a word is said as written: "Chapitre premier", not "Chapitre un".
        spoken_num = num.lower() if num.isalpha() and not re.fullmatch(r"[IVXLCDMivxlcdm]+", num) else \
            self.locale.number_words(value)
        return f"{word} {shown_num}", f"{word} {spoken_num}", level, numbered.group("title")

    def _number_first(self, line: str) -> tuple[str, str, int, str | None] | None:
        """"Erstes Kapitel", "Zweiter Teil", "Deuxième partie": the number a word before the heading word."""
        found = self.number_first.match(line)
        if not found or re.fullmatch(r"[IVXLCDMivxlcdm]+", found.group("num")):
            return None
        if self.locale.heading_number(found.group("num")) is None:
            return None
        word = found.group("word").lower()
        shown = f"{found.group('num').capitalize()} {word.capitalize()}"
        level = self.locale.headings.numbered.get(word, 2)
        return shown, shown, level, found.group("title")

    def _roman(self, line: str, second: str | None, following: list[str] | None) -> tuple[str, str, int, None] | None:
        """A Roman numeral alone, above the chapter's title."""
        roman = _ROMAN_ALONE.match(line)
        if not roman or not (second or self.looks_like_title(following)):
            return None
        value = self.locale.heading_number(roman.group("num"))
        if value is None:
            return None
        return roman.group("num"), self.locale.number_words(value).capitalize(), 2, None

    def looks_like_title(self, block: list[str] | None) -> bool:
        """A short single line that names a chapter, not a sentence of prose."""
        if not block or len(block) != 1:
            return False
        line = " ".join(block[0].split())
        words = line.split()
        if not 1 <= len(words) <= 12 or self.numbered.match(line) or markdown_heading(line):
            return False
        if line.isupper():
            return True
        small = self.locale.headings.small_words
        capitals = sum(1 for w in words if w[:1].isupper() or w.lower() in small)
        return not line.endswith((",", ";", ":")) and capitals == len(words)
