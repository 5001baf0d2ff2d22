"""Attributions told by typography rather than grammar.

- transcript turns: ``WALLACE: Let's start with ...`` (a speaker label in
  capitals, a colon, then the turn to the end of the line; in a transcript
  quoted whole, on through the paragraphs that re-open the quote);
- headline labels: ``Pat Caddell: Democrat Voters Worried ...`` (the article's
  first line, a short name, a colon), and the other way round: ``'It was
  chaos': Survivors recall ...`` (a quote, a colon, its speaker);
- signatures: ``“... for the future.” ― Krystal Correa`` (a quote, a dash and a
  name closing the line);
- block quotes: ``Limbaugh added:`` closing a paragraph, the next paragraph
  (or the quote it opens, over all its paragraphs) being what was said.

The parse has little to say about these lines (a colon or dash is just
punctuation to it), so the rules read the text and map back to words.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.cues import is_verbal, verb_lemma
from quotes.attribution.common.lexicon import BLOCK_VERBS, SPEECH_VERBS
from quotes.attribution.common.lines import title_case
from quotes.attribution.document.parsed import ParsedText, span_of
from quotes.attribution.document.quote_marks import QuoteSpan, as_quotes

_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al))*"
# "WALLACE:", "CHRIS WALLACE:", "SEN. WARREN:" (2+ capital letters, no lower case)
# a transcript quoted whole opens each turn with a quote mark: '"WALLACE: ...'
_TURN = re.compile(r"^[ \t]*(?P<mark>[\"“]?)(?P<label>[A-Z][A-Z.'’ -]*[A-Z.])[ \t]*(?P<colon>:)[ \t]+(?P<turn>\S.*?)[ \t\xa0]*$",
                   re.M)
# a later paragraph of the same quoted turn: '"But the truth is ...' (not '"(CROSSTALK.)')
_QUOTED_PARAGRAPH = re.compile(r"[ \t]*[\"“](?P<more>[^\s(].*?)[ \t\xa0]*$", re.M)
_BLANK = re.compile(r"\s*")
_LINE_BREAK = re.compile(r"\s*\n")
_HEADLINE = re.compile(rf"^[ \t]*(?P<label>{_NAME})[ \t]*(?P<colon>:)[ \t]+(?P<rest>\S.*?)[ \t\xa0]*$")
_SIGNATURE = re.compile(rf"[ \t\xa0]*(?P<dash>―|—|–|--?)[ \t\xa0]*(?P<name>{_NAME})[.\s\xa0]*$")

# labels that head a line without naming a speaker
NOT_SPEAKERS = frozenset("""update updated exclusive watch breaking video photos photo live analysis opinion
editorial note editor's correction corrections clarification clarifications disclosure disclaimer read related
source sources more also see listen transcript q a""".split())


def _words(parsed: ParsedText, start: int, end: int) -> list[int]:
    return [w.index for w in parsed.words_in(start, end)]


def _candidate(parsed: ParsedText, rule: str, cue: tuple[int, int], source: tuple[int, int],
               content: tuple[int, int] | list[tuple[int, int]], kind: str = "indirect") -> Optional[Candidate]:
    cue_words, source_words = _words(parsed, *cue), _words(parsed, *source)
    spans = content if isinstance(content, list) else [content]
    if not cue_words or not source_words or any(e <= s for s, e in spans):
        return None
    return Candidate(rule=rule, cue_words=cue_words, content_spans=spans, source_words=source_words,
                     kind=kind, sentence=parsed.words[cue_words[0]].sent)


def _speaker_label(label: str) -> bool:
    tokens = label.replace(".", " ").split()
    return 0 < len(tokens) <= 4 and not any(t.lower().strip("’'") in NOT_SPEAKERS for t in tokens)


def transcript_turns(parsed: ParsedText, page: str) -> list[Candidate]:
    """``page``: the text with boilerplate blanked, so that a turn does not go
    on into a sign-off."""
    out = []
    for m in _TURN.finditer(page):
        label = m.group("label").strip()
        if len(label.replace(" ", "")) < 2 or not _speaker_label(label):
            continue
        spans = [m.span("turn")]
        if m.group("mark"):
            spans += _quoted_turn_goes_on(page, m.end())
        cand = _candidate(parsed, "transcript", m.span("colon"), m.span("label"), spans, kind="direct")
        if cand:
            out.append(cand)
    return out


def _quoted_turn_goes_on(text: str, pos: int) -> list[tuple[int, int]]:
    """Paragraphs after a quoted turn that re-open the quote without a new
    speaker label: the same speaker goes on (PolNeAR spans leave out the marks)."""
    out = []
    while True:
        nxt = _LINE_BREAK.match(text, pos)
        if not nxt:
            return out
        m = _QUOTED_PARAGRAPH.match(text, nxt.end())
        if not m or _TURN.match(text, nxt.end()):
            return out
        out.append(m.span("more"))
        pos = m.end()


def headline_label(parsed: ParsedText) -> list[Candidate]:
    text = parsed.text
    first = re.search(r"\S[^\n]*", text)
    if not first:
        return []
    line = first.group(0)
    m = _HEADLINE.match(line)
    if not m or len(line) > 200 or not _speaker_label(m.group("label")):
        return []
    offset = first.start()
    if line.rstrip().endswith("."):
        # a headline some feeds end with a stop, not a sentence ("Note: the vote is on
        # Friday."); its label a name ("Obama:"), not a kicker ("Just Leaked:")
        label = parsed.words_in(offset + m.start("label"), offset + m.end("label"))
        if not title_case(m.group("rest").split()) or not label or any(w.upos != "PROPN" for w in label):
            return []
    shift = lambda span: (span[0] + offset, span[1] + offset)  # noqa: E731
    cand = _candidate(parsed, "headline-label", shift(m.span("colon")), shift(m.span("label")),
                      shift(m.span("rest")))
    return [cand] if cand else []


_QUOTE_FIRST_HEADLINE = re.compile(r"^[ \t]*(?P<quote>['‘\"“].{3,150}?['’\"”])[ \t]*(?P<colon>:)[ \t]+(?P<rest>\S.*?)[ \t\xa0]*$")


def quote_first_headline(parsed: ParsedText) -> list[Candidate]:
    """``'It was chaos': Survivors recall the night the dam broke``: a quote
    heading the article's first line is said by the subject of the clause
    after the colon."""
    text = parsed.text
    first = re.search(r"\S[^\n]*", text)
    m = _QUOTE_FIRST_HEADLINE.match(first.group(0)) if first else None
    if not m or len(first.group(0)) > 200:
        return []
    offset = first.start()
    rest = parsed.words_in(offset + m.start("rest"), offset + m.end("rest"))
    # headlines confuse the tagger ("UN chief warns" with "warns" a noun): a speech verb counts too
    verb = next((k for k, w in enumerate(rest) if w.upos in ("VERB", "AUX")
                 or (w.text.islower() and verb_lemma(w) in SPEECH_VERBS)), None)
    if not verb or verb > 5:
        return []
    label = rest[:verb]
    if not any(w.upos in ("PROPN", "NOUN") for w in label) or not _speaker_label(" ".join(w.text for w in label)):
        return []
    colon = (offset + m.start("colon"), offset + m.end("colon"))
    quote = (offset + m.start("quote"), offset + m.end("quote"))
    cand = _candidate(parsed, "headline-label", colon, (label[0].start, label[-1].end), quote, kind="direct")
    return [cand] if cand else []


def signatures(parsed: ParsedText, quotes: list[QuoteSpan]) -> list[Candidate]:
    text = parsed.text
    out = []
    for quote in quotes:
        if not quote.closed:
            continue
        line_end = text.find("\n", quote.end)
        line_end = len(text) if line_end < 0 else line_end
        m = _SIGNATURE.match(text, quote.end, line_end)
        if not m or not _speaker_label(m.group("name")):
            continue
        # from the opening mark of the first quote in the same paragraph run
        start = quote.start
        for other in quotes:
            if other.group == quote.group and other.start < start:
                start = other.start
        name_start, name_end = m.span("name")
        if text[name_end - 1] == "." and name_end - name_start > 3 and text[name_end - 3] != " ":
            name_end -= 1            # "Carla Sanchez." ends a sentence; "J." is an initial
        cand = _candidate(parsed, "signature", m.span("dash"), (name_start, name_end), (start, quote.end),
                          kind="direct")
        if cand:
            out.append(cand)
    return out


def _block_verb(word) -> bool:
    """A speech verb before a closing colon; a small tagger reads a bare
    "The New York Times reports:" as a noun phrase."""
    if word.upos == "NOUN":
        return word.lower.endswith("s") and word.lower[:-1] in BLOCK_VERBS
    return is_verbal(word) and verb_lemma(word) in BLOCK_VERBS


def _block_speaker(parsed: ParsedText, verb) -> list[int]:
    subjects = parsed.kids(verb.index, "nsubj")
    if subjects:
        return parsed.subtree(subjects[0].index)
    if verb.upos == "NOUN":         # "The New York Times reports:": all before it
        first = parsed.sentences[verb.sent].first
        return list(range(first, verb.index))
    return []


def block_quotes(parsed: ParsedText, quotes: list[QuoteSpan]) -> list[Candidate]:
    text = parsed.text
    quotes = as_quotes(quotes)
    out = []
    for sent in parsed.sentences:
        colon = parsed.words[sent.last - 1]
        verb = parsed.words[colon.head] if colon.text == ":" and colon.head is not None else None
        # the paragraph ends on the colon, after a speech verb with a subject
        if verb is None or verb.head is not None or not _block_verb(verb) or "\n" not in text[colon.end:colon.end + 3]:
            continue
        if parsed.kids(verb.index, "ccomp", "xcomp", "obj", "parataxis"):
            continue        # "suggested that she has these tasks:": what was said is in the sentence
        source = _block_speaker(parsed, verb)
        nxt = _BLANK.match(text, colon.end).end()
        line_end = text.find("\n", nxt)
        line_end = len(text) if line_end < 0 else line_end
        if not source or nxt >= len(text) or _TURN.match(text, nxt):
            continue
        opening = [q for q in quotes.overlapping(nxt, nxt + 1) if q.start == nxt]
        if opening:
            spans = [(q.start, q.end) for q in quotes.in_group(opening[0].group) if q.start >= nxt]
        else:
            # unquoted, it reads as reported speech: PolNeAR leaves the full stop out
            spans = [(nxt, nxt + len(text[nxt:line_end].rstrip().removesuffix(".")))]
        cue = (verb.start, colon.end) if verb.index == colon.index - 1 else (verb.start, verb.end)
        cand = _candidate(parsed, "block-quote", cue, span_of(parsed, source), spans,
                          kind="direct" if opening else "indirect")
        if cand:
            out.append(cand)
    return out


_QA = re.compile(r"^[ \t]*(?P<label>Q|A|Question|Answer)[ \t]*(?P<colon>[:.])[ \t]+(?P<turn>\S.*?)[ \t\xa0]*$",
                 re.M | re.I)


def qa_answers(parsed: ParsedText, page: str) -> list[Candidate]:
    """A Q&A interview (``Q: ...`` / ``A: ...`` lines): each answer is a direct
    quote of the person the introduction is about, each question one of the
    interviewer's (rule ``qa-question``; the speakers stage names them)."""
    turns = list(_QA.finditer(page))
    labels = {m.group("label")[0].upper() for m in turns}
    if labels != {"Q", "A"}:
        return []
    first_question = min(m.start() for m in turns if m.group("label")[0].upper() == "Q")
    out = [cand for m in turns if m.group("label")[0].upper() == "Q"
           for cand in [_candidate(parsed, "qa-question", m.span("colon"), m.span("label"), [m.span("turn")],
                                   kind="direct")] if cand]
    source = _interviewee(parsed, first_question)
    if source is None:
        return out
    for m in turns:
        if m.group("label")[0].upper() != "A":
            continue
        cand = _candidate(parsed, "qa-answer", m.span("colon"), source, [m.span("turn")], kind="direct")
        if cand:
            out.append(cand)
    return sorted(out, key=lambda c: c.content_spans[0])


def _interviewee(parsed: ParsedText, first_question: int) -> Optional[tuple[int, int]]:
    """Where the introduction names whom the Q&A is with: the one person it
    names in full, else the one its headline names, else the one it names most
    (""Actress Diane Guerrero ... her roles as Maritza Ramos": Guerrero)."""
    from quotes.attribution.speakers.naming.mentions import name_mentions
    from quotes.records import PERSON

    people = [m for m in name_mentions(parsed) if m.kind == PERSON and m.start < first_question
              and len(m.name.split()) >= 2]
    names = Counter(p.name for p in people)
    headline_end = parsed.text.find("\n")
    in_headline = {p.name for p in people if p.start < headline_end}
    if len(names) == 1:
        name = people[-1].name
    elif len(in_headline) == 1:
        name = in_headline.pop()
    else:
        ranked = names.most_common(2)
        if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None         # nobody, or several people alike: whose answers is unclear
        name = ranked[0][0]
    last = [p for p in people if p.name == name][-1]
    start = parsed.text.find(name, last.start)
    return (start, start + len(name)) if start >= 0 else None


# the attribution line of an embedded post: "— Donald J. Trump (@realDonaldTrump) September 30, 2016"
_POSTED_BY = re.compile(rf"^[ \t]*(?P<dash>―|—|–|--?)[ \t]*(?P<name>{_NAME})[ \t]*(?P<handle>\(@\w{{1,30}}\))"
                        r"[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4})?[ \t\xa0.]*$", re.M)


def embedded_posts(parsed: ParsedText, page: str) -> list[Candidate]:
    """A post embedded in a page: its text, then a line naming who posted it
    with their handle; the post is their direct quote (channel: Twitter)."""
    out = []
    for m in _POSTED_BY.finditer(page):
        end = m.start()                  # the post's text ends at the last character before this line
        while end > 0 and page[end - 1].isspace():
            end -= 1
        start = page.rfind("\n", 0, end) + 1
        while start < end and page[start].isspace():
            start += 1
        if start >= end:
            continue
        cand = _candidate(parsed, "embedded-post", m.span("handle"), m.span("name"), (start, end),
                          kind="direct")
        if cand:
            out.append(cand)
    return out


def layout_candidates(parsed: ParsedText, quotes: list[QuoteSpan], page: str) -> list[Candidate]:
    """``page``: ``parsed.text`` with boilerplate blanked (``quotes.text.prepare``)."""
    return (transcript_turns(parsed, page) + qa_answers(parsed, page) + embedded_posts(parsed, page)
            + headline_label(parsed)
            + quote_first_headline(parsed) + signatures(parsed, quotes) + block_quotes(parsed, quotes))
