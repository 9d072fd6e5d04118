"""``premiere-watch calendar``: an RFC 5545 calendar parsed back with icalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

from runner import RunCli
from servers import PageServer


def article(sentence: str, published: str = "2016-06-10") -> str:
    return (f"<html><head><meta property='article:published_time' content='{published}'></head><body>"
            f"<article><h1>News</h1><p>{sentence}</p></article></body></html>")


NARCOS = "Netflix announced that Narcos season 2 will premiere on September 2, 2016."
NARCOS_MOVED = "Netflix said that Narcos season 2 has been pushed back to September 9, 2016."
DARK = "Netflix announced that Dark season 3 will premiere in June 2020."
SCRIPT = ("Netflix announced that Ozark season 4 will premiere on <b>January 21, 2022</b> "
          "&lt;script&gt;alert(1)&lt;/script&gt;.")
SOON = dt.date.today().year + 2  # rumours of windows already over are not kept
RUMOUR = f"Insiders say The Crown season 5 could arrive in November {SOON}, but nothing is confirmed."


WATCHES = {"/narcos": ("Narcos", 2), "/dark": ("Dark", 3), "/ozark": ("Ozark", 4), "/crown": ("The Crown", 5),
           "/nothing": ("Nothing Yet", None)}


def watchlist(tmp_path: Path, server: PageServer) -> Path:
    path = tmp_path / "watchlist.toml"
    text = '[settings]\ndatabase = "state.db"\nhost_delay = "0s"\n'
    for page, (title, season) in WATCHES.items():
        text += f'\n[[watch]]\ntitle = "{title}"\nsources = ["{server.url(page)}"]\n'
        text += f"season = {season}\n" if season else ""
    path.write_text(text)
    return path


def events_by_summary(data: bytes) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(data).events}


def test_calendar_has_one_event_per_dated_watch_and_a_moved_date_keeps_its_uid(
        tmp_path: Path, run_cli: RunCli, page_server: PageServer) -> None:
    page_server.route("/narcos", article(NARCOS))
    page_server.route("/dark", article(DARK))
    page_server.route("/ozark", article(SCRIPT, "2021-11-01"))
    page_server.route("/crown", article(RUMOUR, f"{SOON - 2}-01-02"))
    page_server.route("/nothing", article("Nothing to see."))
    config = watchlist(tmp_path, page_server)
    assert run_cli("check", "-c", str(config)).returncode == 0

    out = tmp_path / "premieres.ics"
    proc = run_cli("calendar", "-c", str(config), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 3  # Narcos, Dark, Ozark: the rumour and the undated watch stay out
    by = events_by_summary(out.read_bytes())

    narcos = by["Narcos S2 — premiere"]
    assert narcos.start == dt.date(2016, 9, 2) and narcos.end == dt.date(2016, 9, 3)  # all-day
    assert NARCOS in str(narcos["DESCRIPTION"]) and page_server.url("/narcos") in str(narcos["DESCRIPTION"])
    assert str(narcos["URL"]) == page_server.url("/narcos")
    assert str(narcos["STATUS"]) == "CONFIRMED"

    # A month is a marked placeholder, never a made-up day presented as the date.
    dark = by["Dark S3 — premieres in June 2020 (month announced)"]
    assert dark.start == dt.date(2020, 6, 1) and str(dark["X-PREMIERE-WATCH-PRECISION"]) == "month"
    assert "placeholder" in str(dark["DESCRIPTION"])

    ozark = by["Ozark S4 — premiere"]
    assert "<script>alert(1)</script>" in str(ozark["DESCRIPTION"])  # plain text; icalendar escapes it

    # The date moves: the same UID, a higher SEQUENCE, a later DTSTAMP.
    page_server.route("/narcos", article(NARCOS_MOVED, "2016-07-01"))
    for _ in range(2):  # a changed date is adopted on its second read (anti-flap)
        assert run_cli("check", "-c", str(config)).returncode == 0
    moved = run_cli("calendar", "-c", str(config))
    assert moved.returncode == 0
    again = events_by_summary(moved.stdout.encode())["Narcos S2 — premiere"]
    assert again.start == dt.date(2016, 9, 9)
    assert str(again["UID"]) == str(narcos["UID"])
    assert again.sequence > narcos.sequence
    assert again.DTSTAMP > narcos.DTSTAMP and again.last_modified >= again.DTSTAMP
    assert len(icalendar.Calendar.from_ical(moved.stdout).walk("VEVENT")) == 3

    # Same facts, same bytes: cron can rewrite the file as often as it likes.
    assert run_cli("calendar", "-c", str(config)).stdout == moved.stdout

    tentative = events_by_summary(run_cli("calendar", "-c", str(config), "--tentative").stdout.encode())
    crown = tentative[f"The Crown S5 — rumoured premiere: November {SOON} (not confirmed)"]
    assert str(crown["STATUS"]) == "TENTATIVE"
    assert len(tentative) == 4
