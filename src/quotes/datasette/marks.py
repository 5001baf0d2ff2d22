"""The article page's highlights: the stored text cut where any record's span starts or ends.

Offsets are character offsets into ``articles.text`` (Python string indexes,
as the extractor reports them).  Each record marks its content (every span of
``content_spans``: a quote split by its cue has two), its cue, its speaker
mention and its channel mention; the channel has no stored offsets, so the
mention is looked up in the text nearest the content.  Spans of different
records may overlap (two quotes naming the same "he"), so the text is cut at
every boundary and each piece lists every record and role over it.  Pieces
are plain strings: the template escapes them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Optional

# drawn in this order, the later on top where roles overlap
ROLES = ("content", "channel", "speaker", "cue")
LOW_CONFIDENCE = 0.5    # below it a record is marked as a likely mistake
CHANNEL_REACH = 400     # characters around the content searched for the channel mention


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    role: str
    quote_id: int


@dataclass
class Piece:
    text: str
    start: int
    roles: tuple[str, ...] = ()
    quote_ids: tuple[int, ...] = ()
    low: bool = False       # every record over it is below LOW_CONFIDENCE


def record_marks(record: dict, text: str) -> list[Mark]:
    """The spans one stored quote row marks in ``text``; spans outside the text are left out."""
    marks = [Mark(start, end, "content", record["id"]) for start, end in _spans(record.get("content_spans"))]
    for role, start, end in (("cue", record.get("cue_start"), record.get("cue_end")),
                             ("speaker", record.get("speaker_start"), record.get("speaker_end"))):
        if start is not None and end is not None:
            marks.append(Mark(int(start), int(end), role, record["id"]))
    channel = _channel_span(text, record.get("channel_mention"), marks)
    if channel:
        marks.append(Mark(*channel, "channel", record["id"]))
    return [m for m in marks if 0 <= m.start < m.end <= len(text)]


def pieces(text: str, records: Iterable[dict]) -> list[Piece]:
    """``text`` cut into pieces, each with the records and roles over it."""
    records = list(records)
    marks = [mark for record in records for mark in record_marks(record, text)]
    low = {r["id"] for r in records if r.get("confidence") is not None and r["confidence"] < LOW_CONFIDENCE}
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    result = []
    for start, end in zip(cuts, cuts[1:]):
        over = [m for m in marks if m.start <= start and end <= m.end]
        ids = tuple(sorted({m.quote_id for m in over}))
        roles = tuple(role for role in ROLES if any(m.role == role for m in over))
        result.append(Piece(text[start:end], start, roles, ids, bool(ids) and set(ids) <= low))
    return result


def _spans(stored: Optional[str]) -> list[tuple[int, int]]:
    try:
        spans = json.loads(stored or "[]")
        return [(int(start), int(end)) for start, end in spans]
    except (ValueError, TypeError):
        return []       # a damaged spans column hides that record's content, not the page


def _channel_span(text: str, mention: Optional[str], marks: list[Mark]) -> Optional[tuple[int, int]]:
    content = [m for m in marks if m.role == "content"] or marks
    if not mention or not content:
        return None
    low = max(0, min(m.start for m in content) - CHANNEL_REACH)
    high = min(len(text), max(m.end for m in content) + CHANNEL_REACH)
    anchor = min(m.start for m in content)
    found, at = [], text.find(mention, low, high)
    while at >= 0:
        found.append(at)
        at = text.find(mention, at + 1, high)
    if not found:
        return None
    start = min(found, key=lambda position: abs(position - anchor))
    return start, start + len(mention)
