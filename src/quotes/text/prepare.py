"""The one step every article goes through before parsing: size check, boilerplate blanked.

``prepare(text)`` is called by extraction (``quotes extract``, and through it
``quotes ingest``), by ``quotes evaluate`` and by tagger training alike, so
that what the parser reads and what the rules read never differ between them.
The page it returns has the text's length (boilerplate lines turned into
spaces), so offsets into it are offsets into the article; the parser then
normalises it one character for one character (``normalize.py``) on its way in.
"""
from __future__ import annotations

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
    (the only place the limit is checked; readers and engines ask here)."""
    limit = settings.max_chars()
    if len(text) > limit:
        return (f"too large to analyse: {len(text):,} characters "
                f"(limit {limit:,}; set QUOTES_MAX_CHARS to change it)")
    return None


def prepare(text: str) -> PreparedText:
    """The article ready for the parser; raises ``TooLarge`` past the limit."""
    problem = size_problem(text)
    if problem:
        raise TooLarge(problem)
    return PreparedText(text=text, page=blank_boilerplate(text))
