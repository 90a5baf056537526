"""A write killed while moving files into output/ (kill -9, power lost) can leave a website of
new and old pages: the next command says so, a build or a sync writes it whole again, and no
replay of the last build takes such an output as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish import replay
from publish.cli import main, resolve_now
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
    """Leave what a build killed mid-move leaves: its set-aside folder holding the old page it
    replaced, a new page in place and a staging folder of the rest; the old page's bytes."""
    page = root / PAGE
    old = page.read_bytes()
    dead = _ended_process()
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
    (root / f"output/.retired-{dead}-ab12cd34").mkdir()
    last = replay.LastBuild(config, root / "output", options)
    assert last.replay(when, ("web",)) is None
    assert last.why_not == "lần ghi đầu ra trước bị ngắt giữa lúc thay tệp"
