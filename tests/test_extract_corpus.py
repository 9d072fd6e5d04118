"""The labelled corpus, scored in aggregate the way score_extraction.py does.

Asserts only the aggregate quality bar (no false alerts, accuracies and
recalls), never a single case: per-case assertions would invite fixes for one
page instead of for a cause.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from premiere_watch.extract import extract, parse_page
from premiere_watch.model import Target

# The shared corpus lives in shared/, beside this checkout (CI lays it out the same way); the
# project's own labelled sets live in tests/corpus (see its README).
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
OWN = Path(__file__).resolve().parent / "corpus"
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


def _cases(folder: Path = CORPUS) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("expect.toml"))


@dataclass
class Score:
    n: int = 0
    confirmed_ok: int = 0
    trailer_ok: int = 0
    false_alerts: int = 0
    tent_hits: int = 0
    tent_total: int = 0
    den_hits: int = 0
    den_total: int = 0

    def add(self, expect: dict[str, Any], got: dict[str, Any]) -> None:
        premiere = expect.get("premiere", {})
        want_confirmed = premiere.get("confirmed", [])
        confirmed = got["premiere"]["confirmed"]
        got_date = confirmed["date"] if confirmed else None
        self.n += 1
        self.confirmed_ok += (got_date is None and not want_confirmed) or got_date in want_confirmed
        self.false_alerts += got_date is not None and got_date not in want_confirmed
        want_released = expect.get("trailer", {}).get("status", "unmentioned") == "released"
        self.trailer_ok += (got["trailer"]["status"] == "released") == want_released
        tentative = [c["date"] for c in got["premiere"]["tentative"]]
        denied = [c["date"] for c in got["premiere"]["denied"]]
        self.tent_total += len(premiere.get("tentative", []))
        self.tent_hits += sum(any(_overlaps(w, g) for g in tentative) for w in premiere.get("tentative", []))
        self.den_total += len(premiere.get("denied", []))
        self.den_hits += sum(any(_overlaps(w, g) for g in denied) for w in premiere.get("denied", []))


def _score(cases: list[Path]) -> Score:
    score = Score()
    for expect_file in cases:
        expect: dict[str, Any] = tomllib.loads(expect_file.read_text())
        target = Target(expect["title"], expect.get("season"), tuple(expect.get("aliases", [])),
                        "film" if expect.get("kind") == "film" else "tv")
        score.add(expect, extract(parse_page((expect_file.parent / "page.html").read_bytes()), target).to_json())
    return score


# Issue 10's bar for dev (confirmed >= 0.95, trailers >= 0.95, at most one false alert,
# tentative and denied recall >= 0.8), held as a regression guard.
@pytest.mark.skipif(not _cases(), reason="corpus folder absent")
def test_shared_dev_corpus_aggregate_quality() -> None:
    s = _score(_cases())
    assert s.false_alerts <= 1
    assert s.confirmed_ok / s.n >= 0.95
    assert s.trailer_ok / s.n >= 0.95
    assert s.tent_hits / max(1, s.tent_total) >= 0.8
    assert s.den_hits / max(1, s.den_total) >= 0.85


def test_own_corpus_aggregate_quality() -> None:
    s = _score(_cases(OWN))
    assert s.n == 1810
    # The ranker that picks among candidate dates is fitted on what the extractor found on these
    # pages before any rule was tuned to them: on the tuned pages it gives back a little to the
    # rules (which had learned them) for fewer false alerts on pages nobody tuned it to.
    # holdout13 to holdout47, the last sets, were measured blind (0.639 / 8, 0.778 / 6, 0.556 / 10,
    # 0.667 / 5, 0.750 / 3, 0.778 / 6, 0.778 / 6, 0.750 / 2, 0.750 / 8, 0.722 / 2, 0.750 / 7, 0.806 / 2,
    # 0.833 / 3, 0.833 / 0, 0.750 / 5, 0.778 / 2, 0.861 / 2, 0.750 / 3, 0.833 / 1, 0.889 / 2, 0.861 / 3,
    # 0.694 / 3, 0.806 / 0, 0.806 / 2, 0.806 / 2, 0.861 / 0, 0.806 / 2, 0.750 / 3, 0.694 / 0, 0.917 / 1,
    # 0.889 / 4, 0.778 / 3, 0.833 / 2, 0.861 / 2 and 0.806 / 3) and are partly worked through; holdout46
    # and holdout47, written last in session 24, not yet.
    # A lone date must beat abstaining by a margin (``rank.CONFIRM_ALONE``): on these tuned pages that holds back some
    # right dates the rules had learned; on the 1,338 blind pages held out it costs 12 right pages for
    # 31 fewer false alerts (``tools/ranker.py evaluate``).
    assert s.false_alerts <= 16
    assert s.confirmed_ok / s.n >= 0.90
    # (holdout22 to 33 are partly worked through for trailers: the floor is where all 1,810 pages stand.)
    assert s.trailer_ok / s.n >= 0.95
    assert s.tent_hits / max(1, s.tent_total) >= 0.50
    assert s.den_hits / max(1, s.den_total) >= 0.76
