"""`publish next`: what goes live next, what will not go live by itself, what expires — in site time."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from publish.cli import main
from publish.commands.next import time_left
from tests.helpers import bulletin_md, make_project

NOW = "2021-01-01T09:00"
TZ = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A project with published, scheduled, blocked and expiring bulletins."""
    return make_project(
        tmp_path,
        {
            "content/live.md": bulletin_md({"id": "live", "title": '"Đã đăng"'}),
            "content/later.md": bulletin_md(
                {"id": "later", "title": '"Tin hẹn tuần sau"', "date": "2021-01-08 07:30"}
            ),
            "content/soon.md": bulletin_md(
                {
                    "id": "soon",
                    "title": '"Tin hẹn sáng mai"',
                    "date": "2021-01-02 08:00",
                    "channels": "[web, radio]",
                }
            ),
            # 02:00 UTC is 09:00 in Vietnam: the listing must show site time, not the offset given.
            "content/utc.md": bulletin_md(
                {"id": "utc", "title": '"Tin hẹn theo giờ UTC"', "date": "2021-01-03T02:00:00Z"}
            ),
            "content/draft.md": bulletin_md(
                {
                    "id": "draft",
                    "title": '"Nháp hẹn giờ"',
                    "date": "2021-01-04 08:00",
                    "draft": "true",
                }
            ),
            "content/old-draft.md": bulletin_md(
                {"id": "old-draft", "title": '"Nháp cũ"', "draft": "true"}
            ),
            "content/unapproved.md": bulletin_md(
                {"id": "unapproved", "title": '"Chờ duyệt"', "date": "2021-01-05 08:00"},
                drop=["approved_by"],
            ),
            "content/expiring.md": bulletin_md(
                {"id": "expiring", "title": '"Thông báo có hạn"', "expires": "2021-01-01 17:00"}
            ),
            "content/expired.md": bulletin_md(
                {"id": "expired", "title": '"Đã hết hạn"', "expires": "2020-12-31 17:00"}
            ),
            "content/pinned.md": bulletin_md(
                {
                    "id": "pinned",
                    "title": '"Cảnh báo khẩn: thủ đoạn lừa đảo mới"',
                    "pinned": "2021-01-03 17:00",
                }
            ),
            "content/pinned-always.md": bulletin_md(
                {"id": "pinned-always", "title": '"Ghim tới khi gỡ"', "pinned": "true"}
            ),
            "content/unpinned.md": bulletin_md(
                {"id": "unpinned", "title": '"Hết ghim hôm qua"', "pinned": "2020-12-31 17:00"}
            ),
        },
    )


def run_next(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run `publish next` at the fixed clock and return stdout."""
    assert main(["--root", str(root), "--now", NOW, "next", *args]) == 0
    return capsys.readouterr().out


def test_scheduled_bulletins_soonest_first_in_site_time(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_next(root, capsys)
    waiting = out.split("Bản tin chờ đến giờ đăng (3):", 1)[1].split("\n\n", 1)[0]
    assert waiting.index("Tin hẹn sáng mai") < waiting.index("Tin hẹn theo giờ UTC")
    assert waiting.index("Tin hẹn theo giờ UTC") < waiting.index("Tin hẹn tuần sau")
    assert "  08:00, Thứ Bảy, 02/01/2021 (còn 23 giờ)  «Tin hẹn sáng mai»" in waiting
    assert "      content/soon.md → web, radio" in waiting
    assert "09:00, Chủ nhật, 03/01/2021 (còn 2 ngày)  «Tin hẹn theo giờ UTC»" in waiting
    assert "07:30, Thứ Sáu, 08/01/2021 (còn 6 ngày 22 giờ)" in waiting
    assert "Đã đăng" not in out


def test_future_drafts_and_unapproved_are_flagged_as_not_going_live(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_next(root, capsys)
    stuck = out.split("Hẹn giờ nhưng sẽ KHÔNG tự lên (2)", 1)[1].split("\n\n", 1)[0]
    assert "«Nháp hẹn giờ»" in stuck and "lý do: bản nháp (draft: true)" in stuck
    assert "«Chờ duyệt»" in stuck and "chưa được duyệt" in stuck
    assert "Nháp cũ" not in out  # a draft dated in the past is not scheduled for anything


def test_expiring_bulletins_are_listed_but_not_already_expired_ones(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_next(root, capsys)
    expiring = out.split("Bản tin sắp hết hạn (1)", 1)[1]
    assert "17:00, Thứ Sáu, 01/01/2021 (còn 8 giờ)  «Thông báo có hạn»" in expiring
    assert "Đã hết hạn" not in out


def test_pins_ending_ahead_are_listed_but_not_endless_or_ended_ones(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_next(root, capsys)
    ending = out.split("Bản tin sắp hết ghim (1)", 1)[1]
    assert ending.startswith(" — rời khung «Tin cần chú ý» đầu trang chủ website")
    assert "17:00, Chủ nhật, 03/01/2021 (còn 2 ngày 8 giờ)  «Cảnh báo khẩn: thủ đoạn" in ending
    assert "      content/pinned.md → web" in ending
    assert "Ghim tới khi gỡ" not in out and "Hết ghim hôm qua" not in out


def test_json_for_ci(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(run_next(root, capsys, "--format", "json"))
    assert document["timezone"] == "Asia/Ho_Chi_Minh"
    assert [item["key"] for item in document["scheduled"]] == ["soon", "utc", "later"]
    soon = document["scheduled"][0]
    assert soon["at"] == "2021-01-02T08:00:00+07:00" and soon["in_seconds"] == 23 * 3600
    assert soon["channels"] == ["web", "radio"] and soon["source"] == "content/soon.md"
    assert document["scheduled"][1]["at"] == "2021-01-03T09:00:00+07:00"
    assert [item["key"] for item in document["blocked"]] == ["draft", "unapproved"]
    assert [item["key"] for item in document["expiring"]] == ["expiring"]
    assert [item["key"] for item in document["pin_ending"]] == ["pinned"]
    assert document["pin_ending"][0]["at"] == "2021-01-03T17:00:00+07:00"


def test_nothing_waiting_is_said_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"content/a.md": bulletin_md()})
    out = run_next(root, capsys)
    assert "Không có bản tin nào đang chờ đến giờ đăng." in out
    assert "KHÔNG tự lên" not in out and "hết hạn" not in out and "hết ghim" not in out


def test_once_the_time_has_come_it_is_no_longer_waiting(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(root), "--now", "2021-01-02T08:00", "next"]) == 0
    out = capsys.readouterr().out
    assert "Bản tin chờ đến giờ đăng (2):" in out and "Tin hẹn sáng mai" not in out


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (dt.timedelta(seconds=30), "còn dưới 1 phút"),
        (dt.timedelta(minutes=45, seconds=59), "còn 45 phút"),
        (dt.timedelta(hours=2, minutes=5), "còn 2 giờ 5 phút"),
        (dt.timedelta(days=1), "còn 1 ngày"),
        (dt.timedelta(days=3, hours=4, minutes=59), "còn 3 ngày 4 giờ"),
        (dt.timedelta(days=2, minutes=7), "còn 2 ngày 7 phút"),
    ],
)
def test_time_left_in_words(delta: dt.timedelta, expected: str) -> None:
    now = dt.datetime(2021, 1, 1, 9, 0, tzinfo=TZ)
    assert time_left(now + delta, now) == expected


def test_zalo_is_listed_only_once_the_unit_names_its_oa(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No [zalo] oa_id (a unit without an OA): «→ web, zalo, radio» said Zalo would carry
    bulletins nothing sends there; in the text and in the JSON for CI alike."""
    out = run_next(root, capsys)
    assert "      content/utc.md → web, radio\n" in out
    document = json.loads(run_next(root, capsys, "--format", "json"))
    assert document["scheduled"][1]["channels"] == ["web", "radio"]
    site = root / "site.toml"
    with site.open("a", encoding="utf-8") as handle:
        handle.write('\n[zalo]\noa_id = "2463951837402251183"\n')
    assert "      content/utc.md → web, zalo, radio\n" in run_next(root, capsys)
    document = json.loads(run_next(root, capsys, "--format", "json"))
    assert document["scheduled"][1]["channels"] == ["web", "zalo", "radio"]


UNKNOWN = "Đội ANXH đã làm việc với người dân tại ấp 3.\n"
"""A body the radio will not read: an abbreviation the dictionary lacks (rule R14.6)."""
OFF_AIR = (
    "      content/anxh.md → web (radio: không phát — Chữ viết tắt «ANXH» chưa có trong từ "
    "điển nên được giữ nguyên, không đánh vần (mã quy tắc R14.6); xem từng chỗ: publish "
    "speak content/anxh.md --flags)"
)


def test_a_bulletin_the_radio_will_not_read_is_listed_without_it_as_approve_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`publish approve` said «radio: không phát» of it, and next still listed «→ web, radio»:
    one verdict (publish.approval_radio), unapproved or approved."""
    fields = {"id": "anxh", "date": "2021-01-02 08:00", "channels": "[web, radio]"}
    root = make_project(
        tmp_path,
        {"content/anxh.md": bulletin_md(fields, body=UNKNOWN, drop=["approved_by"])},
    )
    monkeypatch.chdir(root)  # run in the project: the file as it spells it, no --root
    out = run_next(root, capsys)
    stuck = out.split("Hẹn giờ nhưng sẽ KHÔNG tự lên (1)", 1)[1]
    assert OFF_AIR + "; lý do: chưa được duyệt" in stuck
    approve = ["--root", str(root), "--now", NOW, "approve", "content/anxh.md", "--by", "A B"]
    assert main(approve) == 0
    assert "kênh: web (radio: không phát, lý do ở dòng «đài» dưới)" in capsys.readouterr().out
    out = run_next(root, capsys)
    assert OFF_AIR + "\n" in out.split("Bản tin chờ đến giờ đăng (1):", 1)[1]
    [item] = json.loads(run_next(root, capsys, "--format", "json"))["scheduled"]
    assert item["channels"] == ["web"]
    assert item["radio_off"].startswith("radio: không phát — Chữ viết tắt «ANXH»")
    # Added to the unit's dictionary, it is read: listed on the radio again, with no note.
    (root / "viet-tat.tsv").write_text("ANXH\tan ninh xã hội\n", encoding="utf-8")
    with (root / "site.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[radio]\nabbreviations = "viet-tat.tsv"\n')
    assert "      content/anxh.md → web, radio\n" in run_next(root, capsys)


def test_the_command_listing_the_findings_is_typed_where_next_was_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Run beside the project (--root), next told «publish speak content/x.md --flags»: that
    command, typed there, found no file and read no abbreviation file of the unit's."""
    fields = {"id": "anxh", "date": "2021-01-02 08:00", "channels": "[web, radio]"}
    root = make_project(tmp_path, {"content/tin anxh.md": bulletin_md(fields, body=UNKNOWN)})
    out = run_next(root, capsys)  # from the tests' folder, not the project's
    shown = os.path.relpath(root / "content" / "tin anxh.md")
    assert f'xem từng chỗ: publish speak "{shown}" --flags --root {root})' in out


def test_a_bulletin_kept_off_the_radio_for_another_reason_gets_no_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Expiring before its broadcast, it has no read-aloud finding: «xem từng chỗ: publish speak
    … --flags» sent the editor to a command that lists nothing."""
    fields = {
        "id": "short",
        "date": "2021-01-02 08:00",
        "expires": "2021-01-02 10:00",
        "channels": "[web, radio]",
    }
    root = make_project(tmp_path, {"content/short.md": bulletin_md(fields)})
    out = run_next(root, capsys)
    [line] = [x for x in out.splitlines() if "content/short.md →" in x]
    assert line.startswith("      content/short.md → web (radio: không phát — ")
    assert "publish speak" not in line
