"""The chapter MP3s, joined from the segments' MP3 streams once, however many outputs use them.

A join copies MP3 frames (no encoding), one ffmpeg process per chapter; at most `jobs`
run at once, whatever the number of chapters. The files are tagged (ID3) as soon as they
are joined, so the chapter files of the edition and those inside its EPUB are the same.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from aloud.audio import ffmpeg
from aloud.export.id3 import tag_chapter_mp3
from aloud.export.names import chapter_file_name
from aloud.export.tags import BookTags
from aloud.model import ChapterAudio, Edition
from aloud.progress import Progress

CHAPTER_FOLDER = "mp3"


def edition_mp3_name(edition: Edition) -> str:
    """Where the whole edition as one MP3 lies: beside the chapter MP3s, so that the M4B is
    the only audio file at the top of the folder (a library that reads a folder as one
    book, as Audiobookshelf does, finds one book of the right length)."""
    return f"{CHAPTER_FOLDER}/{edition.slug}.mp3"


def chapter_files(edition: Edition) -> list[str]:
    """Where each chapter's MP3 lies, relative to the edition folder."""
    total = len(edition.chapters)
    return [f"{CHAPTER_FOLDER}/{chapter_file_name(c.index, total, c.title, '.mp3')}" for c in edition.chapters]


class JoinedAudio:
    def __init__(
        self, edition: Edition, chapters: tuple[ChapterAudio, ...], base: Path, work: Path, jobs: int, progress: Progress,
        tags: BookTags,
    ) -> None:
        self.edition = edition
        self.tags = tags
        self.chapters = chapters
        self.base = base  # the chapter files go to base/mp3/
        self.work = work
        self.jobs = jobs
        self.progress = progress
        self._lock = threading.Lock()
        self._chapter_mp3s: list[Path] | None = None

    def chapter_mp3s(self) -> list[Path]:
        """Each chapter's MP3, tagged, joined on the first call."""
        with self._lock:
            if self._chapter_mp3s is None:
                paths = [self.base / name for name in chapter_files(self.edition)]
                (self.base / CHAPTER_FOLDER).mkdir(parents=True, exist_ok=True)
                self.progress.start("chapters", len(paths))
                with ThreadPoolExecutor(max_workers=self.jobs) as pool:
                    list(pool.map(self._join_chapter, self.chapters, paths))
                self.progress.finish("chapters")
                self._chapter_mp3s = paths
            return self._chapter_mp3s

    def _join_chapter(self, audio: ChapterAudio, path: Path) -> None:
        ffmpeg.join_mp3([s.mp3 for s in audio.segments], path, self.work)
        tag_chapter_mp3(path, self.tags, audio.chapter.index, audio.chapter.title)
        self.progress.advance("chapters")

    def edition_mp3(self, path: Path) -> Path:
        """The whole edition as one MP3 (its tags are the caller's)."""
        ffmpeg.join_mp3([s.mp3 for c in self.chapters for s in c.segments], path, self.work)
        return path
