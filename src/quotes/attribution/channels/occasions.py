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
from dataclasses import dataclass
from typing import Optional

from quotes.attribution.channels.documents import DOCUMENT_NOUNS
from quotes.attribution.channels.phrases import RECALLED_AFTER, Channel, find_channels
from quotes.attribution.channels.vocabulary import OUTLET, channel_kind, normalise
from quotes.attribution.common.cues import verb_lemma
from quotes.attribution.common.lexicon import SPEECH_VERBS
from quotes.attribution.speakers.naming.name_runs import in_subject


@dataclass
class Occasion:
    channel: Channel
    sentence: int
    speakers: frozenset[str]     # canonical speakers the sentence names or quotes
    lasts: bool = False          # goes on over the speaker's next quotes (``lasting``)


def _subject_of(parsed, sent, speaker: str, bare: Optional[dict[str, str]] = None) -> bool:
    """The sentence is about the speaker: their surname (or a body's last
    word) is its subject or inside its subject ("Graham told The Huffington
    Post that Trump ..." is Graham's occasion, not Trump's); a surname that
    ``bare`` says the article's records give someone else alone is theirs
    ("Trump coined the phrase at a rally" is Donald's, not Eric Trump's),
    unless the full name is there."""
    words = speaker.split()
    if not words:
        return False
    owner = (bare or {}).get(words[-1])
    if owner and owner != speaker and speaker not in parsed.text[sent.start:sent.end]:
        return False
    # (or the full name's first word: "George Will reignited ...", where the
    # tagger took "Will" for a modal outside the subject)
    names = {words[-1].lower()} | ({words[0].lower()} if len(words) > 1 and speaker in parsed.text[
        sent.start:sent.end] else set())
    return any(parsed.words[i].lower in names and in_subject(parsed.words, i)
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
    bare: dict[str, str] = {}         # a surname alone, as the records resolve it
    for c, s in zip(cands, speakers):
        if s:
            quoting.setdefault(c.sentence, set()).add(s)
            mention = text[c.source_span[0]:c.source_span[1]] if c.source_span else ""
            if mention[:1].isupper() and mention.isalpha() and s.split()[-1] == mention and s != mention:
                bare.setdefault(mention, s)
    out = []
    for sent in parsed.sentences:
        # (what a quote or claim says happened is not where it was said)
        found = [ch for ch in find_channels(text, sent.start, sent.end, settings=True)
                 if not quoted(ch.start, ch.start + 1) and not any(s <= ch.start < e for s, e in contents)]
        if not found:
            continue
        # the speakers quoted in the sentence, else whoever it is about
        named = quoting.get(sent.index) or {s for s in known if _subject_of(parsed, sent, s, bare)}
        for ch in found:
            subject = _clause_subject(parsed, ch.start)
            if subject is not None and not quoting.get(sent.index):
                # "Mr. Schultz ... (or, as The Daily Beast called them in an
                # article ...)": the article is the Beast's, not Schultz's
                theirs = {s for s in named if s.split()[-1].lower() in subject}
            else:
                theirs = named
            # (two people named together were each there: "Bolton and Gorka ... in their
            # Breitbart News Daily appearances", then "said Bolton")
            theirs = set(theirs) | {part for s in theirs for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", s)
                                    if " and " in s and len(part.split()) > 1}
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


# "wrote Nordstrom" after "In an email dated Feb. 12, 2012, Eric Nordstrom ...":
# what a writer wrote came in the document the story last said they wrote
WRITTEN = frozenset("email letter memo cable op-ed column essay article post blog note book memoir report".split())
_WRITING_CUE = re.compile(r"^(?:wrote|writes|write|writing|penned|pens)$", re.I)

# the event a story is set at, named in its headline or lede ("The leading Republican
# candidates lashed out at Obama ... in a debate"): where everyone it then quotes spoke,
# unless the story puts them somewhere else
SETTINGS = frozenset({"debate", "hearing", "town hall", "forum", "convention"})
# one person's occasion the lede tells ("Trump argued ... during a speech in Iowa",
# "Comey ... at a press conference"): where that person's later quotes were said,
# not the others the story quotes (Paul Ryan's statement about it)
OWN_SETTINGS = frozenset({"speech", "address", "remarks", "interview", "rally", "press conference",
                          "news conference", "briefing"})


def _reported(parsed, cands: list, at: int) -> bool:
    """Offset ``at`` lies in what someone is reported to have said ("PolitiFact
    announced it will have 18 fact-checkers working during the debate": the
    debate is what they spoke of, not where), not in what they did ("lashed out
    at Obama ... in a debate")."""
    for c in cands:
        if c.cue_span and any(s <= at < e for s, e in c.content_spans):
            word = parsed.word_at(c.cue_span[0])
            if word is not None and verb_lemma(word) in SPEECH_VERBS:
                return True
    return False


def story_setting(parsed, end: int, quoted, cands: list, speakers: list[Optional[str]],
                  lede_sentences: int) -> Optional[Occasion]:
    """The first occasion of the headline and lede (up to ``end``), outside
    quote marks and within what a claim says as well ("lashed out at Obama
    ... in a debate that threatened ..."), when it is one the story's quotes
    were said at: an event, for whom the headline and lede name, or a speech
    or interview, for whom the lede quotes; not a document, an outlet or a
    recalled one."""
    text = parsed.text
    found = [ch for ch in find_channels(text, 0, end, settings=True) if not quoted(ch.start, ch.start + 1)
             and not _reported(parsed, cands, ch.start)]
    if not found or not lasting(found[0], text[found[0].end:found[0].end + 20]):
        return None
    first = found[0]
    kind = first.name.lower()
    lede = frozenset(s for c, s in zip(cands, speakers) if s and c.sentence < lede_sentences + 1)
    if kind in SETTINGS:
        # those the headline and lede name took part ("As Donald Trump ..."); the
        # others a story quotes may be speaking of it after (a former aide "in the spin room")
        named = set(re.findall(r"\b[A-Z][\w'’-]+", text[:end]))
        present = lede | {s for s in speakers if s and s.split()[-1] in named}
        # ("Ben Carson Slams Hillary And The Media In One Debate Answer": a title-case headline's word)
        return Occasion(Channel(kind, first.mention, first.start, first.end), 0, frozenset(present), True) \
            if present else None
    # ("Sunday on Fox News channel's "Sunday Morning Futures," Rep. Darrell Issa said": an outlet)
    if lede and (kind in OWN_SETTINGS or channel_kind(first.name) == OUTLET):
        return Occasion(first, 0, lede, True)
    return None


def carry_occasions(cands: list, speakers: list[Optional[str]], channels: list[Optional[Channel]],
                    occasions: list[Occasion], lede_sentences: int = 0, text: str = "",
                    setting: Optional[Occasion] = None) -> list[Optional[Channel]]:
    """A record with no channel takes the last occasion, at or before its
    sentence, of a sentence that names its speaker; one in the first
    ``lede_sentences`` sentences (headline and lede) with no occasion before it
    takes the speaker's occasion later in the story when there is one, and it
    lasts; one whose speaker the story puts at no occasion takes the story's
    ``setting`` (``story_setting``)."""
    out = list(channels)
    for k, c in enumerate(cands):
        speaker = speakers[k] if k < len(speakers) else None
        if out[k] is not None or not speaker:
            continue
        written = bool(text and c.cue_span and _WRITING_CUE.match(text[c.cue_span[0]:c.cue_span[1]]))
        theirs = [o for o in occasions if speaker in o.speakers]
        before = [o for o in theirs if o.sentence <= c.sentence and (
            o.sentence == c.sentence or o.lasts or written and o.channel.name.lower() in WRITTEN)]
        if before:
            out[k] = before[-1].channel
            continue
        if setting is not None and not theirs and speaker in setting.speakers:
            out[k] = setting.channel
            continue
        # a headline or lede says in brief what the story then tells: "Pence: ..."
        # above "On Fox News Sunday, Pence said ..." was said there too: the
        # speaker's first occasion in the story, when it lasts ("public comments"
        # then "as quoted by Reuters" leave it open)
        later = [o for o in theirs if o.sentence > c.sentence]
        if c.sentence < lede_sentences and later and later[0].lasts:
            out[k] = later[0].channel
    return out


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
    turns = [k for k, c in enumerate(cands) if c.rule in ("transcript", "qa-answer", "qa-question")
             and channels[k] is None]
    if not turns:
        return channels
    first = min(cands[k].anchor for k in turns)
    low = max(0, first - INTRO_REACH)
    heading = [m for m in re.finditer(r"(?im)^.*\btranscript\b.*$", text[low:first])]
    named = _SESSION.search(heading[-1].group(0)) if heading else None
    occasion = None
    if named:
        at = low + heading[-1].start()
        occasion = Channel(normalise(named.group(1).lower()), named.group(0), at + named.start(), at + named.end())
    else:
        # "Marcus Bell spoke to the novelist Odile Farrow about her new book": an interview
        intro = list(_INTERVIEW_INTRO.finditer(text, low, first))
        if intro:
            occasion = Channel("interview", intro[-1].group(0), intro[-1].start(), intro[-1].end())
    out = list(channels)
    for k in turns:
        if occasion:
            out[k] = occasion
        elif cands[k].rule in ("qa-answer", "qa-question"):
            out[k] = Channel("interview", text[cands[k].cue_span[0]:cands[k].cue_span[1]], *cands[k].cue_span)
    return out
