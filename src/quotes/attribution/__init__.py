"""Find quotes and reported claims in English news and attribute them.

``extract(text)`` prepares the text (``quotes.text.prepare``: size check,
boilerplate blanked, same length so offsets hold), parses it with the
process-wide Stanza pipeline and runs the stages of ``pipeline.py`` over it,
returning ``Attribution`` records; ``find_attributions(doc, text)`` runs the
stages over an already parsed page.

Layout: ``document/`` (the parse as plain words, quote marks), ``rules/``,
``tagger/`` (features, model, decoding, loading), ``speakers/``, then
``combine``, ``channels`` and ``confidence``; ``common/`` holds the word lists
and helpers they share.  docs/architecture.md draws it.
"""
from __future__ import annotations

import time
from typing import Iterable, Iterator

from quotes.attribution.pipeline import FINDING, RESOLVING, STAGE_NAMES, run
from quotes.records import Attribution
from quotes.text.prepare import prepare

__all__ = ["extract", "extract_many", "extract_timed", "find_attributions", "STAGE_NAMES"]


def extract(text: str) -> list[Attribution]:
    return extract_timed(text)[0]


def extract_timed(text: str) -> tuple[list[Attribution], dict[str, float]]:
    """Attributions and the seconds spent: parse (preparation included), then
    the stages summed as extract (finding candidates) and resolve (records).

    Bounded (``quotes.nlp.limits``, ``quotes.nlp.guard``): ``TooLarge`` before
    any parsing for a text over the size limits, ``ArticleTooSlow`` past the
    time budget (checked between parser pieces and after each stage), and
    ``ArticleLimit`` when the watchdog stops the article past its time limit
    or the memory ceiling; each is a one-line reason.
    """
    from quotes.nlp import parse
    from quotes.nlp.guard import guarded
    from quotes.nlp.limits import Deadline

    timings: dict[str, float] = {}
    started = time.perf_counter()
    prepared = prepare(text)
    if not text.strip():
        return [], {"parse": time.perf_counter() - started, "extract": 0.0, "resolve": 0.0}
    _load_models()       # loading is not the article's work: its budget starts after
    with guarded():
        deadline = Deadline()
        doc = parse(prepared.page, deadline)
        timings["parse"] = time.perf_counter() - started
        stages: dict[str, float] = {}
        work = run(prepared, doc, timings=stages, deadline=deadline)
    timings["extract"] = sum(stages.get(name, 0.0) for name in FINDING)
    timings["resolve"] = sum(stages.get(name, 0.0) for name in RESOLVING)
    return work.records, timings


def _load_models() -> None:
    from quotes.attribution.tagger.loading import bundled_tagger
    from quotes.nlp.pipeline import get_pipeline

    get_pipeline()
    bundled_tagger()


def find_attributions(doc, text: str) -> list[Attribution]:
    """All attributions in a parsed article: ``doc`` is the ``stanza.Document``
    of ``prepare(text).page``."""
    return run(prepare(text), doc).records


def extract_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[list[Attribution]]:
    """Attributions for each text, in order, parsing in bulk (Stanza batches).

    The stages of each text run within its time budget and under the
    watchdog, as ``extract`` does; a batch's parse is one Stanza call, under
    no per-article limit (a text longer than one parser piece is parsed
    alone, within its budget).  For hostile input use ``extract`` or
    ``quotes.ingest``, which bound every article.
    """
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from _extract_batch(batch, batch_size)
            batch = []
    if batch:
        yield from _extract_batch(batch, batch_size)


def _extract_batch(texts: list[str], batch_size: int) -> Iterator[list[Attribution]]:
    from quotes.nlp import parse_many

    prepared = [prepare(t) for t in texts]
    nonempty = [p for p in prepared if p.text.strip()]
    from quotes.nlp.guard import guarded
    from quotes.nlp.limits import Deadline

    docs = iter(list(parse_many([p.page for p in nonempty], batch_size=batch_size)))
    for p in prepared:
        if not p.text.strip():
            yield []
            continue
        with guarded():
            records = run(p, next(docs), deadline=Deadline()).records
        yield records
