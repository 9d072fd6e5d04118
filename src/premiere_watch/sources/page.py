"""``page``: an article or a streamer's title page, read for every watched title.

A pass costs as little as the page allows: a conditional GET with the stored
validators (304: stop), then one parse; when the server ignored the
validators but the page's meaning-bearing text hashes the same as last time,
stop again before extracting.  Only then is the page checked against each
watched title — parsed once, extracted per target (reading.py), on whichever
process ``ctx.reader`` sends it to (pool.py) while this one goes on fetching.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from premiere_watch.model import Target
from premiere_watch.reading import PageJob
from premiere_watch.redact import redact_url
from premiere_watch.sources._common import failed, fetch_options
from premiere_watch.sources.base import Context, Source, SourceResult, SourceState

__all__ = ["HTML_ACCEPT", "PageSource"]

log = logging.getLogger(__name__)

HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"

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
            read = await ctx.reader.read(PageJob.of(result, targets, result.final_url or self.url,
                                                    known_digest=state.content_hash))
        except Exception as exc:  # a parser bug on one odd page (or a crashed worker) must not stop the pass
            log.exception("page %s: could not read the page", redact_url(self.url))
            return failed(f"could not read the page: {type(exc).__name__}: {exc}"[:200], state, now)
        new_state.content_hash = read.digest
        if read.observations is None:
            return SourceResult(status="unchanged", state=new_state, fetched_at=now)
        return SourceResult(status="ok", observations=read.observations, state=new_state, fetched_at=now)
