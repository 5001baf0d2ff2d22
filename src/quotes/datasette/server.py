"""``quotes serve``: a quotes database in Datasette, through Datasette's public Python API.

The pages, metadata and facets come from the plugin (quotes.datasette), which
Datasette loads from the package's entry point, so ``datasette db/quotes.db``
shows the same; this module adds what a command line for newsrooms needs: the
database published as ``quotes`` whatever its file name, settings for a
million quotes, and ``--public``.
"""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Optional, Union

from quotes.datasette.plugin import DATABASE_NAME, load_metadata, metadata_path
from quotes.settings import DEFAULT_DB
from quotes.store.errors import StoreError, describe_error
from quotes.store.opening import immutable_query, open_db

# facets over a million quotes need more than Datasette's 200 ms default; a CSV
# download streams every row (Datasette stops at 100 MB by default)
# suggested facets cost ~70 extra queries a page (measured: 4.5 s -> 1.1 s at 1M quotes)
# Any one query stops after 2 s, and 12 threads run queries: three slow ones
# (a recursive CTE typed into the SQL box) left every other page waiting
# about 4.5 s with 3 threads and 5 s; now other pages answer within 1 s
# (benchmarks/slow_queries.py).
SETTINGS = {"facet_time_limit_ms": 1000, "sql_time_limit_ms": 2000, "num_sql_threads": 12,
            "max_csv_mb": 0, "suggest_facets": False}
# `quotes serve --public`: for serving beyond localhost.  No SQL box (only the
# tables, views, facets, search and the canned queries of metadata.yml), no
# download of the database file, and the file opened immutable: read-only by
# construction, and no locks taken on it.
PUBLIC_SETTINGS = {"default_allow_sql": False, "allow_download": False}


def make_datasette(db: Union[str, Path] = DEFAULT_DB, metadata: Optional[dict] = None,
                   public: bool = False, **settings):
    """A ``datasette.app.Datasette`` for ``db``; tests use its ``.client`` in-process.

    ``metadata`` is added over the plugin's metadata.yml (Datasette lets local
    metadata win).  The database is opened immutable when ``public`` or when
    its folder is read-only (SQLite could not write the WAL index there).
    """
    from datasette.app import Datasette

    _ensure_plugin()
    path = Path(db)
    open_db(path, read_only=True).close()   # a clear one-line error for a missing or foreign file
    immutable = public and checkpointed(path) or immutable_query(path) is not None
    settings = {**SETTINGS, **(PUBLIC_SETTINGS if public else {}), **settings}
    ds = Datasette([] if immutable else [str(path)], immutables=[str(path)] if immutable else None,
                   metadata=metadata or {}, settings=settings)
    published = next(d for d in ds.databases.values() if d.path and Path(d.path) == path)
    if published.name != DATABASE_NAME:
        ds.remove_database(published.name)
        ds.add_database(published, name=DATABASE_NAME)
    return ds


def _ensure_plugin() -> None:
    """Register the plugin when the entry point is not installed (a source checkout on PYTHONPATH)."""
    from datasette.plugins import pm

    import quotes.datasette as plugin
    if not pm.is_registered(plugin):
        pm.register(plugin, name="quotes.datasette")


def checkpointed(path: Path) -> bool:
    """Fold the WAL file into the database so an immutable reader sees everything; True when done."""
    import sqlite3

    if immutable_query(path) is not None:
        return True     # read-only folder: nothing to fold (immutable_query refuses a WAL with changes)
    connection = sqlite3.connect(str(path), timeout=30)
    try:
        busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(describe_error(path, error)) from None
    finally:
        connection.close()
    if busy:
        raise StoreError(f"{path}: another process is writing it; serve --public once the ingest is done")
    return True


async def start_datasette(ds, db) -> None:
    """Datasette's start-up hooks, its internal tables, then one query on the
    database: problems reported before serving.  (Datasette makes its internal
    tables on the first request; several first requests at once could race to
    make them and one fail with "database table is locked".)"""
    try:
        await ds.invoke_startup()
        await ds.refresh_schemas()
        await ds.get_database(DATABASE_NAME).execute("select count(*) from sqlite_master")
    except Exception as error:  # noqa: BLE001 - whatever Datasette raises, reported in one line
        raise StoreError(f"{db}: Datasette cannot use it ({type(error).__name__}: {error})") from None


def serve(db: Union[str, Path] = DEFAULT_DB, host: str = "127.0.0.1", port: int = 8001,
          open_browser: bool = False, public: bool = False) -> None:
    """Run Datasette on ``host:port`` until interrupted.

    Raises ``StoreError`` (one line) when the database cannot be used or the
    server cannot start, e.g. because the port is taken.
    """
    import uvicorn

    ds = make_datasette(db, public=public)
    asyncio.run(start_datasette(ds, db))
    url = f"http://{host}:{port}/{DATABASE_NAME}/quotes"
    print(f"Serving {db}{' (public: read-only, no SQL box)' if public else ''} at {url} (Ctrl+C to stop)", flush=True)
    if open_browser:
        import webbrowser
        webbrowser.open(url)
    server = uvicorn.Server(uvicorn.Config(ds.app(), host=host, port=port, log_level="warning", lifespan="on"))
    try:
        server.run()
    except SystemExit:
        server.started = False      # uvicorn exits when it cannot listen
    if not server.started:
        raise StoreError(f"could not serve on {host}:{port} (is the port taken? see the line above)")


__all__ = ["serve", "make_datasette", "start_datasette", "metadata_path", "load_metadata", "StoreError"]
