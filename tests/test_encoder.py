"""The bundled encoder: its forward matches transformers' BertModel (values
saved once from it), and word features have one row per word, windows
included."""
import json
from pathlib import Path

import torch

from quotes.encoder.bert import load_bert
from quotes.encoder.words import paragraph_features, windows

REFERENCE = Path(__file__).parent / "fixtures" / "minilm_reference.json"


def test_forward_matches_transformers_reference():
    ref = json.loads(REFERENCE.read_text())
    ids = torch.tensor(ref["ids"])
    with torch.no_grad():
        states = load_bert()(ids, ids != 0)
    for row, expected in enumerate(ref["reference_first8"]):
        got = states[row, :len(expected), :8]
        # the bundled weights are fp16: agreement to a few thousandths
        assert torch.allclose(got, torch.tensor(expected), atol=1e-2)


def test_one_row_per_word_even_without_pieces():
    words = ["Blinken", "said", "\u200b", "“", "unbelievably", "https://example.com/a/very/long/path", "."]
    (features,) = paragraph_features([words])
    assert features.shape == (len(words), 384)
    assert torch.isfinite(features).all()


def test_windows_cover_every_piece_once():
    for n in (1, 510, 511, 1500):
        kept = [i for _, _, lo, hi in windows(n) for i in range(lo, hi)]
        assert kept == list(range(n))
        assert all(end - start <= 510 for start, end, _, _ in windows(n))


def test_windowed_paragraph_agrees_with_one_window_on_its_first_part():
    words = [f"word{k % 7}" for k in range(40)]              # "wordN" is two pieces: 80 pieces
    (whole,) = paragraph_features([words], window=1000)
    (windowed,) = paragraph_features([words], window=24, overlap=8)
    # the first window holds words 0-11 and keeps pieces 0-19 (words 0-9):
    # they read what the first 12 words read alone (bf16: not bit for bit)
    (alone,) = paragraph_features([words[:12]], window=1000)
    cos = torch.nn.functional.cosine_similarity(windowed[:10], alone[:10], -1)
    assert cos.min() > 0.999
    # a later word read with the whole paragraph differs from the window's view
    assert torch.nn.functional.cosine_similarity(windowed[:10], whole[:10], -1).min() < 0.999
    assert windowed.shape == whole.shape == (40, 384)
