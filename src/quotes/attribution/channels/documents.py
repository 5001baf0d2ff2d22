"""Channels a record carries in itself or the page around it gives: the
document a source is ("the ruling", "Ivana Trump's brief", "her financial
disclosure", "a Reuters survey of voter lists"), a statement a speaker
issued and the story then quotes, the outlet a story retells ("The New York
Post reports ..."), a roundup's bracketed credit ("[Reuters]")."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from quotes.attribution.channels.phrases import Channel, is_media
from quotes.attribution.channels.vocabulary import normalise
from quotes.attribution.common.lexicon import ANONYMOUS_HEADS
from quotes.records import GROUP, PERSON, UNNAMED


# what a speaker issues and a story then quotes as if it spoke ("The statement
# also referenced ...", "the speech reflected ...", "The cable indicated ...")
DOCUMENT_NOUNS = frozenset("statement speech remarks letter memo release address testimony email cable tweet ad video "
                           "message note".split())
_DOCUMENT_MENTION = re.compile(r"^(?:the|that|this|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(" +
                               "|".join(sorted(DOCUMENT_NOUNS)) + r")\W*$", re.I)
# the channel names a document noun is filed under, where they differ from it
_FILED_AS = {"tweet": "twitter", "release": "press release"}
# how far back the record that issued a "the statement" may be, when no channel names it
ISSUER_REACH = 400
# what a speaker's reply may come as and be called "the statement" at once (an
# ad or a cable is made before it is quoted, and named when it is)
REPLY_NOUNS = frozenset("statement remarks release email letter message note".split())


def issued_documents(speakers: list, channels: list[Optional[Channel]], text: str = "") -> tuple[list, list]:
    """A record whose source is ``the statement`` or ``the cable`` is the
    speaker's who last issued one: their name, that channel; failing that,
    the person the story said sent it ("an email was sent from the club's
    executive director, Jeremy Boreing"), when they are quoted by name too;
    failing that, a definite "the statement" is the one the record just before
    gave ("The Trump campaign on Tuesday responded that ... '...,' the
    statement said")."""
    speakers, channels = list(speakers), list(channels)
    for k, s in enumerate(speakers):
        m = _DOCUMENT_MENTION.match(s.mention or "")
        if not m:
            continue
        noun = m.group(1).lower()
        filed = _FILED_AS.get(noun, noun)
        # (the noun as a word of the channel's name: "ad" is no part of "radio show")
        issued = [j for j in range(max(0, k - 50), k) if channels[j] is not None and speakers[j].name
                  and speakers[j].resolved and re.search(r"\b" + re.escape(filed) + r"\b", channels[j].name.lower())]
        if issued:
            j = issued[-1]
            speakers[k] = replace(speakers[j], mention=s.mention, start=s.start, end=s.end)
            channels[k] = channels[k] or channels[j]
            continue
        sender = _sender(text, noun, s.start) if text and s.start is not None else None
        named = [o for o in speakers if sender and o.name and o.resolved and o.kind not in (GROUP, UNNAMED)
                 and o.name.split()[-1] == sender.split()[-1]]
        before = [j for j in range(max(0, k - 3), k) if speakers[j].name and speakers[j].resolved
                  and speakers[j].start is not None and s.start is not None
                  and 0 < s.start - speakers[j].start <= ISSUER_REACH
                  and not _DOCUMENT_MENTION.match(speakers[j].mention or "")]
        if named:
            speakers[k] = replace(named[0], mention=s.mention, start=s.start, end=s.end)
        elif before and (s.mention or "").lower().startswith("the ") and noun in REPLY_NOUNS:
            speakers[k] = replace(speakers[before[-1]], mention=s.mention, start=s.start, end=s.end)
        else:
            continue
        channels[k] = channels[k] or Channel(normalise(noun), s.mention, s.start, s.end)
    return speakers, channels


# how far back the story may have said who sent a document it then quotes
SENDER_REACH = 600
_NAME_RUN = r"([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+)"


def _sender(text: str, noun: str, position: int) -> Optional[str]:
    """The name the story gives as sender of the last ``noun`` before
    ``position``: "an email ... from <description>, Jane Roe", "a letter from
    Jane Roe", "Jane Roe sent a letter", "In the July 9 cable, Stevens reported"."""
    window = text[max(0, position - SENDER_REACH):position]
    found = list(re.finditer(r"\b(?i:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?" + re.escape(noun)
                             + r"\b[^.]{0,60}?\bfrom\s+(?:[^,.]{0,60},\s+)?" + _NAME_RUN, window))
    found += list(re.finditer(_NAME_RUN + r"\s+(?:sent|wrote|issued|released|posted)(?:\s+out)?\s+(?:an?|the)\s+"
                              r"(?:[\w-]+\s+){0,2}?" + re.escape(noun) + r"\b", window))
    found += list(re.finditer(r"\b(?i:in)\s+(?:an?|the|his|her|their)\s+(?:[\w,-]+\s+){0,4}?" + re.escape(noun)
                              + r",\s+" + r"([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*)\s+[a-z]+ed\b", window))
    return max(found, key=lambda f: f.start()).group(1) if found else None


def record_channel(text: str, c, mention: Optional[str], mention_start: Optional[int]) -> Optional[Channel]:
    """A channel the record carries in itself rather than in a phrase: an
    embedded post ("— Donald J. Trump (@realDonaldTrump) September 30, 2016"
    under it: Twitter), a ruling ("said the ruling": a court filing), a
    document ("a Times article hailed ...": the article), the press's
    reporting ("multiple reports reveal": a report)."""
    from quotes.attribution.speakers.body_descriptions import written_in

    if c.rule == "embedded-post" and c.cue_span:
        return Channel("Twitter", text[c.cue_span[0]:c.cue_span[1]], *c.cue_span)
    if not mention or mention_start is None:
        return None
    end = mention_start + len(mention)
    if _RULING_MENTION.match(mention) or _COURT_PAPER.search(mention):
        return Channel("court filing", mention, mention_start, end)
    if re.search(r"(?<![\w@])@\w{2,}", mention):
        return Channel("Twitter", mention, mention_start, end)      # "one Twitter user @nycsouthpaw"
    owned = _OWN_DOCUMENT.match(mention)
    if owned:
        # "her financial disclosure suggests", "his memo said": the document it came in
        noun = owned.group(1).lower()
        return Channel(_DOCUMENT_CHANNEL.get(noun, noun), mention, mention_start, end)
    study = _STUDY_MENTION.search(mention)
    if study:
        # "a recent Reuters survey of voter lists", "The authors of the report": a report
        return Channel("book" if (study.group(1) or "").lower() == "book" else "report", mention, mention_start, end)
    if _REPORTS_MENTION.match(mention):
        # "multiple reports reveal": news reports ("Politico reported that" is left
        # bare: readers do not agree that an outlet's own story came "in a report")
        return Channel("report", mention, mention_start, end)
    document = written_in(mention)
    return Channel(document, mention, mention_start, end) if document else None


# "multiple reports", "news reports", "Some media reports": reports, no one's in particular
_REPORTS_MENTION = re.compile(r"(?i)^(?:[\w-]+\s+){0,2}?(?:news\s+|media\s+|press\s+)?reports\W*$")


_OWN_DOCUMENT = re.compile(r"(?i)^(?:his|her|its|their)\s+(?:[\w-]+\s+)?(disclosure|memo|letter|memoir|book|"
                           r"op-ed|column|blog|affidavit|testimony|report)\W*$")
_DOCUMENT_CHANNEL = {"disclosure": "report", "memoir": "book", "column": "op-ed", "affidavit": "court filing"}
_STUDY_MENTION = re.compile(r"(?:^(?:an?|the)\s+(?:[\w-]+\s+)?(?:[A-Z][\w.&'’-]*\s+)+(?:survey|study|analysis|"
                            r"investigation|review)\s+of\b|\b(?:authors?|writers?|researchers?)\s+of\s+the\s+"
                            r"(report|study|book|analysis|paper)\b)")
_RULING_MENTION = re.compile(r"(?i)^(?:the|its|his|her)\s+(?:[\w-]+\s+)?ruling\W*$")
# "Ivana Trump's brief", "the Times' motion", "the complaint": papers filed in court
_COURT_PAPER = re.compile(r"(?i)(?:['’]s?|\b(?:the|its|his|her|their))\s+(?:[\w-]+\s+)?(?:brief|motion|complaint|"
                          r"filing|affidavit|lawsuit|indictment|submission\s+to\s+the\s+court)\W*$")


# "The New York Post reports that ...", "..., The Post has learned.": a story
# retelling another outlet's reporting
_REPORT_CUES = re.compile(r"(?i)^(?:reports|reported|has\s+reported|had\s+reported|has\s+learned|learned|"
                          r"first\s+reported|revealed|has\s+revealed)\b")
# how many sentences of the top may name the outlet retold
RETOLD_REACH = 4


def retold_sources(text: str, cands: list, speakers: list, channels: list[Optional[Channel]]) -> list[Optional[Channel]]:
    """Where the story's top says an outlet reported it ("The New York Post
    reports that ..."), the unnamed sources it goes on to quote ("sources
    said", "a source said") spoke to that outlet: it is their channel."""
    outlet = None
    for c, s in zip(cands, speakers):
        if c.sentence >= RETOLD_REACH or not c.cue_span or not s.name:
            continue
        if is_media(s.name) and _REPORT_CUES.match(text[c.cue_span[0]:c.cue_span[1]]):
            outlet = s.name
            break
    if outlet is None:
        return channels
    out = list(channels)
    for k, s in enumerate(speakers):
        words = (s.name or "").lower().split()
        if out[k] is None and words and words[-1].rstrip("s") in ANONYMOUS_HEADS and s.kind in (UNNAMED, GROUP):
            out[k] = Channel(outlet, s.mention or outlet, s.start or 0, s.end or 0)
    return out


# "... called for the ban. [Reuters]", "[Lee Moran, HuffPost]": a roundup's
# credit closing an item names the outlet it came from
CREDIT_REACH = 300
_CREDIT = re.compile(r"\[\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*)?([A-Z][\w.&'’ -]{1,40}?)\.?\s*\]")


def credited_items(text: str, cands: list, channels: list[Optional[Channel]]) -> list[Optional[Channel]]:
    """A record with no channel, in a roundup item that a bracketed credit
    closes, came through the outlet credited."""
    out = list(channels)
    for k, c in enumerate(cands):
        if out[k] is not None:
            continue
        end = max([e for _, e in c.content_spans] + [c.cue_span[1] if c.cue_span else 0])
        # (the credit closes the item's line, within CREDIT_REACH: one huge line stays linear)
        line_end = text.find("\n", end, end + CREDIT_REACH)
        m = _CREDIT.search(text, end, (end + CREDIT_REACH if line_end < 0 else line_end) + 1)
        if m and is_media(m.group(1)):
            out[k] = Channel(normalise(m.group(1)), m.group(0), m.start(), m.end())
    return out


# a poll as the source ("A Bloomberg poll found", "the survey"), or a share of
# the people it asked ("Six in 10", "41 percent of Republican voters", "respondents")
# (a capitalised "Survey" names a body: "the U.S. Geological Survey")
_POLL = re.compile(r"\b(?:[Pp]olls?|[Pp]olling|surveys?|polled|surveyed|POLLS?)\b")
_SHARE = re.compile(r"(?i)^(?:(?:about|nearly|almost|more\s+than|less\s+than|fewer\s+than|over|just|only|roughly|"
                    r"another|some)\s+)?(?:[\w-]+\s+(?:in|out\s+of)\s+(?:10|ten|\d+)\b|[\d.]+\s*(?:percent|per\s+cent|%)|"
                    r"[a-z-]+\s+percent\b|(?:a|the)\s+(?:\w+\s+)?(?:majority|plurality|third|quarter|half|fifth)\b|"
                    r"(?:almost\s+|nearly\s+)?half\b|most\s+of\b|(?:the\s+)?respondents\b)")
# how many sentences back the story may have named the poll a share comes from
POLL_REACH = 3


def poll_findings(parsed, cands: list, speakers: list, channels: list[Optional[Channel]]) -> list[Optional[Channel]]:
    """What a poll found came through the poll: a record whose source is a
    poll or survey, or a share of the people asked ("Six in 10", "12
    percent", "respondents") where the story has just named a poll."""
    out = list(channels)
    text = parsed.text
    for k, (c, s) in enumerate(zip(cands, speakers)):
        # (the mention's head, not a clause set after it: "Cruz, who says ... the
        # polls have tightened, said")
        mention = (s.mention or "").split(",")[0]
        if out[k] is not None or not mention or s.start is None:
            continue
        if _POLL.search(mention) or (s.name and _POLL.search(s.name) and s.kind not in (GROUP, UNNAMED, PERSON)):
            out[k] = Channel("poll", mention, s.start, s.end)
            continue
        if not _SHARE.match(mention) or not parsed.sentences or c.sentence >= len(parsed.sentences):
            continue
        first = parsed.sentences[max(0, c.sentence - POLL_REACH)].start
        if _POLL.search(text[first:parsed.sentences[c.sentence].end]):
            out[k] = Channel("poll", mention, s.start, s.end)
    return out
