"""Linear-chain CRF over the tagger's label scores.

A softmax per word scores each label alone; the CRF also learns which label
follows which (a cue runs on into "by" after "endorsed", content does not
stop one word short of a quote mark), and training scores whole label
sequences.  At tagging time it gives each word its marginal label
log-probability, so CRF taggers decode and ensemble like softmax ones.

Shapes: ``scores`` (batch, time, labels); ``mask`` (batch, time), true on
real words, every sequence starting at time 0.
"""
from __future__ import annotations

import torch

# a transition the label scheme forbids (I- of another role); finite so that
# sums never turn into nan
BANNED = -1e4


def _step(prev, trans, emit):
    """log-sum over the previous label: (batch, labels)."""
    return torch.logsumexp(prev.unsqueeze(2) + trans.unsqueeze(0), dim=1) + emit


def forward_scores(scores, mask, trans, start):
    """Per time step, log-sum of every label path ending there in each label."""
    alphas = [start.unsqueeze(0) + scores[:, 0]]
    for t in range(1, scores.shape[1]):
        nxt = _step(alphas[-1], trans, scores[:, t])
        alphas.append(torch.where(mask[:, t:t + 1], nxt, alphas[-1]))
    return torch.stack(alphas, 1)


def log_partition(scores, mask, trans, start):
    return torch.logsumexp(forward_scores(scores, mask, trans, start)[:, -1], -1)


def path_score(scores, gold, mask, trans, start):
    """Score of the gold label path of each sequence (``gold`` padded with any label)."""
    emit = scores.gather(2, gold.unsqueeze(2)).squeeze(2)
    moves = trans[gold[:, :-1], gold[:, 1:]]
    later = mask[:, 1:].to(scores.dtype)
    return start[gold[:, 0]] + emit[:, 0] + (emit[:, 1:] * later).sum(1) + (moves * later).sum(1)


def nll(scores, gold, mask, trans, start):
    """Negative log-likelihood of the gold paths per word (the scale of a
    per-word cross-entropy, so learning rate and clipping carry over)."""
    return (log_partition(scores, mask, trans, start) - path_score(scores, gold, mask, trans, start)).sum() / mask.sum()


def marginals(scores, mask, trans, start):
    """Per word, the log-probability of each label over all paths (padding: 0)."""
    alpha = forward_scores(scores, mask, trans, start)
    batch, time, n = scores.shape
    betas = [torch.zeros(batch, n, dtype=scores.dtype)]
    for t in range(time - 2, -1, -1):
        nxt = torch.logsumexp(trans.unsqueeze(0) + (scores[:, t + 1] + betas[0]).unsqueeze(1), dim=2)
        betas.insert(0, torch.where(mask[:, t + 1:t + 2], nxt, betas[0]))
    beta = torch.stack(betas, 1)
    log_z = torch.logsumexp(alpha[:, -1], -1)
    out = alpha + beta - log_z[:, None, None]
    return out.masked_fill(~mask.unsqueeze(2), 0.0)
