"""The static search index: folding, ranking, filter, shard sizes, and the download budget of a
first query on a 10,000-bulletin site (at most 300 KB)."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from publish import config as config_module
from publish.config import BUILTIN_THEME
from publish.content import load_site
from publish.model import Site
from publish.render.web import search
from publish.render.web.assets import Assets
from publish.render.web.markdown import MarkdownRenderer
from publish.render.web.search import (
    INDEX_DIR,
    SHARD_LIMIT,
    TERM_RE,
    Lexicon,
    SearchDoc,
    build_index,
    files_for_query,
    find,
    plain_text,
    rank,
    shard_key,
    site_docs,
    terms,
)
from publish.text import CAPITALS, fold, nfc, one_tone_placement, tone_on_second
from tests.helpers import SITE_TOML, bulletin_md, make_project, refusing, search_index_made
from tests.web_fixture import build_site, copy_site

VN = dt.timezone(dt.timedelta(hours=7))
CATEGORIES = [("canh-bao", "Cảnh báo"), ("an-ninh", "An ninh"), ("hanh-chinh", "Hành chính")]


def doc(title: str, summary: str = "", body: str = "", category: int = 0) -> SearchDoc:
    """A search document with a made-up URL and date."""
    return SearchDoc(
        f"/{title}/", title, summary, body, category, "2024-01-01", "Thứ Hai, 1/1/2024"
    )


def test_terms_fold_diacritics_and_case() -> None:
    assert terms("Lừa ĐẢO ở Đồng Tháp, 113!") == ["lua", "dao", "o", "dong", "thap", "113"]


def test_plain_text_keeps_link_and_image_text_only() -> None:
    text = plain_text("Xem [Cổng dịch vụ](https://dvc.gov.vn) ![Ảnh hiện trường](a.jpg) <b>đậm</b>")
    assert terms(text) == ["xem", "cong", "dich", "vu", "anh", "hien", "truong", "dam"]


def test_what_readers_never_see_is_not_indexed() -> None:
    """An editor's note in an HTML comment (with '->' inside it) and script text stay out of
    the public index, as they stay out of the page."""
    text = plain_text(
        "Trước <!-- TODO -> hỏi lại anh Hùng về nhân chứng --> sau.\n"
        "<script>alert('x')</script><STYLE>p{}</STYLE> <!-- chưa đóng"
    )
    assert terms(text) == ["truoc", "sau"]


def test_reference_definitions_are_not_indexed_and_a_line_the_page_shows_is() -> None:
    """The page shows no «[r1]: 2020-12-20-nan-nhan-nguyen-van-a.md» line (its file name may be
    a held bulletin's date and slug); «[Lưu ý]: …» with more words after is no definition."""
    text = plain_text(
        "Xem [bài kia][r1] và [hai].\n\n[r1]: 2020-12-20-nan-nhan-nguyen-van-a.md\n"
        '[hai]: /bai-viet/ten-nghi-pham.md "Tiêu đề"\n  [ba]: <sap-cong-bo.md>\n'
        "[Lưu ý]: giữ chữ\n"
    )
    words = set(terms(text))
    assert not words & {"2020", "nan", "nhan", "nguyen", "nghi", "pham", "tieu", "de", "sap"}
    assert {"xem", "bai", "kia", "luu", "y", "giu", "chu"} <= words


def test_words_in_angle_brackets_are_indexed_as_the_page_shows_them() -> None:
    """The page shows «<Tết an toàn>» as typed: a search for «tết an toàn» finds it; a tag
    beside it is still no word."""
    text = plain_text("Chủ đề <Tết an toàn>, tháng <<Vì an ninh>>, <b>đậm</b>.")
    assert terms(text) == ["chu", "de", "tet", "an", "toan", "thang", "vi", "an", "ninh", "dam"]


@pytest.mark.parametrize(
    "tag",
    [
        '<a title="a>b" href="https://congan.example.vn">',
        "<span title='Công an > xã'>",
        "<b title='x<y'>",
    ],
)
def test_a_bracket_in_a_tags_quoted_value_leaves_no_junk_in_the_index(tag: str) -> None:
    """The page hides the whole tag (a quoted value may hold `>`, as the radio reads it); the
    search text ended the tag at that `>`, so «b">», «xã'>» were searched as words."""
    name = tag[1:].split()[0]
    source = f"Câu {tag}đầu</{name}> hai."
    page = MarkdownRenderer().convert(source, lookup=lambda src: None)
    shown = html.unescape(re.sub(r"<[^>]*>", " ", page))
    assert terms(plain_text(source)) == terms(shown) == ["cau", "dau", "hai"]


def test_a_lone_capitalised_element_name_is_indexed_as_the_page_shows_it() -> None:
    """«<Em>» and «<Mark>», never closed, are shown as typed: found by «em», «mark»."""
    text = plain_text("Ca khúc <Em> và <Mark>.\n\nChữ <Em>nghiêng</em>.")
    assert terms(text) == ["ca", "khuc", "em", "va", "mark", "chu", "nghieng"]


def test_query_without_diacritics_finds_and_ranks_title_then_summary_then_body() -> None:
    docs = [
        doc("Tuần tra đêm", body="Cảnh giác lừa đảo qua mạng."),
        doc("Họp dân", summary="Phổ biến thủ đoạn lừa đảo."),
        doc("Cảnh báo lừa đảo việc nhẹ lương cao"),
        doc("Đăng ký thường trú", body="Thủ tục tại Đồng Tháp."),
    ]
    files = build_index(docs, CATEGORIES)
    assert rank(files, "lua dao") == [2, 1, 0]
    assert rank(files, "LỪA ĐẢO") == [2, 1, 0]
    assert rank(files, "dong thap") == [3]
    assert find(files, "lua dao dong thap").partial  # no bulletin has all four words
    assert rank(files, "   ") == []


def test_the_last_word_also_finds_the_words_it_starts_while_typing() -> None:
    docs = [
        doc("Cảnh báo lừa đảo"),
        doc("Luật giao thông"),
        doc("Lũ về"),
        doc("Công an xã"),
        doc("Hướng dẫn", body="Lũ lụt và lừa đảo."),
    ]
    files = build_index(docs, CATEGORIES)
    # Equal scores (title): the bulletin with the whole word "lu" (Lũ) first, then the newest.
    assert rank(files, "lu") == [2, 1, 0, 4]
    assert rank(files, "lừa đả") == [0, 4]
    assert rank(files, "lu dao") == [4]  # only the last word is a prefix: "lu" itself is whole
    assert rank(files, "l") == []  # one letter is too short to stand for every word it starts


def test_a_phone_number_is_found_however_the_bulletin_and_the_citizen_typed_it() -> None:
    """A citizen checks a caller's number: spaces, dots, hyphens, no separators or +84 on
    either side, it is the same number; money and dates are not numbers to dial."""
    docs = [
        doc("Cảnh báo số lạ", body="Đối tượng dùng số 0912.345.678 gọi điện."),
        doc("Giả danh ngân hàng", summary="Số máy 0987654321 nhắn tin."),
        doc("Lừa đảo đầu tư", body="Liên hệ qua +84 903-111-222."),
        doc("Thu giữ tiền", body="Thu giữ 37.650.000 đồng ngày 7/9/2024."),
        doc("Tổng đài giả", body="Gọi tổng đài 1900 1234 để nhận quà."),
    ]
    files = build_index(docs, CATEGORIES)
    for query in ("0912 345 678", "0912345678", "0912.345.678", "+84 912 345 678", "091-2345-678"):
        assert rank(files, query) == [0], query
    assert rank(files, "0987 654 321") == [1]
    assert rank(files, "0903111222") == [2]
    assert rank(files, "0903 111 222 lua dao") == [2]
    assert rank(files, "19001234") == [4]
    assert rank(files, "37650000") == []
    assert rank(files, "0912 345 679") == []


def test_a_number_written_with_word_spaces_dashes_or_beside_another_is_found() -> None:
    """The index held a number only when the bulletin's was one clean run: Word's non-breaking
    spaces, double spaces, en dashes, two numbers side by side (one run of twenty digits) or a
    count after it («3 lần», eleven digits) hid it, and the page then said no bulletin names a
    number a bulletin warns against."""
    docs = [
        doc("Số lạ 1", body="Gọi từ số 0912\u00a0345\u00a0678 (Word)."),
        doc("Số lạ 2", body="Số  0913  345  678 nhắn tin."),
        doc("Số lạ 3", body="Số 0914–345–678 và 0915 — 345 — 678."),
        doc("Số lạ 4", body="Các số 0987 654 321 0916 345 679 gọi nhiều lần."),
        doc("Số lạ 5", body="Số 0917 345 678 3 lần trong đêm."),
        doc("Số lạ 6", body="Tổng đài 1900 54 55 66."),
    ]
    files = build_index(docs, CATEGORIES)
    assert rank(files, "0912 345 678") == [0]
    assert rank(files, "0913345678") == [1]
    assert rank(files, "0914 345 678") == [2] and rank(files, "0915.345.678") == [2]
    assert rank(files, "0987654321") == [3] and rank(files, "0916 345 679") == [3]
    assert rank(files, "0987 654 321 0916 345 679") == [3]  # a pasted pair: two numbers
    assert rank(files, "0917 345 678") == [4]
    assert rank(files, "1900 54 55 66") == [5]


def test_dates_and_money_beside_each_other_are_no_numbers() -> None:
    """Groups of a date or a time (two digits) start no number, nor a 00."""
    assert search.phone_terms("ngày 05.06.2024 08.30, thu 12.000.000 01.02.2024") == []
    assert search.query_terms("05.06.2024 08.30") == ["05", "06", "2024", "08", "30"]
    assert search.phone_terms("+84 0912 345 678") == ["0912345678"] * 2


def test_a_number_copied_with_its_country_code_or_without_its_0_is_the_same_number() -> None:
    """Zalo, Facebook and call logs copy «0912 345 678» as "84912345678", "0084912345678" or
    "912345678": each finds the bulletin naming it, and a number no bulletin names is still
    a number asked about (the page then says so, with its advice), unless typed without its 0. A bulletin's own "84…" is
    read so too; nine digits alone in a bulletin (an account) or an amount are no number."""
    docs = [
        doc("Cảnh báo số lạ", body="Đối tượng dùng số 0912.345.678 gọi điện."),
        doc("Tài khoản nhận tiền", body="Chuyển vào tài khoản 987001234 tại ngân hàng."),
        doc("Thu giữ tiền", body="Thu giữ 350.000.000 đồng."),
        doc("Tin nhắn giả", body="Số 84903111222 nhắn tin trúng thưởng."),
    ]
    files = build_index(docs, CATEGORIES)
    for query in ("84912345678", "0084912345678", "912345678", "0084 912 345 678"):
        found = find(files, query)
        assert (found.numbers, found.words, found.unnamed) == ([0], ["0912345678"], []), query
    assert rank(files, "0903 111 222") == [3] and rank(files, "+84 903 111 222") == [3]
    for query in ("84999888777", "0084999888777"):
        found = find(files, query)
        assert (found.numbers, found.unnamed) == ([], ["0999888777"]), query
    # Nine digits alone are a number only when a bulletin names it: «385123457» may be an old
    # CMND, and the page would warn of «0385123457», a number never typed.
    for query in ("999888777", "385123457"):
        found = find(files, query)
        assert (found.numbers, found.words, found.unnamed) == ([], [query], []), query
    # Nine digits that are no phone number of the site are still found as typed.
    assert find(files, "987001234").numbers == [1]
    assert search.phone_terms("tài khoản 987001234, thu 350.000.000 đồng") == []
    assert rank(files, "350.000.000") == [2]
    assert search.query_terms("350.000.000") == ["350", "000"]
    # Not a mobile number without its 0: a year, eight digits, nine from 1, a CCCD of Trà Vinh.
    for query in ("2024", "91234567", "123456789", "084123456789"):
        assert search.query_terms(query) == [query], query
    assert search.phone_terms("CCCD số 084123456789") == []


def test_a_number_typed_as_one_run_of_digits_also_finds_those_digits_written() -> None:
    """«912345678» is 0912 345 678 without its 0, and nine digits a bulletin may write as an
    account: both bulletins are found, not only the one naming the number (the digits as typed
    were searched only when no bulletin named it)."""
    docs = [
        doc("Tài khoản nhận tiền lừa đảo", body="Chuyển vào tài khoản 912345678 tại ngân hàng."),
        doc("Cảnh báo số lạ", body="Đối tượng dùng số 0912.345.678 gọi điện."),
    ]
    files = build_index(docs, CATEGORIES)
    found = find(files, "912345678")
    assert sorted(found.numbers) == [0, 1] and found.words == ["0912345678"]
    assert find(files, "0912 345 678").numbers == [1]


def test_a_number_written_with_a_bare_84_in_groups_is_found_by_the_number_at_home() -> None:
    """«84 912 345 678», «84.912 345 678» (Zalo's copy, spaced): the check told them and the
    radio read them as 0912 345 678, but the index skipped a first group of two characters and
    a citizen searching the number that called found nothing; typed so, it finds the bulletin
    writing it «0912.345.678». An amount or an order's code so written is still no number."""
    docs = [
        doc("Số lạ 1", body="Đối tượng dùng số 84 912 345 678 gọi điện."),
        doc("Số lạ 2", body="Đối tượng dùng số 84.913 345 678 gọi điện."),
        doc("Số lạ 3", body="Đối tượng dùng số 0914.345.678 gọi điện."),
        doc("Thu giữ", body="Thu giữ 84 915 345 678 đồng, mã vận đơn 84 916 345 678."),
    ]
    files = build_index(docs, CATEGORIES)
    assert rank(files, "0912 345 678") == [0] and rank(files, "0913345678") == [1]
    assert rank(files, "84 914 345 678") == [2] and rank(files, "84.914 345 678") == [2]
    assert rank(files, "0915345678") == [] and rank(files, "0916345678") == []
    assert search.query_terms("84 12 2024") == ["84", "12", "2024"]  # no number: words


def test_a_bulletin_s_84_starts_a_number_only_before_a_mobile_number() -> None:
    """The site reads «+84» as a bulletin's country code (its phone links, the personal-data
    check, the radio): «84», «0084» only before a mobile number's nine digits, as Zalo copies
    one; «tài khoản 84123456789» is an account, not 0123 456 789 (a query may still be typed so)."""
    assert search.phone_terms("tài khoản 84123456789, 0084123456789") == []
    assert search.phone_terms("Số 84903111222, 0084903111222") == ["0903111222"] * 2
    assert search.phone_terms("+84 277 3610 113") == ["02773610113"]
    assert search.query_terms("84123456789") == ["0123456789"]
    docs = [
        doc("Tài khoản nhận tiền", body="Chuyển vào tài khoản 84123456789 tại ngân hàng."),
        doc("Số máy lạ", body="Đối tượng gọi từ số 0123 456 789."),
    ]
    files = build_index(docs, CATEGORIES)
    assert rank(files, "0123 456 789") == [1]
    assert sorted(rank(files, "84123456789")) == [0, 1]


def test_a_bulletin_s_0084_starts_a_landline_number_too() -> None:
    """«0084 24 3826 1234» is a Hanoi landline as dialled from abroad: the bulletin naming it is
    found by the number as citizens type it (the page said no bulletin names 024 3826 1234);
    «0084», like «+84», may keep the 0 after it. An account from «0084», and a bare «84» before
    a landline's digits, are still no number."""
    assert search.phone_terms("Gọi 0084 24 3826 1234 hoặc 00840912345678.") == [
        "02438261234",
        "0912345678",
    ]
    assert search.phone_terms("tài khoản 0084123456789, 842438261234") == []
    docs = [
        doc("Số lạ gọi từ nước ngoài", body="Đối tượng gọi từ số 0084 24 3826 1234."),
        doc("Tổng đài", body="Gọi số 1900 1234."),
    ]
    files = build_index(docs, CATEGORIES)
    for query in ("024 3826 1234", "0084 24 3826 1234", "+84 24 3826 1234"):
        found = find(files, query)
        assert (found.numbers, found.unnamed) == ([0], []), query


def test_a_number_the_index_does_not_join_is_searched_as_its_groups() -> None:
    """A bulletin writes "0912,345,678" (no separator the index reads): the number as a whole
    finds nothing, so its groups are searched as words."""
    files = build_index([doc("Số lạ", body="Gọi 0912,345,678."), doc("Khác")], CATEGORIES)
    found = find(files, "0912 345 678")
    assert found.numbers == [0] and found.words == ["0912345678"] and found.unnamed == []
    assert {f"t/{k}.json" for k in ("09", "34", "67")} <= set(
        files_for_query(files, "0912 345 678")
    )


def test_a_bulletin_naming_a_number_asked_about_is_found_whatever_else_it_has() -> None:
    """Partial matches needed half the words: «gọi ngay 0912345678 nhận quà» found nothing and
    the page said no bulletin names the number. A bulletin naming any number asked about is
    found; `unnamed` lists the numbers no bulletin of the site names, in whatever category."""
    docs = [
        doc("Cảnh báo", body="Số 0912 345 678 lừa đảo.", category=0),
        doc("Khác", body="Gọi ngay nhận quà.", category=1),
    ]
    files = build_index(docs, CATEGORIES)
    found = find(files, "gọi ngay 0912345678 nhận quà")
    assert (found.numbers, found.partial, found.unnamed) == ([0], True, [])
    found = find(files, "0912 345 678 hoặc 0999 888 777")
    assert (found.numbers, found.unnamed) == ([0], ["0999888777"])
    found = find(files, "0912 345 678", "an-ninh")  # the warning is in another category
    assert (found.numbers, found.unnamed) == ([], [])
    found = find(files, "0999 888 777", "an-ninh")
    assert (found.numbers, found.unnamed) == ([], ["0999888777"])


def test_a_number_after_the_sixth_word_is_searched() -> None:
    """A pasted SMS names the number at its end: it was dropped with the words after the
    sixth; numbers are always searched, the first words fill the rest."""
    files = build_index([doc("Cảnh báo", body="Số 0912 345 678 lừa đảo."), doc("Khác")], CATEGORIES)
    sms = "Tài khoản của quý khách bị khóa, vui lòng gọi 0912 345 678 để mở"
    found = find(files, sms)
    assert found.words == ["tai", "khoan", "cua", "quy", "khach", "0912345678"]
    assert found.numbers == [0]


def test_one_word_of_a_category_name_does_not_find_the_category() -> None:
    """ "an", "bao", "hanh" alone matched every bulletin of "An ninh", "Cảnh báo", "Cải cách
    hành chính": the query names a category by its whole name or two consecutive words of it."""
    categories = [("canh-bao", "Cảnh báo"), ("an-ninh", "An ninh"), ("cc", "Cải cách hành chính")]
    docs = [
        doc("Tuần tra", category=1),
        doc("Thủ tục cư trú", category=2),
        doc("Hành vi gây rối", category=0),
    ]
    files = build_index(docs, categories)
    assert rank(files, "hanh vi") == [2]
    assert rank(files, "an") == [] and rank(files, "bao") == []
    assert rank(files, "an ninh") == [0] and rank(files, "cong an ninh") == [0]
    assert rank(files, "hanh chinh") == [1] and rank(files, "cai cach hanh chinh") == [1]
    assert rank(files, "cai cach hanh ch") == [1]  # the last word while typing


def test_a_query_of_single_letters_is_not_searched() -> None:
    """ "a" or "ở" alone would list every bulletin with "à", "á", "ở"…: search.js asks for a
    longer word instead, and the reference ranking finds nothing."""
    files = build_index([doc("Ở xã a", body="à á ạ")], CATEGORIES)
    assert rank(files, "a") == []
    assert rank(files, "ở") == []
    assert rank(files, "o a") == []
    assert rank(files, "xa a") == [0]


def test_a_word_typed_in_telex_without_a_vietnamese_keyboard_is_read_as_typed_so() -> None:
    """On a phone without a Vietnamese keyboard, "luaf ddaor" is "lừa đảo": a word that matches
    nothing as typed and reads as a Telex-typed syllable is searched as that syllable; English
    and brand words in the index, and any word matching as typed, stay as they are."""
    docs = [
        doc("Cảnh báo lừa đảo qua Facebook"),
        doc("Công an xã tuần tra ban đêm"),
        doc("Không cung cấp mã OTP, tin nhắn SMS", body="Zalo giả mạo."),
        doc("Người dân Việt Nam cảnh giác"),
        doc("Mất trộm xoong nồi"),
        doc("Xong việc mới trả tiền"),
    ]
    files = build_index(docs, CATEGORIES)
    assert rank(files, "luaf ddaor") == [0]
    assert rank(files, "cong an xax") == [1]
    assert rank(files, "nguowif daan vieejt nam") == [3]
    assert rank(files, "LUAF ĐAOR") == [0]
    assert find(files, "luaf ddaor").words == ["lua", "dao"]
    for query in ("facebook", "zalo", "otp sms", "xoong"):
        found = find(files, query)
        assert found.words == query.split() and found.numbers, query
    assert rank(files, "xoong") == [4]  # "xoong" matches as typed: never read as "xong"
    assert find(files, "tuaanf").words == ["tuan"]  # the last word stays a prefix: "tuần"
    assert find(files, "facebookk").words == ["facebookk"]  # no syllable: nothing to read


def test_a_last_single_letter_while_typing_is_left_out() -> None:
    """ "lua d" is "lua" with the next word begun: it finds what "lua" as a whole word finds
    (not only bulletins with the word "d", nor "luật"), and fetches no shard for "d"."""
    docs = [
        doc("Lừa đảo qua mạng", body="Tại khu D, ấp 3."),
        doc("Lừa đảo việc làm"),
        doc("Luật giao thông"),
        doc("Đường D1", body="d"),
    ]
    files = build_index(docs, CATEGORIES)
    assert rank(files, "lua d") == [1, 0]
    assert rank(files, "lua dd") == [1, 0]  # "dd": Telex "đ" begun
    assert rank(files, "lua da") == [1, 0]
    assert rank(files, "lua dao 3") == [0]  # a digit is a whole number, not a letter begun
    shards = [f for f in files_for_query(files, "lua d") if f.startswith("t/")]
    assert shards == [f"t/{shard_key('lua', set(json.loads(files['index.json'])['shards']))}.json"]


def test_a_pasted_message_finds_the_bulletins_with_the_most_of_its_words() -> None:
    """A citizen pastes a suspicious SMS: no bulletin has all its first words, so those having
    the most of them (at least half) are found, most words first, then the usual score; a
    phone number asked about must be in every one."""
    docs = [
        doc("Tài khoản quý khách", summary="Cảnh báo."),
        doc("Tin nhắn giả", body="Báo tài khoản của quý khách đã khóa, bấm vào đường dẫn."),
        doc("Họp dân", body="Quý khách của khu chợ."),
        doc("Khóa học bơi", body="Trẻ em học bơi."),
        doc("Lừa đảo qua điện thoại", body="Đối tượng gọi từ số 0912 345 678."),
        doc("Lừa đảo việc làm"),
    ]
    files = build_index(docs, CATEGORIES)
    sms = "Tài khoản của quý khách bị khoá, vui lòng truy cập link sau để xác minh"
    found = find(files, sms)
    assert found.words == ["tai", "khoan", "cua", "quy", "khach", "bi"]
    assert found.partial
    # 5 of 6 words, then 4 (in the title: 400), then 3 (body): "khoa" is the seventh word.
    assert found.numbers == [1, 0, 2]
    assert find(files, "lua dao").partial is False
    assert rank(files, "lua dao xyzzy") == [5, 4]
    assert rank(files, "lua dao 0912 345 678") == [4]
    assert rank(files, "lua dao 0987 654 321") == []  # not a bulletin without the number
    assert rank(files, "xyzzy khongco lua") == []  # one word of three is not enough
    assert rank(files, "lua dao xyzzy", "an-ninh") == []
    manifest = json.loads(files["index.json"])
    fetched = {f for f in files_for_query(files, sms) if f.startswith("t/")}
    terms_ = found.words[:-1]
    keys = set(manifest["shards"])
    assert fetched == {f"t/{shard_key(t, keys)}.json" for t in terms_} | {
        f"t/{k}.json" for k in search.prefix_keys(found.words[-1], keys)
    }


def test_a_category_name_finds_that_categorys_bulletins(tmp_path: Path) -> None:
    """A citizen types a category's name: its bulletins are found even when their text never
    says it (the label is indexed with the body, below the title and summary)."""
    built = build_site(copy_site(tmp_path))
    index = built.web / INDEX_DIR
    files = {p.relative_to(index).as_posix(): p.read_bytes() for p in index.rglob("*.json")}
    numbered = built.result.site.for_channel("web")[::-1]
    in_category = {n for n, b in enumerate(numbered) if b.category == "cai-cach-hanh-chinh"}
    assert in_category
    assert in_category <= set(rank(files, "cai cach hanh chinh"))


def test_a_prefix_reaches_terms_in_shards_split_off_its_own() -> None:
    docs = synthetic_docs(3_000)
    files = build_index(docs, [(str(i), str(i)) for i in range(6)])
    keys = {k[2:-5] for k in files if k.startswith("t/")}
    assert any(len(k) > 2 for k in keys)  # the test needs split shards
    split = next(k for k in sorted(keys) if len(k) > 2)
    prefix = split[:2]
    expected = {
        n
        for i, d in enumerate(docs)
        for n in [i]
        if any(t.startswith(prefix) for t in terms(f"{d.title} {d.summary} {d.body}"))
    }
    assert set(rank(files, prefix)) == expected
    fetched = files_for_query(files, prefix)
    assert f"t/{split}.json" in fetched


def test_a_word_too_long_to_search_for_names_no_shard_file() -> None:
    """A 40,000-letter word in a body split its shard letter by letter, 40,000 times, into a
    file name no disk can hold: the build stopped at «tên tệp quá dài»."""
    word = "8h" * 20_000
    docs = [doc("Cảnh giác", body=f"lừa đảo {word} qua mạng"), doc("Khác", body="lừa")]
    files = build_index(docs, [("a", "A")])
    assert max(len(path) for path in files) < 100
    assert rank(files, "lua dao") == [0] and rank(files, "mang") == [0]
    assert rank(files, word) == []


def test_equal_scores_keep_site_order_newest_first() -> None:
    """Documents are numbered oldest first: the highest number, the newest, ranks first."""
    files = build_index([doc("Lừa đảo A"), doc("Lừa đảo B"), doc("Lừa đảo C")], CATEGORIES)
    assert rank(files, "lua dao") == [2, 1, 0]


def test_category_filter() -> None:
    docs = [
        doc("Lừa đảo A", category=0),
        doc("Lừa đảo B", category=1),
        doc("Lừa đảo C", category=1),
    ]
    files = build_index(docs, CATEGORIES)
    assert rank(files, "lua dao", "an-ninh") == [2, 1]
    assert rank(files, "lua dao", "hanh-chinh") == []
    assert rank(files, "lua dao", "") == [2, 1, 0]


def test_result_cards_carry_what_the_page_shows() -> None:
    files = build_index([doc("Lừa đảo", summary="Tóm tắt.", category=2)], CATEGORIES)
    [card] = json.loads(files["d/0.json"])
    assert card == ["/Lừa đảo/", "Lừa đảo", "2024-01-01", "Thứ Hai, 1/1/2024", 2, "Tóm tắt."]
    manifest = json.loads(files["index.json"])
    assert manifest["categories"][2] == {"key": "hanh-chinh", "label": "Hành chính"}


SYLLABLE_TEXT = (
    "cong an xa huyen tinh dong thap lua dao canh bao nguoi dan tai khoan ngan hang dien "
    "thoai goi gia danh chuyen tien mang xa hoi viec nhe luong cao tuyen cong tac vien dang "
    "ky thuong tru can cuoc dinh danh tuan tra dem an ninh trat tu toi pham ma tuy danh bac "
    "trom cap tai san xe may giao thong phong chong chay no cuu nan ho tro thu tuc hanh "
    "chinh dich vu truc tuyen ket qua thang nam quy dau cuoi tet phat hien bat giu khoi to "
    "dieu tra xu ly vi pham phat hanh vi doi tuong nghi van tin bao kip thoi phoi hop luc "
    "luong chuc nang dia ban ap khom thi tran chau thanh tan binh phu long an nhon tay hoa "
    "khanh binh duong ben tre long an can tho vinh long soc trang bac lieu ca mau kien giang "
    "hau giang tra vinh tien giang "
)
SYLLABLES = SYLLABLE_TEXT.split()


def synthetic_docs(count: int) -> list[SearchDoc]:
    """Bulletins of realistic shape: Zipf-distributed Vietnamese syllables, ~250-word bodies."""
    rng = random.Random(7)
    weights = [1 / (rank + 1) for rank in range(len(SYLLABLES))]

    def words(n: int) -> str:
        return " ".join(rng.choices(SYLLABLES, weights, k=n))

    return [
        SearchDoc(f"/bai/{i}/", words(12), words(40), words(250), i % 6, "2024-01-01", "x")
        for i in range(count)
    ]


def test_first_query_on_a_10000_bulletin_site_downloads_at_most_300_kb() -> None:
    files = build_index(synthetic_docs(10_000), [(str(i), str(i)) for i in range(6)])
    shards = {k: v for k, v in files.items() if k.startswith("t/")}
    assert max(len(v) for v in shards.values()) <= SHARD_LIMIT
    keys = {k[2:-5] for k in shards}
    for term in ("cong", "an", "lua", "dao", "dong", "thap", "tien"):
        key = shard_key(term, keys)
        assert key is not None and term in json.loads(files[f"t/{key}.json"])
    for query in (
        "lua dao",
        "dong thap",
        "cong an xa huyen",
        "canh bao lua dao qua mang dien thoai",
    ):
        downloaded = sum(len(files[f]) for f in files_for_query(files, query))
        assert downloaded <= 300_000, (query, downloaded)
        assert rank(files, query), query


def test_the_website_build_publishes_the_index(tmp_path: Path) -> None:
    built = build_site(copy_site(tmp_path))
    index = built.web / INDEX_DIR
    files = {p.relative_to(index).as_posix(): p.read_bytes() for p in index.rglob("*.json")}
    manifest = json.loads(files["index.json"])
    assert manifest["count"] == len(built.result.site.for_channel("web"))
    found = rank(files, "gia danh cong an")
    assert found
    first = json.loads(files[f"d/{found[0] // manifest['chunk']}.json"])[
        found[0] % manifest["chunk"]
    ]
    assert first[0] == "/2024/01/canh-bao-gia-danh-cong-an/"
    assert 'data-index="/tim-kiem/chi-muc/index.json"' in built.html("/tim-kiem/")


def test_the_index_names_each_category_s_page_for_the_result_cards(tmp_path: Path) -> None:
    """A search result named its category in plain text where the site's cards link it: the
    manifest gives each category's page, under the folder a site is served from, for search.js."""
    root = copy_site(tmp_path)
    toml = root / "site.toml"
    toml.write_text(
        toml.read_text("utf-8").replace(
            'base_url = "https://ca-tanphudong.example.vn/"',
            'base_url = "https://ca-tanphudong.example.vn/chau-thanh/"',
        ),
        "utf-8",
    )
    built = build_site(root)
    manifest = json.loads((built.web / INDEX_DIR / "index.json").read_bytes())
    urls = {c["key"]: c["url"] for c in manifest["categories"]}
    assert urls["canh-bao-toi-pham"] == "/chau-thanh/chuyen-muc/canh-bao-toi-pham/"
    strip = built.html("/tim-kiem/").split('class="cat-nav"', 1)[1].split("</nav>", 1)[0]
    assert sorted(re.findall(r'<a href="([^"]*)">', strip)) == sorted(urls.values())


WORDS = [
    "lừa",
    "đảo",
    "tuần",
    "tra",
    "an",
    "ninh",
    "trật",
    "tự",
    "cảnh",
    "báo",
    "người",
    "dân",
    "công",
    "an",
    "xã",
    "ấp",
    "đồng",
    "tháp",
    "mạng",
    "điện",
    "thoại",
    "chuyển",
    "tiền",
    "tài",
    "khoản",
    "căn",
    "cước",
    "thường",
    "trú",
    "ma",
    "túy",
    "trộm",
    "cắp",
    "xe",
    "máy",
    "giao",
    "thông",
    "học",
    "sinh",
    "phản",
    "ánh",
    "tố",
    "giác",
    "tội",
    "phạm",
    "đêm",
    "ngày",
    "tháng",
    "năm",
    "kế",
    "hoạch",
    "ra",
    "quân",
    "an",
    "toàn",
    "phòng",
    "cháy",
    "chữa",
    "cháy",
]


def test_an_edit_updates_the_index_exactly_as_a_full_build_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits that keep the bulletins' order change only the touched shards and cards, and the
    files equal a full build of the same site (small shards, so groups split and merge)."""
    import datetime as dt

    from publish import config as config_module
    from publish.content import load_site
    from publish.render.web import search
    from tests.helpers import bulletin_md, make_project, search_index_written

    monkeypatch.setattr(search, "SHARD_LIMIT", 300)
    rng = random.Random(7)

    def body() -> str:
        return " ".join(rng.choices(WORDS, k=rng.randint(5, 60))) + ".\n"

    def front(i: int, title: str, tags: list[str]) -> dict[str, object]:
        return {
            "title": json.dumps(title, ensure_ascii=False),
            "date": f"2020-12-{1 + i % 28:02d} {i % 24:02d}:00",
            "tags": json.dumps(tags, ensure_ascii=False),
        }

    count = 60
    root = make_project(
        tmp_path,
        {
            f"content/b{i:02d}.md": bulletin_md(front(i, f"Bản tin {i}", ["an ninh"]), body())
            for i in range(count)
        },
    )
    now = dt.datetime(2021, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=7)))

    def index() -> tuple[dict[str, bytes], dict[str, bytes], int]:
        site = load_site(config_module.load(root), now=now)
        got, kept = search_index_written(root, site)
        categories = search.site_categories(site)
        full = search.build_index(search.site_docs(site), categories)
        return got, {f"{INDEX_DIR}/{path}": data for path, data in full.items()}, kept

    index()
    full_builds: list[int] = []
    real = search._build

    def building(*a: Any, **k: Any) -> Any:
        """`_build`, counted."""
        full_builds.append(1)
        return real(*a, **k)

    monkeypatch.setattr(search, "_build", building)
    for _ in range(12):
        edited = rng.sample(range(count), rng.randint(1, 3))
        for i in edited:
            words = rng.sample(WORDS, 3)
            tags = rng.sample(["an ninh", "lừa đảo", "giao thông", "ma túy"], rng.randint(0, 2))
            text = bulletin_md(front(i, " ".join(words).capitalize(), tags), body())
            (root / f"content/b{i:02d}.md").write_text(text, encoding="utf-8")
        got, expected, kept = index()
        assert not full_builds  # the index was updated: only the edited terms and cards
        assert got == expected
        assert kept  # the files the edits left alone were not rewritten


def encoded(by_doc: dict[int, int]) -> list[int]:
    """{bulletin number: best field} as postings: delta × 4 + field, in number order."""
    values, previous = [], 0
    for number in sorted(by_doc):
        values.append((number - previous) * 4 + by_doc[number])
        previous = number
    return values


FIELDS = st.integers(min_value=1, max_value=3)


@settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", 40)) * 5, database=None)
@given(
    st.dictionaries(st.integers(0, 60), FIELDS),
    st.dictionaries(st.integers(0, 70), FIELDS | st.none(), min_size=1),
)
def test_patched_postings_equal_postings_encoded_afresh(
    before: dict[int, int], changes: dict[int, int | None]
) -> None:
    """Changes anywhere (the first number, the middle, past the end, removals of numbers that
    are not there) give the postings of the changed set, encoded from scratch."""
    after = {**before, **changes}
    expected = encoded({n: f for n, f in after.items() if f is not None})
    assert search._patch(encoded(before), changes) == expected


def when(hours: int) -> str:
    """A bulletin date `hours` after the start of December 2020."""
    moment = dt.datetime(2020, 12, 1) + dt.timedelta(hours=hours)
    return moment.strftime("%Y-%m-%d %H:%M")


def random_bulletin(rng: random.Random, date: str, title: str = "") -> str:
    """A bulletin of random words from WORDS, dated `date`."""
    front = {
        "title": json.dumps(
            title or " ".join(rng.sample(WORDS, 3)).capitalize(), ensure_ascii=False
        ),
        "date": date,
        "tags": json.dumps(rng.sample(["an ninh", "lừa đảo", "ma túy"], rng.randint(0, 2))),
    }
    return bulletin_md(front, " ".join(rng.choices(WORDS, k=rng.randint(5, 60))) + ".\n")


def date_of(path: Path) -> str:
    """The date line's value of a bulletin file ("2020-12-01 05:00" sorts as it reads)."""
    found = re.search(r"^date: (.*)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert found
    return found[1]


def numbered_project(tmp_path: Path, rng: random.Random, count: int) -> Path:
    """A project of `count` bulletins b000.md…, three hours apart, b000 the oldest."""
    files = {f"content/b{i:03d}.md": random_bulletin(rng, when(3 * i)) for i in range(count)}
    return make_project(tmp_path, files)


def load(root: Path) -> Site:
    """The project's site at the start of 2021."""
    return load_site(config_module.load(root), now=dt.datetime(2021, 1, 1, tzinfo=VN))


def full_index(site: Site) -> dict[str, bytes]:
    """The index build_index() makes of `site`, by output path."""
    categories = search.site_categories(site)
    files = build_index(site_docs(site), categories)
    return {f"{INDEX_DIR}/{path}": data for path, data in files.items()}


def test_a_new_newest_bulletin_is_indexed_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The everyday change — one new bulletin, the newest — takes the next number: that bulletin
    alone is indexed, and only the shards of its terms' groups, the last cards file and the
    manifest are made again; the files equal a full build's byte for byte. (Numbered newest
    first, a new bulletin shifted every posting and every cards file: all was built again.)"""
    monkeypatch.setattr(search, "SHARD_LIMIT", 300)  # many small shards, groups split
    rng = random.Random(5)
    count = 195  # the last cards file has room: the new bulletin goes into it
    root = numbered_project(tmp_path, rng, count)
    search_index_made(root, load(root))
    front = {"title": '"Cảnh giác cuộc gọi lạ"', "date": when(3 * count)}
    (root / "content/moi.md").write_text(bulletin_md(front, "Gọi lạ.\n"), encoding="utf-8")
    site = load(root)
    monkeypatch.setattr(search, "_build", refusing("a new bulletin rebuilt the whole index"))
    indexed: list[str] = []
    real_fields = search.doc_fields

    def fields(doc: SearchDoc, *lexicon: Lexicon) -> dict[str, int]:
        """`doc_fields`, noting the document indexed."""
        indexed.append(doc.title)
        return real_fields(doc, *lexicon)

    monkeypatch.setattr(search, "doc_fields", fields)
    got, made = search_index_made(root, site)
    assert indexed == ["Cảnh giác cuộc gọi lạ"]  # the others' fields were not even read
    assert got == full_index(site)
    newest = site_docs(site)[-1]
    assert newest.title == "Cảnh giác cuộc gọi lạ"
    groups = {term[:2] for term in search.doc_fields(newest)}
    # Each shard's forms file (its words written with marks) is beside it.
    shards = {p for p in got if p.startswith((f"{INDEX_DIR}/t/", f"{INDEX_DIR}/f/"))}
    touched = {p for p in shards if p.removeprefix(f"{INDEX_DIR}/")[2:4] in groups}
    assert made == {f"{INDEX_DIR}/index.json", f"{INDEX_DIR}/d/19.json", *touched}
    # A title's word pairs ("canh_giac") are in its words' groups, split into more shards.
    assert len(made) < len(got) / 3, (len(made), len(got))


def test_additions_and_removals_update_the_index_exactly_as_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New bulletins (the newest or backdated), deleted ones (the newest or any), edits, and
    several at once: each is an update of the numbers that changed, and the files equal a full
    build's; beyond UPDATE_LIMIT changed numbers the whole index is built again, as equal."""
    monkeypatch.setattr(search, "SHARD_LIMIT", 300)
    rng = random.Random(9)
    root = numbered_project(tmp_path, rng, 60)
    search_index_made(root, load(root))
    full_builds: list[int] = []
    real = search._build

    def building(*a: Any, **k: Any) -> Any:
        """`_build`, counted."""
        full_builds.append(1)
        return real(*a, **k)

    monkeypatch.setattr(search, "_build", building)
    added = 0
    for step in range(16):
        names = sorted(p.name for p in (root / "content").glob("*.md"))
        newest = max(names, key=lambda name: date_of(root / "content" / name))
        for action in rng.sample(["newest", "backdated", "drop-newest", "drop", "edit"], 2):
            added += 1
            if action == "newest":
                text = random_bulletin(rng, when(3 * 60 + added))
                (root / f"content/n{added:03d}.md").write_text(text, encoding="utf-8")
            elif action == "backdated":
                text = random_bulletin(rng, when(rng.randrange(3 * 60)))
                (root / f"content/n{added:03d}.md").write_text(text, encoding="utf-8")
            elif action == "drop-newest" and newest in names:
                (root / "content" / newest).unlink()
                names.remove(newest)
            elif action == "drop":
                (root / "content" / names.pop(rng.randrange(len(names)))).unlink()
            elif action == "edit":
                name = rng.choice(names)
                text = random_bulletin(rng, date_of(root / "content" / name))
                (root / "content" / name).write_text(text, encoding="utf-8")
        site = load(root)
        got, made = search_index_made(root, site)
        assert got == full_index(site), step
        assert len(made) < len(got), step  # some files were kept
    assert not full_builds  # every step was an update

    monkeypatch.setattr(search, "UPDATE_LIMIT", 5)
    oldest = min((root / "content").glob("*.md"), key=date_of)
    oldest.unlink()  # every bulletin gets another number
    site = load(root)
    got, _ = search_index_made(root, site)
    assert full_builds == [1]
    assert got == full_index(site)


WORD_PIECES = [
    "Lừa đảo", "ĐỒNG THÁP", "đ", "Đ", "e\u0301", "a\u0323", "\u0301", "x\u0301y", "ΣΑΣ", "σ",
    "İ", "ǅ", "ﬁ", "Æ", "ø", "Ω", "²", "½", "١٢", "_", "-", ",", ".", "“", "”",
    " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "\x1c", "\x85", "abc", "123",
]  # fmt: skip


@settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", 40)) * 10,
    deadline=None,
    database=None,
)
@given(st.lists(st.sampled_from(WORD_PIECES) | st.text(max_size=3), max_size=25).map("".join))
def test_terms_are_those_of_the_whole_text_folded_at_once(text: str) -> None:
    """Remembering each word's terms finds exactly what folding the whole text finds (combining
    marks after a space, Greek final sigma, ligatures, odd whitespace and all), every time."""
    expected = TERM_RE.findall(fold(nfc(text)))
    assert terms(text) == expected
    assert terms(text) == expected  # now from what the first call remembered


NAME_PIECES = [
    *WORD_PIECES,
    "Tân",
    "Phú",
    "Phú,",
    "Hòa.",
    "Ấp",
    "TÂN",
    "Xã",
    "(Tân",
    "Tân-Phú",
    "Nguyễn",
]
"""WORD_PIECES with capitalised words, and punctuation before, after or inside them."""
WHOLE_TEXT_NAME = re.compile(rf"(?<!\S)([{CAPITALS}]\w*)\s+(?=([{CAPITALS}]\w*)[^\w\s]*(?!\S))")
"""A name's two words as the pairs are defined over a whole text: both start with a capital,
only white space between them, the second followed by punctuation at most."""


@settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", 40)) * 10,
    deadline=None,
    database=None,
)
@given(st.lists(st.sampled_from(NAME_PIECES) | st.text(max_size=3), max_size=25).map("".join))
def test_name_pairs_are_those_of_the_whole_text_read_at_once(text: str) -> None:
    """Remembering what each word can be in a name finds exactly the pairs the definition finds
    over the whole text (one syllable each side, both capitalised), every time."""

    def syllable(word: str) -> str | None:
        found = TERM_RE.findall(fold(word))
        return found[0] if len(found) == 1 and search.SYLLABLE_RE.match(found[0]) else None

    expected = [
        search.pair(one, two)
        for first, second in WHOLE_TEXT_NAME.findall(nfc(text))
        if (one := syllable(first)) and (two := syllable(second))
    ]
    assert search.terms_and_names(text) == (TERM_RE.findall(fold(nfc(text))), expected)
    assert search.name_pairs(text) == expected  # now from what the first call remembered


NUMBER_WORDS = [
    "0912 345 678",
    "0912\u00a0345\u00a0678",
    "0913–345–678",
    "0987 654 321 0912 345 679",
    "0912 345 678 3",
    "+84 0903-111-222",
    "(0277) 3610113",
    "1900 54 55 66",
    "12.000.000",
    "84912345678",
    "0084 903 111 222",
]
"""Numbers in the spellings the index reads, for the update tests."""


def test_numbers_in_every_spelling_update_the_index_as_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A number's runs of groups are terms too: an update stays byte-identical to a build."""
    monkeypatch.setattr(sys.modules[__name__], "WORDS", WORDS + NUMBER_WORDS)
    test_an_edit_updates_the_index_exactly_as_a_full_build_would(tmp_path, monkeypatch)
    test_additions_and_removals_update_the_index_exactly_as_a_full_build(
        tmp_path / "more", monkeypatch
    )


TONE_WORDS = ["hoà", "hòa", "Hoà", "hoàn", "khoẻ", "khỏe", "thuỷ", "thủy", "quý"]
"""Words with the tone of a final «oa», «oe», «uy» on either vowel, for the update tests."""


def test_either_tone_placement_updates_the_index_as_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The forms of «hoà» and «hòa» are one: an update stays byte-identical to a build."""
    monkeypatch.setattr(sys.modules[__name__], "WORDS", WORDS + TONE_WORDS)
    test_an_edit_updates_the_index_exactly_as_a_full_build_would(tmp_path, monkeypatch)
    test_additions_and_removals_update_the_index_exactly_as_a_full_build(
        tmp_path / "more", monkeypatch
    )


def test_words_side_by_side_rank_above_the_same_words_apart() -> None:
    """A name written with capitals in a body ("Tân Phú") and a title's words side by side
    ("lừa đảo") rank above bulletins having the same words apart, newer or not; a title match
    still ranks above a body match within each."""
    docs = [
        doc("Tổng kết năm", body="Xã Tân Phú giữ vững an ninh."),
        doc("Tín dụng đen", body="Ông Tân ở ấp Phú Thạnh vay tiền."),
        doc("Cảnh báo lừa đảo qua mạng"),
        doc("Lừa gạt du khách trên đảo"),
    ]
    files = build_index(docs, CATEGORIES)
    assert rank(files, "Tân Phú") == [0, 1]
    assert rank(files, "tan phu") == [0, 1]
    assert rank(files, "lua dao") == [2, 3]
    assert rank(files, "dao lua") == [3, 2]  # in the order typed


def test_index_pairs_are_the_title_s_words_and_names_written_with_capitals() -> None:
    """Pairs of adjacent words are indexed from the title and from names in capitals only:
    every pair of the bodies made the index of 1,000 bulletins twice as large."""
    fields = search.doc_fields(
        doc("Cảnh báo lừa đảo", summary="Tại xã Tân Phú.", body="Đối tượng lừa đảo ở ấp Phú Hòa.")
    )
    paired = {term for term in fields if search.PAIR in term}
    assert paired == {"canh_bao", "bao_lua", "lua_dao", "tan_phu", "phu_hoa"}
    assert fields["lua_dao"] == 3 and fields["tan_phu"] == 2 and fields["phu_hoa"] == 1


def test_two_words_typed_without_the_space_find_the_bulletins_having_both() -> None:
    """ "duaxe" typed on a phone finds "đua xe", the bulletins having them side by side first;
    a run shorter than JOINED_MIN letters is not cut ("duxe")."""
    docs = [
        doc("Đua xe trái phép"),
        doc("Họp dân", body="Xe chạy quá tốc độ, đua nhau vượt đèn đỏ."),
        doc("Hội thi", body="Đua thuyền, du lịch bằng xe."),
        doc("Bơi thuyền", body="Đua thuyền."),
    ]
    files = build_index(docs, CATEGORIES)
    found = find(files, "duaxe")
    assert found.numbers == [0, 2, 1]
    assert found.words == ["dua xe"]
    assert rank(files, "duxe") == []
    assert rank(files, "hop duaxe") == [1]


def test_two_words_typed_without_the_space_are_cut_where_the_most_bulletins_have_both() -> None:
    """ "congan" is «công an», which every bulletin of a police unit writes: it was cut at the
    first place that found anything, «có ngăn» (two common words one bulletin had apart), and
    the page said it read «co ngan» and showed that bulletin alone."""
    docs = [
        doc("Họp tổ dân phố", body="Có ngăn kéo khóa."),
        doc("Công an xã tuần tra"),
        doc("Hội nghị", body="Công an huyện dự."),
    ]
    files = build_index(docs, CATEGORIES)
    found = find(files, "congan")
    assert found.words == ["cong an"]
    assert found.numbers == [1, 2]


def test_a_word_with_two_vowels_swapped_is_read_as_the_word_beside_it_says() -> None:
    """ "lừa đỏa" finds what "lừa đảo" finds ("đỏa" folds to "doa", which found "đe dọa" and,
    being the last word, "đoàn", "đoạn"); "đe dọa", a pair as typed, stays as it is."""
    docs = [
        doc("Cảnh báo lừa đảo"),
        doc("Lừa đảo việc làm"),
        doc("Đối tượng lừa người", body="Đe dọa chủ quán, thủ đoạn tinh vi."),
        doc("Đoàn thanh niên", body="Lừa"),
    ]
    files = build_index(docs, CATEGORIES)
    assert rank(files, "lừa đỏa") == rank(files, "lừa đảo") == [1, 0]
    assert find(files, "lừa đỏa").words == ["lua", "dao"]
    assert rank(files, "đe dọa") == [2]


def test_a_query_with_marks_ranks_the_bulletins_writing_them_so_first() -> None:
    """ "tín dụng đen" folds to "tin dung den", which «đến», «đèn», «tin» also are: the
    bulletins writing each word with the marks typed come first, the others after, and `written`
    says how many; without marks nothing changes ("lua dao" still finds «lừa đảo»)."""
    docs = [
        doc("Cảnh giác tín dụng đen", body="Vay qua ứng dụng."),
        doc("Đèn tín hiệu giao thông", body="Tin dùng đến nay, sử dụng đèn."),
        doc("Tổng kết năm", body="Triệt phá ổ nhóm tín dụng đen, lừa đảo."),
        doc("Đến tận nhà", body="Tín dụng ngân hàng, đèn đỏ."),
    ]
    files = build_index(docs, CATEGORIES)
    found = find(files, "tín dụng đen")
    assert found.numbers[:2] == [0, 2] and sorted(found.numbers[2:]) == [1, 3]
    assert found.written == 2
    assert find(files, "đen").numbers[:2] == [0, 2] and find(files, "đen").written == 2
    assert find(files, '"tín dụng đen"').numbers == [0, 2]  # quoted: as typed only
    assert find(files, "tin dung den").written == len(find(files, "tin dung den").numbers)
    assert rank(files, "lua dao") == [2]
    assert find(files, "lừa đả").numbers == [2]  # the last word, being typed, «đảo»


def test_a_word_without_marks_in_a_query_with_marks_is_told_from_the_word_with_them() -> None:
    """ "lương cao" is not «lương cáo»: a word typed without marks, beside words typed with
    them, is written so by the bulletins having «cao», not those having only «cáo»."""
    docs = [
        doc("Báo cáo lương tháng"),
        doc("Việc nhẹ lương cao"),
        doc("Cao lương", body="Báo cáo."),
    ]
    files = build_index(docs, CATEGORIES)
    found = find(files, "lương cao")
    assert found.numbers == [1, 2, 0] and found.written == 2


def test_old_and_new_tone_placement_are_one_spelling() -> None:
    """«thuỷ» is «thủy», «hoà» «hòa», «khoẻ» «khỏe» (keyboards type either): a query in one
    finds the bulletins writing the other as written as typed, both rank them the same, and
    «Phú Hoà» does not put «Phú … hoàn», «Hoàng» above the bulletin naming «Phú Hòa» as
    written otherwise (being typed, «Hoà» starts «Hoàng» as written, both count as typed)."""
    docs = [
        doc("Lịch cấp căn cước lưu động", body="Tại xã Phú Hòa, ấp Tân Phú."),
        doc("Phú Hoàng hoàn thành", body="Xã Phú Long hoàn thành kế hoạch."),
        doc("Giữ gìn sức khoẻ", body="Công trình thuỷ lợi."),
        doc("Sức khỏe mùa lũ", body="Đường thủy nội địa."),
        doc("Hoà giải ở cơ sở"),
    ]
    files = build_index(docs, CATEGORIES)
    for old, new in (("thủy", "thuỷ"), ("sức khỏe", "sức khoẻ"), ("Phú Hòa", "Phú Hoà")):
        found, other = find(files, old), find(files, new)
        assert (found.numbers, found.written) == (other.numbers, other.written), old
    assert find(files, "thuỷ").written == 2 and find(files, "sức khoẻ").written == 2
    found = find(files, "Phú Hoà")
    assert found.written == 2 and set(found.numbers) == {0, 1}
    found = find(files, "Phú Hoà d")
    assert (found.numbers, found.written) == ([0], 1)
    assert find(files, '"hòa giải"').numbers == [4]
    # Whole (a letter begun after it), «hòa» is «Hoà» and «Hòa»; being typed, «Hoàng» too.
    found = find(files, "hòa d")
    assert (found.numbers, found.written) == ([4, 0], 2)
    found = find(files, "hòa")
    assert (found.numbers, found.written) == ([4, 1, 0], 3)
    fields = search.doc_fields(docs[2])
    assert "=thủy" in fields and "=khỏe" in fields and "=thuỷ" not in fields
    # «khuỷu» is «khủyu» (QA of session 76): a citizen typing either finds both bulletins as
    # written as typed, in quotes too, above the one without marks.
    docs = [doc("Đau khuỷu tay"), doc("Dau khuyu tay"), doc("Đau khủyu tay")]
    files = build_index(docs, CATEGORIES)
    for query in ("khuỷu tay", "khủyu tay", "KHUỶU", '"khuỷu"', '"khủyu"', "khuỷ", "khủy"):
        found = find(files, query)
        assert found.written == 2 and set(found.numbers[:2]) == {0, 2}, query
    # «quý» is no «uy» of a word's end: its «u» is the consonant's.
    assert "=quý" in search.doc_fields(doc("Quý khách"))


def test_a_word_being_typed_with_its_tone_on_the_second_vowel_starts_the_longer_words() -> None:
    """Typing «Nguyễn Hoà» on the way to «Nguyễn Hoàng»: «hoà» starts «hoàng» as typed, though
    «hòa» (its tone moved to where the index keeps it) does not; so do «toà» «toàn», «khoá»
    «khoán», «huỳ» «huỳnh». The bulletin writing the longer word counts as written as typed, the
    one writing «Nguyễn Hòa» too, and those writing them without marks do not."""
    docs = [
        doc("Ông Nguyễn Hoàng bị lừa", body="Toàn bộ số tiền trong khoán việc."),
        doc("Ông Nguyen Hoang bi lua", body="Toan bo so tien trong khoan viec."),
        doc("Ông Nguyễn Hòa tố giác", body="Ông Huỳnh Văn Tư."),
    ]
    files = build_index(docs, CATEGORIES)
    found = find(files, "Nguyễn Hoà")
    assert found.numbers[2:] == [1] and set(found.numbers[:2]) == {0, 2}
    assert found.written == 2
    for query, written in (("toà", [0]), ("khoá", [0]), ("ông huỳ", [2])):
        found = find(files, query)
        assert found.numbers[: found.written] == written, query
    # A letter begun after it, «hoà» is whole: «hòa» only.
    found = find(files, "Nguyễn Hoà d")
    assert (found.numbers, found.written) == ([2], 1)


def test_a_word_being_typed_with_its_tone_on_the_first_vowel_starts_the_longer_words() -> None:
    """«hoà», «hòa» start «HOÀ2» (kept «hòa2»: a digit ends no word), «khủy» and «khuỷ» start
    «khủyu» as a bulletin writes it, so that bulletin counts as written as typed, in quotes too;
    so does a category whose name writes it so. Only the tone on the second vowel was tried."""
    docs = [
        doc("Lô đất HOÀ2 và khủyu tay", body="Tranh chấp lô đất."),
        doc("Lo dat hoa2 va khuyu tay", body="Tranh chap lo dat."),
    ]
    files = build_index(docs, CATEGORIES)
    for query in ("hoà", "hòa", "HOÀ", "khủy", "khuỷ"):
        found = find(files, query)
        assert (found.numbers, found.written) == ([0, 1], 1), query
    found = find(files, '"hoà"')  # in quotes, only the bulletins writing it so
    assert (found.numbers, found.written) == ([0], 1)
    cats = [("tai-nan", "Tai nạn khủyu tay"), ("khac", "Tin khác")]
    docs = [doc("Bị thương ở tay", category=0), doc("Bi thuong o tay", category=1)]
    files = build_index(docs, cats)
    found = find(files, "nạn khủy")
    assert (found.numbers, found.written) == ([0], 1)


TONE_SPELLINGS = [
    ["hoà", "Hoà", "HOÀ", "hòa", "toà", "khoẻ", "KHOẺ", "thuỷ", "Thuỷ", "tuỳ", "uỷ", "oà", "xoè"],
    ["loé", "hoạ", "hoã", "hoả", "hoá", "ngoẻn", "hoàng", "toàn", "huỳnh", "khoán", "hùy", "huỳ"],
    ["quý", "quỳ", "Quỷ", "qoà", "quà", "muà", "cuả", "hoỳ", "thuế", "hoầ", "hoặ", "mùa", "của"],
    ["hoà2", "hoà2b", "2hoà", "hoàhoà", "hoà2hoà", "hòa2", "thủy", "ủy"],
    ["khuỷu", "KHUỶU", "khủyu", "khuỷu2", "khuỷua", "khuỷuu", "quỷu", "huỳnh", "khuỷ", "khủy"],
]
"""Words as a query may type them: the tone of a final «oa», «oe», «uy» on either vowel, or of
an «uy» before a last «u» («khuỷu», «khủyu»), other pairs («ua», «oy»), «qu», a digit after the
word, capitals."""


def test_search_js_puts_the_tone_where_the_python_reference_does() -> None:
    """search.js and search.py each move the tone of a word's final «oa», «oe», «uy» (to the
    first vowel for the forms, to the second for the longer words a word being typed starts):
    the published script moved it in «muà», «cuả», «hoỳ» too and not before a digit («hoà2»),
    so a query found other bulletins on the page than in the reference (run by Node)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH: the published search.js cannot be run here")
    script = Assets(BUILTIN_THEME / "assets").data("search.js").decode("utf-8")
    function = re.search(r"^function oneTone\(word, second\) \{\n.*?^\}$", script, re.M | re.S)
    assert function is not None, "search.js has no function oneTone(word, second)"
    written = [w for group in TONE_SPELLINGS for w in group]
    words = [w.lower() for w in written]
    calls = ".map(function (w) { return [oneTone(w), oneTone(w, 1)]; })"
    program = f"{function[0]}\nconsole.log(JSON.stringify({json.dumps(words)}{calls}));"
    run = subprocess.run([node, "-e", program], capture_output=True, check=True)
    published = json.loads(run.stdout)
    reference = [[one_tone_placement(w), tone_on_second(w)] for w in words]
    assert published == reference
    # The index moves it before lower-casing a word: the same forms.
    assert [one_tone_placement(w).lower() for w in written] == [r[0] for r in reference]
    assert reference[:3] == [["hòa", "hoà"]] * 3 and ["muà", "muà"] in reference


def test_forms_are_one_bit_a_bulletin_beside_each_shard() -> None:
    """Which bulletin writes which form is kept beside the term's shard, as few bytes as the
    bulletins take: 1 for every bulletin, else their places; a term no bulletin writes with
    marks has no entry (a query without marks never reads these files)."""
    docs = [doc("Đến hẹn"), doc("Đèn đỏ", body="Đến nơi"), doc("Xe đến"), doc("Xe 113")]
    files = build_index(docs, CATEGORIES)
    manifest = json.loads(files["index.json"])
    forms = {}
    for key in manifest["forms"]:
        forms.update(json.loads(files[f"f/{key}.json"]))
    assert forms["den"] == {"đèn": [1], "đến": 1}  # every bulletin having "den"
    assert forms["do"] == {"đỏ": 1} and "xe" not in forms and "113" not in forms
    assert files_for_query(files, "den") == ["index.json", "t/de.json", "d/0.json"]
    assert "f/de.json" in files_for_query(files, "đèn")


def test_a_form_most_bulletins_write_is_kept_as_a_bitmap_a_rare_one_as_places() -> None:
    """Of 40 bulletins on «đèn» one writes «đến»: the common form is kept in a few bytes of
    bitmap, the rare one by its place, and a query with marks finds each form's bulletins."""
    docs = [doc(f"Đèn tín hiệu ở ngã tư số {i}") for i in range(40)]
    docs[7] = doc("Đến ngã tư số 7")
    files = build_index(docs, CATEGORIES)
    forms = json.loads(files["f/de.json"])["den"]
    assert forms["đến"] == [7] and isinstance(forms["đèn"], str) and len(forms["đèn"]) < 10
    assert find(files, "đến").numbers[0] == 7
    found = find(files, "đèn")
    assert found.written == 39 and 7 not in found.numbers[:39]


def test_an_abbreviation_finds_the_bulletins_spelling_it_out_and_back() -> None:
    """ "CCCD" finds the bulletins writing «căn cước công dân» (the lexicon the read-aloud
    scripts use), and the words find those writing «CCCD»; index.json lists only the
    abbreviations the site writes or spells out."""
    docs = [
        doc("Cấp căn cước công dân lưu động"),
        doc("Làm CCCD cho học sinh"),
        doc("Căn nhà", body="Cước phí công dân."),  # the words apart
    ]
    files = build_index(docs, CATEGORIES)
    assert rank(files, "CCCD") == [1, 0]
    assert rank(files, "cccd") == [1, 0]
    assert rank(files, "căn cước công dân")[:2] == [0, 1]
    shorts = json.loads(files["index.json"])["abbreviations"]
    assert shorts == {"cccd": "căn cước công dân"}
    assert rank(build_index(docs, CATEGORIES, lexicon=()), "CCCD") == [1]


ACCENTED_TEXT = (
    "công an xã huyện tỉnh đồng tháp lừa đảo cảnh báo người dân tài khoản ngân hàng điện "
    "thoại gọi giả danh chuyển tiền mạng xã hội việc nhẹ lương cao tuyển cộng tác viên đăng "
    "ký thường trú căn cước định danh tuần tra đêm an ninh trật tự tội phạm ma túy đánh bạc "
    "trộm cắp tài sản xe máy giao thông phòng chống cháy nổ cứu nạn hỗ trợ thủ tục hành "
    "chính dịch vụ trực tuyến kết quả tháng năm quý đầu cuối tết phát hiện bắt giữ khởi tố "
    "điều tra xử lý vi phạm phạt hành vi đối tượng nghi vấn tin báo kịp thời phối hợp lực "
    "lượng chức năng địa bàn ấp khóm thị trấn châu thành tân bình phú long đến đèn đen tín "
    "dụng tin dùng đua đưa xe xé cáo lúa lửa lụa đào đạo dao dáo"
)
ACCENTED = ACCENTED_TEXT.split()


def test_first_query_with_marks_on_a_10000_bulletin_site_downloads_at_most_300_kb() -> None:
    """A query typed with marks also reads the forms files beside its shards: on 10,000
    bulletins written with marks the first query still downloads at most 300 KB."""
    rng = random.Random(8)
    weights = [1 / (rank + 1) for rank in range(len(ACCENTED))]

    def words(n: int) -> str:
        return " ".join(rng.choices(ACCENTED, weights, k=n))

    docs = [
        SearchDoc(f"/bai/{i}/", words(12), words(40), words(250), i % 6, "2024-01-01", "x")
        for i in range(10_000)
    ]
    files = build_index(docs, [(str(i), str(i)) for i in range(6)])
    for query in ("lừa đảo", "tín dụng đen", "công an xã huyện", "đua xe", "lừa đả"):
        fetched = files_for_query(files, query)
        assert any(f.startswith("f/") for f in fetched), query
        downloaded = sum(len(files[f]) for f in fetched)
        assert downloaded <= 300_000, (query, downloaded)
        assert rank(files, query), query


def test_the_unit_s_abbreviations_are_searched_and_an_edit_to_them_rebuilds_the_index(
    tmp_path: Path,
) -> None:
    """An abbreviation of the unit's own file ([radio] abbreviations) finds the bulletins
    spelling it out; changed, the index is made again, as a full build makes it."""
    toml = SITE_TOML + '\n[radio]\nabbreviations = "content/tu-viet-tat.tsv"\n'
    front = {"title": '"Ra mắt tổ tự quản an ninh khu dân cư"', "date": "2020-12-01 08:00"}
    root = make_project(
        tmp_path,
        {
            "site.toml": toml,
            "content/tu-viet-tat.tsv": "TTQ\ttổ tự quản\n",
            "content/a.md": bulletin_md(front, "Tổ tự quản ấp Phú Hòa.\n"),
        },
    )
    files = {
        p.removeprefix(f"{INDEX_DIR}/"): d
        for p, d in search_index_made(root, load(root))[0].items()
    }
    assert rank(files, "TTQ") == [0]
    (root / "content/tu-viet-tat.tsv").write_text("TTQ\ttổ tự quản\nANKDC\tan ninh khu dân cư\n")
    site = load(root)
    got, made = search_index_made(root, site)
    assert f"{INDEX_DIR}/index.json" in made
    lexicon = search.site_lexicon(site)
    full = build_index(site_docs(site), search.site_categories(site), lexicon=lexicon)
    assert got == {f"{INDEX_DIR}/{path}": data for path, data in full.items()}
    assert rank(full, "ankdc") == [0]
