"""Bounds on the parser's work: long sentences cut, long texts parsed in pieces, a time budget."""
from __future__ import annotations

import pytest

from quotes.nlp.limits import ArticleTooSlow, Deadline, pieces, split_long_sentences
from quotes.nlp.sentences import postprocess, split_spaced_tokens


def test_a_long_sentence_is_cut_after_a_comma_near_the_limit():
    sentence = [f"w{i}" for i in range(25)]
    sentence[16] = ","
    out = split_long_sentences([sentence], limit=20)
    assert [len(s) for s in out] == [17, 8]
    assert out[0][-1] == ","
    assert sum(out, []) == sentence


def test_a_sentence_without_a_break_is_cut_at_the_limit_and_keeps_every_word():
    sentence = ['"'] * 5_000   # the shape of a quote-mark storm
    sentence[:0] = [("don't", True)]
    out = split_long_sentences([sentence], limit=200)
    assert max(len(s) for s in out) <= 200
    assert sum(out, []) == sentence


def test_short_sentences_pass_unchanged():
    sentences = [["He", "said", "so", "."], ["Yes", "."]]
    assert split_long_sentences(sentences, limit=3) == [["He", "said", "so"], ["."], ["Yes", "."]]
    assert postprocess(sentences) == sentences


def test_a_token_holding_a_line_break_is_split():
    # Stanza cannot find 'on "' in 'on\n"' and would fail the whole article
    assert split_spaced_tokens([["We", "go", 'on "', "We"], [("can't", True)]]) == [
        ["We", "go", "on", '"', "We"], [("can't", True)]]


@pytest.mark.parametrize("text", [
    "One paragraph.\n\nAnother one here.\n\n" * 40,
    "a single line of words without any break at all " * 40,
    "x" * 3_000,
    "Short.",
])
def test_pieces_cover_the_text_in_order_and_respect_the_size(text):
    spans = pieces(text, size=1_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < end - start <= 1_000 for start, end in spans)


def test_pieces_are_cut_at_paragraph_breaks_first():
    text = ("A sentence here. " * 20 + "\n\n") * 10
    for start, end in pieces(text, size=1_000)[:-1]:
        assert text[:end].endswith("\n\n")


def test_the_deadline_says_how_far_it_got_and_what_to_set():
    deadline = Deadline(seconds=0.0001)
    deadline.started -= 1
    with pytest.raises(ArticleTooSlow, match=r"budget .*1,000 of 5,000 characters.*QUOTES_ARTICLE_SECONDS"):
        deadline.check(1_000, 5_000)
    Deadline(seconds=None).check(1, 2)   # off: never raises


def test_a_text_parsed_in_pieces_gives_the_same_words_as_in_one_call(pipeline, monkeypatch, fixtures_dir):
    from quotes.attribution.document.parsed import from_stanza
    from quotes.nlp import parse

    text = (fixtures_dir / "blinken-armenia-azerbaijan.txt").read_text(encoding="utf-8")
    text = text + "\n\n" + "“We go on,” the U.S. official said.\n"
    whole = from_stanza(parse(text), text)
    monkeypatch.setenv("QUOTES_MAX_PIECE_CHARS", "1500")
    monkeypatch.setenv("QUOTES_ARTICLE_SECONDS", "0")
    in_pieces = from_stanza(parse(text), text)
    key = lambda w: (w.start, w.end, w.upos, w.head, w.deprel, w.sent)  # noqa: E731
    assert [key(w) for w in in_pieces.words] == [key(w) for w in whole.words]
    assert all(text[w.start:w.end] == w.text for w in in_pieces.words)


def test_a_storm_of_quote_marks_reaches_the_parser_in_short_sentences(pipeline):
    from quotes.nlp import parse

    doc = parse('"\n' * 600)
    assert max(len(s.words) for s in doc.sentences) <= 200
    assert sum(len(s.words) for s in doc.sentences) == 600


def test_dense_text_gets_smaller_pieces_than_prose():
    storm = '"\n' * 5000                         # 10,000 characters, 5,000 tokens
    prose = "The minister said the talks would resume. " * 200   # 8,600 characters, 1,600 tokens
    assert len(pieces(storm, size=20_000)) == 2
    assert pieces(prose, size=20_000) == [(0, len(prose))]
