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
