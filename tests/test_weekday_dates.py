"""A day of the week written with a date it is not («thứ Sáu (31/12/2026)»: a Thursday): a
warning of the load (`publish check`, an error under --strict) and a read-aloud flag that holds
the script (Q5), at the line; a day that matches, or a list, range, ordinal or lunar date, is
never told."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.radio.flags import BLOCKING
from publish.radio.normalise import normalise
from publish.weekday_dates import mismatches
from tests.helpers import NOW, bulletin_md, make_project

LATER = dt.datetime(2026, 12, 8, 9, 0, tzinfo=NOW.tzinfo)
"""After the bulletins of these tests are dated."""

NEAR = dt.date(2026, 12, 7)
FIRST = 9
"""The body's first line in a file `bulletin_md` writes."""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Sáng thứ Sáu (31/12/2026) tổ chức họp.",
            "«thứ Sáu (31/12/2026)»: 31/12/2026 là thứ Năm, không phải thứ Sáu; sửa thứ hoặc ngày",
        ),
        (
            "Thứ Sáu, ngày 31/12/2026, tổ chức họp.",
            "«Thứ Sáu, ngày 31/12/2026»: 31/12/2026 là thứ Năm, không phải thứ Sáu; sửa thứ hoặc "
            "ngày",
        ),
        (
            "Họp vào ngày 31/12/2026 (thứ Sáu).",
            "«31/12/2026 (thứ Sáu)»: 31/12/2026 là thứ Năm, không phải thứ Sáu; sửa thứ hoặc ngày",
        ),
        (
            "Họp vào thứ Sáu (31/12).",
            "«thứ Sáu (31/12)»: 31/12 (năm 2026) là thứ Năm, không phải thứ Sáu; sửa thứ hoặc ngày, "
            "hoặc ghi năm nếu là ngày của năm khác",
        ),
        (
            "Nghỉ **T6 31-12**.",
            "«T6 31-12»: 31-12 (năm 2026) là thứ Năm, không phải thứ Sáu; sửa thứ hoặc ngày, hoặc "
            "ghi năm nếu là ngày của năm khác",
        ),
        (
            "Chủ nhật, ngày 28 tháng 12 năm 2026 trực ban.",
            "«Chủ nhật, ngày 28 tháng 12 năm 2026»: 28 tháng 12 năm 2026 là thứ Hai, không phải "
            "Chủ nhật; sửa thứ hoặc ngày",
        ),
        (
            "CN 28/12 trực ban.",
            "«CN 28/12»: 28/12 (năm 2026) là thứ Hai, không phải Chủ nhật; sửa thứ hoặc ngày, hoặc "
            "ghi năm nếu là ngày của năm khác",
        ),
        (
            "Thứ Năm (1/1) nghỉ Tết Dương lịch.",
            "«Thứ Năm (1/1)»: 1/1 (năm 2027) là thứ Sáu, không phải thứ Năm; sửa thứ hoặc ngày, hoặc "
            "ghi năm nếu là ngày của năm khác",
        ),
    ],
)
def test_a_day_that_is_not_the_date_s_is_told(text: str, message: str) -> None:
    """Each form a notice writes a day with its date in; a date without its year is the one
    nearest the bulletin (1/1 in a bulletin of December is next year's)."""
    [found] = mismatches(text, NEAR)
    assert found.message == message


@pytest.mark.parametrize(
    "text",
    [
        "Sáng thứ Năm (31/12/2026) tổ chức họp.",
        "Thứ Sáu (1/1) nghỉ Tết Dương lịch.",  # 1/1/2027, not 1/1/2026 (a Thursday)
        "ngày 30/4/1975 (thứ Tư)",
        "làm việc cả thứ Bảy, Chủ nhật (26/12, 27/12)",
        "từ thứ Hai - thứ Sáu (7/12 - 11/12)",
        "thứ Hai (7/12 - 11/12)",
        "từ 7/12 - 11/12 (thứ Sáu)",
        "thứ Sáu 7-11/12",
        "lần thứ hai (5/12/2026)",
        "tuần thứ 3 (14/12)",
        "thứ Bảy, ngày 15/8 âm lịch",
        "thứ Sáu, 31/12/26",  # a year of two digits: not compared
        "thứ Sáu (30/2)",  # no such date: not a day to compare
        "Giờ làm việc: thứ Hai đến thứ Sáu; sáng thứ Bảy.",
    ],
)
def test_a_matching_day_a_list_a_range_an_ordinal_or_a_lunar_date_is_not_told(text: str) -> None:
    assert mismatches(text, NEAR) == []


def test_a_date_half_a_year_away_is_told_only_when_neither_year_matches() -> None:
    """1/1 from a bulletin of July is 1/1 of that year or of the next: either may be meant."""
    july = dt.date(2026, 7, 3)
    assert mismatches("thứ Năm (1/1)", july) == []  # 1/1/2026
    assert mismatches("thứ Sáu (1/1)", july) == []  # 1/1/2027
    # Told with the nearer year's day: 1/1/2027 is 182 days on, 1/1/2026 183 days back.
    assert [m.day_of_date for m in mismatches("thứ Hai (1/1)", july)] == ["thứ Sáu"]


def test_without_a_bulletin_s_date_only_dates_with_their_year_are_compared() -> None:
    assert mismatches("thứ Hai (1/1)", None) == []
    assert len(mismatches("thứ Hai (1/1/2027)", None)) == 1


def project(tmp_path: Path, body: str, **fields: str) -> Path:
    """A project of one bulletin dated 7/12/2026 with `body`."""
    text = bulletin_md({"date": "2026-12-07 08:00", **fields}, body=body)
    return make_project(tmp_path, {"content/bai-viet/a.md": text})


def test_the_load_warns_at_the_line_and_check_strict_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, "Mở đầu.\n\nSáng thứ Sáu (31/12/2026) tổ chức họp.\n")
    site = load_site(config_module.load(root), now=LATER)
    [warning] = [p for p in site.warnings if "sửa thứ hoặc ngày" in p.message]
    assert (warning.file, warning.line, warning.severity) == (
        "content/bai-viet/a.md",
        FIRST + 2,
        "warning",
    )
    assert warning.hint == (
        "Xem lại lịch: ngày đúng thì sửa thứ thành «thứ Năm»; thứ đúng thì sửa ngày cho khớp."
    )
    assert [b.source for b in site.bulletins] == ["content/bai-viet/a.md"]  # still published
    args = ["check", "--root", str(root), "--now", "2026-12-08T09:00", "--channel", "web"]
    assert main(args) == 0
    assert "a.md:11: cảnh báo: «thứ Sáu (31/12/2026)»" in capsys.readouterr().err
    assert main([*args, "--strict"]) == 1
    assert "a.md:11: lỗi: «thứ Sáu (31/12/2026)»" in capsys.readouterr().err


def test_the_title_and_summary_are_checked_at_their_fields(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        "Nội dung.\n",
        title='"Họp sơ kết vào thứ Sáu (31/12/2026)"',
        summary='"Thứ Hai, ngày 7/12/2026 và thứ Tư (8/12) làm việc."',
    )
    site = load_site(config_module.load(root), now=NOW)
    told = [(p.field, p.line) for p in site.warnings if "sửa thứ hoặc ngày" in p.message]
    assert told == [("title", 2), ("summary", 5)]


def test_a_day_in_an_html_comment_is_not_told(tmp_path: Path) -> None:
    root = project(tmp_path, "Nội dung.\n\n<!-- thứ Sáu (31/12/2026) -->\n")
    site = load_site(config_module.load(root), now=NOW)
    assert not [p for p in site.warnings if "sửa thứ hoặc ngày" in p.message]


def test_the_radio_holds_the_script_at_the_line() -> None:
    spoken = normalise("Mở đầu.\n\nSáng thứ Sáu\n(31/12/2026) tổ chức họp.\n", near=NEAR)
    [flag] = spoken.flags
    assert (flag.code, flag.severity, flag.line) == ("Q5", BLOCKING, 4)  # the date's line
    assert flag.message.startswith("31/12/2026 là thứ Năm, không phải thứ Sáu: ")
    assert normalise("Sáng thứ Năm (31/12/2026) tổ chức họp.", near=NEAR).flags == ()


def test_speak_flags_reads_a_date_without_year_in_the_bulletin_s_year(tmp_path: Path) -> None:
    """`publish speak --flags` on a bulletin: 1/1 of a bulletin dated 28/12/2026 is 2027's."""
    text = bulletin_md({"date": "2026-12-28 08:00"}, body="Chiều thứ Năm (1/1) nghỉ.\n")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    out = _speak_flags(tmp_path / "a.md")
    assert "a.md:9: [chặn duyệt] 1/1 (năm 2027) là thứ Sáu, không phải thứ Năm" in out
    assert "(mã quy tắc Q5)" in out


def _speak_flags(path: Path) -> str:
    """What `publish speak PATH --flags` prints."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["speak", str(path), "--flags", "--root", str(path.parent)]) == 0
    return out.getvalue()


REVIEW_NEAR = dt.date(2026, 12, 6)
"""The bulletin's date the ordinals below were found false days with (review R8)."""


@pytest.mark.parametrize(
    "text",
    [
        "Vụ thứ hai (ngày 8/12)",
        "Vụ thứ 2, ngày 8/12",
        "Trường hợp thứ hai (8/12)",
        "Đối tượng thứ hai (8/12)",
        "Nạn nhân thứ 2 (15/12)",
        "Bị can thứ hai, 20/11",
        "Buổi thứ hai (8/12)",
        "Sang ngày thứ ba, 9/12",
        "Ngày thứ 3 (9/12) của đợt",
        "Đợt cao điểm thứ 2 (3/12)",
        "Tổ công tác thứ 2 (ngày 3/12)",
        "xếp thứ 2 (5/12)",
        "**Vụ thứ hai** (ngày 5/12)",
        "Phiên họp thứ hai (8/12)",
        "Kỳ họp thứ Tư, ngày 10/12",
        "Vụ thứ nhất (5/12) và thứ hai (8/12)",
    ],
)
def test_an_ordinal_after_a_noun_is_neither_warned_of_nor_held(text: str) -> None:
    """«thứ hai» after a noun counts («the second case»): the radio would hold the script for
    a right date, with nothing the editor could do to pass it."""
    assert mismatches(text, REVIEW_NEAR) == []
    assert [f.code for f in normalise(text, near=REVIEW_NEAR).flags if f.code == "Q5"] == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Sáng thứ Hai (8/12) họp.", "thứ Hai"),
        ("Họp vào thứ hai (8/12).", "thứ Hai"),
        ("Làm việc cả ngày Thứ Hai (8/12).", "thứ Hai"),
        ("Lịch trực: thứ Hai, 8/12.", "thứ Hai"),
        ("Rạng sáng thứ Hai, ngày 8/12, tổ tuần tra phát hiện.", "thứ Hai"),
        ("- thứ Hai 8/12: tiếp dân", "thứ Hai"),
        ("Trực CN 8/12.", "Chủ nhật"),
        ("Nghỉ T6 (8/12).", "thứ Sáu"),
    ],
)
def test_a_day_where_a_clause_starts_or_after_a_word_of_time_is_still_told(
    text: str, written: str
) -> None:
    """8/12/2026 is a Tuesday: a day after a word a day follows, or opening a clause, is one."""
    [found] = mismatches(text, REVIEW_NEAR)
    assert (found.day_written, found.day_of_date) == (written, "thứ Ba")


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ("Thứ Bảy, 9.10 sáng, tổ công tác có mặt.", REVIEW_NEAR),  # 9.10 a time
        ("Chuyển khoản qua Agribank CN 3/2.", REVIEW_NEAR),  # CN: chi nhánh
        ("Theo số liệu T6 (15/6), số vụ giảm.", REVIEW_NEAR),  # T6: tháng 6
        ("Thứ Năm, ngày 15/12 (tức ngày 3/2/2027 dương lịch) ra quân.", REVIEW_NEAR),  # lunar
        ("Khai mạc thứ Sáu (25/12).", dt.date(2026, 6, 1)),  # 25/12/2026 is a Friday
        ("Khai mạc vào thứ Sáu (25/12).", dt.date(2026, 6, 1)),
    ],
)
def test_a_time_an_abbreviation_a_lunar_date_or_a_far_year_is_not_told(
    text: str, near: dt.date
) -> None:
    """A dotted «9.10» without «ngày» or brackets, «CN» or «T6» meaning another word, a lunar
    date with its solar one in brackets, a date without its year far from the bulletin (either
    year may be meant): none is surely a day and its date."""
    assert mismatches(text, near) == []
    assert [f.code for f in normalise(text, near=near).flags if f.code == "Q5"] == []


def test_a_dotted_date_with_ngay_or_brackets_is_still_told() -> None:
    """9/10/2026 is a Friday."""
    for text in ("Thứ Bảy, ngày 9.10, họp.", "Họp vào thứ Bảy (9.10).", "Họp ngày 9.10 (thứ Bảy)."):
        assert [m.day_of_date for m in mismatches(text, REVIEW_NEAR)] == ["thứ Sáu"], text


def test_a_date_without_its_year_is_told_with_how_to_write_another_year_s() -> None:
    """A quoted older notice («Sáng thứ Sáu (5/12)» of 2025, a Friday then) is read in the
    bulletin's year: the message says the year may be what to add, the radio does not hold
    a blockquote for it (a warning), and a paragraph of the bulletin's own is still held."""
    quoted = "Mở đầu.\n\n> Sáng thứ Sáu (5/12) tổ công tác ra quân.\n"
    [found] = mismatches(quoted, NEAR)
    assert found.message.endswith("sửa thứ hoặc ngày, hoặc ghi năm nếu là ngày của năm khác")
    [flag] = normalise(quoted, near=NEAR).flags
    assert (flag.code, flag.severity, flag.line) == ("Q5", "warning", 3)
    assert flag.message.endswith("sửa ngày cho khớp, hoặc ghi năm nếu là ngày của năm khác.")
    [held] = normalise(quoted.replace("> ", ""), near=NEAR).flags
    assert (held.code, held.severity) == ("Q5", BLOCKING)
    [dated] = mismatches("Sáng thứ Sáu (31/12/2026)", NEAR)  # its year written: no such advice
    assert "năm khác" not in dated.message


def test_the_load_tells_how_to_write_another_year_s_date(tmp_path: Path) -> None:
    root = project(tmp_path, "Mở đầu.\n\n> Sáng thứ Sáu (5/12) tổ công tác ra quân.\n")
    site = load_site(config_module.load(root), now=LATER)
    [warning] = [p for p in site.warnings if "sửa thứ hoặc ngày" in p.message]
    assert warning.line == FIRST + 2
    assert warning.hint is not None and "ghi cả năm, ví dụ «5/12/2025»" in warning.hint


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Mở đầu.\n\n> - Sáng thứ Sáu (5/12) ra quân.\n", 3),
        ("Mở đầu.\n\n> 1. Sáng thứ Sáu (5/12) ra quân.\n", 3),
        ("Mở đầu.\n\n> **Sáng thứ Sáu (5/12)**\n", 3),
        ("Mở đầu.\n\n> Trích:\n> - Sáng thứ Sáu (5/12) ra quân.\n", 4),
        ("Mở đầu.\n\nThông báo cũ như sau:\n\n> - Sáng thứ Sáu (5/12) ra quân.\n", 5),
    ],
)
def test_a_quoted_list_item_or_bold_line_only_warns(text: str, line: int) -> None:
    """A list or a bold line in a quotation is the quoted notice's as its paragraphs are (review
    R11): a warning; the same outside a quotation still holds the script."""
    near = dt.date(2026, 12, 10)
    [flag] = normalise(text, near=near).flags
    assert (flag.code, flag.severity, flag.line) == ("Q5", "warning", line)
    [held] = normalise(text.replace("> ", ""), near=near).flags
    assert (held.code, held.severity) == ("Q5", BLOCKING)


def test_a_list_after_a_quotation_is_held() -> None:
    """The quotation ends at the blank line: the list after it is the bulletin's own."""
    text = "Mở đầu.\n\n> Trích.\n\n- Sáng thứ Sáu (5/12) ra quân.\n"
    [flag] = normalise(text, near=dt.date(2026, 12, 10)).flags
    assert (flag.code, flag.severity, flag.line) == ("Q5", BLOCKING, 5)


BULLETIN_R11 = dt.date(2026, 12, 10)
"""The bulletin's date the enumerations below were found held with (review R11): 8/12/2026 is
a Tuesday, 9/12 a Wednesday, 5/12 a Saturday."""


@pytest.mark.parametrize(
    "text",
    [
        "Thứ nhất, tổ công tác phối hợp với các ngành chức năng tuyên truyền rộng rãi trong "
        "nhân dân. Thứ hai, ngày 8/12, lực lượng phối hợp tuần tra.",
        "Thứ nhất, tổ công tác phối hợp với các ngành chức năng tuyên truyền rộng rãi trong "
        "nhân dân.\n\nThứ Hai, ngày 8/12, lực lượng phối hợp tuần tra.",
        "Thứ ba, ngày 9/12, Công an xã ra quân.",
        "Cụ thể: thứ hai, ngày 8/12, tổ tuần tra lập biên bản.",
        "vụ thứ nhất xảy ra tại ấp Bình Lợi, xã Tân Hòa, huyện Châu Thành; thứ hai (8/12) tại xã B",
        "Vụ đầu tiên xảy ra hôm 5/12 tại xã A và thứ hai (8/12) tại xã B.",
        "Ngày thứ Hai (8/12) của đợt cao điểm, lực lượng ra quân.",
        "Lần tổ chức thứ Hai (8/12) thu hút đông người dự.",
        "Chuyển khoản qua Agribank – CN 8/12.",
        "Bước sang ngày thứ ba 9/12/2026, hội thi tiếp tục.",  # review R13: the third day
    ],
)
def test_an_enumeration_or_an_ordinal_anywhere_before_is_not_a_day(text: str) -> None:
    """«Thứ hai, …» opening a sentence in lower case, or any «thứ …» after «thứ nhất» or «đầu
    tiên» however far before (an earlier paragraph too), counts; so does a day «của» something,
    and «CN» after a dash is a branch: neither warned of nor held."""
    assert mismatches(text, BULLETIN_R11) == []
    assert [f.code for f in normalise(text, near=BULLETIN_R11).flags if f.code == "Q5"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Họp lúc 8 giờ thứ Sáu (11/12).",
        "Họp lúc 8 giờ 30 phút thứ Sáu (11/12).",
        "Tập trung 7h30 thứ Sáu (11/12).",
        "Hôm nay thứ Sáu (11/12), đơn vị họp.",
        "Ngày mai thứ Sáu (11/12) tổng kết.",
        "Hội nghị dự kiến thứ Sáu (11/12).",
        "Hội nghị diễn ra thứ Sáu (11/12).",
        "Hội nghị tổ chức thứ Sáu (11/12).",
        "Hội nghị khai mạc thứ Sáu (11/12).",
        "Ngày thứ sáu 11/12/2026, đơn vị họp.",
        "Hôm nay ngày thứ sáu 11/12/2026, đơn vị họp.",  # final review: a lower-case «ngày»
        "Vụ thứ nhất xảy ra tại xã A; vụ thứ hai xảy ra vào thứ Sáu (11/12).",
        "Thứ nhất, tổ công tác ra quân.\n\nSáng thứ Sáu (11/12) tổ chức tổng kết.",
        "- CN 8/12: trực ban",
    ],
)
def test_a_day_after_a_time_today_or_an_event_s_verb_is_told(text: str) -> None:
    """11/12/2026 is a Friday, 8/12 no Sunday: a day after a time of the clock, «hôm nay»,
    «ngày mai», «dự kiến», «khai mạc»…, or «ngày» with a full date right after, is one; so is
    a day after a word of time even after an ordinal that counts. Matching, nothing is told."""
    wrong = text.replace("thứ Sáu (11/12)", "thứ Sáu (10/12)").replace("11/12/2026", "10/12/2026")
    [found] = mismatches(wrong, BULLETIN_R11)
    assert found.day_of_date == ("thứ Năm" if "CN" not in text else "thứ Ba")
    [flag] = [f for f in normalise(wrong, near=BULLETIN_R11).flags if f.code == "Q5"]
    assert flag.severity == BLOCKING
    if "CN" not in text:
        assert mismatches(text, BULLETIN_R11) == []


@pytest.mark.parametrize(
    ("body", "example"),
    [
        ("> Sáng thứ Sáu (8/12) tổ công tác ra quân.", "«8/12/2023»"),  # 8/12/2025: a Monday
        ("> Sáng thứ Sáu (5/12) tổ công tác ra quân.", "«5/12/2025»"),
        ("> Sáng thứ Sáu, ngày 8 tháng 12 tổ công tác ra quân.", "«8 tháng 12 năm 2023»"),
    ],
)
def test_the_example_of_another_year_is_one_the_day_fits(
    tmp_path: Path, body: str, example: str
) -> None:
    """The year suggested is the nearest before in which the date falls on the day written:
    the year before (2025) for «thứ Sáu (8/12)» was a Monday, warned of again if copied."""
    root = project(tmp_path, f"Mở đầu.\n\n{body}\n")
    site = load_site(config_module.load(root), now=LATER)
    [warning] = [p for p in site.warnings if "sửa thứ hoặc ngày" in p.message]
    assert warning.hint is not None and f"ghi cả năm, ví dụ {example}." in warning.hint
    fixed = body.replace("(8/12)", "(8/12/2023)").replace("(5/12)", "(5/12/2025)")
    fixed = fixed.replace("8 tháng 12", "8 tháng 12 năm 2023")
    assert mismatches(fixed, NEAR) == []


def test_no_example_when_no_year_near_fits() -> None:
    """29/2 falls on a Monday only every 28 years: no year close enough to suggest."""
    [found] = mismatches("Sáng thứ Hai (29/2)", dt.date(2028, 3, 1))  # 29/2/2028: a Tuesday
    assert found.year_it_fits == 2016
    [found] = mismatches("Sáng thứ Sáu (29/2)", dt.date(2028, 3, 1))
    assert found.year_it_fits is None
