"""`SITE/feed.xml`: the site as a podcast — RSS 2.0 with the iTunes tags Apple Podcasts
requires and the Podcasting 2.0 namespace. One item per edition, newest first: its title,
description, a guid that stays the same across rebuilds, pubDate, the chaptered MP3 as
enclosure (with its byte length), duration, cover, a JSON chapters file (spec 1.2) and the
transcripts (WebVTT and SRT).

Apple: https://podcasters.apple.com/support/823-podcast-requirements
Podcasting 2.0: https://podcastindex.org/namespace/1.0
"""

from __future__ import annotations

import json
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from urllib.parse import quote

from aloud import __version__
from aloud.publish.shelf import Shelved
from aloud.publish.site_file import Channel

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
# Podcasting 2.0: a channel's podcast:guid is a UUIDv5 of its feed URL (no scheme, no
# trailing slash) in this namespace.
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
CHAPTERS_TYPE = "application/json+chapters"
TRANSCRIPT_TYPES = {"vtt": "text/vtt", "srt": "application/x-subrip"}
for _prefix, _uri in (("itunes", ITUNES), ("podcast", PODCAST), ("atom", ATOM), ("content", CONTENT)):
    ET.register_namespace(_prefix, _uri)


@dataclass(frozen=True)
class Episode:
    edition: Shelved
    guid: str
    published: datetime
    chapters_file: str  # the chapters file's name in the site, "" when there is none
    image: str = ""  # the episode's artwork's name in the site (square), "" when there is none


def chapters_json(edition: Shelved) -> bytes:
    """The edition's chapters as a Podcasting 2.0 JSON chapters file (version 1.2.0)."""
    data = {
        "version": "1.2.0",
        "title": edition.title,
        **({"author": edition.author} if edition.author else {}),
        "chapters": [{"startTime": round(start, 3), "endTime": round(end, 3), "title": title}
                     for start, end, title in edition.chapters],
    }
    return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def url(channel: Channel, *parts: str) -> str:
    return channel.base_url + "/".join(quote(p) for p in parts)


def feed_xml(channel: Channel, episodes: list[Episode], image: str, title: str, description: str,
             language: str, author: str) -> bytes:
    """The feed; `image` is the channel artwork's name in the site."""
    rss = ET.Element("rss", {"version": "2.0"})
    ch = ET.SubElement(rss, "channel")
    feed_url = url(channel, "feed.xml")
    _text(ch, "title", title)
    _text(ch, "link", channel.base_url)
    _text(ch, "description", description)
    _text(ch, "language", language)
    ET.SubElement(ch, f"{{{ATOM}}}link", {"href": feed_url, "rel": "self", "type": "application/rss+xml"})
    _text(ch, "generator", f"aloud {__version__}")
    if channel.copyright:
        _text(ch, "copyright", channel.copyright)
    if episodes:
        _text(ch, "pubDate", format_datetime(max(e.published for e in episodes)))
    _text(ch, f"{{{ITUNES}}}summary", description)
    if author:
        _text(ch, f"{{{ITUNES}}}author", author)
    if channel.email:
        owner = ET.SubElement(ch, f"{{{ITUNES}}}owner")
        _text(owner, f"{{{ITUNES}}}name", author or title)
        _text(owner, f"{{{ITUNES}}}email", channel.email)
    ET.SubElement(ch, f"{{{ITUNES}}}image", {"href": url(channel, *image.split("/"))})
    category = ET.SubElement(ch, f"{{{ITUNES}}}category", {"text": channel.category})
    if channel.subcategory:
        ET.SubElement(category, f"{{{ITUNES}}}category", {"text": channel.subcategory})
    _text(ch, f"{{{ITUNES}}}explicit", "true" if channel.explicit else "false")
    _text(ch, f"{{{ITUNES}}}type", "episodic")
    image_element = ET.SubElement(ch, "image")
    _text(image_element, "url", url(channel, *image.split("/")))
    _text(image_element, "title", title)
    _text(image_element, "link", channel.base_url)
    locked = ET.SubElement(ch, f"{{{PODCAST}}}locked", {"owner": xml_safe(channel.email)} if channel.email else {})
    locked.text = "no"
    _text(ch, f"{{{PODCAST}}}guid", str(uuid.uuid5(PODCAST_GUID_NAMESPACE, feed_url.split("://", 1)[1].rstrip("/"))))
    for episode in episodes:  # as given: newest first
        _item(ch, channel, episode)
    ET.indent(rss, space=" ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="utf-8") + b"\n"


def _item(ch: ET.Element, channel: Channel, episode: Episode) -> None:
    edition = episode.edition
    mp3 = edition.file("mp3")
    assert mp3 is not None  # the site lists in its feed only editions with a chaptered MP3
    item = ET.SubElement(ch, "item")
    _text(item, "title", edition.title)
    _text(item, "description", edition.description or edition.title)
    if edition.file("player"):
        _text(item, "link", _file_url(channel, edition, "player"))
    _text(item, "guid", episode.guid).set("isPermaLink", "false")
    _text(item, "pubDate", format_datetime(episode.published))
    ET.SubElement(item, "enclosure", {"url": _file_url(channel, edition, "mp3"), "length": str(mp3.stat().st_size),
                                      "type": "audio/mpeg"})
    _text(item, f"{{{ITUNES}}}title", edition.title)
    if edition.author:
        _text(item, f"{{{ITUNES}}}author", edition.author)
    _text(item, f"{{{ITUNES}}}duration", str(round(edition.duration)))
    if episode.image:
        ET.SubElement(item, f"{{{ITUNES}}}image", {"href": url(channel, *episode.image.split("/"))})
    _text(item, f"{{{ITUNES}}}explicit", "true" if channel.explicit else "false")
    _text(item, f"{{{ITUNES}}}episodeType", "full")
    if episode.chapters_file:
        ET.SubElement(item, f"{{{PODCAST}}}chapters", {"url": url(channel, *episode.chapters_file.split("/")),
                                                       "type": CHAPTERS_TYPE})
    for kind, mime in TRANSCRIPT_TYPES.items():
        if edition.file(kind):
            ET.SubElement(item, f"{{{PODCAST}}}transcript", {
                "url": _file_url(channel, edition, kind), "type": mime,
                **({"language": edition.language} if edition.language else {})})


def _file_url(channel: Channel, edition: Shelved, kind: str) -> str:
    """The address of the edition's file of `kind` (its manifest name, a path in its folder)."""
    return url(channel, edition.slug, *edition.files[kind].split("/"))


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = xml_safe(text)
    return element


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (a form feed in a PDF's subject, say)."""
    return _NOT_XML.sub("", text)


def utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)
