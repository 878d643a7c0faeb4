"""How many processes `load` and `render` use for large dossiers: one per available core."""

from __future__ import annotations

import multiprocessing as mp
import os

MAX_WORKERS = 8


def default_workers() -> int:
    """One per core this process may run on, at most eight; one where fork is unavailable."""
    if "fork" not in mp.get_all_start_methods():
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))
