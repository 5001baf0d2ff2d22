"""quotes: who said what in English news, through which channel.

The Python API mirrors the command line verb for verb::

    quotes.extract(text)                   # quotes extract FILE...
    quotes.ingest(paths, db=...)           # quotes ingest PATH...
    quotes.export(db, format=...)          # quotes export
    quotes.stats(db)                       # quotes stats
    quotes.serve(db)                       # quotes serve
    quotes.merge(target, shards)           # quotes merge
    quotes.merge_speakers(db, name, into)  # quotes speakers merge
    quotes.split_speaker(db, name)         # quotes speakers split
    quotes.evaluate(polnear, split="dev")  # quotes evaluate
    quotes.models_info()                   # quotes models

Heavy modules (Stanza, torch, Datasette) load only when a verb needs them.
"""
from __future__ import annotations

import importlib

from quotes.records import Article, Attribution  # noqa: F401

__version__ = "0.1.0"

# public name -> module that defines it
_API = {
    "extract": "quotes.attribution",
    "extract_many": "quotes.attribution",
    "ingest": "quotes.ingestion",
    "export": "quotes.store.export",
    "stats": "quotes.store.export",
    "serve": "quotes.datasette.server",
    "merge": "quotes.store.merge",
    "merge_speakers": "quotes.store.speaker_links",
    "split_speaker": "quotes.store.speaker_links",
    "evaluate": "quotes.evaluation",
    "models_info": "quotes.nlp.info",
    "download_models": "quotes.nlp.info",
}

__all__ = ["Article", "Attribution", *_API]


def __getattr__(name: str):
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'quotes' has no attribute {name!r}")
