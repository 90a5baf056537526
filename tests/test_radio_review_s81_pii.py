"""Session 81 (helper pii81): session 80's personal-number leftovers, on both channels.

«chuyển vào TK» names an account only by an account's number right after `TK`, as «chuyển
sang/qua TK» does; an amount after a tax code's «là» is money; each account of a list typed on
following lines, and one a blank line after its label, is told on the website and kept off air.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from publish.pii import findings
from publish.pii_reader import reader_text
from tests.hang_guard import run_python_guarded
from tests.helpers import NOW, bulletin_md, install_fake_renderers, make_project
from tests.test_radio_review_tk2 import NEAR, held, no_digit, on_air, told

ACCOUNT = "số tài khoản ngân hàng"


def checked(text: str) -> list[tuple[str, str]]:
    """What `publish check` tells in a Markdown `text`: its findings as the reader sees it."""
    return told(reader_text(text))


# A bare «chuyển vào TK» was taken as money paid in: any number after it, past other words, was
# an account's — a phone after «anh Nam» and a 1900 line went from the air and were told, a
# file's short number was dropped.
NOT_AN_ACCOUNT_AFTER_CHUYEN_VAO_TK = [
    (
        "Chuyển vào TK rồi anh Nam 0912345678 gọi lại.",
        "không chín một hai, ba bốn năm, sáu bảy tám",
    ),
    ("Chuyển vào TK 1900 1234.", "một chín không không, một hai ba bốn"),
    ("Hồ sơ chuyển vào TK 123456 xử lý.", "một trăm hai mươi ba nghìn bốn trăm năm mươi sáu"),
]


@pytest.mark.parametrize(("source", "read"), NOT_AN_ACCOUNT_AFTER_CHUYEN_VAO_TK)
def test_a_phone_hotline_or_short_number_after_chuyen_vao_tk_is_no_account(
    source: str, read: str
) -> None:
    assert [f for f in told(source) if f[0] == ACCOUNT] == []
    script, codes = on_air(source)
    assert read in script
    assert "tài khoản" not in script
    assert "R9.5" not in codes
    assert held(source) == []


# An account's number right after «chuyển vào TK» stays one: told, and kept off air.
ACCOUNT_AFTER_CHUYEN_VAO_TK = [
    (
        "Chuyển vào TK 0123456789 của bị hại.",
        "Chuyển vào tài khoản của bị hại.",
        "012*****89",
    ),
    ("Đã chuyển vào TK Vietcombank 0123456789.", "Đã chuyển vào tài khoản.", "012*****89"),
    ("Chuyển vào TK: 0071000123456.", "Chuyển vào tài khoản.", "007********56"),
]


@pytest.mark.parametrize(("source", "expected", "masked"), ACCOUNT_AFTER_CHUYEN_VAO_TK)
def test_an_account_right_after_chuyen_vao_tk_is_dropped_and_told(
    source: str, expected: str, masked: str
) -> None:
    script, codes = on_air(source)
    assert (script, codes) == (expected, ["R9.5"])
    assert no_digit(script)
    assert told(source) == [(ACCOUNT, masked)]


# Review of session 81: cutting the phone, the hotline and the short number out must keep every
# account «chuyển vào TK» named before (money paid in): a bank's or a holder's words between,
# «số», «là», and seven or eight digits. Taking «vào» for «sang/qua» read them all on air.
ACCOUNT_PAST_WORDS_AFTER_CHUYEN_VAO_TK = [
    (f"Bị hại chuyển vào TK {words} 0123456789.", "012*****89")
    for words in (
        "ngân hàng",
        "ngân hàng Vietcombank",
        "Vietcombank số",
        "là",
        "đối tượng",
        "của Nguyễn Văn A",
        "tên Nguyễn Văn A số",
        "Agribank chi nhánh Hà Tĩnh",
        "do đối tượng cung cấp",
    )
] + [
    ("Bị hại chuyển vào TK 12345678.", "123***78"),
    ("Bị hại chuyển vào TK 1234567.", "123**67"),
    ("Bị hại chuyển vào TK 0912345678.", "091*****78"),
]


@pytest.mark.parametrize(("source", "masked"), ACCOUNT_PAST_WORDS_AFTER_CHUYEN_VAO_TK)
def test_an_account_past_words_after_chuyen_vao_tk_is_still_told_and_dropped(
    source: str, masked: str
) -> None:
    assert told(source) == checked(source) == [(ACCOUNT, masked)]
    script, codes = on_air(source)
    assert script == "Bị hại chuyển vào tài khoản."
    assert "R9.5" in codes


TAX = "mã số thuế cá nhân"

# After a tax code's «là», a number with a currency or a scale word after it is what is owed:
# it was told as the code and dropped from the air, the sentence left saying nothing.
AMOUNT_AFTER_A_TAX_CODES_LA = [
    (
        "Ông A, MST nợ là 1234567890 đồng.",
        "một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi đồng",
    ),
    ("Ông A, MST nợ là 1234567890 VNĐ.", "tám trăm chín mươi đồng"),
    ("Ông A, MST nợ là 1234567890đ.", "tám trăm chín mươi đồng"),
    ("Mã số thuế của ông A là 1.234.567.890 đồng.", "tám trăm chín mươi đồng"),
    ("Ông A, MST nợ là 123456789012 đồng.", "không trăm mười hai đồng"),
    # Read out as any ten-digit run before «triệu» is (not dropped), whatever its form.
    ("Ông A, MST nợ là 1234567890 triệu.", "một hai ba"),
    # A scale word before a currency, a currency before a comma: money still.
    ("Ông A, MST nợ là 8012345678 triệu đồng.", "bảy mươi tám triệu đồng"),
    ("Ông A, MST nợ là 8012345678 đồng, đã nộp.", "sáu trăm bảy mươi tám đồng"),
]


@pytest.mark.parametrize(("source", "read"), AMOUNT_AFTER_A_TAX_CODES_LA)
def test_an_amount_after_a_tax_codes_la_is_read_and_not_told(source: str, read: str) -> None:
    assert told(source) == []
    script, codes = on_air(source)
    assert read in script
    assert "R9.5" not in codes
    assert held(source) == []


# The code itself after «là», with no money after it, stays a person's: told and dropped.
TAX_CODE_AFTER_LA = [
    ("Ông A, MST là 1234567890.", "123*****90"),
    ("Ông A, MST nợ là 1234567890, đã bị xử phạt.", "123*****90"),
    ("Ông A, MST 1234567890 đồng.", "123*****90"),
] + [
    # Review of session 81: a currency or a scale word opening another word is no amount.
    (f"Ông A, MST là 8012345678 {words} tăng.", "801*****78")
    for words in ("triệu chứng", "tỷ lệ", "nghìn lần", "đồng hồ", "đồng thời", "đồng ý")
]


@pytest.mark.parametrize(("source", "masked"), TAX_CODE_AFTER_LA)
def test_a_tax_code_after_la_with_no_amount_is_still_told_and_dropped(
    source: str, masked: str
) -> None:
    assert told(source) == [(TAX, masked)]
    script, codes = on_air(source)
    assert "R9.5" in codes
    assert no_digit(script)


# A list of accounts typed on following lines, after its label or a first account: the website
# told only the first (a line holding a number alone was taken for the first number's wrapped
# end, a list item for no list); the radio read a list item's account out (R9.6 warning only).
ACCOUNTS_ON_FOLLOWING_LINES = [
    ("số tài khoản\n0123456789\n0987654321", ["012*****89", "098*****21"]),
    ("Số tài khoản: 0123456789\n0987654321", ["012*****89", "098*****21"]),
    ("STK 0123456789\n- 9876543210", ["012*****89", "987*****10"]),
    ("STK 0123456789\n- 9876543210\n- 0111222333", ["012*****89", "987*****10", "011*****33"]),
    ("Ông A dùng STK 0123456789\n* 9876543210", ["012*****89", "987*****10"]),
    ("số tài khoản\n- 0123456789\n- 0987654321", ["012*****89", "098*****21"]),
    ("STK 0123456789\n1. 9876543210 (Vietcombank)", ["012*****89", "987*****10"]),
]


@pytest.mark.parametrize(("source", "masked"), ACCOUNTS_ON_FOLLOWING_LINES)
def test_each_account_of_a_list_on_following_lines_is_told_and_dropped(
    source: str, masked: list[str]
) -> None:
    assert told(source) == checked(source) == [(ACCOUNT, each) for each in masked]
    script, codes = on_air(source)
    assert no_digit(script)
    assert "R9.6" not in codes
    assert held(source) == []


def test_a_listed_account_is_told_on_its_own_line() -> None:
    """The editor is sent to the line the account is typed on."""
    text = reader_text("STK 0123456789\n- 9876543210\n- 0111222333")
    found = findings(text, year=NEAR.year)
    assert [(f.line, f.value) for f in found] == [
        (0, "012*****89"),
        (1, "987*****10"),
        (2, "011*****33"),
    ]


# What a list on following lines is not: a number wrapped onto the next line stays one number,
# a count or an amount after an account stays read.
NOT_A_LIST_OF_ACCOUNTS = [
    ("STK 0071000\n123456 của bị hại.", [(ACCOUNT, "007********56")]),
    ("STK 0123456789\n- 2 đối tượng bị bắt.", [(ACCOUNT, "012*****89")]),
    ("STK 0123456789\n- 500.000 đồng", [(ACCOUNT, "012*****89")]),
]


@pytest.mark.parametrize(("source", "expected"), NOT_A_LIST_OF_ACCOUNTS)
def test_a_wrapped_number_a_count_or_an_amount_is_no_listed_account(
    source: str, expected: list[tuple[str, str]]
) -> None:
    assert checked(source) == expected


# An account's label ending its paragraph, the number alone opening the next: told by neither
# channel («Số tài khoản:» with its colon was dropped on air, told by no check).
LABEL_THEN_NUMBER_AFTER_A_BLANK_LINE = [
    ("Số tài khoản\n\n0123456789", "012*****89"),
    ("Số tài khoản:\n\n0123456789", "012*****89"),
    ("Ông A khai STK\n\n0123456789\n\nSau đó bỏ trốn.", "012*****89"),
    ("Tài khoản ngân hàng số:\n\n0123456789", "012*****89"),
]


def test_an_id_opening_the_paragraph_after_its_label_is_dropped_on_air() -> None:
    """Told on the website by its shape alone; it was read on air (R9.6 only)."""
    source = "Căn cước công dân\n\n001203001234"
    assert told(source) == checked(source) == [("số CCCD (12 chữ số)", "001*******34")]
    script, codes = on_air(source)
    assert no_digit(script)
    assert "R9.5" in codes


@pytest.mark.parametrize(("source", "masked"), LABEL_THEN_NUMBER_AFTER_A_BLANK_LINE)
def test_an_account_opening_the_paragraph_after_its_label_is_told_and_dropped(
    source: str, masked: str
) -> None:
    assert told(source) == checked(source) == [(ACCOUNT, masked)]
    script, codes = on_air(source)
    assert no_digit(script)
    assert "R9.5" in codes


def test_an_account_after_its_label_and_a_blank_line_is_told_on_the_numbers_line() -> None:
    found = findings(reader_text("Ông A khai STK\n\n0123456789"), year=NEAR.year)
    assert [(f.line, f.value) for f in found] == [(2, "012*****89")]


def test_a_number_after_a_paragraph_with_no_label_at_its_end_is_not_told() -> None:
    assert checked("Tài khoản đã bị khóa\n\n0123456789") == []


def test_publish_check_names_the_line_of_each_listed_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor is sent to each number's own line (the body opens on the file's line 9)."""
    install_fake_renderers(monkeypatch)
    body = "Bà A trình báo.\n\nSTK 0123456789\n- 9876543210\n\nSố tài khoản\n\n0111222333\n"
    root = make_project(tmp_path, {"content/a.md": bulletin_md(None, body)})
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 0
    err = capsys.readouterr().err
    told_at = "content/a.md:{}: cảnh báo: có thể là dữ liệu cá nhân: số tài khoản ngân hàng «{}»"
    for line, masked in ((11, "012*****89"), (12, "987*****10"), (16, "011*****33")):
        assert told_at.format(line, masked) in err
    assert "9876543210" not in err and "0111222333" not in err


# Review of session 81: the label or its number in bold (a bold paragraph is read as a
# sub-heading) was told on the website, whose reader drops the marks, and read on air.
BOLD_LABEL_OR_NUMBER_AFTER_A_BLANK_LINE = [
    "**Số tài khoản:**\n\n0123456789",
    "Số tài khoản\n\n**0123456789**",
    "**Số tài khoản:**\n\n**0123456789**",
    "__Số tài khoản__\n\n**0123456789**.",
    "Bà A trình báo.\n\n**Số tài khoản:**\n\n0123456789\n\nSau đó bỏ trốn.",
    "Bà A trình báo.\n\nSTK\n\n**0123456789**\n\nSau đó bỏ trốn.",
]


@pytest.mark.parametrize("source", BOLD_LABEL_OR_NUMBER_AFTER_A_BLANK_LINE)
def test_a_bold_label_or_number_after_a_blank_line_is_told_and_dropped(source: str) -> None:
    assert checked(source) == [(ACCOUNT, "012*****89")]
    script, codes = on_air(source)
    assert no_digit(script)
    assert "R9.5" in codes


def test_a_bold_paragraph_with_no_label_at_its_end_keeps_the_number_after_it() -> None:
    source = "**Tài khoản đã bị khóa**\n\n0123456789"
    assert checked(source) == []
    assert "không một hai ba" in on_air(source)[0].lower()


# Review of session 81: a list is read on from the line before each of its lines, however long:
# the website walked back ten lines to the label and told the first eleven of a longer list,
# while the radio dropped them all.
LONG_LIST = "STK 0123456789\n" + "\n".join(f"09876543{n:02d}" for n in range(12))


def test_every_line_of_a_long_list_of_accounts_is_told_and_dropped() -> None:
    found = findings(reader_text(LONG_LIST), year=NEAR.year)
    assert [(f.line, f.value) for f in found] == [(0, "012*****89")] + [
        (n + 1, f"098*****{n:02d}") for n in range(12)
    ]
    script, codes = on_air(LONG_LIST)
    assert no_digit(script)
    assert "R9.5" in codes


def test_a_list_of_twenty_thousand_accounts_is_told_in_linear_time() -> None:
    """Each line is read with its list's head only, never with the lines between (CPU time)."""
    script = (
        "from publish.pii import findings\n"
        "text = 'STK 0123456789\\n' + '\\n'.join(str(10**9 + n * 7919) for n in range(20000))\n"
        "assert len(list(findings(text, year=2026))) == 20001\n"
    )
    run_python_guarded(script, cpu=10)


# Review of session 81: lists the website told only the first of while the radio dropped each.
LISTS_THE_WEBSITE_STOPPED_IN = [
    # a line ending in «;» (or «,») goes on to the next
    ("Các TK: 0123456789;\n0987654321;\n1234567890.", [0, 1, 2]),
    # a list item's bank after its number, in brackets, on both channels
    ("STK 0123456789\n* 0987654321 (Vietcombank)\n* 1234567890 (Agribank)", [0, 1, 2]),
    ("STK 0123456789\n- 0987654321 (Vietcombank)\n- 1234567890 (Agribank)", [0, 1, 2]),
    # two blank lines after the label
    ("Số tài khoản\n\n\n0123456789", [3]),
    # a list after a blank line, after a paragraph ending in an account's number
    ("Số tài khoản 0123456789\n\n- 0987654321\n- 1234567890", [0, 2, 3]),
]


@pytest.mark.parametrize(("source", "lines"), LISTS_THE_WEBSITE_STOPPED_IN)
def test_each_account_of_a_list_is_told_on_its_line_and_dropped(
    source: str, lines: list[int]
) -> None:
    found = findings(reader_text(source), year=NEAR.year)
    assert [(f.kind, f.line) for f in found] == [(ACCOUNT, line) for line in lines]
    script, codes = on_air(source)
    assert no_digit(script)
    assert "R9.5" in codes


def test_a_bank_in_brackets_keeps_the_list_going_on_one_line() -> None:
    source = "STK 0123456789 (Vietcombank), 0987654321 (Agribank)."
    assert told(source) == [(ACCOUNT, "012*****89"), (ACCOUNT, "098*****21")]
    script, codes = on_air(source)
    assert no_digit(script)
    assert "Agribank" in script
    assert codes.count("R9.5") == 2


def test_a_count_after_a_list_item_of_an_account_is_no_account() -> None:
    """A list item's short number after an account's (an amount, a count) is read, not told."""
    assert checked("STK 0123456789\n- 2 đối tượng\n- 0987654321") == [(ACCOUNT, "012*****89")]


# Review of session 81: a passport's mask shows the letters the editor typed.
def test_a_passport_masked_keeps_every_letter_typed() -> None:
    assert told("Hộ chiếu İC1234567") == [("số hộ chiếu", "İC*****67")]
    assert told("Hộ chiếu AB 1234567") == [("số hộ chiếu", "AB*****67")]


# Review of session 81: a passport's number alone after its label and a blank line was read on
# air and told by no check.
PASSPORT_AFTER_A_BLANK_LINE = [
    "Hộ chiếu số\n\nC1234567",
    "Hộ chiếu:\n\n\nAB 1234567.",
    "Passport no.\n\n**C1234567**",
]


@pytest.mark.parametrize("source", PASSPORT_AFTER_A_BLANK_LINE)
def test_a_passport_alone_after_its_label_and_a_blank_line_is_told_and_dropped(
    source: str,
) -> None:
    assert [kind for kind, _ in checked(source)] == ["số hộ chiếu"]
    script, codes = on_air(source)
    assert no_digit(script)
    assert "R9.5" in codes


def test_a_code_after_another_label_and_a_blank_line_is_no_passport() -> None:
    assert checked("Số tài khoản\n\nC1234567") == []
