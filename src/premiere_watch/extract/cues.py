"""Cue words and their scope: what a sentence says about one date in it.

A date in a sentence about the watched title is classified by the words
around it, in this order:

1. *event*: is the date about the release at all?  The nearest premiere word
   ("premieres", "opens", "release") must beat the nearest other-event word
   ("filming", "trailer", "world premiere", "screenings") in the date's clause,
   and an event noun that is the release verb's subject keeps the date ("the
   trailer will debut Monday");
2. *denied*: a negation or a move-away cue scopes over the date ("not coming
   in February", "moved from March 3", "originally set for", "instead of");
3. *tentative*: a hedge anywhere in the sentence before the date, or in the
   date's clause after it ("expected", "could", "rumoured", "our guess",
   hearsay, habit, fan predictions), or a question;
4. otherwise *confirmed* ("not until 2023" states the earliest official date).

Everything returns the cue that decided, for ``--explain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from premiere_watch.extract.casefold import CaselessScan, lowered
from premiere_watch.extract.companies import STREAMERS, alternation
from premiere_watch.model import Status

# The cue families are scanned in every sentence with a date: CaselessScan makes
# that scan fast (see ``casefold``), which needs their patterns in lowercase.
_PREMIERE = CaselessScan(
    r"\b(?:premier(?:e|es|ed|ing)(?! weeks?\b)|debut(?:s|ed|ing)?|releas(?:e|es|ed|ing)|arriv(?:e|es|ed|ing|al)|"
    r"open(?:s|ed|ing)?|return(?:s|ed|ing)?|launch(?:es|ed|ing)?(?! (?:title|event|party|week|campaign))|"
    r"hit(?:s|ting)?|land(?:s|ed|ing)?|"
    # "Clarkson was dropped by the BBC": a passive drop lets someone go; a show that drops is out
    r"stream(?:s|ed|ing)?|(?<!was )(?<!were )(?<!been )(?<!being )drop(?:s|ped|ping)?|bow(?:s|ed)?|"
    r"air(?:s|ed|ing)?|coming|comes|come|follows?(?=\s+(?:later\s+|sometime\s+)?in\s+#)|"
    r"(?:be|being) (?:shown|broadcast|televised)|broadcasts|goes out|"
    r"(?:be|is|are|comes?|coming) back|(?:be|is|are) (?:back )?with us|on (?:our |your |tv |television )?screens|"
    r"(?:is|are|be) out|out (?:on|in|from)|out(?=\s+#)|goes live|(?:takes?|taking) off(?=\s+(?:on\s+|in\s+)?#)|"
    r"starting|beginning|watch|catch|rumou?red|eyeing|eyes|targeting|aiming|tipped|hop(?:es|ing) to release|"
    r"gets?(?=\s+(?:an?\s+)?#)|"
    r"expect(?:s|ed|ing)?\s+[^.;#]{1,60}?\s+(?:in|on|by|around)(?=\s+#)|"
    r"theat(?:er|re)s|cinemas|theatrical(?:ly)?|dated|date|slot|calendar|mark (?:your|the) calendars?|"
    r"available|reach(?:es|ed|ing)?|"
    r"due|expected|kicks? off|begins? (?:streaming|airing)|begins?|starts?|play(?:s|ing)? in|"
    r"(?:gets?|getting) under ?way|"
    r"mov(?:e|es|ed|ing)|slid(?:e|es|ing)?|leav(?:e|es|ing)(?=\s+(?:its\s+|the\s+)?#)|"
    r"slipp?(?:ed|ing|s)?|staked out|dates|(?:lead|leads|headline|headlines|top|tops)\s+(?:the|its|their)\s+"
    r"(?:[\w-]+\s+)?(?:slate|line-?up)|all (?:[\w-]+ )?episodes|"
    r"shift(?:s|ed)?|push(?:es|ed)?|"
    r"delay(?:s|ed)?|bump(?:s|ed)?|postpon(?:e|es|ed)|"
    r"on (?:netflix|disney\+|max|hbo|hulu|prime video|apple tv\+)|"
    r"in (?:theaters|theatres|cinemas)|(?:on|to) the big screen|"
    r"schedule[ds]?|set for|set to|slated|expected in|streaming|"
    # "will bring his romantic mystery to local audiences on the 29th"
    r"(?<!test )(?<!preview )(?:to|before) (?:local |domestic |home |global |international |[a-z]+an )?audiences|"
    # German: "Staffel 2 startet am 26. Dezember", "Kinostart ist im Mai"
    r"startet|starten|starttermin|start|kinostart|deutschlandstart|serienstart|erscheint|erscheinen|läuft|laufen|"
    r"kommt|kommen|premiere(?! weeks?\b)|ausgestrahlt|ausstrahlung|zu sehen|verschoben|neustarts?)\b"
)
PREMIERE = _PREMIERE.pattern
PREMIERE_SCAN = _PREMIERE
# The verbs that schedule a release: "set for June", "pencilled in for a spring release".
_SCHEDULING = (r"\b(?:announc\w*|confirm\w*|set|sets|setting|slated|dated|schedul\w*|reschedul\w*|"
               r"booked|pegged|pencil+ed|locked|planned|targeted|picked|earmarked|slotted)\b")
# Festivals known by their names alone: "The film half of South by Southwest opens Friday".
_FESTIVALS = r"sxsw|south by southwest|sundance|tribeca|telluride|berlinale"
_OTHER_EVENT = CaselessScan(
    r"\b(?:film(?:ing|ed)|shoot(?:ing|s)?|shot|re-?shoots?|re-?shot|adr|post-?production|dubbing|(?<!co-)production|wrap(?:s|ped)?|renew(?:al|ed|s)?|trailers?|teasers?|"
    r"pick(?:ed)?[- ]?up|list|guide|roundup|round-up|newsletter|bulletin|countdown|livestream|live stream|"
    r"cameras? (?:(?:are|is|will|set|to|be|start|begin|due|expected|aren['’]t|isn['’]t|won['’]t|not)\s+){0,3}"
    r"(?:roll|rolls|rolling|rolled)|"
    r"roll(?:s|ing)? cameras|(?:principal|additional|second[- ]unit) photography|"
    r"graphic|poster|key art|artwork|images?|photos?|stills|(?:a|an|the|first|new|official|production|one|this) still|"
    r"banner|billboard|wordmark|logo|title card|"
    r"soundtrack|album|single|score|vinyl|podcast|blu-?ray|dvd|4k|digital (?:release|download)|home (?:release|"
    r"video|entertainment)|box set(?!s? (?:on|via) )|merch\w*|toys?|"
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|final|last|later|remaining|that|this) "
    r"episodes?|"
    r"episodes? (?:two|three|four|five|six|seven|eight|nine|ten)|weekly (?:from|after|thereafter)|then weekly|"
    r"(?:the )?rest of (?:the |its )?(?:run|season|series|episodes)|"
    r"encore|repeat(?:s|ing|ed)?|reruns?|re-?air\w*|expo|ccxp|took the stage|on stage|"
    r"regular (?:weekly )?(?:slot|time ?slot|time period|run)|weekly slot|"
    r"clip|footage|first look|panel|comic-con|d23|tudum|fan event|(?<!premiere )event|festival|world premiere|"
    rf"{_FESTIVALS}|"
    # "a premiere at the Venice festival", "premiered in Toronto"; not "will premiere in the fall" (nor
    # its masked "in the ####")
    r"(?:red[- ]carpet )?premiere (?:at|in) (?!(?:the )?(?:#|(?:fall|autumn|spring|summer|winter|early|late|mid|"
    r"first|second|third|fourth|final|last|new|coming|next|holiday|holidays|beginning|start|end|middle|run-up|"
    r"lead-up|weeks?|days?|months?|years?|quarter|half|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|\d)\b))(?:the )?[a-z]\w*|ordered|orders? (?:a|another)|screenings?|"
    r"sneak(?: peeks?)?|early[- ]access|previews?|earnings|interview|birthday|anniversary|emmys?|"
    r"award (?:show|ceremony)|awards(?! season)|golden globes?|oscars?|nominat\w+|"
    r"screened (?:for|to) (?:the )?(?:exhibitors|press|critics|journalists|buyers|cinema owners)|"
    # ("Book 2" is an installment's name; "without an announcement" is none)
    r"ceremony|box office|tickets?|pre-?sales?|novel|book(?! (?:[1-9]|one|two|three|four|five)\b)|published|game|"
    r"comic|manga|webtoon|episode \d+|"
    # a platform names a game: "Death Stranding 2: On the Beach (PS5): 26 June 2025"
    r"ps[345]|xbox(?: series [xs]| one)?|nintendo switch(?: 2)?|"
    r"died|death|born|casting|cast|(?<!without an )(?<!without any )announcement|announced on|convention|"
    r"upfronts?|deal|founded|"
    # (a press site or kit is where a date is read, not an event)
    r"press(?! (?:site|page|kit|notes?|materials?|office|room))|"
    r"tour(?! (?:film|movie|documentary|special))|concert(?! (?:film|movie|documentary|special))|"
    # (a cinema's "showtimes", not the network Showtime)
    r"show(?:s|ed)? (?:at|in)|show(?:s|ed|ing)? off|kicked off|visit|on sale|showtimes|ended|ends|finale|showcase|"
    r"(?:drama|comedy|slate|programme|program|autumn|spring|fall|winter|summer) launch(?:es)?|"
    # "Fall premiere week starts the week of September 21": the networks' calendar, not a title's
    r"premiere week|"
    r"writers['’]? room|table read|read-?through|auditions?|casting call|"
    r"conference|presentation|keynote|summit|cinemacon|investors?|call|investigation|allegations?|lawsuit|"
    r"strike|walkout|merger|acquisition|hearing|trial|election|debate|marketing|campaign|press tour|"
    r"promotion(?:al)?|publicity|(?:will|to|would|['’]ll) (?:officially )?(?:announce|reveal|unveil|confirm))\b"
)
OTHER_EVENT = _OTHER_EVENT.pattern
OTHER_EVENT_SCAN = _OTHER_EVENT
# "instead of" and "rather than" deny only their object (see status_of), not the clause.
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|won['’]t|isn['’]t|aren['’]t|wasn['’]t|doesn['’]t|don['’]t|didn['’]t|"
    r"can['’]t|cannot|no|nor|neither|anymore|any longer|nicht|kein|keine|keinen|nie)\b",
    re.I,
)
_MOVED_FROM = re.compile(
    r"\b(?:mov(?:e|es|ed|ing)|push(?:es|ed|ing)?|delay(?:s|ed|ing)?|shift(?:s|ed|ing)?|bump(?:s|ed|ing)?|"
    r"postpon(?:e|es|ed|ing)|pull(?:s|ed|ing)?|slid(?:e|es|ing)?|slip(?:s|ped|ping)?|vacat(?:e|es|ed|ing)|"
    r"abandon(?:s|ed|ing)?|drop(?:s|ped|ping)?|relocat\w+|reschedul\w+|swap(?:s|ped|ping)?|trad(?:e|ed|es)|"
    r"exit(?:s|ed)?|leav(?:e|es|ing)|left|switch(?:es|ed)?|chang(?:e|es|ed|ing)|off|remov(?:e|es|ed|ing)|"
    # "takes Hijack off the slate" removes; "Hijack takes off a fortnight today" launches it.
    r"yank(?:s|ed|ing)?|strip(?:s|ped|ping)?|t(?:ake|akes|ook|aken|aking)(?!\s+off\b))\b[^;]{0,120}?"
    r"\b(?:from|off|out of)\s+"
    r"(?:(?:its|the|a|an|their|his|her|original|previous|earlier|old|planned|prior)\s+)*"
    r"(?:[\w.,'’-]+\s+){0,3}$",
    re.I,
)
# German moves name their old date with "vom"/"von" and the new one with "auf": "wanderte vom 27.
# November auf den 22. November".
_DE_MOVED_FROM = re.compile(r"\b(?:vom|von)\s+(?:(?:ursprünglichen|bisherigen|geplanten)\s+)?$", re.I)
_DE_MOVED_TO = re.compile(r"\bauf\s+(?:den\s+|das\s+|die\s+)?$", re.I)
_DE_MOVE_VERB = re.compile(r"\b(?:verschob\w*|verschoben|verlegt\w*|wanderte|wandert|rückt\w*|vorgezogen|"
                           r"zog\w*|verschiebt|geändert)\b", re.I)
_ORIGINALLY = re.compile(
    # ("As previously announced, the anime premieres on January 11" says it again: no former plan.)
    r"\b(?<!\bas )(?:originally|initially|previously|formerly|ursprünglich|eigentlich|zunächst|bisher)\b"
    r"(?!\s+(?:announced|reported|stated|revealed|confirmed),)|"
    r"\b(?:war|waren)\s+(?:[\w.]+\s+){0,6}?(?:geplant|angesetzt|vorgesehen|angekündigt)\b|"
    # (Not "the first original long-form series ... will now premiere": an Original is a kind of show.)
    r"\b(?:original(?!\s+(?:[\w-]+\s+){0,2}(?:series|film|movie|show|shows|programming|drama|comedy|content|"
    r"production|feature|documentary|anime)\b)|initial|previous|earlier|once|old|prior)\b"
    r"(?:(?!\bnow\b)[^;]){0,60}?\b(?:set|scheduled|slated|dated|planned|due|targeted|pegged|penciled|pencilled|"
    r"release date|date|slot|opening|premiere|plan|staked|calendar|aim\w*|target\w*)\b|"
    # "first dated for", not "the first two episodes premiere"
    r"\bfirst\s+(?:\w+\s+)?(?:set|scheduled|slated|slotted|dated|planned|announced|targeted|pegged|penciled|"
    r"pencilled)\b|"
    r"\bhad been\b|"
    r"\bhad (?:(?:originally|initially|first|already)\s+)?(?:set|scheduled|slated|slotted|dated|planned|pencil+ed|"
    r"targeted|earmarked|booked|announced)\b|"
    # "Sony had the film dated for June 12": what it had then
    r"\bhad\s+(?:[\w'’-]+\s+){1,3}?(?:set|scheduled|slated|dated|pencil+ed|booked|down)\s+(?:for|on|in)\b|"
    r"\b(?:was|were) (?:\w+ )?(?:set|scheduled|slated|dated|planned|due|supposed|lined up|booked|pegged|"
    r"penciled|pencilled|aiming|targeting|eyeing|headed)\b",
    re.I,
)
_RETRACTED_AFTER = re.compile(r"^[^;.]{0,40}?\b(?:(?:is|was) never (?:the|a|its|their) (?:plan|date)|"
                              r"(?:is|was) (?:a typo|an error|a mistake|a misprint))\b", re.I)
_ABANDONED_AFTER = re.compile(
    r"^[^;.]{0,60}?\b(?:(?:is|was|has been|were) (?:now )?(?:scrapped|abandoned|cancel+ed|vacated|dropped|"
    r"off|gone|no longer)|no longer|(?:date|slot|plan) (?:is|was) (?:off|dead|gone)|anymore|"
    r"(?:it|they) had been (?:holding|occupying|set|using)|off the (?:board|table|calendar|schedule)|"
    r"has no basis|(?:is|was) (?:false|wrong|made up|fake|not real|not true|incorrect|a hoax|baseless)|"
    r"isn['’]t (?:real|true|happening))\b",
    re.I,
)
# "the now-abandoned 14 March date", "its original June 4 slot": a date named as one that no longer holds.
_OLD_DATE_BEFORE = re.compile(r"\b(?:the|its|their|that)\s+(?:now[- ])?(?:abandoned|scrapped|axed|ditched|vacated|"
                              r"defunct|cancel+ed|old|former|original|previous|earlier)\s+$", re.I)
_DATE_NOUN_AFTER = re.compile(r"\s*(?:release |premiere |launch |opening |air )?(?:date|slot|window)\b", re.I)
# The date a change lands on: "to [the] X", "now ... X" ("to premiere in X" is an infinitive).
_CHANGE_TO = re.compile(r"\b(?:to|until|into|auf)\s+(?:(?:the|a|an|its|their|new|on|den|das|die)\s+)*$|"
                        r"\b(?:nun|jetzt|neu)\s+(?:[\w.,'’]+\s+){0,3}$|"
                        r"\b(?:now|new(?:ly)?|instead|replaced by|in favou?r of)\s+(?:[\w.,'’]+\s+){0,3}$", re.I)
# ("will not premiere before 2028" says what "not until 2028" does.)
_UNTIL = re.compile(r"\b(?:until|till|til|(?<=premiere )before|(?<=arrive )before|(?<=open )before|(?<=air )before|"
                    r"(?<=release )before|(?<=return )before|(?<=screens )before|(?<=back )before)\s+"
                    r"(?:(?:the|a|an)\s+)?(?:[\w.,'’]+\s+){0,1}$", re.I)
# Hedges.  "may" is one only in lowercase ("May 2" is a date), so it is matched apart.
_TENTATIVE_WORDS = (
    r"\b(?:expect(?:s|ed|ing)?|likely|unlikely|reports?|"
    # "according to the studio" attributes; "according to sources" hedges.
    r"according to (?:a |the |some |several |multiple |industry |unnamed )?(?:reports?|sources?|insiders?|rumou?rs?|"
    r"people|leaks?|scoopers?|trades?|whispers?)|probabl[ey]|possibl[ey]|possibility|"
    r"heard|hear(?:ing|s)?|i read|i saw|word is|apparently|supposedly|allegedly|a (?:mate|friend|source)|"
    r"my (?:mate|friend|source|cousin)|always|usually|typically|tends? to|traditionally|historically|"
    r"normally|at the (?:latest|earliest)|mark my words|calling|my money|my gut|gut says|hunch(?:es)?|"
    r"aim(?:s|ing|ed)? (?:for|at|to)|hop(?:es|ing) (?:for|to)|"
    r"perhaps|maybe|might|"
    r"could|would|rumou?r(?:s|ed)?|speculat\w*|reportedly|report(?:s|ed)? (?:say|suggest|claim)|guess\w*|"
    # "an estimated $95.5 million": a figure's estimate, not a hedge on any date
    r"predict\w*|estimat\w*(?!\s+(?:[$£€¥₹]|rs\.?\s|\d|(?:[\w.-]+\s+)?(?:million|billion|crore|lakh)))|assum\w*|"
    # "ending hopes of a holiday launch" hopes for nothing
    r"believe[sd]?|think|thinks|reckons?|suspect\w*|"
    r"(?<!ending )(?<!dashing )(?<!crushing )(?<!killing )hope\w*|hoping|should|"
    r"plausible|realistic(?:ally)?|feasible|"
    # "Our read: ... a launch this summer looks realistic": the writer's own reading
    r"(?:our|my) (?:read|reading|take|hunch)|"
    r"bet|betting|eye(?:s|ing|d)?|target(?:s|ing|ed)?|tipped|penciled|pencilled|tentative\w*|placeholder|"
    r"unconfirmed|unofficial(?:ly)?|sometime|circa|leak\w*|insiders?|floated|suggest\w*|tba|tbd|"
    r"claim(?:s|ed|ing)?|tabloids?|gossip|(?:hard|difficult|tough) to (?:see|imagine|picture)|"
    # ("its planning points to next spring": an inference from the schedule, not a date)
    r"(?:signs|indications|everything|planning|plans|schedule|timing|calendar) points? to|early signs|said to be|"
    # "The corporation is understood to be looking at January": hearsay about a plan
    r"(?:is|are|was|were) understood to|looking at|"
    r"aiming|"
    r"(?:my|our|the smart) money(?:['’]s| is)? on|"
    r"sources? (?:say|says|said|tells?|told|close to)|we['’]re told|we hear|told (?:us|me)|"
    r"i['’]m told|i['’]ve been told|i was told|i hear|i['’]ve heard|"
    r"(?:i|we)['’]d (?:like|love)|(?:i|we) would (?:like|love)|(?:i|we) want (?:it|them) to|"
    r"per sources|we think|wager|if|whether|could be|potential(?:ly)?|"
    r"projected(?!\s+(?:[$£€¥₹]|rs\.?\s|\d|(?:[\w.-]+\s+)?(?:million|billion|crore|lakh)))|"
    # "the much-anticipated season" praises; "anticipated for spring" hedges
    r"(?<!much-)(?<!highly )(?<!eagerly )(?<!long-)(?<!much )(?<!hotly )anticipated|"
    r"voraussichtlich|vermutlich|angeblich|wahrscheinlich|gerüchte\w*|könnte|dürfte|"  # German
    r"odds|presumably|prediction|theory|fan theor\w+|not (?:yet )?(?:been )?(?:official|"
    r"confirmed|announced)|yet to be (?:confirmed|announced)|no official)\b"
)
_TENTATIVE = CaselessScan(_TENTATIVE_WORDS)
_MAY = re.compile(r"\bmay\b")  # no other hedge can overlap a lone "may": their matches just merge
# No ". ": sentences arrive split, so that is "Dr. ".  The conjunctions share one "\b" so that
# re tries them only at a word start and, as a CaselessScan, skips those of other initials.
_CLAUSE_BREAK = CaselessScan(
    r";|:\s|,\s+so\b|\s[–—]\s|,\s+(?:considering|given|including|following|with|after|before)\b|,\s+(?:and|which|who|when)\b|"
    r",\s+(?=where\b)|"
    # ", three weeks after season 2 premiered": a time measured from another event opens a clause of its own
    r",\s+(?=(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+(?:days?|weeks?|"
    r"months?|years?)\s+(?:after|before|later|earlier)\b)|"
    # ", ending months of speculation": a participle opens a phrase of its own ("according to" does not).
    r",\s+(?=[a-z]{3,}ing\b)(?!according|regarding|concerning|including|starring|featuring)|"
    r"\b(?:and\s+(?:the|its|their)\s+(?=\w+\s+(?:is|are|will|was|has|\w+s)\b)|"
    r"and\s+(?:will|is|are|would|could|should|may|might|it|they|then)\b|"
    r"but\b|while\b|whereas\b|however\b|although\b|though\b|so that\b|so as to\b|in order to\b|because\b|"
    # "HBO's announcement only says the season is coming in 2026": what is said is a clause of its own.
    r"(?:says|said|states|stated|notes|noted|reads)\s+(?:that\s+)?(?=(?:the|it|its|they|their|this|these)\s))"
)
# ("we can't wait for audiences to see it this fall" is eager, not negative.)
_NOT_NEGATING = re.compile(r"\b(?:not only|no matter|no doubt|not just|no later than|can['’]t wait|cannot wait|"
                           r"couldn['’]t be (?:happier|prouder|more excited)|nicht vor|nicht früher als|"
                           r"nicht nur)\b", re.I)
_NOT_UNTIL = re.compile(r"(?:\bnot|n['’]t|\bno)\b[^;]{0,80}\buntil\b|\bnicht vor\b|\bnicht früher als\b|"
                        r"(?:\bnot|n['’]t)\s+(?:be\s+)?(?:premiere|arrive|open|air|release|return|back|"
                        r"on\s+(?:our\s+|your\s+|tv\s+)?screens)\s+before\b", re.I)


# Each family: its words, and a case-sensitive pattern matched alongside them.
_FAMILIES: dict[str, tuple[CaselessScan, re.Pattern[str] | None]] = {
    "premiere": (_PREMIERE, None), "other": (_OTHER_EVENT, None), "tentative": (_TENTATIVE, _MAY)}


@dataclass(frozen=True)
class Verdict:
    status: Status
    why: str
    weak: bool = False  # a denial only by "originally"/"had been": a present statement outranks it


# "If you are looking for something else this weekend, X went live today": an opening condition
# addressed to the reader is a clause of its own, up to its comma.
_OPENING_IF = re.compile(r"\s*(?:if|when|whether)\s+(?:you|we|fans|viewers|readers)\b[^,;:]{0,100}(,\s)", re.I)


@lru_cache(maxsize=4096)
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    spans = _CLAUSE_BREAK.spans(sentence)
    if opening := _OPENING_IF.match(sentence):
        spans = sorted([opening.span(1), *spans])
    return tuple(spans)


@lru_cache(maxsize=8192)
def _matches(name: str, sentence: str) -> tuple[tuple[int, int, str], ...]:
    """All matches of one cue family in a sentence (shared by every date and target)."""
    words, cased = _FAMILIES[name]
    spans = words.spans(sentence)
    if cased is not None:
        spans = sorted(spans + [m.span() for m in cased.finditer(sentence)])
    return tuple((start, end, sentence[start:end]) for start, end in spans)


def clear_caches() -> None:
    _breaks.cache_clear()
    _matches.cache_clear()


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: between the nearest breaks on either side."""
    left, right = 0, len(sentence)
    for b_start, b_end in _breaks(sentence):
        if b_end <= start:
            left = b_end
        elif b_start >= end:
            right = b_start
            break
    return left, right


def _nearest(name: str, text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, str] | None:
    hit = _nearest_span(name, text, start, end, lo, hi)
    return (hit[0], hit[3]) if hit else None


def _nearest_span(name: str, text: str, start: int, end: int, lo: int, hi: int
                  ) -> tuple[int, int, int, str] | None:
    """(distance, start, end, word) of the cue of a family nearest the date."""
    best: tuple[int, int, int, str] | None = None
    for m_start, m_end, word in _matches(name, text):
        if m_start < lo or m_end > hi:
            continue
        if m_start < end and m_end > start:
            continue  # the date's own words ("Release date: ...")
        dist = start - m_end if m_end <= start else m_start - end
        if best is None or dist < best[0]:
            best = (dist, m_start, m_end, word)
    return best


_TELLS = re.compile(r"told (?:us|me)|tells? us|we['’]re told", re.I)
_OFFICIAL_TELLER = re.compile(r"\b(?:spokes(?:person|man|woman)|representative|publicist|press office|(?:the|a) "
                              r"(?:studio|network|streamer|distributor|broadcaster)|executive|president|"
                              r"showrunner|director)\s+(?:also\s+|has\s+|had\s+)?$", re.I)
_WHICH_BEFORE = re.compile(r"\b(?:which|that|who)\s+$", re.I)
_NEXT_SENTENCE = re.compile(r"[a-z)][.!?]\s+[A-Z]")
_ONLY_AFTER = re.compile(r"[,;:–—]\s*(?:just|only|but|except)\b|"
                         # "has not put a date on it beyond 'later in the autumn'": what it did say
                         r"\b(?:beyond|other than|besides|apart from|except|more (?:precise|specific|exact) than)"
                         r"\s+(?:the\s+|a\s+)?[\"“‘']?[\w\s]{0,20}$", re.I)
_NOTHING_SUBJECT = re.compile(r"\b(?:none|nothing)\s+(?:of\s+(?:it|them)\s+)?(?:will|would|is|are|has|have|should|"
                              r"can|could)\b", re.I)
_NOTE_STAMP = re.compile(r"\s*\)\s*:")
_EVENT_NOUN_BEFORE = re.compile(r"\b(?P<noun>trailers?|teasers?|clips?|featurettes?|posters?|first look|footage|"
                                r"panel|finale|episodes?)\s*(?:,\s*|\s+(?:is|are|was|now|also|still)\s+)?$", re.I)
_ANNOUNCE = re.compile(r"(?:will|to|would|['’]ll) (?:officially )?(?:announce|reveal|unveil|confirm)", re.I)
_EVENT_NOUN = re.compile(r"trailers?|teasers?|clip|footage|first look|panel|event|fan event|festival|world premiere|"
                         rf"{_FESTIVALS}|"
                         r"list|guide|roundup|round-up|newsletter|countdown|livestream|live stream|"
                         r"screenings?|sneak(?: peeks?)?|previews?|finale|tickets?|filming|shoot|re-?shoots?|"
                         r"(?<!co-)production|"
                         r"episode \d+|episodes? (?:two|three|four|five|six|seven|eight|nine|ten)|"
                         r"(?:that|this|next|final|last|second|third|fourth|fifth|sixth|later) episodes?|"
                         r"(?:the )?rest of (?:the |its )?(?:run|season|series|episodes)|"
                         r"convention|showcase|presentation|encore|"
                         r"(?:drama|comedy|slate|programme|program) launch|"
                         r"writers['’]? room|table read|read-?through|auditions?|"
                         r"repeats?|reruns?|poster|graphic|trial|hearing|inquest|inquiry|election|"
                         r"banner|key art|image|images|stills?|photos?|pictures|soundtrack|album|single|vinyl|blu-?ray|"
                         r"dvd|book|novel|game|"
                         r"awards?|ceremony", re.I)
# ("... and opened in cinemas on 6 March": the verb may stand before the release word it shares.)
_COORDINATED = re.compile(r"\b(?:and|but|then)\s+(?:\w+ly\s+)?(?:[a-z]+(?:ed|s)\s+)?$", re.I)
# "the trailer of Ayan Mukerji's Brahmastra": a maker's possessive may stand before the title.
_OF_TITLE = re.compile(r"\s*(?:for|of|from|to|at|on|about|behind|into|inside)\s+(?:the\s+)?"
                       r"(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s?\s+)?$")


_PREPOSITION_BEFORE = re.compile(r"(?:^|[,;:]\s*)\W*(?:at|during|after|following|ahead of|before|since|because of|"
                                 r"due to|owing to|amid|despite|thanks to)\s+"
                                 r"(?:(?:the|a|an|its|their|this|last|[\w'’-]+)\s+){0,4}$", re.I)
_FIRST_EPISODES = re.compile(r"\b(?:episodes? (?:one|1)(?:\s*(?:to|through|-|–|and)\s*(?:two|three|four|[2-4]))?|"
                             r"the first (?:two|three|four|[2-4]) episodes|the (?:first|opening|premiere) episode)"
                             r"\s+(?:(?:will\s+)?(?:arrive|drop|land|debut|stream|air)s?\s+)?(?:on|from)\s+$", re.I)
_SAME_DAY_AS_PLANNED = re.compile(r"\W*(?:the\s+)?(?:same|very)\s+(?:day|date)\b", re.I)
_NEW_PREDICATE = re.compile(r"\b(?:and|but|then)\b(?:,[^,]{1,40},)?\s+(?:\w+ly\s+)?(?:[a-z]{3,}ed|set|put|gave)\s+"
                            r"(?:the|its|their|a|an)\b", re.I)
_CLOSED_APPOSITIVE = re.compile(r",\s+(?:and|but|while|whereas)\s", re.I)
_APPOSITIVE_OPENS = re.compile(r"\s*(?:(?:season|series|part|volume|vol\.)\s+\w+\s*)?[\"”’']?\s*,", re.I)


_THAT_CLAUSE = re.compile(r"\s+that\b", re.I)


def _subject_is_other(sentence: str, other: tuple[int, int, int, str], prem: tuple[int, int, int, str],
                      start: int, protect: list[tuple[int, int]]) -> bool:
    """"The trailer will debut on Monday", "the first teaser for X premieres March 25":
    the event noun before the release verb is its subject, unless the title itself stands
    between them as a subject of its own ("After the trailer, X premieres ...")."""
    _, o_start, o_end, word = other
    _, p_start, _, _ = prem
    if not o_end <= p_start <= start:
        return False
    if _NOUN_OF_A_NOUN.match(sentence, o_end) or _SAID_THAT.search(sentence, o_end, p_start):
        # "the production committee", and "X and the production committee confirmed that season 2
        # will premiere ...": the noun is another's, or outside the clause the verb heads.
        return False
    if _COORDINATED.search(sentence, o_end, p_start) and any(p[1] <= o_start for p in protect):
        return False  # "X follows the finale and opens on ...": "opens" shares X as its subject
    if _NEW_PREDICATE.search(sentence, o_end, p_start):
        # "unveiled the first trailer overnight and, in the same breath, moved the sequel's release":
        # the noun is the object of the verb before; the release belongs to the next predicate.
        return False
    if _PREPOSITION_BEFORE.search(sentence, max(0, o_start - 40), o_start) and "," in sentence[o_end:p_start]:
        return False  # "At a press event last week, Apple TV+ confirmed ... won't arrive until 2027"
    if any(p[1] <= o_start and _APPOSITIVE_OPENS.match(sentence, p[1], o_start)
           and not _CLOSED_APPOSITIVE.search(sentence, p[1], o_start) for p in protect) \
            and "," in sentence[o_end:p_start]:
        # (An appositive closed before the noun, "X, the gothic horror, and the first trailer,
        # released yesterday", leaves the noun the verb's subject.)
        # "She-Hulk, starring Maslany as a lawyer who inherits Bruce Banner's condition, will
        # premiere ...": a noun inside the title's appositive is no subject of the verb.
        return False
    if _ANNOUNCE.fullmatch(word):
        # "will announce the premiere date on June 5": the date is the announcement's; but "used the panel to
        # announce that season 2 premieres January 5" says what was announced.
        return not _THAT_CLAUSE.match(sentence, o_end)
    if not _EVENT_NOUN.fullmatch(word):
        return False  # a verb ("was announced on May 2 and premieres ...") heads its own phrase
    between = sorted(p for p in protect if o_end <= p[0] and p[1] <= p_start)
    if between and sentence[o_end:p_start].lstrip().startswith(","):
        # "the trailer, cut by the show's editors, will premiere": a title inside the noun's own
        # appositive is not a subject between them.
        close = sentence.rfind(",", o_end, p_start)
        between = [p for p in between if p[0] > close]
    return not between or bool(_OF_TITLE.fullmatch(sentence[o_end:between[0][0]]))


# "the May 7 schedule", "Monday's update": a date set before a noun names the day that thing is of.
_DATED_NOUN = re.compile(r"(?:['’]s)?\s+(?:release\s+)?(?:schedule|calendar|slate|update|line-?up|list|announcement|"
                         r"report|memo|edition|issue|statement|press release|newsletter)\b", re.I)
_MEASURED_FROM_RELEASE = re.compile(
    # (not "a week after its festival premiere": the release itself may be measured from another event)
    r"\s*,\s*(?:a|an|one|two|three|four|five|six|\d+)\s+(?:days?|nights?|weeks?|months?)\s+(?:ahead of|before|"
    r"prior to)\s+(?:the|its|their)\s+(?:premiere|release|launch|debut|opening|bow)\b", re.I)
_TIME_TO_COME = re.compile(r"\s+(?:long\s+)?(?:weekend|week|weeks|month|months|year|years|days)\s+to\s+come\b", re.I)
_BETWEEN_NOW_AND = re.compile(r"\bbetween\s+(?:now|today|tonight|[\w-]+day)\s+and\s+$", re.I)
_GENERIC_RELEASE = re.compile(r"\b(?:even|typical(?:ly)?|normal(?:ly)?|usual(?:ly)?|standard|any|every)\s+"
                              r"(?:for\s+)?an?\s+$", re.I)
_BETWEEN_START = re.compile(r"\bbetween\s+$", re.I)
_AND_AFTER = re.compile(r"\s+and\s+\w", re.I)
_NOUN_OF_A_NOUN = re.compile(r"\s+(?:committee|company|companies|house|director|designer|team|partners?|"
                             r"executives?|chief|head|studio|manager|office|staff|crew|coordinator)\b", re.I)
_SAID_THAT = re.compile(r"\b(?:confirm\w*|announc\w*|said|says|reveal\w*|stated|states|reported|reports|"
                            r"added|noted|told\s+\w+)\s+(?:(?:on|this|last)\s+\w+\s+)?that\b", re.I)


# Most dates match none of event_of's patterns on the words before them.  These tests, on
# the lowered sentence (see casefold: offsets kept, no match lost; None, the trap letters,
# runs every pattern), rule a pattern out when it lacks what every match of it must hold.
# What every match holds or ends with, beside the pattern it rules out (tests/test_extract_precheck.py
# checks each pair on the labelled pages): edit the two together.
NOTHING_SUBJECT_HOLDS = ("none", "noth")
SCHEDULED_FOR_ENDS = ("for", "a", "an", "the")
SERVICE_LAUNCH_HOLDS = ("launch", "live", "out", "debut", "switches")
CITATION_ENDS = ("ed", "original", "on")  # "ed": retrieved, archived, accessed, published, updated, ...
AS_OF_ENDS = ("of", "at", "stand", "stand:")
AHEAD_OF_ENDS = ("of", "before", "after", "the")
OWN_SUBJECT_ENDS = ("on", "in")


def _holds(text: str | None, needles: tuple[str, ...], lo: int, hi: int) -> bool:
    """``text[lo:hi]`` may hold one of ``needles``."""
    return text is None or any(text.find(needle, lo, hi) >= 0 for needle in needles)


def _ends_with(low: str | None, start: int, endings: tuple[str, ...]) -> bool:
    """The text before ``start``, past its spaces, may end with one of ``endings``: a pattern
    ending in ``word\\s+$`` (re's \\s is str.isspace) ends just where the spaces begin."""
    if low is None:
        return True
    at = start
    while at and low[at - 1].isspace():
        at -= 1
    return low.endswith(endings, 0, at)


# What ``may_be_release`` looks for besides the release words: the scheduling verbs of "set
# for"; the words _PREMIERE matches only before a masked date ("out #", "gets #", "leaving #");
# and the verbs a date mention may open with (_OWN_VERB: "coming next year").
_RELEASE_BESIDES = CaselessScan(
    rf"{_SCHEDULING}[^.;]{{0,60}}?\bfor\b|"
    r"\b(?:follows?|out|takes?|taking|gets?|expect(?:s|ed|ing)?|leav(?:e|es|ing)|coming|arriving|returning|due)\b")


def may_be_release(sentence: str, previous: str) -> bool:
    """``event_of`` may find a date of ``sentence`` (unmasked, a paragraph's, after
    ``previous``) to be the release: it holds a release or scheduling word, or the sentence
    before does and names no other event.  Most dated sentences of ordinary prose hold neither,
    and skip the grammar."""
    return bool(_matches("premiere", sentence) or _RELEASE_BESIDES.search(sentence)
                or (previous and _matches("premiere", previous) and not _matches("other", previous)))


def event_of(sentence: str, start: int, end: int, schedule: bool, previous: str = "",
             protect: list[tuple[int, int]] | None = None, next_start: int | None = None,
             date_text: str = "") -> tuple[bool, str]:
    """Is the date about the release?  (ok, deciding word).

    ``previous`` is the sentence before: "Apple hasn't announced a streaming date.
    Our best guess is early 2024" speaks of the release without naming it.  ``next_start``:
    where the next date begins; an event word past this date and nearer that one is that
    one's ("opens on April 5, then weekly from April 12").  ``date_text``: the date as written
    (``sentence`` may have it masked).
    """
    lo, hi = clause_bounds(sentence, start, end)
    low = lowered(sentence)  # for the pre-checks: each holds for every match of its pattern
    if _holds(low, NOTHING_SUBJECT_HOLDS, lo, start) and _NOTHING_SUBJECT.search(sentence, lo, start):
        return False, "about 'none' of something"  # "none will come until after Christmas"
    if _NOTE_STAMP.match(sentence, end) and sentence[:start].rstrip().endswith("("):
        return False, "the time stamp of a note"  # "Mod note (Oct 23, 2024): Netflix moved ..."
    if _ends_with(low, start, SCHEDULED_FOR_ENDS) and _SCHEDULED_FOR.search(sentence, max(0, start - 70), start):
        after = _nearest_span("other", sentence, start, end, end, hi)
        if not _nearest("other", sentence, start, end, lo, start) and (
                after is None or _AT_EVENT.fullmatch(sentence, end, after[1]) or "," in sentence[end:after[1]]):
            # "was announced for June 4", "confirmed the season for June 4", "dated it for June 11,
            # 2027 at CinemaCon" (where it was dated); "set X for May 23, four years after the trilogy
            # ... into a summer event" (past the comma, another phrase)
            return True, "scheduled for"
    if _DATED_NOUN.match(sentence, end):
        # "Selected changes, May 7 schedule": the day a schedule or a list was issued.
        return False, "the date of a schedule or a list, not of a release"
    if _MEASURED_FROM_RELEASE.match(sentence, end):
        # "a preview screening ... on 12/08/2025, a week ahead of the premiere": not the premiere.
        return False, "measured from the release, so not it"
    if _TIME_TO_COME.match(sentence, end) or _BETWEEN_NOW_AND.search(sentence, max(0, start - 24), start) or (
            _BETWEEN_START.search(sentence, max(0, start - 10), start) and _AND_AFTER.match(sentence, end)):
        # "a Labour Day long weekend to come", "between now and next Monday", "what lands between today
        # and Sunday": a stretch of time.
        return False, "a stretch of time, not a release"
    if _GENERIC_RELEASE.search(sentence, max(0, start - 30), start):
        return False, "releases in general, not this one"  # "normal even for a February release"
    if _ANNOUNCED_ON.search(sentence, max(0, start - 30), start):
        return False, "the announcement's date"  # "confirmed today that ...", "announced on Tuesday"
    de = _DE_ANNOUNCED.search(sentence, end, hi)
    if de and not _PREMIERE.search(sentence[end:de.start()]):
        return False, "the announcement's date"  # "hatte den Starttermin bereits Ende Juli ... verkündet"
    # (A case-sensitive pattern: every match holds one of its verbs as written.)
    if _holds(sentence, SERVICE_LAUNCH_HOLDS, max(0, start - 70), start) and \
            _SERVICE_LAUNCH.search(sentence, max(0, start - 70), start):
        return False, "the service's own launch"  # "HBO Max itself launches in the US next Wednesday"
    if _ends_with(low, start, CITATION_ENDS) and _CITATION.search(sentence, max(0, start - 40), start):
        return False, "a reference's date"  # "Netflix. Retrieved November 4, 2023.", "Archived from the original on"
    if _ends_with(low, start, AS_OF_ENDS) and _AS_OF.search(sentence, max(0, start - 12), start):
        return False, "a point of reference ('as of')"
    if sentence[end:end + 2] in ("'s", "’s") and _AFTER_EVENT.search(sentence, max(0, start - 20), start):
        return False, "a point of reference ('after tonight's opener')"
    if _ends_with(low, start, AHEAD_OF_ENDS) and _AHEAD_OF.search(
            sentence, max(0, start - 40), start) and not _SLOT_AFTER.match(sentence, end):
        return False, "a point of reference ('two weeks ahead of')"
    other_hi = hi
    if next_start is not None:
        # Past a comma before the next date, the words lead up to that date.
        comma = re.compile(r"[,;(]").search(sentence, end, next_start)
        other_hi = min(hi, comma.start() if comma else next_start)
    # "coming next year": the grammar reads the verb as part of the date; it is the release word.
    own = _OWN_VERB.match(date_text)
    if own and (noun := _EVENT_NOUN_BEFORE.search(sentence, max(lo, start - 40), start)):
        # "trailer coming Tuesday", "the teaser, due Friday": the verb is the event noun's.
        return False, f"about {noun.group('noun')!r}, the subject of {own.group(0)!r}"
    prem = (0, own.group(0)) if own else _nearest("premiere", sentence, start, end, lo, hi) or _nearest(
        "premiere", sentence, start, end, 0, len(sentence))
    other = _nearest("other", sentence, start, end, lo, other_hi)
    if prem is not None and other is None and not own and not (
            lo <= sentence.lower().find(prem[1].lower()) < hi):
        # The release word sits in another clause; so may the event the date is about.
        other = _nearest("other", sentence, start, end, 0, len(sentence))
    elif prem is not None and other is not None and not own and \
            _nearest("premiere", sentence, start, end, lo, hi) is None:
        # "The teaser the BBC put on iPlayer in June, after its autumn drama launch": the date's own
        # clause names another event and no release; the release word is another clause's.
        return False, f"about {other[1]!r}, not the release"
    if prem is not None and _FIRST_EPISODES.search(sentence, max(0, start - 50), start):
        # "will release the episodes in batches: episodes one to three on March 3, episodes four to
        # six on March 10": the first episodes' day is the premiere, whatever later batches follow.
        return True, "the first episodes"
    if _WHERE_CLAUSE.match(sentence, lo) and not any(lo <= p_start < hi for p_start, _ in protect or []):
        # "a town called Ennis, where the sun sets in December and doesn't come back": the place's.
        return False, "about the place a where-clause describes"
    # (The subject pattern last: most clauses hold a release word.)
    if prem is not None and _nearest("premiere", sentence, start, end, lo, hi) is None and not any(
            lo <= p_start < hi for p_start, _ in protect or []) and _ends_with(low, start, OWN_SUBJECT_ENDS) and (
            subject := _OWN_SUBJECT.search(sentence[lo:start])):
        # "Polling is on 13 May, and films do not like to open then": a clause with a subject of
        # its own and no release word dates that subject.
        return False, f"about {subject.group('subj')!r}"
    if other is not None and not own:
        # "will release the adaptation of the graphic novel in 2023": the novel is what the
        # released work is made from, not an event.
        o_span = _nearest_span("other", sentence, start, end, lo, other_hi)
        p_span = _nearest_span("premiere", sentence, start, end, lo, hi)
        if o_span and p_span and p_span[2] <= o_span[1] < start and _MADE_FROM.search(sentence, p_span[2],
                                                                                       o_span[1]):
            other = None
    if prem is None and other is None and previous and not schedule:
        # The cached cue matches, not PREMIERE.search and OTHER_EVENT.search: every date of a
        # sentence asks this of the same previous sentence, and the first cached match is the
        # match that search finds, with its text as written.
        ctx = _matches("premiere", previous)
        if ctx and not _matches("other", previous):
            return True, f"context: {ctx[0][2]}"
    if prem is None:
        # A listing row has no release word; any event it names is what its date is for.
        other = other or _nearest("other", sentence, start, end, 0, len(sentence))
        if other is None:
            return (True, "schedule listing") if schedule else (False, "no release word")
        return False, f"about {other[1]!r}"
    nested = None if own else _nearest_span("premiere", sentence, start, end, lo, hi)
    if nested is not None and (around := next((word for o_start, o_end, word in _matches("other", sentence)
                                               if o_start <= nested[1] and nested[2] <= o_end
                                               and (o_start, o_end) != nested[1:3]), None)):
        # "in June, after its autumn drama launch": the nearest release word is part of another event's name.
        return False, f"about {around!r}, not the release"
    if other is not None and other[0] <= prem[0] and not _accompanies(sentence, start, end, lo, other_hi):
        return False, f"about {other[1]!r}, not the release"  # (equal: the release word is inside the event phrase)
    prem_span = _nearest_span("premiere", sentence, start, end, lo, hi)
    if prem_span is not None and prem_span[1] >= end and \
            (thing := _OBJECT_OF_RELEASE.match(sentence, prem_span[2])) and _RELEASES_A_THING.fullmatch(prem_span[3]):
        # "Sky today released the first-look images ...": the verb's object is what was released.
        return False, f"about {thing.group('noun')!r}, the object of {prem_span[3]!r}"
    leads = prem_span is not None and prem_span[1] >= end and not any(
        lo <= s < start for s, _e, _w in _matches("premiere", sentence)) and not _PLAN_FOR.search(
        sentence, max(lo, start - 12), start)  # "In July it moved ...", not "pencilled in for July"
    if prem_span and _MOVE.fullmatch(prem_span[3].split()[0]) and (
            leads or (prem_span[1] < start and not _MOVED_TO_OR_FROM.search(sentence, max(lo, start - 40), start)
                      # ("With Thursday's move, the lineup now runs ... X on Aug. 1": the move is a noun)
                      and not _NOUN_BEFORE.search(sentence, max(0, prem_span[1] - 12), prem_span[1]))):
        # "In July it moved the film to 8 December": July dates the move, not a release.
        return False, f"the date of the change ({prem_span[3]!r})"
    if _CALENDAR_FACT.search(sentence, max(0, start - 60), start):
        return False, "a fact of the calendar"  # "the first Tuesday of 2027 is January 5"
    if prem_span is not None and _OPEN.fullmatch(prem_span[3]) and _HOURS.match(sentence, end):
        return False, "opening hours"  # "Open today 10:00–17:00": the museum's, not a release
    # The sentence may arrive with its dates masked: the date as written says whether it is "today".
    if _DEICTIC.fullmatch(date_text.strip() if date_text else sentence[start:end]) and (
            prem_span is None or prem_span[0] > 20):
        # "took the stage today and confirmed ...": "today" is the news day unless a release
        # word governs it ("premieres today", "out tonight").
        return False, "the day of the news"
    if prem_span and _PLURAL_RELEASES.fullmatch(prem_span[3]) and \
            _PLURAL_DETERMINER.search(sentence, max(0, prem_span[1] - 25), prem_span[1]) and \
            not any(lo <= p_start < hi for p_start, _ in protect or []):
        # "Recent releases include X, Y and Z": several titles' releases, none of them named as ours.
        return False, f"about several {prem_span[3]!r}"
    # The nearest event word may follow the date ("the first teaser is scheduled to debut tomorrow
    # at the fan showcase"); the subject stands before the verb.
    for other_in_clause in (_nearest_span("other", sentence, start, end, lo, other_hi),
                            _nearest_span("other", sentence, start, end, lo, start)):
        if other_in_clause and prem_span and _subject_is_other(sentence, other_in_clause, prem_span, start,
                                                               protect or []):
            return False, f"about {other_in_clause[3]!r}, the subject of {prem_span[3]!r}"
    if other is None and prem_span is not None and _PARTICIPLE_CUE.fullmatch(prem_span[3]) and \
            not sentence[lo:prem_span[1]].strip(" ,") and (lead := _other_cue_led(sentence, lo)):
        # "The BBC is repeating all six episodes on BBC Two, starting this Sunday", "... before the
        # re-release screenings, starting Oct. 30": the participle goes on with the event its
        # sentence opened with, or the one just before it.
        return False, f"about {lead!r}, which {prem_span[3]!r} continues"
    bare_date = prem_span is not None and prem_span[3].lower() in ("date", "dated") and not _RELEASE_NOUN.search(
        sentence, max(0, prem_span[1] - 20), prem_span[1])
    strong = own is not None or any(lo <= s and e <= hi and not _NEUTRAL.fullmatch(w) and
                                    w.lower() not in ("date", "dated") for s, e, w in _matches("premiere", sentence))
    if other is not None and (_NEUTRAL.fullmatch(prem[1]) or bare_date) and not strong:
        # "Filming begins in June", "a graphic with a May 20 date": a word that dates or starts
        # anything belongs to the event named.
        return False, f"about {other[1]!r}, not the release"
    return True, prem[1]


# ", with Irish-language screenings carrying subtitles": what comes with the release, after its date.
# ... and ", to mark the film's 45th anniversary": the occasion the release is timed for.
_WITH_AFTER = re.compile(r"\s*,?\s*(?:with|plus|including|along with|alongside|(?:to|in order to)\s+(?:mark|celebrate|"
                         r"commemorate|honou?r|coincide with)|marking|celebrating|commemorating|in time for)\s+"
                         r"(?:[\w'’-]+\s+){0,3}")


def _accompanies(sentence: str, start: int, end: int, lo: int, other_hi: int) -> bool:
    """The nearest event word follows the date in a "with ..." phrase, and a release word
    governs the date from before it: the event comes with the release ("opens in cinemas ...
    on Friday 2 August, with Irish-language screenings")."""
    o_span = _nearest_span("other", sentence, start, end, lo, other_hi) or \
        _nearest_span("other", sentence, start, end, 0, len(sentence))
    p_span = _nearest_span("premiere", sentence, start, end, 0, start)
    return bool(o_span and p_span and o_span[1] >= end and _WITH_AFTER.fullmatch(sentence, end, o_span[1]))


# Verbs that release a thing as readily as a title, and the things ("dropped the first trailer").
_RELEASES_A_THING = re.compile(r"releas(?:e|es|ed|ing)|drop(?:s|ped|ping)?|debut(?:s|ed|ing)?|launch(?:es|ed|ing)?|"
                               r"unveil(?:s|ed|ing)?|premier(?:e|es|ed|ing)", re.I)
_OBJECT_OF_RELEASE = re.compile(
    r"\s+(?:(?:the|a|an|its|their|his|her|new|first|second|official|full|final|latest|two|three|some)\s+){0,3}"
    r"(?:[\w-]+\s+)?(?P<noun>trailers?|teasers?|first[- ]look(?:\s+(?:images|photos|stills|pictures))?|"
    r"images|photos|stills|pictures|posters?|footage|clips?|artwork|key art|featurettes?|soundtrack|single)\b", re.I)
_REPORTED_CLAIM = re.compile(r"^\W*(?:(?:the )?claim|rumou?r|myth|false|fake|misleading|unverified|viral post)\s*:",
                             re.I)
_CITATION = re.compile(r"\b(?:retrieved|archived(?: from the original)?|accessed|originally published|updated|"
                       r"last (?:modified|edited|updated|checked))\s+(?:on\s+)?$", re.I)
_MADE_FROM = re.compile(r"\b(?:adaptation|version|remake|retelling|reimagining|take|based)\s+(?:of|on)\b", re.I)
_ASKED_AFTER = re.compile(r"[^.!?;]{0,40}\?")
_OWN_VERB = re.compile(r"(?:coming|arriving|returning|due|out)\b", re.I)
# ("rather than on Hulu in the fall of 2026", "instead of opening in theaters on Nov. 21": a contrast
# may name the old service or verb and its window.)
_DENIED_BEFORE = re.compile(r"\b(?:(?:instead of|rather than|in place of)\s+(?:(?:the|its|a|an|on|in)\s+)*"
                            r"(?:[\w.,'’]+\s+){0,4}|"
                            r"(?:replacing|not|rul(?:e|es|ed|ing) out|leav(?:e|es|ing)|vacat(?:e|es|ed|ing)|statt|"
                            r"anstatt|anstelle|nicht mehr)\s+"
                            r"(?:(?:the|its|a|an|on|in|its)\s+)*(?:[\w.,'’]+\s+){0,2})$", re.I)
_WHERE_CLAUSE = re.compile(r"\s*where\s+(?!(?:it|they|he|she|we|you|i|its|their|this|that|these|those|"
                           r"the (?:film|movie|series|show|season|sequel))\b)\w+", re.I)
_OWN_SUBJECT = re.compile(r"^\W*(?P<subj>(?!(?:it|they|this|that|which|he|she|we|i|you|there)\b)"
                          r"[A-Za-z][\w'’ -]{1,60}?)"
                          r"\s+(?:is|are|was|were|falls?|fell)\s+(?:\w+\s+)?(?:on|in)\s+$", re.I)
# A streaming service that launches with no object launches itself, not a title.
_SERVICE_LAUNCH = re.compile(
    rf"(?:\b(?:{alternation((*STREAMERS, 'Disney', 'Paramount'))}|"
    r"[Tt]he (?:new\s+)?(?:service|streamer|platform|app))|\b[A-Z][\w]*(?:\s[A-Z][\w]*)?\+)"
    r"(?:\s+itself)?\s+(?:(?:will|is\s+set\s+to|officially)\s+)?(?:launch(?:es|ed)?|goes\s+live|went\s+live|"
    r"rolls\s+out|rolled\s+out|debuts|debuted|switches\s+on)\s+(?:in\s+(?:the\s+)?[A-Z][\w.]*\s+)?"
    r"(?:on\s+|in\s+)?(?:#[#\s]*,\s*)?$")  # "next Wednesday, a week from today": one day said twice
# "puts it two weeks ahead of the Thanksgiving frame": the date it is measured from
_AHEAD_OF = re.compile(r"\b(?:\w+|a|an)\s+(?:days?|weeks?|months?)\s+(?:ahead of|before|after|clear of)\s+(?:the\s+)?$",
                       re.I)
_AFTER_EVENT = re.compile(r"\b(?:after|before|following|ahead of|until)\s+$", re.I)
_SLOT_AFTER = re.compile(r"\s+(?:date|slot|release date|opening)\b", re.I)  # "ahead of the July 15 date it held"
# German puts the participle last: "hat ... Ende Juli mit einem Teaser verkündet" dates the announcement.
_DE_ANNOUNCED = re.compile(r"\b(?:verkündet|angekündigt|bekanntgegeben|bekannt gegeben|bestätigt|enthüllt)\b", re.I)
_AS_OF = re.compile(r"\b(?:as of|as at|stand:?)\s+$", re.I)  # German "Stand: 28.11."
# Verbs only: "slated for", not "a thinner slate for next year".
_AT_EVENT = re.compile(r"\s*,?\s*(?:at|during|on stage at|onstage at)\s+(?:(?:the|its|a|an|this|last)\s+)?"
                       r"(?:[\w'’.-]+\s+){0,3}", re.I)
_SCHEDULED_FOR = re.compile(rf"{_SCHEDULING}[^.;#]{{0,60}}?\bfor\s+(?:(?:a|an|the)\s+)?$", re.I)
_DEICTIC = re.compile(r"(?:today|tonight|yesterday|this (?:morning|afternoon|evening))", re.I)
_ANNOUNCED_ON = re.compile(r"\b(?:announc|confirm|reveal|unveil|said|says|told|report|declar|tweet|post)\w*\s+"
                           r"(?:(?:the|its|their|a|an)\s+(?:[\w-]+\s+){0,2}?(?=on\s+))?"
                           r"(?:on\s+|this\s+|earlier\s+|late\s+)?$", re.I)
_RELEASE_NOUN = re.compile(r"\b(?:premiere|release|launch|air|debut|opening|streaming|arrival|return|street|"
                           r"broadcast)\s+$", re.I)
_PLURAL_RELEASES = re.compile(r"releases|premieres|dates|debuts|openings|slots|launches|arrivals", re.I)
_PLURAL_DETERMINER = re.compile(r"\b(?:the|recent|new|upcoming|other|these|those|their|theatrical|fall|spring|"
                                r"summer|winter|holiday|weekend|premiere|release|several|many|some|all|more|"
                                r"today['’]s|this week['’]s|\d{4}['’]?s?)\s+$", re.I)


def _cue_at(sentence: str, word: str, lo: int) -> int:
    at = sentence.lower().find(word.lower(), lo)
    return at if at >= 0 else sentence.lower().find(word.lower())


_NOUN_BEFORE = re.compile(r"(?:['’]s|\b(?:the|this|that|its|their|a|latest|last))\s+$", re.I)
_PLAN_FOR = re.compile(r"\b(?:for|to|until|till)\s+(?:the\s+)?$", re.I)
_MOVED_TO_OR_FROM = re.compile(r"\b(?:to|from|until|till|for|into|off|out of|now|back|up|forward|ahead|by)\b"
                               r"[^.;]{0,30}$", re.I)
_OPEN = re.compile(r"open(?:s|ed)?", re.I)
_CALENDAR_FACT = re.compile(r"\b(?:first|second|third|fourth|last|final|next)\s+(?:monday|tuesday|wednesday|thursday|"
                            r"friday|saturday|sunday|weekend)\s+(?:of|in|after)\s+[^,;]{1,25}?\s+"
                            r"(?:is|was|will be|falls on)\s+(?:on\s+)?$", re.I)
_HOURS = re.compile(r"\s*,?\s*(?:from\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[–—-]|to|until)\s*"
                    r"\d{1,2}(?:[:.]\d{2})?", re.I)
_PARTICIPLE_CUE = re.compile(r"starting|beginning", re.I)


def _other_cue_led(sentence: str, hi: int) -> str:
    """The event word ("other" family) that is the first or the last cue before ``hi``, or ""."""
    cues = sorted((start, name, word) for name in ("premiere", "other")
                  for start, end, word in _matches(name, sentence) if end <= hi)
    return next((word for _, name, word in (cues[:1] + cues[-1:]) if name == "other"), "")


_NEUTRAL = re.compile(r"begins?|kicks? off|starts?|starting|beginning|watch|catch|due|expected|come|comes|coming|out|"
                      r"rumou?red|eyeing|eyes|targeting|aiming|tipped|hop(?:es|ing) to release|expect.*", re.I)


_NOW = re.compile(r"\b(?:now|new(?:ly)? (?:set|dated|scheduled|date)|replaced by|moved up to|in favou?r of|"
                  r"has (?:since )?(?:moved|shifted)|instead)\b", re.I)
_TO = re.compile(r"\b(?:to|until|till|for)\s+(?:(?:the|a|its|their|new|on)\s+)*(?:[\w.,'’]+\s+){0,2}$", re.I)
_MOVE = re.compile(r"\b(?:mov|push|delay|shift|bump|postpon|slid|slip|swap|chang|reschedul|relocat)\w*", re.I)
PAST_EVENT = re.compile(r"\b(?:opened|premiered|debuted|aired|began|started|launched|released|arrived|ended|"
                        r"wrapped|bowed|closed|landed|dropped|decided|happened|took place|"
                        r"kicked off|renewed|celebrated|changed|ordered|back in|ago)\b", re.I)


_FUTURE_AUX = re.compile(r"\b(?:will|would|could|should|may|might|shall|to|is|are|be|being|gets?|getting)"
                         r"(?:\s+\w+)?\s+$", re.I)
_PAST_FORM = re.compile(r"\w+ed|began|came|ran|hit|bowed|went|was|were|had", re.I)


_WHERE_PHRASE = re.compile(r"(?:in|on|at|to|into)\s", re.I)


def past_tense_before(sentence: str, start: int, end: int) -> bool:
    """The release verb governing the date is in the past ("opened in November"), or the
    clause is history without one ("That changed in May, when FX ordered ...")."""
    lo, hi = clause_bounds(sentence, start, end)
    verb = None
    verb_at = 0
    for m_start, m_end, word in _matches("premiere", sentence):
        # "opened in theaters on March 28": "in theaters" says where, the verb says when.
        if lo <= m_start and m_end <= start and not (verb is not None and _WHERE_PHRASE.match(word)):
            verb, verb_at = word, m_start
    if verb is not None:
        if _FUTURE_AUX.search(sentence, max(lo, verb_at - 25), verb_at):
            return False  # "will be released", "is expected to be dated"
        if verb.lower() in ("date", "slot") and _PAST_GIVING.search(sentence, lo, verb_at):
            return True  # "A24 first gave the film a date in January": the giving is what January dates
        return bool(_PAST_FORM.fullmatch(verb.split()[0])) and verb.lower() not in ("dated", "scheduled", "slated")
    return bool(PAST_EVENT.search(sentence, lo, hi))


_PAST_GIVING = re.compile(r"\b(?:gave|handed|assigned|awarded)\s+(?:\w+\s+){0,4}?(?:a|an|the|its|their)\s+"
                          r"(?:[\w-]+\s+)?$", re.I)


def moved_before(sentence: str, start: int) -> bool:
    """A move verb stands before the date ("moved it from Sept. 18 to Aug. 14"): its tense
    dates the decision, not the release."""
    return bool(_MOVE.search(sentence, 0, start))


def change_score(sentence: str, start: int) -> int:
    """2: the sentence marks this date as the current one ("now", "new date");
    1: a move lands on it ("moved to"); 0: a plain statement."""
    lo, _ = clause_bounds(sentence, start, start)
    before = sentence[lo:start]
    if _NOW.search(before) or _NOW.search(sentence[max(0, start - 40):start]):
        return 2
    if _MOVE.search(sentence[:start]) and _TO.search(sentence[max(0, start - 40):start]):
        return 1
    return 0


_UNDATED = re.compile(
    r"\b(?:sets? no (?:new )?date|no new (?:release |premiere )?date|without a (?:new )?(?:release |premiere )?date|"
    r"(?:delayed|postponed|pulled|shelved|on hold|paused|halted) indefinitely|"
    r"indefinitely (?:delayed|postponed|shelved)|"
    r"until further notice|off (?:its|the|their) (?:release )?(?:calendar|schedule|slate)(?: altogether)?|"
    r"(?:has|have) no (?:new )?(?:release |premiere )?date|no longer has a (?:release )?date|"
    r"(?:has|have) not (?:yet )?set a new (?:release |premiere )?date|without (?:setting|naming) a new date|"
    r"(?:will not|won['’]t) be made|(?:has been|was|is|have been|were) (?:officially )?cancell?ed|"
    r"cancels|axes|scraps|pulls the plug on|"
    r"(?:is|are) (?:now )?undated|(?:remains?|stays?|remained|stayed) undated|"
    # "has yet to name a new date", "no replacement has been set", "a new date will be announced
    # in due course": a postponement that leaves the title without a date
    r"(?:has|have) yet to (?:set|name|announce|give|confirm|pick|choose|reveal|assign|select) "
    r"(?:\w+ )?(?:a |an )?(?:new |replacement |revised )?(?:release |premiere |opening |launch )?date|"
    r"no replacement (?:date )?(?:has been|was|is) (?:set|given|named|announced|chosen)|"
    r"(?:a |the )?new (?:release |premiere )?date (?:will be|is to be|to be) (?:announced|confirmed|set|revealed|"
    r"determined|shared)|"
    r"(?:an|a later,?) (?:unspecified|undetermined|unannounced) (?:later )?date|"
    r"(?:a )?date to be (?:announced|confirmed|determined)|"
    r"(?:date|slot) is (?:now )?gone|"
    # "Disney pulls 'Mulan' from release schedule": a headline drops its articles
    r"(?:remov|pull|yank|strip)\w*\s+(?:[^.;]{0,40}?\s+)?(?:from|off)\s+(?:the\s+|its\s+|their\s+)?(?:release\s+)?"
    r"(?:calendar|schedule|slate))\b",
    re.I,
)


def undated(sentence: str) -> bool:
    """The sentence says the title has no date now ("sets no new date", "delayed indefinitely",
    "off its release calendar altogether")."""
    return bool(_UNDATED.search(sentence)) and not _NOT_NEGATING_UNDATED.search(sentence)


# "no new date yet, but it opens in May": a date given in the same breath stands.
_NOT_NEGATING_UNDATED = re.compile(r"\b(?:but|however)\b[^.;]{0,60}\b(?:opens?|premieres?|arrives?|now)\b", re.I)


def former_plan(sentence: str, start: int) -> bool:
    """"had been lined up for October 1", "was originally set for": a plan stated as it was,
    whose date was ahead when it was made."""
    lo, _ = clause_bounds(sentence, start, start)
    return bool(_ORIGINALLY.search(sentence[lo:start]))


# A modal hedges its own clause ("That would be X, which Netflix will release on April 19").
_MODAL = re.compile(r"would|could|might|may|should|can|könnte|dürfte", re.I)
# "Fans guessed it months ago, and now Netflix has made it official: ...": the guess is over.
_MADE_OFFICIAL = re.compile(r"\b(?:made it official|it['’]s official|now official|(?:has|have) (?:now )?"
                            r"(?:officially )?(?:confirmed|announced)|officially (?:confirmed|announced))\b", re.I)
# ", we're told, final run": a parenthetical hedge after the date qualifies the word it sits by.
_PARENTHETICAL = re.compile(r",\s*[^,]{0,25},", re.I)
_SPEAKERS_DOUBT = re.compile(r",\s*(?:I|we)\s+(?:think|believe|guess|reckon|assume|hope)\s*,", re.I)


# A reporting verb in the past moves "will" to "would"; what sources say stays a rumour.
_REPORTED_THAT = re.compile(r"(?<!sources )(?<!insiders )(?<!source )(?<!report )(?<!reports )"
                            r"\b(?:said|announced|confirmed|revealed|stated|added|promised|told\s+\w+)\s+"
                            r"(?:only\s+|on\s+\w+\s+|today\s+|yesterday\s+)?(?:that\s+)?"
                            r"(?:it|they|the\s+(?:(?:new|next|second|third|fourth|fifth|final|last|upcoming)\s+)?"
                            r"(?:film|movie|series|show|season|sequel))\s+$", re.I)


_NEXT_THAT = re.compile(r"\b(?:and|but|or) that\b", re.I)


def _hedge(sentence: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """The hedge that scopes over the date, if any."""
    for m_start, m_end, word in sorted(_matches("tentative", sentence), key=lambda m: abs(m[0] - start)):
        if m_end > hi or (m_start < end and m_end > start):
            continue
        if m_start < lo and _MODAL.fullmatch(word):
            continue
        if m_start < lo and (opening := _OPENING_IF.match(sentence)) and m_end <= opening.start(1):
            continue  # "If you are looking for something else this weekend, X went live today": the reader's
        if m_start >= end and _MODAL.fullmatch(word) and "," in sentence[end:m_start]:
            continue  # "startet am 26. Dezember, eine dritte soll 2025 folgen": the modal is the next one's
        if m_start >= end and _MODAL.fullmatch(word) and _NEXT_THAT.search(sentence, end, m_start):
            continue  # "would not be on screens until 2026 and that there would be no ...": the next report's
        if " | " in sentence[min(m_end, start):max(m_start, end)]:
            continue  # "| 1 | TBA | Fri 1/17": another cell's word
        if m_end <= start and _MADE_OFFICIAL.search(sentence, m_end, start):
            continue
        if word.lower() == "would" and m_end <= start and _REPORTED_THAT.search(sentence, max(0, m_start - 80),
                                                                                m_start):
            continue  # "Warner said that the film would arrive next year": reported speech's "will"
        if _TELLS.fullmatch(word) and _OFFICIAL_TELLER.search(sentence, max(0, m_start - 40), m_start):
            continue  # "a Universal spokesperson told us": the studio's word, not hearsay
        if m_start >= end:
            comma = sentence.rfind(",", end, m_start)
            close = sentence.find(",", m_end)
            if comma >= 0 and 0 <= close - m_end <= 3 and _PARENTHETICAL.fullmatch(sentence, comma, close + 1) \
                    and not (not sentence[end:comma].strip() and _SPEAKERS_DOUBT.fullmatch(sentence, comma,
                                                                                          close + 1)):
                # ... but "from the 14th of December, I think, on JTBC": the speaker doubts the date.
                continue
        return word
    return None


_LOST_SINCE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+)?been\s+(?:postponed|delayed|pushed|moved|cancel+ed|"
                         r"pulled|shelved|scrapped|called off)\b", re.I)


def status_of(sentence: str, start: int, end: int, next_start: int | None = None) -> Verdict:
    """Status of the date at ``sentence[start:end]`` from the cues that scope over it.

    ``sentence`` should have its date mentions masked so that "May 2" is not the verb
    "may"; ``next_start`` is where the next date begins (a cue after the date reaches
    no further).
    """
    lo, hi = clause_bounds(sentence, start, end)
    after_hi = min(hi, next_start) if next_start is not None else hi
    before = sentence[lo:start]
    if _MOVED_FROM.search(sentence[:start]) and re.search(r"\b(?:from|off|out of)\s+(?:[\w.,'’-]+\s+){0,6}$",
                                                          sentence[max(0, start - 60):start], re.I):
        m = _MOVED_FROM.search(sentence[:start])
        return Verdict("denied", f"moved away from: {m.group(0)[:40].strip() if m else 'from'}")
    if _DENIED_BEFORE.search(before) and not _UNTIL.search(before):
        return Verdict("denied", "negated: " + before[-30:].strip())
    if _DE_MOVED_FROM.search(sentence, max(0, start - 20), start) and _DE_MOVE_VERB.search(sentence):
        return Verdict("denied", "moved away from (vom)")
    former = _ORIGINALLY.search(before)
    if former and _WHICH_BEFORE.search(sentence, max(0, lo + former.start() - 12), lo + former.start()) and \
            "," in before[former.end():]:
        former = None  # "The film, which had been set for Aug. 28, will now open on Feb. 19": the old date's clause
    if former and not _CHANGE_TO.search(sentence[max(lo, start - 25):start]):
        # "originally scheduled for 13 November, has been postponed": the sentence says the day is lost.
        return Verdict("denied", f"former date: {former.group(0)!r}", weak=not _LOST_SINCE.search(sentence, end))
    if _RETRACTED_AFTER.search(sentence[end:after_hi]):
        # "September 18 was never the plan", "... was a typo": a correction outranks any statement of it.
        return Verdict("denied", "retracted: " + sentence[end:hi][:40].strip())
    if _ABANDONED_AFTER.search(sentence[end:after_hi]) and not _SAME_DAY_AS_PLANNED.match(sentence, end):
        # (", the same day it had been set to open in cinemas": the day stays, the platform changes)
        return Verdict("denied", "abandoned: " + sentence[end:hi][:40].strip())
    if (old := _OLD_DATE_BEFORE.search(before)) and _DATE_NOUN_AFTER.match(sentence, end):
        # "advertising the now-abandoned 14 March date", "the original June 4 slot"
        return Verdict("denied", "an old date: " + old.group(0).strip())
    # A negation reaches the dates of its own clause ("not this year, but 2023" denies only
    # this year); "not until 2023" states the earliest date rather than denying it.
    neg = _NEGATION.search(before)
    if neg and not _UNTIL.search(sentence[lo:start]) and not _NOT_NEGATING.search(before) and \
            not _ONLY_AFTER.search(before, neg.end()) and not _NEXT_SENTENCE.search(before, neg.end()):
        # ("Release date: Not announced. Netflix says 2026.": a row's next sentence is not negated.)
        # "No date in the presentation, just 'this fall' on the slide": "just" states what there is.
        return Verdict("denied", f"negated by {neg.group(0)!r}")
    if _REPORTED_CLAIM.match(sentence):
        return Verdict("tentative", "a claim being checked, not a fact")
    hedge = _hedge(sentence, start, end, lo, hi)
    if hedge is not None:
        return Verdict("tentative", f"hedged by {hedge!r}")
    if sentence.rstrip(" \"'”’)").endswith("?") or _ASKED_AFTER.match(sentence, end):
        return Verdict("tentative", "asked, not stated")  # "... coming this year? Don't hold your breath"
    if _NOT_UNTIL.search(sentence[lo:start]):
        return Verdict("confirmed", "not until (earliest official)")
    return Verdict("confirmed", "stated as fact")
