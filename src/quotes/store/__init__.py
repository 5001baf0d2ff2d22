"""The SQLite store: schema (sqlite-utils), per-article writes, export, stats, merge."""
from quotes.store.schema import StoreError, open_db  # noqa: F401
from quotes.store.write import article_id, write_article  # noqa: F401
