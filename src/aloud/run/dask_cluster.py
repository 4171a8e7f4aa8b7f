"""The Dask executor: segment tasks on a Dask cluster (`--scheduler ADDRESS`).

The client (this process) keeps the cache and assembles the editions; a worker needs
aloud (the same version), espeak-ng and ffmpeg, and nothing else: a task carries
everything it needs and sends back everything it made, so no filesystem is shared and
no worker reads an input.

On a worker each task still runs in a process of its own, started for it (for a stateful
engine): the worker keeps a `LocalProcessPool` for that, made at its first task, so a
cluster build's bytes equal a local build's. A worker that dies mid-task is Dask's to
handle: the task runs again elsewhere. The scheduler unreachable, or lost during the
build, is one clear error; what arrived before is in the cache, so a rerun resumes.
"""

from __future__ import annotations

import importlib.metadata
import logging
import multiprocessing
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from aloud import __version__
from aloud.errors import AloudError, ClusterError, ToolMissingError
from aloud.run.executor import WorkerCrashed, WorkerOptions

log = logging.getLogger(__name__)
CONNECT_SECONDS = 10
WORKERS_SECONDS = 30  # how long to wait for the cluster's first worker
PROGRAMS = ("espeak-ng", "ffmpeg", "ffprobe")
_POOL = "aloud_pool"  # the attribute of a Dask worker holding its pool of fresh processes


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ToolMissingError("--scheduler needs Dask: install the extra, pip install 'aloud[cluster]'") from None
    return distributed


class DaskExecutor:
    """Tasks on the cluster at `options.scheduler`; as many in flight as it has threads."""

    def __init__(self, options: WorkerOptions) -> None:
        distributed = _distributed()
        logging.getLogger("distributed").setLevel(logging.ERROR)  # its reconnecting is ours to say, once
        self.address = options.scheduler
        self.options = options
        try:
            # Results straight from the worker that made them, not through the scheduler: half the traffic.
            self.client = distributed.Client(self.address, timeout=CONNECT_SECONDS, set_as_default=False,
                                             direct_to_workers=True)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"{self.address}: cannot reach the Dask scheduler ({_reason(exc)}); "
                               "is `dask scheduler` running there?") from None
        try:
            self.client.wait_for_workers(1, timeout=WORKERS_SECONDS)
            self._check_workers()
        except BaseException as exc:
            self.client.close()
            if isinstance(exc, (OSError, TimeoutError)):
                raise ClusterError(f"{self.address}: the Dask scheduler has no worker ({_reason(exc)})") from None
            raise
        threads = sum(self.client.nthreads().values())
        self.slots = 2 * max(1, threads)  # the next task of each thread waits at the scheduler: no thread idles
        self._lock = threading.Lock()
        self._futures: set[Any] = set()
        self._lost: BaseException | None = None

    def _check_workers(self) -> None:
        """Every worker runs this version of aloud and has the programs it needs, or a ClusterError names it."""
        versions = self.client.run(_aloud_version, on_error="return")
        wrong = {w: v for w, v in versions.items() if v != __version__}
        if wrong:
            worker, version = sorted(wrong.items())[0]
            raise ClusterError(f"worker {worker} runs aloud {version or '(none)'}, this is aloud {__version__}: "
                               "install the same version on every worker")
        for program in PROGRAMS:
            found = self.client.run(shutil.which, program, on_error="return")
            missing = sorted(w for w, path in found.items() if not isinstance(path, str))
            if missing:
                raise ClusterError(f"worker {missing[0]} has no {program}: install it there "
                                   f"(apt-get install {'espeak-ng' if program == 'espeak-ng' else 'ffmpeg'})")

    def submit(self, fn: Callable[[Any], Any], task: Any) -> Future:
        result: Future = Future()
        try:
            remote = self.client.submit(run_on_worker, fn, task, self.options, pure=False)
        except Exception as exc:  # noqa: BLE001 - the scheduler gone: said once, as the task's failure
            result.set_exception(self._lost_error(exc))
            return result
        with self._lock:
            self._futures.add(remote)

        def done(remote: Any) -> None:
            with self._lock:
                self._futures.discard(remote)
            try:
                result.set_result(remote.result())
            except AloudError as exc:
                result.set_exception(exc)
            except Exception as exc:  # noqa: BLE001 - sorted below: a lost worker, a lost scheduler
                result.set_exception(self._failure(exc))

        remote.add_done_callback(done)
        return result

    def _failure(self, exc: BaseException) -> BaseException:
        distributed = _distributed()
        if isinstance(exc, distributed.KilledWorker):
            return WorkerCrashed(f"the Dask workers running it died ({exc})")
        if self.client.status not in ("running", "connecting") or _is_connection_error(exc):
            return self._lost_error(exc)
        return exc

    def _lost_error(self, exc: BaseException) -> ClusterError:
        reason = "the connection closed" if type(exc).__name__ == "CancelledError" else _reason(exc)
        return ClusterError(f"{self.address}: lost the Dask scheduler ({reason}); what was received is "
                            "in the cache: build again to go on from there")

    def close(self) -> None:
        try:
            with self._lock:
                futures = list(self._futures)
            if futures and self.client.status == "running":
                _distributed().wait(futures)
        finally:
            self.client.close()

    def abandon(self) -> None:
        with self._lock:
            futures = list(self._futures)
        try:
            self.client.cancel(futures, force=True)
        finally:
            self.client.close()


def _aloud_version() -> str:
    try:
        return importlib.metadata.version("aloud")
    except importlib.metadata.PackageNotFoundError:
        return ""


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _is_connection_error(exc: BaseException) -> bool:
    from distributed.comm.core import CommClosedError

    return isinstance(exc, (CommClosedError, OSError, TimeoutError)) or type(exc).__name__ == "CancelledError"


def run_on_worker(fn: Callable[[Any], Any], task: Any, options: WorkerOptions) -> Any:
    """On a Dask worker: `fn(task)` in a process of its own (for a stateful engine), from the
    pool the worker keeps for this build's options."""
    from distributed import get_worker

    from aloud.run.local_pool import LocalProcessPool

    worker = get_worker()
    pools = worker.__dict__.setdefault(_POOL, {})
    key = (options.fresh_process_per_task, options.preload)
    with worker.__dict__.setdefault(f"{_POOL}_lock", threading.Lock()):
        if key not in pools:
            # A Dask worker runs as a daemon process, which multiprocessing forbids children;
            # ours are stopped with it all the same (each watches its parent).
            multiprocessing.current_process()._config["daemon"] = False  # type: ignore[attr-defined]
            pools[key] = LocalProcessPool(WorkerOptions(max(1, worker.state.nthreads), options.fresh_process_per_task,
                                                        options.preload))
    try:
        return pools[key].submit(fn, task).result()
    except AloudError as exc:
        raise type(exc)(f"on worker {worker.address}: {exc.message}") from None
