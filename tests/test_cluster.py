"""Segment tasks on a real Dask cluster on loopback: `dask scheduler` and `dask worker`
processes started here, builds run with `aloud build --scheduler`. The audio must equal a
local build's, a killed worker must not change it, and a cluster that cannot run the build
(unreachable, another aloud, a worker without espeak-ng) says so in one line."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import needs_media
from dask_loopback import free_port, loopback_cluster

distributed = pytest.importorskip("distributed", reason="dask is in the `cluster` extra: make test installs it")
pytestmark = needs_media

BIN = Path(sys.executable).parent
ALOUD = [sys.executable, "-m", "aloud"]
CAROL = Path(__file__).parent / "corpus" / "a-christmas-carol.txt"


def cluster(tmp_path: Path, workers: int = 2, env: dict[str, str] | None = None):
    return loopback_cluster(tmp_path / "dask-logs", workers, env)


def building(tmp_path: Path, book: Path, address: str, cache: Path) -> subprocess.Popen:
    """A build on the cluster, started, once its first segment is in the cache."""
    running = subprocess.Popen([*ALOUD, "build", str(book), "-o", str(tmp_path / "out"), "--cache-dir", str(cache),
                                "-q", "--scheduler", address], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    end = time.monotonic() + 120
    while not list(cache.rglob("segments/*/*.json")) and time.monotonic() < end and running.poll() is None:
        time.sleep(0.05)
    assert list(cache.rglob("segments/*/*.json")), "no segment came back from the cluster"
    return running


def build(tmp_path: Path, text: Path, out: str, *extra: str, ok: bool = True,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([*ALOUD, "build", str(text), "-o", str(tmp_path / out), "--cache-dir",
                             str(tmp_path / f"{out}-cache"), "-q", *extra], capture_output=True, text=True, timeout=600,
                            env={**os.environ, **(env or {})})
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def audio_of(out: Path) -> tuple[list[str], list]:
    """The md5 of every audio file's packets, and every chapter's and sentence's times."""
    [folder] = [p.parent for p in out.glob("*/chapters.json")]
    files = sorted([*folder.glob("*.m4b"), *folder.glob("mp3/*.mp3")])
    md5 = [subprocess.run(["ffmpeg", "-v", "error", "-i", str(f), "-map", "0:a", "-c", "copy", "-f", "md5", "-"],
                          capture_output=True, text=True, check=True).stdout.strip() for f in files]
    manifest = json.loads((folder / "chapters.json").read_text(encoding="utf-8"))
    times = [(c["start"], c["end"], [(s["start"], s["end"]) for s in c["sentences"]]) for c in manifest["chapters"]]
    return md5, times


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    """Six chapters of the Carol, about 6,000 words: several segment tasks at once."""
    paragraphs = [" ".join(p.split()) for p in CAROL.read_text(encoding="utf-8-sig").split("\n\n")[60:]
                  if len(p.split()) > 30][:60]
    path = tmp_path_factory.mktemp("book") / "carol-six.md"
    path.write_text("# Six Staves\n\n" + "\n\n".join(
        f"## Part {n + 1}\n\n" + "\n\n".join(paragraphs[n * 10:(n + 1) * 10]) for n in range(6)) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_build(book, tmp_path_factory) -> tuple[list[str], list]:
    root = tmp_path_factory.mktemp("local")
    build(root, book, "out", "--jobs", "2")
    return audio_of(root / "out")


def test_a_cluster_build_equals_a_local_build_byte_for_byte(tmp_path, book, local_build):
    with cluster(tmp_path) as address:
        build(tmp_path, book, "out", env={"ALOUD_SCHEDULER": address})  # as --scheduler
        with distributed.Client(address) as client:
            ran = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.task_prefixes["run_on_worker"]
                                          .state_counts["memory"])
    assert ran >= 3  # the segments were spoken on the cluster
    assert audio_of(tmp_path / "out") == local_build


def test_a_worker_killed_mid_task_changes_nothing(tmp_path, book, local_build):
    cache = tmp_path / "cache"
    with cluster(tmp_path) as address:
        running = building(tmp_path, book, address, cache)  # the workers are warm
        with distributed.Client(address) as client:
            end = time.monotonic() + 120
            busy: list = []
            while not busy and time.monotonic() < end and running.poll() is None:
                busy = sorted(w for w, n in client.run(lambda dask_worker: dask_worker.state.executing_count).items() if n)
                time.sleep(0.05)
            assert busy, "no worker was running a task"
            time.sleep(0.3)  # well into its segment
            pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
            os.kill(pid, signal.SIGKILL)  # the worker process, in the middle of its task; its nanny starts another
            _, stderr = running.communicate(timeout=600)
            counts = client.run_on_scheduler(lambda dask_scheduler: dict(
                dask_scheduler.task_prefixes["run_on_worker"].state_counts))
    assert running.returncode == 0, stderr
    assert stderr == ""
    assert counts["processing"] > counts["memory"]  # a task was sent out again
    assert audio_of(tmp_path / "out") == local_build


def test_a_scheduler_lost_mid_build_is_one_error_and_a_rerun_goes_on_from_the_cache(tmp_path, book, local_build):
    cache = tmp_path / "cache"
    with cluster(tmp_path) as address:
        running = building(tmp_path, book, address, cache)
        received = len(list(cache.rglob("segments/*/*.json")))
        assert received >= 1
        scheduler = subprocess.run(["pgrep", "-f", f"dask scheduler --host 127.0.0.1 --port {address.rsplit(':', 1)[1]}"],
                                   capture_output=True, text=True).stdout.split()
        for pid in scheduler:
            os.kill(int(pid), signal.SIGKILL)
        _, stderr = running.communicate(timeout=300)
    assert running.returncode == 1
    assert f"aloud: error: {address}: lost the Dask scheduler" in stderr and "build again" in stderr
    assert "Traceback" not in stderr
    assert not list((tmp_path / "out").glob("*/chapters.json"))  # no edition that looks finished
    assert len(list(cache.rglob("segments/*/*.json"))) >= received  # nothing received is lost
    build(tmp_path, book, "out")  # the rerun, here on this machine, speaks only what is missing
    assert audio_of(tmp_path / "out") == local_build


def test_an_unreachable_scheduler_is_one_line_and_exit_1(tmp_path, sample_file):
    result = build(tmp_path, sample_file, "out", "--scheduler", f"tcp://127.0.0.1:{free_port()}", ok=False)
    assert result.returncode == 1
    assert result.stderr.startswith("aloud: error: tcp://127.0.0.1:") and result.stderr.count("\n") == 1
    assert "cannot reach the Dask scheduler" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_worker_with_another_aloud_is_refused(tmp_path, sample_file):
    fake = tmp_path / "fake"
    (fake / "aloud-0.0.1.dist-info").mkdir(parents=True)
    (fake / "aloud-0.0.1.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: aloud\nVersion: 0.0.1\n")
    with cluster(tmp_path, workers=1, env={"PYTHONPATH": str(fake)}) as address:
        result = build(tmp_path, sample_file, "out", "--scheduler", address, ok=False)
    assert result.returncode == 1
    assert "runs aloud 0.0.1, this is aloud" in result.stderr and result.stderr.count("\n") == 1


def test_a_worker_whose_ffmpeg_differs_is_named_at_its_first_task(tmp_path, sample_file):
    tools = tmp_path / "tools"
    tools.mkdir()
    wrapper = tools / "ffmpeg"
    wrapper.write_text(f'#!/bin/sh\nif [ "$1" = -version ]; then echo "ffmpeg version 0.1-other"; exit 0; fi\n'
                       f'exec {shutil.which("ffmpeg")} "$@"\n')
    wrapper.chmod(0o755)
    with cluster(tmp_path, workers=1, env={"PATH": f"{tools}:{os.environ['PATH']}"}) as address:
        result = build(tmp_path, sample_file, "out", "--scheduler", address, ok=False)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "would not make the same audio: ffmpeg ffmpeg version 0.1-other here" in result.stderr
    assert "worker tcp://127.0.0.1:" in result.stderr


def test_a_worker_without_espeak_ng_is_named(tmp_path, sample_file):
    tools = tmp_path / "tools"
    tools.mkdir()
    for program in ("ffmpeg", "ffprobe"):
        os.symlink(shutil.which(program), tools / program)
    with cluster(tmp_path, workers=1, env={"PATH": str(tools)}) as address:
        result = build(tmp_path, sample_file, "out", "--scheduler", address, ok=False)
    assert result.returncode == 1
    assert "has no espeak-ng: install it there" in result.stderr and "worker tcp://127.0.0.1:" in result.stderr
