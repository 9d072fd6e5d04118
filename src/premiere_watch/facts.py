"""What the program believes about a title, and what the store keeps to decide it.

Plain dataclasses with lossless JSON round-trips: :class:`Facts` per target,
:class:`StoredObservation` per (source, document, target) with its recent
:class:`Read` history, and the extraction JSON the store writes.  The rules
that turn observations into facts live in :mod:`premiere_watch.reconcile`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from premiere_watch.dates import FuzzyDate
from premiere_watch.model import (
    DateClaim,
    Extraction,
    Rejected,
    Target,
    Trailer,
)

PremiereStatus = Literal["confirmed", "withdrawn"]
_UTC = dt.UTC


@dataclass(frozen=True)
class Read:
    """One successful read of a (source, document, target): the dates it showed."""

    at: dt.datetime
    confirmed: str | None  # ISO fuzzy date, or None when the read confirmed nothing
    denied: tuple[str, ...] = ()


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


def _ts(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _dt(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass
class TrailerFact:
    """A trailer or teaser known to be out."""

    kind: str  # trailer | teaser
    url: str | None
    name: str
    first_seen: dt.datetime
    source_url: str
    evidence: str = ""
    # Every key this trailer has been known by (a name-only sighting later
    # matched to a URL keeps its old key here, so it never alerts twice).
    keys: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "url": self.url, "name": self.name,
                "first_seen": _ts(self.first_seen), "source_url": self.source_url,
                "evidence": self.evidence, "keys": list(self.keys)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TrailerFact:
        first = _dt(data["first_seen"])
        assert first is not None
        return cls(kind=data["kind"], url=data.get("url"), name=data.get("name", ""),
                   first_seen=first, source_url=data.get("source_url", ""),
                   evidence=data.get("evidence", ""), keys=list(data.get("keys", ())))


@dataclass
class Pending:
    """A change of an established date held back by the anti-flap rule."""

    date: FuzzyDate  # the proposed date (for a withdrawal: the date to withdraw)
    first_seen: dt.datetime
    reads: int  # reconciliations in a row that proposed it
    source_url: str
    withdrawn: bool = False  # the held change is a withdrawal (undated denial, one read)

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.iso(), "first_seen": _ts(self.first_seen), "reads": self.reads,
                "source_url": self.source_url, "withdrawn": self.withdrawn}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Pending:
        first = _dt(data["first_seen"])
        assert first is not None
        return cls(FuzzyDate.parse(data["date"]), first, int(data["reads"]), data["source_url"],
                   bool(data.get("withdrawn", False)))


@dataclass
class Facts:
    """What the program believes about one target after reconciling every source."""

    premiere: FuzzyDate | None = None
    premiere_status: PremiereStatus | None = None
    since: dt.datetime | None = None  # when the current premiere value was adopted
    evidence: str = ""
    source_url: str = ""  # document URL of the claim that decided the fact
    supporting: list[str] = field(default_factory=list)  # documents agreeing with it
    published: dt.date | None = None  # publication date of the newest supporting claim
    # When that claim has no publication date: the first time it was seen saying
    # this value; and whether it came from a structured schedule source.
    seen: dt.datetime | None = None
    structured: bool = False
    trailers: dict[str, TrailerFact] = field(default_factory=dict)
    pending: Pending | None = None
    tentative: list[str] = field(default_factory=list)  # ISO windows of rumours seen

    def to_json(self) -> dict[str, Any]:
        return {
            "premiere": self.premiere.iso() if self.premiere else None,
            "premiere_status": self.premiere_status, "since": _ts(self.since),
            "evidence": self.evidence, "source_url": self.source_url,
            "supporting": list(self.supporting),
            "published": self.published.isoformat() if self.published else None,
            "seen": _ts(self.seen), "structured": self.structured,
            "trailers": {k: t.to_json() for k, t in self.trailers.items()},
            "pending": self.pending.to_json() if self.pending else None,
            "tentative": list(self.tentative),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Facts:
        return cls(
            premiere=FuzzyDate.parse(data["premiere"]) if data.get("premiere") else None,
            premiere_status=cast(PremiereStatus | None, data.get("premiere_status")),
            since=_dt(data.get("since")), evidence=data.get("evidence", ""),
            source_url=data.get("source_url", ""), supporting=list(data.get("supporting", ())),
            published=_day(data.get("published")), seen=_dt(data.get("seen")),
            structured=bool(data.get("structured", False)),
            trailers={k: TrailerFact.from_json(v) for k, v in data.get("trailers", {}).items()},
            pending=Pending.from_json(data["pending"]) if data.get("pending") else None,
            tentative=list(data.get("tentative", ())),
        )


# -- extraction JSON (lossless, for the store) -----------------------------------


def _claim_to_json(claim: DateClaim) -> dict[str, Any]:
    return {"date": claim.date.iso(), "status": claim.status, "evidence": claim.evidence,
            "why": claim.why, "structured": claim.structured}


def _claim_from_json(data: dict[str, Any]) -> DateClaim:
    return DateClaim(FuzzyDate.parse(data["date"]), data["status"], data.get("evidence", ""),
                     data.get("why", ""), bool(data.get("structured", False)))


def extraction_to_json(extraction: Extraction) -> dict[str, Any]:
    """Lossless JSON form of an extraction (unlike ``Extraction.to_json``, the CLI view)."""
    t = extraction.target
    return {
        "target": {"title": t.title, "season": t.season, "aliases": list(t.aliases),
                   "kind": t.kind},
        "published": extraction.published.isoformat() if extraction.published else None,
        "confirmed": _claim_to_json(extraction.confirmed) if extraction.confirmed else None,
        "tentative": [_claim_to_json(c) for c in extraction.tentative],
        "denied": [_claim_to_json(c) for c in extraction.denied],
        "trailer_status": extraction.trailer_status,
        "trailer_evidence": extraction.trailer_evidence,
        "trailers": [{"kind": x.kind, "evidence": x.evidence, "url": x.url,
                      "video_id": x.video_id, "name": x.name} for x in extraction.trailers],
        "rejected": [{"text": r.text, "reason": r.reason} for r in extraction.rejected],
        "headline": extraction.headline,
    }


def extraction_from_json(data: dict[str, Any]) -> Extraction:
    """Inverse of :func:`extraction_to_json`."""
    t = data["target"]
    return Extraction(
        target=Target(t["title"], t.get("season"), tuple(t.get("aliases", ())),
                      t.get("kind", "tv")),
        published=_day(data.get("published")),
        confirmed=_claim_from_json(data["confirmed"]) if data.get("confirmed") else None,
        tentative=[_claim_from_json(c) for c in data.get("tentative", ())],
        denied=[_claim_from_json(c) for c in data.get("denied", ())],
        trailer_status=data.get("trailer_status", "unmentioned"),
        trailer_evidence=data.get("trailer_evidence", ""),
        trailers=[Trailer(x["kind"], x.get("evidence", ""), x.get("url"), x.get("video_id"),
                          x.get("name", "")) for x in data.get("trailers", ())],
        rejected=[Rejected(r["text"], r["reason"]) for r in data.get("rejected", ())],
        headline=data.get("headline", ""),
    )


