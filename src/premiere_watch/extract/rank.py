"""Which of a page's confirmed candidates is the release date, and whether to confirm it.

The claim rules decide, sentence by sentence, whether a date is this title's release and with
what status.  When several dates survive, which one the page means (and whether the page says
it firmly enough to alert a fan) is weighed here by a conditional logit fitted on labelled
pages the rules had never seen (``tools/ranker.py``): each candidate scores ``w · features``,
abstaining scores 0.  ``decide.top_tier`` keeps the newest statement's precedence ("now opens
X", a move reported last); within it the best score wins, and where the page's dates compete and
none scores above 0 the date stays tentative.  The weights are a small table in
``ranker_weights.py``; nothing is learned at run time.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from premiere_watch.dates import PRECISIONS
from premiere_watch.extract.ranker_weights import WEIGHTS

if TYPE_CHECKING:
    from premiere_watch.dates import FuzzyDate
    from premiere_watch.extract.decide import Candidate
    from premiere_watch.extract.page import Page

_OFFICIAL = re.compile(r"\b(?:confirm\w*|announc\w*|officially|revealed|unveil\w*|set|sets|slated|dated|"
                       r"scheduled|said|says|press release)\b", re.I)
_SOFT = re.compile(r"\b(?:reportedly|rumou?r\w*|expected|likely|could|may|might|should|hop(?:e|es|ing)|"
                   r"think|believe|guess\w*|tipped|sources?|apparently|chatter|speculat\w*)\b", re.I)
_MOVE = re.compile(r"\b(?:moved?|moving|pushed|push(?:es|ing)?|delay(?:ed|s)?|shift(?:ed|s)?|slid|slips?|"
                   r"slipped|bump(?:ed|s)?|postponed|brought forward|moved up|new date|rescheduled)\b", re.I)
_HISTORY = re.compile(r"\b(?:originally|previously|initially|first|had been|was set|was slated|was due|"
                      r"were set|last year|before that)\b", re.I)
_NOW = re.compile(r"\b(?:now|new date|instead|current|currently)\b", re.I)
_RELEASE_NOUN = re.compile(r"\b(?:premieres?|release[sd]?|debut\w*|opens?|opening|launch\w*|returns?|"
                           r"streaming|arrives?|lands?|airs?|in theaters|in cinemas|episodes?)\b", re.I)
_OTHER_EVENT = re.compile(r"\b(?:trailer|teaser|panel|festival|filming|shoot\w*|production|wrap\w*|specials?|"
                          r"awards?|ceremony|tour|concert|album|soundtrack|book|game|tickets?|pre-?orders?|"
                          r"screening|premiere event|red carpet|interview|podcast|earnings|quarter)\b", re.I)

# Words just before the date: what this date is, not what the sentence is about.
_BEFORE_FROM = re.compile(r"\bfrom\W*(?:\w+\W+)?$", re.I)
_BEFORE_HISTORY = re.compile(r"\b(?:originally|previously|initially|formerly|had been|once|earlier|"
                             r"(?:was|were)\s+(?:\w+\s+){0,3}?(?:set|slated|scheduled|dated|due|announced|planned|"
                             r"expected|meant|supposed))\b", re.I)
_BEFORE_NOW = re.compile(r"\b(?:now|instead|new date|moved (?:up |back |forward )?to|pushed (?:back )?to|"
                         r"(?:re)?scheduled (?:for|to)|brought forward to|shifted to|bumped to)\b", re.I)
_NEAR_EPISODE = re.compile(r"\b(?:(?:second|third|fourth|final|last|next|later) episodes?|episode\s+(?:[2-9]|\d\d|"
                           r"two|three|four)|finale|mid-?season|part (?:2|two|ii))\b|\((?:[2-9]|\d\d)/\d+\)", re.I)
_BEFORE_OTHER_EVENT = re.compile(r"\b(?:trailer|teaser|panel|festival|screening|filming|shoot|production|wrap|"
                                 r"premiere event|red carpet|tickets|pre-?orders?|podcast|after-?show|dub|"
                                 r"blu-?ray|dvd|digital|rental|on demand|re-?release|expan\w+|wide)\b", re.I)


def features(c: Candidate, pool: Sequence[Candidate], published: dt.date | None, title_page: bool,
             headline_dates: Sequence[FuzzyDate], names: Callable[[str], bool]) -> dict[str, float]:
    """What the ranker knows about one candidate among the pool it competes in."""
    ev = c.evidence
    # No weight for a precision as such: a stated month ("pushed to October") is as much the
    # date as a day is; only against the pool's other dates does being the finest count.
    f: dict[str, float] = {"bias": 1.0}
    cue = c.why.split(";")[0].strip()
    if cue in ("schedule listing", "listed under a date heading"):
        f[f"cue:{cue}"] = 1.0
    named = names(ev)
    f["named"] = float(named)
    f["unnamed"] = float(not named)
    f["headline"] = float(c.headline)
    f["in_headline_date"] = float(any(c.date == h or c.date.within(h) for h in headline_dates))
    f["aside"] = float(c.zone == "aside")
    f["structured"] = float(c.structured)
    f["structured_title_page"] = float(c.structured and title_page)
    f["title_page"] = float(title_page)
    f["change_1"] = float(c.change_target == 1)
    f["change_2"] = float(c.change_target == 2)
    f["weak"] = float(c.weak)
    f["named_day"] = float(c.named_day)
    f["year_inferred"] = float(c.year_inferred)
    f["season_named"] = float(c.season_named)
    f["official"] = float(bool(_OFFICIAL.search(ev)))
    f["soft"] = float(bool(_SOFT.search(ev)))
    f["move"] = float(bool(_MOVE.search(ev)))
    f["history"] = float(bool(_HISTORY.search(ev)))
    f["now"] = float(bool(_NOW.search(ev)))
    f["release_noun"] = float(bool(_RELEASE_NOUN.search(ev)))
    f["other_event"] = float(bool(_OTHER_EVENT.search(ev)))
    f["long_evidence"] = float(len(ev) > 250)
    start, end = c.span
    if end:
        before = ev[max(0, start - 50):start]
        f["from"] = float(bool(_BEFORE_FROM.search(ev, max(0, start - 16), start)))
        f["history_before"] = float(bool(_BEFORE_HISTORY.search(before)))
        f["now_before"] = float(bool(_BEFORE_NOW.search(before)))
        # "The June 4 premiere ... has been pushed to October": the date the move starts from.
        f["move_after"] = float(bool(_MOVE.search(ev, end, end + 60)) and not _BEFORE_NOW.search(before))
        f["episode_near"] = float(bool(_NEAR_EPISODE.search(ev, max(0, start - 50), end + 40)))
        f["other_event_before"] = float(bool(_BEFORE_OTHER_EVENT.search(ev, max(0, start - 40), start)))
    f["precedence"] = float(c is min(pool, key=lambda p: _precedence(p, headline_dates)))
    orders = sorted({p.order for p in pool})
    rank = orders.index(c.order) if c.order in orders else 0
    f["first"] = float(rank == 0)
    f["last"] = float(rank == len(orders) - 1 and len(orders) > 1)
    f["rank_frac"] = rank / max(1, len(orders) - 1)
    distinct = {p.date for p in pool}
    f["rivals"] = math.log1p(len(distinct) - 1)
    support = sum(1 for p in pool if p is not c and (p.date == c.date or p.date.within(c.date)
                                                     or c.date.within(p.date)))
    f["support"] = math.log1p(support)
    f["finest"] = float(all(PRECISIONS.index(c.date.precision) >= PRECISIONS.index(p.date.precision)
                            for p in pool))
    if published is not None:
        days = (c.date.start() - published).days
        f["past"] = float(c.date.end() < published)
        f["soon"] = float(0 <= days <= 31)
        f["far"] = float(days > 540)
    else:
        f["undated_page"] = 1.0
    return f


def _precedence(c: Candidate, headline_dates: Sequence[FuzzyDate]) -> tuple[int, bool, int, int]:
    """The order a reader's rule of thumb puts candidates in: a stated change, the headline's
    date, the finest date, the first."""
    return (-c.change_target, not any(c.date == h or c.date.within(h) for h in headline_dates),
            -PRECISIONS.index(c.date.precision), c.order)


# A lone date the rules found is confirmed only when the ranker favours it over abstaining by this
# margin: odds of 2 to 1, because a false "date announced" costs a fan's trust while a date held back as
# tentative costs a late alert.  Chosen by ``tools/ranker.py evaluate`` on pages held out set by set.
CONFIRM_ALONE = math.log(2)


def score(feats: dict[str, float], weights: dict[str, float] | None = None) -> float:
    table = WEIGHTS if weights is None else weights
    return sum(table.get(k, 0.0) * v for k, v in feats.items())


def pick(among: Sequence[Candidate], pool: Sequence[Candidate], page: Page, headline_dates: Sequence[FuzzyDate],
         names: Callable[[str], bool]) -> tuple[Candidate | None, float]:
    """The best-scoring candidate of ``among`` (weighed against all of ``pool``) and its score
    (above 0: firm enough to confirm)."""
    best: Candidate | None = None
    best_score = -math.inf
    for c in sorted(among, key=lambda c: c.order):
        s = score(features(c, pool, page.published, page.title_page, headline_dates, names))
        if s > best_score:
            best, best_score = c, s
    return best, best_score
