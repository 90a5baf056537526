"""Session 82 (helper docno): two dated paths the radio took for a document number left blank.

A blank line ends a number's label: «Số:⏎⏎/2020/12/HD-CAH» is a label, then a paragraph that is a
page address, as «/2020/12/vu-an-x» alone is (R1.4). A held bulletin's page address typed after a
label («Số hiệu: /2020/12/TB-CONG-AN-XA», the draft's page /2020/12/tb-cong-an-xa/) is that page's
address, dropped and told as one; a symbol naming no held page exactly stays a number left blank."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publish.radio.flags import BLOCKING
from publish.radio.normalise import normalise
from tests.test_held_links import run, sent, with_b, write_held_draft
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


HELD_AFTER_A_LABEL = {
    "«Số hiệu:»": ("Số hiệu: /2020/12/TB-CONG-AN-XA nữa.", "tb-cong-an-xa"),
    "«Số:»": ("Số: /2020/12/HD-CAH ngày 5.", "hd-cah"),
    "after the kind": (
        "Căn cứ Thông báo số /2020/12/TB-CONG-AN-XA của công an xã, người dân chấp hành.",
        "tb-cong-an-xa",
    ),
    "a placeholder": ("Số: …/2020/12/BC-CAT ngày 5.", "bc-cat"),
    "across a blank line": ("Số:\n\n/2020/12/HD-CAH nữa.", "hd-cah"),
}


@pytest.mark.parametrize(
    ("line", "slug"), HELD_AFTER_A_LABEL.values(), ids=HELD_AFTER_A_LABEL.keys()
)
def test_a_held_slug_in_capitals_after_a_number_label_is_told_as_a_held_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, slug: str
) -> None:
    """«Số hiệu: /2020/12/TB-CONG-AN-XA» for a draft whose page is /2020/12/tb-cong-an-xa/ was
    a blocking «để trống số» (and «Không biết cơ quan ban hành «CONG»»), while the check said
    the radio dropped the held page's address: the editor was sent to fill in a number for a
    link to a page not published. It is that page's address, dropped on air and told so."""
    root = with_b(tmp_path, f"Công an xã tuần tra.\n\n{line}\n")
    write_held_draft(root, f"content/bai-viet/2020-12-20-{slug}.md")
    written = f"/2020/12/{slug.upper()}"
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    assert "để trống số" not in err and "Không biết cơ quan ban hành" not in err, err
    assert "R13.3" not in err
    assert f"nội dung bài nêu địa chỉ trang «{written}»" in err, err
    assert "kịch bản phát thanh không đọc địa chỉ" in err
    assert f"chứa địa chỉ «{written}»" in err, err
    assert run(root, "build", "-q") == 0
    radio = {path: text for path, text in sent(root).items() if path.startswith("radio/")}
    assert "Công an xã tuần tra" in radio["radio/items/b.txt"]
    words = slug.upper().split("-")[1:]
    assert not set(re.split(r"[\s,.]+", radio["radio/items/b.txt"])) & set(words)
    for path, text in radio.items():
        assert "hai nghìn không trăm hai mươi" not in text, path
        assert f"của {' và '.join(words)}" not in text and f" {' '.join(words)} " not in text, path


NOT_HELD_EXACTLY = {
    "nothing held": ("Số hiệu: /2020/12/TB-CONG-AN-XA nữa.", None),
    "a held slug it begins with": (
        "Số hiệu: /2020/12/TB-CONG-AN-XA nữa.",
        "content/bai-viet/2020-12-20-tb-cong-an.md",
    ),
    "a held slug of another month": (
        "Số: /2020/12/HD-CAH nữa.",
        "content/bai-viet/2020-11-20-hd-cah.md",
    ),
    "«Đ» is no «d»": ("Số: /2020/12/QĐ-UBND nữa.", "content/bai-viet/2020-12-20-qd-ubnd.md"),
}


@pytest.mark.parametrize(("line", "held"), NOT_HELD_EXACTLY.values(), ids=NOT_HELD_EXACTLY.keys())
def test_a_symbol_naming_no_held_page_exactly_stays_a_number_left_blank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, held: str | None
) -> None:
    """Only the address of a held page as the website reads it, not one shaped like it."""
    root = with_b(tmp_path, f"Công an xã tuần tra.\n\n{line}\n")
    if held is not None:
        write_held_draft(root, held)
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    symbol = line.split()[-2]
    assert f"chặn phát thanh: Số hiệu văn bản «{symbol}» để trống số" in err, err
    assert "nội dung bài nêu địa chỉ trang" not in err
    assert run(root, "build", "-q") == 0
    assert "radio/items/b.txt" not in sent(root)
