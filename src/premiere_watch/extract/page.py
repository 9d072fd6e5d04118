"""The page model: one parse of an HTML document into what extraction reads.

A page is parsed once and checked against many watched titles, so everything
title-independent happens here: separating the article from the chrome around
it, the publication date (the anchor for "next Friday" and year-less days),
JSON-LD, and embedded videos.  lxml is used directly because building a bs4
tree costs 10-45 ms on a 100 KB page while lxml parses it in 1-2 ms.

Boilerplate is *labelled* first: the walk gives every run of text the zone it
sits in ("main", "aside", "comment", "chrome").  Claims come from the main
zone; an aside may still hold the only schedule row naming the watched title
(a simulcast calendar in a rail), and the claim logic decides how far to trust
it.  Comments and chrome are never evidence, so ``Page.blocks`` keeps only
main and aside blocks.  The parse reads chrome and comments for three things
only: a byline among the first blocks and a copyright year (both needed only
when no publication date is found elsewhere), and videos (with the heading
above them as context).  On a news page with a dated meta tag, a chrome or
comment subtree without videos is therefore skipped unwalked; on a typical
95 KB page that is most of its markup (menus, footer, a comment thread).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import parse_qs, urlparse

from bs4.dammit import EncodingDetector
from lxml import etree

from premiere_watch.extract.casefold import CaselessScan
from premiere_watch.extract.dateorder import page_dayfirst
from premiere_watch.extract.deep import document_fromstring
from premiere_watch.extract.jsonld import ARTICLE_TYPES, TITLE_TYPES, jsonld_types, walk_jsonld
from premiere_watch.extract.published import block_byline, dateline, find_published, lead_dateline, year_hint
from premiere_watch.extract.zones import BLOCK_TAGS, EMPH_TAGS, SKIP_TAGS, Zone, clean, zone_of

__all__ = ["Block", "BlockKind", "Page", "Video", "Zone", "all_blocks", "jsonld_types", "parse_page", "video_id"]

BlockKind = Literal["heading", "paragraph", "list_item", "table_row", "caption"]


@dataclass(frozen=True)
class Block:
    """One run of text in reading order."""

    text: str
    kind: BlockKind
    zone: Zone
    heading: str = ""  # the nearest heading above the block in the same zone
    emphasized: tuple[str, ...] = ()  # text of <em>/<i>/<cite>/<strong>/<b>/<q> inside
    level: int = 0  # 1..6 for headings


@dataclass(frozen=True)
class Video:
    """An embedded or linked video (or a video card naming one)."""

    title: str
    url: str | None
    video_id: str | None
    zone: Zone
    context: str = ""  # heading / caption around it
    upload_date: str = ""
    label: bool = False  # a "Watch trailer" control: the heading above it says whose video it plays ...
    card: str = ""  # ... or the text of its card before it ("Quillfeather · Season 2 · ▶ Watch trailer")


@dataclass
class Page:
    """What extraction needs from one HTML document, title-independent."""

    url: str | None
    headline: str
    subheadings: list[str]
    published: dt.date | None
    blocks: list[Block]  # main and aside only: chrome and comments are never evidence
    jsonld: list[dict[str, Any]]
    videos: list[Video]
    title_page: bool  # the page is a title's own page (JSON-LD TVSeries/Movie, no article)
    year_hint: int | None = None  # copyright/metadata year when no publication date exists
    title_year: int | None = None  # a title page's own year ("2023 · R · 2h 21m", "Lift (2024)")
    season_years: dict[int, int] = field(default_factory=dict)  # its season picker: {2: 2025}
    published_source: str = ""
    meta_description: str = ""
    meta_title: str = ""  # og:title, else <title>
    dayfirst: bool | None = None  # numeric dates are written day first ("02/03" is 2 March); None: unsaid
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def anchor(self) -> dt.date | None:
        """Date that resolves year-less and relative dates."""
        if self.published is not None:
            return self.published
        if self.title_year is not None:
            return dt.date(self.title_year, 1, 1)
        if self.year_hint is not None:
            return dt.date(self.year_hint, 1, 1)
        return None

    def main_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.zone == "main"]


# -- text walk --------------------------------------------------------------

STRUCK_TAGS = frozenset({"del", "s", "strike"})


def _kind_of(tag: str) -> BlockKind:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "heading"
    if tag in ("li", "dd", "dt"):
        return "list_item"
    if tag == "tr":
        return "table_row"
    if tag in ("figcaption", "caption"):
        return "caption"
    return "paragraph"


# Tested on every block of a page: a CaselessScan (see ``casefold``), and only on short blocks.
_LEGAL = CaselessScan(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|powered by")

# What the walk reads from a chrome or comment subtree once no block of it is needed: a video
# (an <iframe>/<video>, a link to YouTube or Vimeo: ``video_id`` needs one of those words), and
# a heading when a video may follow (it becomes that video's context).  Over-approximations
# (an <iframe> without src, a channel link) only cost a walk, never a difference.
_VIDEO_LINK = "a[contains(@href, 'youtu') or contains(@href, 'vimeo')]"
_VIDEO_INSIDE = etree.XPath(f"boolean(descendant::iframe | descendant::video | descendant::{_VIDEO_LINK})")
_VIDEO_AFTER = etree.XPath(f"boolean(following::iframe | following::video | following::{_VIDEO_LINK})")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")  # el.iter(*_HEADINGS): 10x faster than an XPath


class _Walker:
    """Depth-first walk that flushes inline text at block boundaries.

    ``lean``: the chrome and comment blocks will be dropped unread (the page's
    date is already known, so neither the byline nor the copyright fallback
    looks at them), so a block-level chrome or comment subtree is not walked
    unless it holds what the page keeps from it: a video, or a heading that a
    later video takes as its context.  Skipping one is exact for everything
    else: a block element flushes the text before it on entry and leaves an
    empty buffer on exit, and all it adds in between are blocks of its own
    (chrome or comment) zone and ``_headings`` entries that only those read.
    Inline chrome (a ``<span class="share">``) is still walked: its text joins
    the enclosing block.
    """

    def __init__(self, lean: bool = False) -> None:
        self._lean = lean
        self.blocks: list[Block] = []
        self.videos: list[Video] = []
        self._buf: list[str] = []
        self._emph: list[str] = []
        self._link_chars = 0
        self._headings: dict[Zone, str] = {}
        self._last_heading_for_video = ""
        self._card_from = 0  # where in the buffer the current card's text starts (past a control)
        self._control: Any = None  # the "Watch trailer" element being walked

    def flush(self, tag: str, zone: Zone) -> None:
        self._card_from = 0
        if not self._buf:  # most block boundaries follow another one: nothing to clean
            self._emph = []
            self._link_chars = 0
            return
        text = clean("".join(self._buf))
        self._buf = []
        emph = tuple(e for e in (clean(x) for x in self._emph) if e)
        self._emph = []
        links, self._link_chars = self._link_chars, 0
        if not text or len(text) < 2:
            return
        kind = _kind_of(tag)
        if tag == "dt" and len(text) <= 40 and not text.endswith(":"):
            text += ":"  # a definition term labels the value after it ("First episode" / "Sunday 9 March")
        if len(text) < 300 and _LEGAL.search(text):
            zone = "chrome"  # copyright / legal lines, wherever a template put them
        if zone == "main" and kind in ("list_item", "paragraph") and links > 0.6 * len(text) \
                and not _LABELLED_VALUE.match(text):
            # A block that is mostly links is navigation or a related-articles card.
            zone = "aside"
        level = int(tag[1]) if kind == "heading" else 0
        heading = self._headings.get(zone, "")
        self.blocks.append(Block(text, kind, zone, heading, emph, level))
        if kind == "heading":
            self._headings[zone] = text
            self._last_heading_for_video = text

    def walk(self, el: Any, zone: Zone, block_tag: str) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:  # comments, processing instructions
            if el.tail:
                self._buf.append(el.tail)
            return
        tag = tag.lower()
        if tag == "iframe" or tag == "video":
            self._video_from_element(el, zone)
        if el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", ""):
            if el.tail:
                self._buf.append(el.tail)
            return
        if tag == "button":
            self._link_video(el, zone, el.text_content())
        if tag in SKIP_TAGS or tag in STRUCK_TAGS:
            # Struck text ("<del>1/5</del> <ins>1/26</ins>") is what the page no longer says.
            if (tag == "button" and el.tail) or el.tail:
                self._buf.append(el.tail)
            return
        if tag == "br":
            self._buf.append(" ")
            if el.tail:
                self._buf.append(el.tail)
            return
        link_text = el.text_content() if tag == "a" else ""  # asked twice below; a page has hundreds of links
        if tag == "a":
            self._link_video(el, zone, link_text)
        if tag == "img" and el.tail:
            self._buf.append(el.tail)
            return
        is_block = tag in BLOCK_TAGS and tag not in ("td", "th")
        inner_zone = zone_of(el, zone)
        if is_block and self._lean and inner_zone in ("comment", "chrome") and self._unread(el):
            self.flush(block_tag, zone)  # the text before it belongs to the enclosing block
            if el.tail:
                self._buf.append(el.tail)
            return
        if is_block:
            self.flush(block_tag, zone)
            current = tag if tag not in ("td", "th") else block_tag
        else:
            current = block_tag
        if tag in ("td", "th"):
            self._buf.append(" | ")
        opens_block = not is_block and not any(chunk.strip() for chunk in self._buf)
        # ("<span class=c>BBC One</span><span class=p><b>The Estuary Line</b>": its first words may be a child's.)
        first_text = el.text or (el[0].text if len(el) and isinstance(el[0].tag, str) else None)
        if tag == "span" and el.get("class") and first_text and self._glued(first_text):
            # Badges set side by side with CSS ("Season 2" "Coming 12 March 2026" "8 Episodes"):
            # written with no space between them, they are read apart, not as "20268 Episodes".
            self._buf.append(", ")
        if el.text:
            self._buf.append(el.text)
        if tag in EMPH_TAGS:
            self._emph.append(el.text_content())
        if tag == "a":
            self._link_chars += len(link_text)
        for child in el:
            self.walk(child, inner_zone, current)
        if not is_block and (tag in ("dt", "label") or _LABEL_CLASS.search(el.get("class") or "")
                             or (opens_block and self._label_glued(el))):
            self._buf.append(": ")  # "<span class=label>Release date</span><a>November 18</a>"
        if is_block:
            self.flush(current, inner_zone)
        if el is self._control:
            self._card_from = len(self._buf)  # the next control's card starts past this one
        if el.tail:
            self._buf.append(el.tail)

    def _glued(self, text: str) -> bool:
        """The text would run on from the buffer's last word or number with no space."""
        last = next((chunk for chunk in reversed(self._buf) if chunk), "")
        return last[-1:].isalnum() and (text[:1].isupper() or text[:1].isdigit())

    @staticmethod
    def _label_glued(el: Any) -> bool:
        """"<div><span>In cinemas</span>US 20 March 2026</div>": a short inline element opening
        its block, its text run on into a capitalised word or a number with no space, is a label
        that CSS sets apart."""
        text, tail = el.text_content(), el.tail or ""
        return bool(text) and len(text.split()) <= 4 and text[-1:].isalnum() and (
            tail[:1].isupper() or tail[:1].isdigit())

    @staticmethod
    def _unread(el: Any) -> bool:
        """A chrome or comment subtree that adds nothing the page keeps (see the class doc)."""
        if _VIDEO_INSIDE(el):
            return False
        return next(el.iter(*_HEADINGS), None) is None or not _VIDEO_AFTER(el)

    def _video_from_element(self, el: Any, zone: Zone) -> None:
        src = el.get("src") or el.get("data-src") or ""
        if not src:
            source = el.find(".//source")
            src = source.get("src") if source is not None else ""
        title = el.get("title") or el.get("aria-label") or ""
        vid = video_id(src)
        if src and not src.startswith(("about:", "javascript:")):
            self.videos.append(Video(clean(title), src, vid, zone, self._last_heading_for_video))

    def _link_video(self, el: Any, zone: Zone, text: str) -> None:
        """A link or button that plays a video; ``text`` is its text content."""
        href = el.get("href") or ""
        vid = video_id(href)
        if vid:
            title = clean(el.get("title") or text)
            self.videos.append(Video(title, href, vid, zone, self._last_heading_for_video))
        elif _WATCH_LABEL.match(text):
            # A title card's "Watch trailer" button plays the video of the title its heading names.
            url = el.get("data-video") or href
            # (A fan's alert links only a video it can open: "#" and a site-relative path are not one.)
            self.videos.append(Video(clean(text), url if url.startswith(("http://", "https://")) else None, None,
                                     zone, self._last_heading_for_video, label=True,
                                     card=clean("".join(self._buf[self._card_from:]))[-200:]))
            self._control = el


# "Watch trailer", "▶ Play the official trailer", "Season 2 Official Trailer": a control that plays one.
# (A running time may follow: "Season 2 Official Trailer 2:18", "▶ Play trailer 2:31", "▶ Series 2 trailer".)
_WATCH_LABEL = re.compile(r"^\W*(?:(?:watch|play|view)\s+(?:the\s+)?(?:(?:new|official|final|first)\s+)*"
                          r"(?:(?:season|series)\s+\d+\s+)?(?:trailer|teaser)|(?:(?:season|series)\s+\d+\s+)?"
                          r"official\s+(?:trailer|teaser)|(?:season|series)\s+\d+\s+(?:trailer|teaser))"
                          r"\W*(?:\d{1,2}:[0-5]\d)?\W*$", re.I)


_YT_HOST = re.compile(r"(?:^|\.)youtube(?:-nocookie)?\.")


def watch_url(url: str | None, vid: str | None) -> str | None:
    """The page a fan opens to watch a video: an embed URL becomes its watch URL."""
    if not url or not vid:
        return url
    host = (urlparse(url if "//" in url else "https://" + url).hostname or "").lower()
    if _YT_HOST.search(host) or host.endswith("youtu.be"):
        return f"https://www.youtube.com/watch?v={vid}"
    if re.search(r"(?:^|\.)vimeo\.", host):
        return f"https://vimeo.com/{vid}"
    return url


def video_id(url: str) -> str | None:
    """YouTube/Vimeo id of an embed or watch URL, else None."""
    if not url or not ("youtu" in url or "vimeo" in url):
        return None
    try:
        parsed = urlparse(url if "//" in url else "https://" + url)
    except ValueError:
        return None
    host = (parsed.hostname or "").lower()
    path = parsed.path
    if host == "youtu.be" or host.endswith(".youtu.be"):
        vid = path.strip("/").split("/")[0]
        return vid or None
    if _YT_HOST.search(host):
        m = re.match(r"/(?:embed|shorts|v|live)/([\w-]{6,})", path)
        if m:
            return m.group(1)
        if path.startswith("/watch"):
            ids = parse_qs(parsed.query).get("v")
            return ids[0] if ids else None
        return None
    if re.search(r"(?:^|\.)vimeo\.", host):
        m = re.search(r"/(\d{5,})", path)
        return m.group(1) if m else None
    return None


# -- parse --------------------------------------------------------------------

def _decode(html: bytes | str, encoding: str | None) -> str:
    """Bytes to text: a byte-order mark, else the caller's (HTTP) encoding, else the
    document's own ``<meta charset>``/``<?xml encoding?>`` (bs4's EncodingDetector finds
    both), else UTF-8, else windows-1252.  No statistical guessing, as browsers do."""
    if isinstance(html, str):
        return html
    body, bom = EncodingDetector.strip_byte_order_mark(html)
    if bom:
        return body.decode(bom, errors="replace")
    if encoding:
        try:
            return html.decode(encoding, errors="replace")
        except LookupError:
            pass
    declared = EncodingDetector.find_declared_encoding(html, is_html=True)
    for enc in ([declared] if declared else []) + ["utf-8"]:
        try:
            return html.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return html.decode("cp1252", errors="replace")


def _root(html: bytes | str, encoding: str | None) -> Any:
    """The lxml document, or None for an empty one."""
    text = _decode(html, encoding)
    if not text.strip():
        return None
    try:
        return document_fromstring(text)
    except ValueError:  # a str with an XML encoding declaration
        try:
            return document_fromstring(text.encode("utf-8", errors="replace"))
        except etree.ParserError:
            return None
    except etree.ParserError:  # nothing but markup without content
        return None


def _walk(root: Any, lean: bool) -> _Walker:
    walker = _Walker(lean)
    body_el = root.find("body")
    walker.walk(body_el if body_el is not None else root, "main", "div")
    walker.flush("div", "main")
    return walker


def all_blocks(html: bytes | str, encoding: str | None = None) -> list[Block]:
    """Every block of a document with its zone, chrome and comments included: the labelling
    that :func:`parse_page` keeps only the main and aside part of (for tests and inspection)."""
    root = _root(html, encoding)
    return [] if root is None else _walk(root, lean=False).blocks


def parse_page(html: bytes | str, url: str | None = None, encoding: str | None = None) -> Page:
    """Parse an HTML document once into a :class:`Page`."""
    root = _root(html, encoding)
    if root is None:
        return Page(url, "", [], None, [], [], [], False)

    jsonld: list[dict[str, Any]] = []
    scripts: list[str] = []
    for script in root.iter("script"):
        body = script.text or ""
        if (script.get("type") or "").lower() == "application/ld+json":
            try:
                data = json.loads(body)
                jsonld.extend(walk_jsonld(data))
            except (ValueError, RecursionError):  # not JSON, or nested deeper than Python recurses
                continue
        elif body and ("publish" in body or "Published" in body):
            scripts.append(body)

    # The date first: when it is found without the text blocks, no chrome or comment block is
    # read (they feed only the byline and copyright fallbacks), and the walk skips most of them.
    published, source = find_published(root, jsonld, url, scripts)
    walker = _walk(root, lean=published is not None)
    dayfirst = page_dayfirst((b.text for b in walker.blocks), root.get("lang") or "")
    if published is None and (day := block_byline(walker.blocks, dayfirst)):
        published, source = day, "byline"
    blocks = _labelled([b for b in walker.blocks if b.zone in ("main", "aside")])
    first_heading = next((i for i, b in enumerate(blocks) if b.zone == "main" and b.kind == "heading"), 0)
    if not any(b.zone == "main" and b.kind == "paragraph" and len(b.text.split()) >= 12
               for b in blocks[first_heading:]):
        # No article around the thread (a forum's rules notice above the thread's title is no
        # article): a forum's posts are the page (a thread's container is named like a comment
        # section: "js-replyNewMessageContainer").
        full = _walk(root, lean=False) if published is not None else walker  # lean walks skip comments
        thread = [replace(b, zone="main") if b.zone == "comment" else b for b in full.blocks
                  if b.zone in ("main", "aside", "comment")]
        if any(b.kind == "paragraph" and len(b.text.split()) >= 12 for b in thread if b.zone == "main"):
            blocks = _labelled(thread)
    # Date lines above the first paragraph date the page; they are never claims.
    day, lines = dateline(blocks, dayfirst)
    if published is None and day is not None:
        published, source = day, "date line"
    if lines:
        blocks = [b for i, b in enumerate(blocks) if i not in lines]
    # The dateline opens the story's first paragraph, which a standfirst may stand above.
    leads = [i for i, b in enumerate(blocks) if b.zone == "main" and b.kind == "paragraph"
             and len(b.text.split()) >= 12][:2]
    for first in leads:
        day, rest = lead_dateline(blocks[first].text, dayfirst)
        if day is not None:
            blocks[first] = replace(blocks[first], text=rest)
            if published is None:
                published, source = day, "date line"
            break
    hint = year_hint(walker.blocks, jsonld) if published is None else None

    og = root.find(".//meta[@property='og:title']")
    title_el = root.find(".//title")
    meta_title = clean(og.get("content") or "") if og is not None else ""
    if not meta_title and title_el is not None:
        meta_title = clean(title_el.text_content())
    h1s = [b.text for b in blocks if b.kind == "heading" and b.level == 1 and b.zone == "main"]
    # A site's logo can be an <h1> too: prefer the one the page's own title repeats.
    h2s = [b.text for b in blocks if b.kind == "heading" and b.level == 2 and b.zone == "main"]
    fallback = meta_title if len(meta_title.split()) > 2 or not h2s else h2s[0]
    headline = next((h for h in h1s if meta_title and h.lower() in meta_title.lower() and len(h.split()) > 2),
                    h1s[0] if h1s else fallback)
    subheadings = [b.text for b in blocks if b.kind == "heading" and b.zone == "main" and b.level > 1]

    videos = walker.videos + _jsonld_videos(jsonld)
    kinds: set[str] = set()
    for obj in jsonld:
        kinds |= jsonld_types(obj)
    title_page = bool(kinds & TITLE_TYPES) and not (kinds & (ARTICLE_TYPES - {"webpage"})) \
        and published is None
    title_year = _title_year(headline, blocks) if published is None else None
    season_years = _season_chip_years(root) if published is None else {}
    desc_el = root.find(".//meta[@name='description']")
    desc = clean(desc_el.get("content") or "") if desc_el is not None else ""
    return Page(url=url, headline=headline, subheadings=subheadings, published=published,
                blocks=blocks, jsonld=jsonld, videos=videos, title_page=title_page,
                year_hint=hint, title_year=title_year, season_years=season_years,
                published_source=source, meta_description=desc,
                meta_title=meta_title,
                dayfirst=dayfirst)


# A press kit's or a fact box's label on a line of its own ("KOREAN RELEASE", "Release date:").
# ("Theatrical release (United States):": a label may name its region.)
_LABEL = re.compile(r"(?=[^\d]*$)(?=.*[A-Za-z]{3})(?:[A-Z&'’. -]{3,40}|"
                    r"[A-Z][A-Za-z'’ -]{2,30}(?:\([A-Za-z. ]{2,20}\))?:)")


# A title page's facts row: "2023 · R · 2h 21m · Thriller", "2024 | TV-MA | 1 Season".
_TITLE_YEAR_ROW = re.compile(r"^((?:19|20)\d{2})\s*[·•|,]?\s*(?:TV-\w+|PG-13|PG|NC-17|R|G|U|12A?|15|18|\d+\+|"
                             r"\d+\s*h\b|\d+\s*min|\d+\s*(?:Seasons?|Episodes?|Parts?)\b)")
_TITLE_YEAR_HEAD = re.compile(r"\(((?:19|20)\d{2})\)\s*$")


_SEASON_CHIP = re.compile(r"\s*Season\s+(\d{1,2})\s*[·•|(,–-]\s*((?:19|20)\d\d)\)?\s*", re.I)


def _season_chip_years(root: Any) -> dict[int, int]:
    """A title page's season picker ("Season 2 · 2025" on a tab, button or option, which the
    walk skips as controls): each season's year, for a year-less "Coming December 12"."""
    years: dict[int, int] = {}
    for el in root.iter("button", "a", "li", "option", "span"):
        m = _SEASON_CHIP.fullmatch(el.text_content() or "")
        if m:
            years[int(m.group(1))] = int(m.group(2))
    return years


def _title_year(headline: str, blocks: list[Block]) -> int | None:
    """The year a title page gives its title: in its facts row near the top, or after the
    name in its heading.  A year-less "Coming December 8" there is that year's."""
    if m := _TITLE_YEAR_HEAD.search(headline):
        return int(m.group(1))
    first = next((b for b in blocks if b.zone == "main" and b.kind != "heading"), None)
    if first is not None and (m := _TITLE_YEAR_ROW.match(first.text)):
        return int(m.group(1))
    return None


_LABEL_CLASS = re.compile(r"(?:^|[\s_-])label(?:$|[\s_-])", re.I)
# "Release date: November 18, 2022": a fact whose value happens to be a link.
_LABELLED_VALUE = re.compile(r"^[A-Z][\w &/'’-]{2,30}:\s")


def _labelled(blocks: list[Block]) -> list[Block]:
    """A label set apart from its value ("KOREAN RELEASE" / "30 May 2019 · nationwide") reads
    as one line with it, as a reader takes it: "KOREAN RELEASE: 30 May 2019 · nationwide"."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        # A label is at most 40 characters (see ``_LABEL``): an article's paragraphs are not counted.
        if prev is not None and prev.zone == block.zone and prev.kind in ("paragraph", "list_item") \
                and block.kind in ("paragraph", "list_item") and len(prev.text) <= 40 and len(prev.text.split()) <= 4 \
                and _LABEL.fullmatch(prev.text) and not _LABEL.fullmatch(block.text) and len(block.text) <= 200:
            out[-1] = replace(block, text=f"{prev.text.rstrip(':')}: {block.text}")
            continue
        out.append(block)
    return out


def _jsonld_videos(jsonld: list[dict[str, Any]]) -> list[Video]:
    out = []
    for obj in jsonld:
        if "videoobject" not in jsonld_types(obj):
            continue
        url = obj.get("embedUrl") or obj.get("contentUrl") or obj.get("url")
        url = url if isinstance(url, str) else None
        name = obj.get("name") if isinstance(obj.get("name"), str) else ""
        desc = obj.get("description") if isinstance(obj.get("description"), str) else ""
        upload = obj.get("uploadDate") if isinstance(obj.get("uploadDate"), str) else ""
        out.append(Video(clean(str(name)), url, video_id(url or ""), "main", clean(str(desc)),
                         str(upload)))
    return out
