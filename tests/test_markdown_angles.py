"""Which `<…>` is HTML and which is words (publish.markdown_angles), and the plain text Zalo and
the radio make of the words: the website, Zalo and the radio must agree on it."""

from __future__ import annotations

import pytest

from publish.markdown_angles import angles_quoted, is_markup
from publish.sanitize import strip_markup


@pytest.mark.parametrize(
    "tag",
    [
        "<b>", "</B>", "<br>", "<br/>", "<br />", "<!-- ghi chú -->", '<a href="https://x.vn">',
        '<abbr title="Công an nhân dân">', '<img src="images/a.jpg" alt="Ảnh hội nghị">',
        "<img alt=Ảnh src=a.jpg>", "<td colspan=2>", "<details open>", "<script>",
        "<SCRIPT SRC=https://xss.example/xss.js>", "<svg/onload=alert(1)>", "<?xml ?>",
        "<!DOCTYPE html>", "<o:p>", "</o:p>", '<st1:place w:st="on">',
    ],
)  # fmt: skip
def test_html_an_editor_pastes_is_markup(tag: str) -> None:
    assert is_markup(tag)


@pytest.mark.parametrize(
    "words",
    [
        "<Vì an ninh Tổ quốc>", "<Tết an toàn>", "<An toàn giao thông>", "<Em bé>", "<A Lưới>",
        "<Luật Trật tự, an toàn giao thông đường bộ>", "</Tết>", "<Stop-lừa-đảo>",
    ],
)  # fmt: skip
def test_words_in_angle_brackets_are_not_markup(words: str) -> None:
    assert not is_markup(words)


def test_zalo_text_keeps_the_words_and_drops_the_tags() -> None:
    """No tag start stays for an app that might read HTML: a space follows each `<` before a
    letter, as in the Zalo title."""
    assert strip_markup("Tháng <<Vì an ninh Tổ quốc>>, <b>Tết</b> <Tết an toàn><!-- x -->") == (
        "Tháng << Vì an ninh Tổ quốc>>, Tết < Tết an toàn>"
    )
    assert strip_markup("<scr<script>ipt>alert(1)</scr</script>ipt>") == "alert(1)"


def test_the_radio_reads_the_words_as_a_quotation_and_leaves_tags_alone() -> None:
    assert angles_quoted("Tháng <<Vì an ninh Tổ quốc>> và << Chung tay >>, <Tết an toàn>.") == (
        "Tháng «Vì an ninh Tổ quốc» và «Chung tay», «Tết an toàn»."
    )
    assert angles_quoted("<b>Tết</b> và trẻ < 18 tuổi, <Đoàn kết>") == (
        "<b>Tết</b> và trẻ < 18 tuổi, «Đoàn kết»"
    )
