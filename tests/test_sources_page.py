"""The page kind against a real local HTTP server (tests/servers.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from premiere_watch import extract as extract_module
from premiere_watch.dates import FuzzyDate
from premiere_watch.extract import Page, extract
from premiere_watch.fetch import Fetcher, FetchSettings
from premiere_watch.model import Extraction, Target
from premiere_watch.sources.base import Context, SourceResult, SourceState
from premiere_watch.sources.page import PageSource
from servers import PageServer, Reply

NARCOS = Target("Narcos", season=2)
WEDNESDAY = Target("Wednesday", season=2)

ARTICLE = """<html><head><title>Narcos</title>
<meta property="article:published_time" content="2016-07-20T10:00:00Z"></head><body>
<nav>Home · News · TV</nav>
<article><h1>Narcos season 2 gets a premiere date</h1>
<p>Netflix announced that Narcos season 2 will premiere on September 2, 2016.</p></article>
<aside class="sidebar"><p>Trending now: {trending}</p></aside>
<div class="comments"><p>Narcos season 2 comes out on May 1, 2016 I heard</p></div>
</body></html>"""

TITLE_PAGE = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "TVSeries", "name": "Wednesday",
 "aggregateRating": {"@type": "AggregateRating", "ratingValue": "%s"},
 "containsSeason": [{"@type": "TVSeason", "seasonNumber": 2, "startDate": "2025-08-06"}]}
</script></head><body><h1>Wednesday</h1><p>Smart, sarcastic and a little dead inside.</p></body></html>"""


def collect(url: str, targets: list[Target], state: SourceState | None = None) -> SourceResult:
    async def go() -> SourceResult:
        async with Fetcher(FetchSettings(host_delay=0, retries=0)) as fetcher:
            return await PageSource(url, {}).collect(Context(fetcher=fetcher), targets, state or SourceState())
    return asyncio.run(go())


def test_article_gives_one_observation_per_target(page_server: PageServer) -> None:
    page_server.route("/a", Reply(body=ARTICLE.format(trending="x"), headers={"ETag": '"v1"'}))
    result = collect(page_server.url("/a"), [NARCOS, WEDNESDAY])
    assert result.status == "ok", result.reason
    by_key = {o.target_key: o for o in result.observations}
    assert set(by_key) == {NARCOS.key, WEDNESDAY.key}
    claim = by_key[NARCOS.key].extraction.confirmed
    assert claim is not None and claim.date == FuzzyDate(2016, 9, 2)
    assert not by_key[NARCOS.key].structured  # prose, not a schedule
    assert by_key[WEDNESDAY.key].extraction.confirmed is None
    assert result.state.etag == '"v1"' and result.state.content_hash


def test_304_is_unchanged_without_parsing(page_server: PageServer, monkeypatch: pytest.MonkeyPatch) -> None:
    page_server.route("/a", Reply(304))

    def boom(*_: Any, **__: Any) -> None:
        raise AssertionError("a 304 must not be parsed")

    monkeypatch.setattr(extract_module, "parse_page", boom)
    state = SourceState(etag='"v1"', last_modified="Wed, 20 Jul 2016 10:00:00 GMT", content_hash="h",
                        memory={"k": 1})
    result = collect(page_server.url("/a"), [NARCOS], state)
    assert result.status == "unchanged"
    assert result.state == state
    [req] = page_server.requests("/a")
    assert req.headers["if-none-match"] == '"v1"'
    assert req.headers["if-modified-since"] == "Wed, 20 Jul 2016 10:00:00 GMT"


def test_same_text_is_unchanged_without_extracting(page_server: PageServer,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # The server ignores validators; only the comment section differs.
    page_server.route("/a", Reply(body=ARTICLE.format(trending="x")),
                      Reply(body=ARTICLE.format(trending="x").replace("I heard", "lol")))
    first = collect(page_server.url("/a"), [NARCOS])
    assert first.status == "ok"
    calls: list[Target] = []
    def counting(page: Page, target: Target) -> Extraction:
        calls.append(target)
        return extract(page, target)

    monkeypatch.setattr(extract_module, "extract", counting)
    second = collect(page_server.url("/a"), [NARCOS], first.state)
    assert second.status == "unchanged" and not second.observations
    assert calls == []


def test_changed_text_is_read_again(page_server: PageServer) -> None:
    page_server.route("/a", Reply(body=ARTICLE.format(trending="x")),
                      Reply(body=ARTICLE.format(trending="x").replace("September 2", "September 9")))
    first = collect(page_server.url("/a"), [NARCOS])
    second = collect(page_server.url("/a"), [NARCOS], first.state)
    assert second.status == "ok"
    claim = second.observations[0].extraction.confirmed
    assert claim is not None and claim.date == FuzzyDate(2016, 9, 9)


def test_a_new_watch_on_an_unchanged_page_is_read(page_server: PageServer) -> None:
    page_server.route("/a", ARTICLE.format(trending="x"))
    first = collect(page_server.url("/a"), [WEDNESDAY])
    second = collect(page_server.url("/a"), [WEDNESDAY, NARCOS], first.state)
    assert second.status == "ok"
    assert {o.target_key for o in second.observations} == {WEDNESDAY.key, NARCOS.key}


def test_title_page_json_ld_is_structured(page_server: PageServer) -> None:
    page_server.route("/title", Reply(body=TITLE_PAGE % "4.1"), Reply(body=TITLE_PAGE % "4.2"))
    result = collect(page_server.url("/title"), [WEDNESDAY])
    [obs] = result.observations
    assert obs.structured
    assert obs.extraction.confirmed is not None and obs.extraction.confirmed.structured
    assert obs.extraction.confirmed.date == FuzzyDate(2025, 8, 6)
    # A rating tick is not news.
    again = collect(page_server.url("/title"), [WEDNESDAY], result.state)
    assert again.status == "unchanged"


def test_failure_keeps_the_old_state(page_server: PageServer) -> None:
    page_server.route("/gone", Reply(404, "nope", content_type="text/plain"))
    state = SourceState(etag='"v1"', content_hash="h", memory={"k": 1})
    result = collect(page_server.url("/gone"), [NARCOS], state)
    assert result.status == "failed" and not result.temporary
    assert "404" in result.reason
    assert result.state == state


def test_server_error_is_temporary(page_server: PageServer) -> None:
    page_server.route("/down", Reply(503))
    result = collect(page_server.url("/down"), [NARCOS])
    assert result.status == "failed" and result.temporary


def test_a_parser_crash_is_a_recorded_failure(page_server: PageServer, monkeypatch: pytest.MonkeyPatch) -> None:
    page_server.route("/a", ARTICLE.format(trending="x"))

    def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("lxml exploded")

    monkeypatch.setattr(extract_module, "parse_page", broken)
    result = collect(page_server.url("/a"), [NARCOS])
    assert result.status == "failed"
    assert "lxml exploded" in result.reason
