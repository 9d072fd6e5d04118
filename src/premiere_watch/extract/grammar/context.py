"""Reading the words around a match: cues, position words, titles, units.

Forms match the core of a date ("October", "2025", "Friday"); whether it is
a date, and with which qualifier, depends on what stands before it ("by
early", "this", "Season 2", a Title Case run) and after it ("episodes",
"theaters").  Those words are read here with small end-anchored regexes over
the few characters next to a hit (see "Speed" in ``lexicon``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from premiere_watch.extract.grammar.lexicon import (
    CUE_QUALIFIER,
    PAST_CUES,
    POS_QUALIFIER,
    QUOTE,
    SPACE,
    UNIT_NOUNS,
    WEEKDAY,
    normalise,
    word_set,
)

# What may stand before a date, read backwards from the hit.
_CUE = (
    r"(?:(?<![\w'])(?P<cue>(?i:no\s+later\s+than|not\s+later\s+than|not\s+until|not\s+before|"
    r"some\s?time\s+around|some\s?time\s+in|some\s?time\s+during|as\s+early\s+as|starting\s+in|beginning\s+in|"
    r"in\s+time\s+for|back\s+in|earlier\s+in|prior\s+to|starting|between|"
    # a plan's target: "FX is eyeing the fall", "targeting the spring"
    r"eyeing|eyes|targeting|targets|aiming\s+for|aims\s+for|"
    r"by|before|after|until|till|'til|til|through|thru|from|since|around|circa|about|approximately|roughly|"
    r"in|on|of|at|during|for|to|into|throughout|toward|towards|over|sometime))\s+)"
)
_POS = (
    r"(?:(?<![\w])(?P<pos>(?i:(?:the\s+)?(?:very\s+)?(?:beginning|start|middle|end)\s+of"
    r"|(?:the\s+)?(?:first|second|latter|front|back)\s+half\s+of"
    r"|early|mid|late|later|earlier))(?:\s+in\s+|\s*-\s*|\s+))"
)
_REL = r"(?:(?<![\w])(?P<rel>(?i:this\s+coming|this\s+past|this|next|last|coming))\s+)"
_PREFIX = re.compile(
    (rf"(?:{_CUE})?(?:{_POS})?(?:{_REL})?(?:(?<![\w])(?P<the>(?i:the))\s+)?{QUOTE}$").replace(r"\s", SPACE), re.X
)
WEEKDAY_BEFORE = re.compile(rf"{WEEKDAY.format(n='wd')}(?:,?{SPACE}+|,)(?:(?i:the){SPACE}+)?$")
WEEKDAY_BEFORE_NUM = re.compile(rf"{WEEKDAY.format(n='wd')},?{SPACE}*$")
# Release verbs that make a bare "9/4" or "2026" a date ("Coming 9/4",
# "Released 2021", "coming 2026").
_VERBS = (
    r"coming|arriving|arrives|returns|returning|released|releases|premieres|premiered|premiering|debuts|"
    r"debuted|opens|opened|launches|launched|dated|due|slated|scheduled|airs|streaming|starting"
)
# Labels on title pages and listings: "Release date: 2025", "Premiere: 9/4".
_LABELS = (r"(?:release|premiere|air|opening|debut|launch|streaming)\s+date|premiere|release|debut|"
           r"in\s+(?:theaters|theatres|cinemas)")
VERB_BEFORE = re.compile(rf"(?<![\w])(?i:{_VERBS}|{_LABELS}|on|from|until|through|by):?{SPACE}+$".replace(r"\s", SPACE))
VERB_BEFORE_YEAR = re.compile(rf"(?<![\w])(?i:{_VERBS}|{_LABELS}):?{SPACE}+$".replace(r"\s", SPACE))

_PASSIVE_BEFORE = re.compile(r"(?i:replaced|superseded|followed|preceded|overtaken|taken|joined)\s+$")
_UNITS_AFTER = re.compile(rf"\s*(?:{UNIT_NOUNS})(?![A-Za-z])", re.I)
# A number right after one of these labels is an ordinal of something else
# ("Season 2 May", "Episode 10", "Top 10", "No. 1", "Vol. 3").
_LABEL_BEFORE = re.compile(
    r"(?:season|episode|ep|part|pt|chapter|vol|volume|no|number|top|book|act|phase|round|game|level|"
    r"stage|issue|track|series|#)\.?\s*$",
    re.I,
)


def title_run_before(text: str, pos: int) -> bool:
    """True when the word before ``pos`` is Capitalised in the same clause.

    A capitalised cue inside a run of capitalised words is part of a title
    ("I Know What You Did Last Summer", "The Nightmare Before Christmas"),
    not a date; at a sentence start it is fine ("Last November the studio...").
    """
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“”‘’":
        i -= 1
    if i < 0 or not text[i].isalpha():
        return False
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'’-"):
        j -= 1
    return text[j].isupper()


def units_follow(text: str, pos: int) -> bool:
    return _UNITS_AFTER.match(text, pos) is not None


def label_before(text: str, pos: int) -> bool:
    return _LABEL_BEFORE.search(text, max(0, pos - 12), pos) is not None


def join_qualifiers(*quals: str) -> str:
    return " ".join(q for q in quals if q)


@dataclass
class Prefix:
    """The cue, position and this/next/last words before a core expression."""

    cue: str = ""  # normalised cue word(s): "by", "in", "not until"
    cue_qual: str = ""  # its qualifier ("" for neutral prepositions)
    past: bool = False  # "since", "back in": a year-less form reads backwards
    pos: str = ""  # position qualifier: early / mid / late / earlier / later
    rel: str = ""  # this / next / last / coming / this coming / this past
    the: bool = False
    first: str = ""  # the first word as written, for the title-case test
    first_at: int = 0  # where that word starts
    the_at: int = 0  # where "the" starts, if present
    start: int = 0  # where the reported expression starts (qualifying words included)
    qstart: int = 0  # the same without this/next/last (absolute forms ignore them)

    def qualifier(self) -> str:
        return join_qualifiers(self.cue_qual, self.pos)

    def capital_in_title(self, text: str) -> bool:
        """A capitalised cue inside a Title Case run ("You Did Last Summer").

        A release verb before it is a promo line, not a title: "Coming This
        Fall", "Returns Next Summer".
        """
        if not (self.first[:1].isupper() and title_run_before(text, self.first_at)):
            return False
        return VERB_BEFORE_YEAR.search(text, max(0, self.first_at - 16), self.first_at) is None


_WINDOW = 48


# The last word of every possible prefix: when the word before a hit is not
# one of these, there is no prefix and the regex search is skipped.
_PREFIX_LAST_WORDS = frozenset(
    w for words in (CUE_QUALIFIER, POS_QUALIFIER) for phrase in words for w in phrase.split()[-1:]
) | word_set(
    "in on of at during for to into throughout toward towards over sometime between back than around "
    "this next last coming past the early mid late later earlier beginning start middle end half"
)
_LAST_WORD = re.compile(r"([A-Za-z']+)[^\S\n]*[\"'“”‘’]?[^\S\n]*$|(-)[^\S\n]*$")

# Every word ``_PREFIX`` can consume (a superset: read off its source, so also "cue",
# "s" and such from the regex syntax, which only makes ``_run_start`` more careful).
_PREFIX_WORDS = frozenset(re.findall(r"[a-z']+", (_CUE + _POS + _REL).lower())) | {"the"}
_QUOTES = "\"'“”‘’"


def _run_start(text: str, lo: int, at: int) -> int:
    """Where the run of prefix words that ends at ``at`` begins.

    ``_PREFIX`` is anchored at ``at`` and consumes nothing but those words, spaces,
    hyphens and a closing quote, so no match starts further left: searching from
    here finds the match a search from ``lo`` finds, without trying the cue
    alternation at every position of the window (most of ``read_prefix``'s time).
    """
    if not text[lo:at].isascii():
        return lo  # IGNORECASE matches a few non-ASCII letters to these words
    i = at - 1 if at > lo and text[at - 1] in _QUOTES else at
    start = i
    while True:
        while i > lo and (text[i - 1].isspace() or text[i - 1] == "-"):
            i -= 1
        j = i
        while j > lo and (text[j - 1].isalpha() or text[j - 1] == "'"):
            j -= 1
        word = text[j:i].lower()
        if j == i or word not in _PREFIX_WORDS:
            # A prefix word may also start after an apostrophe ("'the", "x'the"): search that run too.
            return j if "'" in word else start
        start = i = j


def read_prefix(text: str, at: int) -> Prefix:
    pre = Prefix(start=at, first_at=at, the_at=at, qstart=at)
    lo = max(0, at - _WINDOW)
    nl = text.rfind("\n", lo, at)
    if nl >= 0:
        lo = nl + 1
    last = _LAST_WORD.search(text, max(lo, at - 16), at)
    if last is None or (last.group(1) is not None and last.group(1).lower().strip("'") not in _PREFIX_LAST_WORDS):
        return pre
    m = _PREFIX.search(text, _run_start(text, lo, at), at)
    if m is None or m.start() == at:
        return pre
    starts: list[tuple[int, str]] = []
    if m.group("cue"):
        c = normalise(m.group("cue")).replace("some time", "sometime")
        pre.cue = c
        pre.cue_qual = CUE_QUALIFIER.get(c, "")
        if c == "by" and _PASSIVE_BEFORE.search(text, max(0, m.start("cue") - 16), m.start("cue")):
            pre.cue_qual = ""  # "replaced by July 12" names an agent, not a deadline
        pre.past = c in PAST_CUES
        starts.append((m.start("cue"), m.group("cue")))
    if m.group("pos"):
        p = normalise(m.group("pos"))
        for word in ("the ", "very "):
            p = p.replace(word, "")
        pre.pos = POS_QUALIFIER.get(p.removesuffix(" of"), "")
        starts.append((m.start("pos"), m.group("pos")))
    if m.group("rel"):
        pre.rel = normalise(m.group("rel"))
        starts.append((m.start("rel"), m.group("rel")))
    if m.group("the"):
        pre.the = True
        pre.the_at = m.start("the")
        starts.append((m.start("the"), m.group("the")))
    if not starts:
        return pre  # only an opening quote
    pre.first_at, pre.first = starts[0]
    # Neutral prepositions ("in", "on") and "the" are left out of the span;
    # qualifying words ("by", "early", "next") are part of the expression.
    for s, word in starts:
        if (s, word) == (m.start("the"), m.group("the")):
            continue
        if m.group("cue") and s == m.start("cue") and not pre.cue_qual:
            continue
        pre.start = s
        break
    if pre.cue_qual:
        pre.qstart = m.start("cue")
    elif pre.pos:
        pre.qstart = m.start("pos")
    return pre


_FULL_NAME_DOT = re.compile(r"(?:[A-Za-z]{5,}|May|June|July|MAY|JUNE|JULY)\.$")


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n\"'“”‘’,(":
        start += 1
    while end > start and text[end - 1] in " \t\n\"'“”‘’,":
        end -= 1
    # The optional dot after a month is an abbreviation's ("Sept."), not the
    # full stop after "15 November." / "late July."
    if end > start and text[end - 1] == "." and _FULL_NAME_DOT.search(text, max(start, end - 12), end):
        end -= 1
    return start, end


def char_before(text: str, at: int) -> str:
    return text[at - 1] if at > 0 else " "


def bad_before_month(text: str, at: int) -> bool:
    return char_before(text, at).isupper()  # "AMarch"; a lowercase letter is a glued cell


def bad_before_number(text: str, at: int) -> bool:
    # "mid-2025" is fine, "12-2025" and "$2025" are not.
    p = char_before(text, at)
    return p in "0123456789$£€#.,/" or (p == "-" and char_before(text, at - 1).isdigit())
