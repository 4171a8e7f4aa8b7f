"""`SITE/index.html`: the library page — every edition of the site with its cover, title,
author, date and duration, each linking to its player (else its M4B), newest first, and a
filter that narrows a long list as you type. One file with the player's look and no
script from anywhere else: it works from `file://` and from any static web server."""

from __future__ import annotations

import html
from importlib import resources
from string import Template
from urllib.parse import quote

from aloud.clock import duration_text
from aloud.publish.shelf import Shelved
from aloud.words import counted

PAGE = "index.html"
FEED = "feed.xml"


def library_html(editions: list[Shelved], dates: dict[str, str], title: str, language: str, feed: bool,
                 about: str = "") -> str:
    """The page; `dates` are what it shows as each edition's date (by slug)."""
    hours = sum(e.duration for e in editions)
    summary = f"{counted(len(editions), 'edition')}, {duration_text(hours)} of listening"
    template = Template(resources.files("aloud.publish").joinpath("library.html").read_text(encoding="utf-8"))
    feed_link = (f'<link rel="alternate" type="application/rss+xml" title="{html.escape(title)}" href="{FEED}">'
                 if feed else "")
    footer = "Made with aloud." + (f' <a href="{FEED}">The podcast feed</a>: add it to your podcast app.' if feed else "")
    return template.substitute(
        lang=html.escape(language or "en"), title=html.escape(title), about=html.escape(about or summary),
        feed_link=feed_link, count=html.escape(counted(len(editions), "edition")),
        cards="\n".join(_card(e, dates.get(e.slug, "")) for e in editions), footer=footer,
    )


def _card(edition: Shelved, when: str) -> str:
    esc = html.escape
    link = edition.files.get("player") or edition.files.get("m4b") or edition.files.get("mp3") or ""
    href = f"{quote(edition.slug)}/{quote(link)}" if link else f"{quote(edition.slug)}/"
    picture = (f'<img src="{quote(edition.slug)}/{quote(edition.files["cover"])}" alt="" loading="lazy">'
               if edition.file("cover") else '<div class="blank"></div>')
    meta = " · ".join(p for p in (when, duration_text(edition.duration)) if p)
    words = " ".join((edition.title, edition.author, when))
    return (f'<li data-words="{esc(words)}"><a href="{esc(href)}" lang="{esc(edition.language or "en")}">{picture}'
            f'<span class="title">{esc(edition.title)}</span>'
            + (f'<span class="author">{esc(edition.author)}</span>' if edition.author else "")
            + f'<span class="meta">{esc(meta)}</span></a></li>')
