"""Rebuild ``NON_SPEECH_VERBS`` (``quotes/attribution/common/lexicon.py``) from PolNeAR train.

    python scripts/non_speech_verbs.py ../shared/data/polnear

For each verb lemma, counts its uses as a verb in train (parsed with the
pipeline in use; parses cached) and how many of them lie in a gold cue; a
lemma used 15 times or more that heads a cue in under 7 % of its uses, and is
not in the cue lexicon, is a verb of doing.  Prints the list to paste in.
Train only: dev stays held out.
"""
from __future__ import annotations

import collections
import sys

MIN_USES = 15
MAX_CUE_SHARE = 0.07


def main(polnear: str) -> None:
    from quotes.attribution.common.cues import is_verbal, verb_lemma
    from quotes.attribution.common.lexicon import ALL_CUE_VERBS
    from quotes.attribution.document.parsed import from_stanza
    from quotes.polnear import cached_parses, load_split
    from quotes.text import prepare

    articles = load_split(polnear, "train")
    docs = cached_parses([prepare(a.text).page for a in articles])
    uses, cues = collections.Counter(), collections.Counter()
    for article, doc in zip(articles, docs):
        parsed = from_stanza(doc, article.text)
        cue_chars = {c for gold in article.attributions for s, e in gold.cue for c in range(s, e)}
        for w in parsed.words:
            if w.upos == "VERB" and is_verbal(w):
                lemma = verb_lemma(w)
                uses[lemma] += 1
                cues[lemma] += w.start in cue_chars
    rare = sorted(lemma for lemma, n in uses.items() if n >= MIN_USES and cues[lemma] / n < MAX_CUE_SHARE
                  and lemma not in ALL_CUE_VERBS and lemma.isalpha())
    print(f"{len(rare)} verbs of doing", file=sys.stderr)
    print(" ".join(rare))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/polnear")
