"""EPUB in: chapters from the book's own table of contents, front and back matter left out,
notes read as a narrator reads them, the book's metadata — on books the tests make and on
real ones (tests/corpus/epub)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import needs_media
from epub_books import Book, Page, make_epub, prose

from aloud.errors import InputError
from aloud.model import BREAK, HEADING, VERSE
from aloud.pipeline import prepare
from aloud.read import read_source
from aloud.settings import BuildSettings, NarrationOptions

CORPUS = Path(__file__).parent / "corpus" / "epub"
ALOUD = [sys.executable, "-m", "aloud"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ALOUD, *args], capture_output=True, text=True)


def edition_of(path: Path, **narration):
    settings = BuildSettings(narration=NarrationOptions(**narration))
    return prepare(path, settings).edition


def titles(path: Path, **narration) -> list[str]:
    return [c.title for c in edition_of(path, **narration).chapters]


def text_of(chapter) -> str:
    return "\n".join(p.text for p in chapter.preamble + chapter.paragraphs if not p.left_out)


THREE = [Page("one.xhtml", "<h1>Chapter One</h1>" + prose(60, "alpha")),
         Page("two.xhtml", "<h1>Chapter Two</h1>" + prose(60, "beta")),
         Page("three.xhtml", "<h1>Chapter Three</h1>" + prose(60, "gamma"))]
THREE_TOC = [("One: The Start", "one.xhtml"), ("Two: The Middle", "two.xhtml"), ("Three: The End", "three.xhtml")]


# Chapters ------------------------------------------------------------------------------

@pytest.mark.parametrize("version", ["3.0", "2.0"])
def test_chapters_and_their_titles_come_from_the_nav_or_the_ncx(tmp_path, version):
    path = make_epub(tmp_path / "book.epub", Book(THREE, THREE_TOC, version=version))
    edition = edition_of(path)
    assert [c.title for c in edition.chapters] == ["One: The Start", "Two: The Middle", "Three: The End"]
    assert [c.spoken_title for c in edition.chapters] == ["One: The Start", "Two: The Middle", "Three: The End"]
    first = text_of(edition.chapters[0])
    assert first.startswith("Alpha alpha") and "Chapter One" not in first  # its heading is its title, said once
    assert "never read" not in " ".join(text_of(c) for c in edition.chapters)  # the script
    assert (edition.title, edition.author) == ("A Made Book", "Ann Author")


def test_the_spine_is_read_in_its_order_not_the_tocs_or_the_manifests(tmp_path):
    pages = [THREE[2], THREE[0], THREE[1]]  # the spine puts three first
    path = make_epub(tmp_path / "book.epub", Book(pages, THREE_TOC))
    assert titles(path) == ["Three: The End", "One: The Start", "Two: The Middle"]


def test_several_chapters_in_one_file_split_at_the_tocs_anchors(tmp_path):
    body = ('<h2 id="c1">I</h2>' + prose(40, "first") + '<div><h2 id="c2">II</h2>' + prose(40, "second") + "</div>"
            + '<p id="c3">' + "Third words are here, and they go on. " * 5 + "</p>")
    path = make_epub(tmp_path / "book.epub", Book([Page("all.xhtml", body)], [
        ("I", "all.xhtml#c1"), ("II", "all.xhtml#c2"), ("III", "all.xhtml#c3")]))
    chapters = edition_of(path).chapters
    assert [c.title for c in chapters] == ["I", "II", "III"]
    assert "First" in text_of(chapters[0]) and "Second" not in text_of(chapters[0])
    assert "Second" in text_of(chapters[1]) and text_of(chapters[2]).startswith("Third words")


def test_one_chapter_over_several_files_and_unnamed_files_join_the_chapter_before(tmp_path):
    pages = [Page("a1.xhtml", "<h1>The First</h1>" + prose(40, "alpha")), Page("a2.xhtml", prose(40, "more")),
             Page("b.xhtml", "<h1>The Second</h1>" + prose(40, "beta")), Page("b-notes.xhtml", prose(16, "tail"))]
    path = make_epub(tmp_path / "book.epub", Book(pages, [("The First", "a1.xhtml"), ("The Second", "b.xhtml")]))
    first, second = edition_of(path).chapters
    assert "Alpha" in text_of(first) and "More more" in text_of(first)
    assert "Beta" in text_of(second) and "Tail tail" in text_of(second)


def test_a_part_joins_its_title_to_its_chapters_and_a_chapters_sections_stay_sections(tmp_path):
    pages = [Page("part1.xhtml", "<h1>Part One</h1>"),
             Page("c1.xhtml", '<h2>Chapter 1</h2>' + prose(40, "alpha") + '<h3 id="s1">A Section</h3>' + prose(40, "sect")),
             Page("c2.xhtml", "<h2>Chapter 2</h2>" + prose(40, "beta")),
             Page("part2.xhtml", "<h1>Part Two</h1>"),
             Page("c3.xhtml", "<h2>Chapter 3</h2>" + prose(40, "gamma"))]
    toc = [("Part One", "part1.xhtml", [("Chapter 1", "c1.xhtml", [("A Section", "c1.xhtml#s1")]),
                                        ("Chapter 2", "c2.xhtml")]),
           ("Part Two", "part2.xhtml", [("Chapter 3", "c3.xhtml")])]
    edition = edition_of(make_epub(tmp_path / "book.epub", Book(pages, toc)))
    assert [c.title for c in edition.chapters] == ["Part One – Chapter 1", "Chapter 2", "Part Two – Chapter 3"]
    assert edition.chapters[0].spoken_title == "Part One. Chapter 1"
    first = edition.chapters[0].paragraphs
    assert (first[1].kind, first[1].text) == (HEADING, "A Section")  # a section heading, read inside its chapter


def test_a_long_chapters_sections_become_its_chapters(tmp_path):
    body = "<h1>Everything</h1>" + "".join(f'<h2 id="s{n}">Section {n}</h2>' + prose(4000, f"w{n}") for n in range(1, 5))
    toc = [("Everything", "big.xhtml", [(f"Section {n}", f"big.xhtml#s{n}") for n in range(1, 5)])]
    chapters = titles(make_epub(tmp_path / "book.epub", Book([Page("big.xhtml", body)], toc)))
    assert chapters == ["Everything – Section 1", "Section 2", "Section 3", "Section 4"]


def test_without_a_toc_the_headings_cut_the_book_and_without_them_the_text_rules(tmp_path):
    pages = [Page("a.xhtml", "<h2>The Beginning</h2>" + prose(40, "alpha") + "<h2>The Ending</h2>" + prose(40, "beta"))]
    assert titles(make_epub(tmp_path / "h.epub", Book(pages, []))) == ["The Beginning", "The Ending"]
    plain = [Page("a.xhtml", "<p>CHAPTER I</p>" + prose(40, "alpha") + "<p>CHAPTER II</p>" + prose(40, "beta"))]
    assert titles(make_epub(tmp_path / "t.epub", Book(plain, []))) == ["Chapter I", "Chapter II"]


# Front and back matter -----------------------------------------------------------------

MATTER = [
    Page("cover.xhtml", '<div><img src="cover.jpg" alt="Cover"/></div>'),
    Page("title.xhtml", "<h1>A Made Book</h1><p>Ann Author</p><p>Example Press</p>"),
    Page("rights.xhtml", "<p>Copyright © 2020 Ann Author. All rights reserved.</p><p>ISBN 978-0-00-000000-2</p>"),
    Page("dedication.xhtml", "<p>For my mother, who read to me.</p>", body_attrs=' epub:type="dedication"'),
    Page("contents.xhtml", '<h1>Contents</h1><p><a href="one.xhtml">One</a></p><p><a href="two.xhtml">Two</a></p>'
                           '<p><a href="three.xhtml">Three</a></p>'),
    *THREE,
    Page("aside.xhtml", "<p>A page out of the reading order, never read.</p>", linear=False),
    Page("index.xhtml", "<h1>Index</h1><p>alpha, 3, 7</p><p>beta, 12–14</p><p>gamma, 20, 21</p>"),
    Page("colophon.xhtml", "<p>Set in a typeface we like.</p>", body_attrs=' epub:type="colophon"'),
    Page("license.xhtml", "<p>*** END OF THE PROJECT GUTENBERG EBOOK A MADE BOOK ***</p><p>THE FULL PROJECT "
                          "GUTENBERG LICENSE. Please read this before you distribute or use this work.</p>"),
]


def test_front_and_back_matter_is_left_out_and_a_dedication_is_read(tmp_path):
    path = make_epub(tmp_path / "book.epub", Book(MATTER, THREE_TOC))
    edition = edition_of(path)
    assert [c.title for c in edition.chapters] == ["One: The Start", "Two: The Middle", "Three: The End"]
    assert [p.text for p in edition.chapters[0].preamble] == ["For my mother, who read to me."]
    everything = " ".join(text_of(c) for c in edition.chapters)
    for never in ("Copyright", "Example Press", "out of the reading order", "typeface", "GUTENBERG", "12–14"):
        assert never not in everything
    asked = edition_of(path, read_matter=True)
    assert len(asked.chapters) > 3 and "Copyright © 2020" in " ".join(text_of(c) for c in asked.chapters)


def test_matter_is_known_by_its_marks_and_landmarks_not_its_file_name(tmp_path):
    pages = [Page("p1.xhtml", "<p>Words of a page the landmarks call the title page, in short lines.</p>"),
             Page("p2.xhtml", "<h1>Chapter One</h1>" + prose(60, "alpha")),
             Page("copyright.xhtml", "<h1>Chapter Two</h1>" + prose(60, "beta"))]  # a file name that misleads
    landmarks = ('<nav epub:type="landmarks"><ol><li><a epub:type="titlepage" href="p1.xhtml">Title</a></li>'
                 '</ol></nav>')
    book = Book(pages, [("Chapter One", "p2.xhtml"), ("Chapter Two", "copyright.xhtml")])
    path = make_epub(tmp_path / "book.epub", book)
    with zipfile.ZipFile(path, "a") as z:  # the landmarks go into the nav document
        nav = z.read("OEBPS/nav.xhtml").decode().replace("</body>", landmarks + "</body>")
        z.writestr("OEBPS/nav2.xhtml", nav)
    _relink_nav(path, tmp_path / "book2.epub")
    assert titles(tmp_path / "book2.epub") == ["Chapter One", "Chapter Two"]


def _relink_nav(source: Path, target: Path) -> None:
    """`source` with nav2.xhtml as its navigation document (zip entries cannot be replaced in place)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename in ("OEBPS/nav.xhtml",):
                continue
            data = old.read(info.filename)
            if info.filename == "OEBPS/content.opf":
                data = data.replace(b'href="nav.xhtml"', b'href="nav2.xhtml"')
            new.writestr(info, data)


# Inline content and notes ----------------------------------------------------------------

NOTED = (
    '<h1>Chapter One</h1><p>The river rose<a epub:type="noteref" href="#n1">1</a> in spring, as it does'
    '<sup><a href="#n2">2</a></sup> every year.</p>'
    '<aside epub:type="footnote" id="n1"><p>It rose three feet.</p></aside>'
    '<div class="footnote" id="n2"><p><a href="#r2">[2]</a> The records say so.</p></div>'
)


def test_note_marks_are_never_spoken_and_the_notes_follow_their_chapter(tmp_path):
    path = make_epub(tmp_path / "book.epub", Book([Page("one.xhtml", NOTED)], [("Chapter One", "one.xhtml")]))
    (chapter,) = edition_of(path).chapters
    assert text_of(chapter) == "The river rose in spring, as it does every year."
    assert [(n.label, [p.text for p in n.paragraphs]) for n in chapter.notes] == [
        ("1", ["It rose three feet."]), ("2", ["The records say so."])]
    script = run("text", str(path)).stdout
    assert "Notes." in script and "Note one." in script and "Note two." in script
    assert script.index("every year") < script.index("Notes.") < script.index("It rose three feet")
    quiet = run("text", str(path), "--no-notes").stdout
    assert "Notes." not in quiet and "three feet" not in quiet


def test_a_notes_chapter_the_author_wrote_stays_a_chapter(tmp_path):
    pages = [Page("one.xhtml", '<h1>Chapter One</h1><p>The text cites a note<a href="notes.xhtml#e1">1</a> here.</p>'),
             Page("notes.xhtml", '<h1>Notes</h1><section epub:type="endnotes"><ol><li id="e1"><p>The endnote.</p>'
                                 "</li></ol></section>")]
    edition = edition_of(make_epub(tmp_path / "book.epub", Book(pages, [("Chapter One", "one.xhtml"),
                                                                        ("Notes", "notes.xhtml")])))
    assert [c.title for c in edition.chapters] == ["Chapter One", "Notes"]
    assert text_of(edition.chapters[0]) == "The text cites a note here." and edition.chapters[0].notes == ()
    assert "The endnote." in text_of(edition.chapters[1])


def test_verse_tables_breaks_and_what_is_never_read(tmp_path):
    body = ('<h1>Chapter One</h1><div class="poem"><div class="stanza"><p>The first line,</p><p>the second line.</p>'
            '</div><div class="stanza"><p>A new stanza.</p></div></div><hr/>'
            '<p>Roses are red,<br/>violets are blue.</p>'
            '<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>30</td></tr></table>'
            '<pre><code>cd myblog &amp;&amp; git init</code></pre><img src="x.png" alt="A picture"/>'
            '<p hidden="">Hidden words.</p><p>Last words, with <ruby>漢<rt>kan</rt></ruby> and a soft hyph\u00aden.</p>')
    (chapter,) = edition_of(make_epub(tmp_path / "b.epub", Book([Page("a.xhtml", body)], [("One", "a.xhtml")]))).chapters
    kinds = [(p.kind, p.text) for p in chapter.paragraphs if not p.left_out]
    assert [(p.left_out, p.text) for p in chapter.paragraphs if p.left_out] == [("code", "cd myblog && git init")]
    assert kinds[:4] == [(VERSE, "The first line,\nthe second line."), (VERSE, "A new stanza."), (BREAK, ""),
                         (VERSE, "Roses are red,\nviolets are blue.")]
    assert kinds[4] == ("prose", "Name: Ann; Age: 30.")
    everything = text_of(chapter)
    for never in ("git init", "A picture", "Hidden", "kan"):
        assert never not in everything
    assert "soft hyphen" in everything


# Metadata --------------------------------------------------------------------------------

def test_the_books_metadata_is_read(tmp_path):
    metadata = ('<dc:creator id="c2">Ivy Illustrator</dc:creator><meta refines="#c2" property="role">ill</meta>'
                "<dc:publisher>Example Press</dc:publisher><dc:date>2012-02-20</dc:date>"
                "<dc:description>&lt;p&gt;A &lt;b&gt;fine&lt;/b&gt; book.&lt;/p&gt;</dc:description>"
                "<dc:identifier>urn:isbn:978-0-306-40615-7</dc:identifier>"
                '<meta property="belongs-to-collection" id="s">The Made Books</meta>'
                '<meta refines="#s" property="collection-type">series</meta>'
                '<meta refines="#s" property="group-position">3</meta>')
    path = make_epub(tmp_path / "book.epub", Book(THREE, THREE_TOC, metadata=metadata, language="en-GB"))
    source = read_source(path)
    assert (source.title, source.author, source.language) == ("A Made Book", "Ann Author", "en-GB")
    info = source.publication
    assert [(c.name, c.role) for c in info.contributors] == [("Ann Author", "aut"), ("Ivy Illustrator", "ill")]
    assert (info.publisher, info.date, info.description) == ("Example Press", "2012-02-20", "A fine book.")
    assert (info.identifier, info.series, info.series_position) == ("9780306406157", "The Made Books", "3")


def test_an_epub2_books_roles_and_calibre_series_are_read(tmp_path):
    metadata = ('<dc:creator opf:role="trl">Tom Translator</dc:creator>'
                '<meta name="calibre:series" content="Old Books"/><meta name="calibre:series_index" content="2"/>')
    source = read_source(make_epub(tmp_path / "b.epub", Book(THREE, THREE_TOC, version="2.0", metadata=metadata)))
    assert source.author == "Ann Author"
    assert ("Tom Translator", "trl") in [(c.name, c.role) for c in source.publication.contributors]
    assert (source.publication.series, source.publication.series_position) == ("Old Books", "2")


# Bad EPUBs -------------------------------------------------------------------------------

def one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aloud: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def _rezip(source: Path, target: Path, drop: str = "", add: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename != drop:
                new.writestr(info, old.read(info.filename))
        for name, data in (add or {}).items():
            new.writestr(name, data)
    return target


ENCRYPTION = ('<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
              'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod '
              'Algorithm="{algorithm}"/><enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>'
              "</enc:EncryptedData></encryption>")


def test_bad_epubs_are_one_clear_line(tmp_path):
    good = make_epub(tmp_path / "good.epub", Book(THREE, THREE_TOC))
    text = tmp_path / "text.epub"
    text.write_text("Just some words, not a zip.", encoding="utf-8")
    one_line_error(run("plan", str(text)), "is not an EPUB (not a zip file)")
    one_line_error(run("plan", str(_rezip(good, tmp_path / "a.epub", drop="META-INF/container.xml"))),
                   "no META-INF/container.xml")
    one_line_error(run("plan", str(_rezip(good, tmp_path / "b.epub", drop="OEBPS/content.opf"))),
                   "names no package document")
    one_line_error(run("plan", str(_rezip(good, tmp_path / "c.epub", drop="OEBPS/two.xhtml"))),
                   "its spine names OEBPS/two.xhtml, which the book does not hold")
    locked = ENCRYPTION.format(algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc", uri="OEBPS/one.xhtml")
    one_line_error(run("plan", str(_rezip(good, tmp_path / "d.epub", add={"META-INF/encryption.xml": locked}))),
                   "is locked by DRM")
    broken = tmp_path / "e.epub"
    broken.write_bytes(good.read_bytes()[:-200])
    assert run("plan", str(broken)).returncode == 2


def test_font_obfuscation_is_not_drm(tmp_path):
    book = Book(THREE, THREE_TOC, manifest='<item id="f" href="fonts/a.otf" media-type="application/vnd.ms-opentype"/>',
                extra_files={"OEBPS/fonts/a.otf": b"\x00" * 100, "META-INF/encryption.xml": ENCRYPTION.format(
                    algorithm="http://www.idpf.org/2008/embedding", uri="OEBPS/fonts/a.otf").encode()})
    assert titles(make_epub(tmp_path / "book.epub", book)) == ["One: The Start", "Two: The Middle", "Three: The End"]


def test_a_zip_bomb_is_refused(tmp_path):
    book = Book(THREE, THREE_TOC)
    path = make_epub(tmp_path / "bomb.epub", book)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("OEBPS/filler.xhtml", b"\x00" * (600 * 1024 * 1024))
    assert path.stat().st_size < 5 * 1024 * 1024
    one_line_error(run("plan", str(path)), "refused as a zip bomb")


def test_paths_inside_the_zip_never_leave_it(tmp_path):
    pages = [Page("one.xhtml", '<h1>Chapter One</h1>' + prose(40, "alpha") + '<p>See<a href="../../../etc/passwd#x">1</a>.</p>')]
    toc = [("Chapter One", "one.xhtml"), ("Outside", "../../../../etc/passwd"), ("Absolute", "/etc/passwd")]
    path = make_epub(tmp_path / "book.epub", Book(pages, toc, extra_files={"../evil.xhtml": b"<p>evil</p>"}))
    assert titles(path) == ["Chapter One"]
    with pytest.raises(InputError, match="not well-formed|names no package"):
        read_source(_rezip(path, tmp_path / "abs.epub", drop="META-INF/container.xml", add={"META-INF/container.xml": (
            b'<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile '
            b'full-path="/etc/passwd" media-type="application/oebps-package+xml"/></rootfiles></container>')}))


# Real books ------------------------------------------------------------------------------

def test_accessible_epub_3_chapters_follow_its_toc_without_its_matter():
    chapters = titles(CORPUS / "accessible_epub_3.epub")
    assert chapters[:3] == ["Preface", "1. Introduction",
                            "2. Building a Better EPUB: Fundamental Accessibility – A Solid Foundation: Structure and Semantics"]
    assert chapters[-1] == "4. Conclusion" and len(chapters) == 12
    assert not any(t in ("Cover", "Contents", "Copyright", "Title page") for t in chapters)


def test_georgia_reads_its_sections_as_chapters_with_their_notes():
    edition = edition_of(CORPUS / "georgia-pls-ssml.epub")
    assert [c.title for c in edition.chapters][:3] == ["GEORGIA", "Climate and Soils", "Minerals"]
    assert sum(len(c.notes) for c in edition.chapters) >= 6


def test_a_fixed_layout_book_is_read_from_its_svg_text():
    source = read_source(CORPUS / "sous-le-vent.epub")
    assert (source.title, source.author, source.language) == ("Sous le vent", "Jean-Bernard Pouy", "fr")
    text = " ".join(text_of(c) for c in edition_of(CORPUS / "sous-le-vent.epub").chapters)
    assert "l’histoire restait toujours l’histoire" in text  # "res-" "tait" across a line
    assert "Jean-Bernard Pouy, né en 1946" in text  # small capitals read as letters


def test_plan_json_of_an_epub_and_a_build_that_checks(tmp_path):
    path = make_epub(tmp_path / "book.epub", Book([Page("one.xhtml", NOTED)], [("Chapter One", "one.xhtml")]))
    result = run("build", str(path), "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "c"), "-q",
                 "--engine", "tone", "--voice", "low")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / "a-made-book"
    assert run("check", str(folder)).returncode == 0
    manifest = json.loads((folder / "chapters.json").read_text(encoding="utf-8"))
    shown = [s["text"] for s in manifest["chapters"][0]["sentences"]]
    assert "The river rose in spring, as it does every year." in shown and "It rose three feet." in shown


def test_plan_json_shows_what_the_book_says_of_itself(tmp_path):
    metadata = ("<dc:description>A fine book.</dc:description>"
                '<meta property="belongs-to-collection" id="s">The Made Books</meta>'
                '<meta refines="#s" property="group-position">3</meta>')
    path = make_epub(tmp_path / "book.epub", Book(THREE, THREE_TOC, metadata=metadata, language="en-GB"))
    data = json.loads(run("plan", "--json", str(path)).stdout)
    assert (data["language"], data["language_from"]) == ("en-GB", "the input")
    assert data["description"] == "A fine book." and data["series"] == {"name": "The Made Books", "position": "3"}
    assert [c["title"] for c in data["chapters"]] == ["One: The Start", "Two: The Middle", "Three: The End"]


@needs_media
@pytest.mark.parametrize("language, voice", [("fr", "roa/fr"), ("en-GB", "gmw/en"), ("en", "gmw/en-us"),
                                             ("de-AT", "gmw/de"), ("tlh", "gmw/en-us")])
def test_the_books_language_chooses_the_voice_when_none_is_asked_for(language, voice):
    from aloud.pipeline import open_engine

    assert open_engine(BuildSettings(), None, 170, language).voice == voice
    assert open_engine(BuildSettings(), "en-us", 170, language).voice == "gmw/en-us"  # asked for: kept


# Pronunciation aids ------------------------------------------------------------------------

PLS_FILE = ('<?xml version="1.0" encoding="utf-8"?><lexicon version="1.0" alphabet="ipa" xml:lang="en" '
            'xmlns="http://www.w3.org/2005/01/pronunciation-lexicon">'
            "<lexeme><grapheme>Altamaha</grapheme><phoneme>ˈɔltəməˌhɔ</phoneme></lexeme>"
            "<lexeme><grapheme>Savannah</grapheme><alias>Suh vanna</alias></lexeme>"
            "<lexeme><grapheme>Oddity</grapheme><phoneme>ʘʘ</phoneme></lexeme></lexicon>")
SSML_BODY = ('<h1>One</h1><p xmlns:ssml="http://www.w3.org/2001/10/synthesis">The Altamaha and the Savannah run '
             'at <span ssml:ph="ˈθɜrti dɪˈgriz">30°</span> <span ssml:ph="nɔrθ">N.</span> to the sea. An Oddity too.</p>')


def _pls_book(tmp_path: Path) -> Path:
    book = Book([Page("one.xhtml", SSML_BODY)], [("One", "one.xhtml")],
                manifest='<item id="pls" href="en.pls" media-type="application/pls+xml"/>',
                extra_files={"OEBPS/en.pls": PLS_FILE.encode("utf-8")})
    return make_epub(tmp_path / "said.epub", book)


def test_ipa_becomes_espeak_phonemes_and_an_unknown_symbol_is_not_guessed():
    from aloud.narrate.phonemes import espeak_phonemes

    assert espeak_phonemes("ˌæbəˈlɪʃən") == ",ab@'lIS@n"
    assert espeak_phonemes("ˈdʒɔrdʒə") == "'dZO:rdZ@"
    assert espeak_phonemes("/ˈθɜːti/") == "'T3:ti"
    assert espeak_phonemes("ʘʘ") is None


def test_a_books_pls_lexicon_and_ssml_ph_reach_espeak_as_phonemes(tmp_path):
    script = run("text", str(_pls_book(tmp_path))).stdout
    assert "The [['O:lt@m@,hO:]] and the Suh vanna run at [['T3:rti dI'griz]] [[nO:rT]] to the sea." in script
    assert "An Oddity too." in script  # a transcription it cannot convert: read as written
    user = tmp_path / "mine.toml"
    user.write_text('Altamaha = "Alta maha"\n', encoding="utf-8")
    assert "The Alta maha and" in run("text", str(_pls_book(tmp_path)), "--lexicon", str(user)).stdout  # the user's wins


@needs_media
def test_the_transcript_shows_the_books_text_and_an_engine_without_phonemes_is_told_once(tmp_path):
    result = run("build", str(_pls_book(tmp_path)), "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "c"),
                 "--engine", "tone", "--voice", "low", "-q")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("cannot take phonemes") == 1
    manifest = json.loads((tmp_path / "out" / "a-made-book" / "chapters.json").read_text(encoding="utf-8"))
    shown = [s["text"] for s in manifest["chapters"][0]["sentences"]]
    assert "The Altamaha and the Savannah run at 30° N. to the sea." in shown


def test_georgias_pronunciation_aids_are_used():
    script = run("text", str(CORPUS / "georgia-pls-ssml.epub")).stdout
    assert script.count("[[") >= 100 and "[['T3:rti dI'griz]]" in script and "[[,ab@'lIS@n]]" in script


# Odd but real books ------------------------------------------------------------------------

def test_typed_sections_in_one_file_leave_out_only_their_own_matter(tmp_path):
    body = ('<section epub:type="titlepage"><h1>A Made Book</h1></section>'
            '<section epub:type="chapter" id="c1"><h1>One</h1>' + prose(40, "alpha") + "</section>")
    path = make_epub(tmp_path / "b.epub", Book([Page("book.xhtml", body)], [("One", "book.xhtml#c1")]))
    assert "Alpha alpha" in text_of(edition_of(path).chapters[0])


def test_an_uncited_note_box_is_read_and_links_that_look_like_marks_keep_their_text(tmp_path):
    body = ('<h1>One</h1><p>As shown on page <a href="two.xhtml#p12">12</a>, and in Part <a href="#x">I</a>, '
            'it rains.</p><aside class="note" id="x"><p>A tip box the reader should hear.</p></aside>')
    path = make_epub(tmp_path / "b.epub", Book([Page("one.xhtml", body), THREE[1]], [("One", "one.xhtml"),
                                                                                     ("Two", "two.xhtml")]))
    said = text_of(edition_of(path).chapters[0])
    assert "As shown on page 12, and in Part I, it rains." in said and "A tip box the reader should hear." in said


def test_notes_cited_inside_verse_and_tables_are_kept(tmp_path):
    body = ('<h1>One</h1><div class="poem"><p>A line<a epub:type="noteref" href="#n1">1</a> of verse,</p>'
            '<p>and another.</p></div><table><tr><th>Name</th></tr><tr><td>Cell<a epub:type="noteref" href="#n2">2'
            '</a></td></tr></table><aside epub:type="footnote" id="n1"><p>On the line.</p></aside>'
            '<aside epub:type="footnote" id="n2"><p>On the cell.</p></aside>')
    (chapter,) = edition_of(make_epub(tmp_path / "b.epub", Book([Page("a.xhtml", body)], [("One", "a.xhtml")]))).chapters
    assert [p.text for p in chapter.paragraphs] == ["A line of verse,\nand another.", "Name: Cell."]
    assert [n.paragraphs[0].text for n in chapter.notes] == ["On the line.", "On the cell."]


def test_anchors_inside_poems_and_old_name_anchors_cut_where_they_say(tmp_path):
    body = ("<p>Preface one.</p><p>Preface two.</p><p>Preface three.</p>"
            '<div class="poetry"><h2 id="a">Poem A</h2><p>Line of A.</p><h2 id="b">Poem B</h2><p>Line of B.</p></div>'
            '<p><a name="c"></a>The third part starts here, and it says a few words more.</p>')
    toc = [("Poem A", "p.xhtml#a"), ("Poem B", "p.xhtml#b"), ("Part C", "p.xhtml#c")]
    chapters = edition_of(make_epub(tmp_path / "b.epub", Book([Page("p.xhtml", body)], toc))).chapters
    assert [c.title for c in chapters] == ["Poem A", "Poem B", "Part C"]
    assert [[p.text for p in c.paragraphs] for c in chapters] == [
        ["Line of A."], ["Line of B."], ["The third part starts here, and it says a few words more."]]
    assert [p.text for p in chapters[0].preamble] == ["Preface one.", "Preface two.", "Preface three."]


def test_a_prologue_that_speaks_of_rights_is_read_and_a_notes_file_mid_book_names_nothing(tmp_path):
    pages = [Page("pro.xhtml", "<h1>Prologue</h1><p>Tous les hommes naissent libres et égaux en dignité et en droits.</p>"),
             Page("one.xhtml", '<h1>One</h1><p>The text<a href="notes.xhtml#e1">1</a> goes on here.</p>'),
             Page("notes.xhtml", '<h1>Notes</h1><section epub:type="endnotes"><ol><li id="e1"><p>The endnote.</p></li>'
                                 "</ol></section>"),
             Page("two.xhtml", "<h1>Two</h1>" + prose(24, "beta"))]
    toc = [("Prologue", "pro.xhtml"), ("One", "one.xhtml"), ("Notes", "notes.xhtml"), ("Two", "two.xhtml")]
    assert titles(make_epub(tmp_path / "b.epub", Book(pages, toc))) == ["Prologue", "One", "Notes", "Two"]


def test_ssml_ph_is_said_only_where_it_stands(tmp_path):
    body = ('<h1>One</h1><p xmlns:ssml="http://www.w3.org/2001/10/synthesis">Yesterday I <span ssml:ph="rɛd">read'
            "</span> the book; today I read it again, though I had already read the bread recipe.</p>")
    script = run("text", str(make_epub(tmp_path / "b.epub", Book([Page("a.xhtml", body)], [("One", "a.xhtml")])))).stdout
    assert "Yesterday I [[rEd]] the book; today I read it again, though I had already read the bread recipe." in script


def test_empty_documents_an_html_nav_repeated_spine_items_and_locked_members(tmp_path):
    pages = [Page("empty.xhtml", ""), *THREE]
    path = make_epub(tmp_path / "b.epub", Book(pages, THREE_TOC))
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(tmp_path / "c.epub", "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "OEBPS/empty.xhtml":
                data = b""
            if info.filename == "OEBPS/nav.xhtml":
                data = data.replace(b"<h1>Contents</h1>", b"<h1>Contents&nbsp;</h1>")
            if info.filename == "OEBPS/content.opf":
                data = data.replace(b'<itemref idref="p1"/>', b'<itemref idref="p1"/>' * 50)
            new.writestr(info, data)
    edition = edition_of(tmp_path / "c.epub")
    assert [c.title for c in edition.chapters] == ["One: The Start", "Two: The Middle", "Three: The End"]
    assert edition.word_count < 200  # the repeated item read once
    locked = bytearray((tmp_path / "c.epub").read_bytes())
    with zipfile.ZipFile(tmp_path / "c.epub") as z:
        info = z.getinfo("OEBPS/one.xhtml")
    locked[info.header_offset + 6] |= 1  # the "encrypted" flag, in its local header
    central = locked.index(b"PK\x01\x02")  # the central directory's first entry
    while locked[central + 46:central + 46 + len(b"OEBPS/one.xhtml")] != b"OEBPS/one.xhtml":
        central = locked.index(b"PK\x01\x02", central + 4)
    locked[central + 8] |= 1  # and in the central directory
    (tmp_path / "d.epub").write_bytes(bytes(locked))
    one_line_error(run("plan", str(tmp_path / "d.epub")), "is locked")
