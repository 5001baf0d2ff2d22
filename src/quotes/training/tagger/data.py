"""Training examples for the tagger from PolNeAR train: one per paragraph,
the features inference computes (``attribution.tagger.features``) and a BIO
label per word from the gold spans (cue over source over content where
attributions nest)."""
from __future__ import annotations

from collections import Counter

from quotes.attribution.document.parsed import ParsedText, from_stanza, paragraphs
from quotes.attribution.document.quote_marks import find_quotes
from quotes.attribution.tagger.features import MAX_CHARS, UPOS, token_features, words_starting_in
from quotes.attribution.tagger.model import Vocab


PRIORITY = (("cue", "CUE"), ("source", "SRC"), ("content", "CON"))


def gold_labels(parsed: ParsedText, seq: list[int], golds) -> list[str]:
    """BIO label of each word: the role of the span holding its first character."""
    owner: dict[int, tuple[str, int]] = {}
    span_id = 0
    for role, tag in reversed(PRIORITY):         # higher priority written last, wins
        for gold in golds:
            for s, e in getattr(gold, role):
                span_id += 1
                for c in range(s, e):
                    owner[c] = (tag, span_id)
    labels = []
    prev = None
    for i in seq:
        w = parsed.words[i]
        own = owner.get(w.start) or owner.get(w.end - 1)
        if own is None:
            labels.append("O")
            prev = None
            continue
        labels.append(("I-" if prev == own else "B-") + own[0])
        prev = own
    return labels


def article_examples(parsed: ParsedText, golds):
    quoted = words_starting_in(parsed, [(q.start, q.end) for q in find_quotes(parsed.text)])
    for seq in paragraphs(parsed):
        strings, flags = token_features(parsed, seq, quoted)
        yield strings, flags, gold_labels(parsed, seq, golds)


def build_data(articles, docs):
    data = []
    for article, doc in zip(articles, docs):
        parsed = from_stanza(doc, article.text)
        data.extend(article_examples(parsed, article.attributions))
    return data


def make_vocabs(data, min_count: int = 2) -> dict[str, Vocab]:
    counts = {k: Counter() for k in ("words", "suffix", "shape", "chars")}
    for strings, *_ in data:
        for word, suf, shp, _upos, text in strings:
            counts["words"][word] += 1
            counts["suffix"][suf] += 1
            counts["shape"][shp] += 1
            counts["chars"].update(text[:MAX_CHARS])
    vocabs = {k: Vocab(sorted(x for x, c in cnt.items() if c >= min_count)) for k, cnt in counts.items()}
    vocabs["upos"] = Vocab(list(UPOS[1:]))
    return vocabs


def in_fold(index: int, fold: tuple[int, int]) -> bool:
    """Whether the train article at ``index`` is held out by ``fold`` = (k, n):
    every n-th article from the k-th (``--fold k --folds n``)."""
    k, n = fold
    return index % n == k


def load_examples(polnear: str, limit=None, every_annotator: bool = False,
                  hold_out: tuple[int, int] | None = None) -> tuple[list, list]:
    """(articles, examples) of PolNeAR train, parses cached (``quotes.polnear``),
    the text prepared as for extraction (``quotes.text.prepare``); ``hold_out``
    = (k, n) leaves out fold k of n (``in_fold``)."""
    from quotes.polnear import cached_parses, load_split
    from quotes.text import prepare

    articles = load_split(polnear, "train", limit=limit, every_annotator=every_annotator)
    if hold_out is not None:
        articles = [a for i, a in enumerate(articles) if not in_fold(i, hold_out)]
    docs = cached_parses([prepare(a.text).page for a in articles])
    return articles, build_data(articles, docs)
