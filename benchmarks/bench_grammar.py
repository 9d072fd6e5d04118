"""Time the date grammar over the corpus pages' text.

    .venv/bin/python benchmarks/bench_grammar.py [CORPUS_DIR]

Prints milliseconds per 1,000 characters for ``find_dates`` and for
``split_sentences`` (budget: <= 1.5 ms / 1,000 chars for find_dates).  Only a
measurement - nothing here asserts, so a slow CI box never fails a build.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
import tomllib
from pathlib import Path

import lxml.html

from premiere_watch.extract.grammar import find_dates, split_sentences

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def page_text(path: Path) -> str:
    doc = lxml.html.fromstring(path.read_bytes())
    for bad in doc.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return "\n".join(line.strip() for line in doc.text_content().splitlines() if line.strip())


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    pages: list[tuple[str, dt.date | None]] = []
    for case in sorted(p for p in corpus.iterdir() if (p / "page.html").exists()):
        published = ""
        expect = case / "expect.toml"
        if expect.exists():
            published = tomllib.loads(expect.read_text()).get("published", "")
        pages.append((page_text(case / "page.html"), dt.date.fromisoformat(published) if published else None))
    chars = sum(len(t) for t, _ in pages)
    if not chars:
        print(f"no pages under {corpus}")
        return

    find_dates("warm-up: September 2, 2016", dt.date(2016, 1, 1))
    rounds = 5
    t0 = time.perf_counter()
    mentions = 0
    for _ in range(rounds):
        mentions = sum(len(find_dates(text, anchor)) for text, anchor in pages)
    t_find = (time.perf_counter() - t0) / rounds
    t0 = time.perf_counter()
    for _ in range(rounds):
        sentences = sum(len(split_sentences(text)) for text, _ in pages)
    t_split = (time.perf_counter() - t0) / rounds

    print(f"{len(pages)} pages, {chars:,} chars, {mentions} date mentions, {sentences} sentences")
    print(f"find_dates:      {t_find * 1000:7.1f} ms total  {t_find * 1e6 / chars:5.2f} ms / 1,000 chars")
    print(f"split_sentences: {t_split * 1000:7.1f} ms total  {t_split * 1e6 / chars:5.2f} ms / 1,000 chars")


if __name__ == "__main__":
    main()
