"""``cues.event_of`` rules its windowed patterns out by a cheap test first: what every match of the
pattern ends with, or holds.  Each pair must stay exact: wherever the pattern matches, its test passes.
Checked on every date of labelled pages and on sentences written to make each pattern match."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from premiere_watch.extract import cues, parse_page
from premiere_watch.extract.casefold import lowered
from premiere_watch.extract.grammar import find_dates, split_sentences

HERE = Path(__file__).resolve().parent
PAGES = [*sorted((HERE.parents[1] / "shared" / "corpus" / "dev").glob("*/page.html")),
         *sorted(p for d in ("holdout16", "holdout17", "holdout18", "holdout19")
                 for p in (HERE / "corpus" / d).glob("*/page.html"))]

# Sentences each pattern matches, so that no pair is checked only where its pattern never fires.
WRITTEN = [
    "None of the episodes will come until 12 March 2026.",
    "Nothing is planned before 12 March 2026.",
    "The network has set the season for 12 March 2026.",
    "HBO Max itself launches in the US on 12 March 2026.",
    "Netflix. Retrieved 12 March 2026.",
    "Archived from the original on 12 March 2026.",
    "As of 12 March 2026, no date was set.",
    "The trailer drops two weeks ahead of 12 March 2026.",
    "Polling is on 12 March 2026, and films do not like to open then.",
]


def _dates_in(sentence: str) -> Iterator[int]:
    for d in find_dates(sentence, None):
        yield d.start


def _sentences() -> Iterator[str]:
    yield from WRITTEN
    for path in PAGES:
        page = parse_page(path.read_bytes())
        for block in page.blocks:
            for sentence in split_sentences(block.text):
                if re.search(r"\d", sentence):
                    yield sentence


def _windowed(pattern: re.Pattern[str], window: int) -> object:
    def check(sentence: str, low: str | None, lo: int, start: int) -> bool:
        return pattern.search(sentence, max(0, start - window), start) is not None
    return check


def _pairs() -> list[tuple[str, object, object]]:
    """(name, does the pattern match, does its pre-test pass) for one date of a sentence."""
    ends = cues._ends_with
    return [
        ("nothing subject", lambda s, low, lo, st: cues._NOTHING_SUBJECT.search(s, lo, st) is not None,
         lambda s, low, lo, st: cues._holds(low, cues.NOTHING_SUBJECT_HOLDS, lo, st)),
        ("scheduled for", _windowed(cues._SCHEDULED_FOR, 70),
         lambda s, low, lo, st: ends(low, st, cues.SCHEDULED_FOR_ENDS)),
        ("service launch", _windowed(cues._SERVICE_LAUNCH, 70),
         lambda s, low, lo, st: cues._holds(s, cues.SERVICE_LAUNCH_HOLDS, max(0, st - 70), st)),
        ("citation", _windowed(cues._CITATION, 40), lambda s, low, lo, st: ends(low, st, cues.CITATION_ENDS)),
        ("as of", _windowed(cues._AS_OF, 12), lambda s, low, lo, st: ends(low, st, cues.AS_OF_ENDS)),
        ("ahead of", _windowed(cues._AHEAD_OF, 40), lambda s, low, lo, st: ends(low, st, cues.AHEAD_OF_ENDS)),
        ("own subject", lambda s, low, lo, st: cues._OWN_SUBJECT.search(s[lo:st]) is not None,
         lambda s, low, lo, st: ends(low, st, cues.OWN_SUBJECT_ENDS)),
    ]


@pytest.mark.skipif(not PAGES, reason="no labelled pages")
def test_every_pre_test_passes_wherever_its_pattern_matches() -> None:
    pairs = _pairs()
    fired = {name: 0 for name, _, _ in pairs}
    misses = []
    for sentence in _sentences():
        low = lowered(sentence)
        for start in _dates_in(sentence):
            lo, _hi = cues.clause_bounds(sentence, start, start + 1)
            for name, matches, passes in pairs:
                if matches(sentence, low, lo, start):  # type: ignore[operator]
                    fired[name] += 1
                    if not passes(sentence, low, lo, start):  # type: ignore[operator]
                        misses.append((name, sentence[max(0, start - 70):start + 20]))
    assert not misses, misses[:5]
    assert all(fired.values()), fired  # every pattern was seen matching somewhere
