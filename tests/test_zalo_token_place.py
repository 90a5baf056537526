"""A token file inside the project is refused: CI commits state/ and publishes output/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import records, sync, told, zalo_project


@pytest.mark.usefixtures("zalo_env")
def test_sync_refuses_a_token_file_in_the_state_folder(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A working token file copied into state/: the next CI commit would push it to git."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    own = tmp_path / "secrets" / "token.json"
    inside = root / "state" / "zalo-token.json"
    shutil.copy2(own, inside)
    monkeypatch.setenv("ZALO_TOKEN_FILE", str(inside))
    (root / "content" / "bai-viet" / "ban-tin-000.md").write_text(
        (root / "content" / "bai-viet" / "ban-tin-000.md").read_text("utf-8") + "\nThêm.\n",
        "utf-8",
    )
    told(capsys)
    before = len(emulator.calls)
    assert sync(root) == 1
    said = told(capsys)
    assert "nằm trong thư mục dự án (state/zalo-token.json)" in said
    assert "ZALO_TOKEN_FILE" in said and "Traceback" not in said
    assert len(emulator.calls) == before
    assert len(records(root)) == 2


@pytest.mark.usefixtures("zalo_env")
def test_zalo_login_refuses_to_write_a_token_into_the_project(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = zalo_project(tmp_path, 1)
    (root / "output").mkdir(exist_ok=True)
    command = ["--root", str(root), "zalo-login", "--paste", "--redirect-uri", "https://x.vn/z"]
    for inside in (root / "rt", root / "output" / "rt"):
        assert main([*command, "--refresh-token-file", str(inside)]) == 1
        said = told(capsys)
        assert "nằm trong thư mục dự án" in said and "--refresh-token-file /tmp/rt" in said
    monkeypatch.setenv("ZALO_TOKEN_FILE", str(root / "state" / "zalo-token.json"))
    assert main(command) == 1
    assert "nằm trong thư mục dự án (state/zalo-token.json)" in told(capsys)
    assert emulator.auth_codes == [] and not (root / "state" / "zalo-token.json").exists()
