"""A small BiLSTM tagger for source / cue / content spans, and seed ensembles.

Reads a paragraph's words (``features.py``: word, suffix, shape, tag, a
character CNN, quote-mark and cue-lexicon flags) and scores each word's BIO
labels with a softmax; ``decoding.py`` turns the scores into labels.  Trained
on PolNeAR train by ``quotes.training.tagger``; the shipped weights are
loaded by ``loading.py``.  With ``encoder_dim`` in its sizes a tagger also
reads each word's features from the frozen pretrained encoder
(``quotes.encoder``), projected to ``ENCODER_PROJECTION`` wide; a batch item is
then (strings, flags, features) instead of (strings, flags).  A tagger
trained with ``--finetune`` also carries its own copy of the encoder, trained
with it (``NeuralTagger.encoder``; fp16 in the file, bf16 at run time): its
features come from that copy, not the bundled one.
"""
from __future__ import annotations

from quotes.attribution.tagger.decoding import LABELS, decode, in_length_groups
from quotes.attribution.tagger.features import MAX_CHARS, N_FLAGS

ENCODER_PROJECTION = 128


def build_model(sizes: dict):
    """The BiLSTM over word, suffix, shape, tag and flag features; with
    ``n_chars`` in ``sizes`` each word also gets a character CNN (names and
    rare words the word vocabulary never saw); with ``encoder_dim`` each word
    also reads the pretrained encoder's features for it, projected."""
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self, n_words, n_suffix, n_shape, n_upos, n_labels, word_dim=64, hidden=128,
                     n_chars=0, char_dim=24, char_filters=48, encoder_dim=0):
            super().__init__()
            self.word = nn.Embedding(n_words, word_dim, padding_idx=0)
            self.suffix = nn.Embedding(n_suffix, 16, padding_idx=0)
            self.shape = nn.Embedding(n_shape, 8, padding_idx=0)
            self.upos = nn.Embedding(n_upos, 16, padding_idx=0)
            self.chars = None
            width = word_dim + 16 + 8 + 16 + N_FLAGS
            if n_chars:
                self.chars = nn.Embedding(n_chars, char_dim, padding_idx=0)
                self.char_conv = nn.Conv1d(char_dim, char_filters, kernel_size=3, padding=1)
                width += char_filters
            self.encoder_proj = None
            if encoder_dim:
                self.encoder_proj = nn.Linear(encoder_dim, ENCODER_PROJECTION)
                width += ENCODER_PROJECTION
            self.dropout = nn.Dropout(0.3)
            self.lstm = nn.LSTM(width, hidden, num_layers=2, bidirectional=True, batch_first=True, dropout=0.2)
            self.out = nn.Linear(2 * hidden, n_labels)

        def forward(self, words, suffix, shape, upos, flags, chars=None, encoded=None):
            parts = [self.word(words), self.suffix(suffix), self.shape(shape), self.upos(upos), flags]
            if self.chars is not None:
                b, t, c = chars.shape
                x = self.chars(chars.reshape(b * t, c)).transpose(1, 2)
                pooled = torch.relu(self.char_conv(x)).max(-1).values
                parts.append(pooled.reshape(b, t, -1))
            if self.encoder_proj is not None:
                parts.append(self.encoder_proj(self.dropout(encoded)))
            h, _ = self.lstm(self.dropout(torch.cat(parts, -1)))
            return self.out(self.dropout(h))

        def label_log_probs(self, scores, mask):
            """Per word label log-probabilities (a softmax over each word's scores)."""
            return torch.log_softmax(scores, -1)

        def loss(self, scores, gold, mask):
            """``gold``: label indices, -100 on padding."""
            return nn.functional.cross_entropy(scores.reshape(-1, scores.shape[-1]), gold.reshape(-1),
                                               ignore_index=-100)

    return Tagger(**sizes)


def padded_features(rows, longest: int):
    """Per paragraph [n_words, width] encoder features -> [batch, longest, width] float32."""
    import torch

    out = torch.zeros(len(rows), longest, rows[0].shape[1])
    for b, row in enumerate(rows):
        out[b, :len(row)] = row
    return out


class Vocab:
    def __init__(self, items: list[str]):
        self.items = ["<pad>", "<unk>"] + [i for i in items if i not in ("<pad>", "<unk>")]
        self.index = {item: n for n, item in enumerate(self.items)}

    def __call__(self, item: str) -> int:
        return self.index.get(item, 1)


class NeuralTagger:
    def __init__(self, model, vocabs: dict[str, Vocab], encoder=None):
        self.model = model
        self.vocabs = vocabs
        self.uses_encoder = getattr(model, "encoder_proj", None) is not None
        # a fine-tuned encoder (``quotes.encoder.bert.Bert``) when the tagger
        # was trained with one; None: the bundled frozen encoder
        self.encoder = encoder

    def tensors(self, batch):
        """``batch``: list of (strings, flags[, encoder features]) per paragraph -> padded tensors
        (indices gathered in lists and turned into tensors once: per-word
        tensor writes took 40 % of extraction time)."""
        import torch

        longest = max(len(item[0]) for item in batch)
        fields = ("words", "suffix", "shape", "upos")
        lookups = [self.vocabs[k] for k in fields]
        ids = {k: [[0] * longest for _ in batch] for k in fields}
        chars = self.vocabs.get("chars")
        char_ids = [[[0] * MAX_CHARS for _ in range(longest)] for _ in batch] if chars is not None else None
        flag_rows = [[[0.0] * N_FLAGS for _ in range(longest)] for _ in batch]
        for b, (strings, fl, *_) in enumerate(batch):
            for t, item in enumerate(strings):
                for k, lookup, value in zip(fields, lookups, item):
                    ids[k][b][t] = lookup(value)
                if char_ids is not None:
                    row = char_ids[b][t]
                    for c, ch in enumerate(item[4][:MAX_CHARS]):
                        row[c] = chars(ch)
            flag_rows[b][:len(fl)] = fl
        out = {k: torch.tensor(v, dtype=torch.long) for k, v in ids.items()}
        if char_ids is not None:
            out["chars"] = torch.tensor(char_ids, dtype=torch.long)
        if self.uses_encoder:
            out["encoded"] = padded_features([item[2] for item in batch], longest)
        return out, torch.tensor(flag_rows, dtype=torch.float32)

    def same_inputs(self, other: "NeuralTagger") -> bool:
        """Whether ``other`` turns words into the same indices (seeds trained
        on the same data share their vocabularies)."""
        return self.uses_encoder == other.uses_encoder and self.encoder is other.encoder and \
            {k: v.items for k, v in self.vocabs.items()} == {k: v.items for k, v in other.vocabs.items()}

    def use_bf16(self) -> None:
        """Run in bfloat16 (``QUOTES_BF16``; on CPUs with AMX the LSTMs take a
        quarter less time; 4 of 1,700 PolNeAR dev records change a span)."""
        import torch

        self.model.to(torch.bfloat16)
        self.dtype = torch.bfloat16

    def scores(self, tensors, flags):
        dtype = getattr(self, "dtype", None)
        encoded = tensors.get("encoded")
        if dtype is not None:
            flags = flags.to(dtype)
            encoded = encoded.to(dtype) if encoded is not None else None
        scores = self.model(tensors["words"], tensors["suffix"], tensors["shape"], tensors["upos"], flags,
                            tensors.get("chars"), encoded)
        return scores.float()

    def log_probs(self, batch, inputs=None):
        """Per paragraph, per word, log-probabilities of the labels (padded);
        ``inputs``: this batch's ``tensors`` when already built."""
        import torch

        self.model.eval()
        with torch.no_grad():
            tensors, flags = inputs or self.tensors(batch)
            scores = self.scores(tensors, flags)
            return self.model.label_log_probs(scores, tensors["words"] != 0)

    def tag(self, batch) -> list[list[str]]:
        return [labels for labels, _ in self.tag_scored(batch)]

    def tag_scored(self, batch) -> list[tuple[list[str], list[float]]]:
        return in_length_groups(batch, lambda group: decode(group, self.log_probs(group)))

    def to_dict(self, sizes: dict) -> dict:
        state = {k: v.half() if v.is_floating_point() else v for k, v in self.model.state_dict().items()}
        out = {"sizes": sizes, "state": state, "labels": list(LABELS),
               "vocabs": {k: v.items for k, v in self.vocabs.items()}}
        if self.encoder is not None:
            out["encoder"] = {k: v.detach().half() for k, v in self.encoder.state_dict().items()}
            out["encoder_config"] = dict(self.encoder.config)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "NeuralTagger":
        model = build_model(data["sizes"])
        model.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in data["state"].items()})
        model.eval()
        encoder = None
        if "encoder" in data:
            import torch

            from quotes.encoder.bert import bert_from_state

            # run as the bundled encoder is (quotes.encoder.words): bf16 weights, no gradients
            encoder = bert_from_state(data["encoder_config"], data["encoder"], torch.bfloat16)
        return cls(model, {k: Vocab(items) for k, items in data["vocabs"].items()}, encoder)


class TaggerEnsemble:
    """Taggers trained with different seeds; their label log-probabilities are
    summed before decoding (on PolNeAR dev two members beat either one by
    about 0.01 F1 on every role)."""

    def __init__(self, members: list[NeuralTagger]):
        self.members = members
        self.uses_encoder = any(m.uses_encoder for m in members)
        # one set of encoder features per paragraph: the members that read
        # them must read the same encoder's (all the bundled one, or one
        # fine-tuned member)
        readers = [m for m in members if m.uses_encoder]
        if any(m.encoder is not readers[0].encoder for m in readers):
            raise ValueError("an ensemble's members must read the same encoder")
        self.encoder = readers[0].encoder if readers else None
        # members that read the same inputs share one set of tensors
        self.input_owner = [next(j for j in range(k + 1) if members[j] is m or members[j].same_inputs(m))
                            for k, m in enumerate(members)]

    def tag(self, batch) -> list[list[str]]:
        return [labels for labels, _ in self.tag_scored(batch)]

    def tag_scored(self, batch) -> list[tuple[list[str], list[float]]]:
        return in_length_groups(batch, self._tag_group)

    def _tag_group(self, batch) -> list[tuple[list[str], list[float]]]:
        inputs: dict[int, tuple] = {}
        for owner in self.input_owner:
            if owner not in inputs:
                inputs[owner] = self.members[owner].tensors(batch)
        total = 0
        for member, owner in zip(self.members, self.input_owner):
            total = total + member.log_probs(batch, inputs[owner])
        return decode(batch, total / len(self.members))

    @staticmethod
    def save(path, members: list[tuple[NeuralTagger, dict]]) -> None:
        import torch

        path.parent.mkdir(parents=True, exist_ok=True)
        torch.save({"members": [tagger.to_dict(sizes) for tagger, sizes in members]}, path)
