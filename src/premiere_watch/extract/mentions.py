"""Adapter over the date grammar (``grammar.py``, owned by another engineer).

Claim logic only needs ``find_dates`` and ``split_sentences``.  While the
grammar module is absent or incomplete this falls back to a small built-in
recogniser, so extraction keeps working end to end; once the grammar lands it
takes over without any change to the callers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from premiere_watch.dates import FuzzyDate


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: FuzzyDate
    relative: bool
    qualifier: str


_MONTH_NAMES = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_SEASON_WORDS = {"spring": 21, "summer": 22, "fall": 23, "autumn": 23, "winter": 24}
_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_QUAL = r"(?:(?P<qual>early|mid|late|around|by|before|after|earlier|later|sometime in|the end of)[\s-]+)?"
_WD = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+)?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(_QUAL + _WD + _MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b(?!:)")),
    ("dmy", re.compile(_QUAL + _WD + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON
                       + r"(?:,?\s+(?P<year>\d{4}))?\b")),
    ("my", re.compile(_QUAL + r"(?:(?:the\s+)?(?:start|beginning|end)\s+of\s+)?" + _MON
                      + r"(?:,?\s+(?:of\s+)?(?P<year>\d{4})|\b)")),
    ("season", re.compile(_QUAL + r"(?P<season>spring|summer|fall|autumn|winter)(?:\s+of)?\s+(?P<year>\d{4})\b",
                          re.I)),
    ("quarter", re.compile(r"\b(?:Q(?P<q>[1-4])|(?P<qw>first|second|third|fourth) quarter(?: of)?)\s+(?P<year>\d{4})\b")),
    ("rel_season", re.compile(r"\b" + _QUAL + r"(?P<which>this|next|last)\s+(?P<season>spring|summer|fall|autumn|winter)\b",
                              re.I)),
    ("rel_year", re.compile(r"\b" + _QUAL + r"(?P<which>this|next|last)\s+year\b|\b(?P<qual2>later|earlier) this year\b",
                            re.I)),
    ("rel_month", re.compile(r"\b(?P<which>this|next|last)\s+month\b", re.I)),
    ("rel_wd", re.compile(r"\b(?P<which>this|next|last|on)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
                          r"Saturday|Sunday)\b(?!,?\s+[A-Z][a-z]{2})")),
    ("nth_wd", re.compile(r"\b(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+(?P<wd>Monday|Tuesday|"
                          r"Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:of|in)\s+" + _MON
                          + r"(?:,?\s+(?P<year>\d{4}))?", re.I)),
    ("numeric", re.compile(r"(?<![\d/.$])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?:/(?P<y>\d{2,4}))?(?![\d/])")),
    ("year", re.compile(_QUAL + r"(?<![\d$.,/])(?P<year>(?:19|20)\d{2})(?![\d%,.]\d|s\b|-\d)")),
]


def _resolve_day(month: int, day: int, year: int | None, anchor: dt.date | None) -> FuzzyDate | None:
    try:
        if year is not None:
            return FuzzyDate(year, month, day)
        if anchor is None:
            return None
        cand = dt.date(anchor.year, month, day)
        if cand < anchor:
            cand = dt.date(anchor.year + 1, month, day)
        return FuzzyDate.from_date(cand)
    except ValueError:
        return None


def _fallback_find_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    ordered = sorted(_PATTERNS, key=lambda kp: kp[0] != "nth_wd")
    for kind, pattern in ordered:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            g = m.groupdict()
            qual = (g.get("qual") or g.get("qual2") or "").lower()
            date: FuzzyDate | None = None
            relative = False
            try:
                if kind in ("mdy", "dmy"):
                    mon = _MONTH_NAMES[g["mon"].lower().rstrip(".")]
                    if kind == "mdy" and g["mon"] == "May" and not g.get("year") and False:
                        continue
                    date = _resolve_day(mon, int(g["day"]), int(g["year"]) if g.get("year") else None, anchor)
                    relative = not g.get("year")
                elif kind == "my":
                    mon = _MONTH_NAMES[g["mon"].lower().rstrip(".")]
                    if g["mon"] == "May" and not g.get("year"):
                        continue  # the modal verb
                    if g.get("year"):
                        date = FuzzyDate(int(g["year"]), mon)
                    elif anchor is not None:
                        year = anchor.year + (1 if mon < anchor.month else 0)
                        date = FuzzyDate(year, mon)
                        relative = True
                elif kind == "season":
                    date = FuzzyDate(int(g["year"]), _SEASON_WORDS[g["season"].lower()])
                elif kind == "quarter":
                    q = int(g["q"]) if g.get("q") else ["first", "second", "third", "fourth"].index(g["qw"]) + 1
                    date = FuzzyDate(int(g["year"]), 32 + q)
                elif anchor is None:
                    continue
                elif kind == "rel_season":
                    shift = {"this": 0, "next": 1, "last": -1}[g["which"].lower()]
                    sub = _SEASON_WORDS[g["season"].lower()]
                    year = anchor.year + shift
                    if shift == 1 and sub > 20 + (anchor.month % 12 + 3) // 3:
                        year = anchor.year  # "next fall" said in spring is this year's fall
                    date, relative = FuzzyDate(year, sub), True
                elif kind == "rel_year":
                    which = (g.get("which") or "this").lower()
                    date = FuzzyDate(anchor.year + {"this": 0, "next": 1, "last": -1}[which])
                    relative = True
                elif kind == "rel_month":
                    shift = {"this": 0, "next": 1, "last": -1}[g["which"].lower()]
                    month0 = anchor.month - 1 + shift
                    date, relative = FuzzyDate(anchor.year + month0 // 12, month0 % 12 + 1), True
                elif kind == "rel_wd":
                    which = g["which"].lower()
                    target = _WEEKDAYS[g["wd"].lower()]
                    delta = (target - anchor.weekday()) % 7
                    if which == "next":
                        delta = delta + 7 if delta == 0 or delta < 7 and False else (delta or 7)
                    elif which == "last":
                        delta = delta - 7 if delta else -7
                    date, relative = FuzzyDate.from_date(anchor + dt.timedelta(days=delta)), True
                elif kind == "nth_wd":
                    mon = _MONTH_NAMES[g["mon"].lower().rstrip(".")]
                    year = int(g["year"]) if g.get("year") else anchor.year + (1 if mon < anchor.month else 0)
                    wd = _WEEKDAYS[g["wd"].lower()]
                    days = [d for d in range(1, calendar.monthrange(year, mon)[1] + 1)
                            if dt.date(year, mon, d).weekday() == wd]
                    nth = g["nth"].lower()
                    pick = days[-1] if nth in ("last", "final") else days[
                        ["first", "second", "third", "fourth"].index(nth)]
                    date, relative = FuzzyDate(year, mon, pick), True
                elif kind == "numeric":
                    y = g.get("y")
                    year = (int(y) + (2000 if len(y) == 2 else 0)) if y else None
                    date = _resolve_day(int(g["m"]), int(g["d"]), year, anchor)
                    relative = y is None
                elif kind == "year":
                    date = FuzzyDate(int(g["year"]))
            except (ValueError, KeyError):
                continue
            if date is None:
                continue
            taken.append((s, e))
            found.append(DateMention(s, e, m.group(0), date, relative, qual))
    found.sort(key=lambda d: d.start)
    # "from March 15 to March 22, 2019": a year-less day borrows the year of the
    # day that closes the same range.
    for i, cur in enumerate(found[:-1]):
        nxt = found[i + 1]
        gap = text[cur.end:nxt.start].strip(" ,").lower()
        if (cur.relative and cur.date.day and nxt.date.day and not nxt.relative
                and gap in ("to", "and", "or", "-", "–", "until", "through", "from", "instead of")):
            year = nxt.date.year - (1 if cur.date.sub and nxt.date.sub and cur.date.sub > nxt.date.sub else 0)
            try:
                found[i] = DateMention(cur.start, cur.end, cur.text, FuzzyDate(year, cur.date.sub, cur.date.day),
                                       False, cur.qualifier)
            except ValueError:
                pass
    return found


_ABBREV = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|No|Vol|Inc|Ltd|Co|Corp|"
    r"approx|etc|e\.g|i\.e|U\.S|U\.K|a\.m|p\.m|[A-Z])\.$"
)


def _fallback_split_sentences(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in re.finditer(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])", text):
        piece = text[start:m.end()]
        if _ABBREV.search(text[max(start, m.start() - 6):m.start() + 1]):
            continue
        out.append(piece.strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


# A bare year the grammar leaves alone (it wants a preposition) but a guess is made
# of: "we think 2026 is the realistic target", "my bet: 2026".
_BARE_YEAR = re.compile(
    r"(?:\b(?:think|guess|bet|betting|predict|predicting|saying|say|says|eyeing|targeting|expect|expecting|"
    r"reckon|figure|wager)\b:?\s+(?:(?:that|is|it['’]s|it is|on|for|maybe|probably|likely)\s+)?)"
    r"(?P<year>(?:19|20)\d{2})(?![\w%,.-]\d|s\b|['’]s)"
    r"|(?<![\w$.,/-])(?P<year2>(?:19|20)\d{2})(?=\s+(?:is|looks|seems|feels|would be|will be)\s+(?:the\s+)?"
    r"(?:most\s+)?(?:realistic|likely|plausible|earliest|target|best|safe|window|answer|bet)\b)",
    re.I,
)

_grammar_find: Callable[[str, dt.date | None], list[DateMention]] | None
split_sentences: Callable[[str], list[str]]
try:  # the real grammar, once it exists
    from premiere_watch.extract import grammar as _grammar

    _grammar_find = _grammar.find_dates  # type: ignore[assignment]
    split_sentences = _grammar.split_sentences
    GRAMMAR = "grammar"
except (ImportError, AttributeError):  # pragma: no cover - depends on the other engineer's progress
    _grammar_find = None
    split_sentences = _fallback_split_sentences
    GRAMMAR = "fallback"


def find_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    """The grammar's mentions, plus bare guessed years it does not license."""
    found = _grammar_find(text, anchor) if _grammar_find is not None else _fallback_find_dates(text, anchor)
    if not any(c.isdigit() for c in text):
        return found
    extra = []
    for m in _BARE_YEAR.finditer(text):
        key = "year" if m.group("year") else "year2"
        s, e = m.span(key)
        if any(d.start < e and s < d.end for d in found):
            continue
        extra.append(DateMention(s, e, m.group(key), FuzzyDate(int(m.group(key))), False, ""))
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda d: d.start)
