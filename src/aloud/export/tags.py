"""What every output says of the edition, decided once: title, author (never a
placeholder: left out when unknown), narrator (the engine and voice), description, year,
language, publisher, series and part, and the cover. The M4B and the MP3s write these."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aloud.model import Edition

GENRE = "Audiobook"
# ISO 639-1 → 639-2/B-less (T) codes, as ID3's TLAN and COMM want them.
ISO_639_2 = {
    "ar": "ara", "ca": "cat", "cs": "ces", "cy": "cym", "da": "dan", "de": "deu", "el": "ell", "en": "eng",
    "eo": "epo", "es": "spa", "et": "est", "eu": "eus", "fa": "fas", "fi": "fin", "fr": "fra", "ga": "gle",
    "he": "heb", "hi": "hin", "hr": "hrv", "hu": "hun", "id": "ind", "is": "isl", "it": "ita", "ja": "jpn",
    "ko": "kor", "la": "lat", "lt": "lit", "lv": "lav", "nb": "nob", "nl": "nld", "nn": "nno", "no": "nor",
    "pl": "pol", "pt": "por", "ro": "ron", "ru": "rus", "sk": "slk", "sl": "slv", "sr": "srp", "sv": "swe",
    "sw": "swa", "ta": "tam", "th": "tha", "tr": "tur", "uk": "ukr", "vi": "vie", "zh": "zho",
}


@dataclass(frozen=True)
class BookTags:
    title: str
    author: str  # "" when unknown: no tag is written
    narrator: str  # who speaks: "espeak-ng (gmw/en-us)"
    language: str  # BCP 47 of the narration
    description: str = ""
    year: str = ""
    publisher: str = ""
    series: str = ""
    part: str = ""
    identifier: str = ""
    cover: bytes = b""  # JPEG
    chapters: int = 0

    @property
    def isbn(self) -> str:
        """The identifier when it is an ISBN, else ""."""
        return self.identifier if re.fullmatch(r"\d{9}[\dX]|\d{13}", self.identifier) else ""

    @property
    def language_639_2(self) -> str:
        return ISO_639_2.get(self.language.split("-", 1)[0].lower(), "")


def book_tags(edition: Edition, narrator: str, language: str, cover: bytes) -> BookTags:
    info = edition.publication
    year = re.match(r"\d{4}", info.date or "")
    return BookTags(
        title=edition.title, author=edition.author, narrator=narrator, language=language,
        description=info.description, year=year.group(0) if year else "", publisher=info.publisher,
        series=info.series, part=info.series_position, identifier=info.identifier, cover=cover,
        chapters=len(edition.chapters),
    )


def narrator_of(engine: str, engine_version: str, voice: str) -> str:
    """The narrator a player shows: the program that speaks (espeak-ng inside pyttsx3) and its voice."""
    speaker = engine_version.split(" / ")[-1].split()[0] if re.search(r"[A-Za-z]", engine_version) else engine
    return f"{speaker} ({voice})"
