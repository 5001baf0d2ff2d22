"""Serving while writing: Datasette reads a database that an ingest is writing (WAL mode).

The ingest runs as its own process, as ``quotes ingest`` would beside a
running ``quotes serve``; Datasette (the one ``quotes serve`` builds) is
queried in process over and over until the ingest ends.  Every response
must be a 200 with no "database is locked", and the reads must have seen
the database grow, or they did not overlap the writes at all.
"""
from __future__ import annotations

import asyncio
import subprocess

import pytest

from corpus import write_corpus
from dbcheck import ROOT, count, quotes_command, whole_articles_problems
from quotes.datasette.server import make_datasette
from quotes.store.opening import open_db

ARTICLES = 12
PAGES = [
    "/quotes/quotes.json?_facet=kind&_facet=speaker_id",
    "/quotes/quotes.json?_search=said",
    "/quotes/quotes_view.json?_facet=speaker",
    "/quotes/articles.json?_sort_desc=ingested_at",
    "/quotes/quotes",
    "/quotes.json?sql=select+count(*)+as+n+from+articles",
]

pytestmark = pytest.mark.slow      # an ingest in a subprocess


async def _read_until_done(ds, process: subprocess.Popen) -> tuple[list, list[int]]:
    problems, seen_counts = [], []
    while process.poll() is None:
        for page in PAGES:
            response = await ds.client.get(page)
            if response.status_code != 200 or "locked" in response.text:
                problems.append((page, response.status_code, response.text[:300]))
        response = await ds.client.get("/quotes.json?sql=select+count(*)+as+n+from+articles&_shape=array")
        seen_counts.append(response.json()[0]["n"])
        await asyncio.sleep(0.05)
    return problems, seen_counts


def test_datasette_reads_while_an_ingest_writes(tmp_path):
    db = tmp_path / "quotes.db"
    open_db(db).close()                       # what `quotes serve` on a new database would find
    folder = tmp_path / "news"
    write_corpus(folder, ARTICLES, start=600)
    ds = make_datasette(db)
    process = subprocess.Popen(quotes_command("ingest", folder, "--db", db, "-q"), cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        problems, seen_counts = asyncio.run(_read_until_done(ds, process))
    finally:
        if process.poll() is None:
            process.kill()
        out, err = process.communicate()
    assert process.returncode == 0, err[-2000:]
    assert "locked" not in err
    assert problems == []
    assert len(set(seen_counts)) >= 3, f"reads did not overlap the writes: saw {sorted(set(seen_counts))}"
    assert count(db, "articles") == ARTICLES
    assert whole_articles_problems(db) == []
