"""`aloud cache`: where the cache of spoken and encoded segments is, what it holds, clearing it."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from aloud.cli.help import PlainHelpCommand
from aloud.cli.options import CacheDirOption, folder
from aloud.cli.program import app, errors
from aloud.words import counted

cache_app = typer.Typer(help="The cache of spoken and encoded segments.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


@cache_app.command("info", cls=PlainHelpCommand)
def cache_info_command(cache_dir: CacheDirOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Where the cache is and how much it holds."""
    from aloud.audio.cache import default_cache_dir, info

    with errors():
        found = info(folder(cache_dir, "--cache-dir") or default_cache_dir())
        if as_json:
            typer.echo(json.dumps({"path": str(found.root), "segments": found.segments, "bytes": found.bytes}))
        else:
            typer.echo(f"{found.root}: {counted(found.segments, 'segment')}, {_size(found.bytes)}")


@cache_app.command("clear", cls=PlainHelpCommand)
def cache_clear_command(cache_dir: CacheDirOption = None) -> None:
    """Remove the cached segments (and nothing else: a folder holding other files is refused)."""
    from aloud.audio.cache import clear, default_cache_dir

    with errors():
        removed = clear(folder(cache_dir, "--cache-dir") or default_cache_dir())
        typer.echo(f"{removed.root}: removed {counted(removed.segments, 'segment')}, {_size(removed.bytes)}")
