"""The edition's cover: the book's own picture (its EPUB cover, or `--cover FILE`, or
`cover =` in the edition file) made a JPEG of at most 1400 px, else one typeset from the
title and author. Every output that can show a cover carries these bytes, and the folder
holds them as `cover.jpg` (a folder image is what Audiobookshelf shows first).

Byte-reproducible: the same picture (or the same title and author) and Pillow version
give the same JPEG — no timestamps, no EXIF, fixed quality and sampling, and a typeface
that ships inside Pillow rather than whatever fonts a machine has.
"""

from __future__ import annotations

import hashlib
import io
import textwrap

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from aloud.errors import InputError
from aloud.model import Edition, Picture

COVER = "cover.jpg"
MAX_PIXELS = 1400  # the long side: what Apple Books and Audible ask for, and no more
SIZE = 1400  # of a made cover, square as audiobook covers are
QUALITY = 88
# Quiet, dark backgrounds with a light ink: the title's hash picks one, so a book keeps its colour.
PALETTE = [((32, 46, 64), (236, 228, 212)), ((58, 38, 46), (240, 226, 214)), ((30, 56, 50), (232, 236, 220)),
           ((60, 52, 36), (244, 236, 214)), ((44, 40, 66), (230, 228, 240)), ((24, 24, 28), (232, 214, 170))]


def cover_jpeg(edition: Edition) -> bytes:
    """The edition's cover as JPEG bytes."""
    picture = edition.publication.cover
    return fitted_jpeg(picture) if picture is not None else made_cover(edition.title, edition.author)


def fitted_jpeg(picture: Picture) -> bytes:
    """`picture` as an RGB JPEG no larger than MAX_PIXELS on its long side."""
    try:
        with Image.open(io.BytesIO(picture.data)) as image:
            image = ImageOps.exif_transpose(image)
            image = _on_white(image)
            if max(image.size) > MAX_PIXELS:
                scale = MAX_PIXELS / max(image.size)
                image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))),
                                     Image.Resampling.LANCZOS)
            return _jpeg(image)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise InputError(f"{picture.origin}: not a picture aloud can use for a cover") from None


def square_jpeg(picture: Picture, size: int = SIZE) -> bytes:
    """`picture` as a square RGB JPEG of `size` pixels, as podcast directories ask for
    artwork: scaled to fit, and set on a ground of its own edge colour."""
    try:
        with Image.open(io.BytesIO(picture.data)) as image:
            image = _on_white(ImageOps.exif_transpose(image))
            scale = size / max(image.size)
            image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))),
                                 Image.Resampling.LANCZOS)
            ground = Image.new("RGB", (size, size), _edge_colour(image))
            ground.paste(image, ((size - image.width) // 2, (size - image.height) // 2))
            return _jpeg(ground)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise InputError(f"{picture.origin}: not a picture aloud can use for artwork") from None


def _edge_colour(image: Image.Image) -> tuple[int, ...]:
    """The mean colour of the picture's outermost pixels."""
    width, height = image.size
    edges = [image.crop(box).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
             for box in ((0, 0, width, 1), (0, height - 1, width, height), (0, 0, 1, height), (width - 1, 0, width, height))]
    return tuple(round(sum(c[i] for c in edges) / len(edges)) for i in range(3))


def _on_white(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        return flat
    return image.convert("RGB")


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=QUALITY, subsampling=2, optimize=True, progressive=False)
    return out.getvalue()


# The typeface inside Pillow sets Latin letters but not typographic punctuation: said plainly.
PLAIN_PUNCTUATION = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...",
                                   "«": '"', "»": '"', "„": '"', "‹": "'", "›": "'", "\u00a0": " "})


def made_cover(title: str, author: str) -> bytes:
    """A square cover typeset from the title and author: a quiet ground, the title large,
    a rule, the author below."""
    title, author = title.translate(PLAIN_PUNCTUATION), author.translate(PLAIN_PUNCTUATION)
    ground, ink = PALETTE[int(hashlib.sha256(title.encode("utf-8")).hexdigest(), 16) % len(PALETTE)]
    image = Image.new("RGB", (SIZE, SIZE), ground)
    draw = ImageDraw.Draw(image)
    margin = SIZE // 10
    title_font, lines = _fit(draw, title, SIZE - 2 * margin, SIZE // 2)
    line_height = round(title_font.size * 1.18)
    y = round(SIZE * 0.30)
    for line in lines:
        draw.text((margin, y), line, font=title_font, fill=ink)
        y += line_height
    y += SIZE // 28
    draw.rectangle((margin, y, margin + SIZE // 6, y + max(2, SIZE // 280)), fill=ink)
    if author:
        author_font = ImageFont.load_default(size=max(24, SIZE // 24))
        for line in textwrap.wrap(author, 40)[:2]:
            y += round(author_font.size * 1.5)
            draw.text((margin, y), line, font=author_font, fill=ink)
    return _jpeg(image)


def _fit(draw: ImageDraw.ImageDraw, title: str, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest type (and its lines) in which `title` fits `width` × `height`."""
    for size in range(SIZE // 9, SIZE // 40, -SIZE // 140):
        font = ImageFont.load_default(size=size)
        per_line = max(4, int(width / (size * 0.52)))
        lines = textwrap.wrap(title, per_line, break_long_words=True)[:6]
        if all(draw.textlength(line, font=font) <= width for line in lines) and len(lines) * size * 1.18 <= height:
            return font, lines
    font = ImageFont.load_default(size=SIZE // 40)
    return font, textwrap.wrap(title, 60)[:8]


class CoverExporter:
    name = "cover"
    encodings: frozenset[str] = frozenset()
    requires: tuple[str, ...] = ()

    def export(self, context) -> dict[str, str]:
        (context.folder / COVER).write_bytes(context.tags.cover)
        return {"cover": COVER}
