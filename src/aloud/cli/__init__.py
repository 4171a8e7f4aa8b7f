"""The command line: parse options, call the library, print.

Each command module adds its commands to the one `app` (`cli/program.py`); `main` is the
`aloud` program. This module imports them only when `main` runs or `app` is asked for:
multiprocessing starts every worker by importing the program's main module (the `aloud`
script, which imports this one), and a worker must not pay for loading the whole CLI.
"""

from __future__ import annotations

from typing import Any

__all__ = ["app", "main"]


def _commands() -> Any:
    from aloud.cli import build, cache, preview, proof, voices  # noqa: F401 - each adds its commands
    from aloud.cli.program import app

    return app


def main() -> None:
    _commands()
    from aloud.cli.program import main as run

    run()


def __getattr__(name: str) -> Any:
    if name == "app":
        return _commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
