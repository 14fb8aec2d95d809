"""One build at a time in a checkout.

Two builds writing the same ``docs/`` (and MkDocs cleaning the same ``site/``)
would trip over each other's files.  A build therefore holds an exclusive lock
on ``.cache/build.lock`` from before it reads the output tree until it has
written the site; a second build waits for it, saying so.  The kernel drops
the lock when its holder dies, so a killed build never blocks the next one.

It is a POSIX record lock (``fcntl.lockf``), not ``flock``: a ``flock`` belongs
to the open file, which forked children share, and the extraction pool's
workers outlive a build killed with SIGKILL (they wait on their queue
forever), so they would keep the lock.  A record lock belongs to the process
that took it alone.  (It is also dropped when that process closes any
descriptor of the file: only this module opens it, once per process.)

The lock is re-entrant within a process: ``briefing build`` holds it around
the generation and its MkDocs run, and :func:`generator.build.generate`
takes it again inside.  The MkDocs child that ``briefing build`` starts does
not take it (``BRIEFING_GENERATED=1``: its hook does nothing), and ``mkdocs
serve`` takes it only while it rebuilds (``generator/mkdocs_hook.py``), so
neither can wait for itself.
"""
from __future__ import annotations

import errno
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # no fcntl (Windows): builds are not serialised there
    fcntl = None

LOCK_FILE = Path(".cache") / "build.lock"

_guard = threading.Lock()
_held: dict[str, list] = {}  # lock file path -> [file descriptor or None, depth]


def lock_path(root: Path) -> Path:
    return Path(root).resolve() / LOCK_FILE


def acquire(root: Path) -> None:
    """Take the checkout's build lock, waiting (with a message) while another process holds it."""
    path = lock_path(root)
    key = str(path)
    with _guard:
        if key in _held:
            _held[key][1] += 1
            return
        fd = None
        if fcntl is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
            except OSError as e:
                print(f"briefing: warning: cannot open the build lock {path} ({e.strerror or e}); "
                      "building without it", file=sys.stderr, flush=True)
        if fd is not None:
            try:
                try:
                    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError as e:
                    if e.errno not in (errno.EACCES, errno.EAGAIN):
                        raise
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                    print(f"briefing: another build is running in this checkout "
                          f"({'pid ' + holder if holder.isdigit() else 'pid unknown'}); waiting for it to finish "
                          f"(lock: {path})", file=sys.stderr, flush=True)
                    fcntl.lockf(fd, fcntl.LOCK_EX)
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
            except OSError as e:  # e.g. a file system without locks
                os.close(fd)
                fd = None
                print(f"briefing: warning: cannot take the build lock {path} ({e.strerror or e}); "
                      "building without it", file=sys.stderr, flush=True)
        _held[key] = [fd, 1]


def release(root: Path) -> None:
    """Give the lock back (once per :func:`acquire`); nothing when this process does not hold it."""
    key = str(lock_path(root))
    with _guard:
        entry = _held.get(key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] > 0:
            return
        del _held[key]
        fd = entry[0]
        if fd is not None:
            try:
                os.ftruncate(fd, 0)  # no pid left behind for the next waiter to name
                fcntl.lockf(fd, fcntl.LOCK_UN)
            except OSError:
                pass
            os.close(fd)  # releases the lock in any case


@contextmanager
def build_lock(root: Path):
    acquire(root)
    try:
        yield
    finally:
        release(root)
