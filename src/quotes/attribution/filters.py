"""Records that read like attributions but report nobody, dropped after combining.

Each check is a small predicate over one candidate: a title or scare quote
named by "so-called" (``names_a_thing``), a passive of naming ("was called
the Golden Week", ``naming_passive``), a title-case headline whose content
is a bare noun phrase (``bare_headline``), a cast list or a page title after
a colon (``names_only``), a content that is only "it" (``pronoun_content``),
a cue that is only a verb of doing (``not_said``).  ``reports_nobody``
applies them all; the combine stage calls it.
"""
from __future__ import annotations

import re

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.lines import short_line
from quotes.attribution.document.parsed import ParsedText


def names_a_thing(parsed: ParsedText, c: Candidate) -> bool:
    """"the so-called “gas emergency plan”" names a thing; nobody is speaking."""
    if not c.cue_words or c.source_words:
        return False
    words = parsed.words
    first = c.cue_words[0]
    if words[first].lower in ("so-called", "so"):
        return True
    return words[first].lower == "called" and first >= 2 and words[first - 1].text in ("-", "‐") \
        and words[first - 2].lower == "so"


# "were named best actors", "is a known cause of cancer", "is called the Golden
# Week": a passive of naming or knowing says what something is, nobody speaks
_NAMING_PASSIVE = re.compile(r"^(?:is|are|was|were|be|been|being)\s+(?:a\s+|an\s+|the\s+)?(?:well-|widely\s+|also\s+)?"
                             r"(?:known|named|called)\b", re.I)


def naming_passive(text: str, c: Candidate) -> bool:
    """A cue that is a passive of naming or knowing with no one who named
    (``was called a liar by Trump`` still is Trump's)."""
    if not c.cue_span or c.kind == "direct" or not _NAMING_PASSIVE.match(text[c.cue_span[0]:c.cue_span[1]]):
        return False
    end = max([e for _, e in c.content_spans] + [c.cue_span[1]])
    rest = text[end:end + 120].split("\n")[0]
    return not re.match(r"[^.!?]*\bby\s", rest)


QUOTE_CHARACTERS = "\"“”'‘’«»„"


def bare_headline(parsed: ParsedText, c: Candidate, text: str) -> bool:
    """``Blinken Urges Calm``, ``Lavrov Rejects Proposal``: a title-case
    line whose "content" is a bare noun phrase is a headline, not a claim (a
    clause or a quotation after the verb still is one)."""
    if not c.cue_words or c.kind == "direct":
        return False
    words = parsed.words
    sentence = parsed.sentences[words[c.cue_words[0]].sent]
    line = words[sentence.first:sentence.last]      # (not a scan of every word per record)
    if line[-1].text in (".", "?", "!") or len(line) > 14:
        return False
    # a line of its own (looked up within HEADLINE_MAX characters: a headline is short)
    own = short_line(text, line[0].start, line[-1].end)
    if own is None or own.strip() != text[line[0].start:line[-1].end]:
        return False
    letters = [w for w in line if w.text[:1].isalpha()]
    if sum(w.text[:1].isupper() for w in letters) < 0.7 * len(letters):
        return False
    inside = [w for w in line if any(s <= w.start < e for s, e in c.content_spans)]
    if any(ch in text[s:e] for s, e in c.content_spans for ch in QUOTE_CHARACTERS):
        return False
    return not any(w.upos in ("VERB", "AUX") for w in inside)


# what a page's title says it is, after a colon ("Storm Bethan: live")
PAGE_LABELS = frozenset(("live", "live updates", "as it happened", "latest", "latest updates", "recap",
                         "explained", "analysis", "what we know"))
# labels that list who takes part ("Moderator: Karen Holt.")
CAST_LABELS = frozenset("""moderator moderators host hosts presenter presenters interviewer chair panel panelists
guests guest speakers participants present witnesses cast""".split())


def names_only(parsed: ParsedText, c: Candidate) -> bool:
    """"Moderator: Karen Holt.", "Speakers: ...": a cast list under a label,
    not a claim (not "Poll: Clinton and Trump ...", nor "endorsed Clinton");
    nor is a page title's "...: live"."""
    if c.kind == "direct" or not c.cue_words or any(parsed.words[i].text != ":" for i in c.cue_words):
        return False
    content = " ".join(parsed.text[s:e] for s, e in c.content_spans).strip(" .").lower()
    if content in PAGE_LABELS:
        return True            # "Storm Bethan: live": a live page's title
    if not c.source_words or any(parsed.words[i].lower not in CAST_LABELS for i in c.source_words):
        return False
    inside = [w for s, e in c.content_spans for w in parsed.words_in(s, e) if w.upos != "PUNCT"]
    return 0 < len(inside) <= 6 and all(w.upos == "PROPN" or w.lower in ("and", "&") for w in inside)


# what a claim's content is not when it is one word: "I don't buy it", "he said so"
BARE_CONTENT = frozenset("it this that so them him her".split())


def pronoun_content(text: str, c: Candidate) -> bool:
    """A claim whose whole content is a pronoun says nothing a reader could quote."""
    if c.kind == "direct":
        return False
    content = " ".join(text[s:e] for s, e in c.content_spans).strip(" .,;:").lower()
    return content in BARE_CONTENT


def not_said(parsed: ParsedText, c: Candidate) -> bool:
    """A claim whose cue is a verb of doing (``NON_SPEECH_VERBS``: "voted 9-4
    to approve", "failed to agree on", "spent"): nobody is reported saying
    anything.  Quotations stand whatever their verb."""
    from quotes.attribution.common.cues import is_verbal, verb_lemma
    from quotes.attribution.common.lexicon import NON_SPEECH_VERBS

    if c.kind != "indirect" or not c.cue_words:
        return False
    verbs = [parsed.words[i] for i in c.cue_words if is_verbal(parsed.words[i]) and parsed.words[i].upos != "AUX"]
    return bool(verbs) and all(verb_lemma(w) in NON_SPEECH_VERBS for w in verbs)


def reports_nobody(parsed: ParsedText, c: Candidate, text: str) -> bool:
    """Whether any check above finds the candidate reports nobody."""
    return bare_headline(parsed, c, text) or naming_passive(text, c) or names_only(parsed, c) \
        or pronoun_content(text, c) or not_said(parsed, c)
