"""The whole pipeline: read → structure → narrate → synthesize → master → export."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import wave
from collections.abc import Iterator
from concurrent.futures import BrokenExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from aloud.audio import ffmpeg
from aloud.audio.cache import default_cache_dir
from aloud.settings import BuildSettings
from aloud.speech.engine import resolve_voice
from aloud.speech.registry import create_engine
from aloud.errors import OutputError, SynthesisError, UsageError
from aloud.export.m4b import write_m4b
from aloud.export.manifest import manifest, write_manifest
from aloud.export.epub import modified_date, write_epub
from aloud.export.mp3 import tag_chapter_mp3, tag_edition_mp3
from aloud.export.names import chapter_file_name
from aloud.export.player import write_player
from aloud.export.playlist import write_playlist
from aloud.export.transcript import write_transcripts
from aloud.audio.mastering import SegmentAudio
from aloud.model import BuiltEdition, Chapter, ChapterAudio, ChapterMark, Edition, Paragraph, SpeechUnit
from aloud.narrate import narrate_chapter, narrate_edition
from aloud.narrate.lexicon import Lexicon, load_lexicon
from aloud.narrate.readable import readable_scripts
from aloud.progress import NullProgress, Progress
from aloud.words import count_words
from aloud.read import read_source
from aloud.structure import structure
from aloud import __version__
from aloud.run.scheduler import RenderPlan
from aloud.run.scheduler import plan as plan_render
from aloud.run.scheduler import render
from aloud.speech.speaking import UnitFailed, Voicing, speak_afresh
from aloud.audio.timeline import chapter_marks
from aloud.run.local_pool import LocalProcessPool


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
    lexicon: Lexicon = Lexicon()


def prepare(path: str | Path, settings: BuildSettings, options: EditionOptions = EditionOptions()) -> PreparedEdition:
    """Read, structure and narrate: everything up to the engine."""
    source = read_source(path)
    narration = settings.narration
    edition = structure(source, options.title, options.author, keep_web_leftovers=narration.keep_web_leftovers)
    voice = _first(options.voice, source.voice, settings.voice)
    rate = _first(options.rate, source.rate, settings.rate)
    settings.with_overrides(rate=rate).validated()
    lexicon = load_lexicon(narration.lexicon or source.lexicon)
    units = narrate_edition(edition, settings.pauses, replace(narration, language=voice), lexicon)
    return PreparedEdition(edition, units, voice, rate, lexicon)


def narrated_for(prepared: PreparedEdition, settings: BuildSettings, language: str) -> PreparedEdition:
    """The edition narrated for the voice's language, when the voice's name did not tell it
    ("Russian" speaks Cyrillic): what is left out as unreadable depends on it. Narrated
    again only when the voice reads other scripts than its name suggested."""
    if readable_scripts(language) == readable_scripts(prepared.voice):
        return prepared
    narration = replace(settings.narration, language=language)
    units = narrate_edition(prepared.edition, settings.pauses, narration, prepared.lexicon)
    return replace(prepared, units=units)


def _first(*values):
    return next(v for v in values if v is not None)


def estimated_seconds(units: tuple[SpeechUnit, ...], rate: int, settings: BuildSettings) -> float:
    words = sum(count_words(u.text) for u in units)
    pauses = sum(u.pause_after for u in units)
    return words * 60.0 / rate + pauses + settings.pauses.chapter_head + settings.pauses.chapter_tail


def open_engine(settings: BuildSettings, wanted_voice: str, rate: int) -> Voicing:
    """Check the engine is installed and the voice exists; say exactly who will speak."""
    engine = create_engine(settings.engine)
    engine.check_available()
    voice = resolve_voice(engine.voices(), wanted_voice)
    language = voice.languages[0] if voice.languages else "en"
    return Voicing(engine.name, engine.version(), voice.id, rate, language)


def build(
    path: str | Path,
    settings: BuildSettings,
    options: EditionOptions = EditionOptions(),
    progress: Progress = NullProgress(),
) -> BuiltEdition:
    settings.validated()
    prepared = prepare(path, settings, options)
    edition = prepared.edition
    ffmpeg.require("ffmpeg")
    ffmpeg.require("ffprobe")
    voicing = open_engine(settings, prepared.voice, prepared.rate)
    prepared = narrated_for(prepared, settings, voicing.language)
    render_plan = plan_render(edition, prepared.units, voicing, settings)
    key = edition_key(edition, render_plan, voicing)

    out_dir = settings.out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create the output folder: {exc.strerror or exc}") from None
    if not os.access(out_dir, os.W_OK):
        raise OutputError(f"{out_dir}: the output folder is not writable")
    final = out_dir / edition.slug
    staging = out_dir / f".{edition.slug}.building-{os.getpid()}"
    with _edition_lock(out_dir, edition.slug):
        current = _up_to_date(final, key, edition)
        if current is not None:
            return current
        for stale in out_dir.glob(f".{edition.slug}.building-*"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
        try:
            staging.mkdir()
            built = _build_into(staging, final, prepared, render_plan, voicing, settings, progress)
            _record_build(staging, key)
            _swap_into_place(staging, final)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return built


BUILD_RECORD = ".aloud-build.json"


def edition_key(edition: Edition, render_plan: RenderPlan, voicing: Voicing) -> str:
    """Everything an edition's files are made from: if it is unchanged, so are they."""
    blob = json.dumps(
        [__version__, edition.title, edition.author, edition.slug, voicing.engine_version,
         [
            (c.title, c.word_count, [(s.key, [(u.written, u.new_paragraph, u.kind) for u in s.units]) for s in render_plan.segments[c.index]])
            for c in edition.chapters
        ]],
        ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def edition_identifier(edition: Edition) -> str:
    """A stable identifier for the EPUB: the same book keeps it through corrections."""
    name = hashlib.sha256(f"{edition.title}\0{edition.author}".encode("utf-8")).hexdigest()
    return f"urn:aloud:{name[:32]}"


def _record_build(folder: Path, key: str) -> None:
    files = {
        p.relative_to(folder).as_posix(): [p.stat().st_size, p.stat().st_mtime_ns]
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
    (folder / BUILD_RECORD).write_text(json.dumps({"key": key, "files": files}, indent=1), encoding="utf-8")


def _up_to_date(final: Path, key: str, edition: Edition) -> BuiltEdition | None:
    """The existing edition, if it was built from exactly this and no file was touched since."""
    try:
        record = json.loads((final / BUILD_RECORD).read_text(encoding="utf-8"))
        if record["key"] != key:
            return None
        for name, (size, mtime) in record["files"].items():
            stat = (final / name).stat()
            if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
                return None
        data = json.loads((final / "chapters.json").read_text(encoding="utf-8"))
        marks = tuple(
            ChapterMark(c["index"], c["title"], c["start"], c["end"], c["file"], c["word_count"])
            for c in data["chapters"]
        )
        return BuiltEdition(
            edition=edition,
            folder=final,
            m4b=final / data["files"]["m4b"],
            mp3s=tuple(final / m.file for m in marks),
            playlist=final / data["files"]["playlist"],
            manifest=final / "chapters.json",
            marks=marks,
            up_to_date=True,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


@contextmanager
def _edition_lock(out_dir: Path, slug: str) -> Iterator[None]:
    """One build of an edition at a time: a second one fails at once, clearly."""
    path = out_dir / f".{slug}.lock"
    with open(path, "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            raise OutputError(f"{out_dir / slug}: another build of this edition is running ({holder}); try again when it ends") from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}")
        lock.flush()
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build_into(
    folder: Path,
    final: Path,
    prepared: PreparedEdition,
    render_plan: RenderPlan,
    voicing: Voicing,
    settings: BuildSettings,
    progress: Progress,
) -> BuiltEdition:
    edition = prepared.edition
    work = folder / ".work"
    (folder / "mp3").mkdir(parents=True)
    work.mkdir()
    cache_root = settings.cache_dir or default_cache_dir()

    segments = render(edition, render_plan, voicing, settings, cache_root, progress)
    total = len(edition.chapters)

    chapters = [
        _chapter_audio(chapter, [segments[s.key] for s in render_plan.segments[chapter.index]], folder, total)
        for chapter in edition.chapters
    ]
    marks = chapter_marks(chapters, folder, prepared.units)

    def join(audio: ChapterAudio) -> None:
        ffmpeg.join_mp3([Path(p.mp3) for p in audio.segments], audio.mp3, work)
        tag_chapter_mp3(audio.mp3, edition, audio.chapter.index, audio.chapter.title)
        progress.advance("join")

    def join_edition_mp3(path: Path) -> Path:
        ffmpeg.join_mp3([Path(p.mp3) for c in chapters for p in c.segments], path, work)
        tag_edition_mp3(path, edition, marks)
        progress.advance("join")
        return path

    slug = edition.slug
    progress.start("join", total + 2)
    # ffmpeg joins the audio in processes of its own, all at once (they are light: no
    # encoding); meanwhile this thread writes the text outputs, then the EPUB once the
    # chapter MP3s it holds are ready.
    with ThreadPoolExecutor(max_workers=total + 2) as pool:
        all_aac = [Path(p.aac) for c in chapters for p in c.segments]
        m4b_job = pool.submit(write_m4b, edition, marks, all_aac, folder / f"{slug}.m4b", work)
        mp3_job = pool.submit(join_edition_mp3, folder / f"{slug}.mp3")
        chapter_jobs = [pool.submit(join, c) for c in chapters]
        playlist = write_playlist(folder / f"{slug}.m3u8", edition, marks, [c.duration for c in chapters])
        vtt, srt = write_transcripts(folder, slug, edition.title, marks)
        player = write_player(folder / "index.html", edition, marks, f"{slug}.mp3", voicing.language)
        for job in chapter_jobs:
            job.result()
        epub = write_epub(
            folder / f"{slug}.epub", edition, marks, [c.mp3 for c in chapters],
            identifier=edition_identifier(edition), language=voicing.language,
            modified=modified_date(os.environ.get("SOURCE_DATE_EPOCH")),
        )
        m4b, edition_mp3 = m4b_job.result(), mp3_job.result()
    progress.finish("join")
    data = manifest(
        edition,
        marks,
        chapters,
        engine=voicing.engine,
        engine_version=voicing.engine_version,
        voice=voicing.voice,
        rate=voicing.rate,
        files={
            "m4b": m4b.name,
            "mp3": edition_mp3.name,
            "playlist": playlist.name,
            "vtt": vtt.name,
            "srt": srt.name,
            "epub": epub.name,
            "player": player.name,
        },
        audio=settings.audio,
    )
    manifest_path = write_manifest(folder / "chapters.json", data)
    shutil.rmtree(work)

    def moved(p: Path) -> Path:
        return final / p.relative_to(folder)

    return BuiltEdition(
        edition=edition,
        folder=final,
        m4b=moved(m4b),
        mp3s=tuple(moved(c.mp3) for c in chapters),
        playlist=moved(playlist),
        manifest=moved(manifest_path),
        marks=tuple(marks),
    )


def _chapter_audio(chapter: Chapter, parts: list[SegmentAudio], folder: Path, total: int) -> ChapterAudio:
    mp3 = folder / "mp3" / chapter_file_name(chapter.index, total, chapter.title, ".mp3")
    return ChapterAudio(chapter=chapter, segments=tuple(parts), mp3=mp3)


def _swap_into_place(staging: Path, final: Path) -> None:
    """Replace any older edition by renames, so a reader sees old or new, never half.

    Runs under the edition's lock; an older edition set aside by a build that was killed
    between the two renames is put back (if no edition took its place) or removed.
    """
    for old in final.parent.glob(f".{final.name}.old-*"):
        if final.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(old, final)
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        os.replace(final, old)
    try:
        os.replace(staging, final)
    except BaseException:
        if old.exists() and not final.exists():
            os.replace(old, final)
        raise
    shutil.rmtree(old, ignore_errors=True)


def say(text: str, out: Path, settings: BuildSettings, voice: str | None = None) -> float:
    """Speak a short text into a WAV file for a quick listen. Returns its duration."""
    if not text.strip():
        raise UsageError("nothing to say: the text is empty")
    settings.validated()
    voicing = open_engine(settings, voice or settings.voice, settings.rate)
    chapter = Chapter(1, "say", "", tuple(Paragraph(p) for p in text.split("\n") if p.strip()))
    narration = replace(settings.narration, language=voicing.language)
    units = narrate_chapter(chapter, settings.pauses, narration, load_lexicon(settings.narration.lexicon))
    if not units:
        raise UsageError("nothing to say: the text has no words")
    clips = None
    for attempt in range(2):  # a second try in a fresh process, as for a build
        with LocalProcessPool(1, fresh_process_per_task=True) as pool:
            try:
                clips = pool.submit(speak_afresh, (units, voicing)).result()
                break
            except UnitFailed as exc:
                problem = f"“{units[exc.position].label}”: {exc.reason}"
            except BrokenExecutor:
                problem = "the worker process died"
    if clips is None:
        raise SynthesisError(f"could not say {problem} (tried twice)")
    rate = clips[0].sample_rate
    pcm = bytearray()
    for n, (unit, clip) in enumerate(zip(units, clips)):
        pcm += clip.pcm
        if n < len(units) - 1:
            pcm += b"\x00\x00" * round(unit.pause_after * rate)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.part")
    try:
        with wave.open(str(tmp), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            w.writeframes(bytes(pcm))
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot write: {exc.strerror or exc}") from None
    return len(pcm) / 2 / rate
