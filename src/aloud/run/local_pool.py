"""Where work runs: one small executor interface, and a local pool of worker processes.

Every task (speaking and encoding a segment) is submitted here, so a distributed
executor could take them later without touching the stages. Workers are forked from a
clean server process (forkserver: cheap to start, no threads inherited), may be made
fresh for every task, keep stdout quiet (native code in engines may print) and leave
Ctrl-C to the parent.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol


class WorkerCrashed(Exception):
    """The process running a task died (a segfault in a native library, a kill)."""


class Executor(Protocol):
    def submit(self, fn: Callable[[Any], Any], task: Any) -> Future: ...

    @property
    def broken(self) -> bool:
        """True once a worker died: tasks in flight are lost and must be resubmitted."""
        ...

    def restart(self) -> None:
        """Replace the workers after one died."""

    def close(self) -> None:
        """Wait for the tasks in flight, then stop the workers."""

    def abandon(self) -> None:
        """Stop now (Ctrl-C): running tasks are killed, queued ones dropped."""


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # native code printing on fd 1 must not reach our stdout
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker


class LocalProcessPool:
    """`jobs` worker processes on this machine, forked from a clean forkserver."""

    def __init__(self, jobs: int, fresh_process_per_task: bool = False) -> None:
        self.jobs = jobs
        self.fresh_process_per_task = fresh_process_per_task
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            options: dict[str, Any] = {"max_tasks_per_child": 1} if self.fresh_process_per_task else {}
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["aloud.audio.mastering", "aloud.speech.engines.pyttsx3_engine", "pyttsx3"])
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=context,
                initializer=_quiet_worker,
                **options,
            )
        return self._pool

    def submit(self, fn: Callable[[Any], Any], task: Any) -> Future:
        return self._executor().submit(fn, task)

    @property
    def broken(self) -> bool:
        return bool(self._pool is not None and getattr(self._pool, "_broken", False))

    def restart(self) -> None:
        self.close()  # after a crash the pool is broken: its workers are gone already

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def abandon(self) -> None:
        if self._pool is None:
            return
        # Kill the workers first: the pool then sees itself broken and starts no others.
        # Waiting for its threads here could hang on a queue lock a killed worker held.
        for process in list((getattr(self._pool, "_processes", None) or {}).values()):
            if process.is_alive():
                process.terminate()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None

    def __enter__(self) -> "LocalProcessPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
