"""`aloud plan` and `aloud text`: what an edition will hold and say, before anything is spoken."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from aloud.cli.help import PlainHelpCommand
from aloud.cli.options import (
    AnnounceOption,
    AuthorOption,
    ChapterTitlesOption,
    EngineOption,
    InputArgument,
    KeepOption,
    KeepWebOption,
    LanguageOption,
    LexiconOption,
    MatterOption,
    NotesOption,
    RateOption,
    TitleOption,
    VoiceOption,
    narration_options,
    settings_for,
)
from aloud.cli.program import app, errors
from aloud.clock import duration_text
from aloud.model import Edition
from aloud.pipeline import EditionOptions, estimated_seconds, open_engine, prepare
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


def _prepared(input: str, settings, options: EditionOptions, with_engine: str | None):
    """The edition prepared as a build would: with the engine opened when a voice or engine is
    named, so the narration is in the language that voice speaks."""
    if not with_engine:
        return prepare(input, settings, options)
    return prepare(input, settings, options,
                   lambda voice, rate, language: open_engine(settings, voice, rate, language))


@app.command("plan", cls=PlainHelpCommand)
def plan_command(
    input: InputArgument,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    rate: RateOption = None,
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
    engine: EngineOption = None,
) -> None:
    """Show the chapters an edition would have, with estimated durations. Nothing is spoken."""
    with errors():
        settings = settings_for(engine=engine, narration=narration_options(
            announce, chapter_titles, keep_web_leftovers, lexicon, read_matter, read_notes, keep))
        prepared = _prepared(input, settings, EditionOptions(title=title, author=author, rate=rate, voice=voice,
                                                             language=language), voice or engine)
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
                    "word_count": edition.word_count, "estimated_seconds": total, **about(edition), "chapters": rows}
            typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
            return
        typer.echo(f"{edition.title}, by {edition.author}" if edition.author else edition.title)
        typer.echo(f"{counted(len(rows), 'chapter')}, {counted(edition.word_count, 'word')}, about {duration_text(total)} at {prepared.rate} wpm")
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
    engine: EngineOption = None,
) -> None:
    """Print exactly what will be spoken, chapter by chapter, with each pause in seconds."""
    from aloud.narrate.proofreading import script

    with errors():
        settings = settings_for(engine=engine, narration=narration_options(
            announce, chapter_titles, keep_web_leftovers, lexicon, read_matter, read_notes, keep))
        prepared = _prepared(input, settings, EditionOptions(title=title, author=author, voice=voice,
                                                             language=language), voice or engine)
        typer.echo(script(prepared.edition, prepared.units, settings.pauses.paragraph, prepared.left_out), nl=False)
