"""MP3 tags (ID3v2.4): per-chapter files (title, album, artist, track n/N, genre), and the
whole edition as one MP3 with a table of contents (CTOC) and a CHAP frame per chapter."""

from __future__ import annotations

from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import CHAP, CTOC, ID3, TALB, TCON, TIT2, TPE1, TPE2, TRCK, CTOCFlags

from aloud.errors import OutputError
from aloud.export.m4b import GENRE
from aloud.model import ChapterMark, Edition

NO_OFFSET = 0xFFFFFFFF  # CHAP byte offsets unused: players go by the times


def _edition_tags(edition: Edition, title: str) -> ID3:
    tags = ID3()
    tags.add(TIT2(encoding=3, text=title))
    tags.add(TALB(encoding=3, text=edition.title))
    tags.add(TPE1(encoding=3, text=edition.author))
    tags.add(TPE2(encoding=3, text=edition.author))
    tags.add(TCON(encoding=3, text=GENRE))
    return tags


def _save(tags: ID3, path: Path) -> None:
    try:
        tags.save(str(path), v2_version=4, padding=lambda info: 0)
    except (MutagenError, OSError) as exc:
        reason = str(exc).split("] ", 1)[-1] if str(exc).startswith("[Errno") else exc  # "No space left on device"
        raise OutputError(f"{path}: cannot write its tags: {reason}") from None


def tag_chapter_mp3(path: Path, edition: Edition, index: int, title: str) -> None:
    tags = _edition_tags(edition, title)
    tags.add(TRCK(encoding=3, text=f"{index}/{len(edition.chapters)}"))
    _save(tags, path)


MAX_CHILDREN = 255  # a CTOC frame counts its entries in one byte


def tag_edition_mp3(path: Path, edition: Edition, marks: list[ChapterMark]) -> None:
    """Tags of the one-file edition, with its chapters (ID3v2 Chapter Frame Addendum). Up to
    255 chapters the table of contents lists them; with more, it lists tables of up to 255
    chapters each, in order, and every chapter is still reachable."""
    tags = _edition_tags(edition, edition.title)
    ids = [f"chp{mark.index}" for mark in marks]
    groups = [ids[n : n + MAX_CHILDREN] for n in range(0, len(ids), MAX_CHILDREN)]
    top = ids if len(groups) == 1 else [f"toc{n}" for n in range(1, len(groups) + 1)]
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=top,
                  sub_frames=[TIT2(encoding=3, text=edition.title)]))
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
