"""Scale-out as an operator runs it: separate processes on one PostgreSQL.

A scheduler (``run --no-worker``) and three ``worker`` processes read 2,000
sources of a local site; one worker is SIGKILLed mid-pass.  Two ``run``
processes fail over.  ``migrate`` carries a SQLite database across.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import shlex
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from articles import article
from postgres_server import PostgresServer
from premiere_watch.config import load
from receivers import JsonReceiver
from runner import RunCli, cli_argv
from servers import PageServer

ADJECTIVES = ["Amber", "Silver", "Quiet", "Hollow", "Crimson", "Distant", "Velvet", "Broken", "Golden", "Iron",
              "Paper", "Glass", "Winter", "Lonely", "Burning", "Salt", "Hidden", "Northern", "Copper", "Wild"]
NOUNS = ["Harbor", "Orchard", "Tide", "Crown", "Meadow", "Signal", "Lantern", "Valley", "Engine", "Garden"]
READ_TASK = "premiere_watch.read_source"


def titles(n: int) -> list[str]:
    return [f"{a} {b}" for a, b in itertools.islice(itertools.product(ADJECTIVES, NOUNS), n)]


def write_site(tmp_path: Path, pages: PageServer, receiver: JsonReceiver, database: str, watches: int,
               sources_per_watch: int, interval: str) -> Path:
    """``watches`` series, each with ``sources_per_watch`` pages announcing its premiere."""
    blocks = []
    for w, title in enumerate(titles(watches)):
        text = article("2016-06-07", f"{title} season 2 gets a date",
                       f"Netflix announced that {title} season 2 will premiere on Friday, September 2, 2016.")
        urls = []
        for s in range(sources_per_watch):
            path = f"/w{w}/s{s}"
            pages.route(path, text)
            urls.append(f'"{pages.url(path)}"')
        blocks.append(f'[[watch]]\ntitle = "{title}"\nseason = 2\nsources = [{", ".join(urls)}]\n')
    config = tmp_path / "watchlist.toml"
    config.write_text(f"""
[settings]
database = "{database}"
interval = "{interval}"
host_delay = "0s"
host_concurrency = 16
concurrency = 16
retries = 0
announce_existing = true

[[notifier]]
name = "fans"
url = "{receiver.url}"

""" + "\n".join(blocks))
    return config


class Processes:
    """premiere-watch processes started by a test, their logs, and a clean end."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, *args: str, argv: list[str] | None = None) -> subprocess.Popen[bytes]:
        """``premiere-watch ARGS`` (or ``argv`` as given), its output in ``<name>.log``."""
        log = (self.tmp_path / f"{name}.log").open("wb")
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        # Its own process group, so a kill takes its page-reader processes too, as systemd's does.
        proc = subprocess.Popen(argv or cli_argv(*args), stdout=log, stderr=subprocess.STDOUT, cwd=self.tmp_path,
                                env=env, start_new_session=True)
        self.procs[name] = proc
        return proc

    def log(self, name: str) -> str:
        return (self.tmp_path / f"{name}.log").read_text(errors="replace")

    def wait_for(self, name: str, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.log(name):
                return
            if self.procs[name].poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"{name} never logged {text!r}:\n{self.log(name)[-3000:]}")

    def kill(self, name: str) -> None:
        """SIGKILL the process and everything it started (its process group)."""
        proc = self.procs[name]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)

    def stop_all(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for name, proc in self.procs.items():
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(30)
            self.kill(name)  # whatever is left of its group (pool workers of a killed process)


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    procs = Processes(tmp_path)
    try:
        yield procs
    finally:
        procs.stop_all()


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql.encode()).fetchall()


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_worker_needs_postgresql(tmp_path: Path, run_cli: RunCli) -> None:
    config = tmp_path / "watchlist.toml"
    config.write_text('[settings]\ndatabase = "state.db"\n[[watch]]\ntitle = "Narcos"\nsources = ["https://example.com/n"]\n')
    proc = run_cli("worker", "-c", str(config))
    assert proc.returncode == 2
    assert "postgresql://" in proc.stderr and "workers share a PostgreSQL database" in proc.stderr


def test_a_worker_reads_in_the_processes_it_is_given(tmp_path: Path, run_cli: RunCli) -> None:
    from premiere_watch import cluster
    from premiere_watch.pipeline import Pipeline
    from premiere_watch.store import open_store

    config_file = tmp_path / "watchlist.toml"
    config_file.write_text('[settings]\ndatabase = "state.db"\n[[watch]]\ntitle = "Narcos"\n'
                           'sources = ["https://example.com/n"]\n')
    config = load(config_file)

    async def readers() -> list[int]:
        store = await open_store(tmp_path / "state.db")
        try:
            out = []
            for n in (1, 0):
                factory = cluster.reading_in(n)
                assert factory is not None
                pipeline = factory(config, store)
                assert isinstance(pipeline, Pipeline)
                out.append(pipeline.reader.workers)
            return out
        finally:
            await store.close()

    # A worker is one core's worth of extraction by default; `run` keeps one process per core.
    assert cluster.reading_in(None) is None
    assert asyncio.run(readers()) == [1, 0]
    proc = run_cli("worker", "-c", str(config_file), "--processes", "-1")
    assert proc.returncode == 2 and "--processes" in proc.stderr and "0 (read in the worker itself)" in proc.stderr


@pytest.mark.timeout(600)
def test_a_scheduler_and_three_workers_read_everything_once_though_one_is_killed(
    tmp_path: Path, page_server: PageServer, json_receiver: JsonReceiver, postgres_database: Callable[[], str],
    processes: Processes,
) -> None:
    url = postgres_database()
    watches, per_watch = 200, 10  # 2,000 sources; two sources of a watch often land on two workers at once
    config = write_site(tmp_path, page_server, json_receiver, url, watches, per_watch, "1h")
    processes.start("scheduler", "run", "--no-worker", "-c", str(config))
    processes.wait_for("scheduler", "scheduling:")
    for n in (1, 2, 3):
        processes.start(f"worker{n}", "worker", "-c", str(config), "--concurrency", "8")

    def read() -> int:
        # 'unchanged': read again after a killed worker had stored its read but not finished its job.
        return int(query(url, "SELECT count(*) FROM sources WHERE last_result IN ('ok', 'unchanged')")[0][0])

    wait_until(lambda: read() >= 400, 300, "the pass to get going")
    processes.kill("worker1")  # mid-pass: its jobs in flight are left 'doing'
    assert read() < watches * per_watch, "the pass ended before the kill: nothing was tested"

    def done() -> bool:
        left = query(url, f"SELECT count(*) FROM procrastinate_jobs WHERE task_name = '{READ_TASK}' "
                          "AND status IN ('todo', 'doing')")[0][0]
        alerted = {doc["title"] for doc in json_receiver.received}
        return read() == watches * per_watch and left == 0 and len(alerted) >= watches

    wait_until(done, 400, "every source read and no job left (the killed worker's retried)")
    time.sleep(1)  # anything still in flight would arrive now
    # Every page fetched at least once; each watch announced once, whoever read which page.
    assert all(page_server.count(f"/w{w}/s{s}") >= 1 for w in range(watches) for s in range(per_watch))
    received = Counter(next(t for t in titles(watches) if doc["title"].startswith(f"{t} S2 "))
                       for doc in json_receiver.received)
    assert set(received) == set(titles(watches))
    # The one exception the design allows (README, "What is guaranteed"): the alert the killed worker
    # was sending when it died, if the receiver had it but the worker died before recording the send.
    # Its row then shows two send attempts (the dead worker's and the one that delivered it).
    twice = [title for title, n in received.items() if n > 1]
    assert len(twice) <= 1 and max(received.values()) <= 2, received.most_common(3)
    resent = [payload for payload, in query(url, "SELECT e.payload FROM deliveries d JOIN events e "
                                                 "ON e.id = d.event_id WHERE d.attempts > 1")]
    assert all(any(f'"{title} S2"' in payload for payload in resent) for title in twice), (twice, resent)
    assert query(url, "SELECT status, count(*) FROM deliveries GROUP BY status") == [("sent", watches)]
    assert query(url, "SELECT count(*) FROM sources WHERE last_result = 'failed'") == [(0,)]
    stalled = processes.log("worker2") + processes.log("worker3")
    assert "retried" in stalled and "workers that stopped" in stalled, stalled[-3000:]


def test_a_standby_scheduler_takes_over_within_30_seconds(
    tmp_path: Path, page_server: PageServer, json_receiver: JsonReceiver, postgres_database: Callable[[], str],
    processes: Processes,
) -> None:
    url = postgres_database()
    interval = 8.0
    config = write_site(tmp_path, page_server, json_receiver, url, 10, 2, f"{interval:.0f}s")
    processes.start("first", "run", "-c", str(config))
    processes.wait_for("first", "scheduling:")
    processes.start("second", "run", "--watch-config", "-c", str(config))
    processes.wait_for("second", "standing by")
    time.sleep(interval * 1.5)  # every source read once or twice under the first
    processes.kill("first")
    killed = time.monotonic()
    processes.wait_for("second", "scheduling:", timeout=30)
    took_over = time.monotonic() - killed
    assert took_over < 30
    time.sleep(interval * 2.5)
    # No source waited more than about two intervals (one missed at most) across the failover.
    for path in (f"/w{w}/s{s}" for w in range(10) for s in range(2)):
        starts = [r.start for r in page_server.requests(path)]
        assert len(starts) >= 3, (path, starts)
        gaps = [b - a for a, b in itertools.pairwise(starts)]
        assert max(gaps) <= 2 * interval * 1.1 + 2, (path, gaps, took_over)
    # The new scheduler follows the watchlist as the old one did (--watch-config, as SIGHUP does).
    page_server.route("/added", article(
        "2016-06-07", "x", "Netflix announced that Amber Harbor season 2 will premiere on September 2, 2016."))
    config.write_text(config.read_text().replace('sources = ["', f'sources = ["{page_server.url("/added")}", "', 1))
    processes.wait_for("second", "1 added", timeout=15)
    wait_until(lambda: page_server.count("/added") >= 1, 20, "the added source to be read")


def test_migrate_carries_a_sqlite_database_into_postgresql(
    tmp_path: Path, run_cli: RunCli, page_server: PageServer, json_receiver: JsonReceiver,
    postgres_server: PostgresServer,
) -> None:
    from articles import DAY, TRAILER

    sqlite_config = write_site(tmp_path, page_server, json_receiver, str(tmp_path / "state.db"), 2, 1, "6h")
    page_server.route("/w0/s0", DAY.replace("Narcos", "Amber Harbor"))
    page_server.route("/w1/s0", TRAILER.replace("Narcos", "Amber Orchard"))
    json_receiver.script(500)  # the first alert fails; the others wait behind it in the outbox
    assert run_cli("check", "-c", str(sqlite_config)).returncode == 0
    before = json.loads(run_cli("status", "--json", "-c", str(sqlite_config)).stdout)
    assert before["outbox"]["pending"] == 3 and json_receiver.received == []

    target = postgres_server.new_database()
    proc = run_cli("migrate", "-c", str(sqlite_config), "--to", target)
    assert proc.returncode == 0, proc.stderr
    assert "copied" in proc.stdout
    again = run_cli("migrate", "-c", str(sqlite_config), "--to", target)
    assert again.returncode == 4 and "not empty" in again.stderr  # never overwrites

    pg_config = tmp_path / "pg.toml"
    pg_config.write_text(sqlite_config.read_text().replace(str(tmp_path / "state.db"), target))
    after = json.loads(run_cli("status", "--json", "-c", str(pg_config)).stdout)
    assert after.pop("database") != before.pop("database")
    assert after == before  # the same facts, sources, schedules and pending alerts
    # The pending alerts go out from PostgreSQL, once.
    assert run_cli("retry", "-c", str(pg_config)).returncode == 0
    assert len(json_receiver.received) == before["outbox"]["pending"]


def test_the_readme_postgres_watchlist_loads_and_masks_its_password(tmp_path: Path, run_cli: RunCli) -> None:
    from test_readme import examples

    path = tmp_path / "watchlist.toml"
    path.write_text(examples()["postgres"])
    config = load(path, {"PGPASSWORD": "s3cret-pw"})
    assert config.shared_database and "s3cret-pw" in config.secrets
    assert config.database_label == "postgresql://premiere:****@db.example.com:5432/premiere"
    proc = run_cli("validate", "-c", str(path), env={"PGPASSWORD": "s3cret-pw"})
    assert proc.returncode == 0, proc.stderr
    assert "postgresql://premiere:****@db.example.com" in proc.stdout and "s3cret-pw" not in proc.stdout
    # postgres:// too; a password written in the URL is masked as well; other schemes are refused.
    inline = tmp_path / "inline.toml"
    inline.write_text(examples()["postgres"].replace("postgresql://premiere:${PGPASSWORD}",
                                                     "postgres://premiere:inline-pw"))
    shown = run_cli("validate", "-c", str(inline))
    assert shown.returncode == 0 and "inline-pw" not in shown.stdout + shown.stderr
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(examples()["postgres"].replace("postgresql://", "mysql://"))
    refused = run_cli("validate", "-c", str(wrong), env={"PGPASSWORD": "x"})
    assert refused.returncode == 2 and "postgresql://" in refused.stderr


def test_the_readme_worker_unit_starts_reloads_and_stops_a_worker(
    tmp_path: Path, page_server: PageServer, json_receiver: JsonReceiver, postgres_database: Callable[[], str],
    processes: Processes,
) -> None:
    from test_daemon_docs import WORKER_SERVICE, service

    config = write_site(tmp_path, page_server, json_receiver, postgres_database(), 1, 1, "1h")
    unit = service(tmp_path, config, WORKER_SERVICE)
    argv = shlex.split(unit["ExecStart"])
    assert os.path.isabs(argv[0]) and argv[1] == "worker"  # systemd needs an absolute path
    proc = processes.start("unit", argv=argv)
    processes.wait_for("unit", "worker: up to")
    reload = unit["ExecReload"].replace("$MAINPID", str(proc.pid))
    assert subprocess.run(shlex.split(reload), timeout=10).returncode == 0
    processes.wait_for("unit", "reloaded")
    began = time.monotonic()
    proc.send_signal(signal.SIGTERM)  # systemd's default KillSignal: procrastinate's graceful stop
    assert proc.wait(60) == 0, processes.log("unit")
    assert time.monotonic() - began < float(unit["TimeoutStopSec"])
    assert unit["RestartPreventExitStatus"].split() == ["2"]


async def _check_while_a_worker_reads(url: str, config_path: Path) -> tuple[str, int]:
    from premiere_watch.pipeline import Pipeline
    from premiere_watch.store import open_store

    config = load(config_path)
    ((source, _),) = list(config.sources())
    async with await open_store(url) as worker, await open_store(url) as store:
        async with worker.reading(source.id) as mine:  # a worker is reading this source right now
            assert mine
            pipeline = Pipeline(config, store)
            try:
                report = await pipeline.check()
            finally:
                await pipeline.aclose()
        (outcome,) = report.outcomes
        return outcome.status, len(report.events)


def test_check_leaves_a_source_a_worker_is_reading_to_it(
    tmp_path: Path, page_server: PageServer, json_receiver: JsonReceiver, postgres_database: Callable[[], str],
) -> None:
    import asyncio

    url = postgres_database()
    config = write_site(tmp_path, page_server, json_receiver, url, 1, 1, "1h")
    assert asyncio.run(_check_while_a_worker_reads(url, config)) == ("busy", 0)
    assert page_server.count("/w0/s0") == 0  # not fetched twice at once


@pytest.mark.timeout(300)
def test_the_worker_benchmark_runs(postgres_server: PostgresServer) -> None:
    """``benchmarks/bench_workers.py`` end to end on a few pages (figures are its business, not ours)."""
    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    proc = subprocess.run([sys.executable, str(root / "benchmarks" / "bench_workers.py"), "--n", "12",
                           "--workload", "news", "--concurrency", "4"],
                          capture_output=True, text=True, timeout=280, cwd=root, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = [line.split() for line in proc.stdout.splitlines() if line.strip()[:1].isdigit()]
    assert [row[0] for row in rows] == ["1", "2"] and rows[0][3] == "1.00x", proc.stdout
