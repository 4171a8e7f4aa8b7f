"""The local executor: worker processes on this machine.

Workers are forked from a clean server process (forkserver: cheap to start, no threads
inherited), keep stdout quiet (native code in engines may print) and leave Ctrl-C to the
parent. Each worker is a process with a pipe, served by one thread of this process that
sends it a task and waits for the answer: a worker that dies fails only the task it was
running (`WorkerCrashed`), and Ctrl-C can stop every worker at once.

How a stateful engine (espeak-ng) still speaks each segment in a fresh process: with
`fresh_process_per_task`, a worker serves one task and exits, and the next task gets a
new worker from the server, so nothing said before can colour what is said next. A
stateless engine (a neural model with a fixed seed) keeps its worker, and so its loaded
model, for many tasks. Either way a task receives everything it needs in its message
and sends back everything it made: it never touches this process's files.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from aloud.run.executor import WorkerCrashed, WorkerOptions

STOP_SECONDS = 5  # how long a worker may take to stop before it is killed


def _quiet() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # Stopped by the parent: unwind, so temporary files go and running programs are killed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # native code printing on fd 1 must not reach our stdout
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker


def _die_with(parent: int) -> None:
    """SIGTERM this worker when `parent` (the aloud process) ends, even by kill -9: a worker
    in the middle of a long segment would otherwise speak on, holding its memory, until the
    segment is done. (The worker's own parent is the forkserver, which waits for it.)"""
    try:
        handle = os.pidfd_open(parent)  # Linux 5.3+: readable once the process has ended
    except (AttributeError, OSError):
        handle = None
    while True:
        if handle is not None:
            select.select([handle], [], [])
            break
        time.sleep(1)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            break
        except PermissionError:
            continue
    os.kill(os.getpid(), signal.SIGTERM)


def _serve(conn: Any, parent: int) -> None:
    """A worker's life: run each task that arrives and send back its result or exception."""
    _quiet()
    threading.Thread(target=_die_with, args=(parent,), daemon=True, name="aloud-lifeline").start()
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        fn, task = message
        try:
            reply = (True, fn(task))
        except Exception as exc:  # noqa: BLE001 - the parent decides what a failure means
            reply = (False, exc)
        try:
            conn.send(reply)
        except Exception as exc:  # noqa: BLE001 - a result or exception that cannot be pickled
            conn.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


def _how_it_ended(exitcode: int | None) -> str:
    if exitcode is None:
        return "stopped answering"
    if exitcode < 0:
        try:
            return f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"was killed by signal {-exitcode}"
    return f"exited with status {exitcode}"


class _Worker:
    def __init__(self, context: Any) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.retired = False

    def run(self, fn: Callable[[Any], Any], task: Any) -> Any:
        try:
            self.conn.send((fn, task))
            ok, value = self.conn.recv()
        except (EOFError, OSError):
            self.process.join(STOP_SECONDS)
            raise WorkerCrashed(f"the worker process {_how_it_ended(self.process.exitcode)}") from None
        if ok:
            return value
        raise value

    def retire(self) -> None:
        """Tell the worker to exit once it is done; it is not waited for."""
        self.retired = True
        try:
            self.conn.send(None)
        except OSError:
            pass

    def gone(self) -> bool:
        """A retired worker that has exited: its process is reaped and its pipe closed."""
        if not self.retired or self.process.is_alive():
            return False
        self.process.join()
        self.conn.close()
        return True

    def stop(self) -> None:
        self.retire()
        self.process.join(STOP_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()

    def terminate(self) -> None:
        if self.process.is_alive():
            self.process.terminate()


class LocalProcessPool:
    """`jobs` worker processes on this machine, forked from a clean forkserver.

    With a fresh process per task, the next worker is started while a task runs and a
    used one exits on its own, so no task waits for a process to start or to end."""

    def __init__(self, options: WorkerOptions) -> None:
        self.slots = options.jobs
        self._fresh = options.fresh_process_per_task
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload([__name__, *options.preload])
        self._threads = ThreadPoolExecutor(max_workers=self.slots, thread_name_prefix="aloud-worker")
        self._own = threading.local()  # the worker each thread serves, when workers last
        self._workers: set[_Worker] = set()  # every worker started and not yet stopped
        self._spares: list[_Worker] = []  # started for tasks to come
        self._lock = threading.Lock()
        self._stopping = False

    def submit(self, fn: Callable[[Any], Any], task: Any) -> Future:
        return self._threads.submit(self._run, fn, task)

    def _run(self, fn: Callable[[Any], Any], task: Any) -> Any:
        worker = getattr(self._own, "worker", None) or self._take_worker()
        try:
            result = worker.run(fn, task)
        except WorkerCrashed:
            self._own.worker = None
            self._stop(worker)
            raise
        if self._fresh:
            worker.retire()  # it exits on its own; `close` reaps it
        else:
            self._own.worker = worker
        return result

    def _take_worker(self) -> _Worker:
        with self._lock:
            if self._stopping:
                raise WorkerCrashed("the build is stopping")
            self._workers = {w for w in self._workers if not w.gone()}
            worker = self._spares.pop() if self._spares else self._start()
            if self._fresh:
                self._spares.append(self._start())  # ready for the next task
            return worker

    def _start(self) -> _Worker:
        worker = _Worker(self._context)
        self._workers.add(worker)
        return worker

    def _stop(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        worker.stop()

    def close(self) -> None:
        self._threads.shutdown(wait=True)
        with self._lock:
            workers, self._workers, self._spares = list(self._workers), set(), []
        for worker in workers:
            worker.stop()

    def abandon(self) -> None:
        with self._lock:
            self._stopping = True
            workers = list(self._workers)
        for worker in workers:
            worker.terminate()
        self._threads.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> "LocalProcessPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
