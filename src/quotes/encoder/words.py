"""Word features from the bundled encoder: one 384-wide row per parser word.

Each Stanza word is cut into WordPieces on its own (so pieces never straddle
two words), a paragraph's pieces are read in windows of at most 510 pieces
(+ [CLS] / [SEP]) that overlap by ``OVERLAP``, each piece taking its state
from the window where it lies furthest from an edge, and a word's row is the
mean of its pieces' states.  Runs with bf16 weights (fast on CPUs with AMX;
autocast over fp32 weights was far slower); the model is loaded once per process.
"""
from __future__ import annotations

from pathlib import Path

import torch

from quotes.encoder.bert import BUNDLED, Bert, load_bert

WINDOW = 510          # pieces per window, [CLS] and [SEP] not counted
OVERLAP = 128         # pieces two neighbouring windows share
MAX_WORD_PIECES = 16  # a URL or a run of symbols is cut short
BATCH_PIECES = 2048   # pieces run through the encoder at once (8192: +0.5 GB peak RSS)

_LOADED: dict = {}


def load_tokenizer(folder: Path = BUNDLED):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    # the file pads and truncates to 128 for sentence embeddings; windows are ours
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def load_tokenizer_once():
    """The bundled tokenizer, loaded once per process (without the encoder)."""
    if "tokenizer" not in _LOADED:
        _LOADED["tokenizer"] = load_tokenizer()
    return _LOADED["tokenizer"]


def encoder():
    """(tokenizer, model), loaded on first use, with the process's torch threads."""
    if "model" not in _LOADED:
        from quotes.nlp.pipeline import apply_torch_threads

        apply_torch_threads()
        load_tokenizer_once()
        _LOADED["model"] = load_bert(dtype=torch.bfloat16)
    return _LOADED["tokenizer"], _LOADED["model"]


def word_pieces(tokenizer, words: list[str]) -> list[list[int]]:
    """WordPiece ids of each word; a word with none (a control character)
    reads as [UNK]."""
    unk = tokenizer.token_to_id("[UNK]")
    encoded = tokenizer.encode_batch([[w] for w in words], is_pretokenized=True, add_special_tokens=False)
    return [e.ids[:MAX_WORD_PIECES] or [unk] for e in encoded]


def windows(n: int, window: int = WINDOW, overlap: int = OVERLAP) -> list[tuple[int, int, int, int]]:
    """(start, end, keep_from, keep_to) per window over ``n`` pieces: the
    pieces ``keep_from:keep_to`` take their state from this window, so each
    piece is kept once and at least ``overlap // 2`` pieces from an inner edge."""
    if n <= window:
        return [(0, n, 0, n)]
    step = window - overlap
    out = []
    start = 0
    while True:
        end = min(start + window, n)
        keep_from = 0 if start == 0 else start + overlap // 2
        keep_to = n if end == n else start + step + overlap // 2
        out.append((start, end, keep_from, keep_to))
        if end == n:
            return out
        start += step


def run_windows(model: Bert, rows: list[list[int]], cls: int, sep: int, grad: bool = False,
                batch_pieces: int = BATCH_PIECES) -> list[torch.Tensor]:
    """The encoder's states for each row of piece ids ([CLS] and [SEP] added
    and dropped again), rows of similar length batched together.  With
    ``grad`` the states keep their graph (fine-tuning: the caller picks the
    autocast); otherwise they are computed without gradients."""
    out: list = [None] * len(rows)
    # longest first: a group's first row sets its size (ascending, a short
    # first row let in thousands of rows padded to the group's longest)
    order = sorted(range(len(rows)), key=lambda k: -len(rows[k]))
    k = 0
    while k < len(order):
        longest = len(rows[order[k]]) + 2
        group = order[k:k + max(1, batch_pieces // longest)]
        ids = torch.zeros(len(group), longest, dtype=torch.long)
        for b, g in enumerate(group):
            ids[b, :len(rows[g]) + 2] = torch.tensor([cls, *rows[g], sep])
        with torch.set_grad_enabled(grad):
            states = model(ids, ids != 0).float()
        for b, g in enumerate(group):
            out[g] = states[b, 1:len(rows[g]) + 1]
        k += len(group)
    return out


def paragraph_pieces(tokenizer, paragraphs: list[list[str]]) -> list[list[list[int]]]:
    """Per paragraph (a list of word texts), each word's WordPiece ids."""
    return [word_pieces(tokenizer, words) if words else [] for words in paragraphs]


def pieces_features(model: Bert, pieces_of: list[list[list[int]]], cls: int, sep: int,
                    window: int = WINDOW, overlap: int = OVERLAP, grad: bool = False,
                    batch_pieces: int = BATCH_PIECES) -> list[torch.Tensor]:
    """Per paragraph (each word's piece ids, ``paragraph_pieces``), a float
    tensor [n_words, width]: the paragraph's pieces read in windows, each
    piece's state taken from the window where it lies furthest from an edge,
    a word's row the mean of its pieces.  ``grad``: keep the graph (the
    fine-tuned encoder's training, ``quotes.training.tagger``)."""
    rows, plan = [], []
    for p, pieces in enumerate(pieces_of):
        flat = [i for word in pieces for i in word]
        for start, end, keep_from, keep_to in windows(len(flat), window, overlap):
            plan.append((p, start, keep_from, keep_to))
            rows.append(flat[start:end])
    states = run_windows(model, rows, cls, sep, grad=grad, batch_pieces=batch_pieces)
    # each paragraph's windows come in order and their kept ranges tile its pieces
    kept: list[list[torch.Tensor]] = [[] for _ in pieces_of]
    for (p, start, keep_from, keep_to), state in zip(plan, states):
        kept[p].append(state[keep_from - start:keep_to - start])
    out = []
    for p, pieces in enumerate(pieces_of):
        flat_states = torch.cat(kept[p]) if kept[p] else torch.zeros(0, model.width)
        out.append(mean_per_word(flat_states, pieces))
    return out


def paragraph_features(paragraphs: list[list[str]], window: int = WINDOW, overlap: int = OVERLAP,
                       model: Bert | None = None) -> list[torch.Tensor]:
    """Per paragraph (a list of word texts), a float tensor [n_words, width],
    without gradients; ``model``: another encoder than the bundled one (a
    fine-tuned tagger's, in bf16), same tokenizer."""
    tokenizer, bundled = encoder() if model is None else (load_tokenizer_once(), None)
    model = model or bundled
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    return pieces_features(model, paragraph_pieces(tokenizer, paragraphs), cls, sep, window, overlap)


def mean_per_word(states: torch.Tensor, pieces: list[list[int]]) -> torch.Tensor:
    """Average each word's consecutive piece states into one row."""
    if not pieces:
        return states.new_zeros(0, states.shape[1])
    owner = torch.tensor([w for w, word in enumerate(pieces) for _ in word])
    total = states.new_zeros(len(pieces), states.shape[1]).index_add_(0, owner, states)
    counts = torch.tensor([len(word) for word in pieces], dtype=states.dtype)
    return total / counts[:, None]
