"""Vietnamese text helpers: NFC, folding, slugs and dates as editors and readers see them."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from publish.text import (
    SLUG_RE,
    WEEKDAYS,
    fold,
    is_card,
    nfc,
    quoted,
    slugify,
    vn_date,
    vn_datetime,
    vn_long_date,
    vn_long_datetime,
    vn_month,
    vn_short_date,
    vn_sort_key,
)

ICT = dt.timezone(dt.timedelta(hours=7))


def test_nfc_composes_decomposed_vietnamese() -> None:
    decomposed = unicodedata.normalize("NFD", "Công an huyện Châu Thành")
    assert decomposed != "Công an huyện Châu Thành"
    assert nfc(decomposed) == "Công an huyện Châu Thành"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đồng Tháp", "dong thap"),
        ("đường dây nóng", "duong day nong"),
        ("Ưu tiên Ở Ấp Mỹ", "uu tien o ap my"),
        ("Tết Tân Sửu", "tet tan suu"),
        (unicodedata.normalize("NFD", "Đề nghị"), "de nghi"),
    ],
)
def test_fold_strips_every_diacritic_and_d_stroke(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("ếẫđĐ\u0301\u20d7“–")))
def test_fold_drops_exactly_the_combining_marks_of_the_decomposed_text(text: str) -> None:
    """Other scripts' marks go too; letters, digits and punctuation of any script stay."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    assert fold(text) == "".join(c for c in decomposed if not unicodedata.combining(c))


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đường dây nóng", "duong-day-nong"),
        ("ĐỒNG THÁP", "dong-thap"),
        ("Cảnh báo: lừa đảo qua mạng!", "canh-bao-lua-dao-qua-mang"),
        ("Tết Tân Sửu 2021 — bảo đảm an ninh, trật tự", "tet-tan-suu-2021-bao-dam-an-ninh-trat-tu"),
        ("Người dân “Quan tâm” Zalo OA", "nguoi-dan-quan-tam-zalo-oa"),
        ("  Khoảng   trắng  thừa  ", "khoang-trang-thua"),
        ("Căn cước công dân (CCCD) lưu động", "can-cuoc-cong-dan-cccd-luu-dong"),
        ("Ngày 30/4 và 1/5", "ngay-30-4-va-1-5"),
        (unicodedata.normalize("NFD", "Đường dây nóng"), "duong-day-nong"),
    ],
)
def test_slugify_vietnamese_titles(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert SLUG_RE.fullmatch(slugify(title))


def test_slugify_of_nothing_usable_still_gives_a_valid_slug() -> None:
    assert SLUG_RE.fullmatch(slugify("!!! ??? ..."))


def test_slugify_respects_max_length_on_a_word_boundary() -> None:
    assert slugify("Công an huyện Châu Thành " * 10, max_length=30) == (
        "cong-an-huyen-chau-thanh-cong"
    )


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2020, 12, 8), "Thứ Ba, 08/12/2020"),
        (dt.date(2020, 12, 13), "Chủ nhật, 13/12/2020"),
        (dt.date(2021, 2, 12), "Thứ Sáu, 12/02/2021"),
        (dt.date(1975, 4, 30), "Thứ Tư, 30/04/1975"),
        (dt.date(1945, 9, 2), "Chủ nhật, 02/09/1945"),
        (dt.date(2000, 1, 1), "Thứ Bảy, 01/01/2000"),
        (dt.date(2024, 2, 29), "Thứ Năm, 29/02/2024"),
        (dt.date(2023, 1, 2), "Thứ Hai, 02/01/2023"),
    ],
)
def test_vn_date_known_weekdays(day: dt.date, text: str) -> None:
    assert vn_date(day) == text


def test_vn_date_a_run_of_days_cycles_through_every_weekday_in_order() -> None:
    monday = dt.date(2020, 12, 7)
    names = [vn_date(monday + dt.timedelta(days=i)).split(",")[0] for i in range(14)]
    assert names == list(WEEKDAYS) * 2
    assert WEEKDAYS[0] == "Thứ Hai" and WEEKDAYS[6] == "Chủ nhật"


def test_vn_datetime_uses_the_wall_time_it_is_given() -> None:
    assert vn_datetime(dt.datetime(2020, 12, 8, 8, 0, tzinfo=ICT)) == "08:00, Thứ Ba, 08/12/2020"
    # 23:30 on Monday UTC is already Tuesday in Việt Nam: callers convert first.
    late = dt.datetime(2020, 12, 7, 23, 30, tzinfo=dt.UTC)
    assert vn_datetime(late.astimezone(ICT)) == "06:30, Thứ Ba, 08/12/2020"


def test_vn_month_is_written_without_a_leading_zero() -> None:
    """ "Tháng 02/2021" is read "tháng không hai" by eSpeak's Vietnamese voice."""
    assert vn_month(2020, 12) == "Tháng 12/2020"
    assert vn_month(2021, 2) == "Tháng 2/2021"


@pytest.mark.parametrize(
    ("day", "short", "long"),
    [
        (dt.date(2026, 7, 8), "Thứ Tư, 8/7/2026", "Thứ Tư, ngày 8 tháng 7 năm 2026"),
        (dt.date(2020, 12, 13), "Chủ nhật, 13/12/2020", "Chủ nhật, ngày 13 tháng 12 năm 2020"),
        (dt.date(2021, 2, 1), "Thứ Hai, 1/2/2021", "Thứ Hai, ngày 1 tháng 2 năm 2021"),
    ],
)
def test_website_dates_have_no_leading_zero_a_voice_reads_as_khong(
    day: dt.date, short: str, long: str
) -> None:
    """The website's dates as screen readers' Vietnamese voices read them: "08/07/2026" is
    "không tám không bảy…" in eSpeak; a card's date stays short, a bulletin's own is said whole."""
    assert vn_short_date(day) == short
    assert vn_long_date(dt.datetime.combine(day, dt.time(8), tzinfo=ICT)) == long


@pytest.mark.parametrize(
    ("moment", "timed", "shown"),
    [
        (
            dt.datetime(2026, 12, 5, 7, 30, tzinfo=ICT),
            True,
            "7:30, Thứ Bảy, ngày 5 tháng 12 năm 2026",
        ),
        (
            dt.datetime(2026, 12, 6, 19, 5, tzinfo=ICT),
            True,
            "19:05, Chủ nhật, ngày 6 tháng 12 năm 2026",
        ),
        (dt.datetime(2026, 12, 5, 0, 0, tzinfo=ICT), False, "Thứ Bảy, ngày 5 tháng 12 năm 2026"),
        (
            dt.datetime(2026, 12, 5, 0, 0, tzinfo=ICT),
            True,
            "0:00, Thứ Bảy, ngày 5 tháng 12 năm 2026",
        ),
        (
            dt.datetime(2026, 12, 5, 0, 15, tzinfo=ICT),
            True,
            "0:15, Thứ Bảy, ngày 5 tháng 12 năm 2026",
        ),
    ],
)
def test_a_bulletin_s_own_date_says_its_time_unless_written_without_one(
    moment: dt.datetime, timed: bool, shown: str
) -> None:
    """A warning's page says the hour it went out, without a leading zero (read "không bảy"),
    before the day as a correction's time is; a date written alone (read as that day's 00:00)
    shows no «0:00», which nobody wrote, but «00:00» written is a time, as is a quarter past
    midnight."""
    assert vn_long_datetime(moment, timed=timed) == shown


def test_outputs_are_nfc() -> None:
    for text in [*WEEKDAYS, vn_date(dt.date(2020, 12, 8))]:
        assert unicodedata.is_normalized("NFC", text)


def test_the_three_notes_that_list_lines_name_ten_and_count_the_rest_alike() -> None:
    """Other unit's names, «CẦN BỔ SUNG» marks and pasted page numbers list the lines of a note
    with one helper: ten named, the others counted; pasted text names the finds after the
    first, which the note's own place names."""
    from publish import pasted, unfinished
    from publish.text import line_numbers

    lines = list(range(1, 13))
    assert line_numbers(lines[:2], 10) == "dòng 1, 2"
    assert line_numbers(lines, 10) == "dòng 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 và 2 dòng khác"
    assert unfinished._where(lines[:1]) == ""
    assert unfinished._where(lines[:3]) == " (dòng 1, 2, 3)"
    assert unfinished._where(lines) == " (dòng 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 và 2 dòng khác)"
    found = [("trang 1", line) for line in lines]
    assert pasted._others(found[:1]) == ""
    assert pasted._others(found[:3]) == " (cả ở dòng 2, 3)"
    assert pasted._others(found) == " (cả ở dòng 2, 3, 4, 5, 6, 7, 8, 9, 10 và 2 dòng khác)"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("8am", "«8am»"),
        ("Tối\u00ad mật", "«Tối\\u00ad mật»"),
        ("a\x1b[31mb", "«a\\x1b[31mb»"),
        ("hai\ndòng\t", "«hai\\ndòng\\t»"),
        ("\U000e0041", "«\\U000e0041»"),
        ("D:\\tin\\bai.md", "«D:\\tin\\bai.md»"),
        ("Word\u00a0space", "«Word\u00a0space»"),
        (["an ninh", "mật\u200b", 7], '«["an ninh", "mật\\u200b", 7]»'),
        ({"a": None}, '«{"a": null}»'),
        (False, "«false»"),
        (dt.date(2020, 12, 12), "«2020-12-12»"),
    ],
)
def test_a_quoted_value_shows_what_the_file_holds(value: object, shown: str) -> None:
    """A message quotes what the editor cannot see as its code, and a list as it is written."""
    assert quoted(value) == shown


@given(st.text())
def test_a_quoted_value_is_one_printable_line(value: str) -> None:
    """Whatever a file holds, its quote in a message can be printed and stays on its line."""
    text = quoted(value)
    text.encode("utf-8")
    assert "\n" not in text and "\x1b" not in text and "\u200b" not in text


def test_vietnamese_sorts_letter_by_letter_in_its_own_alphabet() -> None:
    """ă and â follow a, đ follows d, ê e, ô and ơ o, ư u: a plain sort put «đánh bạc» after
    «zalo» and «căn cước» before «cảnh giác»; case makes no difference."""
    words = [
        "Zalo",
        "đánh bạc",
        "dịch vụ",
        "cư trú",
        "cấp đổi",
        "căn cước",
        "cảnh giác",
        "ơn",
        "ô tô",
    ]
    assert sorted(words, key=vn_sort_key) == [
        "cảnh giác",
        "căn cước",
        "cấp đổi",
        "cư trú",
        "dịch vụ",
        "đánh bạc",
        "ô tô",
        "ơn",
        "Zalo",
    ]


def test_vietnamese_sorts_syllable_by_syllable_then_by_tone() -> None:
    """A dictionary's order: a syllable's letters, then its tone (level, huyền, hỏi, ngã, sắc,
    nặng), before the next syllable; «an ninh» before «anh»; numbers before words."""
    tones = ["mạ", "má", "mã", "mả", "mà", "ma"]
    assert sorted(tones, key=vn_sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    words = ["bà ba", "anh", "ba zô", "an ninh", "113"]
    assert sorted(words, key=vn_sort_key) == ["113", "an ninh", "anh", "ba zô", "bà ba"]


def test_vietnamese_order_is_the_same_for_decomposed_text_and_either_tone_placement() -> None:
    """A tag typed on a Mac (decomposed) or with the tone on the other vowel («hoà», «hòa»)
    sorts where the same word does."""
    assert vn_sort_key(unicodedata.normalize("NFD", "Tết"))[0] == vn_sort_key("Tết")[0]
    assert vn_sort_key("hoà bình")[0] == vn_sort_key("hòa bình")[0]


@pytest.mark.parametrize(
    ("digits", "card"),
    [
        ("4111111111111111", True),
        ("4111 1111 1111 1111", False),  # its groups: a caller joins them first
        ("4111-1111-1111-111", False),
        ("411111111111111x", False),
        ("4111111111111112", False),  # the check digit of no card
    ],
)
def test_only_digits_alone_may_be_a_cards_number(digits: str, card: bool) -> None:
    """Session 75 review: `is_card` raised ValueError on anything but digits; a caller that
    forgot to join a card's groups would have stopped the build."""
    assert is_card(digits) is card
