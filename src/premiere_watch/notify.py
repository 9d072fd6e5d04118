"""Who gets an alert, when, and delivering it through Apprise exactly once.

* ``route`` picks the (notifier, target) pairs an event goes to.
* ``hold_until`` decides when: now, the next digest time, the end of quiet
  hours, or tomorrow once a watch has used its daily cap.  Held alerts are
  never dropped; the outbox keeps them until then.
* ``deliver`` drains the due outbox rows.  Each Apprise URL is its own target
  with its own retry state, so a failing webhook is retried alone and a mail
  that already went out is never sent again.

Delivery goes through a small ``Transport`` seam (like httpx's): the real
``AppriseTransport`` or ``MemoryTransport``/``ConsoleTransport`` for tests
and ``premiere-watch demo``.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import re
import sys
import threading
import urllib.parse
import zoneinfo
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any, Literal, Protocol, TextIO

from premiere_watch.messages import (
    TEMPLATE_FIELDS,
    Format,
    Message,
    render,
    render_digest,
    validate_template,
)
from premiere_watch.model import Event
from premiere_watch.redact import mask_secrets
from premiere_watch.schedule import crontab_trigger, parse_duration

__all__ = [
    "TEMPLATE_FIELDS",
    "AppriseTransport",
    "ConsoleTransport",
    "DeliveryReport",
    "MemoryTransport",
    "NotifierConfig",
    "SendOutcome",
    "Transport",
    "body_format_for",
    "deliver",
    "hold_until",
    "mask_secrets",
    "pacing",
    "parse_quiet_hours",
    "redact_url",
    "retry_delay",
    "route",
    "validate_template",
]

OPS_KINDS = frozenset({"source_failing", "source_recovered"})
OPS_TAG = "ops"


@dataclass(frozen=True)
class NotifierConfig:
    """One ``[[notifier]]`` table: where alerts go and how they are paced."""

    name: str
    urls: tuple[str, ...]  # Apprise URLs, secrets already substituted
    tags: tuple[str, ...] = ()
    mode: Literal["instant", "digest"] = "instant"
    digest: str | None = None  # "1d", "12h" or "cron: 0 9 * * *"
    quiet_hours: tuple[time, time] | None = None  # (22:00, 07:00) spans midnight
    timezone: str = "UTC"  # for quiet hours, digest times and the daily cap
    format: Literal["auto", "markdown", "html", "text"] = "auto"
    title_template: str | None = None
    body_template: str | None = None
    max_attempts: int = 8


def body_format_for(notifier: NotifierConfig, url: str) -> Format:
    """``auto`` is HTML for mail (mailto/mailtos), Markdown for everything else."""
    if notifier.format != "auto":
        return notifier.format
    scheme = url.split("://", 1)[0].lower()
    return "html" if scheme in ("mailto", "mailtos") else "markdown"


def parse_quiet_hours(text: str) -> tuple[time, time]:
    """``"22:00-07:00"`` → (22:00, 07:00).  The window may span midnight."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", text)
    if not m:
        raise ValueError(f'cannot read "{text}" as quiet hours — write HH:MM-HH:MM, like "22:00-07:00"')
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise ValueError(f'"{text}" is not a time of day — hours go 00..23, minutes 00..59')
    start, end = time(h1, m1), time(h2, m2)
    if start == end:
        raise ValueError(f'quiet hours "{text}" start and end at the same time — give a window')
    return start, end


# -- routing -------------------------------------------------------------------


def route(
    event: Event, notifiers: Mapping[str, NotifierConfig] | Iterable[NotifierConfig]
) -> list[tuple[str, int]]:
    """(notifier name, URL index) pairs that should receive ``event``.

    Apprise's rule: an untagged watch alerts untagged notifiers; a tagged one
    alerts notifiers sharing at least one tag.  Ops events go only to
    notifiers tagged ``ops``.  A ``test`` event carries the ``--tag`` filter
    in ``event.tags``; without one it goes everywhere.
    """
    configs = list(notifiers.values()) if isinstance(notifiers, Mapping) else list(notifiers)
    wanted = set(event.tags)
    out: list[tuple[str, int]] = []
    for n in configs:
        tags = set(n.tags)
        if event.kind in OPS_KINDS:
            ok = OPS_TAG in tags
        elif event.kind == "test":
            ok = not wanted or bool(tags & wanted)
        else:
            ok = bool(tags & wanted) if wanted else not tags
        if ok:
            out.extend((n.name, i) for i in range(len(n.urls)))
    return out


# -- pacing --------------------------------------------------------------------

def _interval(text: str) -> timedelta:
    try:
        seconds = parse_duration(text)
    except ValueError:
        raise ValueError(f'cannot read "{text}" as a digest interval — like "1d", "12h" or "cron: 0 9 * * *"') from None
    if seconds < 60:
        raise ValueError(f'digest interval "{text}" is shorter than a minute')
    return timedelta(seconds=seconds)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:  # the store and pipeline use naive UTC or aware datetimes
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _local(naive: datetime, tz: zoneinfo.ZoneInfo) -> datetime:
    """Wall-clock time in ``tz`` → aware UTC (a time skipped by DST moves forward)."""
    aware = naive.replace(tzinfo=tz)
    back = aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    if back != naive:  # in a spring-forward gap: take the first real instant after it
        aware = (naive + timedelta(hours=1)).replace(tzinfo=tz)
    return aware.astimezone(UTC)


def next_digest(schedule: str, now: datetime, tz_name: str = "UTC") -> datetime:
    """Next time a digest goes out after ``now`` (aware UTC).

    Intervals are anchored at local midnight ("6h" → 00:00, 06:00, 12:00,
    18:00), so digests arrive at predictable times; ``cron: …`` uses
    APScheduler's crontab reading in the notifier's zone.
    """
    tz = zoneinfo.ZoneInfo(tz_name)
    now = _utc(now)
    text = schedule.strip()
    if text.lower().startswith("cron:"):
        trigger = crontab_trigger(text.split(":", 1)[1].strip(), tz)
        fire: datetime | None = trigger.get_next_fire_time(None, now + timedelta(microseconds=1))
        if fire is None:
            raise ValueError(f'cron "{text}" never fires again')
        return fire.astimezone(UTC)
    step = _interval(text)
    wall = now.astimezone(tz).replace(tzinfo=None)
    day = timedelta(days=1)
    if step >= day:  # whole days: anchored at the first midnight of the epoch
        epoch = datetime(1970, 1, 1)
        k = (wall - epoch) // step + 1
        return _local(epoch + k * step, tz)
    midnight = wall.replace(hour=0, minute=0, second=0, microsecond=0)
    k = (wall - midnight) // step + 1
    candidate = midnight + k * step
    return _local(min(candidate, midnight + day), tz)


def _in_quiet(local: time, quiet: tuple[time, time]) -> bool:
    start, end = quiet
    if start < end:
        return start <= local < end
    return local >= start or local < end


def quiet_end(quiet: tuple[time, time], moment: datetime, tz_name: str = "UTC") -> datetime | None:
    """When the quiet period containing ``moment`` ends (aware UTC), or None if not quiet."""
    tz = zoneinfo.ZoneInfo(tz_name)
    wall = _utc(moment).astimezone(tz).replace(tzinfo=None)
    if not _in_quiet(wall.time(), quiet):
        return None
    end = datetime.combine(wall.date(), quiet[1])
    if end <= wall:
        end += timedelta(days=1)
    return _local(end, tz)


def next_midnight(now: datetime, tz_name: str = "UTC") -> datetime:
    tz = zoneinfo.ZoneInfo(tz_name)
    wall = _utc(now).astimezone(tz).replace(tzinfo=None)
    return _local(datetime.combine(wall.date() + timedelta(days=1), time(0)), tz)


def hold_until(
    notifier: NotifierConfig,
    event: Event,
    now: datetime,
    *,
    alerts_today: int = 0,
    daily_cap: int | None = None,
) -> datetime | None:
    """When this notifier may get ``event``: None for now, else an aware UTC time.

    ``alerts_today`` is how many alerts the event's watch already queued today
    (``store.count_events_today(watch, now)``, plus earlier events of the
    same batch); at ``daily_cap`` the rest wait for the next local day.  A
    digest notifier holds until its next digest time.  Quiet hours push any
    of these to the end of the quiet period.  ``test`` events skip all of it:
    whoever runs test-notify wants to see it now.
    """
    if event.kind == "test":
        return None
    now = _utc(now)
    at = now
    if daily_cap is not None and alerts_today >= daily_cap and event.kind not in OPS_KINDS:
        at = next_midnight(now, notifier.timezone)
    if notifier.mode == "digest":
        at = next_digest(notifier.digest or "1d", at - timedelta(microseconds=1), notifier.timezone)
    if notifier.quiet_hours is not None:
        at = quiet_end(notifier.quiet_hours, at, notifier.timezone) or at
    return None if at <= now else at


def pacing(
    notifiers: Mapping[str, NotifierConfig],
    now: datetime,
    events: Sequence[Event] = (),
    *,
    daily_cap: int | None = None,
    count_today: Callable[[str], int] = lambda watch: 0,
) -> Callable[[str, Event], datetime | None]:
    """The ``hold_until(notifier_name, event)`` callable ``store.enqueue`` wants.

    Call it BEFORE ``enqueue`` with the batch's ``events``: today's counts
    (``lambda w: store.count_events_today(w, now)``) are read up front, so the
    events being recorded do not count against themselves; within the batch
    the cap applies in event order.
    """
    base = {e.watch: count_today(e.watch) for e in events if e.kind not in OPS_KINDS | {"test"}}
    order: dict[str, list[str]] = {}

    def hold(name: str, event: Event) -> datetime | None:
        notifier = notifiers.get(name)
        if notifier is None:
            return None
        keys = order.setdefault(event.watch, [])
        if event.key not in keys:
            keys.append(event.key)
        today = base.get(event.watch, 0) + keys.index(event.key)
        return hold_until(notifier, event, now, alerts_today=today, daily_cap=daily_cap)

    return hold


# -- transports ------------------------------------------------------------------


@dataclass(frozen=True)
class SendOutcome:
    """How one send to one Apprise URL went; ``reason`` is short and secret-free."""

    ok: bool
    reason: str = ""


class Transport(Protocol):
    async def send(self, url: str, title: str, body: str, body_format: Format) -> SendOutcome: ...


_HOSTNAME = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def url_secrets(url: str) -> list[str]:
    """The parts of an Apprise URL that may be credentials, to mask in reasons.

    Apprise puts tokens anywhere: password, user, even the "host"
    (``tgram://BOTTOKEN/chat``), path segments (``discord://id/token``) and
    query values.  Every piece of 6+ characters that is not a dotted host
    name or an e-mail address counts; the password counts at any length.
    """
    _, _, rest = url.partition("://")
    rest = rest.split("#", 1)[0]
    location, _, query = rest.partition("?")
    found = [p for p in re.split(r"[/@:]", location) if len(p) >= 6 and not _HOSTNAME.match(p)]
    with contextlib.suppress(ValueError):
        password = urllib.parse.urlsplit(url).password
        if password and len(password) >= 3:
            found.append(password)
    found += [v for _, v in urllib.parse.parse_qsl(query) if len(v) >= 6 and "@" not in v
              and not _HOSTNAME.match(v)]
    return sorted({*found, *(urllib.parse.unquote(f) for f in found)}, key=len, reverse=True)


def redact_url(url: str) -> str:
    """An Apprise URL safe to show: Apprise's own privacy form, else scheme://host/…"""
    with contextlib.suppress(Exception):
        import apprise

        plugin = apprise.Apprise.instantiate(url)
        if plugin is not None:
            return str(plugin.url(privacy=True))  # type: ignore[no-untyped-call]
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}/…"


def _short(text: str, secrets: Sequence[str], limit: int = 200) -> str:
    text = " ".join(mask_secrets(text, secrets).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AppriseTransport:
    """Sends through Apprise, one ``Apprise`` object per URL (cached).

    Apprise's ``notify`` blocks (SMTP, HTTP), so it runs in a worker thread;
    every exception is turned into a failed ``SendOutcome``.
    """

    def __init__(self, timeout: float = 60.0, app_id: str = "premiere-watch") -> None:
        self.timeout = timeout
        self.app_id = app_id
        self._cache: dict[str, Any] = {}
        self._lock = threading.Lock()

    def _apprise(self, url: str) -> Any:
        import apprise

        with self._lock:
            if url not in self._cache:
                # The asset names the sender where services show one (mail X-Application, ...).
                asset = apprise.AppriseAsset(app_id=self.app_id, app_desc="premiere-watch alerts")
                obj = apprise.Apprise(asset=asset)
                # None marks a URL Apprise cannot use, so it is not re-parsed each time.
                self._cache[url] = obj if obj.add(url) else None
            return self._cache[url]

    def _send(self, url: str, title: str, body: str, body_format: Format) -> SendOutcome:
        secrets = url_secrets(url)
        try:
            obj = self._apprise(url)
            if obj is None:
                return SendOutcome(False, f"Apprise cannot use this URL ({redact_url(url)})")
            result = obj.notify(body=body, title=title, body_format=body_format, timeout=self.timeout)
            with result:
                if bool(result):
                    return SendOutcome(True)
                return SendOutcome(False, _short(_reason(result), secrets))
        except Exception as exc:  # a plugin bug must not stop the other targets
            return SendOutcome(False, _short(f"{type(exc).__name__}: {exc}", secrets))

    async def send(self, url: str, title: str, body: str, body_format: Format) -> SendOutcome:
        return await asyncio.to_thread(self._send, url, title, body, body_format)


def _reason(result: Any) -> str:
    """The most telling line of a failed AppriseResult."""
    status = getattr(result.status, "name", str(result.status))
    for service in result.results:
        if bool(service):
            continue
        messages = [e.message for e in service.logs() if e.level in ("WARNING", "ERROR", "CRITICAL")]
        detail = messages[-1] if messages else getattr(service.status, "name", "failed").lower()
        return f"{service.name}: {detail}"
    calls = [e.message for e in result.call_logs()]
    return f"{status.lower()}: {calls[-1]}" if calls else status.lower()


@dataclass(frozen=True)
class Sent:
    url: str
    title: str
    body: str
    body_format: Format


@dataclass
class MemoryTransport:
    """Collects what each target would receive; ``fail`` scripts failures.

    ``fail[url] = ["HTTP 500", "HTTP 500"]`` makes the next two sends to
    ``url`` fail with those reasons, then succeed.
    """

    sent: list[Sent] = field(default_factory=list)
    fail: dict[str, list[str]] = field(default_factory=dict)

    async def send(self, url: str, title: str, body: str, body_format: Format) -> SendOutcome:
        if self.fail.get(url):
            return SendOutcome(False, self.fail[url].pop(0))
        self.sent.append(Sent(url, title, body, body_format))
        return SendOutcome(True)


class ConsoleTransport:
    """Prints what a fan would receive (``premiere-watch demo``)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    async def send(self, url: str, title: str, body: str, body_format: Format) -> SendOutcome:
        out = self.stream or sys.stdout
        rule = "─" * 60
        out.write(f"{rule}\nto: {redact_url(url)}\n{title}\n\n{body}\n{rule}\n")
        out.flush()
        return SendOutcome(True)


# -- delivery ----------------------------------------------------------------------


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

    def due_deliveries(self, now: datetime) -> Sequence[DeliveryRow]: ...
    def mark_sending(self, ids: Sequence[int], now: datetime) -> None: ...
    def mark_sent(self, ids: Sequence[int], now: datetime) -> None: ...
    def mark_failed(self, id: int, error: str, next_attempt: datetime | None, now: datetime) -> None: ...


@dataclass(frozen=True)
class TargetFailure:
    notifier: str
    target: int
    url: str  # redacted
    reason: str  # masked


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
) -> DeliveryReport:
    """Send every due outbox row once; failed targets back off on their own.

    Rows are grouped per (notifier, target).  A digest notifier gets one
    combined message per target; an instant one gets each event in the order
    it was queued.  Rows are marked sending (committed) before the send and
    sent right after, so a target that already has an alert never gets it
    again.  Order per target is kept across failures: when a send fails, the
    target's later rows wait for the same retry time, and rows queued later
    wait behind any earlier row still in backoff.
    """
    report = DeliveryReport()
    groups: dict[tuple[str, int], list[DeliveryRow]] = {}
    blockers = _retrying(store, now)
    for row in store.due_deliveries(now):
        notifier = notifiers.get(row.notifier)
        if notifier is None or not 0 <= row.target < len(notifier.urls):
            # Config changed under queued alerts: park them as dead (revivable), say why.
            reason = f"notifier {row.notifier!r} target {row.target} is no longer configured"
            store.mark_failed(row.id, reason, None, now)
            report.dead += 1
            continue
        blocker = blockers.get((row.notifier, row.target))
        if blocker is not None and (_utc(blocker.created), blocker.id) < (_utc(row.created), row.id):
            store.mark_failed(row.id, "waiting: an earlier alert to this target is being retried",
                              blocker.next_attempt, now)
            report.waiting += 1
            continue
        groups.setdefault((row.notifier, row.target), []).append(row)

    limit = asyncio.Semaphore(max(concurrency, 1))

    async def run(key: tuple[str, int], rows: list[DeliveryRow]) -> None:
        async with limit:
            await _deliver_target(store, notifiers[key[0]], key[1], rows, transport, now, rand, report)

    # Let every target finish (and record its outcome) before surfacing a store error.
    results = await asyncio.gather(*(run(key, rows) for key, rows in groups.items()),
                                   return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return report


def _retrying(store: Outbox, now: datetime) -> dict[tuple[str, int], DeliveryRow]:
    """The oldest row per target that failed and waits for its retry.

    Rows held by quiet hours or digests have no error and block nothing.
    Backoff is at most ~66 minutes, so a two-hour look-ahead sees them all.
    """
    out: dict[tuple[str, int], DeliveryRow] = {}
    for row in store.due_deliveries(now + timedelta(hours=2)):
        if row.status == "pending" and row.last_error and _utc(row.next_attempt) > _utc(now):
            out.setdefault((row.notifier, row.target), row)
    return out


def _batches(notifier: NotifierConfig, fmt: Format, rows: list[DeliveryRow]) -> list[_Batch]:
    rows = sorted(rows, key=lambda r: (_utc(r.created), r.id))
    if notifier.mode == "digest":
        events = [r.event for r in rows]
        msg = render_digest(events, fmt, notifier.title_template, notifier.body_template)
        return [_Batch(rows, msg)]
    return [
        _Batch([r], render(r.event, fmt, notifier.title_template, notifier.body_template)) for r in rows
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
) -> None:
    url = notifier.urls[target]
    secrets = url_secrets(url)
    batches = _batches(notifier, body_format_for(notifier, url), rows)
    for i, batch in enumerate(batches):
        ids = [r.id for r in batch.rows]
        store.mark_sending(ids, now)
        try:
            outcome = await transport.send(url, batch.message.title, batch.message.body,
                                           batch.message.body_format)
        except Exception as exc:  # a transport must not take down the other targets
            outcome = SendOutcome(False, f"{type(exc).__name__}: {exc}")
        if outcome.ok:
            store.mark_sent(ids, now)
            report.sent += len(ids)
            report.messages += 1
            continue
        reason = _short(outcome.reason or "failed", secrets)
        report.failures.append(TargetFailure(notifier.name, target, redact_url(url), reason))
        retry_at = now + retry_delay(max(r.attempts for r in batch.rows) + 1, rand())
        for row in batch.rows:
            if row.attempts + 1 >= notifier.max_attempts:
                store.mark_failed(row.id, reason, None, now)
                report.dead += 1
            else:
                store.mark_failed(row.id, reason, retry_at, now)
                report.failed += 1
        # Later alerts to this target wait behind the failed one, untried.
        for later in batches[i + 1:]:
            for row in later.rows:
                store.mark_failed(row.id, f"waiting: an earlier alert to this target failed ({reason})",
                                  retry_at, now)
                report.waiting += 1
        return
