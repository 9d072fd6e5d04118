"""The SQLite store: schema and migrations, sources, observations, facts, outbox."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from premiere_watch.dates import FuzzyDate
from premiere_watch.facts import Facts
from premiere_watch.model import DateClaim, Event, Extraction, Observation, Target
from premiere_watch.reconcile import diff, reconcile
from premiere_watch.sources.base import SourceResult, SourceState
from premiere_watch.store import HISTORY_LIMIT, MIGRATIONS, Backlog, Store, StoreError

NOW = dt.datetime(2026, 3, 1, 10, 30, tzinfo=dt.UTC)
NARCOS = Target("Narcos", season=2)
SRC = "page:https://netflix.example/narcos"
URL = "https://netflix.example/narcos"


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


def later(**kw: float) -> dt.datetime:
    return NOW + dt.timedelta(**kw)


def observation(confirmed: str | None = "2025-03-14", *, doc: str = URL,
                published: str | None = "2025-01-10", denied: tuple[str, ...] = (),
                structured: bool = False) -> Observation:
    ex = Extraction(
        NARCOS, published=dt.date.fromisoformat(published) if published else None,
        confirmed=DateClaim(FuzzyDate.parse(confirmed), "confirmed", f"On {confirmed}.")
        if confirmed else None,
        denied=[DateClaim(FuzzyDate.parse(d), "denied", f"not {d}") for d in denied])
    return Observation(NARCOS.key, doc, ex, structured)


def ok(*observations: Observation, etag: str = '"v1"', memory: dict[str, object] | None = None
       ) -> SourceResult:
    return SourceResult("ok", list(observations),
                        state=SourceState(etag, "Sat, 01 Mar 2026 10:00:00 GMT", "hash1",
                                          dict(memory or {"seen": ["x"]})))


EVENT = Event("premiere_announced", NARCOS.key, NARCOS.label, new="2025-03-14")
ROUTES = {NARCOS.key: [("fans", 0), ("fans", 1), ("ops", 0)]}


# -- schema ------------------------------------------------------------------------


def test_migrations_from_empty_and_reopen_are_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "state" / "pw.sqlite"
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS) >= 1
        s.save_facts(NARCOS.key, Facts(premiere=FuzzyDate.parse("2025")), NOW)
        s.enqueue([EVENT], ROUTES, NOW)
    with Store(path) as s:  # reopening runs nothing and loses nothing
        assert s.schema_version == len(MIGRATIONS)
        assert s.facts(NARCOS.key) == Facts(premiere=FuzzyDate.parse("2025"))
        assert s.backlog(NOW).pending == 3
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_every_migration_step_applies_in_order(tmp_path: Path) -> None:
    # Simulate a database left at each older version: each later step still applies.
    for version in range(len(MIGRATIONS)):
        path = tmp_path / f"v{version}.sqlite"
        conn = sqlite3.connect(path)
        for script in MIGRATIONS[:version]:
            conn.executescript(script)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.close()
        with Store(path) as s:
            assert s.schema_version == len(MIGRATIONS)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pw.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match="upgrade premiere-watch"):
        Store(path)


def test_naive_datetimes_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="naive"):
        store.save_facts("x", Facts(), dt.datetime(2026, 1, 1))


# -- transactions ------------------------------------------------------------------


def test_facts_and_outbox_commit_or_roll_back_together(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.save_facts(NARCOS.key, Facts(premiere=FuzzyDate.parse("2025")), NOW)
        store.enqueue([EVENT], ROUTES, NOW)
        raise RuntimeError("crash before commit")
    assert store.facts(NARCOS.key) is None
    assert store.backlog(NOW) == Backlog(0, 0, 0, 0, 0)
    assert store.history(NARCOS.key) == []
    with store.transaction():
        store.save_facts(NARCOS.key, Facts(premiere=FuzzyDate.parse("2025")), NOW)
        store.enqueue([EVENT], ROUTES, NOW)
    assert store.facts(NARCOS.key) is not None
    assert store.backlog(NOW).pending == 3


def test_nested_transaction_rolls_back_only_the_inner_part(store: Store) -> None:
    with store.transaction():
        store.save_facts("a", Facts(), NOW)
        with pytest.raises(KeyError), store.transaction():
            store.save_facts("b", Facts(), NOW)
            raise KeyError("inner")
        store.save_facts("c", Facts(), NOW)
    assert sorted(store.all_facts()) == ["a", "c"]


# -- sources -----------------------------------------------------------------------


def test_source_state_lifecycle(store: Store) -> None:
    assert store.source_state(SRC) == SourceState()
    saved = store.save_source_result(SRC, URL, "page", ok(observation()), NOW, later(hours=6))
    assert saved.targets == (NARCOS.key,) and saved.consecutive_failures == 0
    assert store.source_state(SRC) == SourceState('"v1"', "Sat, 01 Mar 2026 10:00:00 GMT", "hash1",
                                                  {"seen": ["x"]})
    failed = SourceResult("failed", reason="HTTP 503 after 3 tries", state=SourceState())
    for n in (1, 2):
        saved = store.save_source_result(SRC, URL, "page", failed, later(hours=n))
        assert saved.targets == () and saved.consecutive_failures == n
    # A failure keeps validators, memory and observations as the last good read left them.
    assert store.source_state(SRC).etag == '"v1"'
    assert store.source_state(SRC).memory == {"seen": ["x"]}
    assert len(store.observations(NARCOS.key)) == 1
    (row,) = store.source_rows()
    assert (row.last_result, row.last_reason, row.consecutive_failures) == (
        "failed", "HTTP 503 after 3 tries", 2)
    assert row.next_due == later(hours=6)  # None keeps the schedule
    store.set_failing_alerted(SRC, True)
    saved = store.save_source_result(SRC, URL, "page", SourceResult("unchanged",
                                     state=SourceState('"v1"')), later(hours=3))
    assert (saved.previous_failures, saved.consecutive_failures, saved.failing_alerted) == (
        2, 0, True)
    assert store.source_rows()[0].last_result == "unchanged"


def test_due_sources(store: Store) -> None:
    store.save_source_result("a", "https://a", "page", ok(), NOW, later(hours=1))
    store.save_source_result("b", "https://b", "page", ok(), NOW, later(hours=3))
    store.save_source_result("c", "https://c", "page", ok(), NOW)
    assert store.due_sources(later(hours=2)) == ["c", "a"]
    store.set_next_due("a", later(hours=5))
    assert store.due_sources(later(hours=4)) == ["c", "b"]


# -- observations ------------------------------------------------------------------


def test_observation_is_latest_per_document_with_read_history(store: Store) -> None:
    store.save_source_result(SRC, URL, "page", ok(observation("2025-03-14")), NOW)
    store.save_source_result(SRC, URL, "page", ok(observation("2025-05-02", denied=("2025-03-14",),
                                                              structured=True)), later(hours=1))
    (obs,) = store.observations(NARCOS.key)
    assert obs.extraction.confirmed is not None
    assert obs.extraction.confirmed.date == FuzzyDate.parse("2025-05-02")
    assert obs.structured and obs.published == dt.date(2025, 1, 10)
    assert (obs.first_seen, obs.last_seen) == (NOW, later(hours=1))
    assert [(r.confirmed, r.denied) for r in obs.history] == [
        ("2025-03-14", ()), ("2025-05-02", ("2025-03-14",))]
    # An unchanged read counts as one more read of the same value.
    saved = store.save_source_result(SRC, URL, "page", SourceResult("unchanged"), later(hours=2))
    assert saved.targets == (NARCOS.key,)
    (obs,) = store.observations(NARCOS.key)
    assert [r.confirmed for r in obs.history][-2:] == ["2025-05-02", "2025-05-02"]
    assert obs.last_seen == later(hours=2) and obs.structured
    for n in range(3, 3 + HISTORY_LIMIT):
        store.save_source_result(SRC, URL, "page", ok(observation("2025-06")), later(hours=n))
    (obs,) = store.observations(NARCOS.key)
    assert len(obs.history) == HISTORY_LIMIT
    assert {r.confirmed for r in obs.history} == {"2025-06"}


def test_ok_result_without_a_document_keeps_its_observation(store: Store) -> None:
    other = observation(doc="https://netflix.example/other")
    store.save_source_result(SRC, URL, "feed", ok(observation(), other), NOW)
    store.save_source_result(SRC, URL, "feed", ok(), later(hours=1))
    assert len(store.observations(NARCOS.key)) == 2


def test_facts_round_trip(store: Store) -> None:
    facts = Facts(premiere=FuzzyDate.parse("2025-03-14"), premiere_status="confirmed", since=NOW,
                  evidence="On March 14.", source_url=URL, supporting=[URL],
                  published=dt.date(2025, 1, 10), tentative=["2025-21"])
    store.save_facts(NARCOS.key, facts, NOW)
    assert store.facts(NARCOS.key) == facts
    assert store.all_facts() == {NARCOS.key: facts}
    assert store.facts("nothing") is None


# -- outbox ------------------------------------------------------------------------


def test_enqueue_dedupes_forever(store: Store) -> None:
    assert store.enqueue([EVENT], ROUTES, NOW) == 3
    assert store.enqueue([EVENT], ROUTES, later(days=2)) == 0
    for d in store.due_deliveries(NOW):
        store.mark_sent([d.id], NOW)
    assert store.enqueue([EVENT], ROUTES, later(days=3)) == 0  # sent is not a reason to resend
    # A route added later gets the event once; the event itself is recorded once.
    assert store.enqueue([EVENT], lambda e: [("fans", 0), ("new", 0)], later(days=4)) == 1
    assert len(store.history(NARCOS.key)) == 1


def test_enqueue_without_route_still_records_history(store: Store) -> None:
    rumour = Event("rumour", NARCOS.key, NARCOS.label, new="2025-23")
    assert store.enqueue([rumour], {}, NOW) == 0
    (record,) = store.history(NARCOS.key)
    assert record.event == rumour and record.created == NOW


def test_hold_until_delays_delivery(store: Store) -> None:
    quiet = later(hours=8)
    store.enqueue([EVENT], ROUTES, NOW,
                  hold_until=lambda notifier, e: quiet if notifier == "fans" else None)
    assert [(d.notifier, d.target) for d in store.due_deliveries(NOW)] == [("ops", 0)]
    assert len(store.due_deliveries(quiet)) == 3
    assert store.backlog(NOW) == Backlog(pending=3, due=1, sending=0, sent=0, dead=0)


def test_delivery_lifecycle_retry_dead_revive(store: Store) -> None:
    store.enqueue([EVENT], {NARCOS.key: [("fans", 0)]}, NOW)
    (d,) = store.due_deliveries(NOW)
    assert (d.event, d.status, d.attempts, d.created, d.next_attempt) == (
        EVENT, "pending", 0, NOW, NOW)
    store.mark_sending([d.id], NOW)
    store.mark_failed(d.id, "HTTP 500", later(minutes=1), NOW)
    assert store.due_deliveries(NOW) == []
    (d,) = store.due_deliveries(later(minutes=1))
    assert (d.attempts, d.last_error, d.status) == (1, "HTTP 500", "pending")
    store.mark_sending([d.id], later(minutes=1))
    store.mark_failed(d.id, "HTTP 401", None, later(minutes=1))
    assert store.due_deliveries(later(days=1)) == []
    (dead,) = store.dead_deliveries()
    assert (dead.status, dead.attempts, dead.last_error) == ("dead", 2, "HTTP 401")
    assert store.revive_dead([999], now=later(hours=1)) == 0
    assert store.revive_dead(now=later(hours=1)) == 1
    (d,) = store.due_deliveries(later(hours=1))
    assert (d.status, d.attempts) == ("pending", 0)
    store.mark_sending([d.id], later(hours=1))
    store.mark_sent([d.id], later(hours=1))
    assert store.due_deliveries(later(days=9)) == []
    assert store.backlog(later(days=9)) == Backlog(0, 0, 0, 1, 0)


def test_crash_between_commit_and_send_leaves_pending(tmp_path: Path) -> None:
    path = tmp_path / "pw.sqlite"
    s = Store(path)
    with s.transaction():
        s.save_facts(NARCOS.key, Facts(premiere=FuzzyDate.parse("2025-03-14")), NOW)
        s.enqueue([EVENT], ROUTES, NOW)
    s.close()  # the process dies before delivering
    with Store(path) as s:
        due = s.due_deliveries(NOW)
        assert [(d.notifier, d.target, d.status) for d in due] == [
            ("fans", 0, "pending"), ("fans", 1, "pending"), ("ops", 0, "pending")]
        s.mark_sending([due[0].id], NOW)
        s.mark_sent([due[0].id], NOW)
        s.mark_sending([due[1].id], NOW)  # dies while sending this one
    with Store(path) as s:
        due = s.due_deliveries(NOW)
        # The sent one never again; the one caught mid-send is sent again (at-least-once).
        assert [(d.notifier, d.target, d.status) for d in due] == [
            ("fans", 1, "sending"), ("ops", 0, "pending")]


def test_count_events_today_and_history_order(store: Store) -> None:
    yesterday = NOW - dt.timedelta(days=1)
    store.enqueue([Event("rumour", NARCOS.key, NARCOS.label, new="2025")], {}, yesterday)
    store.enqueue([EVENT], {}, NOW)
    store.enqueue([Event("trailer_released", NARCOS.key, NARCOS.label, new="video:x")], {},
                  later(minutes=1))
    store.enqueue([Event("rumour", "other", "Other", new="2025")], {}, NOW)
    assert store.count_events_today(NARCOS.key, later(hours=1)) == 2
    assert [r.event.kind for r in store.history(NARCOS.key)] == [
        "trailer_released", "premiere_announced", "rumour"]
    assert len(store.history(NARCOS.key, limit=1)) == 1


# -- the pipeline's use: read -> reconcile -> facts + outbox in one transaction --------


def test_store_and_reconcile_end_to_end(store: Store) -> None:
    def read(result: SourceResult, now: dt.datetime, source: str = SRC) -> list[Event]:
        with store.transaction():
            saved = store.save_source_result(source, URL, "page", result, now)
            events: list[Event] = []
            for key in saved.targets:
                previous = store.facts(key)
                facts = reconcile(store.observations(key), previous, now)
                events += diff(previous, facts, NARCOS)
                store.save_facts(key, facts, now)
            store.enqueue(events, ROUTES, now)
        return events

    first = read(ok(observation("2025-03-14", published=None)), NOW)
    assert [(e.kind, e.change) for e in first] == [("premiere_announced", "already")]
    failed = SourceResult("failed", reason="timed out after 20s")
    assert read(failed, later(hours=1)) == []
    assert read(ok(observation("2025-03-14", published=None)), later(hours=2)) == []
    # An undated page flips once: held; the 304 that follows confirms it.
    assert read(ok(observation("2025-05-02", published=None)), later(hours=3)) == []
    facts = store.facts(NARCOS.key)
    assert facts is not None and facts.pending is not None
    moved = read(SourceResult("unchanged"), later(hours=4))
    assert [(e.kind, e.old, e.new) for e in moved] == [
        ("premiere_changed", "2025-03-14", "2025-05-02")]
    assert read(ok(observation("2025-03-14", published=None)), later(hours=5)) == []
    assert store.backlog(later(hours=5)).pending == 6


def test_a_document_repeated_in_one_result_is_one_read(store: Store) -> None:
    store.save_source_result(SRC, URL, "feed", ok(observation("2025-05"), observation("2025-05")),
                             NOW)
    (obs,) = store.observations(NARCOS.key)
    assert len(obs.history) == 1


def test_threads_share_one_store(tmp_path: Path) -> None:
    import threading

    with Store(tmp_path / "pw.sqlite") as s:
        def work(n: int) -> None:
            for i in range(20):
                with s.transaction():
                    s.save_facts(f"w{n}", Facts(), NOW)
                    s.enqueue([Event("rumour", f"w{n}", "W", new=str(i))], {f"w{n}": [("fans", 0)]},
                              NOW)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert s.backlog(NOW).pending == 80
        assert len(s.all_facts()) == 4


def test_retry_now_hurries_failed_and_waiting_rows_not_held_ones(store: Store) -> None:
    quiet = later(hours=8)
    first = Event("premiere_announced", NARCOS.key, NARCOS.label, new="2025-03-14")
    second = Event("trailer_released", NARCOS.key, NARCOS.label, new="video:x")
    store.enqueue([first, second], {NARCOS.key: [("fans", 0)]}, NOW)
    store.enqueue([Event("rumour", NARCOS.key, NARCOS.label, new="2025")],
                  {NARCOS.key: [("digest", 0)]}, NOW, hold_until=lambda n, e: quiet)
    a, b = store.due_deliveries(NOW)
    store.mark_sending([a.id], NOW)
    store.mark_failed(a.id, "HTTP 500", later(hours=1), NOW)
    store.mark_failed(b.id, "waiting: an earlier alert to this target failed", later(hours=1), NOW)
    assert store.retry_now(later(minutes=5)) == 2
    assert [d.event for d in store.due_deliveries(later(minutes=5))] == [first, second]
