"""The sync manifest: every change reaches the disk, concurrent changes share writes, corruption is loud."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from publish.errors import PublishError
from publish.sync import manifest as manifest_module
from publish.sync.manifest import Manifest


def test_concurrent_updates_all_reach_the_file_and_share_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight threads × 40 updates: every record is durable (journal), and flushed into the file."""
    writes = []
    real = manifest_module.atomic_write_bytes

    def slow_write(path: Path, data: bytes, **kwargs: int) -> None:
        writes.append(len(data))
        threading.Event().wait(0.002)  # like an fsync: lets other threads queue behind it
        real(path, data, **kwargs)

    monkeypatch.setattr(manifest_module, "atomic_write_bytes", slow_write)
    state = Manifest(tmp_path / "zalo.json", "zalo")

    def work(worker: int) -> None:
        for n in range(40):
            state.update(f"k{worker}-{n}", article_id=f"a{worker}{n}")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert Manifest.load(tmp_path / "zalo.json", "zalo").entries() == state.entries()
    state.flush()
    assert not (tmp_path / "zalo.json.journal").exists()
    saved = json.loads((tmp_path / "zalo.json").read_text(encoding="utf-8"))["entries"]
    assert len(saved) == 320
    assert saved["k7-39"] == {"article_id": "a739"}
    assert len(writes) < 320


def test_reload_gives_back_what_was_saved(tmp_path: Path) -> None:
    """A manifest read again has the same records."""
    state = Manifest(tmp_path / "radio.json", "radio")
    state.put("a", {"digest": "x"})
    state.remove("missing")
    state.flush()
    again = Manifest.load(tmp_path / "radio.json", "radio")
    assert again.entries() == {"a": {"digest": "x"}}


def test_truncated_state_is_an_error_and_is_backed_up(tmp_path: Path) -> None:
    """A truncated file is never read as empty: it is copied aside and the sync stops."""
    path = tmp_path / "zalo.json"
    state = Manifest(path, "zalo")
    state.put("a", {"article_id": "1"})
    state.flush()
    path.write_bytes(path.read_bytes()[:20])
    with pytest.raises(PublishError, match="bị hỏng") as caught:
        Manifest.load(path, "zalo")
    assert "--reconcile" in str(caught.value)
    assert list(tmp_path.glob("zalo.json.hong-*"))


def test_the_same_broken_state_is_backed_up_once_however_many_runs_find_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI commits state/: a broken file left for a day must not add a backup every 30 minutes."""
    path = tmp_path / "zalo.json"
    path.write_text('{"entries": {"a": {"article_id": "1"}', "utf-8")
    clock = iter(["20261207-100000", "20261207-103000", "20261207-110000"])
    monkeypatch.setattr(manifest_module.time, "strftime", lambda _fmt: next(clock))
    for _ in range(2):  # two scheduled runs
        with pytest.raises(PublishError, match=re.escape("thành zalo.json.hong-20261207-100000;")):
            Manifest.load(path, "zalo")
    assert [p.name for p in tmp_path.glob("zalo.json.hong-*")] == ["zalo.json.hong-20261207-100000"]
    path.write_text('{"entries": {', "utf-8")  # broken differently: kept apart
    with pytest.raises(PublishError) as caught:
        Manifest.load(path, "zalo")
    assert len(list(tmp_path.glob("zalo.json.hong-*"))) == 2
    # In CI the broken file is the committed one: checking it out again would not help.
    told = str(caught.value)
    assert "git log -- state/zalo.json" in told
    assert "git checkout MÃ_COMMIT -- state/zalo.json" in told


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "(tệp trống)"),
        ('{"entries": {"a": {"article_id": "1"}', "(dòng 1, cột 38: tệp bị cắt cụt"),
        ('{"entries": {\n"a": {}\n"b": {}}}', "(dòng 3, cột 1: thiếu dấu phẩy giữa hai mục)"),
        (
            '{"entries": {\n<<<<<<< HEAD\n"a": {}\n=======\n"b": {}\n>>>>>>> main\n}}',
            "(dòng 2, cột 1: tệp còn dấu xung đột của git",
        ),
    ],
    ids=["empty", "truncated", "missing-comma", "merge-conflict"],
)
def test_a_broken_state_file_is_described_in_vietnamese(
    tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "zalo.json"
    path.write_text(text, "utf-8")
    with pytest.raises(PublishError) as caught:
        Manifest.load(path, "zalo")
    message = str(caught.value)
    assert f"{path}: tệp trạng thái bị hỏng {said}" in message
    assert "Expecting" not in message and "char " not in message


def test_a_killed_sync_leaves_a_journal_that_the_next_load_replays(tmp_path: Path) -> None:
    """Per-step changes survive a crash before the state file is rewritten; a torn line is ignored."""
    path = tmp_path / "zalo.json"
    first = Manifest(path, "zalo")
    first.put("a", {"article_id": "1"})
    first.flush()
    first.update("a", status="hidden")
    first.put("b", {"token": "t"})
    first.remove("c")
    with open(path.with_name("zalo.json.journal"), "a", encoding="utf-8") as journal:
        journal.write('{"key": "d", "entr')  # killed in the middle of a write
    again = Manifest.load(path, "zalo")
    assert again.entries() == {"a": {"article_id": "1", "status": "hidden"}, "b": {"token": "t"}}
    again.put("e", {"token": "u"})  # the next run appends after the torn line, never onto it
    assert set(Manifest.load(path, "zalo")) == {"a", "b", "e"}
    again.flush()
    assert json.loads(path.read_text(encoding="utf-8"))["entries"] == again.entries()
    assert not path.with_name("zalo.json.journal").exists()
