"""Stop a Stanza training run after a wall-clock budget, keeping its best model.

Stanza's trainers stop on a step count only, and their loops keep that count
in a local variable.  Killing the process from outside could land in the
middle of writing the best model.  Instead we wrap the stage's
``Trainer.update`` so that the first training update after the deadline
raises ``TimeLimitReached``: at that point the best-on-dev model was already
written by Stanza's own code, so it is complete and loadable by stock Stanza.
"""
from __future__ import annotations

import importlib
import time

# stage -> module holding the Trainer class whose update() runs one training step
TRAINERS = {
    "tokenize": "stanza.models.tokenization.trainer",
    "pos": "stanza.models.pos.trainer",
    "depparse": "stanza.models.depparse.trainer",
}


class TimeLimitReached(Exception):
    """Raised from inside a training step once the stage's budget is spent."""


def install(stage: str, seconds: float) -> bool:
    """Make ``stage``'s trainer stop ``seconds`` from now; False if it cannot."""
    if stage not in TRAINERS:
        return False
    trainer_class = importlib.import_module(TRAINERS[stage]).Trainer
    original = trainer_class.__dict__.get("_quotes_original_update", trainer_class.update)
    deadline = time.monotonic() + seconds

    def update(self, *args, **kwargs):
        if not kwargs.get("eval", False) and time.monotonic() > deadline:
            raise TimeLimitReached(f"{stage}: time limit of {seconds:.0f} s reached")
        return original(self, *args, **kwargs)

    trainer_class._quotes_original_update = original
    trainer_class.update = update
    return True
