"""`aloud check`: a good edition passes; each way of spoiling one is caught."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, needs_media

from aloud.audio import ffmpeg
from aloud.pipeline import EditionOptions, build
from aloud.proof.check import check_edition
from aloud.settings import BuildSettings, audio_profile

pytestmark = needs_media


@pytest.fixture
def edition(built_seed, tmp_path: Path):
    """A copy of the seed's edition, to spoil."""
    built, manifest = built_seed
    folder = tmp_path / built.folder.name
    shutil.copytree(built.folder, folder)
    return folder, manifest


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "aloud", "check", *args], capture_output=True, text=True)


def _failed(folder: Path, acx: bool = False) -> set[tuple[str, str]]:
    return {(f.check, f.subject) for f in check_edition(folder, acx=acx).failures}


def test_a_good_edition_passes(edition):
    folder, manifest = edition
    report = check_edition(folder)
    assert report.passed, report.failures
    checks = {f.check for f in report.findings}
    assert checks >= {"file present", "duration", "chapter marks", "tags", "chapter frames", "playlist order",
                      "transcript", "clipping", "true peak", "loudness", "silence", "length"}
    result = _cli(str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checks passed" in result.stdout
    data = json.loads(_cli(str(folder), "--json").stdout)
    assert data["passed"] is True and data["failures"] == [] and data["checks"] == len(report.findings)


def test_a_truncated_mp3_is_caught(edition):
    folder, manifest = edition
    name = manifest["chapters"][1]["file"]
    path = folder / name
    path.write_bytes(path.read_bytes()[: path.stat().st_size * 2 // 3])
    assert ("duration", name) in _failed(folder)
    result = _cli(str(folder))
    assert result.returncode == 1
    assert "duration" in result.stdout and "checks failed" in result.stdout


def test_a_deleted_file_is_caught(edition):
    folder, manifest = edition
    (folder / manifest["files"]["vtt"]).unlink()
    (folder / manifest["chapters"][-1]["file"]).unlink()
    failed = _failed(folder)
    assert ("file present", manifest["files"]["vtt"]) in failed
    assert ("file present", manifest["chapters"][-1]["file"]) in failed
    data = json.loads(_cli(str(folder), "--json").stdout)
    assert data["passed"] is False
    assert {f["subject"] for f in data["failures"]} >= {manifest["files"]["vtt"], manifest["chapters"][-1]["file"]}


def test_a_shifted_chapter_mark_is_caught(edition, tmp_path):
    folder, manifest = edition
    m4b = folder / manifest["files"]["m4b"]
    chapters = manifest["chapters"]
    lines = [";FFMETADATA1", f"title={manifest['title']}"]
    for n, c in enumerate(chapters):
        shift = 2.0 if n == 1 else 0.0  # chapter 2 starts two seconds late
        end = c["end"] + (2.0 if n == 0 else 0.0)
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={round((c['start'] + shift) * 1000)}",
                  f"END={round(end * 1000)}", f"title={c['title']}"]
    meta = tmp_path / "meta.txt"
    meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shifted = tmp_path / "shifted.m4b"
    ffmpeg.run_ffmpeg(["-i", str(m4b), "-f", "ffmetadata", "-i", str(meta), "-map", "0:a", "-map_metadata", "1",
                  "-map_chapters", "1", "-c", "copy", "-f", "ipod", str(shifted)], what="test")
    shutil.move(shifted, m4b)
    failed = _failed(folder)
    marks = {subject for check, subject in failed if check == "chapter marks"}
    assert f"{manifest['files']['m4b']} #2" in marks
    assert f"{manifest['files']['m4b']} #3" not in marks


def test_a_quieter_chapter_is_caught(edition, tmp_path):
    folder, manifest = edition
    name = manifest["chapters"][0]["file"]
    path = folder / name
    quieter = tmp_path / "quiet.mp3"
    ffmpeg.run_ffmpeg(["-i", str(path), "-af", "volume=-6dB", "-c:a", "libmp3lame", "-b:a", "64k", "-ar", "22050",
                  str(quieter)], what="test")
    shutil.move(quieter, path)
    failed = _failed(folder)
    assert ("loudness", name) in failed
    assert not any(subject == manifest["chapters"][1]["file"] for _, subject in failed)


def test_dropped_text_and_a_long_silence_are_caught(edition, tmp_path):
    folder, manifest = edition
    chapter = manifest["chapters"][-1]
    path = folder / chapter["file"]
    # The middle of the chapter replaced by 8 s of silence: words are missing and there is a gap.
    spoiled = tmp_path / "spoiled.mp3"
    ffmpeg.run_ffmpeg(["-i", str(path), "-af", "volume=enable='between(t,30,38)':volume=0", "-c:a", "libmp3lame",
                  "-b:a", "64k", "-ar", "22050", str(spoiled)], what="test")
    shutil.move(spoiled, path)
    assert ("silence", chapter["file"]) in _failed(folder)
    # And a manifest that claims far more words than the audio could hold.
    data = json.loads((folder / "chapters.json").read_text(encoding="utf-8"))
    data["chapters"][0]["word_count"] *= 5
    (folder / "chapters.json").write_text(json.dumps(data), encoding="utf-8")
    assert ("length", data["chapters"][0]["file"]) in _failed(folder)


def test_not_an_edition_is_a_clear_error(tmp_path):
    result = _cli(str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"aloud: error: {tmp_path}: not an edition folder (no chapters.json)"
    (tmp_path / "chapters.json").write_text("{not json", encoding="utf-8")
    result = _cli(str(tmp_path))
    assert result.returncode == 2 and "not a readable manifest" in result.stderr
    assert "Traceback" not in result.stderr
    # A manifest that parses but lacks what a chapter needs is refused just as clearly.
    (tmp_path / "chapters.json").write_text(json.dumps({"files": {}, "chapters": [{"index": 1, "title": "x"}]}))
    result = _cli(str(tmp_path))
    assert result.returncode == 2 and "chapter 1 lacks end, start" in result.stderr
    assert "Traceback" not in result.stderr


def test_acx_profile_passes_the_acx_rules_and_the_default_does_not(edition, session_cache, tmp_path):
    folder, manifest = edition
    failed = {check for check, _ in _failed(folder, acx=True)}
    assert failed == {"ACX peak", "ACX format"}  # 64 kb/s at 22.05 kHz, peaks at -2 dB
    settings = BuildSettings(out_dir=tmp_path / "acx", cache_dir=session_cache, jobs=2, audio=audio_profile("acx"))
    built = build(SEED, settings, EditionOptions())
    report = check_edition(built.folder)  # built for ACX: the ACX rules are checked without asking
    assert report.passed, report.failures
    assert {f.check for f in report.findings} >= {"ACX RMS", "ACX peak", "ACX noise floor", "ACX head", "ACX tail",
                                                   "ACX length", "ACX format"}
    from mutagen.mp3 import MP3

    info = MP3(built.mp3s[0]).info
    assert (info.sample_rate, info.bitrate) == (44100, 192000)


def test_an_acx_build_goes_beside_the_default_edition_and_leaves_it_alone(session_cache, tmp_path):
    default = build(SEED, BuildSettings(out_dir=tmp_path, cache_dir=session_cache, jobs=2), EditionOptions())
    before = {p: p.stat().st_mtime_ns for p in default.folder.rglob("*")}
    acx = build(SEED, BuildSettings(out_dir=tmp_path, cache_dir=session_cache, jobs=2, audio=audio_profile("acx")),
                EditionOptions())
    assert acx.folder == default.folder.with_name(f"{default.folder.name}-acx")
    assert {p: p.stat().st_mtime_ns for p in default.folder.rglob("*")} == before
    assert json.loads((acx.folder / "chapters.json").read_text(encoding="utf-8"))["audio"]["profile"] == "acx"


def test_check_acx_on_a_default_edition_says_to_build_with_the_acx_profile(edition):
    folder, _ = edition
    result = subprocess.run([sys.executable, "-m", "aloud", "check", str(folder), "--acx"], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 1
    assert "build it again with --profile acx" in result.stderr
    assert f"it goes to {folder.name}-acx beside this one" in " ".join(result.stderr.split())


def _cut(path: Path, share: float) -> None:
    path.write_bytes(path.read_bytes()[: int(path.stat().st_size * share)])


def test_an_m4b_cut_short_is_caught_though_its_header_says_the_full_length(edition):
    folder, manifest = edition
    name = manifest["files"]["m4b"]
    _cut(folder / name, 0.6)
    assert ("decodes", name) in _failed(folder)


def test_an_epub_cut_short_or_with_damaged_audio_is_caught(edition):
    folder, manifest = edition
    name = manifest["files"]["epub"]
    whole = (folder / name).read_bytes()
    _cut(folder / name, 0.9)
    assert ("epub", name) in _failed(folder)
    (folder / name).write_bytes(whole)
    import zipfile

    with zipfile.ZipFile(folder / name) as book, zipfile.ZipFile(folder / "spoiled.epub", "w") as spoiled:
        for info in book.infolist():
            data = book.read(info)
            if info.filename.endswith("chapter-002.mp3"):
                data = data[: len(data) // 2]  # a shorter chapter, its checksum made anew
            spoiled.writestr(info, data)
    (folder / "spoiled.epub").replace(folder / name)
    assert _failed(folder) == {("epub audio", f"{name} #2")}


def test_a_player_page_cut_short_is_caught(edition):
    folder, manifest = edition
    name = manifest["files"]["player"]
    _cut(folder / name, 0.7)
    assert ("player", name) in _failed(folder)


def test_a_transcript_missing_cues_is_caught(edition):
    folder, manifest = edition
    name = manifest["files"]["vtt"]
    text = (folder / name).read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    (folder / name).write_text("\n\n".join(blocks[: len(blocks) * 2 // 3]) + "\n", encoding="utf-8")
    failed = _failed(folder)
    assert ("transcript", name) in failed and ("transcript", manifest["files"]["srt"]) in failed


@needs_media
def test_an_m4b_only_book_is_checked_chapter_by_chapter_past_a_seek(tmp_path):
    """Without chapter MP3s each chapter is measured in the M4B from its mark: ffmpeg then reads
    only the audio, not the chapter-text track and cover (which overflowed its buffers from the
    second chapter of a book on)."""
    carol = (Path(__file__).parent / "corpus" / "a-christmas-carol.txt").read_text(encoding="utf-8-sig")
    book = tmp_path / "carol.txt"
    book.write_text(carol[: carol.index("STAVE III:")], encoding="utf-8")
    settings = BuildSettings(out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", engine="tone", outputs=("m4b",))
    built = build(book, settings, EditionOptions(voice="low"))
    assert len(built.marks) >= 2 and built.marks[1].start > 1800  # the second chapter starts half an hour in
    report = check_edition(built.folder)
    audio = [f for f in report.findings if f.check in ("audio", "loudness")]
    assert audio and all(f.passed for f in audio), [f for f in audio if not f.passed]
