"""Which part of a page a piece of markup belongs to: main, aside, comment or chrome.

Decided by structure (``nav``, ``footer``, ``aside``, a site ``header`` without
the headline), ARIA roles, and class/id hints ("sidebar", "related",
"comments", "cookie" ...).  Zones only ever get less trusted going down the
tree: nothing inside a comment thread becomes main content again.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from lxml import etree

from premiere_watch.extract.casefold import CaselessScan

Zone = Literal["main", "aside", "comment", "chrome"]

BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "figcaption", "caption", "blockquote",
    "dd", "dt", "div", "section", "article", "main", "aside", "header", "footer", "nav", "ul",
    "ol", "table", "tbody", "thead", "figure", "td", "th", "form", "body", "pre", "address",
    "summary", "details",
}
SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "button", "select", "option",
              "input", "textarea", "iframe", "head", "title", "meta", "link"}
EMPH_TAGS = {"em", "i", "cite", "strong", "b", "q"}  # links are rarely titles
_CHROME_TAGS = {"nav", "footer"}
# The class and id hints are read on every element of a page: CaselessScans (see ``casefold``).
COMMENT_HINT = CaselessScan(r"comment|disqus|reply|replies|discuss|user-review|community-review|customer-review|"
                            r"product__reviews|product-reviews|talkback|"
                            r"reader-(?:reviews|responses)|(?:^|[\s_-])responses(?:$|[\s_-])")
_CHROME_HINT = CaselessScan(
    r"(?:^|[\s_-])(?:nav|navbar|menu|mega|footer|foot|cookie|consent|gdpr|banner|newsletter|"
    r"subscribe|signup|ad|ads|advert|advertisement|sponsor|share|social|breadcrumbs?|topbar|"
    r"masthead|site-header|paywall|modal|dialog|login|ticker|breaking|skip|tags|"
    r"brand|logo|poll)(?:$|[\s_-])"
)
_ASIDE_HINT = CaselessScan(
    r"sidebar|related|trending|popular|most-read|more-(?:like|module|stories|news|from|articles)|recommend|"
    r"widget|carousel|coming-soon|upcoming|promo|read-?next|up-?next|also-read|you-may-like|outbrain|taboola|"
    r"(?:^|[\s_-])(?:rail|side|aside|tiles|thumbs|shelf related|lockups|teasers?-list|grid-related)(?:$|[\s_-])"
)
_BEM_MODIFIER = re.compile(r"--[\w-]+")
_MAIN_HINT = CaselessScan(r"article|story|entry-content|post-?body|content-body|release-text|"
                          r"(?:^|[\s_-])(?:body|main|content)(?:$|[\s_-])")
_ROLE_ZONE: dict[str, Zone] = {
    "navigation": "chrome", "banner": "chrome", "contentinfo": "chrome", "dialog": "chrome",
    "complementary": "aside", "search": "chrome", "alertdialog": "chrome",
}


# A "Watch trailer" button opens a modal that holds the player: the page's own video, not a
# cookie or sign-up dialog.
_PLAYER_BOX = re.compile(r"modal|dialog|lightbox|popup", re.I)
_HOLDS_PLAYER = etree.XPath("boolean(descendant::iframe | descendant::video)")


# A class name says "widget" or "sidebar", but the element holds the article itself (Blogger
# wraps every post in a "widget Blog"): the content decides, not the name.
_HOLDS_ARTICLE = etree.XPath(
    "boolean(descendant::article | descendant::*[@itemprop='articleBody'] | descendant::h1 | "
    "descendant::*[contains(@class, 'entry-content') or contains(@class, 'post-body') or "
    "contains(@class, 'article-body') or contains(@class, 'articleBody') or contains(@class, 'story-body')])")


# A thread's heading: "Comments", "Discussion", "12 comments", "Reader comments", "Join the conversation".
_COMMENTS_HEADING = re.compile(r"\s*(?:\d+\s+)?(?:reader(?:s['’]?)?\s+)?(?:comments?|discussion|responses|replies|"
                               r"(?:customer|user|reader|audience)\s+(?:reviews|questions)|questions (?:and|&) answers|"
                               r"join the (?:conversation|discussion)|have your say|what (?:readers|you) (?:say|think)"
                               r")\s*(?:\(\d+\))?\s*:?\s*", re.I)


def _opens_with_comments_heading(el: Any) -> bool:
    """A container whose first element is a heading naming a comment thread."""
    first = next((c for c in el if isinstance(c.tag, str)), None)
    return first is not None and first.tag in ("h2", "h3", "h4", "h5") and bool(
        _COMMENTS_HEADING.fullmatch(first.text_content()))


def zone_of(el: Any, parent: Zone) -> Zone:
    """The zone an element opens; inner zones only ever get *less* trusted."""
    if parent in ("comment", "chrome"):
        return parent
    tag = el.tag if isinstance(el.tag, str) else ""
    hints = f"{el.get('class') or ''} {el.get('id') or ''}"
    role = (el.get("role") or "").lower()
    if COMMENT_HINT.search(hints):
        return "comment"
    if tag in ("div", "section") and _opens_with_comments_heading(el):
        return "comment"
    if role in _ROLE_ZONE:
        zone = _ROLE_ZONE[role]
        return zone if parent == "main" or zone == "chrome" else parent
    if tag in _CHROME_TAGS:
        return "chrome"
    if tag == "header":
        # An article's own header carries the headline; the site header (logo, menus) does not.
        if any(a.tag in ("article", "main") for a in el.iterancestors()):
            return parent
        h1 = el.find(".//h1")
        return parent if h1 is not None and len(h1.text_content().split()) > 2 else "chrome"
    if tag == "aside":
        return "aside"
    if hints.strip():
        if _CHROME_HINT.search(hints) and not _HOLDS_ARTICLE(el) and not (
                _PLAYER_BOX.search(hints) and _HOLDS_PLAYER(el)):
            return "chrome"
        # A BEM modifier ("ws-offer--upcoming") says what state an element is in, not that it is a rail.
        block_names = _BEM_MODIFIER.sub("", hints)
        if _ASIDE_HINT.search(block_names) and not _MAIN_HINT.search(hints) and not _HOLDS_ARTICLE(el):
            return "aside"
    return parent


def clean(text: str) -> str:
    """Runs of whitespace (a no-break space too) as one space, none at the ends.

    ``str.split`` splits on exactly the characters ``\\s`` matches, and is three
    times faster than a regex substitution on a page's worth of blocks."""
    return " ".join(text.split())
