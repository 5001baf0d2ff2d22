"""A role as a tracker shows it: no honorific, party tag or leading article,
cut before a clause, and short ("Kremlin spokesman", not "a man who has been
saying that for years"); a name inside a role reads as one word."""
from __future__ import annotations

import re
from typing import Optional

from quotes.attribution.common.lines import without_dateline
from quotes.attribution.speakers.naming.names import HONORIFICS, PARTY_TAG

# an age set beside a name before the role ("Mr. Clinton, 69,")
AGE = re.compile(r"\d{1,3},?")
CLAUSE_OPENERS = frozenset("who whom whose which that where when because after before while adding saying including like such".split())
MAX_ROLE_WORDS = 8
# what ends a name without being its surname ("Morris J. Brooks Jr.")
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())


def clean_role(role: Optional[str]) -> Optional[str]:
    """A role as a tracker shows it: no honorific (``Mr.`` is not a role), no
    party tag, no leading article, cut before a clause, and not a long
    description (over eight words is a sentence, not a role)."""
    if not role:
        return None
    words = PARTY_TAG.sub("", without_dateline(role)).strip(" ,;:").split()
    if len(words) > 1 and AGE.fullmatch(words[0]):
        words = words[1:]       # "Luay Sami, 33, the community center's program coordinator"
    while words and words[0].lower().strip(".") in HONORIFICS | {"the", "a", "an"}:
        words = words[1:]
    for k, word in enumerate(words):
        if word.lower().strip(",") in CLAUSE_OPENERS or (k and words[k - 1].endswith(",")):
            words = words[:k]
            break
    if len(words) > MAX_ROLE_WORDS:
        # "political science professor at Seton Hall University in New Jersey": the
        # role without the last place it names, when that makes it short enough
        cuts = [k for k in range(2, min(len(words), MAX_ROLE_WORDS + 1))
                if words[k].lower() in ("in", "at", "from", "near", "on")]
        words = words[:cuts[-1]] if cuts else words
    text = " ".join(words).strip(" ,;:")
    if not text or role_length(text) > MAX_ROLE_WORDS or not any(c.isalpha() for c in text):
        return None
    if text.lower().strip(".") in NAME_SUFFIXES:
        return None         # "Brent Bozell, Jr.": part of the name
    return text


# a proper name inside a role, "of the Fort Des Moines Church of Christ"
_NAME_IN_ROLE = re.compile(r"[A-Z][\w.'’&-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w.'’&-]*)*")


def role_length(role: str) -> int:
    """How long a role reads: a name inside it is one word ("pastor of the Fort
    Des Moines Church of Christ" is four)."""
    return len(_NAME_IN_ROLE.sub("N", role).split())
