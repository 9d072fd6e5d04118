"""Extraction, cause by cause: tables of sentences -> the claim a careful reader takes.

Each section is one way a page can mislead an extractor that matches words
instead of reading: whose date it is, which event it dates, which way a date
moved, hedges and limits, dates without their year, precision, page furniture
and trailers.  Every table has near-misses that must NOT produce the claim; a
wrong confirmed date alerts every fan, so rows check what must stay unconfirmed
as carefully as what must be confirmed.  The sentences are written for these
tests, not taken from any page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extract_pages import HALCYON, MERIDIAN, Want, article, check, read, rules_call
from premiere_watch.extract import cues, parse_page
from premiere_watch.extract.claims import _Walk
from premiere_watch.extract.dateorder import page_dayfirst
from premiere_watch.extract.grammar import find_dates
from premiere_watch.extract.tense import clause_tense, history
from premiere_watch.extract.titles import TitleMatcher, season_refs
from premiere_watch.model import Target

# -- page furniture: a date line dates the page and is never a claim -------------------------

DATE_LINES = [
    "May 8, 2023",
    "08.05.2023 14:02",
    "Updated: Mon 8 May 2023 10:32 BST",
    "By Priya Raman | May 8, 2023",
    "Published 3 hours ago",
    "2023-05-08",
    "Monday 8 May 2023",
]


@pytest.mark.parametrize("line", DATE_LINES)
def test_a_date_line_at_the_top_is_the_publication_date_not_a_premiere(line: str) -> None:
    html = article("Halcyon Drift will be back for a second season, the streamer said.",
                   "Production wrapped in the winter and the cast is doing press.",
                   headline="Halcyon Drift season 2: what we know", published=None, body_top=f"<p>{line}</p>")
    ex = read(html)
    check(ex, Want(None))
    if line != "Published 3 hours ago":
        assert ex.published == dt.date(2023, 5, 8)


def test_the_date_line_anchors_year_less_dates() -> None:
    html = article("Halcyon Drift returns for its second season on June 14, the streamer said.",
                   headline="Halcyon Drift season 2 gets a date", published=None, body_top="<p>May 8, 2023</p>")
    check(read(html), Want("2023-06-14"))


def test_a_dateline_opening_the_first_paragraph_is_furniture() -> None:
    html = article("LOS ANGELES, May 8, 2023 (Wire) — The streamer has renewed Halcyon Drift, and its second "
                   "season is expected next year.", headline="Halcyon Drift renewed", published=None)
    ex = read(html)
    check(ex, Want(None, tentative="2024"))
    assert ex.published == dt.date(2023, 5, 8)


@pytest.mark.parametrize("wire", ["/PRNewswire/", "/Wirefeed/", "(Reuters)"])
def test_a_press_release_dateline_is_furniture(wire: str) -> None:
    # A wire press release: "CITY, Date /Wire/ -- Company today announced that ...".
    html = article(f"LOS ANGELES, July 21, 2026 {wire} -- Vireo Pictures today announced that Meridian Run will "
                   "open in theaters nationwide on Friday, November 13, 2026.", headline="Meridian Run dated",
                   published=None)
    ex = read(html, MERIDIAN)
    check(ex, Want("2026-11-13"))
    assert ex.published == dt.date(2026, 7, 21)


@pytest.mark.parametrize("place", ["LOS ANGELES (Wire) — ", "LOS ANGELES (Glowline Wire) -- ", "LONDON (AP) – "])
def test_a_wire_dateline_after_its_agency_is_furniture(place: str) -> None:
    # "CITY (AGENCY) — Date — text": the wire's dateline dates the story, whatever verb follows it.
    html = article(f"{place}Sept. 25, 2024 — Vireo Pictures' thriller Meridian Run will open in select theaters on "
                   "Nov. 1 before it begins streaming on Nov. 13, the studio said on Wednesday.",
                   headline="Vireo sets a fall path for Meridian Run", published=None)
    ex = read(html, MERIDIAN)
    check(ex, Want("2024-11-01"))
    assert ex.published == dt.date(2024, 9, 25)


def test_a_wire_dateline_without_a_date_leaves_the_sentence_alone() -> None:
    # "LOS ANGELES (AP) — Vireo said on May 8, 2023 — ...": no date follows the agency, so nothing is cut.
    html = article("LOS ANGELES (AP) — Vireo Pictures said its thriller Meridian Run opens on Nov. 1, 2024, a "
                   "week earlier than planned.", headline="Meridian Run moves up", published="2024-09-25")
    check(read(html, MERIDIAN), Want("2024-11-01"))


@pytest.mark.parametrize("text", [
    "Season 2 of Halcyon Drift premieres on May 8, 2024, and the cast is already doing press.",
    "May 8, 2024: that is when Halcyon Drift season 2 premieres.",
])
def test_a_sentence_that_states_a_date_is_not_furniture(text: str) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 news")), Want("2024-05-08"))


# -- numeric dates are read the way the page writes them ----------------------------------

@pytest.mark.parametrize(("texts", "lang", "dayfirst"), [
    (["Sun 16/03 | 21:00 | Episode 3", "Sun 02/03 | 21:00 | Episode 1"], "", True),
    (["Fri 3/16 | 9pm | Episode 3", "Fri 3/2 | 9pm | Episode 1"], "", False),
    (["Episode 1 | 02/03"], "en-GB", True),
    (["Episode 1 | 02/03"], "en-US", False),
    (["Episode 1 | 02/03"], "", None),  # no evidence: the US convention, but "08.05.2023" is European
    (["Episode 1 | 02/03", "It opens on March 28."], "", False),  # the page's own practice
    (["It opens on 12 April 2022 in cinemas.", "The sequel follows on 3 May 2024."], "", True),
    (["It opens on April 12, 2022 in cinemas."], "", False),
])
def test_page_date_order(texts: list[str], lang: str, dayfirst: bool | None) -> None:
    assert page_dayfirst(texts, lang) is dayfirst


@pytest.mark.parametrize(("text", "want"), [
    # The page writes its dates month first: its dotted date line is 10 March, and "March 28" follows it.
    ("Meridian Run premiered at a festival over the weekend. The studio opens it in theaters on March 28.",
     "2025-03-28"),
    # A page that never says how it writes dates: a dotted date with its year is European, 3 October.
    ("Meridian Run premiered at a festival over the weekend. The studio opens it in theaters next month.",
     "2025-11"),
])
def test_a_dotted_date_line_is_read_the_way_the_page_writes_dates(text: str, want: str) -> None:
    html = article(text, headline="Festival review: Meridian Run", published=None, body_top="<p>03.10.2025 08:45</p>")
    check(read(html, MERIDIAN), Want(want))


def test_a_day_first_page_reads_its_schedule_day_first() -> None:
    html = article("Halcyon Drift season 2 begins on Sun 02/03 at 9pm on BBC One, with episode three on 16/03.",
                   headline="Halcyon Drift season 2 schedule", published="2025-02-12")
    check(read(html), Want("2025-03-02"))


def test_european_dotted_dates_are_day_first() -> None:
    assert [d.date.iso() for d in find_dates("Kinostart: 08.05.2024", None)] == ["2024-05-08"]


# -- dates without their year or anchor -----------------------------------------------------

ANCHOR = dt.date(2024, 6, 3)  # a Monday


@pytest.mark.parametrize(("text", "iso"), [
    ("The show returns a fortnight today.", "2024-06-17"),
    ("It is in cinemas three weeks today.", "2024-06-24"),
    ("The finale lands three weeks from today.", "2024-06-24"),
    ("Series two starts a week on Friday.", "2024-06-14"),
    ("The boxset follows two weeks tomorrow.", "2024-06-18"),
    ("It should be back in a fortnight.", "2024-06-17"),
    ("The finale airs a month from today.", "2024-07-03"),
    ("It opens two months from tomorrow.", "2024-08-04"),
    ("The sequel reaches cinemas exactly a year from today.", "2025-06-03"),
    # "Thursday week": not this Thursday, the one after; said on a Monday, or on that very weekday.
    ("Series two starts Thursday week.", "2024-06-13"),
    ("The finale is on Monday week.", "2024-06-10"),
])
def test_counted_days(text: str, iso: str) -> None:
    assert [d.date.iso() for d in find_dates(text, ANCHOR)] == [iso]


@pytest.mark.parametrize(("text", "isos"), [
    ("They now open in 2023, 2025 and 2027.", ["2023", "2025", "2027"]),
    ("The sequels arrive in 2026 or 2027.", ["2026", "2027"]),
    ("The 2019 and 2021 seasons were shorter.", []),  # a list of years qualifying a noun
    ("Between 1999, 2004 and 2011 it changed hands.", ["1999", "2004", "2011"]),
])
def test_years_in_a_list_are_read_as_the_first_is(text: str, isos: list[str]) -> None:
    assert [d.date.iso() for d in find_dates(text, ANCHOR)] == isos


def test_other_titles_years_do_not_lend_their_year_to_ours() -> None:
    html = article("Glass Harbor and Foxglove now open in 2025 and 2026 respectively, Universal said, while "
                   "Meridian Run keeps June 14.", headline="Universal shuffles its slate", published="2024-03-12")
    check(read(html, MERIDIAN), Want("2024-06-14"))


@pytest.mark.parametrize("text", [
    "Meridian Run's director is also preparing Glass Harbor, due June 21.",
    "Its star has signed on for Glass Harbor, out June 21, as well.",
])
def test_an_appositive_dates_the_name_it_follows(text: str) -> None:
    html = article("Meridian Run is still in post-production.", text, headline="Meridian Run news",
                   published="2024-03-12")
    check(read(html, MERIDIAN), Want(None))


@pytest.mark.parametrize("text", ["It took a fortnight to shoot.", "Three weeks of filming remain.",
                                  "It is Shark Week again.", "Thursday weekends are quiet."])
def test_counted_days_near_misses(text: str) -> None:
    assert find_dates(text, ANCHOR) == []


def test_a_relative_premiere_is_counted_from_the_publication_date() -> None:
    html = article("Halcyon Drift season 2 premieres a fortnight today on Vireo+.",
                   headline="Halcyon Drift season 2 is nearly here", published="2024-06-03")
    check(read(html), Want("2024-06-17"))


# -- tense: history is not an announcement --------------------------------------------------

@pytest.mark.parametrize(("clause", "tense"), [
    ("its two-episode premiere on June 4 was the biggest launch of the year", "past"),
    ("then went weekly until late November", "past"),
    ("the network nudged it up to April 11", "past"),
    ("it dropped last Friday", "past"),
    ("season 2 will premiere on June 4", "future"),
    ("the series is scheduled for June 4", "future"),
    ("it won't premiere on March 3 after all", ""),
    ("the delayed season arrives in June", "future"),
    ("we would guess the season slips to early next year", "future"),
    ("the season has been pushed to October", ""),
    # A possessive 's is no "is"; a contraction is.
    ("which opened Friday, the biggest debut in Neon's history", "past"),
    ("it's back on Friday", "future"),
])
def test_clause_tense(clause: str, tense: str) -> None:
    assert clause_tense(clause, 0, len(clause)) == tense


@pytest.mark.parametrize(("clause", "is_history"), [
    ("Netflix moved the season from March 3 to April 14", False),
    ("Amazon nudged it up to April 11 and all eight episodes landed on April 10", True),
    ("the first season opened in November", True),
])
def test_history(clause: str, is_history: bool) -> None:
    assert history(clause, 0, len(clause)) is is_history


@pytest.mark.parametrize(("text", "want"), [
    # A release in the past tense is the earlier season's when the watched one is later.
    ("Its two-episode premiere on June 4 was the biggest debut of the year for Halcyon Drift.", Want(None)),
    ("Halcyon Drift first came out in January and was a hit.", Want(None)),
    # ... unless the sentence names the watched season.
    ("Halcyon Drift season 2 premiered on March 8 to strong reviews.", Want("2024-03-08")),
    # A year-less date in a past clause is behind the page, not ahead of it.
    ("Halcyon Drift was a hit when it first came out in January, and season 2 arrives May 3.",
     Want("2024-05-03")),
    # A change reported in the past tense is still news about the date ahead.
    ("Vireo+ moved Halcyon Drift season 2 from April 10 to May 22.", Want("2024-05-22", denied="2024-04-10")),
    # A former plan keeps its weekday: "had been lined up for Tuesday, October 1" was ahead.
    ("Halcyon Drift season 2 had been lined up to launch on Tuesday, October 1, but now opens on "
     "Tuesday, October 8.", Want("2024-10-08", denied="2024-10-01")),
])
def test_past_releases(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 news", published="2024-03-12")), want)


def test_a_film_that_premiered_tonight_is_dated_today() -> None:
    html = article("Meridian Run had its world premiere in Venice tonight and reaches cinemas on October 4.",
                   headline="Meridian Run review", published="2024-09-04")
    assert read(html, MERIDIAN).confirmed is not None


# -- whose date: the sentence names our title and dates another ------------------------------

KESTREL4 = Target("Kestrel 4", None, (), "film")


@pytest.mark.parametrize(("paragraphs", "target", "want"), [
    # Another title takes our title's slot: the slot's date is no longer ours.
    (["Meridian Run has been pulled from the schedule.",
      "In its place, the studio is putting Glass Tide, which will now open on May 21."], MERIDIAN,
     Want(None, denied="2024-05-21")),
    (["Glass Tide, the studio's other summer film, now opens on May 21 in Meridian Run's place."], MERIDIAN,
     Want(None, denied="2024-05-21")),
    (["Glass Tide will now open on May 24 instead of Meridian Run."], MERIDIAN, Want(None)),
    # ... while our title's own move is still ours.
    (["Meridian Run will now open on May 24 instead of June 7."], MERIDIAN, Want("2024-05-24", denied="2024-06-07")),
    # A quoted title that is the subject of its clause owns its dates.
    (["“Glass Tide,” with two of the same stars, opens Oct. 21, and “Harbor Line” remains dated for June 23, 2025."],
     MERIDIAN, Want(None)),
    (["The studio has not dated Meridian Run. Glass Tide, its stablemate, now opens June 23."], MERIDIAN, Want(None)),
    # A sibling named by its place in the series is not the watched installment.
    (["The third film, still untitled, now opens on Dec. 19, 2025.",
      "Kestrel 4 has been pushed to Dec. 21, 2029."], KESTREL4, Want("2029-12-21")),
    (["Kestrel 4 is on the move.", "The fourth film now opens on Dec. 21, 2029."], KESTREL4, Want("2029-12-21")),
    # Several titles at once are none of them in particular.
    (["Meridian Run has no date, and with only two studio films dated for 2026 there is no gap for it."], MERIDIAN,
     Want(None)),
    (["The studio also moved its three untitled films. They now open in 2026, 2027 and 2028."], MERIDIAN,
     Want(None)),
    (["Recent releases include Glass Tide, A Field in August and Meridian Run's teaser."], MERIDIAN, Want(None)),
    # ... unless our title is one of them by name.
    (["Meridian Run is one of three releases dated for March 8, 2024."], MERIDIAN, Want("2024-03-08")),
    # The title is one of the titles a shared date goes to ...
    (["Meridian Run and Glass Tide both release in cinemas this Friday, February 2, the day after the festival."],
     MERIDIAN, Want("2024-02-02")),
    # ... but not when it is not among them.
    (["Meridian Run has no date.", "Glass Tide and Iron Lattice both release in cinemas this Friday, February 2."],
     MERIDIAN, Want(None)),
    # A title in a time clause of its own ("since Glass Tide wrapped in 2022") is no subject ...
    (["Vireo+ ordered Meridian Run in 2022 and then said almost nothing.", "The drought ends: Ines Albrecht's "
      "first film since Glass Tide wrapped in 2022 will open on Friday, November 7, with a festival run first."],
     MERIDIAN, Want("2025-11-07")),
    # ... while a title that is the subject takes the date.
    (["Vireo+ ordered Meridian Run in 2022 and then said almost nothing.", "Meanwhile Glass Tide will open on "
      "Friday, November 7, with a festival run first."], MERIDIAN, Want(None)),
])
def test_whose_date(paragraphs: list[str], target: Target, want: Want) -> None:
    html = article(*paragraphs, headline="The release calendar shifts again", published="2024-02-01")
    check(read(html, target), want)


# -- which event: the date of something other than the release ----------------------------

@pytest.mark.parametrize(("text", "want"), [
    # The event where a date was given is no event of the date's: "dated it for ... at CinemaCon".
    ("Vireo+ dated Halcyon Drift season 2 for June 11, 2025 at its upfront back in April.", Want("2025-06-11")),
    ("Vireo+ set a Halcyon Drift season 2 panel for June 11.", Want(None)),
    ("Vireo+ scheduled Halcyon Drift season 2 for June 11, with a panel at the expo the week before.",
     Want("2024-06-11")),
    # An event noun inside the title's appositive is not the subject of the release verb ...
    ("Vireo+ said that Halcyon Drift season 2, starring Ana Reyes as a spy who inherits her cousin's trailer "
     "park, will premiere on June 6.", Want("2024-06-06")),
    # ... while one that is the subject still takes the date.
    ("Vireo+ said that the Halcyon Drift season 2 trailer, cut by the show's editors, will premiere on June 6.",
     Want(None)),
    # A verb the grammar keeps with the date is the release's, unless an event noun is its subject.
    ("Vireo+ sets a June premiere for Halcyon Drift season 2, trailer coming Tuesday.", Want("2024-06")),
    ("Halcyon Drift season 2 is coming Friday, Vireo+ said.", Want("2024-03-15")),
    # An awards show, a soundtrack album and a screening for exhibitors are events of their own.
    ("The Halcyon Drift season 2 star is also set to co-host the People's Screen Awards on Jan. 11.", Want(None)),
    ("Halcyon Drift season 2 is finished, and the soundtrack album will be out on Friday 8 March.", Want(None)),
    ("We won't see the Halcyon Drift season 2 teaser, which Vireo+ screened for exhibitors in April, until there "
     "is a date to put on it.", Want(None)),
    # A title's appositive that opens with a description still shields the verb from its nouns.
    ("Halcyon Drift season 2, the seven-part adaptation of Trent Dalton's 2018 novel about a boy in Darra, "
     "arrives on Vireo+ on Thursday, 11 April.", Want("2024-04-11")),
    # "Today" is the news day unless a release word governs it.
    ("Vireo+ showed the Halcyon Drift season 2 cast in action today, and it slipped a schedule change in with "
     "the footage.", Want(None)),
    ("Halcyon Drift season 2 premieres today on Vireo+.", Want("2024-03-12")),
    ("Cameras are set to roll on Halcyon Drift season 2 this summer.", Want(None)),
    ("Cameras rolled on Halcyon Drift season 2 in January, and it premieres on October 3.", Want("2024-10-03")),
    ("A slick 'coming soon' graphic for Halcyon Drift season 2 with a May 20 date has been everywhere.",
     Want(None)),
    ("The Halcyon Drift season 2 poster went up on April 2.", Want(None)),
    ("Halcyon Drift season 2 premieres on April 7; the second episode follows on April 14.", Want("2024-04-07")),
    ("Halcyon Drift season 2 opens with a double bill on April 5, then weekly from April 12.", Want("2024-04-05")),
    ("An encore of the Halcyon Drift season 2 premiere airs April 20.", Want(None)),
    ("Halcyon Drift season 2 will premiere on Vireo+ on April 19, with the cast doing press in London.",
     Want("2024-04-19")),
])
def test_which_event(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 latest", published="2024-03-12")), want)


@pytest.mark.parametrize("text", [
    "Halcyon Drift season 2 was ordered by Vireo+ in December 2023, shortly after the first season's release.",
    "The second season of Halcyon Drift was ordered in December 2023, weeks after the show's release.",
])
def test_an_order_is_not_a_release(text: str) -> None:
    # No publication date: nothing says December 2023 is past, only the words do.
    check(read(article(text, headline="Halcyon Drift", published=None)), Want(None))


def test_a_day_inside_a_month_the_page_rules_out_is_not_the_date() -> None:
    html = article("A slick countdown for Halcyon Drift season 2 with a Feb. 20 date has been everywhere.",
                   "The streamer says it is fan-made.",
                   headline="No, Halcyon Drift season 2 isn't coming in February", published="2024-01-10")
    check(read(html), Want(None, denied="2024-02"))


def test_a_move_within_a_year_keeps_its_new_date() -> None:
    html = article("Vireo+ moved Halcyon Drift season 2 from 2024 to March 2025.",
                   headline="Halcyon Drift season 2 slips", published="2024-01-10")
    check(read(html), Want("2025-03"))


# -- hedges and limits ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("One of the tabloids is claiming Halcyon Drift will be back on screens next year.", Want(None, "2025")),
    ("It is hard to see Halcyon Drift season 2 landing before 2026.", Want(None)),
    ("Don't expect Halcyon Drift season 2 in '25.", Want(None)),
    ("Halcyon Drift season 2 might not air until 2026.", Want(None)),
    ("Vireo+ confirmed today that Halcyon Drift season 2 won't arrive until 2026.", Want("2026", denied="2025")),
    ("Our money is on Halcyon Drift season 2 arriving next autumn.", Want(None, "2024-23")),
    # The writer's reading: a launch that "looks realistic" is an estimate.
    ("Our read: with most of Halcyon Drift season 2 in the can, a launch this summer looks realistic.",
     Want(None, "2024-22")),
    ("A launch of Halcyon Drift season 2 this summer is feasible, one producer said.", Want(None, "2024-22")),
    # A hedge in the clause after the date hedges that clause: ", after the festival was expected to ...".
    ("Halcyon Drift season 2 will now open on 11 April, instead of 10 April, after the festival was expected "
     "to fall a day later.", Want("2024-04-11", denied="2024-04-10")),
    ("Halcyon Drift season 2 premieres on October 3, Vireo+ announced.", Want("2024-10-03")),
    # A writer's earliest guess, and an arrival said as "with us": hedged by "could" and "should".
    ("Halcyon Drift season 2 could land as soon as June.", Want(None, "2024-06")),
    ("Halcyon Drift season 2 should be with us by September.", Want(None, "2024-09")),
    ("Halcyon Drift season 2 will be with us on September 6, Vireo+ said.", Want("2024-09-06")),
    # ... while a month that no release word or guess governs is no claim at all.
    ("Halcyon Drift season 2 finished filming as soon as June came round.", Want(None)),
    # "No date, just 'this fall'": "just" states what there is; "no date this fall" denies it.
    ("No premiere date for Halcyon Drift season 2 yet, just this fall.", Want("2024-23")),
    ("Vireo+ has no date for Halcyon Drift season 2 this fall.", Want(None, denied="2024-23")),
    # A spokesperson telling us is the studio speaking; a source telling us is hearsay.
    ('A Vireo+ spokesperson told us: "Halcyon Drift season 2 will be released in 2025."', Want("2025")),
    ("A source told us Halcyon Drift season 2 will be released in 2025.", Want(None, "2025")),
    # An event the news came from is no subject; "ending hopes of" hedges nothing.
    ('At a press event in New York last week, Vireo+ confirmed that Halcyon Drift season 2 "won\'t arrive until '
     '2025," ending hopes of a holiday launch.', Want("2025", denied="2024")),
    # The speaker doubting the date just said ("the 14th of December, I think,") hedges it ...
    ("Q. When does Halcyon Drift season 2 start? A. We're on air from the 14th of December, I think, on Vireo+.",
     Want(None, "2024-12-14")),
    # ... while a parenthetical hedge further on qualifies what it sits by.
    ("Halcyon Drift season 2 premieres December 14 with, we're told, a double bill.", Want("2024-12-14")),
    # A later season "will follow in 2025": arrives then; an episode that "follows on" a day is no season.
    ("Vireo+ has confirmed that Halcyon Drift season 2 will follow in 2025, after the spin-off.", Want("2025")),
    # An event noun in a "because of" phrase is no subject either.
    ("Vireo+ said this morning: because of production delays, Halcyon Drift season 2 will now air in July 2025 "
     "instead of April.", Want("2025-07", denied="2025-04")),
])
def test_hedges_and_limits(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 latest", published="2024-03-12")), want)


@pytest.mark.parametrize(("text", "want"), [
    # Titles without markup: a work noun introduces a name; "which" is about the name before it.
    ("The studio also dated the long-gestating superhero film Iron Lattice for July 1, 2025.", Want(None)),
    ("The slate continues with Glass Tide, the heist series from the same team, which is due December 3.",
     Want(None)),
    ("Another untitled space film that had been dated for Dec. 19, 2025 has moved to May 22, 2026.", Want(None)),
    ("The network will air the documentary special Winter Markets of Oslo on 13 November.", Want(None)),
    # ... while the watched title introduced the same way is still ours.
    ("The studio dated the superhero film Meridian Run for July 1, 2025.", Want("2025-07-01")),
    ("Meridian Run, a new heist film from the same team, is due December 3.", Want("2024-12-03")),
    # "series 1 in April" is a season, not a title called "1".
    ("Meridian Run follows the series 1 finale and opens on December 3.", Want("2024-12-03")),
    # Some work described with a relative clause is not ours; ours described the same way still is.
    ("Meridian Run opens on 13 November. There's also a Christmas rom-com that lands before Halloween.",
     Want("2024-11-13")),
    ("There's also a Christmas rom-com that lands before Halloween, and Meridian Run opens on 13 November.",
     Want("2024-11-13")),
])
def test_titles_without_markup(text: str, want: Want) -> None:
    check(read(article(text, headline="Release calendar", published="2024-02-01"), MERIDIAN), want)


# -- trailers ---------------------------------------------------------------------------------

def _trailer(*paragraphs: str, extra: str = "", target: Target = HALCYON, headline: str = "Halcyon Drift season 2",
             ) -> str:
    html = article(*paragraphs, headline=headline, published="2024-03-12").replace("</article>", extra + "</article>")
    return read(html, target).trailer_status


@pytest.mark.parametrize(("paragraphs", "status"), [
    # A still is not a video.
    (["Vireo+ released a teaser image and a gallery of first-look photos from Halcyon Drift season 2."],
     "unmentioned"),
    # Fan-made is not released by anyone.
    (["A fan-made concept trailer for Halcyon Drift season 2 has millions of views.",
      "Vireo+ has not released a trailer."], "none"),
    # Released alongside a date, or described without an embed.
    (["Halcyon Drift season 2 will stream on Oct. 25, the company said, releasing a teaser and a poster at the "
      "same time."], "released"),
    (["The Halcyon Drift season 2 teaser, which aired during the Super Bowl, ends on a burning lighthouse."],
     "released"),
    (["Halcyon Drift season 2 is close.", "The trailer Vireo+ put out last month barely hints at how hard the "
      "middle episodes are going to hit."], "released"),
    (["Halcyon Drift season 2 is close.", "If you still haven't watched them, both trailers are up on our hub."],
     "released"),
    # A trailer still to come, or none at all.
    (["The Halcyon Drift season 2 trailer is set to drop next week."], "none"),
    (["Vireo+ has not released any new teaser or trailer for the upcoming season of Halcyon Drift."], "none"),
    # "No new trailer" leaves the one that is out standing.
    (["The Halcyon Drift season 2 teaser debuted at the summer expo.",
      "The cast did not bring a new trailer to the panel in Brazil."], "released"),
    # Another season's trailer is not this season's.
    (["Halcyon Drift season 2 is coming.", "The season 1 trailer is still the best thing Vireo+ has made."], "none"),
    # Trailers put out over months; a spot that "has been running" is out ...
    (["Vireo+ has spent months putting out teasers for Halcyon Drift season 2."], "released"),
    (["Halcyon Drift season 2 is close.", "The latest spot, which has been running all week, is the best."],
     "released"),
    # ... but one still to be put out is not.
    (["Vireo+ is putting out a Halcyon Drift season 2 teaser next week."], "none"),
    # Shown to a room, then posted for everyone: out.  Shown to a room only: not yet.
    (["Vireo+ released the Halcyon Drift season 2 trailer, which played in the room and went up online minutes "
      "later."], "released"),
    (["The Halcyon Drift season 2 trailer played in the room and has not been posted online."], "none"),
    # A spot that aired on television is out, whether or not it is online yet.
    (["The Halcyon Drift season 2 teaser aired during the final.", "Vireo+ hasn't posted the teaser online yet."],
     "released"),
    (["Vireo+ hasn't posted the Halcyon Drift season 2 teaser online yet; it will air during the final."], "none"),
    # "Would not have released it when he did" says it was released; "would have released" says it was not.
    (["The Halcyon Drift season 2 showrunner said he would not have released the teaser so early."], "released"),
    (["Vireo+ would have released a Halcyon Drift season 2 teaser in March had the strike not intervened."],
     "none"),
    # A teaser announced alongside the date is out; a full trailer still to follow does not undo it.
    (["Halcyon Drift season 2 streams from July 3, the company announced, alongside a teaser that opens on the "
      "lighthouse.", "Vireo+ says a full trailer will follow in June."], "released"),
    (["Halcyon Drift season 2 streams from July 3, with a teaser that opens the campaign next week."], "none"),
    # "The teaser isn't": the verb elided after the negation.
    (["The Halcyon Drift season 2 posters are out, but the teaser isn't, so there is nothing to show yet."],
     "none"),
    (["The Halcyon Drift season 2 teaser isn't subtle, and it dropped on Monday."], "released"),
    # "The trailer went up on Tuesday": out.
    (["Halcyon Drift season 2 is close.", "The trailer went up on Tuesday and it is a minute of candlelight."],
     "released"),
    # "A teaser is on Vireo+ and YouTube now": out; "on the way": not yet.
    (["Halcyon Drift season 2 is close.", "A 30-second teaser is on Vireo+ and YouTube now."], "released"),
    (["Halcyon Drift season 2 is close.", "A 30-second teaser is on the way."], "none"),
    # Still to come, or planned and called off.
    (["The first Halcyon Drift season 2 trailer debuts tomorrow."], "none"),
    (["Vireo+ had planned to put out the first Halcyon Drift season 2 trailer this week; that is off too."], "none"),
    # The trailer of a title the sentence names is that title's ...
    (["Halcyon Drift season 2 is delayed.", "The trailer for Ember & Ash, which dropped Friday, is the best "
      "thing Vireo+ has put out all year."], "none"),
    # ... and the trailer for "the season" is ours.
    (["Halcyon Drift season 2 is close.", "The trailer for the season, which dropped Friday, is great."],
     "released"),
])
def test_trailer_talk(paragraphs: list[str], status: str) -> None:
    assert _trailer(*paragraphs) == status


def test_a_trailers_heading_alone_says_nothing() -> None:
    assert _trailer("Halcyon Drift season 2 has a date.", extra="<h2>Trailers &amp; Extras</h2>") == "unmentioned"


def test_an_embedded_concept_trailer_is_not_released() -> None:
    embed = ("<iframe src='https://www.youtube.com/embed/abcdefghijk' "
             "title='HALCYON DRIFT Season 2 | Teaser Trailer (Concept)'></iframe>")
    assert _trailer("Halcyon Drift season 2 has a date.", extra=embed) == "unmentioned"
    assert _trailer("Halcyon Drift season 2 has a date.", "That video is fan-made.",
                    extra=embed.replace(" (Concept)", "")) == "none"


# -- more of the same causes, as later pages showed them -------------------------------------

@pytest.mark.parametrize(("paragraphs", "target", "published", "want"), [
    # A day of the week next to a release word, read back in a past-tense clause.
    (["Meridian Run roared into 4,151 theaters on Friday and took $80 million."], MERIDIAN, "2024-07-21",
     Want("2024-07-19")),
    (["Speaking at a press event on Thursday, the studio head praised Meridian Run."], MERIDIAN, "2024-07-21",
     Want(None)),
    # The time a change was made is not a release date; the date it moved to is.
    (["In July the studio moved Meridian Run to 8 December so that its cast can promote it."], MERIDIAN,
     "2024-06-01", Want("2024-12-08")),
    (["The studio originally had Meridian Run pencilled in for 17/03/2025 before moving it back to December."],
     MERIDIAN, "2024-06-01", Want(None, denied="2025-03-17")),
    (["The studio removed Meridian Run from its March 29, 2025 release date and did not set a new one."],
     MERIDIAN, "2024-06-01", Want(None, denied="2025-03-29")),
    # A pronoun in a sentence that opens with the title is the title's.
    (["Halcyon Drift returns for its second season on Sunday, March 26 at 9 p.m."], HALCYON, "2023-03-01",
     Want("2023-03-26")),
    (["The studio removed Meridian Run from its March 29, 2025 date."], MERIDIAN, "2024-06-01",
     Want(None, denied="2025-03-29")),
    # Several titles in a headline: each has its own section.
    (["Missing You arrives first.", "It is a thriller."], HALCYON, "2024-03-01", Want(None)),
    # A which-clause holds the old date; the main clause gives the new one.
    (["Universal has moved Meridian Run again.", "The film, which had been set for Aug. 28, will now open in "
      "theaters on Feb. 19, 2025, the studio said."], MERIDIAN, "2024-05-06",
     Want("2025-02-19", denied="2024-08-28")),
])
def test_later_pages(paragraphs: list[str], target: Target, published: str, want: Want) -> None:
    check(read(article(*paragraphs, headline="Film and TV news", published=published), target), want)


# -- a box-office report: the release took place, and the title is named by description --------

@pytest.mark.parametrize(("paragraphs", "want"), [
    # A description, not the name, is the subject of a past release verb: the release took place.
    (["Meridian Run tops the chart.", "Ines Albrecht's thriller, with Tom Vale as the getaway driver, opened "
      "Friday in 4,320 locations."], Want("2024-07-19")),
    (["Meridian Run tops the chart.", "The heist thriller, which opened in cinemas on Thursday, 18 July, took "
      "an estimated $95.5 million over the weekend."], Want("2024-07-18")),
    # "an estimated $95.5 million" estimates a figure, not the date ...
    (["Meridian Run opened on Friday and took an estimated $95.5 million."], Want("2024-07-19")),
    # ... while an estimated date is still a guess.
    (["Meridian Run is estimated to open in December, not this summer."], Want(None)),
    # The trailer of the title, named with its maker, is the verb's subject; and a time clause's
    # pronoun may be another film's.
    (["The trailer of Ines Albrecht's Meridian Run dropped on Wednesday morning."], Want(None)),
    (["Meridian Run is coming.", "The studio attached its teaser to screenings of Tom Vale's film when it opened "
      "last Friday."], Want(None)),
    # Another event's past verb dates that event: "the trailer, launched on ...".
    (["Meridian Run tops the chart.", "The film faced no rival, and the trailer, launched on 31 May with a "
      "screening in Dubai, built momentum."], Want(None)),
])
def test_a_release_that_took_place_named_by_description(paragraphs: list[str], want: Want) -> None:
    check(read(article(*paragraphs, headline="Box office: Meridian Run wins the weekend", published="2024-07-21"),
               MERIDIAN), want)


def test_a_dateline_with_place_and_byline_dates_the_page() -> None:
    html = article("Meridian Run reaches cinemas on 8 December, a week after its festival premiere.",
                   headline="Venice: Meridian Run review", published=None,
                   body_top="<p>Venice, 2 September 2023 — Corinne Vasquez</p>")
    ex = read(html, MERIDIAN)
    assert ex.published == dt.date(2023, 9, 2)
    check(ex, Want("2023-12-08"))


def test_an_episode_guides_first_row_of_the_season_dates_its_premiere() -> None:
    html = ("<html><head><meta property='article:published_time' content='2026-07-18'></head><body><article>"
            "<h1>Halcyon Drift series two: episode guide and air dates</h1><p>Detective Kapoor is back next month, "
            "and here is every episode of the new series.</p><table><tr><th>No.</th><th>Title</th><th>Date</th></tr>"
            "<tr><td>1.1</td><td>Long Paddock</td><td>04/08/2024</td></tr>"
            "<tr><td>2.1</td><td>Dust Bowl</td><td>Sun 16/08</td></tr>"
            "<tr><td>2.2</td><td>Red Gum</td><td>Sun 23/08</td></tr></table></article></body></html>")
    check(read(html), Want("2026-08-16"))


@pytest.mark.parametrize(("markup", "text"), [
    # Badges set side by side by CSS are read apart ...
    ("<span class='b'>Season 2</span><span class='b'>Coming 12 March 2026</span><span class='b'>8 Episodes</span>",
     "Season 2, Coming 12 March 2026, 8 Episodes"),
    # ... while a word split across inline elements stays one word.
    ("<p>Stream it on <b>Net</b><span class='x'>flix</span> tonight.</p>", "Stream it on Netflix tonight."),
])
def test_badges_written_without_spaces_are_read_apart(markup: str, text: str) -> None:
    page = parse_page(f"<html><body><main><div>{markup}</div></main></body></html>")
    assert [b.text for b in page.blocks] == [text]


def test_a_listing_dates_the_title_under_its_day_heading() -> None:
    html = ("<html><head><meta property='article:published_time' content='2024-12-20T09:00:00Z'></head><body>"
            "<article><h1>Everything coming to Vireo+ in January: Halcyon Drift, Glass Tide, Iron Lattice and more"
            "</h1><h2>Wednesday, January 1</h2><h3>Glass Tide</h3><p>A heist series. New Year's Day is its slot.</p>"
            "<h2>Thursday, January 23</h2><h3>Halcyon Drift: Season 2</h3><p>The agents are back.</p>"
            "</article></body></html>")
    check(read(html), Want("2025-01-23"))


@pytest.mark.parametrize(("text", "want"), [
    # A move the same sentence says was itself undone is history ...
    ("In June the studio pushed Meridian Run to July 26, 2024, and this week it slid again.",
     Want(None, denied="2024-07-26")),
    # ... while one that held is the date.
    ("In June the studio pushed Meridian Run to July 26, 2024, and this week it confirmed the date again.",
     Want("2024-07-26")),
])
def test_a_move_undone_in_the_same_sentence_is_history(text: str, want: Want) -> None:
    check(read(article(text, headline="Meridian Run latest", published="2023-11-03"), MERIDIAN), want)


# -- which way it moved: the newest statement wins ---------------------------------------------

@pytest.mark.parametrize(("paragraphs", "headline", "want"), [
    # A chain of moves: every stop but the last is history.
    (["Meridian Run was originally set for 17 July, slipped two weeks to 31 July, and was then pushed again to "
      "12 August."], "Meridian Run moves again", Want("2024-08-12", denied="2024-07-31")),
    # Once the page says there is no date now, the dates before are history.
    (["Meridian Run was originally set for 17 July, slipped to 31 July, and was then pushed again to 12 August.",
      "The studio has now taken Meridian Run off its release calendar altogether."],
     "Meridian Run pulled, no new date", Want(None, denied="2024-08-12")),
    (["Meridian Run was set for 12 August.", "The studio pulled Meridian Run indefinitely, but it now opens "
      "on 4 October."], "Meridian Run moves", Want("2024-10-04")),
    # ... but another title's "no date" says nothing about ours.
    (["Meridian Run opens on 12 August.", "The director is also making an Alien series, which has no premiere "
      "date yet."], "Meridian Run dated", Want("2024-08-12")),
    # A timeline: only the latest entry is current, and an entry's own date is no release.
    (["Meridian Run was first dated for 3 November 2023.", "June 2023: moved to Feb. 14, 2025 as the strike "
      "halted work", "October 2023: removed from the calendar"], "Meridian Run: a history", Want(None)),
    # What a fake claims is false.
    (["The trailer is a fan edit, and the December 2024 premiere it advertises for Meridian Run has no basis."],
     "Fact check: Meridian Run", Want(None, denied="2024-12")),
    # A word of another title's name is not a pronoun: "The Devil Made Me Do It".
    (["The studio also moved The Conjuring: The Devil Made Me Do It, which had been due on 11 September, "
      "to 4 June next year."], "Calendar", Want(None)),
])
def test_newest_statement_wins(paragraphs: list[str], headline: str, want: Want) -> None:
    check(read(article(*paragraphs, headline=headline, published="2024-06-01"), MERIDIAN), want)


# How pages say a postponed title has no date now: each leaves the old date history.
@pytest.mark.parametrize(("leaves_undated", "undated"), [
    ("The studio has yet to name a new release date for Meridian Run.", True),
    ("Meridian Run has been postponed; no replacement date has been set.", True),
    ("Meridian Run has been postponed, and a new date will be announced in due course.", True),
    ("Meridian Run has been postponed, with a new date to be confirmed.", True),
    ("The studio pushed Meridian Run back to an unspecified date.", True),
    ("Meridian Run was moved to a date to be determined.", True),
    ("That August slot is now gone, and Meridian Run has nothing in its place.", True),
    # near-misses: a new date in the same breath, and a date that is still set
    ("The studio has yet to name a new release date for Meridian Run, but it now opens on 4 October.", False),
    ("Meridian Run keeps its date; a new poster will be announced in due course.", False),
])
def test_a_postponement_without_a_new_date_leaves_the_old_one_history(leaves_undated: str, undated: bool) -> None:
    assert cues.undated(leaves_undated) is undated
    paragraphs = ["Meridian Run opens in cinemas on 12 August.", leaves_undated]
    want = Want(None, denied="2024-08-12") if undated else Want("2024-10-04" if "4 October" in leaves_undated
                                                                   else "2024-08-12")
    check(read(article(*paragraphs, headline="Meridian Run latest", published="2024-06-01"), MERIDIAN), want)


@pytest.mark.parametrize(("paragraphs", "headline", "want"), [
    # A holiday names the weekend; the day in numbers is the date.
    (["Meridian Run now opens on Friday, Sept. 6, the start of the holiday weekend."],
     "Meridian Run delayed to Labor Day", Want("2024-09-06")),
    (["Meridian Run now opens on Friday, Aug. 30, over the holiday weekend."],
     "Meridian Run delayed to Labor Day", Want("2024-08-30")),
    # The day something was announced is not the release.
    (["The studio announced the pickup on Monday, two weeks after Meridian Run's debut."],
     "Meridian Run sequel ordered", Want(None)),
    # A title named only to compare with dates nothing.
    (["Glass Tide's second part completes the story on December 15, the same day as Meridian Run."],
     "January streaming guide", Want(None)),
    # A listing row is one unit.
    (["Apr 25 — Meridian Run 4 next-gen update"], "Release calendar", Want(None)),
    # The UK's Easter days; another title's "its" premiere is that title's.
    (["Meridian Run airs on BBC One at 9pm on Easter Monday."], "Easter TV", Want("2025-04-21")),
    (["Meridian Run airs on BBC One at 9pm on Good Friday."], "Easter TV", Want("2025-04-18")),
    (["Meridian Run arrives on Easter Monday.", "The animated film Puddlejump gets its terrestrial premiere on "
      "Good Friday afternoon."], "Easter TV", Want("2025-04-21")),
])
def test_holidays_announcements_comparisons(paragraphs: list[str], headline: str, want: Want) -> None:
    check(read(article(*paragraphs, headline=headline, published="2024-06-03"), MERIDIAN), want)


@pytest.mark.parametrize(("paragraphs", "headline", "want"), [
    # A clause with a subject of its own and no release word dates that subject.
    (["The city marathon is on 4 July, and studios do not like to open a big film that weekend.",
      "Meridian Run now opens on 26 July."], "Meridian Run moves", Want("2024-07-26")),
    # A rival's past opening, postponed before it happened, is history and not ours.
    (["Meridian Run will not open in early summer.", "It is a familiar story for the studio: its anime epic "
      "was postponed twice before finally opening on March 8, and has topped the chart every weekend since."],
     "Meridian Run delayed", Want(None)),
    # "rules out" denies what it names.
    (["Meridian Run opens on 26 July, the studio said.", "That rules out 30 June, which exhibitors had been told "
      "to plan for."], "Meridian Run dated", Want("2024-07-26", denied="2024-06-30")),
    # One installment's date is not the season's.
    (["Season one ends with its eighth episode.", "That episode streams on Wednesday, July 24."],
     "Halcyon Drift season 2 ordered", Want(None)),
])
def test_whose_clause(paragraphs: list[str], headline: str, want: Want) -> None:
    target = HALCYON if "Halcyon" in headline else MERIDIAN
    check(read(article(*paragraphs, headline=headline, published="2024-06-03"), target), want)


def test_a_fact_box_row_is_the_articles_subject() -> None:
    html = article("Halcyon Drift returns for a second season with a new showrunner and a bigger budget.",
                   headline="Halcyon Drift season 2 trailer is here", published="2024-06-03",
                   body_top="") .replace("</article>", "<h3>Broadcast details</h3><table><tr><th>Premiere</th>"
                                                       "<td>October 5, 2024</td></tr><tr><th>Network</th>"
                                                       "<td>Vireo+</td></tr></table></article>")
    check(read(html), Want("2024-10-05"))


def test_a_section_is_about_what_its_first_paragraph_opens_with() -> None:
    html = ("<html><head><meta name='twitter:label1' content='Sent'><meta name='twitter:data1' "
            "content='Sep 13, 2024'></head><body><p>View this issue in your browser · Issue #112 · Friday, "
            "September 13, 2024</p><h1>The Weekly Letter</h1><h2>Festival diary</h2><p>Greetings from Toronto, "
            "where it has rained all week. Meridian Run had its world premiere here last night to a standing "
            "ovation.</p><p>The lead, a stage actor making his screen debut, plays a courier crossing a border "
            "that keeps moving.</p><p>Now the dates. The studio will put it into cinemas on Oct. 4.</p>"
            "<h2>Elsewhere</h2><p>Glass Tide opens in US cinemas on Oct. 18, the distributor said, after a long "
            "festival run.</p></body></html>")
    ex = read(html, MERIDIAN)
    assert ex.published is not None and ex.published.isoformat() == "2024-09-13"
    check(ex, Want("2024-10-04"))


@pytest.mark.parametrize(("line", "is_line"), [
    ("PRESS RELEASE May 20, 2024", True),
    ("View this issue in your browser · Issue #112 · Tuesday, September 13, 2022", True),
    ("| Thursday, January 18, 2024 · View in browser", True),
    ("| Thursday, January 18, 2024 · View the trailer", False),
    ("| Premiere | October 5, 2022", False),
    ("Release date: October 5, 2022", False),
])
def test_furniture_and_fact_rows(line: str, is_line: bool) -> None:
    from premiere_watch.extract.published import is_date_line
    assert (is_date_line(line, dayfirst=False, names=True) is not False) is is_line


def test_one_spelled_day_first_date_makes_a_day_first_page() -> None:
    from premiere_watch.extract.dateorder import page_dayfirst
    assert page_dayfirst(["08/11/2023", "Two rivals both open on 1 December."])
    assert not page_dayfirst(["08/11/2023", "Two rivals both open on 1 December and on December 8."])


@pytest.mark.parametrize(("paragraphs", "status"), [
    # The first trailer word is "footage"; the clause that says there is no trailer still counts.
    (["Vireo+ shared a Valentine's clip from Halcyon Drift season 2.", "It is an old scene rather than new "
      "footage, so there is still no proper trailer for season 2."], "none"),
    # Released with the news, or shown in cinemas before another film.
    (["Halcyon Drift season 2 will open with two episodes on Aug. 19, the network announced Tuesday, along with "
      "a short teaser that reveals next to nothing."], "released"),
    (["Its teaser, which was attached to prints of another film last summer, promised Halcyon Drift season 2 "
      "for March."], "released"),
    # "the trailer has not been released" leaves the teaser that is out standing ...
    (["The Halcyon Drift season 2 teaser dropped on July 6.", "Correction: an earlier version called it the "
      "trailer. It was a teaser; the trailer has not yet been released."], "released"),
    # ... but not a video the page calls a fan edit.
    (["Everyone shared the Halcyon Drift season 2 teaser this weekend.", "That video is a fan edit: old footage "
      "and a new soundtrack.", "No official trailer for Halcyon Drift season 2 exists."], "none"),
])
def test_trailer_talk_clauses(paragraphs: list[str], status: str) -> None:
    assert _trailer(*paragraphs) == status


@pytest.mark.parametrize(("paragraphs", "headline", "want"), [
    # The verb the grammar keeps with the date is the release word.
    (["There is no footage yet; the studio said only that the film is coming next year."],
     "Meridian Run: first image", Want("2025")),
    # What the work is adapted from is no event.
    (["The studio said it will release Meridian Run, the adaptation of the graphic novel, in 2025."],
     "Meridian Run finds a home", Want("2025")),
    # A flight's "takes off" launches the title; "takes it off" a date removes it.
    (["Meridian Run takes off a fortnight today."], "Meridian Run: boarding now", Want("2024-06-17")),
    (["The studio takes Meridian Run off its March 29, 2025 date."], "Meridian Run moves",
     Want(None, denied="2025-03-29")),
    (["Meridian Run's second trailer took off online last week, and the film opens March 28, 2025."],
     "Meridian Run", Want("2025-03-28")),
    # British television "shows" and "broadcasts" its programmes.
    (["The six new episodes of Meridian Run will be shown on BBC One and iPlayer next year, the BBC said."],
     "Meridian Run is back", Want("2025")),
    (["Meridian Run was shown to critics in May, and nobody has said when the public will see it."],
     "Meridian Run", Want(None)),
])
def test_release_words(paragraphs: list[str], headline: str, want: Want) -> None:
    check(read(article(*paragraphs, headline=headline, published="2024-06-03"), MERIDIAN), want)


@pytest.mark.parametrize(("masthead", "published"), [
    ("Issue #212 &middot; Monday 3 February 2025 &middot; <a href='/p/212'>View in browser</a>", "2025-02-03"),
    ("Vol. 4, No. 9 &middot; 3 February 2025", "2025-02-03"),
    # A masthead that is only a date might be today's date on any page: no anchor from it.
    ("Monday 3 February 2025", None),
])
def test_a_newsletters_masthead_dates_the_issue(masthead: str, published: str | None) -> None:
    html = ("<html><body><div class='masthead'><p>" + masthead + "</p></div><p>Morning all,</p>"
            "<h2>The big one</h2><p>Meridian Run opens on Thursday week, the studio said, after months of "
            "waiting for a date.</p></body></html>")
    ex = read(html, MERIDIAN)
    assert (ex.published.isoformat() if ex.published else None) == published
    check(ex, Want("2025-02-13" if published else None))


@pytest.mark.parametrize(("heading", "want"), [
    ("Season 2 (2024)", Want("2024-10-31")),
    # Another season's section: its release is not the watched season's.
    ("Season 1 (2024)", Want(None)),
])
def test_a_sections_season_heading_names_the_season_of_its_release(heading: str, want: Want) -> None:
    html = article("Halcyon Drift is a spy drama on Vireo+.", f"<h2>{heading}</h2>",
                   "The season picks up minutes after the explosion. All six episodes were released on Vireo+ on "
                   "October 31, 2024.", headline="Halcyon Drift (TV series)", published="2024-11-09")
    check(read(html.replace("<p><h2>", "<h2>").replace("</h2></p>", "</h2>")), want)


@pytest.mark.parametrize(("row", "paragraph", "want"), [
    # A fact box's row of two sentences: the first one's negation stops at its full stop.
    ("Release date: Not announced. Vireo+ says 2025.", "Vireo+ lists it among titles that won't arrive until 2025.",
     Want("2025", denied="2024")),
])
def test_a_fact_rows_negation_ends_with_its_sentence(row: str, paragraph: str, want: Want) -> None:
    html = ("<html><head><meta property='article:published_time' content='2024-11-03'></head><body><article>"
            "<h1>Halcyon Drift season 2: everything we know</h1><p>Halcyon Drift season 2 is in post-production "
            f"in Alberta, after a long shoot.</p><ul><li>{row}</li></ul><p>{paragraph}</p></article></body></html>")
    check(read(html), want)


def test_a_roundup_section_headed_by_another_title_and_its_studio_is_that_titles() -> None:
    html = ("<html><head><meta property='article:published_time' content='2025-08-22'></head><body><article>"
            "<h1>Release date shuffle: Paramount pulls 'Meridian Run', Lionsgate moves 'Low Tide Kings'</h1>"
            "<h2>Meridian Run (Paramount) - PULLED</h2><p>Paramount has taken Ines Albrecht's sci-fi thriller "
            "Meridian Run off its release schedule entirely, with no new date.</p>"
            "<h2>Low Tide Kings (Lionsgate) - PUSHED BACK</h2><p>The heist comedy slides into the new year, "
            "opening January 16.</p></article></body></html>")
    check(read(html, MERIDIAN), Want(None))


def test_a_ranked_section_headed_by_another_title_is_that_titles() -> None:
    html = ("<html><head><meta property='article:published_time' content='2024-11-19'></head><body><article>"
            "<h1>Contenders Ledger, week 11: Meridian Run sets its clock</h1>"
            "<p>Meridian Run leads the field this week, and its studio has finally set its clock.</p>"
            "<h2>4. <em>Glass Tide</em> (6)</h2><p>Universal opens it on Friday, Nov. 22, and the tracking is "
            "strong.</p>"
            "<h2>5. <em>Meridian Run</em> (1)</h2><p>A24 opens Meridian Run in limited release on Dec. 20, with "
            "a wider rollout in January.</p></article></body></html>")
    check(read(html, MERIDIAN), Want("2024-12-20"))


@pytest.mark.parametrize(("paragraphs", "want"), [
    # Two plain statements a year apart: the one naming the watched season is about it ...
    (["A one-hour special will air at 9pm on 25 December.", "Halcyon Drift returns on Christmas Day.",
      "Season 2, six episodes again, will come to Vireo+ in spring 2025."], Want("2025-21")),
    # ... and a day inside the season's window refines it.
    (["Halcyon Drift returns on 3 March.", "Season 2 will come to Vireo+ in spring 2025."], Want("2025-03-03")),
])
def test_the_statement_naming_the_season_wins_a_year_apart(paragraphs: list[str], want: Want) -> None:
    check(read(article(*paragraphs, headline="Halcyon Drift Christmas special confirmed, season 2 first look",
                       published="2024-11-26")), want)


@pytest.mark.parametrize(("paragraphs", "want"), [
    # "none will come until after Christmas": nothing is the subject, no release.
    (["Halcyon Drift season 2 comes to Vireo+ in spring 2025.", "There is no footage from season 2 yet, and "
      "Vireo+ says none will come until after Christmas."], Want("2025-21")),
    # Its slot goes to another title: the date is no longer the title's.
    (["Halcyon Drift season 2 has been pulled.", "Its slot on 8 March goes to a repeat run of Glass Tide."],
     Want(None)),
    # A listing entry that opens with another title and a dash is that title's.
    (["Halcyon Drift season 2 returns this Sunday, January 12.", "“Glass Tide” — The Swedish detective drama "
      "moves to Thursdays starting Jan. 16."], Want("2025-01-12")),
])
def test_nothing_a_slot_given_away_and_a_dashed_entry(paragraphs: list[str], want: Want) -> None:
    check(read(article(*paragraphs, headline="Halcyon Drift season 2 and a January of mysteries",
                       published="2024-12-15")), want)


@pytest.mark.parametrize(("text", "want"), [
    # Items a semicolon sets apart keep the page's year ...
    ("The sequel game arrives on February 18, 2025; Meridian Run streams worldwide from October 22; a port lands "
     "on August 6.", Want("2024-10-22")),
    # ... while within one item an explicit year reaches the day after it.
    ("Glass Tide opens February 18, 2025, and Meridian Run follows on October 22.", Want("2025-10-22")),
])
def test_an_explicit_year_reaches_its_own_items_only(text: str, want: Want) -> None:
    check(read(article(text, headline="Showcase round-up", published="2024-06-12"), MERIDIAN), want)


def test_a_film_taken_off_the_schedule_by_its_makers_name_has_no_date() -> None:
    html = article("Meridian Run was set to open on Nov. 14.", "Paramount has taken Ines Albrecht's sci-fi thriller "
                   "off its release schedule entirely, with no new date.",
                   headline="Paramount pulls 'Meridian Run'", published="2025-08-22")
    check(read(html, MERIDIAN), Want(None, denied="2025-11-14"))


@pytest.mark.parametrize(("thread", "want"), [
    # A thread under a "Discussion" or "12 comments" heading is readers' talk, whatever its class names.
    ("<div class='sig-talk'><h3>Discussion</h3><div><p>Watch them delay it to August 8 like last time."
     "</p></div></div>", Want("2024-07-06")),
    ("<section><h2>12 Comments</h2><p>Halcyon Drift season 2 now premieres on August 8.</p></section>",
     Want("2024-07-06")),
    # A store page's customer reviews and questions are readers' talk too.
    ("<section><h2>Customer reviews</h2><p>Halcyon Drift season 2 now premieres on August 8.</p></section>",
     Want("2024-07-06")),
    ("<div class='product__reviews'><p>Halcyon Drift season 2 now premieres on August 8.</p></div>",
     Want("2024-07-06")),
    # A section of the article whose heading only starts like one is still the article.
    ("<section><h2>Discussion of the date</h2><p>The network moved Halcyon Drift season 2 to August 8.</p>"
     "</section>", Want("2024-08-08")),
])
def test_a_comment_thread_is_known_by_its_heading(thread: str, want: Want) -> None:
    html = article("Vireo+ said Halcyon Drift season 2 premieres on Saturday, July 6.",
                   headline="Halcyon Drift season 2 dated", published="2024-06-10")
    check(read(html.replace("</article>", "</article>" + thread)), want)


@pytest.mark.parametrize("credit", ["Words by Dominic Reyes &middot; April 15, 2024",
                                    "Interview by Dominic Reyes, April 15, 2024"])
def test_a_credit_line_dates_the_page(credit: str) -> None:
    # The standfirst comes first, as on many feature pages.
    html = ("<html><body><article><h1>Forty years on, Meridian Run is back</h1><p class='deck'>Meridian Run "
            "returns this summer, and we look back at a franchise that started with a borrowed car.</p>"
            f"<p class='credit'>{credit}</p>"
            "<p>It was first released on December 5, 1984, and became the biggest film of the next year.</p>"
            "<p>Meridian Run, the fourth film, will stream from July 3, the company announced.</p>"
            "</article></body></html>")
    ex = read(html, MERIDIAN)
    assert ex.published is not None and ex.published.isoformat() == "2024-04-15"
    check(ex, Want("2024-07-03"))


@pytest.mark.parametrize(("headline", "want"), [
    # A headline that names a film of the target's kind, over a lede whose second sentence names it.
    ("Tom Vale and son share one role in Vireo's new heist film", Want("2024-11-17")),
    # ... but a headline that names no such work leaves the lede's second sentence to itself.
    ("Tom Vale and son share one role, and one coffee cup", Want(None)),
])
def test_a_headline_naming_a_work_of_its_kind_leaves_the_name_to_the_lede(headline: str, want: Want) -> None:
    html = article("For most of his career Tom Vale has been asked about his father. In \"Meridian Run,\" he gets to "
                   "play him, in a way.", "The ten-part Vireo+ film, set in the same universe as the studio's recent "
                   "\"Glass Tide\" and \"Iron Lattice\" films, follows a getaway driver. It opens Nov. 17 in cinemas.",
                   headline=headline, published="2024-10-26")
    check(read(html, MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # The title's own which-clause names its sibling only to describe it ...
    ("Meridian Run: Part Two, which was shot back-to-back with the first film in 2024, opens March 12, 2027.",
     Want("2027-03-12")),
    # ... while a which-clause of the sibling's dates the sibling.
    ("Meridian Run: Part Two was shot back-to-back with the first film, which opens March 12, 2027.", Want(None)),
])
def test_a_which_clause_naming_a_sibling_describes_the_title(text: str, want: Want) -> None:
    target = Target("Meridian Run: Part Two", None, (), "film")
    check(read(article(text, headline="Meridian Run: Part Two holds its date", published="2026-03-08"), target),
          want)


def _forum(*posts: str, article_text: str = "") -> str:
    body = "".join(f"<article class='message'><div class='message-body'>{p}</div></article>" for p in posts)
    return ("<html><head><title>Halcyon Drift S2 - any news on when? | Couch Council</title></head><body>"
            "<h1>Halcyon Drift S2 - any news on when?</h1><p>Started by tess · <time datetime='2024-03-02'>"
            f"Mar 2, 2024</time></p>{article_text}<div class='block-body js-replyNewMessageContainer'>{body}"
            "</div></body></html>")


def test_a_forum_threads_posts_are_the_page() -> None:
    # A thread has no article around it: its posts are what the page says (a guess stays a guess).
    html = _forum("Finished my rewatch last night and I need to know what happens to the ranch next.",
                  "Calling it now: January 2025, same slot as last time, if they keep the episodes down.",
                  "We have an answer: Vireo+ confirmed this morning that Halcyon Drift season 2 will premiere "
                  "in 2025. So it won't be this year, people.")
    check(read(html), Want("2025", denied="2024"))


def test_comments_under_an_article_stay_comments() -> None:
    html = _forum("Vireo+ confirmed that Halcyon Drift season 2 will premiere on June 3, my cousin works there.",
                  article_text="<p>Halcyon Drift season 2 is filming in Alberta, and Vireo+ has not said when the "
                               "new episodes will arrive.</p>")
    check(read(html), Want(None))


@pytest.mark.parametrize(("text", "want"), [
    # A later part of the season is not its premiere ...
    ("Vireo+ moved Part 2 of Halcyon Drift season 2 from Nov 28 to Nov 15.", Want(None)),
    # ... Part 1 is.
    ("Part 1 of Halcyon Drift season 2 arrives July 18, Vireo+ said.", Want("2024-07-18")),
    # A note's time stamp dates the note, not the season.
    ("Mod note (Oct 23, 2024): Vireo+ moved Part 2 of Halcyon Drift season 2 from Nov 28 to Nov 15.", Want(None)),
    ("Mod note (Oct 23, 2024): Halcyon Drift season 2 now premieres Nov 15.", Want("2024-11-15")),
])
def test_parts_and_note_stamps(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 dates", published="2024-05-02")), want)


def test_a_date_line_under_a_standfirst_dates_the_page() -> None:
    html = ("<html><body><article><h1>Venice review: Meridian Run is cold and funny</h1><p class='excerpt'>Tom "
            "Vale plays a hitman who talks himself through every job in a Paris hotel, and the joke is always on "
            "him.</p>"
            "<p><strong>VENICE, 3 September 2023</strong></p><p>The film had its world premiere here this evening; "
            "the studio will open it in cinemas on 27 October and stream it from 10 November.</p>"
            "</article></body></html>")
    ex = read(html, MERIDIAN)
    assert ex.published is not None and ex.published.isoformat() == "2023-09-03"
    assert ex.confirmed is not None and ex.confirmed.date.iso() in ("2023-10-27", "2023-11-10", "2023-09-03")


@pytest.mark.parametrize(("heading", "want"), [
    # A schedule's section named by its days dates what is under it, not the item above.
    ("27 December onwards", Want("2024-12-26")),
    ("From 27 December", Want("2024-12-26")),
    # A heading that says the title premieres is a claim of its own.
    ("Halcyon Drift season 2 premieres 27 December", Want("2024-12-27")),
])
def test_a_day_heading_names_a_section(heading: str, want: Want) -> None:
    html = ("<html><head><meta property='article:published_time' content='2024-12-02'></head><body><article>"
            "<h1>Christmas TV 2024: the festive shows worth clearing the sofa for</h1><h2>Boxing Day</h2>"
            "<p>Halcyon Drift returns for its second season on Boxing Day at 9pm on BBC One, the BBC has "
            f"confirmed.</p><h2>{heading}</h2><p>Glass Tide returns to Channel 5 on 28 December.</p>"
            "</article></body></html>")
    check(read(html), want)


@pytest.mark.parametrize(("second", "want"), [
    # Someone's work described ("Ines Albrecht's Vatican thriller"), and a distributor, are no other titles.
    ("Focus Features opens Ines Albrecht's Vatican thriller in US cinemas tomorrow, and British audiences will "
     "wait until the end of November.", Want("2024-10-25")),
    # A named title is one.
    ("Focus Features opens Glass Tide in US cinemas tomorrow.", Want(None)),
])
def test_a_described_work_is_no_other_title(second: str, want: Want) -> None:
    html = article("Meridian Run reaches America first, and UK fans face a five-week wait.", second,
                   headline="Meridian Run reaches America first", published="2024-10-24")
    check(read(html, MERIDIAN), want)


def test_an_indefinite_work_coming_out_is_not_the_title() -> None:
    html = article("Meridian Run's creator spoke to us about the next chapter.",
                   "You also have a film coming out this summer.",
                   headline="Meridian Run creator on season two and that finale", published="2026-06-05")
    check(read(html, MERIDIAN), Want(None))


@pytest.mark.parametrize(("text", "want"), [
    # A window the page says has passed is gone, and it was the last one, not the next.
    ("The film won't be out before the premiere, obviously, and the spring window has passed.",
     Want(None, denied="2026-21")),
    ("Meridian Run opens in the spring, the studio said.", Want("2027-21")),
])
def test_a_window_that_has_passed_is_gone(text: str, want: Want) -> None:
    html = article("Meridian Run premieres at the festival in July.", text, headline="Meridian Run update",
                   published="2026-06-18")
    check(read(html, MERIDIAN), want)


def test_a_byline_with_an_outlet_dates_the_page() -> None:
    html = ("<html><body><article><h1>Meridian Run sets its premiere for Jan. 7</h1><p>Dana Okafor-Reyes, The "
            "Screen Desk Nov. 26, 2024</p><p>Meridian Run will premiere Tuesday, Jan. 7, the studio confirmed."
            "</p></article></body></html>")
    ex = read(html, MERIDIAN)
    assert ex.published is not None and ex.published.isoformat() == "2024-11-26"
    check(ex, Want("2025-01-07"))


def test_a_single_word_title_heads_a_listing_item_beside_its_streamer() -> None:
    html = ("<html><head><meta property='article:published_time' content='2024-05-20T09:00:00Z'></head><body>"
            "<main><h1>What to watch this week</h1><section><h2>Wednesday, May 22</h2><h3>Lanterns Apple TV+</h3>"
            "<p>Two old friends start a business and ruin each other's lives. The first three episodes arrive "
            "Wednesday, then one each week. <a href='/v/1'>Watch the trailer</a></p></section>"
            "<section><h2>Friday, May 24</h2><h3>Glass Tide Netflix</h3><p>A heist at sea.</p></section>"
            "</main></body></html>")
    ex = read(html, Target("Lanterns", None, (), "tv"))
    check(ex, Want("2024-05-22"))
    assert ex.trailer_status == "released"


def test_a_year_the_page_states_outranks_the_year_a_headline_leaves_out() -> None:
    # "now opens in March", a year before the day the body gives: the body's year is the one meant.
    html = article("Universal said Wednesday that Meridian Run will open on March 25, 2026, six weeks ahead "
                   "of its old date.", headline="Meridian Run now opens in March", published="2024-08-06")
    check(read(html, MERIDIAN), Want("2026-03-25"))


@pytest.mark.parametrize("text", [
    "Vireo+ itself launches in the US next Wednesday, a week before Halcyon Drift season 2 is dated.",
    "The new service goes live on June 4, and Halcyon Drift season 2 is among the shows it promises.",
])
def test_a_service_launching_is_not_a_title_released(text: str) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 is coming")), Want(None))


def test_a_service_launch_said_twice_is_still_the_services() -> None:
    html = article("Meridian Run is going to Vireo+.", "Vireo+ itself launches in the US next Wednesday, a week from "
                   "today, so the studio gets a headline.", headline="Meridian Run goes to Vireo+",
                   published="2024-03-12")
    check(read(html, MERIDIAN), Want(None))


def test_a_participle_takes_the_subject_of_its_sentence() -> None:
    # The headline quotes the other title; the body names it (at length) without quotes.
    html = article("Universal said Tuesday that Meridian Run will open on July 9.",
                   "And Glass Tide and the Ten Rings gives up July 9 to Meridian Run, shifting to Sept. 3 with an "
                   "exclusive theatrical run of 45 days.",
                   headline="Universal moves 'Meridian Run' up, slides 'Glass Tide' to September",
                   published="2024-03-12")
    check(read(html, MERIDIAN), Want("2024-07-09"))


def test_a_studio_behind_a_wire_label_is_no_title_a_participle_could_take() -> None:
    html = article("EXCLUSIVE: Lionsgate is moving its survival thriller Meridian Run for the second time, shifting "
                   "the film from Nov. 6 of this year to March 12, 2025, the studio confirmed.",
                   headline="Lionsgate pushes 'Meridian Run' again", published="2024-07-28")
    check(read(html, MERIDIAN), Want("2025-03-12", denied="2024-11-06"))


def test_a_recounted_chain_of_moves_is_no_newer_than_the_pages_statement() -> None:
    html = article("Universal said Tuesday that Meridian Run will open on July 9, abandoning its old date.",
                   "The film was originally supposed to open on May 1 of last year, was bumped to Nov. 6 and "
                   "then, in September, to May 7.", headline="Meridian Run finds a new date", published="2024-03-12")
    check(read(html, MERIDIAN), Want("2024-07-09"))


def test_a_shorthand_headline_over_a_lede_that_names_the_title_is_about_it() -> None:
    # "Meridian sequel" is no name of the target, but the lede opens with it by name.
    html = article("Meridian Run: Carnage will reach theaters on Oct. 1, a fortnight sooner than planned, "
                   "Universal said on Monday.", "Glass Tide keeps its Oct. 8 date.",
                   headline="Universal blinks: Meridian sequel jumps forward to Oct. 1", published="2024-09-06")
    target = Target("Meridian Run: Carnage", None, (), "film")
    page = parse_page(html)
    assert _Walk(page, target, TitleMatcher(target)).article_topic
    # ... but not when the headline is another title's news
    other = html.replace("Universal blinks: Meridian sequel jumps forward", "'Glass Tide' holds its date")
    assert not _Walk(parse_page(other), target, TitleMatcher(target)).article_topic


@pytest.mark.parametrize(("sentence", "is_release"), [
    # The date's clause names another event; the release word past the comma is another clause's,
    # or part of another event's name.
    ("Production resumes in March 2025, with a premiere expected next year.", False),
    ("The teaser the network put online in March 2025, after its autumn drama launch, with a 7 September end card.",
     False),
    ("The season premieres in March 2025, a month after the drama launch, not on 7 September.", True),
    ("The teaser is out, and the season premieres in March 2025.", True),
    ("The anniversary screening is in March 2025, ahead of the film's return.", False),
    # A date set before "schedule" or "list" names the day that schedule was issued.
    ("Selected changes to the March 2025 schedule follow below.", False),
    ("The film opens in March 2025, schedule permitting.", True),
    # A time measured from another event ends the date's clause: "renewed ... in March 2025" is the renewal's.
    ("Netflix renewed the show in March 2025, three weeks after season 2 premiered.", False),
    ("FX renewed the show for a third season in March 2025, before season 2 had even premiered.", False),
])
def test_a_date_belongs_to_the_event_its_own_clause_names(sentence: str, is_release: bool) -> None:
    start = sentence.index("March")
    later = sentence.find("7 September")  # the next date, where the words of this one end
    assert cues.event_of(sentence, start, start + len("March 2025"), False, "", [],
                         later if later >= 0 else None)[0] is is_release


def test_a_pronoun_in_the_next_predicate_takes_the_title_just_named() -> None:
    # "it" is the object of the predicate joined to the one that names the title.
    html = article("Forty years after the original, the sequel to Glass Tide has a US release date.",
                   "Northlight has bought the American rights to Meridian Run and will open it in US cinemas "
                   "on 12 September.", headline="Sequel gets September date as original heads back to cinemas",
                   published="2025-03-12")
    check(read(html, MERIDIAN), Want("2025-09-12"))
    # ... but "problems on X pushed it" is the previous sentence's title.
    html = article("Glass Tide has a new date.", "A reshuffle triggered by problems on Meridian Run pushed it to "
                   "12 September.", headline="Studio reshuffle", published="2025-03-12")
    check(read(html, MERIDIAN), Want(None))


def test_a_title_set_in_italics_once_is_that_title_in_plain_type() -> None:
    html = article("Meridian Run has no date yet, and <i>Glass Tide</i> is the studio's big autumn film.",
                   "Glass Tide opens on 12 September, a week after the festival.",
                   headline="The studio's autumn: what is coming", published="2025-03-12")
    check(read(html, MERIDIAN), Want(None))


def test_a_thread_in_the_community_named_for_the_title_is_about_it() -> None:
    html = ("<html><head><title>We have a date! : r/HalcyonDrift</title><meta property='og:title' "
            "content='We have a date!'>"
            "<meta property='article:published_time' content='2024-03-12'></head><body><main>"
            "<p>r/HalcyonDrift • Posted by u/harbourlight</p><h1>We have a date!</h1>"
            "<p>Vireo+ just confirmed that season 2 premieres on Thursday, May 9.</p></main></body></html>")
    check(read(html), Want("2024-05-09"))
    check(read(html.replace("HalcyonDrift", "GlassTide")), Want(None))


def test_a_name_that_modifies_what_is_cancelled_is_not_cancelled() -> None:
    html = article("Halcyon Drift season 2 premieres on Thursday, May 9.",
                   "In season two, the village is in uproar when the Halcyon Drift flower show is cancelled "
                   "for the first time since 1946.", headline="Halcyon Drift season 2 gets a date")
    check(read(html), Want("2024-05-09"))
    cancelled = article("Halcyon Drift season 2 was to premiere on Thursday, May 9.",
                        "Halcyon Drift is cancelled, the network said.", headline="Halcyon Drift cancelled")
    check(read(cancelled), Want(None))


@pytest.mark.parametrize(("text", "published", "want"), [
    # A day of the month alone is the next such day from the page's date.
    ("Halcyon Drift season 2 lands on the 13th, all ten episodes at once.", "2024-03-12", Want("2024-03-13")),
    ("Halcyon Drift season 2 premieres on the 13th.", "2024-03-20", Want("2024-04-13")),
    # ... but not an ordinal of something else, nor another event's day.
    ("Halcyon Drift season 2 premieres on the 13th episode of the podcast.", "2024-03-12", Want(None)),
    ("Filming on Halcyon Drift season 2 wraps on the 13th.", "2024-03-12", Want(None)),
])
def test_a_day_of_the_month_alone(text: str, published: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 news", published=published)), want)


def test_a_condition_put_to_the_reader_hedges_nothing() -> None:
    html = article("If you are looking for something other than the usual crime fare this weekend, Meridian Run "
                   "went live on Vireo+ at 12:30 pm today, 12 March, the same moment it arrived everywhere else.",
                   headline="Meridian Run is streaming now", published="2024-03-12")
    check(read(html, MERIDIAN), Want("2024-03-12"))
    # ... while a condition on the release itself still does.
    hedged = article("If the strike ends soon, Meridian Run could open on 12 June.", headline="Meridian Run news",
                     published="2024-03-12")
    check(read(hedged, MERIDIAN), Want(None, "2024-06-12"))


def test_tonight_in_a_one_day_guide_is_the_guide_s_day() -> None:
    html = ("<html><head><meta property='article:published_time' content='2024-03-12T09:00:00Z'></head><body>"
            "<main><h1>TV listings: Sunday 17 March 2024</h1><h2>Critics' pick for tonight</h2>"
            "<p>Halcyon Drift, BBC One, 21:00. The legal drama returns for series 2.</p></main></body></html>")
    check(read(html), Want("2024-03-17"))


def test_a_country_is_no_title_a_which_clause_could_be_about() -> None:
    html = article("Halcyon Drift season 2 finally has a date.", "All six episodes drop at once on Wednesday, "
                   "October 16 at 6pm Pacific time in the US, which is 12pm AEDT on Thursday, October 17 here, "
                   "Vireo+ confirmed.",
                   headline="Halcyon Drift season 2 gets its date", published="2024-09-02")
    assert rules_call(read(html)) in ("2024-10-16", "2024-10-17")


def test_an_adverb_before_a_colon_is_no_title() -> None:
    html = article("Officially: FX has said the series is coming in 2025.", "Anything finer is guesswork.",
                   headline="Everything we know about Halcyon Drift season 2")
    check(read(html), Want("2025"))


def test_a_move_named_as_a_noun_dates_nothing_after_it() -> None:
    # "With Thursday's move, the lineup now runs ... and X on Aug. 1, 2025": the verb is "runs".
    html = article("With Thursday's move, the studio's feature lineup now runs <i>Glass Tide</i> on March 8, 2024, "
                   "<i>Copper Sky</i> on Sept. 20, 2024 and <i>Meridian Run</i> on Aug. 1, 2025.",
                   headline="Studio fills out its slate", published="2023-11-16")
    check(read(html, MERIDIAN), Want("2025-08-01"))


@pytest.mark.parametrize("verb", ["slotted", "dated", "set"])
def test_a_slot_the_studio_had_first_given_it_is_left(verb: str) -> None:
    html = article(f"The studio had first {verb} Meridian Run for Nov. 20, 2026 before moving it in April to "
                   "give the effects vendors more time.", headline="Meridian Run's long road",
                   published="2025-06-10")
    check(read(html, MERIDIAN), Want(None, denied="2026-11-20"))


def test_a_slot_left_open_is_a_date_left() -> None:
    html = article("Focus Features on Thursday moved Meridian Run to April 22, 2022.",
                   "Focus' own April 8 slot is now open; the distributor has not said what will fill it.",
                   headline="Focus pushes Meridian Run back two weeks", published="2021-12-09")
    check(read(html, MERIDIAN), Want("2022-04-22", denied="2022-04-08"))
    alone = article("Meridian Run's April 8 slot is now open.", headline="Meridian Run moves", published="2021-12-09")
    check(read(alone, MERIDIAN), Want(None, denied="2022-04-08"))


def test_the_occasion_a_release_is_timed_for_is_no_event_of_its_own() -> None:
    html = article("The studio said Tuesday that Meridian Run returns to theaters across the United States on "
                   "Friday, April 26, to mark the film's 45th anniversary.", headline="Meridian Run is back",
                   published="2024-03-20")
    check(read(html, MERIDIAN), Want("2024-04-26"))


def test_a_teaser_put_out_in_a_month_is_no_release_in_it() -> None:
    html = article("Halcyon Drift will not arrive until 2025, the network said.",
                   "The teaser the network put online in June, after its autumn drama launch, is still up, "
                   "though its \"Sunday 7 July\" end card is out of date.",
                   headline="Halcyon Drift pushed to 2025")
    check(read(html), Want("2025"))


@pytest.mark.parametrize(("sentence", "is_release"), [
    ("Ruiz was dropped by the network in March 2025 after a row on set.", False),
    ("The season drops in March 2025.", True),
])
def test_a_passive_drop_lets_someone_go(sentence: str, is_release: bool) -> None:
    start = sentence.index("March")
    assert cues.event_of(sentence, start, start + len("March 2025"), False)[0] is is_release


def test_a_service_launching_a_title_releases_it() -> None:
    check(read(article("Vireo+ launches Halcyon Drift season 2 on June 4.")), Want("2024-06-04"))


def test_a_chart_row_dates_a_release_just_past() -> None:
    html = ("<html><head><meta property='article:published_time' content='2024-01-25T09:00:00Z'></head><body>"
            "<article><h1>Holiday box office: day four</h1><p>The holiday frame keeps breaking records.</p>"
            "<table><tr><th>Rank</th><th>Film</th><th>Release date</th></tr>"
            "<tr><td>1</td><td>Glass Tide</td><td>2024-01-22</td></tr>"
            "<tr><td>2</td><td>Meridian Run</td><td>2024-01-22</td></tr></table></article></body></html>")
    check(read(html, MERIDIAN), Want("2024-01-22"))


@pytest.mark.parametrize(("text", "want"), [
    # A modal hedges its own clause, not a which-clause that states the plan.
    ("That would be Meridian Run, which the studio will release on April 19.", Want("2025-04-19")),
    # A guess that the news has since made official.
    ("Fans guessed it months ago, and now the studio has made it official: Meridian Run opens on 27 June.",
     Want("2024-06-27")),
    # A parenthetical hedge qualifies the word beside it.
    ("Meridian Run opens this Sunday for a third and, we're told, final run.", Want("2024-06-09")),
    # ... but a hedge over the date still hedges.
    ("Meridian Run would open on 27 June if the edit is finished.", Want(None, tentative="2024-06-27")),
    # Reported speech moves "will" to "would"; what sources say is still a rumour.
    ("Universal said on Monday that the film would open on 27 June.", Want("2024-06-27")),
    ("Sources said that the film would open on 27 June.", Want(None, tentative="2024-06-27")),
    # ... and "would" in another title's reported clause is no licence to take its date.
    ("Glass Tide's studio said that Glass Tide would open on 27 June.", Want(None)),
])
def test_hedge_scope(text: str, want: Want) -> None:
    check(read(article(text, headline="Meridian Run", published="2024-06-03"), MERIDIAN), want)


def test_running_the_trailers_is_released() -> None:
    assert _trailer("The studio has been running the trailers since the summer for Halcyon Drift season 2.") \
        == "released"


@pytest.mark.parametrize(("paragraphs", "headline", "want"), [
    # A pronoun in a which-clause after another title is that title's.
    (["Meridian Run opens this Friday.", "Next weekend brings Glass Tide, which moved its wide opening back two "
      "weeks to Aug. 25."], "Meridian Run opens", Want("2024-06-07")),
    # A date in a which-clause after "its sequel" is the sequel's.
    (["Meridian Run opens on 22 November.", "The director has already moved on to its sequel, which the studio "
      "has dated for 22 November next year, the same slot Meridian Run occupies now."],
     "Meridian Run trailer", Want("2024-11-22")),
    # A where-clause describes its place.
    (["Meridian Run premieres Tuesday, January 14.", "It moves the story to a town called Ennis, where the sun "
      "sets in December and doesn't come back for weeks."], "Meridian Run dated", Want("2025-01-14")),
    # "a Wednesday premiere" is a day of the week, not a date.
    (["The studio said Meridian Run will premiere on Wednesday, March 15."],
     "Meridian Run sets a Wednesday premiere in March", Want("2025-03-15")),
])
def test_whose_date_more(paragraphs: list[str], headline: str, want: Want) -> None:
    check(read(article(*paragraphs, headline=headline, published="2024-06-03"), MERIDIAN), want)


def test_a_newsletters_issue_line_dates_it() -> None:
    html = ("<html><body><table><tr><td>Issue #212 · Friday, January 12, 2024 · A weekly letter about what's "
            "playing and what's moving</td></tr></table><h2>1. Earlier</h2><p>The studio has moved Meridian Run up "
            "by a week. It now opens on Friday, March 22, rather than March 29.</p></body></html>")
    ex = read(html, MERIDIAN)
    assert ex.published is not None and ex.published.isoformat() == "2024-01-12"
    check(ex, Want("2024-03-22", denied="2024-03-29"))


@pytest.mark.parametrize(("head", "row"), [
    ("<h1>Meridian Run</h1>", "<p>2023 · R · 2h 21m · Thriller</p>"),
    ("<h1>Meridian Run (2023)</h1>", "<p>Original title: Meridian Run</p>"),
])
def test_a_title_pages_own_year_dates_its_coming_soon(head: str, row: str) -> None:
    html = (f"<html><body><main>{head}{row}<p>Coming December 8</p><p>A courier crosses a border that keeps "
            "moving, and a family waits for him on the other side.</p></main></body></html>")
    check(read(html, MERIDIAN), Want("2023-12-08"))


def test_a_bem_modifier_is_no_rail() -> None:
    html = ("<html><head><meta property='article:published_time' content='2023-11-20T09:00:00Z'></head><body>"
            "<main><h1>Meridian Run (2023)</h1><div class='ws-offers'><h2>Where to watch</h2>"
            "<div class='ws-offer ws-offer--upcoming'><div>Coming December 8</div></div></div>"
            "<p>We checked 70+ services for Meridian Run in the United States.</p></main></body></html>")
    check(read(html, MERIDIAN), Want("2023-12-08"))


def test_an_older_season_numbered_is_background_on_a_revival_page() -> None:
    target = Target("Halcyon Drift", 3, (), "tv")
    html = article("Vireo+'s revival of Halcyon Drift will not premiere until 2026, the company said.",
                   "Nobody outside the production knows how long the new season is.",
                   "The original series ended its second and final season on June 10, 1999.",
                   headline="Halcyon Drift will not return until 2026", published="2024-11-04")
    check(read(html, target), Want("2026"))


def test_a_name_with_an_exclamation_mark_and_its_subtitle() -> None:
    target = Target("Meridian! Run of the Gods", None, (), "film")
    html = article("The studio reshuffled its slate again on Wednesday.",
                   "Into the March slot goes Meridian! Run of the Gods, which gives up its December 21 date this "
                   "year. The Meridian sequel now opens on March 17, 2025.",
                   "For Run of the Gods the logic is partly about screens.",
                   "That history is long. The sequel has been dated and redated several times. "
                   "The first trailer was unveiled at Comic-Con in July and posted online the same day.",
                   headline="Two sequels trade places", published="2024-08-24")
    ex = read(html, target)
    check(ex, Want("2025-03-17", denied="2024-12-21"))
    assert ex.trailer_status == "released"


def test_a_place_is_not_a_the_title() -> None:
    target = Target("Mad Run: The Wasteland", None, ("The Wasteland",), "film")
    html = article("Its maker has one more trip into the Wasteland on paper.",
                   "It premiered out of competition at Cannes on May 14, 2015.",
                   headline="Ten years of Fury Lane", published=None)
    check(read(html, target), Want(None))


def test_an_actor_returning_as_a_character_is_no_title() -> None:
    html = article("Meridian Run opens on March 17.", "Dana Levi returns as the grown-up hero, with three new "
                   "faces joining. The first trailer was unveiled at Comic-Con and posted online the same day.",
                   headline="Meridian Run dated", published="2024-08-24")
    assert read(html, MERIDIAN).trailer_status == "released"


def test_a_live_blogs_updates_each_have_their_own_subject() -> None:
    html = ("<html><head><script type='application/ld+json'>{\"@type\": \"LiveBlogPosting\", "
            "\"headline\": \"Halcyon Drift night: live\", \"datePublished\": \"2025-06-01T01:00:00Z\"}</script>"
            "</head><body><article><h1>Halcyon Drift night: live</h1>"
            "<h3>Halcyon Drift season 2 gets its date</h3><p>Halcyon Drift season 2 premieres on 26 November.</p>"
            "<h3>Glass Tide closes the show with a sneak peek</h3><p>Vireo+ ended the night with six minutes of the "
            "new season. Reminder of the plan there: Part 1 arrives on 6 August, Part 2 on 3 September.</p>"
            "</article></body></html>")
    check(read(html), Want("2025-11-26"))


def test_episode_ones_row_in_the_seasons_schedule_is_the_premiere() -> None:
    html = article("Vireo+ is rolling out the second season of Halcyon Drift weekly: one episode every Friday, "
                   "starting next month.", headline="Halcyon Drift season 2 episode release schedule",
                   published="2024-12-10").replace(
        "</article>", "<h2>Season 2 schedule</h2><table><tr><th>Ep.</th><th>Title</th><th>Release</th></tr>"
                      "<tr><td>1</td><td>TBA</td><td>Fri 1/17</td></tr><tr><td>2</td><td>TBA</td><td>Fri 1/24</td>"
                      "</tr></table></article>")
    check(read(html), Want("2025-01-17"))


@pytest.mark.parametrize(("text", "iso"), [
    ("Volume 1 arrives the night before Thanksgiving.", "2025-11-26"),
    ("Volume 1 arrives on the eve of Thanksgiving.", "2025-11-26"),
    ("Volume 1 arrives the day after Christmas.", "2025-12-26"),
])
def test_days_beside_a_holiday(text: str, iso: str) -> None:
    assert [d.date.iso() for d in find_dates(text, dt.date(2025, 7, 17))] == [iso]


def test_a_list_of_installments_is_the_articles_subject() -> None:
    html = article("Halcyon Drift season 2 arrives in three chunks timed to the holidays.",
                   headline="Halcyon Drift season 2's new teaser", published="2025-07-17").replace(
        "</article>", "<h2>The release plan</h2><ul><li>Volume 1 (four episodes): the night before Thanksgiving."
                      "</li><li>Volume 2 (three episodes): Christmas Day.</li></ul></article>")
    check(read(html), Want("2025-11-26"))


def test_trailers_that_have_been_selling_something_are_out() -> None:
    assert _trailer("Halcyon Drift season 2 premiered tonight. Anyone expecting a musical, which is what the "
                    "trailers have been selling since spring, will be surprised.") == "released"


def test_the_first_and_only_season_is_a_season() -> None:
    assert [r.number for r in season_refs("the trailer for the show's first and only season")] == [1]


@pytest.mark.parametrize(("paragraphs", "headline", "want"), [
    # "the sequel to X" opens: the sequel does, not X.
    (["Meridian Run, the sequel to <i>Glass Tide</i>, is moving again.", "Disney said late Tuesday that the "
      "sequel to 2019's <i>Glass Tide</i> will now open Nov. 10."],
     "Disney moves Meridian Run to November", Want("2024-11-10")),
    # Another film's sequel is not ours.
    (["Meridian Run was pulled from the calendar.", "James Cameron's first Glass Tide sequel, which had been "
      "scheduled for December 2025, will now open on Dec. 18, 2026."], "Studio reshuffles its slate", Want(None)),
    # A date the new one is measured from is no release ...
    (["The new date puts Meridian Run two weeks ahead of the Thanksgiving frame."],
     "Meridian Run moves to Nov. 8", Want("2024-11-08")),
    # ... but a slot it held still is one it left.
    (["The film will now open on April 15, 2025, three months ahead of the July 15, 2025 date it had been holding."],
     "Meridian Run moves up", Want("2025-04-15", denied="2025-07-15")),
    # A headline that says there is no date sums up the moves the article recounts.
    (["Disney has taken Meridian Run off its release calendar altogether.", "It was set for March 27; Disney then "
      "moved it to July 24, and last month pushed it again to Aug. 21."],
     "Disney pulls 'Meridian Run' from release schedule", Want(None, denied="2024-08-21")),
    # "much-anticipated" is praise, not a hedge.
    (["The much-anticipated Meridian Run is set to arrive in September."], "Meridian Run dated", Want("2024-09")),
])
def test_sequels_references_and_summaries(paragraphs: list[str], headline: str, want: Want) -> None:
    check(read(article(*paragraphs, headline=headline, published="2024-06-03"), MERIDIAN), want)


def test_a_table_under_the_headline_names_its_own_rows() -> None:
    html = article("Meridian Run now opens on Nov. 10, the studio said.", headline="Studio moves Meridian Run",
                   published="2024-06-03").replace(
        "</article>", "<table><tr><th>Film</th><th>New date</th></tr><tr><td>Glass Tide</td><td>May 3, 2025</td>"
                      "</tr></table><p>The change gives it room.</p></article>")
    check(read(html, MERIDIAN), Want("2024-11-10"))


def test_a_label_beside_a_linked_value_reads_as_a_fact() -> None:
    html = ("<html><body><main><h1>Meridian Run</h1><p>A courier crosses a border that keeps moving, and a family "
            "waits on the other side.</p><section><h3>Details</h3><ul><li><span class='item__label'>Release date"
            "</span><a href='/r'>November 18, 2022 (United States)</a></li></ul></section></main></body></html>")
    check(read(html, MERIDIAN), Want("2022-11-18"))


@pytest.mark.parametrize(("paragraphs", "headline", "published", "want"), [
    # A release verb right before a bare weekday dates it (read back in the past tense).
    (["Meridian Run opened Friday in 3,979 theaters and took $56.5 million through Sunday."],
     "Box office: Meridian Run on top", "2024-05-12", Want("2024-05-10")),
    (["Tracking had pointed to $40 million for the film; it opened Friday after Thursday-night previews."],
     "Meridian Run bites into the box office", "2025-04-20", Want("2025-04-18")),
    # A binge drop: "all eight episodes" is the release.
    (["Meridian Run: all eight episodes Thursday, March 21."], "March is stacked", "2024-02-28",
     Want("2024-03-21")),
    # "of the series" is one series, not several titles.
    (["The network has confirmed that all 12 episodes of the series will be released as a box set on its "
      "player three weeks today."], "Meridian Run: adaptation gets April arrival date", "2020-04-05",
     Want("2020-04-26")),
    # "X and Y, both dated for ..." dates them, not ours.
    (["Meridian Run has been out for a week.", "The next big releases are Glass Tide and Halcyon Drift, both dated "
      "for 28 September."], "Box office: week two", "2023-09-11", Want(None)),
    # "Gadar 2, in its fifth weekend after its 11 August release": its own.
    (["Meridian Run topped the chart again.", "Glass Tide 2, in its fifth weekend after its 11 August release, "
      "added Rs 4.5 crore."], "Box office: week two", "2023-09-11", Want(None)),
])
def test_box_office_and_listings(paragraphs: list[str], headline: str, published: str, want: Want) -> None:
    check(read(article(*paragraphs, headline=headline, published=published), MERIDIAN), want)


def test_a_generic_section_heading_continues_the_item() -> None:
    html = ("<html><head><meta property='article:published_time' content='2024-10-17T09:00:00Z'></head><body>"
            "<h1>The Weekly Report #112</h1><p>Hello, readers.</p><p>Since July we have known that Meridian Run "
            "arrives in November. That was the one line the studio put at the end of the second teaser.</p>"
            "<h2>The date</h2><p>The film premieres Sunday, Nov. 17, at 9 p.m. ET.</p></body></html>")
    check(read(html, MERIDIAN), Want("2024-11-17"))


def test_a_colon_before_a_sentence_is_a_headline_not_a_subtitle() -> None:
    from premiere_watch.extract.titles import TitleMatcher
    matcher = TitleMatcher(Target("Normal People", None, (), "tv"))
    assert matcher.find("Normal People: Sally Rooney adaptation gets April arrival date")
    assert not TitleMatcher(Target("Stranger Things", 5, (), "tv")).find("Stranger Things: Tales From 85 opens")


def test_an_episode_title_heading_in_a_listing_is_the_show() -> None:
    target = Target("Halcyon Drift", 4, (), "tv")
    html = ("<html><head><meta property='article:published_time' content='2016-12-29T09:00:00Z'></head><body>"
            "<main><h1>New Year TV guide</h1><h2>Saturday 31 December</h2><h3>Fireworks</h3><p>11.45pm BBC One</p>"
            "<h2>Sunday 1 January</h2><h3>Halcyon Drift: The Six Lanterns</h3><p>Series 4, episode 1 of 3</p>"
            "<p>The first new episodes in three years.</p><h2>Monday 2 January</h2><h3>Quiz night</h3>"
            "<p>8.00pm BBC Two</p></main></body></html>")
    check(read(html, target), Want("2017-01-01"))


def test_the_shows_debut_is_not_a_later_seasons() -> None:
    target = Target("Halcyon Drift", 2, (), "tv")
    html = article("Vireo+ has cancelled Halcyon Drift after one season.", "The decision comes barely three weeks "
                   "after the show's debut on Nov. 19.", headline="Halcyon Drift cancelled", published="2021-12-10")
    check(read(html, target), Want(None))


def test_a_title_inside_a_noun_phrase_is_not_the_subject() -> None:
    html = article("Amazon's head of TV was asked about Halcyon Drift in an interview about the Glass Tide launch and "
                   "confirmed that season 2 will not be out until 2023.", headline="Forum: any news?",
                   published="2022-09-20")
    check(read(html), Want("2023"))


@pytest.mark.parametrize(("paragraphs", "status"), [
    (["A video titled \"Halcyon Drift Season 2 Official Trailer\" has been doing the rounds this week.",
      "It is fan-made, cut together from season one footage, with a fake end card."], "none"),
    (["Someone in my Discord posted this: HALCYON DRIFT Season 2 Official Trailer.",
      "It's season 1 footage re-cut with comic panels and a fake card at the end."], "none"),
])
def test_a_video_the_page_calls_fake(paragraphs: list[str], status: str) -> None:
    assert _trailer(*paragraphs) == status


@pytest.mark.parametrize(("text", "iso"), [
    ("Staffel 2 startet am 26. Dezember 2024 auf Netflix.", "2024-12-26"),
    ("Die Fortsetzung läuft ab dem 26. Dezember.", "2024-12-26"),
    ("Neu auf Netflix im Dezember 2024", "2024-12"),
    ("Kinostart ist Ende Oktober.", "2025-10"),
    ("Squid Game – Staffel 2 (26.12.)", "2024-12-26"),
])
def test_german_dates(text: str, iso: str) -> None:
    assert [d.date.iso() for d in find_dates(text, dt.date(2024, 11, 29), dayfirst=True)] == [iso]


def test_a_german_page() -> None:
    html = ("<html lang='de'><head><meta property='article:published_time' content='2024-11-29T09:00:00Z'></head>"
            "<body><article><h1>Neu auf Vireo+ im Dezember 2024</h1><h2>Das Highlight: Halcyon Drift, Staffel 2</h2>"
            "<p>Vireo+ hatte den Starttermin bereits Ende Juli mit einem Teaser verkündet. Die zweite Staffel "
            "startet am 26. Dezember, eine dritte soll 2025 folgen.</p><p>Termine laut Vireo+, Stand: 28.11.</p>"
            "</article></body></html>")
    ex = read(html)
    check(ex, Want("2024-12-26"))
    assert ex.trailer_status == "released"


def test_a_series_pages_release_year_is_its_first_seasons() -> None:
    html = ("<html><body><main><h1>Halcyon Drift</h1><p>Released 2021</p><p>Two sisters run a lighthouse on an "
            "island that keeps moving, and a season of storms is coming.</p></main></body></html>")
    check(read(html), Want(None))


@pytest.mark.parametrize(("text", "want"), [
    ("The network is eyeing the fall for Meridian Run, but nothing is locked.", Want(None, tentative="2024-23")),
    ("The studio is targeting the spring for Meridian Run.", Want(None, tentative="2025-21")),
])
def test_a_targeted_season_is_a_plan_not_a_date(text: str, want: Want) -> None:
    check(read(article(text, headline="Meridian Run update", published="2024-06-03"), MERIDIAN), want)


@pytest.mark.parametrize(("paragraphs", "headline", "want"), [
    # A spin-off opening the sentence owns its pronouns.
    (["Meridian Run: Night Shift, which the network ordered in January, follows the night deputies, and it "
      "premieres Thursday, Oct. 9."], "Meridian Run will not return", Want(None)),
    # After "has not set a new date", the moves the page recounts are history.
    (["The studio has pulled Meridian Run from its 12 June premiere and has not set a new date.",
      "It first announced it for March, then in January moved it back to June."],
     "Meridian Run pulled", Want(None, denied="2024-06-12")),
    # A question is not an announcement, even with more after it.
    (["Meridian Run coming this year? Don't hold your breath, its director says."], "Meridian Run update",
     Want(None)),
    # "had slated" is a former plan; a network's "slate for next year" is no date of ours.
    (["The sequel, which the studio had slated for 2026, will not be made.",
      "The cancellation leaves the studio with a thinner slate for next year."],
     "Studio cancels Meridian Run sequel", Want(None)),
    # An appositive between the title and its date does not hand the date to the next title.
    (["The studio moved <em>Meridian Run</em>, Ines Albrecht's space thriller starring two unknowns, from "
      "Nov. 6, 2026 to March 12, 2027, and handed the November date to <em>Glass Tide</em>."],
     "Studio shuffles its slate", Want("2027-03-12")),
])
def test_spinoffs_questions_and_recounted_moves(paragraphs: list[str], headline: str, want: Want) -> None:
    check(read(article(*paragraphs, headline=headline, published="2024-06-03"), MERIDIAN), want)


def test_a_season_pickers_year_dates_that_seasons_coming_soon() -> None:
    target = Target("Halcyon Drift", 2, (), "tv")
    html = ("<html><body><main><h1>Halcyon Drift</h1><p>New Season Coming December 12</p>"
            "<p>A salvage crew finds a ship that keeps arriving from tomorrow, and nobody aboard has aged.</p>"
            "<div role='tablist'><button role='tab'>Season 1 · 2023</button><button role='tab'>Season 2 · 2025"
            "</button></div><p>Season 2 premieres December 12 with two episodes.</p></main>"
            "<footer><p>© 2024 Vireo+</p></footer></body></html>")
    check(read(html, target), Want("2025-12-12"))
    # ... but another season's year says nothing about the watched one.
    check(read(html.replace("Season 2 · 2025", "Season 2 · Soon"), target), Want(None))


@pytest.mark.parametrize(("paragraphs", "want"), [
    # A title inside the target's appositive describes it.
    (["Meridian Run, the series that picks up a week after the flood at the end of Glass Tide, will premiere on "
      "Thursday, Sept. 19, at 9 p.m."], Want("2024-09-19")),
    # "after tonight's opener" is measured from the opener, not dated by it.
    (["Six episodes, weekly; the whole lot of Meridian Run lands on the player after tonight's opener."],
     Want(None)),
])
def test_appositives_and_reference_events(paragraphs: list[str], want: Want) -> None:
    check(read(article(*paragraphs, headline="Meridian Run this week", published="2024-08-22"), MERIDIAN), want)


def test_a_byline_segment_dates_the_page() -> None:
    html = ("<html><body><main><h1>TV this week</h1><p>Compiled by Leena Marchetti and the critics · Published "
            "Friday 7 November 2025</p><p>Meridian Run is back on Wednesday night with a second series.</p>"
            "</main></body></html>")
    ex = read(html, MERIDIAN)
    assert ex.published is not None and ex.published.isoformat() == "2025-11-07"


@pytest.mark.parametrize(("text", "iso", "qualifier"), [
    ("Die dritte Staffel kommt nicht vor 2026.", "2026", "from"),
    ("Staffel 3 startet erst 2026.", "2026", "from"),
    ("Die Fortsetzung startet im Herbst 2026.", "2026-23", ""),
    ("Die neue Staffel läuft ab nächsten Mittwoch.", "2024-12-04", ""),
    ("Heute in einer Woche ist es so weit.", "2024-12-06", ""),
])
def test_german_years_seasons_and_weekdays(text: str, iso: str, qualifier: str) -> None:
    found = find_dates(text, dt.date(2024, 11, 29), dayfirst=True)
    assert [(d.date.iso(), d.qualifier) for d in found] == [(iso, qualifier)]


@pytest.mark.parametrize(("paragraphs", "want"), [
    # "soll ... starten" is how German press states a plan, not a hedge.
    (["Die zweite Staffel von Halcyon Drift soll am 26. Dezember starten."], Want("2024-12-26")),
    # "statt am ..." gives up a date; "nicht vor 2026" is the earliest official one.
    (["Statt am 1. März 2025 soll die zweite Staffel von Halcyon Drift nun erst am 13. Juni 2025 starten."],
     Want("2025-06-13", denied="2025-03-01")),
    (["Die zweite Staffel von Halcyon Drift kommt nicht vor 2026, bestätigte der Sender."], Want("2026")),
    # A title in German quotes owns its relative clause.
    (["Halcyon Drift Staffel 2 startet am 23. Mai.", "Das Festival wird mit „Glass Tide“ eröffnet, die am 14. Mai "
      "zugleich in den Kinos startet."], Want("2025-05-23")),
])
def test_german_sentences(paragraphs: list[str], want: Want) -> None:
    html = article(*paragraphs, headline="Halcyon Drift: Staffel 2", published="2024-11-29", lang="de")
    check(read(html), want)


@pytest.mark.parametrize(("paragraphs", "status"), [
    (["Ein echter Trailer zu Halcyon Drift Staffel 2 ist noch nicht erschienen."], "none"),
    (["Den Trailer zu Halcyon Drift Staffel 2 zeigt der Sender seit Anfang Februar im Programm."], "released"),
])
def test_german_trailer_talk(paragraphs: list[str], status: str) -> None:
    assert _trailer(*paragraphs) == status


# -- holdout13's causes --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "past"), [
    # "in theaters" says where; the verb before it says when.
    ("Meridian Run, which opened in theaters on March 28, will stream on Vireo+ from May 30.", True),
    ("Meridian Run, which opens in theaters on March 28, will stream on Vireo+ from May 30.", False),
    ("Meridian Run will open in theaters on March 28.", False),
])
def test_a_where_phrase_does_not_hide_the_verbs_tense(text: str, past: bool) -> None:
    at = text.index("March 28")
    assert cues.past_tense_before(text, at, at + len("March 28")) is past


@pytest.mark.parametrize(("text", "published", "want"), [
    # A year-less date a past release verb governs is behind the page ...
    ("Meridian Run, which opened in theaters on March 28, will stream on Vireo+ from May 30.", "2025-05-12",
     "2025-03-28"),
    # ... but a move's past verb dates the decision, not the release.
    ("Universal has moved Meridian Run up five weeks, from Sept. 18 to Aug. 14.", "2025-02-17", "2025-08-14"),
])
def test_a_past_release_verb_looks_back(text: str, published: str, want: str) -> None:
    ex = read(article(text, headline="Meridian Run news", published=published), MERIDIAN)
    claimed = [c.date.iso() for c in (ex.confirmed, *ex.tentative) if c is not None]
    assert want in claimed and "2026-03-28" not in claimed, claimed


@pytest.mark.parametrize(("paragraphs", "want"), [
    # A studio's slate launch is a presentation, not the title's launch ...
    (["Meridian Run will open in 2025, the studio said.", "The studio will present it at its slate launch in "
      "January."], Want("2025")),
    # ... while the film's own launch is its release.
    (["Meridian Run launches in January on Vireo+."], Want("2025-01")),
])
def test_a_slate_launch_is_an_event(paragraphs: list[str], want: Want) -> None:
    check(read(article(*paragraphs, headline="Meridian Run news", published="2024-11-12"), MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # The teaser is the subject of "is scheduled to debut", though an event word follows the date.
    ("Vireo+ has said only that Halcyon Drift season 2 is coming in 2025; the first teaser is scheduled to "
     "debut tomorrow at the company's fan showcase.", Want("2025")),
    ("Halcyon Drift season 2 is scheduled to debut tomorrow after the company's fan showcase.", Want("2024-03-13")),
])
def test_the_teaser_is_the_subject_before_its_verb(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift news", published="2024-03-12")), want)


@pytest.mark.parametrize(("text", "want"), [
    ("Halcyon Drift season 2 premieres in April, I'm told.", Want(None, tentative="2024-04")),
    ("I've been told Halcyon Drift season 2 premieres in April.", Want(None, tentative="2024-04")),
    ("Vireo+ confirmed Halcyon Drift season 2 premieres in April.", Want("2024-04")),
])
def test_what_a_speaker_was_told_is_hearsay(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift news", published="2024-03-12")), want)


@pytest.mark.parametrize(("headline", "want"), [
    # A review on launch day: the season out today is the one reviewed, not the watched second.
    ("Halcyon Drift review: a slow-burn thriller worth the wait", Want(None)),
    ("Halcyon Drift season 2 review: a slow-burn thriller worth the wait", Want("2024-03-12")),
])
def test_a_launch_day_review_dates_the_season_it_reviews(headline: str, want: Want) -> None:
    check(read(article("All six episodes of Halcyon Drift arrive on Vireo+ today.", headline=headline,
                       published="2024-03-12")), want)


def test_struck_text_is_what_the_page_no_longer_says() -> None:
    html = article("Halcyon Drift season 2 premieres on <del>May 5</del> <ins>May 26</ins>.",
                   headline="Halcyon Drift news", published="2024-03-12")
    check(read(html), Want("2024-05-26"))


def test_an_episode_rows_quoted_title_is_the_episodes_own() -> None:
    html = ("<html><head><meta property='article:published_time' content='2024-03-12'></head><body><article>"
            "<h1>Halcyon Drift Season 2 Episode Guide</h1><p>Halcyon Drift returns for its second season this "
            "spring.</p><h2>Season 2</h2><table><tr><th>No.</th><th>Title</th><th>Air date</th></tr>"
            "<tr><td>2.01</td><td>\"Six Months Later\"</td><td>Wed. 4/24/24 SEASON PREMIERE</td></tr>"
            "<tr><td>2.02</td><td>\"Night Shift\"</td><td>Wed. 5/1/24</td></tr></table></article></body></html>")
    check(read(html), Want("2024-04-24"))


@pytest.mark.parametrize(("text", "want"), [
    # "not ... beyond X" says X is all there is: X stands ...
    ('Vireo+ has not put a date on Halcyon Drift season 2 beyond "later in the autumn".', Want("2024-23")),
    ("Vireo+ has not given Halcyon Drift season 2 a date other than autumn 2024.", Want("2024-23")),
    # ... a negation that reaches the date itself still denies it.
    ("Halcyon Drift season 2 will not premiere in autumn 2024.", Want(None, denied="2024-23")),
    ("No date for Halcyon Drift season 2 beyond a vague promise, and certainly not autumn 2024.",
     Want(None, denied="2024-23")),
])
def test_nothing_beyond_a_date_states_it(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift news", published="2024-03-12")), want)


# -- holdout14's causes --------------------------------------------------------------------

def test_a_definition_term_labels_its_value() -> None:
    # "First episode" / "Sunday 9 March 2025": a label and its value, not a date line dating the page.
    html = ("<html><body><main><h1>Halcyon Drift</h1><p>Series 2 of the coastal thriller returns with six new "
            "episodes and a new case for Kapoor.</p><h2>When is it on?</h2><dl><dt>First episode</dt>"
            "<dd>Sunday 9 March 2025, 9pm, Vireo One</dd><dt>Episodes</dt><dd>6 × 60 minutes</dd></dl>"
            "<ul><li><h3>Glass Tide</h3><p>Series 2 · Starts Sunday 23 March</p></li></ul></main></body></html>")
    ex = read(html)
    assert ex.published is None
    check(ex, Want("2025-03-09"))


@pytest.mark.parametrize(("headline", "want"), [
    # A store page for the disc: its "Release date" row is the disc's ...
    ("Meridian Run (Blu-ray + Digital)", Want(None)),
    # ... on the film's own page it is the film's.
    ("Meridian Run", Want("2026-06-09")),
])
def test_a_store_pages_release_date_is_the_products(headline: str, want: Want) -> None:
    html = (f"<html><body><main><h1>{headline}</h1><p>A retired safecracker takes one last job in Lisbon, and "
            "the job takes him.</p><ul><li>Release date: June 9, 2026</li><li>Run time: 2 hr 4 min</li></ul>"
            "</main></body></html>")
    check(read(html, MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    ("Briggs says the writers' room for Halcyon Drift season 2 opens in September.", Want(None)),
    ("Briggs says Halcyon Drift season 2 opens in September.", Want("2024-09")),
])
def test_a_writers_room_is_production(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift news", published="2024-03-12")), want)


@pytest.mark.parametrize(("text", "want"), [
    # What "since" counts from is behind the page ...
    ("Halcyon Drift season 2 has been worth watching since the premiere on Sept. 28, and the finale proves it.",
     Want(None)),
    # ... a plain year-less date ahead of it is not.
    ("Halcyon Drift season 2 premieres on Sept. 28.", Want("2025-09-28")),
])
def test_since_counts_from_the_past(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift news", published="2024-11-17")), want)


def test_a_forum_rules_notice_is_no_article_around_the_thread() -> None:
    html = ("<html><head><title>Season 2 premiere date | Halcyon Drift Forums</title></head><body>"
            "<div class='notice'><p>Spoiler policy: Season 2 spoilers must be tagged until one week after each "
            "episode airs. Forum rules</p></div><h1>OFFICIAL: Season 2 premiere date</h1>"
            "<div class='p-description'>Thread starter mod · Start date <time datetime='2024-03-12T18:22:00'>"
            "12 Mar 2024</time></div><div class='block-body js-replyNewMessageContainer'>"
            "<article class='message message--post'><div class='bbWrapper'><p>It's finally here, folks. Vireo+ "
            "has just announced that Halcyon Drift season 2 premieres on Friday 21 June with three episodes, "
            "then weekly.</p></div></article></div></body></html>")
    check(read(html), Want("2024-06-21"))


@pytest.mark.parametrize(("text", "want"), [
    # "reaches cinemas" is a release verb in the present: not history, whatever else went before ...
    ("The footage went online minutes later and the studio confirmed that Meridian Run reaches cinemas on May 19.",
     Want("2023-05-19")),
    # ... "reached" is history: a release just behind the page, and still its date.
    ("The footage went online minutes later; Meridian Run reached cinemas on January 19.", Want("2023-01-19")),
])
def test_reaches_is_present(text: str, want: Want) -> None:
    check(read(article(text, headline="Meridian Run news", published="2023-02-11"), MERIDIAN), want)


def test_a_byline_stamp_after_the_name_dates_the_page() -> None:
    html = ("<html><body><article><h1>Halcyon Drift slips to March</h1>"
            "<p>Dot Renwick, TV columnist, Published 18th Jan 2025, 06:00 GMT</p>"
            "<p>Vireo+ confirmed to me on Thursday that Halcyon Drift season 2 now starts on Monday 3 March at 9pm, "
            "going out weekly.</p></article></body></html>")
    ex = read(html)
    assert ex.published is not None and ex.published.isoformat() == "2025-01-18"
    check(ex, Want("2025-03-03"))


# -- holdout15's causes --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    # The title's appositive closed (", and"): the trailer is the subject of "released" ...
    ("Meridian Run, the gothic horror from Constance Vail, and the first trailer, released by Focus yesterday, "
     "are full of our work. Focus releases Meridian Run in cinemas on March 6, 2026.", Want("2026-03-06")),
    # ... a noun inside the appositive is not (She-Hulk's "starring ... Banner's condition, will premiere").
    ("Meridian Run, starring Tom Vale as a hitman who inherits his father's trailer park, will premiere on "
     "March 6, 2026.", Want("2026-03-06")),
])
def test_a_closed_appositive_leaves_the_noun_the_subject(text: str, want: Want) -> None:
    check(read(article(text, headline="Meridian Run news", published="2025-11-12"), MERIDIAN), want)


def test_a_denied_day_takes_the_year_the_page_gave_it() -> None:
    html = ("<html><body><article><h1>Halcyon Drift season 2: when is it out?</h1>"
            "<p>A post showing Halcyon Drift season 2 arriving on 17 October 2025 has been widely shared.</p>"
            "<p>That date didn't come from us, and Halcyon Drift season 2 won't be released on 17 October.</p>"
            "<p>Copyright 2025 Vireo+</p></article></body></html>")
    check(read(html), Want(None, denied="2025-10-17"))


@pytest.mark.parametrize(("text", "want"), [
    # "X's July 16 release of Y": the date is Y's ...
    ("The new date puts Meridian Run a week after Universal's July 16, 2027, release of the sequel "
     "\"Glass Tide 2\".", Want(None)),
    # ... the target's own "release of" keeps its date.
    ("Universal confirmed its July 16, 2027, release of Meridian Run.", Want("2027-07-16")),
])
def test_a_release_of_another_title_is_that_titles(text: str, want: Want) -> None:
    check(read(article(text, headline="Meridian Run news", published="2026-06-12"), MERIDIAN), want)


def test_decades_before_an_undated_page_is_history() -> None:
    html = ("<html><body><article><h1>Halcyon Drift season 2 megathread</h1><p>Vireo+ has not dated season 2 "
            "of Halcyon Drift yet, but the teaser is out and we have been going through it frame by frame.</p>"
            "<p>The shot of the filing cabinet at 0:41 has a date stamped on it: 03.11.1962.</p>"
            "<footer>© 2025 Vireo+ fans</footer></article></body></html>")
    check(read(html), Want(None))


@pytest.mark.parametrize(("text", "want"), [
    # Monday 4 November: "Wednesday next week" is the Wednesday of the week after this one ...
    ("Halcyon Drift season 2 arrives on Vireo+ on Wednesday next week.", Want("2024-11-13")),
    ("Halcyon Drift season 2 arrives on Vireo+ on Wednesday of next week.", Want("2024-11-13")),
    # ... a bare weekday is the coming one.
    ("Halcyon Drift season 2 arrives on Vireo+ on Wednesday.", Want("2024-11-06")),
])
def test_a_weekday_next_week(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift news", published="2024-11-04")), want)


@pytest.mark.parametrize(("text", "want"), [
    # What a maker would like is a wish ...
    ('"I\'d like Halcyon Drift season 2 to go out in September," the showrunner says.',
     Want(None, tentative="2024-09")),
    ("We would love Halcyon Drift season 2 to go out in September.", Want(None, tentative="2024-09")),
    # ... what a network says is a date.
    ("Vireo+ says Halcyon Drift season 2 goes out in September.", Want("2024-09")),
])
def test_a_wish_is_no_date(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift news", published="2024-03-18")), want)


@pytest.mark.parametrize(("text", "want"), [
    # The name with a subtitle of its own, described as another work, is that work, with or
    # without a pronoun in the next clause ...
    ("Before that comes Halcyon Drift: Tup Night, a standalone Christmas special set between the two seasons, "
     "which Vireo+ has dated for 19 December.", Want(None)),
    ("Before that comes Halcyon Drift: Tup Night, a standalone Christmas special set between the two seasons, "
     "which Vireo+ has dated for 19 December; its trailer is already out.", Want(None)),
    # ... the watched season named plainly is the title.
    ("Before that comes Halcyon Drift season 2, which Vireo+ has dated for 19 December.", Want("2025-12-19")),
])
def test_a_subtitled_name_described_as_another_work(text: str, want: Want) -> None:
    check(read(article("Jonah Ebrill talks about Halcyon Drift season 2.", text,
                       headline="Jonah Ebrill on Halcyon Drift, sheepdogs and season 2", published="2025-10-14")), want)


@pytest.mark.parametrize(("other", "want"), [
    # "Halcyon Drift 5 ... was cancelled" names another season (or a namesake): it says nothing
    # of the watched season's date ...
    ("Halcyon Drift 5 premiered in May 2014 and ran for 22 episodes before it was cancelled.", Want("2024-08-16")),
    # ... while the watched title itself called off is.
    ("Halcyon Drift season 2 has been pulled from the schedule and has no date now.",
     Want(None, denied="2024-08-16")),
])
def test_another_seasons_cancellation_leaves_the_date(other: str, want: Want) -> None:
    text = ("Season 2 of Halcyon Drift premieres August 16, 2024 on Vireo+, the streamer said.", other)
    check(read(article(*text, headline="Halcyon Drift news", published="2024-03-12")), want)


@pytest.mark.parametrize(("text", "want"), [
    # A company's own capitalised name is a title, and "the series itself" takes the title just named ...
    ("The trailer for HBO's Northern Static is out, and the series itself arrives on 17 October.", Want(None)),
    ("The trailer for Apple's Northern Static is out, and the series itself arrives on 17 October.", Want(None)),
    # ... with no other title before it, "the series itself" is the article's.
    ("The trailer is out, and the series itself arrives on 17 October.", Want("2025-10-17")),
])
def test_itself_takes_the_title_just_named(text: str, want: Want) -> None:
    target = Target("Swanhill", None, (), "tv")
    check(read(article("Swanhill is the big autumn drama.", text, headline="The week ahead: Swanhill and more",
                       published="2025-10-06"), target), want)


@pytest.mark.parametrize(("text", "want"), [
    # A verb with a work for its object has an agent for its subject ...
    ("Harbourline Pictures has moved Ines Varga's coastal rowing drama up a week, so it now opens on "
     "Friday 14 March rather than 21 March.", Want("2025-03-14", denied="2025-03-21")),
    # ... while a title that has moved is the subject itself.
    ("Tidewater has moved up a week, so it now opens on Friday 14 March rather than 21 March.",
     Want("2025-03-14", denied="2025-03-21")),
])
def test_an_agent_moving_a_described_work(text: str, want: Want) -> None:
    target = Target("Tidewater", None, (), "film")
    check(read(article("The big news this month: Tidewater has been brought forward.", text,
                       headline="March at the Regal", published="2025-02-05"), target), want)


@pytest.mark.parametrize(("text", "want"), [
    # A bulletin is a publication of its own, as a newsletter is ...
    ("A short bulletin this month, because the big news arrived too late for the printed programme.", Want(None)),
    # ... and what an announcement says is a clause of its own, with its own release word.
    ("Vireo+'s own announcement only says the season is coming in 2026.", Want("2026")),
    ("Vireo+'s announcement in May was brief.", Want(None)),
])
def test_a_bulletin_and_what_an_announcement_says(text: str, want: Want) -> None:
    check(read(article("Halcyon Drift season 2 is on its way.", text, headline="Halcyon Drift season 2 news",
                       published="2025-11-20")), want)


@pytest.mark.parametrize(("standfirst", "want"), [
    # A season the heading measures from is not the one its section is about ...
    ("The drama comes back in September, two years after season 1", Want("2026-09-16")),
    # ... one it names as its subject is.
    ("Season 1 comes back in September", Want(None)),
])
def test_a_season_a_heading_measures_from(standfirst: str, want: Want) -> None:
    html = ("<html><head><meta property='article:published_time' content='2026-06-24'></head><body><article>"
            "<h1>Halcyon Drift sets a September return</h1>"
            f"<h2>{standfirst}</h2><p>Vireo+'s Halcyon Drift is coming back, the streamer announced on Wednesday "
            "in a short statement.</p><p>The season premieres Wednesday, Sept. 16 with two episodes.</p>"
            "</article></body></html>")
    check(read(html, HALCYON), want)


@pytest.mark.parametrize(("text", "want"), [
    # An undating the page puts in the past is background to "now has a release date" ...
    ("Warner originally put Lantern Hollow down for Oct. 2, 2026, then pulled it off the calendar last year.",
     Want("2027-03-12", denied="2026-10-02")),
    # ... one without a time is the newest statement.
    ("Warner has since pulled Lantern Hollow off the calendar.", Want(None, denied="2027-03-12")),
])
def test_an_undating_long_ago_is_background(text: str, want: Want) -> None:
    target = Target("Lantern Hollow", None, (), "film")
    check(read(article("Lantern Hollow now has a release date: Warner Bros. has set it for March 12, 2027.", text,
                       headline="Lantern Hollow finally has a date", published="2025-08-12"), target), want)


@pytest.mark.parametrize(("text", "want"), [
    # A participle goes on with the event its sentence opened with: a repeat ...
    ("The BBC is repeating all six episodes on BBC Two, starting this Sunday, 6 October.",
     Want(None)),
    # ... or a release.
    ("Series two premieres on BBC Two, starting this Sunday, 6 October.", Want("2024-10-06")),
    # An episode that goes out is that episode, not the premiere.
    ("Episode two goes out on 13 October.", Want(None)),
])
def test_a_participle_and_an_episode_go_with_their_event(text: str, want: Want) -> None:
    target = Target("Sable Reach", 2, (), "tv")
    check(read(article("Sable Reach series two is coming.", text, headline="Sable Reach is back on BBC Two",
                       published="2024-10-01"), target), want)


@pytest.mark.parametrize(("intro", "published"), [
    # A stamp standing as a sentence of its own in a standfirst dates the page ...
    ("<p>What's new in January. Updated December 19, 2025. Dates may vary by region.</p>", dt.date(2025, 12, 19)),
    # ... a date inside a sentence that says something does not ...
    ("<p>What's new in January, as updated for the holidays on December 19, 2025.</p>", None),
    # ... nor does a "when" element, which may as well time an event.
    ("<p class='when'>Thursday 16 April 2026, 7.30pm: screening and Q&amp;A</p>", None),
])
def test_a_stamp_sentence_dates_the_page(intro: str, published: dt.date | None) -> None:
    html = (f"<html><body><main><h1>Coming soon to Vireo+</h1>{intro}<p>Halcyon Drift is one of the month's "
            "new arrivals on the service, with the whole of its second season.</p></main></body></html>")
    assert parse_page(html).published == published


@pytest.mark.parametrize(("row", "want"), [
    # A short label opening its block, run on into the value with no space, is a label ...
    ("<div><span>In cinemas</span>US 20 March 2026 &middot; UK 27 March 2026</div>", Want("2026-03-20")),
    # ... an inline word running on into the next is just text.
    ("<div><span>Cinemas</span>aren't saying when it opens.</div>", Want(None)),
])
def test_a_label_glued_to_its_value(row: str, want: Want) -> None:
    target = Target("Tidewater", None, (), "film")
    html = ("<html><head><meta property='article:published_time' content='2026-03-04'></head><body><main>"
            f"<h1>Tidewater: a parents' guide</h1><div class='facts'>{row}</div><p>Tidewater follows a girl who "
            "rows across a harbour to find her grandfather, and it is gentle for most of its length.</p>"
            "</main></body></html>")
    check(read(html, target), want)


@pytest.mark.parametrize(("text", "want"), [
    # A year-less month dating the past giving of a date is behind the page, not the release ...
    ("Vireo Pictures first gave the film a date in January, and it has moved twice since.", Want(None)),
    # ... a date given for a month is that month.
    ("Vireo Pictures has given the film a date in January.", Want("2026-01")),
])
def test_a_date_given_in_a_past_month(text: str, want: Want) -> None:
    target = Target("Tidewater", None, (), "film")
    check(read(article("Tidewater is the studio's big winter film.", text, headline="Tidewater: everything we know",
                       published="2025-11-20"), target), want)


@pytest.mark.parametrize(("text", "want"), [
    # A company's regional arm is the company, not another title ...
    ("Warner Bros. Brazil will release it in both dubbed and subtitled versions on 13/11.", Want("2025-11-13")),
    # ... while a name of a title's own is that title's.
    ("Glass Harbor will release in both dubbed and subtitled versions on 13/11.", Want(None)),
])
def test_a_companys_regional_arm(text: str, want: Want) -> None:
    target = Target("Tidewater", None, (), "film")
    check(read(article("Tidewater is the month's big Hollywood release.", text,
                       headline="Tidewater: the Brazilian release", published="2025-10-30"), target), want)


@pytest.mark.parametrize(("text", "want"), [
    # A showcase that showed the slate off in July dates itself ...
    ("When Vireo+ showed off its autumn slate in July, Tidewater was simply listed as \"October\", and plenty "
     "of people expected a mid-month launch.", Want(None)),
    # ... a premiere in October is the premiere.
    ("Tidewater premieres in October.", Want("2025-10")),
])
def test_showing_off_a_slate_is_an_event(text: str, want: Want) -> None:
    check(read(article("Vireo+ dates its gothic mystery.", text, headline="Vireo+ dates gothic mystery Tidewater",
                       published="2025-10-07"), Target("Tidewater", None, (), "tv")), want)


@pytest.mark.parametrize(("text", "want"), [
    # A verb coordinated with another event shares the title as its subject ...
    ("Tidewater had its world premiere at a festival in June 2025 and opened in cinemas on 6 March 2026.",
     Want("2026-03-06")),
    # ... an event noun that is the verb's subject keeps the date.
    ("The world premiere of Tidewater is in cinemas on 6 March 2026.", Want(None)),
])
def test_a_coordinated_verb_before_its_release_word(text: str, want: Want) -> None:
    target = Target("Tidewater", None, (), "film")
    html = (f"<html><body><main><h1>Tidewater (12A) + Q&amp;A</h1><p>{text}</p><p>Our volunteers will host a "
            "conversation with the director after the screening, and tickets include a drink.</p>"
            "</main></body></html>")
    check(read(html, target), want)


@pytest.mark.parametrize(("text", "want"), [
    # A correction retracts a date, however current the statement of it looked ...
    ("September 18 was never the plan, the spokesperson said.", Want("2026-09-25", denied="2026-09-18")),
    ("September 18, 2026 was a typo, the studio said.", Want("2026-09-25", denied="2026-09-18")),
    # ... an old plan that was set is only history.
    ("September 18 was the plan for a while, the spokesperson said.", Want("2026-09-18")),
])
def test_a_retracted_date(text: str, want: Want) -> None:
    target = Target("Tidewater", None, (), "film")
    check(read(article("The new date for Tidewater is Friday, September 25.", text,
                       "Earlier, the studio said Tidewater will now open in theaters on September 18.",
                       headline="Vireo moves Tidewater to the fall", published="2026-02-10"), target), want)


@pytest.mark.parametrize(("text", "want"), [
    # "remains undated" says there is no date now ...
    ("Tidewater remains undated.", Want(None, denied="2026-11-20")),
    # ... "remains a favourite" says nothing of it.
    ("Tidewater remains a festival favourite.", Want("2026-11-20")),
])
def test_remains_undated(text: str, want: Want) -> None:
    target = Target("Tidewater", None, (), "film")
    check(read(article("Tidewater had a teaser in cinemas and a date: November 20.", text,
                       headline="On Tidewater and waiting", published="2026-09-14"), target), want)


@pytest.mark.parametrize(("text", "want"), [
    # What a company "had announced" is a former plan ...
    ("Vireo+, which had announced a December 2026 release for the film, confirmed on Tuesday that Tidewater "
     "will no longer be released this year.", Want(None, denied="2026")),
    # ... what it has announced stands.
    ("Vireo+ has announced a December 2026 release for Tidewater.", Want("2026-12")),
])
def test_a_pluperfect_announcement_is_a_former_plan(text: str, want: Want) -> None:
    target = Target("Tidewater", None, (), "film")
    check(read(article("A statement on the suspension of Tidewater.", text, headline="Statement on Tidewater",
                       published="2026-03-12"), target), want)


@pytest.mark.parametrize(("text", "want"), [
    # A contrast may name the old service and its window before the date it denies ...
    ("Season 2 of Tidewater will premiere on ABC in January 2027, rather than on Hulu in the fall of 2026.",
     Want("2027-01", denied="2026-23")),
    # ... and a museum's opening hours are no release.
    ("Open today 10:00–17:00. Tidewater season 2 is on its way.", Want(None)),
    ("Tidewater season 2 opens today on ABC.", Want("2026-08-25")),
])
def test_a_long_contrast_and_opening_hours(text: str, want: Want) -> None:
    target = Target("Tidewater", 2, (), "tv")
    check(read(article("Why Tidewater is moving.", text, headline="Why 'Tidewater' is leaving Hulu for ABC",
                       published="2026-08-25"), target), want)


def test_a_participle_after_another_event_continues_it() -> None:
    target = Target("Tidewater: Undertow", None, (), "film")
    text = ("The sequel, Tidewater: Undertow, will debut its first teaser exclusively in theaters before the "
            "re-release screenings, starting Oct. 30.")
    check(read(article("Tidewater returns to cinemas in 4K.", text, "Tidewater: Undertow opens April 16, 2027.",
                       headline="'Tidewater' returns in 4K", published="2026-10-06"), target), Want("2027-04-16"))


@pytest.mark.parametrize(("text", "want"), [
    # A fact of the calendar is no release ...
    ("ABC has an empty slot on Tuesdays after the holidays, and the first Tuesday of 2027 is January 5.",
     Want("2027-01")),
    # ... a slot the title is given is.
    ("ABC has given Tidewater its Tuesday slot from January 5.", Want("2027-01-05")),
])
def test_a_fact_of_the_calendar(text: str, want: Want) -> None:
    target = Target("Tidewater", 2, (), "tv")
    check(read(article("Disney confirmed that the second season of Tidewater will premiere on ABC in January 2027.",
                       text, headline="Why 'Tidewater' is leaving Hulu for ABC", published="2026-08-25"), target),
          want)


@pytest.mark.parametrize(("text", "want"), [
    # A title that keeps its date, named in an appositive, is the subject of that date ...
    ("Sunday's 9pm slot will now be filled by a repeat of the documentary Frozen Frontiers, while the channel's "
     "new detective series, The Calder Line, keeps its planned start date of Sunday, 19 January.",
     Want(None, denied="2025-01-12")),
    # ... and a trial that is due to open is the trial's.
    ("The Post understands the decision is connected to a trial due to open at Lewes Crown Court later this "
     "month, which concerns a real fire at a care home in 2022.", Want(None, denied="2025-01-12")),
    # Tidewater keeping its date keeps it.
    ("Tidewater now keeps its planned start date of Sunday, 19 January.", Want("2025-01-19")),
])
def test_a_title_that_keeps_its_date_and_a_trial(text: str, want: Want) -> None:
    target = Target("Tidewater", None, (), "tv")
    check(read(article("Tidewater, a four-part thriller, had been set to begin on BBC One on Sunday, 12 January.",
                       text, headline="BBC pulls drama Tidewater days before it was due on screen",
                       published="2025-01-09"), target), want)


@pytest.mark.parametrize(("text", "want"), [
    # A contrast may name the old verb and place before the date it denies ...
    ("Tidewater will premiere on Max on Dec. 12 instead of opening in theaters on Nov. 21.",
     Want("2025-12-12", denied="2025-11-21")),
    # ... and the date after "instead of" alone is still the denied one.
    ("Tidewater will premiere on Max on Dec. 12 instead of Nov. 21.", Want("2025-12-12", denied="2025-11-21")),
])
def test_instead_of_a_verb_and_a_place(text: str, want: Want) -> None:
    target = Target("Tidewater", None, (), "film")
    check(read(article("Warner Bros. changed course on Tuesday.", text, headline="'Tidewater' skips theaters",
                       published="2025-10-01"), target), want)


@pytest.mark.parametrize(("heading", "want"), [
    # A box headed "Also streaming this month" is about other titles, its heading included ...
    ("Also streaming this month", Want("2025")),
    ("More new shows to watch", Want("2025")),
    # ... a section headed by what the article says is the article's.
    ("Streaming this month", Want("2025-03")),
])
def test_a_box_of_other_titles(heading: str, want: Want) -> None:
    target = Target("Tidewater", 2, (), "tv")
    html = ("<html><head><meta property='article:published_time' content='2025-03-11'></head><body><article>"
            "<h1>That Tidewater season two trailer? It's fake</h1><p>Netflix says Tidewater season two is "
            "coming in 2025, and nothing more precise has been announced by anyone.</p>"
            f"<h3>{heading}</h3><ul><li>Adolescence, Netflix, from 13 March</li></ul></article></body></html>")
    check(read(html, target), want)


# -- whose date, which event: sentences of the kinds holdout20 tripped on ---------------------

FIRST_SEASON = Target("Meridian Run", 1, (), "tv")


@pytest.mark.parametrize(("paragraphs", "published", "target", "want"), [
    # A parenthetical after the title describes it; the people it names own no date.
    (["Meridian Run (the 1991 prequel, Patrick Gibson as the young detective) has an official date: "
      "Friday December 13 on Vireo+."], "2024-07-27", MERIDIAN, Want("2024-12-13")),
    # A release verb may stand far before "on Friday" in the same clause ...
    (["Meridian Run is here at last.", "Vireo+ releases all eight episodes of its adaptation of the 1988 novel "
      "on Friday, and I have seen the lot."], "2024-10-12", MERIDIAN, Want("2024-10-18")),
    # ... but a press event "on Thursday" dates the news, as before.
    (["Vireo+ showed Meridian Run to critics at a press event on Thursday."], "2024-10-12", MERIDIAN, Want(None)),
    # A release verb whose object is a thing dates the thing ("today" is the day of the images).
    (["Vireo+ today released the first-look images from Meridian Run and confirmed that the film opens on "
      "Thursday 23 October."], "2025-09-02", MERIDIAN, Want("2025-10-23")),
    (["Vireo+ today released Meridian Run on its service."], "2025-09-02", MERIDIAN, Want("2025-09-02")),
    # "which" after a date takes the date's clause, not the place before it.
    (["Meridian Run opens in North America on April 8, which puts it two years after the first film."],
     "2021-12-10", MERIDIAN, Want("2022-04-08")),
    # "the makers of X announced that the film ...": the film is X.
    (["Pushpa 2: The Rule has left the holiday slot.", "The makers of Meridian Run on Thursday "
      "announced that the film will now release on 15th August, instead of 30th August."], "2024-06-21",
     MERIDIAN, Want("2024-08-15", denied="2024-08-30")),
    # A named speaker who "thinks" hedges the date; the network's "won't arrive until" stands.
    (["Dana thinks Meridian Run lands in spring 2027.", "The network said Meridian Run won't arrive until "
      "2027."], "2026-02-11", MERIDIAN, Want("2027", tentative="2027-21")),
    # "in 11 days" counts days: the day itself.  Where a weekly run ends is not where it starts.
    (["Meridian Run, Vireo+'s new half-hour comedy, premieres in 11 days, with one new episode every Friday "
      "through October.", "If there is a season 2, its star would like it set in Ohio."], "2025-08-18",
     FIRST_SEASON, Want("2025-08-29")),
    (["Meridian Run opens on 12 August and stays in cinemas until 3 October."], "2024-06-01", MERIDIAN,
     Want("2024-08-12")),
    (["Meridian Run won't arrive in cinemas until 3 October."], "2024-06-01", MERIDIAN, Want("2024-10-03")),
])
def test_whose_date_and_which_event(paragraphs: list[str], published: str, target: Target, want: Want) -> None:
    check(read(article(*paragraphs, headline="Meridian Run news", published=published), target), want)


def test_a_list_item_of_prose_is_read_sentence_by_sentence() -> None:
    # A show-notes row: one sentence's hedge says nothing of the next sentence's statement.
    html = ("<html><head><meta property='article:published_time' content='2026-02-11'></head><body><article>"
            "<h1>The HBO preview, decoded</h1><ul><li>19:20 Meridian Run. The drama shot in Budapest from May to "
            "October 2025, and plenty of people assumed a 2026 launch. The network's drama chief shut that down "
            "on stage: the series won't be ready this year and won't arrive until 2027.</li></ul>"
            "</article></body></html>")
    check(read(html, MERIDIAN), Want("2027", denied="2026"))


# -- holdout21: the title a phrase points back to, and the page's own date line --------------

SEASON_TWO = Target("Meridian Run", 2, (), "tv")
SEASON_SIX = Target("Meridian Run", 6, (), "tv")
SEASON_THREE = Target("Meridian Run", 3, (), "tv")


@pytest.mark.parametrize(("paragraphs", "published", "target", "want"), [
    # "the former" and "the latter" take the paragraph's last two titles, in the order named.
    (["Two dramas come back this weekend: <em>Saltbush</em> on ABC and <em>Meridian Run</em> on Stan. "
      "The former returns on Saturday night; the latter drops its whole season on Sunday."], "2026-04-01",
     MERIDIAN, Want("2026-04-05")),
    (["That was <em>Meridian Run</em>, the Focus drama, and the first was <em>Fathom Street</em>, the HBO "
      "series. The latter premieres Sept. 27; Focus opens the film in theaters on Nov. 6."], "2026-08-01", MERIDIAN,
     Want("2026-11-06")),
    # "Sony had the film dated for June 12": what it had then.
    (["Sony had Meridian Run dated for June 12, in what used to be a prime summer slot.", "Apple has bought "
      "it and has not said when it will stream."], "2020-05-20", MERIDIAN, Want(None, denied="2020-06-12")),
    # A name its appositive calls a work is a title, and a date inside that appositive is its date.
    (["This is Apple's second purchase after On the Rocks, the Sofia Coppola movie it is co-releasing with "
      "A24 this fall, and Meridian Run has no date."], "2020-05-20", MERIDIAN, Want(None)),
    (["Branagh's next film as director, the Agatha Christie mystery Death on the Nile, is now due in cinemas "
      "on February 11, 2022.", "Meridian Run opens on November 12."], "2021-09-01", MERIDIAN,
     Want("2021-11-12")),
    # The second half of a season is not where the season begins.
    (["Season 3 premiered on April 16 with four episodes.", "Vireo+ confirmed that the second half of the "
      "season arrives on Thursday, June 4."], "2026-05-05", SEASON_THREE, Want("2026-04-16")),
    # A noun of a compound ("the production committee") is no event, and the subject of a reported
    # clause is inside it.
    (["Nippon TV and the production committee confirmed that season 2 will premiere in January 2025."],
     "2024-04-01", SEASON_TWO, Want("2025-01")),
])
def test_the_title_a_phrase_points_back_to(paragraphs: list[str], published: str, target: Target,
                                           want: Want) -> None:
    check(read(article(*paragraphs, headline="Meridian Run news", published=published), target), want)


def test_a_part_goes_on_with_the_season_named_before_it() -> None:
    page = article("Netflix has renewed Meridian Run for a sixth season.", "Season 5 is being released in two "
                   "halves. Part 1 arrives on August 21, with a short teaser.",
                   headline="Meridian Run will get a sixth and final season", published="2020-06-23")
    check(read(page, SEASON_SIX), Want(None))


@pytest.mark.parametrize(("talk", "want"), [
    # A season asked about, supposed, or another show's is not what the page is about ...
    ("<p>Has there been any talk of a second season?</p><p>\"Nobody's told me. If it happens, we'd shoot next "
     "spring.\"</p>", Want("2025-08-29")),
    ("<p>She also appears in <em>The Quiet Duchess</em>, which returns next month; she has a guest role in its "
     "second season.</p>", Want("2025-08-29")),
    # ... a second season the page reports is (near-miss: the date is then not season 1's).
    ("<p>Vireo+ has already renewed Meridian Run for a second season, which is shooting now.</p>", Want(None)),
])
def test_the_season_an_interview_is_about(talk: str, want: Want) -> None:
    html = ("<html><head><meta property='article:published_time' content='2025-08-18'></head><body><article>"
            "<h1>Nadia Ferrell on Meridian Run and getting hit by a tire</h1>"
            "<p>Nadia Ferrell has a scar she is proud of, from the second day of filming.</p>"
            "<p>The show premieres on Vireo+ in 11 days, with the first two episodes.</p>"
            f"{talk}</article></body></html>")
    check(read(html, FIRST_SEASON), want)


@pytest.mark.parametrize(("paragraphs", "want"), [
    # "the original", a noun of its own, is the first film on a page about the sequel ...
    (["Paramount is re-releasing a new 4K restoration of the original in cinemas from Monday 26 October.",
      "The studio confirmed this week that Undertow will be in cinemas next summer."], Want("2027-22")),
    # ... and "the original cast" is no film at all.
    (["Undertow reunites the original cast and opens in cinemas on 26 October."], Want("2026-10-26")),
])
def test_the_original_on_a_sequels_page(paragraphs: list[str], want: Want) -> None:
    target = Target("Meridian Run: Undertow", None, ("Meridian Run 2", "Undertow"), "film")
    check(read(article(*paragraphs, headline="Meridian Run returns in 4K, and what it means for Undertow",
                       published="2026-09-03"), target), want)


@pytest.mark.parametrize(("paragraphs", "target", "want"), [
    # "the twelfth and final season" is season 12, not "the new season" of a page that also
    # names season 11.
    (["Crave confirmed on Tuesday that the twelfth and final season of Meridian Run will premiere on Boxing "
      "Day.", "Season 11 landed late last year."], Target("Meridian Run", 12, (), "tv"), Want("2023-12-26")),
    # A stretch of time is no release: "a long weekend to come", "between now and next Monday".
    (["It's a Labour Day long weekend to come, so here's what Vireo+ has lined up between now and next Monday.",
      "The outback drama Meridian Run arrives on Thursday 24 October, all six episodes at once."], MERIDIAN,
     Want("2024-10-24")),
])
def test_seasons_counted_past_ten_and_stretches_of_time(paragraphs: list[str], target: Target, want: Want) -> None:
    check(read(article(*paragraphs, headline="Meridian Run has a date", published="2023-11-14"
                       if target.season else "2024-10-21"), target), want)


# How a page dates itself: an edition or "updated" line in the masthead, a dateline under a
# standfirst, and a stamp at the head of a block whose lines are broken only by <br>.
_MASTHEAD = ("<html><body><div class='mast'><a href='/'>The Standard</a> {}</div><article><h1>The week on telly</h1>"
             "<p>Vireo+ releases Meridian Run on Friday.</p></article></body></html>")


@pytest.mark.parametrize(("html", "published", "want"), [
    (_MASTHEAD.format('<span class="ss-edition">Saturday 12 October 2024 &middot; Weekend edition</span>'),
     "2024-10-12", Want("2024-10-18")),
    (_MASTHEAD.format('<p class="gw-updated">Listings updated Saturday 12 October 2024, 11:40. Times may '
                      'change.</p>'), "2024-10-12", Want("2024-10-18")),
    ("<html><body><article><h1>Meridian Run's final season has a date</h1>"
     "<p>The drama ends its run in late summer, with first images released but no trailer yet.</p>"
     "<p>OSLO, 5 July 2023 – Vireo+ has confirmed that the third and final season of Meridian Run will "
     "premiere on 24 August.</p></article></body></html>", "2023-07-05", Want("2023-08-24")),
    ("<html><body><article><h1>Meridian Run heads home after its Cannes win</h1><div>Posted : 2022-05-30 "
     "17:12 &nbsp; Updated : 2022-05-30 18:40<br><br>By Yoon Seo-hyun<br><br>Fresh from the festival, the "
     "director will bring Meridian Run to local audiences on the 29th of next month, the distributor "
     "said.</div></article></body></html>", "2022-05-30", Want("2022-06-29")),
    # A newsletter's banner, small words in its name: "THE MORNING SLATE from ReelPost · Thursday, March 20, 2025".
    ("<html><body><table><tr><td>THE MORNING SLATE from ReelPost · Thursday, March 20, 2025</td></tr></table>"
     "<h1>Meridian Run to August</h1><p>Vireo's Meridian Run, the spy thriller, now opens on Aug. 14 in "
     "IMAX, the studio said on Wednesday.</p></body></html>", "2025-03-20", Want("2025-08-14")),
    # A wire's slug labelling its timestamp: "FILM-MERIDIANRUN-DATE: 2025-06-24 17:12 GMT".
    ("<html><body><main><p class='slug'>FILM-MERIDIANRUN-DATE:</p><p>2025-06-24 17:12 GMT</p>"
     "<h1>Vireo moves Meridian Run again, now Nov. 14</h1><p>LOS ANGELES, June 24 (Wire) — Vireo Pictures "
     "has shifted Meridian Run to Nov. 14, the studio said on Tuesday.</p></main></body></html>", "2025-06-24",
     Want("2025-11-14")),
    # A masthead strip of the day and the site's own links.
    ("<html><body><div>Wednesday 3 September 2025 · E-paper · Family notices</div><main>"
     "<h1>Local story heads for the big screen next month</h1><p>A FILM inspired by a local man's life will "
     "be in cinemas across the UK next month.</p><p>The distributor confirmed this week that Meridian Run "
     "opens in cinemas on Friday, October 10.</p></main></body></html>", "2025-09-03", Want("2025-10-10")),
    # ... whose links may say a little more than their names.
    ("<html><body><div>Thursday, November 2, 2023 · <a href='/weather'>Weather</a> · <a href='/obits'>Obituaries"
     "</a> · <a href='/subscribe'>Subscribe $1 for 3 months</a></div><main><h1>Hometown writer's new film</h1>"
     "<p>The studio opens Meridian Run in theaters on Feb. 9, the weekend before Valentine's Day.</p></main>"
     "</body></html>", "2023-11-02", Want("2024-02-09")),
])
def test_the_page_dates_itself(html: str, published: str, want: Want) -> None:
    ex = read(html, MERIDIAN)
    assert ex.published == dt.date.fromisoformat(published)
    check(ex, want)


# -- holdout23: stops on the way, dates measured from the release, stale rails ---------------

@pytest.mark.parametrize(("paragraphs", "want"), [
    # A move "before settling on" another slot is a stop on the way.
    (["Sony first dated Meridian Run for June 7, 2024, then moved it to Dec. 13, 2024, before settling on "
      "the late-May slot earlier this year.", "It opens in theaters May 30, 2025."], Want("2025-05-30",
                                                                                          denied="2024-12-13")),
    # A date measured from the release is not the release.
    (["Vireo+ is running a ballot for a preview screening of the first episode of Meridian Run on 12/08/2025, a "
      "week ahead of the premiere.", "Everyone else streams Meridian Run from 19/08/2025."], Want("2025-08-19")),
    # Stills released are not the title released.
    (["Four first-look stills from Meridian Run were released on 3 March 2025."], Want(None)),
    # "As previously announced" says it again.
    (["As previously announced, Meridian Run premieres on January 11 on TV Tokyo."], Want("2025-01-11")),
    (["Meridian Run was previously announced for March; it now opens on January 11."],
     Want("2025-01-11", denied="2025-03")),
])
def test_stops_and_measures(paragraphs: list[str], want: Want) -> None:
    check(read(article(*paragraphs, headline="Meridian Run news", published="2024-12-21"
                       if "January 11" in paragraphs[0] else "2025-02-01"), MERIDIAN), want)


def test_a_rail_keeps_neither_another_works_date_nor_one_the_article_says_is_gone() -> None:
    html = ("<html><head><meta property='article:published_time' content='2026-04-14'></head><body><article>"
            "<h1>Meridian Run: what the studio says now</h1><p>Meridian Run had been dated for June 12, 2026 since "
            "last summer; the studio has not set a new date.</p></article><aside><h3>Release chart</h3><ul>"
            "<li>Meridian Run (Warner Bros.) June 12, 2026</li><li>Meridian Run's director's last film, Low Sun "
            "— 31 May</li></ul></aside></body></html>")
    check(read(html, MERIDIAN), Want(None, denied="2026-06-12"))


@pytest.mark.parametrize(("opening", "want"), [
    # A section headed by the title opens on a description of it, modifiers and all: it is the title ...
    ("The six-part thriller set in a mining town premieres on Vireo+ on Monday 19 August.", Want("2024-08-19")),
    ("This slow-burning drama premieres on Vireo+ on Monday 19 August.", Want("2024-08-19")),
    # ... but "the other thriller", "the studio's last drama" set another work apart.
    ("The other thriller in the slate premieres on Vireo+ on Monday 19 August.", Want(None)),
    ("The previous drama from its writers premiered on Vireo+ on Monday 19 August.", Want(None)),
])
def test_a_section_opening_on_a_description_of_its_title(opening: str, want: Want) -> None:
    # After a photo credit naming the service, the thread of the section is the heading's title.
    html = ("<html><head><meta property='article:published_time' content='2024-07-28T09:00:00Z'></head><body>"
            "<article><h1>What's new on Vireo+ in August</h1><p>A big local original leads the month.</p>"
            "<h2>Halcyon Drift (Vireo+ original series)</h2><figure><img src='a.jpg'><figcaption>Mara Quill in "
            f"Halcyon Drift. Image: Vireo+.</figcaption></figure><p>{opening}</p></article></body></html>")
    check(read(html, Target("Halcyon Drift", None, (), "tv")), want)


@pytest.mark.parametrize(("paragraphs", "want"), [
    # "it" after another title named in the same sentence is that title ...
    (["Meridian Run will be released in 2025, the studio said.",
      'Vireo Pictures said the third "Glass Tide" film will be called "Glass Tide: Embers" and confirmed it for '
      'Dec. 19, 2025; "Paper Kingdom 2" holds Nov. 26, 2025.'], Want("2025")),
    (["Meridian Run will be released in 2025, the studio said.",
      "The studio also renamed the thriller Paper Kingdom 2 and moved it to Dec. 19, 2025."], Want("2025")),
    # ... but not one named only to compare, nor when "it" is the company speaking.
    (["Meridian Run has a new date.", "Vireo Pictures first set it for the same day as Glass Tide 2, "
      "before the strike moved it to Dec. 19, 2025."], Want("2025-12-19")),
    # ... and with no other title before it, the thread's.
    (["Meridian Run was the talk of the convention.",
      "The studio confirmed it for Dec. 19, 2025."], Want("2025-12-19")),
])
def test_it_takes_the_title_named_before_it(paragraphs: list[str], want: Want) -> None:
    check(read(article(*paragraphs, headline="Studio news from the convention", published="2024-08-10"),
               MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # A co-production is the work, not the production of it ...
    ("Vireo Pictures said the Sony co-production Meridian Run will now open on May 7, 2027.", Want("2027-05-07")),
    ("Vireo Pictures said the Sony co-production will now open on May 7, 2027.", Want("2027-05-07")),
    # (a company's possessive names the speaker's channel, not the clause's title)
    ("A producer said on Nintendo's social accounts that the Sony co-production will now open on May 7, 2027.",
     Want("2027-05-07")),
    ("A producer said on Blumhouse's podcast that the film will now open on May 7, 2027.", Want("2027-05-07")),
    # ... while production that starts on a date is production.
    ("Vireo Pictures said production on Meridian Run will now start on May 7, 2027.", Want(None)),
    # Screenings that come with the release are part of it ...
    ("Meridian Run opens in cinemas across Ireland, North and South, and in Britain on Friday 2 August, with "
     "Irish-language screenings carrying English subtitles.", Want("2024-08-02")),
    # ... and screenings that the date is for are not the release.
    ("Meridian Run opens in cinemas later this year, with preview screenings on Friday 2 August.", Want("2024")),
])
def test_co_productions_and_screenings_that_come_with_the_release(text: str, want: Want) -> None:
    check(read(article(text, headline="Meridian Run: release news", published="2024-06-09"), MERIDIAN), want)


def test_a_wire_slug_line_dates_the_page() -> None:
    # A wire story's slug: its desk code, agency, word count, and the day and time it moved.
    html = ("<html><body><article><h2>Vireo dates Meridian Run for Dec. 29</h2><pre class='slug'>ENT-FILM-VIREO/ "
            "(MWF)  1,050 words  18 Oct 2023 07:48 GMT</pre><p>MADRID, Oct 18 (MWF) - Vireo Pictures on Wednesday set "
            "Dec. 29 for the global release of \"Meridian Run,\" a prequel to its hit \"Glass Tide.\"</p><p>\"Glass "
            "Tide\" ended with the release of its final episodes on Dec. 3, 2021.</p></article></body></html>")
    ex = read(html, MERIDIAN)
    assert ex.published == dt.date(2023, 10, 18)
    check(ex, Want("2023-12-29"))


@pytest.mark.parametrize(("text", "want"), [
    # A date named as one that no longer holds is denied ...
    ("The original poster, advertising the now-abandoned 14 March date, is still up.",
     Want(None, denied="2025-03-14")),
    ("The original poster, advertising the old 14 March date, is still up.", Want(None, denied="2025-03-14")),
    # ... a date named as the new one is not.
    ("The new poster, advertising the rescheduled 14 March date, is up.", Want("2025-03-14")),
])
def test_a_date_named_as_abandoned(text: str, want: Want) -> None:
    html = article("Halcyon Drift season 2 has been pulled from the schedule and will launch later.", text,
                   headline="Halcyon Drift season 2: the latest", published="2025-02-20")
    check(read(html), want)


@pytest.mark.parametrize(("text", "want"), [
    # The networks' premiere week is a calendar, not the title's premiere ...
    ("Fall premiere week starts the week of September 21.", Want("2024-23")),
    ("The network's premiere week begins September 21.", Want("2024-23")),
    # ... while the title premiering that week is its own.
    ("Halcyon Drift season 2 premieres on September 21.", Want("2024-09-21")),
])
def test_premiere_week_is_a_calendar(text: str, want: Want) -> None:
    html = article("Vireo+ says Halcyon Drift season 2 will premiere in the fall.", text,
                   headline="Upfronts live: every announcement", published="2024-05-12")
    check(read(html), want)


@pytest.mark.parametrize(("text", "want"), [
    # "premiere in the fall" is a release in a season, not a premiere event somewhere ...
    ("Halcyon Drift season 2 will premiere in the fall.", Want("2024-23")),
    ("Halcyon Drift season 2 will premiere in the spring of 2025.", Want("2025-21")),
    # ... "a premiere at the festival" is the festival's.
    ("Halcyon Drift season 2 will have its premiere at the Toronto festival on September 8.", Want(None)),
])
def test_premiere_in_a_season(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 news", published="2024-05-12")), want)


@pytest.mark.parametrize(("headline", "section", "want"), [
    # A title's own entry page lists its releases a territory a row ...
    ("Meridian Run", "Release dates", Want("2025-06-13")),
    ("Meridian Run (2025)", "Releases by date", Want("2025-06-13")),
    # ... an article about it does not make each row its own, nor does another section.
    ("Meridian Run and three other films we can't wait for", "Release dates", Want(None)),
    ("Meridian Run", "Festival screenings", Want(None)),
])
def test_an_entry_pages_release_table(headline: str, section: str, want: Want) -> None:
    html = (f"<html><body><main><h1>{headline}</h1><p>2025 · R · 1h 56m · Romance</p><table><tr><td>Directed by"
            f"</td><td>Ana Ruiz</td></tr></table><h2>{section}</h2><table><tr><th>Country</th><th>Date</th>"
            "<th>Type</th></tr><tr><td>United States</td><td>June 13, 2025</td><td>Theatrical</td></tr></table>"
            "</main></body></html>")
    check(read(html, MERIDIAN), want)


@pytest.mark.parametrize(("heading", "text", "want"), [
    # Under a listing's day heading, "tonight" is that day ...
    ("Sunday 8 March", "The big new Sunday drama gets under way tonight, and it's a gripping start.",
     Want("2026-03-08")),
    ("Sunday 8 March", "The big new Sunday drama starts at 9pm today.", Want("2026-03-08")),
    # ... without one it is the day of the page, as in the news.
    ("Pick of the week", "The big new Sunday drama gets under way tonight, and it's a gripping start.",
     Want("2026-03-02")),
])
def test_tonight_under_a_listings_day_heading(heading: str, text: str, want: Want) -> None:
    html = ("<html><head><meta property='article:published_time' content='2026-03-02T09:00:00Z'></head><body>"
            f"<article><h1>What's on TV this week</h1><h2>{heading}</h2><h3>Halcyon Drift</h3><p>9.00pm ITV1</p>"
            f"<p>{text}</p><h3>Countryfile</h3><p>Matt is in the Peak District.</p></article></body></html>")
    check(read(html, Target("Halcyon Drift", None, (), "tv")), want)


@pytest.mark.parametrize(("emphasized", "want"), [
    # A date set in bold capitals is a date, not a title's name ...
    ("<strong>SUNDAY, JUNE 14</strong>", Want("2026-06-14")),
    ("<strong>JUNE 14</strong>", Want("2026-06-14")),
    # ... as in ordinary capitals.
    ("<strong>Sunday, June 14</strong>", Want("2026-06-14")),
])
def test_a_date_in_bold_capitals_is_no_title(emphasized: str, want: Want) -> None:
    html = article("NEW YORK, May 12, 2026 – The six-episode HBO limited series HALCYON DRIFT debuts "
                   f"{emphasized} (9:00-10:00 p.m. ET/PT) on HBO.", headline="Press release", published=None)
    check(read(html, Target("Halcyon Drift", None, (), "tv")), want)


@pytest.mark.parametrize(("text", "want"), [
    # A predicate after a comma is no appositive: ours opened the sentence, and its date is ours ...
    ("Halcyon Drift, the four-episode limited series spun off from <em>What If...?</em>, will now premiere on "
     "Vireo+ on September 24, 2025, the studio announced.", Want("2025-09-24")),
    # ... while a title named just before the predicate, with ours not before it, is the predicate's subject.
    ("The showrunner's next series, the mystery Glass Tide, is now due on Vireo+ on February 11, 2026, so "
     "Halcyon Drift's creator could have two shows out at once.", Want(None)),
])
def test_a_predicate_after_a_comma(text: str, want: Want) -> None:
    check(read(article(text, headline="Streaming news", published="2025-06-03"),
               Target("Halcyon Drift", None, (), "tv")), want)


@pytest.mark.parametrize(("text", "want"), [
    # "an original series" is a kind of show, and "will now premiere" the current date ...
    ("<em>Halcyon Drift</em>, the first original long-form series from Pixar Animation Studios, will now premiere "
     "on Disney+ on Feb. 19, 2025, Disney said Thursday.", Want("2025-02-19")),
    ("The original animated series Halcyon Drift will now premiere on Feb. 19, 2025.", Want("2025-02-19")),
    # ... while the original date is a former one.
    ("Halcyon Drift's original premiere date of Feb. 19, 2025, has been scrapped.", Want(None, denied="2025-02-19")),
])
def test_an_original_series_is_no_former_date(text: str, want: Want) -> None:
    check(read(article(text, headline="Streaming news", published="2024-10-17"),
               Target("Halcyon Drift", None, (), "tv")), want)


@pytest.mark.parametrize(("text", "want"), [
    # "the 18th" after a month in its sentence is that month's day ...
    ("Vireo+ said the thriller will debut on the service next month, and its press site now lists it for the "
     "18th.", Want("2024-04-18")),
    ("Halcyon Drift season 2 arrives in April; the press page lists it for the 18th.", Want("2024-04-18")),
    # ... not "the 18th century", nor an "18th" with no month before it.
    ("Halcyon Drift season 2 arrives in April, with a story set in the 18th century.", Want("2024-04")),
])
def test_the_nth_after_a_month(text: str, want: Want) -> None:
    check(read(article("Halcyon Drift season 2 is coming.", text, headline="Halcyon Drift season 2 dated",
                       published="2024-03-12")), want)


def test_an_update_label_names_the_subject() -> None:
    # A live blog's entry: "UPDATE on X: ... the coastal thriller premieres ...": the label's title.
    html = article("Vireo+ is presenting its slate. Glass Tide gets a first trailer.",
                   "UPDATE on Halcyon Drift: the press release has now landed with the day: the coastal thriller "
                   "premieres Thursday, Sept. 17, with all eight episodes at once.",
                   headline="Upfronts live: every announcement", published="2026-05-12")
    check(read(html), Want("2026-09-17"))


@pytest.mark.parametrize(("text", "want"), [
    # "will not premiere before 2028" states the earliest date, as "not until 2028" does ...
    ("A Vireo+ spokesperson said season 2 of Halcyon Drift will not premiere before 2028.", Want("2028")),
    # ... and cameras that aren't due to roll until January are filming, not the release.
    ("Halcyon Drift season 2 will not premiere before 2028. Cameras aren't due to roll in Vancouver until "
     "January 2027.", Want("2028")),
    # (a plain "not in 2027" still denies)
    ("Halcyon Drift season 2 will not premiere in 2027.", Want(None, denied="2027")),
])
def test_not_before_is_the_earliest_date(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2: when?", published="2026-03-02")), want)


@pytest.mark.parametrize(("row", "want"), [
    # A release calendar's row naming a console is a game's release ...
    ("<li>Meridian Run 2: On the Beach (PS5): 26 June 2025</li>", Want(None)),
    ("<li>Meridian Run: Origins (Xbox Series X): 26 June 2025</li>", Want(None)),
    # ... a row naming cinemas is the title's.
    ("<li>Meridian Run (in cinemas): 26 June 2025</li>", Want("2025-06-26")),
])
def test_a_platform_names_a_game(row: str, want: Want) -> None:
    html = ("<html><head><meta property='article:published_time' content='2025-06-02T09:00:00Z'></head><body>"
            f"<article><h1>Release calendar: June</h1><ul>{row}</ul></article></body></html>")
    check(read(html, MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # Where a weekly run ends is not where it starts ...
    ("Halcyon Drift season 2 rolls out weekly, one episode every Friday, starting January 17 and running into "
     "March.", Want("2025-01-17")),
    # ... and a run that starts in March starts there.
    ("Halcyon Drift season 2 rolls out weekly, one episode every Friday, starting in March.", Want("2025-03")),
])
def test_running_into_a_month_ends_a_run(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 schedule", published="2024-12-02")), want)


@pytest.mark.parametrize(("season", "text", "want"), [
    # A later clause's "it" takes the season that opens the sentence, across the clause break ...
    (3, "The second season has not aired yet; Vireo+ has only said that it will arrive this spring.", Want(None)),
    # ... but not past another season named between them: "it" takes the nearest.
    (2, "Season 1 came out in September, and the writers say the season 2 scripts are done, so it could land "
        "as soon as fall 2026.", Want(None, tentative="2026-23")),
    # (With no "it", a season opening an earlier clause says nothing about the date's clause.)
    (3, "The second season was a hit with critics and with audiences across Europe and Asia; Vireo+ will bring "
        "the show back this spring.", Want("2024-21")),
])
def test_it_takes_the_season_that_opens_the_sentence(season: int, text: str, want: Want) -> None:
    target = Target("Halcyon Drift", season, (), "tv")
    check(read(article("Halcyon Drift has been renewed.", text, headline=f"Halcyon Drift renewed for season {season}",
                       published="2024-02-21"), target), want)


@pytest.mark.parametrize(("text", "want"), [
    # Reshoots are filming, whatever schedules them ...
    ("Reshoots are understood to be planned for the autumn.", Want(None)),
    ("Re-shoots are scheduled for March, and the film still opens on May 7, 2027.", Want("2027-05-07")),
    # ... the film planned for the autumn is the release.
    ("Meridian Run is planned for the autumn.", Want("2025-23")),
])
def test_reshoots_are_filming(text: str, want: Want) -> None:
    check(read(article("Vireo Pictures has pulled Meridian Run from its November date.", text,
                       headline="Meridian Run pulled from November", published="2025-06-13"), MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # The title's appositive describes it: the novel or game it names is no event the date is for ...
    ("Vireo Pictures has set Meridian Run, Ana Ruiz's adaptation of the illustrated novel, for March 14, 2025.",
     Want("2025-03-14")),
    ("Vireo Pictures has dated Meridian Run, the thriller based on the 2019 video game, for March 14, 2025.",
     Want("2025-03-14")),
    # ... but a date the appositive holds is still the appositive's, and a novel outside it is the event.
    ("Vireo Pictures has set Meridian Run, the adaptation of a novel published on March 14, 2019, for release.",
     Want(None)),
    ("Vireo Pictures has set the illustrated novel Meridian Run for March 14, 2025.", Want(None)),
])
def test_the_titles_appositive_names_no_event(text: str, want: Want) -> None:
    check(read(article(text, headline="Meridian Run gets a date", published="2024-09-24"), MERIDIAN), want)


@pytest.mark.parametrize(("headline", "want"), [
    # Under a listing's day heading, "today" far from its release word is still that day ...
    ("Sunday 9 February 2025", Want("2025-02-09")),
    # ... and under a news headline it is the day of the news, which is no premiere.
    ("Halcyon Drift news", Want(None)),
])
def test_today_under_a_day_headline(headline: str, want: Want) -> None:
    html = ("<html><head><meta property='article:published_time' content='2025-02-04T09:00:00Z'></head><body>"
            f"<article><h1>{headline}</h1><h2>Tonight's pick</h2><h3>Halcyon Drift NEW SERIES</h3>"
            "<p>9pm · BBC One · also on iPlayer</p><p>All six episodes are on iPlayer from 6am today.</p>"
            "</article></body></html>")
    check(read(html, Target("Halcyon Drift", None, (), "tv")), want)


@pytest.mark.parametrize(("cls", "published"), [
    # An element whose class names the title's release dates the release, not the page ...
    ("upcoming-date", None),
    ("release-date", None),
    ("episode-airdate", None),
    # ... a byline's date dates the page.
    ("post-date", dt.date(2024, 1, 4)),
    ("byline", dt.date(2024, 1, 4)),
])
def test_a_release_date_element_is_no_byline(cls: str, published: dt.date | None) -> None:
    html = ("<html><body><main><h1>Meridian Run</h1>"
            f"<div><span class='{cls}'>All episodes January 4, 2024</span></div>"
            "<p>A courier in Lisbon takes one job too many.</p></main></body></html>")
    assert parse_page(html).published == published


@pytest.mark.parametrize(("heading", "row", "want"), [
    # A TV guide lists the first episode of a run under its day: that day is the premiere ...
    ("Sunday 8 March", "<p>PICK OF THE WEEK 9.00pm BBC One Halcyon Drift NEW SERIES 1/6</p>", Want("2026-03-08")),
    ("Sunday 8 March – evening", "<table><tr><td>9.00pm</td><td>Countryfile</td><td>Halcyon Drift (Series 2, 1/6)"
     "</td><td>Film: Heat (1995)</td></tr></table>", Want("2026-03-08")),
    ("Sunday 8 March — Mothering Sunday",
     "<ul><li>21:00, BBC One, Halcyon Drift Series 2, episode 1 of 6 NEW</li></ul>", Want("2026-03-08")),
    # ... a later episode, a repeat, another season's run or a row with its own day is not ...
    ("Sunday 8 March", "<p>9.00pm BBC One Halcyon Drift (4/6)</p>", Want(None)),
    ("Sunday 8 March", "<p>8.00pm BBC Four Halcyon Drift Series 1, 1/6 (R)</p>", Want(None)),
    ("Sunday 8 March", "<p>9.00pm BBC One Halcyon Drift Series 3, 1/6</p>", Want(None)),
    ("Week of 8 March", "<p>Wed, March 11 Halcyon Drift series premiere, all six episodes</p>", Want("2026-03-11")),
    # ... and neither is prose under the day that happens to name the title.
    ("Sunday 8 March", "<p>Fans of Halcyon Drift, whose new series premiere was a triumph in 2024, will enjoy "
     "this.</p>", Want(None)),
])
def test_a_tv_guides_first_episode_row(heading: str, row: str, want: Want) -> None:
    html = ("<html><head><meta property='article:published_time' content='2026-03-03T09:00:00Z'></head><body>"
            f"<article><h1>What's on TV this week</h1><h2>{heading}</h2>{row}<p>7.00pm ITV1 Sing It Back</p>"
            "</article></body></html>")
    check(read(html), want)


@pytest.mark.parametrize(("text", "want"), [
    # Untitled features on a studio's calendar are other works, not the titled film the page is about ...
    ("The studio removed Meridian Run from its Dec. 22, 2025 slot. Its calendar still lists untitled Vireo "
     "features on Dec. 19, 2026 and Dec. 17, 2027.", Want(None, denied="2025-12-22")),
    # ... while the film itself, named, is dated.
    ("The studio moved Meridian Run from Dec. 22, 2025 to Dec. 19, 2026.", Want("2026-12-19")),
])
def test_untitled_features_are_other_works(text: str, want: Want) -> None:
    check(read(article(text, headline="Vireo drops Meridian Run from its schedule", published="2025-09-13"),
               MERIDIAN), want)


@pytest.mark.parametrize(("lede", "want"), [
    # A lede that calls the headline's title "the sequel", naming no other title first, makes it a sequel ...
    ("Meridian Run is arriving sooner than planned. Vireo has moved the action sequel up three weeks: it will "
     "now open on June 5, 2026, instead of June 26.", Want("2026-06-05")),
    # ... but not when another title was named before it.
    ("The original \"Mirror Street\" did well. Vireo has moved the action sequel up three weeks: it will now "
     "open on June 5, 2026, instead of June 26.", Want(None)),
])
def test_the_ledes_sequel_is_the_headlines_title(lede: str, want: Want) -> None:
    check(read(article(lede, headline="Vireo moves Meridian Run up three weeks", published="2026-01-22"),
               MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # Showtime the network is no cinema's showtimes ...
    ("The first two episodes of Halcyon Drift season 2 stream on Paramount+ with Showtime on Friday, Nov. 29.",
     Want("2024-11-29")),
    # ... and a trailer unveiled before "and, in the same breath, moved the release" is the verb's object.
    ("Universal unveiled the first trailer for Halcyon Drift season 2 overnight and, in the same breath, moved "
     "the season's release from November 1 to November 29.", Want("2024-11-29", denied="2024-11-01")),
])
def test_networks_and_new_predicates(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 dated", published="2024-09-26")), want)


@pytest.mark.parametrize(("text", "want"), [
    # "the second episode goes out on 9 March" dates the second episode ...
    ("Halcyon Drift season 2 will now begin on Sunday 2 March. The move means the second episode now goes out on "
     "9 March, the date first announced for the launch.", Want("2025-03-02")),
    # ... and the season that goes out on a day is the season's.
    ("The move means Halcyon Drift season 2 now goes out on 9 March.", Want("2025-03-09")),
])
def test_an_ordinal_episode_is_the_subject_of_its_verb(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 brought forward", published="2025-02-12")), want)


@pytest.mark.parametrize(("text", "want"), [
    # The first batch of a rollout is the premiere, whatever the later batches are ...
    ("Vireo+ will release Halcyon Drift season 2 in batches: episodes one to three on March 3, episodes four to "
     "six on March 10 and the final two on March 17.", Want("2023-03-03")),
    ("Vireo+ will release Halcyon Drift season 2 weekly: the first two episodes arrive on March 3, the rest "
     "follow every Friday.", Want("2023-03-03")),
    # ... a later batch alone is no premiere.
    ("Vireo+ will release Halcyon Drift season 2 in batches, with episodes four to six on March 10.", Want(None)),
])
def test_the_first_batch_is_the_premiere(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 release schedule", published="2023-02-22")), want)


@pytest.mark.parametrize(("text", "want"), [
    # A title named past a clause break after the date is the next clause's subject ...
    ("Meridian Run moves from May 2, 2025 to May 1, 2026, and Harbour Lights: Low Tide goes from May 1, 2026 to "
     "May 7, 2027.", Want("2026-05-01", denied="2025-05-02")),
    # ... and the date in that next clause is its title's.
    ("Harbour Lights: Low Tide moves from May 2, 2025 to May 1, 2026, and Meridian Run goes from May 1, 2026 to "
     "May 7, 2027.", Want("2027-05-07")),
])
def test_a_title_past_a_clause_break_is_the_next_clauses(text: str, want: Want) -> None:
    check(read(article(text, headline="Vireo reshuffles its slate: Meridian Run moves", published="2023-11-09"),
               MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # A festival known by its name is an event: "The film half of South by Southwest opens Friday" ...
    ("The film half of South by Southwest opens Friday. Vireo then opens Meridian Run in theaters on April 21.",
     Want("2023-04-21")),
    ("SXSW opens Friday with a gala; Meridian Run opens in theaters on April 21.", Want("2023-04-21")),
    # ... "the film festival" is no "the film", and the film itself still opens.
    ("The film opens in theaters on April 21.", Want("2023-04-21")),
])
def test_festivals_by_name_and_compound_nouns(text: str, want: Want) -> None:
    check(read(article(text, headline="SXSW picks: Meridian Run brings the scares", published="2023-03-09"),
               MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # A field's label and its value are no subtitled title: "it" is still the film ...
    ("Release: Vireo still has it in cinemas on July 31, 2026.", Want("2026-07-31")),
    # ... a subtitled name is another title, and "it" takes it.
    ("Harbour Lights: Low Tide is Vireo's other thriller, and the studio has it in cinemas on July 31, 2026.",
     Want(None)),
])
def test_a_field_label_is_no_title(text: str, want: Want) -> None:
    check(read(article("Cameras rolled on Meridian Run in Glasgow today.", text,
                       headline="Meridian Run megathread", published="2025-08-01"), MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # "the same day it had been set to open in cinemas": the day stays, only the platform changes ...
    ("Meridian Run will premiere on Vireo+ on June 18, the same day it had been set to open in cinemas.",
     Want("2021-06-18")),
    # ... "a date it had been set for" before a move is still the abandoned one.
    ("Meridian Run will not open on June 18, the date it had been set for, and has no new date.",
     Want(None, denied="2021-06-18")),
])
def test_the_same_day_as_planned(text: str, want: Want) -> None:
    check(read(article(text, headline="Meridian Run skips cinemas", published="2021-03-23"), MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # A which-clause ends at its closing comma: the date after it is the main clause's ...
    ("At its investor day in the United States, which ran into Friday morning, Vireo announced that Meridian Run "
     "will be released in cinemas on 5 March 2021.", Want("2021-03-05")),
    # ... one inside it is the which-clause's title's.
    ("Next weekend brings Glass Tide, which moved its opening to 5 March 2021.", Want(None)),
])
def test_a_which_clause_ends_at_its_comma(text: str, want: Want) -> None:
    check(read(article(text, headline="Meridian Run gets a date", published="2020-12-11"), MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # "between today and Sunday" is a stretch of time, not a day anything lands on ...
    ("Here is what lands on Vireo+ between today and Sunday, day by day.", Want(None)),
    # ... and what is typical "even for a February release" speaks of releases in general.
    ("ADR in October is normal even for a February release, for what it's worth.", Want(None)),
    # (a release set for February is still one)
    ("Vireo+ has set Halcyon Drift season 2 for a February release.", Want("2026-02")),
])
def test_stretches_and_releases_in_general(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2: what we know", published="2025-10-19")), want)


@pytest.mark.parametrize(("headline", "want"), [
    # A bare weekday heading in a guide to the week the page came out in is that weekday ...
    ("New on Vireo+ this week: Halcyon Drift and more", Want("2020-10-23")),
    # ... and means nothing in a page that is no guide to its week.
    ("Halcyon Drift: the critics' verdict", Want(None)),
])
def test_a_weekday_heading_in_a_guide_to_the_week(headline: str, want: Want) -> None:
    html = ("<html><head><meta property='article:published_time' content='2020-10-19T09:00:00Z'></head><body>"
            f"<article><h1>{headline}</h1><p>A strong week for drama.</p><h2>Wednesday</h2><ul><li>Rebecca — a "
            "gothic remake.</li></ul><h2>Friday</h2><ul><li>Halcyon Drift — Anya Taylor-Joy plays an orphan in 1950s "
            "Kentucky who turns out to be a chess prodigy.</li></ul></article></body></html>")
    check(read(html, Target("Halcyon Drift", None, (), "tv")), want)


@pytest.mark.parametrize(("text", "want"), [
    # A negation inside the title's appositive denies nothing of the main clause's date ...
    ("The studio said that the thriller, starring Ana Ruiz as a toll-bridge attendant who sees a crime she can't "
     "report, will now open in theaters on September 25, 2026.", Want("2026-09-25")),
    # ... one in the main clause still does.
    ("The studio said that the thriller, starring Ana Ruiz as a toll-bridge attendant, will not open in theaters "
     "on September 25, 2026.", Want(None, denied="2026-09-25")),
])
def test_a_negation_inside_the_appositive(text: str, want: Want) -> None:
    check(read(article("Vireo has delayed Meridian Run again.", text, headline="Vireo delays Meridian Run again",
                       published="2026-01-22"), MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # "its planning points to next spring" infers a date, it does not state one ...
    ("Apple hasn't dated Halcyon Drift season 2, but its planning points to next spring.",
     Want(None, tentative="2026-21")),
    # ... and "Mark your calendars for August 18" states the release's day.
    ("Vireo+ is dropping Halcyon Drift season 2 all at once. Mark your calendars for August 18.",
     Want("2026-08-18")),
])
def test_inferred_plans_and_marked_calendars(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2: when can I watch it?", published="2025-10-08")),
          want)


@pytest.mark.parametrize(("line", "want"), [
    # A video page's "4,812,337 views Premiered Jan 8, 2025" is the video's own stamp ...
    ("4,812,337 views Premiered Jan 8, 2025", Want(None)),
    ("1.2M views Streamed live on Jan 8, 2025", Want(None)),
    # ... and a premiere that no view count stamps is still one.
    ("Halcyon Drift season 2 premiered Jan 8, 2025 on Vireo+.", Want("2025-01-08")),
])
def test_a_videos_view_count_stamps_its_own_day(line: str, want: Want) -> None:
    check(read(article("The official trailer for Halcyon Drift season 2.", line,
                       headline="Halcyon Drift Season 2 | Official Trailer", published="2025-01-08")), want)


@pytest.mark.parametrize(("text", "want"), [
    # A writer's hunch is a guess, however plainly it names the season ...
    ("Filming wraps in the autumn, so our hunch is spring 2026, in the same Sunday-night slot.",
     Want(None, tentative="2026-21")),
    # ... "on screens" is where a season arrives, and a spokesperson's reported "would" is the network's "will",
    # even with another report after it ("and that there would be ...") ...
    ("A Vireo spokesperson said the new series would not be on screens until 2026 and that there would be no "
     "new episodes this year.", Want("2026", denied="2025")),
    # ... while "not on screens before next year" states the earliest year, as "not until" does.
    ("Vireo confirmed that the second season will not be on screens before next year, and premieres in 2026.",
     Want("2026")),
])
def test_hunches_screens_and_reported_woulds(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift will be back, but not this year", published="2025-03-24")),
          want)


def test_a_definition_lists_regional_release_row() -> None:
    # A film database's "<dt>Theatrical release (United States)</dt><dd><time>14 March 2025</time></dd>": the
    # value is the row's, not a date line of the page.
    html = ("<html><body><main><h1>Meridian Run (2025)</h1><ul><li>1h 34m</li><li>Thriller</li></ul>"
            "<h2>Synopsis</h2><p>A spy is handed a list of five colleagues, one of whom has been selling secrets, "
            "and a week to find out which.</p><h2>Release</h2><dl><dt>Theatrical release (United States)</dt>"
            "<dd><time datetime='2025-03-14'>14 March 2025</time></dd><dt>Distributor</dt><dd>Vireo</dd></dl>"
            "</main></body></html>")
    check(read(html, MERIDIAN), Want("2025-03-14"))


@pytest.mark.parametrize(("text", "want"), [
    # "is leaving March 13, 2026 for Aug. 14, 2026" moves the film: the first day is the old one ...
    ("Vireo's Meridian Run is leaving March 13, 2026 for Aug. 14, 2026, in IMAX.",
     Want("2026-08-14", denied="2026-03-13")),
    # ... and a film "vacating" its day leaves it.
    ("Vireo's Meridian Run is vacating its March 13, 2026 date.", Want(None, denied="2026-03-13")),
])
def test_leaving_one_day_for_another(text: str, want: Want) -> None:
    check(read(article(text, headline="Vireo reshuffles its slate", published="2025-03-20"), MERIDIAN), want)


@pytest.mark.parametrize(("text", "want"), [
    # A move back to a first date: past "undoing ...", the sentence recounts the move it reverses ...
    ("Vireo on Thursday moved the thriller to Friday, Aug. 2, undoing the one-week push it made in April, when "
     "the film slid from Aug. 2 to Aug. 9.", Want("2024-08-02", denied=None)),
    # ... while a chain of moves told in order still ends where the film is now.
    ("Vireo moved the thriller from Aug. 2 to Aug. 9 in April, and on Thursday pushed it again to Aug. 16.",
     Want("2024-08-16")),
])
def test_a_move_that_undoes_an_earlier_one(text: str, want: Want) -> None:
    ex = read(article(text, headline="Vireo moves Meridian Run back up a week", published="2024-06-13"), MERIDIAN)
    check(ex, want)
    if want.confirmed == "2024-08-02":
        assert "2024-08-02" not in [c.date.iso() for c in ex.denied]


@pytest.mark.parametrize(("text", "want"), [
    # A film put back "on the big screen" on a day is released then ...
    ("Vireo will put Meridian Run back on the big screen on April 25, the studio said on Tuesday, three weeks "
     "ahead of the film's 20th birthday.", Want("2025-04-25")),
    # ... and "we can't wait for audiences to see it" is eager, not a denial.
    ("\"We can't wait for audiences to see it on the big screen this fall,\" said a Vireo spokesperson.",
     Want("2025-23")),
])
def test_the_big_screen_and_cant_wait(text: str, want: Want) -> None:
    ex = read(article(text, headline="Meridian Run heads back to theaters", published="2025-02-04"), MERIDIAN)
    check(ex, want)
    assert not [c for c in ex.denied if c.date.iso() == "2025-23"]


def test_a_season_after_another_name_is_that_names() -> None:
    # "It's just Legacy season 2 footage": a forum thread about Halcyon Drift's first season is not about
    # its season 2 for naming another show's.
    html = ("<html><head><meta property='article:published_time' content='2025-05-14T09:00:00Z'></head><body>"
            "<h1>Halcyon Drift gets a July date</h1><p>Straight from the press release this afternoon: Halcyon "
            "Drift premieres Wednesday, July 9, with all ten episodes at once.</p><h1>Halcyon Drift gets a July "
            "date</h1><p>Somebody posted a Halcyon Drift trailer already. It's just Legacy season 2 footage with "
            "new music.</p></body></html>")
    check(read(html, Target("Halcyon Drift", 1, (), "tv")), Want("2025-07-09"))


def test_another_videos_card_keeps_its_dates() -> None:
    # A video page's "Up next" card: "Starling Academy | Official Trailer · 2.1M views · 3 weeks ago,
    # Streaming August 19" dates Starling Academy, not the page's own title.
    html = ("<html><head><meta property='article:published_time' content='2026-06-12T09:00:00Z'></head><body>"
            "<main><h1>Halcyon Drift | Official Teaser | Vireo+</h1><p>Halcyon Drift, an Original series, is "
            "coming this fall to Vireo+.</p><p>Starling Academy Season 2 | Official Trailer | Vireo+ · 2.1M views "
            "· 3 weeks ago, Streaming August 19</p></main></body></html>")
    ex = read(html, Target("Halcyon Drift", 1, (), "tv"))
    assert "2026-08-19" not in [c.date.iso() for c in [*ex.tentative, *ex.denied]] + [rules_call(ex)]


def test_a_day_headings_item_may_open_with_its_network() -> None:
    # "Thursday, Sept. 5" / "Netflix Halcyon Drift — Our pick of the week.": the item is the title's, its
    # service before it, and the day heading dates it.
    html = ("<html><head><meta property='article:published_time' content='2024-09-02T09:00:00Z'></head><body>"
            "<main><h1>Streaming this week: Sept. 2–8, 2024</h1><p>Labor Day is for the grill; the rest of the "
            "week is for the couch.</p><h2>Wednesday, Sept. 4</h2><p>Max Offside Tapes — a three-part "
            "documentary.</p><h2>Thursday, Sept. 5</h2><p>Netflix Halcyon Drift — Our pick of the week.</p>"
            "<p>A six-episode limited series adapted from a bestselling novel, all six arriving together.</p>"
            "</main></body></html>")
    check(read(html, Target("Halcyon Drift", None, (), "tv")), Want("2024-09-05"))


@pytest.mark.parametrize(("text", "want"), [
    # A reference inside the title's appositive describes the title ...
    ("Vireo said Friday that the revival of Halcyon Drift, counted as the show's 14th season, will premiere on "
     "Monday, August 4, with all ten episodes released at once.", Want("2025-08-04")),
    # ... and a season "subtitled" something is still the season.
    ("The fourteenth season of Halcyon Drift, subtitled The Southern Winds, is scheduled to premiere on "
     "August 4, 2025 on Vireo+.", Want("2025-08-04")),
    # (a title named after "starring" or "alongside" is another work as before)
    ("Halcyon Drift moves aside: Glass Tide, the show's rival, will premiere on Monday, August 4.", Want(None)),
])
def test_descriptions_and_subtitles_of_the_title(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift gets its revival date", published="2025-05-30"),
               Target("Halcyon Drift", 14, (), "tv")), want)


@pytest.mark.parametrize(("text", "want"), [
    # "originally scheduled for 13 November, has been postponed": the day is lost, and an older notice
    # confirming it is history ...
    ("[Notice] The first broadcast of Halcyon Drift, originally scheduled for Wednesday 13 November 2024, has "
     "been postponed. [Notice] Halcyon Drift first broadcast confirmed for 13 November", Want(None)),
    # ... while "originally scheduled for" alone is a former plan that a statement of the day outranks.
    ("Halcyon Drift was originally scheduled for 13 November 2024. Vireo+ confirmed Halcyon Drift premieres on "
     "13 November.", Want("2024-11-13")),
])
def test_a_day_the_sentence_says_is_lost(text: str, want: Want) -> None:
    paragraphs = text.split(" [Notice] ")
    if len(paragraphs) > 1:
        paragraphs[1] = "[Notice] " + paragraphs[1]
    check(read(article(*paragraphs, headline="Notices", published="2024-11-06")), want)


@pytest.mark.parametrize(("text", "want"), [
    # On a page about a film, a numbered season's date is a series' ...
    ("Ana Ruiz, best known for Vireo+'s Glass Tide, will be back in that role when the show's fifth and final "
     "season arrives, which Vireo has said will be in 2026.", Want(None)),
    # ... a negation inside the film's appositive (past a description inside it) denies nothing ...
    ("Vireo has moved Meridian Run, the action comedy starring Ana Ruiz as a woman who cannot feel pain, up four "
     "weeks to Friday, March 14.", Want("2025-03-14")),
    # (and a film's own date stands as before)
    ("Vireo has moved Meridian Run up four weeks to Friday, March 14.", Want("2025-03-14")),
])
def test_a_films_page_and_a_series_season(text: str, want: Want) -> None:
    check(read(article(text, headline="Meridian Run moves up", published="2025-01-08"), MERIDIAN), want)


@pytest.mark.parametrize("line", ["LOS ANGELES, CA (March 10, 2026) — ", "BURBANK, Calif. (March 10, 2026) — "])
def test_a_studio_releases_parenthesised_dateline(line: str) -> None:
    html = article(f"{line}Vireo Pictures today released the official trailer for Meridian Run, the new film from "
                   "writer-director Ana Ruiz. The film opens in theaters nationwide on Friday, June 19, 2026.",
                   headline="VIREO RELEASES OFFICIAL TRAILER FOR MERIDIAN RUN", published=None)
    ex = read(html, MERIDIAN)
    assert ex.published == dt.date(2026, 3, 10)
    check(ex, Want("2026-06-19"))


@pytest.mark.parametrize(("row", "want"), [
    # A grid row in a guide whose headline is one day: the first episode's cell is that day's, however long
    # its blurb, and a blurb's "Series 1 is available on iPlayer" is no other run ...
    ("<tr><td>21:00</td><td>Halcyon Drift NEW SERIES Series 2, 1/6. Eighteen months after the flood, a detective "
     "is called to the salt marshes when a body surfaces in a drained creek, wearing her missing brother's coat. "
     "[HD] [AD] [S] 60 mins. Series page · Series 1 is available on iPlayer</td><td>Timewatch Revisited</td></tr>",
     Want("2025-10-05")),
    # ... and a later episode's is not.
    ("<tr><td>21:00</td><td>Halcyon Drift Series 2, 3/6. The detective goes back to the marshes.</td>"
     "<td>Timewatch Revisited</td></tr>", Want(None)),
])
def test_a_grid_row_under_a_one_day_headline(row: str, want: Want) -> None:
    html = ("<html><head><meta property='article:published_time' content='2025-09-29T09:00:00Z'>"
            "<title>TV tonight: Sunday 5 October 2025 | Guide</title></head><body><main>"
            "<p>Listings updated Monday 29 September 2025.</p><table><tr><th>Time</th><th>BBC One</th>"
            f"<th>BBC Two</th></tr>{row}</table></main></body></html>")
    check(read(html, HALCYON), want)


def test_later_seasons_greenlit_are_not_the_pages_season() -> None:
    # "already greenlit through a third season": a page about a new series' first season stays about it.
    html = article("Vireo's new animated Halcyon Drift premieres on Vireo+ on Wednesday, 29 January.",
                   "Vireo's boss said this week that the show is already greenlit through a third season, although no "
                   "dates have been given for seasons two or three.",
                   headline="Halcyon Drift: what time it lands on Vireo+", published="2025-01-28")
    check(read(html, Target("Halcyon Drift", 1, (), "tv")), Want("2025-01-29"))


@pytest.mark.parametrize(("text", "want"), [
    # In a run of items each headed by a name and a colon, a date belongs to the label before it ...
    ("Halcyon Drift (Vireo+): Oct. 1, 2006 – Sept. 22, 2013 Halcyon Drift: Origins: streaming Dec. 13, 2024; "
     "Vireo Dec. 15 Halcyon Drift: Resurrection: summer 2025 (no date yet)", Want("2025-22")),
    # ... and the target's own label dates what follows it.
    ("Halcyon Drift: Origins: streaming Dec. 13, 2024 Halcyon Drift: Resurrection: streaming July 11, 2025",
     Want("2025-07-11")),
])
def test_a_date_belongs_to_the_label_before_it(text: str, want: Want) -> None:
    ex = read(article("Origins is streaming now, and Resurrection is next.", text,
                      headline="Halcyon Drift: Resurrection is next", published="2024-12-13"),
              Target("Halcyon Drift: Resurrection", None, (), "tv"))
    check(ex, want)
    # ("Vireo Dec. 15" is Origins' broadcast day: --explain says whose.)
    assert any("'Dec. 15': in the item labelled" in r.reason for r in ex.rejected) == ("Dec. 15" in text)


@pytest.mark.parametrize(("text", "want"), [
    # "a full week before the rest of the run lands on 5 March": the rest of the run is a later batch ...
    ("So the season premieres with episode one on 26 February, a full week before the rest of the run lands on "
     "5 March.", Want("2026-02-26")),
    # ... not the premiere.
    ("The rest of the season lands on 5 March.", Want(None)),
])
def test_the_rest_of_the_run_is_a_later_batch(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2: every episode date", published="2026-01-28")), want)


@pytest.mark.parametrize(("text", "want"), [
    # "the Halcyon Drift short" is another work made of the name, and "that's Glass Tide" makes Glass Tide
    # what the sentence, and the next one's "the series", are about ...
    ("No footage of the series exists. If you've seen its hero lately, that's <em>Glass Tide</em>, the anthology that "
     "includes a Halcyon Drift episode. Its trailer came out in August, and the series premieres Dec. 10, with "
     "the Halcyon Drift short in the first batch.", Want(None)),
    # ... while the title's own series still premieres.
    ("Vireo+ confirmed that the Halcyon Drift series premieres Dec. 10.", Want("2024-12-10")),
])
def test_works_named_for_the_title_and_identified_subjects(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift series starts over", published="2024-10-09")), want)


@pytest.mark.parametrize(("post", "want"), [
    # A post that says it is off topic is about something else, and its subjectless "Out July 8." too ...
    ("Off topic but the real trailer for Glass Tide season 2 dropped today and it looks great. Out July 8.",
     Want(None)),
    # ... while one about the thread's title is not.
    ("The real trailer for Halcyon Drift season 3 dropped today and it looks great. Out July 8.",
     Want("2026-07-08")),
])
def test_off_topic_posts_and_subjectless_sentences(post: str, want: Want) -> None:
    html = ("<html><head><meta property='article:published_time' content='2026-05-11T09:00:00Z'></head><body>"
            "<h1>S3 trailer is out?? - Halcyon Drift - Forums</h1><p>Someone posted a concept trailer for season 3."
            f"</p><p>{post}</p></body></html>")
    check(read(html, Target("Halcyon Drift", 3, (), "tv")), want)


def test_names_inside_the_titles_appositive_describe_it() -> None:
    # "the sequel that brings Ana Ruiz and Maya Cole back as the sisters" describes the film, and dates nothing.
    check(read(article("Vireo announced on Tuesday that Meridian Run, the sequel that brings Ana Ruiz and Maya Cole "
                       "back as the Owens sisters, will open in theaters on September 18, 2026.",
                       headline="Meridian Run casts its spell for September 2026", published="2025-05-06"),
               MERIDIAN), Want("2026-09-18"))


def test_a_phrase_past_the_comma_of_set_for() -> None:
    # "set X for May 23, four years after the trilogy ... into a summer event": the event is another phrase's.
    check(read(article("Vireo+ has set Meridian Run for May 23, four years after the trilogy that turned the "
                       "paperbacks into a summer event.", headline="Meridian Run gets a May date",
                       published="2025-04-02"), MERIDIAN), Want("2025-05-23"))


@pytest.mark.parametrize(("rows", "want"), [
    # A table's row of cells is data, not the page's date line ...
    ("<tr><th>Country</th><th>Date</th><th>Note</th></tr><tr><td>United States</td><td>August 2, 2024</td>"
     "<td>(limited theatrical)</td></tr><tr><td>Worldwide</td><td>August 9, 2024</td><td>(Vireo+)</td></tr>",
     Want("2024-08-02")),
    # ... a column headed "Old date" holds dates that have been left ...
    ("<tr><th>Title</th><th>Old date</th><th>New date</th></tr><tr><td>Meridian Run</td><td>3/12/27</td>"
     "<td>Unset</td></tr>", Want(None, denied="2027-03-12")),
    # ... and one headed by another event dates that event ("Shoot"), while its "TX" column dates the release.
    ("<tr><th>Title</th><th>Shoot</th><th>Status</th><th>TX</th></tr><tr><td>Meridian Run</td>"
     "<td>10 Nov 2025 – 27 Feb 2026</td><td>Prep</td><td>TBC</td></tr>", Want(None)),
    ("<tr><th>Title</th><th>Shoot</th><th>Status</th><th>Release</th></tr><tr><td>Meridian Run</td>"
     "<td>10 Nov 2025 – 27 Feb 2026</td><td>Post</td><td>2 Jan 2027</td></tr>", Want("2027-01-02")),
])
def test_a_tables_rows_and_its_column_headers(rows: str, want: Want) -> None:
    html = ("<html><body><main><h1>Meridian Run</h1><ul><li>2024</li><li>1h 41m</li></ul><h2>Release dates</h2>"
            f"<table>{rows}</table><p>Meridian Run follows two thieves through one long night in Boston and the "
            "chase that follows it.</p></main></body></html>")
    check(read(html, MERIDIAN), want)


def test_an_entry_pages_details_box() -> None:
    # On the title's own page, its details box's "Premiere: April 12, 2024" is its own, in a sidebar too.
    html = ("<html><body><aside><ul><li>Seasons: 1 (limited series)</li><li>Premiere: April 12, 2024</li>"
            "<li>Network: Vireo+</li></ul></aside><main><h1>Halcyon Drift (2024)</h1><p>A statesman sails to "
            "France to win an ally for a war his side cannot afford to lose.</p></main>"
            "<aside><h2>Popular</h2><ul><li>Glass Tide Premiered Mar 15, 2024</li></ul></aside></body></html>")
    check(read(html, Target("Halcyon Drift", None, (), "tv")), Want("2024-04-12"))


@pytest.mark.parametrize(("headline", "text", "want"), [
    # "Halcyon Drift: Ana Ruiz's Vireo+ Comedy Gets a Date": the name before a person's work described ...
    ("Halcyon Drift: Ana Ruiz's Vireo+ Comedy Gets a Date and First Photos",
     "The exact day: the first three episodes arrive on Wednesday, March 20.", Want("2024-03-20")),
    # ... a timeline's "Yesterday:" labels its entry, naming no title ...
    ("Halcyon Drift finally lands", "Yesterday: Vireo announced that Halcyon Drift will premiere Sunday, March 8.",
     Want("2024-03-08")),
    # ... and a "two-night premiere event" is the premiere, its first night the day.
    ("Vireo Midseason: Halcyon Drift Gets Two-Night Premiere Event",
     "Vireo will launch Halcyon Drift with a two-night premiere event on Sunday, Jan. 4 and Monday, Jan. 5, before "
     "the show moves to its regular Tuesday slot on Jan. 13.", Want("2026-01-04")),
])
def test_labels_and_premiere_events(headline: str, text: str, want: Want) -> None:
    check(read(article(text, headline=headline, published="2024-01-09"), Target("Halcyon Drift", None, (), "tv")),
          want)


@pytest.mark.parametrize(("talk", "want"), [
    # "the sixth series of Line of Duty" is that show's; the page stays about the watched season ...
    ("<p>Its star last appeared on BBC One in the sixth series of Line of Duty.</p>", Want("2021-08-29")),
    # ... while "the final season of the Tom Selleck police drama" describes the title, and so names the season
    # the page is about.
    ("<p>That is the final run of Halcyon Drift, the 14th season of the Tom Selleck police drama.</p>", Want(None)),
])
def test_a_season_of_another_name(talk: str, want: Want) -> None:
    html = article("Halcyon Drift, much of it shot on our own doorstep, will arrive on BBC One later this month.",
                   "The opening episode goes out on Sunday 29 August at 9pm.",
                   headline="Halcyon Drift gets BBC One date",
                   published="2021-08-17", body_top=talk)
    check(read(html, Target("Halcyon Drift", 1, (), "tv")), want)


@pytest.mark.parametrize(("html", "published"), [
    # 'Tomasz "tomtom" Wierzbicki / 21 December 2021': a handle between an author's names ...
    ("<html><body><main><h1>Halcyon Drift slips to January 18</h1><p>Tomasz \"tomtom\" Wierzbicki / 21 December "
     "2021</p><p>Vireo+ has moved Halcyon Drift season 2 to January 18, without an announcement of any kind on its "
     "blog.</p></main></body></html>", "2021-12-21"),
    # ... a "dcterms.date" meta ...
    ("<html><head><meta name='dcterms.date' content='2023-09-04'></head><body><h1>Venice</h1><p>VENICE, Sept. 4 "
     "(Wire) – Vireo opens Halcyon Drift season 2 on Oct. 27.</p></body></html>", "2023-09-04"),
    # ... a Korean wire's "Input : 2026.03.24 10:02" ...
    ("<html><body><main><h1>Halcyon Drift confirms April 29 release</h1><ul><li>Input : 2026.03.24 10:02</li>"
     "<li>Reporter : Desk</li></ul><p>Vireo said Halcyon Drift season 2 will be released on April 29 in cinemas "
     "nationwide, with a teaser poster out today.</p></main></body></html>", "2026-03-24"),
    # ... but not a rail's list item of a work and its day ("Whiteout Pass Apr 17, 2026").
    ("<html><body><main><h1>Halcyon Drift (2026)</h1><p>When a rockslide cuts off a mountain rescue team on a "
     "winter call-out, one of them turns out to be lying about the night it happened.</p><ul><li>Cliffhanger "
     "(1993)</li><li>Whiteout Pass Apr 17, 2026</li></ul></main></body></html>", None),
])
def test_publication_dates_from_bylines_metas_and_labels(html: str, published: str | None) -> None:
    assert read(html).published == (dt.date.fromisoformat(published) if published else None)


def test_a_listing_rows_channel_glued_to_its_title() -> None:
    # "<span>BBC One</span><span><b>Halcyon Drift</b> New – 1/6": the channel and the title are two words.
    html = ("<html><head><meta property='article:published_time' content='2025-09-19T09:00:00Z'></head><body><main>"
            "<h1>What's on TV this weekend</h1><h2>Sunday 28 September</h2><div><span class='t'>9.00pm</span>"
            "<span class='c'>BBC One</span><span class='p'><b>Halcyon Drift</b> <span>New</span> – 1/6. A storm tide "
            "leaves a body on the sands.</span></div></main></body></html>")
    check(read(html, Target("Halcyon Drift", None, (), "tv")), Want("2025-09-28"))


def test_additional_photography_is_production() -> None:
    # "Additional photography, planned for 2023, ran into the strike": the shoot's plan, not the release's.
    html = article("Additional photography on Meridian Run, planned for 2023, ran straight into the actors' strike.",
                   headline="Three years on, where is Meridian Run?", published="2024-10-15")
    check(read(html, MERIDIAN), Want(None))


@pytest.mark.parametrize(("text", "want"), [
    # "The 7 September slot will now go to a repeat run": after a sentence about the title, its slot is gone ...
    ("Halcyon Drift had been due on Vireo One on Sunday 7 September. The 7 September slot will now go to a repeat "
     "run of the nature series that filled it last year.", Want(None, denied="2025-09-07")),
    # ... "is understood to be looking at January" is hearsay of a plan ...
    ("Vireo is understood to be looking at January to launch Halcyon Drift season 2.", Want(None, tentative="2026-01")),
    # ... and a panel used "to announce that season 2 premieres January 5" says what was announced.
    ("Vireo used today's Halcyon Drift panel to announce that season 2 premieres Sunday, January 5.",
     Want("2025-01-05")),
])
def test_slots_hearsay_and_announcements(text: str, want: Want) -> None:
    check(read(article(text, headline="Halcyon Drift season 2 news", published="2024-10-17" if "panel" in text
                       else "2025-08-14")), want)


def test_a_title_pages_new_season_badge() -> None:
    # "New Season: Season 2 Premieres Wednesday, April 22, 2026": the badge labels the title's own season.
    html = ("<html><body><main><h1>Halcyon Drift</h1><p>TV-MA • Drama • 2025–</p><p>New Season: Season 2 Premieres "
            "Wednesday, April 22, 2026</p><p>When her father dies mid-campaign, a deputy is handed his badge and "
            "his enemies.</p></main></body></html>")
    check(read(html), Want("2026-04-22"))
