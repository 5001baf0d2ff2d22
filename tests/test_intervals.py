"""``covered_by``: the bisected look-up quote pairing uses, against a plain scan."""
from hypothesis import given, strategies as st

from quotes.attribution.document.quote_marks import find_quotes
from quotes.intervals import covered_by

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@given(spans, st.integers(-2, 100))
def test_agrees_with_a_scan(pairs, offset):
    assert covered_by(pairs)(offset) == any(a <= offset < b for a, b in pairs)


def test_single_quotes_inside_double_quotes_are_not_taken_again():
    text = "He said \"it is 'fine' now\" and 'good' too. " * 3
    found = find_quotes(text)
    singles = [q for q in found if q.single]
    assert [text[q.start:q.end] for q in singles] == ["'good'"] * 3
