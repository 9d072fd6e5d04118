"""``youtube``: a channel's or playlist's video feed, watched for trailers.

The URL is the Atom feed YouTube publishes for a channel or a playlist:
``https://www.youtube.com/feeds/videos.xml?channel_id=…`` (or ``playlist_id=…``).
It lists the latest ~15 videos; each entry carries ``<yt:videoId>``, a title,
a watch link and ``<media:group>`` with the description.

A video counts as a trailer of a watched title when its title names the
title (or an alias), says "trailer" or "teaser", is not commentary about a
trailer (reaction, breakdown, …), and — for a watched season — is about that
season.  Each such video is one observation: the video is the document.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from premiere_watch.model import Extraction, Observation, Target, Trailer, normalize_title
from premiere_watch.redact import redact_url
from premiere_watch.sources._common import failed, fetch_options, is_http, mentions, observations_digest
from premiere_watch.sources.base import Context, Source, SourceResult, SourceState
from premiere_watch.sources.feed import FEED_ACCEPT, parse_feed

__all__ = ["YouTubeSource", "seasons_named", "trailer_kind"]

log = logging.getLogger(__name__)

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_NUM = r"(\d{1,2}|" + "|".join(_WORDS) + r")"
# "Season 2", "Series 2" (British usage), "Season Two", "Second Season", "S2", "S02E01".
_SEASON = re.compile(rf"\b(?:season|series)\s+{_NUM}\b|\b{_NUM}\s+season\b"
                     r"|\bs(\d{1,2})(?:\s?e\d{1,3})?\b")
# "Part 2" / "Part Two" / "Part II": a season for Money Heist-style numbering.
_PART = re.compile(r"\bpart\s+(\d{1,2}|" + "|".join([*_WORDS, *_ROMAN]) + r")\b")
_NUMBER_AFTER_NAME = re.compile(r"^\s+(\d{1,2})\b")  # "Stranger Things 4 | Official Trailer"
# Videos *about* a trailer, not the trailer itself.
_COMMENTARY = re.compile(r"\b(?:reaction|reacts?|breakdown|review|explained|recap|analysis|"
                         r"easter eggs?|behind the scenes|making of)\b")


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _WORDS.get(token) or _ROMAN.get(token)


def seasons_named(text: str, names: Sequence[str] = ()) -> set[int]:
    """Season numbers a video title or description names, outside the watched ``names``.

    The names are taken out first, so a film called "Dune: Part Two" does not
    read as "part 2" of itself; a bare number right after a name ("Stranger
    Things 4") is a season.  "Part N" counts only when no season is named,
    because "Season 3 Part 2" is half of season 3.
    """
    norm = f" {normalize_title(text)} "
    found: set[int] = set()
    for name in (normalize_title(n) for n in names):
        if not name:
            continue
        for piece in norm.split(f" {name} ")[1:]:
            if (m := _NUMBER_AFTER_NAME.match(" " + piece)) and 1 <= int(m.group(1)) <= 30:
                found.add(int(m.group(1)))
        norm = norm.replace(f" {name} ", " | ")
    for m in _SEASON.finditer(norm):
        token = next(g for g in m.groups() if g)
        if (n := _number(token)) is not None:
            found.add(n)
    if not found:
        for m in _PART.finditer(norm):
            if (n := _number(m.group(1))) is not None:
                found.add(n)
    return found


def trailer_kind(title: str) -> Literal["trailer", "teaser"] | None:
    """"teaser" or "trailer" when a video title announces one, else None."""
    words = f" {normalize_title(title)} "
    if _COMMENTARY.search(words):
        return None
    if " teaser " in words or " teasers " in words:
        return "teaser"
    if " trailer " in words or " trailers " in words:
        return "trailer"
    return None


def _for_season(title: str, description: str, target: Target) -> bool:
    """Whether a video about ``target`` is about the watched season (or film, not a sequel)."""
    named = seasons_named(title, target.names)
    if target.kind == "film":
        return not named  # "Dune Part Two" is another film than "Dune"
    if target.season is None:
        return True  # the series as a whole: any season's trailer counts
    if named:
        return target.season in named
    # Nothing in the title: a description naming exactly one season decides;
    # otherwise an unnumbered trailer is taken as the first season's.
    in_description = seasons_named(description, target.names)
    if len(in_description) == 1:
        return target.season in in_description
    return target.season == 1


def _video_id(entry: Mapping[str, Any]) -> str | None:
    vid = entry.get("yt_videoid")
    if isinstance(vid, str) and vid.strip():
        return vid.strip()
    ident = entry.get("id")
    if isinstance(ident, str) and ident.startswith("yt:video:"):
        return ident.removeprefix("yt:video:") or None
    return None


def _published(entry: Mapping[str, Any]) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
    except (AttributeError, ValueError):
        return None


class YouTubeSource(Source, kind="youtube"):
    """A YouTube channel or playlist feed (feeds/videos.xml): trailers of watched titles."""

    keys = ()

    async def collect(
        self, ctx: Context, targets: Sequence[Target], state: SourceState
    ) -> SourceResult:
        result = await ctx.fetcher.fetch(self.url, etag=state.etag, last_modified=state.last_modified,
                                         accept=FEED_ACCEPT, **fetch_options(self))
        now = ctx.now()
        if result.status == "not_modified":
            return SourceResult(status="unchanged", state=state, fetched_at=now)
        if result.status != "ok":
            if result.status_code == 404:
                # YouTube's feeds answer 404 for live channels during its known
                # outages; a typo'd channel id shows up as a failure that persists.
                return failed("HTTP 404 from the YouTube feed (YouTube's feeds have outages; "
                              "will retry)", state, now, temporary=True)
            return failed(result.reason or "fetch failed", state, now, temporary=result.temporary)

        feed = parse_feed(result.content, url=result.final_url or self.url,
                          content_type=result.content_type, encoding=result.encoding)
        if feed.error:
            return failed(feed.error, state, now, temporary=True)

        observations = [obs for entry in feed.entries for obs in self._observe(entry, targets)]
        new_state = SourceState(etag=result.etag, last_modified=result.last_modified,
                                content_hash=observations_digest(observations), memory=dict(state.memory))
        # View counts and thumbnails change every fetch; what matters is which trailers are listed.
        if new_state.content_hash == state.content_hash:
            return SourceResult(status="unchanged", state=new_state, fetched_at=now)
        return SourceResult(status="ok", observations=observations, state=new_state, fetched_at=now)

    def _observe(self, entry: Mapping[str, Any], targets: Sequence[Target]) -> list[Observation]:
        title = entry.get("title")
        if not isinstance(title, str) or (kind := trailer_kind(title)) is None:
            return []
        description = entry.get("summary")
        description = description if isinstance(description, str) else ""
        video_id = _video_id(entry)
        link = entry.get("link")
        url = link if is_http(link) else None
        if url is None and video_id:
            url = f"https://www.youtube.com/watch?v={video_id}"
        if url is None:
            log.info("youtube %s: video %r has no usable link; skipped", redact_url(self.url), title)
            return []
        published = _published(entry)
        when = f", {published.isoformat()}" if published else ""
        out = []
        for target in targets:
            if not (mentions(title, target.names) and _for_season(title, description, target)):
                continue
            trailer = Trailer(kind=kind, evidence=f"YouTube video “{title}”{when}", url=url,
                              video_id=video_id, name=title)
            extraction = Extraction(target=target, published=published, trailer_status="released",
                                    trailer_evidence=trailer.evidence, trailers=[trailer], headline=title)
            out.append(Observation(target_key=target.key, document_url=url, extraction=extraction))
        return out
