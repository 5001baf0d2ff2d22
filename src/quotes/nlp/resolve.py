"""Decide which Stanza English models to use: official ones if present, else bundled.

Order: an explicit ``source`` (argument or ``QUOTES_MODELS`` = ``official`` |
``bundled`` | a folder path) wins; otherwise Stanza's official English models
are used when they are on disk (``STANZA_RESOURCES_DIR`` or Stanza's default
resources folder), because they are more accurate; otherwise the models bundled
in this package.  Nothing here touches the network.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
BUNDLED_DIR = Path(__file__).parent / "bundled"
# file name of each processor's model inside a bundled-style folder
BUNDLED_FILES = {p: f"{p}.pt" for p in PROCESSORS}


class ModelsNotFound(RuntimeError):
    pass


INFERENCE_BATCH_WORDS = 1000


@dataclass
class ModelSet:
    source: str                         # "official" | "bundled" | "folder"
    location: str                       # folder the models come from
    paths: dict[str, Optional[str]] = field(default_factory=dict)  # processor -> model file (bundled/folder)
    manifest: dict = field(default_factory=dict)

    def pipeline_kwargs(self) -> dict:
        """Keyword arguments for ``stanza.Pipeline`` that load these models offline."""
        from quotes.nlp.sentences import postprocess

        kwargs = {"lang": "en", "processors": ",".join(PROCESSORS), "download_method": None,
                  "tokenize_postprocessor": postprocess}
        # Stanza's default batches (thousands of words) made the 3 x 400 parser peak
        # at 2.8 GB on 30 articles; 1,000 words peaked at 0.9 GB and ran no slower
        kwargs.update({f"{proc}_batch_size": INFERENCE_BATCH_WORDS for proc in ("pos", "lemma", "depparse")})
        if self.source == "official":
            kwargs["dir"] = self.location
            return kwargs
        for proc in PROCESSORS:
            kwargs[f"{proc}_model_path"] = self.paths[proc]
        # trained with --no_pretrain: no word-vector file to load
        kwargs["pos_pretrain_path"] = None
        kwargs["depparse_pretrain_path"] = None
        kwargs["tokenize_with_mwt"] = True
        return kwargs

    def describe(self) -> dict:
        return {
            "source": self.source,
            "location": self.location,
            "models": {p: self.paths.get(p) for p in PROCESSORS} if self.paths else None,
            "scores": self.manifest.get("scores"),
            "manifest": self.manifest or None,
        }


def stanza_resources_dir() -> Path:
    """Where Stanza keeps downloaded models: ``STANZA_RESOURCES_DIR``, else its
    user cache folder, worked out as ``stanza.resources.common`` does without
    importing Stanza (which imports torch: 220 MB in a process that only reads
    and stores, such as the ingest writer)."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env)
    from importlib.metadata import version

    from platformdirs import user_cache_dir
    return Path(user_cache_dir("stanza", "StanfordNLP", version("stanza"))) / "resources"


def official_models() -> Optional[ModelSet]:
    """Stanza's downloaded English models, if every processor we need is on disk."""
    root = stanza_resources_dir()
    resources = root / "resources.json"
    if not resources.exists():
        return None
    try:
        data = json.loads(resources.read_text())
        default = data["en"]["default_processors"]
    except (ValueError, KeyError, OSError):
        return None
    for proc in ("tokenize", "pos", "lemma", "depparse"):
        package = default.get(proc)
        if not package or not (root / "en" / proc / f"{package}.pt").exists():
            return None
    return ModelSet(source="official", location=str(root), manifest={"stanza_resources": str(resources)})


def folder_models(folder: Path, source: str) -> Optional[ModelSet]:
    paths = {p: str(folder / name) for p, name in BUNDLED_FILES.items()}
    if not all(Path(p).exists() for p in paths.values()):
        return None
    manifest_file = folder / "manifest.json"
    manifest = json.loads(manifest_file.read_text()) if manifest_file.exists() else {}
    return ModelSet(source=source, location=str(folder), paths=paths, manifest=manifest)


def resolve_models(source: Optional[str] = None) -> ModelSet:
    from quotes.settings import models_source

    source = source or models_source() or "auto"
    if source in ("auto", "official"):
        found = official_models()
        if found:
            return found
        if source == "official":
            raise ModelsNotFound(
                f"Stanza's official English models were not found in {stanza_resources_dir()}: "
                "run `quotes models download` (needs network) or use QUOTES_MODELS=bundled")
    if source in ("auto", "bundled"):
        found = folder_models(BUNDLED_DIR, "bundled")
        if found:
            return found
        raise ModelsNotFound(f"bundled models missing from {BUNDLED_DIR}: reinstall quotes, "
                             "or train them with `quotes models train`")
    folder = Path(source)
    found = folder_models(folder, "folder")
    if not found:
        raise ModelsNotFound(f"{folder} does not hold {', '.join(BUNDLED_FILES.values())}")
    return found
