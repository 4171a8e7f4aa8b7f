"""The data passed between stages: small, frozen, and free of behaviour that does I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from aloud.words import count_words


@dataclass(frozen=True)
class Source:
    """A decoded text and what we know about it before structuring."""

    name: str  # file stem, used for a slug when no title is known
    text: str
    title: str | None = None
    author: str | None = None
    voice: str | None = None
    rate: int | None = None
    lexicon: Path | None = None  # named by the edition file, relative to it
    outputs: tuple[str, ...] | None = None  # named by the edition file
    # Chapters, when the input knows its own structure; otherwise `structure` finds them in
    # its paragraphs (when the input knows those: a web page, a Markdown file without
    # headings), else in the text.
    chapters: tuple["Chapter", ...] = ()
    paragraphs: tuple["Paragraph", ...] = ()
    language: str | None = None  # BCP 47, as the input declares it (or the user, or detection)
    language_from: str = ""  # where the language came from: "--language", "the edition file", "detected (…)"
    publication: "Publication | None" = None  # what a book says of itself beyond title and author
    # Words and how to say them, from the book's own lexicons (EPUB 3 PLS): a respelling, or
    # espeak-ng phonemes in [[ ]]. A lexicon the user gives wins over them.
    pronunciations: tuple[tuple[str, str], ...] = ()
    # What the input holds after its text and is left out by default (a web page's comments).
    trailing: tuple["Paragraph", ...] = ()


@dataclass(frozen=True)
class Contributor:
    name: str
    role: str = ""  # MARC relator code, as EPUB gives it: "aut", "trl", "edt", "ill" …


@dataclass(frozen=True)
class Picture:
    data: bytes
    media_type: str  # "image/jpeg", "image/png"
    origin: str  # where it came from, for `plan --json`: "the EPUB's cover-image", "--cover x.jpg"


@dataclass(frozen=True)
class Publication:
    """What a book's own metadata says, beyond its title and author."""

    contributors: tuple[Contributor, ...] = ()  # every creator and contributor, with roles
    publisher: str = ""
    date: str = ""  # as given: "2012", "2012-02-20"
    description: str = ""  # plain text
    identifier: str = ""  # an ISBN when the book has one, else its unique identifier
    series: str = ""
    series_position: str = ""  # "3", "2.5"
    cover: Picture | None = None


PROSE = "prose"
VERSE = "verse"  # lines kept, a short pause after each
BREAK = "break"  # a scene break: a longer pause, nothing said
HEADING = "heading"  # a heading inside a chapter, e.g. "Preface" before the first chapter

# What of a text is left out, and why (a `Paragraph.left_out`): each is named as `--keep`
# names it, with the words `aloud text` shows it by.
LEFT_OUT = {
    "web-leftovers": "web leftovers",  # "Share this:", "Click to share on Facebook", "Continue reading …"
    "repeats": "repeated passage",  # a pull quote or teaser printed twice
    "code": "code",  # a code block: never read, at most announced
    "matter": "front or back matter",  # a title line, a byline, YAML front matter, a Gutenberg header and licence
    "comments": "comments",  # readers' comments under a web article
    "references": "reference list",  # a web page's "References", "External links", "See also"
    "editorial": "editor's note",  # "[Illustration: …]", "[Later editions continued …]", a note signed "—ED."
}


@dataclass(frozen=True)
class Paragraph:
    text: str  # verse keeps its lines, separated by "\n"
    kind: str = PROSE
    # Pronunciations the book gives for stretches of this text (EPUB 3 `ssml:ph`): the text
    # as written, and how to say it in espeak-ng phonemes ("[[T'3:ti dI'gri:z]]" for "30°").
    pronounce: tuple[tuple[str, str], ...] = ()
    # Why it is not read (a key of LEFT_OUT), or "" when it is: kept in its place so that
    # `aloud text` can show the choice, and `--keep` undo it.
    left_out: str = ""

    @property
    def word_count(self) -> int:
        return 0 if self.left_out else count_words(self.text)


@dataclass(frozen=True)
class Note:
    """A footnote or endnote, read after the chapter that cites it: "Note 3. …"."""

    label: str  # as the book marks it: "3", "*", "a"
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Chapter:
    index: int  # 1-based
    title: str  # shown in players and file names
    spoken_title: str  # announced at the chapter start ("" for none)
    paragraphs: tuple[Paragraph, ...]
    preamble: tuple[Paragraph, ...] = ()  # front matter read before the title (first chapter only)
    titled: bool = True  # False when the title is made up from the opening words (no heading)
    notes: tuple[Note, ...] = ()  # the notes it cites, read at its end
    # Front or back matter a listener does not want read ("cover", "copyright", "index" …);
    # "" for the book itself. Left out unless asked for.
    matter: str = ""

    @property
    def word_count(self) -> int:
        return sum(p.word_count for p in self.preamble + self.paragraphs) + sum(
            p.word_count for n in self.notes for p in n.paragraphs)


@dataclass(frozen=True)
class Edition:
    title: str
    author: str
    slug: str
    chapters: tuple[Chapter, ...]
    language: str | None = None  # as the input declares it (BCP 47)
    publication: Publication = Publication()
    language_from: str = ""  # "the input", "--language", "the edition file", "detected (py3langid, 99 %)"

    @property
    def word_count(self) -> int:
        return sum(c.word_count for c in self.chapters)


LABEL_CHARS = 80  # the most of a unit's text a message shows


@dataclass(frozen=True)
class SpeechUnit:
    """One short request to the engine: what to say, and the silence after it."""

    chapter: int
    index: int  # position inside its chapter
    text: str
    pause_after: float  # seconds
    kind: str = "sentence"  # "sentence" | "line" (of verse) | "title" | "announcement"
    # The sentence as written, on the first unit it is spoken in ("" on the units that
    # continue a long sentence); shown in transcripts and read-along text.
    written: str = ""
    new_paragraph: bool = False  # the first unit of a paragraph, a title or an announcement

    @property
    def label(self) -> str:
        """The unit's opening words, for a message: eight at most, and 80 characters (a
        "word" may be a 200 KB run of letters)."""
        words = self.text.split()
        head = " ".join(words[:8])
        if len(head) > LABEL_CHARS:
            return head[:LABEL_CHARS].rstrip() + "…"
        return head + (" …" if len(words) > 8 else "")


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...]
    gender: str | None = None


@dataclass(frozen=True)
class UnitTiming:
    index: int  # the unit's index in its chapter
    start: float  # seconds
    end: float
    text: str


@dataclass(frozen=True)
class SentenceTiming:
    """Where a written sentence is heard: seconds from the start of the edition (as in the M4B)."""

    start: float
    end: float
    text: str  # as written
    kind: str = "sentence"  # "sentence" | "line" (of verse) | "title" | "announcement"
    new_paragraph: bool = False
    parts: tuple[tuple[float, float], ...] = ()  # (start, end) of each unit it was spoken in


@dataclass(frozen=True)
class ChapterAudio:
    """A chapter and the encoded segments it is joined from (`audio.cache.SegmentAudio`, in order)."""

    chapter: Chapter
    segments: tuple

    @property
    def duration(self) -> float:
        return sum(s.duration for s in self.segments)

    @property
    def gains_db(self) -> tuple[float, ...]:
        return tuple(s.gain_db for s in self.segments)


@dataclass(frozen=True)
class ChapterMark:
    index: int
    title: str
    start: float
    end: float
    file: str  # the chapter's MP3, relative to the edition folder ("" when the edition has none)
    word_count: int
    sentences: tuple[SentenceTiming, ...] = ()


@dataclass(frozen=True)
class BuiltEdition:
    edition: Edition
    folder: Path
    files: dict[str, Path]  # by kind, as the manifest names them ("m4b", "epub", …)
    marks: tuple[ChapterMark, ...] = field(default=())
    up_to_date: bool = False  # nothing had changed: the existing files were kept
    changed: str = ""  # how the settings differ from the edition it replaced, in a few words

    @property
    def duration(self) -> float:
        return self.marks[-1].end if self.marks else 0.0

    @property
    def manifest(self) -> Path:
        return self.folder / "chapters.json"

    @property
    def m4b(self) -> Path | None:
        return self.files.get("m4b")

    @property
    def playlist(self) -> Path | None:
        return self.files.get("playlist")

    @property
    def mp3s(self) -> tuple[Path, ...]:
        """The chapter MP3s, in order."""
        return tuple(self.folder / m.file for m in self.marks if m.file)
