"""Who is speaking: the subject or agent of a cue, split into name and role.

``Kremlin spokesman Dmitry Peskov`` -> name ``Dmitry Peskov``, role
``Kremlin spokesman``; ``Josh Earnest, the White House press secretary`` ->
name ``Josh Earnest``, role ``the White House press secretary``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from quotes.attribution.lexicon import (COUNTRIES, ORG_NOUNS, PARTY_NOUNS, PERSON_NOUNS, PERSON_PRONOUNS,
                                        TITLE_WORDS)
from quotes.attribution.parsed import ParsedText
from quotes.records import COUNTRY, ORGANIZATION, PERSON, UNKNOWN

SUBJECT_RELS = ("nsubj", "nsubj:pass", "csubj", "expl")
# relations that carry the subject of a verb to the verbs that share it
SHARED_SUBJECT_RELS = ("conj", "xcomp", "advcl", "acl", "parataxis")
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
QUANTIFIERS = frozenset("many some several few most all both other others".split())


def subject_of(parsed: ParsedText, verb: int, depth: int = 3) -> Optional[int]:
    """The word heading the verb's subject (or passive agent), climbing to a
    governing verb when the subject is shared (``he smiled and said``,
    ``..., saying that``)."""
    kids = parsed.kids(verb, "nsubj", "nsubj:pass", "csubj")
    if kids:
        return kids[0].index
    agents = [k for k in parsed.kids(verb, "obl") if k.deprel == "obl:agent"
              or any(c.lower == "by" for c in parsed.kids(k.index, "case"))]
    if agents and parsed.words[verb].feats and "Voice=Pass" in parsed.words[verb].feats:
        return agents[0].index
    word = parsed.words[verb]
    if depth and word.head is not None and word.rel in SHARED_SUBJECT_RELS:
        if word.deprel == "acl:relcl":
            return None
        return subject_of(parsed, word.head, depth - 1)
    return None


def source_words(parsed: ParsedText, head: int, exclude: set[int] = frozenset()) -> list[int]:
    """The subject's words: its whole subtree (PolNeAR keeps appositions and
    relative clauses in the source), cut to a contiguous run around the head
    and trimmed of edge punctuation."""
    words = parsed.words
    members = set(parsed.subtree(head)) - set(exclude)
    # keep the contiguous run containing the head
    lo = hi = head
    while lo - 1 in members:
        lo -= 1
    while hi + 1 in members:
        hi += 1
    run = list(range(lo, hi + 1))
    while run and words[run[0]].upos == "PUNCT":
        run.pop(0)
    while run and words[run[-1]].upos == "PUNCT":
        run.pop()
    if not run:
        return [head]
    # "Peskov on November 7": a time phrase hung on the subject is not part of it
    for k in range(1, len(run)):
        if words[run[k]].upos == "ADP" and run[k] > head and all(
                words[i].lower in TIME_WORDS or words[i].upos in ("NUM", "DET") for i in run[k + 1:]):
            run = run[:k]
            break
    # "X, a former governor, said": PolNeAR keeps the comma that closes an apposition
    after = run[-1] + 1
    if (after < len(words) and words[after].text == "," and words[after].sent == words[head].sent
            and any(words[i].text == "," for i in run) and after not in exclude):
        run.append(after)
    return run


TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december today yesterday tonight week month year
morning evening night earlier later""".split())
GAP_TAGS = ("ADP", "PROPN", "NOUN", "ADJ", "NUM", "DET", "PART", "PUNCT", "CCONJ", "PRON", "X", "SYM")


def extend_source(parsed: ParsedText, run: list[int], cue_first: int, exclude: set[int] = frozenset()) -> list[int]:
    """Grow a source the tree left short: a name continued past a sentence
    split (``Mr. | Obama``), a party tag (``(D-Md.)``), and, when the source
    stands before its cue, the words between them that still belong to the
    noun phrase (``Data from the 2014 survey said``) or an apposition set off
    by commas (``Derek Mitchell, who served as ambassador,``)."""
    if not run:
        return run
    words = parsed.words
    run = list(run)
    nxt = run[-1] + 1
    while nxt < len(words) and nxt not in exclude and nxt != cue_first and words[nxt].upos == "PROPN":
        run.append(nxt)
        nxt += 1
    if nxt < len(words) and words[nxt].text == "(" and nxt not in exclude:
        close = next((k for k in range(nxt, min(nxt + 8, len(words))) if words[k].text == ")"), None)
        if close is not None and close < cue_first:
            run.extend(range(nxt, close + 1))
    if run[-1] < cue_first:
        gap = list(range(run[-1] + 1, cue_first))
        if gap and len(gap) <= 25 and not any(i in exclude for i in gap) and \
                not any(words[i].text in ('"', "“", "”", "''") for i in gap):
            commas = [i for i in gap if words[i].text == ","]
            verbs = [i for i in gap if words[i].upos in ("VERB", "AUX")]
            timely = any(words[i].lower in TIME_WORDS or words[i].upos == "NUM" for i in gap)
            opener = words[gap[0]]
            if (not commas and not verbs and not timely and opener.upos in GAP_TAGS and len(gap) <= 10
                    and (opener.upos != "ADP" or opener.lower in ("of", "from", "at", "for", "with"))):
                run.extend(gap)
            elif commas and commas[0] == gap[0] and words[gap[-1]].text == "," and len(gap) > 2 \
                    and (words[gap[1]].upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                         or words[gap[1]].lower in ("who", "which")):
                run.extend(gap)
    return run


@dataclass
class SpeakerName:
    name: str
    role: Optional[str]
    kind: str          # person / organization / country / unknown
    pronoun: bool


def split_name_role(mention: str) -> tuple[str, Optional[str]]:
    """Split ``U.S. Secretary of State Antony Blinken`` into name and role."""
    text = mention.strip().rstrip(",").strip()
    # apposition: "Name, role" or "role, Name"
    if "," in text:
        first, rest = text.split(",", 1)
        first, rest = first.strip(), rest.strip().rstrip(",").strip()
        if _looks_like_name(first):
            return first, rest or None
        if _looks_like_name(rest):
            return rest, first
        if rest.split(" ", 1)[0].lower() in ("who", "which", "whose"):
            # "one analyst, who asked not to be named": the clause says what they did
            return split_name_role(first)
        return text, None
    tokens = text.split()
    if tokens and tokens[0].lower() in DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return text, None
    # "Dan McLaughlin at the National Review": a person, then where they work
    for j in range(2, min(len(tokens), 5)):
        if tokens[j].lower() in ("at", "of", "from", "with") and _looks_like_name(" ".join(tokens[:j])) \
                and not {t.lower() for t in tokens[:j]} & ORG_NOUNS:
            return " ".join(tokens[:j]), " ".join(tokens[j:])
    # "Ministry of Foreign Affairs" is one name ("Department of Justice
    # spokesman Peter Carr" is not: a person follows)
    lowered = [t.lower().strip(".,") for t in tokens]
    if len(tokens) > 2 and lowered[0] in ORG_NOUNS and lowered[1] == "of" \
            and not set(lowered[2:]) & PERSON_NOUNS:
        return " ".join(tokens), None
    # trailing run of capitalised tokens that are not titles -> the name
    k = len(tokens)
    while k > 0 and _name_token(tokens[k - 1]):
        low = tokens[k - 1].lower().strip(".")
        # a title, or a head noun before a full name ("Bank of America CEO
        # Brian Moynihan"; "General Motors" and "Martin Luther King Jr." stay whole)
        if low in TITLE_WORDS or (low in PERSON_NOUNS and len(tokens) - k >= 2) \
                or ("-" in low and all(part in TITLE_WORDS for part in low.split("-"))):   # "Secretary-General"
            break
        k -= 1
    if k == len(tokens) or k == 0:
        return " ".join(tokens), None
    if tokens[k - 1].lower() in ("of", "for", "and"):   # "Secretary of State" kept whole
        return " ".join(tokens), None
    name = " ".join(tokens[k:])
    role = " ".join(tokens[:k])
    if _people_at(tokens[:k]):
        return name, " ".join(tokens[:k - 1])     # "analysts at Wedbush Securities"
    if any(t.lower() in ORG_NOUNS for t in tokens[k:]):
        # "Armenian Foreign Ministry": a body, not a title + name
        return " ".join(tokens), None
    if tokens[0].lower() in QUANTIFIERS:
        # "many Democrats", "several people Republicans": how many, not a role
        return name, None
    return name, role


def _people_at(tokens: list[str]) -> bool:
    """"analysts at", "researchers from": people speaking for the body named
    next (not a title: "Senator from Texas")."""
    return len(tokens) >= 2 and tokens[-1].lower() in ("at", "from", "with") and _plural_people(tokens[-2])


def _plural_people(word: str) -> bool:
    low = word.lower().strip(".,")
    return low in PERSON_NOUNS and low.endswith("s") and low not in TITLE_WORDS


def _name_token(token: str) -> bool:
    # "al-Mansouri", "el-Sisi", "d'Alema": a lower-case particle joined to the name
    return bool(re.match(r"^(?:(?:al|el|ad|as|ash|at|bin|ibn|abu|d)['’-])?[A-Z][\w.'’-]*$", token))


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    return 0 < len(tokens) <= 4 and all(_name_token(t) or t.lower() in ("de", "van", "von", "bin", "al")
                                        for t in tokens) and not any(t.lower().strip(".") in TITLE_WORDS
                                                                     for t in tokens)


def speaker_type(mention: str, name: str, role: Optional[str], head_upos: str = "") -> str:
    low = mention.lower().strip().rstrip(",")
    first = low.split()[0] if low.split() else ""
    if first in PERSON_PRONOUNS and first not in ("they", "them", "we", "us"):
        return PERSON
    if low in ("it", "its"):
        return ORGANIZATION
    name_low = name.lower()
    bare = re.sub(r"^(the)\s+", "", name_low)
    if bare in COUNTRIES or name_low in COUNTRIES:
        return COUNTRY
    if role and _plural_people(role.split()[-1]) and re.search(
            r"\b(?:at|from|with)\s+" + re.escape(name) + r"\W*$", mention.strip()):
        return ORGANIZATION     # "economists at Commerzbank": the speaker named is the firm
    # a description is typed by its head noun: "a ministry spokeswoman" is a
    # person, "the Foreign Ministry" a body, "Secretary of State" a person
    head = _head_noun(name_low)
    if head in PERSON_NOUNS or re.fullmatch(r"\d+-year-old", head):
        return PERSON
    if (head in ORG_NOUNS and head not in PERSON_NOUNS) or head in PARTY_NOUNS:
        return ORGANIZATION
    name_tokens = {t.strip(".,’'s") for t in name_low.split()}
    role_tokens = {t.strip(".,") for t in (role or "").lower().split()}
    if name_tokens & ORG_NOUNS:
        return ORGANIZATION
    if role and role_tokens & PERSON_NOUNS:
        return PERSON
    if name_tokens & PERSON_NOUNS:
        return PERSON
    if " and " in name_low and all(p.strip() in COUNTRIES for p in name_low.split(" and ")):
        return ORGANIZATION   # "Armenia and Azerbaijan": the two governments
    tokens = name.split()
    if 2 <= len(tokens) <= 4 and all(_name_token(t) for t in tokens):
        return PERSON
    if len(tokens) == 1 and _name_token(tokens[0]) and head_upos == "PROPN":
        return PERSON
    if first in ("they", "we"):
        return UNKNOWN
    return UNKNOWN


HEAD_ENDS = frozenset("of for at with in from on to".split())


def _head_noun(name_low: str) -> str:
    """The last word before a preposition: "spokesman for the ministry" ->
    "spokesman", "ministry of foreign affairs" -> "ministry"."""
    tokens = [t.strip(".,’'") for t in name_low.split()]
    for k, token in enumerate(tokens):
        if token in HEAD_ENDS and k:
            return tokens[k - 1]
    return tokens[-1] if tokens else ""


def describe_speaker(mention: str, head_upos: str = "") -> SpeakerName:
    name, role = split_name_role(mention)
    kind = speaker_type(mention, name, role, head_upos)
    pronoun = mention.lower().strip() in PERSON_PRONOUNS or mention.lower().strip() in ("it", "who", "which")
    return SpeakerName(name=name, role=role, kind=kind, pronoun=pronoun)
