"""Which words are attribution cues, and how far a cue span reaches.

PolNeAR's cue spans hold the verb with the auxiliaries, negation and adverbs
right before it (``has also said``, ``did not say``), and multi-word cues such
as ``according to`` or ``called on``.
"""
from __future__ import annotations

from quotes.attribution.common.lexicon import (ALL_CUE_VERBS, COGNITION_VERBS, CUE_ADVERBS, EVIDENCE_VERBS,
                                               IRREGULAR_VERBS, OBJECT_SPEECH_VERBS, PARTICLE_CUES, QUOTE_VERBS,
                                               SPEECH_VERBS)
from quotes.attribution.document.parsed import ParsedText, Word

VERBAL = ("VERB", "AUX")


def verb_lemma(word: Word) -> str:
    # the small parser sometimes lemmatises "says" as "says": fall back on simple stripping
    lemma = word.lemma
    if lemma in ALL_CUE_VERBS:
        return lemma
    low = word.lower
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("d", "")):
        if low.endswith(suffix) and low[: len(low) - len(suffix)] + repl in ALL_CUE_VERBS:
            return low[: len(low) - len(suffix)] + repl
    return IRREGULAR_VERBS.get(low, lemma)


def is_verbal(word: Word) -> bool:
    # news participles are often tagged ADJ/NOUN by a small tagger ("said" rarely, "tweeted" often)
    return word.upos in VERBAL or (word.upos in ("NOUN", "ADJ", "PROPN") and word.lower.endswith("ed")
                                   and word.deprel in ("root", "ccomp", "conj", "advcl", "parataxis"))


def is_speech_verb(word: Word) -> bool:
    return is_verbal(word) and verb_lemma(word) in SPEECH_VERBS


def is_quote_verb(word: Word) -> bool:
    return is_verbal(word) and verb_lemma(word) in QUOTE_VERBS


def is_claim_verb(word: Word) -> bool:
    """A verb that attributes a clausal complement to its subject."""
    lemma = verb_lemma(word)
    return is_verbal(word) and (lemma in SPEECH_VERBS or lemma in COGNITION_VERBS or lemma in EVIDENCE_VERBS)


def is_object_verb(word: Word) -> bool:
    return is_verbal(word) and verb_lemma(word) in OBJECT_SPEECH_VERBS


def cue_words(parsed: ParsedText, verb: int) -> list[int]:
    """The verb, the auxiliaries/negation/adverbs directly before it, and a
    particle that forms a phrasal cue right after it."""
    words = parsed.words
    out = [verb]
    left = {k.index for k in parsed.kids(verb, "aux", "advmod", "neg")
            if k.index < verb and (k.rel != "advmod" or k.lower in CUE_ADVERBS or k.lower in ("not", "n't", "never"))}
    i = verb - 1
    while i in left or (i >= 0 and words[i].rel == "aux" and words[i].head in left | {verb}):
        out.insert(0, i)
        i -= 1
    # surface: auxiliaries, "not" and adverbs right before the verb
    i = out[0] - 1
    sent = words[verb].sent
    while i >= 0 and words[i].sent == sent and (
            words[i].upos == "AUX" or words[i].lower in ("not", "n't", "never")
            or (words[i].upos == "ADV" and (words[i].lower in CUE_ADVERBS or words[i].lower.endswith("ly")))):
        out.insert(0, i)
        i -= 1
    while out[0] != verb and words[out[0]].upos == "ADV" and not any(words[k].upos == "AUX" for k in out[:out.index(verb)]) \
            and words[out[0]].lower not in CUE_ADVERBS and not words[out[0]].lower.endswith("ly"):
        out.pop(0)
    lemma = verb_lemma(words[verb])
    nxt = verb + 1
    if nxt < len(words) and words[nxt].sent == sent and (lemma, words[nxt].lower) in PARTICLE_CUES:
        out.append(nxt)
        nxt += 1
    # "said:" -- PolNeAR keeps a colon that introduces the quote
    if nxt < len(words) and words[nxt].text == ":" and words[nxt].start == words[out[-1]].end:
        out.append(nxt)
    return out
