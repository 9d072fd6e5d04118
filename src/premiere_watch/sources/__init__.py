"""Kinds of source. Importing this package registers every built-in kind."""

from premiere_watch.sources.base import COMMON_KEYS, Context, Key, Source, SourceResult, SourceState

__all__ = ["COMMON_KEYS", "Context", "Key", "Source", "SourceResult", "SourceState"]
