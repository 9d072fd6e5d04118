"""The labelled corpus, scored in aggregate the way score_extraction.py does.

Asserts only the aggregate quality bar (no false alerts, accuracies and
recalls), never a single case: per-case assertions would invite fixes for one
page instead of for a cause.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from premiere_watch.extract import extract, parse_page
from premiere_watch.model import Target

# The labelled corpus lives in shared/, beside this checkout (CI lays it out the same way).
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
_SEASON_MONTHS = {21: {3, 4, 5}, 22: {6, 7, 8}, 23: {9, 10, 11}, 24: {12, 1, 2},
                  33: {1, 2, 3}, 34: {4, 5, 6}, 35: {7, 8, 9}, 36: {10, 11, 12}}


def _months(date: str) -> tuple[int, set[int]]:
    parts = date.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return year, set(range(1, 13))
    sub = int(parts[1])
    return year, ({sub} if 1 <= sub <= 12 else _SEASON_MONTHS[sub])


def _overlaps(a: str, b: str) -> bool:
    (ya, ma), (yb, mb) = _months(a), _months(b)
    return ya == yb and bool(ma & mb)


def _cases() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if (p / "expect.toml").exists())


@pytest.mark.skipif(not _cases(), reason="corpus folder absent")
# The corpus grew from 33 to 97 pages written in other site templates; until issue 10's
# extraction work lands, the bar below is the target, not today's state.
@pytest.mark.xfail(reason="issue 10: extraction does not yet generalise to the grown corpus", strict=False)
def test_corpus_aggregate_quality() -> None:
    n = confirmed_ok = trailer_ok = false_alerts = 0
    tent_hits = tent_total = den_hits = den_total = 0
    for case in _cases():
        expect: dict[str, Any] = tomllib.loads((case / "expect.toml").read_text())
        target = Target(expect["title"], expect.get("season"), tuple(expect.get("aliases", [])),
                        "film" if expect.get("kind") == "film" else "tv")
        got = extract(parse_page((case / "page.html").read_bytes()), target).to_json()
        premiere = expect.get("premiere", {})
        want_confirmed = premiere.get("confirmed", [])
        confirmed = got["premiere"]["confirmed"]
        got_date = confirmed["date"] if confirmed else None
        n += 1
        confirmed_ok += (got_date is None and not want_confirmed) or got_date in want_confirmed
        false_alerts += got_date is not None and got_date not in want_confirmed
        want_released = expect.get("trailer", {}).get("status", "unmentioned") == "released"
        trailer_ok += (got["trailer"]["status"] == "released") == want_released
        tentative = [c["date"] for c in got["premiere"]["tentative"]]
        denied = [c["date"] for c in got["premiere"]["denied"]]
        tent_total += len(premiere.get("tentative", []))
        tent_hits += sum(any(_overlaps(w, g) for g in tentative) for w in premiere.get("tentative", []))
        den_total += len(premiere.get("denied", []))
        den_hits += sum(any(_overlaps(w, g) for g in denied) for w in premiere.get("denied", []))

    assert false_alerts == 0
    assert confirmed_ok / n >= 0.95
    assert trailer_ok / n >= 0.95
    assert tent_hits / max(1, tent_total) >= 0.8
    assert den_hits / max(1, den_total) >= 0.8
