"""The edition's language: said by the user, the edition file or the input, else detected;
a voice for it, and a warning when the voice asked for does not speak it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import SEED, needs_media

from aloud.model import Source
from aloud.pipeline import with_language
from aloud.read.language import detect_language

ALOUD = [sys.executable, "-m", "aloud"]
TEXTS = Path(__file__).resolve().parent / "corpus" / "text"
GERMAN = ("Am 25. Mai 1958 kostete ein Brot 5,50 €. Es war ein schöner Tag in der kleinen Stadt, und alle Leute "
          "gingen auf den Markt, um Brot und Käse zu kaufen. Die Kinder spielten auf dem Platz vor der Kirche.\n")
FRENCH = ("Le 14 juillet 1789, le peuple de Paris prit la Bastille. Ce fut le début d'une longue révolution, et "
          "les citoyens se réunirent sur les places pour parler de la liberté et de l'égalité.\n")


def aloud(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ALOUD, *args], capture_output=True, text=True, timeout=300)


def test_the_language_is_detected_from_the_text_and_english_costs_nothing():
    seed = detect_language(SEED.read_text(encoding="utf-8"))
    assert (seed.language, seed.how.split(":")[0]) == ("en", "English function words")
    assert detect_language(GERMAN).language == "de"
    assert detect_language(FRENCH).language == "fr"
    assert detect_language("Ja.") is None  # too short to tell: English, as before
    for name, language in (("de-grimm2-extract.txt", "de"), ("fr-verne-hatteras-extract.txt", "fr")):
        text = (TEXTS / name).read_text(encoding="utf-8")
        started = time.perf_counter()
        found = detect_language(text)
        assert found.language == language and found.confidence >= 0.9, (name, found)
        assert time.perf_counter() - started < 30  # a whole book: samples of it, not all of it


def test_language_comes_from_the_option_the_edition_file_the_input_or_detection(tmp_path):
    text = tmp_path / "brot.txt"
    text.write_text(GERMAN, encoding="utf-8")
    plan = json.loads(aloud("plan", "--json", str(text)).stdout)
    assert plan["language"] == "de" and plan["language_from"].startswith("detected (py3langid, ")
    asked = json.loads(aloud("plan", "--json", "--language", "fr", str(text)).stdout)
    assert (asked["language"], asked["language_from"]) == ("fr", "--language")
    (tmp_path / "brot.toml").write_text('language = "de-AT"\n', encoding="utf-8")
    filed = json.loads(aloud("plan", "--json", str(text)).stdout)
    assert (filed["language"], filed["language_from"]) == ("de-AT", "the edition file")
    assert with_language(Source(name="x", text="x", language="en-GB"), None).language_from == "the input"
    seed = json.loads(aloud("plan", "--json", str(SEED)).stdout)
    assert seed["language"] == "en" and seed["language_from"].startswith("detected (English function words")
    bad = aloud("plan", "--language", "12", str(text))
    assert bad.returncode == 2 and bad.stderr.strip() == "aloud: error: --language '12' is not a language tag; give one such as de, fr, en-GB"


def test_a_german_text_is_not_read_with_english_words_and_a_wrong_voice_is_told(tmp_path):
    text = tmp_path / "brot.txt"
    text.write_text(GERMAN, encoding="utf-8")
    said = aloud("text", str(text)).stdout
    # In German words, by the German locale.
    assert "Am fünfundzwanzigsten Mai neunzehnhundertachtundfünfzig kostete ein Brot fünf Euro fünfzig." in said
    assert said.rstrip().endswith("Ende von Brot.  [0.80s]")
    for english in ("twenty", "nineteen", "fifty", "End of", ", by "):
        assert english not in said
    wrong = aloud("text", "--voice", "en-us", str(text))
    assert wrong.returncode == 0
    assert "aloud: warning: voice gmw/en-us speaks en-us, but the text is in de" in wrong.stderr


@needs_media
def test_a_german_edition_gets_a_german_voice_and_verify_says_it_listens_in_english_only(tmp_path):
    text = tmp_path / "brot.txt"
    text.write_text(GERMAN, encoding="utf-8")
    built = aloud("build", str(text), "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache"), "-q")
    assert built.returncode == 0, built.stderr
    manifest = json.loads((tmp_path / "out" / "brot" / "chapters.json").read_text(encoding="utf-8"))
    assert (manifest["language"], manifest["voice"]) == ("de", "gmw/de")
    # The player and the read-aloud EPUB speak German too.
    page = (tmp_path / "out" / "brot" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in page and ">Abspielen</button>" in page and ">Kapitel</h2>" in page
    assert '"chapter_of":"Kapitel {n} von {total}: {title}"' in page
    with zipfile.ZipFile(tmp_path / "out" / "brot" / "brot.epub") as book:
        nav = book.read("OEBPS/nav.xhtml").decode("utf-8")
    assert 'xml:lang="de"' in nav and "<h1>Inhalt</h1>" in nav
    # The transcripts, the M4B's audio track and the MP3s' tags say German.
    folder = tmp_path / "out" / "brot"
    assert (folder / "brot.vtt").read_text(encoding="utf-8").startswith("WEBVTT - Brot\nLanguage: de\n\n")
    probe = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries", "stream_tags=language",
                            "-of", "csv=p=0", str(folder / "brot.m4b")], capture_output=True, text=True, check=True)
    assert probe.stdout.strip() == "deu"
    from mutagen.id3 import ID3

    mp3 = next(p for p in sorted(folder.rglob("*.mp3")))
    assert str(ID3(mp3)["TLAN"]) == "deu"
    verify = aloud("verify", str(tmp_path / "out" / "brot"))
    assert verify.returncode == 0
    assert "is in de, and verify listens in English only (Whisper tiny.en): not verified" in verify.stderr


def _said_words(text: str) -> set[str]:
    return {w.strip(".,;:!?«»„“”\"'()[]—–-").lower() for w in text.replace("’", " ").replace("'", " ").split()} - {""}


@needs_media
@pytest.mark.parametrize(("name", "language", "voice", "chapters"), [
    ("de-grimm2-short.txt", "de", "gmw/de", ["95. Der alte Hildebrand", "165. Der Vogel Greif", "187. Der Hase und der Igel"]),
    ("fr-verne-hatteras-short.txt", "fr", "roa/fr", ["Chapitre Premier: Le Forward", "Chapitre II: Une Lettre Inattendue"]),
])
def test_a_public_domain_book_is_built_in_its_language(tmp_path, name, language, voice, chapters):
    """A German and a French book, built for real: their chapters, their voice, and not one
    English word said that the book does not have (English's common words are the oracle)."""
    from aloud.audio import ffmpeg
    from aloud.narrate.lang.en.word_lists import COMMON_WORDS

    book = TEXTS / name
    built = aloud("build", str(book), "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache"), "-q")
    assert built.returncode == 0, built.stderr
    folder = next((tmp_path / "out").iterdir())
    manifest = json.loads((folder / "chapters.json").read_text(encoding="utf-8"))
    assert (manifest["language"].split("-")[0], manifest["voice"]) == (language, voice)  # "fr-fr": the voice's
    assert [c["title"] for c in manifest["chapters"]] == chapters
    assert [m["title"] for m in ffmpeg.chapters(next(folder.glob("*.m4b")))] == chapters
    said = aloud("text", str(book))
    assert said.returncode == 0
    spoken = "\n".join(line.rsplit("  [", 1)[0] for line in said.stdout.splitlines()
                       if line.strip() and not line.startswith(("===", "[left out")))
    # The book's words, and its title (which a book without a title page takes from its file's name).
    added = _said_words(spoken) - _said_words(book.read_text(encoding="utf-8")) - _said_words(manifest["title"])
    assert added, "the narration adds its own words: numbers, announcements"
    english = added & COMMON_WORDS
    assert not english, english
    assert not any(c.isdigit() for c in spoken)


def test_every_languages_player_words_have_every_key_and_its_placeholders():
    import re
    import tomllib
    from importlib import resources

    from aloud.export.labels import labels_for

    folder = resources.files("aloud.export").joinpath("labels_data")
    english = tomllib.loads(folder.joinpath("en.toml").read_text(encoding="utf-8"))
    languages = sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))
    assert {"en", "de", "fr", "es", "it", "pt", "nl"} <= set(languages)
    for language in languages:
        words = tomllib.loads(folder.joinpath(f"{language}.toml").read_text(encoding="utf-8"))
        assert words.keys() == english.keys(), language
        for key, text in english.items():
            assert set(re.findall(r"\{\w+\}", words[key])) == set(re.findall(r"\{\w+\}", text)), (language, key)
    assert labels_for("nl-BE")["play"] == "Afspelen" and labels_for("sv")["play"] == english["play"]
