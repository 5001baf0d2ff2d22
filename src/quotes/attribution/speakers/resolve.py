"""The speakers stage: each candidate's source mention, resolved in article
order to one canonical speaker per person or body (``coreference.py``)."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import islice
from typing import Optional

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.first_names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from quotes.attribution.common.lexicon import ORG_NOUNS, TIME_WORDS, TITLE_WORDS
from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.document.quote_marks import QuoteSpan, as_quotes
from quotes.attribution.speakers.coreference import SpeakerResolver
from quotes.attribution.speakers.descriptions import PARTY_WORDS
from quotes.attribution.speakers.names import _head_noun, clean_role
from quotes.attribution.speakers.table_names import JOINED_CLAUSE, MAX_DESCRIPTION_CHARS, short_description, tidy_name
from quotes.attribution.speakers.mentions import _plural
from quotes.attribution.speakers.roles import ABBREVIATED_TITLES, best_role, describes_person, person_role
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


def resolve_speakers(parsed: ParsedText, text: str, cands: list[Candidate],
                     quotes: Optional[list[QuoteSpan]] = None) -> list[Speaker]:
    """One ``Speaker`` per candidate, in order; ``quotes`` keeps names said
    inside a quotation from being taken for a later "he" or "she"."""
    resolver = SpeakerResolver(parsed, as_quotes(quotes or []))
    out = []
    for c in cands:
        if not c.source_span:
            out.append(Speaker())
            continue
        start, end = c.source_span
        mention = text[start:end]
        # ("Trump and has aides": the clause run on is not part of who)
        resolve_text = _antecedent_text(parsed, c) or JOINED_CLAUSE.sub("", mention) or mention
        head_upos = parsed.words[c.source_words[0]].upos if c.source_words else ""
        pair = _conjoined_people(resolver, mention, start)
        if pair:
            out.append(Speaker(name=pair, mention=mention, start=start, end=end, kind=GROUP, resolved=True))
            continue
        name, desc, role = resolver.resolve(resolve_text, start, head_upos)
        resolved = name != mention or not desc.pronoun
        if name and name.lower() in TIME_WORDS:
            # "Saturday", the noun before a relative "that": a date says when, never who
            out.append(Speaker(mention=mention, start=start, end=end))
            continue
        kind = unnamed_kind(name, desc.kind) if resolved else desc.kind
        name = tidy_name(name) if resolved else name
        if resolved and name and (kind in (GROUP, UNNAMED) or name[:1].islower()
                                  or len(name) > MAX_DESCRIPTION_CHARS or name.endswith(("'s", "’s"))):
            name = short_description(name)
        if resolved and not name:
            out.append(Speaker(mention=mention, start=start, end=end))
            continue
        out.append(Speaker(name=name if resolved else None, mention=mention, start=start, end=end,
                           role=clean_role(role), kind=kind, resolved=resolved))
    return _article_roles(resolver, _court_rulings(_lede_descriptions(text, _lede_bodies(text, _headline_names(text, out)))))


FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
_PERSON_NAME = re.compile(r"^(?:[A-Z][a-z]*\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")


def _conjoined_people(resolver: SpeakerResolver, mention: str, start: int) -> Optional[str]:
    """``Mr. Grassley and Mr. Leahy``, ``President Obama and Hillary Clinton``:
    two people named together speak as a pair, each under their full name."""
    parts = re.split(r"\s+and\s+", mention.strip().rstrip(","))
    if len(parts) != 2 or not all(_PERSON_NAME.match(p) for p in parts):
        return None
    # "Senators Charles E. Grassley and Patrick J. Leahy": the title is both men's
    first = parts[0].split()
    if len(first) > 1 and first[0].lower().rstrip(".") in ("senators", "sens", "reps", "representatives",
                                                          "governors", "presidents", "drs"):
        parts[0] = " ".join(first[1:])
    line_start = resolver.text.rfind("\n", 0, start) + 1
    line_end = resolver.text.find("\n", start)
    line = resolver.text[line_start:line_end if line_end >= 0 else len(resolver.text)].split()
    title_case = sum(w[:1].isupper() for w in line if len(w) > 3) >= 0.8 * max(1, sum(len(w) > 3 for w in line))
    for part in parts:
        # "Derelict Obama and Clinton" in a title-case headline: a word that is
        # no title and no first name makes the pair doubtful
        words = part.split()
        head = words[0].lower().rstrip(".")
        if title_case and len(words) == 2 and head not in TITLE_WORDS | set(ABBREVIATED_TITLES) | FIRST_NAMES:
            return None
    names = []
    offset = start
    for part in parts:
        name, desc, _ = resolver.resolve(part, offset)
        if desc.kind != PERSON and not (desc.kind == UNKNOWN and len(name.split()) >= 2):
            return None
        names.append(_plain_full_name(tidy_name(name) or "", part))
        offset += len(part) + 5
    return " and ".join(names) if all(names) and names[0] != names[1] else None


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


def lede_end(text: str) -> int:
    """Where the headline and the first paragraph under it end."""
    lines = list(islice((m for m in re.finditer(r"[^\n]+", text) if m.group().strip()), 2))
    return lines[-1].end() if lines else 0


def _headline_names(text: str, speakers: list[Speaker]) -> list[Speaker]:
    """A title-case headline runs its words into names ("Gold Star Mom
    Corners Obama", "Debunks Claim Trump"): a headline name the story never
    repeats, holding the surname of someone the story names in full, is them."""
    first_line = text.find("\n")
    if first_line <= 0:
        return speakers
    body = text[first_line:]
    people = {s.name.split()[-1]: s.name for s in speakers if s.kind == PERSON and s.resolved and s.name
              and len(s.name.split()) >= 2 and s.start is not None and s.start > first_line}
    for s in speakers:
        if s.start is None or s.start >= first_line or not s.name or len(s.name.split()) < 2 \
                or s.name in body or s.name in people.values() \
                or any(w.lower() in ORG_NOUNS for w in s.name.split()):
            continue          # ("Clinton Campaign" is her campaign)
        held = [people[w] for w in s.name.split() if w in people]
        if len(set(held)) == 1:
            s.name, s.kind, s.resolved = held[0], PERSON, True
    return speakers


_RULING = re.compile(r"^(?:the|that|this|its|his|her)\s+(?:[\w-]+\s+){0,2}?(ruling|decision|opinion|order|verdict|judgment)\W*$",
                     re.I)


def _court_rulings(speakers: list[Speaker]) -> list[Speaker]:
    """``said the ruling``: the court or judge that ruled, the last one named before."""
    for k, s in enumerate(speakers):
        if not _RULING.match(s.mention or "") or (s.name and s.name.lower() not in (s.mention or "").lower()):
            continue          # (a ruling the resolver already gave to someone named stays theirs)
        court = next((b for b in reversed(speakers[:k]) if b.name and b.resolved and (
            (b.kind == ORGANIZATION and "court" in b.name.lower())
            or (b.kind == PERSON and re.search(r"\b(?:judge|justice)\b", f"{b.role or ''} {b.mention or ''}", re.I)))),
            None)
        if court:
            s.name, s.kind, s.role, s.resolved = court.name, court.kind, court.role, True
    return speakers


def _lede_bodies(text: str, speakers: list[Speaker]) -> list[Speaker]:
    """``Flight attendants' union endorses Clinton`` above ``the Association of
    Flight Attendants called ...``, ``House panel votes`` above ``the House
    Oversight and Government Reform Committee``: a headline or lede body
    described by its kind is the first body of that kind the story names."""
    from quotes.attribution.speakers.descriptions import BODY_COVERS

    stop = lede_end(text)
    named = [s for s in speakers if s.kind == ORGANIZATION and s.resolved and s.name and s.start is not None
             and s.start >= stop and len(s.name.split()) >= 2]
    for s in speakers:
        if s.start is None or s.start >= stop or not s.name or s in named:
            continue
        head = re.sub(r"['’]s?$", "", s.name.split()[-1].lower())
        covers = BODY_COVERS.get(head)
        if not covers:
            continue
        body = next((b for b in named if set(re.findall(r"[a-z]+", b.name.lower())) & covers), None)
        if body and s.name.lower() != body.name.lower():
            s.name, s.kind = body.name, ORGANIZATION
    return speakers


def _lede_descriptions(text: str, speakers: list[Speaker]) -> list[Speaker]:
    """A story that opens on what someone is ("Former DNC chairman calls for
    ...", "A former Democratic National Committee chairman says ...") and names
    them after: the headline's and first paragraph's unnamed person is the
    first person the story then quotes by name, the description their role.
    So is a paragraph that opens on one ("Connecticut's tax commissioner says
    ...") when the next paragraph opens on a named person ("Kevin Sullivan says")."""
    named = sorted((s for s in speakers if s.kind == PERSON and s.resolved and s.name and len(s.name.split()) >= 2
                    and s.start is not None and not s.name.split()[-1].islower()), key=lambda s: s.start)
    if not named:
        return speakers
    starts = [t.start for t in named]
    lede_stop = min(named[0].start, lede_end(text))
    for s in speakers:
        # ("Connecticut's tax commissioner" is typed a person, but names nobody)
        described = s.kind == UNNAMED or (s.kind == PERSON and s.name and s.name.split()[-1].islower())
        if not (described and s.name and s.start is not None and not _plural(s.name)
                and describes_person(person_role(s.name))):
            continue
        k = bisect_right(starts, s.start)
        after = named[k] if k < len(named) else None
        if s.start < lede_stop:
            named_as = named[0]
        elif after and _opens_paragraph(text, s.start) and _opens_paragraph(text, after.start) \
                and text.count("\n\n", s.start, after.start) == 1:
            named_as = after
        else:
            continue
        parties = set(s.name.lower().split()) & PARTY_WORDS
        if parties and not parties & set((named_as.role or "").lower().split()):
            continue      # "The GOP nominee" is not the Democrat the story names first
        s.role = s.role or s.name
        s.name, s.kind = named_as.name, PERSON
    return speakers


def _opens_paragraph(text: str, offset: int) -> bool:
    return not text[text.rfind("\n", 0, offset) + 1:offset].strip()


def _article_roles(resolver: SpeakerResolver, speakers: list[Speaker]) -> list[Speaker]:
    """Each person's records show the role the article gave them: the one said
    at that mention when it names an office, else the fullest the article
    gives ("Republican presidential nominee Donald Trump" above, "Trump said"
    here); bodies and countries have no role."""
    said: dict[str, list[str]] = {}
    for s in speakers:
        if s.name and s.role:
            said.setdefault(s.name, []).append(s.role)
    best: dict[str, Optional[str]] = {}
    for s in speakers:
        if s.kind in (ORGANIZATION, COUNTRY):
            s.role = None
            continue
        here = person_role(s.role)
        if not s.name or s.kind != PERSON or describes_person(here):
            s.role = here
            continue
        if s.name not in best:
            roles = [person_role(r) for r in resolver.roles_of(s.name) + said.get(s.name, [])]
            best[s.name] = best_role(roles)
        s.role = best[s.name] or here
    return speakers


def unnamed_kind(name: Optional[str], kind: str) -> str:
    """``critics``, ``Trump aides``: a group; ``a senior official``: one unnamed
    person; a named speaker keeps its kind."""
    if not name or kind in (ORGANIZATION, COUNTRY):
        return kind
    words = name.split()
    if re.match(r"^(?:[\w.-]+\s+)?(?:percent|per cent|%)(?:\s|$)", name.lower()):
        return GROUP         # "Twelve percent of respondents": a share of people
    if words[0][:1].islower() or (len(words) > 1 and words[-1][:1].islower() and kind != PERSON):
        # typed by the head of the description: "leaders of Armenia and Azerbaijan, ..." are a group
        head = _head_noun(name.split(",")[0].lower())
        return GROUP if _plural(head) else UNNAMED
    return kind


NOUN_PHRASE_TAGS = ("PROPN", "NOUN", "ADJ", "NUM", "DET", "PART", "CCONJ")


def _antecedent_text(parsed: ParsedText, c: Candidate) -> Optional[str]:
    """For a relative pronoun source (``Warren, who has assailed ...``) the
    noun phrase just before it names the speaker, as a reader takes it (the
    parser often hangs the clause on a noun further back: "the rise of
    Donald Trump, who")."""
    if len(c.source_words) != 1 or not c.cue_words:
        return None
    words = parsed.words
    pronoun = words[c.source_words[0]]
    if pronoun.lower not in ("who", "which", "that"):
        return None
    end = pronoun.index - 1
    if end >= 0 and words[end].text in (",", "—", "–", "--"):
        end -= 1
    start = end + 1
    while start - 1 >= 0 and words[start - 1].sent == pronoun.sent and (
            words[start - 1].upos in NOUN_PHRASE_TAGS or words[start - 1].text in ("'s", "’s", "-")):
        start -= 1
    # "and a big reason ..." / "the": no conjunction or article opens the name
    while start <= end and (words[start].upos in ("CCONJ", "DET", "PART") or words[start].text == "-"):
        start += 1
    if start > end or not any(words[i].upos in ("PROPN", "NOUN") for i in range(start, end + 1)):
        return None
    return parsed.text[words[start].start:words[end].end]
