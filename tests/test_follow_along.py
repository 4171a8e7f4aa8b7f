"""Follow along: sentence timings, transcripts, the single MP3 with chapters and the EPUB 3
with read-aloud, on the seed article built with real espeak-ng and ffmpeg."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from conftest import needs_media
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from aloud.audio import ffmpeg

pytestmark = needs_media
TOLERANCE = 0.050  # seconds
SILENCE = re.compile(r"silence_(start|end): (-?[\d.]+)")


def _file(built, manifest, kind: str) -> Path:
    return built.folder / manifest["files"][kind]


def _silences(path: Path) -> tuple[list[float], list[float]]:
    """Where silence (below -45 dB for 0.25 s or more) starts and ends in the decoded audio."""
    result = ffmpeg.run_ffmpeg(
        ["-nostats", "-i", str(path), "-af", "silencedetect=n=-45dB:d=0.25", "-f", "null", "-"], what="silences"
    )
    found = SILENCE.findall(result.stderr)
    return [float(t) for k, t in found if k == "start"], [float(t) for k, t in found if k == "end"]


def _nearest(values: list[float], t: float) -> float:
    return min(abs(v - t) for v in values)


def test_every_sentence_is_timed_from_the_audio(built_seed):
    built, manifest = built_seed
    starts, ends = _silences(built.m4b)
    checked = 0
    previous_end = 0.0
    for chapter in manifest["chapters"]:
        sentences = chapter["sentences"]
        assert sentences, chapter["title"]
        for n, sentence in enumerate(sentences):
            assert chapter["start"] <= sentence["start"] < sentence["end"] <= chapter["end"]
            assert sentence["start"] >= previous_end
            previous_end = sentence["end"]
            gap_before = sentence["start"] - (sentences[n - 1]["end"] if n else chapter["start"])
            gap_after = (sentences[n + 1]["start"] if n + 1 < len(sentences) else chapter["end"]) - sentence["end"]
            # Where the sentence is set off by a pause, the pause is in the audio at the same time.
            if gap_before >= 0.3:
                assert _nearest(ends, sentence["start"]) <= TOLERANCE, sentence
                checked += 1
            if gap_after >= 0.3:
                assert _nearest(starts, sentence["end"]) <= TOLERANCE, sentence
                checked += 1
    assert checked >= 40


def test_sentences_are_as_written(built_seed):
    _, manifest = built_seed
    texts = [s["text"] for c in manifest["chapters"] for s in c["sentences"]]
    assert "However, capitalist restoration shattered their ambitions." in texts
    # Written, not spoken: digits stay digits in the transcript while the audio says words.
    assert any("in 1958 as part of" in t for t in texts)
    # A long sentence spoken in several pieces is still one sentence.
    assert any(t.startswith("In the following article,") and t.endswith("formerly socialist countries.") for t in texts)
    kinds = [s.get("kind", "sentence") for c in manifest["chapters"] for s in c["sentences"]]
    assert kinds[0] == "announcement" and kinds[-1] == "announcement"
    # A section's title is what it is about, and what is heard is what players show.
    titles = [s["text"] for c in manifest["chapters"] for s in c["sentences"] if s.get("kind") == "title"]
    assert titles == [c["title"] for c in manifest["chapters"]] == ["Gansu", "JISCO"]


def _parse_cues(text: str, separator: str) -> list[tuple[float, float, str]]:
    clock = rf"(\d+):(\d\d):(\d\d){separator}(\d\d\d)"
    pattern = re.compile(rf"{clock} --> {clock}\n((?:.+\n?)+)")

    def seconds(h, m, s, ms):
        return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000

    return [(seconds(*g[0:4]), seconds(*g[4:8]), g[8].strip()) for g in pattern.findall(text)]


def test_vtt_and_srt_have_a_cue_per_sentence_timed_as_the_audio(built_seed):
    built, manifest = built_seed
    vtt_text = _file(built, manifest, "vtt").read_text(encoding="utf-8")
    srt_text = _file(built, manifest, "srt").read_text(encoding="utf-8")
    assert vtt_text.startswith("WEBVTT")
    vtt, srt = _parse_cues(vtt_text, r"\."), _parse_cues(srt_text, ",")
    assert len(vtt) == len(srt) > 0
    assert srt_text.startswith("1\n00:00:00,")
    sentences = [s for c in manifest["chapters"] for s in c["sentences"]]
    assert len(vtt) >= len(sentences)
    for (a_start, a_end, a_text), (b_start, b_end, b_text) in zip(vtt, srt):
        assert (a_start, a_end) == (b_start, b_end)
        assert a_start < a_end
        assert len(a_text.splitlines()) <= 2
        assert all(len(line) <= 42 for line in a_text.splitlines() if " " in line)
    # The cues of each sentence run from its start to its end, and together say all of it.
    position = 0
    for sentence in sentences:
        start = position
        words = []
        while position < len(vtt) and vtt[position][0] < sentence["end"] - 0.001:
            words += vtt[position][2].split()
            position += 1
        assert abs(vtt[start][0] - sentence["start"]) <= TOLERANCE
        assert abs(vtt[position - 1][1] - sentence["end"]) <= TOLERANCE
        assert " ".join(words).replace("&amp;", "&") == sentence["text"]
    assert position == len(vtt)
    # Every cue lies inside its chapter.
    bounds = [(c["start"], c["end"]) for c in manifest["chapters"]]
    for start, end, _ in vtt:
        assert any(lo - 0.001 <= start and end <= hi + 0.001 for lo, hi in bounds)


MPEG1_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
MPEG2_KBPS = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


def _frame_length(header: int) -> int:
    """Bytes in the layer III frame that starts with this 32-bit header."""
    assert header >> 21 == 0x7FF, hex(header)
    version = (header >> 19) & 3
    kbps = (MPEG1_KBPS if version == 3 else MPEG2_KBPS)[(header >> 12) & 15]
    rate = RATES[version][(header >> 10) & 3]
    return (144 if version == 3 else 72) * kbps * 1000 // rate + ((header >> 9) & 1)


def _audio_payload(path: Path) -> bytes:
    """The MP3 frames of a file, without its ID3v2 tag and its Xing/Info header frame."""
    data = path.read_bytes()
    if data[:3] == b"ID3":
        size = 0
        for byte in data[6:10]:
            size = (size << 7) | byte
        data = data[10 + size :]
    length = _frame_length(int.from_bytes(data[:4], "big"))
    assert re.search(rb"Xing|Info", data[:length]), path
    rest = data[length:]
    _frame_length(int.from_bytes(rest[:4], "big"))  # the next frame starts right there
    return rest


def test_single_mp3_has_chapter_frames_and_is_not_reencoded(built_seed):
    built, manifest = built_seed
    path = _file(built, manifest, "mp3")
    tags = ID3(path)
    assert tags.version[:2] == (2, 4)
    assert str(tags["TIT2"]) == manifest["title"]
    assert str(tags["TPE1"]) == manifest["author"]
    toc = tags.getall("CTOC")
    assert len(toc) == 1
    chapters = manifest["chapters"]
    assert toc[0].child_element_ids == [f"chp{c['index']}" for c in chapters]
    frames = {f.element_id: f for f in tags.getall("CHAP")}
    for chapter in chapters:
        frame = frames[f"chp{chapter['index']}"]
        assert abs(frame.start_time - chapter["start"] * 1000) <= 1
        assert abs(frame.end_time - chapter["end"] * 1000) <= 1
        assert str(frame.sub_frames["TIT2"]) == chapter["title"]
    assert abs(MP3(path).info.length - manifest["duration"]) <= TOLERANCE
    # A second reader agrees: ffprobe sees the same chapters.
    probed = ffmpeg.chapters(path)
    assert [c["title"] for c in probed] == [c["title"] for c in chapters]
    for p, c in zip(probed, chapters):
        assert abs(p["start"] - c["start"]) <= TOLERANCE and abs(p["end"] - c["end"]) <= TOLERANCE
    # Made from the chapter MP3s' frames as they are: nothing was decoded and encoded again.
    joined = b"".join(_audio_payload(built.folder / c["file"]) for c in chapters)
    assert _audio_payload(path) == joined


OPF = "{http://www.idpf.org/2007/opf}"
SMIL = "{http://www.w3.org/ns/SMIL}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _smil_seconds(value: str) -> float:
    h, m, s = value.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def test_epub_has_media_overlays_within_the_audio(built_seed, tmp_path):
    built, manifest = built_seed
    path = _file(built, manifest, "epub")
    with zipfile.ZipFile(path) as book:
        infos = book.infolist()
        assert infos[0].filename == "mimetype"
        assert infos[0].compress_type == zipfile.ZIP_STORED and not infos[0].extra
        assert book.read("mimetype") == b"application/epub+zip"
        assert book.testzip() is None
        container = ET.fromstring(book.read("META-INF/container.xml"))
        rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
        opf_path = rootfile.get("full-path")
        assert rootfile.get("media-type") == "application/oebps-package+xml"
        opf = ET.fromstring(book.read(opf_path))
        base = opf_path.rsplit("/", 1)[0] + "/"
        assert opf.get("version") == "3.0"
        items = {i.get("id"): i for i in opf.find(f"{OPF}manifest")}
        metas = opf.find(f"{OPF}metadata").findall(f"{OPF}meta")
        durations = {m.get("refines"): _smil_seconds(m.text) for m in metas if m.get("property") == "media:duration"}
        assert abs(durations[None] - manifest["duration"]) <= TOLERANCE
        assert any(m.get("property") == "media:active-class" for m in metas)
        assert any(m.get("property") == "dcterms:modified" for m in metas)
        nav = [i for i in items.values() if "nav" in (i.get("properties") or "").split()]
        assert len(nav) == 1
        nav_doc = ET.fromstring(book.read(base + nav[0].get("href")))
        links = nav_doc.findall(f".//{XHTML}nav//{XHTML}a")
        assert [a.text for a in links] == [c["title"] for c in manifest["chapters"]]

        spine = [items[r.get("idref")] for r in opf.find(f"{OPF}spine")]
        assert len(spine) == len(manifest["chapters"])
        sentences_seen = 0
        for item, chapter in zip(spine, manifest["chapters"]):
            overlay = items[item.get("media-overlay")]
            assert overlay.get("media-type") == "application/smil+xml"
            assert abs(durations[f"#{overlay.get('id')}"] - (chapter["end"] - chapter["start"])) <= TOLERANCE
            xhtml_name = base + item.get("href")
            xhtml = ET.fromstring(book.read(xhtml_name))
            ids = {e.get("id"): "".join(e.itertext()) for e in xhtml.iter() if e.get("id")}
            smil = ET.fromstring(book.read(base + overlay.get("href")))
            previous_end = 0.0
            pars = smil.findall(f".//{SMIL}par")
            assert len(pars) == len(chapter["sentences"])
            for par, sentence in zip(pars, chapter["sentences"]):
                text_src = par.find(f"{SMIL}text").get("src")
                audio = par.find(f"{SMIL}audio")
                assert text_src.split("#")[0].endswith(item.get("href").rsplit("/", 1)[-1])
                assert ids[text_src.split("#")[1]] == sentence["text"]
                audio_name = (base + "smil/" + audio.get("src")).replace("smil/../", "")
                extracted = tmp_path / Path(audio_name).name
                if not extracted.exists():
                    extracted.write_bytes(book.read(audio_name))
                length = MP3(extracted).info.length
                begin, end = _smil_seconds(audio.get("clipBegin")), _smil_seconds(audio.get("clipEnd"))
                assert 0 <= begin < end <= length, (audio_name, begin, end, length)
                assert abs(begin - previous_end) <= 0.002  # contiguous: the pauses are heard
                assert begin <= sentence["start"] - chapter["start"] + 0.001 < end
                previous_end = end
                sentences_seen += 1
            assert abs(previous_end - length) <= TOLERANCE
        assert sentences_seen == sum(len(c["sentences"]) for c in manifest["chapters"])


def test_outputs_are_listed_in_the_manifest(built_seed):
    built, manifest = built_seed
    assert set(manifest["files"]) == {"cover", "m4b", "library-ignore", "mp3", "playlist", "vtt", "srt", "epub", "player",
                                     "sample"}
    for name in manifest["files"].values():
        assert (built.folder / name).is_file(), name
    assert manifest["files"]["player"] == "index.html"


def _epubcheck() -> list[str] | None:
    program = shutil.which("epubcheck")
    if program and Path(program).resolve().suffix == ".jar":  # Debian's is the jar itself
        return ["java", "-jar", str(Path(program).resolve())] if shutil.which("java") else None
    return [program] if program else None


def test_epub_passes_epubcheck(built_seed):
    """EPUBCheck, the reference validator, finds nothing wrong: package, XHTML, SMIL, nav."""
    built, manifest = built_seed
    command = _epubcheck()
    if command is None:
        pytest.fail("EPUBCheck is needed for this test: `make test` installs it (Debian package epubcheck)")
    result = subprocess.run([*command, str(_file(built, manifest, "epub"))], capture_output=True, text=True)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "0 fatals / 0 errors / 0 warnings" in report or "No errors or warnings detected" in report, report
