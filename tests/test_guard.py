"""The in-process watchdog (quotes.nlp.guard): an article stopped from inside, with one line, and the next goes on."""
from __future__ import annotations

import time

import pytest

from quotes.nlp import guard
from quotes.nlp.guard import ArticleLimit, Watchdog, guarded


@pytest.fixture
def watchdog(monkeypatch):
    """A watchdog with a 0.4 s hard limit (stop at 0.3 s) and a 300 MB ceiling, for this test only."""
    dog = Watchdog(seconds=0.4, memory_mb=300, every=0.02)
    monkeypatch.setattr(guard, "_watchdog", dog)
    return dog


def _spin(seconds: float) -> int:
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:      # a Python loop that never checks any budget
        n += 1
    return n


def test_a_loop_that_never_checks_is_stopped_with_one_line(watchdog):
    started = time.monotonic()
    with pytest.raises(ArticleLimit) as stopped:
        with guarded():
            _spin(30)
    assert time.monotonic() - started < 5
    assert "past the time limit of 0.3 s" in str(stopped.value) and "\n" not in str(stopped.value)
    # the next article is not hit by anything left over
    with guarded():
        _spin(0.1)
    _spin(0.5)      # and nothing lands after the article ended


def test_memory_grown_past_the_ceiling_stops_the_article(monkeypatch):
    monkeypatch.setattr(guard, "_watchdog", Watchdog(seconds=60, memory_mb=300, every=0.02))
    hoard = []
    with pytest.raises(ArticleLimit, match="memory ceiling of 300 MB"):
        with guarded():
            while len(hoard) < 200:         # up to 4 GB: never reached
                hoard.append(bytearray(20 * 2**20))
                time.sleep(0.01)
    assert len(hoard) < 100
    hoard.clear()
    with guarded():     # the memory given back, the next article goes ahead
        hoard.append(bytearray(2**20))


def test_an_except_exception_on_the_way_cannot_swallow_the_stop(watchdog):
    def swallowing():
        try:
            _spin(30)
        except Exception:       # noqa: BLE001 - what careless code does
            return "swallowed"
    with pytest.raises(ArticleLimit):
        with guarded():
            swallowing()


def test_fatal_past_the_hard_limit_calls_kill(monkeypatch):
    reasons = []
    dog = Watchdog(seconds=0.3, memory_mb=0, kill=reasons.append, every=0.02)
    monkeypatch.setattr(guard, "_watchdog", dog)
    with pytest.raises(ArticleLimit):       # the stop lands once the sleep returns
        with guarded():
            time.sleep(0.6)     # in C: the stop cannot land, the hard limit must act
    assert reasons and "hard limit of 0.3 s" in reasons[0]


def test_limits_come_from_the_settings(monkeypatch):
    monkeypatch.setenv("QUOTES_ARTICLE_SECONDS", "10")
    monkeypatch.delenv("QUOTES_ARTICLE_HARD_SECONDS", raising=False)
    assert guard.hard_seconds() == 20 and guard.stop_seconds() == 15
    monkeypatch.setenv("QUOTES_WORKER_MEMORY_MB", "900")
    assert guard.memory_ceiling_mb() == 900
