"""Line look-ups the headline checks share: bounded, and title case judged
on long words only."""
from quotes.attribution.common.lines import HEADLINE_MAX, short_line, title_case


def test_short_line_is_the_line_holding_the_span():
    text = "Blinken Urges Calm\n\nHe said the talks went well.\nLast line"
    assert short_line(text, text.index("Urges")) == "Blinken Urges Calm"
    assert short_line(text, text.index("talks"), text.index("went")) == "He said the talks went well."
    assert short_line(text, text.index("Last")) == "Last line"


def test_a_long_line_is_never_a_headline():
    text = "Intro\n" + "word " * HEADLINE_MAX + "\nEnd"
    assert short_line(text, text.index("word") + 200) is None
    assert short_line(text, 0) == "Intro"


def test_title_case_counts_long_words_only():
    assert title_case("Gold Star Mom Corners Obama".split())
    assert title_case("Lavrov Rejects the Proposal of a Truce".split())
    assert not title_case("He said the talks went well".split())
    assert title_case([], if_empty=True) and not title_case([])
