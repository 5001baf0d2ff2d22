"""Reported claims read off the dependency tree.

- a speech, cognition or evidence verb with a clausal complement
  (``said the talks would ...``, ``said that ...``, ``told reporters that ...``);
- ``called on Y to Z``, ``urged Y to Z``, ``vowed to Z``: the infinitive;
- ``accused Y of Z``, ``praised Y for Z``: what follows the verb;
- ``according to X, Y``: Y, attributed to X.
"""
from __future__ import annotations

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.cues import cue_words, is_claim_verb, is_object_verb, verb_lemma
from quotes.attribution.common.lexicon import ALL_CUE_VERBS, COGNITION_VERBS, LISTENER_VERBS, XCOMP_CUES
from quotes.attribution.common.lines import line_end_after, line_start_before
from quotes.attribution.common.phrases import (clause_after, np_before, rest_of_clause, spans_for,
                                               trim_punct)
from quotes.attribution.document.parsed import ParsedText, Word
from quotes.attribution.speakers.sources.subjects import source_words, subject_of, with_source

# parts of a clause that are not part of what was said
CLAUSE_BREAKS = ("conj", "parataxis", "cc")


def _claim(parsed: ParsedText, rule: str, cue: list[int], indices: list[int], verb: Word) -> list[Candidate]:
    """The claim whose content covers ``indices`` (none when they hold no text)."""
    spans = spans_for(parsed, indices)
    if not spans:
        return []
    cand = Candidate(rule=rule, cue_words=cue, content_spans=spans, sentence=verb.sent)
    return [with_source(parsed, cand, verb.index)]


def _hedge_in_quote(parsed: ParsedText, word) -> bool:
    """``"I think we will win"``: a first- or second-person cognition verb
    is how the quoted speaker talks, not a new attribution (PolNeAR rarely
    marks them)."""
    if verb_lemma(word) not in COGNITION_VERBS:
        return False
    subject = subject_of(parsed, word.index)
    return subject is not None and parsed.words[subject].lower in ("i", "we", "you")


def complement_claims(parsed: ParsedText) -> list[Candidate]:
    out = []
    for word in parsed.words:
        if not is_claim_verb(word) or _hedge_in_quote(parsed, word):
            continue
        comps = parsed.kids(word.index, "ccomp") or [
            k for k in parsed.kids(word.index, "advcl", "xcomp", "parataxis", "dep", "obj", "conj")
            if k.index > word.index and any(m.lower == "that" for m in parsed.kids(k.index, "mark"))]
        if not comps:
            continue
        comp = comps[0]
        if comp.index < word.index and verb_lemma(word) not in ("say", "tell", "add", "write"):
            continue
        cue = cue_words(parsed, word.index)
        indices = parsed.subtree(comp.index, skip=cue)
        spans = spans_for(parsed, _contiguous_from(indices, comp.index))
        if not spans:
            continue
        cand = Candidate(rule="ccomp", cue_words=cue, content_spans=spans, sentence=word.sent)
        out.append(with_source(parsed, cand, word.index))
    return out


def surface_claims(parsed: ParsedText, done: set[int]) -> list[Candidate]:
    """Cue verbs the tree gave no complement: read the clause after them."""
    out = []
    for word in parsed.words:
        if word.index in done or word.upos != "VERB":
            continue
        lemma = verb_lemma(word)
        phrase_cue = lemma in XCOMP_CUES or is_object_verb(word)
        if not (is_claim_verb(word) or phrase_cue) or _hedge_in_quote(parsed, word):
            continue
        nxt = parsed.words[word.index + 1] if word.index + 1 < len(parsed.words) else None
        that_follows = nxt is not None and nxt.lower == "that" and is_claim_verb(word)
        if parsed.kids(word.index, "ccomp") or (parsed.kids(word.index, "xcomp", "obj") and not that_follows):
            continue
        clause = clause_after(parsed, word.index, skip_listener=lemma in LISTENER_VERBS)
        if not clause and phrase_cue:
            clause = rest_of_clause(parsed, cue_words(parsed, word.index)[-1])
        if not clause:
            continue
        cue = cue_words(parsed, word.index)
        clause = [i for i in clause if i not in cue]
        spans = spans_for(parsed, clause)
        if not spans:
            continue
        cand = Candidate(rule="surface", cue_words=cue, content_spans=spans, sentence=word.sent)
        subject = subject_of(parsed, word.index)
        if subject is not None and subject < cue[0]:
            cand.source_words = source_words(parsed, subject, exclude=set(cue) | set(clause))
        else:
            cand.source_words = np_before(parsed, cue[0]) or []
        out.append(cand)
    return out


def _contiguous_from(indices: list[int], head: int) -> list[int]:
    """The run of ``indices`` that holds ``head`` (a complement split by the
    cue, as in ``"X," he said, "Y"``, keeps only its own side)."""
    members = set(indices)
    lo = hi = head
    while lo - 1 in members:
        lo -= 1
    while hi + 1 in members:
        hi += 1
    return list(range(lo, hi + 1))


def infinitive_claims(parsed: ParsedText) -> list[Candidate]:
    """``called on both parties to refrain``, ``vowed to fight``."""
    out = []
    for word in parsed.words:
        if not (word.upos == "VERB" and verb_lemma(word) in XCOMP_CUES):
            continue
        if parsed.kids(word.index, "ccomp"):
            continue
        xcomps = [k for k in parsed.kids(word.index, "xcomp", "advcl")
                  if k.index > word.index and any(c.lower == "to" for c in parsed.kids(k.index, "mark"))]
        if not xcomps:
            continue
        cue = cue_words(parsed, word.index)
        # content: from after the cue to the end of the infinitive, objects included
        first = cue[-1] + 1
        last = max(parsed.subtree(xcomps[0].index))
        indices = [i for i in range(first, last + 1) if parsed.words[i].sent == word.sent]
        out.extend(_claim(parsed, "xcomp", cue, indices, word))
    return out


def object_claims(parsed: ParsedText) -> list[Candidate]:
    """``accused each other of ceasefire violations``: the words after the verb
    within its clause, up to a coordinated clause or the sentence end."""
    out = []
    for word in parsed.words:
        if not is_object_verb(word) or parsed.kids(word.index, "ccomp"):
            continue
        objs = parsed.kids(word.index, "obj", "iobj")
        if not objs or objs[0].index < word.index:
            continue
        cue = cue_words(parsed, word.index)
        skip = [k.index for k in parsed.kids(word.index, *CLAUSE_BREAKS) if k.index > word.index]
        skip += [k.index for k in parsed.kids(word.index, "advcl", "xcomp")
                 if any(c.lower == "to" for c in parsed.kids(k.index, "mark"))]
        subtree = set(parsed.subtree(word.index, skip=skip))
        indices = []
        for i in range(cue[-1] + 1, len(parsed.words)):
            if i not in subtree:
                break
            indices.append(i)
        # the tree often cuts a long object short ("praised Armenia | and Azerbaijan for ...")
        surface = rest_of_clause(parsed, cue[-1]) or []
        if indices and set(indices) < set(surface):
            indices = surface
        out.extend(_claim(parsed, "object", cue, indices, word))
    return out


def according_to_claims(parsed: ParsedText) -> list[Candidate]:
    out = []
    words = parsed.words
    for word in words:
        if word.lower != "according" or word.index + 1 >= len(words) or words[word.index + 1].lower != "to":
            continue
        to = word.index + 1
        sent = parsed.sentences[word.sent]
        # the source: the noun phrase after "to" (its head has "according" as case)
        src_head = word.head if word.head is not None and word.head > to else None
        if src_head is None or words[src_head].sent != word.sent:
            src = _surface_np(parsed, to + 1, sent.last)
        else:
            src = [i for i in parsed.subtree(src_head) if i > to]
            src = _contiguous_from(src, src_head)
        src = trim_punct(parsed, src)
        if not src:
            continue
        phrase = set(range(word.index, src[-1] + 1))
        # the claim: the rest of the sentence
        rest = [i for i in range(sent.first, sent.last) if i not in phrase]
        content = spans_for(parsed, rest)
        # drop commas and conjunction scraps left at the edges of each piece
        content = [(s, e) for s, e in content if e - s > 2]
        if not content:
            continue
        cand = Candidate(rule="according", cue_words=[word.index, to], content_spans=content,
                         source_words=src, sentence=word.sent)
        out.append(cand)
    return out


def _surface_np(parsed: ParsedText, first: int, last: int) -> list[int]:
    out = []
    for i in range(first, last):
        if parsed.words[i].upos == "PUNCT" or (out and parsed.words[i].upos in ("VERB", "AUX")):
            break
        out.append(i)
    return out


def headline_claims(parsed: ParsedText) -> list[Candidate]:
    """``Blinken Praises 'Courageous Steps' Of Armenia``: a title-case line with
    no final stop, a name, then a cue verb in the present tense."""
    out = []
    text = parsed.text
    for sent in parsed.sentences:
        words = parsed.words[sent.first:sent.last]
        if line_start_before(text, sent.start) is None or line_end_after(text, sent.end) is None:
            continue                      # not a line of its own
        if len(words) < 3 or words[-1].text in (".", "?", "!", '"', "”"):
            continue
        capitals = [w for w in words if w.text[:1].isalpha()]
        if sum(w.text[:1].isupper() for w in capitals) < 0.7 * len(capitals):
            continue
        for k, w in enumerate(words[1:-1], start=1):
            if w.lower.endswith("s") and verb_lemma(w) in ALL_CUE_VERBS and words[k - 1].text[:1].isupper():
                source = [x.index for x in words[:k]]
                content = [x.index for x in words[k + 1:]]
                spans = spans_for(parsed, content)
                if spans:
                    out.append(Candidate(rule="headline", cue_words=[w.index], content_spans=spans,
                                         source_words=source, sentence=w.sent))
                break
    return out


def find_claims(parsed: ParsedText) -> list[Candidate]:
    found = complement_claims(parsed) + according_to_claims(parsed) + headline_claims(parsed)
    taken = {c.cue_words[-1] for c in found}
    found += surface_claims(parsed, taken)
    taken = {c.cue_words[-1] for c in found}
    for cand in infinitive_claims(parsed) + object_claims(parsed):
        if cand.cue_words[-1] not in taken:
            taken.add(cand.cue_words[-1])
            found.append(cand)
    return found
