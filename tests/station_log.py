"""An episode's change log (THAY-DOI.txt) read as the tests compare it: one line an entry."""

from __future__ import annotations

import re


def change_log(data: bytes | str) -> str:
    """The log's text with each entry or paragraph on one line, as before it was wrapped at
    WIDTH (continuation lines, two spaces then text, joined to the line above); LF line ends,
    no byte order mark."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return re.sub(r"\n  (?=\S)", " ", text.removeprefix("\ufeff").replace("\r\n", "\n"))
