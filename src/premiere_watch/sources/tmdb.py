"""``tmdb``: release dates and trailers from The Movie Database (v3 API).

Endpoints (https://developer.themoviedb.org/reference):

- ``/search/movie?query=…`` / ``/search/tv?query=…`` — ``{"results": [{"id", "title" |
  "name", "original_title" | "original_name", "popularity"}]}``; used once per title, the
  id is then kept in ``state.memory["tmdb_ids"]``;
- ``/movie/{id}/release_dates`` — ``{"results": [{"iso_3166_1": "US", "release_dates":
  [{"type", "release_date", "note"}]}]}``; types: 1 Premiere, 2 Theatrical (limited),
  3 Theatrical, 4 Digital, 5 Physical, 6 TV;
- ``/tv/{id}/season/{n}`` — ``{"air_date", …}``; ``/tv/{id}`` — ``{"first_air_date", …}``;
- ``/movie/{id}/videos``, ``/tv/{id}/videos``, ``/tv/{id}/season/{n}/videos`` —
  ``{"results": [{"key", "site", "type", "name", "published_at"}]}``.

**Which release is "the premiere" of a film**: the earliest theatrical release
(type 3, or limited type 2) in the configured region; failing that the
earliest digital release (type 4: streaming films have only that); failing
that a TV release (6).  Festival premieres (1) are skipped — fans cannot buy
a ticket to them — and physical releases (5) come after the premiere anyway.
Another region's dates are never used: they would be wrong for fans.

Authentication: a v4 "API Read Access Token" (a JWT, ``eyJ…``) is sent as a
Bearer header; a v3 API key as the ``api_key`` query parameter.  The key
never appears in logs or reasons.
"""

from __future__ import annotations

import logging
from typing import Any, ClassVar, Literal
from urllib.parse import quote

from premiere_watch.dates import FuzzyDate
from premiere_watch.keys import Key
from premiere_watch.model import DateClaim, Extraction, Observation, Target, Trailer, normalize_title
from premiere_watch.redact import mask_secrets
from premiere_watch.sources._common import (
    ApiSource,
    RequestFailed,
    api_base,
    as_dict,
    as_list,
    day_of,
    fetch_options,
    name_matches,
)
from premiere_watch.sources.base import Context

__all__ = ["PREMIERE_TIERS", "TMDBSource", "film_premiere"]

log = logging.getLogger(__name__)

API = "https://api.themoviedb.org/3"
SITE = "https://www.themoviedb.org"
WHY = "TMDB release data"

RELEASE_TYPES = {1: "premiere", 2: "limited theatrical", 3: "theatrical", 4: "digital",
                 5: "physical", 6: "TV"}
# Tried in order; the earliest date of the first tier with any date wins.
PREMIERE_TIERS: tuple[frozenset[int], ...] = (frozenset({2, 3}), frozenset({4}), frozenset({6}))


def _check_key(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return None
    return 'write your TMDB API key or read access token, e.g. api_key = "${TMDB_API_KEY}"'


def _check_id(value: Any) -> str | None:
    ok = value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0)
    return None if ok else ("write the number in the title's TMDB URL, "
                            "e.g. 693134 for themoviedb.org/movie/693134")


def _check_region(value: Any) -> str | None:
    ok = isinstance(value, str) and len(value) == 2 and value.isalpha() and value.isupper()
    return None if ok else 'write an ISO 3166-1 country code in capitals, e.g. "US" or "GB"'


def film_premiere(release_dates: Any, region: str) -> tuple[FuzzyDate, str] | None:
    """The premiere day of a film in ``region`` from a ``/release_dates`` body, and its evidence."""
    body = as_dict(release_dates, "release_dates")
    rows: list[tuple[int, FuzzyDate, str]] = []
    for country in as_list(body.get("results", []), "release_dates results"):
        country = as_dict(country, "release_dates country")
        if country.get("iso_3166_1") != region:
            continue
        for row in as_list(country.get("release_dates", []), "release_dates rows"):
            row = as_dict(row, "release date")
            kind, date, note = row.get("type"), day_of(row.get("release_date")), row.get("note")
            if isinstance(kind, int) and date is not None:
                rows.append((kind, date, note.strip() if isinstance(note, str) else ""))
    for tier in PREMIERE_TIERS:
        dated = sorted((d, k, n) for k, d, n in rows if k in tier)
        if dated:
            date, kind, note = dated[0]
            extra = f", {note}" if note else ""
            return date, f"TMDB: {region} {RELEASE_TYPES[kind]} release {date} (type {kind}{extra})"
    return None


def _trailers(videos: Any) -> list[Trailer]:
    """YouTube trailers and teasers from a ``/videos`` body, newest first."""
    if videos is None:
        return []
    out: list[tuple[str, Trailer]] = []
    for row in as_list(as_dict(videos, "videos").get("results", []), "videos results"):
        row = as_dict(row, "video")
        key, site, kind = row.get("key"), row.get("site"), row.get("type")
        if site != "YouTube" or kind not in ("Trailer", "Teaser") or not isinstance(key, str) or not key:
            continue
        name, published = row.get("name"), row.get("published_at")
        name = name if isinstance(name, str) else ""
        published = published if isinstance(published, str) else ""
        when = f", {published[:10]}" if published else ""
        trailer_kind: Literal["trailer", "teaser"] = "teaser" if kind == "Teaser" else "trailer"
        out.append((published, Trailer(kind=trailer_kind, evidence=f"TMDB video “{name}” ({kind}{when})",
                                       url=f"https://www.youtube.com/watch?v={quote(key)}",
                                       video_id=key, name=name)))
    return [t for _, t in sorted(out, key=lambda p: p[0], reverse=True)]


class TMDBSource(ApiSource, kind="tmdb"):
    """The Movie Database: a film's regional release date or a season's air date, and trailers."""

    keys = (
        Key("api_key", str, "TMDB API key or read access token; write it as ${VAR}", check=_check_key,
            secret=True, example='"${TMDB_API_KEY}"'),
        Key("id", int, "TMDB id (the number in themoviedb.org/movie/<id> or /tv/<id>); "
            "default: looked up by the watch's title", default=None, check=_check_id, example="693134"),
        Key("region", str, "country whose release dates count (ISO 3166-1)", default="US",
            check=_check_region, example='"GB"'),
    )
    default_url: ClassVar[str | None] = API
    service: ClassVar[str] = "TMDB"
    ids_memory: ClassVar[str] = "tmdb_ids"
    id_option: ClassVar[str] = "id"

    def title_key(self, target: Target) -> str | None:
        return f"{target.kind}:{normalize_title(target.title)}"

    # -- requests -------------------------------------------------------------

    def _secret(self) -> str:
        key = self.option("api_key")
        return key.strip() if isinstance(key, str) else ""

    async def _get(self, ctx: Context, path: str, *, missing_ok: bool = False) -> Any:
        secret = self._secret()
        headers: dict[str, str] = {}
        url = f"{api_base(self, API)}{path}"
        if secret.startswith("eyJ") and secret.count(".") == 2:
            headers["Authorization"] = f"Bearer {secret}"
        elif secret:
            url += f"{'&' if '?' in path else '?'}api_key={quote(secret)}"
        result, data = await ctx.fetcher.get_json(url, accept="application/json", headers=headers,
                                                  **fetch_options(self))
        if result.status_code == 404 and missing_ok:
            return None
        if result.status != "ok" or data is None:
            reason = mask_secrets(result.reason or "no JSON", [secret])
            if result.status_code == 401:
                # TMDB answers 401 for a wrong or revoked key: a config fix, not an outage.
                raise RequestFailed(f"TMDB rejected the API key ({reason})", False)
            raise RequestFailed(f"TMDB {path.split('?')[0]}: {reason}", result.temporary)
        return data

    async def _search(self, ctx: Context, target: Target) -> int:
        """The id of the most popular exact name match; never a fuzzy guess."""
        what = "movie" if target.kind == "film" else "tv"
        body = as_dict(await self._get(ctx, f"/search/{what}?query={quote(target.title)}"), "search")
        names = ("title", "original_title") if what == "movie" else ("name", "original_name")
        best: tuple[float, int] | None = None
        for hit in as_list(body.get("results", []), "search results"):
            hit = as_dict(hit, "search result")
            hit_id, popularity = hit.get("id"), hit.get("popularity")
            if isinstance(hit_id, int) and name_matches([hit.get(n) for n in names], target):
                score = (float(popularity) if isinstance(popularity, int | float) else 0.0, hit_id)
                best = max(best, score) if best else score
        if best is None:
            kind = "film" if what == "movie" else "series"
            raise RequestFailed(f"no TMDB {kind} named {target.title!r}; set id", False)
        return best[1]

    async def read_title(self, ctx: Context, group: list[Target], group_key: str,
                          ids: dict[str, Any], configured: Any) -> list[Observation]:
        remembered = ids.get(group_key)
        tmdb_id = configured if isinstance(configured, int) else remembered
        if not isinstance(tmdb_id, int):
            tmdb_id = await self._search(ctx, group[0])
        observations = await self._read_id(ctx, group, tmdb_id)
        if observations is None and tmdb_id == remembered and not isinstance(configured, int):
            # A remembered id that vanished (TMDB merges duplicates): search again
            # now — a failed result would not save the forgotten id.
            ids.pop(group_key, None)
            tmdb_id = await self._search(ctx, group[0])
            observations = await self._read_id(ctx, group, tmdb_id)
        if observations is None:
            raise RequestFailed(f"TMDB has no {group[0].kind} {tmdb_id}; check id", False)
        ids[group_key] = tmdb_id
        return observations

    async def _read_id(self, ctx: Context, group: list[Target], tmdb_id: int) -> list[Observation] | None:
        """Observations of one title by id; None when TMDB has no such title."""
        if group[0].kind == "film":
            return await self._read_film(ctx, group, tmdb_id)
        read = [await self._read_series(ctx, t, tmdb_id) for t in group]
        return [o for o in read if o is not None] if None not in read else None

    async def _read_film(self, ctx: Context, group: list[Target], tmdb_id: int) -> list[Observation] | None:
        region = self.option("region")
        region = region if isinstance(region, str) else "US"
        body = await self._get(ctx, f"/movie/{tmdb_id}/release_dates", missing_ok=True)
        if body is None:
            return None
        found = film_premiere(body, region)
        trailers = _trailers(await self._get(ctx, f"/movie/{tmdb_id}/videos", missing_ok=True))
        claim = self._claim(*found) if found else None
        if found is None:
            log.info("tmdb: film %s has no %s release date yet", tmdb_id, region)
        return [self._observation(t, f"{SITE}/movie/{tmdb_id}", claim, trailers) for t in group]

    async def _read_series(self, ctx: Context, target: Target, tmdb_id: int) -> Observation | None:
        """The target's observation; None when the series itself is gone."""
        if target.season is None:
            path, field, what = f"/tv/{tmdb_id}", "first_air_date", "first_air_date"
        else:
            path, field = f"/tv/{tmdb_id}/season/{target.season}", "air_date"
            what = f"season {target.season} air_date"
        body = await self._get(ctx, path, missing_ok=True)
        if body is None and target.season is None:
            return None
        # A season TMDB does not list yet is a 404: no date, not a failure.
        date = day_of(as_dict(body, "season").get(field)) if body is not None else None
        trailers = _trailers(await self._get(ctx, f"{path}/videos", missing_ok=True))
        claim = self._claim(date, f"TMDB: {what} {date}") if date else None
        return self._observation(target, f"{SITE}{path}", claim, trailers)

    # -- claims ---------------------------------------------------------------

    @staticmethod
    def _claim(date: FuzzyDate, evidence: str) -> DateClaim:
        return DateClaim(date=date, status="confirmed", evidence=evidence, why=WHY, structured=True)

    @staticmethod
    def _observation(target: Target, url: str, claim: DateClaim | None,
                     trailers: list[Trailer]) -> Observation:
        extraction = Extraction(
            target=target, confirmed=claim, trailers=list(trailers),
            trailer_status="released" if trailers else "unmentioned",
            trailer_evidence=trailers[0].evidence if trailers else "",
        )
        return Observation(target_key=target.key, document_url=url, extraction=extraction,
                           structured=True)

