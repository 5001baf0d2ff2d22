"""The words of a source that say who the speaker is, before they are
resolved: the noun a relative pronoun follows ("Warren, who has assailed"),
the noun phrase a quantifier opens ("Many unnaturalized adoptees"), the owner
of words ("Ryan's language", "her initial statement"), the issuer of a
document ("A new ad from Donald Trump's presidential campaign"), a
description that only opens a sentence ("Comedian Sarah Silverman")."""
from __future__ import annotations

import re
from typing import Optional

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.first_names import FIRST_NAMES
from quotes.attribution.common.lexicon import TITLE_WORDS
from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.speakers.body_descriptions import issued_by
from quotes.attribution.speakers.descriptions import PARTY_WORDS
from quotes.attribution.speakers.roles.offices import person_noun
from quotes.attribution.speakers.naming.table_names import JOINED_CLAUSE


def referring_words(parsed: ParsedText, text: str, c: Candidate, mention: str) -> str:
    """The words of ``mention``, candidate ``c``'s source, to resolve."""
    start = c.source_span[0]
    # ("Trump and has aides": the clause run on is not part of who)
    resolve_text = _antecedent_text(parsed, c) or _quantified_noun(parsed, c) or JOINED_CLAUSE.sub("", mention) \
        or mention
    # ("Sanders himself acknowledged": the reflexive only stresses who)
    resolve_text = _REFLEXIVE_AFTER.sub("", resolve_text) or resolve_text
    # ("Ryan's language in the statement makes clear": his words are him speaking)
    own_words = _OWN_WORDS.match(resolve_text) or _OWN_WORDS_PRONOUN.match(resolve_text)
    resolve_text = _POSSESSOR.get(own_words.group(1).lower(), own_words.group(1)) if own_words else resolve_text
    # ("A new ad from Donald Trump's presidential campaign is seizing on ...": who issued it)
    resolve_text = issued_by(resolve_text) or resolve_text
    if c.rule == "transcript" and resolve_text.isupper() and len(resolve_text) > 3:
        resolve_text = resolve_text.title()    # "WALLACE:" is Mr. Wallace, in the table as "Wallace"
    return _sentence_cased_description(text, start, resolve_text)


_OWN_WORDS = re.compile(r"^([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})['’]s?\s+(?:\w+\s+)?(?:language|words|remarks|"
                        r"comments?|rhetoric|tone|message|statement|letter|tweet|tweets|post|email|speech|testimony|"
                        r"response|reply|answer|note|memo)\b")
# ("her initial statement", "his remarks": the owner's pronoun is who spoke)
_OWN_WORDS_PRONOUN = re.compile(r"^(?i:(his|her|their))\s+(?:\w+\s+)?(?:language|words|remarks|comments?|rhetoric|"
                                r"statement|letter|tweets?|post|email|speech|testimony|response|reply|answer|memo)$")
_POSSESSOR = {"his": "he", "her": "she", "their": "they"}
_REFLEXIVE_AFTER = re.compile(r"(?<=\w)\s+(?:himself|herself|itself|themselves)$")


def _sentence_cased_description(text: str, start: int, mention: str) -> str:
    """"Comedian Sarah Silverman", "Talk show host Glenn Beck" opening a
    sentence: the words for what they are, capitalised only there, are a role
    ("talk show host"), not a first name."""
    words = mention.split()
    last = 0           # the description's head: its last word before the capitalised name
    while last + 1 < len(words) and words[last + 1][:1].islower():
        last += 1
    if len(words) < last + 3 or not words[0][:1].isupper() or words[0].isupper() or words[0].endswith(("'s", "’s")) \
            or words[0].lower() in FIRST_NAMES | PARTY_WORDS or words[0].lower().strip(".") in TITLE_WORDS \
            or not person_noun(words[last].lower()) or not all(w[:1].isupper() for w in words[last + 1:last + 3]):
        return mention
    if not re.search(r"(?:^|[.!?][\"”’']?\s+|\n\s*)$", text[max(0, start - 4):start]):
        return mention
    return mention[:1].lower() + mention[1:]


NOUN_PHRASE_TAGS = ("PROPN", "NOUN", "ADJ", "NUM", "DET", "PART", "CCONJ")


_QUANTIFIERS = frozenset("many most some several few all both".split())


def _quantified_noun(parsed: ParsedText, c: Candidate) -> Optional[str]:
    """``Many unnaturalized adoptees try ..., telling few people``: a source
    cut to its quantifier is the noun phrase the quantifier opens."""
    if len(c.source_words) != 1:
        return None
    words = parsed.words
    word = words[c.source_words[0]]
    head = word.head
    if word.lower not in _QUANTIFIERS or head is None or not word.index < head <= word.index + 4 \
            or words[head].upos != "NOUN" or words[head].sent != word.sent or head in c.cue_words:
        return None
    return parsed.text[word.start:words[head].end]


def _inner_of(words, k: int) -> bool:
    """The "of" inside a body's name ("the Bank of Japan, which"), between two
    capitalised words."""
    return words[k].lower == "of" and k >= 1 and words[k - 1].upos == "PROPN" and k + 1 < len(words) \
        and words[k + 1].upos == "PROPN" and words[k - 1].sent == words[k + 1].sent


def _antecedent_text(parsed: ParsedText, c: Candidate) -> Optional[str]:
    """For a relative pronoun source (``Warren, who has assailed ...``) the
    noun phrase just before it names the speaker, as a reader takes it (the
    parser often hangs the clause on a noun further back: "the rise of
    Donald Trump, who")."""
    if len(c.source_words) != 1 or not c.cue_words:
        return None
    words = parsed.words
    pronoun = words[c.source_words[0]]
    if pronoun.lower not in ("who", "which", "that"):
        return None
    end = pronoun.index - 1
    if end >= 0 and words[end].text in (",", "—", "–", "--"):
        end -= 1
    start = end + 1
    while start - 1 >= 0 and words[start - 1].sent == pronoun.sent and (
            words[start - 1].upos in NOUN_PHRASE_TAGS or words[start - 1].text in ("'s", "’s", "-")
            or _inner_of(words, start - 1)):
        start -= 1
    # "and a big reason ..." / "the": no conjunction or article opens the name
    while start <= end and (words[start].upos in ("CCONJ", "DET", "PART") or words[start].text == "-"):
        start += 1
    if start > end or not any(words[i].upos in ("PROPN", "NOUN") for i in range(start, end + 1)):
        return None
    lead = start
    while lead - 1 >= 0 and words[lead - 1].upos == "DET":
        lead -= 1
    name_end = lead - 2
    if name_end >= 0 and words[lead - 1].text == "," and words[name_end].upos == "PROPN" \
            and any(words[i].rel == "appos" and words[i].head is not None and words[i].head <= name_end
                    and words[words[i].head].upos == "PROPN" for i in range(start, end + 1)):
        # "Ronnie Cameron, an Arkansas poultry magnate who ...": the description
        # is set beside a name, and the name is who
        name_start = name_end
        while name_start - 1 >= 0 and words[name_start - 1].upos == "PROPN" and words[name_start - 1].sent == pronoun.sent:
            name_start -= 1
        start = name_start
    return parsed.text[words[start].start:words[end].end]
