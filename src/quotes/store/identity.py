"""Who is who across the corpus: one speaker row per person or body.

The extractor gives each quote an article-level speaker name ("Donald J.
Trump", "Mr. Lavrov", "FBI").  Here those names become identity keys, and a
key becomes a speakers row:

- a person's key is their first and last name, honorifics, middle names and
  initials dropped, suffixes kept (``Donald J. Trump`` = ``Donald Trump``,
  ``Donald Trump Jr.`` apart), the first name folded for transliteration
  (``Sergei`` = ``Sergey``) and nothing else: ``Bill Clinton`` and ``Hillary
  Clinton`` never meet;
- a surname alone (``Blinken``, ``Mr. Lavrov``) joins the one person of the
  corpus with that surname, the one the article names in full, or the one
  whose role agrees; when it cannot tell, it stays a row of its own;
- a body's key is its name without article, possessive or punctuation, and
  its initials join its full name (``FBI``); unnamed sources keep their own
  description and are never merged with a named person.

Everything here is a function of the names stored, not of the order they
came in: a surname row is re-linked when the first full name with that
surname arrives.  A user's corrections (``quotes speakers merge/split``) are
stored by name and applied before any rule, so they survive re-ingest.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

HONORIFICS = frozenset("mr mrs ms miss dr sir dame sen rep gov lt gen col sgt prof rev fr".split())
SUFFIXES = frozenset("jr sr ii iii iv".split())
PARTICLES = frozenset("de del della der van von bin al el la le da di du st".split())
PERSON, ORGANIZATION, COUNTRY = "person", "organization", "country"
GROUP, UNNAMED = "group", "unnamed"
_TRANSLIT = [("ks", "x"), ("y", "i"), ("ph", "f"), ("kh", "h")]


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'").casefold()


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", _plain(name).strip()) if w]


def fold_first_name(first: str) -> str:
    """``Sergey`` and ``Sergei``, ``Aleksei`` and ``Alexey``: one spelling."""
    out = first
    for a, b in _TRANSLIT:
        out = out.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", out)


@dataclass(frozen=True)
class PersonName:
    first: Optional[str]       # folded, None for a surname alone
    last: str                  # may hold particles: "de blasio"
    suffix: str = ""

    @property
    def key(self) -> str:
        return "p:" + " ".join(x for x in (self.first or "?", self.last, self.suffix) if x)


def person_name(name: str) -> Optional[PersonName]:
    """First and last name of a person's name, or None when it is not one."""
    words = [w.strip(".,") for w in _words(name.replace("'s ", " "))]
    words = [w for w in words if w]
    if words and words[-1] in ("'s", "s"):
        words = words[:-1]
    if words:
        words[-1] = re.sub(r"'s?$", "", words[-1])
    while words and words[0] in HONORIFICS:
        words = words[1:]
    suffix = ""
    if len(words) > 1 and words[-1] in SUFFIXES:
        suffix, words = words[-1], words[:-1]
    if not words or len(words) > 5 or not all(re.fullmatch(r"[\w'-]+", w) for w in words):
        return None
    if len(words) == 1:
        return PersonName(None, words[0], suffix)
    # the surname keeps its particles ("de Blasio", "bin Laden"); middle names and initials go
    k = len(words) - 1
    while k > 1 and words[k - 1] in PARTICLES:
        k -= 1
    last = " ".join(words[k:])
    first = words[0]
    if len(first) == 1:            # "J. Trump"? an initial is not a first name
        return PersonName(None, last, suffix)
    return PersonName(fold_first_name(first), last, suffix)


def body_key(name: str) -> str:
    words = [re.sub(r"'s?$", "", w.strip(".,")) for w in _words(name)]
    words = [w for w in words if w and w not in ("the",)]
    return "o:" + " ".join(words)


def initials(name: str) -> str:
    words = [w for w in re.findall(r"[\w'-]+", _plain(name)) if w not in ("of", "the", "and", "for", "&")]
    return "".join(w[0] for w in words)


def acronym(name: str) -> Optional[str]:
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I).replace(".", "")
    return bare.lower() if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper() else None


# words that make a capitalised name a body's, not a person's ("Apple Inc", "Fox News")
BODY_WORDS = frozenset("""party campaign committee department ministry news times post journal university
association council bank group inc corp company agency office house court institute foundation center centre
fund service network commission administration government union club board bureau poll""".split())


def looks_like_person(name: str) -> bool:
    """An untyped name shaped like a person's: two to four capitalised words, no body word."""
    words = name.split()
    return (2 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in PARTICLES for w in words)
            and not {w.lower().strip(".,") for w in words} & BODY_WORDS)


def identity_key(name: str, kind: str) -> str:
    """The key a name is stored under before corpus-level linking."""
    if kind in (GROUP, UNNAMED):
        return "u:" + " ".join(_words(name))
    if kind == PERSON or (kind in ("unknown", "", None) and looks_like_person(name)):
        parsed = person_name(name)
        if parsed:
            return parsed.key
    return body_key(name)


def fuller(a: str, b: str) -> str:
    """The fuller of two names for one speaker: more words, then fewer
    honorifics and possessives, then the alphabetically first (for order
    independence)."""
    def rank(name: str):
        words = name.split()
        junk = sum(w.lower().strip(".") in HONORIFICS for w in words) + ("'s" in name or "\u2019s" in name)
        return (-junk, len(words), len(name), [-ord(c) for c in name])
    return max(a, b, key=rank)


def canonical_name(counts: dict[str, int]) -> str:
    """The name a row shows, from its names and how many quotes use each: the
    complete names (a first name, no honorific or possessive) first, then the
    most used of them ("Donald Trump" over "Donald J. Trump"), then the one
    without middle initials, then the alphabetically first, so the choice never depends on ingest order."""
    def rank(name: str):
        words = name.split()
        clean = not any(w.lower().strip(".") in HONORIFICS for w in words) and not re.search(r"['’]s?\b$", name)
        parsed = person_name(name)
        complete = len(words) > 1 and (parsed is None or parsed.first is not None)
        initials_used = sum(len(w.strip(".")) == 1 for w in words[1:-1])
        return (clean, complete, counts[name], -initials_used, [-ord(c) for c in name])
    return max(counts, key=rank)
