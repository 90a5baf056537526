#!/usr/bin/env python3
"""How the radio normaliser's time grows with a hostile paragraph's length (figures, no verdict).

Usage (from the repository, with the project venv active):
    python benchmarks/radio_growth.py              # 2,000 and 16,000 characters, passes 50 KB/400 KB
    python benchmarks/radio_growth.py --small 5000 --growth 10

For each input once made slow by a quadratic search (tests/test_radio_regex_time.py keeps the
guards that need no clock), it prints the CPU seconds on a small and a `--growth` times larger
text, and their ratio: about `--growth` for a linear pass, its square for a quadratic one. CPU
time, the least of three runs; still, read the figures on an idle machine.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from publish.radio import abbreviations, punctuation, tts
from publish.radio.flags import Context
from publish.radio.normalise import normalise
from publish.radio.options import SpeakOptions

BODIES = {
    "tn-per-sentence": "Xe TN gây tai nạn. ",
    "youth-union": "Đoàn TN xã, đoàn viên TN. ",
    "chain-without-a-length": "2x3x4x5x6x7x8x9x",
    "sizes-with-lengths": "2x3x4x5x6x7x8x9m ",
    "spaced-chain": "2 x 3,5x4x",
    "country-code-lines": "+84\n",
    "country-code-words": "+84 ",
    "rank-after-a-line-break": "ông Văn\nHạng 2 ",
}
"""Bulletin bodies read whole by `normalise`."""


def _place_prefixes(text: str) -> str:
    """The place-prefix pass with a default context."""
    return abbreviations._place_prefixes(text, Context(options=SpeakOptions(), abbreviations={}))


PASSES: dict[str, tuple[Callable[[str], str], str]] = {
    "place-prefixes": (_place_prefixes, "P. x, Q. y, "),
    "etc": (abbreviations._etc, "v.v. và "),
    "initials": (tts._initials, "N.T.L. nói "),
    "ellipses": (punctuation._ellipses, "chờ… rồi "),
}
"""One pass each, on a text of its unit repeated."""


def cpu_seconds(call: Callable[[str], object], text: str) -> float:
    """The least CPU time of three runs of `call` on `text`."""
    runs = []
    for _ in range(3):
        started = time.process_time()
        call(text)
        runs.append(time.process_time() - started)
    return min(runs)


def _bulletin(body: str) -> object:
    """`normalise` of `body` between two short paragraphs, as a bulletin reads it."""
    return normalise("Mở đầu.\n\n" + body + "\n\nHết.\n")


def main() -> None:
    """Print one line per input: small and large CPU seconds and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=2_000, help="characters of a small body")
    parser.add_argument("--growth", type=int, default=8, help="how many times longer the large")
    parser.add_argument("--pass-small", type=int, default=50_000, help="characters for a pass")
    args = parser.parse_args()
    print(f"{'input':24} {'small s':>9} {'large s':>9} {'ratio':>7}  (linear ≈ {args.growth})")
    for name, unit in BODIES.items():
        sizes = (args.small, args.small * args.growth)
        small, large = (cpu_seconds(_bulletin, (unit * n)[:n]) for n in sizes)
        print(f"{name:24} {small:9.3f} {large:9.3f} {large / max(small, 1e-6):7.1f}")
    for name, (call, unit) in PASSES.items():
        sizes = (args.pass_small, args.pass_small * args.growth)
        small, large = (cpu_seconds(call, (unit * n)[:n]) for n in sizes)
        print(f"{name:24} {small:9.3f} {large:9.3f} {large / max(small, 1e-6):7.1f}")


if __name__ == "__main__":
    main()
