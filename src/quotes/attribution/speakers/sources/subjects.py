"""Who a cue's speaker is in the tree: the subject or agent of the cue verb,
its words, and how far the source reaches on the surface.

Shared by the rules (claims, quotes) and by the tagger's records that came
without a tagged source.
"""
from __future__ import annotations

from typing import Optional

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.cues import cue_words
from quotes.attribution.common.lexicon import TIME_WORDS
from quotes.attribution.common.phrases import np_before
from quotes.attribution.document.parsed import ParsedText

# relations that carry the subject of a verb to the verbs that share it
SHARED_SUBJECT_RELS = ("conj", "xcomp", "advcl", "acl", "parataxis")


def subject_of(parsed: ParsedText, verb: int, depth: int = 3) -> Optional[int]:
    """The word heading the verb's subject (or passive agent), climbing to a
    governing verb when the subject is shared (``he smiled and said``,
    ``..., saying that``)."""
    kids = parsed.kids(verb, "nsubj", "nsubj:pass", "csubj")
    if kids:
        return kids[0].index
    agents = [k for k in parsed.kids(verb, "obl") if k.deprel == "obl:agent"
              or any(c.lower == "by" for c in parsed.kids(k.index, "case"))]
    if agents and parsed.words[verb].feats and "Voice=Pass" in parsed.words[verb].feats:
        return agents[0].index
    word = parsed.words[verb]
    if depth and word.head is not None and word.rel in SHARED_SUBJECT_RELS:
        if word.deprel == "acl:relcl":
            return None
        return subject_of(parsed, word.head, depth - 1)
    return None


def source_words(parsed: ParsedText, head: int, exclude: set[int] = frozenset()) -> list[int]:
    """The subject's words: its whole subtree (PolNeAR keeps appositions and
    relative clauses in the source), cut to a contiguous run around the head
    and trimmed of edge punctuation."""
    words = parsed.words
    members = set(parsed.subtree(head)) - set(exclude)
    # keep the contiguous run containing the head
    lo = hi = head
    while lo - 1 in members:
        lo -= 1
    while hi + 1 in members:
        hi += 1
    run = list(range(lo, hi + 1))
    while run and words[run[0]].upos == "PUNCT":
        run.pop(0)
    while run and words[run[-1]].upos == "PUNCT":
        run.pop()
    if not run:
        return [head]
    # "Peskov on November 7": a time phrase hung on the subject is not part of it
    for k in range(1, len(run)):
        if words[run[k]].upos == "ADP" and run[k] > head and all(
                words[i].lower in TIME_WORDS or words[i].upos in ("NUM", "DET") for i in run[k + 1:]):
            run = run[:k]
            break
    # "X, a former governor, said": PolNeAR keeps the comma that closes an apposition
    after = run[-1] + 1
    if (after < len(words) and words[after].text == "," and words[after].sent == words[head].sent
            and any(words[i].text == "," for i in run) and after not in exclude):
        run.append(after)
    return run


GAP_TAGS = ("ADP", "PROPN", "NOUN", "ADJ", "NUM", "DET", "PART", "PUNCT", "CCONJ", "PRON", "X", "SYM")


def extend_source(parsed: ParsedText, run: list[int], cue_first: int, exclude: set[int] = frozenset()) -> list[int]:
    """Grow a source the tree left short: a name continued past a sentence
    split (``Mr. | Obama``), a party tag (``(D-Md.)``), and, when the source
    stands before its cue, the words between them that still belong to the
    noun phrase (``Data from the 2014 survey said``) or an apposition set off
    by commas (``Derek Mitchell, who served as ambassador,``)."""
    if not run:
        return run
    words = parsed.words
    run = list(run)
    nxt = run[-1] + 1
    while nxt < len(words) and nxt not in exclude and nxt != cue_first and words[nxt].upos == "PROPN":
        run.append(nxt)
        nxt += 1
    if nxt < len(words) and words[nxt].text == "(" and nxt not in exclude:
        close = next((k for k in range(nxt, min(nxt + 8, len(words))) if words[k].text == ")"), None)
        if close is not None and close < cue_first:
            run.extend(range(nxt, close + 1))
    if run[-1] < cue_first:
        gap = list(range(run[-1] + 1, cue_first))
        if gap and len(gap) <= 25 and not any(i in exclude for i in gap) and \
                not any(words[i].text in ('"', "“", "”", "''") for i in gap):
            commas = [i for i in gap if words[i].text == ","]
            verbs = [i for i in gap if words[i].upos in ("VERB", "AUX")]
            timely = any(words[i].lower in TIME_WORDS or words[i].upos == "NUM" for i in gap)
            opener = words[gap[0]]
            if (not commas and not verbs and not timely and opener.upos in GAP_TAGS and len(gap) <= 10
                    and (opener.upos != "ADP" or opener.lower in ("of", "from", "at", "for", "with"))):
                run.extend(gap)
            elif commas and commas[0] == gap[0] and words[gap[-1]].text == "," and len(gap) > 2 \
                    and (words[gap[1]].upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                         or words[gap[1]].lower in ("who", "which")):
                run.extend(gap)
    return run


def with_source(parsed: ParsedText, cand: Candidate, verb: int) -> Candidate:
    subject = subject_of(parsed, verb)
    taken = set(cand.cue_words)
    for s, e in cand.content_spans:
        taken.update(w.index for w in parsed.words_in(s, e))
    tree = source_words(parsed, subject, exclude=taken) if subject is not None and subject not in taken else []
    # compare with the noun phrase before the verb that owns the subject
    owner = parsed.words[subject].head if subject is not None else None
    anchor = cue_words(parsed, owner)[0] if owner is not None and owner != verb else cand.cue_words[0]
    if tree and subject is not None and subject > cand.cue_words[-1]:
        # inverted ("said John Smith, a spokesman"): from the cue to the subject's end
        run = [i for i in range(cand.cue_words[-1] + 1, max(tree) + 1) if i not in taken]
        while run and parsed.words[run[0]].upos == "PUNCT":
            run.pop(0)
        if run and len(run) <= 25 and run == list(range(run[0], run[-1] + 1)):
            cand.source_words = run
            return cand
    chosen = prefer_surface(parsed, tree, np_before(parsed, anchor))
    cand.source_words = extend_source(parsed, chosen, anchor, exclude=taken) if chosen else chosen
    return cand


def prefer_surface(parsed: ParsedText, tree: list[int], surface: list[int]) -> list[int]:
    """The tree's subject, unless the noun phrase right before the cue holds it
    and is longer: a small parser often strands part of a long name
    (``U.S. Secretary | of State Antony Blinken``, ``Armenia and | Azerbaijan``)."""
    if not surface:
        return tree
    if len(tree) == 1 and parsed.words[tree[0]].lower in ("who", "which", "that"):
        return tree
    if not tree:
        return surface if any(parsed.words[i].upos in ("PROPN", "PRON") for i in surface) else []
    if set(tree) < set(surface) or (tree[-1] == surface[-1] and len(surface) > len(tree)
                                    and tree[0] > surface[0]):
        return surface
    return tree
