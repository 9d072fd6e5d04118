"""The daemon in-process, with a fake pipeline: scheduling rules that are slow or racy to show end to end."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from apscheduler.triggers.cron import CronTrigger

from premiere_watch import logs, notify
from premiere_watch.config import Config, SourceConfig, Watch, load
from premiere_watch.model import Event
from premiere_watch.pipeline import SourceOutcome
from premiere_watch.schedule import Schedule
from premiere_watch.scheduler import Daemon, make_trigger

UTC = dt.UTC


@pytest.fixture(autouse=True)
def _keep_logging() -> Iterator[None]:
    """A reload re-runs logs.setup on the root logger; give pytest's handlers back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def now() -> dt.datetime:
    return dt.datetime.now(UTC)


@dataclass
class Row:
    source_id: str
    next_due: dt.datetime | None
    last_check: dt.datetime | None = None


class FakeStore:
    """Only what the daemon itself touches: the stored next due times."""

    def __init__(self, due: dict[str, dt.datetime] | None = None,
                 checked: dict[str, dt.datetime] | None = None) -> None:
        self.due = dict(due or {})
        self.checked = dict(checked or {})
        self.broken = False  # the database fails (disk I/O error)

    location = "fake"

    async def source_rows(self) -> list[Row]:
        if self.broken:
            raise OSError("disk I/O error")
        return [Row(k, v, self.checked.get(k)) for k, v in self.due.items()]


class FakeRunner:
    def __init__(self, config: Config, store: FakeStore, read_seconds: float = 0.0) -> None:
        self.config = config
        self.store = store
        self.read_seconds = read_seconds
        self.reads: list[tuple[str, float]] = []  # (source id, loop time started)
        self.done: list[str] = []
        self.in_flight = self.most_in_flight = 0
        self.deliveries = 0
        self.closed = False

    async def check_source(
        self, source: SourceConfig, watches: Sequence[Watch], *, next_due: dt.datetime | None = None
    ) -> tuple[SourceOutcome, list[Event]]:
        self.reads.append((source.id, asyncio.get_running_loop().time()))
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.read_seconds)
        finally:
            self.in_flight -= 1
        self.done.append(source.id)
        if next_due is not None:  # the pipeline stores the scheduler's next due time with the result
            self.store.due[source.id] = next_due
        return SourceOutcome(source.id, source.url, "ok"), []

    async def deliver(self) -> notify.DeliveryReport:
        self.deliveries += 1
        return notify.DeliveryReport()

    async def aclose(self) -> None:
        self.closed = True


def write(path: Path, sources: dict[str, str]) -> Config:
    entries = ", ".join(f'{{ url = "http://127.0.0.1:9/{p}", interval = "{i}" }}' for p, i in sources.items())
    path.write_text(f'[settings]\ndatabase = "state.db"\n[[watch]]\ntitle = "Narcos"\nsources = [{entries}]\n')
    return load(path)


def sid(name: str) -> str:
    return f"page:http://127.0.0.1:9/{name}"


def serve(daemon: Daemon, seconds: float, during: object = None, at: float | None = None) -> int:
    """Run the daemon for ``seconds`` then ask it to stop; return its exit code."""

    async def main() -> int:
        loop = asyncio.get_running_loop()
        loop.call_later(seconds, daemon.request_stop)
        if callable(during):
            loop.call_later(seconds / 2 if at is None else at, during)
        return await daemon.serve()

    return asyncio.run(main())


def make(config: Config, store: FakeStore, read_seconds: float = 0.0, **kw: object) -> tuple[Daemon, list[FakeRunner]]:
    runners: list[FakeRunner] = []

    def factory(c: Config, s: FakeStore) -> FakeRunner:
        runners.append(FakeRunner(c, s, read_seconds))
        return runners[-1]

    return Daemon(config, store, factory, **kw), runners  # type: ignore[arg-type]


# -- triggers ---------------------------------------------------------------------


def test_interval_jitter_is_ten_percent_either_way() -> None:
    trigger = make_trigger(Schedule.parse("10s"))
    fire, gaps = now(), []
    for _ in range(300):
        nxt = trigger.get_next_fire_time(fire, fire)
        gaps.append((nxt - fire).total_seconds())
        fire = nxt
    assert min(gaps) >= 9.0 and max(gaps) <= 11.0
    assert 9.7 < sum(gaps) / len(gaps) < 10.3  # no drift: averages the interval


def test_cron_schedules_use_crontab_syntax_in_utc() -> None:
    trigger = make_trigger(Schedule.parse("cron: */15 * * * *"))
    assert isinstance(trigger, CronTrigger)
    fire = trigger.get_next_fire_time(None, dt.datetime(2026, 1, 1, 10, 7, tzinfo=UTC))
    assert fire == dt.datetime(2026, 1, 1, 10, 15, tzinfo=UTC)
    # Weekday 1 is Monday, as in crontab (APScheduler 3's from_crontab would say Tuesday).
    monday = make_trigger(Schedule.parse("cron: 0 9 * * 1"))
    fire = monday.get_next_fire_time(None, dt.datetime(2026, 1, 1, tzinfo=UTC))  # a Thursday
    assert fire == dt.datetime(2026, 1, 5, 9, 0, tzinfo=UTC) and fire.weekday() == 0


# -- first runs after a restart ------------------------------------------------------


def test_first_run_follows_the_stored_next_due(tmp_path: Path) -> None:
    config = write(tmp_path / "w.toml", {"new": "1h", "future": "1h", "overdue": "1h"})
    store = FakeStore({sid("future"): now() + dt.timedelta(minutes=30),
                       sid("overdue"): now() - dt.timedelta(days=3)})
    daemon, runners = make(config, store)
    assert serve(daemon, 0.6) == 0
    assert sorted(s for s, _ in runners[0].reads) == [sid("new"), sid("overdue")]  # once each
    # Stored again after the read: the job's real next run, an hour ±10% away.
    ahead = (store.due[sid("new")] - now()).total_seconds()
    assert 3600 * 0.9 - 5 < ahead < 3600 * 1.1
    assert runners[0].closed and runners[0].deliveries >= 1


def test_a_stored_time_beyond_a_shortened_interval_is_pulled_in(tmp_path: Path) -> None:
    config = write(tmp_path / "w.toml", {"p": "1s"})
    # Read 0.5 s ago while the interval was 6h; now it is 1s: due in 0.5 s, not in 6 h.
    store = FakeStore({sid("p"): now() + dt.timedelta(hours=6)}, {sid("p"): now() - dt.timedelta(seconds=0.5)})
    daemon, runners = make(config, store, jitter=0.0)
    serve(daemon, 1.2)
    assert len(runners[0].reads) == 1


# -- in-flight work -----------------------------------------------------------------------


def test_a_slow_read_is_not_overlapped_by_its_next_turn(tmp_path: Path) -> None:
    config = write(tmp_path / "w.toml", {"p": "1s"})
    daemon, runners = make(config, FakeStore(), read_seconds=1.6, jitter=0.0)
    serve(daemon, 2.4)
    runner = runners[0]
    assert runner.most_in_flight == 1
    assert len(runner.reads) == 2  # t=0 (until 1.6), t=1 skipped, t=2 reads again
    assert runner.done == [sid("p")] * 2  # the stop waited for the second one


def test_stop_cancels_reads_still_running_after_the_grace_period(tmp_path: Path) -> None:
    config = write(tmp_path / "w.toml", {"p": "1h"})
    daemon, runners = make(config, FakeStore(), read_seconds=30, grace=0.3)
    started = asyncio.run(_timed(daemon, 0.2))
    assert started < 2.0
    assert runners[0].done == []  # cancelled: nothing stored, the source stays due
    assert runners[0].deliveries >= 1 and runners[0].closed  # pending alerts get their round


async def _timed(daemon: Daemon, stop_after: float) -> float:
    loop = asyncio.get_running_loop()
    loop.call_later(stop_after, daemon.request_stop)
    began = loop.time()
    await daemon.serve()
    return loop.time() - began


# -- reload ---------------------------------------------------------------------------------


def test_reload_applies_added_removed_and_changed_sources(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    config = write(path, {"keep": "1h", "gone": "1h", "faster": "1h"})
    daemon, runners = make(config, FakeStore(), jitter=0.0)

    def edit() -> None:
        write(path, {"keep": "1h", "faster": "1s", "added": "1h"})
        daemon.request_reload()

    serve(daemon, 2.0, during=edit, at=0.5)
    reads = [s for s, _ in runners[0].reads]
    assert reads.count(sid("keep")) == 1 and reads.count(sid("gone")) == 1
    assert reads.count(sid("added")) == 1
    assert reads.count(sid("faster")) >= 2  # the shorter interval applied at once
    assert len(runners) == 1  # same fetch settings: the fetcher (and its politeness) is kept
    assert runners[0].config.path == path and len(list(runners[0].config.sources())) == 3


def test_an_invalid_watchlist_is_rejected_and_the_old_one_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "w.toml"
    config = write(path, {"p": "1s"})
    daemon, runners = make(config, FakeStore(), jitter=0.0)

    def edit() -> None:
        path.write_text('[[watch]]\ntitle = "Narcos"\nsources = ["not a url"]\n')
        daemon.request_reload()

    with caplog.at_level(logging.INFO):
        serve(daemon, 2.3, during=edit)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("reload rejected" in e and "not a web address" in e for e in errors), errors
    assert len(runners[0].reads) >= 3  # kept reading the old source every second
    assert daemon.config is config


def test_changed_fetch_settings_get_a_new_pipeline_and_the_old_one_is_closed(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    config = write(path, {"p": "1h"})
    daemon, runners = make(config, FakeStore())

    def edit() -> None:
        path.write_text(path.read_text().replace("[settings]\n", '[settings]\nuser_agent = "other"\n'))
        daemon.request_reload()

    serve(daemon, 1.0, during=edit)
    assert len(runners) == 2
    assert runners[0].closed and runners[1].closed
    assert runners[1].config.settings.user_agent == "other"


def test_quiet_hides_the_per_read_lines(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    config = write(tmp_path / "w.toml", {"p": "1h"})
    logs.setup("error", "text")
    daemon, _ = make(config, FakeStore(), log_level="error")
    serve(daemon, 0.4)
    assert capfd.readouterr().err == ""


def test_a_reload_masks_the_new_files_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.toml"
    config = write(path, {"p": "1h"})
    monkeypatch.setenv("PW_HOOK", "hook-secret-42")
    daemon, _ = make(config, FakeStore())

    def edit() -> None:
        path.write_text(path.read_text() + '[[notifier]]\nname = "fans"\nurl = "json://127.0.0.1:9/${PW_HOOK}"\n')
        daemon.request_reload()

    logs.setup("info", "text", config.secrets)
    serve(daemon, 0.6, during=edit)
    logging.getLogger("premiere_watch.test").warning("leaked hook-secret-42?")
    err = capfd.readouterr().err
    assert "reloaded" in err and "leaked ****?" in err and "hook-secret-42" not in err


def test_a_forced_stop_cancels_at_once(tmp_path: Path) -> None:
    config = write(tmp_path / "w.toml", {"p": "1h"})
    daemon, runners = make(config, FakeStore(), read_seconds=30)  # grace stays the default 10 s

    async def main() -> float:
        loop = asyncio.get_running_loop()
        loop.call_later(0.2, daemon.request_stop)
        loop.call_later(0.4, daemon.request_stop, True)  # e.g. Ctrl-C twice
        began = loop.time()
        await daemon.serve()
        return loop.time() - began

    assert asyncio.run(main()) < 2.0
    assert runners[0].done == [] and runners[0].closed


def test_reads_queued_behind_the_concurrency_limit_do_not_start_after_a_stop(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    write(path, {"a": "1h", "b": "1h", "c": "1h"})
    path.write_text(path.read_text().replace("[settings]\n", "[settings]\nconcurrency = 1\n"))
    daemon, runners = make(load(path), FakeStore(), read_seconds=0.5)
    serve(daemon, 0.2)
    assert len(runners[0].reads) == 1 and len(runners[0].done) == 1  # the one in flight finished


def test_a_reload_that_cannot_be_applied_keeps_the_old_watchlist_whole(tmp_path: Path,
                                                                        caplog: pytest.LogCaptureFixture) -> None:
    """Issue 14 item 5: a reload that failed after loading left the new interval in use."""
    path = tmp_path / "w.toml"
    config = write(path, {"p": "1s"})
    store = FakeStore()
    daemon, runners = make(config, store, jitter=0.0)

    def edit() -> None:
        write(path, {"p": "1h", "added": "1s"})
        store.broken = True  # the store fails while the new watchlist is applied
        daemon.request_reload()

    with caplog.at_level(logging.INFO):
        serve(daemon, 2.3, during=edit)
    assert any("reload failed; still running the previous watchlist" in r.getMessage() for r in caplog.records)
    assert daemon.config is config and len(runners) == 1 and runners[0].config is config
    reads = [s for s, _ in runners[0].reads]
    assert reads.count(sid("p")) >= 3 and sid("added") not in reads  # still every second, nothing added
