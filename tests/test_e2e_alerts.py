"""Alerts a fan can trust, shown end to end with the real program.

`premiere-watch check` runs as a subprocess against pages on a local server;
Apprise delivers for real to a local JSON receiver and a local SMTP server.
Pacing (digest, quiet hours) needs a clock, so those scenarios drive the same
Pipeline in-process with a fixed clock and real Apprise delivery.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html.parser
import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from articles import DAY, DAY_NEW_SIDEBAR, DAY_REWORDED, MONTH, MOVED, RUMOUR, TRAILER, article
from premiere_watch.config import load
from premiere_watch.pipeline import Pipeline
from premiere_watch.store import open_store
from receivers import JsonReceiver, SmtpServer
from runner import cli_argv
from servers import PageServer, Reply


class World:
    """A watchlist with three notifiers, a page server and the CLI."""

    def __init__(self, tmp_path: Path, pages: PageServer, fans_json: JsonReceiver, others_json: JsonReceiver,
                 mail: SmtpServer, extra_settings: str = "", database: str | Path = "state.db") -> None:
        self.tmp_path, self.pages, self.fans_json, self.others_json, self.mail = (
            tmp_path, pages, fans_json, others_json, mail)
        self.config = tmp_path / "watchlist.toml"
        self.config.write_text(f"""
[settings]
database = "{database}"
host_delay = "0s"
host_concurrency = 4
retries = 0
{extra_settings}

[[notifier]]
name = "fans-json"
url = "{fans_json.url}"
tags = ["fans"]

[[notifier]]
name = "fans-mail"
url = "{mail.url}"
tags = ["fans"]

[[notifier]]
name = "other-json"
url = "{others_json.url}"
tags = ["other"]

[[watch]]
title = "Narcos"
season = 2
tags = ["fans"]
sources = ["{pages.url('/a')}", "{pages.url('/b')}"]
""")

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(cli_argv(*args, "-c", str(self.config)), capture_output=True, text=True,
                              timeout=60, cwd=self.tmp_path)
        if check:
            assert proc.returncode == 0, proc.stderr
        return proc

    def check(self, a: str | Reply | None = None, b: str | Reply | None = None) -> tuple[int, int, int]:
        """Serve the pages, run one pass; return new (fans JSON, mail, other JSON) alerts."""
        self.pages.route("/a", a if a is not None else Reply(404))
        self.pages.route("/b", b if b is not None else Reply(404))
        before = self.counts()
        self.cli("check")
        after = self.counts()
        return after[0] - before[0], after[1] - before[1], after[2] - before[2]

    def counts(self) -> tuple[int, int, int]:
        return len(self.fans_json.received), len(self.mail.messages), len(self.others_json.received)

    def status(self) -> dict[str, Any]:
        status: dict[str, Any] = json.loads(self.cli("status", "--json").stdout)
        return status

    def last_json(self) -> str:
        doc = self.fans_json.received[-1]
        return f"{doc['title']}\n{doc['message']}"


@pytest.fixture
def world(
    tmp_path: Path, page_server: PageServer, json_receiver: JsonReceiver, smtp_server: SmtpServer,
    database: str | Path,
) -> Iterator[World]:
    """The same world on each backend: a SQLite file, then a PostgreSQL database."""
    others = JsonReceiver().start()
    yield World(tmp_path, page_server, json_receiver, others, smtp_server, database=database)
    others.stop()


def test_rumour_then_official_date_alerts_once_on_matching_notifiers(world: World) -> None:
    assert world.check(RUMOUR) == (0, 0, 0)
    assert world.check(DAY) == (1, 1, 0)
    assert "Friday, September 2, 2016" in world.last_json()


def test_noise_never_alerts(world: World) -> None:
    world.check(DAY)
    assert world.check(DAY) == (0, 0, 0)  # unchanged
    assert world.check(DAY_REWORDED) == (0, 0, 0)  # reworded
    assert world.check(DAY_NEW_SIDEBAR) == (0, 0, 0)  # the sidebar changed
    assert world.check(Reply(500)) == (0, 0, 0)  # the page fails for a pass
    assert world.check(DAY) == (0, 0, 0)  # and comes back
    assert world.status()["watches"][0]["premiere"] == "2016-09-02"


def test_moved_and_refined_dates_alert_once_each(world: World) -> None:
    world.check(MONTH)
    assert world.check(DAY) == (1, 1, 0)  # September 2016 -> Friday, September 2, 2016
    assert "refined" in world.last_json() or "September 2016" in world.last_json()
    assert world.check(MOVED) == (1, 1, 0)
    text = world.last_json()
    assert "September 9, 2016" in text and "September 2, 2016" in text


def test_second_sources_agreeing_or_stale_do_not_alert(world: World) -> None:
    world.check(DAY)
    assert world.check(DAY, DAY_REWORDED) == (0, 0, 0)  # another source, same date
    world.check(MOVED, DAY_REWORDED)
    # The older article still showing the old date neither alerts nor moves the fact back.
    assert world.check(MOVED, DAY) == (0, 0, 0)
    assert world.status()["watches"][0]["premiere"] == "2016-09-09"


def test_a_trailer_alerts_once_even_on_two_pages(world: World) -> None:
    world.check(MOVED)
    assert world.check(TRAILER) == (1, 1, 0)
    assert "youtube.com" in world.last_json() and "NarcosS2tr1" in world.last_json()
    assert world.check(TRAILER, TRAILER.replace("Watch the", "Now watch the")) == (0, 0, 0)


def test_a_failing_target_gets_the_alert_later_and_others_only_once(world: World) -> None:
    world.fans_json.script(500)
    assert world.check(DAY) == (0, 1, 0)
    assert world.status()["outbox"]["pending"] == 1
    world.cli("retry")  # the target is back: send what waits, now
    assert world.counts()[:2] == (1, 1)
    assert world.check(DAY) == (0, 0, 0)
    assert world.counts()[:2] == (1, 1)


def test_a_crash_between_commit_and_delivery_loses_nothing(world: World) -> None:
    # Source /a announces and commits at once; /b is slow, so delivery (after the pass) has not begun.
    world.pages.route("/a", DAY)
    world.pages.route("/b", Reply(body=RUMOUR, delay=20))
    proc = subprocess.Popen(cli_argv("check", "-c", str(world.config)), cwd=world.tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and world.status()["outbox"]["pending"] == 0:
            time.sleep(0.1)
        assert world.status()["outbox"]["pending"] == 2  # committed with the fact, not yet sent
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    assert world.counts() == (0, 0, 0)
    assert world.check(DAY, RUMOUR) == (1, 1, 0)  # the next run delivers it, once
    assert world.check(DAY, RUMOUR) == (0, 0, 0)


class _Inert(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_mail_is_html_with_page_text_escaped(world: World) -> None:
    # The page's text (not its markup) holds a script tag: the evidence sentence quotes it.
    world.check(article("2016-06-07", "Narcos", "Netflix announced that Narcos season 2 will premiere on "
                     "Friday, September 2, 2016 &lt;script&gt;alert('pwned')&lt;/script&gt; at midnight."))
    [message] = world.mail.messages
    body = SmtpServer.html_part(message)
    parser = _Inert()
    parser.feed(body)
    parser.close()
    assert "script" not in parser.tags
    assert "&lt;script&gt;" in body
    assert "September 2, 2016" in body


async def _paced_pass(tmp_path: Path, pages: PageServer, receiver: JsonReceiver, notifier_extra: str,
                      clock_times: list[dt.datetime], versions: list[str]) -> list[list[str]]:
    """Run one pass per clock time, serving the given page version; return titles received after each."""
    config_path = tmp_path / "paced.toml"
    config_path.write_text(f"""
[settings]
database = "paced.db"
host_delay = "0s"
[[notifier]]
name = "fans"
url = "{receiver.url}"
{notifier_extra}
[[watch]]
title = "Narcos"
season = 2
sources = ["{pages.url('/p')}"]
""")
    config = load(config_path)
    now = [clock_times[0]]
    seen: list[list[str]] = []
    async with await open_store(config.settings.database) as store:
        pipeline = Pipeline(config, store, clock=lambda: now[0])
        try:
            for moment, version in zip(clock_times, versions, strict=True):
                now[0] = moment
                pages.route("/p", version)
                await pipeline.check()
                seen.append([d["title"] for d in receiver.received])
        finally:
            await pipeline.aclose()
    return seen


def test_digest_holds_then_sends_everything_in_order(tmp_path: Path, page_server: PageServer,
                                                      json_receiver: JsonReceiver) -> None:
    day = dt.datetime(2016, 8, 1, tzinfo=dt.UTC)
    times = [day.replace(hour=10), day.replace(hour=12), day.replace(hour=14),
             (day + dt.timedelta(days=1)).replace(hour=9, minute=1)]
    seen = asyncio.run(_paced_pass(tmp_path, page_server, json_receiver,
                                   'mode = "digest"\ndigest = "cron: 0 9 * * *"',
                                   times, [DAY, MOVED, TRAILER, TRAILER]))
    assert seen[:3] == [[], [], []]  # held until the digest time
    [digest] = seen[3]
    body = json_receiver.received[0]["message"]
    assert "3 updates" in digest
    # In the order they happened: announced, moved, trailer.
    assert body.index("September 2") < body.index("September 9") < body.lower().index("trailer")


def test_quiet_hours_hold_and_then_deliver_in_order(tmp_path: Path, page_server: PageServer,
                                                     json_receiver: JsonReceiver) -> None:
    night = dt.datetime(2016, 8, 1, 23, 0, tzinfo=dt.UTC)
    times = [night, night + dt.timedelta(hours=2), night + dt.timedelta(hours=8, minutes=5)]
    seen = asyncio.run(_paced_pass(tmp_path, page_server, json_receiver,
                                   'quiet_hours = "22:00-07:00"', times, [DAY, MOVED, MOVED]))
    assert seen[:2] == [[], []]
    titles = seen[2]
    assert len(titles) == 2
    assert "announced" in titles[0].lower() and "moved" in titles[1].lower()
