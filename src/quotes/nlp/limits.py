"""Bounds on what one article may cost the parser, whatever its text.

Stanza's costs are not linear in what a hostile text can control:

* the dependency parser scores every pair of words in a sentence, so its
  memory grows with the square of a sentence's length (800 words that are
  all ``"`` peaked at 2 GB; 5,000 of them passed 24 GB);
* the tagger and parser pay per token, and a run of quote marks is one
  token per character or two, against one per five or six in prose;
* the tokenizer re-copies a paragraph for every 1,000-character window, so
  its time grows with the square of a paragraph's length (20 kB: 1.5 s,
  400 kB: 106 s on this project's 2-core test machine).

So sentences longer than ``max_sentence_words()`` are cut into pieces before
the tagger and parser see them (by the tokenizer's post-processor), text is
handed to Stanza in pieces of at most ``max_piece_chars()`` characters and
a fifth as many tokens (the same thing for prose; fewer characters for
dense text), cut at paragraph breaks where there are some, and a text that
needs several
pieces stops with ``ArticleTooSlow`` once it has used ``article_seconds()``.
No real sentence or paragraph is near these limits (PolNeAR's longest
sentence is about 200 tokens, its longest article 34 kB, and articles up to
the piece size are parsed in one call, exactly as before).  Each is a
setting: ``QUOTES_MAX_SENTENCE_WORDS``, ``QUOTES_MAX_PIECE_CHARS``,
``QUOTES_ARTICLE_SECONDS`` (0 turns the time budget off).
"""
from __future__ import annotations

import os
import re
import time
from typing import Optional

MAX_SENTENCE_WORDS = 200
MAX_PIECE_CHARS = 20_000
ARTICLE_SECONDS = 30.0

# a good place to cut an over-long sentence: after one of these tokens
_SOFT_BREAKS = frozenset(",;:\"'—–-)")


class ArticleTooSlow(RuntimeError):
    """Parsing one article went past the time budget."""


def _setting(name: str, default: float) -> float:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a number") from None


def max_sentence_words() -> int:
    return max(10, int(_setting("QUOTES_MAX_SENTENCE_WORDS", MAX_SENTENCE_WORDS)))


def max_piece_chars() -> int:
    return max(1_000, int(_setting("QUOTES_MAX_PIECE_CHARS", MAX_PIECE_CHARS)))


def article_seconds() -> Optional[float]:
    """The time budget for parsing one article, or None when it is off."""
    seconds = _setting("QUOTES_ARTICLE_SECONDS", ARTICLE_SECONDS)
    return seconds if seconds > 0 else None


def _word(item) -> str:
    return item[0] if isinstance(item, tuple) else item


def split_long_sentences(sentences: list[list], limit: Optional[int] = None) -> list[list]:
    """Cut every sentence of more than ``limit`` words into pieces of at most ``limit``.

    Cuts after a comma, semicolon, quote mark or dash in the second half of
    the window when there is one, else at the limit.  Same format in and out
    as Stanza's ``tokenize_postprocessor`` (words, or ``(word, mwt)`` tuples).
    """
    limit = limit or max_sentence_words()
    out: list[list] = []
    for sentence in sentences:
        rest = list(sentence)
        while len(rest) > limit:
            cut = limit
            for k in range(limit, limit // 2, -1):
                if _word(rest[k - 1]) in _SOFT_BREAKS:
                    cut = k
                    break
            out.append(rest[:cut])
            rest = rest[cut:]
        out.append(rest)
    return out


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s")
_SPACE = re.compile(r"\s")


_TOKEN = re.compile(r"\w+|[^\w\s]")


def pieces(text: str, size: Optional[int] = None, tokens: Optional[int] = None) -> list[tuple[int, int]]:
    """``[start, end)`` spans that cover ``text`` in order, each at most ``size`` characters
    and about ``tokens`` tokens (words and punctuation marks: what the parser pays for).

    One span when the text fits.  Otherwise each cut is made at the last
    paragraph break before the limit, else the last line break, else the
    last sentence end, else the last space, else at the limit itself.
    """
    size = size or max_piece_chars()
    tokens = tokens or max(100, size // 5)
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text) or not spans:
        end = min(len(text), start + size)
        count = len(_TOKEN.findall(text, start, end))
        if count > tokens:          # dense text (a run of quote marks): fewer characters a piece
            end = start + max(1, (end - start) * tokens // count)
        if end < len(text):
            end = _cut(text, start, end)
        spans.append((start, end))
        start = end
    return spans


def _cut(text: str, start: int, limit: int) -> int:
    floor = start + (limit - start) // 4    # never cut off a tiny piece
    for pattern in (_PARAGRAPH_BREAK, _LINE_BREAK, _SENTENCE_END, _SPACE):
        last = None
        for match in pattern.finditer(text, floor, limit):
            last = match
        if last is not None:
            return last.end()
    return limit


class Deadline:
    """``check(done, total)`` (between parser pieces) and ``check_stage(name)`` (after each
    attribution stage) raise ``ArticleTooSlow`` once the article's budget is spent."""

    def __init__(self, seconds: Optional[float] = None):
        self.seconds = article_seconds() if seconds is None else seconds
        self.started = time.monotonic()

    def check(self, done: int, total: int) -> None:
        spent = self._overspent()
        if spent is not None:
            raise ArticleTooSlow(
                f"parsing took over the {self.seconds:g} s budget per article ({spent:.0f} s for "
                f"{done:,} of {total:,} characters); set QUOTES_ARTICLE_SECONDS to change it")

    def check_stage(self, stage: str) -> None:
        spent = self._overspent()
        if spent is not None:
            raise ArticleTooSlow(
                f"analysis took over the {self.seconds:g} s budget per article ({spent:.0f} s, up to the "
                f"{stage!r} stage); set QUOTES_ARTICLE_SECONDS to change it")

    def _overspent(self) -> Optional[float]:
        """Seconds spent when past the budget, else None."""
        if self.seconds is None:
            return None
        spent = time.monotonic() - self.started
        return spent if spent > self.seconds else None
