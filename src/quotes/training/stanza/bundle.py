"""Copy trained models into the package and write their manifest.

    python -m quotes.training.stanza.bundle [--work build/training] [--ud ../shared/data/ud] [--no-eval]

The manifest (``src/quotes/nlp/bundled/manifest.json``) records the data and
its licence, Stanza and torch versions, every training flag, training time,
and end-to-end dev and test scores measured on the bundled files themselves.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
from datetime import datetime, timezone
from pathlib import Path

from quotes.nlp.resolve import BUNDLED_DIR, BUNDLED_FILES, PROCESSORS
from quotes.training.stanza.train import STAGES

LICENCE = ("CC BY-SA 4.0: the models are derived from UD English-EWT "
           "(Universal Dependencies, CC BY-SA 4.0); share-alike applies to the model files")


def save_half_precision(source: Path, target: Path) -> None:
    """Copy a Stanza model file with its float weights stored as fp16.

    Stock Stanza loads it unchanged (``load_state_dict`` casts back to fp32);
    on EWT dev the scores were identical to the fp32 file's, at half the size.
    """
    import torch

    checkpoint = torch.load(source, map_location="cpu", weights_only=False)
    checkpoint["model"] = {name: tensor.half() if tensor.is_floating_point() else tensor
                           for name, tensor in checkpoint["model"].items()}
    checkpoint.pop("optimizer", None)
    torch.save(checkpoint, target)


def copy_models(work: Path, target: Path = BUNDLED_DIR) -> dict[str, dict]:
    target.mkdir(parents=True, exist_ok=True)
    stages = {}
    for proc in PROCESSORS:
        source = work / "models" / STAGES[proc]["model"]
        if not source.exists():
            raise FileNotFoundError(f"{source} missing: train it with python -m quotes.training.stanza.train --stages {proc}")
        save_half_precision(source, target / BUNDLED_FILES[proc])
        done = work / "done" / f"{proc}.json"
        record = json.loads(done.read_text()) if done.exists() else {"status": "provisional (training not finished)"}
        record["size_mb"] = round((target / BUNDLED_FILES[proc]).stat().st_size / 1e6, 2)
        stages[proc] = record
    return stages


def write_manifest(stages: dict, scores: dict, target: Path = BUNDLED_DIR) -> dict:
    import stanza
    import torch

    manifest = {
        "name": "quotes bundled English models",
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "data": "UD_English-EWT (Universal Dependencies), train split for training, dev for early stopping",
        "licence": LICENCE,
        "stanza": stanza.__version__,
        "torch": torch.__version__,
        "python": platform.python_version(),
        "pretrained_vectors": None,
        "charlm": None,
        "weights": "float tensors stored as fp16 (save_half_precision); Stanza loads them as fp32",
        "stages": stages,
        "scores": scores,
        "score_method": "end to end from raw text (quotes.nlp.evaluate), CoNLL 2018 eval script, F1 %",
    }
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="bundle trained models into the package")
    parser.add_argument("--work", type=Path, default=Path("build/training"))
    parser.add_argument("--ud", type=Path, default=Path("../shared/data/ud"))
    parser.add_argument("--no-eval", action="store_true", help="skip scoring (provisional bundles)")
    args = parser.parse_args(argv)

    stages = copy_models(args.work.resolve())
    scores = {}
    if not args.no_eval:
        from quotes.nlp.evaluate import evaluate_on_ewt, format_scores
        for split in ("dev", "test"):
            result = evaluate_on_ewt(args.ud, split=split, source=str(BUNDLED_DIR))
            print(format_scores(result))
            scores[split] = result["scores"]
            scores[f"{split}_words_per_second"] = result["words_per_second"]
    write_manifest(stages, scores)
    total = sum(s["size_mb"] for s in stages.values())
    print(f"bundled {len(stages)} models ({total:.1f} MB) into {BUNDLED_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
