"""Training helpers that can be checked without training: time limit, retagging, fp16 bundling."""
from __future__ import annotations

import pytest

from quotes.nlp.resolve import BUNDLED_DIR, BUNDLED_FILES
from quotes.training.stanza import time_limit

CONLLU = """# sent_id = 1
# text = The ministry said talks would resume.
1	The	the	X	X	_	2	det	_	_
2	ministry	ministry	X	X	_	3	nsubj	_	_
3	said	say	X	X	_	0	root	_	_
4	talks	talk	X	X	_	6	nsubj	_	_
5	would	would	X	X	_	6	aux	_	_
6	resume	resume	X	X	_	3	ccomp	_	_
7	.	.	X	X	_	3	punct	_	SpaceAfter=No

"""


def test_time_limit_stops_training_steps_but_not_evaluation():
    from stanza.models.depparse.trainer import Trainer

    original = Trainer.update
    try:
        assert time_limit.install("depparse", seconds=-1)
        with pytest.raises(time_limit.TimeLimitReached):
            Trainer.update(object(), batch=None)
        # an evaluation step goes through to Stanza's own update (which fails on our dummy self)
        with pytest.raises(Exception) as raised:
            Trainer.update(object(), None, eval=True)
        assert not isinstance(raised.value, time_limit.TimeLimitReached)
    finally:
        Trainer.update = original
    assert not time_limit.install("lemma", seconds=1)


def test_retag_replaces_tags_and_keeps_the_tree(tmp_path):
    from quotes.training.stanza.retag import retag_split

    source = tmp_path / "in.conllu"
    source.write_text(CONLLU)
    target = tmp_path / "out.conllu"
    retag_split(source, target, BUNDLED_DIR / BUNDLED_FILES["pos"], tmp_path / "wordvec")
    rows = [line.split("\t") for line in target.read_text().splitlines() if line and not line.startswith("#")]
    assert [r[3] for r in rows] == ["DET", "NOUN", "VERB", "NOUN", "AUX", "VERB", "PUNCT"]
    assert [(r[6], r[7]) for r in rows] == [("2", "det"), ("3", "nsubj"), ("0", "root"), ("6", "nsubj"),
                                            ("6", "aux"), ("3", "ccomp"), ("3", "punct")]


def test_bundled_models_are_fp16_and_load_as_fp32(tmp_path):
    import torch

    from quotes.training.stanza.bundle import save_half_precision

    source = BUNDLED_DIR / BUNDLED_FILES["tokenize"]
    saved = torch.load(source, map_location="cpu", weights_only=False)
    assert {t.dtype for t in saved["model"].values() if t.is_floating_point()} == {torch.float16}
    # stock Stanza loads the fp16 file into its fp32 model
    from stanza.models.tokenization.trainer import Trainer
    trainer = Trainer(model_file=str(source), device="cpu")
    assert {p.dtype for p in trainer.model.parameters()} == {torch.float32}
    # re-saving is idempotent
    again = tmp_path / "again.pt"
    save_half_precision(source, again)
    assert torch.load(again, map_location="cpu", weights_only=False)["model"].keys() == saved["model"].keys()
