"""Forms for ranges and pairs: "2009-2011", "Aug. 18-20", "June and July 2025",
"from March 15 to March 22, 2019".
"""

from __future__ import annotations

import datetime as dt
import re

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract.grammar.calendar import day_on_or_after, valid_date
from premiere_watch.extract.grammar.context import (
    WEEKDAY_BEFORE,
    bad_before_month,
    bad_before_number,
    join_qualifiers,
    label_before,
    read_prefix,
    units_follow,
)
from premiere_watch.extract.grammar.lexicon import (
    NEEDS_MONTH,
    WEEKDAY,
    day_of,
    day_rx,
    expand_yy,
    month_of,
    month_rx,
    weekday_of,
    year_rx,
)
from premiere_watch.extract.grammar.registry import Candidate, Form, ScanContext, registrar

FORMS: list[Form] = []
form = registrar(FORMS)

# "to" never makes a range: "moved from March 1 to March 15" is a move, and
# the reader needs "from" and "to" on separate mentions to tell which is which.
@form(rf"{year_rx('y1')}\s*(?P<sep>[-–—]|through|thru|and)\s*{year_rx('y2')}(?![-–—/]\d)", prio=9)
def _year_range(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    text = ctx.text
    if bad_before_number(text, m.start()) or label_before(text, m.start()):
        return None
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not y1 < y2 <= y1 + 100 or units_follow(text, m.end()):
        return None
    if m.group("sep") == "and" and read_prefix(text, m.start()).cue != "between":
        return None  # "in 2009 and 2011" are two years, not a range
    return [
        Candidate(m.start("y1"), m.end("y1"), FuzzyDate(y1), False, "range"),
        Candidate(m.start("y2"), m.end("y2"), FuzzyDate(y2), False, "range"),
    ]


@form(
    rf"""{month_rx('m1')}\s*{day_rx('d1')}\s*(?:[-–—]|through|thru)\s*(?:{month_rx('m2')}\s*)?{day_rx('d2')}
    (?:(?:,\s*|\s+){year_rx('year')})?""",
    prio=9,
    needs=(NEEDS_MONTH, ("-", "–", "—", "thr")),
)
def _day_range(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    if bad_before_month(ctx.text, m.start()):
        return None
    m1 = month_of(m.group("m1"))
    m2 = month_of(m.group("m2")) if m.group("m2") else m1
    d1, d2 = day_of(m.group("d1")), day_of(m.group("d2"))
    if m.group("year") is None and units_follow(ctx.text, m.end("d2")):
        return None
    if m2 == m1 and d2 <= d1:
        return None
    if m.group("year"):
        y2 = int(m.group("year"))
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
        a, b = valid_date(y1, m1, d1), valid_date(y2, m2, d2)
        rel = False
    else:
        if ctx.anchor is None:
            return None
        first = day_on_or_after(ctx.anchor, m1, d1)
        if first is None:
            return None
        second = day_on_or_after(first, m2, d2)
        a = FuzzyDate.from_date(first)
        b = FuzzyDate.from_date(second) if second else None
        rel = True
    if a is None or b is None:
        return None
    return [
        Candidate(m.start(), m.end("d1"), a, rel, "range"),
        Candidate(m.start("m2") if m.group("m2") else m.start("d2"), m.end(), b, rel, "range"),
    ]


@form(
    rf"""{month_rx('m1')}\s*(?P<sep>[-–—]|and|or|to|through|until|into)\s*{month_rx('m2')}(?:,?\s+|\s+of\s+)
    (?:{year_rx('year')}|['’](?P<yy>\d\d)(?!\d))""",
    prio=9,
    needs=(NEEDS_MONTH,),
)
def _month_pair(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # "June and July 2025", "June–August 2025": the year belongs to both.
    if bad_before_month(ctx.text, m.start()):
        return None
    m1, m2 = month_of(m.group("m1")), month_of(m.group("m2"))
    year = int(m.group("year")) if m.group("year") else expand_yy(m.group("yy"))
    qual = "range" if m.group("sep") in ("-", "–", "—", "through") else ""
    pre = read_prefix(ctx.text, m.start())
    return [
        Candidate(pre.qstart, m.end("m1"), FuzzyDate(year - (m1 > m2), m1), False,
                  join_qualifiers(pre.qualifier(), qual)),
        Candidate(m.start("m2"), m.end(), FuzzyDate(year, m2), False, qual),
    ]


@form(
    rf"""{month_rx('m1')}\s*{day_rx('d1')}\s*(?P<sep>to|and|or|until|then)\s+
    (?:{WEEKDAY.format(n='wd2')},?\s+)?{month_rx('m2')}\s*{day_rx('d2')}(?:,\s*|\s+){year_rx('year')}""",
    prio=9,
    needs=(NEEDS_MONTH,),
)
def _day_pair(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # "from March 15 to Friday, March 22, 2019", "June 22 and June 29, 2024":
    # the year printed once belongs to both days.
    text = ctx.text
    if bad_before_month(text, m.start()):
        return None
    m1, m2 = month_of(m.group("m1")), month_of(m.group("m2"))
    d1, d2 = day_of(m.group("d1")), day_of(m.group("d2"))
    y2 = int(m.group("year"))
    second = valid_date(y2, m2, d2)
    if second is None:
        return None
    # The first day's year: the one that puts it nearest the second (a move or
    # a span rarely covers most of a year).
    options = [fd for fd in (valid_date(y2, m1, d1), valid_date(y2 - 1, m1, d1)) if fd is not None]
    if not options:
        return None
    first = min(options, key=lambda fd: abs((fd.start() - second.start()).days))
    wdm = WEEKDAY_BEFORE.search(text, max(0, m.start() - 16), m.start())
    pre = read_prefix(text, wdm.start() if wdm else m.start())
    fits = wdm is not None and dt.date(first.year, m1, d1).weekday() == weekday_of(wdm.group("wd"))
    start = pre.start if pre.cue_qual else (wdm.start() if fits and wdm else m.start())
    return [
        Candidate(start, m.end("d1"), first, False, pre.cue_qual),
        Candidate(m.start("wd2") if m.group("wd2") else m.start("m2"), m.end(), second, False, ""),
    ]
