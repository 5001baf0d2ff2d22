"""Shared by the fuzz tests: the capped child, its limits, and how many examples to run.

``QUOTES_FUZZ_EXAMPLES`` (default 6) sets examples per test and
``QUOTES_FUZZ_SCALE`` (default 1) multiplies input sizes: the default keeps
the suite to a couple of minutes; ``QUOTES_FUZZ_EXAMPLES=1000
QUOTES_FUZZ_SCALE=10`` is the long run by hand.  The child runs with small
parser limits (50-word sentences, 2,000-character pieces) so that small,
fast inputs go through the same cutting code that large ones do.
"""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

from hypothesis import HealthCheck, settings

CAP_GB = 4              # address space of the child: torch maps ~1.1 GB and its virtual size creeps
                        # (2.5 GB made oneDNN fail to allocate after a few dozen inputs); RSS is checked below
PEAK_MB = 1500          # resident memory no answer may have needed
SECONDS = 60            # time one input may take
RESTART_EVERY = 20      # requests a child answers before a fresh one takes over: torch's virtual size creeps
                        # with every input (oneDNN failed to allocate under the 4 GB cap after ~100 inputs
                        # of the long run) though its resident size does not; RSS is still checked each time
EXAMPLES = int(os.environ.get("QUOTES_FUZZ_EXAMPLES") or 6)
SCALE = int(os.environ.get("QUOTES_FUZZ_SCALE") or 1)
CHILD_LIMITS = {"QUOTES_MAX_SENTENCE_WORDS": "50", "QUOTES_MAX_PIECE_CHARS": "2000",
                "QUOTES_ARTICLE_SECONDS": "30", "QUOTES_TORCH_THREADS": "1"}


def fuzz_settings(examples: int = EXAMPLES) -> settings:
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


class CappedChild:
    """``ask(request)``: the child's answer, or AssertionError when it died, took too long or grew too big.

    A child that failed is replaced by a fresh one at the next request (so
    hypothesis can shrink the failing input against a clean process).
    """

    def __init__(self):
        self.process = None
        self.answered = 0

    def _start(self) -> None:
        env = {**os.environ, **CHILD_LIMITS}
        worker = Path(__file__).with_name("fuzz_worker.py")
        self.process = subprocess.Popen([sys.executable, str(worker), str(CAP_GB)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        self.answers: queue.Queue = queue.Queue()
        threading.Thread(target=self._pump, args=(self.process, self.answers), daemon=True).start()

    @staticmethod
    def _pump(process, answers) -> None:
        for line in process.stdout:
            answers.put(json.loads(line))
        answers.put(None)

    def ask(self, request: dict) -> dict:
        if self.process is not None and self.answered >= RESTART_EVERY:
            self.close()
        if self.process is None:
            self._start()
            self.answered = 0
        self.answered += 1
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            try:
                answer = self.answers.get(timeout=SECONDS)
            except queue.Empty:
                raise AssertionError(f"no answer within {SECONDS} s") from None
            assert answer is not None, f"the capped child died (exit {self.process.wait()})"
            assert "raised" not in answer, answer["raised"]
            assert answer["peak_mb"] < PEAK_MB, f"peak resident memory {answer['peak_mb']} MB"
        except BaseException:
            self.close()
            raise
        return answer

    def close(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
            self.process = None
