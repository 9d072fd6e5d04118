"""``tvmaze``: season premiere dates from the TVmaze schedule API (series only).

Endpoints (https://www.tvmaze.com/api), all keyless JSON:

- ``/search/shows?q=…`` — ``[{"score": …, "show": {"id", "name", "premiered", …}}]``;
  used once per title, the id is then kept in ``state.memory["show_ids"]``;
- ``/shows/{id}?embed=nextepisode`` — the show, with ``premiered`` and
  ``_embedded.nextepisode`` (``season``, ``number``, ``airdate``) when one is scheduled;
- ``/shows/{id}/seasons`` — ``[{"number", "premiereDate", "endDate", …}]``.

A date TVmaze lists is the broadcaster's schedule, so it is a confirmed,
structured claim.  TVmaze allows about 20 requests per 10 s per IP; unless
the operator sets ``host_delay``, requests to it are spaced 0.5 s apart (the
fetcher retries a 429).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import quote

from premiere_watch.dates import FuzzyDate
from premiere_watch.keys import Key
from premiere_watch.model import DateClaim, Extraction, Observation, Target, normalize_title
from premiere_watch.sources._common import (
    ApiSource,
    FetchOptions,
    RequestFailed,
    api_base,
    as_dict,
    as_list,
    day_of,
    fetch_options,
    is_http,
    name_matches,
)
from premiere_watch.sources.base import Context

__all__ = ["TVmazeSource"]

log = logging.getLogger(__name__)

API = "https://api.tvmaze.com"
HOST_DELAY = 0.5  # seconds: 20 requests / 10 s, with headroom
WHY = "TVmaze schedule API"


def _check_id(value: Any) -> str | None:
    ok = value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0)
    return None if ok else "write the number in the show's TVmaze URL, e.g. 1371 for tvmaze.com/shows/1371"


@dataclass
class _Show:
    id: int
    name: str
    url: str  # the human page, used as the observation's document
    premiered: FuzzyDate | None
    next_episode: Mapping[str, Any] | None


class TVmazeSource(ApiSource, kind="tvmaze"):
    """TVmaze schedule API: a series' season premiere dates (official, structured)."""

    keys = (
        Key("show_id", int, "TVmaze show id (the number in tvmaze.com/shows/<id>); "
            "default: looked up by the watch's title", default=None, check=_check_id, example="1371"),
    )
    default_url: ClassVar[str | None] = API
    service: ClassVar[str] = "TVmaze"
    ids_memory: ClassVar[str] = "show_ids"
    id_option: ClassVar[str] = "show_id"

    def title_key(self, target: Target) -> str | None:
        if target.kind != "tv":
            log.info("tvmaze: %s is a film; TVmaze lists series only", target.label)
            return None
        return normalize_title(target.title)  # seasons of one series share one lookup

    # -- requests -------------------------------------------------------------

    def _opts(self) -> FetchOptions:
        return fetch_options(self, default_delay=HOST_DELAY)

    async def _get(self, ctx: Context, path: str, *, missing_ok: bool = False) -> Any:
        url = f"{api_base(self, API)}{path}"
        result, data = await ctx.fetcher.get_json(url, accept="application/json", **self._opts())
        if result.status_code == 404 and missing_ok:
            return None
        if result.status != "ok" or data is None:
            where = path.split("?")[0]
            raise RequestFailed(f"TVmaze {where}: {result.reason or 'no JSON'}", result.temporary)
        return data

    async def _lookup(self, ctx: Context, target: Target) -> int:
        """The show id of the best exact name match; never a fuzzy guess."""
        hits = as_list(await self._get(ctx, f"/search/shows?q={quote(target.title)}"), "search results")
        candidates: list[tuple[float, str, int]] = []
        for hit in hits:
            show = as_dict(as_dict(hit, "search result").get("show"), "search result show")
            show_id = show.get("id")
            if isinstance(show_id, int) and name_matches([show.get("name")], target):
                score = hit.get("score")
                premiered = show.get("premiered")
                candidates.append((float(score) if isinstance(score, int | float) else 0.0,
                                   premiered if isinstance(premiered, str) else "", show_id))
        if not candidates:
            # Permanent until the operator helps: a wrong show would give wrong dates.
            raise RequestFailed(f"no TVmaze show named {target.title!r}; set show_id", False)
        # Remakes share names: the best score, then the most recent premiere.
        return max(candidates)[2]

    async def _show(self, ctx: Context, show_id: int) -> _Show | None:
        data = await self._get(ctx, f"/shows/{show_id}?embed=nextepisode", missing_ok=True)
        if data is None:
            return None
        show = as_dict(data, "show")
        embedded = show.get("_embedded")
        nxt = embedded.get("nextepisode") if isinstance(embedded, Mapping) else None
        url, name = show.get("url"), show.get("name")
        return _Show(id=show_id, name=name if isinstance(name, str) else "",
                     url=url if is_http(url) else f"{api_base(self, API)}/shows/{show_id}",
                     premiered=day_of(show.get("premiered")),
                     next_episode=nxt if isinstance(nxt, Mapping) else None)

    async def read_title(self, ctx: Context, group: list[Target], title_key: str,
                           ids: dict[str, Any], configured: Any) -> list[Observation]:
        remembered = ids.get(title_key)
        show_id = configured if isinstance(configured, int) else remembered
        if not isinstance(show_id, int):
            show_id = await self._lookup(ctx, group[0])
        show = await self._show(ctx, show_id)
        if show is None and show_id == remembered and not isinstance(configured, int):
            # A remembered id that vanished (TVmaze merges duplicate shows): look
            # it up again now — a failed result would not save the forgotten id.
            ids.pop(title_key, None)
            show_id = await self._lookup(ctx, group[0])
            show = await self._show(ctx, show_id)
        if show is None:
            raise RequestFailed(f"TVmaze show {show_id} not found", False)
        ids[title_key] = show_id
        premieres: dict[int, FuzzyDate] = {}
        if any(t.season is not None for t in group):
            rows = as_list(await self._get(ctx, f"/shows/{show_id}/seasons"), "seasons")
            for row in rows:
                season = as_dict(row, "season")
                number, date = season.get("number"), day_of(season.get("premiereDate"))
                if isinstance(number, int) and date is not None:
                    premieres[number] = date
        return [self._observe(show, t, premieres) for t in group]

    # -- claims ---------------------------------------------------------------

    def _observe(self, show: _Show, target: Target, premieres: Mapping[int, FuzzyDate]) -> Observation:
        claim: DateClaim | None = None
        if target.season is None:
            if show.premiered is not None:
                claim = self._claim(show.premiered, f"TVmaze: {show.name} premiered {show.premiered}")
        elif target.season in premieres:
            day = premieres[target.season]
            claim = self._claim(day, f"TVmaze: season {target.season} premiereDate {day}")
        elif (ep := show.next_episode) and ep.get("season") == target.season and ep.get("number") == 1 \
                and (airdate := day_of(ep.get("airdate"))) is not None:
            # The season row may lag its first scheduled episode.
            claim = self._claim(airdate, f"TVmaze: next episode S{target.season}E1 airdate {airdate}")
        extraction = Extraction(target=target, confirmed=claim, headline=show.name)
        return Observation(target_key=target.key, document_url=show.url, extraction=extraction,
                           structured=True)

    @staticmethod
    def _claim(date: FuzzyDate, evidence: str) -> DateClaim:
        return DateClaim(date=date, status="confirmed", evidence=evidence, why=WHY, structured=True)

