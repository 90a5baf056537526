"""`publish sync zalo --reconcile` takes an article for a bulletin only when the article holds
the bulletin's text, or when a person names it: an article of the same title posted by hand is
never overwritten on a guess (tested against the emulator, real HTTP on 127.0.0.1)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from publish.cli import main
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_fixtures import sample_body
from tests.zalo_project import (
    TITLES,
    records,
    sync,
    told,
    zalo_bulletin,
    zalo_project,
)

SOURCE = "content/bai-viet/ban-tin-001.md"
TITLE = f"{TITLES[1]} (1)"


def as_stored(emulator: ZaloEmulator, article_id: str) -> str:
    """One article on the OA, as Zalo holds it."""
    return json.dumps(emulator.articles[article_id], sort_keys=True)


def test_reconcile_never_takes_a_lone_article_of_the_title_posted_by_hand(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """A new bulletin, and one article of its title the OA admin posted by hand: --reconcile
    took that article for the bulletin and replaced its text. It stops, sends nothing, names
    the article, the file and both ways out; the «posted by hand» one keeps the article."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    source = "content/bai-viet/ban-tin-002.md"
    title = f"{TITLES[2]} (2)"
    (root / source).write_text(zalo_bulletin(2), "utf-8")
    state = root / "state" / "zalo.json"
    by_hand = emulator.seed_article(sample_body(title=title))
    written = as_stored(emulator, by_hand)
    before = state.read_bytes()
    capsys.readouterr()
    emulator.clear_calls()
    for dry_run in (["--dry-run"], []):
        assert sync(root, "--reconcile", *dry_run) == 1
        message = told(capsys)
        assert f"bt-002 «{title}», tệp {source}: bài {by_hand}" in message
        assert "nội dung khác bản tin" in message and "bài quản trị viên OA đăng tay" in message
        assert "Không gửi gì lên Zalo, state/zalo.json để nguyên." in message
        assert f"publish sync zalo --reconcile --zalo-create-anyway {source}" in message
        assert f"publish sync zalo --reconcile --zalo-overwrite {source}" in message
        assert "Traceback" not in message
        assert unicodedata.is_normalized("NFC", message)
    assert emulator.write_calls() == []
    assert as_stored(emulator, by_hand) == written
    assert state.read_bytes() == before
    assert sync(root, "--reconcile", "--zalo-create-anyway", source) == 0  # a way out it gives
    assert as_stored(emulator, by_hand) == written
    assert records(root)["bt-002"]["article_id"] not in (None, by_hand)
    assert [a["title"] for a in emulator.articles.values()].count(title) == 2


def test_reconcile_takes_the_lone_article_of_the_title_the_operator_names(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """The bulletin lost its record and was edited since: its one article of the title is
    taken, and brought up to the bulletin, only once --zalo-overwrite names the bulletin."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    state = root / "state" / "zalo.json"
    document = json.loads(state.read_text("utf-8"))
    own = document["entries"].pop("bt-001")["article_id"]
    state.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    (root / SOURCE).write_text(zalo_bulletin(1, body="Nội dung đã sửa sau khi đăng.\n"), "utf-8")
    written = as_stored(emulator, own)
    capsys.readouterr()
    emulator.clear_calls()
    assert sync(root, "--reconcile") == 1
    assert f"bt-001 «{TITLE}», tệp {SOURCE}: bài {own}" in told(capsys)
    assert emulator.write_calls() == [] and as_stored(emulator, own) == written
    assert sync(root, "--reconcile", "--zalo-overwrite", SOURCE) == 0
    assert f"khớp bt-001 với bài {own} (nội dung khác: sẽ cập nhật)" in told(capsys)
    assert records(root)["bt-001"]["article_id"] == own
    built = json.loads((root / "output" / "zalo" / "bt-001.json").read_text("utf-8"))
    assert emulator.articles[own]["body"] == built["body"]
    assert [a["title"] for a in emulator.articles.values()].count(TITLE) == 1
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []


def test_several_lone_articles_are_told_one_choice_per_bulletin_made_in_one_command(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """Two bulletins refused at once, each with one article of its title not holding its text:
    the message gave one command with both flags for both, so following it took both articles
    or neither, whatever comparing each had found. Each bulletin gets its own choice."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    sources = {n: f"content/bai-viet/ban-tin-00{n}.md" for n in (2, 3)}
    seeded = {}
    for number, source in sources.items():
        (root / source).write_text(zalo_bulletin(number), "utf-8")
        seeded[number] = emulator.seed_article(sample_body(title=f"{TITLES[number]} ({number})"))
    by_hand = as_stored(emulator, seeded[2])
    capsys.readouterr()
    assert sync(root, "--reconcile") == 1
    message = told(capsys)
    for number, source in sources.items():
        assert (
            f"{source}: --zalo-create-anyway {source} nếu bài {seeded[number]} là bài đăng tay, "
            f"--zalo-overwrite {source} nếu đó là bài của bản tin"
        ) in message
    assert "một lệnh publish sync zalo --reconcile" in message
    chosen = ["--zalo-create-anyway", sources[2], "--zalo-overwrite", sources[3]]
    assert sync(root, "--reconcile", *chosen) == 0
    assert as_stored(emulator, seeded[2]) == by_hand
    assert records(root)["bt-002"]["article_id"] not in (None, seeded[2])
    assert records(root)["bt-003"]["article_id"] == seeded[3]


def test_the_overwrite_help_tells_its_use_with_reconcile(capsys: pytest.CaptureFixture) -> None:
    """`publish sync --help` told --zalo-overwrite only as forcing an update: not that with
    --reconcile it takes an article of the bulletin's title, nor how to pick one of several."""
    with pytest.raises(SystemExit):
        main(["sync", "--help"])
    shown = " ".join(told(capsys).split())
    option = shown[shown.rindex("--zalo-overwrite KHÓA_HOẶC_TỆP") :][:600]
    assert "với --reconcile" in option and "TỆP=MÃ_BÀI" in option


def test_an_article_named_without_reconcile_is_refused_before_anything_is_sent(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """The `=MÃ_BÀI` of --zalo-overwrite picks an article only for --reconcile: elsewhere it
    is said so, with the command to run, rather than taken for a file that does not exist."""
    root = zalo_project(tmp_path, 1)
    assert sync(root, "--zalo-overwrite", f"{SOURCE}=123") == 1
    message = told(capsys)
    assert "chỉ dùng với --reconcile" in message
    assert f"publish sync zalo --reconcile --zalo-overwrite {SOURCE}=123" in message
    assert emulator.articles == {}


@pytest.mark.parametrize("typed", ["bt-002", "./content/bai-viet/ban-tin-002.md"])
def test_the_create_anyway_to_take_out_is_named_as_typed(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture,
    typed: str,
) -> None:
    """A bulletin of the title of an article --zalo-create-anyway keeps as posted by hand for
    another bulletin: the refusal said «bỏ --zalo-create-anyway của bản tin kia», and a unit
    that gave the option for several bulletins could not tell which to take out. It names the
    option as the command has it, with that bulletin's key and file."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    title = f"{TITLES[2]} (2)"
    kept = "content/bai-viet/ban-tin-002.md"
    (root / kept).write_text(zalo_bulletin(2), "utf-8")
    asking = "content/bai-viet/ban-tin-003.md"
    body = "Nội dung của bản tin tuần sau, cùng tiêu đề.\n"
    (root / asking).write_text(zalo_bulletin(3, title=f'"{title}"', body=body), "utf-8")
    by_hand = emulator.seed_article(sample_body(title=title))
    capsys.readouterr()
    emulator.clear_calls()
    assert sync(root, "--reconcile", "--zalo-create-anyway", typed) == 1
    message = " ".join(told(capsys).split())
    assert f"bt-003 «{title}» (bài {by_hand})" in message
    assert "bản tin kia" not in message
    assert (
        f"bỏ khỏi lệnh --zalo-create-anyway {typed} (bản tin bt-002, tệp {kept}) để "
        "--reconcile nhận bài ấy theo tiêu đề." in message
    )
    assert unicodedata.is_normalized("NFC", message)
    assert emulator.write_calls() == []
