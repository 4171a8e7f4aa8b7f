"""The whole pipeline: read → structure → narrate → synthesize → master → export."""

from __future__ import annotations

import os
import shutil
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from mutagen.mp3 import MP3

from aloud import media
from aloud.cache import UnitCache, default_cache_dir
from aloud.config import BuildSettings
from aloud.engines.base import resolve_voice
from aloud.engines.registry import create_engine
from aloud.errors import OutputError
from aloud.export.m4b import write_m4b
from aloud.export.manifest import manifest, write_manifest
from aloud.export.mp3 import tag_chapter_mp3
from aloud.export.names import chapter_file_name
from aloud.export.playlist import write_playlist
from aloud.master import master_chapter
from aloud.model import BuiltEdition, ChapterMark, Edition, EncodedChapter, MasteredChapter, SpeechUnit
from aloud.narrate import narrate_edition
from aloud.narrate.lexicon import load_lexicon
from aloud.progress import NullProgress, Progress
from aloud.read import read_source
from aloud.structure import structure
from aloud.synthesize import Voicing, synthesize_units


@dataclass(frozen=True)
class EditionOptions:
    """What a user may set for one edition, over its edition file."""

    title: str | None = None
    author: str | None = None
    voice: str | None = None
    rate: int | None = None


@dataclass(frozen=True)
class PreparedEdition:
    edition: Edition
    units: dict[int, tuple[SpeechUnit, ...]]
    voice: str
    rate: int


def prepare(path: str | Path, settings: BuildSettings, options: EditionOptions = EditionOptions()) -> PreparedEdition:
    """Read, structure and narrate: everything up to the engine."""
    source = read_source(path)
    narration = settings.narration
    edition = structure(source, options.title, options.author, keep_web_leftovers=narration.keep_web_leftovers)
    voice = _first(options.voice, source.voice, settings.voice)
    rate = _first(options.rate, source.rate, settings.rate)
    settings.with_overrides(rate=rate).validated()
    lexicon = load_lexicon(narration.lexicon or source.lexicon)
    units = narrate_edition(edition, settings.pauses, narration, lexicon)
    return PreparedEdition(edition, units, voice, rate)


def _first(*values):
    return next(v for v in values if v is not None)


def estimated_seconds(units: tuple[SpeechUnit, ...], rate: int, settings: BuildSettings) -> float:
    from aloud.model import count_words

    words = sum(count_words(u.text) for u in units)
    pauses = sum(u.pause_after for u in units)
    return words * 60.0 / rate + pauses + settings.pauses.chapter_head + settings.pauses.chapter_tail


def open_engine(settings: BuildSettings, wanted_voice: str, rate: int) -> Voicing:
    """Check the engine is installed and the voice exists; say exactly who will speak."""
    engine = create_engine(settings.engine)
    engine.check_available()
    voice = resolve_voice(engine.voices(), wanted_voice)
    return Voicing(engine.name, engine.version(), voice.id, rate)


def build(
    path: str | Path,
    settings: BuildSettings,
    options: EditionOptions = EditionOptions(),
    progress: Progress = NullProgress(),
) -> BuiltEdition:
    settings.validated()
    prepared = prepare(path, settings, options)
    edition = prepared.edition
    media.require("ffmpeg")
    media.require("ffprobe")
    voicing = open_engine(settings, prepared.voice, prepared.rate)

    out_dir = settings.out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create the output folder: {exc.strerror or exc}") from None
    if not os.access(out_dir, os.W_OK):
        raise OutputError(f"{out_dir}: the output folder is not writable")
    final = out_dir / edition.slug
    staging = out_dir / f".{edition.slug}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        built = _build_into(staging, final, prepared, voicing, settings, progress)
        _swap_into_place(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return built


def _build_into(
    folder: Path,
    final: Path,
    prepared: PreparedEdition,
    voicing: Voicing,
    settings: BuildSettings,
    progress: Progress,
) -> BuiltEdition:
    edition = prepared.edition
    work = folder / ".work"
    (folder / "mp3").mkdir(parents=True)
    work.mkdir()
    cache = UnitCache(settings.cache_dir or default_cache_dir())

    all_units = [u for c in edition.chapters for u in prepared.units[c.index]]
    titles = {c.index: c.title for c in edition.chapters}
    rendered = synthesize_units(all_units, voicing, cache, settings.jobs, titles, progress)
    by_chapter: dict[int, list] = {c.index: [] for c in edition.chapters}
    for r in rendered:
        by_chapter[r.unit.chapter].append(r)

    total = len(edition.chapters)

    def master_and_encode(chapter_index: int) -> EncodedChapter:
        chapter = edition.chapters[chapter_index - 1]
        wav = work / f"{chapter.index:04d}.wav"
        mastered = master_chapter(chapter, by_chapter[chapter.index], settings.pauses, settings.audio, wav)
        mp3 = folder / "mp3" / chapter_file_name(chapter.index, total, chapter.title, ".mp3")
        m4a = work / f"{chapter.index:04d}.m4a"
        media.encode_chapter(
            wav,
            gain_db=mastered.gain_db,
            limiter_dbfs=settings.audio.limiter_dbfs,
            m4a=m4a,
            aac_bitrate=settings.audio.aac_bitrate,
            mp3=mp3,
            mp3_bitrate=settings.audio.mp3_bitrate,
            mp3_sample_rate=settings.audio.mp3_sample_rate,
        )
        wav.unlink()
        tag_chapter_mp3(mp3, edition, chapter.index, chapter.title)
        progress.advance("encode")
        return EncodedChapter(mastered, m4a, mp3)

    progress.start("encode", total)
    with ThreadPoolExecutor(max_workers=settings.jobs) as pool:
        encoded = list(pool.map(master_and_encode, [c.index for c in edition.chapters]))
    progress.finish("encode")

    marks = chapter_marks(edition, [e.mastered for e in encoded], [e.mp3_path for e in encoded], folder)
    m4b = write_m4b(edition, marks, [e.m4a_path for e in encoded], folder / f"{edition.slug}.m4b", work)
    durations = [MP3(str(e.mp3_path)).info.length for e in encoded]
    playlist = write_playlist(folder / f"{edition.slug}.m3u8", edition, marks, durations)
    data = manifest(
        edition,
        marks,
        [e.mastered for e in encoded],
        engine=voicing.engine,
        engine_version=voicing.engine_version,
        voice=voicing.voice,
        rate=voicing.rate,
        m4b=m4b.name,
        playlist=playlist.name,
        target_lufs=settings.audio.target_lufs,
    )
    manifest_path = write_manifest(folder / "chapters.json", data)
    shutil.rmtree(work)

    def moved(p: Path) -> Path:
        return final / p.relative_to(folder)

    return BuiltEdition(
        edition=edition,
        folder=final,
        m4b=moved(m4b),
        mp3s=tuple(moved(e.mp3_path) for e in encoded),
        playlist=moved(playlist),
        manifest=moved(manifest_path),
        marks=tuple(marks),
    )


def chapter_marks(
    edition: Edition, mastered: list[MasteredChapter], mp3s: list[Path], folder: Path
) -> list[ChapterMark]:
    """Where each chapter lies in the joined M4B (each later part brings AAC priming)."""
    marks = []
    position = 0.0
    for n, m in enumerate(mastered):
        start = position
        length = m.duration + (media.AAC_PRIMING_SAMPLES / m.sample_rate if n else 0.0)
        position += length
        marks.append(
            ChapterMark(
                index=m.chapter.index,
                title=m.chapter.title,
                start=start,
                end=position,
                file=mp3s[n].relative_to(folder).as_posix(),
                word_count=m.chapter.word_count,
            )
        )
    return marks


def _swap_into_place(staging: Path, final: Path) -> None:
    """Replace any older edition in one rename, so a reader sees old or new, never half."""
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        os.replace(final, old)
    try:
        os.replace(staging, final)
    except OSError:
        if old.exists():
            os.replace(old, final)
        raise
    shutil.rmtree(old, ignore_errors=True)


def say(text: str, out: Path, settings: BuildSettings, voice: str | None = None) -> float:
    """Speak a short text into a WAV file for a quick listen. Returns its duration."""
    from aloud.model import Chapter, Paragraph
    from aloud.narrate import narrate_chapter

    if not text.strip():
        from aloud.errors import UsageError

        raise UsageError("nothing to say: the text is empty")
    settings.validated()
    voicing = open_engine(settings, voice or settings.voice, settings.rate)
    chapter = Chapter(1, "say", "", tuple(Paragraph(p) for p in text.split("\n") if p.strip()))
    units = narrate_chapter(chapter, settings.pauses, settings.narration, load_lexicon(settings.narration.lexicon))
    cache = UnitCache(settings.cache_dir or default_cache_dir())
    rendered = synthesize_units(list(units), voicing, cache, 1, {1: "say"})
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.part")
    samples = 0
    try:
        with wave.open(str(tmp), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rendered[0].sample_rate)
            for r in rendered:
                with wave.open(str(r.path), "rb") as src:
                    frames = src.readframes(src.getnframes())
                w.writeframes(frames)
                gap = round(r.unit.pause_after * r.sample_rate) if r is not rendered[-1] else 0
                w.writeframes(b"\x00\x00" * gap)
                samples += len(frames) // 2 + gap
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot write: {exc.strerror or exc}") from None
    return samples / rendered[0].sample_rate
