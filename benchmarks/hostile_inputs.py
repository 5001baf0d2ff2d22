"""The hostile texts the benchmarks and fuzz tests feed the extractor, by name.

Each maker takes a target size in characters and returns text of about that
size; a benchmark runs each at two sizes to see how each stage's cost grows.
"""
from __future__ import annotations

import random

SENTENCE = "Blinken said the talks would go on. "
_WORDS = ("the minister said that officials would meet again in the capital next week "
          "to discuss trade and security with their partners").split()


def _words(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) for _ in range(n))


MAKERS = {
    # the 10 kB file: one straight double quote per line
    "quote-lines": lambda size: '"\n' * (size // 2),
    # a real sentence first, so the word-count gate lets it through
    "sentence+quote-lines": lambda size: SENTENCE + '"\n' * (size // 2),
    "quote-run": lambda size: SENTENCE + '"' * size,
    "curly-openers": lambda size: SENTENCE + "\u201c" * size,
    "quote-pairs-and-singles": lambda size: SENTENCE + "\"a\" 'b " * (size // 7),
    "many-short-quotes": lambda size: SENTENCE + "\u201cYes,\u201d she said. " * (size // 18),
    "open-quote-paragraphs": lambda size: SENTENCE + "\n".join(['"We go on'] * (size // 10)),
    # the 1.9 MB paragraph: words, no punctuation, no line break
    "no-punctuation": lambda size: _words(size // 6),
    "one-long-word": lambda size: SENTENCE + "x" * size,
    "control-characters": lambda size: SENTENCE + "".join(
        random.Random(2).choice(["said \x07", "the\x1b[0m ", "\u200b", "\ufeff", "x\x00", " \u202e "])
        for _ in range(size // 5)),
    "nested-markup-text": lambda size: SENTENCE + "<div>" * (size // 10) + "</div>" * (size // 12),
}
