"""Benchmark: aloud against the bare chain a user could hand-roll, side by side in one run.

    python bench/run.py [TEXT] [--repeat N] [--only speed|engines|pdf|site|cluster|estimate|proofread] [--baseline REF]   (make bench)

Seven parts; *proofread* (written to bench/proofread.md, seconds) aligns what the narration
says of each corpus novel with its text and counts what a narrator would not say
(bench/proofread.py). *estimate* (written to bench/estimate.md) compares, for each installed engine,
what `aloud plan` says an edition will last with what the build makes: from the words
alone (an empty cache), and at the voice's pace learned from another text in the cache.
*cluster* (written to bench/cluster.md) builds the text cold locally with
--jobs 2 and on two single-thread Dask workers on this machine, side by side: the
overhead, the bytes over the network per hour of audio, and the client's serial share. *pdf* (written to bench/pdf.md) times `aloud plan` on PDFs of 100 to 1,000 pages.
*site* (written to bench/site.md) builds 50 short articles cut from the text into one site
with its feed, cold; again with nothing changed; after adding one article; and that one
article alone. *speed* (written to bench/results.md):

Rows: (a) espeak-ng on the whole text, then ffmpeg AAC into one .m4a; (b) aloud build,
cold cache, every output, and with --outputs m4b (and, with --baseline, aloud at another
commit, from a git worktree, in the same rounds); (c) the same again, warm; (d) after
changing one paragraph in the middle; (e) cold with --jobs 1 and --jobs 2; (f) cold on
the book twice over (memory must not double). Wall time; peak memory of the whole process tree (sum of PSS, so pages that
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
# The `aloud` program as users run it: the script pip installs (multiprocessing starts workers
# by importing a program's main module, so how aloud is started shapes what a worker loads).
_SCRIPT = Path(sys.executable).with_name("aloud")
ALOUD = [sys.executable, str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "aloud"]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
from aloud.structure.gutenberg import strip_gutenberg  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def write_report(name: str, lines: list[str]) -> None:
    """A part's table, printed and written to bench/NAME."""
    report = "\n".join(lines) + "\n"
    print(report)
    (ROOT / "bench" / name).write_text(report, encoding="utf-8")


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


def measure(name: str, commands: list[list[str]], memory: bool = True, env: dict[str, str] | None = None) -> Row:
    """Wall time of `commands` run one after the other; with `memory`, their peak memory too.

    Sampling memory reads /proc for the whole tree every 50 ms, which costs CPU: on two
    cores it would slow a run that uses both more than one that uses one, so the timed
    rounds of the cold runs sample memory in one round only."""
    peak_total = peak_largest = 0
    start = time.perf_counter()
    for command in commands:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
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
    parser.add_argument("--only", choices=("speed", "engines", "pdf", "site", "cluster", "estimate", "proofread"),
                        help="run one part (default: all)")
    parser.add_argument("--baseline", metavar="REF", help="also build cold with aloud at this git commit, side by side")
    args = parser.parse_args()
    source = args.text or (DEFAULT_TEXT if DEFAULT_TEXT.exists() else FALLBACK_TEXT)
    if args.only in (None, "speed"):
        speed(source, args.repeat, args.baseline)
    if args.only in (None, "engines"):
        engines(source)
    if args.only in (None, "pdf"):
        pdf_plans(args.repeat)
    if args.only in (None, "site"):
        site(source, args.repeat)
    if args.only in (None, "cluster"):
        cluster(source, args.repeat)
    if args.only in (None, "estimate"):
        estimates(source)
    if args.only in (None, "proofread"):
        from proofread import proofread_all

        print(proofread_all(ROOT / "bench" / "proofread.md"))


CORPUS = ROOT.parent / "shared" / "corpus"
LEARNED_FROM = CORPUS / "markdown" / "500lines-template-engine.md"


def estimates(book: Path) -> None:
    """`aloud plan`'s duration against the build's, per engine: (1) with an empty cache, from
    the words alone; (2) after another text was built into the cache, at the pace learned from
    it (none of the target's segments is in it). Each target is built into a cache of its own."""
    targets = [(t, rate) for t, rate in ((SEED, None), (CORPUS / "markdown" / "500lines-flow-shop.md", None),
                                        (CORPUS / "web" / "guardian-1" / "source.html", None),
                                        (CORPUS / "web" / "bbc-1" / "source.html", None), (book, None),
                                        (SEED, 220), (book, 220)) if t is not None and t.exists()]
    if not LEARNED_FROM.exists():
        print(f"estimate: {LEARNED_FROM} is missing: nothing to learn from", file=sys.stderr)
        return
    work = Path(tempfile.mkdtemp(prefix="aloud-bench-estimate-"))
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}. "
        f"{time.strftime('%Y-%m-%d')}. The pace is learned from `{LEARNED_FROM.name}` built at the default rate; "
        "no target's segments are in the cache. Error: (plan − build) ÷ build.",
        "",
        "| engine | text | rate | build | plan, empty cache | error | plan, pace learned | error | learned from |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    errors: dict[str, tuple[list[float], list[float]]] = {}
    try:
        for engine in _installed_engines():
            learned = work / f"{engine}-learned"
            subprocess.run([*ALOUD, "build", str(LEARNED_FROM), "--engine", engine, "--outputs", "m4b", "-q",
                            "-o", str(work / "out"), "--cache-dir", str(learned)], check=True)
            for n, (target, rate) in enumerate(targets):
                extra = ["--engine", engine, *(["--rate", str(rate)] if rate else [])]

                def plan(cache: Path) -> dict:
                    done = subprocess.run([*ALOUD, "plan", str(target), "--json", "--cache-dir", str(cache), *extra],
                                          check=True, capture_output=True, text=True)
                    return json.loads(done.stdout)

                blind, calibrated = plan(work / "empty"), plan(learned)
                out = work / f"{engine}-{n}"
                subprocess.run([*ALOUD, "build", str(target), *extra, "--outputs", "m4b", "-q", "-o", str(out),
                                "--cache-dir", str(work / f"{engine}-cache-{n}")], check=True)
                [made] = out.glob("*/chapters.json")
                actual = json.loads(made.read_text(encoding="utf-8"))["duration"]
                e0 = blind["estimated_seconds"] / actual - 1
                e1 = calibrated["estimated_seconds"] / actual - 1
                errors.setdefault(engine, ([], []))[0].append(abs(e0))
                errors[engine][1].append(abs(e1))
                pace = calibrated["estimate"]["pace"]
                lines.append(
                    f"| {engine} | {target.parent.name + '/' if target.name == 'source.html' else ''}{target.name} | "
                    f"{calibrated['rate']} | {actual / 60:.2f} min | "
                    f"{blind['estimated_seconds'] / 60:.2f} min | {100 * e0:+.1f}% | "
                    f"{calibrated['estimated_seconds'] / 60:.2f} min | {100 * e1:+.1f}% | "
                    f"{pace['segments'] if pace else 0} segments |")
                shutil.rmtree(out, ignore_errors=True)
        lines.append("")
        for engine, (blind, calibrated) in errors.items():
            lines.append(f"- {engine}: mean |error| {100 * sum(blind) / len(blind):.1f}% from the words alone, "
                         f"{100 * sum(calibrated) / len(calibrated):.1f}% at the learned pace "
                         f"(largest {100 * max(calibrated):.1f}%)")
        write_report("estimate.md", lines)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _loopback_bytes() -> int:
    """Bytes through the loopback interface so far (each packet counted once)."""
    for line in Path("/proc/net/dev").read_text().splitlines():
        name, _, fields = line.partition(":")
        if name.strip() == "lo":
            return int(fields.split()[0])
    return 0


def _timed_build(command: list[str]) -> tuple[float, float]:
    """Wall seconds of a build, and of its speaking (from its progress lines)."""
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    spoken = [float(line.rsplit(" in ", 1)[1].split()[0]) for line in result.stderr.splitlines()
              if line.startswith("Speaking and encoding") and " done in " in line]
    return seconds, sum(spoken)


def cluster(source: Path, repeat: int) -> None:
    """The text built cold with --jobs 2 here and on a Dask cluster of two single-thread
    workers on this machine (a scheduler and two `dask worker` processes), in interleaved
    rounds; fastest of `repeat` each. The cluster's overhead should stay within 10 %."""
    text = source.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    work = Path(tempfile.mkdtemp(prefix="aloud-bench-cluster-"))
    sys.path.insert(0, str(ROOT / "tests"))
    from dask_loopback import loopback_cluster

    try:
        book = work / "book.txt"
        book.write_text(text, encoding="utf-8")

        def command(out: str, *extra: str) -> list[str]:
            shutil.rmtree(work / out, ignore_errors=True)
            shutil.rmtree(work / f"{out}-cache", ignore_errors=True)
            return [*ALOUD, "build", str(book), "-o", str(work / out), "--cache-dir", str(work / f"{out}-cache"),
                    *extra]

        local, remote, traffic = [], [], []
        with loopback_cluster(work / "dask", workers=2) as address:
            for round_ in range(repeat):
                print(f"round {round_ + 1} of {repeat}", file=sys.stderr)
                local.append(_timed_build(command("local", "--jobs", "2")))
                before = _loopback_bytes()
                remote.append(_timed_build(command("cluster", "--scheduler", address)))
                traffic.append(_loopback_bytes() - before)
        audio = probe_seconds(next((work / "cluster").glob("*/*.m4b")))
        received = sum(f.stat().st_size for f in (work / "cluster-cache").rglob("*") if f.is_file())
        (local_s, local_speak), (remote_s, remote_speak) = min(local), min(remote)
        serial = remote_s - remote_speak
        lines = [
            f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}. "
            f"{time.strftime('%Y-%m-%d')}. `{source.name}` ({len(text.split()):,} words, {audio / 3600:.2f} h of "
            f"audio), every output, cold; fastest of {repeat}, interleaved. The cluster: `dask scheduler` and two "
            "`dask worker --nthreads 1` on this machine, over loopback TCP.",
            "",
            "| run | wall s | of it speaking s | × local | audio × real time |",
            "|---|---:|---:|---:|---:|",
            f"| local, --jobs 2 | {local_s:.1f} | {local_speak:.1f} | 1.00 | {audio / local_s:.0f}× |",
            f"| Dask, 2 workers × 1 thread | {remote_s:.1f} | {remote_speak:.1f} | {remote_s / local_s:.2f} | "
            f"{audio / remote_s:.0f}× |",
            "",
            f"- cluster overhead: {100 * (remote_s / local_s - 1):+.1f} % (target ≤ 10 %)",
            f"- over the network: {min(traffic) / 2**20 / (audio / 3600):.1f} MB per hour of audio (all Dask "
            f"traffic on loopback); the encoded segments received: {received / 2**20 / (audio / 3600):.1f} MB an hour",
            f"- the client's serial share (joining and writing the outputs, after the last segment): {serial:.1f} s, "
            f"{100 * serial / remote_s:.0f} % of the build",
            f"- N such machines (2 workers each): about {serial:.1f} + {remote_speak:.1f} / N s — "
            + ", ".join(f"N={n}: {serial + remote_speak / n:.0f} s ({remote_s / (serial + remote_speak / n):.1f}×)"
                        for n in (2, 4, 8, 16)),
        ]
        write_report("cluster.md", lines)
    finally:
        shutil.rmtree(work, ignore_errors=True)


ARTICLES = 50
ARTICLE_WORDS = 180  # at least: whole paragraphs are taken


def cut_articles(text: str, folder: Path, count: int) -> list[Path]:
    """`count` Markdown articles of about ARTICLE_WORDS words each, whole paragraphs of
    `text` in turn, each with a title and a date."""
    stripped = strip_gutenberg(text)
    body = stripped.body if stripped else text
    paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if len(p.split()) >= 8]
    articles, taken = [], 0
    for n in range(1, count + 1):
        body: list[str] = []
        while sum(len(p.split()) for p in body) < ARTICLE_WORDS:
            body.append(paragraphs[taken % len(paragraphs)])
            taken += 1
        path = folder / f"article-{n:02d}.md"
        day = 1 + (n - 1) % 28
        path.write_text(f"---\ntitle: Reading {n}\nauthor: The Bench Review\ndate: 2026-{1 + (n - 1) // 28:02d}-{day:02d}\n"
                        f"---\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        articles.append(path)
    return articles


def site(source: Path, repeat: int) -> None:
    """A site of ARTICLES articles with its feed: cold (once: it is the long run), then
    nothing changed, one article added, and the added article on its own (fastest of
    `repeat` each). Adding one should cost about what that article costs alone."""
    text = source.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    work = Path(tempfile.mkdtemp(prefix="aloud-bench-site-"))
    try:
        folder = work / "articles"
        folder.mkdir()
        articles = cut_articles(text, folder, ARTICLES + 1)
        extra = articles.pop()
        aside = work / extra.name
        extra.rename(aside)
        words = sum(len(a.read_text(encoding="utf-8").split()) for a in articles)

        def build(out: str, cache: str, *inputs: Path) -> list[str]:
            return [*ALOUD, "build", *map(str, inputs), "-o", str(work / out), "--cache-dir", str(work / cache),
                    "--base-url", "https://example.org/audio/", "-q"]

        cold = measure(f"(a) {ARTICLES} articles, cold", [build("site", "cache", folder)])
        editions = sorted(p.parent for p in (work / "site").glob("*/chapters.json"))
        audio = sum(json.loads((e / "chapters.json").read_text(encoding="utf-8"))["duration"] for e in editions)
        states = {p: p.stat().st_mtime_ns for e in editions for p in e.rglob("*") if p.is_file()}
        warm = min((measure("(b) nothing changed", [build("site", "cache", folder)]) for _ in range(repeat)),
                   key=lambda r: r.seconds)
        added_runs = []
        alone_runs = []
        for _ in range(repeat):
            shutil.rmtree(work / "site" / "reading-51", ignore_errors=True)
            shutil.rmtree(work / "cache-added", ignore_errors=True)
            shutil.copytree(work / "cache", work / "cache-added")  # the 50 spoken, the new one not
            shutil.copy(aside, folder / extra.name)
            added_runs.append(measure("(c) one article added", [build("site", "cache-added", folder)]))
            (folder / extra.name).unlink()
            shutil.rmtree(work / "alone", ignore_errors=True)
            shutil.rmtree(work / "cache-alone", ignore_errors=True)
            alone_runs.append(measure("(d) that article alone, cold", [build("alone", "cache-alone", aside)]))
        untouched = all(p.stat().st_mtime_ns == t for p, t in states.items())
        added, alone = min(added_runs, key=lambda r: r.seconds), min(alone_runs, key=lambda r: r.seconds)
        feed = (work / "site" / "feed.xml").read_text(encoding="utf-8")
        lines = [
            f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}. "
            f"{time.strftime('%Y-%m-%d')}. {ARTICLES} Markdown articles of about {ARTICLE_WORDS} words cut from "
            f"`{source.name}` ({words:,} words, {audio / 3600:.2f} h of audio), built with every output and the feed. "
            f"(a) once; (b)–(d) fastest of {repeat}.",
            "",
            "| run | wall s | × (a) | s an edition | peak memory, tree (PSS) MB | largest process RSS MB |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for row, count in ((cold, ARTICLES), (warm, ARTICLES), (added, 1), (alone, 1)):
            lines.append(f"| {row.name} | {row.seconds:.1f} | {row.seconds / cold.seconds:.3f} | "
                         f"{row.seconds / count:.2f} | {row.tree_mb:.0f} | {row.largest_mb:.0f} |")
        lines += [
            "",
            f"- one article added: {added.seconds / alone.seconds:.2f}× that article alone "
            f"(the other {ARTICLES} checked and left as they were: {'untouched' if untouched else 'REWRITTEN'})",
            f"- nothing changed: {100 * warm.seconds / cold.seconds:.1f}% of cold",
            f"- the feed: {feed.count('<item>')} items, {len(feed.encode()) / 1024:.0f} KB",
        ]
        write_report("site.md", lines)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def pdf_plans(repeat: int) -> None:
    """`aloud plan` on typeset PDFs of 100, 300 and 1,000 pages (tests/pdf_books.py: an
    outline, running heads, page numbers), and on the corpus's largest real PDF: wall time
    (fastest of `repeat`) and peak memory. Time should grow with the pages, memory hardly."""
    sys.path.insert(0, str(ROOT / "tests"))
    from pdf_books import make_long

    work = Path(tempfile.mkdtemp(prefix="aloud-bench-pdf-"))
    try:
        inputs = [(f"typeset, {n:,} pages", make_long(work / f"long-{n}.pdf", pages=n)) for n in (100, 300, 1000)]
        real = ROOT / "tests" / "corpus" / "pdf" / "The-Art-of-Public-Speaking.pdf"
        inputs.append(("The-Art-of-Public-Speaking.pdf, 467 pages", real))
        rows = []
        for name, path in inputs:
            runs = [measure(name, [[*ALOUD, "plan", str(path)]], memory=(n == repeat - 1)) for n in range(repeat)]
            fastest = min(r.seconds for r in runs)
            rows.append((name, path.stat().st_size / 2**20, fastest, max(r.seconds for r in runs), runs[-1].tree_mb))
        lines = [
            f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}. "
            f"{time.strftime('%Y-%m-%d')}. `aloud plan`, fastest of {repeat}; memory sampled in the last run.",
            "",
            "| PDF | file MB | wall s (fastest) | slowest | ms a page | peak memory (PSS) MB |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, size, fastest, slowest, memory in rows:
            pages = int(name.split(", ")[-1].split()[0].replace(",", ""))
            lines.append(f"| {name} | {size:.1f} | {fastest:.2f} | {slowest:.2f} | {1000 * fastest / pages:.1f} | "
                         f"{memory:.0f} |")
        write_report("pdf.md", lines)
    finally:
        shutil.rmtree(work, ignore_errors=True)


class Bench:
    """The speed part's work folder, the commands it times and the rows it keeps."""

    def __init__(self, text: str, baseline: str | None) -> None:
        self.work = Path(tempfile.mkdtemp(prefix="aloud-bench-"))
        self.book = self.work / "book.txt"
        self.book.write_text(text, encoding="utf-8")
        self.jobs = os.cpu_count() or 1
        self.timed: dict[str, Row] = {}
        self.baseline = baseline
        self.baseline_env: dict[str, str] | None = None
        if baseline:
            tree = self.work / "baseline"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), baseline],
                           check=True, capture_output=True)
            self.baseline_env = {**os.environ, "PYTHONPATH": str(tree / "src")}

    def close(self) -> None:
        if self.baseline:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(self.work / "baseline")],
                           capture_output=True)
        shutil.rmtree(self.work, ignore_errors=True)

    def aloud(self, out: str, cache: str, *extra: str, path: Path | None = None) -> list[str]:
        return [*ALOUD, "build", str(path or self.book), "-o", str(self.work / out), "--cache-dir",
                str(self.work / cache), "-q", *extra]

    def keep(self, row: Row) -> Row:
        self.timed[row.name] = self.timed[row.name].merge(row) if row.name in self.timed else row
        return self.timed[row.name]

    def cold(self, name: str, out: str, *extra: str, memory: bool, env: dict[str, str] | None = None) -> None:
        shutil.rmtree(self.work / out, ignore_errors=True)
        shutil.rmtree(self.work / f"{out}-cache", ignore_errors=True)
        row = measure(name, [self.aloud(out, f"{out}-cache", *extra)], memory, env)
        row.audio_seconds = probe_seconds(next((self.work / out).glob("*/*.m4b")))
        self.keep(row)

    def bare(self, memory: bool) -> None:
        wav, m4a = self.work / "bare.wav", self.work / "bare.m4a"
        row = measure(NAMES["bare"], [
            ["espeak-ng", "-w", str(wav), "-f", str(self.book)],
            ["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-c:a", "aac", "-aac_coder", "fast", "-b:a", "64k", str(m4a)],
        ], memory)
        row.audio_seconds = probe_seconds(m4a)
        self.keep(row)


NAMES = {
    "bare": "(a) bare chain: espeak-ng -w, ffmpeg AAC 64k",
    "cold": "(b) aloud build, cold, every output",
    "m4b": "(b) aloud build, cold, --outputs m4b",
    "baseline": "(b) aloud {ref}, cold, every output",
    "jobs1": "(e) cold, --jobs 1",
    "jobs2": "(e) cold, --jobs 2",
}


def speed(source: Path, repeat: int, baseline: str | None = None) -> None:
    text = source.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    bench = Bench(text, baseline)
    try:
        _cold_rounds(bench, repeat)
        rows = _rows(bench, text)
    finally:
        bench.close()
    report = _speed_report(bench, rows, source, text, repeat)
    print(report)
    (ROOT / "bench" / "results.md").write_text("# Benchmark results\n\n" + report, encoding="utf-8")


def _cold_rounds(bench: Bench, repeat: int) -> None:
    """The cold runs, repeated in interleaved rounds (memory sampled in the last only)."""
    for round_ in range(repeat):
        print(f"round {round_ + 1} of {repeat}", file=sys.stderr)
        memory = round_ == repeat - 1
        bench.bare(memory)
        bench.cold(NAMES["cold"], "out", memory=memory)
        bench.cold(NAMES["m4b"], "outm", "--outputs", "m4b", memory=memory)
        if bench.baseline:
            bench.cold(NAMES["baseline"].format(ref=bench.baseline), "outb", memory=memory, env=bench.baseline_env)
        bench.cold(NAMES["jobs1"], "out1", "--jobs", "1", memory=memory)
        if bench.jobs != 2:
            bench.cold(NAMES["jobs2"], "out2", "--jobs", "2", memory=memory)
    if bench.jobs == 2:
        bench.timed[NAMES["jobs2"]] = Row(**{**vars(bench.timed[NAMES["cold"]]), "name": NAMES["jobs2"]})


def _rows(bench: Bench, text: str) -> list[Row]:
    """The rows in table order, with the warm, edited and doubled runs measured once each."""
    timed = bench.timed
    rows = [timed[NAMES["bare"]], timed[NAMES["cold"]], timed[NAMES["m4b"]]]
    if bench.baseline:
        rows.append(timed[NAMES["baseline"].format(ref=bench.baseline)])
    rows.append(measure("(c) aloud build, warm (nothing changed)", [bench.aloud("out", "out-cache")]))
    changed = bench.work / "changed" / "book.txt"
    changed.parent.mkdir()
    changed.write_text(change_middle_paragraph(text), encoding="utf-8")
    rows.append(measure("(d) one paragraph changed in the middle", [bench.aloud("out", "out-cache", path=changed)]))
    rows += [timed[NAMES["jobs1"]], timed[NAMES["jobs2"]]]
    double = bench.work / "double" / "book.txt"
    double.parent.mkdir()
    stripped = strip_gutenberg(text)
    body = stripped.body if stripped else text
    # The second copy says "Again." after every paragraph, so none of it is in the cache.
    again = "\n\n".join(p + " Again." if len(p.split()) > 3 else p for p in body.split("\n\n"))
    double.write_text(body + "\n\n" + again, encoding="utf-8")
    twice = measure("(f) cold, the book twice over", [bench.aloud("outd", "cached", path=double)])
    twice.audio_seconds = probe_seconds(next((bench.work / "outd").glob("*/*.m4b")))
    rows.append(twice)
    return rows


def _speed_report(bench: Bench, rows: list[Row], source: Path, text: str, repeat: int) -> str:
    by = {r.name: r for r in rows}
    base, cold_row, m4b = by[NAMES["bare"]].seconds, by[NAMES["cold"]], by[NAMES["m4b"]]
    warm, edited = by["(c) aloud build, warm (nothing changed)"], by["(d) one paragraph changed in the middle"]
    jobs1, jobs2, twice = by[NAMES["jobs1"]], by[NAMES["jobs2"]], rows[-1]
    header = "| run | wall s (fastest) | slowest | × bare chain | peak memory, tree (PSS) MB | largest process RSS MB | audio × real time |"
    lines = [
        f"Text: `{source.name}` — {len(text.split()):,} words. Machine: {platform.machine()}, {bench.jobs} CPUs, "
        f"Python {platform.python_version()}. {time.strftime('%Y-%m-%d')}. Cold runs: fastest of "
        f"{repeat}, interleaved{' (with 2 CPUs, (b) is the --jobs 2 run)' if bench.jobs == 2 else ''}.",
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
        f"- cold build, --outputs m4b: {m4b.seconds / base:.2f}× the bare chain (target ≤ 0.8×)",
    ]
    if bench.baseline:
        old = by[NAMES["baseline"].format(ref=bench.baseline)]
        lines.append(f"- cold build against aloud {bench.baseline}: {cold_row.seconds / old.seconds:.2f}× its time "
                     "(target ≤ 1.0×)")
    lines += [
        f"- warm rebuild: {warm.seconds / cold_row.seconds:.1%} of cold (target ≤ 5 %)",
        f"- one paragraph changed: {edited.seconds / cold_row.seconds:.1%} of cold (target ≤ 15 %)",
        f"- --jobs 2 is {jobs1.seconds / jobs2.seconds:.2f}× faster than --jobs 1 (target ≥ 1.7×)",
        f"- book twice over: peak tree memory {twice.tree_mb / max(cold_row.tree_mb, 1):.2f}× the single book's",
    ]
    return "\n".join(lines) + "\n"


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
    from aloud.errors import AloudError
    from aloud.speech.registry import create_engine

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
