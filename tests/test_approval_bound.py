"""Approvals bound to the file's bytes and to the files a bulletin links to (session 34): an
edit the reading of the day ignores, or a form replaced under its name, is not published under
the old approval; approvals written before keep being judged as they were."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from publish import approval
from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from tests.helpers import NOW, bulletin_md
from tests.test_approval import BASE_FIELDS, BODY, FILE, approve, edit, project, verdict

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
FORM = "Tải [mẫu đơn](../tep/mau-don.pdf) và [tờ khai](../tep/to-khai.docx).\n"


def reason(root: Path) -> str:
    """Why the bulletin is held back ("" when it is published)."""
    site = load_site(config_module.load(root), now=NOW)
    return next((e.reason for e in site.excluded if e.bulletin.source == FILE), "")


def approved_version(root: Path) -> str:
    """The `approved_version` the bulletin's file holds."""
    found = re.search(r'approved_version: "([^"]*)"', (root / FILE).read_text("utf-8"))
    assert found is not None
    return found[1]


def as_session_33(root: Path) -> str:
    """Rewrite the approval `publish approve` wrote as the tool wrote it before session 34 (its
    values fingerprint only, keyed with the reading): what bulletins approved then carry."""
    [bulletin] = load_site(config_module.load(root), now=NOW).bulletins
    old = approval.version(bulletin, approval.ImageDigests(root / "content"))
    edit(root, approved_version(root), old)
    return old


# What `publish approve` writes.


def test_approve_writes_the_values_the_file_and_the_linked_files() -> None:
    assert approval.is_version("0123456789ab")  # as written before: still a fingerprint
    assert approval.bound("0123456789ab") is None
    assert approval.bound("0123456789ab-abcdef012345-000000000000") == (
        "0123456789ab",
        "abcdef012345",
        "000000000000",
    )
    assert not approval.is_version("0123456789ab-abcdef012345")


def test_the_file_part_leaves_out_only_what_approving_and_airing_write() -> None:
    text = (
        "---\ntitle: A\napproved_by: X\napproved_version: 0\ndraft: true\n"
        "pii_reviewed_by: Y\nradio:\n  air_date: 2020-12-12\n  aired: '1:20'\n---\n\nThân.\n"
    )
    digest = approval.file_digest(text.encode())
    same = [
        text.replace("approved_by: X", 'approved_by: "Đại tá B"'),
        text.replace("approved_version: 0\n", ""),
        text.replace("draft: true", "draft: false"),
        text.replace("pii_reviewed_by: Y", 'pii_reviewed_by: "Đại úy C"'),
        text.replace("'1:20'", '"1:35"'),
        text.replace("  aired: '1:20'\n", ""),
        text.replace("\n", "\r\n"),  # git's core.autocrlf on the approver's Windows machine
    ]
    assert [approval.file_digest(t.encode()) for t in same] == [digest] * len(same)
    other = [
        text.replace("title: A", "title: A  # đổi"),
        text.replace("title: A", 'title: "A"'),
        text.replace("Thân.", "Thân. "),
        text.replace("  air_date: 2020-12-12\n", "  air_date: 2020-12-12\n  reader: B\n"),
        text.replace("---\n\nThân", "extra: 1\n---\n\nThân"),
        # Deeper than the block's keys: text of a value, never `radio.aired`.
        text.replace("  aired: '1:20'", "  aired: '1:20'\n    aired: '1:20'"),
        text.replace("'1:20'", "'1:20 mật'"),  # a duration, nothing else
    ]
    assert approval.file_digest(text.encode()) not in {
        approval.file_digest(t.encode()) for t in other
    }


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("radio: {air_date: 2020-12-12}\n", "radio: {air_date: 2020-12-12, aired: '1:20'}\n"),
        ("radio: {air_date: 2020-12-12}\n", "radio: {aired: '1:20', air_date: 2020-12-12}\n"),
        ("", "radio: {aired: '1:20'}\n"),
        ("", "radio:\n  aired: '1:20'\n"),
    ],
)
def test_the_aired_length_written_after_the_broadcast_any_way_is_left_out(
    before: str, after: str
) -> None:
    text = "---\ntitle: A\n{}---\n\nThân.\n"
    assert approval.file_digest(text.format(after).encode()) == approval.file_digest(
        text.format(before).encode()
    )


# The loader requires every part.


WRITTEN_ONLY = [
    ("quotes", 'author: "Minh Anh"', "author: Minh Anh"),
    ("comment", 'author: "Minh Anh"', 'author: "Minh Anh"   # tác giả'),
    ("order", 'author: "Minh Anh"\n', ""),  # moved below, see the test
]


@pytest.mark.parametrize(("name", "old", "new"), WRITTEN_ONLY, ids=[w[0] for w in WRITTEN_ONLY])
def test_an_edit_the_reading_of_the_day_ignores_holds_a_new_approval(
    tmp_path: Path, name: str, old: str, new: str
) -> None:
    """A comment, quote marks or the order of keys read the same today, but a later reading
    may read them otherwise (as key_lines' did): the approver never read the edited file."""
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edit(root, old, new)
    if name == "order":
        edit(root, "---\n\n", 'author: "Minh Anh"\n---\n\n')
    assert verdict(root) == "unapproved", name
    told = reason(root)
    assert told.startswith("đã sửa sau khi duyệt: tệp bài đã đổi ở chỗ không đổi nội dung")
    assert 'publish approve content/bai-viet/a.md --by "Họ tên, chức vụ"' in told
    assert approve(root, FILE) == 0
    assert verdict(root) is None


@pytest.mark.parametrize(("name", "old", "new"), WRITTEN_ONLY, ids=[w[0] for w in WRITTEN_ONLY])
def test_an_approval_written_before_keeps_working_as_it_did(
    tmp_path: Path, name: str, old: str, new: str
) -> None:
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    as_session_33(root)
    assert verdict(root) is None
    edit(root, old, new)
    if name == "order":
        edit(root, "---\n\n", 'author: "Minh Anh"\n---\n\n')
    assert verdict(root) is None, name
    edit(root, "Nội dung bản tin.", "Nội dung đã sửa.")
    assert verdict(root) == "unapproved"


@pytest.mark.parametrize("cut", ["file and linked parts", "linked part"])
def test_an_approval_cut_to_its_first_parts_matches_nothing(tmp_path: Path, cut: str) -> None:
    """The values part is keyed as bound: cutting the other parts off does not make it an
    approval of the values alone, as written before session 34."""
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    value = approved_version(root)
    edit(root, value, value[:12] if cut == "file and linked parts" else value[:25])
    edit(root, 'author: "Minh Anh"', "author: Minh Anh")
    assert verdict(root) == "unapproved"


def test_the_approvers_line_endings_changed_by_git_keep_the_approval(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert approve(root, FILE) == 0
    path = root / FILE
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert verdict(root) is None


def test_a_draft_approved_with_publish_is_bound_to_the_file_as_released(tmp_path: Path) -> None:
    root = project(tmp_path, bulletin_md({**BASE_FIELDS, "draft": "true"}, BODY))
    assert approve(root, FILE, extra=("--publish",)) == 0
    assert "draft: false" in (root / FILE).read_text("utf-8")
    assert verdict(root) is None


# Linked files.


def linking_project(tmp_path: Path) -> Path:
    """A project whose bulletin links to a PDF form and a Word form under content/tep/."""
    root = project(tmp_path, bulletin_md(BASE_FIELDS, BODY + FORM))
    (root / "content/tep").mkdir()
    (root / "content/tep/mau-don.pdf").write_bytes(PDF)
    (root / "content/tep/to-khai.docx").write_bytes(b"PK\x05\x06" + bytes(18))
    return root


def test_a_linked_form_replaced_after_approval_holds_the_bulletin_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = linking_project(tmp_path)
    assert approve(root, FILE) == 0
    assert verdict(root) is None
    (root / "content/tep/mau-don.pdf").write_bytes(PDF.replace(b"Catalog", b"Catalog  "))
    assert verdict(root) == "unapproved"
    told = reason(root)
    assert told.startswith("đã sửa sau khi duyệt: một trong các tệp đính kèm đã bị thay hay sửa")
    assert "«content/tep/mau-don.pdf»" in told and "«content/tep/to-khai.docx»" in told
    capsys.readouterr()
    # Told whatever the channels checked: one that renders no web page is quickest.
    run = ["check", "--root", str(root), "--now", "2021-01-01T09:00", "--channel", "zalo"]
    assert main(run) == 0
    assert "«content/tep/mau-don.pdf»" in capsys.readouterr().out
    assert approve(root, FILE) == 0
    assert verdict(root) is None


def test_the_one_linked_file_replaced_is_named_alone(tmp_path: Path) -> None:
    root = project(
        tmp_path, bulletin_md(BASE_FIELDS, BODY + "Tải [mẫu đơn](../tep/mau-don.pdf).\n")
    )
    (root / "content/tep").mkdir()
    (root / "content/tep/mau-don.pdf").write_bytes(PDF)
    assert approve(root, FILE) == 0
    (root / "content/tep/mau-don.pdf").write_bytes(PDF + b"%\n")
    assert reason(root).startswith(
        "đã sửa sau khi duyệt: tệp đính kèm «content/tep/mau-don.pdf» đã bị thay hay sửa: "
        "không đăng ở kênh nào"
    )


def test_a_linked_file_replaced_under_an_approval_written_before_is_as_it_was(
    tmp_path: Path,
) -> None:
    """Old approvals are not withdrawn by the upgrade: they never covered the linked files."""
    root = linking_project(tmp_path)
    assert approve(root, FILE) == 0
    as_session_33(root)
    (root / "content/tep/mau-don.pdf").write_bytes(PDF + b"%\n")
    assert verdict(root) is None


def test_the_pull_requests_plan_says_which_linked_file_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CI comments `publish sync … --dry-run --format markdown` on a pull request: the reviewer
    sees why the bulletin will be withdrawn."""
    root = project(
        tmp_path, bulletin_md(BASE_FIELDS, BODY + "Tải [mẫu đơn](../tep/mau-don.pdf).\n")
    )
    (root / "content/tep").mkdir()
    (root / "content/tep/mau-don.pdf").write_bytes(PDF)
    assert approve(root, FILE) == 0
    (root / "content/tep/mau-don.pdf").write_bytes(PDF + b"%\n")
    capsys.readouterr()
    run = ["--root", str(root), "--now", "2021-01-01T09:00"]
    assert main(["sync", "web", "--dry-run", "--format", "markdown", *run]) == 0
    plan = capsys.readouterr().out
    assert (
        "| `content/bai-viet/a.md` | đã sửa sau khi duyệt: tệp đính kèm «content/tep/mau-don.pdf» "
        "đã bị thay hay sửa: không đăng ở kênh nào"
    ) in plan


def test_a_new_reading_keeps_an_untouched_bound_approval_and_holds_an_edit_it_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upgrade this is for: the reading is renamed (key_lines: a rule changed) and the one
    approvals were taken under moves to READINGS_BEFORE. An untouched bulletin stays approved
    (judged under the reading it was approved under); a comment added before the upgrade,
    which that reading ignored, does not pass under it."""
    from publish import content, key_lines

    root = project(tmp_path)
    assert approve(root, FILE) == 0
    edited = project(tmp_path / "sua")
    assert approve(edited, FILE) == 0
    edit(edited, 'author: "Minh Anh"', 'author: "Minh Anh"   # tác giả')
    new = key_lines.Reading(
        key_lines.lines_with_keys, key_lines.lines_with_keys, spans=True, name="key-lines-5"
    )
    monkeypatch.setattr(approval.judged_version, "__defaults__", (new, None))
    monkeypatch.setattr(approval.fingerprint, "__defaults__", (None, new, None))
    monkeypatch.setattr(content, "READINGS_BEFORE", (*key_lines.READINGS_BEFORE, key_lines.READING))
    assert verdict(root) is None
    assert verdict(edited) == "unapproved"


# An indented first line: the values part hashes the body without its outer spaces.

COMMENT = "<!-- Ghi chú nội bộ: nguồn tin là cộng tác viên mật danh HOA SEN -->\n"


def pages_showing(root: Path, secret: str) -> list[str]:
    """The artifacts of the website and Zalo that show `secret`."""
    from publish.pipeline import build

    result = build(config_module.load(root), channels=("web", "zalo"), now=NOW)
    found = []
    for artifact in result.artifacts:
        data = artifact.data if isinstance(artifact.data, bytes) else str(artifact.data).encode()
        if secret.encode() in data:
            found.append(str(artifact.path))
    return found


@pytest.mark.parametrize("indent", ["    ", "\t", "  \t"])
@pytest.mark.parametrize("written", ["today", "before session 34"])
def test_indenting_the_first_line_into_a_code_block_needs_a_new_approval(
    tmp_path: Path, indent: str, written: str
) -> None:
    """Four spaces (or a tab) before the first line make it a code block: a hidden comment
    approved as hidden would show on the page and in the feeds. Stripping the body's outer
    spaces made the edit invisible to an approval of the values alone."""
    root = project(tmp_path, bulletin_md(BASE_FIELDS, COMMENT + BODY))
    assert approve(root, FILE) == 0
    if written == "before session 34":
        as_session_33(root)
    assert verdict(root) is None
    edit(root, "\n<!-- Ghi", f"\n{indent}<!-- Ghi")
    assert verdict(root) == "unapproved"


def test_a_hidden_comment_indented_after_approval_shows_on_no_page(tmp_path: Path) -> None:
    """What the test above holds, built (once: a build is most of this file's time): the
    comment approved as hidden shows nowhere, and once indented into a code block, which would
    show it, the bulletin is held and it still shows nowhere until approved so."""
    root = project(tmp_path, bulletin_md(BASE_FIELDS, COMMENT + BODY))
    assert approve(root, FILE) == 0
    as_session_33(root)
    assert verdict(root) is None  # published: its pages are built
    assert pages_showing(root, "HOA SEN") == []
    edit(root, "\n<!-- Ghi", "\n\t<!-- Ghi")
    assert pages_showing(root, "HOA SEN") == []
    assert approve(root, FILE) == 0  # approved as indented, it is shown
    assert pages_showing(root, "HOA SEN") != []


def test_spaces_around_the_body_that_change_nothing_keep_an_approval_written_before(
    tmp_path: Path,
) -> None:
    """A blank line or two spaces before the first line render the same: no new approval."""
    root = project(tmp_path, bulletin_md(BASE_FIELDS, COMMENT + BODY))
    assert approve(root, FILE) == 0
    as_session_33(root)
    edit(root, "\n<!-- Ghi", "\n\n  <!-- Ghi")
    edit(root, BODY, BODY + "\n  \n")
    assert verdict(root) is None


def test_a_form_saved_under_its_mac_name_replaced_after_approval_holds_the_bulletin(
    tmp_path: Path,
) -> None:
    """Copied from a Mac, «mẫu-đơn.pdf» keeps its name decomposed (NFD) while the bulletin
    writes it composed: the file is found and served, so its bytes must be what is approved
    (hashed as content/<composed name>, which is no file, any form passed)."""
    root = project(
        tmp_path, bulletin_md(BASE_FIELDS, BODY + "Tải [mẫu đơn](../tep/mẫu-đơn.pdf).\n")
    )
    (root / "content/tep").mkdir()
    form = root / "content/tep" / unicodedata.normalize("NFD", "mẫu-đơn.pdf")
    form.write_bytes(PDF)
    assert approve(root, FILE) == 0
    assert verdict(root) is None
    form.write_bytes(PDF + b"%\n")
    assert verdict(root) == "unapproved"
    assert reason(root).startswith(
        "đã sửa sau khi duyệt: tệp đính kèm «content/tep/mẫu-đơn.pdf» đã bị thay hay sửa"
    )


def test_a_linked_file_that_cannot_be_read_holds_the_bulletin_and_is_not_approved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A form whose bytes cannot be read may hold anything: its part of the approval is not
    taken (publish approve refuses) and an approval taken before does not cover it."""
    root = project(
        tmp_path, bulletin_md(BASE_FIELDS, BODY + "Tải [mẫu đơn](../tep/mau-don.pdf).\n")
    )
    (root / "content/tep").mkdir()
    (root / "content/tep/mau-don.pdf").write_bytes(PDF)
    assert approve(root, FILE) == 0
    approved = approved_version(root)
    real = approval.ImageDigests.__call__

    def unreadable(self: approval.ImageDigests, path: str) -> str | None:
        return None if path.endswith(".pdf") else real(self, path)

    monkeypatch.setattr(approval.ImageDigests, "__call__", unreadable)
    assert verdict(root) == "unapproved"
    assert reason(root).startswith(
        "không đọc được tệp đính kèm «content/tep/mau-don.pdf» để đối chiếu với bản đã duyệt"
    )
    capsys.readouterr()
    assert approve(root, FILE) == 1
    err = capsys.readouterr().err
    assert "không đọc được tệp đính kèm «content/tep/mau-don.pdf»" in err
    assert approved_version(root) == approved
    # Written by hand, the mark of a file not read approves nothing.
    edit(root, approved, approved[:-12] + approval.UNREAD_LINKED)
    assert verdict(root) == "unapproved"
