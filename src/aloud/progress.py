"""How stages report progress. The library knows nothing of terminals; the CLI plugs one in."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def start(self, stage: str, total: int) -> None: ...

    def advance(self, stage: str, amount: int = 1) -> None: ...

    def finish(self, stage: str) -> None: ...

    def note(self, stage: str, text: str) -> None:
        """Where the stage is now, in a few words ("chapter 3 · 12 min of audio")."""
        ...


class NullProgress:
    def start(self, stage: str, total: int) -> None:
        pass

    def advance(self, stage: str, amount: int = 1) -> None:
        pass

    def finish(self, stage: str) -> None:
        pass

    def note(self, stage: str, text: str) -> None:
        pass
