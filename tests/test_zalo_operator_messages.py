"""What `publish sync zalo` tells the operator: each thing once, and a command for every fix."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from publish.cli import main
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_fixtures import sample_body
from tests.zalo_project import NOW, TITLES, records, sync, told, zalo_bulletin, zalo_project


def build(root: Path) -> None:
    """Build the project, as the sync's own build would."""
    assert main(["--root", str(root), "--now", NOW, "build"]) == 0


@pytest.mark.usefixtures("zalo_env")
def test_a_5xx_during_the_token_refresh_is_told_once(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    root = zalo_project(tmp_path, 1)
    emulator.configure(fail_first_5xx=100, fault_paths=["access_token"])

    assert sync(root) == 3
    out = told(capsys)

    cause = "trả lỗi HTTP 503 khi làm mới access token"
    assert out.count(cause) == 1, out
    summary = next(line for line in out.splitlines() if "zalo: LỖI — " in line)
    assert cause in summary and "lần chạy sau tự làm tiếp" in summary


FOREIGN_TITLE = "Thông báo lịch tiếp công dân tháng 6"
OLD_FORMAT = {"content": None, "token_content": None, "sending_content": None}
"""A record as versions before the content digest wrote it."""


def forge(root: Path, key: str, **changes: object) -> None:
    """Edit one record of state/zalo.json as an old version (or a hand) left it."""
    path = root / "state" / "zalo.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entries"][key].update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def advised(out: str, flag: str) -> list[str]:
    """The arguments after `publish sync zalo` of the command the message advises with `flag`."""
    found = re.search(rf'publish sync zalo ({flag} (?:"[^"]+"|\S+?))(?=[ )]|\.(?:\s|$))', out)
    assert found, out
    return shlex.split(found.group(1))


@pytest.mark.parametrize("withdrawn", [False, True])
@pytest.mark.usefixtures("zalo_env")
def test_a_lost_create_that_is_not_the_namesakes_article_is_resolved_by_the_advised_command(
    tmp_path: Path,
    emulator: ZaloEmulator,
    capsys: pytest.CaptureFixture[str],
    withdrawn: bool,
) -> None:
    """An old version's lost create (content not recorded) and an article of its title posted
    by hand: the refusal used to say to delete "pending_create" from state/zalo.json by hand and
    commit. The command it gives now drops the lost create, says so in the plan, saves the
    record, leaves the article posted by hand as it was, and creates the bulletin anew."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    foreign = emulator.seed_article(sample_body(title=FOREIGN_TITLE))
    before = dict(emulator.articles[foreign])
    sent = {"digest": "0" * 64, "title": FOREIGN_TITLE, "at": "2024-06-01T00:00:00+00:00"}
    forge(root, "bt-001", article_id=None, title=FOREIGN_TITLE, pending_create=sent, **OLD_FORMAT)
    if withdrawn:
        path = root / "content" / "bai-viet" / "ban-tin-001.md"
        path.write_text(zalo_bulletin(1, draft="true"), encoding="utf-8")
    told(capsys)
    assert sync(root) == 1
    out = told(capsys)
    assert "state/zalo.json, commit" not in out and "xoá mục" not in out
    command = advised(out, "--zalo-create-anyway")
    assert command == ["--zalo-create-anyway", "content/bai-viet/ban-tin-001.md"]

    assert sync(root, "--dry-run", *command) == 0
    assert "--zalo-create-anyway: " in told(capsys)  # the plan says why
    creates = emulator.count_calls("/article/create")

    assert sync(root, *command) == 0
    assert emulator.articles[foreign] == before
    entry = records(root)["bt-001"]
    assert "pending_create" not in entry
    if withdrawn:
        assert emulator.count_calls("/article/create") == creates
        assert "article_id" not in entry
    else:
        assert emulator.count_calls("/article/create") == creates + 1
        assert entry["article_id"] not in (None, foreign)
        assert emulator.articles[entry["article_id"]]["title"] == f"{TITLES[1]} (1)"
    told(capsys)
    assert sync(root) == 0  # settled: the next run asks nothing of a person
    assert emulator.articles[foreign] == before


@pytest.mark.usefixtures("zalo_env")
def test_a_create_answered_214_is_forgotten_and_sent_again_when_site_toml_says_it_made_nothing(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    """The contract names -214 at verify only; a unit that knows a create answered -214 made
    nothing says so in [zalo]: the run reports it, keeps no lost create, and the next run
    creates the bulletin without looking for it first."""
    root = zalo_project(tmp_path, 1, zalo="create_214_made_nothing = true", lost_create_wait=None)
    emulator.configure(create_busy_first=1)

    assert sync(root) == 3
    out = told(capsys)
    assert "mã -214 «Article is being processed»" in out and "bài chưa được tạo" in out
    assert "pending_create" not in records(root)["bt-000"]
    assert not emulator.articles

    assert sync(root) == 0  # no lost_create_wait to sit out: nothing was lost
    assert emulator.count_calls("/article/create") == 2
    assert [a["id"] for a in emulator.articles.values()] == [records(root)["bt-000"]["article_id"]]


@pytest.mark.parametrize("made", [False, True])
@pytest.mark.usefixtures("zalo_env")
def test_a_create_answered_214_is_uncertain_by_default_and_published_once(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str], made: bool
) -> None:
    """Unconfirmed in the contract, a -214 to a create is looked up before it is sent again
    (found at once when it made its article), and the message says why, and which setting
    changes it."""
    root = zalo_project(tmp_path, 1)
    emulator.configure(create_busy_first=1, create_busy_made=made)

    if made:
        assert sync(root) == 0
        assert "tìm theo tiêu đề và nội dung" in told(capsys)
    else:
        assert sync(root) == 3
        out = told(capsys)
        assert "mã lỗi -214" in out and "ngoài bảng mã lỗi" not in out
        assert "create_214_made_nothing = true" in out
        assert records(root)["bt-000"]["pending_create"]
        assert sync(root) == 0
    assert emulator.count_calls("/article/create") == (1 if made else 2)
    assert len(emulator.articles) == 1
    assert records(root)["bt-000"]["article_id"] in emulator.articles


@pytest.mark.usefixtures("zalo_env")
def test_a_daily_sync_counts_drafts_and_scheduled_bulletins_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every sync named each draft (3,807 lines in a year of daily runs) though the operator can
    do nothing about one; they are counted in one line, named under --verbose, and a bulletin
    the operator must act on (awaiting approval) is still named."""
    drafts = {
        f"content/bai-viet/nhap-{i}.md": zalo_bulletin(10 + i, draft="true") for i in range(3)
    }
    later = {"content/bai-viet/hen-gio.md": zalo_bulletin(20, date="2021-06-01 08:00")}
    unapproved = {"content/bai-viet/cho-duyet.md": zalo_bulletin(21, approved_by='""')}
    root = zalo_project(tmp_path, 1, files={**drafts, **later, **unapproved})

    assert sync(root) == 0
    skips = [line for line in told(capsys).splitlines() if line.startswith("Bỏ qua")]
    assert skips == [
        "Bỏ qua content/bai-viet/cho-duyet.md: chưa được duyệt (thiếu approved_by)",
        "Bỏ qua 4 bản tin chưa đăng (3 bản nháp, 1 hẹn giờ đăng sau); thêm --verbose "
        "để liệt kê từng bản tin",
    ]

    assert sync(root, "--verbose") == 0
    named = {line for line in told(capsys).splitlines() if line.startswith("Bỏ qua")}
    assert {f"Bỏ qua {name}: bản nháp (draft: true)" for name in drafts} <= named
    assert any(line.startswith("Bỏ qua content/bai-viet/hen-gio.md: hẹn giờ") for line in named)
    assert not any(line.startswith("Bỏ qua 4 bản tin") for line in named)
