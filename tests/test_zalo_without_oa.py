"""A unit whose site.toml lists zalo among its default channels (as `publish init` wrote for every
unit before it asked about an OA) but names no Zalo OA: nothing can go to Zalo, and a title too
long for Zalo used to stop the whole build, the website and the radio scripts with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import NOW, SITE_TOML, bulletin_md, make_project, with_oa

OLD_INIT = SITE_TOML.replace("[site]\n", '[site]\ndefault_channels = ["web", "zalo", "radio"]\n')
LONG_TITLE = (
    "Công an huyện tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự năm 2026 " * 2
)
"""Within the website's 200 characters, over Zalo's 149."""
FILE = "content/bai-viet/2020-12-08-hoi-nghi.md"


def project(tmp_path: Path) -> Path:
    """The old unit's project: one bulletin with a title only the website takes, no cover."""
    assert 149 < len(LONG_TITLE.strip()) <= 200
    text = bulletin_md({"title": f'"{LONG_TITLE.strip()}"'}, body="Nội dung hội nghị.\n")
    return make_project(tmp_path, {"site.toml": OLD_INIT, FILE: text})


def run(root: Path, *args: str) -> int:
    """A publish command at the fixed clock."""
    return main([args[0], "--root", str(root), "--now", NOW.isoformat(), *args[1:]])


def test_the_website_and_radio_are_built_and_nothing_for_zalo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    assert run(root, "build") == 0
    told = capsys.readouterr()
    assert list((root / "output" / "web").rglob("hoi-nghi/index.html"))
    assert list((root / "output" / "radio").rglob("*.txt"))
    assert not list((root / "output").glob("zalo/*.json"))
    assert "149" not in told.err  # no Zalo limit told: nothing goes there
    assert (
        "site.toml:7: ghi chú: trường '[site] default_channels': có \"zalo\" nhưng bảng [zalo] "
        "chưa có oa_id"
    ) in told.err
    assert 'bỏ "zalo" khỏi default_channels cho gọn' in told.err


def test_strict_check_and_approval_pass_the_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    assert run(root, "check", "--strict") == 0
    assert run(root, "approve", FILE, "--by", "Thượng tá Nguyễn Văn Hùng, Trưởng Công an") == 0


def test_with_an_oa_the_same_title_still_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_oa(project(tmp_path))
    assert run(root, "build") == 1
    err = capsys.readouterr().err
    assert f"{FILE}:2: lỗi: trường 'title': tiêu đề dài 163/149 ký tự" in err
    assert "chưa có oa_id" not in err
    assert not (root / "output").exists()


def test_default_channels_left_unwritten_gets_no_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The default is no one's choice: a unit without OA that never wrote the key is not told
    to undo it."""
    text = bulletin_md({}, body="Nội dung.\n")
    root = make_project(tmp_path, {FILE: text})
    assert run(root, "build") == 0
    assert "default_channels" not in capsys.readouterr().err


@pytest.mark.parametrize("command", ["build", "check"])
def test_asking_for_the_zalo_channel_says_why_nothing_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """«zalo: 0 tệp» alone left the editor to guess."""
    root = project(tmp_path)
    assert run(root, command, "--channel", "web,zalo") == 0
    err = capsys.readouterr().err
    assert "Ghi chú: --channel zalo: bảng [zalo] của site.toml chưa có oa_id" in err
    assert 'ghi tạm oa_id = "1234567890" vào bảng [zalo]' in err
    with_oa(root)
    assert run(root, command, "--channel", "web") == 0
    assert "--channel zalo" not in capsys.readouterr().err


def test_sync_publishes_the_website_and_sends_nothing_to_zalo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    assert run(root, "sync", "web") == 0
    assert list((root / "output" / "web").rglob("hoi-nghi/index.html"))
    assert not list((root / "output").glob("zalo/*.json"))


def test_the_build_report_leaves_out_the_channel_it_does_not_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«zalo: 0 tệp ghi mới» on every build of a unit without an OA only raised a question."""
    root = project(tmp_path)
    assert run(root, "build") == 0
    out = capsys.readouterr().out
    assert "web: " in out and "radio: " in out
    assert "zalo: " not in out
    with_oa(root)
    short = bulletin_md({"channels": "[web, radio]"}, body="Nội dung.\n")
    (root / FILE).write_text(short, encoding="utf-8")
    assert run(root, "build") == 0
    assert "zalo: 0 tệp ghi mới" in capsys.readouterr().out
