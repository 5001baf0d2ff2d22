"""The internal record the rules build before speakers and channels are resolved."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Candidate:
    rule: str                              # which rule found it, e.g. "ccomp", "quote-after"
    cue_words: list[int]                   # word indices of the cue span (may be empty)
    content_spans: list[tuple[int, int]]   # character spans
    source_words: list[int] = field(default_factory=list)
    source_span: Optional[tuple[int, int]] = None   # characters, when not made of whole words
    cue_span: Optional[tuple[int, int]] = None      # characters (set from cue_words when None)
    quote_groups: set[int] = field(default_factory=set)  # direct-quote groups it contains
    kind: str = "indirect"
    sentence: int = 0
    tagger_prob: Optional[float] = None    # the tagger's mean probability over cue and content words
    rule_agrees: bool = False              # a trusted rule found the same cue

    @property
    def anchor(self) -> int:
        """Offset used to order candidates through the article."""
        if self.cue_span:
            return self.cue_span[0]
        return self.content_spans[0][0] if self.content_spans else 0
