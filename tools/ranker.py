"""Fit the weights ``extract/rank.py`` scores candidate dates with.

The ranker learns from pages the rules had never seen: each file in ``tools/ranker-data/`` holds
the candidates one version of the extractor produced for one set of labelled pages, dumped
before that set's pages were used to change any rule (``blind-*``), plus the dev corpus.
Candidates from pages the rules were tuned on would teach the ranker to trust the rules
exactly where they are least tested.

    PYTHONPATH=<src of a version> python tools/ranker.py dump OUT.json CORPUS_DIR...
    python tools/ranker.py fit          # writes src/premiere_watch/extract/ranker_weights.py
    python tools/ranker.py evaluate     # each blind set held out in turn, against the rules

The model is a conditional logit: among a page's contenders of the highest change tier ("now
opens X" over "moved to X" over a plain statement, as ``decide.top_tier`` has it), P(candidate) is
proportional to
exp(w . features), and abstaining (no confirmed date) scores 0; at run time a lone date must
beat abstaining by ``rank.CONFIRM_ALONE`` (``evaluate`` shows what that margin buys).  The label is the candidate whose
date the page's reader accepted, or abstaining when no contender carries such a date.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tools" / "ranker-data"
WEIGHTS_FILE = ROOT / "src" / "premiere_watch" / "extract" / "ranker_weights.py"
L2 = 1.0
STEPS = 250
RATE = 0.1
# The dev corpus counts twice: its pages were written by other people than ours, in other
# site templates, and issue 10's bar is set on it.
DEV_WEIGHT = 2


# -- dump (runs against any version of the extractor) -------------------------------------

def dump(out: Path, corpus_dirs: list[Path]) -> None:
    import importlib

    from premiere_watch.extract import extract, parse_page
    from premiere_watch.model import Target

    # Any: this wraps internals of whichever version is on PYTHONPATH.
    claims: Any = importlib.import_module("premiere_watch.extract.claims")

    captured: dict[str, Any] = {}
    choose = claims.choose

    def recording_choose(cands: list[Any], page: Any, rejected: Any, undated_at: int = 0, **kw: Any) -> Any:
        captured["cands"] = [_candidate_json(c) for c in cands]
        captured["page"] = {"published": page.published.isoformat() if page.published else None,
                            "title_page": page.title_page, "headline": page.headline, "undated_at": undated_at}
        return choose(cands, page, rejected, undated_at, **kw)

    # Older versions did not record where in its sentence a date was written.
    current: dict[str, tuple[str, int, int]] = {}
    walk_date, walk_add = claims._Walk._date, claims._Walk._add

    def recording_date(self: Any, view: Any, dm: Any, *args: Any) -> None:
        current["dm"] = (view.text, dm.start, dm.end)
        try:
            walk_date(self, view, dm, *args)
        finally:
            current.pop("dm", None)

    def recording_add(self: Any, cand: Any) -> None:
        if (dm := current.get("dm")) and cand.evidence == dm[0] and not getattr(cand, "span", (0, 0))[1]:
            object.__setattr__(cand, "span", (dm[1], dm[2]))
        walk_add(self, cand)

    claims.choose, claims._Walk._date, claims._Walk._add = recording_choose, recording_date, recording_add
    cases: dict[str, Any] = {}
    for corpus in corpus_dirs:
        for expect_file in sorted(corpus.rglob("expect.toml")):
            expect = tomllib.loads(expect_file.read_text())
            target = Target(expect["title"], expect.get("season"), tuple(expect.get("aliases", [])),
                            "film" if expect.get("kind") == "film" else "tv")
            captured.clear()
            got = extract(parse_page((expect_file.parent / "page.html").read_bytes()), target).to_json()
            confirmed = got["premiere"]["confirmed"]
            cases[f"{corpus.name}/{expect_file.parent.relative_to(corpus)}"] = {
                "want": expect.get("premiere", {}).get("confirmed", []),
                "chosen": confirmed["date"] if confirmed else None,
                "target": [expect["title"], expect.get("season"), expect.get("aliases", []), expect.get("kind")],
                "page": captured.get("page"), "cands": captured.get("cands", [])}
    out.write_text(json.dumps(cases, indent=0, sort_keys=True) + "\n")


def _candidate_json(c: Any) -> dict[str, Any]:
    row = {f.name: getattr(c, f.name) for f in dataclasses.fields(c) if f.name != "date"}
    row["date"] = c.date.iso()
    row["span"] = list(getattr(c, "span", (0, 0)))
    return row


# -- replay and fit (current version) -----------------------------------------------------

@dataclasses.dataclass
class Case:
    key: str
    want: list[str]
    chosen: str | None  # what the rules of the dump's version confirmed
    dates: list[str]
    feats: list[dict[str, float]]


def load(path: Path) -> list[Case]:
    """A dump's pages, each replayed through today's ``contenders`` and ``features``."""
    from types import SimpleNamespace

    from premiere_watch.dates import FuzzyDate
    from premiere_watch.extract import decide, rank
    from premiere_watch.extract.titles import TitleMatcher
    from premiere_watch.model import Target

    fields = {f.name for f in dataclasses.fields(decide.Candidate)}
    cases = []
    for key, row in json.loads(path.read_text()).items():
        title, season, aliases, kind = row["target"]
        matcher = TitleMatcher(Target(title, season, tuple(aliases), "film" if kind == "film" else "tv"))
        cands = []
        for c in row["cands"]:
            kw: dict[str, Any] = {k: tuple(v) if k == "span" else v for k, v in c.items()
                                  if k in fields and k != "date"}
            cands.append(decide.Candidate(date=FuzzyDate.parse(c["date"]), **kw))
        info = row["page"] or {}
        published = dt.date.fromisoformat(info["published"]) if info.get("published") else None
        page: Any = SimpleNamespace(published=published, title_page=info.get("title_page", False),
                                    headline=info.get("headline", ""))
        standing = decide.contenders(cands, page, [], info.get("undated_at") or 0)
        tier = decide.top_tier(standing.pool)
        names = (lambda m: lambda text: bool(m.find(text)))(matcher)
        feats = [rank.features(c, standing.pool, published, page.title_page, standing.headline_dates, names)
                 for c in tier]
        cases.append(Case(key, row["want"], row["chosen"], [c.date.iso() for c in tier], feats))
    return cases


def fit(cases: list[Case], l2: float = L2, steps: int = STEPS, rate: float = RATE) -> dict[str, float]:
    """Maximum likelihood with an L2 penalty, by Adam on the full batch (deterministic)."""
    from premiere_watch.extract.rank import score

    w: dict[str, float] = {}
    m: dict[str, float] = {}
    v: dict[str, float] = {}
    data = [c for c in cases if c.feats]
    for step in range(1, steps + 1):
        grad = {k: l2 * wk for k, wk in w.items()}
        for case in data:
            scores = [score(f, w) for f in case.feats]
            top = max([*scores, 0.0])
            e = [math.exp(s - top) for s in scores]
            total = sum(e) + math.exp(-top)
            good = [i for i, d in enumerate(case.dates) if d in case.want]
            good_total = sum(e[i] for i in good) if good else math.exp(-top)
            for i, f in enumerate(case.feats):
                coef = e[i] / total - (e[i] / good_total if i in good else 0.0)
                for k, x in f.items():
                    grad[k] = grad.get(k, 0.0) + coef * x
        for k, g in grad.items():
            m[k] = 0.9 * m.get(k, 0.0) + 0.1 * g
            v[k] = 0.999 * v.get(k, 0.0) + 0.001 * g * g
            w[k] = w.get(k, 0.0) - rate * (m[k] / (1 - 0.9 ** step)) / (math.sqrt(v[k] / (1 - 0.999 ** step)) + 1e-8)
    return {k: round(wk, 4) for k, wk in sorted(w.items()) if abs(wk) >= 1e-4}


def decide(case: Case, w: dict[str, float], alone: float | None = None) -> str | None:
    from premiere_watch.extract.rank import CONFIRM_ALONE, score

    alone = CONFIRM_ALONE if alone is None else alone
    best, best_score = None, -math.inf
    for date, f in zip(case.dates, case.feats, strict=True):
        if (s := score(f, w)) > best_score:
            best, best_score = date, s
    # As ``decide.choose`` does: a lone date needs the margin, competing dates only to beat abstaining.
    return best if best_score > (0 if len(set(case.dates)) > 1 else alone) else None


def tally(cases: list[Case], choice: Any) -> tuple[int, int, int]:
    """(right, false alerts, pages) as the corpus scorer counts them."""
    right = wrong = 0
    for case in cases:
        got = choice(case)
        right += (got is None and not case.want) or got in case.want
        wrong += got is not None and got not in case.want
    return right, wrong, len(cases)


def training_sets() -> dict[str, list[Case]]:
    return {p.stem: load(p) for p in sorted(DATA.glob("*.json"))}


def training(sets: dict[str, list[Case]], leave_out: str | set[str] = "") -> list[Case]:
    """Every set's cases but ``leave_out`` (one set's name, or several)."""
    out = {leave_out} if isinstance(leave_out, str) else leave_out
    return [c for name, cases in sets.items() if name not in out
            for c in cases * (DEV_WEIGHT if name == "dev" else 1)]


def render(w: dict[str, float]) -> str:
    rows = "".join(f"    {k!r}: {v!r},\n" for k, v in w.items())
    return (f'"""Fitted by ``python tools/ranker.py fit`` on tools/ranker-data/; do not edit by hand."""\n\n'
            f"WEIGHTS: dict[str, float] = {{\n{rows}}}\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="candidates of the extractor on PYTHONPATH, for labelled pages")
    d.add_argument("out", type=Path)
    d.add_argument("corpus", type=Path, nargs="+")
    sub.add_parser("fit", help="fit on tools/ranker-data/ and write ranker_weights.py")
    sub.add_parser("evaluate", help="hold each blind set out in turn; compare with the rules of its time")
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.out, args.corpus)
        return 0
    sets = training_sets()
    if args.command == "fit":
        WEIGHTS_FILE.write_text(render(fit(training(sets))))
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)} from {sum(map(len, sets.values()))} pages")
        return 0
    totals = [0, 0, 0, 0, 0]
    margins = {m: [0, 0] for m in (-math.inf, 0.0, 0.4, 0.69, 1.0)}
    for name in (n for n in sets if n.startswith("blind-")):
        w = fit(training(sets, leave_out=name))
        rules = tally(sets[name], lambda c: c.chosen)
        model = tally(sets[name], lambda c, w=w: decide(c, w))
        for m, t in margins.items():
            right, false, _ = tally(sets[name], lambda c, w=w, m=m: decide(c, w, m))
            t[0], t[1] = t[0] + right, t[1] + false
        print(f"{name:18} pages {rules[2]:3}   rules {rules[0]:3} right {rules[1]:2} false   "
              f"ranker {model[0]:3} right {model[1]:2} false")
        totals = [a + b for a, b in zip(totals, (*rules[:2], *model[:2], rules[2]), strict=True)]
    print(f"{'all held out':18} pages {totals[4]:3}   rules {totals[0]:3} right {totals[1]:2} false   "
          f"ranker {totals[2]:3} right {totals[3]:2} false")
    for m, (right, false) in margins.items():
        print(f"  a lone date confirmed above {m:5.2f}: ranker {right:3} right {false:2} false")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
