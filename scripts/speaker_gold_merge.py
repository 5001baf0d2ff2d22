"""Fold the per-article hand annotations into one gold file (JSON lines).

    python scripts/speaker_gold_merge.py ANNOTATED_FOLDER tests/fixtures/speaker-gold/polnear-dev.jsonl

Content is cut to a short excerpt (the offsets identify it; the article texts
belong to their publishers and stay in ../shared).
"""
import json
import sys
from pathlib import Path

KEEP = ["article", "content_spans", "content", "speaker", "accept", "entity", "type", "mention",
        "role", "channel", "channel_medium", "channel_type", "note"]
EXCERPT = 60


def main(folder: str, out: str) -> None:
    rows = []
    for path in sorted(Path(folder).glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            row = {k: item.get(k) for k in KEEP}
            if row["content"] and len(row["content"]) > EXCERPT:
                row["content"] = row["content"][:EXCERPT] + "…"
            rows.append(row)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} gold items from {folder} -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
