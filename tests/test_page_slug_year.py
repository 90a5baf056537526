"""A page whose address is a year takes the place of that year's folder page: check says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import bulletin_md, make_project

PAGE = '---\ntitle: "Năm 2020"\nslug: "2020"\n---\n\nTổng kết năm.\n'


def test_a_page_whose_slug_is_a_year_is_noted_and_takes_the_year_s_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The editor learns why /2020/ shows the page instead of leading to that year's bulletins,
    naming the file, the field and another slug; it is a note: check still passes."""
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/a.md": bulletin_md({"channels": "[web]"}),
            "content/pages/nam-2020.md": PAGE,
        },
    )
    assert main(["check", "--root", str(root), "--now", "2020-12-09T08:00"]) == 0
    err = capsys.readouterr().err
    assert (
        "content/pages/nam-2020.md:3: ghi chú: trường 'slug': địa chỉ trang (slug) «2020» là một năm"
        in err
    )
    assert "Cách sửa: Chọn địa chỉ có chữ, ví dụ slug: tong-ket-2020." in err
    assert (
        main(["build", "--root", str(root), "--now", "2020-12-09T08:00", "--channel", "web"]) == 0
    )
    page = (root / "output/web/2020/index.html").read_text(encoding="utf-8")
    assert "Tổng kết năm." in page


def test_a_page_with_a_number_that_is_no_year_is_not_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«113» (the hotline's page) is no year's folder."""
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/a.md": bulletin_md({"channels": "[web]"}),
            "content/pages/113.md": PAGE.replace('"2020"', '"113"'),
        },
    )
    assert main(["check", "--root", str(root), "--now", "2020-12-09T08:00"]) == 0
    assert "là một năm" not in capsys.readouterr().err


def test_a_page_with_another_error_is_told_its_reserved_slug_in_the_same_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not loaded for its empty title, the page never reached the website's check of its slug:
    that error came only once the title was fixed."""
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/a.md": bulletin_md({"channels": "[web]"}),
            "content/pages/trang-loi.md": '---\ntitle: ""\nslug: tim-kiem\n---\n\nNội dung.\n',
        },
    )
    assert main(["check", "--root", str(root), "--now", "2020-12-09T08:00"]) == 1
    err = capsys.readouterr().err
    assert "content/pages/trang-loi.md:2: lỗi: trường 'title': trường bắt buộc để trống" in err
    assert (
        err.count(
            "content/pages/trang-loi.md:3: lỗi: trường 'slug': địa chỉ trang (slug) «tim-kiem» "
            "trùng với thư mục /tim-kiem/ mà website dùng sẵn"
        )
        == 1
    )
