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
        extra.append(DateMention(s, e, m.group(key), FuzzyDate(int(m.group(key))), False, ""))
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda d: d.start)
