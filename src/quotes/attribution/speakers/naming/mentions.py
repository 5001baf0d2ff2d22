"""The names an article holds, and the tests that tell one speaker from another.

Proper-noun runs (with the titles before them) become ``NameMention``s; a
speaker once resolved is an ``Entity``.  The tests here decide when a short
form is a body's name (``WHO``, ``the Fed``), when a description points back
(``the teacher``) and a person's gender from a title (``Mrs.``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from quotes.attribution.common.first_names import FIRST_NAMES
from quotes.attribution.common.lines import short_line, title_case
from quotes.attribution.common.lexicon import FEMALE_WORDS, MALE_WORDS, MEDIA_HEAD_WORDS, ORG_NOUNS, TITLE_WORDS
from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.speakers.naming.name_runs import (MAX_ROLE_MODIFIERS, NOT_NAME_ADJECTIVES, PARTY_LABEL_WORDS,
                                                             PLACE_PREPOSITIONS, described_from, heading, in_subject,
                                                             initial_split, mistagged_surname, name_adjective,
                                                             without_full_stop)
from quotes.attribution.speakers.roles.beside_names import (apposition, apposition_before, named_as, named_as_before,
                                                                 predicate)
from quotes.attribution.speakers.naming.names import DETERMINERS, HONORIFICS, describe_speaker, split_name_role
from quotes.attribution.speakers.roles.offices import (RELATIONAL, expand_titles, party_office_of_place, person_noun,
                                                    role_head, with_state)
from quotes.records import ORGANIZATION, PERSON

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
            out |= _content_tokens(expand_titles(self.role))
        return out


@dataclass
class NameMention:
    name: str
    role: Optional[str]
    kind: str
    start: int
    is_subject: bool
    gender: Optional[str] = None
    title: Optional[str] = None     # "Rep." before a name set beside another role


def gender_of(*texts: Optional[str]) -> Optional[str]:
    """"m" / "f" from titles and nouns ("Mrs.", "spokeswoman"), else None."""
    words = {w.lower() for t in texts if t for w in re.findall(r"[\w.]+", t)}
    male, female = bool(words & MALE_WORDS), bool(words & FEMALE_WORDS)
    return "m" if male and not female else "f" if female and not male else None


def name_mentions(parsed: ParsedText) -> list[NameMention]:
    """Runs of proper nouns in the article, split into name and role."""
    out = []
    words = parsed.words
    # surnames, as the words after a first name ("Embattled Clinton said" is no body)
    surnames = {words[x].lower for x in range(1, len(words))
                if words[x].upos == "PROPN" and words[x - 1].lower in FIRST_NAMES}
    i = 0
    while i < len(words):
        if words[i].upos != "PROPN":
            i += 1
            continue
        j = i
        # (a name never runs over a line break: "Centre\nSpeakers", "Briggs\nCASTELLANO:")
        while j + 1 < len(words) and (words[j + 1].sent == words[i].sent or initial_split(words, j - 1)) \
                and "\n" not in parsed.text[words[j].end:words[j + 1].start] and (
                words[j + 1].upos == "PROPN" or initial_split(words, j) or (words[j + 1].lower == "of" and j + 2 < len(words)
                                                 and words[j + 2].upos == "PROPN")
                # "Information Commissioner's Office": a body named with a possessive
                or (words[j + 1].text in ("'s", "’s") and j + 2 < len(words) and words[j + 2].upos == "PROPN"
                    and words[j + 2].lower in ORG_NOUNS and words[j + 1].start == words[j].end)
                # "Jo-Renee Formicola": a hyphenated first name split by the tokenizer
                or (words[j + 1].text == "-" and words[j + 1].start == words[j].end and j + 2 < len(words)
                    and words[j + 2].upos == "PROPN" and words[j + 2].start == words[j + 1].end)
                or mistagged_surname(words, j)):
            j += 1
        # titles written before the run ("Kremlin spokesman Dmitry Peskov"), and
        # capitalised adjectives the tagger split off a name ("the Federal Reserve")
        adjective = name_adjective(words, i, j, surnames) and in_prose(parsed, words[i].start)
        k = i - 1 if adjective else i
        while k - 1 >= 0 and words[k - 1].sent == words[i].sent and words[k - 1].upos in ("NOUN", "PROPN", "ADJ") \
                and (words[k - 1].lower.strip(".") in TITLE_WORDS | {"spokesman", "spokeswoman", "minister"}
                     or (words[k - 1].upos == "ADJ" and words[k - 1].text[:1].isupper()
                         and words[k - 1].lower not in NOT_NAME_ADJECTIVES and words[j].lower in ORG_NOUNS
                         and k - 2 >= 0 and words[k - 2].sent == words[i].sent)):
            k -= 1
        while k - 2 >= 0 and words[k - 1].lower in ("of", "-") and words[k - 2].sent == words[i].sent \
                and words[k - 2].lower in TITLE_WORDS:
            k -= 2          # "Secretary of State Hillary Clinton": the office whole
            while k - 1 >= 0 and words[k - 1].sent == words[i].sent and words[k - 1].lower.strip(".") in TITLE_WORDS:
                k -= 1
        # ("presumptive nominee Donald Trump", "outgoing Sen. Harry Reid": what qualifies the title)
        # (and a title inside the run: "Supreme Court Justice Sonia Sotomayor")
        titled_run = any(w.lower.strip(".") in TITLE_WORDS or person_noun(w.lower) for w in words[i:j])
        while k > 0 and (i > k or titled_run and words[k - 1].text[:1].isupper()) and i - k < MAX_ROLE_MODIFIERS \
                and words[k - 1].upos == "ADJ" \
                and words[k - 1].sent == words[i].sent and words[k - 1].text[:1].isalpha():
            k -= 1
        k = described_from(words, k, i)
        mention = without_full_stop(parsed.text[words[k].start:words[j].end])
        if not adjective and not titled_run and (
                k < i and words[k].upos != "PROPN" and words[k].text[:1].isupper() and words[i - 1].text[:1].islower()
                or k == i - 1 and words[k].text[:1].isupper() and words[k].upos != "PROPN"):
            opening = k == 0 or words[k - 1].sent != words[k].sent
            if opening and words[k].lower.strip(".") not in TITLE_WORDS | PARTY_LABEL_WORDS:
                # "Comedian Sarah Silverman", "Talk show host Glenn Beck" opening a
                # sentence: a description, capitalised there
                mention = mention[:1].lower() + mention[1:]
        name, role = split_name_role(mention)
        desc = describe_speaker(mention, "PROPN")
        if adjective:
            desc.kind = ORGANIZATION     # (no person's name opens with an adjective)
        if k > 0 and words[k - 1].lower == "the" and words[j].text in ("Republican", "Democrat"):
            i = j + 1       # "the South Carolina Republican": a description of someone, not a name
            continue
        title = role
        if desc.kind == PERSON:
            # "Sen. Lindsey Graham (R-S.C.)": the state the party tag gives
            role = title = with_state(role, parsed.text[words[j].end:words[j].end + 16])
            beside = apposition(parsed, i, j)
            if beside and role_head(beside) in RELATIONAL:
                beside = None       # "Former House speaker Newt Gingrich, a Trump ally": the office is the role
            # (an honorific alone is no role: "As secretary of state, Mrs. Clinton")
            titled = role if role and role.lower().strip(".") not in HONORIFICS else None
            # ("Senator Lindsey Graham, Republican of South Carolina": the two make one role)
            combined = party_office_of_place([titled, beside]) if titled and beside else None
            role = combined or beside or predicate(parsed, i, j) or titled or apposition_before(parsed, k) \
                or named_as(parsed, i, j) or named_as_before(parsed, k) or role
        # (not a place inside the subject: "Gisela Grimm, 67, a retiree from Las Vegas,
        # stood ... as she talked": she is Grimm)
        placed = k > 0 and words[k - 1].sent == words[k].sent and words[k - 1].upos == "ADP" \
            and words[k - 1].lower in PLACE_PREPOSITIONS
        is_subject = not placed and any(in_subject(words, x) for x in range(k, j + 1)) or heading(words, k, j)
        out.append(NameMention(name, role, desc.kind, words[i].start, is_subject, gender_of(title, role),
                               title if title != role else None))
        i = j + 1
    return out



# short names a body goes by that are not its initials
SHORT_NAMES = {"fed": "federal reserve", "un": "united nations", "eu": "european union",
               "pentagon": "department of defense", "kremlin": "russian presidency"}


def _short_form(short: str, full: str) -> bool:
    """"WHO" is the World Health Organization, "the Fed" the Federal Reserve."""
    short_low, full_low = short.lower().replace(".", ""), full.lower()
    if SHORT_NAMES.get(short_low) and SHORT_NAMES[short_low] == re.sub(r"^the\s+", "", full_low):
        return True
    # "the Times" is The New York Times, "the Post" The Washington Post
    bare = re.sub(r"^the\s+", "", short_low)
    if bare in MEDIA_HEAD_WORDS and len(full.split()) >= 2 and full_low.split()[-1] == bare \
            and bare != re.sub(r"^the\s+", "", full_low):
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
    # (a body's noun: "many" is no short form of Germany)
    return noun in ORG_NOUNS and len(noun) >= 4 and low.endswith(noun) and len(low) >= len(noun) + 3


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
    words = description.split()
    for k, word in enumerate(words[1:], 1):
        if word.lower() in ("in", "from", "at", "near", "outside"):
            words = words[:k]           # "woman in Falmouth": the head is before the place
            break
    head = words[-1].lower() if words else ""
    return "," not in description and (head in ANAPHORIC_HEADS or bool(re.fullmatch(r"\d+-year-old", head)))


def spelled_within(phrase: str, names: list[str]) -> bool:
    """A description written as a name ("Tax Policy Center", every word
    capitalised) names only what holds those words in that order; any other
    description matches by its words alone."""
    words = phrase.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return True
    needle = " ".join(words).lower()
    return any(needle in name.lower() for name in names)


def _plural(description: str) -> bool:
    head = description.split()[-1].lower() if description.split() else ""
    return head.endswith("s") and not head.endswith("ss") or head in ("people", "police", "staff")


def in_prose(parsed: ParsedText, offset: int) -> bool:
    """The offset is in a sentence that ends as prose does, not a headline."""
    at = bisect.bisect_right([sent.start for sent in parsed.sentences], offset) - 1
    if at < 0:
        return False
    sentence = parsed.text[parsed.sentences[at].start:parsed.sentences[at].end].rstrip()
    if sentence[-1:] not in ".!?\"”’'":
        return False
    # ("Media Growls In Response To Kaine’s Claim Clinton ‘Talks To the Press
    # Everywhere She Goes.’": a headline in title case on a line of its own)
    line = short_line(parsed.text, parsed.sentences[at].start)
    words = sentence.split()
    return not (line is not None and line.strip() == sentence.strip() and len([w for w in words if len(w) > 3]) >= 4
                and title_case(words))
