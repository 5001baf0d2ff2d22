"""A capped child process for the fuzz tests: analyses or reads what the test sends, one JSON line each.

    python tests/fuzz_worker.py CAP_GB

Its address space is capped with ``resource.setrlimit`` (the pipeline alone
maps about 1.1 GB), so a hostile input that made memory explode would kill
this child, not the machine; the test also caps each answer's time and reads
the child's peak resident memory (``VmHWM``) from every answer.

Requests (one JSON object a line on stdin), answers (one a line on stdout):
  {"op": "extract", "text": T}           -> {"error": E|null, "records": [...], ...}
  {"op": "read", "name": N, "data": B64} -> {"items": [[kind, source, reason|text], ...], ...}
"""
from __future__ import annotations

import base64
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def peak_mb() -> int:
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) // 1024 for line in handle if line.startswith("VmHWM"))


def extract(request: dict) -> dict:
    from quotes.engines import analyze
    from quotes.records import Article

    result = analyze(Article(text=request["text"], source="<fuzz>"))
    return {"error": result.error, "records": [a.to_dict() for a in result.attributions]}


def read(request: dict, folder: Path) -> dict:
    from quotes.read import Skipped, read_paths

    path = folder / request["name"]
    path.write_bytes(base64.b64decode(request["data"]))
    items = []
    for item in read_paths([path]):
        if isinstance(item, Skipped):
            items.append(["skipped", item.source, str(item)])
        else:
            items.append(["article", item.source, item.text])
    path.unlink()
    return {"items": items}


def main() -> None:
    cap = int(float(sys.argv[1]) * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    folder = Path(tempfile.mkdtemp(prefix="quotes-fuzz-"))
    for line in sys.stdin:
        request = json.loads(line)
        started = time.perf_counter()
        try:
            answer = extract(request) if request["op"] == "extract" else read(request, folder)
        except BaseException as error:  # noqa: BLE001 - the test reports it with the input
            answer = {"raised": f"{type(error).__name__}: {error}"[:2000]}
        answer.update(seconds=round(time.perf_counter() - started, 3), peak_mb=peak_mb())
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    os.rmdir(folder)


if __name__ == "__main__":
    main()
