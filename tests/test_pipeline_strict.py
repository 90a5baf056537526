"""--strict decides which warnings become errors by a finding's code, never by its words."""

from __future__ import annotations

from pathlib import Path

from publish import config as config_module
from publish.content import load_site
from publish.errors import UNREADABLE_ATTACHMENT, Problem
from publish.pipeline import strictly
from tests.helpers import NOW, SITE_TOML, bulletin_md, make_project


def warning(hint: str, code: str | None = None) -> Problem:
    """A warning on a bulletin's linked document, with `hint` and `code`."""
    return Problem(
        "content/bai-viet/a.md",
        "tệp đính kèm «content/tep/mau.pdf» không đọc được để kiểm dấu mật",
        line=12,
        hint=hint,
        severity="warning",
        code=code,
    )


def test_the_unreadable_document_warning_stays_a_warning_by_its_code_whatever_its_hint() -> None:
    """Rewording the hint for editors must not make every Word PDF stop CI under --strict."""
    reworded = warning("Mở tệp xem có dấu mật không rồi mới duyệt.", UNREADABLE_ATTACHMENT)
    assert [p.severity for p in strictly([reworded])] == ["warning"]


def test_another_warning_becomes_an_error_even_quoting_the_exempt_words() -> None:
    """Another finding's words (a hint that happens to say the same) exempt nothing."""
    other = warning("Mở tệp xem có dấu mật không rồi mới duyệt.")
    note = Problem("content/bai-viet/a.md", "ghi chú", severity="note")
    assert [p.severity for p in strictly([other, note])] == ["error", "note"]


def test_the_code_is_given_to_machine_readers() -> None:
    """CI annotations read the findings as dictionaries: the code is among them."""
    assert warning("x", UNREADABLE_ATTACHMENT).as_dict()["code"] == UNREADABLE_ATTACHMENT


def test_the_warning_a_linked_document_not_read_gets_is_made_with_the_exempt_code(
    tmp_path: Path,
) -> None:
    """The warning as the load makes it carries the code: without it a Word PDF linked from a
    bulletin would make every pull request fail under --strict."""
    root = make_project(
        tmp_path,
        {
            "site.toml": SITE_TOML,
            "content/tep/mau.docx": b"PK\x03\x04 broken",
            "content/bai-viet/a.md": bulletin_md(
                {"channels": "[web]"}, body="Tải [mẫu](../tep/mau.docx).\n"
            ),
        },
    )
    site = load_site(config_module.load(root), now=NOW)
    [told] = [p for p in site.warnings if "không đọc được để kiểm dấu mật" in p.message]
    assert told.code == UNREADABLE_ATTACHMENT
    assert [p.severity for p in strictly([told])] == ["warning"]
