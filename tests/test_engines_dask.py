"""Dask engine: a local 2-worker cluster on 127.0.0.1 gives what the single-process ingest gives.

Both the command line (``quotes ingest --engine dask``, its own local
cluster) and a scheduler address (``--scheduler tcp://...``, the way a real
cluster is used) are exercised, with the real pipeline in every worker.
"""
from __future__ import annotations

import distributed
import pytest

from corpus import make_article, write_corpus
from dbcheck import dump, run_quotes
from quotes.engines import run_serial
from quotes.engines.dask_engine import run_dask
from quotes.ingestion import ingest
from quotes.records import Article


def test_dask_ingest_of_a_folder_matches_the_single_process_ingest(tmp_path, pipeline):
    folder = tmp_path / "news"
    write_corpus(folder, 5)
    serial = ingest([folder], db=tmp_path / "serial.db", progress=False)
    assert serial.ok and serial.new == 5 and serial.quotes >= 10

    run = run_quotes("ingest", folder, "--engine", "dask", "--workers", "2", "--db", tmp_path / "dask.db", "-q")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "5 articles (5 new" in run.stdout
    assert dump(tmp_path / "dask.db") == dump(tmp_path / "serial.db")


def test_dask_engine_on_a_running_scheduler(pipeline):
    articles = [Article(text=make_article(seed), source=f"a{seed}") for seed in (40, 41, 42)]
    expected = {r.article.source: r.attributions for r in run_serial(articles)}
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        results = list(run_dask(articles, scheduler=cluster.scheduler_address))
    assert {r.article.source: r.attributions for r in results} == expected
    assert all(r.error is None for r in results)


@pytest.mark.slow     # a local cluster, the pipeline in its worker, and limits waited out
@pytest.mark.parametrize("mode, variable, value, words", [
    ("spin", "QUOTES_ARTICLE_HARD_SECONDS", "40", "time limit of 30 s"),          # stopped from inside
    ("hog", "QUOTES_WORKER_MEMORY_MB", "1100", "memory ceiling of 1,100 MB"),     # stopped from inside
    ("slow", "QUOTES_ARTICLE_HARD_SECONDS", "40", "hard limit of 40 s"),          # the worker ended
])
def test_the_dask_watchdog_fails_one_article_with_its_reason_and_the_batch_goes_on(monkeypatch, mode, variable,
                                                                                   value, words):
    from corpus import HostileText

    monkeypatch.setenv(variable, value)
    monkeypatch.setenv("QUOTES_TORCH_THREADS", "1")
    articles = [Article(text=make_article(seed), source=f"a{seed}") for seed in (50, 51)]
    hostile = Article(text=HostileText(make_article(52), mode), source="hostile")
    results = {r.article.source: r for r in run_dask([articles[0], hostile, articles[1]], workers=1)}
    assert words in results["hostile"].error and variable in results["hostile"].error, results["hostile"].error
    for article in articles:
        assert results[article.source].error is None and results[article.source].attributions
