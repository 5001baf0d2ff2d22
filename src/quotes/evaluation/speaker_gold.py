"""The hand gold for ``quotes evaluate --speakers`` and how its fields are
compared: names, roles and channels folded, mentions classed, junk told.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her", "them", "you", "his", "hers", "its",
            "their", "who", "which", "that", "himself", "herself", "themselves", "me", "us", "our", "my"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mr.", "mrs.", "ms.", "dr."}
CLAUSE_WORDS = re.compile(r"\b(who|whom|which|that|adding|saying|said|says|told|when|because)\b", re.I)
DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,}(\s*\([^)]*\))?\s*(--|—|–|-)\s")
MAX_NAME_CHARS = 40
MAX_ROLE_WORDS = 8
# channel words that name the same medium
CHANNEL_SYNONYMS = {"twitter": "tweet", "tweets": "tweet", "news release": "press release",
                    "press statement": "statement", "news conference": "press conference",
                    "facebook post": "post", "e-mail": "email", "emails": "email",
                    "televised interview": "television interview", "tv interview": "television interview"}


def fold(text: Optional[str]) -> str:
    """Lower case, straight apostrophes, initials without full stops, no
    honorific, no leading article, single spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    # ("F.B.I. director" is the "FBI director"; "U.S." the "US")
    text = re.sub(r"\b(?:[A-Za-z]\.){2,}", lambda m: m.group(0).replace(".", ""), text)
    words = text.casefold().replace("'s ", " ").split()
    while words and words[0] in HONORIFICS | {"the", "a", "an"}:
        words = words[1:]
    return " ".join(w.strip(".,;:") for w in words).removesuffix("'s").strip()


def fold_channel(text: Optional[str]) -> str:
    """The medium, folded: "speech at the Democratic National Convention" is a
    speech (the extractor keeps the setting, as the example article's gold
    asks; this gold names the medium only)."""
    folded = re.sub(r"\s+(?:at|during)\s.*$", "", fold(text))
    return CHANNEL_SYNONYMS.get(folded, folded)


def mention_kind(mention: Optional[str]) -> str:
    """How the text names the speaker at this quote: pronoun, name, description or none."""
    if not mention:
        return "none"
    words = mention.split()
    if mention.casefold() in PRONOUNS:
        return "pronoun"
    if words[0].casefold() in {"the", "a", "an", "one", "two", "some", "many", "several", "his", "her",
                               "their", "its", "other", "another", "most", "both"} or mention[0].islower():
        return "description"
    return "name"


def role_matches(gold: Optional[str], predicted: Optional[str]) -> bool:
    """Same role, allowing a shorter or longer form that keeps most of its words
    ("presidential nominee" for "Republican presidential nominee") and a body
    named by its initials ("former DNC chairman")."""
    g, p = fold(_spell_initials(gold, predicted)), fold(_spell_initials(predicted, gold))
    if not g or not p:
        return g == p
    if g == p:
        return True
    gw, pw = g.split(), p.split()
    shorter, longer = (gw, pw) if len(gw) <= len(pw) else (pw, gw)
    if all(w in longer for w in shorter) and len(shorter) / len(longer) >= 0.6:
        return True
    return False


def _spell_initials(role: Optional[str], other: Optional[str]) -> Optional[str]:
    """``former DNC chairman`` beside ``former Democratic National Committee
    chairman``: the initials spelt out as the other role spells them."""
    if not role or not other:
        return role
    words = other.split()
    for short in re.findall(r"\b[A-Z]{2,5}\b", role):
        for k in range(len(words) - len(short) + 1):
            run = words[k:k + len(short)]
            if "".join(w[:1] for w in run) == short and all(w[:1].isupper() for w in run):
                role = re.sub(r"\b" + short + r"\b", " ".join(run), role)
                break
    return role


def junk_role(role: Optional[str]) -> bool:
    """An honorific, a clause or a long description standing where a role should be."""
    if not role:
        return False
    folded = role.casefold().strip(" .")
    return (folded + "." in HONORIFICS or folded in HONORIFICS or bool(CLAUSE_WORDS.search(role))
            or _role_length(role) > MAX_ROLE_WORDS)


# a proper name inside a role reads as one word: "pastor of the Fort Des
# Moines Church of Christ" is a short role, not a long description
_NAME_RUN = re.compile(r"[A-Z][\w.'’&-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w.'’&-]*)*")


def _role_length(role: str) -> int:
    """Words in the role, a name counted as one."""
    return len(_NAME_RUN.sub("N", role).split())


def junk_name(name: str) -> Optional[str]:
    """Why a speakers-table name is not a clean name, or None."""
    if name.casefold() in PRONOUNS:
        return "pronoun"
    if DATELINE.match(name):
        return "dateline"
    if len(name) > MAX_NAME_CHARS:
        return "over 40 characters"
    if CLAUSE_WORDS.search(name) or "," in name:
        return "clause"
    if re.search(r"['\u2019]s?$", name):
        return "possessive"
    return None


@dataclass
class GoldSpeaker:
    article: str
    content_spans: list[list[int]]
    speaker: Optional[str]
    accept: list[str]
    entity: Optional[str]
    type: Optional[str]
    mention: Optional[str]
    role: Optional[str]
    channel: Optional[str]
    channel_medium: Optional[str] = None

    def names(self) -> set[str]:
        return {fold(n) for n in [self.speaker, *self.accept] if n}

    def channels(self) -> set[str]:
        return {fold_channel(c) for c in (self.channel, self.channel_medium) if c}


def entity_full_names(gold: list[GoldSpeaker]) -> dict[str, set[str]]:
    """Every full name (two words or more) the gold accepts anywhere for each entity.

    A canonical name is a property of the corpus, not of one article: the
    speakers row for Hillary Clinton may rightly read "Hillary Rodham Clinton"
    because another article spells her so, and an annotator reading only the
    first article could not list that spelling.  A bare surname is never
    pooled: it is acceptable only where its own item accepts it.
    """
    names: dict[str, set[str]] = {}
    for item in gold:
        if item.entity:
            names.setdefault(item.entity, set()).update(n for n in item.names() if len(n.split()) > 1)
    return names


def load_gold(path: str | Path) -> list[GoldSpeaker]:
    fields = GoldSpeaker.__dataclass_fields__
    items = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            items.append(GoldSpeaker(**{k: row.get(k) for k in fields if k != "accept"},
                                     accept=row.get("accept") or []))
    return items
