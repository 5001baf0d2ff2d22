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
from dataclasses import dataclass, field
from typing import Optional

from quotes.attribution.direct import Quotes
from quotes.attribution.lexicon import FEMALE_WORDS, MALE_WORDS, ORG_NOUNS, PERSON_PRONOUNS, TITLE_WORDS
from quotes.attribution.parsed import ParsedText
from quotes.attribution.speakers import DETERMINERS, SpeakerName, describe_speaker, split_name_role
from quotes.records import COUNTRY, ORGANIZATION, PERSON, UNKNOWN

_STOP = DETERMINERS | {"his", "her", "its", "their", "our", "of", "and", "'s", "’s"}


def _content_tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"[\w.]+", text.lower().replace("’s", "").replace("'s", ""))
            if t not in _STOP}


@dataclass
class Entity:
    canonical: str
    kind: str
    role: Optional[str] = None
    variants: set[str] = field(default_factory=set)
    last_seen: int = -1
    gender: Optional[str] = None    # "m" / "f" where a title or a noun said so

    @property
    def tokens(self) -> set[str]:
        out = _content_tokens(self.canonical)
        if self.role:
            out |= _content_tokens(self.role)
        return out


@dataclass
class NameMention:
    name: str
    role: Optional[str]
    kind: str
    start: int
    is_subject: bool
    gender: Optional[str] = None


def gender_of(*texts: Optional[str]) -> Optional[str]:
    """"m" / "f" from titles and nouns ("Mrs.", "spokeswoman"), else None."""
    words = {w.lower() for t in texts if t for w in re.findall(r"[\w.]+", t)}
    male, female = bool(words & MALE_WORDS), bool(words & FEMALE_WORDS)
    return "m" if male and not female else "f" if female and not male else None


def name_mentions(parsed: ParsedText) -> list[NameMention]:
    """Runs of proper nouns in the article, split into name and role."""
    out = []
    words = parsed.words
    i = 0
    while i < len(words):
        if words[i].upos != "PROPN":
            i += 1
            continue
        j = i
        while j + 1 < len(words) and words[j + 1].sent == words[i].sent and (
                words[j + 1].upos == "PROPN" or (words[j + 1].lower == "of" and j + 2 < len(words)
                                                 and words[j + 2].upos == "PROPN")):
            j += 1
        # titles written before the run ("Kremlin spokesman Dmitry Peskov"), and
        # capitalised adjectives the tagger split off a name ("the Federal Reserve")
        k = i
        while k - 1 >= 0 and words[k - 1].sent == words[i].sent and words[k - 1].upos in ("NOUN", "PROPN", "ADJ") \
                and (words[k - 1].lower.strip(".") in TITLE_WORDS | {"spokesman", "spokeswoman", "minister"}
                     or (words[k - 1].upos == "ADJ" and words[k - 1].text[:1].isupper()
                         and words[j].lower in ORG_NOUNS and k - 2 >= 0 and words[k - 2].sent == words[i].sent)):
            k -= 1
        mention = parsed.text[words[k].start:words[j].end]
        name, role = split_name_role(mention)
        desc = describe_speaker(mention, "PROPN")
        is_subject = any(_in_subject(words, x) for x in range(k, j + 1))
        out.append(NameMention(name, role, desc.kind, words[i].start, is_subject, gender_of(role)))
        i = j + 1
    return out


def _in_subject(words, index: int, depth: int = 3) -> bool:
    """The word is a subject, or inside a noun phrase that is one
    (``Secretary of State Antony Blinken met``: the parser may head it on
    ``Secretary``)."""
    word = words[index]
    for _ in range(depth):
        if word.rel == "nsubj":
            return True
        if word.head is None or word.rel not in ("nmod", "flat", "compound", "appos") \
                or words[word.head].upos not in ("NOUN", "PROPN"):
            return False
        word = words[word.head]
    return False


# short names a body goes by that are not its initials
SHORT_NAMES = {"fed": "federal reserve", "un": "united nations", "eu": "european union",
               "pentagon": "department of defense", "kremlin": "russian presidency"}


def _short_form(short: str, full: str) -> bool:
    """"WHO" is the World Health Organization, "the Fed" the Federal Reserve."""
    short_low, full_low = short.lower().replace(".", ""), full.lower()
    if SHORT_NAMES.get(short_low) and SHORT_NAMES[short_low] == re.sub(r"^the\s+", "", full_low):
        return True
    if not (2 <= len(short_low) <= 6 and short.replace(".", "").isupper()) or len(full.split()) < 2:
        return False
    initials = "".join(w[0] for w in re.findall(r"[\w’'-]+", full_low) if w not in ("of", "the", "and", "for"))
    return initials == short_low


def _compound_name_ends_with(name: str, desc_tokens: set[str]) -> bool:
    """"the bank" is Commerzbank: a one-word name ending in the description's noun."""
    if len(desc_tokens) != 1 or len(name.split()) != 1:
        return False
    (noun,) = desc_tokens
    low = name.lower()
    return len(noun) >= 4 and low.endswith(noun) and len(low) >= len(noun) + 3


# how far back a definite description ("the teacher") looks for its person
DEFINITE_REACH = 300


# people described by what they are rather than by an office: "the teacher"
# after a named teacher is that teacher, while "the governor" may be anyone's
# governor and is matched through roles instead
ANAPHORIC_HEADS = frozenset("""
man woman boy girl teacher nurse farmer worker driver student soldier engineer mother father son
daughter wife husband survivor owner shopkeeper veteran firefighter pilot physician surgeon doctor
journalist photographer artist musician actor actress singer player coach fan chef priest businessman
businesswoman entrepreneur retiree refugee victim volunteer organizer resident activist witness
""".split())


def _anaphoric(description: str) -> bool:
    head = description.split()[-1].lower() if description.split() else ""
    return "," not in description and (head in ANAPHORIC_HEADS or bool(re.fullmatch(r"\d+-year-old", head)))


def _plural(description: str) -> bool:
    head = description.split()[-1].lower() if description.split() else ""
    return head.endswith("s") and not head.endswith("ss") or head in ("people", "police", "staff")


class SpeakerResolver:
    """Resolve speaker mentions in article order; remembers who spoke last."""

    def __init__(self, parsed: ParsedText, quotes: Optional[Quotes] = None):
        self.mentions = name_mentions(parsed)
        # a name said inside a quotation is not who a later "he" means
        # (bisected look-ups: an article may hold thousands of quotes)
        for m in self.mentions:
            m.is_subject = m.is_subject and not (quotes and quotes.overlapping(m.start, m.start + 1))
        self.entities: list[Entity] = []
        # surname -> fullest person name seen anywhere in the article
        self.full_names: dict[str, str] = {}
        for m in self.mentions:
            tokens = m.name.split()
            if m.kind == PERSON and 2 <= len(tokens) <= 4:
                key = tokens[-1].lower()
                if len(tokens) > len(self.full_names.get(key, "").split()):
                    self.full_names[key] = m.name
        # short name -> the full name a mention gives it ("Fed" -> "Federal Reserve")
        self.full_forms: dict[str, str] = {}
        # surname -> gender, from any mention that shows it ("Mrs. Clinton")
        self.genders: dict[str, str] = {}
        for m in self.mentions:
            if m.gender and m.name.split():
                self.genders.setdefault(m.name.split()[-1].lower(), m.gender)
        # a lone capitalised word is a person only if it is the surname of a full name here
        for m in self.mentions:
            if m.kind == PERSON and len(m.name.split()) == 1 and not m.role \
                    and m.name.lower() not in self.full_names:
                m.kind = UNKNOWN

    # --- entity book-keeping ---------------------------------------------
    def _entity_for_name(self, name: str, kind: str, role: Optional[str], position: int) -> Entity:
        tokens = name.split()
        if kind == PERSON and tokens:
            name = self.full_names.get(tokens[-1].lower(), name)
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
        if role and not ent.role:
            ent.role = role
        ent.gender = ent.gender or gender_of(role) or self._gender(name)
        if ent.kind == UNKNOWN and kind != UNKNOWN:
            ent.kind = kind
        ent.last_seen = max(ent.last_seen, position)
        return ent

    def _gender(self, name: str) -> Optional[str]:
        return self.genders.get(name.split()[-1].lower()) if name.split() else None

    def _recent_person(self, position: int, reach: Optional[int] = None,
                       gender: Optional[str] = None) -> Optional[str]:
        """Most recent person, among speakers and named subjects, before
        ``position`` (no further back than ``reach`` characters; not one
        known to be of the other ``gender``)."""
        def fits(known: Optional[str]) -> bool:
            return gender is None or known is None or known == gender

        best_pos, best = -1 if reach is None else position - reach, None
        for ent in self.entities:
            if ent.kind == PERSON and best_pos < ent.last_seen < position and fits(ent.gender):
                best_pos, best = ent.last_seen, ent.canonical
        for m in self.mentions:
            if m.kind == PERSON and m.is_subject and best_pos < m.start < position \
                    and fits(m.gender or self._gender(m.name)):
                best_pos, best = m.start, m.name
        return best

    def _recent_body(self, position: int, kinds=(ORGANIZATION, COUNTRY)) -> Optional[Entity]:
        found = [e for e in self.entities if e.kind in kinds and e.last_seen < position]
        return max(found, key=lambda e: e.last_seen) if found else None

    def _description_match(self, desc_tokens: set[str], position: int, kind: str = UNKNOWN) -> Optional[Entity]:
        """The speaker a description names; "the Fed" is a body, not the
        person whose role is "Fed Chair"."""
        def fits(other: str) -> bool:
            return {kind, other} != {PERSON, ORGANIZATION}

        found = [e for e in self.entities if desc_tokens and desc_tokens <= e.tokens and fits(e.kind)]
        if not found:
            for m in self.mentions:
                if m.start < position and desc_tokens and fits(m.kind) and (
                        desc_tokens <= _content_tokens(m.name + " " + (m.role or ""))
                        or _compound_name_ends_with(m.name, desc_tokens)):
                    return self._entity_for_name(m.name, m.kind, m.role, m.start)
            return None
        return max(found, key=lambda e: e.last_seen)

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
            ent = self._recent_body(position)
            if ent:
                ent.last_seen = position
                return ent.canonical, SpeakerName(ent.canonical, ent.role, ent.kind, True), ent.role
            return mention, desc, None
        if low in ("i", "me", "we", "us", "you", "who", "which", "that"):
            return mention, desc, None
        tokens = desc.name.split()
        starts_with_det = low.split()[0] in DETERMINERS if low.split() else False
        is_named = bool(tokens) and tokens[0][:1].isupper() and not starts_with_det
        if is_named or desc.kind == COUNTRY:
            ent = self._entity_for_name(desc.name, desc.kind, desc.role, position)
            return ent.canonical, SpeakerName(ent.canonical, desc.role or ent.role, ent.kind, False), desc.role
        # a description: "the Armenian ministry", "the secretary", "the Armenian Foreign Ministry"
        desc_tokens = _content_tokens(desc.name)
        ent = self._description_match(desc_tokens, position, desc.kind)
        if ent:
            ent.last_seen = position
            if ent.kind == UNKNOWN and desc.kind != UNKNOWN:
                ent.kind = desc.kind     # "the bank" says what "Commerzbank" is
            return ent.canonical, SpeakerName(ent.canonical, ent.role, ent.kind, False), ent.role
        canonical = re.sub(r"^(the|a|an)\s+", "", desc.name, flags=re.I)
        singular_person = desc.kind == PERSON and not _plural(canonical)
        if singular_person and low.startswith("the ") and _anaphoric(canonical):
            # "Ahmed Salem was asleep ... the 34-year-old teacher said": a
            # definite description right after a person names that person
            name = self._recent_person(position, reach=DEFINITE_REACH)
            if name:
                ent = self._entity_for_name(name, PERSON, None, position)
                ent.role = ent.role or canonical
                return ent.canonical, SpeakerName(ent.canonical, ent.role, PERSON, False), canonical
        if singular_person and _anaphoric(canonical) and not canonical[:1].isupper():
            # an unnamed "woman" or "father" a later "she" / "he" can mean
            ent = Entity(canonical=canonical, kind=PERSON, last_seen=position)
            self.entities.append(ent)
            return canonical, desc, desc.role
        if canonical[:1].isupper() or desc.kind in (ORGANIZATION, COUNTRY):
            ent = self._entity_for_name(canonical, desc.kind, desc.role, position)
            return ent.canonical, SpeakerName(ent.canonical, ent.role, ent.kind, False), desc.role
        return canonical, desc, desc.role
