"""Fuzzing the extractor with hostile text, each input in a child under a memory and time cap.

Quote-mark storms, long runs without punctuation, control characters and
markup-like nesting must each give records (every offset slicing the text,
multi-span quotes included) or one line saying why not, within
``fuzz.SECONDS`` and under ``fuzz.PEAK_MB`` of resident memory.  Sizes and
example counts: see ``fuzz.py`` (``QUOTES_FUZZ_EXAMPLES``, ``QUOTES_FUZZ_SCALE``).
"""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz import SCALE, CappedChild, fuzz_settings
from quotes.records import join_spans

MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "``", "''"]
WORDS = ["Blinken", "said", "the", "talks", "would", "resume", "she", "told", "Reuters", "we", "will", "not"]
GLUE = [" ", "\n", "\n\n", "", "\t"]
CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\n"] + ["\x7f", "\u200b", "\u202e", "\ufeff", "\u2028"]

# a run of quote marks, with a real sentence first so the word-count gate lets it through
storms = st.tuples(st.sampled_from(MARKS), st.sampled_from(GLUE), st.integers(1, 1000 * SCALE)).map(
    lambda t: "Blinken said the talks would resume. " + (t[0] + t[1]) * t[2])
mixed_storms = st.lists(st.sampled_from(MARKS + GLUE + WORDS), min_size=1, max_size=600 * SCALE).map(
    lambda parts: "The minister said that talks would resume on Monday. " + " ".join(parts))
# n words cycling through a drawn list (hypothesis cannot draw lists of over 8,192 items: the long run's sizes)
no_punctuation = st.tuples(st.integers(50, 1000 * SCALE), st.lists(st.sampled_from(WORDS), min_size=1, max_size=64)).map(
    lambda t: " ".join(t[1][k % len(t[1])] for k in range(t[0])))
controlled = st.lists(st.sampled_from(WORDS + CONTROLS + MARKS), min_size=3, max_size=400 * SCALE).map(
    lambda parts: "Blinken said the talks would resume. " + "".join(p + " " for p in parts))
nested = st.integers(1, 3000 * SCALE).map(
    lambda n: "Blinken said the talks would resume. " + "<div>" * n + "\u201cYes,\u201d he said." + "</div>" * n)
# quotes that run across paragraphs: one record, several spans
multi_paragraph = st.lists(st.lists(st.sampled_from(WORDS), min_size=2, max_size=12).map(" ".join),
                           min_size=2, max_size=6).map(
    lambda paras: "\u201c" + ",\n\n\u201c".join(paras) + ",\u201d Blinken said on Monday.\n")


@pytest.fixture(scope="module")
def child():
    capped = CappedChild()
    yield capped
    capped.close()


def _check(child, text: str) -> dict:
    answer = child.ask({"op": "extract", "text": text})
    if answer["error"]:
        assert "\n" not in answer["error"], answer["error"]
    for record in answer["records"]:
        spans = record["content_spans"]
        assert all(0 <= s <= e <= len(text) for s, e in spans), spans
        assert join_spans(text, spans) == record["content"]
        for name in ("cue", "speaker_mention"):
            start, end = record[f"{name.split('_')[0]}_start"], record[f"{name.split('_')[0]}_end"]
            if record[name] is not None:
                assert text[start:end] == record[name], (name, record)
    return answer


@fuzz_settings()
@given(text=storms)
def test_quote_mark_storms(child, text):
    _check(child, text)


@fuzz_settings()
@given(text=mixed_storms)
def test_quote_marks_mixed_with_words(child, text):
    _check(child, text)


@fuzz_settings()
@given(text=no_punctuation)
def test_long_runs_without_punctuation(child, text):
    _check(child, text)


@fuzz_settings()
@given(text=controlled)
def test_control_characters(child, text):
    _check(child, text)


@fuzz_settings()
@given(text=nested)
def test_markup_like_nesting_in_text(child, text):
    _check(child, text)


@fuzz_settings()
@given(text=multi_paragraph)
def test_multi_span_quotes_slice_the_text(child, text):
    answer = _check(child, text)
    assert answer["error"] is None


@pytest.mark.slow     # the same property at smaller sizes: test_quote_mark_storms
def test_the_issue_inputs_within_the_caps(child):
    """The issue's own inputs at full size: 5,000 lines of one quote mark, with and without a sentence."""
    for text in ('"\n' * 5000, "Blinken said the talks would resume.\n" + '"\n' * 5000):
        answer = _check(child, text)
        assert answer["error"] is None or "budget" in answer["error"], answer["error"]
