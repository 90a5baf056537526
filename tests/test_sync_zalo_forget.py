"""Records of state/zalo.json the tool could not have written, with no good copy in git: the
stop names a command that drops them (`--reconcile --zalo-forget`), never an edit of the JSON
by hand, and that command finds each bulletin's article again without creating or losing one
(tested against the emulator, real HTTP on 127.0.0.1)."""

from __future__ import annotations

import collections
import json
import re
import shlex
import unicodedata
from pathlib import Path

import pytest

from publish.cli import main
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_project import NOW, records, sync, told, zalo_bulletin, zalo_project


def garble(root: Path, **entries: object) -> None:
    """Put records into state/zalo.json by hand, as a bad merge would (None: drop one field)."""
    path = root / "state" / "zalo.json"
    data = json.loads(path.read_text("utf-8"))
    for key, change in entries.items():
        if isinstance(change, dict):
            for name, value in change.items():
                if value is None:
                    data["entries"][key].pop(name, None)
                else:
                    data["entries"][key][name] = value
        else:
            data["entries"][key] = change
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def advised(message: str) -> list[str]:
    """The `publish sync …` command the stop tells the operator to run, as argv."""
    forget = r' --zalo-forget (?:"[^"]*"|\S+)'
    found = re.search(rf"(publish sync zalo --reconcile(?:{forget})+)", message)
    assert found, message
    return shlex.split(found.group(1).rstrip(".,:;"))[1:]


def run(root: Path, argv: list[str], *extra: str) -> int:
    """Run a command as printed (after «publish») on this project."""
    return main(["--root", str(root), "--now", NOW, *argv, *extra])


def titles(emulator: ZaloEmulator) -> collections.Counter[str]:
    """How many articles of each title the OA holds."""
    return collections.Counter(a["title"] for a in emulator.articles.values())


def test_the_advised_forget_command_drops_garbled_records_and_takes_their_articles_again(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """A live record without its article id, and a record that is no object: the stop told the
    operator to delete them from "entries" by hand. It names a command; its dry run says for
    each record why it is dropped and changes nothing; the real run takes each article back,
    creating none and losing none, and the next sync sends nothing."""
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    before = dict(titles(emulator))
    ids = {key: entry["article_id"] for key, entry in records(root).items()}
    garble(root, **{"bt-000": {"article_id": None}, "bt-002": "live"})
    path = root / "state" / "zalo.json"
    garbled = path.read_bytes()
    capsys.readouterr()
    assert sync(root) == 1
    message = told(capsys)
    assert '"entries"' not in message and "xoá hẳn" not in message
    command = advised(message)
    assert command[command.index("--reconcile") :].count("--zalo-forget") == 2
    assert {"bt-000", "bt-002"} <= set(command)
    emulator.clear_calls()
    assert run(root, command, "--dry-run") == 0
    plan = told(capsys)
    assert "bt-000" in plan and "'live' (bài đang có trên Zalo) mà không có 'article_id'" in plan
    assert "bt-002" in plan and "cần một đối tượng JSON {…}, gặp chuỗi" in plan
    assert "Traceback" not in plan and unicodedata.is_normalized("NFC", plan)
    assert path.read_bytes() == garbled and emulator.write_calls() == []
    assert run(root, command) == 0
    assert dict(titles(emulator)) == before
    assert {key: entry["article_id"] for key, entry in records(root).items()} == ids
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []


def test_a_record_copied_onto_another_article_is_forgotten_and_both_articles_kept(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """Two records naming one article (one copied over the other): the command the stop gives
    drops both, and each bulletin takes its own article back by its text."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    ids = {key: entry["article_id"] for key, entry in records(root).items()}
    garble(root, **{"bt-001": {"article_id": ids["bt-000"]}})
    capsys.readouterr()
    assert sync(root) == 1
    command = advised(told(capsys))
    assert run(root, command) == 0
    assert len(emulator.articles) == 2 and set(titles(emulator).values()) == {1}
    assert {key: entry["article_id"] for key, entry in records(root).items()} == ids


def test_forget_without_reconcile_or_naming_no_record_is_refused_with_the_command(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """Dropping a record without --reconcile would have its bulletin created again: refused,
    with the command to run; a name that is no record is told, and nothing is written."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    path = root / "state" / "zalo.json"
    before = path.read_bytes()
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root, "--zalo-forget", "bt-000") == 1
    message = told(capsys)
    assert "publish sync zalo --reconcile --zalo-forget bt-000" in message
    assert sync(root, "--reconcile", "--zalo-forget", "bt-404") == 1
    message = told(capsys)
    assert "--zalo-forget bt-404" in message and "không có bản ghi" in message
    assert "Traceback" not in message
    assert path.read_bytes() == before and emulator.write_calls() == []


def test_a_stop_of_the_reconcile_keeps_the_records_and_tells_to_keep_forget(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """The garbled record's bulletin was edited since: the reconcile cannot tell its article
    from one posted by hand and stops. Its way out (--zalo-overwrite) without the
    --zalo-forget of the same command would only meet the garbled record again: the stop says
    to keep it, the file is as it was, and the two together take the article and update it."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    own = records(root)["bt-001"]["article_id"]
    garble(root, **{"bt-001": {"article_id": None}})
    source = "content/bai-viet/ban-tin-001.md"
    (root / source).write_text(zalo_bulletin(1, body="Nội dung đã sửa sau khi đăng.\n"), "utf-8")
    path = root / "state" / "zalo.json"
    garbled = path.read_bytes()
    capsys.readouterr()
    assert sync(root) == 1
    command = advised(told(capsys))
    emulator.clear_calls()
    assert run(root, command) == 1
    message = told(capsys)
    assert f"--zalo-overwrite {source}" in message
    assert "giữ cả --zalo-forget bt-001" in message
    assert path.read_bytes() == garbled and emulator.write_calls() == []
    assert run(root, command, "--zalo-overwrite", source) == 0
    assert records(root)["bt-001"]["article_id"] == own
    assert len(emulator.articles) == 2 and set(titles(emulator).values()) == {1}
    assert "Nội dung đã sửa sau khi đăng." in json.dumps(emulator.articles[own], ensure_ascii=False)


def test_a_record_pointed_at_another_article_is_given_the_forget_command_too(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """A record edited to name an article posted by hand: the update is refused (the article is
    not the tool's) and the stop said only to find a good copy in git. Without one, the command
    it now names, with the --zalo-overwrite the reconcile then asks for (the bulletin was
    edited), brings the bulletin's own article up to date and leaves the other as it was."""
    from tests.zalo_fixtures import sample_body

    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    own = records(root)["bt-001"]["article_id"]
    by_hand = emulator.seed_article(sample_body(title="Bài quản trị viên đăng tay"))
    written = json.dumps(emulator.articles[by_hand], sort_keys=True)
    garble(root, **{"bt-001": {"article_id": by_hand}})
    source = "content/bai-viet/ban-tin-001.md"
    (root / source).write_text(zalo_bulletin(1, body="Nội dung đã sửa sau khi đăng.\n"), "utf-8")
    capsys.readouterr()
    assert sync(root) == 1
    message = told(capsys)
    assert "git checkout MÃ_COMMIT -- state/zalo.json, với MÃ_COMMIT" in message
    command = advised(message)
    assert command[-2:] == ["--zalo-forget", "bt-001"]
    assert run(root, command, "--zalo-overwrite", source) == 0
    assert records(root)["bt-001"]["article_id"] == own
    assert "Nội dung đã sửa sau khi đăng." in json.dumps(emulator.articles[own], ensure_ascii=False)
    assert json.dumps(emulator.articles[by_hand], sort_keys=True) == written
    assert len(emulator.articles) == 3
