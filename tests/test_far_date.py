"""A publish date more than a year ahead (`date: 2062-12-06 07:30` typed for 2026): a warning
naming the line, which --strict leaves a warning (a far embargo may be meant), told by check,
build, `publish new --date` and `publish approve`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_bulletin, load_site
from publish.errors import FAR_DATE
from publish.far_date import far_date
from publish.pipeline import strictly
from tests.helpers import NOW, bulletin_md, make_project

CLOCK = "2026-12-02 13:00"
TZ = dt.timezone(dt.timedelta(hours=7))


def warnings_of(root: Path, now: dt.datetime = NOW) -> list:
    """The far-date warnings of loading the project at `now`."""
    site = load_site(config_module.load(root), now=now)
    return [p for p in site.warnings if p.code == FAR_DATE]


def test_a_year_typed_with_its_digits_swapped_is_a_warning_at_the_date_line(
    tmp_path: Path,
) -> None:
    """2062 for 2026: the bulletin silently waited 36 years; only the «hẹn giờ» line said so."""
    text = bulletin_md({"date": "2062-12-06 07:30"})
    root = make_project(tmp_path, {"content/bai-viet/a.md": text})
    now = dt.datetime(2026, 12, 2, 13, 0, tzinfo=TZ)
    [warning] = warnings_of(root, now)
    assert (warning.file, warning.line, warning.field, warning.severity) == (
        "content/bai-viet/a.md",
        3,
        "date",
        "warning",
    )
    assert warning.message == (
        "ngày giờ đăng 07:30, Thứ Tư, 06/12/2062 còn hơn một năm nữa (bây giờ là 13:00, "
        "Thứ Tư, 02/12/2026): bản tin chờ tới lúc đó mới được đăng"
    )
    assert (warning.hint or "").startswith(
        "Gõ nhầm năm (có phải ý bạn là năm 2026?) thì sửa năm ở dòng date. Nếu đúng là hẹn "
        "giờ xa thì bỏ qua cảnh báo này"
    )


def test_a_page_dated_years_ahead_is_told_as_a_page(tmp_path: Path) -> None:
    """Pages wait for their date as bulletins do."""
    page = '---\ntitle: "Liên hệ"\nslug: lien-he\ndate: 2099-01-01\n---\nNội dung.\n'
    root = make_project(tmp_path, {"content/pages/lien-he.md": page})
    [warning] = warnings_of(root)
    assert (warning.file, warning.line) == ("content/pages/lien-he.md", 4)
    assert warning.message.endswith(": trang chờ tới lúc đó mới được đăng")
    assert "có phải ý bạn là" not in (warning.hint or "")  # 2099 is no year near 2021 misordered


@pytest.mark.parametrize(
    ("written", "told"),
    [
        ("2021-12-01 08:00", False),  # eleven months: an embargo, nothing to tell
        ("2022-01-01 09:00", False),  # a year to the minute (NOW is 2021-01-01 09:00)
        ("2022-01-03 09:00", True),
        ("2030-01-01", True),
    ],
)
def test_only_a_date_more_than_a_year_ahead_is_told(
    tmp_path: Path, written: str, told: bool
) -> None:
    """Embargoes some months ahead are ordinary: told only past FAR_AHEAD."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"date": written})})
    assert bool(warnings_of(root)) is told


def test_a_year_ahead_in_a_leap_year_is_not_told() -> None:
    """2028 is a leap year: 366 days is one year to the day."""
    now = dt.datetime(2028, 1, 1, 8, 0, tzinfo=TZ)
    year_on = dt.datetime(2029, 1, 1, 8, 0, tzinfo=TZ)
    assert far_date("a.md", year_on, now, TZ, "bản tin") is None
    assert far_date("a.md", year_on + dt.timedelta(minutes=1), now, TZ, "bản tin") is not None


def test_strict_leaves_it_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A far embargo may be meant and the file cannot say so: an error would refuse it in CI
    for good, while a wrong year only holds the bulletin back. The last line says why the
    warning did not fail --strict."""
    now = dt.datetime(2026, 12, 2, 13, 0, tzinfo=TZ)
    warning = far_date("a.md", dt.datetime(2062, 12, 6, tzinfo=TZ), now, TZ, "bản tin")
    assert warning is not None
    assert [p.severity for p in strictly([warning])] == ["warning"]
    text = bulletin_md({"date": "2062-12-06 07:30"})
    root = make_project(tmp_path, {"content/bai-viet/2026-12-06-tin.md": text})
    assert main(["check", "--root", str(root), "--now", CLOCK, "--strict"]) == 0
    said = capsys.readouterr()
    assert "content/bai-viet/2026-12-06-tin.md:3: cảnh báo: trường 'date'" in said.err
    last = next(line for line in said.out.splitlines() if "Không có lỗi" in line)
    assert "(về ngày đăng còn hơn một năm nữa) không chặn việc đăng" in last
    assert "của một kênh hay một liên kết" not in last


def test_new_with_a_date_years_ahead_says_to_make_the_file_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`publish new --date` puts the date in the file's name too: fixing the line alone
    would leave the name with the wrong year."""
    root = make_project(tmp_path, {})
    args = ["--category", "an-ninh-trat-tu", "--now", CLOCK, "--date", "06/12/2062 7h30"]
    assert main(["new", "Tin hẹn giờ", "--root", str(root), *args]) == 0
    out, err = capsys.readouterr()
    made = Path(out.strip())
    shown = (made.relative_to(root) if made.is_absolute() else made).as_posix()
    err = " ".join(err.split())
    assert f"{shown}:4: cảnh báo: trường 'date': ngày giờ đăng 07:30, Thứ Tư, 06/12/2062" in err
    assert (
        "Gõ nhầm năm (có phải ý bạn là năm 2026?) thì xóa tệp vừa tạo rồi chạy lại lệnh với năm "
        "đúng ở --date" in err
    )


def test_approve_tells_the_approver_of_a_date_years_ahead(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The approver read «hẹn giờ: đăng lúc … 2062» among the lines of the approval only."""
    source = "content/bai-viet/2026-12-06-tin.md"
    text = bulletin_md({"date": "2062-12-06 07:30"}, drop=["approved_by"])
    root = make_project(tmp_path, {source: text})
    by = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"
    code = main(["approve", source, "--root", str(root), "--by", by, "--now", CLOCK])
    said = " ".join(capsys.readouterr().out.split())
    assert code == 0
    told = f"{source}:3: cảnh báo: trường 'date': ngày giờ đăng 07:30, Thứ Tư, 06/12/2062"
    assert said.count(told) == 1


def test_loading_one_bulletin_tells_it_as_loading_the_site_does(tmp_path: Path) -> None:
    """content.load_bulletin (approve, zalo-preview) tells it with the clock's other problems,
    at the same line and in the same words as load_site: no command computes it apart."""
    source = "content/bai-viet/2026-12-06-tin.md"
    root = make_project(tmp_path, {source: bulletin_md({"date": "2062-12-06 07:30"})})
    now = dt.datetime(2026, 12, 2, 13, 0, tzinfo=TZ)
    config = config_module.load(root)
    _, found, _ = load_bulletin(root / source, config, now=now)
    [alone] = [p for p in found if p.code == FAR_DATE]
    assert alone == warnings_of(root, now)[0]
    assert [p for p in load_bulletin(root / source, config)[1] if p.code == FAR_DATE] == []
