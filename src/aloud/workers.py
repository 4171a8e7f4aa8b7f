"""Where work runs: a pool of local worker processes behind one small interface.

Each worker process builds its own speech engine once (engines such as pyttsx3 can be
initialised only once per process and are not thread-safe) and keeps stdout quiet.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class WorkerCrashed(Exception):
    """The process running a task died (a segfault in a native library, a kill)."""


def _quiet_worker(initializer: Callable[..., None] | None, initargs: tuple) -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # native code printing on fd 1 must not reach our stdout
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker
    if initializer is not None:
        initializer(*initargs)


class ProcessPool:
    """Run tasks on `jobs` fresh processes; results come back as tasks finish."""

    def __init__(
        self,
        jobs: int,
        initializer: Callable[..., None] | None = None,
        initargs: tuple = (),
        one_task_per_process: bool = False,
    ) -> None:
        self.jobs = jobs
        self.initializer = initializer
        self.initargs = initargs
        self.one_task_per_process = one_task_per_process

    def run(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R | BaseException]]:
        tasks = list(tasks)
        if not tasks:
            return
        options: dict[str, Any] = {}
        if self.one_task_per_process:
            options["max_tasks_per_child"] = 1
        pool = ProcessPoolExecutor(
            max_workers=min(self.jobs, len(tasks)),
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_quiet_worker,
            initargs=(self.initializer, self.initargs),
            **options,
        )
        try:
            futures: dict[Future, T] = {pool.submit(fn, task): task for task in tasks}
            for future in as_completed(futures):
                task = futures[future]
                try:
                    yield task, future.result()
                except BrokenProcessPool:
                    yield task, WorkerCrashed("the worker process died")
                except Exception as exc:  # reported to the caller, per task
                    yield task, exc
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
