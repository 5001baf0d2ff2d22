"""A ``ParsedText`` from CoNLL-U, without Stanza: for tests and for looking at
a parse by hand.

Reads what Stanza writes (``CoNLL.doc2conll_text``): one block per sentence,
word lines with ``start_char=..|end_char=..`` in the last column, multi-word
token lines (``1-2``) giving their offsets to words that have none.  The
words then go through the same ``from_stanza`` as a live parse (abbreviation
splits merged, repairs applied), so the rules see exactly what they would.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from quotes.attribution.document.parsed import ParsedText, from_stanza


@dataclass
class _Word:
    id: int
    text: str
    lemma: Optional[str]
    upos: Optional[str]
    xpos: Optional[str]
    feats: Optional[str]
    head: Optional[int]
    deprel: Optional[str]
    start_char: Optional[int]
    end_char: Optional[int]


@dataclass
class _Token:
    words: list[_Word] = field(default_factory=list)
    start_char: Optional[int] = None
    end_char: Optional[int] = None


@dataclass
class _Sentence:
    tokens: list[_Token] = field(default_factory=list)


@dataclass
class _Document:
    text: str
    sentences: list[_Sentence] = field(default_factory=list)


def _offsets(misc: str) -> tuple[Optional[int], Optional[int]]:
    fields = dict(part.split("=", 1) for part in misc.split("|") if "=" in part)
    start, end = fields.get("start_char"), fields.get("end_char")
    return (int(start) if start else None, int(end) if end else None)


def _blank(value: str) -> Optional[str]:
    return None if value == "_" else value


def read_conllu(conllu: str, text: str) -> _Document:
    """A stand-in for a ``stanza.Document`` with what ``from_stanza`` reads."""
    doc = _Document(text=text)
    sentence, token, token_end = _Sentence(), None, 0
    for line in conllu.splitlines() + [""]:
        if not line.strip():
            if sentence.tokens:
                doc.sentences.append(sentence)
            sentence, token, token_end = _Sentence(), None, 0
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        start, end = _offsets(cols[9])
        if "-" in cols[0]:                       # a multi-word token: its words follow
            first, last = map(int, cols[0].split("-"))
            token, token_end = _Token(start_char=start, end_char=end), last
            sentence.tokens.append(token)
            continue
        if "." in cols[0]:                       # empty nodes: none in Stanza's output
            continue
        word = _Word(int(cols[0]), cols[1], _blank(cols[2]), _blank(cols[3]), _blank(cols[4]), _blank(cols[5]),
                     int(cols[6]) if cols[6] not in ("_", "") else None, _blank(cols[7]), start, end)
        if token is not None and word.id <= token_end:
            token.words.append(word)
        else:
            token = None
            sentence.tokens.append(_Token(words=[word], start_char=start, end_char=end))
    return doc


def from_conllu(conllu: str, text: str) -> ParsedText:
    """``text``: the page the parse was made from (offsets index it)."""
    return from_stanza(read_conllu(conllu, text), text)
