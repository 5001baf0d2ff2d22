"""Plain records that flow between the stages (read -> parse -> extract -> store)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Optional

# kinds of attribution
DIRECT = "direct"      # the whole content is inside quote marks
MIXED = "mixed"        # reported speech that contains a quoted fragment
INDIRECT = "indirect"  # reported claim, no quote marks

# speaker types
PERSON = "person"
ORGANIZATION = "organization"
COUNTRY = "country"
GROUP = "group"        # several people, unnamed: "critics", "Trump aides"
UNNAMED = "unnamed"    # one person, unnamed: "a senior official"
UNKNOWN = "unknown"


@dataclass
class Article:
    """One article as read from disk, stdin or a JSONL line, before parsing."""
    text: str
    source: str                      # file path, "<stdin>", or "file.jsonl:LINE"
    title: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None  # ISO date
    language: Optional[str] = None
    warning: Optional[str] = None    # read, but doubtful (one line; not stored): a page whose text was mostly left out


@dataclass
class Attribution:
    """One quote or reported claim with its speaker, cue and channel.

    Offsets are Python string indices into the article text as read.
    ``content_spans`` holds one [start, end] pair per fragment; for direct
    quotes the spans include the quote marks (PolNeAR's convention).
    ``content`` is the fragments' text joined by " … ".
    """
    kind: str
    content: str
    content_spans: list[list[int]]
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    speaker: Optional[str] = None           # canonical name, one per person/body in the article
    speaker_mention: Optional[str] = None   # the words naming the speaker at this quote
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    speaker_role: Optional[str] = None      # "Kremlin spokesman"
    speaker_type: str = UNKNOWN
    channel: Optional[str] = None           # normalised: "Reuters", "press release"
    channel_mention: Optional[str] = None
    confidence: float = 0.5
    sentence: int = 0                       # index of the sentence holding the cue (or content start)

    def to_dict(self) -> dict:
        return asdict(self)


CONTENT_JOINER = " … "


def join_spans(text: str, spans: list[list[int]]) -> str:
    return CONTENT_JOINER.join(text[start:end] for start, end in spans)
