"""The whole pipeline with real espeak-ng and ffmpeg, checked with ffprobe and mutagen."""

from __future__ import annotations

import array
import subprocess
from pathlib import Path

import pytest
from conftest import needs_media
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from aloud.audio import ffmpeg

pytestmark = needs_media
TOLERANCE = 0.050  # seconds


def test_m4b_chapter_marks_match_the_manifest(built_sample):
    built, manifest = built_sample
    marks = ffmpeg.chapters(built.m4b)
    assert len(marks) == 3 == len(manifest["chapters"])
    assert [m["title"] for m in marks] == ["The Storm", "The Ship", "The Morning"]
    for mark, entry in zip(marks, manifest["chapters"]):
        assert abs(mark["start"] - entry["start"]) <= TOLERANCE
        assert abs(mark["end"] - entry["end"]) <= TOLERANCE
    assert manifest["chapters"][0]["start"] == 0.0
    for a, b in zip(manifest["chapters"], manifest["chapters"][1:]):
        assert a["end"] == b["start"]
    assert abs(ffmpeg.duration(built.m4b) - manifest["duration"]) <= TOLERANCE


def test_m4b_tags(built_sample):
    built, manifest = built_sample
    tags = ffmpeg.tags(built.m4b)
    assert tags["title"] == "The Lighthouse Keeper"
    assert tags["artist"] == "A. N. Author"
    assert tags["album"] == "The Lighthouse Keeper"
    assert tags["genre"] == "Audiobook"
    assert tags["major_brand"].strip() == "M4B"
    streams = ffmpeg.ffprobe_json(built.m4b, "-show_streams")["streams"]
    assert [s["codec_name"] for s in streams if s["codec_type"] == "audio"] == ["aac"]


def test_mp3_per_chapter_with_tags_and_durations(built_sample):
    built, manifest = built_sample
    assert [p.name for p in built.mp3s] == ["01 - The Storm.mp3", "02 - The Ship.mp3", "03 - The Morning.mp3"]
    for n, (path, entry) in enumerate(zip(built.mp3s, manifest["chapters"]), start=1):
        tags = ID3(path)
        assert str(tags["TIT2"]) == entry["title"]
        assert str(tags["TALB"]) == "The Lighthouse Keeper"
        assert str(tags["TPE1"]) == "A. N. Author"
        assert str(tags["TRCK"]) == f"{n}/3"
        assert tags.version[:2] == (2, 4)
        length = MP3(path).info.length
        assert abs(length - (entry["end"] - entry["start"])) <= TOLERANCE, (path.name, length, entry)
        assert entry["file"] == f"mp3/{path.name}"


def test_playlist_lists_chapters_in_order(built_sample):
    built, manifest = built_sample
    lines = built.playlist.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#EXTM3U"
    files = [line for line in lines if line and not line.startswith("#")]
    assert files == [c["file"] for c in manifest["chapters"]]
    extinf = [line for line in lines if line.startswith("#EXTINF:")]
    assert len(extinf) == 3
    for line, entry in zip(extinf, manifest["chapters"]):
        seconds = int(line.split(":", 1)[1].split(",", 1)[0])
        assert abs(seconds - (entry["end"] - entry["start"])) <= 1
    for f in files:
        assert (built.folder / f).is_file()


def test_manifest_fields(built_sample):
    built, manifest = built_sample
    assert manifest["title"] == "The Lighthouse Keeper"
    assert manifest["author"] == "A. N. Author"
    assert manifest["engine"]["name"] == "pyttsx3"
    assert "espeak-ng" in manifest["engine"]["version"]
    assert manifest["voice"] and manifest["rate"] == 170
    assert manifest["duration"] == manifest["chapters"][-1]["end"]
    for entry in manifest["chapters"]:
        assert entry["word_count"] > 10
        assert round(entry["start"], 3) == entry["start"]
        # Real speech: about as long as its words need at 170 wpm, plus pauses.
        spoken = entry["word_count"] * 60 / 170
        assert spoken * 0.6 < entry["end"] - entry["start"] < spoken * 2.0 + 8


def _decode(path: Path, rate: int = 22050) -> array.array:
    pcm = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-ac", "1", "-ar", str(rate), "-f", "s16le", "-"],
        capture_output=True,
        check=True,
    ).stdout
    return array.array("h", pcm)


def test_each_chapter_starts_with_room_tone_and_is_not_silent(built_sample):
    built, _ = built_sample
    rate = 22050
    for path in built.mp3s:
        samples = _decode(path, rate)
        first_sound = next(i for i, s in enumerate(samples) if abs(s) > 300)
        assert 0.5 <= first_sound / rate <= 1.0, (path.name, first_sound / rate)
        assert max(abs(s) for s in samples) > 3000


def test_loudness_and_true_peak_of_a_chapter(built_sample):
    built, manifest = built_sample
    for path in (built.mp3s[1], built.m4b):
        measured = ffmpeg.loudness(path, true_peak=True)
        assert abs(measured.integrated_lufs - manifest["loudness"]["target_lufs"]) <= 1.0, measured
        assert measured.true_peak_dbtp is not None and measured.true_peak_dbtp <= -1.0, measured


def test_rebuild_replaces_the_edition_and_leaves_no_staging_folders(built_sample, session_cache, tmp_path):
    from aloud.pipeline import EditionOptions, build
    from aloud.settings import BuildSettings

    built, _ = built_sample
    out = built.folder.parent
    again = build(built.folder.parent.parent / "lighthouse.txt", BuildSettings(out_dir=out, cache_dir=session_cache),
                  EditionOptions(author="A. N. Author"))
    assert again.folder == built.folder
    assert sorted(p.name for p in out.iterdir()) == [built.folder.name]  # no lock or staging left
    assert not (built.folder / ".work").exists()


@pytest.mark.parametrize("rate", [120, 300])
def test_rate_changes_the_length(tmp_path, session_cache, rate):
    from aloud.say import say
    from aloud.settings import BuildSettings

    out = tmp_path / "x.wav"
    seconds = say("The quick brown fox jumps over the lazy dog near the river bank.", out,
                  BuildSettings(cache_dir=session_cache, rate=rate))
    words = 13
    assert words * 60 / rate * 0.5 < seconds < words * 60 / rate * 1.6
