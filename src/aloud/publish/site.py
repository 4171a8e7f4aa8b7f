"""A site's own files, written after its editions are built: the library page always;
given a base URL, the feed, a chapters file per edition and the artwork. Each is written
whole and only when its bytes change; what the site wrote before and no longer needs is
removed."""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from aloud.export.cover import made_cover, square_jpeg
from aloud.model import Picture
from aloud.publish.feed import Episode, chapters_json, feed_xml, utc
from aloud.publish.library_page import FEED, PAGE, library_html
from aloud.publish.shelf import Shelved, dated
from aloud.publish.site_file import Channel
from aloud.publish.site_record import SiteRecord

log = logging.getLogger(__name__)
FEED_FILES = "feed_files"  # the feed's chapters files and artwork (no edition's folder name has a "_")
DEFAULT_TITLE = "Audio editions"
ARTWORK = 1400  # pixels, square: Apple Podcasts asks for 1400 to 3000


@dataclass(frozen=True)
class PublishedSite:
    page: Path
    feed: Path | None  # None without a base URL
    left_out_of_feed: tuple[str, ...] = ()  # editions listed on the page but not in the feed (no chaptered MP3)
    listed: int = 0  # editions on the page
    seconds: float = 0.0  # of audio, all of them


def check_site_files(record: SiteRecord, feed: bool) -> None:
    """Refuse, before anything is built, a library page or feed in the way that aloud did not write."""
    record.check_writable(PAGE)
    if feed:
        record.check_writable(FEED)
        record.check_writable(f"{FEED_FILES}/cover.jpg")


def publish_site(site: Path, editions: list[Shelved], channel: Channel, record: SiteRecord,
                 now: int | None = None, sources: dict[str, str] | None = None) -> PublishedSite:
    """Write the library page of `editions` (and, with a base URL, the feed) into `site`;
    `sources` are the inputs the editions were built from (by slug)."""
    now = int(time.time()) if now is None else now
    try:
        return _publish(site, editions, channel, record, now, sources or {})
    finally:
        record.save()  # whatever was written is recorded, even when a later file could not be


def _publish(site: Path, editions: list[Shelved], channel: Channel, record: SiteRecord, now: int,
             sources: dict[str, str]) -> PublishedSite:
    record.listed = [e.slug for e in editions]  # first: an edition retitled takes over its old name's guid
    published = {e.slug: record.published(e.slug, now, channel.base_url, sources.get(e.slug, "")) for e in editions}
    moments = {e.slug: _moment(e, published[e.slug].first_published, now) for e in editions}
    newest_first = sorted(editions, key=lambda e: moments[e.slug], reverse=True)  # ties: in the order named
    title = channel.title or DEFAULT_TITLE
    language = channel.language or _most_common([e.language for e in editions]) or "en"
    author = channel.author or _only([e.author for e in editions])
    kept = {PAGE}
    feed = None
    left_out: list[str] = []
    if channel.base_url:
        record.base_url = channel.base_url
        episodes = []
        for edition in newest_first:
            if edition.file("mp3") is None:
                left_out.append(edition.slug)
                continue
            chapters = f"{FEED_FILES}/{edition.slug}.chapters.json"
            record.write(chapters, chapters_json(edition))
            kept.add(chapters)
            image = _episode_image(edition, record)
            if image.startswith(f"{FEED_FILES}/"):
                kept.add(image)
            episodes.append(Episode(edition, published[edition.slug].guid, moments[edition.slug], chapters, image))
        if left_out:
            log.warning("not in the feed, having no chaptered MP3 (build them with --outputs all): %s",
                        ", ".join(left_out))
        artwork = f"{FEED_FILES}/cover.jpg"
        record.write(artwork, square_jpeg(channel.image, ARTWORK) if channel.image else made_cover(title, author))
        kept.add(artwork)
        description = channel.description or (f"{title}, read aloud: " if channel.title else "Read aloud: ") + (
            "every edition with its chapters and transcript.")
        record.write(FEED, feed_xml(channel, episodes, artwork, title, description, language, author))
        kept.add(FEED)
        feed = site / FEED
    shown = {e.slug: (dated(e.date).date().isoformat() if dated(e.date) else e.date)
             or moments[e.slug].date().isoformat() for e in editions}
    record.write(PAGE, library_html(newest_first, shown, title, language, feed is not None, channel.description)
                 .encode("utf-8"))
    record.remove_all_but(kept)
    return PublishedSite(site / PAGE, feed, tuple(left_out), len(editions), sum(e.duration for e in editions))


def _moment(edition: Shelved, first_published: int, now: int):
    """When the edition was published, for the feed: the day its input gives (an
    article's date), never later than now; else when it first entered the site."""
    given = dated(edition.date)
    if given is not None and given <= utc(now):
        return given
    return utc(first_published)


def _episode_image(edition: Shelved, record: SiteRecord) -> str:
    """The episode's artwork, as a name in the site: the edition's cover when it is square
    (a made cover is), else a square copy of it in FEED_FILES; "" when there is none."""
    cover = edition.file("cover")
    if cover is None:
        return ""
    try:
        with Image.open(cover) as image:
            square = image.width == image.height and ARTWORK <= image.width <= 3000
    except OSError:
        return ""
    if square:
        return f"{edition.slug}/{edition.files['cover']}"
    name = f"{FEED_FILES}/{edition.slug}.jpg"
    record.write(name, square_jpeg(Picture(cover.read_bytes(), "image/jpeg", str(cover)), ARTWORK))
    return name


def _most_common(values: list[str]) -> str:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else ""


def _only(values: list[str]) -> str:
    """The one value all share, else ""."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else ""
