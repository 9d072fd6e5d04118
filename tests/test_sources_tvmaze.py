"""The tvmaze kind against fixtures shaped like TVmaze's documented responses.

Shapes follow https://www.tvmaze.com/api: ``/search/shows`` gives
``[{"score", "show"}]``, ``/shows/{id}/seasons`` gives season objects with
``number`` and ``premiereDate``, ``?embed=nextepisode`` adds
``_embedded.nextepisode`` with ``season``, ``number`` and ``airdate``.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Coroutine
from typing import Any

from mocksite import MockApi
from premiere_watch.dates import FuzzyDate
from premiere_watch.fetch import Fetcher, FetchSettings
from premiere_watch.model import Target
from premiere_watch.sources.base import Context, SourceResult, SourceState
from premiere_watch.sources.tvmaze import HOST_DELAY, TVmazeSource

API = "http://tvmaze.test"
NARCOS = Target("Narcos", season=2)


def show(show_id: int, name: str, premiered: str | None,
         nextepisode: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": show_id, "url": f"https://www.tvmaze.com/shows/{show_id}/{name.lower()}", "name": name,
        "type": "Scripted", "language": "English", "status": "Running", "premiered": premiered,
        "webChannel": {"id": 1, "name": "Netflix"}, "_links": {"self": {"href": f"{API}/shows/{show_id}"}},
    }
    if nextepisode is not None:
        body["_embedded"] = {"nextepisode": nextepisode}
    return body


def season(number: int, premiere: str | None) -> dict[str, Any]:
    return {"id": 5000 + number, "url": f"https://www.tvmaze.com/seasons/{5000 + number}", "number": number,
            "name": "", "episodeOrder": 10, "premiereDate": premiere, "endDate": premiere,
            "network": None, "webChannel": {"id": 1, "name": "Netflix"}, "image": None, "summary": None}


SEARCH = [
    {"score": 0.95, "show": show(38963, "Narcos: Mexico", "2018-11-16")},
    {"score": 0.90, "show": show(1371, "Narcos", "2015-08-28")},
]
SEASONS = [season(1, "2015-08-28"), season(2, "2016-09-02"), season(3, "2017-09-01")]


class Api(MockApi):
    """A scripted TVmaze on a respx router: path -> JSON (or raw bytes); other paths 404."""

    def __init__(self, routes: dict[str, Any]) -> None:
        super().__init__(API)
        for path, body in routes.items():
            self.set(path, body)
        self.not_found({"name": "Not Found", "status": 404})

    def set(self, path: str, body: Any) -> None:
        """Serve ``body`` at ``path`` from now on (a route already there keeps its place)."""
        if isinstance(body, bytes):
            self.router.get(path=path).respond(200, content=body, headers={"content-type": "application/json"})
        else:
            self.router.get(path=path).respond(200, json=body)

    def paths(self) -> list[str]:
        return [r.url.path for r in self.log]


def collect(api: Api, targets: list[Target], state: SourceState | None = None,
            **options: Any) -> SourceResult:
    async def go() -> SourceResult:
        settings = FetchSettings(host_delay=0, retries=0, robots=False)
        async with Fetcher(settings, transport=api.transport) as fetcher:
            # host_delay 0: the kind's own 0.5 s floor would only slow the tests down.
            source = TVmazeSource(API, {"host_delay": 0, **options})
            return await source.collect(Context(fetcher=fetcher), targets, state or SourceState())
    return run(go)


def run(make: Callable[[], Coroutine[Any, Any, SourceResult]]) -> SourceResult:
    return asyncio.run(make())


def routes(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "/search/shows": SEARCH,
        "/shows/1371": show(1371, "Narcos", "2015-08-28"),
        "/shows/1371/seasons": SEASONS,
    }
    base.update(extra)
    return base


def test_season_premiere_is_confirmed_and_structured() -> None:
    api = Api(routes())
    result = collect(api, [NARCOS])
    assert result.status == "ok", result.reason
    [obs] = result.observations
    claim = obs.extraction.confirmed
    assert claim is not None
    assert claim.date == FuzzyDate(2016, 9, 2)
    assert claim.status == "confirmed" and claim.structured
    assert claim.evidence == "TVmaze: season 2 premiereDate 2016-09-02"
    assert obs.structured and obs.target_key == NARCOS.key
    assert obs.document_url == "https://www.tvmaze.com/shows/1371/narcos"


def test_lookup_once_then_id_remembered() -> None:
    api = Api(routes())
    first = collect(api, [NARCOS])
    # The exact name wins over a higher-scored spin-off.
    assert first.state.memory["show_ids"] == {"narcos": 1371}
    assert api.paths().count("/search/shows") == 1
    second = collect(api, [NARCOS], first.state)
    assert api.paths().count("/search/shows") == 1
    # Same schedule as last time: nothing new to store.
    assert second.status == "unchanged"
    assert second.state.memory["show_ids"] == {"narcos": 1371}


def test_changed_date_is_reported_on_the_next_pass() -> None:
    api = Api(routes())
    first = collect(api, [NARCOS])
    api.set("/shows/1371/seasons", [season(1, "2015-08-28"), season(2, "2016-09-09")])
    second = collect(api, [NARCOS], first.state)
    assert second.status == "ok"
    claim = second.observations[0].extraction.confirmed
    assert claim is not None and claim.date == FuzzyDate(2016, 9, 9)


def test_configured_show_id_skips_the_lookup() -> None:
    api = Api(routes())
    result = collect(api, [NARCOS], show_id=1371)
    assert result.status == "ok"
    assert "/search/shows" not in api.paths()


def test_seasons_of_one_series_share_requests() -> None:
    api = Api(routes())
    result = collect(api, [NARCOS, Target("Narcos", season=3)])
    dates = {o.target_key: o.extraction.confirmed.date for o in result.observations if o.extraction.confirmed}
    assert dates == {"narcos#s2": FuzzyDate(2016, 9, 2), "narcos#s3": FuzzyDate(2017, 9, 1)}
    assert api.paths().count("/shows/1371/seasons") == 1


def test_undated_season_falls_back_to_the_scheduled_first_episode() -> None:
    nxt = {"id": 99, "name": "Episode 1", "season": 4, "number": 1, "airdate": "2026-03-06",
           "airtime": "", "airstamp": "2026-03-06T08:00:00+00:00"}
    api = Api(routes(**{"/shows/1371": show(1371, "Narcos", "2015-08-28", nxt),
                        "/shows/1371/seasons": [*SEASONS, season(4, None)]}))
    result = collect(api, [Target("Narcos", season=4)])
    claim = result.observations[0].extraction.confirmed
    assert claim is not None and claim.date == FuzzyDate(2026, 3, 6)
    assert "S4E1 airdate 2026-03-06" in claim.evidence


def test_unlisted_season_gives_no_claim() -> None:
    result = collect(Api(routes()), [Target("Narcos", season=7)])
    assert result.status == "ok"
    assert result.observations[0].extraction.confirmed is None


def test_series_without_season_uses_the_series_premiere() -> None:
    result = collect(Api(routes()), [Target("Narcos")])
    claim = result.observations[0].extraction.confirmed
    assert claim is not None and claim.date == FuzzyDate(2015, 8, 28)


def test_no_exact_name_match_is_a_permanent_failure() -> None:
    result = collect(Api(routes()), [Target("Narcos Colombia", season=1)])
    assert result.status == "failed" and not result.temporary
    assert "show_id" in result.reason


def test_malformed_json_is_a_recorded_failure() -> None:
    state = SourceState(etag=None, memory={"show_ids": {"narcos": 1371}, "other": 1})
    result = collect(Api(routes(**{"/shows/1371/seasons": b"<html>oops</html>"})), [NARCOS], state)
    assert result.status == "failed"
    assert "invalid JSON" in result.reason
    assert result.state.memory["other"] == 1  # memory survives a bad pass


def test_unexpected_shape_is_a_recorded_failure() -> None:
    result = collect(Api(routes(**{"/shows/1371/seasons": {"seasons": []}})), [NARCOS])
    assert result.status == "failed"
    assert result.reason.startswith("unexpected TVmaze response")
    bad_search = collect(Api(routes(**{"/search/shows": [{"score": 1, "show": "Narcos"}]})), [NARCOS])
    assert bad_search.status == "failed"


def test_vanished_show_id_is_looked_up_again_at_once() -> None:
    api = Api(routes())
    result = collect(api, [NARCOS], SourceState(memory={"show_ids": {"narcos": 42}}))
    assert result.status == "ok", result.reason
    assert result.state.memory["show_ids"] == {"narcos": 1371}
    assert api.paths().count("/search/shows") == 1


def test_configured_show_id_that_does_not_exist_is_a_config_error() -> None:
    result = collect(Api(routes()), [NARCOS], show_id=42)
    assert result.status == "failed" and not result.temporary


def test_films_are_skipped() -> None:
    api = Api(routes())
    result = collect(api, [Target("Dune", kind="film")])
    assert result.status in ("ok", "unchanged") and not result.observations
    assert api.log == []


def test_polite_by_default_and_configurable() -> None:
    assert TVmazeSource(API, {})._opts()["host_delay"] == HOST_DELAY == 0.5
    assert TVmazeSource(API, {"host_delay": "2s"})._opts()["host_delay"] == 2.0
    assert TVmazeSource(API, {"host_delay": 1.5})._opts()["host_delay"] == 1.5


def test_api_base_defaults_to_the_source_url() -> None:
    api = Api(routes())

    async def go() -> SourceResult:
        settings = FetchSettings(host_delay=0, retries=0, robots=False)
        async with Fetcher(settings, transport=api.transport) as fetcher:
            source = TVmazeSource(API + "/", {"host_delay": 0})
            return await source.collect(Context(fetcher=fetcher), [NARCOS], SourceState())

    assert run(go).status == "ok"
    assert str(api.log[0].url).startswith(API + "/search/shows?q=Narcos")
    assert json.loads(json.dumps(TVmazeSource.default_url)) == "https://api.tvmaze.com"
