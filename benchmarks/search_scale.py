"""Datasette page times on a generated database of 1,000,000 quotes: tables, facets, search,
and the plugin's article, speaker and chart pages.

    python benchmarks/search_scale.py                      # generate (once) and measure
    python benchmarks/search_scale.py --quotes 100000      # a smaller run
    python benchmarks/search_scale.py --reuse              # measure an existing database again

Goal: every page under 200 ms on a 2-core machine.  Pages go through
the Datasette that ``quotes serve`` builds (its metadata.yml and settings),
whole ASGI stack in process (``datasette.client``), HTML as a person sees it; the JSON twin of each page is fetched too, to check that
facets were computed and did not time out (Datasette drops a facet that
runs past ``facet_time_limit_ms`` instead of failing, which would make a
slow facet look fast).  Results: ``benchmarks/out/search_scale-LABEL.json``.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
GOAL_MS = 200


def pages(database: str = "quotes", article: str = "", speakers: tuple = ()) -> list[tuple[str, str, str]]:
    """(name, path, query) of the pages a reader of the tracker opens most.

    metadata.yml gives both the table and the view default facets, so every
    table page below computes those too, as it does for a user.  ``article``
    and ``speakers`` are ids picked from the database (the most quoted ones:
    the worst case).
    """
    table, view = f"/{database}/quotes", f"/{database}/quotes_view"
    facets = [("_facet", c) for c in ("speaker_id", "channel_id", "kind", "cue", "speaker_type")]
    listed = [
        ("table page (default facets)", table, ""),
        ("search: topic word", table, urlencode({"_search": "election"})),
        ("search: rare word", table, urlencode({"_search": "ceasefire"})),
        ("search: two words", table, urlencode({"_search": "border security"})),
        ("search: common word", table, urlencode({"_search": "people"})),
        ("facets + filter kind=direct", table, urlencode({"kind": "direct"})),
        ("facets + filter speaker_type=person", table, urlencode({"speaker_type": "person"})),
        ("facets + search", table, urlencode({"_search": "election"})),
        ("speaker's quotes (filter speaker_id)", table, urlencode({"speaker_id": speakers[0] if speakers else 1})),
        ("view page (default facets)", view, ""),
        ("view filtered by speaker", view, urlencode({"speaker": "SPEAKER_NAME"})),
        ("ad-hoc facets: _facet= the same 5 columns", table, urlencode(facets)),
        ("charts: per month, top speakers, channels", f"/{database}/-/charts", ""),
        ("charts: a search per month", f"/{database}/-/charts", urlencode({"q": "election"})),
        ("charts: a common word per month", f"/{database}/-/charts", urlencode({"q": "people"})),
    ]
    if article:
        listed.append(("article page (most quotes)", f"/{database}/-/article/{article}", ""))
    for label, speaker in zip(("most quoted", "100th most quoted"), speakers):
        listed.append((f"speaker page ({label})", f"/{database}/-/speaker/{speaker}", ""))
    return listed


def pick_ids(db_path: Path) -> tuple[str, tuple, str]:
    """The article with most quotes, the 1st and 100th most quoted speakers, and the first's name."""
    import sqlite3

    connection = sqlite3.connect(db_path)
    try:
        article = connection.execute("select id from articles order by quote_count desc limit 1").fetchone()[0]
        speakers = tuple(int(row[0]) for row in connection.execute(
            "select value from quote_counts where facet = 'speaker_id' order by count desc limit 100"))
        name = connection.execute("select name from speakers where id = ?", [speakers[0]]).fetchone()[0]
    finally:
        connection.close()
    return article, (speakers[0], speakers[-1]), name


async def _get(ds, path: str, query: str):
    started = time.perf_counter()
    response = await ds.client.get(path + ("?" + query if query else ""))
    return (time.perf_counter() - started) * 1000, response


def _json_path(path: str) -> str:
    return path + ".json"


async def time_page(ds, path: str, query: str, repeat: int) -> dict:
    first_ms, response = await _get(ds, path, query)
    if response.status_code != 200:
        return {"status": response.status_code, "error": response.text[:300]}
    warm = [(await _get(ds, path, query))[0] for _ in range(repeat)]
    data = {}
    if "/-/" not in path:      # the plugin's pages have no JSON twin and no facets
        _, as_json = await _get(ds, _json_path(path), query)
        data = as_json.json()
    return {
        "status": response.status_code,
        "first_ms": round(first_ms, 1),
        "median_ms": round(statistics.median(warm), 1),
        "max_ms": round(max(warm), 1),
        "rows_matched": data.get("filtered_table_rows_count"),
        "facets_timed_out": data.get("facets_timed_out") or [],
        "facets_done": sorted((data.get("facet_results") or {}).get("results", data.get("facet_results") or {})),
    }


def metadata_without_default_facets(tables: list[str]) -> dict:
    """The shipped metadata.yml with the default facets of ``tables`` removed (facets on demand)."""
    from quotes.datasette.server import load_metadata

    metadata = load_metadata()
    for table in tables:
        metadata["databases"]["quotes"]["tables"][table]["facets"] = []
    return {"databases": metadata["databases"]}


async def measure(db_path: Path, repeat: int, settings: dict, no_default_facets: list[str]) -> list[dict]:
    # the same Datasette that `quotes serve` runs: metadata.yml, settings, database name
    from quotes.datasette.server import make_datasette

    metadata = metadata_without_default_facets(no_default_facets) if no_default_facets else None
    ds = make_datasette(db_path, metadata=metadata, **settings)
    await ds.invoke_startup()
    results = []
    article, speakers, speaker_name = pick_ids(db_path)
    for name, path, query in pages(article=article, speakers=speakers):
        query = query.replace("SPEAKER_NAME", urlencode({"": speaker_name})[1:])
        outcome = await time_page(ds, path, query, repeat)
        outcome.update(name=name, url=path + ("?" + query if query else ""))
        results.append(outcome)
        print(format_row(outcome), flush=True)
    return results


def format_row(row: dict) -> str:
    if row.get("status") != 200:
        return f"  {row['name']:<44} HTTP {row.get('status')}: {row.get('error', '')[:80]}"
    verdict = "ok" if row["median_ms"] < GOAL_MS and not row["facets_timed_out"] else "SLOW"
    timed_out = f"  facets timed out: {row['facets_timed_out']}" if row["facets_timed_out"] else ""
    return (f"  {row['name']:<44} first {row['first_ms']:>7.1f} ms   median {row['median_ms']:>7.1f} ms"
            f"   {verdict}{timed_out}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--speakers", type=int, default=50_000)
    parser.add_argument("--db", type=Path, default=OUT / "scale.db")
    parser.add_argument("--reuse", action="store_true", help="measure the existing database, do not regenerate")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE",
                        help="a Datasette setting, e.g. suggest_facets=off (repeatable)")
    parser.add_argument("--label", default="shipped", help="names the report file: search_scale-LABEL.json")
    parser.add_argument("--no-default-facets", action="append", default=[], metavar="TABLE",
                        help="measure with TABLE's default facets removed from metadata.yml (repeatable)")
    args = parser.parse_args(argv)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    report: dict = {"goal_ms": GOAL_MS}
    if not (args.reuse and args.db.exists()):
        print(f"generating {args.quotes:,} quotes into {args.db} ...", flush=True)
        report["generated"] = generate(args.db, args.quotes, args.articles, args.speakers)
        print(f"  {report['generated']}", flush=True)
    settings = {k: _setting_value(v) for k, v in (s.split("=", 1) for s in args.setting)}
    report["settings"] = settings
    report["no_default_facets"] = args.no_default_facets
    print(f"Datasette pages on {args.db} (median of {args.repeat} after a first load):")
    report["pages"] = asyncio.run(measure(args.db, args.repeat, settings, args.no_default_facets))
    slow = [p["name"] for p in report["pages"] if p.get("status") != 200 or p["median_ms"] >= GOAL_MS
            or p["facets_timed_out"]]
    report["slow"] = slow
    out = OUT / f"search_scale-{args.label}.json"
    out.parent.mkdir(parents=True, exist_ok=True)    # (with --reuse on another folder's database)
    out.write_text(json.dumps(report, indent=2))
    print(f"{len(report['pages']) - len(slow)} of {len(report['pages'])} pages under {GOAL_MS} ms; "
          f"report in {out}")
    return 1 if slow else 0


def _setting_value(value: str):
    if value.lower() in ("on", "true", "1", "off", "false", "0"):
        return value.lower() in ("on", "true", "1")
    return int(value) if value.isdigit() else value


if __name__ == "__main__":
    sys.exit(main())
