"""Analyse articles on Dask distributed: a local cluster, or a real one.

With ``scheduler="tcp://HOST:PORT"`` this connects to a running cluster;
otherwise it starts a ``LocalCluster`` of ``workers`` single-threaded worker
processes on 127.0.0.1.  Each Dask worker loads the Stanza pipeline once,
when it joins (``PipelinePlugin``), and keeps it for the life of the worker.
Only analysis runs on the cluster: results stream back (``as_completed``)
to the one writer in this process, which commits them per article.

Running on a real cluster (every machine needs ``pip install quotes`` of
the same version, and the same models)::

    dask-scheduler --host 0.0.0.0 --port 8786               # on one machine
    QUOTES_TORCH_THREADS=1 dask-worker tcp://HOST:8786 \
        --nworkers 4 --nthreads 1                           # on each machine, one process per core
    quotes ingest corpus/ --engine dask --scheduler tcp://HOST:8786 --db db/quotes.db

Use ``--nthreads 1``: a worker holds one pipeline, and tasks on one worker
take turns with it.  Articles travel to the workers through the scheduler,
so the files only need to be readable where ``quotes ingest`` runs.

Each worker runs the article watchdog (``quotes.nlp.guard``), with the same
limits as the other engines, read where ``quotes ingest`` runs: an article
past the time limit or the memory ceiling is stopped from inside and fails
with one line, the worker goes on.  Only an operation that never comes back
to Python past the hard limit ends the worker; it first logs the reason
(event ``quotes-watchdog``) so the client can report it.  A local cluster
does not retry such an article (``allowed-failures`` 0); another article that
was on the ended worker is sent once more.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Iterable, Iterator, Optional

from quotes.engines import AnalyzedArticle, analyze
from quotes.engines.limits import check_article
from quotes.engines.threads import limit_threads, threads_per_worker, usable_cores
from quotes.records import Article

PLUGIN_NAME = "quotes-pipeline"
WATCHDOG_TOPIC = "quotes-watchdog"

# One pipeline per worker process; a worker with several task threads must
# not run it from two threads at once.
_pipeline_lock = threading.Lock()

try:
    from distributed import WorkerPlugin as _WorkerPluginBase
except ImportError:  # dask is a dependency, but keep the module importable without it
    _WorkerPluginBase = object


class PipelinePlugin(_WorkerPluginBase):
    """Caps the worker's torch threads and loads the pipeline once, when the worker starts."""

    def __init__(self, threads: Optional[int] = None, limits: tuple = (None, None)):
        self.threads = threads
        self.limits = limits

    def setup(self, worker):
        threads = self.threads or max(1, usable_cores() // max(1, worker.state.nthreads))
        limit_threads(threads)
        from quotes.engines.watchdog import install_in_worker

        def tell(reason: str) -> None:
            worker.log_event(WATCHDOG_TOPIC, {"key": _current_key, "reason": reason})
            time.sleep(1.0)     # the event goes out on the worker's batched stream before the exit

        install_in_worker(tell, *self.limits, kill_on_memory=False)
        from quotes.nlp.pipeline import get_pipeline
        get_pipeline()


_current_key: Optional[str] = None      # the task this worker is analysing


def analyze_on_worker(article: Article) -> tuple:
    """The task run on a Dask worker; returns only results (the client keeps the article)."""
    global _current_key
    from distributed import get_worker

    with _pipeline_lock:
        _current_key = get_worker().get_current_task()
        try:
            result = analyze(article)       # under the worker's watchdog
        finally:
            _current_key = None
    return result.attributions, result.error, result.timings


def _connect(workers: int, scheduler: Optional[str]):
    """A ``(client, cluster)`` pair; ``cluster`` is None when connecting to a scheduler."""
    from distributed import Client, LocalCluster

    import dask

    if scheduler:
        return Client(scheduler), None
    # an article that ended its worker is not tried again on the next one (see _stream)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _register_plugin(client, threads: Optional[int]) -> None:
    from quotes.engines.watchdog import hard_seconds, memory_ceiling_mb

    plugin = PipelinePlugin(threads, (hard_seconds(), memory_ceiling_mb()))
    if hasattr(client, "register_plugin"):
        client.register_plugin(plugin, name=PLUGIN_NAME)
    else:  # distributed < 2023.9
        client.register_worker_plugin(plugin, name=PLUGIN_NAME)


def _close(client, cluster) -> None:
    if cluster is None:
        client.close()
        return
    # a local cluster going down logs heartbeats to a scheduler already closed: noise, not news
    quiet = logging.getLogger("distributed")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        client.close()
        cluster.close()
    finally:
        quiet.setLevel(level)


def run_dask(articles: Iterable[Article], workers: int = 2, scheduler: Optional[str] = None,
             max_in_flight: Optional[int] = None) -> Iterator[AnalyzedArticle]:
    """Analyse ``articles`` on Dask; yields results as they finish (any order).

    ``workers`` sizes the local cluster (ignored with ``scheduler``).
    ``max_in_flight`` bounds the articles sent out and not yet back
    (default: 2 per worker thread in the cluster).
    """
    from distributed import as_completed

    workers = max(1, int(workers))
    client, cluster = _connect(workers, scheduler)
    try:
        # a local cluster shares this machine's cores; a remote worker decides for itself
        _register_plugin(client, None if scheduler else threads_per_worker(workers))
        cluster_threads = sum(client.nthreads().values()) or workers
        yield from _stream(client, iter(articles), max_in_flight or 2 * cluster_threads, as_completed)
    finally:
        _close(client, cluster)


def _reason(problem: Exception) -> str:
    if type(problem).__name__ == "KilledWorker":
        # Dask retried the article on fresh workers and each of them died
        return "every Dask worker that tried this article died (out of memory or a native crash)"
    return f"{type(problem).__name__}: {problem}"


def _watchdog_reasons(client) -> dict[str, str]:
    """task key -> why a worker's watchdog ended it, from the workers' events."""
    try:
        events = client.get_events(WATCHDOG_TOPIC)
    except Exception:  # noqa: BLE001 - no events is no reasons
        return {}
    return {event["key"]: event["reason"] for _, event in events if isinstance(event, dict) and event.get("key")}


def _stream(client, source: Iterator[Article], max_in_flight: int, as_completed) -> Iterator[AnalyzedArticle]:
    sent: dict[str, tuple[Article, float]] = {}
    sent_again: set[str] = set()        # sources sent once more after their worker was ended
    finished = as_completed()

    def submit(article: Article) -> None:
        future = client.submit(analyze_on_worker, article, pure=False)
        sent[future.key] = (article, time.perf_counter())
        finished.add(future)

    def send_more() -> Iterator[AnalyzedArticle]:
        while len(sent) < max_in_flight:
            article = next(source, None)
            if article is None:
                return
            refused = check_article(article)
            if refused:
                yield refused
                continue
            submit(article)

    yield from send_more()
    for future in finished:
        article, started = sent.pop(future.key)
        try:
            attributions, error, timings = future.result()
        except Exception as problem:  # noqa: BLE001 - one failed task must not stop the batch
            attributions, timings = [], {"total": time.perf_counter() - started}
            error = _reason(problem)
            if type(problem).__name__ == "KilledWorker":
                reason = _watchdog_reasons(client).get(future.key)
                if reason is None and article.source not in sent_again:
                    # on a worker that another article's watchdog ended: its own turn again
                    sent_again.add(article.source)
                    future.release()
                    submit(article)
                    continue
                error = reason or error
        future.release()
        yield AnalyzedArticle(article, attributions, error=error, timings=timings)
        yield from send_more()
