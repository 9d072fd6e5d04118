"""The ordinary-page workload: N ~44 KB pages over N/10 watched series, served by nginx.

    python benchmarks/_ordinary.py --n 1000 --out DIR      # writes the pages and a watchlist-ready index

Page *i* is about series ``i // 10`` (10 pages per series).  Unlike ``_site.py``'s pages,
which are easy for the extractor, these are what most entertainment pages look like: a nav
and an aside each listing 30 *other* titles with dates ("Quiet Tide returns June 12"), one
lead sentence giving the watched series' premiere date, then 60 paragraphs of 9 ordinary
sentences in which many mention months, years or relative times ("Filming took place over
four months", "renewed for another season in May", "Production was briefly paused last
summer", "premiered in July 2019") but never this series' premiere.  A correct extractor
finds exactly one date per series: one "already announced" alert each on a cold pass.

The pages are static files, so nginx serves them with its own ETag and Last-Modified and
answers a conditional GET with 304 (:class:`Nginx`; ``apt-get install -y nginx``).
Deterministic: the same N gives the same bytes.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

PAGES_PER_SERIES = 10
PARAGRAPHS = 60
SENTENCES = 9
LISTED = 30  # other titles in the nav, and again in the aside

def _words(text: str) -> list[str]:
    return text.split()  # word lists read better as prose


# No month, season or weekday among these words: a title must never read as a date.
FIRST = _words("Quiet Silver Hollow Broken Silent Golden Northern Velvet Iron Burning Paper Glass Scarlet "
         "Frozen Wild Lonely Electric Hidden Distant Savage Gentle Bitter Shining Restless Copper "
         "Endless Fallen Lucky Hungry Sacred Wicked Rusty Sunken Pale Royal Brave Crooked Amber Ashen "
         "Stone Neon Cobalt Marble Wandering Ruthless Tender Crimson Jade Violet Sable Ivory Dusky")
SECOND = _words("Tide Harbor Kingdom Orchard Signal Frontier Lantern Empire Dynasty Garden Station Horizon "
          "Circuit Archive Meridian Cathedral Canyon Protocol Compass Voyage Mirror Paradox Citadel Ember "
          "Outpost Requiem Covenant Labyrinth Vanguard Odyssey Relic Sanctuary Atlas Verdict Prophecy "
          "Monarch Echo Syndicate Haven Riddle Thicket Furnace Beacon Gambit Pilgrim Oracle Quarry Rapids "
          "Talon Spire")
MONTHS = _words("January February March April May June July August September October November December")
NETWORKS = ("Netflix", "HBO", "Apple TV+", "Prime Video", "Disney+", "Hulu", "Peacock", "Paramount+")
PEOPLE = ("Maya Ortiz", "Daniel Kerr", "Priya Nair", "Tom Hadley", "Lena Vogel", "Chris Amadi", "Ruth Blake",
          "Sam Okafor", "Elena Ruiz", "Jonah Price", "Ines Moreau", "Victor Lang", "Hana Sato", "Owen Reyes")
CITIES = ("Vancouver", "Atlanta", "Budapest", "Belfast", "Toronto", "Prague", "Cape Town", "Glasgow",
          "Albuquerque", "Auckland", "Madrid", "Montreal")
NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

# Ordinary prose.  {month} {year} {num} {n} {person} {city} {network} {other} {day} are filled in;
# about half the sentences mention a time, none gives this series' premiere.
PROSE = (
    "Filming took place over {num} months in {city}.",
    "The show was renewed for another season in {month}, shortly after the finale aired.",
    "Production was briefly paused last summer over insurance.",
    "{other} premiered in {month} {year} and ran for {n} episodes before it was cancelled.",
    "{person} joined the cast in {month} {year}, replacing an actor who left after {num} weeks.",
    "The writers' room reopened in early {year} after a {num}-month break.",
    "A spin-off set {n} years later has been in development since {year}.",
    "{network} said in {month} that budgets would be trimmed across its drama slate next year.",
    "{person} spent most of {year} on the set of {other} in {city}.",
    "The original novel was published in {year} and has sold {n} million copies since then.",
    "Last spring the studio moved its post-production team to {city} to cut costs.",
    "Casting for the guest roles wrapped three weeks ago.",
    "The first season premiered in {month} {year} to strong reviews and solid ratings.",
    "{other} returns {month} {day}, a week after its closest rival.",
    "Ratings dipped in {month} before recovering over the holidays.",
    "Critics praised the ensemble cast and the sharp dialogue of the later episodes.",
    "{person} plays a detective who comes home to {city} after twenty years away.",
    "The budget per episode is reported to be around {n} million dollars.",
    "Fans have spent months trading theories about the cliffhanger.",
    "The score was recorded in {city} by a sixty-piece orchestra.",
    "{person} directed four of the episodes and wrote two of them.",
    "Each episode runs about an hour, a little longer than those of the first season.",
    "Outside estimates put its audience near {n} million.",
    "Several scenes were reshot in {month} after a test screening in {city}.",
    "The series won two awards in {year}, including one for its production design.",
    "{person} told an interviewer in {month} that the story had been planned from the start.",
    "Two new directors came aboard earlier this year.",
    "The set for the harbor town took {num} weeks to build on a backlot outside {city}.",
    "A companion podcast launched in {month} {year}.",
    "The network's chief executive called the show a cornerstone of its schedule.",
    "Most of the cast signed on for two more years in {month}.",
    "Shooting moved to {city} for the final block of episodes, which wrapped in {month}.",
    "{other} took the same time slot in {year} and was gone within a season.",
    "The showrunner has said the story will end when it is ready to end.",
    "An early draft of the pilot circulated for years before it was produced.",
    "Over the past decade {person} has become one of television's busiest character actors.",
)

LEAD = (
    "{network} confirmed that {title} season {season} premieres on {month} {day}, {year}.",
    "{title} season {season} will premiere on {month} {day}, {year}, {network} announced on Monday.",
    "{network} has set {month} {day}, {year} as the premiere date for season {season} of {title}.",
    "Season {season} of {title} premieres {month} {day}, {year} on {network}, the streamer said.",
)


def title_name(k: int) -> str:
    """Title k: distinct for k < len(FIRST) * len(SECOND)."""
    base = f"{FIRST[k % len(FIRST)]} {SECOND[(k // len(FIRST) + k) % len(SECOND)]}"
    return base if k < len(FIRST) * len(SECOND) else f"{base} {k // (len(FIRST) * len(SECOND)) + 1}"


def n_series(n: int) -> int:
    return max(1, n // PAGES_PER_SERIES)


def premiere(k: int) -> tuple[int, str, int, int]:
    """(season, month name, day, year) of series k's announced premiere."""
    return k % 4 + 2, MONTHS[k % 12], k % 28 + 1, 2026 + k % 2


def iso_premiere(k: int) -> str:
    _s, month, day, year = premiere(k)
    return f"{year}-{MONTHS.index(month) + 1:02d}-{day:02d}"


def _others(rng: random.Random, k: int, count: int) -> list[str]:
    """Titles that are not series k, from a pool larger than any watchlist's."""
    pool = range(k + 1, k + 5000)
    return [title_name(j) for j in rng.sample(pool, count)]


def _listing(rng: random.Random, k: int, verb: str) -> str:
    items = []
    for name in _others(rng, k, LISTED):
        items.append(f'<li><a href="/t/{name.lower().replace(" ", "-")}">{name} {verb} '
                     f"{rng.choice(MONTHS)} {rng.randint(1, 28)}</a></li>")
    return "<ul>" + "".join(items) + "</ul>"


def page_html(i: int, n: int) -> str:
    """Page i of an n-page site: the same bytes for the same (i, n)."""
    rng = random.Random(i * 7919 + n)
    k = i // PAGES_PER_SERIES % n_series(n)
    title = title_name(k)
    season, month, day, year = premiere(k)
    network = NETWORKS[k % len(NETWORKS)]
    lead = LEAD[i % len(LEAD)].format(network=network, title=title, season=season, month=month, day=day,
                                      year=year)
    paragraphs = []
    for _ in range(PARAGRAPHS):
        sentences = []
        for _ in range(SENTENCES):
            sentences.append(rng.choice(PROSE).format(
                month=rng.choice(MONTHS), year=rng.randint(2012, 2024), num=rng.choice(NUMBERS),
                n=rng.randint(2, 40), person=rng.choice(PEOPLE), city=rng.choice(CITIES),
                network=rng.choice(NETWORKS), other=_others(rng, k, 1)[0], day=rng.randint(1, 28)))
        paragraphs.append("<p>" + " ".join(sentences) + "</p>")
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}: season {season} news | Screen Weekly</title>"
        "<meta property='article:published_time' content='2025-11-03T09:00:00Z'></head><body>"
        f"<header><nav><h2>Coming up</h2>{_listing(rng, k, 'returns')}</nav></header>"
        f"<main><article><h1>{title}: everything we know about season {season}</h1>"
        "<p class='byline'>By Staff Writer · November 3, 2025</p>"
        f"<p>{lead}</p>{''.join(paragraphs)}</article></main>"
        f"<aside><h3>On the calendar</h3>{_listing(rng, k, 'arrives')}</aside>"
        "<footer><p>© 2025 Screen Weekly. All rights reserved.</p></footer></body></html>"
    )


def write_site(root: Path, n: int) -> None:
    """The pages as static files ``root/p/<i>.html`` plus ``root/robots.txt``, readable by nginx."""
    (root / "p").mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / "p" / f"{i}.html").write_text(page_html(i, n), encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    for path in (root, root / "p"):
        path.chmod(0o755)  # nginx's workers run as an unprivileged user


# --- nginx -------------------------------------------------------------------------------------

NGINX_CONF = """\
worker_processes 1;
error_log {prefix}/error.log warn;
pid {prefix}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    types {{ text/html html; text/plain txt; }}
    default_type application/octet-stream;
    charset utf-8;
    sendfile on;
    tcp_nodelay on;
    keepalive_timeout 75s;
    keepalive_requests 1000000;
    client_body_temp_path {prefix}/tmp;
    proxy_temp_path {prefix}/tmp;
    fastcgi_temp_path {prefix}/tmp;
    uwsgi_temp_path {prefix}/tmp;
    scgi_temp_path {prefix}/tmp;
    log_format counts '$status $bytes_sent $connection';
    access_log {prefix}/access.log counts;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        etag on;
    }}
}}
"""


class Nginx:
    """nginx serving a folder on 127.0.0.1, with requests, bytes and connections counted from its log."""

    def __init__(self, root: Path, prefix: Path, port: int) -> None:
        exe = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(exe).exists():
            raise RuntimeError("nginx is not installed: apt-get install -y nginx")
        self.port = port
        (prefix / "tmp").mkdir(parents=True, exist_ok=True)
        conf = prefix / "nginx.conf"
        conf.write_text(NGINX_CONF.format(prefix=prefix, root=root, port=port))
        self.log = prefix / "access.log"
        self.log.touch()
        self.proc = subprocess.Popen([exe, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"],
                                     stdin=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        while True:  # until it answers, or the deadline
            try:
                with opener.open(f"http://127.0.0.1:{port}/robots.txt", timeout=1) as resp:
                    resp.read()
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"nginx did not start: {(prefix / 'error.log').read_text()[-500:]}") \
                        from None
                time.sleep(0.05)
        self.reset()

    def reset(self) -> None:
        self.log.write_bytes(b"")  # nginx appends (O_APPEND): writing on from 0 again

    def stats(self) -> dict[str, int]:
        lines = [ln.split() for ln in self.log.read_text().splitlines() if ln.strip()]
        codes = Counter(ln[0] for ln in lines)
        return {"requests": len(lines), "bytes": sum(int(ln[1]) for ln in lines),
                "not_modified": codes.get("304", 0), "connections": len({ln[2] for ln in lines})}

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: fast shutdown of the master and its worker
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stderr:
            self.proc.stderr.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="pw-ordinary-"))
    write_site(out, args.n)
    sizes = [len(page_html(i, args.n).encode()) for i in range(0, args.n, max(1, args.n // 20))]
    print(f"{args.n} pages in {out}, {sum(sizes) / len(sizes) / 1024:.1f} KB on average")


if __name__ == "__main__":
    main()
