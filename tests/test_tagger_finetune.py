"""The tagger trained end to end with its encoder (``--encoder --finetune``):
a tiny one, trained for a few steps on made-up paragraphs, saves its encoder
with it, loads back with that encoder (bf16) and tags as before; training
resumes from its checkpoint; old tagger files still load with none."""
import pytest
import torch

from quotes.attribution.tagger import loading
from quotes.attribution.tagger.features import N_FLAGS
from quotes.attribution.tagger.model import TaggerEnsemble
from quotes.encoder.bert import Bert, bert_from_state
from quotes.encoder.words import paragraph_features
from quotes.training.tagger import finetune

SENTENCES = [
    ("The minister said the talks would resume .", "B-SRC I-SRC B-CUE B-CON I-CON I-CON I-CON O"),
    ("\" We will not give up , \" she told reporters .", "O B-CON I-CON I-CON I-CON I-CON O O B-SRC B-CUE O O"),
    ("Prices rose again in March .", "O O O O O O"),
    ("Officials warned that the storm could worsen .", "B-SRC B-CUE B-CON I-CON I-CON I-CON I-CON O"),
]


def example(text: str, labels: str):
    words = text.split()
    strings = [(w.lower(), w.lower()[-3:], "Xx" if w[0].isupper() else "x", "NOUN", w) for w in words]
    flags = [[float(w == "said"), *[0.0] * (N_FLAGS - 1)] for w in words]
    return strings, flags, labels.split()


def tiny_encoder():
    """A one-layer, 32-wide BERT with the bundled tokenizer's vocabulary, random weights."""
    torch.manual_seed(0)
    bert = Bert({"vocab_size": 30522, "hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2,
                 "intermediate_size": 64, "max_position_embeddings": 512, "type_vocab_size": 2,
                 "layer_norm_eps": 1e-12, "pad_token_id": 0})
    bert.train()
    bert.embeddings.word_embeddings.weight.requires_grad_(False)
    return bert


@pytest.fixture
def trained(tmp_path, monkeypatch):
    monkeypatch.setattr(finetune, "trainable_encoder", tiny_encoder)
    data = [example(*s) for s in SENTENCES] * 3
    tagger, sizes = finetune.train_finetune(data, str(tmp_path / "work"), epochs=2, batch_size=4, save_every=0,
                                            log=lambda message: None)
    return data, tagger, sizes, tmp_path


def test_a_finetuned_tagger_saves_and_loads_its_encoder(trained):
    data, tagger, sizes, tmp_path = trained
    path = tmp_path / "tagger.pt"
    TaggerEnsemble.save(path, [(tagger, sizes)])
    loaded = loading.load(path)
    assert loaded.encoder is not None and loaded.members[0].encoder is loaded.encoder
    assert loaded.encoder.embeddings.word_embeddings.weight.dtype == torch.bfloat16
    saved = tagger.encoder.state_dict()
    for name, value in loaded.encoder.state_dict().items():
        assert torch.equal(value, saved[name].half().to(torch.bfloat16)), name
    # the in-memory tagger as the file holds it: fp16 head, encoder fp16 run in bf16
    tagger.model.load_state_dict({k: v.half().float() for k, v in tagger.model.state_dict().items()})
    tagger.encoder = bert_from_state(tagger.encoder.config, {k: v.half() for k, v in saved.items()}, torch.bfloat16)
    texts = [[item[4] for item in strings] for strings, _, _ in data[:4]]

    def tags(model):
        features = paragraph_features(texts, model=model.encoder)
        return model.tag([(strings, flags, f) for (strings, flags, _), f in zip(data[:4], features)])

    assert tags(loaded) == tags(tagger)
    # the fine-tuned encoder's features, not the bundled one's (384 wide)
    assert paragraph_features(texts[:1], model=loaded.encoder)[0].shape == (len(texts[0]), 32)


def test_training_resumes_from_its_checkpoint(trained, monkeypatch):
    data, tagger, sizes, tmp_path = trained
    checkpoint = torch.load(tmp_path / "work" / "checkpoint.pt", weights_only=True)
    assert checkpoint["epoch"] == 2 and checkpoint["step"] == 0
    logged = []
    again, _ = finetune.train_finetune(data, str(tmp_path / "work"), epochs=2, batch_size=4, save_every=0,
                                       log=logged.append)
    assert any("resumed" in line for line in logged) and not any(line.startswith("epoch") for line in logged)
    for (name, a), b in zip(again.model.state_dict().items(), tagger.model.state_dict().values()):
        assert torch.equal(a, b), name
    with pytest.raises(SystemExit):
        finetune.train_finetune(data, str(tmp_path / "work"), epochs=3, batch_size=4, log=logged.append)


def test_an_old_tagger_file_loads_without_an_encoder():
    old = loading.BUNDLED.with_name("tagger-encoder.pt")
    data = torch.load(old, weights_only=True)
    assert all("encoder" not in member for member in data["members"])
    tagger = loading.load(old)
    assert tagger.uses_encoder and tagger.encoder is None
    assert all(member.encoder is None for member in tagger.members)


def test_folds_split_train_into_disjoint_parts():
    from quotes.training.tagger.data import in_fold

    held = [[i for i in range(23) if in_fold(i, (k, 5))] for k in range(5)]
    assert sorted(i for fold in held for i in fold) == list(range(23))
