"""Calendar arithmetic for the grammar: dates resolved against the anchor.

The next given day on or after the anchor, which year a month or a season
falls in, the n-th weekday of a month, Easter, Thanksgiving and the other US
holidays.  Pure functions of dates; no text.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract.grammar.lexicon import normalise


def valid_date(year: int, month: int, day: int | None = None) -> FuzzyDate | None:
    try:
        return FuzzyDate(year, month, day)
    except ValueError:
        return None


def day_on_or_after(anchor: dt.date, month: int, day: int, weekday: int | None = None) -> dt.date | None:
    """The next ``month``/``day`` on or after ``anchor``; a printed weekday may pick last year's."""
    nxt: dt.date | None = None
    for year in range(anchor.year, anchor.year + 9):  # 29 February needs a leap year
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if cand >= anchor:
            nxt = cand
            break
    if nxt is None:
        return None
    if weekday is not None and nxt.weekday() != weekday:
        for year in (nxt.year - 1, nxt.year + 1):
            try:
                other = dt.date(year, month, day)
            except ValueError:
                continue
            if other.weekday() == weekday:
                return other
    return nxt


def next_day_of_month(anchor: dt.date, day: int, weekday: int | None = None) -> dt.date | None:
    """The first ``day`` of a month on or after ``anchor`` (within a year) that falls on
    ``weekday`` when one is given: "Sunday the 13th", "lands on the 13th"."""
    year, month = anchor.year, anchor.month
    for _ in range(13):
        if valid_date(year, month, day) is not None:
            d = dt.date(year, month, day)
            if d >= anchor and (weekday is None or d.weekday() == weekday):
                return d
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def month_year(anchor: dt.date, month: int, past: bool) -> int:
    if past:
        return anchor.year if month <= anchor.month else anchor.year - 1
    return anchor.year if month >= anchor.month else anchor.year + 1


def _season_span(year: int, sub: int) -> tuple[dt.date, dt.date]:
    fd = FuzzyDate(year, sub)
    return fd.start(), fd.end()


def _this_season_year(anchor: dt.date, sub: int) -> int:
    # Winter YYYY runs December YYYY - February YYYY+1: said in January,
    # "this winter" is the one that began last December.
    if sub == 24 and anchor.month <= 2:
        return anchor.year - 1
    return anchor.year


def season_year(anchor: dt.date, sub: int, rel: str) -> int:
    if rel == "this":
        return _this_season_year(anchor, sub)
    if rel == "next":  # the first one that starts after the anchor
        year = anchor.year - 1
        while _season_span(year, sub)[0] <= anchor:
            year += 1
        return year
    if rel == "last":  # the latest one that ended before the anchor
        year = anchor.year + 1
        while _season_span(year, sub)[1] >= anchor:
            year -= 1
        return year
    if rel == "past":  # the current one, else the latest that ended
        year = anchor.year + 1
        while _season_span(year, sub)[0] > anchor:
            year -= 1
        return year
    # upcoming: the current one, else the next
    year = anchor.year - 1
    while _season_span(year, sub)[1] < anchor:
        year += 1
    return year


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).weekday() == weekday]
    if nth == -1:
        return dt.date(year, month, days[-1])
    if nth > len(days):
        return None
    return dt.date(year, month, days[nth - 1])


def _easter(year: int) -> dt.date:
    # Anonymous Gregorian computus (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _thanksgiving(year: int) -> dt.date:
    d = nth_weekday(year, 11, 3, 4)
    assert d is not None  # every November has four Thursdays
    return d


def _nth(year: int, month: int, weekday: int, nth: int) -> dt.date:
    d = nth_weekday(year, month, weekday, nth)
    assert d is not None  # nth <= 4 or last: always exists
    return d


# Holiday key -> date in a given year (US holidays, and the UK's Easter and Scottish New Year's Eve).
HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "newyearsday": lambda y: dt.date(y, 1, 1),
    "newyearseve": lambda y: dt.date(y, 12, 31),
    "mlkday": lambda y: _nth(y, 1, 0, 3),
    "valentinesday": lambda y: dt.date(y, 2, 14),
    "presidentsday": lambda y: _nth(y, 2, 0, 3),
    "stpatricksday": lambda y: dt.date(y, 3, 17),
    "easter": _easter,
    "goodfriday": lambda y: _easter(y) - dt.timedelta(days=2),
    "eastermonday": lambda y: _easter(y) + dt.timedelta(days=1),
    "mothersday": lambda y: _nth(y, 5, 6, 2),
    "memorialday": lambda y: _nth(y, 5, 0, -1),
    "fathersday": lambda y: _nth(y, 6, 6, 3),
    "juneteenth": lambda y: dt.date(y, 6, 19),
    "independenceday": lambda y: dt.date(y, 7, 4),
    "laborday": lambda y: _nth(y, 9, 0, 1),
    "halloween": lambda y: dt.date(y, 10, 31),
    "veteransday": lambda y: dt.date(y, 11, 11),
    "thanksgiving": _thanksgiving,
    "thanksgivingeve": lambda y: _thanksgiving(y) - dt.timedelta(days=1),
    "blackfriday": lambda y: _thanksgiving(y) + dt.timedelta(days=1),
    "christmaseve": lambda y: dt.date(y, 12, 24),
    "christmas": lambda y: dt.date(y, 12, 25),
    "boxingday": lambda y: dt.date(y, 12, 26),
}


def resolve_holiday(key: str, anchor: dt.date, how: str) -> dt.date:
    fn = HOLIDAYS[key]
    if how == "this":
        return fn(anchor.year)
    if how == "next":
        return next(fn(y) for y in range(anchor.year, anchor.year + 3) if fn(y) > anchor)
    if how in ("last", "past"):
        return next(fn(y) for y in range(anchor.year, anchor.year - 3, -1) if fn(y) < anchor)
    return next(fn(y) for y in range(anchor.year, anchor.year + 3) if fn(y) >= anchor)


_YREL_OFFSET = {"this": 0, "last": -1, "next": 1, "that": 0, "the same": 0, "the following": 1,
                "the previous": -1}


def year_from_yrel(yrel: str, anchor: dt.date | None) -> tuple[int | None, int | None]:
    """(year from the anchor, offset from the text's last explicit year)."""
    key = normalise(yrel)
    off = _YREL_OFFSET[key]
    if key in ("this", "last", "next"):
        return (anchor.year + off if anchor else None), None
    return None, off
