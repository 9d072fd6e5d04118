"""Reading one fetched page for its watched titles: parse once, digest, extract per target.

Everything here is a pure function of plain data (a :class:`PageJob`: bytes
and targets in; a :class:`PageRead`: a digest and observations out), so it
can run in a worker process (pool.py) as well as in this one.  It imports
only the extractor and the model: a worker process needs nothing else, and
stays small.  The extractor is imported on the first page read, not before:
a pass where every page answers 304 never pays for it (a third of start-up).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from premiere_watch.model import Extraction, Observation, Target

if TYPE_CHECKING:
    from premiere_watch.extract import Page
    from premiere_watch.fetch import FetchResult

__all__ = ["PageJob", "PageRead", "digest", "observe", "page_digest", "read_page"]


def digest(*parts: object) -> str:
    """A stable sha256 of JSON-able parts (dict keys sorted)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# JSON-LD that changes without the title's schedule changing (ratings, view
# counts, prices, edit stamps); left out of the digest so it doesn't force a
# re-read.  Page.jsonld also lists nested objects on their own, hence the types.
_VOLATILE_LD_KEYS = frozenset({
    "aggregateRating", "interactionStatistic", "interactionCount", "review", "reviews",
    "dateModified", "commentCount", "offers",
})
_VOLATILE_LD_TYPES = frozenset({
    "AggregateRating", "Rating", "Review", "InteractionCounter", "Offer", "AggregateOffer",
})


def _stable_ld(value: Any) -> Any:
    if isinstance(value, dict):
        kind = value.get("@type")
        kinds = {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}
        if kinds & _VOLATILE_LD_TYPES:
            return None
        return {k: _stable_ld(v) for k, v in value.items() if k not in _VOLATILE_LD_KEYS}
    if isinstance(value, list):
        return [x for x in (_stable_ld(v) for v in value) if x is not None]
    return value


def page_digest(page: Page, targets: Sequence[Target]) -> str:
    """Hash of everything extraction reads from a page, and of who it is read for.

    That is the article and aside text (with zones: an aside is trusted less),
    headline, publication date, JSON-LD and videos — not comments or chrome,
    which are never evidence.  JSON-LD is hashed without ratings, view counts
    and edit stamps.  The targets are part of the hash because a watch newly
    added to an unchanged page must still be read for once.  A rotating rail
    may cost a re-extraction, never an alert: alerts follow meaning, and the
    same claims seen again are not a change.
    """
    return digest(
        sorted(t.key for t in targets),
        page.headline,
        page.anchor.isoformat() if page.anchor else None,
        [(b.zone, b.heading, b.text) for b in page.blocks if b.zone in ("main", "aside")],
        [(v.url, v.video_id, v.title, v.zone, v.context) for v in page.videos],
        _stable_ld(page.jsonld),
        page.title_page,
    )


def _is_structured(extraction: Extraction) -> bool:
    """Official when a date claim came from the page's structured data (a title page's JSON-LD)."""
    claims = [*([extraction.confirmed] if extraction.confirmed else []), *extraction.tentative]
    return any(c.structured for c in claims)


def observe(page: Page, targets: Sequence[Target], document_url: str) -> list[Observation]:
    """One observation per target from one parsed page."""
    from premiere_watch.extract import extract

    out = []
    for target in targets:
        extraction = extract(page, target)
        out.append(Observation(target_key=target.key, document_url=document_url,
                               extraction=extraction, structured=_is_structured(extraction)))
    return out


@dataclass(frozen=True)
class PageJob:
    """One fetched page to read for some watched titles: plain data, so it can go to a worker process."""

    content: bytes
    url: str  # where the body came from (after redirects): the base of its links
    encoding: str | None
    targets: tuple[Target, ...]
    document_url: str  # what the observations name as their document
    hash_page: bool = True  # compute the page's digest (what a page source remembers)
    known_digest: str | None = None  # the digest last time: equal, the page is unchanged; stop before extracting

    @classmethod
    def of(cls, result: FetchResult, targets: Sequence[Target], document_url: str, *,
           hash_page: bool = True, known_digest: str | None = None) -> PageJob:
        return cls(result.content, result.final_url or result.url, result.encoding, tuple(targets),
                   document_url, hash_page, known_digest)


@dataclass(frozen=True)
class PageRead:
    """What reading a page found: its digest, and one observation per target (None: unchanged)."""

    digest: str | None
    observations: list[Observation] | None


def read_page(job: PageJob) -> PageRead:
    """Parse once, digest, and extract for every target unless the digest is the known one."""
    from premiere_watch.extract import parse_page

    page = parse_page(job.content, url=job.url, encoding=job.encoding)
    hashed = page_digest(page, job.targets) if job.hash_page else None
    if hashed is not None and hashed == job.known_digest:
        return PageRead(hashed, None)
    return PageRead(hashed, observe(page, job.targets, job.document_url))


