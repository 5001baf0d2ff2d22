"""How each stage's cost grows on hostile texts: parse, extract, resolve at two sizes.

    PYTHONPATH=src python benchmarks/hostile_stages.py [--sizes 8000,32000] [NAME ...]

Each text runs in its own process under a memory cap (``--cap-gb``, address
space) and a time cap, with one torch thread (on a shared, loaded machine two
threads spin against each other and run 20 times slower).  A stage whose time
grows by about the size ratio is linear; by its square, quadratic.  Prints
one line per text and size, then the growth of each stage.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from hostile_inputs import MAKERS  # noqa: E402

CHILD = r"""
import json, os, resource, sys, time
cap = int(float(sys.argv[3]) * 2**30)
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
sys.path.insert(0, sys.argv[4])
from hostile_inputs import MAKERS
text = MAKERS[sys.argv[1]](int(sys.argv[2]))
from quotes.attribution import extract_timed
from quotes.nlp import get_pipeline
get_pipeline(); extract_timed("Warm up, he said on Monday.")
started = time.perf_counter()
try:
    records, timings = extract_timed(text)
    result = {"records": len(records), **{k: round(v, 2) for k, v in timings.items()}}
except Exception as error:
    result = {"error": f"{type(error).__name__}: {str(error)[:160]}"}
result["seconds"] = round(time.perf_counter() - started, 2)
result["chars"] = len(text)
result["peak_rss_mb"] = [int(l.split()[1]) // 1024 for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
print(json.dumps(result))
"""


def run_one(name: str, size: int, cap_gb: float, timeout: float) -> dict:
    # the stretch limit (QUOTES_MAX_RUN_CHARS) would refuse most of these texts before parsing:
    # off here, to measure what each stage would cost past it
    env = {**os.environ, "QUOTES_TORCH_THREADS": os.environ.get("QUOTES_TORCH_THREADS", "1"),
           "QUOTES_MAX_RUN_CHARS": os.environ.get("QUOTES_MAX_RUN_CHARS", "0")}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", CHILD, name, str(size), str(cap_gb), str(Path(__file__).parent)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return {"error": f"killed after {timeout:.0f} s", "seconds": round(time.perf_counter() - started, 1)}
    lines = [line for line in out.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {"error": (err.strip().splitlines() or ["no output"])[-1][:160]}
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=list(MAKERS))
    parser.add_argument("--sizes", default="8000,32000")
    parser.add_argument("--cap-gb", type=float, default=2.5)
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    for name in args.names:
        rows = []
        for size in sizes:
            row = run_one(name, size, args.cap_gb, args.timeout)
            rows.append(row)
            print(f"{name:26} {size:>9,} {json.dumps(row)}", flush=True)
        if len(rows) == 2 and all("error" not in r for r in rows):
            ratio = sizes[1] / sizes[0]
            growth = {k: round(rows[1][k] / max(rows[0][k], 0.01), 1) for k in ("parse", "extract", "resolve")}
            print(f"{name:26} growth for x{ratio:g} size: {growth}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
