"""Opening a quotes database: for writing (created and upgraded as needed,
WAL mode, the write lock tried at once) or read-only (export and stats, from
read-only folders too); every failure a one-line ``StoreError`` naming the file."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Optional, Union

import sqlite_utils

from quotes.settings import db_timeout
from quotes.store.errors import StoreError, describe_error
from quotes.store.schema import ensure_schema


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
