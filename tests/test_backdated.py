"""A publish date already past, given to `publish new --date` or found by `publish approve`: a
warning (back-dating can be meant) telling the editor what happens once the bulletin is merged,
on the website and on the radio, and how to write a date to come if that was meant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import bulletin_md, make_project

APPROVER = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"
CLOCK = "2026-12-02T13:00"
"""A Wednesday, 13:00 in the unit's time; the weekly broadcast is Saturday 17:00 (default)."""


def new(
    root: Path, capsys: pytest.CaptureFixture[str], title: str, date: str, clock: str = CLOCK
) -> tuple[int, str, str]:
    """`publish new TITLE --date DATE` at `clock`: exit code, stdout, stderr joined on spaces."""
    capsys.readouterr()
    args = ["--category", "an-ninh-trat-tu", "--now", clock, "--date", date]
    code = main(["new", title, "--root", str(root), *args])
    out, err = capsys.readouterr()
    made = Path(out.strip())
    return code, str(made.relative_to(root) if made.is_absolute() else made), " ".join(err.split())


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("02/12/2026 8h00", "08:00, Thứ Tư, 02/12/2026"),  # today, the hour gone
        ("2026-12-01 08:00", "08:00, Thứ Ba, 01/12/2026"),
        ("2026-12-02T05:00:00+00:00", "12:00, Thứ Tư, 02/12/2026"),  # an offset given
    ],
)
def test_new_with_a_date_gone_by_warns_naming_the_file_the_date_and_what_happens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, shown: str
) -> None:
    """A date typed for a day to come but already past (today's morning, yesterday) made a
    bulletin that goes out the moment it is merged, without a word: now a warning says so,
    naming the file and the date, and how to write a date to come."""
    root = make_project(tmp_path, {})
    code, path, err = new(root, capsys, "Tin hẹn giờ", written)
    assert code == 0 and (root / path).is_file()  # a warning: the file is made all the same
    assert f"{path}:4: cảnh báo: trường 'date': ngày giờ đăng {shown} đã qua" in err
    assert "bài được đăng ngay" in err
    # The weekly broadcast after it is still to come: it airs there if sent in time.
    assert "phát thanh: bản tin vào buổi phát 17:00, Thứ Bảy, 05/12/2026" in err
    assert "Ghi lùi ngày có chủ ý" in err
    assert 'ví dụ --date "03/12/2026 ' in err and "date: 2026-12-03 " in err
    assert (root / path).read_text("utf-8").splitlines()[3].startswith("date: ")  # line 4


def test_new_with_a_date_before_the_last_broadcast_says_the_radio_misses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Dated before last Saturday's broadcast, the bulletin belongs to that aired episode: its
    script is never sent and it is not read on air unless booked for a coming broadcast."""
    root = make_project(tmp_path, {})
    code, path, err = new(root, capsys, "Thông báo cũ", "25/11/2026 9h00")
    assert code == 0
    assert f"{path}:4: cảnh báo: trường 'date': ngày giờ đăng 09:00, Thứ Tư, 25/11/2026" in err
    assert "buổi phát 17:00, Thứ Bảy, 28/11/2026" in err and "đã phát" in err
    assert "không được đọc trên sóng" in err
    assert "radio: {air_date: 2026-12-05}" in err


@pytest.mark.parametrize(
    "written", ["02/12/2026 13h30", "2026-12-02T07:00:00+00:00", "05/12/2026 8h00"]
)
def test_new_with_a_date_to_come_gets_no_such_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """Later today (site time, or with an offset) or a later day: a scheduled bulletin."""
    root = make_project(tmp_path, {})
    code, _, err = new(root, capsys, "Tin hẹn giờ", written)
    assert code == 0 and "đã qua" not in err


@pytest.mark.parametrize(
    ("written", "warned"), [("02/12/2026 13h00", False), ("02/12/2026 12h59", True)]
)
def test_new_dated_the_current_minute_is_not_back_dated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, warned: bool
) -> None:
    """An urgent bulletin written at 13:00:40 with --date «13h00» (the minute `publish new`
    writes without --date) was warned as back-dated, «13:00 đã qua (bây giờ là 13:00)»: the
    current minute is now; the minute before is past."""
    root = make_project(tmp_path, {})
    code, _, err = new(root, capsys, "Cảnh báo khẩn", written, clock="2026-12-02T13:00:40")
    assert code == 0
    assert ("đã qua" in err) is warned


def approve(root: Path, capsys: pytest.CaptureFixture[str], *files: str) -> tuple[int, str]:
    """`publish approve FILES` at CLOCK: exit code and everything said, joined on spaces."""
    capsys.readouterr()
    code = main(["approve", "--root", str(root), "--now", CLOCK, *files, "--by", APPROVER])
    out, err = capsys.readouterr()
    return code, " ".join((out + err).split())


OLD = "content/bai-viet/2026-11-25-thong-bao.md"
COMING = "content/bai-viet/2026-12-04-tin-hen.md"


def test_approve_warns_of_a_past_date_of_a_bulletin_never_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Approve printed the date, «đăng ngay khi được đưa lên (ngày đăng …)», but not that the
    radio broadcast of its week had aired: now a warning names the file, the date and both."""
    root = make_project(
        tmp_path,
        {
            OLD: bulletin_md({"id": "thong-bao", "date": "2026-11-25 09:00"}, drop=["approved_by"]),
            COMING: bulletin_md(
                {"id": "tin-hen", "date": "2026-12-04 08:00"}, drop=["approved_by"]
            ),
        },
    )
    code, said = approve(root, capsys, OLD, COMING)
    assert code == 0 and 'approved_version: "' in (root / OLD).read_text("utf-8")
    assert (
        f"{OLD}:3: cảnh báo: trường 'date': ngày giờ đăng 09:00, Thứ Tư, 25/11/2026 đã qua" in said
    )
    assert "buổi phát 17:00, Thứ Bảy, 28/11/2026" in said
    assert "radio: {air_date: 2026-12-05}" in said
    assert "rồi chạy lại lệnh duyệt" in said
    assert f"{COMING}:3: cảnh báo" not in said and said.count("đã qua (bây giờ") == 1


def test_approve_does_not_warn_of_the_date_of_a_bulletin_published_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bulletin published long ago, edited and approved again, keeps its old date: no warning.
    Its radio air_date, when given, is the broadcast told of."""
    root = make_project(
        tmp_path,
        {
            OLD: bulletin_md(
                {"id": "thong-bao", "date": "2026-11-25 09:00", "radio": "{air_date: 2026-12-05}"},
                drop=["approved_by"],
            )
        },
    )
    code, said = approve(root, capsys, "--dry-run", OLD)
    assert code == 0 and "phát thanh: bản tin vào buổi phát 17:00, Thứ Bảy, 05/12/2026" in said
    (root / "state").mkdir()
    (root / "state/published.json").write_text(json.dumps({"bulletins": ["thong-bao"]}), "utf-8")
    code, said = approve(root, capsys, OLD)
    assert code == 0 and "đã qua" not in said


def test_approving_a_bulletin_written_this_morning_is_not_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`publish new` dates a bulletin the time it was made, so nearly every approval came after
    its date: a warning on each went unread. Written this morning (or on Sunday) and
    approved now, with its broadcast still to come, the line «đăng ngay khi được đưa lên» says
    all there is to say."""
    today = "content/bai-viet/2026-12-02-tin-sang-nay.md"
    sunday = "content/bai-viet/2026-11-29-tin-chu-nhat.md"
    root = make_project(
        tmp_path,
        {
            today: bulletin_md(
                {"id": "tin-sang", "date": "2026-12-02 08:30"}, drop=["approved_by"]
            ),
            sunday: bulletin_md({"id": "tin-cn", "date": "2026-11-29 16:00"}, drop=["approved_by"]),
        },
    )
    code, said = approve(root, capsys, today, sunday)
    assert code == 0 and 'approved_version: "' in (root / today).read_text("utf-8")
    assert said.count("đăng ngay khi được đưa lên") == 2
    assert "đã qua" not in said and "cảnh báo" not in said


def test_approving_a_recent_bulletin_whose_broadcast_has_aired_is_still_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written Saturday afternoon, approved Sunday: a day's wait, but Saturday 17:00's broadcast
    it is set for has aired, so it is never read on air: that loss is told."""
    saturday = "content/bai-viet/2026-11-28-tin-thu-bay.md"
    root = make_project(
        tmp_path,
        {saturday: bulletin_md({"id": "tin-t7", "date": "2026-11-28 16:00"}, drop=["approved_by"])},
    )
    capsys.readouterr()
    args = ["approve", "--root", str(root), "--now", "2026-11-29T10:00", saturday, "--by", APPROVER]
    assert main(args) == 0
    said = " ".join("".join(capsys.readouterr()).split())
    assert (
        f"{saturday}:3: cảnh báo: trường 'date': ngày giờ đăng 16:00, Thứ Bảy, 28/11/2026" in said
    )
    assert "buổi phát 17:00, Thứ Bảy, 28/11/2026" in said and "đã phát" in said
