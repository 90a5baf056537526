"""Session 82 (helper docno): two dated paths the radio took for a document number left blank.

A blank line ends a number's label: «Số:⏎⏎/2020/12/HD-CAH» is a label, then a paragraph that is a
page address, as «/2020/12/vu-an-x» alone is (R1.4). A held bulletin's page address typed after a
label («Số hiệu: /2020/12/TB-CONG-AN-XA», the draft's page /2020/12/tb-cong-an-xa/) is that page's
address, dropped and told as one; a symbol naming no held page exactly stays a number left blank."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.radio.flags import BLOCKING
from publish.radio.normalise import normalise
from tests.test_held_links import run, sent, with_b
from tests.test_radio_review_tk2 import NEAR, on_air

ACROSS_A_BLANK_LINE = {
    "«Số:»": ("Số:\n\n/2020/12/HD-CAH nữa.", "/2020/12/HD-CAH"),
    "«Số hiệu:»": ("Số hiệu:\n\n/2020/12/QĐ-UBND ngày 5.", "/2020/12/QĐ-UBND"),
    "after the kind": (
        "Căn cứ Quyết định số:\n\n/2020/12/QĐ-UBND của Ủy ban nhân dân huyện.",
        "/2020/12/QĐ-UBND",
    ),
    "a placeholder": ("Số:\n\n…/2020/12/QĐ-UBND ngày 5.", "/2020/12/QĐ-UBND"),
}


@pytest.mark.parametrize(
    ("source", "path"), ACROSS_A_BLANK_LINE.values(), ids=ACROSS_A_BLANK_LINE.keys()
)
def test_a_label_across_a_blank_line_leaves_a_dated_path_an_address(source: str, path: str) -> None:
    """The label's paragraph is read on into the next (its colon announces it), and the label
    then made the path a number left blank: blocking R13.3 «để trống số» for what the website
    shows as a paragraph of its own, a page's address. It is read as «/2020/12/vu-an-x» is."""
    script, codes = on_air(source)
    assert (script, codes) == on_air(source.replace(path, "/2020/12/vu-an-x")), script
    assert codes == ["R1.4"], codes
    assert "hai nghìn" not in script


def test_a_label_on_the_line_above_in_one_paragraph_is_still_its_label() -> None:
    """One line break is no paragraph's end: the website shows «Số: /2020/12/QĐ-UBND» as one."""
    spoken = normalise("Số:\n/2020/12/QĐ-UBND ngày 5.", near=NEAR)
    assert [(f.code, f.severity) for f in spoken.flags] == [("R13.3", BLOCKING)]
    assert "để trống số" in spoken.flags[0].message


def test_the_check_tells_a_path_after_a_label_and_a_blank_line_as_an_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`publish check` said «chặn phát thanh: Số hiệu văn bản «/2020/12/HD-CAH» để trống số»
    and held the bulletin off the radio; it is a page address dropped on air (R1.4)."""
    root = with_b(tmp_path, "Công an xã tuần tra.\n\nSố:\n\n/2020/12/HD-CAH nữa.\n")
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    assert "để trống số" not in err, err
    assert (
        "content/bai-viet/2021-01-01-b.md:14: ghi chú: phát thanh: Đã bỏ câu chứa địa chỉ "
        "«/2020/12/HD-CAH»" in err
    ), err
    assert run(root, "build", "-q") == 0
    item = sent(root)["radio/items/b.txt"]
    assert "Công an xã tuần tra" in item
    assert "hai nghìn" not in item and "Hướng dẫn" not in item
