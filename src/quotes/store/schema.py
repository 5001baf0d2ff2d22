"""The database layout, built with sqlite-utils operations (no hand-written DDL).

    articles ─┐
    speakers ─┼─< quotes        speakers ─< speaker_aliases
    channels ─┘

``quotes_view`` joins each quote to its speaker, channel and article for
reading.  Full-text search (FTS5, with triggers) on ``quotes.content`` and
``articles.title`` is enabled last: sqlite-utils' ``transform``, ``extract``
and ``add_foreign_key`` rebuild tables and drop FTS triggers, so any schema
change must come before it (``ensure_schema`` re-checks them on every open).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Optional, Union

import sqlite_utils

from quotes.settings import db_timeout
from quotes.store.counts import counts_ready, create_counts

# bump when the layout changes; stored in PRAGMA user_version
SCHEMA_VERSION = 3

ARTICLE_COLUMNS = {
    "id": str,                 # hash of the normalised text: same text, same article
    "title": str, "url": str, "publisher": str, "author": str,
    "published": str,          # ISO date as the source gave it
    "language": str,
    "source": str,             # where it was first read from (file, FILE:LINE, <stdin>)
    "text": str,               # the text the quote offsets index
    "quote_count": int,
    "extractor_version": str,
    "ingested_at": str,        # UTC, ISO 8601
}

SPEAKER_COLUMNS = {
    "id": int,
    "name": str,               # the fullest name any article gives this speaker
    "type": str,               # person | organization | country | group | unnamed | unknown
    "role": str,               # the role its quotes give it most often
    "key": str,                # identity key: one row per key (store/identity.py)
    "surname": str,            # people: what a surname alone is looked up by
    "initials": str,           # bodies: what their initials are looked up by
}

QUOTE_COLUMNS = {  # in the order Datasette shows them: what a reader wants first
    "id": int,
    "speaker_id": int,
    "content": str,            # fragments joined by " … "
    "kind": str,               # direct | mixed | indirect
    "cue": str,
    "channel_id": int,
    "speaker_type": str,       # person | organization | country | group | unnamed | unknown
    "role": str,               # "Kremlin spokesman", as named at this quote
    "speaker_mention": str,
    "confidence": float,
    "speaker_name": str,       # the speaker as the article names them, before corpus linking
    "speaker_key": str,        # that name's identity key (store/identity.py)
    "article_id": str,
    "publisher": str,          # the article's, copied so pages over a million quotes
    "published": str,          # need not join articles (a trigger keeps them equal)
    "sentence": int,
    "context": str,            # the paragraph around the quote, for reading without the article
    "content_start": int, "content_end": int,
    "content_spans": str,      # JSON [[start, end], ...]
    "cue_start": int, "cue_end": int,
    "speaker_start": int, "speaker_end": int,
    "channel_mention": str,
}

# columns people filter and facet on; FK columns get indexes from index_foreign_keys()
QUOTE_FACET_INDEXES = [["kind"], ["cue"], ["speaker_type"], ["confidence"],
                       # "direct quotes only" plus a facet: a covering range scan instead of a
                       # row lookup per match (1M quotes: ~7 s -> ~0.1 s, benchmarks/search_scale.py)
                       ["kind", "speaker_id"], ["kind", "channel_id"], ["kind", "cue"], ["kind", "speaker_type"]]
# a speaker's page (months, newest quotes, articles, roles, channels) and the facets of one
# speaker's quotes, from the index alone
SPEAKER_PAGE_INDEXES = [["speaker_id", "published", "article_id"], ["speaker_id", "role"],
                        ["speaker_id", "channel_id", "kind", "cue", "speaker_type", "publisher"]]
ARTICLE_INDEXES = [["publisher"], ["published"], ["extractor_version"]]

VIEW_NAME = "quotes_view"
# Names come from scalar subqueries, which SQLite runs only for the rows a page shows:
# counting or filtering the view by quote columns never touches the other tables
# (a view of LEFT JOINs joined all of them for every row: 4 s to count 1M quotes, now 19 ms).
# speaker_id and channel_id are last, for filtering and facets by index.
VIEW_SQL = """
select
  quotes.id,
  (select name from speakers where speakers.id = quotes.speaker_id) as speaker,
  quotes.speaker_type,
  quotes.role,
  quotes.kind,
  quotes.content,
  quotes.cue,
  (select name from channels where channels.id = quotes.channel_id) as channel,
  quotes.confidence,
  (select title from articles where articles.id = quotes.article_id) as article,
  quotes.publisher,
  quotes.published,
  (select url from articles where articles.id = quotes.article_id) as url,
  quotes.article_id,
  quotes.sentence,
  quotes.context,
  quotes.speaker_id,
  quotes.channel_id
from quotes
"""


class StoreError(Exception):
    """A database that cannot be used; the message is one line naming the file."""


def open_db(path: Union[str, Path], create: bool = True, timeout: Optional[float] = None,
            read_only: bool = False) -> sqlite_utils.Database:
    """Open (and create/upgrade) a quotes database, WAL mode, ready to write.

    ``read_only`` opens an existing database for export and stats, which then
    work from read-only folders too.  Any problem (folder not writable, corrupt
    file, locked) becomes a one-line ``StoreError`` naming the file.
    """
    path = Path(path)
    timeout = timeout if timeout is not None else db_timeout()
    if read_only:
        return _open_read_only(path, timeout)
    if str(path) != ":memory:":
        _check_location(path, create)
    try:
        # busy timeout: wait for another writer's transaction instead of failing at once
        conn = sqlite3.connect(str(path), timeout=timeout)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        db.enable_wal()
        ensure_schema(db)
        # take and release the write lock now: a database locked by another
        # writer is reported before any article is analysed, not after
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
    except sqlite3.DatabaseError as error:
        raise StoreError(describe_error(path, error)) from None
    except StoreError as error:
        raise StoreError(f"{path}: {error}") from None
    return db


def _open_read_only(path: Path, timeout: float) -> sqlite_utils.Database:
    if not path.is_file():
        raise StoreError(f"{path}: no such database (run `quotes ingest` first)")
    try:
        try:
            db = _connect_read_only(path, "mode=ro", timeout)
        except sqlite3.OperationalError:
            # a WAL database in a folder we cannot write: SQLite cannot make its -shm file
            # ("unable to open database file" or "attempt to write a readonly database")
            query = immutable_query(path)
            if query is None:
                raise
            db = _connect_read_only(path, query, timeout)
        missing = {"articles", "quotes", "speakers", "channels"} - set(db.table_names())
    except sqlite3.DatabaseError as error:
        raise StoreError(describe_error(path, error)) from None
    if missing:
        raise StoreError(f"{path}: not a quotes database (no {', '.join(sorted(missing))} table)")
    return db


def _connect_read_only(path: Path, query: str, timeout: float) -> sqlite_utils.Database:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, timeout=timeout)
    db = sqlite_utils.Database(conn)
    db.execute("select count(*) from sqlite_master").fetchone()   # opens the file now
    return db


def immutable_query(path: Path) -> Optional[str]:
    """``"immutable=1"`` when ``path`` can only be read as it is on disk, else None.

    That is when its folder is read-only (no writer can exist) and no WAL file
    holds changes not yet in the database file (immutable readers skip it).
    Raises StoreError saying what to do when such changes are there.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if os.access(folder, os.W_OK | os.X_OK):
        return None
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(
            f"{path}: the folder is read-only and {wal.name} holds changes not yet in the database file; "
            f"copy the database with its -wal file to a writable folder, or run "
            f"`sqlite3 {path} 'PRAGMA wal_checkpoint(TRUNCATE)'` where the folder is writable")
    return "immutable=1"


def _check_location(path: Path, create: bool) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file")
        if not os.access(path, os.W_OK):
            raise StoreError(f"{path}: database file is read-only")
        if not os.access(folder, os.W_OK | os.X_OK):
            # WAL mode needs -wal and -shm files beside the database
            raise StoreError(f"{path}: folder {folder} is read-only (SQLite needs to write its WAL files there)")
        return
    if not create:
        raise StoreError(f"{path}: no such database (run `quotes ingest` first)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{path}: cannot create folder {folder} ({error.strerror or error})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"{path}: folder {folder} is read-only")


def describe_error(path: Union[str, Path], error: BaseException) -> str:
    message = str(error)
    if "locked" in message or "busy" in message:
        return f"{path}: database is locked by another process ({message})"
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return f"{path}: database file is corrupt or not a SQLite database ({message})"
    if "readonly" in message or "read-only" in message:
        return f"{path}: database is read-only ({message})"
    if "unable to open" in message:
        return f"{path}: cannot open database file ({message})"
    return f"{path}: database error ({type(error).__name__}: {message})"


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create what is missing; cheap when everything is there."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION and db[VIEW_NAME].exists() and _fts_ready(db) and counts_ready(db):
        return
    if version > SCHEMA_VERSION:
        raise StoreError(f"made by a newer quotes (schema {version} > {SCHEMA_VERSION}): upgrade quotes")
    if 0 < version < 2 and db["speakers"].exists():
        from quotes.store.upgrade import upgrade_speakers

        upgrade_speakers(db)
    create_tables(db)
    if 0 < version < 3:
        from quotes.store.upgrade import upgrade_counts

        upgrade_counts(db)
    create_indexes(db)
    create_counts(db)       # a new database: empty counts; a complete one: nothing to do
    db.create_view(VIEW_NAME, VIEW_SQL, replace=True)
    enable_search(db)
    with db.ensure_autocommit_on():
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def create_tables(db: sqlite_utils.Database) -> None:
    db["articles"].create(ARTICLE_COLUMNS, pk="id", not_null={"text"},
                          defaults={"quote_count": 0}, if_not_exists=True)
    db["speakers"].create(SPEAKER_COLUMNS, pk="id",
                          not_null={"name", "key"}, defaults={"type": "unknown"}, if_not_exists=True)
    # a user's corrections of the linking, by identity key (quotes speakers merge/split)
    db["speaker_corrections"].create({"key": str, "target_key": str}, pk="key", if_not_exists=True)
    db["channels"].create({"id": int, "name": str}, pk="id", not_null={"name"}, if_not_exists=True)
    db["speaker_aliases"].create(
        {"id": int, "speaker_id": int, "alias": str, "count": int}, pk="id",
        foreign_keys=[("speaker_id", "speakers", "id")], not_null={"alias"},
        defaults={"count": 0}, if_not_exists=True)
    db["quotes"].create(
        QUOTE_COLUMNS, pk="id",
        foreign_keys=[("article_id", "articles", "id"),
                      ("speaker_id", "speakers", "id"),
                      ("channel_id", "channels", "id")],
        not_null={"article_id", "kind", "content"}, if_not_exists=True)


def create_indexes(db: sqlite_utils.Database) -> None:
    db["speakers"].create_index(["key"], unique=True, if_not_exists=True)
    for columns in (["name"], ["surname"], ["initials"]):
        db["speakers"].create_index(columns, if_not_exists=True)
    db["quotes"].create_index(["speaker_key"], if_not_exists=True)
    db["channels"].create_index(["name"], unique=True, if_not_exists=True)
    db["speaker_aliases"].create_index(["speaker_id", "alias"], unique=True, if_not_exists=True)
    db.index_foreign_keys()
    for columns in QUOTE_FACET_INDEXES + SPEAKER_PAGE_INDEXES:
        db["quotes"].create_index(columns, if_not_exists=True)
    for columns in ARTICLE_INDEXES:
        db["articles"].create_index(columns, if_not_exists=True)


SEARCHED = {"quotes": ["content"], "articles": ["title"]}


def enable_search(db: sqlite_utils.Database) -> None:
    # replace=True recreates the index only when it or its triggers are not as configured
    for table, columns in SEARCHED.items():
        db[table].enable_fts(columns, create_triggers=True, tokenize="porter", replace=True)


def _fts_ready(db: sqlite_utils.Database) -> bool:
    triggers = set(db.triggers_dict)
    return all(db[f"{table}_fts"].exists() and {f"{table}_ai", f"{table}_ad", f"{table}_au"} <= triggers
               for table in SEARCHED)
