"""Crash safety: SIGKILL an ingest mid-batch; the database stays sound and a re-run completes.

Each article is committed in its own transaction, so whatever moment the
kill lands on, the file holds whole articles only, and the re-run analyses
just the ones that are missing.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from corpus import write_corpus
from dbcheck import ROOT, count, dump, quotes_command, run_quotes, whole_articles_problems

ARTICLES = 24

pytestmark = pytest.mark.slow      # ingests in subprocesses


def _wait_for_articles(db, at_least: int, process: subprocess.Popen, timeout: float = 300) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the ingest ended before it could be killed"
        if db.exists():
            try:
                stored = count(db, "articles")
            except Exception:   # noqa: BLE001 - schema not created yet
                stored = 0
            if stored >= at_least:
                return stored
        time.sleep(0.05)
    raise AssertionError(f"fewer than {at_least} articles stored after {timeout} s")


def test_sigkill_mid_batch_leaves_whole_articles_and_a_rerun_completes(tmp_path):
    folder = tmp_path / "news"
    write_corpus(folder, ARTICLES, start=500)
    db = tmp_path / "quotes.db"
    process = subprocess.Popen(quotes_command("ingest", folder, "--db", db, "-q"), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait_for_articles(db, 3, process)
        time.sleep(0.3)          # land somewhere inside the next article, not just after a commit
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    survived = count(db, "articles")
    assert 3 <= survived < ARTICLES, "the kill should land mid-batch"
    assert whole_articles_problems(db) == []
    kept = dump(db)

    rerun = run_quotes("ingest", folder, "--db", db, "--json", "-q")
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f'"unchanged": {survived}' in rerun.stdout, "stored articles must not be analysed again"
    assert count(db, "articles") == ARTICLES
    assert whole_articles_problems(db) == []
    done = dump(db)
    for article_id, row in kept["articles"].items():
        assert done["articles"][article_id] == row
    assert set(kept["quotes"]) <= set(done["quotes"])
