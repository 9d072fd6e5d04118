"""When a notifier may get an alert: now, after quiet hours, at the next digest, or tomorrow.

Held alerts are never dropped; the outbox keeps them until their time.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, time, timedelta

from premiere_watch.model import Event
from premiere_watch.notify.routing import OPS_KINDS, NotifierConfig
from premiere_watch.schedule import Schedule, crontab_trigger


def _interval(text: str) -> timedelta:
    # The watchlist validated it with Schedule.parse: the same reading, so a
    # digest interval the checker accepted can never fail here mid-pass.
    seconds = Schedule.parse(text).seconds
    assert seconds is not None, "cron digests are handled by the caller"
    return timedelta(seconds=seconds)


def as_utc(moment: datetime) -> datetime:
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
    now = as_utc(now)
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
    wall = as_utc(moment).astimezone(tz).replace(tzinfo=None)
    if not _in_quiet(wall.time(), quiet):
        return None
    end = datetime.combine(wall.date(), quiet[1])
    if end <= wall:
        end += timedelta(days=1)
    return _local(end, tz)


def day_start(moment: datetime, tz_name: str = "UTC") -> datetime:
    """The midnight in ``tz_name`` that began ``moment``'s day (aware UTC).

    The one notion of a day for the daily cap: alerts are counted from the
    notifier's midnight and held ones released at its next one.
    """
    return _midnight(moment, tz_name, 0)


def next_midnight(now: datetime, tz_name: str = "UTC") -> datetime:
    return _midnight(now, tz_name, 1)


def _midnight(moment: datetime, tz_name: str, days: int) -> datetime:
    tz = zoneinfo.ZoneInfo(tz_name)
    wall = as_utc(moment).astimezone(tz).replace(tzinfo=None)
    return _local(datetime.combine(wall.date() + timedelta(days=days), time(0)), tz)


def hold_until(
    notifier: NotifierConfig,
    event: Event,
    now: datetime,
    *,
    alerts_today: int = 0,
    daily_cap: int | None = None,
) -> datetime | None:
    """When this notifier may get ``event``: None for now, else an aware UTC time.

    ``alerts_today`` is how many alerts the event's watch already queued
    today, the notifier's day (``store.count_events_since(watch,
    day_start(now, notifier.timezone))``, plus earlier events of the same
    batch); at ``daily_cap`` the rest wait for the notifier's next midnight.  A
    digest notifier holds until its next digest time.  Quiet hours push any
    of these to the end of the quiet period.  ``test`` events skip all of it:
    whoever runs test-notify wants to see it now.
    """
    if event.kind == "test":
        return None
    now = as_utc(now)
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
    count_today: Callable[[str, str], int] = lambda watch, tz_name: 0,
) -> Callable[[str, Event], datetime | None]:
    """The ``hold_until(notifier_name, event)`` callable ``store.enqueue`` wants.

    Call it BEFORE ``enqueue`` with the batch's ``events``: today's counts per
    watch and notifier time zone (``count_today(watch, tz_name)``, the alerts
    since ``day_start(now, tz_name)``) are read up front, so the events being
    recorded do not count against themselves; within the batch the cap
    applies in event order.
    """
    zones = {n.timezone for n in notifiers.values()}
    base = {(e.watch, tz): count_today(e.watch, tz) for e in events if e.kind not in OPS_KINDS | {"test"}
            for tz in zones}
    order: dict[str, list[str]] = {}

    def hold(name: str, event: Event) -> datetime | None:
        notifier = notifiers.get(name)
        if notifier is None:
            return None
        keys = order.setdefault(event.watch, [])
        if event.key not in keys:
            keys.append(event.key)
        today = base.get((event.watch, notifier.timezone), 0) + keys.index(event.key)
        return hold_until(notifier, event, now, alerts_today=today, daily_cap=daily_cap)

    return hold


