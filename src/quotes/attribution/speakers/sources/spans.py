"""Where a speaker's span begins and ends.

The tagger and the rules both over-reach at the edges of a source: a
relative pronoun, a date, an opening clause run in for want of a comma.
These trims are measured on PolNeAR dev (source exact F1 +0.006).
"""
from __future__ import annotations

import re
from typing import Optional

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.lexicon import TIME_WORDS
from quotes.attribution.common.lines import DATELINE
from quotes.attribution.document.parsed import ParsedText
from quotes.attribution.speakers.sources.subjects import with_source
from quotes.attribution.speakers.roles.offices import person_noun


def trim_source(parsed: ParsedText, span: list[int]) -> list[int]:
    """Drop what stands before the speaker in a source span: a relative
    pronoun ("which he said"), a number or date before a pronoun ("at 86 she
    still says", "On September 27 they published"), a preposition or
    subordinator ("as China and Russia support")."""
    words = parsed.words
    span = list(span)
    while len(span) > 1:
        first = words[span[0]]
        rest = [words[i] for i in span[1:]]
        relative = first.lower in ("which", "that", "who", "whom") and first.upos == "PRON"
        if ((relative and rest[0].upos not in ("VERB", "AUX"))
                or (first.upos in ("ADP", "SCONJ", "PUNCT") and rest[0].lower != "least")):
            span.pop(0)
        elif (first.upos == "NUM" or first.lower in TIME_WORDS) and rest[-1].upos == "PRON" and all(
                w.upos in ("NUM", "NOUN", "PROPN") or w.lower in TIME_WORDS for w in rest[:-1]):
            span = span[-1:]
        else:
            break
    # an opening clause run into the speaker for want of a comma ("Before the
    # talks opened Armenia and Azerbaijan accused ..."): the speaker follows its verb
    for k, i in enumerate(span[1:-1], 1):
        if words[i].upos == "VERB":
            subjects = [kid for kid in parsed.kids(i, "nsubj") if parsed.subtree(kid.index)[0] == span[0]]
            rest = [j for j in span[k + 1:] if words[j].upos in ("PROPN", "PRON", "NOUN", "DET", "ADJ", "NUM")]
            if subjects and rest and parsed.kids(i, "mark"):
                span = span[span.index(rest[0]):]
            break
    # a trailing date, whatever the parse made of it ("Dmitry Peskov on November 7")
    tail = len(span)
    while tail > 1 and (words[span[tail - 1]].lower in TIME_WORDS or words[span[tail - 1]].upos == "NUM"
                        or words[span[tail - 1]].lower in _DATE_LEADS):
        tail -= 1
    # not "USA Today", not "a poll released last week" (there the date is the poll's)
    dated = any(words[i].lower in TIME_WORDS and words[i].text != "Today" for i in span[tail:])
    if tail < len(span) and dated and words[span[tail - 1]].upos != "VERB":
        span = span[:tail]
    return span


_DATE_LEADS = ("on", "in", "at", "this", "last", "just", "earlier", "late", "early", "since")


def within_line(parsed: ParsedText, span: list[int], cue_words: list[int]) -> list[int]:
    """A source span never runs over a line break: of the lines it covers,
    the part on the cue's side ("[Lee Moran, HuffPost] / EUROPEANS ASK ...":
    the newsletter's credit line is no part of the next item's speaker)."""
    words = parsed.words
    runs = [[span[0]]] if span else []
    for prev, cur in zip(span, span[1:]):
        if "\n" in parsed.text[words[prev].end:words[cur].start]:
            runs.append([])
        runs[-1].append(cur)
    if len(runs) < 2 or not cue_words:
        return span
    return runs[-1] if cue_words[0] > span[-1] else runs[0] if cue_words[-1] < span[0] else span


def apart_from_cue(span: list[int], cue_words: list[int]) -> list[int]:
    """A source holds no word of its cue: in a title-case headline the parse
    may run the verb into the name ("Media Growls In Response To ...", cue
    "Growls"); the speaker is the words before it (else after it)."""
    cue = set(cue_words)
    if not cue & set(span):
        return span
    before = [i for i in span if i < min(cue)]
    return before or [i for i in span if i > max(cue)]


def cue_verb(parsed: ParsedText, c: Candidate) -> Optional[int]:
    verbs = [i for i in c.cue_words if parsed.words[i].upos in ("VERB", "AUX")]
    if verbs:
        return verbs[-1]
    head = parsed.words[c.cue_words[-1]].head if c.cue_words else None
    return head if head is not None and parsed.words[head].upos == "VERB" else None


def source_from_tree(parsed: ParsedText, c: Candidate) -> None:
    """A tagged cue with no tagged source: take the subject of its verb, as the rules do."""
    verb = cue_verb(parsed, c)
    if verb is None:
        return
    with_source(parsed, c, verb)
    governing = _governing_verb(parsed, verb) if not c.source_words else None
    if governing is not None:
        with_source(parsed, c, governing)


def _place(text: str) -> bool:
    """"Tulsa, Oklahoma," / "Allentown, Pa.": a city and its state name a place, never a speaker."""
    from quotes.attribution.speakers.roles.offices import STATES

    m = re.fullmatch(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s+([A-Z][\w. ]*?)\.?,?", text.strip())
    return bool(m) and (m.group(1) in STATES.values() or m.group(1).lower() in STATES)


def placed_source(parsed: ParsedText, text: str, c: Candidate) -> None:
    """A source that is a place ("... in Tulsa, Oklahoma, arguing that") is
    dropped: no speaker is better than a town."""
    if c.source_words and _place(text[parsed.words[c.source_words[0]].start:parsed.words[c.source_words[-1]].end]):
        c.source_words, c.source_span = [], None


def _governing_verb(parsed: ParsedText, verb: int) -> Optional[int]:
    """``Dean ... poked at Trump's sniffing during the debate, tweeting "..."``:
    a participle set off by a comma says what the clause's subject did, even
    where the parse hung it on a noun; the first verb above it owns the subject."""
    words = parsed.words
    feats = words[verb].feats or ""
    if "VerbForm=Part" not in feats and "VerbForm=Ger" not in feats \
            or "Tense=Past" in feats or verb == 0 or words[verb - 1].text != ",":
        return None
    head, steps = words[verb].head, 0
    while head is not None and steps < 6:
        if words[head].upos == "VERB":
            return head
        head, steps = words[head].head, steps + 1
    return None


def share_conjoined_sources(parsed: ParsedText, cands: list[Candidate]) -> None:
    """A cue conjoined to another cue shares its speaker ("Armenia and
    Azerbaijan accused each other ... but reported no casualties"), even when
    the parse gave neither verb a subject."""
    by_verb = {v: c for c in cands if c.source_words and (v := cue_verb(parsed, c)) is not None}
    for c in cands:
        verb = cue_verb(parsed, c) if not c.source_words else None
        word = parsed.words[verb] if verb is not None else None
        if word is not None and word.deprel == "conj" and word.head in by_verb:
            c.source_words = list(by_verb[word.head].source_words)


def participle_sources(parsed: ParsedText, cands: list[Candidate]) -> None:
    """``Clinton spoke out about ..., arguing that ...``: a participle set off
    by a comma with no speaker of its own shares the speaker of the claim
    before it in the sentence (``cands`` in text order); so does one whose
    source was taken from inside that claim and is no one who could speak
    ("Cruz warned that the incident could foreshadow ..., remarking that
    ...": Cruz remarked; not "Allies say that he does not see any need ...,
    believing that ...", where he believes)."""
    last: dict[int, Candidate] = {}
    for c in cands:
        before = last.get(c.sentence)
        nested = bool(c.source_words) and before is not None and any(
            a <= parsed.words[c.source_words[0]].start < b for a, b in before.content_spans) \
            and not _may_be_someone(parsed, c.source_words)
        verb = cue_verb(parsed, c) if not c.source_words or nested else None
        word = parsed.words[verb] if verb is not None else None
        if word is not None and word.lower.endswith("ing") and verb > 0 \
                and parsed.words[verb - 1].text == "," and c.sentence in last:
            before = last[c.sentence]
            c.source_words, c.source_span = list(before.source_words), before.source_span
        elif c.source_words and not nested:
            _object_to_subject(parsed, c)
        if c.source_words:
            last[c.sentence] = c




def _object_to_subject(parsed: ParsedText, c: Candidate) -> None:
    """``Fiorina was upfront about her distaste for Donald Trump, the current
    GOP front-runner, saying ...``: a participle after a comma says what the
    clause's subject did, not the noun it follows; a source taken from the
    clause's object gives way to its subject."""
    words = parsed.words
    verb = cue_verb(parsed, c)
    if verb is None or not words[verb].lower.endswith("ing") or verb == 0 or words[verb - 1].text != ",":
        return
    inside = set(c.source_words)
    heads = [i for i in c.source_words if words[i].head not in inside and words[i].upos != "PUNCT"]
    if len(heads) != 1 or words[heads[0]].rel not in ("nmod", "obj", "obl", "iobj") or max(inside) > verb:
        return
    # (the sentence's own subject: the parse may hang the participle on a later clause)
    root, steps = words[verb], 0
    while root.head is not None and steps < 12:
        root, steps = words[root.head], steps + 1
    subjects = parsed.kids(root.index, "nsubj")
    if not subjects:
        return
    tree = sorted(parsed.subtree(subjects[0].index))
    if tree[-1] < min(inside) and len(tree) <= 12 and tree == list(range(tree[0], tree[-1] + 1)):
        c.source_words, c.source_span = tree, (words[tree[0]].start, words[tree[-1]].end)


# what a document is said to do, set after its noun ("research showing that ...")
_FINDING_CUES = frozenset("showing finding suggesting indicating concluding revealing saying".split())
_DOCUMENT_HEADS = frozenset("""research report study data poll survey analysis memo letter document paper review
audit findings figures""".split())


def document_source(parsed: ParsedText, c: Candidate) -> None:
    """``Democracy Corps published research ... showing that ...``: what the
    document shows is said by whoever put it out, the subject of the verb it
    is the object of, or the name inside its own phrase ("a Pew study finding
    that ..."); not whatever noun stands nearest the participle."""
    verb = cue_verb(parsed, c)
    if verb is None or parsed.words[verb].lower not in _FINDING_CUES or parsed.words[verb].head is None:
        return
    doc, steps = parsed.words[parsed.words[verb].head], 0
    while doc.lower not in _DOCUMENT_HEADS and doc.rel == "nmod" and doc.head is not None and steps < 5:
        # ("research on behalf of the Roosevelt Institute during the Democratic National
        # Convention showing that ...": the parse may hang the participle on the last noun)
        doc, steps = parsed.words[doc.head], steps + 1
    if doc.upos != "NOUN" or doc.lower not in _DOCUMENT_HEADS:
        return
    subjects = parsed.kids(doc.head, "nsubj") if doc.rel == "obj" and doc.head is not None else []
    if subjects:
        span = sorted(parsed.subtree(subjects[0].index))
    else:
        span = [i for i in sorted(parsed.subtree(doc.index)) if i <= doc.index]
        if not any(parsed.words[i].upos == "PROPN" for i in span):
            return
    span = [i for i in span if i not in c.cue_words]
    if span and span[-1] - span[0] == len(span) - 1:
        c.source_words, c.source_span = span, None


def _may_be_someone(parsed: ParsedText, span: list[int]) -> bool:
    """A source that names or may mean a person or body: a name, a pronoun, a
    noun for a person ("the candidate"), not "the incident"."""
    heads = [parsed.words[i] for i in span if parsed.words[i].head is None or parsed.words[i].head not in span]
    return any(w.upos in ("PROPN", "PRON") or person_noun(w.lower) for w in heads)


def dateline_source(parsed: ParsedText, text: str, c: Candidate) -> None:
    """A source that is only the dateline (the parser made "CARDIFF" the
    subject of "CARDIFF — In a letter ..., the former harbourmaster, Mr
    Gareth Pryce, wrote:") gives way to the noun phrase before the cue."""
    from quotes.attribution.common.phrases import np_before

    if not c.source_words or not c.cue_words:
        return
    words = parsed.words
    # (the dash makes it a dateline: "WALLACE" alone is a transcript's speaker)
    if not DATELINE.fullmatch(text[words[c.source_words[0]].start:words[c.source_words[-1]].end].strip()):
        return
    before = [i for i in np_before(parsed, c.cue_words[0]) if i > c.source_words[-1]]
    c.source_words = before
    c.source_span = (words[before[0]].start, words[before[-1]].end) if before else None



# verbs a writer may put before their subject ("Said Comey, \"...\"")
_INVERTED_CUES = frozenset("said says added adds asked asks wrote writes noted notes explained explains".split())
_INVERTED_SOURCE_TAGS = ("PROPN", "NOUN", "DET", "ADJ", "PUNCT", "NUM")


def inverted_source(parsed: ParsedText, c: Candidate) -> None:
    """``Said Comey, "The thought ... is very painful to us."``: a cue opening
    its sentence with no source found has its subject after it, up to the
    comma or colon before the quote."""
    if c.source_words or len(c.cue_words) != 1:
        return
    words = parsed.words
    cue = words[c.cue_words[0]]
    if cue.lower not in _INVERTED_CUES or cue.index and words[cue.index - 1].sent == cue.sent:
        return
    k = cue.index + 1
    while k < len(words) and words[k].sent == cue.sent and k - cue.index <= 8 and words[k].text not in (",", ":") \
            and words[k].upos in _INVERTED_SOURCE_TAGS:
        k += 1
    if k == cue.index + 1 or k >= len(words) or words[k].text not in (",", ":") \
            or not any(words[i].upos in ("PROPN", "NOUN") for i in range(cue.index + 1, k)):
        return
    c.source_words = list(range(cue.index + 1, k))
    c.source_span = (words[cue.index + 1].start, words[k - 1].end)
