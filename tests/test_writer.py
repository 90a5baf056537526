"""The writer: output is swapped in only on success, unchanged files keep their mtime, paths are safe."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from publish import config as config_module
from publish import output_stamp
from publish.errors import ContentError, PublishError
from publish.model import Artifact, Kept
from publish.pipeline import build
from publish.writer import interrupted, safe_relative, write
from tests.helpers import NOW, bulletin_md, install_fake_renderers, make_project

OLD_TIME = 1_600_000_000  # 2020-09-13: far from "now", so a rewrite would show


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and mtime."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def age(folder: Path) -> None:
    """Set every file's mtime far in the past."""
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (OLD_TIME, OLD_TIME))


def leftovers(output: Path) -> list[str]:
    """Staging or retired folders the writer should have removed."""
    return [p.name for p in output.iterdir() if p.name.startswith(".")]


def web(path: str, text: str, source: str | None = None) -> Artifact:
    """A web artifact."""
    return Artifact.text("web", path, text, source=source)


def first_build(output: Path) -> None:
    """The previous build that later builds must not damage."""
    write(
        [
            web("index.html", "<h1>Trang chủ</h1>"),
            web("2020/12/a/index.html", "Bản tin A", "content/bai-viet/a.md"),
            web("2020/12/b/index.html", "Bản tin B", "content/bai-viet/b.md"),
            Artifact.text("zalo", "a.json", '{"title": "A"}'),
        ],
        output,
        ["web", "zalo"],
    )
    age(output)


def test_writes_every_channel_and_reports(tmp_path: Path) -> None:
    output = tmp_path / "output"
    report = write(
        [web("index.html", "Trang chủ"), Artifact.text("radio", "kich-ban.txt", "Kính thưa")],
        output,
        ["web", "radio"],
    )
    assert (output / "web/index.html").read_text(encoding="utf-8") == "Trang chủ"
    assert (output / "radio/kich-ban.txt").read_text(encoding="utf-8") == "Kính thưa"
    assert report.written == {"web": 1, "radio": 1}
    assert report.total == 2
    assert leftovers(output) == []


def test_a_channel_with_no_artifacts_becomes_empty(tmp_path: Path) -> None:
    output = tmp_path / "output"
    first_build(output)
    report = write([], output, ["zalo"])
    assert list((output / "zalo").iterdir()) == []
    assert report.removed == {"zalo": 1}


def test_failing_renderer_leaves_previous_output_byte_identical(tmp_path: Path) -> None:
    output = tmp_path / "output"
    first_build(output)
    before = snapshot(output)

    def stream() -> Iterator[Artifact]:
        yield web("index.html", "<h1>Trang chủ mới</h1>")
        yield web("2020/12/c/index.html", "Bản tin C")
        raise RuntimeError("renderer exploded mid-stream")

    with pytest.raises(RuntimeError):
        write(stream(), output, ["web", "zalo"])
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_failing_pipeline_build_leaves_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"content/bai-viet/{n}.md": bulletin_md() for n in ("a", "b", "c")}
    root = make_project(tmp_path, files)
    config = config_module.load(root)
    output = root / "output"
    install_fake_renderers(monkeypatch, ["web"])
    write(build(config, channels=["web"], now=NOW).artifacts, output, ["web"])
    age(output)
    before = snapshot(output)
    assert len(before) == 4

    (root / "content/bai-viet/a.md").write_text(bulletin_md(body="Đã sửa.\n"), encoding="utf-8")
    install_fake_renderers(monkeypatch, ["web"], fail_after=1)
    result = build(config, channels=["web"], now=NOW)
    with pytest.raises(RuntimeError, match="mid-stream"):
        write(result.artifacts, output, ["web"])
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_duplicate_artifact_paths_are_an_error_naming_both_sources(tmp_path: Path) -> None:
    output = tmp_path / "output"
    first_build(output)
    before = snapshot(output)
    artifacts = [
        web("2020/12/x/index.html", "A", "content/bai-viet/a.md"),
        web("2020/12/x/index.html", "B", "content/bai-viet/b.md"),
    ]
    with pytest.raises(ContentError) as info:
        write(artifacts, output, ["web"])
    message = str(info.value)
    assert "content/bai-viet/a.md" in message and "content/bai-viet/b.md" in message
    assert "output/web/2020/12/x/index.html" in message
    assert snapshot(output) == before
    assert leftovers(output) == []


@pytest.mark.parametrize(
    ("first", "second", "hint"),
    [
        (
            Artifact.text("web", "x/index.html", "A", source="content/bai-viet/a.md"),
            Artifact.text("web", "x/index.html", "B", source="content/bai-viet/b.md"),
            "Đổi địa chỉ bài (slug: …) của một trong hai bản tin.",
        ),
        (
            Artifact.text("web", "x/index.html", "A"),
            Artifact.text("web", "x/index.html", "B", source="content/pages/a.md", kind="alias"),
            "Bỏ địa chỉ đó khỏi aliases của content/pages/a.md.",
        ),
        (
            Artifact.text("web", "x/index.html", "A", source="content/pages/lien-he.md"),
            Artifact.text("web", "x/index.html", "B", source="content/bai-viet/a.md", kind="alias"),
            "Đổi địa chỉ (slug: …) của trang content/pages/lien-he.md, hoặc bỏ địa chỉ đó khỏi aliases của "
            "content/bai-viet/a.md.",
        ),
        (
            Artifact.text("web", "assets/a.css", "A", source="templates/assets/a.css"),
            Artifact.text("web", "assets/a.css", "B", kind="category-alias"),
            "Đổi tên tệp giao diện templates/assets/a.css, hoặc bỏ địa chỉ cũ đó khỏi aliases "
            "của chuyên mục trong site.toml.",
        ),
    ],
    ids=["two-bulletins", "site-page-and-page-alias", "page-and-alias", "asset-and-category"],
)
def test_a_collision_says_what_to_change_on_each_side(
    tmp_path: Path, first: Artifact, second: Artifact, hint: str
) -> None:
    """«Đổi địa chỉ bài của một trong hai bản tin» was the advice when neither was a bulletin's
    page."""
    with pytest.raises(ContentError) as info:
        write([first, second], tmp_path / "output", ["web"])
    [problem] = info.value.problems
    assert problem.hint == hint


def test_same_path_in_two_channels_is_fine(tmp_path: Path) -> None:
    output = tmp_path / "output"
    write([web("a.txt", "web"), Artifact.text("zalo", "a.txt", "zalo")], output, ["web", "zalo"])
    assert (output / "zalo/a.txt").read_text(encoding="utf-8") == "zalo"


def test_noop_build_keeps_every_file_and_its_mtime(tmp_path: Path) -> None:
    output = tmp_path / "output"
    first_build(output)
    before = snapshot(output)
    folder_inode = (output / "web").stat().st_ino
    report = write(
        [
            web("index.html", "<h1>Trang chủ</h1>"),
            web("2020/12/a/index.html", "Bản tin A", "content/bai-viet/a.md"),
            web("2020/12/b/index.html", "Bản tin B", "content/bai-viet/b.md"),
        ],
        output,
        ["web"],
    )
    assert snapshot(output) == before
    assert (output / "web").stat().st_ino == folder_inode
    assert report.written == {} and report.unchanged == {"web": 3}
    assert report.removed == {"web": 0}
    assert leftovers(output) == []


def test_changed_build_rewrites_only_what_changed(tmp_path: Path) -> None:
    output = tmp_path / "output"
    first_build(output)
    before = snapshot(output)
    report = write(
        [
            web("index.html", "<h1>Trang chủ</h1>"),
            web("2020/12/a/index.html", "Bản tin A đã sửa", "content/bai-viet/a.md"),
            web("2021/01/c/index.html", "Bản tin C", "content/bai-viet/c.md"),
        ],
        output,
        ["web"],
    )
    after = snapshot(output / "web")
    assert after["index.html"] == before["web/index.html"]  # same bytes, same mtime
    assert after["2020/12/a/index.html"][0] == "Bản tin A đã sửa".encode()
    assert after["2020/12/a/index.html"][1] != OLD_TIME * 10**9
    assert "2020/12/b/index.html" not in after  # b was withdrawn
    assert after["2021/01/c/index.html"][0] == "Bản tin C".encode()
    assert report.written == {"web": 2} and report.unchanged == {"web": 1}
    assert report.removed == {"web": 1}
    # Channels not being built are left alone.
    assert snapshot(output / "zalo") == {"a.json": before["zalo/a.json"]}
    assert leftovers(output) == []


@pytest.mark.parametrize(
    "path", ["../ngoai.html", "/etc/passwd", "", ".", "a/../../b", "a/./b/..", "..", "a/.."]
)
def test_unsafe_paths_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(PublishError, match="không an toàn"):
        safe_relative(path)
    output = tmp_path / "output"
    first_build(output)
    before = snapshot(output)
    with pytest.raises(PublishError):
        write([web("index.html", "mới"), web(path, "x")], output, ["web"])
    assert snapshot(output) == before
    assert not (tmp_path / "ngoai.html").exists()
    assert leftovers(output) == []


@pytest.mark.parametrize("path", ["index.html", "2020/12/a/index.html", "anh/đồng-tháp.jpg"])
def test_safe_paths_are_accepted(path: str) -> None:
    assert safe_relative(path).as_posix() == path


def test_output_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "output"
    blocker.write_text("không phải thư mục", encoding="utf-8")
    with pytest.raises(PublishError, match="không tạo được thư mục đầu ra"):
        write([web("index.html", "x")], blocker, ["web"])


# --- changed files only, and the ledger in .cache/ ---------------------------------------------


def inodes(folder: Path) -> dict[str, int]:
    """Every file under `folder` with its inode (a rewrite through rename gives a new one)."""
    return {
        p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()
    }


def test_changed_files_are_moved_in_and_the_rest_is_not_touched(tmp_path: Path) -> None:
    output, cache = tmp_path / "output", tmp_path / ".cache"
    pages = {f"2020/12/{n}/index.html": f"Bản tin {n}" for n in "abcdef"}
    write([web(p, t) for p, t in pages.items()], output, ["web"], cache=cache)
    age(output)
    before, folder = inodes(output / "web"), (output / "web").stat().st_ino
    pages["2020/12/c/index.html"] = "Bản tin c đã sửa"
    report = write([web(p, t) for p, t in pages.items()], output, ["web"], cache=cache)
    after = inodes(output / "web")
    assert report.written == {"web": 1} and report.unchanged == {"web": 5}
    assert {p for p in after if after[p] != before[p]} == {"2020/12/c/index.html"}
    assert (output / "web").stat().st_ino == folder  # the folder itself is not swapped
    assert (output / "web/2020/12/c/index.html").read_text("utf-8") == "Bản tin c đã sửa"
    assert leftovers(output) == []


def test_the_ledger_records_each_file_as_the_live_folder_holds_it(tmp_path: Path) -> None:
    """The entries taken as the staged files were written (first build: the staging folder
    moved in whole; later: file by file, beside kept ones) are the live files' stats; the
    files counted as created are those that did not exist."""
    from publish.ledger import Ledger

    output, cache = tmp_path / "output", tmp_path / ".cache"
    pages = {f"2020/12/{n}/index.html": f"Bản tin {n}" * 3000 for n in "abcdef"}  # over a buffer
    pages["nho.txt"] = "x"
    for edit, created in (("", 7), ("c", 0), ("g", 1)):
        if edit:
            pages[f"2020/12/{edit}/index.html"] = f"Bản tin {edit} đã sửa"
            age(output)
        report = write([web(p, t) for p, t in pages.items()], output, ["web"], cache=cache)
        assert report.created.get("web", 0) == created  # files that did not exist before
        entries = Ledger(cache, output, "web").entries
        assert entries.keys() == pages.keys()
        for rel, (size, mtime, inode, _) in entries.items():
            st = (output / "web" / rel).stat()
            assert (size, mtime, inode) == (st.st_size, st.st_mtime_ns, st.st_ino)


def test_a_hand_edited_output_file_is_put_back(tmp_path: Path) -> None:
    output, cache = tmp_path / "output", tmp_path / ".cache"
    artifacts = [web("index.html", "Trang chủ"), web("a/index.html", "Bản tin A")]
    write(artifacts, output, ["web"], cache=cache)
    (output / "web/a/index.html").write_text("Bản tin B", encoding="utf-8")  # same size
    report = write(artifacts, output, ["web"], cache=cache)
    assert report.written == {"web": 1}
    assert (output / "web/a/index.html").read_text("utf-8") == "Bản tin A"


def test_without_the_ledger_bytes_are_compared_and_nothing_is_rewritten(tmp_path: Path) -> None:
    output, cache = tmp_path / "output", tmp_path / ".cache"
    artifacts = [web("index.html", "Trang chủ"), web("a/index.html", "Bản tin A")]
    write(artifacts, output, ["web"], cache=cache)
    age(output)
    before = snapshot(output)
    shutil.rmtree(cache)
    report = write(artifacts, output, ["web"], cache=cache)
    assert report.written == {} and snapshot(output) == before


def test_a_file_put_in_the_output_by_hand_is_kept_and_told_of(tmp_path: Path) -> None:
    """Only files an earlier write recorded are removed: a verification page or a PDF put in
    output/web by hand stays (deployed with the website), and the report names it."""
    output, cache = tmp_path / "output", tmp_path / ".cache"
    a, b = web("2020/12/a/index.html", "Bản tin A"), web("2020/12/b/index.html", "Bản tin B")
    write([web("index.html", "Trang chủ"), a, b], output, ["web"], cache=cache)
    (output / "web/google1234.html").write_text("google-site-verification", "utf-8")
    (output / "web/2020/12/b/quy-che.pdf").write_bytes(b"%PDF-1.4")
    report = write([web("index.html", "Trang chủ"), a], output, ["web"], cache=cache)
    assert report.removed == {"web": 1} and not (output / "web/2020/12/b/index.html").exists()
    assert report.foreign == {"web": ["2020/12/b/quy-che.pdf", "google1234.html"]}
    assert (output / "web/google1234.html").read_text("utf-8") == "google-site-verification"
    assert (output / "web/2020/12/b/quy-che.pdf").read_bytes() == b"%PDF-1.4"
    again = write([web("index.html", "Trang chủ"), a], output, ["web"], cache=cache)
    assert again.foreign == report.foreign and again.written == {} and again.removed == {"web": 0}


def test_a_hand_put_file_where_the_build_needs_a_folder_gives_way(tmp_path: Path) -> None:
    """The place is the website's own: a file named like a page's folder, or a folder at a
    page's name, is replaced, not left to fail the build."""
    output, cache = tmp_path / "output", tmp_path / ".cache"
    write([web("index.html", "Trang chủ")], output, ["web"], cache=cache)
    (output / "web/2021").write_text("tệp tay", "utf-8")
    (output / "web/feed.xml").mkdir()
    (output / "web/feed.xml/ghi-chu.txt").write_text("tệp tay", "utf-8")
    (output / "web/ghi-chu.txt").write_text("tệp tay", "utf-8")
    artifacts = [
        web("index.html", "Trang chủ"),
        web("2021/index.html", "Năm"),
        web("feed.xml", "<rss/>"),
    ]
    report = write(artifacts, output, ["web"], cache=cache)
    assert (output / "web/2021/index.html").read_text("utf-8") == "Năm"
    assert (output / "web/feed.xml").read_text("utf-8") == "<rss/>"
    assert report.foreign == {"web": ["ghi-chu.txt"]}


def test_without_the_ledger_the_output_folder_is_the_tools_own(tmp_path: Path) -> None:
    """.cache/ deleted: nothing tells a hand-put file from a withdrawn page, and a withdrawn
    bulletin must not stay on the website; every file not made goes, as before."""
    output, cache = tmp_path / "output", tmp_path / ".cache"
    a, b = web("2020/12/a/index.html", "Bản tin A"), web("2020/12/b/index.html", "Bản tin B")
    write([a, b], output, ["web"], cache=cache)
    (output / "web/ghi-chu.txt").write_text("tệp tay", "utf-8")
    shutil.rmtree(cache)
    report = write([a], output, ["web"], cache=cache)
    assert report.removed == {"web": 2} and report.foreign == {}
    assert snapshot(output / "web").keys() == {"2020/12/a/index.html"}


def test_kept_artifacts_are_not_read_when_the_ledger_vouches_for_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output, cache = tmp_path / "output", tmp_path / ".cache"
    first = web("a/index.html", "Bản tin A")
    write([first], output, ["web"], cache=cache)
    age(output)
    before = snapshot(output)
    origin = (output / "web/a/index.html").resolve()
    kept = Kept("web", "a/index.html", first.digest, origin)

    def unread(self: Kept) -> bytes:
        raise AssertionError("a kept file was read")

    monkeypatch.setattr(Kept, "data", property(unread))
    report = write([kept], output, ["web"], cache=cache)
    assert report.unchanged == {"web": 1} and snapshot(output) == before


def test_withdrawn_files_go_with_their_empty_folders_and_files_replace_folders(
    tmp_path: Path,
) -> None:
    output, cache = tmp_path / "output", tmp_path / ".cache"
    write(
        [web("x", "tệp"), web("a/b/index.html", "A"), web("keep/index.html", "K")],
        output,
        ["web"],
        cache=cache,
    )
    report = write(
        [web("x/index.html", "thư mục"), web("a", "tệp mới"), web("keep/index.html", "K")],
        output,
        ["web"],
        cache=cache,
    )
    assert report.removed == {"web": 2}
    files = {p.relative_to(output / "web").as_posix() for p in (output / "web").rglob("*")}
    assert files == {"x", "x/index.html", "a", "keep", "keep/index.html"}
    assert (output / "web/a").read_text("utf-8") == "tệp mới"


def test_a_failure_while_moving_files_in_puts_the_previous_output_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A full disk or a file Windows keeps open (an antivirus scan, an image viewer) fails one
    # move half-way: every file moved in or out until then goes back to where it was.
    output, cache = tmp_path / "output", tmp_path / ".cache"
    write(
        [web("a.html", "A"), web("b.html", "B"), web("cu/index.html", "Cũ"), web("x", "tệp")],
        output,
        ["web"],
        cache=cache,
    )
    age(output)
    before = snapshot(output / "web")
    real = os.replace

    def failing(source: str | Path, target: str | Path) -> None:
        if str(target).endswith("b.html") and ".staging-" in str(source):
            raise OSError(5, "Input/output error", str(target))
        return real(source, target)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(PublishError, match="Đầu ra cũ vẫn giữ nguyên") as raised:
        write(
            [
                web("a.html", "A2"),
                web("b.html", "B2"),
                web("moi/index.html", "Mới"),
                web("x/index.html", "thư mục"),
            ],
            output,
            ["web"],
            cache=cache,
        )
    assert "lỗi đọc ghi của ổ đĩa" in str(raised.value)  # Vietnamese, not the C library's English
    assert snapshot(output / "web") == before
    assert not (output / "web/moi").exists()
    assert leftovers(output) == []
    monkeypatch.setattr(os, "replace", real)
    report = write([web("a.html", "A2"), web("b.html", "B2")], output, ["web"], cache=cache)
    assert (output / "web/b.html").read_text("utf-8") == "B2"
    assert report.written == {"web": 2} and report.removed == {"web": 2}


def test_a_failure_in_one_channel_puts_every_channel_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "output"
    first_build(output)
    before = snapshot(output)
    real = os.replace

    def failing(source: str | Path, target: str | Path) -> None:
        if str(target).endswith("a.json") and ".staging-" in str(source):
            raise OSError(28, "No space left on device", str(target))
        return real(source, target)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(PublishError, match="Đầu ra cũ vẫn giữ nguyên"):
        write(
            [web("index.html", "<h1>Mới</h1>"), Artifact.text("zalo", "a.json", "{}")],
            output,
            ["web", "zalo"],
        )
    assert snapshot(output) == before and leftovers(output) == []


@pytest.mark.parametrize(
    ("code", "reason", "fix"),
    [
        (errno.ENOSPC, "hết chỗ trên đĩa", "giải phóng chỗ trên ổ đĩa chứa thư mục đó"),
        (errno.EDQUOT, "hết hạn mức đĩa của người dùng", "xin người quản trị máy tăng hạn mức"),
    ],
)
def test_a_full_disk_names_the_output_folder_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str, fix: str
) -> None:
    """A full disk fails a write with no file name: the message read «hết chỗ trên đĩa: None»
    and said nothing to do. It names the output folder and the way out, and no figure: the
    free space it measured before this write's staging folders were deleted said «còn trống
    0 MB», and a full quota «còn trống 77939 MB»."""
    output = tmp_path / "output"
    first_build(output)
    before = snapshot(output)

    class Full(io.BytesIO):
        """A file on a disk with no room left: writing fails as the kernel's ENOSPC does."""

        def write(self, data: object) -> int:
            raise OSError(code, os.strerror(code))

    monkeypatch.setattr("publish.writer.open", lambda *_: Full(), raising=False)
    with pytest.raises(PublishError) as caught:
        write([web("index.html", "<h1>Mới</h1>")], output, ["web"])
    said = str(caught.value)
    assert "None" not in said
    assert f"không ghi được đầu ra vào thư mục {output}: {reason}. Đầu ra cũ vẫn giữ" in said
    assert fix in said and "rồi chạy lại lệnh." in said
    assert "MB" not in said and "--output" not in said  # serve and sync have no such way out
    assert snapshot(output) == before and leftovers(output) == []


@pytest.mark.parametrize(
    ("code", "fix"),
    [
        (errno.EACCES, "sudo chown -R $USER {output}"),
        (errno.EPERM, "sudo chown -R $USER {output}"),
        (errno.EROFS, "gắn lại ổ đĩa chứa {output} ở chế độ ghi"),
    ],
)
def test_a_file_the_output_may_not_replace_is_named_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, fix: str
) -> None:
    """A page of output/ the system will not let this user replace (left by a `sudo publish
    build`, held open by a program on Windows, a read-only mount): the message named the file
    and the system's reason, and said nothing to do, as the project's rules ask every message."""
    output = tmp_path / "output"
    first_build(output)
    before = snapshot(output)
    real = os.replace
    page = output / "web" / "index.html"

    def refused(source: str | Path, target: str | Path) -> None:
        if Path(target) == page and ".staging-" in str(source):
            raise OSError(code, os.strerror(code), str(target))
        real(source, target)

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(PublishError) as caught:
        write([web("index.html", "<h1>Mới</h1>")], output, ["web"])
    said = str(caught.value)
    assert str(page) in said and "Đầu ra cũ vẫn giữ nguyên." in said
    assert "Cách sửa:" in said and "rồi chạy lại lệnh." in said
    assert fix.format(output=output) in said
    assert snapshot(output) == before and leftovers(output) == []


def test_a_channel_folder_that_is_a_file_is_named_with_what_to_do(tmp_path: Path) -> None:
    """QA, session 77: output/web as a file was told by the writer's staging folder
    («một phần của đường dẫn không phải thư mục: output/.web.staging-…»), which the editor
    never made and cannot find afterwards."""
    output = tmp_path / "output"
    first_build(output)
    shutil.rmtree(output / "web")
    (output / "web").write_text("không phải thư mục", "utf-8")
    before = snapshot(output)
    with pytest.raises(PublishError) as caught:
        write(
            [web("index.html", "<h1>Mới</h1>"), Artifact.text("zalo", "b.json", "{}")],
            output,
            ["web", "zalo"],
        )
    said = str(caught.value)
    assert said.startswith(f"{output / 'web'} phải là thư mục chứa đầu ra, nhưng đang là một tệp.")
    assert f"Cách sửa: đổi tên {output / 'web'} hoặc chuyển nó ra khỏi {output}" in said
    assert ".staging-" not in said
    assert snapshot(output) == before and leftovers(output) == []


def test_a_cache_file_refused_to_this_user_is_fixed_in_the_cache_not_in_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An image variant a `sudo publish build` left private in .cache/images/: reading it (no
    hard link possible) failed with EACCES, and the advice was to give this user output/,
    after which the same error came again (review of session 77)."""
    output = tmp_path / "output"
    first_build(output)
    before = snapshot(output)
    variant = tmp_path / ".cache" / "images" / "anh-240.jpg"
    variant.parent.mkdir(parents=True)
    variant.write_bytes(b"jpeg")
    real = Path.read_bytes

    def refused(path: Path) -> bytes:
        if path == variant:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refused)
    monkeypatch.setattr("publish.writer._linked", lambda *_: False)
    kept = Kept("web", "anh/anh-240.jpg", "0" * 64, variant)
    with pytest.raises(PublishError) as caught:
        write([web("index.html", "<h1>Mới</h1>"), kept], output, ["web"])
    said = str(caught.value)
    assert f"sudo chown -R $USER {tmp_path / '.cache'}" in said
    assert f"hoặc xóa thư mục {tmp_path / '.cache'}" in said
    assert f"chown -R $USER {output}" not in said
    assert snapshot(output) == before and leftovers(output) == []


def test_a_failure_on_a_first_build_leaves_no_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "output"
    real = os.replace

    def failing(source: str | Path, target: str | Path) -> None:
        if str(target).endswith("zalo"):
            raise OSError(28, "No space left on device", str(target))
        return real(source, target)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(PublishError, match="Đầu ra cũ vẫn giữ nguyên"):
        write(
            [web("index.html", "Trang chủ"), Artifact.text("zalo", "a.json", "{}")],
            output,
            ["web", "zalo"],
        )
    assert not output.exists()  # not even empty: the failed first build made nothing


def test_a_failure_that_cannot_be_undone_says_the_output_is_partly_updated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output, cache = tmp_path / "output", tmp_path / ".cache"
    write([web("a.html", "A"), web("b.html", "B")], output, ["web"], cache=cache)
    real = os.replace

    def failing(source: str | Path, target: str | Path) -> None:
        if str(target).endswith("b.html"):
            raise OSError(5, "Input/output error", str(target))
        return real(source, target)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(PublishError, match="một phần tệp đã được thay") as raised:
        write([web("a.html", "A2"), web("b.html", "B2")], output, ["web"], cache=cache)
    assert "không trả lại được đầu ra cũ" in str(raised.value)
    monkeypatch.setattr(os, "replace", real)
    # Found by the same process too: `publish serve` rebuilds in one process, and its next
    # rebuild tells the editor the output is mixed.
    assert interrupted(output)
    # The old b.html could not go back: its only copy stays where the message says, and the
    # moves after the failed one were still undone (a.html is the old one again). The output
    # is partly this write's: its marker stays for the next command (see interrupted).
    [aside] = [name for name in leftovers(output) if not name.startswith(".moving-")]
    assert aside.startswith(".retired-") and f"{output / aside}" in str(raised.value)
    assert [name for name in leftovers(output) if name.startswith(".moving-")]
    assert [p.read_text("utf-8") for p in (output / aside).iterdir()] == ["B"]
    assert (output / "web/a.html").read_text("utf-8") == "A"
    assert not (output / "web/b.html").exists()
    # The ledger was dropped before anything moved, so the next build compares bytes and heals.
    report = write([web("a.html", "A2"), web("b.html", "B2")], output, ["web"], cache=cache)
    assert (output / "web/b.html").read_text("utf-8") == "B2"
    assert report.written == {"web": 2}
    # The output is whole again: the marker is gone, and so is the set-aside folder, as the
    # message said («lần dựng sau tự xóa thư mục này»), in this process as in any other.
    assert leftovers(output) == [] and not interrupted(output)


def test_a_build_stopped_while_moving_files_in_puts_the_previous_output_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl+C (or the CI cancelling the job) between two moves: the files go back, and the stop
    # goes on to end the command.
    output = tmp_path / "output"
    first_build(output)
    before = snapshot(output)
    real = os.replace

    def interrupted(source: str | Path, target: str | Path) -> None:
        if str(target).endswith("a.json") and ".staging-" in str(source):
            raise KeyboardInterrupt
        return real(source, target)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write(
            [web("index.html", "<h1>Mới</h1>"), Artifact.text("zalo", "a.json", "{}")],
            output,
            ["web", "zalo"],
        )
    assert snapshot(output) == before and leftovers(output) == []


def test_a_build_removes_what_a_killed_build_left_in_output(tmp_path: Path) -> None:
    # A build killed outright (kill -9, the power cut) leaves its staging and set-aside folders;
    # nothing but the next build would ever remove them. Any folder a person made stays. Every
    # command writing output/ holds the output lock, so a folder of a process numbered as one
    # running now (pid 1 in a container, this very process in a CI job numbered alike each
    # run, a number Windows reused) was left by a write that ended too.
    output = tmp_path / "output"
    first_build(output)
    dead = _ended_process()
    made = {
        f".web.staging-{dead}-ab12cd_e": True,
        f".retired-{dead}-0123abcd": True,
        f".moving-{dead}-0123abcd": True,
        ".zalo.staging-x1y2z3w4": True,  # from before the number was written in the name
        ".retired-k9j8h7g6": True,
        f".web.staging-{os.getppid()}-ab12cd_e": True,
        f".retired-{os.getpid()}-0123abcd": True,
        f".moving-{os.getpid()}-0123abcd": True,
        ".retired-99999999999999999999-abcdefgh": True,  # os.kill raised OverflowError
        ".retired-ghi-chu": False,
        ".git": False,
    }
    for name in made:
        (output / name).mkdir()
        (output / name / "index.html").write_text("cũ", encoding="utf-8")
    (output / f".retired-{dead}-aaaabbbb").write_text("một tệp, không phải thư mục", "utf-8")
    assert interrupted(output)
    write([web("index.html", "<h1>Trang chủ</h1>")], output, ["web"])
    assert sorted(leftovers(output)) == sorted(
        [name for name, stale in made.items() if not stale] + [f".retired-{dead}-aaaabbbb"]
    )
    assert not interrupted(output)


class _Full(io.BytesIO):
    """A file on a full disk: writing fails as the kernel's ENOSPC does."""

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _fail_staging(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing a staged file fails (a full disk): nothing was moved yet."""
    monkeypatch.setattr("publish.writer.open", lambda *_: _Full(), raising=False)


def _fail_moving(monkeypatch: pytest.MonkeyPatch) -> None:
    """Moving the staged index.html into place fails; every move before it is undone."""
    real = os.replace

    def failing(source: str | Path, target: str | Path) -> None:
        if str(target).endswith("index.html") and ".staging-" in str(source):
            raise OSError(errno.EIO, "Input/output error", str(target))
        return real(source, target)

    monkeypatch.setattr(os, "replace", failing)


@pytest.mark.parametrize("failing", [_fail_staging, _fail_moving])
def test_a_write_that_fails_keeps_the_marker_of_an_interrupted_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: Callable[[pytest.MonkeyPatch], None]
) -> None:
    """The marker of a write killed mid-move was deleted as the next write began: when that
    write failed in turn (a full disk), output/ stayed mixed and no command said so any more.
    It goes only once a write has moved every file in."""
    output = tmp_path / "output"
    first_build(output)
    marker = f".moving-{_ended_process()}-0123abcd"
    (output / marker).mkdir()
    with monkeypatch.context() as patched:
        failing(patched)
        with pytest.raises(PublishError, match="Đầu ra cũ vẫn giữ nguyên"):
            write([web("index.html", "<h1>Mới</h1>")], output, ["web"])
    assert interrupted(output)
    assert leftovers(output) == [marker]  # this write's own folders and marker are gone
    write([web("index.html", "<h1>Mới</h1>")], output, ["web"])
    assert not interrupted(output) and leftovers(output) == []


def test_a_marker_that_cannot_be_deleted_is_no_interrupted_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A marker left once its moves are done (rmtree ignores what it cannot delete) said the
    output was mixed to every later command: it is renamed into clutter the next write removes."""
    output = tmp_path / "output"
    first_build(output)
    real = shutil.rmtree

    def stuck(path: str | Path, ignore_errors: bool = False) -> None:
        if not Path(path).name.startswith((".moving-", ".retired-")):
            real(path, ignore_errors=ignore_errors)

    monkeypatch.setattr(shutil, "rmtree", stuck)
    write([web("index.html", "<h1>Mới</h1>")], output, ["web"])
    assert leftovers(output) and not interrupted(output)
    monkeypatch.setattr(shutil, "rmtree", real)
    write([web("index.html", "<h1>Mới nữa</h1>")], output, ["web"])
    assert leftovers(output) == []


def test_a_write_with_nothing_to_move_makes_no_marker_nor_set_aside_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that changes nothing made a set-aside folder all the same (strace: a mkdir on a
    build of no changed file), and kept the output marked as being changed until it was gone."""
    output, cache = tmp_path / "output", tmp_path / ".cache"
    home = [web("index.html", "<h1>Trang chủ</h1>"), Artifact.text("zalo", "a.json", "{}")]
    write(home, output, ["web", "zalo"], cache=cache)
    made: list[str] = []
    real = tempfile.mkdtemp

    def mkdtemp(prefix: str, dir: Path) -> str:
        made.append(prefix)
        return real(prefix=prefix, dir=dir)

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    report = write(home, output, ["web", "zalo"], cache=cache)
    assert report.unchanged == {"web": 1, "zalo": 1} and not report.written
    assert [prefix.partition("-")[0] for prefix in made] == [".web.staging", ".zalo.staging"]
    assert leftovers(output) == []


def test_a_set_aside_folder_left_behind_is_no_interrupted_move(tmp_path: Path) -> None:
    """Windows keeps a folder whose file is held open (a preview streaming an old mp3, an
    antivirus): the set-aside folder outlived the write, and every later command said the
    output was mixed. Only the marker, gone as soon as the moves are done, says so."""
    output = tmp_path / "output"
    first_build(output)
    script = """
import shutil, sys
from pathlib import Path
from publish.model import Artifact
from publish.writer import write
real = shutil.rmtree
def held(path, ignore_errors=False):
    if Path(path).name.startswith(".retired-"):
        return  # a file in it is held open: the folder stays
    real(path, ignore_errors=ignore_errors)
shutil.rmtree = held
write([Artifact.text("web", "index.html", "<h1>Mới</h1>")], Path(sys.argv[1]), ["web"])
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(output)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    [aside] = leftovers(output)
    assert aside.startswith(".retired-")
    assert not interrupted(output)
    write([web("index.html", "<h1>Mới</h1>")], output, ["web"])
    assert leftovers(output) == []  # clutter, removed by the next write


def _ended_process() -> int:
    """The number of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_set_aside_files_are_deleted_after_the_preview_may_read_again(tmp_path: Path) -> None:
    # Deleting thousands of old files takes a while; the preview's pages wait for nothing but
    # the moves.
    output = tmp_path / "output"
    first_build(output)
    seen: list[list[str]] = []

    @contextlib.contextmanager
    def swapping() -> Iterator[None]:
        yield
        seen.append([n for n in leftovers(output) if n.startswith(".retired-")])

    write([web("index.html", "<h1>Mới</h1>")], output, ["web"], swapping=swapping())
    assert len(seen) == 1 and len(seen[0]) == 1  # still there when the lock was let go
    assert leftovers(output) == []


def test_a_write_that_changed_a_channel_folder_leaves_its_mark_for_the_preview(
    tmp_path: Path,
) -> None:
    """`publish serve` reads the mark to notice a build in another terminal: only a write that
    changed the folder leaves a new one, so a build that changes nothing reloads no page."""
    output, cache = tmp_path / "output", tmp_path / ".cache"
    home = [web("index.html", "<h1>Trang chủ</h1>"), Artifact.text("zalo", "a.json", "{}")]
    write(home, output, ["web", "zalo"], cache=cache, by="sync")
    first = output_stamp.read(cache, output, "web")
    assert first is not None and (first.pid, first.command) == (os.getpid(), "sync")
    write(home, output, ["web", "zalo"], cache=cache)
    assert output_stamp.read(cache, output, "web") == first
    write([*home[1:], web("index.html", "<h1>Mới</h1>")], output, ["web", "zalo"], cache=cache)
    second = output_stamp.read(cache, output, "web")
    assert second is not None and second != first and second.command == "build"
    assert output_stamp.read(cache, tmp_path / "other", "web") is None


def test_files_taken_away_are_told_while_they_can_still_be_read(tmp_path: Path) -> None:
    """`publish serve` keeps the images a rebuild takes away for a page loaded just before:
    each withdrawn or replaced file is named with where it was set aside, readable then."""
    output = tmp_path / "output"
    first_build(output)
    told: dict[str, bytes] = {}

    def retired(live: Path, held: str) -> None:
        told[live.relative_to(output.resolve()).as_posix()] = Path(held).read_bytes()

    write(
        [web("index.html", "<h1>Mới</h1>"), web("2020/12/a/index.html", "Bản tin A")],
        output,
        ["web"],
        retired=retired,
    )
    assert told == {
        "web/index.html": "<h1>Trang chủ</h1>".encode(),
        "web/2020/12/b/index.html": "Bản tin B".encode(),
    }
    assert leftovers(output) == []


def test_files_just_written_are_trusted_once_their_tick_has_passed_not_a_tick_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer waits for the timestamp tick of the files it just wrote to pass before it
    records their stat (a change within the tick would keep the mtime): from when the newest
    was written, not a whole tick more from when it looks (every build waited 20 ms so)."""
    import hashlib
    import types

    from publish import writer
    from publish.ledger import stat_entry

    page = tmp_path / "index.html"
    page.write_bytes(b"<p>Trang</p>")
    entry = stat_entry(page, hashlib.sha256(b"<p>Trang</p>").hexdigest())
    assert entry is not None
    waited: list[float] = []
    looked = entry[1] + 5_000_000  # the writer looks 5 ms after the file was written
    clock = types.SimpleNamespace(time_ns=lambda: looked, sleep=waited.append)
    monkeypatch.setattr(writer, "time", clock)
    entries = {"index.html": entry}
    writer._settle(tmp_path, entries)
    assert waited == [(writer.TICK_NS - 5_000_000) / 1e9]
    assert entries == {"index.html": entry}  # unchanged since: its stat is trusted
    page.write_bytes(
        "<p>Trang đã sửa</p>".encode()
    )  # changed within the tick: checked, then dropped
    writer._settle(tmp_path, entries)
    assert entries == {}


def _mixed(output: Path, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    """A write of web/ and zalo/ whose move of `failing` into place fails and whose moves before
    it cannot be put back: its marker stays, as a kill mid-move leaves it."""
    real = os.replace

    def moving(source: str | Path, target: str | Path) -> None:
        if str(target).endswith(failing) and ".staging-" in str(source):
            raise OSError(errno.EIO, "Input/output error", str(target))
        return real(source, target)

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", moving)
        patched.setattr("publish.writer._Moves.undo", lambda _: [OSError(errno.EIO, "EIO")])
        with pytest.raises(PublishError, match="một phần tệp đã được thay"):
            write(
                [web("index.html", "<h1>Mới</h1>"), Artifact.text("zalo", "a.json", "{}")],
                output,
                ["web", "zalo"],
            )
    assert interrupted(output)


def test_a_write_of_some_channels_keeps_the_marker_of_one_that_moved_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 76 review: a write that settled dropped every earlier marker, so after a full
    build cut off mid-move, `build --channel web` said output/ was whole while zalo/ or radio/
    could still mix new files with old. A marker goes once every channel its write moved files
    into has been written again, by one write or several."""
    output = tmp_path / "output"
    first_build(output)
    _mixed(output, monkeypatch, "a.json")  # web/ moved, zalo/'s old a.json set aside
    write([web("index.html", "<h1>Mới nữa</h1>")], output, ["web"])
    assert interrupted(output)  # zalo/ is not written yet
    write([Artifact.text("zalo", "a.json", "{}")], output, ["zalo"])
    assert not interrupted(output)


def test_a_write_of_the_channel_a_cut_off_write_moved_into_clears_its_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cut off during web/'s moves, a write of web/ and zalo/ left zalo/ as it was: a write of
    web/ alone makes the output whole."""
    output = tmp_path / "output"
    first_build(output)
    _mixed(output, monkeypatch, "index.html")
    write([web("index.html", "<h1>Mới nữa</h1>")], output, ["web"])
    assert not interrupted(output)
