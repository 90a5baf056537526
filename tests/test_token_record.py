"""A damaged token file names the field that is wrong and the smallest fix, never its content."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from publish.errors import PublishError
from publish.zalo import ZaloClient
from publish.zalo.emulator import EmulatorConfig, ZaloEmulator
from publish.zalo.tokens import TokenFile
from tests.zalo_fixtures import FAST_SETTINGS, env_for

REFRESH = "r-bi-mat-123456"
"""A refresh token that must never be quoted by a message."""


def written(tmp_path: Path, text: str | bytes) -> Path:
    """A private token file holding `text`."""
    folder = tmp_path / "cau-hinh"
    folder.mkdir(mode=0o700, parents=True)
    path = folder / "zalo-token.json"
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    os.chmod(path, 0o600)
    return path


def refused(path: Path) -> str:
    """The message reading token file `path` fails with."""
    with pytest.raises(PublishError) as caught:
        TokenFile(path).load()
    return str(caught.value)


@pytest.mark.parametrize(
    ("record", "said", "fix"),
    [
        (
            {"refresh_token": REFRESH, "access_token": "a-1", "expires_at": "notanumber"},
            "trường expires_at phải là một số (thời điểm access token hết hạn, tính bằng giây kể "
            "từ 01/01/1970, như 1767225600), tệp lại ghi một chuỗi chữ",
            "xoá hai trường access_token và expires_at (giữ nguyên refresh_token)",
        ),
        (
            {"refresh_token": REFRESH, "expires_at": [1]},
            "trường expires_at phải là một số",
            "không phải cấp quyền lại",
        ),
        (
            {"refresh_token": REFRESH, "lifetime": True},
            "trường lifetime phải là một số (số giây access token có hiệu lực, như 90000), tệp "
            "lại ghi true/false",
            "xoá trường lifetime rồi chạy lại",
        ),
        (
            {"refresh_token": REFRESH, "access_token": 12},
            "trường access_token phải là một chuỗi (hoặc null), tệp lại ghi một số",
            "xoá hai trường access_token và expires_at",
        ),
        (
            {"refresh_token": REFRESH, "oa_id": ["1"]},
            "trường oa_id phải là mã số OA (một dãy chữ số), tệp lại ghi một danh sách",
            "xoá trường oa_id",
        ),
        ({"access_token": "a-1"}, "thiếu trường refresh_token", "ZALO_REFRESH_TOKEN"),
        (
            {"refresh_token": ""},
            "trường refresh_token phải là refresh token Zalo cấp, tệp lại ghi một chuỗi rỗng",
            "ZALO_REFRESH_TOKEN",
        ),
        ([REFRESH], "cần một đối tượng JSON {…} có trường refresh_token", "zalo-login"),
    ],
    ids=["expires-text", "expires-list", "lifetime", "access", "oa", "no-refresh", "empty", "list"],
)
def test_a_bad_field_is_named_with_what_it_must_hold(
    tmp_path: Path, record: object, said: str, fix: str
) -> None:
    """«cần JSON có trường refresh_token» was said of a file whose refresh_token was there and
    whose expires_at was the fault: the operator deleted a working refresh token for it."""
    path = written(tmp_path, json.dumps(record))
    message = refused(path)
    assert message.startswith(f"Tệp token Zalo {path} bị hỏng: {said}")
    assert fix in message.split("Cách sửa: ")[1]
    assert REFRESH not in message and "notanumber" not in message and "a-1" not in message


def test_text_that_is_not_json_says_where_without_quoting_it(tmp_path: Path) -> None:
    path = written(tmp_path, '{"refresh_token": "' + REFRESH + '",\n  expires_at: 1}')
    message = refused(path)
    assert "không phải JSON hợp lệ (lỗi ở dòng 2, cột 3)" in message
    assert REFRESH not in message
    assert "tệp rỗng" in refused(written(tmp_path / "rong", "\n"))


def test_a_file_that_is_not_utf8_is_told_not_raised(tmp_path: Path) -> None:
    """A binary file read as UTF-8 raised UnicodeDecodeError out of the command."""
    message = refused(written(tmp_path, b'{"refresh_token": "\xff\xfe"}'))
    assert "bị hỏng: không phải văn bản UTF-8" in message


def test_what_the_tool_writes_and_a_number_written_as_text_are_read(tmp_path: Path) -> None:
    record = {"refresh_token": REFRESH, "expires_at": "1767225600", "lifetime": 90000, "oa_id": 7}
    pair = TokenFile(written(tmp_path, json.dumps(record))).load()
    assert pair is not None
    assert (pair.refresh_token, pair.expires_at, pair.lifetime) == (REFRESH, 1767225600.0, 90000.0)
    assert pair.oa_id == "7" and pair.access_token is None


@pytest.fixture
def emulator() -> Iterator[ZaloEmulator]:
    """A running emulator."""
    with ZaloEmulator(EmulatorConfig()) as emu:
        yield emu


def test_the_fix_told_for_a_bad_expiry_works_without_a_new_login(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """Following «xoá access_token và expires_at» keeps the file's refresh token, which gets a
    new access token: no re-authorization of the OA."""
    token_file = tmp_path / "cau-hinh" / "zalo-token.json"
    env = env_for(emulator, token_file)
    with ZaloClient.from_env(env, **FAST_SETTINGS) as client:
        client.login()
    saved = json.loads(token_file.read_text("utf-8"))
    token_file.write_text(json.dumps({**saved, "expires_at": "notanumber"}), "utf-8")
    assert "expires_at" in refused(token_file)
    fixed = {k: v for k, v in saved.items() if k not in ("access_token", "expires_at")}
    token_file.write_text(json.dumps(fixed), "utf-8")
    del env["ZALO_REFRESH_TOKEN"]  # only the file's token is left to use
    with ZaloClient.from_env(env, **FAST_SETTINGS) as client:
        assert client.getoa()["oa_id"]
    assert json.loads(token_file.read_text("utf-8"))["refresh_token"] != saved["refresh_token"]
