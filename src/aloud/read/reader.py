"""Readers: one per kind of input, chosen by the file's suffix, else by its first bytes.

A reader turns the bytes of an input into a `Source`: the text, what the input says of
itself (title, author …), and, for a format that knows its own structure, the chapters.
The plain-text reader is the last resort for an input no other reader claims. A name
may also be `package.module:Class` for a reader of your own (see BuildSettings.readers).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from aloud.model import Source
from aloud.plugins import make

SNIFF_BYTES = 4096  # how much of an input a reader is shown to recognise its kind


class Reader(Protocol):
    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot: ".txt"

    def sniff(self, head: bytes) -> bool:
        """Whether an input starting with `head` is of this reader's kind, whatever its name."""
        ...

    def read(self, data: bytes, origin: str, name: str) -> Source:
        """The input's Source; `origin` names it in messages, `name` is its stem."""
        ...


READERS = {
    "epub": "aloud.read.epub:EpubReader",
    "markdown": "aloud.read.markdown:MarkdownReader",
    "html": "aloud.read.html:HtmlReader",
    "pdf": "aloud.read.pdf:PdfReader",
    "text": "aloud.read.text:TextReader",
}
DEFAULT_READERS = tuple(READERS)
FALLBACK = "text"


def create_reader(name: str) -> Reader:
    return make("reader", name, READERS, Reader)


def choose_reader(names: Sequence[str], suffix: str, head: bytes) -> Reader:
    """The first reader (in `names` order) that claims the suffix, else the first whose sniff
    recognises the content, else the plain-text reader."""
    readers = [create_reader(name) for name in names]
    for reader in readers:
        if suffix.lower() in reader.suffixes:
            return reader
    for reader in readers:
        if reader.sniff(head):
            return reader
    return create_reader(FALLBACK)
