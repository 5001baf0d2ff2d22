"""Datasette with the project's metadata.yml: table JSON, facets, search, canned queries, CSV, a real server."""
from __future__ import annotations

import asyncio
import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from quotes.datasette.server import load_metadata, make_datasette, metadata_path
from store_helpers import build_gold_db, free_port

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory):
    return build_gold_db(tmp_path_factory.mktemp("datasette") / "tracker.db")


@pytest.fixture(scope="module")
def get(gold_db):
    ds = make_datasette(gold_db)

    def fetch(path: str) -> httpx.Response:
        return asyncio.run(ds.client.get(path))
    return fetch


def test_the_repo_metadata_is_the_package_metadata_itself():
    """One metadata.yml: the repo's is a link to the one the package ships and the plugin serves."""
    assert (REPO / "metadata.yml").resolve() == metadata_path().resolve()


def test_metadata_declares_facets_labels_search_and_canned_queries():
    database = load_metadata()["databases"]["quotes"]
    quotes = database["tables"]["quotes"]
    assert {"speaker_id", "speaker_type", "channel_id", "cue", "kind"} <= {f["counted"] for f in quotes["facets"]}
    assert {"counted": "publisher"} in database["tables"]["quotes_view"]["facets"]
    assert quotes["fts_table"] == "quotes_fts"
    assert database["tables"]["speakers"]["label_column"] == "name"
    assert set(database["queries"]) == {"quotes_by_speaker", "claims_through_channel", "who_said_phrase",
                                        "most_quoted_speakers", "speaker_over_time"}


def test_settings_let_csv_stream_everything(gold_db):
    ds = make_datasette(gold_db)
    assert ds.setting("max_csv_mb") == 0 and ds.setting("allow_csv_stream")


def test_database_is_published_as_quotes_whatever_the_file_name(get):
    databases = get("/-/databases.json").json()
    assert [d["name"] for d in databases if not d["name"].startswith("_")] == ["quotes"]


def test_quotes_table_json_with_labelled_foreign_keys(get):
    data = get("/quotes/quotes.json?_shape=objects&_labels=on&_size=max").json()
    assert len(data["rows"]) == 10
    speakers = {row["speaker_id"]["label"] for row in data["rows"]}
    assert "Antony Blinken" in speakers and "Dmitry Peskov" in speakers
    assert data["rows"][0]["article_id"]["label"].startswith("Blinken Praises")


def test_facets_from_metadata_show_speaker_names(get):
    data = get("/quotes/quotes.json").json()
    facets = data["facet_results"]
    assert set(facets) >= {"speaker_id", "speaker_type", "channel_id", "cue", "kind"}
    by_speaker = {item["label"]: item["count"] for item in facets["speaker_id"]["results"]}
    assert by_speaker["Antony Blinken"] == 5
    kinds = {item["value"]: item["count"] for item in facets["kind"]["results"]}
    assert kinds == {"mixed": 4, "direct": 3, "indirect": 3}
    publishers = get("/quotes/quotes_view.json").json()["facet_results"]["publisher"]["results"]
    assert publishers[0]["value"] == "RFE/RL" and publishers[0]["count"] == 10


def test_full_text_search(get):
    data = get("/quotes/quotes.json?_search=casualties&_shape=objects").json()
    assert [row["content"] for row in data["rows"]] == ["no casualties"]
    stemmed = get("/quotes/quotes.json?_search=escalate&_shape=objects").json()["rows"]   # porter: escalation
    assert len(stemmed) == 1 and "escalation" in stemmed[0]["content"]
    in_view = get("/quotes/quotes_view.json?_search=casualties&_shape=array").json()
    assert [(r["speaker"], r["content"]) for r in in_view] == [("Armenia and Azerbaijan", "no casualties")]


@pytest.mark.parametrize("path, check", [
    ("/quotes/quotes_by_speaker.json?speaker=Blinken&_shape=array", lambda rows: len(rows) == 5),
    ("/quotes/claims_through_channel.json?channel=press+release&_shape=array",
     lambda rows: [r["speaker"] for r in rows] == ["Armenian Foreign Ministry"]),
    ("/quotes/who_said_phrase.json?phrase=durable+peace&_shape=array",
     lambda rows: [r["speaker"] for r in rows] == ["Antony Blinken"]),
    ("/quotes/who_said_phrase.json?phrase=%22unbalanced&_shape=array", lambda rows: rows == []),
    ("/quotes/most_quoted_speakers.json?_shape=array",
     lambda rows: (rows[0]["speaker"], rows[0]["quotes"]) == ("Antony Blinken", 5)),
    ("/quotes/speaker_over_time.json?speaker=Antony+Blinken&_shape=array",
     lambda rows: rows == [{"month": "2022-11", "quotes": 5, "articles": 1}]),
])
def test_canned_queries(get, path, check):
    response = get(path)
    assert response.status_code == 200, response.text
    assert check(response.json()), response.json()


def test_csv_stream_exports_every_row(get):
    response = get("/quotes/quotes_view.csv?_stream=1")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 10 and rows[0]["speaker"]


@pytest.mark.slow
def test_real_server_on_loopback(gold_db):
    """`quotes serve` as a user runs it: a subprocess on 127.0.0.1 answering HTTP."""
    port = free_port()
    command = [sys.executable, "-m", "quotes.cli", "serve", "--db", str(gold_db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"{base}/quotes/quotes.json?_shape=objects&_labels=on", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "server did not start within 60 s"
                time.sleep(0.3)
        assert response.status_code == 200
        assert any(r["speaker_id"]["label"] == "Antony Blinken" for r in response.json()["rows"])
        page = httpx.get(f"{base}/quotes/quotes", timeout=5).text
        assert "Antony Blinken" in page and "speaker_id" in page
        csv_text = httpx.get(f"{base}/quotes/quotes.csv?_stream=1&_labels=on", timeout=5).text
        assert csv_text.count("\n") == 11
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_refuses_a_missing_database(tmp_path):
    from click.testing import CliRunner
    from quotes.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "none.db: no such database" in result.output


@pytest.mark.slow
def test_plain_datasette_shows_the_same_pages(tmp_path):
    """`datasette FILE` with no options: the plugin comes from the package's entry point."""
    from importlib.metadata import entry_points

    from page_helpers import build_extracted_db

    assert [e.value for e in entry_points(group="datasette", name="quotes")] == ["quotes.datasette"], \
        "the quotes package is installed without its datasette entry point: pip install -e ."
    db = build_extracted_db(tmp_path / "quotes.db")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "datasette", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                plugins = httpx.get(f"{base}/-/plugins.json", timeout=5).json()
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "datasette did not start within 60 s"
                time.sleep(0.3)
        assert any("register_routes" in p["hooks"] and p["templates"] for p in plugins)
        article_id = httpx.get(f"{base}/quotes/articles.json?_shape=array", timeout=5).json()[0]["id"]
        article = httpx.get(f"{base}/quotes/-/article/{article_id}", timeout=10)
        assert article.status_code == 200 and article.text.count("data-quote-id=") > 12
        assert httpx.get(f"{base}/quotes/-/charts", timeout=10).text.count('<rect class="bar"') > 3
        facets = httpx.get(f"{base}/quotes/quotes.json", timeout=10).json()["facet_results"]
        assert facets["speaker_id"]["type"] == "counted"                 # metadata.yml, from the plugin
        assert httpx.get(f"{base}/quotes/most_quoted_speakers.json?_shape=array", timeout=10).json()
    finally:
        server.terminate()
        server.wait(timeout=20)
