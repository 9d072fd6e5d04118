"""Routing, pacing (digest, quiet hours, daily cap), backoff, transports, secrets."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from datetime import time
from typing import Any

import pytest

from premiere_watch.model import Event
from premiere_watch.notify import (
    AppriseTransport,
    ConsoleTransport,
    MemoryTransport,
    NotifierConfig,
    SendOutcome,
    body_format_for,
    hold_until,
    next_digest,
    pacing,
    parse_quiet_hours,
    quiet_end,
    redact_target,
    retry_delay,
    route,
)
from premiere_watch.redact import mask_secrets, url_secrets
from premiere_watch.schedule import crontab_dow

UTC = dt.UTC


def at(text: str, tz: str = "UTC") -> dt.datetime:
    """'2026-03-02 07:30' in ``tz`` → aware UTC."""
    from zoneinfo import ZoneInfo

    return dt.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)


def ev(kind: str = "premiere_announced", tags: tuple[str, ...] = (), watch: str = "narcos#s2",
       new: str = "2016-09-02") -> Event:
    return Event(kind=kind, watch=watch, label="Narcos S2", new=new, tags=tags)  # type: ignore[arg-type]


# -- routing ---------------------------------------------------------------------

NOTIFIERS = {
    "plain": NotifierConfig("plain", ("json://a/", "mailto://b")),
    "fans": NotifierConfig("fans", ("json://f/",), tags=("fans", "kdrama")),
    "ops": NotifierConfig("ops", ("json://o/",), tags=("ops",)),
}


@pytest.mark.parametrize(("event", "expected"), [
    (ev(), [("plain", 0), ("plain", 1)]),
    (ev(tags=("kdrama",)), [("fans", 0)]),
    (ev(tags=("kdrama", "ops")), [("fans", 0), ("ops", 0)]),  # a watch may opt into ops
    (ev(tags=("nobody",)), []),
    (ev("source_failing"), [("ops", 0)]),
    (ev("source_recovered", tags=("fans",)), [("ops", 0)]),
    (ev("test"), [("plain", 0), ("plain", 1), ("fans", 0), ("ops", 0)]),
    (ev("test", tags=("fans",)), [("fans", 0)]),
])
def test_route(event: Event, expected: list[tuple[str, int]]) -> None:
    assert route(event, NOTIFIERS) == expected
    assert route(event, NOTIFIERS.values()) == expected


# -- pacing ----------------------------------------------------------------------


@pytest.mark.parametrize(("schedule", "now", "expected"), [
    ("6h", "2026-03-02 07:30", "2026-03-02 12:00"),
    ("6h", "2026-03-02 18:00", "2026-03-03 00:00"),  # exactly on a slot: the next one
    ("7h", "2026-03-02 22:00", "2026-03-03 00:00"),  # slots restart at midnight
    ("1d", "2026-03-02 07:30", "2026-03-03 00:00"),
    ("12h", "2026-03-02 00:00", "2026-03-02 12:00"),
    ("cron: 0 9 * * *", "2026-03-02 07:30", "2026-03-02 09:00"),
    ("cron: 0 9 * * *", "2026-03-02 09:30", "2026-03-03 09:00"),
    ("cron: 0 9 * * 1", "2026-03-03 10:00", "2026-03-09 09:00"),  # Mondays
    ("cron: 30 2 * * *", "2026-03-29 01:00", "2026-03-29 03:30"),  # 02:30 skipped by DST
])
def test_next_digest_in_local_time(schedule: str, now: str, expected: str) -> None:
    tz = "Europe/Berlin"
    got = next_digest(schedule, at(now, tz), tz)
    assert got == at(expected, tz) and got.utcoffset() == dt.timedelta(0)


def test_next_digest_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        next_digest("sometimes", at("2026-03-02 07:30"))


def test_next_digest_accepts_every_interval_the_watchlist_accepts() -> None:
    # The checker takes "10s" (tests and local setups use short digests); pacing must not
    # then fail mid-pass on it.
    assert next_digest("10s", at("2026-03-02 07:30")) == at("2026-03-02 07:30") + dt.timedelta(seconds=10)


NIGHT = (time(22, 0), time(7, 0))


@pytest.mark.parametrize(("quiet", "now", "expected"), [
    (NIGHT, "2026-03-02 23:10", "2026-03-03 07:00"),
    (NIGHT, "2026-03-03 03:00", "2026-03-03 07:00"),
    (NIGHT, "2026-03-03 07:00", None),  # the end is not quiet
    (NIGHT, "2026-03-02 12:00", None),
    ((time(12), time(14)), "2026-03-02 13:59", "2026-03-02 14:00"),
    ((time(12), time(14)), "2026-03-02 11:59", None),
])
def test_quiet_end(quiet: tuple[time, time], now: str, expected: str | None) -> None:
    tz = "America/New_York"
    got = quiet_end(quiet, at(now, tz), tz)
    assert got == (at(expected, tz) if expected else None)


def test_parse_quiet_hours() -> None:
    assert parse_quiet_hours("22:00-07:00") == NIGHT
    assert parse_quiet_hours(" 9:30 - 12:00 ") == (time(9, 30), time(12))
    for bad in ("22-07", "25:00-07:00", "10:00-10:00", ""):
        with pytest.raises(ValueError):
            parse_quiet_hours(bad)


def test_hold_until_combines_cap_digest_and_quiet_hours() -> None:
    tz = "Europe/Berlin"
    plain = NotifierConfig("p", ("json://x/",), timezone=tz)
    quiet = NotifierConfig("q", ("json://x/",), timezone=tz, quiet_hours=NIGHT)
    digest = NotifierConfig("d", ("json://x/",), timezone=tz, mode="digest", digest="cron: 0 23 * * *")
    both = NotifierConfig("b", ("json://x/",), timezone=tz, mode="digest", digest="cron: 0 23 * * *",
                          quiet_hours=NIGHT)
    now = at("2026-03-02 12:00", tz)
    assert hold_until(plain, ev(), now) is None
    assert hold_until(quiet, ev(), now) is None
    assert hold_until(quiet, ev(), at("2026-03-02 23:00", tz)) == at("2026-03-03 07:00", tz)
    assert hold_until(digest, ev(), now) == at("2026-03-02 23:00", tz)
    assert hold_until(both, ev(), now) == at("2026-03-03 07:00", tz)  # 23:00 digest is in quiet hours
    # The daily cap moves the alert to the next local day, never drops it.
    assert hold_until(plain, ev(), now, alerts_today=3, daily_cap=3) == at("2026-03-03 00:00", tz)
    assert hold_until(plain, ev(), now, alerts_today=2, daily_cap=3) is None
    assert hold_until(quiet, ev(), now, alerts_today=3, daily_cap=3) == at("2026-03-03 07:00", tz)
    # Test notifications are for now; ops alerts are not capped.
    assert hold_until(both, ev("test"), now) is None
    assert hold_until(plain, ev("source_failing"), now, alerts_today=99, daily_cap=3) is None


def test_pacing_counts_the_batch_in_order() -> None:
    notifiers = {"p": NotifierConfig("p", ("json://x/",))}
    now = at("2026-03-02 12:00")
    events = [ev(new=f"2016-09-{d:02d}") for d in (1, 2, 3)] + [ev(watch="dark#s1")]
    hold = pacing(notifiers, now, events, daily_cap=2, count_today=lambda w, tz: 1 if w == "narcos#s2" else 0)
    holds = [hold("p", e) for e in events]
    assert holds == [None, at("2026-03-03 00:00"), at("2026-03-03 00:00"), None]
    assert hold("p", events[0]) is None  # asked again (another URL): same answer
    assert hold("gone", events[0]) is None


@pytest.mark.parametrize(("attempts", "minutes"), [(1, 1), (2, 2), (3, 4), (6, 32), (7, 60), (20, 60)])
def test_retry_delay_doubles_up_to_an_hour(attempts: int, minutes: int) -> None:
    assert retry_delay(attempts) == dt.timedelta(minutes=minutes)
    assert retry_delay(attempts, 1.0) == dt.timedelta(minutes=minutes * 1.1)


def test_body_format_for() -> None:
    auto = NotifierConfig("a", ())
    assert body_format_for(auto, "mailtos://u:p@smtp.example.com") == "html"
    assert body_format_for(auto, "MAILTO://fan:pw@smtp.example.com?to=fan@example.com") == "html"
    assert body_format_for(auto, "discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js") == "markdown"
    assert body_format_for(auto, "json://hooks.example/") == "markdown"
    # The target decides: a ?format= in the URL, or a service that shows only text.
    assert body_format_for(auto, "json://hooks.example/?format=text") == "text"
    assert body_format_for(auto, "discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js?format=text") == "text"
    assert body_format_for(NotifierConfig("t", (), format="text"), "mailto://u:p@smtp.example.com") == "text"
    assert body_format_for(NotifierConfig("t", (), format="html"), "discord://4174216298/JHMHI8qBe7bk2") == "markdown"


# -- secrets and transports ------------------------------------------------------------

SECRET_URL = "json://alice:hunter2hunter2@127.0.0.1:1/hooks/T0KENabcdef123?apikey=s3cr3tvalue"


def test_url_secrets_and_masking() -> None:
    secrets = url_secrets(SECRET_URL)
    assert {"hunter2hunter2", "T0KENabcdef123", "s3cr3tvalue"} <= set(secrets)
    masked = mask_secrets(f"failed posting to {SECRET_URL}: T0KENabcdef123 rejected", secrets)
    assert "hunter2" not in masked and "T0KEN" not in masked and "s3cr3t" not in masked
    shown = redact_target(SECRET_URL)
    assert "hunter2" not in shown and "s3cr3t" not in shown and shown.startswith("json://")


def test_apprise_transport_failure_reasons_are_short_and_secret_free() -> None:
    transport = AppriseTransport(timeout=5)
    refused = asyncio.run(transport.send(SECRET_URL, "t", "b", "markdown"))
    assert not refused.ok and "JSON" in refused.reason
    assert "hunter2" not in refused.reason and "T0KEN" not in refused.reason and len(refused.reason) <= 200
    bogus = asyncio.run(transport.send("nosuchscheme://user:hunter2hunter2@host/x", "t", "b", "text"))
    assert not bogus.ok and "cannot use" in bogus.reason and "hunter2" not in bogus.reason


def test_apprise_transport_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    transport = AppriseTransport()

    def boom(url: str) -> Any:
        raise RuntimeError(f"plugin exploded on {url}")

    monkeypatch.setattr(transport, "_apprise", boom)
    outcome = asyncio.run(transport.send(SECRET_URL, "t", "b", "text"))
    assert outcome == SendOutcome(False, outcome.reason)
    assert "RuntimeError" in outcome.reason and "hunter2" not in outcome.reason


def test_console_and_memory_transports() -> None:
    out = io.StringIO()
    assert asyncio.run(ConsoleTransport(out).send(SECRET_URL, "Title", "Body", "text")).ok
    printed = out.getvalue()
    assert "Title\n\nBody" in printed and "hunter2" not in printed
    memory = MemoryTransport(fail={"json://x/": ["HTTP 500"]})
    assert asyncio.run(memory.send("json://x/", "t", "b", "text")) == SendOutcome(False, "HTTP 500")
    assert asyncio.run(memory.send("json://x/", "t", "b", "text")).ok
    assert [s.title for s in memory.sent] == ["t"]


@pytest.mark.parametrize(("field", "names"), [
    ("*", "*"),
    ("mon-fri", "mon-fri"),
    ("0", "sun"),
    ("7", "sun"),
    ("1-5", "mon,tue,wed,thu,fri"),
    ("0,6", "sun,sat"),
    ("*/2", "sun,tue,thu,sat"),
    ("1/3", "mon,thu"),
])
def test_crontab_dow_means_what_cron_means(field: str, names: str) -> None:
    assert crontab_dow(field) == names


@pytest.mark.parametrize(("url", "secret", "kept"), [
    ("tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/987654", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", ""),
    ("discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js", "JHMHI8qBe7bk2ZwO5U711o3dV_js", ""),
    ("mailtos://fan:pw1@smtp.example.com?to=fan@example.com", "pw1", "smtp.example.com"),
])
def test_url_secrets_find_tokens_anywhere(url: str, secret: str, kept: str) -> None:
    secrets = url_secrets(url)
    assert secret in secrets
    assert not kept or kept not in secrets
    assert secret not in mask_secrets(f"error talking to {url}", secrets)
