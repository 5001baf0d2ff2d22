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
    """Parse and extract one article under this process's watchdog (``quotes.nlp.guard``);
    never raises (errors, limits included, become a one-line ``error``)."""
    from quotes.attribution import extract_timed
    from quotes.attribution.authors import first_person_author
    from quotes.engines.limits import size_problem
    from quotes.nlp.guard import guarded

    started = time.perf_counter()
    try:
        with guarded():
            too_large = size_problem(article.text)
            if too_large:  # refused before parsing: see quotes.engines.limits
                return AnalyzedArticle(article, error=too_large)
            attributions, timings = extract_timed(article.text)
            attributions = first_person_author(attributions, article.author)
    except Exception as error:  # noqa: BLE001 - one bad article must not stop a batch
        message = " ".join(str(error).split())
        return AnalyzedArticle(article, error=f"{type(error).__name__}: {message}",
                               timings={"total": time.perf_counter() - started})
    return AnalyzedArticle(article, attributions, timings=timings)


def run_serial(articles: Iterable[Article]) -> Iterator[AnalyzedArticle]:
    """One article after another in this process, each under the in-process watchdog."""
    for article in articles:
        yield analyze(article)


def run_watched(articles: Iterable[Article], max_in_flight: int = 2, **_options) -> Iterator[AnalyzedArticle]:
    """One article after another in one worker process, whose watchdog may end it.

    What ``quotes ingest`` (engine ``serial``) and ``quotes extract`` use: the
    hard time limit and the memory ceiling then hold even for an operation
    that never returns to Python, and this process stays small.  With
    ``max_in_flight=1`` results come back in the order given.
    """
    from quotes.engines.processes import run_processes
    return run_processes(articles, workers=1, max_in_flight=max_in_flight)


def get_engine(name: str):
    """``serial`` | ``processes`` | ``dask``: a callable(articles, **options) -> iterator.

    ``serial`` is one watched worker process (``run_watched``); ``run_serial``
    (this process) is for the Python API and tests.
    """
    if name == "serial":
        return run_watched
    if name == "processes":
        from quotes.engines.processes import run_processes
        return run_processes
    if name == "dask":
        from quotes.engines.dask_engine import run_dask
        return run_dask
    raise ValueError(f"unknown engine {name!r}: use serial, processes or dask")
