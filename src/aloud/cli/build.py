"""`aloud build`: the audio edition of each input."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from aloud.cli.help import PlainHelpCommand
from aloud.cli.options import (
    AnnounceOption,
    CacheDirOption,
    ChapterTitlesOption,
    CoverOption,
    EngineOption,
    KeepOption,
    KeepWebOption,
    LanguageOption,
    LexiconOption,
    MatterOption,
    NotesOption,
    OutOption,
    ProfileOption,
    RateOption,
    SchedulerOption,
    VoiceOption,
    narration_options,
    settings_for,
)
from aloud.cli.program import app, errors
from aloud.clock import duration_text
from aloud.export.exporter import EXPORTERS, parse_outputs
from aloud.pipeline import EditionOptions, build
from aloud.progress import NullProgress
from aloud.settings import audio_profile
from aloud.words import counted


@app.command("build", cls=PlainHelpCommand)
def build_command(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...",
        help="Files to read (text, Markdown, HTML, EPUB, PDF), folders of them or patterns ('articles/*.md'); "
             "`-` for stdin.", show_default=False)],
    out: OutOption = None,
    voice: VoiceOption = None,
    rate: RateOption = None,
    title: Annotated[Optional[str], typer.Option("--title", metavar="TEXT", help="Edition title (one input only).")] = None,
    author: Annotated[Optional[str], typer.Option("--author", metavar="TEXT", help="Edition author.")] = None,
    cover: CoverOption = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", help="Worker processes (default: CPUs).")] = None,
    cache_dir: CacheDirOption = None,
    engine: EngineOption = None,
    announce: AnnounceOption = True,
    chapter_titles: ChapterTitlesOption = True,
    keep_web_leftovers: KeepWebOption = False,
    read_matter: MatterOption = False,
    read_notes: NotesOption = True,
    keep: KeepOption = None,
    language: LanguageOption = None,
    lexicon: LexiconOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    profile: ProfileOption = "default",
    outputs: Annotated[
        Optional[str],
        typer.Option("--outputs", metavar="LIST", help=f"What to make, a comma list of {', '.join(EXPORTERS)} (default all; "
                     "the player brings chaptered-mp3)."),
    ] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", metavar="URL", help="The address OUT is served from (https://…/): also write the podcast feed OUT/feed.xml.")] = None,
    scheduler: SchedulerOption = None,
    prune: Annotated[bool, typer.Option(
        "--prune", help="Remove the editions in OUT that no input names any more.")] = False,
) -> None:
    """Build the audio edition of each INPUT into OUT/<slug>/. Several inputs (or a folder)
    make a site: OUT/index.html lists every edition, and with --base-url (or OUT/aloud.toml)
    OUT/feed.xml is their podcast feed."""
    with errors():
        narration = narration_options(announce, chapter_titles, keep_web_leftovers, lexicon, read_matter, read_notes, keep)
        settings = settings_for(out, jobs, cache_dir, engine, narration, scheduler).with_overrides(
            audio=audio_profile(profile), outputs=parse_outputs(outputs) if outputs is not None else None
        )
        settings = settings.validated()
        options = EditionOptions(title=title, author=author, voice=voice, rate=rate, cover=cover, language=language)
        from aloud.publish.collection import makes_a_site

        if makes_a_site(inputs, settings.out_dir, base_url, prune):
            from aloud.cli.site_report import SiteReport, print_summary
            from aloud.publish.collection import build_site

            result = build_site(inputs, settings, options, SiteReport(quiet), base_url, prune)
            print_summary(result, quiet)
            if result.failures:
                raise typer.Exit(1)
            return
        from aloud.cli.terminal import progress_for

        [path] = inputs
        with progress_for(quiet=quiet) as progress:
            built = build(path, settings, options, progress or NullProgress())
        if not quiet:
            if built.changed:
                typer.echo(f"{built.folder}: rebuilt with changes: {built.changed}", err=True)
            state = " (up to date)" if built.up_to_date else ""
            typer.echo(
                f"{built.folder}: {built.edition.title} — {counted(len(built.marks), 'chapter')}, {duration_text(built.duration)}{state}"
            )
