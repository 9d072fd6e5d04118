"""One premiere-watch at a time per database.

``run`` and ``check`` take the same lock, so a cron job that overlaps the
daemon (or itself) exits at once instead of fetching and alerting twice.
The lock is an ``flock`` on ``<database>.lock``: the kernel releases it when
its holder dies, so a lock left by a killed process is taken over without
guessing from timestamps; the pid written inside only serves the message.
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import time
from pathlib import Path
from types import TracebackType

log = logging.getLogger("premiere_watch.lock")


class LockHeld(Exception):
    """Another live process holds the lock."""


class InstanceLock:
    """``with InstanceLock(database, "check"):`` holds the lock for the block (LockHeld if taken).

    ``command`` names the holder in the message another process shows.
    """

    def __init__(self, database: Path, command: str = "premiere-watch") -> None:
        self.path = Path(f"{database}.lock")
        self.command = command
        self._fd: int | None = None

    def acquire(self, command: str | None = None) -> None:
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already held by this InstanceLock")
        command = command or self.command
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 512, 0).decode("utf-8", "replace").strip() or "an unknown process"
            os.close(fd)
            raise LockHeld(
                f"another premiere-watch is using {self.path.with_suffix('')}: {holder}. "
                "Wait for it to finish, or stop it first."
            ) from None
        previous = os.pread(fd, 512, 0).decode("utf-8", "replace").strip()
        if previous:
            log.warning("took over a stale lock left by %s (that process is gone)", previous)
        os.ftruncate(fd, 0)
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()} ({command}, since {stamp})\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        # Empty the file first so the next holder does not report a stale lock.
        os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
