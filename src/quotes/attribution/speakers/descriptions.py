"""Who a description means, as a reader takes it.

- ``the senator`` after ``Sen. Lindsey Graham``, ``the Vermont senator``
  after ``Sen. Bernie Sanders``: the person whose role has that head noun,
  the most recent one, else the one person of the article with it
  (``Retired General`` in a headline is the ``retired U.S. Air Force
  general Norman Ham`` of the story);
- ``Obama's former campaign strategist`` right after ``David Axelrod``:
  that person, described by whom they work for;
- ``her campaign``, ``his administration``: the campaign of the person the
  pronoun means (``Clinton campaign``);
- ``The latest Reuters/Ipsos opinion poll`` is the ``Reuters/Ipsos poll``;
  ``the poll`` the poll the article named last.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import TYPE_CHECKING, Optional

from quotes.attribution.channels.phrases import is_media
from quotes.attribution.common.lexicon import COUNTRIES, PERSON_NOUNS, TITLE_WORDS
from quotes.attribution.speakers.naming.mentions import DEFINITE_REACH, _plural
from quotes.attribution.speakers.naming.roles import expand_titles, offices_conflict, person_noun, role_head, roles_conflict
from quotes.records import ORGANIZATION, PERSON

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
# bodies named after the person they serve ("her campaign" -> "Clinton campaign")
PERSONAL_BODIES = frozenset("campaign administration".split())
_POLL_NAME = re.compile(r"((?:[A-Z](?:[\w&/'’-]|\.(?=\w))*(?:(?<=[A-Z])\.)?(?:[ \t]+|-|/))+?)(?:(?:[a-z-]+)[ \t]+){0,3}?(?:poll|survey)\b")
_LEADING = frozenset("""the a an new latest recent previous this that last when if as while but and in on after
before since because although so""".split())


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


# "a Times article", "a new Politico report": the outlet or body that wrote it
_WRITTEN_BY = re.compile(r"^(?:(?:an?|the|this|that)\s+)?(?:(?:new|recent|latest|\d{4})\s+)?"
                         r"((?:[A-Z][\w.&'’-]*\s+)+)(article|report|editorial|story|column|analysis|"
                         r"investigation|piece|op-ed|feature)s?$")


def written_by(mention: str) -> Optional[str]:
    """The capitalised name before a document noun: ``a Times article`` -> ``Times``."""
    m = _WRITTEN_BY.match(mention.strip().rstrip(","))
    return m.group(1).strip() if m else None


def written_in(mention: Optional[str]) -> Optional[str]:
    """The document noun of such a mention: ``a Times article`` -> ``article``."""
    m = _WRITTEN_BY.match((mention or "").strip().rstrip(","))
    return m.group(2) if m else None


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


# "the agency" after the Department of Veterans Affairs: the kinds of body a
# description's head covers
BODY_COVERS = {
    "agency": {"department", "administration", "agency", "bureau", "service", "commission", "authority", "office"},
    "department": {"department"},
    "union": {"union", "association", "federation", "guild"},
    "company": {"company", "corporation", "corp", "inc", "group", "bank", "firm"},
    "firm": {"firm", "company", "partners", "group"},
    **{noun: {noun} for noun in "carrier airline retailer lender insurer automaker carmaker startup".split()},
    "bank": {"bank"},
    "committee": {"committee", "panel", "subcommittee"},
    "panel": {"committee", "panel", "subcommittee"},
    "court": {"court"},
    # "The regulator said" after "The Information Commissioner's Office has fined ..."
    **{noun: {"office", "commission", "authority", "agency", "administration", "board", "regulator", "watchdog"}
       for noun in ("regulator", "watchdog")},
    "newspaper": {"times", "post", "journal", "tribune", "herald", "gazette"},
}


def body_by_kind(resolver: "SpeakerResolver", description: str, position: int) -> Optional[str]:
    """The body ``the agency`` or ``the union`` means: the last one named
    before whose own name has a head of that kind."""
    words = description.lower().split()
    if len(words) == 2 and words[0] == "the" and words[1] in ("website", "site"):
        # "the website" after "PolitiFact rated ...": the web outlet named last
        found = [m for m in resolver.mentions if m.start < position and is_media(m.name)]
        return found[-1].name if found else None
    if 2 <= len(words) <= 4 and words[0] == "the" and words[-1] in GENERIC_BODY_NOUNS:
        # "the government watchdog group" after "Judicial Watch stated ...": the body speaking last
        ent = resolver._recent_body(position, (ORGANIZATION,))
        return ent.canonical if ent and not is_media(ent.canonical) else None
    if len(words) != 2 or words[0] != "the" or words[1] not in BODY_COVERS:
        return None
    kinds = BODY_COVERS[words[1]]
    found = [m for m in resolver.mentions if m.kind == ORGANIZATION and m.start < position
             and (set(re.findall(r"[a-z]+", m.name.lower())) & kinds)]
    if found:
        return found[-1].name
    return business_subject(resolver, position) if words[1] in BUSINESS_NOUNS else None


# heads that say a body is one without saying which kind
GENERIC_BODY_NOUNS = frozenset("group organization organisation nonprofit non-profit watchdog".split())
# "the company" after "Aerostral lowered its target": a business is rarely
# named with its kind, so the body meant is the one a sentence before was about
BUSINESS_NOUNS = frozenset("company firm carrier airline retailer lender insurer automaker carmaker startup".split())
BUSINESS_REACH = 1500       # characters back


def business_subject(resolver: "SpeakerResolver", position: int) -> Optional[str]:
    """The proper name last seen as a clause's subject within
    ``BUSINESS_REACH`` characters, when it is not a person's or a country's."""
    words = resolver.parsed.words
    people = resolver.person_words
    for at in range(bisect_left(words, position, key=lambda word: word.start) - 1, -1, -1):
        w = words[at]          # (walked back by index: a slice per description copied the article)
        if w.upos != "PROPN" or not w.deprel.startswith("nsubj"):
            continue
        if w.start < position - BUSINESS_REACH:
            return None
        first = w.index
        # ("Western Rail": the tagger reads a capitalised first word as an adjective)
        while first > 0 and words[first - 1].sent == w.sent and (words[first - 1].upos == "PROPN" or (
                words[first - 1].upos in ("ADJ", "NOUN") and words[first - 1].text[:1].isupper())):
            first -= 1
        name = resolver.text[words[first].start:w.end]
        low = {t.lower().strip(".") for t in name.split()}
        if not (set(name.split()) & people or low & TITLE_WORDS or name.lower() in COUNTRIES):
            return name
    return None


def personal_body(resolver: "SpeakerResolver", mention: str, position: int) -> Optional[str]:
    """``her campaign`` -> ``Clinton campaign``."""
    words = mention.lower().split()
    if len(words) != 2 or words[0] not in ("his", "her") or words[1] not in PERSONAL_BODIES:
        return None
    gender = "m" if words[0] == "his" else "f"
    person = resolver._recent_person(position, gender=gender)
    if person and not person.split()[-1][:1].isupper():
        # the last one was unnamed ("the doctor"): her campaign is the last woman named's
        named = [m.name for m in resolver.mentions if m.kind == PERSON and m.start < position
                 and (m.gender or resolver._gender(m.name)) == gender]
        person = resolver.full_name(named[-1]) if named else None
    return f"{person.split()[-1]} {words[1]}" if person else None


def poll_name(text: str, mention: str, position: int) -> Optional[str]:
    """A poll by who ran it: ``The latest Reuters/Ipsos opinion poll`` ->
    ``Reuters/Ipsos poll``; a bare ``the poll`` is the one named last before
    it, else the first the article names."""
    words = [w.strip(".,:;") for w in mention.lower().split()]     # "national poll, conducted ..."
    if not any(w in POLL_NOUNS for w in words):
        return None
    studied = re.search(r"\b([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)\s+survey\s+of\s+[a-z]", mention)
    if studied and "/" not in studied.group(1):
        return studied.group(1)       # "a recent Reuters survey of voter lists": Reuters' own study
    own = _sponsor(mention)
    if own:
        return own
    named = [(m.start(), _sponsor(m.group(0))) for m in _POLL_NAME.finditer(text)]
    named = [(at, name) for at, name in named if name]
    before = [n for n in named if n[0] < position]
    if before:
        return before[-1][1]
    return named[0][1] if named else None


def _sponsor(phrase: str) -> Optional[str]:
    m = _POLL_NAME.search(phrase)
    if not m:
        return None
    tokens = re.split(r"\s+", m.group(1).strip())
    while tokens and tokens[0].lower() in _LEADING | DESCRIPTIVE_WORDS:
        tokens = tokens[1:]
    sponsor = " ".join(tokens).strip(" -/")
    return f"{sponsor} poll" if sponsor and not sponsor.lower() in POLL_NOUNS else None
