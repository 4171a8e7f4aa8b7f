"""A collection built into a site: the library page, the podcast feed (read back with
feedparser, and checked against what Apple Podcasts and Podcast Index ask of a feed), the
chapters and transcripts it points to, and rebuilding it — all spoken by espeak-ng."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import needs_media
from PIL import Image

from aloud.edition_folder import held_lock

feedparser = pytest.importorskip("feedparser", reason="feedparser is in the test extras: make test installs it")
pytestmark = needs_media

ALOUD = [sys.executable, "-m", "aloud"]
BASE = "https://example.org/listen/"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"
TEXTS = {
    "storm.txt": "The Storm at the Light\n\nThe wind rose at dusk. Waves struck the rocks below the tower.\n",
    "ship.md": "---\ntitle: A Ship <in> the Dark\nauthor: Mara Keel\ndate: 2024-03-05\n---\n\n"
               "A light showed in the dark to the south. It rose and fell with the swell.\n",
    "log.html": "<html><head><title>The Keeper's Log</title><meta name='author' content='Ed Stone'>"
                "<meta property='article:published_time' content='2023-11-20'></head><body><article>"
                "<h1>The Keeper's Log</h1><p>The keeper wrote each night what the sea had done, and how the lamp had "
                "burned, and which ships had passed the point.</p></article></body></html>",
}
LAMP = "The Lamp\n\nThe lamp was lit each night at dusk, and put out at dawn.\n"


def run(*args: str, cwd: Path, ok: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01: the first-published date of undated inputs
    result = subprocess.run([*ALOUD, *args], cwd=cwd, capture_output=True, text=True, timeout=600, env=env)
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def build_site(root: Path, *inputs: str, extra: tuple[str, ...] = (), ok: bool = True) -> subprocess.CompletedProcess:
    return run("build", *inputs, "-o", "site", "--cache-dir", str(root / "cache"), "--base-url", BASE, *extra,
               cwd=root, ok=ok)


def write_texts(root: Path) -> None:
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("collection")
    write_texts(root)
    result = build_site(root, *TEXTS)
    assert "3 inputs" in result.stdout and result.stdout.count(" built ") == 3, result.stdout
    return root / "site"


def local(site: Path, url: str) -> Path:
    assert url.startswith(BASE), url
    return site / unquote(url[len(BASE):])


def test_the_feed_reads_back_in_a_feed_parser_newest_first(site):
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert [e.title for e in feed.entries] == ["Storm",  # a text file's name, when its first line is no title
            "A Ship <in> the Dark", "The Keeper's Log"]
    dates = [parsedate_to_datetime(e.published) for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert dates[1].date().isoformat() == "2024-03-05"  # the Markdown's own date
    assert dates[0].date().isoformat() == "2026-01-01"  # undated: when it was first published
    for entry in feed.entries:
        [enclosure] = entry.enclosures
        mp3 = local(site, enclosure.href)
        assert enclosure.type == "audio/mpeg" and int(enclosure.length) == mp3.stat().st_size > 0
        manifest = json.loads((mp3.parent.parent / "chapters.json").read_text(encoding="utf-8"))
        assert int(entry.itunes_duration) == round(manifest["duration"])
        assert local(site, entry.image.href).is_file()
        assert entry.id and not entry.guidislink
    assert feed.entries[1].author == "Mara Keel"
    assert local(site, feed.feed.image.href).is_file()


def test_the_feed_holds_what_apple_podcasts_and_podcast_index_require(site):
    channel = ET.parse(site / "feed.xml").getroot().find("channel")
    for tag in ("title", "description", "language", "link", f"{ITUNES}explicit", f"{PODCAST}guid", f"{PODCAST}locked"):
        assert (channel.findtext(tag) or "").strip(), tag
    assert channel.findtext(f"{ITUNES}explicit") in ("true", "false")
    assert channel.find(f"{ITUNES}category").get("text")
    artwork = local(site, channel.find(f"{ITUNES}image").get("href"))
    with Image.open(artwork) as picture:  # Apple: JPEG or PNG, square, 1400 to 3000 pixels, RGB
        assert picture.format in ("JPEG", "PNG") and picture.mode == "RGB"
        assert picture.width == picture.height and 1400 <= picture.width <= 3000
    feed_url = channel.find("{http://www.w3.org/2005/Atom}link").get("href")
    assert feed_url == BASE + "feed.xml"
    # Podcast Index: the channel's guid is the UUIDv5 of its feed URL without the scheme.
    expected = uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), "example.org/listen/feed.xml")
    assert channel.findtext(f"{PODCAST}guid") == str(expected)
    items = channel.findall("item")
    assert len({i.findtext("guid") for i in items}) == 3
    for item in items:
        for tag in ("title", "guid", "pubDate", "description", f"{ITUNES}duration"):
            assert (item.findtext(tag) or "").strip(), tag
        assert item.find("guid").get("isPermaLink") == "false"
        enclosure = item.find("enclosure")
        assert {"url", "length", "type"} <= set(enclosure.attrib)
        transcripts = {t.get("type"): local(site, t.get("url")) for t in item.findall(f"{PODCAST}transcript")}
        assert set(transcripts) == {"text/vtt", "application/x-subrip"}
        assert transcripts["text/vtt"].read_text(encoding="utf-8").startswith("WEBVTT")
        assert re.match(r"1\r?\n\d\d:\d\d:\d\d,\d{3} --> ", transcripts["application/x-subrip"].read_text(encoding="utf-8"))
        chapters = item.find(f"{PODCAST}chapters")
        assert chapters.get("type") == "application/json+chapters"
        data = json.loads(local(site, chapters.get("url")).read_text(encoding="utf-8"))
        assert data["version"] == "1.2.0" and data["chapters"]
        starts = [c["startTime"] for c in data["chapters"]]
        assert starts[0] == 0 and starts == sorted(starts) and all(c["title"] for c in data["chapters"])
        assert local(site, item.findtext("link")).name == "index.html"


def test_the_library_page_lists_every_edition_linking_to_its_player(site):
    page = (site / "index.html").read_text(encoding="utf-8")
    assert page.count("<li ") == 3
    assert "A Ship &lt;in&gt; the Dark" in page and "<in>" not in page
    links = re.findall(r'href="([^"]+)"', page)
    assert "feed.xml" in links
    for link in links:
        assert (site / unquote(link)).is_file(), link
    assert all((site / unquote(src)).is_file() for src in re.findall(r'src="([^"]+)"', page))
    assert "2024-03-05" in page and "Mara Keel" in page
    assert not list(site.rglob("*.part"))  # written whole, no temporary file left behind


def test_an_added_input_builds_only_its_edition_and_guids_stay(tmp_path):
    write_texts(tmp_path)
    build_site(tmp_path, *TEXTS)
    site = tmp_path / "site"
    before = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in site.glob("*/**/*") if p.is_file()}
    guids = {i.findtext("title"): i.findtext("guid") for i in ET.parse(site / "feed.xml").iter("item")}
    (tmp_path / "lamp.txt").write_text(LAMP, encoding="utf-8")
    result = build_site(tmp_path, *TEXTS, "lamp.txt", extra=("--jobs", "1"))
    assert result.stdout.count("up to date") == 3 and result.stdout.count(" built ") == 1, result.stdout
    assert all((p.stat().st_mtime_ns, p.stat().st_ino) == state for p, state in before.items())  # not rewritten
    items = list(ET.parse(site / "feed.xml").iter("item"))
    assert [i.findtext("title") for i in items][-3:] and len(items) == 4
    assert {i.findtext("title"): i.findtext("guid") for i in items if i.findtext("title") in guids} == guids

    # An input no longer named leaves the feed and the page, and its folder stays …
    result = build_site(tmp_path, "storm.txt", "lamp.txt")
    assert "--prune" in result.stderr
    assert len(list(ET.parse(site / "feed.xml").iter("item"))) == 2
    assert (site / "index.html").read_text(encoding="utf-8").count("<li ") == 2
    assert (site / "a-ship-in-the-dark" / "chapters.json").is_file()
    assert not (site / "feed_files" / "a-ship-in-the-dark.chapters.json").exists()
    # … unless pruned; a file of the user's in it is kept.
    (site / "a-ship-in-the-dark" / "notes.txt").write_text("mine", encoding="utf-8")
    build_site(tmp_path, "storm.txt", "lamp.txt", extra=("--prune",))
    assert [p.name for p in (site / "a-ship-in-the-dark").iterdir()] == ["notes.txt"]
    assert not any(p.name.startswith("the-keeper") for p in site.iterdir())
    assert (site / "storm" / "chapters.json").is_file()


def test_a_failing_input_is_reported_and_the_rest_of_the_site_builds(tmp_path):
    write_texts(tmp_path)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = build_site(tmp_path, "storm.txt", "broken.pdf", "empty.txt", "ship.md", ok=False)
    assert result.returncode == 1
    failures = [line.strip() for line in result.stderr.split("aloud: error: 2 inputs failed:", 1)[1].strip().splitlines()]
    assert failures[0] == "broken.pdf: is a damaged PDF (data format error); it cannot be read"
    assert failures[1].startswith("empty.txt: ") and len(failures) == 2
    assert "Traceback" not in result.stderr
    assert len(list(ET.parse(tmp_path / "site" / "feed.xml").iter("item"))) == 2
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8").count("<li ") == 2


def test_an_edition_that_fails_on_a_rebuild_stays_on_the_site_as_it_was(tmp_path):
    write_texts(tmp_path)
    build_site(tmp_path, "storm.txt", "ship.md")
    (tmp_path / "ship.md").write_bytes(b"")  # an empty file: nothing to read
    result = build_site(tmp_path, "storm.txt", "ship.md", ok=False)
    assert result.returncode == 1 and "ship.md:" in result.stderr
    assert "the earlier edition stays" in result.stdout
    assert len(list(ET.parse(tmp_path / "site" / "feed.xml").iter("item"))) == 2


def test_a_name_that_is_not_there_stops_the_site_before_anything_is_dropped(tmp_path):
    write_texts(tmp_path)
    build_site(tmp_path, *TEXTS)
    before = (tmp_path / "site" / "feed.xml").read_bytes()
    result = build_site(tmp_path, "storm.txt", "unmounted/articles", extra=("--prune",), ok=False)
    assert result.returncode == 2 and result.stderr == "aloud: error: unmounted/articles: no such file or folder\n"
    assert (tmp_path / "site" / "feed.xml").read_bytes() == before
    assert len([p for p in (tmp_path / "site").iterdir() if (p / "chapters.json").is_file()]) == 3


def test_one_input_built_into_a_site_joins_it_and_the_feed_is_kept_without_the_base_url(tmp_path):
    write_texts(tmp_path)
    build_site(tmp_path, *TEXTS)
    (tmp_path / "lamp.txt").write_text(LAMP, encoding="utf-8")
    result = run("build", "lamp.txt", "-o", "site", "--cache-dir", str(tmp_path / "cache"), cwd=tmp_path)
    assert "1 input, added to the editions there" in result.stdout
    items = [i.findtext("title") for i in ET.parse(tmp_path / "site" / "feed.xml").iter("item")]
    assert len(items) == 4 and "Lamp" in items  # the feed's address was remembered
    result = run("build", "lamp.txt", "-o", "site", "--prune", cwd=tmp_path, ok=False)
    assert result.returncode == 2 and "to prune it, name every input of the site" in result.stderr


def test_prune_removes_nothing_when_an_input_failed(tmp_path):
    write_texts(tmp_path)
    build_site(tmp_path, *TEXTS)
    (tmp_path / "ship.md").write_text("", encoding="utf-8")
    result = build_site(tmp_path, "storm.txt", "ship.md", extra=("--prune",), ok=False)
    assert result.returncode == 1 and "Nothing pruned: an input failed" in result.stderr
    assert len([p for p in (tmp_path / "site").iterdir() if (p / "chapters.json").is_file()]) == 3


def test_a_retitled_edition_keeps_its_guid_and_markup_in_a_title_is_shown_as_it_is(tmp_path):
    write_texts(tmp_path)
    build_site(tmp_path, *TEXTS)
    guid = {i.findtext("title"): i.findtext("guid") for i in ET.parse(tmp_path / "site" / "feed.xml").iter("item")}
    (tmp_path / "storm.toml").write_text('title = "Storm [/b] [Annotated]"\n', encoding="utf-8")
    result = build_site(tmp_path, *TEXTS)
    assert "[Annotated]" in result.stdout and "Traceback" not in result.stderr
    after = {i.findtext("title"): i.findtext("guid") for i in ET.parse(tmp_path / "site" / "feed.xml").iter("item")}
    assert after["Storm [/b] [Annotated]"] == guid["Storm"]


def test_two_builds_of_one_site_are_locked_out(tmp_path):
    write_texts(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    with held_lock(site / ".aloud_site.lock", "the site's", "busy"):
        result = build_site(tmp_path, *TEXTS, ok=False)
    assert result.returncode == 1
    assert re.fullmatch(r"aloud: error: site: another build of this site is running \(pid \d+\); try again when it ends\n",
                        result.stderr)
    assert sorted(p.name for p in site.iterdir()) == []


def test_a_page_of_the_users_in_the_way_is_never_replaced(tmp_path):
    write_texts(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>my own page</p>", encoding="utf-8")
    result = build_site(tmp_path, *TEXTS, ok=False)
    assert result.returncode == 1 and "index.html: is in the way and aloud did not write it" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "<p>my own page</p>"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]  # nothing built


def test_a_folder_of_inputs_is_a_site_without_a_feed_unless_a_base_url_is_given(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in TEXTS.items():
        (articles / name).write_text(text, encoding="utf-8")
    (articles / "storm.toml").write_text('author = "Ann Light"\n', encoding="utf-8")  # an edition file: not an input
    (articles / ".draft.md").write_text("# Draft\n\nNot yet.\n", encoding="utf-8")  # hidden: not an input
    result = run("build", "articles", "-o", "site", "--cache-dir", str(tmp_path / "cache"), "-q", cwd=tmp_path)
    assert result.stdout == ""
    site = tmp_path / "site"
    assert (site / "index.html").read_text(encoding="utf-8").count("<li ") == 3
    assert "Ann Light" in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "feed.xml").exists() and "feed.xml" not in (site / "index.html").read_text(encoding="utf-8")
    # The site file gives the channel; a later build writes the feed.
    (site / "aloud.toml").write_text(f'title = "Lighthouse Review"\nbase_url = "{BASE}"\nemail = "ed@example.org"\n'
                                     'language = "en-GB"\n', encoding="utf-8")
    run("build", "articles", "-o", "site", "--cache-dir", str(tmp_path / "cache"), "-q", cwd=tmp_path)
    channel = ET.parse(site / "feed.xml").getroot().find("channel")
    assert channel.findtext("title") == "Lighthouse Review" and channel.findtext("language") == "en-GB"
    assert channel.find(f"{ITUNES}owner").findtext(f"{ITUNES}email") == "ed@example.org"


def test_a_bad_site_file_or_base_url_is_one_line(tmp_path):
    write_texts(tmp_path)
    result = run("build", *TEXTS, "-o", "site", "--base-url", "example.org", cwd=tmp_path, ok=False)
    assert result.returncode == 2
    assert result.stderr == ("aloud: error: --base-url: 'example.org' is not the http(s) address of the site's "
                             "folder (for example https://example.org/audio/)\n")
    (tmp_path / "site").mkdir(exist_ok=True)
    (tmp_path / "site" / "aloud.toml").write_text('titel = "x"\n', encoding="utf-8")
    result = run("build", *TEXTS, "-o", "site", cwd=tmp_path, ok=False)
    assert result.returncode == 2 and result.stderr.startswith("aloud: error: ")
    assert "titel is not a site field" in result.stderr and result.stderr.count("\n") == 1


def _visible_titles(drv) -> list[str]:
    from selenium.webdriver.common.by import By

    return [e.find_element(By.CSS_SELECTOR, ".title").text for e in drv.find_elements(By.CSS_SELECTOR, "#editions li")
            if e.is_displayed()]


def test_the_library_filters_as_you_type_from_disk_and_from_a_web_server(site, tmp_path):
    from browser import chromium, screenshot
    from selenium.webdriver.common.by import By

    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(site)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        port = re.search(r"port (\d+)", server.stdout.readline()).group(1)
        with chromium(window="1100,760") as drv:
            for address in ((site / "index.html").as_uri(), f"http://127.0.0.1:{port}/index.html"):
                drv.get(address)
                assert _visible_titles(drv) == ["Storm", "A Ship <in> the Dark", "The Keeper's Log"]
                covers = drv.find_elements(By.CSS_SELECTOR, "#editions img")
                assert len(covers) == 3 and all(drv.execute_script("return arguments[0].complete && "
                                                                   "arguments[0].naturalWidth", c) for c in covers)
                drv.find_element(By.ID, "filter").send_keys("keeper")
                assert _visible_titles(drv) == ["The Keeper's Log"]
                assert drv.find_element(By.ID, "shown").text == "1 of 3"
                drv.execute_script("const f = document.getElementById('filter'); f.value = 'zzz';"
                                   "f.dispatchEvent(new Event('input'))")
                assert _visible_titles(drv) == [] and drv.find_element(By.ID, "none").is_displayed()
                drv.execute_script("const f = document.getElementById('filter'); f.value = '';"
                                   "f.dispatchEvent(new Event('input'))")
                assert len(_visible_titles(drv)) == 3
            assert screenshot(drv, tmp_path, "library.png").stat().st_size > 10_000
            drv.find_element(By.CSS_SELECTOR, "#editions li a").click()  # to the edition's player
            assert drv.current_url.endswith("/storm/index.html")
            assert drv.find_element(By.ID, "title").text == "Storm"
    finally:
        server.terminate()
        server.wait(timeout=10)
