"""What every kind of source shares: declarative keys, the registry, results.

A source kind is a subclass of :class:`Source` declared with its name and
the TOML keys it accepts::

    class FeedSource(Source, kind="feed"):
        '''RSS/Atom feed: articles that mention a watched title are read as pages.'''
        keys = (Key("max_articles", int, "articles fetched per pass", default=10),)

The keys drive three things at once, so they cannot drift apart: watchlist
validation (unknown keys and wrong types are rejected with the fix),
``premiere-watch keys`` help text, and the options a source instance gets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from premiere_watch.keys import Key
from premiere_watch.model import Observation, Target
from premiere_watch.schedule import duration_check, schedule_check

if TYPE_CHECKING:
    from premiere_watch.fetch import Fetcher
    from premiere_watch.pool import PageReader

# Keys every source accepts, whatever its kind.
COMMON_KEYS: tuple[Key, ...] = (
    # secret: a ${VAR} in a URL (a token in the query) is masked wherever the URL is shown.
    Key("url", str, "where to read: a page, feed or API URL (http or https)", secret=True,
        example='"https://example.com/news/show-season-2"'),
    Key("kind", str, "source kind (see `premiere-watch keys`)", default="page", example='"feed"'),
    Key("interval", str, "check interval such as \"30m\" or \"6h\", or a cron expression "
        "\"cron: 0 */6 * * *\"; default: the watch's, then [settings]", default=None, check=schedule_check,
        example='"1h"'),
    Key("host_delay", str, 'minimum time between requests to this host (at most "1h")', default=None,
        check=duration_check("1h"), example='"5s"'),
    Key("host_concurrency", int, "most concurrent requests to this host", default=None, min=1, max=64,
        example="2"),
    Key("robots", bool, "honour robots.txt; turning it off is logged", default=True, example="false"),
)


@dataclass
class SourceState:
    """What a source remembers between passes (kept in SQLite by the store)."""

    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    # Free-form memory of the kind: feed articles already read, a TVmaze id...
    memory: dict[str, Any] = field(default_factory=dict)


@dataclass
class SourceResult:
    """The outcome of reading one source once."""

    status: Literal["ok", "unchanged", "failed"]
    observations: list[Observation] = field(default_factory=list)
    reason: str = ""  # short and human: "HTTP 503 after 3 tries", "timed out after 20s"
    temporary: bool = True  # for failures: worth trying again later?
    state: SourceState = field(default_factory=SourceState)
    fetched_at: dt.datetime | None = None


def _in_process() -> PageReader:
    from premiere_watch.pool import PageReader  # imported when used: a source kind needs no pool

    return PageReader(workers=0)


@dataclass
class Context:
    """What a source needs from the outside world during a pass."""

    fetcher: Fetcher
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
    # Parses fetched pages and extracts from them: the pipeline's worker processes, or this one.
    reader: PageReader = field(default_factory=_in_process)


class Source:
    """A kind of source. Subclass with ``kind="name"`` to register it."""

    registry: ClassVar[dict[str, type[Source]]] = {}
    kind: ClassVar[str]
    keys: ClassVar[tuple[Key, ...]] = ()
    # Structured schedule sources (APIs, a streamer's JSON-LD) are official.
    structured: ClassVar[bool] = False
    # API kinds know where their service lives; `url` is then optional.
    default_url: ClassVar[str | None] = None

    def __init_subclass__(cls, kind: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if kind is not None:
            if kind in Source.registry:
                raise TypeError(f"source kind {kind!r} registered twice")
            cls.kind = kind
            Source.registry[kind] = cls

    def __init__(self, url: str, options: Mapping[str, Any]) -> None:
        self.url = url
        self.options = dict(options)

    @classmethod
    def all_keys(cls) -> tuple[Key, ...]:
        return COMMON_KEYS + cls.keys

    async def collect(
        self, ctx: Context, targets: Sequence[Target], state: SourceState
    ) -> SourceResult:
        """Read the source once and say what it tells about each target."""
        raise NotImplementedError

    def option(self, name: str) -> Any:
        """A kind-specific option, or its declared default."""
        if name in self.options:
            return self.options[name]
        for key in self.all_keys():
            if key.name == name:
                return key.default
        raise KeyError(name)


Memory = MutableMapping[str, Any]
