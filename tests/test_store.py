"""The store with hand-made records: schema, per-article transactions, re-ingest, aliases, errors."""
from __future__ import annotations

import json
import sqlite3

import pytest
import sqlite_utils

from quotes.records import Attribution
from quotes.store import StoreError, article_id, open_db, write_article
from quotes.store.schema import VIEW_NAME
from quotes.store.write import NEW, REPLACED, UNCHANGED, context_for
from store_helpers import example_article, gold_attributions


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "quotes.db")
    yield database
    database.close()


def counts(db) -> dict:
    return {t: db[t].count for t in ("articles", "quotes", "speakers", "speaker_aliases", "channels")}


def test_schema_tables_indexes_view_fts_and_wal(db):
    assert set(db.table_names()) >= {"articles", "quotes", "speakers", "speaker_aliases", "channels",
                                     "quotes_fts", "articles_fts"}
    assert db.journal_mode == "wal"
    assert VIEW_NAME in db.view_names()
    fks = {(fk.column, fk.other_table) for fk in db["quotes"].foreign_keys}
    assert fks == {("article_id", "articles"), ("speaker_id", "speakers"), ("channel_id", "channels")}
    indexed = {tuple(i.columns) for i in db["quotes"].indexes}
    assert {("article_id",), ("speaker_id",), ("channel_id",), ("kind",), ("cue",), ("speaker_type",)} <= indexed
    assert any(i.unique and i.columns == ["key"] for i in db["speakers"].indexes)
    assert {"quotes_ai", "quotes_ad", "quotes_au", "articles_ai", "articles_ad", "articles_au"} <= set(db.triggers_dict)
    assert db["quotes"].detect_fts() == "quotes_fts"


def test_reopening_restores_fts_triggers_that_a_transform_dropped(tmp_path):
    path = tmp_path / "quotes.db"
    open_db(path).close()
    raw = sqlite_utils.Database(path)
    raw["quotes"].transform(types={"confidence": float})   # sqlite-utils drops FTS triggers here
    raw.close()
    reopened = open_db(path)
    assert {"quotes_ai", "quotes_ad", "quotes_au"} <= set(reopened.triggers_dict)


def test_write_stores_rows_whose_offsets_slice_the_text(db):
    article = example_article()
    records = gold_attributions(article.text)
    result = write_article(db, article, records, "v1")
    assert result.status == NEW and result.quotes == len(records) == 10
    stored = db["articles"].get(article_id(article.text))
    assert stored["text"] == article.text and stored["quote_count"] == 10
    for row in db["quotes"].rows:
        spans = json.loads(row["content_spans"])
        assert " … ".join(stored["text"][s:e] for s, e in spans) == row["content"]
        assert stored["text"][row["cue_start"]:row["cue_end"]] == row["cue"]
        assert stored["text"][row["speaker_start"]:row["speaker_end"]] == row["speaker_mention"]
        assert row["content"] in row["context"]
    speakers = {r["name"]: r for r in db["speakers"].rows}
    assert set(speakers) == {"Antony Blinken", "Armenian Foreign Ministry", "Dmitry Peskov", "Armenia and Azerbaijan"}
    assert speakers["Dmitry Peskov"]["role"] == "Kremlin spokesman"
    assert speakers["Armenian Foreign Ministry"]["type"] == "organization"
    assert {r["name"] for r in db["channels"].rows} == {
        "public comments at the opening of the meeting", "Reuters", "press release"}
    aliases = {(r["alias"], r["count"]) for r in db.query(
        "select alias, count from speaker_aliases join speakers on speakers.id = speaker_id where name = 'Antony Blinken'")}
    assert aliases == {("U.S. Secretary of State Antony Blinken", 1), ("Blinken", 3), ("he", 1)}


def test_same_article_again_changes_nothing(db):
    article = example_article()
    write_article(db, article, gold_attributions(article.text), "v1")
    before = counts(db)
    again = example_article(source="elsewhere/copy.txt")
    assert write_article(db, again, gold_attributions(article.text), "v1").status == UNCHANGED
    assert counts(db) == before
    assert db["quotes_fts"].count == before["quotes"]


def test_new_extractor_version_replaces_the_articles_records(db):
    article = example_article()
    records = gold_attributions(article.text)
    write_article(db, article, records, "v1")
    fewer = [r for r in records if r.speaker != "Armenia and Azerbaijan"]
    result = write_article(db, article, fewer, "v2")
    assert result.status == REPLACED
    assert counts(db) == {"articles": 1, "quotes": 8, "speakers": 3, "speaker_aliases": 6, "channels": 3}
    assert db["articles"].get(article_id(article.text))["extractor_version"] == "v2"
    assert db.execute("select count(*) from quotes_fts where quotes_fts match 'casualties'").fetchone()[0] == 0
    # orphans gone: no speaker or alias left without quotes
    assert not list(db.query("select * from speakers where id not in (select speaker_id from quotes where speaker_id is not null)"))


def test_a_failing_article_leaves_nothing_behind(db):
    article = example_article()
    records = gold_attributions(article.text)
    records[-1].kind = None       # NOT NULL: the last insert of the article fails
    with pytest.raises(sqlite3.IntegrityError):
        write_article(db, article, records, "v1")
    assert counts(db) == {"articles": 0, "quotes": 0, "speakers": 0, "speaker_aliases": 0, "channels": 0}


def test_failed_replacement_keeps_the_old_records(db):
    article = example_article()
    write_article(db, article, gold_attributions(article.text), "v1")
    before = counts(db)
    broken = gold_attributions(article.text)
    broken[0].content = None
    with pytest.raises(sqlite3.IntegrityError):
        write_article(db, article, broken, "v2")
    assert counts(db) == before
    assert db["articles"].get(article_id(article.text))["extractor_version"] == "v1"


def test_speaker_type_and_role_are_filled_in_when_a_later_article_knows_them(db):
    first = example_article(text="Smith said the plan would work. " * 3)
    second = example_article(text="Minister John Smith said it again. " * 3)
    write_article(db, first, [Attribution("indirect", "the plan would work", [[11, 30]], speaker="John Smith")], "v1")
    write_article(db, second, [Attribution("indirect", "it again", [[25, 33]], speaker="John Smith",
                                           speaker_type="person", speaker_role="Minister")], "v1")
    rows = [{k: r[k] for k in ("id", "name", "type", "role")} for r in db["speakers"].rows]
    assert rows == [{"id": 1, "name": "John Smith", "type": "person", "role": "Minister"}]


def test_article_id_ignores_whitespace_and_unicode_form():
    assert article_id("He said  it.\n") == article_id("He said it.")
    assert article_id("caf\u00e9") == article_id("cafe\u0301")
    assert article_id("He said it.") != article_id("She said it.")


def test_context_is_the_paragraph_trimmed_around_long_ones():
    text = "First paragraph.\n" + "word " * 400 + "“Quote here,” he said. " + "more " * 400 + "\nLast."
    start = text.index("“")
    context = context_for(text, [start, start + 13], limit=200)
    assert context.startswith("…") and context.endswith("…") and "“Quote here,”" in context
    assert len(context) <= 202
    assert context_for("One.\nTwo said X.\nThree.", [5, 15]) == "Two said X."


def test_unusable_database_files_give_one_line_errors(tmp_path):
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not a sqlite database at all" * 200)
    with pytest.raises(StoreError, match=r"corrupt\.db: database file is corrupt"):
        open_db(corrupt)
    folder = tmp_path / "folder.db"
    folder.mkdir()
    with pytest.raises(StoreError, match="is a folder"):
        open_db(folder)
    with pytest.raises(StoreError, match="no such database"):
        open_db(tmp_path / "missing.db", read_only=True)
    with pytest.raises(StoreError, match="cannot"):
        open_db("/proc/quotes-test/quotes.db")   # not writable, even for root
    foreign = tmp_path / "foreign.db"
    sqlite_utils.Database(foreign)["other"].insert({"x": 1})
    with pytest.raises(StoreError, match="not a quotes database"):
        open_db(foreign, read_only=True)


def test_a_database_locked_by_another_writer_is_reported(tmp_path):
    path = tmp_path / "quotes.db"
    db = open_db(path, timeout=0.2)
    holder = sqlite3.connect(path)
    holder.execute("begin immediate")
    try:
        with pytest.raises(StoreError, match=r"quotes\.db: database is locked by another process"):
            open_db(path, timeout=0.2)
        article = example_article()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            write_article(db, article, gold_attributions(article.text), "v1")
    finally:
        holder.rollback()
        holder.close()
    assert db["quotes"].count == 0


def test_channels_are_typed_outlet_or_medium(db):
    article = example_article()
    write_article(db, article, gold_attributions(article.text), "v1")
    types = {r["name"]: r["type"] for r in db["channels"].rows}
    assert types and types.get("Reuters") == "outlet" and types.get("press release") == "medium"
    assert {r["channel_type"] for r in db.query(f"select channel_type from {VIEW_NAME} where channel = 'Reuters'")} \
        == {"outlet"}


def test_a_schema_3_database_gets_channel_types(tmp_path):
    path = tmp_path / "old.db"
    open_db(path).close()
    raw = sqlite_utils.Database(path)
    raw["channels"].transform(drop={"type"})
    raw["channels"].insert_all([{"id": 1, "name": "CNN"}, {"id": 2, "name": "interview"},
                                {"id": 3, "name": "Twitter"}])
    raw.execute("PRAGMA user_version = 3")
    raw.close()
    db = open_db(path)
    assert {r["name"]: r["type"] for r in db["channels"].rows} == {"CNN": "outlet", "interview": "medium",
                                                                   "Twitter": "medium"}
