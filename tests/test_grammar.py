"""The domain date grammar: positives, negatives, anchoring and sentence splitting.

Tables, not prose: each row is (text, anchor) -> the expected mentions as
(iso, qualifier, relative).  Phrases come from real entertainment-news pages.
"""

from __future__ import annotations

import datetime as dt

import pytest

from premiere_watch.extract.grammar import DateMention, find_dates, split_sentences

D = dt.date
# Publication dates the rows resolve against.
MON = D(2024, 6, 24)  # a Monday
FRI = D(2023, 10, 13)  # a Friday


def got(text: str, anchor: dt.date | None) -> list[tuple[str, str, bool]]:
    return [(m.date.iso(), m.qualifier, m.relative) for m in find_dates(text, anchor)]


# -- absolute forms: found with or without an anchor -------------------------------

ABSOLUTE = [
    ("It premieres September 2, 2016 on Netflix.", [("2016-09-02", "", False)]),
    ("Set for Sept. 2, 2016.", [("2016-09-02", "", False)]),
    ("Jan. 6, 2023 is the date.", [("2023-01-06", "", False)]),  # AP style: January, not June
    ("on 2 September 2016", [("2016-09-02", "", False)]),
    ("on Sept. 2nd, 2016", [("2016-09-02", "", False)]),
    ("released 9/2/2016 in the US", [("2016-09-02", "", False)]),
    ("released 2016-09-02", [("2016-09-02", "", False)]),
    ("opens Friday, March 15, 2024, the studio said", [("2024-03-15", "", False)]),
    ("Tuesday 9 July 2024", [("2024-07-09", "", False)]),
    ("Wed Oct 23, 2024 9:12 am", [("2024-10-23", "", False)]),
    ("Nov 2, 2023, 2:48 PM ET", [("2023-11-02", "", False)]),
    ("August 1 2025 on the call", [("2025-08-01", "", False)]),
    ("New on Netflix in October 2023", [("2023-10", "", False)]),
    ("Sept. 2016", [("2016-09", "", False)]),
    ("the summer of 2024", [("2024-22", "", False)]),
    ("Loki Season 2 Set for Summer 2023", [("2023-22", "", False)]),
    ("returns in 'Early Summer' 2024", [("2024-22", "early", False)]),
    ("is set to return in early summer 2024.", [("2024-22", "early", False)]),
    ("fall 2025 and spring 2026", [("2025-23", "", False), ("2026-21", "", False)]),
    ("Q3 2025 earnings", [("2025-35", "", False)]),
    ("in the third quarter of 2025", [("2025-35", "", False)]),
    ("Reports Second Quarter 2023 Results", [("2023-34", "", False)]),
    ("early 2025, mid-2025 and late 2025", [("2025", "early", False), ("2025", "mid", False),
                                           ("2025", "late", False)]),
    ("sometime in early 2024", [("2024", "early", False)]),
    ("early in 2024", [("2024", "early", False)]),
    ("around January 2024", [("2024-01", "around", False)]),
    ("mid-July 2026", [("2026-07", "mid", False)]),
    ("the second half of 2024", [("2024", "late", False)]),
    ("the end of 2025", [("2025", "late", False)]),
    ("in 2024", [("2024", "", False)]),
    ("by 2025", [("2025", "by", False)]),
    ("until 2026", [("2026", "until", False)]),
    ("by early 2025", [("2025", "by early", False)]),
    ("Pushes 'Dune: Part Two' Into 2024", [("2024", "", False)]),
    ("had only committed to \"2024.\"", [("2024", "", False)]),
    ("points to a 2025 release for that show", [("2025", "", False)]),
    ("the season is coming 2026", [("2026", "", False)]),
    ("Wish (2023)", [("2023", "paren", False)]),
    ("© 2023 Streaming Guide", [("2023", "copyright", False)]),
    ("© 2006–2024 BoxOfficeTalk", [("2024", "copyright", False)]),
    ("the Naver webtoon, 2009-2011", [("2009", "range", False), ("2011", "range", False)]),
    ("published between 2009 and 2011.", [("2009", "range", False), ("2011", "range", False)]),
    ("Christmas 2023 at the latest", [("2023-12-25", "", False)]),
    ("premieres on Valentine's Day 2024.", [("2024-02-14", "", False)]),
    ("Thanksgiving 2023", [("2023-11-23", "", False)]),
    ("the last Tuesday of September 2018", [("2018-09-25", "", False)]),
    ("January 15 – March 12, 2023", [("2023-01-15", "range", False), ("2023-03-12", "range", False)]),
    ("Nov. 10–12, 2023", [("2023-11-10", "range", False), ("2023-11-12", "range", False)]),
    ("in June and July 2025", [("2025-06", "", False), ("2025-07", "", False)]),
    ("June–August 2025", [("2025-06", "range", False), ("2025-08", "range", False)]),
    ("SEPTEMBER 2, 2016", [("2016-09-02", "", False)]),
    ("2016/09/02", [("2016-09-02", "", False)]),
    ("2025.03.12 10:41 KST", [("2025-03-12", "", False)]),  # year first with dots (East Asian sites)
    ("25/12/2016", [("2016-12-25", "", False)]),  # cannot be M/D/Y, so D/M/Y
    ("9/2/16", [("2016-09-02", "", False)]),
    ("and finally a date, 10.04.24.", [("2024-10-04", "", False)]),
    ("Joined: Mon Jul 10, 2006", [("2006-07-10", "", False)]),
    ("Eleanor Pryce Tue 9 Jul 2024 15.02 BST", [("2024-07-09", "", False)]),
    ("Summer '24 is stacked", [("2024-22", "", False)]),
    ("the summer of '24", [("2024-22", "", False)]),
    ("expected late '25", [("2025", "late", False)]),
    ("a September '25 premiere", [("2025-09", "", False)]),
    ("early-2024", [("2024", "early", False)]),
    ("the first half of 2025", [("2025", "early", False)]),
    ("not until 2025", [("2025", "from", False)]),
    ("biggest weekend since 2019", [("2019", "since", False)]),
    ("Q1 of 2026", [("2026-33", "", False)]),
    ("Easter 2025", [("2025-04-20", "", False)]),
    ("Thanksgiving Day 2023", [("2023-11-23", "", False)]),
    ("Season 1 · Released 2021 · 9 Episodes", [("2021", "", False)]),
    ("Heard it's coming summer 2026", [("2026-22", "", False)]),
    ("H2 2025", [("2025", "late", False)]),
    # "to" is a move, not a range: "from" and the target stay apart
    ("moved from 2024 to 2025", [("2024", "from", False), ("2025", "", False)]),
    ("pushed from June to August 2025", [("2025-06", "from", False), ("2025-08", "", False)]),
    ("ran from 2009 through 2011", [("2009", "range", False), ("2011", "range", False)]),
    # a year printed once belongs to both days
    ("moved Us from Friday, March 15 to Friday, March 22, 2019", [("2019-03-15", "from", False),
                                                                  ("2019-03-22", "", False)]),
    ("on June 22 and June 29, 2024", [("2024-06-22", "", False), ("2024-06-29", "", False)]),
    ("delayed from December 20 to January 3, 2025", [("2024-12-20", "from", False), ("2025-01-03", "", False)]),
    ("in theaters Holiday 2025", [("2025", "late", False)]),
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
@pytest.mark.parametrize("anchor", [None, D(2030, 1, 1)])
def test_absolute_forms(text: str, expected: list[tuple[str, str, bool]], anchor: dt.date | None) -> None:
    assert got(text, anchor) == expected


# -- year-less and relative forms: resolved against the anchor -----------------------

RELATIVE = [
    # a day without a year: the next such day on or after the anchor
    ("now at 9 p.m. ET on Wednesday, June 26.", MON, [("2024-06-26", "", True)]),
    ("originally midnight ET on Thursday, June 27", MON, [("2024-06-27", "", True)]),
    ("Sept. 2", D(2016, 6, 7), [("2016-09-02", "", True)]),
    ("Sep 2", D(2016, 9, 3), [("2017-09-02", "", True)]),
    ("on 2 September", D(2016, 6, 7), [("2016-09-02", "", True)]),
    ("the 10th of April", D(2016, 6, 7), [("2017-04-10", "", True)]),
    ("Then on Saturday, May the 4th, Disney+ releases it", D(2024, 4, 29), [("2024-05-04", "", True)]),
    ("on June the 5th", D(2016, 6, 1), [("2016-06-05", "", True)]),
    ("True Detective: Night Country sets January 14 premiere", D(2023, 11, 2), [("2024-01-14", "", True)]),
    # the printed weekday picks last year's day when only that one fits
    ("Friday, Dec. 29", D(2024, 1, 3), [("2023-12-29", "", True)]),
    # weekday + M/D is a date; on its own M/D is not (see NEGATIVE)
    ("Thu 6/27: Supacell (Netflix)", MON, [("2024-06-27", "", True)]),
    ("Mon 9/23Brilliant Minds", D(2024, 8, 20), [("2024-09-23", "", True)]),
    # year from the anchor / the text
    ("aired on February 4 of this year", D(2018, 6, 19), [("2018-02-04", "", True)]),
    ("Season 2 premiered on December 26 last year", D(2025, 5, 6), [("2024-12-26", "", True)]),
    ("moved it to Friday, April 24, next year", D(2025, 7, 23), [("2026-04-24", "", True)]),
    ("premiered on June 9, 2021 and wrapped on July 14 of that year", D(2022, 9, 10),
     [("2021-06-09", "", False), ("2021-07-14", "", False)]),
    # months
    ("Coming in November", D(2023, 9, 27), [("2023-11", "", True)]),
    ("arrives in February", D(2023, 11, 2), [("2024-02", "", True)]),
    ("pushed it back to this October", D(2025, 7, 23), [("2025-10", "", True)]),
    ("Last November the studio pushed it", D(2025, 7, 23), [("2024-11", "", True)]),
    ("the rumor that has been floating around since June", D(2022, 8, 4), [("2022-06", "since", True)]),
    ("starting its fall lineup until mid-October anyway", D(2024, 8, 20), [("2024-10", "until mid", True)]),
    ("Ahead of January Premiere", D(2020, 12, 20), [("2021-01", "", True)]),
    ("in early February", D(2025, 4, 28), [("2026-02", "early", True)]),
    # seasons
    ("this summer", MON, [("2024-22", "", True)]),
    ("next summer", D(2024, 10, 23), [("2025-22", "", True)]),
    ("next summer", D(2022, 12, 16), [("2023-22", "", True)]),
    ("since last fall", D(2024, 2, 14), [("2023-23", "since", True)]),
    ("is also aiming to start filming in the spring.", D(2023, 11, 2), [("2024-21", "", True)]),
    ("They will just have to wait until spring.", D(2025, 7, 23), [("2026-21", "until", True)]),
    ("this winter", D(2021, 1, 10), [("2020-24", "", True)]),
    ("NBC unveiled its fall premiere dates", D(2018, 6, 19), [("2018-23", "", True)]),
    # years and months relative to the anchor
    ("this year", MON, [("2024", "", True)]),
    ("next year", MON, [("2025", "", True)]),
    ("early next year", MON, [("2025", "early", True)]),
    ("sometime later this year", MON, [("2024", "later", True)]),
    ("before the end of the year", MON, [("2024", "before late", True)]),
    ("toward the end of this year", MON, [("2024", "late", True)]),
    ("the 13-episode third season begins streaming next month", D(2020, 9, 8), [("2020-10", "", True)]),
    ("next month", D(2020, 12, 8), [("2021-01", "", True)]),
    ("earlier this month", MON, [("2024-06", "earlier", True)]),
    # weekdays: "this" = first on or after the anchor; "next" = the one in the following week
    ("opens in theaters next Friday", FRI, [("2023-10-20", "", True)]),
    ("opens next Friday", D(2023, 10, 9), [("2023-10-20", "", True)]),
    ("opens this Friday", D(2023, 10, 9), [("2023-10-13", "", True)]),
    ("This Friday: The Hunger Games", D(2023, 11, 13), [("2023-11-17", "", True)]),
    ("screenings in select theaters this Saturday afternoon", D(2023, 11, 13), [("2023-11-18", "", True)]),
    ("last Tuesday", D(2023, 11, 13), [("2023-11-07", "", True)]),
    # n-th weekday of a month
    ("kicks off on the final Tuesday of September.", D(2018, 6, 19), [("2018-09-25", "", True)]),
    ("last Tuesday in September", D(2018, 6, 19), [("2018-09-25", "", True)]),
    ("the first Friday of October", D(2025, 1, 1), [("2025-10-03", "", True)]),
    # ... of the month the page's date is in, or the next
    ("opens on the last Friday of this month.", D(2023, 9, 7), [("2023-09-29", "", True)]),
    ("the first Monday of next month", D(2023, 12, 7), [("2024-01-01", "", True)]),
    ("the last Friday of this month's schedule", None, []),
    # holidays
    ("this Thanksgiving", D(2023, 11, 13), [("2023-11-23", "", True)]),
    ("on the Wednesday of Thanksgiving week, the day before the holiday", D(2023, 11, 13),
     [("2023-11-22", "", True)]),
    ("Disney's 'Wish' Opens Thanksgiving Eve", D(2023, 11, 13), [("2023-11-22", "", True)]),
    ("the first trailer on Christmas Day", D(2019, 1, 9), [("2019-12-25", "", True)]),
    ("by Christmas", D(2019, 1, 9), [("2019-12-25", "by", True)]),
    ("on Halloween", D(2022, 9, 1), [("2022-10-31", "", True)]),
    ("finale on New Year's Eve", D(2025, 8, 10), [("2025-12-31", "", True)]),
    ("on New Year's Day", D(2025, 8, 10), [("2026-01-01", "", True)]),
    ("Memorial Day weekend", D(2024, 2, 14), [("2024-05-27", "weekend", True)]),
    ("Labor Day", D(2024, 2, 14), [("2024-09-02", "", True)]),
    ("on July 4th", D(2024, 2, 14), [("2024-07-04", "", True)]),
    ("on Independence Day", D(2024, 2, 14), [("2024-07-04", "", True)]),
    ("in time for the holiday season", D(2024, 8, 1), [("2024", "late", True)]),
    # today / tomorrow / in N weeks
    ("premieres today on Max", MON, [("2024-06-24", "", True)]),
    ("arrives tomorrow", MON, [("2024-06-25", "", True)]),
    ("in two weeks", MON, [("2024-07-08", "around", True)]),
    ("in 10 days", MON, [("2024-07-04", "", True)]),  # counted in days: the day itself
    ("opens on the 29th of next month", MON, [("2024-07-29", "", True)]),
    ("the 31st of next month", MON, [("2024-07-31", "", True)]),
    ("the 3rd of this month", MON, [("2024-06-03", "", True)]),
    ("The premiere was pushed from March 1 to March 15.", MON,
     [("2025-03-01", "from", True), ("2025-03-15", "", True)]),
    ("Weekend Box Office: Aug. 18–20, estimates", D(2023, 8, 24),
     [("2024-08-18", "range", True), ("2024-08-20", "range", True)]),
    # more day forms
    ("Episode 1 Coming 9/4", D(2024, 8, 1), [("2024-09-04", "", True)]),
    # a poster's dotted month and day, after a release word only
    ("Only in theaters 12.18.", D(2026, 6, 3), [("2026-12-18", "", True)]),
    ("Season 2 premieres on Thursday, January 7 in Japan", D(2020, 12, 20), [("2021-01-07", "", True)]),
    ("Feb. 29", D(2025, 3, 1), [("2028-02-29", "", True)]),
    # sidebar cells glued together by text extraction
    ("Jan 7The Promised Neverland", D(2020, 12, 20), [("2021-01-07", "", True)]),
    ("In cinemas12 Jul Longlegs", D(2024, 7, 9), [("2024-07-12", "", True)]),
    ("Mon., Sept. 24The Voice", D(2018, 6, 19), [("2018-09-24", "", True)]),
    ("critic_99 Apr 29My theater", D(2025, 4, 28), [("2025-04-29", "", True)]),
    # a year-less month reads forward, except after since / back in / last
    ("In late August it dropped the plan", FRI, [("2024-08", "late", True)]),
    ("He teased the title back in June", D(2022, 8, 4), [("2022-06", "", True)]),
    ("It dropped last May", D(2023, 4, 27), [("2022-05", "", True)]),
    # holidays, continued
    ("opens the day before Thanksgiving", D(2023, 11, 13), [("2023-11-22", "", True)]),
    ("the Friday after Thanksgiving", D(2023, 11, 13), [("2023-11-24", "", True)]),
    ("on Christmas Eve", D(2024, 1, 1), [("2024-12-24", "", True)]),
    ("Thanksgiving weekend in the US", D(2024, 7, 9), [("2024-11-28", "weekend", True)]),
    ("in time for the holidays", D(2024, 8, 1), [("2024", "late", True)]),
    # weekdays and years, continued
    ("this coming Friday", MON, [("2024-06-28", "", True)]),
    ("this past Sunday", MON, [("2024-06-23", "", True)]),
    ("by year's end", MON, [("2024", "by late", True)]),
    ("later in the year", MON, [("2024", "later", True)]),
    ("in the second half of next year", MON, [("2025", "late", True)]),
    ("until early next year", MON, [("2025", "until early", True)]),
    # the printed weekday does not fit: a show called "Wednesday", not the day
    ("Wednesday November 23 is when", MON, [("2024-11-23", "", True)]),
    # a weekend is given as its Friday
    ("opens in theaters this weekend", D(2023, 11, 13), [("2023-11-17", "weekend", True)]),
    ("next weekend", D(2023, 11, 13), [("2023-11-24", "weekend", True)]),
    ("this past weekend", D(2023, 11, 13), [("2023-11-10", "weekend", True)]),
    ("opens over Labor Day weekend", D(2024, 6, 24), [("2024-09-02", "weekend", True)]),
    # listing labels license a bare year or M/D
    ("Release date: 2025", MON, [("2025", "", False)]),
    ("Premiere: 9/4", MON, [("2024-09-04", "", True)]),
    # promo lines in Title Case are dates; titles in Title Case are not
    ("Dune: Part Two Coming This Fall", MON, [("2024-23", "", True)]),
    ("this summer's biggest film", MON, [("2024-22", "", True)]),
    ("this October's lineup", MON, [("2024-10", "", True)]),
    ("early in the new year", D(2024, 11, 1), [("2025", "early", True)]),
    # by summer nobody calls the year under way new; in February they may
    ("it slides into the new year", D(2025, 8, 22), [("2026", "early", True)]),
    ("back in the new year", D(2025, 2, 3), [("2025", "early", True)]),
    # a day plan's weekday and day of the month, with or without "the" and the suffix
    ("Wednesday 26", D(2025, 3, 24), [("2025-03-26", "", True)]),
    ("Thursday 9th at 9pm", D(2025, 3, 24), [("2025-10-09", "", True)]),
    # the UK's Easter days
    ("on Easter Monday", D(2026, 2, 20), [("2026-04-06", "", True)]),
    ("on Good Friday", D(2026, 2, 20), [("2026-04-03", "", True)]),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), RELATIVE)
def test_relative_forms(text: str, anchor: dt.date, expected: list[tuple[str, str, bool]]) -> None:
    assert got(text, anchor) == expected


@pytest.mark.parametrize(("text", "anchor", "expected"), RELATIVE)
def test_relative_forms_dropped_without_anchor(
    text: str, anchor: dt.date, expected: list[tuple[str, str, bool]]
) -> None:
    assert got(text, None) == [e for e in expected if not e[2]]


# -- negatives: none of these is a date ------------------------------------------------

NEGATIVE = [
    "All of Us Are Dead Season 2",
    "version 1.2025.03.12 of the app",  # a version number, not a dotted date
    "It scored 12.18 on the test",  # a decimal: no release word before it
    "shares closed on 12.18",
    "Lupin: Part 3 (Netflix series)",
    "Episode 10: The auditorium quickly becomes a trap",
    "It also drew 361 million viewing hours in its first 10 days.",
    "which is 12:00 a.m. (PT) or 3:00 a.m. (ET)",
    "available in 1080p and 4K",
    "White, who turned 33, has become",
    "rose to No. 1 on Netflix's U.S. daily Top 10 list",
    "an average rating of 6.90/10 and 8.5/10",
    "a weighted average score of 67 out of 100",
    "$100 million worldwide and 87% on Rotten Tomatoes",
    "the standard membership starts at $15.49/month",
    "open 24/7",
    "opens at 10/9c on NBC",
    "You may play mobile games",
    "the march on Washington",
    "May the Force be with you",
    "Wednesday season 2 trailer is here",
    "Wednesday gets a new trailer",
    "Speaking at a press event on Thursday, Bloys said",
    "the original 1993 film",
    "Frank Herbert's 1965 novel",
    "a riff on the prologue from 2001: A Space Odyssey",
    "the 2016-17 season",
    "the 1920s murders",
    "roughly 930 years ahead, in a 32nd century",
    "Four months later, the government lifts martial law",
    "the 13-episode third season",
    "Is it worth the 206 minutes?",
    "I Know What You Did Last Summer opens",
    "The Nightmare Before Christmas is streaming",
    "our 25 days of family Christmas movies",
    "The Fall of the House of Usher",
    "a grown-up Bambi cameo at the end",
    "Stranger Things 5",
    "Guardians of the Galaxy Vol. 3",
    "USA Today reported",
    "the summer house near Santa Cruz",
    "Spooky season is here",
    "Posts: 4,812 Joined",
    "in 2000 theaters",
    "Ice Cube's Next Friday is streaming",
    "April Ludgate and June Carter",
    "expected to fall sharply",
    "Halloween Ends opens in theaters",
    "National Lampoon's Christmas Vacation",
    "A Christmas Carol",
    "Independence Day: Resurgence",
    "during spring break",
    "hunting for Easter eggs",
    "Octavia and Augustus and Marvel",
    "the 8x01 recap",
    "X-Men '97 sets a premiere",
    "add 1/2 cup",
    "the 2020s",
    "the 2019–20 season",
    "TV-14 2024",
    "Tudum 2025 lineup and Comic-Con 2025",
    "year-end lists",
    "the holidays were busy",
    "Winter is coming",
    "at 15.02 BST",
    "version 10.04.2",
    "Happy Death Day 2U",
    "a lead in the fourth quarter",
    "Later in the month, Emily Blunt stars",
    "link that to Jun-hee",
    "Summer Roberts said",
    "May 4 episodes is a short season",
    "in 2,000 theaters",
    "The Sun 12 readers",
    "Season 2024",
    "Summer's mom called",
    "as Theresa May's cabinet",
    "the New Year's resolution list",
    "a turn in June Squibb's new film",
    "a play by August Wilson",
    "May the force be with you",
    "May the 4 of them win",
    # a weekday and a count or a time, not a day of the month
    "It runs Friday 13 episodes in a row.",
    "It airs Wednesday 10pm.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negatives(text: str) -> None:
    anchor = D(2024, 6, 24)
    found = [m for m in find_dates(text, anchor) if m.qualifier != "paren"]
    assert found == [], found


# -- offsets ------------------------------------------------------------------------------


def test_offsets_point_at_the_expression() -> None:
    text = "The Bear now arrives on Wednesday, June 26, earlier than planned."
    (m,) = find_dates(text, MON)
    assert isinstance(m, DateMention)
    assert text[m.start:m.end] == m.text == "Wednesday, June 26"


def test_qualifier_words_are_part_of_the_span() -> None:
    (m,) = find_dates("It will be out by early 2025.", None)
    assert m.text == "by early 2025"
    (m,) = find_dates("It will be out in early 2025.", None)
    assert m.text == "early 2025"  # a neutral preposition is not


def test_a_weekday_that_does_not_fit_is_left_out_of_the_span() -> None:
    (m,) = find_dates("Wednesday November 23 is when", MON)
    assert m.text == "November 23"


def test_that_year_takes_the_last_explicit_year() -> None:
    text = "The first season premiered on June 9, 2021 and wrapped on July 14 of that year."
    assert [m.text for m in find_dates(text, None)] == ["June 9, 2021", "July 14 of that year"]


def test_anchor_may_be_a_datetime() -> None:
    assert got("next month", dt.datetime(2020, 9, 8, 12, 0)) == [("2020-10", "", True)]


def test_empty_and_dateless_text() -> None:
    assert find_dates("", MON) == []
    assert find_dates("No dates here at all.", MON) == []
    assert split_sentences("") == []


# -- sentences ------------------------------------------------------------------------------

SENTENCES = [
    ("It opens Sept. 2. The trailer is out.", ["It opens Sept. 2.", "The trailer is out."]),
    ("Set for Jan. 6, 2023 in the U.S. and Canada.", ["Set for Jan. 6, 2023 in the U.S. and Canada."]),
    ("It streams in the U.S. The film opens later.", ["It streams in the U.S.", "The film opens later."]),
    ("Dr. Stone returns. Mr. Robot does not.", ["Dr. Stone returns.", "Mr. Robot does not."]),
    ("Godzilla vs. Kong opens at 9 p.m. ET on Friday.", ["Godzilla vs. Kong opens at 9 p.m. ET on Friday."]),
    ("It airs at 9 p.m. The finale follows.", ["It airs at 9 p.m.", "The finale follows."]),
    ("St. Denis Medical premieres Tue. Nov. 12.", ["St. Denis Medical premieres Tue. Nov. 12."]),
    ("George R.R. Martin wrote it. Fans agree!", ["George R.R. Martin wrote it.", "Fans agree!"]),
    ("\"It's coming.\" Netflix said so. Really? Yes.",
     ["\"It's coming.\"", "Netflix said so.", "Really?", "Yes."]),
    ("Rose to No. 1 on the chart.", ["Rose to No. 1 on the chart."]),
    ("Coming Up\nThu 6/27: Supacell", ["Coming Up", "Thu 6/27: Supacell"]),
    ("Warner Bros. Pictures said so.", ["Warner Bros. Pictures said so."]),
    ("Mon., Sept. 24The Voice; Manifest", ["Mon., Sept. 24The Voice; Manifest"]),
    ("Chicago P.D.\nThu., Sept. 27Superstore", ["Chicago P.D.", "Thu., Sept. 27Superstore"]),
    ("It was a mess... Then it moved.", ["It was a mess...", "Then it moved."]),
    ("AMC Entertainment Holdings, Inc. The company said so.",
     ["AMC Entertainment Holdings, Inc.", "The company said so."]),
    ("Dr. STONE Season 2 is here.", ["Dr. STONE Season 2 is here."]),
    ("at 9 p.m. ET on NBC.", ["at 9 p.m. ET on NBC."]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected
