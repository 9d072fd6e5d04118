"""``feed``: an RSS/Atom feed whose entries lead to articles about watched titles.

An entry whose title or summary names a watched title (or an alias) leads to
its linked article, read as a page for the titles it named.  Each article is
read once: its URL goes into ``state.memory["seen"]`` and the observations it
gave are kept by the store, so later passes re-emit nothing for it.  At most
``max_articles`` articles are read per pass; when more were waiting, or an
article failed for a reason that may pass, the feed's validators are not
kept, so the next pass downloads the feed again and picks the rest up even
if the feed itself has not changed.

feedparser only ever gets the fetched bytes — never a URL — so every request
goes through the polite fetcher.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from premiere_watch.keys import Key
from premiere_watch.model import Observation, Target
from premiere_watch.reading import PageJob
from premiere_watch.redact import redact_url
from premiere_watch.sources._common import (
    FetchOptions,
    digest,
    failed,
    fetch_options,
    is_http,
    mentions,
)
from premiere_watch.sources.base import Context, Source, SourceResult, SourceState
from premiere_watch.sources.page import HTML_ACCEPT

__all__ = ["FEED_ACCEPT", "FeedSource", "entry_text", "parse_feed"]

log = logging.getLogger(__name__)

FEED_ACCEPT = ("application/atom+xml,application/rss+xml,application/xml;q=0.9,"
               "text/xml;q=0.9,*/*;q=0.5")
SEEN_LIMIT = 500  # article URLs remembered; feeds rarely list more than ~100 entries


_TAG = re.compile(r"<[^>]+>")


def entry_text(entry: Mapping[str, Any]) -> str:
    """An entry's title and summary as plain text, for title matching."""
    title = entry.get("title")
    summary = entry.get("summary")
    parts = [p for p in (title, summary) if isinstance(p, str)]
    return html.unescape(_TAG.sub(" ", " \n ".join(parts)))


def _entry_link(entry: Mapping[str, Any]) -> str | None:
    """The article an entry points at: its alternate link, else a permalink id (RSS guid)."""
    link = entry.get("link")
    if isinstance(link, str) and link.strip():
        return link.strip()
    ident = entry.get("id")
    return ident.strip() if isinstance(ident, str) and is_http(ident) else None


def _seen_key(url: str) -> str:
    """Identity of an article: its URL without the #fragment."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(fragment=""))


@dataclass
class ParsedFeed:
    entries: list[Mapping[str, Any]]
    error: str = ""  # set when the document is not a usable feed


def parse_feed(content: bytes, *, url: str, content_type: str = "",
               encoding: str | None = None) -> ParsedFeed:
    """Parse fetched feed bytes; ``error`` says why when nothing usable came out.

    feedparser is lenient (``bozo`` marks documents it had to repair); a feed
    that still gave entries is used, one that gave none is an error.
    """
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = f"{content_type}; charset={encoding}" if encoding else content_type
    try:
        import feedparser  # here, not at the top: 60 ms of every `check` start-up otherwise

        parsed = feedparser.parse(content, response_headers=headers)
    except Exception as exc:  # feedparser's own bugs on hostile input
        return ParsedFeed([], f"malformed feed: {type(exc).__name__}: {exc}"[:200])
    # The lenient parser turns a stray <item> in garbage into an empty entry.
    entries = [e for e in parsed.get("entries", [])
               if isinstance(e, Mapping) and any(e.get(k) for k in ("title", "link", "id", "summary"))]
    if entries:
        return ParsedFeed(entries)
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        detail = (str(problem).strip() or type(problem).__name__) if problem is not None else "no entries"
        return ParsedFeed([], f"malformed feed: {detail}"[:200])
    if not parsed.get("version"):
        return ParsedFeed([], "malformed feed: no RSS or Atom document found")
    return ParsedFeed([])  # a well-formed feed with nothing in it yet


@dataclass
class _Pick:
    url: str
    targets: list[Target]


@dataclass
class _Read:
    observations: list[Observation] = field(default_factory=list)
    error: str = ""
    retry: bool = False  # failed for a reason that may pass: read it again next time


class FeedSource(Source, kind="feed"):
    """RSS/Atom feed: articles whose entry names a watched title are read as pages."""

    keys = (
        Key("max_articles", int, "most articles read per pass; the rest wait for the next pass",
            default=10, min=1, max=1000, example="10"),
    )

    async def collect(
        self, ctx: Context, targets: Sequence[Target], state: SourceState
    ) -> SourceResult:
        opts = fetch_options(self)
        result = await ctx.fetcher.fetch(self.url, etag=state.etag, last_modified=state.last_modified,
                                         accept=FEED_ACCEPT, **opts)
        now = ctx.now()
        if result.status == "not_modified":
            return SourceResult(status="unchanged", state=state, fetched_at=now)
        if result.status != "ok":
            return failed(result.reason or "fetch failed", state, now, temporary=result.temporary)

        feed = parse_feed(result.content, url=result.final_url or self.url,
                          content_type=result.content_type, encoding=result.encoding)
        if feed.error:
            # An HTML page where a feed was expected is a config mistake, not an outage.
            permanent = result.content_type in ("text/html", "application/xhtml+xml")
            reason = feed.error + (" (the URL serves an HTML page, not a feed)" if permanent else "")
            return failed(reason, state, now, temporary=not permanent)

        feed_hash = digest(sorted(t.key for t in targets),
                           [(e.get("id"), e.get("link"), entry_text(e)) for e in feed.entries])
        if feed_hash == state.content_hash:
            # The server ignored the validators; keep the fresh ones it sent.
            kept = SourceState(etag=result.etag, last_modified=result.last_modified,
                               content_hash=feed_hash, memory=dict(state.memory))
            return SourceResult(status="unchanged", state=kept, fetched_at=now)

        seen: list[str] = [u for u in state.memory.get("seen", []) if isinstance(u, str)]
        picks, backlog = self._pick(feed.entries, targets, set(seen))
        reads = await asyncio.gather(*(self._read(ctx, p, opts) for p in picks))

        observations: list[Observation] = []
        errors: list[str] = []
        for pick, read in zip(picks, reads, strict=True):
            observations.extend(read.observations)
            if read.error:
                errors.append(f"{read.error} ({redact_url(pick.url)})")
            if read.retry:
                backlog = True
            else:
                seen.append(_seen_key(pick.url))

        memory = dict(state.memory)
        memory["seen"] = seen[-SEEN_LIMIT:]
        if backlog:
            # Unread articles remain: forget the validators so the next pass
            # re-reads the feed even if the server would answer 304.
            new_state = SourceState(memory=memory)
        else:
            new_state = SourceState(etag=result.etag, last_modified=result.last_modified,
                                    content_hash=feed_hash, memory=memory)
        reason = f"{len(errors)} of {len(picks)} articles failed: {'; '.join(errors)}"[:300] if errors else ""
        return SourceResult(status="ok", observations=observations, reason=reason, state=new_state,
                            fetched_at=now)

    def _pick(self, entries: Sequence[Mapping[str, Any]], targets: Sequence[Target],
              seen: set[str]) -> tuple[list[_Pick], bool]:
        """Articles to read this pass (feed order, newest first in practice), and whether more wait."""
        limit = self.option("max_articles")
        limit = limit if isinstance(limit, int) and limit >= 1 else 10
        picks: list[_Pick] = []
        chosen: set[str] = set()
        for entry in entries:
            text = entry_text(entry)
            matched = [t for t in targets if mentions(text, t.names)]
            if not matched:
                continue
            link = _entry_link(entry)
            if link is None:
                log.info("feed %s: entry %r has no link; skipped", redact_url(self.url), entry.get("title"))
                continue
            if not is_http(link):
                log.info("feed %s: skipped non-http link %s", redact_url(self.url), redact_url(link))
                continue
            key = _seen_key(link)
            if key in seen or key in chosen:
                continue
            if len(picks) >= limit:
                return picks, True
            chosen.add(key)
            picks.append(_Pick(link, matched))
        return picks, False

    async def _read(self, ctx: Context, pick: _Pick, opts: FetchOptions) -> _Read:
        """Fetch and read one article for the titles its entry named; never raises."""
        # host_delay / robots are the operator's word about the feed's host;
        # articles elsewhere get the fetcher's defaults.
        same_host = urlsplit(pick.url).netloc.lower() == urlsplit(self.url).netloc.lower()
        result = await ctx.fetcher.fetch(pick.url, accept=HTML_ACCEPT, **(opts if same_host else {}))
        if result.status != "ok":
            # A 404 or a robots refusal will not pass: remember the article as seen.
            return _Read(error=result.reason or "fetch failed", retry=result.temporary)
        try:
            read = await ctx.reader.read(PageJob.of(result, pick.targets, result.final_url or pick.url,
                                                    hash_page=False))
            return _Read(observations=read.observations or [])
        except Exception as exc:  # one odd article (or a crashed worker) must not sink the feed
            log.exception("feed %s: could not read article %s", redact_url(self.url), redact_url(pick.url))
            return _Read(error=f"could not read the article: {type(exc).__name__}")
