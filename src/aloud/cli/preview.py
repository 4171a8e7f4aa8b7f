"""`aloud plan` and `aloud text`: what an edition will hold and say, before anything is spoken."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from aloud.cli.help import PlainHelpCommand
from aloud.cli.options import (
    AnnounceOption,
    AuthorOption,
    CacheDirOption,
    ChapterTitlesOption,
    CoverOption,
    EngineOption,
    InputArgument,
    KeepOption,
    KeepWebOption,
    LanguageOption,
    LexiconOption,
    MatterOption,
    NotesOption,
    ProfileOption,
    RateOption,
    TitleOption,
    VoiceOption,
    narration_options,
    settings_for,
)
from aloud.cli.program import app, errors
from aloud.clock import duration_text
from aloud.errors import ToolMissingError
from aloud.model import Edition
from aloud.pipeline import EditionOptions, estimated_duration, open_engine, prepare
from aloud.settings import audio_profile
from aloud.words import counted


def about(edition: Edition) -> dict:
    """What `plan --json` tells of the book beyond its chapters, and where each came from."""
    info = edition.publication
    return {
        "language": edition.language or "en",
        "language_from": edition.language_from or "the default (nothing tells the text's language)",
        "description": info.description or None,
        "series": {"name": info.series, "position": info.series_position} if info.series else None,
        "contributors": [{"name": c.name, "role": c.role} for c in info.contributors],
        "publisher": info.publisher or None, "date": info.date or None, "identifier": info.identifier or None,
        "cover": info.cover.origin if info.cover else None,
    }


def _prepared(input: str, settings, options: EditionOptions, named: bool):
    """The edition prepared as a build would: with the engine open, so the narration is in the
    language its voice speaks. An engine that is not installed is needed only when named
    (`--engine`, `--voice`): else the edition is prepared without, and estimated from its words."""
    def voicing_for(voice, rate, language):
        try:
            return open_engine(settings, voice, rate, language)
        except ToolMissingError:
            if named:
                raise
            return None  # read once all the same, and estimated from the words

    return prepare(input, settings, options, voicing_for)


@app.command("plan", cls=PlainHelpCommand)
def plan_command(
    input: InputArgument,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    voice: VoiceOption = None,
    rate: RateOption = None,
    engine: EngineOption = None,
    title: TitleOption = None,
    author: AuthorOption = None,
    announce: AnnounceOption = True,
    chapter_titles: ChapterTitlesOption = True,
    keep_web_leftovers: KeepWebOption = False,
    read_matter: MatterOption = False,
    read_notes: NotesOption = True,
    keep: KeepOption = None,
    lexicon: LexiconOption = None,
    language: LanguageOption = None,
    cover: CoverOption = None,
    profile: ProfileOption = "default",
    cache_dir: CacheDirOption = None,
) -> None:
    """Show the chapters and how long each will be. Nothing is spoken: what the cache holds
    is measured, the rest estimated at the voice's pace, learned from the cache."""
    with errors():
        settings = settings_for(cache_dir=cache_dir, engine=engine, narration=narration_options(
            announce, chapter_titles, keep_web_leftovers, lexicon, read_matter, read_notes, keep),
        ).with_overrides(audio=audio_profile(profile))
        prepared = _prepared(input, settings, EditionOptions(title=title, author=author, rate=rate, voice=voice,
                                                             cover=cover, language=language), bool(voice or engine))
        edition = prepared.edition
        estimate = estimated_duration(prepared, settings)
        rows = [
            {
                "index": c.index,
                "title": c.title,
                "word_count": c.word_count,
                "estimated_seconds": round(estimate.chapters[c.index], 1),
            }
            for c in edition.chapters
        ]
        total = round(estimate.seconds, 1)
        voicing = prepared.voicing
        if as_json:
            pace = estimate.pace
            data = {"title": edition.title, "author": edition.author, "slug": edition.slug, "rate": prepared.rate,
                    "engine": voicing.engine if voicing else None, "voice": voicing.voice if voicing else None,
                    "word_count": edition.word_count, "estimated_seconds": total,
                    "estimate": {"segments": estimate.segments, "measured": estimate.measured,
                                 "pace": {"per_letter": round(pace.per_letter, 4), "per_unit": round(pace.per_unit, 4),
                                          "segments": pace.segments,
                                          "spread": round(pace.spread, 4)} if pace else None,
                                 "how": estimate.how_good()},
                    **about(edition), "chapters": rows}
            typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
            return
        who = f", voice {voicing.voice} ({voicing.engine})" if voicing else ""
        typer.echo(f"{edition.title}, by {edition.author}" if edition.author else edition.title)
        typer.echo(f"{counted(len(rows), 'chapter')}, {counted(edition.word_count, 'word')}, about "
                   f"{duration_text(total)} at {prepared.rate} wpm{who}")
        typer.echo(f"The duration is {estimate.how_good()}.")
        for r in rows:
            typer.echo(f"{r['index']:>4}  {duration_text(r['estimated_seconds']):>8}  {r['word_count']:>6} words  {r['title']}")


@app.command("text", cls=PlainHelpCommand)
def text_command(
    input: InputArgument,
    title: TitleOption = None,
    author: AuthorOption = None,
    announce: AnnounceOption = True,
    chapter_titles: ChapterTitlesOption = True,
    keep_web_leftovers: KeepWebOption = False,
    read_matter: MatterOption = False,
    read_notes: NotesOption = True,
    keep: KeepOption = None,
    lexicon: LexiconOption = None,
    language: LanguageOption = None,
    voice: VoiceOption = None,
    rate: RateOption = None,
    engine: EngineOption = None,
) -> None:
    """Print exactly what will be spoken, chapter by chapter, with each pause in seconds."""
    from aloud.narrate.proofreading import script

    with errors():
        settings = settings_for(engine=engine, narration=narration_options(
            announce, chapter_titles, keep_web_leftovers, lexicon, read_matter, read_notes, keep))
        prepared = _prepared(input, settings, EditionOptions(title=title, author=author, voice=voice, rate=rate,
                                                             language=language), bool(voice or engine))
        typer.echo(script(prepared.edition, prepared.units, settings.pauses.paragraph, prepared.left_out), nl=False)
