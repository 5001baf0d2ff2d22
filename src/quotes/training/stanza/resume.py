"""Checkpoint and resume for Stanza's POS tagger, which has neither.

Stanza's ``tagger.train`` keeps its step counter in a local variable and only
saves the best model.  We swap its ``Trainer`` for a subclass that

* every ``interval`` real updates writes a checkpoint (model + optimizer state
  + step count) with an atomic rename, and
* when a checkpoint exists at start-up, loads it and turns the first ``step``
  updates into no-ops, so the loop's own counter, evaluation schedule and data
  order line up with where the interrupted run stopped.

Skipped steps cost only batch assembly (and the dev evaluations that fall in
that range), not forward/backward passes.  The saved best model is untouched
by this: it is written by Stanza's own code, so it stays loadable by stock
Stanza.
"""
from __future__ import annotations

import logging
import os

import torch

logger = logging.getLogger("quotes.training")


def install_tagger_resume(checkpoint_path: str, interval: int = 100) -> None:
    from stanza.models import tagger
    from stanza.models.pos.trainer import Trainer

    class ResumableTrainer(Trainer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._steps_done = 0
            self._steps_to_skip = 0
            if kwargs.get("model_file") is None and os.path.exists(checkpoint_path):
                state = torch.load(checkpoint_path, map_location="cpu", weights_only=False)
                self.model.load_state_dict(state["model"])
                for name, opt_state in state["optimizers"].items():
                    self.optimizers[name].load_state_dict(opt_state)
                self._steps_to_skip = state["step"]
                logger.info("resuming POS training from %s at step %d", checkpoint_path, state["step"])

        def update(self, batch, eval=False):
            if eval:
                return super().update(batch, eval=True)
            if self._steps_to_skip > 0:
                self._steps_to_skip -= 1
                self._steps_done += 1
                return 0.0
            loss = super().update(batch, eval=False)
            self._steps_done += 1
            if self._steps_done % interval == 0:
                self._write_checkpoint()
            return loss

        def _write_checkpoint(self):
            state = {
                "model": self.model.state_dict(),
                "optimizers": {name: opt.state_dict() for name, opt in self.optimizers.items()},
                "step": self._steps_done,
            }
            tmp = checkpoint_path + ".tmp"
            torch.save(state, tmp)
            os.replace(tmp, checkpoint_path)

    tagger.Trainer = ResumableTrainer
