"""``quotes serve``: browse a quotes database in Datasette 0.65 with the project's metadata.

The database is always published under the name ``quotes`` (whatever its file
is called), so the metadata, canned queries and links in ``metadata.yml`` apply.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Optional, Union

from quotes.settings import DEFAULT_DB
from quotes.store.schema import StoreError, describe_error, immutable_query, open_db

DATABASE_NAME = "quotes"
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


def metadata_path() -> Path:
    return Path(str(resources.files("quotes.datasette") / "metadata.yml"))


def load_metadata() -> dict:
    from datasette.utils import parse_metadata

    return parse_metadata(metadata_path().read_text(encoding="utf-8"))


def make_datasette(db: Union[str, Path] = DEFAULT_DB, metadata: Optional[dict] = None,
                   public: bool = False, **settings):
    """A ``datasette.app.Datasette`` for ``db``; tests use its ``.client`` in-process.

    The database is opened immutable when ``public`` or when its folder is
    read-only (SQLite could not write the WAL index there).
    """
    from datasette.app import Datasette

    path = Path(db)
    open_db(path, read_only=True).close()   # a clear one-line error for a missing or foreign file
    immutable = public and checkpointed(path) or immutable_query(path) is not None
    settings = {**SETTINGS, **(PUBLIC_SETTINGS if public else {}), **settings}
    ds = Datasette([] if immutable else [str(path)], immutables=[str(path)] if immutable else None,
                   metadata=metadata if metadata is not None else load_metadata(), settings=settings)
    published = next(d for d in ds.databases.values() if d.path and Path(d.path) == path)
    if published.name != DATABASE_NAME:
        ds.remove_database(published.name)
        ds.add_database(published, name=DATABASE_NAME)
    return ds


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


def serve(db: Union[str, Path] = DEFAULT_DB, host: str = "127.0.0.1", port: int = 8001,
          open_browser: bool = False, public: bool = False) -> None:
    """Run Datasette on ``host:port`` until interrupted.

    Raises ``StoreError`` (one line) when the database cannot be used or the
    server cannot start, e.g. because the port is taken.
    """
    import uvicorn
    from datasette.cli import check_databases, run_sync

    ds = make_datasette(db, public=public)
    # what `datasette serve` does before it starts uvicorn
    try:
        run_sync(ds.invoke_startup)
        run_sync(lambda: check_databases(ds))
    except Exception as error:  # noqa: BLE001 - Datasette's own checks, reported in one line
        raise StoreError(f"{db}: Datasette cannot use it ({type(error).__name__}: {error})") from None
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


__all__ = ["serve", "make_datasette", "metadata_path", "StoreError"]
