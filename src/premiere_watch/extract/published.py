"""When a page was published: the anchor for "next Friday" and year-less days.

Sources in order of trust: ``article:published_time``, an article's JSON-LD
``datePublished`` (not ``dateModified``, not an embedded Movie's), other
publication metas (``pubdate``, ``sailthru.date``, ``DC.date.issued``, ...),
``<time datetime>``, a dated URL, page-state blobs (``"publishedAt"``), and
last a visible byline ("Posted Friday, December 16, 2022").  A page without
any (a streamer's title page) gets only a copyright-year hint.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from premiere_watch.extract.casefold import CaselessScan
from premiere_watch.extract.grammar import find_dates, split_sentences, without_dates
from premiere_watch.extract.jsonld import ARTICLE_TYPES, jsonld_types
from premiere_watch.extract.zones import COMMENT_HINT, clean

if TYPE_CHECKING:
    from premiere_watch.extract.page import Block

_ISO_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_META_DATE_NAMES = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publish-date",
    "publish_date", "publishdate", "publication_date", "date", "sailthru.date", "parsely-pub-date",
    "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "dcterms.issued", "article.published",
    "cxenseparse:recs:publishtime",
    "edition-date", "edition_date", "issue-date", "print-date",
)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_VISIBLE_DATE = re.compile(
    r"\b(?:(\d{1,2})\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})\b"
)
_SENT_LABELS = frozenset({"sent", "published", "posted", "date", "written", "written on", "published on"})
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")
_STATE_DATE = re.compile(
    r'"(?:datePublished|publishedAt|webPublicationDate|publishDate|published_at|pubDate|'
    r'publicationDate|firstPublished)"\s*:\s*"(\d{4}-\d{2}-\d{2})'
)
def _iso_day(text: str) -> dt.date | None:
    m = _ISO_DAY.search(text or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _visible_day(text: str) -> dt.date | None:
    m = _VISIBLE_DATE.search(text)
    if not m:
        return None
    day = m.group(1) or m.group(3)
    if not day:
        return None
    try:
        return dt.date(int(m.group(4)), _MONTHS[m.group(2)[:3].lower()], int(day))
    except ValueError:
        return None


def find_published(root: Any, jsonld: list[dict[str, Any]], url: str | None,
                   scripts: list[str]) -> tuple[dt.date | None, str]:
    """The publication date from everything but the page's text blocks.

    The last resort, a byline among the first blocks (:func:`block_byline`), is
    separate because the page's blocks are built after this: a page whose date
    is found here needs no chrome or comment blocks at all (see ``page.py``).
    """
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and key not in metas and meta.get("content"):
            metas[key] = meta.get("content")
    for key in _META_DATE_NAMES[:2]:
        if key in metas and (day := _iso_day(metas[key])):
            return day, f"meta {key}"
    for obj in jsonld:
        if jsonld_types(obj) & ARTICLE_TYPES and isinstance(obj.get("datePublished"), str):
            day = _iso_day(obj["datePublished"])
            if day:
                return day, "JSON-LD datePublished"
    for key in _META_DATE_NAMES[2:]:
        if key in metas and (day := _iso_day(metas[key])):
            return day, f"meta {key}"
    for i in range(1, 5):  # Substack-style cards: twitter:label1 "Sent" / twitter:data1 "Sep 13, 2022"
        label = metas.get(f"twitter:label{i}", "").strip().lower()
        if label in _SENT_LABELS and (day := _iso_day(metas.get(f"twitter:data{i}", ""))
                                      or _visible_day(metas.get(f"twitter:data{i}", ""))):
            return day, f"meta twitter:data{i}"
    if day := _time_element(root):
        return day, "<time datetime>"
    if url and (m := _URL_DATE.search(url)):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "URL"
        except ValueError:
            pass
    for text in scripts:
        if (m := _STATE_DATE.search(text)) and (day := _iso_day(m.group(1))):
            return day, "page state"
    for el in root.iter():
        hint = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not isinstance(el.tag, str) or not _BYLINE_HINT.search(hint) or _RELEASE_HINT.search(hint):
            continue
        if _is_hidden(el) or any(COMMENT_HINT.search(f"{a.get('class') or ''} {a.get('id') or ''}")
                                 for a in el.iterancestors()):
            continue
        text = clean(el.text_content())
        if len(text) < 250 and (day := _visible_day(text)):
            return day, "byline"
    return None, ""


def block_byline(blocks: list[Block], dayfirst: bool | None = None) -> dt.date | None:
    """A visible byline ("Posted by X - Sep 8, 2020", "Posted on 03/06/2023") among the first
    40 blocks of any zone (a byline may sit in a site header): the source tried after
    :func:`find_published`'s."""
    for block in blocks[:40]:
        if len(block.text) < 250 and _BYLINE_TEXT.match(block.text) and (
                day := _visible_day(block.text) or _absolute_day(block.text, dayfirst)):
            return day
        # "Posted : 2022-05-30 17:12 Updated : ... By ... Fresh from Cannes, ...": a stamp that
        # opens a block the story runs on in (its lines broken only by <br>).
        if (lead := _STAMP_LEAD.match(block.text)) and (day := _absolute_day(block.text[lead.end():lead.end() + 30],
                                                                               dayfirst)):
            return day
        # "Dot Renwick, TV columnist, Published 18th Jan 2025, 06:00 GMT": the stamp after the name.
        mid = _BYLINE_STAMP.search(block.text) if len(block.text) < 160 else None
        if mid and (day := _absolute_day(block.text[mid.end():], dayfirst)):
            return day
        # "What's new in Canada in January. Updated December 19, 2025. Dates may vary ...": a
        # stamp standing as a sentence of its own in a standfirst.
        if len(block.text) < 250 and _STAMP_SENTENCE.search(block.text):
            for sentence in split_sentences(block.text):
                stamp = is_date_line(sentence.rstrip(". "), dayfirst) if _STAMP_SENTENCE.match(sentence) else False
                if isinstance(stamp, dt.date):
                    return stamp
        # A newsletter's masthead: "Issue #212 · Monday 3 February 2025 · View in browser".
        line = is_date_line(block.text, dayfirst, names=True) if len(block.text) < 120 and _ISSUE.search(
            block.text) else False
        if isinstance(line, dt.date):
            return line
    return None


def _absolute_day(text: str, dayfirst: bool | None) -> dt.date | None:
    for d in find_dates(text, None, dayfirst):
        if d.date.day is not None and not d.relative:
            return d.date.start()
    return None


# What a date line may hold besides its date: times, zones, weekdays, "Updated", separators.
_FURNITURE_WORDS = re.compile(
    r"\b(?:published|posted|updated|last updated|modified|first published|start date|joined|last edited|edited|input|"
    r"thread starter|replies|views|on|at|by|am|pm|a\.m\.|p\.m\.|sent|tonight|today|"
    # German date lines: "Mittwoch, 9. Oktober 2024", "veröffentlicht am 03.10.2025 um 14:02 Uhr"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|veröffentlicht|aktualisiert|"
    r"erstellt|um|uhr|von|heute|"
    # a newsletter's pre-header: "View this issue in your browser · Issue #112 · Tuesday, ..."
    r"view(?: (?:this|the|it)(?: (?:issue|email|e-mail|newsletter|edition|post))?)? (?:in|on) (?:(?:your|a|the) )?"
    r"browser|"
    r"(?:issue|edition|no\.|vol\.|volume|number) ?#?\d+|"
    r"gmt|bst|utc|et|pt|ct|mt|est|edt|pst|pdt|cst|cdt|cet|cest|ist|jst|kst|aest|aedt|hrs|h|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"\d+\s*(?:min|mins|minutes?|hours?|hrs?|days?|weeks?)\s+(?:ago|read)|"
    # a wire story's slug: "ENT-SPAIN-NETFLIX/ (MWF)  1,050 words  18 Oct 2023 07:48 GMT"
    r"\d[\d,]*\s+words)\b"
    r"|\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?|[|·•/,:;()\[\]–—-]",
    re.I,
)
_RELATIVE_STAMP = re.compile(r"^(?:(?:published|posted|updated)\s+)?(?:\d+|an?|one)\s+"
                             r"(?:min|mins|minutes?|hours?|hrs?|days?|weeks?)\s+ago$", re.I)
# "LOS ANGELES, May 8, 2023 (Reuters) — ", a press release's "LOS ANGELES, July 21, 2026 /PRNewswire/ -- ",
# a wire's "LOS ANGELES (AP) — May 8, 2023 — ": a date opening an article's first paragraph.
_AGENCY = r"\([A-Z][\w .&]{1,30}\)"
_DASH = r"(?:—|–|--|\s-\s)"
# ... and a studio's "LOS ANGELES, CA (March 10, 2026) — ".
_LEAD_DATELINE = re.compile(rf"^(?:[A-Z][A-Z.'’ -]{{1,30}}(?:,\s+|\s*{_AGENCY}\s*{_DASH}\s*))?"
                            rf"(?P<date>[^—–(]{{4,40}}?)\s*"
                            rf"(?:{_AGENCY}\s*|/[A-Z][\w .&-]{{1,30}}/\s*)?{_DASH}\s*|"
                            rf"^[A-Z][A-Z.'’ -]{{1,30}}(?:,\s+[A-Z][A-Za-z]{{1,4}}\.?)?\s*"
                            rf"\((?P<pdate>[^()]{{4,40}})\)\s*{_DASH}\s*")


# Finds year-less days too ("Wednesday, January 1"); only a day with its year dates a page.
_PROBE = dt.date(2000, 1, 1)


# "Premiere | October 5, 2022" is an infobox row, not a place beside a dateline.
_RELEASE_LABEL = re.compile(r"\b(?:premi\w*|releas\w*|debut\w*|launch\w*|open\w*|air\w*|broadcast\w*|stream\w*|"
                            r"theat\w*|cinema\w*|return\w*|finale|episode|season|series|out|coming|date)\b", re.I)

# Tested on every long block of an article (see ``dateline``): a CaselessScan, twice as fast.
_ISSUE = CaselessScan(r"\b(?:issue|edition|no\.|vol\.?|volume)\s*#?\d+\b")
# "Compiled by Leena Marchetti · Published Friday 7 November 2025": a byline's dated segment.
_STAMP_SEGMENT = re.compile(r"[·•|]\s*(?:published|posted|updated|first published)\b", re.I)
_SEPARATORS = re.compile(r"\s[·•|]\s|\s[–—]\s")
_SITE_LINK = re.compile(r"e-?paper|e-?edition|(?:family |public )?notices|subscribe|sign in|log in|register|"
                        r"newsletters?|weather|today['’]s paper|print edition|contact(?: us)?|advertise|jobs|"
                        r"obituaries|puzzles|crosswords?|menu|search|my account|traffic|podcasts?", re.I)
_PRESS = re.compile(r"\b(?:for immediate|press|news|media) release\b", re.I)


# An author's quoted handle between their names: 'Tomasz "tomtom" Wierzbicki / 21 December 2021'.
_NICKNAME = re.compile(r"(?<=[A-Za-z])\s+[\"“'‘][\w.-]{1,20}[\"”'’](?=\s+[A-Z])")
# A wire story's slug: "FILM-RUNNINGMAN-DATE: 2025-06-24 17:12 GMT", "ENT-SPAIN-NETFLIX/".
_SLUG = re.compile(r"\b[A-Z0-9]{2,}(?:-[A-Z0-9]{2,}){2,}\b/?")
# "THE MORNING SLATE from ReelPost · Thursday, March 20, 2025": small words inside a masthead's name.
_NAME_LINKS = frozenset(("from", "of", "the", "by", "at", "and", "for", "on", "in", "with"))


def is_date_line(text: str, dayfirst: bool | None, names: bool = False) -> dt.date | bool:
    """A block that only dates something ("May 8, 2023", "08.05.2023 14:02", "Updated: Mon 8 May
    2023 10:32 BST", "By Dana Lee | May 8, 2023", "Published 3 hours ago", a listing's
    "Wednesday, January 1"): its day when it gives one with its year, True for a date line
    without one, False for text that says something.  ``names``: a place and an author may
    stand beside a dated day ("Venice, 2 September 2023 — Corinne Vasquez-Holm")."""
    if (_ISSUE.search(text) or _STAMP_SEGMENT.search(text)) and len(text) <= 200:
        # "Issue #212 · Friday, January 12, 2024 · A weekly letter about ...": a newsletter's
        # issue line; its dated segment dates it, whatever its tagline says.
        for segment in _SEPARATORS.split(text):
            if _ISSUE.search(segment) or segment == text:
                continue
            day = is_date_line(segment.strip(), dayfirst, names=True)
            if isinstance(day, dt.date):
                return day
    if len(text) <= 160 and _SEPARATORS.search(text):
        # "Wednesday 3 September 2025 · E-paper · Family notices": a masthead strip, its day and the
        # site's own links.
        first, *links = _SEPARATORS.split(text)
        # ("Subscribe $1 for 3 months": a link may say a little more than its name.)
        if links and all(_SITE_LINK.match(segment.strip()) and len(segment.split()) <= 6 for segment in links):
            day = is_date_line(first.strip(), dayfirst, names)
            if isinstance(day, dt.date):
                return day
    if len(text) > 90:
        return False
    if _RELATIVE_STAMP.match(text.strip()):
        return True
    days = [d for d in find_dates(text, _PROBE, dayfirst) if d.date.day is not None]
    if not days:
        return False
    rest = _NICKNAME.sub(" ", _SLUG.sub(" ", without_dates(text, days)))
    words = _FURNITURE_WORDS.sub(" ", rest).split()
    if words and words[0].lower() == "by":
        words = [w for w in words[1:] if not w[0].isupper()]  # an author's name
    if words and names and not days[0].relative and len(words) <= 8 and words[0][0].isupper() \
            and all(w[0].isupper() or w.lower() in _NAME_LINKS for w in words) \
            and not _RELEASE_LABEL.search(_PRESS.sub(" ", " ".join(words))):
        words = []  # a dateline's place and byline's name around a full date
    if words:
        return False
    return True if days[0].relative else days[0].date.start()


def dateline(blocks: list[Block], dayfirst: bool | None) -> tuple[dt.date | None, set[int]]:
    """Date lines in the body: (the day the first one above the article's first paragraph
    gives, the indices of all of them).  They date the page, a post or an update, and are
    never claims; real sites put the publication date above the first paragraph."""
    found: dt.date | None = None
    lines: set[int] = set()
    read = 0  # paragraphs of prose above: a standfirst may stand over the date line, the article not
    for i, block in enumerate(blocks):
        if block.zone != "main" or block.kind == "heading" or (
                block.kind == "table_row" and block.text.count("|") >= 3):
            continue  # (a table's row of cells is data: "| Worldwide | August 9, 2024 | (Apple TV+)")
        if len(block.text) > 200 and (found is not None or read > 1):
            # No date line is this long (see ``is_date_line``), and once the day is settled the
            # prose count no longer matters: an article's paragraphs need no scan.
            continue
        if len(block.text) > 90 and not (_ISSUE.search(block.text) or _STAMP_SEGMENT.search(block.text)):
            read += len(block.text.split()) >= 12
            continue
        # (A list item beside names is a list of works: "Whiteout Pass Apr 17, 2026" in a rail.)
        day = is_date_line(block.text, dayfirst, names=block.kind != "list_item")
        if day is not False:
            lines.add(i)
            if found is None and read <= 1 and isinstance(day, dt.date):
                found = day
    return found, lines


def lead_dateline(text: str, dayfirst: bool | None) -> tuple[dt.date | None, str]:
    """A first paragraph opening with its dateline ("May 8, 2023 — Netflix said..."): the
    day and the text without it."""
    m = _LEAD_DATELINE.match(text)
    if not m:
        return None, text
    day = is_date_line(m.group("date") or m.group("pdate"), dayfirst)
    if not isinstance(day, dt.date):
        return None, text
    return day, text[m.end():]


def _time_element(root: Any) -> dt.date | None:
    """The article's own ``<time>``: one marked as the publication time, else the first
    inside an article or main element, else the first anywhere (not in comments)."""
    marked, in_article, anywhere = None, None, None
    for el in root.iter("time"):
        day = _iso_day(el.get("datetime") or "")
        if day is None:
            continue
        ancestors = list(el.iterancestors())
        if any(COMMENT_HINT.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in ancestors):
            continue
        if marked is None and (el.get("itemprop") == "datePublished" or el.get("pubdate") is not None
                               or "publish" in (el.get("class") or "").lower()):
            marked = day
        if in_article is None and any(a.tag in ("article", "main") for a in ancestors):
            in_article = day
        if anywhere is None:
            anywhere = day
    return marked or in_article or anywhere


_BYLINE_HINT = re.compile(r"byline|dateline|posted|pubdate|published|publish-date|timestamp|entry-date|edition|updated|"
                          r"post-date|article-date|(?:^|[\s-])(?:meta|info|date)(?:$|[\s-])", re.I)
# "upcoming-date", "release-date", "airdate": an element that dates the title's release, not the page.
_RELEASE_HINT = re.compile(r"upcoming|release|premiere|air-?date|airing|coming|launch|showtime|schedule|episode", re.I)
# "Published", "Posted on", "Updated", "First published": the word a page's own time stamp opens with.
_STAMP_WORD = r"(?:Published|Posted|Updated|First published)(?:\s+on)?"
_BYLINE_STAMP = re.compile(rf"[,·|•–—]\s*{_STAMP_WORD}\b:?", re.I)
_STAMP_LEAD = re.compile(rf"{_STAMP_WORD}\s*:?\s*(?=\d)")
_STAMP_SENTENCE = re.compile(r"(?:^|(?<=[.!?]\s))(?:Last\s+)?(?:Updated|Published|Posted)\b")
_BYLINE_TEXT = re.compile(r"(?:Posted|Published|By|Updated|Written|(?:Words|Text|Story|Reporting|Interview|Review)"
                          r"\s+by)\b", re.I)


def _is_hidden(el: Any) -> bool:
    for node in (el, *el.iterancestors()):
        if node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
        style = (node.get("style") or "").replace(" ", "").lower()
        if "display:none" in style:
            return True
    return False


_COPYRIGHT = re.compile(r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})", re.I)


def year_hint(blocks: list[Block], jsonld: list[dict[str, Any]]) -> int | None:
    for block in reversed(blocks):
        if m := _COPYRIGHT.search(block.text):
            return int(m.group(1))
    return None
