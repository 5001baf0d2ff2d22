"""Train the bundled English Stanza models from UD English-EWT.

One command, resumable at any point::

    python -m quotes.training.stanza.train --ud ../shared/data/ud [--work build/training]

Each stage (tokenize, mwt, lemma, pos, depparse) prepares its data with
Stanza's own ``prepare_*_treebank`` script and trains with Stanza's own
``run_*`` entry point, so the saved models are stock Stanza models.  A stage
that finished leaves ``<work>/done/<stage>.json`` and is skipped on a re-run;
an interrupted depparse resumes from Stanza's checkpoint, an interrupted POS
run from ours (``resume.py``); the short stages simply restart.

Two sets of settings: ``--profile cpu`` (default) fits a 2-core laptop,
``--profile gpu`` uses Stanza's default model sizes and batches; with
``--time-limit`` a stage stops after that many minutes and keeps its best
model (see README, "Training the models").  The parser trains on tags
predicted by the POS model (``retag.py``), as it will see them at run time.
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

from quotes.training.stanza import time_limit

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
        # the bundled run: best dev score at step 5,500 of a 7.4-minute run on one H200
        "gpu_args": ["--no_charlm", "--steps", "5500", "--eval_steps", "500"],
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
        # Stanza's default sizes and batch (250 sentences); the bundled run reached
        # step 1,400 in 7.4 minutes on one H200 (still improving)
        "gpu_args": ["--no_charlm", "--no_pretrain", "--max_steps", "1400", "--eval_interval", "200",
                     "--fix_eval_interval", "--word_cutoff", "2"],
        "model": "pos/en_ewt_nopretrain_tagger.pt",
    },
    "depparse": {
        "prepare": "stanza.utils.datasets.prepare_depparse_treebank",
        "prepare_args": ["--gold"],
        # then the gold tags are replaced by the POS model's (retag.py)
        "retag": True,
        "run": "stanza.utils.training.run_depparse",
        "args": ["--no_charlm", "--no_pretrain", "--batch_size", "1500", "--hidden_dim", "200",
                 "--char_hidden_dim", "100", "--deep_biaff_hidden_dim", "200", "--num_layers", "2",
                 "--optim", "adam", "--lr", "3e-3", "--beta2", "0.95", "--weight_decay", "0.0",
                 "--no_second_optim", "--max_steps", "2400", "--eval_interval", "200",
                 "--word_cutoff", "2"],
        # Stanza's default sizes and batch (5,000 words), Adam as on CPU; the bundled
        # run reached step 1,600 in 7.4 minutes on one H200 (still improving)
        "gpu_args": ["--no_charlm", "--no_pretrain", "--optim", "adam", "--lr", "3e-3", "--beta2", "0.95",
                     "--weight_decay", "0.0", "--no_second_optim", "--max_steps", "1600",
                     "--eval_interval", "200", "--word_cutoff", "2"],
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


def prepare_stage(stage: str, work: Path) -> None:
    spec = STAGES[stage]
    data_dir = work / "data" / stage
    if not any(data_dir.glob(f"{SHORT}*")):
        if not (Path(os.environ["UDBASE"]) / TREEBANK).is_dir():
            raise SystemExit(f"{Path(os.environ['UDBASE']) / TREEBANK} not found: pass --ud pointing at a folder that holds {TREEBANK}")
        _run_module(spec["prepare"], [TREEBANK] + spec["prepare_args"])
    if spec.get("retag") and not (data_dir / "TAGS.json").exists():
        from quotes.training.stanza import retag
        retag.retag_folder(data_dir, retag.choose_tagger(work, STAGES["pos"]["model"]), work / "wordvec")


def train_stage(stage: str, work: Path, profile: str = "cpu", extra: list[str] | None = None,
                time_limit_minutes: float | None = None) -> dict:
    spec = STAGES[stage]
    done_file = work / "done" / f"{stage}.json"
    if done_file.exists():
        logger.info("%s: already trained (%s), skipping", stage, done_file)
        return json.loads(done_file.read_text())

    prepare_stage(stage, work)
    models = work / "models"
    flags = spec.get("gpu_args", spec["args"]) if profile == "gpu" else spec["args"]
    # --force: Stanza skips a treebank whose model file exists, but after an
    # interruption that file is only the best-so-far; our done file is the gate.
    args = [TREEBANK, "--force", "--save_dir", str(models / stage)] + flags + list(extra or [])
    if stage == "pos":
        from quotes.training.stanza import resume
        resume.install_tagger_resume(str(work / "checkpoints" / "pos_checkpoint.pt"))
        (work / "checkpoints").mkdir(parents=True, exist_ok=True)
    if stage == "depparse":
        args += ["--checkpoint_save_name", str(work / "checkpoints" / "depparse_checkpoint.pt")]
        (work / "checkpoints").mkdir(parents=True, exist_ok=True)
    stopped = "finished"
    if time_limit_minutes:
        time_limit.install(stage, time_limit_minutes * 60)

    started = time.time()
    try:
        _run_module(spec["run"], args)
    except time_limit.TimeLimitReached as reached:  # the best dev model is already saved
        stopped = str(reached)
        logger.info("%s", stopped)
    record = {
        "stage": stage,
        "profile": profile,
        "command": ["python", "-m", spec["run"]] + args,
        "prepare": ["python", "-m", spec["prepare"], TREEBANK] + spec["prepare_args"],
        "seconds_this_run": round(time.time() - started, 1),
        "stopped": stopped,
        "model": spec["model"],
    }
    tags = work / "data" / stage / "TAGS.json"
    if tags.exists():
        record["training_tags"] = json.loads(tags.read_text())
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
    parser.add_argument("--profile", choices=("cpu", "gpu"), default="cpu",
                        help="settings: cpu (small batches, fits a laptop) or gpu (Stanza's default sizes)")
    parser.add_argument("--time-limit", type=float, default=None, metavar="MINUTES",
                        help="stop each stage after this many minutes, keeping its best dev model")
    parser.add_argument("--extra", default="", help="extra Stanza flags appended to every stage's own")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    import torch
    torch.set_num_threads(args.threads)
    from quotes.training.stanza import speedups
    speedups.apply()

    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    _set_paths(args.ud, work)
    # Stanza's scripts use relative paths (saved_models/, data/): run inside work.
    previous = os.getcwd()
    os.chdir(work)
    try:
        for stage in args.stages.split(","):
            record = train_stage(stage.strip(), work, args.profile, args.extra.split(),
                                 args.time_limit)
            logger.info("%s: %s", stage, record)
    finally:
        os.chdir(previous)
    logger.info("python %s, platform %s", platform.python_version(), platform.platform())
    return 0


if __name__ == "__main__":
    sys.exit(main())
