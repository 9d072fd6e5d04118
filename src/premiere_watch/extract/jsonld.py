"""JSON-LD helpers: flatten a page's objects and read their types."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# What a writer published (its datePublished dates the page): articles, posts and reviews.
ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "webpage",
                  "analysisnewsarticle", "reviewnewsarticle", "pressrelease", "discussionforumposting",
                  "socialmediaposting", "liveblogposting", "review", "criticreview", "opinionnewsarticle",
                  "backgroundnewsarticle", "posting", "scholarlyarticle", "techarticle", "qapage"}
TITLE_TYPES = {"tvseries", "tvseason", "movie", "tvepisode", "episode", "creativeworkseason",
                "creativeworkseries", "videogame"}



def jsonld_types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type", "")
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).lower() for t in items}


def walk_jsonld(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, list):
        for item in obj:
            yield from walk_jsonld(item)
    elif isinstance(obj, dict):
        yield obj
        for key, value in obj.items():
            if key != "@context" and isinstance(value, dict | list):
                yield from walk_jsonld(value)
