"""An editor's or transcriber's words in a book: "[Illustration: …]", "[Later editions
continued as follows: …]", a note signed "—ED.". A narrator does not read them as the
author's; they are left out where they stand (`aloud text` shows them, `--keep editorial`
reads them). A short bracket inside a sentence ("he [Scrooge] said", "[sic]") is the
text's own and is read.
"""

from __future__ import annotations

import re

# What an editor's bracket opens with.
_CUE = re.compile(
    r"\s*(?:illustration|footnote|foot-note|note|notes|sidenote|side-note|transcriber|transcriber's|editor|editor's|"
    r"ed\.|later editions?|earlier editions?|in (?:the )?(?:first|later|earlier) editions?|decoration|greek|hebrew|"
    r"blank page|errata|printer's|publisher's|citation needed|this (?:chapter|passage|paragraph) (?:is|was))\b", re.IGNORECASE)
_BRACKET = re.compile(r"\[(?P<body>[^\[\]]*)(?P<close>\]|\Z)")
MIN_WORDS = 6  # a bracket this long, without a cue, is an editor's too
# An editor's signature ending a paragraph: "—ED.", "--Ed.", "-- TRANSCRIBER."
_SIGNATURE = re.compile(r"(?:\s*(?:--|—|–)\s*(?:ED|Ed|EDITOR|Editor|TR|Tr|TRANSCRIBER|Transcriber)"
                        r"|(?<=[.!?])\s+(?:ED|EDITOR|TR|TRANSCRIBER))\.\s*\Z")


def editorial_parts(text: str) -> tuple[str, list[str]]:
    """The text without an editor's words, and those words, in order."""
    parts: list[str] = []
    if "[" in text:
        kept, at = [], 0
        for m in _BRACKET.finditer(text):
            body = m.group("body")
            if _CUE.match(body) or len(body.split()) >= MIN_WORDS:
                kept.append(text[at:m.start()])
                parts.append(m.group(0).strip())
                at = m.end()
        text = "".join(kept) + text[at:]
    signed = _SIGNATURE.search(text)
    if signed:
        parts.append(signed.group(0).strip(" -—–"))
        text = text[:signed.start()].rstrip() + ("" if text[:signed.start()].rstrip().endswith((".", "!", "?")) else ".")
    return " ".join(text.split()), parts
