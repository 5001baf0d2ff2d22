"""The attribution stages, by name, in the order they run.

Every stage is a function ``stage(work) -> None`` that reads what earlier
stages left on the ``Work`` record and adds its own part, so a stage can be
timed (``run(..., timings=...)``), switched off (``run(..., skip={"tagger"})``,
``quotes.evaluation.evaluate(..., skip=...)``) and found from its name.
A stage switched off leaves its part empty: no tagger means the rules' records
alone, no speakers means records without a speaker, and so on.

    document     the parse as plain words and sentences, a few parse errors mended
    quote-marks  quoted stretches read off the page's quote marks
    rules        claims from the tree, quotes given their cues, typographic layouts
    tagger       the BiLSTM tagger's source / cue / content spans as candidates
    combine      tagger first, rules to fill its gaps
    sources      where each speaker span begins and ends
    speakers     one canonical speaker per person or body
    channels     through which outlet or medium it was said
    confidence   how far each record is trusted
    records      ``Attribution`` records

The text has been through ``quotes.text.prepare`` (size check, boilerplate
blanked) and the parser before the first stage.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from quotes.attribution.authors import bio_line_author, byline_in_text, first_person_author, letter_writers
from quotes.attribution.channels.carry import carry_channels, channel_for, outlet_records
from quotes.attribution.channels.documents import (credited_items, issued_documents, poll_findings, record_channel,
                                                   retold_sources)
from quotes.attribution.channels.occasions import carry_occasions, find_occasions, session_channels, story_setting
from quotes.attribution.channels.phrases import Channel
from quotes.attribution.combine import combine
from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.reconcile import settle, trim_cue
from quotes.attribution.confidence import record_confidence
from quotes.attribution.document.parsed import ParsedText, from_stanza
from quotes.attribution.document.quote_marks import Quotes, find_quotes
from quotes.attribution.filters import names_a_thing, reports_nobody
from quotes.attribution.rules.collect import rule_candidates
from quotes.attribution.speakers.resolve import Speaker, resolve_speakers
from quotes.attribution.speakers.story import lede_end
from quotes.attribution.speakers.sources.spans import (apart_from_cue, dateline_source, document_source,
                                                       inverted_source, participle_sources, placed_source,
                                                       share_conjoined_sources, source_from_tree, trim_source,
                                                       within_line)
from quotes.attribution.tagger.loading import bundled_tagger
from quotes.attribution.tagger.spans import tagged_candidates
from quotes.records import Attribution, join_spans
from quotes.text.prepare import PreparedText


@dataclass
class Work:
    """What the stages pass along, one article at a time."""
    prepared: PreparedText
    doc: object                                   # the stanza.Document of ``prepared.page``
    parsed: Optional[ParsedText] = None
    quotes: Quotes = field(default_factory=Quotes)
    rules: list[Candidate] = field(default_factory=list)
    tagged: Optional[list[Candidate]] = None      # None: no tagger ran
    candidates: list[Candidate] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)          # one per candidate, or none
    channels: list[Optional[Channel]] = field(default_factory=list)
    confidence: list[float] = field(default_factory=list)
    records: list[Attribution] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.prepared.text


def read_document(work: Work) -> None:
    work.parsed = from_stanza(work.doc, work.text)


def find_quote_marks(work: Work) -> None:
    work.quotes = find_quotes(work.prepared.page)


def apply_rules(work: Work) -> None:
    work.rules = rule_candidates(work.parsed, work.text, work.prepared.page, work.quotes)


def apply_tagger(work: Work) -> None:
    tagger = bundled_tagger()
    if tagger is None:
        return
    parsed, text, quotes = work.parsed, work.text, work.quotes
    tagged = settle(parsed, text, quotes, tagged_candidates(parsed, tagger, quotes))
    for c in tagged:
        if not c.source_words:
            source_from_tree(parsed, c)
    share_conjoined_sources(parsed, tagged)
    work.tagged = tagged


def combine_candidates(work: Work) -> None:
    if work.tagged is None:
        work.candidates = list(work.rules)
        return
    work.candidates = [c for c in combine(work.rules, [c for c in work.tagged if not names_a_thing(work.parsed, c)],
                                          work.text)
                       if not reports_nobody(work.parsed, c, work.text)]


def settle_sources(work: Work) -> None:
    parsed = work.parsed
    for c in work.candidates:
        trim_cue(parsed, c)
        dateline_source(parsed, work.text, c)
        placed_source(parsed, work.text, c)
        document_source(parsed, c)
        inverted_source(parsed, c)
        apart = apart_from_cue(c.source_words, c.cue_words)
        if apart != c.source_words:
            c.source_words, c.source_span = apart, None
        c.source_words = within_line(parsed, trim_source(parsed, c.source_words), c.cue_words)
        if c.source_words and c.source_span is None:
            c.source_span = (parsed.words[c.source_words[0]].start, parsed.words[c.source_words[-1]].end)
    work.candidates = sorted(work.candidates, key=lambda c: c.anchor)
    participle_sources(parsed, work.candidates)


def name_speakers(work: Work) -> None:
    work.speakers = resolve_speakers(work.parsed, work.text, work.candidates, work.quotes)


def find_channels(work: Work) -> None:
    parsed, text = work.parsed, work.text
    work.channels = []
    for k, c in enumerate(work.candidates):
        sent = parsed.sentences[c.sentence] if parsed.sentences else None
        speaker = work.speakers[k] if work.speakers else None
        channel = record_channel(text, c, speaker.mention if speaker else None, speaker.start if speaker else None)
        if channel is None and sent is not None and c.cue_span:
            lo = min(sent.start, c.cue_span[0])
            hi = max(sent.end, c.cue_span[1])
            # (content the parser split over sentences: up to the end of its last one)
            # (looked up by bisection: an article may hold ten thousand quotes)
            last_word = parsed.word_at(max((e for _, e in c.content_spans), default=hi) - 1)
            if last_word is not None and last_word.sent < len(parsed.sentences):
                hi = max(hi, parsed.sentences[last_word.sent].end)
            channel = channel_for(text, lo, hi, c.cue_span[0], c.content_spans)
        work.channels.append(channel)
    speakers = [s.name for s in work.speakers] if work.speakers else []
    work.channels = carry_channels(text, work.candidates, speakers, work.channels)
    # "Speaking at a rally in Novi, Trump said ...": the occasion goes on to his next quotes
    marks = work.quotes

    def quoted(start: int, end: int) -> bool:
        return bool(marks.overlapping(start, end))

    occasions = find_occasions(parsed, text, work.candidates, speakers, quoted)
    lede = lede_end(text)
    lede_sentences = sum(1 for sent in parsed.sentences if sent.start < lede)
    # (the setting may be told in the sentence after the lede's first line)
    setting_end = next((sent.end for sent in parsed.sentences if sent.start >= lede), lede)
    setting = story_setting(parsed, setting_end, quoted, work.candidates, speakers, lede_sentences)
    work.channels = carry_occasions(work.candidates, speakers, work.channels, occasions, lede_sentences, text,
                                    setting)
    work.channels = session_channels(text, work.candidates, work.channels)
    if work.speakers:
        work.speakers, work.channels = issued_documents(work.speakers, work.channels, text)
        # "The New York Post reports ...", then "sources said": they spoke to the Post
        work.channels = retold_sources(text, work.candidates, work.speakers, work.channels)
        # "A Bloomberg poll found ...", "Twelve percent said ...": the poll
        work.channels = poll_findings(parsed, work.candidates, work.speakers, work.channels)
    work.channels = credited_items(text, work.candidates, work.channels)
    # "..., Lavrov said, according to the TASS news agency": TASS is the channel of
    # Lavrov's quote, not a speaker of its own
    drop = outlet_records(text, work.candidates, work.channels)
    if drop:
        keep = [k for k in range(len(work.candidates)) if k not in drop]
        work.candidates = [work.candidates[k] for k in keep]
        work.channels = [work.channels[k] for k in keep]
        if work.speakers:
            work.speakers = [work.speakers[k] for k in keep]


def score_confidence(work: Work) -> None:
    speakers = work.speakers or [Speaker() for _ in work.candidates]
    work.confidence = [record_confidence(work.parsed, c, s.mention is not None, s.resolved)
                       for c, s in zip(work.candidates, speakers)]


def make_records(work: Work) -> None:
    text = work.text
    work.records = []
    for k, c in enumerate(work.candidates):
        speaker = work.speakers[k] if work.speakers else Speaker()
        channel = work.channels[k] if work.channels else None
        spans = [list(s) for s in c.content_spans]
        work.records.append(Attribution(
            kind=c.kind,
            content=join_spans(text, spans),
            content_spans=spans,
            cue=text[c.cue_span[0]:c.cue_span[1]] if c.cue_span else None,
            cue_start=c.cue_span[0] if c.cue_span else None,
            cue_end=c.cue_span[1] if c.cue_span else None,
            speaker=speaker.name,
            speaker_mention=speaker.mention,
            speaker_start=speaker.start,
            speaker_end=speaker.end,
            speaker_role=speaker.role,
            speaker_type=speaker.kind,
            channel=channel.name if channel else None,
            channel_mention=channel.mention if channel else None,
            **({"confidence": work.confidence[k]} if work.confidence else {}),
            sentence=c.sentence,
        ))
    # "By Jane Roe" heading an op-ed: her "I believe ..." is hers; a guest's
    # piece, signed in a closing bio line, came through an op-ed
    author = byline_in_text(text)
    guest = None if author else bio_line_author(text)
    work.records = first_person_author(work.records, author or guest, channel="op-ed" if guest else None)
    # a letters page: each reader's "I" is the reader who signs that letter
    work.records = letter_writers(work.records, text)


Stage = Callable[[Work], None]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("document", read_document),
    ("quote-marks", find_quote_marks),
    ("rules", apply_rules),
    ("tagger", apply_tagger),
    ("combine", combine_candidates),
    ("sources", settle_sources),
    ("speakers", name_speakers),
    ("channels", find_channels),
    ("confidence", score_confidence),
    ("records", make_records),
)
STAGE_NAMES = tuple(name for name, _ in STAGES)
# stages that find candidates, and those that resolve them into records
# (the two halves ``extract_timed`` reports as "extract" and "resolve")
FINDING = STAGE_NAMES[:STAGE_NAMES.index("speakers")]
RESOLVING = STAGE_NAMES[STAGE_NAMES.index("speakers"):]
# without these nothing downstream has anything to read
REQUIRED = ("document", "records")


def run(prepared: PreparedText, doc, skip: Iterable[str] = (),
        timings: Optional[dict[str, float]] = None, deadline=None) -> Work:
    """Every stage in order over one parsed article, but those named in
    ``skip``; each stage's seconds added to ``timings`` when given.

    ``deadline`` (a ``quotes.nlp.limits.Deadline``, the article's time budget)
    is checked after each stage: past it, ``ArticleTooSlow`` names the stage.
    """
    skip = set(skip)
    unknown = skip - set(STAGE_NAMES)
    if unknown or skip & set(REQUIRED):
        raise ValueError(f"cannot skip {', '.join(sorted(unknown | (skip & set(REQUIRED))))}: "
                         f"optional stages are {', '.join(n for n in STAGE_NAMES if n not in REQUIRED)}")
    work = Work(prepared, doc)
    for name, stage in STAGES:
        if name in skip:
            continue
        started = time.perf_counter()
        stage(work)
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
        if deadline is not None:
            deadline.check_stage(name)
    return work
