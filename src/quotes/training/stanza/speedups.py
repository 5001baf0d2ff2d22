"""CPU speed-ups applied only while training.

``torch.nn.Bilinear``'s backward pass is very slow on CPU.  Stanza's
``BiaffineScorer`` (the tagger's XPOS/feats heads) calls it on every step.  The
replacement forward computes the same function with one matmul and one bmm over
the *same* ``W_bilin.weight`` (out x in1 x in2) and ``W_bilin.bias``, so the
parameters and the saved state_dict are unchanged and stock Stanza loads the
models.  Nothing here is imported at inference time.
"""
from __future__ import annotations

import torch

_PATCHED = False


def bilinear_as_matmul(x1: torch.Tensor, x2: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None) -> torch.Tensor:
    """Equivalent of ``torch.nn.functional.bilinear(x1, x2, weight, bias)``."""
    out_dim, in1, in2 = weight.shape
    lead = x1.shape[:-1]
    a = x1.reshape(-1, in1)
    b = x2.reshape(-1, in2)
    # (N, in1) @ (in1, out*in2) -> (N, out, in2), then contract in2 with b
    projected = (a @ weight.permute(1, 0, 2).reshape(in1, out_dim * in2)).view(-1, out_dim, in2)
    result = torch.bmm(projected, b.unsqueeze(2)).squeeze(2)
    if bias is not None:
        result = result + bias
    return result.view(*lead, out_dim)


def _fast_biaffine_forward(self, input1, input2):
    input1 = torch.cat([input1, input1.new_ones(*input1.size()[:-1], 1)], input1.dim() - 1)
    input2 = torch.cat([input2, input2.new_ones(*input2.size()[:-1], 1)], input2.dim() - 1)
    return bilinear_as_matmul(input1, input2, self.W_bilin.weight, self.W_bilin.bias)


def apply() -> None:
    """Swap in the matmul forward for Stanza's BiaffineScorer (idempotent)."""
    global _PATCHED
    if _PATCHED:
        return
    from stanza.models.common import biaffine

    biaffine.BiaffineScorer.forward = _fast_biaffine_forward
    _PATCHED = True
