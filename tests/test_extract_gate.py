"""The claims walk reads a sentence's dates only when the sentence may make a claim
(``_Walk._may_claim``), and the text cache scans a sentence alone rather than its whole block.
Both are speed work: what a page says must not change.  Checked on labelled pages, with the gate
held open and every sentence given its share of a block scan, and on sentences written for each
way a sentence can make a claim."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path

import pytest

from extract_pages import HALCYON, Want, article, check, read
from premiere_watch.extract import claims, clear_caches, cues, extract, mentions, parse_page
from premiere_watch.extract.attribution import may_take_slot
from premiere_watch.extract.mentions import TextCache, may_guess
from premiere_watch.model import Target

HERE = Path(__file__).resolve().parent
PAGES = [*sorted((HERE.parents[1] / "shared" / "corpus" / "dev").glob("*/page.html")),
         *sorted(p for d in ("holdout20", "holdout30", "holdout36", "german")
                 for p in (HERE / "corpus" / d).glob("*/page.html"))]


def _target(case: Path) -> Target:
    expect = tomllib.loads((case / "expect.toml").read_text())
    season = expect.get("season")
    return Target(str(expect["title"]), season if isinstance(season, int) else None,
                         tuple(expect.get("aliases", [])), "film" if expect.get("kind") == "film" else "tv")


def _read_all() -> dict[str, str]:
    clear_caches()
    return {str(p): json.dumps(extract(parse_page(p.read_bytes()), _target(p.parent)).to_json(), sort_keys=True)
            for p in PAGES}


def test_the_gate_and_the_sentence_scans_change_no_page(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(PAGES) > 200
    fast = _read_all()
    monkeypatch.setattr(claims._Walk, "_may_claim", lambda self, sentence, found: True)
    monkeypatch.setattr(mentions, "_EARLIER_YEAR", re.compile(""))  # every sentence: its block's share
    slow = _read_all()
    assert [p for p in fast if fast[p] != slow[p]] == []


# Each way a sentence of prose can make a claim, and a neighbour that cannot.
PASSES = [
    ("Season 2 premieres on June 5.", ""),  # a release word
    ("Netflix has set the season for a June 5 bow.", ""),  # scheduled for
    ("Apple has penciled it in for June 5.", ""),
    ("The new season is out June 5.", ""),  # a word that is a release word only before a date
    ("It gets a June 5 date.", ""),
    ("The season follows in June.", ""),
    ("Coming June 5.", ""),  # a date mention that opens with its own verb
    ("Expect it on June 5.", ""),
    ("No date has been given.  Our bet is 2026.", ""),  # a guess
    ("The streamer is eyeing June.", ""),
    ("Halcyon Drift gives its slot to Copper Sky on June 5.", ""),  # another title takes the slot
    ("Maybe June 5.", "The season premieres soon."),  # the sentence before names the release
]
STOPS = [
    ("Filming took place over four months in Vancouver.", ""),
    ("Ratings dipped in May before recovering over the holidays.", ""),
    ("The writers' room reopened in early 2023 after a two-month break.", ""),
    ("Casting wrapped in May.", "Filming began in March."),  # the sentence before names another event
]


@pytest.mark.parametrize(("sentence", "previous"), PASSES)
def test_a_sentence_that_may_make_a_claim_is_read(sentence: str, previous: str) -> None:
    anchor = dt.date(2025, 3, 1)
    assert cues.may_be_release(sentence, previous) or may_guess(sentence, anchor) or may_take_slot(sentence)


@pytest.mark.parametrize(("sentence", "previous"), STOPS)
def test_ordinary_dated_prose_is_not(sentence: str, previous: str) -> None:
    anchor = dt.date(2025, 3, 1)
    assert not (cues.may_be_release(sentence, previous) or may_guess(sentence, anchor) or may_take_slot(sentence))


CLAIMS = [
    # A paragraph of ordinary prose around the claim: the claim is still read, whatever precedes it.
    (article("Filming took place over four months in Vancouver. Ratings dipped in May. "
             "Halcyon Drift season 2 premieres on June 5, 2024."), Want("2024-06-05")),
    (article("Casting wrapped in May. The second season of Halcyon Drift is out June 5."), Want("2024-06-05")),
    # The sentence before names the release; this one hedges the date it gives.
    (article("Halcyon Drift season 2 has no premiere date yet. Maybe June 5, say insiders."),
     Want(None, tentative="2024-06-05")),
]


@pytest.mark.parametrize(("html", "want"), CLAIMS)
def test_claims_in_ordinary_prose(html: str, want: Want) -> None:
    check(read(html, HALCYON), want)


def test_every_sentence_gets_the_dates_a_scan_of_its_whole_block_gives_it() -> None:
    for path in PAGES:
        page = parse_page(path.read_bytes())
        alone, whole = TextCache(page.anchor, page.dayfirst), TextCache(page.anchor, page.dayfirst)
        for block in page.blocks:
            sentences = alone.sentences(block.text)
            whole.sentences(block.text)
            whole.dates(block.text)  # scanned whole: each sentence gets its share
            assert [alone.dates(s) for s in sentences] == [whole.dates(s) for s in sentences], (path, block.text)


@pytest.mark.parametrize("block", [
    # An expression running over a sentence's edge is left out of both sentences, as a block scan leaves it.
    "Kelpforest: no way, writers' room only opens in January. 2027 at the earliest.",
    "Gepostet am 12. Jan 2025, 20:11. Staffel 2 startet im Juli.",
    # A weekday across a line break decides the year of the day after it.
    "It premieres on Friday,\nMarch 14. Tickets are on sale.",
])
def test_a_date_over_a_sentence_edge_reads_as_in_its_block(block: str) -> None:
    anchor = dt.date(2024, 3, 1)
    alone, whole = TextCache(anchor), TextCache(anchor)
    sentences = alone.sentences(block)
    whole.sentences(block)
    whole.dates(block)
    assert [alone.dates(s) for s in sentences] == [whole.dates(s) for s in sentences]


def test_a_sentence_is_scanned_alone_but_keeps_what_its_block_gives_it() -> None:
    anchor = dt.date(2024, 3, 12)
    cache = TextCache(anchor)
    block = "The first season aired in 2019. The finale ran on May 5 of that year. Season 2 starts 9 June."
    _, second, third = cache.sentences(block)
    # "of that year" takes the year of the sentence before: the block's scan gives it.
    assert [d.date.iso() for d in cache.dates(second)] == ["2019-05-05"]
    assert [d.date.iso() for d in cache.dates(third)] == ["2024-06-09"]
    # A German month holds no date hint of its own; its block's digits let it be scanned.
    cache = TextCache(anchor)
    german = "Die Serie lief 2019. Staffel 2 startet im Dezember."
    _, start = cache.sentences(german)
    assert [d.date.iso() for d in cache.dates(start)] == ["2024-12"]
