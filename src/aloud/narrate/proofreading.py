"""The narration as a script a person can proofread: exactly what will be spoken, with
pauses, and what was left out where it stood ("[left out: code, 12 lines]")."""

from __future__ import annotations

from aloud.model import LEFT_OUT, Edition, Paragraph, SpeechUnit

SNIPPET_WORDS = 8


def left_out_label(paragraph: Paragraph) -> str:
    """What a left-out paragraph was, in a few words: "code, 12 lines", "web leftovers: “Share this:”"."""
    what = LEFT_OUT.get(paragraph.left_out, paragraph.left_out)
    if paragraph.left_out == "code":
        lines = len(paragraph.text.split("\n"))
        return f"{what}, {lines} line{'s' if lines != 1 else ''}"
    words = paragraph.text.split()
    snippet = " ".join(words[:SNIPPET_WORDS]) + (" …" if len(words) > SNIPPET_WORDS else "")
    size = f", {len(words)} words" if len(words) > SNIPPET_WORDS else ""
    return f"{what}{size}: “{snippet}”" if snippet else what


def _merged(marks: list[tuple[int, Paragraph]]) -> list[tuple[int, Paragraph]]:
    """Marks side by side of one kind as one: a passage repeated over two paragraphs is one repeat."""
    out: list[tuple[int, Paragraph]] = []
    for at, paragraph in marks:
        if out and out[-1][0] == at and out[-1][1].left_out == paragraph.left_out:
            previous = out[-1][1]
            joined = Paragraph(previous.text + "\n" + paragraph.text, previous.kind, left_out=previous.left_out)
            out[-1] = (at, joined)
        else:
            out.append((at, paragraph))
    return out


def script(
    edition: Edition,
    units: dict[int, tuple[SpeechUnit, ...]],
    paragraph_pause: float,
    left_out: dict[int, list[tuple[int, Paragraph]]] | None = None,
) -> str:
    total = len(edition.chapters)
    lines: list[str] = []
    for chapter in edition.chapters:
        if lines:
            lines.append("")
        lines.append(f"=== Chapter {chapter.index} of {total}: {chapter.title} ===")
        before: dict[int, list[Paragraph]] = {}  # unit index → what was left out just before it
        for at, paragraph in _merged((left_out or {}).get(chapter.index, [])):
            before.setdefault(at, []).append(paragraph)
        said = units[chapter.index]
        for n, unit in enumerate((*said, None)):
            for paragraph in before.get(n, ()):
                lines += [f"[left out: {left_out_label(paragraph)}]", ""]
            if unit is not None:
                lines.append(f"{unit.text}  [{unit.pause_after:.2f}s]")
                if unit.pause_after >= paragraph_pause:
                    lines.append("")
        while lines and not lines[-1]:
            lines.pop()
    return "\n".join(lines) + "\n"
