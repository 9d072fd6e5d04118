"""A synthetic news site for the benchmarks: N ~100 KB article pages over HTTP/1.1 with ETag/304.

    python benchmarks/_site.py --n 1000          # prints "PORT <port>" then serves until stdin closes

Run as its own process so its CPU is not counted in the client's (the parent
measures children with ``os.wait4``).  A bare ``asyncio.Protocol`` with
keep-alive, not ``http.server``: the server must be much faster than any
client measured against it, or the table would measure the server.

Pages: ``/p/<i>`` for i in 0..N-1.  Page *i* is an article about title
``i % T`` (T = max(1, N // 5) titles, so each title has ~5 sources), with a
mega-menu, a trending rail naming other titles and their dates, related
stories, a comment thread and a footer.  The site chrome is the same bytes
on every page (sent with ``writelines``, not copied) and the per-page part is
built once at start, so serving costs a dict lookup and a socket write.

Control (not counted): ``/__stats`` JSON ``{"requests", "bytes", "not_modified", "connections"}``,
``/__reset`` zeroes the counters, ``/__bump?every=K`` gives every K-th page a
new rail and a new ETag (the article is unchanged: a "rotating sidebar").
Counted: ``/robots.txt`` (allow all) and the pages.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import dataclass


def _words(text: str) -> list[str]:
    return text.split()  # word lists read better as prose


ADJECTIVES = _words(
    "Crimson Silver Hollow Broken Silent Golden Northern Velvet Iron Burning Paper Glass Midnight Scarlet "
    "Frozen Wild Lonely Electric Hidden Distant Savage Gentle Bitter Shining Restless Copper Endless Fallen "
    "Lucky Quiet Hungry Sacred Wicked Rusty Sunken Pale Royal Brave Crooked Amber Ashen Stone Winter Summer "
    "Neon Cobalt Marble Wandering Ruthless Tender"
)
NOUNS = _words(
    "Harbor Kingdom Orchard Signal Frontier Lantern Empire Dynasty Garden Station Horizon Circuit Archive "
    "Meridian Cathedral Canyon Protocol Compass Voyage Mirror Paradox Citadel Tide Ember Outpost Requiem "
    "Covenant Labyrinth Vanguard Odyssey Relic Sanctuary Atlas Verdict Prophecy Monarch Echo Syndicate "
    "Haven Riddle Thicket Furnace Beacon Gambit Pilgrim Oracle Quarry Rapids Talon Spire"
)
MONTHS = _words("January February March April May June July August September October November December")
NETWORKS = ("Netflix", "HBO", "Apple TV+", "Prime Video", "Disney+", "Hulu", "Peacock", "Paramount+")
LAST_MODIFIED = "Mon, 03 Nov 2025 10:00:00 GMT"


def title_name(k: int) -> str:
    """The k-th watched title: distinct for k < 2500 (50 x 50 words), numbered after that."""
    adj, noun = ADJECTIVES[k % len(ADJECTIVES)], NOUNS[(k // len(ADJECTIVES)) % len(NOUNS)]
    base = f"The {adj} {noun}"
    return base if k < len(ADJECTIVES) * len(NOUNS) else f"{base} {k // 2500 + 1}"


def n_titles(n: int) -> int:
    return max(1, n // 5)


def premiere(k: int) -> tuple[int, str, int, int]:
    """(season, month name, day, year) of title k's announced premiere."""
    return k % 4 + 1, MONTHS[k % 12], k % 28 + 1, 2026 + k % 2


# --- page building -------------------------------------------------------------------------


def _chrome() -> tuple[str, str]:
    """(head up to the article, tail after it): identical on every page, like a real site's."""
    css = "".join(f".c{i}{{margin:{i % 9}px;padding:{i % 7}px;color:#{i * 2654435761 % 16777216:06x}}}\n"
                  for i in range(700))
    state = "window.__STATE__=[" + ",".join(
        f'{{"id":{i},"slug":"story-{i}","section":"tv","score":{i * 37 % 100}}}' for i in range(300)) + "];"
    nav = "".join(f'<li><a href="/s/{i}">Section {i}</a><ul>' + "".join(
        f'<li><a href="/s/{i}/{k}">Topic {i}.{k}</a></li>' for k in range(10)) + "</ul></li>" for i in range(14))
    footer = "".join(f'<li><a href="/f/{k}">Footer link {k}</a></li>' for k in range(150))
    head = (f"<style>{css}</style><script>{state}</script></head>"
            f"<body><header><nav class='mega'><ul>{nav}</ul></nav></header><div class='wrap'>")
    tail = (f"</div><footer><ul>{footer}</ul><p>© 2025 Example Media. All rights reserved.</p></footer>"
            "<script>window.ads=window.ads||[];ads.push({slot:'footer'});</script></body></html>")
    return head, tail


def _article(i: int, n: int) -> str:
    t = n_titles(n)
    k = i % t
    title = title_name(k)
    season, month, day, year = premiere(k)
    network = NETWORKS[k % len(NETWORKS)]
    other = title_name((k + 7) % t) if t > 1 else "Harbor Lights"
    paras = [
        f"<p>{network} confirmed on Monday that {title} season {season} premieres on {month} {day}, {year}, "
        f"the streamer said in a statement.</p>",
        f"<p>The first season of {title} debuted in 2024 and drew {k % 40 + 5} million views in its first "
        f"four weeks, according to the streamer's own figures.</p>",
    ]
    for p in range(9):  # filler prose, no dates for the title
        paras.append(
            f"<p>Production on the new episodes wrapped in Vancouver after {p + 10} weeks of shooting. The cast "
            f"returns in full, and the writers' room was expanded to {p + 6} people, the showrunner told "
            f"reporters in a statement that also praised the crew's patience during a long winter.</p>")
    paras.append(f"<p>Meanwhile {other} is expected to return later, though no date has been set.</p>")
    return (f"<main><article><h1>{title} Season {season} Sets {month} {year} Premiere</h1>"
            f"<p class='byline'>By Staff Writer · November 2, 2025</p>{''.join(paras)}</article></main>")


def _rail(i: int, n: int, version: int) -> str:
    t = n_titles(n)
    items = []
    for j in range(45):
        k = (i * 31 + j * 17 + version * 101) % max(t, 1)
        s, month, day, year = premiere(k)
        items.append(f"<li><a href='/p/{(k * 5 + j) % max(n, 1)}'>{title_name(k)} season {s} premieres "
                     f"{month} {day}, {year}</a></li>")
    related = "".join(f"<li><a href='/r/{i}/{j}'>Everything we know about the {NOUNS[j % len(NOUNS)]} "
                      f"reboot (updated {MONTHS[j % 12]} {j % 28 + 1})</a></li>" for j in range(50))
    return (f"<aside class='sidebar'><h3>Trending premieres</h3><ul>{''.join(items)}</ul>"
            f"<h3>Related stories</h3><ul>{related}</ul></aside>")


def _comments(i: int) -> str:
    out = []
    for c in range(130):
        out.append(f"<div class='comment'><p class='meta'>user{(i + c) % 997} · Nov {c % 28 + 1}, 2025</p>"
                   f"<p>Honestly I bet it slips to {2026 + c % 3}, they always delay these. The trailer "
                   f"looked great though, can't wait for episode {c % 10 + 1}.</p></div>")
    return f"<section id='comments'><h3>Comments</h3>{''.join(out)}</section>"


def page_top(i: int, n: int) -> str:
    k = i % n_titles(n)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta property='article:published_time' content='2025-11-02T10:00:00Z'>"
            f"<title>{title_name(k)} season {premiere(k)[0]} premiere date</title>")


def page_body(i: int, n: int, version: int = 0) -> str:
    return _article(i, n) + _rail(i, n, version) + _comments(i)


_CHROME = _chrome()


def page_html(i: int, n: int, version: int = 0) -> str:
    """Page i of an n-page site as one string (for extraction benchmarks)."""
    return page_top(i, n) + _CHROME[0] + page_body(i, n, version) + _CHROME[1]


# --- the server ------------------------------------------------------------------------------


@dataclass
class Counters:
    requests: int = 0
    bytes: int = 0
    not_modified: int = 0
    connections: int = 0


class Site:
    def __init__(self, n: int) -> None:
        self.n = n
        self.head, self.tail = (s.encode() for s in _CHROME)
        self.versions = [0] * n
        self.parts = [self._parts(i) for i in range(n)]
        self.counters = Counters()

    def _parts(self, i: int) -> tuple[bytes, bytes, bytes]:
        top, body = page_top(i, self.n).encode(), page_body(i, self.n, self.versions[i]).encode()
        etag = f'"p{i}-v{self.versions[i]}"'.encode()
        length = len(top) + len(self.head) + len(body) + len(self.tail)
        header = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nETag: " + etag +
                  b"\r\nLast-Modified: " + LAST_MODIFIED.encode() + b"\r\nContent-Length: " +
                  str(length).encode() + b"\r\n")
        return header, top, body

    def etag(self, i: int) -> str:
        return f'"p{i}-v{self.versions[i]}"'

    def bump(self, every: int) -> int:
        changed = 0
        for i in range(0, self.n, max(1, every)):
            self.versions[i] += 1
            self.parts[i] = self._parts(i)
            changed += 1
        return changed


ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class Handler(asyncio.Protocol):
    def __init__(self, site: Site) -> None:
        self.site = site
        self.buf = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.site.counters.connections += 1

    def data_received(self, data: bytes) -> None:
        self.buf += data
        for _ in range(64):  # pipelined requests in one read; bounded
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            raw, self.buf = self.buf[:end], self.buf[end + 4:]
            if not self.respond(raw):
                return

    def respond(self, raw: bytes) -> bool:
        assert self.transport is not None
        lines = raw.split(b"\r\n")
        parts = lines[0].split(b" ")
        path = parts[1].decode("latin-1") if len(parts) > 1 else "/"
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip()
        close = headers.get(b"connection", b"").lower() == b"close" or parts[-1] == b"HTTP/1.0"
        conn = b"Connection: close\r\n" if close else b"Connection: keep-alive\r\n"
        site, count = self.site, True
        chunks: list[bytes]
        if path.startswith("/p/"):
            try:
                i = int(path[3:])
                header, top, body = site.parts[i]
            except (ValueError, IndexError):
                chunks = [b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n", conn, b"\r\n"]
            else:
                inm = headers.get(b"if-none-match")
                if inm is not None and inm.decode("latin-1") == site.etag(i):
                    site.counters.not_modified += 1
                    chunks = [b"HTTP/1.1 304 Not Modified\r\nETag: " + site.etag(i).encode() + b"\r\n", conn,
                              b"\r\n"]
                else:
                    chunks = [header, conn, b"\r\n", top, site.head, body, site.tail]
        elif path == "/robots.txt":
            chunks = [b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " +
                      str(len(ROBOTS)).encode() + b"\r\n", conn, b"\r\n", ROBOTS]
        elif path.startswith("/__"):
            count = False
            if path == "/__reset":
                site.counters = Counters()
            elif path.startswith("/__bump"):
                every = int(path.partition("every=")[2] or "10")
                site.bump(every)
            c = site.counters
            payload = json.dumps({"requests": c.requests, "bytes": c.bytes, "not_modified": c.not_modified,
                                  "connections": c.connections, "pages": site.n}).encode()
            chunks = [b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      str(len(payload)).encode() + b"\r\n", conn, b"\r\n", payload]
        else:
            chunks = [b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n", conn, b"\r\n"]
        if count:
            site.counters.requests += 1
            site.counters.bytes += sum(len(c) for c in chunks)
        self.transport.writelines(chunks)
        if close:
            self.transport.close()
            return False
        return True


async def serve(n: int, port: int) -> None:
    site = Site(n)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Handler(site), "127.0.0.1", port, backlog=1024)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    # Serve until the parent closes our stdin (or dies): no orphan servers.
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    asyncio.run(serve(args.n, args.port))


if __name__ == "__main__":
    main()
