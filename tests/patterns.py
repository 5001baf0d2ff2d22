"""What the attribution pattern tests share: pick the record a test is about."""
from __future__ import annotations


def only(records, **want):
    found = [r for r in records if all(getattr(r, k) == v for k, v in want.items())]
    assert found, f"no record with {want} in {[r.to_dict() for r in records]}"
    return found[0]
