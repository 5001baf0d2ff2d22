"""Roles an article gives a person by calling them by their office.

News style names a person once and then writes "The Republican presidential
nominee noted Friday ...", "the attorney general" or "the former secretary
of state's emails" where a reader knows who is meant. Those phrases are
roles of that person even where nobody is quoted in them, so the speaker's
records can show the office rather than the party label or nothing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from quotes.attribution.speakers.descriptions import PARTY_WORDS, party_office_person, party_set
from quotes.attribution.speakers.roles.offices import OFFICES, expand_titles, role_head
from quotes.records import PERSON

if TYPE_CHECKING:
    from quotes.attribution.speakers.coreference import SpeakerResolver

# the nouns an office phrase may end on ("first lady" is an office too)
OFFICE_NOUNS = OFFICES | {"lady"}
MODIFIER_TAGS = ("ADJ", "PROPN", "NOUN")
MAX_MODIFIERS = 5


def office_phrases(parsed) -> list[tuple[int, str]]:
    """(offset, words without "the") of each "the <modifiers> <office>" that is a
    clause's subject or a possessor, and is not a title before a name ("the
    Republican nominee Donald Trump" is named there already)."""
    words = parsed.words
    out = []
    for w in words:
        if w.lower != "the":
            continue
        k = w.index + 1
        while k < len(words) and k - w.index <= MAX_MODIFIERS and words[k].sent == w.sent \
                and words[k].upos in MODIFIER_TAGS and words[k].lower not in OFFICE_NOUNS:
            k += 1
        if k >= len(words) or words[k].sent != w.sent or words[k].lower not in OFFICE_NOUNS:
            continue
        head = words[k]
        if head.lower == "lady" and words[k - 1].lower != "first":
            continue
        while k + 1 < len(words) and words[k + 1].sent == w.sent and words[k + 1].lower in OFFICE_NOUNS:
            k += 1                 # "the attorney general", "the vice president"
            head = words[k]
        end = k
        # "the former secretary of state"
        if end + 2 < len(words) and words[end + 1].lower == "of" and words[end + 2].upos in ("NOUN", "PROPN") \
                and words[end + 2].sent == w.sent:
            end += 2
        following = words[end + 1] if end + 1 < len(words) and words[end + 1].sent == w.sent else None
        if following is not None and following.upos == "PROPN":
            continue
        possessor = following is not None and following.text in ("'s", "’s", "'", "’")
        if head.rel != "nsubj" and not possessor and not _conjoined_subject(words, head):
            continue
        out.append((w.start, parsed.text[words[w.index + 1].start:words[end].end]))
        # "the former secretary of state and current Democratic presidential nominee"
        if following is not None and following.lower == "and":
            k = following.index + 1
            first = k
            while k < len(words) and k - first < MAX_MODIFIERS and words[k].sent == w.sent \
                    and words[k].upos in MODIFIER_TAGS and words[k].lower not in OFFICE_NOUNS:
                k += 1
            if k < len(words) and words[k].sent == w.sent and words[k].lower in OFFICE_NOUNS and k > first \
                    and not (k + 1 < len(words) and words[k + 1].upos == "PROPN"):
                if words[first].lower in ("current", "now"):
                    first += 1
                out.append((w.start, parsed.text[words[first].start:words[k].end]))
    return out


def _conjoined_subject(words, head) -> bool:
    """The office is the second of two joined ones heading a subject."""
    return head.rel == "conj" and head.head is not None and words[head.head].rel == "nsubj"


# words that make another office of the same noun: "vice presidential
# nominee" is not the "presidential nominee", a "former" governor not the governor
RANK_WORDS = frozenset("vice deputy assistant associate lieutenant acting former co-chair first".split())
# ("Libertarian presidential candidate": a party too, where roles are matched)
PARTIES = PARTY_WORDS | {"libertarian", "green"}


def _words(role: str) -> set[str]:
    return set(expand_titles(role).lower().replace("-", " ").replace(",", " ").split())


def fits(phrase: str, role: str) -> bool:
    """A role an article gave by name can be the office ``phrase`` names: the
    same head noun, no other party, the same rank."""
    if role_head(expand_titles(phrase)) != role_head(expand_titles(role)):
        return False
    said, known = _words(phrase), _words(role)
    parties, theirs = party_set(said, PARTIES), party_set(known, PARTIES)
    if parties and not parties & theirs:
        return False          # ("Libertarian" may be lost from "presidential candidate Gary Johnson")
    return said & RANK_WORDS == known & RANK_WORDS


def _person(resolver: "SpeakerResolver", named: dict, phrase: str, offset: int) -> Optional[str]:
    """Who the office phrase at ``offset`` means: the last person named before
    it with a role it fits, else the only one in the article; else, for a
    party's office, the person the story is about just named. ``named``: the
    article's people named in full with a role, by the role's head noun."""
    found = [(start, name) for start, name, role in named.get(role_head(expand_titles(phrase)), [])
             if fits(phrase, role)]
    before = [f for f in found if f[0] < offset]
    if before:
        return max(before)[1]
    if found:
        people = {name for _, name in found}
        return people.pop() if len(people) == 1 else None
    return party_office_person(resolver, phrase, offset)


def described_roles(resolver: "SpeakerResolver", parsed) -> dict[str, list[str]]:
    """Canonical person -> the office phrases the article calls them by."""
    out: dict[str, list[str]] = {}
    phrases = office_phrases(parsed)
    if not phrases:
        return out
    # (indexed once by head noun: an article of many offices stays linear)
    named: dict[str, list[tuple[int, str, str]]] = {}
    for m in resolver.mentions:
        if m.kind == PERSON and m.role and len(m.name.split()) > 1:
            named.setdefault(role_head(expand_titles(m.role)), []).append((m.start, resolver.full_name(m.name), m.role))
    for offset, phrase in phrases:
        name = _person(resolver, named, phrase, offset)
        if name and not _said_by(parsed, offset, name):
            out.setdefault(name, []).append(phrase)
    return out


def _said_by(parsed, offset: int, name: str) -> bool:
    """The phrase is in what ``name`` says or thinks ("Marco Rubio still
    believes that the presumptive GOP nominee is unfit": the nominee is
    someone else), the subject of the verb its clause hangs on."""
    word = parsed.word_at(offset)
    surname = name.split()[-1].lower()
    for _ in range(8):
        if word is None or word.head is None:
            return False
        rel, word = word.rel, parsed.words[word.head]
        if rel == "ccomp":
            subjects = parsed.kids(word.index, "nsubj")
            return any(parsed.words[i].lower == surname for s in subjects for i in parsed.subtree(s.index))
    return False
