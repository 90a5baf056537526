"""«Cách sửa» shows the editor's own value corrected, not a made-up example: a date one day past
the month's end, a two-digit year, a date typed without separators, 24h30, a path pasted as a
slug, an id in capitals, channels without commas, an expiry read as 00:00. Each is told as
`publish check` prints it, and each value offered, copied into the file, is one the tool reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import NOW, bulletin_md, make_project

FILE = "content/bai-viet/2020-12-08-canh-bao-lua-dao.md"


def check(root: Path, capsys: pytest.CaptureFixture[str], *now: str) -> tuple[int, str]:
    """`publish check` of `root` (at NOW unless `now` gives --now): its exit code and all it printed."""
    code = main(["--root", str(root), "--now", *(now or (NOW.isoformat(),)), "check"])
    out = capsys.readouterr()
    return code, out.out + out.err


def told_fix(root: Path, capsys: pytest.CaptureFixture[str], field: str) -> str:
    """The «Cách sửa» line `publish check` prints under its one error, about `field`."""
    code, printed = check(root, capsys)
    assert code == 1
    lines = printed.splitlines()
    [at] = [n for n, line in enumerate(lines) if ": lỗi: " in line]
    assert f"trường '{field}'" in lines[at]
    assert lines[at + 1].startswith("    Cách sửa: ")
    return lines[at + 1].removeprefix("    Cách sửa: ")


def loads_with(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fields: dict[str, str], name: str
) -> None:
    """The bulletin with `fields` as the hint wrote them passes `publish check`."""
    root = make_project(tmp_path / name, {FILE: bulletin_md(fields)})
    code, printed = check(root, capsys)
    assert code == 0, printed


@pytest.mark.parametrize(
    ("written", "fix", "offered"),
    [
        (
            "31/11/2026 8h00",
            "Tháng 11 năm 2026 chỉ có 30 ngày: sửa thành 30/11/2026 8h00 hoặc 01/12/2026 8h00.",
            ["30/11/2026 8h00", "01/12/2026 8h00"],
        ),
        (
            "2026-02-29",
            "Tháng 2 năm 2026 chỉ có 28 ngày: sửa thành 2026-02-28 hoặc 2026-03-01.",
            ["2026-02-28", "2026-03-01"],
        ),
        ("8/12/26", "Ghi năm đủ 4 chữ số: 08/12/2026.", ["08/12/2026"]),
        ("8/12/26 8h00", "Ghi năm đủ 4 chữ số: 08/12/2026 8h00.", ["08/12/2026 8h00"]),
        (
            "26-12-08",
            "Ghi năm đủ 4 chữ số: 26-12-2008 hoặc 2026-12-08.",
            ["26-12-2008", "2026-12-08"],
        ),
        ("01/12/2026 24h30", "sửa thành 02/12/2026 00h30.", ["02/12/2026 00h30"]),
        ("31/12/2026 24:00", "sửa thành 01/01/2027 00:00.", ["01/01/2027 00:00"]),
        (
            "02.13.2026 8h00",
            "Không có tháng 13: ghi ngày trước tháng (ngày/tháng/năm): 13.02.2026 8h00.",
            ["13.02.2026 8h00"],
        ),
        ("2026-13-02", "Không có tháng 13: ghi năm-tháng-ngày: 2026-02-13.", ["2026-02-13"]),
    ],
)
def test_a_date_written_wrong_is_told_corrected(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    fix: str,
    offered: list[str],
) -> None:
    """The hint showed 08/12/2020 whatever the editor wrote: their own date, corrected (both
    readings when there are two), is what they copy, and it loads."""
    root = make_project(tmp_path, {FILE: bulletin_md({"date": f'"{written}"'})})
    hint = told_fix(root, capsys, "date")
    assert fix in hint
    for n, value in enumerate(offered):
        loads_with(tmp_path, capsys, {"date": f'"{value}"'}, f"fixed-{n}")


@pytest.mark.parametrize(
    ("written", "rule"),
    [
        ("30/02/2026", "Tháng 2 năm 2026 chỉ có 28 ngày: ngày ghi từ 1 đến 28."),
        ("33/12/2026", "Tháng 12 năm 2026 chỉ có 31 ngày: ngày ghi từ 1 đến 31."),
        (
            "01/12/2026 25h00",
            "Không có 25 giờ: giờ ghi từ 0 đến 23 (nửa đêm là 00h00 ngày hôm sau).",
        ),
        # No month has 32 days: a typo, not December's 31 mixed up with another month's 30.
        ("32/12/2026", "Tháng 12 năm 2026 chỉ có 31 ngày: ngày ghi từ 1 đến 31."),
        # A day past the month's end with a time that is none too: the day corrected was
        # offered with the time kept («30/11/2026 24h00»), which does not load either.
        (
            "31/11/2026 24h00",
            "Tháng 11 năm 2026 chỉ có 30 ngày: ngày ghi từ 1 đến 30. Không có 24 giờ: giờ ghi "
            "từ 0 đến 23 (nửa đêm là 00h00 ngày hôm sau).",
        ),
        (
            "2026-02-29 8h75",
            "Tháng 2 năm 2026 chỉ có 28 ngày: ngày ghi từ 1 đến 28. Không có phút 75: phút ghi "
            "từ 0 đến 59.",
        ),
        # Day and month swapped are no day either: «31/02/2026», «2026-04-31» were offered.
        ("02/31/2026", "Không có tháng 31: tháng ghi từ 1 đến 12."),
        ("2026-31-04", "Không có tháng 31: tháng ghi từ 1 đến 12."),
        # Swapped, a day; but the time is none: the order is told, no value.
        (
            "11/15/2026 8h75",
            "Không có tháng 15: ghi ngày trước tháng (ngày/tháng/năm). Không có phút 75: phút "
            "ghi từ 0 đến 59.",
        ),
    ],
)
def test_a_date_with_no_one_reading_is_not_given_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, rule: str
) -> None:
    """30/02 may be 28/02, 02/03 or 20/02: the hint names the rule, never a guessed day, nor
    a value that does not load."""
    root = make_project(tmp_path, {FILE: bulletin_md({"date": f'"{written}"'})})
    hint = told_fix(root, capsys, "date")
    assert hint.startswith(rule)
    assert "sửa thành" not in hint


@pytest.mark.parametrize(
    ("written", "no_date"),
    [("ngày 31 tháng 2 năm 2026", "31/02/2026"), ("01/12/1800 8 giờ tối", "01/12/1800 20:00")],
)
def test_a_date_in_words_or_with_a_part_of_day_is_not_shown_back_as_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, no_date: str
) -> None:
    """«ngày 31 tháng 2 năm 2026» was shown back «là 31/02/2026», «8 giờ tối» in 1800 «viết lại
    là: 01/12/1800 20:00»: neither loads."""
    root = make_project(tmp_path, {FILE: bulletin_md({"date": f'"{written}"'})})
    hint = told_fix(root, capsys, "date")
    assert no_date not in hint


@pytest.mark.parametrize(
    ("written", "fix"), [("01122026", "01/12/2026"), ("20261201", "2026-12-01")]
)
def test_a_date_typed_without_separators_is_quoted_as_typed_and_told_with_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, fix: str
) -> None:
    """YAML reads «01122026» as an octal number: the error quoted «304150», a value the editor
    never typed, with the generic formats as its only help."""
    root = make_project(tmp_path, {FILE: bulletin_md({"date": written})})
    code, printed = check(root, capsys)
    assert code == 1
    assert f"không đọc được ngày giờ «{written}»" in printed
    assert "304150" not in printed
    assert f"Ngăn cách ngày, tháng, năm bằng dấu / hoặc dấu -: {fix}." in printed
    loads_with(tmp_path, capsys, {"date": fix}, "fixed")


@pytest.mark.parametrize(
    ("field", "told"),
    [
        ("pinned", "cần true hoặc một ngày giờ hết ghim, nhận được một số (01122026)"),
        ("expires", "không đọc được ngày giờ «01122026»"),
    ],
)
def test_another_date_typed_without_separators_is_quoted_as_typed_and_told_with_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str, told: str
) -> None:
    """Only `date` quoted the digits as typed: «pinned: 01122026» was told «nhận được một số
    (304150)» with no fix."""
    root = make_project(tmp_path, {FILE: bulletin_md({field: "01122026"})})
    code, printed = check(root, capsys)
    assert code == 1
    assert f"trường '{field}': {told}" in printed
    assert "304150" not in printed
    assert "Ngăn cách ngày, tháng, năm bằng dấu / hoặc dấu -: 01/12/2026." in printed
    loads_with(tmp_path, capsys, {field: "01/12/2026"}, "fixed")


def test_a_radio_air_date_typed_without_separators_is_quoted_as_typed_and_told_with_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The air date was told «không đọc được ngày phát «304150»», a number the editor never
    typed, and no fix."""
    radio = "\n  air_date: 01122026"
    root = make_project(tmp_path, {FILE: bulletin_md({"channels": "[radio]", "radio": radio})})
    code, printed = check(root, capsys)
    assert code == 1
    assert "trường 'radio.air_date': không đọc được ngày phát «01122026»" in printed
    assert "304150" not in printed
    assert told_fix(root, capsys, "radio.air_date") == (
        "Ngăn cách ngày, tháng, năm bằng dấu / hoặc dấu -: 01/12/2026."
    )
    fixed = {"channels": "[radio]", "radio": "\n  air_date: 01/12/2026"}
    loads_with(tmp_path, capsys, fixed, "fixed")


def test_speak_quotes_an_air_date_typed_without_separators_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`publish speak` reads the radio block as the build does: the digits typed, fixed."""
    path = tmp_path / "tin.md"
    path.write_text(
        '---\ntitle: "Ra quân"\nradio:\n  air_date: 01122026\n---\n\nCông an huyện ra quân.\n',
        encoding="utf-8",
    )
    assert main(["speak", "--flags", "--strict", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:4: lỗi: trường 'radio.air_date': không đọc được ngày phát «01122026»" in out
    assert "Cách sửa: Ngăn cách ngày, tháng, năm bằng dấu / hoặc dấu -: 01/12/2026.\n" in out


def test_a_radio_air_date_past_the_month_s_end_is_told_corrected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The air date's hint was «Viết dạng 2020-12-12.» for any value; then that sentence
    followed the corrected value, as if it were written wrong too."""
    radio = "\n  air_date: 31/11/2026"
    root = make_project(tmp_path, {FILE: bulletin_md({"channels": "[radio]", "radio": radio})})
    hint = told_fix(root, capsys, "radio.air_date")
    assert hint == "Tháng 11 năm 2026 chỉ có 30 ngày: sửa thành 30/11/2026 hoặc 01/12/2026."
    for n, day in enumerate(("30/11/2026", "01/12/2026")):
        fixed = {"channels": "[radio]", "radio": f"\n  air_date: {day}"}
        loads_with(tmp_path, capsys, fixed, f"fixed-{n}")


def test_a_radio_air_date_with_no_reading_is_told_the_rule_and_the_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«31/11/2026 24h00» was offered «30/11/2026 24h00 hoặc 01/12/2026 24h00», neither a day."""
    radio = "\n  air_date: 31/11/2026 24h00"
    root = make_project(tmp_path, {FILE: bulletin_md({"channels": "[radio]", "radio": radio})})
    hint = told_fix(root, capsys, "radio.air_date")
    assert hint == (
        "Tháng 11 năm 2026 chỉ có 30 ngày: ngày ghi từ 1 đến 30. Không có 24 giờ: giờ ghi từ 0 "
        "đến 23 (nửa đêm là 00h00 ngày hôm sau). Viết dạng 2020-12-12."
    )


def test_now_past_the_month_s_end_is_told_corrected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md()})
    code, printed = check(root, capsys, "31/11/2026 9h")
    assert code != 0
    assert "--now: không đọc được thời điểm «31/11/2026 9h». " in printed
    assert "sửa thành 30/11/2026 9h hoặc 01/12/2026 9h." in printed


@pytest.mark.parametrize(
    ("now", "rule"),
    [
        ("2026-02-29 8h75", "chỉ có 28 ngày: ngày ghi từ 1 đến 28. Không có phút 75"),
        ("32/12/2026", "chỉ có 31 ngày: ngày ghi từ 1 đến 31. Ví dụ: --now"),
    ],
)
def test_now_with_no_one_reading_is_not_given_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], now: str, rule: str
) -> None:
    """«--now "2026-02-29 8h75"» was offered «2026-02-28 8h75», which --now refuses too."""
    root = make_project(tmp_path, {FILE: bulletin_md()})
    code, printed = check(root, capsys, now)
    assert code != 0
    assert rule in printed
    assert "sửa thành" not in printed


@pytest.mark.parametrize(
    ("written", "offered"),
    [
        ("../x", "x"),
        ("/2026/12/canh-bao/", "canh-bao"),
        ("https://a.vn/tin/dot-kiem-tra.html", "dot-kiem-tra"),
        # The host is no slug («a-vn» was offered): the file name's then.
        ("https://a.vn/", "canh-bao-lua-dao"),
        ("https://a.vn/tin/canh-bao?id=5#tren", "canh-bao"),
        # A file's path on Windows: «canh-bao-md» was offered.
        ("C:\\\\bai\\\\canh-bao.md", "canh-bao"),
    ],
)
def test_an_address_pasted_as_a_slug_is_told_its_last_part_or_the_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, offered: str
) -> None:
    """«slug: ../x» was told «Ví dụ: slug: x», every part of the path run together otherwise
    («2026-12-canh-bao»): the slug is the address's last part, or the file name's slug that
    deleting the line gives."""
    root = make_project(tmp_path, {FILE: bulletin_md({"slug": f'"{written}"'})})
    hint = told_fix(root, capsys, "slug")
    assert "xóa dòng này (địa chỉ lấy theo tên tệp: canh-bao-lua-dao)" in hint
    assert hint.endswith(f"sửa thành: slug: {offered}")
    loads_with(tmp_path, capsys, {"slug": offered}, "fixed")


def test_a_slug_without_letters_is_told_the_file_name_s(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«slug: "!!!"» was told «slug: bai-viet», a made-up word no bulletin is about."""
    root = make_project(tmp_path, {FILE: bulletin_md({"slug": '"!!!"'})})
    hint = told_fix(root, capsys, "slug")
    assert hint.endswith("sửa thành: slug: canh-bao-lua-dao")
    assert "bai-viet" not in hint


def test_a_slug_from_a_file_named_like_a_windows_name_is_told_one_that_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file «…-con.md» with «slug: CON» was told «slug: con», refused next (Windows cannot
    store con.txt): the file name's slug is offered as the refusal itself offers it (final
    review of session 74)."""
    name = "content/bai-viet/2020-12-08-con.md"
    root = make_project(tmp_path, {name: bulletin_md({"slug": "CON"})})
    assert told_fix(root, capsys, "slug") == "Ví dụ: slug: con-1"
    fixed = make_project(tmp_path / "fixed", {name: bulletin_md({"slug": "con-1"})})
    code, printed = check(fixed, capsys)
    assert code == 0, printed


def test_an_id_written_wrong_is_told_as_its_own_value_corrected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hint showed another bulletin's id (ct-2020-12-zalo-oa) whatever the editor wrote."""
    root = make_project(tmp_path, {FILE: bulletin_md({"id": "CT_2026_12"})})
    hint = told_fix(root, capsys, "id")
    assert hint == "Sửa thành: id: ct-2026-12. Đừng đổi id sau khi đã đăng."
    loads_with(tmp_path, capsys, {"id": "ct-2026-12"}, "fixed")


def test_an_id_that_lowered_is_a_windows_name_is_told_one_that_is_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«id: CON» was told «id: con», which the tool refuses next (Windows cannot store con.txt)."""
    root = make_project(tmp_path, {FILE: bulletin_md({"id": "CON"})})
    hint = told_fix(root, capsys, "id")
    assert hint == "Sửa thành: id: con-1. Đừng đổi id sau khi đã đăng."
    loads_with(tmp_path, capsys, {"id": "con-1"}, "fixed")


@pytest.mark.parametrize(
    ("written", "line"),
    [
        ("web zalo", "channels: web, zalo"),
        ("web và radio", "channels: web, radio"),
        ("[web, zalo, facebook]", "channels: web, zalo"),
        ("[web, zaloo]", "channels: web, zalo"),
        # Each name read: «website, đài» was told «channels: web», dropping the radio.
        ("website, đài", "channels: web, radio"),
        ("web, truyền thanh", "channels: web, radio"),
        ('radio, "web zalo"', "channels: radio, web, zalo"),
    ],
)
def test_channels_written_wrong_are_told_the_line_corrected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, line: str
) -> None:
    """«channels: web zalo» was asked «'zalo' thay cho 'web zalo'?», which drops the website;
    «facebook» got a made-up example: the line as the editor meant it is what they copy."""
    root = make_project(tmp_path, {FILE: bulletin_md({"channels": written})})
    hint = told_fix(root, capsys, "channels")
    assert hint.endswith(f"Sửa dòng này thành: {line}")
    assert "'zalo' thay cho 'web zalo'" not in hint
    loads_with(tmp_path, capsys, {"channels": line.removeprefix("channels: ")}, "fixed")


@pytest.mark.parametrize("written", ["web, abc", "[zalo, abc, zaloo]"])
def test_channels_with_a_name_read_as_none_are_not_told_a_line_that_drops_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """«channels: radio, "web zalo"» was told «channels: radio»: a name no channel was read in
    was dropped from the line offered, unsaid. The name is told instead."""
    root = make_project(tmp_path, {FILE: bulletin_md({"channels": written})})
    hint = told_fix(root, capsys, "channels")
    assert "Sửa dòng này thành" not in hint
    assert "Không rõ «abc» là kênh nào: ghi bằng tên kênh ở trên, hoặc xóa." in hint


def test_an_expiry_written_as_the_day_of_the_date_is_told_it_is_that_day_s_midnight(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«expires: 2020-12-08» beside «date: 2020-12-08 08:00» was told to pick «một thời điểm sau
    date», not that a day alone is read as 00:00, before the bulletin goes out."""
    root = make_project(tmp_path, {FILE: bulletin_md({"expires": "2020-12-08"})})
    hint = told_fix(root, capsys, "expires")
    assert hint.startswith(
        "Ngày đăng (date) là 2020-12-08 08:00, expires được hiểu là 2020-12-08 00:00. Chỉ ghi "
        "ngày (không ghi giờ) thì được hiểu là 00:00 đầu ngày; muốn tới hết ngày đó thì ghi "
        "expires: 2020-12-08 23:59."
    )
    loads_with(tmp_path, capsys, {"expires": "2020-12-08 23:59"}, "fixed")


def test_an_expiry_written_as_the_day_of_a_date_after_23_59_is_not_told_23_59(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«expires: 2020-12-08 23:59», offered beside a date at 23:59:30, is not after it."""
    fields = {"date": '"2020-12-08 23:59:30"', "expires": "2020-12-08"}
    root = make_project(tmp_path, {FILE: bulletin_md(fields)})
    hint = told_fix(root, capsys, "expires")
    assert hint == (
        "Ngày đăng (date) là 2020-12-08 23:59:30, expires được hiểu là 2020-12-08 00:00. Sửa "
        "expires thành một thời điểm sau date, hoặc xóa dòng expires."
    )


def test_an_expiry_with_its_time_before_the_date_is_told_both_moments_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md({"expires": "2020-12-01 17:00"})})
    hint = told_fix(root, capsys, "expires")
    assert hint.startswith(
        "Ngày đăng (date) là 2020-12-08 08:00, expires được hiểu là 2020-12-01 17:00. Sửa expires"
    )
    assert "23:59" not in hint
