"""What the tagger reads of each word: strings for its embeddings and eight flags.

Per word: (lower-cased word, suffix, shape, universal tag, text) and numeric
flags (inside quote marks, a quote mark, a cue / speech / cognition verb from
the tagger's own frozen word lists, sentence start and end, capitalised).
Paragraph by paragraph, as the tagger was trained.
"""
from __future__ import annotations

from bisect import bisect_left

from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.tagger.lexicon import COGNITION_VERBS, CUE_VERBS, SPEECH_VERBS, verb_lemma

QUOTE_MARKS = {'"', "“", "”", "«", "»", "„", "''", "``", "‘", "’", "'"}
UPOS = ("<pad>", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X")
N_FLAGS = 8
# characters of a word the character CNN reads
MAX_CHARS = 16


def shape(text: str) -> str:
    out = []
    for ch in text[:5]:
        kind = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def words_starting_in(parsed: ParsedText, spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the words whose first character lies in one of the spans
    (bisect per span: a scan per word was quadratic in long articles)."""
    out: set[int] = set()
    for s, e in spans:
        out.update(range(bisect_left(parsed.starts, s), bisect_left(parsed.starts, e)))
    return out


def token_features(parsed: ParsedText, seq: list[int], quoted: set[int]):
    """Per word: (word, suffix, shape, upos, text) strings and numeric flags.

    ``quoted``: indices of words inside quote marks (``words_starting_in``),
    computed once per article rather than once per paragraph."""
    words = parsed.words
    strings, flags = [], []
    for k, i in enumerate(seq):
        w = words[i]
        low = w.lower
        lemma = verb_lemma(w)
        verbish = w.upos in ("VERB", "AUX", "NOUN", "ADJ")
        in_quote = i in quoted
        strings.append((low, low[-3:], shape(w.text), w.upos, w.text))
        flags.append([
            float(in_quote),
            float(w.text in QUOTE_MARKS),
            float(verbish and lemma in CUE_VERBS),
            float(verbish and lemma in SPEECH_VERBS),
            float(verbish and lemma in COGNITION_VERBS),
            float(k == 0 or words[seq[k - 1]].sent != w.sent),            # sentence start
            float(k + 1 == len(seq) or words[seq[k + 1]].sent != w.sent),  # sentence end
            float(w.text[:1].isupper()),
        ])
    return strings, flags
