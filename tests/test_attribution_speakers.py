"""Name / role split and speaker types (pure string rules)."""
import pytest

from quotes.attribution.speakers import describe_speaker, split_name_role


@pytest.mark.parametrize("mention, name, role", [
    ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "Kremlin spokesman"),
    ("U.S. Secretary of State Antony Blinken", "Antony Blinken", "U.S. Secretary of State"),
    ("Josh Earnest, the White House press secretary", "Josh Earnest", "the White House press secretary"),
    ("Ed Rendell, a former Pennsylvania governor,", "Ed Rendell", "a former Pennsylvania governor"),
    ("the Armenian Foreign Ministry", "Armenian Foreign Ministry", None),
    ("Blinken", "Blinken", None),
    ("Sen. Maria Cantwell", "Maria Cantwell", "Sen."),
])
def test_split_name_role(mention, name, role):
    assert split_name_role(mention) == (name, role)


@pytest.mark.parametrize("mention, kind", [
    ("Kremlin spokesman Dmitry Peskov", "person"),
    ("the Armenian Foreign Ministry", "organization"),
    ("Armenia", "country"),
    ("he", "person"),
    ("Armenia and Azerbaijan", "organization"),
    ("the State Department", "organization"),
    ("Antony Blinken", "person"),
])
def test_speaker_type(mention, kind):
    assert describe_speaker(mention, "PROPN").kind == kind
