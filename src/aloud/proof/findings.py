"""What `aloud check` finds: one Finding per thing checked, passed or not."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Finding:
    check: str  # what was checked, e.g. "duration"
    subject: str  # which file or chapter
    passed: bool
    detail: str  # what was found, and what was expected


@dataclass(frozen=True)
class CheckReport:
    folder: Path
    findings: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        return all(f.passed for f in self.findings)

    @property
    def failures(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.passed)

    def to_json(self) -> dict:
        return {
            "folder": str(self.folder),
            "passed": self.passed,
            "checks": len(self.findings),
            "failures": [asdict(f) for f in self.failures],
            "findings": [asdict(f) for f in self.findings],
        }


def finding(check: str, subject: str, passed: bool, detail: str) -> Finding:
    return Finding(check, subject, bool(passed), detail)


