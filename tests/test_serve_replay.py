"""`publish serve` shares the no-op replay of `publish build` (see publish.replay): a rebuild with
nothing changed writes nothing, and a build of the same options after the preview replays it.

With the real web renderer on the fixture site: the stamp must see every input the pages
depend on, and a rebuild after an edit must still equal a clean build.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from publish import replay
from publish.cli import main
from publish.serve import PreviewSession
from tests.web_fixture import NOW, copy_site

BULLETIN = "content/bai-viet/2024-02-20-tuan-tra-dem.md"
REPLAYED = "Không có gì thay đổi kể từ lần dựng trước"
UNCHANGED = "Website không đổi kể từ lần dựng trước: "


@pytest.fixture(autouse=True)
def no_racy_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rebuilds here follow file edits within milliseconds; each is far longer than a tick."""
    monkeypatch.setattr(replay, "RACY_SECONDS", 0.0)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the fixture site."""
    return copy_site(tmp_path)


def build(root: Path, *extra: str) -> int:
    """`publish build` of the web channel in this process."""
    return main(
        ["build", "--root", str(root), "--now", NOW.isoformat(), "--channel", "web", *extra]
    )


def written(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under `folder`: bytes, inode, mtime (a rewrite with the same bytes shows)."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def preview(root: Path, out: io.StringIO, **options: Any) -> PreviewSession:
    """A preview of `root` on a free port, at the fixture's clock (not started: rebuild() by hand)."""
    return PreviewSession(root, port=0, now=NOW.isoformat(), out=out, err=io.StringIO(), **options)


@pytest.mark.parametrize("drafts", [False, True])
def test_a_preview_of_what_a_build_just_made_rewrites_nothing(root: Path, drafts: bool) -> None:
    flag = ["--drafts"] if drafts else []
    assert build(root, "-q", *flag) == 0
    folder = root / (".cache/preview/web" if drafts else "output/web")
    before = written(folder)
    out = io.StringIO()
    session = preview(root, out, drafts=drafts)
    try:
        assert session.rebuild()
        assert session.hub.state()[1] is None
    finally:
        session.stop()
    assert written(folder) == before
    assert f"{UNCHANGED}{len(before)} tệp giữ nguyên, không ghi lại tệp nào." in out.getvalue()


def test_a_save_that_changes_no_byte_rewrites_nothing_and_an_edit_equals_a_clean_build(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    session = preview(root, out)
    try:
        assert session.rebuild()
        assert UNCHANGED not in out.getvalue()
        web = root / "output" / "web"
        before = written(web)
        post = root / BULLETIN
        post.write_bytes(post.read_bytes())  # an editor saving without a change: a new mtime
        generation = session.hub.state()[0]
        assert session.rebuild()
        assert written(web) == before
        assert UNCHANGED in out.getvalue()
        # Open pages are still told: one showing the error of a failed rebuild needs the news.
        assert session.hub.state() == (generation + 1, None)
        post.write_text(post.read_text("utf-8") + "\nĐã cập nhật thêm một đoạn.\n", "utf-8")
        assert session.rebuild()
    finally:
        session.stop()
    edited = {name: data for name, (data, _, _) in written(root / "output" / "web").items()}
    assert edited != {name: data for name, (data, _, _) in before.items()}
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "output"))
    assert build(clean, "-q") == 0
    assert edited == {n: d for n, (d, _, _) in written(clean / "output" / "web").items()}
    capsys.readouterr()
    # The preview's build is the one `publish build --channel web` would make: it replays it.
    assert build(root) == 0
    assert REPLAYED in capsys.readouterr().out


def test_a_rebuild_after_a_failed_one_renders_even_with_the_old_bytes_back(root: Path) -> None:
    """The failed build dropped the stamp (as `publish build` does): putting the last good
    bytes back builds for real, and the error shown on open pages is cleared."""
    out = io.StringIO()
    session = preview(root, out)
    try:
        assert session.rebuild()
        post = root / BULLETIN
        good = post.read_bytes()
        post.write_text("---\ntitle: [hỏng\n---\n", "utf-8")
        assert not session.rebuild()
        assert session.hub.state()[1] is not None
        post.write_bytes(good)
        assert session.rebuild()
        assert session.hub.state()[1] is None
    finally:
        session.stop()
    assert UNCHANGED not in out.getvalue()
    assert out.getvalue().count("Đã dựng website") == 2


class Terminal(io.StringIO):
    """An error stream that is a terminal, as the shell's is."""

    def isatty(self) -> bool:
        return True


def test_a_rebuild_shows_its_phases_on_the_terminal_and_erases_them(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first build of a preview can take minutes (10,000 bulletins, photos): the terminal
    says which phase runs; the line is gone before the warnings and the log line."""
    monkeypatch.delenv("CI", raising=False)
    err = Terminal()
    session = PreviewSession(root, port=0, now=NOW.isoformat(), out=io.StringIO(), err=err)
    try:
        assert session.rebuild()
    finally:
        session.stop()
    shown = err.getvalue()
    assert "\r\x1b[KĐang dựng website — kênh web: dựng và ghi…" in shown
    erased = shown.rindex("\r\x1b[K")  # the last draw is erased, nothing drawn after
    assert erased > shown.rindex("Đang dựng website")


def test_after_a_replayed_start_a_renamed_bulletin_is_followed_and_old_warnings_not_repeated(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session's first build replayed `publish build`: the next rebuild still knows which
    address each bulletin had (a page open at a renamed one follows it) and which warnings
    were already printed (only those about edited files print again)."""
    other = root / "content" / "bai-viet" / "2024-01-15-canh-bao-gia-danh-cong-an.md"
    shouted = "CẢNH BÁO THỦ ĐOẠN GIẢ DANH CÔNG AN GỌI ĐIỆN LỪA ĐẢO"
    other.write_text(
        other.read_text("utf-8")
        .replace(shouted.capitalize(), shouted, 1)
        .replace("Cảnh báo thủ đoạn giả danh Công an gọi điện lừa đảo", shouted, 1),
        "utf-8",
    )
    assert build(root, "-q") == 0
    out, err = io.StringIO(), io.StringIO()
    session = PreviewSession(root, port=0, now=NOW.isoformat(), out=out, err=err)
    moves: list[dict[str, str] | None] = []
    finished = session.hub.finished

    def finishing(error: str | None, moved: dict[str, str] | None = None) -> int:
        """`finished`, noting the pages moved."""
        moves.append(moved)
        return finished(error, moved)

    monkeypatch.setattr(session.hub, "finished", finishing)
    folder = root / "content" / "bai-viet"
    try:
        assert session.rebuild()
        assert UNCHANGED in out.getvalue()
        started = err.getvalue()
        assert "toàn chữ in hoa" in started  # the warnings of the build, printed once
        os.replace(folder / "2024-02-20-tuan-tra-dem.md", folder / "2024-02-20-tuan-tra-ca-dem.md")
        assert session.rebuild()
    finally:
        session.stop()
    assert "Đã dựng website" in out.getvalue()
    assert len(moves) == 2 and moves[0] == {}
    moved = moves[1]
    assert moved is not None
    ((old, new),) = moved.items()
    assert old.endswith("/2024/02/tuan-tra-dem/") and new.endswith("/2024/02/tuan-tra-ca-dem/")
    rebuilt = err.getvalue()[len(started) :]
    assert "toàn chữ in hoa" not in rebuilt and "(Còn 1 cảnh báo, ghi chú giống" in rebuilt


def test_a_preview_that_cannot_remove_the_last_stamp_writes_nothing_and_says_why(
    root: Path,
) -> None:
    """As `publish build` (tests/test_replay.py): the preview without --drafts writes
    output/web, and a stamp left under its pages was replayed over them later."""
    from tests.test_replay import refusing_removal

    assert build(root, "-q") == 0
    folder = root / "output/web"
    before = written(folder)
    post = root / BULLETIN
    post.write_text(post.read_text("utf-8") + "\nĐoạn bổ sung.\n", "utf-8")
    session = preview(root, io.StringIO())
    try:
        stamp = root / ".cache" / replay.STAMP
        with refusing_removal({os.fspath(stamp)}):
            assert session.rebuild() is False
        told = session.hub.state()[1]
    finally:
        session.stop()
    assert told is not None and told.startswith(
        f"không xóa được dấu của lần dựng trước ({stamp}: không được phép)"
    )
    assert written(folder) == before
