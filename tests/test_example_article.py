"""The reference article: every required attribution, right speaker, kind, cue
and channel; nothing from boilerplate; the whole output pinned."""
from __future__ import annotations

import json

import pytest

from quotes.text.boilerplate import boilerplate_lines


@pytest.fixture(scope="module")
def article(fixtures_dir):
    text = (fixtures_dir / "blinken-armenia-azerbaijan.txt").read_text(encoding="utf-8")
    gold = json.loads((fixtures_dir / "blinken-armenia-azerbaijan.gold.json").read_text(encoding="utf-8"))
    return text, gold


@pytest.fixture(scope="module")
def records(article, pipeline):
    from quotes.attribution import extract
    return extract(article[0])


def _where(text, item):
    """Offsets of the gold content in the article (after its sentence start, if given)."""
    want = item["content"].strip().rstrip(",.")
    start = text.find(item["sentence_start"]) if item.get("sentence_start") else 0
    at = text.find(want, max(start, 0))
    assert at >= 0, want
    return at, at + len(want)


def _match(records, item, text):
    """The smallest record whose content covers the gold content where it stands."""
    s, e = _where(text, item)
    holding = [r for r in records if any(a <= s and e <= b for a, b in r.content_spans)]
    return min(holding, key=lambda r: len(r.content)) if holding else None


def _right(record, item) -> list[str]:
    wrong = []
    if record is None:
        return ["not found"]
    if record.speaker != item["speaker"]:
        wrong.append(f"speaker {record.speaker!r} != {item['speaker']!r}")
    if record.kind != item["kind"]:
        wrong.append(f"kind {record.kind!r} != {item['kind']!r}")
    if (record.cue or "").lower() != item["cue"].lower():
        wrong.append(f"cue {record.cue!r} != {item['cue']!r}")
    if record.channel != item["channel"]:
        wrong.append(f"channel {record.channel!r} != {item['channel']!r}")
    return wrong


def test_all_required_attributions(article, records):
    text, gold = article
    problems = {}
    for item in gold["quotes"]:
        if item["required"]:
            wrong = _right(_match(records, item, text), item)
            if wrong:
                problems[item["content"][:40]] = wrong
    assert not problems, problems


def test_speaker_details(article, records):
    text, gold = article
    for item in gold["quotes"]:
        if not item["required"]:
            continue
        record = _match(records, item, text)
        assert record.speaker_mention == item["speaker_mention"], item["content"][:40]
        assert record.speaker_type == item["speaker_type"], item["content"][:40]
        if item.get("speaker_role"):
            assert record.speaker_role == item["speaker_role"]


def test_at_least_two_optional(article, records):
    text, gold = article
    optional = [item for item in gold["quotes"] if not item["required"]]
    found = [item["content"] for item in optional
             if (r := _match(records, item, text)) is not None and r.speaker == item["speaker"]
             and (r.cue or "").lower() == item["cue"].lower()]
    assert len(found) >= 2, found


def test_nothing_from_boilerplate(article, records):
    text, _ = article
    blocked = boilerplate_lines(text)
    assert len(blocked) >= 4   # nav line, caption twice, widget
    for record in records:
        for start, end in record.content_spans + [[record.speaker_start or 0, record.speaker_end or 0]]:
            assert not any(s < end and start < e for s, e in blocked), record.content


def test_offsets_slice_the_text(article, records):
    text, _ = article
    for r in records:
        assert " … ".join(text[s:e] for s, e in r.content_spans) == r.content
        if r.cue is not None:
            assert text[r.cue_start:r.cue_end] == r.cue
        if r.speaker_mention is not None:
            assert text[r.speaker_start:r.speaker_end] == r.speaker_mention


def test_output_pinned(records, data_regression):
    data_regression.check([r.to_dict() for r in records])
