"""What a presenter of «Vì an ninh Tổ quốc» still stumbled on (session 71): a bare signed figure
after a change and a comma, a city abbreviation typed in lower case, code an editor indented or
nested in raw HTML.

Each bulletin goes through `normalise`, as a build reads it.
"""

from __future__ import annotations

import markdown
import pytest

from publish.radio.flags import BLOCKING
from publish.radio.normalise import normalise
from publish.render.zalo.blocks import to_html


def _read(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The script of `text` and its flags' codes and excerpts."""
    spoken = normalise(text)
    return spoken.text, [(f.code, f.excerpt) for f in spoken.flags]


# R12.4: a bare figure closing its clause after a change said with its figure and a comma
# (`giảm 5, -2 so với cùng kỳ`) gives the same change another way, as `giảm 5 (-2)` does: it was
# «giảm năm, âm hai», «giảm năm, cộng hai», «tăng năm, cộng hai», with no word to the editor.
SAME_WAY = [
    ("Số vụ giảm 5, -2 so với cùng kỳ.", "Số vụ giảm năm, giảm hai so với cùng kỳ."),
    ("Số vụ tăng 5, +2 so với cùng kỳ.", "Số vụ tăng năm, tăng hai so với cùng kỳ."),
    ("Số vụ giảm 5 vụ, -2.", "Số vụ giảm năm vụ, giảm hai."),
    ("Số vụ tăng 5 vụ; +2.", "Số vụ tăng năm vụ; tăng hai."),
    ("Số vụ giảm 5, tương ứng -2.", "Số vụ giảm năm, tương ứng giảm hai."),
    # The comma's space left out or put after the minus: the same clause (it was «giảm năm,-hai»,
    # the minus left for the presenter, and «giảm năm, hai», the sign lost).
    ("Số vụ giảm 5,-2.", "Số vụ giảm năm, giảm hai."),
    ("Số vụ giảm 5, - 2.", "Số vụ giảm năm, giảm hai."),
    ("Số vụ giảm 5 vụ,-2 so với cùng kỳ.", "Số vụ giảm năm vụ, giảm hai so với cùng kỳ."),
    ("Số vụ tăng 5,+2.", "Số vụ tăng năm, tăng hai."),
    # Right after the word saying the change: the sign is not said again («giảm âm hai» was).
    ("Số vụ giảm -2.", "Số vụ giảm hai."),
    ("Số vụ tăng +2.", "Số vụ tăng hai."),
]


@pytest.mark.parametrize(("source", "expected"), SAME_WAY)
def test_a_bare_figure_after_a_change_and_a_comma_says_that_change(
    source: str, expected: str
) -> None:
    assert _read(source) == (expected, [])


@pytest.mark.parametrize(
    ("source", "expected", "excerpt", "turned"),
    [
        (
            "Số vụ giảm 5, +2 so với cùng kỳ.",
            "Số vụ giảm năm, cộng hai so với cùng kỳ.",
            "+2",
            "«giảm 5, -2»",
        ),
        ("Số vụ tăng 5, -2.", "Số vụ tăng năm, âm hai.", "-2", "«tăng 5, +2»"),
        ("Số vụ giảm 5 vụ, +2.", "Số vụ giảm năm vụ, cộng hai.", "+2", "«giảm 5 vụ, -2»"),
        ("Số vụ tăng 5,-2.", "Số vụ tăng năm, âm hai.", "-2", "«tăng 5, +2»"),
        ("Số vụ tăng 5, - 2.", "Số vụ tăng năm, âm hai.", "-2", "«tăng 5, +2»"),
        ("Số vụ giảm 5,+2.", "Số vụ giảm năm, cộng hai.", "+2", "«giảm 5, -2»"),
        (
            "Số vụ tăng 5; tương ứng -2.",
            "Số vụ tăng năm; tương ứng âm hai.",
            "-2",
            "«tăng 5; tương ứng +2»",
        ),
    ],
)
def test_a_bare_figure_against_the_change_a_comma_follows_is_held(
    source: str, expected: str, excerpt: str, turned: str
) -> None:
    """`giảm 5, +2 so với cùng kỳ` said «giảm» and «cộng» of one change, unheld: read as written
    and held, as `tăng 3 vụ, -15%` is (R12.4)."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R12.4", BLOCKING, excerpt)]
    assert turned in spoken.flags[0].message


@pytest.mark.parametrize(
    ("source", "expected", "excerpt"),
    [
        ("Số vụ giảm +2.", "Số vụ giảm cộng hai.", "+2"),
        ("Số vụ tăng -2.", "Số vụ tăng âm hai.", "-2"),
    ],
)
def test_a_bare_figure_against_the_word_right_before_it_is_held(
    source: str, expected: str, excerpt: str
) -> None:
    """`giảm +2.` was «giảm cộng hai» unheld, where `giảm (+2)` is held (R12.4)."""
    spoken = normalise(source)
    assert spoken.text == expected
    assert [(f.code, f.severity, f.excerpt) for f in spoken.flags] == [("R12.4", BLOCKING, excerpt)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # No change said before: a value, its sign as written.
        ("Số vụ: 8, -2 so với cùng kỳ.", "Số vụ: tám, âm hai so với cùng kỳ."),
        ("Nhiệt độ -2, độ ẩm cao.", "Nhiệt độ âm hai, độ ẩm cao."),
        ("Nhiệt độ -2,-3.", "Nhiệt độ âm hai, âm ba."),
        ("Nhiệt độ giảm 5, -2 độ.", "Nhiệt độ giảm năm, âm hai độ."),
        # A negative growth, a loss written as a negative gain: the figure's own sign.
        ("Lãi -2.", "Lãi âm hai."),
        ("Số vụ giảm 5 - 7.", "Số vụ giảm từ năm đến bảy."),
    ],
)
def test_a_bare_figure_with_no_change_before_keeps_its_sign(source: str, expected: str) -> None:
    assert _read(source) == (expected, [])


# R14.3: `tp.HCM` was «Thành phố Hồ Chí Minh», but the city typed in lower case was left with its
# dot for the reader to stop at: «thành phố.hcm», «thành phố.hồ chí minh», «thành phố.cần thơ».
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Đối tượng trú tại tp.hcm bị bắt.", "Đối tượng trú tại Thành phố Hồ Chí Minh bị bắt."),
        ("Đối tượng trú tại tp.hồ chí minh.", "Đối tượng trú tại Thành phố Hồ Chí Minh."),
        ("Tại tp. hcm, tỉnh Đồng Tháp.", "Tại Thành phố Hồ Chí Minh, tỉnh Đồng Tháp."),
        ("Tại tphcm.", "Tại Thành phố Hồ Chí Minh."),
        ("Tại TP.hcm.", "Tại Thành phố Hồ Chí Minh."),
        ("Tại tp.cần thơ.", "Tại thành phố cần thơ."),
        # As before.
        ("Tại tp.HCM.", "Tại Thành phố Hồ Chí Minh."),
        ("Tại tp.Cần Thơ.", "Tại thành phố Cần Thơ."),
    ],
)
def test_the_city_typed_in_lower_case_is_said_with_no_dot(source: str, expected: str) -> None:
    assert _read(source) == (expected, [])


def _code_flags(source: str) -> list[tuple[str, str, int | None, str]]:
    """The R1.7 flags of `source`: code, severity, line and message."""
    return [(f.code, f.severity, f.line, f.message) for f in normalise(source).flags]


FENCED_FLAG = _code_flags("Đoạn đầu.\n\n```\nmã\n```\n\nĐoạn sau.")
"""What the editor is told of a fenced block not read, at line 3: the same for any code."""


@pytest.mark.parametrize(
    "code",
    [
        "    Goi 0912345678 de mo khoa.",
        "    Dong mot 0912345678\n\n    Dong hai sau dong trong.",
        "        Thut tam dau cach.",
        # Tabs count four columns, as on the website.
        "\tGoi 0912345678.",
        # A tag opening it outside a raw HTML block: code all the same, shown as typed.
        "    <b>Chú ý</b> gọi 0912345678.",
        "    <div>Goi 0912345678.</div>",
    ],
)
def test_a_block_indented_four_spaces_is_code_not_read(code: str) -> None:
    """A block indented four spaces after a blank line is code on the website, as a fenced one
    is: it was read as a paragraph («Goi không chín một hai, …»). Dropped with the same word to
    the editor (R1.7)."""
    source = f"Đoạn đầu.\n\n{code}\n\nĐoạn sau."
    assert "<pre><code>" in to_html(source)
    assert normalise(source).text == "Đoạn đầu.\n\nĐoạn sau."
    assert _code_flags(source) == FENCED_FLAG


@pytest.mark.parametrize("above", ["## Cách nhận biết", "Cách nhận biết\n---", "***"])
def test_a_line_indented_four_spaces_right_under_a_heading_is_code_not_read(above: str) -> None:
    """A heading or a rule ends its block: the indented line under it opens code on the
    website, with no blank line between; it was read as a paragraph going on."""
    source = f"Đoạn đầu.\n\n{above}\n    Goi 0912345678.\n\nĐoạn sau."
    for shown in (markdown.markdown(source), to_html(source)):
        assert "<pre><code>Goi 0912345678." in shown
    assert "Goi" not in normalise(source).text
    [(code, severity, line, message)] = _code_flags(source)
    assert line == source.count("\n", 0, source.index("    Goi")) + 1
    assert (code, severity, message) == FENCED_FLAG[0][:2] + FENCED_FLAG[0][3:]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Under a paragraph's line with no blank line: the paragraph goes on, as on the website.
        ("Đoạn đầu\n    tiếp theo.\n\nĐoạn sau.", "Đoạn đầu tiếp theo.\n\nĐoạn sau."),
        # Under a list item after a blank line: the item's paragraph.
        ("- Ý một.\n\n    Đoạn của ý một.\n\nĐoạn sau.", "Ý một. Đoạn của ý một.\n\nĐoạn sau."),
        # A definition's next paragraph.
        ("Thuật ngữ\n:   Định nghĩa.\n\n    Đoạn hai.", "Thuật ngữ: Định nghĩa.\n\nĐoạn hai."),
        # Inside a raw HTML block, which the website shows as it is, tag or no tag.
        ("Đoạn đầu.\n\n<div>\n\n    <p>Gọi 113.</p>\n\n</div>", "Đoạn đầu.\n\nGọi một một ba."),
        ("Đoạn đầu.\n\n<div>\n\n    Gọi 113.\n\n</div>", "Đoạn đầu.\n\nGọi một một ba."),
    ],
)
def test_an_indented_line_the_website_shows_as_text_is_read(source: str, expected: str) -> None:
    assert "<code>" not in to_html(source)
    assert _read(source) == (expected, [])


@pytest.mark.parametrize(
    ("html", "left"),
    [
        ("<div><pre>\nGoi 0912345678 de mo khoa.\n</pre></div>", ""),
        (
            '<div class="tin"><p>Ảnh chụp tin nhắn:</p><pre>Goi 0912345678.</pre></div>',
            "Ảnh chụp tin nhắn.",
        ),
        ("<div>\nTin nhắn <pre>Goi 0912345678</pre> là giả.\n</div>", "Tin nhắn là giả."),
        (
            "<details><summary>Xem mẫu</summary><pre><code>Goi 0912345678</code></pre>\n</details>",
            "Xem mẫu.",
        ),
    ],
)
def test_a_pre_inside_a_line_of_raw_html_is_code_not_read(html: str, left: str) -> None:
    """`<pre>` after a tag on its line (`<div><pre>…`) is code on the website, as one opening
    its line is: its text was read («Goi không chín một hai, …»), with no word to the editor.
    Dropped with the same word as fenced code, at the `<pre>`'s line (R1.7)."""
    source = f"Đoạn đầu.\n\n{html}\n\nĐoạn sau."
    assert "<pre" in to_html(source)
    spoken = normalise(source).text
    assert "Goi" not in spoken and "không chín" not in spoken
    assert spoken == "\n\n".join(part for part in ("Đoạn đầu.", left, "Đoạn sau.") if part)
    [(code, severity, line, message)] = _code_flags(source)
    assert line == source[: source.index("<pre")].count("\n") + 1
    assert [(code, severity, 3, message)] == FENCED_FLAG


def test_code_flags_come_in_line_order() -> None:
    source = "Một.\n\n```\nx\n```\n\nHai.\n\n<div><pre>y</pre></div>\n\nBa.\n\n    z\n\nBốn."
    assert [line for *_, line, _ in _code_flags(source)] == [3, 9, 13]


def test_a_pre_written_as_code_is_no_block_removed() -> None:
    """`<pre>` in backticks shows the tag itself on the website: nothing to drop (it is read
    as the code span is)."""
    source = "Thẻ `<div><pre>` hiện chữ đơn cách."
    assert not [flag for flag in normalise(source).flags if flag.code == "R1.7"]
