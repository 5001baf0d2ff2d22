"""Ingest benchmark on PolNeAR: end-to-end against bare Stanza, stages, memory, 1 -> 2 workers.

    python benchmarks/run.py --polnear ../shared/data/polnear --n 50

Runs four phases on the same N articles, each in a fresh process whose
memory (with its worker processes) is sampled from outside:

1. bare      the Stanza pipeline alone on the texts (all cores' threads)
2. serial    ``quotes.ingest`` with the serial engine: one watched worker
             process (all cores' threads) analyses, this one reads and
             stores; compared with 1 for the overhead
3. 1 worker  ``--engine processes --workers 1`` with 1 torch thread
4. 2 workers ``--engine processes --workers 2``, 1 torch thread each

Model loading is timed apart from each phase (every ingest phase subtracts a
warm-up run's start-up time; until issue 15 the serial phase loaded the
models in its own process before ingest started).
Writes ``benchmarks/out/ingest.json``; prints the figures next to the goals.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rss import PeakRSS  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
GOALS = {"overhead": 1.15, "speedup": 1.8, "rss_gb": 2.5, "all_minutes": 20.0}


def pick_articles(polnear: Path, n: int) -> tuple[list[Path], list[Path]]:
    """N articles spread evenly over train + dev (every publisher and length), and all of them."""
    everything = sorted((polnear / "train" / "text").glob("*.txt")) + sorted((polnear / "dev" / "text").glob("*.txt"))
    if not everything:
        raise SystemExit(f"no PolNeAR texts under {polnear}/{{train,dev}}/text")
    n = min(n, len(everything))
    step = len(everything) / n
    return [everything[int(i * step)] for i in range(n)], everything


def run_phase(name: str, args: list[str], env: dict) -> dict:
    print(f"  {name} ...", end=" ", flush=True)
    command = [sys.executable, str(HERE / "phases.py"), *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **env})
    with PeakRSS(process.pid) as memory:
        out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{err[-3000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_bytes"] = memory.peak
    print(f"{result['seconds']:.1f} s (+{result['load_seconds']:.1f} s start-up), "
          f"peak RSS {memory.peak / 1e9:.2f} GB", flush=True)
    return result


def measure(sample: list[Path], workers: int) -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    listing = OUT / "articles.txt"
    listing.write_text("\n".join(str(p) for p in sample) + "\n")
    paths = ["--paths", str(listing)]
    one_thread = {"QUOTES_TORCH_THREADS": "1"}
    phases = {"bare": run_phase("bare Stanza pipeline", ["bare", *paths], {})}
    phases["serial"] = run_phase("ingest, serial", ["ingest", *paths, "--db", str(OUT / "bench-serial.db")], {})
    phases["one_worker"] = run_phase("ingest, 1 worker x 1 thread", [
        "ingest", *paths, "--db", str(OUT / "bench-w1.db"), "--engine", "processes", "--workers", "1"], one_thread)
    phases[f"{workers}_workers"] = run_phase(f"ingest, {workers} workers x 1 thread", [
        "ingest", *paths, "--db", str(OUT / f"bench-w{workers}.db"), "--engine", "processes",
        "--workers", str(workers)], one_thread)
    return phases


def summarize(phases: dict, sample: list[Path], everything: list[Path], workers: int) -> dict:
    bare, serial, one, many = phases["bare"], phases["serial"], phases["one_worker"], phases[f"{workers}_workers"]
    articles, tokens, chars = bare["articles"], bare["tokens"], bare["chars"]
    stages = {"read": bare["read_seconds"]}
    stages.update({k: serial["timings"].get(k, 0.0) for k in ("parse", "extract", "resolve", "store")})
    stages["other"] = serial["seconds"] - sum(stages.values())
    all_chars = sum(len(p.read_text(encoding="utf-8")) for p in everything)
    many_steady = many["seconds"] - many["load_seconds"]
    rate_chars = chars / many_steady
    return {
        "articles": articles, "tokens": tokens, "words": bare["words"], "chars": chars,
        "rates": {name: {"articles_per_s": articles / p["seconds"], "tokens_per_s": tokens / p["seconds"]}
                  for name, p in phases.items()},
        # the serial engine loads the models in its watched worker during the run
        # (issue 15); bare Stanza's loading is outside its time, so subtract it here too
        "overhead_ratio": (serial["seconds"] - serial["load_seconds"]) / bare["seconds"],
        "overhead_ratio_raw": serial["seconds"] / bare["seconds"],
        "stages_seconds": stages,
        "peak_rss_gb": {name: p["peak_rss_bytes"] / 1e9 for name, p in phases.items()},
        "speedup_raw": one["seconds"] / many["seconds"],
        "speedup_steady": (one["seconds"] - one["load_seconds"]) / many_steady,
        "speedup_vs_serial": serial["seconds"] / many["seconds"],
        "all_articles": len(everything), "all_chars": all_chars,
        "all_minutes_estimate": (many["load_seconds"] + all_chars / rate_chars) / 60,
        "quotes": {name: p.get("quotes") for name, p in phases.items() if "quotes" in p},
        "skipped": {name: p.get("skipped") for name, p in phases.items() if p.get("skipped")},
    }


def report(s: dict, workers: int) -> str:
    verdict = lambda ok: "meets goal" if ok else "MISSES goal"  # noqa: E731
    rss = max(s["peak_rss_gb"].values())
    lines = [f"{s['articles']} PolNeAR articles, {s['tokens']:,} tokens, {s['chars']:,} characters", ""]
    for name, rate in s["rates"].items():
        lines.append(f"  {name:<12} {rate['articles_per_s']:6.2f} articles/s  {rate['tokens_per_s']:8.0f} tokens/s"
                     f"   peak RSS {s['peak_rss_gb'][name]:.2f} GB")
    total = sum(s["stages_seconds"].values())
    lines += ["", "  time per stage (serial ingest): " + ", ".join(
        f"{k} {v:.1f} s ({100 * v / total:.0f}%)" for k, v in s["stages_seconds"].items()), ""]
    lines += [
        f"  end-to-end / bare parse       {s['overhead_ratio']:.2f} start-up excluded, "
        f"{s['overhead_ratio_raw']:.2f} raw   (goal <= {GOALS['overhead']}: "
        f"{verdict(s['overhead_ratio'] <= GOALS['overhead'])})",
        f"  speed-up 1 -> {workers} workers       {s['speedup_steady']:.2f}x start-up excluded, "
        f"{s['speedup_raw']:.2f}x raw   (goal >= {GOALS['speedup']}: {verdict(s['speedup_steady'] >= GOALS['speedup'])})",
        f"  {workers} workers vs serial ingest  {s['speedup_vs_serial']:.2f}x (serial already uses every core's threads)",
        f"  peak RSS                      {rss:.2f} GB   (goal <= {GOALS['rss_gb']}: {verdict(rss <= GOALS['rss_gb'])})",
        f"  all {s['all_articles']} train+dev articles ~{s['all_minutes_estimate']:.1f} min with {workers} workers "
        f"(ESTIMATE from this run's rate; goal < {GOALS['all_minutes']:.0f}: "
        f"{verdict(s['all_minutes_estimate'] < GOALS['all_minutes'])})",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--n", type=int, default=50, help="articles to ingest (spread over train + dev)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    sample, everything = pick_articles(args.polnear, args.n)
    print(f"benchmark: {len(sample)} of {len(everything)} PolNeAR articles, {os.cpu_count()} cores", flush=True)
    started = time.perf_counter()
    phases = measure(sample, args.workers)
    summary = summarize(phases, sample, everything, args.workers)
    summary["phases"] = phases
    summary["wall_seconds"] = time.perf_counter() - started
    (OUT / "ingest.json").write_text(json.dumps(summary, indent=2))
    print()
    print(report(summary, args.workers))
    print(f"\nfull figures in {OUT / 'ingest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
