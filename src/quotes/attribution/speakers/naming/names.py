"""Who is speaking, as a name: a mention split into name and role, and typed.

``Kremlin spokesman Dmitry Peskov`` -> name ``Dmitry Peskov``, role
``Kremlin spokesman``; ``Josh Earnest, the White House press secretary`` ->
name ``Josh Earnest``, role ``the White House press secretary``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from quotes.attribution.common.lexicon import (BODY_PLURALS, COUNTRIES, MEDIA_HEAD_WORDS, ORG_NOUNS, PARTY_NOUNS,
                                               PERSON_NOUNS, PERSON_PRONOUNS, SOCIAL_PLATFORMS, TITLE_WORDS,
                                               compound_person_noun)
from quotes.attribution.common.first_names import FIRST_NAMES
from quotes.attribution.common.lines import without_dateline
from quotes.records import COUNTRY, GROUP, ORGANIZATION, PERSON, UNKNOWN

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
QUANTIFIERS = frozenset("many some several few most all both other others".split())


@dataclass
class SpeakerName:
    name: str
    role: Optional[str]
    kind: str          # person / organization / country / unknown
    pronoun: bool


# "(D-N.C.)", ", R-Wis.,": party and state tags, said of a name, part of neither name nor role
PARTY_TAG = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)(?:\s*-\s*[A-Z][\w. ]{0,20})?\)|,\s*[DRI]-[A-Z][a-z]*\.?(?:[A-Z]\.)*(?=,|$)")
# "WASHINGTON (Reuters) -", "MOSCOW --": a dateline is where the story was filed, not who speaks
DAYS_AND_MONTHS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december""".split())
TRAILING_DATE = re.compile(r"(?:\s+(?:on|in|last|this|next|early|late|mid)){0,2}(?:\s+(?:" + "|".join(
    sorted((w.capitalize() for w in DAYS_AND_MONTHS), key=len, reverse=True)) + r")\.?)+$")
HONORIFICS = frozenset("mr mrs ms miss dr sir dame".split())
# person nouns that are part of how someone is called ("Pope Francis", "King
# Charles"), unlike "Donor Adelson" or "Singer Adele" in a headline
STYLED_BY_RANK = frozenset("pope cardinal prince princess king queen saint sister brother father mother uncle aunt".split())
# 'Marcia "Cia" Price': a nickname in quotes inside a name
NICKNAME = re.compile(r"(?<=[A-Za-z.])\s+[\"“'‘][A-Z][\w.-]{0,15}[\"”'’]\s+(?=[A-Z])")
# words that open a clause, where a role stops ("a billionaire who paid ...")
# "Co-anchor Norah O'Donnell", "Vice-Chairman ...": a title with a prefix
TITLE_PREFIXES = frozenset("co vice deputy ex assistant acting".split())


# "Bill de Blasio", "Ursula von der Leyen": lower-case particles inside a person's name
SURNAME_PARTICLES = frozenset("de del della der den di da du la le van von bin ibn al".split())


def split_name_role(mention: str) -> tuple[str, Optional[str]]:
    """Split ``U.S. Secretary of State Antony Blinken`` into name and role."""
    text = PARTY_TAG.sub("", without_dateline(mention.strip())).strip().rstrip(",").strip()
    text = NICKNAME.sub(" ", text)
    # "Del. Marcia Price" (a state delegate), not the "Del" of "Benicio Del Toro"
    text = re.sub(r"\bDel\.(?=\s+[A-Z])", "Delegate", text)
    # "The latest Reuters/Ipsos poll released Friday": a date is when, not who
    text = TRAILING_DATE.sub("", text) or text
    # "Mehmet Oz — Ivy League-trained surgeon and daytime TV star —": a dash aside is an apposition
    text = re.sub(r"\s+(?:—|–|--)\s+", ", ", text).rstrip(" ,—–-")
    # "CNN President On Trump:" in a title-case headline: what follows "On" is the topic
    text = re.sub(r"(?<=\w)\s+(?:On|About)\s+[A-Z].*$", "", text)
    # apposition: "Name, role" or "role, Name"
    if "," in text:
        first, rest = text.split(",", 1)
        first, rest = first.strip(), rest.strip().rstrip(",").strip()
        if _looks_like_name(first):
            return first, rest or None
        if _looks_like_name(rest):
            return rest, first
        body = re.sub(r"^the\s+", "", rest)
        if body != rest and len(body.split()) >= 2 and "," not in body \
                and all(w[:1].isupper() or w in ("of", "and", "for", "on", "&") for w in body.split()):
            # "The industry's trade group, the Pharmaceutical Innovation Council": the body's name
            return body, first
        inner, title = split_name_role(first) if " " in first else (first, None)
        # (not a clause ending on the name: "One pastor supporting Mr. Cruz,
        # Darran Whiting" describes Whiting, not Cruz)
        if title and _looks_like_name(inner) and not any(w.isalpha() and w.islower() and w.endswith("ing")
                                                         for w in title.split()):
            # "Rep. G.K. Butterfield, head of the Congressional Black Caucus"
            # ("Co-anchor Norah O'Donnell, who was off-screen": the title is the role)
            beside = rest if rest.split(" ", 1)[0].lower() not in ("who", "which", "whose") else ""
            other, other_role = split_name_role(beside) if beside else (None, None)
            if title.lower().strip(".") in HONORIFICS and other and len(other.split()) >= 2 \
                    and _looks_like_name(other) and other.split()[-1] != inner.split()[-1]:
                # "[One pastor supporting] Mr. Cruz, Darran Whiting of ...": another
                # person's full name set after an object's is the one meant
                return other, other_role
            return inner, beside or title
        # (not two people: "Prime Minister Nikol Pashinian and President Ilham Aliyev")
        single = " " in rest and "," not in rest and " and " not in rest
        inner, title = split_name_role(rest) if single else (rest, None)
        if title and _looks_like_name(inner) and not _looks_like_name(first):
            # "Trump's running mate, Indiana Gov. Mike Pence"
            return inner, first
        if rest.split(" ", 1)[0].lower() in ("who", "which", "whose"):
            # "one analyst, who asked not to be named": the clause says what they did
            return split_name_role(first)
        return text, None
    tokens = text.split()
    if tokens and tokens[0].lower() in DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return text, None
    # "Dan McLaughlin at the National Review", "Rep. Elijah Cummings of Maryland":
    # a person (after any titles), then where they work or come from
    titles = 0
    while titles < len(tokens) - 1 and tokens[titles].lower().strip(".") in TITLE_WORDS:
        titles += 1
    for j in range(titles + 2, min(len(tokens), titles + 5)):
        if tokens[j].lower() in ("at", "of", "from", "with", "for", "on") and _looks_like_name(" ".join(tokens[titles:j])) \
                and not {t.lower() for t in tokens[titles:j]} & ORG_NOUNS \
                and (tokens[j] != "on" or j + 1 < len(tokens) and tokens[j + 1][:1].isupper()):
            # ("Larry O'Connor on Hot Air": the site he wrote on is the channel, no role)
            return " ".join(tokens[titles:j]), " ".join(tokens[:titles]) or (
                " ".join(tokens[j:]) if tokens[j] != "on" else None)
    # "Ministry of Foreign Affairs" is one name ("Department of Justice
    # spokesman Peter Carr" is not: a person follows)
    lowered = [t.lower().strip(".,") for t in tokens]
    if len(tokens) > 2 and lowered[0] in ORG_NOUNS and lowered[1] == "of" \
            and not set(lowered[2:]) & PERSON_NOUNS:
        return " ".join(tokens), None
    # "The nonpartisan Commission on Presidential Debates": a body's capitalised
    # name from its head noun on, however its words read as titles
    for i, token in enumerate(tokens[:-1]):
        if token[:1].isupper() and lowered[i] in ORG_NOUNS and lowered[i + 1] in ("on", "of", "for", "to") \
                and all(t[:1].isupper() or t.lower() in ("on", "of", "for", "to", "and", "the", "&")
                        for t in tokens[i:]) and tokens[-1][:1].isupper() \
                and not set(lowered[i + 1:]) & (PERSON_NOUNS | {"ceo"}):      # "Bank of America CEO Brian Moynihan"
            while i > 0 and tokens[i - 1][:1].isupper() and lowered[i - 1] not in TITLE_WORDS | DETERMINERS:
                i -= 1          # "the Florida Department of State": the place is part of the name
            return " ".join(tokens[i:]), None
    # trailing run of capitalised tokens that are not titles -> the name
    k = len(tokens)
    while k > 0 and (_name_token(tokens[k - 1]) or _inner_particle(tokens, k - 1)):
        low = tokens[k - 1].lower().strip(".")
        # a title, or a head noun before a full name ("Bank of America CEO
        # Brian Moynihan"; "General Motors" and "Martin Luther King Jr." stay whole)
        after = len(tokens) - k         # name tokens after this one
        if low in TITLE_WORDS \
                or (low in PERSON_NOUNS and (after >= 2 or after == 1 and low not in STYLED_BY_RANK | FIRST_NAMES)) \
                or ("-" in low and all(part in TITLE_WORDS for part in low.split("-"))) or _prefixed_title(low):
            # ("Secretary-General", "Co-anchor")
            break
        k -= 1
    if k == len(tokens) or k == 0:
        return " ".join(tokens), None
    if tokens[k - 1].lower() in ("of", "for", "and"):   # "Secretary of State" kept whole
        return " ".join(tokens), None
    if tokens[k - 1].lower() == "the" and k >= 2 and tokens[k - 2].lower() in ("of", "for", "at", "from", "with"):
        return " ".join(tokens), None       # "a spokesman for the FNSEA": the spokesman, unnamed
    opens = k - 1
    while opens > 0 and tokens[opens].lower().strip(".") in TITLE_WORDS | HONORIFICS:
        opens -= 1
    # (not "of": "Secretary of State Antony Blinken" is the secretary)
    if tokens[opens].lower() in ("to", "for", "with") \
            and any(t.lower() in PERSON_NOUNS for t in tokens[:opens]):
        return " ".join(tokens), None       # "the former top aide to President George W. Bush", "a
        # spokesman for Sen. Bernie Sanders": the aide, the spokesman
    name = " ".join(tokens[k:])
    role = " ".join(tokens[:k])
    if _people_at(tokens[:k]):
        return name, " ".join(tokens[:k - 1])     # "analysts at Wedbush Securities"
    if tokens[k - 1].lower() in ("in", "across", "near", "on", "about", "around", "throughout"):
        # "Many leaders of ethnic communities in the U.S.": a place the description names, not who
        return " ".join(tokens), None
    if any(t.lower() in ORG_NOUNS for t in tokens[k:]):
        # "Armenian Foreign Ministry": a body, not a title + name
        return " ".join(tokens), None
    if tokens[0].lower() in QUANTIFIERS:
        # "many Democrats", "several people Republicans": how many, not a role
        return name, None
    return name, role


def _inner_particle(tokens: list[str], k: int) -> bool:
    """``de`` in "Bill de Blasio", ``von der`` in "Ursula von der Leyen": a
    particle between a first name and a surname."""
    if tokens[k] not in SURNAME_PARTICLES or k + 1 >= len(tokens):
        return False
    j = k
    while j > 0 and tokens[j - 1] in SURNAME_PARTICLES:
        j -= 1
    return j > 0 and _name_token(tokens[j - 1]) and tokens[j - 1].lower().strip(".") not in TITLE_WORDS


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
                                                                     or _prefixed_title(t.lower()) for t in tokens)


def _prefixed_title(word: str) -> bool:
    """"co-anchor", "vice-chairman": a title with a prefix."""
    return "-" in word and word.split("-")[0] in TITLE_PREFIXES and word.split("-")[-1] in PERSON_NOUNS | TITLE_WORDS


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
    if head in PARTY_NOUNS and set(name_low.split()) & PARTY_NAME_WORDS:
        return ORGANIZATION     # "the opposition Christian Democrats": a party's name
    if head in PARTY_NOUNS or plural_people_noun(head):
        # "Republicans", "World leaders", "Black Lawmakers": people, several of them
        return GROUP
    if head in PERSON_NOUNS or compound_person_noun(head) or re.fullmatch(r"\d+-year-old", head):
        return PERSON
    if head in ORG_NOUNS and head not in PERSON_NOUNS:
        return ORGANIZATION
    if re.fullmatch(r"(?:[A-Z]\.){2,}", name.strip()) or name_low in SOCIAL_PLATFORMS \
            or re.fullmatch(r"[Tt]he\s+[A-Z]{2,6}", mention.strip().rstrip(",")):
        return ORGANIZATION     # "U.N.", "Twitter", "the IMF" (a transcript's "WALLACE:" is a person)
    if re.match(r"(?:U\.N\.|U\.S\.|E\.U\.|U\.K\.|UN|EU)\s", name.strip()) or \
            (name.split() and name.split()[-1].lower() in BODY_PLURALS):
        return ORGANIZATION     # "U.N. Women", "United Nations": a body's name, not a person's
    name_tokens = {t.strip(".,’'s") for t in name_low.split()}
    role_tokens = {t.strip(".,") for t in (role or "").lower().split()}
    if name_tokens & ORG_NOUNS or (len(name_tokens) > 1 and name_low.split()[-1] in MEDIA_HEAD_WORDS
                                   and name_low.split()[0] not in FIRST_NAMES):
        return ORGANIZATION     # ("USA TODAY", "Daily News": an outlet's name; Emily Post is a person)
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


# words that make party members a party's name ("Christian Democrats", "Social Democrats")
PARTY_NAME_WORDS = frozenset("christian social free liberal national progressive united swedish".split())
HEAD_ENDS = frozenset("of for at with in from on to".split())


def plural_people_noun(head: str) -> bool:
    """"leaders", "lawmakers", "experts", "officials": the plural of a noun for a
    person; "Christians", "constitutionalists", "Texans": people by faith, creed or place."""
    return head in PEOPLE_BY_GENERATION_OR_FAITH or head.endswith("s") and not head.endswith("ss") and (
        head[:-1] in PERSON_NOUNS or head[:-2] in PERSON_NOUNS and head.endswith("es")
        or (len(head) > 6 and head.endswith(("ists", "ians", "ans")) and head not in NOT_PEOPLE_PLURALS))


# people by generation, faith or origin, named in the plural only ("Millennials
# say ...": a group; "Millennial Democrats" is no title before a name)
PEOPLE_BY_GENERATION_OR_FAITH = frozenset("millennials boomers evangelicals latinos latinas hispanics".split())
# plurals of that shape that are not people
NOT_PEOPLE_PLURALS = frozenset("pelicans toucans cardigans turbans sedans caravans".split())


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
