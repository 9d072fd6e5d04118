"""Whose date is it?  Sentences that name the watched title and still date another.

English gives a date to the subject of its clause.  A sentence about the
watched title's *slot* may date the film that takes it ("In its place, Warner
is putting X, which will now open on May 21"; "Y now opens on Nov. 7 in
Blade's place"), an ordinal noun phrase names a sibling in a franchise ("the
third film now opens Dec. 19" on a page about the fourth), and a plural
subject is several titles at once ("two Marvel films dated for 2026", "They
now open in 2023, 2025 and 2027").  Each rule here is such a statement about
English; ``claims.py`` asks them before it gives a date to the target.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from premiere_watch.extract.casefold import CaselessScan, lowered
from premiere_watch.extract.companies import NETWORKS, REGIONAL, STREAMERS, STUDIOS, alternation
from premiere_watch.extract.titles import Mention, TitleMatcher, foreign_subject, is_title_case, subject_verb
from premiere_watch.model import Target

if TYPE_CHECKING:
    from premiere_watch.extract.page import Block

_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
           "eighth": 8, "ninth": 9, "tenth": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
           "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5,
           "vi": 6}

# -- the target named without its name -------------------------------------------------------

# "it", "the film", "the BBC's flagship natural history series": a definite noun phrase of the
# target's kind points back to it.  Words that set a work apart ("the other film", "the first
# series", "the original") make it another one.
_KIND_NOUNS = {"film": r"film|movie|picture|feature|biopic|documentary",
               "tv": r"series|show|season|new season|drama series|docuseries|miniseries"}
_ANY_KIND = r"release|adaptation|drama|comedy|thriller|installment|project|title|musical|special"
_SETS_APART = (r"other|another|first|original|previous|earlier|last|second|third|fourth|fifth|next|former|prior|"
               r"sister|companion|rival|competing|upcoming|new|same")
SEQUEL_REF = re.compile(r"\b(?:the|this|its|a|their|[A-Z][\w.-]*['’]s)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:sequel|follow-up|second (?:film|movie|installment))\b", re.I)
_SEQUEL_NAME = re.compile(r"\b(?:[2-9]|ii+|iv|part (?:two|three|four|[2-9]|ii+))\b|:", re.I)


def is_sequel(target: Target) -> bool:
    """The target's name makes it a sequel ("Dune: Part Two", "Hocus Pocus 2"): "the sequel" may be it."""
    return any(_SEQUEL_NAME.search(n) for n in target.names)


def anaphora_for(target: Target, sequel: bool | None = None) -> CaselessScan:
    """What points back to the target in a sentence that does not name it.  ``sequel``: the
    target is one (by default, when its name says so).  Scanned in every sentence: a
    CaselessScan (see ``casefold``), so its matches' groups read lowercased."""
    # Without a season the target may be a film or a whole series (a documentary series, a
    # new show): both kinds of noun may point back to it.
    kinds = _KIND_NOUNS["tv"] if target.season is not None else f"{_KIND_NOUNS['film']}|{_KIND_NOUNS['tv']}"
    sequel = is_sequel(target) if sequel is None else sequel
    nouns = f"{kinds}|{_ANY_KIND}" + ("|sequel|follow-up" if sequel else "")
    modifiers = rf"(?:(?!(?:{_SETS_APART})\b)[\w'’-]+\s+){{0,4}}?"
    # "the series 1 finale" is a season, not "the series" pointing back; nor is "the film half of
    # South by Southwest" the film: the noun there modifies the one after it.
    return CaselessScan(rf"\b(?:the|this|that|its|his|her|their)\s+{modifiers}(?:{nouns})\b(?!\s+\d)"
                        rf"(?!\s+(?:{_COMPOUND_HEADS})\b)|"
                        r"\b(?:it|it['’]s|its)\b")


_COMPOUND_HEADS = (r"half|festival|fest|industry|world|business|crew|critics|community|market|slate|lineup|line-up|"
                   r"programme|program|section|school|society|club|awards|buffs?|rights|studio|company|division")


# "the same day as X", "a week before X", "opposite X": X is named only to be compared with.
_COMPARED = re.compile(r"\b(?:(?:same|that) (?:day|date|week|weekend|night|slot|time) as|(?:day|week|month|weekend)s? "
                       r"(?:before|after|ahead of)|than|opposite|against|up against|alongside|competing with|"
                       r"clash(?:es|ing)? with|head[- ]to[- ]head with|like|unlike|facing|faces|rival)\s+"
                       r"(?:(?:the|[A-Z][\w.&+]*['’]s?)\s+)?$", re.I)


def compared(sentence: str, start: int) -> bool:
    """The title at ``start`` is named only as what something else is compared with."""
    return bool(_COMPARED.search(sentence, max(0, start - 40), start))


# "The six-part thriller set in a mining town premieres ...": a definite description of a work,
# modifiers and all, that sets nothing apart ...
DEFINITE_WORK = re.compile(rf"\b(?:the|this)\s+(?:(?!(?:{_SETS_APART})\b)[\w'’-]+\s+){{0,3}}?"
                           r"(?:film|movie|sequel|series|show|season|feature|follow-up|drama|comedy|thriller|"
                           r"documentary|docuseries|miniseries|anime|musical|biopic|adaptation|mystery|western|"
                           r"horror|romance|sitcom|procedural|epic|satire)\b(?!\s+\d)", re.I)
# ... and one whose subject is set apart from the title ("The other thriller in the slate",
# "The previous drama from its writers") is about another work.
OTHER_WORK_LEAD = re.compile(r"^\W*(?:the|its|their|[A-Z][\w.-]*['’]s)\s+(?:[\w'’-]+\s+){0,2}?"
                             r"(?:other|another|previous|earlier|former|prior|rival|competing|sister|companion)"
                             r"\s+(?:[\w'’-]+\s+){0,2}?"
                             r"(?:film|movie|series|show|drama|comedy|thriller|documentary|special|feature|"
                             r"miniseries|anime|musical|biopic|adaptation|mystery|western|horror|sitcom)\b", re.I)


_OTHER_KIND = {"tv": re.compile(r"\b(?:the|this|that)\s+(?:film|movie|feature)\b", re.I),
               "film": re.compile(r"\b(?:the|this|that)\s+(?:series|show|season)\b(?!\s+\d)", re.I)}


def other_kind(sentence: str, target: Target) -> bool:
    """"The film's second trailer" on a page about a series' season is about some film.  A
    target without a season may be a film or a whole series, so nothing is another kind."""
    return target.season is not None and bool(_OTHER_KIND["tv"].search(sentence))


# -- other titles named in a sentence ---------------------------------------------------------

# A date, not a name: "June 14", "14 June", "Sunday", and a press release's "SUNDAY, JUNE 14".
_MONTHISH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|"
                       r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|"
                       r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
                       r"\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?\s+\d|"
                       r"\b(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b")
_CAP = r"[A-Z0-9][\w'’&.*-]*"
_SMALL = r"(?:of|the|and|a|an|in|on|at|to|for|from|x|&|vs\.?|de|la|le)"
_DATE_TAIL = re.compile(rf"(?:\s+(?:{_SMALL})\b)*\s*(?<![\w'’&.*-])"
                        r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))")
_CAP_RUN = rf"{_CAP}(?:\s+(?:{_SMALL}\s+)*{_CAP})*"
# "Avengers: Doomsday", "Captain America: Brave New World": a capitalised name with a subtitle.
_SUBTITLED = re.compile(rf"\b{_CAP_RUN}:\s+{_CAP_RUN}")
# "the DC film The Flash", "the IT prequel Welcome to Derry", "the documentary special Winter
# Markets of Jeonju": a work noun introduces the name after it.
_WORK_NOUN = (r"film|movie|series|show|sequel|prequel|spin-?off|drama|comedy|documentary|docuseries|special|"
              r"thriller|adaptation|feature|miniseries|anime|musical|biopic|remake|reboot|franchise|blockbuster|"
              r"rom-?com|mystery|whodunn?it|western|horror|satire|romance|epic|sitcom|procedural|caper|tentpole")
_NAME = rf"[A-Z][\w'’&.*-]*(?:\s+(?:{_SMALL}\s+)*{_CAP})*"  # a name opens with a letter: "series 1" is no title
_INTRODUCED = re.compile(rf"\b(?:{_WORK_NOUN})s?\s*,?\s+(?P<name>{_NAME})")
# "The trailer for Apple's Northern Static": a company's own capitalised name is a title.
_COMPANYS = re.compile(rf"\b(?:{alternation(STREAMERS + NETWORKS + STUDIOS)})['’]s\s+"
                       # (not its "Phase Four", its "Chief Content Officer" or its "Q3 Earnings")
                       r"(?!(?:Phase|Slate|Universe|Cinematic|Chief|Head|President|CEO|Co-|Q\d|Fiscal|Annual|"
                       r"Upfront|Investor|Earnings|Board|Senior|Executive|Vice)\b)"
                       r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:of|the|and|&|[A-Z][\w'’-]*)){0,4}(?<![\s,]))")
# "Skeleton Crew, the Jude Law adventure series, which is due December 3": what "which" is about.
# The name right before ", which", or before an appositive of it ("X, the ... series, which").
_WHICH = re.compile(rf"(?P<name>{_NAME})(?P<app>,\s(?:the|a|an|its|his|her|their)\s[^,]{{1,80}})?,\s+which\b")
# "On the Rocks, the Sofia Coppola movie it is co-releasing": a name its appositive calls a work.
_APPOSED_WORK = re.compile(rf"(?P<name>(?!(?:In|On|At|For|After|Before|From|By|With|Since|Until|Over|During|Like|"
                           rf"Unlike|Meanwhile|Elsewhere|Also|And|But|So|Then|Now|Today|Here|There)\b){_NAME}),\s+(?:the|a|an|its|his|her|their)\s+"
                           rf"(?:(?!(?:the|a|an|that|which|who|it|its)\b)[\w'’.-]+\s+){{0,4}}?"
                           rf"(?:{_WORK_NOUN})\b")
# "Another untitled Star Wars film", "a new Marvel series": an indefinite work is not a named one.
# Scanned in every sentence: a CaselessScan (see ``casefold``).
_INDEFINITE = CaselessScan(rf"\b(?:another|an?\s+(?:untitled|new|different|rival|competing|separate|second|third))"
                           rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{_WORK_NOUN}|project|title|installment)\b"
                           # "a Christmas rom-com that lands before Halloween": some work, described
                           rf"|\ban?\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_WORK_NOUN})s?\s+"
                           r"(?=that\b|which\b|who\b|coming\b|out\b|due\b|arriving\b|opening\b)")
_NOT_TITLES = re.compile(r"(?:(?:exclusive|update|updated|breaking|report|watch)\s*:\s+)?"  # a wire label
                         rf"(?:The\s+)?(?:(?:{alternation(STREAMERS + NETWORKS + STUDIOS)}){REGIONAL}|"
                         r"I|We|It|He|She|They|This|That|These|Those|There|Season \d+|Part \w+|Episode \d+|"
                         r"Volume \d+|Vol\.? \d+|Chapter \w+|Act \w+|Book \w+|Staffel \d+|Teil \w+|"
                         r"(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Septem|Octo|Novem|Decem)ber|"
                         r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                         # places a release is dated for: "in the US, which is 12pm AEDT on Thursday here"
                         r"US|U\.S\.|USA|UK|U\.K\.|EU|America|North America|Europe|Australia|Canada|Britain|"
                         r"Ireland|India|Japan|Korea|South Korea|Germany|France|Spain|Italy|Mexico|Brazil|"
                         r".*\b(?:Studios?|Pictures|Features|Entertainment|Television|Networks?|Films|Media|Channel|TV|"
                         r"Deutschland|International|Productions|Animation|Distribution|Releasing|Group|Inc\.?|"
                         r"Ltd\.?))", re.I)


# A quoted card or tagline, not a title: "‘Coming 10/17’", "‘Only in Cinemas’".
_QUOTED_NOT_TITLE = re.compile(r"\d[/.]\d|^(?:coming|out|now|available|streaming|only|in cinemas|in theaters|"
                               r"premieres?|arrives?|returns?|watch|on release|still showing|also out)\b|"
                               r"\b(?:today|tomorrow|tonight)\b", re.I)
_QUOTE_CHARS = re.compile(r"[‘“„\"]|(?:^|\s)'")
_QUOTED = re.compile(r"(?:‘(?P<a>[A-Z0-9][^‘’“”\n]{0,60}?)’|[“„](?P<b>[A-Z0-9][^‘’“”„\n]{0,60}?)[,.]?[”“]|"
                     r"\"(?P<c>[A-Z0-9][^\"\n]{0,60}?)[,.]?\"|(?:(?<=\s)|^)'(?P<d>[A-Z0-9][^'\n]{0,60}?)'(?=[\s,.:;!?]|$))")


def _title_cased(name: str) -> bool:
    """Every longer word of a title starts with a capital (or is no word): "No Time to Die"."""
    return all(w[0].isupper() or not w[0].isalpha() for w in name.split() if len(w) > 3)


def emphasized_titles(phrases: Iterable[str], matcher: TitleMatcher) -> list[str]:
    """Italic/bold/quoted phrases of a block that look like titles other than the target."""
    out = []
    for phrase in phrases:
        if len(phrase) < 2 or len(phrase) > 80 or len(phrase.split()) > 8 or not phrase[0].isupper() \
                or phrase.rstrip().endswith(":"):
            continue  # a title is a name, not a sentence
        if matcher.find(phrase):
            continue
        if _MONTHISH.search(phrase) or re.fullmatch(r"[\d\s,./:'’-]+", phrase):
            continue
        if not _title_cased(phrase) or _QUOTED_NOT_TITLE.search(phrase):
            continue  # bold lead-ins are sentences: "On release from tomorrow", "Still showing"
        if _NOT_TITLES.fullmatch(phrase.strip(" :.")):
            continue  # "Volume 1", "Netflix": a part or a company, not a title
        out.append(phrase)
    return out


def page_titles(blocks: Iterable[Block], matcher: TitleMatcher) -> list[str]:
    """The titles other than the target that a page sets in italics (or bold, or quotes) in its
    main text: the page names them so once, and in plain type after ("Frankenstein — official teaser")."""
    return list(dict.fromkeys(name for b in blocks if b.zone == "main"
                              for name in emphasized_titles(b.emphasized, matcher)))


def _quoted_titles(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the quoted names in ``text`` that look like titles: trade papers quote them
    ("‘Matrix 4’ Grabs May 2021 Slot")."""
    for m in _QUOTED.finditer(text) if _QUOTE_CHARS.search(text) else ():
        group = next(g for g in "abcd" if m.group(g) is not None)
        name = m.group(group)
        if len(name.split()) <= 6 and _title_cased(name) and not _QUOTED_NOT_TITLE.search(name):
            yield m.span(group)


def _another_title(name: str, matcher: TitleMatcher) -> bool:
    """A name that may be another title: not a company, a part, a month, nor the target."""
    return not (_NOT_TITLES.fullmatch(name) or _MONTHISH.match(name) or matcher.find(name))


def headline_titles(headline: str, matcher: TitleMatcher) -> list[str]:
    """Titles other than the target that a headline quotes ("Disney Sends 'Black Widow' to
    Premier Access, Slides 'Shang-Chi' to September"): the body names them without quotes."""
    names = (headline[start:end].strip(" ,.") for start, end in _quoted_titles(headline))
    return [name for name in names if _another_title(name, matcher)]


# "Release: Sony still has it in cinemas on ...": a field's label and its value, not a subtitled name.
_FIELD_LABELS = frozenset({"update", "note", "editor's note", "release", "release date", "released", "premiere",
                           "premiere date", "status", "network", "studio", "distributor",
                           # a timeline's time labels: "Yesterday: HBO announced that ..."
                           "yesterday", "today", "tonight", "tomorrow", "now", "earlier", "later", "meanwhile",
                           "this week", "last week", "next week", "monday", "tuesday", "wednesday", "thursday",
                           "friday", "saturday", "sunday",
                           # a title page's badges: "New Season: Season 2 Premieres Wednesday, April 22, 2026"
                           "new season", "new series", "new episodes", "coming soon", "now streaming", "up next"})


def other_titles(sentence: str, phrases: list[str], matcher: TitleMatcher,
                 mentions: list[Mention]) -> list[tuple[int, int]]:
    """Spans of titles other than the target in a sentence: emphasized ``phrases``, subtitled
    names, names a work noun introduces, what a "which" clause is about, and indefinite works."""
    spans = []
    for phrase in phrases:
        idx = sentence.find(phrase)
        if idx >= 0 and not _MADE_FROM_WORK.search(sentence, max(0, idx - 40), idx):
            spans.append((idx, idx + len(phrase)))

    def add(start: int, end: int) -> None:
        if tail := _DATE_TAIL.search(sentence, start, end):
            end = tail.start()  # "North America on April 8, which ...": a name ends where a date begins
            if end <= start:
                return
        if any(start < t.end and t.start < end for t in mentions):
            return  # the target itself
        if _MADE_FROM_WORK.search(sentence, max(0, start - 40), start):
            return  # "the sequel to 2019's Captain Marvel": named as what the subject comes from
        if _another_title(sentence[start:end], matcher):
            spans.append((start, end))

    for m in _SUBTITLED.finditer(sentence) if ":" in sentence else ():  # every match has its colon
        head = m.group(0).split(":")[0]
        label = head.strip().lower()
        # ("Officially: FX has said ...", "Realistically: ...": an adverb says how the rest is meant.)
        if len(head.split()) <= 5 and label not in _FIELD_LABELS and not re.fullmatch(r"[a-z]+ly", label):
            add(*m.span())
    for m in _INTRODUCED.finditer(sentence):
        add(*m.span("name"))
    for m in _COMPANYS.finditer(sentence) if "'" in sentence or "’" in sentence else ():
        add(*m.span("name"))
    for m in _WHICH.finditer(sentence) if "which" in sentence else ():
        if m.start("name") > 0 and sentence[m.start("name") - 1] not in " (\"“‘":
            continue
        if _DATE_TAIL.search(sentence, m.start("name"), m.end("name")):
            continue  # "... in North America on April 8, which puts it ...": "which" takes the date
        add(*m.span("name"))
    for m in _APPOSED_WORK.finditer(sentence) if ", " in sentence else ():
        if (m.start("name") == 0 or sentence[m.start("name") - 1] in " (\"“‘") and \
                not _DATE_TAIL.search(sentence, m.start("name"), m.end("name")):
            add(*m.span("name"))
    for start, end in _quoted_titles(sentence):
        add(start, end)
    for m in _INDEFINITE.finditer(sentence):
        before = sentence[max(0, m.start() - 3):m.start()]
        if not (mentions and "," in before and any(t.end <= m.start() for t in mentions)):
            add(*m.span())  # not "Halcyon Drift, a new Vireo+ series, ...": an appositive of ours
    return sorted(set(spans))


# -- the nearest name before a date -------------------------------------------------------------

# English puts the subject first: in "Glass Tide premieres May 2 and Halcyon Drift follows on June 4"
# each date belongs to the name nearest before it.  Only names of two or more capitalised words
# in sentence-case text count here (a one-word name may be anything), and people, places and
# companies are known by what stands around them.
_NAME_RUN = re.compile(rf"(?<![\w'’])[A-Z][\w'’&.*-]*(?:\s+(?:{_SMALL}\s+)*[A-Z0-9][\w'’&.*-]*)+")
_PERSON_CUE = re.compile(r"\b(?:director|directed by|star|stars|starring|actor|actress|creator|created by|showrunner|"
                         r"producer|produced by|writer|written by|composer|host|hosted by|narrated by|executive|ceo|"
                         r"chief|president|head|chair|co-?star|cast member|says|said|told|according to|by|"
                         r"plays|as)\s+$", re.I)
_PERSON_AFTER = re.compile(r"\s*(?:,\s*who\b|\s+(?:said|says|told|tells|added|explained|revealed|confirmed|"
                           r"announced|wrote|directs|directed|stars|starred|plays|played|returns as)\b|['’]s\b)",
                           re.I)
_MADE_FROM_WORK = re.compile(r"\b(?:sequel|follow-?up|prequel|spin-?off|remake|reboot|successor|companion|"
                             r"adaptation)\s+(?:to|of)\s+(?:(?:the|\d{4}['’]s|[\w.]+['’]s)\s+)?$", re.I)
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this|that)\s+$", re.I)
_EVENT_NOUN_AFTER = re.compile(r"\s+(?:launch|premiere|debut|release|return|drop|bow|opening|finale|rollout)\b", re.I)
_PLACE_CUE = re.compile(r"\b(?:in|at|across|throughout|around|from|to|into|outside|during|on|via)\s+(?:the\s+)?$",
                        re.I)
_NOT_NAMES = re.compile(r"(?:Season|Series|Part|Episode|Volume|Vol|Chapter|Act|Book)\b.*|.*\b(?:Day|Eve|Weekend|"
                        r"Week)|.*\+|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b.*")


def _described_work(text: str, name: str, end: int) -> bool:
    """"opens Edward Berger's Vatican thriller": a work of someone's, described, not named."""
    return bool(re.search(r"['’]s\b", name)) and bool(re.match(r"\s+[a-z]", text[end:]))


def nearest_name(sentence: str, lo: int, start: int, mentions: list[Mention], matcher: TitleMatcher,
                 described_to: int = 0) -> str:
    """The other title nearest before ``start`` in ``sentence[lo:start]``, when it stands after
    every mention of the target there and past ``described_to`` (the end of the target's
    appositive, whose names describe it): the date's subject, then, is that title; "" otherwise."""
    if is_title_case(sentence):
        return ""
    after = max([described_to, *(m.end for m in mentions if lo <= m.start < start)], default=lo)
    after = max(after, lo)
    best = ""
    for m in _NAME_RUN.finditer(sentence, after, start):
        name = m.group(0)
        if _NOT_TITLES.fullmatch(name) or _NOT_NAMES.fullmatch(name) or matcher.find(name) \
                or _MONTHISH.match(name):
            continue
        before = sentence[max(0, m.start() - 30):m.start()]
        if _PERSON_CUE.search(before) or _PLACE_CUE.search(before) or _PERSON_AFTER.match(sentence, m.end()):
            continue
        if _MADE_FROM_WORK.search(before):
            continue  # "the sequel to 2019's Captain Marvel will now open": the sequel opens
        if DETERMINER_BEFORE.search(before) and _EVENT_NOUN_AFTER.match(sentence, m.end()):
            continue  # "in an interview about the Rings of Power launch": a noun phrase, not a subject
        if _described_work(sentence, name, m.end()):
            continue
        # Only the subject of a release verb ("Glass Tide premieres", "with Glass Tide moving to",
        # "Glass Tide (May 2)"): a name merely standing there is anything at all.
        if not (_SUBJECT_OF.match(sentence, m.end()) or subject_verb(sentence, m.end())
                or _OBJECT_OF.search(sentence, max(0, m.start() - 25), m.start())):
            continue
        best = name
    return best


_OBJECT_OF = re.compile(r"\b(?:dat|set|slat|schedul|reschedul|releas|bring|brought|mov|push|pull|launch|open)\w*\s+$",
                        re.I)
_SUBJECT_OF = re.compile(r"\s*(?:\(\s*#|(?:will\s+|now\s+|also\s+|then\s+)*(?:moving|gets?|got|takes?|took|"
                         r"follows?|lands?|opens?|arrives?|premieres?|debuts?|returns?|hits?|drops?|bows?|"
                         r"launch(?:es)?|streams?|airs?|is\s+(?:set|dated|due|slated|scheduled|coming)|"
                         # "... series, The Calder Line, keeps its planned start date of Sunday, 19 January"
                         r",?\s*(?:keeps|kept|holds|held|retains|retained)\s+(?:its|their)\b)\b"
                         # "is also preparing Glass Harbor, due June 21": an appositive dates the name it follows
                         r"|,\s*(?:due|out|arriving|coming|opening|premiering|debuting|landing|"
                         r"(?:set|slated|dated|scheduled)\s+for)\b)",
                         re.I)


_CLAUSE_LEAD = re.compile(r"^[\s,;:–—-]*(?:(?:and|but|while|whereas|so|yet|or|then|meanwhile|also)\b[,\s]*)*")
# "dated Glass Tide for June 4", "is releasing Glass Tide on June 4": the object a release verb takes.
_OBJECT = re.compile(rf"\b(?:dat|set|slat|schedul|releas|launch|debut|premier|bring|brought|mov|push|pull|open)\w*\s+"
                     rf"(?P<name>[A-Z][\w'’&.*-]*(?:\s+(?:{_SMALL}\s+)*{_CAP})*)")


def clause_title(sentence: str, lo: int, hi: int, matcher: TitleMatcher) -> str:
    """The title a clause without the target is about: its subject ("but Glass Tide premieres
    June 4") or the object of its release verb ("Vireo+ also dated Glass Tide for June 4")."""
    clause = sentence[lo:hi]
    lead = _CLAUSE_LEAD.match(clause)
    body = clause[lead.end():] if lead else clause
    if foreign_subject(body, matcher):
        return body.split()[0] if body else ""
    for m in _OBJECT.finditer(clause):
        name = m.group("name")
        if _described_work(clause, name, m.end()):
            continue
        if not _NOT_TITLES.fullmatch(name) and not matcher.find(name) and not _MONTHISH.match(name):
            return name
    return ""


# -- the target's slot, taken by another title ------------------------------------------------

# "in its place", "in Blade's place": the T slot below is filled by the target's mention.
_PLACE_OF = re.compile(r"\bin\s+(?:(?P<pron>its|their)|(?P<name>T)['’]s?)\s+(?:old\s+|former\s+)?(?:place|stead|slot)\b"
                       r"|\b(?:in place of|instead of|replac(?:es|ed|ing)|supplant(?:s|ed|ing)?|bump(?:s|ed|ing)?)\s+"
                       # "instead of T, which moves to June 4": the which-clause gives T its new date
                       r"(?:the\s+)?(?P<obj>T)\b(?![^,;.]{0,24},\s*(?:which|who)\b)"
                       r"|\b(?:tak(?:es|ing|en)|took|inherit(?:s|ed|ing)?|gets?|got|grabs?|grabbed|claim(?:s|ed|ing)?|"
                       r"mov(?:es|ed|ing) into|land(?:s|ed|ing)? in)\s+(?:over\s+)?"
                       r"(?:(?P<pron2>its|their)|(?P<name2>T)['’]s?)"
                       # "takes T's June 4 date", "takes its coveted summer slot"
                       r"\s+(?:[\w,#-]+\s+){0,3}?"
                       r"(?:slot|date|spot|release date|berth|window|place)\b"
                       # "Its slot on 8 March goes to a repeat run of X"
                       r"|\b(?:(?P<pron3>its|their)|(?P<name3>T)['’]s?)\s+(?:[\w#,-]+\s+){0,4}?(?:slot|date|spot|berth|"
                       r"window)\b[^.;]{0,40}?\b(?:goes|went|passes|passed|falls|fell|is given|was given)\s+to\b"
                       # ... and "The 7 September slot will now go to a repeat run" after a sentence about it
                       r"|^\W*(?P<pron4>the)\s+(?:[\w#,-]+\s+){0,3}?(?:slot|berth|window)\b\s+(?:will\s+(?:now\s+)?go|"
                       r"now\s+goes|goes|has\s+gone|went|passes|is\s+given|will\s+be\s+given)\s+to\b",
                       re.I)


# Every match of ``_PLACE_OF`` holds one of these (lowercased): most sentences hold none,
# and a substring test is far cheaper than that pattern's scan.
_PLACE_WORDS = ("place", "stead", "slot", "replac", "supplant", "bump", "date", "spot", "berth", "window")


# Every match of ``_PLACE_OF`` also holds a possessive (the target's name spelled "T's", "its",
# "their"), a word that replaces, or "the" before a slot (read unmasked: "the Sept. 7 slot").
_SLOT_HOLDER = re.compile(r"['’]|\b(?:its|their|in place of|instead of|replac|supplant|bump)|"
                          r"\bthe\b.*\b(?:slot|berth|window)\b")


def may_take_slot(sentence: str) -> bool:
    """``slot_taken`` may hold for ``sentence``, read before its dates and names are masked
    (masks only blank characters out): "took place" or "the same time slot" cannot."""
    low = lowered(sentence)
    return low is None or (any(word in low for word in _PLACE_WORDS) and _SLOT_HOLDER.search(low) is not None)


def slot_taken(sentence: str, mentions: list[Mention], pronoun_is_target: bool) -> bool:
    """The sentence gives the target's slot to another title: its dates are the slot's, which
    the target no longer holds.  ``pronoun_is_target``: "its" would point back to the target
    (the sentence does not name it, and the previous one was about it)."""
    text = _with_target(sentence, mentions)
    low = lowered(text)  # (None: a letter IGNORECASE reads as another one; scan as it is)
    if low is not None and not any(word in low for word in _PLACE_WORDS):
        return False
    for m in _PLACE_OF.finditer(text):
        if m.group("name") or m.group("obj") or m.group("name2") or m.group("name3"):
            return True
        if (m.group("pron") or m.group("pron2") or m.group("pron3") or m.group("pron4")) and pronoun_is_target:
            return True
    return False


def _with_target(sentence: str, mentions: list[Mention]) -> str:
    """The sentence with each mention of the target spelled "T" and padded to its length,
    so that patterns can name the target and offsets stay put."""
    out = sentence
    for m in sorted(mentions, key=lambda x: -x.start):
        out = out[:m.start] + "T" + " " * (m.end - m.start - 1) + out[m.end:]
    # "T   's" -> "T's": the padding sits between the name and its possessive.
    return re.sub(r"T(\s+)(['’]s?)\b", lambda x: "T" + x.group(2) + x.group(1), out)


# -- a sibling named by its place in the series ------------------------------------------------

_ORDINAL_WORK = re.compile(
    r"\b(?:the|this|that)\s+(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"next|previous|original|last|latest|final|new|upcoming|\d{1,2}(?:st|nd|rd|th))\s+"
    r"(?:\w+\s+)?(?P<noun>film|movie|installment|instalment|chapter|entry|sequel|picture|feature|part)s?\b|"
    # "a new 4K restoration of the original in cinemas": the first film, as a noun of its own
    r"\bthe\s+(?P<orig>original)(?=\s+(?:in|on|at|from|for|with|to|and|which|was|is|will|gets?|returns?)\b|[,.;])",
    re.I,
)
_NUM_IN_NAME = re.compile(r"(?:^|\s)(?:part\s+)?(?P<n>\d{1,2}|ii+|iv|vi?|two|three|four|five|six)\b|"
                          r"\bpart\s+(?P<w>one|two|three|four|five|six)\b", re.I)


def target_number(target: Target) -> int | None:
    """The installment number a film's name carries: "Avatar 4" -> 4, "Dune: Part Two" -> 2."""
    for name in target.names:
        m = _NUM_IN_NAME.search(name)
        if m:
            word = (m.group("n") or m.group("w")).lower()
            return int(word) if word.isdigit() else _NUMBER.get(word)
    return None


_PART = re.compile(r"\bPart\s+(?P<n>\d{1,2}|One|Two|Three|Four|Five|I{1,3}|IV|V)\b")


def _ordinals(sentence: str, lo: int, hi: int) -> list[tuple[str, int | None]]:
    out = []
    for m in _ORDINAL_WORK.finditer(sentence, lo, hi):
        word = (m.group("ord") or m.group("orig")).lower()
        out.append((m.group(0), _NUMBER.get(word) or (int(re.sub(r"\D", "", word)) if word[0].isdigit() else None)))
    return out


def own_installment(sentence: str, target: Target) -> bool:
    """"The fourth film" on a page about Avatar 4 is the target, named by its place."""
    number = target_number(target) if target.season is None else None
    return number is not None and any(n == number for _, n in _ordinals(sentence, 0, len(sentence)))


# "Whinmoor: Tup Night, a standalone Christmas special", "'Copper Sky: Ridgeback' spinoff": the
# name with a subtitle of its own, described as another work, is that work.
_SUBTITLED_WORK = re.compile(r"(?P<name>:\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w-]*)(?:,\s+(?:a|an|the|its)\s+"
                             r"(?:[\w-]+\s+){0,3}|[\"”’']?\s+)(?i:special|spin-?off|film|movie|documentary|prequel|"
                             r"sequel|podcast|short|play|musical|game|novel|book|album)\b")


# "the teaser for 'Copper Sky: Ridgeback'": a quoted name whose subtitle is no season or part.
_QUOTED_SUBTITLE = re.compile(r"(?P<name>:\s+(?!(?:Season|Series|Part|Chapter|Volume|Book)\b)"
                              r"(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w-]*)[\"”’']")


def subtitled_work(sentence: str, end: int, start: int | None = None) -> int | None:
    """Where the subtitle ends when the title's name ending at ``end`` goes on with a
    subtitle of its own and is described as another work, or quoted whole (its quote
    opening at ``start``); else None."""
    m = _SUBTITLED_WORK.match(sentence, end)
    if m is None and start and sentence[start - 1] in "\"“‘'":
        m = _QUOTED_SUBTITLE.match(sentence, end)
    return m.end("name") if m else None


def sibling(sentence: str, target: Target, lo: int, hi: int) -> str:
    """The installment the clause ``sentence[lo:hi]`` is about, when it is named by its
    place in the series and that is not the target's place ("the third film" on a page about
    Avatar 4); "" when nothing says so."""
    if target.season is not None:
        return ""  # a season is found by ``season_refs``
    number = target_number(target)
    if number is None:
        return ""
    for phrase, n in _ordinals(sentence, lo, hi):
        if (n is not None and n != number) or (n is None and phrase.split()[1].lower() == "original"):
            return phrase
    if any(re.search(r"\bPart\b", name) for name in target.names):
        # "Watch the final trailer for Part One" on a page about "Iron Psalm: Part Two"
        for m in _PART.finditer(sentence, lo, hi):
            word = m.group("n").lower()
            if (int(word) if word.isdigit() else _NUMBER.get(word)) not in (None, number):
                return m.group(0)
    return ""


# -- several titles at once ---------------------------------------------------------------------

_PLURAL_SUBJECT = re.compile(
    r"\b(?:(?:only|all|both|the other|other|several|many|some|two|three|four|five|six|seven|eight|nine|ten|"
    r"untitled|\d+)\s+){1,2}(?:[\w-]+\s+){0,3}?"
    r"(?<!of the )(?<!of this )(?:films|movies|shows|series|titles|releases|sequels|projects|dramas|comedies|features|"
    r"pictures|"
    r"dates|slots)\b|\b(?:they|them)\s+(?:now\s+|will\s+|all\s+|both\s+)*(?:open|premiere|arrive|release|"
    r"debut|land|hit|return|launch|are (?:dated|set|scheduled|slated|due))\b|"
    r"\bthe rest of\b[^.;]{0,40}\bdates\b|"
    # "X and Y, both dated for 28 September"
    r"\bboth\s+(?:now\s+)?(?:dated|set|scheduled|slated|due|open(?:ing)?|arriv(?:e|ing)|releas(?:e|ing))\b",
    re.I,
)
_MEMBER_OF = re.compile(r"\b(?:one|first|last|another) of\s+(?:the\s+)?$|\b(?:among|joins?|alongside)\s+(?:the\s+)?$",
                        re.I)


def plural_subject(sentence: str, lo: int, hi: int) -> str:
    """The clause dates several titles at once ("two Marvel films dated for 2026", "they now
    open in 2023, 2025 and 2027"), none of which is a single watched title; "" otherwise.
    A title "one of three releases dated for March" is among them, so that is no plural."""
    for m in _PLURAL_SUBJECT.finditer(sentence, lo, hi):
        if not _MEMBER_OF.search(sentence, max(0, m.start() - 20), m.start()):
            return m.group(0).strip()
    return ""
