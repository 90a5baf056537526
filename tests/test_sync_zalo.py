"""`publish sync zalo` against the emulator over real HTTP: idempotent, crash-safe, never a duplicate."""

from __future__ import annotations

import collections
import errno
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from publish.cli import main
from publish.sync.manifest import Manifest
from publish.sync.zalo_lookup import content_digest, utc_stamp
from publish.zalo import ZaloClient, ZaloError
from publish.zalo.emulator import EmulatorConfig, Reply, ZaloEmulator
from publish.zalo.tokens import TokenFile, TokenPair
from tests import forked
from tests.zalo_fixtures import env_for, sample_body
from tests.zalo_project import FAST_ENV, NOW, OA_ID, TITLES, zalo_bulletin, zalo_project

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def emulator() -> Iterator[ZaloEmulator]:
    """A running emulator; the first verify of each token says -214 (still processing)."""
    with ZaloEmulator(EmulatorConfig(verify_processing_count=1)) as emu:
        yield emu


@pytest.fixture
def zalo_env(emulator: ZaloEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    """Point publish at the emulator through the environment, as a user would."""
    env = env_for(emulator, tmp_path / "secrets" / "zalo-token.json", **FAST_ENV)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PUBLISH_ZALO_CRASH_AT", raising=False)
    return env


def sync(root: Path, *extra: str) -> int:
    """Run `publish sync zalo` in this process."""
    return main(["--root", str(root), "--now", NOW, "sync", "zalo", *extra])


def state(root: Path) -> dict:
    """The entries of state/zalo.json."""
    return json.loads((root / "state" / "zalo.json").read_text(encoding="utf-8"))["entries"]


def titles(emulator: ZaloEmulator) -> collections.Counter:
    """How many articles the OA holds for each title."""
    return collections.Counter(a["title"] for a in emulator.articles.values())


def expected_titles(root: Path) -> set[str]:
    """The titles of the built payloads."""
    return {
        json.loads(p.read_text(encoding="utf-8"))["title"]
        for p in (root / "output" / "zalo").glob("*.json")
    }


def assert_published_once(root: Path, emulator: ZaloEmulator) -> None:
    """Every bulletin is on the OA exactly once, and the state knows each article id."""
    counts = titles(emulator)
    assert set(counts) == expected_titles(root)
    assert all(n == 1 for n in counts.values()), counts
    entries = state(root)
    assert {e["article_id"] for e in entries.values()} == set(emulator.articles)
    assert all(e["status"] == "live" and "token" not in e for e in entries.values())


def payload_of(root: Path, key: str) -> dict:
    """The built payload of one bulletin."""
    return json.loads((root / "output" / "zalo" / f"{key}.json").read_text(encoding="utf-8"))


def edit(root: Path, index: int, **fields: str) -> None:
    """Rewrite bulletin `index` with changed fields."""
    path = root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md"
    path.write_text(zalo_bulletin(index, **fields), encoding="utf-8")


# --- the everyday flow ------------------------------------------------------------------------------


def test_first_sync_creates_every_article_and_the_second_sends_nothing(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 4)
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 4
    assert_published_once(root, emulator)
    for article in emulator.articles.values():
        assert article["status"] == "show"
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 0
    assert emulator.write_calls() == []
    assert emulator.count_calls("/article/verify") == 0
    assert emulator.calls == []  # not even a login: it would spend the refresh token
    assert "không có thay đổi nào" in capsys.readouterr().out


def test_an_oa_added_without_zalo_in_default_channels_is_told_why_nothing_goes(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """`publish init` without an OA writes default_channels without zalo: a unit that later
    wrote only its oa_id saw «không có thay đổi nào» and nothing ever reached its OA. The sync
    says why and what to add; once added, every bulletin is created."""
    root = zalo_project(tmp_path, 2)
    toml = root / "site.toml"
    text = toml.read_text("utf-8")
    toml.write_text(
        text.replace('default_channels = ["web", "zalo"]', 'default_channels = ["web"]')
    )
    capsys.readouterr()
    assert sync(root) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "không bản tin nào có kênh zalo" in said
    assert 'thêm "zalo" vào default_channels' in said
    assert emulator.write_calls() == []
    toml.write_text(text, "utf-8")
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 2
    assert "không bản tin nào có kênh zalo" not in capsys.readouterr().out


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "real"])
def test_sync_zalo_named_without_an_oa_id_sends_and_plans_nothing(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    dry_run: bool,
) -> None:
    """Credentials in the environment are not enough: the OA must be the one site.toml names."""
    root = zalo_project(tmp_path, 3)
    toml = root / "site.toml"
    toml.write_text(toml.read_text("utf-8").replace(f'oa_id = "{OA_ID}"', ""), "utf-8")
    assert sync(root, *(["--dry-run"] if dry_run else [])) == 1
    out = capsys.readouterr()
    assert "tạo mới" not in out.out.replace("0 tạo mới", "")
    assert (
        "zalo: LỖI — chưa cấu hình Zalo OA: bảng [zalo] của site.toml chưa có oa_id"
        in out.out + out.err
    )
    assert "Biến môi trường ZALO_APP_ID đã đặt" in out.out + out.err
    assert 'Cách sửa: đặt oa_id = "…"' in out.out + out.err
    assert emulator.write_calls() == [] and not (root / "state" / "zalo.json").exists()


def test_a_token_of_another_oa_sends_nothing(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """CI secrets of the unit's test OA must not publish into it as if it were the real one:
    the OA the token belongs to (getoa) must be the one site.toml names."""
    root = zalo_project(tmp_path, 3)
    emulator.configure(oa_id="1111222233334444555", oa_name="OA thử của đơn vị")
    assert sync(root) == 1
    out = capsys.readouterr()
    told = out.out + out.err
    assert "thuộc OA «OA thử của đơn vị» (mã 1111222233334444555)" in told
    assert f"không phải OA {OA_ID}" in told
    assert emulator.count_calls("/article/create") == 0 and not emulator.articles
    emulator.configure(oa_id=OA_ID)
    assert sync(root) == 0
    assert_published_once(root, emulator)


NEW_OA = "1111222233334444555"


def test_the_shared_token_file_is_used_only_once_zalo_says_it_is_this_oa_s(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """The zalo-token.json an older version wrote names no OA: a unit that never logged in
    must not send its bulletins to the OA of the unit whose token it holds. It is used when
    getoa says it is this OA's, and from then on it names that OA (no other OA reads it)."""
    config_home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    monkeypatch.delenv("ZALO_TOKEN_FILE")
    monkeypatch.delenv("ZALO_REFRESH_TOKEN")
    shared = config_home / "publish" / "zalo-token.json"
    TokenFile(shared).save(TokenPair(refresh_token=emulator.refresh_token))
    root = zalo_project(tmp_path, 2)
    emulator.configure(oa_id_key="none")  # getoa cannot confirm whose token it is
    assert sync(root) == 1
    told = "".join(capsys.readouterr())
    assert f"tệp token Zalo {shared} không ghi token thuộc OA nào" in told
    assert "câu trả lời getoa không có mã OA" in told
    assert (
        f"chạy `publish zalo-login` trong thư mục dự án này để lấy token riêng cho OA {OA_ID}"
        in told
    )
    assert emulator.write_calls() == [] and not emulator.articles
    assert "oa_id" not in json.loads(shared.read_text("utf-8"))

    emulator.configure(oa_id_key="oa_id")
    assert sync(root) == 0
    assert_published_once(root, emulator)
    assert json.loads(shared.read_text("utf-8"))["oa_id"] == OA_ID

    other = tmp_path / "other"
    other.mkdir()
    second = zalo_project(other, 1)
    toml = second / "site.toml"
    toml.write_text(toml.read_text("utf-8").replace(OA_ID, NEW_OA), "utf-8")
    created = emulator.count_calls("/article/create")
    assert sync(second) == 1
    told = "".join(capsys.readouterr())
    assert f"chưa có tệp token {config_home / 'publish' / f'zalo-token-{NEW_OA}.json'}" in told
    assert emulator.count_calls("/article/create") == created


def test_on_ci_the_first_sync_waits_for_getoa_and_tells_the_operator_to_rerun_keeping_the_file(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """CI refreshes ZALO_REFRESH_TOKEN into a token file that names no OA: until getoa names
    [zalo] oa_id nothing is sent. The secret is spent by then, so the operator must rerun with
    the file kept, not replace the secret or clear the cache (which would need a new login)."""
    token_file = Path(zalo_env["ZALO_TOKEN_FILE"])
    root = zalo_project(tmp_path, 2)
    emulator.configure(oa_id_key="none")
    assert sync(root) == 1
    told = " ".join("".join(capsys.readouterr()).split())
    assert f"tệp token Zalo {token_file} không ghi token thuộc OA nào" in told
    assert "trên CI (có ZALO_REFRESH_TOKEN), đừng đổi bí mật ZALO_REFRESH_TOKEN" in told
    assert f"đừng xóa tệp token {token_file} hay cache chứa nó" in told
    assert "Chạy lại job sau vài phút (GitHub: Re-run jobs; GitLab: Retry)" in told
    assert f"cho tới khi Zalo trả lời getoa có mã OA {OA_ID}" in told
    assert "publish zalo-login` trong thư mục dự án này để lấy token riêng" not in told
    assert emulator.write_calls() == [] and not emulator.articles
    assert emulator.used_refresh_tokens == [zalo_env["ZALO_REFRESH_TOKEN"]]

    emulator.configure(oa_id_key="oa_id")  # the rerun, with the file the cache kept
    assert sync(root) == 0
    assert_published_once(root, emulator)
    assert json.loads(token_file.read_text("utf-8"))["oa_id"] == OA_ID


@pytest.mark.parametrize("fault", ["5xx", "html"])
def test_a_passing_getoa_fault_on_the_first_ci_run_is_a_remote_fault_the_next_run_heals(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    fault: str,
) -> None:
    """The token file the first CI run writes from ZALO_REFRESH_TOKEN names no OA until getoa
    confirms it. Zalo failing getoa then (5xx, a page that is no JSON) is Zalo's fault, not a
    person's: exit 3, nothing sent, and no word of an older version's file or another unit's
    token (this run wrote the file seconds before); the next run asks again and sends."""
    token_file = Path(zalo_env["ZALO_TOKEN_FILE"])
    root = zalo_project(tmp_path, 2)
    if fault == "5xx":
        emulator.configure(fault_paths=("/oa/getoa",), fail_first_5xx=20)
    else:
        emulator.configure(
            fault_paths=("/oa/getoa",),
            garble_first=20,
            garble_body="<html>Bảo trì</html>",
            garble_before_processing=True,
        )
    assert sync(root) == 3
    told = " ".join("".join(capsys.readouterr()).split())
    assert f"chưa xác nhận được token Zalo là của OA {OA_ID}" in told
    assert "Lần chạy này vừa làm mới ZALO_REFRESH_TOKEN" in told
    assert f"lưu cặp token mới vào tệp {token_file}: đừng xóa tệp đó" in told
    assert "lần chạy sau hỏi lại Zalo" in told
    assert "bản publish cũ" not in told and "OA một đơn vị khác" not in told
    assert emulator.write_calls() == [] and not emulator.articles
    assert emulator.used_refresh_tokens == [zalo_env["ZALO_REFRESH_TOKEN"]]

    emulator.configure(fail_first_5xx=0, garble_first=0)
    assert sync(root) == 0
    assert_published_once(root, emulator)
    assert json.loads(token_file.read_text("utf-8"))["oa_id"] == OA_ID


def test_a_getoa_fault_after_a_no_op_run_renewed_from_a_new_secret_is_a_remote_fault(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A new ZALO_REFRESH_TOKEN secret (a re-authorization) replaces the cached file's spent
    one in a run with nothing to send, and getoa then fails on Zalo's side: the token WAS
    renewed and is not confirmed. That run said «chưa làm mới được token» and exit 0, where
    the README promises exit 3, as for a run that sends."""
    token_file = Path(zalo_env["ZALO_TOKEN_FILE"])
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    pair = json.loads(token_file.read_text("utf-8"))
    monkeypatch.setenv("ZALO_REFRESH_TOKEN", pair["refresh_token"])  # the new secret
    pair.update(refresh_token=zalo_env["ZALO_REFRESH_TOKEN"], expires_at=time.time() - 60)
    token_file.write_text(json.dumps(pair), "utf-8")  # the cache: its refresh token spent
    emulator.configure(fault_paths=("/oa/getoa",), fail_first_5xx=20)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 3
    told = " ".join("".join(capsys.readouterr()).split())
    assert f"chưa xác nhận được token Zalo là của OA {OA_ID}" in told
    assert "Lần chạy này vừa làm mới ZALO_REFRESH_TOKEN" in told
    assert "chưa làm mới được token" not in told
    assert emulator.write_calls() == []


def test_no_connection_for_getoa_after_a_no_op_run_renewed_from_a_new_secret_is_exit_3(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """As with a 5xx above, but the connection to getoa is refused: the renewed token's OA is
    just as unconfirmed, yet the run said «cảnh báo… Không cần làm gì» and exit 0."""
    token_file = Path(zalo_env["ZALO_TOKEN_FILE"])
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    pair = json.loads(token_file.read_text("utf-8"))
    monkeypatch.setenv("ZALO_REFRESH_TOKEN", pair["refresh_token"])  # the new secret
    pair.update(refresh_token=zalo_env["ZALO_REFRESH_TOKEN"], expires_at=time.time() - 60)
    token_file.write_text(json.dumps(pair), "utf-8")  # the cache: its refresh token spent
    monkeypatch.setenv("ZALO_UNREACHABLE_WAIT", "0.02")
    send = httpx.Client.send

    def down_for_getoa(self: httpx.Client, request: httpx.Request, **kwargs: Any) -> Any:
        """The network, refusing every connection to getoa (the refresh still goes through)."""
        if request.url.path.endswith("/oa/getoa"):
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return send(self, request, **kwargs)

    monkeypatch.setattr(httpx.Client, "send", down_for_getoa)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 3
    told = " ".join("".join(capsys.readouterr()).split())
    assert "Dừng kênh Zalo: không kết nối được tới Zalo" in told
    assert "Lần chạy này vừa làm mới ZALO_REFRESH_TOKEN" in told
    assert f"{token_file}, nhưng chưa xác nhận được token là của OA nào" in told
    assert "Không cần làm gì: lần đồng bộ sau kiểm tra lại" not in told
    assert emulator.write_calls() == []
    assert json.loads(token_file.read_text("utf-8"))["refresh_token"] != pair["refresh_token"]


def test_an_older_version_s_token_file_is_still_refused_when_getoa_fails(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A file naming no OA that this run did not write (an older version's shared file) may hold
    another unit's token: with getoa failing it stays refused as before (exit 1)."""
    monkeypatch.delenv("ZALO_REFRESH_TOKEN")
    token_file = Path(zalo_env["ZALO_TOKEN_FILE"])
    TokenFile(token_file).save(TokenPair(refresh_token=emulator.refresh_token))
    root = zalo_project(tmp_path, 1)
    emulator.configure(fault_paths=("/oa/getoa",), fail_first_5xx=20)
    assert sync(root) == 1
    told = " ".join("".join(capsys.readouterr()).split())
    assert f"tệp token Zalo {token_file} không ghi token thuộc OA nào" in told
    assert emulator.write_calls() == []


def test_on_ci_the_oa_confirmed_by_the_getoa_that_refreshed_the_token_is_kept_in_the_file(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """CI with ZALO_ACCESS_TOKEN (no longer valid) and ZALO_REFRESH_TOKEN: the OA check's getoa
    is refused (-216), refreshes, and names [zalo] oa_id. The token file that refresh wrote
    records the OA, so a later sync whose getoa gives no OA id still sends, as with a file
    naming the OA, instead of refusing with the secret spent and the file kept by the cache."""
    monkeypatch.setenv("ZALO_ACCESS_TOKEN", "access-token-cu-da-het-hieu-luc")
    token_file = Path(zalo_env["ZALO_TOKEN_FILE"])
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    assert_published_once(root, emulator)
    assert emulator.used_refresh_tokens == [zalo_env["ZALO_REFRESH_TOKEN"]]
    assert json.loads(token_file.read_text("utf-8"))["oa_id"] == OA_ID

    emulator.configure(oa_id_key="none")
    edit(root, 1, summary='"Tóm tắt đã sửa sau lần đồng bộ đầu."')
    capsys.readouterr()
    assert sync(root) == 0
    told = "".join(capsys.readouterr())
    assert "không ghi token thuộc OA nào" not in told
    assert emulator.count_calls("/article/update") == 1


def test_a_unit_moved_to_another_oa_sends_nothing_until_the_old_oa_s_records_are_put_aside(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A commune police formed in 2025 may take over another OA: the old OA's article ids in
    state/zalo.json mean nothing there, and every bulletin would read as already on Zalo."""
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    recorded = json.loads((root / "state" / "zalo.json").read_text("utf-8"))
    assert recorded["meta"]["oa_id"] == OA_ID
    toml = root / "site.toml"
    toml.write_text(toml.read_text("utf-8").replace(OA_ID, NEW_OA), "utf-8")
    with ZaloEmulator(EmulatorConfig(oa_id=NEW_OA)) as other:
        for name, value in env_for(other, tmp_path / "secrets" / "moi.json", **FAST_ENV).items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        for extra in (["--dry-run"], []):
            assert sync(root, *extra) == 1
            told = "".join(capsys.readouterr())
            assert f"state/zalo.json ghi các bài đã đăng trên OA mã {OA_ID}" in told
            assert f"[zalo] oa_id trong site.toml nay là {NEW_OA}" in told
            assert f"git mv state/zalo.json state/zalo-oa-{OA_ID}.json" in told
            assert "publish sync zalo --reconcile trước" in told
            assert "lần đồng bộ thường tạo lại mọi bài, trùng với bài đã có" in told
            assert other.write_calls() == []
        (root / "state" / "zalo.json").rename(root / "state" / f"zalo-oa-{OA_ID}.json")
        assert sync(root) == 0
        assert other.count_calls("/article/create") == 3
        assert_published_once(root, other)
    assert json.loads((root / "state" / "zalo.json").read_text("utf-8"))["meta"]["oa_id"] == NEW_OA
    assert len(emulator.articles) == 3  # the old OA's articles are left as they were


def test_a_unit_going_back_to_an_oa_it_used_is_told_to_put_that_oa_s_records_back(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """Starting empty on an OA that has the articles already creates every one a second time:
    the OA's own records, kept aside when the unit left it, are what to go back to."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    state_dir = root / "state"
    toml = root / "site.toml"
    toml.write_text(toml.read_text("utf-8").replace(OA_ID, NEW_OA), "utf-8")
    (state_dir / "zalo.json").rename(state_dir / f"zalo-oa-{OA_ID}.json")
    with ZaloEmulator(EmulatorConfig(oa_id=NEW_OA)) as other, monkeypatch.context() as env:
        for name, value in env_for(other, tmp_path / "secrets" / "moi.json", **FAST_ENV).items():
            env.setenv(name, value)
        assert sync(root) == 0
    toml.write_text(toml.read_text("utf-8").replace(NEW_OA, OA_ID), "utf-8")  # back to the first
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    told = "".join(capsys.readouterr())
    assert f"Hồ sơ bài của OA {OA_ID} còn trong state/zalo-oa-{OA_ID}.json" in told
    assert f"git mv state/zalo.json state/zalo-oa-{NEW_OA}.json" in told
    assert f"state/zalo-oa-{OA_ID}.json state/zalo.json" in told
    assert emulator.write_calls() == []

    # Following README step 4 alone (the records put aside, none put back) is stopped too.
    (state_dir / "zalo.json").rename(state_dir / f"zalo-oa-{NEW_OA}.json")
    assert sync(root) == 1
    told = "".join(capsys.readouterr())
    assert f"state/zalo-oa-{OA_ID}.json ghi các bài đã đăng trên OA mã {OA_ID}" in told
    assert f"git mv state/zalo-oa-{OA_ID}.json state/zalo.json" in told
    assert emulator.write_calls() == []
    (state_dir / f"zalo-oa-{OA_ID}.json").rename(state_dir / "zalo.json")
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 0
    assert_published_once(root, emulator)


def test_a_renamed_unit_updates_every_article_in_place_and_the_plan_says_why(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    toml = root / "site.toml"
    renamed = toml.read_text("utf-8").replace(
        "Công an huyện Châu Thành", "Công an xã Tân Nhuận Đông"
    )
    toml.write_text(renamed.replace("Công an Châu Thành", "Công an Tân Nhuận Đông"), "utf-8")
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root, "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.count("tiêu đề và thân bản tin không đổi; phần khác của bài Zalo đổi") == 3
    assert (
        "zalo: lưu ý: 3/3 bài trên Zalo được cập nhật dù tiêu đề và thân bản tin không đổi" in out
    )
    assert "không tạo bài mới" in out
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 0
    assert emulator.count_calls("/article/update") == 3
    assert {a["author"] for a in emulator.articles.values()} == {"Công an Tân Nhuận Đông"}
    assert_published_once(root, emulator)


def test_a_footer_set_in_site_toml_updates_every_article_in_place_and_the_plan_says_why(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    toml = root / "site.toml"
    footer = "Mọi thông tin về an ninh trật tự, xin báo đường dây nóng 0277 3610 113."
    toml.write_text(toml.read_text("utf-8") + f'footer = "{footer}"\n', "utf-8")
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root, "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.count("tiêu đề và thân bản tin không đổi; phần khác của bài Zalo đổi") == 3
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 0
    assert emulator.count_calls("/article/update") == 3
    for article in emulator.articles.values():
        texts = [b["content"] for b in article["body"] if b["type"] == "text"]
        assert texts[-2] == footer
    assert_published_once(root, emulator)


def test_records_of_an_older_version_learn_their_oa_at_the_next_sync_once_zalo_has_one(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    """The run that writes the OA into an older version's file reads one of its articles
    (nothing sent); every later no-op sync calls Zalo no more."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    path = root / "state" / "zalo.json"
    older = json.loads(path.read_text("utf-8"))
    older["meta"] = {}
    path.write_text(json.dumps(older), "utf-8")
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == [] and emulator.count_calls("/article/getdetail") == 1
    assert json.loads(path.read_text("utf-8"))["meta"] == {"oa_id": OA_ID}
    before = path.stat().st_mtime_ns
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.calls == []
    assert path.stat().st_mtime_ns == before  # written once, not at every sync


def older_version_state(root: Path) -> Path:
    """Make state/zalo.json look written by a version that noted no OA; its path."""
    path = root / "state" / "zalo.json"
    older = json.loads(path.read_text("utf-8"))
    older["meta"] = {}
    path.write_text(json.dumps(older), "utf-8")
    return path


def test_an_upgrade_check_zalo_cannot_answer_stops_the_channel_until_it_can(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """getdetail failing (-32) on the run that must tell an older version's records are this
    OA's: the sync went on unchecked with a warning, exit 0, every run, creating nothing on a
    new OA and never noting the OA. It stops the channel (exit 3, nothing sent) until Zalo
    answers."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    path = older_version_state(root)
    handle = emulator.handle

    def refusing(method: str, target: str, headers: dict, raw: bytes) -> Reply:
        """getdetail over the API's rate limit, however often it is asked."""
        if "/article/getdetail" in target:
            return Reply(payload={"error": -32, "message": "Request exceeds rate limit"})
        return handle(method, target, headers, raw)

    emulator.handle = refusing  # type: ignore[method-assign]
    emulator.clear_calls()
    capsys.readouterr()
    for _ in range(2):
        assert sync(root) == 3
        out = told(capsys)
        assert f"chưa kiểm tra được các bài state/zalo.json ghi có trên OA {OA_ID} không" in out
        assert "không gửi gì lên Zalo" in out and "Lần đồng bộ sau kiểm tra lại" in out
        assert emulator.write_calls() == []
        assert json.loads(path.read_text("utf-8"))["meta"] == {}
    emulator.handle = handle  # type: ignore[method-assign]
    assert sync(root) == 0
    assert json.loads(path.read_text("utf-8"))["meta"] == {"oa_id": OA_ID}
    assert emulator.write_calls() == []


def test_the_upgrade_check_asks_about_live_articles_before_hidden_ones(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    """The newest records an older version wrote were withdrawn bulletins whose hidden articles
    an admin deleted by hand: asked about first, none was found, and the sync stopped, saying
    the records were of another OA though every live article is on this one."""
    root = zalo_project(tmp_path, 5)
    assert sync(root) == 0
    for index in (2, 3, 4):
        (root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md").unlink()
    assert sync(root) == 0
    for key in ("bt-002", "bt-003", "bt-004"):
        assert state(root)[key]["status"] == "hidden"
        del emulator.state.articles[state(root)[key]["article_id"]]
        forge(root, key, synced_at="2099-01-01T00:00:00+00:00")  # the newest records
    path = older_version_state(root)
    emulator.clear_calls()
    assert sync(root) == 0
    assert json.loads(path.read_text("utf-8"))["meta"] == {"oa_id": OA_ID}
    assert emulator.count_calls("/article/getdetail") == 1 and emulator.write_calls() == []


def test_an_upgrade_and_an_oa_switch_in_one_change_sends_nothing_to_the_new_oa(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """An older version's state file (no OA noted), with site.toml's oa_id changed in the same
    commit as the upgrade: the old OA's records were taken for the new OA's, every bulletin read
    as already there and none was created on it. None of the records' articles is on the new
    OA: the sync stops and says how to put the old records aside."""
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    path = root / "state" / "zalo.json"
    older = json.loads(path.read_text("utf-8"))
    older["meta"] = {}
    path.write_text(json.dumps(older), "utf-8")
    toml = root / "site.toml"
    toml.write_text(toml.read_text("utf-8").replace(OA_ID, NEW_OA), "utf-8")
    with ZaloEmulator(EmulatorConfig(oa_id=NEW_OA)) as other, monkeypatch.context() as env:
        for name, value in env_for(other, tmp_path / "secrets" / "moi.json", **FAST_ENV).items():
            env.setenv(name, value)
        capsys.readouterr()
        for _ in range(2):  # told again, not settled by writing the new OA into the file
            assert sync(root) == 1
            out = told(capsys)
            assert "không bài nào trong 3 bài đăng gần nhất nó ghi có trên OA" in out
            assert "git mv state/zalo.json state/zalo-oa-<mã OA cũ>.json" in out
            assert other.write_calls() == []
            assert json.loads(path.read_text("utf-8"))["meta"] == {}
        path.rename(root / "state" / f"zalo-oa-{OA_ID}.json")
        assert sync(root) == 0
        assert other.count_calls("/article/create") == 3
        assert_published_once(root, other)


def test_editing_one_bulletin_sends_exactly_one_update(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    article_id = state(root)["bt-001"]["article_id"]
    emulator.clear_calls()
    edit(root, 1, summary='"Tóm tắt đã sửa sau khi đăng."')
    assert sync(root) == 0
    writes = emulator.write_calls()
    assert [(c.path, c.body["id"]) for c in writes] == [("/v2.0/article/update", article_id)]
    assert emulator.articles[article_id]["description"] == "Tóm tắt đã sửa sau khi đăng."
    assert_published_once(root, emulator)
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []


def test_renaming_the_file_or_editing_the_title_updates_the_same_article(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    old = root / "content" / "bai-viet" / "ban-tin-000.md"
    old.rename(old.with_name("ten-moi.md"))
    (old.with_name("ten-moi.md")).write_text(
        zalo_bulletin(0, title='"Tiêu đề đã sửa"'), encoding="utf-8"
    )
    emulator.clear_calls()
    assert sync(root) == 0
    assert [(c.path, c.body["id"]) for c in emulator.write_calls()] == [
        ("/v2.0/article/update", article_id)
    ]
    assert emulator.articles[article_id]["title"] == "Tiêu đề đã sửa"


def test_renaming_a_bulletin_with_id_says_its_web_address_changed_old_to_new(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """A bulletin with `id` renamed, title and body kept: its article is updated for the web
    address its last line carries, which the plan explained as «phần lấy từ site.toml … dòng
    cuối bài». It now says the address changed, old → new, as the article showed it and will."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    before = emulator.articles[article_id]["body"][-1]["content"]
    old = root / "content" / "bai-viet" / "ban-tin-000.md"
    old.rename(old.with_name("ten-moi.md"))
    capsys.readouterr()
    assert sync(root, "--dry-run") == 0
    planned = " ".join(capsys.readouterr().out.split())
    assert sync(root) == 0
    after = emulator.articles[article_id]["body"][-1]["content"]
    old_page, new_page = before.rsplit(" ", 1)[1], after.rsplit(" ", 1)[1]
    assert old_page != new_page and new_page.endswith("/ten-moi/")
    assert f"địa chỉ web của bản tin đổi: {old_page} → {new_page}" in planned
    assert "site.toml" not in planned
    # A record from before addresses were kept names the file's old and new names.
    entries = json.loads((root / "state" / "zalo.json").read_text("utf-8"))
    del entries["entries"]["bt-000"]["page"]
    (root / "state" / "zalo.json").write_text(json.dumps(entries), "utf-8")
    (root / "content" / "bai-viet" / "ten-moi.md").rename(old)
    capsys.readouterr()
    assert sync(root, "--dry-run") == 0
    planned = " ".join(capsys.readouterr().out.split())
    assert (
        "tệp bản tin đổi tên: content/bai-viet/ten-moi.md → content/bai-viet/ban-tin-000.md"
        in planned
    )


def test_a_changed_slug_without_id_is_detected_as_a_rename(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    bulletin = zalo_bulletin(0).replace("id: bt-000\n", "")
    root = zalo_project(tmp_path, 1, files={"content/bai-viet/canh-bao-moi.md": bulletin})
    assert sync(root) == 0
    article_id = state(root)["canh-bao-moi"]["article_id"]
    path = root / "content" / "bai-viet" / "canh-bao-moi.md"
    path.rename(path.with_name("canh-bao-moi-nhat.md"))
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 0
    assert "đổi tên từ canh-bao-moi" in capsys.readouterr().out
    assert [(c.path, c.body["id"]) for c in emulator.write_calls()] == [
        ("/v2.0/article/update", article_id)
    ]
    entries = state(root)
    assert "canh-bao-moi" not in entries
    assert entries["canh-bao-moi-nhat"]["article_id"] == article_id
    assert len(emulator.articles) == 2
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []


def test_withdrawn_bulletins_are_hidden_and_come_back(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    ids = {k: e["article_id"] for k, e in state(root).items()}
    edit(root, 0, draft="true")
    edit(root, 1, expires='"2020-12-31 00:00"')
    (root / "content" / "bai-viet" / "ban-tin-002.md").unlink()
    capsys.readouterr()
    assert sync(root) == 0
    out = capsys.readouterr().out
    assert "bản nháp" in out and "ẩn bài trên Zalo" in out and "tệp bản tin đã bị xoá" in out
    assert {a["status"] for a in emulator.articles.values()} == {"hide"}
    assert len(emulator.articles) == 3  # hidden, not deleted
    assert {e["status"] for e in state(root).values()} == {"hidden"}
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []
    edit(root, 0)
    assert sync(root) == 0
    assert emulator.articles[ids["bt-000"]]["status"] == "show"
    assert len(emulator.articles) == 3


def test_a_bulletin_hidden_with_an_update_unverified_is_shown_when_it_comes_back(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    emulator.configure(verify_processing_count=1000)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    assert sync(root) == 3  # the update's token is kept, unverified
    assert "token" in state(root)["bt-000"]
    emulator.configure(verify_processing_count=0)
    edit(root, 0, draft="true")
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "hide"
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "show"
    assert_published_once(root, emulator)


def test_a_hide_zalo_fails_is_reported_and_sent_again(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    emulator.configure(failing_image_substrings=("bia",))  # the cover no longer loads: -200
    edit(root, 0, draft="true")
    capsys.readouterr()
    assert sync(root) == 3
    assert "Zalo không ẩn được bài" in capsys.readouterr().out
    assert emulator.articles[article_id]["status"] == "show"
    assert state(root)["bt-000"]["status"] == "live"
    emulator.configure(failing_image_substrings=())
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "hide"
    assert state(root)["bt-000"]["status"] == "hidden"
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []


def test_on_withdraw_remove_deletes_the_article(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    root = zalo_project(tmp_path, 2, zalo='on_withdraw = "remove"')
    assert sync(root) == 0
    gone = state(root)["bt-001"]["article_id"]
    edit(root, 1, approved_by='""')
    assert sync(root) == 0
    assert gone not in emulator.articles and len(emulator.articles) == 1
    assert state(root)["bt-001"]["status"] == "removed"
    edit(root, 1)
    assert sync(root) == 0
    assert_published_once(root, emulator)


def test_dry_run_sends_nothing_and_keeps_no_state(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 2)
    assert sync(root, "--dry-run") == 0
    assert "kế hoạch 2 thao tác" in capsys.readouterr().out
    assert emulator.write_calls() == []
    assert not (root / "state" / "zalo.json").exists()


def test_a_corrupt_state_file_stops_the_sync(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 1)
    (root / "state").mkdir()
    (root / "state" / "zalo.json").write_text('{"entries": {', encoding="utf-8")
    assert sync(root) == 1
    captured = capsys.readouterr()
    assert "--reconcile" in captured.out + captured.err
    assert emulator.write_calls() == []
    [backup] = (root / "state").glob("zalo.json.hong-*")  # the broken file, kept aside
    backup.unlink()
    for dry in (["--dry-run"], ["--dry-run", "--reconcile"]):
        sync(root, *dry)
    assert list((root / "state").glob("zalo.json.hong-*")) == []  # dry runs write nothing


def test_a_reconcile_of_a_corrupt_state_file_that_fails_leaves_no_empty_state_behind(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    """Recording the OA must not write the empty manifest --reconcile starts from: were the
    reconcile then cut short, the next sync would take it for "nothing on Zalo" and post every
    bulletin a second time."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    path = root / "state" / "zalo.json"
    path.write_text('{"entries": {', encoding="utf-8")
    # The OA's list cannot be read (a gateway's answer that is not Zalo's JSON).
    emulator.configure(fault_paths=("/article/getslice",), fail_first_5xx=99, fail_5xx_status=404)
    assert sync(root, "--reconcile") != 0
    assert path.read_text("utf-8") == '{"entries": {'
    emulator.configure(fault_paths=None, fail_first_5xx=0)
    emulator.clear_calls()
    assert sync(root) == 1  # still the damaged file: stops, creates nothing
    assert emulator.count_calls("/article/create") == 0


def damage(path: Path, text: bytes) -> None:
    """Overwrite a file in place keeping its size, inode and mtime: the build's replay of the
    last one then trusts it (as after a disk fault or a hand edit that restored the time)."""
    st = path.stat()
    with open(path, "r+b") as handle:
        handle.write(text.ljust(st.st_size, b" ")[: st.st_size])
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (b"{broken", "dòng 1, cột 2: tên mục phải trong ngoặc kép"),
        (b"[1, 2]", "không phải một đối tượng JSON"),
        (b'{"title": 7}', "tiêu đề không phải chuỗi"),
        (b'{"title": "\xff"}', "không phải UTF-8"),
        (None, "không có quyền"),
    ],
)
def test_a_damaged_payload_in_output_stops_the_sync_with_the_file_named(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    text: bytes | None,
    why: str,
) -> None:
    """A payload in output/zalo/ that is not a JSON object, or cannot be read, was a traceback."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    payload = root / "output" / "zalo" / "bt-001.json"
    edit(root, 0, summary='"Tóm tắt đã sửa."')  # a change the damaged run must not send
    unreadable = [payload]
    if text is None:
        read_bytes = Path.read_bytes

        def refused(self: Path) -> bytes:
            """A file the sync may not read (root reads any file, so chmod cannot show it)."""
            if self in unreadable:
                raise PermissionError(13, "Permission denied", str(self))
            return read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", refused)
    else:
        damage(payload, text)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    out = told(capsys)
    assert f"{payload}: tệp bài Zalo dựng từ content/bai-viet/ban-tin-001.md bị hỏng" in out
    assert why in out and "output/" in out and "publish build" in out
    assert "Traceback" not in out
    assert emulator.calls == []  # not even a login
    unreadable.clear()
    payload.unlink()  # as the message says
    assert sync(root) == 0
    assert emulator.count_calls("/article/update") == 1


@pytest.mark.parametrize("code", [errno.EMFILE, errno.ENFILE])
def test_a_payload_unread_for_too_many_open_files_is_not_called_damaged(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
) -> None:
    """Too many open files is no damage: deleting the payload and building again would not help."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    payload = root / "output" / "zalo" / "bt-001.json"
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    read_bytes = Path.read_bytes

    def exhausted(self: Path) -> bytes:
        """The payload cannot be opened: the process (or the system) has no file left to open."""
        if self == payload:
            raise OSError(code, os.strerror(code), str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", exhausted)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    out = told(capsys)
    assert str(payload) in out and "ban-tin-001.md" in out
    assert "bị hỏng" not in out and "xoá tệp" not in out
    assert "ulimit -n" in out and "Chưa gửi gì lên Zalo" in out
    assert "Traceback" not in out
    assert emulator.calls == []
    assert json.loads(read_bytes(payload))  # the payload is left as it was


# --- failures and recovery --------------------------------------------------------------------------


def test_a_payload_the_emulator_rejects_names_the_bulletin_and_field(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    emulator.configure(title_max_len=30)
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 3
    out = capsys.readouterr().out
    source = "content/bai-viet/ban-tin-000.md"
    lines = (root / source).read_text(encoding="utf-8").splitlines()
    title_line = next(i for i, line in enumerate(lines, 1) if line.startswith("title:"))
    assert f"{source}:{title_line}: Zalo từ chối bài" in out
    assert "trường 'title'" in out and "title allow 1 to" in out
    assert "pending_create" not in state(root).get("bt-000", {})
    emulator.configure(title_max_len=149)
    assert sync(root) == 0
    assert_published_once(root, emulator)


FOOTER = (
    "Mọi thông tin về an ninh trật tự trên địa bàn, xin báo ngay cho Công an xã qua đường dây "
    "nóng 0277 3610 113 hoặc trực tiếp tại trụ sở, số 12 đường Nguyễn Huệ, ấp Tân Hòa; Công an "
    "xã tiếp nhận mọi lúc, kể cả ngày nghỉ, lễ, Tết, và giữ bí mật người báo tin theo quy định."
)
"""A [zalo] footer of one paragraph over 200 characters, under the text block limit."""


@pytest.mark.parametrize(
    ("zalo", "refusal", "field"),
    [
        ('author = "Công an xã Tân Bình"', "author is invalid!", "[zalo] author"),
        ("", "author is invalid!", "[unit] short_name"),  # the author when [zalo] has none
        ('comment = "hide"', "comment is invalid!", "[zalo] comment"),
        (f'footer = "{FOOTER}"', None, "[zalo] footer"),
    ],
)
def test_a_refused_field_set_in_site_toml_is_told_as_site_toml_and_its_key(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    zalo: str,
    refusal: str | None,
    field: str,
) -> None:
    """A field the article takes from site.toml ([zalo] author, comment, footer) is fixed there,
    not in the bulletin: the message named the bulletin file, where the editor found nothing to
    fix. It names site.toml, its line and key, and the bulletin as the article refused."""
    if refusal is None:  # the footer: a real refusal of its block, longer than Zalo takes
        emulator.configure(text_block_max_len=200)
    else:
        garble = json.dumps({"error": -201, "message": refusal})
        emulator.configure(fault_paths=("/article/create",), garble_first=1, garble_body=garble)
    root = zalo_project(tmp_path, 1, zalo=zalo)
    assert sync(root) == 3
    out = told(capsys)
    lines = (root / "site.toml").read_text("utf-8").splitlines()
    table, key = field[1:].split("] ")
    start = lines.index(f"[{table}]")
    line = next(i for i, text in enumerate(lines[start:], start + 1) if text.startswith(f"{key} ="))
    source = "content/bai-viet/ban-tin-000.md"
    assert f"site.toml:{line}: Zalo từ chối bài «{TITLES[0]} (0)» ({source})" in out
    assert f"trường '{field}'" in out and "Sửa trường này trong site.toml" in out
    assert f"{source}:" not in out  # no line of the bulletin offered as the place to fix


def test_a_refused_block_of_the_bulletin_text_is_told_as_the_bulletin(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """With a footer set, a refused block of the bulletin's own text is still the bulletin's to
    fix: only the footer's blocks are told as site.toml."""
    garble = json.dumps({"error": -201, "message": "body[1] content is invalid!"})
    emulator.configure(fault_paths=("/article/create",), garble_first=1, garble_body=garble)
    root = zalo_project(tmp_path, 1, zalo=f'footer = "{FOOTER}"')
    assert sync(root) == 3
    out = told(capsys)
    source = "content/bai-viet/ban-tin-000.md"
    assert f"{source}: Zalo từ chối bài «{TITLES[0]} (0)», trường 'nội dung bài" in out
    assert not re.search(r"site\.toml:\d+: Zalo từ chối", out)


def test_a_bulletin_showing_a_gif_from_another_site_is_published_on_zalo_without_it(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    """Zalo refuses an article whose picture it cannot take (-200 at verify): the GIF made the
    bulletin fail every sync and never reach the followers."""
    body = "Đoạn đầu.\n\n![Ảnh động](https://anh.example.vn/canh-bao.gif)\n\nĐoạn cuối.\n"
    root = zalo_project(
        tmp_path, 1, files={"content/bai-viet/ban-tin-000.md": zalo_bulletin(0, body=body)}
    )
    assert sync(root) == 0
    assert_published_once(root, emulator)
    (article,) = emulator.articles.values()
    assert [b["content"] for b in article["body"][:2]] == ["Đoạn đầu.", "Đoạn cuối."]


def test_articles_zalo_refuses_at_verify_are_counted_as_failed_not_as_created(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """Zalo took the create and refused the article when it fetched the cover (-200): the
    summary said «2 tạo mới … 2 thất bại» with nothing on the OA, and the CI operator read
    that two bulletins had gone out."""
    emulator.configure(failing_image_substrings=("bia",))
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 3
    assert emulator.articles == {}
    out = capsys.readouterr().out
    assert "zalo: 0 tạo mới, 0 cập nhật, 0 rút lại/gỡ, 0 không đổi" in out
    assert "2 thất bại" in out
    emulator.configure(failing_image_substrings=())
    assert sync(root) == 0
    assert "zalo: 2 tạo mới, 0 cập nhật" in capsys.readouterr().out
    assert_published_once(root, emulator)


def test_an_article_zalo_could_not_fetch_a_picture_of_names_the_pictures_sent(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """-200 says only that some picture failed: the operator now gets the addresses Zalo was
    asked to fetch, to open each and find the one that does not load."""
    emulator.configure(failing_image_substrings=("anh-1",))
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 3
    payload = payload_of(root, "bt-000")
    cover = payload["cover"]["photo_url"]
    (image,) = [b["url"] for b in payload["body"] if b["type"] == "image"]
    out = capsys.readouterr().out
    assert f"(ảnh đã gửi, mở thử từng địa chỉ: {cover}, {image})" in out


def test_an_update_zalo_rejects_keeps_the_article_and_names_the_field(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    emulator.configure(reject_html_in_text=True)  # "body[0] content is invalid!": "id" inside
    edit(root, 0, body="Giờ tiếp dân: x < y > z.\n")
    capsys.readouterr()
    assert sync(root) == 3
    out = capsys.readouterr().out
    assert "body[0] content is invalid!" in out and "nội dung bài (phần thân)" in out
    assert "không còn trên Zalo" not in out
    assert state(root)["bt-000"]["article_id"] == article_id
    assert state(root)["bt-000"]["status"] == "live"
    emulator.configure(reject_html_in_text=False)
    emulator.clear_calls()
    assert sync(root) == 0
    assert [c.path for c in emulator.write_calls()] == ["/v2.0/article/update"]
    assert_published_once(root, emulator)


def test_an_article_deleted_by_hand_is_created_again(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """The next plan said «bản tin được đăng lại; bài cũ đã gỡ khỏi Zalo», as if an editor had
    put a withdrawn bulletin back: it says the article was deleted on Zalo."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    del emulator.state.articles[state(root)["bt-000"]["article_id"]]
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    capsys.readouterr()
    assert sync(root) == 3
    assert "không còn trên Zalo" in capsys.readouterr().out
    assert sync(root) == 0
    out = capsys.readouterr().out
    assert "bài cũ không còn trên Zalo (đã bị xoá trong trang quản trị OA): tạo lại" in out
    assert "bản tin được đăng lại" not in out
    assert_published_once(root, emulator)


def test_a_refresh_zalo_took_but_whose_reply_was_lost_is_told_once_in_its_own_words(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """The refresh reached Zalo, which rotated the pair, and the reply was a 503: the operator
    read the login steps three times, first as «cảnh báo: không kiểm tra được token thuộc OA
    nào», and the error itself gave Zalo's generic «đã được dùng hoặc đã quá 3 tháng» instead
    of what happened. The channel stops once, saying the reply was lost, nothing sent."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    emulator.expire_access_tokens()
    emulator.configure(
        fault_paths=("/v4/oa/access_token",), fail_first_5xx=1, fail_5xx_after_processing=True
    )
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    out = told(capsys)
    assert "cảnh báo: không kiểm tra được token" not in out
    assert "Mất phản hồi khi làm mới access token (HTTP 503)" in out
    assert "đã được dùng (hoặc không được dùng quá 3 tháng)" not in out
    assert out.count("publish zalo-login") == 1  # in the summary's line only, not twice
    assert emulator.write_calls() == []


def test_an_article_deleted_on_purpose_is_kept_deleted_the_way_the_message_says(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """Told only «lần đồng bộ sau sẽ tạo lại bài», an OA admin who deleted an article on
    purpose had no way to keep it deleted: the message gives one, and it works."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    del emulator.state.articles[state(root)["bt-000"]["article_id"]]
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    capsys.readouterr()
    assert sync(root) == 3
    out = capsys.readouterr().out
    assert "Bài bị xoá có chủ ý, không muốn đăng lại: trước lần đồng bộ sau" in out
    # draft: true would take the bulletin off the website and radio too; a channels edit is
    # covered by the approval and held the bulletin everywhere until approved again.
    assert "thêm dòng draft: [zalo] vào phần đầu bản tin" in out
    assert "không phải duyệt lại" in out
    assert "hoặc ghi draft: true" not in out
    edit(root, 0, summary='"Tóm tắt đã sửa."', draft="[zalo]")
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []
    assert len(emulator.articles) == 1
    assert main(["--root", str(root), "--now", NOW, "build", "--channel", "web"]) == 0
    # Kept from Zalo alone: the website shows the bulletin, edit included, without a new approval.
    assert any(
        "Tóm tắt đã sửa." in page.read_text(encoding="utf-8")
        for page in (root / "output" / "web").rglob("index.html")
    )


def test_rate_limits_and_5xx_are_retried(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    emulator.configure(rate_limit_per_minute=3, rate_limit_window=0.05, fail_first_5xx=3)
    root = zalo_project(tmp_path, 4)
    assert sync(root) == 0
    errors = [c.error for c in emulator.calls]
    statuses = [c.http_status for c in emulator.calls]
    assert -32 in errors and 503 in statuses
    assert_published_once(root, emulator)


def test_the_run_wide_wait_on_429s_is_set_in_site_toml(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """The 5 minutes a run may wait on 429s was fixed in the code: a unit whose CI job has a
    short timeout could not make the sync stop sooner and carry on at the next run."""
    emulator.configure(
        fault_paths=("/article/create",), fail_first_5xx=10, fail_5xx_status=429, retry_after="5"
    )
    root = zalo_project(tmp_path, 1, zalo="rate_limit_wait = 4")
    assert sync(root) == 3
    out = capsys.readouterr()
    assert "yêu cầu chờ 5 giây trước khi gọi lại" in out.out + out.err
    assert "Chạy lại sau 5 giây để làm tiếp" in out.out + out.err
    assert emulator.count_calls("/article/create") == 1
    assert emulator.articles == {}


def test_a_lost_create_reply_is_found_by_title_not_sent_again(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    emulator.configure(fault_paths=("/article/create",), drop_first=1, drop_after_processing=True)
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 3
    assert_published_once(root, emulator)


def test_a_create_answered_with_http_500_is_retried_on_the_next_run_after_a_lookup(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    emulator.configure(fault_paths=("/article/create",), fail_first_5xx=1, fail_5xx_status=500)
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 3  # unsure whether it was created: not re-sent blindly
    assert "tránh đăng trùng" in capsys.readouterr().out
    assert sync(root) == 0
    assert_published_once(root, emulator)


def test_a_rerun_after_a_lost_create_reply_does_not_say_the_run_before_was_cut_short(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """The connection dropped before Zalo handled the create: that run ended normally (exit
    3), so the next plan telling the operator it «bị ngắt» sent them looking for a killed job."""
    emulator.configure(fault_paths=("/article/create",), drop_first=1)
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 3
    capsys.readouterr()
    assert sync(root, "--dry-run") == 0
    out = capsys.readouterr().out
    assert (
        "lần đồng bộ trước không biết chắc bài đã được tạo chưa (bị ngắt hoặc mất phản hồi): "
        "tìm bài theo tiêu đề trên Zalo trước khi tạo"
    ) in out
    assert "bị ngắt khi đang tạo bài" not in out


UNREAD = {
    "success without a token": (200, None),
    "an HTML page with HTTP 200": (200, "<html>OK</html>"),
    "a gateway's HTML 403": (403, "<html>Forbidden</html>"),
    "an error code no source lists": (200, '{"error": -999, "message": "Unknown"}'),
}


@pytest.mark.parametrize("reply", list(UNREAD))
def test_a_create_answered_unreadably_is_looked_up_not_sent_again(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, reply: str
) -> None:
    """Zalo made the article but the reply said nothing readable: the record keeps the sent
    create, and the article is found on the OA instead of being created a second time."""
    status, body = UNREAD[reply]
    emulator.configure(
        fault_paths=("/article/create",), garble_first=1, garble_status=status, garble_body=body
    )
    root = zalo_project(tmp_path, 1)
    sync(root)
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 1
    assert_published_once(root, emulator)


def test_a_create_zalo_refuses_by_a_listed_code_keeps_no_pending_create(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    """A documented refusal (-201) made no article: nothing is left to look up next run."""
    emulator.configure(
        fault_paths=("/article/create",),
        garble_first=1,
        garble_body='{"error": -201, "message": "cover value is invalid"}',
    )
    root = zalo_project(tmp_path, 1)
    assert sync(root) != 0
    assert not state(root)["bt-000"].get("pending_create")


def test_a_lost_create_zalo_is_still_processing_is_not_sent_again_by_a_quick_rerun(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """Whether Zalo lists an article before its create job is done is not known (contract §3):
    a rerun right after a lost reply must not take "not listed yet" for "never made"."""
    emulator.configure(
        list_while_processing=False,
        verify_processing_seconds=3600.0,  # however slow the machine, still processing below
        fault_paths=("/article/create",),
        drop_first=1,
        drop_after_processing=True,
    )
    root = zalo_project(tmp_path, 1, lost_create_wait=None)
    assert sync(root) == 3  # the reply was lost and the article is not listed yet
    assert sync(root) == 3  # run again at once (CI's retry): still processing, not created again
    out = told(capsys)
    assert "tránh đăng trùng bài" in out and "lost_create_wait" in out
    assert emulator.count_calls("/article/create") == 1
    emulator.advance(3600.0)
    assert sync(root) == 0  # now listed: found and taken, not made twice
    assert emulator.count_calls("/article/create") == 1
    assert_published_once(root, emulator)


def test_a_lost_create_never_found_is_sent_again_once_the_wait_is_over(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    # HTTP 500 to the create: unknown whether Zalo made it (here it did not).
    emulator.configure(fault_paths=("/article/create",), fail_first_5xx=1, fail_5xx_status=500)
    root = zalo_project(tmp_path, 1, lost_create_wait=None)
    assert sync(root) == 3
    assert sync(root) == 3
    assert emulator.count_calls("/article/create") == 1
    pending = state(root)["bt-000"]["pending_create"]
    forge(root, "bt-000", pending_create={**pending, "at": "2020-12-31T00:00:00+00:00"})
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 2
    assert_published_once(root, emulator)


def test_a_create_token_that_expired_before_its_verify_finds_the_article_it_made(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """Create tokens verify for a while only (contract §3.4, [U]): one that ran out is looked
    up by what was sent, never created again."""
    emulator.configure(verify_processing_count=1000)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 3  # Zalo still processing: the token is kept
    emulator.configure(verify_processing_count=0, job_token_ttl=0.0)
    capsys.readouterr()
    assert sync(root) == 3  # verify: -201, the token ran out: look the article up next time
    out = told(capsys)
    assert "Zalo không còn nhận mã xác minh lần gửi trước" in out
    assert "tìm bài theo tiêu đề và nội dung đã gửi" in out and "Sửa trường" not in out
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 1
    assert_published_once(root, emulator)


def test_access_token_expiry_mid_run_recovers(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    # The verifies (sent once every create is answered) are held half a second: the watcher
    # expires the tokens inside it however late a loaded machine runs it. With 20 ms on every
    # call, the whole run could end before the watcher ran, and no call met the expiry.
    emulator.configure(latency=0.5, fault_paths=("/article/verify",))
    root = zalo_project(tmp_path, 4)

    def expire_once_creating() -> None:
        """Expire every access token as soon as the first article is created."""
        deadline = time.monotonic() + 30
        while emulator.count_calls("/article/create") < 1 and time.monotonic() < deadline:
            time.sleep(0.005)
        emulator.expire_access_tokens()

    watcher = threading.Thread(target=expire_once_creating)
    watcher.start()
    assert sync(root) == 0
    watcher.join()
    assert -220 in [c.error for c in emulator.calls]
    assert emulator.count_calls("/v4/oa/access_token") > 1
    assert_published_once(root, emulator)


def test_a_missing_login_is_a_configuration_error_exit_1(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A CI job must fail visibly: 3 means "rerun later", which a missing login never fixes."""
    root = zalo_project(tmp_path, 2)
    monkeypatch.delenv("ZALO_APP_ID")
    assert sync(root) == 1
    assert "Thiếu thông tin đăng nhập Zalo OA" in capsys.readouterr().out
    assert emulator.articles == {}


def test_a_refresh_token_zalo_refuses_stops_the_channel_with_exit_1(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = zalo_project(tmp_path, 3)
    monkeypatch.setenv("ZALO_REFRESH_TOKEN", "da-het-han-hoac-da-dung")
    assert sync(root) == 1
    out = capsys.readouterr().out
    assert "-14014" in out and "cấp quyền lại" in out
    assert emulator.articles == {}


def test_refresh_token_rotation_survives_a_restart(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    root = zalo_project(tmp_path, 2)
    first_refresh = emulator.refresh_token
    assert sync(root) == 0
    token_file = Path(zalo_env["ZALO_TOKEN_FILE"])
    assert oct(token_file.stat().st_mode & 0o777) == "0o600"
    assert first_refresh in emulator.used_refresh_tokens
    emulator.expire_access_tokens()
    edit(root, 0, summary='"Sửa sau khi khởi động lại."')
    # A new process: ZALO_REFRESH_TOKEN still holds the used token; the token file must win.
    assert sync(root) == 0
    assert len(emulator.used_refresh_tokens) == 2
    assert_published_once(root, emulator)


def test_a_pending_verify_is_finished_on_the_next_run_without_a_new_create(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    emulator.configure(verify_processing_count=1000)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 3
    assert all("token" in e and "article_id" not in e for e in state(root).values())
    emulator.configure(verify_processing_count=0)
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []
    assert_published_once(root, emulator)


def test_a_verify_still_processing_is_pending_not_failed_and_verified_first_next_run(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """Zalo still calling a create «processing» (-214) when the verify wait ran out was told as
    «1 thất bại», though the article may well appear on the OA; the next run sent the other
    bulletins' creates before asking about it. It is pending, said so, and verified first."""
    root = zalo_project(tmp_path, 2, zalo="concurrency = 1")
    later = tmp_path / "ban-tin-000.md"
    (root / "content" / "bai-viet" / "ban-tin-000.md").rename(later)  # written next week
    emulator.configure(verify_processing_count=1000)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    capsys.readouterr()
    assert sync(root, "--summary-json", str(tmp_path / "summary.json")) == 3
    out = capsys.readouterr()
    told = unicodedata.normalize("NFC", out.out + out.err)
    assert "zalo: 0 tạo mới, 0 cập nhật" in told
    assert "0 thất bại, 1 chờ Zalo OA xử lý xong" in told
    assert "1 thao tác chưa được xác nhận vì Zalo OA vẫn đang xử lý" in told
    assert "(bt-001). Không phải thất bại" in told
    assert "Zalo vẫn đang xử lý bài «" in told and "không gửi lại" in told
    assert "Một số thao tác đồng bộ thất bại" not in told
    summary = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    zalo = next(c for c in summary["channels"] if c["channel"] == "zalo")
    assert (zalo["failed"], zalo["pending"]) == (0, 1)
    assert zalo["pendings"][0]["key"] == "bt-001"
    assert "token" in state(root)["bt-001"]
    later.rename(root / "content" / "bai-viet" / "ban-tin-000.md")
    emulator.configure(verify_processing_count=0)
    emulator.clear_calls()
    assert sync(root) == 0
    paths = [c.path for c in emulator.calls]
    assert paths.index("/v2.0/article/verify") < paths.index("/v2.0/article/create")
    assert emulator.count_calls("/article/create") == 1  # bt-000's: bt-001 is not sent again
    assert_published_once(root, emulator)


def test_an_update_verified_by_the_next_run_is_counted_as_an_update(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    emulator.configure(verify_processing_count=1000)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    assert sync(root) == 3
    emulator.configure(verify_processing_count=0)
    capsys.readouterr()
    assert sync(root) == 0
    assert "zalo: 0 tạo mới, 1 cập nhật" in capsys.readouterr().out


def test_reconcile_rebuilds_a_lost_state_from_the_oa(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    before = {k: e["article_id"] for k, e in state(root).items()}
    stranger = emulator.seed_article(
        json.loads((root / "output" / "zalo" / "bt-000.json").read_text())
        | {"title": "Bài đăng tay"}
    )
    (root / "state" / "zalo.json").unlink()
    (root / "content" / "bai-viet" / "ban-tin-009.md").write_text(
        zalo_bulletin(9), encoding="utf-8"
    )
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root, "--reconcile") == 0
    out = capsys.readouterr().out
    assert "không tìm thấy trên Zalo: bt-009" in out
    assert f"không khớp bản tin nào: {stranger}" in out
    assert [c.path for c in emulator.write_calls()] == ["/v2.0/article/create"]
    after = state(root)
    assert {k: after[k]["article_id"] for k in before} == before
    assert stranger not in {e["article_id"] for e in after.values()}
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []


# --- an article the tool did not leave as it is: never changed without a person's word -------------

SOURCE_1 = "content/bai-viet/ban-tin-001.md"
TITLE_1 = f"{TITLES[1]} (1)"
FOREIGN_TITLE = "Thông báo lịch tiếp công dân tháng 6"


def forge(root: Path, key: str, **changes: object) -> None:
    """Edit one record of state/zalo.json by hand, as a commit would (None removes a field)."""
    path = root / "state" / "zalo.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    entry = data["entries"][key]
    for name, value in changes.items():
        if value is None:
            entry.pop(name, None)
        else:
            entry[name] = value
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


OLD_FORMAT = {"content": None, "token_content": None, "sending_content": None}
"""A record as versions before the content digest wrote it."""


def withdraw_or_change(root: Path, action: str) -> None:
    """Make the next sync update, hide or remove bulletin 1's article."""
    if action == "update":
        edit(root, 1, summary='"Tóm tắt mới trong kho."')
    elif action == "hide":
        edit(root, 1, draft="true")
    else:
        edit(root, 1, approved_by='""')


def project_for(tmp_path: Path, action: str) -> Path:
    """Two bulletins, synced; withdrawn ones removed when `action` is remove."""
    return zalo_project(tmp_path, 2, zalo='on_withdraw = "remove"' if action == "remove" else "")


def synced_then_edited_by_hand(
    tmp_path: Path, emulator: ZaloEmulator, **fields: str
) -> tuple[Path, str]:
    """Two bulletins synced, then bulletin 1's article changed in the OA admin page: the project
    and that article's id."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    article_id = state(root)["bt-001"]["article_id"]
    emulator.edit_article(article_id, **fields)
    return root, article_id


def told(capsys: pytest.CaptureFixture) -> str:
    """Everything printed, both streams."""
    out = capsys.readouterr()
    return out.out + out.err


def stuck_update(tmp_path: Path, emulator: ZaloEmulator, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-bulletin project whose edit's update Zalo still calls processing past the verify
    wait, its token then aged past stuck_job_hours: the next sync gives the job up."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    stuck_on(emulator, TITLES[0])
    edit(root, 0, summary='"Tóm tắt bản bị kẹt."')
    assert sync(root) == 3
    forge(root, "bt-000", token_at=LONG_AGO)
    emulator.configure(stuck_title_substrings=())
    return root


@pytest.mark.parametrize("record", ["copied", "old-format"])
@pytest.mark.parametrize("action", ["update", "hide", "remove"])
def test_a_forged_article_id_never_changes_an_article_the_tool_did_not_post(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    action: str,
    record: str,
) -> None:
    """A commit pointing a record at an article posted by hand must not let CI deface or
    delete it: whether the record keeps its content digest or looks like an old one."""
    root = project_for(tmp_path, action)
    assert sync(root) == 0
    foreign = emulator.seed_article(sample_body(title=FOREIGN_TITLE))
    before = emulator.articles[foreign]
    forge(root, "bt-001", article_id=foreign, **(OLD_FORMAT if record == "old-format" else {}))
    withdraw_or_change(root, action)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    out = told(capsys)
    assert emulator.articles[foreign] == before
    assert emulator.write_calls() == []
    assert emulator.count_calls("/article/getdetail") == 1
    assert f"{SOURCE_1} (bản tin «{TITLE_1}»)" in out
    assert f"bài Zalo {foreign} «{FOREIGN_TITLE}»" in out
    assert "không phải bản công cụ đăng lần trước" in out and "state/zalo.json đã bị sửa" in out
    assert f"publish sync zalo --zalo-overwrite {SOURCE_1}" in out
    entry = state(root)["bt-001"]
    assert (entry["article_id"], entry["status"]) == (foreign, "live")


@pytest.mark.parametrize("action", ["update", "hide", "remove"])
def test_a_record_copied_onto_another_never_changes_the_other_bulletins_article(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    action: str,
) -> None:
    """Bulletin 0's record copied over bulletin 1's (a bad merge, a hand edit): both name
    article 0, posted by the tool and unchanged since, so the content check passes; bulletin
    1's edit must not overwrite, hide or remove bulletin 0's article."""
    root = project_for(tmp_path, action)
    assert sync(root) == 0
    theirs = state(root)["bt-000"]
    before = emulator.articles[theirs["article_id"]]
    forge(root, "bt-001", **{k: v for k, v in theirs.items() if k != "source"})
    withdraw_or_change(root, action)
    emulator.clear_calls()
    capsys.readouterr()

    assert sync(root) == 1

    out = told(capsys)
    assert emulator.articles[theirs["article_id"]] == before
    assert emulator.write_calls() == []
    assert f'bài Zalo {theirs["article_id"]} cũng được ghi cho bản ghi "bt-000"' in out
    assert "không gửi gì lên Zalo" in out


def test_a_record_written_on_a_mac_is_named_by_its_file_as_typed_on_linux(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """state/zalo.json keeps `source` as the disk spelt it: a Mac's «ạ» is two characters
    (NFD), a Linux checkout's one (NFC). Keys never hold such a letter (an `id`, or the slug),
    so no article was duplicated or withdrawn for it; but --zalo-overwrite naming the file of a
    deleted bulletin as typed on Linux found no record."""
    root = zalo_project(tmp_path, 2)
    typed = "content/bai-viet/tin-mạng.md"
    (root / "content/bai-viet/ban-tin-001.md").rename(root / typed)
    assert sync(root) == 0
    path = root / "state" / "zalo.json"
    document = json.loads(path.read_text("utf-8"))
    document["entries"]["bt-001"]["source"] = unicodedata.normalize("NFD", typed)
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    (root / typed).unlink()
    capsys.readouterr()
    assert sync(root, "--dry-run", "--zalo-overwrite", typed) == 0
    assert "không có bản tin nào có khóa hay tệp này" not in told(capsys)


def test_an_article_edited_by_hand_is_left_alone_until_overwrite_is_asked(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root, article_id = synced_then_edited_by_hand(
        tmp_path, emulator, description="Sửa tay trong trang quản trị OA."
    )
    edit(root, 1, summary='"Tóm tắt mới trong kho."')
    capsys.readouterr()
    assert sync(root) == 1
    out = told(capsys)
    assert f"không cập nhật bài Zalo {article_id} «{TITLE_1}»" in out
    assert "có người đã sửa bài trong trang quản trị OA" in out
    assert emulator.articles[article_id]["description"] == "Sửa tay trong trang quản trị OA."

    assert sync(root, "--zalo-overwrite", "bt-404") == 1
    assert "--zalo-overwrite bt-404: không có bản tin nào có khóa hay tệp này" in told(capsys)
    assert sync(root, "--dry-run", "--zalo-overwrite", SOURCE_1) == 0
    assert "--zalo-overwrite: làm cả khi bài trên Zalo đã bị sửa tay" in told(capsys)

    emulator.clear_calls()
    assert sync(root, "--zalo-overwrite", SOURCE_1) == 0
    assert [(c.path, c.body["id"]) for c in emulator.write_calls()] == [
        ("/v2.0/article/update", article_id)
    ]
    assert emulator.count_calls("/article/getdetail") == 0
    assert emulator.articles[article_id]["description"] == "Tóm tắt mới trong kho."
    edit(root, 1, summary='"Tóm tắt sửa lần nữa."')  # the overwritten version is the tool's now
    assert sync(root) == 0
    assert emulator.articles[article_id]["description"] == "Tóm tắt sửa lần nữa."
    assert_published_once(root, emulator)


def test_overwrite_puts_the_repository_version_back_though_the_bulletin_did_not_change(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """README: «Muốn thay bài trên Zalo bằng bản trong kho … --zalo-overwrite». With the
    bulletin unchanged it planned «không đổi», sent nothing and left the hand edit there."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    article_id = state(root)["bt-001"]["article_id"]
    ours = dict(emulator.articles[article_id])
    emulator.edit_article(article_id, description="Sửa tay trong trang quản trị OA.")
    assert sync(root) == 0  # unchanged: not read, not touched
    assert emulator.articles[article_id]["description"] == "Sửa tay trong trang quản trị OA."
    capsys.readouterr()
    assert sync(root, "--dry-run", "--zalo-overwrite", SOURCE_1) == 0
    assert "bản tin không đổi; gửi lại bản trong kho để thay bài trên Zalo" in told(capsys)
    emulator.clear_calls()
    assert sync(root, "--zalo-overwrite", SOURCE_1) == 0
    assert [(c.path, c.body["id"]) for c in emulator.write_calls()] == [
        ("/v2.0/article/update", article_id)
    ]
    assert emulator.articles[article_id]["description"] == ours["description"]
    emulator.clear_calls()
    assert sync(root) == 0 and emulator.write_calls() == []  # in step again
    assert_published_once(root, emulator)


def test_overwrite_hides_again_a_withdrawn_article_shown_by_hand(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """A withdrawn bulletin's hidden article, shown again in the OA admin page, stayed shown:
    --zalo-overwrite planned «đã rút khỏi Zalo» and did nothing."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    article_id = state(root)["bt-001"]["article_id"]
    edit(root, 1, draft="true")
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "hide"
    emulator.edit_article(article_id, status="show")
    capsys.readouterr()
    assert sync(root, "--zalo-overwrite", "bt-001") == 0
    assert "đã ẩn trên Zalo; ẩn lại cho đúng bản trong kho" in told(capsys)
    assert emulator.articles[article_id]["status"] == "hide"


UNCHECKED = "chạy thử không đọc bài trên Zalo nên chưa kiểm tra bài bị sửa tay"


@pytest.mark.parametrize("action", ["update", "hide", "remove"])
def test_a_dry_run_plan_says_hand_edits_are_not_checked(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    action: str,
) -> None:
    """A reviewer reading "cập nhật" in the PR comment took it for what the real run will do;
    that run may find the article edited by hand and leave it (exit 1)."""
    root = project_for(tmp_path, action)
    assert sync(root) == 0
    withdraw_or_change(root, action)
    summary = tmp_path / "tom-tat.json"
    capsys.readouterr()

    assert sync(root, "--dry-run", "--format", "markdown", "--summary-json", str(summary)) == 0
    comment = capsys.readouterr().out
    assert UNCHECKED.lower() in comment.lower()
    assert "mã thoát 1" in comment
    note = json.loads(summary.read_text("utf-8"))["channels"][0]["note"]
    assert (
        note.startswith("Kế hoạch lập từ tệp trạng thái state/zalo.json")
        and UNCHECKED.lower() in note.lower()
    )
    assert sync(root, "--dry-run") == 0
    assert f"zalo: lưu ý: {UNCHECKED}" in capsys.readouterr().out


def test_a_dry_run_says_nothing_of_hand_edits_when_none_would_be_checked(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """Only creates, --zalo-overwrite, or check_before_change = false: no line to mislead."""
    root = zalo_project(tmp_path, 2)
    capsys.readouterr()
    assert sync(root, "--dry-run", "--format", "markdown") == 0  # creates only
    assert sync(root) == 0
    withdraw_or_change(root, "update")
    assert sync(root, "--dry-run", "--zalo-overwrite", SOURCE_1) == 0
    toml = root / "site.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(
        text.replace("[zalo]\n", "[zalo]\ncheck_before_change = false\n", 1), encoding="utf-8"
    )
    assert sync(root, "--dry-run", "--format", "markdown") == 0
    assert "chưa kiểm tra bài bị sửa tay" not in told(capsys)


NO_RECORDS = "state/zalo.json chưa có bản ghi nào"


def test_a_dry_run_without_records_says_the_real_run_asks_the_oa_before_creating(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A deleted state file made the PR plan show «tạo» for articles already on the OA, which
    the real run then refused to create: a dry run with a token at hand asks the OA as the
    real run does; without one (a PR's), the plan says that run asks the OA first."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    (root / "content" / "bai-viet" / "ban-tin-002.md").write_text(zalo_bulletin(2), "utf-8")
    capsys.readouterr()
    assert sync(root, "--dry-run") == 0  # records of the others: a new bulletin is no news
    assert NO_RECORDS not in told(capsys)
    (root / "state" / "zalo.json").unlink()
    emulator.clear_calls()
    assert sync(root, "--dry-run", "--format", "markdown") == 1  # the token at hand: asked
    assert "OA đã có bài cùng tiêu đề" in told(capsys) and emulator.write_calls() == []
    assert not (root / "state" / "zalo.json").exists()
    for name in ("ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_REFRESH_TOKEN", "ZALO_TOKEN_FILE"):
        monkeypatch.delenv(name)  # a pull request from a fork sees no secrets
    emulator.clear_calls()
    assert sync(root, "--dry-run", "--format", "markdown") == 0
    comment = told(capsys)
    assert NO_RECORDS in comment and "Lần chạy thật hỏi OA trước khi tạo" in comment
    assert "mã thoát 1" in comment and emulator.calls == []
    for name, value in zalo_env.items():
        monkeypatch.setenv(name, value)
    assert sync(root) == 1  # what the note foretold
    assert "OA đã có bài cùng tiêu đề" in told(capsys)
    assert len(emulator.articles) == 2


def test_overwrite_takes_the_bulletin_file_as_a_full_path_from_the_project_folder(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from the project folder (--root is «.»), the file named by its full path, as a
    terminal writes it for a file dragged into it."""
    root, article_id = synced_then_edited_by_hand(
        tmp_path, emulator, description="Sửa tay trong trang quản trị OA."
    )
    edit(root, 1, summary='"Tóm tắt mới trong kho."')
    monkeypatch.chdir(root)
    full = str(root / SOURCE_1)
    assert main(["--now", NOW, "sync", "zalo", "--zalo-overwrite", full]) == 0
    assert emulator.articles[article_id]["description"] == "Tóm tắt mới trong kho."


def test_check_before_change_false_updates_without_reading_the_article(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """getdetail's copy is unconfirmed (contract §2.4): if real Zalo rewrites it, every change
    would be refused, and the message points at this setting, which turns the check off."""
    root, article_id = synced_then_edited_by_hand(
        tmp_path, emulator, description="Zalo viết lại mô tả."
    )
    edit(root, 1, summary='"Tóm tắt mới trong kho."')
    capsys.readouterr()
    assert sync(root) == 1
    assert "check_before_change = false trong bảng [zalo]" in told(capsys)
    toml = root / "site.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(
        text.replace("[zalo]\n", "[zalo]\ncheck_before_change = false\n", 1), encoding="utf-8"
    )
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.count_calls("/article/getdetail") == 0
    assert emulator.articles[article_id]["description"] == "Tóm tắt mới trong kho."


def test_a_hand_edited_article_is_hidden_with_overwrite_named_by_key(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root, article_id = synced_then_edited_by_hand(tmp_path, emulator, title="Tiêu đề sửa tay")
    edit(root, 1, draft="true")
    assert sync(root) == 1
    assert f"không ẩn bài Zalo {article_id} «Tiêu đề sửa tay»" in told(capsys)
    assert emulator.articles[article_id]["status"] == "show"
    assert sync(root, "--zalo-overwrite", "bt-001") == 0
    assert emulator.articles[article_id]["status"] == "hide"
    assert emulator.articles[article_id]["title"] == "Tiêu đề sửa tay"
    edit(root, 1)  # shown again: the hidden version was made the tool's own by the overwrite
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "show"
    assert emulator.articles[article_id]["title"] == TITLE_1


@pytest.mark.parametrize("action", ["update", "hide", "remove"])
def test_update_hide_and_remove_read_the_article_exactly_once(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, action: str
) -> None:
    """The check costs one getdetail per changed article (a hide reads it anyway), none for
    the unchanged ones."""
    root = project_for(tmp_path, action)
    assert sync(root) == 0
    article_id = state(root)["bt-001"]["article_id"]
    withdraw_or_change(root, action)
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.count_calls("/article/getdetail") == 1
    assert [c.path for c in emulator.calls if c.path.startswith("/v2.0/article/")] == [
        "/v2.0/article/getdetail",
        "/v2.0/article/remove" if action == "remove" else "/v2.0/article/update",
        *(["/v2.0/article/verify"] * (0 if action == "remove" else 2)),
    ]
    entry = state(root)["bt-001"]
    if action == "remove":
        assert article_id not in emulator.articles and entry["status"] == "removed"
        return
    stored = emulator.articles[article_id]
    assert entry["content"] == content_digest(stored)
    assert stored["status"] == ("hide" if action == "hide" else "show")


def test_records_from_before_content_digests_are_checked_by_title_then_kept(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    ids = {k: e["article_id"] for k, e in state(root).items()}
    for key in ids:
        forge(root, key, **OLD_FORMAT)
    edit(root, 1, summary='"Tóm tắt mới trong kho."')
    emulator.clear_calls()
    assert sync(root) == 0  # same title on Zalo: taken as the tool's, then updated
    assert emulator.count_calls("/article/getdetail") == 1
    assert state(root)["bt-001"]["content"] == content_digest(emulator.articles[ids["bt-001"]])
    assert "content" not in state(root)["bt-000"]  # unchanged: not read, still the old format

    emulator.edit_article(ids["bt-000"], title="Tiêu đề sửa tay")
    edit(root, 0, summary='"Tóm tắt mới."')
    capsys.readouterr()
    assert sync(root) == 1
    assert f"không cập nhật bài Zalo {ids['bt-000']} «Tiêu đề sửa tay»" in told(capsys)
    assert emulator.articles[ids["bt-000"]]["title"] == "Tiêu đề sửa tay"


def test_an_old_record_shown_again_compares_the_whole_content(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """When the payload last sent is today's build, an old record is checked by content, not
    only by title: a hand edit that kept the title is found."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    edit(root, 0, draft="true")
    assert sync(root) == 0
    forge(root, "bt-000", **OLD_FORMAT)
    emulator.edit_article(article_id, description="Sửa tay trong trang quản trị OA.")
    edit(root, 0)
    capsys.readouterr()
    assert sync(root) == 1
    assert "không phải bản công cụ đăng lần trước" in told(capsys)
    assert emulator.articles[article_id]["status"] == "hide"


def test_sigkill_after_an_update_was_sent_is_not_taken_for_a_hand_edit(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    """Zalo applied the update, but the run died before saving its token: the article holds
    content the tool sent, which the next run must accept."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    killed = run_cli(root, zalo_env, PUBLISH_ZALO_CRASH_AT="after-update:1")
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert emulator.articles[article_id]["description"] == "Tóm tắt đã sửa."
    assert "token" not in state(root)["bt-000"]
    rerun = run_cli(root, zalo_env)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, out + err
    assert_published_once(root, emulator)


def test_an_update_whose_token_expired_is_not_taken_for_a_hand_edit(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """Zalo applied an update, but its token was unknown by the time a run verified it (-201,
    e.g. expired): the article holds content the tool sent, which the next run must accept."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    emulator.configure(verify_processing_count=1000)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    assert sync(root) == 3
    assert emulator.articles[article_id]["description"] == "Tóm tắt đã sửa."
    forge(root, "bt-000", token="token-da-het-han")
    emulator.configure(verify_processing_count=0)
    capsys.readouterr()
    assert sync(root) == 3  # verify: -201, the token is forgotten
    out = told(capsys)
    assert "Lần đồng bộ sau gửi lại bản cập nhật (không cần làm gì)" in out
    assert "Sửa trường" not in out
    assert sync(root) == 0
    assert_published_once(root, emulator)


@pytest.mark.parametrize("failure", ["network", "sigkill"])
def test_an_update_cut_short_twice_is_not_taken_for_a_hand_edit(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, failure: str
) -> None:
    """A run died after Zalo applied update B; the next, sending C, failed before Zalo applied
    it: the article still holds B, a version the tool sent, which the run after must accept."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    edit(root, 0, summary='"Tóm tắt B."')
    killed = run_cli(root, zalo_env, PUBLISH_ZALO_CRASH_AT="after-update:1")
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL  # else no run died after B was applied
    assert emulator.articles[article_id]["description"] == "Tóm tắt B."
    edit(root, 0, summary='"Tóm tắt C."')
    if failure == "network":
        emulator.configure(fault_paths=("/article/update",), fail_first_5xx=1000)
        cut = run_cli(root, zalo_env)
    else:
        cut = run_cli(root, zalo_env, PUBLISH_ZALO_CRASH_AT="before-update:1")
    cut.communicate(timeout=120)
    assert cut.returncode != 0
    emulator.configure(fault_paths=None, fail_first_5xx=0)
    assert emulator.articles[article_id]["description"] == "Tóm tắt B."
    assert sync(root) == 0
    assert emulator.articles[article_id]["description"] == "Tóm tắt C."
    assert_published_once(root, emulator)


def test_a_verify_of_an_old_token_checks_the_article_before_sending_a_newer_version(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """An update verified only by a later run, the article edited by hand meanwhile and the
    bulletin changed again: the newer version is not sent over the hand edit."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    emulator.configure(verify_processing_count=1000)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    edit(root, 0, summary='"Tóm tắt B."')
    assert sync(root) == 3
    emulator.configure(verify_processing_count=0)
    emulator.edit_article(article_id, description="Sửa tay trong trang quản trị OA.")
    edit(root, 0, summary='"Tóm tắt C."')
    capsys.readouterr()
    assert sync(root) == 1
    assert f"không cập nhật bài Zalo {article_id}" in told(capsys)
    assert emulator.articles[article_id]["description"] == "Sửa tay trong trang quản trị OA."
    assert sync(root, "--zalo-overwrite", "bt-000") == 0
    assert emulator.articles[article_id]["description"] == "Tóm tắt C."


# --- a real SIGKILL at several points, then a rerun -----------------------------------------------


def run_cli(root: Path, env: dict[str, str], **extra: str) -> forked.Forked[str]:
    """Start `python -m publish sync zalo` as a separate process, forked from one that has
    imported publish (a fresh interpreter cost ~1 s of CPU for each of ~45 runs here)."""
    full = {**os.environ, **env, **extra, "PYTHONPATH": str(REPO)}
    argv: list[str | Path] = ["-m", "publish", "--root", root, "--now", NOW, "sync", "zalo"]
    return forked.start(argv, env=full, text=True)


@pytest.mark.parametrize(
    ("hooks", "point"),
    [({}, "before-create:1"), ({"PUBLISH_TEST_HOOKS": "1"}, "before-create:abc")],
)
def test_a_crash_hook_left_set_outside_the_tests_or_garbled_kills_nothing(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, hooks: dict, point: str
) -> None:
    """PUBLISH_ZALO_CRASH_AT left set on a real machine SIGKILLed the sync mid-create, and a
    count that was no number stopped it with a ValueError: the hook acts only under the tests
    (pytest, or PUBLISH_TEST_HOOKS=1) and ignores a garbled count. A real interpreter, as on
    that machine (and this file's one real `python -m publish sync zalo`)."""
    root = zalo_project(tmp_path, 2)
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    full = {**env, **zalo_env, **hooks, "PUBLISH_ZALO_CRASH_AT": point, "PYTHONPATH": str(REPO)}
    run = subprocess.run(
        [sys.executable, "-m", "publish", "--root", str(root), "--now", NOW, "sync", "zalo"],
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert_published_once(root, emulator)


@pytest.mark.parametrize(
    ("point", "concurrency", "received"),
    [
        ("before-create:2", 1, 1),
        ("after-create:2", 1, 2),
        ("after-token:3", 1, 3),
        ("after-verify:2", 1, 5),
        ("after-create:2", 8, None),
    ],
)
def test_sigkill_at_any_point_then_rerun_publishes_each_bulletin_once(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    point: str,
    concurrency: int,
    received: int | None,
) -> None:
    """Killed at a named point of the n-th create (one request at a time, so the kill lands
    where named: `received` creates reached Zalo), or with eight in flight (several creates
    sent, none recorded): the rerun puts each bulletin on the OA once, and a run after sends
    nothing. With the default eight, «before-create:2» landed before any create reached Zalo
    in one run of three, and «after-create:2» after two or three creates."""
    root = zalo_project(tmp_path, 5, zalo=f"concurrency = {concurrency}")
    killed = run_cli(root, zalo_env, PUBLISH_ZALO_CRASH_AT=point)
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    if received is None:
        assert emulator.count_calls("/article/create") >= 2
    else:
        assert emulator.count_calls("/article/create") == received, point
    rerun = run_cli(root, zalo_env)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, out + err
    assert_published_once(root, emulator)
    emulator.clear_calls()
    again = run_cli(root, zalo_env)
    again.communicate(timeout=120)
    assert again.returncode == 0 and emulator.write_calls() == []


@pytest.mark.parametrize(
    ("on_withdraw", "point"),
    [
        ("hide", "before-hide:2"),
        ("hide", "after-hide:2"),
        ("hide", "after-hide-verify:2"),
        ("remove", "before-remove:2"),
        ("remove", "after-remove:2"),
    ],
)
def test_sigkill_while_withdrawing_then_rerun_withdraws_each_article_once(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, on_withdraw: str, point: str
) -> None:
    """A run killed as it hides (or removes) the second of three withdrawn bulletins' articles,
    before or after Zalo took the request: the rerun finishes the withdrawal without asking a
    person (the article hidden by the killed run holds the tool's content) and keeps no job."""
    root = zalo_project(tmp_path, 4, zalo=f'on_withdraw = "{on_withdraw}"\nconcurrency = 1')
    assert sync(root) == 0
    ids = {k: e["article_id"] for k, e in state(root).items()}
    for index in (0, 1, 2):
        edit(root, index, draft="true")
    killed = run_cli(root, zalo_env, PUBLISH_ZALO_CRASH_AT=point)
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    rerun = run_cli(root, zalo_env)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, out + err
    entries = state(root)
    withdrawn = ("bt-000", "bt-001", "bt-002")
    if on_withdraw == "hide":
        assert {emulator.articles[ids[k]]["status"] for k in withdrawn} == {"hide"}
        assert {entries[k]["status"] for k in withdrawn} == {"hidden"}
    else:
        assert not {ids[k] for k in withdrawn} & set(emulator.articles)
        assert {entries[k]["status"] for k in withdrawn} == {"removed"}
    assert emulator.articles[ids["bt-003"]]["status"] == "show"
    assert len(emulator.articles) == (4 if on_withdraw == "hide" else 1)
    assert not [k for k, e in entries.items() if {"token", "hide_token", "given_up"} & set(e)]
    emulator.clear_calls()
    again = run_cli(root, zalo_env)
    again.communicate(timeout=120)
    assert again.returncode == 0 and emulator.write_calls() == []
    edit(root, 1)  # shown again: on the OA once, as itself
    assert sync(root) == 0
    back = state(root)["bt-001"]
    assert back["status"] == "live" and emulator.articles[back["article_id"]]["status"] == "show"
    shown = [a["title"] for a in emulator.articles.values() if a["status"] == "show"]
    assert len(shown) == len(set(shown)) == 2


@pytest.mark.parametrize("point", ["before-update:2", "after-update:2", "after-verify:2"])
def test_sigkill_while_updating_then_rerun_sends_each_version_once(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, point: str
) -> None:
    """Killed as the second of three edited bulletins' update is sent, taken, or verified: the
    rerun brings every article to the built version without asking a person, and a run after
    sends nothing."""
    root = zalo_project(tmp_path, 3, zalo="concurrency = 1")
    assert sync(root) == 0
    for index in range(3):
        edit(root, index, summary=f'"Tóm tắt sửa lần hai ({index})."')
    killed = run_cli(root, zalo_env, PUBLISH_ZALO_CRASH_AT=point)
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    rerun = run_cli(root, zalo_env)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, out + err
    assert_published_once(root, emulator)
    for key, entry in state(root).items():
        built = json.loads((root / "output" / "zalo" / f"{key}.json").read_text("utf-8"))
        assert emulator.articles[entry["article_id"]]["description"] == built["description"]
        assert entry["content"] == content_digest(built)
    emulator.clear_calls()
    again = run_cli(root, zalo_env)
    again.communicate(timeout=120)
    assert again.returncode == 0 and emulator.write_calls() == []


def test_sigkill_during_a_token_refresh_loses_no_article_and_says_what_to_do(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    """Refresh tokens are single use: a run killed while Zalo rotates the pair (the request
    sent, the answer never saved) leaves a spent one in the token file, which no tool can get
    back (a pair saved before the kill is test_refresh_token_rotation_survives_a_restart). The
    rerun sends nothing, keeps state/ and says the OA admin must log in again (exit 1, not 3:
    rerunning never helps); after the login it sends the change once."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    token_file = Path(zalo_env["ZALO_TOKEN_FILE"])
    spent = json.loads(token_file.read_text("utf-8"))["refresh_token"]
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    emulator.expire_access_tokens()
    emulator.clear_calls()
    # The refresh is held in the emulator (which still answers it after the kill) for 3 s.
    emulator.configure(latency=3.0, fault_paths=("/v4/oa/access_token",))
    victim = run_cli(root, zalo_env)
    deadline = time.monotonic() + 60
    while victim.poll() is None and not (emulator.calls and emulator.in_flight):
        if time.monotonic() > deadline:
            break
        time.sleep(0.005)  # the -220 answered, the refresh in flight
    # Killed at any other moment, the run would test something else and might still pass.
    held = bool(emulator.calls and emulator.in_flight)
    victim.send_signal(signal.SIGKILL)
    out, err = victim.communicate(timeout=30)
    assert held, (
        "the sync was to be killed while the emulator held its token refresh, but "
        + ("it ended first" if victim.returncode != -signal.SIGKILL else "none came in 60 s")
        + f"; calls: {[call.path for call in emulator.calls]}\n{out}{err}"
    )
    assert victim.returncode == -signal.SIGKILL
    while emulator.in_flight and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not emulator.in_flight, "the held refresh was still unanswered 60 s after the start"
    emulator.configure(latency=0.0, fault_paths=None)
    assert spent in emulator.used_refresh_tokens
    assert json.loads(token_file.read_text("utf-8"))["refresh_token"] == spent
    records = (root / "state" / "zalo.json").read_bytes()
    emulator.clear_calls()
    refused = run_cli(root, zalo_env)
    out, err = refused.communicate(timeout=120)
    assert refused.returncode == 1, out + err
    assert "-14014" in out and "cấp quyền lại" in out and "Traceback" not in err
    assert emulator.write_calls() == []
    assert (root / "state" / "zalo.json").read_bytes() == records
    # The OA admin logs in again (publish zalo-login writes the new pair to the token file).
    TokenFile(token_file).save(TokenPair(refresh_token=emulator.refresh_token, oa_id=OA_ID))
    rerun = run_cli(root, zalo_env)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, out + err
    assert emulator.count_calls("/article/update") == 1
    assert_published_once(root, emulator)


def test_sigkill_while_a_renamed_slug_is_updated_keeps_the_article(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    bulletin = zalo_bulletin(0).replace("id: bt-000\n", "")
    root = zalo_project(tmp_path, 0, files={"content/bai-viet/canh-bao-moi.md": bulletin})
    assert sync(root) == 0
    article_id = state(root)["canh-bao-moi"]["article_id"]
    path = root / "content" / "bai-viet" / "canh-bao-moi.md"
    path.rename(path.with_name("canh-bao-moi-nhat.md"))
    killed = run_cli(root, zalo_env, PUBLISH_ZALO_CRASH_AT="before-update:1")
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    rerun = run_cli(root, zalo_env)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, out + err
    assert_published_once(root, emulator)
    assert state(root)["canh-bao-moi-nhat"]["article_id"] == article_id
    assert "canh-bao-moi" not in state(root)


def test_a_create_cut_short_then_a_title_edit_updates_the_article_it_made(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    root = zalo_project(tmp_path, 1)
    killed = run_cli(root, zalo_env, PUBLISH_ZALO_CRASH_AT="after-create:1")
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL and len(emulator.articles) == 1
    edit(root, 0, title='"Tiêu đề đã sửa sau khi mất mạng"')
    assert sync(root) == 0
    assert_published_once(root, emulator)


@pytest.mark.parametrize("edited", [False, True])
def test_an_article_a_killed_run_made_is_counted_as_created_by_the_run_that_adopts_it(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture[str],
    edited: bool,
) -> None:
    """A run killed with a create sent but not recorded printed no summary; the rerun that
    finds the article counted it «không đổi» (or «cập nhật»), so no summary ever said it was
    made. Adopted after a reply lost in the same run it was «tạo mới»: now both are."""
    root = zalo_project(tmp_path, 3, zalo="concurrency = 1")
    killed = run_cli(root, zalo_env, PUBLISH_ZALO_CRASH_AT="after-create:2")
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL and len(emulator.articles) == 2
    if edited:
        edit(root, 1, title='"Tiêu đề đã sửa sau khi mất mạng"')
    capsys.readouterr()
    summary = tmp_path / "tom-tat.json"
    assert sync(root, "--summary-json", str(summary)) == 0
    assert "bài đã có trên Zalo (mã" in told(capsys)
    [zalo] = json.loads(summary.read_text("utf-8"))["channels"]
    assert (zalo["created"], zalo["updated"], zalo["unchanged"]) == (3, 0, 0)
    assert_published_once(root, emulator)


def test_a_lost_create_never_adopts_a_namesakes_article(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    same = {"title": '"Thông báo"'}
    root = zalo_project(
        tmp_path,
        0,
        zalo="concurrency = 1",
        files={
            "content/bai-viet/a.md": zalo_bulletin(0, **same),
            "content/bai-viet/b.md": zalo_bulletin(1, body="Một thông báo khác.\n", **same),
        },
    )
    # a is created (its token saved); the sync dies as b's create is about to be sent.
    killed = run_cli(root, zalo_env, PUBLISH_ZALO_CRASH_AT="before-create:2")
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL and len(emulator.articles) == 1
    # Zalo is slow: a's token stays unverified while b looks for the article it may have made.
    emulator.configure(verify_processing_count=1000)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    sync(root)
    emulator.configure(verify_processing_count=0)
    assert sync(root) == 0
    entries = state(root)
    assert len(emulator.articles) == 2
    assert {e["article_id"] for e in entries.values()} == set(emulator.articles)
    for key, entry in entries.items():
        built = json.loads((root / "output" / "zalo" / f"{key}.json").read_text(encoding="utf-8"))
        assert emulator.articles[entry["article_id"]]["body"] == built["body"]


@pytest.mark.parametrize("action", ["create", "hide", "remove"])
def test_a_forged_lost_create_without_content_never_takes_a_namesakes_article(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    action: str,
) -> None:
    """A record edited to look like an old version's lost create, with the title of an article
    posted by hand, must not let CI update, hide or remove that article: found by title alone,
    it is a person's call."""
    root = project_for(tmp_path, action)
    assert sync(root) == 0
    foreign = emulator.seed_article(sample_body(title=FOREIGN_TITLE))
    before = dict(emulator.articles[foreign])
    sent = {"digest": "0" * 64, "title": FOREIGN_TITLE, "at": "2024-06-01T00:00:00+00:00"}
    forge(root, "bt-001", article_id=None, title=FOREIGN_TITLE, pending_create=sent, **OLD_FORMAT)
    if action != "create":
        withdraw_or_change(root, action)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    out = told(capsys)
    assert emulator.articles[foreign] == before
    assert emulator.write_calls() == []
    assert (
        f"{SOURCE_1}: một lần đồng bộ trước không biết chắc bài «{FOREIGN_TITLE}» đã được tạo "
        "chưa (bị ngắt hoặc mất phản hồi khi đang tạo bài)"
    ) in out
    assert f"bài Zalo {foreign} «{FOREIGN_TITLE}»" in out
    assert f"publish sync zalo --zalo-overwrite {SOURCE_1}" in out
    assert f"publish sync zalo --zalo-create-anyway {SOURCE_1} (" in out  # no hand edit
    assert "pending_create" not in out
    assert f"và để nguyên bài {foreign})." in out
    assert state(root)["bt-001"]["pending_create"] == sent

    assert sync(root, "--zalo-overwrite", SOURCE_1) == 0
    if action == "create":
        built = json.loads((root / "output" / "zalo" / "bt-001.json").read_text("utf-8"))
        assert emulator.articles[foreign]["title"] == built["title"] == TITLE_1
        assert state(root)["bt-001"]["article_id"] == foreign
    elif action == "hide":
        assert emulator.articles[foreign]["status"] == "hide"
    else:
        assert foreign not in emulator.articles


@pytest.mark.parametrize("changed", [False, True])
def test_an_old_versions_lost_create_is_adopted_when_its_content_is_known(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    changed: bool,
) -> None:
    """A lost create recorded without its content: when the bulletin is unchanged, today's
    payload is what was sent and the article is found by it; when it changed, a person says."""
    root = zalo_project(tmp_path, 1)
    killed = run_cli(root, zalo_env, PUBLISH_ZALO_CRASH_AT="after-create:1")
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL and len(emulator.articles) == 1
    pending = state(root)["bt-000"]["pending_create"]
    forge(root, "bt-000", pending_create={k: v for k, v in pending.items() if k != "content"})
    if changed:
        edit(root, 0, summary='"Tóm tắt mới trong kho."')
        capsys.readouterr()
        assert sync(root) == 1
        assert "--zalo-overwrite content/bai-viet/ban-tin-000.md" in told(capsys)
        assert sync(root, "--zalo-overwrite", "bt-000") == 0
    else:
        assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 1
    assert_published_once(root, emulator)
    built = json.loads((root / "output" / "zalo" / "bt-000.json").read_text(encoding="utf-8"))
    article = emulator.articles[state(root)["bt-000"]["article_id"]]
    assert article["description"] == built["description"]
    assert state(root)["bt-000"]["content"] == content_digest(built)


def test_sigkill_from_outside_while_creates_of_one_weekly_title_are_in_flight(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    """Killed while a create of the second wave is received and unanswered: Zalo makes that
    article after the sync died, and the rerun finds it instead of publishing it twice. The
    bulletins share one weekly title, so only the record saved before each create (the
    content sent) tells the rerun which article is whose: found by title alone, it would be
    anyone's. The rerun also stopped, telling the operator the OA held articles of that title
    «posted by hand or a stale state/», when they were the killed run's own creates."""
    # Two requests at a time, so the creates go out in waves; the third is held by the
    # emulator until the process is dead (timing alone let the sync finish first, or the
    # kill land between waves).
    held = emulator.hold("/article/create", 3)
    root = zalo_project(tmp_path, 6, zalo="concurrency = 2")
    for index in range(6):
        body = f"Lịch tiếp công dân tuần {index + 1}: sáng thứ Năm, tại trụ sở.\n"
        bulletin = zalo_bulletin(index, title='"Lịch tiếp công dân"', body=body)
        (root / f"content/bai-viet/ban-tin-{index:03d}.md").write_text(bulletin, "utf-8")
    victim = run_cli(root, zalo_env)
    assert held.reached.wait(60), "the third create never came"
    assert emulator.in_flight >= 1
    victim.send_signal(signal.SIGKILL)
    victim.communicate(timeout=30)
    assert victim.returncode == -signal.SIGKILL
    made_before = len(emulator.articles)
    assert any("pending_create" in e for e in state(root).values())  # the kill was mid-create
    held.release()
    deadline = time.monotonic() + 60
    while emulator.in_flight and time.monotonic() < deadline:
        time.sleep(0.01)  # the emulator finishes the requests it had already received
    assert len(emulator.articles) > made_before  # the held create landed with nobody to hear
    rerun = run_cli(root, zalo_env)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, out + err
    entries = Manifest.load(root / "state" / "zalo.json", "zalo").entries()
    assert len(emulator.articles) == 6
    assert {e["article_id"] for e in entries.values()} == set(emulator.articles)
    for key, entry in entries.items():
        built = payload_of(root, key)
        assert emulator.articles[entry["article_id"]]["body"] == built["body"], key
        assert entry["status"] == "live" and "pending_create" not in entry
    emulator.clear_calls()
    again = run_cli(root, zalo_env)
    again.communicate(timeout=120)
    assert again.returncode == 0 and emulator.write_calls() == []


def test_an_oa_whose_package_has_no_articles_stops_the_channel_for_a_person(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """-224 (contract §5: the OA's package is too low) is no passing failure: every write would
    meet it, and only the OA admin can lift it. Exit 1 with what to do, not 3 ("run again")."""
    emulator.configure(oa_tier_too_low=True)
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 1
    out = told(capsys)
    assert "mã lỗi -224" in out and "nâng cấp gói dịch vụ của OA" in out
    assert "chạy lại không khắc phục được" in out
    assert not emulator.articles
    assert not any("pending_create" in e for e in state(root).values())  # certainly not made
    emulator.configure(oa_tier_too_low=False)
    assert sync(root) == 0
    assert_published_once(root, emulator)


def test_an_oa_that_has_not_granted_the_article_permission_stops_the_channel_for_a_person(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """-223 "has not authorized this API" (contract §5: the permission "Quản lý bài viết" is
    missing) is met by every write and lifted only by the OA admin, like -224: exit 1 with
    what to do, not 3 ("run again"). The other -223, the creation quota, is a wait: exit 3."""
    emulator.configure(oa_authorized=False)
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 1
    out = told(capsys)
    assert "mã lỗi -223" in out and "chạy lại không khắc phục được" in out
    assert "“Quản lý bài viết”: chạy `publish zalo-login`" in out
    assert not emulator.articles
    assert not any("pending_create" in e for e in state(root).values())  # certainly not made
    emulator.configure(oa_authorized=True, create_quota_per_day=1)
    assert sync(root) == 3
    assert "hết hạn mức tạo bài viết" in told(capsys) and len(emulator.articles) == 1
    emulator.configure(create_quota_per_day=None)
    assert sync(root) == 0
    assert_published_once(root, emulator)


def test_a_create_answered_503_after_zalo_made_it_is_found_not_published_twice(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """A 503 from a gateway can follow the backend's work: the article is looked up, not re-sent."""
    emulator.configure(
        fault_paths=("/article/create",),
        fail_first_5xx=1,
        fail_5xx_status=503,
        fail_5xx_after_processing=True,
    )
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 2
    assert "tìm theo tiêu đề và nội dung" in told(capsys)
    assert_published_once(root, emulator)


def test_a_create_answered_503_by_zalo_down_is_made_by_a_later_run(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    """Zalo down (503 before anything is made): one lookup finds nothing, the run ends with 3,
    and the next scheduled run, more than lost_create_wait later, creates the bulletin."""
    emulator.configure(fault_paths=("/article/create",), fail_first_5xx=1, fail_5xx_status=503)
    root = zalo_project(tmp_path, 1, lost_create_wait=None)
    assert sync(root) == 3
    assert not emulator.articles
    pending = state(root)["bt-000"]["pending_create"]
    forge(root, "bt-000", pending_create={**pending, "at": "2020-12-31T00:00:00+00:00"})
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 2
    assert_published_once(root, emulator)


LONG_AGO = "2020-12-30T00:00:00+00:00"
"""A sending time more than [zalo] stuck_job_hours (a day) before any test runs."""
STUCK_WAIT = "0.5"
"""ZALO_VERIFY_TIMEOUT for a test whose stuck job (stuck_on) must cost little time."""


def stuck_on(emulator: ZaloEmulator, *titles: str, **changes: object) -> None:
    """Zalo calls the jobs of `titles` processing forever, and every other job done at its
    first verify: a short ZALO_VERIFY_TIMEOUT then ends only the stuck ones. With the first
    verify of each token -214 (the fixture), the others needed a second poll inside the wait,
    which a loaded machine (CI) did not always make, and a test meant to stall one bulletin
    stalled them all."""
    emulator.configure(stuck_title_substrings=titles, verify_processing_count=0, **changes)


def test_a_create_zalo_never_finishes_is_a_persons_call_and_blocks_nothing(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A job Zalo calls processing (-214) forever used to fail every run with exit 3, and CI
    stayed red with nobody asked to decide. After stuck_job_hours the token is dropped; the
    article is looked up as a lost create; not found, a person decides (Zalo may still make it,
    so creating it again could publish it twice), while the other bulletins sync as usual."""
    stuck_on(emulator, TITLES[0], list_while_processing=False)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 3  # bt-000 still processing, the others published
    stuck = state(root)["bt-000"]["token"]
    forge(root, "bt-000", token_at=LONG_AGO)
    capsys.readouterr()
    assert sync(root) == 1
    out = told(capsys)
    assert "vẫn bị Zalo báo «đang xử lý» (mã -214) sau hơn 24 giờ" in out
    assert "trang quản trị OA" in out and "stuck_job_hours" in out
    assert "--zalo-overwrite content/bai-viet/ban-tin-000.md" in out
    assert "pending_create" not in out and "commit" not in out  # no hand edit of state/
    entry = state(root)["bt-000"]
    assert "token" not in entry and entry["pending_create"]["stuck"] is True
    edit(root, 1, summary='"Tóm tắt sửa trong lúc bài kia bị kẹt."')
    emulator.clear_calls()
    assert sync(root) == 1  # still a person's call, and never polled again
    assert "chờ người quyết định" in told(capsys)
    assert not [
        c for c in emulator.calls if c.path.endswith("/verify") and c.body == {"token": stuck}
    ]
    assert emulator.count_calls("/article/create") == 0
    assert emulator.count_calls("/article/update") == 1
    # The person found no such article in the OA admin, and lets the tool create it again.
    emulator.configure(stuck_title_substrings=())
    assert sync(root, "--zalo-overwrite", "bt-000") == 0
    assert emulator.count_calls("/article/create") == 1
    entry = state(root)["bt-000"]
    assert entry["status"] == "live" and "pending_create" not in entry
    assert sync(root) == 0


def test_a_create_zalo_never_finishes_is_taken_when_listed(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stuck create whose article the OA lists (title and content as sent) is taken, not made again."""
    stuck_on(emulator, TITLES[0])
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 3
    forge(root, "bt-000", token_at=LONG_AGO)
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == 2
    assert_published_once(root, emulator)


def test_an_update_zalo_never_finishes_is_sent_again(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    stuck_on(emulator, TITLES[1])
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    edit(root, 1, summary='"Tóm tắt đã sửa."')
    assert sync(root) == 3
    forge(root, "bt-001", token_at=LONG_AGO)
    emulator.configure(stuck_title_substrings=())  # the job sent already stays stuck
    capsys.readouterr()
    assert sync(root) == 3  # given up on, and the update sent again
    assert "thôi chờ và đã gửi lại bản cập nhật" in told(capsys)
    assert emulator.count_calls("/article/update") == 2
    assert sync(root) == 0  # the new update verified
    assert emulator.count_calls("/article/update") == 2 and emulator.count_calls("/create") == 2
    article = emulator.articles[state(root)["bt-001"]["article_id"]]
    assert article["description"] == "Tóm tắt đã sửa."
    assert_published_once(root, emulator)


def test_a_stuck_create_of_a_withdrawn_bulletin_is_a_persons_call(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """Withdrawn while its create is stuck: taking "not listed" for "never made" could leave a
    withdrawn bulletin on the OA once Zalo finishes, so a person checks first."""
    stuck_on(emulator, TITLES[0], list_while_processing=False)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 3
    forge(root, "bt-000", token_at=LONG_AGO)
    (root / "content" / "bai-viet" / "ban-tin-000.md").unlink()
    capsys.readouterr()
    assert sync(root) == 1
    out = told(capsys)
    assert "coi như bản tin (đã rút) chưa lên Zalo" in out and "sau hơn 24 giờ" in out
    assert sync(root, "--zalo-overwrite", "bt-000") == 0
    assert state(root)["bt-000"]["status"] == "removed"
    assert emulator.count_calls("/article/create") == 2


def test_overwrite_makes_a_stuck_create_again_in_the_run_that_gives_up_on_it(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--zalo-overwrite is how a person lets a stuck create not found be made again (README).
    The run that gave up on the token asked for a person even when it was given."""
    stuck_on(emulator, TITLES[0], list_while_processing=False)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 3
    forge(root, "bt-000", token_at=LONG_AGO)
    emulator.configure(stuck_title_substrings=())
    assert sync(root, "--zalo-overwrite", "bt-000") == 0
    assert emulator.count_calls("/article/create") == 3
    entry = state(root)["bt-000"]
    assert entry["status"] == "live" and entry["article_id"] in emulator.articles
    assert not {"pending_create", "token", "token_at", "token_digest"} & set(entry)
    assert sync(root) == 0


JOB_FIELDS = {"token", "token_digest", "token_content", "token_at", "hide_token", "hide_token_at"}


@pytest.mark.parametrize("on_withdraw", ["hide", "remove"])
def test_an_article_found_deleted_when_withdrawn_keeps_no_job_in_flight(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    on_withdraw: str,
) -> None:
    """Withdrawn after the OA admin deleted its article, while an update was unverified: the
    record kept parts of the update's job (the hide its token too, which was later verified
    into the deleted article's id, so the bulletin, back again, was never made again)."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 1, zalo=f'on_withdraw = "{on_withdraw}"')
    assert sync(root) == 0
    stuck_on(emulator, TITLES[0])
    edit(root, 0, summary='"Tóm tắt đã sửa."')
    assert sync(root) == 3  # the update still processing: its token kept
    del emulator.state.articles[state(root)["bt-000"]["article_id"]]
    bulletin = root / "content" / "bai-viet" / "ban-tin-000.md"
    text = bulletin.read_text(encoding="utf-8")
    bulletin.unlink()
    assert sync(root) == 0
    entry = state(root)["bt-000"]
    assert entry["status"] == "removed" and not JOB_FIELDS & set(entry), entry
    emulator.configure(stuck_title_substrings=())
    emulator.finish_stuck_jobs()
    bulletin.write_text(text, encoding="utf-8")
    assert sync(root) == 0
    assert_published_once(root, emulator)


def test_an_update_given_up_that_zalo_finishes_late_is_sent_again(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A stuck update given up on may still be applied by Zalo, over the newer version sent
    since: the OA then showed the old text for good (the state said the new one), and the next
    edit was refused as a hand edit. The job is watched (one verify a run, no waiting) until
    Zalo ends it; its version found on the OA is sent over again."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    stuck_on(emulator, TITLES[1])
    edit(root, 1, summary='"Tóm tắt bản bị kẹt."')
    assert sync(root) == 3
    forge(root, "bt-001", token_at=LONG_AGO)
    emulator.configure(stuck_title_substrings=())
    edit(root, 1, summary='"Tóm tắt bản mới nhất."')
    assert sync(root) == 3  # given up on; the newest version sent and verified
    article_id = state(root)["bt-001"]["article_id"]
    assert emulator.articles[article_id]["description"] == "Tóm tắt bản mới nhất."
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 0  # the old job still processing: asked once, nothing sent
    assert "Zalo vẫn chưa xong yêu cầu cũ" in told(capsys)
    assert emulator.count_calls("/article/verify") == 1 and not emulator.write_calls()
    assert emulator.finish_stuck_jobs() == 1
    assert emulator.articles[article_id]["description"] == "Tóm tắt bản bị kẹt."
    assert sync(root) == 0
    assert "đưa bài về bản cũ hơn: đã gửi lại bản hiện hành" in told(capsys)
    assert emulator.articles[article_id]["description"] == "Tóm tắt bản mới nhất."
    assert "given_up" not in state(root)["bt-001"]
    edit(root, 1, summary='"Tóm tắt sửa tiếp."')  # the old version is no hand edit
    assert sync(root) == 0
    assert emulator.articles[article_id]["description"] == "Tóm tắt sửa tiếp."
    emulator.clear_calls()
    assert sync(root) == 0 and emulator.count_calls("/article/") == 0
    assert_published_once(root, emulator)


def test_a_hide_given_up_that_zalo_finishes_late_does_not_hide_a_bulletin_shown_again(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """The same for a hide: finished late, it hid a bulletin published again since."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    bulletin = root / "content" / "bai-viet" / "ban-tin-000.md"
    text = bulletin.read_text(encoding="utf-8")
    bulletin.unlink()
    stuck_on(emulator, TITLES[0])
    assert sync(root) == 3  # the hide still processing
    forge(root, "bt-000", hide_token_at=LONG_AGO)
    emulator.configure(stuck_title_substrings=())
    assert sync(root) == 0  # given up on, and hidden again
    assert emulator.articles[article_id]["status"] == "hide"
    bulletin.write_text(text, encoding="utf-8")
    assert sync(root) == 0  # shown again
    assert emulator.finish_stuck_jobs() == 1
    assert emulator.articles[article_id]["status"] == "hide"
    capsys.readouterr()
    assert sync(root) == 0
    assert "Zalo vừa xong muộn lệnh ẩn bài" in told(capsys)
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "show"
    assert_published_once(root, emulator)


def test_a_hide_in_flight_when_the_bulletin_comes_back_is_watched(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A hide still processing (not yet given up on) when the bulletin is published again: the
    update that shows it cleared the hide job unwatched, and Zalo finishing it later hid the
    republished bulletin for good. The hide is watched and the article shown again."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    bulletin = root / "content" / "bai-viet" / "ban-tin-000.md"
    text = bulletin.read_text(encoding="utf-8")
    bulletin.unlink()
    stuck_on(emulator, TITLES[0])
    assert sync(root) == 3  # the hide still processing
    emulator.configure(stuck_title_substrings=())
    bulletin.write_text(text, encoding="utf-8")
    sync(root)  # shown again while the hide is still processing
    assert state(root)["bt-000"].get("given_up")
    assert emulator.finish_stuck_jobs() == 1
    assert emulator.articles[article_id]["status"] == "hide"
    capsys.readouterr()
    assert sync(root) == 0
    assert "Zalo vừa xong muộn lệnh ẩn bài" in told(capsys)
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "show"
    assert_published_once(root, emulator)


def test_a_bulletin_withdrawn_again_while_shown_again_is_hidden(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Withdrawn, published again (the update still processing), withdrawn again: the record
    still said hidden, so the plan called it settled and the update, landing later, showed
    the withdrawn bulletin for good. It is hidden again, the update watched."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    bulletin = root / "content" / "bai-viet" / "ban-tin-000.md"
    text = bulletin.read_text(encoding="utf-8")
    bulletin.unlink()
    assert sync(root) == 0
    stuck_on(emulator, TITLES[0])
    bulletin.write_text(text, encoding="utf-8")
    assert sync(root) == 3  # the update that shows it still processing
    emulator.configure(stuck_title_substrings=())
    bulletin.unlink()
    assert sync(root) == 0
    emulator.finish_stuck_jobs()
    assert sync(root) == 0
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "hide"


def test_an_update_given_up_that_zalo_finishes_late_is_no_hand_edit_to_the_next_one(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulletin edited again before any run saw the given-up job end: the article then
    holds that job's version, which the tool sent, so the update goes through."""
    root = stuck_update(tmp_path, emulator, monkeypatch)
    edit(root, 0, summary='"Tóm tắt bản mới hơn."')
    assert sync(root) == 3  # given up on; the newer version sent and verified
    emulator.finish_stuck_jobs()
    edit(root, 0, summary='"Tóm tắt sửa tiếp."')
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    assert emulator.articles[article_id]["description"] == "Tóm tắt sửa tiếp."
    assert sync(root) == 0
    assert "given_up" not in state(root)["bt-000"]
    assert_published_once(root, emulator)


def test_zalo_failing_to_answer_about_a_given_up_job_does_not_fail_a_verified_update(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """Asking about a watched job after the update was verified: Zalo failing that question
    made the verified update look failed. It is a note; the job stays watched."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    now = utc_stamp()
    watched = {"token": "cu-treo", "content": "c0", "shows": True, "at": now, "given_up_at": now}
    forge(root, "bt-000", given_up=[watched])
    verify = ZaloClient.verify

    def failing(self: ZaloClient, token: str) -> str:
        if token == "cu-treo":
            raise ZaloError("Zalo tạm thời không trả lời", code=-32, operation="verify")
        return verify(self, token)

    monkeypatch.setattr(ZaloClient, "verify", failing)
    edit(root, 0, summary='"Tóm tắt mới trong kho."')
    capsys.readouterr()
    assert sync(root) == 0
    out = told(capsys)
    assert "Zalo đã nhận bản cập nhật; chưa hỏi được Zalo về yêu cầu cũ" in out
    assert "1 cập nhật" in out
    entry = state(root)["bt-000"]
    assert entry["status"] == "live" and entry["given_up"] == [watched]


def test_a_given_up_job_is_asked_about_for_a_week_then_told_once_and_left(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A job Zalo never ends was asked about by every later sync, each of which then had to log
    in (spending the single-use refresh token) with nothing else to do. Asked about for 7 ×
    stuck_job_hours after it was given up, then dropped with a word to the operator; its
    version, should Zalo apply it after all, is still no hand edit."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    stuck_on(emulator, TITLES[1])
    edit(root, 1, summary='"Tóm tắt bản bị kẹt."')
    assert sync(root) == 3
    forge(root, "bt-001", token_at=LONG_AGO)
    emulator.configure(stuck_title_substrings=())
    edit(root, 1, summary='"Tóm tắt bản mới nhất."')
    assert sync(root) == 3  # given up on; the newest version sent and verified
    emulator.clear_calls()
    assert sync(root) == 0  # still watched: asked once
    assert emulator.count_calls("/article/verify") == 1
    [job] = state(root)["bt-001"]["given_up"]
    forge(root, "bt-001", given_up=[{**job, "given_up_at": LONG_AGO}])
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 0
    out = told(capsys)
    assert "thôi hỏi Zalo về bản cập nhật bài" in out and "thêm 168 giờ" in out
    assert "không cần làm gì" in out.lower()
    assert emulator.calls == []  # not even a login
    entry = state(root)["bt-001"]
    late = [{"content": job["content"], "shows": True}]
    assert "given_up" not in entry and entry["late_content"] == late
    assert sync(root) == 0
    assert "thôi hỏi" not in told(capsys)  # told once
    assert emulator.calls == []
    assert emulator.finish_stuck_jobs() == 1  # Zalo applies it after all
    article = emulator.articles[entry["article_id"]]
    assert article["description"] == "Tóm tắt bản bị kẹt."
    edit(root, 1, summary='"Tóm tắt sửa tiếp."')
    assert sync(root) == 0  # the old version is no hand edit
    assert emulator.articles[entry["article_id"]]["description"] == "Tóm tắt sửa tiếp."
    assert_published_once(root, emulator)


def test_a_dry_run_leaves_a_given_up_job_watched_in_the_state(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A dry run says watching stops, plans nothing for it, and writes nothing."""
    root = stuck_update(tmp_path, emulator, monkeypatch)
    assert sync(root) == 3
    [job] = state(root)["bt-000"]["given_up"]
    forge(root, "bt-000", given_up=[{**job, "given_up_at": LONG_AGO}])
    before = (root / "state" / "zalo.json").read_bytes()
    capsys.readouterr()
    assert sync(root, "--dry-run") == 0
    out = told(capsys)
    assert "thôi hỏi Zalo về bản cập nhật bài" in out and "không có thay đổi nào" in out
    assert (root / "state" / "zalo.json").read_bytes() == before


def test_an_update_in_flight_when_the_bulletin_is_hidden_cannot_show_it_again(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """The hide replaced an update Zalo had not finished and forgot it: finished after the
    hide, that update (status show) put the withdrawn bulletin back on the OA for good."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    stuck_on(emulator, TITLES[0])
    edit(root, 0, summary='"Tóm tắt đang gửi."')
    assert sync(root) == 3  # the update still processing (not yet stuck_job_hours)
    emulator.configure(stuck_title_substrings=())  # the update sent stays in flight
    (root / "content" / "bai-viet" / "ban-tin-000.md").unlink()
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "hide"
    assert state(root)["bt-000"]["status"] == "hidden"
    assert emulator.finish_stuck_jobs() == 1
    assert emulator.articles[article_id]["status"] == "show"  # the late update
    capsys.readouterr()
    assert sync(root) == 0
    assert "hiện lại bài của bản tin đã rút: đã gửi lệnh ẩn" in told(capsys)
    assert emulator.articles[article_id]["status"] == "hide"
    assert "given_up" not in state(root)["bt-000"]
    emulator.clear_calls()
    assert sync(root) == 0 and emulator.calls == []


def test_an_update_in_flight_when_hidden_that_ends_before_the_hide_costs_no_later_login(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The update the hide replaced is asked about when the hide is verified: ended by then, the
    next run need not log in for it."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    stuck_on(emulator, TITLES[0])
    edit(root, 0, summary='"Tóm tắt đang gửi."')
    assert sync(root) == 3
    emulator.configure(stuck_title_substrings=())
    emulator.finish_stuck_jobs()
    (root / "content" / "bai-viet" / "ban-tin-000.md").unlink()
    assert sync(root) == 0
    assert "given_up" not in state(root)["bt-000"]
    emulator.clear_calls()
    assert sync(root) == 0 and emulator.calls == []


def test_sigkill_while_a_late_job_is_settled_still_sends_the_current_version_again(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run that finds a given-up update applied late forgot the job, then recorded the
    version it left, in two writes: killed between them, the record said the current version
    was on the OA and no later run sent it again."""
    root = stuck_update(tmp_path, emulator, monkeypatch)
    edit(root, 0, summary='"Tóm tắt bản mới nhất."')
    assert sync(root) == 3  # given up on; the newest version sent and verified
    article_id = state(root)["bt-000"]["article_id"]
    assert emulator.finish_stuck_jobs() == 1
    killed = run_cli(
        root,
        zalo_env,
        ZALO_VERIFY_TIMEOUT=STUCK_WAIT,
        PUBLISH_ZALO_CRASH_AT="after-late-job:1",
    )
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert emulator.articles[article_id]["description"] == "Tóm tắt bản bị kẹt."
    assert sync(root) == 0
    assert emulator.articles[article_id]["description"] == "Tóm tắt bản mới nhất."
    emulator.clear_calls()
    assert sync(root) == 0 and emulator.count_calls("/article/") == 0
    assert_published_once(root, emulator)


def test_a_lost_create_is_found_while_the_same_run_removes_newer_articles(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    """getslice pages newest first while the run's own removes (on_withdraw = "remove") go on:
    a removal above the page being read pulls the lost create's article onto a page already
    read. Missed, it was created again once lost_create_wait had passed: a duplicate."""
    root = zalo_project(tmp_path, 1, zalo='on_withdraw = "remove"')
    assert sync(root) == 0  # bt-000: the oldest article, last in the list
    for index in range(1, 12):
        path = root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md"
        path.write_text(zalo_bulletin(index), encoding="utf-8")
    assert sync(root) == 0
    entry = state(root)["bt-000"]
    made = entry["article_id"]
    pending = {
        "digest": entry["digest"],
        "title": entry["title"],
        "content": entry["content"],
        "at": LONG_AGO,
    }
    fields = dict.fromkeys(("article_id", "status", "digest", "content", "synced_at"))
    forge(root, "bt-000", **fields, pending_create=pending)  # its create reply was lost
    for index in (1, 2, 3):
        (root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md").unlink()
    first_page = threading.Event()
    handle = emulator.handle

    def interleaved(method: str, target: str, headers: dict, raw: bytes) -> Reply:
        """Removes land after the first page is read and before the second one is."""
        # Bounds, not waits (each ends as soon as the other side is there): at 5 s a loaded
        # machine could pass one, and the order this test is about was then not the one run.
        if "/article/remove" in target:
            first_page.wait(60)
        offset = 0 if "offset=" not in target else int(target.split("offset=")[1].split("&")[0])
        if "/getslice" in target and offset >= 10:
            deadline = time.monotonic() + 60
            while emulator.count_calls("/article/remove") < 3 and time.monotonic() < deadline:
                time.sleep(0.01)
        reply = handle(method, target, headers, raw)
        if "/getslice" in target and offset == 0:
            first_page.set()
        return reply

    emulator.handle = interleaved  # type: ignore[method-assign]
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.count_calls("/article/remove") == 3
    assert emulator.count_calls("/article/create") == 0
    assert state(root)["bt-000"]["article_id"] == made
    assert len(emulator.articles) == 9 and set(titles(emulator).values()) == {1}


def test_an_update_zalo_applies_after_the_watch_ended_is_put_right_by_a_no_op_sync(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A given-up update Zalo applied after the week it was asked about: the OA showed the
    older text for good while the state said the current one, and no no-op sync noticed. The
    article is read once every stuck_job_hours for three weeks more, and sent again when old."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    stuck_on(emulator, TITLES[1])
    edit(root, 1, summary='"Tóm tắt bản bị kẹt."')
    assert sync(root) == 3
    forge(root, "bt-001", token_at=LONG_AGO)
    emulator.configure(stuck_title_substrings=())
    edit(root, 1, summary='"Tóm tắt bản mới nhất."')
    assert sync(root) == 3  # given up on; the newest version sent and verified
    [job] = state(root)["bt-001"]["given_up"]
    forge(root, "bt-001", given_up=[{**job, "given_up_at": LONG_AGO}])
    capsys.readouterr()
    assert sync(root) == 0  # no longer asked about
    assert "đọc lại bài này một lần" in told(capsys)
    article_id = state(root)["bt-001"]["article_id"]
    assert emulator.finish_stuck_jobs() == 1  # Zalo applies it after all
    assert emulator.articles[article_id]["description"] == "Tóm tắt bản bị kẹt."
    emulator.clear_calls()
    assert sync(root) == 0 and emulator.calls == []  # not due yet: a no-op costs no call
    forge(root, "bt-001", late_checked_at=LONG_AGO)  # stuck_job_hours later
    assert sync(root) == 0
    assert "trở về bản cũ hơn; đã gửi lại bản hiện hành" in told(capsys)
    assert emulator.articles[article_id]["description"] == "Tóm tắt bản mới nhất."
    assert emulator.count_calls("/article/create") == 0
    emulator.clear_calls()
    assert sync(root) == 0 and emulator.calls == []
    forge(root, "bt-001", late_checked_at=LONG_AGO, late_check_until=LONG_AGO)
    assert sync(root) == 0 and emulator.calls == []  # three weeks on: read no more
    assert_published_once(root, emulator)


def test_an_update_zalo_applies_after_the_watch_ended_does_not_keep_a_withdrawn_bulletin_shown(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """The update a hide replaced, applied by Zalo after the watch ended: the withdrawn bulletin
    was shown again on the OA for good. A later no-op sync reads it and hides it again."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    article_id = state(root)["bt-000"]["article_id"]
    stuck_on(emulator, TITLES[0])
    edit(root, 0, summary='"Tóm tắt đang gửi."')
    assert sync(root) == 3
    emulator.configure(stuck_title_substrings=())
    (root / "content" / "bai-viet" / "ban-tin-000.md").unlink()
    assert sync(root) == 0
    [job] = state(root)["bt-000"]["given_up"]
    forge(root, "bt-000", given_up=[{**job, "given_up_at": LONG_AGO}])
    assert sync(root) == 0  # no longer asked about
    assert emulator.finish_stuck_jobs() == 1
    assert emulator.articles[article_id]["status"] == "show"  # the withdrawn bulletin, shown
    emulator.clear_calls()
    assert sync(root) == 0 and emulator.calls == []
    forge(root, "bt-000", late_checked_at=LONG_AGO)
    capsys.readouterr()
    assert sync(root) == 0
    assert "của bản tin đã rút hiện lại; đã gửi lệnh ẩn" in told(capsys)
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "hide"
    assert state(root)["bt-000"]["status"] == "hidden"
    emulator.clear_calls()
    assert sync(root) == 0 and emulator.calls == []


@pytest.mark.parametrize("dry_run", [False, True], ids=["real", "dry-run"])
def test_a_garbled_record_in_the_state_file_stops_the_sync_with_every_problem_named(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    dry_run: bool,
) -> None:
    """A hand-edited state/zalo.json: a record that says live without its article id had its
    bulletin created a second time on the OA, and one of the wrong shape stopped the sync with
    a traceback. Both are named, with the file and how to recover; nothing is sent, no login."""
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    forge(root, "bt-000", article_id=None)
    forge(root, "bt-001", title=["Tiêu đề"], content=7, pending_create={"at": 5, "title": "t"})
    path = root / "state" / "zalo.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entries"]["bt-002"] = "live"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root, *(["--dry-run"] if dry_run else [])) == 1
    out = told(capsys)
    assert "Traceback" not in out
    assert "state/zalo.json: 5 chỗ" in out
    assert (
        """bản ghi "bt-000": trạng thái 'live' (bài đang có trên Zalo) mà không có 'article_id'"""
        in out
    )
    assert """bản ghi "bt-001": trường 'title' cần một chuỗi, gặp danh sách""" in out
    assert """bản ghi "bt-001": trường 'content' cần một chuỗi, gặp số""" in out
    assert """bản ghi "bt-001": trường 'pending_create.at' cần một chuỗi, gặp số""" in out
    assert """bản ghi "bt-002": cần một đối tượng JSON {…}, gặp chuỗi""" in out
    assert "git checkout MÃ_COMMIT -- state/zalo.json" in out and "--reconcile" in out
    assert emulator.calls == [] and len(emulator.articles) == 3
    assert path.read_bytes() == before


def test_an_old_format_record_without_a_title_is_not_taken_for_any_article(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """An old-format record (no content digest) whose title was lost, pointed at an article
    getdetail returns without a title ([U] its shape): an empty title matched an empty title,
    and the article was overwritten. It is refused as not the tool's."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    article_id = state(root)["bt-001"]["article_id"]
    emulator.edit_article(article_id, title="")
    forge(root, "bt-001", title=None, **OLD_FORMAT)
    edit(root, 1, summary='"Tóm tắt mới trong kho."')
    capsys.readouterr()
    assert sync(root) == 1
    assert "không phải bản công cụ đăng lần trước" in told(capsys)
    assert emulator.articles[article_id]["description"] != "Tóm tắt mới trong kho."


def test_a_live_record_whose_article_id_was_deleted_by_hand_creates_no_duplicate(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """The article id cut out of a live record (a bad merge of state/): the bulletin was
    created a second time on the OA."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    forge(root, "bt-000", article_id=None)
    capsys.readouterr()
    assert sync(root) == 1
    assert """bản ghi "bt-000": trạng thái 'live'""" in told(capsys)
    assert emulator.count_calls("/article/create") == 2
    assert set(titles(emulator).values()) == {1}


def test_a_given_up_job_with_fields_of_the_wrong_type_stops_the_sync_with_each_named(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """A given-up job edited by hand ("at": 5) passed the record check, then reading its age
    raised TypeError: «Lỗi nội bộ» and a traceback instead of the record and field to fix. A
    time written without its zone (also only by hand) is read as UTC, not a crash."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    job = {"token": "cu-treo", "content": 3, "digest": ["d"], "shows": "có", "at": 5}
    late = [{"content": "c0", "shows": "không"}]
    forge(root, "bt-000", given_up=[{**job, "given_up_at": 7}], late_content=late)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    out = told(capsys)
    assert "Lỗi nội bộ" not in out and "Traceback" not in out
    assert "state/zalo.json: 6 chỗ" in out
    assert "trường 'late_content' cần danh sách các đối tượng có 'content'" in out
    number = """bản ghi "bt-000": trường 'given_up', yêu cầu thứ 1"""
    for name, kind in (("content", "số"), ("digest", "danh sách"), ("at", "số")):
        assert f"{number}: '{name}' cần một chuỗi hoặc null, gặp {kind}" in out
    assert f"{number}: 'given_up_at' cần một chuỗi hoặc null, gặp số" in out
    assert f"{number}: 'shows' cần true hoặc false, gặp chuỗi" in out
    assert emulator.calls == []
    naive = {"token": "cu-treo", "content": None, "shows": True, "at": "2020-12-30T00:00:00"}
    older = ["c0"]  # as the first version to keep late_content wrote it: still read
    forge(root, "bt-000", given_up=[{**naive, "given_up_at": "2020-12-30T00:00:00"}])
    forge(root, "bt-000", late_content=older)
    assert sync(root) == 0
    out = told(capsys)
    assert "Lỗi nội bộ" not in out and "thôi hỏi Zalo về bản cập nhật bài" in out
    entry = state(root)["bt-000"]
    assert "given_up" not in entry
    assert entry["late_content"] == [{"content": "c0", "shows": True}]


def watch_ended_on_a_stuck_update(root: Path, emulator: ZaloEmulator) -> str:
    """Bulletin 1's stuck update given up on, the newest version sent and verified, and the
    job no longer asked about: the article's id."""
    assert sync(root) == 0
    stuck_on(emulator, TITLES[1])
    edit(root, 1, summary='"Tóm tắt bản bị kẹt."')
    assert sync(root) == 3
    forge(root, "bt-001", token_at=LONG_AGO)
    emulator.configure(stuck_title_substrings=())
    edit(root, 1, summary='"Tóm tắt bản mới nhất."')
    assert sync(root) == 3  # given up on; the newest version sent and verified
    [job] = state(root)["bt-001"]["given_up"]
    forge(root, "bt-001", given_up=[{**job, "given_up_at": LONG_AGO}])
    assert sync(root) == 0  # no longer asked about
    return state(root)["bt-001"]["article_id"]


def as_first_written(root: Path, key: str) -> None:
    """Write a record's late_content as the first version to keep it did: digests alone."""
    late = state(root)[key]["late_content"]
    forge(root, key, late_content=[j if isinstance(j, str) else j["content"] for j in late])


@pytest.mark.parametrize("written", ["pairs", "digests"])
def test_an_article_an_oa_admin_hid_by_hand_is_left_hidden_by_the_late_check(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    written: str,
) -> None:
    """The late check took a live article hidden with the record's content for a hide Zalo
    applied late, though only an update was given up: the OA admin's own hide was undone, and
    the message blamed Zalo. It is left hidden, the admin named, --zalo-overwrite offered."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 2)
    article_id = watch_ended_on_a_stuck_update(root, emulator)
    if written == "digests":
        as_first_written(root, "bt-001")
    emulator.edit_article(article_id, status="hide")  # the admin hides it
    forge(root, "bt-001", late_checked_at=LONG_AGO)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 0
    out = told(capsys)
    assert "Zalo làm muộn một yêu cầu cũ mà công cụ đã thôi hỏi" not in out
    title = state(root)["bt-001"]["title"]
    assert f"bài {article_id} «{title}» bị ẩn dù bản tin vẫn đăng trong trang quản trị OA" in out
    assert "để nguyên bài" in out
    source = "content/bai-viet/ban-tin-001.md"
    assert (
        f"muốn hiện lại bài như bản trong kho thì chạy publish sync zalo --zalo-overwrite {source}"
        in out
    )
    assert emulator.write_calls() == []
    assert emulator.articles[article_id]["status"] == "hide"
    assert state(root)["bt-001"]["status"] == "live"
    assert sync(root, "--zalo-overwrite", source) == 0  # as the message says
    assert emulator.articles[article_id]["status"] == "show"
    assert_published_once(root, emulator)


@pytest.mark.parametrize("written", ["pairs", "digests"])
def test_a_late_check_that_finds_a_hand_edit_says_so_and_how_to_overwrite_it(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    written: str,
) -> None:
    """An article edited in the OA admin page was reported as «vẫn là bản công cụ gửi lần
    cuối»; it is told as a hand edit, left as it is, with the way to overwrite it. A record
    the first version wrote (digests alone) still has a late update put right."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 2)
    article_id = watch_ended_on_a_stuck_update(root, emulator)
    if written == "digests":
        as_first_written(root, "bt-001")
    emulator.edit_article(article_id, description="Tóm tắt quản trị viên sửa.")
    forge(root, "bt-001", late_checked_at=LONG_AGO)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 0
    out = told(capsys)
    assert "vẫn là bản công cụ gửi lần cuối" not in out
    assert (
        f"bài {article_id} «{state(root)['bt-001']['title']}» bị sửa tay trong trang quản trị OA"
        in out
    )
    assert (
        "muốn thay bằng bản trong kho thì chạy publish sync zalo --zalo-overwrite "
        "content/bai-viet/ban-tin-001.md" in out
    )
    assert emulator.write_calls() == []
    assert emulator.articles[article_id]["description"] == "Tóm tắt quản trị viên sửa."
    emulator.edit_article(article_id, description="Tóm tắt bản mới nhất.")  # put back by hand
    assert emulator.finish_stuck_jobs() == 1  # then Zalo applies the stuck update after all
    forge(root, "bt-001", late_checked_at=LONG_AGO)
    assert sync(root) == 0
    assert "trở về bản cũ hơn; đã gửi lại bản hiện hành" in told(capsys)
    assert emulator.articles[article_id]["description"] == "Tóm tắt bản mới nhất."


def test_a_hand_edit_found_by_the_late_check_is_told_once_not_at_every_check(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """The late check reads the article every stuck_job_hours for three weeks: an OA admin's
    edit was told again at each of them, a message a day about a change already told. It is
    told once, again only when the admin changes the article another way; nothing else
    changes (no write to Zalo, the checks go on, the record keeps the tool's version)."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 2)
    article_id = watch_ended_on_a_stuck_update(root, emulator)
    emulator.edit_article(article_id, description="Tóm tắt quản trị viên sửa.")
    told_once = f"bài {article_id} «{state(root)['bt-001']['title']}» bị sửa tay trong trang"
    forge(root, "bt-001", late_checked_at=LONG_AGO)
    capsys.readouterr()
    assert sync(root) == 0
    assert told_once in told(capsys)
    before = {k: v for k, v in state(root)["bt-001"].items() if k != "late_checked_at"}
    for _ in range(2):  # the next periods' checks
        forge(root, "bt-001", late_checked_at=LONG_AGO)
        emulator.clear_calls()
        assert sync(root) == 0
        out = told(capsys)
        assert "sửa tay" not in out and "--zalo-overwrite" not in out
        assert emulator.count_calls("/article/getdetail") == 1
        assert emulator.write_calls() == []
        entry = state(root)["bt-001"]
        assert entry["late_checked_at"] != LONG_AGO  # read again a period later
        assert {k: v for k, v in entry.items() if k != "late_checked_at"} == before
    emulator.edit_article(article_id, status="hide")  # a new change by hand: told
    forge(root, "bt-001", late_checked_at=LONG_AGO)
    assert sync(root) == 0
    assert f"bài {article_id} «{entry['title']}» bị sửa tay và bị ẩn trong trang" in told(capsys)
    assert emulator.articles[article_id]["description"] == "Tóm tắt quản trị viên sửa."


def test_a_hand_hide_undone_and_made_again_is_told_again(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """An admin hides the article (told), shows it again (the tool's version), then hides it
    again: the record still held the first hide as told, so the second one went untold."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 2)
    article_id = watch_ended_on_a_stuck_update(root, emulator)
    hidden = f"bài {article_id} «{state(root)['bt-001']['title']}» bị ẩn dù bản tin vẫn đăng"
    for status, said in (
        ("hide", hidden),
        ("show", "vẫn là bản công cụ gửi lần cuối"),
        ("hide", hidden),
    ):
        emulator.edit_article(article_id, status=status)
        forge(root, "bt-001", late_checked_at=LONG_AGO)
        capsys.readouterr()
        assert sync(root) == 0
        assert said in told(capsys), status
    assert emulator.articles[article_id]["status"] == "hide"  # left as the admin made it


@pytest.mark.parametrize("put_back", ["late-job", "overwrite", "withdrawn"])
def test_a_hand_hide_made_again_after_the_tool_put_its_version_back_is_told_again(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    put_back: str,
) -> None:
    """An admin hides the article (told); then the tool's version is sent again, because Zalo
    applied the old stuck update (shown, older text) or because of --zalo-overwrite; the admin
    hides it again. The record still held the first hide as told (only a check finding the
    tool's version forgot it), so the second hide went untold. The same for a withdrawn
    bulletin's article shown by hand, hidden again with --zalo-overwrite, shown again."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 2)
    article_id = watch_ended_on_a_stuck_update(root, emulator)
    source = "content/bai-viet/ban-tin-001.md"
    if put_back == "withdrawn":
        title = state(root)["bt-001"]["title"]
        (root / source).unlink()
        assert sync(root) == 0
        assert emulator.articles[article_id]["status"] == "hide"
        shown = f"bài {article_id} «{title}» của bản tin đã rút đang hiện"
        for _ in range(2):
            emulator.edit_article(article_id, status="show")  # shown by hand: told
            forge(root, "bt-001", late_checked_at=LONG_AGO)
            capsys.readouterr()
            assert sync(root) == 0
            assert shown in told(capsys)
            assert sync(root, "--zalo-overwrite", source) == 0  # hidden again, as told
            assert emulator.articles[article_id]["status"] == "hide"
        return
    hidden = f"bài {article_id} «{state(root)['bt-001']['title']}» bị ẩn dù bản tin vẫn đăng"
    emulator.edit_article(article_id, status="hide")
    forge(root, "bt-001", late_checked_at=LONG_AGO)
    capsys.readouterr()
    assert sync(root) == 0
    assert hidden in told(capsys)
    if put_back == "late-job":
        assert emulator.finish_stuck_jobs() == 1
        forge(root, "bt-001", late_checked_at=LONG_AGO)
        assert sync(root) == 0
        assert "trở về bản cũ hơn; đã gửi lại bản hiện hành" in told(capsys)
        assert sync(root) == 0  # the resend verified
    else:
        assert sync(root, "--zalo-overwrite", source) == 0
    assert emulator.articles[article_id]["description"] == "Tóm tắt bản mới nhất."
    assert emulator.articles[article_id]["status"] == "show"
    emulator.edit_article(article_id, status="hide")  # the admin hides it again
    forge(root, "bt-001", late_checked_at=LONG_AGO)
    capsys.readouterr()
    assert sync(root) == 0
    assert hidden in told(capsys)
    assert emulator.articles[article_id]["status"] == "hide"  # left as the admin made it


@pytest.mark.parametrize("withdrawn", [False, True], ids=["live", "withdrawn"])
def test_a_late_check_that_finds_the_article_deleted_lets_the_next_sync_create_it_again(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    withdrawn: bool,
) -> None:
    """The late check found the article deleted and said so, but left the record live: the
    bulletin was never created again, though README says the next sync does it."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 2)
    article_id = watch_ended_on_a_stuck_update(root, emulator)
    del emulator.state.articles[article_id]
    if withdrawn:
        (root / "content" / "bai-viet" / "ban-tin-001.md").unlink()
        forge(root, "bt-001", status="hidden")
    forge(root, "bt-001", late_checked_at=LONG_AGO)
    capsys.readouterr()
    assert sync(root) == 0
    out = told(capsys)
    assert f"bài {article_id} không còn trên Zalo (có thể đã bị xoá trong trang quản trị OA)" in out
    then = "bản tin đã rút nên không tạo lại" if withdrawn else "lần đồng bộ sau sẽ tạo lại bài"
    assert then in out
    entry = state(root)["bt-001"]
    assert entry["status"] == "removed" and "late_content" not in entry
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.count_calls("/article/create") == (0 if withdrawn else 1)
    if not withdrawn:
        assert_published_once(root, emulator)


def test_a_hide_given_up_and_applied_late_still_has_the_live_article_shown_again(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """Hidden is taken for a late job only when a hide was given up: then (its content, not
    shown) is kept, and the live bulletin's article is shown again as before."""
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", STUCK_WAIT)
    root = zalo_project(tmp_path, 2)
    article_id = watch_ended_on_a_stuck_update(root, emulator)
    entry = state(root)["bt-001"]
    # What _stop_watching keeps of a hide given up on (bulletin withdrawn, then back) too.
    hide = {"content": entry["content"], "shows": False}
    forge(root, "bt-001", late_content=[*entry["late_content"], hide], late_checked_at=LONG_AGO)
    emulator.edit_article(article_id, status="hide")  # Zalo applies that hide late
    capsys.readouterr()
    assert sync(root) == 0
    assert f"thôi hỏi: bài {article_id} bị ẩn; đã gửi lại bản hiện hành" in told(capsys)
    assert emulator.articles[article_id]["status"] == "show"
    assert state(root)["bt-001"]["status"] == "live"


def test_overwrite_takes_the_bulletin_file_written_with_windows_backslashes(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict
) -> None:
    """«content\\bai-viet\\….md», as a guide written on Windows shows it, run on Linux or CI."""
    root, article_id = synced_then_edited_by_hand(
        tmp_path, emulator, description="Sửa tay trong trang quản trị OA."
    )
    edit(root, 1, summary='"Tóm tắt mới trong kho."')
    assert sync(root, "--zalo-overwrite", SOURCE_1.replace("/", "\\")) == 0
    assert emulator.articles[article_id]["description"] == "Tóm tắt mới trong kho."


def test_a_reconcile_with_another_oas_token_reads_nothing_and_keeps_the_records(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """--reconcile lists the OA's articles before anything is sent: with a token of another OA
    (a unit's test OA, the shared token file of another unit) it read that OA's list, marked
    this unit's records removed and adopted the other OA's articles of the same title; the next
    right sync then posted every bulletin again. The token's OA is checked first."""
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    before = (root / "state" / "zalo.json").read_text("utf-8")
    emulator.configure(oa_id=NEW_OA, oa_name="OA thử của đơn vị")
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root, "--reconcile") == 1
    told = "".join(capsys.readouterr())
    assert f"thuộc OA «OA thử của đơn vị» (mã {NEW_OA})" in told
    assert emulator.count_calls("/article/getslice") == 0
    assert (root / "state" / "zalo.json").read_text("utf-8") == before


def test_a_hand_edited_given_up_job_without_its_content_ends_its_watch_without_a_crash(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """The record check lets a given-up job through without "content" (only its token is
    required); ending its watch read job["content"] and stopped the sync with a KeyError."""
    root = stuck_update(tmp_path, emulator, monkeypatch)
    assert sync(root) == 3
    [job] = state(root)["bt-000"]["given_up"]
    without_content = {k: v for k, v in job.items() if k != "content"}
    forge(root, "bt-000", given_up=[{**without_content, "given_up_at": LONG_AGO}])
    capsys.readouterr()
    assert sync(root) == 0
    assert "given_up" not in state(root)["bt-000"]


def test_after_zalo_refuses_a_create_for_its_quota_no_other_create_is_sent_in_the_run(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """-223 «limit quota create article» (contract §5): every other create of the run sent its
    own call into the same refusal and printed the same line with the same advice. The first
    says it once; the others are not sent and say so; the next run creates them."""
    emulator.configure(create_quota_per_day=1)
    # One create at a time: with several workers, creates already sent before the first
    # refusal came back meet it too (the barrier stops what is not yet sent).
    root = zalo_project(tmp_path, 4, zalo="concurrency = 1")
    assert sync(root) == 3
    out = told(capsys)
    assert emulator.count_calls("/article/create") == 2
    assert out.count("mã lỗi -223: “Your OA has reach the limit quota create article”") == 1
    assert out.count("Chưa gọi Zalo để tạo bài viết: Zalo vừa từ chối tạo bài") == 2
    assert len(emulator.articles) == 1
    assert not any("pending_create" in e for e in state(root).values())  # certainly not made
    emulator.configure(create_quota_per_day=None)
    assert sync(root) == 0
    assert_published_once(root, emulator)


def test_creates_waiting_to_retry_when_zalo_refuses_one_for_its_quota_are_not_sent(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """With the default 8 workers, creates backing off after a 429 when another met -223
    («limit quota create article») still went out once their wait ended, each into the same
    refusal, each printing it again. Once the refusal is known no create is sent; those
    already on the wire then (at most one per other worker) cannot be called back."""
    emulator.configure(
        create_quota_per_day=0,
        fault_paths=("/article/create",),
        fail_first_5xx=7,
        fail_5xx_status=429,
        retry_after="1",  # the seven wait a second: the -223 is known long before they retry
    )
    root = zalo_project(tmp_path, 10)
    assert sync(root) == 3
    out = told(capsys)
    creates = [c for c in emulator.calls if c.path.endswith("/article/create")]
    first = next(c for c in creates if c.error == -223)
    in_flight = [c for c in creates if c.arrived <= first.answered < c.answered]
    assert len(in_flight) <= 8 - 1
    # Half a second for the client to read the refusal it was answered.
    assert [c for c in creates if c.arrived > first.answered + 0.5] == []
    assert out.count("mã lỗi -223: “Your OA has reach the limit quota create article”") == 1
    assert not emulator.articles
    assert not any("pending_create" in e for e in state(root).values())  # certainly not made
    emulator.configure(create_quota_per_day=None)
    assert sync(root) == 0
    assert_published_once(root, emulator)


@pytest.mark.parametrize("unit", ["code_points", "utf16"])
def test_a_title_over_a_utf16_counting_servers_limit_is_refused_there_or_stopped_here(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    capsys: pytest.CaptureFixture,
    unit: str,
) -> None:
    """The emulator counted code points whatever [zalo] length_unit said, so nothing showed
    what the default utf16 guards against: a server counting UTF-16 units (Java, JavaScript)
    refuses a title of 149 code points with one emoji. code_points lets it be sent and refused;
    the default stops it before anything is sent, with the file and field."""
    emulator.configure(length_unit="utf16")
    title = "Cảnh báo 🚨 lừa đảo "
    title += "x" * (149 - len(title))
    assert len(title) == 149 and len(title.encode("utf-16-le")) // 2 == 150
    root = zalo_project(
        tmp_path,
        0,
        zalo=f'length_unit = "{unit}"',
        files={"content/bai-viet/a.md": zalo_bulletin(1, title=f'"{title}"')},
    )
    assert sync(root) != 0
    out = told(capsys)
    creates = [c for c in emulator.calls if c.path.endswith("/article/create")]
    assert not emulator.articles
    if unit == "code_points":
        assert [c.error for c in creates] == [-201]
        assert "title allow 1 to 150 characters" in out
    else:
        assert creates == []
        assert "content/bai-viet/a.md" in out and "tiêu đề dài 150/149 ký tự" in out
