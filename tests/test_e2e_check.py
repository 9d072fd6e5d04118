"""The whole pipeline as a user runs it: `premiere-watch check` against local servers.

A news page changes between runs; Apprise delivers to a local JSON receiver.
Each meaningful change alerts once, nothing else alerts, and an alert that
could not be delivered waits in the outbox until the target recovers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from articles import DAY as ANNOUNCED
from articles import DAY_REWORDED as ANNOUNCED_REWORDED
from articles import MOVED, RUMOUR, TRAILER
from receivers import JsonReceiver
from runner import RunCli
from servers import PageServer, Reply


def watchlist(tmp_path: Path, page_url: str, receiver_url: str, database: str | Path = "state.db") -> Path:
    path = tmp_path / "watchlist.toml"
    path.write_text(f"""
[settings]
database = "{database}"
host_delay = "0s"
retries = 0

[[notifier]]
name = "fans"
url = "{receiver_url}"

[[watch]]
title = "Narcos"
season = 2
sources = ["{page_url}"]
""")
    return path


def test_alerts_follow_the_meaning_of_the_page(tmp_path: Path, run_cli: RunCli, page_server: PageServer,
                                               json_receiver: JsonReceiver, database: str | Path) -> None:
    config = watchlist(tmp_path, page_server.url("/narcos"), json_receiver.url, database)

    def check(page: str) -> list[dict[str, Any]]:
        page_server.route("/narcos", page)
        before = len(json_receiver.received)
        proc = run_cli("check", "-c", str(config))
        assert proc.returncode == 0, proc.stderr
        return json_receiver.received[before:]

    assert check(RUMOUR) == []  # a rumour is not an announcement
    [announced] = check(ANNOUNCED)
    assert "Narcos S2" in announced["title"]
    assert "Friday, September 2, 2016" in announced["title"] + announced["message"]
    assert page_server.url("/narcos") in announced["message"]
    assert check(ANNOUNCED) == []  # unchanged
    assert check(ANNOUNCED_REWORDED) == []  # same news, new words
    [moved] = check(MOVED)
    assert "September 9, 2016" in moved["title"] + moved["message"]
    assert "September 2, 2016" in moved["title"] + moved["message"]  # the old date, too
    [trailer] = check(TRAILER)
    assert "trailer" in trailer["title"].lower()
    assert "NarcosS2tr1" in trailer["message"]
    assert check(TRAILER) == []
    history = run_cli("history", "Narcos S2", "-c", str(config))
    assert history.returncode == 0, history.stderr
    assert "Friday, September 2, 2016 → Friday, September 9, 2016" in history.stdout


def test_a_dead_site_changes_nothing_and_a_failed_alert_waits(
    tmp_path: Path, run_cli: RunCli, page_server: PageServer, json_receiver: JsonReceiver, database: str | Path,
) -> None:
    config = watchlist(tmp_path, page_server.url("/narcos"), json_receiver.url, database)
    page_server.route("/narcos", ANNOUNCED)
    json_receiver.script(500)  # the target is down for this run
    proc = run_cli("check", "-c", str(config))
    assert proc.returncode == 0, proc.stderr
    assert json_receiver.received == []
    status = json.loads(run_cli("status", "-c", str(config), "--json").stdout)
    assert status["outbox"]["pending"] == 1

    page_server.route("/narcos", Reply(500))  # now the site breaks too
    proc = run_cli("check", "-c", str(config))
    assert proc.returncode == 0
    assert "failed" in proc.stderr and "500" in proc.stderr
    # The retry waits for its backoff time; `retry`-style delivery is immediate once due.
    status = json.loads(run_cli("status", "-c", str(config), "--json").stdout)
    assert status["watches"][0]["premiere"] == "2016-09-02"  # the failure changed no fact
    assert status["outbox"]["pending"] == 1  # and lost no alert


def test_bad_watchlist_and_missing_variable_are_named(tmp_path: Path, run_cli: RunCli) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[[watch]]\ntitle = "Narcos\nsources = []\n')
    proc = run_cli("check", "-c", str(broken))
    assert proc.returncode == 2
    assert "broken.toml" in proc.stderr and "line" in proc.stderr

    secret = tmp_path / "secret.toml"
    secret.write_text('[[notifier]]\nname = "mail"\nurl = "mailtos://u:${PW_TEST_PASS}@host?to=a@b.c"\n'
                      '[[watch]]\ntitle = "Narcos"\nsources = ["https://example.com/x"]\n')
    proc = run_cli("validate", "-c", str(secret))
    assert proc.returncode == 2
    assert "PW_TEST_PASS" in proc.stderr and 'notifier "mail"' in proc.stderr
