"""Reconciliation rules, as scenarios: reads of documents over time -> events a fan gets."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import pytest

from premiere_watch.dates import FuzzyDate
from premiere_watch.facts import Facts, Read, StoredObservation, extraction_from_json, extraction_to_json
from premiere_watch.model import DateClaim, Event, Extraction, Target, Trailer
from premiere_watch.reconcile import diff, reconcile, trailer_key
from premiere_watch.store import HISTORY_LIMIT

NARCOS = Target("Narcos", season=2, aliases=("Narcos: Mexico",))
START = dt.datetime(2025, 3, 2, 9, tzinfo=dt.UTC)  # after every publication date below
HISTORY = HISTORY_LIMIT  # what the store keeps


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def extraction(
    confirmed: str | None = None, *, published: str | None = None, tentative: tuple[str, ...] = (),
    denied: tuple[str, ...] = (), trailers: tuple[Trailer, ...] = (), evidence: str = "",
    trailer_status: str = "unmentioned",
) -> Extraction:
    def claim(iso: str, status: str) -> DateClaim:
        return DateClaim(FuzzyDate.parse(iso), status, evidence or f"{status} {iso}")  # type: ignore[arg-type]

    return Extraction(
        target=NARCOS, published=day(published) if published else None,
        confirmed=claim(confirmed, "confirmed") if confirmed else None,
        tentative=[claim(t, "tentative") for t in tentative],
        denied=[claim(d, "denied") for d in denied],
        trailers=list(trailers), trailer_status=trailer_status,  # type: ignore[arg-type]
    )


@dataclass
class World:
    """What the store does for reconcile, in memory: latest read per document + history."""

    facts: Facts | None = field(default_factory=Facts)  # an existing watch that knows nothing
    now: dt.datetime = START
    observations: dict[tuple[str, str], StoredObservation] = field(default_factory=dict)
    log: list[Event] = field(default_factory=list)
    announce_existing: bool = True

    def read(self, doc: str, confirmed: str | None = None, *, source: str | None = None,
             structured: bool = False, hours: float = 6, **kw: object) -> list[Event]:
        """One successful read of ``doc`` saying ``confirmed`` (and more), then a pass."""
        self.now += dt.timedelta(hours=hours)
        ex = extraction(confirmed, **kw)  # type: ignore[arg-type]
        key = (source or doc, doc)
        old = self.observations.get(key)
        self.observations[key] = self._observe(key, ex, structured, old)
        return self.settle()

    def unchanged(self, doc: str, *, source: str | None = None, hours: float = 6) -> list[Event]:
        """A 304: the same content read once more."""
        self.now += dt.timedelta(hours=hours)
        key = (source or doc, doc)
        old = self.observations[key]
        self.observations[key] = self._observe(key, old.extraction, old.structured, old)
        return self.settle()

    def forget(self, doc: str, *, source: str | None = None) -> list[Event]:
        """The document no longer mentions the title (or the source was removed)."""
        del self.observations[(source or doc, doc)]
        return self.settle()

    def _observe(self, key: tuple[str, str], ex: Extraction, structured: bool,
                 old: StoredObservation | None) -> StoredObservation:
        read = Read(self.now, ex.confirmed.date.iso() if ex.confirmed else None,
                    tuple(d.date.iso() for d in ex.denied))
        history = ((*old.history, read) if old else (read,))[-HISTORY:]
        return StoredObservation(key[0], key[1], NARCOS.key, ex, structured,
                                 old.first_seen if old else self.now, self.now, history)

    def settle(self) -> list[Event]:
        current = reconcile(list(self.observations.values()), self.facts, self.now)
        events = diff(self.facts, current, NARCOS, announce_existing=self.announce_existing)
        # What the store does: round-trip through JSON between passes.
        self.facts = Facts.from_json(current.to_json())
        self.log += events
        return events

    @property
    def premiere(self) -> str | None:
        assert self.facts is not None
        return self.facts.premiere.iso() if self.facts.premiere else None


def kinds(events: list[Event]) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.kind, e.old, e.new, e.change) for e in events]


# -- official vs rumour ------------------------------------------------------------


def test_rumour_only_makes_no_fact_but_a_rumour_event() -> None:
    w = World()
    events = w.read("https://news.example/a", tentative=("2025-23",), published="2024-12-01")
    assert w.premiere is None
    assert kinds(events) == [("rumour", None, "2025-23", "")]
    assert w.read("https://news.example/b", tentative=("2025-23",)) == []  # same window: quiet


def test_official_appears_once() -> None:
    w = World()
    w.read("https://news.example/a", tentative=("2025",))
    events = w.read("https://news.example/b", "2025-03-14", published="2025-01-10")
    assert kinds(events) == [("premiere_announced", None, "2025-03-14", "")]
    assert events[0].source_url == "https://news.example/b"
    assert events[0].evidence == "confirmed 2025-03-14"
    assert w.facts is not None and w.facts.premiere_status == "confirmed"


def test_rumour_does_not_move_an_official_date() -> None:
    w = World()
    w.read("https://netflix.example/narcos", "2025-03-14", published="2025-01-10")
    events = w.read("https://gossip.example/x", tentative=("2025-05",), published="2025-02-01")
    assert w.premiere == "2025-03-14"
    assert kinds(events) == [("rumour", None, "2025-05", "")]
    # A rumour agreeing with the official date is no news.
    assert w.read("https://gossip.example/y", tentative=("2025-03",), published="2025-02-02") == []


@pytest.mark.parametrize("announce", [True, False])
def test_brand_new_watch_whose_date_already_exists(announce: bool) -> None:
    w = World(facts=None, announce_existing=announce)
    events = w.read("https://netflix.example/narcos", "2025-03-14", published="2025-01-10")
    assert kinds(events) == ([("premiere_announced", None, "2025-03-14", "already")] if announce
                             else [])
    assert w.premiere == "2025-03-14"
    assert w.read("https://news.example/n", "2025-03-14", published="2025-01-11") == []


# -- no noise ----------------------------------------------------------------------


def test_same_fact_again_reworded_or_elsewhere_is_quiet() -> None:
    w = World()
    w.read("https://a.example/1", "2025-03-14", published="2025-01-10", evidence="On March 14.")
    assert w.read("https://a.example/1", "2025-03-14", published="2025-01-10") == []
    assert w.read("https://a.example/1", "2025-03-14", published="2025-01-10",
                  evidence="Premieres Friday, March 14!") == []
    assert w.read("https://b.example/2", "2025-03-14", published="2025-01-12") == []
    assert w.unchanged("https://a.example/1") == []
    assert w.facts is not None
    assert w.facts.supporting == ["https://a.example/1", "https://b.example/2"]


def test_vanishing_and_returning_source_neither_withdraws_nor_realerts() -> None:
    w = World()
    w.read("https://a.example/1", "2025-03-14", published="2025-01-10")
    assert w.forget("https://a.example/1") == []
    assert w.premiere == "2025-03-14"
    assert w.facts is not None and w.facts.premiere_status == "confirmed"
    # The page now says nothing about the title: still no withdrawal.
    assert w.read("https://a.example/1", published="2025-01-20") == []
    assert w.premiere == "2025-03-14"
    assert w.read("https://a.example/1", "2025-03-14", published="2025-01-10") == []


# -- moves, refinements, precision -------------------------------------------------


@pytest.mark.parametrize(("new", "change"), [("2025-05-02", "later"), ("2025-02-07", "earlier"),
                                             ("2026", "later")])
def test_newer_official_source_moves_the_date(new: str, change: str) -> None:
    w = World()
    w.read("https://a.example/1", "2025-03-14", published="2025-01-10")
    events = w.read("https://b.example/2", new, published="2025-02-01")
    assert kinds(events) == [("premiere_changed", "2025-03-14", new, change)]
    assert w.facts is not None and w.facts.pending is None
    assert w.facts.source_url == "https://b.example/2"


def test_refinements_are_changes() -> None:
    w = World()
    w.read("https://a.example/1", "2025", published="2024-06-01")
    e1 = w.read("https://a.example/2", "2025-03", published="2024-10-01")
    e2 = w.read("https://a.example/3", "2025-03-14", published="2025-01-10")
    assert kinds(e1 + e2) == [("premiere_changed", "2025", "2025-03", "refined"),
                              ("premiere_changed", "2025-03", "2025-03-14", "refined")]


def test_a_refinement_from_an_older_document_contradicts_nothing() -> None:
    w = World()
    w.read("https://a.example/new", "2025-03", published="2025-02-01")
    events = w.read("https://a.example/old", "2025-03-14", published="2025-01-05")
    assert kinds(events) == [("premiere_changed", "2025-03", "2025-03-14", "refined")]


@pytest.mark.parametrize("coarser", ["2025", "2025-03", "2025-21", "2025-33"])
def test_less_precise_restatement_is_not_a_change(coarser: str) -> None:
    w = World()
    w.read("https://a.example/1", "2025-03-14", published="2025-01-10")
    assert w.read("https://b.example/2", coarser, published="2025-02-20") == []
    assert w.premiere == "2025-03-14"
    assert w.facts is not None and "https://b.example/2" in w.facts.supporting


def test_older_second_source_with_old_date_changes_nothing() -> None:
    w = World()
    w.read("https://a.example/new", "2025-05-02", published="2025-02-01")
    assert w.read("https://b.example/old", "2025-03-14", published="2025-01-10") == []
    assert w.premiere == "2025-05-02"


def test_stale_article_repeating_old_date_does_not_undo_a_newer_change() -> None:
    w = World()
    w.read("https://a.example/jan", "2025-03-14", published="2025-01-10")
    assert kinds(w.read("https://b.example/feb", "2025-05-02", published="2025-02-01")) == [
        ("premiere_changed", "2025-03-14", "2025-05-02", "later")]
    # The January article is fetched again (fetch order is not publication order).
    assert w.read("https://a.example/jan", "2025-03-14", published="2025-01-10") == []
    # Even when the newer article disappears, the fact keeps its age.
    assert w.forget("https://b.example/feb") == []
    assert w.read("https://a.example/jan", "2025-03-14", published="2025-01-10") == []
    assert w.premiere == "2025-05-02"


def test_newer_restatement_makes_the_fact_newer() -> None:
    w = World()
    w.read("https://a.example/1", "2025-03-14", published="2025-01-10")
    w.read("https://c.example/3", "2025-03-14", published="2025-02-10")
    # Published between the two: stale against the restatement.
    assert w.read("https://b.example/2", "2025-05-02", published="2025-02-01") == []
    assert w.premiere == "2025-03-14"


# -- structured sources ------------------------------------------------------------


@pytest.mark.parametrize("api_first", [True, False])
def test_structured_source_beats_article_of_same_age(api_first: bool) -> None:
    w = World(facts=None, announce_existing=False)
    w.now = dt.datetime(2025, 2, 1, 1, tzinfo=dt.UTC)
    def api() -> None:
        w.read("https://api.example/shows/1", "2025-04-04", structured=True, hours=1)

    def article() -> None:
        w.read("https://news.example/a", "2025-03-14", published="2025-02-01", hours=1)

    for read in (api, article) if api_first else (article, api):
        read()
    assert w.premiere == "2025-04-04"
    assert w.facts is not None and w.facts.structured


def test_structured_source_change_is_trusted_at_once() -> None:
    w = World()
    w.read("https://api.example/shows/1", "2025-04-04", structured=True)
    events = w.read("https://api.example/shows/1", "2025-04-11", structured=True, hours=24)
    assert kinds(events) == [("premiere_changed", "2025-04-04", "2025-04-11", "later")]


# -- anti-flap ---------------------------------------------------------------------


def test_undated_page_change_needs_a_second_read() -> None:
    w = World()
    w.read("https://site.example/narcos", "2025-03-14")
    assert w.read("https://site.example/narcos", "2025-05-02") == []
    assert w.premiere == "2025-03-14"
    assert w.facts is not None and w.facts.pending is not None
    assert w.facts.pending.date.iso() == "2025-05-02"
    events = w.unchanged("https://site.example/narcos")  # a 304 is a second read
    assert kinds(events) == [("premiere_changed", "2025-03-14", "2025-05-02", "later")]
    assert w.facts.pending is None


@pytest.mark.parametrize("pattern", ["ABABABAB", "ABBAABBA", "ABBBAAAB", "AABABBAB"])
def test_ab_flapping_page_never_alerts_back_and_forth(pattern: str) -> None:
    dates = {"A": "2025-03-14", "B": "2025-05-02"}
    w = World()
    for letter in pattern:
        w.read("https://cdn.example/narcos", dates[letter], hours=1)
    changes = [e for e in w.log if e.kind != "premiere_announced"]
    # At most one move (to B once B has been read twice in a row), never back.
    assert len(changes) <= 1
    assert all(e.new == dates["B"] for e in changes)


def test_two_sources_agreeing_on_an_undated_change_are_trusted() -> None:
    w = World()
    w.read("https://a.example/p", "2025-03-14")
    w.read("https://a.example/p", "2025-05-02", hours=1)
    events = w.read("https://b.example/q", "2025-05-02", hours=1)
    assert kinds(events) == [("premiere_changed", "2025-03-14", "2025-05-02", "later")]


def test_newer_published_article_bypasses_the_hold() -> None:
    w = World()
    w.read("https://site.example/narcos", "2025-03-14", published="2025-01-10")
    events = w.read("https://news.example/x", "2025-05-02", published="2025-02-01")
    assert kinds(events) == [("premiere_changed", "2025-03-14", "2025-05-02", "later")]


# -- denials -----------------------------------------------------------------------


def test_denial_without_replacement_withdraws_the_date() -> None:
    w = World()
    w.read("https://a.example/1", "2025-03-14", published="2025-01-10")
    events = w.read("https://b.example/2", denied=("2025-03-14",), published="2025-02-01")
    assert kinds(events) == [("premiere_postponed", "2025-03-14", None, "withdrawn")]
    assert w.facts is not None and w.facts.premiere_status == "withdrawn"
    assert w.facts.source_url == "https://b.example/2"
    # The old article again, a failure, a vanishing denial: all quiet.
    assert w.read("https://a.example/1", "2025-03-14", published="2025-01-10") == []
    assert w.forget("https://b.example/2") == []
    assert w.facts.premiere_status == "withdrawn"
    # Then a new date.
    events = w.read("https://c.example/3", "2025-06-06", published="2025-03-01")
    assert kinds(events) == [("premiere_announced", "2025-03-14", "2025-06-06", "rescheduled")]


def test_denial_with_replacement_is_a_move() -> None:
    w = World()
    w.read("https://a.example/1", "2025-03-14", published="2025-01-10")
    events = w.read("https://b.example/2", "2025-05-02", denied=("2025-03-14",),
                    published="2025-02-01")
    assert kinds(events) == [("premiere_changed", "2025-03-14", "2025-05-02", "later")]


def test_denial_of_a_whole_window_withdraws_a_date_in_it() -> None:
    w = World()
    w.read("https://a.example/1", "2025-03-14", published="2025-01-10")
    events = w.read("https://b.example/2", denied=("2025",), published="2025-02-01")
    assert kinds(events) == [("premiere_postponed", "2025-03-14", None, "withdrawn")]


def test_stale_or_unrelated_denials_change_nothing() -> None:
    w = World()
    w.read("https://a.example/1", "2025-03-14", published="2025-02-10")
    assert w.read("https://b.example/2", denied=("2025-03-14",), published="2025-01-01") == []
    assert w.read("https://c.example/3", denied=("2024",), published="2025-03-01") == []
    assert w.premiere == "2025-03-14"
    assert w.facts is not None and w.facts.premiere_status == "confirmed"


# -- trailers ----------------------------------------------------------------------

YT = Trailer("trailer", "Watch the trailer", "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
             "dQw4w9WgXcQ", "Narcos S2 | Official Trailer")


def test_same_trailer_on_two_pages_alerts_once() -> None:
    w = World()
    events = w.read("https://a.example/1", trailers=(YT,))
    assert kinds(events) == [("trailer_released", None, YT.url, "")]
    assert events[0].trailer_url == YT.url and events[0].trailer_kind == "trailer"
    embed = Trailer("trailer", "embed", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert w.read("https://b.example/2", trailers=(embed,)) == []
    short = Trailer("trailer", "link", "https://youtu.be/dQw4w9WgXcQ")
    assert w.read("https://c.example/3", trailers=(short,)) == []
    assert w.facts is not None and len(w.facts.trailers) == 1


def test_name_only_trailer_then_url_alerts_once_and_gains_the_url() -> None:
    w = World()
    events = w.read("https://news.example/1", trailer_status="released",
                    evidence="The trailer is out")
    assert [e.kind for e in events] == ["trailer_released"]
    assert w.read("https://news.example/2", trailers=(YT,)) == []
    assert w.facts is not None
    (fact,) = w.facts.trailers.values()
    assert fact.url == YT.url


def test_url_trailer_then_name_only_alerts_once() -> None:
    w = World()
    w.read("https://a.example/1", trailers=(YT,))
    named = Trailer("trailer", "Netflix released the official trailer", name="Official Trailer")
    assert w.read("https://b.example/2", trailers=(named,)) == []


def test_distinct_trailers_each_alert_once() -> None:
    w = World()
    teaser = Trailer("teaser", "teaser", video_id="aaaaaaaaaaa")
    second = Trailer("trailer", "the second trailer", name="Official Trailer 2")
    e1 = w.read("https://a.example/1", trailers=(YT, teaser))
    e2 = w.read("https://a.example/2", trailers=(second,))
    e3 = w.read("https://a.example/3", trailers=(YT, teaser, second))
    assert [e.trailer_kind for e in e1] == ["trailer", "teaser"]
    assert len(e2) == 1 and e3 == []


def test_trailer_keys() -> None:
    assert trailer_key(YT) == "video:dQw4w9WgXcQ"
    assert trailer_key(Trailer("trailer", "", "https://youtu.be/dQw4w9WgXcQ?t=3")) == \
        "video:dQw4w9WgXcQ"
    assert trailer_key(Trailer("teaser", "", "https://vimeo.com/123456/")) == "video:123456"
    assert trailer_key(Trailer("teaser", "", "https://player.vimeo.com/video/123456?h=x")) == \
        "video:123456"
    assert trailer_key(Trailer("teaser", "", "https://www.Netflix.com/tudum/narcos/?utm_source=x"
                                             "&clip=2")) == "url:netflix.com/tudum/narcos?clip=2"
    assert trailer_key(Trailer("trailer", "", name="Final Trailer")) == "name:trailer:final"
    assert trailer_key(Trailer("trailer", "", name="Trailer #2")) == "name:trailer:second"


# -- JSON --------------------------------------------------------------------------


def test_facts_and_extraction_round_trip() -> None:
    w = World()
    w.read("https://a.example/1", "2025-03-14", published="2025-01-10", tentative=("2025-21",),
           trailers=(YT,))
    w.read("https://a.example/2", "2025-05-02")
    assert w.facts is not None and w.facts.pending is not None
    assert Facts.from_json(w.facts.to_json()) == w.facts
    ex = extraction("2025-03-14", published="2025-01-10", tentative=("2025",),
                    denied=("2024",), trailers=(YT,), trailer_status="released")
    assert extraction_from_json(extraction_to_json(ex)) == ex
    assert Facts.from_json(Facts().to_json()) == Facts()


def test_undated_denial_needs_a_second_read_and_never_flaps() -> None:
    w = World()
    w.read("https://site.example/narcos", "2025-03-14")
    assert w.read("https://site.example/narcos", denied=("2025-03-14",)) == []
    assert w.facts is not None and w.facts.pending is not None and w.facts.pending.withdrawn
    events = w.unchanged("https://site.example/narcos")
    assert kinds(events) == [("premiere_postponed", "2025-03-14", None, "withdrawn")]
    # The page's cache serves the old version, then the new one again: quiet.
    assert w.read("https://site.example/narcos", "2025-03-14") == []
    assert w.read("https://site.example/narcos", denied=("2025-03-14",)) == []
    assert w.facts.premiere_status == "withdrawn"


def test_withdrawn_date_confirmed_again_is_reinstated() -> None:
    w = World()
    w.read("https://a.example/1", "2025-03-14", published="2025-01-10")
    w.read("https://b.example/2", denied=("2025-03-14",), published="2025-02-01")
    events = w.read("https://c.example/3", "2025-03-14", published="2025-02-15")
    assert kinds(events) == [("premiere_announced", "2025-03-14", "2025-03-14", "reinstated")]


def test_a_page_really_going_back_is_believed_once_its_history_agrees() -> None:
    w = World()
    w.read("https://site.example/narcos", "2025-03-14")
    for _ in range(2):
        w.read("https://site.example/narcos", "2025-05-02")
    for _ in range(HISTORY + 2):
        w.read("https://site.example/narcos", "2025-03-14")
    assert [(e.old, e.new) for e in w.log if e.kind == "premiere_changed"] == [
        ("2025-03-14", "2025-05-02"), ("2025-05-02", "2025-03-14")]


def test_brand_new_watch_baseline_is_silent_for_everything() -> None:
    w = World(facts=None, announce_existing=False)
    assert w.read("https://a.example/1", "2025-03-14", published="2025-01-10",
                  tentative=("2025-23",), trailers=(YT,)) == []
    assert w.read("https://a.example/1", "2025-03-14", published="2025-01-10",
                  tentative=("2025-23",), trailers=(YT,)) == []
    # ...and later news is news.
    assert [e.kind for e in w.read("https://b.example/2", "2025-04", published="2025-02-01")] == [
        "premiere_changed"]


def confirmed(iso: str | None, status: str = "confirmed") -> Facts:
    return Facts(premiere=FuzzyDate.parse(iso) if iso else None,
                 premiere_status=status if iso else None)  # type: ignore[arg-type]


@pytest.mark.parametrize(("old", "new", "expected"), [
    (None, "2025-03-14", ("premiere_announced", None, "2025-03-14", "")),
    ("2025", "2025-03", ("premiere_changed", "2025", "2025-03", "refined")),
    ("2025-03", "2025-03-14", ("premiere_changed", "2025-03", "2025-03-14", "refined")),
    ("2025-21", "2025-04", ("premiere_changed", "2025-21", "2025-04", "refined")),
    ("2025-03-14", "2025-03-21", ("premiere_changed", "2025-03-14", "2025-03-21", "later")),
    ("2025-03-14", "2025-22", ("premiere_changed", "2025-03-14", "2025-22", "later")),
    ("2025-04", "2025-35", ("premiere_changed", "2025-04", "2025-35", "later")),
    ("2025", "2024-12", ("premiere_changed", "2025", "2024-12", "earlier")),
    ("2025-03-14", "2025-03-14", None),
    ("2025-03-14", "2025-03", None),  # coarser restatement
    ("2025-03", "2025-33", None),
])
def test_diff_table(old: str | None, new: str, expected: tuple[str, ...] | None) -> None:
    events = diff(confirmed(old), confirmed(new), NARCOS)
    assert kinds(events) == ([expected] if expected else [])
    assert all(e.watch == NARCOS.key and e.label == "Narcos S2" for e in events)


def test_diff_withdrawal_and_event_keys_are_stable() -> None:
    (event,) = diff(confirmed("2025-03-14"), confirmed("2025-03-14", "withdrawn"), NARCOS)
    assert (event.kind, event.old, event.new, event.change) == (
        "premiere_postponed", "2025-03-14", None, "withdrawn")
    assert event.key == "premiere_postponed|narcos#s2|2025-03-14|"
    # Withdrawn stays withdrawn: quiet.
    assert diff(confirmed("2025-03-14", "withdrawn"), confirmed("2025-03-14", "withdrawn"),
                NARCOS) == []


def test_an_old_article_does_not_corroborate_a_flip() -> None:
    w = World()
    w.read("https://old.example/a", "2025-05-02", published="2025-01-05")
    w.read("https://site.example/p", "2025-03-14", hours=24 * 10)
    w.unchanged("https://site.example/p")  # newer and read twice: moves it
    assert w.premiere == "2025-03-14"
    # The page's stale cache shows the older date once: the old article is no backing.
    assert w.read("https://site.example/p", "2025-05-02", hours=1) == []
    assert w.premiere == "2025-03-14"


# -- properties over random read sequences (seeded, so reproducible) ----------------

FLIPS = [("2025-03-14", "2025-05-02"), ("2025-03-14", "2025-05-02", "2025-06")]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("structured", [False, True])
@pytest.mark.parametrize("values", FLIPS)
def test_random_flapping_never_alerts_back_and_forth(
        seed: int, structured: bool, values: tuple[str, ...]) -> None:
    rnd = random.Random(seed)
    w = World()
    for _ in range(200):
        w.read("https://cdn.example/narcos", rnd.choice(values), hours=1, structured=structured)
    held = [e.new for e in w.log if e.kind in ("premiere_announced", "premiere_changed")]
    # Never back and forth: no value is alerted twice.  (Values seen for the
    # first time before the page ever goes back look like news: at most one
    # alert per distinct value.)
    assert len(held) == len(set(held)) <= len(values), held


@pytest.mark.parametrize("seed", range(8))
def test_random_flapping_between_date_and_denial_alerts_at_most_once(seed: int) -> None:
    rnd = random.Random(seed)
    w = World()
    for _ in range(200):
        if rnd.random() < 0.5:
            w.read("https://cdn.example/narcos", "2025-03-14", hours=1)
        else:
            w.read("https://cdn.example/narcos", denied=("2025-03-14",), hours=1)
    assert [e.kind for e in w.log if e.kind != "premiere_announced"] in ([], ["premiere_postponed"])
    assert len([e for e in w.log if e.kind == "premiere_announced"]) == 1


@pytest.mark.parametrize("seed", range(10))
def test_dated_articles_in_any_fetch_order_end_on_the_newest(seed: int) -> None:
    rnd = random.Random(seed)
    articles = [(f"https://news.example/{i}", f"2025-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}",
                 f"2024-{i + 1:02d}-01") for i in range(8)]
    w = World()
    for url, date, published in rnd.sample(articles, len(articles)):
        w.read(url, date, published=published)
    assert w.premiere == articles[-1][1]
    # Re-reading everything, in another order, or reconciling with no news: quiet.
    for url, date, published in rnd.sample(articles, len(articles)):
        assert w.read(url, date, published=published) == []
    assert w.settle() == []


def test_a_page_moving_twice_is_news_twice() -> None:
    w = World()
    w.read("https://site.example/p", "2025-03-14")
    w.read("https://site.example/p", "2025-05-02")
    w.unchanged("https://site.example/p")
    w.read("https://site.example/p", "2025-06-06")
    w.unchanged("https://site.example/p")
    assert [(e.old, e.new) for e in w.log if e.kind == "premiere_changed"] == [
        ("2025-03-14", "2025-05-02"), ("2025-05-02", "2025-06-06")]


def test_a_future_publication_date_does_not_pin_the_fact() -> None:
    w = World()  # reads happen in March 2025
    w.read("https://bad.example/1", "2025-03-14", published="2027-01-01")
    events = w.read("https://good.example/2", "2025-05-02", published="2026-01-02", hours=24)
    assert kinds(events) == [("premiere_changed", "2025-03-14", "2025-05-02", "later")]


def test_an_undated_article_read_once_is_believed_after_patience() -> None:
    w = World()
    w.read("https://netflix.example/narcos", "2025-03-14", published="2025-01-10")
    # A feed article without a date, read once; the other source keeps being read.
    assert w.read("https://news.example/undated", "2025-05-02", source="feed:news") == []
    assert w.read("https://netflix.example/narcos", "2025-03-14", published="2025-01-10",
                  hours=12) == []
    events = w.read("https://netflix.example/narcos", "2025-03-14", published="2025-01-10",
                    hours=12)
    assert kinds(events) == [("premiere_changed", "2025-03-14", "2025-05-02", "later")]


def test_patience_never_outlasts_a_contradiction() -> None:
    w = World()
    w.read("https://site.example/p", "2025-03-14")
    w.read("https://site.example/p", "2025-05-02", hours=20)  # held
    w.read("https://site.example/p", "2025-03-14", hours=20)  # back: pending cleared, flapping
    w.read("https://site.example/p", "2025-05-02", hours=20)
    w.read("https://other.example/q", hours=30)  # another source read a day later
    assert [e.kind for e in w.log] == ["premiere_announced"]


@pytest.mark.parametrize("seed", range(8))
def test_slow_random_flapping_with_a_busy_second_source(seed: int) -> None:
    rnd = random.Random(seed)
    w = World()
    w.read("https://api.example/1", "2025-03", structured=True)
    for i in range(150):
        if i % 6 == 0:  # the flapping page is read every 30 h, the API every 5 h
            w.read("https://cdn.example/p", rnd.choice(("2025-03-14", "2025-03-21")), hours=5)
        else:
            w.read("https://api.example/1", "2025-03", structured=True, hours=5)
    held = [e.new for e in w.log if e.kind in ("premiere_announced", "premiere_changed")]
    assert len(held) == len(set(held)) <= 3, held


def test_stale_rumours_are_not_news() -> None:
    w = World()
    w.read("https://netflix.example/narcos", "2025-03-14", published="2025-02-10")
    # A rumour published before the official date, and a window already over.
    assert w.read("https://gossip.example/old", tentative=("2025-23",), published="2025-01-05") == []
    assert w.read("https://gossip.example/new", tentative=("2024-23",), published="2025-03-01") == []
    assert kinds(w.read("https://gossip.example/new2", tentative=("2025-23",),
                        published="2025-03-01")) == [("rumour", None, "2025-23", "")]


@pytest.mark.parametrize("announce", [True, False])
def test_first_pass_of_a_new_watch_over_several_sources(announce: bool) -> None:
    obs1 = StoredObservation("a", "https://a.example/1", NARCOS.key,
                             extraction("2025-03-14", published="2025-01-10"), False, START, START,
                             (Read(START, "2025-03-14"),))
    first = reconcile([obs1], None, START)
    e1 = diff(None, first, NARCOS, announce_existing=announce, new_watch=True)
    obs2 = StoredObservation("b", "https://b.example/2", NARCOS.key,
                             extraction(trailers=(YT,)), False, START, START, (Read(START, None),))
    second = reconcile([obs1, obs2], first, START)
    e2 = diff(first, second, NARCOS, announce_existing=announce, new_watch=True)
    assert [(e.kind, e.change) for e in e1 + e2] == (
        [("premiere_announced", "already"), ("trailer_released", "already")] if announce else [])
    # Later passes: news again.
    assert diff(second, second, NARCOS) == []


def test_a_stale_schedule_api_does_not_come_back_when_its_read_history_rolls_over() -> None:
    """An undated source's age is when it first said its value, even after the store has
    dropped those early reads: a stale API repeating an old date must never look new."""
    w = World()
    w.read("https://api.example/shows/1", "2025-09-02", structured=True)
    # Three days later an article published the day before says the date moved.
    w.read("https://news.example/moved", "2025-09-09", hours=72,
           published=(START + dt.timedelta(days=2)).date().isoformat())
    assert w.premiere == "2025-09-09"
    for _ in range(HISTORY * 2):  # days of 6-hourly reads, the API never changing
        assert w.unchanged("https://api.example/shows/1") == []
    assert w.premiere == "2025-09-09"
