"""The narrator's "I" is the byline's one author."""
import pytest

from quotes.attribution.authors import byline_name, first_person_author
from quotes.records import Attribution


@pytest.mark.parametrize("author, name", [
    ("By JAMES B. STEWART", "James B. Stewart"),
    ("Charlotte Meehan", "Charlotte Meehan"),
    ("By Ron Lieber and Tara Siegel Bernard", None),
    ("Associated Press", None),
    ("USA TODAY staff", None),
    (None, None),
])
def test_byline_names_one_person(author, name):
    assert byline_name(author) == name


def _record(kind, start, mention, spans, speaker=None):
    return Attribution(kind=kind, content="x", content_spans=spans, cue="said", cue_start=0, cue_end=1,
                       speaker=speaker, speaker_mention=mention, speaker_start=start, speaker_end=start + 1,
                       speaker_type="unknown")


def test_the_narrators_i_is_the_author_but_not_an_i_inside_a_quote():
    narrator = _record("indirect", 10, "I", [[20, 40]])
    quoted = _record("indirect", 55, "I", [[60, 70]])
    quote = _record("direct", 80, "she", [[50, 75]], speaker="Ann Lee")
    columnist = _record("indirect", 90, "we", [[95, 99]])
    out = first_person_author([narrator, quoted, quote, columnist], "By JAMES B. STEWART")
    assert [(r.speaker, r.speaker_type) for r in out] == [
        ("James B. Stewart", "person"), (None, "unknown"), ("Ann Lee", "unknown"), ("James B. Stewart", "person")]


def test_a_byline_line_heading_the_text_names_the_author():
    from quotes.attribution.authors import byline_in_text

    assert byline_in_text("By Jane Roe\nFor a decade our city has ...") == "Jane Roe"
    assert byline_in_text("Bus lanes now\n\nBy JANE ROE\nText") == "Jane Roe"
    assert byline_in_text("By Jane Roe and John Doe\nText") is None
    assert byline_in_text("Text first.\nMore.\nEven more.\nStill more.\nBy Jane Roe") is None
    assert byline_in_text("By the time the vote came, it was over.") is None


LETTERS_PAGE = ("Trump lead causes cracks.\n\nLETTERS.\n\nI stand with Mitt Romney on this.\n\n"
                "Debby James.\n\nMission Viejo, Calif.\n\nI agree with the insiders.\n\n"
                "Bruce R. Gary.\n\nTucson, Ariz.\n")


def test_a_letters_page_gives_each_readers_i_to_the_signature_under_it():
    from quotes.attribution.authors import letter_signatures, letter_writers

    assert [name for _, name in letter_signatures(LETTERS_PAGE)] == ["Debby James", "Bruce R. Gary"]
    first = _record("indirect", LETTERS_PAGE.index("I stand"), "I", [[40, 60]])
    second = _record("indirect", LETTERS_PAGE.index("I agree"), "I", [[120, 140]])
    out = letter_writers([first, second], LETTERS_PAGE)
    assert [(r.speaker, r.channel) for r in out] == [("Debby James", "letter"), ("Bruce R. Gary", "letter")]
    # a page that does not say it is a letters page has no signatures
    assert letter_signatures(LETTERS_PAGE.replace("LETTERS.", "News.")) == []
