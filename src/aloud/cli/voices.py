"""`aloud voices` and `aloud say`: the engine's voices, and a quick listen to one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from aloud.cli.help import PlainHelpCommand
from aloud.cli.options import EngineOption, LexiconOption, RateOption, VoiceOption, settings_for
from aloud.cli.program import app, errors
from aloud.say import say as say_text
from aloud.settings import BuildSettings, NarrationOptions
from aloud.speech.registry import create_engine


@app.command("voices", cls=PlainHelpCommand)
def voices_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    engine: EngineOption = None,
) -> None:
    """List the voices of the speech engine."""
    with errors():
        eng = create_engine(engine or BuildSettings().engine)
        eng.check_available()
        voices = eng.voices()
        if as_json:
            data = [{"id": v.id, "name": v.name, "languages": list(v.languages), "gender": v.gender} for v in voices]
            typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
            return
        for v in voices:
            typer.echo(f"{v.id:<28} {', '.join(v.languages):<18} {v.name}")


@app.command("say", cls=PlainHelpCommand)
def say_command(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What to say.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The .wav or .mp3 file to write.")],
    play: Annotated[bool, typer.Option("--play", help="Also play it, with the first player found (ffplay, mpv, "
                                                      "paplay, aplay, afplay).")] = False,
    voice: VoiceOption = None,
    rate: RateOption = None,
    engine: EngineOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Speak TEXT into a WAV or MP3 file, for a quick listen to a voice and rate (--play to hear it)."""
    with errors():
        narration = NarrationOptions(lexicon=lexicon)
        settings = settings_for(engine=engine, narration=narration).with_overrides(rate=rate)
        seconds = say_text(text, output, settings, voice)
        typer.echo(f"{output}: {seconds:.1f} s")
        if play:
            from aloud.audio.ffmpeg import PLAYERS
            from aloud.audio.ffmpeg import play as play_file

            if play_file(output) is None:
                typer.echo(f"aloud: warning: no player to play it with ({', '.join(p for p, _ in PLAYERS)}); "
                           f"open {output} in one", err=True)
