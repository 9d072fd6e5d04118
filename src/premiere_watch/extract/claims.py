"""Premiere-date claims about one target, from a parsed page.

Walks the page's blocks in reading order, keeping track of which title the
text is currently about (headline, headings, the last title named, "the
film"/"the series" anaphora), and for every date mention in a sentence about
the target asks three questions: is it about this title and season, is it
about the release, and what status do its cues give it (``cues.py``).

The candidates, with the page's structured data (``structured.py``), go to
``decide.py``, which picks the one confirmed date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract import cues
from premiere_watch.extract.attribution import (
    DEFINITE_WORK,
    DETERMINER_BEFORE,
    OTHER_WORK_LEAD,
    SEQUEL_REF,
    anaphora_for,
    compared,
    emphasized_titles,
    headline_titles,
    is_sequel,
    may_take_slot,
    other_kind,
    other_titles,
    own_installment,
    page_titles,
    slot_taken,
    subtitled_work,
)
from premiere_watch.extract.casefold import CaselessScan, lowered
from premiere_watch.extract.companies import NETWORKS, STREAMERS, STUDIOS, alternation
from premiere_watch.extract.decide import HEADLINE_UNDATED, Candidate, choose, to_claim
from premiere_watch.extract.grammar.calendar import next_day_of_month, valid_date
from premiere_watch.extract.jsonld import jsonld_types
from premiere_watch.extract.listings import TODAY, Listing, listed
from premiere_watch.extract.mentions import (
    DateMention,
    core_mentions,
    mask_dates,
    may_guess,
    may_hold_date,
    text_cache,
    year_context,
)
from premiere_watch.extract.ownership import (
    TARGET_KEY,
    TIME_WORDS,
    DatedSentence,
    date_owner,
    in_phrase,
    in_their_which_clause,
    in_time_clause,
    opens_with_span,
    past_appositive,
    season_ok,
)
from premiere_watch.extract.page import Block, Page
from premiere_watch.extract.published import is_date_line
from premiere_watch.extract.structured import structured_candidates
from premiere_watch.extract.tense import history
from premiere_watch.extract.titles import (
    Mention,
    TitleMatcher,
    foreign_subject,
    opens_block,
    season_refs,
    subject_verb,
)
from premiere_watch.extract.topic import about_target, article_season, is_entry_headline, roundup, seasons_spoken_of
from premiere_watch.model import DateClaim, Rejected, Target

# "| Premiere | October 5, 2022" in the article's own fact box: a label, not a subject of its own.
# Scanned in every sentence of a page about a title that is no sequel: a CaselessScan (see ``casefold``).
_SEQUEL_WHICH = CaselessScan(r"(?P<np>\b(?:its|the|a|his|her|their)\s+(?:\w+\s+)?(?:sequel|prequel|follow-up|"
                             r"spin-?off)),\s+(?:which|that)\b")
_CALLED_SEQUEL = re.compile(r"\s*(?:sequel\b|,\s+(?:the|a|its)\s+(?:\w+\s+)?sequel\b)", re.I)
_SEQUEL_OF_NAME = re.compile(r"\b(?:the|a)\s+(?:[\w-]+\s+)?sequel\s*,?\s+(?:[A-Z][\w'’]*\s+)?$")
# "Volume 1 (four episodes): the night before Thanksgiving": a part of the article's subject.
_INSTALLMENT_ROW = re.compile(r"^(?:volume|vol\.|part|episode|ep\.|chapter|the finale|finale|the premiere|premiere)\b"
                              r"[^:|]{0,40}:", re.I)
# "HEARTSTOPPER SEASON 3 — OCTOBER 3": a name and a date set apart, as a card or a listing has them.
_CARD_LINE = re.compile(r"[^.!?;,]{2,60}\s[—–|]\s[^.!?;]{3,30}")
# A heading that names nothing: "The date", "What we know", "Cast and crew".
_GENERIC_HEADING = re.compile(r"[A-Z]?[a-z'’]*(?:\s+[a-z&'’,-]+){0,5}[?:.]?")
# "it opened Friday after Thursday-night previews": the pronoun is the subject of the release itself
_KIND_NOUN = {"tv": re.compile(r"\b(?:series|show|drama|comedy|sitcom|miniseries|docuseries|season)\b", re.I),
              "film": re.compile(r"\b(?:film|movie|sequel|biopic|thriller|documentary|feature)\b", re.I)}
# A release told in the past tense, by the verb its subject did.
_RELEASED = r"opened|premiered|debuted|arrived|launched|bowed|returned|landed|dropped"
_PAST_RELEASE_VERB = re.compile(rf"\b(?:{_RELEASED}|(?:was|were) (?:released|streamed))"
                                r"\s+(?:on\s+[A-Z][\w+]*(?:\s+[A-Z+][\w+]*)?\s+)?(?:(?:on|in|into)\s+)?(?:(?:\d[\d,]*\s+)?(?:theaters|theatres|cinemas|"
                                r"locations|screens)\s+(?:on\s+)?)?$", re.I)
_HAS_PASSED = re.compile(r"\s*(?:window|slot|date|release)?\s*(?:has|had)\s+(?:now\s+|already\s+)?"
                         r"(?:passed|gone|come and gone|been missed)\b|\s*(?:window|slot)?\s*came and went\b", re.I)
_LEFT_OPEN = re.compile(r"\s*(?:slot|date|berth|window|spot)\s+(?:is|was|has been|now sits|sits|stands)\s+"
                        r"(?:now\s+)?(?:open|free|vacant|empty|unclaimed|up for grabs)\b", re.I)
_MOVED_AGAIN = re.compile(r"[,;]\s+(?:and|but|then|before)?\s*(?:[\w'’]+\s+){0,4}?(?:it|they|the (?:film|movie|"
                          r"series|show|season|release))\s+(?:has\s+|was\s+|had\s+)?(?:slid|slipped|moved|shifted|"
                          r"been pushed|pushed|delayed|postponed|bumped|been moved)\s+(?:back\s+)?again\b", re.I)
_TIME_CLAUSE = re.compile(rf"\b(?:{TIME_WORDS}|as)\s+$", re.I)
_PRONOUN_OPENED = re.compile(rf"\b(?:it|which|the (?:film|movie|series|show|season))\s+(?:\w+ly\s+)?(?:{_RELEASED})"
                             r"\b[^,.;]{0,25}?"
                             r"\s+(?:on\s+|in\s+)?$", re.I)
# "three weeks after the show's debut on Nov. 19": the first season's, whatever season is watched
_SERIES_DEBUT = re.compile(r"\b(?:(?:the|its)\s+(?:show|series)['’]s?\s+(?:debut|premiere|launch|bow)|"
                           r"series\s+premiere|(?:show|series)\s+debuted)\b[^.;,]{0,15}$", re.I)
_RELEASED_LABEL = re.compile(r"\W*(?:released|first aired|premiered|original release|release year|year)\s*[:|·-]?\s*",
                             re.I)
# What follows a title that is a sentence's subject: a verb, an appositive or a which-clause.
_SUBJECT_AFTER = re.compile(r"\s*(?:,\s+(?:which|who|the|a|an)\b|\s(?:is|was|will|has|had|premieres|opens|"
                            r"returns|arrives|follows|gets|got|moves|moved)\b|"
                            # "“The Lindqvist Files” — The Swedish detective drama moves ...": a listing's entry
                            r"[”\"’']?\s+[—–]\s)")
_MONTH_NAMED = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)
_ITSELF = re.compile(r"\s+itself\b", re.I)
_STAMP_LABEL = re.compile(r"\b(?:start date|thread starter|posted(?: on)?|published(?: on)?|joined|last edited|"
                          r"(?:last )?updated(?: on)?)\s*:?\s*$", re.I)
# "4,812,337 views Premiered Jan 8, 2025", "1.2M views · Streamed live on 3 Mar 2024": a video's own stamp.
_VIEWS = r"\b\d[\d,.]*\s*[km]?\s+views"  # a video's view count: "4,812,337 views", "2.1M views"
_VIDEO_STAMP = re.compile(rf"{_VIEWS}\s*[·•|]?\s*(?:(?:premiered|streamed live|uploaded|published)(?:\s+on)?\s*)?$",
                          re.I)
_SUBTITLED = re.compile(r"\b(?:subtitled|sub-titled)\s+[\"“‘']?$", re.I)
_VIDEO_CARD = re.compile(rf"{_VIEWS}\s*[·•|,]\s*(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b",
                         re.I)
_SINCE = re.compile(r"\bsince\s+(?:(?:the|its|their|her|his)\s+)?(?:[\w'’-]+\s+){0,3}?(?:on\s+|in\s+)?$", re.I)
_HOME_MEDIA = re.compile(r"\b(?:blu-?ray|dvd|4k(?: uhd)?|ultra hd|steelbook|box set|digital (?:download|hd))\b", re.I)
_FIRST_RUN = re.compile(r"\b(?:theat(?:er|re)s?|theatrical|cinemas?|premiere|broadcast|first aired|streaming)\b", re.I)
# ("Theatrical release (United States): 14 March 2025": the row may name its region.)
_INFOBOX_ROW = re.compile(r"^\|?\s*(?:(?:\w+\s+){0,2}(?:premiere|release|debut|launch|opening|air|broadcast|"
                          r"streaming|theatrical|cinema|u\.?s\.?|uk|worldwide|first aired|first episode|"
                          r"episode (?:1|one)|starts|on air from)\s*(?:dates?)?|"
                          r"(?:release|premiere|air|launch) dates?)\s*(?:\([a-z. ]{2,20}\)\s*)?[|:]\s", re.I)


@dataclass
class ClaimSet:
    candidates: list[Candidate] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    mentioned_in_main: bool = False
    about: dict[str, bool] = field(default_factory=dict)
    undated_at: int = 0  # order of the last statement that the target has no date now (0: none)


_FORWARD_WORDS = re.compile(r"\b(?:next|this|coming|later|today|tonight|tomorrow|fortnight|weeks?|days?|from)\b",
                            re.I)
_RECENT_DAYS = 90
_HOLIDAY = re.compile(r"christmas|thanksgiving|labou?r day|memorial day|independence|fourth of july|new year|"
                      r"valentine|halloween|easter|boxing day|presidents|juneteenth|veterans|martin luther|mlk|"
                      r"black friday|patrick|mother['’]s day|father['’]s day", re.I)
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.I)


def _looking_back(dm: DateMention, anchor: dt.date | None) -> DateMention:
    """A year-less date in a past-tense clause is the latest one before the page, not the next."""
    if anchor is None or not dm.relative or dm.date.start() <= anchor or _FORWARD_WORDS.search(dm.text):
        return dm
    if "weekday" in dm.qualifier.split():  # "opened on Friday": the Friday before the page
        back = FuzzyDate.from_date(dm.date.start() - dt.timedelta(days=7))
        return DateMention(dm.start, dm.end, dm.text, back, dm.relative, dm.qualifier)
    try:
        earlier = FuzzyDate(dm.date.year - 1, dm.date.sub, dm.date.day)
    except ValueError:  # 29 February
        return dm
    weekday = _WEEKDAY.search(dm.text)
    if weekday and earlier.day is not None and earlier.start().strftime("%a").lower() != weekday.group(1).lower():
        return dm  # the printed weekday fits the day ahead, not the one behind
    return DateMention(dm.start, dm.end, dm.text, earlier, dm.relative, dm.qualifier)


_STAMP = re.compile(r"(?P<stamp>[^:—–\n]{3,30}?)\s*(?::|—|–|\s-)\s+")
_MONTH_YEAR = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}|\d{4}", re.I)


# A year-less date's year is the grammar's guess; these give it in words or digits.
_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b|['’]\d\d\b|\b(?:next|last|this|the following)\s+year\b", re.I)


_THROUGH = re.compile(r"(?:through|thru)\b", re.I)
_RUNNING_INTO = re.compile(r"\b(?:running|runs|run|continuing|continues|airing|streaming)\s+(?:on\s+|well\s+)?"
                           r"(?:into|to)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_RUN_BEFORE = re.compile(r"\b(?:runs?|running|ran|continu\w+|available|weekly|every \w+|"
                         r"in (?:cinemas|theaters|theatres)|on (?:release|sale|display|show))\b[^.;]{0,25}$", re.I)
_NEGATED_BEFORE = re.compile(r"(?:\bnot|n['’]t|\bno)\b[^.;]*$", re.I)  # "won't arrive in theaters until April 2"
_POSSESSED_WORK = re.compile(r"['’]s?\s+(?:(?:director|star|creator|writer|showrunner|lead|producer|studio)['’]s?\s+)?"
                             r"(?:last|next|new|previous|latest|other|earlier|debut|first)\s+(?:[\w-]+\s+)?"
                             r"(?:film|movie|series|show|project|feature|drama|comedy)\b", re.I)
# "the God of War short", "the Fallout game": the name used for another work made of it.
_NAMED_FOR_WORK = re.compile(r"\s+(?:short|shorts|episode|game|games|video game|novel|book|comic|podcast|"
                             r"documentary|musical|play|album|soundtrack|toy|toys|ride|franchise)\b", re.I)
# "the Rookery Hill flower show is ...": lowercase nouns between a name and the verb are what the name modifies.
_NAME_MODIFIES = re.compile(r"\s+(?!(?:is|are|was|were|has|have|had|will|would|won['’]t|can|could|may|might|should|"
                            r"season|series|part|and|or|but|to|in|on|at|of|for|with|from|by|as|itself)\b)"
                            r"[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?\s+(?:is|are|was|were|has|have|had|will|gets|got)\b")
_OFF_TOPIC = re.compile(r"\W*(?:off[- ]topic|unrelated|in other news|on another note|side note)\b", re.I)
# A table column of dates that have been left: "| Title | Old date | New date".
_OLD_COLUMN = re.compile(r"\b(?:old|previous|former|original|initial|earlier|was)\b", re.I)
_ELLIPTICAL = re.compile(r"\W*(?:out|coming|premieres?|arrives?|due|streaming|returns?|lands?|drops?|opens?)\s",
                         re.I)
_IDENTIFIED = re.compile(r"(?:^|[,;:]\s*)(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+[\"“‘']?$", re.I)
_PROSE_ITEM = 200  # characters: a list item this long is prose, not a row


_DESCRIBED_TAKEN_OFF = re.compile(r"\b(?:taken|took|takes|pulled|pulls|removed|removes|yanked)\s+"
                                  r"(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s?\s+(?:[\w-]+\s+){0,3}?"
                                  r"(?:film|movie|thriller|drama|comedy|series|show|sequel|feature)\s+(?:off|from)\b")
_TITLE_WITH_STUDIO = re.compile(rf"\W*[A-Z][^()]{{0,60}}?\s*\((?:{alternation(STREAMERS + NETWORKS + STUDIOS)})\)")


_NTH_DAY = re.compile(r"\bthe (?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of|century|anniversary|season|"
                      r"episode|film|time|place|annual|edition|birthday|day|minute|floor))")
# "lands on the 13th, all ten episodes at once": a day of the month alone, after its preposition.
_ON_THE_NTH = re.compile(r"\b(?:on|for|from)\s+(?P<the>the (?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th))\b"
                         r"(?![\w-]|\s+(?!(?:at|and|or|with|when|as)\b)[a-z])")


# A section of an entry page that lists the title's releases, a territory or format a row.
_RELEASE_SECTION = re.compile(r"\b(?:releases?|release dates?|premieres?|premiere dates?|theatrical|"
                              r"in (?:cinemas|theaters|theatres))\b", re.I)


_PART_OF_SEASON = re.compile(r"\b(?:Part|Volume|Vol\.)\s+(?:\d|One|Two|Three|I{1,3})\b|\b(?:first|second) half\b")


# "... then pulled it off the calendar last year": an undating the page dates in the past is
# background to what it says now ("now has a release date").
_LONG_AGO = re.compile(r"\b(?:last year|last (?:spring|summer|autumn|fall|winter)|(?:a|two|three|several) years ago|"
                       r"back in)\b", re.I)
# "Also streaming this month", "More new shows", "Elsewhere on TV": a section of other titles.
_OTHERS_HEADING = re.compile(r"(?:also|elsewhere)\b|(?:more|other)\s+(?:new\s+)?(?:shows|series|films|movies|titles|"
                             r"premieres|releases|dates|to watch)\b", re.I)


# Any word that negates ("a man who cannot feel pain"): wider than the cues' negations, which scope.
_NEGATION = re.compile(r"\b(?:not|no|never|without|cannot|nor|neither)\b|n['’]t\b", re.I)


def _appositive_before(sentence: str, names: list[tuple[int, int]], start: int) -> tuple[int, int]:
    """The span of the appositive of the target (named, or pointed back to) that ends before the
    date at ``start`` ((0, 0): none).  In "Netflix has set X, the Russos' adaptation of Stalenhag's
    illustrated novel, for March 14" the date is what X is set for, and the novel the appositive
    names is no event of it; in "the thriller, starring A as a man who sees a crime he can't
    report, will now open on September 25" the appositive's "can't" denies nothing of the date."""
    # The widest: "moved X, the action comedy starring ..., up to" names X and, inside its
    # appositive, "the action comedy".
    spans = [(past_appositive(sentence, end), end) for _, end in names if end < start]
    spans = [(stop, at) for stop, at in spans if at < stop <= start]
    if not spans:
        return 0, 0
    stop, at = max(spans, key=lambda s: (s[0] - s[1], s[1]))
    # (Only an appositive that names an event or negates something can mislead: the rest are
    # read as they stand, so the cue caches keep serving the sentence itself.)
    if stop == at or stop > start or not (cues.OTHER_EVENT.search(sentence, at, stop)
                                          or _NEGATION.search(sentence, at, stop)):
        return 0, 0
    return at, stop - (sentence[stop - 1] == ",")  # the closing comma stays: "X, for March 14"


def _cells(row: str) -> list[str]:
    """A table row's cells, as the page model writes them ("| Title | Old date | New date")."""
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _cut(sentence: str, cut: int, stop: int) -> tuple[str, Callable[[int], int]]:
    """``sentence`` without ``cut``..``stop``, and where a position past it moves to."""
    if stop <= cut:
        return sentence, lambda at: at
    return sentence[:cut] + sentence[stop:], lambda at: at - (stop - cut) if at >= stop else at


class _Walk:
    def __init__(self, page: Page, target: Target, matcher: TitleMatcher) -> None:
        self.page = page
        self.named_before: list[str] = []  # titles the paragraph named before this sentence
        self.named_here: list[tuple[int, str]] = []  # and where this sentence names them
        self.target = target
        self.matcher = matcher
        self.anchor = page.anchor
        self.out = ClaimSet()
        self.order = 0
        self.previous = ""
        self.prev_subject = False
        self.columns: list[str] = []  # the current table's column headers
        self.heading_named = False  # the current section's heading names the target
        self.heading_season: int | None = None  # the season the current section's heading names
        self.cache = text_cache(page)
        self.liveblog = any("liveblogposting" in jsonld_types(obj) for obj in page.jsonld)
        self.day_anchor: FuzzyDate | None = None  # the day heading the current section is under
        # An entry page (a database's, a wiki's, a streamer's): its headline is the title itself.
        self.entry_page = is_entry_headline(page.headline, matcher)
        self.sequel = is_sequel(target) or self._called_sequel()
        self.headline_titles = headline_titles(page.headline, matcher)
        self.page_titles = page_titles(page.blocks, matcher)
        self.anaphora = anaphora_for(target, self.sequel)
        self.article_topic = (about_target(page, matcher) or self._lede_about_target()) and \
            not roundup(page.headline, matcher)
        # A timeline's entries ("June 2023: moved to Feb. 14, 2025"): only the latest is current.
        stamps = [s for b in page.blocks if b.zone == "main" and (s := self._stamp(b.text))]
        self.latest_stamp = max((d for _, d in stamps), key=lambda d: d.end(), default=None)
        self.stamp: tuple[int, FuzzyDate] | None = None  # the current block's
        self.article_season = article_season(page, matcher, target)
        self.listing = Listing(page, target, matcher, self.article_topic)

    def _lede(self) -> Block | None:
        """The article's first paragraph of prose (eight words or more, not the headline again)."""
        return next((b for b in self.page.blocks if b.zone == "main" and b.kind == "paragraph"
                     and len(b.text.split()) >= 8 and b.text != self.page.headline), None)

    def _lede_about_target(self) -> bool:
        """A headline that calls the target by a shorthand ("Venom sequel jumps forward to
        Oct. 1") over a first paragraph that opens with it by name: the article is about it."""
        if foreign_subject(self.page.headline, self.matcher) or self.headline_titles:
            return False
        lede = self._lede()
        if lede is None:
            return False
        sentences = self.cache.sentences(lede.text)
        # "Kurt Russell and son share one role in Apple's Godzilla series" over "For most of his
        # career ... . In "Monarch: Legacy of Monsters," he ...": a headline that names a work of
        # the target's kind may leave the name to the lede's second sentence.
        leading = sentences[:2] if _KIND_NOUN[self.target.kind].search(self.page.headline) else sentences[:1]
        for sentence in leading:
            mentions = self.matcher.find(sentence)
            if not mentions:
                continue
            # Named as the lede's subject or object, not inside a phrase ("problems on Blade").
            named = any(not in_phrase(sentence, m) for m in mentions)
            return named and not foreign_subject(sentence, self.matcher) and not other_kind(sentence, self.target)
        return False

    def _called_sequel(self) -> bool:
        """The page calls the target a sequel ("The Shazam sequel now opens ...", "X, the
        sequel to Y"), so "the sequel" may be it."""
        for block in self.page.blocks:
            if block.zone != "main":
                continue
            for m in self.matcher.find(block.text):
                if _CALLED_SEQUEL.match(block.text, m.end):
                    return True
        heads = {re.split(r"[!:]", n)[0].strip() for n in self.target.names if re.search(r"[!:]", n)}
        for sentence in (self.page.headline, *(b.text for b in self.page.blocks if b.zone == "main")):
            if any(re.search(rf"\b{re.escape(h)}\s+sequels?\b", sentence) for h in heads if h):
                return True  # "The Shazam sequel" for "Shazam! Fury of the Gods"
            if "sequel" in sentence and any(_SEQUEL_OF_NAME.search(sentence, 0, m.start) for m in
                                           self.matcher.find(sentence)):
                return True
        # "Paramount Moves Breakneck Tide Up" over "Breakneck Tide is arriving sooner than planned.
        # Paramount has moved the action sequel up three weeks": the lede's sequel, with no other title
        # named before it, is the headline's title.
        if len(self.matcher.find(self.page.headline)) != 1 or headline_titles(self.page.headline, self.matcher):
            return False
        lede = self._lede()
        if lede is None or not SEQUEL_REF.search(lede.text):
            return False  # most ledes: no sequel named, no sentence to read
        for sentence in self.cache.sentences(lede.text)[:2]:
            # ("its sequel", "the film's sequel" is the sequel of something, not a name for it.)
            sequel = next((m for m in SEQUEL_REF.finditer(sentence) if m.group(0).lower().startswith(("the ", "this "))
                           and "'" not in m.group(0) and "’" not in m.group(0)), None)
            mentions = self.matcher.find(sentence)
            if other_titles(sentence[:sequel.start()] if sequel else sentence, [], self.matcher, mentions):
                return False
            if sequel is not None:
                return True
        return False

    def reject(self, text: str, reason: str) -> None:
        if len(self.out.rejected) < 200:
            self.out.rejected.append(Rejected(text[:300], reason))

    # -- blocks --------------------------------------------------------------

    def run(self) -> ClaimSet:
        self._headline()
        last_subject_is_target = self.article_topic
        current_heading = None
        heading_topic = self.article_topic
        context_season = self.article_season
        outline: list[Block] = []  # the headings above the current block, outermost first
        section_led = False  # the current section's first paragraph has been read
        other_headed: set[str] = set()  # headings that name another title in italics and not ours
        for block in self.page.blocks:
            if block.zone in ("comment", "chrome"):
                continue
            if block.zone == "aside":
                self._aside_block(block)
                continue
            if block.kind == "heading":
                outline = [h for h in outline if h.level < block.level] + [block]
                # A listing's day heading ("Sunday 8 March") is what "tonight" means under it.
                self.day_anchor = next((d for h in reversed(outline) if (d := self.listing.heading_day(h.text))), None)
                if emphasized_titles(block.emphasized, self.matcher) and not self.matcher.find(block.text):
                    other_headed.add(block.text)  # "5. <em>Wicked</em> (6)": a section about another title
                if (self.matcher.find(block.text) or self.listing.episode_heading(block)) and \
                        block.text != self.page.headline and (cand := self.listing.dated_section(block, outline[:-1])):
                    self._add(cand)
            if block.kind == "heading" and (block.text == self.page.headline or
                                            is_date_line(block.text, self.page.dayfirst) is not False
                                            or self.listing.day_heading(block.text)
                                            or (_OTHERS_HEADING.match(block.text)
                                                and not self.matcher.find(block.text))):
                # A heading that is only a date dates what is under it, nothing by itself; one that
                # opens a box of other things ("Also streaming this month") is about them.
                continue
            if block.heading != current_heading:
                current_heading = block.heading
                hm = self.matcher.find(block.heading) if block.heading else []
                self.heading_named = bool(hm)
                refs = seasons_spoken_of(block.heading) if block.heading else []
                # The page's headline is the article's topic, not a section: its season dates nothing.
                self.heading_season = refs[0].number if refs and block.heading != self.page.headline else None
                if hm:
                    heading_topic = True
                    context_season = refs[0].number if refs and refs[0].number else self.article_season
                elif block.heading and not self.liveblog and not self.article_topic and \
                        _GENERIC_HEADING.fullmatch(block.heading) and last_subject_is_target:
                    # "The date", "The trailer": a section of the item before, which goes on.
                    heading_topic = True
                elif block.heading and block.heading != self.page.headline and (
                        not self.article_topic or self.liveblog or _TITLE_WITH_STUDIO.match(block.heading)
                        or block.heading in other_headed or _OTHERS_HEADING.match(block.heading)):
                    # A live blog's updates each have their own subject, named in their heading; so
                    # has a roundup's section headed by another title ("Low Tide Kings (Lionsgate)").
                    heading_topic = False
                    context_season = None
                else:
                    heading_topic = self.article_topic
                    context_season = refs[0].number if refs and refs[0].number else self.article_season
                last_subject_is_target = heading_topic
                section_led = False
            last_subject_is_target = self._block(block, last_subject_is_target, heading_topic,
                                                 context_season)
            if not section_led and block.kind == "paragraph" and len(block.text.split()) >= 12:
                section_led = True
                # A section whose heading names no title is about what its first paragraph
                # opens with: a newsletter's item, a roundup's entry.
                if not heading_topic and block.heading and block.heading != self.page.headline \
                        and self._leads_with_target(block.text):
                    heading_topic = last_subject_is_target = True
        return self.out

    @staticmethod
    def _names_another_work(sentence: str, m: Mention) -> bool:
        """"with the God of War short in the first batch": the name modifies a work of another kind."""
        return bool(_NAMED_FOR_WORK.match(sentence, m.end)) and \
            DETERMINER_BEFORE.search(sentence, max(0, m.start - 8), m.start) is not None

    def _leads_with_target(self, text: str) -> bool:
        first = self.cache.sentences(text)[:2]
        return any(self.matcher.find(s) and not foreign_subject(s, self.matcher) and
                   not other_kind(s, self.target) for s in first)

    def _headline(self) -> None:
        text = self.page.headline
        mentions = self.matcher.find(text)
        if not mentions:
            return
        self.out.mentioned_in_main = True
        if cues.undated(text):
            self.out.undated_at = HEADLINE_UNDATED  # the headline sums the page up: no date now
        others = other_titles(text, [], self.matcher, mentions)
        self._sentence(text, mentions, others, True, self.article_season, "heading", headline=True)

    def _aside_block(self, block: Block) -> None:
        """Rails and sidebars: only a schedule row that names the title itself (and, for a
        later season, the season: a rail has no article around it to say which)."""
        if block.kind not in ("table_row", "list_item"):
            return
        mentions = [m for m in self.matcher.find(block.text) if not _POSSESSED_WORK.match(block.text, m.end)]
        # ... or, on the title's own entry page, a row of its details box ("Premiere: April 12, 2024").
        if not mentions and not (self.entry_page and block.kind == "list_item" and _INFOBOX_ROW.match(block.text)):
            return
        if self.target.season is not None and self.target.season > 1 and not season_refs(block.text) \
                and not any(m.season for m in mentions):
            return
        if len(block.text) > 200:
            return
        self._sentence(block.text, mentions, [], True, None, block.kind, zone="aside")

    def _stamp(self, text: str) -> tuple[int, FuzzyDate] | None:
        """(end, date) of the date a timeline entry opens with ("June 2023: moved to ...")."""
        m = _STAMP.match(text)
        if not m or (is_date_line(m.group("stamp"), self.page.dayfirst) is False and not _MONTH_YEAR.fullmatch(
                m.group("stamp").strip())):
            return None
        dates = self.cache.dates(text[:m.end("stamp")])
        if len(dates) != 1 or dates[0].relative:
            return None
        # An entry records what happened; "May 8, 2024: that is when it premieres" announces.
        stamped = dates[0].date
        return (m.end(), stamped) if self.anchor is not None and stamped.start() <= self.anchor else None

    def _block(self, block: Block, subject: bool, topic: bool, context_season: int | None) -> bool:
        self.stamp = self._stamp(block.text) if block.zone == "main" else None
        if block.kind != "table_row":
            self.columns = []
        elif len(cells := _cells(block.text)) >= 2 and not any(ch.isdigit() for ch in block.text):
            self.columns = cells  # "| Title | Old date | New date": the header row names the columns below
        incoming = subject
        # The headline names the article's subject, not each row of a table under it.
        own_heading = self.heading_named and block.heading != self.page.headline
        if block.kind in ("list_item", "table_row") and not own_heading and not (
                block.zone == "main" and (_INFOBOX_ROW.match(block.text) or self.listing.first_episode_row(block)
                                          or (block.kind == "list_item" and _INSTALLMENT_ROW.match(block.text))
                                          # "Release dates" / "| United States | June 13, 2025 | Theatrical"
                                          or (self.entry_page and block.kind == "table_row"
                                              and _RELEASE_SECTION.search(block.heading)))):
            # A list row names its own subject; the article's topic does not carry into it
            # (a rail of other shows' dates inside the article stays theirs).
            topic = subject = False
        elif "views" in block.text and _VIDEO_CARD.search(block.text) and not self.matcher.find(block.text):
            # "Starling Academy | Official Trailer · 2.1M views · 3 weeks ago, Streaming August 19": a card
            # for another video, whose dates are its title's.
            topic = subject = False
        others = emphasized_titles(block.emphasized, self.matcher)
        # A title the page sets in italics once is that title wherever it stands in plain type.
        others += [name for name in self.headline_titles + self.page_titles if name in block.text
                   and name not in others]
        first_row = block.zone == "main" and self.listing.first_episode_row(block)
        # A list item may be a paragraph of its own ("19:20 Pipistrelle. The vampire drama shot in
        # ...  HBO's drama chief shut that down"): read it sentence by sentence, like one.
        sentences = self.matcher.rejoin(self.cache.sentences(block.text)) if block.kind in (
            "paragraph", "caption") or (block.kind == "list_item" and len(block.text) > _PROSE_ITEM) else [block.text]
        block_mentioned = False
        self.previous = block.heading
        self.named_before, self.named_here = [], []
        for sentence in sentences:
            self.prev_subject = subject
            # "part 2 completes the story the same day as X": X is what it is compared with.
            # ... and "Copper Vane's director's last film, Low Sun": a work of its people, not it.
            mentions = [m for m in self.matcher.find(sentence) if not compared(sentence, m.start)
                        and not _POSSESSED_WORK.match(sentence, m.end) and not self._names_another_work(sentence, m)]
            # "Whinmoor: Tup Night, a standalone Christmas special": the name with a subtitle of
            # its own, described as another work, is that work.
            subtitled, named = [], []
            for m in mentions:
                if sub := subtitled_work(sentence, m.end):
                    subtitled.append((m.start, sub))
                else:
                    named.append(m)
            mentions = named
            other_spans = sorted(other_titles(sentence, others, self.matcher, mentions) + subtitled)
            # "The Penguin, the series that picks up after The Batman, will premiere ...": a title
            # inside the target's appositive describes it and dates nothing.
            # ... and "The second season, subtitled The Southern Winds, is ...": a subtitle names what it follows.
            other_spans = [(a, b) for a, b in other_spans
                           if not any(m.end < a < past_appositive(sentence, m.end) for m in mentions)
                           and not _SUBTITLED.search(sentence, max(0, a - 30), a)]
            if first_row:
                other_spans = []  # '| 3.01 | "Six Months Later" | Wed. 9/24/25 |': the episode's own title
            if not self.sequel:
                # "he has moved on to its sequel, which Paramount has dated for ...": not ours.
                # Every match names a sequel, prequel, follow-up or spin-off, which few sentences do.
                low = lowered(sentence)  # (None, for a trap letter: scan; see casefold)
                if low is None or any(word in low for word in ("sequel", "prequel", "follow-up", "spin")):
                    other_spans = sorted(other_spans + [m.span("np") for m in _SEQUEL_WHICH.finditer(sentence)])
            self.named_before += [key for _, key in self.named_here]  # the sentence before's
            self.named_here = sorted([(m.start, TARGET_KEY) for m in mentions] +
                                     [(a, sentence[a:b]) for a, b in other_spans])
            # "it", "the film": asked by up to three of the tests below, scanned once.
            points_back = not mentions and self.anaphora.search(sentence) is not None
            if mentions:
                self.out.mentioned_in_main = True
                block_mentioned = True
                subject = True
            elif foreign_subject(sentence, self.matcher) or _OFF_TOPIC.match(sentence):
                # "Meanwhile, Gen V premieres ...": another title's sentence; and "Off topic but the
                # real trailer for Ashgrove dropped today" says so itself.
                subject = False
            elif any(opens_with_span(sentence, start) for start, _ in other_spans) and (
                    not points_back or any(
                        _SUBJECT_AFTER.match(sentence, end) for start, end in other_spans
                        if opens_with_span(sentence, start))):
                # Another title is the subject; one named further on is only named.  Its own
                # pronouns follow it: "X: Night Shift, which NBC ordered, ... and it premieres Oct. 9".
                subject = False
            elif not mentions and any(_IDENTIFIED.search(sentence, max(0, start - 16), start)
                                      for start, _ in other_spans):
                subject = False  # "If you've seen Kratos lately, that's Secret Level, the anthology ...": about it
            elif other_kind(sentence, self.target) and not points_back:
                subject = False  # "the film" is not a season, nor "the series" a film
            elif OTHER_WORK_LEAD.match(sentence):
                subject = False  # "The other thriller in the slate premieres ...": not ours
            elif not self.sequel and SEQUEL_REF.search(sentence):
                subject = False  # "the sequel" is not a target that is no sequel
            elif points_back or own_installment(sentence, self.target) or (
                    sentence is not sentences[0] and _ELLIPTICAL.match(sentence)):
                # ("... the real trailer for Ashgrove season 2 dropped today.  Out July 8.": a sentence
                # with no subject of its own goes on with the one before.)
                # "it", "the film": whoever the previous sentence was about; but a paragraph that
                # opens on "the sequel" goes back to the article's subject.
                if topic and sentence is sentences[0] and DEFINITE_WORK.search(sentence):
                    subject = True
            elif subject and not [sp for sp in other_spans if not in_time_clause(sentence, sp)] and (
                    sentence is not sentences[0] or not may_hold_date(sentence)):
                # "That history is long.", and a paragraph's later sentences that name no title:
                # the subject carries on.
                pass
            else:
                subject = topic
            if block.zone == "main":
                self.out.about[sentence] = subject
            # ("Wandering Gambit 2 ... was cancelled" on a page watched for its season 5 is season 2's.)
            # ... nor is "the Rookery Hill flower show is cancelled": the name modifies what is cancelled.
            own_mentions = [m for m in mentions if m.season in (None, self.target.season) and not (
                _NAME_MODIFIES.match(sentence, m.end) and DETERMINER_BEFORE.search(sentence, max(0, m.start - 8),
                                                                                   m.start))]
            # (Every "has taken X's thriller off" match holds a possessive's apostrophe.)
            if (own_mentions or (subject and self.article_topic and ("'" in sentence or "’" in sentence)
                                 and _DESCRIBED_TAKEN_OFF.search(sentence))) and \
                    not other_spans and cues.undated(sentence) and not _LONG_AGO.search(sentence):
                # "Warner pulls Tenet, sets no new date": what the page gave before is history.
                # Only said of the target by name, or of the article's film by its maker ("has taken
                # Jonah Pryce's sci-fi thriller off its release schedule"): "his Alien series, which
                # has no date" is not.
                self.out.undated_at = max(self.out.undated_at, self.order + 1)
            if not subject:
                if may_hold_date(sentence):  # logged without paying for a grammar scan
                    self.reject(sentence, "not about this title")
                continue
            if block.kind in ("paragraph", "caption") and not self._may_claim(sentence, mentions):
                self.previous = sentence  # (not logged: its dates are not even read)
                continue
            season_here = context_season
            if _PART_OF_SEASON.search(sentence) and not [r for r in season_refs(sentence) if not r.part] and \
                    self.previous and \
                    len(seasons := {r.number for r in season_refs(self.previous) if r.number}) == 1:
                # "Season 5 is being released in two halves.  Part 1 arrives on August 21": season 5's.
                season_here = seasons.pop()
            self._sentence(sentence, mentions, other_spans, topic or block_mentioned, season_here,
                           block.kind, first=sentence is sentences[0])
            self.previous = sentence
        # A roundup item naming the title under a date heading: "Friday, Oct. 27" / "Pain Hustlers".
        lead = sentences[0] if sentences else ""
        if block.kind in ("list_item", "table_row", "paragraph") and block.heading and \
                self.matcher.find(lead) and opens_block(lead, self.matcher.find(lead)[0].start) and \
                not self.cache.dates(lead):
            heading_dates = self.cache.dates(block.heading)
            if len(heading_dates) == 1 and not self.matcher.find(block.heading):
                hd = heading_dates[0]
                rest = (block.heading[:hd.start] + block.heading[hd.end:]).strip(" ,.:-–—|")
                # Only a heading that is just a day ("Friday, Oct. 27", "Sunday the 13th · Pick of
                # the week") dates the item under it that opens with the title.
                if hd.date.precision == "day" and len(rest.split()) <= 4:
                    # ("Critics' pick for tonight" in "TV listings: Sunday 8 February 2026": the guide's day.)
                    day = self.listing.guide_day() if TODAY.fullmatch(hd.text) else None
                    self._add(listed(day or hd.date, block.heading, block.text))
            elif not heading_dates and (day := self.listing.week_day(block.heading)):
                self._add(listed(day, block.heading, block.text))
        elif day := self.listing.first_episode_day(block):
            self._add(listed(day, block.heading, block.text))
        if block.kind in ("list_item", "table_row") and not block_mentioned:
            return incoming  # a row about nothing named leaves the article's thread where it was
        return subject

    def _may_claim(self, sentence: str, mentions: list[Mention]) -> bool:
        """A sentence of prose may make a claim about the release only through what ``_date``
        asks of its dates: a release word (``cues.event_of``), a guess, a slot another title
        takes, or a card's line.  Most dated sentences of ordinary prose have none of these,
        and are read without the date grammar."""
        return cues.may_be_release(sentence, self.previous) or may_guess(sentence, self.anchor) or \
            may_take_slot(sentence) or bool(mentions and _CARD_LINE.fullmatch(sentence))

    # -- sentences -----------------------------------------------------------

    def _sentence(self, sentence: str, mentions: list[Mention], other_spans: list[tuple[int, int]],
                  topic: bool, context_season: int | None, kind: str, headline: bool = False,
                  zone: str = "main", first: bool = False) -> None:
        names = [(m.start, m.end) for m in mentions] + other_spans
        # "A Field in August", "Tales From '85": a date inside a title's name is part of the name.
        dates = [d for d in year_context(sentence, core_mentions(sentence, self.cache.dates(sentence)), self.anchor)
                 if not any(start <= d.start and d.end <= end for start, end in names)]
        if self.day_anchor is not None:
            dates = [replace(d, date=self.day_anchor) if TODAY.fullmatch(d.text) else d for d in dates]
        if dates and dates[-1].date.precision == "month" and (nth := _NTH_DAY.search(sentence, dates[-1].end)):
            # "will debut on the service next month, and the press site now lists it for the 18th"
            month = dates[-1].date
            if day := valid_date(month.year, month.sub or 0, int(nth.group("day"))):
                dates = [*dates, DateMention(nth.start(), nth.end(), nth.group(0), day, True)]
        elif not dates and self.anchor is not None and (nth := _ON_THE_NTH.search(sentence)) and \
                (next_day := next_day_of_month(self.anchor, int(nth.group("day")))):
            # "The fourth season ... lands on the 13th, all ten episodes at once": the next 13th.
            dates = [DateMention(nth.start("the"), nth.end(), nth.group("the"), FuzzyDate.from_date(next_day), True)]
        if not dates:
            return
        masked = mask_dates(sentence, dates, names)
        # "Skeleton Crew, the Jude Law adventure series, ...": an appositive describes the title
        # before it; it points back to nothing.
        # ... and a word inside another title's name ("The Devil Made Me Do It") is part of it.
        anaphora_all = [(m.start(), m.end()) for m in self.anaphora.finditer(masked)
                        if not any(0 <= m.start() - end <= 3 and masked[end:m.start()].strip() in (",", "")
                                   for _, end in other_spans)
                        and not any(start <= m.start() < end for start, end in other_spans)
                        and not in_their_which_clause(masked, m.start(), other_spans)
                        # "The trailer for Apple's Northern Static is out, and the series itself
                        # arrives on 17 October": "itself" takes the title just named.
                        and not (_ITSELF.match(masked, m.end()) and any(end <= m.start() for _, end in other_spans))
                        # "Puddlejump gets its terrestrial premiere": the subject's own "its"
                        and not (m.group(0).lower() in ("its", "their") and any(
                            end <= m.start() <= end + 20 and subject_verb(masked, end)
                            and "," not in masked[end:m.start()] for _, end in other_spans))]
        view = DatedSentence(sentence, masked, mentions, anaphora_all if not mentions else [], anaphora_all,
                         other_spans, context_season, kind in ("table_row", "list_item", "heading") or bool(
                             mentions and _CARD_LINE.fullmatch(sentence)), headline, zone,
                         slot_taken(masked, mentions, pronoun_is_target=not mentions and self.prev_subject),
                         self.stamp[0] if self.stamp and first else 0,
                         self.stamp is not None and self.latest_stamp is not None
                         and self.stamp[1].end() < self.latest_stamp.end())
        for i, dm in enumerate(dates):
            self._date(view, dm, dates[i + 1].start if i + 1 < len(dates) else None)

    def _own_past_release(self, view: DatedSentence, dm: DateMention) -> bool:
        """"Rob Marshall's remake, with Halle Bailey as Ariel, opened Friday": a sentence about
        the target, named by description, whose subject's past release verb governs the date,
        with no other title before it."""
        if view.mentions or any(start < dm.start for start, _ in view.other_spans):
            return False
        verb = _PAST_RELEASE_VERB.search(view.masked, max(0, dm.start - 40), dm.start)
        # "the trailer, launched on 31 August": another event's verb.
        return verb is not None and not cues.OTHER_EVENT.search(view.masked, 0, verb.start())

    def _date(self, view: DatedSentence, dm: DateMention, next_start: int | None) -> None:
        if dm.end <= view.stamp_end:
            self.reject(view.text, f"{dm.text!r}: the time of a timeline entry")
            return
        text, sentence, mentions, anaphora = view.text, view.masked, view.mentions, view.anaphora
        context_season, schedule, headline, zone = view.context_season, view.schedule, view.headline, view.zone
        # (Every label ends the words before the date, past spaces, with one of these endings,
        # none with a letter that IGNORECASE matches outside ASCII: see casefold.)
        label_end = view.masked[max(0, dm.start - 24):dm.start].rstrip().lower()
        if label_end.endswith((":", "date", "tarter", "ed", "on")) and \
                _STAMP_LABEL.search(view.masked, max(0, dm.start - 24), dm.start):
            # "Thread starter mod · Start date 12 Mar 2024", "Last edited: 6 Oct": the page's own clock.
            self.reject(view.text, f"{dm.text!r}: a time stamp of the page")
            return
        if "views" in view.masked[max(0, dm.start - 40):dm.start].lower() and \
                _VIDEO_STAMP.search(view.masked, max(0, dm.start - 40), dm.start):
            self.reject(view.text, f"{dm.text!r}: the video's own time stamp")
            return
        if ("until" in dm.qualifier.split() and (_THROUGH.match(dm.text) or _RUN_BEFORE.search(
                view.masked, max(0, dm.start - 40), dm.start)) and not _NEGATED_BEFORE.search(
                view.masked, max(0, dm.start - 80), dm.start)) or \
                _RUNNING_INTO.search(view.masked, max(0, dm.start - 30), dm.start):
            # "one new episode every Friday after that through October", "in cinemas until 3 March",
            # "starting next month and running into March": where a run ends, not where it starts.
            self.reject(view.text, f"{dm.text!r}: the end of a run")
            return
        if view.slot_taken:
            # "Y now opens on Nov. 7 in Blade's place": the date was the target's and is Y's now.
            self._add(Candidate(dm.date, "denied", text, "another title takes its slot", weak=True, zone=zone))
            return
        # Most dates on a page date something other than a release: the release-word check is
        # the cheapest way out, so it comes before the attribution work.
        protect = [(m.start, m.end) for m in mentions] + view.anaphora_all
        # "Tonight" under a listing's day heading is that day, not the day of the news.
        date_text = "" if self.day_anchor is not None and TODAY.fullmatch(dm.text) else dm.text
        # Event and status are read past the target's appositive, where one could mislead.
        cut, stop = _appositive_before(sentence, protect, dm.start)
        read, shift = _cut(sentence, cut, stop)
        after = None if next_start is None else shift(next_start)
        kept = protect if stop <= cut else [(shift(a), shift(b)) for a, b in protect if not cut <= a < stop]
        is_release, word = cues.event_of(read, shift(dm.start), shift(dm.end), schedule and dm.date.precision == "day",
                                         self.previous, kept, after, date_text)
        column = self._column_of(text, dm.start) if self.columns else ""
        if is_release and column and cues.OTHER_EVENT_SCAN.search(column) and not cues.PREMIERE_SCAN.search(column):
            # "| Title | ... | Shoot | ... | TX": a column headed by another event dates that event.
            is_release, word = False, f"in the table's {column!r} column"
        if not is_release and dm.qualifier == "guess":
            is_release, word = True, "a guessed year"
        if not is_release:
            self.reject(text, f"{dm.text!r}: {word}")
            return
        if _HOME_MEDIA.search(self.page.headline) and _INFOBOX_ROW.match(text) and not _FIRST_RUN.search(text):
            # A store page for "Lowmoor Rising (Blu-ray + Digital)": its "Release date" row is the disc's.
            self.reject(text, f"{dm.text!r}: the release of the product the page sells")
            return
        lo, hi = cues.clause_bounds(sentence, dm.start, dm.end)
        if reason := date_owner(view, dm, lo, hi, self.target, self.matcher, self.prev_subject,
                                self.named_before, self.named_here):
            self.reject(text, reason)
            return
        ok, reason, _season = season_ok(self.target, sentence, dm.start, dm.end, mentions, context_season,
                                         row=schedule and len(sentence) < 200)
        if not ok:
            self.reject(text, f"{dm.text!r}: {reason}")
            return
        part = next((r for r in reversed(season_refs(sentence)) if r.part and lo <= r.start < dm.start), None)
        # (Money Heist calls its seasons parts: a lone "Part 5" is the watched season 5 itself.)
        if self.target.season is not None and part is not None and part.number is not None and part.number > 1 \
                and (part.number != self.target.season or any(not r.part for r in season_refs(sentence))):
            # "Netflix moved Part 2 from Nov 28 to Nov 15": a later part of the season, not its premiere.
            self.reject(text, f"{dm.text!r}: about part {part.number} of the season, not its premiere")
            return
        if self.target.season is not None and self.target.season > 1 and (
                _SERIES_DEBUT.search(sentence, max(0, dm.start - 45), dm.start)
                or (len(sentence) < 40 and _RELEASED_LABEL.fullmatch(sentence[:dm.start])
                    and not season_refs(sentence))):
            # "Released 2021" on a series page: the show's first season, not the watched one
            self.reject(text, f"{dm.text!r}: the series' own debut, not season {self.target.season}'s")
            return
        if self.target.season is not None and self.target.season > 1 and self.page.published is not None \
                and dm.date.end() <= self.page.published and self.heading_season != self.target.season \
                and not any(r.number == self.target.season for r in season_refs(self.page.headline)) \
                and not any(m.season == self.target.season for m in mentions) \
                and not any(r.number == self.target.season for r in season_refs(sentence)):
            # A review on launch day: "All six episodes arrive on Netflix today" is the season the
            # page is about, and the page never says that is the watched one.
            self.reject(text, f"{dm.text!r}: a release by the news day, not season {self.target.season}'s")
            return
        happened = False  # the sentence reports this very release as having taken place
        if dm.relative and _SINCE.search(sentence, max(0, dm.start - 40), dm.start):
            # "the reason to watch since the pilot on Sept. 28": what "since" counts from is behind the page.
            dm = _looking_back(dm, self.anchor)
        if history(sentence, *cues.clause_bounds(sentence, dm.start, dm.end)) or (
                # "X, which opened in theaters on March 28, will stream ...": a year-less date a
                # past release verb governs is behind the page, whatever the main clause says.
                dm.relative and cues.past_tense_before(sentence, dm.start, dm.end)
                and not cues.moved_before(sentence, dm.start)):
            # "Season 2 (2024)" / "All six episodes were released on October 31, 2024": the
            # section's heading names the season its sentences speak of.
            named_season = any(r.number == self.target.season for r in season_refs(sentence)) or any(
                m.season == self.target.season for m in mentions) or (
                self.target.season is not None and self.heading_season == self.target.season
                and not season_refs(sentence))
            if self.target.season is not None and self.target.season > 1 and not named_season:
                # The watched season is still to come, or the page would not be news about it.
                self.reject(text, f"{dm.text!r}: a release in the past tense, an earlier season's")
                return
            if not cues.former_plan(sentence, dm.start):
                dm = _looking_back(dm, self.anchor)
                # News of a release that just took place; one from long before is background.
                recent = self.anchor is not None and dm.date.end() >= self.anchor - dt.timedelta(days=_RECENT_DAYS)
                opened = _PRONOUN_OPENED.search(sentence, max(0, dm.start - 40), dm.start)
                # "attached the teaser to Peele's film when it opened last Friday": a time clause's
                # pronoun dates what the main clause did, and may be anyone's.
                opened = opened if opened and not _TIME_CLAUSE.search(sentence, max(0, opened.start() - 8),
                                                                       opened.start()) else None
                happened = recent and bool(mentions or (anaphora and opened) or self._own_past_release(view, dm)) \
                    and (self.target.season is None or named_season or not any(
                        r.number not in (None, self.target.season) for r in season_refs(sentence)))
        if not happened and schedule and mentions and not dm.relative and dm.date.precision == "day" and \
                self.anchor is not None and self.anchor - dt.timedelta(days=_RECENT_DAYS) <= dm.date.start() \
                < self.anchor and (self.target.season is None or any(m.season == self.target.season
                                                                     for m in mentions)):
            happened = True  # a chart's row: "| The Wandering Earth II | 2023-01-22 |", three days on
        if word == "schedule listing" and dm.relative and self.page.published is not None and \
                dm.date.start() > self.page.published + dt.timedelta(days=300):
            # A listing's year-less day almost a year ahead is a day that has passed.
            self.reject(text, f"{dm.text!r}: a listing day far from the publication date")
            return
        verdict = cues.status_of(read, shift(dm.start), shift(dm.end), after)
        if column and _OLD_COLUMN.search(column):
            verdict = cues.Verdict("denied", f"in the table's {column!r} column")
        if _HAS_PASSED.match(sentence, dm.end):
            # "the spring window has passed": the one before the page, and gone.
            dm = _looking_back(dm, self.anchor)
            verdict = cues.Verdict("denied", "a window that has passed")
        elif _LEFT_OPEN.match(sentence, dm.end):
            verdict = cues.Verdict("denied", "a slot left open")  # "Focus' own April 8 slot is now open"
        if verdict.status != "denied" and next_start is None and _MOVED_AGAIN.search(sentence, dm.end):
            # "Disney pushed it to July 26, 2024, and this week it slid again": not the date any more.
            verdict = cues.Verdict("denied", "moved again since")
        if verdict.status == "confirmed" and dm.qualifier == "guess":
            verdict = cues.Verdict("tentative", "a guess, not an announcement")
        if verdict.status == "confirmed" and "around" in dm.qualifier.split():
            verdict = cues.Verdict("tentative", "approximate ('around')")
        season_year = self.page.season_years.get(self.target.season or 0)
        if verdict.status == "confirmed" and dm.relative and self.page.published is None and season_year \
                and _MONTH_NAMED.search(dm.text) and dm.date.year != season_year:
            # "Season 2 · 2025" on the picker: the watched season's year-less day is that year's.
            moved = FuzzyDate(season_year, dm.date.sub, dm.date.day)
            dm = DateMention(dm.start, dm.end, dm.text, moved, dm.relative, dm.qualifier)
        if verdict.status == "confirmed" and dm.relative and self.page.published is None and not (
                (self.page.title_year is not None or season_year) and _MONTH_NAMED.search(dm.text)):
            # Without a publication date the year came from a copyright line: not enough
            # to alert anyone on.
            verdict = cues.Verdict("tentative", "year inferred without a publication date")
        status = verdict.status
        if status != "denied" and self.page.published is None and self.anchor is not None and \
                dm.date.end() < self.anchor - dt.timedelta(days=5 * 365):
            # An undated page of today (its copyright says 2025) and "03.11.1962" stamped on a prop:
            # decades before the page is history, whatever verb stands by it.
            self.reject(text, f"{dm.text!r}: years before the page")
            return
        if word.startswith("context") and status == "confirmed":
            self.reject(text, f"{dm.text!r}: release only implied by the previous sentence")
            return
        if happened and status == "confirmed":
            pass  # "Season 2 premiered on March 8": the premiere is behind the page, and still its date
        elif status != "denied" and dm.relative and self.page.published is not None and \
                dm.date.end() <= self.page.published and not re.search(r"\b(?:today|tonight)\b", dm.text, re.I):
            self.reject(text, f"{dm.text!r}: the news day or earlier, not a premiere")
            return
        published = self.page.published
        why = verdict.why
        if status != "denied" and published is not None and dm.date.end() < published and not happened:
            if cues.change_score(sentence, dm.start) or (cues.PAST_EVENT.search(sentence) is None and \
                    re.search(r"\b(?:set|slated|scheduled|dated|moved|slid|shifted)\b", sentence, re.I)):
                # A slot in the release history that has since passed: the film moved off it.
                status, why = "denied", "an earlier slot in the release history"
            else:
                self.reject(text, f"{dm.text!r}: in the past of the publication date")
                return
        if status != "denied" and published is not None and dm.relative and not happened and \
                cues.past_tense_before(sentence, dm.start, dm.end) and not cues.change_score(sentence, dm.start):
            # "opened in November" read forward from the publication date is a contradiction.
            self.reject(text, f"{dm.text!r}: past tense with a year-less date")
            return
        if zone == "aside" and status != "confirmed":
            return
        score = cues.change_score(sentence, dm.start) if status == "confirmed" else 0
        date = dm.date
        if status == "denied" and dm.relative and self.anchor is not None and date.day is not None \
                and date.start() > self.anchor + dt.timedelta(days=270):
            # A dropped plan is recent history: the nearest such day, not the next one.
            with contextlib.suppress(ValueError):  # 29 February
                date = FuzzyDate(date.year - 1, date.sub, date.day)
        if view.old_entry and status == "confirmed":
            status, why, score = "denied", "an earlier entry of a timeline", 0
        self._add(Candidate(date, status, text, f"{word}; {why}", change_target=score,
                            headline=headline, zone=zone, weak=verdict.weak or view.old_entry,
                            span=(dm.start, dm.end),
                            named_day=date.day is not None and bool(_HOLIDAY.search(dm.text))
                            and not any(ch.isdigit() for ch in dm.text),
                            year_inferred=dm.relative and bool(_MONTH_NAMED.search(dm.text))
                            and not _YEAR_WRITTEN.search(dm.text),
                            season_named=self.target.season is not None and (
                                any(m.season == self.target.season for m in mentions)
                                or any(r.number == self.target.season for r in season_refs(sentence)))))
        if verdict.why.startswith("not until") and date.precision == "year" and self.anchor is not None \
                and date.year - 1 >= self.anchor.year:
            # "Won't arrive until 2026" also says: not in 2025.
            self._add(Candidate(FuzzyDate(date.year - 1), "denied", text, f"{word}; ruled out by 'not until'",
                                zone=zone))

    def _column_of(self, row: str, at: int) -> str:
        """The header of the column the position ``at`` of a table ``row`` is in ("" past the header)."""
        index = row.count("|", 0, at) - (1 if row.lstrip().startswith("|") else 0)
        return self.columns[index] if 0 <= index < len(self.columns) else ""

    def _add(self, cand: Candidate) -> None:
        self.order += 1
        cand.order = self.order
        self.out.candidates.append(cand)


@dataclass
class DateClaims:
    """What a page says about one target's premiere, and which of its sentences are about it."""

    confirmed: DateClaim | None
    tentative: list[DateClaim]
    denied: list[DateClaim]
    rejected: list[Rejected]
    mentioned_in_main: bool
    about: dict[str, bool]  # main-zone sentence -> is it about the target (for trailer talk)
    titles: list[str]  # other titles the page sets in italics, bold or quotes (``page_titles``)


def date_claims(page: Page, target: Target, matcher: TitleMatcher) -> DateClaims:
    walk = _Walk(page, target, matcher)
    result = walk.run()
    cands = result.candidates + structured_candidates(page, target, matcher)
    rejected = list(result.rejected)
    best, tentative, denied = choose(cands, page, rejected, result.undated_at,
                                     names=lambda text: bool(matcher.find(text)))
    return DateClaims(to_claim(best) if best else None, [to_claim(c) for c in tentative],
                      [to_claim(c) for c in denied], rejected, result.mentioned_in_main, result.about,
                      walk.page_titles)

