"""Premiere-date claims about one target, from a parsed page.

Walks the page's blocks in reading order, keeping track of which title the
text is currently about (headline, headings, the last title named, "the
film"/"the series" anaphora), and for every date mention in a sentence about
the target asks three questions: is it about this title and season, is it
about the release, and what status do its cues give it (``cues.py``).

Then one confirmed date is chosen: dates the page itself denies are out, a
change statement's new date beats everything else, a title page's own
structured data beats its prose, an article's prose beats structured data
embedded in it (which is often stale), and a finer date that refines a
coarser one wins.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract import cues
from premiere_watch.extract.mentions import DateMention, TextCache, may_hold_date
from premiere_watch.extract.page import Block, Page, jsonld_types
from premiere_watch.extract.titles import Mention, TitleMatcher, season_refs
from premiere_watch.model import DateClaim, Rejected, Target, normalize_title

_ANAPHORA_NOUNS = (r"film|movie|series|show|season|picture|feature|release|new season|adaptation|biopic|drama|"
                   r"comedy|thriller|installment|project|title")
_ANAPHORA = re.compile(rf"\b(?:the|this|that|its|his|her|their)\s+(?:{_ANAPHORA_NOUNS})\b|\b(?:it|it['’]s|its)\b",
                       re.I)
# "the sequel" points at a sequel: only a target that is one may be meant by it.
_ANAPHORA_SEQUEL = re.compile(rf"\b(?:the|this|that|its|his|her|their)\s+(?:{_ANAPHORA_NOUNS}|sequel|follow-up)\b|"
                              r"\b(?:it|it['’]s|its)\b", re.I)
_SEQUEL_REF = re.compile(r"\b(?:the|this|its|a|their)\s+(?:sequel|follow-up|second (?:film|movie|installment))\b",
                         re.I)
_SEQUEL_NAME = re.compile(r"\b(?:[2-9]|ii+|iv|part (?:two|three|four|[2-9]|ii+))\b|:", re.I)
_PAST_PREMIERE = re.compile(r"\b(?:premiered|debuted|aired|launched|bowed|opened|arrived|released|dropped|"
                            r"ran|concluded|wrapped|ended)\b", re.I)


_MONTHISH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|"
                       r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def text_cache(page: Page) -> TextCache:
    """The page's shared cache of dates and sentences (built on first use)."""
    cache = page.extra.get("text_cache")
    if not isinstance(cache, TextCache):
        cache = TextCache(page.anchor)
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
    title years "(2019)" and copyright years dropped; "Valentine's Day, February 14,
    2019" kept once, as its explicit form."""
    out: list[DateMention] = []
    for d in dates:
        if any(q in ("paren", "copyright") for q in d.qualifier.split()):
            continue
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


def _year_context(sentence: str, dates: list[DateMention], anchor: dt.date | None) -> list[DateMention]:
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
        if d.relative and d.date.day is not None and d.start > first_explicit and d.date.year != year:
            try:
                moved = FuzzyDate(year, d.date.sub, d.date.day)
            except ValueError:
                moved = d.date
            if moved.start() >= anchor:
                d = DateMention(d.start, d.end, d.text, moved, d.relative, d.qualifier)
        out.append(d)
    return out


def mask_dates(sentence: str, dates: list[DateMention]) -> str:
    """The sentence with date mentions blanked, so cue words never match inside a date."""
    chars = list(sentence)
    for d in dates:
        for i in range(d.start, min(d.end, len(chars))):
            if not chars[i].isspace():
                chars[i] = "#"
    return "".join(chars)


@dataclass
class Candidate:
    date: FuzzyDate
    status: str
    evidence: str
    why: str
    structured: bool = False
    change_target: int = 0  # 2 'now'/'new date', 1 'moved to', 0 plain
    order: int = 0
    headline: bool = False
    zone: str = "main"
    weak: bool = False


@dataclass
class ClaimSet:
    candidates: list[Candidate] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    mentioned_in_main: bool = False


def _gap(dm: DateMention, span: tuple[int, int]) -> int:
    return dm.start - span[1] if span[1] <= dm.start else (span[0] - dm.end) + 15


def _emphasized_others(block: Block, matcher: TitleMatcher) -> list[str]:
    """Italic/bold/linked phrases in the block that look like other titles."""
    out = []
    for phrase in block.emphasized:
        if len(phrase) < 2 or len(phrase) > 80 or not phrase[0].isupper() or phrase.rstrip().endswith(":"):
            continue
        if matcher.find(phrase):
            continue
        if _MONTHISH.search(phrase) or re.search(r"\d", phrase):
            continue
        out.append(phrase)
    return out


_CAP = r"[A-Z0-9][\w'’&.*-]*"
_SMALL = r"(?:of|the|and|a|an|in|on|at|to|for|x|&|vs\.?|de|la|le)"
# "Avengers: Doomsday", "Captain America: Brave New World": a capitalised name with a subtitle.
_SUBTITLED = re.compile(rf"\b{_CAP}(?:\s+(?:{_SMALL}\s+)*{_CAP})*:\s+{_CAP}(?:\s+(?:{_SMALL}\s+)*{_CAP})*")


def _spans_of(sentence: str, phrases: list[str], matcher: TitleMatcher,
              mentions: list[Mention]) -> list[tuple[int, int]]:
    spans = []
    for phrase in phrases:
        idx = sentence.find(phrase)
        if idx >= 0:
            spans.append((idx, idx + len(phrase)))
    for m in _SUBTITLED.finditer(sentence):
        if any(m.start() < t.end and t.start < m.end() for t in mentions):
            continue
        head = m.group(0).split(":")[0]
        if len(head.split()) > 5 or head.lower() in ("update", "note", "release date", "editor's note"):
            continue
        spans.append(m.span())
    return spans


def _season_ok(target: Target, sentence: str, start: int, end: int, mentions: list[Mention],
               context_season: int | None) -> tuple[bool, str, int | None]:
    """Which season a date belongs to: nearest season reference in its clause, else context."""
    if target.season is None:
        return True, "", context_season
    # "the first season's post-production", "season 2's slot": a possessive season is a
    # comparison, not what the date is about.
    refs = [r for r in season_refs(sentence) if sentence[r.end:r.end + 2] not in ("'s", "’s")]
    lo, hi = cues.clause_bounds(sentence, start, end)
    # The date's own clause decides; failing that, a season named just before it
    # ("season 2, episode 3 recap: Nov 13"), not one from an earlier clause far away.
    local = [r for r in refs if lo <= r.start < hi] or [r for r in refs if r.end <= start and start - r.end < 60]
    before = [r for r in local if r.end <= start]
    # "the second season ... around January 2024": a season named before the date in
    # its clause is what the date is about; one named after only when none precedes.
    local = before or local
    numbered: list[tuple[int, int | None, str]] = []
    for r in local:
        dist = start - r.end if r.end <= start else r.start - end
        numbered.append((abs(dist), r.number, r.relation))
    for m in mentions:
        if m.season is not None and lo <= m.start < hi:
            dist = start - m.end if m.end <= start else m.start - end
            numbered.append((abs(dist), m.season, ""))
    if numbered:
        numbered.sort(key=lambda x: x[0])
        _, num, rel = numbered[0]
        if rel == "previous":
            return False, "about a previous season", None
        if num is None:
            # "the new season" is the season the article is about.
            if context_season is not None and context_season != target.season:
                return False, f"the new season here is season {context_season}", context_season
            return True, "", target.season
        if num != target.season:
            return False, f"about season {num}", num
        return True, "", num
    if context_season is not None and context_season != target.season:
        return False, f"context is season {context_season}", context_season
    return True, "", context_season


class _Walk:
    def __init__(self, page: Page, target: Target, matcher: TitleMatcher) -> None:
        self.page = page
        self.target = target
        self.matcher = matcher
        self.anchor = page.anchor
        self.out = ClaimSet()
        self.order = 0
        self.previous = ""
        self.prev_subject = False
        self.cache = text_cache(page)
        self.anaphora = _ANAPHORA_SEQUEL if any(_SEQUEL_NAME.search(n) for n in target.names) else _ANAPHORA
        headline_mentions = matcher.find(page.headline)
        self.article_topic = bool(headline_mentions) or (page.title_page and self._jsonld_names_target())
        self.article_season: int | None = None
        if headline_mentions and target.season is not None:
            refs = season_refs(page.headline)
            self.article_season = refs[0].number if refs and refs[0].number else (
                headline_mentions[0].season)
            if self.article_season is None:
                self.article_season = self._first_season_named()

    def _first_season_named(self) -> int | None:
        """The season an article is about when its headline names none: the first one its
        text names (an article about season 3 says so before it recalls season 2)."""
        for block in self.page.blocks[:60]:
            if block.zone != "main":
                continue
            for ref in season_refs(block.text):
                if ref.number is not None and block.text[ref.end:ref.end + 2] not in ("'s", "’s"):
                    return ref.number
        return None

    def _jsonld_names_target(self) -> bool:
        for obj in self.page.jsonld:
            name = obj.get("name")
            if isinstance(name, str) and self.matcher.find(name):
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
        for block in self.page.blocks:
            if block.zone in ("comment", "chrome"):
                continue
            if block.zone == "aside":
                self._aside_block(block)
                continue
            if block.kind == "heading" and block.level == 1 and block.text == self.page.headline:
                continue
            if block.heading != current_heading:
                current_heading = block.heading
                hm = self.matcher.find(block.heading) if block.heading else []
                if hm:
                    heading_topic = True
                    refs = season_refs(block.heading)
                    context_season = refs[0].number if refs and refs[0].number else self.article_season
                elif block.heading and not self.article_topic:
                    heading_topic = False
                    context_season = None
                else:
                    heading_topic = self.article_topic
                    refs = season_refs(block.heading) if block.heading else []
                    context_season = refs[0].number if refs and refs[0].number else self.article_season
                last_subject_is_target = heading_topic
            last_subject_is_target = self._block(block, last_subject_is_target, heading_topic,
                                                 context_season)
        return self.out

    def _headline(self) -> None:
        text = self.page.headline
        mentions = self.matcher.find(text)
        if not mentions:
            return
        self.out.mentioned_in_main = True
        self._sentence(text, mentions, [], True, self.article_season, "heading", headline=True)

    def _aside_block(self, block: Block) -> None:
        """Rails and sidebars: only a schedule row that names the title itself."""
        if block.kind not in ("table_row", "list_item"):
            return
        mentions = self.matcher.find(block.text)
        if not mentions:
            return
        if len(block.text) > 200:
            return
        self._sentence(block.text, mentions, [], True, None, block.kind, zone="aside")

    def _block(self, block: Block, subject: bool, topic: bool, context_season: int | None) -> bool:
        others = _emphasized_others(block, self.matcher)
        sentences = self.cache.sentences(block.text) if block.kind in ("paragraph", "caption") else [block.text]
        block_mentioned = False
        self.previous = block.heading
        for sentence in sentences:
            self.prev_subject = subject
            mentions = self.matcher.find(sentence)
            other_spans = _spans_of(sentence, others, self.matcher, mentions)
            if mentions:
                self.out.mentioned_in_main = True
                block_mentioned = True
                subject = True
            elif other_spans and not self.anaphora.search(sentence):
                subject = False  # about the other title named here
            elif self.anaphora is _ANAPHORA and _SEQUEL_REF.search(sentence):
                subject = False  # "the sequel" is not a target that is no sequel
            elif self.anaphora.search(sentence):
                pass  # "it", "the film": whoever the previous sentence was about
            else:
                subject = topic
            if not subject:
                if may_hold_date(sentence):  # logged without paying for a grammar scan
                    self.reject(sentence, "not about this title")
                continue
            self._sentence(sentence, mentions, other_spans, topic or block_mentioned, context_season,
                           block.kind)
            self.previous = sentence
        # A roundup item naming the title under a date heading: "Friday, Oct. 27" / "Pain Hustlers".
        if block.kind in ("list_item", "table_row", "paragraph") and block_mentioned and block.heading \
                and not self.cache.dates(block.text) and len(block.text) < 300:
            heading_dates = self.cache.dates(block.heading)
            if len(heading_dates) == 1 and not self.matcher.find(block.heading):
                hd = heading_dates[0]
                rest = (block.heading[:hd.start] + block.heading[hd.end:]).strip(" ,.:-–—|")
                # Only a heading that is just a day ("Friday, Oct. 27") dates the items under it.
                if hd.date.precision == "day" and len(rest.split()) <= 2:
                    self._add(Candidate(hd.date, "confirmed", f"{block.heading} — {block.text}",
                                        "listed under a date heading"))
        return subject

    # -- sentences -----------------------------------------------------------

    def _sentence(self, sentence: str, mentions: list[Mention], other_spans: list[tuple[int, int]],
                  topic: bool, context_season: int | None, kind: str, headline: bool = False,
                  zone: str = "main") -> None:
        dates = _year_context(sentence, core_mentions(sentence, self.cache.dates(sentence)), self.anchor)
        if not dates:
            return
        schedule = kind in ("table_row", "list_item", "heading")
        masked = mask_dates(sentence, dates)
        anaphora_all = [(m.start(), m.end()) for m in self.anaphora.finditer(masked)]
        anaphora = anaphora_all if not mentions else []
        for i, dm in enumerate(dates):
            nxt = dates[i + 1].start if i + 1 < len(dates) else None
            self._date(sentence, masked, dm, nxt, mentions, anaphora, anaphora_all, other_spans, context_season,
                       schedule, headline, zone)

    def _date(self, text: str, sentence: str, dm: DateMention, next_start: int | None,
              mentions: list[Mention], anaphora: list[tuple[int, int]], anaphora_all: list[tuple[int, int]],
              other_spans: list[tuple[int, int]], context_season: int | None, schedule: bool, headline: bool,
              zone: str) -> None:
        # Attribute the date to the nearest title named in the sentence.
        if mentions and anaphora_all and not self.prev_subject:
            # "A reshuffle triggered by problems on Blade pushed it to ...": the pronoun
            # nearer the date points back to the previous sentence's title, not ours.
            near_m = min(abs(_gap(dm, (m.start, m.end))) for m in mentions)
            near_a = min(abs(_gap(dm, a)) for a in anaphora_all)
            if near_a < near_m:
                self.reject(text, f"{dm.text!r}: the pronoun before it refers to another title")
                return
        if other_spans:
            def dist(span: tuple[int, int]) -> int:
                return dm.start - span[1] if span[1] <= dm.start else (span[0] - dm.end) + 15
            near_other = min(abs(dist(s)) for s in other_spans)
            targets = [(m.start, m.end) for m in mentions] + anaphora
            near_target = min((abs(dist(t)) for t in targets), default=10**6)
            if near_other < near_target:
                self.reject(text, f"{dm.text!r} belongs to another title")
                return
        ok, reason, _season = _season_ok(self.target, sentence, dm.start, dm.end, mentions, context_season)
        if not ok:
            self.reject(text, f"{dm.text!r}: {reason}")
            return
        is_release, word = cues.event_of(sentence, dm.start, dm.end, schedule and dm.date.precision == "day",
                                         self.previous)
        if not is_release and dm.qualifier == "guess":
            is_release, word = True, "a guessed year"
        if not is_release:
            self.reject(text, f"{dm.text!r}: {word}")
            return
        if word == "schedule listing" and dm.relative and self.page.published is not None and \
                dm.date.start() > self.page.published + dt.timedelta(days=300):
            # A listing's year-less day almost a year ahead is a day that has passed.
            self.reject(text, f"{dm.text!r}: a listing day far from the publication date")
            return
        verdict = cues.status_of(sentence, dm.start, dm.end, next_start)
        status = verdict.status
        if word.startswith("context") and status == "confirmed":
            self.reject(text, f"{dm.text!r}: release only implied by the previous sentence")
            return
        if status != "denied" and dm.relative and self.page.published is not None and \
                dm.date.end() <= self.page.published and not re.search(r"\b(?:today|tonight)\b", dm.text, re.I):
            self.reject(text, f"{dm.text!r}: the news day or earlier, not a premiere")
            return
        published = self.page.published
        why = verdict.why
        if status != "denied" and published is not None and dm.date.end() < published:
            if cues.change_score(sentence, dm.start) or (cues.PAST_EVENT.search(sentence) is None and \
                    re.search(r"\b(?:set|slated|scheduled|dated|moved|slid|shifted)\b", sentence, re.I)):
                # A slot in the release history that has since passed: the film moved off it.
                status, why = "denied", "an earlier slot in the release history"
            else:
                self.reject(text, f"{dm.text!r}: in the past of the publication date")
                return
        if status != "denied" and published is not None and dm.relative and \
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
        self._add(Candidate(date, status, text, f"{word}; {why}", change_target=score,
                            headline=headline, zone=zone, weak=verdict.weak))

    def _add(self, cand: Candidate) -> None:
        self.order += 1
        cand.order = self.order
        self.out.candidates.append(cand)


# -- structured data -------------------------------------------------------------

def _iso_fuzzy(value: Any) -> FuzzyDate | None:
    if not isinstance(value, str):
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    try:
        return FuzzyDate(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                         int(m.group(3)) if m.group(3) else None)
    except ValueError:
        return None


def structured_candidates(page: Page, target: Target, matcher: TitleMatcher) -> list[Candidate]:
    """JSON-LD premiere dates of the target (and season) — official, machine-readable."""
    out: list[Candidate] = []
    wanted = {normalize_title(n) for n in matcher.names}
    for obj in page.jsonld:
        types = jsonld_types(obj)
        name = str(obj.get("name")) if isinstance(obj.get("name"), str) else ""
        alt = str(obj.get("alternateName")) if isinstance(obj.get("alternateName"), str) else ""
        names_target = bool(matcher.find(name) or matcher.find(alt)) or normalize_title(name) in wanted
        if target.season is not None and types & {"tvseries", "creativeworkseries"} and names_target:
            seasons = obj.get("containsSeason")
            for season in seasons if isinstance(seasons, list) else [seasons] if isinstance(seasons, dict) else []:
                if not isinstance(season, dict):
                    continue
                num = season.get("seasonNumber")
                try:
                    num_int = int(num) if num is not None else None
                except (TypeError, ValueError):
                    num_int = None
                if num_int is None:
                    refs = season_refs(str(season.get("name", "")))
                    num_int = refs[0].number if refs else None
                if num_int == target.season:
                    date = _iso_fuzzy(season.get("startDate") or season.get("datePublished"))
                    if date:
                        out.append(Candidate(date, "confirmed", f"JSON-LD TVSeason {num_int} startDate "
                                             f"{date.iso()}", "structured data", structured=True))
        elif target.season is None and types & {"movie", "tvseries", "creativework", "tvspecial"} \
                and names_target:
            events = obj.get("releasedEvent")
            evs = events if isinstance(events, list) else [events] if isinstance(events, dict) else []
            for ev in evs:
                if isinstance(ev, dict) and (date := _iso_fuzzy(ev.get("startDate"))):
                    out.append(Candidate(date, "confirmed", f"JSON-LD releasedEvent startDate {date.iso()}",
                                         "structured data", structured=True))
            for key in ("datePublished", "startDate", "releaseDate", "dateCreated"):
                if key == "dateCreated" and types & {"tvseries"}:
                    continue
                if (date := _iso_fuzzy(obj.get(key))) and not evs:
                    out.append(Candidate(date, "confirmed", f"JSON-LD {sorted(types)[0]} {key} {date.iso()}",
                                         "structured data", structured=True))
                    break
    return out


def _precision_rank(date: FuzzyDate) -> int:
    return {"year": 0, "season": 1, "quarter": 1, "month": 2, "day": 3}[date.precision]


def choose(cands: list[Candidate], page: Page, rejected: list[Rejected]
           ) -> tuple[Candidate | None, list[Candidate], list[Candidate]]:
    """(confirmed, tentative, denied) from all candidates."""
    denied = [c for c in cands if c.status == "denied"]
    denied_dates = {c.date for c in denied}
    strong_denied = {c.date for c in denied if not c.weak}
    confirmed = []
    for c in cands:
        if c.status != "confirmed":
            continue
        # "Moved from X" outranks a plain statement of X, but not one marked current
        # ("now opens X", the headline); "originally X" never outranks a statement of X.
        if c.date in strong_denied and c.change_target < 2 and not c.headline:
            rejected.append(Rejected(c.evidence[:300], f"{c.date.iso()}: the page says it is no longer the date"))
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
    best: Candidate | None = None
    superseded: list[Candidate] = []
    if pool:
        headline_dates = [c.date for c in pool if c.headline]
        # A finer date inside a coarser one refines it ("2024" -> "early summer 2024").
        dates = {c.date for c in pool}
        coarse = {d for d in dates if any(o.refines(d) for o in dates)}
        refined = [c for c in pool if c.date not in coarse]
        pool = refined or pool
        pool.sort(key=lambda c: (-c.change_target,
                                 not any(c.date == h or c.date.within(h) for h in headline_dates),
                                 -_precision_rank(c.date), c.order))
        best = pool[0]
        if best.change_target:
            # The page reports a change: other dates it gave as current are the old ones.
            superseded = [c for c in pool if c.date != best.date and not c.date.refines(best.date)
                          and not best.date.refines(c.date) and not c.date.overlaps(best.date)
                          and c.change_target < best.change_target]
    tentative: list[Candidate] = []
    seen = set()
    for c in cands:
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
    return DateClaim(c.date, c.status, c.evidence, c.why, c.structured)  # type: ignore[arg-type]


def date_claims(page: Page, target: Target, matcher: TitleMatcher) -> tuple[
        DateClaim | None, list[DateClaim], list[DateClaim], list[Rejected], bool]:
    walk = _Walk(page, target, matcher)
    result = walk.run()
    cands = result.candidates + structured_candidates(page, target, matcher)
    rejected = list(result.rejected)
    best, tentative, denied = choose(cands, page, rejected)
    return (to_claim(best) if best else None, [to_claim(c) for c in tentative],
            [to_claim(c) for c in denied], rejected, result.mentioned_in_main)


def anchor_of(page: Page) -> dt.date | None:
    return page.anchor
