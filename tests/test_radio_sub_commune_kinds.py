"""The places below a commune (thôn, ấp, xóm, bản, buôn, làng…): one list for every rule that
looks for an address (publish.radio.place_kinds.SUB_COMMUNE_KINDS). Each rule wrote its own,
each missing a different word; every case below was read otherwise before."""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise
from publish.radio.place_kinds import SUB_COMMUNE_KINDS


def _said(text: str) -> tuple[str, list[str]]:
    spoken = normalise(text)
    return spoken.text, [flag.code for flag in spoken.flags]


@pytest.mark.parametrize("kind", SUB_COMMUNE_KINDS)
def test_a_province_letter_after_any_hamlet_is_the_province(kind: str) -> None:
    """`T.` after an address part is «tỉnh»; after «xóm 2» (Nghệ An's hamlets) it was left a
    letter, as after a person's name (`Nguyễn Văn A, T. Minh Hùng`)."""
    text, codes = _said(f"Ông Hồ Văn An, trú tại {kind} 2, T. Nghệ An, đến trình báo.")
    assert text == f"Ông Hồ Văn An, trú tại {kind} hai, tỉnh Nghệ An, đến trình báo."
    assert codes == []


@pytest.mark.parametrize("kind", SUB_COMMUNE_KINDS)
def test_comrade_or_address_before_any_hamlet_is_an_address(kind: str) -> None:
    """«Đ/c: bản Na Hang» was held (R14.5) as neither an address nor a name: «bản», «buôn»,
    «làng» opened no address."""
    text, codes = _said(f"Đ/c: {kind} Na Hang, xã Tân Phú.")
    assert text == f"Địa chỉ: {kind} Na Hang, xã Tân Phú."
    assert codes == []


@pytest.mark.parametrize("kind", ["bản", "buôn", "làng"])
def test_a_name_then_a_hamlet_after_comrade_or_address_may_be_a_street(kind: str) -> None:
    """`Đ/c: Nguyễn Văn Cừ, bản 3` may be a street named after someone, as `…, xóm 3` is: held,
    where it was read «Đồng chí» with no word to the editor."""
    text, codes = _said(f"Đ/c: Nguyễn Văn Cừ, {kind} 3.")
    assert codes == ["R14.5"]
    assert text.startswith("Đồng chí: Nguyễn Văn Cừ")


@pytest.mark.parametrize(
    ("kind", "number", "said"),
    [("buôn", "113", "một trăm mười ba"), ("làng", "115", "một trăm mười lăm")],
)
def test_a_hamlet_s_number_is_no_service_line(kind: str, number: str, said: str) -> None:
    """`buôn số 113` numbers a place, as `thôn số 113` does: it was read as the police line,
    digit by digit."""
    assert _said(f"Trụ sở tại {kind} số {number}.") == (f"Trụ sở tại {kind} số {said}.", [])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Nhà văn hóa số 113 bản Na Hang.", "Nhà văn hóa số một trăm mười ba bản Na Hang."),
        (
            "Hãy nhớ số 111, buôn Đôn có điểm tiếp nhận.",
            "Hãy nhớ số một trăm mười một, buôn Đôn có điểm tiếp nhận.",
        ),
        # «buôn bán» is trading, no village: the service line is still read as one.
        (
            "Hãy nhớ số 111, buôn bán người là tội ác.",
            "Hãy nhớ số một một một, buôn bán người là tội ác.",
        ),
        (
            "Hãy nhớ số 111, buôn lậu là tội phạm.",
            "Hãy nhớ số một một một, buôn lậu là tội phạm.",
        ),
    ],
)
def test_a_hamlet_after_a_number_makes_it_an_address(text: str, said: str) -> None:
    assert _said(text) == (said, [])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Nhà ở tổ dân phố 3A.", "Nhà ở tổ dân phố ba A."),
        ("Nhà ở làng 2B và buôn 4C.", "Nhà ở làng hai B và buôn bốn C."),
    ],
)
def test_a_lettered_number_after_a_hamlet_is_read(text: str, said: str) -> None:
    """`tổ dân phố 3A` was held as digits left unread (Q1), while `khu phố 3A` was read."""
    assert _said(text) == (said, [])


@pytest.mark.parametrize("kind", ["bản", "làng"])
def test_a_house_number_before_a_hamlet_is_no_fraction(kind: str) -> None:
    """`số 45/2 bản Hua Tát` is a house, as `số 45/2 thôn 3` is: no «trên» to check (R12.3)."""
    assert _said(f"Địa điểm số 45/2 {kind} Hua Tát.")[1] == []


@pytest.mark.parametrize("kind", SUB_COMMUNE_KINDS)
def test_hamlets_counted_out_of_a_total(kind: str) -> None:
    """`12/15 bản` counts places, as `12/15 xã` does: «trên», with no date or fraction to check."""
    assert _said(f"Đã làm việc với 12/15 {kind} trên địa bàn.") == (
        f"Đã làm việc với mười hai trên mười lăm {kind} trên địa bàn.",
        [],
    )


@pytest.mark.parametrize("kind", SUB_COMMUNE_KINDS)
def test_letters_after_a_hamlet_s_name_are_no_person_s_initials(kind: str) -> None:
    """`xóm Lan (TXL)`: «Lan» names the hamlet, so the letters are not a woman's initials,
    dropped unsaid: letters the tool cannot place are held (R14.6), as after «thôn Lan»."""
    assert _said(f"Đoàn công tác đến {kind} Lan (TXL) kiểm tra.")[1] == ["R14.6"]
