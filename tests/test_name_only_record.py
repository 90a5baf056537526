"""An approval by name alone is bound to the content state/ recorded as published with it
(state/published.json's "name_only" fingerprints, written by every sync): deleting the
`approved_version` line of an approved bulletin, editing a legacy one, or writing a new text
under the id of a bulletin withdrawn long ago publishes nothing until `publish approve`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from publish import config as config_module
from publish.cli import main, resolve_now
from publish.content import load_site
from publish.errors import ContentError
from publish.url_history import history_bytes
from tests.test_name_only_approvals import (
    APPROVER,
    LEGACY,
    NEW,
    NEW_FILE,
    NOW,
    project,
    shown,
)

LEGACY_FILE = "content/bai-viet/2024-12-09-ra-quan-ttatgt-cuoi-nam.md"
SHIPPER = "canh-bao-lua-dao-shipper"
"""The fixture's third bulletin, approved by name only and never published."""


@pytest.fixture(autouse=True)
def _station_in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    """The radio sync writes to the fixture's own station folder."""
    monkeypatch.delenv("PUBLISH_RADIO_DIR", raising=False)


def sync(root: Path) -> None:
    """A radio sync (the one that records state/published.json)."""
    assert main(["--root", str(root), "--now", NOW, "sync", "radio"]) == 0


def record(root: Path) -> dict[str, Any]:
    """state/published.json as read."""
    document = json.loads((root / "state/published.json").read_text("utf-8"))
    assert isinstance(document, dict)
    return document


def reason(root: Path, key: str) -> str:
    """Why the loaded site holds back the bulletin `key`."""
    config = config_module.load(root)
    site = load_site(config, now=resolve_now(NOW, config.tz))
    [held] = [e for e in site.excluded if e.bulletin.key == key]
    assert held.code == "unapproved"
    return held.reason


def test_a_sync_records_the_fingerprint_of_what_it_published_on_a_name(tmp_path: Path) -> None:
    root = project(tmp_path)
    sync(root)
    document = record(root)
    assert document["bulletins"] == [LEGACY]
    fingerprints = document["name_only"]
    assert isinstance(fingerprints, dict) and set(fingerprints) == {LEGACY}
    # Synced again, nothing changed: the legacy approval still counts, and the file is the same.
    before = (root / "state/published.json").read_bytes()
    sync(root)
    assert (root / "state/published.json").read_bytes() == before
    assert shown(root) == {LEGACY}


def test_deleting_approved_version_holds_the_edit_nobody_approved(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert main(["approve", LEGACY_FILE, "--by", APPROVER, "--root", str(root), "--now", NOW]) == 0
    sync(root)
    assert record(root)["name_only"] == {}  # published with its approved_version
    f = root / LEGACY_FILE
    f.write_text(f.read_text("utf-8") + "\nNỘI DUNG CHƯA DUYỆT.\n", "utf-8")
    assert LEGACY not in shown(root)  # edited after approval
    f.write_text(re.sub(r"approved_version:.*\n", "", f.read_text("utf-8")), "utf-8")
    assert LEGACY not in shown(root)
    why = reason(root, LEGACY)
    assert "approved_version" in why and "đã bị xóa" in why
    assert why.endswith(f'rồi chạy: publish approve {LEGACY_FILE} --by "{APPROVER}"')
    # Not even with the line deleted and the edit undone: the last sync saw an approval stamp.
    sync(root)
    assert LEGACY not in shown(root)


def test_a_legacy_approval_edited_after_it_was_published_is_held(tmp_path: Path) -> None:
    root = project(tmp_path)
    sync(root)
    f = root / LEGACY_FILE
    text = f.read_text("utf-8")
    f.write_text(text + "\nNỘI DUNG CHƯA DUYỆT.\n", "utf-8")
    assert shown(root) == set()
    assert "nội dung đã đổi so với bản đã đăng" in reason(root, LEGACY)
    # A held bulletin keeps its record: the edit undone, the text published before goes out.
    sync(root)
    assert set(record(root)["name_only"]) == {LEGACY}
    f.write_text(text, "utf-8")
    assert shown(root) == {LEGACY}


@pytest.mark.parametrize("where", ["id", "slug"])
def test_a_new_text_under_a_withdrawn_key_is_held(tmp_path: Path, where: str) -> None:
    """state/web-urls.json keeps the address of a bulletin withdrawn years ago: a new bulletin
    copied from it as a template (or given its id) is no legacy approval."""
    root = project(tmp_path)
    sync(root)
    old = "thong-bao-cu-2019" if where == "id" else NEW
    history = {old: (f"https://congan-chauthanh.example.vn/2019/01/{old}/",)}
    (root / "state/web-urls.json").write_bytes(history_bytes(history))
    f = root / NEW_FILE
    f.write_text(f.read_text("utf-8").replace(f'id: "{NEW}"', f'id: "{old}"'), "utf-8")
    assert shown(root) == {LEGACY}
    assert "lần đồng bộ trước không đăng bản tin này" in reason(root, old)


def test_a_published_json_without_fingerprints_stands_on_its_list(tmp_path: Path) -> None:
    """Written before fingerprints were (the upgrade): the bulletins it names keep their
    legacy approval until the next sync records them; web-urls.json's withdrawn keys do not."""
    root = project(tmp_path)
    history = {NEW: ("https://congan-chauthanh.example.vn/2019/01/triet-pha-o-ma-tuy/",)}
    (root / "state/web-urls.json").write_bytes(history_bytes(history))
    assert shown(root) == {LEGACY}
    sync(root)
    assert set(record(root)["name_only"]) == {LEGACY}
    assert shown(root) == {LEGACY}


def test_a_policy_judging_no_name_records_no_fingerprints(tmp_path: Path) -> None:
    """name_only_approvals = "accept": nothing is judged, so nothing recorded; switched back
    to "published", the list the sync wrote stands until the next sync."""
    root = project(tmp_path, 'name_only_approvals = "accept"\n')
    sync(root)
    assert "name_only" not in record(root)
    assert set(record(root)["bulletins"]) == {LEGACY, NEW, SHIPPER}
    toml = root / "site.toml"
    toml.write_text(toml.read_text("utf-8").replace('name_only_approvals = "accept"\n', ""))
    assert shown(root) == {LEGACY, NEW, SHIPPER}


@pytest.mark.parametrize(
    ("policy", "told"),
    [
        ("", "bị giữ lại tới khi duyệt lại"),
        ('name_only_approvals = "accept"\n', "vẫn được đăng mà không cần duyệt lại"),
    ],
)
def test_the_build_note_says_what_an_edit_to_a_name_only_bulletin_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], policy: str, told: str
) -> None:
    """The build's note on bulletins approved by name alone told editors that a later edit is
    published without a new approval: under the default policy it is held once a sync recorded
    what went out."""
    root = project(tmp_path, policy)
    sync(root)
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "build"]) == 0
    out = capsys.readouterr().out
    [note] = [line for line in out.splitlines() if "duyệt chỉ bằng tên" in line]
    assert told in note


def test_a_new_reading_keeps_the_recorded_legacy_and_holds_its_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading a sync recorded fingerprints under moves to READINGS_BEFORE (key_lines: a
    rule changed): an untouched legacy bulletin still matches its record, under the reading it
    was recorded under, and the next sync records it again; an edit stays held."""
    from publish import approval, content, key_lines

    root = project(tmp_path)
    sync(root)
    was = record(root)["name_only"]
    new = key_lines.Reading(
        key_lines.lines_with_keys, key_lines.lines_with_keys, spans=True, name="key-lines-5"
    )
    monkeypatch.setattr(approval.judged_version, "__defaults__", (new, None))
    monkeypatch.setattr(approval.fingerprint, "__defaults__", (None, new, None))
    monkeypatch.setattr(content, "READINGS_BEFORE", (*key_lines.READINGS_BEFORE, key_lines.READING))
    assert shown(root) == {LEGACY}
    sync(root)
    now = record(root)
    assert now["bulletins"] == [LEGACY]
    assert set(now["name_only"]) == {LEGACY} and now["name_only"] != was
    f = root / LEGACY_FILE
    f.write_text(f.read_text("utf-8") + "\nNỘI DUNG CHƯA DUYỆT.\n", "utf-8")
    assert shown(root) == set()


def test_the_record_binds_the_file_an_edit_the_reading_ignores_is_held(tmp_path: Path) -> None:
    """The record holds the file's part of the fingerprint too (as `publish approve` writes
    it): a comment written after the sync changes no value as read now, but a later reading
    may read it otherwise, and nobody approved it."""
    root = project(tmp_path)
    sync(root)
    [recorded] = record(root)["name_only"].values()
    assert re.fullmatch(r"[0-9a-f]{12}-[0-9a-f]{12}-[0-9a-f]{12}", recorded)
    f = root / LEGACY_FILE
    f.write_text(f.read_text("utf-8").replace("approved_by:", "# ghi chú\napproved_by:"), "utf-8")
    assert shown(root) == set()


def test_a_record_written_without_the_file_part_counts_until_the_next_sync(tmp_path: Path) -> None:
    """Syncs before the file's part was recorded wrote «values--linked»: the bulletin stays
    published, and the next sync records the whole fingerprint."""
    root = project(tmp_path)
    sync(root)
    path = root / "state/published.json"
    document = record(root)
    whole = document["name_only"][LEGACY]
    content, _, linked = whole.split("-")
    document["name_only"] = {LEGACY: f"{content}--{linked}"}
    path.write_text(json.dumps(document), "utf-8")
    assert shown(root) == {LEGACY}
    sync(root)
    assert record(root)["name_only"] == {LEGACY: whole}


def category_hints(root: Path) -> dict[str, str]:
    """The hint of each file's unknown category, by file, as the loader tells them."""
    config = config_module.load(root)
    with pytest.raises(ContentError) as raised:
        load_site(config, now=resolve_now(NOW, config.tz))
    return {p.file: p.hint or "" for p in raised.value.problems if p.field == "category"}


def test_a_category_renamed_under_a_bulletin_published_on_a_name_is_kept_in_site_toml(
    tmp_path: Path,
) -> None:
    """The hint for a bulletin state/ records as published on a name alone, whose category
    site.toml renamed since, was «Có phải ý bạn là …?»: editing it withdraws it from every
    channel until `publish approve`, as for a bulletin approved by fingerprint, which was told
    the site.toml line instead. Edited since, or never published, a typo is the likelier
    cause: told as one."""
    root = project(tmp_path)
    sync(root)
    toml = root / "site.toml"
    toml.write_text(
        toml.read_text("utf-8").replace("[categories.an-ninh-trat-tu]", "[categories.an-ninh]"),
        "utf-8",
    )
    hints = category_hints(root)
    assert 'thêm dòng aliases = ["an-ninh-trat-tu"]' in hints[LEGACY_FILE]
    assert "đừng sửa bản tin" in hints[LEGACY_FILE]
    assert "Có phải ý bạn là" not in hints[LEGACY_FILE]
    assert hints[NEW_FILE].startswith("Có phải ý bạn là «an-ninh»?")  # never published
    f = root / LEGACY_FILE
    f.write_text(f.read_text("utf-8").replace("an-ninh-trat-tu", "an-ninh-trat-tuu"), "utf-8")
    assert category_hints(root)[LEGACY_FILE].startswith("Có phải ý bạn là «an-ninh»?")


def test_a_file_name_like_a_published_key_does_not_make_a_bulletin_published(
    tmp_path: Path,
) -> None:
    """A record of keys alone (published.json from before fingerprints) vouches by the
    bulletin's key, its id here: its file name's slug, the key of another bulletin published,
    made a never-published bulletin with a renamed category told «đừng sửa bản tin» and the
    site.toml line, where a typo is the likelier cause."""
    root = project(tmp_path)  # published.json lists LEGACY's key, no fingerprints
    (root / NEW_FILE).rename(root / "content/bai-viet/2024-12-12-ra-quan-ttatgt-cuoi-nam.md")
    toml = root / "site.toml"
    toml.write_text(
        toml.read_text("utf-8").replace("[categories.an-ninh-trat-tu]", "[categories.an-ninh]"),
        "utf-8",
    )
    hints = category_hints(root)
    assert "đừng sửa bản tin" in hints[LEGACY_FILE]  # its key is in the record
    moved = hints["content/bai-viet/2024-12-12-ra-quan-ttatgt-cuoi-nam.md"]
    assert moved.startswith("Có phải ý bạn là «an-ninh»?")


def test_the_record_is_read_again_only_when_the_file_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each bulletin whose category site.toml renamed asks for the record: an unchanged file is
    not read again, and a rewritten one is read anew, not answered from the old reading."""
    from publish import name_only_record

    state = tmp_path / "state"
    state.mkdir()
    record = state / name_only_record.PUBLISHED_NAME
    record.write_text(json.dumps({"bulletins": ["a"]}), encoding="utf-8")
    reads: list[Path] = []
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        """Path.read_bytes, counting the reads."""
        reads.append(path)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    assert name_only_record._read(state) == (frozenset({"a"}), None)
    assert name_only_record._read(state) == (frozenset({"a"}), None)
    assert reads == [record]
    record.write_text(json.dumps({"bulletins": ["a", "b"]}), encoding="utf-8")
    assert name_only_record._read(state) == (frozenset({"a", "b"}), None)
    assert reads == [record, record]
