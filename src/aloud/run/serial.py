"""An executor that runs each task at once, in this process and thread.

For tests and for engines whose output depends only on each request: a task cannot be
isolated from the ones before it, and a crash ends the whole program.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from aloud.run.executor import WorkerOptions


class SerialExecutor:
    slots = 1

    def __init__(self, options: WorkerOptions | None = None) -> None:
        self.options = options

    def submit(self, fn: Callable[[Any], Any], task: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(task))
        except Exception as exc:  # noqa: BLE001 - the future carries it, as a pool's would
            future.set_exception(exc)
        return future

    def close(self) -> None:
        pass

    def abandon(self) -> None:
        pass
