"""Where a run of proper nouns begins and ends, and the words around it.

The tagger splits names it should not ("John F. | Kennedy", "Jon | Husted",
"Conservative | Solutions PAC") and runs on where it should stop ("Moderator:
Karen Holt." keeps the full stop); a description written before a name
("Democratic pollster Pat Caddell") belongs to it, a place inside a subject
("a retiree from Las Vegas") does not make the place a subject.
``mentions.name_mentions`` builds each mention from these tests.
"""
from __future__ import annotations

import re

from quotes.attribution.common.first_names import FIRST_NAMES
from quotes.attribution.common.lexicon import TITLE_WORDS
from quotes.attribution.speakers.roles.offices import person_noun


def initial_split(words, j: int) -> bool:
    """``John F. | Kennedy``: an initial whose full stop the splitter took for a sentence end."""
    return (0 <= j < len(words) - 2 and words[j].upos == "PROPN" and len(words[j].text) == 1 and words[j].text.isupper()
            and words[j + 1].text == "." and words[j + 1].start == words[j].end
            and words[j + 2].upos == "PROPN" and words[j + 2].text[:1].isupper())


def mistagged_surname(words, j: int) -> bool:
    """``Jon | Husted``: a capitalised word after a first name, which the tagger
    took for a verb or an adjective by its ending (or for a modal: ``George |
    Will``), is the surname."""
    if j + 1 >= len(words) or words[j].lower not in FIRST_NAMES:
        return False
    after = words[j + 1]
    # (not in a title-case headline: "Will Answer Questions")
    next_word = words[j + 2] if j + 2 < len(words) and words[j + 2].sent == after.sent else None
    return (after.upos in ("VERB", "ADJ", "NOUN", "AUX") and after.text[:1].isupper() and after.text[1:].islower()
            and after.text.isalpha() and len(after.text) > 2
            and (next_word is None or not next_word.text[:1].isupper()))


MAX_ROLE_MODIFIERS = 6
PLACE_PREPOSITIONS = frozenset("from in at near outside across throughout".split())
# ("Democratic pollster Pat Caddell" keeps its capital)
PARTY_LABEL_WORDS = frozenset("democratic democrat republican independent libertarian".split())
# words whose full stop is their own ("Apple Inc.", "Martin Luther King Jr.")
ABBREVIATIONS = frozenset("inc corp co ltd llc plc jr sr st bros".split())


def without_full_stop(mention: str) -> str:
    """"Moderator: Karen Holt." at a line's end: the tokenizer may keep the
    sentence's full stop on the name's last word."""
    last = mention.split()[-1] if mention.split() else ""
    if re.search(r"[a-z]{2}\.$", last) and last[:-1].lower() not in ABBREVIATIONS:
        return mention[:-1]
    return mention


def name_adjective(words, i: int, j: int, surnames: set[str]) -> bool:
    """``Conservative Solutions PAC``, ``Right Wing Watch``: a capitalised
    adjective the tagger split off a body's name is its first word (not a
    party label, "Republican Donald Trump", nor a modifier of a compound,
    "Former Fox News host"; nor a title before a person's name, "Supreme Court
    Justice Sonia Sotomayor"); in prose only, where capitals mean something
    ("Old Hands Help Russia ..." is a headline)."""
    if i == 0 or words[i - 1].sent != words[i].sent:
        return False
    adjective = words[i - 1]
    after = words[j + 1] if j + 1 < len(words) and words[j + 1].sent == words[j].sent else None
    return (adjective.upos == "ADJ" and adjective.text[:1].isupper() and adjective.text.isalpha()
            and adjective.lower not in PARTY_LABEL_WORDS | NOT_NAME_ADJECTIVES
            and not any(w.lower in FIRST_NAMES or w.lower.strip(".") in TITLE_WORDS or person_noun(w.lower)
                        for w in words[i - 1:j + 1])
            and not (j == i and words[i].lower in surnames)
            and (after is None or after.upos not in ("NOUN", "PROPN")))


# adjectives that say when or how someone held a name, not part of it
NOT_NAME_ADJECTIVES = frozenset("former late then current longtime veteran fellow ex future outgoing incoming".split())


def described_from(words, k: int, i: int) -> int:
    """Where a description written before a name starts: "Democratic pollster
    Pat Caddell", "Trump supporter Melanie": a noun for what people are right
    before the name, and the words qualifying it."""
    if k != i or i == 0:
        return k
    noun = words[i - 1]
    # ("Comedian Sarah Silverman" opening a sentence: the tagger may call the noun a name)
    opens_sentence = noun.upos in ("PROPN", "ADJ") and noun.text[:1].isupper() and (i - 1 == 0 or words[i - 2].sent != noun.sent)
    if noun.sent != words[i].sent or (noun.upos != "NOUN" and not opens_sentence) or not person_noun(noun.lower):
        return k
    k = i - 1
    while k - 1 >= 0 and i - k < MAX_ROLE_MODIFIERS and words[k - 1].sent == words[i].sent:
        if words[k - 1].text == "-" and k - 2 >= 0 and words[k - 2].end == words[k - 1].start \
                and words[k - 1].end == words[k].start:
            k -= 2          # "front-runner": one word the tokenizer split at its hyphen
        elif words[k - 1].upos in ("ADJ", "NOUN", "PROPN") and words[k - 1].text[:1].isalpha():
            k -= 1
        else:
            break
    return k


def heading(words, k: int, j: int) -> bool:
    """``3. Ted Cruz.``: a name that is its sentence whole (a list item's
    heading) is who the item goes on to speak of."""
    before, numbered = k - 1, False
    while before >= 0 and words[before].sent == words[k].sent:
        if words[before].upos not in ("PUNCT", "NUM"):
            return False
        numbered = numbered or words[before].upos == "NUM"
        before -= 1
    after = j + 1
    while after < len(words) and words[after].sent == words[j].sent:
        if words[after].upos != "PUNCT":
            return False
        after += 1
    # (numbered, or a person's full name: not a section heading, "Gender Equality.")
    return numbered or (j > k and words[k].lower in FIRST_NAMES)


def in_subject(words, index: int, depth: int = 3) -> bool:
    """The word is a subject, or inside a noun phrase that is one
    (``Secretary of State Antony Blinken met``: the parser may head it on
    ``Secretary``)."""
    word = words[index]
    if word.deprel == "nmod:poss" and word.head is not None and person_noun(words[word.head].lower):
        return False      # "Corey Lewandowski, Trump's campaign manager, said": the manager speaks
    for _ in range(depth):
        if word.rel == "nsubj":
            return True
        if word.rel == "compound" and word.head is not None and words[word.head].upos == "NOUN" \
                and person_noun(words[word.head].lower):
            return False      # "Fiorina, the former Hewlett-Packard CEO, made": the CEO is who
        if word.head is None or word.rel not in ("nmod", "flat", "compound", "appos") \
                or words[word.head].upos not in ("NOUN", "PROPN"):
            return False
        word = words[word.head]
    return False
