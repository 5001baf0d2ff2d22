"""A resolved speaker's type, settled from the shape of its name.

The mention's own words type most speakers ("Sen.", "the ministry"); what is
left untyped or typed a person by default is settled here from the name
alone: ``PolitiFact`` and ``RealClearPolitics`` (capitals inside one word)
are bodies, ``U.N.`` and ``USA TODAY`` (initials, capitals) are bodies,
``Latinos`` and ``Mexicans`` (a people in the plural) are a group, ``several
environmental groups`` are a group of bodies, ``One Republican`` is one
unnamed person.
"""
from __future__ import annotations

import re

from quotes.attribution.common.lexicon import BRAND_NAME, COUNTRIES
from quotes.attribution.speakers.naming.speaking_heads import REPORTING_NOUNS
from quotes.records import GROUP, ORGANIZATION, PERSON, UNKNOWN, UNNAMED

_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,3}$")   # ("PIKE:" in a transcript is a surname)
# a people named in the plural ("Latinos", "Mexicans", "Europeans", "Americans")
PEOPLES = frozenset("""americans europeans africans asians latinos latinas hispanics arabs israelis palestinians
iraqis afghans pakistanis britons scots kurds jews muslims christians catholics evangelicals""".split())
_BODY_PLURALS = frozenset("groups organizations organisations companies firms unions agencies banks "
                          "associations outlets networks newspapers".split())


def _a_people(word: str) -> bool:
    """"Mexicans", "Syrians": a country's people ("Evans" is no country's)."""
    low = word.lower()
    if low in PEOPLES:
        return True
    if not (low.endswith("ans") and word[:1].isupper()):
        return False
    stem = low[:-3]
    return len(stem) >= 4 and any(country.startswith(stem) for country in COUNTRIES)


def settled_kind(name: str, kind: str) -> str:
    """The type to store for a resolved speaker ``name`` that the mention typed ``kind``."""
    words = name.split()
    if not words:
        return kind
    if name.startswith("@"):
        return PERSON            # "@nycsouthpaw": an account, someone's
    if kind == UNKNOWN and re.fullmatch(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+and\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*",
                                        name):
        return GROUP             # "Obama and Clinton"
    if kind == UNKNOWN and len(words) > 1 and words[-1].lower() in ("survey", "poll", "census", "study", "index"):
        return ORGANIZATION      # "American Community Survey": who ran it
    if len(words) == 1 and kind in (PERSON, UNKNOWN):
        word = words[0]
        if BRAND_NAME.match(word) or _INITIALS.match(word):
            return ORGANIZATION
        if _a_people(word):
            return GROUP
        if word.lower() in REPORTING_NOUNS:
            return UNNAMED       # a headline's "Video" shows ...
    if kind == UNKNOWN and len(words) > 1 and all(w.isupper() for w in words if w[:1].isalpha()):
        return ORGANIZATION      # "USA TODAY"
    if words[0].lower() == "one" and len(words) == 2 and kind in (PERSON, UNKNOWN):
        return UNNAMED           # "One Republican"
    if kind == ORGANIZATION and words[-1].lower() in _BODY_PLURALS and words[0][:1].islower():
        return GROUP             # "several environmental groups"
    return kind
