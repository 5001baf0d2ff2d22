"""What a reader knows from the whole story, applied to its speakers once
each record has one: a headline and lede say in brief what the story then
tells (a headline's run-on name, a body described by its kind, a person
described before being named), and "the ruling" is the court's.

Each pass takes the article's ``Speaker`` list in text order and returns it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import islice
from typing import TYPE_CHECKING

from quotes.attribution.common.first_names import FIRST_NAMES
from quotes.attribution.common.lines import line_start_before, title_case
from quotes.attribution.common.lexicon import ANONYMOUS_HEADS, ORG_NOUNS
from quotes.attribution.speakers.descriptions import PARTY_WORDS
from quotes.attribution.speakers.naming.mentions import _plural
from quotes.attribution.speakers.roles.offices import RELATIONAL, describes_person, person_noun, person_role, same_office
from quotes.records import ORGANIZATION, PERSON, UNNAMED

if TYPE_CHECKING:
    from quotes.attribution.speakers.resolve import Speaker


def story_passes(text: str, speakers: list["Speaker"]) -> list["Speaker"]:
    """Every pass, in order."""
    speakers = _headline_names(text, speakers)
    speakers = _lede_bodies(text, speakers)
    speakers = _lede_descriptions(text, speakers)
    speakers = _kin_descriptions(speakers)
    return _court_rulings(speakers)


def lede_end(text: str) -> int:
    """Where the headline and the first paragraph under it end."""
    lines = list(islice((m for m in re.finditer(r"[^\n]+", text) if m.group().strip()), 2))
    return lines[-1].end() if lines else 0


def _headline_names(text: str, speakers: list["Speaker"]) -> list["Speaker"]:
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


_KIN_DESCRIPTION = re.compile(r"^([A-Z][\w-]+)['’]s?\s+(son|daughter|wife|husband|brother|sister|father|mother)$", re.I)


def _kin_descriptions(speakers: list["Speaker"]) -> list["Speaker"]:
    """``Trump's Son Says ...`` above ``Eric Trump, son of the Republican
    presidential front-runner``: a relative described by whose they are is
    the one of that surname the story gives that kinship."""
    for s in speakers:
        m = _KIN_DESCRIPTION.match(s.name or "")
        if not m or s.kind != PERSON:
            continue
        surname, kin = m.group(1).lower(), m.group(2).lower()
        kin_of = {t.name for t in speakers if t.kind == PERSON and t.name and t.role and len(t.name.split()) >= 2
                  and t.name.split()[-1].lower() == surname and kin in t.role.lower().split()}
        if len(kin_of) == 1:
            s.name = kin_of.pop()
            s.role = s.role or next(t.role for t in speakers if t.name == s.name and t.role)
    return speakers


_RULING = re.compile(r"^(?:the|that|this|its|his|her)\s+(?:[\w-]+\s+){0,2}?(ruling|decision|opinion|order|verdict|judgment)\W*$",
                     re.I)


# how many records back "the ruling" looks for its court (bounded: an article of
# thousands of records must not cost a scan per record)
LOOKBACK = 50


def _court_rulings(speakers: list["Speaker"]) -> list["Speaker"]:
    """``said the ruling``: the court or judge that ruled, the last one named before."""
    for k, s in enumerate(speakers):
        if not _RULING.match(s.mention or "") or (s.name and s.name.lower() not in (s.mention or "").lower()):
            continue          # (a ruling the resolver already gave to someone named stays theirs)
        court = next((b for b in reversed(speakers[max(0, k - LOOKBACK):k]) if b.name and b.resolved and (
            (b.kind == ORGANIZATION and "court" in b.name.lower())
            or (b.kind == PERSON and re.search(r"\b(?:judge|justice)\b", f"{b.role or ''} {b.mention or ''}", re.I)))),
            None)
        if court:
            s.name, s.kind, s.role, s.resolved = court.name, court.kind, court.role, True
    return speakers


def _lede_bodies(text: str, speakers: list["Speaker"]) -> list["Speaker"]:
    """``Flight attendants' union endorses Clinton`` above ``the Association of
    Flight Attendants called ...``, ``House panel votes`` above ``the House
    Oversight and Government Reform Committee``: a headline or lede body
    described by its kind is the first body of that kind the story names."""
    from quotes.attribution.speakers.body_descriptions import BODY_COVERS

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


def _named_below(text: str, headline_end: int, name: str) -> bool:
    """The headline's capitalised words are someone's name below it, not only a
    title written before one ("CNN President Jeff Zucker")."""
    return any(not re.match(r"\s+[A-Z]", text[m.end():m.end() + 2])
               for m in re.compile(re.escape(name)).finditer(text, headline_end))


def _lede_descriptions(text: str, speakers: list["Speaker"]) -> list["Speaker"]:
    """A story that opens on what someone is ("Former DNC chairman calls for
    ...", "A former Democratic National Committee chairman says ...") and names
    them after: the headline's and first paragraph's unnamed person is the
    first person the story then quotes by name, the description their role.
    So is a paragraph that opens on one ("Connecticut's tax commissioner says
    ...") when the next paragraph opens on a named person ("Kevin Sullivan says")."""
    headline_end = text.find("\n")
    headline = headline_end > 0 and title_case(text[:headline_end].split())

    def capitalised_description(s: "Speaker") -> bool:
        # ("Republican Medal Of Honor Winner Opens Up ...": a title-case headline
        # capitalises a description that no one below is named by)
        return headline and s.start is not None and s.start < headline_end and s.kind == PERSON \
            and bool(s.name) and s.name.split()[-1][:1].isupper() and len(s.name.split()) <= 5 \
            and not _named_below(text, headline_end, s.name) and not (s.mention or "").isupper() \
            and s.name.split()[0].lower() not in FIRST_NAMES \
            and not re.search(r"['’]s?\s", s.name) \
            and (describes_person(person_role(s.name.lower()))
                                                       or person_noun(s.name.split()[-1]))

    named = sorted((s for s in speakers if s.kind == PERSON and s.resolved and s.name and len(s.name.split()) >= 2
                    and s.start is not None and not s.name.split()[-1].islower()
                    and not capitalised_description(s)), key=lambda s: s.start)
    if not named:
        return speakers
    starts = [t.start for t in named]
    lede_stop = min(named[0].start, lede_end(text))
    for s in speakers:
        in_headline = capitalised_description(s)
        name = s.name.lower() if in_headline else s.name
        # ("Connecticut's tax commissioner" is typed a person, but names nobody)
        described = s.kind == UNNAMED or (s.kind == PERSON and name and name.split()[-1].islower())
        # ("Sanders will back Clinton, former rival says": how she stands to him, said of her)
        relational = bool(name) and name.split()[-1].lower() in RELATIONAL
        if not (described and name and s.start is not None and not _plural(name)
                and (describes_person(person_role(name)) or relational or in_headline)) \
                or name.split()[-1].lower() in ANONYMOUS_HEADS:
            continue
        k = bisect_right(starts, s.start)
        after = named[k] if k < len(named) else None
        if s.start < lede_stop:
            # (the one the story gives that very office, "CNN President Jeff Zucker",
            # before the first named: "CNN President On Trump" is not Trump)
            named_as = next((t for t in named if t.role and same_office(t.role, name)), named[0])
        elif after and _opens_paragraph(text, s.start) and _opens_paragraph(text, after.start) \
                and text.count("\n\n", s.start, after.start) == 1:
            named_as = after
        else:
            continue
        parties = set(name.lower().split()) & PARTY_WORDS
        if parties and not parties & set((named_as.role or "").lower().split()):
            continue      # "The GOP nominee" is not the Democrat the story names first
        s.role = named_as.role if relational or in_headline else s.role or name
        s.name, s.kind = named_as.name, PERSON
    return speakers


def _opens_paragraph(text: str, offset: int) -> bool:
    return line_start_before(text, offset) is not None
