"""Do three slow SQL queries block the rest of the site?  Page latency while they run.

    PYTHONPATH=src:tests python benchmarks/slow_queries.py [--db DB]

Runs Datasette in process (``datasette.client``, the whole ASGI stack) on the
test gold database (or ``--db``), starts three recursive-CTE queries that run
until the SQL time limit stops them, and 0.2 s later asks for the quotes
table page; prints how long that page took, under the settings before this
change (3 threads, 5 s) and under ``SETTINGS`` now.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

from quotes.datasette.server import SETTINGS, make_datasette

SLOW = "/quotes.json?sql=with+recursive+c(x)+as+(select+1+union+all+select+x%2B1+from+c)+select+count(*)+from+c"
PAGES = ["/quotes/quotes", "/quotes/quotes.json?_shape=array", "/quotes/speakers"]


async def scene(ds) -> dict:
    async def timed(path, delay=0.0):
        await asyncio.sleep(delay)
        started = time.perf_counter()
        response = await ds.client.get(path)
        return path, response.status_code, time.perf_counter() - started

    results = await asyncio.gather(*(timed(SLOW) for _ in range(3)), *(timed(p, 0.2) for p in PAGES))
    return {"slow": [round(r[2], 2) for r in results[:3]],
            "pages": {p: (status, round(seconds, 3)) for p, status, seconds in results[3:]}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    args = parser.parse_args(argv)
    db = args.db
    if not db:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from store_helpers import build_gold_db
        db = build_gold_db(Path(tempfile.mkdtemp()) / "quotes.db")
    for name, settings in (("before (3 threads, 5 s)", {"num_sql_threads": 3, "sql_time_limit_ms": 5000}),
                           (f"now ({SETTINGS['num_sql_threads']} threads, {SETTINGS['sql_time_limit_ms'] / 1000:g} s)", {})):
        with contextlib.redirect_stderr(io.StringIO()):    # Datasette prints each interrupted query
            outcome = asyncio.run(scene(make_datasette(db, **settings)))
        worst = max(seconds for _, seconds in outcome["pages"].values())
        print(f"{name:28} slow queries stopped after {outcome['slow']} s; "
              f"other pages: slowest {worst:.3f} s {outcome['pages']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
