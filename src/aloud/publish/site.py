"""A site's own files, written after its editions are built: the library page always;
given a base URL, the feed, a chapters file per edition and the channel's artwork. Each
is written whole and only when its bytes change; what the site wrote before and no longer
needs is removed."""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from aloud.export.cover import fitted_jpeg, made_cover
from aloud.publish.feed import Episode, chapters_json, feed_xml, utc
from aloud.publish.library_page import FEED, PAGE, library_html
from aloud.publish.shelf import Shelved, dated
from aloud.publish.site_file import Channel
from aloud.publish.site_record import SiteRecord
from aloud.read.pictures import read_picture

log = logging.getLogger(__name__)
FEED_FILES = "feed_files"  # the feed's chapters files and artwork (no edition's folder name has a "_")
DEFAULT_TITLE = "Audio editions"


@dataclass(frozen=True)
class PublishedSite:
    page: Path
    feed: Path | None  # None without a base URL
    left_out_of_feed: tuple[str, ...] = ()  # editions listed on the page but not in the feed (no chaptered MP3)


def check_site_files(record: SiteRecord, feed: bool) -> None:
    """Refuse, before anything is built, a library page or feed in the way that aloud did not write."""
    record.check_writable(PAGE)
    if feed:
        record.check_writable(FEED)


def publish_site(site: Path, editions: list[Shelved], channel: Channel, record: SiteRecord,
                 now: int | None = None) -> PublishedSite:
    """Write the library page of `editions` (and, with a base URL, the feed) into `site`."""
    now = int(time.time()) if now is None else now
    published = {e.slug: record.published(e.slug, now, channel.base_url) for e in editions}
    moments = {e.slug: dated(e.date) or utc(published[e.slug].first_published) for e in editions}
    newest_first = sorted(editions, key=lambda e: moments[e.slug], reverse=True)  # ties: in the order named
    title = channel.title or DEFAULT_TITLE
    language = channel.language or _most_common([e.language for e in editions]) or "en"
    author = channel.author or _only([e.author for e in editions])
    kept = {PAGE}
    page = site / PAGE
    feed = None
    left_out: list[str] = []
    if channel.base_url:
        episodes = []
        for edition in newest_first:
            if edition.file("mp3") is None:
                left_out.append(edition.slug)
                continue
            chapters = f"{FEED_FILES}/{edition.slug}.chapters.json"
            record.write(chapters, chapters_json(edition))
            kept.add(chapters)
            episodes.append(Episode(edition, published[edition.slug].guid, moments[edition.slug], chapters))
        if left_out:
            log.warning("not in the feed, having no chaptered MP3 (build them with --outputs all): %s",
                        ", ".join(left_out))
        image = f"{FEED_FILES}/cover.jpg"
        artwork = (fitted_jpeg(read_picture(channel.image, f"{site}/aloud.toml: image")) if channel.image
                   else made_cover(title, author))
        record.write(image, artwork)
        kept.add(image)
        description = channel.description or (f"{title}, read aloud: " if channel.title else "Read aloud: ") + (
            "every edition with its chapters and transcript.")
        record.write(FEED, feed_xml(channel, episodes, image, title, description, language, author))
        kept.add(FEED)
        feed = site / FEED
    shown = {e.slug: e.date[:10] or moments[e.slug].date().isoformat() for e in editions}
    record.write(PAGE, library_html(newest_first, shown, title, language, feed is not None, channel.description)
                 .encode("utf-8"))
    record.remove_all_but(kept)
    record.save()
    return PublishedSite(page, feed, tuple(left_out))


def _most_common(values: list[str]) -> str:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else ""


def _only(values: list[str]) -> str:
    """The one value all share, else ""."""
    distinct = {v for v in values}
    return distinct.pop() if len(distinct) == 1 else ""
