"""Parsed documents cached on disk, so rule changes don't mean re-parsing.

Keyed by a hash of the text and of the models in use (the bundled files'
names, sizes and mtimes, or the official models' folder): new models give
new keys.  Stanza documents serialise
with ``doc.to_serialized()``.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable, Iterator, Optional

def default_dir() -> Path:
    """``$QUOTES_CACHE`` or ``build/cache/parses`` (read at call time)."""
    from quotes.settings import cache_dir

    return cache_dir()


def models_fingerprint() -> str:
    from quotes.nlp import resolve_models

    models = resolve_models()
    # (the files, not where they lie: a checkout moved or copied with its
    # times keeps its cache; official models are told apart by their folder)
    parts = [models.source] + ([models.location] if not models.paths else [])
    for path in sorted((models.paths or {}).values()):
        if path and os.path.exists(path):
            st = os.stat(path)
            parts.append(f"{os.path.basename(path)}:{st.st_size}:{int(st.st_mtime)}")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def _key(text: str, fingerprint: str) -> str:
    return hashlib.sha1((fingerprint + "\0" + text).encode("utf-8")).hexdigest()


def cached_parses(texts: Iterable[str], folder: Optional[Path] = None, batch_size: int = 8) -> Iterator:
    """Stanza Documents for ``texts`` (already cleaned), in order; parses only what is missing."""
    from stanza.models.common.doc import Document

    from quotes.nlp import parse_many

    folder = Path(folder or default_dir())
    folder.mkdir(parents=True, exist_ok=True)
    texts = list(texts)
    fingerprint = models_fingerprint()
    paths = [folder / f"{_key(t, fingerprint)}.bin" for t in texts]
    missing = [k for k, p in enumerate(paths) if not p.exists()]
    if missing:
        for k, doc in zip(missing, parse_many([texts[k] for k in missing], batch_size=batch_size)):
            tmp = paths[k].with_suffix(".tmp")
            tmp.write_bytes(doc.to_serialized())
            tmp.replace(paths[k])
    for path in paths:
        yield Document.from_serialized(path.read_bytes())
