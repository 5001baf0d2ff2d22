"""Descriptions that name a body rather than a person: ``the agency`` after
the Department of Veterans Affairs, ``the company`` after the business a
sentence was about, ``her campaign`` (the Clinton campaign), ``a Times
article`` (The New York Times), ``the new poll`` (its full name).
``coreference.SpeakerResolver`` tries these before the person rules in
``descriptions``."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from quotes.attribution.channels.phrases import is_media
from quotes.attribution.common.lexicon import COUNTRIES, TITLE_WORDS
from quotes.attribution.common.first_names import FIRST_NAMES
from quotes.records import ORGANIZATION, PERSON, UNKNOWN
from quotes.attribution.speakers.descriptions import DESCRIPTIVE_WORDS, POLL_NOUNS

if TYPE_CHECKING:
    from quotes.attribution.speakers.coreference import SpeakerResolver


# bodies named after the person they serve ("her campaign" -> "Clinton campaign")
PERSONAL_BODIES = frozenset("campaign administration".split())
_POLL_NAME = re.compile(r"((?:[A-Z](?:[\w&/'’-]|\.(?=\w))*(?:(?<=[A-Z])\.)?(?:[ \t]+|-|/)|(?<=[A-Za-z][ \t])(?:the|of|and|for)[ \t]+(?=[A-Z]))+?)(?:(?!(?:to|a|an|the|of|in|on|for|and|by|from|with|that|which|as|at)\b)[a-z-]+[ \t]+){0,3}?(?:poll|survey|(?:Poll|Survey)(?![ \t]+[A-Z]))\b")
# "The Washington Post conducted a 50-state poll": a poll named by who ran it, in a clause
_POLL_RUN_BY = re.compile(r"\b(?:[Tt]he\s+)?([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s+(?:conducted|commissioned|"
                          r"released|published|ran)\s+(?:a|an|its)\s+(?:new\s+)?(\d[\w-]*\s+)?(?:poll|survey)\b")
# "a just-released poll from Florida Atlantic University": a poll, then who ran it
_POLL_FROM = re.compile(r"\b(?:poll|survey)\s+(?:from|by|conducted\s+by|commissioned\s+by)\s+(?:the\s+)?"
                        r"([A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|and)){0,5}?)"
                        r"(?=\s+(?!(?:of|and)\s+[A-Z])[a-z]|[,.;]|$)")
_LEADING = frozenset("""the a an new latest recent previous this that last when if as while but and in on after
before since because although so according""".split())


# "a Times article", "a new Politico report", "a 2014 Labor Department study",
# "an archived version of the Eric Trump Foundation website from 2010": the
# outlet or body that wrote it (what it is of or about is no part of who)
_WRITTEN_BY = re.compile(r"^(?:(?i:an?|the|this|that)\s+)?(?:(?:new|recent|latest|archived\s+version\s+of\s+the|\d{4})\s+)*"
                         r"((?:(?!(?:The|An?|This|That)\s)[A-Z][\w.&'’-]*\s+)+)(?P<noun>article|report|editorial|story|column|analysis|"
                         r"investigation|piece|op-ed|feature|study|audit|website)s?"
                         r"(?:\s+(?:of|on|about|from|into|in)\s+[^,;:]*)?$")


def written_by(mention: str) -> Optional[str]:
    """The capitalised name before a document noun: ``a Times article`` -> ``Times``."""
    m = _WRITTEN_BY.match(mention.strip().rstrip(","))
    return m.group(1).strip() if m else None


def written_in(mention: Optional[str]) -> Optional[str]:
    """The document noun of such a mention: ``a Times article`` -> ``article``;
    ``A new ad from Donald Trump's campaign`` -> ``ad``."""
    m = _WRITTEN_BY.match((mention or "").strip().rstrip(",")) or _ISSUED_BY.match((mention or "").strip())
    return _DOCUMENT_MEDIA.get(m.group("noun").lower(), m.group("noun").lower()) if m else None


def issued_by(mention: str) -> Optional[str]:
    """Who issued the document a mention names: ``A new ad from Donald Trump's
    presidential campaign`` -> ``Donald Trump's presidential campaign``, ``a
    report by the State Department's inspector general`` -> ``the State
    Department's inspector general``."""
    m = _ISSUED_BY.match(mention.strip())
    return m.group("issuer").strip().rstrip(",") if m else None


# "A new ad from Donald Trump's presidential campaign", "a letter from the
# Sanders campaign": a document, then who issued it
_ISSUED_BY = re.compile(r"^(?i:an?|the|this|that)\s+(?:[\w-]+\s+){0,3}?(?P<noun>ad|advertisement|commercial|video|report|letter|"
                        r"memo|statement|email|e-mail|study|audit|release|press release|analysis|review|filing)\s+"
                        r"(?:from|by|issued by|released by)\s+(?P<issuer>(?:the\s+|an?\s+)?[\w.&'’ -]{2,60})$")
_DOCUMENT_MEDIA = {"advertisement": "ad", "commercial": "ad", "e-mail": "email", "study": "report", "audit": "report",
                   "analysis": "report", "review": "report", "filing": "court filing", "release": "press release"}


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
    # "the institute" after the Public Policy Institute of California
    **{noun: {noun} for noun in "institute foundation university college council coalition alliance society".split()},
    "center": {"center", "centre"},
}


def body_by_kind(resolver: "SpeakerResolver", description: str, position: int) -> Optional[str]:
    """The body ``the agency`` or ``the union`` means: the last one named
    before whose own name has a head of that kind ("The newspaper, long a vocal
    advocate of ...": what is set beside it says no more of which)."""
    words = description.lower().split(",")[0].split()
    if words and words[0] == "the" and " ".join(words[1:]) in OUTLET_DESCRIPTIONS:
        # "the website" after "PolitiFact rated ...", "the news service", "the
        # newspaper": the outlet named last
        found = [m for m in resolver.mentions if m.start < position and is_media(m.name)]
        return found[-1].name if found else None
    if 2 <= len(words) <= 4 and words[0] == "the" and words[-1] in GENERIC_BODY_NOUNS:
        # "the government watchdog group" after "Judicial Watch stated ...": the body speaking last
        ent = resolver._recent_body(position, (ORGANIZATION,))
        # (a poll is no organization: "A survey by the organization" after "The poll by the ... Institute")
        return ent.canonical if ent and not is_media(ent.canonical) \
            and ent.canonical.split()[-1].lower() not in POLL_NOUNS else None
    # ("the social media company": what kind of business it is says no more of which)
    if not 2 <= len(words) <= 4 or words[0] != "the" or words[-1] not in BODY_COVERS \
            or len(words) > 2 and words[-1] not in BUSINESS_NOUNS:
        return None
    kinds = BODY_COVERS[words[-1]]
    found = [m for m in resolver.mentions if m.kind == ORGANIZATION and m.start < position
             and (set(re.findall(r"[a-z]+", m.name.lower())) & kinds)]
    if found:
        return found[-1].name
    return business_subject(resolver, position) if words[-1] in BUSINESS_NOUNS else None


# what a story calls an outlet it has named
OUTLET_DESCRIPTIONS = frozenset(["website", "site", "news site", "news website", "news service", "wire service",
                                 "news agency", "newspaper", "paper", "magazine", "broadcaster", "news outlet",
                                 "outlet", "fact-checking website", "fact-checking site", "fact-checker"])
# heads that say a body is one without saying which kind
GENERIC_BODY_NOUNS = frozenset("group organization organisation nonprofit non-profit watchdog pac".split())
# how far on a story names the body it first introduced by a description
INTRODUCED_REACH = 800      # characters
_INTRODUCING = frozenset("a an one".split())
_NOT_SHARED = frozenset("a an one the of for and group organization organisation new major top".split())


def introduced_body(resolver: "SpeakerResolver", description: str, position: int) -> Optional[str]:
    """``A major climate group is demanding ...`` then ``NextGen Climate,
    founded by ...``; ``an anti-Donald Trump super PAC`` then ``Our
    Principles PAC``: a body a story first describes, then names a few lines
    on with a word of the description."""
    words = [w.strip(".,") for w in description.lower().split()]
    if len(words) < 2 or words[0] not in _INTRODUCING or words[-1] not in GENERIC_BODY_NOUNS | BUSINESS_NOUNS:
        return None
    # (the words of a person's name say whom the body is for or against: "anti-Donald Trump")
    tokens = re.findall(r"[a-z]+", " ".join(words[1:]))
    personal = {w for k, w in enumerate(tokens) if w in FIRST_NAMES or (k and tokens[k - 1] in FIRST_NAMES)}
    wanted = set(tokens) - _NOT_SHARED - personal
    for m in resolver.mentions:           # (in text order)
        if m.start < position + len(description) or m.kind not in (ORGANIZATION, PERSON, UNKNOWN) or not m.name[:1].isupper():
            continue
        if m.start > position + INTRODUCED_REACH:
            return None
        first = m.name.split()[0].lower()
        if wanted & set(re.findall(r"[a-z]+", m.name.lower())) and not is_media(m.name) \
                and first not in FIRST_NAMES and m.name.lower() not in COUNTRIES:
            # ("paid for by Our Principles PAC": the parse leaves a capitalised "Our" out of the name)
            before = re.search(r"(?<=[a-z,] )([A-Z][a-z]+) $", resolver.text[max(0, m.start - 40):m.start])
            opener = before.group(1) if before and before.group(1).lower() not in TITLE_WORDS else None
            return f"{opener} {m.name}" if opener else m.name
    return None
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
    named = _named_polls(text)
    before = [n for n in named if n[0] < position]
    if before:
        return before[-1][1]
    return named[0][1] if named else None


@lru_cache(maxsize=4)
def _named_polls(text: str) -> list[tuple[int, str]]:
    """Every poll the article names by who ran it, with its offset, in text
    order (scanned once per article, not once per "the poll")."""
    named = [(m.start(), _sponsor(m.group(0))) for m in _POLL_NAME.finditer(text)]
    named += [(m.start(), f"{m.group(1)} {m.group(2) or ''}poll") for m in _POLL_RUN_BY.finditer(text)]
    # (a name ends with its sentence: "by the Harvard University Institute of Politics. Twenty-four percent")
    named += [(m.start(), re.split(r"(?<=[a-z]{2})\.\s", m.group(1))[0] + " poll") for m in _POLL_FROM.finditer(text)]
    return sorted((at, name) for at, name in named if name)


# "New York Times", "National Journal", "State Department": a capitalised
# descriptive word that begins the sponsor's own name
_PLACE_AFTER_NEW = frozenset("york yorker hampshire jersey mexico orleans zealand england haven".split())
_NAME_OPENERS = frozenset("national state federal".split())


def _opens_a_name(tokens: list[str]) -> bool:
    first = tokens[0]
    following = tokens[1].lower().strip(".,") if len(tokens) > 1 else ""
    if first == "New":
        return following in _PLACE_AFTER_NEW
    return first[:1].isupper() and first.lower() in _NAME_OPENERS and len(tokens) > 1 and tokens[1][:1].isupper()


def _sponsor(phrase: str) -> Optional[str]:
    m = _POLL_NAME.search(phrase)
    if not m:
        return None
    keyword = m.group(0).split()[-1]
    # ("USA TODAY/Suffolk University Poll", "American Community Survey": a capital makes it part of the
    # name, as do "the", "of" inside it: "USA TODAY/Rock the Vote Poll")
    noun = keyword if keyword[:1].isupper() else "poll"
    tokens = re.split(r"\s+", m.group(1).strip())
    while tokens and tokens[0].lower() in _LEADING | DESCRIPTIVE_WORDS and not _opens_a_name(tokens):
        tokens = tokens[1:]
    sponsor = " ".join(tokens).strip(" -/")
    if re.search(r"['’]s?$", sponsor):
        return None         # "Clinton's Poll Numbers": whose standing, not who ran it
    return f"{sponsor} {noun}" if sponsor and not sponsor.lower() in POLL_NOUNS else None
