"""The occasion a speaker spoke at, when the article names it once.

A reader who has read "On this weekend's broadcast of Fox News Sunday, Gov.
Mike Pence said ..." or "Speaking at a rally in Novi, Michigan, Trump said
..." takes Pence's and Trump's next quotes as said there too, until the
article moves the same speaker to another occasion. So an occasion phrase in
a sentence that names a speaker (or holds one of their records) becomes the
channel of that speaker's later records that have none of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from quotes.attribution.channels import RECALLED_AFTER, Channel, _is_media, _normalise, find_channels
from quotes.attribution.common.lexicon import ANONYMOUS_HEADS
from quotes.records import GROUP, UNNAMED
from quotes.attribution.speakers.naming.mentions import _in_subject


@dataclass
class Occasion:
    channel: Channel
    sentence: int
    speakers: frozenset[str]     # canonical speakers the sentence names or quotes
    lasts: bool = False          # goes on over the speaker's next quotes (``lasting``)


def _subject_of(parsed, sent, speaker: str) -> bool:
    """The sentence is about the speaker: their surname (or a body's last
    word) is its subject or inside its subject ("Graham told The Huffington
    Post that Trump ..." is Graham's occasion, not Trump's)."""
    words = speaker.split()
    if not words:
        return False
    last = words[-1].lower()
    return any(parsed.words[i].lower == last and _in_subject(parsed.words, i)
               for i in range(sent.first, sent.last))


def _clause_subject(parsed, offset: int) -> Optional[set[str]]:
    """The words of the subject of the clause an occasion phrase hangs on,
    lower-cased; None where that clause has none of its own ("Speaking at a
    rally, Trump said": the participle's subject is the sentence's)."""
    word = parsed.word_at(offset)
    steps = 0
    while word is not None and word.upos not in ("VERB", "AUX") and word.head is not None and steps < 6:
        word, steps = parsed.words[word.head], steps + 1
    if word is None or word.upos not in ("VERB", "AUX"):
        return None
    subjects = parsed.kids(word.index, "nsubj", "nsubj:pass")
    if not subjects:
        return None
    return {parsed.words[i].lower for s in subjects for i in parsed.subtree(s.index)}


def find_occasions(parsed, text: str, cands: list, speakers: list[Optional[str]], quoted) -> list[Occasion]:
    """Occasion phrases outside quotations, each with the speakers its sentence
    names; ``quoted(start, end)`` tells a stretch inside quote marks."""
    known = {s for s in speakers if s}
    contents = [span for c in cands for span in c.content_spans]
    quoting: dict[int, set[str]] = {}
    for c, s in zip(cands, speakers):
        if s:
            quoting.setdefault(c.sentence, set()).add(s)
    out = []
    for sent in parsed.sentences:
        # (what a quote or claim says happened is not where it was said)
        found = [ch for ch in find_channels(text, sent.start, sent.end, settings=True)
                 if not quoted(ch.start, ch.start + 1) and not any(s <= ch.start < e for s, e in contents)]
        if not found:
            continue
        # the speakers quoted in the sentence, else whoever it is about
        named = quoting.get(sent.index) or {s for s in known if _subject_of(parsed, sent, s)}
        for ch in found:
            subject = _clause_subject(parsed, ch.start)
            if subject is not None and not quoting.get(sent.index):
                # "Mr. Schultz ... (or, as The Daily Beast called them in an
                # article ...)": the article is the Beast's, not Schultz's
                theirs = {s for s in named if s.split()[-1].lower() in subject}
            else:
                theirs = named
            out.append(Occasion(ch, sent.index, frozenset(theirs), lasting(ch, text[ch.end:ch.end + 20])))
    return out


# occasions that go on over several quotes: an event, an interview, a show or
# outlet; a statement, a press release or public comments say one thing (the
# example article's gold keeps the quotes after one apart)
LASTING = frozenset("""rally debate hearing interview speech conference briefing town hall forum broadcast
convention address appearance show event report study book memoir article column essay op-ed analysis""".split())


# "at a recent news conference": an earlier occasion, recalled in passing (a
# profile quoting its own interview recalls one of Lynch's news conferences)
RECALLED = frozenset("recent recently earlier previous past last former".split())


# "issued a statement", "released a letter": a document the speaker put out,
# which the story then quotes from (unlike "said in a statement that ...")
_ISSUED = re.compile(r"^(?:issued|issues|released|releases|sent|posted|published)\s", re.I)


def lasting(channel: Channel, after: str = "") -> bool:
    """An occasion that goes on over the speaker's next quotes; ``after``,
    the text just after its mention."""
    words = channel.name.lower().split()
    if RECALLED & set(channel.mention.lower().split()) and "interview" not in words:
        return False          # (but "in a recent interview" is where the story's quotes come from)
    if RECALLED_AFTER.match(after):
        return False
    return channel.name[:1].isupper() or (bool(words) and words[-1] in LASTING) or bool(
        _ISSUED.match(channel.mention) and words and words[-1] in DOCUMENT_NOUNS)


def carry_occasions(cands: list, speakers: list[Optional[str]], channels: list[Optional[Channel]],
                    occasions: list[Occasion], lede_sentences: int = 0) -> list[Optional[Channel]]:
    """A record with no channel takes the last occasion, at or before its
    sentence, of a sentence that names its speaker; one in the first
    ``lede_sentences`` sentences (headline and lede) with no occasion before it
    takes the speaker's occasion later in the story when there is one, and it lasts."""
    out = list(channels)
    for k, c in enumerate(cands):
        speaker = speakers[k] if k < len(speakers) else None
        if out[k] is not None or not speaker:
            continue
        theirs = [o for o in occasions if speaker in o.speakers]
        before = [o for o in theirs if o.sentence <= c.sentence and (o.sentence == c.sentence or o.lasts)]
        if before:
            out[k] = before[-1].channel
            continue
        # a headline or lede says in brief what the story then tells: "Pence: ..."
        # above "On Fox News Sunday, Pence said ..." was said there too: the
        # speaker's first occasion in the story, when it lasts ("public comments"
        # then "as quoted by Reuters" leave it open)
        later = [o for o in theirs if o.sentence > c.sentence]
        if c.sentence < lede_sentences and later and later[0].lasts:
            out[k] = later[0].channel
    return out


# what a speaker issues and a story then quotes as if it spoke ("The statement
# also referenced ...", "the speech reflected ...")
DOCUMENT_NOUNS = frozenset("statement speech remarks letter memo release address testimony".split())
_DOCUMENT_MENTION = re.compile(r"^(?:the|that|this|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(" +
                               "|".join(sorted(DOCUMENT_NOUNS)) + r")\W*$", re.I)


def issued_documents(speakers: list, channels: list[Optional[Channel]]) -> tuple[list, list]:
    """A record whose source is ``the statement`` or ``the speech`` is the
    speaker's who last issued one: their name, that channel."""
    speakers, channels = list(speakers), list(channels)
    for k, s in enumerate(speakers):
        m = _DOCUMENT_MENTION.match(s.mention or "")
        if not m:
            continue
        noun = m.group(1).lower()
        issued = [j for j in range(max(0, k - 50), k) if channels[j] is not None and speakers[j].name
                  and speakers[j].resolved and noun in channels[j].name.lower().split()]
        if issued:
            j = issued[-1]
            speakers[k] = replace(speakers[j], mention=s.mention, start=s.start, end=s.end)
            channels[k] = channels[k] or channels[j]
    return speakers, channels


def record_channel(text: str, c, mention: Optional[str], mention_start: Optional[int]) -> Optional[Channel]:
    """A channel the record carries in itself rather than in a phrase: an
    embedded post ("— Donald J. Trump (@realDonaldTrump) September 30, 2016"
    under it: Twitter), a ruling ("said the ruling": a court filing), a
    document ("a Times article hailed ...": the article)."""
    from quotes.attribution.speakers.descriptions import written_in

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
    document = written_in(mention)
    return Channel(document, mention, mention_start, end) if document else None


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


# occasions a transcript's introduction names without a preposition
_SESSION = re.compile(r"(?i)\b(debate|interview|hearing|press conference|news conference|town hall|briefing|"
                      r"podcast|radio interview)s?\b")
# an introduction that says the turns below are an interview
_INTERVIEW_INTRO = re.compile(r"\b(?:spoke|speaks|talked|talks)\s+(?:to|with)\b|\binterview(?:ed|s)?\b|"
                              r"\bsat\s+down\s+with\b|\bin\s+conversation\s+with\b", re.I)
# how far before its first turn a transcript's introduction may start
INTRO_REACH = 600


def session_channels(text: str, cands: list, channels: list[Optional[Channel]]) -> list[Optional[Channel]]:
    """Turns of a transcript or answers of a Q&A with no channel of their own
    were said on the occasion its heading names ("Transcript of the second
    Senate debate": a debate); a Q&A that names none is an interview.  (Only
    a line that says "transcript" is a heading: an occasion the story before
    a transcript mentions may be what they talk about.)"""
    turns = [k for k, c in enumerate(cands) if c.rule in ("transcript", "qa-answer") and channels[k] is None]
    if not turns:
        return channels
    first = min(cands[k].anchor for k in turns)
    low = max(0, first - INTRO_REACH)
    heading = [m for m in re.finditer(r"(?im)^.*\btranscript\b.*$", text[low:first])]
    named = _SESSION.search(heading[-1].group(0)) if heading else None
    occasion = None
    if named:
        at = low + heading[-1].start()
        occasion = Channel(_normalise(named.group(1).lower()), named.group(0), at + named.start(), at + named.end())
    else:
        # "Marcus Bell spoke to the novelist Odile Farrow about her new book": an interview
        intro = list(_INTERVIEW_INTRO.finditer(text, low, first))
        if intro:
            occasion = Channel("interview", intro[-1].group(0), intro[-1].start(), intro[-1].end())
    out = list(channels)
    for k in turns:
        if occasion:
            out[k] = occasion
        elif cands[k].rule == "qa-answer":
            out[k] = Channel("interview", text[cands[k].cue_span[0]:cands[k].cue_span[1]], *cands[k].cue_span)
    return out


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
    from quotes.attribution.channels import _is_media

    outlet = None
    for c, s in zip(cands, speakers):
        if c.sentence >= RETOLD_REACH or not c.cue_span or not s.name:
            continue
        if _is_media(s.name) and _REPORT_CUES.match(text[c.cue_span[0]:c.cue_span[1]]):
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
_CREDIT = re.compile(r"\[\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*)?([A-Z][\w.&'’ -]{1,40}?)\.?\s*\]")


def credited_items(text: str, cands: list, channels: list[Optional[Channel]]) -> list[Optional[Channel]]:
    """A record with no channel, in a roundup item that a bracketed credit
    closes, came through the outlet credited."""
    out = list(channels)
    for k, c in enumerate(cands):
        if out[k] is not None:
            continue
        end = max([e for _, e in c.content_spans] + [c.cue_span[1] if c.cue_span else 0])
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        m = _CREDIT.search(text, end, min(line_end, end + 300) + 1)
        if m and _is_media(m.group(1)):
            out[k] = Channel(_normalise(m.group(1)), m.group(0), m.start(), m.end())
    return out
