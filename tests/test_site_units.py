"""The site's parts on their own: which inputs names stand for, the site file, the site's
record of its files (written whole, never over a file of the user's), the feed and the
chapters file from a shelved edition."""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from aloud.errors import OutputError, UsageError
from aloud.export.cover import square_jpeg
from aloud.publish.feed import Episode, chapters_json, feed_xml, utc
from aloud.publish.inputs import expand_inputs, names_a_collection
from aloud.publish.shelf import Shelved, dated
from aloud.publish.site_file import Channel, load_channel
from aloud.publish.site_record import SiteRecord


def touch(path: Path, text: str = "Some words to read.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_stands_for_its_readable_files_at_any_depth_hidden_ones_and_the_site_aside(tmp_path):
    for name in ("b.md", "a.txt", "sub/c.epub", "sub/d.PDF", "a.toml", "notes.json", ".hidden.md", ".git/x.md",
                 "site/old/index.html", "audio/.aloud-site.json", "audio/x/index.html", "ed/.aloud-build.json",
                 "ed/x.epub"):
        touch(tmp_path / "in" / name)
    found = expand_inputs([str(tmp_path / "in")], leave_out=tmp_path / "in" / "site")
    assert [Path(f).relative_to(tmp_path / "in").as_posix() for f in found] == ["a.txt", "b.md", "sub/c.epub", "sub/d.PDF"]


def test_patterns_expand_names_stay_and_each_input_is_named_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("x/one.md", "x/two.md", "x/two.toml", "y/three.html"):
        touch(tmp_path / name)
    touch(tmp_path / "y" / "site" / ".aloud-site.json")
    touch(tmp_path / "y" / "site" / "three" / "index.html")  # a site's pages are no inputs
    assert expand_inputs(["x/*", "x/one.md", "y/**/*.html"]) == ["x/one.md", "x/two.md", "y/three.html"]
    with pytest.raises(UsageError, match="missing.txt: no such file or folder"):  # a site would drop its edition
        expand_inputs(["x/one.md", "missing.txt"])
    with pytest.raises(UsageError, match=r"nothing\*.md: matches no file aloud reads"):
        expand_inputs(["nothing*.md"])
    with pytest.raises(UsageError, match="stdin"):
        expand_inputs(["-", "x/one.md"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="is a folder that holds no file aloud reads"):
        expand_inputs(["empty"])
    assert names_a_collection(["x"]) and names_a_collection(["x/*.md"]) and names_a_collection(["a", "b"])
    assert not names_a_collection(["x/one.md"])


def test_the_site_file_gives_the_channel_and_refuses_what_it_does_not_know(tmp_path):
    assert load_channel(tmp_path) == Channel()
    from PIL import Image

    Image.new("RGB", (2000, 1000), (200, 30, 30)).save(tmp_path / "art.png")
    touch(tmp_path / "bad.png", "not a picture")
    touch(tmp_path / "aloud.toml", 'title = "The Review"\nlanguage = "de"\nimage = "art.png"\nexplicit = true\n'
          'base_url = "https://example.org/a"\n')
    channel = load_channel(tmp_path)
    assert (channel.title, channel.language, channel.explicit, channel.base_url) == (
        "The Review", "de", True, "https://example.org/a/")
    with Image.open(io.BytesIO(square_jpeg(channel.image))) as artwork:  # Apple: square, 1400 px at least
        assert artwork.size == (1400, 1400) and artwork.getpixel((700, 10)) == pytest.approx((200, 30, 30), abs=8)
    assert load_channel(tmp_path, "http://other.example/x/").base_url == "http://other.example/x/"
    touch(tmp_path / "aloud.toml", 'category = "Technology"\n')
    assert (load_channel(tmp_path).category, load_channel(tmp_path).subcategory) == ("Technology", "")
    for text, message in (('titel = "x"', "titel is not a site field"), ("title = 3", "title must be some text"),
                          ('base_url = "ftp://x/"', "is not the http"), ('image = "gone.jpg"', "image gone.jpg: no such file"),
                          ('image = "bad.png"', "image bad.png: not a picture"),
                          ('language = "not a tag"', "is not a language tag"), ("explicit = 1", "explicit = true or false"),
                          ("title = ", "not valid TOML"), ('category = "Audiobooks"', "is not one of Apple Podcasts'"),
                          ('category = "News"\nsubcategory = "Books"', "is not one of News's")):
        touch(tmp_path / "aloud.toml", text + "\n")
        with pytest.raises(UsageError, match=message):
            load_channel(tmp_path)


def test_the_site_writes_only_its_own_files_whole_and_keeps_a_changed_one_aside(tmp_path):
    record = SiteRecord.load(tmp_path)
    touch(tmp_path / "index.html", "mine")
    with pytest.raises(OutputError, match="index.html: is in the way and aloud did not write it"):
        record.write("index.html", b"ours")
    assert (tmp_path / "index.html").read_text() == "mine"
    assert record.write("feed.xml", b"one") and not record.write("feed.xml", b"one")  # unchanged: not rewritten
    record.save()
    record = SiteRecord.load(tmp_path)
    (tmp_path / "feed.xml").write_bytes(b"edited by hand")
    os.utime(tmp_path / "feed.xml", ns=(1, 1))
    assert record.write("feed.xml", b"two")
    assert (tmp_path / "feed.xml").read_bytes() == b"two"
    assert (tmp_path / "feed.changed.xml").read_bytes() == b"edited by hand"
    record.write("feed_files/a.chapters.json", b"{}")
    assert record.remove_all_but({"feed.xml"}) == ["feed_files/a.chapters.json"]
    assert not (tmp_path / "feed_files").exists() and not list(tmp_path.glob(".*.part"))


def test_guids_and_first_dates_are_kept_and_made_again_alike(tmp_path):
    record = SiteRecord.load(tmp_path)
    first = record.published("storm", 100, "https://example.org/")
    record.save()
    assert SiteRecord.load(tmp_path).published("storm", 999, "https://other.example/") == first
    assert SiteRecord(tmp_path).published("storm", 5, "https://example.org/").guid == first.guid  # a lost record
    assert record.published("ship", 100, "https://example.org/").guid != first.guid


def test_a_base_url_is_an_address_made_safe_or_refused():
    from aloud.publish.site_file import base_url

    assert base_url("https://example.org", "x") == "https://example.org/"
    assert base_url("https://Bücher.example:8080/my audio", "x") == "https://xn--bcher-kva.example:8080/my%20audio/"
    for bad in ("example.org", "ftp://example.org/", "https://[x", "https://example.org/?a=1", "https://u:p@e.org/",
                "https://e.org:port/", "https:// e.org/"):
        with pytest.raises(UsageError, match="is not the http"):
            base_url(bad, "--base-url")


def test_a_date_is_a_moment_only_when_it_names_a_day():
    assert dated("2015-05-05").isoformat() == "2015-05-05T00:00:00+00:00"
    assert dated("2015-05-05T10:30:00Z").isoformat() == "2015-05-05T10:30:00+00:00"
    assert dated("2015-05-05T10:30:00+02:00").isoformat() == "2015-05-05T08:30:00+00:00"
    assert dated("2015-05-05 10:30").isoformat() == "2015-05-05T10:30:00+00:00"
    assert dated("1843") is None and dated("2015-13-40") is None and dated("") is None


def _shelved(tmp_path: Path, **fields) -> Shelved:
    folder = tmp_path / "a-b"
    touch(folder / "mp3" / "a b.mp3", "x" * 1234)
    touch(folder / "a b.vtt", "WEBVTT\n")
    values = dict(slug="a-b", folder=folder, title="A & B", author="", language="fr", duration=61.6,
                  description="", date="", files={"mp3": "mp3/a b.mp3", "vtt": "a b.vtt"},
                  chapters=((0.0, 30.0, "Un"), (30.0, 61.6, "Deux")))
    return Shelved(**{**values, **fields})


def test_an_item_points_at_the_files_by_address_with_their_lengths(tmp_path):
    edition = _shelved(tmp_path)
    channel = Channel(base_url="https://example.org/a/")
    xml = feed_xml(channel, [Episode(edition, "g-1", utc(0), "feed_files/a-b.chapters.json")], "feed_files/cover.jpg",
                   "T", "D", "fr", "")
    item = ET.fromstring(xml).find("channel/item")
    assert item.findtext("title") == "A & B" and item.findtext("description") == "A & B"
    assert item.find("enclosure").attrib == {"url": "https://example.org/a/a-b/mp3/a%20b.mp3", "length": "1234",
                                             "type": "audio/mpeg"}
    assert item.findtext("{http://www.itunes.com/dtds/podcast-1.0.dtd}duration") == "62"
    assert item.findtext("pubDate") == "Thu, 01 Jan 1970 00:00:00 +0000"
    transcripts = item.findall("{https://podcastindex.org/namespace/1.0}transcript")
    assert [t.get("type") for t in transcripts] == ["text/vtt"]  # no SRT in this edition: none named
    assert json.loads(chapters_json(edition)) == {"version": "1.2.0", "title": "A & B", "chapters": [
        {"startTime": 0.0, "endTime": 30.0, "title": "Un"}, {"startTime": 30.0, "endTime": 61.6, "title": "Deux"}]}


def test_removing_an_edition_takes_only_what_aloud_wrote_and_nobody_changed(tmp_path):
    from aloud.edition_folder import EditionFolder

    folder = EditionFolder(tmp_path, "book")
    staging = tmp_path / "staging"
    for name in ("book.m4b", "cover.jpg", "mp3/01 - One.mp3", "chapters.json"):
        touch(staging / name, name)
    folder.commit(staging, "key", {}, "/src/book.txt")
    touch(folder.path / "notes.txt", "mine")  # the user's
    (folder.path / "cover.jpg").write_text("a cover of my own", encoding="utf-8")  # replaced by the user
    outside = touch(tmp_path / "elsewhere" / "keep.mp3", "not the edition's")
    os.symlink(tmp_path / "elsewhere", folder.path / "linked")
    assert folder.remove() == ["cover.jpg", "linked", "notes.txt"]
    assert not (folder.path / "book.m4b").exists() and not (folder.path / "mp3").exists()
    assert outside.read_text() == "not the edition's" and (folder.path / "notes.txt").read_text() == "mine"
    with pytest.raises(OutputError, match="is not an edition aloud built"):
        folder.remove()
