"""URLs and e-mail addresses: only the host is read, label by label."""

from __future__ import annotations

import re
from collections.abc import Mapping

from aloud.narrate.lang.cleanup import SPACES, Match, sub_all
from aloud.narrate.lang.en.word_lists import COMMON_WORDS

TOP_LEVEL_DOMAINS = frozenset(
    "com org net edu gov mil int info biz name io co ac sch uk us ca au nz ie de fr es it nl be ch at "
    "se no dk fi pl ru cn jp in br za mx ar eu tv me app dev ai gg ly".split()
)
_URL = re.compile(r"(?:(?:https?|ftp)://|\bwww\.)[^\s<>\"“”‘’]{0,2000}", re.IGNORECASE)
_EMAIL = re.compile(
    r"(?:\bmailto:)?(?<![\w.+%-])(?P<local>[A-Za-z0-9._%+-]{1,64})@"
    r"(?P<host>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})"
)
_BARE_DOMAIN = re.compile(
    r"(?<![\w@./-])(?P<host>(?:[a-z0-9-]{1,63}\.){1,6}(?:" + "|".join(sorted(TOP_LEVEL_DOMAINS)) + r"))"
    r"(?P<path>/[^\s<>\"“”‘’]{0,2000})?(?![\w@-]|\.[a-z0-9])"
)
_DOMAIN_HINT = re.compile(r"\.(?:" + "|".join(sorted(TOP_LEVEL_DOMAINS)) + r")(?![\w@-])")
_URL_TRAILER = re.compile(r"[.,;:!?)\]'\"’”]+\Z")
_SCHEME = re.compile(r"\A(?:[a-z]+://)?(?:[^/?#@]*@)?", re.IGNORECASE)
_HOST_END = re.compile(r"[/?#:]")
_LOCAL_PART_SYMBOLS: Mapping[str, str] = {
    ".": " dot ", "_": " underscore ", "-": " dash ", "+": " plus ", "%": " percent ",
}
_LOCAL_PART_SPLIT = re.compile(r"[._+%-]")


def _speak_label(label: str) -> str:
    label = label.lower()
    if label.isalpha() and len(label) <= 3 and label not in TOP_LEVEL_DOMAINS and label not in COMMON_WORDS:
        return label.upper()  # "bbc" -> "BBC", spelled by the engine
    return label.replace("-", " ")


def _speak_host(host: str) -> str:
    host = host.strip(".").lower()
    if host.startswith("www."):
        host = host[4:]
    labels = [_speak_label(label) for label in host.split(".") if label]
    return " dot ".join(labels)


def _url(m: Match) -> str:
    url = m.group(0)
    trailer = _URL_TRAILER.search(url)
    tail = trailer.group(0) if trailer else ""
    url = url[: len(url) - len(tail)]
    rest = url[_SCHEME.match(url).end() :]  # type: ignore[union-attr]  # \A(...)? always matches
    host = _HOST_END.split(rest, 1)[0]
    spoken = _speak_host(host)
    return (f" {spoken}" if spoken else "") + tail


def _email(m: Match) -> str:
    local = _LOCAL_PART_SPLIT.sub(lambda s: _LOCAL_PART_SYMBOLS[s.group(0)], m.group("local"))
    return f"{SPACES.sub(' ', local).strip()} at {_speak_host(m.group('host'))}"


def _bare_domain(m: Match) -> str:
    return _speak_host(m.group("host"))


def speak_addresses(text: str) -> str:
    if "://" in text or "www." in text.lower():
        text = _URL.sub(_url, text)
    text = sub_all(text, ((_EMAIL, _email, "@"),))
    if _DOMAIN_HINT.search(text):
        text = _BARE_DOMAIN.sub(_bare_domain, text)
    return text
