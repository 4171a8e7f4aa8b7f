"""Check: prove that an edition folder is sound, or say exactly what is wrong with it.

Three groups of checks, each a `Finding` that passes or fails:
- the manifest against the files: every file present, durations, the M4B's chapter marks,
  the MP3s' tags and order, the single MP3's chapter frames, transcript cues;
- the audio of each chapter: no clipping, true peak, integrated loudness, no long silence
  inside it, and no chapter much shorter than its words need (dropped text);
- with `acx`, the rules of ACX (Audible) for each chapter file.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import ID3, ID3NoHeaderError
from mutagen.mp3 import MP3, BitrateMode, HeaderNotFoundError

from aloud.audio import ffmpeg
from aloud.errors import AloudError
from aloud.export.id3 import table_of_contents
from aloud.export.manifest import chapter_audio_source, read_manifest
from aloud.progress import NullProgress, Progress
from aloud.proof.documents import epub_findings, player_findings, transcript_findings
from aloud.proof.findings import CheckReport, Finding, finding
from aloud.proof.library import library_findings
from aloud.words import counted

TIME_TOLERANCE = 0.050  # seconds
LOUDNESS_TOLERANCE = 1.0  # LU around the edition's target
MAX_TRUE_PEAK = -1.0  # dBTP
CLIPPED = -0.1  # a sample peak at full scale (dBFS)
LONGEST_SILENCE = 5.0  # seconds, inside a chapter
SHORTEST_PACE = 0.5  # a chapter lasting under half the time its words need has lost some

# ACX (Audible) rules for each file.
ACX_RMS = (-23.0, -18.0)
ACX_PEAK = -3.0
ACX_NOISE_FLOOR = -60.0
ACX_HEAD = (0.5, 1.0)
ACX_TAIL = (1.0, 5.0)
ACX_LONGEST = 120 * 60.0
ACX_SAMPLE_RATE = 44100
ACX_BITRATE = 192_000


def check_edition(folder: Path, acx: bool = False, progress: Progress = NullProgress()) -> CheckReport:
    """Every check of the edition in `folder`; the ACX rules too if asked, or if it was built
    for ACX. Listening to each chapter (the long part) is reported as the "verify" stage."""
    manifest = read_manifest(folder)
    acx = acx or manifest.get("audio", {}).get("profile") == "acx"
    findings = list(_files(folder, manifest))
    present = {f.subject for f in findings if f.check == "file present" and f.passed}
    findings += _durations(folder, manifest, present)
    findings += _m4b_chapters(folder, manifest, present)
    findings += _mp3_tags(folder, manifest, present)
    findings += _edition_mp3(folder, manifest, present)
    findings += _playlist(folder, manifest, present)
    findings += transcript_findings(folder, manifest, present)
    findings += epub_findings(folder, manifest, present)
    findings += player_findings(folder, manifest, present)
    findings += library_findings(folder, manifest, present)
    progress.start("verify", len(manifest["chapters"]))
    findings += _audio(folder, manifest, present, acx, progress)
    progress.finish("verify")
    findings += _sample(folder, manifest, present, acx)
    return CheckReport(folder, tuple(findings))


def _listed_files(manifest: dict) -> list[str]:
    return [*manifest["files"].values(), *(c["file"] for c in manifest["chapters"] if "file" in c)]


def _files(folder: Path, manifest: dict) -> Iterator[Finding]:
    for name in _listed_files(manifest):
        path = (folder / name).resolve()
        inside = folder.resolve() in path.parents
        ok = inside and path.is_file() and path.stat().st_size > 0
        detail = "present" if ok else ("outside the edition" if not inside else "missing or empty")
        yield finding("file present", name, ok, detail)


def _mp3_length(path: Path) -> float | None:
    try:
        return MP3(path).info.length
    except (MutagenError, HeaderNotFoundError, OSError):
        return None


def _near(a: float | None, b: float, tolerance: float = TIME_TOLERANCE) -> bool:
    return a is not None and abs(a - b) <= tolerance


def _durations(folder: Path, manifest: dict, present: set[str]) -> Iterator[Finding]:
    total = float(manifest.get("duration", 0))
    position = 0.0
    for chapter in manifest["chapters"]:
        ok = _near(chapter["start"], position, 0.002) and chapter["end"] > chapter["start"]
        yield finding("chapter order", chapter["title"], ok,
                       f"{chapter['start']:.3f}–{chapter['end']:.3f} s; expected to start at {position:.3f} s")
        position = chapter["end"]
        name = chapter.get("file")
        if name in present:
            length = _mp3_length(folder / name)
            expected = chapter["end"] - chapter["start"]
            yield finding("duration", name, _near(length, expected),
                           f"its header says {_seconds(length)}; the manifest says {expected:.3f} s")
    yield finding("chapter order", "edition", _near(position, total, 0.002),
                   f"chapters end at {position:.3f} s; the manifest's duration is {total:.3f} s")
    for kind in ("m4b", "mp3"):
        name = manifest["files"].get(kind)
        if name in present:
            try:
                length = ffmpeg.duration(folder / name)
            except AloudError:
                length = None
            yield finding("duration", name, _near(length, total), f"{_seconds(length)} long; the manifest says {total:.3f} s")
            try:
                decoded, error = ffmpeg.decoded_duration(folder / name)
            except AloudError as exc:
                decoded, error = 0.0, str(exc)
            yield finding("decodes", name, _near(decoded, total, 0.1) and not error,
                          f"decodes to {decoded:.3f} s{'; ' + error if error else ''}; the manifest says {total:.3f} s")


def _seconds(value: float | None) -> str:
    return "unreadable" if value is None else f"{value:.3f} s"


def _m4b_chapters(folder: Path, manifest: dict, present: set[str]) -> Iterator[Finding]:
    name = manifest["files"].get("m4b")
    if name not in present:
        return
    try:
        marks = ffmpeg.chapters(folder / name)
    except AloudError as exc:
        yield finding("chapter marks", name, False, str(exc))
        return
    chapters = manifest["chapters"]
    if len(marks) != len(chapters):
        yield finding("chapter marks", name, False, f"{counted(len(marks), 'mark')}; the manifest has {counted(len(chapters), 'chapter')}")
        return
    for mark, chapter in zip(marks, chapters):
        ok = mark["title"] == chapter["title"] and _near(mark["start"], chapter["start"]) and _near(mark["end"], chapter["end"])
        yield finding("chapter marks", f"{name} #{chapter['index']}", ok,
                       f"“{mark['title']}” {mark['start']:.3f}–{mark['end']:.3f} s; manifest “{chapter['title']}” "
                       f"{chapter['start']:.3f}–{chapter['end']:.3f} s")


def _id3(path: Path) -> ID3 | None:
    try:
        return ID3(path)
    except (ID3NoHeaderError, MutagenError, OSError):
        return None


def _mp3_tags(folder: Path, manifest: dict, present: set[str]) -> Iterator[Finding]:
    total = len(manifest["chapters"])
    for n, chapter in enumerate(manifest["chapters"], start=1):
        name = chapter.get("file")
        if name not in present:
            continue
        tags = _id3(folder / name)
        if tags is None:
            yield finding("tags", name, False, "no ID3 tags")
            continue
        found = {k: str(tags[k]) if k in tags else "" for k in ("TIT2", "TALB", "TPE1", "TRCK")}
        expected = {"TIT2": chapter["title"], "TALB": manifest["title"], "TPE1": manifest["author"], "TRCK": f"{n}/{total}"}
        wrong = [f"{k} “{found[k]}” (expected “{v}”)" for k, v in expected.items() if found[k] != v]
        yield finding("tags", name, not wrong, "; ".join(wrong) or f"title, album, artist, track {n}/{total}")


def _edition_mp3(folder: Path, manifest: dict, present: set[str]) -> Iterator[Finding]:
    name = manifest["files"].get("mp3")
    if name not in present:
        return
    tags = _id3(folder / name)
    frames = {f.element_id: f for f in tags.getall("CHAP")} if tags else {}
    listed = table_of_contents(tags) if tags else []
    chapters = manifest["chapters"]
    ids = [f"chp{c['index']}" for c in chapters]
    yield finding("chapter frames", name, listed == ids,
                  f"the table of contents lists {counted(len(listed), 'chapter')}"
                  + ("" if listed == ids else f", not {len(ids)} in order ({', '.join(listed[:5])}…)"))
    for element_id, chapter in zip(ids, chapters):
        frame = frames.get(element_id)
        ok = (
            frame is not None
            and abs(frame.start_time - chapter["start"] * 1000) <= TIME_TOLERANCE * 1000
            and abs(frame.end_time - chapter["end"] * 1000) <= TIME_TOLERANCE * 1000
            and "TIT2" in frame.sub_frames
            and str(frame.sub_frames["TIT2"]) == chapter["title"]
        )
        detail = "missing" if frame is None else f"{frame.start_time}–{frame.end_time} ms"
        yield finding("chapter frames", f"{name} #{chapter['index']}", ok, detail)


def _playlist(folder: Path, manifest: dict, present: set[str]) -> Iterator[Finding]:
    name = manifest["files"].get("playlist")
    if name not in present:
        return
    lines = (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()
    listed = [line for line in lines if line and not line.startswith("#")]
    expected = [c.get("file") for c in manifest["chapters"]]
    yield finding("playlist order", name, listed == expected,
                   "chapter files in order" if listed == expected else f"lists {listed}; expected {expected}")


def _audio(folder: Path, manifest: dict, present: set[str], acx: bool, progress: Progress) -> Iterator[Finding]:
    target = float(manifest.get("loudness", {}).get("target_lufs", -19.0))
    rate = float(manifest.get("rate") or 170)
    for chapter in manifest["chapters"]:
        progress.advance("verify")
        source = chapter_audio_source(folder, manifest, chapter, present.__contains__)
        if source is None:
            continue
        path, name, whole_file = source.path, source.label(folder, chapter), source.start is None
        expected = chapter["end"] - chapter["start"]
        try:
            health = ffmpeg.audio_health(path, start=source.start, duration=source.duration)
        except AloudError as exc:
            yield finding("audio", name, False, str(exc))
            continue
        yield finding("duration", name, _near(health.duration, expected),
                       f"decodes to {health.duration:.2f} s; the manifest says {expected:.3f} s")
        yield finding("clipping", name, health.sample_peak_dbfs < CLIPPED, f"sample peak {health.sample_peak_dbfs:.1f} dBFS")
        yield finding("true peak", name, health.true_peak_dbtp <= MAX_TRUE_PEAK,
                       f"{health.true_peak_dbtp:.1f} dBTP (at most {MAX_TRUE_PEAK:.0f})")
        yield finding("loudness", name, abs(health.integrated_lufs - target) <= LOUDNESS_TOLERANCE,
                       f"{health.integrated_lufs:.1f} LUFS (target {target:.0f} ±{LOUDNESS_TOLERANCE:.0f})")
        long_silences = [(a, b) for a, b in health.silences if b - a > LONGEST_SILENCE]
        yield finding("silence", name, not long_silences,
                       "no silence over 5 s" if not long_silences else
                       f"{long_silences[0][1] - long_silences[0][0]:.1f} s of silence at {long_silences[0][0]:.1f} s")
        needed = int(chapter.get("word_count", 0)) * 60.0 / rate
        duration = health.duration
        yield finding("length", name, duration >= SHORTEST_PACE * needed,
                       f"{duration:.1f} s for {chapter.get('word_count', 0)} words (at least {SHORTEST_PACE * needed:.1f} s)")
        if acx and whole_file:
            yield from _acx(path, name, health)
        elif acx:
            yield finding("ACX format", name, False, "ACX wants a file per chapter: build with --outputs mp3 (or all)")


SAMPLE_LENGTH = (60.0, 300.0)  # seconds: ACX's retail sample is 1 to 5 minutes


def _sample(folder: Path, manifest: dict, present: set[str], acx: bool) -> Iterator[Finding]:
    """The retail sample: 1 to 5 minutes (at least half the longest chapter, in an edition with
    no chapter a minute long: it is cut from one chapter), and with `acx` held to the rules of
    a chapter file."""
    name = manifest["files"].get("sample")
    if name not in present:
        return
    try:
        health = ffmpeg.audio_health(folder / name)
    except AloudError as exc:
        yield finding("sample", name, False, str(exc))
        return
    low, high = SAMPLE_LENGTH
    low = min(low, 0.5 * max((c["end"] - c["start"] for c in manifest["chapters"]), default=0.0))
    yield finding("sample length", name, low <= health.duration <= high,
                  f"{health.duration:.1f} s (between {low:.0f} and {high:.0f})")
    if acx:
        yield from _acx(folder / name, name, health)


def _acx(path: Path, name: str, health: ffmpeg.AudioHealth) -> Iterator[Finding]:
    low, high = ACX_RMS
    yield finding("ACX RMS", name, low <= health.rms_dbfs <= high, f"{health.rms_dbfs:.1f} dB (between {low:.0f} and {high:.0f})")
    yield finding("ACX peak", name, health.sample_peak_dbfs <= ACX_PEAK, f"{health.sample_peak_dbfs:.1f} dB (at most {ACX_PEAK:.0f})")
    floor = health.noise_floor_dbfs
    yield finding("ACX noise floor", name, floor <= ACX_NOISE_FLOOR,
                   f"{'digital silence' if floor == -math.inf else f'{floor:.1f} dB'} (at most {ACX_NOISE_FLOOR:.0f})")
    silences = health.silences
    head = silences[0][1] if silences and silences[0][0] <= 0.01 else 0.0
    tail = health.duration - silences[-1][0] if silences and silences[-1][1] >= health.duration - 0.05 else 0.0
    yield finding("ACX head", name, ACX_HEAD[0] <= head <= ACX_HEAD[1], f"{head:.2f} s of room tone (0.5–1 s)")
    yield finding("ACX tail", name, ACX_TAIL[0] <= tail <= ACX_TAIL[1], f"{tail:.2f} s of room tone (1–5 s)")
    yield finding("ACX length", name, health.duration <= ACX_LONGEST, f"{health.duration / 60:.1f} min (at most 120)")
    try:
        info = MP3(path).info
        cbr = info.bitrate_mode in (BitrateMode.CBR, BitrateMode.UNKNOWN)
        ok = info.sample_rate == ACX_SAMPLE_RATE and info.bitrate == ACX_BITRATE and cbr
        mode = str(info.bitrate_mode).rsplit(".", 1)[-1]
        detail = f"{info.sample_rate} Hz, {info.bitrate // 1000} kb/s {mode} (44100 Hz, 192 kb/s CBR)"
    except (MutagenError, HeaderNotFoundError, OSError) as exc:
        ok, detail = False, f"unreadable: {exc}"
    yield finding("ACX format", name, ok, detail)
