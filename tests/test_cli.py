"""The command line: exit codes and one-line messages, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest
from conftest import SAMPLE, needs_media
from typer.testing import CliRunner

from aloud.cli import app

runner = CliRunner()


def invoke(*args: str, **kw):
    return runner.invoke(app, list(args), **kw)


def assert_error(result, code: int, *fragments: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("aloud: error: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.stdout + result.stderr


@pytest.fixture
def text(tmp_path: Path) -> Path:
    path = tmp_path / "lighthouse.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_missing_input(tmp_path):
    assert_error(invoke("build", str(tmp_path / "nope.txt"), "-o", str(tmp_path)), 2, "nope.txt", "no such file")


def test_directory_input(tmp_path):
    assert_error(invoke("build", str(tmp_path), "-o", str(tmp_path / "out")), 2, "is a folder")


def test_empty_input(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n \t\n", encoding="utf-8")
    assert_error(invoke("plan", str(path)), 2, "empty")


def test_binary_input(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_error(invoke("build", str(path), "-o", str(tmp_path / "out")), 2, "binary")


def test_invalid_utf8(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 au lait, s'il vous pla\xeet.".encode("latin-1"))
    assert_error(invoke("plan", str(path)), 2, "not valid UTF-8")


@pytest.mark.parametrize("rate", ["0", "10000"])
def test_rate_out_of_range(text, tmp_path, rate):
    assert_error(invoke("build", str(text), "--rate", rate, "-o", str(tmp_path / "out")), 2, "rate", "80 to 450")
    assert not (tmp_path / "out" / "the-lighthouse-keeper").exists()


@needs_media
def test_unknown_voice(text, tmp_path):
    assert_error(invoke("build", str(text), "--voice", "klingon-x", "-o", str(tmp_path / "out")), 2, "unknown voice", "klingon-x")


def test_missing_ffmpeg_says_how_to_install(text, tmp_path):
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    result = invoke("build", str(text), "-o", str(tmp_path / "out"), env={"PATH": str(empty_bin)})
    assert_error(result, 1, "ffmpeg is not installed", "apt-get install ffmpeg")


def test_missing_espeak_says_how_to_install(text, tmp_path, monkeypatch):
    monkeypatch.setattr("aloud.speech.engines.pyttsx3_engine.ESPEAK_LIBRARIES", ("libespeak-ng-missing.so.9",))
    result = invoke("voices")
    assert_error(result, 1, "espeak-ng is not installed", "apt-get install espeak-ng")


def test_title_with_several_inputs_is_refused(text):
    assert_error(invoke("build", str(text), str(text), "--title", "X"), 2, "--title")


def test_plan_json(text):
    result = invoke("plan", str(text), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "The Lighthouse Keeper"
    assert [c["title"] for c in data["chapters"]] == ["The Storm", "The Ship", "The Morning"]
    for chapter in data["chapters"]:
        assert chapter["word_count"] > 10
        assert chapter["estimated_seconds"] > chapter["word_count"] * 60 / 170
    assert data["estimated_seconds"] == pytest.approx(sum(c["estimated_seconds"] for c in data["chapters"]), abs=0.2)


def test_plan_text(text):
    result = invoke("plan", str(text), "--rate", "200")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "The Lighthouse Keeper"  # no author known: none is made up
    assert "3 chapters" in result.stdout and "200 wpm" in result.stdout


def test_build_with_the_tone_engine(text, tmp_path):
    out = tmp_path / "out"
    result = invoke("build", str(text), "--engine", "tone", "--voice", "low", "-o", str(out),
                    "--cache-dir", str(tmp_path / "cache"), "--quiet", "--author", "Me")
    assert result.exit_code == 0, result.stderr
    folder = out / "the-lighthouse-keeper"
    manifest = json.loads((folder / "chapters.json").read_text(encoding="utf-8"))
    assert manifest["engine"]["name"] == "tone"
    assert manifest["author"] == "Me"
    assert len(list((folder / "mp3").glob("[0-9]* - *.mp3"))) == 3  # and the whole edition as one MP3 beside them
    assert (folder / "mp3" / "the-lighthouse-keeper.mp3").is_file()


@needs_media
def test_voices_json_lists_english():
    result = invoke("voices", "--json")
    assert result.exit_code == 0, result.stderr
    voices = json.loads(result.stdout)
    assert any("en-us" in v["languages"] for v in voices)
    assert all(set(v) >= {"id", "name", "languages"} for v in voices)


@needs_media
def test_say_writes_a_wav(tmp_path):
    out = tmp_path / "hello.wav"
    result = invoke("say", "Hello there. This is a test of the voice.", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    with wave.open(str(out)) as w:
        seconds = w.getnframes() / w.getframerate()
    assert 1.5 < seconds < 8
    assert not list(tmp_path.glob(".*.part"))


def test_say_wants_a_wav_or_mp3_name(tmp_path):
    assert_error(invoke("say", "Hi", "-o", str(tmp_path / "x.ogg")), 2, "writes a .wav or an .mp3 file")


@needs_media
def test_say_writes_an_mp3_and_plays_it_with_the_first_player_found(tmp_path, monkeypatch):
    played = tmp_path / "played.txt"
    player = tmp_path / "bin" / "ffplay"
    player.parent.mkdir()
    player.write_text(f'#!/bin/sh\necho "$@" > {played}\n')
    player.chmod(0o755)
    monkeypatch.setenv("PATH", f"{player.parent}:{os.environ['PATH']}")
    out = tmp_path / "hello.mp3"
    result = invoke("say", "Hello there. This is a test of the voice.", "-o", str(out), "--play")
    assert result.exit_code == 0, result.stderr
    probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=format_name,duration", "-of", "json",
                            str(out)], capture_output=True, text=True, check=True)
    found = json.loads(probe.stdout)["format"]
    assert found["format_name"] == "mp3" and 1.5 < float(found["duration"]) < 8
    assert played.read_text().split()[-1] == str(out)  # played, once written


def test_say_refuses_a_long_text_and_points_to_build(tmp_path):
    assert_error(invoke("say", "word " * 2001, "-o", str(tmp_path / "x.wav")), 2, "aloud build")


@needs_media
def test_real_build_prints_nothing_from_the_engine(text, tmp_path, session_cache):
    result = subprocess.run(
        [sys.executable, "-m", "aloud", "build", str(text), "-o", str(tmp_path / "out"), "--cache-dir",
         str(tmp_path / "fresh-cache")],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Audio saved" not in result.stdout + result.stderr
    assert result.stdout.strip().splitlines() == [
        f"{tmp_path / 'out' / 'the-lighthouse-keeper'}: The Lighthouse Keeper — 3 chapters, "
        + result.stdout.strip().rsplit(", ", 1)[-1]
    ]


def test_text_prints_the_script_with_pauses(text):
    result = invoke("text", str(text))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "=== Chapter 1 of 3: The Storm ==="
    assert lines[1] == "The Lighthouse Keeper.  [1.50s]"
    assert "The Storm.  [1.10s]" in lines
    assert "The wind rose at dusk.  [0.35s]" in lines
    assert "=== Chapter 3 of 3: The Morning ===" in lines
    assert lines[-1] == "End of The Lighthouse Keeper.  [0.80s]"


def test_text_without_announcements(text):
    result = invoke("text", str(text), "--no-announce", "--no-chapter-titles")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "The wind rose at dusk.  [0.35s]"
    assert "End of" not in result.stdout


@needs_media
def test_lexicon_phonemes_reach_espeak(tmp_path):
    lexicon = tmp_path / "lex.toml"
    lexicon.write_text("Zyx = \"[[h@l'oU]]\"\n")
    with_phonemes, plain = tmp_path / "a.wav", tmp_path / "b.wav"
    assert invoke("say", "Zyx", "-o", str(with_phonemes), "--lexicon", str(lexicon)).exit_code == 0
    assert invoke("say", "Hello", "-o", str(plain)).exit_code == 0
    with wave.open(str(with_phonemes)) as a, wave.open(str(plain)) as b:
        # "[[h@l'oU]]" is spoken as "hello", not as the letters of a bracketed string.
        assert abs(a.getnframes() - b.getnframes()) / b.getnframes() < 0.25


def test_the_second_of_two_inputs_with_one_title_is_refused_before_it_is_built(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(SAMPLE, encoding="utf-8")
    b.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("build", str(a), str(b), "--engine", "tone", "-o", str(out))
    assert result.exit_code == 1
    assert f"{b}: would be built into {out / 'the-lighthouse-keeper'} like {a}; give one of them another title" in result.stderr
    assert [p.name for p in out.iterdir() if p.is_dir()] == ["the-lighthouse-keeper"]
    assert json.loads((out / "the-lighthouse-keeper" / ".aloud-build.json").read_text())["source"] == str(a.resolve())


def test_too_large_input_is_refused_in_one_clear_sentence(tmp_path, monkeypatch):
    monkeypatch.setattr("aloud.read.MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    assert_error(invoke("plan", str(path)), 2, "larger than")
    assert "cannot be read" not in invoke("plan", str(path)).stderr
