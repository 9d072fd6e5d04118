"""Choosing what a page says, from all its candidate claims about one target.

* dates the page itself denies are out ("moved from X" beats a plain "X",
  but not a statement marked current: "now opens X", the headline);
* a change statement's new date beats everything else;
* a title page's own structured data beats its prose, while an article's
  prose beats the structured data embedded in it, which is often stale;
* a finer date inside a coarser one refines it ("2024" -> "early summer 2024");
* among the rest, the headline's claim, then the finest, then the first.

When the chosen date comes from a change, the other dates the page gave as
current are reported as denied (superseded).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract import rank
from premiere_watch.extract.page import Page
from premiere_watch.model import DateClaim, Rejected, Status


@dataclass
class Candidate:
    date: FuzzyDate
    status: Status
    evidence: str
    why: str
    structured: bool = False
    change_target: int = 0  # 2 'now'/'new date', 1 'moved to', 0 plain
    order: int = 0
    headline: bool = False
    zone: str = "main"
    weak: bool = False
    named_day: bool = False  # a day given by name ("Labor Day", "Christmas"), not by number
    year_inferred: bool = False  # "in March": the year is the grammar's guess from the publication date
    season_named: bool = False  # the evidence names the watched season ("series three ... in spring 2027")
    span: tuple[int, int] = (0, 0)  # where the date is written in ``evidence`` ((0, 0): not known)



def _corroborate(cands: list[Candidate], page: Page) -> list[Candidate]:
    """An article's embedded JSON-LD is site metadata that may have gone stale: its date
    stays confirmed only when the article's own text speaks of that date too."""
    if page.title_page:
        return cands
    text_dates = [c.date for c in cands if not c.structured and c.status != "denied"]
    out = []
    for c in cands:
        if c.structured and c.status == "confirmed" and not any(c.date.overlaps(d) for d in text_dates):
            c = Candidate(c.date, "tentative", c.evidence, "structured data the article text does not state",
                          structured=True, order=c.order)
        out.append(c)
    return out


HEADLINE_UNDATED = 10**9  # ``undated_at`` when the headline itself says there is no date now
_NOW = re.compile(r"\b(?:now|new date|instead)\b", re.I)
_RECOUNTED = re.compile(r"\b(?:first|then|later|initially|originally|previously|before that)\b", re.I)


def _explicit_years(cands: list[Candidate]) -> list[Candidate]:
    """"Now opens in March" over a body that says "March 25, 2016": the year a year-less date
    was given from the publication date yields to the year the page states for that month (a
    denied day's too)."""
    stated = [c.date for c in cands if c.status == "confirmed" and not c.year_inferred and c.date.precision in (
        "month", "day")]
    out = []
    for c in cands:
        # "A post showing it arriving on 17 October 2025 ... it won't be released on 17 October":
        # a denial names the day the page stated, in that year.
        if c.year_inferred and (c.status == "confirmed" or (c.status == "denied" and c.date.day is not None)):
            years = {d.year for d in stated if d.sub == c.date.sub and d.year != c.date.year
                     and (c.date.day is None or d.day == c.date.day)}
            if len(years) == 1:
                c = replace(c, date=FuzzyDate(years.pop(), c.date.sub, c.date.day))
        out.append(c)
    return out


_SETTLED_AFTER = re.compile(r"[^.;]{0,40}?\bbefore\s+(?:finally\s+|eventually\s+|ultimately\s+)?(?:settling|landing|"
                            r"moving|shifting|switching|returning|being moved|being pushed)\b", re.I)


_LOOKS_BACK = re.compile(r"[,;(—–]\s*(?:undoing|reversing|reverting|after|following)\b", re.I)


def _newest_statements(cands: list[Candidate], undated_at: int) -> list[Candidate]:
    """The newest statement wins.  In one sentence's chain of moves ("slipped to 31 July,
    and was then pushed again to 12 August") every stop but the last is history; after the
    page says the title has no date any more ("sets no new date", "delayed indefinitely"),
    every date it gave before is, unless stated as the new one ("now opens ...")."""
    stops = [c for c in cands if c.status == "confirmed" and c.change_target == 1]
    # "moved it to Aug. 2, undoing the push it made in April, when it slid from Aug. 2 to Aug. 9": past a
    # clause that looks back, the stops are the history the move undid.
    back = {c.evidence: m.start() for c in stops if (m := _LOOKS_BACK.search(c.evidence, c.span[1]))
            and any(d.evidence == c.evidence and d.span[0] < m.start() for d in stops)}
    recounted = {id(c) for c in cands if c.evidence in back and c.span[0] > back[c.evidence]}
    last_stop: dict[str, int] = {}
    for c in stops:
        if id(c) not in recounted:
            last_stop[c.evidence] = max(last_stop.get(c.evidence, 0), c.order)
    gone = {c.date for c in cands if c.status == "denied" and c.zone == "main"}
    out = []
    for c in cands:
        if c.status == "confirmed" and c.zone == "aside" and c.date in gone:
            # A rail still listing "June 12, 2026" that the article says the film has lost: stale.
            c = Candidate(c.date, "denied", c.evidence, "a rail's date the article says is gone", weak=True,
                          order=c.order, zone=c.zone)
        elif id(c) in recounted and c.status == "denied":
            continue  # "slid from Aug. 2" in the history of a move back to Aug. 2: no word on it now
        elif id(c) in recounted:
            c = Candidate(c.date, "denied", c.evidence, "a move the sentence looks back on", weak=True,
                          order=c.order, zone=c.zone)
        elif c.status == "confirmed" and c.change_target == 1 and c.span[1] and \
                _SETTLED_AFTER.match(c.evidence, c.span[1]):
            # "then moved it to Dec. 13, 2024, before settling on the late-May slot": a stop on the
            # way to where it settled.
            c = Candidate(c.date, "denied", c.evidence, "an earlier stop before where it settled", weak=True,
                          order=c.order, zone=c.zone)
        elif c.status == "confirmed" and c.change_target == 1 and c.order < last_stop[c.evidence]:
            c = Candidate(c.date, "denied", c.evidence, "an earlier stop of a chain of moves", weak=True,
                          order=c.order, zone=c.zone)
        elif c.status == "confirmed" and undated_at and c.order >= undated_at and c.change_target \
                and _RECOUNTED.search(c.evidence) and not _NOW.search(c.evidence):
            # "... and has not set a new date.  It was first announced for March, then moved to
            # June": after the page says there is no date, a move it recounts is history.
            c = Candidate(c.date, "denied", c.evidence, "a move the page recounts after saying there is no date",
                          weak=True, order=c.order, zone=c.zone)
        elif c.status == "confirmed" and undated_at and c.order < undated_at and not c.structured and (
                c.change_target < 2 or (undated_at == HEADLINE_UNDATED and not _NOW.search(c.evidence))):
            # A headline that says the title has no date sums up even the page's last move.
            c = Candidate(c.date, "denied", c.evidence, "before the page says it has no date now", weak=True,
                          order=c.order, zone=c.zone)
        if c.status == "confirmed" and c.change_target == 1 and _RECOUNTED.search(c.evidence) \
                and not _NOW.search(c.evidence):
            # "was originally due May 1, was bumped to Nov. 6 and then to May 7": a history the
            # page recounts is no newer than the page's own statement of the date.
            c = replace(c, change_target=0)
        out.append(c)
    return out


def top_tier(pool: list[Candidate]) -> list[Candidate]:
    """The newest statement wins: "now opens X" / "new date" outranks every other statement, and
    a move the page reports last ("... moved it to August 8") outranks what it said before.
    Among the rest the ranker weighs."""
    if any(c.change_target == 2 for c in pool):
        return [c for c in pool if c.change_target == 2]
    if pool and max(pool, key=lambda c: c.order).change_target == 1:
        return [c for c in pool if c.change_target == 1]
    return pool


def _season_named(best: Candidate, tier: list[Candidate]) -> Candidate:
    if best.season_named or best.change_target:
        return best
    # Two plain statements a year apart, one naming the watched season and one only the show
    # ("Ferrow & Daughters returns on Christmas Day", its special; "series three ... spring
    # 2027"): the one that names the season is about it.
    return next((c for c in tier if c.season_named and c.date.year != best.date.year), best)


def _named_day_in_numbers(best: Candidate, pool: list[Candidate]) -> Candidate:
    if not best.named_day:
        return best
    # "Delayed to Labor Day" and "opens Friday, Sept. 3": the day in numbers is the date of that
    # holiday weekend's release.
    return next((c for c in pool if not c.named_day and c.date.day is not None
                 and abs((c.date.start() - best.date.start()).days) <= 7), best)


@dataclass
class Contenders:
    """What is left to choose from once the page's own statements have ruled dates out."""

    cands: list[Candidate]  # every candidate, as the page's later statements leave it
    denied: list[Candidate]
    confirmed: list[Candidate]  # confirmed and not ruled out
    pool: list[Candidate]  # the confirmed candidates the release date is chosen among
    headline_dates: list[FuzzyDate]


def contenders(cands: list[Candidate], page: Page, rejected: list[Rejected], undated_at: int = 0) -> Contenders:
    cands = _newest_statements(_explicit_years(_corroborate(cands, page)), undated_at)
    denied = [c for c in cands if c.status == "denied"]
    strong_denied = {c.date for c in denied if not c.weak}
    # "Isn't coming in February": no day in February is the date either.
    negated_periods = {c.date for c in denied if c.why.split("; ")[-1].startswith("negated")
                       and c.date.precision not in ("day", "year")}
    # Days the page says the title has left ("is no longer on it", "moved from"); a negated
    # month ("not in January") leaves the year it is part of standing.
    lost_slots = {c.date for c in denied if not c.weak and c.date.precision == "day"
                  and not c.why.split("; ")[-1].startswith("negated")}
    retracted = {c.date for c in denied if c.why.split("; ")[-1].startswith("retracted")}
    confirmed = []
    for c in cands:
        if c.status != "confirmed":
            continue
        if c.date in retracted and not c.headline:
            rejected.append(Rejected(c.evidence[:300], f"{c.date.iso()}: the page retracts it"))
            continue
        # "Moved from X" outranks a plain statement of X, but not one marked current
        # ("now opens X", the headline); "originally X" never outranks a statement of X.
        if c.date in strong_denied and c.change_target < 2 and not c.headline:
            rejected.append(Rejected(c.evidence[:300], f"{c.date.iso()}: the page says it is no longer the date"))
            continue
        if c.change_target < 2 and any(c.date != p and c.date.within(p) for p in negated_periods):
            rejected.append(Rejected(c.evidence[:300], f"{c.date.iso()}: inside a period the page rules out"))
            continue
        if not c.change_target and not c.headline and any(d.within(c.date) for d in lost_slots - {c.date}):
            # "the May 2021 date" of a film whose May 21, 2021 slot is gone: the same slot, coarser.
            rejected.append(Rejected(c.evidence[:300], f"{c.date.iso()}: the slot the page says is gone"))
            continue
        confirmed.append(c)
    main_conf = [c for c in confirmed if c.zone == "main" and not c.structured]
    if main_conf:
        pool = main_conf
        if page.title_page:
            structured = [c for c in confirmed if c.structured]
            pool = structured or main_conf
    else:
        pool = [c for c in confirmed if c.structured] or confirmed
    # A finer date inside a coarser one refines it ("2024" -> "early summer 2024").
    dates = {c.date for c in pool}
    coarse = {d for d in dates if d.precision != "day" and any(o.refines(d) for o in dates)}
    pool = [c for c in pool if c.date not in coarse] or pool
    return Contenders(cands, denied, confirmed, pool, [c.date for c in pool if c.headline])


def choose(cands: list[Candidate], page: Page, rejected: list[Rejected], undated_at: int = 0,
           names: Callable[[str], bool] = lambda _: False
           ) -> tuple[Candidate | None, list[Candidate], list[Candidate]]:
    """(confirmed, tentative, denied) from all candidates; ``names`` tells whether a text names the target."""
    standing = contenders(cands, page, rejected, undated_at)
    cands, denied, confirmed, pool = standing.cands, standing.denied, standing.confirmed, standing.pool
    denied_dates = {c.date for c in denied}
    superseded: list[Candidate] = []
    tier = top_tier(pool)
    best, score = rank.pick(tier, pool, page, standing.headline_dates, names)
    if best is not None:
        best = _named_day_in_numbers(_season_named(best, tier), pool)
    unsure: list[Candidate] = []
    if best is not None and score <= (0 if len({c.date for c in tier}) > 1 else rank.CONFIRM_ALONE):
        # None of the page's dates is stated firmly enough to alert anyone on: the likeliest stays
        # tentative.  A lone date needs a margin, since nothing else on the page argues for it.
        unsure_why = f"not firm enough to confirm (score {score:.2f})"
        unsure.append(replace(best, status="tentative", why=f"{best.why}; {unsure_why}"))
        rejected.append(Rejected(best.evidence[:300], f"{best.date.iso()}: {unsure_why}"))
        best = None
    if best is not None and best.change_target:
        # The page reports a change: other dates it gave as current are the old ones.
        superseded = [c for c in pool if c.date != best.date and not c.date.refines(best.date)
                      and not best.date.refines(c.date) and not c.date.overlaps(best.date)
                      and c.change_target < best.change_target]
    tentative: list[Candidate] = []
    seen = set()
    for c in unsure + cands:
        if c.status == "tentative" and c.date not in seen and c.date not in denied_dates:
            if best is not None and c.date == best.date:
                continue
            seen.add(c.date)
            tentative.append(c)
    den: list[Candidate] = []
    seen = set()
    for c in superseded:
        denied.append(Candidate(c.date, "denied", c.evidence, f"superseded by {best.date.iso() if best else ''}"))
    for c in denied:
        if c.date not in seen and (best is None or c.date != best.date):
            seen.add(c.date)
            den.append(c)
    for c in confirmed:
        if c is not best and best is not None and c.date != best.date and not c.date.refines(best.date) \
                and not best.date.refines(c.date):
            rejected.append(Rejected(c.evidence[:300], f"{c.date.iso()}: another confirmed date was preferred"))
    return best, tentative, den


def to_claim(c: Candidate) -> DateClaim:
    return DateClaim(c.date, c.status, c.evidence, c.why, c.structured)
