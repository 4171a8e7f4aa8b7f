"""Progress on a terminal: a rich bar when stderr is a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

LABELS = {
    "render": "Speaking and encoding (words)",
    "chapters": "Joining the chapter MP3s (chapters)",
    "join": "Writing the outputs (files)",
    "verify": "Listening to each chapter (chapters)",
}


class RichProgress:
    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.tasks: dict[str, int] = {}

    def start(self, stage: str, total: int) -> None:
        self.tasks[stage] = self.bar.add_task(LABELS.get(stage, stage), total=total)

    def advance(self, stage: str, amount: int = 1) -> None:
        if stage in self.tasks:
            self.bar.advance(self.tasks[stage], amount)

    def finish(self, stage: str) -> None:
        if stage in self.tasks:
            task = self.tasks[stage]
            self.bar.update(task, completed=self.bar.tasks[task].total)

    def note(self, stage: str, text: str) -> None:
        if stage in self.tasks:
            self.bar.update(self.tasks[stage], description=f"{LABELS.get(stage, stage)} · {text}")


class LineProgress:
    """One line per stage start and end, for logs and pipes."""

    def __init__(self) -> None:
        self.started: dict[str, float] = {}
        self.totals: dict[str, int] = {}

    def start(self, stage: str, total: int) -> None:
        self.started[stage] = time.monotonic()
        self.totals[stage] = total
        print(f"{LABELS.get(stage, stage)}: {total}", file=sys.stderr, flush=True)

    def advance(self, stage: str, amount: int = 1) -> None:
        pass

    def finish(self, stage: str) -> None:
        seconds = time.monotonic() - self.started.get(stage, time.monotonic())
        print(f"{LABELS.get(stage, stage)}: done in {seconds:.1f} s", file=sys.stderr, flush=True)

    def note(self, stage: str, text: str) -> None:
        pass  # a log has its line at the start and the end


@contextmanager
def progress_for(quiet: bool, transient: bool = False) -> Iterator[RichProgress | LineProgress | None]:
    """The progress of one build; `transient` bars vanish when it ends (one edition of many)."""
    if quiet:
        yield None
        return
    console = Console(stderr=True)
    if not console.is_terminal:
        yield LineProgress()
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=transient) as bar:
        yield RichProgress(bar)
