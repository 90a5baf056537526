"""A run killed after Zalo answered a refresh and before the new pair was saved.

Zalo's refresh tokens are single use: once the refresh is answered, the refresh token in the
token file is spent, and the pair Zalo sent back was never kept. No file can hold it; what the
tool can do is keep that window small and tell the next run's operator what happened and how
to recover, without a duplicate or a lost article once recovered.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import httpx

from publish.zalo.emulator import ZaloEmulator
from publish.zalo.tokens import TokenFile
from tests import forked
from tests.test_zalo_login import CALLBACK, Login, consent, login_env
from tests.zalo_fixtures import env_for, every_token, make_client
from tests.zalo_project import FAST_ENV, NOW, TITLES, zalo_bulletin, zalo_project

REPO = Path(__file__).resolve().parents[1]
KILL_AFTER_REPLY = """\
import os, runpy, signal, sys
import publish.zalo.tokens as tokens
real = tokens.TokenManager._exchange
def exchange(self, send, pair):
    new = real(self, send, pair)
    os.kill(os.getpid(), signal.SIGKILL)  # Zalo answered; nothing of the reply kept
    return new
tokens.TokenManager._exchange = exchange
sys.argv = ["publish", *sys.argv[1:]]
runpy.run_module("publish", run_name="__main__")
"""


def run(
    root: Path, env: dict[str, str], *, killed: bool = False
) -> subprocess.CompletedProcess[str]:
    """`publish sync zalo` in a separate process; `killed`: SIGKILLed as Zalo's reply to a
    refresh arrives."""
    start = ["-c", KILL_AFTER_REPLY] if killed else ["-m", "publish"]
    return forked.run(
        [*start, "--root", str(root), "--now", NOW, "sync", "zalo"],
        env={**os.environ, **env, "PYTHONPATH": str(REPO)},
        text=True,
        timeout=120,
    )


def shown_or_written(result: subprocess.CompletedProcess[str], folder: Path) -> str:
    """What a run printed, and every file in `folder` (the token file's, the project's)."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return result.stdout + result.stderr + "".join(p.read_text("utf-8", "replace") for p in files)


def test_a_refresh_killed_before_its_save_is_explained_and_recovered_from(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """CI's cached token file: the next run says what happened and how to recover; once the
    OA admin consents again and the secret is replaced, every article is there once, current."""
    token = tmp_path / "secrets" / "token.json"
    env = env_for(emulator, token, **FAST_ENV)
    root = zalo_project(tmp_path, 3)
    assert run(root, env).returncode == 0
    emulator.expire_access_tokens()
    (root / "content" / "bai-viet" / "ban-tin-001.md").write_text(
        zalo_bulletin(1, summary='"Tóm tắt đã sửa."'), "utf-8"
    )
    assert run(root, env, killed=True).returncode == -signal.SIGKILL
    stuck = run(root, env)
    said = stuck.stdout + stuck.stderr
    assert stuck.returncode == 1, said
    assert "bị dừng đột ngột" in said and "-14014" in said
    assert "Không bài nào bị mất hay đăng trùng" in said
    assert "publish zalo-login --redirect-uri" in said and "--refresh-token-file /tmp/rt" in said
    assert "gh secret set ZALO_REFRESH_TOKEN --env publish < /tmp/rt" in said
    assert "developers.zalo.me" in said and "Traceback" not in said
    for secret in every_token(emulator):
        assert secret not in shown_or_written(stuck, root)

    # The officer logs in on their own machine and hands the new refresh token to CI.
    for_ci = tmp_path / "cho-ci.txt"
    login = Login(
        root,
        login_env(emulator, tmp_path / "may-can-bo" / "token.json"),
        "--redirect-uri",
        CALLBACK,
        "--refresh-token-file",
        str(for_ci),
    )
    assert login.paste(consent(login.consent_url).headers["location"]) == 0, login.stderr
    env["ZALO_REFRESH_TOKEN"] = for_ci.read_text("utf-8")
    for_ci.unlink()
    again = run(root, env)
    assert again.returncode == 0, again.stdout + again.stderr
    articles = list(emulator.articles.values())
    assert sorted(a["title"] for a in articles) == sorted(f"{TITLES[i]} ({i})" for i in range(3))
    assert [a["description"] for a in articles].count("Tóm tắt đã sửa.") == 1
    assert {p.name for p in token.parent.iterdir()} == {"token.json", "token.json.lock"}
    for secret in every_token(emulator):
        assert secret not in shown_or_written(again, root)


def test_a_first_ci_run_killed_before_its_save_names_the_secret(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """No token file yet: the spent token is ZALO_REFRESH_TOKEN's, and nothing was published."""
    token = tmp_path / "secrets" / "token.json"
    env = env_for(emulator, token, **FAST_ENV)
    root = zalo_project(tmp_path, 2)
    assert run(root, env, killed=True).returncode == -signal.SIGKILL
    assert emulator.articles == {}
    stuck = run(root, env)
    said = stuck.stdout + stuck.stderr
    assert stuck.returncode == 1, said
    assert "refresh token của biến ZALO_REFRESH_TOKEN cho Zalo rồi bị dừng đột ngột" in said
    assert emulator.articles == {}


def test_a_token_spent_elsewhere_is_not_blamed_on_an_interrupted_run(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """A refresh that was saved leaves no note: a later -14014 (another machine refreshed with
    the same token file, the token unused for 3 months) keeps the general advice."""
    token = tmp_path / "secrets" / "token.json"
    env = env_for(emulator, token, **FAST_ENV)
    root = zalo_project(tmp_path, 1)
    assert run(root, env).returncode == 0
    assert {p.name for p in token.parent.iterdir()} == {"token.json", "token.json.lock"}
    saved = TokenFile(token).load()
    assert saved is not None  # the run above saved it
    emulator.state.refresh(saved.refresh_token, emulator.config)
    emulator.expire_access_tokens()
    (root / "content" / "bai-viet" / "ban-tin-000.md").write_text(
        zalo_bulletin(0, summary='"Tóm tắt đã sửa."'), "utf-8"
    )
    stuck = run(root, env)
    said = stuck.stdout + stuck.stderr
    assert stuck.returncode == 1 and "-14014" in said
    assert "bị dừng đột ngột" not in said
    assert "publish zalo-login --redirect-uri" in said and "ZALO_REFRESH_TOKEN" in said


def test_a_token_file_copied_to_a_second_place_is_told_as_two_places_refreshing(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """The token file copied to a laptop (or CI and a laptop each with its own file): the first
    place refreshes, the second one's token is spent. The -14014 names that cause and says to
    keep one place: re-authorizing alone, with both still running, meets it again."""
    here = tmp_path / "secrets" / "token.json"
    there = tmp_path / "laptop" / "token.json"
    root = zalo_project(tmp_path, 1)
    env = env_for(emulator, here, **FAST_ENV)  # ZALO_REFRESH_TOKEN: spent by this first run
    assert run(root, env).returncode == 0
    there.parent.mkdir()
    there.write_bytes(here.read_bytes())
    there.chmod(0o600)
    emulator.expire_access_tokens()
    path = root / "content" / "bai-viet" / "ban-tin-000.md"
    path.write_text(zalo_bulletin(0, summary='"Tóm tắt đã sửa."'), "utf-8")
    assert run(root, env).returncode == 0
    emulator.expire_access_tokens()
    path.write_text(zalo_bulletin(0, summary='"Tóm tắt sửa lần hai."'), "utf-8")
    stuck = run(root, {**env, "ZALO_TOKEN_FILE": str(there)})
    said = " ".join((stuck.stdout + stuck.stderr).split())
    assert stuck.returncode == 1 and "-14014" in said
    assert "hai nơi cùng làm mới token của OA này" in said
    assert "Chỉ để một nơi đồng bộ Zalo" in said
    assert "thôi chạy publish sync zalo ở nơi còn lại và xóa tệp token ở đó" in said
    assert "sau khi nơi kia đã thôi chạy (không thì lỗi này sẽ quay lại)" in said
    assert "bị dừng đột ngột" not in said


def test_all_a_save_needs_but_the_pair_is_ready_when_the_refresh_is_sent(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """Once Zalo answers, only writing the pair into a file already made is left (the window a
    kill loses the pair in), and the token file says, without the token, that it is on its way;
    the pair saved after it says nothing of the kind."""
    token = tmp_path / "secrets" / "token.json"
    client = make_client(emulator, token)
    sent = emulator.refresh_token
    seen: list[tuple[list[str], dict]] = []

    def send(form: dict[str, str], headers: dict[str, str]) -> httpx.Response:
        """Look at the token file's folder as the refresh leaves, then send it."""
        names = sorted(p.name for p in token.parent.iterdir())
        seen.append((names, json.loads(token.read_text("utf-8"))))
        return client._send_oauth(form, headers)

    client.tokens.renew(send, failed=None)
    [(names, record)] = seen
    [temporary] = [name for name in names if name.endswith(".tmp")]
    assert temporary.startswith(".token.json.")
    assert record["refresh_token"] == sent and sent not in json.dumps(record["sending"])
    assert sorted(p.name for p in token.parent.iterdir()) == ["token.json", "token.json.lock"]
    assert "sending" not in json.loads(token.read_text("utf-8"))


def test_a_refresh_zalo_refuses_leaves_the_token_files_as_they_were(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """A wrong app secret: Zalo answered, so nothing was spent; the first run leaves no token
    file (as before any run), a later one its file without a note, and the next -14014 is not
    blamed on an interrupted run."""
    token = tmp_path / "secrets" / "token.json"
    env = env_for(emulator, token, **FAST_ENV)
    root = zalo_project(tmp_path, 1)
    wrong = {**env, "ZALO_APP_SECRET": "bi-mat-sai-chep-nham"}
    refused = run(root, wrong)
    said = refused.stdout + refused.stderr
    assert refused.returncode == 1 and "-14003" in said
    # Where the right secret is, and that the token is fine: no login needed.
    assert "developers.zalo.me" in said and "không phải cấp quyền lại" in said
    assert not token.exists()
    assert run(root, env).returncode == 0
    saved = token.read_text("utf-8")
    emulator.expire_access_tokens()
    (root / "content" / "bai-viet" / "ban-tin-000.md").write_text(
        zalo_bulletin(0, summary='"Tóm tắt đã sửa."'), "utf-8"
    )
    assert run(root, wrong).returncode == 1
    assert json.loads(token.read_text("utf-8"))["refresh_token"] in saved
    assert "sending" not in json.loads(token.read_text("utf-8"))


def test_a_first_sync_killed_before_its_save_is_recovered_by_one_login_on_that_machine(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """The first sync (ZALO_REFRESH_TOKEN pasted in the terminal) died as Zalo answered: the
    token file holds the spent token and names no OA. The next sync said to run zalo-login,
    which then wrote the new token beside that file and the sync kept reading the dead one; the
    login now writes the new pair into that very file, and the next sync publishes."""
    token = tmp_path / "bi-mat" / "zalo-token.json"
    env = env_for(emulator, token, **FAST_ENV)
    root = zalo_project(tmp_path / "du-an", 2)
    assert run(root, env, killed=True).returncode == -signal.SIGKILL
    assert "oa_id" not in json.loads(token.read_text("utf-8"))
    del env["ZALO_REFRESH_TOKEN"]  # the terminal closed: only the token file is left
    stuck = run(root, env)
    said = stuck.stdout + stuck.stderr
    assert stuck.returncode == 1 and "bị dừng đột ngột" in said, said
    assert f"lệnh ghi cặp token mới vào {token}" in said
    assert emulator.articles == {}

    login = Login(root, login_env(emulator, token), "--paste", "--redirect-uri", CALLBACK)
    assert login.paste(consent(login.consent_url).headers["location"]) == 0, login.stderr
    assert "Không ghi vào" not in login.stdout and "ZALO_TOKEN_FILE=" not in login.stdout
    assert "đã ghi token mới vào chính tệp đó, kèm mã OA" in login.stdout
    assert sorted(p.name for p in token.parent.glob("*.json")) == ["zalo-token.json"]
    saved = json.loads(token.read_text("utf-8"))
    assert saved["oa_id"] == emulator.config.oa_id and "sending" not in saved
    again = run(root, env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert sorted(a["title"] for a in emulator.articles.values()) == sorted(
        f"{TITLES[i]} ({i})" for i in range(2)
    )
    for secret in every_token(emulator):
        assert secret not in shown_or_written(again, root) + login.stdout + login.stderr
