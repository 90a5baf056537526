"""Markdown an editor types a little off: each shows as typed on the website and Zalo, so each is
a warning naming its line; what the editor meant, typed right, renders and is not warned of."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.render.zalo.blocks import to_html
from tests.helpers import NOW, bulletin_md, make_project

FIRST = 9
"""The body's first line in a file `bulletin_md` writes (front matter of 5 fields, a blank)."""


def warned(tmp_path: Path, body: str) -> list:
    """The warnings a bulletin with `body` gets on load."""
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md(body=body)})
    return list(load_site(config_module.load(root), now=NOW).warnings)


@pytest.mark.parametrize(
    ("body", "line", "mark", "right"),
    [
        ("Khuyến cáo:\n-Không cung cấp OTP;\n-Không bấm link.\n", 1, "-", "- Không cung cấp OTP;"),
        ("Các bước:\n\n1.Gọi 113.\n2.Báo Công an xã.\n", 2, "1.", "1. Gọi 113."),
        ("- Không cung cấp OTP;\n-Không bấm link.\n", 1, "-", "- Không bấm link."),
        ("Lưu ý:\n+Giữ bí mật mã OTP.\n", 1, "+", "+ Giữ bí mật mã OTP."),
    ],
)
def test_a_list_item_without_the_space_after_its_mark_is_a_warning(
    tmp_path: Path, body: str, line: int, mark: str, right: str
) -> None:
    """«-Không…» is no list item: the line ran on into the paragraph (or the item) above it,
    without a word."""
    assert to_html(body).count("<li>") < 2
    [warning] = warned(tmp_path, body)
    assert (warning.severity, warning.line) == ("warning", FIRST + line)
    assert f"mở đầu bằng dấu của mục danh sách («{mark}»" in warning.message
    assert "thiếu dấu cách sau dấu đó" in warning.message
    assert (warning.hint or "").endswith(f"«{right}».")
    typed_right = re.sub(r"(?m)^([-+]|\d\.)(?=\w)", r"\1 ", body)
    assert "<li>" in to_html(typed_right)
    assert not warned(tmp_path / "right", typed_right)


def test_the_lines_of_every_glued_item_are_named_in_one_warning(tmp_path: Path) -> None:
    """One warning per bulletin, its place the first line, the others listed."""
    body = "Khuyến cáo:\n-Không cung cấp;\n-Không bấm.\n\n1.Gọi 113.\n"
    [warning] = warned(tmp_path, body)
    assert warning.line == FIRST + 1
    assert "(«-», «1.»)" in warning.message and "(cả ở dòng 11, 13)" in warning.message


@pytest.mark.parametrize(
    "line",
    [
        "-3 độ C là nhiệt độ thấp nhất.",  # a negative number
        "+84 277 3610 113 là số máy bàn.",  # an international number
        "1.000 người đã tham dự.",  # a thousand, the Vietnamese way
        "*Ghi chú: số liệu tạm tính.*",  # emphasis
        "---",  # a rule
        "`-Không` là cách viết sai.",  # code shows as typed
    ],
)
def test_a_line_opening_with_a_sign_or_number_is_not_taken_for_a_list_item(
    tmp_path: Path, line: str
) -> None:
    assert not warned(tmp_path, f"Đoạn mở đầu.\n\n{line}\n")


@pytest.mark.parametrize(
    "line",
    [
        "**Lưu ý: **không cung cấp mã OTP.",
        "Gọi ngay ** 113 ** khi cần.",
        "** Lưu ý:** không cung cấp mã OTP.",
        "**Lưu ý: không cung cấp mã OTP.",
    ],
)
def test_a_bold_mark_with_a_space_inside_or_never_closed_is_a_warning(
    tmp_path: Path, line: str
) -> None:
    """The asterisks showed on the website and Zalo, the bold did not."""
    assert "**" in to_html(line)
    [warning] = warned(tmp_path, f"Đoạn mở đầu.\n\n{line}\n")
    assert (warning.severity, warning.line) == ("warning", FIRST + 2)
    assert warning.message.startswith("dấu «**» ở dòng «")
    assert "website và Zalo hiện nguyên các dấu sao" in warning.message
    assert "«**Lưu ý:** không" in (warning.hint or "")


@pytest.mark.parametrize(
    "body",
    [
        "**Lưu ý:** không cung cấp mã OTP, gọi **113**.",
        "**Lưu ý: không cung cấp\nmã OTP cho ai.**",  # bold across a line break
        "Tiền phạt 5 * 3 triệu, chữ in **đậm**.",
        "```\n**Lưu ý: **x\n```",  # code shows as typed
        "Giá trị `a ** b` là lũy thừa.",
    ],
)
def test_bold_typed_right_is_not_warned_of(tmp_path: Path, body: str) -> None:
    assert not warned(tmp_path, f"Đoạn mở đầu.\n\n{body}\n")


TABLE = "| Xã | Số vụ |\n| --- | --- |\n| Tân Phú | 3 |\n"


def test_a_table_without_its_line_under_the_first_row_is_a_warning(tmp_path: Path) -> None:
    """No table: the rows ran on as one line of «|» on the website and Zalo."""
    body = (
        "Đoạn mở đầu.\n\n| Xã | Số vụ | Thiệt hại |\n| Tân Phú | 3 | 45 |\n| An Khánh | 2 | 12 |\n"
    )
    assert "<table>" not in to_html(body)
    [warning] = warned(tmp_path, body)
    assert (warning.severity, warning.line) == ("warning", FIRST + 2)
    assert warning.message.startswith("bảng thiếu dòng kẻ ngay dưới hàng đầu")
    assert "nối 3 hàng" in warning.message
    assert warning.hint == (
        "Thêm ngay dưới dòng 11 một dòng kẻ, mỗi cột một «| --- »: «| --- | --- | --- |»."
    )


def test_a_table_right_under_a_line_of_text_is_a_warning(tmp_path: Path) -> None:
    """GitHub shows it as a table, the website and Zalo did not: the editor saw it right."""
    body = "Đoạn mở đầu.\n\nKết quả tháng 11:\n" + TABLE
    assert "<table>" not in to_html(body)
    [warning] = warned(tmp_path, body)
    assert (warning.severity, warning.line) == ("warning", FIRST + 3)
    assert warning.message.startswith("bảng viết ngay dưới dòng «Kết quả tháng 11:»")
    assert warning.hint == "Để một dòng trống giữa dòng 11 và hàng đầu của bảng (dòng 12)."
    fixed = "Đoạn mở đầu.\n\nKết quả tháng 11:\n\n" + TABLE
    assert "<table>" in to_html(fixed)
    assert not warned(tmp_path / "fixed", fixed)


def test_a_line_of_text_right_under_a_table_is_a_warning(tmp_path: Path) -> None:
    """It became one more row of the table."""
    body = TABLE + "Nguồn: Công an huyện.\n"
    assert "<td>Nguồn: Công an huyện.</td>" in to_html(body)
    [warning] = warned(tmp_path, body)
    assert (warning.severity, warning.line) == ("warning", FIRST + 3)
    assert warning.message.startswith("dòng «Nguồn: Công an huyện.» viết ngay dưới bảng")
    assert not warned(tmp_path / "fixed", TABLE + "\nNguồn: Công an huyện.\n")


@pytest.mark.parametrize(
    "body",
    [
        TABLE,
        "## Kết quả\n" + TABLE,  # a heading is a block of its own
        "|a|b|\n|:-|-:|\n|1|2|\n",
        "Đường dây nóng | 113\n",  # one line with a «|»
        "```\n| a | b |\n| c | d |\n```\n",  # code shows as typed
    ],
)
def test_tables_typed_right_are_not_warned_of(tmp_path: Path, body: str) -> None:
    assert not warned(tmp_path, body)


def test_the_warnings_show_in_publish_check_and_do_not_stop_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The editor reads them in the check's list, file and line first; the build goes on."""
    body = "Khuyến cáo:\n-Không cung cấp mã OTP.\n"
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md(body=body)})
    assert main(["check", "--root", str(root)]) == 0
    out = capsys.readouterr().err
    assert f"content/bai-viet/a.md:{FIRST + 1}: cảnh báo: dòng «-Không cung cấp mã OTP.»" in out


def test_the_plain_pair_shortcut_never_hides_a_stray_star_pair() -> None:
    """A body whose «**» all go with the one-line pairs taken out skips the pairing walk: over
    many short random texts of stars, spaces, letters, backslashes and line breaks, whenever the
    shortcut says nothing is left, the walk finds no stray «**» either."""
    import random

    from publish import typed_markdown

    rng = random.Random(68)
    pieces = ["*", "**", "***", "a", " ", "\n", "\\", "b", "\n\n"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        if "**" not in text or "**" in typed_markdown._PLAIN_PAIR.sub("", text):
            continue
        lines = text.split("\n")
        blanks = [i for i, line in enumerate(lines) if not line.strip()]
        start, stray = 0, []
        for end in [*blanks, len(lines)]:
            if start < end:
                stray += typed_markdown._unpaired(lines, start, end)
            start = end + 1
        assert stray == [], text


def test_a_word_glued_to_bold_ending_on_a_mark_is_a_warning(tmp_path: Path) -> None:
    """The website shows the bold, but «hàng:Đối» with no space after the colon."""
    body = (
        "**Giả danh ngân hàng:**Đối tượng gọi điện.\n\n**Giả danh shipper:**Yêu cầu chuyển khoản.\n"
    )
    assert "<strong>Giả danh ngân hàng:</strong>Đối" in to_html(body)  # the bold is shown
    [warning] = warned(tmp_path, body)
    assert (warning.severity, warning.line) == ("warning", FIRST)
    assert warning.message == (
        "chữ đậm «**Giả danh ngân hàng:**» viết liền chữ sau nó («Đối») (cả ở dòng "
        f"{FIRST + 2}): website hiện «Giả danh ngân hàng:Đối» không có dấu cách sau dấu «:»"
    )
    assert warning.hint == "Thêm một dấu cách sau dấu ** đóng: «**Giả danh ngân hàng:** Đối»."


@pytest.mark.parametrize(
    "body",
    [
        "**Giả danh ngân hàng:** Đối tượng gọi điện.",
        "Số **113**ngay",  # no mark before the letter
        "**Số tiền:**50 triệu",
        "`**Lưu ý:**Không` là cách viết sai.",  # code shows as typed
    ],
)
def test_bold_followed_by_a_space_or_no_mark_is_not_warned_as_glued(
    tmp_path: Path, body: str
) -> None:
    assert not [w for w in warned(tmp_path, f"{body}\n") if "viết liền" in w.message]
