"""One canonical speaker per person or body in an article.

- name variants merge: ``U.S. Secretary of State Antony Blinken``, ``Blinken``
  -> ``Antony Blinken`` (the fullest form of that surname in the article);
- descriptions match a body or a person already named: ``the Armenian
  ministry`` -> ``Armenian Foreign Ministry``, ``the secretary`` -> the person
  whose role holds "secretary";
- pronouns take the most recent compatible speaker or named subject before them
  (``he`` / ``she`` a person, ``it`` a body, ``they`` a body or a group).
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from quotes.attribution.channels.phrases import is_media
from quotes.attribution.common.first_names import FIRST_NAMES
from quotes.attribution.common.lexicon import ANONYMOUS_HEADS, PERSON_PRONOUNS
from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.document.quote_marks import Quotes
from quotes.attribution.speakers.body_descriptions import (body_by_kind, introduced_body, personal_body, poll_name,
                                                           written_by)
from quotes.attribution.speakers.descriptions import (POLL_NOUNS, modified_office, party_member, party_member_person,
                                                      party_office_person, person_by_role, person_in_sentence,
                                                      possessive_description, titlecase_description)
from quotes.attribution.speakers.naming.article_names import ArticleNames
from quotes.attribution.speakers.naming.mentions import (DEFINITE_REACH, Entity, in_prose, _anaphoric,
                                                         _compound_name_ends_with, _content_tokens, _plural,
                                                         _short_form, gender_of, spelled_within)
from quotes.attribution.speakers.roles.offices import (STATE_NAMES, best_role, offices_conflict, person_noun, role_head,
                                                       roles_conflict, same_office)
from quotes.attribution.speakers.naming.kinds import settled_kind
from quotes.attribution.speakers.naming.names import (DETERMINERS, HONORIFICS, SpeakerName, _looks_like_name,
                                                      describe_speaker)
from quotes.attribution.speakers.roles.role_text import clean_role
from quotes.intervals import covered_by
from quotes.records import COUNTRY, GROUP, ORGANIZATION, PERSON, UNKNOWN


# how far back a pronoun looks for a person named only as an object
OBJECT_REACH = 400


# a relative named by a first name: "Mr Hollins' brother Pete", "Ms. Garner's daughter Erica"
_KIN = r"([A-Z][\w-]+)['’]s?\s+(?:younger\s+|older\s+|elder\s+|late\s+)?(?:brother|sister|son|daughter|wife|" \
       r"husband|father|mother|cousin|uncle|aunt|nephew|niece|grandson|granddaughter),?\s+"


# people a story describes without meaning anyone it named ("the truly cool
# and smart voter", "the official")
_ANYONE_HEADS = frozenset("""voter voters supporter supporters critic critics resident residents member members
people person source sources official officials fan fans witness witnesses victim victims delegate delegates
observer observers viewer viewers reader readers""".split())


def _named_kind_of_person(description: str) -> bool:
    """``retired neurosurgeon``, ``former president``: what a person is, which a
    story writes for someone it just named; not someone's ``spokeswoman``."""
    head = role_head(description)
    return person_noun(head) and head.lower() not in _ANYONE_HEADS and not re.search(r"['’]s\b", description)


def _kin_name(mention: str, name: str) -> str:
    """``Pete`` in "Mr Hollins' brother Pete" is Pete Hollins; any other name as it is."""
    if len(name.split()) != 1 or name.lower() not in FIRST_NAMES:
        return name
    kin = re.search(_KIN + re.escape(name) + r"\b", mention)
    return f"{name} {kin.group(1)}" if kin else name


class SpeakerResolver(ArticleNames):
    """Resolve speaker mentions in article order; remembers who spoke last."""

    def __init__(self, parsed: ParsedText, quotes: Optional[Quotes] = None):
        super().__init__(parsed, quotes)
        self.entities: list[Entity] = []
        # ``spoken_of(offset)``: the offset is inside words some record reports
        # ("Rubio still believes that Trump is unfit"): a name there is spoken
        # of, not speaking (set from the records by ``resolve_speakers``)
        self.spoken_of: Callable[[int], bool] = covered_by([])

    # --- entity book-keeping ---------------------------------------------
    def _entity_for_name(self, name: str, kind: str, role: Optional[str], position: int) -> Entity:
        tokens = name.split()
        if kind == UNKNOWN and len(tokens) == 1 and self.is_surname(tokens[0]):
            kind = PERSON        # "WALLACE:" in a transcript is the Chris Wallace named above
        elif kind in (PERSON, UNKNOWN) and (settled_kind(name, kind) == ORGANIZATION or name in self.body_names
                                            or is_media(name) and not person_noun(tokens[-1].lower())):
            # "PolitiFact", "Judicial Watch", "The Orlando Sentinel": a later "they" or
            # "it" may be the body, "the Democratic candidate" never ("CNN President"
            # is a person)
            kind = ORGANIZATION
        if kind == PERSON and tokens:
            name = self.full_name(name, gender_of(role), clean_role(role), position)
        elif tokens:
            # "the Fed" in the headline, "the Federal Reserve" below: the full name is canonical
            if name not in self.full_forms:
                # (not from a title-case headline, where the parse runs a verb into
                # the name: "Media Growls In Response ...")
                self.full_forms[name] = next((m.name for m in self.mentions if _short_form(name, m.name)
                                              and in_prose(self.parsed, m.start)), name)
            name = self.full_forms[name]
        key = name.lower()
        for ent in self.entities:
            if ent.canonical.lower() == key or key in {v.lower() for v in ent.variants} \
                    or _short_form(name, ent.canonical) or _short_form(ent.canonical, name):
                break
        else:
            ent = Entity(canonical=name, kind=kind, role=role)
            self.entities.append(ent)
        ent.variants.add(name)
        role = clean_role(role) or (self._named_role(name) if not ent.role else None)
        if role and not ent.role:
            ent.role = role
        ent.gender = ent.gender or gender_of(role) or self._gender(name)
        if ent.kind == UNKNOWN and kind != UNKNOWN:
            ent.kind = kind
        ent.last_seen = max(ent.last_seen, position)
        return ent

    def _recent_holder(self, office: str, position: int) -> Optional[str]:
        """``the Vermont senator`` a few lines after ``Sen. Bernie Sanders``: the
        person just named, where the article gave them that office (not ``the
        FBI director`` after Hillary Clinton)."""
        name = self._recent_person(position, reach=DEFINITE_REACH)
        # (not "Donald Trump spoke ... The Indiana governor said", where no office
        # was given him: that is the running mate; so "Bernie Sanders won ... The
        # Vermont senator" stays unresolved too)
        return name if name and any(same_office(office, r) for r in self.roles_of(name)) else None

    def _recent_named_person(self, position: int, gender: Optional[str]) -> Optional[str]:
        """``Ben Carson ... the retired neurosurgeon said``: the person just
        named, by a name (not a description or a place taken for a person)."""
        name = self._recent_person(position, reach=DEFINITE_REACH, gender=gender)
        if not name or not _looks_like_name(name) or name.lower() in STATE_NAMES:
            return None
        return name

    def _recent_person(self, position: int, reach: Optional[int] = None,
                       gender: Optional[str] = None) -> Optional[str]:
        """Most recent person, among speakers and named subjects, before
        ``position`` (no further back than ``reach`` characters; not one
        known to be of the other ``gender``)."""
        def fits(known: Optional[str]) -> bool:
            return gender is None or known is None or known == gender

        floor = -1 if reach is None else position - reach
        found = [(ent.last_seen, ent.canonical, ent.gender) for ent in self.entities
                 if ent.kind == PERSON and floor < ent.last_seen < position and fits(ent.gender)]
        # (a description run from a place's name is no person named: "O'Malley, the
        # former governor of Maryland and ..., stressed ... 'I know,' he said")
        named = [(m.start, m.name, m.gender or self._gender(m.name)) for m in self.mentions
                 if m.kind == PERSON and m.is_subject and floor < m.start < position and m.name[:1].isupper()
                 and fits(m.gender or self._gender(m.name))]
        # (one spoken of inside another's reported words only where no one else is
        # near: "Rubio still believes that Trump is unfit ... 'I stand by it,' he told")
        speaking = [f for f in named if not self.spoken_of(f[0])]
        found += speaking if speaking or found else named
        if not found:
            # "When I asked Dr Samuel Adeyemi ..., he did not hesitate": with no
            # person as a subject or speaker before, a man or woman named as an object
            near = max(floor, position - OBJECT_REACH)
            found = [(m.start, m.name) for m in self.mentions
                     if m.kind == PERSON and not m.is_subject and len(m.name.split()) > 1
                     and near < m.start < position and gender is not None
                     and (m.gender or self._gender(m.name)) == gender]      # (known to be a he or a she)
        if not found:
            return None
        latest = max(found, key=lambda f: f[0])
        return latest[1]

    def _recent_body(self, position: int, kinds=(ORGANIZATION, COUNTRY), polls: bool = True) -> Optional[Entity]:
        found = [e for e in self.entities if e.kind in kinds and e.last_seen < position
                 and (polls or e.canonical.split()[-1].lower() not in POLL_NOUNS)]
        return max(found, key=lambda e: e.last_seen) if found else None

    def _description_match(self, desc_tokens: set[str], position: int, kind: str = UNKNOWN,
                           phrase: str = "") -> Optional[Entity]:
        """The speaker a description names; "the Fed" is a body, not the
        person whose role is "Fed Chair"; "the Tax Policy Center", a name,
        not the "Center for Federal Tax Policy"."""
        def fits(other: str) -> bool:
            return {kind, other} != {PERSON, ORGANIZATION}

        found = [e for e in self.entities if desc_tokens and desc_tokens <= e.tokens and fits(e.kind)
                 and spelled_within(phrase, [e.canonical, *e.variants])]
        if not found:
            for m in self.mentions:
                if m.start < position and desc_tokens and fits(m.kind) and spelled_within(phrase, [m.name]) and (
                        desc_tokens <= _content_tokens(m.name + " " + (m.role or ""))
                        or _compound_name_ends_with(m.name, desc_tokens)):
                    return self._entity_for_name(m.name, m.kind, m.role, m.start)
            return None
        return max(found, key=lambda e: e.last_seen)

    def _described_person(self, name: str, position: int, description: str):
        ent = self._entity_for_name(name, PERSON, None, position)
        # (the role the article gave them by name outranks the words standing in for it)
        # (and is the one the record shows: "the retired neurosurgeon said" is said by the
        # "Republican presidential front-runner Ben Carson" of the lede)
        ent.role = ent.role or best_role([*self.roles_of(name), description])
        return ent.canonical, SpeakerName(ent.canonical, ent.role, PERSON, False), ent.role

    # --- the one entry point ---------------------------------------------
    def resolve(self, mention: str, position: int, head_upos: str = "") -> tuple[str, SpeakerName, Optional[str]]:
        """Canonical speaker, the parsed mention, and the role to report."""
        desc = describe_speaker(mention, head_upos)
        low = mention.lower().strip().rstrip(",")
        if low in PERSON_PRONOUNS and low not in ("i", "me", "we", "us", "they", "them", "you"):
            gender = PERSON_PRONOUNS[low] if PERSON_PRONOUNS[low] in ("m", "f") else None
            name = self._recent_person(position, gender=gender)
            if name:
                # (a resolved "she" does not mark the person: one wrong guess
                # would then hide them from every later "he")
                ent = self._entity_for_name(name, PERSON, None, position)
                return ent.canonical, SpeakerName(ent.canonical, ent.role, PERSON, True), ent.role
            return mention, desc, None
        if low in ("it", "its", "they", "them"):
            # "they" may be a body or people named in the plural ("Republicans", "critics")
            # (a poll is "it", never "they": "They" after a poll's figures are the people polled)
            ent = self._recent_body(position, (ORGANIZATION, COUNTRY, GROUP), polls=False) if low in ("they", "them") \
                else self._recent_body(position, (ORGANIZATION, COUNTRY))
            if ent:
                ent.last_seen = position
                return ent.canonical, SpeakerName(ent.canonical, ent.role, ent.kind, True), ent.role
            return mention, desc, None
        if low in ("i", "me", "we", "us", "you", "who", "which", "that"):
            return mention, desc, None
        tokens = desc.name.split()
        starts_with_det = low.split()[0] in DETERMINERS if low.split() else False
        is_named = bool(tokens) and tokens[0][:1].isupper() and not starts_with_det
        # ("Mr. King" is a man named King, not a king)
        honorific = low.split()[0].rstrip(".") in HONORIFICS if low.split() else False
        headline = is_named and not honorific and titlecase_description(desc.name)
        if headline:
            # "Retired General", "Lawmaker" in a headline: a description
            is_named = False
            desc.name = " ".join(t if t.isupper() else t.lower() for t in tokens)
        poll = poll_name(self.text, mention, position)
        body = poll or written_by(mention) or personal_body(self, low, position) or body_by_kind(self, low, position) \
            or introduced_body(self, low, position)
        if body:
            ent = self._entity_for_name(body, ORGANIZATION, None, position)
            return ent.canonical, SpeakerName(ent.canonical, None, ent.kind, False), None
        named = possessive_description(self, mention.strip().rstrip(","), position)
        if named:
            return self._described_person(named, position, mention.strip().rstrip(","))
        if is_named or desc.kind == COUNTRY:
            ent = self._entity_for_name(_kin_name(mention, desc.name), desc.kind, desc.role, position)
            # the role said here, else the one the article gave them elsewhere
            return ent.canonical, SpeakerName(ent.canonical, desc.role or ent.role, ent.kind, False), \
                clean_role(desc.role) or ent.role
        # a description: "the Armenian ministry", "the secretary", "the Armenian Foreign Ministry"
        desc_tokens = _content_tokens(desc.name)
        ent = self._description_match(desc_tokens, position, desc.kind, desc.name)
        if ent:
            ent.last_seen = position
            if ent.kind == UNKNOWN and desc.kind != UNKNOWN:
                ent.kind = desc.kind     # "the bank" says what "Commerzbank" is
            return ent.canonical, SpeakerName(ent.canonical, ent.role, ent.kind, False), ent.role
        canonical = re.sub(r"^(the|a|an)\s+", "", desc.name, flags=re.I)
        singular_person = desc.kind == PERSON and not _plural(canonical)
        named = person_by_role(self, canonical, position, headline) if low.split()[0] in ("the", "this") or \
            not starts_with_det and desc.name[:1].islower() else None
        if named:
            ent = self._entity_for_name(named, PERSON, None, position)
            ent.last_seen = position
            return ent.canonical, SpeakerName(ent.canonical, ent.role, PERSON, False), ent.role
        if (singular_person or party_member(canonical)) and low.startswith("the ") \
                and (_anaphoric(canonical) or modified_office(canonical) or _named_kind_of_person(canonical)):
            # "Ahmed Salem ... the 34-year-old teacher said", "Ben Carson ... the
            # retired neurosurgeon said": a definite description no one in the
            # article holds as a role names the person just named
            if _anaphoric(canonical):
                name = self._recent_person(position, reach=DEFINITE_REACH, gender=gender_of(canonical))
            elif modified_office(canonical):
                name = person_in_sentence(self, position) or party_member_person(self, canonical, position) \
                    or party_office_person(self, canonical, position) or self._recent_holder(canonical, position)
            else:
                name = self._recent_named_person(position, gender_of(canonical))
            # (what a person is, "the radioman", fits any job the story gave them,
            # "radio talk show host"; an office does not fit another office)
            conflict = roles_conflict if _anaphoric(canonical) or modified_office(canonical) else offices_conflict
            if name and not any(conflict(canonical, r) for r in self.roles_of(name)):
                return self._described_person(name, position, canonical)
        anonymous = canonical.split()[-1].lower() in ANONYMOUS_HEADS and not low.startswith("the ")
        if singular_person and (_anaphoric(canonical) or anonymous) and not canonical[:1].isupper():
            # an unnamed "woman" or "father" a later "she" / "he" can mean, a
            # "senior official" a later "the official" is
            ent = Entity(canonical=canonical, kind=PERSON, last_seen=position)
            self.entities.append(ent)
            return canonical, desc, desc.role
        if canonical[:1].isupper() or desc.kind in (ORGANIZATION, COUNTRY):
            ent = self._entity_for_name(canonical, desc.kind, desc.role, position)
            return ent.canonical, SpeakerName(ent.canonical, ent.role, ent.kind, False), desc.role
        return canonical, desc, desc.role
