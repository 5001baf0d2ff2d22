"""Speaker names a speakers table can show.

A resolved speaker may still be a long description ("USA TODAY analysis of
super PACs that have raised ..."), carry a possessive or a clause, or put a
description before the name ("event organizer Alliance to Reclaim Our
Schools"). ``tidy_name`` and ``short_description`` cut each to what a reader
would file it under.
"""
from __future__ import annotations

import re
from typing import Optional

from quotes.attribution.common.first_names import FIRST_NAMES
from quotes.attribution.common.lexicon import TITLE_WORDS
from quotes.attribution.speakers.naming.name_runs import ABBREVIATIONS
from quotes.attribution.speakers.naming.names import plural_people_noun


# where a description's head phrase ends: a clause, an aside, a participle
DESCRIPTION_STOPS = re.compile(
    r"\s*(?:,|\(|—|–|--|;|:)|\s+(?:who|whom|whose|which|that|including|like|released|conducted|taken|"
    r"delivered|tracking|called|published|appeared|analyzing)\b"
    # ("Progressive groups encouraging Hillary Clinton to run ...": a participle after a plural)
    r"|(?<=[a-z]s)\s+(?=[a-z]{3,}ing\s)")
DESCRIPTION_PREPOSITIONS = frozenset("""at in on for from by with over around since to about during within among
across inside outside under between against near""".split())
MAX_DESCRIPTION_CHARS = 40
NAME_JOINERS = frozenset("of and the for on at & de du van von".split())


# "a number of other members of Congress", "another example of organized labor": the people meant
# ("a strong majority of Democratic primary voters", "a mix of Sanders supporters, ...",
# "the rhetoric of Republican presidential candidates": the people, however many or in what words)
PARTITIVE = re.compile(r"^(?:(?:a|an|the)\s+)?(?:(?:strong|large|small|slim|narrow|clear|overwhelming|growing|vast|"
                       r"big|solid|bare|wide)\s+)?(?:number|handful|couple|host|series|dozens|scores|hundreds|thousands|"
                       r"majority|minority|plurality|mix|share|crowd|rhetoric|chorus)\s+"
                       r"of\s+(?:the\s+)?(?:other\s+)?|^(?:another|an)\s+example\s+of\s+", re.I)
# what a body compiles, said in its name's place ("a RealClearPolitics average")
COMPILED_WORKS = frozenset("average averages analysis tally tallies count estimate estimates data study review".split())
# "event organizer Alliance to Reclaim Our Schools (AROS)": a description, then the name
# (not "spokeswoman for Hillary Clinton", "insurgents affiliated with Al Qaeda": there the name is another's)
_NOT_PREPOSITION = r"(?!(?:for|of|with|to|from|at|by|in|on|and|or|about)\s)"
DESCRIBED_NAME = re.compile(r"^" + _NOT_PREPOSITION + r"[a-z][\w-]*(?:\s+" + _NOT_PREPOSITION +
                            r"[a-z][\w-]*){0,3}\s+" + _NOT_PREPOSITION + r"([A-Z][\w.&'’-]*(?:\s+(?:(?:of|and|the|for|to|on|"
                            r"at|&)\s+)*[A-Z][\w.&'’-]*)+)(?:\s*\([A-Z]{2,}\))?$")


def short_description(text: str) -> str:
    """The head phrase of a description a speakers table can show:
    ``USA TODAY analysis of super PACs that have raised ...`` -> ``USA TODAY
    analysis of super PACs``; ``Experts on North Korea and nuclear
    nonproliferation`` -> ``Experts``."""
    text = PARTITIVE.sub("", re.sub(r"['’]s$", "", text.strip()))
    named = DESCRIBED_NAME.match(text)
    if named:
        return named.group(1)
    m = DESCRIPTION_STOPS.search(text)
    if m and m.start() > 0:
        text = text[:m.start()]
    words = text.split()
    capital = [w[:1].isupper() or not w[:1].isalpha() for w in words]
    if all(c or w.lower() in NAME_JOINERS for c, w in zip(capital, words)):
        # a proper name stays whole, however long ("House Oversight and ... Committee"),
        # but for where a long one sits ("Tax Policy Center at the Urban Institute and ...")
        if len(text) > MAX_DESCRIPTION_CHARS and " at " in text[1:]:
            return text[:text.index(" at ", 1)]
        return text
    run = 0
    while run < len(words) and (capital[run] or words[run].lower() in NAME_JOINERS):
        run += 1
    while run and not capital[run - 1]:
        run -= 1
    compiler = words[1:] if words[:1] in (["a"], ["the"]) else words
    if len(compiler) > 1 and compiler[0][:1].isupper() and compiler[0] not in ("A", "An", "The") \
            and compiler[1].lower() in COMPILED_WORKS:
        return compiler[0]      # "a RealClearPolitics average of recent polls": whose average
    named_words = sum(1 for w in words[:run] if w[:1].isupper())     # ("Only 52 percent": one word of a name)
    if named_words >= 2 and run < len(words) and plural_people_noun(words[run].lower().strip(".,")):
        return " ".join(words[:run + 1])       # "Bernie Sanders supporters": people, not the name before them
    if named_words >= 2:
        # "Center for Federal Tax Policy at the more conservative ...", "Ivana Trump's brief"
        # (not "the U.S. intelligence community": one capitalised word is no name)
        return re.sub(r"['’]s$", "", " ".join(words[:run]))
    if len(text) > MAX_DESCRIPTION_CHARS:
        for k in range(1, len(words)):
            if words[k].lower() in DESCRIPTION_PREPOSITIONS and not capital[k - 1]:
                words = words[:k]
                break
    if len(" ".join(words)) > MAX_DESCRIPTION_CHARS and "and" in words[2:]:
        words = words[:words.index("and", 2)]
    while len(" ".join(words)) > MAX_DESCRIPTION_CHARS and len(words) > 1:
        words = words[:-1]
    while len(words) > 1 and (words[-1].lower() in DESCRIPTION_PREPOSITIONS | {"of", "and", "the", "a"}
                              or re.fullmatch(r"[a-z]+(?:ed|ing)", words[-1])):
        words = words[:-1]       # ("source involved" in ...: the participle goes with what it took)
    return " ".join(words) or text


# words that open a clause or stand for someone, never a speaker's name ("my", "That", "When poll")
NOT_NAMES = frozenset("""my our your their his her its that this these those it they we i you he she
when if as while because although after before since""".split())


# "Trump and has aides": a clause joined on, not a second speaker
JOINED_CLAUSE = re.compile(r"\s+and\s+(?:has|have|had|is|are|was|were|his|her|its|their)\b.*$", re.S)


# words whose full stop is no sentence end ("Apple Inc. Board", "Sen. Ted Cruz", "Jan. 5")
NOT_SENTENCE_ENDS = TITLE_WORDS | ABBREVIATIONS | frozenset("jan feb mar apr aug sept oct nov dec ave blvd".split())
_PERSONAL_CAMPAIGN = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov)\.?\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})(['’]s?)?\s+"
                                r"(?:(?:presidential|re-?election|senate|primary|own)\s+)?[Cc]ampaign$")


def tidy_name(name: Optional[str]) -> Optional[str]:
    """A name a speakers table can show: no possessive ending, no clause after
    a comma, no leading subordinator; a pronoun is no name (None)."""
    if not name:
        return name
    handle = re.search(r"(?<![\w@])@\w{2,}", name)
    if handle:
        return handle.group()     # "one Twitter user @nycsouthpaw"
    name = re.sub(r"['’]s$", "", name.split(",")[0].strip())
    # ("the Freedom of Information Act. Judicial Watch": a run over a sentence end the splitter missed)
    ends = [m for m in re.finditer(r"\b([A-Za-z]{3,})\.\s+(?=[A-Z])", name)
            if m.group(1).lower() not in NOT_SENTENCE_ENDS]
    if ends:
        name = name[ends[-1].end():]
    campaign = _PERSONAL_CAMPAIGN.match(name)
    if campaign and (campaign.group(2) or campaign.group(1).split()[0].lower() in FIRST_NAMES
                     or len(campaign.group(1).split()) == 1):
        # "Trump’s campaign", "Mrs. Clinton's campaign", "Hillary Clinton Campaign":
        # one body, named as "her campaign" is ("Clinton campaign")
        return f"{campaign.group(1).split()[-1]} campaign"
    # "Data from the 2014 American Community Survey": the survey speaks
    name = re.sub(r"^(?i:(?:data|figures|numbers|statistics|results|findings)\s+(?:from|of|by)\s+(?:the\s+)?)"
                  r"(?:\d{4}\s+)?(?=[A-Z])", "", name)
    name = JOINED_CLAUSE.sub("", name)
    name = name.strip("‘’'\"“”")                 # "‘EUROPEANS" opening a quoted headline
    name = re.sub(r"\s+and\s+\d[\d,]*$", "", name)    # "World Anti-Doping Agency and 14" cut before its noun
    # "New York Times and the Gannett": two bodies named together
    name = re.sub(r"(?<=[A-Za-z.])\s+and\s+the\s+(?=[A-Z])", " and ", name)
    # "National Football League's Charlotte Panthers": the name after the owner's
    owned = re.match(r"^[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s\s+([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)+|[A-Z]{2,6})$",
                     name)       # ("Barack Obama's DOJ": the body, named by its initials)
    if owned:
        name = owned.group(1)
    words = name.split()
    dropped = 0
    if words[:1] in (["Our"], ["My"]) and len(words) >= 2 and all(w[:1].isupper() for w in words[1:]):
        return name          # "Our Principles PAC", "Our Revolution": the body's own name
    while words and words[0].lower() in NOT_NAMES:
        words, dropped = words[1:], dropped + 1
    if dropped:
        # "he and Brafman": the named one of the pair
        while words and words[0].lower() in ("and", "or", "&"):
            words = words[1:]
    if dropped and len(words) == 1 and words[0][:1].islower():
        return None          # "his long": what was left of a pronoun's phrase
    return " ".join(words) or None
