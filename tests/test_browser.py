"""A real browser (Debian's headless chromium) opens the quotes page served by `quotes serve`.

Skipped only where chromium is missing outside CI; in CI (CI=true) a missing
chromium fails, since the set-up script installs it.

The README's picture (docs/quotes-page.png) is made by scripts/screenshot.sh
from the real database; this test takes one of the same page with gold records.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from store_helpers import build_gold_db, free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


# as in scripts/screenshot.sh: facets on top, the wide offset and context columns left out
SCREENSHOT_QUERY = "?_facet_size=5&" + "&".join(f"_nocol={c}" for c in (
    "context", "content_start", "content_end", "content_spans", "cue_start", "cue_end",
    "speaker_start", "speaker_end", "channel_mention", "sentence"))


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("chromium is not installed (scripts/setup.sh installs Debian's chromium)")
    pytest.skip("chromium is not installed: run scripts/setup.sh as root, or apt-get install chromium")


@contextmanager
def served(db: Path):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "quotes.cli", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/-/versions.json", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "quotes serve did not start within 60 s"
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def run_chromium(chromium: str, profile: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def quotes_page(tmp_path_factory):
    db = build_gold_db(tmp_path_factory.mktemp("browser") / "quotes.db")
    with served(db) as base:
        yield f"{base}/quotes/quotes"


def test_quotes_page_renders_speaker_names(chromium, quotes_page, tmp_path):
    result = run_chromium(chromium, tmp_path / "profile", "--virtual-time-budget=5000", "--dump-dom", quotes_page)
    dom = result.stdout
    assert "Antony Blinken" in dom, result.stderr[-2000:]
    assert "Dmitry Peskov" in dom and "courageous steps" in dom
    assert "10 rows" in dom
    for facet in ("speaker_id", "channel_id", "cue", "kind"):
        assert f'data-column="{facet}"' in dom


def test_screenshot_of_the_quotes_page(chromium, quotes_page, tmp_path):
    shot = tmp_path / "quotes-page.png"
    result = run_chromium(chromium, tmp_path / "profile", "--window-size=1400,1200",
                          f"--screenshot={shot}", quotes_page + SCREENSHOT_QUERY)
    assert shot.exists(), result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


# The plugin's pages in a real browser.  QUOTES_DOCS_SCREENSHOTS=1 also saves the pictures
# the README shows (docs/article-page.png, docs/speaker-page.png, docs/charts-page.png).
DOCS = Path(__file__).resolve().parent.parent / "docs"


def browse(chromium: str, profile: Path, url: str, screenshot: Path) -> str:
    """The DOM after the page's script ran, checked free of console errors; and a screenshot."""
    result = run_chromium(chromium, profile, "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0",
                          "--dump-dom", url)
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console
    # without the #fragment: headless Chromium draws a page scrolled to one blank
    shot = run_chromium(chromium, profile, "--window-size=1280,1400", "--virtual-time-budget=5000",
                        f"--screenshot={screenshot}", url.split("#")[0])
    assert screenshot.exists(), shot.stderr[-2000:]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000
    if os.environ.get("QUOTES_DOCS_SCREENSHOTS") == "1":
        shutil.copy(screenshot, DOCS / screenshot.name)
    return result.stdout


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    """`quotes serve` on the example article with its real extracted records, and on 100 articles."""
    from page_helpers import build_corpus_db, build_extracted_db

    folder = tmp_path_factory.mktemp("newsroom")
    example, corpus = build_extracted_db(folder / "example.db"), build_corpus_db(folder / "corpus.db")
    with served(example) as example_base, served(corpus) as corpus_base:
        yield {"example": (example, example_base), "corpus": (corpus, corpus_base)}


def test_article_page_marks_where_the_offsets_say(chromium, newsroom, tmp_path):
    import json
    import sqlite3

    from page_helpers import page_marks

    db, base = newsroom["example"]
    with sqlite3.connect(db) as connection:
        article_id, text = connection.execute("select id, text from articles").fetchone()
        records = connection.execute("select id, content_spans, cue_start, cue_end, confidence from quotes"
                                     " order by id").fetchall()
    chosen = records[2][0]
    dom = browse(chromium, tmp_path / "profile", f"{base}/quotes/-/article/{article_id}#q-{chosen}",
                 tmp_path / "article-page.png")
    shown, marks = page_marks(dom)
    assert shown == text
    for quote_id, spans, cue_start, cue_end, _ in records:
        for start, end in json.loads(spans) + [[cue_start, cue_end]]:
            covered = "".join(m["text"] for m in marks if quote_id in m["ids"] and start <= m["start"] < end)
            assert covered == text[start:end]
    # the link from a quote row (#q-ID) opens the record: its marks outlined, its details shown
    assert all("active" in m["class"] for m in marks if chosen in m["ids"])
    assert not any("active" in m["class"] for m in marks if chosen not in m["ids"])
    details = dom[dom.index('id="quote-details"'):]
    assert not details.startswith('id="quote-details" class="quote-details" hidden')
    assert "Antony Blinken · direct · confidence 0.99" in details[:600]


def test_speaker_and_chart_pages_draw(chromium, newsroom, tmp_path):
    import re

    db, base = newsroom["corpus"]
    speaker = browse(chromium, tmp_path / "profile", f"{base}/quotes/-/speaker/1", tmp_path / "speaker-page.png")
    bars = re.findall(r'<rect class="bar"[^>]* height="([\d.]+)" data-month', speaker)
    assert bars and max(map(float, bars)) > 100                       # the tallest month fills the chart
    charts = browse(chromium, tmp_path / "profile", f"{base}/quotes/-/charts", tmp_path / "charts-page.png")
    assert charts.count('<rect class="bar"') >= 3 + 4 + 4              # months, speakers, channels
