"""MP3 tags (ID3v2.4): per-chapter files (title, album, artist, track n/N, genre, narrator
as composer, description, year, language, publisher, series and part, the cover), and the
whole edition as one MP3 with a table of contents (CTOC) and a CHAP frame per chapter."""

from __future__ import annotations

from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    MVIN,
    MVNM,
    TALB,
    TCOM,
    TCON,
    TDRC,
    TIT2,
    TLAN,
    TPE1,
    TPE2,
    TPUB,
    TRCK,
    TXXX,
    CTOCFlags,
    PictureType,
)

from aloud.errors import OutputError
from aloud.export.tags import GENRE, BookTags
from aloud.model import ChapterMark

NO_OFFSET = 0xFFFFFFFF  # CHAP byte offsets unused: players go by the times


class _ChapteredID3(ID3):
    """ID3 tags whose chapter frames are written in the order they play. mutagen writes
    frames shortest first, so a chapter with a short title came before the ones ahead of it,
    and readers that list chapters as the file holds them (ffprobe, and players built on
    it) listed them out of order."""

    def _write(self, config):  # mutagen's hook for the frames' bytes
        from mutagen.id3._tags import save_frame

        first = ["TIT2", "TPE1", "TRCK", "TALB", "TPOS", "TDRC", "TCON"]

        def place(frame) -> tuple:
            if frame.FrameID == "CHAP":
                return (2, frame.start_time, frame.element_id)
            if frame.FrameID == "APIC":
                return (3, 0, "")  # pictures last, as mutagen puts them
            rank = first.index(frame.FrameID) if frame.FrameID in first else len(first)
            return (0 if frame.FrameID != "CTOC" else 1, rank, frame.HashKey)

        return bytearray().join(save_frame(f, config=config) for f in sorted(self.values(), key=place))


def _edition_tags(book: BookTags, title: str) -> ID3:
    tags = _ChapteredID3()
    tags.add(TIT2(encoding=3, text=title))
    tags.add(TALB(encoding=3, text=book.title))
    if book.author:
        tags.add(TPE1(encoding=3, text=book.author))
        tags.add(TPE2(encoding=3, text=book.author))
    tags.add(TCON(encoding=3, text=GENRE))
    tags.add(TCOM(encoding=3, text=book.narrator))
    language = book.language_639_2
    if language:
        tags.add(TLAN(encoding=3, text=language))
    if book.description:
        tags.add(COMM(encoding=3, lang=language or "und", desc="", text=book.description))
    if book.year:
        tags.add(TDRC(encoding=3, text=book.year))
    if book.publisher:
        tags.add(TPUB(encoding=3, text=book.publisher))
    if book.series:
        tags.add(MVNM(encoding=3, text=book.series))
        tags.add(TXXX(encoding=3, desc="SERIES", text=book.series))
        if book.part:
            tags.add(MVIN(encoding=3, text=book.part))
            tags.add(TXXX(encoding=3, desc="SERIES-PART", text=book.part))
    if book.isbn:
        tags.add(TXXX(encoding=3, desc="ISBN", text=book.isbn))
    if book.cover:
        tags.add(APIC(encoding=3, mime="image/jpeg", type=PictureType.COVER_FRONT, desc="Cover", data=book.cover))
    return tags


def _save(tags: ID3, path: Path) -> None:
    try:
        tags.save(str(path), v2_version=4, padding=lambda info: 0)
    except (MutagenError, OSError) as exc:
        reason = str(exc).split("] ", 1)[-1] if str(exc).startswith("[Errno") else exc  # "No space left on device"
        raise OutputError(f"{path}: cannot write its tags: {reason}") from None


def tag_chapter_mp3(path: Path, book: BookTags, index: int, title: str) -> None:
    tags = _edition_tags(book, title)
    tags.add(TRCK(encoding=3, text=f"{index}/{book.chapters}"))
    _save(tags, path)


def tag_sample_mp3(path: Path, book: BookTags) -> None:
    _save(_edition_tags(book, f"{book.title} (sample)"), path)


MAX_CHILDREN = 255  # a CTOC frame counts its entries in one byte


def tag_edition_mp3(path: Path, book: BookTags, marks: list[ChapterMark]) -> None:
    """Tags of the one-file edition, with its chapters (ID3v2 Chapter Frame Addendum). Up to
    255 chapters the table of contents lists them; with more, it lists tables of up to 255
    chapters each, in order, and every chapter is still reachable."""
    tags = _edition_tags(book, book.title)
    ids = [f"chp{mark.index}" for mark in marks]
    groups = [ids[n : n + MAX_CHILDREN] for n in range(0, len(ids), MAX_CHILDREN)]
    top = ids if len(groups) == 1 else [f"toc{n}" for n in range(1, len(groups) + 1)]
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=top,
                  sub_frames=[TIT2(encoding=3, text=book.title)]))
    if len(groups) > 1:
        for element_id, group in zip(top, groups):
            first, last = marks[ids.index(group[0])], marks[ids.index(group[-1])]
            tags.add(CTOC(element_id=element_id, flags=CTOCFlags.ORDERED, child_element_ids=group,
                          sub_frames=[TIT2(encoding=3, text=f"{first.title} – {last.title}")]))
    for element_id, mark in zip(ids, marks):
        tags.add(
            CHAP(
                element_id=element_id,
                start_time=round(mark.start * 1000),
                end_time=round(mark.end * 1000),
                start_offset=NO_OFFSET,
                end_offset=NO_OFFSET,
                sub_frames=[TIT2(encoding=3, text=mark.title)],
            )
        )
    _save(tags, path)


def table_of_contents(tags: ID3) -> list[str]:
    """The chapters a table of contents lists, in order, through nested tables."""
    tables = {frame.element_id: frame for frame in tags.getall("CTOC")}
    top = next((t for t in tables.values() if t.flags & CTOCFlags.TOP_LEVEL), None)

    def children(table, seen: frozenset[str]) -> list[str]:
        listed = []
        for child in table.child_element_ids:
            if child in tables and child not in seen:
                listed += children(tables[child], seen | {child})
            else:
                listed.append(child)
        return listed

    return children(top, frozenset({top.element_id})) if top is not None else []
