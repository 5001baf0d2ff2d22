"""Every setting in one place: defaults, the ``QUOTES_*`` environment variables, limits.

Environment variables are read when a setting is asked for, not at import, so
that a test or a worker process can change them.

==========================  ================================  =====================================
variable                    default                           what it sets
==========================  ================================  =====================================
``QUOTES_MODELS``           ``auto``                          Stanza models: ``official`` |
                                                              ``bundled`` | a folder
``QUOTES_MAX_CHARS``        2,000,000                         longest article analysed
``QUOTES_MAX_RUN_CHARS``    10,000                            longest stretch without a sentence
                                                              end or line break
``QUOTES_CACHE``            ``build/cache/parses``            parse cache of ``quotes evaluate``
                                                              and tagger training
``QUOTES_TORCH_THREADS``    cores / workers                   torch threads per process
``QUOTES_START_METHOD``     forkserver (else spawn)           how worker processes start
``QUOTES_DB_TIMEOUT``       30 s                              how long a write waits for another
``QUOTES_TAGGER``           the bundled ``tagger.pt``         another attribution tagger file
``QUOTES_BF16``             ``0``                             run the tagger in bfloat16: ``1`` |
                                                              ``auto`` (where the CPU has AMX or
                                                              AVX-512 BF16) | ``0``
==========================  ================================  =====================================
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

# where `quotes ingest`, `serve`, `export` and `stats` keep the database
DEFAULT_DB = "db/quotes.db"

# Big enough for any news article or long report (PolNeAR's longest is 34 kB);
# past this a single text would hold a worker for many minutes and several GB
# of parser memory.
MAX_ARTICLE_CHARS = 2_000_000
# PolNeAR's longest stretch without a sentence end or line break is 979
# characters; a stretch ten times that is not prose (a word list, a dump, an
# unpunctuated transcript), and it is what made the parser's time explode.
MAX_RUN_CHARS = 10_000
# "X said Y." is the shortest thing with a quote in it
MIN_WORDS = 3

# seconds a write waits for another writer's transaction
BUSY_TIMEOUT = 30.0

DEFAULT_CACHE = "build/cache/parses"


def _env(name: str) -> Optional[str]:
    return os.environ.get(name) or None


def models_source() -> Optional[str]:
    """``QUOTES_MODELS``: ``official`` | ``bundled`` | a folder; None for auto."""
    return _env("QUOTES_MODELS")


def max_chars() -> int:
    """``QUOTES_MAX_CHARS``, else ``MAX_ARTICLE_CHARS``."""
    value = _env("QUOTES_MAX_CHARS")
    return int(value) if value else MAX_ARTICLE_CHARS


def max_run_chars() -> int:
    """``QUOTES_MAX_RUN_CHARS``, else ``MAX_RUN_CHARS`` (0 turns the check off)."""
    value = _env("QUOTES_MAX_RUN_CHARS")
    return int(value) if value else MAX_RUN_CHARS


def cache_dir() -> Path:
    """``QUOTES_CACHE``, else ``build/cache/parses``."""
    return Path(os.environ.get("QUOTES_CACHE", DEFAULT_CACHE))


def tagger_file() -> Optional[str]:
    """``QUOTES_TAGGER`` when set (e.g. a tagger trained with ``--encoder``)."""
    return _env("QUOTES_TAGGER")


def bf16() -> bool:
    """``QUOTES_BF16`` (``0``, ``1``, ``auto``). Off by default: bf16 makes
    the tagger's LSTMs a quarter faster on CPUs with AMX (2-3 % of an ingest)
    but moves a few spans (4 of 1,700 PolNeAR dev records), and the same
    corpus should give the same database on any machine. ``auto`` turns it on
    only where the CPU does bfloat16 in hardware (AMX or AVX-512 BF16);
    elsewhere it is emulated and slower than float32."""
    value = (_env("QUOTES_BF16") or "0").lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    import torch

    checks = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    return any(bool(getattr(torch.cpu, name, lambda: False)()) for name in checks)


def torch_threads() -> Optional[int]:
    """``QUOTES_TORCH_THREADS`` when set."""
    value = _env("QUOTES_TORCH_THREADS")
    return int(value) if value else None


def start_method() -> Optional[str]:
    """``QUOTES_START_METHOD`` when set."""
    return _env("QUOTES_START_METHOD")


def db_timeout() -> float:
    """``QUOTES_DB_TIMEOUT``, else ``BUSY_TIMEOUT``."""
    value = _env("QUOTES_DB_TIMEOUT")
    return float(value) if value else BUSY_TIMEOUT
