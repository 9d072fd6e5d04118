"""``/metrics``: Prometheus text format, written by prometheus-client.

Two kinds of figure:

* what this process saw happen — source reads by result, read and pass
  durations, delivery rounds — counted as it happens (:class:`Metrics` is the
  daemon's observer);
* what the database holds — alerts per notifier and state, facts per watch,
  failing sources, database size — read from the store at each scrape by a
  custom collector, so they are right after a restart and whoever wrote them.

Each :class:`Metrics` has its own registry (no process-wide globals: two
daemons in one test process do not mix their counts).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from premiere_watch.config import Config
from premiere_watch.facts import Facts
from premiere_watch.notify import DeliveryReport
from premiere_watch.pipeline import SourceOutcome
from premiere_watch.readstore import ReadStore
from premiere_watch.store.records import SourceRow

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# Reads take from milliseconds (304) to the fetch timeout and its retries.
_READ_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
_PASS_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0)
DELIVERY_STATES = ("queued", "failed", "sending", "sent", "dead")


class Metrics:
    """Counters a running daemon updates, plus the store's figures at scrape time."""

    def __init__(self, store: ReadStore, config: Callable[[], Config]) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.reads = Counter("premiere_watch_source_reads", "Source reads by source kind and result "
                             "(ok: new content read, unchanged: 304 or same content, failed)",
                             ["kind", "result"], registry=self.registry)
        self.read_seconds = Histogram("premiere_watch_read_seconds", "Time to read one source: fetch, "
                                      "extract, store, reconcile", ["kind"], buckets=_READ_BUCKETS,
                                      registry=self.registry)
        self.pass_seconds = Histogram("premiere_watch_pass_seconds", "Time from the first read of a pass "
                                      "to the moment every source of the watchlist has been read once",
                                      buckets=_PASS_BUCKETS, registry=self.registry)
        self.delivery_seconds = Histogram("premiere_watch_delivery_round_seconds", "Time of one round of "
                                          "alert delivery from the outbox", buckets=_READ_BUCKETS,
                                          registry=self.registry)
        self.delivered = Counter("premiere_watch_alert_deliveries", "Alert deliveries attempted by this "
                                 "process, by result (sent, failed: will be retried, dead: given up)",
                                 ["result"], registry=self.registry)
        self._store_figures = _StoreCollector(store, config)
        self.registry.register(self._store_figures)
        self.config = config
        # The daemon reads each source on its own schedule, so a pass is counted, not
        # called: it starts with a read and ends when every source has been read since.
        self._pass_start: float | None = None
        self._pass_read: set[str] = set()

    def read(self, kind: str, outcome: SourceOutcome) -> None:
        self.reads.labels(kind, outcome.status).inc()
        self.read_seconds.labels(kind).observe(outcome.seconds)
        now = time.monotonic()
        if self._pass_start is None:
            self._pass_start = now - outcome.seconds
        self._pass_read.add(outcome.source_id)
        if {s.id for s, _ in self.config().sources()} <= self._pass_read:
            self.pass_seconds.observe(now - self._pass_start)
            self._pass_start, self._pass_read = None, set()

    def delivery(self, report: DeliveryReport, seconds: float) -> None:
        self.delivery_seconds.observe(seconds)
        for result, count in (("sent", report.sent), ("failed", report.failed), ("dead", report.dead)):
            if count:
                self.delivered.labels(result).inc(count)

    async def render(self) -> bytes:
        """The exposition text: the store's figures are read first (async), then written."""
        await self._store_figures.refresh()
        data: bytes = generate_latest(self.registry)
        return data


@dataclass
class _Figures:
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    facts: dict[str, Facts] = field(default_factory=dict)
    rows: dict[str, SourceRow] = field(default_factory=dict)
    size: int = 0


class _StoreCollector(Collector):
    """Gauges of what the store holds, read just before each scrape (collect() cannot await)."""

    def __init__(self, store: ReadStore, config: Callable[[], Config]) -> None:
        self.store = store
        self.config = config
        self.figures = _Figures()

    async def refresh(self) -> None:
        self.figures = _Figures(await self.store.delivery_counts(), await self.store.all_facts(),
                                {r.source_id: r for r in await self.store.source_rows()},
                                await self.store.size_bytes())

    def describe(self) -> list[Metric]:
        return []  # unchecked collector: its figures depend on what the store holds

    def collect(self) -> Iterator[Metric]:
        config = self.config()
        alerts = GaugeMetricFamily("premiere_watch_alerts", "Alerts in the outbox per notifier and state "
                                   "(queued, failed: waiting for a retry, sending, sent, dead)",
                                   labels=["notifier", "state"])
        counts = self.figures.counts
        notifiers = sorted({n.name for n in config.notifiers} | {n for n, _ in counts})
        for name in notifiers:
            for state in DELIVERY_STATES:
                alerts.add_metric([name, state], counts.get((name, state), 0))
        yield alerts

        facts = GaugeMetricFamily("premiere_watch_facts", "Facts known per watch, by kind (premiere: an "
                                  "official date, trailer, rumour: rumoured windows)", labels=["watch", "kind"])
        known = self.figures.facts
        for watch in config.watches:
            f = known.get(watch.key)
            dated = int(f is not None and f.premiere is not None and f.premiere_status == "confirmed")
            facts.add_metric([watch.label, "premiere"], dated)
            facts.add_metric([watch.label, "trailer"], len(f.trailers) if f else 0)
            facts.add_metric([watch.label, "rumour"], len(f.tentative) if f else 0)
        yield facts

        rows = self.figures.rows
        ids = [s.id for s, _ in config.sources()]
        failing = sum(1 for i in ids if (row := rows.get(i)) is not None and row.consecutive_failures > 0)
        sources = GaugeMetricFamily("premiere_watch_sources", "Sources in the watchlist, by state",
                                    labels=["state"])
        sources.add_metric(["failing"], failing)
        sources.add_metric(["never_read"], sum(1 for i in ids if i not in rows))
        sources.add_metric(["total"], len(ids))
        yield sources

        now = dt.datetime.now(dt.UTC)
        overdue = sum(1 for i in ids if (row := rows.get(i)) is not None and row.next_due is not None
                      and row.next_due < now - dt.timedelta(minutes=5))
        yield GaugeMetricFamily("premiere_watch_sources_overdue", "Sources more than 5 minutes past their "
                                "next check time", value=overdue)
        yield GaugeMetricFamily("premiere_watch_database_bytes", "Size of the database on disk",
                                value=self.figures.size)
