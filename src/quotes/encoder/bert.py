"""A plain-torch BERT encoder (no ``transformers``): embeddings, post-LN
layers, exact GELU, padding masked out of attention.  Built from a Hugging
Face ``config.json`` and loaded from the bundled fp16 safetensors; its names
match the checkpoint's, so ``load_state_dict`` reads them directly."""
from __future__ import annotations

import json
from pathlib import Path

import torch
from torch import nn

BUNDLED = Path(__file__).parent / "bundled"


class Embeddings(nn.Module):
    def __init__(self, cfg: dict):
        super().__init__()
        width = cfg["hidden_size"]
        self.word_embeddings = nn.Embedding(cfg["vocab_size"], width, padding_idx=cfg.get("pad_token_id", 0))
        self.position_embeddings = nn.Embedding(cfg["max_position_embeddings"], width)
        self.token_type_embeddings = nn.Embedding(cfg["type_vocab_size"], width)
        self.LayerNorm = nn.LayerNorm(width, eps=cfg["layer_norm_eps"])

    def forward(self, ids):
        positions = torch.arange(ids.shape[1], device=ids.device)
        # one segment: token type 0 everywhere
        x = self.word_embeddings(ids) + self.position_embeddings(positions)[None] + self.token_type_embeddings.weight[0]
        return self.LayerNorm(x)


class SelfAttention(nn.Module):
    def __init__(self, cfg: dict):
        super().__init__()
        width = cfg["hidden_size"]
        self.heads = cfg["num_attention_heads"]
        self.query = nn.Linear(width, width)
        self.key = nn.Linear(width, width)
        self.value = nn.Linear(width, width)

    def forward(self, x, keep):
        b, t, width = x.shape

        def split(y):
            return y.view(b, t, self.heads, width // self.heads).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        # keep: [b, t] True on real pieces; broadcast over heads and queries
        out = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=keep[:, None, None, :])
        return out.transpose(1, 2).reshape(b, t, width)


class DenseNorm(nn.Module):
    """Projection, residual, LayerNorm (BERT's "output" blocks)."""

    def __init__(self, cfg: dict, inner: int):
        super().__init__()
        self.dense = nn.Linear(inner, cfg["hidden_size"])
        self.LayerNorm = nn.LayerNorm(cfg["hidden_size"], eps=cfg["layer_norm_eps"])

    def forward(self, x, residual):
        return self.LayerNorm(self.dense(x) + residual)


class Attention(nn.Module):
    def __init__(self, cfg: dict):
        super().__init__()
        self.self = SelfAttention(cfg)
        self.output = DenseNorm(cfg, cfg["hidden_size"])

    def forward(self, x, keep):
        return self.output(self.self(x, keep), x)


class Intermediate(nn.Module):
    def __init__(self, cfg: dict):
        super().__init__()
        self.dense = nn.Linear(cfg["hidden_size"], cfg["intermediate_size"])

    def forward(self, x):
        return nn.functional.gelu(self.dense(x))


class Layer(nn.Module):
    def __init__(self, cfg: dict):
        super().__init__()
        self.attention = Attention(cfg)
        self.intermediate = Intermediate(cfg)
        self.output = DenseNorm(cfg, cfg["intermediate_size"])

    def forward(self, x, keep):
        x = self.attention(x, keep)
        return self.output(self.intermediate(x), x)


class Stack(nn.Module):
    def __init__(self, cfg: dict):
        super().__init__()
        self.layer = nn.ModuleList(Layer(cfg) for _ in range(cfg["num_hidden_layers"]))


class Bert(nn.Module):
    """``forward(ids, keep)`` -> last layer's states [batch, pieces, width]."""

    def __init__(self, cfg: dict):
        super().__init__()
        assert cfg.get("hidden_act", "gelu") == "gelu" and cfg.get("position_embedding_type", "absolute") == "absolute"
        self.embeddings = Embeddings(cfg)
        self.encoder = Stack(cfg)
        self.config = cfg
        self.width = cfg["hidden_size"]
        self.max_pieces = cfg["max_position_embeddings"]

    def forward(self, ids, keep):
        x = self.embeddings(ids)
        for layer in self.encoder.layer:
            x = layer(x, keep)
        return x


def load_config(folder: Path = BUNDLED) -> dict:
    return json.loads((folder / "config.json").read_text())


def bert_from_state(cfg: dict, state: dict, dtype=torch.float32) -> Bert:
    """A Bert in eval mode, gradients off, built from ``cfg`` and given
    ``state``'s tensors in ``dtype`` (a fine-tuned tagger's encoder, or the
    bundled file's)."""
    # built on the meta device and given the tensors: no random init, no
    # fp32 copy of the weights (they cost 0.3 GB of peak memory)
    with torch.device("meta"):
        model = Bert(cfg)
    model.load_state_dict({k: v.to(dtype) for k, v in state.items() if not k.startswith("pooler.")}, assign=True)
    model.eval()
    model.requires_grad_(False)
    return model


def load_bert(folder: Path = BUNDLED, dtype=torch.float32) -> Bert:
    """The bundled encoder in eval mode, gradients off, weights in ``dtype``."""
    from safetensors.torch import load_file

    return bert_from_state(load_config(folder), load_file(str(folder / "model.safetensors")), dtype)
