"""The same claim in many wordings: an extractor that reads language, not pages, gets them all.

Each table says one thing many ways (an official date, a rumour, a denial, another
event's date, another title's date, a trailer) the way different writers and sites put
it.  A rule fitted to one page's phrasing fails most rows of its table; a rule about the
language passes them.  Every sentence was written for these tests.
"""

from __future__ import annotations

import pytest

from extract_pages import HALCYON, MERIDIAN, article, read, rules_call

PUBLISHED = "2024-03-12"  # June 4 is ahead of every page here


def confirmed(text: str, film: bool = False) -> str | None:
    ex = read(article(text, headline="Entertainment news", published=PUBLISHED), MERIDIAN if film else HALCYON)
    return ex.confirmed.date.iso() if ex.confirmed else None


def tentative(text: str, film: bool = False) -> list[str]:
    ex = read(article(text, headline="Entertainment news", published=PUBLISHED), MERIDIAN if film else HALCYON)
    return [c.date.iso() for c in ex.tentative]


def denied(text: str, film: bool = False) -> list[str]:
    ex = read(article(text, headline="Entertainment news", published=PUBLISHED), MERIDIAN if film else HALCYON)
    return [c.date.iso() for c in ex.denied]


OFFICIAL_TV = [
    "Halcyon Drift season 2 premieres June 4.",
    "Halcyon Drift season 2 will premiere on June 4.",
    "Halcyon Drift season 2 is set to premiere on June 4.",
    "Halcyon Drift season 2 is slated for June 4.",
    "Halcyon Drift season 2 arrives on Vireo+ on June 4.",
    "Halcyon Drift season 2 debuts June 4 on Vireo+.",
    "Halcyon Drift returns for season 2 on June 4.",
    "Season 2 of Halcyon Drift hits Vireo+ on June 4.",
    "Vireo+ has set a June 4 premiere date for season 2 of Halcyon Drift.",
    "Vireo+ announced that Halcyon Drift season 2 will debut on June 4.",
    "Vireo+ announced Tuesday that Halcyon Drift season 2 will debut June 4.",
    "Vireo+ revealed the Halcyon Drift season 2 premiere date: June 4.",
    "Vireo+ gave Halcyon Drift season 2 a June 4 premiere date.",
    "The streamer has dated Halcyon Drift season 2 for June 4.",
    "Halcyon Drift season 2 was announced for June 4.",
    "Halcyon Drift season 2 has been given a June 4 release date.",
    "Halcyon Drift season 2 has a premiere date: June 4.",
    "Mark your calendars: Halcyon Drift season 2 lands June 4.",
    "Halcyon Drift season 2 will be available to stream from June 4.",
    "The second season of Halcyon Drift starts streaming on June 4.",
    "Halcyon Drift is back for a second season on June 4.",
    "Fans will be able to watch Halcyon Drift season 2 starting June 4.",
    "Halcyon Drift season 2 will drop all eight episodes on June 4.",
    "On June 4, Halcyon Drift season 2 premieres on Vireo+.",
    "June 4 is the day Halcyon Drift season 2 arrives.",
    "Halcyon Drift season 2, which premieres June 4, follows the crew into deep space.",
    "The first two episodes of Halcyon Drift season 2 premiere June 4, with new episodes weekly.",
    "Vireo+ confirmed Halcyon Drift season 2 for June 4.",
    "Halcyon Drift season 2 gets a June 4 premiere.",
    "Halcyon Drift season 2 will stream globally on June 4.",
    "Halcyon Drift season 2 is coming June 4.",
    "Halcyon Drift season 2 will return June 4, Vireo+ said Monday.",
    "According to Vireo+, Halcyon Drift season 2 premieres June 4.",
    "Halcyon Drift season 2 officially premieres June 4.",
    "Halcyon Drift's second season will be released on June 4.",
    "Vireo+ will release Halcyon Drift season 2 on June 4.",
    "Vireo+ is releasing Halcyon Drift season 2 on June 4.",
    "Halcyon Drift season 2 airs June 4 at 9 p.m.",
    "Catch Halcyon Drift season 2 when it premieres June 4.",
    "Halcyon Drift season 2 opens on June 4 with a double bill.",
]
OFFICIAL_FILM = [
    "Meridian Run opens in theaters June 4.",
    "Meridian Run hits cinemas on June 4.",
    "Universal dated Meridian Run for June 4.",
    "Universal set Meridian Run for a June 4 release.",
    "Universal has set Meridian Run for June 4.",
    "Meridian Run will be released in theaters on June 4.",
    "Meridian Run is due in cinemas on June 4.",
    "Meridian Run arrives in theaters June 4.",
    "Universal will release Meridian Run on June 4.",
    "The studio revealed that Meridian Run will open on June 4.",
    "Meridian Run has a June 4 release date.",
    "Meridian Run, out June 4, stars two unknowns.",
    "Meridian Run bows June 4.",
    "Meridian Run comes to theaters on June 4.",
    "Meridian Run gets a June 4 theatrical release.",
]


@pytest.mark.parametrize("text", OFFICIAL_TV)
def test_an_official_date_in_many_wordings(text: str) -> None:
    assert confirmed(text) == "2024-06-04"


@pytest.mark.parametrize("text", OFFICIAL_FILM)
def test_an_official_film_date_in_many_wordings(text: str) -> None:
    assert confirmed(text, film=True) == "2024-06-04"


RUMOURED = [
    "Halcyon Drift season 2 is expected to premiere in June.",
    "Halcyon Drift season 2 could arrive in June.",
    "Halcyon Drift season 2 is rumored for June.",
    "Insiders say Halcyon Drift season 2 will land in June.",
    "Sources tell us Halcyon Drift season 2 will debut in June.",
    "Vireo+ is eyeing June for Halcyon Drift season 2.",
    "Vireo+ is targeting June for Halcyon Drift season 2.",
    "We'd guess Halcyon Drift season 2 arrives in June.",
    "Halcyon Drift season 2 will likely premiere in June.",
    "Halcyon Drift season 2 will probably return in June.",
    "Halcyon Drift season 2 is tipped for a June release.",
    "Halcyon Drift season 2 is reportedly set for June.",
    "According to reports, Halcyon Drift season 2 will premiere in June.",
    "Fans expect Halcyon Drift season 2 in June.",
    "Halcyon Drift season 2 should land in June.",
    "Halcyon Drift season 2 may debut in June.",
    "Halcyon Drift season 2 might premiere in June.",
    "Vireo+ hopes to release Halcyon Drift season 2 in June.",
    "Early signs point to a June return for Halcyon Drift season 2.",
    "Unconfirmed reports suggest Halcyon Drift season 2 will premiere in June.",
    "A June release looks likely for Halcyon Drift season 2.",
    "Halcyon Drift season 2 is said to be aiming for June.",
    "If all goes to plan, Halcyon Drift season 2 will premiere in June.",
    "Could Halcyon Drift season 2 premiere in June?",
    "The showrunner hopes Halcyon Drift season 2 will be out by June.",
    "Our best guess for Halcyon Drift season 2 is June.",
    "Halcyon Drift season 2 will premiere in June, a leaked schedule suggests.",
    "It is hard to see Halcyon Drift season 2 arriving before June.",
]


@pytest.mark.parametrize("text", RUMOURED)
def test_a_rumour_in_many_wordings_is_never_confirmed(text: str) -> None:
    assert confirmed(text) is None
    assert "2024-06" in tentative(text)


DENIED = [
    ("Halcyon Drift season 2 won't premiere in June.", None),
    ("Halcyon Drift season 2 is no longer coming in June.", None),
    ("Halcyon Drift season 2 has been pulled from its June date.", None),
    ("Halcyon Drift season 2 isn't coming in June after all.", None),
    ("Halcyon Drift season 2 will not arrive in June as planned.", None),
    ("Halcyon Drift season 2 has been delayed from June.", None),
    ("The June date for Halcyon Drift season 2 is off.", None),
    ("Vireo+ moved Halcyon Drift season 2 from June to October.", "2024-10"),
    ("Halcyon Drift season 2 will premiere in October, not June.", "2024-10"),
    ("Halcyon Drift season 2 was originally set for June but now premieres in October.", "2024-10"),
    ("Halcyon Drift season 2 has been pushed from June to October.", "2024-10"),
    ("Instead of June, Halcyon Drift season 2 will now arrive in October.", "2024-10"),
    ("Halcyon Drift season 2 slips from June to October.", "2024-10"),
]


@pytest.mark.parametrize(("text", "now"), DENIED)
def test_a_denied_date_in_many_wordings(text: str, now: str | None) -> None:
    assert confirmed(text) == now
    assert "2024-06" in denied(text)


OTHER_EVENTS = [
    "Filming on Halcyon Drift season 2 begins June 4.",
    "The Halcyon Drift season 2 trailer drops June 4.",
    "The Halcyon Drift cast will appear at the fan convention on June 4.",
    "Tickets for the Halcyon Drift season 2 screening go on sale June 4.",
    "The Halcyon Drift season 2 panel takes place on June 4.",
    "The Halcyon Drift season 2 finale airs June 4.",
    "Production on Halcyon Drift season 2 wraps June 4.",
    "A first look at Halcyon Drift season 2 arrives June 4.",
    "The Halcyon Drift season 2 poster was unveiled on June 4.",
    "Halcyon Drift season 2 was renewed on June 4.",
    "Vireo+ will announce the Halcyon Drift season 2 premiere date on June 4.",
    "The Halcyon Drift season 2 soundtrack comes out June 4.",
    "Halcyon Drift season 2 episode 5 airs June 4.",
    "The Halcyon Drift season 2 cast was announced on June 4.",
    "Halcyon Drift's first season premiered on June 4, 2022.",
    "The Halcyon Drift season 2 teaser will debut on June 4.",
]


@pytest.mark.parametrize("text", OTHER_EVENTS)
def test_another_events_date_is_no_premiere(text: str) -> None:
    assert confirmed(text) is None


OTHER_TITLES = [
    "Glass Tide premieres June 4, two weeks before Halcyon Drift season 2.",
    "Halcyon Drift season 2 has no date yet, but Glass Tide premieres June 4.",
    "Vireo+ also dated Glass Tide for June 4; Halcyon Drift season 2 remains undated.",
    "Glass Tide, the other space drama on Vireo+, arrives June 4.",
    "Like Halcyon Drift, Glass Tide was made in Iceland; it premieres June 4.",
    "The studio behind Halcyon Drift is releasing Glass Tide on June 4.",
    "Halcyon Drift season 2 will follow Glass Tide, which premieres June 4.",
    "Halcyon Drift season 2 has been bumped for Glass Tide, which now takes its June 4 slot.",
    "Meanwhile, Glass Tide lands on Vireo+ on June 4.",
    "Halcyon Drift season 3, not season 2, premieres June 4.",
]


@pytest.mark.parametrize("text", OTHER_TITLES)
def test_another_titles_date_is_not_ours(text: str) -> None:
    assert confirmed(text) is None


TRAILER_OUT = [
    "Vireo+ has released the first trailer for Halcyon Drift season 2.",
    "The Halcyon Drift season 2 trailer is here.",
    "Watch the new trailer for Halcyon Drift season 2 below.",
    "Halcyon Drift season 2 gets a teaser.",
    "The Halcyon Drift season 2 teaser, which dropped Tuesday, shows the crew in deep space.",
    "A teaser for Halcyon Drift season 2 debuted during the game on Sunday.",
    "Vireo+ dropped a teaser for Halcyon Drift season 2 alongside the date announcement.",
    "The new Halcyon Drift season 2 trailer teases a mutiny.",
    "In the Halcyon Drift season 2 trailer, the ship is stranded.",
    "The official trailer for Halcyon Drift season 2 is out now.",
    "Halcyon Drift season 2's first teaser has been viewed ten million times.",
]
TRAILER_NOT_OUT = [
    ("Vireo+ has not released a trailer for Halcyon Drift season 2.", "none"),
    ("There is no trailer for Halcyon Drift season 2 yet.", "none"),
    ("A trailer for Halcyon Drift season 2 is expected next month.", "none"),
    ("The Halcyon Drift season 2 trailer will drop next week.", "none"),
    ("A fan-made trailer for Halcyon Drift season 2 has gone viral.", "none"),
    ("The Halcyon Drift season 2 trailer was shown only to the audience in the hall.", "none"),
    ("Vireo+ released a teaser image for Halcyon Drift season 2.", "unmentioned"),
    ("Vireo+ shared first-look photos from Halcyon Drift season 2.", "unmentioned"),
]


@pytest.mark.parametrize("text", TRAILER_OUT)
def test_a_trailer_out_in_many_wordings(text: str) -> None:
    ex = read(article(text, headline="Halcyon Drift season 2", published=PUBLISHED), HALCYON)
    assert ex.trailer_status == "released"


@pytest.mark.parametrize(("text", "status"), TRAILER_NOT_OUT)
def test_no_trailer_out_in_many_wordings(text: str, status: str) -> None:
    ex = read(article(text, headline="Halcyon Drift season 2", published=PUBLISHED), HALCYON)
    assert ex.trailer_status == status


MOVES = [
    ("Halcyon Drift season 2 has been pushed back to October.", "2024-10", None),
    ("Vireo+ has delayed Halcyon Drift season 2 to October.", "2024-10", None),
    ("Halcyon Drift season 2 moves to October.", "2024-10", None),
    ("Halcyon Drift season 2 will now premiere in October.", "2024-10", None),
    ("The premiere of Halcyon Drift season 2 has been bumped to October.", "2024-10", None),
    ("Halcyon Drift season 2, previously due in June, now arrives in October.", "2024-10", "2024-06"),
    ("Halcyon Drift season 2 has been moved up to May 28 from June 4.", "2024-05-28", "2024-06-04"),
    ("Halcyon Drift season 2 is moving from June 4 to May 28.", "2024-05-28", "2024-06-04"),
    ("The June 4 premiere of Halcyon Drift season 2 has been pushed to October.", "2024-10", "2024-06-04"),
    ("Halcyon Drift season 2 will no longer premiere on June 4; it now debuts in October.", "2024-10", "2024-06-04"),
    ("After a delay, Halcyon Drift season 2 premieres in October.", "2024-10", None),
    ("Halcyon Drift season 2 was delayed twice and will now arrive in October.", "2024-10", None),
    ("Vireo+ has rescheduled Halcyon Drift season 2 for October 8.", "2024-10-08", None),
    ("Halcyon Drift season 2 shifts its premiere from June to October.", "2024-10", "2024-06"),
]


@pytest.mark.parametrize(("text", "now", "old"), MOVES)
def test_a_move_in_many_wordings(text: str, now: str, old: str | None) -> None:
    assert confirmed(text) == now
    if old:
        assert old in denied(text)


RELATIVE = [  # published Tuesday, March 12, 2024
    ("Halcyon Drift season 2 premieres next month.", "2024-04"),
    ("Halcyon Drift season 2 premieres this Friday.", "2024-03-15"),
    ("Halcyon Drift season 2 premieres tomorrow.", "2024-03-13"),
    ("Halcyon Drift season 2 premieres later this year.", "2024"),
    ("Halcyon Drift season 2 will premiere this summer.", "2024-22"),
    ("Halcyon Drift season 2 premieres on March 29.", "2024-03-29"),
    ("Halcyon Drift season 2 premieres on 29 March.", "2024-03-29"),
    ("Halcyon Drift season 2 premieres Friday, March 29.", "2024-03-29"),
    ("Halcyon Drift season 2 premieres on the 29th of March.", "2024-03-29"),
    ("Halcyon Drift season 2 premieres a fortnight on Friday.", "2024-03-29"),
    ("Halcyon Drift season 2 premieres on March 29th at 9pm ET.", "2024-03-29"),
    ("Halcyon Drift season 2 premieres in early April.", "2024-04"),
    ("Halcyon Drift season 2 premieres in the spring.", "2024-21"),
]


@pytest.mark.parametrize(("text", "when"), RELATIVE)
def test_dates_relative_to_the_page(text: str, when: str) -> None:
    assert confirmed(text) == when


SHARED_SENTENCES = [  # our title and another, each with a date: ours must be ours
    ("Glass Tide premieres May 2 and Halcyon Drift season 2 follows on June 4.", "2024-06-04"),
    ("Halcyon Drift season 2 arrives June 4, a month after Glass Tide opens on May 2.", "2024-06-04"),
    ("Vireo+ dated Glass Tide for May 2 and Halcyon Drift season 2 for June 4.", "2024-06-04"),
    ("While Glass Tide lands May 2, Halcyon Drift season 2 won't arrive until June 4.", "2024-06-04"),
    ("Halcyon Drift season 2 (June 4) and Glass Tide (May 2) lead the summer slate.", "2024-06-04"),
    ("Glass Tide gets May 2; Halcyon Drift season 2 gets June 4.", "2024-06-04"),
    ("Glass Tide will now open on May 2 instead of Halcyon Drift season 2, which moves to June 4.", "2024-06-04"),
    ("Halcyon Drift season 2 takes the June 4 slot, with Glass Tide moving to May 2.", "2024-06-04"),
]


@pytest.mark.parametrize(("text", "ours"), SHARED_SENTENCES)
def test_two_titles_two_dates(text: str, ours: str) -> None:
    assert confirmed(text) == ours


HEADLINES = [  # title case, no full stop: a headline states as much as a sentence
    ("Halcyon Drift Season 2 Sets June 4 Premiere", "2024-06-04"),
    ("Halcyon Drift Season 2 Premiere Date Revealed: June 4", "2024-06-04"),
    ("Halcyon Drift Season 2 Delayed to October", "2024-10"),
    ("Halcyon Drift Season 2 Won't Arrive Until 2025", "2025"),
    ("Halcyon Drift Season 2 Could Arrive in June, Star Hints", None),
    ("Is Halcyon Drift Season 2 Coming in June?", None),
    ("Halcyon Drift Season 2: Everything We Know So Far", None),
    ("Glass Tide Takes Halcyon Drift's June 4 Date", None),
]


@pytest.mark.parametrize(("headline", "want"), HEADLINES)
def test_headlines(headline: str, want: str | None) -> None:
    assert rules_call(read(article("More soon.", headline=headline, published=PUBLISHED), HALCYON)) == want
