"""A resolved speaker's type from the shape of its name (``naming/kinds.py``)."""
import pytest

from quotes.attribution.speakers.naming.kinds import settled_kind


@pytest.mark.parametrize("name, kind, expected", [
    ("PolitiFact", "person", "organization"),        # capitals inside one word: a brand
    ("U.N.", "person", "organization"),
    ("USA TODAY", "unknown", "organization"),
    ("Latinos", "person", "group"),
    ("Mexicans", "person", "group"),
    ("One Republican", "person", "unnamed"),
    ("several environmental groups", "organization", "group"),
    ("McCain", "person", "person"),                  # Mc names are no brands
    ("DeSantis", "person", "person"),
    ("DuVernay", "person", "person"),
    ("Evans", "person", "person"),                   # no country's people
    ("Obama", "person", "person"),
    ("PIKE", "unknown", "unknown"),                  # a transcript's label is a surname, not initials
    ("@nycsouthpaw", "unnamed", "person"),           # an account is someone's
    ("Obama and Clinton", "unknown", "group"),
    ("American Community Survey", "unknown", "organization"),
    ("Barnes and Noble", "organization", "organization"),
])
def test_settled_kind(name, kind, expected):
    assert settled_kind(name, kind) == expected
