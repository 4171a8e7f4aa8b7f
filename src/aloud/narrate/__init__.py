"""Narrate stage: a chapter's text becomes the `SpeechUnit`s an engine is asked to say."""

from __future__ import annotations

from aloud.config import Pauses
from aloud.model import Chapter, Edition, SpeechUnit
from aloud.narrate.sentences import split_long, split_sentences
from aloud.narrate.speakable import speakable

# A pause inside a sentence that had to be cut for length, where a comma would be.
CLAUSE_PAUSE = 0.12


def narrate_chapter(chapter: Chapter, pauses: Pauses) -> tuple[SpeechUnit, ...]:
    units: list[SpeechUnit] = []

    def add(text: str, pause: float, kind: str = "sentence") -> None:
        text = text.strip()
        if text:
            units.append(SpeechUnit(chapter.index, len(units), text, pause, kind))

    if chapter.spoken_title:
        add(speakable(chapter.spoken_title), pauses.after_title, "title")
    for paragraph in chapter.paragraphs:
        sentences = split_sentences(paragraph)
        for s_index, sentence in enumerate(sentences):
            pieces = split_long(speakable(sentence))
            for p_index, piece in enumerate(pieces):
                if p_index < len(pieces) - 1:
                    pause = CLAUSE_PAUSE
                elif s_index < len(sentences) - 1:
                    pause = pauses.sentence
                else:
                    pause = pauses.paragraph
                add(piece, pause)
    return tuple(units)


def narrate_edition(edition: Edition, pauses: Pauses) -> dict[int, tuple[SpeechUnit, ...]]:
    return {c.index: narrate_chapter(c, pauses) for c in edition.chapters}
