#!/usr/bin/env python3
"""Benchmark the tel: linking of a page body (publish.render.web.phones): one paragraph of many
numbers to call («gọi 113. » repeated; each link once rebuilt the whole text: 192 KB took
8.9 s), the same size of plain text with no number, and a contact list of labelled lines.
Prints seconds of CPU per body and the links made.

Usage (from the repository, with the project venv active):
    python benchmarks/phones.py [--kb 192]
"""

from __future__ import annotations

import argparse
import time

from publish.render.web.phones import emergency_linker


def main() -> None:
    """Time each body and print one line for it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=192, help="size of each body in KB")
    size = parser.parse_args().kb * 1024
    link = emergency_linker({n: f"tel:{n}" for n in ("113", "114", "115")})
    bodies = {
        "«gọi 113. » repeated": "<p>" + "gọi 113. " * (size // 10) + "</p>",
        "plain text": "<p>" + "Người dân cảnh giác. " * (size // 22) + "</p>",
        "contact lines": "".join(
            ["<ul>"] + ["<li>Đường dây nóng Công an tỉnh: 113 – 114 – 115</li>"] * (size // 60)
        )
        + "</ul>",
    }
    for name, body in bodies.items():
        start = time.process_time()
        html = link(body)
        spent = time.process_time() - start
        kb = len(body.encode()) // 1024
        print(f"{name}: {kb} KB, {spent:.2f} s CPU, {html.count('tel:')} links")


if __name__ == "__main__":
    main()
