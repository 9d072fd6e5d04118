"""Where redirects may lead (issue 14 item 17): never from a public site into the local network.

"Public" comes from DNS, so tests hand the fetcher a fake resolver; the
requests themselves still go to real local servers where a connection is
made.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import httpx

from premiere_watch.fetch import Fetcher, FetchResult, FetchSettings
from premiere_watch.redirects import Resolver, system_resolver
from servers import PageServer, Reply

Servers = Callable[[], PageServer]

FAST = FetchSettings(host_delay=0.0, backoff=0.01, timeout=5.0, retries=0, robots=False)
PUBLIC = "93.184.216.34"


def fake_dns(table: dict[str, str]) -> Resolver:
    async def resolve(host: str, port: int) -> list[str]:
        return [table[host]] if host in table else []

    return resolve


def fetch(url: str, *, dns: dict[str, str] | None = None, transport: httpx.AsyncBaseTransport | None = None,
          settings: FetchSettings = FAST) -> FetchResult:
    async def go() -> FetchResult:
        resolve = fake_dns(dns) if dns is not None else system_resolver
        async with Fetcher(settings, transport=transport, resolve=resolve) as f:
            return await f.fetch(url)

    return asyncio.run(go())


def redirecting(location: str) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": location})
        return httpx.Response(200, text="<p>landed</p>", headers={"Content-Type": "text/html"})

    return httpx.MockTransport(handler)


def test_a_redirect_to_the_metadata_service_is_refused_from_anywhere(page_server: PageServer) -> None:
    page_server.route("/p", Reply(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}))
    started = time.monotonic()
    r = fetch(page_server.url("/p"))  # a private origin (127.0.0.1) may not go there either
    assert (r.status, r.temporary, r.status_code) == ("failed", False, 302)
    assert r.reason.startswith("redirect to a link-local address refused (169.254.169.254")
    assert time.monotonic() - started < 2  # refused before any connection is tried


def test_ipv6_metadata_and_mapped_addresses_are_link_local_too() -> None:
    for location in ("http://[fd00:ec2::254]/latest/", "http://[::ffff:169.254.169.254]/", "http://[fe80::1]/"):
        r = fetch("http://news.example/a", dns={"news.example": PUBLIC}, transport=redirecting(location))
        assert r.status == "failed" and "link-local address refused" in r.reason, location


def test_a_public_site_may_not_redirect_into_the_private_network() -> None:
    for location, dns in [("http://127.0.0.1:8080/admin", {}), ("http://10.1.2.3/", {}),
                          ("http://intranet.example/", {"intranet.example": "192.168.1.10"})]:
        r = fetch("http://news.example/a", dns={"news.example": PUBLIC, **dns}, transport=redirecting(location))
        assert (r.status, r.temporary) == ("failed", False), location
        assert r.reason.startswith("redirect from a public site to a private address refused"), r.reason


def test_public_to_public_is_followed() -> None:
    r = fetch("http://news.example/a", dns={"news.example": PUBLIC, "cdn.example": "151.101.1.1"},
              transport=redirecting("http://cdn.example/a"))
    assert r.status == "ok" and r.final_url == "http://cdn.example/a"


def test_private_to_private_is_followed(page_server_factory: Servers) -> None:
    first, second = page_server_factory(), page_server_factory()
    first.route("/p", Reply(301, headers={"Location": second.url("/q")}))
    second.route("/q", "<p>moved here</p>")
    r = fetch(first.url("/p"))
    assert r.status == "ok" and r.final_url == second.url("/q")


def test_an_address_that_changed_after_the_lookup_is_checked_where_it_connected(
        page_server_factory: Servers) -> None:
    # DNS said public when asked; the connection landed on 127.0.0.1 (a rebinding answer).
    first, second = page_server_factory(), page_server_factory()
    first.route("/p", Reply(302, headers={"Location": f"http://localhost:{second.port}/q"}))
    second.route("/q", "<p>inside</p>")
    r = fetch(f"http://localhost:{first.port}/p", dns={"localhost": PUBLIC})
    assert (r.status, r.temporary) == ("failed", False)
    assert r.reason == "redirect from a public site to a private address refused (127.0.0.1)"
    assert r.content == b""  # nothing from inside is read


def test_robots_txt_redirected_to_metadata_is_not_followed(page_server: PageServer) -> None:
    page_server.route("/robots.txt", Reply(302, headers={"Location": "http://169.254.169.254/robots.txt"}))
    page_server.route("/p", "<p>ok</p>")
    r = fetch(page_server.url("/p"), settings=FetchSettings(host_delay=0.0, timeout=5.0, retries=0))
    assert r.status == "ok"
