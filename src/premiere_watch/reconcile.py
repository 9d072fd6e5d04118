"""Many sources' claims about one title -> one set of facts -> the events a fan needs.

Pure functions on plain data: no clock (``now`` is passed in), no I/O.
``reconcile(observations, previous, now)`` decides the :class:`Facts` of one
target from the latest observation of every (source, document) and the facts
it had before; ``diff(previous, current, target)`` turns the difference into
events.

How facts are decided
---------------------
1. **Official beats rumour.** Only *confirmed* claims make a premiere date;
   tentative claims are kept as rumour windows (``Facts.tentative``) and never
   move, set or withdraw a date.
2. **Newest statement wins.** Every claim has an *age*: its document's
   publication date, or, for an undated document, the day it was first seen
   saying this value (within the read history the store keeps).  Between
   official claims the newest wins, *publication date decides, not fetch
   order*: an old article read today repeating an old date is stale and does
   not undo a newer change.  At equal age a structured schedule source (an
   API, the streamer's own JSON-LD) beats an article, then the date more
   documents agree with wins; but an established fact is only moved by a
   strictly newer claim (at equal age the current fact stays).
3. **The fact remembers its age.** The current fact competes with its age (the
   newest document that supported it).  A date that vanishes from a source, a
   source that disappears or fails, never changes or withdraws a fact.
4. **Precision only grows.** A newer claim that is a coarser restatement of the
   fact ("2025" while the fact is 2025-03-14) changes nothing; a claim that
   refines the fact (2025 -> 2025-03 -> 2025-03-14) is adopted, even from an
   older document, because it contradicts nothing.
5. **Anti-flap.** Moving an established date to a different one needs a claim
   newer than the fact, from a document that is not *flapping*, *and* one of:
   a structured source; an explicit publication date newer than the fact's;
   the same value on the document's two latest reads; two different
   (non-flapping, newer than the fact) sources saying it; or the change has
   been pending, never contradicted, for ``PATIENCE`` (24 h: an undated
   article is read only once).  Otherwise the change waits in
   ``Facts.pending``; a pass where it is no longer proposed clears it.  A document is *flapping* when, within the reads
   the store keeps (``HISTORY_LIMIT`` in store/ledger.py), it went back to something
   it said before (confirmed/denied dates A -> B -> A): an A/B test or a stale
   cache serving two versions.  So a single-read flip is held; a page
   alternating between two versions produces at most one change (the first
   time the new version holds for two reads), never back-and-forth alerts;
   X -> Y -> Z is two changes.  A page that really goes back to a value it showed recently
   is believed once its kept reads no longer show the flip.
6. **Denials.** A denied date withdraws every claim of a date within it that
   is not newer than the denial.  If the current fact is withdrawn so and no
   claim at least as new as the denial gives a replacement, the fact becomes
   ``premiere_status="withdrawn"`` (postponed, date withdrawn).  A denial
   passes an anti-flap gate too: never from a flapping document; a dated or
   structured one withdraws at once, an undated one after two reads or from
   two sources.  After a withdrawal, only a
   claim at least as new as the denial sets a date again, through the same
   gate (not flapping; dated, structured, read twice or two sources).
7. **Support.** ``Facts.supporting`` lists every document whose current claim
   agrees with the fact (same date or a coarser window containing it).
8. **Trailers** are facts once seen, keyed by video id (also read out of
   YouTube URLs), else URL, else kind (+ ordinal such as "trailer 2").  A
   trailer known only by name merges with a known trailer of the same kind and
   ordinal; when such a trailer later shows up with a URL, the fact gains the
   URL without a new alert.

Events (``diff``)
-----------------
``premiere_announced`` (first confirmed date; ``change="already"`` for a
brand-new watch whose date already exists; after a withdrawal
``"rescheduled"`` with ``old`` the withdrawn date, or ``"reinstated"`` when it
is that same date), ``premiere_changed`` (``later``/``earlier``/``refined``, with old
and new), ``premiere_postponed`` (``withdrawn``, old date), ``trailer_released``
(each trailer fact once), ``rumour`` (each new tentative window that does not
overlap a confirmed date; the pipeline decides whether to route it).  With
``announce_existing=False`` a brand-new watch is baselined silently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from premiere_watch.dates import FuzzyDate
from premiere_watch.facts import (
    Facts,
    Pending,
    Read,
    StoredObservation,
    TrailerFact,
)
from premiere_watch.model import (
    Event,
    Target,
    Trailer,
    normalize_title,
)

# Rumour windows remembered per target (oldest dates are dropped first).
TENTATIVE_LIMIT = 50
# A held change still proposed this long after it first showed, never
# contradicted meanwhile (that would have cleared it), is believed: an undated
# article read once (feeds read each article once) must not wait forever.
PATIENCE = dt.timedelta(hours=24)
_UTC = dt.UTC
_NEVER = dt.datetime.min.replace(tzinfo=_UTC)


# -- claims and their age ----------------------------------------------------------

Rank = tuple[dt.date, bool, dt.datetime]


@dataclass(frozen=True)
class _Claim:
    """A confirmed or denied date from one document, with its age."""

    date: FuzzyDate
    evidence: str
    document_url: str
    source_id: str
    published: dt.date | None
    seen: dt.datetime  # first time this document was seen saying it
    structured: bool
    stable: bool  # the document's two latest reads both said it
    flapping: bool = False  # the document switched what it says twice or more lately

    @property
    def rank(self) -> Rank:
        # Day first (publication decides); a structured source wins a tie; among
        # undated claims of one day the later-seen one is newer.
        return _rank(self.published, self.seen, self.structured)


def _rank(published: dt.date | None, seen: dt.datetime, structured: bool) -> Rank:
    day = published if published is not None else seen.date()
    return (day, structured, _NEVER if published is not None else seen)


def _facts_rank(facts: Facts) -> Rank:
    return _rank(facts.published, facts.seen or facts.since or _NEVER, facts.structured)


def _collect(observations: Sequence[StoredObservation]) -> tuple[list[_Claim], list[_Claim]]:
    claims: list[_Claim] = []
    denials: list[_Claim] = []
    for obs in observations:
        ex = obs.extraction
        latest = obs.history[-2:]
        flapping = _flapping(obs.history)
        if ex.confirmed is not None:
            iso = ex.confirmed.date.iso()
            first = _value_since(obs, iso, denied=False)
            stable = len(latest) == 2 and all(r.confirmed == iso for r in latest)
            claims.append(_Claim(ex.confirmed.date, ex.confirmed.evidence, obs.document_url,
                                 obs.source_id, _published(ex.published, first), first,
                                 obs.structured or ex.confirmed.structured, stable, flapping))
        for d in ex.denied:
            iso = d.date.iso()
            first = _value_since(obs, iso, denied=True)
            stable = len(latest) == 2 and all(iso in r.denied for r in latest)
            denials.append(_Claim(d.date, d.evidence, obs.document_url, obs.source_id,
                                  _published(ex.published, first), first,
                                  obs.structured or d.structured, stable, flapping))
    return claims, denials


def _value_since(obs: StoredObservation, iso: str, *, denied: bool) -> dt.datetime:
    """When the document first said this value: the age of an undated claim.

    The store keeps only the last reads.  A document that said the value on
    every kept read has said it since it was first seen (as far as we know):
    without this, a stale undated source (a schedule API) would look newer
    with every read once its early reads were dropped, and could undo a
    newer change weeks later.
    """
    def says(read: Read) -> bool:
        return iso in read.denied if denied else read.confirmed == iso

    if obs.history and all(says(r) for r in obs.history):
        return min(obs.first_seen, obs.history[0].at)
    return min((r.at for r in obs.history if says(r)), default=obs.last_seen)


def _published(published: dt.date | None, first_seen: dt.datetime) -> dt.date | None:
    """A publication date after we first saw the claim is wrong (a misread premiere
    date, a bad clock): it would pin the fact forever, so cap it."""
    return min(published, first_seen.date()) if published is not None else None


def _flapping(history: Sequence[Read]) -> bool:
    """Did the document go back to something it said before, within the kept reads?

    Reads saying nothing are skipped.  X -> Y -> Z is news twice; X -> Y -> X is
    an A/B test or a stale cache (or, rarely, a real revert: believed once the
    kept reads settle).
    """
    said = [(r.confirmed, r.denied) for r in history if r.confirmed or r.denied]
    runs = 1 + sum(1 for before, after in pairwise(said) if before != after) if said else 0
    return runs > len(set(said))


def _killer(claim: _Claim, denials: Iterable[_Claim]) -> _Claim | None:
    """The newest denial that withdraws ``claim`` (denies a window containing it, not older)."""
    hits = [d for d in denials if claim.date.within(d.date) and d.rank >= claim.rank]
    return max(hits, key=lambda d: d.rank, default=None)


def _previous_claim(previous: Facts | None) -> _Claim | None:
    if previous is None or previous.premiere is None or previous.premiere_status != "confirmed":
        return None
    return _Claim(previous.premiere, previous.evidence, previous.source_url, "",
                  previous.published, previous.seen or previous.since or _NEVER,
                  previous.structured, True)


def _is_move(old: FuzzyDate, new: FuzzyDate) -> bool:
    """A different date, not the same one said more or less precisely."""
    return not (new == old or new.refines(old) or old.within(new))


_PRECISION = {"year": 0, "season": 1, "quarter": 1, "month": 2, "day": 3}


def _propose(pool: list[_Claim], sticky: _Claim | None) -> tuple[_Claim, _Claim] | None:
    """(winner, stater): the newest claim, and the claim stating its date most precisely.

    ``sticky`` is the current fact competing with its own age.
    """
    everyone = pool + ([sticky] if sticky else [])
    if not everyone:
        return None

    def agreement(c: _Claim) -> int:
        return len({o.source_id or "fact" for o in everyone if c.date.within(o.date)})

    winner = max(everyone, key=lambda c: (c.rank, agreement(c), c is sticky, c.document_url))
    # Refinement: a claim inside the winner's window says the same more precisely
    # -- unless it would move the current fact while being no newer than it.
    inside = [c for c in everyone if c.date.within(winner.date) and (
        sticky is None or c is sticky or c.rank > sticky.rank or not _is_move(sticky.date, c.date))]
    stater = max(inside, default=winner,
                 key=lambda c: (_PRECISION[c.date.precision], c.rank, c is sticky, c.document_url))
    return winner, stater


def _trusted(claim: _Claim, backers: Iterable[_Claim], waited: bool) -> bool:
    """The anti-flap gate (rule 5) for a claim that would move, withdraw or reinstate a date.

    The caller has checked the claim is newer than what it replaces; ``backers``
    are the claims saying the same that are newer too (the claim among them).
    A page can't flip its publication date to look newer, so a dated claim
    passes; an undated one needs two reads, two sources or PATIENCE.
    """
    if claim.flapping:
        return False
    sources = {b.source_id for b in backers if not b.flapping}
    return (claim.structured or claim.published is not None or claim.stable
            or len(sources) >= 2 or waited)


def reconcile(
    observations: Sequence[StoredObservation], previous: Facts | None, now: dt.datetime
) -> Facts:
    """Decide the facts of one target from every stored observation and the last facts."""
    claims, denials = _collect(observations)
    survivors = [c for c in claims if _killer(c, denials) is None]
    fact = _previous_claim(previous)
    withdrawal = _killer(fact, denials) if fact else None
    held: _Claim | None = None
    if withdrawal is not None and fact is not None and not _trusted(
            withdrawal, [d for d in denials if fact.date.within(d.date) and d.rank >= fact.rank],
            _waited(previous, fact.date, True, now)):
        held, withdrawal = withdrawal, None
    # After a withdrawal only a statement at least as new as it may set a date.
    floor: Rank | None = None
    if withdrawal is not None:
        floor = withdrawal.rank
    elif previous is not None and previous.premiere_status == "withdrawn":
        floor = _facts_rank(previous)
    pool = [c for c in survivors if floor is None or c.rank >= floor]
    alive = fact if withdrawal is None else None
    proposal = _propose(pool, alive)

    out = (Facts() if previous is None
           else replace(previous, pending=None, supporting=list(previous.supporting)))
    out.trailers = _merge_trailers(previous.trailers if previous else {}, observations, now)
    if held is not None and fact is not None:
        out.pending = _hold(previous, fact.date, held.document_url, now, withdrawn=True)

    chosen: _Claim | None = None
    if proposal is not None:
        winner, chosen = proposal
        waited = _waited(previous, chosen.date, False, now)
        if alive is not None and _is_move(alive.date, chosen.date):
            newer = winner.rank > alive.rank
            backers = [c for c in pool if c.date == winner.date and c.rank > alive.rank]
            if not (newer and _trusted(winner, backers, waited)):
                if newer:  # not trusted yet: wait for confirmation
                    out.pending = _hold(previous, chosen.date, chosen.document_url, now,
                                        withdrawn=False)
                chosen = alive  # stale or held: the fact stays
        elif floor is not None and not _trusted(
                winner, [c for c in pool if c.date == winner.date], waited):
            # A date after a withdrawal passes the same gate, or a page flipping
            # between the denial and the old date would alert postponed,
            # reinstated, postponed...
            out.pending = _hold(previous, chosen.date, chosen.document_url, now, withdrawn=False)
            chosen = None
    if chosen is not None:
        _adopt(out, chosen, pool, alive, now)
    elif withdrawal is not None and fact is not None:
        out.premiere_status = "withdrawn"
        out.since = now
        out.evidence, out.source_url = withdrawal.evidence, withdrawal.document_url
        out.published, out.seen, out.structured = (
            withdrawal.published, withdrawal.seen, withdrawal.structured)
        out.supporting = sorted({d.document_url for d in denials if fact.date.within(d.date)})
    # After the date is decided: rumours older than the fact are not news.
    out.tentative = _merge_tentative(previous.tentative if previous else [], observations, out, now)
    return out


def _waited(previous: Facts | None, date: FuzzyDate, withdrawn: bool, now: dt.datetime) -> bool:
    """The same change has been pending, uncontradicted, for PATIENCE."""
    old = previous.pending if previous else None
    return (old is not None and old.date == date and old.withdrawn == withdrawn
            and now - old.first_seen >= PATIENCE)


def _hold(previous: Facts | None, date: FuzzyDate, url: str, now: dt.datetime, *,
          withdrawn: bool) -> Pending:
    """The pending change, counting how many passes in a row proposed it."""
    old = previous.pending if previous else None
    if old is not None and old.date == date and old.withdrawn == withdrawn:
        return Pending(date, old.first_seen, old.reads + 1, url, withdrawn)
    return Pending(date, now, 1, url, withdrawn)


def _adopt(out: Facts, chosen: _Claim, pool: list[_Claim], alive: _Claim | None,
           now: dt.datetime) -> None:
    date = chosen.date
    unchanged = alive is not None and alive.date == date
    supporters = [c for c in pool if date.within(c.date)]
    # The fact's age is that of its newest supporter: a newer restatement makes
    # older contrary articles stale.
    ages = supporters + ([alive] if unchanged and alive else [])
    newest = max(ages, key=lambda c: c.rank, default=chosen)
    exact = [c for c in pool if c.date == date]
    stater = max(exact, key=lambda c: c.rank) if exact else chosen
    out.premiere, out.premiere_status = date, "confirmed"
    out.since = out.since if unchanged else now
    if stater is not alive:
        out.evidence, out.source_url = stater.evidence, stater.document_url
    out.published, out.seen, out.structured = newest.published, newest.seen, newest.structured
    docs = sorted({c.document_url for c in supporters})
    if docs or not unchanged:  # evidence that vanished leaves the fact and its support alone
        out.supporting = docs


def _merge_tentative(previous: list[str], observations: Sequence[StoredObservation],
                     facts: Facts, now: dt.datetime) -> list[str]:
    """Rumour windows seen so far, plus new ones that are still worth a word.

    Windows already over, and rumours published before the confirmed date they
    would contradict, are stale: not added.  Known windows stay (so a rumour
    that vanishes and comes back is not new).
    """
    windows = set(previous)
    fact_day = None
    if facts.premiere_status == "confirmed":
        fact_day = facts.published or (facts.seen or facts.since or now).date()
    for obs in observations:
        day = _published(obs.published, obs.first_seen) or obs.first_seen.date()
        if fact_day is not None and day < fact_day:
            continue
        windows.update(c.date.iso() for c in obs.extraction.tentative
                       if c.date.end() >= now.date())
    return sorted(windows)[-TENTATIVE_LIMIT:]


# -- trailers ---------------------------------------------------------------------

# Video ids as extract/page.py reads them (kept here so this module stays
# free of the HTML stack): a sighting with only a URL matches one with an id.
_VIDEO = re.compile(
    r"(?:youtube(?:-nocookie)?\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/|v/|live/)|youtu\.be/)"
    r"([A-Za-z0-9_-]{6,})|vimeo\.com/(?:[^?#]*/)?(\d{5,})")
# Query parameters that only say who shared a link.
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|si|feature|ref|ref_src)$")
_ORDINAL = re.compile(r"\b(?:trailer|teaser)\s*#?\s*([2-9])\b|\b(second|third|fourth|final)\b")
_WORDS = {"2": "second", "3": "third", "4": "fourth"}


def _ordinal(name: str) -> str:
    m = _ORDINAL.search(normalize_title(name))
    if not m:
        return ""
    return _WORDS.get(m.group(1) or "", m.group(1) or m.group(2) or "")


def trailer_key(trailer: Trailer) -> str:
    """Identity of a trailer: video id (also read out of YouTube URLs), URL, else kind."""
    video = trailer.video_id
    if not video and trailer.url:
        m = _VIDEO.search(trailer.url)
        video = (m.group(1) or m.group(2)) if m else None
    if video:
        return f"video:{video}"
    if trailer.url:
        parts = urlsplit(trailer.url.strip())
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
        host = parts.netloc.lower().removeprefix("www.")
        return "url:" + host + parts.path.rstrip("/") + (f"?{query}" if query else "")
    ordinal = _ordinal(trailer.name)
    return f"name:{trailer.kind}" + (f":{ordinal}" if ordinal else "")


def _same_trailer(fact: TrailerFact, trailer: Trailer) -> bool:
    """A name-only sighting is a known trailer of the same kind and ordinal."""
    return fact.kind == trailer.kind and _ordinal(fact.name) == _ordinal(trailer.name)


def _merge_trailers(previous: dict[str, TrailerFact], observations: Sequence[StoredObservation],
                    now: dt.datetime) -> dict[str, TrailerFact]:
    trailers = {k: replace(t, keys=list(t.keys)) for k, t in previous.items()}
    sightings: list[tuple[Trailer, str]] = []
    for obs in sorted(observations, key=lambda o: o.document_url):
        ex = obs.extraction
        found = list(ex.trailers)
        if not found and ex.trailer_status == "released":
            found = [Trailer("trailer", ex.trailer_evidence)]
        sightings.extend((t, obs.document_url) for t in found)
    # Identified trailers first, so name-only sightings merge into them.
    sightings.sort(key=lambda s: trailer_key(s[0]).startswith("name:"))
    for trailer, url in sightings:
        key = trailer_key(trailer)
        if any(key == k or key in t.keys for k, t in trailers.items()):
            continue
        named_only = key.startswith("name:")
        match = next((k for k, t in trailers.items()
                      if (named_only or t.url is None) and _same_trailer(t, trailer)), None)
        if match is not None:
            if not named_only:  # upgrade a name-only fact: it gains the URL, keeps its keys
                fact = trailers.pop(match)
                fact.url, fact.name = trailer.url, fact.name or trailer.name
                fact.keys = [*fact.keys, key]
                trailers[key] = fact
            continue
        trailers[key] = TrailerFact(trailer.kind, trailer.url, trailer.name, now, url,
                                    trailer.evidence, [key])
    return trailers


# -- events -----------------------------------------------------------------------


def diff(
    previous: Facts | None, current: Facts, target: Target, *, announce_existing: bool = True,
    new_watch: bool | None = None,
) -> list[Event]:
    """Events a fan needs to learn ``current`` when they knew ``previous``.

    A brand-new watch (``previous is None``, or ``new_watch=True``) reports
    what is already true with ``change="already"`` when ``announce_existing``,
    else nothing.  Pass ``new_watch=True`` for every source of a watch's first
    pass: after the first source, ``previous`` exists, yet what the second
    source finds was not news either.
    """
    if new_watch is None:
        new_watch = previous is None
    if new_watch and not announce_existing:
        return []
    before = previous or Facts()
    fresh = "already" if new_watch else ""
    events: list[Event] = []

    def event(kind: Any, **kw: Any) -> Event:
        return Event(kind=kind, watch=target.key, label=target.label, **kw)

    old, new = before.premiere, current.premiere
    where = {"evidence": current.evidence, "source_url": current.source_url}
    if current.premiere_status == "confirmed" and new is not None:
        if before.premiere_status != "confirmed" or old is None:
            rescheduled = before.premiere_status == "withdrawn" and old is not None
            again = "reinstated" if old == new else "rescheduled"
            events.append(event("premiere_announced", new=new.iso(),
                                old=old.iso() if rescheduled and old else None,
                                change=again if rescheduled else fresh, **where))
        elif new != old and not old.within(new):
            change = ("refined" if new.refines(old)
                      else "later" if new.start() > old.start() else "earlier")
            events.append(event("premiere_changed", new=new.iso(), old=old.iso(), change=change,
                                **where))
    elif (current.premiere_status == "withdrawn" and before.premiere_status == "confirmed"
          and old is not None):
        events.append(event("premiere_postponed", old=old.iso(), change="withdrawn", **where))

    known = {k for k, t in before.trailers.items() for k in (k, *t.keys)}
    for key, t in current.trailers.items():
        if key in known or known.intersection(t.keys):
            continue
        events.append(event("trailer_released", new=t.url or key, change=fresh,
                            evidence=t.evidence, source_url=t.source_url, trailer_kind=t.kind,
                            trailer_url=t.url or ""))

    dated = current.premiere if current.premiere_status == "confirmed" else None
    for window in current.tentative:
        if window in before.tentative:
            continue
        if dated is not None and FuzzyDate.parse(window).overlaps(dated):
            continue  # a rumour agreeing with the official date is not news
        events.append(event("rumour", new=window, change=fresh))
    return events
