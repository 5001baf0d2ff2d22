"""A record's channel from its own sentence, and from the same speaker's
quote before it: ``channel_for`` picks the phrase nearest the cue,
``carry_channels`` carries an interview or a show to the speaker's next
quotes, ``outlet_records`` drops "according to <outlet>" records whose outlet
is already another record's channel."""
from __future__ import annotations

from typing import Optional

from quotes.attribution.channels.phrases import RECALLED_AFTER, Channel, find_channels


def channel_for(text: str, sentence_start: int, sentence_end: int, cue_start: Optional[int],
                content_spans: list[tuple[int, int]]) -> Optional[Channel]:
    """The channel phrase of the cue's sentence nearest the cue, outside the content."""
    if cue_start is None:
        return None
    found = [c for c in find_channels(text, sentence_start, sentence_end)
             if not any(s <= c.start < e for s, e in content_spans)
             or _closing_show(text, c, sentence_start, sentence_end)]
    if not found:
        return None
    # "as quoted by" / "told AFP" name the outlet; prefer them over a generic phrase
    ranked = sorted(found, key=lambda c: (not c.mention.lower().startswith(("as quoted", "quoted", "told",
                                                                          "according")),
                                          abs(c.start - cue_start)))
    return ranked[0]


def _closing_show(text: str, channel: Channel, sentence_start: int, sentence_end: int) -> bool:
    """"... against Donald Trump on Friday's "PBS NewsHour."": a show named
    last in the sentence, outside quote marks, is where it was all said, even
    where the reported words run up to it."""
    if not (channel.mention.lower().startswith("on ") and channel.name[:1].isupper()):
        return False
    if text[channel.end:sentence_end].strip(" \t\n.,;:!?\"”’'"):
        return False
    before = text[sentence_start:channel.start]
    return before.count("“") == before.count("”") and before.count('"') % 2 == 0


# how far a channel carries to the same speaker's next quotes ("in an
# interview with CNN, Trump said ... He added ...": one interview)
CARRY_REACH = 600
# cue verbs that name their medium
CUE_CHANNELS = {"tweeted": "Twitter", "tweets": "Twitter", "tweet": "Twitter", "tweeting": "Twitter",
                "retweeted": "Twitter", "retweets": "Twitter", "retweeting": "Twitter", "testified": "testimony",
                "testifies": "testimony", "posted": "post", "blogged": "blog"}


# "told USA Today", "as quoted by Reuters", "according to TASS": the outlet one
# remark reached; the speaker's very next quote is not assumed to have come
# through it (an occasion the story sets, ``occasions``, still may be)
ONE_REMARK = ("told", "telling", "tells", "as quoted", "quoted", "according", "cited", "as reported", "reported")


def _carries(channel: Optional[Channel], text: str = "") -> bool:
    """An interview or an outlet goes on over several quotes; a statement or
    a press release says one thing (the example article's gold keeps the quotes
    after one apart)."""
    if channel is None or (text and RECALLED_AFTER.match(text, channel.end)):
        return False
    if channel.mention.lower().startswith(ONE_REMARK):
        return False
    return "interview" in channel.name.lower() or channel.name[:1].isupper()


def carry_channels(text: str, cands: list, speakers: list, channels: list) -> list:
    """A quote with no channel of its own takes the interview or outlet of the
    same speaker's previous quote when nobody else was quoted between them and it
    follows within ``CARRY_REACH`` characters; a cue verb that names its
    medium (``tweeted``, ``testified``) gives that medium, over any phrase
    but an outlet's name."""
    out = list(channels)
    previous = None          # (speaker, channel, end offset) of the last record
    for k, c in enumerate(cands):
        speaker = speakers[k] if k < len(speakers) else None
        if c.cue_span:
            # "poked at his sniffing during the debate, tweeting, ...": the cue names the medium
            cue = text[c.cue_span[0]:c.cue_span[1]].lower().split()
            # ("also retweeted": the verb, past an adverb)
            medium = next((CUE_CHANNELS[w] for w in cue[:3] if w in CUE_CHANNELS), None)
            if medium and not (out[k] is not None and out[k].name[:1].isupper()):
                out[k] = Channel(medium, text[c.cue_span[0]:c.cue_span[1]], *c.cue_span)
        start = min([c.anchor] + [s for s, _ in c.content_spans])
        if out[k] is None and previous and speaker and previous[0] == speaker and _carries(previous[1], text) \
                and 0 <= start - previous[2] <= CARRY_REACH:
            out[k] = previous[1]
        end = max([e for _, e in c.content_spans] + [c.cue_span[1] if c.cue_span else 0])
        previous = (speaker, out[k], end)
    return out


def outlet_records(text: str, cands: list, channels: list) -> set[int]:
    """Indices of "according to <outlet>" records whose outlet is already the
    channel of another record in the same sentence."""
    out = set()
    for k, c in enumerate(cands):
        channel = channels[k]
        if not c.cue_span or channel is None or not text[c.cue_span[0]:c.cue_span[1]].lower().startswith("according"):
            continue
        if not channel.start <= c.cue_span[0] < channel.end:
            continue
        if any(other is not None and other.start == channel.start
               for j, other in enumerate(channels) if j != k and cands[j].sentence == c.sentence):
            out.add(k)
    return out
