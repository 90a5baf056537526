"""`publish zalo-login` against the emulator over loopback: the test plays the OA admin's browser."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest

from publish.cli import main
from publish.zalo import TokenFile, ZaloClient
from publish.zalo.emulator import EmulatorConfig, ZaloEmulator
from publish.zalo.emulator_state import pkce_challenge
from tests.zalo_fixtures import FAST_SETTINGS, env_for
from tests.zalo_project import FAST_ENV, NOW, OA_ID, zalo_project

CALLBACK = "https://congan-chauthanh.example.vn/zalo/callback"
"""A redirect URI the test cannot listen on: paste mode."""


@pytest.fixture
def emulator() -> Iterator[ZaloEmulator]:
    """A running emulator whose app has CALLBACK as its saved redirect URI."""
    with ZaloEmulator(EmulatorConfig(verify_processing_count=0, redirect_uri=CALLBACK)) as emu:
        yield emu


def free_port() -> int:
    """A loopback port nothing listens on (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def login_env(emulator: ZaloEmulator, token_file: Path, **extra: str) -> dict[str, str]:
    """The environment of an IT person who has set only the app id and secret."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZALO_", "PUBLISH_"))}
    env.update(env_for(emulator, token_file, **FAST_ENV, **extra))
    del env["ZALO_REFRESH_TOKEN"]
    return env


class Login:
    """A `publish zalo-login` process and the consent URL it printed."""

    def __init__(self, root: Path, env: dict[str, str], *args: str) -> None:
        command = [sys.executable, "-m", "publish", "--root", str(root), "zalo-login", *args]
        self.process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.printed: list[str] = []
        self.consent_url = ""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.printed.append(line)
            if "/v4/oa/permission?" in line:
                self.consent_url = line.strip()
            if self.consent_url and ("Đang chờ" in line or "dán vào đây" in line):
                return
        self.finish()
        raise AssertionError(f"no consent URL: {self.printed} {self.stderr}")

    @property
    def state(self) -> str:
        """The state this run put in its consent URL."""
        return parse_qs(urlsplit(self.consent_url).query)["state"][0]

    def paste(self, address: str) -> int:
        """Type the address the browser ended on, then wait for the end."""
        assert self.process.stdin is not None
        self.process.stdin.write(address + "\n")
        self.process.stdin.flush()
        return self.finish()

    def finish(self) -> int:
        """Wait for the process; keep everything it printed."""
        out, self.stderr = self.process.communicate(timeout=60)
        self.stdout = "".join(self.printed) + out
        return self.process.returncode

    def kill(self) -> None:
        """Stop a process the test gave up on."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


def consent(url: str) -> httpx.Response:
    """The admin opens the consent URL and agrees (the emulator consents at once)."""
    return httpx.get(url, follow_redirects=False, timeout=10)


def with_state(address: str, state: str) -> str:
    """The same callback address with another state."""
    parts = urlsplit(address)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    query["state"] = state
    return urlunsplit(parts._replace(query=urlencode(query)))


def secrets_of(emulator: ZaloEmulator) -> list[str]:
    """Every token and code the emulator issued, and the app secret."""
    state = emulator.state
    return [
        *state.refresh_tokens,
        *state.used_refresh_tokens,
        *state.access_tokens,
        *emulator.auth_codes,
        emulator.config.app_secret,
    ]


def assert_nothing_leaked(login: Login, emulator: ZaloEmulator) -> None:
    """No token, code or secret in what the command printed, and no traceback."""
    shown = login.stdout + login.stderr
    for secret in secrets_of(emulator):
        assert secret not in shown
    assert "Traceback" not in shown


def test_listener_mode_writes_a_private_token_file_that_sync_uses(
    tmp_path: Path, emulator: ZaloEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = zalo_project(tmp_path, 2)
    redirect = f"http://127.0.0.1:{free_port()}/zalo/xong"
    emulator.configure(redirect_uri=redirect)
    token_file = tmp_path / "bi-mat" / "zalo-token.json"
    env = login_env(emulator, token_file)
    login = Login(root, env, "--redirect-uri", redirect)
    try:
        page = httpx.get(login.consent_url, follow_redirects=True, timeout=10)
    finally:
        code = login.finish()
    assert page.status_code == 200 and "Đã xong, đóng trang này" in page.text
    assert code == 0, login.stderr
    assert oct(token_file.stat().st_mode & 0o777) == "0o600"
    saved = json.loads(token_file.read_text(encoding="utf-8"))
    assert saved["refresh_token"] == emulator.refresh_token
    assert saved["access_token"] in emulator.state.access_tokens
    assert OA_ID in login.stdout and str(token_file) in login.stdout
    assert_nothing_leaked(login, emulator)
    # The file is all `publish sync` needs: no ZALO_REFRESH_TOKEN in its environment either.
    for name, value in env.items():
        if name.startswith("ZALO_"):
            monkeypatch.setenv(name, value)
    monkeypatch.delenv("ZALO_REFRESH_TOKEN", raising=False)
    assert main(["--root", str(root), "--now", NOW, "sync", "zalo"]) == 0
    assert len(emulator.articles) == 2


def test_login_reads_pasted_credentials_as_sync_does(
    tmp_path: Path, emulator: ZaloEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ZALO_TOKEN_FILE pasted with a line break: `publish sync` trims it, so login must too, or
    it writes a token file whose name ends in a newline, which sync never reads."""
    root = zalo_project(tmp_path, 2)
    redirect = f"http://127.0.0.1:{free_port()}/zalo/xong"
    emulator.configure(redirect_uri=redirect)
    token_file = tmp_path / "bi-mat" / "zalo-token.json"
    env = login_env(emulator, token_file)
    env["ZALO_TOKEN_FILE"] += "\n"
    login = Login(root, env, "--redirect-uri", redirect)
    try:
        httpx.get(login.consent_url, follow_redirects=True, timeout=10)
    finally:
        code = login.finish()
    assert code == 0, login.stderr
    assert token_file.is_file()
    assert not [p.name for p in token_file.parent.iterdir() if "\n" in p.name]
    for name, value in env.items():
        if name.startswith("ZALO_"):
            monkeypatch.setenv(name, value)
    monkeypatch.delenv("ZALO_REFRESH_TOKEN", raising=False)
    assert main(["--root", str(root), "--now", NOW, "sync", "zalo"]) == 0
    assert len(emulator.articles) == 2


def test_paste_mode_and_a_refresh_token_file_for_ci(tmp_path: Path, emulator: ZaloEmulator) -> None:
    root = zalo_project(tmp_path, 1)
    token_file = tmp_path / "zalo-token.json"
    for_ci = tmp_path / "cho-ci.txt"
    login = Login(
        root,
        login_env(emulator, token_file),
        "--redirect-uri",
        CALLBACK,
        "--refresh-token-file",
        str(for_ci),
    )
    reply = consent(login.consent_url)
    assert reply.status_code == 302
    assert login.paste(reply.headers["location"]) == 0, login.stderr
    assert for_ci.read_text(encoding="utf-8") == emulator.refresh_token
    assert oct(for_ci.stat().st_mode & 0o777) == "0o600"
    # Single use: a copy on this machine would die the moment CI refreshed (or kill CI's).
    assert not token_file.exists()
    assert f"gh secret set ZALO_REFRESH_TOKEN --env publish < {for_ci}" in login.stdout
    assert f"rm {for_ci}" in login.stdout
    assert_nothing_leaked(login, emulator)


def test_redirect_uri_can_come_from_site_toml(tmp_path: Path, emulator: ZaloEmulator) -> None:
    root = zalo_project(tmp_path, 1, zalo=f'redirect_uri = "{CALLBACK}"')
    token_file = tmp_path / "zalo-token.json"
    login = Login(root, login_env(emulator, token_file))
    assert login.paste(consent(login.consent_url).headers["location"]) == 0, login.stderr
    assert token_file.exists()


def test_an_existing_refresh_token_file_is_refused_before_anything(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = zalo_project(tmp_path, 1)
    for_ci = tmp_path / "cho-ci.txt"
    for_ci.write_text("cũ", encoding="utf-8")
    for name, value in login_env(emulator, tmp_path / "t.json").items():
        monkeypatch.setenv(name, value)
    args = ["--root", str(root), "zalo-login", "--paste", "--redirect-uri", CALLBACK]
    assert main([*args, "--refresh-token-file", str(for_ci)]) == 1
    assert "đã có" in capsys.readouterr().err
    assert for_ci.read_text(encoding="utf-8") == "cũ"


def test_a_refresh_token_file_in_a_missing_folder_is_refused_before_consent(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Found only when writing, after the code was spent, the new refresh token was lost."""
    root = zalo_project(tmp_path, 1)
    for_ci = tmp_path / "chua-co" / "cho-ci.txt"
    for name, value in login_env(emulator, tmp_path / "t.json").items():
        monkeypatch.setenv(name, value)
    args = ["--root", str(root), "zalo-login", "--paste", "--redirect-uri", CALLBACK]
    assert main([*args, "--refresh-token-file", str(for_ci)]) == 1
    captured = capsys.readouterr()
    assert f"không ghi được tệp mới trong thư mục {for_ci.parent}" in captured.err
    assert "/v4/oa/permission" not in captured.out


def test_a_wrong_state_is_refused_and_the_code_never_sent(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    root = zalo_project(tmp_path, 1)
    token_file = tmp_path / "zalo-token.json"
    login = Login(root, login_env(emulator, token_file), "--redirect-uri", CALLBACK)
    address = consent(login.consent_url).headers["location"]
    assert login.paste(with_state(address, "state-cua-ke-khac")) == 1
    assert "“state”" in login.stderr and "không khớp" in login.stderr
    assert emulator.count_calls("/v4/oa/access_token") == 0
    assert not token_file.exists()
    assert_nothing_leaked(login, emulator)


def test_a_code_used_once_is_refused_the_second_time(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    root = zalo_project(tmp_path, 1)
    token_file = tmp_path / "zalo-token.json"
    env = login_env(emulator, token_file)
    first = Login(root, env, "--redirect-uri", CALLBACK)
    address = consent(first.consent_url).headers["location"]
    assert first.paste(address) == 0
    saved = token_file.read_bytes()
    again = Login(root, env, "--redirect-uri", CALLBACK)
    assert again.paste(with_state(address, again.state)) == 1
    assert "đã dùng rồi hoặc đã hết hạn" in again.stderr
    assert "10 phút" in again.stderr
    assert token_file.read_bytes() == saved
    assert_nothing_leaked(again, emulator)


def test_an_expired_code_is_refused(tmp_path: Path, emulator: ZaloEmulator) -> None:
    emulator.configure(auth_code_ttl=0.0)
    root = zalo_project(tmp_path, 1)
    login = Login(root, login_env(emulator, tmp_path / "t.json"), "--redirect-uri", CALLBACK)
    assert login.paste(consent(login.consent_url).headers["location"]) == 1
    assert "đã dùng rồi hoặc đã hết hạn" in login.stderr
    assert not (tmp_path / "t.json").exists()


def test_a_code_from_another_run_fails_the_pkce_check(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    root = zalo_project(tmp_path, 1)
    env = login_env(emulator, tmp_path / "t.json")
    other = Login(root, env, "--redirect-uri", CALLBACK)
    try:
        login = Login(root, env, "--redirect-uri", CALLBACK)
        address = consent(other.consent_url).headers["location"]
        assert login.paste(with_state(address, login.state)) == 1
    finally:
        other.kill()
    assert "Mã cấp quyền không khớp với lần chạy này" in login.stderr
    assert "code_verifier" in login.stderr
    assert not (tmp_path / "t.json").exists()
    assert_nothing_leaked(login, emulator)


def test_a_redirect_uri_zalo_shows_an_error_for_is_explained(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    root = zalo_project(tmp_path, 1)
    login = Login(
        root, login_env(emulator, tmp_path / "t.json"), "--redirect-uri", CALLBACK + "/sai"
    )
    page = consent(login.consent_url)
    assert page.status_code == 200 and page.json()["error"] == -14003
    # The browser stays on Zalo's page: that is the address the admin copies.
    assert login.paste(login.consent_url) == 1
    assert "phải trùng địa chỉ đã khai báo trong phần cài đặt ứng dụng" in login.stderr
    assert "-14003" in login.stderr


def test_a_redirect_mismatch_sent_back_to_the_listener_is_explained(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    emulator.configure(redirect_mismatch_reply="redirect")
    root = zalo_project(tmp_path, 1)
    redirect = f"http://localhost:{free_port()}/zalo"
    login = Login(root, login_env(emulator, tmp_path / "t.json"), "--redirect-uri", redirect)
    try:
        httpx.get(login.consent_url.replace("localhost", "127.0.0.1"), follow_redirects=True)
    finally:
        code = login.finish()
    assert code == 1
    assert "-14003" in login.stderr
    assert "phải trùng địa chỉ đã khai báo trong phần cài đặt ứng dụng" in login.stderr


def test_a_refused_consent_is_explained(tmp_path: Path, emulator: ZaloEmulator) -> None:
    emulator.configure(consent_refused=True)
    root = zalo_project(tmp_path, 1)
    login = Login(root, login_env(emulator, tmp_path / "t.json"), "--redirect-uri", CALLBACK)
    assert login.paste(consent(login.consent_url).headers["location"]) == 1
    assert "Zalo không cấp quyền" in login.stderr and "access_denied" in login.stderr


def test_a_token_for_another_oa_is_not_saved(tmp_path: Path, emulator: ZaloEmulator) -> None:
    emulator.configure(oa_id="1111222233334444")
    root = zalo_project(tmp_path, 1)
    token_file = tmp_path / "zalo-token.json"
    login = Login(root, login_env(emulator, token_file), "--redirect-uri", CALLBACK)
    assert login.paste(consent(login.consent_url).headers["location"]) == 1
    assert "1111222233334444" in login.stderr and OA_ID in login.stderr
    assert "không ghi token nào" in login.stderr
    assert not token_file.exists()
    assert_nothing_leaked(login, emulator)


def test_missing_app_credentials_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ZALO_APP_ID", "123")
    monkeypatch.delenv("ZALO_APP_SECRET", raising=False)
    assert main(["--root", str(tmp_path), "zalo-login", "--redirect-uri", CALLBACK]) == 1
    err = capsys.readouterr().err
    assert "ZALO_APP_SECRET" in err and "ZALO_APP_ID" not in err.split("đặt vào")[0]


def test_no_redirect_uri_says_how_to_give_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ZALO_APP_ID", "123")
    monkeypatch.setenv("ZALO_APP_SECRET", "bi-mat-ung-dung")
    assert main(["--root", str(tmp_path), "zalo-login"]) == 1
    assert "--redirect-uri" in capsys.readouterr().err


def test_an_unreachable_oauth_server_is_a_clear_error(tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZALO_")}
    env.update(ZALO_APP_ID="123", ZALO_APP_SECRET="bi-mat-ung-dung", ZALO_OAUTH_BASE=dead)
    env["ZALO_TOKEN_FILE"] = str(tmp_path / "t.json")
    login = Login(tmp_path, env, "--redirect-uri", CALLBACK)
    assert login.paste(f"{CALLBACK}?code=ma-bat-ky&state={login.state}") == 1
    assert f"Không kết nối được tới máy chủ OAuth của Zalo ({dead[7:]}): kết nối bị từ chối" in (
        login.stderr
    )
    assert "(ConnectError). Kiểm tra kết nối mạng" in login.stderr
    assert "ma-bat-ky" not in login.stderr + login.stdout
    assert "Traceback" not in login.stderr


def test_ctrl_c_while_waiting_stops_cleanly(tmp_path: Path, emulator: ZaloEmulator) -> None:
    root = zalo_project(tmp_path, 1)
    redirect = f"http://127.0.0.1:{free_port()}/zalo"
    login = Login(root, login_env(emulator, tmp_path / "t.json"), "--redirect-uri", redirect)
    login.process.send_signal(signal.SIGINT)
    assert login.finish() == 130
    assert "Đã dừng theo yêu cầu: chưa lấy token nào" in login.stderr
    assert "Traceback" not in login.stderr
    assert not (tmp_path / "t.json").exists()


def test_emulator_checks_pkce_and_spends_each_code_once(emulator: ZaloEmulator) -> None:
    verifier = "v" * 50
    query = urlencode(
        {
            "app_id": emulator.config.app_id,
            "redirect_uri": CALLBACK,
            "code_challenge": pkce_challenge(verifier),
            "state": "s",
        }
    )
    base = emulator.base_url

    def code() -> str:
        """Consent once; the code from the redirect."""
        reply = httpx.get(f"{base}/v4/oa/permission?{query}")
        location = urlsplit(reply.headers["location"])
        assert location.netloc == "congan-chauthanh.example.vn"
        found = parse_qs(location.query)
        assert found["state"] == ["s"] and found["oa_id"] == [emulator.config.oa_id]
        return found["code"][0]

    def exchange(value: str, code_verifier: str) -> dict:
        """POST the authorization_code grant."""
        form = {
            "code": value,
            "app_id": emulator.config.app_id,
            "grant_type": "authorization_code",
            "code_verifier": code_verifier,
        }
        headers = {"secret_key": emulator.config.app_secret}
        return httpx.post(f"{base}/v4/oa/access_token", data=form, headers=headers).json()

    assert exchange(code(), "w" * 50)["error_description"] == "Invalid code_verifier"
    good = code()
    tokens = exchange(good, verifier)
    assert tokens["refresh_token"] == emulator.refresh_token and tokens["expires_in"] == "90000"
    assert exchange(good, verifier)["error"] == -14003
    # The refresh grant still works with the new refresh token.
    form = {"refresh_token": tokens["refresh_token"], "app_id": emulator.config.app_id}
    refreshed = httpx.post(
        f"{base}/v4/oa/access_token",
        data={**form, "grant_type": "refresh_token"},
        headers={"secret_key": emulator.config.app_secret},
    ).json()
    assert refreshed["access_token"] and tokens["refresh_token"] in emulator.used_refresh_tokens


def test_a_silent_connection_to_the_listener_neither_blocks_the_callback_nor_the_timeout(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """A connection that sends nothing (a browser's spare preconnection, any local program)
    must not hold the one-shot listener: the browser's callback is still taken, and --timeout
    still ends the wait."""
    root = zalo_project(tmp_path, 1)
    port = free_port()
    redirect = f"http://127.0.0.1:{port}/zalo"
    emulator.configure(redirect_uri=redirect)
    env = login_env(emulator, tmp_path / "t.json")
    login = Login(root, env, "--redirect-uri", redirect)
    try:
        with socket.create_connection(("127.0.0.1", port)):
            page = httpx.get(login.consent_url, follow_redirects=True, timeout=20)
            assert page.status_code == 200 and "Đã xong" in page.text
            assert login.process.wait(timeout=20) == 0
    finally:
        login.kill()
    assert (tmp_path / "t.json").exists()
    waiting = Login(root, env, "--redirect-uri", redirect, "--timeout", "1")
    try:
        with socket.create_connection(("127.0.0.1", port)):
            assert waiting.process.wait(timeout=20) == 1
    finally:
        waiting.kill()


def test_a_request_without_this_runs_state_does_not_end_the_wait(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """Any web page the admin has open can make the browser fetch the loopback callback address
    (an <img>): without this run's state it is answered and ignored, not taken as Zalo's answer,
    which ended the login before the admin had consented."""
    root = zalo_project(tmp_path, 1)
    redirect = f"http://127.0.0.1:{free_port()}/zalo"
    emulator.configure(redirect_uri=redirect)
    token_file = tmp_path / "t.json"
    login = Login(root, login_env(emulator, token_file), "--redirect-uri", redirect)
    try:
        for forged in ("", "?x=1", "?code=ma-cua-ke-khac&state=sai", "?error=denied&state=sai"):
            reply = httpx.get(redirect + forged, timeout=10)
            assert reply.status_code == 400 and "không thuộc lần chạy" in reply.text
        assert login.process.poll() is None
        page = httpx.get(login.consent_url, follow_redirects=True, timeout=10)
        assert "Đã xong" in page.text
    finally:
        code = login.finish()
    assert code == 0, login.stderr
    assert token_file.exists()


def test_the_pkce_verifier_is_a_valid_rfc_7636_verifier_of_the_common_length() -> None:
    from publish.zalo.login import LoginRequest, pkce_challenge

    verifiers = {LoginRequest("1", CALLBACK, "http://127.0.0.1:1").verifier for _ in range(20)}
    assert len(verifiers) == 20  # fresh each time
    for verifier in verifiers:
        assert len(verifier) == 43
        assert set(verifier) <= set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
        )
        assert len(pkce_challenge(verifier)) == 43  # base64url of 32 bytes, no padding


def test_help_says_a_refresh_token_file_is_written_instead_of_the_token_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--help said the refresh token was written to TỆP 'as well' (ghi thêm); the command writes
    only TỆP and keeps no token file here (the refresh token is single use), as README says."""
    with pytest.raises(SystemExit):
        main(["zalo-login", "--help"])
    helped = " ".join(capsys.readouterr().out.split())
    assert "ghi thêm" not in helped
    assert "không ghi tệp token" in helped


def test_a_token_file_that_cannot_be_written_is_refused_before_consent(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ZALO_TOKEN_FILE under a path that is a file: found only when saving, after the code was
    spent, the new pair was lost and the OA admin had to consent again."""
    root = zalo_project(tmp_path, 1)
    blocker = tmp_path / "khong-phai-thu-muc"
    blocker.write_text("", encoding="utf-8")
    token_file = blocker / "zalo-token.json"
    for name, value in login_env(emulator, token_file).items():
        monkeypatch.setenv(name, value)
    args = ["--root", str(root), "zalo-login", "--paste", "--redirect-uri", CALLBACK]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert f"không ghi được tệp token {token_file}" in captured.err
    assert "/v4/oa/permission" not in captured.out


def test_a_token_file_path_that_is_a_folder_is_refused_before_consent(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ZALO_TOKEN_FILE naming an existing folder passed the check, then the save failed
    (IsADirectoryError) after the single-use code was spent: the new pair was lost."""
    root = zalo_project(tmp_path, 1)
    token_file = tmp_path / "zalo-token.json"
    token_file.mkdir()
    for name, value in login_env(emulator, token_file).items():
        monkeypatch.setenv(name, value)
    args = ["--root", str(root), "zalo-login", "--paste", "--redirect-uri", CALLBACK]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert f"không ghi được tệp token {token_file}: đường dẫn đó là một thư mục" in captured.err
    assert "ZALO_TOKEN_FILE là đường dẫn tới một tệp" in captured.err
    assert "/v4/oa/permission" not in captured.out
    assert emulator.auth_codes == []


OTHER_OA = "1111222233334444"
"""A second unit's OA, logged in for on the same machine as the first."""


def shared_login_env(emulator: ZaloEmulator, config_home: Path) -> dict[str, str]:
    """An admin's environment with no ZALO_TOKEN_FILE: the default token file is used."""
    env = login_env(emulator, config_home / "unused.json", XDG_CONFIG_HOME=str(config_home))
    del env["ZALO_TOKEN_FILE"]
    return env


def other_unit(tmp_path: Path) -> Path:
    """A second project folder, whose site.toml names OTHER_OA."""
    root = zalo_project(tmp_path / "don-vi-2", 1)
    site = root / "site.toml"
    site.write_text(site.read_text(encoding="utf-8").replace(OA_ID, OTHER_OA), encoding="utf-8")
    return root


def sync_with_default_file(
    root: Path, emulator: ZaloEmulator, config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> int:
    """`publish sync zalo` as the scheduled task runs it: only app id, secret and the file."""
    for name, value in shared_login_env(emulator, config_home).items():
        if name.startswith("ZALO_") or name == "XDG_CONFIG_HOME":
            monkeypatch.setenv(name, value)
    monkeypatch.delenv("ZALO_TOKEN_FILE", raising=False)
    monkeypatch.delenv("ZALO_REFRESH_TOKEN", raising=False)
    return main(["--root", str(root), "--now", NOW, "sync", "zalo"])


def test_logging_in_for_a_second_oa_keeps_the_first_oas_default_token_file(
    tmp_path: Path, emulator: ZaloEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default token file was one per machine: the second OA's login replaced the first
    OA's single-use refresh token, and the first unit's sync failed until a new login."""
    config_home = tmp_path / "cau-hinh"
    first = zalo_project(tmp_path / "don-vi-1", 1)
    login = Login(first, shared_login_env(emulator, config_home), "--redirect-uri", CALLBACK)
    assert login.paste(consent(login.consent_url).headers["location"]) == 0, login.stderr
    second_config = EmulatorConfig(verify_processing_count=0, redirect_uri=CALLBACK, oa_id=OTHER_OA)
    with ZaloEmulator(second_config) as second_oa:
        # From a folder without site.toml: the OA is known only from Zalo's answer.
        elsewhere = tmp_path / "thu-muc-khac"
        elsewhere.mkdir()
        env = shared_login_env(second_oa, config_home)
        login = Login(elsewhere, env, "--paste", "--redirect-uri", CALLBACK)
        assert login.paste(consent(login.consent_url).headers["location"]) == 0, login.stderr
        assert_nothing_leaked(login, second_oa)
        assert (
            sync_with_default_file(other_unit(tmp_path), second_oa, config_home, monkeypatch) == 0
        )
        assert len(second_oa.articles) == 1
    assert sync_with_default_file(first, emulator, config_home, monkeypatch) == 0
    assert len(emulator.articles) == 1
    assert str(config_home / "publish" / f"zalo-token-{OTHER_OA}.json") in login.stdout


def test_a_unit_that_logged_in_with_an_older_version_keeps_syncing(
    tmp_path: Path, emulator: ZaloEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shared zalo-token.json an older version wrote (no OA in it) stays the first unit's:
    its sync still reads it, and a login for another OA no longer writes over it."""
    config_home = tmp_path / "cau-hinh"
    shared = config_home / "publish" / "zalo-token.json"
    shared.parent.mkdir(parents=True, mode=0o700)
    shared.write_text(json.dumps({"version": 1, "refresh_token": emulator.refresh_token}))
    shared.chmod(0o600)
    first = zalo_project(tmp_path / "don-vi-1", 1)
    second_config = EmulatorConfig(verify_processing_count=0, redirect_uri=CALLBACK, oa_id=OTHER_OA)
    with ZaloEmulator(second_config) as second_oa:
        env = shared_login_env(second_oa, config_home)
        login = Login(other_unit(tmp_path), env, "--paste", "--redirect-uri", CALLBACK)
        assert login.paste(consent(login.consent_url).headers["location"]) == 0, login.stderr
        assert json.loads(shared.read_text())["refresh_token"] == emulator.refresh_token
    assert sync_with_default_file(first, emulator, config_home, monkeypatch) == 0
    assert len(emulator.articles) == 1
    assert json.loads(shared.read_text())["refresh_token"] == emulator.refresh_token


@pytest.mark.parametrize("access", ["none", "live"])
def test_a_login_outside_any_project_keeps_the_older_shared_file(
    tmp_path: Path, emulator: ZaloEmulator, access: str
) -> None:
    """With no OA known at all (no site.toml, Zalo names none), the new token used to replace
    the older shared file, whose OA's refresh token was then lost: it goes next to it. Zalo
    is not asked about the shared file's token (whatever it says, the file is kept): no
    getoa with a live one, no refresh of an expired or missing one."""
    emulator.configure(oa_id_key="none")
    config_home = tmp_path / "cau-hinh"
    shared = config_home / "publish" / "zalo-token.json"
    shared.parent.mkdir(parents=True, mode=0o700)
    if access == "live":  # the first unit's sync with an older version: a live access token
        with ZaloClient.from_env(env_for(emulator, shared), **FAST_SETTINGS) as client:
            client.login()
    else:
        shared.write_text(json.dumps({"version": 1, "refresh_token": "refresh-cua-don-vi-1"}))
        shared.chmod(0o600)
    old = json.loads(shared.read_text())
    emulator.clear_calls()
    elsewhere = tmp_path / "thu-muc-khac"
    elsewhere.mkdir()
    env = shared_login_env(emulator, config_home)
    login = Login(elsewhere, env, "--paste", "--redirect-uri", CALLBACK)
    parts = urlsplit(consent(login.consent_url).headers["location"])
    query = {k: v[-1] for k, v in parse_qs(parts.query).items() if k != "oa_id"}
    assert login.paste(urlunsplit(parts._replace(query=urlencode(query)))) == 0, login.stderr
    assert json.loads(shared.read_text()) == old
    beside = config_home / "publish" / "zalo-token-moi.json"
    assert json.loads(beside.read_text())["refresh_token"] == emulator.refresh_token
    assert f"ZALO_TOKEN_FILE={beside}" in login.stdout
    assert_nothing_leaked(login, emulator)
    assert emulator.count_calls("/oa/getoa") == 1  # the new token's check alone
    assert emulator.count_calls("/oa/access_token") == 1  # the code's exchange alone


def test_a_token_file_naming_no_oa_is_not_written_over_by_another_oa_s_login(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """ZALO_TOKEN_FILE set for the whole machine, holding the first unit's token as an older
    version wrote it (no OA in it): the second unit's login replaced it, and the first unit's
    single-use refresh token was lost. The new token goes next to it."""
    token_file = tmp_path / "bi-mat" / "zalo-token.json"
    with ZaloClient.from_env(env_for(emulator, token_file), **FAST_SETTINGS) as client:
        client.getoa()  # the first unit's sync: a live access token, no OA in the file
    kept = json.loads(token_file.read_text())
    assert "oa_id" not in kept
    second_config = EmulatorConfig(verify_processing_count=0, redirect_uri=CALLBACK, oa_id=OTHER_OA)
    with ZaloEmulator(second_config) as second_oa:
        env = login_env(second_oa, token_file)
        login = Login(other_unit(tmp_path), env, "--paste", "--redirect-uri", CALLBACK)
        assert login.paste(consent(login.consent_url).headers["location"]) == 0, login.stderr
        assert json.loads(token_file.read_text()) == kept
        beside = token_file.with_name(f"zalo-token-{OTHER_OA}.json")
        assert json.loads(beside.read_text())["refresh_token"] == second_oa.refresh_token
        assert f"Không ghi vào {token_file}" in login.stdout
        assert f"ZALO_TOKEN_FILE={beside}" in login.stdout
        assert_nothing_leaked(login, second_oa)
    assert emulator.used_refresh_tokens == [emulator.config.refresh_token]


def test_an_oa_s_own_token_file_naming_no_oa_is_renewed_in_place(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """When Zalo says the file's (live) access token is this very OA's, the login renews the
    file the OA's sync reads, as before files named their OA."""
    token_file = tmp_path / "bi-mat" / "zalo-token.json"
    with ZaloClient.from_env(env_for(emulator, token_file), **FAST_SETTINGS) as client:
        client.getoa()
    root = zalo_project(tmp_path / "don-vi-1", 1)
    login = Login(root, login_env(emulator, token_file), "--paste", "--redirect-uri", CALLBACK)
    assert login.paste(consent(login.consent_url).headers["location"]) == 0, login.stderr
    saved = json.loads(token_file.read_text())
    assert saved["oa_id"] == OA_ID and saved["refresh_token"] == emulator.refresh_token
    assert sorted(p.name for p in token_file.parent.glob("*.json")) == ["zalo-token.json"]


def test_an_oa_s_own_token_file_naming_no_oa_with_an_expired_access_token_is_renewed_in_place(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """The file's access token had expired, so Zalo was not asked whose it is and the new
    token went to a file beside it, which the admin then had to name in ZALO_TOKEN_FILE. Its
    refresh token still works: refreshed in place, getoa names this OA, the login renews it."""
    token_file = tmp_path / "bi-mat" / "zalo-token.json"
    with ZaloClient.from_env(env_for(emulator, token_file), **FAST_SETTINGS) as client:
        client.getoa()
    aged = TokenFile(token_file)
    pair = aged.load()
    assert pair is not None
    aged.save(dataclasses.replace(pair, expires_at=time.time() - 60))
    emulator.expire_access_tokens()
    emulator.clear_calls()
    root = zalo_project(tmp_path / "don-vi-1", 1)
    login = Login(root, login_env(emulator, token_file), "--paste", "--redirect-uri", CALLBACK)
    assert login.paste(consent(login.consent_url).headers["location"]) == 0, login.stderr
    assert "Không ghi vào" not in login.stdout
    assert sorted(p.name for p in token_file.parent.glob("*.json")) == ["zalo-token.json"]
    saved = json.loads(token_file.read_text())
    assert saved["oa_id"] == OA_ID
    assert saved["refresh_token"] in emulator.state.refresh_tokens
    assert emulator.count_calls("/oa/access_token") == 2  # the code's exchange, the file's refresh
    assert f"đã làm mới token trong tệp đó và ghi mã OA Zalo cho biết ({OA_ID})" in login.stdout
    assert_nothing_leaked(login, emulator)


def test_a_token_file_of_another_oa_is_refused_before_consent(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ZALO_TOKEN_FILE set for the whole machine, and a login in a second unit's folder: the
    file holding the first OA's token would have been replaced."""
    token_file = tmp_path / "zalo-token.json"
    token_file.write_text(json.dumps({"refresh_token": "refresh-cua-oa-kia", "oa_id": OA_ID}))
    token_file.chmod(0o600)
    for name, value in login_env(emulator, token_file).items():
        monkeypatch.setenv(name, value)
    args = [
        "--root",
        str(other_unit(tmp_path)),
        "zalo-login",
        "--paste",
        "--redirect-uri",
        CALLBACK,
    ]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert f"đang giữ token của OA mã {OA_ID}, không phải OA {OTHER_OA}" in captured.err
    assert "đặt ZALO_TOKEN_FILE là một tệp khác" in captured.err
    assert "/v4/oa/permission" not in captured.out
    assert json.loads(token_file.read_text())["refresh_token"] == "refresh-cua-oa-kia"


@pytest.mark.parametrize("for_ci", [False, True])
def test_a_project_made_without_an_oa_is_told_the_oa_id_to_write(
    tmp_path: Path, emulator: ZaloEmulator, for_ci: bool
) -> None:
    """A unit that ran `publish init` before it had an OA logged in, got «Đã lấy token của OA
    …» and set its CI secrets, and CI then sent nothing to Zalo: site.toml's oa_id was still
    empty and default_channels had no "zalo", which the login never said."""
    root = tmp_path / "congan"
    assert main(["init", str(root), "--unit", "Công an huyện Tháp Mười, tỉnh Đồng Tháp"]) == 0
    token_file = tmp_path / "zalo-token.json"
    extra = ["--refresh-token-file", str(tmp_path / "cho-ci.txt")] if for_ci else []
    login = Login(root, login_env(emulator, token_file), "--redirect-uri", CALLBACK, *extra)
    assert login.paste(consent(login.consent_url).headers["location"]) == 0, login.stderr
    told = [line for line in login.stdout.splitlines() if "site.toml chưa ghi mã OA" in line]
    assert len(told) == 1, login.stdout
    assert f'oa_id = "{emulator.config.oa_id}"' in told[0] and "default_channels" in told[0]
    assert_nothing_leaked(login, emulator)


def test_a_project_naming_its_oa_is_not_told_to_write_it(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    root = zalo_project(tmp_path, 1)
    login = Login(
        root, login_env(emulator, tmp_path / "zalo-token.json"), "--redirect-uri", CALLBACK
    )
    assert login.paste(consent(login.consent_url).headers["location"]) == 0, login.stderr
    assert "oa_id =" not in login.stdout
