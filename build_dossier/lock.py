"""One build at a time per repository: the build holds a lock file at the repository root for
its whole run, so two builds (two terminals, `make site` while `serve` rebuilds, CI and an
editor on one checkout) never delete each other's staging.

The lock is the kernel's (a POSIX record lock), so a build that was killed holds nothing: its
file may stay behind but never blocks. Unlike `flock`, the lock is not shared with the worker
processes a build forks, which could outlive a killed build. The file also names its holder,
for the message the next build shows.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

LOCK_FILE = ".build-dossier.lock"
_HELD = (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK)
"""What a lock attempt raises when another process holds the lock."""


class Busy(Exception):
    """Another build holds the repository; the message says who and what to do."""


def _holder() -> bytes:
    return json.dumps({
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "command": " ".join(["build-dossier", *sys.argv[1:]])[:200],
        "started": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime()),
    }).encode()


def _describe(path: Path) -> str:
    """Who holds the lock, as its file says; its pid alone when the file is unreadable."""
    try:
        holder = json.loads(path.read_text(encoding="utf-8"))
        pid, started = int(holder["pid"]), str(holder["started"])
        host, command = str(holder["host"]), str(holder["command"])
    except (OSError, ValueError, KeyError, TypeError):
        return "another build is running"
    where = "" if host == socket.gethostname() else f" on {host}"
    return f"another build (pid {pid}{where}, started {started}: {command!r}) is running"


@contextmanager
def one_build_at_a_time(root: Path) -> Iterator[None]:
    """Hold the repository's build lock for the block, or raise `Busy` at once."""
    path = root / LOCK_FILE
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            _lock(fd)
        except OSError as error:
            os.close(fd)
            if error.errno not in _HELD:
                raise
            raise Busy(f"{_describe(path)}; wait for it to finish, or stop it, and build "
                       "again") from None
        # The holder before us removes the file when it ends: a lock taken on a removed file
        # guards nothing, so take it again on the file now at the path.
        try:
            same = os.stat(path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, _holder())
        yield
    finally:
        if sys.platform == "win32":  # an open file cannot be removed there
            os.close(fd)
        # Removed while still held, so no other build can take the lock on a file that is
        # about to vanish (see above).
        with contextlib.suppress(FileNotFoundError):  # removed by hand meanwhile
            os.unlink(path)
        if sys.platform != "win32":
            os.close(fd)


def _lock(fd: int) -> None:
    """Lock the open file without waiting; OSError (one of _HELD) when another holds it."""
    if sys.platform == "win32":
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
