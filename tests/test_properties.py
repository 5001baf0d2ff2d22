"""Property tests: for any text, extraction never raises and every offset slices the text.

Texts are built from news-like pieces (names, speech verbs, every kind of
quote mark, stray punctuation, paragraph breaks) run together in any order,
plus arbitrary Unicode.  Parsing is slow, so example counts stay small; the
real pipeline is used throughout.
"""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.engines import analyze
from quotes.records import Article, join_spans
from quotes.store.opening import open_db
from quotes.store.write import write_article

PIECES = [
    "Blinken", "Antony Blinken", "the ministry", "She", "he", "officials", "Reuters", "U.S.",
    "said", "says", "told", "added", "according to", "warned", "in a statement", "on Twitter",
    "that", "the talks", "would resume", "We", "will", "not", "give up", "Monday", "42", "€",
    "\u201c", "\u201d", "\u2018", "\u2019", "\"", "'", "\u00ab", "\u00bb", "\u201e", "(", ")", "—", "…",
    ",", ".", ":", ";", "?", "!", " ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\r\n", "🙂", "É", "ß",
]
news_like = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
any_text = st.text(max_size=200)
texts = st.one_of(news_like, news_like, any_text)

def slow(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _offset_problems(text: str, spans, content, pairs) -> list[str]:
    problems = []
    for start, end in spans:
        if not (0 <= start <= end <= len(text)):
            problems.append(f"span {start}:{end} outside a text of {len(text)}")
    if not problems and join_spans(text, spans) != content:
        problems.append(f"content {content!r} != spans {spans} -> {join_spans(text, spans)!r}")
    for name, value, start, end in pairs:
        if value is None:
            continue
        if start is None or end is None or text[start:end] != value:
            problems.append(f"{name} {value!r} != text[{start}:{end}] = {text[start:end] if start is not None else None!r}")
    return problems


@slow(40)
@given(text=texts)
def test_extraction_never_raises_and_offsets_slice_the_text(pipeline, text):
    result = analyze(Article(text=text, source="<hypothesis>"))
    assert result.error is None, result.error
    for a in result.attributions:
        assert _offset_problems(text, a.content_spans, a.content, [
            ("cue", a.cue, a.cue_start, a.cue_end),
            ("speaker_mention", a.speaker_mention, a.speaker_start, a.speaker_end),
        ]) == []


@slow(15)
@given(text=news_like)
def test_every_stored_offset_slices_the_stored_article_text(pipeline, text):
    result = analyze(Article(text=text, source="<hypothesis>"))
    assert result.error is None, result.error
    db = open_db(":memory:")
    write_article(db, result.article, result.attributions, extractor_version="property-test")
    [article] = list(db.query("select id, text from articles"))
    rows = list(db.query("select * from quotes where article_id = ?", [article["id"]]))
    assert len(rows) == len(result.attributions)
    for row in rows:
        spans = json.loads(row["content_spans"])
        assert _offset_problems(article["text"], spans, row["content"], [
            ("cue", row["cue"], row["cue_start"], row["cue_end"]),
            ("speaker_mention", row["speaker_mention"], row["speaker_start"], row["speaker_end"]),
        ]) == []
        if spans:
            assert row["content_start"] == min(s for s, _ in spans)
            assert row["content_end"] == max(e for _, e in spans)
