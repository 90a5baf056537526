"""`publish approve` tells the approver what the build would say about the files a bulletin
links to (session 36): a form stamped secret is refused before anything is written, personal
data in a list is warned about as the build warns, so approve and the build agree."""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from publish import config as config_module
from publish import pii
from publish.cli import main
from publish.commands import approve as approve_command
from publish.commands.approve import by_line
from publish.content import load_site
from publish.errors import ContentError, Problem
from publish.frontmatter import Loader
from publish.frontmatter_edit import EditError
from publish.text import nfc
from tests.helpers import NOW, bulletin_md, make_project
from tests.test_approval import APPROVER, CLOCK, FILE
from tests.test_attachments_scan import docx

FORM = "Tải [biểu mẫu](../tep/{name}) để điền.\n"


def linking(tmp_path: Path, name: str, data: bytes, **fields: str) -> Path:
    """A bulletin on the website, not yet approved, linking to content/tep/<name>."""
    text = bulletin_md(
        {"channels": "[web, zalo]", **fields}, FORM.format(name=name), drop=("approved_by",)
    )
    return make_project(tmp_path, {FILE: text, f"content/tep/{name}": data})


def approve(root: Path, *flags: str) -> int:
    """`publish approve` of the bulletin at the fixed clock (`flags`: more options)."""
    return main(["approve", "--root", str(root), "--now", CLOCK, FILE, "--by", APPROVER, *flags])


def build_problems(root: Path) -> list[str]:
    """The messages the build's load tells about the linked file."""
    found: Sequence[Problem]
    try:
        site = load_site(config_module.load(root), now=NOW)
    except ContentError as exc:
        found = exc.problems
    else:
        found = list(site.warnings)
    return [p.message for p in found if "tệp đính kèm" in p.message]


def test_a_form_stamped_secret_is_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = linking(tmp_path, "mau.docx", docx(["Kế hoạch"], ["TỐI MẬT"]))
    before = (root / FILE).read_bytes()
    assert approve(root) == 1
    err = capsys.readouterr().err
    assert "«content/tep/mau.docx» mang dấu mật «TỐI MẬT»" in err
    assert "Chuyển tệp ra khỏi dự án" in err  # what to do
    assert "chưa duyệt được" in err
    assert (root / FILE).read_bytes() == before
    # The build refuses the same file for the same reason.
    assert any("mang dấu mật «TỐI MẬT»" in m for m in build_problems(root))


def test_a_link_to_a_missing_form_is_refused_as_the_build_refuses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = linking(tmp_path, "mau.pdf", b"%PDF-1.4\n%%EOF\n")
    (root / "content/tep/mau.pdf").unlink()
    before = (root / FILE).read_bytes()
    assert approve(root) == 1
    assert "«../tep/mau.pdf»" in capsys.readouterr().err
    assert (root / FILE).read_bytes() == before


def test_personal_data_in_a_linked_list_waits_for_the_approver_s_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Approved without a word about the ID numbers of the list it links to, the bulletin
    went out with them, or CI's `check --strict` stopped every bulletin: the approver is told
    them as the build tells them, and decides (was: approved with a warning)."""
    data = "Họ tên,Số CCCD\nNguyễn Văn An,001089012345\n".encode()
    root = linking(tmp_path, "ds.csv", data)
    before = (root / FILE).read_bytes()
    assert approve(root) == 1
    err = capsys.readouterr().err
    told = "tệp đính kèm «content/tep/ds.csv» (dòng 2 của tệp) có thể là dữ liệu cá nhân"
    assert told in err
    assert "dữ liệu cá nhân chưa ai xem xét" in err and "chưa duyệt tệp này" in err
    assert "--pii-reviewed" in err  # how to go on, having decided
    assert (root / FILE).read_bytes() == before
    assert approve(root, "--pii-reviewed") == 0
    out = capsys.readouterr().out
    assert told in out
    data_written = yaml.load((root / FILE).read_text(encoding="utf-8").split("---")[1], Loader)
    assert data_written["pii_reviewed_by"] == APPROVER
    assert data_written["approved_by"] == APPROVER
    site = load_site(config_module.load(root), now=NOW)
    assert site.bulletins  # approved: published, with the build's own warning
    assert main(["check", "--root", str(root), "--now", CLOCK, "--strict"]) == 0


def test_personal_data_in_the_body_is_told_at_its_line_and_waits_for_a_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Công an xã đã làm việc với đối tượng.\n\nSố CCCD của đối tượng: 087123456789.\n"
    text = bulletin_md({"channels": "[web]"}, body, drop=("approved_by",))
    root = make_project(tmp_path, {FILE: text})
    assert approve(root) == 1
    err = capsys.readouterr().err
    # The approver sees it before signing, at the line of the number, masked as the build masks it.
    line = text.splitlines().index("Số CCCD của đối tượng: 087123456789.") + 1
    assert f"{FILE}:{line}: cảnh báo: có thể là dữ liệu cá nhân: số CCCD «087*******89»" in err
    assert "087123456789" not in err  # never printed whole
    assert (root / FILE).read_text(encoding="utf-8") == text  # nothing written
    # Told the command, the approver runs it as told.
    command = next(part for part in err.split("chạy: ")[1:] if "--pii-reviewed" in part)
    told = shlex.split(command.split(" (lệnh ghi")[0])
    assert told[:2] == ["publish", "approve"] and "--pii-reviewed" in told
    assert main([*told[1:], "--now", CLOCK]) == 0
    out = capsys.readouterr().out
    assert "087123456789" not in out
    assert f'lệnh ghi pii_reviewed_by: "{APPROVER}"' in out
    site = load_site(config_module.load(root), now=NOW)
    build = [p for p in pii.lint(site) if "dữ liệu cá nhân" in p.message]
    approved = (root / FILE).read_text(encoding="utf-8").splitlines()  # three lines longer
    line = approved.index("Số CCCD của đối tượng: 087123456789.") + 1
    assert [(p.message, p.line, p.severity) for p in build] == [
        ("có thể là dữ liệu cá nhân: số CCCD «087*******89»", line, "warning")
    ]
    assert [p.severity for p in pii.lint(site, strict=True)] == ["warning"]  # reviewed


def test_a_bulletin_already_approved_as_it_is_is_not_refused_for_its_personal_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Over `content/bai-viet/*.md`, a bulletin approved before (by a build that did not ask)
    and unchanged is the approval on record: nothing new is decided by naming it again."""
    body = "Số CCCD của đối tượng: 087123456789.\n"
    text = bulletin_md({"channels": "[web]"}, body, drop=("approved_by",))
    root = make_project(tmp_path, {FILE: text})
    assert approve(root, "--pii-reviewed") == 0
    written = (root / FILE).read_text(encoding="utf-8")
    unreviewed = written.replace(f'pii_reviewed_by: "{APPROVER}"\n', "")
    assert unreviewed != written
    (root / FILE).write_text(unreviewed, encoding="utf-8")
    capsys.readouterr()
    assert approve(root) == 0
    assert "Đã duyệt đúng nội dung này từ trước" in capsys.readouterr().out
    assert (root / FILE).read_text(encoding="utf-8") == unreviewed


def test_a_review_of_an_earlier_version_does_not_let_new_personal_data_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reviewer written with an earlier approval reviewed that version: an edit that adds
    another ID number waits for a decision again, and the new reviewer is written over the old.
    It was approved with «Đã được … xem xét» about data that reviewer never saw."""
    body = "Số CCCD của đối tượng: 087123456789.\n"
    text = bulletin_md({"channels": "[web]"}, body, drop=("approved_by",))
    root = make_project(tmp_path, {FILE: text})
    assert approve(root, "--pii-reviewed") == 0
    edited = (root / FILE).read_text(encoding="utf-8") + "Người làm chứng: CCCD 087199900011.\n"
    (root / FILE).write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert approve(root) == 1
    assert "chưa ai xem xét" in capsys.readouterr().err
    assert (root / FILE).read_text(encoding="utf-8") == edited
    assert approve(root, "--pii-reviewed") == 0


# The line to copy by hand when the approval cannot be written.

NAMES = st.text(
    st.characters(categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\u2028\u2029"),
    min_size=1,
    max_size=40,
).map(lambda typed: nfc(" ".join(typed.split())))


@settings(max_examples=300, deadline=None)
@given(NAMES)
def test_the_line_to_copy_reads_back_as_the_name(by: str) -> None:
    assert yaml.load(by_line(by), Loader=Loader) == {"approved_by": by}


def test_the_hint_of_an_approval_not_written_reads_back_as_the_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> str:
        """As for a front matter the tool cannot edit line by line."""
        raise EditError("sửa phần đầu theo từng dòng sẽ đổi cả trường khác")

    monkeypatch.setattr(approve_command, "set_keys", refuse)
    root = make_project(tmp_path, {FILE: bulletin_md({"channels": "[web]"}, drop=("approved_by",))})
    by = 'Thượng tá Nguyễn Văn "Hùng", Đội trưởng Đội C\\1'
    argv = ["approve", "--root", str(root), "--now", CLOCK, FILE, "--by", by]
    assert main(argv) == 1
    err = capsys.readouterr().err
    found = re.search(r"Ghi tay vào phần đầu: (approved_by: .*?) và approved_version", err)
    assert found is not None, err
    assert yaml.load(found[1], Loader=Loader) == {"approved_by": by}


# The note on a new approver.


def test_an_approver_named_after_a_long_summary_is_no_new_approver(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """b.md's approver comes after a summary of several KB: still an approver already there."""
    long = '"' + "Người dân cần cảnh giác với cuộc gọi giả danh Công an. " * 100 + '"'
    root = make_project(
        tmp_path,
        {
            FILE: bulletin_md({"channels": "[web]"}, drop=("approved_by",)),
            "content/bai-viet/b.md": bulletin_md(
                {"id": "b1", "channels": "[web]", "summary": long, "approved_by": f'"{APPROVER}"'}
            ),
            "content/bai-viet/c.md": bulletin_md(
                {"id": "c1", "channels": "[web]", "approved_by": '"Trung tá Lê Thanh Phong"'}
            ),
        },
    )
    assert len((root / "content/bai-viet/b.md").read_bytes().split(b"approved_by")[0]) > 4096
    assert approve(root) == 0
    assert "chưa duyệt bản tin nào khác" not in capsys.readouterr().out


def test_an_approved_by_in_the_body_is_no_approver(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Mẫu phần đầu:\n\n---\napproved_by: Trung tá Lê Thanh Phong\n"
    root = make_project(
        tmp_path,
        {
            FILE: bulletin_md({"channels": "[web]"}, drop=("approved_by",)),
            "content/bai-viet/b.md": bulletin_md({"id": "b1", "channels": "[web]"}, body),
        },
    )
    assert approve(root) == 0
    out = capsys.readouterr().out
    assert "Người duyệt đã có: Thượng tá Nguyễn Văn Hùng." in out
