"""Send receipts: a record of each sent alert that cannot fail for want of space.

A notifier accepting a message and the database marking it sent are two
steps.  Between them the disk may fill up (the database grew, a log file
grew); the sent mark then fails, the row stays 'sending', and the next run
sends the alert again — once per run, for as long as the disk stays full.

So the space for the record is reserved *before* the send: ``reserve``
allocates a region of ``<database>.sent`` (``posix_fallocate``, so a full
disk fails here, and nothing is sent).  After the send, ``record`` writes the
delivery ids into that region, overwriting bytes already allocated, which
needs no new space.  Only then is the row marked sent in the database; once
that commits the region is released.  If it fails, the receipt stays, and the
next delivery round marks those rows sent before it claims anything (or,
while the disk is still full, fails before sending anything).

The file is private to the one process holding the instance lock.  A region
is ``MAGIC`` (reserved / sent / released), the id count, then the ids; the
file is emptied once every receipt in it has been applied.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import struct
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Receipts", "Reservation"]

_RESERVED, _SENT, _RELEASED = b"PWRSVD1\n", b"PWSENT1\n", b"PWDONE1\n"
_HEAD = struct.Struct("<8sIq")  # state, number of ids, when sent (µs since the epoch)
_ID = struct.Struct("<q")


@dataclass(frozen=True)
class Reservation:
    offset: int
    ids: tuple[int, ...]


class Receipts:
    """``<database>.sent``; see the module doc."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._active: set[int] = set()  # offsets of regions reserved and not released

    def _open(self) -> int:
        return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)

    def reserve(self, ids: tuple[int, ...]) -> Reservation:
        """Allocate room for the receipt of ``ids``; OSError (ENOSPC...) if there is none."""
        fd = self._open()
        try:
            offset = os.fstat(fd).st_size
            size = _HEAD.size + _ID.size * len(ids)
            os.posix_fallocate(fd, offset, size)
            os.pwrite(fd, _HEAD.pack(_RESERVED, len(ids), 0), offset)
        finally:
            os.close(fd)
        self._active.add(offset)
        return Reservation(offset, ids)

    def record(self, reservation: Reservation, when: dt.datetime) -> None:
        """The ids were sent at ``when``: write them into their reserved region (no new space needed)."""
        body = b"".join(_ID.pack(i) for i in reservation.ids)
        fd = os.open(self.path, os.O_RDWR)
        try:
            # Ids first, then the state, so a receipt is never read with half its ids.
            os.pwrite(fd, body, reservation.offset + _HEAD.size)
            os.pwrite(fd, _HEAD.pack(_SENT, len(reservation.ids), _micros(when)), reservation.offset)
        finally:
            os.close(fd)

    def release(self, reservation: Reservation) -> None:
        """The database has the outcome: the region is no longer needed."""
        if reservation.offset not in self._active:
            return
        self._active.discard(reservation.offset)
        fd = os.open(self.path, os.O_RDWR)
        try:
            os.pwrite(fd, _HEAD.pack(_RELEASED, len(reservation.ids), 0), reservation.offset)
        finally:
            os.close(fd)
        if not self._active:
            self.clear()

    def sent(self) -> list[tuple[tuple[int, ...], dt.datetime]]:
        """(ids, when sent) recorded and not released, by this process or an earlier one."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        found = []
        offset = 0
        while offset + _HEAD.size <= len(data):
            state, count, micros = _HEAD.unpack_from(data, offset)
            if state not in (_RESERVED, _SENT, _RELEASED):
                break  # a region cut short by a crash during reserve: nothing after it
            end = offset + _HEAD.size + _ID.size * count
            if state == _SENT and end <= len(data):
                ids = tuple(_ID.unpack_from(data, at)[0] for at in range(offset + _HEAD.size, end, _ID.size))
                found.append((ids, _EPOCH + dt.timedelta(microseconds=micros)))
            offset = end
        return found

    def applied(self) -> None:
        """Every receipt is in the database now, and no send is under way: empty the file."""
        self._active.clear()
        self.clear()

    def clear(self) -> None:
        if not self._active:
            with contextlib.suppress(FileNotFoundError):
                os.truncate(self.path, 0)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _micros(when: dt.datetime) -> int:
    return (when - _EPOCH) // dt.timedelta(microseconds=1)
