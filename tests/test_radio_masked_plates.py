"""A licence plate with its serial hidden (`66B1-xxx.xx`, `66A-***.**`), as bulletins hide a
citizen's plate: held with a hint fitting plates, whose suggested wording reads on air."""

from __future__ import annotations

import re

import pytest

from publish.radio.normalise import normalise_fragment
from publish.radio.options import SpeakOptions

GENERIC = "Còn chữ số chưa chuyển thành lời"


@pytest.mark.parametrize(
    ("source", "typed", "head", "said"),
    [
        ("xe mô tô biển số 66B1-xxx.xx bỏ chạy", "66B1-xxx.xx", "66B1", "sáu sáu B một"),
        ("xe biển số 66A-xxx.xx bỏ chạy", "66A-xxx.xx", "66A", "sáu sáu A"),
        ("biển số 66B1-***.** đã bị tạm giữ", "66B1-***.**", "66B1", "sáu sáu B một"),
        ("ô tô 66A-123.xx được trả", "66A-123.xx", "66A", "sáu sáu A"),
        ("xe 29A1 xxxxx vượt đèn đỏ", "29A1 xxxxx", "29A1", "hai chín A một"),
        ("xe biển số 66B1-123.** bị mất trộm", "66B1-123.**", "66B1", "sáu sáu B một"),
        ("ô tô 66A-***.45 được trả", "66A-***.45", "66A", "sáu sáu A"),
        ("xe 66B1-12*.** bỏ chạy", "66B1-12*.**", "66B1", "sáu sáu B một"),
    ],
)
def test_a_masked_plate_is_held_with_how_to_write_it_so_it_reads(
    source: str, typed: str, head: str, said: str
) -> None:
    """Held with the message for digits left, its examples dates and money («66A-xxx.xx» read
    «sáu mươi sáu A-xxx.xx» with no word, «66B1-***.**» shown as «66B1-»): now one flag names
    the plate as typed and says what to write so it reads."""
    spoken = normalise_fragment(source)
    [flag] = spoken.blocking
    assert flag.code == "Q1" and flag.excerpt == typed
    assert f"Biển số xe «{typed}» có phần số bị che" in flag.message
    assert GENERIC not in flag.message and "xxx" not in spoken.text
    suggested = re.search(r"ví dụ «(biển số [^»]+)»", flag.message)
    assert suggested is not None and suggested[1] == f"biển số {head} (đã che số)"
    # The wording suggested reads, with nothing held.
    again = normalise_fragment(f"xe {suggested[1]} bỏ chạy")
    assert again.flags == ()
    assert again.text == f"xe biển số {said}, đã che số, bỏ chạy"
    spelled = re.search(r"viết bằng chữ «([^»]+)»", flag.message)
    assert spelled is not None and normalise_fragment(spelled[1]).flags == ()


def test_a_plates_start_reads_in_pairs_as_whole_plates_do() -> None:
    """`--plate-style pairs` says the province as a number, for a plate's start too."""
    options = SpeakOptions(plate_style="pairs")
    spoken = normalise_fragment("biển số 66B1 (đã che số) bỏ chạy", options=options)
    assert (spoken.text, spoken.flags) == ("biển số sáu mươi sáu B một, đã che số, bỏ chạy", ())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("lớp 12A1 (đã che tên) nghỉ học", "lớp mười hai A một, đã che tên, nghỉ học"),
        ("gọi từ số 0912.xxx.xxx", "gọi từ số bắt đầu bằng không chín một hai"),
        ("xe 66A-123.45 bỏ chạy", "xe sáu sáu A, một hai ba, bốn năm, bỏ chạy"),
    ],
)
def test_what_is_no_masked_plate_reads_as_before(source: str, expected: str) -> None:
    """A class, a masked phone number and a whole plate are read as they were."""
    assert normalise_fragment(source).text == expected


def test_a_plates_start_without_saying_the_rest_is_hidden_is_still_held() -> None:
    """`biển số 66B1` alone may be a plate cut short by mistake: held as before."""
    assert "Q1" in [f.code for f in normalise_fragment("xe biển số 66B1 bỏ chạy").blocking]


def test_a_plate_hiding_its_last_digits_with_stars_is_no_whole_plate() -> None:
    """«66B1-123.**» lost its stars to the Markdown pass and went on air as a whole plate, «sáu
    sáu B một, một hai ba. Bị mất trộm.», its stop ending the sentence, with no flag to hold it:
    stars hiding some digits are a mask as `.xx` and `***.45` are."""
    spoken = normalise_fragment("xe mang biển số 66B1-123.** bị mất trộm")
    assert spoken.text == "xe mang biển số sáu sáu B một, đã che số, bị mất trộm"
    assert [f.code for f in spoken.blocking] == ["Q1"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("xe **66B1-123.45** bỏ chạy", "xe sáu sáu B một, một hai ba, bốn năm, bỏ chạy"),
        ("*xe biển số 66A-1234* bỏ chạy", "xe biển số sáu sáu A, một hai ba bốn, bỏ chạy"),
    ],
)
def test_a_whole_plate_in_bold_or_italics_is_no_masked_plate(source: str, expected: str) -> None:
    """The star closing emphasis after a whole plate hides none of its digits."""
    spoken = normalise_fragment(source)
    assert spoken.text == expected
    assert not spoken.blocking
