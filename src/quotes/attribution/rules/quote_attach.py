"""Give each direct quote its cue and speaker.

Looks at the words around a quote rather than trusting the tree alone (the
bundled parser is small and long quotes often come out oddly attached):

- after the quote: ``"X," he said.`` / ``"X," said Smith.`` / ``"X," he added, as quoted by Reuters.``
- before it: ``Smith said: "X."`` / ``He told reporters, "X."``
- a quote that continues an attributed one in the same paragraph, with no
  cue of its own, joins it as a further content span: ``"X," he said. "Y."``
  and ``"X," he said, "Y."``
- a paragraph that is wholly a quotation, right after a paragraph with an
  attributed quote, is that speaker's too (as style guides write them): a
  direct record of its own with the same speaker and no cue.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import re
from collections import defaultdict
from typing import Optional

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.cues import cue_words, is_quote_verb
from quotes.attribution.common.lines import line_end_after, line_start_before, title_case
from quotes.attribution.common.phrases import np_before
from quotes.attribution.document.parsed import ParsedText, Word
from quotes.attribution.document.quote_marks import QuoteSpan
from quotes.attribution.speakers.sources.subjects import extend_source, prefer_surface, source_words, subject_of

# how many words may stand between a quote and its cue
MAX_GAP_AFTER = 20
MAX_GAP_BEFORE = 8
_SENT_END = re.compile(r"[.!?](?=\s)|\n")


def group_quotes(quotes: list[QuoteSpan]) -> dict[int, list[QuoteSpan]]:
    groups: dict[int, list[QuoteSpan]] = defaultdict(list)
    for q in quotes:
        groups[q.group].append(q)
    return groups


def _sentence_end_after(parsed: ParsedText, text: str, pos: int) -> int:
    """End of the (abbreviation-merged) sentence holding the first word at or
    after ``pos``; a plain full stop search would stop at ``Mr.``."""
    first = bisect_left(parsed.starts, pos)
    if first < len(parsed.words):
        return parsed.sentences[parsed.words[first].sent].end
    return len(text)


def _sentence_start_before(parsed: ParsedText, text: str, pos: int) -> int:
    last = bisect_right(parsed.ends, pos) - 1      # the last word ending at or before pos
    return parsed.sentences[parsed.words[last].sent].start if last >= 0 else 0


def _window_after(parsed: ParsedText, text: str, end: int) -> list[Word]:
    stop = _sentence_end_after(parsed, text, end)
    newline = text.find("\n", end)
    if newline >= 0:
        stop = min(stop, newline)
    nxt = _next_open(text, end)
    if nxt is not None:
        stop = min(stop, nxt)
    return parsed.words_in(end, stop)


def _next_open(text: str, pos: int) -> Optional[int]:
    for i in range(pos, min(len(text), pos + 400)):
        if text[i] in "“«" or (text[i] == '"' and (i == 0 or text[i - 1].isspace())):
            return i
        if text[i] == "\n":
            return None
    return None


def _window_before(parsed: ParsedText, text: str, start: int) -> list[Word]:
    # a quote opening a new sentence is not introduced by the sentence before
    # it ("... and advises ministries. “X.”"), unless that one ends in a colon
    before = start - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    if before >= 0 and text[before] in (".", "!", "?"):
        return []
    # (the newline is looked for within the sentence only: one huge line stays linear)
    sentence_start = _sentence_start_before(parsed, text, start)
    lo = max(text.rfind("\n", sentence_start, start), 0, sentence_start)
    return parsed.words_in(lo, start)


def _cue_after(parsed: ParsedText, window: list[Word]) -> Optional[Word]:
    content = [w for w in window if w.upos != "PUNCT"]
    for n, w in enumerate(content[:MAX_GAP_AFTER]):
        if is_quote_verb(w):
            return w
    return None


def _cue_before(parsed: ParsedText, window: list[Word]) -> Optional[Word]:
    content = [w for w in window if w.upos != "PUNCT"]
    tail = content[-MAX_GAP_BEFORE:]
    for w in reversed(tail):
        if is_quote_verb(w):
            return w
    return None


def _speaker_near(parsed: ParsedText, cue: Word, window: list[Word], exclude: set[int]) -> list[int]:
    subject = subject_of(parsed, cue.index)
    inside = {w.index for w in window}
    if subject is not None and subject in inside and subject not in exclude:
        tree = source_words(parsed, subject, exclude=exclude | set(cue_words(parsed, cue.index)))
        if subject < cue.index:
            first = cue_words(parsed, cue.index)[0]
            before = [i for i in np_before(parsed, first) if i in inside]
            chosen = prefer_surface(parsed, tree, before)
            return extend_source(parsed, chosen, first, exclude=exclude) if chosen else chosen
        # inverted ("said John Smith, a spokesman"): everything from the cue to the subject's end
        last_cue = cue_words(parsed, cue.index)[-1]
        run = [i for i in range(last_cue + 1, max(tree) + 1) if i in inside]
        while run and parsed.words[run[0]].upos == "PUNCT":
            run.pop(0)
        return run if run and len(run) <= 25 else tree
    # surface fallback: "said Smith" / "Smith said" / "he said"
    words = parsed.words
    after = [i for i in range(cue.index + 1, min(cue.index + 6, len(words)))
             if i in inside and words[i].upos != "PUNCT"]
    run = []
    for i in after:
        if words[i].upos in ("PROPN", "PRON") or (run and words[i].upos in ("NOUN", "ADJ", "DET")):
            run.append(i)
        elif run:
            break
        elif words[i].upos != "DET":
            break
    if run:
        return run
    run = []
    i = cue.index - 1
    while i in inside and words[i].upos in ("PROPN", "PRON", "NOUN", "ADJ", "DET", "AUX", "ADV"):
        if words[i].upos not in ("AUX", "ADV") or run:
            run.insert(0, i)
        i -= 1
    while run and words[run[-1]].upos in ("AUX", "ADV"):
        run.pop()
    return run


def attach_quotes(parsed: ParsedText, text: str, quotes: list[QuoteSpan],
                  covered: set[int]) -> list[Candidate]:
    """Candidates for quote groups not already inside a claim (``covered``)."""
    out: list[Candidate] = []
    groups = group_quotes(quotes)
    by_cue: dict[int, Candidate] = {}
    for group_id, spans in sorted(groups.items(), key=lambda kv: kv[1][0].start):
        if group_id in covered:
            continue
        first, last = spans[0], spans[-1]
        if not _quote_worthy(parsed, text, spans):
            continue
        cue = None
        rule = ""
        window = _window_after(parsed, text, last.end)
        cue = _cue_after(parsed, window)
        if cue is not None:
            rule = "quote-after"
        else:
            window = _window_before(parsed, text, first.start)
            cue = _cue_before(parsed, window)
            rule = "quote-before" if cue is not None else ""
        if cue is None:
            continue
        content = [(q.start, q.end) for q in spans]
        if cue.index in by_cue:       # "X," he said, "Y." : one quote, two fragments
            cand = by_cue[cue.index]
            cand.content_spans = sorted(cand.content_spans + content)
            cand.quote_groups.add(group_id)
            continue
        cues = cue_words(parsed, cue.index)
        quote_words = {w.index for s, e in content for w in parsed.words_in(s, e)}
        source = _speaker_near(parsed, cue, window, quote_words)
        cand = Candidate(rule=rule, cue_words=cues, content_spans=content, source_words=source,
                         quote_groups={group_id}, kind="direct", sentence=cue.sent)
        by_cue[cue.index] = cand
        out.append(cand)
    return out


def _quote_worthy(parsed: ParsedText, text: str, spans: list[QuoteSpan]) -> bool:
    """Long enough to be speech: at least 3 words, or a whole sentence.
    Short quoted phrases (titles, scare quotes, nicknames) only count inside
    a reported claim (mixed quotes)."""
    inner = " ".join(text[q.inner[0]:q.inner[1]] for q in spans)
    return len(inner.split()) >= 4 or bool(re.search(r"[.!?,]\W*$", inner.strip()))


def join_continuations(parsed: ParsedText, text: str, quotes: list[QuoteSpan],
                       cands: list[Candidate], covered: set[int]) -> None:
    """A cue-less quote right after an attributed direct quote in the same
    paragraph joins it: ``"X," he said. "Y."``."""
    groups = group_quotes(quotes)
    claimed = set(covered)
    for c in cands:
        claimed |= c.quote_groups
    direct = sorted((c for c in cands if c.kind == "direct" and c.cue_words), key=lambda c: c.anchor)
    for group_id, spans in sorted(groups.items(), key=lambda kv: kv[1][0].start):
        if group_id in claimed or not _quote_worthy(parsed, text, spans):
            continue
        start = spans[0].start
        prev = [c for c in direct if c.content_spans[-1][1] <= start]
        if not prev:
            continue
        cand = prev[-1]
        cue_end = parsed.words[cand.cue_words[-1]].end
        last_end = max(cand.content_spans[-1][1], cue_end)
        between = text[last_end:start]
        if "\n" in between or len(between) > 200 or cue_end > start:
            continue
        # only the rest of the attribution sentence may stand between
        cue_sent = parsed.words[cand.cue_words[-1]].sent
        rest_of_sentence = all(w.sent == cue_sent for w in parsed.words_in(last_end, start) if w.upos != "PUNCT")
        if len(re.findall(r"\w+", between)) > 12 and not rest_of_sentence:
            continue
        cand.content_spans = sorted(cand.content_spans + [(q.start, q.end) for q in spans])
        cand.quote_groups.add(group_id)
        claimed.add(group_id)


def continued_paragraphs(parsed: ParsedText, text: str, quotes: list[QuoteSpan],
                         cands: list[Candidate], covered: set[int]) -> list[Candidate]:
    """``"X," the mayor said.`` / ``"Y."``: the second paragraph, a quotation
    and nothing else, goes on with the speaker of the quote just before it."""
    groups = group_quotes(quotes)
    claimed = set(covered)
    for c in cands:
        claimed |= c.quote_groups
    # candidates by where their content ends (bisected: a scan per quote was quadratic)
    ends = sorted(((max(e for _, e in c.content_spans), c) for c in cands if c.content_spans), key=lambda ec: ec[0])
    keys = [e for e, _ in ends]
    out: list[Candidate] = []
    for group_id, spans in sorted(groups.items(), key=lambda kv: kv[1][0].start):
        first, last = spans[0], spans[-1]
        if group_id in claimed or not _quote_worthy(parsed, text, spans):
            continue
        para_start = line_start_before(text, first.start)
        if para_start is None or line_end_after(text, last.end) is None:
            continue                     # something besides the quotation in its paragraph
        if title_case([w.strip("'\"“”‘’.,") for w in text[first.start:last.end].split()]):
            continue                     # a section heading in quote marks ("'All Bets Are Off.'")
        at = bisect_right(keys, para_start)
        previous = ends[at - 1][1] if at else None
        said = _plain(text[first.start:last.end])
        nearby = [c for e, c in ends[max(0, at - PULL_QUOTE_LOOKBACK):at] if e >= para_start - PULL_QUOTE_REACH]
        if any(said and said in _plain(" ".join(text[s:e] for s, e in c.content_spans)) for c in nearby):
            continue                     # a pull quote: words just quoted, set out again
        if previous is None or previous.kind != "direct" or not previous.cue_words or not previous.source_words:
            continue
        gap = text[max(max(e for _, e in previous.content_spans), parsed.words[previous.cue_words[-1]].end):para_start]
        if gap.count("\n") > 2 or len(gap.strip()) > 120 or "\n" not in gap:
            continue                     # the attributed quote must end the paragraph just before
        sentence = parsed.words_in(first.start, first.end)
        cand = Candidate(rule="quote-continued", cue_words=[], content_spans=[(q.start, q.end) for q in spans],
                         source_words=list(previous.source_words), quote_groups={group_id}, kind="direct",
                         sentence=sentence[0].sent if sentence else previous.sentence)
        out.append(cand)
        claimed.add(group_id)
        at = bisect_right(keys, last.end)
        keys.insert(at, last.end)
        ends.insert(at, (last.end, cand))
    return out


# how far back a pull quote's words are looked for (records, characters)
PULL_QUOTE_LOOKBACK, PULL_QUOTE_REACH = 30, 6000


def _plain(text: str) -> str:
    """Letters and digits only, lower case: a quotation however it is punctuated."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()

