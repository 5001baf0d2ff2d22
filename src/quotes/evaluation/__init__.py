"""Score the extractor on PolNeAR (``quotes evaluate``).

``evaluate(path, split="dev")`` reads the brat annotations, runs the
extractor over each article (parses cached under ``build/cache/``), prints
the per-role exact and overlap scores, quote@0.3 / quote@0.8 and speaker
accuracy, and writes one JSON line per article with predictions and gold.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional

from quotes.evaluation.agreement import annotator_agreement
from quotes.evaluation.metrics import Scores
from quotes.polnear.brat import GoldArticle, load_split, parse_ann  # noqa: F401

__all__ = ["evaluate", "annotator_agreement", "score_articles", "load_split", "parse_ann", "Scores"]


def prediction_roles(record) -> dict:
    return {
        "content": [tuple(s) for s in record.content_spans],
        "source": [(record.speaker_start, record.speaker_end)] if record.speaker_start is not None else [],
        "cue": [(record.cue_start, record.cue_end)] if record.cue_start is not None else [],
        "confidence": record.confidence,
    }


def gold_roles(gold) -> dict:
    return {"content": gold.content, "source": gold.source, "cue": gold.cue}


def score_articles(articles: list[GoldArticle], predictions: list[list]) -> Scores:
    scores = Scores()
    for article, records in zip(articles, predictions):
        scores.add_article(article.text, [prediction_roles(r) for r in records],
                           [gold_roles(g) for g in article.attributions])
    return scores


def predict(articles: list[GoldArticle], cache_dir: Optional[Path] = None, progress: bool = False,
            skip: Iterable[str] = (), timings: Optional[dict[str, float]] = None) -> list[list]:
    """Records per article; ``skip`` names attribution stages to switch off
    (``quotes.attribution.pipeline``), ``timings`` collects seconds per stage."""
    from quotes.attribution.pipeline import run
    from quotes.polnear.cache import cached_parses
    from quotes.text import prepare

    prepared = [prepare(a.text) for a in articles]
    docs = cached_parses([p.page for p in prepared], folder=cache_dir)
    out = []
    iterator = zip(prepared, docs)
    if progress:
        from tqdm import tqdm
        iterator = tqdm(iterator, total=len(articles), desc="articles", unit="art", leave=False)
    for page, doc in iterator:
        out.append(run(page, doc, skip=skip, timings=timings).records)
    return out


def evaluate(polnear_path: str | Path, split: str = "dev", out: Optional[str | Path] = None,
             limit: Optional[int] = None, cache_dir: Optional[Path] = None, echo: bool = True,
             progress: bool = False, skip: Iterable[str] = ()) -> dict:
    """Run and score the extractor on a PolNeAR split; returns the scores as a dict.
    ``skip``: attribution stages to switch off, to measure what each one adds."""
    articles = load_split(polnear_path, split, limit=limit)
    predictions = predict(articles, cache_dir=cache_dir, progress=progress, skip=skip)
    scores = score_articles(articles, predictions)
    if out:
        write_predictions(out, articles, predictions)
    if echo:
        print(scores.table())
    return scores.as_dict()


def write_predictions(path: str | Path, articles: list[GoldArticle], predictions: list[list]) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for article, records in zip(articles, predictions):
            gold = [{"event": g.event,
                     "source": [article.text[s:e] for s, e in g.source], "source_spans": g.source,
                     "cue": [article.text[s:e] for s, e in g.cue], "cue_spans": g.cue,
                     "content": [article.text[s:e] for s, e in g.content], "content_spans": g.content}
                    for g in article.attributions]
            handle.write(json.dumps({"article": article.name, "annotator": article.annotator,
                                     "predictions": [r.to_dict() for r in records], "gold": gold},
                                    ensure_ascii=False) + "\n")
