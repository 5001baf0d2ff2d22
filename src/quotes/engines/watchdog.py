"""The watchdog in a worker process: one article may not take more than its share.

Every process that analyses an article runs it under ``quotes.nlp.guard``
(time limit and memory ceiling, the article stopped from inside with a
one-line reason).  A worker may also be ended: past the hard time limit (an
operation that never came back to Python), or over the memory ceiling, the
watchdog writes the reason to the parent and ends the worker at once.  The
pool then retries the articles that were in flight one at a time, so only
the article that trips it again fails, with that reason; the batch goes on
in a fresh worker.
"""
from __future__ import annotations

import os

from quotes.nlp.guard import (EXIT_CODE, MEMORY_CEILING_MB, Watchdog, hard_seconds, install,  # noqa: F401
                              memory_ceiling_mb, resident_mb)


def install_in_worker(reasons, seconds=None, memory_mb=None, kill_on_memory: bool = True) -> Watchdog:
    """This worker's watchdog: ``reasons`` (a queue, or a callable, or None) hears why the worker
    ended itself."""
    def kill(reason: str) -> None:
        try:
            if callable(reasons):
                reasons(reason)
            elif reasons is not None:
                reasons.put(reason)
        finally:
            os._exit(EXIT_CODE)

    return install(seconds=seconds, memory_mb=memory_mb, kill=kill, whole_process=True,
                   kill_on_memory=kill_on_memory)
