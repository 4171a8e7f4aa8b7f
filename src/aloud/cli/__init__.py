"""The command line: parse options, call the library, print.

Each module adds its commands to the one `app`; `main` is the `aloud` program.
"""

from aloud.cli import build, cache, preview, proof, voices  # noqa: F401 - each adds its commands
from aloud.cli.app import app, main

__all__ = ["app", "main"]
