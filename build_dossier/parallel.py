"""How the build spends less time: work spread over forked processes (`load`, quote clustering,
`render`), and the cycle collector kept out of generation. The only module that touches `gc`.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

MAX_WORKERS = 8

# Every stage's threshold for forking, in one place: below it, starting the workers costs more
# than they save. The figures are the stage's bench time at 10,000 sources on 2 idle cores when
# it first forked. On a loaded machine forking gains nothing, at the bars or at 1,000 sources
# (load average 9 on 2 cores: 400 files loaded in 1.06 s alone, 1.35 s forked; 2,169 wordings
# clustered in 0.39 s vs 0.85 s; 400 pages rendered in 1.65 s vs 2.36 s).
LOAD_MIN_FILES = 400
"""Sources from which `load` forks: at 10,000 sources it went from 14 s to 7 s."""
CLUSTER_MIN_WORDINGS = 2000
"""Wordings from which clustering forks: at 10,000 sources it went from 2.3-2.6 s to 1.8-2.0 s."""
RENDER_MIN_PAGES = 400
"""Pages from which `render` jobs fork: at 10,000 sources it went from 37 s to 22 s."""

J = TypeVar("J")
R = TypeVar("R")


def default_workers() -> int:
    """One per core this process may run on, at most eight; one where fork is unavailable."""
    if "fork" not in mp.get_all_start_methods():
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def workers_for(items: int, threshold: int) -> int:
    """`default_workers()` for at least `threshold` items of work, else one."""
    return default_workers() if items >= threshold else 1


_TASK: Callable[[Any], Any] | None = None
"""What a forked worker runs: inherited at the fork, never pickled."""


def _run(job: Any) -> Any:
    assert _TASK is not None
    return _TASK(job)


def _worker_started() -> None:
    """A worker ends on its pool's SIGTERM at once. The handler `serve` installs (stop as on
    Ctrl-C) runs only between Python steps: a SIGTERM that came just before the worker blocked
    on its queue's lock was never acted on, and `serve` waited for that worker for ever.
    The worker is forked with SIGINT and SIGTERM blocked (see `_pool`): one sent before this
    point waits in the kernel, and acts here."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


_HELD = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _pool(workers: int) -> Iterator[Any]:
    """A pool of forked workers, made with SIGINT and SIGTERM held back. Python forgets a
    signal that arrives while it forks (the child clears what the parent had not handled
    yet), and a Ctrl-C raised while the pool was half made left workers nobody stopped: the
    process hung on exit, or its workers outlived it. Held, a signal waits until the pool is
    whole and in its `with`, which stops every worker, or until `_worker_started`."""
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        pool = mp.get_context("fork").Pool(workers, initializer=_worker_started)
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
        raise
    with pool:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)  # a Ctrl-C held back acts here
        yield pool


def forked_map(task: Callable[[J], R], jobs: Iterable[J], workers: int,
               *, ordered: bool = True) -> Iterator[R]:
    """`task(job)` for each job: on `workers` forked processes, or here with one worker.

    The workers inherit `task` and all it refers to (a loaded dossier, say) as it is at the
    fork, so only jobs and results cross between processes. Results come in the order of the
    jobs, or as each is done when not `ordered`. Either way they are the same.
    """
    if workers < 2 or "fork" not in mp.get_all_start_methods():
        yield from map(task, jobs)
        return
    global _TASK
    # The collector stays off, here and in the workers. Unpickling results makes many objects
    # and no garbage (at 10,000 sources its passes took longer than unpickling the sources),
    # and the tasks make none either: rendering every page left no cycle to collect, and ran
    # 0.9 s faster without its passes over the pages being built. The workers end with the
    # stage, so any cycle they did make would last no longer.
    collecting = gc.isenabled()
    gc.disable()
    _TASK = task
    try:
        with _pool(workers) as pool:
            run = pool.imap if ordered else pool.imap_unordered
            yield from run(_run, jobs, chunksize=1)
    finally:
        _TASK = None
        if collecting:
            gc.enable()


@contextmanager
def collector_off() -> Iterator[None]:
    """A generation stage without the cycle collector.

    Loading, linking and rendering make millions of objects that live to the end of the build
    and no cyclic garbage, so the collector's passes only cost time: at 10,000 sources they
    took a third of dossier.json's time and 0.7 s while the workers' sources were unpickled.
    (MkDocs and the PDF run with it.)
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What was made meanwhile is frozen: turned back on, the collector would otherwise
        # walk all of it at once (0.25-0.35 s at 10,000 sources) to find nothing. Frozen
        # objects are still freed when no longer used.
        gc.freeze()
        if collecting:
            gc.enable()


@contextmanager
def collector_thawed_after() -> Iterator[None]:
    """Around a whole build: what its stages froze is handed back to the collector at the end,
    so a process that goes on building (`serve`) still reclaims any cycle left behind."""
    try:
        yield
    finally:
        gc.unfreeze()
