"""--zalo-create-anyway after a run it was given to was killed: never a bulletin posted twice,
never a withdrawn bulletin's article left live.

The flag keeps an article an OA admin posted by hand under a bulletin's title, and creates the
bulletin's own. It used to drop every lost create unlooked-up, the tool's own from a crashed run
of the same command too: rerunning that command posted the bulletin a second time, and a
bulletin withdrawn since was recorded as removed while its article stayed on the OA.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from publish.zalo.emulator import ZaloEmulator
from tests import forked
from tests.zalo_fixtures import sample_body
from tests.zalo_project import NOW, TITLES, records, sync, told, zalo_bulletin, zalo_project

pytestmark = pytest.mark.usefixtures("zalo_env")

REPO = Path(__file__).resolve().parents[1]
SOURCE = "content/bai-viet/ban-tin-000.md"
TITLE = f"{TITLES[0]} (0)"
ANYWAY = ("--zalo-create-anyway", SOURCE)
POINTS = ["before-create:1", "after-create:1", "after-token:1", "after-verify:1"]
"""Every point of a create a run can be killed at: before it is sent, sent but its token not
saved, token saved, verified."""
LOOKED_UP = "--zalo-create-anyway vẫn tìm bài của lần tạo trước đó"


def killed_at(root: Path, point: str, *args: str) -> None:
    """Run `publish sync zalo ARGS` in its own process (forked from one that has imported
    publish: a fresh interpreter cost ~1 s of CPU a run), SIGKILLed at `point`."""
    env = {**os.environ, "PUBLISH_ZALO_CRASH_AT": point, "PYTHONPATH": str(REPO)}
    command = ["-m", "publish", "--root", str(root), "--now", NOW, "sync", "zalo"]
    run = forked.run([*command, *args], env=env, text=True, timeout=180)
    assert run.returncode == -signal.SIGKILL, run.stdout + run.stderr


def posted_by_hand(emulator: ZaloEmulator) -> tuple[str, dict]:
    """An article of the bulletin's title the OA admin posted by hand (not its text)."""
    article_id = emulator.seed_article(sample_body(title=TITLE))
    return article_id, dict(emulator.articles[article_id])


def ours(emulator: ZaloEmulator, by_hand: str) -> list[str]:
    """The ids of the articles of the bulletin's title the tool made."""
    return [i for i, a in emulator.articles.items() if a["title"] == TITLE and i != by_hand]


@pytest.mark.parametrize("again", [ANYWAY, ()], ids=["rerun-anyway", "rerun-plain"])
@pytest.mark.parametrize("point", POINTS)
def test_a_create_anyway_run_killed_anywhere_then_rerun_posts_the_bulletin_once(
    tmp_path: Path,
    emulator: ZaloEmulator,
    capsys: pytest.CaptureFixture[str],
    point: str,
    again: tuple[str, ...],
) -> None:
    """Killed at any point of its create, the run given --zalo-create-anyway, rerun with the
    flag or without: the bulletin is on the OA once besides the article posted by hand, which
    stays as it was; a run after that sends nothing."""
    root = zalo_project(tmp_path, 1)
    by_hand, before = posted_by_hand(emulator)
    killed_at(root, point, *ANYWAY)
    told(capsys)

    assert sync(root, *again) == 0
    out = told(capsys)
    made = ours(emulator, by_hand)
    assert len(made) == 1, (made, out)
    assert emulator.count_calls("/article/create") == 1
    assert emulator.articles[by_hand] == before
    entry = records(root)["bt-000"]
    assert (entry["article_id"], entry["status"]) == (made[0], "live")
    assert "pending_create" not in entry and "token" not in entry
    built = json.loads((root / "output" / "zalo" / "bt-000.json").read_text("utf-8"))
    assert emulator.articles[made[0]]["body"] == built["body"]
    lost = point in ("before-create:1", "after-create:1")  # a create with no token saved
    assert (LOOKED_UP in out) == (lost and bool(again))  # the plan says why it looks it up
    if point == "after-create:1":
        assert f"bài đã có trên Zalo (mã {made[0]}, tìm theo tiêu đề và nội dung)" in out

    emulator.clear_calls()
    assert sync(root, *ANYWAY) == 0
    assert emulator.write_calls() == []
    assert ours(emulator, by_hand) == made


@pytest.mark.parametrize("again", [ANYWAY, ()], ids=["rerun-anyway", "rerun-plain"])
@pytest.mark.parametrize("point", POINTS)
def test_a_bulletin_withdrawn_after_a_killed_create_anyway_run_is_never_left_live(
    tmp_path: Path,
    emulator: ZaloEmulator,
    capsys: pytest.CaptureFixture[str],
    point: str,
    again: tuple[str, ...],
) -> None:
    """The run given --zalo-create-anyway killed at any point of its create, then the bulletin
    set back to draft: the rerun, with the flag or without, hides the article the killed run
    made (not the one posted by hand), and records it so."""
    root = zalo_project(tmp_path, 1)
    by_hand, before = posted_by_hand(emulator)
    killed_at(root, point, *ANYWAY)
    path = root / SOURCE
    path.write_text(zalo_bulletin(0, draft="true"), encoding="utf-8")
    told(capsys)

    assert sync(root, *again) == 0
    out = told(capsys)
    made = ours(emulator, by_hand)
    assert len(made) == (0 if point == "before-create:1" else 1), out
    assert [emulator.articles[i]["status"] for i in made] == ["hide"] * len(made), out
    assert emulator.articles[by_hand] == before
    entry = records(root)["bt-000"]
    if made:
        assert (entry["article_id"], entry["status"]) == (made[0], "hidden")
    else:
        assert entry["status"] == "removed" and "article_id" not in entry
    assert "pending_create" not in entry and "token" not in entry
    if point == "after-create:1" and again:
        assert f"ẩn bài trên Zalo ({LOOKED_UP}" in out

    emulator.clear_calls()
    assert sync(root, *again) == 0
    assert emulator.write_calls() == []
    assert emulator.articles[by_hand] == before


def test_a_bulletin_withdrawn_after_a_killed_create_is_removed_when_the_unit_removes(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    """The review's case with on_withdraw = "remove": a plain run killed once its create was
    sent, the bulletin set back to draft, then rerun with --zalo-create-anyway: state/zalo.json
    said removed while the article stayed on the OA. It is removed from the OA now."""
    root = zalo_project(tmp_path, 1, zalo='on_withdraw = "remove"')
    killed_at(root, "after-create:1")
    assert len(emulator.articles) == 1
    (root / SOURCE).write_text(zalo_bulletin(0, draft="true"), encoding="utf-8")
    told(capsys)

    assert sync(root, *ANYWAY) == 0
    assert f"gỡ bài khỏi Zalo ({LOOKED_UP}" in told(capsys)
    assert emulator.articles == {}
    assert records(root)["bt-000"]["status"] == "removed"


def test_an_old_versions_lost_create_of_todays_payload_is_found_with_create_anyway(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lost create recorded without its content (an older version's record) whose digest is
    today's build: what it sent is known, so the flag does not drop it: the article it made is
    taken, not posted again beside it."""
    root = zalo_project(tmp_path, 1)
    by_hand, before = posted_by_hand(emulator)
    killed_at(root, "after-create:1", *ANYWAY)
    path = root / "state" / "zalo.json"
    data = json.loads(path.read_text("utf-8"))
    del data["entries"]["bt-000"]["pending_create"]["content"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    made = ours(emulator, by_hand)
    told(capsys)

    assert sync(root, *ANYWAY) == 0
    assert LOOKED_UP in told(capsys)
    assert ours(emulator, by_hand) == made and len(made) == 1
    assert records(root)["bt-000"]["article_id"] == made[0]
    assert emulator.articles[by_hand] == before


def test_reconcile_with_create_anyway_after_a_killed_run_takes_its_article_and_says_so(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    """--reconcile said of the bulletin the flag names «sẽ tạo mới» though the run then looks
    up the article its killed create made (content recorded) and takes it: it says so now."""
    root = zalo_project(tmp_path, 1)
    by_hand, before = posted_by_hand(emulator)
    killed_at(root, "after-create:1", *ANYWAY)
    made = ours(emulator, by_hand)
    told(capsys)

    assert sync(root, "--reconcile", *ANYWAY) == 0
    out = told(capsys)
    assert "sẽ tạo mới" not in out
    assert f"bt-000 «{TITLE}»: không nhận bài nào theo tiêu đề (--zalo-create-anyway" in out
    assert "có ghi nội dung đã gửi, nên bài đúng nội dung ấy được tìm và nhận" in out
    assert ours(emulator, by_hand) == made and len(made) == 1
    assert records(root)["bt-000"]["article_id"] == made[0]
    assert emulator.articles[by_hand] == before


def test_reconcile_keeping_the_killed_runs_own_article_as_by_hand_loses_and_doubles_nothing(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    """--reconcile counts every unrecorded article of the flag's bulletin's title as posted by
    hand, the one its own killed create made too. That article is still found by the content
    recorded as sent when the plan is applied, so the count only makes --reconcile ask about
    another bulletin of that title (weekly titles repeat): nothing sent. Given the flag for it
    too, each bulletin is on the OA once and the article posted by hand stays as it was."""
    root = zalo_project(tmp_path, 1)
    by_hand, before = posted_by_hand(emulator)
    killed_at(root, "after-create:1", *ANYWAY)
    [made] = ours(emulator, by_hand)
    other = "content/bai-viet/ban-tin-001.md"
    body = "Nội dung của bản tin tuần sau, cùng tiêu đề.\n"
    (root / other).write_text(zalo_bulletin(1, title=f'"{TITLE}"', body=body), encoding="utf-8")
    told(capsys)

    emulator.clear_calls()
    assert sync(root, "--reconcile", *ANYWAY) == 1
    out = told(capsys)
    assert "bt-001" in out and made in out and by_hand in out  # asked which is bt-001's
    assert emulator.write_calls() == []

    assert sync(root, "--reconcile", *ANYWAY, "--zalo-create-anyway", other) == 0
    entries = records(root)
    assert entries["bt-000"]["article_id"] == made
    [new] = [i for i in ours(emulator, by_hand) if i != made]
    assert entries["bt-001"]["article_id"] == new
    assert emulator.articles[by_hand] == before
    assert len(emulator.articles) == 3


@pytest.mark.parametrize("hand", [True, False], ids=["with-a-hand-article", "own-alone"])
def test_reconcile_tells_the_killed_runs_own_article_apart_from_those_posted_by_hand(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str], hand: bool
) -> None:
    """The refusal listed the article the killed create made among those «posted by hand» for
    the OA admin to compare: they were asked to judge the tool's own article. It is named as
    the killed create's (it holds the content recorded as sent), not to be deleted nor its
    record forgotten, and the asking bulletin is told what to add; doing so posts each bulletin
    once and leaves the article posted by hand as it was."""
    root = zalo_project(tmp_path, 1)
    by_hand, before = posted_by_hand(emulator) if hand else ("", {})
    killed_at(root, "after-create:1", *ANYWAY)
    [made] = ours(emulator, by_hand)
    other = "content/bai-viet/ban-tin-001.md"
    body = "Nội dung của bản tin tuần sau, cùng tiêu đề.\n"
    (root / other).write_text(zalo_bulletin(1, title=f'"{TITLE}"', body=body), encoding="utf-8")
    told(capsys)

    emulator.clear_calls()
    assert sync(root, "--reconcile", *ANYWAY) == 1
    out = " ".join(told(capsys).split())
    assert f"bài của lần tạo bị ngắt của bt-000: {made}" in out
    assert f"bài {made} có đúng nội dung mà lần tạo bài bị ngắt của bt-000" in out
    assert "không phải bài đăng tay, cũng không phải bài của bt-001" in out
    assert "đừng chạy --zalo-forget cho bản tin đó" in out
    assert f"--zalo-create-anyway {other}" in out
    if hand:
        assert f"bài --zalo-create-anyway coi là đăng tay: {by_hand}" in out
        assert f"bt-001: mở bài {by_hand} trong trang quản trị Zalo OA" in out
        assert f"bỏ khỏi lệnh --zalo-create-anyway {SOURCE} (bản tin bt-000) để" in out
    else:
        assert "coi là đăng tay" not in out
        assert "bt-001: trên OA không còn bài nào khác cùng tiêu đề" in out
    assert emulator.write_calls() == []

    assert sync(root, "--reconcile", *ANYWAY, "--zalo-create-anyway", other) == 0
    entries = records(root)
    assert entries["bt-000"]["article_id"] == made
    [new] = [i for i in ours(emulator, by_hand) if i != made]
    assert entries["bt-001"]["article_id"] == new
    if hand:
        assert emulator.articles[by_hand] == before
    assert len(emulator.articles) == (3 if hand else 2)


def test_an_unreadable_article_of_the_title_is_told_as_maybe_posted_by_hand_and_passed_anyway(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lost create looked up while getdetail refuses an article of its title that no record
    holds: the message said it was this bulletin's own article, which for one posted by hand
    it is not, and no flag got past it. It now says which it may be and what to do, and
    --zalo-create-anyway (the person saw it is not the bulletin's) creates beside it, once."""
    root = zalo_project(tmp_path, 1)
    by_hand, before = posted_by_hand(emulator)
    killed_at(root, "before-create:1", *ANYWAY)  # a lost create, its content recorded
    told(capsys)
    refused = json.dumps({"error": -201, "message": "id is invalid!"})
    emulator.configure(fault_paths=("/article/getdetail",), garble_first=100, garble_body=refused)
    assert sync(root) == 3
    out = told(capsys)
    assert (
        f"{SOURCE}: trên OA có bài {by_hand} cùng tiêu đề «{TITLE}» với bản tin này mà công cụ "
        "không ghi là bài của bản tin nào, và Zalo từ chối đọc bài ấy"
    ) in out
    assert "bài quản trị viên OA đăng tay" in out
    assert f"publish sync zalo --zalo-create-anyway {SOURCE} để tạo bài" in out
    assert ours(emulator, by_hand) == []
    assert sync(root, *ANYWAY) == 0
    made = ours(emulator, by_hand)
    assert len(made) == 1
    assert emulator.articles[by_hand] == before
    assert records(root)["bt-000"]["article_id"] == made[0]
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []


def test_an_unreadable_article_of_the_title_closes_with_what_to_open_not_a_bare_rerun(
    tmp_path: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same refusal ended «chạy lại để tiếp tục»: the last lines name the article to open
    in the OA admin page and the flag for one posted by hand."""
    root = zalo_project(tmp_path, 1)
    by_hand, _ = posted_by_hand(emulator)
    killed_at(root, "before-create:1", *ANYWAY)
    told(capsys)
    refused = json.dumps({"error": -201, "message": "id is invalid!"})
    emulator.configure(fault_paths=("/article/getdetail",), garble_first=100, garble_body=refused)
    assert sync(root) == 3
    out = " ".join(told(capsys).split())
    assert "chạy lại để tiếp tục" not in out
    assert (
        f"bt-000: chưa tạo lại bài của một lần tạo bị ngắt hay mất phản hồi (tạo lại có thể "
        f"đăng trùng bài): "
        f"Zalo từ chối đọc bài {by_hand} cùng tiêu đề, nên chưa so được nội dung."
    ) in out
    assert (
        f"mở bài {by_hand} trong trang quản trị OA: bài đăng tay thì chạy publish sync zalo --zalo-create-anyway {SOURCE}"
        in out
    )
