"""The inputs of a collection: files, folders (every readable file in them, at any depth)
and glob patterns (`'articles/*.md'`, `'books/**/*.epub'`), in a fixed order, each once."""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from pathlib import Path

from aloud.edition_folder import BUILD_RECORD
from aloud.errors import UsageError
from aloud.publish.site_record import SITE_RECORD
from aloud.read.reader import DEFAULT_READERS, create_reader

_GLOB_CHARS = set("*?[")
_MADE_BY_ALOUD = (BUILD_RECORD, SITE_RECORD)  # an edition's folder, a site: never read as inputs


def readable_suffixes(readers: Sequence[str] = ()) -> frozenset[str]:
    """The file name endings some reader claims (".epub", ".md" …)."""
    return frozenset(s for name in (*readers, *DEFAULT_READERS) for s in create_reader(name).suffixes)


def expand_inputs(names: Sequence[str], readers: Sequence[str] = (), leave_out: Path | None = None) -> list[str]:
    """Each name as the inputs it stands for. A file stands for itself (whatever its kind:
    the readers decide); a folder for the readable files in it, hidden ones, `leave_out`
    (the site being built) and what aloud made (editions and sites) aside; a pattern for the files it matches. A name that is
    none of these is kept, so that its build says what is wrong with it. A folder or
    pattern that holds nothing readable is refused."""
    suffixes = readable_suffixes(readers)
    found: list[str] = []
    for name in names:
        path = Path(name)
        if name == "-":
            raise UsageError("stdin (-) is one edition; build it on its own, not among other inputs")
        if path.is_dir():
            files = _readable_in(path, suffixes, leave_out)
            if not files:
                raise UsageError(f"{name}: is a folder that holds no file aloud reads ({', '.join(sorted(suffixes))})")
            found += files
        elif not path.exists() and _GLOB_CHARS & set(name):
            matched = sorted(glob.glob(name, recursive=True))
            files = [f for m in matched for f in (_readable_in(Path(m), suffixes, leave_out) if Path(m).is_dir()
                                                  else [m] if _wanted(Path(m), suffixes, leave_out) else [])]
            if not files:
                raise UsageError(f"{name}: matches no file aloud reads")
            found += files
        elif not path.exists() and not path.is_symlink():
            raise UsageError(f"{name}: no such file or folder")
        else:
            found.append(name)
    unique: dict[Path, str] = {}
    for name in found:
        unique.setdefault(Path(name).resolve(), name)
    return list(unique.values())


def _readable_in(folder: Path, suffixes: frozenset[str], leave_out: Path | None) -> list[str]:
    skip = leave_out.resolve() if leave_out is not None else None
    files = []
    for top, folders, names in os.walk(folder):
        here = Path(top)
        if skip is not None and here.resolve() == skip or any((here / m).exists() for m in _MADE_BY_ALOUD):
            folders[:] = []
            continue
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        files += [str(here / n) for n in sorted(names) if not n.startswith(".") and Path(n).suffix.lower() in suffixes
                  and (here / n).is_file()]
    return sorted(files, key=lambda f: Path(f).relative_to(folder).parts)


def _wanted(path: Path, suffixes: frozenset[str], leave_out: Path | None) -> bool:
    """Whether a file a pattern matched is an input: readable, not hidden, not in the site
    being built nor in anything aloud made."""
    if path.suffix.lower() not in suffixes or not path.is_file() or any(
            part.startswith(".") and part not in (".", "..") for part in path.parts):
        return False
    resolved = path.resolve()
    skip = leave_out.resolve() if leave_out is not None else None
    if skip is not None and skip in resolved.parents:
        return False
    return not any((folder / marker).exists() for folder in resolved.parents for marker in _MADE_BY_ALOUD)


def names_a_collection(names: Sequence[str]) -> bool:
    """Whether the names given make a collection whatever they expand to: several, or a
    folder or a pattern."""
    return len(names) > 1 or any(Path(n).is_dir() or (not Path(n).exists() and _GLOB_CHARS & set(n)) for n in names)
