"""`publish sync zalo --reconcile` stopped by a failure no person need mend (HTTP 5xx, a lost
connection), above all on the token refresh it makes first: told what failed without the
sync's own next step («lần chạy sau tự làm tiếp (phần đã xong đã được lưu)» is untrue of a
reconcile: a later sync does not reconcile, and nothing was saved), and a refresh token Zalo
spent told as needing a new consent, never as a wait. Against the loopback emulator."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import expire_access_token, records, sync, told, zalo_bulletin, zalo_project

SYNC_NEXT_STEP = "lần chạy sau tự làm tiếp"
SAVED = "phần đã xong đã được lưu"
NOTHING_DONE = "nên chưa đối chiếu gì, chưa đổi gì trong state/zalo.json, chưa gửi gì lên Zalo"


def said(capsys: pytest.CaptureFixture[str]) -> str:
    """Everything printed since the last look, on one line."""
    return " ".join(told(capsys).split())


@pytest.fixture
def expired(tmp_path: Path, emulator: ZaloEmulator, zalo_env: None) -> Path:
    """A project of 2 bulletins on Zalo whose access token has expired: the next run that
    calls Zalo refreshes it first."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    expire_access_token(tmp_path / "secrets" / "token.json")
    emulator.clear_calls()
    return root


@pytest.mark.parametrize("dry", [True, False])
def test_a_refresh_zalo_keeps_failing_with_5xx_is_not_promised_to_a_later_sync(
    dry: bool, expired: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    emulator.configure(fault_paths=("/access_token",), fail_first_5xx=1000)
    before = records(expired)
    capsys.readouterr()
    assert sync(expired, "--reconcile", *(["--dry-run"] if dry else [])) == 3
    out = said(capsys)
    assert "--reconcile: chưa làm mới được access token Zalo (Máy chủ Zalo" in out
    assert "HTTP 503 khi làm mới access token" in out
    assert NOTHING_DONE in out and "Chạy lại lệnh sau ít phút" in out
    assert SYNC_NEXT_STEP not in out and SAVED not in out
    assert records(expired) == before and emulator.write_calls() == []


def test_a_refresh_whose_reply_is_lost_and_token_spent_asks_for_consent_not_a_wait(
    expired: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    """Zalo took the single-use refresh token, its reply was lost, the retry was refused
    (-14014): waiting mends nothing, a new consent does."""
    emulator.configure(fault_paths=("/access_token",), drop_first=1, drop_after_processing=True)
    capsys.readouterr()
    assert sync(expired, "--dry-run", "--reconcile") == 1
    out = said(capsys)
    assert "refresh token cũ không còn dùng được" in out
    assert "cấp quyền lại" in out and "publish zalo-login" in out
    assert "sau ít phút" not in out and SYNC_NEXT_STEP not in out
    assert emulator.refresh_token not in out


def test_a_reconcile_whose_getdetail_keeps_failing_says_only_that_the_command_runs_again(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hidden article Zalo leaves out of its list is read again; HTTP 503 every time: the
    client's «lần chạy sau tự làm tiếp (phần đã xong đã được lưu)» was quoted inside the
    reconcile's «chưa đổi gì»."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    path = root / "content" / "bai-viet" / "ban-tin-000.md"
    path.write_text(zalo_bulletin(0, draft="true"), encoding="utf-8")
    assert sync(root) == 0
    emulator.configure(hidden_in_list="left_out")
    emulator.configure(fault_paths=("/article/getdetail",), fail_first_5xx=1000)
    capsys.readouterr()
    assert sync(root, "--dry-run", "--reconcile") == 3
    out = said(capsys)
    assert "--reconcile: chưa đọc lại được bài" in out and NOTHING_DONE in out
    assert SYNC_NEXT_STEP not in out and SAVED not in out
