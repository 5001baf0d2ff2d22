"""The rules stage: claims read off the tree, quotes given their cues, layouts,
settled against the quote marks into one list of candidates.

Each rule module finds its own kind (``claims``, ``quote_attach``,
``layout``); this module only orders them and settles what they found.
"""
from __future__ import annotations

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.reconcile import merge_same_cue, reconcile, set_cue_span, settle
from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.document.quote_marks import Quotes, as_quotes
from quotes.attribution.rules.claims import find_claims
from quotes.attribution.rules.layout import layout_candidates
from quotes.attribution.rules.quote_attach import attach_quotes, continued_paragraphs, join_continuations

# layouts whose content spans are exact as found
PAGE_SPAN_RULES = ("transcript", "qa-answer", "qa-question", "block-quote", "embedded-post")


def rule_candidates(parsed: ParsedText, text: str, page: str, quotes: Quotes) -> list[Candidate]:
    """``page``: ``text`` with boilerplate blanked; ``quotes``: the quote marks read off it."""
    claims = find_claims(parsed)
    layout = layout_candidates(parsed, quotes, page)
    if layout:
        # a speaker label or signature is not itself a cue or content of another claim
        labels = {i for c in layout for i in c.cue_words + c.source_words}
        claims = [c for c in claims if not labels & set(c.cue_words)]
        claims += layout
    claims = settle(parsed, text, quotes, [c for c in claims if c.rule not in PAGE_SPAN_RULES]) \
        + [_keep_page_spans(parsed, quotes, c) for c in claims if c.rule in PAGE_SPAN_RULES]
    covered: set[int] = set()
    for c in claims:
        covered |= c.quote_groups
    direct = attach_quotes(parsed, text, quotes, covered)
    cands = merge_same_cue(sorted(claims + direct, key=lambda c: c.anchor))
    join_continuations(parsed, text, quotes, cands, covered)
    cands = sorted(cands + continued_paragraphs(parsed, text, quotes, cands, covered), key=lambda c: c.anchor)
    for c in cands:
        set_cue_span(parsed, c)
    cands = [c if c.rule in PAGE_SPAN_RULES else reconcile(c, text, quotes) for c in cands if c.content_spans]
    return _drop_nested(cands)


def _keep_page_spans(parsed: ParsedText, quotes: Quotes, c: Candidate) -> Candidate:
    """Cue span set and the quotes it covers recorded, the content left as read
    off the page (a transcript quoted whole is one long quote to the marks;
    snapping onto them would run its turns together)."""
    set_cue_span(parsed, c)
    c.quote_groups |= {q.group for s, e in c.content_spans for q in as_quotes(quotes).overlapping(s, e)}
    return c


def _drop_nested(cands: list[Candidate]) -> list[Candidate]:
    """A candidate whose cue lies inside another's content and whose content
    is that same stretch is a parse echo; keep the outer one.  Nested
    attributions inside quotes (a speaker quoting someone else) stay."""
    rules_by_content: dict[tuple, set[str]] = {}
    for c in cands:
        rules_by_content.setdefault(tuple(map(tuple, c.content_spans)), set()).add(c.rule)
    return [c for c in cands
            if not (c.rule in ("xcomp", "object")
                    and rules_by_content[tuple(map(tuple, c.content_spans))] - {c.rule})]
