"""Adapter over the date grammar (the ``grammar/`` package).

Claim logic reads dates only through this module, so it needs exactly two
things from the grammar: ``find_dates`` and ``split_sentences``.  One gap is
filled here rather than in the grammar: a bare year that the grammar leaves
alone because no preposition licenses it ("we think 2026 is the realistic
target") is still a date when a guess or a target is made of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract.grammar import DateMention, split_sentences
from premiere_watch.extract.grammar import find_dates as _grammar_find
from premiere_watch.extract.grammar.sentences import BULLETS

if TYPE_CHECKING:
    from premiere_watch.extract.page import Page

__all__ = ["DateMention", "TextCache", "core_mentions", "find_dates", "mask_dates", "may_guess", "split_sentences",
           "text_cache", "year_context"]

# A bare year the grammar leaves alone (it wants a preposition) but a guess is made
# of: "we think 2026 is the realistic target", "my bet: 2026".  Years are found
# first with a cheap pattern; the words around them are checked only then.
_YEAR = re.compile(r"(?<![\w$.,/-])((?:19|20)\d{2})(?![\w%,.-]\d|s\b|['’]s)")
_GUESS_BEFORE = re.compile(
    r"\b(?:think|guess|bet|betting|predict|predicting|saying|say|says|eyeing|targeting|expect|expecting|"
    r"reckon|figure|wager)\b:?\s+(?:(?:that|is|it['’]s|it is|on|for|maybe|probably|likely)\s+)?$",
    re.I,
)
_GUESS_AFTER = re.compile(
    r"\s+(?:is|looks|seems|feels|would be|will be)\s+(?:like\s+)?(?:the\s+|a\s+)?(?:most\s+)?"
    r"(?:realistic|likely|plausible|earliest|target|best|safe|window|answer|bet)\b",
    re.I,
)


# A bare month the grammar leaves alone (it wants a cue) but a plan, guess or contrast is
# made of: "Vireo+ is eyeing June", "our best guess is June", "October, not June".
_MONTH = re.compile(r"(?<![\w-])(January|February|March|April|May(?=[.,;])|June|July|August|September|October|"
                    r"November|December)(?![\w-])")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTH_LICENCE = re.compile(
    r"\b(?:eyeing|eyes|targeting|targets|aiming for|aims for|guess(?:ing)?|bet(?:ting)?|pick|predict(?:ing)?|"
    r"is|was|be|not|instead of|rather than|than|tipped for|hoping for|rumou?red for|expect(?:ing|s)?|"
    r"plans? for|planning for|as soon as|as early as|no sooner than)\s+(?:(?:a|an|the|early|mid|late)[\s-]+)?$", re.I)


_DAY_AFTER = re.compile(r"\s+(?:the\s+)?\w+(?:th|st|nd|rd)\b", re.I)  # "January twelfth": a day, not a month
_CONTRAST = re.compile(r"\b(?:not|instead of|rather than|than)\s+(?:(?:a|an|the|early|mid|late)[\s-]+)?$", re.I)


def _bare_dates(text: str, anchor: dt.date | None, found: list[DateMention] | None = None) -> Iterator[DateMention]:
    """Bare years made guesses of and licensed bare months, but for those inside a mention the
    grammar ``found``."""
    def inside(s: int, e: int) -> bool:
        return found is not None and any(d.start < e and s < d.end for d in found)

    for m in _YEAR.finditer(text):
        s, e = m.span(1)
        if inside(s, e):
            continue
        if _GUESS_BEFORE.search(text, max(0, s - 40), s) or _GUESS_AFTER.match(text, e):
            yield DateMention(s, e, m.group(1), FuzzyDate(int(m.group(1))), False, "guess")
    if anchor is None:
        return  # a month without its year needs the page's date
    for m in _MONTH.finditer(text):
        s, e = m.span(1)
        if inside(s, e) or not _MONTH_LICENCE.search(text, max(0, s - 30), s) or _DAY_AFTER.match(text, e):
            continue
        month = _MONTH_NAMES.index(m.group(1).lower()) + 1
        year = anchor.year + (month < anchor.month)  # the next such month
        contrast = _CONTRAST.search(text, max(0, s - 30), s)  # "not June" denies; the rest guess
        yield DateMention(s, e, m.group(1), FuzzyDate(year, month), True, "" if contrast else "guess")


def find_dates(text: str, anchor: dt.date | None, dayfirst: bool | None = None) -> list[DateMention]:
    """The grammar's mentions, plus bare guessed years and licensed bare months it does not find."""
    found = _grammar_find(text, anchor, dayfirst)
    extra = list(_bare_dates(text, anchor, found))
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda d: d.start)


def may_guess(text: str, anchor: dt.date | None) -> bool:
    """``find_dates`` may read a guess in ``text`` (without paying for the grammar)."""
    return any(d.qualifier == "guess" for d in _bare_dates(text, anchor))


# Text that cannot hold a date expression: no digit, month, season, weekday,
# holiday or relative word.  Skipping it saves most grammar scans on a page.
_HINT = re.compile(
    r"\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
    r"today|tonight|tomorrow|yesterday|years?|months?|weeks?|weekend|spring|summer|fall|autumn|winter|"
    r"christmas|thanksgiving|valentine['’]?s|easter|halloween|holidays?|juneteenth|memorial|labor|"
    r"independence|new year['’]?s?)\b",
    re.I,
)


def may_hold_date(text: str) -> bool:
    return bool(_HINT.search(text))


_MARGIN = 32  # characters of its block read either side of a sentence: more than a date runs over its edge
_EDGE = 14  # ... and where to look for date words either side of that edge ("September. " and "2027")
# "... in 2019.  The finale aired in May of that year": a date that takes its year from an
# earlier sentence of its block (the grammar's "pending" mentions).
_EARLIER_YEAR = re.compile(r"\b(?:that|same|following|previous)\s+year\b", re.I)


class TextCache:
    """Dates and sentences of a page's texts, computed once however many targets ask.

    A sentence of a block is scanned alone: most sentences are never asked for (the claims
    walk reads the dates only of sentences that may make a claim).  A sentence that takes its
    year from an earlier one ("that year") gets its share of the block's mentions instead, as
    does every sentence of a block already scanned whole or cut at a line break or a bullet.  A
    block none of whose text can hold a date (no digit, month, weekday, ...) is not scanned at
    all, nor are its sentences.
    """

    def __init__(self, anchor: dt.date | None, dayfirst: bool | None = None) -> None:
        self.anchor = anchor
        self.dayfirst = dayfirst
        self._dates: dict[str, list[DateMention]] = {}
        self._sentences: dict[str, list[str]] = {}
        self._parent: dict[str, tuple[str, int]] = {}  # sentence -> (block text, offset)
        self._hints: dict[str, bool] = {}  # block text -> may hold a date
        self._breaks: dict[str, bool] = {}  # block text -> cut at a line break or a bullet

    def dates(self, text: str) -> list[DateMention]:
        hit = self._dates.get(text)
        if hit is None:
            parent = self._parent.get(text)
            if parent is not None and (parent[0] in self._dates or _EARLIER_YEAR.search(text)
                                       or self._hard_breaks(parent[0])):
                block, at = parent
                end = at + len(text)
                hit = [DateMention(d.start - at, d.end - at, d.text, d.date, d.relative, d.qualifier)
                       for d in self.dates(block) if at <= d.start and d.end <= end]
            elif parent is None:
                hit = find_dates(text, self.anchor, self.dayfirst) if self._hinted(text) else []
            else:
                # (A sentence is scanned when its block may hold a date: a German "im Mai" holds no
                # hint of its own, and a block scan finds it beside a hint elsewhere in the block.)
                hit = self._window(text, *parent) if self._hinted(parent[0]) else []
            self._dates[text] = hit
        return hit

    def _window(self, sentence: str, block: str, at: int) -> list[DateMention]:
        """The sentence's mentions, scanned with some of the block's text either side of it: an
        expression running over its edge ("... on Friday, 12. Jan 2025") claims the characters it
        would claim in a scan of the whole block, and is left out, as that scan's share leaves it."""
        end = at + len(sentence)
        # Only an expression with date words on both sides of the sentence's edge runs over it (a
        # full stop ends every word the grammar reads before a date): most sentences are read alone.
        if not (_HINT.search(block, max(0, at - _EDGE), at) and _HINT.search(block, at, at + _EDGE)) and \
                not (_HINT.search(block, max(at, end - _EDGE), end) and _HINT.search(block, end, end + _EDGE)):
            return find_dates(sentence, self.anchor, self.dayfirst)
        lo = block.rfind(" ", 0, max(0, at - _MARGIN)) + 1  # (at a word's start, never inside one)
        hi = block.find(" ", min(len(block), end + _MARGIN))
        hi = len(block) if hi < 0 else hi
        return [DateMention(d.start + lo - at, d.end + lo - at, d.text, d.date, d.relative, d.qualifier)
                for d in find_dates(block[lo:hi], self.anchor, self.dayfirst)
                if at <= d.start + lo and d.end + lo <= end]

    def _hard_breaks(self, block: str) -> bool:
        """The block's sentences were cut at a line break or a bullet, where a date may run on
        ("Friday,\nMarch 14": the weekday decides the year): its scan is read whole."""
        hit = self._breaks.get(block)
        if hit is None:
            hit = self._breaks[block] = "\n" in block or any(bullet in block for bullet in BULLETS)
        return hit

    def _hinted(self, text: str) -> bool:
        hit = self._hints.get(text)
        if hit is None:
            hit = self._hints[text] = _HINT.search(text) is not None
        return hit

    def sentences(self, text: str) -> list[str]:
        hit = self._sentences.get(text)
        if hit is None:
            hit = split_sentences(text)
            self._sentences[text] = hit
            pos = 0
            for sentence in hit if len(hit) > 1 else ():
                at = text.find(sentence, pos)
                if at < 0:
                    break  # the splitter normalised something: sentences are scanned alone
                self._parent.setdefault(sentence, (text, at))
                pos = at + len(sentence)
        return hit


def text_cache(page: Page) -> TextCache:
    """The page's shared cache of dates and sentences (built on first use)."""
    cache = page.extra.get("text_cache")
    if not isinstance(cache, TextCache):
        cache = TextCache(page.anchor, page.dayfirst)
        page.extra["text_cache"] = cache
    return cache


# Cue words the grammar may include at the front of a mention ("from March 3", "not until 2023").
_LEADING_CUES = re.compile(
    r"^(?:(?:not until|not before|no later than|not later than|from|until|till|'til|til|through|thru|by|"
    r"before|prior to|ahead of|after|since|starting(?: in)?|beginning in|as early as|around|circa|about|"
    r"approximately|roughly|sometime around|some time around|sometime in|in|on|back in|over|earlier in|"
    r"as of)\s+)+", re.I)


def core_mentions(sentence: str, dates: list[DateMention]) -> list[DateMention]:
    """Mentions trimmed to the date itself, leaving their cue words for cue analysis;
    title years "(2019)" and copyright years dropped; a holiday week kept as its month;
    "Valentine's Day, February 14, 2019" kept once, as its explicit form."""
    out: list[DateMention] = []
    for d in dates:
        quals = d.qualifier.split()
        if "paren" in quals or "copyright" in quals:
            continue
        if ("week" in quals or "weekend" in quals) and d.date.day is not None:
            # "Thanksgiving week" names a week, not the holiday itself: keep only its month.
            d = DateMention(d.start, d.end, d.text, FuzzyDate(d.date.year, d.date.sub), d.relative, d.qualifier)
        m = _LEADING_CUES.match(d.text)
        if m and m.end() < len(d.text):
            d = DateMention(d.start + m.end(), d.end, d.text[m.end():], d.date, d.relative, d.qualifier)
        if out:
            prev = out[-1]
            gap = sentence[prev.end:d.start].strip()
            if gap in (",", "(", "") and prev.date.overlaps(d.date) is False and prev.relative and not d.relative \
                    and prev.date.precision == d.date.precision == "day":
                out[-1] = d  # appositive restatement with the explicit year wins
                continue
        out.append(d)
    return out


_YEAR_FRAME = re.compile(r"(?<![\d$.,/])((?:19|20)\d{2})(?:['’]s)?\s+(?:[\w-]+\s+){0,2}(?:lineup|line-up|slate|"
                         r"calendar|schedule|releases|premieres)\b", re.I)


def year_context(sentence: str, dates: list[DateMention], anchor: dt.date | None) -> list[DateMention]:
    """"Marvel's 2025 lineup runs X on February 14, Y on May 2": year-less days after the
    sentence's one explicit, not-past year take that year rather than the anchor's."""
    if anchor is None:
        return dates
    years = {d.date.year for d in dates if not d.relative}
    starts = [d.start for d in dates if not d.relative]
    if frame := _YEAR_FRAME.search(sentence):
        years.add(int(frame.group(1)))
        starts.append(frame.start())
    if len(years) != 1:
        return dates
    year = years.pop()
    first_explicit = min(starts)
    if year < anchor.year:
        return dates
    out = []
    for d in dates:
        if d.relative and d.date.sub is not None and d.start > first_explicit and d.date.year != year and (
                d.date.day is not None or _CONTRAST.search(sentence, max(0, d.start - 30), d.start)) and \
                ";" not in sentence[first_explicit:d.start]:
            # (Items a semicolon sets apart each have their own subject and keep the page's year:
            # "the game arrives on February 18, 2027; the series streams from October 22".)
            # ... and so does a month it is contrasted with: "in July 2025 instead of April"
            try:
                moved = FuzzyDate(year, d.date.sub, d.date.day)
            except ValueError:
                moved = d.date
            if moved.start() >= anchor:
                d = DateMention(d.start, d.end, d.text, moved, d.relative, d.qualifier)
        out.append(d)
    return out


def mask_dates(sentence: str, dates: list[DateMention], names: Iterable[tuple[int, int]] = ()) -> str:
    """The sentence with date mentions blanked ("#") and titles' names lettered over ("X"), so
    cue words never match inside a date or a name ("Never Have I Ever" negates nothing, "No
    Time to Die" denies no date)."""
    chars = list(sentence)
    for spans, fill in (((d.start, d.end) for d in dates), "#"), (names, "X"):
        for start, end in spans:
            for i in range(start, min(end, len(chars))):
                if not chars[i].isspace():
                    chars[i] = fill
    return "".join(chars)
