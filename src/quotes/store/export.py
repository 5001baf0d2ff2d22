"""``quotes export`` and ``quotes stats``: rows of ``quotes_view`` out as CSV or JSON, and counts.

Export streams from one cursor, so a million quotes never sit in memory.  The
columns are the view's, the same as Datasette's CSV download of ``quotes_view``.
A file is written beside its target under a temporary name and renamed over
it only once complete: a full disk or a failing database leaves the target as
it was (never a truncated file) and one line saying why.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, Optional, Union

import sqlite_utils

from quotes.settings import DEFAULT_DB
from quotes.store.opening import open_db
from quotes.store.schema import VIEW_NAME

FORMATS = ("csv", "json", "jsonl")
EXPORTED = ["id", "speaker", "speaker_type", "role", "kind", "content", "cue", "channel", "confidence", "article",
            "publisher", "published", "url", "article_id", "sentence", "context"]


def export(db: Union[str, Path, sqlite_utils.Database] = DEFAULT_DB, format: str = "csv",
           speaker: Optional[str] = None, channel: Optional[str] = None, since: Optional[str] = None,
           output: Union[str, Path, IO[str], None] = None, min_confidence: Optional[float] = None) -> int:
    """Write matching quotes to ``output`` (a path, an open text file, or stdout); returns the row count.

    ``speaker`` matches a canonical name or any alias seen for it, ignoring case;
    ``channel`` a channel name, ignoring case; ``since`` an ISO date (articles
    published on or after it); ``min_confidence`` drops records the extractor
    was less sure of (0 to 1).  ``json`` writes one JSON array, ``jsonl`` one
    object a line.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}: use csv, json or jsonl")
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise ValueError(f"--min-confidence {min_confidence} is not between 0 and 1")
    since = check_since(since)
    database = db if isinstance(db, sqlite_utils.Database) else open_db(db, read_only=True)
    cursor = database.execute(*_query(speaker, channel, since, min_confidence))
    columns = [d[0] for d in cursor.description]
    try:
        with _opened(output) as handle:
            if format == "csv":
                return _write_csv(handle, columns, cursor)
            if format == "jsonl":
                return _write_jsonl(handle, columns, cursor)
            return _write_json(handle, columns, cursor)
    except OSError as error:
        # a full disk, a folder that cannot exist, a closed pipe: one line naming the file
        raise ExportError(f"{output or '<stdout>'}: cannot write ({error.strerror or error})") from None
    except sqlite3.DatabaseError as error:
        # the database failed half way (corrupt pages, an I/O error): nothing was written
        from quotes.store.errors import describe_error
        raise ExportError(f"{describe_error(db, error)}; {output or '<stdout>'} left as it was") from None


class ExportError(Exception):
    """The output could not be written; the message is one line naming it."""


def check_since(since: Optional[str]) -> Optional[str]:
    """``since`` as given when it is an ISO date (2022, 2022-01 or 2022-01-31), else ValueError."""
    if since is None:
        return None
    import re
    from datetime import date

    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", since.strip())
    try:
        if not match:
            raise ValueError
        date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        raise ValueError(f"--since {since!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return since.strip()


def _query(speaker, channel, since, min_confidence=None) -> tuple[str, list]:
    wheres, params = [], []
    if speaker:
        wheres.append(
            "speaker_id in (select id from speakers where name = ? collate nocase"
            " union select speaker_id from speaker_aliases where alias = ? collate nocase)")
        params += [speaker, speaker]
    if channel:
        wheres.append("channel_id in (select id from channels where name = ? collate nocase)")
        params.append(channel)
    if since:
        wheres.append("published >= ?")
        params.append(since)
    if min_confidence is not None:
        wheres.append("confidence >= ?")
        params.append(min_confidence)
    where = (" where " + " and ".join(wheres)) if wheres else ""
    # the view's readable columns: its trailing speaker_id and channel_id are for filtering
    columns = ", ".join(c for c in EXPORTED)
    return f"select {columns} from {VIEW_NAME}{where} order by published, article_id, sentence, id", params


@contextmanager
def _opened(output) -> Iterator[IO[str]]:
    if output is None or output == "-":
        yield sys.stdout
    elif hasattr(output, "write"):
        yield output
    else:
        target = Path(output)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = os.stat(target).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            # /dev/null, /dev/stdout, a FIFO: written in place (renaming over a device is never right)
            with open(target, "w", encoding="utf-8", newline="") as handle:
                yield handle
            return
        with _replacing(target, mode) as handle:
            yield handle


@contextmanager
def _replacing(target: Path, mode: Optional[int]) -> Iterator[IO[str]]:
    """A handle on a new file beside ``target``, renamed over it when the block ends without error."""
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes it 0600: give it the mode the file had, or the one open() would give
        os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_csv(handle: IO[str], columns: list[str], cursor) -> int:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in cursor:
        writer.writerow(row)
        count += 1
    return count


def _write_json(handle: IO[str], columns: list[str], cursor) -> int:
    count = 0
    handle.write("[")
    for row in cursor:
        handle.write(("," if count else "") + "\n  " + json.dumps(dict(zip(columns, row)), ensure_ascii=False))
        count += 1
    handle.write("\n]\n" if count else "]\n")
    return count


def _write_jsonl(handle: IO[str], columns: list[str], cursor) -> int:
    count = 0
    for row in cursor:
        handle.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
        count += 1
    return count


def stats(db: Union[str, Path, sqlite_utils.Database] = DEFAULT_DB, limit: int = 10) -> dict:
    """Totals, most quoted speakers, most used channels, and quotes per kind."""
    database = db if isinstance(db, sqlite_utils.Database) else open_db(db, read_only=True)

    def pairs(sql: str) -> list[list]:
        return [list(row) for row in database.execute(sql, [limit])]

    return {
        "articles": database["articles"].count,
        "quotes": database["quotes"].count,
        "speakers": database["speakers"].count,
        "channels": database["channels"].count,
        "top_speakers": pairs("select speaker, count(*) as n from quotes_view where speaker is not null"
                              " group by speaker order by n desc, speaker limit ?"),
        "top_channels": pairs("select channel, count(*) as n from quotes_view where channel is not null"
                              " group by channel order by n desc, channel limit ?"),
        "kinds": pairs("select kind, count(*) as n from quotes group by kind order by n desc, kind limit ?"),
    }


def format_stats(numbers: dict) -> str:
    lines = [f"{numbers['articles']} articles, {numbers['quotes']} quotes, "
             f"{numbers['speakers']} speakers, {numbers['channels']} channels"]
    for title, key in (("Most quoted speakers", "top_speakers"), ("Channels", "top_channels"), ("Kinds", "kinds")):
        lines.append(f"\n{title}:")
        lines += [f"  {count:>7}  {name}" for name, count in numbers[key]] or ["        (none)"]
    return "\n".join(lines)
