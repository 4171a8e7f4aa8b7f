"""A task for a worker that says which modules it has loaded (for tests/test_seams.py)."""

from __future__ import annotations

import sys


def loaded(names: list[str]) -> list[str]:
    return [name for name in names if name in sys.modules]
