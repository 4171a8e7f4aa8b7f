"""Markdown in: front matter used and never spoken, headings as chapters, code never read,
links, images, tables, footnotes and math as a narrator reads them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aloud.narrate import narrate_edition
from aloud.pipeline import prepare
from aloud.read import read_source
from aloud.settings import BuildSettings, NarrationOptions, Pauses
from aloud.structure import structure

CORPUS = Path(__file__).parent / "corpus" / "markdown"
ALOUD = [sys.executable, "-m", "aloud"]

ARTICLE = """---
title: "A Made Article"
author: Ann Author
date: 2024-05-01
lang: en-GB
---

# A Made Article

## Getting Started

Install it with `pip install thing` and read [the manual](https://example.com/manual).
![A diagram of the parts](parts.png)

```sh
# this comment is not a heading
cd myblog && git init
```

| Name | Price |
|------|-------|
| Tea  | 3     |

## Going Further

The cost rose sharply.[^1] With $\\beta$ and $x^2$ it grows, and $\\frac{a}{b}$ too.

<script>alert("never read")</script>

[^1]: By a half, the records say.
"""


def write(tmp_path: Path, text: str, name: str = "article.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def text_of(chapter) -> str:
    return "\n".join(p.text for p in chapter.preamble + chapter.paragraphs if not p.left_out)


def test_front_matter_names_the_edition_and_is_never_spoken(tmp_path):
    source = read_source(write(tmp_path, ARTICLE))
    assert (source.title, source.author, source.language) == ("A Made Article", "Ann Author", "en-GB")
    assert source.publication.date == "2024-05-01"
    edition = prepare(write(tmp_path, ARTICLE), BuildSettings()).edition
    assert [c.title for c in edition.chapters] == ["Getting Started", "Going Further"]
    assert "title:" not in " ".join(text_of(c) for c in edition.chapters)


def test_code_links_images_tables_footnotes_and_math_are_read_as_a_narrator_reads_them(tmp_path):
    first, second = prepare(write(tmp_path, ARTICLE), BuildSettings()).edition.chapters
    said = text_of(first)
    assert "Install it with pip install thing and read the manual." in said  # inline code as words, a link as its text
    for never in ("git init", "this comment", "diagram", "https://", "|", "```"):
        assert never not in said
    assert "Name: Tea; Price: 3." in said
    assert text_of(second).startswith("The cost rose sharply. With beta and x to the power of 2 it grows, and a formula too.")
    assert "never read" not in text_of(second)
    assert [(n.label, n.paragraphs[0].text) for n in second.notes] == [("1", "By a half, the records say.")]


def test_pandoc_and_multimarkdown_title_blocks(tmp_path):
    pandoc = read_source(write(tmp_path, "% The Title\n% Some One\n% 2020\n\nSome text to read here.\n", "p.md"))
    assert (pandoc.title, pandoc.author, pandoc.publication.date) == ("The Title", "Some One", "2020")
    mmd = read_source(write(tmp_path, "Title: Other Title\nAuthor: Two People\n\nSome text to read here.\n", "m.md"))
    assert (mmd.title, mmd.author) == ("Other Title", "Two People")
    plain = read_source(write(tmp_path, "Note: this is the text itself, not metadata.\n", "n.md"))
    assert plain.title is None and "Note: this is the text itself" in plain.text


def test_the_500_lines_chapters_are_their_sections_and_no_code_comment_is_a_chapter():
    result = subprocess.run([*ALOUD, "plan", str(CORPUS / "500lines-template-engine.md")], capture_output=True, text=True)
    lines = result.stdout.splitlines()
    assert lines[0] == "A Template Engine, by Ned Batchelder"
    titles = [line.split("words  ", 1)[1] for line in lines[3:]]  # after the title, the totals, the estimate
    assert titles == ["Introduction", "Templates", "Supported Syntax", "Implementation Approaches",
                      "Compiling to Python", "Writing the Engine", "Testing", "What's Left Out", "Summing up"]
    script = subprocess.run([*ALOUD, "text", str(CORPUS / "500lines-flow-shop.md")], capture_output=True,
                            text=True).stdout
    assert "Doctor Christian Muise is a Research Fellow with the MERS group" in script  # a link read as its text
    assert "http" not in script and "](" not in script


# Block-level bits stand between blank lines, as CommonMark needs them to (an HTML block runs
# on to the next blank line, so a fence right after one is text, rightly).
MARKDOWN_BITS = st.lists(st.sampled_from([
    "# Head\n", "## Sub\n", "\n\n```\ncode <b> | x\n```\n\n", "`tick`", "[link](http://x.y/z)", "![img](a.png)", "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "\n\n<div>raw <i>html</i></div>\n\n", "*em* and **strong**", "> quoted\n", "- item\n", "1. one\n", "text words here. ", "\n\n",
    "[^n]", "\n[^n]: a note\n", "$x$", "&amp; &lt;", "***\n", "\n\n~~~\nmore code\n~~~\n\n",
]), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKDOWN_BITS)
def test_no_markup_or_code_reaches_the_engine_from_markdown(tmp_path_factory, bits):
    path = tmp_path_factory.mktemp("md") / "any.md"
    path.write_text("Some words first.\n\n" + "".join(bits), encoding="utf-8")
    edition = structure(read_source(path))
    units = narrate_edition(edition, Pauses(), NarrationOptions())
    for unit in (u for us in units.values() for u in us):
        for bad in ("<", ">", "`", "](", "|", "```", "~~~", "code <b>", "more code"):
            assert bad not in unit.text, (bad, unit.text)


def test_aloud_text_shows_the_front_matter_and_each_code_block_left_out_and_keep_code_announces_them(tmp_path):
    path = write(tmp_path, ARTICLE)
    result = subprocess.run([*ALOUD, "text", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    left = [line for line in result.stdout.splitlines() if line.startswith("[left out:")]
    assert left[0].startswith("[left out: front or back matter, ") and "title:" in left[0]
    assert "[left out: code, 2 lines]" in left
    assert "git init" not in result.stdout.replace(left[0], "")
    announced = subprocess.run([*ALOUD, "text", str(path), "--keep", "code"], capture_output=True, text=True).stdout
    assert "Code, two lines.  [" in announced and "[left out: code" not in announced
    assert "git init" not in announced  # announced, never read


SPEC = CORPUS / "commonmark-spec.md"
FENCE = "`" * 32


def spec_examples() -> list[str]:
    """The Markdown of each example in the CommonMark spec (→ stands for a tab)."""
    examples, lines, inside = [], [], False
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        if line.startswith(FENCE + " example"):
            inside, lines = True, []
        elif inside and line == ".":
            examples.append("\n".join(lines).replace("→", "\t") + "\n")
            inside = False
        elif inside:
            lines.append(line)
    return examples


def test_no_markup_reaches_the_engine_from_any_commonmark_spec_example(tmp_path):
    examples = spec_examples()
    assert len(examples) >= 600
    markup = re.compile(r"[<>{}\[\]\\|^~`_*#=]|https?:|www\.")
    spoken_examples = 0
    for n, example in enumerate(examples):
        path = tmp_path / f"example-{n}.md"
        path.write_text("Some words first.\n\n" + example, encoding="utf-8")
        edition = structure(read_source(path))
        units = narrate_edition(edition, Pauses(), NarrationOptions())
        for unit in (u for us in units.values() for u in us):
            assert not markup.search(unit.text), (n, example, unit.text)
        spoken_examples += 1
    assert spoken_examples == len(examples)


def test_the_commonmark_spec_itself_is_its_sections_with_its_examples_left_out():
    source = read_source(SPEC)
    assert (source.title, source.author) == ("CommonMark Spec", "John MacFarlane")  # from its front matter
    edition = structure(source)
    titles = [c.title for c in edition.chapters]
    assert titles[:5] == ["Introduction", "Preliminaries", "Blocks and inlines", "Leaf blocks", "Container blocks"]
    left = [p for c in edition.chapters for p in c.preamble + c.paragraphs if p.left_out == "code"]
    assert len(left) >= 600  # every example is a code block, never read


def test_a_real_readme_with_code_and_tables():
    readme = CORPUS / "ripgrep-README.md"
    result = subprocess.run([*ALOUD, "text", str(readme)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    script = result.stdout
    chapters = [line.split(": ", 1)[1].rstrip(" =") for line in script.splitlines() if line.startswith("=== Chapter")]
    assert chapters[:2] == ["CHANGELOG", "Documentation quick links"] and "Installation" in chapters
    assert script.splitlines()[1].startswith("ripgrep (rg).")  # its lone top heading titles it
    # A table row with its header cells; the code blocks shown as left out, never read.
    assert "Tool: ripgrep (Unicode); Command: rg -n -w" in script
    assert script.count("[left out: code,") >= 20
    said = [line for line in script.splitlines() if line.endswith("s]")]
    for never in ("```", "|", "](", "https://", "$ cargo", "brew install"):
        assert not any(never in line for line in said), never
