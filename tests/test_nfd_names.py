"""A Mac names files in NFD («cảnh» as «c a ̉ n h»): every message and script that shows a
file's name shows it in NFC, while the file is still opened by its name as on disk."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from publish import config as config_module
from publish.cli import main
from publish.errors import display_path
from publish.pipeline import build
from publish.writer import write
from tests.helpers import NOW, SITE_TOML, bulletin_md, make_project

SHOWN = "content/bai-viet/2020-12-08-cảnh-báo.md"
ON_DISK = unicodedata.normalize("NFD", SHOWN)
FIELDS = {"id": "c", "channels": "[web, radio]"}


def nfc(text: str) -> str:
    """`text` in NFC."""
    return unicodedata.normalize("NFC", text)


def test_messages_and_the_radio_script_show_a_macs_file_name_in_nfc(tmp_path: Path, capsys) -> None:
    assert ON_DISK != SHOWN
    root = make_project(
        tmp_path,
        {
            "site.toml": SITE_TOML,
            ON_DISK: bulletin_md(FIELDS, body="Xem [bài kia](khong-co.md).\n"),
        },
    )
    assert [p.name for p in (root / "content/bai-viet").iterdir()] == [ON_DISK.rsplit("/")[-1]]
    argv = ["check", "--root", str(root), "--now", NOW.isoformat()]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"{SHOWN}:11: lỗi: liên kết «khong-co.md»" in err
    assert nfc(err) == err

    (root / ON_DISK).write_text(bulletin_md(FIELDS), "utf-8")
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert SHOWN in out  # the note on bulletins approved by name only lists it
    assert nfc(out) == out
    result = build(config_module.load(root), channels=("radio",), now=NOW)
    write(result.artifacts, root / "output", ("radio",), cache=root / ".cache")
    item = (root / "output/radio/items/c.txt").read_text("utf-8")
    assert f"Nguồn: {SHOWN} |" in item and nfc(item) == item
    assert display_path(root / ON_DISK, root) == SHOWN
