"""The youtube kind against a channel feed shaped like YouTube's feeds/videos.xml.

The shape: an Atom feed with the ``yt`` and ``media`` namespaces; each entry
has ``<id>yt:video:ID</id>``, ``<yt:videoId>``, ``<title>``, an alternate
``watch?v=`` link, ``<published>`` and ``<media:group>`` holding the
description and view statistics.
"""

from __future__ import annotations

import asyncio
from xml.sax.saxutils import escape

import httpx
import pytest
import respx

from premiere_watch.fetch import Fetcher, FetchSettings
from premiere_watch.model import Target
from premiere_watch.sources.base import Context, SourceResult, SourceState
from premiere_watch.sources.youtube import YouTubeSource, seasons_named, trailer_kind

FEED_URL = "https://www.youtube.com/feeds/videos.xml?channel_id=UCWOA1ZGywLbqmigxE4Qlvuw"
WEDNESDAY_S2 = Target("Wednesday", season=2)
WEDNESDAY_S1 = Target("Wednesday", season=1)


def entry(video_id: str, title: str, published: str = "2025-01-20T14:00:00+00:00", description: str = "",
          views: int = 1000) -> str:
    return f"""
 <entry>
  <id>yt:video:{video_id}</id>
  <yt:videoId>{video_id}</yt:videoId>
  <yt:channelId>UCWOA1ZGywLbqmigxE4Qlvuw</yt:channelId>
  <title>{escape(title)}</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v={video_id}"/>
  <author><name>Netflix</name><uri>https://www.youtube.com/channel/UCWOA1ZGywLbqmigxE4Qlvuw</uri></author>
  <published>{published}</published>
  <updated>{published}</updated>
  <media:group>
   <media:title>{escape(title)}</media:title>
   <media:content url="https://www.youtube.com/v/{video_id}?version=3" type="application/x-shockwave-flash"
     width="640" height="390"/>
   <media:thumbnail url="https://i2.ytimg.com/vi/{video_id}/hqdefault.jpg" width="480" height="360"/>
   <media:description>{escape(description)}</media:description>
   <media:community>
    <media:starRating count="5000" average="5.00" min="1" max="5"/>
    <media:statistics views="{views}"/>
   </media:community>
  </media:group>
 </entry>"""


def feed(*entries: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/"
      xmlns="http://www.w3.org/2005/Atom">
 <link rel="self" href="{escape(FEED_URL)}"/>
 <id>yt:channel:WOA1ZGywLbqmigxE4Qlvuw</id>
 <yt:channelId>WOA1ZGywLbqmigxE4Qlvuw</yt:channelId>
 <title>Netflix</title>
 <link rel="alternate" href="https://www.youtube.com/channel/UCWOA1ZGywLbqmigxE4Qlvuw"/>
 <author><name>Netflix</name><uri>https://www.youtube.com/channel/UCWOA1ZGywLbqmigxE4Qlvuw</uri></author>
 <published>2005-12-21T22:32:51+00:00</published>{"".join(entries)}
</feed>"""


CHANNEL = [
    entry("Di310WS8zLk", "Wednesday: Season 2 | Official Teaser | Netflix", "2025-01-20T14:00:00+00:00"),
    entry("Q73UhUTs6y0", "Wednesday | Official Trailer | Netflix", "2022-10-05T16:00:00+00:00"),
    entry("bts00000001", "Wednesday: Season 2 | Behind the Scenes | Netflix"),
    entry("react000001", "Wednesday Season 2 Trailer Reaction"),
    entry("st500000001", "Stranger Things 5 | Official Trailer | Netflix"),
    entry("mh500000001", "Money Heist: Part 5 Vol. 2 | Official Trailer | Netflix"),
    entry("wi300000001", "The Witcher: Season 3 Part 2 | Official Trailer | Netflix"),
]


def collect(body: str | bytes, targets: list[Target], state: SourceState | None = None,
            status: int = 200) -> tuple[SourceResult, list[httpx.Request]]:
    router = respx.Router(assert_all_called=False)
    router.get(FEED_URL).respond(status, content=body.encode() if isinstance(body, str) else body,
                                 headers={"content-type": "text/xml; charset=UTF-8"})

    async def go() -> SourceResult:
        settings = FetchSettings(host_delay=0, retries=0, robots=False)
        async with Fetcher(settings, transport=httpx.MockTransport(router.async_handler)) as fetcher:
            source = YouTubeSource(FEED_URL, {})
            return await source.collect(Context(fetcher=fetcher), targets, state or SourceState())
    return asyncio.run(go()), [call.request for call in router.calls]


def test_season_trailer_for_the_watched_season_only() -> None:
    result, _ = collect(feed(*CHANNEL), [WEDNESDAY_S2])
    assert result.status == "ok", result.reason
    [obs] = result.observations
    assert obs.target_key == WEDNESDAY_S2.key
    ext = obs.extraction
    assert ext.trailer_status == "released"
    [trailer] = ext.trailers
    assert trailer.kind == "teaser"
    assert trailer.video_id == "Di310WS8zLk"
    assert trailer.url == obs.document_url == "https://www.youtube.com/watch?v=Di310WS8zLk"
    assert "Wednesday: Season 2 | Official Teaser" in trailer.evidence
    assert ext.published is not None and ext.published.isoformat() == "2025-01-20"


def test_an_unnumbered_trailer_is_the_first_seasons() -> None:
    result, _ = collect(feed(*CHANNEL), [WEDNESDAY_S1])
    assert [o.extraction.trailers[0].video_id for o in result.observations] == ["Q73UhUTs6y0"]


def test_number_after_title_and_parts() -> None:
    result, _ = collect(feed(*CHANNEL), [Target("Stranger Things", season=5), Target("Stranger Things", season=4),
                                         Target("Money Heist", season=5), Target("The Witcher", season=3),
                                         Target("The Witcher", season=2)])
    assert sorted(o.target_key for o in result.observations) == [
        "money heist#s5", "stranger things#s5", "the witcher#s3"]


def test_series_without_season_takes_every_trailer() -> None:
    result, _ = collect(feed(*CHANNEL), [Target("Wednesday")])
    assert sorted(o.extraction.trailers[0].video_id or "" for o in result.observations) == [
        "Di310WS8zLk", "Q73UhUTs6y0"]


def test_a_film_is_not_its_sequel() -> None:
    body = feed(entry("dune2000001", "Dune: Part Two | Official Trailer 3"),
                entry("dune1000001", "DUNE - Official Main Trailer"))
    result, _ = collect(body, [Target("Dune", kind="film"), Target("Dune: Part Two", kind="film")])
    got = {o.target_key: o.extraction.trailers[0].video_id for o in result.observations}
    assert got == {"dune": "dune1000001", "dune part two": "dune2000001"}


def test_description_decides_when_the_title_names_no_season() -> None:
    body = feed(entry("wed2nodesc1", "Wednesday | Official Trailer | Netflix",
                      description="Wednesday Season 2 arrives August 6, only on Netflix."))
    s2, _ = collect(body, [WEDNESDAY_S2])
    s1, _ = collect(body, [WEDNESDAY_S1])
    assert len(s2.observations) == 1 and s1.observations == []


def test_same_trailers_again_is_unchanged() -> None:
    first, _ = collect(feed(*CHANNEL), [WEDNESDAY_S2])
    # Only view counts moved.
    again = [c.replace('views="1000"', 'views="2000"') for c in CHANNEL]
    second, _ = collect(feed(*again), [WEDNESDAY_S2], first.state)
    assert second.status == "unchanged"
    third, _ = collect(feed(entry("new0000001", "Wednesday: Season 2 | Official Trailer | Netflix"), *CHANNEL),
                       [WEDNESDAY_S2], first.state)
    assert third.status == "ok" and len(third.observations) == 2


def test_404_is_a_temporary_failure() -> None:
    state = SourceState(etag='"e"', content_hash="h")
    result, log = collect("<html>Not Found</html>", [WEDNESDAY_S2], state, status=404)
    assert result.status == "failed" and result.temporary
    assert "404" in result.reason
    assert result.state == state
    assert len(log) == 1


def test_304_is_unchanged() -> None:
    state = SourceState(etag='"e"', last_modified="Mon, 20 Jan 2025 14:00:00 GMT", content_hash="h")
    result, log = collect(b"", [WEDNESDAY_S2], state, status=304)
    assert result.status == "unchanged" and result.state == state
    assert log[0].headers["if-none-match"] == '"e"'


def test_malformed_feed_is_a_recorded_failure() -> None:
    result, _ = collect("<feed><entry><title>Wednesday trailer", [WEDNESDAY_S2])
    assert result.status == "failed"
    assert result.reason.startswith("malformed feed")


@pytest.mark.parametrize(("title", "names", "seasons"), [
    ("Wednesday: Season 2 | Official Teaser", ["Wednesday"], {2}),
    ("Wednesday Season Two Trailer", ["Wednesday"], {2}),
    ("Wednesday: The Second Season", ["Wednesday"], {2}),
    ("Andor S2 trailer", ["Andor"], {2}),
    ("Andor S02E01 preview", ["Andor"], {2}),
    ("Squid Game 2 | Official Trailer", ["Squid Game"], {2}),
    ("Money Heist Part II trailer", ["Money Heist"], {2}),
    ("The Witcher: Season 3 Part 2", ["The Witcher"], {3}),
    ("Dune: Part Two | Official Trailer", ["Dune: Part Two"], set()),
    ("Blade Runner 2049 trailer", ["Blade Runner"], set()),
    ("The 100 | Official Trailer", ["The 100"], set()),
])
def test_seasons_named(title: str, names: list[str], seasons: set[int]) -> None:
    assert seasons_named(title, names) == seasons


@pytest.mark.parametrize(("title", "kind"), [
    ("Official Trailer", "trailer"), ("Teaser Trailer", "teaser"), ("Official Teaser", "teaser"),
    ("Trailer Reaction", None), ("Trailer Breakdown & Easter Eggs", None), ("Official Clip", None),
])
def test_trailer_kind(title: str, kind: str | None) -> None:
    assert trailer_kind(title) == kind
