"""``quotes serve``: browse a quotes database in Datasette 0.65 with the project's metadata.

The database is always published under the name ``quotes`` (whatever its file
is called), so the metadata, canned queries and links in ``metadata.yml`` apply.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Optional, Union

from quotes.settings import DEFAULT_DB
from quotes.store.schema import StoreError, open_db

DATABASE_NAME = "quotes"
# facets over a million quotes need more than Datasette's 200 ms default; a CSV
# download streams every row (Datasette stops at 100 MB by default)
# suggested facets cost ~70 extra queries a page (measured: 4.5 s -> 1.1 s at 1M quotes)
SETTINGS = {"facet_time_limit_ms": 1000, "sql_time_limit_ms": 5000, "max_csv_mb": 0, "suggest_facets": False}


def metadata_path() -> Path:
    return Path(str(resources.files("quotes.datasette") / "metadata.yml"))


def load_metadata() -> dict:
    from datasette.utils import parse_metadata

    return parse_metadata(metadata_path().read_text(encoding="utf-8"))


def make_datasette(db: Union[str, Path] = DEFAULT_DB, metadata: Optional[dict] = None, **settings):
    """A ``datasette.app.Datasette`` for ``db``; tests use its ``.client`` in-process."""
    from datasette.app import Datasette

    path = Path(db)
    open_db(path, read_only=True).close()   # a clear one-line error for a missing or foreign file
    ds = Datasette([str(path)], metadata=metadata if metadata is not None else load_metadata(),
                   settings={**SETTINGS, **settings})
    published = next(d for d in ds.databases.values() if d.path and Path(d.path) == path)
    if published.name != DATABASE_NAME:
        ds.remove_database(published.name)
        ds.add_database(published, name=DATABASE_NAME)
    return ds


def serve(db: Union[str, Path] = DEFAULT_DB, host: str = "127.0.0.1", port: int = 8001,
          open_browser: bool = False) -> None:
    """Run Datasette on ``host:port`` until interrupted."""
    import uvicorn
    from datasette.cli import check_databases, run_sync

    ds = make_datasette(db)
    # what `datasette serve` does before it starts uvicorn
    run_sync(ds.invoke_startup)
    run_sync(lambda: check_databases(ds))
    url = f"http://{host}:{port}/{DATABASE_NAME}/quotes"
    print(f"Serving {db} at {url} (Ctrl+C to stop)", flush=True)
    if open_browser:
        import webbrowser
        webbrowser.open(url)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")


__all__ = ["serve", "make_datasette", "metadata_path", "StoreError"]
