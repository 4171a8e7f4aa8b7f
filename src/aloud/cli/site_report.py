"""What `aloud build` prints over a collection: a line as each edition ends (editions done
of all, hours of audio, time left), each edition's own progress while it builds, and at
the end a table of every input and what became of it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.table import Table
from rich.text import Text

from aloud.clock import duration_text
from aloud.progress import NullProgress, Progress
from aloud.publish.collection import Outcome, SiteBuild, Tally
from aloud.words import counted


class SiteReport:
    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.console = Console(stderr=True, highlight=False)

    @contextmanager
    def edition(self, number: int, total: int, name: str) -> Iterator[Progress]:
        if self.quiet:
            yield NullProgress()
            return
        from aloud.cli.terminal import progress_for

        self.console.print(f"[{number}/{total}] {name}", markup=False, soft_wrap=True)
        if not self.console.is_terminal:  # in a log, a line per edition is enough
            yield NullProgress()
            return
        with progress_for(quiet=False, transient=True) as progress:
            yield progress or NullProgress()

    def done(self, outcome: Outcome, tally: Tally) -> None:
        if self.quiet:
            return
        what = (f"failed: {reason(outcome)}" if outcome.built is None
                else f"{outcome.state} — {counted(len(outcome.built.marks), 'chapter')}, "
                     f"{duration_text(outcome.built.duration)}")
        left = f", about {duration_text(tally.eta_seconds)} left" if tally.eta_seconds and tally.done < tally.total else ""
        self.console.print(f"[{tally.done}/{tally.total}] {outcome.slug or outcome.input}: {what} · "
                           f"{duration_text(tally.audio_seconds)} of audio{left}", markup=False, soft_wrap=True)


def print_summary(result: SiteBuild, quiet: bool) -> None:
    """The table of the collection on stdout, the site's files, and the failures on stderr."""
    if not quiet:
        added = ", added to the editions there" if result.added else ""
        table = Table(title=Text(f"{result.site}: {counted(len(result.outcomes), 'input')}{added}"), title_justify="left")
        for column, justify in (("Edition", "left"), ("Title", "left"), ("Chapters", "right"), ("Length", "right"),
                                ("State", "left"), ("Time", "right")):
            table.add_column(column, justify=justify, overflow="fold")
        for o in result.outcomes:
            if o.built is not None:
                cells = (o.slug, o.built.edition.title, str(len(o.built.marks)), duration_text(o.built.duration),
                         o.state, f"{o.seconds:.1f} s")
            else:
                state = "failed (the earlier edition stays)" if o.kept_previous else "failed"
                cells = (o.slug or "—", o.input, "", "", state, f"{o.seconds:.1f} s" if o.seconds else "")
            table.add_row(*(Text(c) for c in cells))  # titles and file names as they are, never markup
        Console(highlight=False, width=max(100, Console().width)).print(table)
        print(f"{result.published.page}: the library of {counted(result.published.listed, 'edition')} "
              f"({duration_text(result.published.seconds)} of audio)")
        if result.published.feed:
            print(f"{result.published.feed}: the podcast feed")
        if result.not_named:
            print(f"Left in {result.site}, no longer named and so not listed (--prune removes them): "
                  f"{', '.join(result.not_named)}", file=sys.stderr)
        if result.pruned:
            print(f"Removed, no longer named: {', '.join(result.pruned)}", file=sys.stderr)
        if result.prune_skipped:
            print("Nothing pruned: an input failed, and its edition may be among those not listed", file=sys.stderr)
    if result.failures:
        print(f"aloud: error: {counted(len(result.failures), 'input')} failed:", file=sys.stderr)
        for o in result.failures:
            print(f"  {o.input}: {reason(o)}", file=sys.stderr)


def reason(outcome: Outcome) -> str:
    """Why an input failed, without its name again."""
    prefix = f"{outcome.input}: "
    return outcome.error[len(prefix):] if outcome.error.startswith(prefix) else outcome.error
