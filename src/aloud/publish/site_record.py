"""The site's own record (`SITE/.aloud-site.json`): the files the site wrote (the library
page, the feed and its chapters files and artwork), so that only those are ever replaced
or removed; the editions it lists; its base URL, so that a later build without one keeps
the feed; and each edition's guid and the date it was first published, which stay the
same however often the site is rebuilt (and when an edition is retitled).

A site file is written whole to a temporary file, then moved in: a reader (or a podcast
app fetching the feed) sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from aloud.edition_folder import keep_aside
from aloud.errors import OutputError

SITE_RECORD = ".aloud-site.json"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Published:
    guid: str
    first_published: int  # seconds since the epoch, UTC
    source: str = ""  # the input it was built from


@dataclass
class SiteRecord:
    """What the site wrote, and what it promised its feed's readers; saved by `save`."""

    site: Path
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # name → (size, mtime_ns)
    editions: dict[str, Published] = field(default_factory=dict)  # slug → guid and first date
    listed: list[str] = field(default_factory=list)  # the slugs the page and feed list, in order
    base_url: str = ""  # the last one given

    @classmethod
    def load(cls, site: Path) -> "SiteRecord":
        path = site / SITE_RECORD
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise TypeError("not an object")
            files = {str(k): (int(v[0]), int(v[1])) for k, v in dict(data.get("files", {})).items()}
            editions = {str(k): Published(str(v["guid"]), int(v["first_published"]), str(v.get("source", "")))
                        for k, v in dict(data.get("editions", {})).items()}
            listed = [str(s) for s in list(data.get("listed", []))]
            base_url = str(data.get("base_url", ""))
        except FileNotFoundError:
            return cls(site)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError):
            log.warning("%s: cannot be read; the site's files are taken as not aloud's", path)
            return cls(site)
        files = {k: v for k, v in files.items() if not Path(k).is_absolute() and ".." not in Path(k).parts and k}
        return cls(site, files, editions, listed, base_url)

    def published(self, slug: str, now: int, base_url: str = "", source: str = "") -> Published:
        """The edition's guid and first date: those recorded; else those of the edition
        built from the same input under another name (it was retitled), which it takes
        over; else new ones from now on (the guid made from the edition's address, so that
        a site rebuilt from nothing gives its editions the same guids again)."""
        if slug not in self.editions and source:
            earlier = next((s for s, p in self.editions.items() if p.source == source and s not in self.listed), None)
            if earlier is not None:
                self.editions[slug] = self.editions.pop(earlier)
        if slug not in self.editions:
            guid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{base_url or 'aloud:'}{slug}/"))
            self.editions[slug] = Published(guid, now, source)
        elif source and self.editions[slug].source != source:
            self.editions[slug] = Published(self.editions[slug].guid, self.editions[slug].first_published, source)
        return self.editions[slug]

    def forget(self, slug: str) -> None:
        """An edition removed from the site: a later one of that name is a new episode."""
        self.editions.pop(slug, None)

    def check_writable(self, name: str) -> None:
        """Refuse to replace a file at `name` that the site did not write."""
        path = self.site / name
        if (path.exists() or path.is_symlink()) and name not in self.files:
            raise OutputError(f"{path}: is in the way and aloud did not write it; move it away and build again")
        if path.is_symlink() or path.is_dir():
            raise OutputError(f"{path}: is not a file aloud wrote; move it away and build again")
        for parent in Path(name).parents:
            if parent != Path(".") and ((self.site / parent).is_symlink() or (self.site / parent).is_file()):
                raise OutputError(f"{self.site / parent}: is in the way and aloud did not make it; move it away "
                                  "and build again")

    def write(self, name: str, data: bytes) -> bool:
        """Write the site's file `name` whole, unless it already holds exactly `data`;
        whether it was written. One changed by hand since is kept beside as `<name>.changed`."""
        self.check_writable(name)
        path = self.site / name
        if path.is_file() and name in self.files:
            if path.read_bytes() == data:
                self.files[name] = _state(path)
                return False
            if _state(path) != self.files[name]:
                _keep_aside(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, data)
        self.files[name] = _state(path)
        return True

    def remove_all_but(self, kept: set[str]) -> list[str]:
        """Remove the site's files not in `kept` (an edition's chapters file, once the
        edition leaves the site); the names removed. One changed by hand since stays."""
        removed = []
        for name in sorted(set(self.files) - kept):
            path = self.site / name
            if path.is_file() and not path.is_symlink() and _state(path) == self.files[name]:
                path.unlink()
                removed.append(name)
                if path.parent != self.site:
                    try:
                        path.parent.rmdir()
                    except OSError:
                        pass
            del self.files[name]
        return removed

    def save(self) -> None:
        data = {"base_url": self.base_url, "listed": self.listed,
                "files": {k: list(v) for k, v in sorted(self.files.items())},
                "editions": {k: {"guid": v.guid, "first_published": v.first_published, "source": v.source}
                             for k, v in sorted(self.editions.items())}}
        write_whole(self.site / SITE_RECORD, (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))


def _state(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns


def _keep_aside(path: Path) -> None:
    aside = keep_aside(path)
    log.warning("%s was changed since aloud wrote it: written again, and the changed one kept as %s", path, aside.name)


def write_whole(path: Path, data: bytes) -> None:
    """`data` into `path` through a temporary file beside it, moved in once complete."""
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot be written: {exc.strerror or exc}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
