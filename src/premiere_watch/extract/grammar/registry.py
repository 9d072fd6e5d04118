"""What a form is: a regex, a handler that reads its matches, a priority, and
the words without which it cannot match.

Each ``forms_*`` module keeps its own ``FORMS`` list and registers handlers
with ``form = registrar(FORMS)`` / ``@form(pattern, ..., prio=..., needs=...)``.
A handler gets the match and the :class:`ScanContext` and returns the
:class:`Candidate` mentions it reads there, or ``None`` when the match is
not a date.

``needs`` lets a scan skip a form cheaply: it is a tuple of groups of
lowercase strings, and every match of the form's patterns contains (in any
case) at least one string of every group ("quarter" or "q1".."q4" for "Q3
2025" / "third quarter of 2025").  Most forms cannot occur in most blocks,
and a substring test is far cheaper than a regex scan.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract.grammar.lexicon import SPACE


@dataclass
class Candidate:
    """A mention as a handler reads it, before overlapping matches are settled."""

    start: int
    end: int
    date: FuzzyDate | None
    relative: bool
    qualifier: str
    # "<day> of that year": month/day waiting for the text's last explicit year.
    pending: tuple[int, int, int] | None = None  # (month, day, year offset)


class ScanContext:
    """The text being scanned and its anchor (the publication date), for every handler."""

    __slots__ = ("anchor", "dayfirst", "text")

    def __init__(self, text: str, anchor: dt.date | None, dayfirst: bool | None = None) -> None:
        self.text = text
        self.anchor = anchor
        self.dayfirst = dayfirst  # the page writes numeric dates day first (None: unsaid; see ``dateorder``)


Handler = Callable[[re.Match[str], ScanContext], list[Candidate] | None]
Needs = tuple[tuple[str, ...], ...]
Form = tuple[re.Pattern[str], Handler, int, Needs]


class FormDecorator(Protocol):
    def __call__(self, *patterns: str, prio: int, needs: Needs = ()) -> Callable[[Handler], Handler]: ...


def registrar(forms: list[Form]) -> FormDecorator:
    """A decorator that appends a handler's forms to ``forms``, in order."""

    def form(*patterns: str, prio: int, needs: Needs = ()) -> Callable[[Handler], Handler]:
        """Register a handler for one or more regexes; ``prio`` breaks length ties;
        ``needs`` are the words every match contains (see the module docstring)."""

        def deco(fn: Handler) -> Handler:
            for pattern in patterns:
                forms.append((re.compile(pattern.replace(r"\s", SPACE), re.X), fn, prio, needs))
            return fn

        return deco

    return form
