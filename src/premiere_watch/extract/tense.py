"""Tense and aspect of a clause: is it telling what happened, or what will?

"Its premiere on June 4 was the biggest debut of the year" and "the first
season premiered in September and went weekly until late November" report
history; "will premiere on June 4", "is set for June 4" and "returns June 4"
announce.  Two things follow from history:

* a year-less date in it is the latest such day *before* the page, not the
  next one after it ("came out in January", said in March, is this January);
* a release it reports has happened, so for a later season it is an earlier
  season's (the season being watched has not premiered if it is being
  announced), unless the clause names that season itself.

Only simple pasts count.  A participle after an auxiliary ("is scheduled",
"will be released") or a determiner ("the delayed season") is no past tense,
and neither is a present perfect: "has been pushed to October" is today's
news about a date to come.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future", ""]

# Irregular simple pasts that are not also present forms ("set", "hit", "put" are both).
_IRREGULAR = (
    r"was|were|had|did|went|came|began|ran|became|drew|won|took|got|saw|brought|left|fell|rose|grew|"
    r"sold|held|kept|found|bought|caught|fought|shot|stood|lost|spent|"
    r"built|broke|drove|flew|led|paid|slid|struck|threw|tore|wore|bowed"
)
_PAST = re.compile(
    rf"\b(?:{_IRREGULAR})\b(?!['’])|"
    r"\b(?:ago|yesterday|last (?:night|week|month|year|summer|spring|fall|autumn|winter|season|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b|\bback in\b|"
    r"(?<![\w'’-])(?P<ed>[a-z]{2,}[^e\W]ed|[a-z]{3,}ied)\b",
)
# What makes an "-ed" word a participle rather than a finite past.
_BEFORE_PARTICIPLE = re.compile(
    r"(?:\b(?:is|are|am|be|being|been|get|gets|getting|got|become|becomes|remains?|stays?|seems?|looks?|the|a|an|"
    r"its|their|his|her|this|that|these|those|our|your|my|newly|now|officially|already|was|were|had|has|have|"
    r"not|just|also|still|n['’]t)|['’](?:s|re))\s+(?:\w+ly\s+)?$",
    re.I,
)
_NOT_VERBS = frozenset({"hundred", "sacred", "wicked", "naked", "beloved", "crooked", "rugged", "ragged",
                        "kindred", "hatred", "wretched", "aged", "based", "related", "limited", "united",
                        "animated", "acclaimed", "talented", "celebrated", "anticipated", "untitled",
                        "unexpected", "unscripted", "detailed", "dated", "scheduled", "slated", "expected",
                        "rumoured", "rumored", "reported", "confirmed", "announced", "planned", "delayed"})
_FUTURE = re.compile(
    r"\b(?:will|would|could|might|may|should|shall|must|can|going to|gonna|set to|slated to|scheduled to|"
    r"due to|plans? to|aims? to|hopes? to|is|are|am|"
    r"(?:is|are|now|be)\s+(?:\w+\s+)?(?:set|scheduled|slated|due|expected|dated|coming|returning|back|"
    r"arriving|premiering|debuting|opening|launching|heading)|upcoming|forthcoming|"
    r"premieres|opens|arrives|returns|debuts|lands|hits|launches|streams|drops|bows|comes|releases|airs|reaches|"
    r"kicks off|begins|starts|looks?|seems?|feels?|appears?|expects?|hopes?|plans?|intends?|wants?)\b|"
    # "it's", not the possessive of "Neon's history"
    r"\b(?:it|that|there|he|she|what|who|here|this|where|everything|nothing)['’]s\b|['’](?:ll|re)\b",
    re.I,
)


# Saying or scheduling in the past states a plan that still holds: "Apple revealed the premiere
# date: June 4", "the film was announced for June 4", "the streamer gave it a June 4 date".
_REPORTING = frozenset({
    "announced", "confirmed", "revealed", "unveiled", "dated", "slated", "scheduled", "named", "teased",
    "promised", "booked", "pegged", "penciled", "pencilled", "locked", "listed", "tipped", "expected", "rumored",
    "rumoured", "reported", "shared", "posted", "tweeted", "added", "noted", "stated", "published", "issued",
    "offered", "picked", "planted", "claimed", "staked", "settled", "handed", "moved", "pushed", "delayed",
    "bumped", "shifted", "given", "set", "said", "told", "gave", "made", "sent", "chose", "wrote", "put",
})
_PASSIVE_REPORT = re.compile(r"\s+(?:\w+ly\s+|now\s+|also\s+)?(\w+)", re.I)


def _finite_past(text: str, lo: int, hi: int) -> bool:
    for m in _PAST.finditer(text, lo, hi):
        word = m.group("ed")
        if word is None:
            lowered = m.group(0).lower()
            if lowered in ("was", "were"):
                nxt = _PASSIVE_REPORT.match(text, m.end())
                if nxt and nxt.group(1).lower() in _REPORTING:
                    continue  # "was announced for June 4": a plan reported, not history
            return True
        if word in _REPORTING:
            continue
        if word in _NOT_VERBS or _BEFORE_PARTICIPLE.search(text, max(0, m.start() - 30), m.start()):
            continue
        return True
    return False


_CHANGE = re.compile(r"\b(?:mov|push|delay|shift|bump|postpon|slid|slip|nudg|brought|pull|reschedul|swap)\w*", re.I)
_PAST_RELEASE = re.compile(r"\b(?:premiered|debuted|opened|aired|landed|arrived|dropped|launched|bowed|"
                           r"(?:was|were) released|came out|went live|hit (?:theaters|theatres|cinemas|screens)|"
                           # "was postponed twice before finally opening on March 8"
                           r"before (?:\w+ly\s+)?(?:opening|premiering|debuting|airing|arriving|landing|launching|"
                           r"bowing|hitting))\b",
                           re.I)


def history(text: str, lo: int, hi: int) -> bool:
    """The clause reports what happened.  A change in the past tense ("moved it from March
    3 to April 14") is news about dates still ahead, unless the sentence also says the
    release itself took place ("... then moved it up again: all episodes landed April 10").
    A clause without a verb of its own ("with Volume 1 on May 27") has its sentence's tense."""
    tense = clause_tense(text, lo, hi)
    if not tense and (_ABSOLUTE.match(text, lo) or _ABSOLUTE_BEFORE.search(text, max(0, lo - 12), lo)):
        tense = clause_tense(text, 0, len(text))
    if tense != "past":
        return False
    return not _CHANGE.search(text, lo, hi) or bool(_PAST_RELEASE.search(text))


_ABSOLUTE = re.compile(r"[\s,;:–—-]*(?:with|including|following)\b", re.I)
_ABSOLUTE_BEFORE = re.compile(r"\b(?:with|including|following)\s*$", re.I)
_FORMER = re.compile(r"\b(?:was|were|had been|had)\s+(?:\w+\s+)?$", re.I)


def clause_tense(text: str, lo: int, hi: int) -> Tense:
    """"past" when the clause ``text[lo:hi]`` reports history (a simple past and no
    present, modal or future verb), "future" when it announces or speculates, ""
    otherwise.  "Was set to debut" is a former plan: past."""
    for m in _FUTURE.finditer(text, lo, hi):
        if not _FORMER.search(text, max(0, m.start() - 30), m.start()):
            return "future"
    return "past" if _finite_past(text, lo, hi) else ""
