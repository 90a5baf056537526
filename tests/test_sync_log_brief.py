"""Outside a terminal (a CI log) `publish sync` names the first BRIEF_SHOWN routine actions,
in the plan and among the ✓ lines, and counts the rest: a first Zalo sync of 3,000 bulletins
printed over 6,000 such lines (QA of session 75). Withdrawals and failures stay listed one by
one; --verbose, and a terminal, list every action as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.sync.base import BRIEF_SHOWN, NOTABLE, Action, format_plan
from publish.sync.zalo_plan import GIVEN_UP, LATE_CHECK
from publish.zalo.emulator import ZaloEmulator
from tests.test_sync_zalo import LONG_AGO, STUCK_WAIT, edit, forge, stuck_on
from tests.zalo_project import TITLES, records, sync, told, zalo_project

COUNT = BRIEF_SHOWN + 5


def test_a_first_sync_in_a_log_names_twenty_creates_and_counts_the_rest(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, COUNT)
    capsys.readouterr()
    summary = tmp_path / "tom-tat.json"
    assert sync(root, "--summary-json", str(summary)) == 0
    lines = told(capsys).splitlines()
    planned = [x for x in lines if x.startswith("  - tạo mới bt-")]
    assert len(planned) == BRIEF_SHOWN
    assert "  … và 5 thao tác khác (5 tạo mới); thêm --verbose để liệt kê từng thao tác" in lines
    done = [x for x in lines if x.startswith("  ✓ ")]
    assert len(done) == BRIEF_SHOWN
    # Each bulletin is created, then its create verified: 2 × 25 steps, 20 of them named.
    assert (
        f"  … và {2 * COUNT - BRIEF_SHOWN} thao tác khác đã xong (5 tạo mới, {COUNT} xác minh); "
        "thêm --verbose để liệt kê từng thao tác"
    ) in lines
    assert f"  zalo: {COUNT} tạo mới, 0 cập nhật, 0 rút lại/gỡ, 0 không đổi" in "\n".join(lines)
    [zalo] = json.loads(summary.read_text("utf-8"))["channels"]
    assert zalo["created"] == COUNT and zalo["failed"] == 0
    assert len(emulator.articles) == COUNT


def test_verbose_lists_every_action_of_the_plan_and_every_step_done(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, COUNT)
    capsys.readouterr()
    assert sync(root, "--verbose") == 0
    lines = told(capsys).splitlines()
    assert len([x for x in lines if x.startswith("  - tạo mới bt-")]) == COUNT
    assert len([x for x in lines if x.startswith("  ✓ tạo mới bt-")]) == COUNT
    assert len([x for x in lines if x.startswith("  ✓ xác minh bt-")]) == COUNT
    assert not [x for x in lines if x.startswith("  … và")]


def test_withdrawals_past_the_first_twenty_are_all_named() -> None:
    """A CI log reader must see each bulletin taken down; only creates, updates and
    verifications are counted."""
    creates = [Action("create", f"moi-{n}", "bản tin mới") for n in range(30)]
    hides = [Action("withdraw", f"rut-{n}", "bản tin đã rút") for n in range(25)]
    plan = format_plan("zalo", [*creates, *hides], shown=BRIEF_SHOWN).splitlines()
    assert len([x for x in plan if x.startswith("  - tạo mới")]) == BRIEF_SHOWN
    assert [x for x in plan if x.startswith("  - rút lại")] == [
        f"  - rút lại rut-{n}: bản tin đã rút" for n in range(25)
    ]
    assert (
        plan[-1] == "  … và 10 thao tác khác (10 tạo mới); thêm --verbose để liệt kê từng thao tác"
    )
    assert format_plan("zalo", [*creates, *hides]).count("\n") == 55  # all, with shown None


def _brief_of_none(monkeypatch: pytest.MonkeyPatch) -> None:
    """A log outside a terminal that names no routine step: past BRIEF_SHOWN, as in a sync of
    thousands, only what is worth a line is left."""
    monkeypatch.setattr("publish.commands.sync.BRIEF_SHOWN", 0)


def test_a_hide_zalo_confirms_is_named_however_many_steps_came_before(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """«Zalo đã ẩn bài N» is the only line saying a withdrawal took effect: a verify, but no
    routine one (review R10)."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    article = records(root)["bt-000"]["article_id"]
    (root / "content" / "bai-viet" / "ban-tin-000.md").unlink()
    _brief_of_none(monkeypatch)
    capsys.readouterr()
    assert sync(root) == 0
    lines = told(capsys).splitlines()
    assert f"  ✓ xác minh bt-000: Zalo đã ẩn bài {article}" in lines
    assert not [x for x in lines if x.startswith("  … và")]  # nothing routine was left out


def test_a_late_job_showing_a_withdrawn_bulletin_again_is_named_in_the_plan_and_when_put_right(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The watch of an update a hide replaced is a verify in the plan, and its outcome «Zalo
    vừa xong muộn … hiện lại bài của bản tin đã rút» a verify's ✓ line: neither is routine."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article = records(root)["bt-000"]["article_id"]
    stuck_on(emulator, TITLES[0])
    edit(root, 0, summary='"Tóm tắt đang gửi."')
    assert sync(root) == 3  # the update still processing
    emulator.configure(stuck_title_substrings=())
    (root / "content" / "bai-viet" / "ban-tin-000.md").unlink()
    assert sync(root) == 0  # hidden; the update in flight watched
    assert emulator.finish_stuck_jobs() == 1  # Zalo applies it late: shown again
    _brief_of_none(monkeypatch)
    capsys.readouterr()
    assert sync(root) == 0
    lines = told(capsys).splitlines()
    assert [x for x in lines if x.startswith("  - xác minh bt-000") and GIVEN_UP in x]
    # The late job put right, then the hide it sent again confirmed: both named.
    late, hidden = [x for x in lines if x.startswith("  ✓ xác minh bt-000: ")]
    assert f"Zalo vừa xong muộn bản cập nhật bài {article}" in late
    assert "hiện lại bài của bản tin đã rút" in late
    assert hidden == f"  ✓ xác minh bt-000: Zalo đã ẩn bài {article}"
    assert not [x for x in lines if x.startswith("  … và")]
    assert emulator.articles[article]["status"] == "hide"


def test_a_late_check_finding_a_withdrawn_bulletin_shown_again_is_named(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """check_late's «… của bản tin đã rút hiện lại; đã gửi lệnh ẩn» is a verify's ✓ line, and
    its plan line a read of a withdrawn bulletin's article: both named in a brief log."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article = records(root)["bt-000"]["article_id"]
    stuck_on(emulator, TITLES[0])
    edit(root, 0, summary='"Tóm tắt đang gửi."')
    assert sync(root) == 3
    emulator.configure(stuck_title_substrings=())
    (root / "content" / "bai-viet" / "ban-tin-000.md").unlink()
    assert sync(root) == 0
    [job] = records(root)["bt-000"]["given_up"]
    forge(root, "bt-000", given_up=[{**job, "given_up_at": LONG_AGO}])
    assert sync(root) == 0  # no longer asked about
    assert emulator.finish_stuck_jobs() == 1
    forge(root, "bt-000", late_checked_at=LONG_AGO)
    _brief_of_none(monkeypatch)
    capsys.readouterr()
    assert sync(root) == 0
    lines = told(capsys).splitlines()
    assert [x for x in lines if x.startswith("  - xác minh bt-000") and LATE_CHECK in x]
    late, hidden = [x for x in lines if x.startswith("  ✓ xác minh bt-000: ")]
    assert "của bản tin đã rút hiện lại; đã gửi lệnh ẩn" in late
    assert hidden == f"  ✓ xác minh bt-000: Zalo đã ẩn bài {article}"
    assert not [x for x in lines if x.startswith("  … và")]


def test_routine_verifies_are_still_counted_in_a_brief_log(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A create's verify says nothing a reader needs: counted, not named."""
    root = zalo_project(tmp_path, 2)
    _brief_of_none(monkeypatch)
    capsys.readouterr()
    assert sync(root) == 0
    lines = told(capsys).splitlines()
    assert not [x for x in lines if x.startswith(("  ✓ ", "  - "))]
    assert (
        "  … và 4 thao tác khác đã xong (2 tạo mới, 2 xác minh); thêm --verbose để liệt kê "
        "từng thao tác"
    ) in lines


def test_a_plan_names_every_verify_marked_notable() -> None:
    """A read of a withdrawn bulletin's article for a job Zalo may apply late is a verify,
    named however many creates came before it."""
    creates = [Action("create", f"moi-{n}", "bản tin mới") for n in range(BRIEF_SHOWN)]
    watch = Action("verify", "rut-1", GIVEN_UP, "", {NOTABLE: True})
    plan = format_plan("zalo", [*creates, watch, Action("verify", "x", "lấy mã")], shown=0)
    assert plan.splitlines()[1:] == [
        f"  - xác minh rut-1: {GIVEN_UP}",
        f"  … và {BRIEF_SHOWN + 1} thao tác khác ({BRIEF_SHOWN} tạo mới, 1 xác minh); thêm "
        "--verbose để liệt kê từng thao tác",
    ]
