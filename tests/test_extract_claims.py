"""Premiere claims: small tables of (article text or HTML) -> expected status per date.

Each row is a tiny page: a headline, a publication date and paragraphs.  The
expected values name only what matters for the row; a date that must *not*
be confirmed is checked as such (a false confirmed date alerts every fan).
"""

from __future__ import annotations

import pytest

from premiere_watch.extract import extract, parse_page
from premiere_watch.model import Extraction, Target

NARCOS = Target("Narcos", 2, (), "tv")
AOUAD = Target("All of Us Are Dead", 2, (), "tv")
FILM = Target("Arrival Point", None, (), "film")
DUNE2 = Target("Dune: Part Two", None, ("Dune Part Two",), "film")


def page(paragraphs: list[str], headline: str = "Entertainment news", published: str = "2023-03-01",
         extra: str = "") -> str:
    meta = f"<meta property='article:published_time' content='{published}T10:00:00Z'>" if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head>{meta}</head><body><main><article><h1>{headline}</h1>{body}</article>{extra}"
            f"</main></body></html>")


def run(html: str, target: Target) -> Extraction:
    return extract(parse_page(html), target)


def dates(claims: list) -> list[str]:  # type: ignore[type-arg]
    return [c.date.iso() for c in claims]


@pytest.mark.parametrize(
    ("text", "confirmed"),
    [
        ("Narcos season 2 is set to debut Sept. 2 on Netflix.", "2023-09-02"),
        ("Netflix announced Narcos season 2 will return on 27 October.", "2023-10-27"),
        ("Narcos season 2 premieres Friday, September 1, 2023.", "2023-09-01"),
        ("Netflix confirmed that the second season of Narcos arrives in summer 2024.", "2024-22"),
        ("Narcos season 2 is coming in 2024, Netflix said.", "2024"),
        ("Narcos season 2 will not reach subscribers until 2024.", "2024"),
        ("Narcos season 2 is out June 13.", "2023-06-13"),
        ("Release date: Wednesday, July 2. Narcos season 2 is the big one.", "2023-07-02"),
    ],
)
def test_confirmed(text: str, confirmed: str) -> None:
    ex = run(page([text], headline="Narcos season 2 news"), NARCOS)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == confirmed
    assert ex.confirmed.evidence and ex.confirmed.why


@pytest.mark.parametrize(
    ("text", "tentative"),
    [
        ("Narcos season 2 could arrive in early 2024.", "2024"),
        ("Narcos season 2 is expected to premiere in March 2024.", "2024-03"),
        ("Narcos season 2 is rumoured for a May 2024 launch.", "2024-05"),
        ("Reportedly, Narcos season 2 will premiere in June 2024.", "2024-06"),
        ("Narcos season 2 premieres around January 2024.", "2024-01"),
        ("Netflix is aiming for a June 2024 release for Narcos season 2.", "2024-06"),
        ("If filming wraps soon, Narcos season 2 may premiere in fall 2024.", "2024-23"),
        ("We think 2025 is the realistic target for Narcos season 2.", "2025"),
        ("Deadline reports Narcos season 2 will debut in June 2024.", "2024-06"),
        # Fan talk leaking from comments: hearsay, habit, predictions and questions assert nothing.
        ("Heard from a mate at Netflix that Narcos season 2 has been pushed to March 2024.", "2024-03"),
        ("Netflix always drops Narcos seasons in December, so season 2 lands December 2023.", "2023-12"),
        ("Mark my words: Narcos season 2 premieres on Valentine's Day 2024.", "2024-02-14"),
        ("Netflix had Narcos season 2 in an October 2023 slot, why wouldn't they repeat it?", "2023-10"),
    ],
)
def test_tentative_is_never_confirmed(text: str, tentative: str) -> None:
    ex = run(page([text], headline="Narcos season 2 news"), NARCOS)
    assert ex.confirmed is None
    assert tentative in dates(ex.tentative)


@pytest.mark.parametrize(
    ("text", "denied", "confirmed"),
    [
        ("Narcos season 2 is not coming to Netflix in February 2024.", "2024-02", None),
        ("Narcos season 2 won't premiere on March 3 after all.", "2023-03-03", None),
        ("Netflix moved Narcos season 2 from March 3 to April 14.", "2023-03-03", "2023-04-14"),
        ("Narcos season 2 has been pushed back from May 5, 2023 to June 9, 2023.", "2023-05-05", "2023-06-09"),
        ("Narcos season 2 was originally set for May 5, 2023. It now premieres June 9, 2023.", "2023-05-05",
         "2023-06-09"),
        ("Narcos season 2 now opens on Oct. 8 instead of Oct. 1.", "2023-10-01", "2023-10-08"),
        ("Narcos season 2 won't be released before 2025.", "2025", None),
        ("Narcos season 2 was supposed to premiere in February 2023 but it has been delayed to June 13.",
         "2023-02", "2023-06-13"),
    ],
)
def test_denied_and_changes(text: str, denied: str, confirmed: str | None) -> None:
    ex = run(page([text], headline="Narcos season 2 news"), NARCOS)
    assert denied in dates(ex.denied)
    assert (ex.confirmed.date.iso() if ex.confirmed else None) == confirmed


def test_the_headline_carries_the_denial() -> None:
    ex = run(page(["Is the second season coming soon? Read on.",
                   "It is speculated that the upcoming season will be released sometime later this year or "
                   "even early in 2024."],
                  headline="All of Us Are Dead Season 2 is not coming to Netflix in February 2023",
                  published="2023-01-20"), AOUAD)
    assert ex.confirmed is None
    assert "2023-02" in dates(ex.denied)
    assert {"2023", "2024"} <= set(dates(ex.tentative))


@pytest.mark.parametrize(
    "text",
    [
        # The seed's distractors: none of these is a premiere date of season 2.
        "It also drew 361 million viewing hours in its first 10 days.",
        "It is based on the Naver webtoon of the same name, which was published between 2009 and 2011.",
        "Four months later, the government lifts martial law in Hyosan.",
        "The premiere time is 12:00 a.m. (PT) or 3:00 a.m. (ET).",
        "All of Us Are Dead season 1 debuted on January 28, 2022.",
        "The first season of All of Us Are Dead premiered on Jan. 28, 2022 on Netflix.",
        "Filming of All of Us Are Dead season 2 begins in June 2023.",
        "All of Us Are Dead was renewed for a second season in June 2022.",
        "The All of Us Are Dead season 2 trailer dropped on Christmas Day.",
        # The release verb belongs to another event's noun, or the date to an announcement.
        "The All of Us Are Dead season 2 trailer will debut on Monday, March 4.",
        "The first teaser for All of Us Are Dead season 2 premieres March 25.",
        "Netflix will announce the All of Us Are Dead season 2 premiere date on June 5.",
        "All of Us Are Dead season 2 cast will appear at a fan event on July 20.",
    ],
)
def test_distractors_are_not_claims(text: str) -> None:
    ex = run(page([text], headline="All of Us Are Dead Season 2: what we know", published="2023-01-20"), AOUAD)
    assert ex.confirmed is None
    assert ex.tentative == []


@pytest.mark.parametrize(
    "text",
    [
        "All of Us Are Dead season 2 was announced on January 2, 2023 and premieres June 13, 2023.",
        "Filming wrapped and the series premieres June 13, 2023.",
        "After the trailer, All of Us Are Dead season 2 premieres June 13, 2023.",
        "All of Us Are Dead season 2 premieres June 13, 2023; the finale airs July 18, 2023.",
    ],
)
def test_the_release_survives_neighbouring_events(text: str) -> None:
    ex = run(page([text], headline="All of Us Are Dead Season 2: what we know", published="2023-01-20"), AOUAD)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2023-06-13"


def test_other_titles_dates_in_the_sidebar_are_ignored() -> None:
    sidebar = ("<aside class='related'><h3>Coming soon</h3><ul><li><a href='/x'>Sweet Home season 2 premieres "
               "December 1 on Netflix</a></li></ul></aside>")
    ex = run(page(["All of Us Are Dead season 2 has no date yet."], headline="All of Us Are Dead Season 2",
                  published="2023-01-20", extra=sidebar), AOUAD)
    assert ex.confirmed is None


def test_other_title_in_the_same_sentence_keeps_its_date() -> None:
    ex = run(page(["Dune: Part Two will now reach theaters on March 15, 2024. Godzilla x Kong: The New Empire, "
                   "which had been sitting on March 15, 2024, now shifts to April 12, 2024."],
                  headline="'Dune: Part Two' moves to 2024", published="2023-08-24"), DUNE2)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2024-03-15"


def test_sequel_sentences_are_not_the_original() -> None:
    ex = run(page(["The 2021 Dune opened on October 22, 2021.", "Dune: Part Two opens March 15, 2024."],
                  headline="Dune: Part Two date", published="2023-08-24"), DUNE2)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2024-03-15"


def test_past_premiere_of_another_season_is_not_the_answer() -> None:
    ex = run(page(["Narcos season 1 debuted on August 28, 2015.", "Season 2 arrives next month."],
                  headline="Narcos Season 2 is coming", published="2016-06-07"), NARCOS)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2016-07"


def test_pronoun_context_after_the_title_is_established() -> None:
    ex = run(page(["Narcos is back for a second season.", "The series premieres on September 2, 2016."],
                  headline="Narcos season 2", published="2016-06-07"), NARCOS)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2016-09-02"


def test_roundup_item_takes_its_day_heading() -> None:
    html = ("<html><head><meta name='publish-date' content='2023-09-27'></head><body><article>"
            "<h1>New on Netflix in October 2023</h1><h3>Friday, Oct. 20</h3><ul><li>Old Dads (Netflix film)</li>"
            "</ul><h3>Friday, Oct. 27</h3><ul><li>Arrival Point (Netflix film)</li><li>Other Film</li></ul>"
            "</article></body></html>")
    ex = run(html, FILM)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2023-10-27"


def test_schedule_row_in_a_rail_names_the_title() -> None:
    html = ("<html><head><meta property='article:published_time' content='2020-12-20'></head><body>"
            "<article><h1>Another show gets a trailer</h1><p>Other news entirely.</p></article>"
            "<aside class='rail'><table><tr><td>Jan 6</td><td>Some Show</td></tr><tr><td>Jan 14</td>"
            "<td>Arrival Point</td></tr></table></aside></body></html>")
    ex = run(html, FILM)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2021-01-14"


def test_title_page_structured_date() -> None:
    html = ('<html><head><script type="application/ld+json">{"@type":"TVSeries","name":"Narcos",'
            '"containsSeason":[{"@type":"TVSeason","seasonNumber":1,"startDate":"2015-08-28"},'
            '{"@type":"TVSeason","seasonNumber":2,"startDate":"2016-09-02"}]}</script></head>'
            '<body><h1>Narcos</h1><p>Season 2 coming September 2.</p></body></html>')
    ex = run(html, NARCOS)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2016-09-02"
    assert ex.confirmed.structured


def test_a_series_that_lists_no_seasons_starts_with_its_first() -> None:
    # A title page's TVSeries startDate, with no containsSeason, is when season 1 premieres.
    html = ('<html><head><script type="application/ld+json">{"@type":"TVSeries","name":"Narcos",'
            '"startDate":"2015-08-28","numberOfSeasons":1}</script></head>'
            '<body><h1>Narcos</h1><p>Premieres August 28</p><p>Drama · TV-MA</p></body></html>')
    ex = run(html, Target("Narcos", 1, (), "tv"))
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2015-08-28"
    # ... and says nothing of a later season.
    assert run(html, NARCOS).confirmed is None


def test_stale_jsonld_loses_to_the_article_text() -> None:
    jsonld = ('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-02-14",'
              '"about":{"@type":"Movie","name":"Arrival Point","datePublished":"2025-05-02"}}</script>')
    html = page(["Arrival Point will now open on July 25, 2025, moving from its May 2, 2025 date."],
                headline="Arrival Point moves to July 25, 2025", published="2024-02-14").replace(
                    "</head>", jsonld + "</head>")
    ex = run(html, FILM)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2025-07-25"
    assert "2025-05-02" in dates(ex.denied)


def test_rejected_candidates_are_explained() -> None:
    ex = run(page(["Narcos season 1 debuted on August 28, 2015."], headline="Narcos season 2",
                  published="2016-06-07"), NARCOS)
    assert any("season 1" in r.reason or "past" in r.reason for r in ex.rejected)


BLADE = Target("Blade", None, (), "film")
JOKER = Target("Joker", None, (), "film")
OTHER = Target("Thunderbolts", None, (), "film")
SQUID2 = Target("Squid Game", 2, (), "tv")


@pytest.mark.parametrize(
    ("paragraphs", "headline", "published", "target", "confirmed"),
    [
        # The pronoun nearer the date refers back to the article's film, not to Blade.
        (["Marvel moves its First Family again.", "A reshuffle triggered by problems on Blade pushed it to "
          "February 14, 2025."], "The First Family moves", "2024-02-14", BLADE, None),
        # "The sequel" is not the original film.
        (["Joker opened in 2019.", "Warner Bros. is opening the sequel on Friday, October 4, 2024."],
         "'Joker' Sequel Sets Fall 2024 Release", "2022-08-04", JOKER, None),
        # A year-framed lineup gives its year to the year-less days in it.
        (["Marvel's 2025 theatrical lineup runs Thunderbolts on May 2 and Blade on November 7."],
         "Marvel's slate", "2024-02-14", OTHER, "2025-05-02"),
        # "The third and final season" is not season 2, nor is "the whole season" of a season-3 story.
        (["Netflix released the first teaser for the third and final season of Squid Game and confirmed that "
          "the whole season will stream on Friday, June 27."], "Squid Game Season 3 Gets a June 27 Premiere",
         "2025-05-06", SQUID2, None),
    ],
)
def test_attribution(paragraphs: list[str], headline: str, published: str, target: Target,
                     confirmed: str | None) -> None:
    ex = run(page(paragraphs, headline=headline, published=published), target)
    assert (ex.confirmed.date.iso() if ex.confirmed else None) == confirmed


def test_list_rows_keep_their_own_subject() -> None:
    # A leaked rail of other shows' dates inside an article about the title.
    html = ("<html><head><meta property='article:published_time' content='2020-09-08'></head><body><article>"
            "<h1>Narcos Season 2 Trailer Arrives</h1><p>Narcos season 2 begins streaming next month.</p>"
            "<h3>Coming in October</h3><ul><li>Oct. 9 — Other Show season 2 premiere</li></ul></article>"
            "</body></html>")
    ex = run(html, NARCOS)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2020-10"


def test_only_a_date_heading_dates_the_items_under_it() -> None:
    html = ("<html><head><meta name='publish-date' content='2024-02-14'></head><body><article>"
            "<h1>Marvel Moves the Movie to July 25, 2025</h1><p>Arrival Point trades places with it.</p>"
            "</article></body></html>")
    ex = run(html, FILM)
    assert ex.confirmed is None


def test_year_from_a_copyright_line_is_not_enough_to_confirm() -> None:
    html = ("<html><body><article><h1>Narcos Season 2</h1><p>Narcos season 2 premieres March 3.</p></article>"
            "<footer><p>© 2031 Example Media</p></footer></body></html>")
    ex = run(html, NARCOS)
    assert ex.confirmed is None
    assert dates(ex.tentative) == ["2031-03-03"]


def test_table_rows_in_the_article_attribute_each_date_to_its_title() -> None:
    html = ("<html><head><meta name='publish-date' content='2023-09-27'></head><body><article>"
            "<h1>What's new on streaming in October</h1><table>"
            "<tr><th>Date</th><th>Title</th></tr>"
            "<tr><td>Oct. 5</td><td>Narcos Season 2</td></tr>"
            "<tr><td>Oct. 6</td><td>Other Show Season 2</td></tr></table></article></body></html>")
    ex = run(html, NARCOS)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == "2023-10-05"
    other = run(html, Target("Other Show", 2))
    assert other.confirmed is not None and other.confirmed.date.iso() == "2023-10-06"


@pytest.mark.parametrize(
    ("target", "headline", "text", "confirmed"),
    [
        # Parts divide a named season ...
        (Target("The Crown", 6), "The Crown season 6 release date",
         "The Crown season 6 will be released in two parts: Part 1 on November 16 and Part 2 on December 14.",
         "2023-11-16"),
        (Target("The Crown", 6), "The Crown Season 6 Part 1 Arrives",
         "Part 1 arrives November 16 and Part 2 on December 14.", "2023-11-16"),
        # ... and number the seasons of shows that call them parts.
        (Target("Money Heist", 5), "Money Heist Part 5 Premieres", "Money Heist Part 5 premieres September 3.",
         "2023-09-03"),
    ],
)
def test_parts(target: Target, headline: str, text: str, confirmed: str) -> None:
    ex = run(page([text], headline=headline, published="2023-08-10"), target)
    assert ex.confirmed is not None and ex.confirmed.date.iso() == confirmed


def test_article_jsonld_alone_does_not_confirm() -> None:
    jsonld = ('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-02-14",'
              '"about":{"@type":"Movie","name":"Arrival Point","datePublished":"2025-05-02"}}</script>')
    html = page(["Arrival Point has been delayed indefinitely."], headline="Arrival Point delayed",
                published="2024-02-14").replace("</head>", jsonld + "</head>")
    ex = run(html, FILM)
    assert ex.confirmed is None
    assert [c.date.iso() for c in ex.tentative if c.structured] == ["2025-05-02"]
