"""`aloud say`: a short text spoken into a WAV or MP3 file, for a quick listen to a voice and rate."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from aloud.audio import ffmpeg, pcm
from aloud.errors import SynthesisError, UsageError
from aloud.model import Chapter, Paragraph
from aloud.narrate import narrate_chapter
from aloud.narrate.lexicon import load_lexicon
from aloud.pipeline import open_engine
from aloud.run.executor import WorkerOptions, create_executor, running
from aloud.run.scheduler import TaskFailed, run_tasks
from aloud.settings import BuildSettings
from aloud.speech.registry import engine_module
from aloud.speech.speaking import UnitFailed, speak_units
from aloud.words import count_words

# About twelve minutes at the default rate; the WAV is held in memory (about 30 MB then).
MAX_WORDS = 2000


OUTPUT_SUFFIXES = (".wav", ".mp3")


def say(text: str, out: Path, settings: BuildSettings, voice: str | None = None) -> float:
    """Speak `text` into the WAV or MP3 file `out`. Returns its duration in seconds."""
    if out.suffix.lower() not in OUTPUT_SUFFIXES:
        raise UsageError(f"{out}: `say` writes a .wav or an .mp3 file")
    if not text.strip():
        raise UsageError("nothing to say: the text is empty")
    words = count_words(text)
    if words > MAX_WORDS:
        raise UsageError(f"`say` is for a short listen, {MAX_WORDS:,} words at most (this text has {words:,}); "
                         "for more, make an edition with `aloud build`")
    settings.validated()
    voicing = open_engine(settings, voice or settings.voice, settings.rate)
    chapter = Chapter(1, "say", "", tuple(Paragraph(p) for p in text.split("\n") if p.strip()))
    narration = replace(settings.narration, language=voicing.language)
    units = narrate_chapter(chapter, settings.pauses, narration, load_lexicon(settings.narration.lexicon))
    if not units:
        raise UsageError("nothing to say: the text has no words")
    spoken = []
    # Spoken by a fresh engine in a process of its own, and tried twice, as a build's segments are.
    workers = WorkerOptions(1, fresh_process_per_task=True, preload=(engine_module(voicing.engine),))
    try:
        with running(create_executor(settings.executor, workers)) as executor:
            run_tasks([(units, voicing)], speak_units, executor, lambda _task, clips: spoken.extend(clips))
    except TaskFailed as failed:
        error = failed.reasons[-1]
        problem = f"“{units[error.position].label}”: {error.reason}" if isinstance(error, UnitFailed) else str(error)
        raise SynthesisError(f"could not say {problem} (tried twice)") from None
    rate = spoken[0].sample_rate
    joined, _ = pcm.join_clips([c.pcm for c in spoken], [u.pause_after for u in units], rate)
    if out.suffix.lower() == ".mp3":
        ffmpeg.require("ffmpeg")
        out.parent.mkdir(parents=True, exist_ok=True)
        ffmpeg.write_mp3(joined, rate, out)
        return len(joined) / pcm.SAMPLE_BYTES / rate
    return pcm.write_wav(out, joined, rate)
