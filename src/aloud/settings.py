"""Settings for a build: what a user may choose, as data the stages read."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from aloud.errors import UsageError

MIN_RATE = 80
JOBS_PER_CPU = 4  # more local workers than this only wait for each other, and hold memory
MAX_RATE = 450


@dataclass(frozen=True)
class Pauses:
    """Silence, in seconds, that shapes how the edition sounds."""

    sentence: float = 0.35
    paragraph: float = 0.8
    verse_line: float = 0.25
    scene_break: float = 2.0
    announcement: float = 1.5  # after "Title, by Author." and before "End of Title."
    after_title: float = 1.1
    chapter_head: float = 0.75  # room tone at the start of every chapter file
    chapter_tail: float = 1.6  # with the next head, the pause between chapters


@dataclass(frozen=True)
class NarrationOptions:
    """What is said besides the text, and what of the text is left out."""

    announce_edition: bool = True  # "Title, by Author." at the start, "End of Title." at the end
    announce_chapters: bool = True  # each chapter opens with its spoken title
    keep_web_leftovers: bool = False  # trailing "Continue reading …", "Share this" lines
    read_matter: bool = False  # a book's cover, title and copyright pages, contents, index … (EPUB)
    read_notes: bool = True  # footnotes, after the chapter that cites them
    lexicon: Path | None = None  # a pronunciation lexicon file
    language: str = "en"  # of the voice: letters of other scripts, and emoji, are left out
    locale: str | None = None  # the narration's rules, when not the voice language's (see narrate.lang)
    keep: frozenset[str] = frozenset()  # what is read although it is left out by default (keys of model.LEFT_OUT)

    @property
    def kept(self) -> frozenset[str]:
        """What is kept, the older switches included."""
        return self.keep | {what for what, on in (("web-leftovers", self.keep_web_leftovers),
                                                  ("matter", self.read_matter)) if on}


@dataclass(frozen=True)
class AudioFormat:
    target_lufs: float = -19.0  # spoken word, mono
    limiter_dbfs: float = -2.0  # sample-peak ceiling; keeps true peak under -1 dBTP
    aac_bitrate: str = "64k"
    mp3_bitrate: str = "64k"
    mp3_sample_rate: int = 22050  # MPEG-2 layer III: the voice has nothing above 11 kHz
    profile: str = "default"


# Audio profiles: `default` for listening; `acx` for Audible's submission rules (192 kb/s
# CBR MP3 at 44.1 kHz, peaks at most -3 dB; RMS -23 to -18 dB is met at -19 LUFS).
PROFILES = {
    "default": AudioFormat(),
    "acx": AudioFormat(limiter_dbfs=-3.5, mp3_bitrate="192k", mp3_sample_rate=44100, profile="acx"),
}


def audio_profile(name: str) -> AudioFormat:
    try:
        return PROFILES[name]
    except KeyError:
        raise UsageError(f"unknown profile {name!r}: choose from {', '.join(PROFILES)}") from None


@dataclass(frozen=True)
class BuildSettings:
    out_dir: Path = Path("audio")
    engine: str = "pyttsx3"
    voice: str = "en-us"
    rate: int = 170  # words per minute
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache_dir: Path | None = None
    # After a build, the least recently used segments go until the cache holds at most this
    # (about 1 MB a minute of audio for each voice and rate); None: no limit.
    cache_max_bytes: int | None = 5 * 2**30
    pauses: Pauses = Pauses()
    audio: AudioFormat = AudioFormat()
    narration: NarrationOptions = NarrationOptions()
    outputs: tuple[str, ...] = ("all",)  # see export.exporter: m4b, mp3, chaptered-mp3, epub, transcripts, player
    executor: str = "local"  # where segment tasks run (see run.executor)
    scheduler: str | None = None  # a Dask scheduler's address: the "dask" executor's
    readers: tuple[str, ...] = ()  # readers of your own, tried before aloud's (see read.reader)
    # The reproducible-builds convention: the release date an edition says it has.
    source_date_epoch: int | None = None

    def validated(self) -> "BuildSettings":
        if not MIN_RATE <= self.rate <= MAX_RATE:
            raise UsageError(f"rate {self.rate} is out of range: use {MIN_RATE} to {MAX_RATE} words per minute")
        if self.jobs < 1:
            raise UsageError(f"jobs must be at least 1, not {self.jobs}")
        cpus = os.cpu_count() or 1
        if self.executor == "local" and self.jobs > JOBS_PER_CPU * cpus:
            raise UsageError(f"--jobs {self.jobs} is more than this machine can run at once: at most "
                             f"{JOBS_PER_CPU * cpus} ({cpus} CPUs)")
        return self

    def with_overrides(self, **changes: object) -> "BuildSettings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def source_date_epoch(environ: Mapping[str, str]) -> int | None:
    """SOURCE_DATE_EPOCH from the environment (seconds since 1970), or None if unset or not a number."""
    try:
        return int(environ.get("SOURCE_DATE_EPOCH", ""))
    except ValueError:
        return None
