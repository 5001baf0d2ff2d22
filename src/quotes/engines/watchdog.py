"""A watchdog inside each worker process: one article may not take more than its share.

The parser keeps its own time budget (``quotes.nlp.limits``), but a stage
that does not check it, or memory that grows faster than expected, would
still hold or sink a worker.  A thread in the worker looks every 0.2 s at
the article being analysed: past ``hard_seconds()`` or with the process over
``memory_ceiling_mb()`` of resident memory, it writes the reason to the
parent and ends the worker at once.  The pool then retries the articles that
were in flight one at a time, so only the article that trips it again fails,
with that reason; the batch goes on in a fresh worker.
"""
from __future__ import annotations

import os
import threading
import time
from typing import Optional

MEMORY_CEILING_MB = 1500
EXIT_CODE = 75


def hard_seconds() -> float:
    """Twice the parser's budget per article (so the parser's own, clearer, message comes first)."""
    value = os.environ.get("QUOTES_ARTICLE_HARD_SECONDS")
    if value:
        return float(value)
    from quotes.nlp.limits import article_seconds
    budget = article_seconds()
    return 2 * budget if budget else 0.0


def memory_ceiling_mb() -> int:
    return int(os.environ.get("QUOTES_WORKER_MEMORY_MB") or MEMORY_CEILING_MB)


def resident_mb() -> float:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import psutil
        return psutil.Process().memory_info().rss / 2**20


class Watchdog:
    """``begin()`` and ``end()`` around each article; ``reasons`` is a queue to the parent."""

    def __init__(self, reasons, seconds: Optional[float] = None, memory_mb: Optional[int] = None,
                 every: float = 0.2):
        self.reasons = reasons
        self.seconds = hard_seconds() if seconds is None else seconds
        self.memory_mb = memory_ceiling_mb() if memory_mb is None else memory_mb
        self.every = every
        self.started: Optional[float] = None
        threading.Thread(target=self._watch, name="article-watchdog", daemon=True).start()

    def begin(self) -> None:
        self.started = time.monotonic()

    def end(self) -> None:
        self.started = None

    def _watch(self) -> None:
        while True:
            time.sleep(self.every)
            started = self.started
            if started is None:
                continue
            reason = self.problem(time.monotonic() - started, resident_mb())
            if reason:
                try:
                    self.reasons.put(reason)
                finally:
                    os._exit(EXIT_CODE)

    def problem(self, seconds: float, memory_mb: float) -> Optional[str]:
        if self.seconds and seconds > self.seconds:
            return (f"stopped after {seconds:.0f} s, past the hard limit of {self.seconds:g} s per article "
                    "(QUOTES_ARTICLE_HARD_SECONDS); the worker was restarted")
        if self.memory_mb and memory_mb > self.memory_mb:
            return (f"stopped at {memory_mb:,.0f} MB, past the memory ceiling of {self.memory_mb:,} MB per worker "
                    "(QUOTES_WORKER_MEMORY_MB); the worker was restarted")
        return None
