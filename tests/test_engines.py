"""The worker-process engine: same records as the serial engine, bounded memory, crash isolation.

Real Stanza pipeline in every worker; nothing here mocks the parser.
"""
from __future__ import annotations

import os

import pytest

from corpus import make_article
from quotes.engines import run_serial
from quotes.engines.processes import WORKER_DIED, run_processes
from quotes.engines.threads import threads_per_worker
from quotes.records import Article


def _articles(count: int, start: int = 0) -> list[Article]:
    return [Article(text=make_article(seed), source=f"article-{seed}") for seed in range(start, start + count)]


def _records(results) -> dict[str, list[dict]]:
    return {r.article.source: [a.to_dict() for a in r.attributions] for r in results}


class _KillsWorker(Article):
    """Unpickling this in a worker ends that process at once, as an OOM kill would."""

    def __reduce__(self):
        return os._exit, (9,)


@pytest.fixture(scope="module")
def serial_records(pipeline):
    return _records(run_serial(_articles(4)))


def test_two_workers_give_the_same_records_as_serial(serial_records):
    results = list(run_processes(_articles(4), workers=2))
    assert [r.error for r in results] == [None] * 4
    assert sum(len(v) for v in serial_records.values()) >= 8, "the corpus should yield quotes"
    assert _records(results) == serial_records


@pytest.mark.slow
def test_results_stream_with_bounded_work_in_flight():
    pulled = 0

    def source():
        nonlocal pulled
        for article in _articles(10, start=100):
            pulled += 1
            yield article

    in_flight_when_yielded = []
    for _ in run_processes(source(), workers=2, max_in_flight=3):
        in_flight_when_yielded.append(pulled)
    assert len(in_flight_when_yielded) == 10
    # results arrive while the corpus is still being read, never more than 3 articles ahead
    assert all(pulled_then - done <= 3 for done, pulled_then in enumerate(in_flight_when_yielded))


@pytest.mark.slow
def test_a_worker_that_dies_fails_only_its_own_article():
    articles = _articles(3, start=200)
    killer = _KillsWorker(text="never analysed", source="killer")
    results = {r.article.source: r for r in run_processes([articles[0], killer, *articles[1:]], workers=2)}
    assert set(results) == {"killer", *(a.source for a in articles)}
    assert results["killer"].error == WORKER_DIED
    for article in articles:
        assert results[article.source].error is None
        assert results[article.source].attributions


def test_too_large_articles_are_refused_with_a_reason(monkeypatch):
    # refused in the parent: the text is never shipped to (or parsed by) a worker
    monkeypatch.setenv("QUOTES_MAX_CHARS", "500")
    large = Article(text=make_article(1) * 3, source="large")
    [result] = run_processes([large], workers=1)
    assert result.error.startswith("too large to analyse: ")
    assert "limit 500" in result.error and "QUOTES_MAX_CHARS" in result.error


def test_workers_share_the_cores(monkeypatch):
    monkeypatch.delenv("QUOTES_TORCH_THREADS", raising=False)
    cores = len(os.sched_getaffinity(0))
    assert threads_per_worker(1) == cores
    assert threads_per_worker(2) == max(1, cores // 2)
    assert threads_per_worker(cores * 4) == 1
    monkeypatch.setenv("QUOTES_TORCH_THREADS", "3")
    assert threads_per_worker(2) == 3


@pytest.mark.slow
@pytest.mark.parametrize("mode, variable, value, words", [
    # the limit leaves room for a fair article on a loaded 2-core machine (18 s seen)
    ("slow", "QUOTES_ARTICLE_HARD_SECONDS", "40", "hard limit of 40 s"),
    # a Python loop is stopped from inside at three quarters of the hard limit; the worker lives on
    ("spin", "QUOTES_ARTICLE_HARD_SECONDS", "40", "time limit of 30 s"),
    ("hog", "QUOTES_WORKER_MEMORY_MB", "1100", "memory ceiling of 1,100 MB"),
])
def test_the_watchdog_fails_one_article_with_its_reason_and_the_batch_goes_on(monkeypatch, mode, variable, value, words):
    from corpus import HostileText

    monkeypatch.setenv(variable, value)
    articles = _articles(2, start=300)
    hostile = Article(text=HostileText(make_article(5), mode), source="hostile")
    results = {r.article.source: r for r in run_processes([articles[0], hostile, articles[1]], workers=1)}
    assert words in results["hostile"].error and variable in results["hostile"].error
    for article in articles:
        assert results[article.source].error is None and results[article.source].attributions
