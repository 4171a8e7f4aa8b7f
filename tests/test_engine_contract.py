"""One contract for every installed engine: voices, short and long text, odd characters,
timing that follows the rate — and the neural engine works with the network cut."""

from __future__ import annotations

import array
import shutil
import subprocess
import sys

import pytest

from aloud.errors import AloudError
from aloud.speech.registry import ENGINES, create_engine
from aloud.speech.speaking import plausible_seconds

SHORT = "The lamp shook on its stand."
LONG = (
    "Mara climbed the stairs with a can of oil, counting the steps as her father had taught "
    "her, and at the top she trimmed the wick, turned the great lens, and watched the beam "
    "sweep out over the water."
)
ODD = "Hello — “quoted”, ‘single’ … (brackets) & done; 50% of it, x = y!"


def _installed(name: str) -> bool:
    try:
        create_engine(name).check_available()
    except AloudError:
        return False
    return True


@pytest.fixture(params=sorted(ENGINES), scope="module")
def engine(request):
    if not _installed(request.param):
        pytest.skip(f"engine {request.param} is not installed here")
    return create_engine(request.param)


def _voice(engine) -> str:
    return engine.voices()[0].id


def _peak(clip) -> int:
    samples = array.array("h", clip.pcm)
    return max(abs(min(samples)), max(samples)) if samples else 0


def test_voices(engine):
    voices = engine.voices()
    assert voices
    assert all(v.id and v.name and v.languages for v in voices)
    assert engine.version()


@pytest.mark.parametrize("text", [SHORT, LONG, ODD])
def test_speech_is_plausible_for_its_words(engine, text):
    clip = engine.synthesize(text, _voice(engine), 170)
    shortest, longest = plausible_seconds(text, 170)
    assert shortest <= clip.duration <= longest, (clip.duration, shortest, longest)
    assert clip.sample_rate == 22050  # every engine hands the pipeline the same rate
    assert len(clip.pcm) % 2 == 0
    assert _peak(clip) > 3000  # audible, not silence


def test_a_longer_text_takes_longer_and_a_faster_rate_less(engine):
    voice = _voice(engine)
    short, long = engine.synthesize(SHORT, voice, 170), engine.synthesize(LONG, voice, 170)
    assert long.duration > 2 * short.duration
    fast = engine.synthesize(LONG, voice, 300)
    assert fast.duration < 0.8 * long.duration


@pytest.mark.parametrize("name", [n for n in sorted(ENGINES) if getattr(create_engine(n), "stateless", False)])
def test_an_engine_that_says_it_is_stateless_is(name):
    """A stateless engine is kept by a worker for many segments: what it said before must not matter."""
    if not _installed(name):
        pytest.skip(f"engine {name} is not installed here")
    engine = create_engine(name)
    voice = _voice(engine)
    first = engine.synthesize(SHORT, voice, 170)
    engine.synthesize(LONG, voice, 200)
    assert engine.synthesize(SHORT, voice, 170).pcm == first.pcm


def test_only_hibari_is_kept_between_segments():
    from aloud.speech.speaking import is_stateless

    assert not is_stateless("pyttsx3")  # espeak-ng carries pitch and noise state across requests
    assert is_stateless("hibari")


def test_hibari_is_deterministic_and_works_with_the_network_cut():
    if not _installed("hibari"):
        pytest.skip("the neural extra is not installed here")
    engine = create_engine("hibari")
    a = engine.synthesize(SHORT, "heart", 170)
    b = create_engine("hibari").synthesize(SHORT, "heart", 170)
    assert a.pcm == b.pcm  # same text, same samples: reproducible editions
    code = (
        "from aloud.speech.registry import create_engine; "
        "c = create_engine('hibari').synthesize('Spoken with no network at all.', 'heart', 170); "
        "print(round(c.duration, 2))"
    )
    command = [sys.executable, "-c", code]
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"]).returncode == 0:
        command = ["unshare", "-n", *command]  # no network namespace: nothing could be fetched
    result = subprocess.run(command, capture_output=True, text=True, env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert float(result.stdout) > 1.0


def test_a_missing_engine_says_how_to_install_it(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_hibari(name, *args, **kwargs):
        if name == "hibari" or name.startswith("hibari."):
            raise ImportError("No module named 'hibari'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_hibari)
    with pytest.raises(AloudError, match=r"hibari-tts is not installed: install it with `pip install 'aloud\[neural\]'`"):
        create_engine("hibari").check_available()


def test_a_language_no_voice_speaks_is_said_with_the_languages_the_engine_does_speak():
    from aloud.errors import UsageError
    from aloud.model import Voice
    from aloud.speech.engine import resolve_voice

    voices = [Voice("heart", "Heart", ("en-us",)), Voice("puck", "Puck", ("en-us",))]
    with pytest.raises(UsageError, match=r"no voice speaks 'de': hibari speaks en-us only; choose another --engine"):
        resolve_voice(voices, "de", "hibari")
    assert resolve_voice(voices, "en", "hibari").id == "heart"  # a language it speaks, by its primary tag
    with pytest.raises(UsageError, match="unknown voice 'Nobody'"):
        resolve_voice(voices, "Nobody", "hibari")
