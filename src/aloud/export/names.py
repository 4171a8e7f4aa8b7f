"""Safe file names from titles: no separators, no control characters, no leading dots."""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
MAX_NAME = 80


def safe_name(title: str) -> str:
    name = unicodedata.normalize("NFC", title)
    name = _UNSAFE.sub(" ", name)
    name = " ".join(name.split()).strip(" .")
    if len(name) > MAX_NAME:
        name = name[:MAX_NAME].rsplit(" ", 1)[0].rstrip(" .")
    return name or "Untitled"


def chapter_file_name(index: int, total: int, title: str, suffix: str) -> str:
    width = max(2, len(str(total)))
    return f"{index:0{width}d} - {safe_name(title)}{suffix}"
