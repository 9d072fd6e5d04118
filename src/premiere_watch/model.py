"""The plain data that flows between the stages of a pass.

Vocabulary: a *target* is what a watch looks for (title,
season, aliases); a *claim* is what one document says about one target; an
*extraction* gathers a document's claims about one target; an *observation*
is an extraction as seen from one source at one time; an *event* is a change
of facts worth telling a fan about.  Everything here is a frozen dataclass or
a JSON-ready dict, so stages stay plain function calls on plain data.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from premiere_watch.dates import FuzzyDate

Status = Literal["confirmed", "tentative", "denied"]
TrailerStatus = Literal["released", "none", "unmentioned"]
Kind = Literal["tv", "film"]


def normalize_title(text: str) -> str:
    """Lower-case, accent- and punctuation-free form for comparing titles."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text.lower().replace("&", " and "))
    return " ".join(text.split())


@dataclass(frozen=True)
class Target:
    """What a watch looks for in a document."""

    title: str
    season: int | None = None
    aliases: tuple[str, ...] = ()
    kind: Kind = "tv"

    @property
    def key(self) -> str:
        """Stable identity of the watch in the database."""
        base = normalize_title(self.title)
        return f"{base}#s{self.season}" if self.season is not None else base

    @property
    def label(self) -> str:
        """How a fan names it: ``Narcos S2``."""
        return f"{self.title} S{self.season}" if self.season is not None else self.title

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


@dataclass(frozen=True)
class DateClaim:
    """A premiere date a document states for one target, with how sure it is."""

    date: FuzzyDate
    status: Status
    evidence: str  # the sentence, table row or structured field that says it
    why: str = ""  # the cue that decided the status, for --explain
    structured: bool = False  # JSON-LD of a title page or a schedule API

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": self.date.iso(),
            "precision": self.date.precision,
            "evidence": self.evidence,
            "why": self.why,
        }
        if self.structured:
            out["structured"] = True
        return out


@dataclass(frozen=True)
class Trailer:
    """A trailer or teaser of one target that a document says is out."""

    kind: Literal["trailer", "teaser"]
    evidence: str
    url: str | None = None
    video_id: str | None = None
    name: str = ""

    @property
    def key(self) -> str:
        """Identity used so each distinct trailer alerts once."""
        if self.video_id:
            return f"video:{self.video_id}"
        if self.url:
            return f"url:{self.url}"
        return f"name:{normalize_title(self.name or self.kind)}"


@dataclass(frozen=True)
class Rejected:
    """A candidate the extractor looked at and set aside (``--explain``)."""

    text: str
    reason: str


@dataclass
class Extraction:
    """Everything one document says about one target."""

    target: Target
    published: dt.date | None = None
    confirmed: DateClaim | None = None
    tentative: list[DateClaim] = field(default_factory=list)
    denied: list[DateClaim] = field(default_factory=list)
    trailer_status: TrailerStatus = "unmentioned"
    trailer_evidence: str = ""
    trailers: list[Trailer] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    headline: str = ""

    def to_json(self, explain: bool = False) -> dict[str, Any]:
        """The ``extract --json`` contract (extra keys are allowed)."""
        first = self.trailers[0] if self.trailers else None
        out: dict[str, Any] = {
            "title": self.target.title,
            "season": self.target.season,
            "published": self.published.isoformat() if self.published else None,
            "headline": self.headline,
            "premiere": {
                "confirmed": self.confirmed.to_json() if self.confirmed else None,
                "tentative": [c.to_json() for c in self.tentative],
                "denied": [c.to_json() for c in self.denied],
            },
            "trailer": {
                "status": self.trailer_status,
                "kind": first.kind if first else "",
                "url": first.url if first else None,
                "evidence": self.trailer_evidence or (first.evidence if first else ""),
                "all": [
                    {"kind": t.kind, "url": t.url, "video_id": t.video_id, "name": t.name,
                     "evidence": t.evidence}
                    for t in self.trailers
                ],
            },
        }
        if explain:
            out["rejected"] = [{"text": r.text, "reason": r.reason} for r in self.rejected]
        return out


@dataclass(frozen=True)
class Observation:
    """What one document, reached through one source, says about one target."""

    target_key: str
    document_url: str
    extraction: Extraction
    structured: bool = False  # a schedule API or the streamer's own title page


EventKind = Literal[
    "premiere_announced",
    "premiere_changed",
    "premiere_postponed",
    "trailer_released",
    "rumour",
    "source_failing",
    "source_recovered",
    "test",
]


@dataclass(frozen=True)
class Event:
    """A change of facts worth telling someone about; JSON-ready for the outbox."""

    kind: EventKind
    watch: str  # Target.key (or the source URL for ops events)
    label: str  # "Narcos S2"
    new: str | None = None  # ISO fuzzy date, trailer URL, ...
    old: str | None = None
    change: str = ""  # later | earlier | refined | already | withdrawn ...
    evidence: str = ""
    source_url: str = ""
    trailer_kind: str = ""
    trailer_url: str = ""
    tags: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Idempotency key: the same event is never queued twice."""
        return "|".join((self.kind, self.watch, self.old or "", self.new or ""))

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "watch": self.watch, "label": self.label, "new": self.new,
            "old": self.old, "change": self.change, "evidence": self.evidence,
            "source_url": self.source_url, "trailer_kind": self.trailer_kind,
            "trailer_url": self.trailer_url, "tags": list(self.tags),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        data = dict(data)
        data["tags"] = tuple(data.get("tags", ()))
        return cls(**data)
