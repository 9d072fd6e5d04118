"""Response bodies read from the raw bytes, decompressed with a bound on the output.

httpx decodes ``Content-Encoding`` in :meth:`httpx.Response.aiter_bytes`: each
raw chunk is inflated whole before the caller sees it, and every listed coding
is applied in turn.  A 1.8 KB ``gzip, gzip`` response (gzip of gzip of 1 GiB of
zeros) thus hands the caller chunks of hundreds of megabytes, and no cap
checked after a chunk can help.  So bodies are read with ``aiter_raw`` — which
every transport yields undecoded, httpx's own and ``httpx-aiohttp`` alike — and
inflated here, at most :data:`STEP` bytes at a time, stopping as soon as the
cap is passed.  Memory then stays near the cap whatever the server sends.

Only what :data:`ACCEPT_ENCODING` asks for is decoded, and only one layer:
no browser or server stacks compression, and a second layer only ever serves
to multiply a bomb.  Anything else is a :class:`ContentCodingError` (the site,
not the network, has to change, so callers treat it as permanent).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

import httpx

__all__ = ["ACCEPT_ENCODING", "ContentCodingError", "drain", "read_body"]

# What we send as Accept-Encoding: the codings zlib can inflate with a bound.
ACCEPT_ENCODING = "gzip, deflate"
STEP = 65_536  # most bytes inflated per zlib call

_GZIP, _ZLIB, _RAW_DEFLATE = zlib.MAX_WBITS | 16, zlib.MAX_WBITS, -zlib.MAX_WBITS


class ContentCodingError(ValueError):
    """A body we refuse or cannot decode: stacked or unknown codings, corrupt data."""


class _Inflater:
    """gzip (every member of a multi-member stream) or deflate (zlib-wrapped or raw)."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._wbits = _GZIP if coding == "gzip" else _ZLIB
        self._z: zlib._Decompress | None = zlib.decompressobj(self._wbits)  # None: between gzip members
        self._started = False
        self._done = False  # the stream ended; bytes after it are ignored, as browsers do

    def decode(self, data: bytes, room: int) -> Iterator[bytes]:
        """Inflate ``data``, yielding pieces of at most STEP bytes, until ``room`` bytes came out.

        Stops early when ``room`` is used up; the rest of the input is then
        never inflated (the caller has already given up on the body).
        """
        while data and room > 0 and not self._done:
            if self._z is None:
                # gzip (RFC 1952 §2.2) may be several members in a row; deflate is one stream.
                if self.coding != "gzip" or not data.startswith(b"\x1f\x8b"):
                    self._done = True
                    return
                self._z = zlib.decompressobj(self._wbits)
            try:
                piece = self._z.decompress(data, min(STEP, room))
            except zlib.error as exc:
                if self.coding == "deflate" and not self._started:
                    # RFC 9110 says zlib-wrapped; some servers send raw deflate (httpx allows it too).
                    self._wbits = _RAW_DEFLATE
                    self._z = zlib.decompressobj(self._wbits)
                    self._started = True
                    continue
                raise ContentCodingError(f"body is not valid {self.coding}: {exc}") from None
            self._started = True
            room -= len(piece)
            if piece:
                yield piece
            if self._z.eof:
                data, self._z = self._z.unused_data, None
            else:
                data = self._z.unconsumed_tail


class _Identity:
    coding = "identity"

    def decode(self, data: bytes, room: int) -> Iterator[bytes]:
        if data and room > 0:
            yield data


def decoder_for(header_values: Iterable[str]) -> _Inflater | _Identity:
    """The decoder for a response's ``Content-Encoding`` values, or ContentCodingError."""
    codings = [c.strip().lower() for value in header_values for c in value.split(",")]
    codings = ["gzip" if c == "x-gzip" else c for c in codings if c and c != "identity"]
    if len(codings) > 1:
        raise ContentCodingError(f"Content-Encoding {', '.join(codings)} refused: more than one "
                                 "layer of compression")
    if not codings:
        return _Identity()
    if codings[0] not in ("gzip", "deflate"):
        raise ContentCodingError(f"Content-Encoding {codings[0]} not supported (asked for {ACCEPT_ENCODING})")
    return _Inflater(codings[0])


async def read_body(resp: httpx.Response, cap: int, *, truncate: bool = False) -> tuple[bytes | None, int]:
    """Read at most ``cap`` decoded bytes: ``(body, raw bytes received)``.

    The body is None if it decodes to more than ``cap`` bytes (with
    ``truncate``, its first ``cap`` bytes instead).  Raises ContentCodingError
    for a coding we refuse or a corrupt body.
    """
    decoder = decoder_for(resp.headers.get_list("Content-Encoding"))
    if resp.is_stream_consumed:
        # Built with its content (httpx.MockTransport, respx): httpx has already read
        # and decoded it; a real transport always hands us a stream.
        content = resp.content
        return (content[:cap] if truncate else None) if len(content) > cap else content, len(content)
    body = bytearray()
    received = 0
    async for chunk in resp.aiter_raw():
        received += len(chunk)
        for piece in decoder.decode(chunk, cap + 1 - len(body)):
            body += piece
        if len(body) > cap:
            return (bytes(body[:cap]) if truncate else None), received
    return bytes(body), received


async def drain(resp: httpx.Response) -> None:
    """Read a body to its end without decoding it (only so the connection can be reused)."""
    if resp.is_stream_consumed:
        return
    async for _ in resp.aiter_raw():
        pass
