"""A section's or a point's own mark as a presenter says it (publish.radio.marks): bulletins
pasted from reports number sections «I., II.», points «1.» or «1)» and sub-points «a), b)», in
list items, headings and lines of their own, and the script read them as written («một Tuần
tra», «I. TÌNH HÌNH», said «i»). Each test reads a whole bulletin body through `normalise`, as
the build does.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.radio.markdown import byline
from publish.radio.normalise import SpeakOptions, normalise
from publish.render.radio import episode
from tests.helpers import FIXTURES


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("1) Tuần tra", "2) Kiểm tra", "Kế hoạch: thứ nhất, Tuần tra: ban đêm. Thứ hai, Kiểm tra."),
        ("**1.** Tuần tra", "**2.** Kiểm tra", "Kế hoạch: thứ nhất, Tuần tra: ban đêm. Thứ hai, Kiểm tra."),
        ("I. Tuần tra", "II. Kiểm tra", "Kế hoạch: thứ nhất, Tuần tra: ban đêm. Thứ hai, Kiểm tra."),
        ("**I. Tuần tra**", "**II. Kiểm tra**", "Kế hoạch: thứ nhất, Tuần tra: ban đêm. Thứ hai, Kiểm tra."),
        ("a) Tuần tra", "b) Kiểm tra", "Kế hoạch: thứ nhất, Tuần tra: ban đêm. Thứ hai, Kiểm tra."),
        ("**A.** Tuần tra", "**B.** Kiểm tra", "Kế hoạch: thứ nhất, Tuần tra: ban đêm. Thứ hai, Kiểm tra."),
        ("3) Tuần tra", "4) Kiểm tra", "Kế hoạch: thứ ba, Tuần tra: ban đêm. Thứ tư, Kiểm tra."),
    ],
)  # fmt: skip
def test_an_item_s_own_mark_gives_its_place_once_in_words(
    first: str, second: str, expected: str
) -> None:
    """«- 1) Tuần tra» was read «một Tuần tra», «- I. Tuần tra» «I. Tuần tra» (a presenter or
    a TTS says «i»), «- a)» «a Tuần tra»: the list says the place, as it does for «1.» items."""
    source = f"Kế hoạch:\n\n- {first}\n    - ban đêm\n- {second}\n"
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Kế hoạch:\n\n- V. Tuần tra\n- X. Kiểm tra\n", "Kế hoạch: Tuần tra; Kiểm tra."),
        ("Kế hoạch:\n\n- V. Tuần tra\n    - ban đêm\n- X. Kiểm tra\n", "Kế hoạch: thứ nhất, Tuần tra: ban đêm. Thứ hai, Kiểm tra."),
        ("Kế hoạch:\n\n- IV. Tuần tra\n    - ban đêm\n- V. Kiểm tra\n", "Kế hoạch: thứ tư, Tuần tra: ban đêm. Thứ năm, Kiểm tra."),
    ],
)  # fmt: skip
def test_a_list_lettered_v_x_is_read_as_letters(source: str, expected: str) -> None:
    """«- V. Tuần tra», «- X. Kiểm tra» was judged the Roman five and ten, out of order, so the
    marks stayed: «V. Tuần tra. Xã Kiểm tra» (R14.3 read «X.» as a commune). Letters next in
    the alphabet (W is no Vietnamese letter) letter the list; Roman numerals one up still count."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    "marks",
    [
        ("I.", "II.", "III."),
        ("a)", "b)", "c)"),
        ("1)", "2)", "3)"),
        ("A.", "B.", "C."),
        ("H.", "I.", "K."),
        ("D.", "Đ.", "E."),
        ("D.", "E.", "G."),
        ("IV.", "V.", "VI."),
        ("I-", "II-", "III-"),
        ("1.1.", "1.2.", "1.3."),
    ],
)
def test_a_flat_list_s_own_marks_are_not_read_as_its_list_marks_are_not(
    marks: tuple[str, ...],
) -> None:
    """«- I. Tuần tra» in a flat list was read «I. Tuần tra. II. Kiểm tra.»: it reads as the
    same list written with the list's own marks («1)», «a)»), item by item."""
    items = ("Tuần tra", "Kiểm tra", "Xử lý")
    source = "Kế hoạch:\n\n" + "".join(f"- {m} {t}\n" for m, t in zip(marks, items, strict=True))
    assert normalise(source).text == "Kế hoạch: Tuần tra; Kiểm tra; Xử lý."


def test_a_sub_item_s_letter_is_not_read() -> None:
    """A sub-point's letter tells the listener nothing (it cites the paper): «ban đêm, ban ngày»,
    never «a ban đêm, b ban ngày»."""
    source = "Kế hoạch:\n\n- Tuần tra:\n    - a) ban đêm\n    - b) ban ngày\n- Kiểm tra\n"
    assert normalise(source).text == (
        "Kế hoạch: thứ nhất, Tuần tra: ban đêm, ban ngày. Thứ hai, Kiểm tra."
    )


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("## I. Tình hình", "Phần một: Tình hình."),
        ("**II. KẾT QUẢ**", "Phần hai: KẾT QUẢ."),
        ("### **IV.** Kiến nghị", "Phần bốn: Kiến nghị."),
        ("III. CÔNG TÁC PHÒNG NGỪA", "Phần ba: CÔNG TÁC PHÒNG NGỪA."),
        ("## 1. Về công tác tuần tra", "Thứ nhất, Về công tác tuần tra."),
        ("**2) Về công tác kiểm tra**", "Thứ hai, Về công tác kiểm tra."),
        ("### a) Ban đêm", "Ban đêm."),
        ("A. PHẦN MỞ ĐẦU", "PHẦN MỞ ĐẦU."),
        ("C. Kết luận", "Kết luận."),
        ("A. Tình hình - kết quả", "Tình hình, kết quả."),
        ("I- TÌNH HÌNH CHUNG", "Phần một: TÌNH HÌNH CHUNG."),
        ("## II – Kết quả", "Phần hai: Kết quả."),
        ("**III - KIẾN NGHỊ**", "Phần ba: KIẾN NGHỊ."),
        ("1.1. Tuần tra ban đêm", "Tuần tra ban đêm."),
        ("## 2.3) Kiểm tra", "Kiểm tra."),
    ],
)
def test_a_heading_s_own_mark_is_said_as_its_place(heading: str, expected: str) -> None:
    """«## I. Tình hình», «**II. KẾT QUẢ**», a line «III. CÔNG TÁC …» were read «I. Tình hình»
    (said «i»); a Roman numeral opening a heading is a part («Phần một»), a number the place
    («Thứ nhất»), a letter nothing. «C.» after «A., B.» is a letter, not a hundred."""
    source = f"# Tiêu đề\n\nMở đầu.\n\n{heading}\n\nNội dung.\n"
    assert normalise(source).text == f"Mở đầu.\n\n{expected}\n\nNội dung."


def test_a_marked_heading_ending_in_a_colon_announces_its_list_and_says_its_place() -> None:
    """The heading joined with the list it announces still says its mark, and no two colons."""
    source = "# T\n\nMở đầu.\n\nI. KẾ HOẠCH:\n\n- Tuần tra\n- Kiểm tra\n\n## 2. Lịch:\n\n- Sáng\n"
    assert normalise(source).text == (
        "Mở đầu.\n\nPhần một, KẾ HOẠCH: Tuần tra; Kiểm tra.\n\nThứ hai, Lịch: Sáng."
    )


def test_read_title_says_a_heading_s_mark_too() -> None:
    """`--read-title` reads the headings: their marks as a presenter says them."""
    spoken = normalise(
        "## I. Tình hình\n\nNội dung.\n\n## II. Kết quả\n", options=SpeakOptions(read_title=True)
    )
    assert spoken.text == "Phần một: Tình hình\n\nNội dung.\n\nPhần hai: Kết quả"
    assert spoken.title == "I. Tình hình"  # shown as written, as on the website


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Khen thưởng:\n\n- B. Hùng - Công an xã\n- C. Lan - Đội CSGT\n", "Khen thưởng: B. Hùng, Công an xã. C. Lan, Đội Cảnh sát giao thông."),
        ("Khen thưởng:\n\n- B. Hùng\n- C. Lan\n", "Khen thưởng: B. Hùng. C. Lan."),
        ("Bị bắt:\n\n- A. Tuấn (Đoàn xã)\n- B. Thanh Tùng\n", "Bị bắt: A. Tuấn, Đoàn xã. B. Thanh Tùng."),
        ("Bị bắt:\n\n- A. Nguyễn Văn Hùng\n- B. Trần Thị Lan\n", "Bị bắt: Nguyễn Văn Hùng; Trần Thị Lan."),
        ("Kế hoạch:\n\n- A. Tuần tra\n- B. Kiểm tra\n", "Kế hoạch: Tuần tra; Kiểm tra."),
    ],
)  # fmt: skip
def test_names_whose_initials_follow_in_the_alphabet_keep_them(source: str, expected: str) -> None:
    """«- B. Hùng», «- C. Lan» was taken for a list lettered «B., C.» and read «Hùng; Lan»: a
    listener lost the initials that tell two people apart. A lettered list of points («A.
    Tuần tra») still loses its letters."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("- H. Thanh Tùng - Công an xã\n", "H. Thanh Tùng, Công an xã."),
        ("Khen thưởng:\n\n- H. Thanh Tùng - Công an xã\n- X. Văn An - Đội CSGT\n", "Khen thưởng: H. Thanh Tùng, Công an xã. X. Văn An, Đội Cảnh sát giao thông."),
        ("- **P. Minh Châu** (Đoàn xã)\n- T. Lan\n", "P. Minh Châu, Đoàn xã. T. Lan."),
        # The same letters in running text, or a list of places, still name a place.
        ("Đoàn công tác về H. Châu Thành kiểm tra.\n", "Đoàn công tác về huyện Châu Thành kiểm tra."),
        ("- H. Thanh Tùng - Công an xã\n- Đoàn về H. Châu Thành\n", "H. Thanh Tùng, Công an xã. Đoàn về huyện Châu Thành."),
        ("Số vụ:\n\n- H. Châu Thành: 5 vụ\n- H. Lấp Vò: 3 vụ\n", "Số vụ: huyện Châu Thành: năm vụ. Huyện Lấp Vò: ba vụ."),
    ],
)  # fmt: skip
def test_a_list_of_names_keeps_a_two_word_given_name_s_initial(source: str, expected: str) -> None:
    """«- H. Thanh Tùng - Công an xã» in a list of names was read «huyện Thanh Tùng»: with two
    words after it the initial was taken for a district's prefix (R14.3). The list being one of
    names (marks.names_a_person), its items' initials stay; running text is read as before."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Ông V. cho biết đã nộp đơn.\n", "Ông V. cho biết đã nộp đơn."),
        # A signature alone on the last line is not read at all (session 34), nor «Phần năm».
        ("Mở đầu.\n\nV. Hùng\n", "Mở đầu."),
        ("Mở đầu.\n\n**V. Hùng**\n", "Mở đầu."),
        ("Mở đầu.\n\nX. Tân Lập\n", "Mở đầu.\n\nXã Tân Lập."),  # R14.3, no section ten
        ("Bị bắt:\n\n- V. Hùng\n- Nguyễn Văn A\n", "Bị bắt: V. Hùng. Nguyễn Văn A."),
        ("Bị bắt:\n\n- V. Hùng\n- T. Lan\n", "Bị bắt: V. Hùng. T. Lan."),
        # With the writer's unit too, a signature (session 34, fixer Q): the header has it.
        ("Mở đầu.\n\nV. Hùng - Công an xã Tân Bình\n", "Mở đầu."),
        ("Mở đầu.\n\nX. Hoà - Công an huyện\n", "Mở đầu."),
        ("Mở đầu.\n\nT. Lan – Công an xã Tân Bình\n", "Mở đầu."),
        ("Mở đầu.\n\nV. Hùng, Công an xã Tân Bình\n", "Mở đầu."),
        ("Mở đầu.\n\nT. Lan (Đoàn xã)\n", "Mở đầu."),  # in brackets too (session 37)
        ("Mở đầu.\n\nT. Lan (Đoàn xã)\n\nHết.\n", "Mở đầu.\n\nT. Lan, Đoàn xã.\n\nHết."),
        ("Tổng kết lần thứ I.\n", "Tổng kết lần thứ nhất."),
        ("Thu giữ:\n\n- 1.200.000 đồng\n- 2.5 tấn gạo\n", "Thu giữ: một triệu hai trăm nghìn đồng; hai phẩy năm tấn gạo."),
        ("I. Tình hình chung: trong tuần xảy ra hai vụ.\n", "I. Tình hình chung: trong tuần xảy ra hai vụ."),
    ],
)  # fmt: skip
def test_an_initial_or_a_numeral_in_running_text_is_not_taken_for_a_mark(
    source: str, expected: str
) -> None:
    """A name's initial («V. Hùng», a byline on its own line, with its unit after a dash or a
    comma) is no section five, and only a heading, a line of its own or a list item opens with a
    mark; running text keeps R11's trigger words."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "**1. Về công tác tuần tra:** Trong tuần đã tổ chức 5 đợt.",
            "Thứ nhất, Về công tác tuần tra: Trong tuần đã tổ chức năm đợt.",
        ),
        ("*2) Về công tác kiểm tra:* đã kiểm tra.", "Thứ hai, Về công tác kiểm tra: đã kiểm tra."),
        ("**a) Tuần tra:** Trong tuần đã tổ chức 5 đợt.", "Tuần tra: Trong tuần đã tổ chức năm đợt."),
        ("**I. TÌNH HÌNH:** Trong tuần ổn định.", "Phần một, TÌNH HÌNH: Trong tuần ổn định."),
        ("**V. Hùng** cho biết đã nộp đơn.", "V. Hùng cho biết đã nộp đơn."),
        ("**I- TÌNH HÌNH:** Trong tuần ổn định.", "Phần một, TÌNH HÌNH: Trong tuần ổn định."),
        ("**1.1. Về tuần tra:** Trong tuần.", "Về tuần tra: Trong tuần."),
        ("**Lưu ý:** 1. Không.", "Lưu ý: một. Không."),
    ],
)  # fmt: skip
def test_a_paragraph_s_bold_lead_in_says_its_mark_as_a_heading_does(
    paragraph: str, expected: str
) -> None:
    """Reports run a point's heading into its paragraph in bold («**1. Về công tác tuần
    tra:** Trong tuần …»): it was read «Một. Về công tác…», «A Tuần tra:», «I. TÌNH HÌNH:». A
    bold name («**V. Hùng**») or a number later in the paragraph is no mark."""
    assert normalise(f"# Tiêu đề\n\nMở đầu.\n\n{paragraph}\n").text == f"Mở đầu.\n\n{expected}"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (("C. Tuấn", "V. Hùng"), "Bị bắt: C. Tuấn. V. Hùng."),
        (("A. Tuấn", "L. Lan", "T. Minh"), "Bị bắt: A. Tuấn. L. Lan. T. Minh."),
        (("Đ. Hùng", "T. Lan"), "Bị bắt: Đ. Hùng. T. Lan."),
        (("I. Hùng", "V. Lan"), "Bị bắt: I. Hùng. V. Lan."),
    ],
)
def test_a_list_of_names_keeps_initials_that_rise_but_skip_letters(
    names: tuple[str, ...], expected: str
) -> None:
    """Initials rising by chance («C.», «V.»; «I.», «V.» read as numerals) were taken for a
    list's own marks and dropped («Tuấn; Hùng.»): a list's marks go one letter or one numeral
    at a time."""
    source = "Bị bắt:\n\n" + "".join(f"- {name}\n" for name in names)
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("V. Hùng nhận bằng khen", "Tin: V. Hùng nhận bằng khen"),
        ("I. Tình hình an ninh tuần qua", "Tin: I. Tình hình an ninh tuần qua"),
    ],
)
def test_a_title_read_on_air_opens_no_section(tmp_path: Path, title: str, said: str) -> None:
    """With `read_title`, a title «V. Hùng nhận bằng khen» was read «Tin: Phần năm: Hùng nhận
    bằng khen», «I. …» «Tin: Phần một: …»: a bulletin's headline is no section of a report,
    and a name's initial opens it more often than a numeral."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root, ignore=shutil.ignore_patterns(".cache"))
    (root / "content/bai-viet/2024-12-02-khen-thuong.md").write_text(
        f'---\ntitle: "{title}"\ndate: 2024-12-02 08:00\ncategory: an-ninh-trat-tu\n'
        'summary: "Khen thưởng."\napproved_by: "Thượng tá Nguyễn Văn Hùng"\n'
        "radio: {read_title: true}\n---\n\nCông an huyện khen thưởng tổ tuần tra.\n",
        "utf-8",
    )
    episode._last.clear()
    build = ["build", "--root", str(root), "--now", "2024-12-20 12:00", "-q", "--channel", "radio"]
    assert main(build) == 0
    script = (root / "output/radio/items/khen-thuong.txt").read_text("utf-8")
    assert said + "." in script.splitlines()


@pytest.mark.parametrize(
    "heading",
    ["## Khen thưởng tổ tuần tra", "**KHEN THƯỞNG TỔ TUẦN TRA**", "### Khen thưởng tổ tuần tra!"],
)
def test_a_title_read_on_air_is_not_read_again_where_the_body_repeats_it(
    tmp_path: Path, heading: str
) -> None:
    """With `read_title: true`, a heading repeating the title after the body's first paragraph
    was read as a sub-heading: the station's script said the title twice, while `publish speak
    --read-title` said it once."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root, ignore=shutil.ignore_patterns(".cache"))
    source = root / "content/bai-viet/2024-12-02-khen-thuong.md"
    source.write_text(
        '---\ntitle: "Khen thưởng tổ tuần tra"\ndate: 2024-12-02 08:00\n'
        'category: an-ninh-trat-tu\nsummary: "Khen thưởng."\n'
        'approved_by: "Thượng tá Nguyễn Văn Hùng"\nradio: {read_title: true}\n---\n\n'
        f"Công an huyện khen thưởng.\n\n{heading}\n\nTổ tuần tra được tặng giấy khen.\n",
        "utf-8",
    )
    episode._last.clear()
    build = ["build", "--root", str(root), "--now", "2024-12-20 12:00", "-q", "--channel", "radio"]
    assert main(build) == 0
    script = (root / "output/radio/items/khen-thuong.txt").read_text("utf-8")
    read = script.split("-" * 20)[-1]
    assert read.lower().count("khen thưởng tổ tuần tra") == 1


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("I. TÌNH HÌNH CHUNG\nTrong tuần, có mưa.\n", "Phần một: TÌNH HÌNH CHUNG.\n\nTrong tuần, có mưa."),
        ("Mở đầu.\n\n**II. KẾT QUẢ**\nTrong tuần, có mưa.\n", "Mở đầu.\n\nPhần hai: KẾT QUẢ.\n\nTrong tuần, có mưa."),
        ("Mở đầu.\n\nB. Kết quả\nTrong tuần, có mưa.\n", "Mở đầu.\n\nKết quả.\n\nTrong tuần, có mưa."),
        ("Mở đầu.\n\nI. TÌNH HÌNH\nCHUNG\n\nTrong tuần, có mưa.\n", "Mở đầu.\n\nPhần một: TÌNH HÌNH CHUNG.\n\nTrong tuần, có mưa."),
        ("Mở đầu.\n\nI. Trong tuần, Công an xã\nTân Bình tuần tra.\n", "Mở đầu.\n\nI. Trong tuần, Công an xã Tân Bình tuần tra."),
        ("Mở đầu.\n\nV. Hùng\nCông an xã Tân Bình\n", "Mở đầu.\n\nV. Hùng Công an xã Tân Bình."),
    ],
)  # fmt: skip
def test_a_heading_line_typed_on_its_text_is_read_as_a_heading(source: str, expected: str) -> None:
    """«I. TÌNH HÌNH CHUNG» with no blank line before its text was read «I. TÌNH HÌNH CHUNG
    Trong tuần…» (the website joins the lines into one paragraph): a presenter reads the
    heading, then the text. A sentence wrapped onto a name stays one, and a byline «V. Hùng»
    over its unit's line is no «Phần năm: Hùng Công an xã Tân Bình»."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Mở đầu.\n\nV. Kết quả tuần tra\n\nNội dung.\n\nX. Phương hướng\n\nTiếp tục.\n", "Mở đầu.\n\nKết quả tuần tra.\n\nNội dung.\n\nPhương hướng.\n\nTiếp tục."),
        ("Mở đầu.\n\n## V. Kết quả tuần tra\n\nNội dung.\n\n## X. Phương hướng\n\nTiếp tục.\n", "Mở đầu.\n\nKết quả tuần tra.\n\nNội dung.\n\nPhương hướng.\n\nTiếp tục."),
        # Numerals one up, or a single heading, are parts as before.
        ("Mở đầu.\n\nIX. Kết quả tuần tra\n\nNội dung.\n\nX. Phương hướng\n\nTiếp tục.\n", "Mở đầu.\n\nPhần chín: Kết quả tuần tra.\n\nNội dung.\n\nPhần mười: Phương hướng.\n\nTiếp tục."),
        ("Mở đầu.\n\nI. Tình hình chung\n\nNội dung.\n\nII. Kết quả\n\nNội dung.\n\nIII. Phương hướng\n\nTiếp tục.\n", "Mở đầu.\n\nPhần một: Tình hình chung.\n\nNội dung.\n\nPhần hai: Kết quả.\n\nNội dung.\n\nPhần ba: Phương hướng.\n\nTiếp tục."),
        ("Mở đầu.\n\nV. Kết quả tuần tra\n\nNội dung.\n", "Mở đầu.\n\nPhần năm: Kết quả tuần tra.\n\nNội dung."),
    ],
)  # fmt: skip
def test_headings_v_and_x_apart_are_read_as_letters_as_in_a_list(
    source: str, expected: str
) -> None:
    """«V. …» and later «X. …», each a heading of its own, were read one at a time «Phần năm»,
    «Phần mười»: a fifth and a tenth part with none between. Together they go as letters
    («U., V., X.»), as a list's items «V., X.» are read; «I., II., III.» are still parts."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Mở đầu.\n\n**U. Tình hình:** Tốt.\n\n**V. Kết quả:** Tốt.\n\n**X. Phương hướng:** Tiếp tục.\n", "Mở đầu.\n\nTình hình: Tốt.\n\nKết quả: Tốt.\n\nPhương hướng: Tiếp tục."),
        ("Mở đầu.\n\n**V. Kết quả:** Tốt.\n\n**X. Phương hướng:** Tiếp tục.\n", "Mở đầu.\n\nKết quả: Tốt.\n\nPhương hướng: Tiếp tục."),
        ("Mở đầu.\n\nU. Tình hình\n\nNội dung.\n\n**V. Kết quả:** Tốt.\n", "Mở đầu.\n\nTình hình.\n\nNội dung.\n\nKết quả: Tốt."),
        # Numerals one up, or a lead-in alone, are parts as before.
        ("Mở đầu.\n\n**IV. Kết quả:** Tốt.\n\n**V. Phương hướng:** Tiếp tục.\n", "Mở đầu.\n\nPhần bốn, Kết quả: Tốt.\n\nPhần năm, Phương hướng: Tiếp tục."),
        ("Mở đầu.\n\n**V. Kết quả:** Tốt.\n", "Mở đầu.\n\nPhần năm, Kết quả: Tốt."),
    ],
)  # fmt: skip
def test_bold_lead_ins_v_and_x_are_read_as_letters_with_their_section(
    source: str, expected: str
) -> None:
    """«**V. Kết quả:** …» after «**U. …**» or a heading «U. …», and «**X. …**» after it, were
    read «Phần năm», «Phần mười»: a lead-in was judged alone, where a heading line «V.» is
    judged with the others. Lead-ins go with each other and with the headings."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Kế hoạch:\n\n- A. Trộm\n- B. Cướp\n", "Kế hoạch: Trộm; Cướp."),
        ("Các loại:\n\n- A. Trộm\n- B. Cướp\n- C. Lừa đảo\n", "Các loại: Trộm; Cướp; Lừa đảo."),
        # Initials not from «A.», or a name with its unit, are names as before.
        ("Khen thưởng:\n\n- B. Hùng\n- C. Lan\n", "Khen thưởng: B. Hùng. C. Lan."),
        ("Bị bắt:\n\n- A. Tuấn (Đoàn xã)\n- B. Lan\n", "Bị bắt: A. Tuấn, Đoàn xã. B. Lan."),
        ("Bị bắt:\n\n- A. Tuấn\n- C. Lan\n", "Bị bắt: A. Tuấn. C. Lan."),
    ],
)  # fmt: skip
def test_a_list_lettered_from_a_with_one_word_points_loses_its_letters(
    source: str, expected: str
) -> None:
    """«- A. Trộm», «- B. Cướp» was read «A. Trộm. B. Cướp.», the letters said on air, where
    «- A. Trộm cắp tài sản» loses them: one word after a capital looked like a given name.
    Marks running «A., B., C.» from «A.» letter a list (a surname seldom starts with «A»)."""
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("heading", "read"),
    [
        ("## Cảnh bào thủ đoạn lừa đảo", True),
        ("## Cảnh bảo thủ đoạn lừa đảo", True),
        ("## Cảnh báo thủ đoạn lừa đảo!", False),
        ("**CẢNH BÁO THỦ ĐOẠN LỪA ĐẢO**", False),
        ("## Canh bao thu doan lua dao", False),
    ],
)
def test_a_sub_heading_differing_from_the_title_by_its_tones_is_read(
    heading: str, read: bool
) -> None:
    """Tones tell Vietnamese words apart, and the title match ignored them: a sub-heading
    differing from the title only by a tone was taken for the title and not read. Case,
    punctuation, Markdown marks, and a heading typed without any diacritic still match."""
    title = "Cảnh báo thủ đoạn lừa đảo"
    source = f"Mở đầu.\n\n{heading}\n\nNội dung.\n"
    spoken = normalise(source, title=title).text
    assert (spoken != "Mở đầu.\n\nNội dung.") is read


@pytest.mark.parametrize(
    ("source", "author", "credit"),
    [
        ("Thu Hà - Công an xã Tân Phú", "", "Tác giả: Thu Hà - Công an xã Tân Phú"),
        ("Thu Hà - Công an xã Tân Phú", "Nguyễn Thu Hà", "Tác giả: Thu Hà - Công an xã Tân Phú"),
        ("V. Hùng, Công an xã Tân Bình", "", "Tác giả: V. Hùng - Công an xã Tân Bình"),
    ],
)
def test_a_last_line_of_a_name_and_its_unit_is_a_signature_not_read(
    source: str, author: str, credit: str
) -> None:
    """«Thu Hà - Công an xã Tân Phú» alone on the last line was read on air «Thu Hà, Công an
    xã Tân Phú.»: the writer's signature, as «Thu Hà» alone is. It goes to the header, with the
    R1.5 warning when no `author` names it; other lines are still read."""
    text = f"Mở đầu.\n\n{source}\n"
    spoken = normalise(text, author=author)
    assert spoken.text == "Mở đầu."
    assert byline(text, author=author) == credit
    assert [f.code for f in spoken.flags] == ([] if author else ["R1.5"])
    assert normalise("Mở đầu.\n\nThu Hà - Công an xã Tân Phú\n", author="Lê Văn Nam").text == (
        "Mở đầu.\n\nThu Hà, Công an xã Tân Phú."
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Đề nghị nhân dân cảnh giác.\n\nTrân trọng thông báo./.\n", "Đề nghị nhân dân cảnh giác.\n\nTrân trọng thông báo."),
        ("Đề nghị các cơ quan phối hợp thực hiện. /.\n", "Đề nghị các cơ quan phối hợp thực hiện."),
        ("Mọi thông tin xin báo Công an xã./.”\n", "Mọi thông tin xin báo Công an xã.”"),
    ],
)  # fmt: skip
def test_an_official_notice_s_end_mark_is_read_as_its_stop(source: str, expected: str) -> None:
    """«./.», how an official notice ends («Trân trọng thông báo./.»), held the bulletin off the
    air: Q2 «Còn ký hiệu không đọc được: «báo./.»». It is the notice's full stop."""
    result = normalise(source)
    assert result.text == expected
    assert not [f for f in result.flags if f.code == "Q2"]
