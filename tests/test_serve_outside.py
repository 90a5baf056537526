"""`publish serve` notices a `publish build` run in a second terminal: that build replaced
output/web, and the preview rebuilds its own and reloads open pages, without answering its own
rebuilds or another preview's. A `--drafts` preview is built elsewhere (.cache/preview/web): a
draft is never in output/web, which is deployed as it is.

The build is a real second process running `publish build` with test_serve's stand-in renderer.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from publish import output_stamp, pipeline
from publish.serve import PreviewSession
from tests.test_serve import BULLETIN, EventStream, get, write_project

REPO = Path(__file__).resolve().parents[1]
DRAFT_PAGE = "/2024/01/ban-nhap/"
BUILD = (
    "import sys\n"
    "from publish import pipeline\n"
    "pipeline.RENDERERS['web'] = 'tests.test_serve'\n"
    "from publish.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with one approved bulletin and one draft, rendered by test_serve's renderer."""
    monkeypatch.setitem(pipeline.RENDERERS, "web", "tests.test_serve")
    write_project(tmp_path)
    draft = BULLETIN.format(title="Bản nháp", category="an-ninh-trat-tu")
    (tmp_path / "content" / "bai-viet" / "2024-01-03-ban-nhap.md").write_text(
        draft.replace("---\ntitle", "---\ndraft: true\ntitle", 1), encoding="utf-8"
    )
    return tmp_path


OLDER_DRAFTS_BUILD = (
    "import datetime as dt, sys\n"
    "from pathlib import Path\n"
    "from publish import config, pipeline\n"
    "from publish.writer import write\n"
    "pipeline.RENDERERS['web'] = 'tests.test_serve'\n"
    "root = Path(sys.argv[1])\n"
    "site = config.load(root)\n"
    "built = pipeline.build(site, channels=('web',), now=dt.datetime.now(site.tz), drafts=True)\n"
    "write(built.artifacts, root / 'output', ('web',), cache=root / '.cache', by='build')\n"
)
"""What `publish build --drafts` did before it built into .cache/preview/: drafts in output/web."""


def publish_build(root: Path, *options: str) -> None:
    """`publish build --channel web` in another process, as a second terminal runs it."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            BUILD,
            "build",
            "--root",
            str(root),
            "--channel",
            "web",
            "--quiet",
            *options,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def older_drafts_build(root: Path) -> None:
    """An older `publish build --drafts` in another process, writing the draft into output/web."""
    done = subprocess.run(
        [sys.executable, "-c", OLDER_DRAFTS_BUILD, str(root)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def draft_in(web: Path) -> bool:
    """Whether the draft's page is in this web folder."""
    return (web / DRAFT_PAGE.strip("/") / "index.html").is_file()


def test_the_drafts_preview_never_writes_a_draft_into_output(project: Path) -> None:
    """`publish build && rsync output/web …` must never ship a draft: the `--drafts` preview
    is built into .cache/preview/web, before and after a build in another terminal, which
    leaves it and its open pages alone."""
    out = io.StringIO()
    with PreviewSession(project, port=0, drafts=True, out=out, err=io.StringIO()) as session:
        assert get(session, DRAFT_PAGE)[0] == 200
        assert not (project / "output").exists()
        assert draft_in(project / ".cache" / "preview" / "web")
        generation = session.hub.state()[0]
        publish_build(project)
        assert not session.outside_write(), "a build into output/web is not the preview's"
        assert session.rebuild()
        assert get(session, DRAFT_PAGE)[0] == 200
        assert session.hub.state()[0] == generation + 1  # only the rebuild asked for above
        assert (project / "output" / "web" / "index.html").is_file()
        assert not draft_in(project / "output" / "web")
        assert "Lệnh 'publish build'" not in out.getvalue()


def test_a_build_in_another_terminal_gives_the_preview_back_and_reloads_pages(
    project: Path,
) -> None:
    """A plain preview serves output/web; an older `publish build --drafts` in another terminal
    puts the draft there. Serve notices, rebuilds its own (without it) and reloads the open page."""
    out = io.StringIO()
    with PreviewSession(project, port=0, out=out, err=io.StringIO()) as session:
        assert get(session, DRAFT_PAGE)[0] == 404
        stream = EventStream(session, since=session.hub.state()[0])
        try:
            older_drafts_build(project)
            assert stream.next_event() == "reload"
        finally:
            stream.close()
        assert get(session, DRAFT_PAGE)[0] == 404
        assert not draft_in(project / "output" / "web")
        assert "Lệnh 'publish build' (tiến trình số" in out.getvalue()
        assert "vừa ghi lại output/web: dựng lại bản xem trước…" in out.getvalue()
        assert not session.outside_write(), "its own rebuild taken for another command's write"


def test_a_build_that_changes_nothing_reloads_nothing(project: Path) -> None:
    """A script running `publish build` again and again: output/web is left as it was, with no
    mark of a write, so open pages are not reloaded for it. Checked on the mark and the reload
    hub themselves: the background poll may have answered a wrong mark before the test looks."""
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        mark = output_stamp.read(project / ".cache", project / "output", "web")
        state = session.hub.state()
        assert mark is not None and mark.command == "serve"
        publish_build(project)  # the same site as the preview's: nothing to write
        assert output_stamp.read(project / ".cache", project / "output", "web") == mark
        assert session.hub.state() == state
        assert not session.outside_write()


def test_another_previews_writes_are_reported_once_and_not_answered(
    project: Path,
) -> None:
    """Two `publish serve` of one project: answering each other's writes would rebuild for good;
    the editor is told once that they overwrite each other."""
    err = io.StringIO()
    with PreviewSession(project, port=0, out=io.StringIO(), err=err) as session:
        generation = session.hub.state()[0]
        for _ in range(2):
            output_stamp.leave(project / ".cache", project / "output", "web", "serve")
            assert not session.outside_write()
        assert err.getvalue().count("Một 'publish serve' khác") == 1
        assert session.hub.state()[0] == generation
