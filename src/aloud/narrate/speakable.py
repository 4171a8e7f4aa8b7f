"""Text an engine reads well: the characters that confuse speech engines are tidied away."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def speakable(text: str) -> str:
    text = _CONTROL.sub(" ", text)
    # SSML-looking text is read as text: the engine never sees markup.
    text = text.replace("<", " ").replace(">", " ")
    return _SPACES.sub(" ", text).strip()
