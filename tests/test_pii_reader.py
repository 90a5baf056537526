"""Personal data split by inline markup, a link or a wrapped line is found as the page shows it,
on its line in the source file."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from publish.pii import findings
from publish.pii_reader import reader_text
from tests.helpers import bulletin_md, install_fake_renderers, make_project

NOW = "2021-01-01T09:00"


def kinds(markdown: str) -> list[tuple[int, str, str]]:
    """(line, kind, masked value) of every finding in a Markdown field."""
    return [(f.line, f.kind, f.value) for f in findings(reader_text(markdown), year=2020)]


@pytest.mark.parametrize(
    ("markdown", "found"),
    [
        ("Bà A, CCCD 0871**2345**6789, trình báo", (0, "số CCCD", "087*******89")),
        ("Bà A, CCCD 0871<b>2345</b>6789, trình báo", (0, "số CCCD", "087*******89")),
        ("Bà A, CCCD số 0871 *2345* 6789, trình báo", (0, "số CCCD", "087*******89")),
        ("Bà A, CCCD số 0871 __2345__ 6789.", (0, "số CCCD", "087*******89")),
        ("Bà A trình báo, CCCD số 0871 2345\n6789 bị mất", (0, "số CCCD", "087*******89")),
        ("Mất giấy tờ.\nCCCD: [0871 2345 6789](tel:087123456789)", (1, "số CCCD", "087*******89")),
        (
            "Liên hệ [tại đây](tel:087123456789) để nhận lại",
            (0, "số CCCD (12 chữ số)", "087*******89"),
        ),
        (
            'Liên hệ <a href="tel:087123456789">tại đây</a>',
            (0, "số CCCD (12 chữ số)", "087*******89"),
        ),
        (
            # A quoted address read to its closing quote, as the browser does: «tel:0871» held
            # no number, and the CCCD went out unseen.
            'Liên hệ <a href="tel:0871 2345 6789">tại đây</a>',
            (0, "số CCCD (12 chữ số)", "087*******89"),
        ),
        (
            "chuyển vào STK <strong>0071001234567</strong>",
            (0, "số tài khoản ngân hàng", "007********67"),
        ),
        (
            "Dòng một.\n\nem **Lê Văn Tèo** (15 tuổi) mất tích",
            (2, "họ tên của trẻ vị thành niên (15 tuổi)", "L.V.T."),
        ),
        ("trú tại số **12** đường Lê Lợi", (0, "số nhà nơi ở của người dân", "số **")),
    ],
)
def test_data_split_by_markup_is_found_as_the_reader_sees_it(markdown: str, found: tuple) -> None:
    assert kinds(markdown) == [found]


@pytest.mark.parametrize(
    "markdown",
    [
        # One link whose text shows its number: told once.
        "[087*******89](https://example.vn/tra-cuu)",
        # A list's next item is no continuation of a number.
        "Các đối tượng gồm 1234567\n2. Nguyễn Văn A",
        "Năm 2023\n\n12 đối tượng bị bắt",  # a paragraph apart
        "**Cảnh báo** lừa đảo *qua mạng* trên địa bàn huyện",
        "tên tệp ho_ten_2020.csv",
    ],
)
def test_markup_alone_finds_nothing(markdown: str) -> None:
    assert kinds(markdown) == []


def test_the_same_number_in_a_link_and_its_text_is_told_once() -> None:
    assert kinds("CCCD: [087123456789](tel:087123456789)") == [(0, "số CCCD", "087*******89")]


def test_every_line_keeps_its_place() -> None:
    markdown = "a **b**\nCCCD 0871\n2345 6789 x\n[c](d)\n`e`"
    assert reader_text(markdown).count("\n") == markdown.count("\n")


def test_check_reports_a_bolded_number_on_its_source_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    body = "Bà Nguyễn Thị F trình báo.\n\nCCCD của bà: 0871**2345**6789.\n"
    root = make_project(tmp_path, {"content/a.md": bulletin_md(None, body)})
    assert main(["check", "--root", str(root), "--now", NOW, "--strict"]) == 1
    err = capsys.readouterr().err
    assert "content/a.md:11: lỗi: có thể là dữ liệu cá nhân: số CCCD «087*******89»" in err


def test_an_html_link_showing_its_number_is_told_once() -> None:
    markdown = 'CCCD: <a href="tel:087123456789"><b>087123456789</b></a>'
    assert kinds(markdown) == [(0, "số CCCD", "087*******89")]


@pytest.mark.parametrize(
    ("markdown", "found"),
    [
        ("Bà A, CCCD 0871[2345](<ho so.md>)6789, trình báo", (0, "số CCCD", "087*******89")),
        ("Bà A, CCCD 0871[2345](ho so.md)6789, trình báo", (0, "số CCCD", "087*******89")),
        (
            'em [Lê Văn Tèo](ho so/Le Van Teo.md "Hồ sơ") (15 tuổi) mất tích',
            (0, "họ tên của trẻ vị thành niên (15 tuổi)", "L.V.T."),
        ),
    ],
)
def test_a_link_whose_address_holds_spaces_is_read_as_its_words(
    markdown: str, found: tuple
) -> None:
    """Python-Markdown links «<ho so.md>» and «ho so.md "Hồ sơ"» whole: the page shows the link's
    words alone, which the reader kept with the link's brackets and address between them."""
    assert kinds(markdown) == [found]
