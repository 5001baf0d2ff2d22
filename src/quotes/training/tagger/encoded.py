"""The frozen encoder's word features for every training paragraph, computed
once and cached (``build/cache/encoder/``), so epochs and seeds reuse them."""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

CACHE = Path("build/cache/encoder")
CHUNK = 512          # paragraphs encoded per call (progress, bounded memory)


def cache_key(texts: list[list[str]]) -> str:
    """Digest of the paragraphs' words and the bundled weights: new data or
    new weights mean a new cache file."""
    from quotes.encoder.bert import BUNDLED

    digest = hashlib.sha256(json.dumps(texts).encode())
    digest.update(json.loads((BUNDLED / "manifest.json").read_text())["bundled_sha256"]["model.safetensors"].encode())
    return digest.hexdigest()[:16]


def encoder_features(data, folder: Path = CACHE, log=print) -> list:
    """Per example (strings, flags, labels), a fp16 tensor [n_words, 384]."""
    import torch

    from quotes.encoder.words import paragraph_features

    texts = [[item[4] for item in strings] for strings, _, _ in data]
    path = folder / f"train-{cache_key(texts)}.pt"
    if path.exists():
        return torch.load(path, weights_only=True)
    started = time.time()
    out = []
    for k in range(0, len(texts), CHUNK):
        out.extend(f.half() for f in paragraph_features(texts[k:k + CHUNK]))
        log(f"encoded {len(out)}/{len(texts)} paragraphs ({time.time() - started:.0f}s)")
    folder.mkdir(parents=True, exist_ok=True)
    torch.save(out, path)
    return out
