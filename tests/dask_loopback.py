"""A real Dask cluster on loopback, as the cluster tests and the benchmark start one:
`dask scheduler` and single-thread `dask worker` processes (each with its nanny)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DASK = str(Path(sys.executable).with_name("dask"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def loopback_cluster(logs: Path, workers: int = 2, env: dict[str, str] | None = None) -> Iterator[str]:
    """A scheduler and `workers` workers, their logs in `logs`; yields the scheduler's address
    once every worker has joined, and stops them all after."""
    import distributed

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs.mkdir(parents=True, exist_ok=True)
    processes = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                  stdout=subprocess.DEVNULL, stderr=open(logs / "scheduler.log", "w"))]  # noqa: SIM115
    try:
        for n in range(workers):
            processes.append(start_worker(address, f"w{n}", logs, env))
        with distributed.Client(address, timeout=30) as client:
            client.wait_for_workers(workers, timeout=60)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def start_worker(address: str, name: str, logs: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                             "--name", name, "--local-directory", str(logs / name)],
                            stdout=subprocess.DEVNULL, stderr=open(logs / f"{name}.log", "w"),  # noqa: SIM115
                            env={**os.environ, **(env or {})})
