"""Transcripts: WebVTT and SRT, one cue per sentence as written, timed from the audio.

A long sentence becomes several cues, cut at clause punctuation where it can be (else
between words), each at most two lines; its time is shared among them by length.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from aloud.clock import timestamp
from aloud.model import ChapterMark
from aloud.words import CLAUSE_BREAK

LINE = 42  # characters per line, as subtitle guides advise
LINES = 2  # per cue


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str
    chapter: int


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, LINE, break_long_words=False, break_on_hyphens=False) or [text]


def _fits(text: str) -> bool:
    return len(_wrap(text)) <= LINES


def split_for_cues(text: str) -> list[str]:
    """Pieces that each fit in two lines, cut after clause punctuation where possible."""
    if _fits(text):
        return [text]
    pieces: list[str] = []
    for clause in CLAUSE_BREAK.split(text):
        if pieces and _fits(f"{pieces[-1]} {clause}"):
            pieces[-1] = f"{pieces[-1]} {clause}"
        elif _fits(clause):
            pieces.append(clause)
        else:
            pieces += _even_pieces(clause)
    return pieces


def _even_pieces(text: str) -> list[str]:
    """A clause too long for one cue, cut into the fewest pieces of about equal length."""
    words = text.split()
    count = -(-len(_wrap(text)) // LINES)
    while True:
        target = len(text) / count
        pieces: list[list[str]] = [[]]
        for word in words:
            if pieces[-1] and len(" ".join(pieces[-1])) + len(word) / 2 > target * len(pieces) - _done(pieces[:-1]):
                pieces.append([])
            pieces[-1].append(word)
        result = [" ".join(p) for p in pieces]
        if all(_fits(r) for r in result) or count >= len(words):
            return result
        count += 1


def _done(pieces: list[list[str]]) -> int:
    return sum(len(" ".join(p)) + 1 for p in pieces)


def _speech_time(parts: tuple[tuple[float, float], ...], fraction: float, starting: bool = False) -> float:
    """The moment `fraction` of the way through the speech of these parts, skipping the pauses
    between them; at a part's end, a cue `starting` there starts with the next part instead."""
    left = fraction * sum(b - a for a, b in parts)
    for a, b in parts:
        if left < b - a or (not starting and left <= b - a):
            return a + left
        left -= b - a
    return parts[-1][1]


def cues(marks: Iterable[ChapterMark]) -> list[Cue]:
    result = []
    for mark in marks:
        for sentence in mark.sentences:
            pieces = split_for_cues(sentence.text)
            parts = sentence.parts or ((sentence.start, sentence.end),)
            total = sum(len(p) + 1 for p in pieces)
            start, done = sentence.start, 0
            for n, piece in enumerate(pieces):
                done += len(piece) + 1
                last = n == len(pieces) - 1
                end = sentence.end if last else _speech_time(parts, done / total)
                result.append(Cue(start, end, piece, mark.index))
                start = sentence.end if last else _speech_time(parts, done / total, starting=True)
    return result


def _lines(text: str) -> str:
    return "\n".join(_wrap(text))


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _vtt_comment(text: str) -> str:
    """Text for the header line or a NOTE: one line, never "-->" (entities are not decoded there)."""
    return " ".join(text.split()).replace("-->", "->")


_SRT_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|\{\\[^{}]*\}")


def _srt_plain(text: str) -> str:
    """SRT players read <i>, <font …> and {\\an8} as styling: a sentence must not turn into any."""
    return _SRT_MARKUP.sub("", text)


def vtt_text(marks: list[ChapterMark], title: str, timed: list[Cue] | None = None, language: str = "") -> str:
    """The WebVTT file; its header says the `language` as players and caption tools read it
    ("Language: de", a header line the format passes over)."""
    header = f"WEBVTT - {_vtt_comment(title)}"
    if re.fullmatch(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*", language):
        header += f"\nLanguage: {language}"
    blocks = [header]
    chapter = None
    for n, cue in enumerate(cues(marks) if timed is None else timed, start=1):
        if cue.chapter != chapter:
            chapter = cue.chapter
            name = next(m.title for m in marks if m.index == chapter)
            blocks.append(f"NOTE Chapter {chapter}: {_vtt_comment(name)}")
        blocks.append(f"{n}\n{timestamp(cue.start)} --> {timestamp(cue.end)}\n{_vtt_escape(_lines(cue.text))}")
    return "\n\n".join(blocks) + "\n"


def srt_text(marks: list[ChapterMark], timed: list[Cue] | None = None) -> str:
    blocks = [
        f"{n}\n{timestamp(cue.start, separator=',')} --> {timestamp(cue.end, separator=',')}\n{_lines(_srt_plain(cue.text))}"
        for n, cue in enumerate(cues(marks) if timed is None else timed, start=1)
    ]
    return "\n\n".join(blocks) + "\n"


def write_transcripts(folder: Path, slug: str, title: str, marks: list[ChapterMark],
                      language: str = "") -> tuple[Path, Path]:
    timed = cues(marks)
    vtt, srt = folder / f"{slug}.vtt", folder / f"{slug}.srt"
    vtt.write_text(vtt_text(marks, title, timed, language), encoding="utf-8")
    srt.write_text(srt_text(marks, timed), encoding="utf-8")
    return vtt, srt


class TranscriptExporter:
    name = "transcripts"
    encodings: frozenset[str] = frozenset()  # sentence times only
    requires: tuple[str, ...] = ()

    def export(self, context) -> dict[str, str]:
        vtt, srt = write_transcripts(context.folder, context.edition.slug, context.edition.title, list(context.marks),
                                     context.language)
        return {"vtt": vtt.name, "srt": srt.name}
