"""Where a redirect may lead: never from a public site into the machine's own network.

The operator chose each watched URL; the sites behind them did not get to
choose where our requests go.  A redirect from a public address to a
private, loopback or link-local one would let any site make premiere-watch
read the network it runs in — and a cloud's metadata service
(169.254.169.254, fd00:ec2::254) hands credentials to whoever asks from
inside the machine.  So:

* a redirect to a link-local or metadata address is refused, from anywhere;
* a redirect from a public address to a non-public one is refused;
* everything else is followed (sites move between hosts and CDNs all the
  time; an intranet page may redirect within the intranet, and a URL the
  operator wrote is read wherever it points).

Addresses are checked twice: the redirect's host is resolved before the
request, and the address the connection really reached is checked once the
headers are in (httpcore reports it, transport.py does for aiohttp), which
also catches a DNS answer that changed in between.  A refused redirect is a
permanent failure, and its body is never read.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from typing import Any, Literal
from urllib.parse import urlsplit

__all__ = ["RedirectGuard", "Resolver", "system_resolver"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Scope = Literal["public", "private", "link-local"]
# host, port -> the addresses it resolves to (empty: unknown, let the connection fail by itself)
Resolver = Callable[[str, int], Awaitable[list[str]]]

_METADATA = {ipaddress.ip_address("fd00:ec2::254")}  # AWS's IPv6 metadata service (a ULA, not link-local)


async def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return []
    return [str(info[4][0]) for info in infos]


def _scope(address: str) -> Scope:
    ip: IPAddress = ipaddress.ip_address(address.split("%")[0])  # fe80::1%eth0
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_link_local or ip in _METADATA:
        return "link-local"
    return "public" if ip.is_global else "private"


async def _scopes(url: str, resolve: Resolver) -> set[Scope]:
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        return {_scope(host)}
    except ValueError:  # a name, not an address
        pass
    port = parts.port or (443 if parts.scheme == "https" else 80)
    scopes = set()
    for address in await resolve(host, port):
        try:
            scopes.add(_scope(address))
        except ValueError:
            continue
    return scopes


class RedirectGuard:
    """The redirect policy for one fetch, from the URL the operator configured."""

    def __init__(self, origin_public: bool) -> None:
        self.origin_public = origin_public

    @classmethod
    async def for_origin(cls, url: str, resolve: Resolver) -> RedirectGuard:
        return cls("public" in await _scopes(url, resolve))

    def _refusal(self, scopes: set[Scope], where: str) -> str | None:
        if "link-local" in scopes:
            return f"redirect to a link-local address refused ({where}: cloud metadata lives there)"
        if self.origin_public and "private" in scopes:
            return f"redirect from a public site to a private address refused ({where})"
        return None

    async def refuse(self, url: str, resolve: Resolver) -> str | None:
        """Why following a redirect to ``url`` is refused, or None to follow it."""
        return self._refusal(await _scopes(url, resolve), urlsplit(url).hostname or url)

    def refuse_peer(self, extensions: dict[str, Any]) -> str | None:
        """The same, for the address a redirected request really connected to (if known).

        httpcore says it through ``network_stream``; transport.py as ``server_addr``.
        """
        stream = extensions.get("network_stream")
        peer = extensions.get("server_addr") or (stream.get_extra_info("server_addr") if stream else None)
        if not peer:
            return None
        try:
            scope = _scope(str(peer[0]))
        except ValueError:
            return None
        return self._refusal({scope}, str(peer[0]))
