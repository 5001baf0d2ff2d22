"""Scores of predicted attributions against gold, as defined in shared/README.

- exact, per role: a predicted role span set equals a gold one (greedy
  one-to-one within an article); P = matched / predicted, R = matched / gold.
  Attributions without the role (no source) take no part for that role.
- overlap, per role: character overlap between the predicted and the gold
  role spans of an article; P = overlap / predicted chars, R = overlap / gold chars.
- quote@t: a gold content is found when one unmatched predicted content
  covers more than t of its characters; P = found / predicted.
- speaker accuracy: among found quotes whose gold has a source, the share
  whose predicted source overlaps it.
Spans are compared with surrounding white space trimmed.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from dataclasses import dataclass, field
from typing import Iterable

Span = tuple[int, int]
ROLES = ("content", "source", "cue")


def trim(text: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    out = []
    for s, e in spans:
        s, e = max(0, s), min(len(text), e)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(sorted(set(out)))


def chars(spans: Iterable[Span]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


@dataclass
class Counts:
    matched: float = 0
    predicted: float = 0
    gold: float = 0

    def add(self, other: "Counts") -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "matched": self.matched, "predicted": self.predicted, "gold": self.gold}


def exact_counts(pred: list[tuple[Span, ...]], gold: list[tuple[Span, ...]]) -> Counts:
    pred = [p for p in pred if p]
    gold = [g for g in gold if g]
    unused = list(range(len(gold)))
    matched = 0
    for p in pred:
        for k in unused:
            if gold[k] == p:
                unused.remove(k)
                matched += 1
                break
    return Counts(matched, len(pred), len(gold))


def overlap_counts(pred: list[tuple[Span, ...]], gold: list[tuple[Span, ...]]) -> Counts:
    p_chars = chars(s for spans in pred for s in spans)
    g_chars = chars(s for spans in gold for s in spans)
    return Counts(len(p_chars & g_chars), len(p_chars), len(g_chars))


@dataclass
class QuoteMatch:
    counts: Counts
    speaker_right: int = 0
    speaker_total: int = 0
    matched: set[int] = field(default_factory=set)   # indices of the predictions that found a gold quote


def quote_counts(pred: list[dict], gold: list[dict], threshold: float) -> QuoteMatch:
    """``pred`` / ``gold``: dicts with ``content`` and ``source`` span tuples."""
    used: set[int] = set()
    found = right = total = 0
    preds = [p for p in pred if p["content"]]
    for g in gold:
        g_chars = chars(g["content"])
        if not g_chars:
            continue
        best, best_cover = None, threshold
        for k, p in enumerate(preds):
            if k in used:
                continue
            cover = len(g_chars & chars(p["content"])) / len(g_chars)
            if cover > best_cover:
                best, best_cover = k, cover
        if best is None:
            continue
        used.add(best)
        found += 1
        if g["source"]:
            total += 1
            if chars(g["source"]) & chars(preds[best]["source"]):
                right += 1
    n_gold = sum(1 for g in gold if g["content"])
    return QuoteMatch(Counts(found, len(preds), n_gold), right, total, used)


@dataclass
class Scores:
    exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    overlap: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    quote: dict[str, Counts] = field(default_factory=lambda: {"0.3": Counts(), "0.8": Counts()})
    speaker_right: dict[str, int] = field(default_factory=lambda: {"0.3": 0, "0.8": 0})
    speaker_total: dict[str, int] = field(default_factory=lambda: {"0.3": 0, "0.8": 0})
    ranked: list[tuple[float, bool]] = field(default_factory=list)   # (confidence, found a quote@0.3)
    articles: int = 0

    def add_article(self, text: str, pred: list[dict], gold: list[dict]) -> None:
        """``pred`` / ``gold``: one dict per attribution with role -> list of spans."""
        confidences = [a.get("confidence") for a in pred if a.get("content")]
        pred = [{r: trim(text, a.get(r) or []) for r in ROLES} for a in pred]
        gold = [{r: trim(text, a.get(r) or []) for r in ROLES} for a in gold]
        self.articles += 1
        for role in ROLES:
            p = [a[role] for a in pred if a[role]]
            g = [a[role] for a in gold if a[role]]
            self.exact[role].add(exact_counts(p, g))
            self.overlap[role].add(overlap_counts(p, g))
        for key, t in (("0.3", 0.3), ("0.8", 0.8)):
            match = quote_counts(pred, gold, t)
            if key == "0.3":
                self.ranked += [(c, k in match.matched) for k, c in enumerate(confidences) if c is not None]
            self.quote[key].add(match.counts)
            self.speaker_right[key] += match.speaker_right
            self.speaker_total[key] += match.speaker_total

    def speaker_accuracy(self, key: str = "0.3") -> float:
        total = self.speaker_total[key]
        return self.speaker_right[key] / total if total else 0.0

    def confidence_ranking(self) -> tuple[float, list[float]]:
        """AUC (the chance a record that found a gold quote outranks one that
        found none) and the precision of each confidence quartile, highest first."""
        hits = sorted(c for c, hit in self.ranked if hit)
        misses = sorted(c for c, hit in self.ranked if not hit)
        if not hits or not misses:
            return 0.0, []
        wins = sum(bisect_left(misses, c) + 0.5 * (bisect_right(misses, c) - bisect_left(misses, c)) for c in hits)
        ordered = sorted(self.ranked, key=lambda x: -x[0])
        n = len(ordered)
        quarters = [ordered[k * n // 4:(k + 1) * n // 4] for k in range(4)]
        return wins / (len(hits) * len(misses)), [sum(h for _, h in q) / len(q) for q in quarters if q]

    def as_dict(self) -> dict:
        auc, quartiles = self.confidence_ranking()
        return {
            "articles": self.articles,
            "exact": {r: c.row() for r, c in self.exact.items()},
            "overlap": {r: c.row() for r, c in self.overlap.items()},
            "quote": {k: c.row() for k, c in self.quote.items()},
            "speaker_accuracy": {k: round(self.speaker_accuracy(k), 4) for k in self.quote},
            "confidence": {"auc": round(auc, 4), "quartile_precision": [round(q, 4) for q in quartiles]},
        }

    def table(self) -> str:
        lines = [f"PolNeAR evaluation over {self.articles} articles",
                 f"{'role':<10}{'exact P':>9}{'exact R':>9}{'exact F1':>10}{'ovl P':>9}{'ovl R':>9}{'ovl F1':>9}"]
        for role in ROLES:
            e, o = self.exact[role], self.overlap[role]
            lines.append(f"{role:<10}{e.precision:>9.3f}{e.recall:>9.3f}{e.f1:>10.3f}"
                         f"{o.precision:>9.3f}{o.recall:>9.3f}{o.f1:>9.3f}")
        for key in ("0.3", "0.8"):
            q = self.quote[key]
            lines.append(f"quote@{key}: P {q.precision:.3f}  R {q.recall:.3f}  F1 {q.f1:.3f}   "
                         f"speaker accuracy {self.speaker_accuracy(key):.3f} "
                         f"({self.speaker_right[key]}/{self.speaker_total[key]} found quotes with a gold source)")
        auc, quartiles = self.confidence_ranking()
        if quartiles:
            lines.append(f"confidence: AUC {auc:.3f} (a record that found a quote@0.3 outranks one that did not); "
                         f"precision by quartile, highest first: {' '.join(f'{q:.2f}' for q in quartiles)}")
        return "\n".join(lines)
