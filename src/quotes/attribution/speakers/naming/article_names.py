"""Who is who by name in one article: the index the speaker resolver reads.

Built once per article from its name mentions (``mentions.name_mentions``):
the full names each surname stands for and how often each is named, the full
names each first name stands for, what a title or noun says of a surname's
gender, and which mentions are subjects outside quotations.  ``full_name``
turns ``Trump`` into the article's ``Donald Trump``; ``roles_of`` lists the
roles the article gives a person; ``_gender`` says he or she where the article
or a first name does.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from quotes.attribution.common.first_names import FIRST_NAMES, first_name_gender
from quotes.attribution.common.lexicon import PERSON_NOUNS, TITLE_WORDS
from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.document.quote_marks import Quotes
from quotes.attribution.speakers.naming.mentions import in_prose, name_mentions
from quotes.attribution.speakers.roles.role_text import NAME_SUFFIXES, clean_role
from quotes.attribution.speakers.roles.offices import MORE_PEOPLE, offices_conflict
from quotes.records import ORGANIZATION, PERSON, UNKNOWN


def surname_of(name: str) -> str:
    """The surname, lower case: "Morris J. Brooks Jr." -> "brooks"."""
    tokens = name.split()
    if len(tokens) >= 3 and tokens[-1].lower().strip(".,") in NAME_SUFFIXES:
        return tokens[-2].lower().strip(",")
    return tokens[-1].lower() if tokens else ""


# offices held in a body, written between its name and the holder's
# ("Judicial Watch president Tom Fitton")
_BODY_OFFICE = re.compile(r"\b((?:[A-Z][\w&.'’-]*[ \t]+){2,5}?)(?:president|chairman|chairwoman|chair|founder|"
                          r"director|spokesman|spokeswoman|spokesperson|chief|head|leader)[ \t]+[A-Z][a-z]+[ \t]+[A-Z]")


def _body_of_office(m: re.Match) -> Optional[str]:
    """"Judicial Watch" of "Judicial Watch president Tom Fitton"; not a
    person's name ("Hillary Clinton spokesman Brian Fallon": it starts with a
    first name) nor a title ("Vice President")."""
    words = m.group(1).split()
    while words and (words[0].lower().strip(".") in TITLE_WORDS or words[0].lower() in ("the", "a", "an")):
        words = words[1:]
    if len(words) < 2 or words[0].lower() in FIRST_NAMES:
        return None
    return " ".join(words)


# "Marcel Lazăr Lehel, the hacker known as “Guccifer,”": a name the story then uses for them
_ALIAS = re.compile(r"\b([A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}),[ \t]+(?:the|a|an)[ \t]+[^,;.“”\"\n]{0,60}?"
                    r"\b(?:known[ \t]+as|nicknamed|dubbed)[ \t]+[“\"‘']([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})")


class ArticleNames:
    """The article's names, indexed once (``SpeakerResolver`` builds on it)."""

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
        # surname -> the full person names with it in the article, each with how often it
        # is named ("Barack Obama" and "Michelle Obama" stay two people)
        self.full_names: dict[str, dict[str, int]] = {}
        # and the full names ending in a suffix, by the surname before it
        # ("Representative Brooks" is the "Morris J. Brooks Jr." named before)
        self.suffixed: dict[str, dict[str, int]] = {}
        for m in self.mentions:
            tokens = m.name.split()
            if m.kind == PERSON and 2 <= len(tokens) <= 4:
                named = self.full_names.setdefault(tokens[-1].lower(), {})
                named[m.name] = named.get(m.name, 0) + 1
                if surname_of(m.name) != tokens[-1].lower():
                    named = self.suffixed.setdefault(surname_of(m.name), {})
                    named[m.name] = named.get(m.name, 0) + 1
        # alias -> the full name the article first gives it with
        self.aliases: dict[str, str] = {}
        for m in _ALIAS.finditer(self.text):
            self.aliases.setdefault(m.group(2).lower(), m.group(1))
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
                    and not self.is_surname(m.name):
                m.kind = UNKNOWN
        # names the article shows to be bodies: "Judicial Watch president Tom Fitton"
        # (an office someone else holds in it), whatever their shape says
        people = self.full_name_set()
        self.body_names = {body for m in _BODY_OFFICE.finditer(self.text)
                           for body in [_body_of_office(m)] if body and body not in people}
        # and the names the mentions found to be bodies ("Judicial Watch": no person's
        # name opens with an adjective)
        self.body_names |= {m.name for m in self.mentions if m.kind == ORGANIZATION and m.name not in people}
        for m in self.mentions:
            if m.kind == PERSON and m.name in self.body_names:
                m.kind = ORGANIZATION
        # name -> its mentions in text order, and their offsets (look-ups bisect them)
        self.mentions_by_name: dict[str, list] = {}
        for m in self.mentions:
            self.mentions_by_name.setdefault(m.name, []).append(m)
        self._starts_by_name = {name: [m.start for m in said] for name, said in self.mentions_by_name.items()}

    def _mentions_near(self, name: str, start: int, end: int) -> list:
        """The mentions of ``name`` starting in ``[start, end)``."""
        said, starts = self.mentions_by_name.get(name, []), self._starts_by_name.get(name, [])
        return said[bisect_left(starts, start):bisect_left(starts, end)]

    def _last_named_subject(self, people: list[str], position: int) -> Optional[str]:
        """Of ``people``, the one last named in full as a subject before
        ``position``, in prose, and not in a sentence naming another of them
        ("the party of Prescott Bush, George Bush and George W. Bush")."""
        best = None
        for name in people:
            for m in reversed(self._mentions_near(name, 0, position)):
                if m.is_subject and in_prose(self.parsed, m.start) and not self._named_with_kin(m, people):
                    if best is None or m.start > best.start:
                        best = m
                    break
        return best.name if best else None

    def _named_with_kin(self, mention, people: list[str]) -> bool:
        """Another of ``people`` named near ``mention`` in its sentence."""
        def sentence(char: int) -> Optional[int]:
            word = self.parsed.word_at(char)
            return word.sent if word is not None else None

        here = sentence(mention.start)
        for name in people:
            if name.split()[0] == mention.name.split()[0]:
                continue
            if any(sentence(other.start) == here
                   for other in self._mentions_near(name, mention.start - 300, mention.start + 301)):
                return True
        return False

    def full_name_set(self) -> set[str]:
        return {full for names in self.full_names.values() for full in names}

    def is_surname(self, word: str) -> bool:
        """The surname of a full name the article gives ("Brooks" of "Morris J. Brooks Jr.")."""
        return word.lower() in self.full_names or word.lower() in self.suffixed or word.lower() in self.aliases

    def full_name(self, name: str, gender: Optional[str] = None, role: Optional[str] = None,
                  position: Optional[int] = None) -> str:
        """The article's full form of a person's name: ``Donald Trump`` for
        ``Trump`` or ``Donald J. Trump``'s shorter forms; a surname shared by two
        people goes to the one a title's gender fits, else the one named most
        often (then first); a full name keeps its own first name."""
        tokens = name.split()
        if name.lower() in self.aliases:
            return self.aliases[name.lower()]
        named = self.full_names.get(tokens[-1].lower(), {}) if tokens else {}
        if not named and len(tokens) == 1:
            named = self.suffixed.get(tokens[0].lower(), {})
        if len(tokens) >= 3 and name not in named:
            # "Elizabeth Warren Hammers Wells Fargo CEO": a title-case headline
            # run holding a name the article gives in full (not "Republican
            # activists clamoring to block Donald Trump from ...": a name with
            # more description after it is whom they speak of)
            inside = [full for names in self.full_names.values() for full in names
                      if full != name and re.search(r"(?:^|\s)" + re.escape(full) + r"(?:\s|$)", name)
                      and not re.search(r"(?:^|\s)" + re.escape(full) + r"\s+(?!and\s|or\s)[a-z]", name)]
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
            # (not a headline run naming someone else or a title: "McCain Challenger Kelli Ward")
            # (nor, where the name starts with a first name already, a word run on before it:
            # "Imagine Brad Thor going up against Trump")
            longer = [n for n in named if n.lower().endswith(ending)
                      and not any(w.lower().strip(".") in TITLE_WORDS | PERSON_NOUNS | MORE_PEOPLE
                                  for w in n.split()[:len(n.split()) - len(tokens)])
                      and tokens[0].lower() not in FIRST_NAMES]
            if len(longer) == 1:
                return longer[0]
            same_first = [n for n in named if n.split()[0].lower() == tokens[0].lower()]
            return max(same_first, key=lambda n: (len(n.split()), named[n])) if same_first else name
        # "President Obama" is not the "first lady Michelle Obama" the article names
        people = [n for n in named if not any(offices_conflict(role, r) for r in self._roles_named(n))]
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
            # "a choked-up Jeb Bush ... Mr. Bush": two men of one surname, the one last
            # named in full as a subject (not "the dynasty of George W. Bush")
            if position is not None and len({n.split()[0].lower() for n in people}) > 1:
                last = self._last_named_subject(people, position)
                if last:
                    return last
        firsts: dict[str, int] = {}
        for n in people:
            firsts[n.split()[0].lower()] = firsts.get(n.split()[0].lower(), 0) + named[n]
        # (a first name over a word a headline ran into the name: "Absent Trump derides
        # debate" above "Donald Trump threatened ...")
        first = max(firsts, key=lambda f: (f in FIRST_NAMES, firsts[f], -min(people.index(n) for n in people
                                                                           if n.split()[0].lower() == f)))
        return max((n for n in people if n.split()[0].lower() == first), key=lambda n: (len(n.split()), named[n]))

    def roles_of(self, canonical: str) -> list[str]:
        """Every role the article gives the person ``canonical`` names, in order."""
        surname = surname_of(canonical)
        # (a surname alone, where two people here have it, says nothing of whose role it is)
        shared = len({n.split()[0].lower() for n in self.full_names.get(surname, {})}) > 1
        return [m.role for m in self.mentions if m.role and m.kind == PERSON and m.name.split()
                and surname_of(m.name) == surname and not (shared and len(m.name.split()) == 1)
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

    def _gender(self, name: str) -> Optional[str]:
        """A name's gender from a title or noun beside it: the full name's own
        ("his wife Hillary Clinton"), else its surname's where only one person
        here has that surname ("Mrs. Clinton" says nothing of Bill Clinton)."""
        if not name.split():
            return None
        if len(name.split()) == 1 and self.is_surname(name):
            name = self.full_name(name)      # "Trump" -> "Donald Trump" when the article says so
        own = self._first_name_gender(name) if len(name.split()) > 1 else None
        surname = name.split()[-1].lower()
        if own or len({n.split()[0].lower() for n in self.full_names.get(surname, {})}) > 1:
            return own
        return self.genders.get(surname)
