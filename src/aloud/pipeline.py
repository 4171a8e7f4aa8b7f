"""The pipeline of one edition: read → structure → narrate → speak → master → export."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from aloud import __version__
from aloud.audio import ffmpeg
from aloud.audio.cache import SegmentCache, default_cache_dir, writable_cache
from aloud.audio.cache import prune as prune_cache
from aloud.audio.duration_estimate import DurationEstimate, estimate_duration
from aloud.audio.rendering import render_segments
from aloud.audio.segment_plan import SegmentPlan, plan_edition
from aloud.audio.timeline import chapter_marks, placed
from aloud.edition_folder import STDIN, EditionFolder, what_changed
from aloud.errors import InputError, OutputError, UsageError
from aloud.export.cover import cover_jpeg
from aloud.export.exporter import ExportContext, Exporter, export_all, exporters_for, parse_outputs
from aloud.export.joins import JoinedAudio, chapter_files
from aloud.export.manifest import chapter_marks_of, manifest_data, read_manifest, write_manifest
from aloud.export.tags import BookTags, book_tags, narrator_of
from aloud.model import BuiltEdition, Chapter, ChapterAudio, Edition, Paragraph, Publication, Source, SpeechUnit, Voice
from aloud.narrate import locale_for, narrate_edition
from aloud.narrate.lexicon import Lexicon, load_lexicon
from aloud.progress import NullProgress, Progress
from aloud.read import read_source
from aloud.read.edition_file import language_tag
from aloud.read.language import detect_language
from aloud.read.pictures import read_picture
from aloud.run.executor import WorkerOptions, create_executor, running
from aloud.settings import BuildSettings
from aloud.speech.engine import resolve_voice, voice_for_language
from aloud.speech.registry import create_engine, engine_module
from aloud.speech.speaking import Voicing, is_stateless, takes_phonemes
from aloud.structure import structure
from aloud.words import one_line

log = logging.getLogger(__name__)
RECENT_SECONDS = 24 * 3600  # cached segments used this recently are never pruned after a build


@dataclass(frozen=True)
class EditionOptions:
    """What a user may set for one edition, over its edition file."""

    title: str | None = None
    author: str | None = None
    voice: str | None = None
    rate: int | None = None
    cover: Path | None = None  # a picture for the cover, over the book's own
    language: str | None = None  # the text's language, over what the input says and detection

    def __post_init__(self) -> None:
        if self.language is not None:
            object.__setattr__(self, "language", language_tag(self.language, "--language", UsageError))
        for name in ("title", "author"):  # as tags and announcements: one line, never blank
            given = getattr(self, name)
            if given is not None:
                if not one_line(given):
                    raise UsageError(f"--{name} is blank; give one, or leave it out")
                object.__setattr__(self, name, one_line(given))


@dataclass(frozen=True)
class PreparedEdition:
    edition: Edition
    units: dict[int, tuple[SpeechUnit, ...]]
    voice: str
    rate: int
    outputs: tuple[str, ...] = ("all",)
    voicing: Voicing | None = None  # who speaks, once the engine is open
    source: str = STDIN  # the input: its absolute path, or "stdin"
    # What each chapter leaves out, with the index of the unit it stands before (for `aloud text`).
    left_out: dict[int, list[tuple[int, Paragraph]]] = field(default_factory=dict)


def prepare(
    path: str | Path,
    settings: BuildSettings,
    options: EditionOptions = EditionOptions(),
    voicing_for: Callable[[str | None, int, str | None], Voicing | None] | None = None,
) -> PreparedEdition:
    """Read, structure and narrate: everything up to the engine. With `voicing_for` (which
    opens the engine and finds the voice), the text is narrated in the language the voice
    speaks; without, in the one its name says ("en-gb")."""
    source = with_language(read_source(path, settings.readers), options.language)
    if options.cover is not None:
        picture = read_picture(options.cover, f"--cover {options.cover}")
        source = replace(source, publication=replace(source.publication or Publication(), cover=picture))
    asked = options.voice or source.voice  # else the voice of the book's language, else the default
    voice = asked or source.language or settings.voice
    rate = _first(options.rate, source.rate, settings.rate)
    settings.with_overrides(rate=rate).validated()
    voicing = voicing_for(asked, rate, source.language) if voicing_for else None
    source = _pronounceable(source, voicing)
    lexicon = load_lexicon(settings.narration.lexicon or source.lexicon)
    if source.pronunciations:  # the user's entries first: they win over the book's
        lexicon = Lexicon(entries=lexicon.entries + source.pronunciations)
    # Outputs named on the command line win over the edition file's.
    outputs = parse_outputs(source.outputs if source.outputs and settings.outputs == ("all",) else settings.outputs)
    narration = replace(settings.narration, language=voicing.language if voicing else voice)
    locale = locale_for(narration)
    edition = structure(source, options.title, options.author, narration.kept, locale, narration.read_notes)
    if settings.audio.profile != "default":  # an edition for Audible is another deliverable: beside the default one
        edition = replace(edition, slug=f"{edition.slug}-{settings.audio.profile}")
    left_out: dict[int, list[tuple[int, Paragraph]]] = {}
    units = narrate_edition(edition, settings.pauses, narration, lexicon, locale, left_out)
    if not all(units.values()):
        edition = _without_silent_chapters(edition, units)
        left_out = {}
        units = narrate_edition(edition, settings.pauses, narration, lexicon, locale, left_out)
    source_id = STDIN if str(path) == "-" else str(Path(path).resolve())
    return PreparedEdition(edition, units, voice, rate, outputs, voicing, source_id, left_out)


def with_language(source: Source, asked: str | None) -> Source:
    """The source with its language and where it came from: `--language`, else the edition
    file or the input itself, else detected from its text; None when nothing tells (English)."""
    if asked:
        return replace(source, language=asked, language_from="--language")
    if source.language:
        return source if source.language_from else replace(source, language_from="the input")
    detected = detect_language(_text_of(source))
    if detected is None:
        return source
    return replace(source, language=detected.language,
                   language_from=f"detected ({detected.how})")


def _text_of(source: Source) -> str:
    """What a source has to say, for telling its language."""
    if source.text.strip():
        return source.text
    paragraphs = [*source.paragraphs, *(p for c in source.chapters for p in _all_paragraphs(c))]
    return "\n\n".join(p.text for p in paragraphs if not p.left_out)


def _pronounceable(source: Source, voicing: Voicing | None) -> Source:
    """The source with the pronunciations it gives in espeak-ng phonemes left out, if the
    engine cannot read them (said once); its words are then read as written."""
    given = sum("[[" in said for _, said in source.pronunciations) + sum(
        1 for c in source.chapters for p in _all_paragraphs(c) if p.pronounce)
    if not given or voicing is None or takes_phonemes(voicing.engine):
        return source
    log.warning("%s cannot take phonemes: the book's %d pronunciation aids are left out, its words read as written",
                voicing.engine, given)
    def plain(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        return tuple(replace(p, pronounce=()) for p in paragraphs)

    chapters = tuple(replace(c, paragraphs=plain(c.paragraphs), preamble=plain(c.preamble),
                             notes=tuple(replace(n, paragraphs=plain(n.paragraphs)) for n in c.notes))
                     for c in source.chapters)
    kept = tuple((word, said) for word, said in source.pronunciations if "[[" not in said)
    return replace(source, chapters=chapters, pronunciations=kept)


def _all_paragraphs(chapter: Chapter) -> list[Paragraph]:
    return [*chapter.preamble, *chapter.paragraphs, *(p for n in chapter.notes for p in n.paragraphs)]


def _without_silent_chapters(edition: Edition, units: dict[int, tuple[SpeechUnit, ...]]) -> Edition:
    """The edition without the chapters that have nothing to say (only emoji, say, or a title
    that is not spoken), each named in a warning; an edition with nothing at all to say is refused."""
    kept = [c for c in edition.chapters if units[c.index]]
    for chapter in edition.chapters:
        if not units[chapter.index]:
            log.warning("chapter %d “%s” has nothing to say: left out", chapter.index, chapter.title)
    if not kept:
        raise InputError(f"{edition.title}: there is nothing to say (the text holds nothing a voice can read)")
    return replace(edition, chapters=tuple(replace(c, index=n) for n, c in enumerate(kept, start=1)))


def _first(*values):
    return next(v for v in values if v is not None)


def estimated_duration(prepared: PreparedEdition, settings: BuildSettings) -> DurationEstimate:
    """How long each chapter of `prepared` will be: what the cache holds measured, the rest
    at the voice's pace learned from the cache (with no engine open: from the words alone)."""
    voicing = prepared.voicing or Voicing("", "", "", prepared.rate)
    segment_plan = plan_edition(prepared.edition, prepared.units, voicing.key, settings.pauses, settings.audio)
    cache_root = (settings.cache_dir or default_cache_dir()) if prepared.voicing else None
    return estimate_duration(segment_plan, voicing, cache_root)


def _speaks(voice: Voice, tag: str) -> bool:
    """Whether `voice` speaks the language `tag` names: "en" by an en-us voice, "en-GB" only by a British one."""
    tag = tag.lower().replace("_", "-")
    languages = [lang.lower() for lang in voice.languages]
    return tag in languages if "-" in tag else any(lang.split("-", 1)[0] == tag for lang in languages)


def open_engine(settings: BuildSettings, wanted_voice: str | None, rate: int, language: str | None = None) -> Voicing:
    """Check the engine is installed and the voice exists; say exactly who will speak. With
    no voice asked for, the engine's voice for the book's `language`, else the default."""
    engine = create_engine(settings.engine)
    engine.check_available()
    voices = engine.voices()
    voice = None
    if wanted_voice is None and language and not _speaks(resolve_voice(voices, settings.voice), language):
        voice = voice_for_language(voices, language)
        if voice is None:
            log.warning("%s has no voice for the book's language (%s): %s reads it", settings.engine, language,
                        settings.voice)
    voice = voice or resolve_voice(voices, wanted_voice or settings.voice, settings.engine)
    if wanted_voice is not None and language and voice.languages and not _speaks(voice, language.split("-")[0]):
        log.warning("voice %s speaks %s, but the text is in %s: its words will sound foreign (leave --voice out "
                    "for the engine's voice of the text's language)", voice.id, voice.languages[0], language)
    language = voice.languages[0] if voice.languages else "en"
    # The engine as it was named (a registry name, or `package.module:Class`): workers make it again from that.
    return Voicing(settings.engine, engine.version(), voice.id, rate, language)


def build(
    path: str | Path,
    settings: BuildSettings,
    options: EditionOptions = EditionOptions(),
    progress: Progress = NullProgress(),
) -> BuiltEdition:
    settings.validated()
    prepared = prepare(path, settings, options, lambda voice, rate, language: open_engine(settings, voice, rate, language))
    edition, voicing = prepared.edition, prepared.voicing
    assert voicing is not None  # prepare was given the engine
    ffmpeg.require("ffmpeg")
    ffmpeg.require("ffprobe")
    exporters = exporters_for(prepared.outputs)
    segment_plan = plan_edition(edition, prepared.units, voicing.key, settings.pauses, settings.audio)
    tags = book_tags(edition, narrator_of(voicing.engine, voicing.engine_version, voicing.voice), voicing.language,
                     cover_jpeg(edition))
    made_with = _made_with(prepared, voicing, settings, exporters, tags)
    segment_keys = [s.key for s in segment_plan.all]  # every sound, and the pauses and format around it
    key = hashlib.sha256(json.dumps([made_with, segment_keys], ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    folder = EditionFolder(_output_folder(settings.out_dir), edition.slug)
    cache_root = settings.cache_dir or default_cache_dir()
    _keep_apart(folder.path, cache_root)
    with folder.locked():
        folder.check_replaceable(prepared.source, made_with["text"])  # first: another input's edition may be the same
        if folder.is_current(key):
            return _existing(folder, edition)
        before = folder.record()
        started = time.time()
        with folder.staging() as staging, writable_cache(cache_root) as cache:
            files, marks = _make(staging, cache, prepared, segment_plan, voicing, settings, exporters, tags, progress)
            folder.commit(staging, key, made_with, prepared.source)
            if settings.cache_max_bytes is not None:
                _keep_cache_within(cache.root, settings.cache_max_bytes, started)
    return BuiltEdition(
        edition=edition,
        folder=folder.path,
        files={kind: folder.path / name for kind, name in files.items()},
        marks=marks,
        changed=what_changed(before.settings, made_with) if before else "",
    )


def _keep_cache_within(root: Path, max_bytes: int, started: float) -> None:
    """The cache pruned to `max_bytes`, the least recently used first; what was used in the
    day before this build started is kept (another build may be using it now)."""
    try:
        removed = prune_cache(root, max_bytes=max_bytes, used_since=started - RECENT_SECONDS)
    except OutputError as exc:  # a folder that is not only aloud's cache: left as it is
        log.warning("the cache was not pruned: %s", exc.message)
        return
    if removed.segments:
        log.info("the cache was over %d MB: %d segments used longest ago removed", max_bytes // 2**20, removed.segments)


def _keep_apart(edition: Path, cache_root: Path) -> None:
    """The edition folder and the cache must not hold one another."""
    edition, cache_root = edition.resolve(), cache_root.resolve()
    if edition == cache_root or cache_root in edition.parents or edition in cache_root.parents:
        raise OutputError(f"{edition}: would mix the edition with the cache {cache_root}; choose another --out or --cache-dir")


def _output_folder(out_dir: Path) -> Path:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create the output folder: {exc.strerror or exc}") from None
    if not os.access(out_dir, os.W_OK):
        raise OutputError(f"{out_dir}: the output folder is not writable")
    return out_dir


def _made_with(
    prepared: PreparedEdition, voicing: Voicing, settings: BuildSettings, exporters: tuple[Exporter, ...], tags: BookTags
) -> dict[str, str]:
    """What an edition's files are made from, each in a few words, so that a rebuild can say
    what changed."""
    edition = prepared.edition
    narration = json.dumps([
        (c.title, [(u.text, u.written, u.pause_after, u.new_paragraph, u.kind) for u in prepared.units[c.index]])
        for c in edition.chapters
    ], ensure_ascii=False)
    return {
        "aloud": __version__,
        "title": edition.title,
        "author": edition.author,
        "engine": voicing.engine_version if voicing.engine in voicing.engine_version
        else f"{voicing.engine} {voicing.engine_version}",
        "voice": voicing.voice,
        "rate": str(voicing.rate),
        "profile": settings.audio.profile,
        "outputs": ",".join(e.name for e in exporters),
        "release date": "" if settings.source_date_epoch is None else str(settings.source_date_epoch),
        "text": hashlib.sha256(narration.encode("utf-8")).hexdigest(),
        "cover": hashlib.sha256(tags.cover).hexdigest()[:16],
        "tags": hashlib.sha256(json.dumps([tags.description, tags.year, tags.publisher, tags.series, tags.part,
                                           tags.identifier, edition.publication.date],  # the manifest's date
                                          ensure_ascii=False).encode("utf-8")).hexdigest()[:16],
    }


def _make(
    staging: Path,
    cache: SegmentCache,
    prepared: PreparedEdition,
    segment_plan: SegmentPlan,
    voicing: Voicing,
    settings: BuildSettings,
    exporters: tuple[Exporter, ...],
    tags: BookTags,
    progress: Progress,
) -> tuple[dict[str, str], tuple]:
    """Render the segments (kept in `cache`), then write every output and the manifest into `staging`."""
    edition = prepared.edition
    encodings = frozenset().union(*(e.encodings for e in exporters))
    workers = WorkerOptions(
        settings.jobs,
        fresh_process_per_task=not is_stateless(voicing.engine),
        preload=("aloud.audio.segment_task", engine_module(voicing.engine)),
        scheduler=settings.scheduler or "",
        expected=_expected_on_workers(settings, voicing),
    )
    titles = {c.index: c.title for c in edition.chapters}
    with running(create_executor(settings.executor, workers)) as executor:
        segments = render_segments(segment_plan, voicing, settings.audio, encodings, cache, executor, titles, progress)
    chapters = tuple(
        ChapterAudio(c, tuple(placed(segments[s.key], s) for s in segment_plan.segments[c.index])) for c in edition.chapters
    )
    # With the "mp3" output the chapter files are part of the edition; otherwise they are
    # made (if another output needs them, as the EPUB does) in the scratch folder.
    in_edition = any(e.name == "mp3" for e in exporters)
    marks = tuple(chapter_marks(chapters, prepared.units, chapter_files(edition) if in_edition else None))
    work = staging / ".work"
    work.mkdir()
    joined = JoinedAudio(edition, chapters, staging if in_edition else work, work, settings.jobs, progress, tags)
    context = ExportContext(edition, marks, chapters, staging, work, voicing.language, settings, joined, tags,
                            tuple(e.name for e in exporters))
    progress.start("join", len(exporters))
    files = export_all(exporters, context, progress)
    progress.finish("join")
    shutil.rmtree(work)
    data = manifest_data(
        edition, list(marks), list(chapters), engine=voicing.engine, engine_version=voicing.engine_version,
        voice=voicing.voice, rate=voicing.rate, files=files, audio=settings.audio,
        outputs=tuple(e.name for e in exporters), language=voicing.language,
    )
    write_manifest(staging, data)
    return files, marks


def _expected_on_workers(settings: BuildSettings, voicing: Voicing) -> tuple[tuple[str, str], ...]:
    """For a cluster: the versions its workers must run to make this machine's bytes."""
    if not settings.scheduler:
        return ()
    from aloud.run.dask_cluster import fingerprint

    return fingerprint(voicing.engine, voicing.engine_version)


def _existing(folder: EditionFolder, edition: Edition) -> BuiltEdition:
    data = read_manifest(folder.path)
    files = {kind: folder.path / name for kind, name in data["files"].items()}
    return BuiltEdition(edition=edition, folder=folder.path, files=files, marks=chapter_marks_of(data), up_to_date=True)
