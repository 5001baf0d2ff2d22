"""Bad input meets ``quotes ingest``: one clear line per bad file, the batch goes on, nothing lost.

The whole batch runs once, as a user would run it, through the command line
with the real pipeline: every bad file must be named on exactly one line
with its reason, the good articles stored, the exit code 1 ("something was
skipped"), and an article stored by an earlier run still there, untouched.
Database problems (corrupt, locked, read-only folder) stop the run with
exit code 2 and one line naming the database, and leave the file as it was.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest

from corpus import make_article, write_corpus
from dbcheck import count, dump, lines_naming, run_quotes, whole_articles_problems
from quotes.records import Article, Attribution
from quotes.store.opening import open_db
from quotes.store.write import write_article

MB = 1024 * 1024

# every test here runs the quotes command in a subprocess (torch, and most also Stanza)
pytestmark = pytest.mark.slow


def _bad_files(folder: Path) -> dict[str, str]:
    """Write the bad inputs; returns file name -> words its skip line must contain."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64 + b"\x00\x00\x89PNG")
    article = make_article(77).encode("utf-8")
    with (folder / "huge.txt").open("wb") as handle:           # 50 MB of plausible text
        while handle.tell() < 50 * MB:
            handle.write(article)
    (folder / "french.txt").write_text(
        "Le ministre a déclaré mardi que les négociations reprendraient la semaine prochaine. "
        "« Nous ne céderons pas », a-t-il ajouté devant les journalistes réunis à Paris, "
        "selon un communiqué publié par le gouvernement dans la soirée.\n", encoding="utf-8")
    (folder / "broken-utf8.txt").write_bytes(
        "The minister said the talks would resume. ".encode() + b"\xff\xfe\xc3\x28" + b" He said more.\n")
    (folder / "records.jsonl").write_text(
        json.dumps({"text": make_article(78), "title": "Good line"}) + "\n"
        + '{"text": "an unterminated string\n'
        + json.dumps({"html": "<p>x</p>"}) + "\n", encoding="utf-8")
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "huge.txt": "too large",
        "french.txt": "not English",
        "broken-utf8.txt": "UTF-8",
        "records.jsonl:2": "malformed JSON",
        "records.jsonl:3": "no main text",
        "missing.txt": "no such file",
    }


def _odd_but_usable_files(folder: Path) -> list[str]:
    """Inputs that look broken but hold an article: each is stored (or skipped with a reason)."""
    (folder / "malformed.html").write_text(
        "<html><head><title>Budget row deepens</title><body><div><p>Finance Minister Maria Lopez "
        "said on Monday that spending would rise next year.<p>\u201cWe cannot cut schools,\u201d "
        "she told Reuters. <b>The opposition <i>disagreed</b></i> and said the plan was late."
        "<table><tr><td>unclosed cell<div></span></p></body>", encoding="utf-8")
    (folder / "unbalanced.txt").write_text(
        "\u201cThis quote never closes, the mayor said on Tuesday as the council met.\n\n"
        "Then a stray \u201d mark and a \"straight one, said officials who asked not to be named.\n\n"
        "'Single marks too,\" he added. \u00ab And a guillemet \u201d mixed.\n", encoding="utf-8")
    return ["malformed.html", "unbalanced.txt"]


def test_a_batch_of_bad_input_goes_on_and_reports_each_file(tmp_path):
    db = tmp_path / "quotes.db"
    earlier = tmp_path / "earlier"
    write_corpus(earlier, 1, start=300)
    first = run_quotes("ingest", earlier, "--db", db, "-q")
    assert first.returncode == 0, first.stderr[-2000:]
    before = dump(db)
    assert before["quotes"], "the earlier article should have quotes"

    batch = tmp_path / "batch"
    expected = _bad_files(batch)
    odd = _odd_but_usable_files(batch)
    write_corpus(batch, 2, start=310)
    run = run_quotes("ingest", batch, tmp_path / "missing.txt", "--db", db, "-q")
    output = run.stdout + run.stderr

    assert run.returncode == 1, output[-3000:]
    assert "Traceback" not in output
    for name, reason in expected.items():
        found = lines_naming(output, name + (":" if ":" not in name else ""))
        assert len(found) == 1, f"{name}: expected one line, got {found}"
        assert reason.lower() in found[0].lower(), f"{name}: {found[0]!r} does not say {reason!r}"
    for name in odd:   # stored, or one line saying why not
        assert len(lines_naming(output, name)) <= 1
    after = dump(db)
    for article_id, row in before["articles"].items():
        assert after["articles"][article_id] == row
    assert set(before["quotes"]) <= set(after["quotes"])
    sources = {row["source"] for row in after["articles"].values()}
    assert {str(batch / "article-0310.txt"), str(batch / "article-0311.txt"), f"{batch / 'records.jsonl'}:1"} <= sources
    assert str(batch / "unbalanced.txt") in sources, "unbalanced quote marks must not stop an article"
    assert whole_articles_problems(db) == []


def test_an_article_with_ten_thousand_quotes(tmp_path):
    """Many quotes in one article: stored whole, offsets right, and no blow-up past the parse.

    Finding and attaching quotes must cost less than parsing the text: work
    that grows with (quotes x words) turns a long article into hours.
    """
    text = "Residents spoke at the hearing on Monday.\n\n" + "\u201cYes,\u201d she said.\n" * 10_000
    (tmp_path / "many.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "quotes.db"
    try:
        # 180 kB: more than the default time budget per article allows on a slow machine
        run = run_quotes("ingest", tmp_path / "many.txt", "--db", db, "-q", "--json", timeout=300,
                         env={"QUOTES_ARTICLE_SECONDS": "0"})
    except subprocess.TimeoutExpired:
        pytest.fail("an article with 10,000 quotes was not ingested within 300 s")
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
    timings = json.loads(run.stdout)["timings"]
    assert timings["extract"] + timings["resolve"] <= timings["parse"], timings
    stored = dump(db)
    assert len(stored["quotes"]) >= 5_000
    [article] = stored["articles"].values()
    for quote in stored["quotes"]:
        row = dict(quote)
        spans = json.loads(row["content_spans"])
        assert " … ".join(article["text"][s:e] for s, e in spans) == row["content"]
    assert whole_articles_problems(db) == []


# --- the database itself is the problem --------------------------------------------------------

def _stored_before(db: Path) -> dict:
    """A database holding one article with a quote, as an earlier run left it (no parsing needed)."""
    text = "\u201cWe will win,\u201d Maria Lopez told Reuters on Monday."
    quote = Attribution(kind="direct", content=text[:14], content_spans=[[0, 14]], cue="told",
                        cue_start=27, cue_end=31, speaker="Maria Lopez", speaker_mention="Maria Lopez",
                        speaker_start=15, speaker_end=26, speaker_type="person", channel="Reuters")
    database = open_db(db)
    write_article(database, Article(text=text, source="earlier.txt"), [quote], extractor_version="earlier")
    database.close()
    return dump(db)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_corrupt_database_is_named_and_left_alone(tmp_path):
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"this is not sqlite at all " * 400)
    digest = _digest(db)
    write_corpus(tmp_path / "news", 1)
    run = run_quotes("ingest", tmp_path / "news", "--db", db, "-q")
    assert run.returncode == 2
    [line] = [line for line in run.stderr.splitlines() if line.strip()]
    assert "corrupt.db" in line and "corrupt" in line.replace("corrupt.db", "")
    assert _digest(db) == digest


def test_a_database_locked_by_another_writer(tmp_path):
    """Another process holds the write lock the whole time: a clear line, exit 2, its data kept."""
    db = tmp_path / "locked.db"
    before = _stored_before(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")             # the other writer's open transaction
    holder.execute("insert into channels (name) values ('held by the other writer')")
    try:
        write_corpus(tmp_path / "second", 1, start=401)
        run = run_quotes("ingest", tmp_path / "second", "--db", db, "-q", env={"QUOTES_DB_TIMEOUT": "2"})
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert run.returncode == 2, run.stdout + run.stderr
    lines = lines_naming(run.stderr, "locked.db")
    assert len(lines) == 1 and "locked" in lines[0].replace("locked.db", "")
    after = dump(db)
    assert after["articles"] == before["articles"] and after["quotes"] == before["quotes"]
    assert "held by the other writer" in after["channels"]
    assert whole_articles_problems(db) == []


def test_a_writer_that_finishes_soon_is_waited_for(tmp_path):
    db = tmp_path / "busy.db"
    _stored_before(db)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(3.0, lambda: (holder.execute("COMMIT"), holder.close()))
    release.start()
    write_corpus(tmp_path / "second", 1, start=411)
    run = run_quotes("ingest", tmp_path / "second", "--db", db, "-q")
    release.join()
    assert run.returncode == 0, run.stdout + run.stderr
    assert count(db, "articles") == 2


def _where_permissions_apply() -> tuple:
    """A command prefix under which file permissions bind this test's processes.

    Root ignores permissions; in a new user namespace (``unshare -U``) a root
    process is an ordinary owner of its files again, so a 0555 folder is read-only.
    """
    if os.geteuid() != 0:
        return ()
    probe = subprocess.run(["unshare", "-U", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("running as root where user namespaces are not allowed: no folder is read-only to root")
    return ("unshare", "-U")


def test_a_database_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "dbs"
    db = folder / "quotes.db"
    before = _stored_before(db)
    write_corpus(tmp_path / "more", 1, start=421)
    prefix = _where_permissions_apply()
    # the database file stays writable; the folder, where SQLite keeps its -wal and -shm files, not
    folder.chmod(0o555)
    try:
        run = run_quotes("ingest", tmp_path / "more", "--db", db, "-q", prefix=prefix)
    finally:
        folder.chmod(0o755)
    assert run.returncode == 2, run.stdout + run.stderr
    [line] = [line for line in run.stderr.splitlines() if line.strip()]
    assert "quotes.db" in line and "read-only" in line
    assert dump(db) == before
