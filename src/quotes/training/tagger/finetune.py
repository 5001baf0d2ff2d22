"""The tagger trained end to end with its encoder (``--encoder --finetune``).

The BiLSTM head is the ``--encoder`` tagger's (``encoder_dim`` in its sizes);
its word features come from a trainable copy of the bundled encoder, computed
in the training loop with gradients by ``quotes.encoder.words.pieces_features``
(the same windows and mean per word as inference).  The encoder runs under
bf16 autocast over fp32 master weights; AdamW with two groups: the encoder at
``encoder_lr`` (linear warm-up over ``warmup`` of the steps, then linear
decay to 0; the word-piece embeddings stay frozen) and the head at the plain
tagger's 2e-3 (constant, as ``train.py``).  The saved tagger carries the
fine-tuned encoder's weights in fp16 (``NeuralTagger.to_dict``).

Checkpoints (head, encoder, optimizer, schedule, epoch and step) go to
``work/checkpoint.pt`` after every epoch and every ``save_every`` steps; a
re-run with the same data and settings resumes from it (each epoch's batch
order is a function of the seed and the epoch, so a resumed epoch skips the
batches already done).
"""
from __future__ import annotations

import random
import time
from pathlib import Path

from quotes.attribution.tagger.decoding import LABELS
from quotes.attribution.tagger.model import NeuralTagger, build_model
from quotes.training.tagger.data import make_vocabs
from quotes.training.tagger.train import batch_loss

def epoch_batches(data, batch_size: int, seed: int, epoch: int) -> list[list[int]]:
    """Batches of paragraphs of similar length, in an order fixed by seed and epoch."""
    rng = random.Random(seed * 1000 + epoch)
    order = sorted(range(len(data)), key=lambda k: (len(data[k][0]), rng.random()))
    batches = [order[k:k + batch_size] for k in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def schedule(step: int, total: int, warmup: float) -> float:
    """Linear warm-up over ``warmup`` of ``total`` steps, then linear decay to 0."""
    ramp = max(1, int(total * warmup))
    if step < ramp:
        return (step + 1) / ramp
    return max(0.0, (total - step) / max(1, total - ramp))


def trainable_encoder():
    """The bundled encoder as fp32 master weights, in training mode, the
    word-piece embeddings frozen (a 30,522 x 384 table whose rows most
    batches never touch)."""
    import torch

    from quotes.encoder.bert import load_bert

    bert = load_bert(dtype=torch.float32)
    bert.train()
    bert.requires_grad_(True)
    bert.embeddings.word_embeddings.weight.requires_grad_(False)
    return bert


def save_checkpoint(path: Path, state: dict) -> None:
    import torch

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    tmp.replace(path)


def train_finetune(data, work: str, epochs: int = 3, batch_size: int = 16, seed: int = 7, log=print,
                   word_dropout: float = 0.05, encoder_lr: float = 5e-5, head_lr: float = 2e-3,
                   warmup: float = 0.06, save_every: int = 300, batch_pieces: int = 4096,
                   max_steps: int | None = None) -> tuple[NeuralTagger, dict]:
    """Train head and encoder together on ``data`` (strings, flags, labels)
    per paragraph; returns the tagger (encoder in bf16, eval mode) and its sizes.
    ``max_steps``: stop after that many steps (throughput measurements)."""
    import torch

    from quotes.encoder.words import load_tokenizer_once, paragraph_pieces, pieces_features

    torch.manual_seed(seed)
    data = [d for d in data if d[0]]
    vocabs = make_vocabs(data)
    bert = trainable_encoder()
    sizes = {"n_words": len(vocabs["words"].items), "n_suffix": len(vocabs["suffix"].items),
             "n_shape": len(vocabs["shape"].items), "n_upos": len(vocabs["upos"].items), "n_labels": len(LABELS),
             "n_chars": len(vocabs["chars"].items), "encoder_dim": bert.width}
    model = build_model(sizes)
    tagger = NeuralTagger(model, vocabs)
    tokenizer = load_tokenizer_once()
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    started = time.time()
    pieces = paragraph_pieces(tokenizer, [[item[4] for item in d[0]] for d in data])
    log(f"{len(data)} paragraphs, {sum(len(w) for p in pieces for w in p):,} pieces "
        f"(tokenized in {time.time() - started:.0f}s)")
    label_index = {label: n for n, label in enumerate(LABELS)}
    encoder_params = [p for p in bert.parameters() if p.requires_grad]
    decay = [p for p in encoder_params if p.dim() > 1]
    no_decay = [p for p in encoder_params if p.dim() <= 1]
    optim = torch.optim.AdamW([
        {"params": decay, "lr": encoder_lr, "weight_decay": 0.01, "name": "encoder"},
        {"params": no_decay, "lr": encoder_lr, "weight_decay": 0.0, "name": "encoder"},
        {"params": list(model.parameters()), "lr": head_lr, "weight_decay": 0.0, "name": "head"},
    ], fused=True)
    n_batches = len(epoch_batches(data, batch_size, seed, 0))
    total = epochs * n_batches
    checkpoint = Path(work) / "checkpoint.pt"
    first_epoch, first_step = 0, 0
    if checkpoint.exists():
        saved = torch.load(checkpoint, map_location="cpu", weights_only=True)
        if saved["settings"] != {"n": len(data), "sizes": sizes, "epochs": epochs, "batch_size": batch_size,
                                 "seed": seed, "encoder_lr": encoder_lr, "head_lr": head_lr}:
            raise SystemExit(f"{checkpoint} was written with other data or settings: {saved['settings']}")
        model.load_state_dict(saved["head"])
        bert.load_state_dict(saved["encoder"])
        optim.load_state_dict(saved["optimizer"])
        torch.set_rng_state(saved["torch_rng"])
        first_epoch, first_step = saved["epoch"], saved["step"]
        log(f"resumed from {checkpoint}: epoch {first_epoch + 1}, batch {first_step}")
    settings = {"n": len(data), "sizes": sizes, "epochs": epochs, "batch_size": batch_size, "seed": seed,
                "encoder_lr": encoder_lr, "head_lr": head_lr}

    def save(epoch: int, step: int) -> None:
        save_checkpoint(checkpoint, {"settings": settings, "head": model.state_dict(), "encoder": bert.state_dict(),
                                     "optimizer": optim.state_dict(), "torch_rng": torch.get_rng_state(),
                                     "epoch": epoch, "step": step})

    params = [p for group in optim.param_groups for p in group["params"]]
    steps_done = first_epoch * n_batches + first_step
    for epoch in range(first_epoch, epochs):
        model.train()
        bert.train()
        batches = epoch_batches(data, batch_size, seed, epoch)
        epoch_started = time.time()
        loss_sum, counted, n_pieces = 0.0, 0, 0
        for b_index in range(first_step if epoch == first_epoch else 0, len(batches)):
            batch = batches[b_index]
            factor = schedule(steps_done, total, warmup)
            for group in optim.param_groups:
                if group["name"] == "encoder":
                    group["lr"] = encoder_lr * factor
            with torch.autocast("cpu", dtype=torch.bfloat16):
                features = pieces_features(bert, [pieces[k] for k in batch], cls, sep, grad=True,
                                           batch_pieces=batch_pieces)
            items = [(data[k][0], data[k][1], f) for k, f in zip(batch, features)]
            loss = batch_loss(tagger, items, [data[k][2] for k in batch], label_index, word_dropout)
            optim.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            optim.step()
            loss_sum += loss.item()
            counted += 1
            n_pieces += sum(len(w) for k in batch for w in pieces[k])
            steps_done += 1
            if counted % 50 == 0:
                elapsed = time.time() - epoch_started
                log(f"epoch {epoch + 1} batch {b_index + 1}/{len(batches)}: loss {loss_sum / counted:.4f}, "
                    f"{elapsed:.0f}s, {n_pieces / elapsed:.0f} pieces/s, encoder lr {encoder_lr * factor:.2e}")
            if max_steps is not None and counted >= max_steps:
                elapsed = time.time() - epoch_started
                log(f"stopped after {counted} steps: {elapsed:.1f}s, {elapsed / counted:.2f}s a step, "
                    f"{n_pieces / elapsed:.0f} pieces/s; {n_batches} steps an epoch")
                return tagger, sizes
            if save_every and counted % save_every == 0 and b_index + 1 < len(batches):
                save(epoch, b_index + 1)
        log(f"epoch {epoch + 1}: loss {loss_sum / max(1, counted):.4f} ({time.time() - epoch_started:.0f}s)")
        save(epoch + 1, 0)
    model.eval()
    # fp32 master weights, halved when saved; a loaded file runs them in bf16
    bert.eval()
    bert.requires_grad_(False)
    tagger.encoder = bert
    return tagger, sizes
