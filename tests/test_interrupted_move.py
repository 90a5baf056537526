"""A write killed while moving files into output/ (kill -9, power lost) can leave a website of
new and old pages: the next command says so, a build or a sync writes it whole again, and no
replay of the last build takes such an output as it is."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from publish import config as config_module
from publish import replay
from publish.cli import main, resolve_now
from publish.serve.session import INTERRUPTED, PreviewSession
from tests.helpers import bulletin_md, make_project
from tests.test_writer import _ended_process

CLOCK = "2021-01-01T09:00"
PAGE = "output/web/2020/12/tin-a/index.html"
NOTE = "bị ngắt giữa lúc thay tệp"


def built(tmp_path: Path) -> Path:
    """A project with two bulletins, built once."""
    root = make_project(
        tmp_path,
        {
            f"content/bai-viet/tin-{n}.md": bulletin_md({"id": f"t{n}", "channels": "[web]"})
            for n in "ab"
        },
    )
    assert main(["build", "--root", str(root), "--now", CLOCK, "--channel", "web"]) == 0
    return root


def interrupt(root: Path) -> bytes:
    """Leave what a build killed mid-move leaves: its marker, its set-aside folder holding the
    old page it replaced, a new page in place and a staging folder of the rest; the old page's
    bytes."""
    page = root / PAGE
    old = page.read_bytes()
    dead = _ended_process()
    (root / f"output/.moving-{dead}-0a1b2c3d").mkdir()
    aside = root / f"output/.retired-{dead}-ab12cd34"
    aside.mkdir()
    (aside / "0").write_bytes(old)
    page.write_bytes(old.replace(b"</body>", "<footer>Bản mới</footer></body>".encode()))
    staging = root / f"output/.web.staging-{dead}-ef56gh78"
    (staging / "2020/12/tin-b").mkdir(parents=True)
    (staging / "2020/12/tin-b/index.html").write_text("bản mới", "utf-8")
    return old


def test_a_build_after_an_interrupted_move_says_so_and_writes_the_site_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = built(tmp_path)
    capsys.readouterr()
    old = interrupt(root)
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 0
    said = capsys.readouterr().err
    assert NOTE in said and "có thể lẫn bản mới với bản cũ" in said
    assert "Chạy publish build" in said
    assert main(["build", "--root", str(root), "--now", CLOCK, "--channel", "web"]) == 0
    out, err = capsys.readouterr()
    assert NOTE in err and "Lần dựng này ghi lại đủ mọi tệp cho khớp." in err
    assert "Không có gì thay đổi kể từ lần dựng trước" not in out
    assert (root / PAGE).read_bytes() == old
    assert [p.name for p in (root / "output").iterdir() if p.name.startswith(".")] == []
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 0
    assert NOTE not in capsys.readouterr().err


def test_no_replay_takes_an_output_whose_move_was_interrupted(tmp_path: Path) -> None:
    """A sync replays the last build and sends output/ as it is: never a mixed one. (A build
    drops its stamp before writing; a sync's or a preview's write keeps it.)"""
    root = built(tmp_path)
    config = config_module.load(root)
    options = (("web",), False, False)
    last = replay.LastBuild(config, root / "output", options)
    when = resolve_now(CLOCK, config.tz)
    assert last.replay(when, ("web",)) is not None  # the stamp is good: it would replay
    dead = _ended_process()
    (root / f"output/.moving-{dead}-ab12cd34").mkdir()
    last = replay.LastBuild(config, root / "output", options)
    assert last.replay(when, ("web",)) is None
    assert last.why_not == "lần ghi đầu ra trước bị ngắt giữa lúc thay tệp"


def test_a_marker_numbered_as_this_process_is_not_taken_for_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CI job in a container numbers its processes alike each run: the marker a killed run
    left bears the number of the next run's own process, which took it for a write still
    going, replayed the mixed output and sent it. Under the output lock only the folders this
    process made are in use."""
    root = built(tmp_path)
    old = interrupt(root)
    for path in (root / "output").iterdir():
        if path.name.startswith(".moving-"):
            path.rename(path.with_name(f".moving-{os.getpid()}-0a1b2c3d"))
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--now", CLOCK, "--channel", "web"]) == 0
    assert NOTE in capsys.readouterr().err
    assert (root / PAGE).read_bytes() == old
    assert [p.name for p in (root / "output").iterdir() if p.name.startswith(".")] == []


def test_a_number_too_large_for_a_process_is_no_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A work folder named with a number past any process's made os.kill raise OverflowError:
    check, serve and sync stopped with «Lỗi nội bộ». A set-aside folder without the marker is
    clutter, not an interrupted move: nothing is said, and the last build still replays."""
    root = built(tmp_path)
    left = root / "output/.retired-99999999999999999999-abcdefgh"
    left.mkdir()
    capsys.readouterr()
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 0
    said = capsys.readouterr().err
    assert "Lỗi nội bộ" not in said and NOTE not in said
    assert main(["build", "--root", str(root), "--now", CLOCK, "--channel", "web"]) == 0
    out, err = capsys.readouterr()
    assert NOTE not in err and "Không có gì thay đổi kể từ lần dựng trước" in out


def test_a_preview_tells_of_an_interrupted_move_and_writes_the_site_whole(
    tmp_path: Path,
) -> None:
    """`publish serve` looks for the marker under the output lock, as every other command: the
    note is its first rebuild's, and that rebuild writes every page again."""
    root = built(tmp_path)
    old = interrupt(root)
    err = io.StringIO()
    with PreviewSession(root, port=0, out=io.StringIO(), err=err, now=CLOCK):
        pass  # started: built once
    assert NOTE in err.getvalue() and INTERRUPTED in err.getvalue()
    assert (root / PAGE).read_bytes() == old
    assert [p.name for p in (root / "output").iterdir() if p.name.startswith(".")] == []


def test_a_preview_tells_of_the_mixed_output_its_own_rebuild_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`publish serve` rebuilds in one process: a rebuild whose old page could not be put back
    kept its marker, and the process took it for its own, still in use: the next rebuild wrote
    the site whole again without telling the editor the output had been mixed meanwhile."""
    root = built(tmp_path)
    source = root / "content/bai-viet/tin-a.md"
    err = io.StringIO()
    # The watcher's own rebuild of the edit (0.2 s later) would race the two below: never here.
    quiet = 3600.0
    with PreviewSession(
        root, port=0, out=io.StringIO(), err=err, now=CLOCK, delay=quiet
    ) as session:
        real = os.replace

        def stuck(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
            if os.fspath(dst).endswith("tin-a/index.html"):
                raise OSError(5, "Input/output error", os.fspath(dst))
            real(src, dst)

        source.write_text(source.read_text("utf-8") + "\nĐoạn thêm.\n", "utf-8")
        monkeypatch.setattr(os, "replace", stuck)
        assert not session.rebuild()
        monkeypatch.setattr(os, "replace", real)
        assert "không trả lại được đầu ra cũ" in err.getvalue()
        assert NOTE not in err.getvalue()
        assert session.rebuild()
    assert NOTE in err.getvalue() and INTERRUPTED in err.getvalue()
    assert "Đoạn thêm." in (root / PAGE).read_text("utf-8")
    assert [p.name for p in (root / "output").iterdir() if p.name.startswith(".")] == []


def mark(root: Path, *channels: str) -> Path:
    """Leave the marker of a write killed after it moved files into the folders of `channels`."""
    marker = root / f"output/.moving-{_ended_process()}-9f8e7d6c"
    marker.mkdir()
    for channel in channels:
        (marker / f"{channel}.channel").touch()
    return marker


def test_a_build_of_other_channels_names_the_mixed_one_and_how_to_write_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Session 76 review: a full build cut off while moving radio/ left a marker that only a
    write of radio/ clears, yet `build --channel web` said «Lần dựng này ghi lại đủ mọi tệp cho
    khớp» at every run. The note names the folder left mixed and the command that writes it."""
    root = built(tmp_path)
    mark(root, "radio")
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--now", CLOCK, "--channel", "web"]) == 0
    err = capsys.readouterr().err
    assert NOTE in err and "các tệp trong thư mục radio của nó có thể lẫn" in err
    assert "Lần dựng này ghi lại đủ mọi tệp cho khớp." not in err
    rebuild = f"chạy publish build --root {root} --channel radio để ghi lại nó"
    assert f"Lệnh này không ghi thư mục radio: {rebuild}" in err
    assert main(["build", "--root", str(root), "--now", CLOCK, "--channel", "radio"]) == 0
    assert "Lần dựng này ghi lại đủ mọi tệp cho khớp." in capsys.readouterr().err
    assert main(["check", "--root", str(root), "--now", CLOCK]) == 0
    assert NOTE not in capsys.readouterr().err


def test_the_rebuild_named_is_typed_for_where_the_build_ran(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 76 review: the build named lost --root (run beside the project, it found none)
    and gave an --output with a space unquoted (two words to the shell)."""
    root = built(tmp_path)
    assert main(["build", "--root", str(root), "--now", CLOCK, "--output", "ban dung"]) == 0
    marker = mark(root, "radio")
    marker.rename(root / "ban dung" / marker.name)
    monkeypatch.chdir(tmp_path)
    command = ["build", "--root", str(root), "--now", CLOCK, "--channel", "web"]
    capsys.readouterr()
    assert main([*command, "--output", "ban dung"]) == 0
    rebuild = f'publish build --root {root} --output "ban dung" --channel radio'
    assert f"chạy {rebuild} để ghi lại nó" in capsys.readouterr().err
    monkeypatch.chdir(root)
    assert main([*command, "--output", "ban dung"]) == 0
    assert 'chạy publish build --output "ban dung" --channel radio' in capsys.readouterr().err


def test_a_build_of_a_mixed_channel_and_another_names_only_the_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """web/ and radio/ mixed, `build --channel web`: web/ is written whole, radio/ is not."""
    root = built(tmp_path)
    mark(root, "web", "radio")
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--now", CLOCK, "--channel", "web"]) == 0
    err = capsys.readouterr().err
    assert "các tệp trong thư mục web và radio của nó" in err
    assert "Lần dựng này ghi lại đủ mọi tệp cho khớp. Lệnh này không ghi thư mục radio:" in err


def test_a_preview_names_the_channel_it_never_writes_once(tmp_path: Path) -> None:
    """`publish serve` writes web/ only: it said at every rebuild that it wrote every file
    again, a promise it never kept for radio/. It names radio/ and the build that writes it,
    once."""
    root = built(tmp_path)
    mark(root, "radio")
    err = io.StringIO()
    with PreviewSession(root, port=0, out=io.StringIO(), err=err, now=CLOCK) as session:
        source = root / "content/bai-viet/tin-a.md"
        source.write_text(source.read_text("utf-8") + "\nĐoạn thêm.\n", "utf-8")
        assert session.rebuild()
    said = err.getvalue()
    assert said.count(NOTE) == 1 and INTERRUPTED not in said
    assert "chạy publish build --channel radio để ghi lại nó cho khớp" in said


def test_a_marker_naming_no_channel_the_tool_has_goes_with_any_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A marker naming a channel no build writes (another version's) stayed forever."""
    root = built(tmp_path)
    marker = mark(root, "tin-nhan")
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--now", CLOCK, "--channel", "web"]) == 0
    assert "Lần dựng này ghi lại đủ mọi tệp cho khớp." in capsys.readouterr().err
    assert not marker.exists()


def _web_files(output: Path) -> dict[str, bytes]:
    """Each file under output/web by its path, with its bytes."""
    web = output / "web"
    return {p.relative_to(web).as_posix(): p.read_bytes() for p in web.rglob("*") if p.is_file()}


def test_a_marker_naming_only_the_radio_does_not_stop_a_replay_of_the_website(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full build cut off while moving radio/ left web/ whole: `publish serve` (the website
    alone) and `build --channel web` built for real at every run until radio/ was written
    again. A marker naming web/ still stops the replay; one naming no channel stops every one."""
    root = built(tmp_path)
    config = config_module.load(root)
    when = resolve_now(CLOCK, config.tz)
    options = (("web",), False, False)
    marker = mark(root, "radio")
    last = replay.LastBuild(config, root / "output", options)
    assert last.replay(when, ("web",)) is not None, last.why_not
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--now", CLOCK, "--channel", "web"]) == 0
    out, err = capsys.readouterr()
    assert "Không có gì thay đổi kể từ lần dựng trước" in out
    assert NOTE in err and "Lệnh này không ghi thư mục radio" in err  # still told
    assert marker.exists()
    clean = tmp_path / "clean"
    clean.mkdir()
    fresh = built(clean)
    assert _web_files(root / "output") == _web_files(fresh / "output")
    for channels in (("web",), ("radio", "web"), ()):
        for named in marker.iterdir():
            named.unlink()
        for channel in channels:
            (marker / f"{channel}.channel").touch()
        last = replay.LastBuild(config, root / "output", options)
        assert last.replay(when, ("web",)) is None, channels
        assert last.why_not == "lần ghi đầu ra trước bị ngắt giữa lúc thay tệp"


def test_a_preview_replays_the_website_while_only_the_radio_is_left_mixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`publish serve` asks for the website alone: a radio/ left mixed made it build (and
    write) for real at every start until radio/ was written again."""
    monkeypatch.setattr(replay, "RACY_SECONDS", 0.0)
    root = built(tmp_path)
    mark(root, "radio")
    page = (root / PAGE).stat()
    out, err = io.StringIO(), io.StringIO()
    with PreviewSession(root, port=0, out=out, err=err, now=CLOCK) as session:
        assert session.rebuild()
    assert "Website không đổi kể từ lần dựng trước: " in out.getvalue()
    assert (root / PAGE).stat().st_mtime_ns == page.st_mtime_ns
    assert err.getvalue().count(NOTE) == 1
