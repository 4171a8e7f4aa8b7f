"""Reading a book as a narrator would: capitals, quotations opened by "Mr.", verse, ellipses,
broken-off speech, editors' brackets and words drawn out. The cases come from the corpus's
novels (A Christmas Carol, Alice's Adventures in Wonderland) and are made up after them."""

from __future__ import annotations

import pytest

from aloud.model import LEFT_OUT, VERSE, Source
from aloud.narrate import narrate_edition
from aloud.narrate.editorial import editorial_parts
from aloud.narrate.lang import for_language
from aloud.narrate.sentences import split_sentences
from aloud.settings import NarrationOptions, Pauses
from aloud.structure import structure

ENGLISH = for_language("en")


@pytest.mark.parametrize("written, said", [
    # Emphasis in capitals is a word; an acronym stays in letters.
    ("that he is ever going to benefit US with it.", "that he is ever going to benefit us with it."),  # the Carol
    ('"EH?" returned the boy.', '"Eh?" returned the boy.'),  # the Carol
    ('"Walk-ER!" exclaimed the boy.', '"Walk-er!" exclaimed the boy.'),  # the Carol
    ("how DOTH the little busy BEE", "how DOTH the little busy bee"),  # Alice: four letters are read, not spelled
    ("HOW DOTH THE LITTLE BUSY BEE", "How doth the little busy bee"),
    ("'Found IT,' the Mouse replied.", "'Found it,' the Mouse replied."),  # Alice
    ("'IF you please, sir'", "'If you please, sir'"),
    ("'You must EAT it.'", "'You must eat it.'"),
    ("He was UNkind to her.", "He was unkind to her."),
    ("It was beauti--FUL soup.", "It was beautiful soup."),
    ("Alice's right foot, ESQ.", "Alice's right foot, Esquire."),  # Alice
    ("The US economy grew.", "The US economy grew."),
    ("He lives in the US.", "He lives in the US."),
    ("We sent US troops.", "We sent US troops."),
    ("The IT department.", "The IT department."),
    ("The SAS came.", "The SAS came."),
    ("The FBI and the BBC.", "The FBI and the BBC."),
    ("Shares of AMD, IBM and HP rose; GE fell.", "Shares of AMD, IBM and HP rose; GE fell."),  # two letters: letters
    ("The UN's WHO said it is not over.", "The UN's WHO said it is not over."),
    ('"We will WIN big, believe ME."', '"We will win big, believe me."'),
    ("US says it will act.", "US says it will act."),
    # An ellipsis trails off; it is not a full stop.
    ("and since then …", "and since then…"),
    ("since then ... nothing", "since then… nothing"),
    # Speech broken off keeps its dash; a dash between words is a pause.
    ('"I don\'t know what to say to such munifi--"', '"I don\'t know what to say to such munifi—"'),  # the Carol
    ('"Where\'s——?"', '"Where\'s—?"'),
    ("it was quite dark already-- it had not been light all day", "it was quite dark already, it had not been light all day"),
    ("a spot--say Saint Paul's Churchyard", "a spot, say Saint Paul's Churchyard"),  # the Carol
    ("The years 1914--1918.", "The years nineteen fourteen to nineteen eighteen."),  # a range typed with two hyphens
    ("pages 10--20", "pages ten to twenty"),
])
def test_english_as_a_narrator_says_it(written, said):
    assert ENGLISH.speakable(written) == said


@pytest.mark.parametrize("paragraph, sentences", [
    ('"Mr. Marley has been dead these seven years," Scrooge replied.',
     ['"Mr. Marley has been dead these seven years," Scrooge replied.']),  # the Carol
    ("with the name ‘W. RABBIT’ engraved upon it.", ["with the name ‘W. RABBIT’ engraved upon it."]),  # Alice
    ('"Who is it?"--"Only I," said he.', ['"Who is it?"', '"Only I," said he.']),  # another speaker: a sentence
    ('"No," said Scrooge, "No. I should like to say a word."',
     ['"No," said Scrooge, "No.', 'I should like to say a word."']),  # the Carol: "No." is the word
])
def test_a_title_or_initial_inside_a_quotation_does_not_end_the_sentence(paragraph, sentences):
    assert split_sentences(paragraph, frozenset({"mr", "mrs", "no"}), frozenset({"mr", "mrs"})) == sentences


def _script(text: str, **options) -> list[tuple[str, str]]:
    edition = structure(Source(name="t", text=text))
    units = narrate_edition(edition, Pauses(), NarrationOptions(announce_edition=False, **options))
    return [(u.kind, u.text) for c in edition.chapters for u in units[c.index]]


LOBSTER = """CHAPTER X. The Lobster Quadrille

Alice was beginning to get very tired of sitting by her sister on the
bank, and of having nothing to do: once or twice she had peeped into the
book her sister was reading, but it had no pictures or conversations in
it, and what is the use of a book, thought Alice, without pictures?

'Tis the voice of the Lobster; I heard him declare,
"You have baked me too brown, I must sugar my hair."

When the sands are all dry, he is gay as a lark,
And will talk in contemptuous tones of the Shark,
But, when the tide rises and sharks are around,
His voice has a timid and tremulous sound.

I passed by his garden, and marked, with one eye,
How the Owl and the Panther were sharing a pie.

That was the end of it, and Alice was quite pleased with herself for
having remembered so much of it, although the words came out very oddly
indeed, and she thought she would try it again some other day soon.
"""


def test_every_stanza_of_a_poem_is_read_as_verse_line_by_line():
    """The issue's own example: before, the short stanzas were run together as prose ("so
    he with his nose Trims his belt"); now the poem is verse throughout, a line at a time."""
    edition = structure(Source(name="t", text=LOBSTER))
    kinds = [p.kind for p in edition.chapters[0].paragraphs]
    assert kinds[1:4] == [VERSE, VERSE, VERSE]
    said = _script(LOBSTER, announce_chapters=False)
    lines = [text for kind, text in said if kind == "line"]
    assert lines[0] == "'Tis the voice of the Lobster; I heard him declare"
    assert "His voice has a timid and tremulous sound." in lines and len(lines) == 8
    assert not any("declare," in text and "You have" in text for _, text in said)


def test_an_indented_poem_is_verse_even_with_long_lines():
    """Set in as a whole, three lines or more (two only if the first ends as a line of verse
    does: two indented lines of prose are not a poem)."""
    text = ("Chapter 1\n\n" + "The prose of this book is wrapped at seventy characters a line, as a plain\n"
            "text from a library of old books is, with a poem set in by five spaces.\n\n"
            "     'How doth the little crocodile improve his shining tail, and pour\n"
            "      The waters of the Nile on every golden scale, and so on and on,\n"
            "     How cheerfully he seems to grin, how neatly spread his claws!'\n")
    edition = structure(Source(name="t", text=text))
    assert edition.chapters[0].paragraphs[-1].kind == VERSE


def test_an_editors_bracket_is_left_out_and_shown_and_kept_when_asked():
    text = ("Chapter 1\n\nScrooge said so. [Later editions continued as follows: the rest of this page.]\n\n"
            "[Illustration: Marley's Ghost]\n\nHe [Scrooge] went home.\n")
    said = " ".join(t for _, t in _script(text))
    assert "Later editions" not in said and "Illustration" not in said
    assert "Scrooge said so." in said and "Scrooge" in said.split("went")[0]  # a short bracket is the text's own
    kept = " ".join(t for _, t in _script(text, keep=frozenset({"editorial"})))
    assert "Later editions continued as follows" in kept and "Marley's Ghost" in kept
    assert "editorial" in LEFT_OUT
    assert editorial_parts("This is the note.--ED.") == ("This is the note.", ["ED."])
    assert editorial_parts("He was called Ed.") == ("He was called Ed.", [])


@pytest.mark.parametrize("written, said", [
    ("Vers le soir, le brick doubla le cap.", "Vers le soir, le brick doubla le cap."),  # Verne: not "cinquième"
    ("— Me conseilleriez-vous de reculer ?", "— Me conseilleriez-vous de reculer ?"),  # Verne: not "Maître"
    ("Me Dupont plaida.", "Maître Dupont plaida."),
    ("au XVe siècle", "au quinzième siècle"),
    ("les 1ers jours", "les premiers jours"),
    ("François Ier", "François premier"),
])
def test_french_as_a_narrator_says_it(written, said):
    assert for_language("fr").speakable(written) == said


def test_an_editors_line_over_a_stanza_leaves_out_the_line_and_reads_the_stanza_as_verse():
    """As Project Gutenberg's Alice sets the Lobster's second stanza: the editor's words open a
    bracket that closes at the stanza's end."""
    text = ("CHAPTER X. The Lobster Quadrille\n\n" + LOBSTER.split("\n\n")[1] + "\n\n"
            "“’Tis the voice of the Lobster; I heard him declare,\n“You have baked me too brown, I must sugar my hair.”\n"
            "As a duck with its eyelids, so he with his nose\nTrims his belt and his buttons, and turns out his toes.”\n\n"
            "[later editions continued as follows\nWhen the sands are all dry, he is gay as a lark,\n"
            "And will talk in contemptuous tones of the Shark,\nBut, when the tide rises and sharks are around,\n"
            "His voice has a timid and tremulous sound.]\n")
    said = _script(text, announce_chapters=False)
    assert not any("editions" in t for _, t in said)
    lines = [t for kind, t in said if kind == "line"]
    assert lines[4:] == ["When the sands are all dry, he is gay as a lark", "And will talk in contemptuous tones of the Shark",
                         "But, when the tide rises and sharks are around", "His voice has a timid and tremulous sound."]
    assert editorial_parts("[Later editions continued as follows: the Owl.]") == ("the Owl.", ["[Later editions continued as follows:"])
