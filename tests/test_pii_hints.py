"""Each kind of personal data gets the fix that fits it: one hint for all told a minor's birth
year to «chỉ ghi năm sinh», and a minor's name, shown as initials, to «viết tắt tên»."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import bulletin_md, make_project

BODY = (
    "Cháu Nguyễn Ngọc Yến (16 tuổi), sinh năm 2006, trú tại số 45 đường Lê Lợi, đã được "
    "trao trả cho gia đình.\n"
)


def hints(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    body: str = BODY,
    fields: dict[str, str] | None = None,
) -> dict[str, str]:
    """Each warning's finding (its line's text after «dữ liệu cá nhân: ») and its fix."""
    fields = {"date": "2022-06-01 08:00", **(fields or {})}
    root = make_project(tmp_path, {"content/bai-viet/tin.md": bulletin_md(fields, body)})
    assert main(["check", "--root", str(root), "--now", "2022-06-02T09:00"]) == 0
    lines = capsys.readouterr().err.splitlines()
    return {
        line.split("dữ liệu cá nhân: ", 1)[1]: lines[i + 1]
        for i, line in enumerate(lines)
        if "dữ liệu cá nhân: " in line
    }


def test_a_minors_birth_year_is_told_to_go_not_to_stay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    told = hints(tmp_path, capsys)
    year = told["năm sinh của trẻ vị thành niên (16 tuổi) «2006»"]
    assert "Bỏ năm sinh của em, chỉ ghi tuổi (ví dụ «em 16 tuổi»)" in year
    assert "chỉ ghi năm sinh" not in year
    name = told["họ tên của trẻ vị thành niên (16 tuổi) «N.N.Y.»"]
    assert "Trong tệp là họ tên đầy đủ" in name and "«cháu N.N.Y.»" in name
    assert "bỏ cả chữ viết tắt" in name
    assert "Bỏ số nhà" in told["số nhà nơi ở của người dân «số **»"]


def test_a_minors_name_already_in_initials_is_not_told_at_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Cháu N.N.Y. (17 tuổi) đã được trao trả cho gia đình.\n"
    assert not any("trẻ vị thành niên" in k for k in hints(tmp_path, capsys, body))


def test_a_name_in_the_slug_is_told_to_leave_the_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name the slug spells was told «Trong tệp là họ tên đầy đủ … viết tắt»: an address
    cannot be abbreviated, and the text's own warning tells that; this one, to change slug."""
    told = hints(tmp_path, capsys, fields={"slug": "chau-nguyen-ngoc-yen-duoc-trao-tra"})
    slug = told["họ tên của trẻ vị thành niên (16 tuổi) «N.N.Y.» nằm trong địa chỉ web của bản tin"]
    assert "Địa chỉ web không rút lại được" in slug and "ở dòng slug:" in slug
    assert "Trong tệp là họ tên đầy đủ" not in slug and "viết tắt" not in slug
    assert "Trong tệp là họ tên đầy đủ" in told["họ tên của trẻ vị thành niên (16 tuổi) «N.N.Y.»"]
