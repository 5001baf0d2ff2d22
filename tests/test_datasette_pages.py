"""The plugin's pages in process: article highlights where the offsets say, speaker pages,
charts, counted facets equal to counting, links from the tables, hostile text escaped."""
from __future__ import annotations

import asyncio
import json
import re

import httpx
import pytest

from page_helpers import HOSTILE, build_corpus_db, build_extracted_db, page_marks
from quotes.datasette.server import make_datasette
from quotes.store import open_db
from quotes.store.counts import refill


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus_db(tmp_path_factory.mktemp("pages") / "corpus.db")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    return build_extracted_db(tmp_path_factory.mktemp("pages") / "example.db")


def getter(path):
    ds = make_datasette(path)

    def fetch(url: str) -> httpx.Response:
        response = asyncio.run(ds.client.get(url))
        assert response.status_code == 200, (url, response.status_code, response.text[:500])
        return response
    return fetch


def stored(path, sql, params=()):
    db = open_db(path, read_only=True)
    try:
        return [dict(row) for row in db.query(sql, params)]
    finally:
        db.close()


def check_article_page(path, article_id):
    """Every record's content spans, cue and speaker are marked exactly where the offsets say."""
    html = getter(path)(f"/quotes/-/article/{article_id}").text
    text = stored(path, "select text from articles where id = ?", [article_id])[0]["text"]
    shown, marks = page_marks(html)
    assert shown == text                                    # the whole text, unescaped back, nothing added
    for mark in marks:
        assert mark["offset"] == mark["start"]
        assert text[mark["start"]:mark["start"] + len(mark["text"])] == mark["text"]
    records = stored(path, "select * from quotes where article_id = ?", [article_id])
    assert records
    for record in records:
        wanted = {("content", s, e) for s, e in json.loads(record["content_spans"])}
        wanted |= {("cue", record["cue_start"], record["cue_end"]),
                   ("speaker", record["speaker_start"], record["speaker_end"])} - {("cue", None, None),
                                                                                  ("speaker", None, None)}
        for role, start, end in wanted:
            covered = "".join(m["text"] for m in marks if record["id"] in m["ids"] and role in m["roles"]
                              and start <= m["start"] < end)
            assert covered == text[start:end], (record["id"], role)
        low = [m for m in marks if m["ids"] == [record["id"]]]
        if record["confidence"] < 0.5:
            assert low and all(" low" in m["class"] for m in low)
    return html, marks


def test_article_page_marks_real_extracted_records(extracted):
    article_id = stored(extracted, "select id from articles")[0]["id"]
    html, marks = check_article_page(extracted, article_id)
    roles = {role for m in marks for role in m["roles"]}
    assert roles == {"content", "cue", "speaker", "channel"}
    channel = "".join(m["text"] for m in marks if "channel" in m["roles"])
    assert "public comments at the opening of the meeting" in channel
    assert 'id="q-' in html and "hl-cue" in html and "Antony Blinken" in html


def test_article_pages_of_a_100_article_corpus(corpus):
    ids = [r["id"] for r in stored(corpus, "select id from articles order by id")]
    assert len(ids) == 100
    for article_id in ids[:12]:
        check_article_page(corpus, article_id)


def test_stored_html_stays_escaped(corpus):
    article_id = stored(corpus, "select id from articles where text like '%<script>%' limit 1")[0]["id"]
    html = getter(corpus)(f"/quotes/-/article/{article_id}").text
    assert "<script>window.hostile" not in html and "onerror=\"window" not in html
    assert "&lt;script&gt;window.hostile" in html
    shown, _ = page_marks(html)
    assert HOSTILE in shown


def test_speaker_page(corpus):
    fetch = getter(corpus)
    speaker = stored(corpus, "select id, name from speakers where name = 'Maria Lopez'")[0]
    html = fetch(f"/quotes/-/speaker/{speaker['id']}").text
    count = stored(corpus, "select count(*) as n from quotes where speaker_id = ?", [speaker["id"]])[0]["n"]
    assert f"{count} quotes" in html and "mayor" in html and "person" in html
    assert ">She <" in html                                          # an alias with its count
    assert "Reuters" in html or "Twitter" in html or "press release" in html
    months = re.findall(r'data-month="([\d-]+)" data-count="(\d+)"', html)
    assert sum(int(n) for _, n in months) == count
    published = re.findall(r"<td>(\d{4}-\d\d-\d\d)</td>", html)
    assert published == sorted(published, reverse=True) and published
    redirect = asyncio.run(make_datasette(corpus).client.get("/quotes/-/speaker?name=Maria+Lopez"))
    assert redirect.status_code == 302 and redirect.headers["location"].endswith(f"/-/speaker/{speaker['id']}")


def test_charts_page_and_a_search_chart(corpus):
    fetch = getter(corpus)
    html = fetch("/quotes/-/charts").text
    total = stored(corpus, "select count(*) as n from quotes")[0]["n"]
    months = re.findall(r'data-month="[\d-]+" data-count="(\d+)"', html)
    assert sum(map(int, months)) == total
    assert "Maria Lopez" in html and "Reuters" in html and "(no channel named)" in html
    search = fetch("/quotes/-/charts?q=clinics").text
    matching = re.findall(r'data-month="[\d-]+" data-count="(\d+)"', search)
    assert sum(map(int, matching)) == 100                               # one "clinics" quote an article
    table = fetch("/quotes/quotes?_search=clinics").text
    assert "/quotes/-/charts?q=clinics" in table                        # table action


@pytest.mark.parametrize("query", ["", "kind=direct", "speaker_type=person", "_search=clinics",
                                   "speaker_id=1", "kind=indirect&cue=told", "_search=rents&kind=indirect"])
def test_counted_facets_equal_counting(corpus, query):
    """Stored counts (whole table, one kind or type) and one-pass counts equal Datasette's own facet."""
    fetch = getter(corpus)
    for table, columns in (("quotes", ("speaker_id", "channel_id", "kind", "cue", "speaker_type")),
                           ("quotes_view", ("speaker_id", "channel_id", "kind", "publisher"))):
        plain = fetch(f"/quotes/{table}.json?{query}&" + "&".join(f"_facet={c}" for c in columns)).json()
        results = plain["facet_results"]
        assert not plain.get("facets_timed_out")
        for column in columns:
            ours = [f for f in results.values() if f["name"] == column and f["type"] == "counted"]
            theirs = [f for f in results.values() if f["name"] == column and f["type"] == "column"]
            assert len(ours) == len(theirs) == 1, (table, column)
            assert ([(r["value"], r["count"], r["selected"]) for r in ours[0]["results"]]
                    == [(r["value"], r["count"], r["selected"]) for r in theirs[0]["results"]]), (table, column)
            assert [r["label"] for r in ours[0]["results"]][:3] == [r["label"] for r in theirs[0]["results"]][:3] \
                or table == "quotes_view"       # a view has no foreign keys: Datasette shows bare ids


def test_view_facets_name_speakers(corpus):
    facets = getter(corpus)("/quotes/quotes_view.json").json()["facet_results"]
    assert {r["label"] for r in facets["speaker_id"]["results"]} == {
        "Maria Lopez", "the Health Ministry", "John Okafor", "Acme Corp"}
    assert {r["value"]: r["count"] for r in facets["publisher"]["results"]} == {"Daily": 200, "Herald": 200}


def test_counts_follow_every_change(corpus, tmp_path):
    import shutil

    path = tmp_path / "copy.db"
    shutil.copy(corpus, path)
    db = open_db(path)
    kept = sorted(db.execute("select * from quote_counts").fetchall())
    refill(db)
    assert sorted(db.execute("select * from quote_counts").fetchall()) == kept
    with db.conn:
        db.execute("update quotes set speaker_id = (select min(id) from speakers) where id % 7 = 0")
        db.execute("update articles set published = '2019-05-01', publisher = 'Moved' where rowid % 5 = 0")
        db.execute("delete from quotes where id % 11 = 0")
    kept = sorted(db.execute("select * from quote_counts").fetchall())
    refill(db)
    assert sorted(db.execute("select * from quote_counts").fetchall()) == kept
    assert any(r[:2] == ("publisher", "Moved") and r[2] > 0 for r in kept)


def test_tables_link_to_the_pages(extracted):
    fetch = getter(extracted)
    article_id = stored(extracted, "select id from articles")[0]["id"]
    quotes = fetch("/quotes/quotes").text
    assert f"/quotes/-/article/{article_id}#q-" in quotes and "/quotes/-/speaker/" in quotes
    assert f"/quotes/-/article/{article_id}" in fetch("/quotes/articles").text
    assert "/quotes/-/speaker/" in fetch("/quotes/speakers").text
    assert "/quotes/-/speaker/" in fetch("/quotes/quotes_view").text
    assert "/quotes/-/speaker?name=" in fetch("/quotes/quotes_view?_nocol=speaker_id").text
    row = fetch("/quotes/quotes/1").text
    assert f"/quotes/-/article/{article_id}#q-1" in row


def test_pages_refuse_what_is_not_there(extracted):
    ds = make_datasette(extracted)
    for url in ("/quotes/-/article/nope", "/quotes/-/speaker/999999", "/other/-/charts", "/-/quotes-static/x.css"):
        assert asyncio.run(ds.client.get(url)).status_code == 404, url


def test_the_view_filtered_by_name_uses_the_id_index(corpus):
    fetch = getter(corpus)
    by_name = fetch("/quotes/quotes_view.json?speaker=John+Okafor&_shape=array&_size=max").json()
    by_id = fetch("/quotes/quotes_view.json?speaker_id=3&_shape=array&_size=max").json()
    assert {r["speaker"] for r in by_name} == {"John Okafor"} and len(by_name) == 100
    assert sorted(r["id"] for r in by_name) == sorted(r["id"] for r in by_id if r["speaker"] == "John Okafor")
    assert fetch("/quotes/quotes_view.json?channel=Reuters&_shape=array&_size=max").json()
    db = open_db(corpus, read_only=True)
    plan = " ".join(row[3] for row in db.execute(
        "explain query plan select count(*) from quotes_view where speaker = ? and speaker_id in "
        "(select id from speakers where name = ?)", ["John Okafor", "John Okafor"]))
    assert "USING COVERING INDEX" in plan or "USING INDEX" in plan


def test_hostile_names_stay_escaped_on_every_page(tmp_path):
    from quotes.records import Article, Attribution
    from quotes.store import write_article

    name = '<script>window.hostile = 3</script>'
    text = f"{name} said the plan works.\n"
    db = open_db(tmp_path / "quotes.db")
    write_article(db, Article(text=text, source="x", title=f"<img src=x onerror=alert(1)> {name}",
                              publisher=name, published="2024-01-02"),
                  [Attribution(kind="indirect", content="the plan works", content_spans=[[len(name) + 6, len(text) - 2]],
                               cue="said", cue_start=len(name) + 1, cue_end=len(name) + 5, speaker=name,
                               speaker_mention=name, speaker_start=0, speaker_end=len(name), speaker_type="person",
                               channel=name, channel_mention=name, confidence=0.9)], "v1")
    speaker_id = db.execute("select id from speakers").fetchone()[0]
    article_id = db.execute("select id from articles").fetchone()[0]
    db.close()
    fetch = getter(tmp_path / "quotes.db")
    for url in (f"/quotes/-/article/{article_id}", f"/quotes/-/speaker/{speaker_id}", "/quotes/-/charts",
                "/quotes/-/charts?q=plan", "/quotes/quotes", "/quotes/quotes_view", "/quotes/articles"):
        html = fetch(url).text
        assert "<script>window.hostile" not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;window.hostile" in html, url


def test_quotes_databases_are_read_through_a_memory_map(corpus):
    from quotes.datasette.plugin import MMAP_BYTES

    ds = make_datasette(corpus)
    assert asyncio.run(ds.get_database("quotes").execute("PRAGMA mmap_size")).first()[0] == MMAP_BYTES
