"""The house-style corpus (``fixtures/style-corpus/passages.yaml``): short
passages written by hand in many styles, each with the records a reader
lists, made before the extractor was run on them.  ``compare`` says what a
passage's extracted records get wrong; the test and ad hoc runs share it.

A gold record is found when an extracted record's content holds most of the
gold's content words (the gold gives a distinctive stretch, not the whole
content); then kind, speaker and channel must agree.  An extracted record
that no gold record finds is an extra record, and wrong too.
"""
from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).parent / "fixtures" / "style-corpus" / "passages.yaml"
# share of a gold content's characters a record must cover to be its match
COVER = 0.6


def load_passages(path: Path = CORPUS) -> list[dict]:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _occurrences(text: str, part: str) -> list[tuple[int, int]]:
    out, at = [], text.find(part)
    while at >= 0:
        out.append((at, at + len(part)))
        at = text.find(part, at + 1)
    return out


def _covered(spans, start: int, end: int) -> int:
    return sum(max(0, min(e, end) - max(s, start)) for s, e in spans)


def _same(a, b) -> bool:
    """Equal but for case, curly apostrophes and a leading article ("the
    Treasury" is filed as "Treasury")."""
    def norm(value):
        if value is None:
            return None
        words = str(value).replace("’", "'").casefold().split()
        return " ".join(words[1:] if len(words) > 1 and words[0] in ("the", "a", "an") else words)
    return norm(a) == norm(b)


def compare(passage: dict, records: list) -> list[str]:
    """What the records get wrong against the passage's gold, one line each
    (empty when they are right)."""
    text = passage["text"]
    problems, used = [], set()
    for gold in passage["records"]:
        spots = _occurrences(text, gold["content"])
        best, best_cover = None, 0.0
        for k, record in enumerate(records):
            for start, end in spots:
                cover = _covered(record.content_spans, start, end) / max(1, end - start)
                if cover > best_cover:
                    best, best_cover = k, cover
        if best is None or best_cover < COVER:
            problems.append(f"missed {gold['kind']} by {gold['speaker']!r}: {gold['content'][:60]!r}")
            continue
        used.add(best)
        record = records[best]
        wrong = [f"{field} {getattr(record, attr)!r} (gold {gold.get(field)!r})"
                 for field, attr in (("kind", "kind"), ("speaker", "speaker"), ("channel", "channel"))
                 if field in gold and not _same(getattr(record, attr), gold[field])]
        if wrong:
            problems.append(f"{gold['content'][:50]!r}: " + ", ".join(wrong))
    for k, record in enumerate(records):
        if k not in used:
            problems.append(f"extra {record.kind} by {record.speaker!r} (cue {record.cue!r}): {record.content[:60]!r}")
    return problems
