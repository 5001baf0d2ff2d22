"""Blank out page boilerplate before parsing, keeping every offset in place.

Scraped pages carry lines that are not the article: a navigation line in
another script, an image caption printed twice, a size widget ("XS SM MD LG"),
an author's "Follow ... on Twitter @..." sign-off, a "Read more: ..." link to
another story, a live blog's time stamp ("10:42 GMT", "Updated 3 min ago").
They are replaced by spaces of the same length (newlines kept), so the parser
never sees them and offsets into the original text stay valid.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

# one-line page furniture seen on news sites
_FURNITURE = re.compile(
    r"^(advertisement|share|share this|comments?|print|e-?mail|related|read more|see also|"
    r"skip to (main )?content|accessibility links|subscribe|sign in|log in|menu|search|key events|"
    r"show key events only|live|live updates|live coverage)$", re.I)
# a live blog's time stamp on a line of its own: "10:42 GMT", "Updated 14:05 BST", "3 min ago"
_TIMESTAMP = re.compile(
    r"^(?:(?:last\s+)?(?:updated|posted|published)\s*:?\s*(?:at\s+)?)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:GMT|BST|UTC|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT|[ECMP][SD]?T)\)?)?|"
    r"\d+\s+(?:secs?|seconds?|mins?|minutes?|hours?|hrs?|days?)\s+ago)$", re.I)
# a link to another story: "Read more: Smith says he will run again", "RELATED: ..."
_LINK_LINE = re.compile(r"^(?:read more|related(?: coverage| stories| articles)?|see also|more|watch|listen|"
                        r"also read|recommended|read next|trending|most read|click here)\s*[:|»›>-]\s*\S", re.I)
# an author's sign-off: "Follow Pam Key on Twitter @pamkeyNEN."
_FOLLOW = re.compile(r"^[\"“]?Follow\b.{0,150}?\bon (?:Twitter|X)\b:?\s*(?:at\s+)?@\w+")
# size/format widgets: short upper-case tokens only, e.g. "XS SM MD LG" or "A A A"
_WIDGET = re.compile(r"^(?:[A-Z]{1,3}\s*){1,8}$")


def _latin_share(line: str) -> float:
    letters = [ch for ch in line if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


def boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """[start, end) character ranges of lines judged to be page boilerplate."""
    lines = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw), raw.strip()))
        pos += len(raw) + 1
    counts = Counter(s for _, _, s in lines if len(s.split()) >= 4)
    short_run = _short_widget_runs(lines)
    out = []
    for n, (start, end, stripped) in enumerate(lines):
        if not stripped:
            continue
        if (_latin_share(stripped) < 0.5                      # another script: nav line
                or counts.get(stripped, 0) > 1                  # printed twice: caption
                or _FURNITURE.match(stripped)
                or _LINK_LINE.match(stripped)
                or _FOLLOW.match(stripped)
                or _TIMESTAMP.match(stripped)
                or (n in short_run)):
            out.append((start, end))
    return out


def _short_widget_runs(lines: list[tuple[int, int, str]]) -> set[int]:
    """Line numbers belonging to a widget: one line of tiny upper-case tokens
    ("XS SM MD LG"), or two or more consecutive lines that each hold one."""
    out: set[int] = set()
    run: list[int] = []

    def flush():
        if len(run) >= 2 or (len(run) == 1 and len(lines[run[0]][2].split()) >= 2):
            out.update(run)
        run.clear()

    for n, (_, _, stripped) in enumerate(lines):
        if stripped and _WIDGET.match(stripped) and len(stripped) <= 24:
            run.append(n)
        elif stripped or run:
            flush()
    flush()
    return out


def blank_boilerplate(text: str) -> str:
    """``text`` with boilerplate lines turned into spaces (same length)."""
    ranges = boilerplate_lines(text)
    if not ranges:
        return text
    chars = list(text)
    for start, end in ranges:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
