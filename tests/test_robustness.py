"""Bad inputs and faults: each ends in a clear one-line error and exit code, or in a
correct edition — never a traceback, never a half-written edition under its final name."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLE, needs_media
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutagen.id3 import ID3

from aloud.audio import ffmpeg
from aloud.audio.segment_plan import HARD_MAX_WORDS
from aloud.errors import OutputError
from aloud.model import Source
from aloud.narrate import narrate_edition
from aloud.pipeline import EditionOptions, build, prepare
from aloud.read import decode_text
from aloud.settings import BuildSettings, NarrationOptions, Pauses
from aloud.structure import structure

ALOUD = [sys.executable, "-m", "aloud"]


def run(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ALOUD, *args], capture_output=True, text=True, env=env, **kw)


def one_line_error(result: subprocess.CompletedProcess[str], code: int, *fragments: str) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = [line for line in result.stderr.strip().splitlines() if not line.startswith("aloud: warning:")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("aloud: error: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def no_edition_left(out: Path) -> None:
    """Nothing that looks like an edition, and no staging folder, in `out`."""
    if out.exists():
        leftovers = [p.name for p in out.iterdir()]
        assert leftovers == [], leftovers


# Bad inputs ---------------------------------------------------------------------------


def test_random_bytes_are_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes((n * 7919 + 13) % 256 for n in range(5000)))
    one_line_error(run("build", str(path), "-o", str(tmp_path / "out")), 2, "binary")
    no_edition_left(tmp_path / "out")


def test_utf16_is_refused_with_the_way_to_convert_it(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_text("Hello there. This is a text.", encoding="utf-16")
    one_line_error(run("plan", str(path)), 2, "UTF-16", "iconv -f utf-16 -t utf-8")


def test_stray_control_characters_are_removed_with_a_warning(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Hello\x00 world.\x07 A bell\x1b rang here.\x0b\n\nSecond\x7f paragraph.\n")
    result = run("text", str(path))
    assert result.returncode == 0, result.stderr
    assert "aloud: warning: " in result.stderr and "removed 5 control characters" in result.stderr
    assert "Hello world." in result.stdout and "A bell rang here." in result.stdout
    assert not any(ord(c) < 32 and c not in "\n\t" for c in result.stdout)


def test_markup_and_ssml_are_read_as_text_never_interpreted(tmp_path):
    path = tmp_path / "ssml.txt"
    path.write_text('<speak><voice name="x">Hi &amp; bye</voice></speak>\n\n'
                    '<break time="5s"/> After the <emphasis>break</emphasis>.\n', encoding="utf-8")
    result = run("text", str(path), "--no-announce")
    assert result.returncode == 0, result.stderr
    spoken = [line for line in result.stdout.splitlines() if line and not line.startswith("===")]
    assert spoken[0].startswith("Hi and bye")
    assert spoken[1].startswith("After the break.")
    assert not any(ch in line.rsplit("  [", 1)[0] for line in spoken for ch in "<>&[]")


def test_emoji_cjk_and_rtl_are_left_out_with_a_warning(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("Smile 😀👍🏽 please. 你好世界。 مرحبا بالعالم. שלום. Normal words here.\n", encoding="utf-8")
    result = run("text", str(path), "--no-announce")
    assert result.returncode == 0, result.stderr
    warning = [line for line in result.stderr.splitlines() if line.startswith("aloud: warning:")]
    assert len(warning) == 1
    assert "CJK" in warning[0] and "Arabic" in warning[0] and "Hebrew" in warning[0] and "emoji" in warning[0]
    spoken = " ".join(line for line in result.stdout.splitlines() if line and not line.startswith("==="))
    assert "Smile please." in spoken and "Normal words here." in spoken
    assert all(ord(ch) < 0x2000 or ch in "‘’“”–—…" for ch in spoken), spoken


def test_cyrillic_is_kept_for_a_russian_voice(tmp_path):
    from aloud.narrate.readable import ReadableText

    english, russian = ReadableText("en-us"), ReadableText("gmw/ru")
    assert english.filter("Привет, мир. Hello.") == "Hello."
    assert russian.filter("Привет, мир. Hello.") == "Привет, мир. Hello."
    assert ReadableText("en").filter("The α-particle, naïve café.") == "The α-particle, naïve café."


def test_a_five_megabyte_paragraph_is_cut_into_units_and_bounded_segments(tmp_path):
    words = SAMPLE.replace(".", " ").replace(",", " ").replace("#", " ").split()
    text = " ".join(words[n % len(words)] for n in range(1_100_000))[: 5 * 1024 * 1024]
    path = tmp_path / "wall.txt"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size >= 5 * 1000 * 1000
    # Narrated in a process of its own, so that its peak memory can be read.
    code = (
        "import sys, json; from aloud.pipeline import prepare, open_engine; "
        "from aloud.audio.segment_plan import plan_edition; "
        "from aloud.settings import BuildSettings; from aloud.words import count_words; "
        "s = BuildSettings(engine='tone'); p = prepare(sys.argv[1], s); "
        "plan = plan_edition(p.edition, p.units, open_engine(s, 'low', p.rate).key, s.pauses, s.audio); "
        "units = [u for us in p.units.values() for u in us]; "
        "print(json.dumps([len(units), max(count_words(u.text) for u in units), len(plan.all), "
        "max(sum(count_words(u.text) for u in seg.units) for seg in plan.all)]))"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=300)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert result.returncode == 0, result.stderr
    units, longest_unit, segments, longest_segment = json.loads(result.stdout)
    assert units > 20_000 and longest_unit <= 40
    assert segments > 150 and longest_segment <= HARD_MAX_WORDS + 40
    assert peak_mb < 1000 or before / 1024 >= 1000, peak_mb  # the text is 5 MB; a few hundred MB at most


def test_a_long_paragraph_without_punctuation_builds(tmp_path):
    words = SAMPLE.replace(".", " ").replace(",", " ").replace("#", " ").split()
    path = tmp_path / "wall.txt"
    path.write_text(" ".join(words[n % len(words)] for n in range(5000)), encoding="utf-8")
    settings = BuildSettings(out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", engine="tone", jobs=2, executor="serial")
    built = build(path, settings, EditionOptions(voice="low"))
    manifest = json.loads(built.manifest.read_text(encoding="utf-8"))
    assert len(list((tmp_path / "cache").rglob("*.json"))) >= 2  # cut into segments, though it has no paragraph end
    assert manifest["duration"] > 60 * 5000 / 170 * 0.5


@needs_media
def test_hostile_titles_make_safe_files_and_exact_tags(tmp_path):
    nasty = ['A/B ..: "q" = ; # \\ x', "../../etc/passwd", 'Key=Val;ue #1 \\ "end"']
    body = "".join(f"# {t}\n\nSome words of chapter {n} are here.\n\n" for n, t in enumerate(nasty, start=1))
    path = tmp_path / "book.txt"
    path.write_text(body, encoding="utf-8")
    (tmp_path / "book.toml").write_text('title = "Line one\\nartist=Injected\\n[CHAPTER]"\nauthor = "A = B; C"\n',
                                        encoding="utf-8")
    settings = BuildSettings(out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", engine="tone", executor="serial")
    built = build(path, settings, EditionOptions(voice="low"))
    out = (tmp_path / "out").resolve()
    for p in built.folder.rglob("*"):
        assert out in p.resolve().parents
    assert not (tmp_path / "etc").exists()
    assert [m["title"] for m in ffmpeg.chapters(built.m4b)] == nasty
    tags = ffmpeg.tags(built.m4b)
    assert tags["artist"] == "A = B; C"
    assert tags["title"] == "Line one artist=Injected [CHAPTER]"
    for mp3, title in zip(built.mp3s, nasty):
        assert str(ID3(mp3)["TIT2"]) == title
        assert "/" not in mp3.name and mp3.parent == built.folder / "mp3"


# Faults -------------------------------------------------------------------------------


FAKE_FFMPEG = """#!/bin/sh
# Dies, as if killed, on the third encode it is asked for.
case "$*" in
  *libmp3lame*)
    n=$(cat "{counter}" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "{counter}"
    if [ "$n" -ge 3 ]; then kill -9 $$; fi;;
esac
exec {real} "$@"
"""


@needs_media
def test_ffmpeg_dying_mid_encode_stops_cleanly_and_the_next_run_completes(tmp_path):
    source = tmp_path / "book.txt"
    source.write_text(SAMPLE * 3, encoding="utf-8")
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    fake = fake_bin / "ffmpeg"
    fake.write_text(FAKE_FFMPEG.format(counter=tmp_path / "count", real=shutil.which("ffmpeg")), encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "PATH": f"{fake_bin}:{os.environ['PATH']}"}
    out = tmp_path / "out"
    args = ["build", str(source), "-o", str(out), "--cache-dir", str(tmp_path / "cache"), "-q", "--engine", "tone",
            "--voice", "low", "-j", "1"]
    message = one_line_error(run(*args, env=env), 1, "ffmpeg")
    assert "was killed by SIGKILL" in message
    no_edition_left(out)
    result = run(*args)  # ffmpeg is well again
    assert result.returncode == 0, result.stderr
    (edition,) = [p for p in out.iterdir() if p.is_dir()]
    assert (edition / f"{edition.name}.m4b").is_file()


def _limit_file_size(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@needs_media
def test_a_full_disk_is_a_clear_error_and_leaves_no_edition(tmp_path):
    source = tmp_path / "book.txt"
    source.write_text(SAMPLE * 4, encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", str(source), "-o", str(out), "--cache-dir", str(tmp_path / "cache"), "-q", "--engine", "tone",
            "--voice", "low"]
    # No file may grow past 100 KB: the segments' audio, or at the latest the M4B, cannot be written.
    result = run(*args, preexec_fn=_limit_file_size(100_000))
    message = one_line_error(result, 1)
    assert "disk is full" in message or "too large" in message.lower() or "no space" in message.lower()
    no_edition_left(out)
    assert run(*args).returncode == 0  # room again: the build completes


def test_an_output_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    source = tmp_path / "book.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    one_line_error(run("build", str(source), "-o", str(blocker / "out"), "--engine", "tone", "--voice", "low"), 1,
                   "cannot create the output folder")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_output_folder_is_a_clear_error(tmp_path):
    source = tmp_path / "book.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        one_line_error(run("build", str(source), "-o", str(out), "--engine", "tone", "--voice", "low"), 1, "not writable")
    finally:
        out.chmod(0o755)


def test_an_unwritable_output_folder_is_a_clear_error_even_for_root(tmp_path):
    """As root, permissions do not stop us; a read-only file system does. Simulated by
    an output 'folder' that is a file's path, which no user can write into."""
    source = tmp_path / "book.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "out").write_text("", encoding="utf-8")
    one_line_error(run("build", str(source), "-o", str(tmp_path / "out"), "--engine", "tone", "--voice", "low"), 1,
                   "out")


@needs_media
def test_a_voice_named_by_its_name_keeps_its_script(tmp_path, session_cache):
    """"--voice Russian" is resolved to a voice whose language is ru: Cyrillic is spoken, not left out."""
    path = tmp_path / "ru.txt"
    path.write_text("Привет, мир. Это проверка.\n", encoding="utf-8")
    settings = BuildSettings(out_dir=tmp_path / "out", cache_dir=session_cache)
    built = build(path, settings, EditionOptions(voice="Russian", title="Ru"))
    manifest = json.loads(built.manifest.read_text(encoding="utf-8"))
    texts = [s["text"] for c in manifest["chapters"] for s in c["sentences"]]
    assert "Привет, мир." in texts and "Это проверка." in texts  # two sentences, by a Cyrillic capital
    assert manifest["duration"] > 5.0  # the Russian words were spoken, not skipped


# Data loss and security --------------------------------------------------------------------

TONE = ["--engine", "tone", "--voice", "low", "-q"]


def test_a_folder_holding_the_input_is_never_built_into(tmp_path):
    essay = tmp_path / "essay"
    essay.mkdir()
    (essay / "essay.txt").write_text(SAMPLE.replace("# The Lighthouse Keeper\n", ""), encoding="utf-8")
    (essay / "essay.toml").write_text('title = "Essay"\n', encoding="utf-8")
    result = run("build", str(essay / "essay.txt"), "-o", str(tmp_path), "--cache-dir", str(tmp_path / "c"), *TONE)
    one_line_error(result, 1, f"{essay}: holds files aloud did not write")
    assert sorted(p.name for p in essay.iterdir()) == ["essay.toml", "essay.txt"]


def test_the_cache_is_never_built_into(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    shared = tmp_path / "shared"
    result = run("build", str(source), "-o", str(shared), "--cache-dir", str(shared), "--title", "Segments", *TONE)
    one_line_error(result, 1, "would mix the edition with the cache")
    assert not shared.exists() or not any(shared.rglob("*.m4b"))


def test_a_file_named_like_the_edition_is_left_alone(tmp_path):
    source = tmp_path / "art.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "art").write_text("my notes", encoding="utf-8")
    result = run("build", str(source), "-o", str(out), "--cache-dir", str(tmp_path / "c"), "--title", "Art", *TONE)
    one_line_error(result, 1, "is not a folder aloud made")
    assert (out / "art").read_text(encoding="utf-8") == "my notes"
    assert sorted(p.name for p in out.iterdir()) == ["art"]


def test_two_inputs_whose_titles_make_one_folder_do_not_replace_each_other(tmp_path):
    out, cache = tmp_path / "out", tmp_path / "c"
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"{name.upper()} says: {SAMPLE}", encoding="utf-8")
    assert run("build", str(tmp_path / "a.txt"), "-o", str(out), "--cache-dir", str(cache), "--title", "Same", *TONE).returncode == 0
    result = run("build", str(tmp_path / "b.txt"), "-o", str(out), "--cache-dir", str(cache), "--title", "Same", *TONE)
    one_line_error(result, 1, f"is the edition of {tmp_path / 'a.txt'}; give this one another --title or --out")
    again = run("build", str(tmp_path / "a.txt"), "-o", str(out), "--cache-dir", str(cache), "--title", "Same", *TONE)
    assert again.returncode == 0, again.stderr  # its own input may rebuild it


def test_two_texts_read_from_stdin_without_a_title_do_not_replace_each_other(tmp_path):
    out, cache = tmp_path / "out", tmp_path / "c"
    args = ["build", "-", "-o", str(out), "--cache-dir", str(cache), *TONE]
    assert run(*args, input="The first text, read from stdin.").returncode == 0
    assert run(*args, input="The first text, read from stdin.").returncode == 0  # the same text: up to date
    # Titled by what it is about ("Text"), another text goes beside it ("Lamp") …
    assert run(*args, input="The lamp was lit at dusk by the keeper.").returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["lamp", "text"]
    # … and one whose title comes out the same is refused, not built over the first.
    one_line_error(run(*args, input="The first text, read from stdin once more."), 1,
                   "is the edition of another text read from stdin")


def test_cache_clear_removes_only_what_aloud_put_there(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    cache = tmp_path / "cache"
    assert run("build", str(source), "-o", str(tmp_path / "out"), "--cache-dir", str(cache), *TONE).returncode == 0
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    (cache / "thesis.tex").write_text("years of work", encoding="utf-8")
    one_line_error(run("cache", "clear", "--yes", "--cache-dir", str(cache)), 1, "is not only aloud's cache (it holds thesis.tex)")
    assert len(list(cache.rglob("*.aac"))) == 3  # nothing was removed
    (cache / "thesis.tex").unlink()
    result = run("cache", "clear", "--yes", "--cache-dir", str(cache))
    assert result.returncode == 0, result.stderr
    assert list(cache.iterdir()) == []
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "a.txt").write_text("keep", encoding="utf-8")
    one_line_error(run("cache", "clear", "--yes", "--cache-dir", str(mine)), 1, "is not only aloud's cache")
    assert (mine / "a.txt").read_text() == "keep"


@pytest.mark.parametrize("args", [["cache", "clear", "--cache-dir", ""], ["cache", "info", "--cache-dir", " "],
                                  ["build", "x.txt", "--out", ""], ["build", "x.txt", "--cache-dir", ""]])
def test_an_empty_folder_name_is_refused(tmp_path, args):
    (tmp_path / "x.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "keep.txt").write_text("keep", encoding="utf-8")
    result = run(*args, cwd=tmp_path)
    one_line_error(result, 2, "is empty; name a folder")
    assert (tmp_path / "keep.txt").read_text() == "keep"


def test_the_lock_file_never_follows_a_link(tmp_path):
    source = tmp_path / "art.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    (out / ".art.lock").symlink_to(victim)
    result = run("build", str(source), "-o", str(out), "--cache-dir", str(tmp_path / "c"), "--title", "Art", *TONE)
    one_line_error(result, 1, ".art.lock: cannot take the edition's lock: is a link; remove it")
    assert victim.read_text(encoding="utf-8") == "precious"
    (out / ".art.lock").unlink()
    assert run("build", str(source), "-o", str(out), "--cache-dir", str(tmp_path / "c"), "--title", "Art",
               *TONE).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["art"]  # no .art.lock left behind


def test_a_link_inside_an_edition_folder_is_not_written_through(tmp_path):
    source = tmp_path / "art.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    out, cache = tmp_path / "out", tmp_path / "c"
    assert run("build", str(source), "-o", str(out), "--cache-dir", str(cache), "--title", "Art", *TONE).returncode == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(out / "art" / "mp3")
    (out / "art" / "mp3").symlink_to(elsewhere)
    result = run("build", str(source), "-o", str(out), "--cache-dir", str(cache), "--title", "Art", "--rate", "200", *TONE)
    one_line_error(result, 1, "mp3: is a link; aloud writes only into folders of its own")
    assert list(elsewhere.iterdir()) == []


# Wrong output that passes as right ----------------------------------------------------------

def _cache_entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


@needs_media
def test_a_damaged_cache_entry_is_made_again_not_reused(tmp_path):
    source = tmp_path / "book.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    cache = tmp_path / "cache"
    args = ["build", str(source), "--cache-dir", str(cache), "--engine", "tone", "--voice", "low"]
    assert run(*args, "-o", str(tmp_path / "a"), "-q").returncode == 0
    reference = json.loads((tmp_path / "a" / "the-lighthouse-keeper" / "chapters.json").read_text())
    aac = next(cache.rglob("*.aac"))
    aac.write_bytes(aac.read_bytes()[:2000])  # cut short
    entries = _cache_entries(cache)
    spoiled = json.loads(entries[1].read_text())
    spoiled["sample_rate"] = 0  # valid JSON, wrong values
    entries[1].write_text(json.dumps(spoiled))
    entries[2].write_text(json.dumps({"samples": "many", "streams": {}}))
    result = run(*args, "-o", str(tmp_path / "b"))
    assert result.returncode == 0, result.stderr
    assert "aloud: warning: 3 cached segments were damaged (cut short or altered): made again" in result.stderr
    folder = tmp_path / "b" / "the-lighthouse-keeper"
    rebuilt = json.loads((folder / "chapters.json").read_text())
    assert [(c["start"], c["end"]) for c in rebuilt["chapters"]] == [(c["start"], c["end"]) for c in reference["chapters"]]
    assert run("check", str(folder)).returncode == 0


@needs_media
def test_more_than_255_chapters_all_reach_the_single_mp3s_table_of_contents(tmp_path):
    from aloud.export.id3 import table_of_contents, tag_edition_mp3
    from aloud.export.tags import book_tags
    from aloud.model import Chapter, ChapterMark, Edition, Paragraph

    mp3 = tmp_path / "long.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono", "-t", "3", "-c:a",
                    "libmp3lame", "-b:a", "64k", str(mp3)], check=True)
    chapters = tuple(Chapter(n, f"Chapter {n}", "", (Paragraph("x"),)) for n in range(1, 362))  # War and Peace has 361
    marks = [ChapterMark(c.index, c.title, (c.index - 1) / 200, c.index / 200, "", 1) for c in chapters]
    tags = book_tags(Edition("War and Peace", "Leo Tolstoy", "war-and-peace", chapters), "espeak-ng (en)", "en", b"")
    tag_edition_mp3(mp3, tags, marks)
    tags = ID3(mp3)
    assert table_of_contents(tags) == [f"chp{n}" for n in range(1, 362)]
    assert len(tags.getall("CHAP")) == 361 and len(tags.getall("CTOC")) == 1 + 2  # the top, then 255 and 106


def test_chapters_numbered_a_thousand_and_up_are_chapters(tmp_path):
    source = tmp_path / "long.txt"
    source.write_text("\n\n".join(f"CHAPTER {n}\n\nThe text of chapter {n}." for n in (998, 999, 1000, 1001, 12345)),
                      encoding="utf-8")
    edition = prepare(source, BuildSettings()).edition
    assert [c.title for c in edition.chapters] == ["Chapter 998", "Chapter 999", "Chapter 1000", "Chapter 1001",
                                                   "Chapter 12345"]


def test_a_chapter_with_nothing_to_say_is_left_out_at_plan_time(tmp_path):
    source = tmp_path / "smiles.txt"
    source.write_text("# Smiles\n\n😀😀😀 🎉\n\n# Words\n\nReal words are here, and they are read.\n", encoding="utf-8")
    result = run("plan", str(source), "--no-chapter-titles", "--no-announce")
    assert result.returncode == 0, result.stderr
    assert "aloud: warning: chapter 1 “Smiles” has nothing to say: left out" in result.stderr
    assert "1 chapter," in result.stdout and "Words" in result.stdout
    built = run("build", str(source), "--no-chapter-titles", "--no-announce", "-o", str(tmp_path / "out"),
                "--cache-dir", str(tmp_path / "c"), *TONE)
    assert built.returncode == 0, built.stderr
    nothing = tmp_path / "nothing.txt"
    nothing.write_text("# A\n\n😀\n", encoding="utf-8")
    one_line_error(run("plan", str(nothing), "--no-chapter-titles", "--no-announce"), 2, "there is nothing to say")


# Hangs and unbounded resources ---------------------------------------------------------------

WORST_LINES = {  # shapes that made a pattern take seconds or minutes (cubic, quadratic) before
    "a heading with a long run of spaces": "# " + " " * 3000 + "x" + " " * 3000 + "y",
    "a heading with tabs": "#\t" + "\t" * 4000 + "x\t" + "\t" * 4000 + "y",
    "a heading with no-break spaces": "# " + "\u00a0" * 3000 + "x" + "\u00a0" * 3000 + "y",
    "a star and spaces": "*" + " " * 60000 + "x",
    "stars and spaces": "* " * 30000 + "x",
    "dashes and spaces": "- " * 30000 + "x",
    "a numbered heading with spaces": "CHAPTER I." + " " * 20000 + "-" + " " * 20000 + "x",
    "hashes": "#" * 50000 + " x",
    "mixed white space": " \t\u00a0\u2003" * 25000 + "x",
}
WORST_CASE_SCRIPT = """
import sys
from aloud.read import decode_text
from aloud.model import Source
from aloud.structure import structure
from aloud.narrate import narrate_edition
from aloud.settings import Pauses, NarrationOptions
from aloud.errors import InputError
for line in sys.stdin.read().split("\\x1e"):
    try:
        edition = structure(Source(name="t", text=decode_text(line.encode(), "t")))
        narrate_edition(edition, Pauses(), NarrationOptions())
    except InputError:
        pass
print("done")
"""


def test_worst_case_line_shapes_finish_within_a_generous_bound():
    # Each shape took 20 to 90 seconds alone; in time linear in the line all finish in about
    # one. The bound is generous, for a busy machine: this checks the kind of growth, not speed.
    result = subprocess.run([sys.executable, "-c", WORST_CASE_SCRIPT], input="\x1e".join(WORST_LINES.values()),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "done"


RUNS = st.lists(
    st.tuples(st.sampled_from([" ", "\t", "\u00a0", "#", "*", "-", "•", "~", "x", "1", ".", "I", ",", "=", "\n"]),
              st.integers(min_value=1, max_value=3000)),
    min_size=1, max_size=6,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(RUNS)
def test_long_runs_of_any_character_read_and_plan_without_error(runs):
    text = "".join(ch * n for ch, n in runs) + "\n\nA last sentence ends it.\n"
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("over 20 s for one text")))
    signal.alarm(20)  # a bound, not a timing: linear work takes milliseconds here
    try:
        edition = structure(Source(name="t", text=decode_text(text.encode(), "t")))
        units = narrate_edition(edition, Pauses(), NarrationOptions())
    finally:
        signal.alarm(0)
    assert all(u.text.strip() for us in units.values() for u in us)


@pytest.mark.parametrize("name", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_not_read_until_memory_runs_out(name):
    one_line_error(run("plan", name, timeout=30), 2, "is not a regular file")


def test_a_pipe_is_refused(tmp_path):
    fifo = tmp_path / "book.txt"
    os.mkfifo(fifo)
    one_line_error(run("plan", str(fifo), timeout=30), 2, "is not a regular file")


def test_a_closed_stdin_is_one_clear_line():
    result = subprocess.run([*ALOUD, "plan", "-"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 2 and "nothing to read aloud" in result.stderr  # empty: said so
    closed = subprocess.run([*ALOUD, "plan", "-"], capture_output=True, text=True, preexec_fn=lambda: os.close(0))
    one_line_error(closed, 2, "stdin: cannot be read")


def test_a_lexicon_is_read_the_same_bounded_way(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    one_line_error(run("plan", str(source), "--lexicon", "/dev/zero", timeout=30), 2, "is not a regular file")
    (tmp_path / "a.toml").write_text('lexicon = "/dev/zero"\n', encoding="utf-8")
    one_line_error(run("plan", str(source), timeout=30), 2, "must be a file in the edition file's folder or below it")
    (tmp_path / "a.toml").write_text('lexicon = "../words.toml"\n', encoding="utf-8")
    one_line_error(run("plan", str(source), timeout=30), 2, "must be a file in the edition file's folder or below it")


def test_a_large_lexicon_is_applied_in_one_pass(tmp_path):
    from aloud.narrate.lexicon import load_lexicon

    words = tmp_path / "words.toml"
    entries = [f'word{n}x = "spoken{"abcdefghij"[n % 10]}"' for n in range(5000)]
    words.write_text("\n".join(entries + ['river = "mill"', 'mill = "river"', '"Nowa Huta" = "Nova Hoota"']) + "\n",
                     encoding="utf-8")
    lexicon = load_lexicon(words)
    assert lexicon.apply("The mill by the river in Nowa Huta, word12x.") == "The river by the mill in Nova Hoota, spokenc."
    source = tmp_path / "carol.txt"
    source.write_text((Path(__file__).parent / "corpus" / "a-christmas-carol.txt").read_text(encoding="utf-8-sig"))
    # 5,000 entries took 337 s to plan a book, one regex per entry per unit; one pass takes seconds.
    result = run("plan", str(source), "--lexicon", str(words), timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("respelling,problem", [
    ('"Gan 5 su"', "may hold only letters"),
    ('"<speak>Gansu</speak>"', "may hold only letters"),
    ("\"[[g'ans'u:]\"", "stray bracket"),
    ('"' + "very " * 40 + '"', "longer than 120 characters"),
])
def test_a_respelling_cannot_smuggle_digits_markup_or_a_flood_of_words(tmp_path, respelling, problem):
    from aloud.errors import InputError
    from aloud.narrate.lexicon import load_lexicon

    words = tmp_path / "words.toml"
    words.write_text(f"Gansu = {respelling}\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        load_lexicon(words)


def test_edition_file_fields_are_cleaned_and_checked(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    edition_file = tmp_path / "a.toml"
    edition_file.write_bytes('\ufefftitle = "A\\u0000Title"\n'.encode("utf-8"))  # a BOM, and a NUL in the title
    assert prepare(source, BuildSettings()).edition.title == "A Title"
    edition_file.write_text('title = "   "\n', encoding="utf-8")
    one_line_error(run("plan", str(source)), 2, "title is empty")
    edition_file.write_text("rate = true\n", encoding="utf-8")
    one_line_error(run("plan", str(source)), 2, "rate must be a whole number")


def _processes_marked(mark: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if mark.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@needs_media
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_stop_a_build_as_ctrl_c_does(tmp_path, signum):
    source = tmp_path / "book.txt"
    source.write_text(SAMPLE * 6, encoding="utf-8")
    out, cache = tmp_path / "out", tmp_path / "cache"
    mark = f"ALOUD_TEST_MARK={tmp_path.name}-{signum}"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent), mark.split("=")[0]: mark.split("=")[1]}
    process = subprocess.Popen(
        [*ALOUD, "build", str(source), "-o", str(out), "--cache-dir", str(cache), "--engine",
         "fake_engines:SlowLastingEngine", "--voice", "low", "-j", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    deadline = time.monotonic() + 60
    while not list(out.glob(".*.building-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # the workers are speaking
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith(f"aloud: error: stopped by {signal.Signals(signum).name}"), stderr
    assert last == f"aloud: error: stopped by {signal.Signals(signum).name}" or "run the same command again" in last
    assert "Traceback" not in stderr
    assert not out.exists() or list(out.iterdir()) == []  # no staging folder, no lock
    deadline = time.monotonic() + 10
    while _processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_marked(mark) == []  # no worker, and no forkserver, outlives the build


def test_jobs_are_bounded_by_the_machine(tmp_path):
    (tmp_path / "a.txt").write_text(SAMPLE, encoding="utf-8")
    cpus = os.cpu_count() or 1
    result = run("build", str(tmp_path / "a.txt"), "--jobs", str(4 * cpus + 1), "-o", str(tmp_path / "out"), *TONE)
    one_line_error(result, 2, f"--jobs {4 * cpus + 1} is more than this machine can run at once: at most {4 * cpus}")


# A manifest of the wrong shape, and plug-ins that are not ------------------------------

def _spoil(manifest: dict, how: str) -> str:
    """The text of `manifest` spoiled in one of the ways a hand edit or a damaged disk might."""
    data = json.loads(json.dumps(manifest))
    if how == "deeply nested":
        return "[" * 200_000 + "]" * 200_000
    if how == "a word count of 1e400":
        return json.dumps(data).replace(f'"word_count": {data["word_count"]}', '"word_count": 1e400', 1)
    change = {
        "a duration of text": lambda: data.update(duration="abc"),
        "audio as a list": lambda: data.update(audio=[]),
        "a NUL in a file name": lambda: data["files"].update(m4b="book\x00.m4b"),
        "a chapter file outside the folder": lambda: data["chapters"][0].update(file="../../outside.mp3"),
        "an absolute file name": lambda: data["files"].update(mp3="/etc/passwd"),
        "a sentence that is not an object": lambda: data["chapters"][0].update(sentences=["text"]),
        "a start of true": lambda: data["chapters"][0].update(start=True),
        "NaN for an end": lambda: None,
    }
    change[how]()
    text = json.dumps(data)
    return text.replace(f'"end": {data["chapters"][0]["end"]}', '"end": NaN', 1) if how == "NaN for an end" else text


SPOILS = ["a duration of text", "audio as a list", "a word count of 1e400", "a NUL in a file name", "deeply nested",
          "a chapter file outside the folder", "an absolute file name", "a sentence that is not an object",
          "a start of true", "NaN for an end"]


@needs_media
@pytest.mark.parametrize("how", SPOILS)
def test_a_manifest_of_the_wrong_shape_is_one_line_for_check_and_verify(built_seed, tmp_path, how):
    built, manifest = built_seed
    folder = tmp_path / "edition"
    shutil.copytree(built.folder, folder)
    (folder / "chapters.json").write_text(_spoil(manifest, how), encoding="utf-8")
    for command in ("check", "verify"):
        one_line_error(run(command, str(folder)), 2, "chapters.json: not a readable manifest")


@pytest.mark.parametrize("engine, problem", [
    ("os:system", "is not a class"),
    ("json:JSONDecoder", "has no check_available, version, voices, synthesize"),
    ("collections:OrderedDict", "is not a usable engine"),
    (":Thing", "cannot be loaded"),
    ("fractions:Fraction", "is not a usable engine"),
])
def test_an_engine_that_is_not_one_is_a_clear_error(tmp_path, engine, problem):
    text = tmp_path / "t.txt"
    text.write_text("A short text to say.\n", encoding="utf-8")
    one_line_error(run("build", str(text), "--engine", engine, "-o", str(tmp_path / "out")), 2, problem)
    one_line_error(run("voices", "--engine", engine), 2, problem)
    no_edition_left(tmp_path / "out")


# Small wrongs --------------------------------------------------------------------------

def test_a_title_or_author_on_the_command_line_is_one_clean_line_and_never_blank(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    result = run("plan", str(source), "--title", "A\x07Bell\x1b[31m Rang\u0085", "--author", "Ann\tOther\x7f")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "A Bell [31m Rang, by Ann Other"
    for option in ("--title", "--author"):
        one_line_error(run("plan", str(source), option, " \t "), 2, f"{option} is blank")


def test_letters_glued_to_a_four_digit_number_keep_their_space():
    from aloud.narrate.lang.en import English

    said = English().speakable("Ch1002 follows Ch999, and ABC1999 came in 1999.")
    assert "Ch one thousand and two" in said and "Ch nine hundred and ninety-nine" in said
    assert "ABC one thousand nine hundred and ninety-nine" in said and "in nineteen ninety-nine" in said


def test_a_message_shows_at_most_eighty_characters_of_a_unit():
    from aloud.model import SpeechUnit

    assert len(SpeechUnit(1, 0, "x" * 200_000, 0.5).label) == 81  # 80 and "…"
    assert SpeechUnit(1, 0, "One two three four five six seven eight nine ten.", 0.5).label == "One two three four five six seven eight …"
    assert SpeechUnit(1, 0, "Short.", 0.5).label == "Short."


@needs_media
def test_a_full_disk_names_the_edition_and_the_output_it_stopped(tmp_path):
    source = tmp_path / "book.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    settings = BuildSettings(out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", engine="tone", voice="low",
                             executor="serial", outputs=("m4b", "second_implementations:FullDiskExporter"))
    with pytest.raises(OutputError) as raised:
        build(source, settings)
    assert str(raised.value) == (f"{tmp_path / 'out' / 'the-lighthouse-keeper'}: its full-disk output cannot be "
                                 "written: No space left on device")
    no_edition_left(tmp_path / "out")


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system of its own (root may mount one; others skip)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a small file system here (needs root)")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


@needs_media
def test_a_disk_that_fills_during_a_build_is_one_line_naming_the_file(small_disk, tmp_path):
    source = tmp_path / "book.txt"
    source.write_text(SAMPLE * 3, encoding="utf-8")
    result = run("build", str(source), "-o", str(small_disk), "--cache-dir", str(tmp_path / "cache"), "-q",
                 "--engine", "tone", "--voice", "low", "--keep", "repeats")  # all three times
    message = one_line_error(result, 1, "the disk is full" if "ffmpeg" in result.stderr else "No space left on device")
    assert str(small_disk) in message
    no_edition_left(small_disk)


@pytest.fixture
def read_only_cache(tmp_path):
    """A cache folder that cannot be written: a read-only file system for root, else a folder without write permission."""
    cache = tmp_path / "ro-cache"
    cache.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(cache)], capture_output=True).returncode == 0
    if not mounted:
        if os.geteuid() == 0:
            pytest.skip("root can write any folder and cannot mount a read-only one here")
        cache.chmod(0o555)
    yield cache
    if mounted:
        subprocess.run(["umount", "-l", str(cache)], check=False)
    else:
        cache.chmod(0o755)


@needs_media
def test_a_read_only_cache_builds_uncached_with_a_warning(read_only_cache, tmp_path):
    source = tmp_path / "book.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", str(source), "-o", str(out), "--cache-dir", str(read_only_cache), "-q", "--engine", "tone",
                 "--voice", "low")
    assert result.returncode == 0, result.stderr
    assert f"aloud: warning: the cache {read_only_cache} cannot be written" in result.stderr
    assert "building without it" in result.stderr
    assert list(read_only_cache.iterdir()) == []
    assert run("check", str(out / "the-lighthouse-keeper")).returncode == 0


def test_say_refuses_a_text_too_long_for_a_short_listen(tmp_path):
    out = tmp_path / "long.wav"
    one_line_error(run("say", "word " * 2001, "-o", str(out), "--engine", "tone"), 2, "2,000 words at most",
                   "aloud build")
    assert not out.exists()


@needs_media
def test_workers_die_with_a_build_killed_by_sigkill(tmp_path):
    source = tmp_path / "book.txt"
    source.write_text(SAMPLE * 6, encoding="utf-8")
    out = tmp_path / "out"
    mark = f"ALOUD_TEST_MARK={tmp_path.name}-kill"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent), mark.split("=")[0]: mark.split("=")[1]}
    process = subprocess.Popen(
        [*ALOUD, "build", str(source), "-o", str(out), "--cache-dir", str(tmp_path / "cache"), "--engine",
         "fake_engines:DrowsyLastingEngine", "--voice", "low", "-j", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    deadline = time.monotonic() + 60
    while len(_processes_marked(mark)) < 4 and time.monotonic() < deadline:  # aloud, the forkserver, two workers
        time.sleep(0.05)
    time.sleep(1)  # the workers are speaking, three seconds a unit
    process.kill()
    process.wait(timeout=10)
    deadline = time.monotonic() + 2  # a segment takes far longer: a worker that lived on would still be speaking
    while _processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_marked(mark) == []
