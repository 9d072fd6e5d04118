"""When things are due: durations ("6h"), intervals and crontab lines.

Shared by the watchlist (check intervals), the daemon (job triggers) and
notifier pacing (digest times), so "6h" and "cron: 0 9 * * 1" mean the same
everywhere.  APScheduler 3 reads crontab weekday numbers as 0 = Monday
(agronholm/apscheduler#455, fixed only in 4.x); :func:`crontab_trigger` gives
them their crontab meaning (0 or 7 = Sunday) by turning them into day names.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

# No duration the program reads (an interval, a digest period, a delay) is longer
# than a year: a longer one is a typo, and would overflow datetime arithmetic.
MAX_DURATION = 366 * 86400.0
MAX_DURATION_TEXT = "366d"
# A cron expression must fire within this many years: "0 0 29 2 *" fires every
# leap year (up to 8 years apart, across 2100); "0 0 31 2 *" never does.
CRON_HORIZON_YEARS = 9


def parse_duration(text: str) -> float:
    """``"90s"``, ``"30m"``, ``"6h"``, ``"1d"``, ``"1h30m"`` → seconds (at most a year)."""
    compact = text.strip().lower().replace(" ", "")
    parts = _DURATION.findall(compact)
    if not compact or "".join(n + u for n, u in parts) != compact:
        raise ValueError(
            f'cannot read "{text}" as a duration — write a number and a unit s, m, h or d, like "30m" or "6h"'
        )
    seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds > MAX_DURATION:
        raise ValueError(f'"{text}" is longer than a year — use at most "{MAX_DURATION_TEXT}"')
    return seconds


def duration_check(most: str) -> Callable[[Any], str | None]:
    """A :class:`~premiere_watch.keys.Key` check: a duration of at most ``most``."""
    limit = parse_duration(most)

    def check(value: Any) -> str | None:
        try:
            seconds = parse_duration(value)
        except ValueError as exc:
            return str(exc)
        return None if seconds <= limit else f'"{value}" is too long — use at most "{most}"'

    return check


def schedule_check(value: Any) -> str | None:
    """A :class:`~premiere_watch.keys.Key` check: an interval or a cron expression that fires."""
    try:
        Schedule.parse(value)
    except ValueError as exc:
        return str(exc)
    return None


_DOW = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def _dow_number(text: str) -> int:
    if text.isdigit() and int(text) <= 7:
        return int(text)
    if text[:3].lower() in _DOW:
        return _DOW.index(text[:3].lower())
    raise ValueError(f"not a day of week: {text!r}")


def crontab_dow(field: str) -> str:
    """A crontab day-of-week field (0 or 7 = Sunday) as APScheduler 3 day names.

    APScheduler 3's ``from_crontab`` reads numbers as 0 = Monday, so
    ``0 9 * * 1`` would fire on Tuesdays (agronholm/apscheduler#455, fixed
    only in 4.x).  Names mean the same to both, so numbers become names.
    """
    if not re.search(r"\d", field):
        return field
    days: set[int] = set()
    for item in field.split(","):
        span, _, step = item.partition("/")
        stride = int(step) if step else 1
        if span == "*":
            lo, hi = 0, 6
        elif "-" in span:
            lo, hi = (_dow_number(x) for x in span.split("-", 1))
        else:
            lo = _dow_number(span)
            hi = 6 if step else lo  # "1/2": from Monday, every second day
        if hi < lo or stride < 1:
            raise ValueError(f"bad day-of-week range: {item!r}")
        days.update(d % 7 for d in range(lo, hi + 1, stride))
    return ",".join(_DOW[d] for d in sorted(days))


def crontab_trigger(expr: str, tz: zoneinfo.ZoneInfo | str = "UTC") -> Any:
    """APScheduler 3 ``CronTrigger`` for a standard five-field crontab line."""
    from apscheduler.triggers.cron import CronTrigger

    fields = expr.split()
    if len(fields) != 5:
        raise ValueError(f'"{expr}" needs five fields: minute hour day month day-of-week')
    minute, hour, day, month, dow = fields
    return CronTrigger(minute=minute, hour=hour, day=day, month=month, day_of_week=crontab_dow(dow),
                       timezone=tz)


@dataclass(frozen=True)
class Schedule:
    """When something is due: every ``seconds`` or on a ``cron`` expression."""

    text: str
    seconds: float | None = None
    cron: str | None = None

    @classmethod
    def parse(cls, text: str) -> Schedule:
        if text.strip().lower().startswith("cron:"):
            expr = text.split(":", 1)[1].strip()
            try:
                trigger = crontab_trigger(expr)
            except ValueError as exc:
                raise ValueError(
                    f'bad cron expression "{expr}" ({exc}) — write five fields, like "cron: 0 */6 * * *"'
                ) from None
            now = dt.datetime.now(dt.UTC)
            fire = trigger.get_next_fire_time(None, now)
            if fire is None or fire > now.replace(year=now.year + CRON_HORIZON_YEARS, month=1, day=1):
                raise ValueError(f'cron expression "{expr}" never fires (no such day) — check the day '
                                 'and month fields, like "cron: 0 9 1 * *" for the 1st of each month')
            return cls(text, cron=expr)
        seconds = parse_duration(text)
        if seconds < 1:
            raise ValueError(f'"{text}" is shorter than one second — use at least "1s"')
        return cls(text, seconds=seconds)

    def next_after(self, moment: dt.datetime) -> dt.datetime:
        """The first due time after ``moment`` (no jitter: the scheduler adds it)."""
        if self.seconds is not None:
            return moment + dt.timedelta(seconds=self.seconds)
        assert self.cron is not None
        fire: dt.datetime | None = crontab_trigger(self.cron).get_next_fire_time(None, moment)
        return fire if fire is not None else moment + dt.timedelta(days=1)
