"""`aloud check` and `aloud verify`: prove an edition is sound, and that it says its text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from aloud.cli.help import PlainHelpCommand
from aloud.cli.program import app, errors
from aloud.clock import duration_text
from aloud.progress import NullProgress


@app.command("check", cls=PlainHelpCommand)
def check_command(
    edition_dir: Annotated[Path, typer.Argument(metavar="EDITION", help="An edition folder (OUT/<slug>).", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole report as JSON.")] = False,
    acx: Annotated[bool, typer.Option("--acx", help="Also check the ACX (Audible) rules for each chapter file.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Show no progress.")] = False,
) -> None:
    """Verify an edition: files, durations, chapter marks, tags, transcript, and each chapter's audio.
    Exits 0 only when every check passes."""
    from aloud.cli.terminal import progress_for
    from aloud.proof.check import check_edition

    with errors(), progress_for(quiet=quiet or as_json, transient=True) as progress:
        report = check_edition(edition_dir, acx=acx, progress=progress or NullProgress())
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
        if acx and _profile_of(edition_dir) != "acx" and any(f.check.startswith("ACX") for f in report.failures):
            typer.echo("This edition was built with the default profile; for Audible, build it again with "
                       "--profile acx (192 kb/s CBR MP3 at 44.1 kHz, peaks at -3 dB or below): it goes to "
                       f"{edition_dir.name}-acx beside this one.", err=True)
    if not report.passed:
        raise typer.Exit(1)


def _profile_of(edition_dir: Path) -> str:
    try:
        return str(json.loads((edition_dir / "chapters.json").read_text(encoding="utf-8"))["audio"]["profile"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""


@app.command("verify", cls=PlainHelpCommand)
def verify_command(
    edition_dir: Annotated[Path, typer.Argument(metavar="EDITION", help="An edition folder (OUT/<slug>).", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole report as JSON, with what was heard.")] = False,
    max_wer: Annotated[
        Optional[float], typer.Option("--max-wer", metavar="RATE", help="Highest word error rate a chapter may have (0–1; default 0.35).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Show no progress.")] = False,
) -> None:
    """Listen to an edition with an offline speech recognizer and compare what is heard with the text:
    the word error rate of each chapter and every passage missing from the audio.
    Exits 0 only when no chapter is over the error rate and nothing is missing. Needs the `verify` extra: pip install 'aloud[verify]' (or make verify)."""
    from aloud.cli.terminal import progress_for
    from aloud.proof.verify import DEFAULT_MAX_WER, checked_max_wer, unheard_language, verify_edition

    with errors():
        checked_max_wer(DEFAULT_MAX_WER if max_wer is None else max_wer)
        language = unheard_language(edition_dir)
    if language:
        typer.echo(f"aloud: warning: {edition_dir}: is in {language}, and verify listens in English only "
                   "(Whisper tiny.en): not verified", err=True)
        if as_json:
            typer.echo(json.dumps({"passed": None, "skipped": f"verify listens in English only; the edition is in {language}"}))
        return
    with errors(), progress_for(quiet=quiet or as_json) as progress:
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
