"""The tmdb kind against fixtures shaped like TMDB v3's documented responses.

Shapes follow https://developer.themoviedb.org/reference: search results,
``/movie/{id}/release_dates`` grouped by ``iso_3166_1`` with release ``type``
1 Premiere, 2 Theatrical (limited), 3 Theatrical, 4 Digital, 5 Physical, 6 TV;
``/tv/{id}/season/{n}`` with ``air_date``; ``/videos`` with ``key``, ``site``,
``type``.
"""

from __future__ import annotations

import asyncio
from typing import Any

from mocksite import MockApi
from premiere_watch.dates import FuzzyDate
from premiere_watch.fetch import Fetcher, FetchSettings
from premiere_watch.model import Target
from premiere_watch.sources.base import Context, SourceResult, SourceState
from premiere_watch.sources.tmdb import TMDBSource, film_premiere

API = "http://tmdb.test/3"
KEY = "0123456789abcdef0123456789abcdef"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl"
DUNE = Target("Dune: Part Two", kind="film")
SHOW = Target("Wednesday", season=2)


def release(kind: int, date: str, note: str = "") -> dict[str, Any]:
    return {"certification": "PG-13", "descriptors": [], "iso_639_1": "", "note": note,
            "release_date": f"{date}T00:00:00.000Z", "type": kind}


RELEASE_DATES = {
    "id": 693134,
    "results": [
        {"iso_3166_1": "US", "release_dates": [
            release(1, "2024-02-15", "New York premiere"),
            release(4, "2024-04-16"),
            release(3, "2024-03-01"),
            release(5, "2024-05-14", "Blu-ray"),
        ]},
        {"iso_3166_1": "GB", "release_dates": [release(3, "2024-03-01"), release(2, "2024-02-23")]},
        {"iso_3166_1": "DE", "release_dates": [release(1, "2024-02-21", "Berlinale")]},
    ],
}


def video(name: str, key: str, kind: str, site: str = "YouTube", published: str = "2024-01-01") -> dict[str, Any]:
    return {"iso_639_1": "en", "iso_3166_1": "US", "name": name, "key": key, "site": site, "size": 1080,
            "type": kind, "official": True, "published_at": f"{published}T16:00:00.000Z", "id": f"v{key}"}


VIDEOS = {"id": 693134, "results": [
    video("Official Trailer 3", "U2Qp5pL3ovA", "Trailer", published="2023-12-19"),
    video("Official Teaser", "Way9Dexny3w", "Teaser", published="2023-05-03"),
    video("Making Dune", "mk1", "Featurette"),
    video("Trailer (Vimeo)", "123456", "Trailer", site="Vimeo"),
]}

SEARCH_MOVIE = {"page": 1, "total_pages": 1, "total_results": 2, "results": [
    {"id": 1, "title": "Dune: Part Two Fan Edit", "original_title": "x", "popularity": 999.0,
     "release_date": "2024-01-01"},
    {"id": 693134, "title": "Dune: Part Two", "original_title": "Dune: Part Two", "popularity": 300.5,
     "release_date": "2024-02-27"},
]}
SEARCH_TV = {"page": 1, "total_pages": 1, "total_results": 1, "results": [
    {"id": 119051, "name": "Wednesday", "original_name": "Wednesday", "popularity": 250.0,
     "first_air_date": "2022-11-23"},
]}


class Api(MockApi):
    """A scripted TMDB on a respx router: path -> JSON (or raw bytes, or an int status); other paths 404."""

    def __init__(self, routes: dict[str, Any]) -> None:
        super().__init__(API)
        for path, body in routes.items():
            route = self.router.get(path=path)
            if isinstance(body, int):
                route.respond(body, json={"success": False, "status_code": 7,
                                          "status_message": "Invalid API key: You must be granted a valid key."})
            elif isinstance(body, bytes):
                route.respond(200, content=body, headers={"content-type": "application/json"})
            else:
                route.respond(200, json=body)
        self.not_found({"success": False, "status_code": 34,
                        "status_message": "The resource you requested could not be found."})

    def paths(self) -> list[str]:
        return [r.url.path.removeprefix("/3") for r in self.log]


def film_routes(**extra: Any) -> dict[str, Any]:
    return {"/search/movie": SEARCH_MOVIE, "/movie/693134/release_dates": RELEASE_DATES,
            "/movie/693134/videos": VIDEOS, **extra}


def tv_routes(**extra: Any) -> dict[str, Any]:
    return {"/search/tv": SEARCH_TV,
            "/tv/119051/season/2": {"_id": "x", "air_date": "2025-08-06", "name": "Season 2",
                                    "season_number": 2, "episodes": [], "id": 1},
            "/tv/119051/season/2/videos": {"id": 1, "results": [
                video("Season 2 Official Teaser", "tz2", "Teaser", published="2025-01-01")]},
            **extra}


def collect(api: Api, targets: list[Target], state: SourceState | None = None,
            **options: Any) -> SourceResult:
    async def go() -> SourceResult:
        settings = FetchSettings(host_delay=0, retries=0, robots=False)
        async with Fetcher(settings, transport=api.transport) as fetcher:
            source = TMDBSource(API, {"api_key": KEY, "region": "US", **options})
            return await source.collect(Context(fetcher=fetcher), targets, state or SourceState())
    return asyncio.run(go())


def test_film_premiere_is_the_regions_theatrical_date_not_the_festival() -> None:
    api = Api(film_routes())
    result = collect(api, [DUNE])
    assert result.status == "ok", result.reason
    [obs] = result.observations
    claim = obs.extraction.confirmed
    assert claim is not None and claim.date == FuzzyDate(2024, 3, 1)
    assert claim.status == "confirmed" and claim.structured and obs.structured
    assert claim.evidence == "TMDB: US theatrical release 2024-03-01 (type 3)"
    assert obs.document_url == "https://www.themoviedb.org/movie/693134"


def test_region_and_tiers() -> None:
    gb = film_premiere(RELEASE_DATES, "GB")
    assert gb is not None and gb[0] == FuzzyDate(2024, 2, 23)  # limited counts as theatrical
    assert "limited theatrical" in gb[1]
    assert film_premiere(RELEASE_DATES, "DE") is None  # only a festival premiere: no date yet
    assert film_premiere(RELEASE_DATES, "FR") is None  # another region's date is never borrowed
    streaming = {"results": [{"iso_3166_1": "US", "release_dates": [
        release(1, "2024-09-01", "TIFF"), release(4, "2024-11-01", "Netflix")]}]}
    found = film_premiere(streaming, "US")
    assert found is not None and found[0] == FuzzyDate(2024, 11, 1)
    assert found[1] == "TMDB: US digital release 2024-11-01 (type 4, Netflix)"


def test_configured_region_is_used() -> None:
    result = collect(Api(film_routes()), [DUNE], region="GB")
    claim = result.observations[0].extraction.confirmed
    assert claim is not None and claim.date == FuzzyDate(2024, 2, 23)


def test_videos_give_youtube_trailers_and_teasers_only() -> None:
    result = collect(Api(film_routes()), [DUNE])
    ext = result.observations[0].extraction
    assert ext.trailer_status == "released"
    assert [(t.kind, t.video_id, t.url) for t in ext.trailers] == [
        ("trailer", "U2Qp5pL3ovA", "https://www.youtube.com/watch?v=U2Qp5pL3ovA"),
        ("teaser", "Way9Dexny3w", "https://www.youtube.com/watch?v=Way9Dexny3w"),
    ]
    assert ext.trailers[0].name == "Official Trailer 3"


def test_search_once_then_id_remembered() -> None:
    api = Api(film_routes())
    first = collect(api, [DUNE])
    # The exact title wins over a more popular near-namesake.
    assert first.state.memory["tmdb_ids"] == {"film:dune part two": 693134}
    second = collect(api, [DUNE], first.state)
    assert api.paths().count("/search/movie") == 1
    assert second.status == "unchanged"


def test_season_air_date_and_season_videos() -> None:
    api = Api(tv_routes())
    result = collect(api, [SHOW])
    [obs] = result.observations
    claim = obs.extraction.confirmed
    assert claim is not None and claim.date == FuzzyDate(2025, 8, 6)
    assert claim.evidence == "TMDB: season 2 air_date 2025-08-06"
    assert [t.kind for t in obs.extraction.trailers] == ["teaser"]
    assert obs.document_url == "https://www.themoviedb.org/tv/119051/season/2"


def test_season_not_listed_yet_is_no_claim_not_a_failure() -> None:
    result = collect(Api(tv_routes()), [Target("Wednesday", season=3)])
    assert result.status == "ok", result.reason
    assert result.observations[0].extraction.confirmed is None
    assert result.observations[0].extraction.trailer_status == "unmentioned"


def test_api_key_goes_in_the_query_and_a_token_as_bearer() -> None:
    api = Api(film_routes())
    collect(api, [DUNE])
    assert all(r.url.params.get("api_key") == KEY for r in api.log)
    api = Api(film_routes())
    collect(api, [DUNE], api_key=JWT)
    assert all("api_key" not in r.url.params for r in api.log)
    assert all(r.headers["authorization"] == f"Bearer {JWT}" for r in api.log)


def test_rejected_key_is_permanent_and_never_shown() -> None:
    result = collect(Api(film_routes(**{"/search/movie": 401})), [DUNE])
    assert result.status == "failed" and not result.temporary
    assert "rejected the API key" in result.reason
    assert KEY not in result.reason


def test_malformed_json_is_a_recorded_failure() -> None:
    result = collect(Api(film_routes(**{"/movie/693134/release_dates": b"{not json"})), [DUNE])
    assert result.status == "failed"
    assert "invalid JSON" in result.reason
    wrong = collect(Api(film_routes(**{"/movie/693134/release_dates": {"results": {"US": []}}})), [DUNE])
    assert wrong.status == "failed"
    assert wrong.reason.startswith("unexpected TMDB response")


def test_no_match_asks_for_an_id() -> None:
    result = collect(Api(film_routes()), [Target("Dune: Part Three", kind="film")])
    assert result.status == "failed" and not result.temporary
    assert "set id" in result.reason


def test_configured_id_skips_search() -> None:
    api = Api(film_routes())
    result = collect(api, [DUNE], id=693134)
    assert result.status == "ok"
    assert "/search/movie" not in api.paths()


def test_key_is_declared_secret() -> None:
    keys = {k.name: k for k in TMDBSource.keys}
    assert keys["api_key"].secret and keys["api_key"].required
    assert keys["region"].default == "US"
    assert keys["region"].check is not None and keys["region"].check("us") is not None


def test_vanished_id_is_searched_again_at_once() -> None:
    api = Api(film_routes())
    state = SourceState(memory={"tmdb_ids": {"film:dune part two": 42, "tv:other": 7}})
    result = collect(api, [DUNE], state)
    assert result.status == "ok", result.reason
    assert result.state.memory["tmdb_ids"] == {"film:dune part two": 693134, "tv:other": 7}
    assert api.paths().count("/search/movie") == 1


def test_configured_id_that_does_not_exist_is_a_config_error() -> None:
    result = collect(Api(film_routes()), [DUNE], id=42)
    assert result.status == "failed" and not result.temporary
    assert "check id" in result.reason


def test_series_without_season_uses_first_air_date() -> None:
    api = Api(tv_routes(**{"/tv/119051": {"id": 119051, "name": "Wednesday", "first_air_date": "2022-11-23"}}))
    result = collect(api, [Target("Wednesday")])
    claim = result.observations[0].extraction.confirmed
    assert claim is not None and claim.date == FuzzyDate(2022, 11, 23)
