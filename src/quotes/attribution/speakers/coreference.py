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
from typing import Optional

from quotes.attribution.common.first_names import first_name_gender
from quotes.attribution.common.lexicon import ANONYMOUS_HEADS, PERSON_PRONOUNS
from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.document.quote_marks import Quotes
from quotes.attribution.speakers.descriptions import (body_by_kind, modified_office, person_by_role,
                                                      party_office_person, person_in_sentence, personal_body, poll_name,
                                                      possessive_description,
                                                      titlecase_description, written_by)
from quotes.attribution.speakers.naming.mentions import (DEFINITE_REACH, Entity, _anaphoric, _compound_name_ends_with, in_prose,
                                                  spelled_within,
                                                  _content_tokens, _plural, _short_form, gender_of, name_mentions)
from quotes.attribution.speakers.naming.roles import roles_conflict
from quotes.attribution.speakers.naming.names import DETERMINERS, SpeakerName, clean_role, describe_speaker
from quotes.records import COUNTRY, GROUP, ORGANIZATION, PERSON, UNKNOWN


# how far back a pronoun looks for a person named only as an object
OBJECT_REACH = 400


class SpeakerResolver:
    """Resolve speaker mentions in article order; remembers who spoke last."""

    def __init__(self, parsed: ParsedText, quotes: Optional[Quotes] = None):
        self.mentions = name_mentions(parsed)
        self.text = parsed.text
        self.parsed = parsed
        # the words of every person's full name ("the company" is never one of them)
        self.person_words = {w for m in self.mentions if m.kind == PERSON and len(m.name.split()) > 1
                             for w in m.name.split()}
        # a name said inside a quotation is not who a later "he" means
        # (bisected look-ups: an article may hold thousands of quotes)
        for m in self.mentions:
            m.is_subject = m.is_subject and not (quotes and quotes.overlapping(m.start, m.start + 1))
        self.entities: list[Entity] = []
        # surname -> the full person names with it in the article, each with how often it
        # is named ("Barack Obama" and "Michelle Obama" stay two people)
        self.full_names: dict[str, dict[str, int]] = {}
        for m in self.mentions:
            tokens = m.name.split()
            if m.kind == PERSON and 2 <= len(tokens) <= 4:
                named = self.full_names.setdefault(tokens[-1].lower(), {})
                named[m.name] = named.get(m.name, 0) + 1
        # first name -> the full names with it said in prose (a headline's "Blinken Visits
        # Kyiv" is no person's full name)
        self.first_names: dict[str, set[str]] = {}
        for m in self.mentions:
            tokens = m.name.split()
            if m.kind == PERSON and 2 <= len(tokens) <= 3 and in_prose(parsed, m.start):
                self.first_names.setdefault(tokens[0].lower(), set()).add(m.name)
        # short name -> the full name a mention gives it ("Fed" -> "Federal Reserve")
        self.full_forms: dict[str, str] = {}
        # surname -> gender, from any mention that shows it ("Mrs. Clinton")
        self.genders: dict[str, str] = {}
        # surname -> the genders its bare mentions carry ("Mr. Obama" fourteen times)
        self.surname_genders: dict[str, dict[str, int]] = {}
        for m in self.mentions:
            if m.gender and m.name.split():
                self.genders.setdefault(m.name.split()[-1].lower(), m.gender)
                if len(m.name.split()) == 1:
                    tally = self.surname_genders.setdefault(m.name.lower(), {})
                    tally[m.gender] = tally.get(m.gender, 0) + 1
        # a lone capitalised word is a person only if it is the surname of a full name here
        for m in self.mentions:
            if m.kind == PERSON and len(m.name.split()) == 1 and not m.role \
                    and m.name.lower() not in self.full_names:
                m.kind = UNKNOWN

    def full_name(self, name: str, gender: Optional[str] = None, role: Optional[str] = None) -> str:
        """The article's full form of a person's name: ``Donald Trump`` for
        ``Trump`` or ``Donald J. Trump``'s shorter forms; a surname shared by two
        people goes to the one a title's gender fits, else the one named most
        often (then first); a full name keeps its own first name."""
        tokens = name.split()
        named = self.full_names.get(tokens[-1].lower(), {}) if tokens else {}
        if len(tokens) >= 3 and name not in named:
            # "Elizabeth Warren Hammers Wells Fargo CEO": a title-case headline
            # run holding a name the article gives in full
            inside = [full for names in self.full_names.values() for full in names
                      if full != name and re.search(r"(?:^|\s)" + re.escape(full) + r"(?:\s|$)", name)]
            if inside:
                # the first name in the run is its subject ("... Hammers Wells Fargo CEO")
                return min(inside, key=lambda n: (name.find(n), -len(n.split())))
        if not named and len(tokens) == 1:
            # "Chris said" after "Chris Anderson": a first name the article gives one person
            firsts = self.first_names.get(tokens[0].lower(), set())
            return next(iter(firsts)) if len(firsts) == 1 else name
        if not named:
            return name
        if len(tokens) > 1:
            # "De Blasio", "Guajardo Villarreal": a surname of several words
            ending = " " + name.lower()
            longer = [n for n in named if n.lower().endswith(ending)]
            if len(longer) == 1:
                return longer[0]
            same_first = [n for n in named if n.split()[0].lower() == tokens[0].lower()]
            return max(same_first, key=lambda n: (len(n.split()), named[n])) if same_first else name
        # "President Obama" is not the "first lady Michelle Obama" the article names
        people = [n for n in named if not any(roles_conflict(role, r) for r in self._roles_named(n))]
        tally = self.surname_genders.get(tokens[0].lower(), {})
        if not gender and len(tally) == 1:
            # a bare "Obama" is the "Mr. Obama" the article keeps naming
            gender = next(iter(tally))
        if not people:
            return name
        if gender:
            fitting = [n for n in people if self._first_name_gender(n) in (gender, None)]
            if not fitting:
                return name      # "Mr. Obama" where the article names only Michelle Obama in full
            people = fitting
        firsts: dict[str, int] = {}
        for n in people:
            firsts[n.split()[0].lower()] = firsts.get(n.split()[0].lower(), 0) + named[n]
        first = max(firsts, key=lambda f: (firsts[f], -min(people.index(n) for n in people
                                                          if n.split()[0].lower() == f)))
        return max((n for n in people if n.split()[0].lower() == first), key=lambda n: (len(n.split()), named[n]))

    def roles_of(self, canonical: str) -> list[str]:
        """Every role the article gives the person ``canonical`` names, in order."""
        surname = canonical.split()[-1].lower() if canonical.split() else ""
        # (a surname alone, where two people here have it, says nothing of whose role it is)
        shared = len({n.split()[0].lower() for n in self.full_names.get(surname, {})}) > 1
        return [m.role for m in self.mentions if m.role and m.kind == PERSON and m.name.split()
                and m.name.split()[-1].lower() == surname and not (shared and len(m.name.split()) == 1)
                and self.full_name(m.name) == canonical]

    def _roles_named(self, full: str) -> list[str]:
        return [m.role for m in self.mentions if m.role and m.name == full]

    def _named_role(self, name: str) -> Optional[str]:
        """The first role the article gives a name anywhere ("Secretary of State Antony Blinken met ...")."""
        return next((clean_role(m.role) for m in self.mentions if m.name == name and clean_role(m.role)), None)

    def _first_name_gender(self, full: str) -> Optional[str]:
        """A full name's gender where a title or noun beside it in the article
        said so, else where its first name does ("Hillary Clinton")."""
        said = next((m.gender for m in self.mentions if m.gender and m.name == full), None)
        return said or (first_name_gender(full) if len(full.split()) > 1 else None)

    # --- entity book-keeping ---------------------------------------------
    def _entity_for_name(self, name: str, kind: str, role: Optional[str], position: int) -> Entity:
        tokens = name.split()
        if kind == UNKNOWN and len(tokens) == 1 and tokens[0].lower() in self.full_names:
            kind = PERSON        # "WALLACE:" in a transcript is the Chris Wallace named above
        if kind == PERSON and tokens:
            name = self.full_name(name, gender_of(role), clean_role(role))
        elif tokens:
            # "the Fed" in the headline, "the Federal Reserve" below: the full name is canonical
            if name not in self.full_forms:
                self.full_forms[name] = next((m.name for m in self.mentions if _short_form(name, m.name)), name)
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

    def _gender(self, name: str) -> Optional[str]:
        """A name's gender from a title or noun beside it: the full name's own
        ("his wife Hillary Clinton"), else its surname's where only one person
        here has that surname ("Mrs. Clinton" says nothing of Bill Clinton)."""
        if not name.split():
            return None
        if len(name.split()) == 1 and name.lower() in self.full_names:
            name = self.full_name(name)      # "Trump" -> "Donald Trump" when the article says so
        own = self._first_name_gender(name) if len(name.split()) > 1 else None
        surname = name.split()[-1].lower()
        if own or len({n.split()[0].lower() for n in self.full_names.get(surname, {})}) > 1:
            return own
        return self.genders.get(surname)

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
        found += [(m.start, m.name, m.gender or self._gender(m.name)) for m in self.mentions
                  if m.kind == PERSON and m.is_subject and floor < m.start < position
                  and fits(m.gender or self._gender(m.name))]
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

    def _recent_body(self, position: int, kinds=(ORGANIZATION, COUNTRY)) -> Optional[Entity]:
        found = [e for e in self.entities if e.kind in kinds and e.last_seen < position]
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
        ent.role = ent.role or description
        return ent.canonical, SpeakerName(ent.canonical, ent.role, PERSON, False), description

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
            ent = self._recent_body(position, (ORGANIZATION, COUNTRY, GROUP) if low in ("they", "them")
                                    else (ORGANIZATION, COUNTRY))
            if ent:
                ent.last_seen = position
                return ent.canonical, SpeakerName(ent.canonical, ent.role, ent.kind, True), ent.role
            return mention, desc, None
        if low in ("i", "me", "we", "us", "you", "who", "which", "that"):
            return mention, desc, None
        tokens = desc.name.split()
        starts_with_det = low.split()[0] in DETERMINERS if low.split() else False
        is_named = bool(tokens) and tokens[0][:1].isupper() and not starts_with_det
        headline = is_named and titlecase_description(desc.name)
        if headline:
            # "Retired General", "Lawmaker" in a headline: a description
            is_named = False
            desc.name = " ".join(t if t.isupper() else t.lower() for t in tokens)
        poll = poll_name(self.text, mention, position)
        body = poll or written_by(mention) or personal_body(self, low, position) or body_by_kind(self, low, position)
        if body:
            ent = self._entity_for_name(body, ORGANIZATION, None, position)
            return ent.canonical, SpeakerName(ent.canonical, None, ent.kind, False), None
        named = possessive_description(self, mention.strip().rstrip(","), position)
        if named:
            return self._described_person(named, position, mention.strip().rstrip(","))
        if is_named or desc.kind == COUNTRY:
            ent = self._entity_for_name(desc.name, desc.kind, desc.role, position)
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
        if singular_person and low.startswith("the ") and (_anaphoric(canonical) or modified_office(canonical)):
            # "Ahmed Salem ... the 34-year-old teacher said": a definite description names the person just named
            name = self._recent_person(position, reach=DEFINITE_REACH, gender=gender_of(canonical)) \
                if _anaphoric(canonical) \
                else person_in_sentence(self, position) or party_office_person(self, canonical, position)
            if name and not any(roles_conflict(canonical, r) for r in self.roles_of(name)):
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
