"""The page model: one parse of an HTML document into what extraction reads.

A page is parsed once and checked against many watched titles, so everything
title-independent happens here: separating the article from the chrome around
it, the publication date (the anchor for "next Friday" and year-less days),
JSON-LD, and embedded videos.  lxml is used directly because building a bs4
tree costs 10-45 ms on a 100 KB page while lxml parses it in 1-2 ms.

Boilerplate is *labelled*, not thrown away: a block carries the zone it sits
in ("main", "aside", "comment", "chrome").  Claims come from the main zone;
an aside may still hold the only schedule row naming the watched title (a
simulcast calendar in a rail), and the claim logic decides how far to trust
it.  Comments and chrome are never evidence.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import parse_qs, urlparse

import lxml.html
from lxml import etree

BlockKind = Literal["heading", "paragraph", "list_item", "table_row", "caption"]
Zone = Literal["main", "aside", "comment", "chrome"]


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


@dataclass
class Page:
    """What extraction needs from one HTML document, title-independent."""

    url: str | None
    headline: str
    subheadings: list[str]
    published: dt.date | None
    blocks: list[Block]
    jsonld: list[dict[str, Any]]
    videos: list[Video]
    title_page: bool  # the page is a title's own page (JSON-LD TVSeries/Movie, no article)
    year_hint: int | None = None  # copyright/metadata year when no publication date exists
    published_source: str = ""
    meta_description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def anchor(self) -> dt.date | None:
        """Date that resolves year-less and relative dates."""
        if self.published is not None:
            return self.published
        if self.year_hint is not None:
            return dt.date(self.year_hint, 1, 1)
        return None

    def main_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.zone == "main"]


# -- zones ------------------------------------------------------------------

_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "figcaption", "caption", "blockquote",
    "dd", "dt", "div", "section", "article", "main", "aside", "header", "footer", "nav", "ul",
    "ol", "table", "tbody", "thead", "figure", "td", "th", "form", "body", "pre", "address",
    "summary", "details",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "button", "select", "option",
              "input", "textarea", "iframe", "head", "title", "meta", "link"}
_EMPH_TAGS = {"em", "i", "cite", "strong", "b", "q"}  # links are rarely titles
_CHROME_TAGS = {"nav", "footer"}
_COMMENT_HINT = re.compile(r"comment|disqus|reply|replies|discussion|user-review|community-review", re.I)
_CHROME_HINT = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|mega|footer|foot|cookie|consent|gdpr|banner|newsletter|"
    r"subscribe|signup|ad|ads|advert|advertisement|sponsor|share|social|breadcrumbs?|topbar|"
    r"masthead|site-header|paywall|modal|dialog|login|ticker|breaking|skip|tags|"
    r"brand|logo|poll)(?:$|[\s_-])",
    re.I,
)
_ASIDE_HINT = re.compile(
    r"sidebar|rail|related|trending|popular|most-read|more-like|more-module|recommend|widget|"
    r"carousel|coming-soon|upcoming|promo|(?:^|[\s_-])(?:side|aside|more|box|tiles|thumbs|"
    r"shelf related|lockups|teasers?-list|grid-related)(?:$|[\s_-])",
    re.I,
)
_MAIN_HINT = re.compile(r"article|story|entry-content|post-?body|content-body|release-text|"
                        r"(?:^|[\s_-])(?:body|main|content)(?:$|[\s_-])", re.I)
_ROLE_ZONE: dict[str, Zone] = {
    "navigation": "chrome", "banner": "chrome", "contentinfo": "chrome", "dialog": "chrome",
    "complementary": "aside", "search": "chrome", "alertdialog": "chrome",
}


def _zone_of(el: Any, parent: Zone) -> Zone:
    """The zone an element opens; inner zones only ever get *less* trusted."""
    if parent in ("comment", "chrome"):
        return parent
    tag = el.tag if isinstance(el.tag, str) else ""
    hints = f"{el.get('class') or ''} {el.get('id') or ''}"
    role = (el.get("role") or "").lower()
    if _COMMENT_HINT.search(hints):
        return "comment"
    if role in _ROLE_ZONE:
        zone = _ROLE_ZONE[role]
        return zone if parent == "main" or zone == "chrome" else parent
    if tag in _CHROME_TAGS:
        return "chrome"
    if tag == "header":
        # An article's own header carries the headline; the site header does not.
        return parent if el.find(".//h1") is not None else "chrome"
    if tag == "aside":
        return "aside"
    if hints.strip():
        if _CHROME_HINT.search(hints):
            return "chrome"
        if _ASIDE_HINT.search(hints) and not _MAIN_HINT.search(hints):
            return "aside"
    return parent


# -- text walk --------------------------------------------------------------

_WS = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _WS.sub(" ", text.replace("\u00a0", " ")).strip()


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


_LEGAL = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|powered by", re.I)


class _Walker:
    """Depth-first walk that flushes inline text at block boundaries."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.videos: list[Video] = []
        self._buf: list[str] = []
        self._emph: list[str] = []
        self._link_chars = 0
        self._headings: dict[Zone, str] = {}
        self._last_heading_for_video = ""

    def flush(self, tag: str, zone: Zone) -> None:
        text = _clean("".join(self._buf))
        self._buf = []
        emph = tuple(e for e in (_clean(x) for x in self._emph) if e)
        self._emph = []
        links, self._link_chars = self._link_chars, 0
        if not text or len(text) < 2:
            return
        kind = _kind_of(tag)
        if _LEGAL.search(text) and len(text) < 300:
            zone = "chrome"  # copyright / legal lines, wherever a template put them
        if zone == "main" and kind in ("list_item", "paragraph") and links > 0.6 * len(text):
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
        if tag in _SKIP_TAGS:
            if (tag == "button" and el.tail) or el.tail:
                self._buf.append(el.tail)
            return
        if tag == "br":
            self._buf.append(" ")
            if el.tail:
                self._buf.append(el.tail)
            return
        if tag == "a":
            self._link_video(el, zone)
        if tag == "img" and el.tail:
            self._buf.append(el.tail)
            return
        is_block = tag in _BLOCK_TAGS and tag not in ("td", "th")
        inner_zone = _zone_of(el, zone)
        if is_block:
            self.flush(block_tag, zone)
            current = tag if tag not in ("td", "th") else block_tag
        else:
            current = block_tag
        if tag in ("td", "th"):
            self._buf.append(" | ")
        if el.text:
            self._buf.append(el.text)
        if tag in _EMPH_TAGS:
            self._emph.append(el.text_content())
        if tag == "a":
            self._link_chars += len(el.text_content())
        for child in el:
            self.walk(child, inner_zone, current)
        if is_block:
            self.flush(current, inner_zone)
        if el.tail:
            self._buf.append(el.tail)

    def _video_from_element(self, el: Any, zone: Zone) -> None:
        src = el.get("src") or el.get("data-src") or ""
        if not src:
            source = el.find(".//source")
            src = source.get("src") if source is not None else ""
        title = el.get("title") or el.get("aria-label") or ""
        vid = video_id(src)
        if src and not src.startswith(("about:", "javascript:")):
            self.videos.append(Video(_clean(title), src, vid, zone, self._last_heading_for_video))

    def _link_video(self, el: Any, zone: Zone) -> None:
        href = el.get("href") or ""
        vid = video_id(href)
        if vid:
            title = _clean(el.get("title") or el.text_content())
            self.videos.append(Video(title, href, vid, zone, self._last_heading_for_video))


_YT_HOST = re.compile(r"(?:^|\.)youtube(?:-nocookie)?\.")


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


# -- publication date --------------------------------------------------------

_ISO_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_META_DATE_NAMES = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publish-date",
    "publish_date", "publishdate", "publication_date", "date", "sailthru.date", "parsely-pub-date",
    "dc.date.issued", "dc.date", "dcterms.created", "article.published", "cxenseparse:recs:publishtime",
)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_VISIBLE_DATE = re.compile(
    r"\b(?:(\d{1,2})\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})\b"
)
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")
_STATE_DATE = re.compile(
    r'"(?:datePublished|publishedAt|webPublicationDate|publishDate|published_at|pubDate|'
    r'publicationDate|firstPublished)"\s*:\s*"(\d{4}-\d{2}-\d{2})'
)
_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "webpage",
                  "analysisnewsarticle", "reviewnewsarticle", "pressrelease", "discussionforumposting",
                  "socialmediaposting", "liveblogposting"}
_TITLE_TYPES = {"tvseries", "tvseason", "movie", "tvepisode", "episode", "creativeworkseason",
                "creativeworkseries", "videogame"}


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


def jsonld_types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type", "")
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).lower() for t in items}


def _walk_jsonld(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, list):
        for item in obj:
            yield from _walk_jsonld(item)
    elif isinstance(obj, dict):
        yield obj
        for key, value in obj.items():
            if key != "@context" and isinstance(value, dict | list):
                yield from _walk_jsonld(value)


def _published(root: Any, jsonld: list[dict[str, Any]], url: str | None,
               scripts: list[str], blocks: list[Block]) -> tuple[dt.date | None, str]:
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and key not in metas and meta.get("content"):
            metas[key] = meta.get("content")
    for key in _META_DATE_NAMES[:2]:
        if key in metas and (day := _iso_day(metas[key])):
            return day, f"meta {key}"
    for obj in jsonld:
        if jsonld_types(obj) & _ARTICLE_TYPES and isinstance(obj.get("datePublished"), str):
            day = _iso_day(obj["datePublished"])
            if day:
                return day, "JSON-LD datePublished"
    for key in _META_DATE_NAMES[2:]:
        if key in metas and (day := _iso_day(metas[key])):
            return day, f"meta {key}"
    for el in root.iter("time"):
        if el.get("datetime") and (day := _iso_day(el.get("datetime"))):
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
        if not isinstance(el.tag, str) or not _BYLINE_HINT.search(
                f"{el.get('class') or ''} {el.get('id') or ''}"):
            continue
        if _is_hidden(el) or any(_COMMENT_HINT.search(f"{a.get('class') or ''} {a.get('id') or ''}")
                                 for a in el.iterancestors()):
            continue
        text = _clean(el.text_content())
        if len(text) < 250 and (day := _visible_day(text)):
            return day, "byline"
    for block in blocks[:40]:
        if len(block.text) < 250 and _BYLINE_TEXT.match(block.text) and (day := _visible_day(block.text)):
            return day, "byline"
    return None, ""


_BYLINE_HINT = re.compile(r"byline|dateline|posted|pubdate|published|publish-date|timestamp|entry-date|"
                          r"post-date|article-date|(?:^|[\s-])(?:meta|info|date)(?:$|[\s-])", re.I)
_BYLINE_TEXT = re.compile(r"(?:Posted|Published|By|Updated|Written)\b", re.I)


def _is_hidden(el: Any) -> bool:
    for node in (el, *el.iterancestors()):
        if node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
        style = (node.get("style") or "").replace(" ", "").lower()
        if "display:none" in style:
            return True
    return False


_COPYRIGHT = re.compile(r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})", re.I)


def _year_hint(blocks: list[Block], jsonld: list[dict[str, Any]]) -> int | None:
    for block in reversed(blocks):
        if m := _COPYRIGHT.search(block.text):
            return int(m.group(1))
    return None


# -- parse --------------------------------------------------------------------

def _decode(html: bytes | str, encoding: str | None) -> str:
    if isinstance(html, str):
        return html
    if encoding:
        try:
            return html.decode(encoding, errors="replace")
        except LookupError:
            pass
    head = html[:2048].decode("ascii", errors="ignore")
    m = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    for enc in ([m.group(1)] if m else []) + ["utf-8"]:
        try:
            return html.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return html.decode("cp1252", errors="replace")


def parse_page(html: bytes | str, url: str | None = None, encoding: str | None = None) -> Page:
    """Parse an HTML document once into a :class:`Page`."""
    text = _decode(html, encoding)
    if not text.strip():
        return Page(url, "", [], None, [], [], [], False)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        root = lxml.html.document_fromstring(text.encode("utf-8", errors="replace"))

    jsonld: list[dict[str, Any]] = []
    scripts: list[str] = []
    for script in root.iter("script"):
        body = script.text or ""
        if (script.get("type") or "").lower() == "application/ld+json":
            try:
                data = json.loads(body)
            except ValueError:
                continue
            jsonld.extend(_walk_jsonld(data))
        elif body and ("publish" in body or "Published" in body):
            scripts.append(body)

    walker = _Walker()
    body_el = root.find("body")
    walker.walk(body_el if body_el is not None else root, "main", "div")
    walker.flush("div", "main")
    blocks = walker.blocks

    headline = ""
    for block in blocks:
        if block.kind == "heading" and block.level == 1 and block.zone == "main":
            headline = block.text
            break
    if not headline:
        og = root.find(".//meta[@property='og:title']")
        if og is not None and og.get("content"):
            headline = _clean(og.get("content"))
        else:
            title_el = root.find(".//title")
            headline = _clean(title_el.text_content()) if title_el is not None else ""
    subheadings = [b.text for b in blocks if b.kind == "heading" and b.zone == "main" and b.level > 1]

    videos = walker.videos + _jsonld_videos(jsonld)
    published, source = _published(root, jsonld, url, scripts, blocks)
    kinds: set[str] = set()
    for obj in jsonld:
        kinds |= jsonld_types(obj)
    title_page = bool(kinds & _TITLE_TYPES) and not (kinds & (_ARTICLE_TYPES - {"webpage"})) \
        and published is None
    desc_el = root.find(".//meta[@name='description']")
    desc = _clean(desc_el.get("content") or "") if desc_el is not None else ""
    return Page(url=url, headline=headline, subheadings=subheadings, published=published,
                blocks=blocks, jsonld=jsonld, videos=videos, title_page=title_page,
                year_hint=_year_hint(blocks, jsonld) if published is None else None,
                published_source=source, meta_description=desc)


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
        out.append(Video(_clean(str(name)), url, video_id(url or ""), "main", _clean(str(desc)),
                         str(upload)))
    return out
