"""Sentence-split repairs for news, applied inside Stanza's tokenizer.

A tokenizer trained on EWT (web text) ends sentences after abbreviations that
news puts before names and titles ("U.S. | Secretary of State Antony
Blinken ...", "Sen. | Elizabeth Warren said ...").  Stanza's
``tokenize_postprocessor`` hook receives each document's sentences as lists
of words and may regroup them; offsets are recomputed by Stanza from the raw
text, so regrouping is safe.
"""
from __future__ import annotations

# Abbreviations that in news nearly always continue into the next word.
CONTINUING_ABBREVIATIONS = {
    "U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.",
    "Lt.", "Col.", "Sgt.", "Capt.", "Adm.", "Maj.", "Cmdr.", "Prof.", "Rev.", "Hon.", "Pres.", "Supt.",
    "St.", "Mt.", "Ft.", "No.", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
}
# Not listed on purpose: "Inc.", "Corp.", "Jr." often do end a sentence.


def _text(word) -> str:
    return word[0] if isinstance(word, tuple) else word


def _continues(sentence: list, following: list) -> bool:
    if not sentence or not following:
        return False
    last = _text(sentence[-1])
    first = _text(following[0])
    if last not in CONTINUING_ABBREVIATIONS:
        return False
    # "U.S." alone, or a title abbreviation followed by a capitalised name
    return len(sentence) == 1 or first[:1].isupper() or first[:1].isdigit()


def merge_abbreviation_splits(sentences: list[list]) -> list[list]:
    """Join a sentence to the next when it ends in a news abbreviation."""
    merged: list[list] = []
    for sentence in sentences:
        if merged and _continues(merged[-1], sentence):
            merged[-1] = merged[-1] + sentence
        else:
            merged.append(list(sentence))
    return merged


def split_spaced_tokens(sentences: list[list]) -> list[list]:
    """A token holding whitespace becomes one token per run of non-space.

    The tokenizer sometimes joins a word and a quote mark across a line break
    in a long paragraph (``on\n"`` as ``on "``); Stanza then cannot find that
    token in the text and fails the whole article with a ValueError.
    """
    out = []
    for sentence in sentences:
        if any(isinstance(w, str) and (" " in w or "\n" in w) for w in sentence):
            sentence = [part for w in sentence for part in (w.split() if isinstance(w, str) else [w])]
        out.append(sentence)
    return out


def postprocess(sentences: list[list]) -> list[list]:
    """Stanza's ``tokenize_postprocessor``: tokens with spaces split, news
    abbreviation splits re-joined, then over-long sentences cut so the
    parser's memory stays bounded (``quotes.nlp.limits``)."""
    from quotes.nlp.limits import split_long_sentences

    return split_long_sentences(merge_abbreviation_splits(split_spaced_tokens(sentences)))
