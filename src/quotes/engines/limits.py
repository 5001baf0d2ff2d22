"""Articles too big to analyse are refused up front, with a reason.

Parsing costs grow with length (about 1,000 words/s a core here, and the
parser's memory grows with the square of a sentence's length), so a 50 MB
"article" -- a log file, a database dump, a whole site concatenated -- would
hold a worker for hours and may exhaust memory.  Real news articles are far
below the limit (PolNeAR's longest is 34 kB); the limit is a setting, not a
guess about content: ``QUOTES_MAX_CHARS`` raises or lowers it.  The readers
refuse such files first (same default); this guard covers articles handed to
the engines directly through the Python API.
"""
from __future__ import annotations

import os
from typing import Optional



def max_chars() -> int:
    value = os.environ.get("QUOTES_MAX_CHARS")
    if value:
        return int(value)
    from quotes.read.base import MAX_ARTICLE_CHARS  # one default for readers and engines
    return MAX_ARTICLE_CHARS


def size_problem(text: str) -> Optional[str]:
    """A one-line reason when ``text`` is too large to analyse, else None."""
    limit = max_chars()
    if len(text) > limit:
        return (f"too large to analyse: {len(text):,} characters "
                f"(limit {limit:,}; set QUOTES_MAX_CHARS to change it)")
    return None


def check_article(article):
    """An ``AnalyzedArticle`` carrying the refusal, or None when the article may go ahead."""
    from quotes.engines import AnalyzedArticle

    problem = size_problem(article.text)
    return AnalyzedArticle(article, error=problem) if problem else None
