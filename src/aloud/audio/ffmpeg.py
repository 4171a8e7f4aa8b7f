"""The one place that runs ffmpeg and ffprobe.

Every command is a list of arguments (never a shell string), logged at DEBUG; a failure
becomes `ToolFailedError` carrying the end of the program's stderr.
"""

from __future__ import annotations

import fcntl
import json
import logging
import math
import os
import re
import shutil
import signal
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from aloud.errors import ToolFailedError, ToolMissingError

log = logging.getLogger(__name__)

INSTALL_HINT = "install it with `apt-get install ffmpeg` (Debian, Ubuntu) or `brew install ffmpeg` (macOS)"
# ffmpeg's AAC encoder puts one frame of priming before the audio of every stream; the
# segments' ADTS streams are joined as they are, so each brings its own (see master.py).
AAC_FRAME = 1024
AAC_PRIMING_SAMPLES = 1024
LAME_DELAY = 576 + 529  # LAME's encoder delay plus the decoder's, in samples
# The encodings of a segment: the ADTS stream the M4B is muxed from, and the MP3 stream
# chapter files and the single MP3 are joined from.
AAC = "aac"
MP3 = "mp3"
ENCODINGS = (AAC, MP3)


def mp3_frame(sample_rate: int) -> int:
    """Samples per MP3 frame: MPEG-1 layer III at 32 kHz and up, MPEG-2 below."""
    return 1152 if sample_rate >= 32000 else 576
# Same bytes for the same input: no encoder version strings or creation times.
BITEXACT = ["-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1"]


def require(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise ToolMissingError(f"{program} is not installed: {INSTALL_HINT}")
    return path


def run(program: str, args: list[str], *, what: str, input: bytes | bytearray | None = None) -> subprocess.CompletedProcess[str]:
    """Run `program` with `args` (and `input` on stdin); raise ToolFailedError with its stderr if it fails."""
    result = run_binary(program, args, what=what, input=input)
    return subprocess.CompletedProcess(result.args, 0, result.stdout.decode("utf-8", "replace"), result.stderr)


# Put in a program's arguments where it is to write a second stream (read back beside its stdout).
SIDE_OUTPUT = "<side output>"


@dataclass(frozen=True)
class Ran:
    args: list[str]
    stdout: bytes
    stderr: str
    side: bytes = b""  # what the program wrote to SIDE_OUTPUT


def run_binary(program: str, args: list[str], *, what: str, input: bytes | bytearray | None = None) -> Ran:
    """`run`, keeping stdout as bytes (decoded or encoded audio); stderr is text. If `args`
    hold SIDE_OUTPUT, it becomes a pipe whose bytes come back as `side`."""
    side_read, side_write = os.pipe() if SIDE_OUTPUT in args else (None, None)
    args = [f"pipe:{side_write}" if a == SIDE_OUTPUT else a for a in args]
    command = [require(program), *args]
    log.debug("run: %s", subprocess.list2cmdline(command))
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, pass_fds=() if side_write is None else (side_write,),
        )
    except OSError as exc:
        raise ToolFailedError(f"{what}: {program} could not start: {exc}") from None
    finally:
        if side_write is not None:
            os.close(side_write)
    stdout, stderr_bytes, side = _exchange(process, input, side_read)
    stderr = stderr_bytes.decode("utf-8", "replace")
    if process.returncode < 0:
        raise ToolFailedError(f"{what}: {program} {_killed_by(-process.returncode)}")
    if process.returncode != 0:
        raise ToolFailedError(f"{what}: {program} failed (exit {process.returncode}): {_reason(stderr)}")
    return Ran(command, stdout, stderr, side)


PIPE_BYTES = 1 << 20  # a pipe this large wakes the program a sixteenth as often as the default 64 KB


def _exchange(process: subprocess.Popen, input: bytes | bytearray | None, side_read: int | None) -> tuple[bytes, bytes, bytes]:
    """Feed `input` to the program and read its stdout, stderr and side pipe to the end, each
    in a thread of its own: large writes and reads, rather than `communicate`'s 4 KB steps."""
    streams = {"stdout": process.stdout.fileno(), "stderr": process.stderr.fileno()}  # type: ignore[union-attr]
    if side_read is not None:
        streams["side"] = side_read
    for fd in [*streams.values(), *([process.stdin.fileno()] if input is not None else [])]:  # type: ignore[union-attr]
        _widen(fd)
    got: dict[str, bytes] = {}
    readers = [threading.Thread(target=lambda k=k, fd=fd: got.__setitem__(k, _read_all(fd)), daemon=True)
               for k, fd in streams.items()]
    for reader in readers:
        reader.start()
    try:
        if input is not None:
            try:
                process.stdin.write(input)  # type: ignore[union-attr]
                process.stdin.close()  # type: ignore[union-attr]
            except BrokenPipeError:
                pass  # the program stopped reading: its exit status and stderr say why
        for reader in readers:
            reader.join()
        process.wait()
    finally:
        for stream in (process.stdin, process.stdout, process.stderr):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        if side_read is not None:
            os.close(side_read)
        if process.returncode is None:  # interrupted: the program must not outlive us
            process.kill()
            process.wait()
    return got.get("stdout", b""), got.get("stderr", b""), got.get("side", b"")


def _widen(fd: int) -> None:
    if hasattr(fcntl, "F_SETPIPE_SZ"):
        try:
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        except OSError:
            pass  # over the system's limit for a pipe: the default will do


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, PIPE_BYTES):
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(stderr: str) -> str:
    """What a program's stderr says went wrong: its last lines, or a full disk said plainly."""
    lines = stderr.strip().splitlines()
    full = [line for line in lines if "No space left on device" in line]
    if full:
        return f"the disk is full ({full[-1].strip()})"
    return " | ".join(lines[-3:])


def _killed_by(number: int) -> str:
    try:
        name = signal.Signals(number).name
    except ValueError:
        name = f"signal {number}"
    if number == getattr(signal, "SIGXFSZ", None):
        return f"was stopped by {name}: a file outgrew the size limit or the disk is full"
    return f"was killed by {name}"


def run_ffmpeg(args: list[str], *, what: str, input: bytes | bytearray | None = None) -> subprocess.CompletedProcess[str]:
    return run("ffmpeg", ["-hide_banner", "-y", *args], what=what, input=input)


def _span(path: Path, start: float | None, duration: float | None) -> list[str]:
    """The audio of the input `path`, or only `duration` seconds of it from `start`. Only the
    audio: an M4B's chapter-text track and cover, read past a seek, fill ffmpeg's buffers until
    it gives up ("Too many packets buffered"), and analysing a chapter of a long book failed."""
    span = ["-ss", f"{start:.3f}"] if start is not None else []
    span += ["-t", f"{duration:.3f}"] if duration is not None else []
    return [*span, "-i", str(path), "-map", "0:a"]


def decode_mono_float(path: Path, rate: int, start: float | None = None, duration: float | None = None) -> bytes:
    """The audio of `path` (or of a stretch of it) as mono 32-bit float samples at `rate` Hz,
    as a speech recognizer reads it."""
    args = ["-hide_banner", "-v", "error", *_span(path, start, duration), "-ac", "1", "-ar", str(rate), "-f", "f32le", "-"]
    return run_binary("ffmpeg", args, what=f"decoding {path.name}").stdout


def ffprobe_json(path: Path, *entries: str) -> dict:
    args = ["-v", "error", "-print_format", "json", *entries, str(path)]
    result = run("ffprobe", args, what=f"reading {path.name}")
    return json.loads(result.stdout or "{}")


def duration(path: Path) -> float:
    data = ffprobe_json(path, "-show_entries", "format=duration")
    return float(data["format"]["duration"])


def chapters(path: Path) -> list[dict]:
    """The chapter marks of a media file: [{'title', 'start', 'end'}] in seconds."""
    data = ffprobe_json(path, "-show_chapters")
    return [
        {"title": c.get("tags", {}).get("title", ""), "start": float(c["start_time"]), "end": float(c["end_time"])}
        for c in data.get("chapters", [])
    ]


def tags(path: Path) -> dict[str, str]:
    data = ffprobe_json(path, "-show_entries", "format_tags")
    return {k.lower(): v for k, v in data.get("format", {}).get("tags", {}).items()}


@dataclass(frozen=True)
class Loudness:
    integrated_lufs: float
    true_peak_dbtp: float | None = None


_LUFS = re.compile(r"I:\s+(-?[\d.]+|-inf|nan) LUFS")
_PEAK = re.compile(r"Peak:\s+(-?[\d.]+|-inf|nan) dBFS")


def loudness(path: Path, *, true_peak: bool = False) -> Loudness:
    """Integrated loudness (EBU R128 / BS.1770) of a file and, if asked, its true peak."""
    return _loudness(_span(path, None, None), path.name, true_peak, None)


def loudness_of_pcm(pcm: bytes | bytearray, rate: int) -> float:
    """Integrated loudness of mono 16-bit PCM."""
    return _loudness(_pcm_input(rate), "audio", False, pcm).integrated_lufs


def decoded_duration(path: Path) -> tuple[float, str]:
    """How long `path` decodes to (not what its header says), and the first decoding error, if any."""
    result = run_ffmpeg(["-v", "error", "-nostats", "-stats_period", "3600", "-stats", "-i", str(path), "-map", "0:a",
                         "-f", "null", "-"], what=f"decoding {path.name}")
    times = _TIME.findall(result.stderr)
    seconds = int(times[-1][0]) * 3600 + int(times[-1][1]) * 60 + float(times[-1][2]) if times else 0.0
    errors = [line for line in result.stderr.splitlines() if line.strip() and "time=" not in line]
    return seconds, errors[0] if errors else ""


@dataclass(frozen=True)
class AudioHealth:
    """What `aloud check` needs to know about a file's audio, from one decoding pass."""

    integrated_lufs: float
    true_peak_dbtp: float
    sample_peak_dbfs: float
    rms_dbfs: float
    noise_floor_dbfs: float
    silences: tuple[tuple[float, float], ...]  # (start, end) of each quiet stretch of at least `min_silence` s
    duration: float


_SILENCE = re.compile(r"silence_(start|end): (-?[\d.]+)")
_TIME = re.compile(r"time=(\d+):(\d+):([\d.]+)")
_ASTATS = re.compile(r"(Peak level|RMS level|Noise floor) dB: (-?[\d.]+|-?inf|nan)")


def audio_health(
    path: Path, *, start: float | None = None, duration: float | None = None, silence_db: float = -50.0,
    min_silence: float = 0.3,
) -> AudioHealth:
    """Loudness, true and sample peak, RMS, noise floor and the silences of a file (or of
    `duration` seconds of it from `start`), in one pass."""
    chain = (
        "ebur128=framelog=verbose:peak=true+sample,"
        f"silencedetect=n={silence_db}dB:d={min_silence},"
        "astats=measure_perchannel=none:measure_overall=RMS_level+Peak_level+Noise_floor"
    )
    result = run_ffmpeg(["-nostats", "-stats_period", "3600", "-stats", *_span(path, start, duration), "-af", chain,
                         "-f", "null", "-"], what=f"analysing {path.name}")
    log = result.stderr
    summary = log.rsplit("Summary:", 1)[-1]
    lufs = _LUFS.search(summary)
    peaks = _PEAK.findall(summary)  # sample peak, then true peak
    if not lufs or len(peaks) < 2:
        raise ToolFailedError(f"analysing {path.name}: no loudness in ffmpeg's report")
    stats = {name: _number(value) for name, value in _ASTATS.findall(log)}
    times = _TIME.findall(log)
    duration = int(times[-1][0]) * 3600 + int(times[-1][1]) * 60 + float(times[-1][2]) if times else 0.0
    silences: list[tuple[float, float]] = []
    start = None
    for kind, value in _SILENCE.findall(log):
        if kind == "start":
            start = max(0.0, float(value))
        elif start is not None:
            silences.append((start, float(value)))
            start = None
    if start is not None:  # quiet to the end
        silences.append((start, duration))
    return AudioHealth(
        integrated_lufs=_number(lufs.group(1)),
        sample_peak_dbfs=stats.get("Peak level", _number(peaks[0])),
        true_peak_dbtp=_number(peaks[1]),
        rms_dbfs=stats.get("RMS level", -math.inf),
        noise_floor_dbfs=stats.get("Noise floor", -math.inf),
        silences=tuple(silences),
        duration=duration,
    )


def _pcm_input(rate: int) -> list[str]:
    return ["-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", "pipe:0"]


def _loudness(source: list[str], name: str, true_peak: bool, pcm: bytes | bytearray | None) -> Loudness:
    spec = "ebur128=framelog=verbose" + (":peak=true" if true_peak else "")
    result = run_ffmpeg(["-nostats", *source, "-af", spec, "-f", "null", "-"], what=f"measuring {name}", input=pcm)
    summary = result.stderr.rsplit("Summary:", 1)[-1]
    lufs = _LUFS.search(summary)
    if not lufs:
        raise ToolFailedError(f"measuring {name}: no loudness in ffmpeg's report")
    peak = _PEAK.search(summary) if true_peak else None
    return Loudness(_number(lufs.group(1)), _number(peak.group(1)) if peak else None)


def _number(text: str) -> float:
    if text.endswith("inf"):
        return -math.inf if text.startswith("-") else math.inf
    try:
        return float(text)
    except ValueError:
        return -math.inf


def encode_segment(
    pcm: bytes | bytearray,
    rate: int,
    *,
    gain_db: float,
    limiter_dbfs: float,
    encodings: frozenset[str],
    aac_bitrate: str,
    mp3_bitrate: str,
    mp3_sample_rate: int,
    mp3_samples: int,
    label: str = "",
) -> dict[str, bytes]:
    """Apply gain and a peak limiter once, then encode an ADTS AAC stream, an MP3, or both
    in one pass, as `encodings` asks; returns their bytes (nothing is written to disk).

    The MP3 is fed exactly `mp3_samples` samples (the PCM at the MP3 rate, padded or cut
    in its closing silence) so that it decodes to as many samples as the AAC stream does.
    """
    limit = 10 ** (limiter_dbfs / 20)
    mastered = f"[0:a]volume={gain_db:.2f}dB,alimiter=limit={limit:.4f}:level=false:latency=true:attack=5:release=60"
    to_mp3 = f"aresample={mp3_sample_rate},apad=whole_len={mp3_samples},atrim=end_sample={mp3_samples}[mp3]"
    # Into pipes: write whole buffers, not a syscall per packet (the bytes are the same).
    aac_out = ["-map", "[aac]", *BITEXACT, "-c:a", "aac", "-aac_coder", "fast", "-b:a", aac_bitrate, "-flush_packets", "0",
               "-f", "adts"]
    mp3_out = ["-map", "[mp3]", *BITEXACT, "-c:a", "libmp3lame", "-b:a", mp3_bitrate, "-compression_level", "7",
               "-id3v2_version", "0", "-write_xing", "0", "-flush_packets", "0", "-f", "mp3"]
    if encodings >= {AAC, MP3}:  # the AAC on stdout, the MP3 on a second pipe
        graph, outputs = f"{mastered},asplit=2[aac][raw];[raw]{to_mp3}", [*aac_out, "pipe:1", *mp3_out, SIDE_OUTPUT]
    elif AAC in encodings:
        graph, outputs = f"{mastered}[aac]", [*aac_out, "pipe:1"]
    elif MP3 in encodings:
        graph, outputs = f"{mastered},{to_mp3}", [*mp3_out, "pipe:1"]
    else:
        return {}
    result = run_binary("ffmpeg", ["-hide_banner", "-y", *_pcm_input(rate), "-filter_complex", graph, *outputs],
                        what=f"encoding {label or 'a segment'}", input=pcm)
    if encodings >= {AAC, MP3}:
        return {AAC: result.stdout, MP3: result.side}
    return {AAC if AAC in encodings else MP3: result.stdout}


def write_mp3(pcm: bytes | bytearray, rate: int, out: Path, bitrate: str = "64k") -> None:
    """Mono PCM as an MP3 file, complete or not at all."""
    part = out.with_name(f".{out.name}.part")
    try:
        run_ffmpeg(["-y", *_pcm_input(rate), "-c:a", "libmp3lame", "-b:a", bitrate, "-f", "mp3", str(part)],
                   what=f"encoding {out.name}", input=pcm)
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)


# Players that play a file and exit, the first one found is used (ffplay comes with ffmpeg).
PLAYERS = (("ffplay", ["-nodisp", "-autoexit", "-loglevel", "error"]), ("mpv", ["--no-video", "--really-quiet"]),
           ("paplay", []), ("aplay", ["-q"]), ("afplay", []))


def play(path: Path) -> str | None:
    """Play an audio file on this machine's speakers with the first player found; its name,
    or None when there is none."""
    for program, args in PLAYERS:
        if shutil.which(program):
            run(program, [*args, str(path)], what=f"playing {path.name}")
            return program
    return None


def join_mp3(parts: list[Path], out: Path, work_dir: Path) -> None:
    """Join MP3 streams into one file with a fresh Xing header, without re-encoding."""
    listing = work_dir / f"{out.stem}.mp3.txt"
    listing.write_text("".join(f"file '{_concat_quote(p)}'\n" for p in parts), encoding="utf-8")
    run_ffmpeg(
        ["-f", "concat", "-safe", "0", "-i", str(listing), "-map", "0:a", "-c", "copy", *BITEXACT,
         "-id3v2_version", "0", "-write_xing", "1", "-f", "mp3", str(out)],
        what=f"joining {out.name}",
    )


def cut_mp3(source: Path, start: float, duration: float, out: Path) -> None:
    """`duration` seconds of an MP3 from `start`, its frames copied (cut at the nearest frames)."""
    run_ffmpeg(
        ["-ss", f"{start:.3f}", "-i", str(source), "-t", f"{duration:.3f}", "-map", "0:a", "-c", "copy", *BITEXACT,
         "-id3v2_version", "0", "-write_xing", "1", "-f", "mp3", str(out)],
        what=f"cutting {out.name}",
    )


def silent_mp3(seconds: float, out: Path, bitrate: str, sample_rate: int) -> None:
    """`seconds` of mono digital silence as an MP3 of the given format (to join to others)."""
    run_ffmpeg(
        ["-f", "lavfi", "-i", f"anullsrc=r={sample_rate}:cl=mono", "-t", f"{seconds:.3f}", "-c:a", "libmp3lame",
         "-b:a", bitrate, *BITEXACT, "-id3v2_version", "0", "-f", "mp3", str(out)],
        what=f"making {out.name}",
    )


def mux_m4b(adts: list[Path], metadata: Path, out: Path, work_dir: Path, cover: Path | None = None,
            language: str = "") -> None:
    """The M4B from ADTS streams (joined as bytes: ADTS frames stand alone), with tags and
    chapter marks from an FFMETADATA file, the JPEG `cover` as its attached picture and the
    audio track's `language` (ISO 639-2, "deu"), without re-encoding."""
    joined = work_dir / "edition.aac"
    with open(joined, "wb") as sink:
        for part in adts:
            with open(part, "rb") as source:
                shutil.copyfileobj(source, sink, 1 << 20)
    picture = ["-i", str(cover)] if cover else []
    picture_map = ["-map", "2:v", "-disposition:v:0", "attached_pic"] if cover else []
    run_ffmpeg(
        [
            "-f", "aac", "-i", str(joined),
            "-f", "ffmetadata", "-i", str(metadata), *picture,
            "-map", "0:a", *picture_map, "-map_metadata", "1", "-map_chapters", "1",
            *(["-metadata:s:a:0", f"language={language}"] if language else []),
            "-c", "copy", "-fflags", "+bitexact", "-flags:a", "+bitexact",
            "-movflags", "+faststart", "-brand", "M4B ", "-f", "ipod", str(out),
        ],
        what=f"writing {out.name}",
    )
    joined.unlink()


def _concat_quote(path: Path) -> str:
    return str(path.resolve()).replace("'", "'\\''")


def ffmetadata_escape(value: str) -> str:
    """Escape a value for an FFMETADATA file: = ; # \\ and newlines."""
    value = " ".join(value.split())  # no newlines can start a new key
    return re.sub(r"([=;#\\])", r"\\\1", value)
