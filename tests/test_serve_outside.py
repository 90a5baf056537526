"""`publish serve` notices a `publish build` run in a second terminal: that build replaced
output/web (a plain one without the drafts a `--drafts` preview shows), and the preview rebuilds
its own and reloads open pages, without answering its own rebuilds or another preview's.

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


def publish_build(root: Path) -> None:
    """`publish build --channel web` in another process, as a second terminal runs it."""
    done = subprocess.run(
        [sys.executable, "-c", BUILD, "build", "--root", str(root), "--channel", "web", "--quiet"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_build_in_another_terminal_gives_the_drafts_preview_back_and_reloads_pages(
    project: Path,
) -> None:
    """The plain build takes the draft out of output/web; serve notices, rebuilds with its
    drafts and reloads the open page, which shows the draft again."""
    out = io.StringIO()
    with PreviewSession(project, port=0, drafts=True, out=out, err=io.StringIO()) as session:
        assert get(session, DRAFT_PAGE)[0] == 200
        stream = EventStream(session, since=session.hub.state()[0])
        try:
            publish_build(project)
            assert stream.next_event() == "reload"
        finally:
            stream.close()
        assert get(session, DRAFT_PAGE)[0] == 200
        assert (project / "output" / "web" / DRAFT_PAGE.strip("/") / "index.html").is_file()
        assert "Lệnh 'publish build' (tiến trình số" in out.getvalue()
        assert "dựng lại bản xem trước, kèm bản nháp" in out.getvalue()
        assert not session.outside_write(), "its own rebuild taken for another command's write"


def test_a_build_that_changes_nothing_reloads_nothing(project: Path) -> None:
    """A script running `publish build` again and again: output/web is left as it was, so open
    pages are not reloaded for it."""
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        publish_build(project)  # the same site as the preview's: nothing to write
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
