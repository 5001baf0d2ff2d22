#!/usr/bin/env bash
# The README's picture: the quotes page of db/quotes.db in headless Chromium -> docs/quotes-page.png
# usage: bash scripts/screenshot.sh [DB] [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-db/quotes.db}
out=${2:-docs/quotes-page.png}
port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.venv/bin/quotes serve --db "$db" --port "$port" >/dev/null 2>&1 &
server=$!
profile=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$profile"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/-/versions.json" >/dev/null 2>&1 && break
  sleep 0.5
done
hidden=""
for column in context content_start content_end content_spans cue_start cue_end speaker_start speaker_end channel_mention sentence; do
  hidden="$hidden&_nocol=$column"
done
mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
  --window-size=1400,1200 --screenshot="$out" "http://127.0.0.1:$port/quotes/quotes?_facet_size=5$hidden" 2>/dev/null
echo "wrote $out"
