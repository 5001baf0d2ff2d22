"""Write the skeleton of the hand-made speaker gold for PolNeAR dev.

Picks up to PER_ARTICLE attributions per article (evenly spaced over the
article, from the evaluator's annotator) and lists their PolNeAR spans; a
person then fills in the canonical speaker, entity id, type, role and channel
by reading the article text.  The extractor's output is never looked at.

    python scripts/speaker_gold_skeleton.py ../shared/data/polnear OUT_FOLDER
    python scripts/speaker_gold_skeleton.py ../shared/data/polnear OUT_FOLDER --split train --articles 24 --seed 7 \
        --exclude tests/fixtures/speaker-gold/polnear-train-heldout*.jsonl

The second form draws a held-out sample of train articles (the speaker rules
were fitted on dev; train articles check they carry over), leaving out the
articles earlier samples already used.
"""
import argparse
import json
import random
from pathlib import Path

from quotes.evaluation.brat import load_split

PER_ARTICLE = 4


def used_articles(golds: list[str]) -> set[str]:
    """The articles earlier gold files annotated (a new sample must be unseen)."""
    return {json.loads(line)["article"] for gold in golds
            for line in Path(gold).read_text(encoding="utf-8").splitlines() if line.strip()}


def main(root: str, out: str, split: str = "dev", articles: int = 0, seed: int = 7,
         exclude: list[str] = ()) -> None:
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    used = used_articles(list(exclude))
    chosen = [a for a in load_split(root, split) if a.name not in used]
    if articles:
        chosen = sorted(random.Random(seed).sample(chosen, articles), key=lambda a: a.name)
    for article in chosen:
        items = sorted((a for a in article.attributions if a.content), key=lambda a: a.content[0])
        if len(items) > PER_ARTICLE:
            step = len(items) / PER_ARTICLE
            items = [items[int(i * step)] for i in range(PER_ARTICLE)]
        rows = []
        for a in items:
            text = article.text
            rows.append({
                "article": article.name, "annotator": article.annotator,
                "content_spans": [list(s) for s in a.content],
                "content": " … ".join(text[s:e] for s, e in a.content)[:300],
                "polnear_source": " … ".join(text[s:e] for s, e in a.source) or None,
                "polnear_cue": " … ".join(text[s:e] for s, e in a.cue) or None,
            })
        (out_dir / f"{article.name}.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("out")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--articles", type=int, default=0, help="a random sample of this many articles (0: all)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--exclude", nargs="*", default=[], help="gold files whose articles are left out")
    args = parser.parse_args()
    main(args.root, args.out, args.split, args.articles, args.seed, args.exclude)
