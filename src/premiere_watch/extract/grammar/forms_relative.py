"""Forms read against the anchor: "next year", "this month", "later this
year", "the new year", "by year's end", "the holiday season", "this Friday",
"this weekend", "today", "in two weeks", and the holidays ("Thanksgiving",
"Memorial Day weekend", "the day before Thanksgiving").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract.grammar.calendar import HOLIDAYS, resolve_holiday
from premiere_watch.extract.grammar.context import char_before, join_qualifiers, read_prefix, title_run_before
from premiere_watch.extract.grammar.lexicon import (
    FULL_WEEKDAY,
    HOLIDAY,
    NEEDS_WEEKDAY,
    NEEDS_WEEKDAY_NAME,
    NUMBER_WORDS,
    SPACE,
    holiday_key,
    normalise,
    weekday_of,
    year_rx,
)
from premiere_watch.extract.grammar.registry import Candidate, Form, ScanContext, registrar

FORMS: list[Form] = []
form = registrar(FORMS)

# -- relative years, months, weekdays, days ------------------------------------


@form(
    r"""(?P<rel>this|This|THIS|next|Next|NEXT|last|Last|LAST|the\s+following|the\s+previous|the|The)
    \s+(?P<unit>year|Year|month|Month)(?![\w])(?!\s+(?:old|ago))""",
    prio=4,
    needs=(("year", "month"),),
)
def _relative_year_month(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    pre = read_prefix(ctx.text, m.start())
    rel = normalise(m.group("rel"))
    unit = m.group("unit").lower()
    if rel == "the" and not (pre.pos and unit == "year" and not re.match(r"['’]s", ctx.text[m.end():])):
        # "the end of the year" only: "later in the month" is the month the
        # article is about, not necessarily the anchor's.
        return None
    if rel != "the" and char_before(ctx.text, m.start()).isalpha():
        return None
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    off = {"this": 0, "the": 0, "next": 1, "last": -1, "the following": 1, "the previous": -1}[rel]
    if unit == "year":
        fd = FuzzyDate(a.year + off)
    else:
        idx = a.year * 12 + a.month - 1 + off
        fd = FuzzyDate(idx // 12, idx % 12 + 1)
    return [Candidate(pre.start, m.end(), fd, True, pre.qualifier())]


@form(r"(?:the|The)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?P<rel>this|next|last)\s+month(?![\w])", prio=5,
      needs=(("month",),))
def _day_of_relative_month(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # "on the 29th of next month": that day of the month counted from the page's.
    if ctx.anchor is None:
        return None
    idx = ctx.anchor.year * 12 + ctx.anchor.month - 1 + {"this": 0, "next": 1, "last": -1}[m.group("rel")]
    try:
        day = dt.date(idx // 12, idx % 12 + 1, int(m.group("d")))
    except ValueError:
        return None  # "the 31st of next month" in a 30-day month is no day
    return [Candidate(m.start(), m.end(), FuzzyDate.from_date(day), True, "")]


@form(r"(?:the|The)\s+(?:new|New)\s+(?:year|Year)(?![\w'’])", prio=4, needs=(("new",), ("year",)))
def _new_year(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # "in the new year": said from June on it is next year (by summer nobody calls the year
    # under way new), earlier it is this one; either way its start.
    pre = read_prefix(ctx.text, m.start())
    if ctx.anchor is None or not (pre.cue or pre.pos):
        return None
    year = ctx.anchor.year + (ctx.anchor.month >= 6)
    start = pre.start if (pre.cue_qual or pre.pos) else m.start()
    return [Candidate(start, m.end(), FuzzyDate(year), True, join_qualifiers(pre.cue_qual, pre.pos or "early"))]


@form(r"(?P<ye>year['’]s\s+end|year-end|end\s+of\s+year)(?![\w-])", prio=4, needs=(("year",), ("end",)))
def _year_end(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # "by year's end", "before year-end": the anchor's year, late.  Needs a
    # cue: "year-end lists" is a kind of list.
    pre = read_prefix(ctx.text, m.start())
    if ctx.anchor is None or pre.cue not in ("by", "before", "until", "at", "toward", "towards", "around", "in",
                                              "no later than", "after", "through"):
        return None
    return [Candidate(pre.start, m.end(), FuzzyDate(ctx.anchor.year), True, join_qualifiers(pre.cue_qual, "late"))]


@form(rf"(?:the|The)\s+(?P<hs>holiday\s+season|holidays)(?![\w'’])(?:\s+(?:of\s+)?{year_rx('year')})?", prio=4,
      needs=(("holiday",),))
def _holiday_season(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # November-December: the grammar has no such window, so year + "late".
    if m.group("year"):
        return [Candidate(m.start(), m.end(), FuzzyDate(int(m.group("year"))), False, "late")]
    if ctx.anchor is None:
        return None
    pre = read_prefix(ctx.text, m.start())
    if m.group("hs") == "holidays" and pre.cue not in ("for", "before", "until", "by", "through", "over",
                                                       "during", "in time for"):
        return None  # "the holidays" needs a cue; "the holiday season" is a date on its own
    return [Candidate(m.start(), m.end(), FuzzyDate(ctx.anchor.year), True, "late")]


@form(
    rf"""(?P<rel>this|This|next|Next|last|Last|coming|Coming)\s+(?:(?P<sub>coming|past)\s+)?
    {FULL_WEEKDAY.format(n='wd')}(?![\w'’])""",
    prio=4,
    needs=(NEEDS_WEEKDAY,),
)
def _relative_weekday(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    text = ctx.text
    if char_before(text, m.start()).isalpha():
        return None
    rel_tok = m.group("rel")
    if rel_tok[0].isupper() and title_run_before(text, m.start()):
        return None  # "Ice Cube's Next Friday": the film, inside a title
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    wd = weekday_of(m.group("wd"))
    rel = normalise(rel_tok) if not m.group("sub") else normalise(m.group("sub"))
    if rel in ("this", "coming"):
        d = a + dt.timedelta(days=(wd - a.weekday()) % 7)
    elif rel == "next":
        monday = a - dt.timedelta(days=a.weekday()) + dt.timedelta(days=7)
        d = monday + dt.timedelta(days=wd)
    else:  # last, this past: the latest one strictly before the anchor
        d = a - dt.timedelta(days=(a.weekday() - wd) % 7 or 7)
    pre = read_prefix(text, m.start())
    return [Candidate(pre.start if pre.cue_qual else m.start(), m.end(), FuzzyDate.from_date(d), True,
                  pre.cue_qual)]


# Verbs, not nouns: "its release schedule on Tuesday" dates an update, "opens on Friday" a release.
_RELEASED_ON = re.compile(r"\b(?:open(?:s|ed)|premier(?:es|ed)|arriv(?:es|ed)|debut(?:s|ed)|"
                          r"bow(?:s|ed)|land(?:s|ed)|drop(?:s|ped)|return(?:s|ed)|"
                          r"launch(?:es|ed)|releas(?:es|ed)|stream(?:s|ed)|air(?:s|ed)|"
                          r"hits|theaters|theatres|cinemas|screens)\b[^.;,]{0,80}$", re.I)


@form(
    rf"""(?:on|On)\s+{FULL_WEEKDAY.format(n='wd')}(?![\w'’])(?!,?\s+(?:the\s+)?\d|,?\s+(?i:jan|feb|mar|apr|may|jun|jul|
    aug|sep|oct|nov|dec))""",
    # not "a": "sets a Wednesday premiere in March" names a day of the week, not a date
    rf"""(?:its|their|the)\s+{FULL_WEEKDAY.format(n='wd')}\s+(?=(?:bow|opening|premiere|debut|release|launch|return)\b)""",
    # "opened Friday in 3,979 theaters", "premieres Sunday at 9": a release verb right before it
    rf"""\b(?:opened|opens|premiered|premieres|debuted|debuts|arrived|arrives|launched|launches|bowed|bows|"""
    rf"""returned|returns|landed|lands|dropped|drops)\s+{FULL_WEEKDAY.format(n='wd')}(?![\w'’])"""
    rf"""(?!,?\s+(?:the\s+)?\d|,?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))""",
    prio=3,
    needs=(NEEDS_WEEKDAY,),
)
def _bare_weekday(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # News writes the day of the week alone: "roared into theaters on Friday", "before its
    # Friday bow".  Read forward (the next one on or after the page's date); a past-tense
    # clause reads it back (qualifier "weekday", see claims).  "Wednesday" alone is also a
    # show: only "on" or a release noun makes it a day.
    if ctx.anchor is None:
        return None
    if m.group(0)[:2].lower() == "on" and not _RELEASED_ON.search(ctx.text, max(0, m.start() - 95), m.start()):
        return None  # "a press event on Thursday": most days of the week in news date the news
    wd = weekday_of(m.group("wd"))
    a = ctx.anchor
    d = a + dt.timedelta(days=(wd - a.weekday()) % 7)
    return [Candidate(m.start("wd"), m.end("wd"), FuzzyDate.from_date(d), True, "weekday")]


# German: "nächsten Mittwoch", "am kommenden Freitag", "heute in einer Woche"
_DE_WEEKDAY = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6}
_DE_COUNT = {"einer": 1, "zwei": 2, "drei": 3, "vier": 4}


@form(r"(?<![\w])(?i:nächsten|nächste|kommenden|kommende|diesen|diese)\s+"
      r"(?P<wd>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)(?![\w])", prio=3,
      needs=(tuple(_DE_WEEKDAY),))
def _german_weekday(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    if ctx.anchor is None:
        return None
    wd = _DE_WEEKDAY[m.group("wd").lower()]
    a = ctx.anchor
    d = a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7)
    return [Candidate(m.start(), m.end(), FuzzyDate.from_date(d), True, "")]


@form(r"(?<![\w])(?i:heute)\s+in\s+(?P<n>einer|zwei|drei|vier)\s+Wochen?(?![\w])", prio=4, needs=(("heute",),))
def _german_weeks_today(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    if ctx.anchor is None:
        return None
    d = ctx.anchor + dt.timedelta(weeks=_DE_COUNT[m.group("n").lower()])
    return [Candidate(m.start(), m.end(), FuzzyDate.from_date(d), True, "")]


@form(r"(?P<rel>this|This|next|Next|last|Last)\s+(?:(?P<sub>coming|past)\s+)?(?P<wk>weekend|Weekend)(?![\w'’])",
       prio=4, needs=(("weekend",),))
def _relative_weekend(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # A weekend is not a day; it is given as its Friday, the day releases
    # open and box-office weekends start, with the qualifier "weekend".
    # "this weekend" said on Saturday or Sunday is the one under way.
    text = ctx.text
    if ctx.anchor is None or char_before(text, m.start()).isalpha():
        return None
    if m.group("rel")[0].isupper() and title_run_before(text, m.start()):
        return None
    a = ctx.anchor
    friday = a - dt.timedelta(days=a.weekday()) + dt.timedelta(days=4)  # Friday of the anchor's week
    rel = normalise(m.group("sub") or m.group("rel"))
    off = {"this": 0, "coming": 0, "next": 7, "last": -7, "past": -7}[rel]
    if rel == "past" and a.weekday() >= 5:
        off = 0  # "this past weekend" said on Saturday or Sunday: the one under way
    pre = read_prefix(text, m.start())
    start = pre.start if pre.cue_qual else m.start()
    return [Candidate(start, m.end(), FuzzyDate.from_date(friday + dt.timedelta(days=off)), True,
                  join_qualifiers(pre.cue_qual, "weekend"))]


@form(r"(?P<w>today|tonight|tomorrow|yesterday|Today|Tonight|Tomorrow|Yesterday)(?![\w])", prio=4,
      needs=(("today", "tonight", "tomorrow", "yesterday"),))
def _today(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    text = ctx.text
    if ctx.anchor is None or char_before(text, m.start()).isalnum() or char_before(text, m.start()) in "'’":
        return None
    w = m.group("w")
    # "USA Today", "The Today Show", "Tomorrow Never Dies"
    if w[0].isupper() and (
        title_run_before(text, m.start()) or re.match(r"\s+(?:Show|Never|Is|I)\b", text[m.end():])
    ):
        return None
    off = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[w.lower()]
    return [Candidate(m.start(), m.end(), FuzzyDate.from_date(ctx.anchor + dt.timedelta(days=off)), True, "")]


@form(
    r"""(?:in|In)\s+(?:(?P<n>\d\d?)|(?P<nw>(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|
    eleven|twelve)))\s+(?P<unit>(?i:days?|weeks?|fortnights?|months?))(?:['’]?\s+time)?(?![\w])""",
    prio=4,
    needs=(("day", "week", "fortnight", "month"),),
)
def _in_n(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # "in two weeks", "in a month": approximate by nature, hence "around".
    if ctx.anchor is None or char_before(ctx.text, m.start()).isalnum():
        return None
    n = int(m.group("n")) if m.group("n") else NUMBER_WORDS[m.group("nw").lower()]
    unit = m.group("unit").lower().rstrip("s")
    a = ctx.anchor
    if unit == "month":
        idx = a.year * 12 + a.month - 1 + n
        fd = FuzzyDate(idx // 12, idx % 12 + 1)
    else:
        fd = FuzzyDate.from_date(a + dt.timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit]))
    # ... but "in 11 days" counts days: a day, exactly.
    return [Candidate(m.start(), m.end(), fd, True, "" if unit == "day" else "around")]


_COUNT = r"(?P<n>\d\d?)|(?P<nw>(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"


# The count opens the match, and "a" occurs everywhere: the lookbehind stops the
# scan from trying every letter inside a word (the handler would refuse those).
@form(
    rf"""(?<![^\W_])(?:{_COUNT})\s+(?P<unit>(?i:days?|weeks?|fortnights?|months?|years?))\s+(?:(?P<from>(?i:from))\s+)?
    (?P<base>(?i:today|tonight|tomorrow|now))(?![\w'’])""",
    prio=5,
    needs=(("day", "week", "fortnight", "month", "year"), ("today", "tonight", "tomorrow", "now")),
)
@form(
    rf"""(?<![^\W_])(?:{_COUNT})\s+(?P<unit>(?i:days?|weeks?|fortnights?))\s+(?P<on>(?i:on|from))\s+
    (?:(?i:this|next|the)\s+)?{FULL_WEEKDAY.format(n='wd')}(?![\w'’])""",
    prio=5,
    needs=(("day", "week", "fortnight"), NEEDS_WEEKDAY_NAME),
)
def _count_from(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # "a fortnight today", "three weeks today" (British: that many weeks after today),
    # "three weeks from today", "a week on Friday" (a week after the coming Friday).
    # Exact: a count from a named day.  "Three weeks from now" is a rounder figure.
    if ctx.anchor is None or char_before(ctx.text, m.start()).isalnum():
        return None
    n = int(m.group("n")) if m.group("n") else NUMBER_WORDS[m.group("nw").lower()]
    unit = m.group("unit").lower().rstrip("s")
    a = ctx.anchor
    if m.groupdict().get("wd"):
        wd = weekday_of(m.group("wd"))
        base = a + dt.timedelta(days=(wd - a.weekday()) % 7)
        qual = ""
    else:
        word = m.group("base").lower()
        base = a + dt.timedelta(days=1 if word == "tomorrow" else 0)
        qual = "around" if word == "now" else ""
    if unit in ("month", "year"):  # "a year from today": that day so many months on (or the month's last)
        year, month = divmod(base.year * 12 + base.month - 1 + n * (12 if unit == "year" else 1), 12)
        day = min(base.day, calendar.monthrange(year, month + 1)[1])
        return [Candidate(m.start(), m.end(), FuzzyDate(year, month + 1, day), True, qual)]
    days = n * {"day": 1, "week": 7, "fortnight": 14}[unit]
    return [Candidate(m.start(), m.end(), FuzzyDate.from_date(base + dt.timedelta(days=days)), True, qual)]


@form(
    rf"""(?<![\w'’]){FULL_WEEKDAY.format(n='wd')}\s+(?i:week)(?![\w'’-])""",
    prio=5,
    needs=(("week",), NEEDS_WEEKDAY_NAME),
)
def _weekday_week(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # British "Thursday week": a week after the coming Thursday ("not this Thursday, the one after").
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    wd = weekday_of(m.group("wd"))
    d = a + dt.timedelta(days=(wd - a.weekday()) % 7 + 7)
    return [Candidate(m.start(), m.end(), FuzzyDate.from_date(d), True, "")]


@form(
    rf"""(?<![\w'’]){FULL_WEEKDAY.format(n='wd')}\s+(?i:(?:of\s+)?next\s+week)(?![\w'’-])""",
    prio=5,
    needs=(("week",), NEEDS_WEEKDAY_NAME),
)
def _weekday_next_week(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # "Wednesday next week", "Wednesday of next week": that day of the calendar week after this one.
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    next_monday = a + dt.timedelta(days=7 - a.weekday())
    d = next_monday + dt.timedelta(days=weekday_of(m.group("wd")))
    return [Candidate(m.start(), m.end(), FuzzyDate.from_date(d), True, "")]


# -- holidays ---------------------------------------------------------------------


# "the Wednesday of Thanksgiving week", "the day before Thanksgiving"
_HOLIDAY_PRE = re.compile(
    # "the night before" is the day before: a release at 5 p.m. on the eve
    rf"(?<![\w])(?i:the){SPACE}+(?:{FULL_WEEKDAY.format(n='wd')}|(?P<dayw>(?i:day|night|evening|eve))){SPACE}+"
    rf"(?P<rel2>(?i:before|after|of)){SPACE}+$"
)
# After a weak holiday name, a capitalised word means a title ("Christmas
# Vacation", "Halloween Ends"); these lowercase nouns mean an adjective.
_HOLIDAY_ADJ = re.compile(
    r"\s*(?:[\"“]|\s[A-Z]|\s(?:movies?|films?|specials?|episodes?|songs?|albums?|trees?|cards?|carols?|markets?|"
    r"part(?:y|ies)|lights|music|themed|classics?|stor(?:y|ies)|spirit|costumes?|candy|eggs?|bunny|break|"
    r"vacation|dinner|table|miracle|romance|rom-com|shopping|sales?|ads?|commercials?|sweaters?|decorations?|"
    r"cookies|horror|franchise|sequel|remake|reboot|slasher|watch|viewing|binge|playlist|list|lineup|"
    r"slate|programming|edition|treats?|night|nights|event|events))"
)


@form(rf"{HOLIDAY}(?:\s+(?P<wk>(?i:weekend|week)))?(?:,?\s+{year_rx('year')})?", prio=5)
def _holiday(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    text = ctx.text
    if char_before(text, m.start()).isalpha():
        return None
    key, strong = holiday_key(m.group("hol"))
    year_tok = m.group("year")
    wk = (m.group("wk") or "").lower()
    hol_end = m.end("hol")
    pre_m = _HOLIDAY_PRE.search(text, max(0, m.start() - 24), m.start())
    pre = read_prefix(text, pre_m.start() if pre_m else m.start())
    if not strong and not (pre.cue or pre.rel or year_tok or pre_m or wk):
        return None
    if not year_tok and re.match(r",?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}\s+[A-Z])", text[m.end():m.end() + 16]):
        return None  # "Valentine's Day, February 14, 2019": the printed date says it
    if not strong and not year_tok and not wk and _HOLIDAY_ADJ.match(text, hol_end):
        return None  # "Christmas movies", "Halloween Ends"
    if not pre_m and pre.capital_in_title(text):
        return None  # "The Nightmare Before Christmas"
    if pre_m and pre_m.group("rel2").lower() == "of" and wk != "week" and (pre_m.group("dayw") or "").lower() != "eve":
        return None  # "the Wednesday of Thanksgiving" means nothing without "week"
    fn = HOLIDAYS[key]
    if year_tok:
        d = fn(int(year_tok))
    else:
        if ctx.anchor is None:
            return None
        if pre.rel == "this":
            how = "this"
        elif pre.rel in ("next", "coming", "this coming"):
            how = "next"
        elif pre.rel in ("last", "this past"):
            how = "last"
        else:
            how = "past" if pre.past else "upcoming"
        d = resolve_holiday(key, ctx.anchor, how)
    qual = pre.cue_qual
    start = pre.start
    if pre_m:
        start = pre_m.start() if not pre.cue_qual else pre.start
        rel2 = pre_m.group("rel2").lower()
        if pre_m.group("dayw"):
            eve = pre_m.group("dayw").lower() == "eve"  # "the eve of Thanksgiving"
            d = d + dt.timedelta(days=-1 if rel2 == "before" or eve else 1 if rel2 == "after" else 0)
        else:
            wd = weekday_of(pre_m.group("wd"))
            if rel2 == "of":
                d = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=wd)
            elif rel2 == "before":
                d = d - dt.timedelta(days=(d.weekday() - wd) % 7 or 7)
            else:
                d = d + dt.timedelta(days=(wd - d.weekday()) % 7 or 7)
    elif wk:
        qual = join_qualifiers(qual, wk)
    return [Candidate(start, m.end(), FuzzyDate.from_date(d), year_tok is None, qual)]
