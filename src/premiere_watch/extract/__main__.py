"""``python -m premiere_watch.extract SOURCE --title T [--season N] [--alias A ...] [--kind tv|film]
[--json] [--explain]`` — run the extractor on one file (or ``-`` for stdin).

``format_extraction`` is the human-readable form, reused by ``premiere-watch extract``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from premiere_watch.extract import extract, parse_page
from premiere_watch.model import DateClaim, Extraction, Kind, Target


def _claim_line(label: str, claim: DateClaim) -> list[str]:
    tag = " (structured)" if claim.structured else ""
    lines = [f"  {label:<10} {claim.date.iso():<11} {claim.date.words()}{tag}"]
    lines.append(f"             evidence: {claim.evidence}")
    if claim.why:
        lines.append(f"             why: {claim.why}")
    return lines


def format_extraction(extraction: Extraction, explain: bool) -> str:
    """A readable summary with the evidence behind every claim."""
    e = extraction
    lines = [f"{e.target.label}", f"  headline:  {e.headline or '-'}",
             f"  published: {e.published.isoformat() if e.published else 'unknown'}", "premiere:"]
    if e.confirmed:
        lines += _claim_line("confirmed", e.confirmed)
    else:
        lines.append("  confirmed  none")
    for claim in e.tentative:
        lines += _claim_line("tentative", claim)
    for claim in e.denied:
        lines += _claim_line("denied", claim)
    lines.append(f"trailer: {e.trailer_status}")
    for t in e.trailers:
        where = f" {t.url}" if t.url else ""
        lines.append(f"  {t.kind}{where}")
        lines.append(f"             evidence: {t.evidence}")
    if e.trailer_evidence and not e.trailers:
        lines.append(f"             evidence: {e.trailer_evidence}")
    if explain and e.rejected:
        lines.append("rejected:")
        for r in e.rejected:
            lines.append(f"  - {r.reason}: {r.text}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m premiere_watch.extract",
                                 description="Extract premiere dates and trailers for one title from a page.")
    ap.add_argument("source", help="HTML file, or - for stdin")
    ap.add_argument("--title", required=True)
    ap.add_argument("--season", type=int)
    ap.add_argument("--alias", action="append", default=[])
    ap.add_argument("--kind", choices=("tv", "film"))
    ap.add_argument("--url", help="the page's URL (helps find its publication date)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--explain", action="store_true", help="also show rejected candidates")
    args = ap.parse_args(argv)
    if args.source == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(args.source, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            print(f"cannot read {args.source}: {exc}", file=sys.stderr)
            return 2
    kind: Kind = "tv" if (args.kind or ("tv" if args.season is not None else "film")) == "tv" else "film"
    target = Target(args.title, args.season, tuple(args.alias), kind)
    extraction = extract(parse_page(data, url=args.url), target)
    if args.json:
        print(json.dumps(extraction.to_json(args.explain)))
    else:
        print(format_extraction(extraction, args.explain))
    return 0


if __name__ == "__main__":
    sys.exit(main())
