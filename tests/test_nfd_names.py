"""A Mac names files in NFD («cảnh» as «c a ̉ n h»): every message and script that shows a
file's name shows it in NFC, while the file is still opened by its name as on disk."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.commands import next as next_command
from publish.errors import display_path
from publish.pipeline import build
from publish.writer import write
from tests.helpers import NOW, SITE_TOML, TINY_JPEG, bulletin_md, make_project

SHOWN = "content/bai-viet/2020-12-08-cảnh-báo.md"
ON_DISK = unicodedata.normalize("NFD", SHOWN)
FIELDS = {"id": "c", "channels": "[web, radio]"}


def nfc(text: str) -> str:
    """`text` in NFC."""
    return unicodedata.normalize("NFC", text)


def test_messages_show_a_macs_file_name_in_nfc_and_the_radio_script_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The radio script names no bulletin file (the station reads none): it is NFC throughout."""
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
    assert "content/" not in item and nfc(item) == item
    assert display_path(root / ON_DISK, root) == SHOWN


def test_machine_output_names_a_macs_file_as_it_is_on_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`publish next --format json` is read by scripts, which open the file it names: in NFC
    that name is no file on Linux. Messages show it in NFC still."""
    root = make_project(tmp_path, {"site.toml": SITE_TOML, ON_DISK: bulletin_md(FIELDS)})
    argv = ["next", "--root", str(root), "--now", "2020-12-01T08:00"]
    assert main([*argv, "--format", "json"]) == 0
    [scheduled] = json.loads(capsys.readouterr().out)["scheduled"]
    assert scheduled["source"] == ON_DISK and (root / scheduled["source"]).is_file()
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert SHOWN in out and nfc(out) == out


def test_a_run_without_standard_streams_is_no_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started by pythonw, or as `publish check >&- 2>&-`, Python has no sys.stdout or
    sys.stderr: wrapping them for NFC failed with «Lỗi nội bộ (AttributeError)»."""
    root = make_project(tmp_path, {"site.toml": SITE_TOML, ON_DISK: bulletin_md(FIELDS)})
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 0
    assert sys.stdout is None and sys.stderr is None


def test_a_write_returns_the_length_of_the_text_it_was_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """NFC may make a text shorter («c a ̉» is «cả»): a caller counting what it wrote by the
    length returned, as io's streams return it, was told less than it gave."""
    written = []

    def run(args: object) -> int:
        """Write a Mac's file name as a command would."""
        written.append(sys.stdout.write(ON_DISK))
        return 0

    monkeypatch.setattr(next_command, "run", run)
    assert main(["next", "--root", str(make_project(tmp_path, {}))]) == 0
    assert written == [len(ON_DISK)] and capsys.readouterr().out == SHOWN


NFD_TOML = (
    SITE_TOML
    + """\
[contact]
address = "Số 1 đường Hùng Vương, thị trấn Cái Tàu Hạ"

[radio]
program = "Vì an ninh Tổ quốc"
intro = "Kính thưa quý thính giả, sau đây là bản tin của Công an huyện."
outro = "Cảm ơn quý vị đã lắng nghe."
url_spoken = "trang thông tin điện tử của Công an huyện"
reader = "Trung úy Lê Thị Hồng"

[zalo]
footer = "Mọi thông tin xin báo Công an huyện."
"""
)
"""A site.toml whose every text a page, an article or a script shows holds Vietnamese marks."""


def test_a_site_toml_written_decomposed_builds_every_page_article_and_script_in_nfc(
    tmp_path: Path,
) -> None:
    """Unikey's «Unicode tổ hợp», or a Mac, writes site.toml decomposed: the unit's name, the
    site's title and the category labels went onto the web pages so, their marks drawn beside
    the letters, and a search for «Châu Thành» did not find them."""
    decomposed = unicodedata.normalize("NFD", NFD_TOML)
    assert decomposed != NFD_TOML
    root = make_project(
        tmp_path,
        {
            "site.toml": decomposed,
            "content/images/anh.jpg": TINY_JPEG,
            "content/bai-viet/2020-12-08-canh-bao.md": bulletin_md(
                {
                    "id": "c",
                    "cover": "images/anh.jpg",
                    "cover_alt": '"Cán bộ tuyên truyền"',
                    "radio": "{air_date: 2021-01-02}",
                },
                body="Người dân cần cảnh giác.\n",
            ),
        },
    )
    config = config_module.load(root)
    assert config.unit.name == "Công an huyện Châu Thành"
    channels = ("web", "zalo", "radio")
    result = build(config, channels=channels, now=NOW)
    write(result.artifacts, root / "output", channels, cache=root / ".cache")
    written = [
        path
        for path in (root / "output").rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".txt", ".md", ".js"}
    ]
    assert {p.suffix for p in written} >= {".html", ".xml", ".json", ".txt"}
    decomposed_files = [
        str(p.relative_to(root))
        for p in written
        if not unicodedata.is_normalized("NFC", p.read_text("utf-8"))
    ]
    assert decomposed_files == []
    home = (root / "output/web/index.html").read_text("utf-8")
    assert "Công an huyện Châu Thành" in home
