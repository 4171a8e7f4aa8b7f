"""The edition's documents against its manifest: the transcripts, the EPUB and the player
page. A file cut short or altered fails here even when it still opens."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from mutagen import MutagenError
from mutagen.mp3 import MP3, HeaderNotFoundError

from aloud.proof.findings import Finding, finding
from aloud.words import counted

TOLERANCE = 0.050  # seconds
_VTT_CUE = re.compile(r"(\d+):(\d\d):(\d\d)\.(\d\d\d) --> (\d+):(\d\d):(\d\d)\.(\d\d\d)")
_SRT_CUE = re.compile(r"(\d+):(\d\d):(\d\d),(\d\d\d) --> (\d+):(\d\d):(\d\d),(\d\d\d)")
_PLAYER_DATA = re.compile(r'<script type="application/json" id="edition-data">(.*?)</script>', re.DOTALL)
OPF = "{http://www.idpf.org/2007/opf}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"


def _cues(text: str, pattern: re.Pattern[str]) -> list[tuple[float, float]]:
    return [
        (int(g[0]) * 3600 + int(g[1]) * 60 + int(g[2]) + int(g[3]) / 1000,
         int(g[4]) * 3600 + int(g[5]) * 60 + int(g[6]) + int(g[7]) / 1000)
        for g in pattern.findall(text)
    ]


def _sentences(manifest: dict) -> list[dict]:
    return [s for c in manifest["chapters"] for s in c.get("sentences", []) if isinstance(s, dict)]


def transcript_findings(folder: Path, manifest: dict, present: set[str]) -> Iterator[Finding]:
    """Every cue inside a chapter and in order, a cue starting where each sentence starts, the
    last ending where the last sentence ends; the SRT's cues the VTT's."""
    name = manifest["files"].get("vtt")
    if name not in present:
        return
    text = (folder / name).read_text(encoding="utf-8", errors="replace")
    cues = _cues(text, _VTT_CUE)
    bounds = [(c["start"], c["end"]) for c in manifest["chapters"]]
    outside = [(a, b) for a, b in cues if not any(lo - 0.002 <= a and b <= hi + 0.002 for lo, hi in bounds) or b < a]
    ordered = all(b1 <= a2 + 0.002 for (_, b1), (a2, _) in zip(cues, cues[1:]))
    sentences = _sentences(manifest)
    starts = {round(a, 3) for a, _ in cues}
    unheard = [s for s in sentences if round(float(s.get("start", -1)), 3) not in starts]
    last_end = float(sentences[-1]["end"]) if sentences else None
    ends_right = last_end is None or (bool(cues) and abs(cues[-1][1] - last_end) <= TOLERANCE)
    ok = text.startswith("WEBVTT") and bool(cues) and not outside and ordered and not unheard and ends_right
    detail = f"{len(cues)} cues for {len(sentences)} sentences"
    if outside:
        detail += f"; {len(outside)} outside every chapter, first at {outside[0][0]:.3f} s"
    if not ordered:
        detail += "; out of order"
    if unheard:
        detail += f"; no cue for {len(unheard)} sentences, first “{str(unheard[0].get('text', ''))[:60]}”"
    if not ends_right:
        detail += f"; the last cue ends at {cues[-1][1] if cues else 0:.3f} s, the last sentence at {last_end:.3f} s"
    yield finding("transcript", name, ok, detail)
    srt = manifest["files"].get("srt")
    if srt in present:
        srt_cues = _cues((folder / srt).read_text(encoding="utf-8", errors="replace"), _SRT_CUE)
        yield finding("transcript", srt, srt_cues == cues, f"{len(srt_cues)} cues; the WebVTT has {len(cues)}")


def epub_findings(folder: Path, manifest: dict, present: set[str]) -> Iterator[Finding]:
    """A whole archive (every entry's checksum), its package and spine, a document and an
    overlay per chapter, and each chapter's audio as long as the chapter."""
    name = manifest["files"].get("epub")
    if name not in present:
        return
    try:
        with zipfile.ZipFile(folder / name) as book:
            yield from _epub(book, name, manifest)
    except (zipfile.BadZipFile, OSError, ET.ParseError, KeyError, ValueError) as exc:
        yield finding("epub", name, False, f"not a readable EPUB: {exc}")


def _epub(book: zipfile.ZipFile, name: str, manifest: dict) -> Iterator[Finding]:
    broken = book.testzip()
    entries = book.namelist()
    mimetype = entries[:1] == ["mimetype"] and book.read("mimetype") == b"application/epub+zip"
    yield finding("epub", name, broken is None and mimetype,
                  f"{len(entries)} entries" + (f"; {broken} is damaged" if broken else "") +
                  ("" if mimetype else "; the mimetype entry is not first or not EPUB"))
    rootfile = ET.fromstring(book.read("META-INF/container.xml")).find(f".//{CONTAINER}rootfile")
    opf_path = PurePosixPath(rootfile.get("full-path", "") if rootfile is not None else "")
    package = ET.fromstring(book.read(str(opf_path)))
    items = {i.get("id"): i for i in package.iter(f"{OPF}item")}
    spine = [r.get("idref") for r in package.iter(f"{OPF}itemref")]
    base = opf_path.parent
    missing = [i.get("href") for i in items.values() if str(base / (i.get("href") or "")) not in entries]
    chapters = manifest["chapters"]
    yield finding("epub", f"{name} spine", len(spine) == len(chapters) and not missing and all(s in items for s in spine),
                  f"{counted(len(spine), 'document')} in the spine for {counted(len(chapters), 'chapter')}"
                  + (f"; {len(missing)} files missing, first {missing[0]}" if missing else ""))
    audio = [i for i in items.values() if i.get("media-type") == "audio/mpeg"]
    for n, (item, chapter) in enumerate(zip(audio, chapters), start=1):
        expected = float(chapter["end"]) - float(chapter["start"])
        length, by_size = _mp3_seconds(book.read(str(base / item.get("href", ""))))
        ok = length is not None and abs(length - expected) <= TOLERANCE and abs(by_size - expected) <= SIZE_TOLERANCE
        yield finding("epub audio", f"{name} #{n}", ok,
                      f"{'unreadable' if length is None else f'{length:.3f} s'} ({by_size:.1f} s of frames); "
                      f"the chapter is {expected:.3f} s")


SIZE_TOLERANCE = 1.0  # seconds: an MP3's frames, counted by their bytes at its constant bitrate


def _mp3_seconds(data: bytes) -> tuple[float | None, float]:
    """An MP3's length as its header says, and as its bytes (at its constant bitrate) hold:
    a file cut short keeps the header's figure but loses the bytes."""
    try:
        mp3 = MP3(io.BytesIO(data))
    except (MutagenError, HeaderNotFoundError):
        return None, 0.0
    tag = mp3.tags.size if mp3.tags is not None else 0
    return mp3.info.length, (len(data) - tag) * 8 / mp3.info.bitrate if mp3.info.bitrate else 0.0


def player_findings(folder: Path, manifest: dict, present: set[str]) -> Iterator[Finding]:
    """The page holds the edition: its title, every chapter and sentence, its length, the audio it plays."""
    name = manifest["files"].get("player")
    if name not in present:
        return
    page = (folder / name).read_text(encoding="utf-8", errors="replace")
    found = _PLAYER_DATA.search(page)
    try:
        data = json.loads(found.group(1)) if found else None
    except ValueError:
        data = None
    if not isinstance(data, dict) or not page.rstrip().endswith("</html>"):
        yield finding("player", name, False, "the page is cut short or holds no edition data")
        return
    chapters = data.get("chapters", [])
    sentences = sum(len(c.get("sentences", [])) for c in chapters if isinstance(c, dict))
    wanted = len(_sentences(manifest))
    audio = data.get("audio")
    ok = (data.get("title") == manifest.get("title") and len(chapters) == len(manifest["chapters"])
          and sentences == wanted and abs(float(data.get("duration", 0)) - float(manifest.get("duration", 0))) <= TOLERANCE
          and audio in present)
    yield finding("player", name, ok, f"{counted(len(chapters), 'chapter')}, {counted(sentences, 'sentence')} (the manifest: "
                  f"{len(manifest['chapters'])}, {wanted}), plays {audio}")
