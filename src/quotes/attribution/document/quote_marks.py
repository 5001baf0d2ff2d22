"""Find quoted stretches of text from the quote marks alone.

Works on the original text (curly marks tell opening from closing, unless
their neighbours say otherwise; straight ones are judged by their
neighbours).  A quote left open at the end of a paragraph whose next
paragraph re-opens with a mark is a multi-paragraph quote: each paragraph
gives one span and the spans share a ``group``.
Unbalanced marks never raise: an opening mark with no partner closes at the
end of its paragraph, a stray closing mark is ignored.
"""
from __future__ import annotations

from bisect import bisect_left

import re
from dataclasses import dataclass

from quotes.intervals import covered_by

OPEN_DOUBLE = "“„«‟〝"
CLOSE_DOUBLE = "”»〞"
OPEN_SINGLE = "‘‹‛"
CLOSE_SINGLE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
# the longest a single-quoted stretch may be (apostrophes make longer ones unlikely)
MAX_SINGLE_LEN = 250


@dataclass
class QuoteSpan:
    start: int          # offset of the opening mark
    end: int            # offset just past the closing mark (or the paragraph end)
    closed: bool        # a closing mark was found
    single: bool        # single quote marks
    group: int          # quotes continued across paragraphs share a group

    @property
    def inner(self) -> tuple[int, int]:
        return (self.start + 1, self.end - 1 if self.closed else self.end)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _straight_role(text: str, i: int, width: int = 1) -> str:
    """'open', 'close' or 'either' for a straight mark at ``i`` from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-/" or after in CLOSE_DOUBLE):
        return "close"
    return "either"


def _double_marks(text: str) -> list[tuple[int, int, str]]:
    """(offset, width, role) of every double quote mark: curly, guillemets,
    straight ``"`` and the typewriter pairs ``''`` / ``````."""
    out = []
    i = 0
    last_guillemet = None           # French « … » (spaced or not), German » … «: the pair's first sets the order
    while i < len(text):
        ch = text[i]
        if ch in "«»":
            out.append((i, 1, "close" if last_guillemet is not None and last_guillemet != ch else "open"))
            last_guillemet = None if last_guillemet is not None and last_guillemet != ch else ch
        elif ch in OPEN_DOUBLE:
            # German „…“ closes with “; a “ glued to the word before it closes
            out.append((i, 1, "close" if _straight_role(text, i) == "close" else "open"))
        elif ch in CLOSE_DOUBLE:
            # ”…” (Nordic style, or a slip): a ” at a line start or after a
            # space, glued to the word after it, opens
            out.append((i, 1, "open" if _straight_role(text, i) == "open" else "close"))
        elif ch == STRAIGHT_DOUBLE:
            out.append((i, 1, _straight_role(text, i)))
        elif text.startswith("``", i):
            out.append((i, 2, "open"))
            i += 1
        elif text.startswith("''", i) and not text.startswith("'''", i):
            out.append((i, 2, _straight_role(text, i, 2)))
            i += 1
        i += 1
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines; a line wrapped mid-sentence (no end punctuation, the next
    line going on in lower case: "we will do it" / "quickly," he said) is one
    paragraph with the next."""
    out, pos = [], 0
    wrapped = False
    for line in text.split("\n"):
        if line.strip():
            if wrapped and out and line.lstrip()[:1].islower():
                out[-1] = (out[-1][0], pos + len(line))
            else:
                out.append((pos, pos + len(line)))
            wrapped = line.rstrip()[-1:].isalnum() or line.rstrip()[-1:] == ","
        else:
            wrapped = False
        pos += len(line) + 1
    return out


def find_double_quotes(text: str) -> list[QuoteSpan]:
    marks = _double_marks(text)
    spans: list[QuoteSpan] = []
    group = 0
    carry_group = None          # group of a quote left open at the previous paragraph's end
    next_mark = 0               # marks are in text order: walk them once
    for p_start, p_end in _paragraphs(text):
        while next_mark < len(marks) and marks[next_mark][0] < p_start:
            next_mark += 1
        first_mark = next_mark
        while next_mark < len(marks) and marks[next_mark][0] < p_end:
            next_mark += 1
        para_marks = marks[first_mark:next_mark]
        open_at = None
        open_width = 1
        continued_here = None
        for k, (pos, width, role) in enumerate(para_marks):
            if open_at is None:
                if role == "close":
                    continue        # a stray closing mark
                if role in ("open", "either"):
                    open_at, open_width = pos, width
                    if carry_group is not None and pos == _first_visible(text, p_start):
                        continued_here = carry_group
            else:
                if role in ("close", "either"):
                    g = continued_here if continued_here is not None else group
                    spans.append(QuoteSpan(open_at, pos + width, True, False, g))
                    if continued_here is None:
                        group += 1
                    continued_here = None
                    open_at = None
                elif role == "open" and pos > open_at + open_width:
                    # two openings in a row: the first was stray, restart here
                    open_at, open_width = pos, width
        carry_group = None
        if open_at is not None:
            # open at the paragraph end: continued if the next paragraph re-opens
            g = continued_here if continued_here is not None else group
            if continued_here is None:
                group += 1
            end = p_end
            while end > open_at and text[end - 1].isspace():
                end -= 1
            spans.append(QuoteSpan(open_at, end, False, False, g))
            carry_group = g
    return spans


def _first_visible(text: str, start: int) -> int:
    while start < len(text) and text[start] in " \t":
        start += 1
    return start


# an apostrophe that opens a word is no quote mark: 'Tis, 'em, rock 'n' roll, the '90s
_ELISION = r"(?!(?i:tis|twas|twere|twill|em|n|cause|cos|til|bout|round|nuff|kay)\b)(?!\d0s\b)"
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘‹‛]" + _ELISION + r"(?=[A-Za-z0-9$])", re.M)


def find_single_quotes(text: str, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quoted stretches outside double quotes: 'X' with a word after the
    opening mark and a non-letter after the closing one (so apostrophes in
    ``don't`` or ``voters'`` are not taken). A quote opening a paragraph may
    run its whole length, and one left open there goes on in the next
    paragraph when that opens with a mark (British style); the spans of one
    quote share a ``group`` (numbered from 0 here)."""
    out = []
    busy = covered_by(taken)        # bisected: a scan per mark was quadratic
    # line ends, found once and bisected: a search per mark to its line's ends
    # was quadratic on a long line full of marks
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    line_ends = {}                  # line end -> its last non-space, once per line
    pos = 0
    group = 0
    carry = None                    # (group, where the next paragraph's text starts)
    for m in _SINGLE_OPEN.finditer(text):
        start = m.start()
        if start < pos or busy(start):
            continue
        at = bisect_left(breaks, start)
        line_start = breaks[at - 1] + 1 if at else 0
        opens_paragraph = _LEADING_SPACE.match(text, line_start).end() >= start
        stop = breaks[at] if at < len(breaks) else len(text)
        limit = stop if opens_paragraph else min(stop, start + MAX_SINGLE_LEN)
        close = None
        interrupted = False
        for j in range(start + 2, limit):
            ch = text[j]
            if ch in "'‘" and text[j - 1].isspace() and _SINGLE_OPEN.match(text, j):
                interrupted = True
                break          # another quote opens first: this mark was an apostrophe
            if ch in CLOSE_SINGLE + STRAIGHT_SINGLE + "›":
                after = text[j + 1] if j + 1 < len(text) else " "
                before = text[j - 1]
                if not _is_word(after) and before != " " and not (before == "s" and ch in "'’" and after == " " and _looks_possessive(text, j)):
                    close = j
                    break
        continued = carry is not None and carry[1] == start
        this_group = carry[0] if continued else group
        carry = None
        if close is None:
            # (mid-paragraph, only a quote that ends its paragraph on a full stop)
            if stop not in line_ends:
                line_ends[stop] = _trimmed_end(text, stop)
            end = max(start, line_ends[stop])
            ends_sentence = end > start and text[end - 1] in ".!?…"
            if interrupted or limit < stop or not (opens_paragraph or continued or ends_sentence):
                continue
            following = _next_paragraph(text, stop)
            if following is None or following >= len(text) or text[following] not in "'‘":
                continue
            out.append(QuoteSpan(start, end, False, True, this_group))
            carry = (this_group, following)
        else:
            out.append(QuoteSpan(start, close + 1, True, True, this_group))
            pos = close + 1
        if not continued:
            group += 1
    return out


_LEADING_SPACE = re.compile(r"\s*")


def _trimmed_end(text: str, stop: int) -> int:
    """Where a line ending at ``stop`` ends once trailing spaces are cut."""
    end = stop
    while end > 0 and text[end - 1].isspace() and text[end - 1] != "\n":
        end -= 1
    return end


def _next_paragraph(text: str, line_end: int):
    """Where the next non-empty line's text starts, or None."""
    i = line_end
    while i < len(text) and text[i] in " \t\n\r":
        i += 1
    return i if i < len(text) else None


# words that follow a closing quote, not a possessive ("had 'no regrets' about the break")
_AFTER_QUOTE = frozenset("""about after against and as at because before but by for from if in into of on or
over since than that the then to until when where which while who with without""".split())


def _looks_possessive(text: str, j: int) -> bool:
    """``voters' rights``: an s-apostrophe followed by a lower-case word that
    is not a preposition or conjunction."""
    rest = text[j + 1:j + 3]
    if not (len(rest) == 2 and rest[0] == " " and rest[1].islower()):
        return False
    following = re.match(r"[a-z]+", text[j + 2:j + 14])
    return not (following and following.group() in _AFTER_QUOTE)


class Quotes(list):
    """QuoteSpans ordered by start, with look-ups that don't scan the list.

    Per-candidate scans over every quote made an article with thousands of
    quotes quadratic; these bisect over the starts instead.
    """

    def __init__(self, spans=()):
        super().__init__(sorted(spans, key=lambda q: q.start))
        self._starts = [q.start for q in self]
        self._max_end = []          # running max of ends: nested quotes stay findable
        for q in self:
            self._max_end.append(max(q.end, self._max_end[-1] if self._max_end else q.end))
        self._groups: dict[int, list[QuoteSpan]] = {}
        for q in self:
            self._groups.setdefault(q.group, []).append(q)

    def overlapping(self, start: int, end: int) -> list[QuoteSpan]:
        """Quotes sharing at least one character with [start, end), in text order."""
        out = []
        i = bisect_left(self._starts, end) - 1
        while i >= 0 and self._max_end[i] > start:
            if self[i].end > start:
                out.append(self[i])
            i -= 1
        return out[::-1]

    def in_group(self, group: int) -> list[QuoteSpan]:
        return self._groups.get(group, [])


def as_quotes(spans) -> Quotes:
    return spans if isinstance(spans, Quotes) else Quotes(spans)


def find_quotes(text: str) -> Quotes:
    """All quoted stretches, ordered by offset; single-quote spans get their own groups."""
    doubles = find_double_quotes(text)
    singles = find_single_quotes(text, doubles)
    first_group = max((q.group for q in doubles), default=-1) + 1
    for q in singles:
        q.group += first_group
    return Quotes(doubles + singles)
