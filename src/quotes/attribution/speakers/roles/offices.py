"""A speaker's role as a tracker shows it, and which of an article's roles to show.

``Sen.`` -> ``senator`` and ``New Jersey Gov.`` -> ``New Jersey governor``:
a title written as an abbreviation is the office it abbreviates. A role is a
noun phrase about a person (``Democratic pollster``, ``director of the
Institute for Policy Integrity``); ``lesson from``, ``his business record``
and ``at the National Review`` are not. An article names a person's office
once and then writes the surname: each of that person's records shows the
role the article gave them, the fullest one when it gave several.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from quotes.attribution.common.lexicon import PERSON_NOUNS, TIME_WORDS, compound_person_noun
from quotes.attribution.speakers.naming.names import HEAD_ENDS, HONORIFICS
from quotes.attribution.speakers.roles.role_text import clean_role

# titles as news style abbreviates them before a name
ABBREVIATED_TITLES = {
    "sen": "senator", "sens": "senators", "rep": "representative", "reps": "representatives",
    "gov": "governor", "lt": "lieutenant", "gen": "general", "col": "colonel", "maj": "major",
    "capt": "captain", "cmdr": "commander", "adm": "admiral", "sgt": "sergeant", "cpl": "corporal",
    "del": "delegate", "atty": "attorney", "sec": "secretary", "secy": "secretary", "pres": "president",
    "supt": "superintendent", "insp": "inspector", "det": "detective", "amb": "ambassador",
    "prof": "professor", "rev": "reverend", "assemblyman": "assemblyman", "lt.gov": "lieutenant governor",
}
# the endings of nouns for what people are or do ("pollster", "director",
# "economist", "nominee", "spokeswoman", "physician", "actress", "consultant",
# "resident"), and the common nouns with those endings that are things
PERSON_SUFFIX = re.compile(r"(?:er|or|ist|ian|eur|man|woman|men|women|ster|dent|gent|ee|ess|ant)s?$")
NOT_PEOPLE = frozenset("""
paper newspaper center centre computer order water winter letter number matter chapter quarter cancer
border corner error color colour floor door factor sector mirror manner monitor poster filter register
barrier shelter theater theatre tower power answer after other never ever however whether together rather
further former latter offer transfer cover trigger thunder motor tractor terror horror honor honour labor
labour favor favour rumor rumour humor behavior behaviour interior exterior corridor elevator indicator
generator ventilator business address process access congress progress success press stress mess chess
less unless dress express committee degree fee coffee guarantee restaurant plant grant want chant
percent incident accident precedent transcript dollar year summer fever weather leather member-state
""".split())
# people nouns the endings miss
MORE_PEOPLE = frozenset("""
critic cleric operative detective relative native patriot architect captain chaplain guard scholar czar
tsar playwright host user nominee head chief staffer aide ally rival spouse partner niece nephew cousin
grandmother grandfather mom dad child lady gentleman dean coach mayor judge mate widow widower
star surrogate candidate delegate democrat republican challenger contender hopeful front-runner frontrunner
personality celebrity pundit commentator boss underdog veteran
""".split())
# words no role ends on: it was cut mid-phrase ("lesson from", "chorus of prominent")
LOOSE_ENDS = HEAD_ENDS | frozenset("and or the a an his her their its prominent new latest recent released".split())


def expand_titles(role: str) -> str:
    """``Sen.`` -> ``senator``; ``New Jersey Gov.`` -> ``New Jersey governor``;
    ``Lt. Gen.`` -> ``lieutenant general``."""
    words = role.split()
    out = []
    for word in words:
        key = word.lower().rstrip(".")
        full = ABBREVIATED_TITLES.get(key) if word.endswith(".") or key in ("sen", "rep", "gov") else None
        out.append(full or word)
    return " ".join(out)


def role_head(role: str) -> str:
    """The noun a role is about: ``director of the institute`` -> ``director``."""
    tokens = [t.strip(".,’'()") for t in role.lower().split()]
    for k, token in enumerate(tokens):
        if token in HEAD_ENDS and k:
            return tokens[k - 1]
    return tokens[-1] if tokens else ""


def person_noun(word: str) -> bool:
    """A noun for what a person is or does ("pollster", "playwright-in-residence")."""
    word = word.lower().strip(".,")
    if word in MORE_PEOPLE or word in PERSON_NOUNS:        # ("front-runner" whole)
        return True
    word = word.split("-")[0] if "-" in word and word.split("-")[0] else word
    if word in PERSON_NOUNS or word in MORE_PEOPLE or word in ABBREVIATED_TITLES.values():
        return True
    if compound_person_noun(word):
        return True
    return word not in NOT_PEOPLE and len(word) > 4 and bool(PERSON_SUFFIX.search(word))


PARTY_LABELS = frozenset("republican democrat democratic independent libertarian green former acting".split())
POSSESSIVE_DETERMINERS = frozenset("his her their its our my your".split())


def person_role(role: Optional[str]) -> Optional[str]:
    """The role, titles spelt out, unless it was cut mid-phrase or is a
    possession or a place rather than what the person is ("his business
    record", "at the National Review")."""
    role = clean_role(role)
    if not role:
        return None
    role = expand_titles(role)
    words = [w.strip(".,") for w in role.lower().split()]
    if words[0] in HEAD_ENDS | POSSESSIVE_DETERMINERS or words[-1] in LOOSE_ENDS | HONORIFICS \
            or words[-1] in TIME_WORDS or role_head(role) in RELATIONAL:
        return None          # "Kerry and Mr.", "advisers to Mr.": cut before a name; "then-rival"
    return role


# nouns for how one person stands to another, not what they are ("rival Donald
# Trump" is Clinton's rival; his role is what the story calls him elsewhere)
RELATIONAL = frozenset("rival rivals opponent opponents ally allies friend foe counterpart predecessor successor".split())


# where someone stands in a race, said of any office holder ("the Republican
# incumbent" is the senator just named)
RACE_STANDINGS = frozenset("incumbent challenger contender hopeful front-runner frontrunner".split())


# a rank goes with whatever post its holder has
MILITARY_RANKS = frozenset("admiral general colonel captain major lieutenant sergeant corporal commander".split())


def roles_conflict(a: Optional[str], b: Optional[str]) -> bool:
    """Two offices that cannot be one person's at once in one article
    ("President" and "first lady"); a missing role conflicts with nothing."""
    if not a or not b:
        return False
    head_a, head_b = role_head(expand_titles(a)), role_head(expand_titles(b))
    if not (person_noun(head_a) and person_noun(head_b)) or head_a == head_b \
            or {head_a, head_b} & (RACE_STANDINGS | PARTY_LABELS | MILITARY_RANKS | HONORIFICS):
        # ("the Texas Republican" holds any office; "Admiral Harris" commands American
        # forces; "Dr. Ben Carson" is a form of address, not a post: he is still "the
        # retired neurosurgeon")
        return False
    return head_a not in expand_titles(b).lower().split() and head_b not in expand_titles(a).lower().split()


def offices_conflict(a: Optional[str], b: Optional[str]) -> bool:
    """``roles_conflict`` for two offices only: "President" and "first lady"
    are two people; "retired lieutenant general" and "top Trump surrogate" may
    well be one."""
    if not roles_conflict(a, b):
        return False
    return all(role_head(expand_titles(r)) in OFFICE_HEADS for r in (a, b))


def _heads(role: str) -> list[str]:
    """The head noun of each conjunct: "surgeon and daytime TV star"."""
    return [role_head(part) for part in re.split(r"\s+and\s+", role) if part.strip()]


def informative(role: Optional[str]) -> bool:
    """An office or a description, not only a party label (``Republican``)."""
    return bool(role) and any(w.strip(".,") not in PARTY_LABELS for w in role.lower().split())


def describes_person(role: Optional[str]) -> bool:
    """An informative role whose head says what a person is ("pollster"), not a loose phrase."""
    return informative(role) and any(person_noun(h) for h in _heads(role))


def best_role(roles: Iterable[Optional[str]]) -> Optional[str]:
    """Of the roles an article gives one person, the one a reader would put
    under the name: an office over a party label or a loose description, then
    the fuller phrase, then the first given."""
    found = [r for r in roles if r]
    if not found:
        return None
    combined = party_office_of_place(found)
    if combined:
        return combined
    return max(enumerate(found), key=lambda kr: (informative(kr[1]), describes_person(kr[1]), names_office(kr[1]),
                                                   not _past(kr[1]), min(len(kr[1].split()), 5), -kr[0]))[1]


# "Senator Lindsey Graham, Republican of South Carolina": a house style that
# gives the office as a title and the party and place after the name
PARTY_OF_PLACE = re.compile(r"^(Republican|Democrat|Democratic|Independent)\s+of\s+([A-Z][\w.' -]+)$")
_PARTY_ADJECTIVE = {"democrat": "Democratic"}
_TITLED_OFFICES = frozenset("senator representative governor congressman congresswoman".split())


def party_office_of_place(roles: list[str]) -> Optional[str]:
    """``Senator`` and ``Republican of South Carolina`` said of one person:
    ``Republican senator from South Carolina``."""
    office = next((expand_titles(r).lower() for r in roles if expand_titles(r).lower() in _TITLED_OFFICES), None)
    place = next((m for m in map(PARTY_OF_PLACE.match, roles) if m), None)
    if not office or not place:
        return None
    party = _PARTY_ADJECTIVE.get(place.group(1).lower(), place.group(1))
    return f"{party} {office} from {place.group(2).strip()}"


def _past(role: str) -> bool:
    """"former secretary of state": an office held once, shown after a current one."""
    return bool(set(role.lower().split()) & {"former", "ex", "onetime", "erstwhile"}) or role.lower().startswith("ex-")


# offices, which a reader puts under a name before an occupation ("Republican
# presidential nominee" before "New York businessman")
OFFICES = frozenset("""president nominee candidate senator representative governor mayor secretary minister
chairman chairwoman director chief leader speaker spokesman spokeswoman spokesperson ambassador judge
justice attorney general commissioner""".split())
# offices a person holds, as against what they are or do for someone ("top
# Trump surrogate", "longtime friend"): only two offices tell two people apart;
# the ranks, crowns and posts a reader puts under a name less often count here too
OFFICE_HEADS = OFFICES | frozenset("""
vice-president lady chair lieutenant colonel major captain commander admiral sergeant corporal whip ceo founder
king queen prince princess pope chancellor premier councillor councilman councilwoman delegate sheriff
superintendent reverend bishop rabbi pastor professor dean
""".split())


def names_office(role: Optional[str]) -> bool:
    """An office ("Vermont senator"), as against an occupation or a standing ("Republican incumbent")."""
    return bool(role) and bool(set(expand_titles(role).lower().replace("-", " ").split()) & OFFICES)


def same_office(a: str, b: str) -> bool:
    """``President`` and ``former President``, ``Sen.`` and ``senator``: one office."""
    return role_head(expand_titles(a)) == role_head(expand_titles(b))


# AP-style state abbreviations in party tags ("(R-S.C.)", "D-Mass.")
STATES = {
    "ala": "Alabama", "alaska": "Alaska", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia",
    "hawaii": "Hawaii", "idaho": "Idaho", "ill": "Illinois", "ind": "Indiana", "iowa": "Iowa", "kan": "Kansas",
    "ky": "Kentucky", "la": "Louisiana", "maine": "Maine", "md": "Maryland", "mass": "Massachusetts",
    "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri", "mont": "Montana",
    "neb": "Nebraska", "nev": "Nevada", "n.h": "New Hampshire", "n.j": "New Jersey", "n.m": "New Mexico",
    "n.y": "New York", "n.c": "North Carolina", "n.d": "North Dakota", "ohio": "Ohio", "okla": "Oklahoma",
    "ore": "Oregon", "pa": "Pennsylvania", "r.i": "Rhode Island", "s.c": "South Carolina", "s.d": "South Dakota",
    "tenn": "Tennessee", "texas": "Texas", "utah": "Utah", "vt": "Vermont", "va": "Virginia",
    "wash": "Washington", "w.va": "West Virginia", "wis": "Wisconsin", "wyo": "Wyoming",
}
STATE_NAMES = frozenset(name.lower() for name in STATES.values())
STATE_TAG = re.compile(r"\((?:[DRI]|Dem|Rep|Ind)\s*-\s*([A-Z][\w. ]{0,20}?)\.?\)|,\s*[DRI]-([A-Z][\w.]*?)\.?(?=,|$)")
STATE_OFFICES = frozenset("senator representative governor delegate".split())


def with_state(role: Optional[str], tag_text: str) -> Optional[str]:
    """``Sen.`` beside "(I-Vt.)" -> ``Vermont senator``: the state a party tag gives."""
    m = STATE_TAG.search(tag_text)
    if not role or not m:
        return role
    state = STATES.get((m.group(1) or m.group(2) or "").lower().rstrip("."))
    spelt = expand_titles(role)
    if not state or spelt.lower() not in STATE_OFFICES or state.lower() in spelt.lower():
        return role
    return f"{state} {spelt}"
