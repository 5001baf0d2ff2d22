"""End to end: the example article through the real pipeline into SQLite, and ingest's bookkeeping.

Nothing here mocks the parser or the extractor: the module's fixture ingests
the example article once with the bundled models, and the other tests reuse
copies of that database (an article already stored is not analysed again).
"""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from quotes import ingest
from quotes.cli import cli
from quotes.store import StoreError, open_db
from store_helpers import EXAMPLE

pytestmark = pytest.mark.slow

BOILERPLATE = ("Մատչելիության", "XS", "SM", "MD", "LG")
CAPTION = "U.S. Secretary of State Antony Blinken and Foreign Ministers of Armenia and Azerbaijan"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    db = tmp_path_factory.mktemp("ingest") / "quotes.db"
    summary = ingest([EXAMPLE], db=db, progress=False)
    return db, summary


@pytest.fixture
def db_copy(ingested, tmp_path):
    path = tmp_path / "quotes.db"
    shutil.copyfile(ingested[0], path)
    return path


def table_counts(path) -> dict:
    db = open_db(path)
    return {t: db[t].count for t in ("articles", "quotes", "speakers", "speaker_aliases", "channels", "quotes_fts")}


def test_summary_of_the_example(ingested):
    _, summary = ingested
    assert summary.ok, summary.skipped
    assert (summary.articles, summary.new, summary.unchanged) == (1, 1, 0)
    assert summary.quotes >= 7
    assert {"Antony Blinken", "Armenian Foreign Ministry", "Dmitry Peskov"} <= summary.speakers
    assert "1 article (1 new" in summary.line() and "0 skipped" in summary.line()
    assert {"parse", "store"} <= set(summary.timings)


def test_stored_rows_of_the_example(ingested):
    db = open_db(ingested[0])
    article = next(db["articles"].rows)
    assert article["text"] == EXAMPLE.read_text(encoding="utf-8")
    assert article["title"].startswith("Blinken Praises") and article["extractor_version"]
    rows = list(db.query("select * from quotes_view join quotes using (id)"))
    assert article["quote_count"] == len(rows) >= 7
    by_channel = {(r["channel"], r["speaker"]) for r in rows if r["channel"]}
    assert {("Reuters", "Antony Blinken"), ("press release", "Armenian Foreign Ministry")} <= by_channel
    assert {"direct", "mixed", "indirect"} <= {r["kind"] for r in rows}
    assert {"Antony Blinken", "Armenian Foreign Ministry", "Dmitry Peskov"} <= {r["speaker"] for r in rows}
    peskov = next(r for r in rows if r["speaker"] == "Dmitry Peskov")
    assert "refrain from actions" in peskov["content"] and peskov["speaker_type"] == "person"
    text = article["text"]
    for row in rows:
        spans = json.loads(row["content_spans"])
        assert " … ".join(text[s:e] for s, e in spans) == row["content"]
        assert (row["content_start"], row["content_end"]) == (spans[0][0], spans[-1][1])
        if row["cue_start"] is not None:
            assert text[row["cue_start"]:row["cue_end"]] == row["cue"]
        if row["speaker_start"] is not None:
            assert text[row["speaker_start"]:row["speaker_end"]] == row["speaker_mention"]
        assert not any(word in row["content"].split() for word in BOILERPLATE)
        assert CAPTION not in row["content"]
    assert len({r["content"] for r in rows}) == len(rows)   # the caption printed twice makes no duplicates


def test_ingesting_again_changes_no_counts(db_copy, tmp_path):
    before = table_counts(db_copy)
    folder = tmp_path / "again"
    (folder / "nested").mkdir(parents=True)
    shutil.copyfile(EXAMPLE, folder / "nested" / "renamed.txt")
    summary = ingest([EXAMPLE, folder], db=db_copy, progress=False)
    assert (summary.articles, summary.new, summary.unchanged, summary.quotes) == (2, 0, 2, 0)
    assert table_counts(db_copy) == before


def test_a_new_extractor_version_reanalyses_and_replaces(db_copy):
    before = table_counts(db_copy)
    summary = ingest([EXAMPLE], db=db_copy, progress=False, extractor_version="another-extractor")
    assert (summary.replaced, summary.new) == (1, 0)
    assert table_counts(db_copy) == before
    assert open_db(db_copy).execute("select distinct extractor_version from articles").fetchall() == [("another-extractor",)]


def test_reanalyse_replaces_articles_stored_by_this_very_version(db_copy):
    before = table_counts(db_copy)
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLE), "--db", str(db_copy), "--reanalyse", "--json", "--quiet"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert (summary["replaced"], summary["new"]) == (1, 0)
    assert table_counts(db_copy) == before


def test_a_changed_lexicon_word_or_tagger_changes_the_extractor_version(tmp_path):
    """So the next ingest re-analyses what the old rules stored (test above)."""
    from pathlib import Path

    import quotes
    from quotes.ingestion import _DECIDING, extractor_fingerprint

    package = Path(quotes.__file__).parent
    copy = tmp_path / "quotes"
    for folder in _DECIDING:
        for path in (package / folder).rglob("*.py"):
            target = copy / path.relative_to(package)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    tagger = tmp_path / "tagger.pt"
    tagger.write_bytes(b"weights one")
    first = extractor_fingerprint(copy, tagger)
    assert extractor_fingerprint(copy, tagger) == first
    lexicon = copy / "attribution" / "common" / "lexicon.py"
    lexicon.write_text(lexicon.read_text().replace("spokesman", "spokesperson", 1))
    extractor_fingerprint.cache_clear()
    second = extractor_fingerprint(copy, tagger)
    tagger.write_bytes(b"weights two")
    extractor_fingerprint.cache_clear()
    third = extractor_fingerprint(copy, tagger)
    assert len({first, second, third}) == 3


def test_a_web_page_is_stored_with_its_metadata_and_offsets_into_its_main_text(db_copy, tmp_path):
    paragraphs = [p for p in EXAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs[2:-1])      # the story, without nav and widget
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Blinken Praises 'Courageous Steps' | RFE/RL</title>"
        '<meta property="og:site_name" content="RFE/RL"><meta name="author" content="Jane Doe">'
        '<meta property="article:published_time" content="2022-11-08T09:00:00Z"></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a> XS SM MD LG</nav>'
        f"<article>{body}</article><footer>Copyright RFE/RL</footer></body></html>", encoding="utf-8")
    summary = ingest([page], db=db_copy, progress=False)
    assert (summary.new, summary.skipped) == (1, [])
    db = open_db(db_copy)
    article = next(db["articles"].rows_where("source = ?", [str(page)]))
    assert (article["publisher"], article["published"], article["author"]) == ("RFE/RL", "2022-11-08", "Jane Doe")
    assert "Home" not in article["text"] and "XS SM" not in article["text"]
    rows = list(db["quotes"].rows_where("article_id = ?", [article["id"]]))
    assert len(rows) >= 5
    for row in rows:
        spans = json.loads(row["content_spans"])
        assert " … ".join(article["text"][s:e] for s, e in spans) == row["content"]


def test_cli_ingest_reports_skipped_files_and_exits_1(db_copy, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / "example.txt")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)))
    (folder / "lines.jsonl").write_text('{"text": "x"\n')
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db_copy), "--quiet"])
    assert result.exit_code == 1, result.output
    assert f"skipped {folder / 'empty.txt'}: empty file" in result.output
    assert f"skipped {folder / 'binary.txt'}: binary file" in result.output
    assert f"skipped {folder / 'lines.jsonl'}:1: malformed JSON" in result.output
    assert "1 article (0 new, 0 replaced, 1 already stored)" in result.output and "3 skipped" in result.output


def test_bad_input_alone_never_loads_the_parser(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "broken.txt").write_bytes(b"caf\xe9 said")
    summary = ingest([tmp_path, tmp_path / "missing.txt"], db=tmp_path / "db" / "quotes.db", progress=False)
    assert summary.articles == 0 and not summary.ok
    assert sorted(s.reason.split(" (")[0] for s in summary.skipped) == [
        "empty file", "no such file or folder", "not valid UTF-8"]


def test_cli_ingest_json_summary(db_copy):
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLE), "--db", str(db_copy), "--json", "--quiet"])
    assert result.exit_code == 0
    assert json.loads(result.output)["unchanged"] == 1


def test_unusable_databases_stop_ingest_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTES_DB_TIMEOUT", "0.2")
    locked = tmp_path / "locked.db"
    open_db(locked).close()
    holder = sqlite3.connect(locked)
    holder.execute("begin immediate")
    try:
        with pytest.raises(StoreError, match="locked.db: database is locked"):
            ingest([EXAMPLE], db=locked, progress=False)
    finally:
        holder.rollback()
        holder.close()
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"\x00garbage" * 1000)
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLE), "--db", str(corrupt)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith(f"Error: {corrupt}: database file is corrupt")
