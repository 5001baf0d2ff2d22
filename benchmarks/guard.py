"""The in-process watchdog of the Python API (``quotes.nlp.guard``): what it costs, and how soon it stops.

    PYTHONPATH=src python benchmarks/guard.py [--reps 5]

In one process, one torch thread:

1. overhead: ``quotes.extract`` (budget checks and watchdog) against the same
   parse and stages called bare, alternately on a good article; the ratio;
2. time: a 200 kB text of short sentences (no budget check would refuse it
   early: ``QUOTES_ARTICLE_SECONDS=0``) under a hard limit of 8 s, i.e. a stop
   at 6 s: the seconds until ``ArticleLimit`` and its line;
3. memory: 60 kB of it with the ceiling set 250 MB above the process's
   resident size after the runs above: when it stops (or that it did not),
   and the peak.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from hostile_inputs import MAKERS  # noqa: E402

# distinct paragraphs: repeated lines would be blanked as boilerplate and never parsed
GOOD = "\n\n".join(f"The minister said talks number {k} would resume next week in the capital, according to a "
                   f"statement.\n\n\u201cWe will not give up on round {k},\u201d Antony Blinken told reporters."
                   for k in range(4)) + "\n"


def peak_mb() -> int:
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) // 1024 for line in handle if line.startswith("VmHWM"))


def _bare(text: str) -> None:
    from quotes.attribution.pipeline import run
    from quotes.nlp import parse
    from quotes.text import prepare

    prepared = prepare(text)
    run(prepared, parse(prepared.page))


def _stopped(text: str) -> tuple[float, str]:
    from quotes import extract

    started = time.perf_counter()
    try:
        extract(text)
        return time.perf_counter() - started, "finished (not stopped)"
    except Exception as error:  # noqa: BLE001 - what the benchmark reports
        return time.perf_counter() - started, f"{type(error).__name__}: {error}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--overhead-only", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("QUOTES_TORCH_THREADS", "1")
    from quotes import extract
    from quotes.nlp import guard

    print(f"load average before: {os.getloadavg()}", flush=True)
    extract(GOOD)
    _bare(GOOD)
    guarded, bare = [], []
    for _ in range(args.reps):
        started = time.perf_counter()
        extract(GOOD)
        guarded.append(time.perf_counter() - started)
        started = time.perf_counter()
        _bare(GOOD)
        bare.append(time.perf_counter() - started)
    print(f"overhead: guarded {min(guarded):.3f} s, bare {min(bare):.3f} s (best of {args.reps}), "
          f"ratio {min(guarded) / min(bare):.3f}", flush=True)
    if args.overhead_only:
        return 0

    prose = ". ".join(MAKERS["no-punctuation"](200_000).split(" the "))
    os.environ.update(QUOTES_ARTICLE_SECONDS="0", QUOTES_ARTICLE_HARD_SECONDS="8", QUOTES_WORKER_MEMORY_MB="0")
    guard.install()         # a fresh watchdog that reads these settings
    seconds, line = _stopped(prose)
    print(f"time: {len(prose):,} characters stopped after {seconds:.1f} s (stop at 6 s): {line}", flush=True)

    from quotes.nlp.guard import resident_mb
    ceiling = int(resident_mb()) + 250
    os.environ.update(QUOTES_ARTICLE_HARD_SECONDS="600", QUOTES_WORKER_MEMORY_MB=str(ceiling))
    guard.install()
    seconds, line = _stopped(prose[:60_000])
    print(f"memory: ceiling {ceiling} MB; after {seconds:.1f} s: {line}; process peak {peak_mb()} MB", flush=True)
    print(f"load average after: {os.getloadavg()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
