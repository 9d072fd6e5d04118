"""Splitting prose into sentences without breaking on "Sept. 2", "U.S.",
"Dr. Stone" or "9 p.m. ET".
"""

from __future__ import annotations

import re
import string

from premiere_watch.extract.grammar.lexicon import word_set

# Abbreviations that never end a sentence (titles, "vs.", "St. Denis").
_ABBR_NEVER = word_set(
    "mr mrs ms dr st mt ft prof gen rev sen rep gov lt col sgt capt cpt maj cmdr adm hon pres supt "
    "vs v cf approx ca esp dept univ"
)
# Abbreviations that end a sentence only when the next word starts one:
# months and weekdays ("Sept. 2", "Mon., Sept. 24"), company suffixes,
# "Jr.", "etc.", and numbering words before a number ("No. 1").
_ABBR_SOFT = word_set(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "inc co corp ltd bros jr sr etc al no nos vol vols ep eps pt pts fig nr op"
)
# Words that open a sentence after an abbreviation ("... in the U.S. The film").
_STARTERS = word_set(
    "the this that these those it its it's he she they we i you a an but and so or in on at as if when while "
    "after before since for with also however meanwhile now then there here his her their our my your what "
    "which who why how where still yet even just not no one some many most all both each fans according "
    "last next earlier later"
)
# One mark, then any more: ``re`` skips ahead to a pattern's opening character class, not to
# a repeated one ("[.!?…]+"), and this is scanned over every block of every page.
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(?=\s)")
# The word before a full stop ("U.S", "Sept", "J"): a letter, then letters, dots and
# apostrophes up to the stop, within the 24 characters before it.
_WORD_CHARS = string.ascii_letters + ".'’"
_GERMAN_ORDINAL = re.compile(r"(?<![\d.])\d{1,2}\.$")
_GERMAN_MONTH = re.compile(r"(?:Januar|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|"
                           r"Dezember)$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]*([A-Za-z0-9][\w'’]*)")


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    nxt = _NEXT_WORD.match(text, m.end())
    if nxt is None:
        return True
    word = nxt.group(1)
    first = word[0]
    if first.islower():
        return False  # '"Hello." he said', "a.m. on Monday"
    punct = m.group().rstrip("\"'”’)]")
    if punct != ".":
        return True  # "!", "?", "..." before a capital
    if _GERMAN_MONTH.match(word) and _GERMAN_ORDINAL.search(text, max(0, m.start() - 3), m.start() + 1):
        return False  # "am 26. Dezember": a German date's day is an ordinal with a full stop
    tok = _word_before(text, m.start())
    if not tok:
        return True
    low = tok.lower().rstrip(".")
    if low in _ABBR_NEVER:
        return False
    if "." in tok.rstrip(".") or (len(tok) == 1 and tok.isupper()):
        # "U.S.", "a.m.", "R.R.", "J." (an initial): a sentence ends only if
        # the next word plainly opens one.
        return word.lower() in _STARTERS
    if low in _ABBR_SOFT:
        if first.isdigit():
            return False  # "Sept. 2", "No. 1"
        return word.lower() in _STARTERS
    return True


def _word_before(text: str, stop: int) -> str:
    """The word before the full stop at ``stop`` (see ``_WORD_CHARS``), or ""."""
    before = text[max(0, stop - 24):stop]
    run = before[len(before.rstrip(_WORD_CHARS)):]
    return run.lstrip(".'’")


# A bullet or middle dot between items of a run-in list ends an item as a full stop would.
BULLETS = "•·▪●"
_ITEM_BREAK = re.compile(rf"\s+[{BULLETS}]\s+")


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences; a line break and a list bullet always end one.

    Abbreviation-aware: "Sept. 2", "Jan. 6, 2023", "U.S.", "Dr. Stone",
    "Mr.", "vs.", "St.", "a.m." / "p.m." do not end a sentence (but "in the
    U.S. The film ..." does).
    """
    out: list[str] = []
    lines = text.splitlines()
    if any(bullet in text for bullet in BULLETS):  # rare: most blocks need no scan for a break
        lines = [item for raw in lines for item in _ITEM_BREAK.split(raw)]
    for line in lines:
        start = 0
        for m in _BOUNDARY.finditer(line):
            if _ends_sentence(line, m):
                piece = line[start:m.end()].strip()
                if piece:
                    out.append(piece)
                start = m.end()
        piece = line[start:].strip()
        if piece:
            out.append(piece)
    return out
