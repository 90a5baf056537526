#!/usr/bin/env python3
"""Benchmark publish.linked_text on hostile linked files: a PDF of many small Flate streams
(once quadratic: each stream copied the rest of the file) and a docx of millions of empty
paragraphs (once 70 s and 1 GB). Prints seconds per file and the outcome.

Usage (from the repository, with the project venv active):
    python benchmarks/linked_text.py [--streams 32000]
"""

from __future__ import annotations

import argparse
import io
import time
import zipfile
import zlib

from publish import linked_text


def many_streams(count: int) -> bytes:
    """A PDF of `count` small Flate content streams."""
    stream = zlib.compress(b"BT (Thong bao) Tj ET")
    parts = [b"%PDF-1.4\n"]
    for number in range(1, count + 1):
        parts.append(
            b"%d 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % (number, len(stream))
        )
        parts.append(stream + b"\nendstream\nendobj\n")
    return b"".join(parts) + b"%%EOF\n"


def empty_paragraphs(count: int) -> bytes:
    """A docx of `count` empty paragraphs."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        body = "<w:p/>" * count
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
        )
    return out.getvalue()


def timed(name: str, data: bytes, suffix: str) -> None:
    """Print how long reading `data` takes and what it gives."""
    start = time.perf_counter()
    try:
        text = linked_text.text_of(data, suffix)
        outcome = f"{len(text or '')} characters"
    except linked_text.Unreadable as exc:
        outcome = f"Unreadable ({exc})"
    print(f"{name}: {len(data) // 1024} KB, {time.perf_counter() - start:.2f} s, {outcome}")


def main() -> None:
    """Run both cases."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--streams", type=int, default=32000)
    parser.add_argument("--paragraphs", type=int, default=10_000_000)
    args = parser.parse_args()
    timed(f"PDF of {args.streams} streams", many_streams(args.streams), ".pdf")
    timed(f"docx of {args.paragraphs} empty paragraphs", empty_paragraphs(args.paragraphs), ".docx")


if __name__ == "__main__":
    main()
