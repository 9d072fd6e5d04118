"""Delivery through real Apprise to local receivers, with the outbox in between.

Each scenario queues events the way the pipeline does (``route`` + ``pacing``
into ``store.enqueue``) and then calls ``deliver`` at chosen clock times,
checking what the JSON endpoint and the mail server actually received.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

import pytest

from premiere_watch.model import Event
from premiere_watch.notify import (
    AppriseTransport,
    DeliveryReport,
    MemoryTransport,
    NotifierConfig,
    Transport,
    day_start,
    deliver,
    pacing,
    parse_quiet_hours,
    route,
)
from premiere_watch.store import Store
from premiere_watch.store.sqlite import SqliteBackend
from receivers import JsonReceiver, SmtpServer  # fixtures json_receiver, smtp_server: conftest.py

T0 = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)  # a Monday, noon UTC


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store(SqliteBackend(":memory:"))
    yield s
    asyncio.run(s.close())


def announced(n: int = 2, watch: str = "narcos#s2", label: str = "Narcos S2", **kw: Any) -> Event:
    base: dict[str, Any] = {
        "kind": "premiere_announced", "watch": watch, "label": label, "new": f"2016-09-{n:02d}",
        "evidence": f"Narcos season 2 premieres September {n}.", "source_url": "https://news.example/narcos",
    }
    return Event(**{**base, **kw})


def queue(store: Store, notifiers: Mapping[str, NotifierConfig], events: Sequence[Event], now: dt.datetime,
          daily_cap: int | None = None) -> int:
    async def enqueue() -> int:
        today = {(e.watch, n.timezone): await store.count_events_since(e.watch, day_start(now, n.timezone))
                 for e in events for n in notifiers.values()}
        hold = pacing(notifiers, now, events, daily_cap=daily_cap, count_today=lambda w, tz: today[(w, tz)])
        return await store.enqueue(events, lambda e: route(e, notifiers), now, hold)

    return asyncio.run(enqueue())


def run(store: Store, notifiers: Mapping[str, NotifierConfig], now: dt.datetime,
        transport: Transport | None = None) -> DeliveryReport:
    return asyncio.run(deliver(store, notifiers, transport or AppriseTransport(timeout=10), now,
                               rand=lambda: 0.0))


def by_name(*configs: NotifierConfig) -> dict[str, NotifierConfig]:
    return {c.name: c for c in configs}


def test_failing_json_target_retries_alone_and_mail_gets_it_once(
    store: Store, json_receiver: JsonReceiver, smtp_server: SmtpServer
) -> None:
    fans = by_name(NotifierConfig("fans", (json_receiver.url, smtp_server.url)))
    assert queue(store, fans, [announced()], T0) == 2
    json_receiver.script(500)

    report = run(store, fans, T0)
    assert (report.sent, report.failed, report.dead) == (1, 1, 0)
    assert len(smtp_server.messages) == 1 and json_receiver.received == []
    assert len(json_receiver.requests) == 1  # it was tried, and answered 500
    failure = report.failures[0]
    assert (failure.notifier, failure.target) == ("fans", 0) and "500" in failure.reason

    # Not due yet: the backoff (1 minute after the first failure) holds it.
    assert run(store, fans, T0 + dt.timedelta(seconds=30)).sent == 0
    report = run(store, fans, T0 + dt.timedelta(minutes=2))
    assert (report.sent, report.failed) == (1, 0)
    assert [d["title"] for d in json_receiver.received] == [
        "Narcos S2 — premiere date announced: Friday, September 2, 2016"]
    assert len(smtp_server.messages) == 1  # the mail side never got a second copy

    assert run(store, fans, T0 + dt.timedelta(hours=3)).sent == 0  # and nothing more, ever


def test_dead_after_max_attempts_then_revived(store: Store, json_receiver: JsonReceiver) -> None:
    fans = by_name(NotifierConfig("fans", (json_receiver.url,), max_attempts=3))
    queue(store, fans, [announced()], T0)
    json_receiver.script(500, 500, 500)
    now = T0
    reports = []
    for _ in range(3):
        reports.append(run(store, fans, now))
        now += dt.timedelta(hours=2)
    assert [(r.failed, r.dead) for r in reports] == [(1, 0), (1, 0), (0, 1)]
    dead = asyncio.run(store.dead_deliveries())
    assert len(dead) == 1 and "500" in dead[0].last_error
    assert run(store, fans, now).sent == 0  # dead stays dead

    assert asyncio.run(store.revive_dead(now=now)) == 1
    assert run(store, fans, now).sent == 1
    assert len(json_receiver.received) == 1 and len(json_receiver.requests) == 4


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def test_mail_is_html_with_page_text_inert(store: Store, smtp_server: SmtpServer) -> None:
    mail = by_name(NotifierConfig("mail", (smtp_server.url,)))
    evil = announced(evidence='Out Sept. 2 <script>alert("pwned")</script> <a href="http://x">win</a>')
    queue(store, mail, [evil], T0)
    assert run(store, mail, T0).sent == 1
    (msg,) = smtp_server.messages
    assert msg["Subject"] == "Narcos S2 — premiere date announced: Friday, September 2, 2016"
    html = SmtpServer.html_part(msg)
    parsed = _Html()
    parsed.feed(html)
    assert "script" not in parsed.tags
    assert parsed.tags.count("a") == 1  # only our source link
    assert '<script>alert("pwned")</script>' in parsed.text
    assert "Friday, September 2, 2016" in SmtpServer.text_part(msg)


def test_markdown_target_gets_escaped_page_text(store: Store, json_receiver: JsonReceiver) -> None:
    chat = by_name(NotifierConfig("chat", (json_receiver.url,)))
    queue(store, chat, [announced(evidence="*Big* news: [watch](http://evil.example) <b>now</b>")], T0)
    run(store, chat, T0)
    body = json_receiver.received[0]["message"]
    assert r"\*Big\* news: \[watch\]\(http\://evil.example\) \<b\>now\</b\>" in body
    assert "[news.example](https://news.example/narcos)" in body


def test_digest_holds_then_sends_one_message_in_order(
    store: Store, json_receiver: JsonReceiver
) -> None:
    digest = by_name(NotifierConfig("daily", (json_receiver.url,), mode="digest",
                                    digest="cron: 0 9 * * *", timezone="Europe/Berlin"))
    queue(store, digest, [announced(2)], T0)
    queue(store, digest, [announced(9, change="", kind="premiere_changed", old="2016-09-02")],
          T0 + dt.timedelta(minutes=5))
    queue(store, digest, [announced(1, watch="dark#s1", label="Dark S1")], T0 + dt.timedelta(minutes=9))
    assert run(store, digest, T0 + dt.timedelta(hours=6)).sent == 0  # 18:00 UTC: not 09:00 Berlin yet
    nine = dt.datetime(2026, 3, 3, 8, 0, tzinfo=dt.UTC)  # 09:00 in Berlin (CET)
    assert run(store, digest, nine - dt.timedelta(seconds=1)).sent == 0
    report = run(store, digest, nine)
    assert (report.sent, report.messages) == (3, 1)
    (doc,) = json_receiver.received
    assert doc["title"] == "premiere-watch: 3 updates"
    items = [line for line in doc["message"].splitlines() if line.startswith("- ")]
    assert [i.split(" — ")[1][:22] for i in items] == [
        "premiere date announce", "premiere moved later: ", "premiere date announce"]
    assert "Dark S1" in items[2]


def test_quiet_hours_hold_then_deliver_in_order(store: Store, json_receiver: JsonReceiver) -> None:
    night = by_name(NotifierConfig("night", (json_receiver.url,), timezone="Europe/Berlin",
                                   quiet_hours=parse_quiet_hours("22:00-07:00")))
    late = dt.datetime(2026, 3, 2, 22, 30, tzinfo=dt.UTC)  # 23:30 in Berlin
    queue(store, night, [announced(2)], late)
    queue(store, night, [announced(9, kind="premiere_changed", old="2016-09-02", change="later")],
          late + dt.timedelta(minutes=1))
    assert run(store, night, late + dt.timedelta(hours=1)).sent == 0
    seven = dt.datetime(2026, 3, 3, 6, 0, tzinfo=dt.UTC)
    assert run(store, night, seven - dt.timedelta(minutes=1)).sent == 0
    report = run(store, night, seven)
    assert (report.sent, report.messages) == (2, 2)
    assert [d["title"].split(" — ")[1][:22] for d in json_receiver.received] == [
        "premiere date announce", "premiere moved later: "]


def test_daily_cap_holds_the_excess_until_tomorrow(store: Store) -> None:
    memory = MemoryTransport()
    fans = by_name(NotifierConfig("fans", ("json://fans.example/",)))
    events = [announced(n) for n in (2, 3, 4)]
    assert queue(store, fans, events, T0, daily_cap=2) == 3
    assert run(store, fans, T0, memory).sent == 2
    assert run(store, fans, T0 + dt.timedelta(hours=11, minutes=59), memory).sent == 0
    assert run(store, fans, dt.datetime(2026, 3, 3, tzinfo=dt.UTC), memory).sent == 1
    assert [s.title[-7:] for s in memory.sent] == ["2, 2016", "3, 2016", "4, 2016"]


def test_templates_and_tags_pick_message_and_receiver(store: Store) -> None:
    memory = MemoryTransport()
    notifiers = by_name(
        NotifierConfig("all", ("json://all.example/",)),
        NotifierConfig("kdrama", ("json://k.example/",), tags=("kdrama",), format="text",
                       title_template="[{label}] {kind_text}", body_template="{new_words} — {source_url}"),
        NotifierConfig("ops", ("json://ops.example/",), tags=("ops",)),
    )
    queue(store, notifiers, [
        announced(watch="squid#s2", label="Squid Game S2", tags=("kdrama",)),
        announced(),
        Event(kind="source_failing", watch="https://tv.example/", label="tv.example", new="2026-03-02T11:00",
              evidence="HTTP 503 for 5 checks"),
    ], T0)
    run(store, notifiers, T0, memory)
    got = {(s.url, s.title) for s in memory.sent}
    assert got == {
        ("json://k.example/", "[Squid Game S2] premiere date announced"),
        ("json://all.example/", "Narcos S2 — premiere date announced: Friday, September 2, 2016"),
        ("json://ops.example/", "tv.example — source failing: HTTP 503 for 5 checks"),
    }
    (k,) = [s for s in memory.sent if s.url == "json://k.example/"]
    assert (k.body, k.body_format) == ("Friday, September 2, 2016 — https://news.example/narcos", "text")


def test_a_failed_alert_keeps_later_ones_of_that_target_behind_it(store: Store) -> None:
    memory = MemoryTransport(fail={"json://a.example/": ["HTTP 502"]})
    fans = by_name(NotifierConfig("fans", ("json://a.example/", "json://b.example/")))
    queue(store, fans, [announced(2)], T0)
    moved = announced(9, kind="premiere_changed", old="2016-09-02")
    queue(store, fans, [moved], T0 + dt.timedelta(seconds=1))
    report = run(store, fans, T0 + dt.timedelta(seconds=2), memory)
    assert (report.sent, report.failed, report.waiting) == (2, 1, 1)  # b got both; a got neither
    run(store, fans, T0 + dt.timedelta(minutes=5), memory)
    a_titles = [s.title for s in memory.sent if s.url == "json://a.example/"]
    assert [t.split(" — ")[1][:16] for t in a_titles] == ["premiere date an", "premiere moved l"]


def test_unconfigured_notifier_rows_are_parked_dead(store: Store) -> None:
    memory = MemoryTransport()
    fans = by_name(NotifierConfig("fans", ("json://a.example/", "json://b.example/")))
    queue(store, fans, [announced()], T0)
    shrunk = by_name(replace(fans["fans"], urls=("json://a.example/",)))
    report = run(store, shrunk, T0, memory)
    assert (report.sent, report.dead) == (1, 1)
    assert "no longer configured" in asyncio.run(store.dead_deliveries())[0].last_error


def test_mail_text_part_keeps_the_source_address(store: Store, smtp_server: SmtpServer) -> None:
    mail = by_name(NotifierConfig("mail", (smtp_server.url,)))
    queue(store, mail, [announced()], T0)
    run(store, mail, T0)
    assert "https://news.example/narcos" in SmtpServer.text_part(smtp_server.messages[0])


def test_alerts_queued_after_a_failure_wait_behind_it(store: Store) -> None:
    memory = MemoryTransport(fail={"json://a.example/": ["HTTP 503"]})
    fans = by_name(NotifierConfig("fans", ("json://a.example/",)))
    queue(store, fans, [announced(2)], T0)
    assert run(store, fans, T0, memory).failed == 1
    later = T0 + dt.timedelta(seconds=30)
    queue(store, fans, [announced(9, kind="premiere_changed", old="2016-09-02")], later)
    report = run(store, fans, later, memory)
    assert (report.sent, report.waiting) == (0, 1)  # not ahead of the alert still retrying
    report = run(store, fans, T0 + dt.timedelta(minutes=1), memory)
    assert (report.sent, report.messages) == (2, 2)
    assert [s.title.split(" — ")[1][:16] for s in memory.sent] == ["premiere date an", "premiere moved l"]
