"""Small article pages for extraction tests, and what a careful reader takes from them."""

from __future__ import annotations

from dataclasses import dataclass

from premiere_watch.extract import extract, parse_page
from premiere_watch.model import Extraction, Target

HALCYON = Target("Halcyon Drift", 2, (), "tv")  # a series, watched for its second season
MERIDIAN = Target("Meridian Run", None, (), "film")


def article(*paragraphs: str, headline: str = "Streaming news roundup", published: str | None = "2024-03-12",
            body_top: str = "", lang: str = "") -> str:
    meta = f"<meta property='article:published_time' content='{published}T09:00:00Z'>" if published else ""
    lang_attr = f" lang='{lang}'" if lang else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html{lang_attr}><head>{meta}</head><body><article><h1>{headline}</h1>{body_top}{body}"
            f"</article></body></html>")


def read(html: str, target: Target = HALCYON) -> Extraction:
    return extract(parse_page(html), target)


@dataclass(frozen=True)
class Want:
    confirmed: str | None  # None: nothing may be confirmed
    tentative: str | None = None  # a date that must be among the tentative ones
    denied: str | None = None  # a date that must be among the denied ones


def rules_call(ex: Extraction) -> str | None:
    """The date the claim rules confirmed, whether or not the ranker found it firm enough to alert on.

    These pages are a sentence or two long: nothing else on them supports a lone date, and the ranker
    (``test_extract_rank``) rightly holds many back as tentative.  The rules are what these tables test.
    """
    if ex.confirmed is not None:
        return ex.confirmed.date.iso()
    held = [c for c in ex.tentative if "not firm enough to confirm" in c.why]
    return held[0].date.iso() if held else None


def check(ex: Extraction, want: Want) -> None:
    got = rules_call(ex)
    assert got == want.confirmed, (got, ex.confirmed.evidence if ex.confirmed else "")
    if want.tentative:
        assert want.tentative in [c.date.iso() for c in ex.tentative]
    if want.denied:
        assert want.denied in [c.date.iso() for c in ex.denied]
