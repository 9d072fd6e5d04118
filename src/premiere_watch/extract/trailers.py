"""Is a trailer or teaser of the target (and season) out, per this page?

Evidence, strongest first:

* an embedded/linked video whose title names the target (and, for a later
  season, that season) and says trailer/teaser;
* a sentence about the target that says a trailer/teaser is out ("released",
  "dropped", "watch the new trailer below");
* a sentence that says there is none yet ("no trailer", "has not released a
  trailer", "not posted online", "screened privately") -> ``none``.

Trailer talk that is only about other titles or seasons makes the status
``none`` when the target is discussed in the article at all (a reader learns
"nothing for this one"), and leaves it ``unmentioned`` otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from premiere_watch.extract.casefold import CaselessScan
from premiere_watch.extract.claims import article_season
from premiere_watch.extract.mentions import text_cache
from premiere_watch.extract.page import Page, Video, watch_url
from premiere_watch.extract.titles import TitleMatcher, foreign_subject, season_refs
from premiere_watch.model import Rejected, Target, Trailer, TrailerStatus

# Tested on every sentence of the article: a CaselessScan (see ``casefold``).
_TRAILER = CaselessScan(r"\b(?:trailers?|teasers?|first[- ]look|sneak peek|promo|footage)\b")
# Footage talk can say there is none; only a trailer, teaser or first look can be "out".
_TRAILER_STRICT = re.compile(r"\b(?:trailers?|teasers?|first[- ]look|sneak peek|promo)\b", re.I)
_NONE = re.compile(
    r"\b(?:no|not|n['’]t|never|yet to|without|nothing)\b[^.;]{0,60}\b(?:trailers?|teasers?|footage|first look|"
    r"video)\b|\b(?:trailers?|teasers?|footage|first look|clip)\b[^.;]{0,80}\b(?:not (?:been )?(?:posted|"
    r"released|public|online|available|shared|made public)|isn['’]t (?:public|online|out)|yet to|not yet|"
    r"privately|behind closed doors|only (?:to|for)|exhibitors|(?:in|for) the (?:hall|room)|no one outside|"
    r"nothing to embed|will (?:be )?(?:released|arrive|drop|follow|come)|should (?:arrive|follow|drop|land)|"
    r"expect(?:ed)? (?:it|one|a)|later|soon|coming)\b|\bhold your breath\b|\bwould not expect\b|"
    r"\bnot a (?:teaser|trailer)\b|\bnothing to embed\b|\bcan['’]t (?:watch|see|view)\b|"
    r"\b(?:has not|hasn['’]t|have not|haven['’]t|was not|wasn['’]t) (?:been )?(?:posted|released|put|shared|"
    r"made)\b",
    re.I,
)
# A trailer shown only to a room (press, exhibitors, a convention hall) is not out.
_PRIVATE = re.compile(
    r"\b(?:show(?:ed|n|s)?|screen(?:ed|s)?|play(?:ed|s)?|present(?:ed|s)?|unveil(?:ed|s)?|previewed)\b[^.;]{0,80}"
    r"\b(?:journalists|reporters|press|exhibitors|theater owners|attendees|the (?:hall|room|crowd|audience)|"
    r"fans in|those in|in the room|behind closed doors|privately)\b|\bprivate(?:ly)? screen",
    re.I,
)
_RELEASED = re.compile(
    r"\b(?:releas(?:ed|es)|dropp(?:ed)|drops|debut(?:ed|s)|unveil(?:ed|s)|shar(?:ed|es)|post(?:ed|s)|"
    r"is (?:out|here|live)|arriv(?:ed|es)|launch(?:ed|es)|premiered|revealed|came out|put out|"
    r"check out|watch|below|above|here['’]s|have a look|take a look|gave us|gives us|offers|showed|"
    r"new (?:trailer|teaser)|first (?:official )?(?:trailer|teaser)|official (?:trailer|teaser)|"
    r"final trailer|latest trailer|(?:trailer|teaser) (?:for|of)|in the (?:trailer|teaser))\b",
    re.I,
)


_FUTURE = re.compile(r"\b(?:will|would|could|should|may|might|set to|expected to|going to|plans? to|soon|"
                     r"next (?:week|month)|later this|coming (?:weeks|days|months))\b", re.I)


@dataclass
class TrailerResult:
    status: TrailerStatus = "unmentioned"
    evidence: str = ""
    trailers: list[Trailer] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def _kind(text: str) -> Literal["trailer", "teaser"]:
    return "teaser" if re.search(r"\bteasers?\b", text, re.I) else "trailer"


def _season_of(text: str) -> int | None:
    refs = season_refs(text)
    return refs[0].number if refs and refs[0].number else None


def _video_is_target(video: Video, target: Target, matcher: TitleMatcher) -> tuple[bool, str]:
    text = f"{video.title} {video.context if not video.title else ''}".strip()
    mentions = matcher.find(video.title) if video.title else []
    if not mentions:
        return False, "video title does not name the title"
    if not _TRAILER.search(f"{video.title} {video.context}"):
        return False, "video is not a trailer or teaser"
    if target.season is not None:
        season = _season_of(video.title) or next((m.season for m in mentions if m.season), None)
        if season is None and target.season > 1:
            return False, f"video names no season ({text[:60]})"
        if season is not None and season != target.season:
            return False, f"video is for season {season}"
    return True, ""


def find_trailers(page: Page, target: Target, matcher: TitleMatcher, mentioned_in_main: bool,
                  article_topic: bool) -> TrailerResult:
    res = TrailerResult()
    seen: set[str] = set()
    for video in page.videos:
        if video.zone in ("comment", "chrome"):
            continue
        ok, reason = _video_is_target(video, target, matcher)
        if not ok:
            if _TRAILER.search(video.title or ""):
                res.rejected.append(Rejected(video.title or (video.url or ""), reason))
            continue
        key = video.video_id or video.url or video.title
        if key in seen:
            continue
        seen.add(key)
        res.trailers.append(Trailer(_kind(f"{video.title} {video.context}"), f"embedded video: {video.title}",
                                    watch_url(video.url, video.video_id), video.video_id, video.title))
    talk_other = False
    future = ""
    negative = ""
    positive = ""
    positive_kind: Literal["trailer", "teaser"] = "trailer"
    subject = article_topic
    cache = text_cache(page)
    # Trailer talk that names no season is about the season the article is about.
    context = article_season(page, matcher, target)
    other_season_article = target.season is not None and context is not None and context != target.season
    for block in page.blocks:
        if block.zone != "main":
            continue
        for sentence in cache.sentences(block.text) if block.kind == "paragraph" else [block.text]:
            has_title = bool(matcher.find(sentence))
            if has_title:
                subject = True
            elif foreign_subject(sentence, matcher):
                subject = False
            if not _TRAILER.search(sentence):
                continue
            about = has_title or (subject and article_topic)
            if other_season_article and _season_of(sentence) is None:
                talk_other = True
                continue
            if target.season is not None:
                season = _season_of(sentence)
                if season is not None and season != target.season and not re.search(
                        rf"\b(?:season|series)\s+{target.season}\b", sentence, re.I):
                    talk_other = True
                    res.rejected.append(Rejected(sentence[:300], f"trailer talk about season {season}"))
                    continue
            if not about:
                talk_other = True
                continue
            if _NONE.search(sentence):
                negative = negative or sentence
                res.rejected.append(Rejected(sentence[:300], "no trailer yet"))
                continue
            if _PRIVATE.search(sentence):
                negative = negative or sentence
                res.rejected.append(Rejected(sentence[:300], "trailer shown privately, not released"))
                continue
            labelled = page.title_page and has_title and len(sentence) < 90  # a title page's video card
            if (_RELEASED.search(sentence) or labelled) and not _FUTURE.search(sentence) and \
                    _TRAILER_STRICT.search(sentence):
                if not positive:
                    positive = sentence
                    positive_kind = _kind(sentence)
            else:
                # "The teaser is set to drop next week": talk of a trailer that is not out yet.
                future = future or sentence
    # An embed is proof; "no trailer yet" outweighs a sentence that only seems to say one is out.
    if res.trailers:
        res.status = "released"
        res.evidence = res.trailers[0].evidence
    elif negative:
        res.status = "none"
        res.evidence = negative
    elif positive:
        res.status = "released"
        res.evidence = positive
        res.trailers.append(Trailer(positive_kind, positive))
    elif future:
        res.status = "none"
        res.evidence = future
    elif talk_other and mentioned_in_main:
        res.status = "none"
        res.evidence = "only trailers of other titles or seasons"
    return res
