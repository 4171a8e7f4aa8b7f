"""The narration as a script a person can proofread: exactly what will be spoken, with pauses."""

from __future__ import annotations

from aloud.model import Edition, SpeechUnit


def script(edition: Edition, units: dict[int, tuple[SpeechUnit, ...]], paragraph_pause: float) -> str:
    total = len(edition.chapters)
    lines: list[str] = []
    for chapter in edition.chapters:
        if lines:
            lines.append("")
        lines.append(f"=== Chapter {chapter.index} of {total}: {chapter.title} ===")
        for unit in units[chapter.index]:
            lines.append(f"{unit.text}  [{unit.pause_after:.2f}s]")
            if unit.pause_after >= paragraph_pause:
                lines.append("")
        while lines and not lines[-1]:
            lines.pop()
    return "\n".join(lines) + "\n"
