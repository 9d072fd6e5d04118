"""The whole pipeline as a user runs it: `premiere-watch check` against local servers.

A news page changes between runs; Apprise delivers to a local JSON receiver.
Each meaningful change alerts once, nothing else alerts, and an alert that
could not be delivered waits in the outbox until the target recovers.
"""

from __future__ import annotations

import json
from pathlib import Path

from receivers import JsonReceiver
from servers import PageServer, Reply

ARTICLE = """<!doctype html><html><head><meta charset="utf-8"><title>{headline}</title>
<meta property="article:published_time" content="{published}T08:00:00Z"></head>
<body><nav><a href="/">Home</a><a href="/tv">TV</a></nav>
<article><h1>{headline}</h1><p>By Staff Writer</p>{body}</article>
<aside class="sidebar"><h3>Coming soon</h3><ul>
<li><a href="/x">Other Show season 4 premieres May 1, 2016</a></li></ul></aside>
<footer>© News</footer></body></html>"""


def article(published: str, headline: str, *paragraphs: str, video: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    if video:
        body += (f'<iframe title="Narcos: Season 2 | Official Trailer [HD] | Netflix" '
                 f'src="https://www.youtube.com/embed/{video}"></iframe>')
    return ARTICLE.format(published=published, headline=headline, body=body)


RUMOUR = article("2016-03-01", "Narcos season 2: what we know",
                 "Narcos season 2 could arrive in late 2016, according to fan theories.")
ANNOUNCED = article("2016-06-07", "Narcos season 2 gets a date",
                    "Netflix announced that Narcos season 2 will premiere on Friday, September 2, 2016.")
ANNOUNCED_REWORDED = article("2016-06-07", "Narcos season 2 has a premiere date",
                             "Narcos season 2 is set to debut on September 2, 2016, Netflix said on Tuesday.")
MOVED = article("2016-07-20", "Narcos season 2 moves",
                "Narcos season 2 has been moved from September 2 to September 9, 2016, Netflix confirmed.")
TRAILER = article("2016-08-10", "Watch the Narcos season 2 trailer",
                  "Netflix released the official trailer for Narcos season 2 on Wednesday.",
                  "The season premieres September 9, 2016.", video="a1b2c3d4e5F")


def watchlist(tmp_path: Path, page_url: str, receiver_url: str) -> Path:
    path = tmp_path / "watchlist.toml"
    path.write_text(f"""
[settings]
database = "state.db"
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


def test_alerts_follow_the_meaning_of_the_page(tmp_path, run_cli, page_server: PageServer,
                                               json_receiver: JsonReceiver) -> None:
    config = watchlist(tmp_path, page_server.url("/narcos"), json_receiver.url)

    def check(page: str) -> list[dict]:
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
    assert "a1b2c3d4e5F" in trailer["message"]
    assert check(TRAILER) == []


def test_a_dead_site_changes_nothing_and_a_failed_alert_waits(tmp_path, run_cli, page_server: PageServer,
                                                               json_receiver: JsonReceiver) -> None:
    config = watchlist(tmp_path, page_server.url("/narcos"), json_receiver.url)
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


def test_bad_watchlist_and_missing_variable_are_named(tmp_path, run_cli) -> None:
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
