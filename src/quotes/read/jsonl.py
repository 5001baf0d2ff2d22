"""JSON Lines: one article per line, ``text`` or ``html`` plus optional metadata.

Recognised keys: text, html, title, url, publisher, author, published (or date),
language.  Each line's source is ``FILE:LINE`` so a skipped line can be found.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Iterator

from quotes.read.base import Item, Skipped, check_text
from quotes.read.html import article_from_html
from quotes.records import Article

METADATA_KEYS = ("title", "url", "publisher", "author", "published", "language")


def article_from_record(record: object, source: str) -> Item:
    if not isinstance(record, dict):
        return Skipped(source, f"JSON line is a {type(record).__name__}, not an object")
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


def _text_or_none(value: object):
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def read_jsonl_stream(lines: IO[bytes], name: str) -> Iterator[Item]:
    for number, raw in enumerate(lines, start=1):
        source = f"{name}:{number}"
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
        yield article_from_record(record, source)


def read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Skipped(str(path), f"cannot read: {error.strerror or error}")
        return
    with handle:
        yield from read_jsonl_stream(handle, str(path))
