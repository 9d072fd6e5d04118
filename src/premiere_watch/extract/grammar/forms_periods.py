"""Forms coarser than a day: months, seasons, quarters, halves and years
("September 2016", "in October", "fall 2025", "this summer", "Q3 2025",
"H2 2025", "in 2024", "(2023)", "© 2023").
"""

from __future__ import annotations

import re

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract.grammar.calendar import month_year, season_year, valid_date, year_from_yrel
from premiere_watch.extract.grammar.context import (
    VERB_BEFORE_YEAR,
    bad_before_month,
    bad_before_number,
    char_before,
    join_qualifiers,
    label_before,
    read_prefix,
    units_follow,
)
from premiere_watch.extract.grammar.lexicon import (
    NEEDS_MONTH,
    NEEDS_SEASON,
    QUOTE,
    RELEASE_NOUNS,
    SEASON,
    SEASON_NUM,
    YREL,
    YY,
    expand_yy,
    month_of,
    month_rx,
    year_rx,
)
from premiere_watch.extract.grammar.registry import Candidate, Form, ScanContext, registrar

FORMS: list[Form] = []
form = registrar(FORMS)

# -- month year ---------------------------------------------------------------


def _year_or_yy(m: re.Match[str]) -> int:
    return int(m.group("year")) if m.group("year") else expand_yy(m.group("yy"))


@form(rf"{month_rx('mon')}(?:(?:,?\s+|\s+of\s+){year_rx('year')}|\s*{YY})", prio=5, needs=(NEEDS_MONTH,))
def _month_year_form(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    if bad_before_month(ctx.text, m.start()) or units_follow(ctx.text, m.end()):
        return None
    fd = valid_date(_year_or_yy(m), month_of(m.group("mon")))
    if fd is None:
        return None
    pre = read_prefix(ctx.text, m.start())
    return [Candidate(pre.qstart, m.end(), fd, False, pre.qualifier())]


# Months that are also first names; followed by a capitalised word they
# are the name ("June Squibb", "August Wilson").
_NAME_MONTHS = frozenset({"Jan", "April", "May", "June", "August"})


# -- a month without a year ---------------------------------------------------


@form(
    rf"""{month_rx('mon')}(?![\w]|['’](?!s\b)|\s*\d|\s*['’]\d)(?P<poss>['’]s)?
    (?=(?P<noun>\s+(?i:{RELEASE_NOUNS})(?![A-Za-z])))?
    (?:,?\s+(?:of\s+)?{YREL})?""",
    prio=4,
    needs=(NEEDS_MONTH,),
)
def _bare_month(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    text = ctx.text
    if bad_before_month(text, m.start()):
        return None
    pre = read_prefix(text, m.start())
    if not (pre.cue or pre.pos or pre.rel or m.group("noun") or m.group("yrel")):
        return None  # "April" alone is a name as often as a month
    if pre.the and not (pre.pos or m.group("noun")):
        return None  # "on the December schedule": an adjective, not a date
    if m.group("poss") and not pre.rel:
        return None  # "in May's cabinet"; "this October's lineup" is fine
    if m.group("mon") in _NAME_MONTHS and re.match(r"[^\S\n]+[A-Z][a-z]", text[m.end("mon"):m.end("mon") + 4]):
        return None  # "starring in June Squibb's film", "by August Wilson"
    if pre.capital_in_title(text):
        return None
    month = month_of(m.group("mon"))
    if m.group("yrel"):
        year, _ = year_from_yrel(m.group("yrel"), ctx.anchor)
        if year is None:
            return None  # "<month> of that year": too vague to chase
        fd = valid_date(year, month)
        return [Candidate(pre.start, m.end(), fd, True, pre.qualifier())] if fd else None
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    if pre.rel == "this":
        year = a.year
    elif pre.rel in ("next", "coming", "this coming"):
        year = a.year if month > a.month else a.year + 1
    elif pre.rel in ("last", "this past"):
        year = a.year if month < a.month else a.year - 1
    else:
        year = month_year(a, month, pre.past or pre.pos == "earlier")
    fd = valid_date(year, month)
    end = m.start("poss") if m.group("poss") else m.end()
    return [Candidate(pre.start, end, fd, True, pre.qualifier())] if fd else None


# "im Dezember", "ab Mai", "Ende Oktober": German licenses a bare month with its own words.
# The words a German form cannot match without (see ``registry``): English pages skip the scans.
_DE_MONTH_WORDS = ("januar", "februar", "märz", "maerz", "april", "mai", "juni", "juli", "august", "september",
                   "oktober", "november", "dezember")
_DE_YEAR_WORDS = ("nicht", "frühestens", "erst", "ab", "bis", "seit", "vor", "im", "ende", "anfang", "mitte")
_DE_MONTH_CUE = {"im": "", "ab": "from", "seit": "since", "bis": "until", "anfang": "early", "mitte": "mid",
                 "ende": "late"}


@form(r"(?P<de>\b(?:im|Im|ab|Ab|seit|Seit|bis|Bis|Anfang|Mitte|Ende))\s+"
      r"(?P<mon>Januar|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
      r"(?![A-Za-zäöüß\d]|\s+\d)", prio=4, needs=(_DE_MONTH_WORDS,))
def _german_month(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    if ctx.anchor is None:
        return None
    cue = m.group("de").lower()
    qual = _DE_MONTH_CUE[cue]
    month = month_of(m.group("mon"))
    year = month_year(ctx.anchor, month, cue == "seit")
    fd = valid_date(year, month)
    start = m.start("de") if qual else m.start("mon")
    quals = {"early": "early", "mid": "mid", "late": "late"}
    return [Candidate(start, m.end(), fd, True, quals.get(qual, qual if qual in ("from", "until", "since") else ""))
            ] if fd else None


# German years and seasons: "nicht vor 2026", "erst 2026", "Herbst 2026", "im Frühjahr".
_DE_YEAR_CUE = {"nicht vor": "from", "frühestens": "from", "erst": "from", "ab": "from", "bis": "until",
                "seit": "since", "vor": "before", "im jahr": "", "ende": "late", "anfang": "early",
                "mitte": "mid"}
_DE_SEASON = {"frühjahr": 21, "frühling": 21, "sommer": 22, "herbst": 23, "winter": 24}


@form(r"(?<![\w])(?P<de>(?i:nicht\s+vor|frühestens|erst|ab|bis|seit|vor|im\s+Jahr|Ende|Anfang|Mitte))\s+"
      r"(?:(?i:dem\s+Jahr)\s+)?(?P<year>(?:19|20)\d\d)(?!\d|\.\d|\s*(?:%|Euro|Zuschauer))", prio=4,
      needs=(_DE_YEAR_WORDS, ("19", "20")))
def _german_year(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    cue = " ".join(m.group("de").lower().split())
    qual = _DE_YEAR_CUE.get(cue, "")
    return [Candidate(m.start("de") if qual else m.start("year"), m.end(), FuzzyDate(int(m.group("year"))),
                      False, qual)]


@form(r"(?<![\w])(?:(?P<pre>im|Im|ab|Ab|bis|seit|Anfang|Ende|Mitte)\s+)?(?:(?i:des|dem)\s+)?"
      r"(?P<s>Frühjahr|Frühling|Sommer|Herbst|Winter)s?(?:\s+(?P<year>(?:19|20)\d\d))?(?![\wäöüß])", prio=5,
      needs=(("frühjahr", "frühling", "sommer", "herbst", "winter"),))
def _german_season(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    sub = _DE_SEASON[m.group("s").lower()]
    if m.group("year"):
        fd = FuzzyDate(int(m.group("year")), sub)
        return [Candidate(m.start(), m.end(), fd, False, "")]
    if not m.group("pre") or ctx.anchor is None:
        return None  # "Sommer" alone is a name as often as a season
    year = season_year(ctx.anchor, sub, "next" if m.group("pre").lower() != "seit" else "last")
    return [Candidate(m.start(), m.end(), FuzzyDate(year, sub), True, "")]


# -- seasons ------------------------------------------------------------------


@form(rf"{SEASON}(?:{QUOTE}(?:,?\s+|\s+of\s+){year_rx('year')}|(?:\s+of)?\s*{YY})", prio=5, needs=(NEEDS_SEASON,))
def _season_year_form(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    if char_before(ctx.text, m.start()).isalpha() or units_follow(ctx.text, m.end()):
        return None  # "Windfall 2024"
    fd = FuzzyDate(_year_or_yy(m), SEASON_NUM[m.group("season").lower()])
    pre = read_prefix(ctx.text, m.start())
    return [Candidate(pre.qstart, m.end(), fd, False, pre.qualifier())]


@form(
    rf"""{SEASON}(?![\w-]|['’](?!s\b))(?P<poss>['’]s)?
    (?!{QUOTE}(?:,?\s+|\s+of\s+)(?:1[89]|2[01])\d\d|\s*['’]\d\d)  # "summer 2026" is the other form
    (?=(?P<noun>\s+(?i:{RELEASE_NOUNS})(?![A-Za-z])))?
    (?:\s+of\s+{YREL})?""",
    prio=4,
    needs=(NEEDS_SEASON,),
)
def _bare_season(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    text = ctx.text
    if char_before(text, m.start()).isalpha():
        return None
    pre = read_prefix(text, m.start())
    season_tok = m.group("season")
    if m.group("poss") and not pre.rel:
        return None  # "Summer's" is a name; "this summer's slate" is a date
    # "fall" is a verb: only after a cue that cannot precede a verb.
    if pre.cue in ("to", "about", "around", "over", "sometime") and not pre.rel:
        return None
    if not (pre.cue or pre.pos or pre.rel or m.group("noun") or m.group("yrel")):
        return None
    if not pre.rel and not m.group("yrel"):
        # "after the fall of Rome", "during spring break"
        if re.match(r"\s+(?:of|break|camp|semester|term|session|training|collection)\b", text[m.end():], re.I):
            return None
        if season_tok[0].isupper() and not (pre.pos or m.group("noun")):
            return None  # "The Fall", "Winter" as a name; a date season is lowercase mid-sentence
    if pre.capital_in_title(text):
        return None  # "I Know What You Did Last Summer"
    if ctx.anchor is None:
        return None
    sub = SEASON_NUM[season_tok.lower()]
    a = ctx.anchor
    if m.group("yrel"):
        year, _ = year_from_yrel(m.group("yrel"), a)
        if year is None:
            return None
    elif pre.rel == "this":
        year = season_year(a, sub, "this")
    elif pre.rel in ("next", "coming", "this coming"):
        year = season_year(a, sub, "next")
    elif pre.rel in ("last", "this past"):
        year = season_year(a, sub, "last")
    else:
        year = season_year(a, sub, "past" if pre.past else "upcoming")
    end = m.start("poss") if m.group("poss") else m.end()
    return [Candidate(pre.start, end, FuzzyDate(year, sub), True, pre.qualifier())]


# -- quarters and halves --------------------------------------------------------

_QUARTER_WORDS = {"first": 33, "1st": 33, "second": 34, "2nd": 34, "third": 35, "3rd": 35, "fourth": 36, "4th": 36}


@form(
    rf"""(?:Q(?P<q>[1-4])|(?P<qw>first|First|FIRST|second|Second|SECOND|third|Third|THIRD|fourth|Fourth|FOURTH
    |1st|2nd|3rd|4th)(?:\s|-)+(?i:quarter))
    (?:\s+(?i:of)|,)?\s*(?:{year_rx('year')}|{YREL})""",
    prio=5,
    needs=(("q1", "q2", "q3", "q4", "quarter"),),
)
def _quarter(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    if m.group("q") and char_before(ctx.text, m.start()).isalnum():
        return None
    sub = 32 + int(m.group("q")) if m.group("q") else _QUARTER_WORDS[m.group("qw").lower()]
    pre = read_prefix(ctx.text, m.start())
    if m.group("year"):
        return [Candidate(pre.qstart, m.end(), FuzzyDate(int(m.group("year")), sub), False, pre.qualifier())]
    year, _ = year_from_yrel(m.group("yrel"), ctx.anchor)
    if year is None:
        return None
    return [Candidate(pre.start, m.end(), FuzzyDate(year, sub), True, pre.qualifier())]


@form(rf"H(?P<h>[12])\s*{year_rx('year')}", rf"(?:Holiday|holiday|HOLIDAY)\s+{year_rx('year')}", prio=5,
      needs=(("h1", "h2", "holiday"),))
def _half_or_holiday_year(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # "H2 2025" (second half), "Holiday 2025" (studio speak for Nov-Dec):
    # no such window in the grammar, so the year with a position.
    if char_before(ctx.text, m.start()).isalnum():
        return None
    qual = "early" if m.groupdict().get("h") == "1" else "late"
    pre = read_prefix(ctx.text, m.start())
    return [Candidate(pre.qstart, m.end(), FuzzyDate(int(m.group("year"))), False, join_qualifiers(pre.cue_qual, qual))]


# -- years ------------------------------------------------------------------------


@form(rf"(?:©|\([cC]\)|Copyright|COPYRIGHT)\s*(?:{year_rx('y1')}\s*[-–—]\s*)?{year_rx('year')}", prio=9,
      needs=(("©", "(c)", "copyright"),))
def _copyright(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # The page's own footer year: never a premiere, but a last-resort anchor.
    return [Candidate(m.start(), m.end(), FuzzyDate(int(m.group("year"))), False, "copyright")]


@form(rf"\(\s*{year_rx('year')}\s*\)", prio=3, needs=(("(",),))
def _paren_year(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # "Wish (2023)": a title's release year, flagged so callers can choose.
    return [Candidate(m.start("year"), m.end("year"), FuzzyDate(int(m.group("year"))), False, "paren")]


@form(rf"{YY}(?![\w])", prio=3, needs=(("'", "’"),))
def _short_year(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    # "in '24", "late '25": only after a cue or a position word ("X-Men '97"
    # is a title).
    if char_before(ctx.text, m.start()).isalnum():
        return None
    pre = read_prefix(ctx.text, m.start())
    if pre.rel or pre.the or not (pre.cue or pre.pos):
        return None
    return [Candidate(pre.qstart, m.end(), FuzzyDate(expand_yy(m.group("yy"))), False, pre.qualifier())]


@form(
    rf"""{year_rx('year')}(?P<apos>['’]s)?
    (?=(?P<noun>\s+(?i:release|premiere|debut|launch|bow|opening|return)(?![A-Za-z])))?""",
    prio=3,
)
def _year(m: re.Match[str], ctx: ScanContext) -> list[Candidate] | None:
    text = ctx.text
    if bad_before_number(text, m.start()) or label_before(text, m.start()):
        return None
    ye = m.end("year")
    if text[ye:ye + 1] == ":" or re.match(r"\s*[-–—/]\s*\d", text[ye:ye + 4]):
        return None  # a title ("2001: A Space Odyssey") or a "2016-17 season"
    if not m.group("noun") and not m.group("apos") and units_follow(text, ye):
        return None  # "in 2000 theaters"
    pre = read_prefix(text, m.start())
    if (pre.rel and pre.rel != "coming") or pre.the:
        return None  # "this 2024 ...", "the 2024 ..." qualify a noun
    start = pre.start if (pre.cue_qual or pre.pos) else m.start()
    if not (pre.cue or pre.pos or m.group("noun")):
        head = _YEAR_LIST_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if head is not None:
            # "open in 2023, 2025 and 2027": a year in a list is read as the list's first one is
            pre = read_prefix(text, head.start())
            verb = VERB_BEFORE_YEAR.search(text, max(0, head.start() - 16), head.start())
            if (pre.rel and pre.rel != "coming") or pre.the or not (pre.cue or pre.pos or verb):
                return None
        elif not VERB_BEFORE_YEAR.search(text, max(0, m.start() - 16), m.start()):
            return None  # a bare number: "the 1993 film", "1923", "Tudum 2025"
    return [Candidate(start, ye, FuzzyDate(int(m.group("year"))), False, pre.qualifier())]


_YEAR_LIST_BEFORE = re.compile(r"(?<![\w$£€#.,/-])(?:19|20)\d\d(?:\s*,\s*(?:19|20)\d\d)*\s*(?:,\s*)?(?:and|or|&|,)\s*$")
