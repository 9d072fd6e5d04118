"""``page``: an article or a streamer's title page, read for every watched title.

A pass costs as little as the page allows: a conditional GET with the stored
validators (304: stop), then one parse; when the server ignored the
validators but the page's meaning-bearing text hashes the same as last time,
stop again before extracting.  Only then is the page checked against each
watched title — parsed once, extracted per target.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from premiere_watch.extract import Page, extract, parse_page
from premiere_watch.fetch import FetchResult
from premiere_watch.model import Extraction, Observation, Target
from premiere_watch.redact import redact_url
from premiere_watch.sources._common import digest, failed, fetch_options
from premiere_watch.sources.base import Context, Source, SourceResult, SourceState

__all__ = ["HTML_ACCEPT", "PageSource", "observe", "page_digest", "parse_fetched"]

log = logging.getLogger(__name__)

HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"

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
    out = []
    for target in targets:
        extraction = extract(page, target)
        out.append(Observation(target_key=target.key, document_url=document_url,
                               extraction=extraction, structured=_is_structured(extraction)))
    return out


def parse_fetched(result: FetchResult) -> Page:
    """Parse a fetched HTML body once, with the charset the fetcher found."""
    return parse_page(result.content, url=result.final_url or result.url, encoding=result.encoding)


class PageSource(Source, kind="page"):
    """An article or a streamer's title page; read whole for every watched title."""

    keys = ()

    async def collect(
        self, ctx: Context, targets: Sequence[Target], state: SourceState
    ) -> SourceResult:
        result = await ctx.fetcher.fetch(
            self.url, etag=state.etag, last_modified=state.last_modified, accept=HTML_ACCEPT,
            **fetch_options(self),
        )
        now = ctx.now()
        if result.status == "not_modified":
            return SourceResult(status="unchanged", state=state, fetched_at=now)
        if result.status != "ok":
            return failed(result.reason or "fetch failed", state, now, temporary=result.temporary)

        # Validators the server sent this time; a server that stops sending
        # them must not leave stale ones behind.
        new_state = SourceState(etag=result.etag, last_modified=result.last_modified,
                                content_hash=state.content_hash, memory=dict(state.memory))
        try:
            page = parse_fetched(result)
            new_state.content_hash = page_digest(page, targets)
            if new_state.content_hash == state.content_hash:
                return SourceResult(status="unchanged", state=new_state, fetched_at=now)
            observations = observe(page, targets, result.final_url or self.url)
        except Exception as exc:  # a parser bug on one odd page must not stop the pass
            log.exception("page %s: could not read the page", redact_url(self.url))
            return failed(f"could not read the page: {type(exc).__name__}: {exc}"[:200], state, now)
        return SourceResult(status="ok", observations=observations, state=new_state, fetched_at=now)
