"""The edition folder and --outputs: only the encodes and files the chosen outputs need; a
rebuild replaces only aloud's own files, keeps the user's, and says what changed; never
more external programs at once than --jobs and a few."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, needs_media

from aloud.edition_folder import BUILD_RECORD
from aloud.errors import OutputError, UsageError
from aloud.pipeline import EditionOptions, build
from aloud.proof.check import check_edition
from aloud.settings import BuildSettings

pytestmark = needs_media


def audio_md5(path: Path) -> str:
    result = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:a", "-c", "copy", "-f", "md5", "-"],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "lighthouse.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def settings(tmp_path: Path, **changes) -> BuildSettings:
    return BuildSettings(out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", engine="tone", jobs=2,
                         **{"executor": "serial", **changes})


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != BUILD_RECORD}


def test_an_m4b_only_build_encodes_no_mp3_and_a_later_full_one_adds_them(source, tmp_path):
    m4b_only = build(source, settings(tmp_path, outputs=("m4b",)), EditionOptions(voice="low"))
    assert files_in(m4b_only.folder) == {"the-lighthouse-keeper.m4b", "chapters.json"}
    cache = tmp_path / "cache"
    assert not list(cache.rglob("*.mp3")) and len(list(cache.rglob("*.aac"))) == 3
    first_audio = audio_md5(m4b_only.files["m4b"])
    report = check_edition(m4b_only.folder)
    assert report.passed, report.failures
    assert {f.subject for f in report.findings if f.check == "loudness"} == {f"the-lighthouse-keeper.m4b #{n}" for n in (1, 2, 3)}

    full = build(source, settings(tmp_path), EditionOptions(voice="low"))
    assert full.changed == "outputs m4b → cover,m4b,mp3,chaptered-mp3,epub,transcripts,player,sample"
    assert len(list(cache.rglob("*.mp3"))) == 3 and len(list(cache.rglob("*.json"))) == 3
    assert audio_md5(full.files["m4b"]) == first_audio  # the AAC streams were not made again
    assert {"mp3/01 - The Storm.mp3", "index.html", "the-lighthouse-keeper.epub"} <= files_in(full.folder)
    assert check_edition(full.folder).passed


def test_the_player_brings_the_single_mp3_and_its_cover_and_transcripts_need_no_audio(source, tmp_path):
    built = build(source, settings(tmp_path, outputs=("player", "transcripts")), EditionOptions(voice="low"))
    assert files_in(built.folder) == {
        "index.html", "mp3/the-lighthouse-keeper.mp3", "cover.jpg", "the-lighthouse-keeper.vtt",
        "the-lighthouse-keeper.srt", "chapters.json",
    }
    assert not list((tmp_path / "cache").rglob("*.aac"))


def test_an_unknown_output_is_refused(source, tmp_path):
    with pytest.raises(UsageError, match="unknown output 'ogg'; choose from cover, m4b, mp3, chaptered-mp3"):
        build(source, settings(tmp_path, outputs=("m4b", "ogg")), EditionOptions(voice="low"))


def test_outputs_in_the_edition_file_and_the_command_line_wins(source, tmp_path):
    source.with_suffix(".toml").write_text('outputs = "m4b, transcripts"\n', encoding="utf-8")
    built = build(source, settings(tmp_path), EditionOptions(voice="low"))
    assert files_in(built.folder) == {"the-lighthouse-keeper.m4b", "the-lighthouse-keeper.vtt",
                                      "the-lighthouse-keeper.srt", "chapters.json"}
    again = build(source, settings(tmp_path, outputs=("epub",)), EditionOptions(voice="low"))
    assert files_in(again.folder) == {"the-lighthouse-keeper.epub", "chapters.json"}


def test_a_rebuild_keeps_the_users_files_and_removes_only_its_own(source, tmp_path):
    first = build(source, settings(tmp_path), EditionOptions(voice="low"))
    (first.folder / "cover.jpg").write_bytes(b"\xff\xd8 a cover")  # the user's own, over the one aloud made
    (first.folder / "notes").mkdir()
    (first.folder / "notes" / "todo.txt").write_text("listen again", encoding="utf-8")
    (first.folder / "mp3" / "bonus.mp3").write_bytes(b"mine")
    again = build(source, settings(tmp_path, outputs=("m4b", "epub")), EditionOptions(voice="low", rate=190))
    assert again.changed == "rate 170 → 190, outputs cover,m4b,mp3,chaptered-mp3,epub,transcripts,player,sample → m4b,epub"
    assert (again.folder / "cover.jpg").read_bytes() == b"\xff\xd8 a cover"
    assert (again.folder / "notes" / "todo.txt").read_text(encoding="utf-8") == "listen again"
    assert files_in(again.folder) == {"the-lighthouse-keeper.m4b", "the-lighthouse-keeper.epub", "chapters.json",
                                      "cover.jpg", "notes/todo.txt", "mp3/bonus.mp3"}
    assert check_edition(again.folder).passed


def test_a_file_in_the_way_stops_the_build_before_anything_moves(source, tmp_path):
    first = build(source, settings(tmp_path, outputs=("m4b",)), EditionOptions(voice="low"))
    before = first.files["m4b"].read_bytes()
    (first.folder / "the-lighthouse-keeper.epub").write_bytes(b"my own book")
    with pytest.raises(OutputError, match="the-lighthouse-keeper.epub: is in the way and aloud did not write it"):
        build(source, settings(tmp_path, outputs=("m4b", "epub")), EditionOptions(voice="low", rate=200))
    assert (first.folder / "the-lighthouse-keeper.epub").read_bytes() == b"my own book"
    assert first.files["m4b"].read_bytes() == before
    assert sorted(p.name for p in first.folder.parent.iterdir()) == ["the-lighthouse-keeper"]


def test_a_folder_aloud_did_not_make_is_never_built_into(source, tmp_path):
    theirs = tmp_path / "out" / "the-lighthouse-keeper"
    theirs.mkdir(parents=True)
    (theirs / "essay.txt").write_text("my essay", encoding="utf-8")
    with pytest.raises(OutputError, match="holds files aloud did not write"):
        build(source, settings(tmp_path), EditionOptions(voice="low"))
    assert [p.name for p in theirs.iterdir()] == ["essay.txt"]


def test_a_record_naming_files_outside_the_folder_is_not_trusted(source, tmp_path):
    first = build(source, settings(tmp_path, outputs=("m4b",)), EditionOptions(voice="low"))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    record = json.loads((first.folder / BUILD_RECORD).read_text(encoding="utf-8"))
    record["files"]["../../victim.txt"] = [7, 0]
    (first.folder / BUILD_RECORD).write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(OutputError, match="holds files aloud did not write"):
        build(source, settings(tmp_path, outputs=("epub",)), EditionOptions(voice="low"))
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_build_killed_while_moving_files_in_is_cleaned_up_by_the_next(source, tmp_path):
    first = build(source, settings(tmp_path), EditionOptions(voice="low"))
    record = json.loads((first.folder / BUILD_RECORD).read_text(encoding="utf-8"))
    # As a build killed between its moves leaves it: a pending record naming every file of
    # ours, old and new, one of the new ones moved in already.
    record["key"] = "pending"
    record["files"]["mp3/04 - Gone.mp3"] = [0, 0]
    (first.folder / "mp3" / "04 - Gone.mp3").write_bytes(b"half a build")
    (first.folder / BUILD_RECORD).write_text(json.dumps(record), encoding="utf-8")
    again = build(source, settings(tmp_path), EditionOptions(voice="low"))
    assert not again.up_to_date
    assert not (again.folder / "mp3" / "04 - Gone.mp3").exists()
    assert check_edition(again.folder).passed


def test_the_release_date_is_part_of_the_edition(source, tmp_path):
    build(source, settings(tmp_path, outputs=("epub",)), EditionOptions(voice="low"))
    dated = build(source, settings(tmp_path, outputs=("epub",), source_date_epoch=1700000000), EditionOptions(voice="low"))
    assert not dated.up_to_date and dated.changed == "release date (none) → 1700000000"


COUNTING_FFMPEG = """#!/bin/sh
# Counts the ffmpeg processes running at once, then runs the real one.
mkdir -p {running}
touch {running}/$$
ls {running} | wc -l >> {log}
{real} "$@"
status=$?
rm -f {running}/$$
exit $status
"""


def test_never_more_programs_at_once_than_jobs_and_a_few_whatever_the_chapters(tmp_path):
    source = tmp_path / "many.txt"
    source.write_text("\n\n".join(f"## Chapter {n}\n\nShort chapter number {n} ends here." for n in range(1, 61)),
                      encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "ffmpeg"
    fake.write_text(COUNTING_FFMPEG.format(running=tmp_path / "running", log=tmp_path / "log", real=shutil.which("ffmpeg")))
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    result = subprocess.run(
        [sys.executable, "-m", "aloud", "build", str(source), "-o", str(tmp_path / "out"), "--cache-dir",
         str(tmp_path / "cache"), "--engine", "tone", "--voice", "low", "-q", "--jobs", "2"],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    counts = [int(line) for line in (tmp_path / "log").read_text().split()]
    assert len(counts) > 60 * 2  # every segment's encode and loudness, every chapter's join
    assert max(counts) <= 2 + 3, max(counts)
