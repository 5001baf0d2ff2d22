"""Peak resident memory of a process and all its children, sampled while it runs."""
from __future__ import annotations

import threading

import psutil


def tree_rss(process: psutil.Process) -> int:
    """Bytes resident in ``process`` and its descendants right now."""
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass   # a worker that just ended
    return total


class PeakRSS:
    """Samples a process tree every ``interval`` seconds in a thread; ``peak`` holds the maximum."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.process))
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
