"""Surface patterns over tags alone, for when the tree is missing or odd.

The bundled parser is small: on long news sentences the subject or the
complement of a cue verb often hangs off the wrong word.  These patterns read
the words around a cue verb instead:

    [NP] [aux/adverbs] CUE [that] CLAUSE .        -> source NP, content clause
    "..." , CUE [NP] .                             -> handled by quote attachment
    [NP] told [NP] [that] CLAUSE .                 -> the listener is skipped
"""
from __future__ import annotations

from typing import Optional

from quotes.attribution.common.lexicon import TIME_WORDS
from quotes.attribution.document.parsed import ParsedText, Word

NP_TAGS = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM")
# words that may sit between the subject and the verb
BETWEEN_TAGS = ("AUX", "ADV", "PART")


def _is_np_word(w: Word) -> bool:
    return w.upos in NP_TAGS or w.text in ("'s", "’s", "'", "’", ".", "-", "&") and w.upos in ("PART", "PUNCT")


def _skip_time_phrase(parsed: ParsedText, i: int) -> int:
    """``Peskov on November 7 called``: step back over a time phrase."""
    words = parsed.words
    j = i
    while j >= 0 and (words[j].upos == "NUM" or words[j].lower in TIME_WORDS or words[j].lower in ("last", "this", "on", "the")):
        j -= 1
    if j < i and any(words[k].lower in TIME_WORDS for k in range(j + 1, i + 1)):
        return j
    return i


def _np_joiner(parsed: ParsedText, i: int, run: list[int]) -> bool:
    """``of`` inside a title (``Secretary of State``) or ``and`` between two
    names (``Armenia and Azerbaijan``) keeps a noun phrase going."""
    words = parsed.words
    if not run or i == 0:
        return False
    before, after = words[i - 1], words[run[0]]
    if words[i].lower == "of":
        return before.text[:1].isupper() and after.text[:1].isupper()
    if words[i].lower == "and":
        return before.upos == "PROPN" and after.upos == "PROPN" and len(run) <= 3
    return False


def np_before(parsed: ParsedText, index: int) -> list[int]:
    """The noun phrase ending right before ``index`` (skipping auxiliaries,
    adverbs and a time phrase), with an apposition set off by commas:
    ``Smith, a lawyer,``."""
    words = parsed.words
    sent = words[index].sent
    i = index - 1
    while i >= 0 and words[i].sent == sent and words[i].upos in BETWEEN_TAGS and words[i].text not in ('"', "'"):
        i -= 1
    i = _skip_time_phrase(parsed, i)
    end = i
    run: list[int] = []
    while i >= 0 and words[i].sent == sent and (_is_np_word(words[i]) or _np_joiner(parsed, i, run)):
        run.insert(0, i)
        i -= 1
    # two noun phrases back to back ("the meetings the ministry"): keep the last
    for k in range(len(run) - 1, 0, -1):
        if words[run[k]].upos == "DET" and words[run[k - 1]].upos in ("NOUN", "PROPN", "PRON", "NUM"):
            run = run[k:]
            break
    # "X, a former governor, said": take the apposition and the name before it
    if not run and end >= 0 and words[end].text == "," and words[end].sent == sent:
        j = end - 1
        appos: list[int] = []
        while j >= 0 and words[j].sent == sent and words[j].text != "," and words[j].upos not in ("VERB",) \
                and words[j].text not in ('"', "“", "”"):
            appos.insert(0, j)
            j -= 1
        if appos and j >= 0 and words[j].text == ",":
            k = j - 1
            name: list[int] = []
            while k >= 0 and words[k].sent == sent and words[k].upos in ("PROPN", "NOUN", "DET", "ADJ", "PRON"):
                name.insert(0, k)
                k -= 1
            if name:
                run = name + [j] + appos + [end]
    while run and words[run[0]].upos in ("PUNCT",):
        run.pop(0)
    while run and words[run[-1]].upos == "PUNCT" and words[run[-1]].text != ",":
        run.pop()
    if run and not any(words[i].upos in ("PROPN", "NOUN", "PRON", "NUM") for i in run):
        return []
    return run


def np_after(parsed: ParsedText, index: int) -> list[int]:
    words = parsed.words
    sent = words[index].sent
    run = []
    i = index + 1
    while i < len(words) and words[i].sent == sent and _is_np_word(words[i]):
        run.append(i)
        i += 1
    while run and words[run[-1]].upos == "PUNCT":
        run.pop()
    return run if any(words[k].upos in ("PROPN", "NOUN", "PRON") for k in run) else []


def clause_after(parsed: ParsedText, index: int, skip_listener: bool) -> Optional[list[int]]:
    """Words of the clause after a cue verb, to the end of the sentence (minus
    its final punctuation); None when what follows is not a clause."""
    words = parsed.words
    sent = parsed.sentences[words[index].sent]
    i = index + 1
    if i < sent.last and words[i].text in (",", ":"):
        return None
    if skip_listener:
        listener = np_after(parsed, index)
        if listener:
            i = listener[-1] + 1
    run = list(range(i, sent.last))
    # stop at a following attribution or quote opening that starts a new unit
    for k, w in enumerate(run):
        if w > i and words[w].text in (";",):
            run = run[:k]
            break
    while run and words[run[-1]].upos == "PUNCT" and words[run[-1]].text not in ('"', "”", "'", "’"):
        run.pop()
    if not run:
        return None
    first = words[run[0]]
    if first.lower not in ("that", "whether", "if", "how", "why", "what") and first.upos not in NP_TAGS:
        return None
    if not any(words[w].upos in ("VERB", "AUX") for w in run):
        return None
    return run


def rest_of_clause(parsed: ParsedText, index: int) -> Optional[list[int]]:
    """``accused each other of violations along the border, but ...``: the
    words after the cue up to a clause break (``, but``, ``;``) or the end."""
    words = parsed.words
    sent = parsed.sentences[words[index].sent]
    run = []
    for i in range(index + 1, sent.last):
        w = words[i]
        if w.text in (";", ":") or (w.text == "," and i + 1 < sent.last and words[i + 1].upos in ("CCONJ", "SCONJ")):
            break
        run.append(i)
    while run and words[run[-1]].upos == "PUNCT" and words[run[-1]].text not in ('"', "”", "'", "’"):
        run.pop()
    if not run or words[run[0]].upos not in NP_TAGS + ("PART", "ADP"):
        return None
    return run


def trim_punct(parsed: ParsedText, indices: list[int]) -> list[int]:
    words = parsed.words
    while indices and (words[indices[-1]].upos == "PUNCT" and words[indices[-1]].text not in ('"', "'", "”", "’")):
        indices = indices[:-1]
    while indices and words[indices[0]].upos == "PUNCT" and words[indices[0]].text not in ('"', "'", "“", "‘"):
        indices = indices[1:]
    return indices


def contiguous_runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in sorted(indices):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def spans_for(parsed: ParsedText, indices: list[int]) -> list[tuple[int, int]]:
    out = []
    for run in contiguous_runs(indices):
        run = trim_punct(parsed, run)
        if run:
            out.append((parsed.words[run[0]].start, parsed.words[run[-1]].end))
    return out
