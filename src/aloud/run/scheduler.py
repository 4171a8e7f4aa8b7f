"""The scheduler: run tasks on an executor, keep its slots busy, try a failed task again.

It knows nothing of what the tasks do. A task that raises an `AloudError` (a missing
program, a full disk) stops the run at once: trying again will not help. Any other
failure, a dead worker included, is tried once more; a second failure stops the run with
`TaskFailed`, carrying both reasons. Results arrive through `on_result` as they come, and
after a failure the tasks still in flight are waited for and their results kept too, so
a run that stops loses nothing already made.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from typing import Any, Generic, TypeVar

from aloud.errors import AloudError
from aloud.run.executor import Executor

ATTEMPTS = 2
T = TypeVar("T")


class TaskFailed(Exception, Generic[T]):
    def __init__(self, task: T, reasons: list[BaseException]) -> None:
        super().__init__(str(reasons[-1]))
        self.task = task
        self.reasons = reasons


def run_tasks(
    tasks: Sequence[T],
    fn: Callable[[T], Any],
    executor: Executor,
    on_result: Callable[[T, Any], None],
    attempts: int = ATTEMPTS,
) -> None:
    """Run `fn` on every task, in the order given, at most `executor.slots` at a time."""
    queue = deque(range(len(tasks)))
    failures: dict[int, list[BaseException]] = {}
    in_flight: dict[Future, int] = {}
    try:
        while queue or in_flight:
            while queue and len(in_flight) < executor.slots:
                n = queue.popleft()
                in_flight[executor.submit(fn, tasks[n])] = n
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in finished:
                n = in_flight.pop(future)
                error = future.exception()
                if error is None:
                    on_result(tasks[n], future.result())
                    continue
                if isinstance(error, AloudError):
                    raise error
                failures.setdefault(n, []).append(error)
                if len(failures[n]) >= attempts:
                    raise TaskFailed(tasks[n], failures[n])
                queue.appendleft(n)  # again, before the others
    except Exception:
        _keep_what_is_done(in_flight, tasks, on_result)
        raise


def _keep_what_is_done(in_flight: dict[Future, int], tasks: Sequence[T], on_result: Callable[[T, Any], None]) -> None:
    for future in wait(in_flight).done:
        if future.exception() is None:
            try:
                on_result(tasks[in_flight[future]], future.result())
            except (AloudError, OSError):
                return  # the failure already on its way says more
