"""Kinds of source. Importing this package registers every built-in kind."""

# Imported for their side effect: each module registers its kind with Source.
from premiere_watch.keys import Key
from premiere_watch.sources import feed, page, tmdb, tvmaze, youtube  # noqa: F401
from premiere_watch.sources.base import COMMON_KEYS, Context, Source, SourceResult, SourceState

__all__ = ["COMMON_KEYS", "Context", "Key", "Source", "SourceResult", "SourceState"]
