"""Compression bombs for hostile-server tests, built once per test process.

``gzip_bomb(2)`` is the 1.8 KB body of issue 14: gzip of gzip of 1 GiB of
zeros. ``gzip_bomb(1)`` is its inner layer (about 1 MB), one gzip of 1 GiB.
"""

from __future__ import annotations

import functools
import gzip
import zlib

GIB = 1 << 30


@functools.cache
def gzip_bomb(layers: int) -> bytes:
    if layers == 1:
        # Streamed in 1 MiB pieces so building it never holds 1 GiB.
        z = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
        zeros = bytes(1 << 20)
        return b"".join([*(z.compress(zeros) for _ in range(GIB >> 20)), z.flush()])
    return gzip.compress(gzip_bomb(layers - 1), 9)
