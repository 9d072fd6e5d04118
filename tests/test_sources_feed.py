"""The feed kind: RSS/Atom and the articles they point to.

What a feed says and which articles are read is tested on a respx-mocked site
(mocksite.py); politeness across hosts, on real local servers."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from mocksite import MockSite
from premiere_watch.dates import FuzzyDate
from premiere_watch.fetch import Fetcher, FetchSettings
from premiere_watch.model import Target
from premiere_watch.sources.base import Context, SourceResult, SourceState
from premiere_watch.sources.feed import SEEN_LIMIT, FeedSource
from servers import PageServer, Reply

NARCOS = Target("Narcos", season=2)
SQUID = Target("Squid Game", season=2, aliases=("Ojingeo Geim",))

RSS = "application/rss+xml"


def rss(items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 document of (title, link, description) items."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{d}</description>"
        f"<guid isPermaLink=\"false\">{link}#guid</guid>"
        f"<pubDate>Wed, 20 Jul 2016 10:00:00 GMT</pubDate></item>"
        for t, link, d in items
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>TV News</title>'
            f"<link>https://tv.example/</link><description>news</description>{body}</channel></rss>")


def article(title: str, sentence: str) -> str:
    return (f"<html><head><meta property=\"article:published_time\" content=\"2016-07-20T10:00:00Z\">"
            f"</head><body><article><h1>{title}</h1><p>{sentence}</p></article></body></html>")


NARCOS_ARTICLE = article("Narcos season 2 dated", "Narcos season 2 will premiere on September 2, 2016.")


@pytest.fixture
def site() -> MockSite:
    return MockSite()


def collect(server: PageServer | MockSite, targets: list[Target], state: SourceState | None = None,
            **options: Any) -> SourceResult:
    async def go() -> SourceResult:
        if isinstance(server, MockSite):  # robots.txt has its own tests with real servers
            fetcher = Fetcher(FetchSettings(host_delay=0, retries=0, robots=False), transport=server.transport)
        else:
            fetcher = Fetcher(FetchSettings(host_delay=0, retries=0))
        async with fetcher:
            source = FeedSource(server.url("/feed.xml"), options)
            return await source.collect(Context(fetcher=fetcher), targets, state or SourceState())
    return asyncio.run(go())


def test_only_matching_entries_lead_to_articles(site: MockSite) -> None:
    s = site
    s.route("/feed.xml", Reply(body=rss([
        ("Stranger Things renewed", s.url("/a1"), "More Upside Down."),
        ("Netflix dates its fall slate", s.url("/a2"), "<p>Including <b>Narcos</b> season 2.</p>"),
        ("The Crown casts its new queen", s.url("/a3"), "Royal news."),
    ]), content_type=RSS, headers={"ETag": '"f1"'}))
    s.route("/a2", NARCOS_ARTICLE)
    result = collect(s, [NARCOS])
    assert result.status == "ok", result.reason
    assert [s.count(p) for p in ("/a1", "/a2", "/a3")] == [0, 1, 0]
    [obs] = result.observations
    assert obs.target_key == NARCOS.key and obs.document_url == s.url("/a2")
    assert obs.extraction.confirmed is not None
    assert obs.extraction.confirmed.date == FuzzyDate(2016, 9, 2)
    assert result.state.memory["seen"] == [s.url("/a2")]
    assert result.state.etag == '"f1"'


def test_seen_articles_are_not_read_again(site: MockSite) -> None:
    s = site
    first_feed = rss([("Narcos season 2 dated", s.url("/a1"), "")])
    # The feed grows; the old entry is still in it.
    second_feed = rss([("Narcos: first look", s.url("/a2"), ""), ("Narcos season 2 dated", s.url("/a1"), "")])
    s.route("/feed.xml", Reply(body=first_feed, content_type=RSS), Reply(body=second_feed, content_type=RSS))
    s.route("/a1", NARCOS_ARTICLE)
    s.route("/a2", article("Narcos first look", "Here is a first look at Narcos."))
    first = collect(s, [NARCOS])
    second = collect(s, [NARCOS], first.state)
    assert s.count("/a1") == 1 and s.count("/a2") == 1
    assert [o.document_url for o in second.observations] == [s.url("/a2")]
    assert second.state.memory["seen"] == [s.url("/a1"), s.url("/a2")]


def test_unchanged_feed_is_unchanged(site: MockSite) -> None:
    s = site
    s.route("/feed.xml", Reply(body=rss([("Narcos season 2 dated", s.url("/a1"), "")]), content_type=RSS,
                               headers={"ETag": '"f1"'}))
    s.route("/a1", NARCOS_ARTICLE)
    first = collect(s, [NARCOS])
    s.route("/feed.xml", Reply(304))
    second = collect(s, [NARCOS], first.state)
    assert second.status == "unchanged" and second.state == first.state
    assert s.requests("/feed.xml")[-1].headers["if-none-match"] == '"f1"'
    # A server that ignores validators: same entries, so nothing to do either.
    s.route("/feed.xml", Reply(body=rss([("Narcos season 2 dated", s.url("/a1"), "")]), content_type=RSS))
    third = collect(s, [NARCOS], first.state)
    assert third.status == "unchanged"
    assert s.count("/a1") == 1


def test_max_articles_per_pass_and_the_rest_next_pass(site: MockSite) -> None:
    s = site
    items = [(f"Narcos news {i}", s.url(f"/n{i}"), "") for i in range(5)]
    s.route("/feed.xml", Reply(body=rss(items), content_type=RSS, headers={"ETag": '"f1"'}))
    for i in range(5):
        s.route(f"/n{i}", article(f"Narcos news {i}", "Narcos is a show."))
    first = collect(s, [NARCOS], max_articles=2)
    assert [s.count(f"/n{i}") for i in range(5)] == [1, 1, 0, 0, 0]
    # Articles are waiting: the feed's validators are not kept, so a 304 can't hide them.
    assert first.state.etag is None and first.state.content_hash is None
    second = collect(s, [NARCOS], first.state, max_articles=2)
    third = collect(s, [NARCOS], second.state, max_articles=2)
    assert [s.count(f"/n{i}") for i in range(5)] == [1, 1, 1, 1, 1]
    assert len(third.observations) == 1 and third.state.etag == '"f1"'
    fourth = collect(s, [NARCOS], third.state, max_articles=2)
    assert fourth.status == "unchanged"
    assert "if-none-match" not in s.requests("/feed.xml")[2].headers
    assert s.requests("/feed.xml")[3].headers["if-none-match"] == '"f1"'


def test_default_max_articles_is_ten(site: MockSite) -> None:
    s = site
    s.route("/feed.xml", Reply(body=rss([(f"Narcos news {i}", s.url(f"/n{i}"), "") for i in range(12)]),
                               content_type=RSS))
    for i in range(12):
        s.route(f"/n{i}", article(f"Narcos news {i}", "Narcos is a show."))
    result = collect(s, [NARCOS])
    assert sum(s.count(f"/n{i}") for i in range(12)) == 10
    assert len(result.state.memory["seen"]) == 10


def test_non_http_links_are_skipped_with_a_log_line(site: MockSite,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    s = site
    s.route("/feed.xml", Reply(body=rss([
        ("Narcos season 2 dated", "ftp://files.example/narcos.txt", ""),
        ("Narcos season 2 dated", "javascript:alert(1)", ""),
        ("Narcos season 2 dated", s.url("/a1"), ""),
    ]), content_type=RSS))
    s.route("/a1", NARCOS_ARTICLE)
    with caplog.at_level(logging.INFO, logger="premiere_watch.sources.feed"):
        result = collect(s, [NARCOS])
    assert result.status == "ok"
    assert [o.document_url for o in result.observations] == [s.url("/a1")]
    skipped = [r.getMessage() for r in caplog.records if "non-http" in r.getMessage()]
    assert len(skipped) == 2 and "ftp://files.example/narcos.txt" in skipped[0]


def test_alias_in_summary_matches(site: MockSite) -> None:
    s = site
    s.route("/feed.xml", Reply(body=rss([("K-drama roundup", s.url("/k"), "Ojingeo Geim returns!")]),
                               content_type=RSS))
    s.route("/k", article("K-drama roundup", "Squid Game season 2 premieres on December 26, 2024."))
    result = collect(s, [SQUID, NARCOS])
    assert [o.target_key for o in result.observations] == [SQUID.key]


def test_atom_feed(site: MockSite) -> None:
    s = site
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>News</title><id>urn:x</id><updated>2016-07-20T10:00:00Z</updated>"
            '<entry><title>Narcos season 2 dated</title><id>urn:1</id><link rel="alternate" href="/a1"/>'
            "<updated>2016-07-20T10:00:00Z</updated><summary>Big news</summary></entry></feed>")
    s.route("/feed.xml", Reply(body=atom, content_type="application/atom+xml"))
    s.route("/a1", NARCOS_ARTICLE)
    result = collect(s, [NARCOS])
    # The relative link resolves against the feed's URL.
    assert [o.document_url for o in result.observations] == [s.url("/a1")]


def test_malformed_feed_is_a_recorded_failure(site: MockSite) -> None:
    s = site
    s.route("/feed.xml", Reply(body="<rss><channel><item>< title>& oops", content_type=RSS))
    state = SourceState(etag='"old"', memory={"seen": ["x"]})
    result = collect(s, [NARCOS], state)
    assert result.status == "failed" and result.temporary
    assert result.reason.startswith("malformed feed: ")
    assert result.state == state


def test_html_instead_of_a_feed_is_a_config_error(site: MockSite) -> None:
    site.route("/feed.xml", Reply(body="<html><body><p>Our news</p></body></html>"))
    result = collect(site, [NARCOS])
    assert result.status == "failed" and not result.temporary
    assert "HTML page, not a feed" in result.reason


def test_feed_fetch_failure(site: MockSite) -> None:
    site.route("/feed.xml", Reply(503))
    result = collect(site, [NARCOS])
    assert result.status == "failed" and result.temporary


def test_article_failures(site: MockSite) -> None:
    s = site
    s.route("/feed.xml", Reply(body=rss([("Narcos gone", s.url("/gone"), ""),
                                         ("Narcos down", s.url("/down"), "")]), content_type=RSS))
    s.route("/gone", Reply(404, "no", content_type="text/plain"))
    s.route("/down", Reply(503), Reply(200, NARCOS_ARTICLE))
    first = collect(s, [NARCOS])
    assert first.status == "ok"
    assert "2 of 2 articles failed" in first.reason
    # A 404 won't come back; a 503 may: only the latter is tried again.
    assert first.state.memory["seen"] == [s.url("/gone")]
    second = collect(s, [NARCOS], first.state)
    assert s.count("/gone") == 1 and s.count("/down") == 2
    assert [o.document_url for o in second.observations] == [s.url("/down")]
    assert second.reason == ""


def test_seen_memory_is_bounded(site: MockSite) -> None:
    s = site
    s.route("/feed.xml", Reply(body=rss([("Narcos news", s.url("/a1"), "")]), content_type=RSS))
    s.route("/a1", NARCOS_ARTICLE)
    old = [f"https://old.example/{i}" for i in range(SEEN_LIMIT)]
    result = collect(s, [NARCOS], SourceState(memory={"seen": old}))
    seen = result.state.memory["seen"]
    assert len(seen) == SEEN_LIMIT and seen[-1] == s.url("/a1") and seen[0] == old[1]


def test_max_articles_key_is_checked() -> None:
    [key] = FeedSource.keys
    assert key.name == "max_articles" and key.default == 10
    assert key.type_problem(0) is not None and key.type_problem(3) is None


def test_feed_host_settings_do_not_leak_to_other_hosts(page_server_factory: Any) -> None:
    feed_host, news_host = page_server_factory(), page_server_factory()
    # Robots off for the feed's own host (the operator's word), honoured elsewhere.
    feed_host.robots("User-agent: *\nDisallow: /\n")
    news_host.robots("User-agent: *\nDisallow: /private/\n")
    feed_host.route("/feed.xml", Reply(body=rss([
        ("Narcos season 2 dated", feed_host.url("/a1"), ""),
        ("Narcos season 2 dated", news_host.url("/private/a2"), ""),
    ]), content_type=RSS))
    feed_host.route("/a1", NARCOS_ARTICLE)
    news_host.route("/private/a2", NARCOS_ARTICLE)
    result = collect(feed_host, [NARCOS], robots=False, host_delay="0s")
    assert [o.document_url for o in result.observations] == [feed_host.url("/a1")]
    assert news_host.count("/private/a2") == 0
    assert "blocked by robots.txt" in result.reason
