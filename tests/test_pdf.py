"""PDFs in: chapters from the outline (else headings, else the text rules), page furniture
never spoken, words broken at line ends joined, and one clear line for what cannot be read.
Real PDFs (tests/corpus/pdf, from jzillmann/pdf-to-markdown) and PDFs the tests lay out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import needs_media
from pdf_books import PdfBook, PdfChapter, make_damaged, make_garbage, make_locked, make_pdf, make_scan

from aloud.errors import InputError
from aloud.model import Source
from aloud.read.pdf import PdfReader
from aloud.structure import structure

PDFS = Path(__file__).resolve().parent / "corpus" / "pdf"
ALOUD = [sys.executable, "-m", "aloud"]


def read(path: Path) -> Source:
    return PdfReader().read(path.read_bytes(), str(path), path.stem)


def said(source: Source) -> str:
    edition = structure(source)
    return "\n".join(p.text for c in edition.chapters for p in (*c.preamble, *c.paragraphs) if not p.left_out)


def test_alice_is_its_outlines_chapters_without_running_heads_or_page_numbers():
    source = read(PDFS / "Alice-In-Wonderland.pdf")
    edition = structure(source)
    assert (edition.title, edition.author) == ("Alice's Adventures in Wonderland", "Lewis Carroll")
    titles = [c.title for c in edition.chapters]
    assert titles[:3] == ["Poem. All in the golden afternoon", "Down the Rabbit-Hole", "The Pool of Tears"]
    assert titles[-1] == "Alice's Evidence" and len(titles) == 13
    text = said(source)
    # Running heads ("CHAPTER I. DOWN THE RABBIT-HOLE 5", "6 ALICE'S ADVENTURES IN WONDERLAND") and page numbers.
    assert "RABBIT-HOLE 5" not in text and "ADVENTURES IN WONDERLAND" not in text
    assert not any(line.strip().isdigit() for line in text.split("\n"))
    # Words broken at a line's end are whole again; compounds keep their hyphen.
    assert "it occurred to her that she ought to have wondered at this" in text
    assert "oc-curred" not in text and "won-dered" not in text
    assert "a little three-legged table" in text
    # A poem is verse: a line of it a line said.
    poem = structure(source).chapters[0].paragraphs[0]
    assert poem.kind == "verse" and poem.text.split("\n")[:2] == ["All in the golden afternoon", "Full leisurely we glide;"]
    # A paragraph runs on over a picture and over a page.
    assert "(as well as she could, for the hot day made her feel very sleepy and stupid), whether the pleasure" in text


def test_a_gutenberg_book_printed_to_pdf_loses_its_header_licence_contents_and_title_pages():
    source = read(PDFS / "The-Art-of-Public-Speaking.pdf")
    edition = structure(source)
    assert edition.title == "The Art of Public Speaking"
    titles = [c.title for c in edition.chapters]
    assert titles[0] == "THINGS TO THINK OF FIRST"
    # A part over its chapters; a chapter's bookmark and its subtitle's, at one place, one title.
    assert titles[1] == "THE ART OF PUBLIC SPEAKING – CHAPTER I: ACQUIRING CONFIDENCE BEFORE AN AUDIENCE"
    assert "CHAPTER II: THE SIN OF MONOTONY" in titles
    text = said(source)
    for never in ("Project Gutenberg", "START OF THIS", "Table of Contents", "PROFESSOR OF PUBLIC SPEAKING"):
        assert never not in text, never
    assert "The efficiency of a book is like that of a man" in text


def test_a_two_column_article_without_outline_goes_to_the_text_rules():
    source = read(PDFS / "The-Man-Without-A-Body.pdf")
    assert not source.chapters
    text = said(source)
    assert "On a shelf in the old Arsenal museum, in the Central Park, in the midst of stuffed hummingbirds" in text
    # Column by column: the left column's last line runs on to the right column's first.
    assert "As to eating and drinking, I don't care." in text


def test_bad_pdfs_are_told_in_one_line(tmp_path):
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes((PDFS / "The-Man-Without-A-Body.pdf").read_bytes()[:4000])
    with pytest.raises(InputError, match=r"damaged\.pdf: is a damaged PDF \(.+\); it cannot be read$"):
        read(damaged)
    result = subprocess.run([*ALOUD, "plan", str(damaged)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "is a damaged PDF" in result.stderr


def test_a_pdf_is_known_by_its_bytes_whatever_its_name(tmp_path):
    renamed = tmp_path / "article.bin"
    renamed.write_bytes((PDFS / "The-Man-Without-A-Body.pdf").read_bytes())
    result = subprocess.run([*ALOUD, "plan", str(renamed)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("The Man Without a Body, by Edward Page Mitchell")


# -- PDFs the tests lay out (tests/pdf_books.py) ------------------------------------------

FILLER = ("The wind rose at dusk and the waves struck the rocks below the tower while the lamp shook on its stand "
          "and the keeper climbed the stairs with a can of oil. ")


DAYS = "one two three four five six seven eight".split()


def holmes(**typeset) -> PdfBook:
    return PdfBook(
        title="The Adventures of Sherlock Holmes", author="Arthur Conan Doyle", chapters=[
            PdfChapter("A SCANDAL IN BOHEMIA", [
                "To Sherlock Holmes she is always the woman. I have seldom heard him mention her under any other "
                "name. In his eyes she eclipses and predominates the whole of her sex. It was not that he felt any "
                "emotion akin to love for Irene Adler.",
                "All emotions, and that one particularly, were abhorrent to his cold, precise but admirably balanced "
                "mind. He was the most perfect reasoning and observing machine that the world has seen. It was an "
                "anti\u00adquated notion, a well-\u00adknown one, and he never spoke of the softer passions.",
                *[FILLER.replace("dusk", f"dusk on day {n}") * 4 for n in DAYS]],
                part="PART ONE\nTHE EARLY CASES"),
            PdfChapter("THE RED-HEADED LEAGUE", ["I had called upon my friend one day in the autumn of last year. " * 6,
                                                  FILLER * 5], part="PART ONE\nTHE EARLY CASES"),
            PdfChapter("A CASE OF IDENTITY", ["My dear fellow, said Sherlock Holmes as we sat on either side of the "
                                               "fire in his lodgings at Baker Street. " * 5], part="PART TWO\nLATER CASES"),
        ],
        footnotes=[("Adler", "Irene Adler, an opera singer."), ("machine", "A favourite word of the doctor's.")],
        **typeset)


def test_a_typeset_book_its_outline_parts_furniture_hyphens_drop_caps_and_notes(tmp_path):
    book = holmes(hyphenate=True, running_head=True, page_numbers=True, outline=True, drop_cap=True,
                  extra_bookmarks=[("More free eBooks", "Visit our site www.example.org for more free eBooks to "
                                    "download.")])
    source = read(make_pdf(tmp_path / "holmes.pdf", book))
    edition = structure(source)
    assert (edition.title, edition.author) == ("The Adventures of Sherlock Holmes", "Arthur Conan Doyle")
    # Parts joined to their first chapter; the advertisement's bookmark is not a chapter.
    assert [c.title for c in edition.chapters] == [
        "PART ONE: THE EARLY CASES – A SCANDAL IN BOHEMIA", "THE RED-HEADED LEAGUE",
        "PART TWO: LATER CASES – A CASE OF IDENTITY"]
    text = said(source)
    assert text.startswith("To Sherlock Holmes she is always the woman. I have seldom heard him mention her under "
                           "any other name.")  # the drop cap rejoined, its two lines one paragraph
    assert "I had called upon my friend" in text  # a drop cap that is a word of its own
    assert "an antiquated notion, a well-known one" in text
    assert "Sher-lock" not in text and "anti-quated" not in text
    for furniture in ("The Adventures of Sherlock Holmes", "A SCANDAL IN BOHEMIA", "free eBooks"):
        assert furniture not in text
    assert not any(c.isdigit() for c in text)  # no page number, no note mark
    assert text.count("The wind rose at dusk on day three") == 4  # a paragraph across a page is whole, once
    notes = edition.chapters[0].notes
    assert [(n.label, n.paragraphs[0].text) for n in notes] == [
        ("1", "Irene Adler, an opera singer."), ("2", "A favourite word of the doctor's.")]


def test_two_columns_drawn_line_by_line_are_read_column_by_column(tmp_path):
    book = PdfBook(title="Two Columns", author="C. Col", columns=2, page_numbers=True, chapters=[
        PdfChapter("Chapter One", [f"Paragraph {n} begins here and the text of it runs on for a while so that it "
                                   f"fills a few lines of the narrow column, number {n}." for n in range(1, 40)])])
    text = said(read(make_pdf(tmp_path / "two.pdf", book)))
    paragraphs = text.split("\n")
    assert [p.split()[1] for p in paragraphs[:3]] == ["1", "2", "3"]
    assert len(paragraphs) == 39 and all(p.startswith("Paragraph ") and p.endswith(".") for p in paragraphs)


def test_without_an_outline_headings_are_found_by_their_size(tmp_path):
    source = read(make_pdf(tmp_path / "plain.pdf", holmes(page_numbers=True, running_head=True)))
    assert [c.title for c in structure(source).chapters] == [
        "PART ONE: THE EARLY CASES – A SCANDAL IN BOHEMIA", "THE RED-HEADED LEAGUE",
        "PART TWO: LATER CASES – A CASE OF IDENTITY"]


def test_metadata_from_xmp_info_and_the_catalogs_language(tmp_path):
    xmp = read(make_pdf(tmp_path / "xmp.pdf", holmes(language="en-GB", xmp=True, info_title="Microsoft Word - b.docx",
                                                      info_author="")))
    assert (xmp.title, xmp.author, xmp.language) == ("The Adventures of Sherlock Holmes", "Arthur Conan Doyle", "en-GB")
    placeholder = read(make_pdf(tmp_path / "word.pdf", holmes(info_title="Microsoft Word - b.docx", info_author="")))
    assert (placeholder.title, placeholder.author, placeholder.language) == (None, None, None)
    lang = read(make_pdf(tmp_path / "lang.pdf", holmes(language="fr")))
    assert lang.language == "fr"


@pytest.mark.parametrize(("make", "message"), [
    (lambda t: make_scan(t / "scan.pdf"), "has no text to read: it is a scan; run OCR first, for example with ocrmypdf"),
    (lambda t: make_locked(t / "locked.pdf", make_pdf(t / "open.pdf", holmes())),
     "is protected by a password; save an unlocked copy first (for example with qpdf --decrypt)"),
    (lambda t: make_damaged(t / "cut.pdf", make_pdf(t / "whole.pdf", holmes())), "is a damaged PDF (data format error)"),
    (lambda t: make_garbage(t / "garbage.pdf"), "is a damaged PDF (data format error)"),
])
def test_what_cannot_be_read_is_one_line_and_exit_2(tmp_path, make, message):
    path = make(tmp_path)
    result = subprocess.run([*ALOUD, "build", str(path), "-o", str(tmp_path / "out")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == f"aloud: error: {path}: {message}" + ("; it cannot be read" if "damaged" in message
                                                                          else "")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.m4b"))


def test_joining_words_broken_at_a_line_end_by_the_documents_own_words():
    from collections import Counter

    from aloud.read.pdf.layout import LIGATURES
    from aloud.read.pdf.paragraphs import joined_word

    words = Counter({"antiquated": 0, "three-legged": 1, "well": 3, "known": 2})
    assert joined_word("anti-", "quated", words) == "antiquated"  # no such halves: one word broken
    assert joined_word("three-", "legged", words) == "three-legged"  # the document writes it so
    assert joined_word("well-", "known", words) == "well-known"  # two words of the document
    assert joined_word("some-", "thing", Counter()) == "something"  # English knows it whole
    assert "ﬁnal ﬂoor ﬀ".translate(LIGATURES) == "final floor ff"


def test_a_picture_on_the_first_page_is_the_cover_and_a_page_of_text_is_not(tmp_path):
    from pypdf import PdfReader as Pages
    from pypdf import PdfWriter

    book = make_pdf(tmp_path / "book.pdf", holmes(outline=True))
    writer = PdfWriter()
    for part in (make_scan(tmp_path / "picture.pdf", pages=1), book):
        for page in Pages(part).pages:
            writer.add_page(page)
    with open(tmp_path / "covered.pdf", "wb") as out:
        writer.write(out)
    cover = read(tmp_path / "covered.pdf").publication.cover
    assert cover is not None and cover.data.startswith(b"\xff\xd8") and cover.origin == "the PDF's first page"
    assert read(book).publication.cover is None


@needs_media
def test_a_pdf_is_built_for_real_with_its_chapters(tmp_path):
    import json

    book = PdfBook(title="Two Short Cases", author="Arthur Conan Doyle", outline=True, page_numbers=True,
                   running_head=True, hyphenate=True, chapters=[
                       PdfChapter("THE FIRST CASE", ["Holmes looked up from the anti\u00adquated letter and smiled "
                                                     "at me across the room."]),
                       PdfChapter("THE SECOND CASE", ["The fog lay thick upon the river when we set out at dawn."])])
    path = make_pdf(tmp_path / "cases.pdf", book)
    built = subprocess.run([*ALOUD, "build", str(path), "-o", str(tmp_path / "out"), "--cache-dir",
                            str(tmp_path / "cache"), "-q"], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    folder = tmp_path / "out" / "two-short-cases"
    manifest = json.loads((folder / "chapters.json").read_text(encoding="utf-8"))
    assert [c["title"] for c in manifest["chapters"]] == ["THE FIRST CASE", "THE SECOND CASE"]
    sentences = [s["text"] for c in manifest["chapters"] for s in c["sentences"]]
    assert "Holmes looked up from the antiquated letter and smiled at me across the room." in sentences
    from aloud.audio import ffmpeg

    assert [m["title"] for m in ffmpeg.chapters(folder / "two-short-cases.m4b")] == ["THE FIRST CASE", "THE SECOND CASE"]


def printed_by_chromium(page: Path, printed: Path) -> Path:
    """`page` printed to PDF by chromium, headless, with its outline (and, for a plain text,
    the browser's header and footer: the date, the file's address, "4/66")."""
    import shutil

    browser = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
    if browser is None:
        pytest.fail("chromium is needed to print a page to PDF: `make test` installs it")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--generate-pdf-document-outline",
                    f"--print-to-pdf={printed}", page.as_uri()], capture_output=True, timeout=120, check=True)
    return printed


def test_a_gutenberg_text_printed_by_a_browser_reads_as_the_text_does(tmp_path):
    carol = Path(__file__).resolve().parent / "corpus" / "a-christmas-carol.txt"
    from aloud.read.text import TextReader

    printed = structure(read(printed_by_chromium(carol, tmp_path / "carol.pdf")))
    plain = structure(TextReader().read(carol.read_bytes(), str(carol), carol.stem))
    assert (printed.title, printed.author) == ("A Christmas Carol", "Charles Dickens")
    assert [c.title for c in printed.chapters] == [c.title for c in plain.chapters]
    # The browser's header and footer on every page ("12/2/26, 7:57 AM", "file:///…", "4/66") are not read.
    assert [c.word_count for c in printed.chapters] == [c.word_count for c in plain.chapters]


def test_a_web_page_printed_to_pdf_by_chromium(tmp_path):
    """Chromium's own PDF (its outline from the page's headings): the wiki's "[edit]" links
    and its reference sections are left out, as they are from the page itself."""
    page = Path(__file__).resolve().parent / "corpus" / "web" / "wiki-lighthouse.html"
    source = read(printed_by_chromium(page, tmp_path / "lighthouse.pdf"))
    edition = structure(source)
    titles = [c.title for c in edition.chapters]
    assert titles and not any("[edit]" in t or "References" in t or "See also" in t for t in titles), titles
    text = said(source)
    assert "[edit]" not in text and "Stevenson" not in text and "Lightvessel" not in text
    assert "mariners were guided by fires built on hilltops" in text


def _printed_html(tmp_path: Path, name: str, body: str) -> Path:
    page = tmp_path / f"{name}.html"
    page.write_text(f"<html><head><meta charset='utf-8'><style>body{{font-family:'DejaVu Serif';font-size:12pt}} "
                    f"h1{{font-size:22pt; break-before:page}}</style></head><body>{body}</body></html>",
                    encoding="utf-8")
    return printed_by_chromium(page, tmp_path / f"{name}.pdf")


WINSTON = ("It was a bright cold day in April {x}, and the clocks were striking thirteen. {w}inston Smith, his chin "
           "nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors. ")


def test_characters_outside_the_bmp_keep_the_text_in_step_with_its_places(tmp_path):
    """PDFium counts "𝑊" as two characters, Python as one: the rest of the page stays in order."""
    body = "".join(f"<h1>Chapter {n}</h1>" + f"<p>{WINSTON * 3}</p>" * 4 for n in (1, 2, 3))
    odd = said(read(_printed_html(tmp_path, "odd", body.format(x="𝐀𝐁𝐂 𝐱", w="𝑊"))))
    plain = said(read(_printed_html(tmp_path, "plain", body.format(x="ABC x", w="W"))))
    assert odd.count("bright cold day") == plain.count("bright cold day") == 36
    assert "inston Smith" in odd and len(odd.split()) == len(plain.split())


def test_headings_and_first_lines_that_open_every_page_are_not_furniture(tmp_path):
    body = "".join(f"<h1>Chapter {n}</h1>" + f"<p>{WINSTON.format(x='x', w='W') * 4}</p>" * 3 for n in range(1, 6))
    assert [c.title for c in structure(read(_printed_html(tmp_path, "chapters", body))).chapters] == [
        f"Chapter {n}" for n in range(1, 6)]
    from aloud.read.pdf.furniture import furniture
    from aloud.read.pdf.layout import Line, PageLines

    def page(number: int, first: str) -> PageLines:
        lines = [Line(first, 72, 300, 720, 709, 11, False)]
        lines += [Line(f"line {k} of the text on this page runs on", 72, 540, 720 - 14 * k, 709 - 14 * k, 11, False)
                  for k in range(1, 40)]
        return PageLines(number, 612, 792, tuple(lines))

    # A page that opens with "“Yes.”" as another does is text, set as the text is; a running head is apart.
    assert not furniture([page(1, "“Yes.”"), page(2, "“Go on,” he said."), page(3, "“Yes.”")])


def test_a_rotated_page_and_a_pdf_without_pages(tmp_path):
    from pypdf import PdfReader as Pages
    from pypdf import PdfWriter

    book = make_pdf(tmp_path / "book.pdf", holmes(outline=True, page_numbers=True))
    writer = PdfWriter()
    for sheet in Pages(book).pages:
        writer.add_page(sheet.rotate(90))
    with open(tmp_path / "turned.pdf", "wb") as out:
        writer.write(out)
    assert said(read(tmp_path / "turned.pdf")) == said(read(book))
    empty = tmp_path / "empty.pdf"
    with open(empty, "wb") as out:
        PdfWriter().write(out)
    with pytest.raises(InputError, match=r"empty\.pdf: (?:has no pages|is a damaged PDF)"):
        read(empty)
