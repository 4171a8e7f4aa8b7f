"""Each plug-in point, shown by a second implementation: a reader, a locale, an executor
and an exporter plugged in from outside aloud, and the executors' crash contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, needs_media

from aloud.audio.ffmpeg import AAC, MP3
from aloud.audio.segment_plan import plan_edition
from aloud.audio.segment_task import SegmentTask, render_segment
from aloud.errors import ToolMissingError
from aloud.model import Chapter, Edition, Paragraph
from aloud.narrate import narrate_edition
from aloud.narrate.lang import for_language
from aloud.narrate.lang.en import English
from aloud.narrate.lang.generic import GenericLocale
from aloud.pipeline import EditionOptions, build, prepare
from aloud.proof.check import check_edition
from aloud.run.executor import WorkerCrashed, WorkerOptions, create_executor, running
from aloud.run.local_pool import LocalProcessPool
from aloud.settings import BuildSettings, NarrationOptions, Pauses
from aloud.speech.speaking import Voicing

SCROLL = """~~ The Harbour Log
~~ by A. Keeper
~ First Watch
The boats came in at dusk. The gulls followed them.
A lamp burned in the harbour master's window.
~ Second Watch
At midnight the tide turned, and the moorings creaked.
"""


def tone_settings(tmp_path: Path, **changes) -> BuildSettings:
    return BuildSettings(out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", engine="tone",
                         **{"executor": "serial", **changes})


@needs_media
def test_a_reader_of_a_made_up_format_builds_an_edition(tmp_path):
    source = tmp_path / "log.scroll"
    source.write_text(SCROLL, encoding="utf-8")
    settings = tone_settings(tmp_path, readers=("second_implementations:ScrollReader",))
    built = build(source, settings, EditionOptions(voice="low"))
    assert built.edition.title == "The Harbour Log" and built.edition.author == "A. Keeper"
    assert [m.title for m in built.marks] == ["First Watch", "Second Watch"]
    manifest = json.loads(built.manifest.read_text(encoding="utf-8"))
    spoken = [s["text"] for c in manifest["chapters"] for s in c["sentences"]]
    assert spoken[:3] == ["The Harbour Log, by A. Keeper.", "First Watch", "The boats came in at dusk."]
    assert check_edition(built.folder).passed
    # The same reader is found by content when no reader claims the file's suffix.
    renamed = tmp_path / "log.saved"
    renamed.write_text(SCROLL, encoding="utf-8")
    assert prepare(renamed, settings).edition.title == "The Harbour Log"
    assert prepare(renamed, BuildSettings()).edition.title == "Log"  # without the reader: plain text


def test_a_locale_of_its_own_narrates(tmp_path):
    edition = Edition("Notice", "The Council", "notice", (
        Chapter(1, "Proclamation 12", "Proclamation one two", (Paragraph("Bread & ale at 3."),)),
    ))
    options = NarrationOptions(locale="second_implementations:TownCrierLocale")
    units = narrate_edition(edition, Pauses(), options)
    assert [u.text for u in units[1]] == [
        "Hear ye, hear ye: Notice.", "Proclamation one two.", "Bread and ale at 3.", "God save the King.",
    ]


def test_a_locale_finds_headings_in_its_own_words(tmp_path):
    source = tmp_path / "notice.txt"
    source.write_text("PROCLAMATION 1\n\nBread at dawn.\n\nPROCLAMATION 2\n\nAle at dusk.\n", encoding="utf-8")
    settings = BuildSettings(narration=NarrationOptions(locale="second_implementations:TownCrierLocale"))
    prepared = prepare(source, settings)
    assert [c.spoken_title for c in prepared.edition.chapters] == ["Proclamation one", "Proclamation two"]
    assert prepared.units[2][-1].text == "God save the King."


def test_languages_without_rules_of_their_own_get_the_generic_locale():
    assert isinstance(for_language("en-GB"), English) and isinstance(for_language("gmw/en-us"), English)
    swedish = for_language("sv")
    assert isinstance(swedish, GenericLocale) and swedish.language == "sv"
    assert swedish.speakable("Den 25 maj 1958 kostade ett <b>bröd</b> 5,50 €.") == "Den 25 maj 1958 kostade ett bröd 5,50 €."
    assert swedish.closing("Titel") == ""
    # Its books' chapter words are still known: "ГЛАВА II" heads a chapter, said "Глава 2" for the voice to read.
    from aloud.model import Source
    from aloud.structure import structure

    prose = "Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива по-своему. " * 4
    text = f"ГЛАВА I\n\n{prose}\n\nГЛАВА II\n\n{prose.replace('семьи', 'дома')}"
    edition = structure(Source(name="anna", text=text), locale=for_language("ru"))
    assert [(c.title, c.spoken_title) for c in edition.chapters] == [("Глава I", "Глава 1"), ("Глава II", "Глава 2")]
    # A chapter's notes are read after it, each after its label alone: no "Notes", no "Note 1".
    from aloud.model import Chapter, Note, Paragraph
    from aloud.narrate.narration import narrate_chapter
    from aloud.settings import Pauses

    chapter = Chapter(1, "Kapitel 1", "Kapitel 1", (Paragraph("Texten."),), notes=(Note("1", (Paragraph("En not."),)),))
    said = [u.text for u in narrate_chapter(chapter, Pauses(), locale=swedish) if u.text]
    assert said == ["Kapitel 1.", "Texten.", "1.", "En not."]


@needs_media
def test_the_serial_executor_builds_what_the_local_pool_builds(tmp_path):
    source = tmp_path / "lighthouse.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    serial = build(source, tone_settings(tmp_path / "a"), EditionOptions(voice="low"))
    pooled = build(source, tone_settings(tmp_path / "b", executor="local"), EditionOptions(voice="low"))
    for kind in ("m4b", "mp3", "epub"):
        assert serial.files[kind].read_bytes() == pooled.files[kind].read_bytes(), kind


def _dies(task: int) -> int:
    if task == 2:
        os._exit(139)
    return task * 10


def test_a_dead_worker_fails_only_its_own_task():
    with running(LocalProcessPool(WorkerOptions(2, fresh_process_per_task=False))) as pool:
        futures = [pool.submit(_dies, n) for n in range(4)]
        outcomes = [f.exception() or f.result() for f in futures]
    assert outcomes[0] == 0 and outcomes[1] == 10 and outcomes[3] == 30
    assert isinstance(outcomes[2], WorkerCrashed) and "exited with status 139" in str(outcomes[2])


def test_executors_by_name_and_path():
    assert create_executor("serial", WorkerOptions(1)).slots == 1
    assert create_executor("aloud.run.local_pool:LocalProcessPool", WorkerOptions(3)).slots == 3


@needs_media
def test_an_exporter_of_its_own_adds_a_file_and_a_manifest_entry(tmp_path):
    source = tmp_path / "lighthouse.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    settings = tone_settings(tmp_path, outputs=("m4b", "second_implementations:WordCountExporter"))
    built = build(source, settings, EditionOptions(voice="low"))
    manifest = json.loads(built.manifest.read_text(encoding="utf-8"))
    assert manifest["files"] == {"m4b": "the-lighthouse-keeper.m4b", "word-count": "word-count.txt"}
    lines = (built.folder / "word-count.txt").read_text(encoding="utf-8").splitlines()
    assert [line.split("\t")[2] for line in lines] == ["The Storm", "The Ship", "The Morning"]
    assert check_edition(built.folder).passed


def _task(encodings=frozenset({AAC, MP3})) -> SegmentTask:
    edition = Edition("E", "A", "e", (Chapter(1, "One", "", (Paragraph("One short line."),)),))
    settings = BuildSettings()
    voicing = Voicing("tone", "2", "low", 170)
    units = narrate_edition(edition, settings.pauses, NarrationOptions(announce_edition=False))
    (segment,) = plan_edition(edition, units, voicing.key, settings.pauses, settings.audio).all
    return SegmentTask(segment, voicing, settings.audio, frozenset(encodings))


@needs_media
def test_a_task_returns_what_it_made_and_writes_nothing_of_ours(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rendered = render_segment(_task())
    assert set(rendered.encoded) == {AAC, MP3} and all(len(b) > 1000 for b in rendered.encoded.values())
    assert rendered.encoded[MP3][:2] == b"\xff\xf3"  # an MPEG-2 layer III frame, no ID3 tag
    assert list(tmp_path.iterdir()) == []
    assert set(render_segment(_task({AAC})).encoded) == {AAC}


def test_a_worker_without_ffmpeg_says_ffmpeg_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing to run here
    with pytest.raises(ToolMissingError, match="ffmpeg is not installed: install it with"):
        render_segment(_task())


PROGRAM = """import sys
from aloud.cli import main  # as the script pip installs does
if __name__ == "__main__":
    from aloud.run.executor import WorkerOptions
    from aloud.run.local_pool import LocalProcessPool
    import worker_probe
    with LocalProcessPool(WorkerOptions(1, fresh_process_per_task=True)) as pool:
        print(",".join(pool.submit(worker_probe.loaded, sys.argv[1].split(",")).result()))
"""


def test_a_worker_started_by_the_aloud_program_does_not_load_the_command_line(tmp_path):
    script = tmp_path / "aloud"
    script.write_text(PROGRAM, encoding="utf-8")
    heavy = ["typer", "rich", "aloud.cli.program", "aloud.pipeline", "aloud.narrate.lang.en.numbers"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    result = subprocess.run([sys.executable, str(script), ",".join(heavy)], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_a_plug_in_must_be_a_class_with_its_protocols_methods_and_one_that_can_be_made():
    from aloud.errors import UsageError
    from aloud.plugins import make
    from aloud.read.reader import READERS, Reader

    class NeedsAnArgument:
        name, suffixes = "odd", (".odd",)

        def __init__(self, required): ...
        def sniff(self, head): return False
        def read(self, data, origin, name): ...

    import types
    module = types.ModuleType("aloud_test_plugins")
    module.NeedsAnArgument, module.helper = NeedsAnArgument, len
    sys.modules["aloud_test_plugins"] = module
    try:
        with pytest.raises(UsageError, match="cannot be made"):
            make("reader", "aloud_test_plugins:NeedsAnArgument", READERS, Reader)
        with pytest.raises(UsageError, match="is not a class"):
            make("reader", "aloud_test_plugins:helper", READERS, Reader)
        with pytest.raises(UsageError, match="has no sniff, read"):
            make("reader", "json:JSONDecoder", READERS, Reader)
        assert make("reader", "text", READERS, Reader).name == "text"
    finally:
        del sys.modules["aloud_test_plugins"]
