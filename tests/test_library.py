"""What a library or player shows: the cover (the book's, one given, or one made) in every
output, the tags Audiobookshelf and Apple Books read, no placeholder author, and a folder
that a folder-scanning library reads as one book."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import SAMPLE, needs_media
from epub_books import Book, Page, make_epub, prose
from mutagen.id3 import ID3
from mutagen.mp4 import MP4
from PIL import Image

from aloud.export.cover import made_cover
from aloud.proof.check import check_edition

pytestmark = needs_media
ALOUD = [sys.executable, "-m", "aloud"]
TONE = ("--engine", "tone", "--voice", "low", "-q")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ALOUD, *args], capture_output=True, text=True)


def build(tmp_path: Path, source: Path, *args: str) -> Path:
    out = tmp_path / "out"
    result = run("build", str(source), "-o", str(out), "--cache-dir", str(tmp_path / "cache"), *TONE, *args)
    assert result.returncode == 0, result.stderr
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    return folder


def png(width: int, height: int, colour=(200, 40, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def ffprobe_tags(path: Path) -> dict[str, str]:
    result = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json", str(path)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)["format"]["tags"]


def pictures(folder: Path) -> dict[str, bytes]:
    """The front cover in each audio file of the edition, by name."""
    found = {m4b.name: bytes(MP4(m4b).tags["covr"][0]) for m4b in folder.glob("*.m4b")}
    for mp3 in folder.rglob("*.mp3"):
        found[mp3.relative_to(folder).as_posix()] = ID3(mp3).getall("APIC")[0].data
    return found


METADATA = ('<dc:creator id="n">Nell Narrator</dc:creator><meta refines="#n" property="role">nrt</meta>'
            "<dc:publisher>Example Press</dc:publisher><dc:date>2012-02-20</dc:date>"
            "<dc:description>A fine book.</dc:description><dc:identifier>urn:isbn:9780306406157</dc:identifier>"
            '<meta property="belongs-to-collection" id="s">The Made Books</meta>'
            '<meta refines="#s" property="group-position">3</meta><meta name="cover" content="cov"/>')
PAGES = [Page("one.xhtml", "<h1>One</h1>" + prose(24, "alpha")), Page("two.xhtml", "<h1>Two</h1>" + prose(24, "beta"))]
TOC = [("One", "one.xhtml"), ("Two", "two.xhtml")]


def covered_epub(tmp_path: Path) -> Path:
    book = Book(PAGES, TOC, metadata=METADATA, manifest='<item id="cov" href="art.png" media-type="image/png"/>',
                extra_files={"OEBPS/art.png": png(2000, 1000)}, version="2.0")
    return make_epub(tmp_path / "book.epub", book)


def test_the_books_cover_is_in_every_output_and_beside_them(tmp_path):
    folder = build(tmp_path, covered_epub(tmp_path))
    cover = (folder / "cover.jpg").read_bytes()
    with Image.open(io.BytesIO(cover)) as image:
        assert (image.format, image.size) == ("JPEG", (1400, 700))  # the EPUB 2 cover, made at most 1400 px
    found = pictures(folder)
    assert set(found) == {"a-made-book.m4b", "mp3/a-made-book.mp3", "mp3/01 - One.mp3", "mp3/02 - Two.mp3",
                          "mp3/a-made-book.sample.mp3"}
    assert all(data == cover for data in found.values())
    with zipfile.ZipFile(folder / "a-made-book.epub") as epub:
        assert epub.read("OEBPS/cover.jpg") == cover and b'properties="cover-image"' in epub.read("OEBPS/package.opf")
    assert 'src="cover.jpg"' in (folder / "index.html").read_text(encoding="utf-8")
    report = check_edition(folder)
    assert report.passed, report.failures
    assert sum(f.check == "cover" for f in report.findings) == 5


def test_the_tags_a_library_reads(tmp_path):
    folder = build(tmp_path, covered_epub(tmp_path))
    tags = ffprobe_tags(folder / "a-made-book.m4b")
    assert (tags["title"], tags["album"], tags["artist"], tags["genre"]) == ("A Made Book", "A Made Book", "Ann Author",
                                                                             "Audiobook")
    assert (tags["composer"], tags["date"], tags["description"], tags["comment"]) == ("tone (low)", "2012",
                                                                                       "A fine book.", "A fine book.")
    assert (tags["grouping"], tags["media_type"]) == ("The Made Books #3", "2")  # stik 2: an audiobook
    assert (tags["PUBLISHER"], tags["LANGUAGE"], tags["ISBN"], tags["SERIES"], tags["SERIES-PART"]) == (
        "Example Press", "en", "9780306406157", "The Made Books", "3")  # freeform atoms, read by name
    mp3 = ID3(folder / "mp3" / "a-made-book.mp3")
    assert (str(mp3["TCOM"]), str(mp3["TDRC"]), str(mp3["TLAN"]), str(mp3["TPUB"])) == ("tone (low)", "2012", "eng",
                                                                                         "Example Press")
    assert str(mp3.getall("COMM")[0]) == "A fine book." and str(mp3["TXXX:SERIES"]) == "The Made Books"
    assert str(mp3["TXXX:SERIES-PART"]) == "3" and str(mp3["TXXX:ISBN"]) == "9780306406157"
    probed = ffprobe_tags(folder / "mp3" / "a-made-book.mp3")  # as Audiobookshelf's prober reads them
    assert (probed["composer"], probed["publisher"], probed["SERIES"], probed["SERIES-PART"]) == (
        "tone (low)", "Example Press", "The Made Books", "3")


def test_a_cover_given_or_named_by_the_edition_file_wins_and_a_bad_one_is_one_line(tmp_path):
    source = tmp_path / "essay.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "mine.png").write_bytes(png(300, 300, (10, 120, 10)))
    folder = build(tmp_path, source, "--cover", str(tmp_path / "mine.png"))
    with Image.open(folder / "cover.jpg") as image:
        assert image.size == (300, 300) and image.getpixel((150, 150))[1] > 100  # green: the given picture
    (tmp_path / "essay.toml").write_text('cover = "mine.png"\n', encoding="utf-8")
    assert run("plan", "--json", str(source)).returncode == 0
    assert "essay.toml: cover mine.png" in json.loads(run("plan", "--json", str(source)).stdout)["cover"]
    (tmp_path / "essay.toml").write_text('cover = "../../etc/passwd"\n', encoding="utf-8")
    bad = run("plan", str(source))
    assert bad.returncode == 2 and "must be a file in the edition file's folder" in bad.stderr
    (tmp_path / "essay.toml").unlink()
    (tmp_path / "fake.jpg").write_text("not a picture", encoding="utf-8")
    bad = run("build", str(source), "--cover", str(tmp_path / "fake.jpg"), "-o", str(tmp_path / "o2"), *TONE)
    assert bad.returncode == 2 and bad.stderr.strip().splitlines() == [
        f"aloud: error: {tmp_path / 'fake.jpg'}: is not a picture aloud can use for a cover (JPEG, PNG, GIF or WebP)"]


def test_a_made_cover_is_the_same_bytes_each_time_and_differs_by_book():
    first = made_cover("The Lighthouse Keeper", "A. N. Author")
    assert first == made_cover("The Lighthouse Keeper", "A. N. Author")
    assert first != made_cover("The Lighthouse Keeper", "Someone Else") != made_cover("Another Book", "A. N. Author")
    with Image.open(io.BytesIO(first)) as image:
        assert (image.format, image.size) == ("JPEG", (1400, 1400))
        assert image.getexif() == {}  # no metadata of the machine or the day


def test_no_placeholder_author_is_written_shown_or_spoken(tmp_path):
    source = tmp_path / "untold.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    folder = build(tmp_path, source)
    assert run("plan", str(source)).stdout.splitlines()[0] == "The Lighthouse Keeper"
    assert "artist" not in ffprobe_tags(folder / "the-lighthouse-keeper.m4b")
    assert "TPE1" not in ID3(folder / "mp3" / "the-lighthouse-keeper.mp3")
    everything = "".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*")
                         if p.suffix in (".json", ".vtt", ".srt", ".html", ".m3u8"))
    assert "Unknown" not in everything and "by ." not in everything
    assert check_edition(folder).passed


def test_audiobookshelf_reads_the_folder_as_one_book(tmp_path):
    """Audiobookshelf's scanner: every audio file under a book's folder is one of its tracks,
    except under a folder holding `.ignore` (server/utils/fileUtils.js recurseFiles)."""
    folder = build(tmp_path, covered_epub(tmp_path))
    ignored = {p.parent for p in folder.rglob(".ignore")}
    tracks = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.suffix in (".m4b", ".mp3")
              and not any(d in ignored for d in p.parents)]
    assert tracks == ["a-made-book.m4b"]
    assert (folder / "cover.jpg").is_file()  # the folder image it shows first


def test_a_spoiled_cover_is_caught_by_check(tmp_path):
    folder = build(tmp_path, covered_epub(tmp_path))
    (folder / "cover.jpg").write_bytes(made_cover("Something Else", ""))
    failed = {(f.check, f.subject) for f in check_edition(folder).failures}
    assert ("cover", "a-made-book.m4b picture") in failed and ("cover", "mp3/01 - One.mp3 picture") in failed


@pytest.mark.parametrize("outputs", ["m4b", "mp3"])
def test_an_edition_without_the_m4b_hides_nothing(tmp_path, outputs):
    folder = build(tmp_path, covered_epub(tmp_path), "--outputs", outputs)
    assert not list(folder.rglob(".ignore"))


def test_a_cover_aloud_cannot_use_gives_way_to_a_made_one(tmp_path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    book = Book(PAGES, TOC, manifest='<item id="c" href="c.svg" media-type="image/svg+xml" properties="cover-image"/>',
                extra_files={"OEBPS/c.svg": svg})
    result = run("build", str(make_epub(tmp_path / "b.epub", book)), "-o", str(tmp_path / "out"), "--cache-dir",
                 str(tmp_path / "cache"), *TONE)
    assert result.returncode == 0, result.stderr
    assert "its cover OEBPS/c.svg is not a picture aloud can use: a cover is made instead" in result.stderr
    with Image.open(tmp_path / "out" / "a-made-book" / "cover.jpg") as image:
        assert image.size == (1400, 1400)


def test_a_copied_edition_folder_is_rebuilt_without_copies_kept_aside(tmp_path):
    import shutil

    source = tmp_path / "essay.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    folder = build(tmp_path, source)
    shutil.copytree(folder, tmp_path / "copy")  # new times, the same bytes
    shutil.rmtree(folder)
    (tmp_path / "copy").rename(folder)
    (folder / ".aloud-build.json").write_text((folder / ".aloud-build.json").read_text().replace('"key": "', '"key": "x'))
    again = run("build", str(source), "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache"), *TONE)
    assert again.returncode == 0, again.stderr
    assert not [p for p in folder.rglob("*.changed*")] and "was changed" not in again.stderr
