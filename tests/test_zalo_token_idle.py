"""A scheduled sync with nothing to send keeps the Zalo login alive and finds a dead one.

The CI runs every 30 minutes; most runs have nothing for Zalo. A run that never logged in then
never refreshed the token (Zalo ends a refresh token left unused for about three months) and
never saw it revoked: the schedule stayed green until an urgent bulletin could not reach Zalo.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import expire_access_token, records, sync, told, zalo_project

OAUTH = "/v4/oa/access_token"


@pytest.fixture
def synced(tmp_path: Path, emulator: ZaloEmulator, zalo_env: None) -> Path:
    """A project whose bulletins are all on Zalo, the call log then emptied."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    emulator.clear_calls()
    return root


def test_a_run_with_nothing_to_send_renews_an_expired_access_token_once(
    tmp_path: Path, synced: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    token = tmp_path / "secrets" / "token.json"
    before = records(synced)
    expire_access_token(token)
    capsys.readouterr()
    assert sync(synced) == 0
    assert emulator.count_calls(OAUTH) == 1
    assert json.loads(token.read_text("utf-8"))["refresh_token"] == emulator.refresh_token
    assert emulator.write_calls() == [] and records(synced) == before
    assert "không có thay đổi nào" in told(capsys)
    # Fresh now: the next runs of the day ask Zalo nothing.
    emulator.clear_calls()
    assert sync(synced) == 0
    assert emulator.calls == []


def test_a_token_revoked_is_told_by_the_next_idle_run_after_the_access_token_expired(
    tmp_path: Path, synced: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    token = tmp_path / "secrets" / "token.json"
    spent = json.loads(token.read_text("utf-8"))["refresh_token"]
    emulator.state.refresh_tokens.clear()  # the OA admin withdrew the app's permission
    # While the access token lasts nothing is asked (and nothing fails).
    assert sync(synced) == 0 and emulator.calls == []
    expire_access_token(token)
    capsys.readouterr()
    assert sync(synced) == 1
    message = told(capsys)
    assert "-14014" in message and "zalo-login" in message
    assert spent not in message
    assert emulator.write_calls() == []


def test_no_token_file_no_call_when_there_is_nothing_to_send(
    tmp_path: Path, synced: Path, emulator: ZaloEmulator
) -> None:
    """An editor's machine, or CI before its first run: nothing to keep alive, nothing asked."""
    (tmp_path / "secrets" / "token.json").unlink()
    assert sync(synced) == 0
    assert emulator.calls == []


def test_a_zalo_unreachable_while_renewing_is_a_warning_not_a_failure(
    tmp_path: Path, synced: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    token = tmp_path / "secrets" / "token.json"
    expire_access_token(token)
    emulator.configure(fail_5xx_rate=1.0)
    capsys.readouterr()
    assert sync(synced) == 0
    message = told(capsys)
    assert "chưa làm mới được token Zalo đã hết hạn" in message
    assert "lần đồng bộ sau thử lại" in message


def test_a_revoked_token_found_while_idle_still_folds_the_journal_a_killed_run_left(
    tmp_path: Path, synced: Path, emulator: ZaloEmulator
) -> None:
    """The channel stops (exit 1) when the idle renewal meets a revoked token; CI commits
    state/ after it all the same, so the journal a killed run left is folded first."""
    state = synced / "state" / "zalo.json"
    clean = state.read_bytes()
    document = json.loads(clean)
    key = sorted(document["entries"])[0]
    entry = document["entries"].pop(key)
    state.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    journal = state.with_name("zalo.json.journal")
    journal.write_text(json.dumps({"key": key, "entry": entry}, ensure_ascii=False) + "\n")
    emulator.state.refresh_tokens.clear()  # the OA admin withdrew the app's permission
    expire_access_token(tmp_path / "secrets" / "token.json")
    assert sync(synced) == 1
    assert emulator.count_calls(OAUTH) >= 1 and emulator.write_calls() == []
    assert not journal.exists()
    assert state.read_bytes() == clean
