"""Articles too big to analyse are refused up front, with a reason.

Parsing costs grow with length (about 1,000 words/s a core here, and the
parser's memory grows with the square of a sentence's length), so a 50 MB
"article" -- a log file, a database dump, a whole site concatenated -- would
hold a worker for hours and may exhaust memory.  Real news articles are far
below the limit (PolNeAR's longest is 34 kB); the limit is a setting, not a
guess about content: ``QUOTES_MAX_CHARS`` raises or lowers it.  The readers
refuse such files first (same check, ``quotes.text.size_problem``); this guard
covers articles handed to the engines directly through the Python API.
"""
from __future__ import annotations

from quotes.text.prepare import size_problem


def check_article(article):
    """An ``AnalyzedArticle`` carrying the refusal, or None when the article may go ahead."""
    from quotes.engines import AnalyzedArticle

    problem = size_problem(article.text)
    return AnalyzedArticle(article, error=problem) if problem else None
