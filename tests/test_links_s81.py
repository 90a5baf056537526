"""Session 81 (helper links81): what session 80's reading of dated page addresses left.

A document number typed with its number left blank («Số: /2020/12/QĐ-UBND») is no page address:
our slugs are lower case, digits and hyphens. A page address under the site's deeper folders is
one, however many there are."""

from __future__ import annotations

import pytest

from tests.hang_guard import run_python_guarded
from tests.test_radio_review_tk2 import on_air


@pytest.mark.parametrize(
    "source",
    [
        "Số: /2020/12/QĐ-UBND ngày 5 tháng 12.",
        "Căn cứ Quyết định số /2020/12/QĐ-UBND của Ủy ban nhân dân huyện.",
    ],
    ids=["after «Số:»", "in a sentence"],
)
def test_a_document_number_left_blank_is_read_not_dropped_as_an_address(source: str) -> None:
    """It was dropped with its sentence as a site address (R1.4): the listener lost the
    decision's year as «Số: 15/2020/QĐ-UBND» has it read."""
    script, codes = on_air(source)
    assert "R1.4" not in codes
    assert "hai nghìn không trăm hai mươi" in script


@pytest.mark.parametrize(
    "source",
    [
        "Địa chỉ /2020/12/vu-an-x/ nữa.",
        "Địa chỉ /2020/12/vu-an-x nữa.",
        "Địa chỉ /2020/12/2-vu-an/ nữa.",
        "Xem /congan/2020/12/vu-an-x/ nhé.",
    ],
)
def test_a_page_address_in_our_slug_form_is_still_dropped(source: str) -> None:
    script, codes = on_air(source)
    assert "vu-an" not in script
    assert "hai nghìn" not in script
    assert "R1.4" in codes


@pytest.mark.parametrize(
    "source",
    [
        "Xem /a/b/c/d/2020/12/vu-an-x/ nhé.",
        "Xem /a/b/c/d/e/f/2020/12/vu-an-x/ nhé.",
        "Xem [/a/b/c/d/2020/12/vu-an-x/](tel:0912345678).",
        "Xem https://x.vn/a/b/c/d/2020/12/vu-an-x/ nhé.",
    ],
    ids=["four folders", "six folders", "as a link's words", "in full"],
)
def test_a_page_address_under_four_or_more_folders_is_dropped_like_a_shorter_one(
    source: str,
) -> None:
    """Its path was read «a b c d, hai nghìn … vu-an-x»: at most three folders were looked for."""
    script, codes = on_air(source)
    assert "vu-an" not in script
    assert "hai nghìn" not in script
    assert "R1.4" in codes


@pytest.mark.parametrize(
    "text",
    ["' ' + '/a' * 50_000 + '/2020/12/X'", "' ' + '/2020/12' * 20_000 + '/X'", "' /a' * 30_000"],
    ids=["folders", "dated folders", "paths"],
)
def test_a_long_run_of_folders_is_looked_at_for_a_page_address_without_stalling(text: str) -> None:
    """The folders before the date are no longer bounded: each try still ends at the path's end."""
    run_python_guarded(f"from publish.radio.markdown import _URL\n_URL.search({text})\n")
