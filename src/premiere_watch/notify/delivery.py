"""Draining the outbox: each Apprise URL is its own target with its own retry state,
so a failing webhook is retried alone and a mail that already went out is never
sent again.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from premiere_watch.messages import (
    Message,
    render,
    render_digest,
)
from premiere_watch.model import Event
from premiere_watch.notify.pacing import as_utc
from premiere_watch.notify.routing import NotifierConfig
from premiere_watch.notify.targets import body_format_for, redact_target, title_format_for
from premiere_watch.notify.transports import SendOutcome, Transport, short_reason
from premiere_watch.redact import url_secrets
from premiere_watch.store.records import WAITING


class DeliveryRow(Protocol):
    """The fields of a ``store.Delivery`` that delivery reads."""

    @property
    def id(self) -> int: ...
    @property
    def event(self) -> Event: ...
    @property
    def notifier(self) -> str: ...
    @property
    def target(self) -> int: ...
    @property
    def attempts(self) -> int: ...
    @property
    def created(self) -> datetime: ...
    @property
    def status(self) -> str: ...
    @property
    def next_attempt(self) -> datetime: ...
    @property
    def last_error(self) -> str: ...


class Outbox(Protocol):
    """The part of the store's outbox API that delivery uses."""

    async def due_deliveries(self, now: datetime) -> Sequence[DeliveryRow]: ...
    async def claim_deliveries(self, now: datetime) -> Sequence[DeliveryRow]: ...
    async def mark_sending(self, ids: Sequence[int], now: datetime) -> None: ...
    async def mark_sent(self, ids: Sequence[int], now: datetime) -> None: ...
    async def mark_failed(self, id: int, error: str, next_attempt: datetime | None, now: datetime) -> None: ...


@dataclass(frozen=True)
class TargetFailure:
    notifier: str
    target: int
    url: str  # redacted
    reason: str  # masked
    permanent: bool = False  # not retried: the target cannot work as configured


@dataclass
class DeliveryReport:
    """What one ``deliver`` pass did, counted in outbox rows (one per event and target)."""

    sent: int = 0
    failed: int = 0  # will be retried
    dead: int = 0  # gave up; ``revive_dead`` re-queues them
    messages: int = 0  # messages actually sent (a digest is one)
    waiting: int = 0  # due, but kept behind an earlier alert still retrying for that target
    failures: list[TargetFailure] = field(default_factory=list)


def retry_delay(attempts: int, rand: float = 0.0) -> timedelta:
    """Backoff after the ``attempts``-th failure: 1m, 2m, 4m … capped at 1h, +≤10% jitter."""
    base = min(60.0 * 2 ** max(attempts - 1, 0), 3600.0)
    return timedelta(seconds=base * (1 + 0.1 * rand))


@dataclass
class _Batch:
    """One message to one target, standing for one or more outbox rows."""

    rows: list[DeliveryRow]
    message: Message


async def deliver(
    store: Outbox,
    notifiers: Mapping[str, NotifierConfig],
    transport: Transport,
    now: datetime,
    *,
    concurrency: int = 4,
    rand: Callable[[], float] = random.random,
    secrets: Collection[str] = (),
) -> DeliveryReport:
    """Send every due outbox row once; failed targets back off on their own.

    Rows are grouped per (notifier, target).  A digest notifier gets one
    combined message per target; an instant one gets each event in the order
    it was queued.  Rows are marked sending (committed) before the send and
    sent right after, so a target that already has an alert never gets it
    again.  Order per target is kept across failures: when a send fails, the
    target's later rows wait for the same retry time, and rows queued later
    wait behind any earlier row still in backoff; a target Apprise cannot
    use fails for good at once.  ``secrets`` (the watchlist's) are masked in
    every stored error, as is whatever in a URL looks like a credential.
    """
    report = DeliveryReport()
    groups: dict[tuple[str, int], list[DeliveryRow]] = {}
    blockers = await _retrying(store, now)
    for row in await store.claim_deliveries(now):
        notifier = notifiers.get(row.notifier)
        if notifier is None or not 0 <= row.target < len(notifier.urls):
            # Config changed under queued alerts: park them as dead (revivable), say why.
            reason = f"notifier {row.notifier!r} target {row.target} is no longer configured"
            await store.mark_failed(row.id, reason, None, now)
            report.dead += 1
            continue
        blocker = blockers.get((row.notifier, row.target))
        if blocker is not None and (as_utc(blocker.created), blocker.id) < (as_utc(row.created), row.id):
            await store.mark_failed(row.id, WAITING + "an earlier alert to this target is being retried",
                                    blocker.next_attempt, now)
            report.waiting += 1
            continue
        groups.setdefault((row.notifier, row.target), []).append(row)

    limit = asyncio.Semaphore(max(concurrency, 1))

    async def run(key: tuple[str, int], rows: list[DeliveryRow]) -> None:
        async with limit:
            await _deliver_target(store, notifiers[key[0]], key[1], rows, transport, now, rand, report,
                                  secrets)

    # Let every target finish (and record its outcome) before surfacing a store error.
    results = await asyncio.gather(*(run(key, rows) for key, rows in groups.items()),
                                   return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return report


async def _retrying(store: Outbox, now: datetime) -> dict[tuple[str, int], DeliveryRow]:
    """The oldest row per target that failed and waits for its retry.

    Rows held by quiet hours or digests have no error and block nothing.
    Backoff is at most ~66 minutes, so a two-hour look-ahead sees them all.
    """
    out: dict[tuple[str, int], DeliveryRow] = {}
    for row in await store.due_deliveries(now + timedelta(hours=2)):
        if row.status == "pending" and row.last_error and as_utc(row.next_attempt) > as_utc(now):
            out.setdefault((row.notifier, row.target), row)
    return out


def _batches(notifier: NotifierConfig, url: str, rows: list[DeliveryRow]) -> list[_Batch]:
    rows = sorted(rows, key=lambda r: (as_utc(r.created), r.id))
    fmt = body_format_for(notifier, url)
    title_fmt = title_format_for(url, fmt)
    if notifier.mode == "digest":
        events = [r.event for r in rows]
        msg = render_digest(events, fmt, notifier.title_template, notifier.body_template, title_fmt)
        return [_Batch(rows, msg)]
    return [
        _Batch([r], render(r.event, fmt, notifier.title_template, notifier.body_template, title_fmt))
        for r in rows
    ]


async def _deliver_target(
    store: Outbox,
    notifier: NotifierConfig,
    target: int,
    rows: list[DeliveryRow],
    transport: Transport,
    now: datetime,
    rand: Callable[[], float],
    report: DeliveryReport,
    known: Collection[str],
) -> None:
    url = notifier.urls[target]
    secrets = [*url_secrets(url), *known]
    batches = _batches(notifier, url, rows)
    for i, batch in enumerate(batches):
        ids = [r.id for r in batch.rows]
        await store.mark_sending(ids, now)
        try:
            outcome = await transport.send(url, batch.message.title, batch.message.body,
                                           batch.message.body_format)
        except Exception as exc:  # a transport must not take down the other targets
            outcome = SendOutcome(False, f"{type(exc).__name__}: {exc}")
        if outcome.ok:
            await store.mark_sent(ids, now)
            report.sent += len(ids)
            report.messages += 1
            continue
        reason = short_reason(outcome.reason or "failed", secrets)
        report.failures.append(TargetFailure(notifier.name, target, redact_target(url, known), reason,
                                             outcome.permanent))
        retry_at = now + retry_delay(max(r.attempts for r in batch.rows) + 1, rand())
        for row in batch.rows:
            if outcome.permanent or row.attempts + 1 >= notifier.max_attempts:
                await store.mark_failed(row.id, reason, None, now)
                report.dead += 1
            else:
                await store.mark_failed(row.id, reason, retry_at, now)
                report.failed += 1
        # Later alerts to this target wait behind the failed one, untried.
        for later in batches[i + 1:]:
            for row in later.rows:
                await store.mark_failed(row.id, f"{WAITING}an earlier alert to this target failed ({reason})",
                                        retry_at, now)
                report.waiting += 1
        return
