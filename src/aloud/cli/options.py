"""Options several commands share, and the settings they make."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from aloud.errors import UsageError
from aloud.model import LEFT_OUT
from aloud.settings import BuildSettings, NarrationOptions, source_date_epoch


def folder(value: str | None, option: str) -> Path | None:
    """A folder named by an option; an empty name (which would mean the current folder) is refused."""
    if value is None:
        return None
    if not value.strip():
        raise UsageError(f"{option} is empty; name a folder")
    return Path(value)


def settings_for(
    out: str | None = None,
    jobs: int | None = None,
    cache_dir: str | None = None,
    engine: str | None = None,
    narration: NarrationOptions | None = None,
    scheduler: str | None = None,
) -> BuildSettings:
    if scheduler is not None and not scheduler.strip():
        raise UsageError("--scheduler is empty; give the Dask scheduler's address (tcp://host:8786)")
    return BuildSettings(source_date_epoch=source_date_epoch(os.environ)).with_overrides(
        out_dir=folder(out, "--out"), jobs=jobs, cache_dir=folder(cache_dir, "--cache-dir"), engine=engine,
        narration=narration, scheduler=scheduler.strip() if scheduler else None, executor="dask" if scheduler else None,
    )


OutOption = Annotated[Optional[str], typer.Option("--out", "-o", metavar="DIR", help="Folder for editions (default ./audio).")]
CacheDirOption = Annotated[
    Optional[str], typer.Option("--cache-dir", metavar="DIR", help="The cache of spoken segments (default: per user).")
]
VoiceOption = Annotated[Optional[str], typer.Option("--voice", metavar="VOICE", help="Voice id, language or name (see `aloud voices`).")]
RateOption = Annotated[Optional[int], typer.Option("--rate", metavar="WPM", help="Speaking rate in words per minute (80–450).")]
CoverOption = Annotated[
    Optional[Path], typer.Option("--cover", metavar="FILE", help="A picture for the cover (JPEG, PNG …; one input only).")]
ProfileOption = Annotated[str, typer.Option(
    "--profile", metavar="NAME", help="Audio profile: default, or acx (Audible: 192 kb/s CBR MP3 at 44.1 kHz, peaks ≤ -3 dB).")]
SchedulerOption = Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", envvar="ALOUD_SCHEDULER", show_envvar=True,
    help="Speak on a Dask cluster: its scheduler's address (tcp://host:8786; extra `cluster`).")]
def _engines_help() -> str:
    from aloud.speech.registry import installed_engines

    return f"Speech engine, of those installed: {', '.join(installed_engines()) or 'none'} (default pyttsx3)."


EngineOption = Annotated[Optional[str], typer.Option("--engine", metavar="ENGINE", help=_engines_help())]
AnnounceOption = Annotated[
    bool, typer.Option("--announce/--no-announce", help="Open with title and author, close with 'End of …'.")
]
ChapterTitlesOption = Annotated[
    bool, typer.Option("--chapter-titles/--no-chapter-titles", help="Speak each chapter's title at its start.")
]
KeepWebOption = Annotated[
    bool, typer.Option("--keep-web-leftovers", help="Narrate 'Continue reading …', 'Share this' lines (--keep web-leftovers).")
]
LexiconOption = Annotated[
    Optional[Path], typer.Option("--lexicon", metavar="FILE", help="Pronunciation lexicon (TOML: word = \"respelling\").")
]
InputArgument = Annotated[str, typer.Argument(
    metavar="INPUT", help="The file to read (text, Markdown, HTML, EPUB, PDF; `-` for stdin).", show_default=False)]
LanguageOption = Annotated[
    Optional[str], typer.Option("--language", metavar="TAG", help="The text's language (de, fr, en-GB …), over what it says and detection.")
]
TitleOption = Annotated[Optional[str], typer.Option("--title", metavar="TEXT", help="Edition title.")]
AuthorOption = Annotated[Optional[str], typer.Option("--author", metavar="TEXT", help="Edition author.")]


MatterOption = Annotated[
    bool, typer.Option("--read-matter", help="Also narrate a book's cover, title and copyright pages, contents, index.")
]
NotesOption = Annotated[bool, typer.Option("--notes/--no-notes", help="Read a book's notes after each chapter.")]
KeepOption = Annotated[
    Optional[list[str]],
    typer.Option("--keep", metavar="LIST", help=f"Read what is left out by default (`aloud text` shows it): a comma list of "
                 f"{', '.join(LEFT_OUT)} (code is announced, never read).", show_default=False),
]


def kept(values: list[str] | None) -> frozenset[str]:
    """The names `--keep` was given (repeated, or as comma lists); an unknown one is refused."""
    names = {n.strip().lower() for v in values or () for n in v.split(",") if n.strip()}
    unknown = sorted(names - set(LEFT_OUT))
    if unknown:
        raise UsageError(f"--keep {unknown[0]}: not something aloud leaves out; choose from {', '.join(LEFT_OUT)}")
    return frozenset(names)


def narration_options(
    announce: bool, chapter_titles: bool, keep_web: bool, lexicon: Path | None, read_matter: bool = False,
    read_notes: bool = True, keep: list[str] | None = None,
) -> NarrationOptions:
    return NarrationOptions(
        announce_edition=announce, announce_chapters=chapter_titles, keep_web_leftovers=keep_web, lexicon=lexicon,
        read_matter=read_matter, read_notes=read_notes, keep=kept(keep),
    )
