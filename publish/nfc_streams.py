"""Messages in NFC, machine output as is.

A Mac names files in NFD («cảnh» as «c a ̉ n h»): every message may show a file's name, so the
CLI writes what it shows in NFC (publish.cli wraps sys.stdout and sys.stderr), and a name then
reads and searches as the editor typed it. Output that programs read (`publish next --format
json`) names files as they are on disk, so that a script can open them: it is written to the
stream underneath (`as_on_disk`).

Both streams are also where the process's text leaves it, so what they are given is written with
every known secret masked (publish.secret_mask): a message, a log line or a traceback.

Standard output is buffered when it is not a terminal (`publish sync > log 2>&1`, cron, `| tee`)
and standard error is not: a message on stderr then came out before the summary printed above it
on stdout («… (xem ở trên)» before «Tóm tắt đồng bộ»). The CLI's stderr therefore flushes stdout
before it writes (`wrapped(err, first=out)`), so a log reads in the order the lines were printed.
"""

from __future__ import annotations

import contextlib
import unicodedata
from typing import Any, TextIO

from publish.secret_mask import masked

__all__ = ["NfcStream", "as_on_disk", "wrapped"]


class NfcStream:
    """A text stream that writes in NFC what it is given (the file itself is opened by its name
    as on disk; only what is shown is normalised), with every known secret masked."""

    def __init__(self, stream: TextIO, first: TextIO | None = None) -> None:
        """Wrap `stream`; `first`: a stream whose pending text is written out before ours."""
        self.underneath = stream
        self.first = first

    def write(self, text: str) -> int:
        """Write `text` in NFC, secrets masked; return its length as given, as a stream does."""
        if self.first is not None:
            _flush(self.first)
        shown = text if text.isascii() else unicodedata.normalize("NFC", text)
        self.underneath.write(masked(shown))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        """Everything else (flush, isatty, buffer, …) as the wrapped stream has it."""
        return getattr(self.underneath, name)


def wrapped(stream: TextIO | None, first: TextIO | None = None) -> TextIO | None:
    """`stream` writing in NFC, after `first`'s pending text when given; None stays None
    (pythonw, or `publish check >&-`: Python has no stream there, and print() then writes
    nothing)."""
    return None if stream is None else NfcStream(stream, first)  # type: ignore[return-value]


def _flush(stream: TextIO) -> None:
    """Write out what `stream` holds; a reader gone or a stream closed is told where the CLI
    flushes it last (publish.cli.main), not by a message on the other stream failing."""
    with contextlib.suppress(OSError, ValueError):
        stream.flush()


def as_on_disk(stream: TextIO | None) -> TextIO | None:
    """The stream under `stream` when the CLI wrapped it, for output that names files as they
    are on disk."""
    return stream.underneath if isinstance(stream, NfcStream) else stream
