"""A content/ that lost its bulletins wholesale withdraws nothing until the operator confirms."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.sync import vanished
from publish.zalo.emulator import ZaloEmulator
from tests.helpers import FIXTURES, accept_names, add_toml, bulletin_md, snapshot
from tests.zalo_project import (
    NOW,
    sync,
    zalo_bulletin,
    zalo_project,
)
from tests.zalo_project import records as state

RADIO_NOW = "2024-12-12T12:00"


def shown(emulator: ZaloEmulator) -> list[str]:
    """The status of every article on the OA."""
    return sorted(a["status"] for a in emulator.articles.values())


def test_a_checkout_without_the_bulletins_folder_withdraws_nothing(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 4)
    assert sync(root) == 0
    web = snapshot(root / "output" / "web")
    records = state(root)
    emulator.clear_calls()
    capsys.readouterr()
    shutil.rmtree(root / "content" / "bai-viet")
    assert sync(root) == 1
    told = capsys.readouterr().err
    assert "content/ không có bản tin nào, trong khi state/ ghi 4 bản tin đã đăng" in told
    assert "Chưa làm gì." in told and "--confirm-withdrawal" in told
    assert "Traceback" not in told
    assert emulator.write_calls() == [] and shown(emulator) == ["show"] * 4
    assert snapshot(root / "output" / "web") == web and state(root) == records


def test_content_linked_to_an_empty_folder_is_named_and_withdraws_nothing(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """An unmounted drive's mount point, or a link to an empty folder, reads as no bulletin."""
    root = zalo_project(tmp_path, 3)
    toml = root / "site.toml"
    assert sync(root) == 0
    toml.write_text(toml.read_text("utf-8").replace('default_cover = "images/bia.jpg"\n', ""))
    emulator.clear_calls()
    capsys.readouterr()
    shutil.move(root / "content", tmp_path / "o-dia-ngoai")
    (tmp_path / "o-chua-gan").mkdir()
    os.symlink(tmp_path / "o-chua-gan", root / "content")
    assert sync(root) == 1
    told = capsys.readouterr().err
    assert f"content/ (liên kết tới «{tmp_path / 'o-chua-gan'}») không có bản tin nào" in told
    assert emulator.write_calls() == [] and shown(emulator) == ["show"] * 3


def test_the_confirmation_flag_withdraws_every_bulletin(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    shutil.rmtree(root / "content" / "bai-viet")
    assert sync(root, "--confirm-withdrawal") == 0
    assert shown(emulator) == ["hide"] * 3


def test_most_of_the_live_articles_gone_at_once_is_refused_a_few_are_withdrawn(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 10)
    assert sync(root) == 0
    (root / "state" / "published.json").unlink()  # a state/ written before it was
    folder = root / "content" / "bai-viet"
    for index in range(5):
        (folder / f"ban-tin-{index:03d}.md").unlink()
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    out = capsys.readouterr()
    told = out.out + out.err
    # The channels' records stand in for published.json: refused before any channel.
    assert (
        "5 trong 10 bản tin lần đồng bộ trước đã đăng (state/zalo.json, state/web-urls.json) "
        "không còn trong content/" in told
    )
    assert "Chưa làm gì." in told and "--confirm-withdrawal" in told
    assert "(bt-000, bt-001, bt-002, bt-003, bt-004)" in told
    assert emulator.write_calls() == []
    for index in range(1, 5):  # put back: one of ten gone is an editor's everyday withdrawal
        (folder / f"ban-tin-{index:03d}.md").write_text(zalo_bulletin(index), "utf-8")
    assert sync(root) == 0
    assert shown(emulator) == ["hide"] + ["show"] * 9


def test_many_live_articles_gone_at_once_is_refused_though_fewer_than_half(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """A year folder gone takes many articles, a minority of a large OA's: still refused."""
    root = zalo_project(tmp_path, 41)
    assert sync(root) == 0
    (root / "state" / "published.json").unlink()  # a state/ written before it was
    folder = root / "content" / "bai-viet"
    for index in range(20):
        (folder / f"ban-tin-{index:03d}.md").unlink()
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    out = capsys.readouterr()
    told = out.out + out.err
    assert "20 trong 41 bản tin lần đồng bộ trước đã đăng (state/zalo.json, " in told
    assert "--confirm-withdrawal" in told
    assert emulator.write_calls() == []
    assert sync(root, "--confirm-withdrawal") == 0
    assert shown(emulator) == ["hide"] * 20 + ["show"] * 21


def test_zalo_refuses_by_its_own_records_what_published_json_no_longer_names(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """A confirmed `publish sync web` after a folder was lost rewrites state/published.json
    to what is left: the Zalo sync after it still takes down nothing unconfirmed, by the
    articles its own records show live (the check before any channel sees nothing gone)."""
    root = zalo_project(tmp_path, 6)
    assert sync(root) == 0
    for index in range(5):
        (root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md").unlink()
    assert main(["--root", str(root), "--now", NOW, "sync", "web", "--confirm-withdrawal"]) == 0
    records = state(root)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    out = capsys.readouterr()
    told = out.out + out.err
    assert (
        "5 trong 6 bài đang hiện trên Zalo OA thuộc bản tin không còn trong content/ "
        "(bt-000, bt-001, bt-002, bt-003, bt-004): không ẩn hay gỡ bài nào" in told
    )
    assert "--confirm-withdrawal" in told and "Traceback" not in told
    assert emulator.write_calls() == [] and shown(emulator) == ["show"] * 6
    assert state(root) == records
    assert sync(root, "--confirm-withdrawal") == 0
    assert shown(emulator) == ["hide"] * 5 + ["show"]


def test_the_only_bulletin_deleted_is_withdrawn_without_confirmation(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    (root / "content" / "bai-viet" / "ban-tin-000.md").unlink()
    assert sync(root) == 0
    assert shown(emulator) == ["hide"]


def test_a_radio_folder_keeps_its_scripts_when_content_lost_its_bulletins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root)
    monkeypatch.delenv("PUBLISH_RADIO_DIR", raising=False)
    run = ["--root", str(root), "--now", RADIO_NOW, "sync", "radio"]
    assert main(run) == 0
    station = snapshot(root / "dai-phat-thanh")
    capsys.readouterr()
    shutil.rmtree(root / "content" / "bai-viet")
    assert main(run) == 1
    assert "content/ không có bản tin nào, trong khi state/ ghi" in capsys.readouterr().err
    assert snapshot(root / "dai-phat-thanh") == station


def build(root: Path, *extra: str) -> int:
    """Run `publish build` in this process."""
    return main(["--root", str(root), "--now", NOW, "build", *extra])


def test_a_build_without_the_bulletins_folder_keeps_the_website_ci_deploys(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """CI deploys output/web right after `publish build`, before a sync could refuse."""
    root = zalo_project(tmp_path, 3)
    assert main(["--root", str(root), "--now", NOW, "sync", "web"]) == 0
    web = snapshot(root / "output" / "web")
    capsys.readouterr()
    shutil.rmtree(root / "content" / "bai-viet")
    assert build(root) == 1
    told = capsys.readouterr().err
    assert (
        "content/ không có bản tin nào, trong khi state/ ghi 3 bản tin đã đăng: dựng lúc này "
        "sẽ xóa mọi bản tin khỏi output/" in told
    )
    assert "Chưa ghi gì, output/ giữ nguyên." in told and "--confirm-withdrawal" in told
    assert "Traceback" not in told
    assert snapshot(root / "output" / "web") == web
    assert "(CI triển khai website từ output/web ngay sau publish build)" in told
    # The unit's own bulletins: their files are to be got back, state/ never deleted.
    assert "lấy lại các tệp đã mất từ git trước" in told and "git log --diff-filter=D" in told
    assert "dự án mẫu" not in told and "xóa các tệp .json" not in told
    assert build(root, "--output", "thu") == 1
    told = capsys.readouterr().err
    assert "xóa mọi bản tin khỏi thu/. Chưa ghi gì, thu/ giữ nguyên." in told
    assert "CI triển khai" not in told  # CI deploys output/web, not thu/web
    assert not (root / "thu").exists()


def test_a_draft_preview_and_a_confirmed_build_go_on_without_the_bulletins(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 3)
    assert main(["--root", str(root), "--now", NOW, "sync", "web"]) == 0
    web = root / "output" / "web"
    pages = {str(p.relative_to(web)) for p in web.rglob("*.html")}
    shutil.rmtree(root / "content" / "bai-viet")
    assert build(root, "--drafts") == 0  # a preview never reaches output/
    assert build(root, "--confirm-withdrawal") == 0
    assert {str(p.relative_to(web)) for p in web.rglob("*.html")} < pages


def test_a_preview_without_the_bulletins_folder_keeps_the_website_in_output(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """`publish serve` builds into output/web, which some units copy to their web server."""
    from publish.serve import PreviewSession

    root = zalo_project(tmp_path, 3)
    assert main(["--root", str(root), "--now", NOW, "sync", "web"]) == 0
    web = snapshot(root / "output" / "web")
    shutil.rmtree(root / "content" / "bai-viet")
    err = io.StringIO()
    with PreviewSession(root, port=0, now=NOW, out=io.StringIO(), err=err):
        pass
    told = err.getvalue()
    assert "content/ không có bản tin nào, trong khi state/ ghi 3 bản tin đã đăng" in told
    assert "Chưa ghi gì, output/ giữ nguyên." in told and "--confirm-withdrawal" in told
    assert snapshot(root / "output" / "web") == web
    with PreviewSession(root, port=0, now=NOW, confirmed=True, out=io.StringIO(), err=err):
        pass
    assert snapshot(root / "output" / "web") != web


def web_sync(root: Path) -> int:
    """Run `publish sync web` in this process."""
    return main(["--root", str(root), "--now", NOW, "sync", "web"])


def test_a_build_that_lost_many_published_bulletins_keeps_the_website_ci_deploys(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """A year folder lost (20 of 41 bulletins): only an EMPTY content/ was refused, and CI
    deployed the website without those pages."""
    root = zalo_project(tmp_path, 41)
    assert web_sync(root) == 0
    web = snapshot(root / "output" / "web")
    for index in range(20):
        (root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md").unlink()
    capsys.readouterr()
    assert build(root) == 1
    told = capsys.readouterr().err
    assert (
        "20 trong 41 bản tin lần đồng bộ trước đã đăng (state/published.json) không còn trong "
        "content/ (bt-000, bt-001, bt-002, bt-003, bt-004 và 15 bản tin khác): dựng lúc này sẽ "
        "xóa trang của chúng khỏi output/ (CI triển khai website từ output/web ngay sau publish "
        "build). Chưa ghi gì, output/ giữ nguyên." in told
    )
    assert "--confirm-withdrawal" in told and "confirm_withdrawal_from" in told
    assert "Traceback" not in told
    assert snapshot(root / "output" / "web") == web
    assert build(root, "--confirm-withdrawal") == 0
    assert snapshot(root / "output" / "web") != web


def test_the_withdrawal_cap_is_a_setting_of_site_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 41)
    assert web_sync(root) == 0
    for index in range(20):
        (root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md").unlink()
    toml = root / "site.toml"
    toml.write_text(add_toml(toml.read_text("utf-8"), "\n[policy]\nconfirm_withdrawal_from = 21\n"))
    assert build(root) == 0
    toml.write_text(toml.read_text("utf-8").replace("= 21", "= 0"))
    assert build(root) == 1
    told = capsys.readouterr().err
    assert "confirm_withdrawal_from" in told and "Traceback" not in told


def test_a_sync_that_lost_half_its_published_bulletins_withdraws_them_nowhere(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """The website and radio followed a lost folder that only Zalo refused to follow."""
    root = zalo_project(tmp_path, 10)
    assert sync(root) == 0
    assert main(["--root", str(root), "--now", NOW, "sync"]) == 0
    web = snapshot(root / "output" / "web")
    records = state(root)
    for index in range(5):
        (root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md").unlink()
    emulator.clear_calls()
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "sync"]) == 1
    told = capsys.readouterr().err
    assert "5 trong 10 bản tin lần đồng bộ trước đã đăng (state/published.json)" in told
    assert "đồng bộ lúc này sẽ rút chúng khỏi website, Zalo OA và thư mục đài" in told
    assert "Chưa làm gì." in told and "--confirm-withdrawal" in told
    # Not the sample's bulletins: deleting state/ would lose the unit's records. CI runs
    # build, then sync.
    assert "xóa các tệp .json" not in told and "Đừng xóa các tệp trong state/" in told
    assert "git status và git log --diff-filter=D --name-only -- content/" in told
    assert "cả bước publish build và bước publish sync" in told
    assert emulator.write_calls() == [] and shown(emulator) == ["show"] * 10
    assert snapshot(root / "output" / "web") == web and state(root) == records
    assert main(["--root", str(root), "--now", NOW, "sync", "--confirm-withdrawal"]) == 0
    assert shown(emulator) == ["hide"] * 5 + ["show"] * 5
    assert build(root) == 0  # confirmed once: the next build compares with what is left


def test_a_radio_folder_keeps_its_scripts_when_a_folder_of_bulletins_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root)
    toml = root / "site.toml"
    toml.write_text(add_toml(toml.read_text("utf-8"), "\n[policy]\nconfirm_withdrawal_from = 2\n"))
    monkeypatch.delenv("PUBLISH_RADIO_DIR", raising=False)
    run = ["--root", str(root), "--now", RADIO_NOW, "sync", "radio"]
    assert main(run) == 0
    station = snapshot(root / "dai-phat-thanh")
    capsys.readouterr()
    for path in sorted((root / "content" / "bai-viet").glob("*.md"))[:2]:
        path.unlink()
    assert main(run) == 1
    told = capsys.readouterr().err
    assert "2 trong 3 bản tin lần đồng bộ trước đã đăng" in told and "Chưa làm gì." in told
    assert snapshot(root / "dai-phat-thanh") == station


def test_without_published_json_the_radio_folder_keeps_its_scripts_when_bulletins_are_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """A state/ written before published.json was: the channels' records stand in for it, so
    a lost folder of bulletins reaches neither the radio folder nor the website."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root)
    toml = root / "site.toml"
    toml.write_text(add_toml(toml.read_text("utf-8"), "\n[policy]\nconfirm_withdrawal_from = 2\n"))
    monkeypatch.delenv("PUBLISH_RADIO_DIR", raising=False)
    run = ["--root", str(root), "--now", RADIO_NOW, "sync", "radio"]
    assert main(run) == 0
    station = snapshot(root / "dai-phat-thanh")
    (root / "state" / "published.json").unlink()
    capsys.readouterr()
    for path in sorted((root / "content" / "bai-viet").glob("*.md"))[:2]:
        path.unlink()
    assert main(run) == 1
    told = capsys.readouterr().err
    assert (
        "2 trong 3 bản tin lần đồng bộ trước đã đăng (state/web-urls.json, state/radio.json) "
        "không còn" in told
    )
    assert "Chưa làm gì." in told
    assert snapshot(root / "dai-phat-thanh") == station
    assert main([*run, "--confirm-withdrawal"]) == 0
    assert snapshot(root / "dai-phat-thanh") != station


def test_a_preview_that_lost_many_published_bulletins_keeps_the_website_in_output(
    tmp_path: Path,
) -> None:
    from publish.serve import PreviewSession

    root = zalo_project(tmp_path, 10)
    assert web_sync(root) == 0
    web = snapshot(root / "output" / "web")
    for index in range(5):
        (root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md").unlink()
    err = io.StringIO()
    with PreviewSession(root, port=0, now=NOW, out=io.StringIO(), err=err):
        pass
    told = err.getvalue()
    assert "5 trong 10 bản tin lần đồng bộ trước đã đăng" in told
    assert "Chưa ghi gì, output/ giữ nguyên." in told
    assert snapshot(root / "output" / "web") == web


def test_every_withdrawal_refusal_gives_the_same_advice_for_ci(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """Only the refusal for many published bulletins gone said where the flag goes in CI (both
    the build and the sync step, for one run): an empty content/ and the Zalo check said «chạy
    lại với --confirm-withdrawal», which an operator cannot do to a CI job but by its file."""
    in_ci = (
        "trong CI, thêm --confirm-withdrawal vào cả bước publish build và bước publish sync của "
        "tệp CI (ci/github-actions.yml hay ci/gitlab-ci.yml) cho một lần chạy, rồi bỏ đi."
    )
    root = zalo_project(tmp_path, 10)
    assert sync(root) == 0
    (root / "state" / "published.json").unlink()  # a state/ written before it was
    for index in range(5):
        (root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md").unlink()
    capsys.readouterr()
    assert sync(root) == 1
    told = capsys.readouterr()
    assert "bản tin lần đồng bộ trước đã đăng (state/zalo.json, " in told.out + told.err
    assert in_ci in told.out + told.err
    shutil.rmtree(root / "content" / "bai-viet")
    for run in (build, sync):
        assert run(root) == 1
        told = capsys.readouterr()
        assert "content/ không có bản tin nào, trong khi state/ ghi" in told.err, run
        assert in_ci in told.err, run


REPO = Path(__file__).resolve().parent.parent


def sample_project(tmp_path: Path) -> Path:
    """A copy of the sample project (README command 1) whose website was synced."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "site.toml", root / "site.toml")
    shutil.copytree(REPO / "content", root / "content")
    assert main(["--root", str(root), "--now", "2026-11-28T09:00", "sync", "web"]) == 0
    return root


def test_deleting_state_is_advised_only_when_the_sample_bulletins_are_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Every refusal told every operator to delete state/'s .json files: a unit whose checkout
    lost its own bulletins could follow it and lose its Zalo, radio and web records. It is the
    fix only for a unit that deleted the sample bulletins (README step 5 half done)."""
    root = sample_project(tmp_path)
    samples = sorted((root / "content" / "bai-viet").glob("*.md"))
    for path in samples:
        path.unlink()
    run = ["--root", str(root), "--now", "2026-11-28T09:00", "build"]
    capsys.readouterr()
    assert main(run) == 1  # nothing left in content/
    told = capsys.readouterr().err
    assert "Các bản tin đó đều là bản tin mẫu" in told
    assert "xóa các tệp .json trong state/ (README, «Dùng cho đơn vị của bạn», bước 5)" in told
    own = bulletin_md({"title": '"Bản tin đầu tiên của đơn vị"', "date": "2026-11-27 08:00"})
    first = root / "content" / "bai-viet" / "2026-11-27-ban-tin-dau-tien.md"
    first.write_text(own, "utf-8")
    # Approved as a unit does (a name alone would hold a bulletin never published).
    approve = ["--root", str(root), "--now", "2026-11-28T09:00", "approve", str(first)]
    assert main([*approve, "--by", "Thượng tá Nguyễn Văn Hùng"]) == 0
    assert main(run) == 1  # the first bulletin written, the samples' records still in state/
    told = capsys.readouterr().err
    assert "không còn trong content/" in told and "Các bản tin đó đều là bản tin mẫu" in told
    # One of the unit's own bulletins lost with the samples: its records must stay.
    shutil.copy(REPO / "content" / "bai-viet" / samples[0].name, samples[0])
    sync_web = ["--root", str(root), "--now", "2026-11-28T09:00", "sync", "web"]
    assert main([*sync_web, "--confirm-withdrawal"]) == 0
    for path in (root / "content" / "bai-viet").glob("*.md"):
        path.unlink()
    capsys.readouterr()
    assert main(run) == 1
    told = capsys.readouterr().err
    assert "bản tin mẫu" not in told and "xóa các tệp .json" not in told
    assert "lấy lại các tệp đã mất từ git trước" in told


def test_deleting_state_is_not_advised_when_state_records_the_units_own_bulletins(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Only the sample bulletins are gone, but state/ also records the unit's own published
    one: deleting state/'s .json files would lose its website (and Zalo, radio) records."""
    root = sample_project(tmp_path)
    accept_names(root)  # the unit's bulletin below is approved by name (bulletin_md)
    own = bulletin_md({"title": '"Bản tin đầu tiên của đơn vị"', "date": "2026-11-27 08:00"})
    (root / "content" / "bai-viet" / "2026-11-27-ban-tin-dau-tien.md").write_text(own, "utf-8")
    sync_web = ["--root", str(root), "--now", "2026-11-28T09:00", "sync", "web"]
    assert main(sync_web) == 0
    for path in (root / "content" / "bai-viet").glob("*.md"):
        if path.name != "2026-11-27-ban-tin-dau-tien.md":
            path.unlink()
    capsys.readouterr()
    assert main(["--root", str(root), "--now", "2026-11-28T09:00", "build"]) == 1
    told = capsys.readouterr().err
    assert "không còn trong content/" in told
    assert "bản tin mẫu" not in told and "xóa các tệp .json" not in told
    assert "Đừng xóa các tệp trong state/" in told


def test_the_sample_keys_are_the_sample_projects_bulletins() -> None:
    """The list the advice reads is the sample content's ids, kept up to date with it."""
    ids = set()
    for path in (REPO / "content" / "bai-viet").glob("*.md"):
        found = re.search(r'^id: "?([^"\n]+)"?$', path.read_text("utf-8"), re.M)
        assert found, path
        ids.add(found.group(1))
    assert ids == vanished.SAMPLE_KEYS


@pytest.mark.parametrize(
    "record",
    [
        {"pending_create": {"digest": "d", "title": "Bản tin của đơn vị", "at": "2026-11-27"}},
        {"token": "tok-123", "token_at": "2026-11-27T08:00:00+07:00"},
    ],
    ids=["pending-create", "token"],
)
def test_deleting_state_is_not_advised_when_zalo_json_holds_the_units_own_post_underway(
    tmp_path: Path, capsys: pytest.CaptureFixture, record: dict[str, object]
) -> None:
    """state/zalo.json records an article of the unit's own still being created (no article_id
    yet): deleting it would post that article a second time, so state/ is not the sample's."""
    root = sample_project(tmp_path)
    document = {"channel": "zalo", "version": 1, "meta": {}, "entries": {"ban-tin-don-vi": record}}
    (root / "state" / "zalo.json").write_text(json.dumps(document), "utf-8")
    for path in (root / "content" / "bai-viet").glob("*.md"):
        path.unlink()
    capsys.readouterr()
    assert main(["--root", str(root), "--now", "2026-11-28T09:00", "build"]) == 1
    told = capsys.readouterr().err
    assert "bản tin mẫu" not in told and "xóa các tệp .json" not in told
    assert "Đừng xóa các tệp trong state/" in told
