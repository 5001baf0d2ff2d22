"""Plain-text articles: the file's text as read is the article text (offsets index it)."""
from __future__ import annotations

from typing import Optional

from quotes.read.base import Item, Skipped, check_text, decode_text, guess_title
from quotes.records import Article


def article_from_text(text: str, source: str, title: Optional[str] = None) -> Item:
    reason = check_text(text)
    if reason:
        return Skipped(source, reason)
    return Article(text=text, source=source, title=title or guess_title(text), language="en")


def read_text_bytes(data: bytes, source: str) -> Item:
    text, reason = decode_text(data)
    if reason:
        return Skipped(source, reason)
    return article_from_text(text, source)

