"""Compression bombs for hostile-server tests, built once per test process.

``gzip_bomb(2)`` is the body of issue 14: gzip of gzip of 1 GiB of zeros
(2.5 KB). ``gzip_bomb(1)`` is its inner layer (about 1 MB), one gzip of
1 GiB of zeros.
"""

from __future__ import annotations

import functools
import gzip
import struct
import zlib

MIB, GIB = 1 << 20, 1 << 30


@functools.cache
def gzip_bomb(layers: int) -> bytes:
    if layers > 1:
        return gzip.compress(gzip_bomb(layers - 1), 9)
    # A full flush resets the compressor, so every MiB of zeros deflates to the same
    # bytes: compress one and repeat it, instead of compressing 1 GiB (seconds).
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    zeros = bytes(MIB)
    block = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    end = deflate.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(GIB // MIB):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip, deflate, no name, no mtime
    return header + block * (GIB // MIB) + end + struct.pack("<II", crc, GIB % (1 << 32))
