"""Train the source / cue / content tagger on PolNeAR train (never dev).

    quotes models train --kind tagger --polnear /path/to/polnear [--jobs 2]
    python -m quotes.training.tagger /path/to/polnear [--jobs 2]

Parses train with the pipeline in use (parses cached under build/cache/),
labels each word from the gold spans (``data.py``), trains five seeds of the
BiLSTM tagger (``--jobs 2`` trains two at a time) and writes
``src/quotes/attribution/tagger/bundled/tagger.pt``.  ``--annotators all``
learns from every annotator's annotation of an article; measured in
docs/accuracy.md and not shipped.  The tagger's word-list flags come from
``attribution/tagger/lexicon.py``: retraining with other lists means editing
it and its digest together.  ``--encoder`` also feeds the tagger the frozen
pretrained encoder's word features (``quotes.encoder``; computed once and
cached, ``encoded.py``).  Each finished seed is saved under ``--work``, so a
re-run after an interruption trains only the seeds still missing.
``--encoder --finetune`` trains the encoder with the tagger, end to end
(``finetune.py``; one member, checkpointed every epoch under
``build/training/tagger-finetune/`` and resumed from there); the file it
writes carries the fine-tuned encoder's weights (fp16, 45 MB).
"""
from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from quotes.attribution.tagger.decoding import LABELS
from quotes.attribution.tagger.loading import BUNDLED
from quotes.attribution.tagger.model import NeuralTagger, TaggerEnsemble, build_model
from quotes.training.tagger.data import load_examples, make_vocabs
from quotes.training.tagger.encoded import encoder_features

ENCODER_DIM = 384


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
            # data[k][3], when there: the encoder's features (fp16 in the cache)
            items = [(data[k][0], data[k][1], *(f.float() for f in data[k][3:])) for k in batch]
            loss = batch_loss(tagger, items, [data[k][2] for k in batch], label_index, word_dropout)
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optim.step()
            total += loss.item()
        log(f"epoch {epoch + 1}: loss {total / max(1, len(batches)):.4f} ({time.time() - started:.0f}s)")
    model.eval()
    return tagger, sizes


def batch_loss(tagger: NeuralTagger, items: list, labels: list[list[str]], label_index: dict[str, int],
               word_dropout: float):
    """The tagger's loss on one batch: ``items`` as ``NeuralTagger.tensors``
    reads them, ``labels`` each item's gold BIO labels; known words are
    replaced by the unknown word at rate ``word_dropout``."""
    import torch

    tensors, flags = tagger.tensors(items)
    if word_dropout:
        mask = torch.rand(tensors["words"].shape) < word_dropout
        tensors["words"] = tensors["words"].masked_fill(mask & (tensors["words"] > 0), 1)
    gold = torch.full(tensors["words"].shape, -100, dtype=torch.long)
    for b, row in enumerate(labels):
        gold[b, :len(row)] = torch.tensor([label_index[x] for x in row])
    scores = tagger.scores(tensors, flags)
    return tagger.model.loss(scores, gold, gold != -100)


_DATA: list = []     # the training examples, shared with forked workers


def _train_member(seed: int, epochs: int, threads: int, model_sizes: dict, work: str) -> dict:
    """One seed's tagger as a plain dict (the model class is built inside a
    function, so a worker process hands back weights, not the module), read
    back from ``work`` when an earlier run finished it."""
    import torch

    done = Path(work) / f"seed-{seed}.pt"
    if done.exists():
        print(f"seed {seed}: already trained ({done})", flush=True)
        return torch.load(done, weights_only=True)
    torch.set_num_threads(threads)
    tagger, sizes = train(_DATA, epochs=epochs, seed=seed, model_sizes=model_sizes,
                          log=lambda message: print(f"seed {seed}: {message}", flush=True))
    member = tagger.to_dict(sizes)
    done.parent.mkdir(parents=True, exist_ok=True)
    torch.save(member, done.with_suffix(".tmp"))
    done.with_suffix(".tmp").replace(done)
    return member


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("polnear", help="PolNeAR folder (with train/)")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--members", type=int, default=5, help="taggers trained with seeds 7, 8, ... and shipped together")
    # the shipped tagger: first annotator (docs/accuracy.md: with all, exact spans
    # gained 0.005-0.009 F1 but quote@0.3 lost 0.009)
    parser.add_argument("--annotators", choices=("all", "first"), default="first",
                        help="learn from every annotation of an article, or only the first annotator's")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--threads", type=int, default=1, help="torch threads per member")
    parser.add_argument("--jobs", type=int, default=1, help="members trained at once (one process each)")
    parser.add_argument("--encoder", action="store_true", help="also read the bundled pretrained encoder's word features")
    parser.add_argument("--finetune", action="store_true",
                        help="train the encoder with the tagger, end to end (implies --encoder; one member)")
    parser.add_argument("--encoder-lr", type=float, default=5e-5, help="--finetune: the encoder's peak learning rate")
    parser.add_argument("--warmup", type=float, default=0.06, help="--finetune: share of the steps warming up")
    parser.add_argument("--max-steps", type=int, default=None,
                        help="--finetune: stop after this many steps and save nothing (throughput)")
    parser.add_argument("--fold", type=int, default=None,
                        help="hold out train fold K of --folds (every N-th article from the K-th) for cross-validation")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--first-seed", type=int, default=7)
    parser.add_argument("--work", default=None, help="finished seeds (default build/training/tagger[-encoder])")
    parser.add_argument("--out", default=str(BUNDLED))
    args = parser.parse_args(argv)

    hold_out = (args.fold, args.folds) if args.fold is not None else None
    articles, _DATA[:] = load_examples(args.polnear, limit=args.limit, every_annotator=args.annotators == "all",
                                       hold_out=hold_out)
    print(f"{len(articles)} annotated articles, {len(_DATA)} paragraphs", flush=True)
    if args.finetune:
        return _finetune(args)
    sizes = {}
    if args.encoder:
        import torch

        torch.set_num_threads(args.threads * args.jobs)
        features = encoder_features([d for d in _DATA])
        _DATA[:] = [(*d, f) for d, f in zip(_DATA, features)]
        sizes = {"encoder_dim": ENCODER_DIM}
    work = args.work or ("build/training/tagger-encoder" if args.encoder else "build/training/tagger")
    jobs = [(args.first_seed + k, args.epochs, args.threads, sizes, work) for k in range(args.members)]
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            members = pool.starmap(_train_member, jobs)
    else:
        members = [_train_member(*job) for job in jobs]
    TaggerEnsemble.save(Path(args.out), [(NeuralTagger.from_dict(m), m["sizes"]) for m in members])
    print(f"saved {args.out}")
    return 0


def _finetune(args) -> int:
    import torch

    from quotes.training.tagger.finetune import train_finetune

    if args.members != 1 or args.jobs != 1:
        print("--finetune trains one tagger with its encoder, in one process (--members and --jobs ignored)")
    torch.set_num_threads(args.threads)
    work = args.work or "build/training/tagger-finetune"
    tagger, sizes = train_finetune(_DATA, work, epochs=args.epochs, seed=args.first_seed,
                                   encoder_lr=args.encoder_lr, warmup=args.warmup, max_steps=args.max_steps,
                                   log=lambda message: print(message, flush=True))
    if args.max_steps is not None:
        return 0
    TaggerEnsemble.save(Path(args.out), [(tagger, sizes)])
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
