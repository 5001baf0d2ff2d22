"""The speakers stage: each candidate's source mention, resolved in article
order to one canonical speaker per person or body (``coreference.py``), then
read against the whole story (``story.py``) and given the article's roles."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.lines import line_start_before, short_line, title_case
from quotes.attribution.common.first_names import FIRST_NAMES
from quotes.attribution.common.lexicon import TIME_WORDS, TITLE_WORDS
from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.document.quote_marks import QuoteSpan, as_quotes
from quotes.attribution.speakers.coreference import SpeakerResolver
from quotes.attribution.speakers.roles.described import described_roles
from quotes.attribution.speakers.sources.referring import referring_words
from quotes.attribution.speakers.story import story_passes
from quotes.attribution.speakers.naming.names import PARTY_TAG, _head_noun, plural_people_noun, split_name_role
from quotes.attribution.speakers.roles.role_text import clean_role
from quotes.attribution.speakers.naming.table_names import MAX_DESCRIPTION_CHARS, short_description, tidy_name
from quotes.attribution.speakers.naming.mentions import _plural
from quotes.attribution.speakers.naming.kinds import settled_kind
from quotes.attribution.speakers.naming.speaking_heads import can_speak
from quotes.attribution.speakers.roles.offices import (ABBREVIATED_TITLES, PARTY_OF_PLACE, RACE_STANDINGS, best_role,
                                                       describes_person, informative, names_office, person_role,
                                                       role_head)
from quotes.intervals import covered_by
from quotes.records import COUNTRY, GROUP, ORGANIZATION, PERSON, UNKNOWN, UNNAMED


@dataclass
class Speaker:
    """Who a candidate's source is, as the records report it."""
    name: Optional[str] = None        # canonical
    mention: Optional[str] = None     # the words in the text
    start: Optional[int] = None
    end: Optional[int] = None
    role: Optional[str] = None
    kind: str = UNKNOWN
    resolved: bool = False            # named, or a pronoun resolved to a name


INTERVIEWER = "interviewer"


def resolve_speakers(parsed: ParsedText, text: str, cands: list[Candidate],
                     quotes: Optional[list[QuoteSpan]] = None) -> list[Speaker]:
    """One ``Speaker`` per candidate, in order; ``quotes`` keeps names said
    inside a quotation from being taken for a later "he" or "she"."""
    resolver = SpeakerResolver(parsed, as_quotes(quotes or []))
    resolver.spoken_of = covered_by(span for c in cands for span in c.content_spans)
    out: list[Speaker] = []
    for k, c in enumerate(cands):
        # (a person spoken of inside what another person said is not who a later
        # "he said" means: "Lewandowski said that the candidate was not ... 'That
        # will benefit ...,' he said" is Lewandowski)
        reporter = _reported_within(cands, out, k)
        seen = {id(e): e.last_seen for e in resolver.entities} if reporter else {}
        out.append(_resolve_one(resolver, parsed, text, c))
        for e in resolver.entities:
            if id(e) in seen and e.canonical != reporter:
                e.last_seen = seen[id(e)]
    return _article_roles(resolver, story_passes(text, out))


def _reported_within(cands: list[Candidate], speakers: list[Speaker], k: int) -> Optional[str]:
    """The person, among the few records just before candidate ``k``, whose
    reported words hold ``k``'s source."""
    if not cands[k].source_span:
        return None
    start = cands[k].source_span[0]
    for j in range(k - 1, max(-1, k - 6), -1):
        if speakers[j].kind == PERSON and speakers[j].name \
                and any(a <= start < b for a, b in cands[j].content_spans):
            return speakers[j].name
    return None


def _resolve_one(resolver: SpeakerResolver, parsed: ParsedText, text: str, c: Candidate) -> Speaker:
    """Who one candidate's source is."""
    if not c.source_span:
        return Speaker()
    start, end = c.source_span
    mention = text[start:end]
    if c.rule == "qa-question":
        # a Q&A's "Q:" is the interviewer, unnamed, one per article
        return Speaker(name=INTERVIEWER, mention=mention, start=start, end=end, kind=UNNAMED,
                       resolved=True)
    resolve_text = referring_words(parsed, text, c, mention)
    head_upos = parsed.words[c.source_words[0]].upos if c.source_words else ""
    pair = _conjoined_people(resolver, mention, start)
    if pair:
        return Speaker(name=pair[0], mention=mention, start=start, end=end, kind=GROUP, role=pair[1],
                       resolved=True)
    name, desc, role = resolver.resolve(resolve_text, start, head_upos)
    resolved = name != mention or not desc.pronoun
    if name and name.lower() in TIME_WORDS:
        # "Saturday", the noun before a relative "that": a date says when, never who
        return Speaker(mention=mention, start=start, end=end)
    kind = unnamed_kind(name, desc.kind) if resolved else desc.kind
    name = tidy_name(name) if resolved else name
    if resolved and name and (kind in (GROUP, UNNAMED) or name[:1].islower()
                              or len(name) > MAX_DESCRIPTION_CHARS or name.endswith(("'s", "’s"))):
        name = short_description(name)
        kind = unnamed_kind(name, kind)       # ("Republican activists clamoring to ...": typed by its head)
    if resolved and not name or resolved and c.rule != "transcript" and not _may_speak(
            name, kind, head_upos, resolver.full_names, line_start_before(text, start) is not None):
        # ("gray sky", "racial issues", a headline's "Talk": the source words stay, no speaker row)
        return Speaker(mention=mention, start=start, end=end)
    if resolved:
        kind = settled_kind(name, kind)
    return Speaker(name=name if resolved else None, mention=mention, start=start, end=end,
                   role=clean_role(role), kind=kind, resolved=resolved)





def _may_speak(name: str, kind: str, head_upos: str, surnames, opens_line: bool) -> bool:
    """A description is headed by someone or something that reports
    (``can_speak``); so is a lone capitalised word opening a headline or
    list line that the parser did not take for a name and the article gives
    nobody as a surname ("Talk", "Repeats"; a "Husted" inside a sentence
    stays, whatever its tag)."""
    if name[:1].islower() and not any(w[:1].isupper() for w in name.split()[1:]):
        return can_speak(name)      # ("coal-producer West Virginia" holds a name)
    if kind == UNKNOWN and opens_line and len(name.split()) == 1 and head_upos in ("VERB", "NOUN", "ADJ", "ADV",
                                                                                  "AUX") \
            and not name.isupper() and name.lower() not in FIRST_NAMES and name.lower() not in surnames:
        return can_speak(name)
    return True


_PERSON_NAME = re.compile(r"^(?:[A-Z][a-z]*\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")


# a title two people share, written before the first ("Senators Charles E. Grassley and
# Patrick J. Leahy"): the pair's role, and each one's in the singular
PLURAL_TITLES = {"senators": "senators", "sens": "senators", "reps": "representatives",
                 "representatives": "representatives", "governors": "governors", "presidents": "presidents",
                 "drs": "doctors"}
SINGULAR_TITLES = {"senators": "senator", "representatives": "representative", "governors": "governor",
                   "presidents": "president", "doctors": "doctor"}


def _conjoined_people(resolver: SpeakerResolver, mention: str, start: int) -> Optional[tuple[str, Optional[str]]]:
    """``Mr. Grassley and Mr. Leahy``, ``President Obama and Hillary Clinton``:
    two people named together speak as a pair, each under their full name."""
    # ("Carson, Fiorina and Huckabee": three, named in a list; "Jon Tester (D-Mont.) and
    # David Vitter (R-La.)": the party tags go)
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", PARTY_TAG.sub("", mention).strip().rstrip(","))
    # ("Former Maryland Gov. Martin O'Malley and former Arkansas Gov. Mike Huckabee":
    # each may come with a role)
    if not 2 <= len(parts) <= 5 or not all(_PERSON_NAME.match(split_name_role(p)[0]) for p in parts):
        return None
    line = short_line(resolver.text, start)
    headline = line is not None and title_case(line.split())
    # ("Obama, Biden to campaign ...": a headline pairs two surnames with a comma)
    if " and " not in mention and not (line is not None and len(parts) == 2 and all(
            len(p.split()) == 1 and resolver.is_surname(p) for p in parts)):
        return None
    # "Senators Charles E. Grassley and Patrick J. Leahy": the title is both men's
    first = parts[0].split()
    title = None
    if len(first) > 1 and first[0].lower().rstrip(".") in PLURAL_TITLES:
        title, parts[0] = PLURAL_TITLES[first[0].lower().rstrip(".")], " ".join(first[1:])
    for part in parts:
        # "Derelict Obama and Clinton" in a title-case headline: a word that is
        # no title and no first name makes the pair doubtful
        words = part.split()
        head = words[0].lower().rstrip(".")
        if headline and len(words) == 2 and head not in TITLE_WORDS | set(ABBREVIATED_TITLES) | FIRST_NAMES:
            return None
    names = []
    offset = start
    for part in parts:
        name, desc, _ = resolver.resolve(part, offset)
        if desc.kind != PERSON and not (desc.kind == UNKNOWN and len(name.split()) >= 2):
            return None
        names.append(_plain_full_name(tidy_name(name) or "", part))
        offset += len(part) + 5
    if not all(names) or len(set(names)) != len(names):
        return None
    joined = " and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + " and " + names[-1]
    return joined, title


def _plain_full_name(name: str, part: str) -> str:
    """The full name without words run in before it ("Senators Charles E.
    Grassley", "Derelict Obama" from a title-case headline): those that are no
    first name or initial go; a name then left doubtful is the words said here."""
    words = name.split()
    while len(words) > 2 and words[0].lower() not in FIRST_NAMES and not re.fullmatch(r"[A-Z]\.", words[0]):
        words = words[1:]
    if len(words) == 2 and words[0].lower() not in FIRST_NAMES:
        words = [w for w in part.split() if w.lower().rstrip(".") not in TITLE_WORDS | set(ABBREVIATED_TITLES)]
    return " ".join(words)


def _article_roles(resolver: SpeakerResolver, speakers: list[Speaker]) -> list[Speaker]:
    """Each person's records show the role the article gave them: the one said
    at that mention when it names an office, else the fullest the article
    gives ("Republican presidential nominee Donald Trump" above, "Trump said"
    here); bodies and countries have no role."""
    said: dict[str, list[str]] = {}
    for s in speakers:
        # (a lone noun that is no person's is no role: "At the moment Chris Christie
        # learned" gives him no role "moment")
        lone = person_role(s.role)
        if s.name and s.role and not (lone and len(lone.split()) == 1 and not describes_person(lone)):
            said.setdefault(s.name, []).append(s.role)
    best: dict[str, Optional[str]] = {}
    described = described_roles(resolver, resolver.parsed)     # "The Republican presidential nominee noted ..."
    for s in speakers:
        if s.kind in (ORGANIZATION, COUNTRY):
            s.role = None
            continue
        here = person_role(s.role)
        if s.kind == PERSON and here and here.split()[-1].lower() in SINGULAR_TITLES \
                and role_head(here) == here.split()[-1].lower():
            # "Sens. Jon Tester (D-Mont.) and David Vitter": Tester is a senator
            here = " ".join(here.split()[:-1] + [SINGULAR_TITLES[here.split()[-1].lower()]])
        # (a party label said here may stand; a loose phrase, "Ted Cruz endorses", may not)
        plausible = here if describes_person(here) or not informative(here) else None
        if not s.name or s.kind != PERSON:
            s.role = plausible
            continue
        if s.name not in best:
            roles = [person_role(r) for r in resolver.roles_of(s.name) + said.get(s.name, [])
                     + described.get(s.name, [])]
            best[s.name] = best_role(roles)
        # (a standing said in place of the name, "the Republican incumbent", gives
        # way to the office the article gave her, "first-term senator")
        described_here = bool(s.mention) and s.mention.split()[0].lower() in ("the", "this", "that")
        keep_here = describes_person(here) and not (described_here and role_head(here) in RACE_STANDINGS
                                                    and names_office(best[s.name]))
        s.role = plausible if keep_here else best[s.name] or plausible
        place = PARTY_OF_PLACE.match(here or "")
        if place and best[s.name] and best[s.name].endswith(" from " + place.group(2).strip()):
            s.role = best[s.name]     # "Republican of South Carolina" here, a senator by title
    for s in speakers:
        if s.role and s.role.lower() in NO_ROLE:
            s.role = None       # ("Woman Reveals ...", "a woman named Betsy Sharp": what anyone is, no role)
    return speakers


# what anyone is: a description a story may name someone by, but no role to show
NO_ROLE = frozenset("man woman person people guy girl boy lady gentleman individual someone".split())


def unnamed_kind(name: Optional[str], kind: str) -> str:
    """``critics``, ``Trump aides``: a group; ``a senior official``: one unnamed
    person; a named speaker keeps its kind."""
    if not name or kind in (ORGANIZATION, COUNTRY):
        return kind
    words = name.split()
    if re.match(r"^(?:[\w.-]+\s+){0,2}(?:percent|per cent|%)(?:\s|$)", name.lower()):
        return GROUP         # "Twelve percent of respondents": a share of people
    if words[0][:1].islower() or (len(words) > 1 and words[-1][:1].islower()
                                  and (kind != PERSON or plural_people_noun(words[-1].lower()))):
        # typed by the head of the description: "leaders of Armenia and Azerbaijan, ..." are a group
        head = _head_noun(name.split(",")[0].lower())
        return GROUP if _plural(head) else UNNAMED
    return kind
