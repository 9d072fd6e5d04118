"""`premiere-watch run` as an operator runs it: a real subprocess, real signals, a real page server.

Intervals of 1-2 s and ``host_delay = "0s"`` keep the file quick; counts
allow for the ±10% jitter and for process start-up.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from premiere_watch.store import Store, open_store
from receivers import JsonReceiver
from servers import PageServer, Reply

T = TypeVar("T")

PAGE = "<html><body><article><h1>News</h1><p>Nothing about the show yet.</p></article></body></html>"
ANNOUNCED = """<!doctype html><html><head><meta charset="utf-8"><title>Narcos season 2 gets a date</title>
<meta property="article:published_time" content="2016-06-07T08:00:00Z"></head>
<body><article><h1>Narcos season 2 gets a date</h1>
<p>Netflix announced that Narcos season 2 will premiere on Friday, September 2, 2016.</p></article></body></html>"""


def watchlist(path: Path, server: PageServer, sources: dict[str, str], extra: str = "", notify: str = "") -> Path:
    """A watchlist reading ``sources`` ({path: interval}) on ``server``."""
    entries = ", ".join(f'{{ url = "{server.url(p)}", interval = "{every}" }}' for p, every in sources.items())
    text = f"""
[settings]
database = "state.db"
host_delay = "0s"
retries = 0
{extra}
[[watch]]
title = "Narcos"
season = 2
sources = [{entries}]
"""
    if notify:
        text += f'[[notifier]]\nname = "fans"\nurl = "{notify}"\n'
    # Replace atomically so a watching daemon never reads half a file.
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)
    return path


class Daemon:
    """``premiere-watch run`` in a subprocess, its log collected line by line."""

    def __init__(self, config: Path, *args: str, argv: list[str] | None = None,
                 env: dict[str, str] | None = None) -> None:
        argv = argv or [sys.executable, "-m", "premiere_watch", "run", "-c", str(config), *args]
        env = env or {**os.environ, "XDG_DATA_HOME": str(config.parent / "xdg")}
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                                     cwd=config.parent)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def log(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, text: str, timeout: float = 10.0, after: int = 0) -> None:
        """Until a log line (from line ``after`` on) contains ``text``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines[after:]):
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"no log line with {text!r} within {timeout}s; log:\n{self.log}")

    def signal(self, sig: signal.Signals) -> None:
        self.proc.send_signal(sig)

    def stop(self, timeout: float = 15.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout)
        self._reader.join(2)
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)


@pytest.fixture
def daemons() -> Iterator[list[Daemon]]:
    """Started daemons; any still running at the end are killed (a failed test must not leak one)."""
    started: list[Daemon] = []
    yield started
    for d in started:
        d.kill()


def start(daemons: list[Daemon], config: Path, *args: str) -> Daemon:
    d = Daemon(config, *args)
    daemons.append(d)
    d.wait_for("running:")
    return d


def on_store(config: Path, work: Callable[[Store], Awaitable[T]]) -> T:
    async def main() -> T:
        async with await open_store(config.parent / "state.db") as store:
            return await work(store)

    return asyncio.run(main())


def rows(config: Path) -> dict[str, object]:
    async def read(store: Store) -> dict[str, object]:
        return {row.source_id: row for row in await store.source_rows()}

    return on_store(config, read)


def test_each_source_is_read_on_its_own_interval(
    tmp_path: Path, page_server: PageServer, daemons: list[Daemon]
) -> None:
    page_server.route("/fast", PAGE)
    page_server.route("/slow", PAGE)
    config = watchlist(tmp_path / "w.toml", page_server, {"/fast": "1s", "/slow": "2s"})
    d = start(daemons, config)
    time.sleep(5.2)
    assert d.stop() == 0, d.log
    # First read at start, then every 1 s / 2 s (±10%) for ~5 s.
    fast, slow = page_server.count("/fast"), page_server.count("/slow")
    assert 5 <= fast <= 7, (fast, d.log)
    assert 3 <= slow <= 4, (slow, d.log)
    # One log line per source read, and a clean stop.
    assert sum(f"{page_server.url('/fast')}: " in line for line in d.lines) >= 5
    assert "stopped" in d.lines[-1]


def test_sighup_reloads_and_a_broken_file_keeps_the_old_watchlist(
    tmp_path: Path, page_server: PageServer, daemons: list[Daemon]
) -> None:
    for p in ("/a", "/b"):
        page_server.route(p, PAGE)
    config = watchlist(tmp_path / "w.toml", page_server, {"/a": "1s"})
    d = start(daemons, config)

    watchlist(config, page_server, {"/a": "1s", "/b": "1s"})
    mark = len(d.lines)
    d.signal(signal.SIGHUP)
    d.wait_for("reloaded", after=mark)
    time.sleep(1.5)
    assert page_server.count("/b") >= 1, d.log

    config.write_text("[settings\nthis is not TOML")
    mark = len(d.lines)
    d.signal(signal.SIGHUP)
    d.wait_for("reload rejected", after=mark)
    assert "not valid TOML" in d.log  # the ConfigError message, as `validate` gives it
    before = page_server.count("/a"), page_server.count("/b")
    time.sleep(1.6)
    after = page_server.count("/a"), page_server.count("/b")
    assert after[0] > before[0] and after[1] > before[1], (before, after, d.log)

    # Removing a source stops it.
    watchlist(config, page_server, {"/b": "1s"})
    mark = len(d.lines)
    d.signal(signal.SIGHUP)
    d.wait_for("reloaded", after=mark)
    time.sleep(0.3)  # a read of /a in flight at the reload may still finish
    stopped_at = page_server.count("/a")
    time.sleep(1.5)
    assert page_server.count("/a") == stopped_at
    assert d.stop() == 0, d.log


def test_a_reload_with_an_absurd_interval_is_rejected_and_the_old_one_kept(
    tmp_path: Path, page_server: PageServer, daemons: list[Daemon]
) -> None:
    """Issue 14 item 5: this file made `run` crash, and a SIGHUP put the new interval in use."""
    page_server.route("/a", PAGE)
    config = watchlist(tmp_path / "w.toml", page_server, {"/a": "1s"})
    d = start(daemons, config)
    watchlist(config, page_server, {"/a": "99999999999999999999999d"})
    mark = len(d.lines)
    d.signal(signal.SIGHUP)
    d.wait_for("reload rejected", after=mark)
    before = page_server.count("/a")
    time.sleep(2.2)
    assert page_server.count("/a") >= before + 1, d.log  # still read every second
    assert d.stop() == 0, d.log
    assert "Traceback" not in d.log and 'use at most "366d"' in d.log

    proc = subprocess.run([sys.executable, "-m", "premiere_watch", "run", "-c", str(config)], capture_output=True,
                          text=True, timeout=30, cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr  # a usage error, not a restart loop
    assert 'watch "Narcos" source 1: "interval"' in proc.stderr


def test_watch_config_reloads_when_the_file_changes(
    tmp_path: Path, page_server: PageServer, daemons: list[Daemon]
) -> None:
    for p in ("/a", "/b"):
        page_server.route(p, PAGE)
    config = watchlist(tmp_path / "w.toml", page_server, {"/a": "1h"})
    d = start(daemons, config, "--watch-config")
    watchlist(config, page_server, {"/a": "1h", "/b": "1h"})
    d.wait_for("reloaded", timeout=5)
    deadline = time.monotonic() + 3
    while page_server.count("/b") == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert page_server.count("/b") == 1, d.log
    assert page_server.count("/a") == 1  # unchanged sources keep their schedule
    assert d.stop() == 0, d.log


def test_sigterm_lets_a_slow_read_finish_store_its_result_and_send_its_alert(
    tmp_path: Path, page_server: PageServer, json_receiver: JsonReceiver, daemons: list[Daemon]
) -> None:
    page_server.route("/slow", Reply(body=ANNOUNCED, delay=3.0))
    config = watchlist(tmp_path / "w.toml", page_server, {"/slow": "1h"}, notify=json_receiver.url)
    d = start(daemons, config)
    deadline = time.monotonic() + 5
    while page_server.count("/slow") == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert page_server.count("/slow") == 1
    sent = time.monotonic()
    d.signal(signal.SIGTERM)
    time.sleep(0.2)
    d.signal(signal.SIGTERM)  # supervisors may repeat it: still graceful
    assert d.stop(timeout=12) == 0, d.log
    took = time.monotonic() - sent
    assert 2.0 < took < 10.0, (took, d.log)  # it waited for the read, within the 10 s grace
    row = rows(config)[f"page:{page_server.url('/slow')}"]
    assert row.last_result == "ok" and row.last_check is not None, d.log  # type: ignore[attr-defined]
    [alert] = json_receiver.received  # the alert it caused went out before exit
    assert "Narcos S2" in alert["title"], alert


def test_an_alert_that_cannot_go_out_waits_in_the_outbox(
    tmp_path: Path, page_server: PageServer, json_receiver: JsonReceiver, daemons: list[Daemon]
) -> None:
    page_server.route("/p", ANNOUNCED)
    json_receiver.script(*[500] * 20)  # the target is down the whole time
    config = watchlist(tmp_path / "w.toml", page_server, {"/p": "1h"}, notify=json_receiver.url)
    d = start(daemons, config)
    d.wait_for("delivery:")
    assert d.stop() == 0, d.log
    assert json_receiver.received == []
    backlog = on_store(config, lambda store: store.backlog(dt.datetime.now(dt.UTC)))
    assert backlog.pending == 1 and backlog.dead == 0 and backlog.sending == 0, backlog


def test_a_restart_resumes_the_stored_schedule(tmp_path: Path, page_server: PageServer, daemons: list[Daemon]) -> None:
    page_server.route("/p", PAGE)
    config = watchlist(tmp_path / "w.toml", page_server, {"/p": "1h"})
    d = start(daemons, config)
    d.wait_for(f"read {page_server.url('/p')}")
    assert d.stop() == 0, d.log
    assert page_server.count("/p") == 1
    source_id = f"page:{page_server.url('/p')}"
    due = rows(config)[source_id].next_due  # type: ignore[attr-defined]
    assert due is not None and due > dt.datetime.now(dt.UTC) + dt.timedelta(minutes=50)

    d = start(daemons, config)  # not due for an hour: no read
    time.sleep(1.5)
    assert d.stop() == 0, d.log
    assert page_server.count("/p") == 1, d.log

    # Overdue after "downtime" of many intervals: read once, not once per missed interval.
    on_store(config, lambda store: store.set_next_due(source_id, dt.datetime.now(dt.UTC) - dt.timedelta(days=2)))
    d = start(daemons, config)
    time.sleep(1.5)
    assert d.stop() == 0, d.log
    assert page_server.count("/p") == 2, d.log


def test_the_lock_keeps_check_out_and_a_killed_daemon_is_taken_over(
    tmp_path: Path, page_server: PageServer, daemons: list[Daemon]
) -> None:
    page_server.route("/p", PAGE)
    config = watchlist(tmp_path / "w.toml", page_server, {"/p": "1h"})
    d = start(daemons, config)

    began = time.monotonic()
    check = subprocess.run([sys.executable, "-m", "premiere_watch", "check", "-c", str(config)],
                           capture_output=True, text=True, timeout=20, cwd=tmp_path)
    assert check.returncode == 3, check
    assert time.monotonic() - began < 5  # at once, not after waiting for the lock
    assert "another premiere-watch" in check.stderr
    assert f"pid {d.proc.pid}" in check.stderr and "run" in check.stderr

    d.kill()  # SIGKILL: no clean-up, the lock file still names the dead process
    d = start(daemons, config)
    assert "stale lock" in d.log
    assert d.stop() == 0, d.log


def test_json_log_lines_never_show_secrets(tmp_path: Path, page_server: PageServer, daemons: list[Daemon]) -> None:
    page_server.route("/p", PAGE)
    config = tmp_path / "w.toml"
    config.write_text(f"""
[settings]
database = "state.db"
host_delay = "0s"
[[watch]]
title = "Narcos"
sources = [{{ url = "{page_server.url('/p')}?token=${{PW_TOKEN}}", interval = "1h" }}]
""")
    d = Daemon(config, "--log-format", "json",
               env={**os.environ, "PW_TOKEN": "s3cr3t-t0ken", "XDG_DATA_HOME": str(tmp_path)})
    daemons.append(d)
    d.wait_for("read ")
    assert d.stop() == 0, d.log
    messages = [json.loads(line)["message"] for line in d.lines]  # every line is one JSON object
    assert any(m.startswith("read ") and "token=****" in m for m in messages), messages
    assert "s3cr3t-t0ken" not in d.log
