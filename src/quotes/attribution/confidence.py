"""A confidence per record: how much each rule and each resolution step is
trusted, so that sorting by it puts likely mistakes last.

Tagged records start from the tagger's own mean probability over their cue
and content words; rule-only records from per-rule weights that follow what
the rules score on PolNeAR dev (quote marks with a cue right after them are
the safest).  A missing or unresolved speaker and a cognition verb lower
both.  On PolNeAR dev a record that found a gold quote outranks one that did
not with AUC 0.81 (``quotes evaluate`` prints it).
"""
from __future__ import annotations

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.cues import verb_lemma
from quotes.attribution.common.lexicon import COGNITION_VERBS
from quotes.attribution.document.parsed import ParsedText
from quotes.records import DIRECT, MIXED

RULE_BASE = {
    "quote-after": 0.90,
    "quote-before": 0.80,
    "according": 0.80,
    "ccomp": 0.72,
    "surface": 0.6,
    "xcomp": 0.55,
    "object": 0.50,
    "headline": 0.45,
}
COGNITION_PENALTY = 0.12
TAGGER_FLOOR, TAGGER_SPAN, RULE_AGREES = 0.1, 0.8, 0.1


def score(cand: Candidate, has_speaker: bool, resolved: bool, cognition: bool) -> float:
    value = RULE_BASE.get(cand.rule, 0.5)
    if cand.tagger_prob is not None:
        # the tagger's own certainty over the cue and content words, raised
        # where a rule read the same cue
        value = TAGGER_FLOOR + TAGGER_SPAN * cand.tagger_prob + (RULE_AGREES if cand.rule_agrees else 0.0)
    if cand.kind in (DIRECT, MIXED) and cand.rule in ("ccomp", "xcomp", "object"):
        value += 0.08     # quote marks back up the tree
    if not has_speaker:
        value -= 0.25
    elif not resolved:
        value -= 0.10
    if cognition:
        value -= COGNITION_PENALTY
    return round(min(0.99, max(0.05, value)), 3)


def record_confidence(parsed: ParsedText, cand: Candidate, has_speaker: bool, resolved: bool) -> float:
    """``score`` with the cognition test read off the cue's last word."""
    cognition = bool(cand.cue_words) and verb_lemma(parsed.words[cand.cue_words[-1]]) in COGNITION_VERBS
    return score(cand, has_speaker, resolved, cognition)
