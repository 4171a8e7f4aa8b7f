from __future__ import annotations

import pytest

from aloud.errors import InputError
from aloud.narrate.lexicon import Lexicon, load_lexicon


@pytest.fixture
def lexicon(tmp_path):
    path = tmp_path / "words.toml"
    path.write_text(
        'Jiayuguan = "Jya-yoo-gwan"\n'
        "Gansu = \"[[g'ans'u:]]\"\n"
        '"Nowa Huta" = "Nova Hoota"\n'
        'Nowa = "Nova"\n'
        'Reading = "Redding"\n'
        'colonel = "kernel"\n',
        encoding="utf-8",
    )
    return load_lexicon(path)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Jiayuguan is far.", "Jya-yoo-gwan is far."),
        ("in Gansu province", "in [[g'ans'u:]] province"),
        ("Poland's Nowa Huta grew.", "Poland's Nova Hoota grew."),  # the longer entry wins
        ("Nowa alone", "Nova alone"),
        ("Reading is a town; reading is a pastime.", "Redding is a town; reading is a pastime."),
        ("The Colonel and the COLONEL", "The kernel and the kernel"),  # lower-case key: any case
        ("Jiayuguans", "Jiayuguans"),  # whole words only
        ("pre-Gansu", "pre-Gansu"),
    ],
)
def test_lexicon_applies_whole_words_case_aware(lexicon, text, expected):
    assert lexicon.apply(text) == expected


def test_empty_lexicon_changes_nothing():
    assert Lexicon().apply("Anything at all.") == "Anything at all."


def test_lexicon_errors(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_lexicon(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("word = 3\n")
    with pytest.raises(InputError, match="must be a string"):
        load_lexicon(bad)
    broken = tmp_path / "broken.toml"
    broken.write_text("word = \n")
    with pytest.raises(InputError, match="not a valid lexicon"):
        load_lexicon(broken)


def test_edition_file_names_a_lexicon(tmp_path):
    from aloud.pipeline import prepare
    from aloud.settings import BuildSettings

    (tmp_path / "words.toml").write_text('Gansu = "Gan-soo"\n')
    (tmp_path / "article.toml").write_text('title = "T"\nlexicon = "words.toml"\n')
    (tmp_path / "article.txt").write_text("A visit to Gansu.\n")
    units = prepare(tmp_path / "article.txt", BuildSettings()).units[1]
    assert "A visit to Gan-soo." in [u.text for u in units]
