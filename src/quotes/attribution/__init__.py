"""Find quotes and reported claims in English news and attribute them.

``extract(text)`` parses with the process-wide Stanza pipeline and returns
``Attribution`` records; ``find_attributions(doc, text)`` is the pure part,
over an already parsed document.  Boilerplate lines are blanked before
parsing (same length, so offsets hold).
"""
from __future__ import annotations

import time
from typing import Iterable, Iterator

from quotes.attribution.boilerplate import blank_boilerplate
from quotes.attribution.find import find_attributions, find_candidates, resolve_candidates
from quotes.attribution.parsed import from_stanza
from quotes.records import Attribution

__all__ = ["extract", "extract_many", "extract_timed", "find_attributions"]


def extract(text: str) -> list[Attribution]:
    return extract_timed(text)[0]


def extract_timed(text: str) -> tuple[list[Attribution], dict[str, float]]:
    """Attributions and the seconds spent per stage: parse, extract, resolve."""
    from quotes.nlp import parse

    timings: dict[str, float] = {}
    started = time.perf_counter()
    doc = parse(blank_boilerplate(text)) if text.strip() else None
    timings["parse"] = time.perf_counter() - started
    if doc is None:
        return [], {**timings, "extract": 0.0, "resolve": 0.0}
    started = time.perf_counter()
    parsed = from_stanza(doc, text)
    cands, quotes = find_candidates(parsed, text)
    timings["extract"] = time.perf_counter() - started
    started = time.perf_counter()
    records = resolve_candidates(parsed, text, cands, quotes)
    timings["resolve"] = time.perf_counter() - started
    return records, timings


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

    nonempty = [t for t in texts if t.strip()]
    docs = iter(list(parse_many([blank_boilerplate(t) for t in nonempty], batch_size=batch_size)))
    for text in texts:
        yield find_attributions(next(docs), text) if text.strip() else []
