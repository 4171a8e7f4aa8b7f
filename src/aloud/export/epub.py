"""`<slug>.epub`: the narrated text as an EPUB 3 with Media Overlays (read-aloud).

Each chapter is one XHTML document whose sentences carry ids, one SMIL document that
points each sentence at its clip of the chapter's MP3, and the MP3 itself. A reading
system plays the clips in order and highlights each sentence as it is heard. Clips are
contiguous — each runs to where the next sentence starts — so the pauses are heard too.

The archive is reproducible: fixed entry dates and order, and a fixed modification date
in the package metadata, so the same edition gives the same bytes.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from aloud.audio.ffmpeg import MP3
from aloud.clock import timestamp
from aloud.export.labels import labels_for
from aloud.model import ChapterMark, Edition, SentenceTiming

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
MODIFIED = "2000-01-01T00:00:00Z"  # EPUB asks for one; a fixed one keeps builds byte-identical


def modified_date(source_date_epoch: int | None) -> str:
    """`dcterms:modified`: SOURCE_DATE_EPOCH (the reproducible-builds convention) when it is
    set, so a corrected edition can say it is newer; otherwise a fixed date."""
    if source_date_epoch is None:
        return MODIFIED
    try:
        moment = datetime.fromtimestamp(source_date_epoch, tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        return MODIFIED
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
ACTIVE_CLASS = "-epub-media-overlay-active"
SECTION_ID = "chapter"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

STYLE = f"""body {{ font-family: serif; line-height: 1.5; margin: 1em; }}
h1, h2 {{ font-family: sans-serif; line-height: 1.25; }}
p.announcement {{ font-style: italic; }}
.{ACTIVE_CLASS} {{ background-color: #fff0a8; color: inherit; }}
"""


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))


def clock(seconds: float) -> str:
    """A SMIL clock value, whole milliseconds rounded down (a clip never ends past its file)."""
    return timestamp(seconds, hour_digits=1, round_down=True)


_FOLDERS = {"xhtml": "text", "smil": "smil", "mp3": "audio"}


def _chapter_file(n: int, kind: str) -> str:
    """Where chapter `n`'s document of `kind` (xhtml, smil, mp3) lies in the package."""
    return f"{_FOLDERS[kind]}/chapter-{n:03d}.{kind}"


def _sentence_id(n: int) -> str:
    return f"s{n:05d}"


def chapter_xhtml(mark: ChapterMark, language: str) -> str:
    body: list[str] = []
    paragraph_open = False
    for n, sentence in enumerate(mark.sentences, start=1):
        sid = _sentence_id(n)
        if sentence.kind == "title":
            if paragraph_open:
                body.append("</p>")
                paragraph_open = False
            body.append(f'<h2 id="{sid}">{_text(sentence.text)}</h2>')
            continue
        if sentence.new_paragraph or not paragraph_open:
            if paragraph_open:
                body.append("</p>")
            css = ' class="announcement"' if sentence.kind == "announcement" else ""
            body.append(f"<p{css}>")
            paragraph_open = True
        else:
            body.append("<br/>" if sentence.kind == "line" else " ")  # verse keeps its lines
        body.append(f'<span id="{sid}">{_text(sentence.text)}</span>')
    if paragraph_open:
        body.append("</p>")
    lines = "".join(body).replace("<p", "\n<p").replace("<h2", "\n<h2")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang={_attr(language)} xml:lang={_attr(language)}>
<head>
<meta charset="UTF-8"/>
<title>{_text(mark.title)}</title>
<link rel="stylesheet" type="text/css" href="../style.css"/>
</head>
<body>
<section id="{SECTION_ID}" epub:type="chapter" aria-label={_attr(mark.title)}>{lines}
</section>
</body>
</html>
"""


def clips(mark: ChapterMark) -> list[tuple[SentenceTiming, float, float]]:
    """Each sentence with its clip in the chapter's MP3: from its start (the chapter's start
    for the first) to the next one's start (the chapter's end for the last)."""
    length = mark.end - mark.start
    result = []
    for n, sentence in enumerate(mark.sentences):
        begin = 0.0 if n == 0 else sentence.start - mark.start
        end = length if n == len(mark.sentences) - 1 else mark.sentences[n + 1].start - mark.start
        result.append((sentence, max(0.0, begin), min(length, end)))
    return result


def chapter_smil(mark: ChapterMark, n: int) -> str:
    text_ref = f"../{_chapter_file(n, 'xhtml')}"
    audio_ref = f"../{_chapter_file(n, 'mp3')}"
    pars = [
        f'<par id="p{_sentence_id(n)}"><text src="{text_ref}#{_sentence_id(n)}"/>'
        f'<audio src="{audio_ref}" clipBegin="{clock(begin)}" clipEnd="{clock(end)}"/></par>'
        for n, (_, begin, end) in enumerate(clips(mark), start=1)
    ] or [  # nothing timed in it: the whole chapter's audio goes with the whole section
        f'<par id="p-{SECTION_ID}"><text src="{text_ref}#{SECTION_ID}"/>'
        f'<audio src="{audio_ref}" clipBegin="{clock(0)}" clipEnd="{clock(mark.end - mark.start)}"/></par>'
    ]
    body = "\n".join(pars)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
<body>
<seq id="seq-chapter-{n:03d}" epub:textref="{text_ref}#{SECTION_ID}" epub:type="chapter">
{body}
</seq>
</body>
</smil>
"""


def nav_xhtml(edition: Edition, marks: list[ChapterMark], language: str) -> str:
    items = "\n".join(
        f'<li><a href="{_chapter_file(n, "xhtml")}">{_text(mark.title)}</a></li>' for n, mark in enumerate(marks, start=1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang={_attr(language)} xml:lang={_attr(language)}>
<head>
<meta charset="UTF-8"/>
<title>{_text(edition.title)}</title>
</head>
<body>
<nav epub:type="toc" id="toc">
<h1>{_text(labels_for(language)["contents"])}</h1>
<ol>
{items}
</ol>
</nav>
</body>
</html>
"""


def package_opf(
    edition: Edition, marks: list[ChapterMark], identifier: str, language: str, modified: str = MODIFIED,
    cover: bool = False,
) -> str:
    total = sum(m.end - m.start for m in marks)
    meta = [f'<meta property="media:duration">{clock(total)}</meta>']
    items = [
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="style" href="style.css" media-type="text/css"/>',
    ]
    if cover:
        items.append(f'<item id="cover" href="{COVER_NAME}" media-type="image/jpeg" properties="cover-image"/>')
    spine = []
    for n, mark in enumerate(marks, start=1):
        meta.append(f'<meta property="media:duration" refines="#smil-{n}">{clock(mark.end - mark.start)}</meta>')
        items += [
            f'<item id="text-{n}" href="{_chapter_file(n, "xhtml")}" media-type="application/xhtml+xml" media-overlay="smil-{n}"/>',
            f'<item id="smil-{n}" href="{_chapter_file(n, "smil")}" media-type="application/smil+xml"/>',
            f'<item id="audio-{n}" href="{_chapter_file(n, "mp3")}" media-type="audio/mpeg"/>',
        ]
        spine.append(f'<itemref idref="text-{n}"/>')
    newline = "\n"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang={_attr(language)}>
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">{_text(identifier)}</dc:identifier>
<dc:title>{_text(edition.title)}</dc:title>
{f"<dc:creator>{_text(edition.author)}</dc:creator>{newline}" if edition.author else ""}<dc:language>{_text(language)}</dc:language>
<meta property="dcterms:modified">{modified}</meta>
{newline.join(meta)}
<meta property="media:active-class">{ACTIVE_CLASS}</meta>
</metadata>
<manifest>
{newline.join(items)}
</manifest>
<spine>
{newline.join(spine)}
</spine>
</package>
"""


COVER_NAME = "cover.jpg"
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""


def _entry(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info


def write_epub(
    path: Path,
    edition: Edition,
    marks: list[ChapterMark],
    chapter_mp3s: list[Path],
    identifier: str,
    language: str = "en",
    modified: str = MODIFIED,
    cover: bytes = b"",
) -> Path:
    """The EPUB 3 with read-aloud, from the chapters' timed sentences and their MP3s, and its cover."""
    deflate = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(_entry("mimetype", zipfile.ZIP_STORED), "application/epub+zip")  # first, stored
        book.writestr(_entry("META-INF/container.xml", deflate), CONTAINER)
        book.writestr(_entry("OEBPS/package.opf", deflate),
                      package_opf(edition, marks, identifier, language, modified, cover=bool(cover)))
        if cover:
            book.writestr(_entry(f"OEBPS/{COVER_NAME}", zipfile.ZIP_STORED), cover)
        book.writestr(_entry("OEBPS/nav.xhtml", deflate), nav_xhtml(edition, marks, language))
        book.writestr(_entry("OEBPS/style.css", deflate), STYLE)
        for n, (mark, mp3) in enumerate(zip(marks, chapter_mp3s), start=1):
            book.writestr(_entry(f"OEBPS/{_chapter_file(n, 'xhtml')}", deflate), chapter_xhtml(mark, language))
            book.writestr(_entry(f"OEBPS/{_chapter_file(n, 'smil')}", deflate), chapter_smil(mark, n))
            audio = _entry(f"OEBPS/{_chapter_file(n, 'mp3')}", zipfile.ZIP_STORED)
            with open(mp3, "rb") as source, book.open(audio, "w") as sink:
                while chunk := source.read(1 << 20):
                    sink.write(chunk)
    return path


def edition_identifier(edition: Edition) -> str:
    """A stable identifier for the EPUB: the same book keeps it through corrections."""
    name = hashlib.sha256(f"{edition.title}\0{edition.author}".encode("utf-8")).hexdigest()
    return f"urn:aloud:{name[:32]}"


class EpubExporter:
    name = "epub"
    encodings = frozenset({MP3})  # the chapter MP3s are inside it
    requires: tuple[str, ...] = ()

    def export(self, context) -> dict[str, str]:
        path = context.folder / f"{context.edition.slug}.epub"
        write_epub(
            path, context.edition, list(context.marks), context.joined.chapter_mp3s(),
            identifier=edition_identifier(context.edition), language=context.language,
            modified=modified_date(context.settings.source_date_epoch), cover=context.tags.cover,
        )
        return {"epub": path.name}
