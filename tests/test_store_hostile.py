"""Careless or hostile use of export, stats and serve: one line, the README's exit codes, nothing lost.

Exit codes: 0 fine, 1 something skipped, 2 unusable (database, output or command line).
"""
from __future__ import annotations

import asyncio
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dbcheck import permissions_prefix, run_quotes
from quotes.datasette.server import make_datasette, start_datasette
from store_helpers import build_gold_db


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory):
    return build_gold_db(tmp_path_factory.mktemp("hostile-store") / "quotes.db")


def _one_error_line(run) -> str:
    assert "Traceback" not in run.stderr, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_export_to_a_full_device_is_one_line_and_exit_2(gold_db):
    run = run_quotes("export", "--db", gold_db, "-o", "/dev/full")
    assert run.returncode == 2
    line = _one_error_line(run)
    assert "/dev/full" in line and "cannot write" in line


def test_export_into_a_folder_that_cannot_exist_is_one_line_and_exit_2(gold_db):
    run = run_quotes("export", "--db", gold_db, "-o", "/proc/nope/x.csv")
    assert run.returncode == 2
    assert "/proc/nope/x.csv" in _one_error_line(run)


def test_export_since_garbage_is_a_usage_error(gold_db):
    run = run_quotes("export", "--db", gold_db, "--since", "garbage")
    assert run.returncode == 2 and run.stdout == ""
    assert "--since" in run.stderr and "ISO date" in run.stderr and "Traceback" not in run.stderr
    assert run_quotes("export", "--db", gold_db, "--since", "2022-02").returncode == 0


def _read_only_wal_copy(gold_db: Path, folder: Path, with_changes: bool) -> Path:
    folder.mkdir()
    db = folder / "quotes.db"
    shutil.copy(gold_db, db)
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode=WAL")
    if with_changes:
        # keep a reader's snapshot open so the checkpoint at close leaves the WAL in place
        connection.execute("PRAGMA wal_autocheckpoint=0")
        connection.execute("update speakers set name = name || '' where id = 1")
        connection.commit()
        shutil.copy(f"{db}-wal", f"{db}-wal.keep")
    connection.close()
    if with_changes:
        os.replace(f"{db}-wal.keep", f"{db}-wal")
    folder.chmod(0o555)
    return db


SERVE_ONE_PAGE = """
import asyncio, sys
from quotes.datasette.server import make_datasette
page = asyncio.run(make_datasette(sys.argv[1]).client.get("/quotes/quotes.json?_shape=array"))
print(page.status_code, len(page.json()))
"""


def test_stats_export_and_serve_read_a_wal_database_in_a_read_only_folder(gold_db, tmp_path):
    prefix = permissions_prefix()
    db = _read_only_wal_copy(gold_db, tmp_path / "ro", with_changes=False)
    try:
        stats = run_quotes("stats", "--db", db, "--json", prefix=prefix)
        assert stats.returncode == 0, stats.stderr
        exported = run_quotes("export", "--db", db, prefix=prefix)
        assert exported.returncode == 0 and exported.stdout.count("\n") > 5
        served = subprocess.run([*prefix, sys.executable, "-c", SERVE_ONE_PAGE, str(db)],
                                capture_output=True, text=True, timeout=120)
        assert served.stdout.split()[0] == "200" and int(served.stdout.split()[1]) > 0, served.stderr[-2000:]
        assert sorted(p.name for p in db.parent.iterdir()) == ["quotes.db"]
    finally:
        db.parent.chmod(0o755)


def test_unsaved_wal_changes_in_a_read_only_folder_say_what_to_do(gold_db, tmp_path):
    prefix = permissions_prefix()
    db = _read_only_wal_copy(gold_db, tmp_path / "ro", with_changes=True)
    try:
        assert Path(f"{db}-wal").stat().st_size > 0
        run = run_quotes("stats", "--db", db, prefix=prefix)
        assert run.returncode == 2
        line = _one_error_line(run)
        assert "-wal" in line and "wal_checkpoint" in line
    finally:
        db.parent.chmod(0o755)


def test_serve_on_a_taken_port_exits_2_with_one_line(gold_db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = run_quotes("serve", "--db", gold_db, "--port", str(port), timeout=120)
    assert run.returncode == 2, run.stdout + run.stderr
    assert f"127.0.0.1:{port}" in run.stderr.splitlines()[-1]


def test_serve_on_a_missing_database_exits_2(tmp_path):
    run = run_quotes("serve", "--db", tmp_path / "none.db", timeout=120)
    assert run.returncode == 2 and "no such database" in _one_error_line(run)


def test_public_mode_has_no_sql_box_no_download_and_an_immutable_file(gold_db, tmp_path):
    db = tmp_path / "public.db"
    shutil.copy(gold_db, db)
    ds = make_datasette(db, public=True)
    get = lambda path: asyncio.run(ds.client.get(path))  # noqa: E731
    assert get("/quotes/quotes.json?_shape=array").status_code == 200
    assert get("/quotes/quotes_by_speaker.json?speaker=Antony+Blinken&_shape=array").status_code == 200
    assert get("/quotes.json?sql=select+1").status_code == 403
    assert get("/quotes.db").status_code in (403, 404)
    assert not ds.databases["quotes"].is_mutable


def test_other_pages_answer_while_three_slow_queries_run(gold_db):
    """Three recursive CTEs hold SQL threads; a table page must not queue behind them."""
    ds = make_datasette(gold_db)
    slow = ("/quotes.json?sql=with+recursive+c(x)+as+(select+1+union+all+select+x%2B1+from+c)"
            "+select+count(*)+from+c")
    finished: list[tuple[str, float]] = []

    async def fetch(name: str, path: str, delay: float = 0.0):
        await asyncio.sleep(delay)
        response = await ds.client.get(path)
        finished.append((name, time.monotonic()))
        return response

    async def scene():
        # started as `quotes serve` starts it: Datasette's internal tables made before
        # the first requests (four at once on a cold instance race to make them)
        await start_datasette(ds, gold_db)
        return await asyncio.gather(*(fetch(f"slow{i}", slow) for i in range(3)),
                                    fetch("page", "/quotes/quotes.json?_shape=array", delay=0.2))

    *slow_responses, page = asyncio.run(scene())
    assert page.status_code == 200
    assert all(r.status_code == 400 and "too long" in r.text for r in slow_responses)   # stopped by the time limit
    assert finished[0][0] == "page", finished
