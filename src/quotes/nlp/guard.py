"""The per-article time limit and memory ceiling, in whatever process analyses the article.

The parser and the attribution stages check the article's time budget
themselves (``quotes.nlp.limits.Deadline``: between parser pieces, between
stages), but a loop that does not check it, or memory that grows inside one
stage, would still hold the process.  So a watchdog thread looks every 0.2 s
at the article in flight:

* past ``stop_seconds()`` (three quarters of the hard limit), or with the
  process over ``memory_ceiling_mb()`` of resident memory, it raises
  ``ArticleStopped`` in the thread analysing the article (an asynchronous
  exception: it lands at the next Python instruction, i.e. between two torch
  operations, never inside one).  ``ArticleStopped`` derives from
  ``BaseException`` so that no ``except Exception`` on the way can swallow it;
  ``guarded`` turns it into ``ArticleLimit``, an ordinary error with a one-line
  reason, and the process goes on with the next article;
* in a worker process that may be ended (``install(kill=...)``), past
  ``hard_seconds()`` -- one operation that never came back to Python -- or
  over the memory ceiling, it hands the reason to the parent and ends the
  process at once; the engine reports the article with that reason and goes
  on in a fresh worker (``quotes.engines.processes``).

In a process that only asks for a few articles (the Python API), memory counts
against the ceiling only when it grew by more than ``GROWTH_MB`` during the
article: the ceiling is then over what the article added, not over whatever
the caller's process already held.
"""
from __future__ import annotations

import ctypes
import gc
import os
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator, Optional

MEMORY_CEILING_MB = 1500
GROWTH_MB = 200
EXIT_CODE = 75


class ArticleStopped(BaseException):
    """Raised inside the analysing thread by the watchdog; see ``ArticleLimit``."""


class ArticleLimit(RuntimeError):
    """One article went past its time limit or the memory ceiling (one-line reason)."""


def hard_seconds() -> float:
    """``QUOTES_ARTICLE_HARD_SECONDS``, else twice the parser's budget (0: off)."""
    value = os.environ.get("QUOTES_ARTICLE_HARD_SECONDS")
    if value:
        return float(value)
    from quotes.nlp.limits import article_seconds
    budget = article_seconds()
    return 2 * budget if budget else 0.0


def stop_seconds() -> float:
    """When the watchdog stops an article from inside: three quarters of the hard limit."""
    return 0.75 * hard_seconds()


def memory_ceiling_mb() -> int:
    """``QUOTES_WORKER_MEMORY_MB``, else 1,500 (0: off)."""
    return int(os.environ.get("QUOTES_WORKER_MEMORY_MB") or MEMORY_CEILING_MB)


def resident_mb() -> float:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import psutil
        return psutil.Process().memory_info().rss / 2**20


def _raise_in(thread_id: int, exception: Optional[type]) -> None:
    # CPython's documented hook for asynchronous exceptions; None clears one still pending
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exception) if exception else None)


def _give_back_memory() -> None:
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass    # not glibc: the allocator keeps its pages, the ceiling still holds


class Watchdog:
    """``begin()`` and ``end()`` around each article, in the thread that analyses it.

    ``kill`` is called with the reason when the process itself must end (a
    worker's; None in a process that may not be ended).  ``whole_process``:
    the ceiling counts the whole resident memory (a worker holds nothing
    else), not only what the article added.  ``kill_on_memory=False``: over
    the ceiling the article is stopped from inside, the process is ended only
    past the hard time limit (a Dask worker: ending it makes Dask retry the
    article elsewhere).
    """

    def __init__(self, seconds: Optional[float] = None, memory_mb: Optional[int] = None,
                 kill: Optional[Callable[[str], None]] = None, whole_process: bool = False,
                 kill_on_memory: bool = True, every: float = 0.2):
        self.hard = hard_seconds() if seconds is None else seconds
        self.stop = 0.75 * self.hard
        self.memory_mb = memory_ceiling_mb() if memory_mb is None else memory_mb
        self.kill = kill
        self.whole_process = whole_process
        self.kill_on_memory = kill_on_memory
        self.every = every
        self.lock = threading.Lock()
        self.started: Optional[float] = None
        self.thread_id = 0
        self.memory_at_start = 0.0
        self.stopped_at: Optional[float] = None     # when ArticleStopped was sent for this article
        self.reason: Optional[str] = None
        threading.Thread(target=self._watch, name="article-watchdog", daemon=True).start()

    def begin(self) -> None:
        with self.lock:
            self.thread_id = threading.get_ident()
            self.memory_at_start = resident_mb()
            self.stopped_at, self.reason = None, None
            self.started = time.monotonic()

    def end(self) -> None:
        with self.lock:
            if self.started is not None and self.stopped_at is not None:
                _raise_in(self.thread_id, None)       # sent, maybe not landed yet: withdraw it
            self.started = None
        if self.stopped_at is not None:
            _give_back_memory()

    def _watch(self) -> None:
        while True:
            time.sleep(self.every)
            with self.lock:
                if self.started is None:
                    continue
                seconds, memory = time.monotonic() - self.started, resident_mb()
                fatal = self.fatal(seconds, memory)
                if fatal and self.kill is not None:
                    self.kill(fatal)
                    continue
                if self.stopped_at is None:
                    reason = self.problem(seconds, memory)
                    if reason:
                        self.reason, self.stopped_at = reason, time.monotonic()
                        _raise_in(self.thread_id, ArticleStopped)

    def over_ceiling(self, memory_mb: float) -> bool:
        if not self.memory_mb or memory_mb <= self.memory_mb:
            return False
        return self.whole_process or memory_mb - self.memory_at_start > GROWTH_MB

    def problem(self, seconds: float, memory_mb: float) -> Optional[str]:
        """Why the article is stopped from inside, or None."""
        if self.stop and seconds > self.stop:
            return (f"stopped after {seconds:.0f} s, past the time limit of {self.stop:g} s per article "
                    f"(QUOTES_ARTICLE_HARD_SECONDS={self.hard:g} sets it)")
        if self.over_ceiling(memory_mb):
            return (f"stopped at {memory_mb:,.0f} MB, past the memory ceiling of {self.memory_mb:,} MB "
                    "(QUOTES_WORKER_MEMORY_MB)")
        return None

    def fatal(self, seconds: float, memory_mb: float) -> Optional[str]:
        """Why the process must end (past the hard limit, or over the ceiling in a worker), or None."""
        if self.hard and seconds > self.hard:
            return (f"stopped after {seconds:.0f} s, past the hard limit of {self.hard:g} s per article "
                    "(QUOTES_ARTICLE_HARD_SECONDS); the worker was restarted")
        if self.whole_process and self.kill_on_memory and self.over_ceiling(memory_mb):
            return (f"stopped at {memory_mb:,.0f} MB, past the memory ceiling of {self.memory_mb:,} MB per worker "
                    "(QUOTES_WORKER_MEMORY_MB); the worker was restarted")
        return None


_watchdog: Optional[Watchdog] = None
_install_lock = threading.Lock()


def install(**options) -> Watchdog:
    """This process's watchdog (a worker calls this once, with ``kill`` and ``whole_process``)."""
    global _watchdog
    with _install_lock:
        _watchdog = Watchdog(**options)
        return _watchdog


def current() -> Watchdog:
    """This process's watchdog, started on first use with the defaults (no ``kill``)."""
    global _watchdog
    with _install_lock:
        if _watchdog is None:
            _watchdog = Watchdog()
        return _watchdog


_guarding = threading.local()
_one_article = threading.Lock()     # the watchdog follows one article at a time


@contextmanager
def guarded() -> Iterator[None]:
    """Run one article under this process's watchdog; ``ArticleStopped`` leaves as ``ArticleLimit``.

    Re-entrant (an article analysed inside another's guard is the same
    article); one thread at a time (a worker analyses one article at once).
    """
    if getattr(_guarding, "active", False):
        yield
        return
    watchdog = current()
    _one_article.acquire()
    _guarding.active = True
    try:
        try:
            watchdog.begin()
            try:
                yield
            finally:
                watchdog.end()
        except ArticleStopped:
            watchdog.end()      # in case it landed inside end() itself
            raise ArticleLimit(watchdog.reason or "stopped by the article watchdog") from None
    finally:
        _guarding.active = False
        _one_article.release()
