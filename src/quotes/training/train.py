"""Train the bundled English Stanza models from UD English-EWT.

One command, resumable at any point::

    python -m quotes.training.train --ud ../shared/data/ud [--work build/training]

Each stage (tokenize, mwt, lemma, pos, depparse) prepares its data with
Stanza's own ``prepare_*_treebank`` script and trains with Stanza's own
``run_*`` entry point, so the saved models are stock Stanza models.  A stage
that finished leaves ``<work>/done/<stage>.json`` and is skipped on a re-run;
an interrupted depparse resumes from Stanza's checkpoint, an interrupted POS
run from ours (``resume.py``); the short stages simply restart.

Settings are chosen for a 2-core CPU (see README, "Training the models").
Only EWT (CC BY-SA 4.0) is used: GUM is non-commercial.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import runpy
import sys
import time
from pathlib import Path

logger = logging.getLogger("quotes.training")

TREEBANK = "UD_English-EWT"
SHORT = "en_ewt"

# Flags per stage.  Everything not listed is Stanza's default.
STAGES: dict[str, dict] = {
    "tokenize": {
        "prepare": "stanza.utils.datasets.prepare_tokenizer_treebank",
        "prepare_args": [],
        "run": "stanza.utils.training.run_tokenizer",
        "args": ["--no_charlm", "--steps", "3000", "--eval_steps", "500"],
        "model": "tokenize/en_ewt_nocharlm_tokenizer.pt",
    },
    "mwt": {
        "prepare": "stanza.utils.datasets.prepare_mwt_treebank",
        "prepare_args": [],
        "run": "stanza.utils.training.run_mwt",
        "args": ["--num_epoch", "10"],
        "model": "mwt/en_ewt_mwt_expander.pt",
    },
    "lemma": {
        "prepare": "stanza.utils.datasets.prepare_lemma_treebank",
        "prepare_args": ["--gold", "--no_lemma_classifier"],
        "run": "stanza.utils.training.run_lemma",
        "args": ["--no_charlm", "--num_epoch", "4"],
        "model": "lemma/en_ewt_nocharlm_lemmatizer.pt",
    },
    "pos": {
        "prepare": "stanza.utils.datasets.prepare_pos_treebank",
        "prepare_args": [],
        "run": "stanza.utils.training.run_pos",
        "args": ["--no_charlm", "--no_pretrain", "--batch_size", "64", "--char_hidden_dim", "200",
                 "--max_steps", "4000", "--eval_interval", "200", "--fix_eval_interval",
                 "--word_cutoff", "2"],
        "model": "pos/en_ewt_nopretrain_tagger.pt",
    },
    "depparse": {
        "prepare": "stanza.utils.datasets.prepare_depparse_treebank",
        "prepare_args": ["--gold"],
        "run": "stanza.utils.training.run_depparse",
        "args": ["--no_charlm", "--no_pretrain", "--batch_size", "1500", "--hidden_dim", "200",
                 "--char_hidden_dim", "100", "--deep_biaff_hidden_dim", "200", "--num_layers", "2",
                 "--optim", "adam", "--lr", "3e-3", "--beta2", "0.95", "--weight_decay", "0.0",
                 "--no_second_optim", "--max_steps", "2400", "--eval_interval", "200",
                 "--word_cutoff", "2"],
        "model": "depparse/en_ewt_nopretrain_parser.pt",
    },
}


def _run_module(module: str, argv: list[str]) -> None:
    """Run a Stanza script's ``__main__`` in this process (so patches apply)."""
    saved = sys.argv
    sys.argv = [module] + argv
    try:
        runpy.run_module(module, run_name="__main__")
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            raise
    finally:
        sys.argv = saved


def _set_paths(ud: Path, work: Path) -> None:
    os.environ["UDBASE"] = str(ud.resolve())
    os.environ["DATA_ROOT"] = str(work / "data")
    os.environ["WORDVEC_DIR"] = str(work / "wordvec")


def train_stage(stage: str, work: Path) -> dict:
    spec = STAGES[stage]
    done_file = work / "done" / f"{stage}.json"
    if done_file.exists():
        logger.info("%s: already trained (%s), skipping", stage, done_file)
        return json.loads(done_file.read_text())

    data_dir = work / "data" / stage
    if not any(data_dir.glob(f"{SHORT}*")):
        _run_module(spec["prepare"], [TREEBANK] + spec["prepare_args"])

    models = work / "models"
    # --force: Stanza skips a treebank whose model file exists, but after an
    # interruption that file is only the best-so-far; our done file is the gate.
    args = [TREEBANK, "--force", "--save_dir", str(models / stage)] + spec["args"]
    if stage == "pos":
        from quotes.training import resume
        resume.install_tagger_resume(str(work / "checkpoints" / "pos_checkpoint.pt"))
        (work / "checkpoints").mkdir(parents=True, exist_ok=True)
    if stage == "depparse":
        args += ["--checkpoint_save_name", str(work / "checkpoints" / "depparse_checkpoint.pt")]
        (work / "checkpoints").mkdir(parents=True, exist_ok=True)

    started = time.time()
    _run_module(spec["run"], args)
    record = {
        "stage": stage,
        "command": ["python", "-m", spec["run"]] + args,
        "prepare": ["python", "-m", spec["prepare"], TREEBANK] + spec["prepare_args"],
        "seconds_this_run": round(time.time() - started, 1),
        "model": spec["model"],
    }
    done_file.parent.mkdir(parents=True, exist_ok=True)
    done_file.write_text(json.dumps(record, indent=2))
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ud", type=Path, default=Path("../shared/data/ud"),
                        help="folder holding UD_English-EWT (default ../shared/data/ud)")
    parser.add_argument("--work", type=Path, default=Path("build/training"),
                        help="working folder for data, checkpoints and models")
    parser.add_argument("--stages", default=",".join(STAGES),
                        help="comma-separated subset of " + ",".join(STAGES))
    parser.add_argument("--threads", type=int, default=1, help="torch threads per stage")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    if not (args.ud / TREEBANK).is_dir():
        parser.error(f"{args.ud / TREEBANK} not found: pass --ud pointing at a folder that holds {TREEBANK}")

    import torch
    torch.set_num_threads(args.threads)
    from quotes.training import speedups
    speedups.apply()

    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    _set_paths(args.ud, work)
    # Stanza's scripts use relative paths (saved_models/, data/): run inside work.
    previous = os.getcwd()
    os.chdir(work)
    try:
        for stage in args.stages.split(","):
            record = train_stage(stage.strip(), work)
            logger.info("%s: %s", stage, record)
    finally:
        os.chdir(previous)
    logger.info("python %s, platform %s", platform.python_version(), platform.platform())
    return 0


if __name__ == "__main__":
    sys.exit(main())
