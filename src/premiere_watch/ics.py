"""The premiere calendar: what ``premiere-watch calendar`` writes and ``/calendar.ics`` serves.

One VEVENT per watch with an official date, built with the ``icalendar``
library (RFC 5545).  Design points:

* A date known to the day is an all-day event on that day.  A month, season,
  quarter or year is *not* given a made-up day: it becomes a one-day
  placeholder on the first day of the window whose summary says what is
  known ("Narcos S2 — premieres in September 2016 (month announced)"), with
  ``X-PREMIERE-WATCH-PRECISION`` for tools.
* The UID is derived from the watch alone, so a moved date (or a rumour that
  firms up) updates the same event in a subscriber's calendar.  SEQUENCE
  counts the premiere changes recorded for the watch, and DTSTAMP and
  LAST-MODIFIED are the time of the last one: calendar apps that compare
  them see the update, and the output is the same bytes until something
  changes (cheap for HTTP caches and for cron jobs that only copy the file).
* Rumoured windows only with ``tentative=True`` (STATUS:TENTATIVE, marked in
  the summary); trailers only with ``trailers=True``.
* Page text (evidence) is cleaned of control characters and capped; icalendar
  escapes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import icalendar

from premiere_watch import __version__
from premiere_watch.config import Config, Watch
from premiere_watch.dates import FuzzyDate
from premiere_watch.facts import Facts, TrailerFact
from premiere_watch.messages import MAX_EVIDENCE, MAX_LABEL, MAX_URL, clean, safe_url
from premiere_watch.readstore import ReadStore

PRODID = f"-//premiere-watch//premiere-watch {__version__}//EN"
# Kinds of recorded event that change a watch's calendar entry (its SEQUENCE).
REVISIONS = frozenset({"premiere_announced", "premiere_changed", "premiere_postponed", "rumour"})
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
REFRESH = dt.timedelta(hours=1)  # how often subscribers should look again
_KNOWN = {"month": "only the month", "season": "only the season", "quarter": "only the quarter",
          "year": "only the year"}


@dataclass(frozen=True)
class Entry:
    """One calendar entry, before it becomes a VEVENT (the dashboard shows the same)."""

    uid: str
    watch: str  # the watch's label
    kind: str  # premiere | rumour | trailer
    date: FuzzyDate
    summary: str
    evidence: str
    source_url: str
    url: str  # where the event links to: the trailer, or the source
    sequence: int
    modified: dt.datetime

    @property
    def placeholder(self) -> bool:
        """True when the day shown is only where a coarser date is pinned."""
        return self.date.precision != "day"


def watch_uid(watch: Watch) -> str:
    """Stable per watch: its key, hashed (no page text, no secrets)."""
    return f"premiere-{hashlib.sha256(watch.key.encode()).hexdigest()[:20]}@premiere-watch"


def when_text(date: FuzzyDate) -> str:
    """How the summary says when: ``premieres in September 2016 (month announced)``."""
    if date.precision == "day":
        return "premiere"
    return f"premieres in {date.words()} ({date.precision} announced)"


def _summary(label: str, date: FuzzyDate, rumour: bool) -> str:
    if rumour:
        return f"{label} — rumoured premiere: {date.words()} (not confirmed)"
    return f"{label} — {when_text(date)}"


async def entries(config: Config, store: ReadStore, *, tentative: bool = False,
                  trailers: bool = False) -> list[Entry]:
    """Every calendar entry of the watchlist's watches, soonest first."""
    facts = await store.all_facts()
    out: list[Entry] = []
    for watch in config.watches:
        f = facts.get(watch.key)
        if f is None:
            continue
        premiere = await _premiere(watch, f, store, tentative)
        if premiere is not None:
            out.append(premiere)
        if trailers:
            out += [_trailer(watch, key, t) for key, t in sorted(f.trailers.items())]
    return sorted(out, key=lambda e: (e.date.start(), e.date.end(), e.watch, e.kind))


async def _premiere(watch: Watch, f: Facts, store: ReadStore, tentative: bool) -> Entry | None:
    label = clean(watch.label, MAX_LABEL)
    if f.premiere is not None and f.premiere_status == "confirmed":
        date, rumour = f.premiere, False
    elif tentative and f.tentative:
        date, rumour = _latest_window(f.tentative), True
    else:
        return None
    revisions = [r for r in await store.history(watch.key, limit=1000) if r.event.kind in REVISIONS]
    stamps = [r.created for r in revisions] + ([f.since] if f.since and not rumour else [])
    modified = max(stamps, default=f.seen or _EPOCH)
    evidence = "" if rumour else clean(f.evidence, MAX_EVIDENCE)
    source = clean(f.source_url, MAX_URL) if not rumour else ""
    return Entry(watch_uid(watch), label, "rumour" if rumour else "premiere", date,
                 _summary(label, date, rumour), evidence, source, source, len(revisions), modified)


def _latest_window(windows: Sequence[str]) -> FuzzyDate:
    dates = [FuzzyDate.parse(w) for w in windows]
    return max(dates, key=lambda d: (d.end(), d.start()))


def _trailer(watch: Watch, key: str, t: TrailerFact) -> Entry:
    label = clean(watch.label, MAX_LABEL)
    uid = f"trailer-{hashlib.sha256(f'{watch.key}|{key}'.encode()).hexdigest()[:20]}@premiere-watch"
    day = FuzzyDate.from_date(t.first_seen.astimezone(dt.UTC).date())
    kind = "teaser" if t.kind == "teaser" else "trailer"
    return Entry(uid, label, "trailer", day, f"{label} — {kind} released", clean(t.evidence, MAX_EVIDENCE),
                 clean(t.source_url, MAX_URL), clean(t.url or t.source_url, MAX_URL), 0, t.first_seen)


def _description(entry: Entry) -> str:
    lines = []
    if entry.kind == "rumour":
        lines.append(f"Rumoured, not confirmed: {entry.date.words()}.")
    elif entry.kind == "premiere":
        lines.append(f"Premiere: {entry.date.words()}.")
    if entry.placeholder:
        lines.append(f"{_KNOWN[entry.date.precision].capitalize()} is known; this entry is a "
                     f"placeholder on the first day of {entry.date.words()}, not the premiere day.")
    if entry.evidence:
        lines.append(f"“{entry.evidence}”")
    if entry.source_url:
        lines.append(f"Source: {entry.source_url}")
    return "\n".join(lines)


def to_vevent(entry: Entry) -> icalendar.Event:
    start = entry.date.start()
    stamp = entry.modified.astimezone(dt.UTC).replace(microsecond=0)
    event = icalendar.Event.new(
        uid=entry.uid, summary=entry.summary, description=_description(entry),
        start=start, end=start + dt.timedelta(days=1), stamp=stamp, last_modified=stamp,
        sequence=entry.sequence,
        status=icalendar.STATUS.TENTATIVE if entry.kind == "rumour" else icalendar.STATUS.CONFIRMED,
        transparency=icalendar.TRANSP.TRANSPARENT, categories=[entry.kind],
    )
    if url := safe_url(entry.url) if entry.url else None:
        event.url = url
    event.add("X-PREMIERE-WATCH-PRECISION", entry.date.precision)
    event.add("X-PREMIERE-WATCH-DATE", entry.date.iso())
    return event


async def build(config: Config, store: ReadStore, *, tentative: bool = False, trailers: bool = False,
                name: str = "Premieres") -> icalendar.Calendar:
    """The whole calendar (METHOD-less: a published calendar to subscribe to)."""
    # A stable calendar UID (icalendar would make a random one): one per database.
    uid = f"premiere-watch-{hashlib.sha256(str(config.settings.database).encode()).hexdigest()[:20]}"
    calendar = icalendar.Calendar.new(prodid=PRODID, name=name, uid=uid, refresh_interval=REFRESH)
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"  # RFC 7986 requires it spelled out
    calendar.add("X-PUBLISHED-TTL", icalendar.vDuration(REFRESH))  # what Outlook and Apple Calendar read instead
    for entry in await entries(config, store, tentative=tentative, trailers=trailers):
        calendar.add_component(to_vevent(entry))
    return calendar


def to_bytes(calendar: icalendar.Calendar) -> bytes:
    data: bytes = calendar.to_ical()
    return data
