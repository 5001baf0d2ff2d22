"""Dask engine: a local 2-worker cluster on 127.0.0.1 gives what the single-process ingest gives.

Both the command line (``quotes ingest --engine dask``, its own local
cluster) and a scheduler address (``--scheduler tcp://...``, the way a real
cluster is used) are exercised, with the real pipeline in every worker.
"""
from __future__ import annotations

import distributed

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
