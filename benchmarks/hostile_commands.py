"""The issue's hostile inputs through `quotes extract` and `quotes ingest`: time, peak RSS, exit code, message.

    PYTHONPATH=src python benchmarks/hostile_commands.py [--timeout 180] [--cap-gb 4] [NAME ...]

Each command runs in its own process under an address-space cap (a safety
net for this machine, not the measure) and a timeout.  Its memory is read
every 0.1 s from every process of its tree (the command and the worker it
analyses in, which the kernel's ``wait4`` count misses: a forkserver's
children are not the command's): ``peak_rss_mb`` is the largest resident
size any one process reached, the bar being per process.  A good two-
paragraph article runs first on each command, as the baseline in the same
run: ``x_good`` is each input's time over the baseline's (both include
starting Python and loading the models).  Prints one line per input and
command: seconds, peak RSS in MB, exit code, stderr lines, the last one.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from hostile_inputs import MAKERS  # noqa: E402

GOOD = ("The minister said the talks would resume next week in the capital, according to a statement.\n\n"
        "\u201cWe will not give up,\u201d Antony Blinken told reporters on Monday.\n")


def make_inputs(folder: Path) -> dict[str, str]:
    """name -> path of each hostile input (written into ``folder``)."""
    inputs = {}
    (folder.parent / "good.txt").write_text(GOOD)
    inputs["good.txt (baseline)"] = str(folder.parent / "good.txt")

    def write(name: str, data) -> None:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        inputs[name] = str(path)

    write("quote-lines.txt", MAKERS["quote-lines"](10_000))
    write("sentence+quote-lines.txt", MAKERS["sentence+quote-lines"](10_000))
    write("paragraph-1.9MB.txt", MAKERS["no-punctuation"](1_900_000))
    write("deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": GOOD}) + "\n")
    write("object-fields.jsonl", json.dumps({"text": GOOD, "title": {"nested": [1]}}) + "\n")
    write("utf16-bom.txt", b"\xff\xfe" + GOOD.encode("utf-16-le"))
    write("utf16-no-bom.txt", GOOD.encode("utf-16-le"))
    # the same words as the 1.9 MB paragraph, with sentence ends: the size limit and time budget alone
    write("prose-1.9MB.txt", ". ".join(MAKERS["no-punctuation"](1_900_000).split(" the ")))
    inputs["/dev/urandom"] = "/dev/urandom"
    fifo = folder / "fifo.txt"
    os.mkfifo(fifo)
    inputs["fifo.txt"] = str(fifo)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    inputs["loop.txt"] = str(folder / "loop.txt")
    inputs["the-whole-folder"] = str(folder)
    return inputs


def watch_tree(pid: int, peaks: dict, stop: threading.Event) -> None:
    """Largest RSS (MB) each process of ``pid``'s tree reached, sampled every 0.1 s."""
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for process in tree:
            try:
                rss = process.memory_info().rss // 2**20
            except psutil.Error:
                continue
            peaks[process.pid] = max(peaks.get(process.pid, 0), rss)
        stop.wait(0.1)


def run(argv: list[str], cap_gb: float, timeout: float, env: dict) -> dict:
    cap = int(cap_gb * 2**30)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
                                   preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (cap, cap)))
        peaks: dict = {}
        stop = threading.Event()
        watcher = threading.Thread(target=watch_tree, args=(process.pid, peaks, stop), daemon=True)
        watcher.start()
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        stop.set()
        watcher.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        err.seek(0)
        lines = [line for line in err.read().decode(errors="replace").splitlines() if line.strip()]
    peak = max([usage.ru_maxrss // 1024, *peaks.values()])
    return {"seconds": round(seconds, 1), "peak_rss_mb": peak, "processes": max(1, len(peaks)),
            "exit": process.returncode, "stderr_lines": len(lines), "last": lines[-1][-220:] if lines else ""}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--timeout", type=float, default=180)
    parser.add_argument("--cap-gb", type=float, default=4)
    args = parser.parse_args(argv)
    env = {**os.environ, "QUOTES_TORCH_THREADS": os.environ.get("QUOTES_TORCH_THREADS", "1")}
    quotes = [sys.executable, "-m", "quotes"]
    folder = Path(tempfile.mkdtemp(prefix="quotes-hostile-"))
    try:
        inputs = make_inputs(_made(folder / "inputs"))
        print(f"load average before: {os.getloadavg()}", flush=True)
        baseline: dict = {}
        for number, (name, path) in enumerate(inputs.items()):
            if args.names and name not in args.names and not name.endswith("(baseline)"):
                continue
            for command in ("extract", "ingest"):
                extra = ["--db", str(folder / f"{command}-{number}.db"), "-q"] if command == "ingest" else []
                result = run([*quotes, command, path, *extra], args.cap_gb, args.timeout, env)
                baseline.setdefault(command, result["seconds"])
                result["x_good"] = round(result["seconds"] / max(baseline[command], 0.1), 2)
                print(f"{name:26} {command:8} {json.dumps(result, ensure_ascii=False)}", flush=True)
        print(f"load average after: {os.getloadavg()}", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _made(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


if __name__ == "__main__":
    sys.exit(main())
