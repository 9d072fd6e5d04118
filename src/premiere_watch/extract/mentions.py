"""Adapter over the date grammar (``grammar.py``, owned by another engineer).

Claim logic reads dates only through this module, so it needs exactly two
things from the grammar: ``find_dates`` and ``split_sentences``.  One gap is
filled here rather than in the grammar: a bare year that the grammar leaves
alone because no preposition licenses it ("we think 2026 is the realistic
target") is still a date when a guess or a target is made of it.
"""

from __future__ import annotations

import datetime as dt
import re

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract.grammar import DateMention, split_sentences
from premiere_watch.extract.grammar import find_dates as _grammar_find

__all__ = ["DateMention", "find_dates", "split_sentences"]

_BARE_YEAR = re.compile(
    r"(?:\b(?:think|guess|bet|betting|predict|predicting|saying|say|says|eyeing|targeting|expect|expecting|"
    r"reckon|figure|wager)\b:?\s+(?:(?:that|is|it['’]s|it is|on|for|maybe|probably|likely)\s+)?)"
    r"(?P<year>(?:19|20)\d{2})(?![\w%,.-]\d|s\b|['’]s)"
    r"|(?<![\w$.,/-])(?P<year2>(?:19|20)\d{2})(?=\s+(?:is|looks|seems|feels|would be|will be)\s+(?:the\s+)?"
    r"(?:most\s+)?(?:realistic|likely|plausible|earliest|target|best|safe|window|answer|bet)\b)",
    re.I,
)


def find_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    """The grammar's mentions, plus bare guessed years it does not license."""
    found = _grammar_find(text, anchor)
    if not any(c.isdigit() for c in text):
        return found
    extra = []
    for m in _BARE_YEAR.finditer(text):
        key = "year" if m.group("year") else "year2"
        s, e = m.span(key)
        if any(d.start < e and s < d.end for d in found):
            continue
        extra.append(DateMention(s, e, m.group(key), FuzzyDate(int(m.group(key))), False, "guess"))
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda d: d.start)


# Text that cannot hold a date expression: no digit, month, season, weekday,
# holiday or relative word.  Skipping it saves most grammar scans on a page.
_HINT = re.compile(
    r"\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
    r"today|tonight|tomorrow|yesterday|years?|months?|weeks?|weekend|spring|summer|fall|autumn|winter|"
    r"christmas|thanksgiving|valentine['’]?s|easter|halloween|holidays?|juneteenth|memorial|labor|"
    r"independence|new year['’]?s?)\b",
    re.I,
)


def may_hold_date(text: str) -> bool:
    return bool(_HINT.search(text))


class TextCache:
    """Dates and sentences of a page's texts, computed once however many targets ask."""

    def __init__(self, anchor: dt.date | None) -> None:
        self.anchor = anchor
        self._dates: dict[str, list[DateMention]] = {}
        self._sentences: dict[str, list[str]] = {}

    def dates(self, text: str) -> list[DateMention]:
        hit = self._dates.get(text)
        if hit is None:
            hit = find_dates(text, self.anchor) if _HINT.search(text) else []
            self._dates[text] = hit
        return hit

    def sentences(self, text: str) -> list[str]:
        hit = self._sentences.get(text)
        if hit is None:
            hit = split_sentences(text)
            self._sentences[text] = hit
        return hit
