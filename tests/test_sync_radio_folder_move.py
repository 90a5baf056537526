"""A station folder changed on purpose is a move, not an unmounted share (README «Chuyển thư mục đài»)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.errors import RemoteError
from publish.sync import radio as radio_sync
from tests.helpers import snapshot
from tests.test_sync_radio import LATER, STATION, root, sync  # noqa: F401


def test_a_move_to_an_empty_folder_writes_every_coming_script_there(
    root: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The first sync to the real share after the demo folder (or any deliberate move to an
    empty folder, which README says is fine) stopped with exit 3 on every run."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    sync(root)
    demo = snapshot(root / STATION)
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(share))
    # README's step 4 (a dry run) is not refused, and tells the move in one line.
    assert main(["sync", "radio", "--root", str(root), "--now", LATER, "--dry-run"]) == 0
    [told] = [line for line in capsys.readouterr().out.splitlines() if "đã đổi từ" in line]
    assert f"radio: lưu ý: thư mục của đài đã đổi từ {STATION} sang {share}: coi là chuyển" in told
    assert not any(share.iterdir())
    _actions, summary = sync(root, now=LATER)
    assert summary.created >= 6
    assert set(snapshot(share)) >= set(demo)
    assert snapshot(root / STATION) == demo  # the old folder is left alone
    meta = json.loads((root / "state/radio.json").read_text("utf-8"))["meta"]
    assert meta["folder"] == str(share)
    _actions, summary = sync(root, now=LATER)
    assert summary.created == 0


def test_an_emptied_folder_at_the_same_path_is_refused_and_offers_reconcile(
    root: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same folder found empty is still an unmounted share; a deliberate change of folder
    that the records cannot tell (a state/ from before the folder was recorded) is offered
    --reconcile."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    sync(root)
    path = root / "state/radio.json"
    document = json.loads(path.read_text("utf-8"))
    document["meta"].pop("folder", None)  # written by an older version
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    for name in sorted((root / STATION).rglob("*"), reverse=True):
        name.rmdir() if name.is_dir() else name.unlink()
    with pytest.raises(RemoteError) as caught:
        sync(root, now=LATER)
    assert caught.value.exit_code == 3
    assert "đổi thư mục có chủ ý" in str(caught.value) and "--reconcile" in str(caught.value)
    _actions, summary = sync(root, now=LATER, reconcile=True)
    assert summary.created >= 6


@pytest.mark.parametrize("old_share", ["not-mounted", "empty-mount-point"])
def test_an_empty_folder_elsewhere_is_no_move_while_the_old_folder_cannot_be_read(
    root: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    old_share: str,
) -> None:
    """Two machines spelling the share differently (/mnt/dai, /media/dai), not mounted on the
    second: its empty folder was taken for a move, every script written where the station
    never reads, and a withdrawal recorded as done while the real share still held the script."""
    share = tmp_path / "mnt-dai"
    share.mkdir()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(share))
    sync(root)
    held = tmp_path / "share-on-the-station-pc"
    share.rename(held)  # the first machine's path does not lead to the share here
    if old_share == "empty-mount-point":
        share.mkdir()
    laptop = tmp_path / "media-dai"
    laptop.mkdir()
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(laptop))
    records = (root / "state/radio.json").read_bytes()
    for dry_run in (True, False):
        with pytest.raises(RemoteError) as caught:
            sync(root, now=LATER, dry_run=dry_run)
        assert caught.value.exit_code == 3
        told = str(caught.value)
        assert f"đã đổi từ {share} sang {laptop}" in told
        assert "gắn" in told and "--reconcile" in told
        assert not any(laptop.iterdir())
        assert (root / "state/radio.json").read_bytes() == records
    # The station did move and the old folder is gone: --reconcile writes everything there.
    _actions, summary = sync(root, now=LATER, reconcile=True)
    assert summary.created >= 6
    assert set(snapshot(laptop)) >= set(snapshot(held))
    meta = json.loads((root / "state/radio.json").read_text("utf-8"))["meta"]
    assert meta["folder"] == str(laptop)


def test_a_move_by_copying_everything_records_the_new_folder_at_once(
    root: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """README's move (copy all, change the folder, nothing to do): state/radio.json kept the old
    folder until some script was written, so the new share found empty (not mounted) while the
    old copy was still there passed for a deliberate move and took every script."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    sync(root)
    share = tmp_path / "share"
    shutil.copytree(root / STATION, share)
    monkeypatch.setenv(radio_sync.ENV_FOLDER, str(share))
    _actions, summary = sync(root, now=LATER)
    assert summary.created == summary.updated == 0
    meta = json.loads((root / "state/radio.json").read_text("utf-8"))["meta"]
    assert meta["folder"] == str(share)
    for name in sorted(share.rglob("*"), reverse=True):  # the share, unmounted: an empty folder
        name.rmdir() if name.is_dir() else name.unlink()
    with pytest.raises(RemoteError) as caught:
        sync(root, now=LATER)
    assert caught.value.exit_code == 3
    assert not any(share.iterdir())
