"""Where tasks run: the protocol every executor implements, and executors by name.

An executor runs a task function on a task and hands back a `concurrent.futures.Future`
holding the function's result or its exception. When the process running a task dies
(a segfault in a native library, a kill), that task's future fails with `WorkerCrashed`,
and only that task's: the scheduler never needs to know how an executor works inside.

A name may also be `package.module:Class` for an executor of your own; its class is
called with a `WorkerOptions`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from aloud.plugins import make


class WorkerCrashed(Exception):
    """The process running a task died before it returned."""


@dataclass(frozen=True)
class WorkerOptions:
    jobs: int  # tasks that may run at once
    # Run every task in a process of its own, started for it: for an engine that carries
    # state from one request to the next, so that a segment never hears what another said.
    fresh_process_per_task: bool = True
    preload: tuple[str, ...] = ()  # modules a worker imports once, before its first task
    scheduler: str = ""  # the Dask scheduler's address, for the "dask" executor
    expected: tuple[tuple[str, str], ...] = ()  # what a remote worker must run: (what, version) pairs


class Executor(Protocol):
    slots: int  # how many tasks it runs at once; the scheduler keeps that many in flight

    def submit(self, fn: Callable[[Any], Any], task: Any) -> Future:
        """Run `fn(task)`; the future holds its result, its exception, or WorkerCrashed."""
        ...

    def close(self) -> None:
        """Wait for the tasks in flight, then stop the workers."""

    def abandon(self) -> None:
        """Stop now (Ctrl-C): running tasks are killed, queued ones dropped."""


EXECUTORS = {
    "local": "aloud.run.local_pool:LocalProcessPool",
    "serial": "aloud.run.serial:SerialExecutor",
    "dask": "aloud.run.dask_cluster:DaskExecutor",  # a Dask cluster: --scheduler ADDRESS (extra `cluster`)
}


def create_executor(name: str, options: WorkerOptions) -> Executor:
    return make("executor", name, EXECUTORS, Executor, options)


@contextmanager
def running(executor: Executor) -> Iterator[Executor]:
    """Use an executor: on Ctrl-C it is abandoned at once, otherwise closed when done."""
    try:
        yield executor
    except KeyboardInterrupt:
        executor.abandon()
        raise
    finally:
        executor.close()
