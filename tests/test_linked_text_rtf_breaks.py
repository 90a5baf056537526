"""A stamp line of a linked .rtf is found however the RTF writer ends its lines: the text of
other formats has its line endings made \\n before the stamp check; an RTF's paragraph written
as a backslash before the line end (macOS TextEdit's way), or a \\'0d byte, ran the stamp into
the next line («MẬTNội dung»), and the file was published."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish import linked_text
from publish.content import load_site
from publish.errors import ContentError
from tests.helpers import NOW
from tests.test_attachments_scan import problems, project

HEAD = b"{\\rtf1\\ansi\\ansicpg1258\\cocoartf2761\r\n{\\fonttbl\\f0\\fswiss Helvetica;}\r\n\\pard "
"""An RTF's opening, lines ended with CRLF as a Windows checkout writes them."""
MAT = b"M\\u7852?T"
TUYET_MAT = b"TUY\\u7878?T M\\u7852?T"
NEXT = b"N\\u7897?i dung bi\\u7875?u m\\u7851?u}"
"""«Nội dung biểu mẫu», the paragraph after the stamp, and the RTF's end."""

BROKEN = {
    "crlf-par": (MAT, b"\\par\r\n"),
    "par-no-space": (TUYET_MAT, b"\\par "),
    "backslash-crlf": (MAT, b"\\\r\n"),
    "backslash-lf": (TUYET_MAT, b"\\\n"),
    "backslash-cr": (MAT, b"\\\r"),
    "byte-cr": (TUYET_MAT, b"\\'0d"),
    "byte-crlf": (MAT, b"\\'0d\\'0a"),
    "line": (TUYET_MAT, b"\\line\r\n"),
}
"""How the stamp's paragraph ends: \\par (with CRLF after it, or a space), a backslash before
the line end (CRLF, LF or CR: RTF reads it as \\par), CR bytes, a line break (Shift+Enter)."""


@pytest.mark.parametrize("how", sorted(BROKEN))
def test_a_stamp_line_ends_where_the_rtf_ends_it(how: str) -> None:
    stamp, end = BROKEN[how]
    text = linked_text.text_of(HEAD + stamp + end + NEXT, ".rtf")
    assert text is not None
    shown = stamp.replace(b"\\u7852?", "Ậ".encode()).replace(b"\\u7878?", "Ệ".encode())
    assert text.split("\n")[:2] == [shown.decode(), "Nội dung biểu mẫu"]


@pytest.mark.parametrize("how", sorted(BROKEN))
def test_a_linked_rtf_stamped_secret_is_refused_as_the_other_formats(
    tmp_path: Path, how: str
) -> None:
    stamp, end = BROKEN[how]
    root = project(tmp_path, "mau.rtf", HEAD + stamp + end + NEXT)
    grade = "TUYỆT MẬT" if stamp == TUYET_MAT else "MẬT"
    assert (
        "error",
        f"tệp đính kèm «content/tep/mau.rtf» mang dấu mật «{grade}»: không bao giờ được xuất bản",
    ) in problems(root)
    with pytest.raises(ContentError):
        load_site(config_module.load(root), now=NOW)
