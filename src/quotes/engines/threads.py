"""How many threads each worker's torch may use, so N workers share the cores.

Two workers each running torch with one thread per core would ask for twice
the cores there are; oversubscribed OpenMP pools spin and slow everyone down.
"""
from __future__ import annotations

import os


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))   # honours taskset / container CPU sets
    except AttributeError:                    # macOS, Windows
        return os.cpu_count() or 1


def threads_per_worker(workers: int) -> int:
    """``QUOTES_TORCH_THREADS`` if set, else the usable cores split evenly over workers."""
    from quotes.settings import torch_threads

    explicit = torch_threads()
    if explicit is not None:
        return max(1, explicit)
    return max(1, usable_cores() // max(1, workers))


def limit_threads(threads: int) -> None:
    """Cap this process's compute threads; call before the pipeline loads."""
    for name in ("QUOTES_TORCH_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[name] = str(threads)
    import torch

    torch.set_num_threads(threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass  # already set, or parallel work already ran in this process
