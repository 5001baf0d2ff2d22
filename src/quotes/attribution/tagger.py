"""A learned tagger for source / cue / content spans, where rules plateau.

An averaged perceptron (greedy, left to right, BIO labels) over the words of
a paragraph, with word, tag, quote-mark and cue-lexicon features.  Trained on
PolNeAR train by ``python -m quotes.training.attribution_tagger``; the
weights ship gzipped in ``attribution/bundled/``.  Pure Python: no extra
dependency, and fast enough that tagging costs little next to parsing.
"""
from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path
from typing import Optional

from quotes.attribution.cues import verb_lemma
from quotes.attribution.lexicon import ALL_CUE_VERBS
from quotes.attribution.parsed import ParsedText

LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
BUNDLED = Path(__file__).parent / "bundled" / "tagger.json.gz"
QUOTE_CHARS = set('"“”«»„\'‘’`')


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


def _shape(text: str) -> str:
    out = []
    for ch in text[:6]:
        kind = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def static_features(parsed: ParsedText, seq: list[int], quote_depth: list[int]) -> list[list[str]]:
    """Features of each word that do not depend on earlier predictions."""
    words = parsed.words
    n = len(seq)
    lex = []
    for i in seq:
        w = words[i]
        lex.append(w.upos in ("VERB", "AUX", "NOUN") and verb_lemma(w) in ALL_CUE_VERBS)
    lex_pos = [k for k in range(n) if lex[k]]

    def at(k: int, attr: str) -> str:
        if k < 0:
            return "<s>"
        if k >= n:
            return "</s>"
        w = words[seq[k]]
        return w.lower if attr == "w" else w.upos

    feats = []
    for k, i in enumerate(seq):
        w = words[i]
        low = w.lower
        sent_first = k == 0 or words[seq[k - 1]].sent != w.sent
        nearest_left = max((p for p in lex_pos if p < k), default=None)
        nearest_right = min((p for p in lex_pos if p > k), default=None)
        f = [
            "b", "w=" + low, "s3=" + low[-3:], "p2=" + low[:2], "sh=" + _shape(w.text), "t=" + w.upos,
            "w-1=" + at(k - 1, "w"), "w+1=" + at(k + 1, "w"), "w-2=" + at(k - 2, "w"), "w+2=" + at(k + 2, "w"),
            "t-1=" + at(k - 1, "t"), "t+1=" + at(k + 1, "t"), "t-2=" + at(k - 2, "t"), "t+2=" + at(k + 2, "t"),
            "tt=" + at(k - 1, "t") + "|" + w.upos + "|" + at(k + 1, "t"),
            "wt+1=" + low + "|" + at(k + 1, "t"), "tw-1=" + at(k - 1, "t") + "|" + low,
            "q=" + str(min(quote_depth[k], 1)), "qm=" + str(w.text in QUOTE_CHARS or w.text in ("''", "``")),
            "lex=" + str(lex[k]), "lex-1=" + str(k > 0 and lex[k - 1]), "lex+1=" + str(k + 1 < n and lex[k + 1]),
            "dl=" + _bucket(k - nearest_left if nearest_left is not None else None),
            "dr=" + _bucket(nearest_right - k if nearest_right is not None else None),
            "first=" + str(sent_first),
        ]
        if lex[k]:
            f.append("lemma=" + verb_lemma(w))
        if nearest_left is not None:
            f.append("lw=" + verb_lemma(words[seq[nearest_left]]) + "|" + _bucket(k - nearest_left))
        feats.append(f)
    return feats


def _bucket(d: Optional[int]) -> str:
    if d is None:
        return "none"
    for limit in (1, 2, 3, 5, 8, 12, 20):
        if d <= limit:
            return str(limit)
    return "far"


def quote_depths(parsed: ParsedText, seq: list[int], quote_spans: list[tuple[int, int]]) -> list[int]:
    return [sum(1 for s, e in quote_spans if s <= parsed.words[i].start < e) for i in seq]


def dynamic_features(prev: str, prev2: str, word_feats: list[str]) -> list[str]:
    return ["p=" + prev, "pp=" + prev2 + "|" + prev, "pw=" + prev + "|" + word_feats[1],
            "pt=" + prev + "|" + word_feats[5]]


def allowed(prev: str, label: str) -> bool:
    if label.startswith("I-"):
        return prev[2:] == label[2:] and prev != "O"
    return True


class Perceptron:
    def __init__(self, weights: Optional[dict[str, dict[str, float]]] = None):
        self.weights: dict[str, dict[str, float]] = weights or {}
        # averaging book-keeping, used only in training
        self._totals: dict[tuple[str, str], float] = defaultdict(float)
        self._stamps: dict[tuple[str, str], int] = defaultdict(int)
        self.i = 0

    def scores(self, feats: list[str]) -> dict[str, float]:
        out = dict.fromkeys(LABELS, 0.0)
        for f in feats:
            ws = self.weights.get(f)
            if ws:
                for label, value in ws.items():
                    out[label] += value
        return out

    def predict(self, feats: list[str], prev: str) -> str:
        scores = self.scores(feats)
        return max((label for label in LABELS if allowed(prev, label)), key=lambda label: (scores[label], label))

    def update(self, truth: str, guess: str, feats: list[str]) -> None:
        self.i += 1
        if truth == guess:
            return
        for f in feats:
            ws = self.weights.setdefault(f, {})
            for label, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, label)
                w = ws.get(label, 0.0)
                self._totals[key] += (self.i - self._stamps[key]) * w
                self._stamps[key] = self.i
                ws[label] = w + delta

    def average(self) -> None:
        for f, ws in self.weights.items():
            for label, w in list(ws.items()):
                key = (f, label)
                total = self._totals[key] + (self.i - self._stamps[key]) * w
                avg = round(total / max(1, self.i), 3)
                if avg:
                    ws[label] = avg
                else:
                    del ws[label]
        self.weights = {f: ws for f, ws in self.weights.items() if ws}

    def tag(self, static: list[list[str]]) -> list[str]:
        out: list[str] = []
        prev, prev2 = "O", "O"
        for feats in static:
            label = self.predict(feats + dynamic_features(prev, prev2, feats), prev)
            out.append(label)
            prev2, prev = prev, label
        return out

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            json.dump({"labels": LABELS, "weights": self.weights}, handle, separators=(",", ":"))

    @classmethod
    def load(cls, path: Path = BUNDLED) -> "Perceptron":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
        return cls(data["weights"])


_MODEL: Optional[Perceptron] = None


def bundled_model() -> Optional[Perceptron]:
    """The shipped tagger, loaded once; None if it is not there."""
    global _MODEL
    if _MODEL is None and BUNDLED.exists():
        _MODEL = Perceptron.load(BUNDLED)
    return _MODEL
