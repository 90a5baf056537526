"""A state/published.json that exists but cannot be read, or that was deleted from a state/ a
version writing it kept, vouches for no approval by name alone: the channels' records (which
keep every key ever published, withdrawn ones too) stand in only for a state/ from before the
file existed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from publish.cli import main
from publish.url_history import history_bytes
from tests.test_name_only_approvals import LEGACY, NEW, NOW, project, shown
from tests.test_name_only_record import LEGACY_FILE, reason, record, sync

WITHDRAWN = {NEW: (f"https://congan-chauthanh.example.vn/2019/01/{NEW}/",)}
"""state/web-urls.json's record of a bulletin withdrawn in 2019, whose id a new text took."""


def conflicted(good: str) -> str:
    """published.json as git leaves it after two syncs wrote it on two branches."""
    return f"<<<<<<< HEAD\n{good}=======\n{good}>>>>>>> nhanh-khac\n"


@pytest.mark.parametrize(
    ("broken", "told"),
    [
        (conflicted, "dòng 1, cột 1: tệp còn dấu xung đột của git"),
        (lambda good: good.rstrip()[:-1], "tệp bị cắt cụt"),
        (lambda good: json.dumps({"version": 1}), "thiếu danh sách «bulletins»"),
        (lambda good: json.dumps([LEGACY]), "thiếu danh sách «bulletins»"),
        (
            lambda good: json.dumps({"bulletins": [LEGACY], "name_only": [LEGACY]}),
            "mục «name_only» không phải bảng",
        ),
    ],
    ids=["conflict", "cut-short", "no-list", "a-list", "name-only-shape"],
)
def test_an_unreadable_published_json_vouches_for_no_name(
    tmp_path: Path, broken: Callable[[str], str], told: str
) -> None:
    root = project(tmp_path)
    sync(root)
    (root / "state/web-urls.json").write_bytes(history_bytes(WITHDRAWN))
    f = root / LEGACY_FILE
    f.write_text(f.read_text("utf-8") + "\nNỘI DUNG CHƯA DUYỆT.\n", "utf-8")
    assert shown(root) == set()
    path = root / "state/published.json"
    path.write_text(broken(path.read_text("utf-8")), "utf-8")
    # Neither the edit nor the new text under the withdrawn id goes out, nor the legacy text.
    assert shown(root) == set()
    for key in (LEGACY, NEW):
        why = reason(root, key)
        assert "state/published.json không đọc được: " in why and told in why
        assert "git checkout MÃ_COMMIT -- state/published.json, với MÃ_COMMIT" in why
    f.write_text(f.read_text("utf-8").replace("\nNỘI DUNG CHƯA DUYỆT.\n", ""), "utf-8")
    assert shown(root) == set()


def test_a_deleted_published_json_vouches_for_no_name(tmp_path: Path) -> None:
    """The sync that wrote published.json wrote state/radio.json too: without the list, the
    records do not stand in for it (a new text under a withdrawn id would go out)."""
    root = project(tmp_path)
    sync(root)
    assert json.loads((root / "state/radio.json").read_text("utf-8"))["published_list"]
    (root / "state/web-urls.json").write_bytes(history_bytes(WITHDRAWN))
    assert shown(root) == {LEGACY}
    (root / "state/published.json").unlink()
    assert shown(root) == set()
    assert "state/published.json đã mất" in reason(root, NEW)


def test_the_website_address_history_a_sync_wrote_tells_a_deletion_too(tmp_path: Path) -> None:
    """A unit publishing on the website only keeps no zalo.json nor radio.json: the address
    history the sync wrote tells the same."""
    root = project(tmp_path)
    sync(root)
    radio = root / "state/radio.json"
    document = json.loads(radio.read_text("utf-8"))
    del document["published_list"]
    radio.write_text(json.dumps(document), "utf-8")
    history = root / "state/web-urls.json"
    assert json.loads(history.read_text("utf-8"))["published_list"]
    (root / "state/published.json").unlink()
    assert shown(root) == set()


def test_a_state_from_before_published_json_still_stands_on_its_records(tmp_path: Path) -> None:
    """radio.json written by an earlier version (no published_list): the upgrade withdraws
    nothing its records show published."""
    root = project(tmp_path)
    sync(root)
    radio = root / "state/radio.json"
    document = json.loads(radio.read_text("utf-8"))
    del document["published_list"]
    radio.write_text(json.dumps(document), "utf-8")
    history = root / "state/web-urls.json"
    written = json.loads(history.read_text("utf-8"))
    history.write_bytes(history_bytes(written["urls"]))
    (root / "state/published.json").unlink()
    assert shown(root) == {LEGACY}
    sync(root)
    assert set(record(root)["name_only"]) == {LEGACY}


@pytest.mark.parametrize("lost", ["conflict", "deleted"])
def test_a_sync_refuses_to_withdraw_and_forget_the_legacy_approvals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lost: str
) -> None:
    """It would take every legacy bulletin off the radio and write a new list without their
    records: it stops before sending or writing anything, and says how to mend the file."""
    root = project(tmp_path)
    sync(root)
    path = root / "state/published.json"
    good = path.read_text("utf-8")
    station = sorted(p.name for p in (root / "dai-phat-thanh").rglob("*"))
    if lost == "conflict":
        path.write_text(conflicted(good), "utf-8")
    else:
        path.unlink()
    before = {p: p.read_bytes() for p in (root / "state").glob("*.json")}
    f = root / LEGACY_FILE
    f.write_text(f.read_text("utf-8") + "\nNỘI DUNG CHƯA DUYỆT.\n", "utf-8")
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "sync", "radio"]) == 1
    err = capsys.readouterr().err
    assert "git checkout MÃ_COMMIT -- state/published.json" in err
    assert (
        f"3 bản tin duyệt chỉ bằng tên bị giữ lại (content/bai-viet/2024-12-09-{LEGACY}.md, " in err
    )
    assert {p: p.read_bytes() for p in (root / "state").glob("*.json")} == before
    assert sorted(p.name for p in (root / "dai-phat-thanh").rglob("*")) == station
    # The good copy taken back: the edit is still held, its text never recorded.
    path.write_text(good, "utf-8")
    sync(root)
    assert record(root)["name_only"] == json.loads(good)["name_only"]
    assert shown(root) == set()


def _as_an_earlier_version_left_it(root: Path) -> None:
    """state/ as a version that wrote published.json before the channel records carried
    published_list (session 36) left it: the records hold no mark of it."""
    radio = root / "state/radio.json"
    document = json.loads(radio.read_text("utf-8"))
    del document["published_list"]
    radio.write_text(json.dumps(document), "utf-8")
    history = root / "state/web-urls.json"
    history.write_bytes(history_bytes(json.loads(history.read_text("utf-8"))["urls"]))


def _git(root: Path, *args: str) -> None:
    """Run git in the project (a unit's repository)."""
    env = {"GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@b", "GIT_COMMITTER_NAME": "a"}
    env |= {"GIT_COMMITTER_EMAIL": "a@b", "PATH": os.environ.get("PATH", ""), "HOME": str(root)}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("deleted", ["in the checkout", "committed"])
def test_a_published_json_an_earlier_version_wrote_then_deleted_vouches_for_no_name(
    tmp_path: Path, deleted: str
) -> None:
    """Its records carry no published_list, so the deletion looked like a state/ that never had
    the file, and the channels' records (every key ever published) stood in: the legacy text
    edited since the last sync, and a new text under an id withdrawn in 2019, went out, and the
    next sync would have recorded both. Git's history tells the file was there."""
    root = project(tmp_path)
    sync(root)
    _as_an_earlier_version_left_it(root)
    history = root / "state/web-urls.json"
    urls = json.loads(history.read_text("utf-8"))["urls"]
    history.write_bytes(history_bytes({**urls, **WITHDRAWN}))
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "lần đồng bộ")
    f = root / LEGACY_FILE
    f.write_text(f.read_text("utf-8") + "\nNỘI DUNG CHƯA DUYỆT.\n", "utf-8")
    (root / "state/published.json").unlink()
    if deleted == "committed":
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", "xóa nhầm")
    assert shown(root) == set()
    for key in (LEGACY, NEW):
        why = reason(root, key)
        assert "state/published.json đã mất" in why and "lịch sử git" in why
        assert "git checkout MÃ_COMMIT -- state/published.json, với MÃ_COMMIT" in why
    assert main(["--root", str(root), "--now", NOW, "sync", "radio"]) == 1


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_state_git_never_saw_published_json_in_still_stands_on_its_records(
    tmp_path: Path,
) -> None:
    """A repository synced only by versions from before published.json: its records stand in,
    in a git repository too (the upgrade withdraws nothing)."""
    root = project(tmp_path)
    sync(root)
    _as_an_earlier_version_left_it(root)
    (root / "state/published.json").unlink()
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "lần đồng bộ")
    assert shown(root) == {LEGACY}
