"""Where fetched pages are parsed and read: worker processes on every core, or this process.

Parsing a page and extracting what it says about each watched title is pure
CPU (:func:`premiere_watch.reading.read_page`: bytes in, observations out).
Run on the event loop, it stalls every fetch in flight and uses one core.
A :class:`PageReader` runs it in a pool of worker processes sized to the
cores this process may use, so a pass parses on every core while the loop
keeps fetching and storing; each result streams to the store as soon as its
page is read.  The page is still parsed once for all its watches.

When the pool is worth its start-up: a burst.  The first page of a burst is
read here; a second page within :data:`IDLE` seconds starts the workers, and
they stop again after :data:`IDLE` seconds without a page.  ``check`` over
many sources, a daemon reading many due sources, and a job-queue worker
reading one source per job all get the pool through the same seam (the
pipeline's ``reader``, handed to each source in its ``Context``); reading one
page (``extract``, ``check`` of one source) never starts a process.

A worker that dies (a segfault in a parser, the OOM killer) breaks the whole
pool and every read in flight with it.  Each of those reads is tried once
more, alone in a fresh process, and a new pool serves later pages: the page
that kills its reader again fails its own source (:class:`ReaderCrashed`),
the others are read normally.  An exception inside extraction is not a
crash: it comes back to the source as the exception it was.
"""

from __future__ import annotations

import asyncio
import logging
import os
import select
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from premiere_watch.reading import PageJob, PageRead, read_page

# multiprocessing and the process pool are imported when the first burst starts workers:
# a pass that reads no page (every source unchanged) never needs them (~4 ms a start).
if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext

__all__ = ["IDLE", "PageReader", "ReaderCrashed", "cores"]

log = logging.getLogger(__name__)

IDLE = 60.0  # seconds without a page before the workers stop (and a burst is over)


class ReaderCrashed(RuntimeError):
    """The process reading a page died, twice: the page itself is the likely cause."""


def cores() -> int:
    """CPUs this process may run on (its affinity mask, which containers and taskset narrow)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _ready() -> None:
    """A no-op run once per worker at start, so the first page does not wait for an import."""


def _exit_with(owner: int) -> None:
    """Worker initializer: exit as soon as ``owner`` (the process reading pages) is gone.

    Killed outright (the OOM killer, ``kill -9``), the owner stops nothing: its
    workers would wait for work forever, on a pipe they hold both ends of, and keep
    the fork server alive with them.  A thread waits on the owner's pidfd instead.
    """
    try:
        fd = os.pidfd_open(owner)
    except (AttributeError, OSError):  # not Linux (>= 5.3), or the owner is already gone
        if not _alive(owner):
            os._exit(1)
        return

    def watch() -> None:
        select.select([fd], [], [])  # readable when the process exits
        os._exit(1)

    threading.Thread(target=watch, name="owner-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PageReader:
    """``await reader.read(job)``: a page read in a worker process when pages come in bursts.

    ``workers=0`` reads every page in this process, in a thread of its own that keeps the
    event loop free (tests, one-page commands, and a ``worker`` of a cluster: one core each);
    None sizes the pool to :func:`cores` (and reads in this process on one core).
    ``read`` is what a worker runs (a module-level function: it is pickled by name).
    """

    def __init__(self, workers: int | None = None, *, read: Callable[[PageJob], PageRead] = read_page,
                 idle: float = IDLE) -> None:
        n = cores() if workers is None else workers
        self.workers = n if n > 1 or workers is not None else 0
        self.idle = idle
        self._read = read
        self._pool: ProcessPoolExecutor | None = None
        self._thread: ThreadPoolExecutor | None = None
        self._starting = asyncio.Lock()
        self._last_read = float("-inf")
        self._in_flight = 0
        self._stopper: asyncio.TimerHandle | None = None
        self._mp_context: BaseContext | None = None

    @property
    def _context(self) -> BaseContext:
        if self._mp_context is None:
            import multiprocessing

            self._mp_context = multiprocessing.get_context("forkserver")
            # Workers fork from a server that has imported the extractor once, not from this
            # process (its threads, sockets and event loop are none of theirs).
            self._mp_context.set_forkserver_preload(["premiere_watch.reading", "premiere_watch.extract"])
        return self._mp_context

    async def read(self, job: PageJob) -> PageRead:
        """Parse the page and extract for its targets; a crash of the reading process raises ReaderCrashed."""
        now = time.monotonic()
        burst = now - self._last_read < self.idle or self._in_flight > 0
        self._last_read = now
        if self.workers < 1:
            # One reading thread: the loop keeps fetching and beating its heartbeat while a page
            # is read, and pages are read one at a time (memory holds one page's parse).
            if self._thread is None:
                self._thread = ThreadPoolExecutor(1, thread_name_prefix="page-reader")
            return await asyncio.get_running_loop().run_in_executor(self._thread, self._read, job)
        if self._pool is None and not burst:
            return self._read(job)
        from concurrent.futures.process import BrokenProcessPool

        self._in_flight += 1
        try:
            pool = await self._running_pool()
            try:
                return await asyncio.wrap_future(pool.submit(self._read, job))
            except BrokenProcessPool:
                self._discard(pool)
                return await self._alone(job)
        finally:
            self._in_flight -= 1
            self._last_read = time.monotonic()
            self._stop_when_idle()

    async def aclose(self) -> None:
        """Stop the workers (they finish the page they are on)."""
        if self._stopper is not None:
            self._stopper.cancel()
        pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
        thread, self._thread = self._thread, None
        if thread is not None:
            await asyncio.to_thread(thread.shutdown, wait=True)

    # -- the pool ---------------------------------------------------------------------------

    async def _running_pool(self) -> ProcessPoolExecutor:
        async with self._starting:  # one pool, however many reads ask for it at once
            if self._pool is None:
                # Starting processes blocks (the fork server imports the extractor): not on the loop.
                self._pool = await asyncio.to_thread(self._start)
                log.debug("page reader: %d worker processes started", self.workers)
            return self._pool

    def _start(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=_exit_with,
                                   initargs=(os.getpid(),))
        for future in [pool.submit(_ready) for _ in range(self.workers)]:
            future.result()
        return pool

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        if self._pool is pool:  # the first read to see the breakage replaces it; the others find it gone
            log.warning("a page-reading worker process died; the pages it was reading are tried again "
                        "one by one")
            self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)

    async def _alone(self, job: PageJob) -> PageRead:
        """Read once more in a process of its own: if that dies too, the page is the cause."""
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        solo = ProcessPoolExecutor(1, mp_context=self._context, initializer=_exit_with, initargs=(os.getpid(),))
        try:
            future = await asyncio.to_thread(solo.submit, self._read, job)
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            raise ReaderCrashed("the process reading this page died (twice)") from None
        finally:
            solo.shutdown(wait=False)

    def _stop_when_idle(self) -> None:
        if self._pool is None or self._in_flight:
            return
        if self._stopper is not None:
            self._stopper.cancel()
        self._stopper = asyncio.get_running_loop().call_later(self.idle, self._idle_stop)

    def _idle_stop(self) -> None:
        self._stopper = None
        pool = self._pool
        if pool is None or self._in_flight or time.monotonic() - self._last_read < self.idle:
            return
        self._pool = None
        log.debug("page reader: no page for %.0fs; worker processes stopped", self.idle)
        pool.shutdown(wait=False)  # idle workers exit at once; nothing waits for them
