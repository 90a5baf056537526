"""Outside a terminal (a CI log) `publish sync` names the first BRIEF_SHOWN routine actions,
in the plan and among the ✓ lines, and counts the rest: a first Zalo sync of 3,000 bulletins
printed over 6,000 such lines (QA of session 75). Withdrawals and failures stay listed one by
one; --verbose, and a terminal, list every action as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.sync.base import BRIEF_SHOWN, Action, format_plan
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import sync, told, zalo_project

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
