#!/usr/bin/env python3
"""Benchmark how a bulletin's body is packed in memory (publish.packing) against zlib at its
fastest level, which the tool used before: microseconds to pack and to unpack one body, and
its packed size, over bodies of benchmarks/make_corpus.py (~4 KB of UTF-8 each). A build packs
every body once and unpacks it up to three times per channel.

Usage (from the repository, with the project venv active):
    python benchmarks/packing.py [--count 2000]
"""

from __future__ import annotations

import argparse
import time
import zlib
from collections.abc import Callable

from make_corpus import Bulletin

from publish.packing import pack_bytes, unpack_bytes


def zlib_pack(data: bytes) -> bytes:
    """Raw deflate, level 1, 8 KB window, memLevel 5: how the tool packed bodies before."""
    packer = zlib.compressobj(1, zlib.DEFLATED, -13, 5)
    return packer.compress(data) + packer.flush()


def zlib_unpack(packed: bytes) -> bytes:
    """The bytes zlib_pack was given."""
    return zlib.decompress(packed, -13)


def measure(
    name: str,
    pack: Callable[[bytes], bytes],
    unpack: Callable[[bytes], bytes],
    bodies: list[bytes],
) -> str:
    """One table row: µs per pack and per unpack (CPU), mean packed size."""
    start = time.process_time()
    packed = [pack(body) for body in bodies]
    packing = time.process_time() - start
    start = time.process_time()
    unpacked = [unpack(p) for p in packed]
    unpacking = time.process_time() - start
    assert unpacked == bodies, name
    per = 1e6 / len(bodies)
    size = sum(map(len, packed)) / len(packed)
    return f"| {name} | {packing * per:.1f} | {unpacking * per:.1f} | {size:,.0f} |"


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="bodies to pack")
    count = parser.parse_args().count
    bodies = [Bulletin("publish-bench", i).make_body()[0].encode() for i in range(1, count + 1)]
    mean = sum(map(len, bodies)) / len(bodies)
    print(f"{count} bodies, {mean:,.0f} bytes of UTF-8 each on average")
    print("| packer | pack µs | unpack µs | packed bytes |")
    print("|---|---:|---:|---:|")
    print(measure("zlib level 1 (before)", zlib_pack, zlib_unpack, bodies))
    print(measure("publish.packing (Zstandard level 1)", pack_bytes, unpack_bytes, bodies))


if __name__ == "__main__":
    main()
