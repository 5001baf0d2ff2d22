"""Shared fixtures: the real bundled Stanza pipeline, loaded once per test session.

Tests that load it are marked ``slow``; ``pytest -m "not slow"`` runs the rest."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

# Pinned outputs are the float32 tagger's (the default) on every machine, even
# where a user's QUOTES_BF16 says otherwise; test_tagger_bf16.py checks bf16.
os.environ["QUOTES_BF16"] = "0"


@pytest.fixture(scope="session")
def pipeline():
    from quotes.nlp import get_pipeline
    return get_pipeline()


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def run(pipeline):
    """``extract`` through the real pipeline, each text once per session."""
    from quotes.attribution import extract

    cache = {}

    def _run(text):
        if text not in cache:
            cache[text] = extract(text)
        return cache[text]
    return _run


def pytest_collection_modifyitems(items):
    """A test that loads the Stanza pipeline is slow, whatever its module says."""
    for item in items:
        if "pipeline" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
