"""IPA, as EPUB 3 pronunciation aids give it (PLS lexicons, `ssml:ph`), in the phoneme
mnemonics espeak-ng reads between `[[` and `]]`.

espeak-ng takes no IPA on input (its SSML reader ignores `<phoneme>`), so each IPA symbol
is mapped to espeak-ng's own: stress marks and length kept, diphthongs and affricates
first. A transcription with a symbol the table does not know is not converted (the word
is then read as written) rather than guessed.
"""

from __future__ import annotations

import unicodedata

# Longest first, so "tʃ" is one sound and "eɪ" one vowel.
IPA_TO_ESPEAK = {
    "tʃ": "tS", "dʒ": "dZ", "eɪ": "eI", "aɪ": "aI", "ɔɪ": "OI", "aʊ": "aU", "oʊ": "oU", "əʊ": "oU", "ɪə": "i@",
    "eə": "e@", "ʊə": "U@", "ɛə": "e@", "iː": "i:", "uː": "u:", "ɑː": "A:", "ɔː": "O:", "ɜː": "3:", "ɝ": "3:",
    "ɚ": "3", "i": "i", "ɪ": "I", "e": "e", "ɛ": "E", "æ": "a", "a": "a", "ɑ": "A:", "ɒ": "0", "ɔ": "O:", "o": "o",
    "ʊ": "U", "u": "u:", "ʌ": "V", "ə": "@", "ɜ": "3:", "ɐ": "a#", "y": "j", "j": "j", "p": "p", "b": "b",
    "t": "t", "d": "d", "k": "k", "g": "g", "ɡ": "g", "f": "f", "v": "v", "θ": "T", "ð": "D", "s": "s", "z": "z",
    "ʃ": "S", "ʒ": "Z", "h": "h", "m": "m", "n": "n", "ŋ": "N", "l": "l", "ɫ": "l", "r": "r", "ɹ": "r", "ɾ": "t",
    "w": "w", "ʍ": "w", "x": "x", "ç": "C", "ʔ": "", "ˈ": "'", "ˌ": ",", "ː": ":", ".": "", " ": " ", "‿": "",
}
LONGEST = max(len(k) for k in IPA_TO_ESPEAK)


def espeak_phonemes(ipa: str) -> str | None:
    """`ipa` as espeak-ng phonemes ("ˈdʒɔrdʒə" → "'dZO:rdZ@"), or None if it holds a symbol
    this table does not know."""
    text = unicodedata.normalize("NFC", " ".join(ipa.strip().strip("/[]").split()))
    out: list[str] = []
    n = 0
    while n < len(text):
        for length in range(min(LONGEST, len(text) - n), 0, -1):
            found = IPA_TO_ESPEAK.get(text[n:n + length])
            if found is not None:
                out.append(found)
                n += length
                break
        else:
            return None
    said = "".join(out).strip()
    return said or None
