"""Reconcile reported claims with the quote marks inside them.

A claim whose content is a quote and nothing else is a direct quote (its
content becomes the quote, marks included); one that holds a quoted fragment
(``called on both parties to "refrain from ..."``) is mixed; the rest are
indirect.  Candidates found twice for one cue are merged.  ``settle`` runs
the rules' and the tagger's candidates alike through these steps.
"""
from __future__ import annotations

import re

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.lines import DATELINE, short_line, title_case
from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.document.quote_marks import QuoteSpan, as_quotes
from quotes.records import DIRECT, INDIRECT, MIXED

_FILLER = re.compile(r"^[\s,.;:!?—–-]*(that)?[\s,.;:!?—–-]*$", re.I)


def clip_to_enclosing_quote(cand: Candidate, text: str, quotes: list[QuoteSpan]) -> None:
    """A cue inside a quote (the speaker reporting someone) cannot have content
    beyond that quote's closing mark."""
    if not cand.cue_span:
        return
    cue = cand.cue_span[0]
    for q in as_quotes(quotes).overlapping(cue, cue + 1):
        if q.start < cue < q.end:
            limit = q.end - 1 if q.closed else q.end
            spans = []
            for s, e in cand.content_spans:
                e = min(e, limit)
                while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
                    e -= 1
                if e > s:
                    spans.append((s, e))
            cand.content_spans = spans
            return


def _after_dateline(text: str, start: int, end: int) -> tuple[int, int]:
    """"GENEVA — «We are not here ...,» said the envoy": the dateline is no part of what was said."""
    if start and text[start - 1] != "\n":
        return start, end
    m = DATELINE.match(text, start, end)
    return (m.end(), end) if m and m.end() < end else (start, end)


def reconcile(cand: Candidate, text: str, quotes: list[QuoteSpan]) -> Candidate:
    """Set ``kind``, snap content onto quote marks, and record the quote groups used."""
    quotes = as_quotes(quotes)
    cand.content_spans = [_after_dateline(text, s, e) for s, e in cand.content_spans]
    found = {id(q): q for s, e in cand.content_spans for q in quotes.overlapping(s, e)}
    inside = sorted(found.values(), key=lambda q: q.start)
    # a claim nested in a quote (the speaker reporting someone else) is not itself quoted
    if inside and all(q.start < s and e <= q.end for s, e in cand.content_spans for q in inside[:1]) \
            and len(inside) == 1 and cand.kind != DIRECT:
        cand.kind = INDIRECT
        return cand
    if not inside:
        cand.kind = INDIRECT if cand.kind != DIRECT else DIRECT
        return cand
    # a quote that starts inside the content but runs past its end: extend to its closing mark
    spans = []
    for s, e in cand.content_spans:
        for q in inside:
            if s <= q.start < e < q.end and q.end - e <= 3:
                e = q.end
            if q.start < s < q.end <= e and s - q.start <= 2:
                s = q.start
        spans.append((s, e))
    cand.content_spans = spans
    cand.quote_groups |= {q.group for q in inside}
    # what the content holds besides quotes
    rest = "".join(_outside(text, span, inside) for span in spans)
    if _FILLER.match(rest) and not rest.strip().lower().startswith("that"):
        cand.kind = DIRECT
        groups = {q.group for q in inside}
        # a quote over several paragraphs: all its pieces
        spans = sorted({(q.start, q.end) for g in groups for q in quotes.in_group(g)})
        # a quote nested in another ('No, I'll "look" first,') is part of it, not a second span
        cand.content_spans = [(s, e) for s, e in spans
                              if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in spans)]
    elif all(_title(text, q) or _so_called(text, q) for q in inside) or _thought(text, cand):
        # "his favorite book is "One Hundred Years of Solitude"", "thinks that cats
        # are "cuties"": a title or a scare quote in a claim, not the speaker's words
        cand.kind = INDIRECT
    else:
        cand.kind = MIXED
    return cand


def _title(text: str, quote: QuoteSpan) -> bool:
    """A quoted title: two words or more, every long word capitalised, no
    sentence punctuation ("One Hundred Years of Solitude", "American Skin")."""
    inner = text[quote.start + 1:quote.end - 1 if quote.closed else quote.end].strip()
    words = inner.rstrip(".").split()
    if len(words) < 2 or re.search(r"[,;:!?]|\.\s", inner):
        return False
    long = [w for w in words if len(w) > 3]
    if sum(w[:1].isupper() for w in words) < 2 or not all(w[:1].isupper() or not w[:1].isalpha() for w in long):
        return False
    # (in a headline written in title case every quote looks like a title)
    line = short_line(text, quote.start, quote.end)
    return line is None or not title_case(line.split(), if_empty=True)


_SO_CALLED = re.compile(r"(?i)\bso[- ]called\s*$")


def _so_called(text: str, quote: QuoteSpan) -> bool:
    """"used so-called "dark fleet" tankers": the writer's scare quote."""
    return bool(_SO_CALLED.search(text, max(0, quote.start - 12), quote.start))


def _thought(text: str, cand: Candidate) -> bool:
    """A cue of thinking, not saying ("thinks", "believes"): quote marks in what
    someone thinks are the writer's, not theirs."""
    from quotes.attribution.common.lexicon import COGNITION_VERBS, IRREGULAR_VERBS

    if not cand.cue_span:
        return False
    for word in re.findall(r"[a-z]+", text[cand.cue_span[0]:cand.cue_span[1]].lower()):
        stems = {IRREGULAR_VERBS.get(word, word)} | {word[:-len(end)] + add for end, add in
                                                       (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"),
                                                        ("ing", ""), ("ing", "e")) if word.endswith(end)}
        if stems & COGNITION_VERBS:
            return True
    return False


def _outside(text: str, span: tuple[int, int], quotes: list[QuoteSpan]) -> str:
    chars = list(text[span[0]:span[1]])
    for q in quotes:
        for i in range(max(q.start, span[0]), min(q.end, span[1])):
            chars[i - span[0]] = " "
    return "".join(chars)


def merge_same_cue(cands: list[Candidate]) -> list[Candidate]:
    """One record per cue word: ``"X," he said, "Y."`` found from both sides becomes one."""
    by_cue: dict[int, Candidate] = {}
    out = []
    for cand in cands:
        key = cand.cue_words[-1] if cand.cue_words else None
        if key is None or key not in by_cue:
            if key is not None:
                by_cue[key] = cand
            out.append(cand)
            continue
        kept = by_cue[key]
        spans = sorted(set(kept.content_spans) | set(cand.content_spans))
        # nested spans: keep the outer one
        spans = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
        kept.content_spans = spans
        kept.quote_groups |= cand.quote_groups
        if not kept.source_words and cand.source_words:
            kept.source_words = cand.source_words
        if DIRECT in (kept.kind, cand.kind) and MIXED not in (kept.kind, cand.kind):
            kept.kind = DIRECT
    return out


# prepositions that open a setting or a channel after the cue verb ("said | in an
# interview"); "agreed with", "focused on", "bristled at" are the verb's own
_SETTING_PREPOSITIONS = frozenset("in at during via through".split())
_SETTING_OPENERS = frozenset("a an the his her its their this that order".split())


def trim_cue(parsed: ParsedText, c: Candidate) -> None:
    """A cue cut off mid-phrase ends before the preposition that opened the
    phrase: "said | in a news release", "said | in order to" (a particle of the
    verb stays: "called on", "weighed in")."""
    from quotes.attribution.common.cues import verb_lemma
    from quotes.attribution.common.lexicon import PARTICLE_CUES

    words = parsed.words
    if not c.cue_words:
        return
    last = words[c.cue_words[-1]]
    after = words[last.index + 1] if last.index + 1 < len(words) else None
    # only a cue that stops mid-phrase: on a preposition or article ("said in"),
    # or inside a compound ("said in a news | release"); PolNeAR's annotators
    # often take a whole "said in a statement" as the cue
    cut_short = last.upos in ("ADP", "DET") or (
        after is not None and last.upos == "NOUN" and after.upos == "NOUN" and after.sent == last.sent)
    if not cut_short:
        return
    for k, i in enumerate(c.cue_words[1:], 1):
        word = words[i]
        verb = words[c.cue_words[k - 1]]
        following = words[i + 1] if i + 1 < len(words) else None
        if word.lower in _SETTING_PREPOSITIONS and word.upos == "ADP" and verb.upos in ("VERB", "AUX") \
                and (verb_lemma(verb), word.lower) not in PARTICLE_CUES \
                and (following is None or following.lower in _SETTING_OPENERS):
            c.cue_words = c.cue_words[:k]
            c.cue_span = (words[c.cue_words[0]].start, words[c.cue_words[-1]].end)
            return


def set_cue_span(parsed: ParsedText, c: Candidate) -> None:
    if c.cue_words and c.cue_span is None:
        c.cue_span = (parsed.words[c.cue_words[0]].start, parsed.words[c.cue_words[-1]].end)


def settle(parsed: ParsedText, text: str, quotes: list[QuoteSpan], cands: list[Candidate]) -> list[Candidate]:
    """Cue spans set, content clipped to an enclosing quote and snapped onto
    quote marks (``reconcile``); candidates left without content dropped.
    Rules and tagger alike."""
    for c in cands:
        set_cue_span(parsed, c)
        clip_to_enclosing_quote(c, text, quotes)
    return [reconcile(c, text, quotes) for c in cands if c.content_spans]
