"""Run a function over batches in worker processes, yielding results in input order."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import TypeVar

B = TypeVar("B")
R = TypeVar("R")

#: Batches queued per worker, so every worker stays busy while the consumer takes
#: results in order; it also bounds the results held ahead of a slow consumer.
BATCHES_IN_FLIGHT = 3
#: Modules the fork server loads once, so each worker it forks starts warm.
PRELOAD = ["askspec.scan", "askspec.generate"]


def worker_count() -> int:
    """How many worker processes to use: the CPUs this process may run on, at most 8."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


def _context() -> BaseContext:
    """fork while this process has one thread; the fork server once another thread runs.

    fork starts workers at once and never re-imports the caller's main module. A fork
    taken while another thread (a progress display) holds a lock, such as stderr's,
    would leave that lock held forever in the worker, so then the fork server is used.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def _quiet_interrupts() -> None:
    # Ctrl-C reaches the whole process group: workers stop at once and silently, and the
    # parent alone reports the interruption.
    signal.signal(signal.SIGINT, lambda signum, frame: os._exit(128 + signum))


def ordered_map(func: Callable[[B], list[R]], batches: Iterable[B], workers: int) -> Iterator[R]:
    """Apply func to each batch in worker processes; yield the results in batch order.

    func must be a module-level function so that workers can import it. Batches are
    taken from the iterable only as workers free up, so a lazy input stays lazy.
    """
    # Objects that exist now are frozen while the workers run: a forked worker's garbage
    # collections then skip what it inherited, so they neither walk those objects nor
    # copy the memory pages that hold them. They are thawed when the pool is done. A
    # caller that froze objects of its own is left as it was: nothing is frozen then.
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        yield from _ordered_map(func, batches, workers)
    finally:
        if freeze:
            gc.unfreeze()


def _ordered_map(func: Callable[[B], list[R]], batches: Iterable[B], workers: int) -> Iterator[R]:
    pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_quiet_interrupts)
    pending: deque[Future[list[R]]] = deque()
    try:
        for batch in batches:
            pending.append(pool.submit(func, batch))
            if len(pending) >= workers * BATCHES_IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException as exc:
        # Stopped early: drop queued batches; on Ctrl-C do not wait for running ones.
        pool.shutdown(wait=not isinstance(exc, KeyboardInterrupt), cancel_futures=True)
        raise
    pool.shutdown()
