"""`index.html`: an offline player for the edition, in one self-contained page.

Everything it needs is inside the page (styles, script, the chapters and the timed
sentences) except the audio, the edition's single MP3 beside it; nothing is fetched
from a network, and it works when opened straight from disk (file://).
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from string import Template

from aloud.export.cover import COVER
from aloud.export.joins import edition_mp3_name
from aloud.export.labels import labels_for
from aloud.model import ChapterMark, Edition


def player_data(edition: Edition, marks: list[ChapterMark], audio_name: str) -> dict:
    duration = marks[-1].end if marks else 0.0
    return {
        "id": f"{edition.slug}:{round(duration, 3)}",  # where the listening position is kept
        "title": edition.title,
        "author": edition.author,
        "audio": audio_name,
        "duration": round(duration, 3),
        "chapters": [
            {
                "title": mark.title,
                "start": round(mark.start, 3),
                "end": round(mark.end, 3),
                "sentences": [
                    [round(s.start, 3), round(s.end, 3), s.text, s.kind, s.new_paragraph] for s in mark.sentences
                ],
            }
            for mark in marks
        ],
    }


def _script_json(data: dict) -> str:
    """JSON that cannot end its <script> element early, whatever the text says."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def player_html(edition: Edition, marks: list[ChapterMark], audio_name: str, language: str = "en") -> str:
    template = Template(resources.files("aloud.export").joinpath("player.html").read_text(encoding="utf-8"))
    labels = labels_for(language)
    shown = {f"l_{name}": html.escape(text, quote=True) for name, text in labels.items() if name != "keys"}
    return template.substitute(
        **shown, l_keys=labels["keys"],  # the keys line holds its own <kbd> markup
        lang=html.escape(language, quote=True),
        title=html.escape(f"{edition.title} — {edition.author}" if edition.author else edition.title),
        audio=html.escape(audio_name, quote=True),
        cover=COVER,
        data=_script_json({**player_data(edition, marks, audio_name), "labels": dict(labels)}),
    )


def write_player(path: Path, edition: Edition, marks: list[ChapterMark], audio_name: str, language: str = "en") -> Path:
    path.write_text(player_html(edition, marks, audio_name, language), encoding="utf-8")
    return path


class PlayerExporter:
    name = "player"
    encodings: frozenset[str] = frozenset()
    requires = ("chaptered-mp3", "cover")  # the page plays the single MP3 beside it, and shows cover.jpg

    def export(self, context) -> dict[str, str]:
        path = context.folder / "index.html"
        write_player(path, context.edition, list(context.marks), edition_mp3_name(context.edition), context.language)
        return {"player": path.name}
