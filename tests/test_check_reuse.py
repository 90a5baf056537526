"""`publish check` reads each page's links once per version of the page (kept in .cache/) and
leaves the last build's records alone: CI runs `check --strict` then `build` on every merge, and
at 10,000 bulletins reading every page took ~55 s of each ~60 s check, while a check that
replaced the build's search records made the build after it index every bulletin again."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from publish import linkcheck
from publish.cache import Fragments, Shelf
from publish.cli import main
from publish.page_outline import Outline
from publish.render.web import search
from tests.helpers import refusing, snapshot
from tests.web_fixture import NOW, SITE

EDITED = "content/bai-viet/2024-02-20-tuan-tra-dem.md"
WITHDRAWN = "content/bai-viet/2024-03-05-canh-bao-lua-dao-viec-nhe.md"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the fixture site, built once and checked once (the state CI keeps)."""
    project = tmp_path / "site"
    shutil.copytree(SITE, project)
    assert command("build", project) == 0
    assert command("check", project) == 0
    return project


def command(name: str, root: Path) -> int:
    """`publish <name>` of the website with the fixed clock (a build quietly)."""
    quiet = ["-q"] if name == "build" else []
    return main([name, "--root", str(root), "--channel", "web", "--now", NOW.isoformat(), *quiet])


def append(root: Path, rel: str, text: str) -> None:
    """Add `text` at the end of a file."""
    with open(root / rel, "a", encoding="utf-8") as handle:
        handle.write(text)


def pages_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Grows by one for each page whose HTML the link check reads."""
    read: list[int] = []
    real = linkcheck.outline

    def outlining(html: bytes) -> Outline:
        """`outline`, noting a page read."""
        read.append(1)
        return real(html)

    monkeypatch.setattr(linkcheck, "outline", outlining)
    return read


def test_a_check_after_an_edit_reads_only_the_pages_that_changed(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = len(list((root / "output" / "web").rglob("*.html")))
    append(root, EDITED, "\nCập nhật: tổ tuần tra đã [báo cáo](/lien-he/) kết quả.\n")
    capsys.readouterr()
    read = pages_read(monkeypatch)
    assert command("check", root) == 0
    reused = capsys.readouterr()
    assert 0 < len(read) <= pages // 3
    # The same report as a check that reads every page afresh.
    shutil.rmtree(root / ".cache")
    assert command("check", root) == 0
    assert capsys.readouterr() == reused
    assert len(read) > pages


def test_a_broken_link_an_edit_adds_is_found_by_a_check_that_reuses_pages(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    append(root, EDITED, "\nXem thêm [bài cũ](/2019/01/khong-co/).\n")
    capsys.readouterr()
    assert command("check", root) == 1
    err = capsys.readouterr().err
    assert f"{EDITED}:" in err
    assert "liên kết hỏng «/2019/01/khong-co/»" in err
    # Fixed again: the check passes, the page's new version read once more.
    (root / EDITED).write_text((SITE / EDITED).read_text("utf-8"), encoding="utf-8")
    assert command("check", root) == 0


def test_a_withdrawn_bulletins_links_leave_the_cache_with_it(root: Path) -> None:
    shelf = Shelf(Fragments(root), linkcheck.OUTLINES)
    page = "2024/03/canh-bao-lua-dao-viec-nhe/index.html"
    assert shelf.holds(page)
    text = (root / WITHDRAWN).read_text("utf-8").replace("---\n", "---\ndraft: true\n", 1)
    (root / WITHDRAWN).write_text(text, encoding="utf-8")
    assert command("check", root) == 0
    assert not Shelf(Fragments(root), linkcheck.OUTLINES).holds(page)


def test_the_build_after_a_check_updates_the_search_index(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check made the edited bulletin's new search fields; the build still finds the old
    ones it needs to take the old words out of the index, and writes a clean build's files."""
    append(root, EDITED, "\nCập nhật: người dân báo tin về xe máy lạ.\n")
    assert command("check", root) == 0
    monkeypatch.setattr(search, "_build", refusing("the build after a check indexed all again"))
    assert command("build", root) == 0
    monkeypatch.undo()
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "output"))
    assert command("build", clean) == 0
    assert snapshot(root / "output" / "web") == snapshot(clean / "output" / "web")


def files_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Grows by the name of each input file or output page the commands read to hash or load
    (in this process: the fixture site is too small for worker processes)."""
    from publish import content, ledger, replay

    read: list[str] = []

    def reading(real: Callable[..., Any]) -> Callable[..., Any]:
        """`real`, noting the file it reads."""

        def read_and_note(path: str | Path, *args: Any, **kwargs: Any) -> Any:
            """`real` of `path`, noted."""
            read.append(Path(path).name if Path(path).suffix == ".md" else str(path))
            return real(path, *args, **kwargs)

        return read_and_note

    monkeypatch.setattr(content, "read_raw", reading(content.read_raw))
    monkeypatch.setattr(replay, "file_sha256", reading(replay.file_sha256))
    monkeypatch.setattr(ledger, "file_sha256", reading(ledger.file_sha256))
    return read


@pytest.fixture
def settled(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture site, its files copied a moment ago counted as settled (see replay.settled
    and Ledger.vouch) and built again so that its stamp records their stats."""
    from publish import ledger, replay

    monkeypatch.setattr(replay, "RACY_SECONDS", 0.0)
    monkeypatch.setattr(ledger, "_RACY_NS", -(10**15))
    assert command("build", root) == 0
    return root


def test_a_check_after_a_build_reads_only_the_bulletins_edited_since(
    settled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The last build's stamp vouches for the files whose stat it recorded: a check takes their
    digests (and their loaded bulletins from the cache) instead of reading each file again."""
    root = settled
    bulletins = {p.name for p in (root / "content" / "bai-viet").glob("*.md")}
    append(root, EDITED, "\nCập nhật: tổ tuần tra đã [báo cáo](/2019/01/khong-co/) kết quả.\n")
    read = files_read(monkeypatch)
    assert command("check", root) == 1  # the edit is seen: its broken link is reported
    assert "liên kết hỏng «/2019/01/khong-co/»" in capsys.readouterr().err
    assert set(read) & bulletins == {Path(EDITED).name}
    # Without the stamp every bulletin is read, and the report is the same.
    (root / ".cache" / "last-build.pickle").unlink()
    read.clear()
    assert command("check", root) == 1
    assert "liên kết hỏng «/2019/01/khong-co/»" in capsys.readouterr().err
    assert set(read) >= bulletins and len(bulletins) > 1


def test_a_check_in_a_fresh_checkout_spares_the_build_after_it_reading_all_again(
    settled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In CI every file comes back under a new stat (a fresh clone, output/ and .cache/
    restored from the CI cache): the check reads them all once and records the stats of those
    still holding the recorded bytes, so the build after it reads only what changed."""
    root = settled
    last = root.with_name("last")
    root.rename(last)
    shutil.copytree(last, root, copy_function=shutil.copyfile)  # every stat new
    append(root, EDITED, "\nCập nhật: tổ tuần tra đã báo cáo kết quả.\n")
    bulletins = {p.name for p in (root / "content" / "bai-viet").glob("*.md")}
    pages = {str(p) for p in (root / "output" / "web").rglob("*.html")}
    read = files_read(monkeypatch)
    assert command("check", root) == 0
    assert set(read) >= bulletins and set(read) & pages  # everything read once
    read.clear()
    assert command("build", root) == 0
    assert set(read) & bulletins == {Path(EDITED).name}
    # Pages rendered afresh on every build (archives, feeds) are still compared with output/.
    assert len(set(read) & pages) <= len(pages) // 3
    # And the output is the one a build from scratch gives.
    built = snapshot(root / "output")
    shutil.rmtree(root / "output")
    shutil.rmtree(root / ".cache")
    assert command("build", root) == 0
    assert snapshot(root / "output") == built
