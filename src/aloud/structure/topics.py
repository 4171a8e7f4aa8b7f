"""A text without headings cut into sections where its topic turns, each titled by what it is about.

Where: by lexical cohesion, as TextTiling does (Hearst 1997). At each gap between
paragraphs the words of the paragraphs before it are compared with those after it (cosine
of their content-word counts); a gap where the two sides share few words, deeper than the
gaps around it, is where the topic turns. Each cut is the deepest gap near where a cut of
even length would fall, so sections stay of a listening length, and a gap is never taken
before a paragraph that answers the one before it (one opening "Yet …", "But now …":
the locale's turn words) or after one that asks or announces (ending "?" or ":").

What about: a key phrase, as keyword extractors such as YAKE find one: a run of one to
three content words, frequent in the section, rarer in the rest of the text, a name
(capitalised inside a sentence) above a common word, not the title of another section.
The title shown is the title spoken.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from aloud.model import PROSE, Chapter, Paragraph
from aloud.narrate.lang import Locale

SECTION_WORDS_MIN = 200
SECTION_WORDS_MAX = 3000
SECTIONS_BELOW = 300  # shorter texts stay one section
WINDOW_WORDS = 60  # content words on each side of a gap compared
REACH = 0.4  # a cut may fall this share of a section's length from where an even cut would
SHORTEST = 0.5  # no section shorter than this share of an even one
REFERS_BACK = 0.3  # what a section start that refers back ("This …", "He …") costs
OTHER_COUNT = 0.1  # what one section more or fewer than the length suggests costs
PHRASE_WORDS = 3
TITLE_CHARS = 60
PARTICLES = frozenset("bin ibn al el de del della di da das dos du van von der den ter la le".split())  # "bin Laden"
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _stem(word: str) -> str:
    """A crude English-leaning stem, enough to see "city" and "cities", "steel" and "steels" as one."""
    for ending, becomes in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 3 and not word.endswith("ss"):
            return word[: -len(ending)] + becomes
    return word


GUESSED_STOP_WORDS = 60


def stop_words(paragraphs: Sequence[Paragraph], locale: Locale) -> frozenset[str]:
    """The locale's function words; for a language without a list, the text's commonest words
    stand in for them (in any language those are its function words)."""
    if locale.headings.stop_words:
        return locale.headings.stop_words
    counts = Counter(t.lower().replace("’", "'") for p in paragraphs for t in _TOKEN.findall(p.text))
    return frozenset(word for word, _ in counts.most_common(GUESSED_STOP_WORDS))


def content_words(text: str, stop: frozenset[str]) -> list[str]:
    return [_stem(w) for w in (t.lower().replace("’", "'") for t in _TOKEN.findall(text))
            if len(w) > 2 and w not in stop]


def _cosine(a: Counter, b: Counter) -> float:
    shared = sum(a[w] * b[w] for w in a.keys() & b.keys())
    if not shared:
        return 0.0
    return shared / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def gap_depths(paragraphs: Sequence[Paragraph], stop: frozenset[str]) -> list[float]:
    """For each gap (before paragraph 1 … n-1; index 0 unused), how deep a valley of
    cohesion it is: 0 where the text runs on, up to 2 where it turns completely."""
    words = [content_words(p.text, stop) for p in paragraphs]
    similarity = [0.0] * len(paragraphs)
    for gap in range(1, len(paragraphs)):
        similarity[gap] = _cosine(_window(words, gap, -1), _window(words, gap, 1))
    depths = [0.0] * len(paragraphs)
    for gap in range(1, len(paragraphs)):
        left = gap
        while left > 1 and similarity[left - 1] >= similarity[left]:
            left -= 1
        right = gap
        while right < len(paragraphs) - 1 and similarity[right + 1] >= similarity[right]:
            right += 1
        depths[gap] = (similarity[left] - similarity[gap]) + (similarity[right] - similarity[gap])
    return depths


def _window(words: list[list[str]], gap: int, direction: int) -> Counter:
    counts: Counter = Counter()
    n = gap - 1 if direction < 0 else gap
    while 0 <= n < len(words) and sum(counts.values()) < WINDOW_WORDS:
        counts.update(words[n])
        n += direction
    return counts


def _openers(paragraph: Paragraph) -> str:
    first = _TOKEN.match(paragraph.text.lstrip("\"'“‘«(—– "))
    return first.group(0).lower() if first else ""


def _may_cut(paragraphs: Sequence[Paragraph], gap: int, turns: frozenset[str]) -> bool:
    """Whether a section may start at paragraph `gap`: not an answer, not after a question or a colon."""
    before = paragraphs[gap - 1].text.rstrip()
    if not paragraphs[gap].word_count or _openers(paragraphs[gap]) in turns:
        return False
    return not before.endswith(("?", ":", "?”", "?\"", ":”"))


def _cut_score(paragraphs: Sequence[Paragraph], gap: int, depth: float, deviation: float, locale: Locale) -> float:
    """How good a section start `gap` is: a deep valley of cohesion, near an even cut, not a paragraph that refers back."""
    refers = REFERS_BACK if _openers(paragraphs[gap]) in locale.headings.reference_words else 0.0
    return depth - deviation - refers


def topic_cuts(paragraphs: Sequence[Paragraph], parts: int, locale: Locale,
               depths: list[float] | None = None) -> tuple[list[int], float]:
    """Paragraph indexes where parts 2 … `parts` start, and how good the cuts are (the mean of their scores)."""
    counts = [p.word_count for p in paragraphs]
    total = sum(counts)
    depths = depths or gap_depths(paragraphs, stop_words(paragraphs, locale))
    cumulative = [0]
    for c in counts:
        cumulative.append(cumulative[-1] + c)
    size = total / parts
    turns = locale.headings.turn_words
    candidates: list[list[tuple[int, float]]] = []
    for k in range(1, parts):
        goal = total * k / parts
        near = [g for g in range(1, len(paragraphs)) if abs(cumulative[g] - goal) <= REACH * size]
        allowed = [g for g in near if _may_cut(paragraphs, g, turns)] or near
        if not allowed:  # paragraphs too long to cut near here: the nearest gap
            allowed = [min(range(1, len(paragraphs)), key=lambda g: abs(cumulative[g] - goal))]
        candidates.append([(g, _cut_score(paragraphs, g, depths[g], abs(cumulative[g] - goal) / size, locale))
                           for g in allowed])
    # The best run of cuts, one from each set, in order, no section shorter than SHORTEST of an even one.
    best: dict[int, tuple[float, list[int]]] = {0: (0.0, [])}
    for options in candidates:
        step: dict[int, tuple[float, list[int]]] = {}
        for gap, score in options:
            for previous, (sum_so_far, cuts) in best.items():
                if gap > previous and cumulative[gap] - cumulative[previous] >= SHORTEST * size:
                    if gap not in step or step[gap][0] < sum_so_far + score:
                        step[gap] = (sum_so_far + score, [*cuts, gap])
        if not step:  # no cut keeps the sections long enough: take the best-scoring gap after the last
            step = {max(best): (next(iter(best.values()))[0] - 1.0, [*best[max(best)][1]])}
        best = step
    ends = [(score, cuts) for last, (score, cuts) in best.items()
            if total - cumulative[last] >= SHORTEST * size and len(cuts) == parts - 1]
    if not ends:
        ends = [(score - 1.0, cuts) for score, cuts in best.values() if len(cuts) == parts - 1]
    if not ends:
        return _even_cuts(cumulative, parts), -2.0
    score, cuts = max(ends, key=lambda e: e[0])
    return cuts, score / (parts - 1)


def _even_cuts(cumulative: list[int], parts: int) -> list[int]:
    total, cuts = cumulative[-1], []
    for k in range(1, parts):
        lowest = (cuts[-1] + 1) if cuts else 1
        highest = len(cumulative) - 1 - (parts - k)
        cuts.append(min(range(lowest, highest + 1), key=lambda g: abs(cumulative[g] - total * k / parts)))
    return cuts


def parts_by_topic(paragraphs: list[Paragraph], locale: Locale) -> list[Chapter]:
    """Heading-less text as chapters: sections cut where the topic turns, of a listening
    length (about a third of a short text, at most ~3,000 words each), titled by their key phrase."""
    if not any(p.text for p in paragraphs):
        return []
    total = sum(p.word_count for p in paragraphs)
    said = sum(1 for p in paragraphs if p.word_count)
    count, cuts = 1, []
    if total >= SECTIONS_BELOW and said > 1:
        target = min(SECTION_WORDS_MAX, max(SECTION_WORDS_MIN, total / 3))
        base = max(2, min(said, round(total / target)))
        tried = []
        depths = gap_depths(paragraphs, stop_words(paragraphs, locale))
        for parts in sorted({base - 1, base, base + 1}):
            if 2 <= parts <= said and total / parts <= SECTION_WORDS_MAX * 1.2 and (
                    total / parts >= SECTION_WORDS_MIN * 0.75 or parts == 2):
                found, score = topic_cuts(paragraphs, parts, locale, depths)
                tried.append((score - OTHER_COUNT * abs(parts - base), parts, found))
        if tried:
            _, count, cuts = max(tried, key=lambda t: (t[0], -abs(t[1] - base)))
    sections = [tuple(paragraphs[a:b]) for a, b in zip([0, *cuts], [*cuts, len(paragraphs)])]
    words = locale.headings
    if count == 1:
        return [Chapter(1, words.whole_text or _opening(sections[0]), "", sections[0], titled=False)]
    titles = section_titles(sections, locale)
    return [Chapter(n, title, title, body) for n, (title, body) in enumerate(zip(titles, sections), start=1)]


def _opening(paragraphs: Sequence[Paragraph]) -> str:
    from aloud.structure.titles import section_title

    return section_title(next((p.text for p in paragraphs if p.word_count), ""))


def section_titles(sections: Sequence[Sequence[Paragraph]], locale: Locale) -> list[str]:
    """A different key phrase for each section (its opening words when it has none)."""
    stop = stop_words([p for s in sections for p in s], locale)
    phrases = [_phrases(s, stop) for s in sections]
    rarity = _rarity([p for s in sections for p in s], stop)
    uses: Counter = Counter()  # in the whole text
    for found in phrases:
        uses.update({key: phrase.count for key, phrase in found.items()})
    titles: list[str] = []
    for found, section in zip(phrases, sections):
        def score(item: tuple[str, _Phrase]) -> float:
            key, phrase = item
            return _score(phrase, rarity[key]) * (phrase.count / uses[key]) ** 0.5  # used here more than elsewhere

        ranked = sorted(found.items(), key=lambda item: (-score(item), item[1].first, item[1].length))
        taken = {t.casefold() for t in titles}
        title = next((p.shown for _, p in ranked
                      if p.shown.casefold() not in taken and not any(p.shown.casefold() in t for t in taken)), "")
        titles.append(_capitalised(title) if title else _opening(section))
    return titles


def key_phrase(paragraphs: Sequence[Paragraph], locale: Locale) -> str:
    """What a text is about, in a few words ("" when it has no content words)."""
    stop = stop_words(paragraphs, locale)
    found = _phrases(paragraphs, stop)
    if not found:
        return ""
    rarity = _rarity(paragraphs, stop)
    best = min(found.items(), key=lambda item: (-_score(item[1], rarity[item[0]]), item[1].first, item[1].length))
    return _capitalised(best[1].shown)


def _rarity(paragraphs: Sequence[Paragraph], stop: frozenset[str]) -> dict[str, float]:
    """How rare each phrase is across the paragraphs: the log of how many hold it, inverted."""
    said = sum(1 for p in paragraphs if p.word_count and p.kind == PROSE)
    return {key: math.log(1 + said / phrase.paragraphs) for key, phrase in _phrases(paragraphs, stop).items()}


class _Phrase:
    __slots__ = ("count", "names", "first", "forms", "length", "paragraphs", "_last")

    def __init__(self, first: int, length: int) -> None:
        self.count = 0
        self.names = 0  # times written with capitals inside a sentence: a name
        self.first = first  # word position of its first use
        self.forms: Counter = Counter()
        self.length = length
        self.paragraphs = 0  # how many paragraphs use it
        self._last = -1

    @property
    def shown(self) -> str:
        return self.forms.most_common(1)[0][0]


def _phrases(paragraphs: Sequence[Paragraph], stop: frozenset[str]) -> dict[str, _Phrase]:
    """Runs of one to three content words inside a clause, by their lower-case form. A
    possessive ends a run ("China’s Gansu province" gives "China" and "Gansu province")."""
    found: dict[str, _Phrase] = {}
    position = 0
    for number, paragraph in enumerate(paragraphs):
        if paragraph.left_out or paragraph.kind != PROSE:
            continue
        for sentence in re.split(r"(?<=[.!?…])[\"”’)]?\s+", paragraph.text):
            first_word = True
            for clause in re.split(r"[,;:()\[\]“”\"—–]|\s-\s|(?<=\s)‘|’(?=\s|$)", sentence):
                tokens = []
                for m in _TOKEN.finditer(clause):
                    word = m.group(0)
                    possessive = word.lower().endswith(("'s", "’s"))
                    tokens.append((word[:-2] if possessive else word, not first_word and word[:1].isupper(), possessive))
                    first_word = False
                for n in range(len(tokens)):
                    for length in range(1, PHRASE_WORDS + 1):
                        run = tokens[n:n + length]
                        if len(run) < length:
                            break
                        words = [w for w, _, _ in run]
                        if any(w.lower().replace("’", "'") in stop or len(w) < 3 for w in words):
                            break  # a run of content words only: it cannot go on past a function word
                        key = " ".join(_stem(w.lower()) for w in words)
                        phrase = found.get(key) or found.setdefault(key, _Phrase(position + n, length))
                        phrase.count += 1
                        if phrase._last != number:
                            phrase.paragraphs, phrase._last = phrase.paragraphs + 1, number
                        phrase.forms[" ".join(words)] += 1
                        if all(named or w.lower() in PARTICLES for w, named, _ in run) and run[-1][1] or (
                                length == 1 and words[0].isupper() and len(words[0]) > 1):
                            phrase.names += 1
                        if run[-1][2]:
                            break  # "China’s" ends the run
                position += len(tokens)
    return {k: p for k, p in found.items() if len(p.shown) <= TITLE_CHARS}


def _score(phrase: _Phrase, rarity: float) -> float:
    """Higher for a phrase the section uses often and all through, that names something,
    that few paragraphs of the text hold."""
    named = 1.0 + phrase.names / phrase.count
    # A name of several words ("Nowa Huta") above its parts; not any run of words ("dark water saw").
    longer = 1.0 + 0.5 * (phrase.length - 1) * phrase.names / phrase.count if phrase.count > 1 else 1.0
    return (1.0 + math.log(phrase.count)) * phrase.paragraphs ** 0.25 * named * longer * rarity


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
