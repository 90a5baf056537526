"""The CI loop replayed in temporary git repositories, and the shipped CI files checked.

Each CI run is a fresh clone (as a runner checks out), `publish sync` with no target, then
ci/commit-state.sh pushes state/ back. What persists between runs is what persists in real CI: the
git remote, the Zalo OA (the emulator), the token file (a persisted secret volume) and the radio
station's folder. An edit must then give exactly one Zalo update and rewrite only that bulletin's
radio files; a run with nothing new must send nothing and commit nothing.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from publish.cli import main, make_parser
from publish.zalo.emulator import EmulatorConfig, ZaloEmulator
from tests.zalo_fixtures import env_for
from tests.zalo_project import BODY, FAST_ENV, jpeg, site_toml, zalo_bulletin

REPO = Path(__file__).resolve().parents[1]
CI = REPO / "ci"
NOW = "2021-01-01T09:00"
STATE_MESSAGE = "Cập nhật trạng thái đồng bộ [skip ci]"
KEY = "bt-001"
RADIO = "{air_date: 2021-01-02}"
"""The Saturday after NOW: the radio sync copies only episodes still to air."""
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Biên tập viên",
    "GIT_AUTHOR_EMAIL": "bientap@example.vn",
    "GIT_COMMITTER_NAME": "Biên tập viên",
    "GIT_COMMITTER_EMAIL": "bientap@example.vn",
}

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd` with a clean configuration; return its output."""
    result = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def project_files() -> dict[str, str | bytes]:
    """A content repository: two bulletins for web, Zalo and radio, images, .gitignore, ci/."""
    toml = site_toml('oa_id = "2463951837402251183"').replace(
        'default_channels = ["web", "zalo"]', 'default_channels = ["web", "zalo", "radio"]'
    )
    return {
        "site.toml": toml,
        ".gitignore": "/output/\n/.cache/\n/state/.sync.lock\n",
        "content/images/bia.jpg": jpeg(color=(20, 60, 160)),
        "content/images/anh-1.jpg": jpeg(),
        "content/bai-viet/ban-tin-000.md": zalo_bulletin(0, radio=RADIO),
        "content/bai-viet/ban-tin-001.md": zalo_bulletin(1, radio=RADIO),
        "ci/commit-state.sh": (CI / "commit-state.sh").read_text("utf-8"),
    }


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    """The remote, the editor's clone, the OA emulator, the persisted token file and radio folder."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    editor = tmp_path / "editor"
    git(tmp_path, "clone", "-q", str(origin), str(editor))
    git(editor, "checkout", "-q", "-b", "main")
    for rel, content in project_files().items():
        path = editor / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    git(editor, "add", "-A")
    git(editor, "commit", "-q", "-m", "Thêm hai bản tin")
    git(editor, "push", "-q", "origin", "main")
    radio = tmp_path / "dai-phat-thanh"
    radio.mkdir()
    token_file = tmp_path / "persisted-volume" / "zalo-token.json"
    with ZaloEmulator(EmulatorConfig(verify_processing_count=1)) as emulator:
        for name, value in env_for(emulator, token_file, **FAST_ENV).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("PUBLISH_RADIO_DIR", str(radio))
        monkeypatch.setenv("CI", "true")
        monkeypatch.delenv("PUBLISH_ZALO_CRASH_AT", raising=False)
        yield {
            "tmp": tmp_path,
            "origin": origin,
            "editor": editor,
            "radio": radio,
            "token_file": token_file,
            "emulator": emulator,
            "runs": 0,
        }


def ci_run(world: dict) -> tuple[int, dict]:
    """One CI job: fresh checkout, `publish sync`, commit state/ back. Returns (exit code, summary)."""
    world["runs"] += 1
    checkout = world["tmp"] / f"runner-{world['runs']}"
    git(world["tmp"], "clone", "-q", "-b", "main", str(world["origin"]), str(checkout))
    summary = world["tmp"] / f"summary-{world['runs']}.json"
    code = main(["--root", str(checkout), "--now", NOW, "sync", "--summary-json", str(summary)])
    subprocess.run(
        ["sh", "ci/commit-state.sh", "origin", "main"],
        cwd=checkout,
        env={**os.environ, **GIT_ENV},
        check=True,
        capture_output=True,
    )
    return code, json.loads(summary.read_text("utf-8"))


def channels(summary: dict) -> dict[str, dict]:
    """The summary's channels by name."""
    return {c["channel"]: c for c in summary["channels"]}


def radio_files(folder: Path) -> dict[str, bytes]:
    """Every file in the station folder."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def origin_log(world: dict) -> list[str]:
    """Commit subjects on the remote's main, newest first."""
    return git(world["origin"], "log", "--format=%s", "main").splitlines()


def test_commit_sync_commit_state_edit_sync_gives_one_update_each(world: dict) -> None:
    emulator = world["emulator"]

    code, first = ci_run(world)

    assert code == 0, first
    assert emulator.count_calls("/article/create") == 2
    assert channels(first)["zalo"]["created"] == 2 and channels(first)["radio"]["created"] > 0
    assert origin_log(world)[:2] == [STATE_MESSAGE, "Thêm hai bản tin"]
    tracked = git(world["origin"], "ls-tree", "-r", "--name-only", "main").splitlines()
    assert {"state/zalo.json", "state/radio.json"} <= set(tracked)
    assert not [p for p in tracked if p.startswith("output/") or "token" in p or "lock" in p]
    assert world["token_file"].exists()  # the rotated refresh token survives the runner

    editor = world["editor"]
    git(editor, "pull", "-q", "--rebase", "origin", "main")
    bulletin = editor / "content/bai-viet/ban-tin-001.md"
    body = BODY.replace("Sáng nay,", "Sáng 01/12/2020,")
    bulletin.write_text(
        zalo_bulletin(
            1,
            body=body,
            summary='"Tóm tắt đã sửa: người dân gọi 113 khi nghi bị lừa."',
            radio=RADIO,
        ),
        "utf-8",
    )
    git(editor, "commit", "-q", "-am", "Sửa tóm tắt bản tin")
    git(editor, "push", "-q", "origin", "main")
    emulator.clear_calls()
    before = radio_files(world["radio"])

    code, second = ci_run(world)

    assert code == 0, second
    article_id = json.loads(git(world["origin"], "show", "main:state/zalo.json"))["entries"][KEY][
        "article_id"
    ]
    writes = emulator.write_calls()
    assert [(c.path, c.body.get("id")) for c in writes] == [("/v2.0/article/update", article_id)]
    station = radio_files(world["radio"])
    # The station is told what changed in an episode it already has, in the episode's log.
    logs = {path for path in station if path.endswith("/THAY-DOI.txt")}
    assert logs and not logs & set(before)
    notes = logs | {"DOC-TRUOC.txt"}  # the change log and the staff's guide tell of it
    after = {path: data for path, data in station.items() if path not in notes}
    rewritten = {path for path in after if before.get(path) != after[path]}
    assert f"items/{KEY}.txt" in rewritten
    assert set(after) == set(before) - notes  # nothing created or withdrawn at the station
    state = json.loads(git(world["origin"], "show", "main:state/radio.json"))["entries"]
    assert all(KEY in state[path]["bulletins"] for path in rewritten)
    radio = channels(second)["radio"]
    # Counted as printed: the guide rewritten is one more update, the new change log a create.
    assert radio["updated"] == len(rewritten) + 1 and radio["created"] == len(logs)
    assert radio["hidden"] == 0
    assert origin_log(world)[:3] == [STATE_MESSAGE, "Sửa tóm tắt bản tin", STATE_MESSAGE]

    emulator.clear_calls()
    head = git(world["origin"], "rev-parse", "main")
    code, third = ci_run(world)

    assert code == 0
    assert emulator.write_calls() == []
    assert radio_files(world["radio"]) == station
    remote = [c for c in third["channels"] if c["channel"] != "web"]  # web: a fresh checkout
    assert all(c["created"] == c["updated"] == c["hidden"] == 0 for c in remote)
    assert git(world["origin"], "rev-parse", "main") == head  # nothing new to commit


def test_state_commit_lands_even_when_the_branch_moved_during_the_run(world: dict) -> None:
    checkout = world["tmp"] / "runner-slow"
    git(world["tmp"], "clone", "-q", "-b", "main", str(world["origin"]), str(checkout))
    assert main(["--root", str(checkout), "--now", NOW, "sync"]) == 0
    editor = world["editor"]  # an editor pushes while the sync is running
    (editor / "content/bai-viet/ban-tin-002.md").write_text(zalo_bulletin(2), "utf-8")
    git(editor, "add", "-A")
    git(editor, "commit", "-q", "-m", "Thêm bản tin thứ ba")
    git(editor, "push", "-q", "origin", "main")

    subprocess.run(
        ["sh", "ci/commit-state.sh", "origin", "main"],
        cwd=checkout,
        env={**os.environ, **GIT_ENV},
        check=True,
        capture_output=True,
    )

    assert origin_log(world)[:2] == [STATE_MESSAGE, "Thêm bản tin thứ ba"]
    git(editor, "pull", "-q", "--rebase", "origin", "main")
    assert (editor / "state/zalo.json").exists()
    assert (editor / "content/bai-viet/ban-tin-002.md").exists()


def test_pull_request_preview_needs_no_credentials_and_sends_nothing(
    world: dict, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    assert ci_run(world)[0] == 0
    emulator = world["emulator"]
    emulator.clear_calls()
    station = radio_files(world["radio"])
    preview = world["tmp"] / "pull-request"
    git(world["tmp"], "clone", "-q", "-b", "main", str(world["origin"]), str(preview))
    body = BODY.replace("Sáng nay,", "Chiều nay,")
    edited = zalo_bulletin(1, body=body, radio=RADIO)
    (preview / "content/bai-viet/ban-tin-001.md").write_text(edited, "utf-8")
    for name in ("ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_REFRESH_TOKEN", "ZALO_TOKEN_FILE"):
        monkeypatch.delenv(name)  # a pull request from a fork sees no secrets
    capsys.readouterr()

    code = main(["--root", str(preview), "--now", NOW, "sync", "--dry-run", "--format", "markdown"])

    assert code == 0
    assert emulator.calls == []
    assert radio_files(world["radio"]) == station
    assert git(preview, "status", "--porcelain") == " M content/bai-viet/ban-tin-001.md\n"
    out = capsys.readouterr().out
    zalo = out.split("### Zalo OA", 1)[1].split("###", 1)[0]
    assert "không hỏi Zalo" in zalo and "| cập nhật | " in zalo and f"(`{KEY}`)" in zalo
    radio = out.split("### Phát thanh", 1)[1].split("###", 1)[0]
    assert f"`items/{KEY}.txt`" in radio
    # Nothing the station has is planned anew: the one file created is the change log of the
    # edited script's episode, which a real run writes once the script is sent.
    created = re.findall(r"^\| tạo mới \| [^|\n]*`([^`\n]+)`", radio, re.MULTILINE)
    assert [name.rpartition("/")[2] for name in created] == ["THAY-DOI.txt"]


# --- the shipped CI files ---------------------------------------------------------------------------


def load(name: str) -> dict:
    """A CI file parsed as YAML."""
    return yaml.safe_load((CI / name).read_text(encoding="utf-8"))


def shell_lines(document: object) -> Iterator[str]:
    """Every line of every shell script in a CI document (run:, script:, after_script:…)."""
    if isinstance(document, dict):
        for key, value in document.items():
            if key in ("run", "script", "before_script", "after_script"):
                scripts = value if isinstance(value, list) else [value]
                for script in scripts:
                    yield from str(script).replace("\\\n", " ").splitlines()
            else:
                yield from shell_lines(value)
    elif isinstance(document, list):
        for item in document:
            yield from shell_lines(item)


def publish_commands(document: object) -> list[list[str]]:
    """The argument lists of every `publish …` command in the scripts (variables kept as text)."""
    found = []
    for line in shell_lines(document):
        for match in re.finditer(r"(?:^|[;&|({]\s*|\bthen\s+)publish\s+([^;&|>]+)", line.strip()):
            words = shlex.split(match.group(1).replace("$targets", "web zalo radio"))
            found.append(words)
    return found


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_every_publish_command_in_the_ci_files_parses(name: str) -> None:
    commands = publish_commands(load(name))
    assert any(c[0] == "sync" and "--dry-run" in c for c in commands)
    assert any(c[0] == "sync" and "--summary-json" in c for c in commands)
    for words in commands:
        make_parser().parse_args(words)  # exits (fails the test) on an unknown option


@pytest.mark.parametrize(
    ("name", "schema"),
    [("github-actions.yml", "vendor.github-workflows"), ("gitlab-ci.yml", "vendor.gitlab-ci")],
)
def test_ci_files_follow_the_published_schemas(name: str, schema: str) -> None:
    # These files only ever run on GitHub or GitLab: a misspelt key would first show there, in
    # the unit's publishing pipeline. The schemas ship with check-jsonschema (no network).
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(CI / name)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_gitlab_exposes_the_plan_under_a_name_gitlab_accepts() -> None:
    """«Kế hoạch đồng bộ» passed the published schema, but GitLab checks the name with
    /\\A\\w[-\\w ]*\\z/ in Ruby, whose \\w is ASCII: it refused the whole file, so no
    pipeline ran at all."""
    exposed = load("gitlab-ci.yml")["preview"]["artifacts"]["expose_as"]
    assert re.fullmatch(r"\w[-\w ]*", exposed, re.ASCII), exposed


def test_github_workflow_publishes_one_at_a_time_on_push_and_off_the_hour() -> None:
    workflow = load("github-actions.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"]
    minutes = triggers["schedule"][0]["cron"].split()[0]
    assert "0" not in minutes.split(",") and minutes != "*"
    concurrency = workflow["concurrency"]
    assert "'publish'" in concurrency["group"] and "true" not in str(
        concurrency["cancel-in-progress"]
    )
    sync_job = workflow["jobs"]["sync"]
    assert sync_job["needs"] == [
        "build",
        "deploy-web",
    ]  # the web is live before Zalo fetches images
    assert sync_job["env"]["ZALO_APP_SECRET"] == "${{ secrets.ZALO_APP_SECRET }}"
    steps = {step.get("name"): step for step in sync_job["steps"]}
    commit = steps["Commit trạng thái đồng bộ"]
    assert commit["if"] == "always()" and "ci/commit-state.sh" in commit["run"]
    assert steps["Cất tệp token Zalo vào cache"]["if"].startswith("always()")


def test_github_pull_request_check_reads_the_build_cache_and_never_writes_one() -> None:
    """The preview checks with the pages and link outlines the last build and check on the main
    branch left (a cold check of 10,000 bulletins takes ~90 s), read only: the build job, whose
    cache it is, must never restore anything a pull request's code wrote."""
    jobs = load("github-actions.yml")["jobs"]
    uses = [step.get("uses", "") for step in jobs["preview"]["steps"]]
    restore = next(
        s for s in jobs["preview"]["steps"] if s.get("uses") == "actions/cache/restore@v4"
    )
    assert not any(u.startswith(("actions/cache@", "actions/cache/save@")) for u in uses)
    assert restore["with"]["path"].split() == [".cache", "output"]
    saved = next(s for s in jobs["build"]["steps"] if s.get("uses") == "actions/cache@v4")
    assert saved["with"]["key"].startswith(restore["with"]["restore-keys"])
    names = [step.get("name", "") for step in jobs["preview"]["steps"]]
    assert names.index(restore["name"]) < names.index("Kiểm tra nội dung")


def test_gitlab_pipeline_publishes_one_at_a_time_and_always_commits_state() -> None:
    pipeline = load("gitlab-ci.yml")
    job = pipeline["publish"]
    assert job["resource_group"] == "publish"
    assert any("ci/commit-state.sh" in line for line in job["after_script"])
    assert any(c.get("key") == "zalo-token" and c.get("when") == "always" for c in job["cache"])
    assert pipeline["preview"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]


def test_commit_message_is_the_one_the_guide_promises() -> None:
    assert f'message="{STATE_MESSAGE}"' in (CI / "commit-state.sh").read_text("utf-8")


def test_gitlab_publishes_only_the_default_branch_even_on_a_schedule() -> None:
    # A schedule on another branch would publish that branch's unreviewed content with the Zalo
    # secrets, then commit-state.sh would rebase the branch onto the default one and push it.
    rules = load("gitlab-ci.yml")["publish"]["rules"]
    assert rules and all("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in rule["if"] for rule in rules)


def test_gitlab_merge_request_code_shares_no_cache_with_the_publish_job() -> None:
    # A merge request's code writes the preview job's cache; the publish job, which holds the
    # secrets, must not install packages (or read pickles) from it.
    pipeline = load("gitlab-ci.yml")
    caches = {job: pipeline[job]["cache"] for job in ("preview", "publish")}
    keys = {
        job: {c["key"] for c in (cache if isinstance(cache, list) else [cache])}
        for job, cache in caches.items()
    }
    assert keys["preview"] and not keys["preview"] & keys["publish"]


def test_state_commit_that_cannot_be_merged_stops_with_the_guide_and_keeps_this_runs_state(
    tmp_path: Path,
) -> None:
    # Two runs overlapped: the later one checked out before the earlier pushed its state/, so
    # both changed the same lines. The operator must get the guide's message, and state/ (the
    # artifact they restore from) must be this run's own, not a file full of conflict markers.
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    first, second = tmp_path / "run-1", tmp_path / "run-2"
    git(tmp_path, "clone", "-q", str(origin), str(first))
    git(first, "checkout", "-q", "-b", "main")
    (first / "ci").mkdir()
    shutil.copy(CI / "commit-state.sh", first / "ci/commit-state.sh")
    (first / "state").mkdir()
    (first / "state/dong-ho.json").write_text('{"last_now": "09:00"}\n', "utf-8")
    git(first, "add", "-A")
    git(first, "commit", "-q", "-m", "init")
    git(first, "push", "-q", "origin", "main")
    git(tmp_path, "clone", "-q", "-b", "main", str(origin), str(second))
    (first / "state/dong-ho.json").write_text('{"last_now": "09:05"}\n', "utf-8")
    (second / "state/dong-ho.json").write_text('{"last_now": "09:07"}\n', "utf-8")

    def commit_state(run: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["sh", "ci/commit-state.sh", "origin", "main"],
            cwd=run,
            env={**os.environ, **GIT_ENV},
            capture_output=True,
            text=True,
        )

    assert commit_state(first).returncode == 0
    late = commit_state(second)

    assert late.returncode == 1
    assert "hai lần chạy gối nhau" in late.stderr and "state/dong-ho.json" in late.stderr
    assert "'Không đẩy được state/' trong hướng dẫn vận hành" in late.stderr
    assert (second / "state/dong-ho.json").read_text("utf-8") == '{"last_now": "09:07"}\n'
    assert git(second, "status", "--porcelain") == ""  # no rebase left half done
    assert git(origin, "show", "main:state/dong-ho.json") == '{"last_now": "09:05"}\n'


def test_a_run_queued_behind_another_syncs_from_the_newest_state_or_not_at_all(
    tmp_path: Path,
) -> None:
    # A schedule fires while a merge is publishing: its checkout predates that run's state/
    # commit. Synced from it, Zalo would refuse (or update twice) and the state/ commits clash.
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    editor = tmp_path / "editor"
    git(tmp_path, "clone", "-q", str(origin), str(editor))
    git(editor, "checkout", "-q", "-b", "main")
    (editor / "ci").mkdir()
    shutil.copy(CI / "fresh-state.sh", editor / "ci/fresh-state.sh")
    (editor / "state").mkdir()
    (editor / "state/zalo.json").write_text("{}\n", "utf-8")
    (editor / "bai.md").write_text("bản tin 1\n", "utf-8")
    git(editor, "add", "-A")
    git(editor, "commit", "-q", "-m", "Thêm bản tin")
    git(editor, "push", "-q", "origin", "main")

    def runner(name: str) -> Path:
        checkout = tmp_path / name
        git(tmp_path, "clone", "-q", "-b", "main", str(origin), str(checkout))
        return checkout

    def fresh_state(run: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["sh", "ci/fresh-state.sh", "origin", "main"],
            cwd=run,
            env={**os.environ, **GIT_ENV},
            capture_output=True,
            text=True,
        )

    queued, later = runner("queued"), runner("later")
    assert fresh_state(queued).returncode == 0  # nothing moved: nothing said, nothing changed
    (editor / "state/zalo.json").write_text('{"bai": "đã đăng"}\n', "utf-8")  # the other run
    git(editor, "commit", "-qam", STATE_MESSAGE)
    git(editor, "push", "-q", "origin", "main")

    moved = fresh_state(queued)
    assert moved.returncode == 0 and "Lấy state/ mới nhất" in moved.stdout
    assert (queued / "state/zalo.json").read_text("utf-8") == '{"bai": "đã đăng"}\n'
    assert git(queued, "rev-parse", "HEAD") == git(origin, "rev-parse", "main")

    (editor / "bai.md").write_text("bản tin 1, đã sửa\n", "utf-8")  # newer content too
    git(editor, "commit", "-qam", "Sửa bản tin")
    git(editor, "push", "-q", "origin", "main")
    stale = fresh_state(later)
    assert stale.returncode == 3 and "lần này không đồng bộ" in stale.stderr
    assert (later / "state/zalo.json").read_text("utf-8") == "{}\n"  # left as checked out


def sync_arguments(script: str, tmp_path: Path, env: dict[str, str]) -> list[str]:
    """The arguments the shell lines of a CI sync step give `publish sync`, run with bash and a
    stand-in `publish` (and ci/fresh-state.sh) that only record them."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    record = tmp_path / "args.txt"
    fake = bin_dir / "publish"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n', "utf-8")
    fake.chmod(0o755)
    (tmp_path / "ci").mkdir(exist_ok=True)
    (tmp_path / "ci/fresh-state.sh").write_text("exit 0\n", "utf-8")
    outputs = {n: str(tmp_path / n) for n in ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY")}
    subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=tmp_path,
        env={
            "PATH": f"{bin_dir}:{os.environ['PATH']}",
            "RUNNER_TEMP": str(tmp_path),
            "NOW": NOW,
            "GITHUB_REF_NAME": "main",
            **outputs,
            **env,
        },
        check=True,
        capture_output=True,
    )
    return record.read_text("utf-8").split()


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("", "web zalo radio"),
        ("không", "web zalo radio"),
        ("chạy thử", "zalo --reconcile --dry-run"),
        ("thực hiện", "zalo --reconcile"),
    ],
)
def test_ci_can_rebuild_the_zalo_state_from_zalo_only_when_run_by_hand_with_the_choice(
    tmp_path: Path, choice: str, expected: str
) -> None:
    """README's step 3 of «Khôi phục trạng thái» (--reconcile) needed local credentials: a
    GitHub run by hand has a «reconcile» choice, GitLab a PUBLISH_RECONCILE variable, off by
    default (push and schedule leave it empty); set, the sync is Zalo's reconcile alone."""
    workflow = load("github-actions.yml")
    choices = workflow[True]["workflow_dispatch"]["inputs"]["reconcile"]
    assert choices["default"] == "không" and choices["options"][1:] == ["chạy thử", "thực hiện"]
    steps = {step.get("name"): step for step in workflow["jobs"]["sync"]["steps"]}
    assert workflow["jobs"]["sync"]["env"]["RECONCILE"] == "${{ inputs.reconcile }}"
    radio = {"PUBLISH_RADIO_DIR": str(tmp_path / "dai")}
    # A unit with an OA: the CI files name zalo only when site.toml names one.
    (tmp_path / "site.toml").write_text('[zalo]\noa_id = "2463951837402251183"\n', "utf-8")
    github = sync_arguments(steps["Đồng bộ"]["run"], tmp_path, {**radio, "RECONCILE": choice})
    assert github[: github.index("--now")] == ["sync", *expected.split()]
    pipeline = load("gitlab-ci.yml")
    assert pipeline["variables"]["PUBLISH_RECONCILE"]["value"] == "không"
    lines = pipeline["publish"]["script"]
    start = next(i for i, line in enumerate(lines) if line.startswith('targets="web"'))
    end = next(i for i, line in enumerate(lines) if "publish sync $targets" in line)
    gitlab = sync_arguments(
        "\n".join(lines[start : end + 1]), tmp_path, {**radio, "PUBLISH_RECONCILE": choice}
    )
    assert gitlab[: gitlab.index("--now")] == ["sync", *expected.split()]
    make_parser().parse_args(gitlab)  # the options the tool knows


def minutes(duration: str) -> int:
    """GitLab's duration («1h», «45m», «1h 30m») in minutes."""
    units = {"h": 60, "m": 1}
    return sum(int(n) * units[u] for n, u in re.findall(r"(\d+)\s*([hm])", duration))


def test_github_sync_step_times_out_before_the_job_so_token_and_state_are_still_saved() -> None:
    # A job that runs out of time may end without its always() steps; a step that does only
    # fails, and the steps that keep the refreshed token and push state/ run after it.
    job = load("github-actions.yml")["jobs"]["sync"]
    names = [step.get("name") for step in job["steps"]]
    sync_step = job["steps"][names.index("Đồng bộ")]
    assert 0 < sync_step["timeout-minutes"] < job["timeout-minutes"]
    after = job["steps"][names.index("Đồng bộ") + 1 :]
    kept = {s["name"] for s in after if str(s.get("if", "")).startswith("always()")}
    assert {"Mã hóa tệp token Zalo", "Cất tệp token Zalo vào cache"} <= kept
    assert "Commit trạng thái đồng bộ" in kept


@pytest.mark.parametrize(
    ("code", "outcome", "expected", "told"),
    [
        ("0", "success", 0, False),
        ("1", "success", 1, False),
        ("", "skipped", 1, False),  # an earlier step failed and said why
        ("", "failure", 3, True),  # the sync step timed out
        ("", "cancelled", 3, True),
        ("143", "success", 3, True),  # publish sync stopped on SIGTERM, the step still ended
        ("130", "success", 3, True),
    ],
)
def test_github_outcome_tells_a_sync_stopped_midway_in_the_summary(
    tmp_path: Path, code: str, outcome: str, expected: int, told: bool
) -> None:
    step = next(
        s for s in load("github-actions.yml")["jobs"]["sync"]["steps"] if s.get("name") == "Kết quả"
    )
    summary = tmp_path / "summary.md"
    summary.write_text("", "utf-8")
    env = {**os.environ, "CODE": code, "OUTCOME": outcome, "GITHUB_STEP_SUMMARY": str(summary)}
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], env=env, capture_output=True, text=True
    )
    assert done.returncode == expected, done.stdout + done.stderr
    text = summary.read_text("utf-8")
    if told:
        assert "Đồng bộ bị dừng giữa chừng" in text and "không đăng trùng" in text
        assert "::error" in done.stdout
    else:
        assert text == ""


def test_gitlab_script_times_out_before_the_job_so_after_script_saves_token_and_state() -> None:
    # GitLab skips after_script when the job itself times out: the refreshed token would not be
    # cached and state/ not pushed. The script's own limit leaves after_script its time.
    job = load("gitlab-ci.yml")["publish"]
    script = minutes(job["variables"]["RUNNER_SCRIPT_TIMEOUT"])
    after = minutes(job["variables"]["RUNNER_AFTER_SCRIPT_TIMEOUT"])
    assert script > 0 and after > 0
    assert script + after < minutes(job["timeout"])


def test_a_push_the_repository_does_not_answer_is_not_told_as_a_newer_branch(
    tmp_path: Path,
) -> None:
    """A state/ push that fails for the repository (unreachable, a token without the right)
    was told «Nhánh main đã có commit mới» before giving up: the operator looked for a commit
    that did not exist (QA of session 77). It now says what git's own line above tells."""
    run = tmp_path / "run"
    git(tmp_path, "init", "-q", "-b", "main", str(run))
    (run / "ci").mkdir()
    shutil.copy(CI / "commit-state.sh", run / "ci/commit-state.sh")
    (run / "state").mkdir()
    (run / "state/dong-ho.json").write_text('{"last_now": "09:00"}\n', "utf-8")
    gone = tmp_path / "khong-co-kho.git"
    done = subprocess.run(
        ["sh", "ci/commit-state.sh", str(gone), "main"],
        cwd=run,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "đã có commit mới;" not in done.stderr
    assert "Không lấy được nhánh main từ kho: xem dòng lỗi của git ở trên" in done.stderr
    assert "'Không đẩy được state/' trong hướng dẫn vận hành" in done.stderr
