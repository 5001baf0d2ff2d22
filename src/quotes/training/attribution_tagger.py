"""Train the source / cue / content tagger on PolNeAR train (never dev).

    python -m quotes.training.attribution_tagger /path/to/polnear [--jobs 2]

Parses train with the pipeline in use (parses cached under build/cache/),
labels each word from the gold spans (cue over source over content where
attributions nest), trains five seeds of the BiLSTM tagger (``--jobs 2``
trains two at a time) and writes ``src/quotes/attribution/bundled/tagger.pt``.
``--crf`` adds a CRF layer and ``--annotators all`` learns from every
annotator's annotation of an article; both are measured in the README and
not shipped.
"""
from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from pathlib import Path

from quotes.attribution.bilstm import (BUNDLED, LABELS, MAX_CHARS, UPOS, NeuralTagger, TaggerEnsemble, Vocab, build_model,
                                       token_features, words_starting_in)
from quotes.attribution.direct import find_quotes
from quotes.attribution.parsed import ParsedText, from_stanza, paragraphs

PRIORITY = (("cue", "CUE"), ("source", "SRC"), ("content", "CON"))


def gold_labels(parsed: ParsedText, seq: list[int], golds) -> list[str]:
    """BIO label of each word: the role of the span holding its first character."""
    owner: dict[int, tuple[str, int]] = {}
    span_id = 0
    for role, tag in reversed(PRIORITY):         # higher priority written last, wins
        for gold in golds:
            for s, e in getattr(gold, role):
                span_id += 1
                for c in range(s, e):
                    owner[c] = (tag, span_id)
    labels = []
    prev = None
    for i in seq:
        w = parsed.words[i]
        own = owner.get(w.start) or owner.get(w.end - 1)
        if own is None:
            labels.append("O")
            prev = None
            continue
        labels.append(("I-" if prev == own else "B-") + own[0])
        prev = own
    return labels


def article_examples(parsed: ParsedText, golds):
    quoted = words_starting_in(parsed, [(q.start, q.end) for q in find_quotes(parsed.text)])
    for seq in paragraphs(parsed):
        strings, flags = token_features(parsed, seq, quoted)
        yield strings, flags, gold_labels(parsed, seq, golds)


def build_data(articles, docs):
    data = []
    for article, doc in zip(articles, docs):
        parsed = from_stanza(doc, article.text)
        data.extend(article_examples(parsed, article.attributions))
    return data


def make_vocabs(data, min_count: int = 2) -> dict[str, Vocab]:
    counts = {k: Counter() for k in ("words", "suffix", "shape", "chars")}
    for strings, _, _ in data:
        for word, suf, shp, _upos, text in strings:
            counts["words"][word] += 1
            counts["suffix"][suf] += 1
            counts["shape"][shp] += 1
            counts["chars"].update(text[:MAX_CHARS])
    vocabs = {k: Vocab(sorted(x for x, c in cnt.items() if c >= min_count)) for k, cnt in counts.items()}
    vocabs["upos"] = Vocab(list(UPOS[1:]))
    return vocabs


def train(data, epochs: int = 10, batch_size: int = 16, seed: int = 7, log=print,
          word_dropout: float = 0.05, model_sizes: dict | None = None) -> tuple[NeuralTagger, dict]:
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    vocabs = make_vocabs(data)
    sizes = {"n_words": len(vocabs["words"].items), "n_suffix": len(vocabs["suffix"].items),
             "n_shape": len(vocabs["shape"].items), "n_upos": len(vocabs["upos"].items), "n_labels": len(LABELS),
             "n_chars": len(vocabs["chars"].items), **(model_sizes or {})}
    model = build_model(sizes)
    tagger = NeuralTagger(model, vocabs)
    label_index = {label: n for n, label in enumerate(LABELS)}
    optim = torch.optim.Adam(model.parameters(), lr=2e-3)
    data = [d for d in data if d[0]]
    for epoch in range(epochs):
        started = time.time()
        model.train()
        # batches of similar length
        order = sorted(range(len(data)), key=lambda k: (len(data[k][0]), rng.random()))
        batches = [order[k:k + batch_size] for k in range(0, len(order), batch_size)]
        rng.shuffle(batches)
        total = 0.0
        for batch in batches:
            items = [(data[k][0], data[k][1]) for k in batch]
            tensors, flags = tagger.tensors(items)
            if word_dropout:
                mask = torch.rand(tensors["words"].shape) < word_dropout
                tensors["words"] = tensors["words"].masked_fill(mask & (tensors["words"] > 0), 1)
            gold = torch.full(tensors["words"].shape, -100, dtype=torch.long)
            for b, k in enumerate(batch):
                gold[b, :len(data[k][2])] = torch.tensor([label_index[x] for x in data[k][2]])
            scores = tagger.scores(tensors, flags)
            loss = model.loss(scores, gold, gold != -100)
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optim.step()
            total += loss.item()
        log(f"epoch {epoch + 1}: loss {total / max(1, len(batches)):.4f} ({time.time() - started:.0f}s)")
    model.eval()
    return tagger, sizes


_DATA: list = []     # the training examples, shared with forked workers


def _train_member(seed: int, epochs: int, threads: int, model_sizes: dict) -> dict:
    """One seed's tagger as a plain dict (the model class is built inside a
    function, so a worker process hands back weights, not the module)."""
    import torch

    torch.set_num_threads(threads)
    tagger, sizes = train(_DATA, epochs=epochs, seed=seed, model_sizes=model_sizes,
                          log=lambda message: print(f"seed {seed}: {message}", flush=True))
    return tagger.to_dict(sizes)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("polnear", help="PolNeAR folder (with train/)")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--members", type=int, default=5, help="taggers trained with seeds 7, 8, ... and shipped together")
    # the shipped tagger: no CRF, first annotator (README: with both, exact spans
    # gained 0.005-0.009 F1 but quote@0.3 lost 0.009)
    parser.add_argument("--crf", action=argparse.BooleanOptionalAction, default=False,
                        help="a CRF layer over the label scores")
    parser.add_argument("--annotators", choices=("all", "first"), default="first",
                        help="learn from every annotation of an article, or only the first annotator's")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--threads", type=int, default=1, help="torch threads per member")
    parser.add_argument("--jobs", type=int, default=1, help="members trained at once (one process each)")
    parser.add_argument("--out", default=str(BUNDLED))
    args = parser.parse_args(argv)

    from quotes.attribution.boilerplate import blank_boilerplate
    from quotes.evaluation import load_split
    from quotes.evaluation.cache import cached_parses

    articles = load_split(args.polnear, "train", limit=args.limit, every_annotator=args.annotators == "all")
    docs = cached_parses([blank_boilerplate(a.text) for a in articles])
    _DATA[:] = build_data(articles, docs)
    print(f"{len(articles)} annotated articles, {len(_DATA)} paragraphs", flush=True)
    jobs = [(7 + k, args.epochs, args.threads, {"crf": int(args.crf)}) for k in range(args.members)]
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            members = pool.starmap(_train_member, jobs)
    else:
        members = [_train_member(*job) for job in jobs]
    TaggerEnsemble.save(Path(args.out), [(NeuralTagger.from_dict(m), m["sizes"]) for m in members])
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
