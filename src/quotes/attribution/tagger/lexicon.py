"""The word lists the shipped tagger was trained with, frozen.

Three of the tagger's input flags say whether a word is a cue verb, a speech
verb or a cognition verb; which words count is part of the model, as much as
its weights.  The rules' lists (``attribution/common/lexicon.py``) go on
changing; these change only when ``tagger.pt`` is retrained with them, and
``LEXICON_DIGEST`` (checked by the tests) changes with them.
"""
from __future__ import annotations

import hashlib

# verbs of saying (flag 4)
SPEECH_VERBS = frozenset("""
acknowledge add admit advise affirm agree allege announce answer argue ask assert assure bemoan
boast caution chant cite claim clarify comment complain concede conclude concur confirm conjecture
contend counter cry declare decry demand deny describe disclose elaborate email emphasise emphasize
estimate exclaim explain figure forecast fume grumble guess gush hint imply indicate inform
insinuate insist interject joke lament laugh maintain marvel mention muse mutter note notice observe
opine pledge posit post preach predict proclaim project promise propose quip quote read reaffirm
recall recommend recount reiterate remark remind reply report respond retort retweet reveal say
scoff scream shout sigh signal snap specify speculate state stress suggest summarise summarize
surmise swear tell testify theorize threaten tweet urge vouch vow warn whisper wonder write yell
""".split())

# verbs of cognition / attitude (flag 5)
COGNITION_VERBS = frozenset("""
assume believe bet consider doubt expect fear feel forget hope imagine know presume realise realize
reckon remember sense suppose suspect think trust understand wish worry
""".split())

# every cue verb: saying, cognition, evidence, object speech (flag 3; lemma look-up)
CUE_VERBS = frozenset("""
accuse acknowledge add admit advise affirm agree allege announce answer applaud argue ask assert
assume assure attack believe bemoan bet blast boast call caution chant cite claim clarify comment
complain concede conclude concur condemn confirm congratulate conjecture consider contend counter
criticise criticize cry declare decry demand denounce deny deride describe disclose dismiss doubt
elaborate email emphasise emphasize endorse estimate exclaim expect explain express fear feel figure
find forecast forget fume grumble guess gush hail hint hope imagine imply indicate inform insinuate
insist interject joke know lament laugh maintain marvel mention mock muse mutter note notice observe
opine oppose pledge posit post praise preach predict presume proclaim project promise propose
question quip quote read reaffirm realise realize recall reckon recommend recount reiterate reject
remark remember remind reply report respond retort retweet reveal say scoff scream sense shout show
sigh signal slam snap specify speculate state stress suggest summarise summarize suppose surmise
suspect swear tell testify thank theorize think threaten tout trust tweet understand urge vouch vow
warn welcome whisper wish wonder worry write yell
""".split())

IRREGULAR_VERBS = {"told": "tell", "said": "say", "wrote": "write", "written": "write", "thought": "think",
                   "knew": "know", "known": "know", "felt": "feel", "found": "find", "saw": "see",
                   "swore": "swear", "sworn": "swear", "says": "say", "spoke": "speak", "read": "read"}

# sha1 of the three lists as trained (see ``digest``)
LEXICON_DIGEST = "8d00e1cef23e997e"


def digest(*lists: frozenset) -> str:
    return hashlib.sha1("|".join(" ".join(sorted(words)) for words in lists).encode()).hexdigest()[:16]


def verb_lemma(word) -> str:
    """The cue-verb lemma of a word as the tagger was trained to see it (the
    small parser sometimes lemmatises "says" as "says": simple stripping
    against ``CUE_VERBS`` and a few irregular forms)."""
    lemma = word.lemma
    if lemma in CUE_VERBS:
        return lemma
    low = word.lower
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("d", "")):
        if low.endswith(suffix) and low[: len(low) - len(suffix)] + repl in CUE_VERBS:
            return low[: len(low) - len(suffix)] + repl
    return IRREGULAR_VERBS.get(low, lemma)
