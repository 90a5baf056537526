"""The CI files of a unit that has no Zalo OA yet, run as GitHub Actions and GitLab CI run them.

`publish init` without --oa-id writes `oa_id = ""`, and README tells such a unit to leave it so.
The CI files named the zalo channel on every run (`publish sync web zalo`), which for a site.toml
without an OA is a configuration error: every pull request failed its preview and every
scheduled run ended red (exit 1), though there was nothing to fix. Zalo is now named only when
site.toml names an OA, as `publish sync` with no channel does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageDraw

from tests.helpers import publish_command

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-12-02T21:00:00+07:00"
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Cán bộ kỹ thuật",
    "GIT_AUTHOR_EMAIL": "kythuat@example.vn",
    "GIT_COMMITTER_NAME": "Cán bộ kỹ thuật",
    "GIT_COMMITTER_EMAIL": "kythuat@example.vn",
}

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def unit_project(parent: Path, oa_id: str) -> Path:
    """A project `publish init` made, pushed to a bare `origin` as a unit's repository is."""
    origin = parent / "origin.git"
    root = parent / "congan-tanphuoc"
    given = ["--oa-id", oa_id] if oa_id else []
    made = publish_command(
        "init",
        root,
        "--unit",
        "Công an xã Tân Phước",
        "--area",
        "tỉnh Đồng Tháp",
        "--base-url",
        "https://congan-tanphuoc.example.vn/",
        "--phone",
        "0273 3841 113",
        "--address",
        "Ấp 1, xã Tân Phước",
        "--email",
        "tanphuoc@example.vn",
        *given,
    )
    assert made.returncode == 0, made.stderr
    # Filled in as README says (a unit without an OA drops the page's Zalo section), so that
    # CI's publish check --strict passes: what fails is then the CI files' own doing.
    for page in (root / "content" / "pages").glob("*.md"):
        lines = page.read_text("utf-8").split("\n")
        page.write_text("\n".join(x for x in lines if "CẦN BỔ SUNG" not in x), "utf-8")
    cover = root / "content" / "images" / "default-cover.jpg"
    image = Image.open(cover).convert("RGB")
    ImageDraw.Draw(image).rectangle((80, 200, 700, 330), fill="#ffffff")
    image.save(cover, "JPEG", quality=85)
    checked = publish_command("check", "--strict", cwd=root)
    assert checked.returncode == 0, checked.stderr
    git(parent, "init", "-q", "--bare", "-b", "main", str(origin))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Dự án mới")
    git(root, "remote", "add", "origin", str(origin))
    git(root, "push", "-q", "origin", "main")
    return root


def git(cwd: Path, *args: str) -> None:
    """Run git in `cwd` with a clean configuration."""
    subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, check=True)


def run_step(root: Path, script: str, **env: str) -> tuple[int, str, dict[str, str]]:
    """Run a CI step's script as the runner does (bash, the tool and python3 on PATH), with the
    environment the runner gives; returns its exit code, stdout and what it wrote to
    $GITHUB_OUTPUT."""
    output = root.parent / "github-output"
    output.write_text("", "utf-8")
    tools = str(Path(sys.executable).parent)
    runner = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PUBLISH_", "ZALO_"))},
        **GIT_ENV,
        "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(root.parent / "step-summary"),
        "RUNNER_TEMP": str(root.parent),
        "NOW": NOW,
        **env,
    }
    done = subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=root,
        env=runner,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    written = dict(
        line.split("=", 1) for line in output.read_text("utf-8").splitlines() if "=" in line
    )
    return done.returncode, done.stdout + done.stderr, written


def github_step(root: Path, job: str, step_id: str) -> str:
    """The `run:` script of a step of the unit's copy of the GitHub workflow."""
    workflow = yaml.safe_load((root / "ci" / "github-actions.yml").read_text("utf-8"))
    return next(s["run"] for s in workflow["jobs"][job]["steps"] if s.get("id") == step_id)


def gitlab_lines(root: Path, job: str) -> list[str]:
    """The `script:` lines of a job of the unit's copy of the GitLab pipeline."""
    pipeline = yaml.safe_load((root / "ci" / "gitlab-ci.yml").read_text("utf-8"))
    return [str(line) for line in pipeline[job]["script"]]


@pytest.fixture(scope="module")
def without_oa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project of a unit with no OA yet (oa_id = "")."""
    return unit_project(tmp_path_factory.mktemp("no-oa"), "")


def test_github_pull_request_preview_of_a_unit_without_oa_passes(without_oa: Path) -> None:
    code, said, written = run_step(without_oa, github_step(without_oa, "preview", "plan"))
    assert code == 0, said
    assert written.get("code") == "0", said  # "1" failed the pull request's last step
    plan = (without_oa / "plan.md").read_text("utf-8")
    assert "### Website" in plan and "chưa cấu hình Zalo OA" not in plan


def test_github_scheduled_sync_of_a_unit_without_oa_ends_well(without_oa: Path) -> None:
    code, said, written = run_step(
        without_oa, github_step(without_oa, "sync", "sync"), GITHUB_REF_NAME="main"
    )
    assert code == 0, said
    assert written.get("code") == "0", said  # the job's last step exits with this code
    assert "chưa cấu hình Zalo OA" not in said


def test_gitlab_merge_request_and_publish_of_a_unit_without_oa_pass(without_oa: Path) -> None:
    preview = [
        line
        for line in gitlab_lines(without_oa, "preview")
        if not line.startswith(("apt-get", "pip install"))  # the image's setup, done here
    ]
    code, said, _ = run_step(without_oa, "\n".join(preview))
    assert code == 0, said
    assert "chưa cấu hình Zalo OA" not in (without_oa / "plan.md").read_text("utf-8")
    syncing = [line for line in gitlab_lines(without_oa, "publish") if "targets" in line]
    assert syncing[-1].startswith("code=0; { code=0; publish sync $targets")
    code, said, _ = run_step(without_oa, "\n".join([*syncing, 'exit "$code"']))
    assert code == 0, said


def test_gitlab_publish_job_ends_its_log_with_the_sync_summary_and_keeps_it_as_an_artifact(
    without_oa: Path,
) -> None:
    """GitHub shows the sync's summary on the run's page; GitLab had only summary.json, so the
    operator scrolled the job log for «Tóm tắt». The job now ends its log with a collapsible
    section holding the same lines, and keeps them in tom-tat-dong-bo.txt among its artifacts."""
    lines = gitlab_lines(without_oa, "publish")
    start = next(i for i, line in enumerate(lines) if line.startswith("targets="))
    # commit-state.sh needs the unit's remote and token: its own tests run it (test_ci_loop).
    job = [line for line in lines[start:] if "commit-state.sh" not in line]
    code, said, _ = run_step(without_oa, "set -o pipefail\n" + "\n".join(job))
    assert code == 0, said
    summary = (without_oa / "tom-tat-dong-bo.txt").read_text("utf-8")
    assert summary.startswith("Tóm tắt đồng bộ:\n  web: ")
    assert "tệp tạo mới" in summary and "hẹn giờ" in summary
    section = said.split("section_start:", 1)[1].split("section_end:", 1)[0]
    # GitLab's section markers (the \r is read as a line end here: text mode)
    assert re.search(r"^\d+:tom_tat_dong_bo\n\x1b\[0KTóm tắt đồng bộ \(mã thoát 0\)\n", section)
    assert summary in section
    assert said.rstrip().endswith(":tom_tat_dong_bo\n\x1b[0K")  # the log's last lines
    pipeline = yaml.safe_load((without_oa / "ci" / "gitlab-ci.yml").read_text("utf-8"))
    assert "tom-tat-dong-bo.txt" in pipeline["publish"]["artifacts"]["paths"]
    assert pipeline["publish"]["artifacts"]["when"] == "always"


def test_gitlab_publish_job_with_a_failing_sync_still_pushes_state_and_tells_its_code(
    without_oa: Path, tmp_path: Path
) -> None:
    """GitLab runs a job's script with `set -e` and pipefail: the brace group piped into tee
    ended at the failing `publish sync` before writing sync.code, so `cat sync.code` stopped the
    job there. state/ was not pushed, the summary section and the sync's own exit code (1: a person
    must fix something; 3: run again later) were lost, and after_script told an ordinary failure as a sync stopped midway."""
    lines = gitlab_lines(without_oa, "publish")
    start = next(i for i, line in enumerate(lines) if line.startswith("targets="))
    # commit-state.sh needs the unit's remote and token (its own tests run it, test_ci_loop):
    # here a marker says the step was reached.
    pushed = 'echo "đã tới bước đẩy state/"'
    job = [pushed if "commit-state.sh" in line else line for line in lines[start:]]
    # The radio folder given is a file: a configuration error the sync reports (exit 1) after
    # the website's part is done (a folder that does not exist is a share not mounted: exit 3).
    # (An earlier test's run left its files in the project.)
    for left in ("sync.code", "sync.log", "tom-tat-dong-bo.txt"):
        (without_oa / left).unlink(missing_ok=True)
    (tmp_path / "dai.txt").write_text("", "utf-8")
    code, said, _ = run_step(
        without_oa,
        "set -o pipefail\n" + "\n".join(job),
        PUBLISH_RADIO_DIR=str(tmp_path / "dai.txt"),
    )
    assert code == 1, said
    assert (without_oa / "sync.code").read_text("utf-8").strip() == "1"
    assert "đã tới bước đẩy state/" in said
    assert "Tóm tắt đồng bộ (mã thoát 1)" in said
    summary = (without_oa / "tom-tat-dong-bo.txt").read_text("utf-8")
    assert f"radio: LỖI — {tmp_path / 'dai.txt'} không phải là thư mục" in summary
    pipeline = yaml.safe_load((without_oa / "ci" / "gitlab-ci.yml").read_text("utf-8"))
    after = subprocess.run(
        ["bash", "-e", "-c", str(pipeline["publish"]["after_script"][-1])],
        cwd=without_oa,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (after.returncode, after.stdout) == (0, ""), after.stderr  # no «dừng giữa chừng»


@pytest.mark.parametrize(
    ("code", "told"), [(None, True), ("143", True), ("130", True), ("0", False), ("3", False)]
)
def test_gitlab_after_script_tells_a_sync_stopped_midway(
    tmp_path: Path, code: str | None, told: bool
) -> None:
    """Cancelled or timed out during the sync, the job had no word of it (GitHub's last step
    says «Đồng bộ bị dừng giữa chừng»): after_script now says it, in the log and the summary."""
    pipeline = yaml.safe_load((REPO / "ci" / "gitlab-ci.yml").read_text("utf-8"))
    script = str(pipeline["publish"]["after_script"][-1])
    (tmp_path / "sync.log").write_text("Đang dựng…\n", "utf-8")
    if code is not None:
        (tmp_path / "sync.code").write_text(code + "\n", "utf-8")
    done = subprocess.run(
        ["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    summary = tmp_path / "tom-tat-dong-bo.txt"
    if told:
        assert "Đồng bộ bị dừng giữa chừng" in done.stdout
        assert "không đăng trùng" in summary.read_text("utf-8")
    else:
        assert done.stdout == "" and not summary.exists()
    (tmp_path / "sync.log").unlink()  # the job stopped before the sync: nothing to tell
    summary.unlink(missing_ok=True)
    done = subprocess.run(
        ["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.stdout == "" and not summary.exists()


def test_a_unit_with_an_oa_still_gets_its_zalo_plan(tmp_path: Path) -> None:
    root = unit_project(tmp_path, "2463951837402251183")
    code, said, written = run_step(root, github_step(root, "preview", "plan"))
    assert (code, written.get("code")) == (0, "0"), said
    plan = (root / "plan.md").read_text("utf-8")
    assert "### Zalo OA" in plan and "chưa cấu hình Zalo OA" not in plan


def test_gitlab_preview_installs_git_for_the_tool_requirements_txt_names() -> None:
    """requirements.txt names the tool as `publish @ git+…` (publish init); pip needs git for
    it, and the python:*-slim image has none: the merge request job installs only curl."""
    pipeline = yaml.safe_load((REPO / "ci" / "gitlab-ci.yml").read_text("utf-8"))
    assert pipeline["default"]["image"].endswith("-slim")
    for job in ("preview", "publish"):
        lines = [str(x) for x in pipeline[job].get("before_script", []) + pipeline[job]["script"]]
        pip = next(i for i, line in enumerate(lines) if "pip install" in line)
        assert any(
            "apt-get install" in line and " git" in line.split("apt-get install", 1)[1]
            for line in lines[:pip]
        ), job
