"""The library page: `OUT/index.html`, every edition in the folder with its cover, title,
author, date and duration, each linking to its player (else its M4B), and a filter that
narrows a long list as you type. One file, no script from anywhere else: it works from
`file://` and from any static web server. Written whole to a temporary file, then moved in,
so a reader never sees half a page.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from aloud.clock import duration_text
from aloud.export.manifest import MANIFEST

PAGE = "index.html"


@dataclass(frozen=True)
class Shelved:
    slug: str
    title: str
    author: str
    date: str
    duration: float
    link: str  # relative to the library page
    cover: str  # relative, or ""


def shelved(out_dir: Path) -> list[Shelved]:
    """The editions in `out_dir` (each folder with a readable manifest), newest first."""
    found = []
    for manifest_path in sorted(out_dir.glob(f"*/{MANIFEST}")):
        try:
            data = json.loads(manifest_path.read_text(encoding="utf-8"))
            files = data["files"]
            title = str(data["title"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not an edition aloud can show
        folder = manifest_path.parent
        link = files.get("player") or files.get("m4b") or MANIFEST
        built = time.strftime("%Y-%m-%d", time.gmtime(manifest_path.stat().st_mtime))
        found.append((manifest_path.stat().st_mtime, Shelved(
            folder.name, title, str(data.get("author") or ""), str(data.get("date") or built),
            float(data.get("duration") or 0), f"{folder.name}/{link}",
            f"{folder.name}/{files['cover']}" if files.get("cover") and (folder / files["cover"]).is_file() else "")))
    return [s for _, s in sorted(found, key=lambda item: -item[0])]


def library_html(editions: list[Shelved], title: str = "Audio editions") -> str:
    cards = "\n".join(_card(e) for e in editions)
    return _TEMPLATE.format(title=html.escape(title), count=len(editions), cards=cards)


def _card(edition: Shelved) -> str:
    esc = html.escape
    cover = (f'<img src="{esc(edition.cover)}" alt="" loading="lazy">' if edition.cover else '<div class="blank"></div>')
    words = esc(" ".join((edition.title, edition.author, edition.date)).lower())
    return (f'<li data-words="{words}"><a href="{esc(edition.link)}">{cover}<span class="title">{esc(edition.title)}</span>'
            f'<span class="author">{esc(edition.author)}</span><span class="meta">{esc(edition.date)} · '
            f'{esc(duration_text(edition.duration))}</span></a></li>')


def write_library(out_dir: Path) -> Path | None:
    """`out_dir/index.html` for the editions there; None (and no page) when there are none."""
    editions = shelved(out_dir)
    if not editions:
        return None
    target = out_dir / PAGE
    fd, temporary = tempfile.mkstemp(prefix=".index-", suffix=".html", dir=out_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(library_html(editions))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
:root {{ --bg: #fdfcf8; --fg: #1d1d1b; --muted: #5c5a55; --accent: #0b5cad; --line: #d9d6cc; --panel: #f3f1ea; }}
@media (prefers-color-scheme: dark) {{
  :root {{ --bg: #181816; --fg: #ecebe6; --muted: #aaa79e; --accent: #7db4ee; --line: #3a3935; --panel: #232320; }}
}}
body {{ margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.5 system-ui, sans-serif; }}
main {{ max-width: 70rem; margin: 0 auto; padding: 1rem; }}
h1 {{ font-size: 1.6rem; margin: .5rem 0 1rem; }}
input {{ font: inherit; width: 100%; max-width: 28rem; padding: .6rem .8rem; border: 1px solid var(--line);
  border-radius: .5rem; background: var(--bg); color: inherit; }}
:focus-visible {{ outline: 3px solid var(--accent); outline-offset: 2px; }}
ul {{ list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 1rem; }}
li a {{ display: flex; flex-direction: column; gap: .2rem; color: inherit; text-decoration: none; padding: .5rem;
  border-radius: .6rem; background: var(--panel); height: 100%; box-sizing: border-box; }}
li a:hover .title {{ color: var(--accent); text-decoration: underline; }}
img, .blank {{ width: 100%; aspect-ratio: 1; object-fit: cover; border-radius: .4rem; background: var(--line); }}
.title {{ font-weight: 600; }}
.author, .meta, #shown {{ color: var(--muted); font-size: .9rem; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<label for="filter">Filter</label><br>
<input id="filter" type="search" placeholder="Title, author or date" autocomplete="off">
<p id="shown" aria-live="polite">{count} editions</p>
<ul id="editions">
{cards}
</ul>
</main>
<script>
const filter = document.getElementById("filter"), shown = document.getElementById("shown");
const items = Array.from(document.querySelectorAll("#editions li"));
filter.addEventListener("input", () => {{
  const words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
  let count = 0;
  for (const item of items) {{
    const match = words.every(word => item.dataset.words.includes(word));
    item.hidden = !match;
    count += match;
  }}
  shown.textContent = count + " of " + items.length + " editions";
}});
</script>
</body>
</html>
"""
