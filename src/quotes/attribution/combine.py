"""The combine stage: the tagger's records first, the rules' to fill its gaps.

Typographic layouts (transcript turns, headline labels, signatures, block
quotes) are read more surely from the page than by the tagger and go first;
every other tagged record stands; a trusted rule's record is added where the
tagger saw neither its cue nor any of its content.
"""
from __future__ import annotations

from bisect import bisect_left

from quotes.attribution.common.candidates import Candidate

# typographic rules, which take precedence over the tagger
LAYOUT_RULES = ("transcript", "qa-answer", "qa-question", "headline-label", "signature", "block-quote", "embedded-post")
# rules whose records are added where the tagger saw nothing
TRUSTED_RULES = ("quote-after", "quote-before", "quote-continued", "according", "ccomp", "headline") + LAYOUT_RULES


def combine(rules: list[Candidate], tagged: list[Candidate], text: str) -> list[Candidate]:
    """Tagger first, rules to fill its gaps: every tagged record stands; a
    trusted rule's record is added where the tagger saw neither its cue nor
    any of its content.  (Measured on PolNeAR dev: with the five-seed tagger,
    preferring the rule's record where both saw a cue cost 0.05 content F1
    and 0.04 source F1; rules only adding what the tagger missed gain 0.01
    over the tagger alone.)"""
    # typographic layouts (transcript turns, headline labels, signatures) are
    # read more surely from the page than by the tagger
    layout = [c for c in rules if c.rule in LAYOUT_RULES]
    layout_words = {i for c in layout for i in c.cue_words + c.source_words}
    layout_content = [s for c in layout for s in c.content_spans]
    questions = sorted(span for q in layout if q.rule == "qa-question" for span in q.content_spans)
    out = layout + [c for c in tagged if not set(c.cue_words + c.source_words) & layout_words
                    and (not _overlaps(c.content_spans, layout_content) or _inside_question(c, questions))
                    and not _scare_quote(c, text)]
    trusted = [c for c in rules if c.rule in TRUSTED_RULES and c.rule not in LAYOUT_RULES]
    rule_cues = {i for c in trusted for i in c.cue_words}
    for t in out:
        t.rule_agrees = t.rule_agrees or bool(set(t.cue_words) & rule_cues)
    tag_cues = {i for c in out for i in c.cue_words}
    tag_content = [s for c in out for s in c.content_spans]
    out += [c for c in trusted if not set(c.cue_words) & tag_cues and not _overlaps(c.content_spans, tag_content)]
    return _one_per_content(out + _reported_inside_according(trusted, out, text))


def _inside_question(c: Candidate, questions: list[tuple[int, int]]) -> bool:
    """A claim an interviewer's question reports ("There's lots of talk ...
    Donald Trump says we should ..."): its content lies inside the question,
    after its start (where its speaker and cue are), so it is a record of its
    own, not the question read again.  (``questions``: sorted spans, bisected.)"""
    if not c.content_spans:
        return False
    first = min(s for s, _ in c.content_spans)
    k = bisect_left(questions, (first,)) - 1          # the last question starting before the content
    if k < 0:
        return False
    start, end = questions[k]
    return all(start < s and e <= end for s, e in c.content_spans)


def _one_per_content(cands: list[Candidate]) -> list[Candidate]:
    """Two cues for one quotation (``The minister said: 'X.`` ⏎ ``'Y,' she
    added``) make one record: the first with a speaker, else the first."""
    by_content: dict[tuple, list[Candidate]] = {}
    for c in cands:
        by_content.setdefault(tuple(map(tuple, c.content_spans)), []).append(c)
    keep = set()
    for same in by_content.values():
        same = sorted(same, key=lambda c: (not c.source_words, c.anchor))
        keep.add(id(same[0]))
    return [c for c in cands if id(c) in keep]


def _reported_inside_according(trusted: list[Candidate], kept: list[Candidate], text: str) -> list[Candidate]:
    """"He added that ..., according to a spokeswoman": the claim is his, passed
    on by her, so his own record stands beside hers, its content cut before
    "according to".  (PolNeAR mostly leaves such nested claims out; inside
    "according to" it is 2 records on dev.)"""
    according = [c for c in kept if c.cue_span and text[c.cue_span[0]:c.cue_span[1]].lower().startswith("according")]
    kept_ids = {id(c) for c in kept}
    kept_cues = {i for c in kept for i in c.cue_words}
    out = []
    for c in trusted:
        if c.rule != "ccomp" or id(c) in kept_ids or not c.source_words or not c.cue_span \
                or set(c.cue_words) & kept_cues:
            continue
        outer = next((o for o in according for s, e in o.content_spans
                      if s <= c.cue_span[0] and c.cue_span[1] <= e), None)
        if outer is None:
            continue
        cut = min(x[0] for x in (outer.cue_span, outer.source_span) if x)
        spans = [(s, min(e, cut)) if s < cut else (s, e) for s, e in c.content_spans]
        spans = [(s, s + len(text[s:e].rstrip(" ,;—-"))) for s, e in spans]
        c.content_spans = [(s, e) for s, e in spans if e > s]
        if c.content_spans:
            out.append(c)
    return out


def _scare_quote(c: Candidate, text: str) -> bool:
    """A few quoted words with no speaker ("the so-called “peace plan”") are
    a title or scare quote, not speech."""
    n_words = sum(len(text[s:e].split()) for s, e in c.content_spans)
    return c.kind == "direct" and n_words < 4 and not c.source_words


def _overlaps(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s, e in spans for s2, e2 in others)
