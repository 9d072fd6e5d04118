"""Extraction: from a page to what it says about one watched title.

Public API (others code against exactly these names)::

    parse_page(html, url=None, encoding=None) -> Page    # once per document
    extract(page, target) -> Extraction                  # once per watched title

Modules, in the order a page flows through them:

* ``page.py``: lxml parse into blocks (``zones.py``: main/aside/comment/chrome),
  publication date (``published.py``), JSON-LD (``jsonld.py``), videos;
* ``titles.py``: where the target (and its season) is named, and where another
  title is the subject instead;
* ``mentions.py``: the date grammar (``grammar/``, another owner) behind a
  per-page cache;
* ``topic.py``: what the page is about (the target throughout, several
  titles in turn, the target's own entry) and which season;
* ``claims.py`` + ``cues.py``: sentence by sentence, which dates are this
  title's release and with what status (``attribution.py`` and
  ``ownership.py``: whose a date is; ``listings.py``: TV guides' day
  headings and rows); ``structured.py``: JSON-LD dates;
  ``decide.py``: the one confirmed date, tentative and denied ones, weighed by
  ``rank.py`` (weights fitted by ``tools/ranker.py``);
* ``trailers.py``: released / none / unmentioned;
* ``__main__.py``: ``python -m premiere_watch.extract`` and ``format_extraction``.
"""

from __future__ import annotations

from premiere_watch.extract.claims import date_claims
from premiere_watch.extract.page import Block, Page, Video, parse_page
from premiere_watch.extract.titles import TitleMatcher
from premiere_watch.extract.trailers import find_trailers
from premiere_watch.model import Extraction, Target

__all__ = ["Block", "Page", "Video", "extract", "parse_page"]


def clear_caches() -> None:
    """Forget memoised sentence analyses (benchmarks measure cold runs with it)."""
    from premiere_watch.extract import cues, titles

    cues.clear_caches()
    titles.clear_caches()


def _page_text(page: Page) -> str:
    cached = page.extra.get("main_text")
    if isinstance(cached, str):
        return cached
    text = "\n".join(b.text for b in page.blocks if b.zone in ("main", "aside"))
    page.extra["main_text"] = text
    return text


def extract(page: Page, target: Target) -> Extraction:
    """Everything ``page`` says about ``target``: premiere claims and trailers, with evidence."""
    matcher = TitleMatcher(target, _page_text(page))
    claims = date_claims(page, target, matcher)
    trailers = find_trailers(page, target, matcher, claims.mentioned_in_main, claims.about, claims.titles)
    return Extraction(
        target=target,
        published=page.published,
        confirmed=claims.confirmed,
        tentative=claims.tentative,
        denied=claims.denied,
        trailer_status=trailers.status,
        trailer_evidence=trailers.evidence,
        trailers=trailers.trailers,
        rejected=claims.rejected + trailers.rejected,
        headline=page.headline,
    )
