"""What a page laid out as a TV guide or a release calendar says about the target.

A guide gives its days in headings ("Sunday 8 March", "Tonight · Mon 21 Oct") and its
titles in rows or short headings under them ("9.00pm BBC One Copper Moon NEW SERIES 1/6",
"| 1 | TBA | Fri 1/17"); no release verb is anywhere, and the day a row stands under is
its date.  ``claims.py`` asks these when it walks the page.
"""

from __future__ import annotations

import datetime as dt
import re

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract import cues
from premiere_watch.extract.decide import Candidate
from premiere_watch.extract.grammar import without_dates
from premiere_watch.extract.mentions import text_cache
from premiere_watch.extract.ownership import season_ok
from premiere_watch.extract.page import Block, Page
from premiere_watch.extract.published import is_date_line
from premiere_watch.extract.titles import TitleMatcher, season_refs
from premiere_watch.model import Target

# Words for the day a listing's heading gives: "tonight" under "Sunday 8 March" is that Sunday.
TODAY = re.compile(r"today|tonight|this (?:evening|afternoon|morning)", re.I)
_EPISODE_ONE = re.compile(r"^\|?\s*(?:(?:ep(?:isode)?\.?\s*)?0?1|e01|s\d+\s*e01|\d+x01|(?P<season>\d+)\.0?1)\s*\|",
                          re.I)
_GUIDE = re.compile(r"\b(?:tv|listings?|guide|schedule|what['’]s on)\b", re.I)
_TONIGHT = re.compile(r"\b(?:tonight|today|this evening)\b", re.I)
_LISTED_PREMIERE = re.compile(r"\b(?:premieres?|premiering|opens? with|returns|debuts?|begins|kicks off|new season)\b",
                              re.I)
# A TV guide's row: its time, its first-episode marks, and a repeat's.
_LISTING_TIME = re.compile(r"(?<![\d.:/])(?:\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?![\d/])", re.I)
_FIRST_EPISODE_MARK = re.compile(r"\bnew (?:series|season)\b|\b(?:season|series) (?:premiere|opener|launch)\b|"
                                 r"\bpremiere\b|\b(?:ep(?:isode)?\.?\s*)?1\s*(?:/|of)\s*\d{1,2}\b|"
                                 r"\bepisode (?:1|one)\b|\bs\d{1,2}\s*e0?1\b", re.I)
_NEW_RUN = re.compile(r"new|season|series", re.I)
_REPEAT_MARK = re.compile(r"\(R\)|\brepeats?\b|\bencore\b|\bcatch-up\b", re.I)

# A guide to the week the page came out in: "New on Netflix this week", "TV week of 6/10".
_THIS_WEEK = re.compile(r"\b(?:this week|week of|the week ahead|week ahead|this coming week)\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def listed(day: FuzzyDate, heading: str, text: str) -> Candidate:
    """The claim a listing makes: ``text`` under the day ``heading`` gives."""
    return Candidate(day, "confirmed", f"{heading} — {text}", "listed under a date heading")


class Listing:
    """The listing reading of one page for one target (``article_topic``: the page is about it)."""

    def __init__(self, page: Page, target: Target, matcher: TitleMatcher, article_topic: bool) -> None:
        self.page = page
        self.target = target
        self.matcher = matcher
        self.article_topic = article_topic
        self.cache = text_cache(page)
        self.heading_days: dict[str, FuzzyDate | None] = {}

    def heading_day(self, text: str) -> FuzzyDate | None:
        """The day a listing's day heading gives ("Sunday 8 March", "Tonight · Mon 21 Oct")."""
        if text not in self.heading_days:  # each heading is asked once per heading below it
            self.heading_days[text] = None
            if not (is_date_line(text, self.page.dayfirst) is False and not self.day_heading(text)):
                days = [d.date for d in self.cache.dates(text)
                        if d.date.precision == "day" and not TODAY.fullmatch(d.text)]
                self.heading_days[text] = days[0] if len(days) == 1 else None
        return self.heading_days[text]

    def week_day(self, text: str) -> FuzzyDate | None:
        """A bare weekday heading ("Friday") in a guide to the week the page came out in ("New
        on Netflix this week", published Monday 19 October): that weekday of the week, from the
        publication day on (Friday 23 October)."""
        word = text.strip(" :.-–—").lower()
        published = self.page.published
        if word not in _WEEKDAYS or published is None or not _THIS_WEEK.search(self.page.headline):
            return None
        return FuzzyDate.from_date(published + dt.timedelta(days=(_WEEKDAYS.index(word) - published.weekday()) % 7))

    def day_heading(self, text: str) -> bool:
        """"27 December onwards", "From 3 March": a section of a schedule, named by its days."""
        dates = self.cache.dates(text)
        if not dates or self.matcher.find(text):
            return False
        rest = without_dates(text, dates)
        return len(rest.split()) <= 2 and not cues.PREMIERE_SCAN.search(rest)

    def dated_section(self, heading: Block, above: list[Block]) -> Candidate | None:
        """A listing's day heading over the target's own heading ("Thursday, January 23" /
        "The Night Agent: Season 2"): the day is the target's, as for a list item under it."""
        # The nearest heading above that is a day: "Tonight's Picks" may stand between.
        parent = next((h for h in reversed(above) if h.level < heading.level
                       and is_date_line(h.text, self.page.dayfirst) is not False), None)
        if parent is None:
            return None
        # A listing has several day headings and short title headings under them; an article
        # under its own date header ("Tuesday, June 20, 2023" / "No, that trailer is not real") is none.
        if len(heading.text.split()) > 8:
            return None
        if sum(1 for b in self.page.blocks if b.kind == "heading" and b.level == parent.level
               and is_date_line(b.text, self.page.dayfirst) is not False) < 2 and not (
                _TONIGHT.search(parent.text) and self.premieres_under(heading)):
            # One day's listing ("TONIGHT · Monday, October 21, 2024") dates only the title
            # whose card says it premieres; otherwise a lone date heading is the article's date.
            return None
        dates = [d for d in self.cache.dates(parent.text) if d.date.precision == "day"]
        ok, _reason, _season = season_ok(self.target, heading.text, 0, 0, self.matcher.find(heading.text), None)
        ok = ok or self.episode_heading(heading)
        if len(dates) == 1 and ok:
            return listed(dates[0].date, parent.text, heading.text)
        return None

    def first_episode_day(self, block: Block) -> FuzzyDate | None:
        """The day a TV guide lists the title's first episode on: its row under a day heading
        ("Sunday 8 March" / "9.00pm BBC One Copper Moon NEW SERIES 1/6", "| 9.00pm | ... |
        Halcyon Park (New, 1/6) |").  A later episode's row ("4/6"), a repeat's or another
        season's is no premiere."""
        text = block.text
        if block.zone != "main" or block.kind not in ("list_item", "table_row", "paragraph") or len(text) > 600:
            return None
        mentions = [m for m in self.matcher.find(text) if m.season in (None, self.target.season)]
        if not mentions or self.matcher.find(block.heading):
            return None
        times = list(_LISTING_TIME.finditer(text))
        # (A grid's row opens with its time cell, "| 21:00 | ...", however long its cells run.)
        grid_row = block.kind == "table_row" and _LISTING_TIME.match(text.lstrip("| ")) is not None
        if (block.kind == "paragraph" or (len(text) > 300 and not grid_row)) and \
                len(times) < (2 if len(text) > 200 else 1):
            return None  # prose, not a listing line
        heading_dates = self.cache.dates(block.heading)
        days = {d.date for d in heading_dates if d.date.precision == "day"}
        if len(days) != 1 or len(without_dates(block.heading, heading_dates).strip(" ,.:-–—|·").split()) > 4:
            day = self._headline_day(_TONIGHT) if block.heading in ("", self.page.headline) else None
            if day is None:
                return None
            days = {day}
        m = mentions[0]
        starts = [t.start() for t in times] + [i for i, ch in enumerate(text) if ch == "|"]
        lo = max((at for at in starts if at <= m.start), default=0)
        hi = min((at for at in starts if at >= m.end), default=len(text))
        if len(text[lo:m.start].split()) > 6 or _REPEAT_MARK.search(text, lo, hi):
            return None  # the title inside a sentence, or a repeat
        row_dates = self.cache.dates(text)
        if any(d.date.precision == "day" for d in row_dates):
            return None  # "Wed, March 18 Marigold Junction Series premiere": the row dates itself
        spans = [(d.start, d.end) for d in row_dates]
        marks = [k for k in _FIRST_EPISODE_MARK.finditer(text, m.end, hi)
                 if not any(a < k.end() and k.start() < b for a, b in spans)]
        if not marks:
            return None
        # The cell's first sentence says which run it is; its blurb may speak of others ("Series 1
        # is available on iPlayer").
        head_end = text.find(". ", m.end, hi)
        seasons = {r.number for r in season_refs(text[lo:head_end if head_end >= 0 else hi]) if r.number is not None}
        if seasons - {self.target.season} or (self.target.season is not None and self.target.season > 1 and
                                              not seasons and not any(_NEW_RUN.match(k.group(0)) for k in marks)):
            return None  # another season's; or, naming none, not said to be a new run of the show
        return days.pop()

    def guide_day(self) -> FuzzyDate | None:
        """The one day a guide's headline is for ("TV listings: Sunday 8 February 2026"): what its
        "tonight" means, whenever the guide was put up."""
        return self._headline_day(_GUIDE)

    def _headline_day(self, marker: re.Pattern[str]) -> FuzzyDate | None:
        """The one day a guide's headline is for, if ``marker`` says it is a guide ("TV tonight &
        this week: Sunday 5 October 2025"): also the day of the rows no day heading stands over."""
        headline = self.page.headline
        if not marker.search(headline) or self.matcher.find(headline):
            return None
        days = {d.date for d in self.cache.dates(headline) if d.date.precision == "day" and not TODAY.fullmatch(d.text)}
        return days.pop() if len(days) == 1 else None

    def first_episode_row(self, block: Block) -> bool:
        """Episode 1's row in the watched season's schedule on a page about the title: its
        date is the season's premiere ("Season 2 schedule" / "| 1 | TBA | Fri 1/17")."""
        one = _EPISODE_ONE.match(block.text)
        if block.kind != "table_row" or not self.article_topic or not one:
            return False
        if one.group("season"):  # "| 2.1 | Dust Bowl | Sun 16/08 |": the row numbers its own season
            return int(one.group("season")) == self.target.season
        refs = season_refs(block.heading)
        return self.target.season is None or any(r.number == self.target.season for r in refs)

    def episode_heading(self, heading: Block) -> bool:
        """A listing's "Sherlock: The Six Thatchers" over "Series 4, episode 1 of 3": the show's
        name, an episode's title, and the watched season named under it."""
        if self.target.kind != "tv" or self.target.season is None:
            return False
        if not any(heading.text.lower().startswith(n.lower() + ":") for n in self.target.names):
            return False
        under = " ".join(b.text for b in self.page.blocks if b.heading == heading.text and b.zone == "main")[:600]
        return any(r.number == self.target.season for r in season_refs(under))

    def premieres_under(self, heading: Block) -> bool:
        """The text under a title's heading says it premieres (the watched season, if any)."""
        text = " ".join(b.text for b in self.page.blocks if b.heading == heading.text and b.zone == "main")[:1500]
        if not _LISTED_PREMIERE.search(text):
            return False
        return self.target.season is None or any(r.number == self.target.season for r in season_refs(text))
