"""An EPUB 3's pronunciation lexicons (PLS, linked from its package): each word the book
says how to pronounce, as espeak-ng phonemes (from IPA) or as the alias it gives. Only the
lexicons of the book's language are read (a book may carry one per language)."""

from __future__ import annotations

from lxml import etree

from aloud.errors import InputError
from aloud.narrate.phonemes import espeak_phonemes
from aloud.read.epub.package import Package
from aloud.words import one_line

PLS = "{http://www.w3.org/2005/01/pronunciation-lexicon}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_LEXEMES = 50_000


def book_pronunciations(package: Package, language: str | None) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for item in package.items.values():
        if item.media_type != "application/pls+xml" or not package.has(item.href):
            continue
        try:
            root = package.xml(item.href, "pronunciation lexicon")
        except InputError:
            continue  # a lexicon that cannot be read: the words are read as written
        lang = (root.get(XML_LANG) or "").split("-")[0].lower()
        if language and lang and lang != language.split("-")[0].lower():
            continue
        alphabet = (root.get("alphabet") or "ipa").lower()
        for lexeme in root.iter(f"{PLS}lexeme"):
            said = _said(lexeme, alphabet)
            for grapheme in lexeme.iter(f"{PLS}grapheme"):
                word = one_line(grapheme.text or "")
                if word and said and len(found) < MAX_LEXEMES:
                    found.setdefault(word, said)
    return tuple(found.items())


def _said(lexeme: etree._Element, alphabet: str) -> str | None:
    for phoneme in lexeme.iter(f"{PLS}phoneme"):
        kind = (phoneme.get("alphabet") or alphabet).lower()
        converted = espeak_phonemes(phoneme.text or "") if kind == "ipa" else (phoneme.text or "").strip() \
            if kind == "x-espeak" else None
        if converted:
            return f"[[{converted}]]"
    alias = lexeme.find(f"{PLS}alias")
    return one_line(alias.text or "") if alias is not None and alias.text else None
