"""`SITE/aloud.toml`: what the site says of itself — the channel's title, description,
author, language, image and base URL, and the owner's e-mail address Apple Podcasts asks
for. Every field may be left out; `--base-url` wins over the file's.

    title = "The Lighthouse Review, read aloud"
    description = "Every article of the week, as audio."
    author = "The Lighthouse Review"
    language = "en"
    image = "artwork.jpg"          # relative to the site folder; 1400–3000 px, square
    base_url = "https://example.org/audio/"
    email = "editor@example.org"
    category = "Arts"              # an Apple Podcasts category …
    subcategory = "Books"          # … and one of its subcategories
    explicit = false
    copyright = "© 2026 The Lighthouse Review"
"""

from __future__ import annotations

import io
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote, urlsplit

from PIL import Image

from aloud.errors import InputError, UsageError
from aloud.model import Picture
from aloud.read.edition_file import language_tag
from aloud.read.pictures import read_picture
from aloud.words import one_line

SITE_FILE = "aloud.toml"


@dataclass(frozen=True)
class Channel:
    title: str = ""
    description: str = ""
    author: str = ""
    language: str = ""
    image: Picture | None = None  # the artwork, read and checked before anything is built
    base_url: str = ""  # ends with "/"; "" when the site has no feed
    email: str = ""
    category: str = "Arts"
    subcategory: str = "Books"
    explicit: bool = False
    copyright: str = ""


# Apple Podcasts' categories and their subcategories, as its feeds must spell them.
APPLE_CATEGORIES = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": ("Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden",
                "Video Games"),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": ("Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News",
             "Tech News"),
    "Religion & Spirituality": ("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion", "Spirituality"),
    "Science": ("Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences", "Nature",
                "Physics", "Social Sciences"),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"),
    "Sports": ("Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby", "Running",
               "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling"),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}

_TEXT_FIELDS = ("title", "description", "author", "email", "category", "subcategory", "copyright")


def base_url(value: str, where: str) -> str:
    """An absolute http(s) URL of the site's folder, ending with "/"."""
    refused = UsageError(f"{where}: {value!r} is not the http(s) address of the site's folder "
                         "(for example https://example.org/audio/)")
    try:
        parts = urlsplit(value.strip())
        host = parts.hostname or ""
        host.encode("idna")
        parts.port  # noqa: B018 — a port that is not a number raises here
    except (ValueError, UnicodeError):
        raise refused from None
    if (parts.scheme not in ("http", "https") or not host or parts.query or parts.fragment or parts.username
            or any(c.isspace() for c in parts.netloc) or any(ord(c) < 32 for c in value)):
        raise refused
    netloc = host.encode("idna").decode("ascii") + (f":{parts.port}" if parts.port else "")
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    return f"{parts.scheme}://{netloc}{path if path.endswith('/') else path + '/'}"


def load_channel(site: Path, base_url_option: str | None = None) -> Channel:
    """The channel `site/aloud.toml` describes (an empty one when there is no such file),
    with `--base-url` over its base URL."""
    path = site / SITE_FILE
    channel = Channel()
    if path.is_file():
        channel = _read(path)
    if base_url_option is not None:
        channel = replace(channel, base_url=base_url(base_url_option, "--base-url"))
    return channel


def _read(path: Path) -> Channel:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot be read: {getattr(exc, 'strerror', None) or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    known = {*_TEXT_FIELDS, "language", "image", "base_url", "explicit"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise UsageError(f"{path}: {unknown[0]} is not a site field; use {', '.join(sorted(known))}")
    fields: dict = {}
    for name, value in data.items():
        if name == "explicit":
            if not isinstance(value, bool):
                raise UsageError(f"{path}: explicit = true or false")
            fields[name] = value
            continue
        if not isinstance(value, str) or not one_line(value):
            raise UsageError(f"{path}: {name} must be some text in quotes")
        value = one_line(value) if name != "description" else value.strip()
        if name == "language":
            value = language_tag(value, f"{path}: language", UsageError)
        elif name == "base_url":
            value = base_url(value, f"{path}: base_url")
        elif name == "image":
            value = _artwork(path, path.parent / value)
        fields[name] = value
    if "category" in fields and "subcategory" not in fields:
        fields["subcategory"] = ""  # Books is Arts' alone
    _check_category(path, fields.get("category", Channel.category), fields.get("subcategory", Channel.subcategory))
    return Channel(**fields)


def _artwork(site_file: Path, image: Path) -> Picture:
    if not image.is_file():
        raise UsageError(f"{site_file}: image {image.name}: no such file")
    try:
        picture = read_picture(image, f"{site_file}: image {image.name}")
        with Image.open(io.BytesIO(picture.data)) as opened:
            opened.load()
    except (InputError, OSError, ValueError, Image.DecompressionBombError):
        raise UsageError(f"{site_file}: image {image.name}: not a picture aloud can use (JPEG, PNG, GIF or WebP)") from None
    return picture


def _check_category(path: Path, category: str, subcategory: str) -> None:
    if category not in APPLE_CATEGORIES:
        raise UsageError(f"{path}: category {category!r} is not one of Apple Podcasts' "
                         f"({', '.join(APPLE_CATEGORIES)})")
    if subcategory and subcategory not in APPLE_CATEGORIES[category]:
        choices = ", ".join(APPLE_CATEGORIES[category]) or "none"
        raise UsageError(f"{path}: subcategory {subcategory!r} is not one of {category}'s ({choices})")
