"""A build with nothing changed since the last one replays it: same report, no file touched.

Anything the output depends on (a bulletin, a template, site.toml, the options, the output
folder, the clock passing an embargo) makes it a real build again, whose output equals a clean one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import importlib.metadata
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from publish import replay
from publish.cache import fingerprint, runtime
from publish.cli import main
from publish.model import Site
from publish.sync.base import Rewrite
from publish.text import vn_date
from tests.web_fixture import NOW, SITE

REPO = Path(__file__).resolve().parents[1]
REPLAYED = "Không có gì thay đổi kể từ lần dựng trước"
WHY_NOT = "Không dùng lại lần dựng trước: "


def why_not(out: str) -> str:
    """The reason `--timings` gave for a real build, without the preamble (the line must be
    there once, before the table)."""
    lines = [line for line in out.splitlines() if line.startswith(WHY_NOT)]
    assert len(lines) == 1, out
    return lines[0].removeprefix(WHY_NOT)


@pytest.fixture(autouse=True)
def no_racy_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds here follow file edits within milliseconds; each build is far longer than a tick."""
    monkeypatch.setattr(replay, "RACY_SECONDS", 0.0)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the fixture site."""
    target = tmp_path / "site"
    shutil.copytree(SITE, target)
    return target


def build(root: Path, *extra: str, now: dt.datetime = NOW) -> int:
    """`publish build` in this process."""
    return main(["build", "--root", str(root), "--now", now.isoformat(), *extra])


def files(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every output file: bytes, inode, mtime."""
    found = {}
    for path in sorted((root / "output").rglob("*")):
        if path.is_file():
            st = path.stat()
            found[path.relative_to(root).as_posix()] = (
                path.read_bytes(),
                st.st_ino,
                st.st_mtime_ns,
            )
    return found


@contextlib.contextmanager
def reads() -> Iterator[list[str]]:
    """The names of the files the content loader reads (`read_raw`) within the block."""
    from publish import content

    read: list[str] = []
    original = content.read_raw

    def recording(path, collector, content_dir=None, **kwargs):  # type: ignore[no-untyped-def]
        read.append(Path(path).name)
        return original(path, collector, content_dir, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(content, "read_raw", recording)
        yield read


def sources(folder: Path) -> tuple[tuple[str, int, int, str], ...]:
    """Every entry under `folder`: its path, mode, mtime and (for a file) its bytes' digest."""
    found = []
    for path in sorted(folder.rglob("*")):
        st = path.lstat()
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        digest = hashlib.sha256(data).hexdigest()
        found.append((path.relative_to(folder).as_posix(), st.st_mode, st.st_mtime_ns, digest))
    return tuple(found)


CLEAN_BUILDS: dict[tuple[object, ...], dict[str, bytes]] = {}
"""Clean builds already made in this process, by all they are made from: a dozen tests compare
with the clean build of the unchanged fixture site, ~0.3 s of CPU each (no test of this module
changes the product's code before it asks for one: only RACY_SECONDS and spies)."""


def clean(root: Path, tmp_path: Path, *extra: str, now: dt.datetime = NOW) -> dict[str, bytes]:
    """The output of a cold build of the same project.

    Built in this process alone (PUBLISH_WORKERS=1): the reference needs no pool, whose forks
    of the test process cost more than the build's pages, and a build made on every core still
    has to equal it."""
    copy = tmp_path / "clean"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".cache", "output"))
    environment = sorted((k, v) for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST")
    key = (sources(copy), extra, now.isoformat(), tuple(environment))
    if key not in CLEAN_BUILDS:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("PUBLISH_WORKERS", "1")
            assert build(copy, "-q", *extra, now=now) == 0
        CLEAN_BUILDS[key] = {k: v[0] for k, v in files(copy).items()}
    return CLEAN_BUILDS[key]


def test_a_second_build_replays_the_first_and_touches_nothing(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build(root) == 0
    first = capsys.readouterr()
    before = files(root)
    assert build(root) == 0
    second = capsys.readouterr()
    assert REPLAYED in second.out and REPLAYED not in first.out
    assert files(root) == before
    # The same exclusions and warnings as the real build, so CI logs read the same.
    assert second.err == first.err
    skipped = [line for line in first.out.splitlines() if line.startswith("Bỏ qua")]
    assert skipped and skipped == [x for x in second.out.splitlines() if x.startswith("Bỏ qua")]


def test_a_replayed_build_loads_no_content_loader_or_renderer(root: Path) -> None:
    """The content loader, the front matter validators with their YAML parser, and the renderers
    cost a build that replays the last one ~0.1 s of module loading (a third of its CPU at
    1,000 bulletins), `--now` included: it uses none of them."""
    argv = ["build", "--root", str(root), "--now", NOW.isoformat(), "--channel", "web"]
    assert main(argv) == 0
    script = f"import sys; from publish.cli import main; code = main({argv!r}); " + (
        "print(code, *sorted(sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    )
    code, *modules = done.stdout.split("\n")[-2].split()
    assert code == "0" and REPLAYED in done.stdout
    unwanted = ["publish.pipeline", "publish.content", "publish.fields", "publish.pii", "yaml"]
    unwanted += ["publish.render.web", "jinja2", "markdown"]
    assert [name for name in unwanted if name in modules] == [], done.stdout


def test_a_replay_with_no_file_to_hash_loads_no_pool_or_package_metadata(
    root: Path, tmp_path: Path
) -> None:
    """A no-op build whose inputs all keep their stats hashes nothing and finds every library's
    version in its folder's name: the process pool (multiprocessing, subprocess, socket…) and
    importlib.metadata (email, zipfile, csv…) were ~35 ms of its CPU at 1,000 bulletins;
    `--timings` (as the benchmark builds) prints the number of processes without the pool."""
    time.sleep(replay.RACY_SECONDS + 0.1)  # the copied files' stats are old enough to trust
    argv = ["build", "--root", str(root), "--now", NOW.isoformat(), "--channel", "web"]
    argv.append("--timings")
    assert main(argv) == 0
    script = f"import sys; from publish.cli import main; code = main({argv!r}); " + (
        "print(code, *sorted(sys.modules)); "
        "print(any(n.endswith(('.egg-info', '.egg')) for f in sys.path if os.path.isdir(f or '.') "
        "for n in os.listdir(f or '.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", "import os; " + script],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,  # not the repository, whose publish.egg-info is read with importlib.metadata
    )
    *_, line, eggs = done.stdout.splitlines()
    code, *modules = line.split()
    assert code == "0" and REPLAYED in done.stdout
    unwanted = ["publish.parallel", "multiprocessing", "uuid"]
    unwanted += ["importlib.metadata"] if eggs == "False" else []
    assert [name for name in unwanted if name in modules] == [], done.stdout


def test_a_build_after_one_edit_loads_no_imaging_module(root: Path, tmp_path: Path) -> None:
    """A rebuild after one edit takes every image from what the last build remembered and opens
    none: importing Pillow's Image and ImageOps was ~11 ms of its CPU for nothing."""
    time.sleep(replay.RACY_SECONDS + 0.1)  # the images' stats are old enough to remember
    argv = ["build", "--root", str(root), "--now", NOW.isoformat(), "--channel", "web"]
    assert main(argv) == 0
    assert list((root / "output" / "web" / "anh").glob("*.jpg"))  # the site has images
    post = root / "content" / "bai-viet" / "2024-01-15-canh-bao-gia-danh-cong-an.md"
    post.write_text(post.read_text("utf-8") + "\nCập nhật.\n", "utf-8")
    script = f"import sys; from publish.cli import main; code = main({argv!r}); " + (
        "print(code, *sorted(sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    code, *modules = done.stdout.splitlines()[-1].split()
    assert code == "0" and REPLAYED not in done.stdout
    assert [name for name in ("PIL.Image", "PIL.ImageOps") if name in modules] == [], done.stdout
    # Nor the radio syncer, to learn that a project without state/radio.json sent none (~75 ms).
    assert not (root / "state" / "radio.json").exists()
    assert "publish.sync.radio" not in modules


POST = "content/bai-viet/2024-01-15-canh-bao-gia-danh-cong-an.md"
"""The first bulletin of the fixture site, which the changes below edit."""
NO_STAMP = (
    "không có dấu của lần dựng thành công trước (.cache/last-build.pickle: lần dựng đầu, "
    ".cache/ đã bị xóa, hoặc lần trước lỗi hay bị dừng)."
)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("edit-bulletin", f"{POST} đã đổi."),
        ("same-size-edit-with-old-mtime", f"{POST} đã đổi."),
        ("new-bulletin", "có tệp mới: content/bai-viet/2024-03-20-ban-tin-moi.md."),
        ("bulletin-deleted", f"tệp đã xóa hoặc đổi tên: {POST}."),
        ("template", "có tệp mới: templates/"),
        ("site-toml", "site.toml đã đổi."),
        ("output-hand-edit", "output/web/"),
        ("output-deleted", "output/web/"),
        ("output-folder-deleted", "thư mục output/ đã bị xóa sau lần dựng trước."),
        ("web-folder-deleted", "thư mục output/web/ đã bị xóa sau lần dựng trước."),
        ("cache-deleted", NO_STAMP),
    ],
)
def test_any_change_makes_a_real_build_equal_to_a_clean_one(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], change: str, reason: str
) -> None:
    """…and `--timings` says which change it was (a build slower than expected is one)."""
    assert build(root, "-q") == 0
    post = sorted((root / "content" / "bai-viet").glob("*.md"))[0]
    assert post == root / POST
    if change == "edit-bulletin":
        post.write_text(post.read_text("utf-8") + "\nĐoạn bổ sung.\n", encoding="utf-8")
    elif change == "same-size-edit-with-old-mtime":
        st = post.stat()
        text = post.read_text("utf-8")
        post.write_text(text.replace("1. Gọi điện", "9. Gọi điện"), encoding="utf-8")
        os.utime(post, ns=(st.st_atime_ns, st.st_mtime_ns))  # only ctime tells
        assert post.stat().st_size == st.st_size
    elif change == "new-bulletin":
        shutil.copy(post, post.with_name("2024-03-20-ban-tin-moi.md"))
        text = post.with_name("2024-03-20-ban-tin-moi.md").read_text("utf-8")
        new = text.replace('id: "tpd-2024-01-gia-danh"', 'id: "tpd-2024-03-moi"')
        post.with_name("2024-03-20-ban-tin-moi.md").write_text(new, encoding="utf-8")
    elif change == "bulletin-deleted":
        post.unlink()
    elif change == "template":
        base = root / "templates" / "web" / "base.html"
        if not base.exists():
            shutil.copytree(Path(replay.__file__).parents[1] / "templates", root / "templates")
        base.write_text(base.read_text("utf-8").replace("</body>", "<!-- mới --></body>"), "utf-8")
    elif change == "site-toml":
        toml = root / "site.toml"
        toml.write_text(toml.read_text("utf-8") + "\n# ghi chú\n", encoding="utf-8")
    elif change == "output-hand-edit":
        page = sorted((root / "output" / "web").rglob("index.html"))[0]
        page.write_text("sửa tay", encoding="utf-8")
        reason = f"{page.relative_to(root).as_posix()} đã bị thêm, xóa hoặc sửa sau lần dựng trước."
    elif change == "output-deleted":
        page = sorted((root / "output" / "web").rglob("index.html"))[-1]
        page.unlink()
        reason = f"{page.relative_to(root).as_posix()} đã bị thêm, xóa hoặc sửa sau lần dựng trước."
    elif change == "output-folder-deleted":  # named one page of thousands (QA, session 75)
        shutil.rmtree(root / "output")
    elif change == "web-folder-deleted":
        shutil.rmtree(root / "output" / "web")
    elif change == "cache-deleted":
        shutil.rmtree(root / ".cache")
    assert build(root, "--timings") == 0
    out = capsys.readouterr().out
    assert REPLAYED not in out
    assert why_not(out).startswith(reason) and (reason.endswith("/") or why_not(out) == reason)
    assert {k: v[0] for k, v in files(root).items()} == clean(root, tmp_path)


def test_an_embargo_ending_is_not_replayed_over(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = sorted((root / "content" / "bai-viet").glob("*.md"))[0]
    later = NOW + dt.timedelta(days=1)
    scheduled = post.with_name("2024-04-02-hen-gio.md")
    text = post.read_text("utf-8").replace('id: "tpd-2024-01-gia-danh"', 'id: "tpd-hen-gio"')
    scheduled.write_text(text.replace("date: 2024-01-15 08:00", f"date: {later:%Y-%m-%d %H:%M}"))
    web = ("--channel", "web")  # no radio air time passes in between
    assert build(root, "-q", *web) == 0
    assert build(root, *web, now=NOW + dt.timedelta(hours=1)) == 0  # still before: replayed
    assert REPLAYED in capsys.readouterr().out
    after = later + dt.timedelta(minutes=1)
    assert build(root, "--timings", *web, now=after) == 0
    out = capsys.readouterr().out
    assert REPLAYED not in out
    assert why_not(out) == (
        "giờ dựng đã qua giờ đăng của content/bai-viet/2024-04-02-hen-gio.md "
        f"({later:%H:%M}, {vn_date(later)}), thời điểm lần dựng trước chưa tới."
    )
    assert any(b"tpd-hen-gio" in data or b"hen-gio" in data for data, _, _ in files(root).values())
    assert {k: v[0] for k, v in files(root).items()} == clean(root, tmp_path, *web, now=after)
    assert build(root, "--timings", *web, now=NOW) == 0  # and back before it: built again
    assert why_not(capsys.readouterr().out) == (
        f"giờ dựng ({NOW:%H:%M}, {vn_date(NOW)}) sớm hơn giờ đăng của "
        f"content/bai-viet/2024-04-02-hen-gio.md ({later:%H:%M}, {vn_date(later)}), thời điểm "
        "lần dựng trước đã qua."
    )


def test_a_pin_ending_is_not_replayed_over_and_rebuilds_the_home_page_alone(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The home page's pinned block empties at the pin's end with no file changed: the build
    after it is a real one, equal to a clean build, that rewrites the home page and no other."""
    post = root / "content" / "bai-viet" / "2024-01-15-canh-bao-gia-danh-cong-an.md"
    end = NOW + dt.timedelta(hours=2)
    post.write_text(
        post.read_text("utf-8").replace("\ndate: ", f"\npinned: {end:%Y-%m-%d %H:%M}\ndate: ", 1),
        "utf-8",
    )
    web = ("--channel", "web")
    assert build(root, "-q", *web) == 0
    assert 'class="pinned"' in (root / "output/web/index.html").read_text("utf-8")
    assert build(root, *web, now=NOW + dt.timedelta(hours=1)) == 0  # still pinned: replayed
    assert REPLAYED in capsys.readouterr().out
    before = files(root)
    after = end + dt.timedelta(minutes=1)
    assert build(root, "--timings", *web, now=after) == 0
    assert why_not(capsys.readouterr().out) == (
        "giờ dựng đã qua giờ hết ghim (pinned) của content/bai-viet/"
        f"2024-01-15-canh-bao-gia-danh-cong-an.md ({end:%H:%M}, {vn_date(end)}), thời điểm "
        "lần dựng trước chưa tới."
    )
    now_built = files(root)
    assert 'class="pinned"' not in now_built["output/web/index.html"][0].decode("utf-8")
    assert {k: v[0] for k, v in now_built.items()} == clean(root, tmp_path, *web, now=after)
    rewritten = [k for k in now_built if k in before and now_built[k][1:] != before[k][1:]]
    assert rewritten == ["output/web/index.html"]


@pytest.mark.parametrize("change", ["options", "tool"])
def test_a_build_with_other_options_or_tool_reads_only_the_files_changed_since_the_last(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """A stamp made with other options (`--channel web`, as `publish serve` builds) or by
    another version of the tool cannot be replayed, but its digests still hold for the files
    whose stat is unchanged: the whole build that follows reads only the edited bulletin."""

    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    assert build(root, "-q", *(["--channel", "web"] if change == "options" else [])) == 0
    if change == "tool":
        monkeypatch.setattr(replay, "tool_digest", lambda: "một bản khác của công cụ")
    hashed: list[str] = []
    hash_all = replay._hash_all

    def hashing(paths: list[str]) -> list[str | None]:
        hashed.extend(Path(p).name for p in paths)
        return hash_all(paths)

    monkeypatch.setattr(replay, "_hash_all", hashing)
    edited = sorted((root / "content" / "bai-viet").glob("*.md"))[1]
    edited.write_text(edited.read_text("utf-8") + "\nCập nhật.\n", "utf-8")
    with reads() as read:
        assert build(root, "-q") == 0
    bulletins = {p.name for p in (root / "content" / "bai-viet").glob("*.md")}
    assert {p for p in read + hashed if p in bulletins} == {edited.name}
    assert {k: v[0] for k, v in files(root).items()} == clean(root, tmp_path, "-q")


def test_other_options_are_not_replayed(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build(root, "-q") == 0
    assert build(root, "--channel", "web", "--timings") == 0
    out = capsys.readouterr().out
    assert REPLAYED not in out
    assert why_not(out) == "lần trước dựng kênh web, zalo, radio, lần này web."
    assert build(root, "--channel", "web", "--strict", "--timings") == 0
    assert why_not(capsys.readouterr().out) == "lần trước không có --strict."
    assert build(root, "--channel", "web", "--output", "khac", "--timings") == 0
    assert why_not(capsys.readouterr().out).startswith("thư mục đầu ra khác lần trước (")
    assert build(root, "--drafts") == 0
    assert REPLAYED not in capsys.readouterr().out


def preview_files(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file of the drafts preview (.cache/preview/web): bytes, inode, mtime."""
    folder = root / ".cache" / "preview"
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_preview_and_a_published_build_each_replay_their_own(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An editor alternating `build --drafts` and `build` with nothing changed: each replays
    its own last build (one stamp for both made every one of them a real build)."""
    assert build(root, "-q") == 0
    assert build(root, "--drafts", "-q") == 0
    published, preview = files(root), preview_files(root)
    assert build(root) == 0
    assert REPLAYED in capsys.readouterr().out
    assert build(root, "--drafts") == 0
    assert REPLAYED in capsys.readouterr().out
    assert files(root) == published and preview_files(root) == preview
    assert {k: v[0] for k, v in published.items()} == clean(root, tmp_path)
    copy = tmp_path / "clean"
    shutil.rmtree(copy)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".cache", "output"))
    assert build(copy, "--drafts", "-q") == 0
    assert {k: v[0] for k, v in preview.items()} == {
        k: v[0] for k, v in preview_files(copy).items()
    }


def test_racy_inputs_are_compared_by_their_bytes(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed moments before the build may change again unseen by its stat: the stamp
    keeps no stat for it, so the next build compares its bytes (and still replays if equal)."""
    monkeypatch.setattr(replay, "RACY_SECONDS", 3600.0)
    assert build(root, "-q") == 0
    stamp = pickle.loads((root / ".cache" / replay.STAMP).read_bytes())
    own = [st for name, (st, _) in stamp.inputs.items() if not os.path.isabs(name)]
    assert own and all(st is None for st in own)
    assert build(root) == 0
    assert REPLAYED in capsys.readouterr().out
    post = sorted((root / "content" / "bai-viet").glob("*.md"))[0]
    post.write_text(post.read_text("utf-8").replace("1. Gọi điện", "9. Gọi điện"), "utf-8")
    assert build(root) == 0
    assert REPLAYED not in capsys.readouterr().out


def test_a_fresh_checkout_with_restored_output_still_replays(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI clones the sources again and restores .cache/ and output/: every stat differs, the
    bytes do not, so the build is replayed after comparing digests, then stats are trusted again."""
    assert build(root, "-q") == 0
    before = {k: v[0] for k, v in files(root).items()}
    for folder in (root / "content", root / "output"):
        for path in [p for p in folder.rglob("*") if p.is_file()]:
            copy = path.with_name(path.name + ".tmp")
            shutil.copy2(path, copy)  # same bytes and mtime, new inode and ctime
            os.replace(copy, path)
    assert build(root) == 0
    assert REPLAYED in capsys.readouterr().out
    assert {k: v[0] for k, v in files(root).items()} == before

    def unread(path: str) -> str:
        raise AssertionError(f"{path} was read although its new stat was recorded")

    monkeypatch.setattr(replay, "file_sha256", unread)
    assert build(root) == 0
    assert REPLAYED in capsys.readouterr().out


def test_a_sync_after_a_build_replays_it_and_still_delivers(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """CI's `publish sync` after nothing changed loads the content but renders and writes nothing."""
    from publish import pipeline

    share = tmp_path / "dai"
    share.mkdir()
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(share))
    # The radio sync copies only episodes still to air: this one airs the Saturday after NOW.
    post = root / "content" / "bai-viet" / "2024-03-05-canh-bao-lua-dao-viec-nhe.md"
    text = post.read_text("utf-8").replace("\n---\n", "\nradio: {air_date: 2024-04-06}\n---\n", 1)
    post.write_text(text, encoding="utf-8")
    assert build(root, "-q") == 0
    before = files(root)

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("the build was not replayed")

    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "build", no_build)  # imported by the sync when it builds
        assert main(["sync", "radio", "--root", str(root), "--now", NOW.isoformat()]) == 0
    assert files(root) == before
    delivered = {p.relative_to(share).as_posix() for p in share.rglob("*") if p.is_file()}
    upcoming = {
        p.relative_to(root / "output" / "radio").as_posix()
        for p in (root / "output" / "radio" / "2024-W14").rglob("*")
        if p.is_file()
    }
    guide = "DOC-TRUOC.txt"  # the staff's guide to the folder, written by the sync itself
    assert upcoming and delivered == upcoming | {"items/canh-bao-lua-dao-viec-nhe.txt", guide}
    # After an edit, the sync builds for real and delivers the change.
    post.write_text(post.read_text("utf-8") + "\nĐoạn bổ sung cho đài.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["sync", "radio", "--root", str(root), "--now", NOW.isoformat(), "--timings"]) == 0
    assert any("Đoạn bổ sung cho đài" in p.read_text("utf-8") for p in share.rglob("*.txt"))
    assert why_not(capsys.readouterr().out) == f"{post.relative_to(root).as_posix()} đã đổi."


def sync_radio(root: Path, now: dt.datetime = NOW) -> int:
    """`publish sync radio` in this process."""
    return main(["sync", "radio", "--root", str(root), "--now", now.isoformat()])


def replayed_site(root: Path, now: dt.datetime) -> Site | None:
    """What a sync replaying the last build at `now` would take as its site (None: load it)."""
    from publish import config as config_module
    from publish.config import CHANNELS

    last = replay.LastBuild(config_module.load(root), root / "output", (CHANNELS, False, False))
    assert last.replay(now, CHANNELS) is not None
    return last.replayed_site(now)


def test_a_sync_replaying_a_build_loads_the_content_once_for_every_later_sync(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The no-op sync CI runs on a schedule loaded 10,000 bulletins each time (~40 % of its
    2 s); the site the first one loads is kept with the build's stamp and is what loading gives."""
    from publish import content
    from publish.content import load_site

    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(tmp_path / "dai"))
    (tmp_path / "dai").mkdir()
    assert build(root, "-q") == 0
    assert sync_radio(root) == 0
    later = NOW + dt.timedelta(minutes=30)
    kept = replayed_site(root, later)
    assert kept is not None
    assert kept == load_site(kept.config, now=later)

    def no_load(*args: object, **kwargs: object) -> None:
        raise AssertionError("the content was loaded again")

    with monkeypatch.context() as patched:
        patched.setattr(content, "load_site", no_load)  # imported by the sync when it loads
        assert sync_radio(root, later) == 0


def test_the_first_sync_after_a_build_reads_no_bulletin_again(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sync that replays a build loads the content with that build's digests: every
    bulletin comes off the cache's shelf unread, and the site is the one a load gives."""
    from publish import content

    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(tmp_path / "dai"))
    (tmp_path / "dai").mkdir()
    assert build(root, "-q") == 0
    assert sync_radio(root) == 0
    assert build(root, "-q", "--channel", "web") == 0  # another stamp: the next sync loads
    assert build(root, "-q") == 0
    with reads() as read:
        assert sync_radio(root) == 0
    bulletins = {p.name for p in (root / "content" / "bai-viet").glob("*.md")}
    assert bulletins and not bulletins & set(read)
    _, kept = pickle.loads((root / ".cache" / replay.SITE).read_bytes())
    assert kept == content.load_site(kept.config, now=NOW)


def test_a_kept_site_is_never_taken_for_another_build(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same files but an embargo lifted, or an edited bulletin: the site kept for the old
    stamp would give the old answers, so the sync loads the content again."""
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(tmp_path / "dai"))
    (tmp_path / "dai").mkdir()
    post = sorted((root / "content" / "bai-viet").glob("*.md"))[0]
    later = NOW + dt.timedelta(days=1)
    scheduled = post.with_name("2024-04-02-hen-gio.md")
    text = post.read_text("utf-8").replace('id: "tpd-2024-01-gia-danh"', 'id: "tpd-hen-gio"')
    scheduled.write_text(text.replace("date: 2024-01-15 08:00", f"date: {later:%Y-%m-%d %H:%M}"))
    assert build(root, "-q") == 0
    assert sync_radio(root) == 0
    kept = replayed_site(root, NOW)
    assert kept is not None and "tpd-hen-gio" not in {b.key for b in kept.bulletins}
    after = later + dt.timedelta(minutes=1)
    assert build(root, "-q", now=after) == 0  # a real build: the embargo has lifted
    assert replayed_site(root, after) is None
    assert sync_radio(root, after) == 0
    _, kept = pickle.loads((root / ".cache" / replay.SITE).read_bytes())
    assert "tpd-hen-gio" in {b.key for b in kept.bulletins}
    post.write_text(post.read_text("utf-8").replace("1. Gọi điện", "9. Gọi điện"), "utf-8")
    assert build(root, "-q", now=after) == 0
    assert replayed_site(root, after) is None


def test_a_folder_link_that_loops_is_refused_without_hanging(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link of content/ into itself holds every bulletin: it is told like any linked folder
    holding bulletins (nothing is read through a link, and whoever made it expected otherwise;
    deleting it is the fix), each time, and the look into it enters no further link."""
    (root / "content" / "vong").symlink_to(root / "content", target_is_directory=True)
    for _ in range(2):
        assert build(root, "-q") == 1
        captured = capsys.readouterr()
        assert "content/vong: lỗi: thư mục là liên kết (symlink) tới" in captured.err
        assert "chỉ cần xóa liên kết" in captured.err
        assert REPLAYED not in captured.out
    (root / "content" / "vong").unlink()
    assert build(root, "-q") == 0
    assert build(root) == 0
    assert REPLAYED in capsys.readouterr().out


def test_a_real_build_reads_only_the_files_changed_since_the_last(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After one edit, the loader takes the other bulletins' digests from the last stamp (their
    stat unchanged) instead of reading them; the output still equals a clean build."""

    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    assert build(root, "-q") == 0
    edited = sorted((root / "content" / "bai-viet").glob("*.md"))[1]
    edited.write_text(edited.read_text("utf-8") + "\nCập nhật.\n", "utf-8")
    with reads() as read:
        assert build(root, "-q") == 0
    bulletins = [p for p in read if p.endswith(".md")]
    assert edited.name in bulletins
    others = {p.name for p in (root / "content" / "bai-viet").glob("*.md")} - {edited.name}
    assert others and not others & set(bulletins)
    assert {k: v[0] for k, v in files(root).items()} == clean(root, tmp_path, "-q")


def test_a_fresh_checkout_hashes_its_inputs_on_every_core_and_builds_as_clean(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In CI's fresh checkout no recorded stat matches: every input is read and hashed, in
    worker processes when there are enough of them; each digest is the file's, and the build
    after an edit equals a clean one."""
    from publish import parallel

    monkeypatch.setenv("PUBLISH_WORKERS", "2")
    folder = root / "content" / "bai-viet"
    template = sorted(folder.glob("*.md"))[0].read_text("utf-8")
    for n in range(parallel.MIN_JOBS):  # enough inputs for the workers to be used
        text = re.sub(r"(?m)^id: .*$", f"id: them-{n:03}\nslug: them-{n:03}", template, count=1)
        (folder / f"them-{n:03}.md").write_text(text, "utf-8")
    assert build(root, "-q") == 0
    for path in [p for p in (root / "content").rglob("*") if p.is_file()]:
        copy = path.with_name(path.name + ".tmp")
        shutil.copy2(path, copy)  # same bytes and mtime, new inode and ctime
        os.replace(copy, path)
    edited = sorted(folder.glob("*.md"))[1]
    edited.write_text(edited.read_text("utf-8") + "\nCập nhật.\n", "utf-8")
    hashed: list[int] = []
    digests: dict[str, str] = {}
    original_run, original_start = parallel.run_jobs, replay.LastBuild.start

    def counting(jobs, **kwargs):  # type: ignore[no-untyped-def]
        hashed.append(len(jobs))
        return original_run(jobs, **kwargs)

    def start(self) -> None:  # type: ignore[no-untyped-def]
        original_start(self)
        digests.update(self.digests)

    monkeypatch.setattr(parallel, "run_jobs", counting)  # replay imports it when it hashes
    monkeypatch.setattr(replay.LastBuild, "start", start)
    assert build(root, "-q") == 0
    inputs = [p for p in (root / "content").rglob("*") if p.is_file()]
    assert hashed and hashed[0] >= len(inputs) >= parallel.MIN_JOBS
    assert {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs}.items() <= (
        digests.items()
    )
    assert {k: v[0] for k, v in files(root).items()} == clean(root, tmp_path, "-q")


def test_a_fresh_checkout_after_an_edit_hashes_each_input_once(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The replay check, finding every stat changed, hashes all the inputs it cannot vouch for
    (not up to the first that differs), and the build that follows takes those digests
    instead of reading the files again."""
    monkeypatch.setenv("PUBLISH_WORKERS", "1")  # every hash in this process, where it is counted
    assert build(root, "-q") == 0
    inputs = [p for p in (root / "content").rglob("*") if p.is_file()]
    for path in inputs:
        copy = path.with_name(path.name + ".tmp")
        shutil.copy2(path, copy)  # same bytes and mtime, new inode and ctime
        os.replace(copy, path)
    edited = sorted((root / "content" / "bai-viet").glob("*.md"))[0]
    edited.write_text(edited.read_text("utf-8") + "\nCập nhật.\n", "utf-8")
    hashed: list[str] = []
    original = replay.file_sha256

    def counting(path):  # type: ignore[no-untyped-def]
        hashed.append(str(path))
        return original(path)

    monkeypatch.setattr(replay, "file_sha256", counting)
    assert build(root, "-q") == 0
    assert sorted(hashed) == sorted(map(str, inputs))


def test_the_tool_listed_twice_on_sys_path_still_replays(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from the project folder, `python -m publish` finds publish.egg-info there besides the
    installed tool: the same libraries, so the build made by `publish` elsewhere replays."""
    assert build(root) == 0
    capsys.readouterr()
    folder = tmp_path / "checkout"
    info = folder / "publish.egg-info"
    info.mkdir(parents=True)
    version = importlib.metadata.version("publish")
    (info / "PKG-INFO").write_text(f"Metadata-Version: 2.1\nName: publish\nVersion: {version}\n")
    monkeypatch.syspath_prepend(str(folder))
    assert build(root) == 0
    assert REPLAYED in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["dist-info", "egg-info"])
def test_a_library_upgraded_builds_again(
    root: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    """A wheel's version is read from its metadata folder's name (parsing every METADATA file
    cost each no-op build and sync ~0.05 s); one whose folder name tells none is still read."""
    folder = tmp_path / "thu-vien"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))

    def install(version: str) -> None:
        """Put version `version` of the library Thu_Vien on sys.path, in place of any other."""
        for old in folder.iterdir():
            shutil.rmtree(old)
        name = f"thu_vien-{version}.dist-info" if kind == "dist-info" else "Thu_Vien.egg-info"
        info = folder / name
        info.mkdir()
        meta = f"Metadata-Version: 2.1\nName: Thu_Vien\nVersion: {version}\n"
        (info / ("METADATA" if kind == "dist-info" else "PKG-INFO")).write_text(meta)

    install("1.0")
    assert build(root) == 0
    assert build(root) == 0
    assert REPLAYED in capsys.readouterr().out
    install("1.1")
    assert build(root, "--timings") == 0
    out = capsys.readouterr().out
    assert REPLAYED not in out
    assert why_not(out) == "thư viện Python đã đổi: thu-vien 1.1, gỡ thu-vien 1.0."
    assert build(root) == 0
    assert REPLAYED in capsys.readouterr().out


@pytest.mark.parametrize("own_theme", [False, True], ids=["built-in theme", "own templates"])
def test_a_project_moved_to_another_folder_rebuilds_only_what_an_edit_touches(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_theme: bool
) -> None:
    """A CI runner may check the project out under another folder in each job (GitLab's
    concurrent builds dirs) and restore .cache/ and output/ there: the edit must cost what it
    costs in place, not a re-validation of every bulletin and a render of every page."""
    from publish import content
    from publish.config import BUILTIN_THEME
    from publish.render.web import reuse

    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    if own_theme:
        shutil.copytree(BUILTIN_THEME, root / "templates")
    in_place = tmp_path / "in-place"
    shutil.copytree(root, in_place)
    loaded: list[str] = []
    rendered: list[bool] = []
    load_one, page_reuse = content._load_one, reuse.PageRecords.reuse

    def spy_load(path, config, **kwargs):  # type: ignore[no-untyped-def]
        loaded.append(Path(path).name)
        return load_one(path, config, **kwargs)

    def spy_reuse(self, key, ledger, verdict):  # type: ignore[no-untyped-def]
        found = page_reuse(self, key, ledger, verdict)
        rendered.append(found is None)
        return found

    def edit_and_build(project: Path) -> tuple[list[str], int]:
        edited = sorted((project / "content" / "bai-viet").glob("*.md"))[1]
        edited.write_text(edited.read_text("utf-8") + "\nCập nhật.\n", "utf-8")
        loaded.clear()
        rendered.clear()
        monkeypatch.setattr(content, "_load_one", spy_load)
        monkeypatch.setattr(reuse.PageRecords, "reuse", spy_reuse)
        assert build(project, "-q") == 0
        monkeypatch.setattr(content, "_load_one", load_one)
        monkeypatch.setattr(reuse.PageRecords, "reuse", page_reuse)
        return list(loaded), sum(rendered)

    for project in (root, in_place):
        assert build(project, "-q") == 0
    moved = tmp_path / "another" / "workspace"
    shutil.move(root, moved)
    expected = edit_and_build(in_place)
    assert expected[0] and expected[1] < len(rendered) / 2
    assert edit_and_build(moved) == expected
    assert {k: v[0] for k, v in files(moved).items()} == clean(moved, tmp_path, "-q")


def test_a_bulletin_passing_a_week_since_its_expiry_is_not_replayed_over(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # After a week an expired bulletin is counted, not named: a replay would name it again.
    post = sorted((root / "content" / "bai-viet").glob("*.md"))[0]
    expired = post.with_name("2024-03-01-het-han.md")
    text = post.read_text("utf-8").replace('id: "tpd-2024-01-gia-danh"', 'id: "tpd-het-han"')
    text = text.replace(
        "date: 2024-01-15 08:00", "date: 2024-01-15 08:00\nexpires: 2024-03-29 09:00"
    )
    expired.write_text(text, "utf-8")
    assert build(root, "--channel", "web", now=NOW) == 0
    assert "Bỏ qua content/bai-viet/2024-03-01-het-han.md" in capsys.readouterr().out
    later = NOW + dt.timedelta(days=5)  # 8 days after the expiry
    assert build(root, "--channel", "web", now=later) == 0
    second = capsys.readouterr().out
    assert "2024-03-01-het-han.md" not in second
    assert "Bỏ qua 1 bản tin đã hết hạn hơn 7 ngày (không liệt kê từng bài)" in second


@pytest.mark.parametrize("command", ["check", "sync", "replayed sync", "build", "replayed build"])
def test_every_command_counts_a_bulletin_a_week_past_its_expiry_at_the_same_moment(
    root: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # The line changes exactly 7 days after `expires`; a clock written in another timezone
    # names the same moment (09:00 in Hà Nội is 02:00Z).
    post = sorted((root / "content" / "bai-viet").glob("*.md"))[0]
    text = post.read_text("utf-8").replace('id: "tpd-2024-01-gia-danh"', 'id: "tpd-het-han"')
    text = text.replace(
        "date: 2024-01-15 08:00", "date: 2024-01-15 08:00\nexpires: 2024-03-25 09:00"
    )
    post.with_name("2024-03-01-het-han.md").write_text(text, "utf-8")
    named = "Bỏ qua content/bai-viet/2024-03-01-het-han.md"
    counted = "Bỏ qua 1 bản tin đã hết hạn hơn 7 ngày (không liệt kê từng bài)"
    boundary = dt.datetime(2024, 4, 1, 2, 0, tzinfo=dt.UTC)
    moments = [boundary - dt.timedelta(seconds=1), boundary, boundary + dt.timedelta(seconds=1)]
    words = {
        "check": ["check"],
        "sync": ["sync", "--dry-run", "web"],
        "replayed sync": ["sync", "web"],  # replays the sync before it, within the same span
    }.get(command, ["build"])
    seen = []
    for moment in moments:
        if command == "build":
            shutil.rmtree(root / "output", ignore_errors=True)
        capsys.readouterr()
        code = main([words[0], "--root", str(root), "--now", moment.isoformat(), *words[1:]])
        out = capsys.readouterr().out
        assert code == 0, out
        seen.append((named in out, counted in out))
        if command == "replayed build" and moment != moments[0]:
            assert (REPLAYED in out) == (moment > boundary)  # the boundary itself is rebuilt
    assert seen == [(True, False), (False, True), (False, True)]


def sync_web(root: Path, now: dt.datetime = NOW) -> int:
    """`publish sync web` in this process."""
    return main(["sync", "web", "--root", str(root), "--now", now.isoformat()])


@pytest.mark.parametrize("before", ["replayed", "new-bulletin", "slug-changed"])
def test_a_build_after_a_sync_that_recorded_addresses_replays(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], before: str
) -> None:
    """CI's first build or sync after a sync that recorded new addresses in state/web-urls.json
    built again (~3 s at 10,000 bulletins), though the file only gained the addresses that build
    gave its bulletins: nothing the build writes depends on those."""
    from publish.url_history import history_path, load_history

    post = root / "content" / "bai-viet" / "2024-01-15-canh-bao-gia-danh-cong-an.md"
    if before != "replayed":  # an earlier sync recorded the addresses; the sync below builds
        assert build(root, "-q") == 0
        assert sync_web(root) == 0
    assert build(root, "-q") == 0
    if before == "new-bulletin":
        added = post.with_name("2024-03-20-ban-tin-moi.md")
        text = post.read_text("utf-8").replace('id: "tpd-2024-01-gia-danh"', 'id: "tpd-moi"')
        added.write_text(text, encoding="utf-8")
    elif before == "slug-changed":  # the build redirects the recorded address to the new one
        text = post.read_text("utf-8").replace("\n---\n", "\nslug: dia-chi-moi\n---\n", 1)
        post.write_text(text, encoding="utf-8")
    recorded = load_history(history_path(root))
    assert sync_web(root) == 0
    assert load_history(history_path(root)) != recorded  # the sync recorded new addresses
    after_sync = files(root)
    capsys.readouterr()
    assert build(root) == 0
    assert REPLAYED in capsys.readouterr().out
    assert files(root) == after_sync  # not one file written
    assert {k: v[0] for k, v in after_sync.items()} == clean(root, tmp_path)
    if before == "slug-changed":
        assert "canh-bao-gia-danh-cong-an/index.html" in " ".join(after_sync)


def test_a_history_changed_by_another_hand_before_the_sync_records_is_built_again(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An old address brought into state/web-urls.json (a `git pull`) after the sync's build
    read the file, before the sync recorded its addresses: the next build must write the
    redirect page, not replay the build that never saw it."""
    import json

    from publish.commands import sync as sync_command
    from publish.url_history import history_path

    old = "/2023/12/dia-chi-cu/"
    record = sync_command.record_addresses

    def pulled_first(state: Path, site: Site) -> Rewrite:
        history_path(root).parent.mkdir(exist_ok=True)
        document = {"version": 1, "urls": {"tpd-2024-01-gia-danh": [old]}}
        history_path(root).write_text(json.dumps(document), encoding="utf-8")
        return record(state, site)

    assert build(root, "-q") == 0
    monkeypatch.setattr(sync_command, "record_addresses", pulled_first)
    assert sync_web(root) == 0
    monkeypatch.undo()
    capsys.readouterr()
    assert build(root) == 0
    assert REPLAYED not in capsys.readouterr().out
    assert (root / "output" / "web" / old.strip("/") / "index.html").is_file()
    assert {k: v[0] for k, v in files(root).items()} == clean(root, tmp_path)


def test_a_sync_replaying_a_build_whose_addresses_are_recorded_does_not_look_again(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading and checking 10,000 recorded addresses cost every no-op sync ~0.2 s: once a sync
    found the replayed build's addresses in the file, later ones replaying it skip that; a file
    changed since (an address removed by hand) is looked at again."""
    import json

    from publish.commands import sync as sync_command
    from publish.url_history import history_path, load_history

    assert build(root, "-q") == 0
    assert sync_web(root) == 0  # records the addresses
    recorded = load_history(history_path(root))
    record = sync_command.record_addresses

    def no_record(state: Path, site: Site) -> None:
        raise AssertionError("the addresses were looked at again")

    with monkeypatch.context() as patched:
        patched.setattr(sync_command, "record_addresses", no_record)
        assert sync_web(root) == 0
        assert sync_web(root) == 0
    key = sorted(recorded)[0]
    document = json.loads(history_path(root).read_bytes())
    del document["urls"][key]
    history_path(root).write_text(json.dumps(document), encoding="utf-8")
    looked: list[str] = []

    def recording(state: Path, site: Site) -> Rewrite:
        looked.append("x")
        return record(state, site)

    monkeypatch.setattr(sync_command, "record_addresses", recording)
    assert sync_web(root) == 0
    assert looked and load_history(history_path(root)) == recorded


BEFORE_AIR = dt.datetime(2024, 3, 9, 12, 0, tzinfo=NOW.tzinfo)
"""The Saturday of the fixture's last episode (2024-W10), five hours before it airs."""


def rates_file(root: Path) -> Path:
    """state/radio-rates.json of the project at `root`."""
    return root / "state" / "radio-rates.json"


def test_a_build_after_a_sync_that_recorded_read_rates_replays(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command after every `publish sync radio` that recorded the rates of an episode still
    to come built again (~3 s at 10,000 bulletins; CI syncs every hour): no build reads such a
    record before the episode airs, and the build's replay span ends at its air time."""
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(tmp_path / "dai"))
    (tmp_path / "dai").mkdir()
    assert build(root, "-q", now=BEFORE_AIR) == 0
    assert not rates_file(root).exists()
    assert sync_radio(root, BEFORE_AIR) == 0
    assert '"2024-W10"' in rates_file(root).read_text("utf-8")  # recorded by this sync
    after_sync = files(root)
    capsys.readouterr()
    assert build(root, now=BEFORE_AIR) == 0
    assert REPLAYED in capsys.readouterr().out
    assert files(root) == after_sync  # not one file written
    assert {k: v[0] for k, v in after_sync.items()} == clean(root, tmp_path, now=BEFORE_AIR)


def test_a_sync_that_drops_a_record_a_build_reads_makes_the_next_command_build(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync that forgets the oldest aired episode's record (more than AIRED_KEPT) changes the
    output: that episode is timed at today's rates again. The next command builds, as a clean
    build of the same project does."""
    import json

    from publish.radio_rates import AIRED_KEPT

    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(tmp_path / "dai"))
    (tmp_path / "dai").mkdir()
    aired = dt.datetime(2024, 1, 20, 17, 0, tzinfo=NOW.tzinfo)  # 2024-W03, laid out
    slow = {"air": aired.isoformat(), "rate_spm": 120, "readers": {"": 120}, "bulletins": []}
    episodes = {"2024-W03": slow}
    for day in range(1, AIRED_KEPT + 1):  # later aired records, of no episode laid out
        later = (aired + dt.timedelta(days=day)).isoformat()
        episodes[f"cu-{day:02d}"] = {"air": later, "rate_spm": 240, "readers": {}}
    rates_file(root).parent.mkdir(exist_ok=True)
    rates_file(root).write_text(json.dumps({"version": 1, "episodes": episodes}), "utf-8")
    assert build(root, "-q") == 0
    slow_rundown = (root / "output" / "radio" / "2024-W03" / "rundown.json").read_bytes()
    assert sync_radio(root) == 0
    assert '"2024-W03"' not in rates_file(root).read_text("utf-8")  # dropped by this sync
    capsys.readouterr()
    assert build(root) == 0
    assert REPLAYED not in capsys.readouterr().out
    now_built = {k: v[0] for k, v in files(root).items()}
    assert now_built["output/radio/2024-W03/rundown.json"] != slow_rundown
    assert now_built == clean(root, tmp_path)


def test_a_build_is_not_replayed_past_the_air_time_an_episode_was_synced_with(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Synced to air at 17:00, then [radio] air_time set to 07:00 that Saturday: at noon the
    episode is laid out at 07:00 (aired by the settings) with its synced rates; once 17:00
    has passed it aired as it was sent, at 17:00. The build replayed at noon's span, which ended
    only at the next 07:00 slot, kept the noon layout all afternoon."""
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(tmp_path / "dai"))
    (tmp_path / "dai").mkdir()
    assert build(root, "-q", now=BEFORE_AIR) == 0
    assert sync_radio(root, BEFORE_AIR) == 0
    config = root / "site.toml"
    config.write_text(config.read_text("utf-8") + '\n[radio]\nair_time = "07:00"\n', "utf-8")
    assert build(root, "-q", now=BEFORE_AIR) == 0
    rundown = root / "output" / "radio" / "2024-W10" / "rundown.json"
    assert '"air_start": "2024-03-09T07:00:00+07:00"' in rundown.read_text("utf-8")
    evening = BEFORE_AIR.replace(hour=17, minute=30)
    capsys.readouterr()
    assert build(root, now=evening) == 0
    assert REPLAYED not in capsys.readouterr().out
    assert '"air_start": "2024-03-09T17:00:00+07:00"' in rundown.read_text("utf-8")
    assert {k: v[0] for k, v in files(root).items()} == clean(root, tmp_path, now=evening)


@pytest.mark.parametrize("spelling", ["./", ".", "../site", "link"])
def test_a_build_replays_one_made_with_the_root_spelt_otherwise(
    root: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    spelling: str,
) -> None:
    """`publish build` in the project folder and `publish --root /abs/path build` (or a
    relative or linked spelling of the same folder) replay each other's build: an editor or a
    CI step switching between them would otherwise pay a full build every time."""
    assert build(root) == 0
    first = capsys.readouterr()
    before = files(root)
    (tmp_path / "link").symlink_to(root, target_is_directory=True)
    monkeypatch.chdir(tmp_path if spelling == "link" else root)
    assert build(Path(spelling)) == 0
    second = capsys.readouterr()
    assert REPLAYED in second.out
    assert files(root) == before
    assert second.err == first.err  # the same warnings, naming files as content/…
    monkeypatch.chdir(tmp_path)
    assert {k: v[0] for k, v in before.items()} == clean(root, tmp_path)


def test_a_build_before_a_corrections_date_is_not_replayed_over_one_after_it(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A correction dated after the clock is an error: a build with --now past it must not
    make a later build at an earlier clock replay it (and keep the correction on the site),
    nor a sync take the site kept for it."""
    from publish import config as config_module
    from publish.config import CHANNELS

    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(tmp_path / "dai"))
    (tmp_path / "dai").mkdir()
    post = root / "content" / "bai-viet" / "2024-02-20-tuan-tra-dem.md"
    text = post.read_text("utf-8").replace(
        "\n---\n",
        '\ncorrections:\n  - date: 2024-04-01 10:00\n    note: "Sửa tên ấp."\n---\n',
        1,
    )
    post.write_text(text, "utf-8")
    after = NOW + dt.timedelta(hours=2)  # before the radio's air time: nothing else between
    assert build(root, "-q", now=after) == 0
    assert sync_radio(root, after) == 0  # replays the build and keeps its site
    assert replayed_site(root, after) is not None
    last = replay.LastBuild(config_module.load(root), root / "output", (CHANNELS, False, False))
    assert last.replay(NOW, CHANNELS) is None
    capsys.readouterr()
    assert build(root, now=NOW) == 1
    err = capsys.readouterr().err
    assert "content/bai-viet/2024-02-20-tuan-tra-dem.md:9" in err
    assert "corrections.1.date" in err
    assert "sau thời điểm hiện tại (09:00 01/04/2024)" in err


def test_a_build_under_another_python_or_data_files_builds_again_and_says_so(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stamp made under another Python or Unicode version (a .cache/ CI restored from another
    job of a 3.11/3.12/3.13 matrix), or with other data files of the tool (a lexicon edited),
    is not replayed: its pages may differ. `--timings` says which."""
    assert build(root, "-q") == 0
    python, unicode, zlib = runtime()
    shown = f"{python[0]}.{python[1]}"
    fingerprint.cache_clear()
    try:
        with monkeypatch.context() as patched:
            patched.setattr(unicodedata, "unidata_version", "99.0.0")
            assert build(root, "--timings") == 0
    finally:
        fingerprint.cache_clear()
    out = capsys.readouterr().out
    assert REPLAYED not in out
    assert why_not(out) == (
        f"Python khác lần trước (Python {shown}, Unicode {unicode}, zlib {zlib} → Python "
        f"{shown}, Unicode 99.0.0, zlib {zlib})."
    )
    assert build(root, "-q") == 0  # made under this Python again
    monkeypatch.setattr(replay, "fingerprint", lambda: "các tệp dữ liệu khác")
    assert build(root, "--timings") == 0
    out = capsys.readouterr().out
    assert REPLAYED not in out
    assert why_not(out) == "tệp dữ liệu của công cụ (từ điển đọc, danh sách địa danh…) đã đổi."


def test_a_new_tool_or_a_damaged_stamp_builds_again_and_says_so(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each reason a build does not replay the last, not covered above, told by `--timings`."""
    assert build(root, "-q") == 0
    monkeypatch.setattr(replay, "tool_digest", lambda: "một bản khác của công cụ")
    assert build(root, "--timings") == 0
    out = capsys.readouterr().out
    assert REPLAYED not in out
    assert why_not(out) == "mã của công cụ publish đã đổi (cập nhật hoặc sửa mã)."
    (root / ".cache" / "last-build.pickle").write_bytes(b"hong")
    assert build(root, "--timings") == 0
    assert (
        why_not(capsys.readouterr().out)
        == "dấu của lần dựng trước (.cache/last-build.pickle) hỏng."
    )
    assert build(root, "--timings") == 0
    out = capsys.readouterr().out
    assert REPLAYED in out and WHY_NOT not in out


def test_a_failed_build_is_followed_by_a_real_one_that_says_why(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = root / POST
    assert build(root, "-q") == 0
    good = post.read_text("utf-8")
    post.write_text(good.replace("title:", "tieu_de:"), "utf-8")
    assert build(root, "-q") == 1
    post.write_text(good, "utf-8")
    assert build(root, "--timings") == 0
    assert why_not(capsys.readouterr().out) == NO_STAMP


def test_a_linked_folder_too_big_to_look_through_is_walked_only_so_far(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`content/o -> /usr` had every file under it stat'ed (and hashed) before the build
    refused the link: 51 s. The walk stops where publish.linked_folders stops looking."""
    from publish import config as config_module
    from publish import linked_folders
    from publish.config import CHANNELS

    monkeypatch.setattr(linked_folders, "MAX_ENTRIES_LOOKED_AT", 50)
    drive = tmp_path / "o"
    for folder in range(4):
        (drive / f"thu-muc-{folder}").mkdir(parents=True)
        for number in range(30):
            (drive / f"thu-muc-{folder}" / f"{number}.txt").write_text("x", "utf-8")
    assert build(root, "-q") == 0
    (root / "content" / "o").symlink_to(drive, target_is_directory=True)
    last = replay.LastBuild(config_module.load(root), root / "output", (CHANNELS, False, False))
    inputs = last._stat_inputs()
    assert "content/o" + os.sep in inputs  # the link itself is still in the stamp
    under = [
        name
        for name in inputs
        if name.startswith("content/o" + os.sep) and name != "content/o" + os.sep
    ]
    assert len(under) <= 50
    assert last.replay(NOW, CHANNELS) is None
    assert last.why_not == (
        "một thư mục liên kết (symlink) có quá nhiều mục để xem hết có thay đổi không"
    )


def test_a_build_with_a_linked_folder_walked_only_in_part_is_never_replayed(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Photos linked in, with a hidden folder of thumbnails the link check does not enter: the
    stamp could not hold every file under the link, so a photo changed past where the walk
    stopped must not be replayed over."""
    from publish import linked_folders

    monkeypatch.setattr(linked_folders, "MAX_ENTRIES_LOOKED_AT", 20)
    photos = tmp_path / "kho-anh"
    (photos / ".thumbs").mkdir(parents=True)
    for number in range(30):
        (photos / ".thumbs" / f"{number}.jpg").write_bytes(b"")
    (root / "content" / "kho").symlink_to(photos, target_is_directory=True)
    assert build(root, "-q") == 0
    capsys.readouterr()
    assert build(root) == 0
    assert REPLAYED not in capsys.readouterr().out


def test_a_published_list_changed_since_the_build_is_not_replayed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bulletin approved by name only is held until state/published.json names it (the
    default name_only_approvals = "published"): the list pulled from the machine that syncs
    names it, and the next build replayed the one that held it, publishing nothing."""
    from tests import test_name_only_approvals as name_only

    project = name_only.project(tmp_path)
    assert main(["build", "--root", str(project), "--now", name_only.NOW]) == 0
    assert name_only.written(project, name_only.NEW) == []
    record = {"version": 1, "bulletins": [name_only.LEGACY, name_only.NEW]}
    (project / "state/published.json").write_text(json.dumps(record), "utf-8")
    capsys.readouterr()
    argv = ["build", "--root", str(project), "--now", name_only.NOW, "--timings"]
    assert main(argv) == 0
    assert "state/published.json" in why_not(capsys.readouterr().out)
    assert name_only.written(project, name_only.NEW) != []


def zalo_record(project: Path, *keys: str) -> None:
    """state/zalo.json recording an article posted on the OA for each of `keys`."""
    records = {key: {"article_id": f"a-{key}", "status": "live"} for key in keys}
    document = {"version": 1, "channel": "zalo", "meta": {}, "entries": records}
    (project / "state/zalo.json").write_text(json.dumps(document), "utf-8")


def test_without_a_published_list_the_channels_records_are_not_replayed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A state/ written before published.json was: the Zalo and radio records tell which
    bulletins approved by name only were published, so a change to them builds again."""
    from tests import test_name_only_approvals as name_only

    project = name_only.project(tmp_path)
    (project / "state/published.json").unlink()
    zalo_record(project, name_only.LEGACY)
    assert main(["build", "--root", str(project), "--now", name_only.NOW]) == 0
    assert name_only.written(project, name_only.NEW) == []
    zalo_record(project, name_only.LEGACY, name_only.NEW)
    capsys.readouterr()
    argv = ["build", "--root", str(project), "--now", name_only.NOW, "--timings"]
    assert main(argv) == 0
    assert "state/zalo.json" in why_not(capsys.readouterr().out)
    assert name_only.written(project, name_only.NEW) != []


def test_with_a_published_list_a_posting_sync_leaves_the_build_replayable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once state/published.json exists the name-only gate reads only it
    (publish.name_only_record): the Zalo records a posting sync rewrites are no input."""
    from tests import test_name_only_approvals as name_only

    project = name_only.project(tmp_path)
    zalo_record(project, name_only.LEGACY)
    assert main(["build", "--root", str(project), "--now", name_only.NOW]) == 0
    zalo_record(project, name_only.LEGACY, name_only.NEW)
    capsys.readouterr()
    assert main(["build", "--root", str(project), "--now", name_only.NOW]) == 0
    assert REPLAYED in capsys.readouterr().out
    assert name_only.written(project, name_only.NEW) == []


def test_the_first_sync_writing_the_published_list_leaves_the_build_replayable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A state/ without published.json: the build read the channels' records. The sync that
    first writes the list vouches for it (the same output from it); the records, no input any
    more once it exists, left the stamp naming a file the next build did not look at, and that
    build was a real one («tệp đã xóa hoặc đổi tên: state/zalo.json»)."""
    from tests import test_name_only_approvals as name_only

    project = name_only.project(tmp_path)
    (project / "state/published.json").unlink()
    zalo_record(project, name_only.LEGACY)
    assert main(["build", "--root", str(project), "--now", name_only.NOW]) == 0
    assert main(["sync", "web", "--root", str(project), "--now", name_only.NOW]) == 0
    assert (project / "state/published.json").exists()
    capsys.readouterr()
    argv = ["build", "--root", str(project), "--now", name_only.NOW, "--timings"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert REPLAYED in out, why_not(out)


@contextlib.contextmanager
def refusing_removal(paths: set[str]) -> Iterator[None]:
    """Within the block, removing or replacing any of `paths` fails as for a file the user may
    not change (chattr +i, a file of a sudo run: root is let through, so it is simulated)."""
    unlink, rename = os.unlink, os.replace
    Where = str | os.PathLike[str]

    def refused(path: Where) -> None:
        if os.fspath(path) in paths:
            raise PermissionError(errno.EPERM, "Operation not permitted", os.fspath(path))

    def refusing_unlink(path: Where, **kwargs: int | None) -> None:
        refused(path)
        unlink(path, **kwargs)

    def refusing_replace(source: Where, target: Where, **kwargs: int | None) -> None:
        refused(target)
        rename(source, target, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "unlink", refusing_unlink)
        patch.setattr(os, "replace", refusing_replace)
        yield


def test_a_stamp_that_cannot_be_removed_stops_the_build_before_it_writes(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA, session 77: with the last stamp and the output's marks in .cache/ refusing removal,
    a build wrote the edited pages under the old stamp; once the bulletin was edited back, the
    next build replayed that stamp over them («Không có gì thay đổi», pages with the other
    text). Now the build refuses before writing anything."""
    assert build(root, "-q") == 0
    cache = root / ".cache"
    marks = set(map(os.fspath, cache.rglob("*.written")))
    assert marks  # with them rewritten, the replay was refused anyway
    before = files(root)
    post = root / POST
    original = post.read_text("utf-8")
    post.write_text(original.replace("1. Gọi điện", "9. Gọi điện"), "utf-8")
    with refusing_removal({os.fspath(cache / replay.STAMP), *marks}):
        assert build(root) == 1
    err = capsys.readouterr().err
    assert f"không xóa được dấu của lần dựng trước ({cache / replay.STAMP}: không được " in err
    assert f"Cách sửa: cho người dùng này quyền ghi {cache}/ " in err
    assert f"sudo chown -R $USER {cache}) hoặc xóa hẳn {cache}/" in err
    assert "Traceback" not in err
    assert files(root) == before
    post.write_text(original, "utf-8")
    assert build(root, "-q") == 0
    assert {k: v[0] for k, v in files(root).items()} == clean(root, tmp_path)


def test_a_cache_that_is_a_file_holds_no_stamp_to_remove(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`.cache` a plain file (ENOTDIR under it): no stamp can be there, and the build went on
    before session 77; the new removal refused it with «không xóa được dấu … dấu cũ còn đó»
    (review of session 77)."""
    (root / ".cache").write_text("x", "utf-8")
    code = build(root, "-q")
    err = capsys.readouterr().err
    assert "không xóa được dấu" not in err
    assert code == 0, err
    assert (root / "output" / "web" / "index.html").is_file()


def test_a_build_with_audio_drops_the_stamp_of_the_build_it_writes_over(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`build --audio` writes output/ without a stamp of its own: the last build's, left in
    place, was replayed over its pages once the sources went back (its marks refused)."""
    from publish.commands import build as build_command

    monkeypatch.setattr(build_command, "write_audio", lambda site, folder: [])
    assert build(root, "-q") == 0
    cache = root / ".cache"
    post = root / POST
    original = post.read_text("utf-8")
    post.write_text(original.replace("1. Gọi điện", "9. Gọi điện"), "utf-8")
    with refusing_removal(set(map(os.fspath, cache.rglob("*.written")))):
        assert build(root, "-q", "--audio") == 0
    assert not (cache / replay.STAMP).exists()
    post.write_text(original, "utf-8")
    assert build(root, "-q") == 0
    assert {k: v[0] for k, v in files(root).items()} == clean(root, tmp_path)
