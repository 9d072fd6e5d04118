"""Premiere dates from a page's JSON-LD: official, machine-readable evidence.

A streamer's title page states its dates here (TVSeries ``containsSeason``
``startDate``, Movie ``releasedEvent``); an article may embed a ``Movie``
whose date went stale, which is why ``decide.py`` ranks these below an
article's own prose.
"""

from __future__ import annotations

import re
from typing import Any

from premiere_watch.dates import FuzzyDate
from premiere_watch.extract.decide import Candidate
from premiere_watch.extract.jsonld import jsonld_types
from premiere_watch.extract.page import Page
from premiere_watch.extract.titles import TitleMatcher, season_refs
from premiere_watch.model import Target, normalize_title


def _iso_fuzzy(value: Any) -> FuzzyDate | None:
    if not isinstance(value, str):
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    try:
        return FuzzyDate(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                         int(m.group(3)) if m.group(3) else None)
    except ValueError:
        return None


def _names(obj: dict[str, Any]) -> set[str]:
    """Normalised names of a JSON-LD work; "The Last of Us" is not "Us", so whole names only."""
    out = set()
    for key in ("name", "alternateName"):
        values = obj.get(key)
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str):
                out.add(normalize_title(re.sub(r"\s*\((?:\d{4}|film|movie|tv series)\)\s*$", "", value, flags=re.I)))
    return out


def jsonld_names(page: Page, matcher: TitleMatcher) -> bool:
    """A JSON-LD work on the page carries exactly one of the target's names."""
    wanted = {normalize_title(n) for n in matcher.names}
    return any(_names(obj) & wanted for obj in page.jsonld if jsonld_types(obj) & _WORK_TYPES)


_WORK_TYPES = {"movie", "tvseries", "tvseason", "creativework", "tvspecial", "creativeworkseries"}


def structured_candidates(page: Page, target: Target, matcher: TitleMatcher) -> list[Candidate]:
    """JSON-LD premiere dates of the target (and season) — official, machine-readable."""
    out: list[Candidate] = []
    wanted = {normalize_title(n) for n in matcher.names}
    for obj in page.jsonld:
        types = jsonld_types(obj)
        names_target = _names(obj) & wanted != set()
        if target.season is not None and types & {"tvseries", "creativeworkseries"} and names_target:
            seasons = obj.get("containsSeason")
            for season in seasons if isinstance(seasons, list) else [seasons] if isinstance(seasons, dict) else []:
                if not isinstance(season, dict):
                    continue
                num = season.get("seasonNumber")
                try:
                    num_int = int(num) if num is not None else None
                except (TypeError, ValueError):
                    num_int = None
                if num_int is None:
                    refs = season_refs(str(season.get("name", "")))
                    num_int = refs[0].number if refs else None
                if num_int == target.season:
                    date = _iso_fuzzy(season.get("startDate") or season.get("datePublished"))
                    if date:
                        out.append(Candidate(date, "confirmed", f"JSON-LD TVSeason {num_int} startDate "
                                             f"{date.iso()}", "structured data", structured=True))
            if target.season == 1 and not seasons and (date := _iso_fuzzy(obj.get("startDate"))):
                # A series that lists no seasons starts when its first season does.
                out.append(Candidate(date, "confirmed", f"JSON-LD TVSeries startDate {date.iso()}",
                                     "structured data", structured=True))
        elif target.season is None and types & {"movie", "tvseries", "creativework", "tvspecial"} \
                and names_target:
            events = obj.get("releasedEvent")
            evs = events if isinstance(events, list) else [events] if isinstance(events, dict) else []
            for ev in evs:
                if isinstance(ev, dict) and (date := _iso_fuzzy(ev.get("startDate"))):
                    out.append(Candidate(date, "confirmed", f"JSON-LD releasedEvent startDate {date.iso()}",
                                         "structured data", structured=True))
            # Not dateCreated: when a work was made is not when it is released.
            for key in ("datePublished", "startDate", "releaseDate"):
                if (date := _iso_fuzzy(obj.get(key))) and not evs:
                    out.append(Candidate(date, "confirmed", f"JSON-LD {sorted(types)[0]} {key} {date.iso()}",
                                         "structured data", structured=True))
                    break
    return out
