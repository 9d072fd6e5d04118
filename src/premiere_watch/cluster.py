"""Several machines on one PostgreSQL: reads and deliveries as procrastinate jobs.

procrastinate keeps its jobs in the same database, so the whole cluster needs
one server and no broker.  Every role is the same :class:`~premiere_watch.
scheduler.Daemon` shell (signals, SIGHUP/--watch-config reload, graceful
stop) with different companions:

* ``premiere-watch worker``: a procrastinate worker; a job reads one source
  (fetch → extract → store → reconcile → outbox, one transaction, as ever)
  or delivers due alerts.
* ``premiere-watch run``: also a worker, unless ``--no-worker``; and it
  schedules while it holds the scheduler advisory lock.  A second ``run``
  stands by and takes the lock within ``LEAD_POLL`` seconds of the first
  one's death (PostgreSQL drops a dead session's locks).

procrastinate does the rest: a queueing lock per source (a slow source
never piles up jobs), retries, graceful worker shutdown, heartbeats; jobs
of a worker that stopped beating (SIGKILL, power cut) are retried by the
periodic ``retry_stalled`` task, as its documentation recommends.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Sequence
from typing import Any, Protocol

import procrastinate
import psycopg
from procrastinate import exceptions as pexc
from procrastinate import jobs, schema

from premiere_watch.config import Config, SourceConfig, Watch
from premiere_watch.pipeline import Pipeline
from premiere_watch.pool import PageReader
from premiere_watch.scheduler import Companion, Daemon, Observer, Runner, RunnerFactory
from premiere_watch.store import Store
from premiere_watch.store.postgres import MIGRATE_LOCK, SCHEDULER_LOCK

log = logging.getLogger("premiere_watch.cluster")

QUEUE = "premiere-watch"
READ_TASK = "premiere_watch.read_source"
DELIVER_TASK = "premiere_watch.deliver"
RETRY_STALLED_TASK = "premiere_watch.retry_stalled"
HEARTBEAT = 5.0  # seconds between a worker's heartbeats
STALLED_AFTER = 15.0  # a worker silent this long is dead: its jobs are retried
RETRY_STALLED_CRON = "* * * * * */10"  # every 10 s (croniter's sixth field is seconds)
LEAD_POLL = 5.0  # seconds between a standby scheduler's tries for the lead


class Bench(Protocol):
    """What a job needs from the process running it: the current pipeline (swapped on reload)."""

    runner: Runner | None
    observer: Observer | None


def _bench(context: procrastinate.JobContext) -> Bench:
    bench: Bench = context.additional_context["bench"]
    return bench


def build_app(url: str, pool_size: int = 4) -> procrastinate.App:
    """The procrastinate app with premiere-watch's tasks, on the watchlist's database."""
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=url, min_size=1, max_size=pool_size))
    # source id -> (source, watches) of the config jobs last ran with (a reload brings a new one)
    index: dict[str, Any] = {"config": None, "sources": {}}

    def find(config: Config, source_id: str) -> tuple[SourceConfig, list[Watch]] | None:
        if index["config"] is not config:
            index.update(config=config, sources={s.id: (s, ws) for s, ws in config.sources()})
        found: tuple[SourceConfig, list[Watch]] | None = index["sources"].get(source_id)
        return found

    @app.task(name=READ_TASK, queue=QUEUE, pass_context=True,
              retry=procrastinate.RetryStrategy(max_attempts=3, wait=30))
    async def read_source(context: procrastinate.JobContext, source_id: str) -> str:
        """Read one source; deliver at once what it caused (the claims keep that exactly-once)."""
        bench = _bench(context)
        runner = bench.runner
        assert runner is not None
        found = find(runner.config, source_id)
        if found is None:
            # Deferred by a scheduler with another watchlist: every machine needs the same one.
            log.warning("job for %s: not in this worker's watchlist %s; skipped", source_id, runner.config.path)
            return "unknown"
        outcome, events = await runner.check_source(*found)
        if bench.observer is not None:
            bench.observer.read(found[0].kind, outcome)
        if outcome.status not in ("failed", "busy"):
            log.info("read %s: %s, %d new alerts (%.1fs)", outcome.url, outcome.status, outcome.events,
                     outcome.seconds)
        if events:
            await runner.deliver()
        return outcome.status

    @app.task(name=DELIVER_TASK, queue=QUEUE, pass_context=True, queueing_lock="deliver")
    async def deliver(context: procrastinate.JobContext) -> int:
        runner = _bench(context).runner
        assert runner is not None
        report = await runner.deliver()
        if report.sent or report.failed or report.dead:
            log.info("delivery: %d sent, %d to retry, %d given up", report.sent, report.failed, report.dead)
        return report.sent

    @app.periodic(cron=RETRY_STALLED_CRON, periodic_id="retry-stalled")
    @app.task(name=RETRY_STALLED_TASK, queue=QUEUE, queueing_lock="retry-stalled")
    async def retry_stalled(timestamp: int) -> int:
        """Jobs of a worker that stopped beating go back to the queue (or give way to a newer one)."""
        stalled = list(await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=STALLED_AFTER))
        for job in stalled:
            try:
                await app.job_manager.retry_job(job)
            except pexc.UniqueViolation:  # its source already has a newer job queued: that one reads it
                await app.job_manager.finish_job(job, status=jobs.Status.FAILED, delete_job=False)
        if stalled:
            log.warning("retried %d jobs of workers that stopped (killed or cut off)", len(stalled))
        return len(stalled)

    return app


async def ensure_schema(store: Store) -> None:
    """procrastinate's tables, created once (two processes starting together: one creates them)."""
    from premiere_watch.store.postgres import PostgresBackend

    backend = store.backend
    assert isinstance(backend, PostgresBackend)
    async with backend.pool.connection() as conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s, 1)", (MIGRATE_LOCK,))
        row = await (await conn.execute("SELECT to_regclass('procrastinate_jobs')")).fetchone()
        if row is None or row[0] is None:
            await conn.execute(schema.SchemaManager.get_schema())


class JobDispatcher:
    """The daemon's :class:`~premiere_watch.scheduler.Dispatcher`: due work becomes jobs."""

    def __init__(self, app: procrastinate.App, store: Store) -> None:
        self.app = app
        self.store = store

    async def read(self, source_id: str, next_due: Any) -> None:
        if next_due is not None:
            # The scheduler is the one writer of next_due: a standby that takes over resumes from it.
            await self.store.set_next_due(source_id, next_due)
        try:
            await self.app.configure_task(READ_TASK, queueing_lock=f"read:{source_id}").defer_async(
                source_id=source_id)
        except pexc.AlreadyEnqueued:
            log.debug("%s: the previous read is still queued; not queued again", source_id)

    async def deliver(self) -> None:
        with contextlib.suppress(pexc.AlreadyEnqueued):  # one delivery round waiting is enough
            await self.app.configure_task(DELIVER_TASK).defer_async()


def leadership(url: str, poll: float = LEAD_POLL) -> Companion:
    """Companion: schedule while this process holds the scheduler lock; stand by otherwise."""

    async def lead(daemon: Daemon) -> None:
        said_standby = False
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(url, autocommit=True)
            except psycopg.Error as exc:
                log.warning("cannot reach the database to schedule: %s; trying again", str(exc).strip())
                await asyncio.sleep(poll)
                continue
            try:
                while True:
                    row = await (await conn.execute("SELECT pg_try_advisory_lock(%s, 0)",
                                                    (SCHEDULER_LOCK,))).fetchone()
                    if row and row[0]:
                        break
                    if not said_standby:
                        log.info("standing by: another premiere-watch run schedules; taking over if it stops")
                        said_standby = True
                    await asyncio.sleep(poll)
                log.info("scheduling: this process holds the scheduler lock (%s)", socket.gethostname())
                await daemon.start_scheduling()
                while True:  # the lock lives as long as this connection: watch it
                    await asyncio.sleep(poll)
                    await conn.execute("SELECT 1")
            except psycopg.Error as exc:
                log.warning("lost the connection holding the scheduler lock (%s); standing by", str(exc).strip())
                said_standby = False
            finally:
                daemon.stop_scheduling()
                await conn.close()

    return lead


def working(app: procrastinate.App, concurrency: int, grace: float) -> Companion:
    """Companion: a procrastinate worker running this daemon's pipeline (stops gracefully when cancelled)."""

    async def work(daemon: Daemon) -> None:
        log.info("worker: up to %d jobs at once, %d sources in the watchlist", concurrency,
                 sum(1 for _ in daemon.config.sources()))
        await app.run_worker_async(
            queues=[QUEUE], concurrency=concurrency, name=f"{socket.gethostname()}:{os.getpid()}",
            install_signal_handlers=False,  # the daemon handles signals, then cancels us: procrastinate's stop
            additional_context={"bench": daemon}, update_heartbeat_interval=HEARTBEAT,
            stalled_worker_timeout=STALLED_AFTER, shutdown_graceful_timeout=grace, delete_jobs="successful")

    return work


def reading_in(processes: int | None) -> RunnerFactory | None:
    """The pipelines of a process whose pages are read in ``processes`` processes (None: the
    default, one per core; 0: in the process itself)."""
    if processes is None:
        return None
    return lambda config, store: Pipeline(config, store, reader=PageReader(workers=processes))


async def serve(config: Config, store: Store, *, schedule: bool, work: bool, concurrency: int | None = None,
                processes: int | None = None, watch_config: bool = False, log_level: str = "info",
                log_format: str = "text", companions: Sequence[Companion] = (),
                observer: Observer | None = None) -> int:
    """``run`` (schedule, and work unless --no-worker) or ``worker`` (work only) on PostgreSQL.

    ``processes``: how many processes read pages for this process's jobs (None: one per core).
    A ``worker`` is one core's worth by default, so that workers, not pools, are what scale:
    N workers on a machine of N cores use them all, and a second machine adds its own."""
    url = str(config.settings.database)
    jobs_at_once = concurrency or config.settings.concurrency
    app = build_app(url, pool_size=jobs_at_once + 2)
    async with app.open_async():
        await ensure_schema(store)
        daemon = Daemon(config, store, reading_in(processes), dispatcher=JobDispatcher(app, store),
                        watch_config=watch_config, log_level=log_level, log_format=log_format,
                        companions=companions, observer=observer)
        if schedule:
            daemon.companions.append(leadership(url))
        if work:
            daemon.companions.append(working(app, jobs_at_once, daemon.grace))
        return await daemon.serve()
