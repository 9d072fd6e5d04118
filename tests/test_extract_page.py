"""Page model: zones, publication date, JSON-LD and videos, from small HTML tables."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from premiere_watch.extract import parse_page
from premiere_watch.extract.page import all_blocks, video_id


def _zone_of(html: str, needle: str) -> str:
    blocks = all_blocks(html)
    kept = [b.text for b in parse_page(html).blocks]
    for block in blocks:
        if needle in block.text:
            # The page keeps only what may be evidence: chrome and comments are labelled, then dropped.
            assert (block.text in kept) == (block.zone in ("main", "aside")), (block, kept)
            return block.zone
    raise AssertionError(f"{needle!r} not in any block: {[b.text for b in blocks]}")


@pytest.mark.parametrize(
    ("html", "needle", "zone"),
    [
        ("<main><article><p>The show returns May 3.</p></article></main>", "returns", "main"),
        ("<nav><a href='/'>Home</a> <a href='/tv'>TV premieres</a></nav><p>Body text here.</p>", "Home", "chrome"),
        ("<aside><ul><li>Other Show premieres June 1</li></ul></aside>", "Other Show", "aside"),
        ("<div class='sidebar'><p>Other Show premieres June 1</p></div>", "Other Show", "aside"),
        ("<div class='related-posts'><p>Other Show premieres June 1</p></div>", "Other Show", "aside"),
        ("<section class='comments'><p>I bet it is July 4</p></section>", "I bet", "comment"),
        ("<div id='cookie-banner'><p>We use cookies since 2020</p></div>", "cookies", "chrome"),
        ("<footer><p>Contact us any day</p></footer>", "Contact", "chrome"),
        ("<div role='complementary'><p>Rail item June 1</p></div>", "Rail item", "aside"),
        ("<main><p>© 2024 Example Media. All rights reserved.</p></main>", "Example Media", "chrome"),
        # A list that is all links is a related-articles card even inside the article.
        ("<article><ul><li><a href='/a'>Another story about a premiere on June 2</a></li></ul></article>",
         "Another story", "aside"),
        # The article's own header keeps its headline.
        ("<article><header><h1>Big News</h1></header><p>Body.</p></article>", "Big News", "main"),
    ],
)
def test_zones(html: str, needle: str, zone: str) -> None:
    assert _zone_of(html, needle) == zone


@pytest.mark.parametrize(
    ("head", "body", "url", "expected", "source"),
    [
        ("<meta property='article:published_time' content='2016-06-07T10:00:00-04:00'>", "", None,
         "2016-06-07", "meta article:published_time"),
        ('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-08-24",'
         '"dateModified":"2023-08-25"}</script>', "", None, "2023-08-24", "JSON-LD datePublished"),
        ("<meta name='pubdate' content='20220804'>", "", None, "2022-08-04", "meta pubdate"),
        ("<meta name='publish-date' content='2023-09-27'>", "", None, "2023-09-27", "meta publish-date"),
        ("", "<p>By A. Writer <time datetime='2020-12-20T07:30:00Z'>Dec 20</time></p>", None,
         "2020-12-20", "<time datetime>"),
        ("", "<p>Body</p>", "https://example.com/2025/04/28/summer-preview/", "2025-04-28", "URL"),
        ("", "<p class='byline'>Posted Friday, December 16, 2022</p>", None, "2022-12-16", "byline"),
        ("", "<p>Posted by Oksana Brill &mdash; Sep 8, 2020 &mdash; Star Trek</p>", None, "2020-09-08", "byline"),
        # The article's own <time>, not a ticker's or a comment's.
        ("", "<header><time datetime='2020-01-01'>ticker</time></header><article><p>By X "
         "<time datetime='2020-12-20'>Dec 20</time></p></article>", None, "2020-12-20", "<time datetime>"),
        ("", "<div class='comments'><time datetime='2021-01-01'>c</time></div>", None, None, ""),
        # A hidden episode list is not a byline.
        ("", "<ol hidden><li class='episode date'>Aired Jan 15, 2023</li></ol>", None, None, ""),
    ],
)
def test_published(head: str, body: str, url: str | None, expected: str | None, source: str) -> None:
    page = parse_page(f"<html><head>{head}</head><body>{body}</body></html>", url=url)
    assert page.published == (dt.date.fromisoformat(expected) if expected else None)
    assert page.published_source == source


def test_copyright_year_is_only_a_fallback_anchor() -> None:
    page = parse_page("<body><p>Season 2 is coming.</p><footer><p>© 2023 Guide</p></footer></body>")
    assert page.published is None
    assert page.anchor == dt.date(2023, 1, 1)


def test_headline_blocks_and_headings() -> None:
    page = parse_page(
        "<body><article><h1>Title Here</h1><h2>Friday, Oct. 27</h2><ul><li>Pain Hustlers</li></ul>"
        "<table><tr><td>Jan 14</td><td>Dr. STONE Season 2</td></tr></table></article></body>")
    assert page.headline == "Title Here"
    item = next(b for b in page.blocks if b.text == "Pain Hustlers")
    assert (item.kind, item.heading) == ("list_item", "Friday, Oct. 27")
    row = next(b for b in page.blocks if b.kind == "table_row")
    assert "Jan 14" in row.text and "Dr. STONE Season 2" in row.text


def test_jsonld_and_title_page() -> None:
    page = parse_page(
        '<html><head><script type="application/ld+json">{"@type":"TVSeries","name":"Arcane",'
        '"containsSeason":[{"@type":"TVSeason","seasonNumber":2,"startDate":"2024-11-09"}],'
        '"trailer":{"@type":"VideoObject","name":"Arcane: Season 2 | Teaser","embedUrl":'
        '"https://www.youtube.com/embed/abcDEF12345"}}</script></head><body><h1>Arcane</h1></body></html>')
    assert page.title_page
    assert any(obj.get("@type") == "TVSeason" for obj in page.jsonld)
    assert [v.video_id for v in page.videos] == ["abcDEF12345"]


def test_broken_jsonld_is_skipped() -> None:
    page = parse_page('<head><script type="application/ld+json">{not json</script></head><body><p>x y</p></body>')
    assert page.jsonld == []


def test_videos_from_iframes_and_links() -> None:
    page = parse_page(
        "<body><article><iframe src='https://www.youtube.com/embed/IN5TD4VRcSM' title='Show | Official Trailer'>"
        "</iframe><p><a href='https://youtu.be/zAGVQLHvwOY'>Watch the final trailer</a></p></article></body>")
    assert [(v.video_id, v.title) for v in page.videos] == [
        ("IN5TD4VRcSM", "Show | Official Trailer"), ("zAGVQLHvwOY", "Watch the final trailer")]


@pytest.mark.parametrize(
    ("url", "vid"),
    [
        ("https://www.youtube.com/watch?v=abcdefghijk&t=3", "abcdefghijk"),
        ("https://www.youtube-nocookie.com/embed/abcdefghijk", "abcdefghijk"),
        ("https://youtu.be/abcdefghijk", "abcdefghijk"),
        ("https://player.vimeo.com/video/123456789", "123456789"),
        ("https://example.com/video.mp4", None),
        ("", None),
    ],
)
def test_video_id(url: str, vid: str | None) -> None:
    assert video_id(url) == vid


def test_bytes_with_declared_charset() -> None:
    html = "<html><head><meta charset='windows-1252'></head><body><p>Pokémon returns</p></body></html>"
    page = parse_page(html.encode("cp1252"))
    assert page.blocks[0].text == "Pokémon returns"


def test_empty_document() -> None:
    page = parse_page(b"")
    assert page.blocks == [] and page.headline == ""


@pytest.mark.parametrize(
    ("html", "headline"),
    [
        ("<head><meta property='og:title' content='Narcos Season 2 Gets a Date | Site'></head><body><header>"
         "<h1 class='logo'>SiteName</h1></header><article><h1>Narcos Season 2 Gets a Date</h1></article></body>",
         "Narcos Season 2 Gets a Date"),
        ("<head><title>Site</title></head><body><header><h1 class='logo'>SiteName</h1></header><article>"
         "<h2>Narcos Season 2 Gets a Date</h2><p>Body text.</p></article></body>", "Narcos Season 2 Gets a Date"),
        ("<head><title>Narcos Season 2 Gets a Date</title></head><body><p>Body text.</p></body>",
         "Narcos Season 2 Gets a Date"),
    ],
)
def test_headline(html: str, headline: str) -> None:
    assert parse_page(f"<html>{html}</html>").headline == headline


def test_site_header_is_chrome_but_an_article_header_is_not() -> None:
    page = parse_page("<body><header><h1>Site</h1><p>Ticker: Other Show June 1</p></header><article><header>"
                      "<h1>Narcos Season 2 Gets a Date</h1><p>Standfirst here</p></header></article></body>")
    zones = {b.text: b.zone for b in page.blocks}
    assert "Ticker: Other Show June 1" not in zones  # chrome: labelled, then not kept
    assert zones["Standfirst here"] == "main"


_DATED = "<head><meta property='article:published_time' content='2024-05-06'></head>"


@pytest.mark.parametrize("head", ["", _DATED])
def test_chrome_and_comments_are_read_only_for_videos_and_dates(head: str) -> None:
    # With a dated meta the walk skips chrome and comment subtrees; without one it walks them for
    # the byline and copyright fallbacks.  Either way the page keeps the same things from them.
    html = (f"<html>{head}<body><nav><h3>Menu</h3><ul><li>TV</li></ul></nav>"
            "<section class='comments'><h3>Comments</h3><p>I bet July 4</p>"
            "<a href='https://youtu.be/abcdefghijk'>fan cut</a></section>"
            "<article><h2>The trailer</h2><p>Body text.</p>"
            "<iframe src='https://www.youtube.com/embed/ABCDEFGHIJK'></iframe></article>"
            "<footer><h4>About</h4><p>Contact us</p></footer></body></html>")
    page = parse_page(html)
    assert [(b.text, b.zone) for b in page.blocks] == [("The trailer", "main"), ("Body text.", "main")]
    assert [(v.video_id, v.zone, v.context) for v in page.videos] == [
        ("abcdefghijk", "comment", "Comments"), ("ABCDEFGHIJK", "main", "The trailer")]
    assert {b.zone for b in all_blocks(html)} == {"main", "chrome", "comment"}


def test_a_chrome_heading_is_the_context_of_a_later_video() -> None:
    html = (f"<html>{_DATED}<body><article><p>Body text.</p></article>"
            "<div class='newsletter'><h3>Watch the teaser</h3><p>Sign up</p></div>"
            "<div class='video-box'><iframe src='https://player.vimeo.com/video/123456'></iframe></div></body></html>")
    assert [(v.video_id, v.context) for v in parse_page(html).videos] == [("123456", "Watch the teaser")]


def test_a_byline_or_copyright_in_chrome_still_dates_an_undated_page() -> None:
    page = parse_page("<body><header><p>Posted by A. Writer - Sep 8, 2020</p></header><p>Body.</p></body>")
    assert page.published == dt.date(2020, 9, 8) and page.published_source == "byline"
    page = parse_page("<body><p>Body.</p><footer><p>© 2019 Example Media</p></footer></body>")
    assert page.published is None and page.year_hint == 2019 and page.blocks[-1].text == "Body."


def test_decoding_follows_bom_then_declaration_then_utf8_then_windows_1252() -> None:
    from premiere_watch.extract.page import _decode

    text = "<p>Le café “bientôt”</p>"
    assert _decode(codecs.BOM_UTF8 + text.encode(), None) == text
    assert _decode(text.encode("utf-16"), "iso-8859-1") == text  # a BOM wins over the HTTP charset
    assert _decode(text.encode("utf-32"), None) == text
    declared = '<meta charset="windows-1252">' + text
    assert _decode(declared.encode("cp1252"), None) == declared
    assert _decode(text.encode(), None) == text  # undeclared UTF-8
    assert _decode(text.encode("cp1252"), None) == text  # undeclared and not UTF-8
    assert _decode(text.encode("cp1252"), "cp1252") == text  # the HTTP charset
