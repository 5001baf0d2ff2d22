"""Stanza pipeline: which models, loaded once per process, run in bulk."""
from quotes.nlp.pipeline import get_pipeline, parse, parse_many  # noqa: F401
from quotes.nlp.resolve import ModelSet, resolve_models  # noqa: F401
