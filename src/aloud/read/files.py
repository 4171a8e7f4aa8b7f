"""Reading a file the user names, the same careful way for every kind: only a regular file
(not a device, a pipe or a folder), never more than a limit, and failures in one line."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from aloud.errors import InputError

MB = 1024 * 1024


def read_bounded(path: Path, limit: int, what: str = "file", missing: str = "") -> bytes:
    """The bytes of the regular file at `path`, refused if it holds more than `limit` (a file
    that grows while it is read included)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: {missing or f'no such {what}'}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(f"{path}: is a folder; give a {what}")
    if not stat.S_ISREG(status.st_mode):
        raise InputError(f"{path}: is not a regular file (a device or a pipe?); give a {what}")
    if status.st_size > limit:
        raise InputError(f"{path}: {_size(status.st_size)} is larger than the {_size(limit)} a {what} may be")
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except PermissionError:
        raise InputError(f"{path}: not readable (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(f"{path}: grew past the {_size(limit)} a {what} may be while it was read")
    return data


def _size(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"
