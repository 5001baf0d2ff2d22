"""Analyse articles in N worker processes on this machine.

Each worker loads the Stanza pipeline once (pool initializer) and analyses
one article per task.  The parent keeps only a bounded number of articles in
flight, so a corpus of any size streams through in flat memory, and yields
results as soon as they finish (any order) to the single writer.

Workers start with ``forkserver`` (or ``spawn``), never plain ``fork``:
forking a process that already runs torch's thread pools can deadlock.

A worker that dies (out of memory, a segfault in native code) breaks the
pool; the articles that were in flight are then retried one at a time in a
fresh pool, so only the article that kills a worker is reported as failed.
Each worker runs a watchdog (``quotes.engines.watchdog``) that ends it when
one article goes past the hard time limit or the memory ceiling; that
article is then reported with the watchdog's reason.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Optional

from quotes.engines import AnalyzedArticle, analyze
from quotes.engines.limits import check_article
from quotes.engines.threads import limit_threads, threads_per_worker
from quotes.engines.watchdog import hard_seconds, install_in_worker, memory_ceiling_mb
from quotes.records import Article

WORKER_DIED = "worker process died while analysing this article (out of memory or a native crash)"


def start_method() -> str:
    """``QUOTES_START_METHOD`` if set, else forkserver where the OS has it, else spawn."""
    from quotes.settings import start_method as wanted_method

    wanted = wanted_method()
    if wanted:
        return wanted
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


_startup_error: Optional[str] = None   # why this worker could not load the pipeline


def _settings() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name.startswith("QUOTES_")}


def _init_worker(threads: int, parent_pid: int, reasons=None, limits: tuple = (None, None),
                 settings: Optional[dict] = None) -> None:
    # Runs once in each worker before any task: take the parent's settings,
    # cap threads, start the watchdog, then load the pipeline so the first
    # article does not pay for it.  A failure is kept, not raised: a raising
    # initializer kills the worker, which would look like every article
    # crashing it.
    global _startup_error
    # Ctrl+C reaches the whole process group: the parent alone handles it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent(parent_pid)
    if settings is not None:
        # a forkserver's children inherit its environment from when it started, not the parent's now
        for name in [name for name in os.environ if name.startswith("QUOTES_") and name not in settings]:
            del os.environ[name]
        os.environ.update(settings)
    try:
        limit_threads(threads)
        from quotes.nlp.pipeline import get_pipeline
        get_pipeline()
        from quotes.attribution.tagger.loading import bundled_tagger
        bundled_tagger()
    except Exception as error:  # noqa: BLE001 - reported by _startup_problem
        _startup_error = f"{type(error).__name__}: {error}"
    install_in_worker(reasons, *limits)


def _exit_with_parent(parent_pid: int, every: float = 1.0) -> None:
    """End this worker when the ingest that started it is gone (e.g. killed with SIGKILL).

    Otherwise idle workers, each holding a loaded pipeline, outlive a killed
    ingest; with forkserver their parent is the fork server, not the ingest.
    """
    def watch() -> None:
        while True:
            time.sleep(every)
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:
                pass  # the pid exists (as someone else's process)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _startup_problem() -> Optional[str]:
    return _startup_error


def _analyze_task(article: Article) -> tuple:
    # Only the results travel back; the parent still holds the article itself.
    if _startup_error:
        raise RuntimeError(f"worker could not load the pipeline: {_startup_error}")
    result = analyze(article)       # under this worker's watchdog (quotes.nlp.guard)
    return result.attributions, result.error, result.timings


class _Pool:
    """A process pool that can be rebuilt after a worker dies."""

    def __init__(self, workers: int):
        self.workers = workers
        self.threads = threads_per_worker(workers)
        self.executor: Optional[ProcessPoolExecutor] = None
        self.context = multiprocessing.get_context(start_method())
        self.reasons = self.context.SimpleQueue()   # why a watchdog ended a worker
        self.limits = (hard_seconds(), memory_ceiling_mb())   # read here: workers may not see this env

    def submit(self, article: Article) -> Future:
        if self.executor is None:
            self.executor = self._start()
        return self.executor.submit(_analyze_task, article)

    def _start(self) -> ProcessPoolExecutor:
        _check_models_early()       # only once an article needs them: refusals cost no model lookup
        executor = ProcessPoolExecutor(self.workers, mp_context=self.context, initializer=_init_worker,
                                       initargs=(self.threads, os.getpid(), self.reasons, self.limits,
                                                 _settings()))
        try:
            problem = executor.submit(_startup_problem).result()
        except BrokenProcessPool as error:
            problem = f"worker process exited while starting ({error})"
        if problem:
            executor.shutdown(wait=True, cancel_futures=True)
            raise RuntimeError(f"worker processes could not start: {problem}")
        return executor

    def last_reason(self) -> Optional[str]:
        """The latest reason a watchdog gave since the last call (older ones dropped)."""
        reason = None
        while not self.reasons.empty():
            reason = self.reasons.get()
        return reason

    def discard(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def _check_models_early() -> None:
    # A missing model would otherwise surface as every worker dying in its
    # initializer, i.e. as a "worker died" error on every article.
    from quotes.nlp.resolve import resolve_models
    resolve_models()


def run_processes(articles: Iterable[Article], workers: int = 2, scheduler=None,
                  max_in_flight: Optional[int] = None) -> Iterator[AnalyzedArticle]:
    """Analyse ``articles`` in ``workers`` processes; yields results as they finish.

    ``scheduler`` is accepted for a uniform engine signature and ignored.
    ``max_in_flight`` bounds the articles held in memory (default 2 per worker).
    """
    workers = max(1, int(workers))
    max_in_flight = max_in_flight or 2 * workers
    pool = _Pool(workers)
    source = iter(articles)
    retry: deque[Article] = deque()     # in flight when a worker died: rerun one at a time
    in_flight: dict[Future, tuple[Article, float, bool]] = {}
    exhausted = False
    try:
        while True:
            solo = bool(retry) or any(is_solo for _, _, is_solo in in_flight.values())
            while not exhausted and not solo and len(in_flight) < max_in_flight:
                article = next(source, None)
                if article is None:
                    exhausted = True
                    break
                refused = check_article(article)
                if refused:
                    yield refused
                    continue
                in_flight[pool.submit(article)] = (article, time.perf_counter(), False)
            if retry and not in_flight:
                article = retry.popleft()
                in_flight[pool.submit(article)] = (article, time.perf_counter(), True)
            if not in_flight:
                return
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                article, started, was_solo = in_flight.pop(future)
                try:
                    attributions, error, timings = future.result()
                except BrokenProcessPool:
                    broken = True
                    if was_solo:
                        yield AnalyzedArticle(article, error=pool.last_reason() or WORKER_DIED,
                                              timings={"total": time.perf_counter() - started})
                    else:
                        retry.append(article)
                    continue
                except Exception as problem:  # noqa: BLE001 - e.g. an unpicklable result
                    attributions, error, timings = [], f"{type(problem).__name__}: {problem}", {}
                yield AnalyzedArticle(article, attributions, error=error, timings=timings)
            if broken:
                # every other article in flight failed with the pool: retry them alone
                for article, _, _ in in_flight.values():
                    retry.append(article)
                in_flight.clear()
                pool.discard()
                pool.last_reason()      # whichever article tripped it is found again, alone
    finally:
        pool.discard()
