"""The command line: parse options, call the library, print. The only place an
`AloudError` becomes a message on stderr and an exit code."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from aloud import __version__
from aloud.clock import duration_text
from aloud.export.exporter import EXPORTERS, parse_outputs
from aloud.pipeline import EditionOptions, build, estimated_seconds, prepare
from aloud.say import say as say_text
from aloud.settings import BuildSettings, NarrationOptions, audio_profile, source_date_epoch
from aloud.speech.registry import create_engine
from aloud.errors import AloudError, UsageError
from aloud.progress import NullProgress

app = typer.Typer(
    name="aloud",
    help="Turn a text into a chaptered audio edition: M4B, MP3s, playlist and manifest.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"aloud: error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except AloudError as exc:
        raise _fail(exc.message, exc.exit_code) from None
    except KeyboardInterrupt:
        raise _fail("interrupted", 130) from None
    except OSError as exc:
        raise _fail(f"{exc.filename or ''}{': ' if exc.filename else ''}{exc.strerror or exc}", 1) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aloud {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every external command.")] = False,
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True)] = None,
) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(name)s: %(message)s" if verbose else "aloud: warning: %(message)s",
    )


def _settings(
    out: Path | None = None,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    engine: str | None = None,
    narration: NarrationOptions | None = None,
) -> BuildSettings:
    return BuildSettings(source_date_epoch=source_date_epoch(os.environ)).with_overrides(
        out_dir=out, jobs=jobs, cache_dir=cache_dir, engine=engine, narration=narration
    )


OutOption = Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder for editions (default ./audio).")]
VoiceOption = Annotated[Optional[str], typer.Option("--voice", help="Voice id, language or name (see `aloud voices`).")]
RateOption = Annotated[Optional[int], typer.Option("--rate", help="Speaking rate in words per minute (80–450).")]
EngineOption = Annotated[Optional[str], typer.Option("--engine", help="Speech engine (default pyttsx3).")]
AnnounceOption = Annotated[
    bool, typer.Option("--announce/--no-announce", help="Open with title and author, close with 'End of …'.")
]
ChapterTitlesOption = Annotated[
    bool, typer.Option("--chapter-titles/--no-chapter-titles", help="Speak each chapter's title at its start.")
]
KeepWebOption = Annotated[
    bool, typer.Option("--keep-web-leftovers", help="Narrate trailing 'Continue reading …', 'Share this' lines.")
]
LexiconOption = Annotated[
    Optional[Path], typer.Option("--lexicon", help="Pronunciation lexicon (TOML: word = \"respelling\").")
]
InputArgument = Annotated[str, typer.Argument(help="Text file to read (`-` for stdin).", show_default=False)]
TitleOption = Annotated[Optional[str], typer.Option("--title", help="Edition title.")]
AuthorOption = Annotated[Optional[str], typer.Option("--author", help="Edition author.")]


def _narration(announce: bool, chapter_titles: bool, keep_web: bool, lexicon: Path | None) -> NarrationOptions:
    return NarrationOptions(
        announce_edition=announce, announce_chapters=chapter_titles, keep_web_leftovers=keep_web, lexicon=lexicon
    )


@app.command("build")
def build_command(
    inputs: Annotated[list[str], typer.Argument(help="Text files to read (`-` for stdin).", show_default=False)],
    out: OutOption = None,
    voice: VoiceOption = None,
    rate: RateOption = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Edition title (one input only).")] = None,
    author: Annotated[Optional[str], typer.Option("--author", help="Edition author.")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Worker processes (default: CPUs).")] = None,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="Where synthesized units are kept.")] = None,
    engine: EngineOption = None,
    announce: AnnounceOption = True,
    chapter_titles: ChapterTitlesOption = True,
    keep_web_leftovers: KeepWebOption = False,
    lexicon: LexiconOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    profile: Annotated[
        str, typer.Option("--profile", help="Audio profile: default, or acx (Audible: 192 kb/s CBR MP3 at 44.1 kHz, peaks ≤ -3 dB).")
    ] = "default",
    outputs: Annotated[
        Optional[str],
        typer.Option("--outputs", help=f"What to make, a comma list of {', '.join(EXPORTERS)} (default all; "
                     "the player brings chaptered-mp3)."),
    ] = None,
) -> None:
    """Build the audio edition of each INPUT into OUT/<slug>/."""
    with _errors():
        if title and len(inputs) > 1:
            raise UsageError("--title names one edition; give one input with it")
        narration = _narration(announce, chapter_titles, keep_web_leftovers, lexicon)
        settings = _settings(out, jobs, cache_dir, engine, narration).with_overrides(
            audio=audio_profile(profile), outputs=parse_outputs(outputs) if outputs is not None else None
        )
        settings = settings.validated()
        options = EditionOptions(title=title, author=author, voice=voice, rate=rate)
        from aloud.cli.terminal import progress_for

        if len(inputs) > 1 and "-" not in inputs:
            slugs: dict[str, str] = {}
            for path in inputs:
                slug = prepare(path, settings, options).edition.slug
                if slug in slugs:
                    raise UsageError(f"{slugs[slug]} and {path} would both be built into {settings.out_dir / slug}; give them different titles")
                slugs[slug] = path
        for path in inputs:
            with progress_for(quiet=quiet) as progress:
                built = build(path, settings, options, progress or NullProgress())
            if not quiet:
                if built.changed:
                    typer.echo(f"{built.folder}: rebuilt with changes: {built.changed}", err=True)
                state = " (up to date)" if built.up_to_date else ""
                typer.echo(
                    f"{built.folder}: {built.edition.title} — {len(built.marks)} chapters, {duration_text(built.duration)}{state}"
                )


@app.command("plan")
def plan_command(
    input: InputArgument,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    rate: RateOption = None,
    title: TitleOption = None,
    author: AuthorOption = None,
    announce: AnnounceOption = True,
    chapter_titles: ChapterTitlesOption = True,
    keep_web_leftovers: KeepWebOption = False,
    lexicon: LexiconOption = None,
) -> None:
    """Show the chapters an edition would have, with estimated durations. Nothing is spoken."""
    with _errors():
        settings = _settings(narration=_narration(announce, chapter_titles, keep_web_leftovers, lexicon))
        prepared = prepare(input, settings, EditionOptions(title=title, author=author, rate=rate))
        edition = prepared.edition
        rows = [
            {
                "index": c.index,
                "title": c.title,
                "word_count": c.word_count,
                "estimated_seconds": round(estimated_seconds(prepared.units[c.index], prepared.rate, settings), 1),
            }
            for c in edition.chapters
        ]
        total = round(sum(r["estimated_seconds"] for r in rows), 1)
        if as_json:
            data = {"title": edition.title, "author": edition.author, "slug": edition.slug, "rate": prepared.rate,
                    "word_count": edition.word_count, "estimated_seconds": total, "chapters": rows}
            typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
            return
        typer.echo(f"{edition.title}, by {edition.author}")
        typer.echo(f"{len(rows)} chapters, {edition.word_count} words, about {duration_text(total)} at {prepared.rate} wpm")
        for r in rows:
            typer.echo(f"{r['index']:>4}  {duration_text(r['estimated_seconds']):>8}  {r['word_count']:>6} words  {r['title']}")


@app.command("text")
def text_command(
    input: InputArgument,
    title: TitleOption = None,
    author: AuthorOption = None,
    announce: AnnounceOption = True,
    chapter_titles: ChapterTitlesOption = True,
    keep_web_leftovers: KeepWebOption = False,
    lexicon: LexiconOption = None,
) -> None:
    """Print exactly what will be spoken, chapter by chapter, with each pause in seconds."""
    from aloud.narrate.proofreading import script

    with _errors():
        settings = _settings(narration=_narration(announce, chapter_titles, keep_web_leftovers, lexicon))
        prepared = prepare(input, settings, EditionOptions(title=title, author=author))
        typer.echo(script(prepared.edition, prepared.units, settings.pauses.paragraph), nl=False)


@app.command("voices")
def voices_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    engine: EngineOption = None,
) -> None:
    """List the voices of the speech engine."""
    with _errors():
        eng = create_engine(engine or BuildSettings().engine)
        eng.check_available()
        voices = eng.voices()
        if as_json:
            data = [{"id": v.id, "name": v.name, "languages": list(v.languages), "gender": v.gender} for v in voices]
            typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
            return
        for v in voices:
            typer.echo(f"{v.id:<28} {', '.join(v.languages):<18} {v.name}")


@app.command("say")
def say_command(
    text: Annotated[str, typer.Argument(help="What to say.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="WAV file to write.")],
    voice: VoiceOption = None,
    rate: RateOption = None,
    engine: EngineOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Speak TEXT into a WAV file, for a quick listen to a voice and rate."""
    with _errors():
        if output.suffix.lower() != ".wav":
            raise UsageError(f"{output}: the output of `say` is a .wav file")
        narration = NarrationOptions(lexicon=lexicon)
        settings = _settings(engine=engine, narration=narration).with_overrides(rate=rate)
        seconds = say_text(text, output, settings, voice)
        typer.echo(f"{output}: {seconds:.1f} s")


cache_app = typer.Typer(help="The cache of spoken and encoded segments.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")
CacheDirOption = Annotated[Optional[Path], typer.Option("--cache-dir", help="The cache folder (default: per user).")]


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


@cache_app.command("info")
def cache_info_command(cache_dir: CacheDirOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Where the cache is and how much it holds."""
    from aloud.audio.cache import default_cache_dir, info

    with _errors():
        found = info(cache_dir or default_cache_dir())
        if as_json:
            typer.echo(json.dumps({"path": str(found.root), "segments": found.segments, "bytes": found.bytes}))
        else:
            typer.echo(f"{found.root}: {found.segments} segments, {_size(found.bytes)}")


@cache_app.command("clear")
def cache_clear_command(cache_dir: CacheDirOption = None) -> None:
    """Remove everything in the cache."""
    from aloud.audio.cache import clear, default_cache_dir

    with _errors():
        removed = clear(cache_dir or default_cache_dir())
        typer.echo(f"{removed.root}: removed {removed.segments} segments, {_size(removed.bytes)}")


@app.command("check")
def check_command(
    edition_dir: Annotated[Path, typer.Argument(help="An edition folder (OUT/<slug>).", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole report as JSON.")] = False,
    acx: Annotated[bool, typer.Option("--acx", help="Also check the ACX (Audible) rules for each chapter file.")] = False,
) -> None:
    """Verify an edition: files, durations, chapter marks, tags, transcript, and each chapter's audio.
    Exits 0 only when every check passes."""
    from aloud.proof.check import check_edition

    with _errors():
        report = check_edition(edition_dir, acx=acx)
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    elif report.passed:
        typer.echo(f"{edition_dir}: all {len(report.findings)} checks passed")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{edition_dir}: {len(report.failures)} of {len(report.findings)} checks failed")
        for column in ("check", "file or chapter", "found"):
            table.add_column(column, overflow="fold")
        for finding in report.failures:
            table.add_row(finding.check, finding.subject, finding.detail)
        Console(soft_wrap=False).print(table)
    if not report.passed:
        raise typer.Exit(1)


@app.command("verify")
def verify_command(
    edition_dir: Annotated[Path, typer.Argument(help="An edition folder (OUT/<slug>).", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole report as JSON, with what was heard.")] = False,
    max_wer: Annotated[
        Optional[float], typer.Option("--max-wer", help="Highest word error rate a chapter may have (0–1; default 0.35).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Show no progress.")] = False,
) -> None:
    """Listen to an edition with an offline speech recognizer and compare what is heard with the text:
    the word error rate of each chapter and every passage missing from the audio.
    Exits 0 only when no chapter is over the error rate and nothing is missing. Needs the `verify` extra (make verify)."""
    from aloud.cli.terminal import progress_for
    from aloud.proof.verify import DEFAULT_MAX_WER, verify_edition

    with _errors(), progress_for(quiet=quiet or as_json) as progress:
        report = verify_edition(edition_dir, max_wer=DEFAULT_MAX_WER if max_wer is None else max_wer, progress=progress or NullProgress())
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        from rich.console import Console
        from rich.table import Table

        verdict = "passed" if report.passed else "FAILED"
        table = Table(
            title=f"{edition_dir}: {verdict}",
            caption=f"{report.words} words, {report.word_error_rate:.1%} heard wrong (at most {report.max_wer:.0%} "
            f"per chapter) by {report.recognizer}",
        )
        for column in ("chapter", "title", "words", "word error rate", "missing passages", ""):
            table.add_column(column, overflow="fold")
        for c in report.chapters:
            table.add_row(
                str(c.index), c.title, str(c.words), f"{c.word_error_rate:.1%}", str(len(c.missing)), "ok" if c.passed else "FAILED"
            )
        console = Console(soft_wrap=False)
        console.print(table)
        for c in report.chapters:
            for m in c.missing:
                written = m.written if len(m.written) <= 160 else m.written[:159].rstrip() + "…"
                console.print(
                    f"missing from chapter {c.index}, about {duration_text(m.start)}–{duration_text(m.end)}: {m.words} words of “{written}”",
                    markup=False,
                )
    if not report.passed:
        raise typer.Exit(1)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("aloud: error: interrupted", err=True)
        sys.exit(130)
