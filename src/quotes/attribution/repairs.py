"""Mend a few parse errors that cost attributions, before any rule reads the tree.

The bundled parser (EWT only, no word vectors) makes some mistakes often
enough on news to matter, and the fix for each is local and safe:

- a title and a name parsed as two subjects of one verb (``Kremlin spokesman``
  and ``Dmitry Peskov`` both ``nsubj`` of ``called``): the title becomes a
  ``compound`` of the name, so the speaker is the whole phrase;
- the content of ``told reporters that ...`` hung on the listener as a
  clause (``acl``): it moves back to the speech verb as its ``ccomp``.

Each function takes the words of one article (``parsed.Word`` with document
indices) and edits heads and relations in place; ``from_stanza`` runs them
before building the child lists.
"""
from __future__ import annotations

TELL_VERBS = frozenset("tell inform assure warn remind notify promise convince persuade advise".split())


def _children(words) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in words]
    for w in words:
        if w.head is not None:
            kids[w.head].append(w.index)
    return kids


def _span(kids: list[list[int]], index: int) -> tuple[int, int]:
    """First and last word index of a subtree."""
    lo = hi = index
    stack = [index]
    while stack:
        i = stack.pop()
        lo, hi = min(lo, i), max(hi, i)
        stack.extend(kids[i])
    return lo, hi


def merge_title_subjects(words) -> int:
    """``[Kremlin spokesman] [Dmitry Peskov] said``: two adjacent subjects -> one."""
    kids = _children(words)
    changed = 0
    for head in range(len(words)):
        subjects = [k for k in kids[head] if words[k].deprel in ("nsubj", "nsubj:pass")]
        if len(subjects) < 2:
            continue
        subjects.sort()
        for first, second in zip(subjects, subjects[1:]):
            _, first_end = _span(kids, first)
            second_start, _ = _span(kids, second)
            if (first_end + 1 == second_start and words[second].upos == "PROPN"
                    and words[first].upos in ("NOUN", "PROPN")):
                words[first].head = second
                words[first].deprel = "compound"
                changed += 1
                break
    return changed


def reattach_told_that(words) -> int:
    """``told reporters that X``: the ``that`` clause is the verb's complement."""
    kids = _children(words)
    changed = 0
    for verb in words:
        if verb.lemma not in TELL_VERBS:
            continue
        for listener in kids[verb.index]:
            if words[listener].rel not in ("obj", "iobj"):
                continue
            for clause in kids[listener]:
                word = words[clause]
                if word.deprel == "acl" and clause > listener and any(
                        words[m].deprel == "mark" and words[m].lower == "that" for m in kids[clause]):
                    word.head = verb.index
                    word.deprel = "ccomp"
                    changed += 1
    return changed


def repair(words) -> None:
    merge_title_subjects(words)
    reattach_told_that(words)
