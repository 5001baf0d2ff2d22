"""The shipped tagger: ``bundled/tagger.pt``, five seeds loaded once per process.

The file holds each member's sizes, half-precision weights and vocabularies
(loaded with ``weights_only=True``); the word lists its flags were computed
with are frozen in ``tagger/lexicon.py``.  Retrain with
``quotes models train --kind tagger`` (docs/training.md).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from quotes.attribution.tagger.model import NeuralTagger, TaggerEnsemble

BUNDLED = Path(__file__).parent / "bundled" / "tagger.pt"


def load(path: Path = BUNDLED) -> "NeuralTagger | TaggerEnsemble":
    """A tagger or an ensemble, as saved by ``TaggerEnsemble.save``."""
    import torch

    data = torch.load(path, map_location="cpu", weights_only=True)
    if "members" in data:
        return TaggerEnsemble([NeuralTagger.from_dict(member) for member in data["members"]])
    return NeuralTagger.from_dict(data)


_MODEL = None


def tagger_path() -> Path:
    """``QUOTES_TAGGER`` (another tagger file, e.g. one trained with
    ``--encoder`` and not shipped) or the bundled one."""
    from quotes.settings import tagger_file

    return Path(tagger_file() or BUNDLED)


def bundled_tagger() -> "Optional[NeuralTagger | TaggerEnsemble]":
    global _MODEL
    if _MODEL is None and (path := tagger_path()).exists():
        from quotes.nlp.pipeline import apply_torch_threads

        from quotes.settings import bf16

        apply_torch_threads()
        _MODEL = load(path)
        if bf16():
            for member in getattr(_MODEL, "members", [_MODEL]):
                member.use_bf16()
    return _MODEL
