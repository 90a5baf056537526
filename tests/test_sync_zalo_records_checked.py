"""A sync does not check again the records of a state/zalo.json it already found well formed
(.cache/zalo-records-checked names its bytes), yet every change to the file is checked."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.sync import zalo_records
from publish.sync.zalo_records import CHECKED_NAME
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import NOW, zalo_project

LIVE_WITHOUT_ID = (
    """bản ghi "bt-000": trạng thái 'live' (bài đang có trên Zalo) mà không có 'article_id'"""
)


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many records each full check of state/zalo.json looked at, from now on."""
    seen: list[int] = []
    check = zalo_records.check_records

    def counted(state_path: Path, entries: dict) -> None:
        """check_records, noted."""
        seen.append(len(entries))
        check(state_path, entries)

    monkeypatch.setattr(zalo_records, "check_records", counted)
    return seen


def sync(root: Path, *extra: str) -> int:
    """Run `publish sync zalo` in this process."""
    return main(["--root", str(root), "--now", NOW, "sync", "zalo", *extra])


def told(capsys: pytest.CaptureFixture) -> str:
    """Everything printed, both streams."""
    out = capsys.readouterr()
    return out.out + out.err


def synced(tmp_path: Path, emulator: ZaloEmulator, checks: list[int]) -> Path:
    """Three bulletins on the OA, then a sync with nothing to do (its check kept)."""
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    assert sync(root) == 0
    assert (root / ".cache" / CHECKED_NAME).exists()
    checks.clear()
    emulator.clear_calls()
    return root


def test_the_same_records_are_not_checked_again(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, checks: list[int]
) -> None:
    root = synced(tmp_path, emulator, checks)
    assert sync(root) == 0
    assert checks == [] and emulator.calls == []


def without_article_id(root: Path, *, keep_stat: bool) -> None:
    """Cut the article id out of record bt-000 by hand (a bad merge), with a file of the same
    size and mtime when `keep_stat` (the title padded to make up the bytes)."""
    path = root / "state" / "zalo.json"
    st = path.stat()
    data = json.loads(path.read_text(encoding="utf-8"))
    entry = data["entries"]["bt-000"]
    cut = len(json.dumps({"article_id": entry.pop("article_id")})[1:-1]) + 2  # «, "…": "…"»
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if keep_stat:
        entry["title"] += " " * (len(path.read_bytes()) - len(text.encode()))
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        assert len(text.encode()) == st.st_size, cut
    path.write_text(text, encoding="utf-8")
    if keep_stat:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.mark.parametrize("keep_stat", [False, True], ids=["edited", "same-size-and-mtime"])
def test_a_record_garbled_after_a_checked_sync_is_still_refused(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    checks: list[int],
    capsys: pytest.CaptureFixture,
    keep_stat: bool,
) -> None:
    """The same refusal as without the kept check (nothing sent, the record named), also when
    the garbled file kept the size and mtime of the one checked."""
    root = synced(tmp_path, emulator, checks)
    without_article_id(root, keep_stat=keep_stat)
    capsys.readouterr()
    assert sync(root) == 1
    out = told(capsys)
    assert "state/zalo.json: 1 chỗ" in out and LIVE_WITHOUT_ID in out
    assert emulator.calls == [] and len(emulator.articles) == 3
    shutil.rmtree(root / ".cache")
    assert sync(root) == 1
    assert told(capsys) == out  # word for word what a first check says


def test_records_written_by_another_sync_are_checked(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, checks: list[int]
) -> None:
    """A state/zalo.json committed by another machine's sync (here: a real edit synced in a copy
    of the project) is other bytes: checked again, then not."""
    root = synced(tmp_path, emulator, checks)
    other = tmp_path / "other"
    shutil.copytree(root, other, ignore=shutil.ignore_patterns(".cache"))
    post = sorted((other / "content" / "bai-viet").glob("*.md"))[0]
    post.write_text(post.read_text("utf-8") + "\nĐoạn bổ sung.\n", encoding="utf-8")
    assert sync(other) == 0
    shutil.copy2(other / "state" / "zalo.json", root / "state" / "zalo.json")
    shutil.copy2(post, root / post.relative_to(other))  # pulled with it: nothing to send
    checks.clear()
    emulator.clear_calls()
    assert sync(root) == 0
    assert checks == [3] and emulator.calls == []
    assert sync(root) == 0
    assert checks == [3]


def test_a_journal_left_by_an_interrupted_sync_is_checked(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, checks: list[int]
) -> None:
    """Records a journal changes are not the file's bytes: the kept check does not cover them."""
    root = synced(tmp_path, emulator, checks)
    journal = root / "state" / "zalo.json.journal"
    journal.write_text(json.dumps({"key": "bt-000", "entry": "live"}) + "\n", encoding="utf-8")
    assert sync(root) == 1
    assert checks == [3]
