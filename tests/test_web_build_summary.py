"""The last lines of `publish build`: where the website went and how to look at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import bulletin_md, install_fake_renderers, make_project

NOW = ("--now", "2021-01-01T09:00")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-bulletin project built outside CI with the tiny test renderers."""
    install_fake_renderers(monkeypatch)
    monkeypatch.delenv("CI", raising=False)
    return make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md()})


def _hints(out: str) -> list[str]:
    """The lines telling where the website is and how to preview it."""
    return [line for line in out.splitlines() if "publish serve" in line]


def test_a_build_ends_saying_where_the_website_is_and_how_to_preview_it(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`publish build` ended on «web: … zalo: … radio: … Xong …»: an editor who had built the
    site was not told where it was, nor that opening index.html from the folder shows it without
    its styles. The last line now says it, once for the three channels."""
    monkeypatch.chdir(project)
    assert main(["build", "--root", str(project), *NOW]) == 0
    out = capsys.readouterr().out
    assert _hints(out) == [out.splitlines()[-1]]
    last = out.splitlines()[-1]
    assert "output/web/" in last and "http://127.0.0.1:8000/" in last
    assert last.startswith("Website nằm ở output/web/")
    # A build that only replays the last one (nothing changed) says it too: once.
    assert main(["build", "--root", str(project), *NOW]) == 0
    again = capsys.readouterr().out
    assert "Không có gì thay đổi" in again and _hints(again) == [again.splitlines()[-1]]


@pytest.mark.parametrize(
    "extra, env",
    [(("--quiet",), {}), ((), {"CI": "true"}), (("--channel", "zalo,radio"), {})],
    ids=["quiet", "CI", "no website built"],
)
def test_no_preview_hint_when_quiet_in_ci_or_without_the_website(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    extra: tuple[str, ...],
    env: dict[str, str],
) -> None:
    """--quiet prints errors only; a CI log has no one to open a preview; a build of Zalo and
    the radio alone wrote no website to look at."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["build", "--root", str(project), *NOW, *extra]) == 0
    assert _hints(capsys.readouterr().out) == []


def test_a_build_elsewhere_names_its_own_folder(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built with --output, the website is in that folder, not output/web."""
    monkeypatch.chdir(project)
    assert main(["build", "--root", str(project), *NOW, "--output", "ban-dung"]) == 0
    (hint,) = _hints(capsys.readouterr().out)
    assert hint.startswith("Website nằm ở ban-dung/web/")


@pytest.mark.parametrize("relative", [True, False], ids=["relative root", "absolute root"])
def test_a_build_of_another_folder_names_the_path_and_command_that_work_from_here(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    relative: bool,
) -> None:
    """`publish build --root congan-x` run beside the project said «Website nằm ở output/web/»
    and «chạy publish serve»: from that folder there is no output/web, and serve without --root
    found no site.toml. The hint now names the folder and the command from where the editor is."""
    monkeypatch.chdir(project.parent)
    root = Path(project.name) if relative else project
    assert main(["build", "--root", str(root), *NOW]) == 0
    out = capsys.readouterr().out
    (hint,) = _hints(out)
    assert hint.startswith(f"Website nằm ở {root / 'output' / 'web'}/.")
    # The closing line too: «vào output/» named a folder that is not there from here.
    assert f"được xuất bản vào {root / 'output'}/" in out
    assert f"chạy publish serve --root {root} rồi mở" in hint
    assert (Path.cwd() / root / "output" / "web").is_dir()
    assert main(["build", "--root", str(root), *NOW, "--output", "ban-dung"]) == 0
    (hint,) = _hints(capsys.readouterr().out)
    assert hint.startswith(f"Website nằm ở {root / 'ban-dung' / 'web'}/.")
    assert f"chạy publish serve --root {root} (dựng vào {root / 'output' / 'web'})" in hint
    # A preview of the drafts says the same from here.
    assert main(["build", "--root", str(root), *NOW, "--drafts"]) == 0
    out = capsys.readouterr().out
    assert f"nằm ở {root / '.cache' / 'preview' / 'web'} (không phải output/web" in out
    assert f"chạy publish serve --drafts --root {root} rồi mở" in out
