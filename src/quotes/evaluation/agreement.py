"""How far PolNeAR's annotators agree with each other (``quotes evaluate
--agreement``): on the articles that two annotators annotated, the second
one's attributions scored as predictions against the first one's (the
annotation ``quotes evaluate`` scores the extractor against), with the same
metrics.  This is the ceiling that an exact-span figure can be read against.
"""
from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from quotes.polnear.brat import GoldArticle, load_split
from quotes.evaluation.metrics import ROLES, Counts, Scores, exact_counts, trim


@dataclass
class Agreement:
    scores: Scores
    articles: list[str]
    # per role, the 95 % bootstrap interval of exact F1 over articles
    intervals: dict[str, tuple[float, float]]

    def table(self) -> str:
        n = len(self.articles)
        lines = [f"Agreement between annotators on {n} article{'s' if n != 1 else ''} annotated twice "
                 "(the second annotation scored against the first)",
                 *self.scores.table().splitlines()[1:]]
        lines.append("exact F1, 95% bootstrap interval over articles: " + ", ".join(
            f"{role} {lo:.3f}-{hi:.3f}" for role, (lo, hi) in self.intervals.items()))
        return "\n".join(lines)


def paired_annotations(articles: list[GoldArticle]) -> list[tuple[GoldArticle, GoldArticle]]:
    """(first, second) annotation of each article annotated twice or more."""
    by_name: dict[str, list[GoldArticle]] = defaultdict(list)
    for article in articles:
        by_name[article.name].append(article)
    return [(group[0], group[1]) for group in by_name.values() if len(group) > 1]


def _roles(article: GoldArticle) -> list[dict]:
    return [{"content": g.content, "source": g.source, "cue": g.cue} for g in article.attributions]


def annotator_agreement(polnear_path: str | Path, split: str = "train", resamples: int = 2000,
                        seed: int = 0) -> Agreement:
    pairs = paired_annotations(load_split(polnear_path, split, every_annotator=True))
    scores = Scores()
    per_article: list[dict[str, Counts]] = []
    for first, second in pairs:
        pred, gold = _roles(second), _roles(first)
        scores.add_article(first.text, pred, gold)
        # the same exact counts, kept per article for the bootstrap
        per_article.append({role: exact_counts([trim(first.text, g[role]) for g in pred if g[role]],
                                               [trim(first.text, g[role]) for g in gold if g[role]])
                            for role in ROLES})
    intervals = {}
    rng = random.Random(seed)
    for role in ROLES:
        f1s = []
        for _ in range(resamples if per_article else 0):
            total = Counts()
            for counts in rng.choices(per_article, k=len(per_article)):
                total.add(counts[role])
            f1s.append(total.f1)
        f1s.sort()
        intervals[role] = (f1s[int(0.025 * len(f1s))], f1s[int(0.975 * len(f1s)) - 1]) if f1s else (0.0, 0.0)
    return Agreement(scores, [first.name for first, _ in pairs], intervals)
