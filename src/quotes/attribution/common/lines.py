"""Lines of the article text, read as a layout: is this line a headline?

Several stages ask whether a quote or a name sits on a title-case line
(a headline capitalises every long word, so a quote there looks like a title
and "Derelict Obama and Clinton" like a pair of names). Looking a line up
is bounded: a headline is short, so no more than ``HEADLINE_MAX``
characters either side are searched (a page with one huge line stays linear).
"""
from __future__ import annotations

import re
from typing import Optional

HEADLINE_MAX = 400      # characters: a longer line is body text, never a headline


def short_line(text: str, start: int, end: Optional[int] = None, limit: int = HEADLINE_MAX) -> Optional[str]:
    """The line holding ``text[start:end]``, or None when it is longer than ``limit``."""
    end = start if end is None else end
    low = max(0, start - limit)
    newline = text.rfind("\n", low, start)
    if newline < 0 and low > 0:
        return None
    line_start = newline + 1
    line_end = text.find("\n", end, end + limit + 1)
    if line_end < 0:
        if end + limit < len(text):
            return None
        line_end = len(text)
    return text[line_start:line_end] if line_end - line_start <= limit else None


def line_start_before(text: str, offset: int) -> Optional[int]:
    """Where the line holding ``offset`` starts when only blanks stand before
    ``offset`` on it, else None; it reads back over the blanks alone, so a
    page with one huge line stays linear."""
    i = offset - 1
    while i >= 0 and text[i] in " \t\r\f\v\u00a0":
        i -= 1
    return i + 1 if i < 0 or text[i] == "\n" else None


def line_end_after(text: str, offset: int) -> Optional[int]:
    """Where the line holding ``offset`` ends when only blanks follow
    ``offset`` on it, else None (bounded as ``line_start_before`` is)."""
    i = offset
    while i < len(text) and text[i] in " \t\r\f\v\u00a0":
        i += 1
    return i if i >= len(text) or text[i] == "\n" else None


def title_case(words: list[str], share: float = 0.8, if_empty: bool = False) -> bool:
    """Whether at least ``share`` of the long words (over three letters) open
    with a capital; ``if_empty`` when there are none."""
    long = [w for w in words if len(w) > 3]
    if not long:
        return if_empty
    return sum(w[:1].isupper() for w in long) >= share * len(long)


# a dateline opening a story or paragraph: "WASHINGTON (Reuters) -", "MOSCOW --", "CARDIFF —"
# or a place in title case before a wire service's name: "Washington (AFP) –"
# (a hyphen joined to the word is no dateline: "KING-TV", "NBC-TV")
DATELINE = re.compile(r"(?:[A-Z][A-Z.,' ]{2,}(?:\s*\([^)]{1,40}\))?"
                      r"|[A-Z][a-z]+(?:[ ,.]{1,2}[A-Z][a-z.]+){0,3}\s*\((?:[A-Z]{2,6}|Reuters|Bloomberg)\))"
                      r"(?:\s*(?:--|—|–|―)|\s+-|(?<=\))-)\s*")


def without_dateline(text: str) -> str:
    """``text`` less a dateline it opens with."""
    m = DATELINE.match(text)
    return text[m.end():] if m else text

