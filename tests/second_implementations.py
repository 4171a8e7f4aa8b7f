"""A second implementation of each plug-in point, as a user of aloud would write one:
a reader of a made-up format, a locale, and an exporter. The tests name them by
`second_implementations:Class`, as a user names theirs by `package.module:Class`."""

from __future__ import annotations

from aloud.model import Chapter, Paragraph, Source
from aloud.narrate.lang import HeadingWords
from aloud.narrate.lang.cleanup import collapse_spaces
from aloud.narrate.sentences import split_sentences


class ScrollReader:
    """A made-up format: `~~ title`, `~~ by author`, then chapters, each a `~ heading` line
    followed by its paragraphs, one per line. It knows its structure, so it gives chapters."""

    name = "scroll"
    suffixes = (".scroll",)

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"~~ ")

    def read(self, data: bytes, origin: str, name: str) -> Source:
        title = author = None
        chapters: list[tuple[str, list[str]]] = []
        for line in data.decode("utf-8").splitlines():
            if line.startswith("~~ by "):
                author = line[6:].strip()
            elif line.startswith("~~ "):
                title = line[3:].strip()
            elif line.startswith("~ "):
                chapters.append((line[2:].strip(), []))
            elif line.strip() and chapters:
                chapters[-1][1].append(line.strip())
        made = tuple(
            Chapter(n, heading, heading, tuple(Paragraph(p) for p in body))
            for n, (heading, body) in enumerate(chapters, start=1)
        )
        return Source(name=name, text="", title=title, author=author, chapters=made)


class TownCrierLocale:
    """A locale of its own: a town crier's announcements, numbers read as digits."""

    language = "en"
    headings = HeadingWords(numbered={"proclamation": 2}, part="Proclamation {number}")

    def split_sentences(self, paragraph: str) -> list[str]:
        return split_sentences(paragraph)

    def speakable(self, sentence: str) -> str:
        return collapse_spaces(sentence.replace("&", " and "))

    def number_words(self, value: int) -> str:
        return " ".join("zero one two three four five six seven eight nine".split()[int(d)] for d in str(value))

    def heading_number(self, word: str) -> int | None:
        return int(word) if word.isdigit() else None

    def opening(self, title: str, author: str) -> str:
        return f"Hear ye, hear ye: {title}."

    def closing(self, title: str) -> str:
        return "God save the King."


class WordCountExporter:
    """An output of its own: the words of each chapter, one line per chapter."""

    name = "word-count"
    encodings: frozenset[str] = frozenset()
    requires: tuple[str, ...] = ()

    def export(self, context) -> dict[str, str]:
        path = context.folder / "word-count.txt"
        path.write_text("".join(f"{m.index}\t{m.word_count}\t{m.title}\n" for m in context.marks), encoding="utf-8")
        return {"word-count": path.name}


class FullDiskExporter:
    """An output whose disk fills up as it writes: the error a full disk gives, with no file name."""

    name = "full-disk"
    encodings: frozenset[str] = frozenset()
    requires: tuple[str, ...] = ()

    def export(self, context) -> dict[str, str]:
        import errno

        raise OSError(errno.ENOSPC, "No space left on device")
