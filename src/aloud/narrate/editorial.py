"""An editor's or transcriber's words in a book: "[Illustration: …]", "[Later editions
continued as follows: …]", a note signed "—ED.". A narrator does not read them as the
author's; they are left out where they stand (`aloud text` shows them, `--keep editorial`
reads them); so is a long bracket that stands as a sentence of its own. A bracket inside a
sentence ("he [Scrooge] said", "[sic]", a link's text) is the text's own and is read; of one
that introduces the author's words ("[Later editions continued as follows: …]") only the
editor's words are left out.
"""

from __future__ import annotations

import re

# What an editor's bracket opens with.
_CUE = re.compile(
    r"\s*(?:illustration|footnote|foot-note|note|notes|sidenote|side-note|transcriber|transcriber's|editor|editor's|"
    r"ed\.|later editions?|earlier editions?|in (?:the )?(?:first|later|earlier) editions?|decoration|greek|hebrew|"
    r"blank page|errata|printer's|publisher's|citation needed|this (?:chapter|passage|paragraph) (?:is|was))(?!\w)",
    re.IGNORECASE)
# An editor's word on the text that follows, which is the author's: "[Later editions continued
# as follows: …]". The words are left out, what follows them is read.
_INTRODUCING = re.compile(r"\s*(?:(?:in )?(?:the )?(?:later|earlier|first|some) editions?|the (?:original|manuscript))\b"
                          r"[^:\[\]]{0,60}?(?:as follows|reads?|read|ran|runs|continued|continues|adds?|added)\b(?:\s+as follows\b)?"
                          r"\s*[:,.—-]*\s*",
                          re.IGNORECASE)
_BRACKET = re.compile(r"\[(?P<body>[^\[\]]*)(?P<close>\]|\Z)")
MIN_WORDS = 6  # a bracket this long that stands as a sentence of its own, without a cue, is an editor's too
# An editor's signature ending a paragraph: "—ED.", "--Ed.", "-- TRANSCRIBER."
_SIGNATURE = re.compile(r"(?<=[.!?])\s*(?:--|—|–)?\s*(?:ED|EDITOR|TR|TRANSCRIBER)\.\s*\Z")  # not "his brother--Ed."


def may_hold_editorial(text: str) -> bool:
    """A quick look: only a text with a bracket or ending in a signature is looked at closely."""
    return "[" in text or text.rstrip().endswith(("ED.", "EDITOR.", "TR.", "TRANSCRIBER."))


def _stands_alone(text: str, m: re.Match[str]) -> bool:
    """A bracket that is a sentence of its own, not words inside one ("We [the government and
    its partners] will act") nor a link's text ("[the guide](…)")."""
    before, after = text[:m.start()].rstrip(), text[m.end():].lstrip()
    return (not before or before[-1] in ".!?…\"”’") and (not after or after[0].isupper() or after[0] in "\"“‘(")


def editorial_parts(text: str) -> tuple[str, list[str]]:
    """The text without an editor's words, and those words, in order."""
    parts: list[str] = []
    if "[" in text:
        kept, at = [], 0
        for m in _BRACKET.finditer(text):
            body = m.group("body")
            introducing = _INTRODUCING.match(body)
            if introducing:
                kept.append(text[at:m.start()] + " " + body[introducing.end():] + " ")
                parts.append("[" + body[:introducing.end()].strip())
                at = m.end()
            elif _CUE.match(body) or len(body.split()) >= MIN_WORDS and m.group("close") and _stands_alone(text, m):
                kept.append(text[at:m.start()])
                parts.append(m.group(0).strip())
                at = m.end()
        text = "".join(kept) + text[at:]
    signed = _SIGNATURE.search(text)
    if signed:
        parts.append(signed.group(0).strip(" -—–"))
        text = text[:signed.start()].rstrip() + ("" if text[:signed.start()].rstrip().endswith((".", "!", "?")) else ".")
    return " ".join(text.split()), parts
