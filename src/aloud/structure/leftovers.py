"""Web leftovers: what a page put around an article that a copied or scraped text keeps —
share rows ("Share this:", "Click to share on Facebook (Opens in new window)"), "Like
this:", "Related" lists, "Advertisement", "Read more: …", "Continue reading …", comment
counts — wherever they stand: at the end, mid-article, or spread over several lines.

A line is a leftover only when the whole of it is one, and it is short: a sentence that
mentions sharing is prose. The lines after a "Share this:" or "Related" line that are
only network names, "(Opens in new window)" or short link titles go with it.
"""

from __future__ import annotations

import re

MAX_WORDS = 14  # a longer line is prose, whatever it starts with

# A line that is a leftover by how it starts ("Continue reading Jiayuguan …", "Share on Facebook").
_LEADS = re.compile(
    r"(?:continue reading|read more|read the (?:full|rest|original) (?:article|story|post)|keep reading|read next|"
    r"share (?:this|on|via|article|story|post)|click to (?:share|email|print|tweet)|"
    r"(?:tweet|email|print|pin|save) (?:this|it)\b|subscribe (?:to|now|for|today)|sign up (?:for|to|now|here)|"
    r"follow us|join our (?:newsletter|mailing list)|more from|tags?:|tagged(?: with)?:|filed under|posted in|"
    r"categories:|this (?:article|post|story) (?:was |first )?(?:originally )?(?:appeared|published|ran))\b.*",
    re.IGNORECASE,
)
# A line that is a leftover as a whole ("Like this:", "Advertisement", "Related", "3 Comments").
_WHOLE = re.compile(
    r"(?:share(?: this)?|like this|like loading|loading|related(?: (?:articles|posts|stories|content|reading|links))?|"
    r"you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular)|advertisement|sponsored(?: content)?|"
    r"ad feedback|subscribe|sign up|leave a (?:comment|reply)|cancel reply|\d+ (?:comments?|responses?|replies)|"
    r"comments?(?: \(\d+\))?|(?:previous|next)(?: (?:post|article|story))?|« previous|next »|back to top|"
    r"skip to (?:main )?content|copy link|link copied|copied!?|\(?opens in (?:a )?new window\)?)\W*",
    re.IGNORECASE,
)
# Lines that belong to a share row or a "Related" list when they follow one.
_NETWORK = re.compile(
    r"(?:facebook|twitter|x|linkedin|whatsapp|reddit|telegram|pinterest|tumblr|pocket|mastodon|bluesky|threads|"
    r"email|e-mail|print|more|messenger|flipboard|mix|skype|sms|copy(?: link)?|\(opens in new window\))\W*",
    re.IGNORECASE,
)
_CLICK = re.compile(r"click to .*|.*\(opens in new window\)\W*|in [\"“].*[\"”]\W*|like loading\W*", re.IGNORECASE)
_DATE = re.compile(r"(?:\w+ \d{1,2}, \d{4}|\d{1,2} \w+ \d{4}|\d{4}-\d{2}-\d{2})\W*")
# The lines that start a row or list the lines after them belong to.
_STARTS_ROW = re.compile(r"(?:share(?: this)?|like this|related(?: \w+)?|you (?:may|might) also like|more from.*):?\W*",
                         re.IGNORECASE)
ROW_LINE_WORDS = 10  # a line of a "Related" list: a short title


def is_leftover(line: str) -> bool:
    """Whether the whole line is a web leftover ("Share this:", "Advertisement", "Read more: …")."""
    line = " ".join(line.split())
    return bool(line) and len(line.split()) <= MAX_WORDS and (
        _WHOLE.fullmatch(line) is not None or _LEADS.fullmatch(line) is not None)


def leftover_lines(lines: list[str]) -> list[bool]:
    """For each line of a text (blank lines included), whether it is a web leftover."""
    marks = [False] * len(lines)
    in_row = False
    for n, raw in enumerate(lines):
        line = " ".join(raw.split())
        if not line:
            continue  # a blank line does not end a row: share buttons come one per paragraph
        if is_leftover(line):
            marks[n] = True
            in_row = in_row or _STARTS_ROW.fullmatch(line) is not None
            continue
        if in_row and (_NETWORK.fullmatch(line) or _CLICK.fullmatch(line) or _DATE.fullmatch(line)
                       or (len(line.split()) <= ROW_LINE_WORDS and _is_last_run(lines, n))):
            marks[n] = True
            continue
        in_row = False
    return marks


def _is_last_run(lines: list[str], start: int) -> bool:
    """Whether from `start` on the text holds only short lines (the links of a list that ends it)."""
    return all(len(line.split()) <= ROW_LINE_WORDS for line in lines[start:])
