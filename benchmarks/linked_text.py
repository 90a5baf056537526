#!/usr/bin/env python3
"""Benchmark publish.linked_text on hostile linked files: a PDF of many small Flate streams
(once quadratic: each stream copied the rest of the file), a docx of millions of empty
paragraphs (once 70 s and 1 GB), a 200 KB PDF inflating to 60 MB of strings (once 55 s, and
47 s more for the personal-data scan), an RTF of 2 million {\\b x} (once 22 s), and a Word
document of formatted runs as large as a part may be (the usual cost of reading styles), and
a PDF of a WinAnsi font followed by a megabyte of digits.
Prints seconds per file and the outcome.

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


def strings_pdf(megabytes: int) -> bytes:
    """A PDF whose one Flate stream inflates to `megabytes` MB of shown strings."""
    line = b"BT (Ho ten Nguyen Van A so 12) Tj 0 -12 Td (CCCD 079201001234 cap ngay) Tj ET\n"
    stream = zlib.compress(line * (megabytes * 1024 * 1024 // len(line)), 9)
    return b"%PDF-1.4\n1 0 obj\n<</Filter /FlateDecode>>\nstream\n" + stream + b"\nendstream\n"


def formatted_runs(paragraphs: int) -> bytes:
    """A docx of `paragraphs` paragraphs of three formatted runs each."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    run = (
        '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="28"/></w:rPr>'
        '<w:t xml:space="preserve">Công an huyện Châu Thành </w:t></w:r>'
    )
    body = ('<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>' + run * 3 + "</w:p>") * paragraphs
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
        )
    return out.getvalue()


def winansi_digits(megabytes: int) -> bytes:
    """A PDF with a WinAnsi font and `megabytes` MB of digits after it: looking for the font's
    object, a regex read a run of digits again from each digit (10 KB took 0.9 s)."""
    font = b"5 0 obj\n<< /Type /Font /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n"
    page = b"3 0 obj\n<< /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n"
    return b"%PDF-1.4\n" + font + page + b"/" + b"1" * (megabytes * 1024 * 1024) + b"\n%%EOF\n"


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
    timed("PDF of 60 MB of strings", strings_pdf(60), ".pdf")
    timed("RTF of 2 000 000 {\\b x}", b"{\\rtf1 " + b"{\\b x}" * 2_000_000 + b"}", ".rtf")
    timed("docx of 15 000 paragraphs of formatted runs", formatted_runs(15_000), ".docx")
    timed("PDF of a WinAnsi font and 1 MB of digits", winansi_digits(1), ".pdf")


if __name__ == "__main__":
    main()
