"""A unit's trial against `publish zalo-sandbox`: what the sandbox and the sync tell the tester
when the trial cannot go as README's first-run step says (no [zalo] oa_id yet; a second trial
against a sandbox still holding the first trial's articles)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from publish.cli import main
from publish.commands import zalo_sandbox
from publish.zalo import ZaloClient
from publish.zalo import emulator as emulator_module
from publish.zalo.client import ClientSettings
from publish.zalo.emulator import ZaloEmulator
from publish.zalo.emulator_state import EmulatorConfig
from tests.hang_guard import run_python_guarded
from tests.helpers import make_project
from tests.zalo_fixtures import env_for
from tests.zalo_project import FAST_ENV, records, site_toml, sync, told, zalo_project


def sandbox_output(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    """What `publish zalo-sandbox` run in `root` prints before the tester stops it."""
    real_print = print

    def stopped_at_the_prompt(*args: object, **kwargs: object) -> None:
        real_print(*args, **kwargs)  # type: ignore[call-overload]
        if any("Nhấn Ctrl+C" in str(arg) for arg in args):
            raise KeyboardInterrupt

    monkeypatch.setattr(zalo_sandbox, "print", stopped_at_the_prompt, raising=False)
    for name in ("ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_REFRESH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--root", str(root), "zalo-sandbox", "--port", "0"]) == 0
    said = capsys.readouterr()
    return said.out + said.err


def test_a_sandbox_in_a_project_without_an_oa_id_says_which_it_uses_and_what_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Started in a unit's folder whose [zalo] has no oa_id, the sandbox took its sample OA id
    without a word, and `publish sync` then said only «chưa cấu hình». It says once which id
    it serves and the line to write; a project that names its OA is told nothing of it."""
    bare = make_project(tmp_path / "chua-co-oa", {"site.toml": site_toml('oa_id = ""')})
    out = sandbox_output(bare, monkeypatch, capsys)
    sample = EmulatorConfig().oa_id
    assert out.count(f'oa_id = "{sample}"') == 1
    assert "chưa có oa_id" in out and "[zalo]" in out
    assert unicodedata.is_normalized("NFC", out)
    named = make_project(tmp_path / "co-oa", {"site.toml": site_toml('oa_id = "1112223334"')})
    out = sandbox_output(named, monkeypatch, capsys)
    assert "oa_id" not in out


def test_a_second_trial_against_the_same_sandbox_is_told_to_restart_it(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """README's trial ends with state/ put back as in git; trying again against the sandbox
    still running, its articles of the first trial read as posted by hand and the sync stops
    (rightly: a duplicate). The stop now says to restart the sandbox; doing so, the trial
    goes through, each bulletin created once."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    (root / "state" / "zalo.json").unlink()  # git checkout -- state/ && git clean -fd state/
    capsys.readouterr()
    assert sync(root) == 1
    message = told(capsys)
    assert "publish zalo-sandbox" in message and "Ctrl+C" in message
    assert re.search(r"dừng sandbox .*chạy lại publish zalo-sandbox", message)
    assert "--state-file" in message
    assert len(emulator.articles) == 2
    with ZaloEmulator() as fresh:  # the sandbox stopped and started again
        token = tmp_path / "secrets" / "token-moi.json"
        for name, value in env_for(fresh, token, **FAST_ENV).items():
            monkeypatch.setenv(name, value)
        assert sync(root) == 0
        assert len(fresh.articles) == 2
        assert {e["article_id"] for e in records(root).values()} == set(fresh.articles)


def test_the_sandbox_advice_is_not_given_against_zalo_itself() -> None:
    """Only a sync the sandbox answered is told about a sandbox."""
    from publish.sync.zalo_unrecorded import sandbox_note

    assert sandbox_note(ZaloClient.__new__(ZaloClient)) == ""
    client = ZaloClient.__new__(ZaloClient)
    client.settings = ClientSettings()
    client.answered_by = ""
    assert sandbox_note(client) == ""


def test_a_stop_for_articles_of_another_server_at_a_loopback_address_says_nothing_of_a_sandbox(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ZALO_API_BASE at 127.0.0.1 is not always the sandbox (an SSH tunnel or a proxy in front
    of Zalo): the paragraph on restarting the sandbox was added to every such stop, where it
    told the operator to delete the token file of their real OA. Said only when the sandbox
    answered; the stop itself is the same."""
    monkeypatch.setattr(emulator_module._Handler, "server_version", "nginx")
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    (root / "state" / "zalo.json").unlink()
    capsys.readouterr()
    assert sync(root) == 1
    message = told(capsys)
    assert "đăng trùng" in message and "Không gửi gì lên Zalo" in message
    assert "sandbox" not in message and "ZALO_TOKEN_FILE" not in message
    assert len(emulator.articles) == 2


def test_every_line_the_sandbox_gives_to_copy_reaches_publish_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tester pastes the sandbox's variable lines into the other terminal, as README's first
    run says. The credentials line had no `export`: pasted alone it set shell variables that
    `publish sync` never saw, which then said the credentials were missing."""
    root = make_project(tmp_path, {"site.toml": site_toml('oa_id = "1112223334"')})
    out = sandbox_output(root, monkeypatch, capsys)
    pasted = [line.strip() for line in out.splitlines() if line.startswith("  ") and "=" in line]
    assert len(pasted) == 2
    shell = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", "\n".join([*pasted, "env"])],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=True,
    )
    seen = dict(line.partition("=")[::2] for line in shell.stdout.splitlines())
    for name in ("ZALO_API_BASE", "ZALO_OAUTH_BASE", "ZALO_APP_ID", "ZALO_APP_SECRET"):
        assert seen.get(name), name
    assert seen.get("ZALO_REFRESH_TOKEN") == "sandbox-refresh-token"


def test_a_sandbox_in_a_project_init_made_without_an_oa_says_to_add_zalo_to_the_channels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """init without an OA leaves zalo out of default_channels: the temporary oa_id alone made
    the trial sync send nothing. The note names both lines to write."""
    text = site_toml('oa_id = ""').replace(
        'default_channels = ["web", "zalo"]', 'default_channels = ["web", "radio"]'
    )
    bare = make_project(tmp_path / "chua-co-oa", {"site.toml": text})
    out = " ".join(sandbox_output(bare, monkeypatch, capsys).split())
    assert 'thêm "zalo" vào default_channels ở bảng [site]' in out
    kept = make_project(tmp_path / "co-zalo", {"site.toml": site_toml('oa_id = ""')})
    assert "default_channels" not in sandbox_output(kept, monkeypatch, capsys)


def test_the_sandbox_command_starts_without_loading_httpx() -> None:
    """The sandbox only answers HTTP (http.server): importing the client for its Server header's
    name loaded httpx (~36 ms) at every `publish zalo-sandbox` start."""
    code = "import sys; import publish.commands.zalo_sandbox; print('httpx' in sys.modules)"
    done = run_python_guarded(code, cwd=Path(__file__).resolve().parents[1])
    assert done.stdout == "False\n"
