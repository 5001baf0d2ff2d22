"""A light, read-only view over a parsed Stanza Document.

The rules only need words with offsets, lemmas, tags and the dependency tree;
copying those into plain dataclasses keeps every rule a pure function that can
be tested without Stanza, and gives cheap child/subtree look-ups.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Optional

from quotes.attribution.document import repairs
from quotes.nlp.sentences import CONTINUING_ABBREVIATIONS


@dataclass
class Word:
    index: int            # position in ParsedText.words (document-wide)
    sent: int             # sentence index
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: Optional[int]   # document-wide index of the head word; None for the root
    deprel: str
    start: int            # character offsets into the article text
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def rel(self) -> str:
        """Universal relation without subtype: ``nsubj:pass`` -> ``nsubj``."""
        return self.deprel.split(":")[0]


@dataclass
class Sentence:
    index: int
    first: int            # first word index (document-wide)
    last: int             # one past the last word index
    start: int
    end: int


@dataclass
class ParsedText:
    text: str
    words: list[Word]
    sentences: list[Sentence]
    children: list[list[int]] = field(default_factory=list)
    # word start offsets, non-decreasing: offset look-ups bisect instead of
    # scanning, which kept articles with thousands of quotes linear
    starts: list[int] = field(init=False, repr=False, default_factory=list)
    ends: list[int] = field(init=False, repr=False, default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [w.start for w in self.words]
        self.ends = [w.end for w in self.words]
        if not self.children:
            self.link_children()

    def link_children(self) -> None:
        """Child lists from the words' heads (again after a repair moved some)."""
        self.children = [[] for _ in self.words]
        for word in self.words:
            if word.head is not None:
                self.children[word.head].append(word.index)

    # --- tree helpers -------------------------------------------------
    def kids(self, index: int, *rels: str) -> list[Word]:
        """Children of a word, optionally only those with one of ``rels``
        (matched on the full relation or on its universal part)."""
        out = [self.words[k] for k in self.children[index]]
        if rels:
            out = [w for w in out if w.deprel in rels or w.rel in rels]
        return out

    def subtree(self, index: int, skip: Iterable[int] = ()) -> list[int]:
        """Indices of the word and its descendants, minus the subtrees of ``skip``."""
        skip = set(skip)
        out, stack = [], [index]
        while stack:
            node = stack.pop()
            if node in skip:
                continue
            out.append(node)
            stack.extend(self.children[node])
        return sorted(out)

    def ancestors(self, index: int) -> list[int]:
        out, node, seen = [], self.words[index].head, set()
        while node is not None and node not in seen:
            seen.add(node)
            out.append(node)
            node = self.words[node].head
        return out

    def sentence_words(self, sent: int) -> list[Word]:
        s = self.sentences[sent]
        return self.words[s.first:s.last]

    def words_in(self, start: int, end: int) -> list[Word]:
        """Words lying entirely inside the character range."""
        out = []
        for w in self.words[bisect_left(self.starts, start):]:
            if w.start >= end:
                break
            if w.end <= end:
                out.append(w)
        return out

    def word_at(self, char: int) -> Optional[Word]:
        last = bisect_right(self.starts, char) - 1
        if last < 0:
            return None
        # words of one multi-word token share offsets: return the first of them
        for w in self.words[bisect_left(self.starts, self.starts[last]):last + 1]:
            if w.start <= char < w.end:
                return w
        return None


def from_stanza(doc, text: Optional[str] = None) -> ParsedText:
    """Copy what the rules need out of a ``stanza.Document``.

    Multi-word tokens (``don't`` -> ``do`` ``n't``) give their words the
    token's offsets when Stanza does not give the words their own.
    """
    text = doc.text if text is None else text
    words: list[Word] = []
    sentences: list[Sentence] = []
    for s_index, sentence in enumerate(doc.sentences):
        first = len(words)
        id_to_index: dict[int, int] = {}
        pending = []
        for token in sentence.tokens:
            for word in token.words:
                start = word.start_char if word.start_char is not None else token.start_char
                end = word.end_char if word.end_char is not None else token.end_char
                id_to_index[word.id] = len(words) + len(pending)
                pending.append((word, start, end))
        for word, start, end in pending:
            words.append(Word(
                index=len(words), sent=s_index, text=text[start:end] if end > start else word.text,
                lemma=(word.lemma or word.text).lower(), upos=word.upos or "X", xpos=word.xpos or "",
                feats=word.feats or "", head=None, deprel=word.deprel or "dep", start=start, end=end))
            words[-1].head = id_to_index.get(word.head) if word.head else None
        if len(words) > first:
            sentences.append(Sentence(s_index, first, len(words), words[first].start, words[-1].end))
    sentences = _merge_abbreviation_splits(words, sentences, text)
    # sentences may have been dropped if empty: renumber so Word.sent matches
    for new_index, sentence in enumerate(sentences):
        for w in words[sentence.first:sentence.last]:
            w.sent = new_index
        sentence.index = new_index
    parsed = ParsedText(text=text, words=words, sentences=sentences)
    repairs.repair(parsed)
    return parsed


# a sentence that ends on one of these was split too early ("Rep. | Joseph Crowley");
# the same list the tokenizer's post-processor uses, for splits it cannot see
# (official models, or "Mr" and "." as two tokens)
ABBREVIATIONS = frozenset(a.lower() for a in CONTINUING_ABBREVIATIONS)


def _merge_abbreviation_splits(words: list[Word], sentences: list[Sentence], text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for sentence in sentences:
        if out:
            prev = out[-1]
            last = words[prev.last - 1]
            nxt = words[sentence.first]
            ends_abbrev = last.lower in ABBREVIATIONS or (
                last.text == "." and prev.last - 2 >= prev.first and words[prev.last - 2].lower + "." in ABBREVIATIONS)
            same_line = "\n" not in text[last.end:nxt.start]
            if ends_abbrev and nxt.text[:1].isupper() and same_line and nxt.start - last.end <= 1:
                prev.last = sentence.last
                prev.end = sentence.end
                continue
        out.append(sentence)
    return out


def span_of(parsed: ParsedText, indices: Iterable[int]) -> tuple[int, int]:
    indices = list(indices)
    return (min(parsed.words[i].start for i in indices), max(parsed.words[i].end for i in indices))


def paragraphs(parsed: ParsedText) -> list[list[int]]:
    """Word indices grouped by paragraph (sentences not separated by a newline)."""
    out: list[list[int]] = []
    prev_end = None
    for sent in parsed.sentences:
        indices = list(range(sent.first, sent.last))
        if out and prev_end is not None and "\n" not in parsed.text[prev_end:sent.start]:
            out[-1].extend(indices)
        else:
            out.append(indices)
        prev_end = sent.end
    return out
