"""`aloud cache`: where the cache of spoken and encoded segments is, what it holds, pruning and clearing it."""

from __future__ import annotations

import json
import re
import sys
from typing import Annotated, Optional

import typer

from aloud.cli.help import PlainHelpCommand
from aloud.cli.options import CacheDirOption, folder
from aloud.cli.program import app, errors
from aloud.errors import UsageError
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
    """Where the cache is, how much it holds, and how much of it each voice spoke."""
    from aloud.audio.cache import default_cache_dir, info

    with errors():
        found = info(folder(cache_dir, "--cache-dir") or default_cache_dir())
        if as_json:
            typer.echo(json.dumps({"path": str(found.root), "segments": found.segments, "bytes": found.bytes,
                                   "voices": [{"voice": v, "segments": n, "bytes": b} for v, n, b in found.by_voice]}))
            return
        typer.echo(f"{found.root}: {counted(found.segments, 'segment')}, {_size(found.bytes)}")
        for voice, segments, size in found.by_voice:
            typer.echo(f"  {_size(size):>9}  {counted(segments, 'segment'):>14}  {voice}")


@cache_app.command("prune", cls=PlainHelpCommand)
def cache_prune_command(
    cache_dir: CacheDirOption = None,
    older_than: Annotated[Optional[str], typer.Option(
        "--older-than", metavar="AGE", help="Remove what no build has used for AGE (30d, 12h, 90m).")] = None,
    max_size: Annotated[Optional[str], typer.Option(
        "--max-size", metavar="SIZE", help="Then remove what was used longest ago until the cache holds at most "
                                           "SIZE (2G, 500M).")] = None,
) -> None:
    """Remove segments no build has used lately, or those used longest ago."""
    from aloud.audio.cache import default_cache_dir, prune

    with errors():
        if older_than is None and max_size is None:
            raise UsageError("say what to prune: --older-than AGE, --max-size SIZE, or both")
        age = parse_age(older_than, "--older-than") if older_than is not None else None
        size = parse_size(max_size, "--max-size") if max_size is not None else None
        removed = prune(folder(cache_dir, "--cache-dir") or default_cache_dir(), age, size)
        typer.echo(f"{removed.root}: removed {counted(removed.segments, 'segment')}, {_size(removed.bytes)}")


@cache_app.command("clear", cls=PlainHelpCommand)
def cache_clear_command(
    cache_dir: CacheDirOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (for scripts).")] = False,
) -> None:
    """Remove every cached segment (and nothing else: a folder holding other files is refused).
    Says what it will remove and asks first, unless --yes."""
    from aloud.audio.cache import clear, default_cache_dir, info

    with errors():
        root = folder(cache_dir, "--cache-dir") or default_cache_dir()
        found = info(root)
        what = f"{counted(found.segments, 'segment')}, {_size(found.bytes)} in {root}"
        if not yes:
            if not sys.stdin.isatty():
                raise UsageError(f"cache clear would remove {what}; add --yes to do it without asking")
            if not typer.confirm(f"Remove {what}?", default=False, err=True):
                typer.echo("Nothing removed.", err=True)
                raise typer.Exit(1)
        removed = clear(root)
        typer.echo(f"{removed.root}: removed {counted(removed.segments, 'segment')}, {_size(removed.bytes)}")


_AGE = re.compile(r"(\d+(?:\.\d+)?)\s*([dhm])", re.IGNORECASE)
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmgt]?)b?", re.IGNORECASE)


def parse_age(text: str, option: str) -> float:
    """'30d', '12h', '90m' in seconds."""
    match = _AGE.fullmatch(text.strip())
    if not match:
        raise UsageError(f"{option} {text!r}: give an age such as 30d, 12h or 90m")
    return float(match.group(1)) * {"d": 86400, "h": 3600, "m": 60}[match.group(2).lower()]


def parse_size(text: str, option: str) -> int:
    """'2G', '500M', '750k', '1024' in bytes (powers of 1024)."""
    match = _SIZE.fullmatch(text.strip())
    if not match:
        raise UsageError(f"{option} {text!r}: give a size such as 2G, 500M or 750K")
    return int(float(match.group(1)) * 1024 ** " kmgt".index((match.group(2) or " ").lower()))
