"""An edition's folder: one build at a time, and only aloud's own files ever replaced.

A build writes its files into a staging folder beside the edition, then moves them into
the edition folder one by one. The build record (`.aloud-build.json`) lists every file
aloud wrote there; a rebuild replaces or removes only those. A cover image, notes or
anything else a user keeps in the folder stay as they are, and a file in the way that
aloud did not write stops the build before anything is moved. Before the moves, the
record lists the old files and the new, so a build killed half-way leaves a record that
still names every file of ours for the next build to clean up.
"""

from __future__ import annotations

import errno
import fcntl
import filecmp
import json
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aloud.errors import OutputError

BUILD_RECORD = ".aloud-build.json"
log = logging.getLogger(__name__)
PENDING = "pending"  # the key of a record written while files are being moved in
STDIN = "stdin"


@dataclass(frozen=True)
class BuildRecord:
    key: str  # everything the files were made from, hashed
    settings: dict[str, str] = field(default_factory=dict)  # what they were made with, to say what changed
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # name → (size, mtime_ns)
    source: str = ""  # the input it was made from: its absolute path, or "stdin"


def _file_state(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns


class EditionFolder:
    def __init__(self, out_dir: Path, slug: str) -> None:
        self.out_dir = out_dir
        self.slug = slug
        self.path = out_dir / slug

    @contextmanager
    def locked(self) -> Iterator["EditionFolder"]:
        """One build of an edition at a time: a second one fails at once, clearly."""
        with held_lock(self.out_dir / f".{self.slug}.lock", "the edition's",
                       f"{self.path}: another build of this edition is running"):
            yield self

    def record(self) -> BuildRecord | None:
        """The build record, or None if there is none or it cannot be trusted (a name outside the folder)."""
        try:
            data = json.loads((self.path / BUILD_RECORD).read_text(encoding="utf-8"))
            record = BuildRecord(
                str(data["key"]),
                {str(k): str(v) for k, v in data.get("settings", {}).items()},
                {str(name): (int(size), int(mtime)) for name, (size, mtime) in data["files"].items()},
                str(data.get("source", "")),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if any(Path(name).is_absolute() or ".." in Path(name).parts or not name for name in record.files):
            return None
        return record

    def is_current(self, key: str) -> bool:
        """Whether the edition was built from exactly `key` and none of its files was touched since."""
        record = self.record()
        if record is None or record.key != key:
            return False
        try:
            return all(_file_state(self.path / name) == state for name, state in record.files.items())
        except OSError:
            return False

    def check_replaceable(self, source: str, text: str) -> None:
        """Refuse a folder aloud did not make (an input's folder, the cache, a file), and the
        edition of another input (two texts whose titles make the same folder name, or another
        text read from stdin), whose files a build would replace."""
        if self.path.is_symlink() or (self.path.exists() and not self.path.is_dir()):
            raise OutputError(f"{self.path}: is not a folder aloud made; move it away or choose another --out or --title")
        if self.path.is_dir() and self.record() is None and any(self.path.iterdir()):
            raise OutputError(
                f"{self.path}: holds files aloud did not write; move them away or choose another --out or --title"
            )
        record = self.record()
        if record is None or not record.source:
            return
        if record.source != source:
            raise OutputError(
                f"{self.path}: is the edition of {record.source}; give this one another --title or --out "
                "(or remove that edition first)"
            )
        if source == STDIN and record.settings.get("text") not in (None, text):
            raise OutputError(
                f"{self.path}: is the edition of another text read from stdin; give this one a --title "
                "(or remove that edition first)"
            )

    @contextmanager
    def staging(self) -> Iterator[Path]:
        """A folder for the new files beside the edition, removed whatever happens."""
        for stale in self.out_dir.glob(f".{self.slug}.building-*"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
        staging = self.out_dir / f".{self.slug}.building-{os.getpid()}"
        staging.mkdir()
        try:
            yield staging
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def commit(self, staging: Path, key: str, settings: dict[str, str], source: str = "") -> None:
        """Move the staged files into the edition folder and forget the old files of ours that are gone."""
        new = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file() or p.is_symlink())
        old = self.record()
        # Ours: what the last build wrote. One changed since (a cover.jpg replaced, an MP3
        # damaged) is made again, and the changed one kept beside it under another name;
        # a pending record's files are ours whatever their state (that build was cut short).
        ours = set(old.files) if old else set()
        changed = {name for name, state in old.files.items() if old.key != PENDING and (self.path / name).exists()
                   and not self._unchanged(name, state)} if old else set()
        for name in new:
            target = self.path / name
            if (target.exists() or target.is_symlink()) and name not in ours:
                raise OutputError(f"{target}: is in the way and aloud did not write it; move it away and build again")
            for parent in target.relative_to(self.path).parents:
                if (self.path / parent).is_symlink():
                    raise OutputError(f"{self.path / parent}: is a link; aloud writes only into folders of its own")
        self.path.mkdir(exist_ok=True)
        pending = {name: (0, 0) for name in sorted(ours | set(new))}
        self._write_record(BuildRecord(PENDING, settings, pending, source))
        for name in new:
            target = self.path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if name in changed and not filecmp.cmp(target, staging / name, shallow=False):
                self._keep_aside(target)  # a copy of the folder, say, holds the same bytes: nothing to keep
            os.replace(staging / name, target)
        for name in sorted(ours - set(new) - changed):
            gone = self.path / name
            gone.unlink(missing_ok=True)
            _remove_empty_parents(gone.parent, self.path)
        self._write_record(BuildRecord(key, settings, {name: _file_state(self.path / name) for name in new}, source))

    def remove(self) -> list[str]:
        """Remove the edition: every file the last build wrote and nobody changed since, then
        its record and the folders left empty. What aloud did not write, or was changed,
        stays; its names are returned."""
        record = self.record()
        if record is None:
            raise OutputError(f"{self.path}: is not an edition aloud built; it is left as it is")
        if self.path.is_symlink():
            raise OutputError(f"{self.path}: is a link; aloud removes only folders of its own")
        for name in sorted(record.files):
            path = self.path / name
            if any((self.path / parent).is_symlink() for parent in Path(name).parents if parent != Path(".")):
                continue  # not through a link: what it points to is not ours
            if record.key == PENDING or self._unchanged(name, record.files[name]):
                path.unlink(missing_ok=True)
        (self.path / BUILD_RECORD).unlink(missing_ok=True)
        for folder in sorted((p for p in self.path.rglob("*") if p.is_dir() and not p.is_symlink()),
                             key=lambda p: len(p.parts), reverse=True):
            try:
                folder.rmdir()  # only when empty
            except OSError:
                pass
        left = sorted(p.relative_to(self.path).as_posix() for p in self.path.rglob("*")
                      if p.is_symlink() or not p.is_dir())
        if not left:
            try:
                self.path.rmdir()
            except OSError:
                pass
        return left

    def _keep_aside(self, target: Path) -> None:
        aside = keep_aside(target)
        log.warning("%s was changed since aloud wrote it: made again, and the changed one kept as %s",
                    target.relative_to(self.path), aside.name)

    def _unchanged(self, name: str, state: tuple[int, int]) -> bool:
        path = self.path / name
        try:
            return path.is_file() and not path.is_symlink() and _file_state(path) == tuple(state)
        except OSError:
            return False

    def _write_record(self, record: BuildRecord) -> None:
        data = {"key": record.key, "source": record.source, "settings": record.settings,
                "files": {k: list(v) for k, v in record.files.items()}}
        tmp = self.path / f"{BUILD_RECORD}.part"
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path / BUILD_RECORD)


def keep_aside(target: Path) -> Path:
    """Move a file of ours that was changed since it was written out of the way, as
    "<name>.changed<suffix>" (or .changed-2 …, never over another file); where it went."""
    aside = target.with_name(f"{target.stem}.changed{target.suffix}")
    n = 1
    while aside.exists() or aside.is_symlink():
        n += 1
        aside = target.with_name(f"{target.stem}.changed-{n}{target.suffix}")
    os.replace(target, aside)
    return aside


@contextmanager
def held_lock(lock_path: Path, whose: str, busy: str) -> Iterator[None]:
    """An exclusive lock on `lock_path`, or OutputError("<busy> (pid N); try again when it
    ends") at once. The lock file is opened without following links and removed on release."""
    lock = _take_lock(lock_path, whose, busy)
    try:
        yield
    finally:
        lock_path.unlink(missing_ok=True)  # while still held: a process waiting on it finds it gone
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def _take_lock(lock_path: Path, whose: str, busy: str):
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        except OSError as exc:
            reason = "is a link; remove it" if exc.errno == errno.ELOOP else (exc.strerror or str(exc))
            raise OutputError(f"{lock_path}: cannot take {whose} lock: {reason}") from None
        lock = os.fdopen(fd, "r+")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = lock.read().strip() or "another process"
            lock.close()
            raise OutputError(f"{busy} ({holder}); try again when it ends") from None
        try:
            same = os.fstat(fd).st_ino == os.lstat(lock_path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            lock.truncate()
            lock.write(f"pid {os.getpid()}")
            lock.flush()
            return lock
        lock.close()  # the one before removed it as we opened it: take the new one


def _remove_empty_parents(folder: Path, top: Path) -> None:
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def what_changed(before: dict[str, str], after: dict[str, str]) -> str:
    """'voice en-us → en-gb, rate 170 → 160' for the settings that differ, in a fixed order."""
    changes = []
    for name, value in after.items():
        if name in before and before[name] != value:
            changes.append("the text" if name == "text" else f"{name} {before[name] or '(none)'} → {value or '(none)'}")
    return ", ".join(changes)
