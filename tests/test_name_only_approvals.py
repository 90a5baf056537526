"""A name typed by hand into `approved_by` (no `approved_version`) looks exactly like an approval
given before `publish approve` existed. Under the default [policy] name_only_approvals =
"published" it publishes only a bulletin state/ records as published before; a new one is held
on every channel, its reason naming the file and the command the approver runs."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main, resolve_now
from publish.content import load_site
from publish.url_history import history_bytes
from tests.helpers import FIXTURES, OA_ID, TINY_JPEG

NOW = "2024-12-12T12:00"
LEGACY = "ra-quan-ttatgt-cuoi-nam"
"""The bulletin the last sync published (on its old name-only approval)."""
NEW = "triet-pha-o-ma-tuy"
"""A bulletin never published, whose approved_by an editor typed."""
NEW_FILE = "content/bai-viet/2024-12-11-triet-pha-o-ma-tuy.md"
APPROVER = "Thượng tá Nguyễn Văn Hùng"
"""The name the fixture's bulletins carry in approved_by."""
COMMAND = f'publish approve {NEW_FILE} --by "{APPROVER}"'


def project(tmp_path: Path, policy: str = "", published: tuple[str, ...] = (LEGACY,)) -> Path:
    """The radio fixture (three bulletins approved by name only) on web, Zalo and radio, with
    site.toml's [policy] holding `policy` only (the tool's defaults otherwise), and
    state/published.json naming `published`."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root)
    toml = root / "site.toml"
    text = toml.read_text("utf-8").replace('name_only_approvals = "accept"\n', policy)
    text = text.replace('["web", "radio"]', '["web", "zalo", "radio"]')
    text = text.replace("[site]\n", '[site]\ndefault_cover = "images/bia.jpg"\n')
    toml.write_text(text + f'\n[zalo]\noa_id = "{OA_ID}"\n')
    (root / "content/images").mkdir()
    (root / "content/images/bia.jpg").write_bytes(TINY_JPEG)
    (root / "state").mkdir()
    record = {"version": 1, "bulletins": list(published)}
    (root / "state/published.json").write_text(json.dumps(record), "utf-8")
    return root


def shown(root: Path) -> set[str]:
    """Keys of the bulletins the loaded site publishes."""
    config = config_module.load(root)
    return {b.key for b in load_site(config, now=resolve_now(NOW, config.tz)).bulletins}


def written(root: Path, key: str) -> list[str]:
    """The files under output/ naming `key` (its page, Zalo payload, radio item), by path."""
    return sorted(
        str(path.relative_to(root / "output"))
        for path in (root / "output").rglob("*")
        if path.is_file() and (key in str(path) or key.encode() in path.read_bytes())
    )


def test_a_name_typed_on_a_new_bulletin_publishes_it_on_no_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    assert main(["build", "--root", str(root), "--now", NOW]) == 0
    out = capsys.readouterr().out
    assert written(root, NEW) == []
    # The legacy approval, published before the upgrade, stays on every channel.
    legacy = written(root, LEGACY)
    assert f"web/2024/12/{LEGACY}/index.html" in legacy
    assert f"zalo/{LEGACY}.json" in legacy
    assert f"radio/items/{LEGACY}.txt" in legacy
    line = next(line for line in out.splitlines() if line.startswith(f"Bỏ qua {NEW_FILE}: "))
    assert "chỉ có tên người duyệt «Thượng tá Nguyễn Văn Hùng» (approved_by)" in line
    assert "chưa từng được đăng" in line and "Không đăng ở kênh nào" in line
    assert line.endswith(f"rồi chạy: {COMMAND}")
    assert "Cần duyệt: 2 bản tin chỉ có tên người duyệt, chưa có dấu duyệt" in out
    assert "đã đổi sau khi duyệt" not in out  # nothing was edited after an approval


def test_the_command_named_publishes_it(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert NEW not in shown(root)
    assert main([*shlex.split(COMMAND)[1:], "--root", str(root), "--now", NOW]) == 0
    assert NEW in shown(root)


@pytest.mark.parametrize(
    ("policy", "published"),
    [
        ("", {LEGACY}),
        ('name_only_approvals = "published"\n', {LEGACY}),
        ('name_only_approvals = "accept"\n', {LEGACY, NEW, "canh-bao-lua-dao-shipper"}),
        ('name_only_approvals = "refuse"\n', set()),
        # A unit that does not bind approvals to content judges no name.
        ('approval = "name"\n', {LEGACY, NEW, "canh-bao-lua-dao-shipper"}),
        ("require_approval = false\n", {LEGACY, NEW, "canh-bao-lua-dao-shipper"}),
    ],
    ids=["default", "published", "accept", "refuse", "approval-name", "no-approval"],
)
def test_the_policy_says_what_a_name_alone_is_worth(
    tmp_path: Path, policy: str, published: set[str]
) -> None:
    assert shown(project(tmp_path, policy)) == published


def test_refused_names_the_setting(tmp_path: Path) -> None:
    root = project(tmp_path, 'name_only_approvals = "refuse"\n')
    config = config_module.load(root)
    site = load_site(config, now=resolve_now(NOW, config.tz))
    [held] = [e for e in site.excluded if e.bulletin.key == LEGACY]
    assert held.code == "unapproved"
    assert 'name_only_approvals = "refuse"' in held.reason and "publish approve" in held.reason


def test_without_state_every_name_alone_waits_for_its_approver(tmp_path: Path) -> None:
    """A fresh clone of a unit that never synced: nothing shows any bulletin was published."""
    root = project(tmp_path)
    shutil.rmtree(root / "state")
    assert shown(root) == set()


def test_a_state_written_before_published_json_still_counts(tmp_path: Path) -> None:
    """The website's address history (and the Zalo and radio records) of a state/ an earlier
    version wrote: an upgrade withdraws no bulletin those show as published."""
    root = project(tmp_path, published=())
    assert shown(root) == set()
    (root / "state/published.json").unlink()
    history = {NEW: ("https://congan-chauthanh.example.vn/2024/12/triet-pha-o-ma-tuy/",)}
    (root / "state/web-urls.json").write_bytes(history_bytes(history))
    assert shown(root) == {NEW}


def test_a_renamed_file_keeps_its_record_by_its_id_only(tmp_path: Path) -> None:
    """The record names a bulletin by its key: `id` when it has one, else the slug, which a new
    file name changes: then it is a new bulletin, held until approved."""
    root = project(tmp_path, published=(NEW,))
    old = root / NEW_FILE
    renamed = old.with_name("2024-12-11-triet-pha-o-nhom-ma-tuy.md")
    old.rename(renamed)
    assert shown(root) == {NEW}
    text = renamed.read_text("utf-8")
    renamed.write_text(text.replace(f'id: "{NEW}"\n', ""), "utf-8")
    assert shown(root) == set()


def test_a_radio_sync_sends_no_script_of_it_and_does_not_record_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sync reads the same gate, and records as published only what it published: syncing
    again does not turn the typed name into an approval."""
    root = project(tmp_path)
    monkeypatch.delenv("PUBLISH_RADIO_DIR", raising=False)
    run = ["--root", str(root), "--now", NOW, "sync", "radio"]
    for _ in range(2):
        assert main(run) == 0
        record = json.loads((root / "state/published.json").read_text("utf-8"))
        assert record["bulletins"] == [LEGACY]
    station = root / "dai-phat-thanh"
    sent = " ".join(p.read_text("utf-8") for p in station.rglob("*.txt"))
    assert "ma túy" not in sent and "Thưa quý vị" in sent
