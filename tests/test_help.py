"""Help as a new user reads it in an 80-column terminal: what aloud makes, arguments by
name, no type labels, every line within 80 columns, the engines one may choose."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

COMMANDS = ["", "build", "plan", "text", "check", "verify", "voices", "say", "cache", "cache info", "cache clear"]


def help_of(command: str) -> str:
    result = subprocess.run([sys.executable, "-m", "aloud", *command.split(), "--help"], capture_output=True,
                            text=True, env={**os.environ, "COLUMNS": "80", "TERM": "xterm"}, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_fits_80_columns_and_shows_no_type_labels(command):
    text = help_of(command)
    assert all(len(line) <= 80 for line in text.splitlines()), [line for line in text.splitlines() if len(line) > 80]
    assert not re.search(r"<(bool|str|int|float|path|list\[\w+\])>|\{[A-Za-z_.]+\}", text), text
    assert "╭" not in text  # plain text: it reads the same in a pipe, a pager and a log


def test_the_main_help_says_what_aloud_makes_and_the_version_option_has_help():
    text = help_of("")
    for made in ("M4B", "MP3", "transcripts", "player", "EPUB", "podcast feed"):
        assert made in text
    assert re.search(r"--version\s+Show aloud's version", text)


def test_the_build_help_names_its_argument_and_offers_only_real_engines():
    text = help_of("build")
    assert text.startswith("Usage: aloud build [OPTIONS] INPUT...")
    engine = " ".join(text.split("--engine ENGINE", 1)[1].split("--announce")[0].split())
    assert "pyttsx3" in engine and "tone" not in engine
    assert "--out DIR" in text and "--rate WPM" in text


def test_the_verify_help_says_how_to_install_it():
    assert "pip install 'aloud[verify]'" in " ".join(help_of("verify").split())
