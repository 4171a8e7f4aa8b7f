"""Engines by name. A name may also be `package.module:Class` for an engine of your own."""

from __future__ import annotations

from aloud.plugins import make, module_of
from aloud.speech.engine import Engine

ENGINES = {
    "pyttsx3": "aloud.speech.engines.pyttsx3_engine:Pyttsx3Engine",
    "tone": "aloud.speech.engines.tone:ToneEngine",
    "hibari": "aloud.speech.engines.hibari_engine:HibariEngine",  # the [neural] extra
}


TEST_ENGINES = frozenset({"tone"})  # for tests and benchmarks: not offered to users
_NEEDS = {"pyttsx3": "pyttsx3", "hibari": "hibari"}  # the package each engine needs


def installed_engines() -> list[str]:
    """The engines a user may choose whose package is installed, without importing them."""
    from importlib.util import find_spec

    return [name for name in ENGINES if name not in TEST_ENGINES and find_spec(_NEEDS.get(name, "aloud")) is not None]


def create_engine(name: str) -> Engine:
    return make("engine", name, ENGINES, Engine)


def engine_module(name: str) -> str:
    """The module of the engine named `name`: a worker may import it before its first task."""
    return module_of(name, ENGINES)
