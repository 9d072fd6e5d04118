"""The daemon's web server, run as a user would: ``premiere-watch run`` with ``http`` set."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import feedparser
import httpx
import icalendar
import pytest
from prometheus_client.parser import text_string_to_metric_families

from receivers import JsonReceiver
from runner import RunCli
from servers import PageServer
from test_daemon import Daemon, daemons  # noqa: F401  (the fixture)
from website import HOOK_PASS, NARCOS_WORDS, TOKEN, YEAR, free_port, get, site, start, wait_until, watchlist

ROUTES = ("/", "/calendar.ics", "/feed.atom", "/metrics", "/healthz")


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a Prometheus exposition, by (name, sorted labels)."""
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def total(values: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str) -> float:
    return sum(v for (n, _), v in values.items() if n == name)


@pytest.fixture
def served(tmp_path: Path, page_server: PageServer, json_receiver: JsonReceiver,
           daemons: list[Daemon]) -> Iterator[tuple[str, Daemon]]:  # noqa: F811
    site(page_server)
    port = free_port()
    config = watchlist(tmp_path, page_server, json_receiver, http=f"127.0.0.1:{port}")
    daemon = start(daemons, config)
    base = f"http://127.0.0.1:{port}"
    wait_until(lambda: NARCOS_WORDS in get(base, "/").text, what="the dashboard shows the date")
    yield base, daemon
    assert daemon.stop() == 0, daemon.log


def test_every_route_wants_the_token_and_none_shows_a_secret(served: tuple[str, Daemon]) -> None:
    base, daemon = served
    for route in ROUTES:
        bare = httpx.get(base + route, timeout=10)
        assert bare.status_code == 401, route
        assert bare.headers["WWW-Authenticate"].startswith("Bearer")
        wrong = httpx.get(base + route, headers={"Authorization": "Bearer nope"}, timeout=10)
        assert wrong.status_code == 401, route
        assert httpx.get(base + route, params={"token": TOKEN}, timeout=10).status_code == 200, route
        good = get(base, route)
        assert good.status_code == 200, route
        for secret in (TOKEN, HOOK_PASS):
            assert secret not in good.text, f"{route} shows a secret"
    assert TOKEN not in daemon.log and HOOK_PASS not in daemon.log


def test_dashboard_escapes_page_text_and_shows_facts_and_health(served: tuple[str, Daemon]) -> None:
    base, _ = served
    wait_until(lambda: "HTTP 404" in get(base, "/").text, what="the failing source is shown")
    page = get(base, "/")
    html = page.text
    assert page.headers["Content-Type"].startswith("text/html")
    assert "script-src" not in page.headers["Content-Security-Policy"]  # default-src 'none': no script at all
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;document.title=" in html  # shown as the text the page wrote
    assert NARCOS_WORDS in html and "exact day" in html
    assert f"June {YEAR}" in html and "only the month announced" in html
    assert html.index(f"March 3, {YEAR}") < html.index(f"June {YEAR}") < html.index(NARCOS_WORDS)  # soonest first
    assert "Netflix announced that Narcos season 2 will premiere" in html  # the evidence


def test_calendar_feed_and_metrics_parse_back(served: tuple[str, Daemon]) -> None:
    base, _ = served
    calendar = icalendar.Calendar.from_ical(get(base, "/calendar.ics").content)
    summaries = sorted(str(e["SUMMARY"]) for e in calendar.events)
    assert summaries == [f"Dark S3 — premieres in June {YEAR} (month announced)", "Narcos S2 — premiere",
                         "Ozark S5 — premiere"]
    assert get(base, "/calendar.ics").headers["Content-Type"].startswith("text/calendar")
    with_all = icalendar.Calendar.from_ical(get(base, "/calendar.ics?tentative=1&trailers=1").content)
    assert len(with_all.events) == 3  # no rumour, no trailer on this site: the same three

    wait_until(lambda: len(feedparser.parse(get(base, "/feed.atom").content).entries) == 3, what="3 alerts")
    feed = feedparser.parse(get(base, "/feed.atom").content)
    assert not feed.bozo, feed.bozo_exception
    assert any(e.title.startswith("Narcos S2 — premiere date") for e in feed.entries)
    stamps = [e.updated_parsed for e in feed.entries]
    assert stamps == sorted(stamps, reverse=True)
    ozark = next(e for e in feed.entries if e.title.startswith("Ozark"))
    assert "<script>document.title" in ozark.summary  # text content: the reader shows it, never runs it

    before = samples(get(base, "/metrics").text)
    wait_until(lambda: total(samples(get(base, "/metrics").text), "premiere_watch_source_reads_total")
               >= total(before, "premiere_watch_source_reads_total") + 4, what="reads counted")
    after = samples(get(base, "/metrics").text)
    assert after[("premiere_watch_source_reads_total", (("kind", "page"), ("result", "failed")))] >= 1
    assert total(after, "premiere_watch_read_seconds_count") >= total(after, "premiere_watch_source_reads_total")
    assert total(after, "premiere_watch_pass_seconds_count") >= 1
    assert after[("premiere_watch_facts", (("kind", "premiere"), ("watch", "Narcos S2")))] == 1
    assert after[("premiere_watch_sources", (("state", "failing"),))] == 1
    assert after[("premiere_watch_database_bytes", ())] > 0
    wait_until(lambda: samples(get(base, "/metrics").text)[
        ("premiere_watch_alerts", (("notifier", "fans"), ("state", "sent")))] == 3, what="3 alerts sent")


def test_a_public_address_needs_a_token(tmp_path: Path, run_cli: RunCli, page_server: PageServer,
                                        json_receiver: JsonReceiver) -> None:
    config = watchlist(tmp_path, page_server, json_receiver, http="0.0.0.0:8787", token=False)
    proc = run_cli("validate", "-c", str(config), env={"HOOK_PASS": HOOK_PASS})
    assert proc.returncode == 2
    assert '"http" = "0.0.0.0:8787" lets other machines reach' in proc.stderr and "http_token" in proc.stderr

    loopback = watchlist(tmp_path, page_server, json_receiver, http="127.0.0.1:8787", token=False)
    assert run_cli("validate", "-c", str(loopback), env={"HOOK_PASS": HOOK_PASS}).returncode == 0
    run = run_cli("run", "-c", str(loopback), "--http", "0.0.0.0:8787", env={"HOOK_PASS": HOOK_PASS})
    assert run.returncode == 2 and "http_token" in run.stderr

    literal = loopback.read_text().replace('http = "127.0.0.1:8787"', 'http = "127.0.0.1:8787"\n'
                                           'http_token = "written-in-the-file"')
    loopback.write_text(literal)
    proc = run_cli("validate", "-c", str(loopback), env={"HOOK_PASS": HOOK_PASS})
    assert proc.returncode == 2 and "http_token" in proc.stderr and "written-in-the-file" not in proc.stderr


def test_a_taken_port_stops_the_start_with_a_clear_message(tmp_path: Path, run_cli: RunCli,
                                                          page_server: PageServer,
                                                          json_receiver: JsonReceiver) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = watchlist(tmp_path, page_server, json_receiver, http=f"127.0.0.1:{port}", token=False)
        proc = run_cli("run", "-c", str(config), env={"HOOK_PASS": HOOK_PASS}, timeout=30)
    assert proc.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr
    assert page_server.count() == 0  # nothing was read
