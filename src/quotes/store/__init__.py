"""The SQLite store: schema (sqlite-utils), per-article writes, export, stats, merge."""
from quotes.store.errors import StoreError  # noqa: F401
from quotes.store.opening import open_db  # noqa: F401
from quotes.store.write import article_id, write_article  # noqa: F401
