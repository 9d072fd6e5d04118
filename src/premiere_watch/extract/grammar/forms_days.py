"""Forms for a single day: "2016-09-02", "9/2/16", "Thu 6/27", "September 2,
2016", "Friday, Sept. 2", "the 10th of April", "the final Tuesday of September".
"""

from __future__ import annotations

import datetime as dt
import re

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract.grammar.calendar import (
    day_on_or_after,
    next_day_of_month,
    nth_weekday,
    valid_date,
    year_from_yrel,
)
from premiere_watch.extract.grammar.context import (
    VERB_BEFORE,
    VERB_BEFORE_YEAR,
    WEEKDAY_BEFORE,
    WEEKDAY_BEFORE_NUM,
    bad_before_month,
    bad_before_number,
    char_before,
    label_before,
    read_prefix,
    units_follow,
)
from premiere_watch.extract.grammar.lexicon import (
    FULL_WEEKDAY,
    NEEDS_DAY_SPELLED,
    NEEDS_MONTH,
    NEEDS_WEEKDAY,
    NEEDS_WEEKDAY_NAME,
    ORDINAL_NUM,
    UNIT_NOUNS,
    YREL,
    day_of,
    day_rx,
    month_of,
    month_rx,
    weekday_of,
    year_rx,
)
from premiere_watch.extract.grammar.registry import Candidate, Form, ScanContext, registrar

FORMS: list[Form] = []
form = registrar(FORMS)

# -- numeric dates ------------------------------------------------------------------


# ("2025.03.12 10:41 KST": East Asian sites write the year first with dots.)
@form(r"(?P<y>1[89]\d\d|2[01]\d\d)(?P<s>[-/.])(?P<mo>0[1-9]|1[0-2])(?P=s)(?P<d>[0-3]\d)(?![\d/\-]|\.\d)", prio=8,
      needs=(("-", "/", "."),))
def _iso(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    if bad_before_number(ctx.text, m.start()):
        return None
    fd = valid_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return [Candidate(m.start(), m.end(), fd, False, "")] if fd else None


@form(
    rf"(?P<a>\d\d?)/(?P<b>\d\d?)(?:/(?P<y>\d{{4}}|\d\d))?(?![\d/]|\.\d|c\b|\s*(?:{UNIT_NOUNS}))",
    # "10.04.24" on a teaser card; all parts two digits, so "2.0.1" is not one
    r"(?P<a>\d\d)\.(?P<b>\d\d)\.(?P<y>\d{4}|\d\d)(?!\d|\.\d)",
    # "Only in theaters 12.18.": a poster's month and day, read only after a release word (below)
    rf"(?P<a>\d\d?)\.(?P<b>\d\d)(?![\d%]|\.\d|\s*(?:{UNIT_NOUNS}))",
    prio=8,
)
def _numeric(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    text = ctx.text
    if bad_before_number(text, m.start()):
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    dotted = "." in m.group(0)
    y = m.groupdict().get("y")  # (the poster's dotted form has no year group)
    # The page's order (US month first unless it writes days first); a number over 12
    # cannot be a month, whatever the order.  "08.05.2023" is European: day first, unless the
    # page shows it writes the month first.
    dayfirst = ctx.dayfirst or (ctx.dayfirst is None and dotted and len(y or "") == 4)
    if (dayfirst and b <= 12) or a > 12:
        a, b = b, a
    if y:
        year = int(y) if len(y) == 4 else 2000 + int(y) if int(y) < 70 else 1900 + int(y)
        month, day = a, b
        fd = valid_date(year, month, day)
        return [Candidate(m.start(), m.end(), fd, False, "")] if fd else None
    # A bare "6/27" is a date only next to a weekday ("Thu 6/27") or after
    # "on" / a release verb ("Coming 9/4"); elsewhere it is a score, a ratio
    # or "24/7".
    lo = max(0, m.start() - 16)
    wdm = WEEKDAY_BEFORE_NUM.search(text, lo, m.start())
    # (A dotted "12.18" is a decimal but for a release word: "on 12.18" can be a score.)
    if wdm is None and (VERB_BEFORE_YEAR if dotted else VERB_BEFORE).search(text, lo, m.start()) is None:
        return None
    if ctx.anchor is None or not (1 <= a <= 12 and 1 <= b <= 31):
        return None
    wd = weekday_of(wdm.group("wd")) if wdm else None
    d = day_on_or_after(ctx.anchor, a, b, wd)
    if d is None:
        return None
    return [Candidate(wdm.start() if wdm else m.start(), m.end(), FuzzyDate.from_date(d), True, "")]


_FILM_TAIL = re.compile(r"\s*(?:Part\b|:\s*[A-Z]|\(\d{4}\)|[\"”’'])")


# "Sunday the 13th", "Thursday 9th", "Wednesday 26": a day plan names the weekday and the day of
# the month only (not "Wednesday 10pm").
@form(r"(?<![A-Za-z])(?P<wd>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)),?\s+(?:the\s+)?"
      r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?i:am|pm|a\.m|p\.m)\b|[:.,]\d|\s*%|"
      r"\s+(?!at\b|from\b|until\b|to\b|and\b|or\b|of\b|on\b)[a-z])", prio=6,
      needs=(NEEDS_WEEKDAY_NAME,))
def _weekday_the_nth(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    if ctx.anchor is None or _FILM_TAIL.match(ctx.text, m.end()) or char_before(ctx.text, m.start()) in "\"“‘'":
        return None  # "Friday the 13th Part VII", "‘Friday the 13th’": the films
    # The next such day on or after the page's date whose weekday fits (within a year).
    d = next_day_of_month(ctx.anchor, int(m.group("d")), weekday_of(m.group("wd")))
    return [Candidate(m.start(), m.end(), FuzzyDate.from_date(d), True, "")] if d else None


# "26.12." on a German listing: day and month, each closed by its dot, the year left out.
# Every match has a digit after a dot (the month's first), which English prose seldom has:
# "." alone is in every block.
@form(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?![\d.]|[^\S\n]*\d)", prio=7,
      needs=(tuple(f".{digit}" for digit in range(10)),))
def _german_day_month(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    if not ctx.dayfirst or ctx.anchor is None or bad_before_number(ctx.text, m.start()):
        return None
    day, month = int(m.group("d")), int(m.group("mo"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    d = day_on_or_after(ctx.anchor, month, day)
    return [Candidate(m.start(), m.end(), FuzzyDate.from_date(d), True, "")] if d else None


# -- day month [year] -----------------------------------------------------------------

_YEAR_SUFFIX = rf"(?:(?:,\s*|\s+){year_rx('year')}|,?\s+(?:of\s+)?{YREL})?"


@form(
    rf"{day_rx('day', spelled=True)}\s+(?:of\s+)?{month_rx('mon')}{_YEAR_SUFFIX}",  # twenty-first of June
    prio=6,
    needs=(NEEDS_MONTH, NEEDS_DAY_SPELLED),
)
@form(
    rf"{month_rx('mon')}\s*{day_rx('day')}{_YEAR_SUFFIX}",  # September 2, Sept. 2nd, 2016
    rf"{day_rx('day', spelled=False)}\s+(?:of\s+)?{month_rx('mon')}{_YEAR_SUFFIX}",  # 2 September 2016
    rf"(?:the|The)\s+{day_rx('day')}\s+of\s+{month_rx('mon')}{_YEAR_SUFFIX}",  # the 10th of April
    rf"{month_rx('mon')}\s+the\s+(?P<day>[0-3]?\d(?:st|nd|rd|th))\b{_YEAR_SUFFIX}",  # May the 4th
    rf"{day_rx('day', spelled=False)}\.\s+{month_rx('mon')}{_YEAR_SUFFIX}",  # 26. Dezember 2024 (German)
    prio=6,
    needs=(NEEDS_MONTH,),
)
def _month_day(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    text = ctx.text
    month, day = month_of(m.group("mon")), day_of(m.group("day"))
    if not 1 <= day <= 31:
        return None
    first = m.start()
    if first == m.start("mon"):
        if bad_before_month(text, first):
            return None
    elif first == m.start("day") and (char_before(text, first).isdigit() or label_before(text, first)):
        return None  # "Season 2 May ...", "critic_99 Apr 29"
    if m.group("year") is None and m.group("yrel") is None and units_follow(text, m.end("day")):
        return None  # "May 4 episodes"
    wdm = WEEKDAY_BEFORE.search(text, max(0, first - 16), first)
    wd = weekday_of(wdm.group("wd")) if wdm else None
    pre = read_prefix(text, wdm.start() if wdm else first)
    qual = pre.cue_qual

    def out(fd: FuzzyDate, relative: bool) -> list[Candidate]:
        # A weekday that does not fit the date is a show's name ("Wednesday").
        fits = wdm is not None and fd.day is not None and dt.date(fd.year, month, fd.day).weekday() == wd
        start = pre.start if pre.cue_qual else (wdm.start() if fits and wdm else first)
        return [Candidate(start, m.end(), fd, relative, qual)]

    if m.group("year"):
        fd = valid_date(int(m.group("year")), month, day)
        return out(fd, False) if fd else None
    if m.group("yrel"):
        year, offset = year_from_yrel(m.group("yrel"), ctx.anchor)
        if offset is not None:
            start = pre.start if pre.cue_qual else (wdm.start() if wdm else first)
            return [Candidate(start, m.end(), None, False, qual, pending=(month, day, offset))]
        if year is None:
            return None
        fd = valid_date(year, month, day)
        return out(fd, True) if fd else None
    if ctx.anchor is None:
        return None
    d = day_on_or_after(ctx.anchor, month, day, wd)
    return out(FuzzyDate.from_date(d), True) if d else None


# -- the n-th weekday of a month -------------------------------------------------


@form(
    rf"""(?P<ord>first|First|second|Second|third|Third|fourth|Fourth|fifth|Fifth|last|Last|final|Final
    |1st|2nd|3rd|4th|5th)\s+{FULL_WEEKDAY.format(n='wd')}\s+(?i:of|in)\s+{month_rx('mon')}(?:,?\s+{year_rx('year')})?""",
    prio=6,
    needs=(NEEDS_WEEKDAY, NEEDS_MONTH),
)
def _nth_weekday_form(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    text = ctx.text
    if char_before(text, m.start()).isalnum():
        return None
    pre = read_prefix(text, m.start())
    start = pre.the_at if pre.the and not pre.cue_qual else pre.qstart  # "the final Tuesday of September"
    nth = ORDINAL_NUM[m.group("ord").lower()]
    wd, month = weekday_of(m.group("wd")), month_of(m.group("mon"))
    if m.group("year"):
        d = nth_weekday(int(m.group("year")), month, wd, nth)
        return [Candidate(start, m.end(), FuzzyDate.from_date(d), False, pre.cue_qual)] if d else None
    if ctx.anchor is None:
        return None
    for year in (ctx.anchor.year, ctx.anchor.year + 1):
        d = nth_weekday(year, month, wd, nth)
        if d is not None and d >= ctx.anchor:
            return [Candidate(start, m.end(), FuzzyDate.from_date(d), True, pre.cue_qual)]
    return None


# "on the last Friday of this month", "the first Monday of next month": the month the page's date names.
@form(
    rf"""(?P<ord>first|First|second|Second|third|Third|fourth|Fourth|fifth|Fifth|last|Last|final|Final
    |1st|2nd|3rd|4th|5th)\s+{FULL_WEEKDAY.format(n='wd')}\s+(?i:of|in)\s+(?P<rel>(?i:this|next))\s+(?i:month)\b""",
    prio=6,
    needs=(NEEDS_WEEKDAY, ("month",)),
)
def _nth_weekday_of_this_month(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    if ctx.anchor is None or char_before(ctx.text, m.start()).isalnum():
        return None
    pre = read_prefix(ctx.text, m.start())
    start = pre.the_at if pre.the and not pre.cue_qual else pre.qstart
    year, month = ctx.anchor.year, ctx.anchor.month
    if m.group("rel").lower() == "next":
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    d = nth_weekday(year, month, weekday_of(m.group("wd")), ORDINAL_NUM[m.group("ord").lower()])
    return [Candidate(start, m.end(), FuzzyDate.from_date(d), True, pre.cue_qual)] if d else None
