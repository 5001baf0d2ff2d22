"""A small BiLSTM tagger for source / cue / content spans.

Reads a paragraph's words (word, suffix, shape, tag, a character CNN,
quote-mark and cue-lexicon features) and labels each with BIO tags, decoded
with Viterbi so that every span opens with B-.  With a CRF layer
(``attribution/crf.py``) the label probabilities it decodes are the CRF's
marginals.  Trained on PolNeAR
train by ``python -m quotes.training.attribution_tagger``; the weights and
vocabularies ship in ``attribution/bundled/tagger.pt`` (loaded with
``weights_only=True``).
"""
from __future__ import annotations

from bisect import bisect_left

from pathlib import Path
from typing import Optional

from quotes.attribution.cues import verb_lemma
from quotes.attribution.lexicon import ALL_CUE_VERBS, COGNITION_VERBS, SPEECH_VERBS
from quotes.attribution.parsed import ParsedText

LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
LABEL_INDEX = {label: n for n, label in enumerate(LABELS)}
BUNDLED = Path(__file__).parent / "bundled" / "tagger.pt"
QUOTE_MARKS = {'"', "“", "”", "«", "»", "„", "''", "``", "‘", "’", "'"}
UPOS = ("<pad>", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X")
N_FLAGS = 8


def shape(text: str) -> str:
    out = []
    for ch in text[:5]:
        kind = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def words_starting_in(parsed: ParsedText, spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the words whose first character lies in one of the spans
    (bisect per span: a scan per word was quadratic in long articles)."""
    out: set[int] = set()
    for s, e in spans:
        out.update(range(bisect_left(parsed.starts, s), bisect_left(parsed.starts, e)))
    return out


def token_features(parsed: ParsedText, seq: list[int], quoted: set[int]):
    """Per word: (word, suffix, shape, upos, text) strings and numeric flags.

    ``quoted``: indices of words inside quote marks (``words_starting_in``),
    computed once per article rather than once per paragraph."""
    words = parsed.words
    strings, flags = [], []
    for k, i in enumerate(seq):
        w = words[i]
        low = w.lower
        lemma = verb_lemma(w)
        verbish = w.upos in ("VERB", "AUX", "NOUN", "ADJ")
        in_quote = i in quoted
        strings.append((low, low[-3:], shape(w.text), w.upos, w.text))
        flags.append([
            float(in_quote),
            float(w.text in QUOTE_MARKS),
            float(verbish and lemma in ALL_CUE_VERBS),
            float(verbish and lemma in SPEECH_VERBS),
            float(verbish and lemma in COGNITION_VERBS),
            float(k == 0 or words[seq[k - 1]].sent != w.sent),            # sentence start
            float(k + 1 == len(seq) or words[seq[k + 1]].sent != w.sent),  # sentence end
            float(w.text[:1].isupper()),
        ])
    return strings, flags


MAX_CHARS = 16


def build_model(sizes: dict):
    """The BiLSTM over word, suffix, shape, tag and flag features; with
    ``n_chars`` in ``sizes`` each word also gets a character CNN (names and
    rare words the word vocabulary never saw)."""
    import torch
    from torch import nn

    from quotes.attribution import crf
    from quotes.attribution.crf import BANNED

    class Tagger(nn.Module):
        def __init__(self, n_words, n_suffix, n_shape, n_upos, n_labels, word_dim=64, hidden=128,
                     n_chars=0, char_dim=24, char_filters=48, crf=0):
            super().__init__()
            self.crf = None
            if crf:
                # learned label-to-label scores; the label scheme's own ban added on top
                self.crf = nn.ParameterDict({"trans": nn.Parameter(torch.zeros(n_labels, n_labels)),
                                             "start": nn.Parameter(torch.zeros(n_labels))})
                self.register_buffer("banned", torch.tensor([[0.0 if ok else BANNED for ok in row] for row in ALLOWED]),
                                     persistent=False)
                self.register_buffer("banned_start", torch.tensor([BANNED if x.startswith("I-") else 0.0 for x in LABELS]),
                                     persistent=False)
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
            self.dropout = nn.Dropout(0.3)
            self.lstm = nn.LSTM(width, hidden, num_layers=2, bidirectional=True, batch_first=True, dropout=0.2)
            self.out = nn.Linear(2 * hidden, n_labels)

        def forward(self, words, suffix, shape, upos, flags, chars=None):
            parts = [self.word(words), self.suffix(suffix), self.shape(shape), self.upos(upos), flags]
            if self.chars is not None:
                b, t, c = chars.shape
                x = self.chars(chars.reshape(b * t, c)).transpose(1, 2)
                pooled = torch.relu(self.char_conv(x)).max(-1).values
                parts.append(pooled.reshape(b, t, -1))
            h, _ = self.lstm(self.dropout(torch.cat(parts, -1)))
            return self.out(self.dropout(h))

        def transitions(self):
            return self.crf["trans"] + self.banned, self.crf["start"] + self.banned_start

        def label_log_probs(self, scores, mask):
            """Per word label log-probabilities: CRF marginals, or a softmax."""
            if self.crf is None:
                return torch.log_softmax(scores, -1)
            return crf.marginals(scores, mask, *self.transitions())

        def loss(self, scores, gold, mask):
            """``gold``: label indices, -100 on padding."""
            if self.crf is None:
                return nn.functional.cross_entropy(scores.reshape(-1, scores.shape[-1]), gold.reshape(-1),
                                                   ignore_index=-100)
            return crf.nll(scores, gold.clamp(min=0), mask, *self.transitions())

    return Tagger(**sizes)


class Vocab:
    def __init__(self, items: list[str]):
        self.items = ["<pad>", "<unk>"] + [i for i in items if i not in ("<pad>", "<unk>")]
        self.index = {item: n for n, item in enumerate(self.items)}

    def __call__(self, item: str) -> int:
        return self.index.get(item, 1)


class NeuralTagger:
    def __init__(self, model, vocabs: dict[str, Vocab]):
        self.model = model
        self.vocabs = vocabs

    def tensors(self, batch):
        """``batch``: list of (strings, flags) per paragraph -> padded tensors
        (indices gathered in lists and turned into tensors once: per-word
        tensor writes took 40 % of extraction time)."""
        import torch

        longest = max(len(s) for s, _ in batch)
        fields = ("words", "suffix", "shape", "upos")
        lookups = [self.vocabs[k] for k in fields]
        ids = {k: [[0] * longest for _ in batch] for k in fields}
        chars = self.vocabs.get("chars")
        char_ids = [[[0] * MAX_CHARS for _ in range(longest)] for _ in batch] if chars is not None else None
        flag_rows = [[[0.0] * N_FLAGS for _ in range(longest)] for _ in batch]
        for b, (strings, fl) in enumerate(batch):
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
        return out, torch.tensor(flag_rows, dtype=torch.float32)

    def same_inputs(self, other: "NeuralTagger") -> bool:
        """Whether ``other`` turns words into the same indices (seeds trained
        on the same data share their vocabularies)."""
        return {k: v.items for k, v in self.vocabs.items()} == {k: v.items for k, v in other.vocabs.items()}

    def scores(self, tensors, flags):
        return self.model(tensors["words"], tensors["suffix"], tensors["shape"], tensors["upos"], flags,
                          tensors.get("chars"))

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
        return _in_length_groups(batch, lambda group: _decode(group, self.log_probs(group)))

    def to_dict(self, sizes: dict) -> dict:
        state = {k: v.half() if v.is_floating_point() else v for k, v in self.model.state_dict().items()}
        return {"sizes": sizes, "state": state, "labels": list(LABELS),
                "vocabs": {k: v.items for k, v in self.vocabs.items()}}

    @classmethod
    def from_dict(cls, data: dict) -> "NeuralTagger":
        model = build_model(data["sizes"])
        model.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in data["state"].items()})
        model.eval()
        return cls(model, {k: Vocab(items) for k, items in data["vocabs"].items()})

    @classmethod
    def load(cls, path: Path = BUNDLED) -> "NeuralTagger | TaggerEnsemble":
        import torch

        data = torch.load(path, map_location="cpu", weights_only=True)
        if "members" in data:
            return TaggerEnsemble([cls.from_dict(member) for member in data["members"]])
        return cls.from_dict(data)


class TaggerEnsemble:
    """Taggers trained with different seeds; their label log-probabilities are
    summed before decoding (on PolNeAR dev two members beat either one by
    about 0.01 F1 on every role)."""

    def __init__(self, members: list[NeuralTagger]):
        self.members = members
        # members that read the same inputs share one set of tensors
        self.input_owner = [next(j for j in range(k + 1) if members[j] is m or members[j].same_inputs(m))
                            for k, m in enumerate(members)]

    def tag(self, batch) -> list[list[str]]:
        return [labels for labels, _ in self.tag_scored(batch)]

    def tag_scored(self, batch) -> list[tuple[list[str], list[float]]]:
        return _in_length_groups(batch, self._tag_group)

    def _tag_group(self, batch) -> list[tuple[list[str], list[float]]]:
        import torch

        from quotes.attribution import crf

        inputs: dict[int, tuple] = {}
        for owner in self.input_owner:
            if owner not in inputs:
                inputs[owner] = self.members[owner].tensors(batch)
        n = len(self.members)
        if all(m.model.crf is not None for m in self.members):
            # CRF members: their potentials averaged make one CRF, whose
            # marginals cost one forward-backward pass instead of one per seed
            with torch.no_grad():
                scores, trans, start = 0, 0, 0
                for member, owner in zip(self.members, self.input_owner):
                    member.model.eval()
                    scores = scores + member.scores(*inputs[owner])
                    t, s = member.model.transitions()
                    trans, start = trans + t, start + s
                words = inputs[self.input_owner[0]][0]["words"]
                return _decode(batch, crf.marginals(scores / n, words != 0, trans / n, start / n))
        total = 0
        for member, owner in zip(self.members, self.input_owner):
            total = total + member.log_probs(batch, inputs[owner])
        return _decode(batch, total / n)

    @staticmethod
    def save(path: Path, members: list[tuple[NeuralTagger, dict]]) -> None:
        import torch

        path.parent.mkdir(parents=True, exist_ok=True)
        torch.save({"members": [tagger.to_dict(sizes) for tagger, sizes in members]}, path)


GROUP_SIZE = 16     # as in training


def _in_length_groups(batch, tag_group) -> list:
    """Tag paragraphs in groups of similar length, results in the input order.
    Padding a short paragraph to an article's longest one changes what the
    backward LSTM carries into it (and costs time); the tagger was trained on
    batches of similar lengths."""
    order = sorted(range(len(batch)), key=lambda k: len(batch[k][0]))
    out: list = [None] * len(batch)
    for start in range(0, len(order), GROUP_SIZE):
        group = order[start:start + GROUP_SIZE]
        for k, result in zip(group, tag_group([batch[k] for k in group])):
            out[k] = result
    return out


def _decode(batch, log_probs) -> list[tuple[list[str], list[float]]]:
    """Per paragraph: the Viterbi labels and each word's probability of its label."""
    out = []
    for b, (strings, _) in enumerate(batch):
        scores = log_probs[b, :len(strings)]
        labels = viterbi(scores)
        chosen = [LABEL_INDEX[label] for label in labels]
        out.append((labels, scores[range(len(chosen)), chosen].exp().tolist()))
    return out


def _allowed():
    """allowed[i][j]: label j may follow label i (an I- only continues its own role)."""
    return [[not (b.startswith("I-") and a[2:] != b[2:]) for b in LABELS] for a in LABELS]


ALLOWED = _allowed()
_BANNED = [[0.0 if ok else float("-inf") for ok in row] for row in ALLOWED]     # transition scores
_START = [float("-inf") if label.startswith("I-") else 0.0 for label in LABELS]


def viterbi(log_probs) -> list[str]:
    """The best label sequence in which every span opens with B- (argmax
    alone can start a span on I- or switch roles mid-span; exact-span
    scores count each such slip)."""
    import numpy as np

    scores = log_probs.numpy() if hasattr(log_probs, "numpy") else np.asarray(log_probs)
    n = scores.shape[0]
    if n == 0:
        return []
    banned = np.array(_BANNED)
    best = scores[0] + np.array(_START)
    back = np.zeros((n, len(LABELS)), dtype=np.int64)
    for t in range(1, n):
        total = best[:, None] + banned          # from i to j
        back[t] = total.argmax(0)
        best = total.max(0) + scores[t]
    path = [int(best.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t][path[-1]]))
    return [LABELS[j] for j in reversed(path)]


_MODEL = None


def bundled_tagger() -> "Optional[NeuralTagger | TaggerEnsemble]":
    global _MODEL
    if _MODEL is None and BUNDLED.exists():
        from quotes.nlp.pipeline import apply_torch_threads

        apply_torch_threads()
        _MODEL = NeuralTagger.load(BUNDLED)
    return _MODEL
