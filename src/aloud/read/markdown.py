"""The Markdown reader: CommonMark (markdown-it-py) with tables and footnotes, read as a
narrator reads it.

YAML front matter (`---` … `---`) and a Pandoc title block (`% Title`, `% Author`,
`% Date`) give the title, author, date and language and are never spoken. The rendered
document is read by the same rules as an EPUB's pages: code blocks are never read (and
nothing in them is ever a heading), inline code is read as words, links as their text,
images not at all, tables row by row with their header cells, footnotes after the
section that cites them, embedded HTML by its text. Headings cut the text into chapters at
the level that repeats (a single `#` title above `##` chapters is the edition's title).
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from aloud.errors import InputError
from aloud.model import HEADING, Paragraph, Publication, Source
from aloud.read.text import decode_text
from aloud.words import one_line

DOCUMENT = "markdown"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*)$")
_PANDOC = re.compile(r"\A(?:%[^\n]*\n){1,3}")
# MultiMarkdown's metadata: "Key: value" lines at the very top, up to a blank line (only known keys).
META_KEYS = {"title", "author", "authors", "date", "lang", "language", "description", "subtitle"}
_MMD_BLOCK = re.compile(r"\A(?:[A-Za-z][\w-]*[ \t]*:[^\n]*\n)+")
# Inline TeX math, `$\beta$`: read as words when simple, else as "a formula".
_MATH = re.compile(r"(?<![\\$\w])\$(?=\S)(?P<tex>[^$\n]{1,80}?)(?<=\S)\$(?![\w$])")
# A line that is only the tag of an element HTML does not have (`<markdown>` around a
# document, as some book sources wrap theirs): CommonMark would make it a raw HTML block
# and swallow the Markdown after it, so the line goes.
_LONE_TAG = re.compile(r"^[ \t]*</?(?P<tag>[A-Za-z][\w-]*)(?:\s[^>]*)?>[ \t]*$", re.MULTILINE)
HTML_TAGS = frozenset("""a abbr address article aside audio b blockquote body br button canvas caption center cite code
col colgroup dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head
header hr html i iframe img input ins kbd label legend li link main map mark menu meta nav noscript object ol optgroup
option output p param picture pre q rp rt ruby s samp script section select small source span strong style sub summary
sup table tbody td template textarea tfoot th thead time title tr track u ul var video wbr""".split())
SPOKEN_COMMANDS = frozenset("""alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu
nu xi omicron pi varpi rho sigma tau upsilon phi varphi chi psi omega infty""".split())
_SIMPLE_TEX = re.compile(r"[A-Za-z0-9 ()+\-=,.<>\\{}_^']+")


class MarkdownReader:
    name = "markdown"
    suffixes = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")

    def sniff(self, head: bytes) -> bool:
        return False  # Markdown is text: only its name says it is Markdown

    def read(self, data: bytes, origin: str, name: str) -> Source:
        # Loaded only for Markdown, so reading a plain text costs nothing of them.
        from aloud.read.epub.book import (
            Book,
            chapters_from_headings,
            lone_title,
            paragraphs_of_blocks,
            resolve_note_marks,
        )
        from aloud.read.epub.content import parse_xhtml

        text = decode_text(data, origin)
        meta, body = front_matter(text)
        document = parse_xhtml(render(body).encode("utf-8"), DOCUMENT, _resolve)
        notes = {(DOCUMENT, note_id): note for note_id, note in document.notes.items()}
        resolve_note_marks((document,), set(notes))
        title = meta.get("title") or lone_title(document)
        chapters = chapters_from_headings(Book((document,), ("",), notes))
        held = text[:len(text) - len(body)].strip()
        front = (Paragraph(held, left_out="matter"),) if held else ()  # never read, but shown where it stood
        if front and chapters:
            chapters[0] = replace(chapters[0], preamble=(*front, *chapters[0].preamble))
        paragraphs = () if chapters else (*front, *paragraphs_of_blocks(document.blocks))
        said = "\n\n".join(b.text for b in document.blocks if b.words and b.kind != HEADING)
        if not said.strip() and not chapters:
            raise InputError(f"{origin}: is empty; there is nothing to read aloud")
        return Source(
            name=name, text=said, title=title or None, author=meta.get("author") or None,
            chapters=tuple(chapters), paragraphs=paragraphs, language=meta.get("lang") or meta.get("language") or None,
            publication=Publication(date=meta.get("date", ""), description=meta.get("description", "")),
        )


def spoken_math(match: re.Match) -> str:
    """`$\beta$` → "beta", `$p(j,i)$` → "p(j,i)", anything harder → "a formula"."""
    tex = match.group("tex")
    commands = re.findall(r"\\([A-Za-z]+)", tex)
    if not _SIMPLE_TEX.fullmatch(tex) or any(c.lower() not in SPOKEN_COMMANDS for c in commands):
        return "a formula"
    said = re.sub(r"\\([A-Za-z]+)", r" \1 ", tex).replace("^", " to the power of ").replace("_", " ")
    return " ".join(said.replace("{", " ").replace("}", " ").replace("\\", " ").split())


def render(markdown: str) -> str:
    """HTML for the content reader: inline code as words (a span), footnotes as notes,
    simple inline math as words."""
    markdown = _LONE_TAG.sub(lambda m: m.group(0) if m.group("tag").lower() in HTML_TAGS else "", markdown)
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    markdown = _MATH.sub(spoken_math, markdown)
    md = MarkdownIt("commonmark", {"html": True}).enable("table").use(footnote_plugin)
    md.add_render_rule("code_inline", lambda self, tokens, idx, options, env: (
        f"<span>{html.escape(tokens[idx].content)}</span>"))
    rendered = md.render(markdown)
    return ('<html xmlns:epub="http://www.idpf.org/2007/ops"><body>'
            + rendered.replace('<section class="footnotes">', '<section epub:type="endnotes">') + "</body></html>")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The fields of a YAML front matter or a Pandoc title block (title, author, date, lang …),
    and the text without it."""
    found = _FRONT_MATTER.match(text)
    if found:
        fields: dict[str, str] = {}
        for line in found.group("yaml").splitlines():
            field = _YAML_FIELD.match(line)
            if field and field.group("value").strip():
                value = field.group("value").strip().strip("\"'")
                fields.setdefault(field.group("key").lower(), one_line(value))
        authors = _first_listed(found.group("yaml"), ("author", "authors"))
        if authors and not fields.get("author"):
            fields["author"] = authors
        return fields, text[found.end():]
    block = _MMD_BLOCK.match(text)
    if block and all(_YAML_FIELD.match(line) and _YAML_FIELD.match(line).group("key").lower() in META_KEYS
                     for line in block.group(0).splitlines()):
        fields = {m.group("key").lower(): one_line(m.group("value").strip().strip("\"'"))
                  for m in map(_YAML_FIELD.match, block.group(0).splitlines()) if m.group("value").strip()}
        return fields, text[block.end():]
    pandoc = _PANDOC.match(text)
    if pandoc:
        lines = [line[1:].strip() for line in pandoc.group(0).splitlines()]
        keys = ("title", "author", "date")
        return {k: one_line(v) for k, v in zip(keys, lines) if v}, text[pandoc.end():]
    return {}, text


def _first_listed(yaml: str, keys: tuple[str, ...]) -> str:
    lines = yaml.splitlines()
    for n, line in enumerate(lines):
        field = _YAML_FIELD.match(line)
        if field and field.group("key").lower() in keys and not field.group("value").strip():
            for item in lines[n + 1:]:
                if item.lstrip().startswith("- "):
                    return one_line(item.lstrip()[2:].strip("\"'"))
                break
    return ""


def _resolve(base: str, href: str) -> tuple[str, str]:
    return (DOCUMENT, href[1:]) if href.startswith("#") else ("", "")
