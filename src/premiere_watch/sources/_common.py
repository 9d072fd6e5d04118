"""Helpers the built-in source kinds share (not a kind itself).

Politeness options, title matching, digests, and defensive readers for the
JSON the schedule APIs return: an API that changes shape must give a recorded
failure with a short reason, never a ``KeyError`` out of ``collect``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, TypedDict, TypeGuard
from urllib.parse import urlsplit

from premiere_watch.dates import FuzzyDate
from premiere_watch.model import Observation, Target, normalize_title
from premiere_watch.reading import digest
from premiere_watch.schedule import parse_duration
from premiere_watch.sources.base import Context, Source, SourceResult, SourceState

__all__ = [
    "ApiSource", "FetchOptions", "RequestFailed", "ShapeError", "api_base", "api_result", "as_dict", "as_list",
    "day_of", "digest",
    "failed", "fetch_options", "is_http", "mentions", "name_matches", "observations_digest", "seconds",
]


class ShapeError(ValueError):
    """A response parsed but is not shaped as the service documents it."""


class RequestFailed(Exception):
    """An API request failed; carries the fetcher's short reason and whether it may pass."""

    def __init__(self, reason: str, temporary: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.temporary = temporary


class FetchOptions(TypedDict, total=False):
    host_delay: float | None
    host_concurrency: int | None
    robots: bool | None


def seconds(value: Any) -> float | None:
    """Seconds from a number or a duration such as ``"2s"``; None when absent or unreadable.

    The watchlist hands sources parsed numbers; a source built by hand (tests,
    ``extract --option``) may carry the TOML string.  Unreadable falls back to
    the fetcher's default rather than failing the source: validation reports it.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if value >= 0 else None
    if isinstance(value, str):
        try:
            return parse_duration(value)
        except ValueError:
            return None
    return None


def fetch_options(source: Source, default_delay: float | None = None) -> FetchOptions:
    """Per-host politeness overrides for ``Fetcher.fetch`` from a source's options.

    ``default_delay`` is the kind's own floor (TVmaze asks for ~2 requests/s)
    used when the operator configured none.
    """
    opts = source.options
    delay = seconds(opts.get("host_delay"))
    concurrency = opts.get("host_concurrency")
    robots = opts.get("robots")
    return FetchOptions(
        host_delay=delay if delay is not None else default_delay,
        host_concurrency=concurrency if isinstance(concurrency, int) and concurrency > 0 else None,
        robots=robots if isinstance(robots, bool) else None,
    )


def api_base(source: Source, default: str) -> str:
    """The base URL of an API kind: the source ``url`` (config fills in the kind's
    ``default_url`` when the operator wrote none; tests point it at a local server)."""
    return (source.url or default).rstrip("/")


def is_http(url: object) -> TypeGuard[str]:
    if not isinstance(url, str):
        return False
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# -- titles -----------------------------------------------------------------


def mentions(text: str, names: Iterable[str]) -> bool:
    """Whether ``text`` names one of ``names`` as whole words, after normalising both.

    Whole words so "Dune" does not match "Dunes of Mars"; normalised like
    :func:`model.normalize_title` so accents, case and punctuation don't matter.
    """
    haystack = f" {normalize_title(text)} "
    return any(f" {n} " in haystack for n in (normalize_title(x) for x in names) if n)


def name_matches(candidates: Iterable[object], target: Target) -> bool:
    """Whether one of an API record's names is exactly one of the target's names."""
    wanted = {normalize_title(n) for n in target.names}
    return any(isinstance(c, str) and normalize_title(c) in wanted for c in candidates)


# -- digests ----------------------------------------------------------------


def observations_digest(observations: Sequence[Observation]) -> str:
    """What the observations *say*, so an API read that says the same thing is 'unchanged'."""
    return digest([(o.target_key, o.document_url, o.structured, o.extraction.to_json())
                   for o in observations])


# -- results ----------------------------------------------------------------


def failed(reason: str, state: SourceState, now: dt.datetime, *, temporary: bool = True) -> SourceResult:
    """A failure that keeps the old state, so validators and memory survive a bad pass."""
    return SourceResult(status="failed", reason=reason, temporary=temporary, state=state, fetched_at=now)


# -- defensive JSON readers -------------------------------------------------


def api_result(
    state: SourceState, memory: dict[str, Any], observations: list[Observation],
    problems: Sequence[RequestFailed], now: dt.datetime,
) -> SourceResult:
    """The result of an API kind that reads each watched title in turn.

    All titles failed: a failure that keeps the old state (the remembered ids
    too).  Some failed: "ok" with what was read and the failures as reason.
    The same answers as last time: "unchanged".
    """
    if problems and not observations:
        kept = SourceState(etag=state.etag, last_modified=state.last_modified,
                           content_hash=state.content_hash, memory=memory)
        return failed(problems[0].reason, kept, now, temporary=all(p.temporary for p in problems))
    new_state = SourceState(content_hash=observations_digest(observations), memory=memory)
    if new_state.content_hash == state.content_hash and not problems:
        return SourceResult(status="unchanged", state=new_state, fetched_at=now)
    return SourceResult(status="ok", observations=observations, state=new_state, fetched_at=now,
                        reason="; ".join(p.reason for p in problems)[:300])


class ApiSource(Source):
    """A schedule API read once per watched title, remembering each title's id.

    Subclasses say how targets group into titles (seasons of one series share
    one lookup), where ids are remembered, which option pins the id, and how to
    read one title; the loop, failure handling and result live here once.
    """

    structured: ClassVar[bool] = True  # a schedule API is official, structured evidence
    service: ClassVar[str] = "API"  # for failure reasons: "unexpected TMDB response"
    ids_memory: ClassVar[str] = "ids"  # SourceState.memory key of the remembered ids
    id_option: ClassVar[str] = "id"  # the option that pins the id when one title is read

    def title_key(self, target: Target) -> str | None:
        """Targets with the same key are read together; None skips the target."""
        return normalize_title(target.title)

    async def read_title(self, ctx: Context, group: list[Target], key: str, ids: dict[str, Any],
                         configured: Any) -> list[Observation]:
        raise NotImplementedError

    async def collect(self, ctx: Context, targets: Sequence[Target], state: SourceState) -> SourceResult:
        now = ctx.now()
        memory = dict(state.memory)
        ids = dict(memory.get(self.ids_memory) or {})
        observations: list[Observation] = []
        problems: list[RequestFailed] = []
        groups: dict[str, list[Target]] = {}
        for t in targets:
            if (key := self.title_key(t)) is not None:
                groups.setdefault(key, []).append(t)
        for key, group in groups.items():
            try:
                # The id option names one title: it only applies when the source reads one.
                configured = self.option(self.id_option) if len(groups) == 1 else None
                observations.extend(await self.read_title(ctx, group, key, ids, configured))
            except RequestFailed as exc:
                problems.append(exc)
            except ShapeError as exc:
                problems.append(RequestFailed(f"unexpected {self.service} response: {exc}"[:200], True))
        memory[self.ids_memory] = ids
        return api_result(state, memory, observations, problems, now)


def as_dict(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ShapeError(f"{what}: expected an object, got {type(value).__name__}")
    return value


def as_list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise ShapeError(f"{what}: expected a list, got {type(value).__name__}")
    return value


_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|T)")


def day_of(value: Any) -> FuzzyDate | None:
    """A day from ``2016-09-02`` or ``2024-03-01T00:00:00.000Z``; None for null/empty/odd values.

    APIs use null or "" for "not scheduled yet", which is not an error.
    """
    if not isinstance(value, str) or not (m := _DAY.match(value.strip())):
        return None
    try:
        return FuzzyDate.parse(m.group(1))
    except ValueError:
        return None
