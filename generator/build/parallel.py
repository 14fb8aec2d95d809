"""Run independent pieces of a build side by side on a machine's cores.

A rebuild after one edit spends its time in corpus-wide steps (scoring the
candidate pairs of events, drawing the corpus pages) over data already in
memory.  Sending that data to a process pool would cost more than the work,
so :func:`fork_map` forks: each child starts with the parent's memory as it
is, computes its share and sends back only the result.  The results are the
same, in the same order, as ``[fn(x) for x in items]``, whether or not the
machine can fork; a child that fails is redone in the parent, so a crash
there can cost time but never a wrong or missing result.

Forking is used only where it is safe and useful: an operating system with
``fork``, a single-threaded process (``mkdocs serve`` runs the hook beside
its server threads, and a forked copy of a threaded process can deadlock),
and ``BRIEFING_WORKERS`` not set to 1.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def workers() -> int:
    """How many processes :func:`fork_map` may use: ``BRIEFING_WORKERS``, else the cores."""
    try:
        n = int(os.environ.get("BRIEFING_WORKERS", "0"))
    except ValueError:
        n = 0
    return n if n > 0 else (os.cpu_count() or 1)


_busy = 1  # processes of this build working at once, this one included (more in a forked child)


def can_fork() -> bool:
    """Whether :func:`fork_map` would fork: a core is free (a child whose parent still works
    does not fork again: three processes on two cores only slow the one that matters)."""
    return (hasattr(os, "fork") and sys.platform != "win32" and threading.active_count() == 1
            and _busy < workers())


def _spawn(fn: Callable[[], R], busy: int = 0) -> tuple[int, int] | None:
    """Fork a child that computes ``fn()`` and sends it back pickled; returns (its pid, the read
    end of its pipe), or None when no process could be made.  ``busy``: processes the child
    counts as working beside it (see :func:`can_fork`)."""
    r, w = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no more processes
        os.close(r)
        os.close(w)
        return None
    if pid == 0:  # the child: compute, send, and leave without running the parent's exit handlers
        global _busy
        _busy += busy
        code = 0
        try:
            os.close(r)
            data = pickle.dumps(fn(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(w, "wb") as f:
                f.write(data)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(w)
    return pid, r


_FAILED = object()


def _receive(child: tuple[int, int]):
    """What the child sent, once it has left; ``_FAILED`` if it failed or sent nothing."""
    pid, r = child
    with os.fdopen(r, "rb") as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) == 0 and data:
        return pickle.loads(data)  # written by our own child, just now
    return _FAILED


def _abandon(child: tuple[int, int]) -> None:
    """Wait for a child whose result is not wanted (nothing left behind)."""
    os.close(child[1])
    os.waitpid(child[0], 0)


def fork_map(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[fn(x) for x in items]``, the items after the first computed in forked children.

    ``fn`` must be pure (it may read anything in memory, and what it changes is lost in a
    child) and its results picklable; use as many items as there are processes to use."""
    items = list(items)
    if len(items) < 2 or not can_fork():
        return [fn(x) for x in items]
    children = [_spawn(partial(fn, x), busy=len(items) - 1) for x in items[1:]]
    try:
        results = [fn(items[0])]
    except BaseException:
        for child in children:  # leave no child behind
            if child is not None:
                _abandon(child)
        raise
    for x, child in zip(items[1:], children):
        got = _receive(child) if child is not None else _FAILED
        results.append(fn(x) if got is _FAILED else got)
    return results


class Background:
    """``fn()`` computed in a forked child while this process goes on; :meth:`result` waits for
    it.  Meant for a short piece of work at the start of a build (walking the output tree
    while the articles are read), so the child is not counted as a busy process.  Where
    :func:`fork_map` would not fork, or when the child fails, :meth:`result` computes ``fn()``
    here: the result is always ``fn()``'s."""

    def __init__(self, fn: Callable[[], R]):
        self._fn = fn
        self._child = _spawn(fn) if can_fork() else None

    def result(self) -> R:
        child, self._child = self._child, None
        got = _receive(child) if child is not None else _FAILED
        return self._fn() if got is _FAILED else got

    def close(self) -> None:
        """Wait for a child whose result is no longer wanted (nothing left behind)."""
        child, self._child = self._child, None
        if child is not None:
            _abandon(child)


def pool_map(fn: Callable[[T], R], items: Sequence[T], processes: int, chunksize: int = 8) -> Iterator[R]:
    """``fn`` over ``items`` in a pool of ``processes`` worker processes, in order (for work whose
    input is small beside its cost: extracting articles on a cold build); one after the other
    where forking is not safe.  The workers are forked, explicitly: the default start method
    becomes forkserver in Python 3.14, which would re-import the package in every worker."""
    if processes > 1 and hasattr(os, "fork") and sys.platform != "win32" and threading.active_count() == 1:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            yield from pool.map(fn, items, chunksize=chunksize)
    else:
        yield from map(fn, items)


def split(items: Sequence[T], parts: int) -> list[list[T]]:
    """``items`` in ``parts`` contiguous slices of near-equal length (fewer when there are fewer items)."""
    items = list(items)
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for k in range(parts):
        end = start + size + (1 if k < extra else 0)
        out.append(items[start:end])
        start = end
    return out
