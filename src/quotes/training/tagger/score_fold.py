"""Score the extractor on one held-out fold of PolNeAR train (cross-validation
of a tagger trained with ``--fold K --folds N``; run it with that tagger file
in ``QUOTES_TAGGER``):

    QUOTES_TAGGER=build/tagger-fold0.pt python -m quotes.training.tagger.score_fold ../shared/data/polnear --fold 0

Prints the same table as ``quotes evaluate`` (exact and overlap P/R/F1 per
role, quote@t, speaker accuracy) for the fold's articles (``data.in_fold``).
"""
from __future__ import annotations

import argparse
import json


def main(argv=None) -> int:
    from quotes.evaluation import predict, score_articles
    from quotes.polnear import load_split
    from quotes.training.tagger.data import in_fold

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("polnear")
    parser.add_argument("--fold", type=int, required=True)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    articles = [a for i, a in enumerate(load_split(args.polnear, "train")) if in_fold(i, (args.fold, args.folds))]
    scores = score_articles(articles, predict(articles))
    print(f"train fold {args.fold} of {args.folds}: {len(articles)} articles")
    print(json.dumps(scores.as_dict()) if args.json else scores.table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
