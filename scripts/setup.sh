#!/usr/bin/env bash
# Set up quotes from a fresh clone, then ingest the example article into db/quotes.db.
#   bash scripts/setup.sh
# Needs only the package registries (PyPI, and Debian's for chromium): the
# parser models ship inside the package, so nothing is fetched at run time.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  "$python" -m venv .venv
fi

echo "== installing quotes and its test tools into .venv"
# torch is pinned in pyproject.toml (2.13.0, a CPU build): never unpin it here
.venv/bin/python -m pip install -qq --disable-pip-version-check -e ".[test]"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Debian's chromium (for the headless browser test)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "== chromium not found and not root: the browser test will be skipped (apt-get install chromium)"
  fi
fi

example=tests/fixtures/blinken-armenia-azerbaijan.txt
echo "== ingesting the example article ($example) into db/quotes.db"
.venv/bin/quotes ingest "$example" --db db/quotes.db

cat <<'DONE'

Done. Browse the quotes in Datasette:

    .venv/bin/quotes serve            # then open http://127.0.0.1:8001/quotes/quotes

Ingest more: .venv/bin/quotes ingest PATH... (files, folders, .jsonl, - for stdin)
Run the tests: .venv/bin/python -m pytest -q
DONE
