"""Mend a few parse errors that cost attributions, before any rule reads the tree.

The bundled parser (EWT only, no word vectors) makes some mistakes often
enough on news to matter, and the fix for each is local and safe:

- a title and a name parsed as two subjects of one verb (``Kremlin spokesman``
  and ``Dmitry Peskov`` both ``nsubj`` of ``called``): the title becomes a
  ``compound`` of the name, so the speaker is the whole phrase;
- the content of ``told reporters that ...`` hung on the listener as a
  clause (``acl``): it moves back to the speech verb as its ``ccomp``.

Each function edits heads and relations of a ``ParsedText`` in place and
says how many it changed; ``repair`` re-links the child lists after each.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from quotes.attribution.common.lexicon import TELL_VERBS

if TYPE_CHECKING:                      # parsed.py imports this module
    from quotes.attribution.document.parsed import ParsedText


def merge_title_subjects(parsed: ParsedText) -> int:
    """``[Kremlin spokesman] [Dmitry Peskov] said``: two adjacent subjects -> one."""
    words, kids = parsed.words, parsed.children
    changed = 0
    for head in range(len(words)):
        subjects = [k for k in kids[head] if words[k].deprel in ("nsubj", "nsubj:pass")]
        if len(subjects) < 2:
            continue
        subjects.sort()
        for first, second in zip(subjects, subjects[1:]):
            if (max(parsed.subtree(first)) + 1 == min(parsed.subtree(second)) and words[second].upos == "PROPN"
                    and words[first].upos in ("NOUN", "PROPN")):
                words[first].head = second
                words[first].deprel = "compound"
                changed += 1
                break
    return changed


def reattach_told_that(parsed: ParsedText) -> int:
    """``told reporters that X``: the ``that`` clause is the verb's complement."""
    words, kids = parsed.words, parsed.children
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


def repair(parsed: ParsedText) -> None:
    """Run each repair on the tree the previous one left."""
    for mend in (merge_title_subjects, reattach_told_that):
        if mend(parsed):
            parsed.link_children()
