"""Proofreading: what the narration says against what the book says, word by word.

For each novel, every sentence as the book writes it is aligned, word by word, with what
will be spoken of it (`aloud text`; the announcements and spoken chapter titles aside). A difference the narration means
— a number, a date or an abbreviation said in words, a symbol named, case — is an
expansion; any other is a word change. Beside the alignment, each unit is searched for the
kinds of error a narrator would not make:

- caps: a word of two or three capitals left for the engine to spell (not a known acronym);
- split: a sentence cut after "Mr." or an initial ("Mister" [pause] "Marley …");
- verse: lines of verse run together as prose (a sentence with two or more line openings
  inside it: ", And have grown", "; But, now");
- ellipsis: a written "…" or "..." spoken as a stop or a comma;
- broken-off: a dash that breaks speech off ("I was just——") lost;
- bracket: a bracketed passage of two words or more read (an editor's note: "[Later editions …");
- drawn-out: a word drawn out over a dash ("beauti--ful") broken by a comma.

The table gives each kind's count, and all of them per 1,000 words of the book. Everything
is narrated in process; nothing is spoken.
"""

from __future__ import annotations

import difflib
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from aloud.narrate.lang.en.word_lists import ACRONYMS, COMMON_WORDS  # noqa: E402
from aloud.pipeline import prepare  # noqa: E402
from aloud.roman import roman_value  # noqa: E402
from aloud.settings import BuildSettings  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
NOVELS = ("a-christmas-carol.txt", "pdf/Alice-In-Wonderland.pdf", "text/de-grimm2.txt", "text/fr-Verne-Hateras.txt")
KINDS = ("caps", "split", "verse", "ellipsis", "broken-off", "bracket", "drawn-out", "word")

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CAPS = re.compile(r"(?<![\w'’])[A-Z]{2,3}(?![\w'’])")  # espeak-ng spells these; it reads longer ones
_LINE_OPENING = re.compile(r"[,;:]\s+(?:And|But|Yet|Or|Nor|For|So|Then|When|Why|How|Pray|With|To|The|That|His|Her|"
                           r"Its|Their|In|On|As|Is|Do|Did|Who|What|Where|Now|Thus|Till|While|Though|If|Be|All|Has|"
                           r"Have|Had|Was|Were)\b")
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")
_BROKEN_OFF = re.compile(r"[^\W\d_](?:--+|—+)(?=[?!]*[\"”’']+(?=\s|\Z)|[?!]+|\s*\Z)")
_DRAWN_OUT = re.compile(r"([^\W\d_]+)(?:--|—)([^\W\d_]+)")
_SPLIT_END = re.compile(r"(?:\b(?:Mister|Missus|Mistress|Doctor|Saint|Mr|Mrs|Dr|St)|(?<![\w.])[A-Z])\.?[\"”’']?\s*\Z")
_EXPANSION = re.compile(r"\d|[£$€%&§°#@+=/]|\b[^\W\d_]{1,4}\.|\b[IVXLCDM]+(?:e|er|re|es|ème|èmes|ᵉ)?\b")


@dataclass
class Report:
    name: str
    words: int = 0
    found: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})

    def per_thousand(self) -> float:
        return 1000.0 * sum(len(v) for v in self.found.values()) / max(1, self.words)


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def proofread(path: Path) -> Report:
    prepared = prepare(path, BuildSettings())
    report = Report(path.name)
    for chapter in prepared.edition.chapters:
        units = [u for u in prepared.units[chapter.index] if u.kind not in ("announcement", "title")]
        _kinds(units, report, prepared.edition.language or "en")
        for n, unit in enumerate(units):
            if unit.written:
                report.words += len(_WORD.findall(unit.written))
                _alignment(unit.written, " ".join(u.text for u in _continuing(units, n)), report)
    return report


def _kinds(units, report: Report, language: str) -> None:
    english = language.startswith("en")
    for n, unit in enumerate(units):
        said, written = unit.text, unit.written
        for token in _CAPS.findall(said):
            if english and token not in ACRONYMS and roman_value(token) is None:
                report.found["caps"].append(f"{token}: {said[:80]}")
        next_unit = units[n + 1] if n + 1 < len(units) else None
        if (next_unit is not None and unit.kind != "line" and not next_unit.new_paragraph
                and _SPLIT_END.search(said)):
            report.found["split"].append(f"{said[-40:]} | {next_unit.text[:40]}")
        if written and unit.kind == "sentence" and len(_LINE_OPENING.findall(written)) >= 2:
            report.found["verse"].append(written[:100])
        if written:
            whole = " ".join(u.text for u in _continuing(units, n))
            lost = len(_ELLIPSIS.findall(written)) - len(_ELLIPSIS.findall(whole))
            report.found["ellipsis"] += [f"{written[:80]} → {whole[:80]}"] * max(0, lost)
            broken = len(_BROKEN_OFF.findall(written)) - whole.count("—")
            report.found["broken-off"] += [f"{written[:80]} → {whole[:80]}"] * max(0, broken)
            for bracket in re.findall(r"\[([^\]]*)(?:\]|\Z)", written):
                inside = _words(bracket)
                if len(inside) >= 2 and " ".join(inside) in " ".join(_words(whole)):
                    report.found["bracket"].append(f"[{bracket[:70]}")
            for left, right in _DRAWN_OUT.findall(written):
                joined = (left + right).lower()
                if joined in COMMON_WORDS and left.lower() not in COMMON_WORDS and f"{left}, " in whole:
                    report.found["drawn-out"].append(f"{left}--{right}: {whole[:80]}")


def _continuing(units, n: int):
    """The unit `n` and the units that continue its sentence."""
    yield units[n]
    for unit in units[n + 1:]:
        if unit.written:
            return
        yield unit


def _alignment(written: str, said: str, report: Report) -> None:
    """The sentence as written against what is said of it, word by word."""
    spans = list(_WORD.finditer(written))
    source = [m.group(0).lower().replace("’", "'") for m in spans]
    spoken = _words(said)
    matcher = difflib.SequenceMatcher(None, source, spoken, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        start = spans[a0 - 1].end() if a0 > 0 else 0
        end = spans[a1].start() if a1 < len(spans) else len(written)
        stretch = written[start:end]  # the written words and what stands around them
        if _EXPANSION.search(stretch):
            continue  # a number, an abbreviation, a symbol, Roman numerals: said in words
        report.found["word"].append(f"{' '.join(source[a0:a1])!r} → {' '.join(spoken[b0:b1])!r} in “{written[:70]}”")


def proofread_all(out: Path | None = None) -> str:
    reports = [proofread(CORPUS / name) for name in NOVELS if (CORPUS / name).exists()]
    lines = [
        "| novel | words | " + " | ".join(KINDS) + " | all, per 1,000 words |",
        "|---|---:|" + "---:|" * len(KINDS) + "---:|",
    ]
    for r in reports:
        lines.append(f"| {r.name} | {r.words:,} | " + " | ".join(str(len(r.found[k])) for k in KINDS)
                     + f" | {r.per_thousand():.2f} |")
    details = []
    for r in reports:
        for kind in KINDS:
            for item in r.found[kind][:15]:
                details.append(f"- {r.name}, {kind}: {item}")
    head = (f"{time.strftime('%Y-%m-%d')}. `python bench/run.py --only proofread`: every sentence of each corpus novel "
            "aligned word by word with what is said of it; counts of what a narrator would not say (see "
            "bench/proofread.py for each kind).\n\n")
    report = (head + "\n".join(lines) + "\n\nFirst of each kind (at most 15):\n\n"
              + ("\n".join(details) or "(none)") + "\n")
    if out is not None:
        out.write_text(report, encoding="utf-8")
    return report


if __name__ == "__main__":
    print(proofread_all())
