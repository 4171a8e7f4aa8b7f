"""The Dask executor: segment tasks on a Dask cluster (`--scheduler ADDRESS`).

The client (this process) keeps the cache and assembles the editions; a worker needs
aloud, espeak-ng and ffmpeg — the same versions as here, since they decide the bytes —
and nothing else: a task carries everything it needs and sends back everything it made,
so no filesystem is shared and no worker reads an input.

On a worker each task still runs in a process of its own, started for it (for a stateful
engine): the worker keeps a `LocalProcessPool` for that, made at its first task, so a
cluster build's bytes equal a local build's. Every worker is checked at its first task
(one that joins late too): a worker with other versions is named and the build stops.
A worker that dies mid-task is Dask's to handle: the task runs again elsewhere. The
scheduler unreachable, or lost during the build, is one clear error; what arrived before
is in the cache, so a rerun resumes. The cluster is reached only once there is something
to speak: an edition whose segments are all cached builds without it.
"""

from __future__ import annotations

import concurrent.futures
import importlib.metadata
import logging
import multiprocessing
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from typing import Any

from aloud import __version__
from aloud.errors import AloudError, ClusterError, ToolMissingError
from aloud.run.executor import WorkerOptions

log = logging.getLogger(__name__)
CONNECT_SECONDS = 10
WORKERS_SECONDS = 30  # how long to wait for the cluster's first worker
SLOTS_SECONDS = 1.0  # how often the cluster's size is asked again (workers come and go)
PROGRAMS = ("espeak-ng", "ffmpeg", "ffprobe")
_CHECKED = "aloud_checked"  # attributes of a Dask worker: what it was found to run …
_POOLS = "aloud_pools"  # … and its pools of fresh processes


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ToolMissingError("--scheduler needs Dask: install the extra, pip install 'aloud[cluster]'") from None
    return distributed


def fingerprint(engine: str, engine_version: str | None = None) -> tuple[tuple[str, str], ...]:
    """What decides a segment's bytes besides its task: aloud, ffmpeg and the engine, by
    version (the engine's asked of it unless given)."""
    if engine_version is None:
        from aloud.speech.registry import create_engine

        try:
            engine_version = create_engine(engine).version()
        except AloudError:
            engine_version = ""
    return (("aloud", __version__), ("ffmpeg", _ffmpeg_version()), (f"engine {engine}", engine_version))


def _ffmpeg_version() -> str:
    try:
        return subprocess.run(["ffmpeg", "-version"], capture_output=True, text=True, timeout=30).stdout.split("\n")[0]
    except (OSError, subprocess.SubprocessError):
        return ""


class DaskExecutor:
    """Tasks on the cluster at `options.scheduler`, two in flight for each of its threads."""

    def __init__(self, options: WorkerOptions) -> None:
        _distributed()
        for name in ("distributed", "distributed.client", "distributed.worker", "distributed.comm"):
            logging.getLogger(name).setLevel(logging.CRITICAL)  # its reconnecting and rescheduling are ours to say
        self.address = options.scheduler
        self.options = options
        self._client: Any = None
        self._lock = threading.Lock()
        self._futures: set[Any] = set()
        self._slots = (0.0, 1)  # (when asked, how many)
        self._results: ThreadPoolExecutor | None = None

    @property
    def client(self) -> Any:
        """The connection, opened at first use, with the workers checked."""
        with self._lock:
            if self._client is None:
                self._client = self._connect()
                self._results = ThreadPoolExecutor(max_workers=4, thread_name_prefix="aloud-dask-results")
            return self._client

    def _connect(self) -> Any:
        distributed = _distributed()
        try:
            # Results straight from the worker that made them, not through the scheduler: half the traffic.
            client = distributed.Client(self.address, timeout=CONNECT_SECONDS, set_as_default=False,
                                        direct_to_workers=True)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"{self.address}: cannot reach the Dask scheduler ({_reason(exc)}); "
                               "is `dask scheduler` running there?") from None
        try:
            try:
                client.wait_for_workers(1, timeout=WORKERS_SECONDS)
            except (OSError, TimeoutError) as exc:
                raise ClusterError(f"{self.address}: the Dask scheduler has no worker ({_reason(exc)})") from None
            _check_workers(client, self.options)
        except BaseException:
            with suppress(Exception):
                client.close(timeout=2)
            raise
        return client

    @property
    def slots(self) -> int:
        """Two tasks for each thread the cluster has now (asked again every second), so no thread idles."""
        asked, slots = self._slots
        if time.monotonic() - asked > SLOTS_SECONDS:
            with suppress(Exception):  # a lost scheduler is said by the tasks' failures
                slots = 2 * max(1, sum(self.client.nthreads().values()))
            self._slots = (time.monotonic(), slots)
        return slots

    def submit(self, fn: Callable[[Any], Any], task: Any) -> Future:
        result: Future = Future()
        try:
            client = self.client
            remote = client.submit(run_on_worker, fn, task, self.options, pure=False)
        except AloudError as exc:
            result.set_exception(exc)
            return result
        except Exception as exc:  # noqa: BLE001 - said once, as the task's failure
            result.set_exception(self._failure(exc))
            return result
        with self._lock:
            self._futures.add(remote)

        def done(remote: Any) -> None:  # in Dask's one callback thread: never wait here
            assert self._results is not None
            try:
                self._results.submit(self._finish, remote, result)
            except BaseException as exc:  # noqa: BLE001 - the executor is closing: the task fails, never hangs
                if not result.done():
                    result.set_exception(self._failure(exc))

        remote.add_done_callback(done)
        return result

    def _finish(self, remote: Any, result: Future) -> None:
        with self._lock:
            self._futures.discard(remote)
        try:
            result.set_result(remote.result())
        except AloudError as exc:
            result.set_exception(exc)
        except BaseException as exc:  # noqa: BLE001 - sorted: a segment that kills its workers, a lost scheduler
            result.set_exception(self._failure(exc))

    def _failure(self, exc: BaseException) -> BaseException:
        distributed = _distributed()
        if isinstance(exc, distributed.KilledWorker):  # Dask tried it on several workers already: final
            return ClusterError(f"the Dask workers that ran one segment died each time ({_reason(exc)})")
        lost = (self._client is None or self._client.status not in ("running", "connecting")
                or isinstance(exc, (concurrent.futures.CancelledError, distributed.client.ClosedClientError))
                or _is_connection_error(exc))
        return self._lost_error(exc) if lost else exc

    def _lost_error(self, exc: BaseException) -> ClusterError:
        reason = "the connection closed" if isinstance(exc, concurrent.futures.CancelledError) else _reason(exc)
        return ClusterError(f"{self.address}: lost the Dask scheduler ({reason}); what was received is "
                            "in the cache: build again to go on from there")

    def close(self) -> None:
        """The tasks have all ended (the scheduler waits for them): let go of the cluster."""
        self._let_go()

    def abandon(self) -> None:
        """Ctrl-C: the tasks in flight are cancelled, if the scheduler is still there to hear it."""
        with self._lock:
            futures = list(self._futures)
        if self._client is not None and self._client.status == "running" and futures:
            with suppress(Exception):
                self._client.cancel(futures, force=True)
        self._let_go()

    def _let_go(self) -> None:
        if self._results is not None:
            self._results.shutdown(wait=False, cancel_futures=True)
        if self._client is not None:
            with suppress(Exception):
                self._client.close(timeout=2)


def _check_workers(client: Any, options: WorkerOptions) -> None:
    """The workers there now run aloud and have the programs it needs (stdlib calls, so a
    worker without aloud answers too); each is checked again, fully, at its first task."""
    versions = client.run(importlib.metadata.version, "aloud", on_error="return")
    for worker, version in sorted(versions.items()):
        if not isinstance(version, str):
            raise ClusterError(f"worker {worker} has no aloud ({_reason(version)}): install aloud {__version__} there")
        if version != __version__:
            raise ClusterError(f"worker {worker} runs aloud {version}, this is aloud {__version__}: "
                               "install the same version on every worker")
    for program in PROGRAMS:
        found = client.run(shutil.which, program, on_error="return")
        missing = sorted(w for w, path in found.items() if not isinstance(path, str))
        if missing:
            raise ClusterError(f"worker {missing[0]} has no {program}: install it there "
                               f"(apt-get install {'espeak-ng' if program == 'espeak-ng' else 'ffmpeg'})")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _is_connection_error(exc: BaseException) -> bool:
    from distributed.comm.core import CommClosedError

    return isinstance(exc, (CommClosedError, OSError, TimeoutError))


def run_on_worker(fn: Callable[[Any], Any], task: Any, options: WorkerOptions) -> Any:
    """On a Dask worker: `fn(task)` in a process of its own (for a stateful engine), from the
    pool the worker keeps for this build's options — once the worker is found to run what
    the build's client runs."""
    from distributed import get_worker

    from aloud.run.local_pool import LocalProcessPool

    worker = get_worker()
    with worker.__dict__.setdefault("aloud_lock", threading.Lock()):
        checked = worker.__dict__.setdefault(_CHECKED, {})
        if options.expected not in checked:
            engine = next((k.split(" ", 1)[1] for k, _ in options.expected if k.startswith("engine ")), "")
            checked[options.expected] = dict(fingerprint(engine)) if engine else {}
        differ = [f"{what} {mine or '(none)'} here, {theirs} on the client"
                  for what, theirs in options.expected if (mine := checked[options.expected].get(what)) != theirs]
        if differ:
            raise ClusterError(f"worker {worker.address} would not make the same audio: {'; '.join(differ)}")
        pools = worker.__dict__.setdefault(_POOLS, {})
        key = (options.fresh_process_per_task, options.preload)
        if key not in pools:
            # A Dask worker runs as a daemon process, which multiprocessing forbids children;
            # ours end with it all the same (each watches its parent, the forkserver too).
            multiprocessing.current_process()._config["daemon"] = False  # type: ignore[attr-defined]
            for old in pools.values():  # one build's engine at a time
                old.close()
            pools.clear()
            pools[key] = LocalProcessPool(WorkerOptions(max(1, worker.state.nthreads), options.fresh_process_per_task,
                                                        options.preload))
        pool = pools[key]
    try:
        return pool.submit(fn, task).result()
    except AloudError as exc:
        exc.message = f"on worker {worker.address}: {exc.message}"
        exc.args = (exc.message,)
        raise
