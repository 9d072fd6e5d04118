"""The store contract: every backend keeps sources, observations, facts and the outbox alike.

Each test taking ``store`` runs once per backend (``conftest.store_backends``);
the SQLite-only tests at the top cover its file, journal and migrations.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from premiere_watch.dates import FuzzyDate
from premiere_watch.facts import Facts, Pending
from premiere_watch.model import DateClaim, Event, Extraction, Observation, Target
from premiere_watch.reconcile import diff, reconcile
from premiere_watch.sources.base import SourceResult, SourceState
from premiere_watch.store import HISTORY_LIMIT, MIGRATIONS, Backlog, Store, StoreError
from premiere_watch.store.sqlite import SqliteBackend
from store_backends import Reopen

pytestmark = pytest.mark.anyio

NOW = dt.datetime(2026, 3, 1, 10, 30, tzinfo=dt.UTC)
NARCOS = Target("Narcos", season=2)
SRC = "page:https://netflix.example/narcos"
URL = "https://netflix.example/narcos"


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


async def test_migrations_from_empty_and_reopen_are_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "state" / "pw.sqlite"
    async with Store(SqliteBackend(path)) as s:
        assert await s.schema_version() == len(MIGRATIONS) >= 1
        await s.save_facts(NARCOS.key, Facts(premiere=FuzzyDate.parse("2025")), NOW)
        await s.enqueue([EVENT], ROUTES, NOW)
    async with Store(SqliteBackend(path)) as s:  # reopening runs nothing and loses nothing
        assert await s.schema_version() == len(MIGRATIONS)
        assert await s.facts(NARCOS.key) == Facts(premiere=FuzzyDate.parse("2025"))
        assert (await s.backlog(NOW)).pending == 3
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


async def test_every_migration_step_applies_in_order(tmp_path: Path) -> None:
    # Simulate a database left at each older version: each later step still applies.
    for version in range(len(MIGRATIONS)):
        path = tmp_path / f"v{version}.sqlite"
        conn = sqlite3.connect(path)
        for script in MIGRATIONS[:version]:
            conn.executescript(script)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.close()
        async with Store(SqliteBackend(path)) as s:
            assert await s.schema_version() == len(MIGRATIONS)


async def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pw.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match="upgrade premiere-watch"):
        SqliteBackend(path)


async def test_naive_datetimes_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="naive"):
        await store.save_facts("x", Facts(), dt.datetime(2026, 1, 1))


# -- transactions ------------------------------------------------------------------


async def test_facts_and_outbox_commit_or_roll_back_together(store: Store) -> None:
    with pytest.raises(RuntimeError):
        async with store.transaction():
            await store.save_facts(NARCOS.key, Facts(premiere=FuzzyDate.parse("2025")), NOW)
            await store.enqueue([EVENT], ROUTES, NOW)
            raise RuntimeError("crash before commit")
    assert await store.facts(NARCOS.key) is None
    assert await store.backlog(NOW) == Backlog(0, 0, 0, 0, 0)
    assert await store.history(NARCOS.key) == []
    async with store.transaction():
        await store.save_facts(NARCOS.key, Facts(premiere=FuzzyDate.parse("2025")), NOW)
        await store.enqueue([EVENT], ROUTES, NOW)
    assert await store.facts(NARCOS.key) is not None
    assert (await store.backlog(NOW)).pending == 3


async def test_nested_transaction_rolls_back_only_the_inner_part(store: Store) -> None:
    async with store.transaction():
        await store.save_facts("a", Facts(), NOW)
        with pytest.raises(KeyError):
            async with store.transaction():
                await store.save_facts("b", Facts(), NOW)
                raise KeyError("inner")
        await store.save_facts("c", Facts(), NOW)
    assert sorted(await store.all_facts()) == ["a", "c"]



async def test_a_read_failing_inside_a_transaction_lets_it_undo_everything(store: Store) -> None:
    # save_source_result joins the enclosing transaction (no savepoint of its own): a failure
    # after its first writes goes through the enclosing one, which undoes them with the rest.
    async def broken(*args: object) -> None:
        raise RuntimeError("a bug while storing an observation")

    store.backend.upsert_observation = broken  # type: ignore[method-assign, assignment]
    with pytest.raises(RuntimeError):
        async with store.transaction():
            await store.save_facts("a", Facts(), NOW)
            await store.save_source_result(SRC, URL, "page", ok(observation()), NOW)
    assert await store.all_facts() == {}
    assert await store.source_rows() == []
    assert await store.known_sources({SRC}) == set()


# -- sources -----------------------------------------------------------------------


def count_known_queries(store: Store) -> list[int]:
    """How many times the store asks its backend which sources were read (patched on the instance)."""
    asked = [0]
    ask = store.backend.known_sources

    async def counted(source_ids: object) -> set[str]:
        asked[0] += 1
        return await ask(source_ids)  # type: ignore[arg-type]

    store.backend.known_sources = counted  # type: ignore[method-assign]
    return asked


async def test_known_sources_asks_once_about_a_committed_read(store: Store) -> None:
    asked = count_known_queries(store)
    await store.save_source_result("a", "https://a", "page", ok(), NOW)  # committed: read
    assert await store.known_sources({"a", "b"}) == {"a"}
    assert asked == [1]  # "b" was asked about: unread then
    assert await store.known_sources({"a"}) == {"a"}
    assert asked == [1]  # a read stays read: not asked again
    await store.save_source_result("b", "https://b", "page", SourceResult("failed", reason="x"), NOW)
    assert await store.known_sources({"a", "b"}) == {"a", "b"}  # tried counts as read
    assert await store.known_sources({"b"}) == {"b"}
    assert asked == [1]


async def test_known_sources_trusts_no_read_that_was_rolled_back(store: Store) -> None:
    with pytest.raises(RuntimeError):
        async with store.transaction(batched=True):
            await store.save_source_result("a", "https://a", "page", ok(), NOW)
            assert await store.known_sources({"a"}) == {"a"}  # this transaction sees its own read
            raise RuntimeError("a bug after the read was stored")
    assert await store.known_sources({"a"}) == set()  # the read never happened


async def test_known_sources_trusts_no_read_a_batch_rolled_back(store: Store) -> None:
    async with store.batch():
        with pytest.raises(RuntimeError):
            async with store.transaction(batched=True):
                await store.save_source_result("a", "https://a", "page", ok(), NOW)
                raise RuntimeError("a bug after the first read was stored")
        async with store.transaction(batched=True):
            # Read in the same open batch, uncommitted: the answer is the database's, not kept.
            assert await store.known_sources({"a"}) == set()
            await store.save_source_result("b", "https://b", "page", ok(), NOW)
        async with store.transaction(batched=True):
            assert await store.known_sources({"a", "b"}) == {"b"}
    assert await store.known_sources({"a", "b"}) == {"b"}


async def test_known_sources_sees_what_another_process_read(store: Store, reopen: Reopen) -> None:
    assert await store.known_sources({"a"}) == set()  # unread is never kept
    other = await reopen()
    try:
        await other.save_source_result("a", "https://a", "page", ok(), NOW)
    finally:
        await other.close()
    assert await store.known_sources({"a"}) == {"a"}



async def test_source_state_lifecycle(store: Store) -> None:
    assert await store.source_state(SRC) == SourceState()
    saved = await store.save_source_result(SRC, URL, "page", ok(observation()), NOW, later(hours=6))
    assert saved.targets == (NARCOS.key,) and saved.consecutive_failures == 0
    assert await store.source_state(SRC) == SourceState('"v1"', "Sat, 01 Mar 2026 10:00:00 GMT", "hash1",
                                                  {"seen": ["x"]})
    failed = SourceResult("failed", reason="HTTP 503 after 3 tries", state=SourceState())
    for n in (1, 2):
        saved = await store.save_source_result(SRC, URL, "page", failed, later(hours=n))
        assert saved.targets == () and saved.consecutive_failures == n
    # A failure keeps validators, memory and observations as the last good read left them.
    assert (await store.source_state(SRC)).etag == '"v1"'
    assert (await store.source_state(SRC)).memory == {"seen": ["x"]}
    assert len(await store.observations(NARCOS.key)) == 1
    (row,) = await store.source_rows()
    assert (row.last_result, row.last_reason, row.consecutive_failures) == (
        "failed", "HTTP 503 after 3 tries", 2)
    assert row.next_due == later(hours=6)  # None keeps the schedule
    await store.set_failing_alerted(SRC, True)
    saved = await store.save_source_result(SRC, URL, "page", SourceResult("unchanged",
                                     state=SourceState('"v1"')), later(hours=3))
    assert (saved.previous_failures, saved.consecutive_failures, saved.failing_alerted) == (
        2, 0, True)
    assert (await store.source_rows())[0].last_result == "unchanged"


async def test_due_sources(store: Store) -> None:
    await store.save_source_result("a", "https://a", "page", ok(), NOW, later(hours=1))
    await store.save_source_result("b", "https://b", "page", ok(), NOW, later(hours=3))
    await store.save_source_result("c", "https://c", "page", ok(), NOW)
    assert await store.due_sources(later(hours=2)) == ["c", "a"]
    await store.set_next_due("a", later(hours=5))
    assert await store.due_sources(later(hours=4)) == ["c", "b"]


# -- observations ------------------------------------------------------------------


async def test_observation_is_latest_per_document_with_read_history(store: Store) -> None:
    await store.save_source_result(SRC, URL, "page", ok(observation("2025-03-14")), NOW)
    await store.save_source_result(SRC, URL, "page", ok(observation("2025-05-02", denied=("2025-03-14",),
                                                              structured=True)), later(hours=1))
    (obs,) = await store.observations(NARCOS.key)
    assert obs.extraction.confirmed is not None
    assert obs.extraction.confirmed.date == FuzzyDate.parse("2025-05-02")
    assert obs.structured and obs.published == dt.date(2025, 1, 10)
    assert (obs.first_seen, obs.last_seen) == (NOW, later(hours=1))
    assert [(r.confirmed, r.denied) for r in obs.history] == [
        ("2025-03-14", ()), ("2025-05-02", ("2025-03-14",))]
    # An unchanged read counts as one more read of the same value.
    saved = await store.save_source_result(SRC, URL, "page", SourceResult("unchanged"), later(hours=2))
    assert saved.targets == (NARCOS.key,)
    (obs,) = await store.observations(NARCOS.key)
    assert [r.confirmed for r in obs.history][-2:] == ["2025-05-02", "2025-05-02"]
    assert obs.last_seen == later(hours=2) and obs.structured
    for n in range(3, 3 + HISTORY_LIMIT):
        await store.save_source_result(SRC, URL, "page", ok(observation("2025-06")), later(hours=n))
    (obs,) = await store.observations(NARCOS.key)
    assert len(obs.history) == HISTORY_LIMIT
    assert {r.confirmed for r in obs.history} == {"2025-06"}


async def test_ok_result_without_a_document_keeps_its_observation(store: Store) -> None:
    other = observation(doc="https://netflix.example/other")
    await store.save_source_result(SRC, URL, "feed", ok(observation(), other), NOW)
    await store.save_source_result(SRC, URL, "feed", ok(), later(hours=1))
    assert len(await store.observations(NARCOS.key)) == 2


async def test_facts_round_trip(store: Store) -> None:
    facts = Facts(premiere=FuzzyDate.parse("2025-03-14"), premiere_status="confirmed", since=NOW,
                  evidence="On March 14.", source_url=URL, supporting=[URL],
                  published=dt.date(2025, 1, 10), tentative=["2025-21"])
    await store.save_facts(NARCOS.key, facts, NOW)
    assert await store.facts(NARCOS.key) == facts
    assert await store.all_facts() == {NARCOS.key: facts}
    assert await store.facts("nothing") is None


# -- outbox ------------------------------------------------------------------------


async def test_enqueue_dedupes_forever(store: Store) -> None:
    assert await store.enqueue([EVENT], ROUTES, NOW) == 3
    assert await store.enqueue([EVENT], ROUTES, later(days=2)) == 0
    for d in await store.due_deliveries(NOW):
        await store.mark_sent([d.id], NOW)
    assert await store.enqueue([EVENT], ROUTES, later(days=3)) == 0  # sent is not a reason to resend
    # A route added later gets the event once; the event itself is recorded once.
    assert await store.enqueue([EVENT], lambda e: [("fans", 0), ("new", 0)], later(days=4)) == 1
    assert len(await store.history(NARCOS.key)) == 1


async def test_enqueue_without_route_still_records_history(store: Store) -> None:
    rumour = Event("rumour", NARCOS.key, NARCOS.label, new="2025-23")
    assert await store.enqueue([rumour], {}, NOW) == 0
    (record,) = await store.history(NARCOS.key)
    assert record.event == rumour and record.created == NOW


async def test_hold_until_delays_delivery(store: Store) -> None:
    quiet = later(hours=8)
    await store.enqueue([EVENT], ROUTES, NOW,
                  hold_until=lambda notifier, e: quiet if notifier == "fans" else None)
    assert [(d.notifier, d.target) for d in await store.due_deliveries(NOW)] == [("ops", 0)]
    assert len(await store.due_deliveries(quiet)) == 3
    assert await store.backlog(NOW) == Backlog(pending=3, due=1, sending=0, sent=0, dead=0)


async def test_delivery_lifecycle_retry_dead_revive(store: Store) -> None:
    await store.enqueue([EVENT], {NARCOS.key: [("fans", 0)]}, NOW)
    (d,) = await store.due_deliveries(NOW)
    assert (d.event, d.status, d.attempts, d.created, d.next_attempt) == (
        EVENT, "pending", 0, NOW, NOW)
    await store.mark_sending([d.id], NOW)
    await store.mark_failed(d.id, "HTTP 500", later(minutes=1), NOW)
    assert await store.due_deliveries(NOW) == []
    (d,) = await store.due_deliveries(later(minutes=1))
    assert (d.attempts, d.last_error, d.status) == (1, "HTTP 500", "pending")
    await store.mark_sending([d.id], later(minutes=1))
    await store.mark_failed(d.id, "HTTP 401", None, later(minutes=1))
    assert await store.due_deliveries(later(days=1)) == []
    (dead,) = await store.dead_deliveries()
    assert (dead.status, dead.attempts, dead.last_error) == ("dead", 2, "HTTP 401")
    assert await store.revive_dead([999], now=later(hours=1)) == 0
    assert await store.revive_dead(now=later(hours=1)) == 1
    (d,) = await store.due_deliveries(later(hours=1))
    assert (d.status, d.attempts) == ("pending", 0)
    await store.mark_sending([d.id], later(hours=1))
    await store.mark_sent([d.id], later(hours=1))
    assert await store.due_deliveries(later(days=9)) == []
    assert await store.backlog(later(days=9)) == Backlog(0, 0, 0, 1, 0)


async def test_crash_between_commit_and_send_leaves_pending(store: Store, reopen: Reopen) -> None:
    async with store.transaction():
        await store.save_facts(NARCOS.key, Facts(premiere=FuzzyDate.parse("2025-03-14")), NOW)
        await store.enqueue([EVENT], ROUTES, NOW)
    await store.close()  # the process dies before delivering
    async with await reopen() as s:
        due = await s.due_deliveries(NOW)
        assert [(d.notifier, d.target, d.status) for d in due] == [
            ("fans", 0, "pending"), ("fans", 1, "pending"), ("ops", 0, "pending")]
        await s.mark_sending([due[0].id], NOW)
        await s.mark_sent([due[0].id], NOW)
        await s.mark_sending([due[1].id], NOW)  # dies while sending this one
    async with await reopen() as s:
        due = await s.due_deliveries(NOW)
        # The sent one never again; the one caught mid-send is sent again (at-least-once).
        assert [(d.notifier, d.target, d.status) for d in due] == [
            ("fans", 1, "sending"), ("ops", 0, "pending")]
        assert [(d.notifier, d.target) for d in await s.claim_deliveries(NOW)] == [("fans", 1), ("ops", 0)]



async def test_facts_are_settled_when_stored_and_no_change_waits(store: Store) -> None:
    assert not await store.facts_settled(NARCOS.key)  # no facts yet
    await store.save_facts(NARCOS.key, Facts(premiere=FuzzyDate.parse("2025")), NOW)
    assert await store.facts_settled(NARCOS.key)
    held = Pending(FuzzyDate.parse("2025-05"), NOW, 1, URL)
    await store.save_facts(NARCOS.key, Facts(premiere=FuzzyDate.parse("2025"), pending=held), NOW)
    assert not await store.facts_settled(NARCOS.key)  # a change waits for another read

async def test_count_events_since_and_history_order(store: Store) -> None:
    yesterday = NOW - dt.timedelta(days=1)
    await store.enqueue([Event("rumour", NARCOS.key, NARCOS.label, new="2025")], {}, yesterday)
    await store.enqueue([EVENT], {}, NOW)
    await store.enqueue([Event("trailer_released", NARCOS.key, NARCOS.label, new="video:x")], {},
                  later(minutes=1))
    await store.enqueue([Event("rumour", "other", "Other", new="2025")], {}, NOW)
    assert await store.count_events_since(NARCOS.key, NOW.replace(hour=0, minute=0, second=0, microsecond=0)) == 2
    assert [r.event.kind for r in await store.history(NARCOS.key)] == [
        "trailer_released", "premiere_announced", "rumour"]
    assert len(await store.history(NARCOS.key, limit=1)) == 1


# -- the pipeline's use: read -> reconcile -> facts + outbox in one transaction --------


async def test_store_and_reconcile_end_to_end(store: Store) -> None:
    async def read(result: SourceResult, now: dt.datetime, source: str = SRC) -> list[Event]:
        async with store.transaction():
            saved = await store.save_source_result(source, URL, "page", result, now)
            events: list[Event] = []
            for key in saved.targets:
                previous = await store.facts(key)
                facts = reconcile(await store.observations(key), previous, now)
                events += diff(previous, facts, NARCOS)
                await store.save_facts(key, facts, now)
            await store.enqueue(events, ROUTES, now)
        return events

    first = await read(ok(observation("2025-03-14", published=None)), NOW)
    assert [(e.kind, e.change) for e in first] == [("premiere_announced", "already")]
    failed = SourceResult("failed", reason="timed out after 20s")
    assert await read(failed, later(hours=1)) == []
    assert await read(ok(observation("2025-03-14", published=None)), later(hours=2)) == []
    # An undated page flips once: held; the 304 that follows confirms it.
    assert await read(ok(observation("2025-05-02", published=None)), later(hours=3)) == []
    facts = await store.facts(NARCOS.key)
    assert facts is not None and facts.pending is not None
    moved = await read(SourceResult("unchanged"), later(hours=4))
    assert [(e.kind, e.old, e.new) for e in moved] == [
        ("premiere_changed", "2025-03-14", "2025-05-02")]
    assert await read(ok(observation("2025-03-14", published=None)), later(hours=5)) == []
    assert (await store.backlog(later(hours=5))).pending == 6


async def test_a_document_repeated_in_one_result_is_one_read(store: Store) -> None:
    await store.save_source_result(SRC, URL, "feed", ok(observation("2025-05"), observation("2025-05")),
                             NOW)
    (obs,) = await store.observations(NARCOS.key)
    assert len(obs.history) == 1


async def test_concurrent_tasks_share_one_store(store: Store) -> None:
    import asyncio

    async def work(n: int) -> None:
        for i in range(20):
            async with store.transaction():
                await store.save_facts(f"w{n}", Facts(), NOW)
                await asyncio.sleep(0)  # let the other tasks run mid-transaction
                await store.enqueue([Event("rumour", f"w{n}", "W", new=str(i))], {f"w{n}": [("fans", 0)]}, NOW)

    await asyncio.gather(*(work(n) for n in range(4)))
    assert (await store.backlog(NOW)).pending == 80
    assert len(await store.all_facts()) == 4


async def test_retry_now_hurries_failed_and_waiting_rows_not_held_ones(store: Store) -> None:
    quiet = later(hours=8)
    first = Event("premiere_announced", NARCOS.key, NARCOS.label, new="2025-03-14")
    second = Event("trailer_released", NARCOS.key, NARCOS.label, new="video:x")
    await store.enqueue([first, second], {NARCOS.key: [("fans", 0)]}, NOW)
    await store.enqueue([Event("rumour", NARCOS.key, NARCOS.label, new="2025")],
                  {NARCOS.key: [("digest", 0)]}, NOW, hold_until=lambda n, e: quiet)
    a, b = await store.due_deliveries(NOW)
    await store.mark_sending([a.id], NOW)
    await store.mark_failed(a.id, "HTTP 500", later(hours=1), NOW)
    await store.mark_failed(b.id, "waiting: an earlier alert to this target failed", later(hours=1), NOW)
    assert await store.retry_now(later(minutes=5)) == 2
    assert [d.event for d in await store.due_deliveries(later(minutes=5))] == [first, second]


async def test_a_delivery_says_which_state_it_is_in(store: Store) -> None:
    quiet = later(hours=8)
    await store.enqueue([EVENT], {NARCOS.key: [("fans", 0), ("night", 0)]}, NOW,
                        hold_until=lambda notifier, e: quiet if notifier == "night" else None)
    (held,) = await store.held_deliveries(NOW)
    assert (held.notifier, held.state) == ("night", "pacing")
    (due,) = await store.claim_deliveries(NOW)
    await store.mark_sending([due.id], NOW)
    assert [d.state for d in await store.due_deliveries(NOW)] == ["sending"]
    await store.mark_failed(due.id, "HTTP 500", later(minutes=1), NOW)
    assert [d.state for d in await store.due_deliveries(later(minutes=1))] == ["backoff"]
    await store.mark_failed(held.id, "waiting: an earlier alert failed", quiet, NOW)
    assert {d.notifier: d.state for d in await store.due_deliveries(quiet)} == {"fans": "backoff", "night": "waiting"}
    await store.mark_failed(due.id, "HTTP 401", None, NOW)
    assert [d.state for d in await store.dead_deliveries()] == ["dead"]


async def test_a_sources_failures_and_histories_read_together_match_reading_them_apart(store: Store) -> None:
    b = store.backend
    async with store.transaction():
        assert await b.source_reads("new", with_histories=True) == (None, {})
        await b.record_check("s", "http://x/", "page", NOW, "ok", "", 0, None, ("e1", "m1", "h1", '{"k": 1}'))
        assert await b.source_state("s") == ("e1", "m1", "h1", '{"k": 1}')  # validators with the check
        assert await b.source_reads("s", with_histories=True) == ((0, False, True), {})
        await b.upsert_observation("s", "http://x/", "t1", "{}", False, None, NOW, '[{"at": "a"}]')
        await b.upsert_observation("s", "http://x/2", "t2", "{}", False, None, NOW, "[]")
        await b.upsert_observation("orphan", "http://y/", "t1", "{}", False, None, NOW, "[]")
        await b.record_check("s", "http://x/", "page", NOW, "failed", "boom", 3, None)
        assert await b.source_state("s") == ("e1", "m1", "h1", '{"k": 1}')  # a failure keeps them
        for sid in ("s", "orphan"):
            together = await b.source_reads(sid, with_histories=True)
            assert together == (await b.source_failures(sid), await b.histories(sid))
        assert (await b.source_reads("s", with_histories=True))[1] == {
            ("http://x/", "t1"): [{"at": "a"}], ("http://x/2", "t2"): []}
        assert await b.source_reads("s", with_histories=False) == ((3, False, True), {})
        assert await b.source_reads("orphan", with_histories=True) == (None, {("http://y/", "t1"): []})
