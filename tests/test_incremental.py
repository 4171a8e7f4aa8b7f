"""The cache: reproducible editions, resumed builds, rebuilds after an edit, concurrent builds."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SAMPLE, needs_media
from typer.testing import CliRunner

from aloud.audio.cache import info
from aloud.cli import app
from aloud.edition_folder import BUILD_RECORD
from aloud.errors import OutputError
from aloud.pipeline import EditionOptions, build
from aloud.settings import BuildSettings

CAROL = Path(__file__).parent / "corpus" / "a-christmas-carol.txt"


def first_stave() -> str:
    """The Carol up to its second stave: long enough for many segments, quick to encode."""
    body = CAROL.read_text(encoding="utf-8-sig")
    return body[: body.index("STAVE II:")]


def digests(folder: Path) -> dict[str, str]:
    """The edition's files (not the build record, which notes file times)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != BUILD_RECORD
    }


def text_file(tmp_path: Path, body: str = SAMPLE) -> Path:
    path = tmp_path / "book.txt"
    path.write_text(body, encoding="utf-8")
    return path


@needs_media
def test_two_cold_builds_are_byte_identical(tmp_path):
    source = text_file(tmp_path)
    first = build(source, BuildSettings(out_dir=tmp_path / "a", cache_dir=tmp_path / "ca"))
    second = build(source, BuildSettings(out_dir=tmp_path / "b", cache_dir=tmp_path / "cb"))
    a, b = digests(first.folder), digests(second.folder)
    assert {Path(name).suffix for name in a} >= {".m4b", ".mp3", ".epub", ".vtt", ".srt", ".html", ".json", ".m3u8"}
    assert sum(name.endswith(".mp3") for name in a) == 3 + 1 + 1  # the chapters, the whole edition, the sample
    assert a == b


def test_rebuild_after_an_edit_reencodes_only_segments_near_it(tmp_path):
    body = first_stave()
    source = text_file(tmp_path, body)
    settings = BuildSettings(out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", engine="tone", executor="serial")
    build(source, settings, EditionOptions(voice="low"))
    before = {p.name for p in (tmp_path / "cache").rglob("*.json")}
    paragraphs = body.split("\n\n")
    middle = len(paragraphs) // 2
    paragraphs[middle] += " And so it was."
    source.write_text("\n\n".join(paragraphs), encoding="utf-8")
    build(source, settings, EditionOptions(voice="low"))
    after = {p.name for p in (tmp_path / "cache").rglob("*.json")}
    assert len(before) >= 6  # a stave of 6,500 words is several segments
    assert 1 <= len(after - before) <= 2  # the segment with the edit (and at most its neighbour)


def _sentences(folder: Path) -> list[tuple[str, float, float]]:
    manifest = json.loads((folder / "chapters.json").read_text(encoding="utf-8"))
    return [(s["text"], s["start"], s["end"]) for c in manifest["chapters"] for s in c["sentences"]]


def test_after_an_edit_that_moves_later_sentences_every_sentence_keeps_its_own_time(tmp_path):
    """A sentence added early in the chapter moves every later unit one place on, while the
    later segments, unchanged, come from the cache: their timings must name the units where
    they now stand, as a cold build of the edited text does."""
    body = first_stave()
    source = text_file(tmp_path, body)
    settings = BuildSettings(out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", engine="tone", executor="serial",
                             outputs=("m4b",))
    build(source, settings, EditionOptions(voice="low"))
    paragraphs = body.split("\n\n")
    opening = next(n for n, p in enumerate(paragraphs) if p.startswith("MARLEY was dead"))
    paragraphs[opening] += " And so it was."
    source.write_text("\n\n".join(paragraphs), encoding="utf-8")
    rebuilt = build(source, settings, EditionOptions(voice="low"))
    cold = build(source, replace(settings, out_dir=tmp_path / "cold", cache_dir=tmp_path / "cold-cache"),
                 EditionOptions(voice="low"))
    assert _sentences(rebuilt.folder) == _sentences(cold.folder)


def test_cache_info_and_clear(tmp_path):
    source = text_file(tmp_path)
    settings = BuildSettings(out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", engine="tone", executor="serial")
    build(source, settings, EditionOptions(voice="low"))
    assert info(tmp_path / "cache").segments == 3
    runner = CliRunner()
    result = runner.invoke(app, ["cache", "info", "--cache-dir", str(tmp_path / "cache"), "--json"])
    assert json.loads(result.stdout)["segments"] == 3
    result = runner.invoke(app, ["cache", "clear", "--yes", "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0 and "removed 3 segments" in result.stdout
    assert info(tmp_path / "cache").segments == 0


def test_a_second_build_of_the_same_edition_fails_clearly(tmp_path):
    import fcntl

    source = text_file(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".the-lighthouse-keeper.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("pid 4242")
        held.flush()
        with pytest.raises(OutputError, match="another build of this edition is running .pid 4242."):
            build(source, BuildSettings(out_dir=out, cache_dir=tmp_path / "cache", engine="tone"), EditionOptions(voice="low"))
    assert not (out / "the-lighthouse-keeper").exists()


def test_killed_build_resumes_to_the_same_edition(tmp_path):
    body = first_stave()
    source = text_file(tmp_path, body)
    command = [sys.executable, "-m", "aloud", "build", str(source), "--engine", "tone", "--voice", "low", "-q",
               "--jobs", "2"]
    reference = subprocess.run([*command, "-o", str(tmp_path / "ref"), "--cache-dir", str(tmp_path / "ref-cache")],
                               capture_output=True, text=True, timeout=600)
    assert reference.returncode == 0, reference.stderr

    out, cache = tmp_path / "out", tmp_path / "cache"
    process = subprocess.Popen([*command, "-o", str(out), "--cache-dir", str(cache)], start_new_session=True)
    deadline = time.monotonic() + 120
    while info(cache).segments < 5 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the build finished before it could be interrupted"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert not (out / "a-christmas-carol").exists()  # nothing under the final name
    done_before = info(cache).segments

    again = subprocess.run([*command, "-o", str(out), "--cache-dir", str(cache)], capture_output=True, text=True,
                           timeout=600)
    assert again.returncode == 0, again.stderr
    assert digests(out / "a-christmas-carol") == digests(tmp_path / "ref" / "a-christmas-carol")
    assert done_before >= 5
    assert sorted(p.name for p in out.iterdir()) == ["a-christmas-carol"]  # the killed build's lock is gone too


def test_unchanged_edition_is_kept_and_a_touched_one_rebuilt(tmp_path):
    source = text_file(tmp_path)
    settings = BuildSettings(out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", engine="tone", executor="serial")
    first = build(source, settings, EditionOptions(voice="low"))
    assert not first.up_to_date
    again = build(source, settings, EditionOptions(voice="low"))
    assert again.up_to_date
    assert [(m.title, round(m.end, 3)) for m in again.marks] == [(m.title, round(m.end, 3)) for m in first.marks]
    first.mp3s[0].write_bytes(b"damaged")
    repaired = build(source, settings, EditionOptions(voice="low"))
    assert not repaired.up_to_date
    assert repaired.mp3s[0].stat().st_size > 1000
    kept = repaired.mp3s[0].with_name(f"{repaired.mp3s[0].stem}.changed.mp3")  # a change is never thrown away
    assert kept.read_bytes() == b"damaged"
    retitled = build(source, settings, EditionOptions(voice="low", author="Someone Else"))
    assert not retitled.up_to_date


def test_ctrl_c_stops_with_130_and_leaves_no_edition(tmp_path):
    # The first stave, then again with a word added to every paragraph (so none of it is the
    # same segment): when the first segment is cached, at least half of the work remains, and
    # the signal lands while the build is rendering, not after the edition is in place.
    stave = first_stave()
    again = "\n\n".join(p + " Again." if len(p.split()) > 3 else p for p in stave.split("\n\n"))
    source = text_file(tmp_path, stave + "\n\n" + again)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "aloud", "build", str(source), "--engine", "tone", "--voice", "low",
         "-o", str(out), "--cache-dir", str(tmp_path / "cache")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # A shell runs background jobs with SIGINT ignored, and children inherit that: give
        # the build the default, as a terminal would, whatever ran these tests.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while info(tmp_path / "cache").segments < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert re.fullmatch(r"aloud: error: interrupted; run the same command again to resume \((\d+) of \d+ segments "
                        r"(is|are) cached\)", stderr.strip().splitlines()[-1])
    cached = int(re.search(r"\((\d+) of", stderr).group(1))
    assert 1 <= cached <= info(tmp_path / "cache").segments
    assert "Traceback" not in stderr
    assert sorted(p.name for p in out.iterdir()) == []
