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
    the stages summed as extract (finding candidates) and resolve (records)."""
    from quotes.nlp import parse

    timings: dict[str, float] = {}
    started = time.perf_counter()
    prepared = prepare(text)
    doc = parse(prepared.page) if text.strip() else None
    timings["parse"] = time.perf_counter() - started
    if doc is None:
        return [], {**timings, "extract": 0.0, "resolve": 0.0}
    stages: dict[str, float] = {}
    work = run(prepared, doc, timings=stages)
    timings["extract"] = sum(stages.get(name, 0.0) for name in FINDING)
    timings["resolve"] = sum(stages.get(name, 0.0) for name in RESOLVING)
    return work.records, timings


def find_attributions(doc, text: str) -> list[Attribution]:
    """All attributions in a parsed article: ``doc`` is the ``stanza.Document``
    of ``prepare(text).page``."""
    return run(prepare(text), doc).records


def extract_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[list[Attribution]]:
    """Attributions for each text, in order, parsing in bulk (Stanza batches)."""
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
    docs = iter(list(parse_many([p.page for p in nonempty], batch_size=batch_size)))
    for p in prepared:
        yield run(p, next(docs)).records if p.text.strip() else []
