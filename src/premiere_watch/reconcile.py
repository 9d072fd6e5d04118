"""Many sources' claims about one title -> one set of facts -> the events a fan needs.

Pure functions on plain data: no clock (``now`` is passed in), no I/O.

API
---
``reconcile(observations, previous, now) -> Facts`` and
``diff(previous, current, target, announce_existing=True) -> list[Event]``.
``StoredObservation`` is what the store hands back for each (source, document,
target); ``extraction_to_json``/``extraction_from_json`` round-trip an
:class:`~premiere_watch.model.Extraction` for the store.

(The reconciliation rules are documented here once implemented.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from premiere_watch.dates import FuzzyDate
from premiere_watch.model import Event, Extraction, Target

PremiereStatus = Literal["confirmed", "withdrawn"]


@dataclass(frozen=True)
class Read:
    """One successful read of a (source, document, target): the confirmed date it showed."""

    at: dt.datetime
    confirmed: str | None  # ISO fuzzy date, or None when the read confirmed nothing


@dataclass(frozen=True)
class StoredObservation:
    """The latest extraction of one document for one target, as kept by the store."""

    source_id: str
    document_url: str
    target_key: str
    extraction: Extraction
    structured: bool
    first_seen: dt.datetime
    last_seen: dt.datetime
    # The last few reads, oldest first (the store keeps HISTORY_LIMIT of them).
    history: tuple[Read, ...] = ()

    @property
    def published(self) -> dt.date | None:
        return self.extraction.published


@dataclass
class TrailerFact:
    """A trailer or teaser known to be out."""

    kind: str  # trailer | teaser
    url: str | None
    name: str
    first_seen: dt.datetime
    source_url: str
    evidence: str = ""

    def to_json(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TrailerFact:
        raise NotImplementedError


@dataclass
class Pending:
    """A change of an established date held back by the anti-flap rule."""

    date: FuzzyDate
    first_seen: dt.datetime
    reads: int
    source_url: str

    def to_json(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Pending:
        raise NotImplementedError


@dataclass
class Facts:
    """What the program believes about one target after reconciling every source."""

    premiere: FuzzyDate | None = None
    premiere_status: PremiereStatus | None = None
    since: dt.datetime | None = None  # when the current premiere value was adopted
    evidence: str = ""
    source_url: str = ""  # document URL of the claim that decided the fact
    supporting: list[str] = field(default_factory=list)  # documents agreeing with it
    published: dt.date | None = None  # publication date of the deciding claim, if known
    # How old the deciding claim is when it has no publication date (first time seen
    # saying this value), and whether it came from a structured schedule source.
    seen: dt.datetime | None = None
    structured: bool = False
    trailers: dict[str, TrailerFact] = field(default_factory=dict)
    pending: Pending | None = None
    tentative: list[str] = field(default_factory=list)  # ISO windows of rumours seen

    def to_json(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Facts:
        raise NotImplementedError


def extraction_to_json(extraction: Extraction) -> dict[str, Any]:
    """Lossless JSON form of an extraction (unlike ``Extraction.to_json``, the CLI view)."""
    raise NotImplementedError


def extraction_from_json(data: dict[str, Any]) -> Extraction:
    """Inverse of :func:`extraction_to_json`."""
    raise NotImplementedError


def reconcile(
    observations: Sequence[StoredObservation], previous: Facts | None, now: dt.datetime
) -> Facts:
    """Decide the facts of one target from every stored observation and the last facts."""
    raise NotImplementedError


def diff(
    previous: Facts | None, current: Facts, target: Target, *, announce_existing: bool = True
) -> list[Event]:
    """Events a fan needs to learn ``current`` when they knew ``previous``.

    ``previous is None`` means a brand-new watch: what is already true is
    reported with ``change="already"`` when ``announce_existing``, else nothing.
    """
    raise NotImplementedError
