"""Session 80 (helper linksfinal): a bulletin's dated page address written as text is an address
on air too, and a page's link to a held bulletin's address is told in the words of what the page
shows (the link's words alone), not as a link leading to a 404 page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_held_links import project, run, sent, with_b
from tests.test_held_links_mend3 import HELD_PAGE, SITE
from tests.test_radio_review_tk2 import on_air

DATED_AS_TEXT = {
    "its path in a sentence": "Địa chỉ /2020/12/vu-an-xuyenhai/ nữa.",
    "its path as a link's words": "Xem [/2020/12/vu-an-xuyenhai/](tel:0912345678).",
    "after the site's folder": "Xem /congan/2020/12/vu-an-xuyenhai/ nhé.",
}


@pytest.mark.parametrize("source", DATED_AS_TEXT.values(), ids=DATED_AS_TEXT.keys())
def test_a_dated_page_path_is_not_read_on_air_and_is_flagged(source: str) -> None:
    """It was read «hai nghìn không trăm hai mươi mười hai vu-an-xuyenhai», slug and all,
    unflagged: the radio drops it as it drops «https://…» (R1.4)."""
    script, codes = on_air(source)
    assert "xuyenhai" not in script
    assert "hai nghìn" not in script
    assert "R1.4" in codes


@pytest.mark.parametrize(
    ("source", "read"),
    [
        ("Quyết định số 15/2020/12/qd-ubnd đã ban hành.", "mười lăm"),
        ("Ngày 05/12/2020 công an xã tuần tra.", "năm tháng mười hai năm hai nghìn"),
    ],
)
def test_numbers_and_dates_written_with_slashes_are_still_read(source: str, read: str) -> None:
    script, codes = on_air(source)
    assert read in script
    assert "R1.4" not in codes


def test_the_radio_script_of_a_bulletin_naming_a_held_page_path_has_no_slug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The station's script: the held bulletin's slug never read; the warning names the radio."""
    root = with_b(tmp_path, f"Công an xã tuần tra.\n\nĐịa chỉ {HELD_PAGE} nữa.\n")
    assert run(root, "build", "-q") == 0
    radio = {path: text for path, text in sent(root).items() if path.startswith("radio/")}
    assert radio
    for path, text in radio.items():
        assert "nan-nhan" not in text.lower(), path
        assert "hai mươi mười hai" not in text, path
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    assert f"nội dung bài nêu địa chỉ trang «{HELD_PAGE}»" in err, err
    assert "kịch bản phát thanh" in err


PAGE = "content/pages/gioi-thieu.md"


@pytest.mark.parametrize(
    "href", [HELD_PAGE, f"https://{SITE}{HELD_PAGE}"], ids=["its path", "its full address"]
)
def test_a_pages_link_to_a_held_bulletins_address_is_told_as_words_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], href: str
) -> None:
    """The page shows the link's words alone: no 404 page is ever reached."""
    root = project(tmp_path)
    (root / PAGE).parent.mkdir(parents=True, exist_ok=True)
    (root / PAGE).write_text(
        f"---\ntitle: Giới thiệu\n---\n\nXem [bài này]({href}) nhé.\n", "utf-8"
    )
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    told = [line for line in err.splitlines() if line.startswith(PAGE)]
    assert len(told) == 1, err
    assert "trang lỗi 404" not in err
    assert "vẫn hiện trên website" in err
    assert "không dẫn đi đâu" in err


def test_two_links_on_a_line_to_one_held_bulletin_are_one_warning_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its path and its full address are one address: told once, saying the file has two."""
    root = project(tmp_path)
    (root / PAGE).parent.mkdir(parents=True, exist_ok=True)
    (root / PAGE).write_text(
        f"---\ntitle: Giới thiệu\n---\n\nXem [bài này]({HELD_PAGE}) và "
        f"[bài kia](https://{SITE}{HELD_PAGE}) nhé.\n",
        "utf-8",
    )
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    told = [line for line in err.splitlines() if line.startswith(PAGE)]
    assert len(told) == 1, err
    assert told[0].startswith(f"{PAGE}:5: cảnh báo: liên kết «{HELD_PAGE}»")
    assert "tệp có 2 liên kết tới địa chỉ này" in told[0]
    assert "trang lỗi 404" not in err
