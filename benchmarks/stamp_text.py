#!/usr/bin/env python3
"""Benchmark the stamp check of a large linked text (publish.linked_text.stamp_text, then
publish.gates.secret_stamp on what it gives, as publish.attachments does): 7.5 MB of short
capitals lines typed in VNI each holding a number (once 32 s: every line was converted three
ways and each copy read by the stamp check), the same with «MẬT» on each line, and a
tab-separated table whose cells hold numbers. Prints seconds of CPU per step and the stamp.

Usage (from the repository, with the project venv active):
    python benchmarks/stamp_text.py [--megabytes 7.5]
"""

from __future__ import annotations

import argparse
import inspect
import time
from collections.abc import Callable

from publish import linked_text
from publish.config import Policy
from publish.gates import secret_classification, secret_stamp


def cases(megabytes: float) -> dict[str, str]:
    """The texts measured, each about `megabytes` MB."""
    size = int(megabytes * 1_000_000)
    return {
        "VNI capitals lines with numbers": "".join(
            f"KEÁT QUAÛ SOÁ {n:07d}\n" for n in range(size // 22)
        ),
        "VNI grade lines with numbers": "".join(
            f"ÑOÄ {n} MAÄT: «{n}»\n" for n in range(size // 25)
        ),
        "table of cells with numbers": "".join(
            f"Baùo caùo {n}\tSOÁ {n}\tKEÁT QUAÛ {n}\n" for n in range(size // 40)
        ),
    }


def stamp_text(policy: Policy) -> Callable[[str], str]:
    """linked_text.stamp_text as publish.attachments calls it (before it took the grades too)."""
    if len(inspect.signature(linked_text.stamp_text).parameters) == 1:
        return linked_text.stamp_text  # type: ignore[return-value]
    return lambda text: linked_text.stamp_text(
        text, lambda line: secret_classification(line, policy)
    )


def main() -> None:
    """Time each case."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=7.5)
    args = parser.parse_args()
    policy = Policy()
    stamped = stamp_text(policy)
    for name, raw in cases(args.megabytes).items():
        start = time.process_time()
        text = linked_text.text_of(raw.encode(), ".txt") or ""
        read = time.process_time()
        for_stamps = stamped(text)
        added = time.process_time()
        stamp = secret_stamp(for_stamps, policy)
        done = time.process_time()
        print(
            f"{name}: {len(raw) / 1e6:.1f} MB; text_of {read - start:.2f} s, stamp_text "
            f"{added - read:.2f} s (+{for_stamps.count(chr(10)) - text.count(chr(10))} lines), "
            f"secret_stamp {done - added:.2f} s; stamp {stamp}"
        )


if __name__ == "__main__":
    main()
