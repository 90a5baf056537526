"""A block Zalo refuses is told by where its words are written: the closing line from site.toml's
[unit] name, a correction from the bulletin's `corrections`, not «the body» of the bulletin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.cli import main
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import NOW, TITLES, sync, told, zalo_bulletin, zalo_project

SOURCE = "content/bai-viet/ban-tin-000.md"
TITLE = f"{TITLES[0]} (0)"


def refuse_first_create(emulator: ZaloEmulator, message: str) -> None:
    """The next create answers -201 with `message`, as Zalo refuses a field."""
    garble = json.dumps({"error": -201, "message": message})
    emulator.configure(fault_paths=("/article/create",), garble_first=1, garble_body=garble)


def line_of(path: Path, start: str, after: str = "") -> int:
    """The 1-based line of `path` starting with `start` (the first after a line `after`)."""
    lines = path.read_text("utf-8").splitlines()
    first = lines.index(after) if after else 0
    return next(i for i, text in enumerate(lines[first:], first + 1) if text.startswith(start))


def test_a_refused_closing_line_is_told_as_the_units_name_in_site_toml(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The last block («Xem bản tin đầy đủ trên trang thông tin của <[unit] name>: …») is the
    tool's, from site.toml: its refusal named the bulletin's body, where there is nothing to
    fix. It names site.toml's line of [unit] name, and shows the line Zalo refused."""
    root = zalo_project(tmp_path, 1)
    assert main(["--root", str(root), "--now", NOW, "build", "-q"]) == 0
    payload = json.loads((root / "output" / "zalo" / "bt-000.json").read_text("utf-8"))
    last = len(payload["body"]) - 1
    refuse_first_create(emulator, f"body[{last}] content is invalid!")
    assert sync(root) == 3
    out = told(capsys)
    line = line_of(root / "site.toml", "name =", after="[unit]")
    closing = payload["body"][last]["content"]
    assert closing.startswith("Xem bản tin đầy đủ trên trang thông tin của Công an huyện")
    assert (
        f"site.toml:{line}: Zalo từ chối bài «{TITLE}» ({SOURCE}), trường '[unit] name', dùng "
        f"trong dòng cuối mọi bài Zalo, dẫn về website: «{closing}» (“body[{last}] content is "
        "invalid!”). Sửa tên đơn vị trong site.toml"
    ) in out
    assert f"{SOURCE}:" not in out and "nội dung bài" not in out


def test_a_refused_correction_is_told_as_that_correction_in_the_front_matter(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Corrections open the article, oldest first: a Zalo refusing one (here: longer than its
    blocks may be) was told as the bulletin's body. It names the correction, as the editor
    numbers it in the file (the second written, though the first in the article), and the
    line of its note."""
    long_note = "Sửa tên xã và số điện thoại đường dây nóng của Công an xã: " + "đúng là " * 30
    corrections = (
        '\n  - date: 2020-12-20 10:00\n    note: "Sửa giờ tiếp dân: từ 7 giờ 30."'
        f'\n  - date: 2020-12-09 14:30\n    note: "{long_note.strip()}"'
    )
    files = {SOURCE: zalo_bulletin(0, corrections=corrections)}
    root = zalo_project(tmp_path, 1, files=files)
    emulator.configure(text_block_max_len=250)
    assert sync(root) == 3
    out = told(capsys)
    note = line_of(root / SOURCE, "    note:", after="  - date: 2020-12-09 14:30")
    assert (
        f"{SOURCE}:{note}: Zalo từ chối bài «{TITLE}», trường 'corrections', lần đính chính thứ "
        "2 (khối «Đính chính…» mở đầu bài trên Zalo) (“body[0] content allow 1 to 250 "
        "characters”). Sửa nội dung (note) của lần đính chính này rồi chạy lại."
    ) in out
    assert "nội dung bài (phần thân)" not in out and "[unit] name" not in out


def test_a_refused_block_after_the_corrections_is_still_the_bodys(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the corrections' own blocks are told as corrections: the body's first block,
    right after them, is the body's."""
    corrections = '\n  - date: 2020-12-09 14:30\n    note: "Sửa tên xã: đúng là xã Phú Hựu."'
    root = zalo_project(tmp_path, 1, files={SOURCE: zalo_bulletin(0, corrections=corrections)})
    refuse_first_create(emulator, "body[1] content is invalid!")
    assert sync(root) == 3
    out = told(capsys)
    assert f"{SOURCE}: Zalo từ chối bài «{TITLE}», trường 'nội dung bài (phần thân)'" in out
    assert "đính chính" not in out
