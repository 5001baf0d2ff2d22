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


def test_a_line_of_its_own_is_told_by_the_blanks_around_it_alone():
    from quotes.attribution.common.lines import line_end_after, line_start_before

    text = "Headline\n   Quote here  \nBody text goes on"
    start = text.index("Quote")
    end = start + len("Quote here")
    assert line_start_before(text, start) == text.index("   Quote")
    assert line_end_after(text, end) == text.index("\nBody")
    assert line_start_before(text, text.index("here")) is None       # words before it on the line
    assert line_end_after(text, text.index("goes")) is None
    # a page of one huge line: each look-up reads only the blanks next to it
    huge = "word " * 200_000
    assert line_start_before(huge, len(huge) // 2) is None and line_end_after(huge, 10) is None
