"""The ledger's kept folder stats (publish.ledger: .cache/outputs/*.folders): a look that uses
them instead of listing every folder still finds every file added, removed or changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from publish import ledger as ledger_module
from publish import replay
from publish.cli import main
from publish.ledger import Ledger, stat_entry
from tests.web_fixture import NOW, SITE

PAGES = ("index.html", "2024/01/mot/index.html", "2024/01/hai/index.html", "2024/02/ba/index.html")


@pytest.fixture(autouse=True)
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders made a moment ago count as settled (else their stats are kept only a second
    after the last change: the look these tests are about would not happen)."""
    monkeypatch.setattr(ledger_module, "_RACY_NS", -(10**15))
    monkeypatch.setattr(replay, "RACY_SECONDS", 0.0)


def recorded(tmp_path: Path) -> tuple[Path, Path]:
    """An output/web/ of a few pages, recorded in a ledger, whose folders a first look kept."""
    output, cache = tmp_path / "output", tmp_path / ".cache"
    for rel in PAGES:
        page = output / "web" / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<p>{rel}</p>", encoding="utf-8")
    entries = {}
    for rel in PAGES:
        entry = stat_entry(output / "web" / rel, f"digest of {rel}")
        assert entry is not None
        entries[rel] = entry
    Ledger(cache, output, "web").save(entries)
    assert Ledger(cache, output, "web").first_difference() is None  # lists them, keeps them
    assert Ledger(cache, output, "web")._kept_folders() is not None
    return output, cache


def test_an_untouched_folder_is_as_recorded_by_the_kept_stats(tmp_path: Path) -> None:
    output, cache = recorded(tmp_path)
    assert Ledger(cache, output, "web").first_difference() is None


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("file added beside a page", "2024/01/mot/anh.jpg"),
        ("page folder added", "2024/03/bon/index.html"),
        ("file added, folder mtime put back", "2024/01/hai/thua.html"),
        ("page deleted", "2024/02/ba/index.html"),
        ("page folder deleted", "2024/01/mot/index.html"),
        ("page edited", "2024/01/hai/index.html"),
        ("page replaced by a copy", "index.html"),
    ],
)
def test_every_change_is_still_found(tmp_path: Path, change: str, named: str) -> None:
    output, cache = recorded(tmp_path)
    web = output / "web"
    if change == "file added, folder mtime put back":
        folder = web / "2024/01/hai"
        st = folder.stat()
        (folder / "thua.html").write_text("x", encoding="utf-8")
        os.utime(folder, ns=(st.st_atime_ns, st.st_mtime_ns))  # only its ctime tells
        assert folder.stat().st_mtime_ns == st.st_mtime_ns
    elif change == "page deleted":
        (web / named).unlink()
    elif change == "page folder deleted":
        shutil.rmtree(web / "2024/01/mot")
    elif change == "page edited":
        (web / named).write_text("<p>sửa tay, dài hơn</p>", encoding="utf-8")
    elif change == "page replaced by a copy":
        shutil.copy2(web / named, tmp_path / "copy.html")
        os.replace(tmp_path / "copy.html", web / named)  # same size and mtime, another inode
    else:
        (web / named).parent.mkdir(parents=True, exist_ok=True)
        (web / named).write_text("x", encoding="utf-8")
    assert Ledger(cache, output, "web").first_difference() == named


@pytest.mark.parametrize("damage", ["deleted", "garbled", "of another ledger"])
def test_kept_stats_deleted_damaged_or_stale_only_cost_a_listing(
    tmp_path: Path, damage: str
) -> None:
    output, cache = recorded(tmp_path)
    ledger = Ledger(cache, output, "web")
    kept = ledger._folders
    if damage == "deleted":
        kept.unlink()
    elif damage == "garbled":
        kept.write_bytes(b"not a pickle")
    else:
        ledger.save(dict(ledger.entries))  # a new ledger file: the kept stats were not its
    (output / "web" / "2024/01/mot/anh.jpg").write_bytes(b"x")
    assert Ledger(cache, output, "web").first_difference() == "2024/01/mot/anh.jpg"


def test_a_file_added_to_a_page_folder_after_replays_is_not_replayed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole way: builds that replayed (and kept the folders' stats) do not replay once
    a file appears in output/web/, and the real build leaves it there (no write recorded it:
    a file of the editor's own), saying so."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    command = ["build", "--root", str(root), "--now", NOW.isoformat()]
    assert main([*command, "-q"]) == 0
    assert main([*command, "-q"]) == 0  # replays: lists the folders and keeps their stats
    assert main([*command, "-q"]) == 0  # replays on the kept stats
    page = sorted((root / "output" / "web").rglob("index.html"))[-1]
    stray = page.with_name("la.html")
    stray.write_text("không phải trang của bản dựng", encoding="utf-8")
    capsys.readouterr()
    assert main([*command, "--timings"]) == 0
    out, err = capsys.readouterr()
    named = stray.relative_to(root).as_posix()
    assert f"{named} đã bị thêm, xóa hoặc sửa sau lần dựng trước" in out
    assert stray.read_text(encoding="utf-8") == "không phải trang của bản dựng"
    assert (
        f"có 1 tệp không do publish ghi ra: {page.parent.relative_to(root / 'output' / 'web').as_posix()}/la.html"
        in err
    )
