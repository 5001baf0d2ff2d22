"""From per-word label log-probabilities to BIO labels.

Viterbi under the label scheme's one constraint (an I- only continues its own
role), in groups of paragraphs of similar length, as in training.
"""
from __future__ import annotations

LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
LABEL_INDEX = {label: n for n, label in enumerate(LABELS)}
GROUP_SIZE = 16     # as in training


def in_length_groups(batch, tag_group) -> list:
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


def decode(batch, log_probs) -> list[tuple[list[str], list[float]]]:
    """Per paragraph: the Viterbi labels and each word's probability of its label."""
    out = []
    for b, item in enumerate(batch):
        scores = log_probs[b, :len(item[0])]
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
