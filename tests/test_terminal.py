"""What a user sees in a terminal: `aloud build` driven in a pseudo-terminal, its live
progress bars and its last line; `--quiet` says nothing but errors."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

from conftest import needs_media

pytestmark = needs_media
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def in_a_terminal(args: list[str], cwd: Path, columns: int = 100) -> tuple[int, str]:
    """Run `aloud ARGS` with a pseudo-terminal as its stdin, stdout and stderr; its exit
    code and everything it showed (escape sequences kept)."""
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "40", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen([sys.executable, "-m", "aloud", *args], stdin=slave, stdout=slave, stderr=slave,
                               cwd=cwd, env=env, close_fds=True)
    os.close(slave)
    shown = bytearray()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other side closed: the program has ended
                break
            if not chunk:
                break
            shown += chunk
        elif process.poll() is not None:
            break
    os.close(master)
    return process.wait(timeout=60), shown.decode("utf-8", "replace")


def screen_lines(shown: str) -> list[str]:
    """The lines as they stand at the end: carriage returns and cursor moves resolved simply."""
    lines = []
    for raw in ANSI.sub("", shown.replace("\r\n", "\n")).split("\n"):
        lines.append(raw.split("\r")[-1].rstrip())
    return [line for line in lines if line]


def test_a_build_in_a_terminal_shows_live_progress_and_ends_with_the_edition(sample_file, tmp_path):
    code, shown = in_a_terminal(["build", str(sample_file), "-o", "out", "--cache-dir", "cache"], tmp_path)
    assert code == 0, shown
    assert "\x1b[" in shown  # drawn live, not printed line by line
    lines = screen_lines(shown)
    bars = [line for line in lines if "━" in line]
    assert any(line.startswith("Speaking and encoding (words)") for line in bars)
    assert re.search(r"Speaking and encoding \(words\) · chapter \d+ · \d+ min of audio", shown)  # where it is
    assert any(line.startswith("Writing the outputs (files)") for line in bars)
    assert re.search(r"\b(\d+)/\1\b", " ".join(bars))  # a bar that reached its end, "N/N"
    assert re.fullmatch(r"out/the-lighthouse-keeper: The Lighthouse Keeper — 3 chapters, \d+:\d\d", lines[-1])
    assert "Traceback" not in shown


def test_quiet_in_a_terminal_shows_nothing_but_errors(sample_file, tmp_path):
    code, shown = in_a_terminal(["build", str(sample_file), "-o", "out", "--cache-dir", "cache", "-q"], tmp_path)
    assert code == 0 and shown == ""
    code, shown = in_a_terminal(["build", "missing.txt", "-q"], tmp_path)
    assert code == 2 and screen_lines(shown) == ["aloud: error: missing.txt: no such file to read"]
