"""Word lists as data files: a locale keeps its lists in a `data/` folder beside its code."""

from __future__ import annotations

from importlib import resources


def entries(package: str, name: str) -> tuple[str, ...]:
    """The entries of `package`'s data file `name`: one per line, in order, without comments or blanks."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    found = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(entry for entry in found if entry)
