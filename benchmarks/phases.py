"""One measured phase of the benchmark, run in a fresh process so its memory is its own.

    python benchmarks/phases.py bare    --paths FILE
    python benchmarks/phases.py ingest  --paths FILE --db DB --engine processes --workers 2

Prints one JSON object on its last line of output.  ``run.py`` starts these
and samples their memory from outside.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def _paths(listing: Path) -> list[Path]:
    return [Path(line) for line in listing.read_text().splitlines() if line.strip()]


def read_texts(paths: list[Path]) -> tuple[list[str], float]:
    """The article texts exactly as ingest reads them, and the seconds reading took."""
    from quotes.read import Skipped, read_paths

    started = time.perf_counter()
    texts = [item.text for item in read_paths(paths) if not isinstance(item, Skipped)]
    return texts, time.perf_counter() - started


def bare(paths: list[Path]) -> dict:
    """Stanza alone: the same pipeline and texts, no reading, extraction or storing."""
    from quotes.nlp.pipeline import get_pipeline
    from quotes.text import normalize_for_parsing

    texts, read_seconds = read_texts(paths)
    started = time.perf_counter()
    pipe = get_pipeline()
    load = time.perf_counter() - started
    tokens = words = 0
    started = time.perf_counter()
    for text in texts:
        doc = pipe(normalize_for_parsing(text))
        tokens += doc.num_tokens
        words += doc.num_words
    return {"articles": len(texts), "chars": sum(map(len, texts)), "tokens": tokens, "words": words,
            "seconds": time.perf_counter() - started, "load_seconds": load, "read_seconds": read_seconds,
            "threads": _torch_threads()}


def ingest_phase(paths: list[Path], db: Path, engine: str, workers: int) -> dict:
    """The real ``quotes.ingest``; its workers' start-up (the serial engine's one watched worker
    included) is timed apart."""
    from quotes.ingestion import ingest

    load = _worker_startup(engine, workers)
    summary = ingest(paths, db=db, engine=engine, workers=workers, progress=False)
    return {"articles": summary.articles, "new": summary.new, "quotes": summary.quotes,
            "skipped": [str(s) for s in summary.skipped], "seconds": summary.seconds,
            "load_seconds": load, "timings": summary.timings, "threads": _torch_threads()}


def _worker_startup(engine: str, workers: int) -> float:
    """Seconds an engine takes to start its workers and analyse one tiny article.

    Subtracted from the run's time to compare steady-state rates; the
    workers started here are gone before the measured run starts its own.
    """
    from quotes.engines import get_engine
    from quotes.records import Article

    tiny = Article(text="“Yes,” she said.", source="warm-up")
    started = time.perf_counter()
    list(get_engine(engine)([tiny], workers=workers))
    return time.perf_counter() - started


def _torch_threads() -> int:
    import torch
    return torch.get_num_threads()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("phase", choices=["bare", "ingest"])
    parser.add_argument("--paths", type=Path, required=True, help="file listing one article path a line")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--engine", default="serial")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    paths = _paths(args.paths)
    if args.phase == "bare":
        result = bare(paths)
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        result = ingest_phase(paths, args.db, args.engine, args.workers)
    result["pid"] = os.getpid()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
