"""``premiere-watch run``: the daemon around the same one-pass code ``check`` uses.

APScheduler (3.x, ``AsyncIOScheduler``) only decides *when*; *what* happens is
:meth:`Pipeline.check_source` for one due source, then :meth:`Pipeline.deliver`
— the very calls ``check`` makes.  A job per source fires on that source's
own schedule (``Config.schedule_of``: source → watch → default); another job
delivers every 30 s so retries, quiet hours and digests go out on time.

In-flight work is ours, not APScheduler's: its asyncio executor cancels the
coroutines it runs when it shuts down, which would cut a fetch off halfway.
So every job is a thin ``async`` wrapper that starts an :class:`asyncio.Task`
and returns at once; the daemon keeps those tasks in a set and, on SIGTERM,
stops the scheduler and waits for them for a grace period before cancelling.

The next due time of every source lives in the store, and the scheduler is
its one writer: when a job fires, APScheduler already knows the job's real,
jittered next run, and the read stores it with its result (same transaction).
On start, a source whose next_due is still ahead waits for it; one overdue
after downtime runs once, now.

On a shared database (PostgreSQL) the daemon is given a :class:`Dispatcher`:
a due source becomes a job for the workers instead of a read in
this process, and scheduling only happens while this process leads (a
companion task holds the cluster's scheduler lock and calls
:meth:`Daemon.start_scheduling` / :meth:`Daemon.stop_scheduling`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import signal
import time
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger

from premiere_watch import logs, notify
from premiere_watch.config import Config, ConfigError, SourceConfig, Watch, load
from premiere_watch.model import Event
from premiere_watch.pipeline import Pipeline, SourceOutcome, fetch_settings
from premiere_watch.schedule import Schedule, crontab_trigger
from premiere_watch.store import Store, StoreError

log = logging.getLogger("premiere_watch.scheduler")

GRACE = 10.0  # seconds in-flight reads get to finish after SIGTERM/SIGINT
DELIVERY_EVERY = 30.0  # seconds between outbox rounds (retries, quiet hours, digests)
JITTER = 0.10  # ± fraction of a source's interval, so sources on one interval spread out
CONFIG_POLL = 1.0  # seconds between looks at the watchlist's mtime and size (--watch-config)

_DELIVERY_JOB = "__deliver__"

# Every job gets these deliberate settings (APScheduler's defaults are wrong for us):
_JOB_DEFAULTS: dict[str, Any] = {
    # The default grace is 1 s: a loop busy for a second parsing a big page would silently
    # *skip* a run, and that source would wait a whole interval more.  A late read is
    # always better than none, so there is no limit ...
    "misfire_grace_time": None,
    # ... and runs missed while the loop was stalled (or the machine suspended) collapse
    # into one: a source overdue by ten intervals is read once, not ten times.
    "coalesce": True,
    # The job body only starts a task, so this rarely matters; the real guard against two
    # reads of one source at once is ``Daemon._running`` (a fire during a slow read is skipped).
    "max_instances": 1,
}


class Runner(Protocol):
    """What the daemon needs of a :class:`Pipeline` (tests may pass a fake)."""

    config: Config

    async def check_source(
        self, source: SourceConfig, watches: Sequence[Watch], *, next_due: dt.datetime | None = None
    ) -> tuple[SourceOutcome, list[Event]]: ...

    async def deliver(self) -> notify.DeliveryReport: ...

    async def aclose(self) -> None: ...


RunnerFactory = Callable[[Config, Store], Runner]


class Dispatcher(Protocol):
    """Where due work goes when workers elsewhere do it."""

    async def read(self, source_id: str, next_due: dt.datetime | None) -> None: ...

    async def deliver(self) -> None: ...


# Runs beside the daemon for its whole life (leadership, an in-process worker); cancelled at stop.
Companion = Callable[["Daemon"], Coroutine[Any, Any, None]]


class Observer(Protocol):
    """Hears what this daemon does (the web server's metrics)."""

    def read(self, kind: str, outcome: SourceOutcome) -> None: ...

    def delivery(self, report: notify.DeliveryReport, seconds: float) -> None: ...


@dataclass
class _Plan:
    """The jobs a watchlist needs: what :meth:`Daemon._commit` will change."""

    wanted: dict[str, tuple[SourceConfig, list[Watch], Schedule]]
    removed: list[str]
    jobs: list[tuple[str, BaseTrigger, dt.datetime]] = field(default_factory=list)  # (id, trigger, first run)
    added: int = 0
    changed: int = 0


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def make_trigger(schedule: Schedule, jitter: float = JITTER) -> BaseTrigger:
    """A trigger firing every ``seconds`` ± ``jitter`` of it, or on the cron expression (UTC)."""
    if schedule.seconds is not None:
        # APScheduler's jitter only adds (0..j) and the next run counts from the jittered
        # one, so a (1-j)·s interval plus 0..2j·s jitter averages s: ±j around the interval.
        seconds = schedule.seconds
        return IntervalTrigger(seconds=seconds * (1 - jitter), jitter=2 * jitter * seconds or None,
                               timezone=dt.UTC)
    # No jitter on cron: the operator chose the minute (UTC, as Schedule.next_after computes
    # it); the fetcher's per-host gate keeps sources firing together polite.  crontab_trigger,
    # not CronTrigger.from_crontab: APScheduler 3 reads weekday numbers as 0 = Monday.
    assert schedule.cron is not None
    trigger: BaseTrigger = crontab_trigger(schedule.cron, "UTC")
    return trigger


class Daemon:
    """Runs each source on its own schedule until :meth:`request_stop`."""

    def __init__(
        self,
        config: Config,
        store: Store,
        pipeline_factory: RunnerFactory | None = None,
        *,
        watch_config: bool = False,
        log_level: str = "info",
        log_format: str = "text",
        grace: float = GRACE,
        delivery_every: float = DELIVERY_EVERY,
        jitter: float = JITTER,
        dispatcher: Dispatcher | None = None,
        companions: Sequence[Companion] = (),
        observer: Observer | None = None,
    ) -> None:
        self.config = config
        self.dispatcher = dispatcher
        self.companions = list(companions)
        self.observer = observer
        self.store = store
        self.factory: RunnerFactory = pipeline_factory or (lambda c, s: Pipeline(c, s))
        self.watch_config = watch_config
        self.log_level, self.log_format = log_level, log_format
        self.grace, self.delivery_every, self.jitter = grace, delivery_every, jitter
        self.runner: Runner | None = None
        self._work: dict[str, tuple[SourceConfig, list[Watch], Schedule]] = {}
        self._tasks: set[asyncio.Task[None]] = set()  # every read and delivery in flight
        self._running: dict[str, asyncio.Task[None]] = {}  # source id -> its read in flight
        self._gate = asyncio.Semaphore(max(1, config.settings.concurrency))
        self._scheduler: AsyncIOScheduler | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake = asyncio.Event()
        self._stop = False
        self._forced = False  # a second stop request: no more waiting
        self._reload = False
        # Taken now, close to when the caller loaded the file, so an edit made while the
        # daemon starts is not mistaken for the loaded version.
        self._stamp = self._config_stamp()

    # -- control (safe from signal handlers and other threads) --------------------

    def request_stop(self, force: bool = False) -> None:
        """Stop gracefully; ``force`` cancels what is still running instead of waiting for it."""
        if force and self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._cancel_all)
        self._stop = True
        self._poke()

    def _interrupted(self) -> None:
        # Ctrl-C twice: the person at the terminal does not want to wait.  (A repeated
        # SIGTERM does not force: supervisors may send it more than once.)
        self.request_stop(force=self._stop)

    def _cancel_all(self) -> None:
        if not self._forced:
            log.warning("stopping now: cancelling %d reads; queued alerts wait for the next start",
                        len(self._tasks))
        self._forced = True
        for task in self._tasks:
            task.cancel()

    def request_reload(self) -> None:
        self._reload = True
        self._poke()

    def _poke(self) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._wake.set)

    # -- main loop ----------------------------------------------------------------------

    async def serve(self) -> int:
        """Schedule, react to reload/stop requests, and shut down cleanly; return the exit code."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()  # bound to this loop
        self.runner = self.factory(self.config, self.store)
        handled = self._install_signals()
        side: list[asyncio.Task[None]] = []
        try:
            side = [asyncio.create_task(companion(self)) for companion in self.companions]
            for task in side:
                task.add_done_callback(self._companion_ended)
            if self.dispatcher is None:
                await self.start_scheduling()  # a private database: this process is the only one
            if self.watch_config:
                side.append(asyncio.create_task(self._poll_config()))
            while not self._stop:
                await self._wake.wait()
                self._wake.clear()
                if self._reload and not self._stop:
                    self._reload = False
                    try:
                        await self.reload()
                    except Exception:  # e.g. the database went away: keep what runs
                        log.exception("reload failed; still running the previous watchlist")
        finally:
            self.stop_scheduling()
            # Companions stop gracefully when cancelled (an in-process worker lets its jobs finish).
            for task in side:
                task.cancel()
            if side:
                await asyncio.wait(side, timeout=self.grace + 5)
            await self._shutdown()
            for sig in handled:
                self._loop.remove_signal_handler(sig)
        return 0

    def _companion_ended(self, task: asyncio.Task[None]) -> None:
        if task.cancelled() or self._stop:
            return
        error = task.exception()
        log.error("%s stopped unexpectedly (%s); stopping", task.get_coro(), error or "returned")
        self.request_stop()

    @property
    def alive(self) -> bool:
        """Scheduling (or standing by for another process that does), and not stopping: ``/healthz``."""
        return not self._stop and self._loop is not None and (self.scheduling or self.dispatcher is not None)

    @property
    def scheduling(self) -> bool:
        return self._scheduler is not None and self._scheduler.running

    async def start_scheduling(self) -> None:
        """Start firing each source on its schedule (at once, or when this process takes the lead)."""
        if self.scheduling or self._stop:
            return
        self._scheduler = AsyncIOScheduler(timezone=dt.UTC, job_defaults=_JOB_DEFAULTS)
        self._scheduler.start()
        self._work = {}
        await self._apply(self.config)
        # First round at once: alerts left queued by the last run go out now.
        self._scheduler.add_job(self._fire_delivery,
                                IntervalTrigger(seconds=self.delivery_every, timezone=dt.UTC),
                                id=_DELIVERY_JOB, next_run_time=_utcnow())
        log.info("running: %d sources of %d watches; database %s", len(self._work),
                 len(self.config.watches), self.store.location)

    def stop_scheduling(self) -> None:
        """Stop firing (shutdown, or the lead lost); reads in flight finish on their own."""
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)  # (runs soon, on the loop: forget it now)
        self._scheduler = None
        self._work = {}

    def _install_signals(self) -> list[signal.Signals]:
        assert self._loop is not None
        handled = []
        for sig, action in ((signal.SIGTERM, self.request_stop), (signal.SIGINT, self._interrupted),
                            (signal.SIGHUP, self.request_reload)):
            try:
                self._loop.add_signal_handler(sig, action)
            except (ValueError, RuntimeError, NotImplementedError):
                continue  # not the main thread (in-process tests): use request_* instead
            handled.append(sig)
        return handled

    async def _shutdown(self) -> None:
        """Stop scheduling, let reads finish within the grace period, deliver, close."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.grace
        self.stop_scheduling()
        if self._tasks:
            log.info("stopping: waiting up to %.0fs for %d reads in flight", self.grace, len(self._tasks))
            _, late = await asyncio.wait(set(self._tasks), timeout=self.grace)
            if late:
                # Cancelled reads commit nothing, so their sources stay due and are read
                # first thing after the next start.
                log.warning("stopping: %d reads not done within %.0fs; cancelled", len(late), self.grace)
                for task in late:
                    task.cancel()
                await asyncio.gather(*late, return_exceptions=True)
        if self.runner is not None:
            if not self._forced and self.dispatcher is None:
                # What cannot go out before the deadline stays in the outbox for the next start.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._deliver_once(), timeout=max(1.0, deadline - loop.time()))
            await self.runner.aclose()
        log.info("stopped")

    # -- the watchlist -> jobs ---------------------------------------------------------------

    async def _apply(self, config: Config) -> tuple[int, int, int]:
        """Make the jobs match ``config``: start added sources, stop removed ones, reschedule changed ones."""
        plan = await self._plan(config)
        return self._commit(plan) if plan is not None else (0, 0, 0)

    async def _plan(self, config: Config) -> _Plan | None:
        """The jobs ``config`` needs, worked out without changing anything (None: not scheduling now).

        Everything that can fail (reading the store, building triggers, computing
        due times) happens here, so a reload that fails leaves the running
        watchlist exactly as it was.
        """
        wanted = {s.id: (s, ws, config.schedule_of(s, ws)) for s, ws in config.sources()}
        rows = {row.source_id: row for row in await self.store.source_rows()}
        scheduler = self._scheduler
        if scheduler is None:
            return None  # stopped (or the lead lost) while reading the rows
        now = _utcnow()
        plan = _Plan(wanted, removed=sorted(set(self._work) - set(wanted)))
        for source_id, (_, _, schedule) in wanted.items():
            old = self._work.get(source_id)
            if old is not None and old[2] == schedule:
                continue
            row = rows.get(source_id)
            # Never later than the (maybe shortened) schedule allows after the last read.
            latest = schedule.next_after(row.last_check or now) if row is not None else now
            if old is None:
                plan.added += 1
                # (Re)start: resume the stored schedule; never read, or overdue after
                # downtime: now, and once (coalesce).
                due = row.next_due if row is not None else None
                first = min(due, latest) if due is not None else now
            else:
                plan.changed += 1
                job = scheduler.get_job(source_id)
                current = job.next_run_time if job is not None else None
                first = min(current, latest) if current is not None else latest
            plan.jobs.append((source_id, make_trigger(schedule, self.jitter), max(first, now)))
        return plan

    def _commit(self, plan: _Plan) -> tuple[int, int, int]:
        scheduler = self._scheduler
        if scheduler is None:
            return 0, 0, 0
        for source_id in plan.removed:
            with contextlib.suppress(Exception):
                scheduler.remove_job(source_id)
            # A read in flight finishes; its source is simply not scheduled again.
        for source_id, trigger, first in plan.jobs:
            scheduler.add_job(self._fire, trigger, args=[source_id], id=source_id, next_run_time=first,
                              replace_existing=True)
        self._work = plan.wanted
        return plan.added, len(plan.removed), plan.changed

    async def reload(self) -> bool:
        """Re-read the watchlist; keep the running one if the new file is invalid or cannot be applied."""
        try:
            new = load(self.config.path)
        except ConfigError as exc:
            log.error("reload rejected, still running the previous watchlist: %s", exc)
            return False
        # Raises before anything changed, so the caller keeps the previous watchlist whole.
        plan = await self._plan(new) if self.scheduling else None
        logs.setup(self.log_level, self.log_format, new.secrets)
        old = self.config.settings
        if (new.settings.http, new.settings.http_token) != (old.http, old.http_token):
            log.warning("reload: [settings] http or http_token changed; the web server keeps its address "
                        "and token until a restart")
        if new.settings.database != self.config.settings.database:
            log.warning("reload: [settings] database changed to %s; still using %s until a restart",
                        new.database_label, self.config.database_label)
        self._swap_runner(new)
        if new.settings.concurrency != self.config.settings.concurrency:
            self._gate = asyncio.Semaphore(max(1, new.settings.concurrency))
        self.config = new
        if not self.scheduling:
            log.info("reloaded %s (standing by: another process schedules)", new.path)
            return True
        added, removed, changed = self._commit(plan) if plan is not None else await self._apply(new)
        log.info("reloaded %s: %d sources (%d added, %d removed, %d rescheduled)",
                 new.path, len(self._work), added, removed, changed)
        return True

    def _swap_runner(self, new: Config) -> None:
        assert self.runner is not None
        if fetch_settings(new) == fetch_settings(self.runner.config):
            # Same fetch rules: keep the fetcher, whose per-host gates and connections
            # must outlive a reload to stay polite.
            self.runner.config = new
            return
        old, draining = self.runner, set(self._tasks)
        self.runner = self.factory(new, self.store)

        async def close_old() -> None:
            if draining:
                await asyncio.wait(draining)
            await old.aclose()

        self._track(close_old())

    def _config_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.config.path)
        except OSError:
            return None  # mid-replace or removed: keep the last good one, look again
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    async def _poll_config(self) -> None:
        """--watch-config: reload when the file's mtime, size or inode changes."""
        while True:
            await asyncio.sleep(CONFIG_POLL)
            now = self._config_stamp()
            if now is not None and now != self._stamp:
                self._stamp = now
                log.info("%s changed; reloading", self.config.path)
                self.request_reload()

    # -- jobs ------------------------------------------------------------------------------

    def _track(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _fire(self, source_id: str) -> None:
        """The APScheduler job: start the read and return (see the module doc for why)."""
        if self._stop:
            return
        if source_id in self._running:
            log.debug("%s: still reading the previous time; skipping this turn", source_id)
            return
        task = self._track(self._check(source_id))
        self._running[source_id] = task
        task.add_done_callback(lambda _: self._running.pop(source_id, None))

    async def _fire_delivery(self) -> None:
        if not self._stop:
            self._track(self._deliver_once())

    def _next_run(self, source_id: str) -> dt.datetime | None:
        """The job's real next run (jitter included): what a restart or a standby resumes from."""
        job = self._scheduler.get_job(source_id) if self.scheduling and self._scheduler else None
        return job.next_run_time if job is not None else None

    async def _check(self, source_id: str) -> None:
        work = self._work.get(source_id)
        if work is None or self.runner is None:
            return  # removed by a reload before its turn came
        source, watches, _ = work
        next_due = self._next_run(source_id)
        if self.dispatcher is not None:
            try:
                async with self._gate:  # thousands fall due together on a start: queue them a few at a time
                    await self.dispatcher.read(source_id, next_due)
            except Exception:  # e.g. the database is away for a moment: try again soon
                log.exception("cannot queue a read of %s; trying again in %.0fs", source.url, self.delivery_every)
                assert self._loop is not None
                self._loop.call_later(self.delivery_every, lambda: self._track(self._check(source_id)))
            return
        runner = self.runner
        try:
            async with self._gate:
                if self._stop:
                    return  # queued behind the concurrency limit when the stop came: stays due
                outcome, events = await runner.check_source(source, watches, next_due=next_due)
        except StoreError as exc:  # the database (full, damaged), not the source: its next turn tries again
            log.error("reading %s: %s", source.url, exc)
            return
        except Exception:  # one source's bug must not stop the daemon
            log.exception("reading %s crashed", source.url)  # the log filter masks secrets
            return
        if self.observer is not None:
            self.observer.read(source.kind, outcome)
        if outcome.status != "failed":  # failures are logged by the pipeline, once
            log.info("read %s: %s%s, %d new alerts (%.1fs)", outcome.url, outcome.status,
                     f" ({outcome.reason})" if outcome.reason else "", outcome.events, outcome.seconds)
        if events:
            # Only new events need a round now; held and retried ones go out on the
            # delivery job's clock.
            await self._deliver_once()

    async def _deliver_once(self) -> None:
        if self.dispatcher is not None:
            try:
                await self.dispatcher.deliver()
            except Exception:
                log.exception("cannot queue a delivery round; the alerts stay queued")
            return
        if self.runner is None:
            return
        started = time.perf_counter()
        try:
            report = await self.runner.deliver()
        except StoreError as exc:
            log.error("delivery round stopped; the alerts stay queued: %s", exc)
            return
        except Exception:
            log.exception("delivery round crashed; the alerts stay queued")
            return
        if self.observer is not None:
            self.observer.delivery(report, time.perf_counter() - started)
        if report.sent or report.failed or report.dead:
            log.info("delivery: %d sent, %d to retry, %d given up", report.sent, report.failed, report.dead)


async def run_daemon(
    config: Config,
    store: Store,
    *,
    watch_config: bool = False,
    log_level: str = "info",
    log_format: str = "text",
    pipeline_factory: RunnerFactory | None = None,
    companions: Sequence[Companion] = (),
    observer: Observer | None = None,
) -> int:
    """What ``premiere-watch run`` runs on a private database (under the instance lock)."""
    daemon = Daemon(config, store, pipeline_factory, watch_config=watch_config,
                    log_level=log_level, log_format=log_format, companions=companions, observer=observer)
    return await daemon.serve()
