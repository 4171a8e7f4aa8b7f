"""Narration: a chapter becomes the `SpeechUnit`s an engine is asked to say.

What is said: the edition's opening and closing announcements, a short front matter,
each chapter's spoken title, then its paragraphs sentence by sentence, made speakable
by the locale (numbers, abbreviations, symbols …) and passed through the pronunciation
lexicon. How it is paced: pauses after sentences, paragraphs, verse lines and scene breaks.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from aloud.model import BREAK, HEADING, PROSE, VERSE, Chapter, Edition, Paragraph, SpeechUnit
from aloud.narrate.editorial import editorial_parts, may_hold_editorial
from aloud.narrate.lang import Locale, for_language
from aloud.narrate.lexicon import Lexicon
from aloud.narrate.readable import ReadableText
from aloud.narrate.sentences import split_long
from aloud.settings import NarrationOptions, Pauses

log = logging.getLogger(__name__)

# A pause inside a sentence that had to be cut for length, where a comma would be.
CLAUSE_PAUSE = 0.12
PLACEHOLDER = "qzxphonq"  # letters no narration rule touches, standing for a stretch said as phonemes


def _restored(text: str, shown: dict[str, str]) -> str:
    for token, written in shown.items():
        text = text.replace(token, written)
    return text


def opening_announcement(edition: Edition, locale: Locale) -> str:
    return locale.opening(edition.title, edition.author)


class _Units:
    def __init__(self, chapter: int, lexicon: Lexicon, readable: ReadableText, locale: Locale,
                 keep_editorial: bool = False) -> None:
        self.chapter = chapter
        self.keep_editorial = keep_editorial
        self.lexicon = lexicon
        self.readable = readable
        self.locale = locale
        self.units: list[SpeechUnit] = []
        self.sounds: dict[str, str] = {}  # placeholder → phonemes, for the paragraph being said
        self.shown: dict[str, str] = {}  # placeholder → the text as written
        self.left_out: list[tuple[int, Paragraph]] = []  # what is not said, and the unit it stands before

    def say(
        self,
        text: str,
        pause: float,
        kind: str = "sentence",
        *,
        spoken: bool = False,
        written: str = "",
        new_paragraph: bool = False,
    ) -> bool:
        """Add a unit; `spoken` text has been made speakable already. False if nothing is left to say."""
        text = self.lexicon.apply(self.readable.filter(text if spoken else self.locale.speakable(text)))
        for token, phonemes in self.sounds.items():  # the book's own pronunciations (ssml:ph)
            text = text.replace(token, phonemes)
        written = _restored(written, self.shown)
        if not text.strip(" .,;:!?-–—'\"’”“‘"):
            return False
        unit = SpeechUnit(self.chapter, len(self.units), text, pause, kind, " ".join(written.split()), new_paragraph)
        self.units.append(unit)
        return True

    def pause(self, seconds: float) -> None:
        """Lengthen the pause after the last unit (a scene break, say)."""
        if self.units:
            last = self.units[-1]
            self.units[-1] = replace(last, pause_after=max(last.pause_after, seconds))

    def paragraph(self, paragraph: Paragraph, pauses: Pauses) -> None:
        if paragraph.left_out:
            self.left_out.append((len(self.units), paragraph))
            return
        if not self.keep_editorial and paragraph.kind == PROSE and may_hold_editorial(paragraph.text):
            text, notes = editorial_parts(paragraph.text)
            self.left_out += [(len(self.units), Paragraph(note, left_out="editorial")) for note in notes]
            if notes and not text.strip(" .,;:"):
                return
            paragraph = replace(paragraph, text=text) if notes else paragraph
        if paragraph.pronounce:
            paragraph = self._placeheld(paragraph)
        try:
            self._paragraph(paragraph, pauses)
        finally:
            self.sounds, self.shown = {}, {}

    def _placeheld(self, paragraph: Paragraph) -> Paragraph:
        """The paragraph with each stretch the book gives phonemes for replaced by a word of
        letters no rule changes, said as those phonemes and shown as written."""
        text, at = paragraph.text, 0
        for n, (written, phonemes) in enumerate(paragraph.pronounce):  # in the order they are written
            token = PLACEHOLDER + "".join(chr(ord("a") + int(d)) for d in str(n)) + "q"  # no token begins another
            stretch = re.compile(rf"(?<!\w){re.escape(written)}(?!\w)")
            found = stretch.search(text, at) or stretch.search(text)
            if found:  # only this stretch: the same word elsewhere may be said otherwise ("read", "read")
                text = text[:found.start()] + token + text[found.end():]
                at = found.start() + len(token)
                self.sounds[token], self.shown[token] = phonemes, written
        return replace(paragraph, text=text, pronounce=())

    def _paragraph(self, paragraph: Paragraph, pauses: Pauses) -> None:
        if paragraph.kind == BREAK:
            self.pause(pauses.scene_break)
            return
        if paragraph.kind == HEADING:
            text = paragraph.text.rstrip(".") + "."
            self.say(text, pauses.after_title, "title", written=paragraph.text, new_paragraph=True)
            return
        first = True  # of the paragraph: the next unit said starts it
        if paragraph.kind == VERSE:
            lines = paragraph.text.split("\n")
            for n, line in enumerate(lines):
                pause = pauses.verse_line if n < len(lines) - 1 else pauses.paragraph
                if self.say(line, pause, "line", written=line, new_paragraph=first):
                    first = False
            return
        sentences = self.locale.split_sentences(paragraph.text)
        for s_index, sentence in enumerate(sentences):
            pieces = split_long(self.locale.speakable(sentence))
            written = sentence  # given to the first piece that is said
            for p_index, piece in enumerate(pieces):
                if p_index < len(pieces) - 1:
                    pause = CLAUSE_PAUSE
                elif s_index < len(sentences) - 1:
                    pause = pauses.sentence
                else:
                    pause = pauses.paragraph
                if self.say(piece, pause, spoken=True, written=written, new_paragraph=first):
                    first, written = False, ""


def written_title(chapter: Chapter) -> str:
    """The title as a transcript shows it: what is heard, when the title is only made up."""
    return chapter.title if chapter.titled or not chapter.spoken_title else chapter.spoken_title


def narrate_chapter(
    chapter: Chapter,
    pauses: Pauses,
    options: NarrationOptions = NarrationOptions(),
    lexicon: Lexicon = Lexicon(),
    opening: str = "",
    closing: str = "",
    readable: ReadableText | None = None,
    locale: Locale | None = None,
    left_out: list[tuple[int, Paragraph]] | None = None,
) -> tuple[SpeechUnit, ...]:
    """The chapter's units; what is left out of it (with the index of the unit it stands
    before) is added to `left_out` when one is given."""
    locale = locale or locale_for(options)
    units = _Units(chapter.index, lexicon, readable or ReadableText(options.language), locale,
                   keep_editorial="editorial" in options.kept)
    if opening:
        units.say(opening, pauses.announcement, "announcement", written=opening, new_paragraph=True)
    for paragraph in chapter.preamble:
        units.paragraph(paragraph, pauses)
    if chapter.spoken_title and options.announce_chapters:
        units.say(
            chapter.spoken_title.rstrip(".") + ".", pauses.after_title, "title", written=written_title(chapter), new_paragraph=True
        )
    for paragraph in chapter.paragraphs:
        units.paragraph(paragraph, pauses)
    if chapter.notes and options.read_notes:
        _notes(units, chapter, pauses, locale)
    if closing:
        units.pause(pauses.announcement)
        units.say(closing, pauses.paragraph, "announcement", written=closing, new_paragraph=True)
    if left_out is not None:
        left_out.extend(units.left_out)
    return tuple(units.units)


def _notes(units: _Units, chapter: Chapter, pauses: Pauses, locale: Locale) -> None:
    """A chapter's notes after it, as a narrator reads them: "Notes." … "Note 3. …"."""
    units.pause(pauses.scene_break)
    if locale.headings.notes:
        units.paragraph(Paragraph(locale.headings.notes, HEADING), pauses)
    for note in chapter.notes:
        units.paragraph(Paragraph(locale.headings.note.format(label=note.label), HEADING), pauses)
        for paragraph in note.paragraphs:
            units.paragraph(paragraph, pauses)


def locale_for(options: NarrationOptions) -> Locale:
    """The locale the options name, else the one of the voice's language."""
    return for_language(options.locale or options.language)


def narrate_edition(
    edition: Edition,
    pauses: Pauses,
    options: NarrationOptions = NarrationOptions(),
    lexicon: Lexicon = Lexicon(),
    locale: Locale | None = None,
    left_out: dict[int, list[tuple[int, Paragraph]]] | None = None,
) -> dict[int, tuple[SpeechUnit, ...]]:
    """Every chapter's units; what is left out of each goes into `left_out` when given."""
    first, last = edition.chapters[0].index, edition.chapters[-1].index
    announce = options.announce_edition
    locale = locale or locale_for(options)
    readable = ReadableText(options.language)
    units = {
        c.index: narrate_chapter(
            c,
            pauses,
            options,
            lexicon,
            opening=opening_announcement(edition, locale) if announce and c.index == first else "",
            closing=locale.closing(edition.title) if announce and c.index == last else "",
            readable=readable,
            locale=locale,
            left_out=left_out.setdefault(c.index, []) if left_out is not None else None,
        )
        for c in edition.chapters
    }
    if readable.skipped:
        log.warning("%s", readable.summary())
    return units
