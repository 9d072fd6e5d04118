"""Trailer status: released / none / unmentioned, with kind, URL and video id."""

from __future__ import annotations

import pytest

from premiere_watch.extract import extract, parse_page
from premiere_watch.model import Target

AOUAD = Target("All of Us Are Dead", 2, (), "tv")
FILM = Target("Arrival Point", None, (), "film")


def assert_trailer(body: str, status: str, none_or_unmentioned: bool = False) -> None:
    """``body`` as the article of a "what we know" page about All of Us Are Dead season 2 reads as
    ``status`` (with ``none_or_unmentioned``, "none" also accepts a page that says nothing)."""
    ex = extract(parse_page(page(body, "All of Us Are Dead season 2: what we know")), AOUAD)
    accepted = ("none", "unmentioned") if none_or_unmentioned and status == "none" else (status,)
    assert ex.trailer_status in accepted, ex.trailer_evidence


def page(body: str, headline: str) -> str:
    return (f"<html><head><meta property='article:published_time' content='2023-01-20'></head><body>"
            f"<main><article><h1>{headline}</h1>{body}</article></main></body></html>")


@pytest.mark.parametrize(
    ("body", "status", "kind"),
    [
        # An embed naming the title and season is proof.
        ("<p>Here it is.</p><iframe src='https://www.youtube.com/embed/abcdefghijk' "
         "title='All of Us Are Dead: Season 2 | Official Teaser | Netflix'></iframe>", "released", "teaser"),
        ("<p>Netflix released the first trailer for All of Us Are Dead season 2 on Monday.</p>",
         "released", "trailer"),
        ("<p>The network has not released any new teaser or trailer for the upcoming season.</p>", "none", ""),
        # The seed: only the first season's trailer is embedded.
        ("<p>The network has not released any new teaser or trailer for the upcoming season. In the meantime, "
         "check out the official trailer for the first season below.</p><iframe "
         "src='https://www.youtube.com/embed/IN5TD4VRcSM' title='All of Us Are Dead | Official Trailer | "
         "Netflix'></iframe>", "none", ""),
        ("<p>A season 1 trailer is still the only footage: watch the All of Us Are Dead season 1 trailer.</p>",
         "none", ""),
        ("<p>The first look was screened for reporters and has not been posted online.</p>", "none", ""),
        ("<p>All of Us Are Dead season 2 is in production in Seoul.</p>", "unmentioned", ""),
        # Talk of a trailer still to come means there is none yet.
        ("<p>The All of Us Are Dead season 2 teaser is set to drop next week.</p>", "none", ""),
    ],
)
def test_trailer_status(body: str, status: str, kind: str) -> None:
    ex = extract(parse_page(page(body, "All of Us Are Dead Season 2 news")), AOUAD)
    assert ex.trailer_status == status
    assert (ex.trailers[0].kind if ex.trailers else "") == kind


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # Another title opens the sentence: its trailer, not ours.
        ("<p>Arrival Point opens next month.</p><p>Meanwhile, Other Show dropped its first trailer.</p>", "none"),
        ("<p>Arrival Point: The Return released its trailer today.</p>", "none"),
        ("<p>Universal released the final trailer for Arrival Point on Tuesday.</p>", "released"),
        ("<p>Watch the trailer below.</p><iframe src='https://www.youtube.com/embed/abcdefghijk' "
         "title='YouTube video player'></iframe>", "released"),
        ("<p>Arrival Point footage was shown to exhibitors but has not been released online.</p>", "none"),
        # A title the page sets in italics once is that title in plain type: the caption is its teaser's.
        ("<p>Arrival Point opens in November.</p><p>Also coming: <i>Glass Tide</i> in October.</p>"
         "<h3>Watch</h3><p>Glass Tide — official teaser</p>", "none"),
        ("<p>Arrival Point opens in November.</p><p>Also coming: <i>Glass Tide</i> in October.</p>"
         "<h3>Watch</h3><p>Arrival Point — official teaser</p>", "released"),
    ],
)
def test_trailer_attribution(body: str, status: str) -> None:
    ex = extract(parse_page(page(body, "Arrival Point news")), FILM)
    assert ex.trailer_status == status


def test_embed_gives_url_and_video_id() -> None:
    body = ("<iframe src='https://www.youtube.com/embed/8zIf0XvoL9Y' title='Arrival Point | Teaser Trailer'>"
            "</iframe>")
    ex = extract(parse_page(page(body, "Arrival Point teaser")), FILM)
    assert ex.trailer_status == "released"
    t = ex.trailers[0]
    # The watch page fans open, not the player embed.
    assert (t.kind, t.video_id, t.url) == ("teaser", "8zIf0XvoL9Y", "https://www.youtube.com/watch?v=8zIf0XvoL9Y")
    assert ex.to_json()["trailer"]["url"] == t.url


def test_other_titles_trailer_in_the_article_means_none() -> None:
    body = ("<p>Arrival Point opens next month.</p><p>Meanwhile <strong>Other Show</strong> has a new trailer.</p>"
            "<iframe src='https://www.youtube.com/embed/Ba4sxM8f7sk' title='Other Show | Official Trailer'>"
            "</iframe>")
    ex = extract(parse_page(page(body, "What's new this month")), FILM)
    assert ex.trailer_status == "none"


def test_trailer_talk_only_in_the_sidebar_is_unmentioned() -> None:
    html = page("<p>Arrival Point opens next month.</p>", "Arrival Point date").replace(
        "</main>", "<aside class='rail'><ul><li><a href='/x'>Other Show trailer is here</a></li></ul></aside></main>")
    ex = extract(parse_page(html), FILM)
    assert ex.trailer_status == "unmentioned"


def test_no_trailer_yet_beats_a_vague_mention() -> None:
    body = ("<p>Arrival Point shows off a first trailer soon, the studio says.</p>"
            "<p>There is no trailer yet for Arrival Point.</p>")
    ex = extract(parse_page(page(body, "Arrival Point news")), FILM)
    assert ex.trailer_status == "none"


def test_a_title_page_is_only_about_its_own_title() -> None:
    html = ('<html><head><script type="application/ld+json">{"@type":"TVSeries","name":"The Last of Us"}'
            "</script></head><body><h1>The Last of Us</h1><p>Season 2 Official Trailer</p>"
            "<iframe src='https://www.youtube.com/embed/abcdefghijk' title='Season 2 Official Trailer'></iframe>"
            "</body></html>")
    assert extract(parse_page(html), Target("Us", None, (), "film")).trailer_status != "released"
    assert extract(parse_page(html), Target("The Last of Us", 2)).trailer_status == "released"


def test_trailer_talk_without_a_season_belongs_to_the_articles_season() -> None:
    body = "<p>The trailer shows the crew 930 years ahead. CBS released it on Tuesday.</p>"
    html = page(body, "All of Us Are Dead Season 3 Trailer Arrives")
    assert extract(parse_page(html), AOUAD).trailer_status == "none"
    assert extract(parse_page(html), Target("All of Us Are Dead", 3)).trailer_status == "released"



@pytest.mark.parametrize(("body", "status"), [
    # A video tile with its running time is a trailer one can play ...
    ("<div class='vid'><span>Trailer</span> <span>Arrival Point: Official French Trailer</span> <span>1:52</span>"
     "</div>", "released"),
    # ... a clock time is not a running time.
    ("<div class='vid'><span>Trailer</span> <span>Arrival Point trailer premiere</span> <span>at 9:30 PM</span>"
     "</div>", "none"),
    # A fan trailer is no trailer.
    ("<p>On the Arrival Point fan trailer: I watched it, and it is very good, which is why it fooled people.</p>",
     "none"),
    # "followed by" is no release: a generic campaign plan says nothing is out.
    ("<p>Arrival Point opens in July, and a Halloween teaser followed by an eight-month campaign is not a bad "
     "way to build a sequel.</p>", "none"),
])
def test_video_tiles_fan_trailers_and_followed_by(body: str, status: str) -> None:
    html = page(f"<p>Arrival Point is a thriller from Vireo Pictures.</p>{body}", "Arrival Point: what we know")
    ex = extract(parse_page(html), FILM)
    assert ex.trailer_status == status, ex.trailer_evidence


@pytest.mark.parametrize(("body", "status"), [
    # A question says neither ...
    ("<p>Is there a trailer for All of Us Are Dead season 2?</p>", "unmentioned"),
    ("<p>Is there a trailer for All of Us Are Dead season 2?</p><p>Not yet: Netflix has not released a trailer "
     "for All of Us Are Dead season 2.</p>", "none"),
    # ... "nothing beyond what's in the trailer" says the trailer is there ...
    ("<p>I have not seen a frame beyond what's in the trailer for All of Us Are Dead season 2.</p>", "released"),
    # ... and a plain "no trailer" is none.
    ("<p>I have not seen a frame of All of Us Are Dead season 2, and there is no trailer.</p>", "none"),
])
def test_questions_and_what_the_trailer_shows(body: str, status: str) -> None:
    assert_trailer(body, status)


def test_a_part_of_the_season_is_no_other_season() -> None:
    body = ("<p>All of Us Are Dead season 2 arrives in two parts.</p><p>Netflix's official trailer for Part 1 "
            "is out, and it leans on the school.</p>")
    ex = extract(parse_page(page(body, "All of Us Are Dead season 2 in two parts")), AOUAD)
    assert ex.trailer_status == "released", ex.trailer_evidence


@pytest.mark.parametrize(("body", "status"), [
    # A trailer "still to come" is not out, whatever arrived in the clause before ...
    ("<p>The first images of All of Us Are Dead season 2 arrived last week; the trailer is still to come.</p>",
     "none"),
    ("<p>The first trailer for All of Us Are Dead season 2 arrived last week.</p>", "released"),
    # ... a spinoff's teaser, named by its subtitle or as "the spinoff's", is the spinoff's ...
    ("<p>Netflix dated the spinoff 'All of Us Are Dead: Hallway' and released the spinoff's first teaser.</p>",
     "none"),
    ("<p>Watch: the teaser for 'All of Us Are Dead: Hallway' (Netflix)</p>", "none"),
    # ... but a season's own quoted name is the season.
    ("<p>Watch: the teaser for 'All of Us Are Dead: Season 2' (Netflix)</p>", "released"),
])
def test_trailers_still_to_come_and_spinoffs(body: str, status: str) -> None:
    assert_trailer(body, status)


def test_another_parts_trailer_is_that_parts() -> None:
    target = Target("Arrival Point: Part Two", None, (), "film")
    for line, status in (("Watch the final trailer for Part One.", "none"),
                         ("Watch the first trailer for Part Two.", "released")):
        html = page(f"<p>Arrival Point: Part Two opens Nov. 20, 2026.</p><p>{line}</p>", "Arrival Point: Part Two")
        ex = extract(parse_page(html), target)
        assert ex.trailer_status == status, (line, ex.trailer_evidence)


def test_a_negation_ends_at_is_that() -> None:
    body = ("<p>What is not a guess is that there is now some footage: Netflix put out a teaser for "
            "All of Us Are Dead season 2 on Monday.</p>")
    ex = extract(parse_page(page(body, "All of Us Are Dead season 2: what we know")), AOUAD)
    assert ex.trailer_status == "released", ex.trailer_evidence


@pytest.mark.parametrize(("body", "status"), [
    # A release in another clause past a semicolon is not the trailer's ...
    ("<p>First-look images from All of Us Are Dead season 2 were released in April; the trailer will follow "
     "nearer the premiere.</p>", "none"),
    # ... one in the trailer's own which-clause is.
    ("<p>The teaser for All of Us Are Dead season 2, which was attached to prints of another film in August, "
     "promised a release in March.</p>", "released"),
])
def test_a_release_past_a_semicolon_is_another_clauses(body: str, status: str) -> None:
    assert_trailer(body, status)


def test_a_trailer_that_hit_is_out() -> None:
    body = "<p>All of Us Are Dead season 2 has been building buzz since its trailer hit in June.</p>"
    ex = extract(parse_page(page(body, "All of Us Are Dead season 2: what we know")), AOUAD)
    assert ex.trailer_status == "released", ex.trailer_evidence


@pytest.mark.parametrize(("body", "status"), [
    # A label and its answer: "Trailer: none released" says there is none ...
    ("<p>All of Us Are Dead season 2 premieres in January.</p><p>Trailer: none released.</p>", "none"),
    ("<p>All of Us Are Dead season 2 premieres in January.</p><p>Teaser: not yet.</p>", "none"),
    # ... and a trailer word closing a clause before a colon is no label.
    ("<p>All of Us Are Dead season 2 gets a trailer: the new season is coming in June.</p>", "released"),
])
def test_a_labelled_answer(body: str, status: str) -> None:
    assert_trailer(body, status)


def test_a_player_in_a_modal_is_the_pages_video() -> None:
    # A "Watch trailer" button opens a modal holding the player; a cookie dialog holds none.
    body = ("<p>All of Us Are Dead season 2 is coming.</p><a class='btn' data-modal='t1'>Watch trailer</a>"
            "<div class='modal' id='t1'><iframe src='https://www.youtube.com/embed/abcdefghijk' "
            "title='ALL OF US ARE DEAD: SEASON 2 | Official Trailer'></iframe></div>"
            "<div class='cookie-modal'><p>We use cookies.</p></div>")
    ex = extract(parse_page(page(body, "All of Us Are Dead season 2: what we know")), AOUAD)
    assert ex.trailer_status == "released", ex.trailer_evidence
    assert ex.trailers[0].video_id == "abcdefghijk"


@pytest.mark.parametrize(("body", "status"), [
    # A trailer that is the subject of what it does ("gives", "ends on"), even past an appositive, exists ...
    ("<p>All of Us Are Dead season 2 is bleaker still; the trailer, all rain and sirens, gives a fair idea "
     "of how bleak.</p>", "released"),
    ("<p>All of Us Are Dead season 2 looks bigger. Its teaser ends on a school bell.</p>", "released"),
    ("<p>All of Us Are Dead season 2 looks bigger. Netflix's trailer, cut to a cover of an old hymn, "
     "lingers on the gym.</p>", "released"),
    # ... but not a trailer still to come, nor one the writer is waiting for ...
    ("<p>All of Us Are Dead season 2 looks bigger. The trailer, Netflix says, comes later this month.</p>",
     "none"),
    ("<p>All of Us Are Dead season 2 looks bigger. The trailer needs to show the new school.</p>", "none"),
    ("<p>All of Us Are Dead season 2 looks bigger. The trailer remains under wraps.</p>", "none"),
    # ... and a date announced with a teaser came with it.
    ("<p>Netflix announced the All of Us Are Dead season 2 date with a short teaser — twenty seconds of "
     "an empty corridor — and a poster.</p>", "released"),
    ("<p>Netflix announced the All of Us Are Dead season 2 date and said it would follow with a teaser.</p>",
     "none"),
])
def test_a_trailer_that_does_something_is_out(body: str, status: str) -> None:
    assert_trailer(body, status)


@pytest.mark.parametrize(("body", "status"), [
    # A question asks, even as a section's heading ...
    ("<p>All of Us Are Dead season 2 is coming.</p><h2>Is there a trailer for season 2?</h2>"
     "<p>Netflix has not said when the season starts.</p>", "unmentioned"),
    # ... a trailer not expected, or that would not be released, until later is not out ...
    ("<p>All of Us Are Dead season 2 is coming. A first trailer is not expected until the winter.</p>", "none"),
    ("<p>All of Us Are Dead season 2 is coming; a publicist said its first trailer would not be released "
     "until June.</p>", "none"),
    # ... one that only a room saw, and nobody released, is not out ...
    ("<p>Exhibitors saw a two-minute All of Us Are Dead season 2 teaser in April, and the reactions were "
     "glowing, but Netflix hasn't released it online.</p>", "none"),
    # ... while a release the sentence affirms still counts.
    ("<p>Netflix released the first All of Us Are Dead season 2 teaser, which it had not shown to "
     "anyone before.</p>", "released"),
    ("<p>Critics saw the All of Us Are Dead season 2 teaser in April, and Netflix released it online a "
     "week later.</p>", "released"),
])
def test_a_trailer_asked_about_expected_or_seen_in_a_room(body: str, status: str) -> None:
    assert_trailer(body, status)


@pytest.mark.parametrize(("body", "status"), [
    # "May" the month is no "may" of a trailer still to come ...
    ("<p>All of Us Are Dead season 2 is coming. Netflix's teaser arrived at its fan event at the end of May.</p>",
     "released"),
    # ... while the modal is.
    ("<p>All of Us Are Dead season 2 is coming. A teaser may arrive at the fan event.</p>", "none"),
])
def test_the_month_may_is_no_modal(body: str, status: str) -> None:
    assert_trailer(body, status)


@pytest.mark.parametrize(("body", "status"), [
    # A network that ran or aired a teaser put it out, whatever the sentence says of the season ...
    ("<p>The network confirmed that All of Us Are Dead season 2 will arrive in summer and ran a 40-second "
     "teaser for it straight after the episode.</p>", "released"),
    # ... and a streamed promotional video is out ...
    ("<p>All of Us Are Dead season 2 is coming. The site also streamed the season's second promotional "
     "video (PV), which previews the new opening theme.</p>", "released"),
    # ... and the reader's "if you haven't seen" negates nothing about the trailer.
    ("<p>All of Us Are Dead season 2 is coming. If you haven't seen the final trailer Netflix released in "
     "February, it sells the season as a siege.</p>", "released"),
    # But a network that will run one has not.
    ("<p>The network confirmed that All of Us Are Dead season 2 will arrive in summer and will run a "
     "teaser after the finale.</p>", "none"),
    ("<p>All of Us Are Dead season 2 is coming, and Netflix hasn't released the final trailer.</p>", "none"),
])
def test_a_teaser_ran_streamed_or_not_yet_seen_by_the_reader(body: str, status: str) -> None:
    assert_trailer(body, status)


@pytest.mark.parametrize(("body", "status"), [
    # A present-tense release with a day still to come is a schedule ...
    ("<p>All of Us Are Dead season 2 is coming. Netflix says the official trailer drops on Friday.</p>", "none"),
    ("<p>All of Us Are Dead season 2 is coming. The teaser lands next Tuesday.</p>", "none"),
    ("<p>All of Us Are Dead season 2 is coming. The teaser arrives tomorrow on YouTube.</p>", "none"),
    # ... a past one is out.
    ("<p>All of Us Are Dead season 2 is coming. Netflix dropped the official trailer on Friday.</p>",
     "released"),
])
def test_a_trailer_that_drops_on_a_day_to_come(body: str, status: str) -> None:
    assert_trailer(body, status)


@pytest.mark.parametrize(("body", "status"), [
    # Trailer talk naming no title goes on with the sentence before it, into a new paragraph ...
    ("<p>The harbour town has a new claim to fame, and the pub is busier than ever.</p><p>Coastal drama All of Us "
     "Are Dead returns for season 2 on Sunday.</p><p>The channel released the first trailer on Tuesday, and "
     "viewers have already spotted the harbour pub.</p>", "released"),
    # ... but not after a sentence about another title, nor when it names one itself.
    ("<p>The harbour town has a new claim to fame, and the pub is busier than ever.</p><p>Coastal drama All of Us "
     "Are Dead returns for season 2 on Sunday.</p><p>Meanwhile, Glass Tide starts a week later on Vireo+.</p>"
     "<p>The channel released the first trailer on Tuesday.</p>", "none"),
    ("<p>The harbour town has a new claim to fame, and the pub is busier than ever.</p><p>Coastal drama All of Us "
     "Are Dead returns for season 2 on Sunday.</p><p>The channel released the first trailer for Glass Tide on "
     "Tuesday.</p>", "none"),
])
def test_trailer_talk_goes_on_with_the_thread(body: str, status: str) -> None:
    ex = extract(parse_page(page(body, "Harbour town's TV moment")), AOUAD)
    assert ex.trailer_status == status, ex.trailer_evidence


@pytest.mark.parametrize(("card", "status"), [
    # A title card's "Watch trailer" control plays that title's trailer ...
    ("<h2>Arrival Point</h2><p>Opens Fri 20 Feb.</p><div class='actions'><a href='/film/arrival-point#book'>Book "
     "now</a><a class='js-trailer' href='#' data-video='https://video.cinema.example/arrival-point.mp4'>Watch "
     "trailer</a></div>", "released"),
    ("<h2>Arrival Point</h2><p>Opens Fri 20 Feb. <a href='#' class='trailer-link'>▶ Watch trailer</a></p>",
     "released"),
    # ... another card's plays another's, and "Trailer coming soon" plays nothing.
    ("<h2>Arrival Point</h2><p>Opens Fri 20 Feb.</p><span class='btn--disabled'>Trailer coming soon</span>"
     "<h2>Glass Tide</h2><p>Opens Fri 6 Mar.</p><a href='#' data-video='/glass-tide.mp4'>Watch trailer</a>",
     "none"),
])
def test_a_cards_watch_trailer_control(card: str, status: str) -> None:
    html = (f"<html><body><main><h1>Coming soon at the Rialto</h1>{card}</main></body></html>")
    ex = extract(parse_page(html), FILM)
    assert ex.trailer_status == status, ex.trailer_evidence


def test_a_title_pages_own_trailer_controls() -> None:
    # A streamer's title page lists its videos under "Trailers & Extras", named by season only.
    html = ("<html><head><title>All of Us Are Dead | Watch on Vireo+</title><script type='application/ld+json'>"
            '{"@context": "https://schema.org", "@type": "TVSeries", "name": "All of Us Are Dead"}</script>'
            "</head><body><main>"
            "<h1>All of Us Are Dead</h1><p>Season 2 · Coming January 31 · Horror · 12 episodes</p>"
            "<h2>Trailers &amp; Extras</h2><a href='/video/aouad-s2'><span>Season 2 Official Trailer</span>"
            "<span>2:18</span></a><a href='/video/aouad-s1'><span>Season 1 Trailer</span><span>1:57</span></a>"
            "</main></body></html>")
    ex = extract(parse_page(html), AOUAD)
    assert ex.trailer_status == "released", ex.trailer_evidence
    assert ex.trailers[0].name.endswith("Season 2 Official Trailer2:18")


@pytest.mark.parametrize(("row", "status"), [
    # A listing row's own "Watch trailer" link, under a day heading, is the row's title's ...
    ("<li><span>All of Us Are Dead</span> <span>Season 2 · All episodes</span> <a href='/v/1'>▶ Watch the "
     "Season 2 trailer</a></li>", "released"),
    # ... another season's is not, nor another title's row.
    ("<li><span>All of Us Are Dead</span> <span>Season 1 · All episodes</span> <a href='/v/1'>▶ Watch the "
     "Season 1 trailer</a></li>", "none"),
    ("<li><span>Glass Tide</span> <span>Series · All episodes</span> <a href='/v/2'>Watch trailer</a></li>"
     "<li><span>All of Us Are Dead</span> <span>Season 2 · January 31</span></li>", "none"),
])
def test_a_listing_rows_trailer_control(row: str, status: str) -> None:
    html = (f"<html><body><main><h1>Coming soon on Vireo+</h1><h2>Jan. 16</h2><ul>{row}</ul></main></body></html>")
    ex = extract(parse_page(html), AOUAD)
    assert ex.trailer_status in ((status,) if status == "released" else ("none", "unmentioned")), ex.trailer_evidence


@pytest.mark.parametrize(("body", "status"), [
    # Videos "called" a trailer that the page says are fan edits are no release ...
    ("<p>All of Us Are Dead season 2 has no date. YouTube is full of videos called things like \"ALL OF US ARE "
     "DEAD Season 2 Official Trailer\". They are fan edits of season-one footage.</p>", "none"),
    # ... and so is one "stitched together" from old clips, "not from Netflix" ...
    ("<p>All of Us Are Dead season 2 has no date. A video titled \"ALL OF US ARE DEAD Season 2 Official Trailer\" "
     "has racked up views this month, but it is stitched together from old clips, and it is not from "
     "Netflix.</p>", "none"),
    # ... a film's trailer on a page about a series' season is some film's ...
    ("<p>All of Us Are Dead season 2 star Park Ji-hu has been busy. She wrapped the romantic comedy Two Weeks "
     "in Positano this fall, and the film is due in theaters in February, with a first trailer that hit the "
     "internet last week.</p>", "none"),
    # ... and "the first trailer for Night Shift" is Night Shift's, whatever else the sentence names.
    ("<p>All of Us Are Dead season 2 is on hold. Netflix put out the first trailer for Night Shift on Monday, "
     "and it leans hard on the All of Us Are Dead school.</p>", "none"),
    ("<p>All of Us Are Dead season 2 is coming. Netflix put out the first trailer for All of Us Are Dead "
     "season 2 on Monday, and it leans hard on the school.</p>", "released"),
])
def test_fan_edits_films_and_trailers_named_for_another(body: str, status: str) -> None:
    assert_trailer(body, status, none_or_unmentioned=True)


@pytest.mark.parametrize(("body", "status"), [
    # A release in a condition has not happened ...
    ("<p>All of Us Are Dead season 2 is renewed. If the studio does put out a real teaser, I'll update "
     "this post the same day.</p>", "none"),
    ("<p>All of Us Are Dead season 2 is renewed. Once Netflix releases a teaser, we will embed it here.</p>",
     "none"),
    # ... one told in the past, after "when", has.
    ("<p>All of Us Are Dead season 2 is coming. When Netflix put out the teaser in March, fans counted the "
     "zombies.</p>", "released"),
])
def test_a_release_in_a_condition(body: str, status: str) -> None:
    assert_trailer(body, status, none_or_unmentioned=True)


@pytest.mark.parametrize(("headline", "items", "status"), [
    # A title's entry page lists its videos by kind ...
    ("Arrival Point (2025)", "<li><img src='t.jpg' alt=''><span>Teaser Trailer</span></li><li><span>Official "
     "Trailer</span></li>", "released"),
    # ... an article's video list, or an entry's list of another season's, does not say it is out.
    ("Arrival Point and five other films to watch", "<li><span>Official Trailer</span></li>", "none"),
])
def test_an_entry_pages_video_list(headline: str, items: str, status: str) -> None:
    html = (f"<html><body><main><h1>{headline}</h1><p>Directed by Ana Ruiz. Arrival Point opens in December.</p>"
            f"<h2>Videos</h2><ul>{items}</ul></main></body></html>")
    ex = extract(parse_page(html), FILM)
    assert ex.trailer_status in ((status,) if status == "released" else ("none", "unmentioned")), ex.trailer_evidence


@pytest.mark.parametrize(("body", "status"), [
    # A question quoted after a colon leaves the statement before it standing ...
    ("<p>All of Us Are Dead season 2 is coming. Netflix has released a full trailer, which leans on the "
     "question: what if the school never reopened?</p>", "released"),
    # ... "if you've seen the trailer" tells of one there is ...
    ("<p>All of Us Are Dead season 2 is coming. If you've seen the trailer, you know the school burns.</p>",
     "released"),
    # ... and a headline's "trailer to debut June 10" is one still to come.
    ("<h2>All of Us Are Dead season 2: official trailer to debut June 10</h2><p>Netflix set the date.</p>", "none"),
])
def test_quoted_questions_seen_trailers_and_headline_futures(body: str, status: str) -> None:
    assert_trailer(body, status)


@pytest.mark.parametrize(("body", "status"), [
    # A teaser that played at a convention or before a film in cinemas has been shown: it is out ...
    ("<p>All of Us Are Dead season 2 is coming. The only look so far is the teaser that played at Comic-Con in "
     "July, which Netflix also put online that weekend, and a full trailer is promised closer to launch.</p>",
     "released"),
    ("<p>All of Us Are Dead season 2 is coming. Its teaser played before Deadpool & Wolverine in cinemas.</p>",
     "released"),
    # ... and one that plays after another film's end credits in every theater is attached to it;
    ("<p>All of Us Are Dead season 2 is coming. A teaser plays after Pearl's end credits in every theater.</p>",
     "released"),
    # ... one that will be played there is not yet.
    ("<p>All of Us Are Dead season 2 is coming. A teaser will be played at Comic-Con in July.</p>", "none"),
    ("<p>All of Us Are Dead season 2 is coming. A teaser will play after Pearl in theaters.</p>", "none"),
])
def test_a_teaser_that_played_at_an_event(body: str, status: str) -> None:
    assert_trailer(body, status)


@pytest.mark.parametrize(("body", "status"), [
    # A contrast's "not" negates its own phrase, not the trailer after it ...
    ("<h2>All of Us Are Dead season 2 heads to cinemas, not streaming, as first trailer drops</h2>"
     "<p>Netflix set the date.</p>", "released"),
    # ... a trailer that was cut and is being held back is not out ...
    ("<p>All of Us Are Dead season 2 is coming. A trailer had been cut for a summer launch; Netflix is holding it "
     "back, and it will not go out until the campaign restarts.</p>", "none"),
    # ... and a page that asks whether the trailer going round is real does not vouch for it.
    ("<h2>Is this All of Us Are Dead season 2 trailer real??</h2><p>Someone in my group chat sent me this: "
     "\"All of Us Are Dead Season 2 – Official Trailer | Netflix\".</p>", "none"),
    # (a trailer out, named so, still is)
    ("<h2>All of Us Are Dead season 2: the trailer is real, and it is out now</h2><p>Netflix released it.</p>",
     "released"),
])
def test_contrasts_trailers_held_back_and_doubted(body: str, status: str) -> None:
    assert_trailer(body, status, none_or_unmentioned=True)


@pytest.mark.parametrize(("body", "status"), [
    # A teaser shown to a room and then put online is out ...
    ("<p>All of Us Are Dead season 2 is coming. A teaser played to the crowd in the arena and went online shortly "
     "afterwards.</p>", "released"),
    # ... a teaser that is out stands beside "a full trailer will follow", whatever else names footage ...
    ("<p>All of Us Are Dead season 2 is coming. A teaser for the season was released in July. It remains the only "
     "footage released for the season; Netflix has said a full trailer will follow.</p>", "released"),
    # ... and a title page's "Season 2 — Official Trailer, 2 min" card under "Trailers" is a video of it.
    ("<h2>Trailers</h2><ul><li>Season 2 — Official Trailer, 2 min</li><li>Season 1 — Official Trailer, 2 min</li>"
     "</ul>", "released"),
])
def test_teasers_shown_then_put_online_and_trailer_cards(body: str, status: str) -> None:
    title_page = ("<html><body><main><h1>All of Us Are Dead</h1><p>Season 2 premieres March 6.</p>"
                  f"{body}</main></body></html>")
    html = title_page if body.startswith("<h2>") else page(body, "All of Us Are Dead season 2: what we know")
    ex = extract(parse_page(html), AOUAD)
    assert ex.trailer_status == status, ex.trailer_evidence


@pytest.mark.parametrize(("body", "status"), [
    # A trailer going round that the page unmasks as another show's footage re-cut is no release ...
    ("<p>All of Us Are Dead season 2 premieres in March. Somebody already posted an \"All of Us Are Dead season 2 "
     "official trailer\" video. It's just Duty After School footage with new music.</p>", "none"),
    # ... while footage "of the new season" in a trailer that is out is its own.
    ("<p>All of Us Are Dead season 2 premieres in March. Netflix released the official trailer today. It's just "
     "two minutes of footage from the new season, and it is grim.</p>", "released"),
])
def test_a_trailer_unmasked_as_old_footage(body: str, status: str) -> None:
    assert_trailer(body, status, none_or_unmentioned=True)


@pytest.mark.parametrize(("body", "status"), [
    # "someone sweeps up most of it" in a teaser's description is no one posting a video ...
    ("<p>Netflix posted a ten-second teaser for All of Us Are Dead season 2 on Monday: a glass shatters, someone "
     "sweeps up most of it, and one shard slides back. Fan-made \"trailers\" have circulated for years; this is "
     "the first footage from the studio.</p>", "released"),
    # ... while "someone posted" a trailer the page calls fan-made is the fake one.
    ("<p>All of Us Are Dead season 2 premieres in March. Someone on another board posted an \"official trailer\" "
     "for it. That video is fan-made.</p>", "none"),
])
def test_someone_who_posts_a_video(body: str, status: str) -> None:
    assert_trailer(body, status, none_or_unmentioned=True)


@pytest.mark.parametrize(("body", "status"), [
    # "the first trailer for Wright's film" is the film the page is about, described by its maker ...
    ("<p>Netflix has moved All of Us Are Dead season 2 to March. Netflix released the first trailer for Lee's "
     "show earlier this month.</p>", "released"),
    # ... and the teaser released "for it" after a third season is announced is that season's, whatever
    # season's finale the sentence opens with.
    ("<p>Right after the final episode of All of Us Are Dead season 1 aired on Sunday, Netflix announced that a "
     "second season is in production and released a short teaser for it.</p>", "released"),
])
def test_whose_trailer_a_description_names(body: str, status: str) -> None:
    assert_trailer(body, status)


@pytest.mark.parametrize(("body", "status"), [
    # Ways of saying a trailer is out: a phrasal "put ... out", a which-clause, "online for months",
    # "published" ...
    ("<p>All of Us Are Dead season 2 starts this Sunday. Netflix put the full trailer out on Tuesday.</p>",
     "released"),
    ("<p>All of Us Are Dead season 2 starts this Sunday. The trailer, which landed in November, was good.</p>",
     "released"),
    ("<p>All of Us Are Dead season 2 starts this Sunday. Netflix's trailer, online for some months now, leans on "
     "the music.</p>", "released"),
    ("<p>All of Us Are Dead season 2 starts this Sunday. Netflix published the full trailer yesterday.</p>",
     "released"),
    # ... "a first teaser for the Brazilian market" is the title's, for a market ...
    ("<p>All of Us Are Dead season 2 starts this Sunday. Netflix released a first teaser for the Brazilian market "
     "last week.</p>", "released"),
    # ... and a trailer that is only promised still is not out.
    ("<p>All of Us Are Dead season 2 starts this Sunday. Netflix will put the full trailer out on Tuesday.</p>",
     "none"),
])
def test_ways_of_saying_a_trailer_is_out(body: str, status: str) -> None:
    assert_trailer(body, status, none_or_unmentioned=True)


def test_a_trailers_section_listing_what_is_out() -> None:
    # "Trailers" / "Out now: All of Us Are Dead season 2 · Wolf Man · Companion": each one's trailer is out.
    html = page("<p>All of Us Are Dead season 2 arrives Jan. 10.</p><h2>Trailers</h2><p>Out now: All of Us Are Dead "
                "season 2 · Wolf Man · Companion · Dog Man</p>", "Every show arriving in January")
    assert extract(parse_page(html), AOUAD).trailer_status == "released"
