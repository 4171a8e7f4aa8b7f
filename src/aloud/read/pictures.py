"""A picture a user names for the cover (`--cover FILE`, `cover =` in an edition file):
read the bounded way, and known to be an image before anything is built."""

from __future__ import annotations

import io
from pathlib import Path

from aloud.errors import InputError
from aloud.model import Picture
from aloud.read.files import read_bounded

PICTURE_BYTES = 32 * 1024 * 1024
MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}


def read_picture(path: Path, origin: str) -> Picture:
    from PIL import Image, UnidentifiedImageError  # only when a cover is named

    data = read_bounded(path, PICTURE_BYTES, "cover")
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise InputError(f"{path}: is not a picture aloud can use for a cover (JPEG, PNG, GIF or WebP)") from None
    if kind not in MEDIA_TYPES:
        raise InputError(f"{path}: is a {kind} picture; give a JPEG, PNG, GIF or WebP cover")
    return Picture(data, MEDIA_TYPES[kind], origin)
