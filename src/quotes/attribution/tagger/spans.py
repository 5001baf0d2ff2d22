"""Turn the tagger's labels into candidates: each cue takes the nearest
source in its sentence and the content spans nearest to it in its paragraph."""
from __future__ import annotations

from typing import Optional

from quotes.attribution.common.candidates import Candidate
from quotes.attribution.common.lexicon import REFLEXIVES, TIME_WORDS
from quotes.attribution.document.parsed import ParsedText, paragraphs
from quotes.attribution.document.quote_marks import QuoteSpan
from quotes.attribution.tagger.features import token_features, words_starting_in

# content further than this many words from every cue is dropped
MAX_CONTENT_DISTANCE = 40


def labelled_spans(seq: list[int], labels: list[str]) -> list[tuple[str, list[int]]]:
    """(role, word indices) for each B/I run."""
    out: list[tuple[str, list[int]]] = []
    for i, label in zip(seq, labels):
        if label == "O":
            continue
        role = label[2:]
        if label.startswith("B-") or not out or out[-1][0] != role or out[-1][1][-1] != i - 1:
            out.append((role, [i]))
        else:
            out[-1][1].append(i)
    return out


def _distance(a: list[int], b: list[int]) -> int:
    if a[-1] < b[0]:
        return b[0] - a[-1]
    if b[-1] < a[0]:
        return a[0] - b[-1]
    return 0


SCRAP_WORDS = 3


def merge_pieces(parsed: ParsedText, pieces: list[list[int]], taken: set[int],
                 before: Optional[int] = None) -> list[list[int]]:
    """Content fragments of one cue separated only by untagged words of the
    same sentence are one fragment the tagger lost track of: join them.
    Fragments split by a source or cue (``"X," he said, "Y"``) stay apart."""
    words = parsed.words
    out = [pieces[0]]
    for piece in pieces[1:]:
        prev = out[-1]
        gap = range(prev[-1] + 1, piece[0])
        if (not any(i in taken for i in gap) and words[prev[-1]].sent == words[piece[0]].sent
                and len(gap) <= 12):
            out[-1] = prev + list(gap) + piece
        else:
            out.append(piece)
    # a lone word beside a real fragment is noise
    if len(out) > 1:
        out = [p for p in out if len(p) > 1 or words[p[0]].upos not in ("PUNCT", "ADP", "CCONJ", "DET")]
    # so is a prepositional object run into the speaker for want of a comma
    # ("In a press release about the meetings the ministry said that ...")
    if len(out) > 1 and before is not None:
        longest = max(len(p) for p in out)
        out = [p for p in out if not (len(p) <= SCRAP_WORDS < longest and p[-1] + 1 == before
                                      and p[0] > 0 and words[p[0] - 1].upos == "ADP")] or out
    return out


def _finds_oneself(words, cue: list[int]) -> bool:
    """"Moscow finds itself facing isolation" states a situation, not a view."""
    after = cue[-1] + 1
    return (words[cue[-1]].lemma == "find" and after < len(words)
            and words[after].lower in REFLEXIVES)


def _coordinated_after(words, content: list[int], cue: list[int]) -> bool:
    """The cue follows the content across only "and" / "but" (and commas): a
    second verb of the speaker, not the one that introduces this content."""
    gap = range(content[-1] + 1, cue[0])
    return cue[0] > content[-1] and any(words[i].upos == "CCONJ" for i in gap) \
        and all(words[i].upos in ("CCONJ", "PUNCT", "ADV") for i in gap)


def _same_sentence(words, cue: list[int], content: list[int]) -> bool:
    return words[cue[0]].sent in (words[content[0]].sent, words[content[-1]].sent)


def _only_time_words(words, span: list[int]) -> bool:
    """"earlier in October" tagged as a source is a time phrase, not a speaker."""
    return all(words[i].lower in TIME_WORDS or words[i].upos in ("NUM", "DET", "ADP", "PUNCT") for i in span)


# participles and gerunds: alone, never a speaker's mention
PARTICIPLES = frozenset("VBG VBN".split())


def _not_a_speaker(words, span: list[int]) -> bool:
    """A time phrase, or a participle alone ("Having announced ...,
    Judge Berman ...": the participle tagged as a source); the cue then
    takes its speaker from the tree."""
    return _only_time_words(words, span) or all(words[i].xpos in PARTICIPLES and not _capitalised_inside(words, i)
                                                for i in span)


# bodies a country or a company owns: "Kenya's central bank", "Sony's board"
BODIES = frozenset("""ministry department agency government administration bank regulator military army navy
police embassy parliament cabinet board court council commission authority authorities""".split())


def _with_possessed(words, span: list[int]) -> list[int]:
    """"Kenya's central bank held ..., saying": a source tagged only up to its
    possessor means the thing possessed; the span runs on to that noun."""
    last = words[span[-1]]
    head = last.head
    # (a body only: PolNeAR's source for "Romney's infamous comment" is Romney)
    if last.deprel != "nmod:poss" or head is None or not span[-1] < head <= span[-1] + 5 \
            or words[head].lower not in BODIES:
        return span
    between = words[span[-1] + 1:head]
    if not all(w.upos in ("PART", "ADJ", "NOUN", "PROPN") and w.head == head or w.text in ("'s", "’s", "'", "’")
               for w in between):
        return span
    return span + list(range(span[-1] + 1, head + 1))


def _capitalised_inside(words, i: int) -> bool:
    """A capital letter not opening a sentence or a bracket: a name, whatever
    its tag (Stanza tags an unknown surname such as "Husted" as a participle)."""
    return words[i].text[:1].isupper() and i > 0 and words[i - 1].sent == words[i].sent \
        and words[i - 1].text not in "([\"“‘'"


def tagger_inputs(parsed: ParsedText, tagger, seqs: list[list[int]], quoted: set[int]) -> list[tuple]:
    """Per paragraph what the tagger reads: (strings, flags), and the
    encoder's word features when the tagger was trained with them: from the
    tagger's own fine-tuned encoder when it carries one, else the bundled one."""
    items = [token_features(parsed, seq, quoted) for seq in seqs]
    if not getattr(tagger, "uses_encoder", False):
        return items
    from quotes.encoder.words import paragraph_features

    encoded = paragraph_features([[parsed.words[i].text for i in seq] for seq in seqs],
                                 model=getattr(tagger, "encoder", None))
    return [(strings, flags, features) for (strings, flags), features in zip(items, encoded)]


def tagged_candidates(parsed: ParsedText, tagger, quotes: list[QuoteSpan]) -> list[Candidate]:
    quoted = words_starting_in(parsed, [(q.start, q.end) for q in quotes])
    out: list[Candidate] = []
    words = parsed.words
    seqs = [seq for seq in paragraphs(parsed) if seq]
    tagged = tagger.tag_scored(tagger_inputs(parsed, tagger, seqs, quoted))
    for seq, (labels, probs) in zip(seqs, tagged):
        prob_of = dict(zip(seq, probs))
        spans = labelled_spans(seq, labels)
        cues = [s for r, s in spans if r == "CUE"]
        if not cues:
            continue
        sources = [_with_possessed(words, s) for r, s in spans if r == "SRC" and not _not_a_speaker(words, s)]
        contents = [s for r, s in spans if r == "CON"]
        by_cue: dict[int, list[list[int]]] = {k: [] for k in range(len(cues))}
        for content in contents:
            # a cue in the content's own sentence claims it before a nearer one across a full stop
            same = [k for k in range(len(cues)) if _same_sentence(words, cues[k], content)]
            # "warned that A and urged B": A is what was warned, not urged
            same = [k for k in same if not _coordinated_after(words, content, cues[k])] or same
            k = min(same or range(len(cues)), key=lambda k: (_distance(cues[k], content), cues[k][0] > content[0]))
            if _distance(cues[k], content) <= MAX_CONTENT_DISTANCE:
                by_cue[k].append(content)
        src_for: dict[int, list[int]] = {}
        for source in sources:
            same = [k for k in range(len(cues)) if words[cues[k][0]].sent == words[source[0]].sent]
            if not same:
                continue
            k = min(same, key=lambda k: (_distance(cues[k], source), cues[k][0] < source[0]))
            if k not in src_for or _distance(cues[k], source) < _distance(cues[k], src_for[k]):
                src_for[k] = source
        for k in range(len(cues)):
            if k in src_for:
                continue
            # "Guterres warned that A and urged B": the second verb shares the speaker
            before = [k2 for k2 in src_for for c in by_cue[k2] if _coordinated_after(words, c, cues[k])]
            if before:
                src_for[k] = src_for[before[0]]
        taken = {i for r, span in spans if r in ("CUE", "SRC") for i in span}
        for k, cue in enumerate(cues):
            if _finds_oneself(words, cue):
                continue
            # beside content in the cue's own sentence, only a quotation carries on past it
            if any(_same_sentence(words, cue, c) for c in by_cue[k]):
                by_cue[k] = [c for c in by_cue[k] if _same_sentence(words, cue, c) or c[0] in quoted]
            if not by_cue[k]:
                continue
            speaker_and_cue = cue + src_for.get(k, [])
            pieces = merge_pieces(parsed, sorted(by_cue[k]), taken, before=min(speaker_and_cue))
            # a comma the tagger ran on to ("..., he said") closes no content
            pieces = [c[:-1] if len(c) > 1 and words[c[-1]].text == "," else c for c in pieces]
            content_spans = [(words[c[0]].start, words[c[-1]].end) for c in pieces]
            scored = cue + [i for c in by_cue[k] for i in c]
            cand = Candidate(rule="tagger", cue_words=cue, content_spans=content_spans,
                             source_words=src_for.get(k, []), sentence=words[cue[0]].sent,
                             tagger_prob=sum(prob_of[i] for i in scored) / len(scored))
            out.append(cand)
    return out
