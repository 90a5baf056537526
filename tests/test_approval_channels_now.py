"""What `publish approve` tells of where a bulletin goes once approved: the radio it will not
reach (and why), the version it replaces where it is published now, and what changed since
the version approved before (session 68, the approver's week)."""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from publish.approval_diff import word_diff
from publish.cli import main
from publish.correction_hint import changed_numbers, correction_hint
from publish.zalo.emulator import ZaloEmulator
from tests.helpers import FIXTURES, bulletin_md, make_project
from tests.test_approval import APPROVER, BEFORE_AIR, CLOCK, FILE
from tests.test_sync_radio import FIRST as RADIO_FILE
from tests.test_sync_radio import sync_command
from tests.zalo_project import sync, zalo_project

ZALO_FILE = "content/bai-viet/ban-tin-000.md"
UNKNOWN = "Đội ANXH đã làm việc với người dân tại ấp 3.\n"


def approve(
    root: Path,
    capsys: pytest.CaptureFixture[str],
    *extra: str,
    file: str = FILE,
    now: str = CLOCK,
) -> str:
    """What `publish approve FILE` prints at the fixed clock, or `now` (both streams); it must
    succeed."""
    capsys.readouterr()
    args = ["approve", "--root", str(root), "--now", now, file, "--by", APPROVER, *extra]
    assert main(args) == 0
    return "".join(capsys.readouterr())


def edit(root: Path, old: str, new: str, file: str = FILE) -> None:
    """Replace `old` by `new` once in a project file (it must be there)."""
    path = root / file
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


# The radio.


def test_a_bulletin_the_radio_will_not_read_is_approved_and_told_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md(drop=("approved_by",), body=UNKNOWN)})
    for out in (
        approve(root, capsys, "--dry-run", now=BEFORE_AIR),
        approve(root, capsys, now=BEFORE_AIR),
    ):
        assert "kênh: web (radio: không phát, lý do ở dòng «đài» dưới)" in out
        assert (
            "đài: bài không được phát (website vẫn đăng): Chữ viết tắt «ANXH» chưa có trong từ "
            "điển nên được giữ nguyên, không đánh vần (mã quy tắc R14.6)"
        ) in out
        assert f"Duyệt xong mà đài không phát (lý do ở dòng «đài» trên): {FILE}." in out
    assert APPROVER in (root / FILE).read_text("utf-8")  # approved: the website still gets it
    # What the approver was told is what the build tells, now that it is published.
    capsys.readouterr()
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 0
    assert "chặn phát thanh: Chữ viết tắt «ANXH» chưa có trong từ điển" in capsys.readouterr().err
    # Named again as it is, nothing new is approved: no line repeats it.
    assert "đài: bài không được phát" not in approve(root, capsys)


def test_the_command_given_lists_every_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "Đội ANXH và tổ TTKX đã làm việc với người dân.\n"
    root = make_project(tmp_path, {FILE: bulletin_md(drop=("approved_by",), body=body)})
    monkeypatch.chdir(root)  # as the approver runs it, in the project
    capsys.readouterr()
    assert main(["approve", "--now", BEFORE_AIR, FILE, "--by", APPROVER, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "«ANXH»" in out and "; còn 1 chỗ khác. Xem từng chỗ và cách sửa: " in out
    command = out.split("Xem từng chỗ và cách sửa: ", 1)[1].split(". ", 1)[0]
    assert command == f"publish speak {FILE} --flags"
    assert main(shlex.split(command)[1:]) == 0
    flags = capsys.readouterr().out
    assert "«ANXH»" in flags and "«TTKX»" in flags


def test_a_bulletin_with_nothing_to_read_aloud_is_told_off_the_air(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bulletin_md({"channels": "[web, radio]"}, drop=("approved_by",), body="## Lịch\n")
    root = make_project(tmp_path, {FILE: text})
    out = approve(root, capsys, "--dry-run", now=BEFORE_AIR)
    assert "đài: bài không được phát (website vẫn đăng): nội dung không có câu nào để đọc" in out
    assert "publish speak" not in out  # it lists read-aloud findings, and there are none


def test_a_bulletin_for_the_radio_alone_that_it_will_not_read_is_told_going_nowhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fields = {"channels": "[radio]", "date": "2021-01-01 08:00"}
    text = bulletin_md(fields, drop=("approved_by",), body=UNKNOWN)
    root = make_project(tmp_path, {FILE: text})
    out = approve(root, capsys, "--dry-run")
    assert (
        "kênh: không kênh nào (radio: không phát, lý do ở dòng «đài» dưới); không đăng ở kênh "
        "nào cho tới khi đài đọc được bài"
    ) in out
    assert "đăng ngay khi" not in out and "đài: bài không được phát: Chữ viết tắt «ANXH»" in out


def test_a_bulletin_the_radio_reads_is_told_on_every_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md(drop=("approved_by",))})
    out = approve(root, capsys, now=BEFORE_AIR)
    assert "kênh: web, radio; đăng ngay khi được đưa lên" in out
    assert "đài: bài không được phát" not in out and "đài không phát" not in out


def test_a_bulletin_the_radio_reads_is_told_when_it_airs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Session 77 QA: «đăng ngay» was all the approver read for the radio, whose episode airs
    up to a week later; the script goes into that episode's folder at the radio's next sync."""
    later = "content/bai-viet/b.md"
    root = make_project(
        tmp_path,
        {
            FILE: bulletin_md(drop=("approved_by",)),
            later: bulletin_md({"date": "2020-12-11 08:00"}, drop=("approved_by",)),
        },
    )
    now, scheduled = (
        approve(root, capsys, now=BEFORE_AIR),
        approve(root, capsys, file=later, now=BEFORE_AIR),
    )
    said = " ".join(now.split())
    assert (
        "đăng ngay khi được đưa lên (ngày đăng 08:00, Thứ Ba, 08/12/2020); đài đọc ở buổi phát "
        "17:00, Thứ Bảy, 12/12/2020 (kịch bản vào thư mục tập 2020-W50 ở lần đồng bộ kênh radio "
        "đầu tiên sau khi được đưa lên)"
    ) in said, said
    said = " ".join(scheduled.split())
    assert (
        "hẹn giờ: đăng lúc 08:00, Thứ Sáu, 11/12/2020; đài đọc ở buổi phát 17:00, Thứ Bảy, "
        "12/12/2020 (kịch bản vào thư mục tập 2020-W50 ở lần đồng bộ kênh radio đầu tiên sau "
        "giờ đăng)"
    ) in said, said


def test_a_bulletin_approved_after_its_broadcast_is_not_said_to_go_on_air(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Approved after the broadcast it is set for (a back-dated bulletin, or an old one
    re-approved): the sync sends no script to an episode that aired, yet approve listed
    «kênh: web, radio» and, for one published, «đăng mới trên đài»."""
    root = make_project(tmp_path, {FILE: bulletin_md(drop=("approved_by",))})
    for out in (approve(root, capsys, "--dry-run"), approve(root, capsys)):
        said = " ".join(out.split())
        assert "kênh: web (radio: không phát, lý do ở dòng «đài» dưới); đăng ngay" in said
        assert (
            "đài: bài không được phát (website vẫn đăng): buổi phát của bài (17:00, Thứ Bảy, "
            "12/12/2020) đã qua, nên kịch bản không được gửi sang đài (tập đã phát không được "
            "ghi lại, bài không tự chuyển sang buổi sau)."
        ) in said
        assert "publish speak" not in said  # no read-aloud finding holds it


def test_a_bulletin_for_the_radio_alone_approved_after_its_broadcast_goes_nowhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bulletin_md({"channels": "[radio]"}, drop=("approved_by",))
    root = make_project(tmp_path, {FILE: text})
    out = " ".join(approve(root, capsys, "--dry-run").split())
    assert (
        "kênh: không kênh nào (radio: không phát, lý do ở dòng «đài» dưới); không đăng ở kênh "
        "nào: buổi phát của bài đã qua (xem dòng «đài» dưới)"
    ) in out


def test_the_reason_told_first_is_the_one_the_build_tells_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Expiring before its broadcast and holding an abbreviation the dictionary lacks: the
    build tells the expiry (editing the text would not make it air), approve told the
    abbreviation. One verdict now (publish.render.radio.episode.kept_off)."""
    fields = {"date": "2021-01-01 08:00", "expires": "2021-01-01 20:00"}
    text = bulletin_md(fields, drop=("approved_by",), body=UNKNOWN)
    root = make_project(tmp_path, {FILE: text})
    expiry = "bản tin hết hạn lúc 20:00, Thứ Sáu, 01/01/2021, trước giờ phát 17:00, Thứ Bảy"
    for out in (approve(root, capsys, "--dry-run"), approve(root, capsys)):
        assert f"đài: bài không được phát (website vẫn đăng): {expiry}" in out
        assert "«ANXH»" not in out and "publish speak" not in out
    capsys.readouterr()
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 0
    err = capsys.readouterr().err
    assert expiry in err and "«ANXH»" not in err  # what the build tells, now it is published


def test_a_radio_block_the_build_cannot_read_refuses_the_approval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Published, it stopped every build (every channel, every bulletin): approved without a
    word before."""
    text = bulletin_md({"radio": "{air_date: 2021-13-45}"}, drop=("approved_by",))
    root = make_project(tmp_path, {FILE: text})
    before = (root / FILE).read_bytes()
    capsys.readouterr()
    assert main(["approve", "--root", str(root), "--now", CLOCK, FILE, "--by", APPROVER]) == 1
    err = capsys.readouterr().err
    assert "trường 'radio.air_date': không đọc được ngày phát «2021-13-45»" in err
    assert (root / FILE).read_bytes() == before


# Where it is published now.


def test_a_re_approval_replaces_the_version_published(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    first = approve(root, capsys, file=ZALO_FILE)
    assert "kênh: web, zalo; đăng ngay khi được đưa lên" in first
    assert sync(root) == 0
    edit(root, "Sáng nay", "Chiều nay", ZALO_FILE)
    for out in (
        approve(root, capsys, "--dry-run", file=ZALO_FILE),
        approve(root, capsys, file=ZALO_FILE),
    ):
        assert "Duyệt lại" in out and "đăng ngay" not in out
        assert "kênh: web, zalo; thay bản đang đăng trên website, Zalo ngay khi được đưa lên" in out
    assert "kênh: web, zalo; đang đăng trên website, Zalo (ngày đăng" in approve(
        root, capsys, file=ZALO_FILE
    )
    # Kept from Zalo from now on: the approver is told it leaves Zalo.
    edit(root, "---\n\n", "channels: [web]\n---\n\n", ZALO_FILE)
    out = approve(root, capsys, "--dry-run", file=ZALO_FILE)
    assert "kênh: web; thay bản đang đăng trên website ngay khi được đưa lên; rút khỏi Zalo" in out


def test_a_published_bulletin_moved_to_a_later_date_is_withdrawn_until_then(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    approve(root, capsys, file=ZALO_FILE)
    assert sync(root) == 0
    edit(root, "date: 2020-12-01 08:00", "date: 2021-01-05 08:00", ZALO_FILE)
    out = approve(root, capsys, "--dry-run", file=ZALO_FILE)
    assert (
        "hẹn giờ: đăng lúc 08:00, Thứ Ba, 05/01/2021; bản đang đăng trên website, Zalo bị rút "
        "từ lần đồng bộ tới cho tới giờ ấy"
    ) in out


# What changed since the version approved.

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git không có trên máy này")


def git(root: Path, *args: str) -> str:
    """Run git in the project (a repository of its own, with an author)."""
    done = subprocess.run(
        ["git", "-c", "user.name=Người duyệt", "-c", "user.email=duyet@example.vn", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@needs_git
def test_a_re_approval_shows_the_words_changed_since_the_approval_committed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Sáng nay, Công an xã làm việc với người dân.\n\nGọi 113 khi cần.\n"
    root = make_project(tmp_path, {FILE: bulletin_md(drop=("approved_by",), body=body)})
    approve(root, capsys)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Duyệt")
    approved = git(root, "rev-parse", "--short=8", "HEAD").strip()
    edit(root, "Sáng nay, Công an xã", "Chiều nay, Công an huyện")
    edit(root, "Gọi 113 khi cần.\n", "Gọi 113 khi cần.\n\nĐoạn mới.\n")
    out = approve(root, capsys, "--dry-run")
    assert f"đã sửa so với bản đã duyệt (commit {approved}, " in out
    assert "dòng 10: [-Sáng-]{+Chiều+} nay, Công an [-xã-]{+huyện+} làm việc với người dân." in out
    assert "dòng 14 (mới): Đoạn mới." in out
    assert f"(xem đủ: git -C {root} diff {approved} -- {FILE})" in out
    # Committed again with the new approval, the old one is not shown against it.
    approve(root, capsys)
    git(root, "commit", "-qam", "Duyệt lại")
    edit(root, "Đoạn mới.", "Đoạn mới hơn.")
    out = approve(root, capsys, "--dry-run")
    assert "dòng 14: Đoạn [-mới.-]{+mới hơn.+}" in out and "Chiều" not in out


@needs_git
def test_the_approval_commit_is_timed_in_the_units_time_whatever_the_committer_s_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Committed on a machine (a CI runner, github.com) keeping UTC at 15:47, the approval
    was shown «commit …, 15:47» beside a publish time of 22:47: both are the unit's time now."""
    root = make_project(tmp_path, {FILE: bulletin_md(drop=("approved_by",))})
    approve(root, capsys)
    git(root, "init", "-q")
    git(root, "add", "-A")
    stamp = "2026-12-06T15:47:00+00:00"
    subprocess.run(
        ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.vn", "commit", "-qm", "Duyệt"],
        cwd=root,
        check=True,
        env={**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp},
    )
    edit(root, "Nội dung bản tin.", "Nội dung đã sửa.")
    out = approve(root, capsys, "--dry-run")
    assert ", 22:47, 06/12/2026), 1 dòng" in out


@needs_git
def test_an_approval_never_committed_is_said_not_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md(drop=("approved_by",))})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Bài mới")
    approve(root, capsys)  # approved, not committed
    edit(root, "Nội dung bản tin.", "Nội dung đã sửa.")
    out = approve(root, capsys, "--dry-run")
    assert "không thấy bản đã duyệt trong lịch sử git" in out and "đọc lại cả bài" in out


def test_without_a_repository_a_re_approval_shows_no_comparison(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {FILE: bulletin_md(drop=("approved_by",))})
    approve(root, capsys)
    edit(root, "Nội dung bản tin.", "Nội dung đã sửa.")
    out = approve(root, capsys, "--dry-run")
    assert "Duyệt lại" in out and "bản đã duyệt" not in out


def test_the_words_diff_leaves_out_the_approval_lines_and_marks_removed_lines() -> None:
    old = 'approved_by: "A"\napproved_version: "1"\ntitle: "Tin"\n\nMột.\n\nHai.\n'
    new = 'approved_by: "B"\napproved_version: "2"\ntitle: "Tin mới"\n\nMột.\n'
    assert word_diff(old, new) == ['dòng 3: title: [-"Tin"-]{+"Tin mới"+}', "bỏ dòng: Hai."]


# A bulletin that aired.

RADIO_APPROVER = "Thượng tá Nguyễn Văn Hùng"
"""Who approved the radio fixture's bulletins (by name: its policy accepts that)."""


def aired_project(tmp_path: Path) -> Path:
    """The radio fixture after the sync that sent its episode of Saturday 14/12/2024, 17:00,
    with its first bulletin edited (a number of its text corrected) once that aired."""
    root = tmp_path / "radio"
    shutil.copytree(FIXTURES / "radio", root)
    assert sync_command(root, "2024-12-12T12:00") == 0
    edit(root, "0912.345.678", "0912.345.679", RADIO_FILE)
    return root


def approve_aired(root: Path, capsys: pytest.CaptureFixture[str], now: str) -> str:
    """What `publish approve --dry-run` prints of the radio fixture's first bulletin at `now`."""
    capsys.readouterr()
    args = ["approve", "--root", str(root), "--now", now, RADIO_FILE, "--by", RADIO_APPROVER]
    assert main([*args, "--dry-run"]) == 0
    return capsys.readouterr().out


def test_an_aired_bulletin_approved_after_an_edit_is_told_the_station_keeps_what_aired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was judged as a script to send («đăng ngay», a reason it would not air): the aired
    episode is the station's and is never written again, so the edit never reaches it."""
    root = aired_project(tmp_path)
    out = approve_aired(root, capsys, "2024-12-16T12:00")
    assert "kênh: web (radio: đã phát, xem dòng «đài» dưới)" in out
    assert (
        "đài: bài đã phát lúc 17:00, Thứ Bảy, 14/12/2024 (tập 2024-W50); tập đã phát là của "
        "đài, không được ghi hay gửi lại, nên bản sửa này không tới đài. Người nghe đã nghe bản "
        "cũ: cần báo họ chỗ sửa thì ghi thêm một lần đính chính (corrections) rồi duyệt lại"
    ) in out
    assert "đài không phát" not in out and "đăng mới trên đài" not in out
    # As the build keeps it: the station's folder gets no new script of it.
    assert sync_command(root, "2024-12-16T12:00") == 0
    assert not (root / "dai-phat-thanh" / "2024-W51").exists()


def test_an_aired_bulletin_with_a_correction_is_told_when_the_correction_airs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = aired_project(tmp_path)
    note = '  - date: 2024-12-16 09:00\n    note: "Sửa số đường dây nóng."\n'
    edit(root, "approved_by:", f"corrections:\n{note}approved_by:", RADIO_FILE)
    out = approve_aired(root, capsys, "2024-12-16T12:00")
    assert (
        "nên bản sửa này không tới đài; lời đính chính thứ 1 được đọc thành tin «Đính chính» "
        "riêng ở buổi phát 17:00, Thứ Bảy, 21/12/2024."
    ) in out
    assert "Người nghe đã nghe bản cũ" not in out
    # The build reads it there.
    assert sync_command(root, "2024-12-16T12:00") == 0
    assert (root / "dai-phat-thanh" / "2024-W51" / "script.txt").is_file()
    # Once that item aired, nothing more is owed.
    assert sync_command(root, "2024-12-23T12:00") == 0
    out = approve_aired(root, capsys, "2024-12-23T12:00")
    assert "lời đính chính thứ 1" not in out and "bài đã phát lúc 17:00, Thứ Bảy, 14/12" in out


def test_an_aired_bulletin_whose_correction_cannot_be_read_on_air_is_told_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its line said the correction «được đọc … ở buổi phát 21/12» while the build holds it
    out of every episode: an abbreviation the dictionary lacks (check and build said so; the
    approver, who signs the note, was told it would air)."""
    root = aired_project(tmp_path)
    note = '  - date: 2024-12-16 09:00\n    note: "Sửa số đường dây nóng của ĐCSĐTTQX."\n'
    edit(root, "approved_by:", f"corrections:\n{note}approved_by:", RADIO_FILE)
    out = approve_aired(root, capsys, "2024-12-16T12:00")
    assert (
        "nên bản sửa này không tới đài; lời đính chính thứ 1 chưa đọc được trên sóng nên không "
        "được đưa vào tập nào: Chữ viết tắt «ĐCSĐTTQX» chưa có trong từ điển"
    ) in out, out
    assert "ở buổi phát 17:00, Thứ Bảy, 21/12/2024" not in out
    assert "Sửa lời đính chính thì phải duyệt lại" in out
    # As the build holds it: no episode of that week reads it.
    assert sync_command(root, "2024-12-16T12:00") == 0
    assert not (root / "dai-phat-thanh" / "2024-W51").exists()


def test_a_bulletin_taken_off_the_website_is_not_told_as_replaced_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its old address (state/web-urls.json keeps them all) made it «thay bản đang đăng trên
    đài; rút khỏi website», a website it had left a sync before."""
    root = tmp_path / "radio"
    shutil.copytree(FIXTURES / "radio", root)
    assert sync_command(root, "2024-12-12T12:00") == 0
    edit(
        root,
        "category: an-ninh-trat-tu\n",
        "category: an-ninh-trat-tu\nchannels: [radio]\n",
        RADIO_FILE,
    )
    assert sync_command(root, "2024-12-12T12:30") == 0
    edit(root, "0912.345.678", "0912.345.679", RADIO_FILE)
    [line] = [
        s for s in approve_aired(root, capsys, "2024-12-12T13:00").splitlines() if "kênh:" in s
    ]
    assert "kênh: radio; thay bản đang đăng trên đài ngay khi được đưa lên" in line
    assert "website" not in line


# A number corrected in a bulletin out now.

SCAM = "Đối tượng dùng số 0912 345 687 gọi điện tự xưng cán bộ Công an."


@needs_git
def test_a_number_changed_in_a_published_bulletin_without_a_correction_gets_one_to_paste(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The duty officer fixed a wrong digit of the scammer's number at night and re-approved:
    the diff showed it, and readers of the old number were never told. Approve still approves
    and offers the `corrections` item README asks for; pasted as given, it is a valid one."""
    root = zalo_project(tmp_path, 1)
    edit(root, "Sáng nay, Công an", f"{SCAM} Sáng nay, Công an", ZALO_FILE)
    approve(root, capsys, file=ZALO_FILE)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Duyệt")
    assert sync(root) == 0
    edit(root, "0912 345 687", "0912 345 678", ZALO_FILE)
    out = approve(root, capsys, "--dry-run", file=ZALO_FILE)
    assert "Duyệt lại" in out
    assert (
        "số điện thoại đã đổi so với bản đã duyệt (0912 345 687 → 0912 345 678) mà không có "
        "mục đính chính mới"
    ) in out
    lines = out.splitlines()
    start = lines.index("      corrections:")
    block = lines[start : start + 3]
    assert block == [
        "      corrections:",
        "        - date: 2021-01-01 09:00",
        '          note: "Sửa số điện thoại: đúng là 0912 345 678, không phải 0912 345 687."',
    ]
    pasted = "\n".join(line[6:] for line in block)
    edit(root, "---\n\n", f"{pasted}\n---\n\n", ZALO_FILE)
    out = approve(root, capsys, file=ZALO_FILE)
    assert "số điện thoại đã đổi" not in out  # the correction is there
    assert "đính chính lúc 09:00, Thứ Sáu, 01/01/2021: «Sửa số điện thoại" in out
    capsys.readouterr()
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 0, capsys.readouterr().err


@needs_git
def test_no_correction_is_offered_when_no_number_changed_or_nothing_is_out_yet(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    edit(root, "Sáng nay, Công an", f"{SCAM} Sáng nay, Công an", ZALO_FILE)
    approve(root, capsys, file=ZALO_FILE)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Duyệt")
    # Not synced yet: nobody has read the wrong number.
    edit(root, "0912 345 687", "0912 345 678", ZALO_FILE)
    out = approve(root, capsys, "--dry-run", file=ZALO_FILE)
    assert "Duyệt lại" in out and "số điện thoại đã đổi" not in out
    edit(root, "0912 345 678", "0912 345 687", ZALO_FILE)
    assert sync(root) == 0
    # Out now, a typo fixed elsewhere: the same number, written alike or not.
    edit(root, "0912 345 687 gọi điện", "0912.345.687 gọi điện thoại", ZALO_FILE)
    out = approve(root, capsys, "--dry-run", file=ZALO_FILE)
    assert "dòng " in out and "số điện thoại đã đổi" not in out


def test_a_bulletin_with_corrections_already_gets_the_item_to_add_to_its_list() -> None:
    """Its `corrections:` line is there: a second one would be a key written twice."""
    old = bulletin_md({"corrections": '\n  - date: 2020-12-02 08:00\n    note: "Sửa tên ấp."'})
    old = old.replace("Nội dung bản tin.", "Gọi 0912 345 687 là lừa đảo; chặn số 0987 654 321.")
    new = old.replace("0912 345 687", "0912 345 678")
    dropped, added = changed_numbers(old.encode(), new.encode()) or ([], [])
    assert (dropped, added) == (["0912 345 687"], ["0912 345 678"])
    now = dt.datetime(2021, 1, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    told = correction_hint(dropped, added, listed=True, now=now)
    assert "thêm mục này vào cuối danh sách corrections đã có trong phần đầu" in told[1]
    assert "  corrections:" not in told and told[-2] == "    - date: 2021-01-01 09:00"
    # One more correction written: nothing to offer.
    more = new.replace('Sửa tên ấp."', 'Sửa tên ấp."\n  - date: 2021-01-01 09:00\n    note: "x"')
    assert changed_numbers(old.encode(), more.encode()) is None


@pytest.mark.parametrize(
    ("old", "new", "told"),
    [
        ("Gọi 0912**345**687 là lừa đảo.", "Gọi 0912**345**678.", ("0912345687", "0912345678")),
        (
            "Gọi 0912 <b>345</b> 687 là lừa đảo.",
            "Gọi 0912 345 678.",
            ("0912 345 687", "0912 345 678"),
        ),
        ("Số 0912\n345 687 tự xưng Công an.", "Số 0912 345 678.", ("0912 345 687", "0912 345 678")),
    ],
    ids=["bold", "tag", "wrapped"],
)
def test_a_number_written_with_marks_is_one_number_as_the_reader_sees_it(
    old: str, new: str, told: tuple[str, str]
) -> None:
    """The page shows one number where the source holds bold marks, an inline tag or a line
    break inside it: a digit corrected there went untold (the hint read the raw Markdown)."""
    before = bulletin_md({}).replace("Nội dung bản tin.", old)
    after = bulletin_md({}).replace("Nội dung bản tin.", new)
    assert changed_numbers(before.encode(), after.encode()) == ([told[0]], [told[1]])
