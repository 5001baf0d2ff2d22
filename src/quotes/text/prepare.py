"""The one step every article goes through before parsing: size check, boilerplate blanked.

``prepare(text)`` is called by extraction (``quotes extract``, and through it
``quotes ingest``), by ``quotes evaluate`` and by tagger training alike, so
that what the parser reads and what the rules read never differ between them.
The page it returns has the text's length (boilerplate lines turned into
spaces), so offsets into it are offsets into the article; the parser then
normalises it one character for one character (``normalize.py``) on its way in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from quotes import settings
from quotes.text.boilerplate import blank_boilerplate


class TooLarge(ValueError):
    """An article over the size limit (``QUOTES_MAX_CHARS``)."""


@dataclass(frozen=True)
class PreparedText:
    text: str       # the article as given: every offset indexes it
    page: str       # same length, boilerplate lines blanked: what the parser and the layout rules read


def size_problem(text: str) -> Optional[str]:
    """A one-line reason when ``text`` is too large to analyse, else None
    (the only place the limits are checked; readers and engines ask here).

    Too large is over ``QUOTES_MAX_CHARS`` in all, or a stretch longer than
    ``QUOTES_MAX_RUN_CHARS`` without a sentence end or a line break: the
    parser's time on such a stretch is minutes for what is not prose, so it is
    refused here, in one pass over the text, before any model is loaded.
    """
    limit = settings.max_chars()
    if len(text) > limit:
        return (f"too large to analyse: {len(text):,} characters "
                f"(limit {limit:,}; set QUOTES_MAX_CHARS to change it)")
    return run_problem(text)


# what ends a stretch: a sentence end (Latin or CJK) or a line break
_BOUNDARY = ".!?\u2026\u3002\uff01\uff1f\n\r\u2028\u2029"


def run_problem(text: str) -> Optional[str]:
    """A one-line reason when ``text`` holds a stretch longer than
    ``QUOTES_MAX_RUN_CHARS`` with no sentence end or line break, else None."""
    limit = settings.max_run_chars()
    if limit <= 0 or len(text) <= limit:
        return None
    found = re.search(f"[^{_BOUNDARY}]{{{limit + 1},}}", text)
    if found is None:
        return None
    return (f"too large to analyse: {found.end() - found.start():,} characters without a sentence end "
            f"or line break at offset {found.start():,} (limit {limit:,}; set QUOTES_MAX_RUN_CHARS "
            "to change it)")


def prepare(text: str) -> PreparedText:
    """The article ready for the parser; raises ``TooLarge`` past the limit."""
    problem = size_problem(text)
    if problem:
        raise TooLarge(problem)
    return PreparedText(text=text, page=blank_boilerplate(text))
