"""Engines by name. A name may also be `package.module:Class` for an engine of your own."""

from __future__ import annotations

from aloud.plugins import make, module_of
from aloud.speech.engine import Engine

ENGINES = {
    "pyttsx3": "aloud.speech.engines.pyttsx3_engine:Pyttsx3Engine",
    "tone": "aloud.speech.engines.tone:ToneEngine",
    "hibari": "aloud.speech.engines.hibari_engine:HibariEngine",  # the [neural] extra
}


def create_engine(name: str) -> Engine:
    return make("engine", name, ENGINES, Engine)


def engine_module(name: str) -> str:
    """The module of the engine named `name`: a worker may import it before its first task."""
    return module_of(name, ENGINES)
