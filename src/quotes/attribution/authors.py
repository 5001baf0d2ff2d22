"""The writer as a speaker: "I" or "we" in an op-ed or a column is its author.

A byline comes with the article (HTML metadata, a JSONL field), applied
where the two meet, on an article's records once they are made; or it heads
the text itself ("By Jane Roe" on a line of its own), read by the records
stage. On a letters page each reader's letter ends with its signature line,
and the "I" above it is that reader's.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from quotes.attribution.common.first_names import FIRST_NAMES
from quotes.attribution.common.lexicon import MEDIA, MEDIA_HEAD_WORDS, ORG_NOUNS
from quotes.records import PERSON, Attribution

# (a columnist's "we" is the columnist and readers: the byline speaks for it)
FIRST_PERSON = frozenset({"i", "me", "we", "us"})


def byline_name(author: Optional[str]) -> Optional[str]:
    """``By JAMES B. STEWART`` -> ``James B. Stewart``; several authors, a
    desk or an agency name no one person (None)."""
    if not author:
        return None
    name = re.sub(r"^\s*by\s+", "", author.strip(), flags=re.I).strip(" ,.")
    words = name.split()
    if not 2 <= len(words) <= 4 or re.search(r",|;|&|\band\b|\bstaff\b|\bdesk\b|\bwire\b", name, re.I) \
            or not all(w[:1].isupper() for w in words) \
            or any(w.lower().strip(".") in ORG_NOUNS | MEDIA | MEDIA_HEAD_WORDS for w in words):
        return None
    if name.isupper():
        name = " ".join(w if re.fullmatch(r"[A-Z]\.", w) else w.capitalize() for w in words)
    return name


# "By Jane Roe" (or "By JANE ROE and ...", which names no one author) on one of the first lines
_BYLINE_LINE = re.compile(r"^[ \t]*(By[ \t]+[A-Z][^\n]{2,80}?)[ \t]*$", re.M)
BYLINE_LINES = 4            # how many lines from the top a byline may sit


def byline_in_text(text: str) -> Optional[str]:
    """The one author a byline line near the top of the text names, else None."""
    top = "\n".join(line for line in text.lstrip().split("\n", BYLINE_LINES)[:BYLINE_LINES])
    m = _BYLINE_LINE.search(top)
    return byline_name(m.group(1)) if m else None


# "Rep. Raul Grijalva, D-Ariz., was an early backer of ...", "Charlotte Meehan is
# playwright-in-residence at ...": the line under a guest op-ed saying who wrote it
_BIO_LINE = re.compile(r"^\s*(?:(?:Rep|Sen|Gov|Dr|Prof|Rev)\.\s+)?((?:[A-Z][\w'’-]*\.?\s+){1,3}[A-Z][\w'’-]+)"
                       r"(?:,\s*[^,\n]{1,40},)?\s+(?:is|was|has\s+been|teaches|serves|writes|represents)\s")
BIO_PARAGRAPHS = 2          # how many paragraphs from the end a bio line may sit
BIO_CHARS = 400             # and how long it may be


def bio_line_author(text: str) -> Optional[str]:
    """The writer a guest op-ed's closing bio line names, else None."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text.strip()[-2000:]) if p.strip()]
    for paragraph in reversed(paragraphs[-BIO_PARAGRAPHS:]):
        if len(paragraph) > BIO_CHARS:
            continue
        m = _BIO_LINE.match(paragraph)
        if m and m.group(1).split()[0].lower() not in ("the", "this", "it", "he", "she"):
            return byline_name(m.group(1))
    return None


def first_person_author(records: list[Attribution], author: Optional[str],
                        channel: Optional[str] = None) -> list[Attribution]:
    """Records whose speaker is the narrator's "I" (outside any direct quote)
    given to the article's one named author; ``channel`` ("op-ed" for a
    guest's piece) where they have none."""
    name = byline_name(author)
    if not name:
        return records
    narrating = _narrator(records)
    return [replace(r, speaker=name, speaker_type=PERSON, channel=r.channel or channel) if narrating(r) else r
            for r in records]


def _narrator(records: list[Attribution]):
    """A test of whether a record is the narrator's unresolved "I" or "we",
    outside any direct quote of the article's ``records``."""
    quoted = [span for r in records if r.kind == "direct" for span in r.content_spans]

    def narrating(r: Attribution) -> bool:
        mention = (r.speaker_mention or "").strip().lower()
        return r.speaker is None and mention in FIRST_PERSON and r.speaker_start is not None \
            and not any(s <= r.speaker_start < e for s, e in quoted)
    return narrating


# "Debby James." alone on a line, under a reader's letter (a place line may follow)
_SIGNATURE_LINE = re.compile(r"^[ \t]*((?:[A-Z][\w'’-]*\.?[ \t]+){1,3}[A-Z][\w'’-]+)\.?[ \t]*$", re.M)
_PLACE_LINE = re.compile(r"\s*\n\s*[A-Z][\w .'’-]{1,30},[ \t]+[A-Z][\w. ]{1,20}[ \t]*(?:\n|$)")
# a letters page says so at its top
_LETTERS_HEADING = re.compile(r"^[ \t]*(?:LETTERS|Letters(?: to the [Ee]ditor)?|Your [Ss]ay)\.?[ \t]*$", re.M)
LETTERS_TOP = 400           # how far from the top the heading may sit


def letter_signatures(text: str) -> list[tuple[int, str]]:
    """(offset, name) of each reader's signature line on a letters page, in
    order; none where the page does not say it is one."""
    if not _LETTERS_HEADING.search(text, 0, LETTERS_TOP):
        return []
    out = []
    for m in _SIGNATURE_LINE.finditer(text):
        name = byline_name(m.group(1))
        # (a name whose first name is known, or one the writer's place follows: "Mission Viejo, Calif.")
        if name and (name.split()[0].lower() in FIRST_NAMES or _PLACE_LINE.match(text, m.end())):
            out.append((m.start(), name))
    return out


def letter_writers(records: list[Attribution], text: str) -> list[Attribution]:
    """On a letters page, a narrator's "I" (outside any direct quote) is the
    reader who signs the letter it is in; the letter is its channel."""
    signatures = letter_signatures(text)
    if not signatures:
        return records
    narrating = _narrator(records)
    out = []
    for r in records:
        signer = next((name for offset, name in signatures if offset > r.speaker_start), None) \
            if narrating(r) else None
        out.append(replace(r, speaker=signer, speaker_type=PERSON, channel=r.channel or "letter") if signer else r)
    return out
