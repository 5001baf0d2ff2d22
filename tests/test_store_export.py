"""Export (CSV pinned with file_regression, JSON, filters), stats, merge, and their CLI verbs."""
from __future__ import annotations

import csv
import io
import json
import os
import sqlite3

import pytest
from click.testing import CliRunner

from quotes import export, merge, stats
from quotes.cli import cli
from quotes.store import open_db, write_article
from quotes.store.write import article_id
from store_helpers import build_gold_db, example_article, gold_attributions


@pytest.fixture
def gold_db(tmp_path):
    return build_gold_db(tmp_path / "quotes.db")


def export_text(db, **options) -> str:
    buffer = io.StringIO()
    export(db, output=buffer, **options)
    return buffer.getvalue()


def test_csv_export_is_pinned(gold_db, file_regression):
    file_regression.check(export_text(gold_db), extension=".csv", encoding="utf-8")


def test_csv_export_has_every_row_with_speaker_channel_and_article(gold_db):
    rows = list(csv.DictReader(io.StringIO(export_text(gold_db))))
    assert len(rows) == 10
    assert {r["speaker"] for r in rows} == {"Antony Blinken", "Armenian Foreign Ministry", "Dmitry Peskov",
                                            "Armenia and Azerbaijan"}
    reuters = [r for r in rows if r["channel"] == "Reuters"]
    assert len(reuters) == 1 and reuters[0]["speaker"] == "Antony Blinken" and reuters[0]["kind"] == "direct"
    assert {r["publisher"] for r in rows} == {"RFE/RL"}


@pytest.mark.parametrize("options, expected", [
    ({"speaker": "Antony Blinken"}, 5),
    ({"speaker": "blinken"}, 5),              # an alias, any case
    ({"speaker": "the Armenian ministry"}, 2),  # an alias stands for its speaker's every quote
    ({"speaker": "Nobody"}, 0),
    ({"channel": "press release"}, 1),
    ({"channel": "REUTERS"}, 1),
    ({"since": "2022-11-01"}, 10),
    ({"since": "2023-01-01"}, 0),
    ({"speaker": "Blinken", "channel": "Reuters"}, 1),
    ({"min_confidence": 0.5}, 7),             # the gold fixture's 3 optional records are 0.4
    ({"min_confidence": 0.95}, 0),
])
def test_export_filters(gold_db, options, expected):
    rows = json.loads(export_text(gold_db, format="json", **options))
    assert len(rows) == expected


def test_jsonl_export_is_one_object_a_line(gold_db, tmp_path):
    out = tmp_path / "quotes.jsonl"
    result = CliRunner().invoke(cli, ["export", "--db", str(gold_db), "--format", "jsonl",
                                      "--min-confidence", "0.5", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 7 and all(r["confidence"] >= 0.5 for r in rows)
    assert {"speaker", "channel", "article", "published", "role"} <= set(rows[0]) and "speaker_id" not in rows[0]
    bad = CliRunner().invoke(cli, ["export", "--db", str(gold_db), "--min-confidence", "2"])
    assert bad.exit_code == 2 and "min-confidence" in bad.output


def test_json_export_is_one_array_of_objects(gold_db, tmp_path):
    out = tmp_path / "out" / "quotes.json"
    assert export(gold_db, format="json", output=out) == 10
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert rows[0]["speaker"] == "Antony Blinken" and "content" in rows[0]
    assert json.loads(export_text(gold_db, format="json", speaker="Nobody")) == []


def test_stats_counts_speakers_channels_and_kinds(gold_db):
    numbers = stats(gold_db)
    assert (numbers["articles"], numbers["quotes"], numbers["speakers"], numbers["channels"]) == (1, 10, 4, 3)
    assert numbers["top_speakers"][0] == ["Antony Blinken", 5]
    assert dict(map(tuple, numbers["kinds"])) == {"mixed": 4, "direct": 3, "indirect": 3}
    assert ["Reuters", 1] in numbers["top_channels"]


def test_merge_folds_shards_without_duplicates(tmp_path):
    shard_a = build_gold_db(tmp_path / "a.db")
    shard_b = tmp_path / "b.db"
    db = open_db(shard_b)
    other = example_article(text="The mayor said the bridge would reopen in May. " * 3, source="other.txt")
    write_article(db, other, [], "test-1")
    article = example_article()
    write_article(db, article, gold_attributions(article.text), "test-1")   # the same article as in shard a
    db.close()
    target = tmp_path / "merged.db"
    summary = merge(target, [shard_a, shard_b])
    assert (summary.articles, summary.unchanged, summary.quotes) == (2, 1, 10)
    merged = open_db(target)
    assert merged["articles"].count == 2 and merged["quotes"].count == 10 and merged["speakers"].count == 4
    # merging again adds nothing
    assert merge(target, [shard_a, shard_b]).articles == 0
    assert merged["quotes"].count == 10
    assert sorted(r["count"] for r in merged["speaker_aliases"].rows) == sorted(
        r["count"] for r in open_db(shard_a)["speaker_aliases"].rows)
    assert merged["articles"].get(article_id(article.text))["ingested_at"] == "2024-01-01T00:00:00+00:00"


def test_cli_export_stats_merge(gold_db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--db", str(gold_db), "--speaker", "Dmitry Peskov"])
    assert result.exit_code == 0, result.output
    assert result.output.count("\n") == 2 and "refrain from actions" in result.output
    out = tmp_path / "x.json"
    result = runner.invoke(cli, ["export", "--db", str(gold_db), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0 and len(json.loads(out.read_text())) == 10
    result = runner.invoke(cli, ["stats", "--db", str(gold_db)])
    assert result.exit_code == 0 and "Antony Blinken" in result.output and "1 articles, 10 quotes" in result.output
    result = runner.invoke(cli, ["stats", "--db", str(gold_db), "--json"])
    assert json.loads(result.output)["quotes"] == 10
    result = runner.invoke(cli, ["merge", str(tmp_path / "m.db"), str(gold_db)])
    assert result.exit_code == 0 and "1 articles written" in result.output
    result = runner.invoke(cli, ["stats", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2 and "missing.db: no such database" in result.output


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"),
                                     sqlite3.DatabaseError("database disk image is malformed")])
def test_a_failed_export_leaves_the_target_untouched_and_says_why_in_one_line(gold_db, tmp_path, monkeypatch,
                                                                               failure):
    from quotes.store import export as export_module

    target = tmp_path / "out" / "quotes.csv"
    target.parent.mkdir()
    target.write_text("the export of yesterday\n")
    real_writer = export_module._write_csv

    def fails_half_way(handle, columns, cursor):
        real_writer(handle, columns, [next(iter(cursor))])     # some rows already out
        raise failure
    monkeypatch.setattr(export_module, "_write_csv", fails_half_way)
    with pytest.raises(export_module.ExportError) as error:
        export(gold_db, output=target)
    assert "\n" not in str(error.value) and str(target) in str(error.value)
    assert target.read_text() == "the export of yesterday\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["quotes.csv"]     # no partial file left


def test_an_export_replaces_its_target_whole_keeping_its_mode(gold_db, tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "quotes.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    count = export(gold_db, output=target)
    assert target.read_text().count("\n") == count + 1 and (target.stat().st_mode & 0o777) == 0o640
    fresh = out / "new" / "quotes.json"
    export(gold_db, output=fresh, format="json")
    assert json.loads(fresh.read_text()) and (fresh.stat().st_mode & 0o777) == 0o666 & ~_umask()
    assert sorted(p.name for p in out.rglob("*")) == ["new", "quotes.csv", "quotes.json"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
