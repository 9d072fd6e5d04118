"""The adapter over the date grammar: guessed years, cue trimming, year frames, sharing."""

from __future__ import annotations

import datetime as dt

import pytest

from premiere_watch.extract.mentions import TextCache, core_mentions, find_dates, year_context

ANCHOR = dt.date(2024, 2, 14)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("we think 2026 is the realistic target", ["2026"]),
        ("My bet: 2026.", ["2026"]),
        ("2026 looks like the most realistic window", ["2026"]),
        ("It drew 361 million viewing hours in 2022's first 10 days", []),
        ("the 2026 lineup", []),
    ],
)
def test_guessed_bare_years(text: str, years: list[str]) -> None:
    found = [d for d in find_dates(text, ANCHOR) if d.qualifier == "guess"]
    assert [d.date.iso() for d in found] == years


def test_core_mentions_trims_cues_and_drops_title_years() -> None:
    text = "Wish (2023) moved from March 3 to April 14."
    core = core_mentions(text, find_dates(text, ANCHOR))
    assert [text[d.start:d.end] for d in core] == ["March 3", "April 14"]


def test_year_frame_gives_its_year() -> None:
    text = "Marvel's 2025 theatrical lineup runs Thunderbolts on May 2 and Blade on November 7."
    dates = year_context(text, core_mentions(text, find_dates(text, ANCHOR)), ANCHOR)
    assert [d.date.iso() for d in dates] == ["2025-05-02", "2025-11-07"]


def test_block_dates_are_shared_by_its_sentences() -> None:
    block = "Season 2 premieres Sept. 2, 2016. The first season debuted Aug. 28, 2015."
    cache = TextCache(ANCHOR)
    sentences = cache.sentences(block)
    assert len(sentences) == 2
    for sentence in sentences:
        direct = [(d.start, d.end, d.date) for d in find_dates(sentence, ANCHOR)]
        assert [(d.start, d.end, d.date) for d in cache.dates(sentence)] == direct
