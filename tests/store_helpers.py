"""Hand-made records for the store, export and Datasette tests.

The example article's gold annotation (tests/fixtures/*.gold.json) is turned
into ``Attribution`` records with real offsets into the article text, so the
store can be tested without the parser.  End-to-end tests use the real
pipeline instead (test_store_ingest.py).
"""
from __future__ import annotations

import json
import socket
from pathlib import Path

from quotes.read import read_path
from quotes.records import Article, Attribution
from quotes.store import open_db, write_article

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = FIXTURES / "blinken-armenia-azerbaijan.txt"
GOLD = FIXTURES / "blinken-armenia-azerbaijan.gold.json"
QUOTE_MARKS = "“”\"‘’'"


def example_article(**metadata) -> Article:
    article = read_path(EXAMPLE)
    for key, value in metadata.items():
        setattr(article, key, value)
    return article


def _nearest(text: str, needle: str, anchor: int) -> int:
    positions, at = [], text.find(needle)
    while at >= 0:
        positions.append(at)
        at = text.find(needle, at + 1)
    return min(positions, key=lambda p: abs(p - anchor))


def gold_attributions(text: str) -> list[Attribution]:
    """The gold records as ``Attribution``s; direct-quote spans include their marks (PolNeAR style)."""
    records = []
    for gold in json.loads(GOLD.read_text())["quotes"]:
        after = text.find(gold["sentence_start"]) if gold.get("sentence_start") else 0
        start = text.find(gold["content"], max(after, 0))
        end = start + len(gold["content"])
        if gold["kind"] == "direct":
            start -= text[start - 1] in QUOTE_MARKS
            end += text[end] in QUOTE_MARKS
        cue_at = _nearest(text, gold["cue"], end)
        mention_at = _nearest(text, gold["speaker_mention"], cue_at)
        channel = gold["channel"]
        records.append(Attribution(
            kind=gold["kind"], content=text[start:end], content_spans=[[start, end]],
            cue=gold["cue"], cue_start=cue_at, cue_end=cue_at + len(gold["cue"]),
            speaker=gold["speaker"], speaker_mention=gold["speaker_mention"],
            speaker_start=mention_at, speaker_end=mention_at + len(gold["speaker_mention"]),
            speaker_role=gold.get("speaker_role"), speaker_type=gold["speaker_type"],
            channel=channel, channel_mention=channel,
            confidence=0.9 if gold["required"] else 0.4,
            sentence=text.count("\n\n", 0, start)))
    return records


def build_gold_db(path: Path, version: str = "test-1") -> Path:
    """A quotes database holding the example article with its gold records."""
    article = example_article(publisher="RFE/RL", published="2022-11-08", url="https://www.azatutyun.am/a/32120000.html")
    db = open_db(path)
    write_article(db, article, gold_attributions(article.text), version, ingested_at="2024-01-01T00:00:00+00:00")
    db.close()
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
