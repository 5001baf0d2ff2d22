"""Shared fixtures: the real bundled Stanza pipeline, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def pipeline():
    from quotes.nlp import get_pipeline
    return get_pipeline()


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
