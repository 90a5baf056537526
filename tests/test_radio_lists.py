"""Lists with levels read aloud (publish.radio.lists, R1.6): the listener cannot see the
indentation, so a sub-list runs into the sentence of its item after a colon, and when a list
has levels each top point is a sentence counted «thứ nhất, … Thứ hai, …». A colon that
announces a list is read as a colon, never as a full stop. Each test reads a whole bulletin body
through `normalise`, as the build does.
"""

from __future__ import annotations

import pytest

from publish.radio.normalise import normalise
from publish.render.web.markdown import MarkdownRenderer


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "Các bước:\n\n1. Mở ứng dụng.\n   a) Chọn mục Cài đặt.\n   b) Chọn Bảo mật.\n"
            "2. Đặt mật khẩu mới.\n",
            "Các bước: thứ nhất, Mở ứng dụng. Chọn mục Cài đặt. Chọn Bảo mật. "
            "Thứ hai, Đặt mật khẩu mới.",
            id="steps-with-lettered-sentences",
        ),
        pytest.param(
            "Quy trình:\n\n1. Tiếp nhận\n    1. ghi sổ\n    2. báo cáo\n2. Xử lý\n",
            "Quy trình: thứ nhất, Tiếp nhận: ghi sổ, báo cáo. Thứ hai, Xử lý.",
            id="numbers-under-numbers",
        ),
        pytest.param(
            "Kế hoạch gồm:\n\n- Tuần tra ban đêm\n    - tại các xã;\n    - tại thị trấn.\n"
            "- Kiểm tra hành chính.\n",
            "Kế hoạch gồm: thứ nhất, Tuần tra ban đêm: tại các xã, tại thị trấn. "
            "Thứ hai, Kiểm tra hành chính.",
            id="bullets-under-an-item-without-colon",
        ),
        pytest.param(
            "Kế hoạch gồm:\n\n- Tuần tra ban đêm\n\t- tại các xã\n\t- tại thị trấn\n- Kiểm tra\n",
            "Kế hoạch gồm: thứ nhất, Tuần tra ban đêm: tại các xã, tại thị trấn. Thứ hai, Kiểm tra.",
            id="indented-with-tabs",
        ),
        pytest.param(
            "Kế hoạch gồm:\n\n- Tuần tra:\n    - ban đêm:\n        - tại các xã\n"
            "        - tại thị trấn\n    - ban ngày\n- Kiểm tra\n",
            "Kế hoạch gồm: thứ nhất, Tuần tra: ban đêm: tại các xã, tại thị trấn; ban ngày. "
            "Thứ hai, Kiểm tra.",
            id="three-levels",
        ),
        pytest.param(
            "Các bước:\n\n1. Mở ứng dụng. Đăng nhập:\n   - nhập số điện thoại;\n"
            "   - nhập mật khẩu.\n2. Chọn Cài đặt.\n",
            "Các bước: thứ nhất, Mở ứng dụng. Đăng nhập: nhập số điện thoại, nhập mật khẩu. "
            "Thứ hai, Chọn Cài đặt.",
            id="item-of-several-sentences",
        ),
    ],
)
def test_a_sub_list_stays_with_its_item_and_the_points_are_counted(
    source: str, expected: str
) -> None:
    """Read flat, «…: Tiếp nhận; ghi sổ; báo cáo; Xử lý.» gave the listener no way to tell
    the sub-steps of one step from the next step."""
    assert normalise(source).text == expected


def test_a_list_with_levels_and_no_lead_in_reads_its_colons_as_colons() -> None:
    """Without a sentence before it, the item «Tuần tra ban đêm:» became «Tuần tra ban đêm.»
    and its places sentences of their own: a full stop where the voice must stay up."""
    source = (
        "Mở đầu.\n\n### Khuyến cáo\n\n- Không chuyển tiền:\n    - cho người lạ\n"
        "    - qua ứng dụng lạ\n- Báo ngay 113\n"
    )
    assert normalise(source).text == (
        "Mở đầu.\n\nKhuyến cáo.\n\nThứ nhất, Không chuyển tiền: cho người lạ, qua ứng dụng lạ. "
        "Thứ hai, Báo ngay một một ba."
    )


def test_an_item_ending_in_a_colon_announces_the_items_typed_under_it_without_indent() -> None:
    """Indentation lost in a paste (or never typed): the items after «Ban đêm:» up to the next
    such label are its sub-items, not points of their own after «Ban đêm.». The list has no
    levels, so nothing is counted: label and value pairs («Địa chỉ: …», «Điện thoại: …») were
    read «Thứ nhất, Địa chỉ: …»."""
    source = "- Ban đêm:\n- tại các xã\n- tại thị trấn\n- Ban ngày:\n- tại chợ\n"
    assert normalise(source).text == "Ban đêm: tại các xã, tại thị trấn. Ban ngày: tại chợ."
    contact = "Liên hệ:\n\n- Địa chỉ:\n- số 5 Lê Lợi\n- Điện thoại:\n- 113\n"
    assert normalise(contact).text == ("Liên hệ: Địa chỉ: số năm Lê Lợi. Điện thoại: một một ba.")


def test_a_blank_line_between_items_keeps_them_one_list_after_the_colon() -> None:
    """A loose list (a blank line between items, one list on the website) read «Hồ sơ gồm:
    đơn đề nghị.» and then «Giấy khai sinh.» as a paragraph of its own; another kind of list
    after a blank line is still another list."""
    source = "Hồ sơ gồm:\n\n- đơn đề nghị;\n\n- giấy khai sinh.\n"
    assert normalise(source).text == "Hồ sơ gồm: đơn đề nghị; giấy khai sinh."
    nested = "Các bước:\n\n1. Mở ứng dụng\n\n    - chọn A\n    - chọn B\n\n2. Thoát\n"
    assert normalise(nested).text == (
        "Các bước: thứ nhất, Mở ứng dụng: chọn A, chọn B. Thứ hai, Thoát."
    )
    two_lists = "- Một\n- Hai\n\n1. Bước đầu\n2. Bước sau\n"
    assert normalise(two_lists).text == "Một. Hai.\n\nBước đầu. Bước sau."


def test_items_that_say_their_place_are_not_counted_again() -> None:
    """«Bước 1:», «Thứ nhất,» already tell the listener where a point starts."""
    source = "Kế hoạch gồm:\n\n1. Bước 1: tuần tra\n    - ban đêm\n2. Bước 2: kiểm tra\n"
    assert (
        normalise(source).text == "Kế hoạch gồm: Bước một: tuần tra: ban đêm. Bước hai: kiểm tra."
    )


def test_one_point_with_sub_items_is_not_counted() -> None:
    """«Thứ nhất» with no «thứ hai» after it promises a point that never comes."""
    source = "Kế hoạch gồm:\n\n- Tuần tra ban đêm:\n    - tại các xã\n    - tại thị trấn\n"
    assert normalise(source).text == "Kế hoạch gồm: Tuần tra ban đêm: tại các xã, tại thị trấn."


def test_a_flat_list_is_read_as_before() -> None:
    """No level, nothing said in addition: clauses after a colon joined with «;», items of a
    list without a lead-in each a sentence (R1.6 vector 8)."""
    assert normalise("Hồ sơ gồm:\n\n- đơn đề nghị;\n- giấy khai sinh.\n").text == (
        "Hồ sơ gồm: đơn đề nghị; giấy khai sinh."
    )
    assert normalise("- Bắt 3 đối tượng\n- Thu 2 xe\n").text == "Bắt ba đối tượng. Thu hai xe."


def test_a_flag_in_a_sub_item_names_its_own_line() -> None:
    source = "Kế hoạch gồm:\n\n- Tuần tra:\n    - tại xã A\n    - cùng CSXYZ\n- Kiểm tra\n"
    assert [(f.code, f.line) for f in normalise(source).flags] == [("R14.6", 5)]


def test_a_list_deeper_than_a_bulletin_may_be_is_read_without_error() -> None:
    """`publish speak` reads any text: 1,100 levels (past Python's recursion limit) are read
    at the 50 levels a bulletin may have (publish.nesting.MAX_DEPTH), not a traceback."""
    source = "".join("    " * level + "- mục\n" for level in range(1_100))
    text = normalise(source).text
    assert text.startswith("Mục: mục: mục") and text.count(":") == 49


def test_a_paragraph_indented_under_an_item_keeps_the_list_and_its_count() -> None:
    """A note indented under step 1 after a blank line (in step 1 on the website) ended the
    list: step 2 was announced «thứ nhất» and the note read as a paragraph of its own."""
    source = (
        "Các bước:\n\n1. Tuần tra\n    - ban đêm\n    - ban ngày\n\n    Lưu ý mang theo đèn.\n"
        "\n2. Kiểm tra\n    - tại chợ\n    - tại bến xe\n3. Báo cáo\n"
    )
    assert normalise(source).text == (
        "Các bước: thứ nhất, Tuần tra: ban đêm, ban ngày. Lưu ý mang theo đèn. "
        "Thứ hai, Kiểm tra: tại chợ, tại bến xe. Thứ ba, Báo cáo."
    )


def test_a_list_going_on_after_a_note_is_counted_from_its_own_number() -> None:
    """The website numbers the second part «3.», «4.» (`<ol start="3">`): «thứ nhất» there
    contradicted it."""
    source = "Văn bản:\n\n1. Một\n2. Hai\n\nGhi chú giữa.\n\n3. Ba\n    - x\n4. Bốn\n"
    assert normalise(source).text.split("\n\n")[-1] == "Thứ ba, Ba: x. Thứ tư, Bốn."


@pytest.mark.parametrize(
    ("source", "expected", "codes"),
    [
        pytest.param(
            "Mở đầu.\n\n- Tra cứu\n    - trên https://dichvucong.gov.vn\n    - tại trụ sở\n"
            "- Nộp hồ sơ\n",
            "Thứ nhất, Tra cứu: tại trụ sở. Thứ hai, Nộp hồ sơ.",
            [("R1.4", 4)],
            id="bare-url",
        ),
        pytest.param(
            "Mở đầu.\n\n- Chuẩn bị\n    - điền mẫu đơn\n"
            "    - xem hướng dẫn [tại đây](https://x.vn/a)\n- Nộp hồ sơ\n",
            "Thứ nhất, Chuẩn bị: điền mẫu đơn. Thứ hai, Nộp hồ sơ.",
            [("R1.3", 5)],
            id="call-to-action",
        ),
        pytest.param(
            "Mở đầu.\n\n- Chuẩn bị\n    - điền [mẫu đơn](https://x.vn/a)\n    - nộp lúc 7:30\n"
            "- Nộp hồ sơ\n",
            "Thứ nhất, Chuẩn bị: điền mẫu đơn, nộp lúc bảy giờ ba mươi phút. Thứ hai, Nộp hồ sơ.",
            [],
            id="colons-not-spoken",
        ),
    ],
)
def test_a_clause_not_read_on_air_goes_from_its_own_sub_item_only(
    source: str, expected: str, codes: list[tuple[str, int]]
) -> None:
    """Dropped from the joined point, a URL's clause took the item above it («Thứ nhất; tại trụ
    sở.») and a call to action the full stop before the next point («…: điền mẫu đơn; Thứ
    hai, …»); the «:» of a link's «https:» or of «7:30» made the sub-items' pause «;»."""
    spoken = normalise(source)
    assert spoken.text.split("\n\n")[-1] == expected
    assert [(f.code, f.line) for f in spoken.flags] == codes


@pytest.mark.parametrize(
    ("indent", "nested", "expected"),
    [
        ("  ", False, "Tuần tra. Ban đêm. Kiểm tra."),
        ("   ", False, "Tuần tra. Ban đêm. Kiểm tra."),
        ("    ", True, "Thứ nhất, Tuần tra: ban đêm. Thứ hai, Kiểm tra."),
        ("\t", True, "Thứ nhất, Tuần tra: ban đêm. Thứ hai, Kiểm tra."),
    ],
)
def test_the_radio_reads_the_levels_the_website_shows(
    indent: str, nested: bool, expected: str
) -> None:
    """The website (Python-Markdown, sane_lists) nests a sub-list at 4 spaces or a Tab; at 2 it
    shows one flat list, and the radio read a level no reader saw."""
    source = f"- Tuần tra\n{indent}- ban đêm\n- Kiểm tra\n"
    page = MarkdownRenderer().convert(source, lookup=lambda src: None)
    assert (page.count("<ul>") == 2) is nested
    assert normalise(source).text == expected


def test_an_item_ending_in_a_colon_announces_the_list_after_a_blank_line() -> None:
    """`1. Các dấu hiệu:`, a blank line, then bullets indented 3: the website shows two lists
    (another kind of mark, not indented enough to nest), and the radio read the first apart,
    its colon made a full stop: «Các dấu hiệu. Nhắn tin lạ. Gọi video giả.» (R1.6)."""
    source = (
        "1. Các dấu hiệu:\n\n   - nhắn tin lạ\n   - gọi video giả\n\n"
        "2. Cách phòng tránh:\n\n   - không chuyển tiền\n"
    )
    page = MarkdownRenderer().convert(source, lookup=lambda src: None)
    assert page.count("<ol") == 2 and page.count("<ul>") == 2
    assert normalise(source).text == (
        "Các dấu hiệu: nhắn tin lạ; gọi video giả.\n\nCách phòng tránh: không chuyển tiền."
    )


def test_a_list_read_on_from_a_lead_in_announces_no_list_after_it() -> None:
    """Its lead-in's colon read the first list on; the second list's own item announces what
    follows it. The last item of the first list, ending in a word, was taken for a lead-in
    whose colon was forgotten: «… gọi video giả: Cách phòng tránh: …»."""
    source = (
        "Người dân lưu ý:\n\n1. Các dấu hiệu:\n\n   - nhắn tin lạ\n   - gọi video giả\n\n"
        "2. Cách phòng tránh:\n\n   - không chuyển tiền\n"
    )
    assert normalise(source).text == (
        "Người dân lưu ý: Các dấu hiệu: nhắn tin lạ; gọi video giả.\n\n"
        "Cách phòng tránh: không chuyển tiền."
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "Khi nhận cuộc gọi lạ, người dân cần:\n\n- không tin, và\n"
            "- không làm theo yêu cầu của đối tượng.\n",
            "Khi nhận cuộc gọi lạ, người dân cần: không tin, và không làm theo yêu cầu của đối "
            "tượng.",
            id="va-after-a-comma",
        ),
        pytest.param(
            "Người dân cần:\n\n- không cung cấp mã OTP;\n- không chuyển tiền; hoặc\n"
            "- báo ngay cho Công an xã.\n",
            "Người dân cần: không cung cấp mã OTP; không chuyển tiền; hoặc báo ngay cho Công an "
            "xã.",
            id="hoac-after-a-semicolon",
        ),
        pytest.param(
            "Kế hoạch gồm:\n\n- Tuần tra ban đêm:\n    - tại các xã, và\n    - tại thị trấn\n"
            "- Kiểm tra hành chính.\n",
            "Kế hoạch gồm: thứ nhất, Tuần tra ban đêm: tại các xã, và tại thị trấn. Thứ hai, "
            "Kiểm tra hành chính.",
            id="in-a-sub-list",
        ),
    ],
)
def test_an_item_ending_in_a_connector_runs_into_the_next(source: str, expected: str) -> None:
    """«không tin, và; không làm theo»: the pause between two items came after the «và» that
    joins them, where a presenter says none."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    "marks",
    [
        ("1\ufe0f\u20e3", "2\ufe0f\u20e3", "3\ufe0f\u20e3"),
        ("1\u20e3", "2\u20e3", "3\u20e3"),
        ("8\ufe0f\u20e3", "9\ufe0f\u20e3", "\U0001f51f"),
        ("9\ufe0f\u20e3", "1\ufe0f\u20e30\ufe0f\u20e3", "1\ufe0f\u20e31\ufe0f\u20e3"),
    ],
    ids=["keycaps", "keycaps-without-selector", "ten-as-one-emoji", "ten-in-two-keycaps"],
)
@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["under-the-lead-in", "after-a-blank-line"])
def test_steps_numbered_with_keycap_emoji_are_read_as_numbered_lines(
    marks: tuple[str, str, str], gap: str
) -> None:
    """QA s77: «1️⃣ Tải ứng dụng VNeID⏎2️⃣ Chọn đăng ký» of a post was read «… VNeID hai, Chọn
    …», each step's number running on from the line before with no pause; now read as «1) …»
    lines are, the marks not read and a pause between the steps."""
    steps = ("Tải ứng dụng VNeID", "Chọn đăng ký tài khoản", "Nhập số định danh")
    keycaps = "".join(f"{mark} {step}\n" for mark, step in zip(marks, steps, strict=True))
    numbered = "".join(f"{n}) {step}\n" for n, step in enumerate(steps, 1))
    said = normalise(f"Các bước:{gap}{keycaps}").text
    assert said == "Các bước: Tải ứng dụng VNeID; Chọn đăng ký tài khoản; Nhập số định danh."
    assert said == normalise(f"Các bước:{gap}{numbered}").text


def test_a_number_written_in_keycaps_inside_a_line_is_still_read() -> None:
    assert normalise("Gọi ngay 1️⃣1️⃣3️⃣ khi cần.").text == "Gọi ngay một một ba, khi cần."


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("5\ufe0f\u20e3 phút nữa thì đến.", "Năm, phút nữa thì đến."),
        (
            "Lưu ý:\n\n3\ufe0f\u20e3 điều cần biết khi dùng VNeID:\n- Không chia sẻ mã OTP.",
            "Lưu ý: ba, điều cần biết khi dùng VNeID: Không chia sẻ mã OTP.",
        ),
    ],
)
def test_a_keycap_opening_a_line_alone_says_its_number(source: str, expected: str) -> None:
    """Review of session 77: one keycap at a line's start («5️⃣ phút nữa», «3️⃣ điều cần biết»)
    was taken for a step's mark and its number not read, while the page shows it. Only lines
    next to another such line are a post's steps."""
    assert normalise(source).text == expected


def test_keycap_steps_a_blank_line_apart_are_steps_too() -> None:
    keycaps = "Các bước:\n\n1\ufe0f\u20e3 Tải ứng dụng\n\n2\ufe0f\u20e3 Chọn đăng ký\n"
    numbered = "Các bước:\n\n1) Tải ứng dụng\n\n2) Chọn đăng ký\n"
    assert normalise(keycaps).text == normalise(numbered).text


def test_keycap_steps_in_a_quotation_are_steps_too() -> None:
    """Review of session 77: the steps' neighbours were looked for with the «>» still on, so
    each quoted step said its number, running on from the one before."""
    keycaps = "Các bước:\n\n> 1\ufe0f\u20e3 Tải ứng dụng\n> 2\ufe0f\u20e3 Chọn đăng ký\n"
    numbered = "Các bước:\n\n> 1) Tải ứng dụng\n> 2) Chọn đăng ký\n"
    assert normalise(keycaps).text == normalise(numbered).text
    apart = "Các bước:\n\n> 1\ufe0f\u20e3 Tải ứng dụng\n>\n> 2\ufe0f\u20e3 Chọn đăng ký\n"
    said = normalise(apart).text
    assert "Tải ứng dụng" in said and "Một" not in said and "Hai" not in said, said
