"""What the sentence around a name says the person is: a noun phrase set
beside it (``Kevin Sullivan, Connecticut's tax commissioner,``; ``the club's
executive director, Jeremy Boreing``; ``Ayotte - the first-term senator``) or
what a copula says of it (``Charlotte Meehan is playwright-in-residence at
Wheaton College``), or the office it is named "as" (``With Donald Trump as the
presumptive Republican nominee``), read off the parse.  ``mentions.name_mentions`` takes a
name's role from here when no title is written before it."""
from __future__ import annotations

from typing import Optional

from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.speakers.roles.offices import OFFICE_HEADS, person_noun


def apposition(parsed: ParsedText, i: int, j: int) -> Optional[str]:
    """``Kevin Sullivan, Connecticut's tax commissioner, ...``: the noun
    phrase set beside a name, up to its head noun and what names its place
    ("director of the Institute for Policy Integrity"), never a clause."""
    words = parsed.words
    if j + 2 >= len(words) or words[j + 1].text not in (",", "-", "--", "–", "—") or words[j + 2].sent != words[j].sent:
        return None
    heads = [w for w in words[j + 2:j + 14] if w.rel == "appos" and w.head is not None and i <= w.head <= j]
    if not heads and words[j + 1].text == "," and words[j + 2].upos == "DET":
        # "O'Malley, the former governor of Maryland ..., stressed": the parser
        # took the aside for a second subject of the name's own verb
        heads = [w for w in words[j + 3:j + 9] if w.rel == "nsubj" and w.head is not None
                 and w.head == words[j].head and words[j].rel == "nsubj"][:1]
    if not heads and words[j + 1].text != "," and words[j + 2].upos == "DET":
        # "Ayotte - the first-term senator from New Hampshire who ...": a dash
        # aside the parser may hang elsewhere; the noun ending its first phrase, when a person's
        phrase = []
        for w in words[j + 3:j + 9]:
            if w.upos in ("ADP", "VERB", "AUX", "PRON", "CCONJ", "SCONJ") or (w.upos == "PUNCT" and w.text != "-"):
                break
            phrase.append(w)
        heads = [w for w in phrase if w.upos == "NOUN"][-1:]
    if not heads or not person_noun(heads[0].lower):
        return None
    return noun_phrase(parsed, j + 2, heads[0].index, j)


def apposition_before(parsed: ParsedText, k: int) -> Optional[str]:
    """``the club's executive director, Jeremy Boreing, ...``: the noun phrase
    a name is set beside, written before it; only a definite one for a person
    (not "the talks, Smith said")."""
    words = parsed.words
    if k < 3 or words[k - 1].text != "," or words[k].rel != "appos" or words[k].head != k - 2:
        return None
    head = words[k - 2]
    if head.upos != "NOUN" or not person_noun(head.lower) or head.sent != words[k].sent:
        return None
    first = min(parsed.subtree(head.index))
    while first < head.index and words[first].upos in ("DET", "ADP", "PUNCT"):
        first += 1
    if first == head.index and words[first - 1].lower not in ("the", "its", "his", "her", "their") \
            and not words[first - 1].text.endswith(("'s", "’s")):
        return None
    return parsed.text[words[first].start:head.end]


def predicate(parsed: ParsedText, i: int, j: int) -> Optional[str]:
    """``Charlotte Meehan is playwright-in-residence at Wheaton College``: what
    a copula says the named subject is, when it is a noun for a person."""
    words = parsed.words
    subject = next((w for w in words[i:j + 1] if w.rel == "nsubj" and w.head is not None), None)
    if subject is None:
        return None
    head = words[subject.head]
    copula = parsed.kids(head.index, "cop")
    if head.upos != "NOUN" or not copula or copula[0].index != j + 1 or head.index > j + 8:
        return None
    if parsed.kids(head.index, "mark") or head.lower in ("man", "woman", "person", "people", "guy"):
        return None           # "If Donald Trump were a woman": no role
    first = j + 2
    while first < head.index and words[first].upos in ("DET",):
        first += 1
    # only a plain noun phrase: not "not an employee of RT", "like a sprinter", "also a donor"
    if any(w.upos not in ("ADJ", "NOUN", "PROPN", "PUNCT", "ADP") or (w.upos == "ADP" and w.text != "in")
           for w in words[first:head.index]) or words[first].upos == "PUNCT":
        return None
    # ("playwright-in-residence": the tokenizer splits it, the noun is its first part)
    last_word = parsed.text[words[first].start:head.end].split()[-1]
    if not (person_noun(head.lower) or person_noun(last_word)):
        return None
    return noun_phrase(parsed, first, head.index, j)


def noun_phrase(parsed: ParsedText, first: int, head: int, j: int) -> str:
    """From ``first`` through the head noun and what names its place."""
    words = parsed.words
    heads = [words[head]]
    end = heads[0].index
    while end + 1 < len(words) and words[end + 1].sent == words[j].sent and end - j < 14 and (
            words[end + 1].upos in ("ADP", "PROPN") or (words[end + 1].upos in ("DET", "ADJ", "NOUN")
                                                         and words[end].upos != "NOUN")
            or (words[end + 1].upos in ("DET", "ADJ", "NOUN", "PROPN") and words[end].upos in ("ADP", "DET", "ADJ"))):
        end += 1
    while end > heads[0].index and words[end].upos in ("ADP", "DET", "ADJ"):
        end -= 1
    while end + 2 < len(words) and words[end + 1].text == "-" and words[end + 1].start == words[end].end \
            and words[end + 2].start == words[end + 1].end:
        end += 2            # ("son of the Republican presidential front-runner": a word the tokenizer split)
    return parsed.text[words[first].start:words[end].end]


def named_as(parsed: ParsedText, i: int, j: int) -> Optional[str]:
    """``With Donald Trump as the presumptive Republican nominee``: an office a
    name is said to hold with "as" right after it (an office only: "described
    Clinton as a liar" gives her no role)."""
    words = parsed.words
    if j + 2 >= len(words) or words[j + 1].lower != "as" or words[j + 2].sent != words[j].sent:
        return None
    first = j + 2 + (words[j + 2].lower in ("the", "a", "an"))
    head = first
    while head < len(words) and head - first < 5 and words[head].sent == words[j].sent \
            and words[head].upos in ("ADJ", "NOUN", "PROPN") and words[head].lower not in OFFICE_HEADS:
        head += 1
    if head >= len(words) or words[head].lower not in OFFICE_HEADS or words[head].upos != "NOUN" \
            or words[head].head is None or not i <= words[head].head <= j:
        return None       # (the office hangs on the name, not on a verb: "served with Obama as secretary")
    return noun_phrase(parsed, first, head, j)


def named_as_before(parsed: ParsedText, k: int) -> Optional[str]:
    """``As secretary of state, Mrs. Clinton played a prominent role``: the
    office a sentence opens by naming, for the name right after its comma."""
    words = parsed.words
    if k < 3 or words[k - 1].text != ",":
        return None
    start = k - 2
    while start > 0 and k - start < 9 and words[start - 1].sent == words[k].sent and words[start].lower != "as":
        start -= 1
    opens = start == 0 or words[start - 1].sent != words[k].sent
    if words[start].lower != "as" or not opens:
        return None
    phrase = words[start + 1:k - 1]
    if not phrase or any(w.upos not in ("DET", "ADJ", "NOUN", "PROPN", "ADP") for w in phrase) \
            or not any(w.lower in OFFICE_HEADS and w.upos == "NOUN" for w in phrase):
        return None
    first = start + 1 + (phrase[0].lower in ("the", "a", "an"))
    return parsed.text[words[first].start:words[k - 2].end]
