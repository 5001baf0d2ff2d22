"""JSON Lines: one article per line, ``text`` or ``html`` plus optional metadata.

Recognised keys: text, html, title, url, publisher, author, published (or date),
language.  Each line's source is ``FILE:LINE`` so a skipped line can be found.
"""
from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import IO, Iterator

from quotes.read.base import Item, Skipped, check_text
from quotes.read.files import bounded_lines, max_file_bytes, open_regular
from quotes.read.html import article_from_html
from quotes.records import Article

METADATA_KEYS = ("title", "url", "publisher", "author", "published", "language")


def article_from_record(record: object, source: str) -> Item:
    if not isinstance(record, dict):
        return Skipped(source, f"JSON line is {_kind(record)}, not an object")
    for key in ("text", "html", *METADATA_KEYS, "date"):
        value = record.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
            return Skipped(source, f"JSON field {key!r} is {_kind(value)}, not a string")
    metadata = {key: _text_or_none(record.get(key)) for key in METADATA_KEYS}
    metadata["published"] = metadata["published"] or _text_or_none(record.get("date"))
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        reason = check_text(text, metadata["language"])
        if reason:
            return Skipped(source, reason)
        return Article(text=text, source=source, **{**metadata, "language": "en"})
    if isinstance(html, str) and html.strip():
        url = metadata.pop("url")
        return article_from_html(html, source, url=url, **metadata)
    return Skipped(source, "JSON line has no non-empty 'text' or 'html' string")


_KINDS = {dict: "an object", list: "an array", bool: "a boolean", int: "a number", float: "a number", str: "a string"}


def _kind(value: object) -> str:
    return "null" if value is None else _KINDS.get(type(value), f"a {type(value).__name__}")


def _text_or_none(value: object):
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def read_jsonl_stream(lines: IO[bytes], name: str) -> Iterator[Item]:
    """One item per non-blank line; no line, however long or deep, stops the rest."""
    limit = max_file_bytes()
    for number, raw in bounded_lines(lines, limit):
        source = f"{name}:{number}"
        if raw is None:
            yield Skipped(source, f"JSON line too long (over {limit:,} bytes; set QUOTES_MAX_FILE_BYTES to change it)")
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            yield Skipped(source, f"not valid UTF-8 (byte at offset {error.start} of the line)")
            continue
        except json.JSONDecodeError as error:
            yield Skipped(source, f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        except RecursionError:
            yield Skipped(source, "JSON nested too deeply to read")
            continue
        yield article_from_record(record, source)


def read_jsonl_file(path: Path) -> Iterator[Item]:
    handle, reason = open_regular(path)
    if reason:
        yield Skipped(str(path), reason)
        return
    with handle:
        yield from read_jsonl_stream(handle, str(path))
