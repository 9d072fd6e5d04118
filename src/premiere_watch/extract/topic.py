"""What a page is about: the target throughout, several titles in turn, or the target's own entry;
and which of the target's seasons an article about it is about."""

from __future__ import annotations

import re

from premiere_watch.extract.attribution import emphasized_titles
from premiere_watch.extract.page import Page
from premiere_watch.extract.structured import jsonld_names
from premiere_watch.extract.titles import Mention, SeasonRef, TitleMatcher, season_refs
from premiere_watch.model import Target

_NEW_SEASON = re.compile(r"\b(?:new|upcoming|next|coming|forthcoming|latest)\s+(?:season|series|episodes|run)\b|"
                         r"\b(?:revival|reboot|return(?:ing)? season)\b", re.I)


_YEAR_ONLY = re.compile(r"[\s(]*(?:19|20)\d\d[\s)]*")


def is_entry_headline(headline: str, matcher: TitleMatcher) -> bool:
    """The headline is the title's name, with at most its year ("Materialists", "Five Nights at
    Freddy's 2 (2025)"): the page is the title's own entry, not an article about it."""
    mentions = matcher.find(headline)
    if len(mentions) != 1:
        return False
    rest = headline[:mentions[0].start] + headline[mentions[0].end:]
    return not rest.strip(" :|-–—·") or bool(_YEAR_ONLY.fullmatch(rest))


# A forum community named for the title: "Season 3 teaser is out! : r/CopperSaints".
_COMMUNITY = re.compile(r"(?<![\w/])r/(?P<name>\w{3,40})\b")


def _squashed(name: str) -> str:
    return re.sub(r"[\W_]", "", name.lower())


def about_target(page: Page, matcher: TitleMatcher) -> bool:
    """The whole page is about the target: its headline names it, it is the target's own
    title page (its JSON-LD work carries exactly the target's name), or a thread of the
    community named for it."""
    # A file name for a title ("PARASITE_PressKit_ENG_final") spells words with underscores.
    # (The thread's community stands in its title or in the post's byline: "r/CopperSaints • Posted by".)
    community = next((m for text in (page.meta_title, *(b.text for b in page.blocks[:3] if b.zone == "main"))
                      if (m := _COMMUNITY.search(text))), None)
    return bool(matcher.find(page.headline.replace("_", " "))) or (page.title_page and jsonld_names(page, matcher)) \
        or (page.meta_title != page.headline and bool(matcher.find(page.meta_title.replace("_", " ")))) \
        or (community is not None and _squashed(community.group("name")) in {_squashed(n) for n in matcher.names})


_LIST_ITEM = re.compile(r"(?:^|[:,;]|\band\b|&)\s*(?P<item>[A-Z0-9][^,;:&]*?)(?=\s*(?:,|;|&|\band\b|$))")


def roundup(headline: str, matcher: TitleMatcher) -> bool:
    """The headline lists several titles ("Coming to Netflix in January: The Night Agent,
    American Primeval, Back in Action and more"): the page is about each in its own section,
    not about the target throughout."""
    if not matcher.find(headline):
        return False
    tail = headline.split(":", 1)[1] if ":" in headline else headline
    if tail.count(",") < 2:
        return False  # a list of titles runs "A, B, C and more"
    items = [m.group("item").strip() for m in _LIST_ITEM.finditer(tail)]
    others = [i for i in items if i and not matcher.find(i) and i.lower() not in ("more", "others")
              and len(i.split()) <= 5 and not re.search(r"\d", i)]
    return len(others) >= 2


_MEASURED_FROM = re.compile(r"\b(?:after|since|before|following|than|like|unlike)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)


def seasons_spoken_of(text: str) -> list[SeasonRef]:
    """The seasons ``text`` names, but for those it measures from ("comes back in September,
    two years after season 2"): a page or section is not about those."""
    return [r for r in season_refs(text) if not _MEASURED_FROM.search(text, 0, r.start)]


def _asked_or_supposed(text: str, at: int) -> bool:
    """"Has there been any talk of a second season?", "if there is a season 2": a season
    asked about or supposed is not one the page reports."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at)
    return (end is not None and end.group(0).startswith("?")) or bool(_SUPPOSED.search(text, start, at))


_SENTENCE_END = re.compile(r"[.?!](?:\s|$)")
_SUPPOSED = re.compile(r"\b(?:if|whether|would|could|might|hopes? for|possible|potential|any talk of)\b", re.I)


# "already greenlit through a third season", "no dates have been given for seasons two or three": later
# seasons planned are not what a page about the first one is about.
_PLANNED = re.compile(r"\b(?:through|up to|no (?:release )?dates?\b[^.;]{0,40}?\bfor)\s+(?:a\s+|the\s+)?$", re.I)
# "It's just Legacy season 2 footage": a season after a name is that name's.
# (... not "the fifth installment of Noah Hawley's anthology": a person's work is the title's own.)
# (... nor "the 14th and final season of the Tom Selleck police drama": a name describing the work.)
_OF_NAME_AFTER = re.compile(r"\s+of\s+(?:the\s+)?"
                            r"(?P<name>[A-Z][\w'’-]*+(?:\s+(?:(?:of|the|and|&)\s+)?[A-Z][\w'’-]*+)*+)"
                            r"(?!\s+[a-z])")
_NAME_BEFORE = re.compile(r"\b(?P<name>[A-Z][\w'’:-]*)\s+$")
_NOT_NAMES = frozenset(("the", "this", "that", "its", "their", "a", "an", "new", "next", "last", "final", "every",
                        "each", "whole", "entire", "first", "second", "third", "in", "for", "of", "and", "but", "so"))


def _named_for_another(text: str, at: int, own: list[Mention], end: int | None = None) -> bool:
    if end is not None and (of := _OF_NAME_AFTER.match(text, end)) and \
            not of.group("name").endswith(("'s", "’s")) and not any(t.start <= of.start("name") < t.end for t in own):
        return True  # "the sixth series of Line of Duty"
    m = _NAME_BEFORE.search(text, max(0, at - 40), at)
    return m is not None and m.group("name").lower() not in _NOT_NAMES and \
        not any(t.start <= m.start() < t.end for t in own)


def article_season(page: Page, matcher: TitleMatcher, target: Target) -> int | None:
    """The season an article about the target is about: the one its headline names, else
    the one its paragraphs about the target name most often (ties to the later season;
    recaps are brief).  Other shows' seasons on the page say nothing about the target's."""
    headline_mentions = matcher.find(page.headline)
    if not headline_mentions or target.season is None:
        return None
    refs = season_refs(page.headline)
    if refs and refs[0].number:
        return refs[0].number
    if headline_mentions[0].season is not None:
        return headline_mentions[0].season
    counts: dict[int, int] = {}
    lede: int | None = None
    for block in page.blocks:
        if block.zone != "main" or not (matcher.find(block.text) or matcher.find(block.heading)):
            continue
        if not matcher.find(block.text) and emphasized_titles(block.emphasized, matcher):
            continue  # "Ferrell also appears in The Quiet Duchess ... its second season": that show's
        own = matcher.find(block.text)
        numbered = [r.number for r in seasons_spoken_of(block.text) if r.number is not None
                    and block.text[r.end:r.end + 2] not in ("'s", "’s") and not _asked_or_supposed(block.text, r.start)
                    and not _named_for_another(block.text, r.start, own, r.end)
                    and not _PLANNED.search(block.text, max(0, r.start - 50), r.start)]
        if lede is None and numbered and matcher.find(block.text):
            lede = numbered[0]
        for number in numbered:
            counts[number] = counts.get(number, 0) + 1
    if target.season in counts:
        return target.season  # the page speaks of the watched season: it is about it, among others
    if counts and max(counts) < target.season and any(
            _NEW_SEASON.search(b.text) for b in page.blocks if b.zone == "main" and matcher.find(b.text)):
        # "its second and final season ended in 1991" on a page about "the revival", "the new
        # season": the seasons it numbers are the past, not what it is about.
        return None
    if lede is not None:
        return lede  # the lede names the season the article is about
    return max(counts, key=lambda n: (counts[n], n)) if counts else None
