"""The `aloud` command and what all its subcommands share: errors become one line on stderr
and an exit code (the only place an `AloudError` does), logging, and `--version`."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Optional

import typer

from aloud import __version__
from aloud.errors import AloudError, Interrupted
from aloud.words import counted

app = typer.Typer(
    name="aloud",
    help="Turn what people read (text, EPUB, web pages, Markdown, PDF) into an audio edition to listen to "
         "offline: an M4B with chapters and cover, tagged MP3s with a playlist, one chaptered MP3, transcripts, "
         "an offline player and a read-aloud EPUB; for many inputs, a library page and a podcast feed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"aloud: error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def errors() -> Iterator[None]:
    try:
        yield
    except AloudError as exc:
        raise _fail(exc.message, exc.exit_code) from None
    except KeyboardInterrupt as exc:
        raise _fail(*_stopped(exc)) from None
    except BrokenPipeError:
        # The reader of our output has gone (`aloud text book.epub | head`): nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(141) from None
    except OSError as exc:
        raise _fail(f"{exc.filename or ''}{': ' if exc.filename else ''}{exc.strerror or exc}", 1) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aloud {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every external command.")] = False,
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Show aloud's version and exit.")] = None,
) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(name)s: %(message)s" if verbose else "aloud: warning: %(message)s",
    )


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: stopped as Ctrl-C stops a build (workers killed, nothing half-made left)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop_on(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def _stopped(exc: KeyboardInterrupt) -> tuple[str, int]:
    resume = ""
    if isinstance(exc, Interrupted):
        resume = (f"; run the same command again to resume ({exc.cached} of {counted(exc.total, 'segment')} "
                  f"{'is' if exc.cached == 1 else 'are'} cached)")
        exc = exc.cause
    if isinstance(exc, Stopped):
        return f"stopped by {signal.Signals(exc.signum).name}{resume}", 128 + exc.signum
    return f"interrupted{resume}", 130


def main() -> None:
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop_on)
    try:
        app(prog_name="aloud")  # as users run it, also under `python -m aloud`
    except KeyboardInterrupt as exc:
        message, code = _stopped(exc)
        typer.echo(f"aloud: error: {message}", err=True)
        sys.exit(code)
