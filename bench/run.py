"""Benchmark: aloud against the bare chain a user could hand-roll, side by side in one run.

    python bench/run.py [TEXT] [--repeat N] [--only speed|engines]        (make bench)

Two parts. *speed* (written to bench/results.md):

Rows: (a) espeak-ng on the whole text, then ffmpeg AAC into one .m4a; (b) aloud build,
cold cache; (c) the same again, warm; (d) after changing one paragraph in the middle;
(e) cold with --jobs 1 and --jobs 2; (f) cold on the book twice over (memory must not
double). Wall time; peak memory of the whole process tree (sum of PSS, so pages that
forked workers share are counted once; sampled every 50 ms, in the last round only) and
the largest RSS of a single process. Ratios are to (a). Results go to stdout and bench/results.md.

The machine is shared: another tenant's load only ever adds time. The cold runs (a),
(b) and (e) are therefore repeated N times (default 3) in interleaved rounds, so that a
busy minute slows every kind of run alike, and each row reports its fastest run with
the slowest beside it.

*engines* (written to bench/engines.md): each installed engine builds the seed article and
the book cold with --jobs 2; the row gives the whole build's real-time factor (audio
seconds per wall second), its peak memory, and the word error rate `aloud verify` hears.
The last row is bare `espeak-ng` reading the seed's raw text, heard by the same recognizer
and scored against the same normalized words, which the narration should beat.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXT = ROOT.parent / "shared" / "corpus" / "a-christmas-carol.txt"
FALLBACK_TEXT = ROOT / "tests" / "corpus" / "a-christmas-carol.txt"
SEED = next(iter(sorted((ROOT / "seeds").glob("*.txt"))), None)
ALOUD = [sys.executable, "-m", "aloud"]
sys.path.insert(0, str(ROOT / "src"))
from aloud.structure.gutenberg import strip_gutenberg  # noqa: E402
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Row:
    name: str
    seconds: float
    tree_mb: float
    largest_mb: float
    audio_seconds: float | None = None
    slowest: float | None = None  # of repeated runs; `seconds` is the fastest

    def merge(self, other: "Row") -> "Row":
        """One row for repeated runs: the fastest time, the slowest beside it, the largest memory."""
        return Row(
            self.name,
            min(self.seconds, other.seconds),
            max(self.tree_mb, other.tree_mb),
            max(self.largest_mb, other.largest_mb),
            self.audio_seconds or other.audio_seconds,
            max(self.slowest or self.seconds, other.slowest or other.seconds),
        )


def _pss(pid: int) -> int:
    """Proportional set size: shared pages (forked workers share most of theirs) counted once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree_memory(root_pid: int) -> tuple[int, int]:
    """Total PSS of `root_pid` and all its descendants, and the largest single RSS (bytes)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * PAGE
    total = largest = 0
    stack = [root_pid]
    while stack:
        pid = stack.pop()
        total += _pss(pid)
        largest = max(largest, rss.get(pid, 0))
        stack.extend(children.get(pid, []))
    return total, largest


def measure(name: str, commands: list[list[str]], memory: bool = True) -> Row:
    """Wall time of `commands` run one after the other; with `memory`, their peak memory too.

    Sampling memory reads /proc for the whole tree every 50 ms, which costs CPU: on two
    cores it would slow a run that uses both more than one that uses one, so the timed
    rounds of the cold runs sample memory in one round only."""
    peak_total = peak_largest = 0
    start = time.perf_counter()
    for command in commands:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak_total, peak_largest
            while not done.is_set():
                total, largest = _tree_memory(process.pid)
                peak_total, peak_largest = max(peak_total, total), max(peak_largest, largest)
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        if memory:
            sampler.start()
        _, stderr = process.communicate()
        done.set()
        if memory:
            sampler.join()
        if process.returncode != 0:
            raise SystemExit(f"{name}: {' '.join(command)} failed:\n{stderr.decode(errors='replace')}")
    seconds = time.perf_counter() - start
    return Row(name, seconds, peak_total / 2**20, peak_largest / 2**20)


def probe_seconds(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout
    return float(out)


def change_middle_paragraph(text: str) -> str:
    paragraphs = text.split("\n\n")
    middle = len(paragraphs) // 2
    while len(paragraphs[middle].split()) < 20:
        middle += 1
    paragraphs[middle] = paragraphs[middle].replace(" the ", " the very ", 1)
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", type=Path, help="the text to build (default: A Christmas Carol)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the cold runs (default 3)")
    parser.add_argument("--only", choices=("speed", "engines"), help="run one part (default: both)")
    args = parser.parse_args()
    source = args.text or (DEFAULT_TEXT if DEFAULT_TEXT.exists() else FALLBACK_TEXT)
    if args.only != "engines":
        speed(source, args.repeat)
    if args.only != "speed":
        engines(source)


def speed(source: Path, repeat: int) -> None:
    text = source.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    work = Path(tempfile.mkdtemp(prefix="aloud-bench-"))
    book = work / "book.txt"
    book.write_text(text, encoding="utf-8")
    jobs = os.cpu_count() or 1
    timed: dict[str, Row] = {}

    def aloud(out: str, cache: str, *extra: str, path: Path = book) -> list[str]:
        return [*ALOUD, "build", str(path), "-o", str(work / out), "--cache-dir", str(work / cache), "-q", *extra]

    def cold(name: str, out: str, *extra: str, memory: bool) -> None:
        shutil.rmtree(work / out, ignore_errors=True)
        shutil.rmtree(work / f"{out}-cache", ignore_errors=True)
        row = measure(name, [aloud(out, f"{out}-cache", *extra)], memory)
        row.audio_seconds = probe_seconds(next((work / out).glob("*/*.m4b")))
        timed[name] = timed[name].merge(row) if name in timed else row

    names = {
        "bare": "(a) bare chain: espeak-ng -w, ffmpeg AAC 64k",
        "cold": f"(b) aloud build, cold (--jobs {jobs})",
        "jobs1": "(e) cold, --jobs 1",
        "jobs2": "(e) cold, --jobs 2",
    }
    try:
        for round_ in range(repeat):
            print(f"round {round_ + 1} of {repeat}", file=sys.stderr)
            memory = round_ == repeat - 1
            bare = measure(names["bare"], [
                ["espeak-ng", "-w", str(work / "bare.wav"), "-f", str(book)],
                ["ffmpeg", "-v", "error", "-y", "-i", str(work / "bare.wav"), "-c:a", "aac", "-aac_coder", "fast",
                 "-b:a", "64k", str(work / "bare.m4a")],
            ], memory)
            bare.audio_seconds = probe_seconds(work / "bare.m4a")
            timed[bare.name] = timed[bare.name].merge(bare) if bare.name in timed else bare
            cold(names["cold"], "out", memory=memory)
            cold(names["jobs1"], "out1", "--jobs", "1", memory=memory)
            if jobs != 2:
                cold(names["jobs2"], "out2", "--jobs", "2", memory=memory)
        if jobs == 2:
            timed[names["jobs2"]] = Row(**{**vars(timed[names["cold"]]), "name": names["jobs2"]})
        rows = [timed[names["bare"]], timed[names["cold"]]]
        rows.append(measure("(c) aloud build, warm (nothing changed)", [aloud("out", "out-cache")]))
        changed = work / "changed" / "book.txt"
        changed.parent.mkdir()
        changed.write_text(change_middle_paragraph(text), encoding="utf-8")
        rows.append(measure("(d) one paragraph changed in the middle", [aloud("out", "out-cache", path=changed)]))
        rows += [timed[names["jobs1"]], timed[names["jobs2"]]]
        double = work / "double" / "book.txt"
        double.parent.mkdir()
        stripped = strip_gutenberg(text)
        body = stripped.body if stripped else text
        # The second copy says "Again." after every paragraph, so none of it is in the cache.
        again = "\n\n".join(p + " Again." if len(p.split()) > 3 else p for p in body.split("\n\n"))
        double.write_text(body + "\n\n" + again, encoding="utf-8")
        twice = measure("(f) cold, the book twice over", [aloud("outd", "cached", path=double)])
        twice.audio_seconds = probe_seconds(next((work / "outd").glob("*/*.m4b")))
        rows.append(twice)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    base = rows[0].seconds
    cold_row, jobs1, jobs2 = rows[1], timed[names["jobs1"]], timed[names["jobs2"]]
    header = "| run | wall s (fastest) | slowest | × bare chain | peak memory, tree (PSS) MB | largest process RSS MB | audio × real time |"
    lines = [
        f"Text: `{source.name}` — {len(text.split()):,} words. Machine: {platform.machine()}, {jobs} CPUs, "
        f"Python {platform.python_version()}. {time.strftime('%Y-%m-%d')}. Cold runs: fastest of "
        f"{repeat}, interleaved{' (with 2 CPUs, (b) is the --jobs 2 run)' if jobs == 2 else ''}.",
        "",
        header,
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        speed = f"{r.audio_seconds / r.seconds:,.0f}×" if r.audio_seconds else ""
        slowest = f"{r.slowest:.1f}" if r.slowest else ""
        lines.append(
            f"| {r.name} | {r.seconds:.1f} | {slowest} | {r.seconds / base:.2f} | {r.tree_mb:.0f} | "
            f"{r.largest_mb:.0f} | {speed} |"
        )
    lines += [
        "",
        f"- cold build: {cold_row.seconds / base:.2f}× the bare chain (target ≤ 1.0×)",
        f"- warm rebuild: {rows[2].seconds / cold_row.seconds:.1%} of cold (target ≤ 5 %)",
        f"- one paragraph changed: {rows[3].seconds / cold_row.seconds:.1%} of cold (target ≤ 15 %)",
        f"- --jobs 2 is {jobs1.seconds / jobs2.seconds:.2f}× faster than --jobs 1 (target ≥ 1.7×)",
        f"- book twice over: peak tree memory {rows[-1].tree_mb / max(cold_row.tree_mb, 1):.2f}× the single book's",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    (ROOT / "bench" / "results.md").write_text("# Benchmark results\n\n" + report, encoding="utf-8")


@dataclass
class EngineRow:
    engine: str
    text: str
    build: Row | None  # None for the bare chain, which is not an aloud build
    words: int
    wer: float
    verify_seconds: float
    missing: int


def _installed_engines() -> list[str]:
    from aloud.speech.registry import create_engine
    from aloud.errors import AloudError

    found = []
    for name in ("pyttsx3", "hibari"):
        try:
            create_engine(name).check_available()
        except AloudError as exc:
            print(f"engines: {name} left out: {exc.message}", file=sys.stderr)
            continue
        found.append(name)
    return found


def _verify(folder: Path) -> tuple[dict, float]:
    start = time.perf_counter()
    result = subprocess.run([*ALOUD, "verify", str(folder), "--json"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"aloud verify {folder} failed:\n{result.stderr}")
    return json.loads(result.stdout), seconds


def _bare_espeak_wer(text_path: Path, work: Path) -> EngineRow:
    """espeak-ng reading the raw text, heard and scored like an edition."""
    from aloud.audio import ffmpeg
    from aloud.proof.verify import RECOGNIZER_RATE, WhisperRecognizer, align, normal_words

    wav = work / "bare-seed.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), "-f", str(text_path)], check=True, capture_output=True)
    start = time.perf_counter()
    heard = WhisperRecognizer().transcribe(ffmpeg.decode_mono_float(wav, RECOGNIZER_RATE))
    seconds = time.perf_counter() - start
    alignment = align(normal_words(text_path.read_text(encoding="utf-8-sig")), normal_words(heard))
    return EngineRow("bare espeak-ng, raw text", text_path.name, None, alignment.words, alignment.error_rate, seconds,
                     len(alignment.missing()))


def engines(book: Path) -> None:
    texts = [(f"seed ({SEED.name})", SEED)] if SEED else []
    texts.append((book.name, book))
    work = Path(tempfile.mkdtemp(prefix="aloud-bench-engines-"))
    rows: list[EngineRow] = []
    try:
        for engine in _installed_engines():
            for label, path in texts:
                print(f"engines: {engine} on {label}", file=sys.stderr)
                out, cache = work / f"{engine}-{path.stem}", work / f"{engine}-{path.stem}-cache"
                command = [*ALOUD, "build", str(path), "-o", str(out), "--cache-dir", str(cache), "-q",
                           "--engine", engine, "--jobs", "2"]
                row = measure(f"{engine}, {label}", [command])
                folder = next(out.glob("*/chapters.json")).parent
                row.audio_seconds = probe_seconds(next(folder.glob("*.m4b")))
                report, seconds = _verify(folder)
                missing = sum(len(c["missing"]) for c in report["chapters"])
                rows.append(EngineRow(engine, label, row, report["words"], report["word_error_rate"], seconds, missing))
        if SEED:
            rows.append(_bare_espeak_wer(SEED, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}. "
        f"{time.strftime('%Y-%m-%d')}. Cold builds with --jobs 2, one run each; word error rate from "
        "`aloud verify` (Whisper tiny.en).",
        "",
        "| engine | text | audio | build wall s | × real time | peak memory, tree (PSS) MB | largest process RSS MB "
        "| words | word error rate | missing passages | verify s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        b = r.build
        build_cells = (
            f"{b.audio_seconds / 60:.1f} min | {b.seconds:.1f} | {b.audio_seconds / b.seconds:,.0f}× | {b.tree_mb:.0f} | "
            f"{b.largest_mb:.0f}" if b else " |  |  |  | "
        )
        lines.append(f"| {r.engine} | {r.text} | {build_cells} | {r.words:,} | {r.wer:.1%} | {r.missing} | {r.verify_seconds:.0f} |")
    by = {(r.engine, r.text): r for r in rows}
    seed_label = texts[0][0] if SEED else None
    bare = rows[-1] if SEED else None
    if seed_label and ("hibari", seed_label) in by:
        h = by[("hibari", seed_label)]
        h_carol = by.get(("hibari", book.name))
        lines += ["", f"- hibari, seed: {h.build.audio_seconds / h.build.seconds:.0f}× real time (target ≥ 50×), "
                  f"word error rate {h.wer:.1%} (target ≤ 12 %)"]
        if h_carol:
            lines.append(f"- hibari, {book.name}: largest process {h_carol.build.largest_mb:.0f} MB (target ≤ 1 GB), "
                         f"{h_carol.build.audio_seconds / h_carol.build.seconds:.0f}× real time")
    if seed_label and ("pyttsx3", seed_label) in by and bare:
        p = by[("pyttsx3", seed_label)]
        lines.append(f"- pyttsx3 (espeak-ng) edition, seed: word error rate {p.wer:.1%} against {bare.wer:.1%} for bare "
                     "espeak-ng reading the raw text (target: lower)")
    report = "\n".join(lines) + "\n"
    print(report)
    (ROOT / "bench" / "engines.md").write_text("# Engines: speed, memory and intelligibility\n\n" + report, encoding="utf-8")


if __name__ == "__main__":
    main()
