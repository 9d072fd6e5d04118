"""The words and regex building blocks of the date grammar.

Tables read a matched token (month, weekday, season, ordinal, number word,
cue, position word, holiday name); the building blocks are the pattern
fragments the forms are made of.  Nothing here looks at a text or an anchor.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

MONTH_NUM = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    # German: "26. Dezember 2024", "im März" (the rest are spelled as in English)
    "mär": 3, "mae": 3, "mai": 5, "okt": 10, "dez": 12,
}
WEEKDAY_NUM = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
SEASON_NUM = {"spring": 21, "summer": 22, "fall": 23, "autumn": 23, "winter": 24}
ORDINAL_NUM = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "last": -1, "final": -1,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}


def word_set(s: str) -> frozenset[str]:
    return frozenset(s.split())


def normalise(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


# Cue word -> qualifier.  Neutral prepositions map to "" (they only license a
# bare year/month as a date); "not until X" and "not before X" mean "X at the
# earliest", hence "from".
CUE_QUALIFIER = {
    "no later than": "by", "not later than": "by", "by": "by",
    "before": "before", "prior to": "before",
    "after": "after",
    "until": "until", "till": "until", "'til": "until", "til": "until",
    "through": "until", "thru": "until",
    "not until": "from", "not before": "from", "from": "from", "starting": "from",
    "starting in": "from", "beginning in": "from", "as early as": "from",
    "since": "since",
    "around": "around", "circa": "around", "about": "around", "approximately": "around",
    "roughly": "around", "sometime around": "around", "some time around": "around",
}
# Cues after which a year-less month/season/holiday is in the past.
# ("over" is not one: "opens over Thanksgiving weekend" is ahead.)
PAST_CUES = {"since", "back in", "earlier in"}

# Position words -> qualifier.
POS_QUALIFIER = {
    "early": "early", "beginning": "early", "start": "early", "first half": "early", "front half": "early",
    "mid": "mid", "middle": "mid",
    "late": "late", "end": "late", "second half": "late", "latter half": "late", "back half": "late",
    "later": "later", "earlier": "earlier",
}

# Nouns that make a bare number a count, not a year or a day ("in 2000
# theaters", "May 4 episodes").
UNIT_NOUNS = (
    r"theaters?|theatres?|screens?|cinemas?|locations?|venues?|copies|units?|people|persons?|fans|viewers|"
    r"households|homes|countries|markets|episodes?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|"
    r"seasons?|words|pages|dollars|euros|pounds|votes|subscribers|reviews|ratings|times|films|movies|shows|"
    r"titles|series|percent|per\s*cent|million|billion|thousand|k\b|m\b|%"
)
# Nouns that make a bare month or season (no day, no year) a release date:
# "a January premiere", "its November slot", "NBC's fall premiere dates".
RELEASE_NOUNS = r"premieres?|release|releases|debut|launch|return|opening|bow|slot|date|dates|window"

# ---------------------------------------------------------------------------
# Regex building blocks
# ---------------------------------------------------------------------------
#
# Speed: every scanning regex starts with a literal or a character class and
# no assertion or optional group, so ``re`` can skip ahead to candidate
# characters (its first-character prefilter) instead of trying every
# position.  The words in front of a date ("by early", "this", "on
# Wednesday,") are read afterwards by small end-anchored regexes over the few
# characters before a hit; the checks a lookbehind would do ("not after a
# digit") are made in the handlers.  Whitespace inside an expression never
# crosses a line break: lines are separate blocks (sidebar cells, headings).

SPACE = r"[^\S\n]"  # whitespace within a line

# Capitalised (or all-caps) month names only: lowercase "may"/"march" are
# verbs.  A letter may not follow ("Marvel", "Maybe", "Junior", "Jun-hee");
# the handlers refuse an uppercase letter before (a lowercase one is fine:
# "SonyMar 20" is two sidebar cells glued together by text extraction).
MONTH = (
    r"(?P<{n}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
    r"|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?"
    r"|Januar|Februar|März|Maerz|Mai|Juni|Juli|Oktober|Dezember)(?![A-Za-zäöüß]|-[A-Za-z])\.?"
)
WEEKDAY = (
    r"(?<![A-Za-z])(?P<{n}>Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?"
    r"|Sat(?:urday)?|Sun(?:day)?|MON(?:DAY)?|TUE(?:S(?:DAY)?)?|WED(?:NESDAY)?|THU(?:R(?:S(?:DAY)?)?)?"
    r"|FRI(?:DAY)?|SAT(?:URDAY)?|SUN(?:DAY)?)(?![A-Za-z])\.?"
)
FULL_WEEKDAY = r"(?P<{n}>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?![A-Za-z])"
# What a text must contain (lowercased) for these blocks to match: a form's
# ``needs`` (see ``registry``).
NEEDS_MONTH = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
               "mär", "mae", "mai", "okt", "dez")
NEEDS_WEEKDAY_NAME = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Every FULL_WEEKDAY.  Not just "day": "today", "holidays" and "days" are in most blocks.
NEEDS_WEEKDAY = NEEDS_WEEKDAY_NAME
# A day of the month (1..31, checked by the handler): not part of a longer
# number, a time ("9:30", "9 p.m."), a decimal or a fraction.
# Spoken and transcribed text spells days out: "November tenth", "the twenty-first of June".
_DAY_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
              "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
              "eighteenth", "nineteenth", "twentieth"]
DAY_WORD_NUM = {w: i for i, w in enumerate(_DAY_WORDS, start=1)}
DAY_WORD_NUM.update({f"twenty-{w}": 20 + i for i, w in enumerate(_DAY_WORDS[:9], start=1)})
DAY_WORD_NUM.update({"thirtieth": 30, "thirty-first": 31})
_DAY_WORD = (r"(?:twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirty[- ]first|thirtieth|"
             r"twentieth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
             r"nineteenth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
             r"(?![\w-])(?!\s+(?:season|series|half|part|week|weekend|episode|time|film|movie|installment|volume|"
             r"chapter|round|trailer|teaser|place|day))")
_DAY_NUMBER = r"\d\d?(?:st|nd|rd|th)?(?!\d|:\d|\.\d|/\d|,\d{{3}})"
_NOT_TIME = r"(?![^\S\n]*(?:[ap]\.m\.|[ap]m\b|[AP]M\b|%))"
_DAY_SPELLED = _DAY_WORD.replace("{", "{{").replace("}", "}}")
DAY = rf"(?P<{{n}}>{_DAY_NUMBER}|{_DAY_SPELLED}){_NOT_TIME}"
# A pattern that opens with a day scans every position of the text; opening with
# digits alone lets the regex engine skip to them, so such forms register the
# spelled days as a pattern of their own, behind NEEDS_DAY_SPELLED.
DAY_NUMBER = rf"(?P<{{n}}>{_DAY_NUMBER}){_NOT_TIME}"
DAY_SPELLED = rf"(?P<{{n}}>{_DAY_SPELLED}){_NOT_TIME}"
NEEDS_DAY_SPELLED = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                     "eleventh", "twelfth", "teenth", "twentieth", "thirtieth")
# A year 1800-2199: not part of a longer number, a decade ("1990s") or a
# decimal; a letter may follow (glued cells: "Sept 2022HBO").
YEAR = r"(?P<{n}>1[89]\d\d|2[01]\d\d)(?!\d|s\b|\.\d|,\d)"
SEASON = (
    r"(?P<season>spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter"
    r"|SPRING|SUMMER|FALL|AUTUMN|WINTER)(?![A-Za-z])"
)
NEEDS_SEASON = ("spring", "summer", "fall", "autumn", "winter")
QUOTE = r"[\"'“”‘’]?"
YREL = r"(?P<yrel>(?i:this|last|next|that|the\s+same|the\s+following|the\s+previous))\s+year(?!['’]s)"

# "September '25", "summer '24": headline shorthand for 2025, 2024.
YY = r"['’](?P<yy>\d\d)(?![\d'’])"


def expand_yy(tok: str) -> int:
    return int(tok) + (1900 if int(tok) >= 70 else 2000)  # '97 is 1997, '25 is 2025


# The building blocks with their capture group named: month_rx("m1").
def month_rx(n: str) -> str:
    return MONTH.format(n=n)


def day_rx(n: str, spelled: bool | None = None) -> str:
    """A day of the month as group ``n``: digits or spelled (None), or only one of them."""
    return {None: DAY, False: DAY_NUMBER, True: DAY_SPELLED}[spelled].format(n=n)


def year_rx(n: str) -> str:
    return YEAR.format(n=n)


def month_of(tok: str) -> int:
    return MONTH_NUM[tok.lower()[:3]]


def weekday_of(tok: str) -> int:
    return WEEKDAY_NUM[tok.lower()[:3]]


def day_of(tok: str) -> int:
    digits = re.match(r"\d+", tok)
    if digits:
        return int(digits.group())
    return DAY_WORD_NUM.get(tok.lower().replace(" ", "-"), 0)


# ---------------------------------------------------------------------------
# Holiday names
# ---------------------------------------------------------------------------

_APOS = r"['’]?"
# (regex, key, strong).  Strong names are dates on their own; weak ones
# ("Christmas", "Halloween", "Independence Day") are also film titles and
# adjectives ("Christmas movies"), so they need a cue, this/next/last or a year.
_HOLIDAY_TABLE: list[tuple[str, str, bool]] = [
    (rf"New\s+Year{_APOS}s\s+Eve", "newyearseve", True),
    (rf"New\s+Year{_APOS}s\s+Day", "newyearsday", True),
    (rf"New\s+Year{_APOS}s", "newyearsday", False),
    (r"Martin\s+Luther\s+King(?:,?\s+Jr\.?)?\s+Day", "mlkday", True),
    (r"MLK\s+Day", "mlkday", True),
    (rf"Valentine{_APOS}s\s+Day", "valentinesday", True),
    (rf"St\.?\s+Valentine{_APOS}s\s+Day", "valentinesday", True),
    (rf"Presidents{_APOS}\s+Day", "presidentsday", True),
    (rf"St\.?\s+Patrick{_APOS}s\s+Day", "stpatricksday", True),
    (rf"Saint\s+Patrick{_APOS}s\s+Day", "stpatricksday", True),
    (r"Easter\s+Sunday", "easter", True),
    (r"Easter\s+Monday", "eastermonday", True),
    (r"Good\s+Friday", "goodfriday", True),
    (r"Easter", "easter", False),
    (rf"Mother{_APOS}s\s+Day", "mothersday", True),
    (r"Memorial\s+Day", "memorialday", True),
    (rf"Father{_APOS}s\s+Day", "fathersday", True),
    (r"Juneteenth", "juneteenth", True),
    (r"Fourth\s+of\s+July", "independenceday", True),
    (r"July\s+Fourth", "independenceday", True),
    (r"Independence\s+Day", "independenceday", False),
    (r"Labou?r\s+Day", "laborday", True),
    (r"Halloween", "halloween", False),
    (r"Veterans{_APOS}\s+Day".replace("{_APOS}", _APOS), "veteransday", True),
    (r"Thanksgiving\s+Eve", "thanksgivingeve", True),
    (r"Thanksgiving\s+Day", "thanksgiving", True),
    (r"Thanksgiving", "thanksgiving", False),
    (r"Black\s+Friday", "blackfriday", False),
    (r"Christmas\s+Eve", "christmaseve", True),
    (r"Christmas\s+Day", "christmas", True),
    (r"Christmas", "christmas", False),
    (r"Xmas", "christmas", False),
    (r"Boxing\s+Day", "boxingday", True),
    (r"Hogmanay", "newyearseve", True),
]
# Every alternative starts with a literal (see "Speed" above); which holiday
# matched is looked up afterwards.
HOLIDAY = "(?P<hol>" + "|".join(rx for rx, _, _ in _HOLIDAY_TABLE) + r")(?![A-Za-z])"
_HOLIDAY_KEYS = [(re.compile(rx), key, strong) for rx, key, strong in _HOLIDAY_TABLE]


def holiday_key(name: str) -> tuple[str, bool]:
    for rx, key, strong in _HOLIDAY_KEYS:
        if rx.fullmatch(name):
            return key, strong
    raise AssertionError(f"not a holiday: {name!r}")
