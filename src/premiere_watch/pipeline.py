"""One pass: fetch → extract → store → reconcile → outbox → notify.

``premiere-watch check`` runs :meth:`Pipeline.check` once; the daemon runs
:meth:`Pipeline.check_source` for each source when it is due.  There is one
code path.  For each source read, the observations, the facts they change
and the events those facts cause are committed in ONE transaction, so an
alert is queued if and only if the facts behind it are stored; delivery
happens afterwards from the outbox and survives crashes and failures.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import functools
import logging
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from premiere_watch import notify
from premiere_watch.config import Config, SourceConfig, Watch
from premiere_watch.facts import extraction_from_json, extraction_to_json
from premiere_watch.fetch import Fetcher, FetchSettings
from premiere_watch.model import Event
from premiere_watch.pool import PageReader
from premiere_watch.reconcile import diff, reconcile
from premiere_watch.redact import mask_fields, mask_secrets
from premiere_watch.sources import Context, SourceResult
from premiere_watch.store import SavedResult, Store, StoreError

log = logging.getLogger("premiere_watch.pipeline")

Clock = Callable[[], dt.datetime]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class SourceOutcome:
    """How reading one source went, for the pass summary."""

    source_id: str
    url: str  # secrets masked
    status: str  # ok | unchanged | failed | busy (another process is reading it)
    reason: str = ""
    events: int = 0
    seconds: float = 0.0


@dataclass
class PassReport:
    outcomes: list[SourceOutcome] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    delivery: notify.DeliveryReport | None = None

    @property
    def failed(self) -> list[SourceOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def summary(self) -> str:
        counts = {s: sum(o.status == s for o in self.outcomes) for s in ("ok", "unchanged", "failed")}
        busy = sum(o.status == "busy" for o in self.outcomes)
        line = (f"pass: {len(self.outcomes)} sources ({counts['ok']} read, {counts['unchanged']} unchanged, "
                f"{counts['failed']} failed{f', {busy} read by another process' if busy else ''}), "
                f"{len(self.events)} new alerts")
        if self.delivery is not None:
            line += "; " + delivery_summary(self.delivery)
        return line


def delivery_summary(report: notify.DeliveryReport) -> str:
    line = f"{report.messages} messages sent"
    if report.failed:
        line += f", {report.failed} alert deliveries failed and will be retried"
    if report.dead:
        line += f", {report.dead} gave up (see status)"
    return line


def fetch_settings(config: Config) -> FetchSettings:
    s = config.settings
    return FetchSettings(
        user_agent=s.user_agent, timeout=s.timeout, max_bytes=s.max_bytes, retries=s.retries,
        host_concurrency=s.host_concurrency, host_delay=s.host_delay, concurrency=s.concurrency,
    )


class Pipeline:
    """The long-lived parts of a pass: config, store, fetcher, page reader and notification transport."""

    def __init__(
        self,
        config: Config,
        store: Store,
        *,
        fetcher: Fetcher | None = None,
        reader: PageReader | None = None,
        transport: notify.Transport | None = None,
        clock: Clock = utcnow,
    ) -> None:
        self.config = config
        self.store = store
        self.fetcher = fetcher or Fetcher(fetch_settings(config))
        # Pages are parsed and read on every core while this process fetches and stores.
        self.reader = reader or PageReader()
        self.transport = transport or notify.AppriseTransport()
        self.clock = clock
        self._delivering = asyncio.Lock()

    def mask(self, text: str) -> str:
        return mask_secrets(text, self.config.secrets)

    # Nothing stored holds a secret (issue 14 item 17): a page fetched with ?key=${VAR}
    # is its document URL, and a page may quote its own URL. Text and URLs are masked.
    _TEXT = frozenset({"evidence", "url", "text", "name", "headline", "trailer_evidence", "why",
                       "source_url", "trailer_url"})

    def _secret_free(self, result: SourceResult) -> SourceResult:
        if not self.config.secrets or not result.observations:
            return result
        return dataclasses.replace(result, observations=[
            dataclasses.replace(o, document_url=self.mask(o.document_url), extraction=extraction_from_json(
                mask_fields(extraction_to_json(o.extraction), self.config.secrets, self._TEXT)))
            for o in result.observations])

    def _secret_free_event(self, event: Event) -> Event:
        if not self.config.secrets:
            return event
        return Event.from_json(mask_fields(event.to_json(), self.config.secrets, self._TEXT))

    async def aclose(self) -> None:
        try:
            await self.fetcher.aclose()
        finally:
            await self.reader.aclose()

    # -- one pass ---------------------------------------------------------------

    async def check(self, only: Collection[str] | None = None) -> PassReport:
        """Read every source (or those in ``only``) once, then deliver what is due."""
        report = PassReport()
        work = iter([(s, ws) for s, ws in self.config.sources() if only is None or s.id in only])

        async def reader() -> None:
            # Each takes the next source when it is done with one: as many tasks as reads
            # in flight, not one per source, so memory does not grow with the watchlist.
            for source, watches in work:
                due = self.config.schedule_of(source, watches).next_after(self.clock())
                outcome, events = await self.check_source(source, watches, next_due=due)
                report.outcomes.append(outcome)
                report.events.extend(events)

        try:
            # A task group, so a StoreError in one read cancels the others at once. The
            # fetcher enforces per-host limits; the number of readers bounds the reads in flight.
            # One batch: the store may commit unchanged reads together (store.batch()).
            async with self.store.batch(), asyncio.TaskGroup() as group:
                for _ in range(max(1, self.config.settings.concurrency)):
                    group.create_task(reader())
        except BaseExceptionGroup as errors:
            raise errors.exceptions[0] from None  # reader() raises only StoreError: the first says it
        report.delivery = await self.deliver()
        return report

    async def check_source(
        self, source: SourceConfig, watches: Sequence[Watch], *, next_due: dt.datetime | None = None,
    ) -> tuple[SourceOutcome, list[Event]]:
        """Read one source, store what it says and queue the events it causes.

        ``next_due`` is the scheduler's: whoever schedules a source writes its
        next due time, with the read's result (``check`` passes one interval on).
        On a shared database a source another process is reading right now is
        left to it (status "busy").
        """
        started = time.perf_counter()
        async with self.store.reading(source.id) as mine:
            if not mine:
                log.info("source %s is being read by another process; its read counts", self.mask(source.url))
                return SourceOutcome(source.id, self.mask(source.url), "busy"), []
            return await self._read(source, watches, next_due, started)

    async def _read(
        self, source: SourceConfig, watches: Sequence[Watch], next_due: dt.datetime | None, started: float,
    ) -> tuple[SourceOutcome, list[Event]]:
        state = await self.store.source_state(source.id)
        ctx = Context(fetcher=self.fetcher, now=self.clock, reader=self.reader)
        try:
            result = await source.build().collect(ctx, [w.target for w in watches], state)
        except Exception as exc:  # a bug in one kind must not stop the pass
            log.exception("source %s crashed", self.mask(source.url))
            result = SourceResult(status="failed", reason=f"internal error: {type(exc).__name__}: {exc}",
                                  temporary=True, state=state)
        now = self.clock()
        # What is stored is masked: a reason may quote a URL or an error that holds a secret.
        if (reason := self.mask(result.reason)) != result.reason:  # else the same result, not a copy
            result = dataclasses.replace(result, reason=reason)
        result = self._secret_free(result)
        failures = 0
        try:
            events, failures = await self._commit(source, watches, result, now, next_due)
        except StoreError:
            raise  # the database cannot be used (full, damaged): no source can be stored, stop
        except Exception as exc:  # a bug storing one source must not stop the pass; nothing was committed
            log.exception("storing what %s said failed", self.mask(source.url))
            result = SourceResult(status="failed", reason=f"internal error: {type(exc).__name__}: {exc}",
                                  temporary=True, state=state)
            events = []
        outcome = SourceOutcome(source.id, self.mask(source.url), result.status, self.mask(result.reason),
                                len(events), time.perf_counter() - started)
        if result.status == "failed":
            # A source that keeps failing, or fails for a reason that will not pass by itself
            # (404, robots.txt, not HTML), needs the operator: an error, which `check -q` prints.
            after = self.config.settings.failure_alert_after
            if failures >= after:
                log.error("source failed %d times in a row: %s — %s", failures, outcome.url, outcome.reason)
            elif not result.temporary:
                log.error("source failed: %s — %s (this will not pass by itself)", outcome.url, outcome.reason)
            else:
                log.warning("source failed: %s — %s", outcome.url, outcome.reason)
        else:
            log.debug("source %s: %s, %d events", outcome.url, result.status, len(events))
        return outcome, events

    async def _commit(
        self, source: SourceConfig, watches: Sequence[Watch], result: SourceResult, now: dt.datetime,
        next_due: dt.datetime | None,
    ) -> tuple[list[Event], int]:
        """Store one read, the facts it changes and the events they cause, in one transaction.

        Returns the events and the source's failures in a row after this read.
        """
        # An unchanged read may share its commit with the next ones (a batch, in check):
        # it queues an alert only with the facts that cause it, and those commit at once.
        async with self.store.transaction(batched=result.status == "unchanged"):
            # A watch is new until each of its sources has been read once: what
            # those first reads find was already known, not news (announce_existing).
            # Whether this source was is one more column of the row saving it reads
            # (SavedResult.known_before); only a watch with other sources asks about
            # them, so a one-source watch costs no query (benchmarks/README.md).
            others = {s.id for w in watches for s in w.sources} - {source.id}
            unread = others - await self.store.known_sources(others) if others else set()
            saved = await self.store.save_source_result(source.id, source.stored_url, source.kind, result, now,
                                                        next_due)
            if not saved.known_before:
                unread.add(source.id)
            new_watches = {w.key for w in watches if unread & {s.id for s in w.sources}}
            events = (await self._reconcile(watches, saved, now, new_watches,
                                            unchanged=result.status == "unchanged")
                      + await self._ops_events(source, result, saved, now))
            events = [self._secret_free_event(e) for e in events]
            if events:
                await self.store.enqueue(events, self._routes, now, await self._pacing(events, now))
        return events, saved.consecutive_failures

    async def _reconcile(
        self, watches: Sequence[Watch], saved: SavedResult, now: dt.datetime, new_watches: set[str],
        *, unchanged: bool,
    ) -> list[Event]:
        events: list[Event] = []
        settings = self.config.settings
        # Two sources of one watch may be read at once by two workers: one rewrites its facts at a time.
        await self.store.lock_watches([w.key for w in watches if w.key in saved.targets])
        for watch in watches:
            if watch.key not in saved.targets:
                continue
            # The same content read again can only matter to a change still waiting for
            # a second read (Facts.pending); otherwise the facts are what they were.
            if unchanged and await self.store.facts_settled(watch.key):
                continue
            previous = await self.store.facts(watch.key, for_update=True)
            # Sources removed from the watchlist no longer count as evidence.
            current = {s.id for s in watch.sources}
            observations = [o for o in await self.store.observations(watch.key) if o.source_id in current]
            facts = reconcile(observations, previous, now)
            found = diff(previous, facts, watch.target, announce_existing=settings.announce_existing,
                         new_watch=previous is None or watch.key in new_watches)
            await self.store.save_facts(watch.key, facts, now)
            events += [
                dataclasses.replace(e, tags=watch.tags) for e in found
                if e.kind != "rumour" or settings.rumour_alerts
            ]
        return events

    async def _ops_events(
        self, source: SourceConfig, result: SourceResult, saved: SavedResult, now: dt.datetime
    ) -> list[Event]:
        """One alert to ``ops`` notifiers after N failures in a row, one when it recovers."""
        label = self.mask(source.url)
        if result.status == "failed":
            if saved.consecutive_failures >= self.config.settings.failure_alert_after and not saved.failing_alerted:
                await self.store.set_failing_alerted(source.id, True)
                return [Event(kind="source_failing", watch=source.id, label=label, new=now.isoformat(),
                              change=str(saved.consecutive_failures), evidence=self.mask(result.reason),
                              source_url=label)]
            return []
        if saved.failing_alerted:
            await self.store.set_failing_alerted(source.id, False)
            return [Event(kind="source_recovered", watch=source.id, label=label, new=now.isoformat(),
                          change=str(saved.previous_failures), source_url=label)]
        return []

    # -- routing and delivery ----------------------------------------------------

    def _routes(self, event: Event) -> list[tuple[str, int]]:
        return notify.route(event, self.config.notifiers)

    def _notifiers(self) -> dict[str, notify.NotifierConfig]:
        # Read from the current config each time: a reload replaces it.
        return {n.name: n for n in self.config.notifiers}

    def _daily_caps(self) -> dict[str, int]:
        """Each watch's alerts-per-day cap: its own, else [settings]."""
        return {w.key: w.max_alerts_per_day or self.config.settings.max_alerts_per_day
                for w in self.config.watches}

    async def _pacing(
        self, events: Sequence[Event], now: dt.datetime
    ) -> Callable[[str, Event], dt.datetime | None]:
        """Quiet hours, digests and each watch's daily cap, as ``store.enqueue`` wants them."""
        notifiers = self._notifiers()
        caps = self._daily_caps()
        by_watch: dict[str, list[Event]] = {}
        for event in events:
            by_watch.setdefault(event.watch, []).append(event)
        # Counted before enqueue so the events being recorded don't count against themselves;
        # a day is the notifier's (from its midnight), as the hold releases at its next one.
        zones = {n.timezone for n in notifiers.values()}
        today = {(watch, tz): await self.store.count_events_since(watch, notify.day_start(now, tz))
                 for watch in by_watch for tz in zones}
        holds = {
            watch: notify.pacing(notifiers, now, group, daily_cap=caps.get(watch),
                                 count_today=lambda w, tz: today[(w, tz)])
            for watch, group in by_watch.items()
        }
        return lambda name, event: holds[event.watch](name, event)

    async def _rehold(self, now: dt.datetime) -> None:
        """Bring held alerts forward when the pacing that held them has been relaxed.

        Holds are computed when an alert is queued; an operator who then removes
        quiet hours or a digest (and reloads) expects the held alerts to go out,
        not to wait for a window that no longer exists.  Never delays anything.
        """
        notifiers = self._notifiers()
        caps = self._daily_caps()
        for row in await self.store.held_deliveries(now):
            notifier = notifiers.get(row.notifier)
            if notifier is None:
                continue  # delivery reports it once it is due
            cap = caps.get(row.event.watch)
            day = functools.partial(notify.day_start, tz_name=notifier.timezone)
            earlier = await self.store.events_earlier_that_day(row.event_id, day) if cap else 0
            when = notify.hold_until(notifier, row.event, now, alerts_today=earlier, daily_cap=cap)
            if when is None or when < row.next_attempt:
                await self.store.hurry(row.id, when or now)

    async def deliver(self) -> notify.DeliveryReport:
        """Send what is due from the outbox; failures stay queued for later."""
        async with self._delivering:
            await self._rehold(self.clock())
            notifiers = self._notifiers()
            report = await notify.deliver(self.store, notifiers, self.transport, self.clock(),
                                          secrets=self.config.secrets)
        for f in report.failures:
            log.warning("delivery to %s (%s) failed, will retry: %s", f.notifier, f.url, self.mask(f.reason))
        return report
