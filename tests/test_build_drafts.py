"""`publish build --drafts` previews drafts in .cache/preview/web, never in output/: a deploy of
output/ (or a `publish sync`) never ships a draft. And drafts an older preview left in
output/web (built there before previews moved to .cache/) are rewritten away by the next
`publish build` or `publish sync`, never replayed as that build's output.

Built with test_serve's stand-in web renderer: one page per bulletin, a home page, 404 and CSS.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from publish import config as config_module
from publish import pipeline
from publish.cli import main
from publish.writer import write
from tests.test_serve import BULLETIN, REPO, write_project

DRAFT = Path("2024/01/ban-nhap/index.html")
PUBLISHED = Path("2024/01/ban-tin-thu/index.html")
NOW = "2024-02-01T09:00"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with one approved bulletin and one draft, rendered by test_serve's renderer
    (with the cover and abbreviation list its site.toml names: a sync builds every channel)."""
    monkeypatch.setitem(pipeline.RENDERERS, "web", "tests.test_serve")
    write_project(tmp_path)
    (tmp_path / "content" / "images").mkdir()
    shutil.copy(REPO / "content" / "images" / "default-cover.jpg", tmp_path / "content" / "images")
    shutil.copy(REPO / "content" / "tu-viet-tat.tsv", tmp_path / "content")
    draft = BULLETIN.format(title="Bản nháp", category="an-ninh-trat-tu")
    (tmp_path / "content" / "bai-viet" / "2024-01-03-ban-nhap.md").write_text(
        draft.replace("---\ntitle", "---\ndraft: true\ntitle", 1), encoding="utf-8"
    )
    return tmp_path


def publish(root: Path, *words: str) -> int:
    """A `publish` command in this process, at a fixed time."""
    return main([words[0], "--root", str(root), "--now", NOW, *words[1:]])


def files(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder`: its bytes and modification time."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_drafts_build_goes_to_the_preview_folder_and_says_how_to_open_it(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)  # the folder the editor is told of is named from here
    assert publish(project, "build", "--channel", "web", "-q") == 0
    deployed = files(project / "output")
    assert publish(project, "build", "--drafts") == 0
    out = capsys.readouterr().out
    assert (project / ".cache" / "preview" / "web" / DRAFT).is_file()
    assert files(project / "output") == deployed  # untouched, not even rewritten
    assert not (project / "output" / "web" / DRAFT).exists()
    assert "nằm ở .cache/preview/web" in out
    assert "publish serve --drafts" in out
    assert "được xuất bản vào" not in out


def test_a_bulletin_left_out_but_previewed_says_so_in_one_phrase(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«… bản nháp (draft: true) (xem trước trên website vì --drafts)»: two brackets in a row
    read as two reasons; nor does the line start «Bỏ qua» (skipped) about a bulletin the
    preview shows."""
    assert publish(project, "build", "--drafts") == 0
    out = capsys.readouterr().out
    assert (
        "Xem trước (không đăng) content/bai-viet/2024-01-03-ban-nhap.md: bản nháp (draft: true)"
    ) in out.splitlines()
    assert ") (" not in out
    assert "Bỏ qua content/bai-viet/2024-01-03-ban-nhap.md" not in out
    assert publish(project, "build") == 0  # without --drafts the draft is skipped, as before
    assert (
        "Bỏ qua content/bai-viet/2024-01-03-ban-nhap.md: bản nháp (draft: true)"
    ) in capsys.readouterr().out.splitlines()


def test_a_drafts_build_never_writes_into_output_even_when_asked(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for output in ("output", "output/", "output/xem-truoc", str(project / "output")):
        assert publish(project, "build", "--drafts", "--output", output) == 1
        err = capsys.readouterr().err
        assert f"--drafts --output {output}:" in err
        assert "không bao giờ được dựng vào output/" in err
    assert not (project / "output").exists()


def test_a_drafts_build_never_reaches_output_through_a_link(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "output" / "web").mkdir(parents=True)
    (project / "xem-truoc").mkdir()
    (project / "xem-truoc" / "web").symlink_to(project / "output" / "web")
    assert publish(project, "build", "--drafts", "--output", "xem-truoc") == 1
    assert "--drafts --output xem-truoc:" in capsys.readouterr().err
    (project / ".cache").mkdir()
    (project / ".cache" / "preview").symlink_to(project / "output")
    assert publish(project, "build", "--drafts") == 1
    assert ".cache/preview/web là liên kết tới output/" in capsys.readouterr().err
    assert not any((project / "output").rglob("*.html"))


def test_a_drafts_build_into_a_folder_of_ones_own_writes_there(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)  # the folder the editor is told of is named from here
    assert publish(project, "build", "--drafts", "--output", "xem-truoc") == 0
    assert (project / "xem-truoc" / "web" / DRAFT).is_file()
    assert not (project / "output").exists()
    out = capsys.readouterr().out
    assert "nằm ở xem-truoc/web" in out
    assert "Đừng triển khai thư mục này." in out


@pytest.mark.parametrize("channel", ["zalo", "radio", "web,zalo"])
def test_drafts_are_never_built_into_zalo_or_radio(
    project: Path, channel: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """output/zalo and output/radio are what a sync sends: a drafts build does not make them."""
    assert publish(project, "build", "--drafts", "--channel", channel) == 1
    err = capsys.readouterr().err
    assert "--drafts chỉ xem trước website" in err
    assert not (project / "output").exists()
    assert not (project / ".cache" / "preview").exists()


def test_a_sync_after_a_drafts_build_sends_no_draft(project: Path) -> None:
    assert publish(project, "build", "--drafts") == 0
    assert publish(project, "sync", "web") == 0
    assert (project / "output" / "web" / PUBLISHED).is_file()
    assert not (project / "output" / "web" / DRAFT).exists()


def test_a_sync_never_takes_the_preview_folder_for_its_output(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`sync --output .cache/preview` (however spelt, inside it, or linked there) would write
    over the drafts preview and the folder a CI step then deploys: refused, nothing done."""
    assert publish(project, "build", "--drafts", "-q") == 0
    preview = files(project / ".cache" / "preview")
    (project / "xem").mkdir()
    (project / "xem" / "web").symlink_to(project / ".cache" / "preview" / "web")
    spellings = (".cache/preview", ".cache/preview/", "./.cache/preview/web", "xem")
    for output in (*spellings, str(project / ".cache" / "preview")):
        for dry in ((), ("--dry-run",)):
            assert publish(project, "sync", "web", *dry, "--output", output) == 1
            err = capsys.readouterr().err
            assert f"--output {output}: đây là thư mục bản xem trước (.cache/preview)" in err
            assert "Traceback" not in err and "Chưa làm gì." in err
    assert files(project / ".cache" / "preview") == preview
    assert not (project / "output").exists() and not (project / "state").exists()


def older_drafts_preview(root: Path) -> None:
    """What `publish serve --drafts` did before previews moved to .cache/preview/: build the
    drafts into output/web (its ledger and mark in .cache/ included), leaving the stamp of
    the last `publish build` as it was."""
    config = config_module.load(root)
    now = dt.datetime.fromisoformat(NOW).replace(tzinfo=config.tz)
    result = pipeline.build(config, channels=("web",), now=now, drafts=True)
    write(result.artifacts, root / "output", ("web",), cache=root / ".cache", by="serve")


@pytest.mark.parametrize("command", [("build", "--channel", "web"), ("sync", "web")])
def test_drafts_an_older_preview_left_in_output_are_rewritten_away(
    project: Path, command: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    """An older preview wrote output/web while the published bulletin's file was away (a
    branch switch): as many files as the last build, so counting them does not tell. The next
    build or sync must not replay that build over them: the draft would be deployed."""
    assert publish(project, *command) == 0
    published = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    away = project / "ban-tin-thu.md"
    shutil.move(published, away)
    older_drafts_preview(project)
    shutil.move(away, published)
    assert (project / "output" / "web" / DRAFT).is_file()
    capsys.readouterr()
    assert publish(project, *command) == 0
    assert "Không có gì thay đổi kể từ lần dựng trước" not in capsys.readouterr().out
    assert not (project / "output" / "web" / DRAFT).exists()
    assert (project / "output" / "web" / PUBLISHED).is_file()
