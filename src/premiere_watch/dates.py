"""Dates that carry their precision.

A premiere is rarely announced to the day at first: "2025", then "fall 2025",
then "September 2025", then "Friday, September 12, 2025". :class:`FuzzyDate`
holds any of these as the subset of ISO 8601-2 / EDTF the corpus uses:

    YYYY            a year
    YYYY-MM         a month
    YYYY-MM-DD      a day
    YYYY-21..24     spring, summer, autumn (fall), winter
    YYYY-33..36     quarters Q1..Q4

A refinement (2025 -> 2025-03 -> 2025-03-14) is a change worth telling a fan
about; the same date seen again is not.  This module is the bottom floor: it
imports nothing from the package.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

SEASONS = {21: "spring", 22: "summer", 23: "fall", 24: "winter"}
QUARTERS = {33: 1, 34: 2, 35: 3, 36: 4}
# Months each season / quarter covers; winter YYYY-24 is Dec YYYY .. Feb YYYY+1
# in the calendar, but EDTF (and the corpus scorer) treat it as the months
# {12, 1, 2} "of" YYYY, so ranges below follow the calendar reading.
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}
_QUARTER_MONTHS = {33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12)}

PRECISIONS = ("year", "season", "quarter", "month", "day")
# How fine a precision is; season and quarter are equally coarse.
_RANK = {"year": 0, "season": 1, "quarter": 1, "month": 2, "day": 3}

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A calendar date known to a precision (year, season, quarter, month, day)."""

    year: int
    sub: int | None = None  # 1..12 month, 21..24 season, 33..36 quarter
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1000 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if self.sub is not None and not (
            1 <= self.sub <= 12 or self.sub in SEASONS or self.sub in QUARTERS
        ):
            raise ValueError(f"not a month, season or quarter: {self.sub}")
        if self.day is not None:
            if self.sub is None or not 1 <= self.sub <= 12:
                raise ValueError("a day needs a month")
            dt.date(self.year, self.sub, self.day)  # raises on 31 February

    # -- construction -------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-21..36``."""
        m = _ISO.match(text.strip())
        if not m:
            raise ValueError(f"not a date: {text!r} (want YYYY, YYYY-MM, YYYY-MM-DD or YYYY-21..36)")
        year, sub, day = m.groups()
        return cls(int(year), int(sub) if sub else None, int(day) if day else None)

    @classmethod
    def from_date(cls, value: dt.date) -> FuzzyDate:
        return cls(value.year, value.month, value.day)

    # -- properties ---------------------------------------------------------

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.sub is None:
            return "year"
        if self.sub in SEASONS:
            return "season"
        if self.sub in QUARTERS:
            return "quarter"
        return "month"

    def iso(self) -> str:
        if self.sub is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.sub:02d}"
        return f"{self.year:04d}-{self.sub:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()

    def start(self) -> dt.date:
        """First calendar day the date may mean."""
        first, _ = self._month_span()
        year, month = self.year + (first - 1) // 12, (first - 1) % 12 + 1
        return dt.date(year, month, self.day or 1)

    def end(self) -> dt.date:
        """Last calendar day the date may mean."""
        _, last = self._month_span()
        year, month = self.year + (last - 1) // 12, (last - 1) % 12 + 1
        if self.day is not None:
            return dt.date(year, month, self.day)
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    def _month_span(self) -> tuple[int, int]:
        if self.sub is None:
            return 1, 12
        if self.sub in _SEASON_MONTHS:
            return _SEASON_MONTHS[self.sub]
        if self.sub in _QUARTER_MONTHS:
            return _QUARTER_MONTHS[self.sub]
        return self.sub, self.sub

    # -- comparisons --------------------------------------------------------

    def finer_than(self, other: FuzzyDate) -> bool:
        return _RANK[self.precision] > _RANK[other.precision]

    def within(self, other: FuzzyDate) -> bool:
        """True when every day this date may mean is also meant by ``other``."""
        return other.start() <= self.start() and self.end() <= other.end()

    def refines(self, other: FuzzyDate) -> bool:
        """``self`` says the same as ``other``, only more precisely."""
        return self != other and self.finer_than(other) and self.within(other)

    def overlaps(self, other: FuzzyDate) -> bool:
        return self.start() <= other.end() and other.start() <= self.end()

    # -- words --------------------------------------------------------------

    def words(self) -> str:
        """The date as a fan reads it: ``Friday, September 2, 2016``, ``fall 2025``."""
        if self.day is not None:
            day = dt.date(self.year, self.sub or 1, self.day)
            return f"{day:%A}, {day:%B} {day.day}, {day.year}"
        if self.sub is None:
            return str(self.year)
        if self.sub in SEASONS:
            return f"{SEASONS[self.sub]} {self.year}"
        if self.sub in QUARTERS:
            return f"Q{QUARTERS[self.sub]} {self.year}"
        return f"{calendar.month_name[self.sub]} {self.year}"
