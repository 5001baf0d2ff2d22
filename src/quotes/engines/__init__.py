"""Where articles are analysed: in this process, in worker processes, or on Dask.

Every engine turns an iterable of ``Article`` into an iterator of
``AnalyzedArticle`` (in any order).  Workers load the Stanza pipeline once
each; the single writer (``quotes.ingestion``) stores results as they arrive.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from quotes.records import Article, Attribution


@dataclass
class AnalyzedArticle:
    article: Article
    attributions: list[Attribution] = field(default_factory=list)
    error: Optional[str] = None          # one-line reason when analysis failed
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds


def analyze(article: Article) -> AnalyzedArticle:
    """Parse and extract one article; never raises (errors become ``error``)."""
    from quotes.attribution import extract_timed
    from quotes.engines.limits import size_problem

    too_large = size_problem(article.text)
    if too_large:  # refused before parsing: see quotes.engines.limits
        return AnalyzedArticle(article, error=too_large)
    started = time.perf_counter()
    try:
        attributions, timings = extract_timed(article.text)
    except Exception as error:  # noqa: BLE001 - one bad article must not stop a batch
        return AnalyzedArticle(article, error=f"{type(error).__name__}: {error}",
                               timings={"total": time.perf_counter() - started})
    return AnalyzedArticle(article, attributions, timings=timings)


def run_serial(articles: Iterable[Article]) -> Iterator[AnalyzedArticle]:
    for article in articles:
        yield analyze(article)


def get_engine(name: str):
    """``serial`` | ``processes`` | ``dask``: a callable(articles, **options) -> iterator."""
    if name == "serial":
        return run_serial
    if name == "processes":
        from quotes.engines.processes import run_processes
        return run_processes
    if name == "dask":
        from quotes.engines.dask_engine import run_dask
        return run_dask
    raise ValueError(f"unknown engine {name!r}: use serial, processes or dask")
