"""Title matching: aliases, punctuation, sequels, common-word titles, seasons."""

from __future__ import annotations

import pytest

from premiere_watch.extract.titles import TitleMatcher, foreign_subject, season_refs
from premiere_watch.model import Target

MI = Target("Mission: Impossible – Dead Reckoning Part One", None, ("MI7",), "film")
DUNE2 = Target("Dune: Part Two", None, ("Dune 2",), "film")
DUNE = Target("Dune", None, (), "film")
HOCUS2 = Target("Hocus Pocus 2", None, (), "film")
WISH = Target("Wish", None, ("Disney's Wish",), "film")
US = Target("Us", None, ("Jordan Peele's Us",), "film")
MICHAEL = Target("Michael", None, (), "film")
STRANGER = Target("Stranger Things", 5, (), "tv")
OBX = Target("Outer Banks", 3, (), "tv")

# Page text that uses "wish" and "us" as ordinary words, and the titles as titles.
WISH_PAGE = "I wish it were longer. Disney's 'Wish' opens in theaters. Wish is the studio's 62nd film."
US_PAGE = "Tell us what you think. Jordan Peele's 'Us' is a horror film. Us opens March 22."


@pytest.mark.parametrize(
    ("target", "page", "text", "found"),
    [
        (MI, "", "Mission Impossible Dead Reckoning Part One opens July 12.", True),
        (MI, "", "MISSION: IMPOSSIBLE - DEAD RECKONING PART ONE", True),
        (MI, "", "Mission: Impossible – Dead Reckoning Part Two stays on June 28, 2024.", False),
        (DUNE2, "", "Dune: Part Two will now open March 15, 2024.", True),
        (DUNE2, "", "The 2021 Dune opened on October 22, 2021.", False),
        (DUNE, "", "Dune: Part Two moves to 2024.", False),
        (DUNE, "", "Dune opened on October 22, 2021.", True),
        (HOCUS2, "", "The 1993 original Hocus Pocus streams now.", False),
        (HOCUS2, "", "Hocus Pocus 2 streams September 30.", True),
        (WISH, WISH_PAGE, "I wish it were longer.", False),
        (WISH, WISH_PAGE, "Wish is the studio's 62nd animated feature.", True),
        (WISH, WISH_PAGE, "Not to be confused with the Disney Wish cruise ship.", False),
        (WISH, WISH_PAGE, "Kids keep humming \"This Wish\" on repeat.", False),
        (US, US_PAGE, "Tell us what you think.", False),
        (US, US_PAGE, "About Us · Contact Us", False),
        (US, US_PAGE, "the film's U.S. release", False),
        (US, US_PAGE, "Universal moved Us from March 15 to March 22, 2019.", True),
        (US, US_PAGE, "Universal Bumps Jordan Peele's 'Us' Back a Week", True),
        (MICHAEL, "", "Michael Jackson died on June 25, 2009.", False),
        # Part of a longer title.
        (US, US_PAGE, "The Last of Us season 2 premieres April 13.", False),
        (US, US_PAGE, "The third season of This Is Us kicks off in September.", False),
        (US, "", "This Is Us Will Bring Back 'Tissue Tuesdays'", False),
        # One-word titles in title-case headlines.
        (Target("Loki", 2), "", "Loki Season 2 Arrives in Summer 2023", True),
        (Target("Shogun", 2), "", "When Will Shogun Season 2 Actually Arrive?", True),
        (Target("Barbie", None, (), "film"), "", "Barbie Teaser Trailer Is Here", True),
        (MICHAEL, "", "Lionsgate moved Michael to April 24.", True),
    ],
)
def test_title_found(target: Target, page: str, text: str, found: bool) -> None:
    assert bool(TitleMatcher(target, page).find(text)) is found


def test_common_word_title_needs_to_be_used_as_a_title_somewhere() -> None:
    matcher = TitleMatcher(WISH, "I wish it were longer. We wish you well.")
    assert not matcher.find("Wish arrives soon.")


def test_series_number_after_title_is_a_season() -> None:
    mentions = TitleMatcher(STRANGER, "").find("Stranger Things 5 premieres July 4.")
    assert [m.season for m in mentions] == [5]


def test_title_colon_season_is_not_a_sequel() -> None:
    assert TitleMatcher(OBX, "").find("Outer Banks: Season 3 | Official Teaser | Netflix")


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Season 2 premieres", [2]),
        ("the second season", [2]),
        ("its sophomore season", [2]),
        ("S3 arrives", [3]),
        ("Part 2 drops", [2]),
        ("the new season", [None]),
        ("season one and season two", [1, 2]),
        ("10 seasons of television", []),
        ("Season 4 Part 2 arrives", [4]),
        ("season 2, part 1", [2]),
    ],
)
def test_season_refs(text: str, numbers: list[int | None]) -> None:
    assert [r.number for r in season_refs(text)] == numbers


def test_previous_season_relation() -> None:
    refs = season_refs("unlike last season")
    assert refs and refs[0].relation == "previous"


@pytest.mark.parametrize(
    ("sentence", "foreign"),
    [
        ("Meanwhile, Gen V dropped its first trailer.", True),
        ("Gen V season 2 premieres September 17.", True),
        ("Dune: Part Two opens March 1.", True),
        ("Netflix dropped the trailer on Monday.", False),
        ("Bloys said the season arrives in early summer.", False),
        ("Stranger Things 5 premieres July 4.", False),
        ("The series premieres June 13.", False),
    ],
)
def test_foreign_subject(sentence: str, foreign: bool) -> None:
    assert foreign_subject(sentence, TitleMatcher(STRANGER, "")) is foreign


@pytest.mark.parametrize(("line", "found"), [
    # In a title-cased line a common-word title is the title when what follows is what follows only a title ...
    ("Quicklime Season 2 - Official Teaser | Prime Video", True),
    ("Quicklime S2 Official Trailer", True),
    # ... not when it is a word in a headline.
    ("Quicklime Prices Rise Across Europe", False),
    ("Quicklime Season Brings Shortages", False),
])
def test_a_common_word_title_in_a_title_cased_line(line: str, found: bool) -> None:
    page = "The quicklime kilns are busy. Quicklime, the Prime Video thriller series, returns for season 2."
    assert bool(TitleMatcher(Target("Quicklime", 2, (), "tv"), page).find(line)) is found


@pytest.mark.parametrize(("page", "found"), [
    # A web address, a handle or a hashtag spells any name in lower case: no sign of a common word ...
    ("Ternwood premieres October 17. Stream Ternwood on Apple TV+: https://tv.apple.example/ternwood", True),
    ("Ternwood premieres October 17. Follow @ternwood and #ternwood for more.", True),
    # ... a lower-case word in a sentence still is.
    ("Ternwood premieres October 17. The ternwood grows on the island's western cliffs.", False),
])
def test_a_lower_case_address_is_no_common_word(page: str, found: bool) -> None:
    # A one-word title in a title-cased video title needs to be no common word on the page.
    matcher = TitleMatcher(Target("Ternwood", None, (), "tv"), page)
    assert bool(matcher.find("Ternwood — Official Teaser | Apple TV+")) is found


@pytest.mark.parametrize(("line", "found"), [
    # A listing puts the channel before the title: "BBC One" is not part of the name ...
    ("Pick of the day 9.00pm BBC One Kittlestone New series, 1/6", True),
    ("8.00pm ITV1 Kittlestone (2/6)", True),
    # ... another capitalised word before it still is ("Lady Kittlestone" is someone).
    ("9.00pm BBC One: the story of Lady Kittlestone and her estate", False),
])
def test_a_channel_before_a_one_word_title(line: str, found: bool) -> None:
    page = "Kittlestone is the BBC's new six-part drama."
    assert bool(TitleMatcher(Target("Kittlestone", None, (), "tv"), page).find(line)) is found


@pytest.mark.parametrize(("line", "found"), [
    # A season's shorthand after a one-word title marks it as the title ...
    ("Dunmarrow S2 is coming next month per FX spring lineup", True),
    ("Dunmarrow S02E01 recap", True),
    # ... another capitalised word after it still glues it to a longer name.
    ("Dunmarrow Castle is open to visitors next month", False),
])
def test_a_season_shorthand_after_a_one_word_title(line: str, found: bool) -> None:
    assert bool(TitleMatcher(Target("Dunmarrow", 2, (), "tv")).find(line)) is found
