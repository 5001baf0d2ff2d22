"""Who a description means, as a reader takes it.

- ``the senator`` after ``Sen. Lindsey Graham``, ``the Vermont senator``
  after ``Sen. Bernie Sanders``: the person whose role has that head noun,
  the most recent one, else the one person of the article with it
  (``Retired General`` in a headline is the ``retired U.S. Air Force
  general Norman Ham`` of the story);
- ``Obama's former campaign strategist`` right after ``David Axelrod``:
  that person, described by whom they work for;
- ``the South Carolina Republican``, ``the Republican nominee``: the person
  just named, when no party the article gives them says otherwise.

Descriptions of bodies (``her campaign``, ``the agency``, ``the poll``) are
in ``body_descriptions``.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Optional

from quotes.attribution.common.lexicon import PERSON_NOUNS, TITLE_WORDS
from quotes.attribution.speakers.naming.mentions import DEFINITE_REACH, _plural
from quotes.attribution.speakers.roles.offices import expand_titles, offices_conflict, person_noun, role_head, roles_conflict
from quotes.records import PERSON

if TYPE_CHECKING:
    from quotes.attribution.speakers.coreference import SpeakerResolver

# words a headline capitalises in a description ("Retired General", "Former DNC Chairman")
DESCRIPTIVE_WORDS = frozenset("""former retired new top popular senior longtime veteran ex prominent leading
local latest recent national state federal""".split())
POLL_NOUNS = frozenset("poll survey".split())
# a description's head, and the offices it covers ("the lawmaker" after "Rep. Adam Schiff")
COVERS = {"lawmaker": {"senator", "representative", "congressman", "congresswoman", "legislator", "delegate",
                       "assemblyman", "assemblywoman"},
          "legislator": {"senator", "representative", "congressman", "congresswoman", "delegate"},
          "congressman": {"representative"}, "congresswoman": {"representative"},
          "doctor": {"physician", "surgeon"}, "physician": {"doctor"},
          "officer": {"general", "colonel", "captain", "lieutenant", "major", "sergeant"}}
# "the Democratic nominee" is not the Republican one
PARTY_WORDS = frozenset("democratic democrat republican gop independent".split())
def titlecase_description(name: str) -> bool:
    """``Retired General``, ``Lawmaker``, ``Popular Website``, ``New Poll``:
    headline words for what someone is, not a name."""
    tokens = name.split()
    if not tokens or len(tokens) > 5:
        return False
    head = tokens[-1].lower().strip(".,:")
    if not (head in PERSON_NOUNS or head in POLL_NOUNS or head == "website"):
        return False
    return all(t.lower().strip(".,:") in PERSON_NOUNS | TITLE_WORDS | DESCRIPTIVE_WORDS | POLL_NOUNS | {"website"}
               or (t.isupper() and 2 <= len(t) <= 5) for t in tokens)


def _roles_with(resolver: "SpeakerResolver", head: str) -> list[tuple[int, str, str]]:
    """(position, full name, role) of each person the article gives a role with ``head``
    (or an office it covers)."""
    heads = {head} | COVERS.get(head, set())
    out = []
    for m in resolver.mentions:
        role = expand_titles(f"{m.title or ''} {m.role or ''}").lower().replace(",", " ")
        # (a lone word is a person only as the surname of a full name: "Retired General Reveals")
        if m.kind == PERSON and heads & set(role.split()) and (len(m.name.split()) > 1
                                                         or resolver.is_surname(m.name)):
            out.append((m.start, resolver.full_name(m.name), role))
    for ent in resolver.entities:
        role = expand_titles(ent.role or "").lower()
        if ent.kind == PERSON and heads & set(role.split()):
            out.append((ent.last_seen, ent.canonical, role))
    return out


def person_by_role(resolver: "SpeakerResolver", description: str, position: int,
                   headline: bool = False) -> Optional[str]:
    """The person ``the senator`` means: the last named before with a role of
    that head noun, else the only person of the article who has one; a
    headline's ``Lawmaker`` is the first the story names."""
    head = role_head(expand_titles(description))
    if not person_noun(head) or _plural(description) or head in PARTY_WORDS:
        return None       # ("the Florida Republican" is whoever was just named, not any Republican strategist)
    parties = set(description.lower().split()) & PARTY_WORDS
    with_head = _roles_with(resolver, head)
    # "the Democratic nominee" is not a Republican nominee, nor anyone the
    # article calls a Republican elsewhere
    other_party = {name for _, name, role in with_head
                   if parties and _parties(role) and not party_set(parties) & _parties(role)}
    found = [(at, name) for at, name, role in with_head
             if name not in other_party and _ranks(description) == _ranks(role)]
    before = [f for f in found if f[0] < position]
    if before:
        return max(before)[1]
    people = {name for _, name in found}
    if headline and found:
        return min(found)[1]
    return people.pop() if len(people) == 1 else None


# words that make an office another one: a vice-presidential nominee is not
# the presidential nominee, a deputy director not the director
_RANK_WORDS = frozenset("vice deputy assistant associate lieutenant under acting".split())


def _ranks(role: str) -> set[str]:
    return set(re.split(r"[\s-]+", role.lower())) & _RANK_WORDS


def modified_office(description: str) -> bool:
    """``Vermont senator``, ``Democratic nominee``: an office pinned down by a
    place or party, so the person just named, not anyone holding that office."""
    tokens = description.split()
    if party_member(description):
        return True         # "the South Carolina Republican": a party member of a place, the one just named
    return len(tokens) >= 2 and person_noun(role_head(expand_titles(description))) and \
        tokens[-1][:1].islower() and any(t[:1].isupper() for t in tokens[:-1])


def person_in_sentence(resolver: "SpeakerResolver", position: int) -> Optional[str]:
    """The last person named as a subject earlier in the sentence ("whether Sanders
    senses anger at Clinton, the Vermont senator said"); one a sentence before,
    "Donald Trump spoke. The Indiana governor said", is more likely someone else."""
    text = resolver.text
    start = max(text.rfind(end, 0, position) for end in (". ", "? ", "! ", "\n"))
    named = [m for m in resolver.mentions if m.kind == PERSON and m.is_subject and start < m.start < position]
    return resolver.full_name(named[-1].name) if named else None


POSSESSOR = re.compile(r"^([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+(.+)$")


def possessive_description(resolver: "SpeakerResolver", description: str, position: int) -> Optional[str]:
    """``Obama's former campaign strategist said`` a sentence after ``David
    Axelrod ... called on``: the person just named, when they are not the
    possessor and no role the article gave them is another office."""

    m = POSSESSOR.match(description)
    head = role_head(expand_titles(m.group(2))) if m else ""
    if not m or _plural(head) or not person_noun(head):
        return None
    name = resolver._recent_person(position, reach=DEFINITE_REACH)
    possessor = set(m.group(1).lower().split())
    if not name or possessor & set(name.lower().split()):
        return None
    if any(roles_conflict(m.group(2), r) for r in resolver.roles_of(name)):
        return None
    # the description introduces someone just named ("David Axelrod" in the
    # headline and lede); a person the story has kept naming is its subject,
    # and "Cameron's spokesman" after Trump has spoken four times is someone else
    surname = name.split()[-1]
    if sum(1 for mention in resolver.mentions
           if mention.start < position and mention.name.split()[-1:] == [surname]) > 2:
        return None
    return name


def party_set(words, vocabulary=PARTY_WORDS) -> set[str]:
    """The parties among ``words`` (lower case) that ``vocabulary`` knows,
    "GOP" as "republican" and "Democrat" as "democratic"."""
    return {"republican" if w == "gop" else "democratic" if w == "democrat" else w
            for w in words if w in vocabulary}


def _parties(role: str) -> set[str]:
    return party_set(role.lower().split())


def party_member(description: str) -> bool:
    """"Republican", "South Carolina Republican": a party member, of a place."""
    tokens = description.split()
    return bool(tokens) and tokens[-1] in ("Republican", "Democrat") and all(t[:1].isupper() for t in tokens)


def party_member_person(resolver: "SpeakerResolver", description: str, position: int) -> Optional[str]:
    """``Mr. Rubio declined ... the Florida Republican would only say``: the
    person just named, when nothing the article says of them names another party."""
    if not party_member(description):
        return None
    name = resolver._recent_person(position, reach=DEFINITE_REACH)
    if not name:
        return None
    name = resolver.full_name(name)
    parties = _parties(description)
    if any(_parties(r) and not parties & _parties(r) for r in resolver.roles_of(name) if r):
        return None
    return name


def party_office_person(resolver: "SpeakerResolver", description: str, position: int) -> Optional[str]:
    """``Donald Trump isn't saying much ... The Republican presidential nominee
    has repeatedly wondered``: an office pinned by a party is the person just
    named, a sentence or two back, when nothing the article says of them
    names another office or party."""

    parties = _parties(description)
    if not parties:
        return None
    name = resolver._recent_person(position, reach=DEFINITE_REACH)
    if not name:
        return None
    name = resolver.full_name(name)
    roles = [r for r in resolver.roles_of(name) if r]
    if any(offices_conflict(description, r) or (_parties(r) and not parties & _parties(r)) for r in roles):
        return None
    # an office is used in place of the name of whom the story is about: the
    # person named most so far (not "Ivanka Trump" just before "the GOP candidate")
    counts = Counter(resolver.full_name(m.name) for m in resolver.mentions
                     if m.kind == PERSON and m.start < position)
    if not counts or counts[name] * 2 < max(counts.values()):
        return None        # (one of the two the story is about: "The Latest" runs two campaigns)
    return name
