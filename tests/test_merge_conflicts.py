"""Git's conflict markers left in a bulletin or page (session 42): two editors changed and
approved the same bulletin on two branches; the merge stopped with «<<<<<<<», «=======»,
«>>>>>>>» in the file, and they were committed. The build names the file, the line of
«<<<<<<<» and how to resolve it, instead of «thiếu dấu ':' sau tên trường», and a page, which
no approval holds back, is never published with both branches' text in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import SITE_TOML, bulletin_md, make_project

CLOCK = "2021-01-01T09:00"
BULLETIN = "content/bai-viet/2020-12-08-canh-bao.md"
PAGE = "content/pages/lien-he.md"


def conflicted(ours: str, theirs: str) -> str:
    """The lines git writes where two branches changed the same lines."""
    return f"<<<<<<< HEAD\n{ours}=======\n{theirs}>>>>>>> nhanh-b\n"


def web_bulletin(body: str = "Nội dung bản tin.\n") -> str:
    """A bulletin for the website only (no cover needed for Zalo)."""
    return bulletin_md({"channels": "[web]"}, body)


def build(root: Path) -> int:
    """`publish build --channel web` at the fixed clock."""
    return main(["build", "--root", str(root), "--now", CLOCK, "--channel", "web"])


def test_markers_in_the_front_matter_are_named_with_their_line_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = web_bulletin("Dòng một.\n")
    head, tail = text.split('approved_by: "Thượng tá Nguyễn Văn Hùng"\n')
    text = (
        head
        + conflicted(
            'approved_by: "Thượng tá Nguyễn Văn Hùng"\n',
            'approved_by: "Trung tá Lê Thanh Phong"\n',
        )
        + tail
    )
    root = make_project(tmp_path, {BULLETIN: text})
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 1
    err = capsys.readouterr().err
    marker_line = text.split("\n").index("<<<<<<< HEAD") + 1
    assert f"{BULLETIN}:{marker_line}: lỗi: tệp còn dấu xung đột của git" in err
    assert "xóa các dòng dấu" in err
    assert "publish approve TỆP" in err  # each branch's approval was of its own text
    assert "thiếu dấu ':'" not in err


def test_a_page_with_markers_in_its_body_is_not_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Địa chỉ trụ sở:\n\n" + conflicted("Số 1 đường 30/4.\n", "Số 3 đường 30/4.\n")
    page = f'---\ntitle: "Liên hệ"\nslug: lien-he\n---\n\n{body}'
    root = make_project(tmp_path, {PAGE: page, BULLETIN: web_bulletin()})
    assert build(root) == 1
    err = capsys.readouterr().err
    assert f"{PAGE}:8: lỗi: tệp còn dấu xung đột của git" in err
    published = [
        path
        for path in (root / "output").rglob("*")
        if path.is_file() and b"<<<<<<<" in path.read_bytes()
    ]
    assert published == []
    assert not (root / "output" / "web" / "lien-he").exists()


def test_every_conflict_of_a_file_is_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "Mở đầu.\n\n"
        + conflicted("Đoạn một.\n", "Đoạn 1.\n")
        + "\nGiữa.\n\n"
        + conflicted("Đoạn hai.\n", "Đoạn 2.\n")
    )
    root = make_project(tmp_path, {BULLETIN: web_bulletin(body)})
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 1
    err = capsys.readouterr().err
    lines = [n for n, line in enumerate(web_bulletin(body).split("\n"), 1) if "<<<" in line]
    assert f"(2 chỗ, ở các dòng {lines[0]}, {lines[1]})" in err


def test_a_setext_heading_or_a_deep_quote_is_no_conflict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Tiêu đề mục\n=======\n\nĐoạn văn.\n\n>>>>>>> trích dẫn lồng sâu\n"
    root = make_project(tmp_path, {BULLETIN: web_bulletin(body)})
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 0
    assert "xung đột" not in capsys.readouterr().err


def test_markers_in_site_toml_are_one_error_naming_the_merge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = SITE_TOML.replace(
        'title = "Công an huyện Châu Thành"\n',
        conflicted('title = "Công an huyện Châu Thành"\n', 'title = "Công an xã Tân Nhuận Đông"\n'),
    )
    root = make_project(tmp_path, {"site.toml": toml, BULLETIN: web_bulletin()})
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 1
    err = capsys.readouterr().err
    line = toml.split("\n").index("<<<<<<< HEAD") + 1
    assert f"site.toml:{line}: lỗi: tệp còn dấu xung đột của git" in err
    assert "viết hai lần" not in err and "khóa = giá trị" not in err
    assert err.count("lỗi:") == 1
