"""Helpers for tests that run ``quotes ingest`` and read the database it leaves.

``dump`` gives a database's content in a form that does not depend on the
order articles were stored in (row ids and timestamps left out, speaker and
channel ids replaced by names), so runs on different engines compare equal.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quotes_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "quotes", *map(str, args)]


def run_quotes(*args: str, timeout: float = 600, prefix: tuple = (), **kwargs) -> subprocess.CompletedProcess:
    """Run the ``quotes`` command line as a user would; output captured as text.

    ``prefix`` goes before the command (e.g. ``unshare -U``).
    """
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **kwargs.pop("env", {})}
    return subprocess.run([*prefix, *quotes_command(*args)], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=kwargs.pop("cwd", ROOT), **kwargs)


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    connection.row_factory = sqlite3.Row
    return connection


def dump(path: Path) -> dict:
    with connect(path) as db:
        articles = {row["id"]: {k: row[k] for k in row.keys() if k != "ingested_at"}
                    for row in db.execute("select * from articles")}
        quotes = sorted((
            tuple((k, row[k]) for k in row.keys() if k not in ("id", "speaker_id", "channel_id"))
            for row in db.execute(
                "select quotes.*, speakers.name as speaker_name, channels.name as channel_name from quotes "
                "left join speakers on speakers.id = quotes.speaker_id "
                "left join channels on channels.id = quotes.channel_id")),
            key=repr)  # columns hold None beside strings: compare their reprs
        speakers = sorted((tuple(row) for row in db.execute("select name, type from speakers")), key=repr)
        channels = sorted(row[0] for row in db.execute("select name from channels"))
        aliases = sorted(tuple(row) for row in db.execute(
            "select speakers.name, alias, count from speaker_aliases join speakers on speakers.id = speaker_id"))
    return {"articles": articles, "quotes": quotes, "speakers": speakers, "channels": channels,
            "aliases": aliases}


def count(path: Path, table: str) -> int:
    with connect(path) as db:
        return db.execute(f"select count(*) from {table}").fetchone()[0]


def whole_articles_problems(path: Path) -> list[str]:
    """Everything that would show a half-written article or a damaged file; empty when sound."""
    problems = []
    with connect(path) as db:
        integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:5]}")
        orphans = db.execute("PRAGMA foreign_key_check").fetchall()
        if orphans:
            problems.append(f"{len(orphans)} rows with dangling foreign keys")
        for row in db.execute(
                "select articles.id, articles.quote_count, count(quotes.id) as stored from articles "
                "left join quotes on quotes.article_id = articles.id group by articles.id "
                "having articles.quote_count != count(quotes.id)"):
            problems.append(f"article {row['id']}: quote_count {row['quote_count']} but {row['stored']} quotes")
        duplicates = db.execute(
            "select article_id, content_spans, kind, count(*) from quotes "
            "group by article_id, content_spans, kind having count(*) > 1").fetchall()
        if duplicates:
            problems.append(f"{len(duplicates)} duplicated quotes")
    return problems


def lines_naming(output: str, name: str) -> list[str]:
    return [line for line in output.splitlines() if name in line]


def permissions_prefix() -> tuple:
    """A command prefix under which file permissions bind (root ignores them; in ``unshare -U`` it does not).

    Skips the calling test where root cannot enter a user namespace.
    """
    import pytest

    if os.geteuid() != 0:
        return ()
    if subprocess.run(["unshare", "-U", "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root where user namespaces are not allowed: no folder is read-only to root")
    return ("unshare", "-U")
