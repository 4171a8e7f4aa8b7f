"""Engines by name. A name may also be `package.module:Class` for an engine of your own."""

from __future__ import annotations

import importlib

from aloud.speech.engine import Engine
from aloud.errors import UsageError

ENGINES = {
    "pyttsx3": "aloud.speech.engines.pyttsx3_engine:Pyttsx3Engine",
    "tone": "aloud.speech.engines.tone:ToneEngine",
    "hibari": "aloud.speech.engines.hibari_engine:HibariEngine",  # the [neural] extra
}


def create_engine(name: str) -> Engine:
    target = ENGINES.get(name, name)
    if ":" not in target:
        raise UsageError(f"unknown engine {name!r}; choose from {', '.join(sorted(ENGINES))}")
    module_name, _, class_name = target.partition(":")
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise UsageError(f"engine {name!r} cannot be loaded: {exc}") from None
    return cls()
