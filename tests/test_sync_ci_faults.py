"""What a CI operator may get wrong around `publish sync zalo`: each is told in Vietnamese, and
nothing is sent to Zalo (tested against the emulator)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from publish.errors import PublishError
from publish.zalo.client import ClientSettings
from publish.zalo.emulator import ZaloEmulator
from tests.git_commands import commit_all, git, needs_git, restore_as_told
from tests.zalo_fixtures import sample_body
from tests.zalo_project import (
    TITLES,
    sync,
    told,
    zalo_bulletin,
    zalo_project,
)


def test_a_state_file_deleted_by_hand_creates_no_duplicate(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    ids = sorted(emulator.articles)
    (root / "state" / "zalo.json").unlink()
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    message = told(capsys)
    assert "state/zalo.json không có bản ghi nào" in message
    assert "OA đã có bài cùng tiêu đề với 3 bản tin sắp tạo" in message
    assert "git checkout MÃ_COMMIT -- state/zalo.json" in message and "--reconcile" in message
    assert emulator.write_calls() == [] and sorted(emulator.articles) == ids
    assert sync(root, "--reconcile") == 0  # the way out the message gives
    assert sorted(emulator.articles) == ids and emulator.write_calls() == []
    records = json.loads((root / "state" / "zalo.json").read_text("utf-8"))["entries"]
    assert sorted(e["article_id"] for e in records.values()) == ids


@needs_git
def test_the_printed_command_brings_back_a_state_file_whose_deletion_is_committed(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """The refusal said «git checkout -- state/zalo.json»: with the deletion committed (as
    CI commits state/ on main) it restores nothing. The printed command, with the commit
    before the deletion, brings the records back, and the next sync creates nothing."""
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    commit_all(root, "Cập nhật trạng thái đồng bộ")
    records = (root / "state" / "zalo.json").read_bytes()
    (root / "state" / "zalo.json").unlink()
    deleted = commit_all(root, "Dọn state/")
    capsys.readouterr()
    assert sync(root) == 1
    message = told(capsys)
    with pytest.raises(subprocess.CalledProcessError):
        git(root, "checkout", "--", "state/zalo.json")  # what it said before
    restore_as_told(root, message, "state/zalo.json", deleted)
    assert (root / "state" / "zalo.json").read_bytes() == records
    emulator.clear_calls()
    assert sync(root) == 0
    assert emulator.write_calls() == []


def test_a_first_sync_refused_for_an_article_posted_by_hand_gives_the_way_to_keep_it(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """A unit's first sync (no state/zalo.json yet), to an OA whose admin had posted the
    bulletin by hand: the refusal offered only --reconcile, which replaces the hand-written
    article's text, not --zalo-create-anyway; the file's name, with a space, is quoted so the
    command can be copied."""
    source = "content/bai-viet/ban tin 000.md"
    root = zalo_project(tmp_path, 0, files={source: zalo_bulletin(0)})
    by_hand = emulator.seed_article(sample_body(title=f"{TITLES[0]} (0)"))
    written = json.dumps(emulator.articles[by_hand], sort_keys=True)
    assert sync(root) == 1
    message = told(capsys)
    assert "state/zalo.json không có bản ghi nào" in message
    assert f'publish sync zalo --zalo-create-anyway "{source}" để vẫn tạo bài mới' in message
    assert emulator.write_calls() == []
    assert sync(root, "--zalo-create-anyway", source) == 0  # the way out the message gives
    assert json.dumps(emulator.articles[by_hand], sort_keys=True) == written
    assert len(emulator.articles) == 2


def test_a_refusal_for_many_bulletins_gives_the_create_anyway_option_of_each(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """state/zalo.json deleted with 5 articles on the OA: the refusal named 3 files in its
    --zalo-create-anyway command («và 2 bản tin khác»), so no command to copy worked. Each
    bulletin now has its own line with its option, to keep (one by one) for those posted by
    hand; a command made of them all is one the tool accepts."""
    root = zalo_project(tmp_path, 5)
    assert sync(root) == 0
    ids = sorted(emulator.articles)
    (root / "state" / "zalo.json").unlink()
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    message = told(capsys)
    options = re.findall(
        r"^\s+bt-\d+ «[^»]+» \(bài [^)]+\): (--zalo-create-anyway \S+)$", message, re.M
    )
    assert len(options) == 5, message
    assert "mỗi dòng một bản tin" in message and emulator.write_calls() == []
    args = [part for option in options[:4] for part in option.split(" ", 1)]
    assert sync(root, *args) == 1  # the fifth still stops the run: nothing sent
    assert emulator.write_calls() == [] and sorted(emulator.articles) == ids
    args = [part for option in options for part in option.split(" ", 1)]
    assert sync(root, *args) == 0
    assert len(emulator.articles) == 10


def test_the_pr_comment_keeps_each_create_anyway_option_on_its_own_line(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """The plan posted to the pull request (`--dry-run --format markdown`) shows the refusal in
    a code block, each bulletin's --zalo-create-anyway option on its own line as in the text
    summary, so the operator copies one option, never a cell of them all run together."""
    root = zalo_project(tmp_path, 5)
    assert sync(root) == 0
    (root / "state" / "zalo.json").unlink()
    pattern = re.compile(r"^\s*bt-\d+ «[^»]+» \(bài [^)]+\): (--zalo-create-anyway \S+)$", re.M)
    capsys.readouterr()
    assert sync(root, "--dry-run", "--format", "markdown") == 1
    comment = capsys.readouterr().out
    block = re.search(r"^```\n(.*?)^```$", comment, re.M | re.S)
    assert block is not None, comment
    in_comment = pattern.findall(block[1])
    assert sync(root, "--dry-run") == 1
    in_text = pattern.findall(told(capsys))
    assert len(in_comment) == 5 and in_comment == in_text


def test_a_first_sync_to_an_oa_with_other_articles_creates_the_bulletins(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    """Articles the unit posted by hand, under other titles, do not stop a first sync."""
    root = zalo_project(tmp_path, 2)
    other = zalo_project(tmp_path / "khac", 4)
    assert sync(other) == 0  # four articles; two of them share the titles of root's bulletins
    for article_id, article in list(emulator.articles.items()):
        emulator.edit_article(article_id, title="Bài đăng tay: " + article["title"])
    assert sync(root) == 0
    assert len(emulator.articles) == 6


@pytest.mark.parametrize("name", ["ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_REFRESH_TOKEN"])
def test_an_empty_credential_is_named_as_empty_and_nothing_is_sent(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    name: str,
) -> None:
    """`ZALO_APP_ID: ${{ secrets.ZALO_APP_ID }}` with no such secret sets the variable empty."""
    root = zalo_project(tmp_path, 2)
    monkeypatch.setenv(name, "  \n")
    assert sync(root) == 1
    message = told(capsys)
    assert f"{name} (có đặt nhưng rỗng)" in message
    assert "bí mật chưa được tạo" in message and "Không gửi gì lên Zalo" in message
    assert emulator.calls == [] and emulator.articles == {}


@pytest.mark.parametrize("name", ["ZALO_API_BASE", "ZALO_OAUTH_BASE"])
def test_an_empty_server_address_sends_nothing_anywhere(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    name: str,
) -> None:
    """A sandbox's address lost (an empty CI variable) must not send a test job to Zalo itself."""
    root = zalo_project(tmp_path, 2)
    monkeypatch.setenv(name, "")
    assert sync(root) == 1
    message = told(capsys)
    assert f"Biến môi trường {name} có đặt nhưng rỗng" in message
    assert f"unset {name}" in message  # the command that removes the variable, not just «bỏ»
    assert "không gửi gì lên Zalo" in message and "Traceback" not in message
    assert emulator.calls == [] and emulator.articles == {}


def test_a_sync_on_a_stale_state_folder_creates_no_duplicate(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """Two CI runs queued one after the other: the second checked out the commit that started
    it, without the records the first pushed since, and would post the new bulletin again."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    stale = (root / "state" / "zalo.json").read_bytes()
    (root / "content/bai-viet/ban-tin-002.md").write_text(zalo_bulletin(2), "utf-8")
    assert sync(root) == 0  # the first run, which pushed its records
    ids = sorted(emulator.articles)
    (root / "state" / "zalo.json").write_bytes(stale)  # the second run's checkout
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    message = told(capsys)
    assert "OA có bài mới hơn mọi bài state/zalo.json ghi, cùng tiêu đề với 1 bản tin" in message
    assert "bt-002 «" in message and "git pull" in message
    assert emulator.write_calls() == [] and sorted(emulator.articles) == ids
    assert emulator.count_calls("/article/getslice") == 1  # down to the newest known article


def test_a_new_bulletin_is_created_when_no_newer_article_bears_its_title(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None
) -> None:
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    (root / "content/bai-viet/ban-tin-002.md").write_text(zalo_bulletin(2), "utf-8")
    assert sync(root) == 0
    assert len(emulator.articles) == 3


def test_an_article_posted_by_hand_under_a_new_bulletins_title_is_named_and_can_be_kept(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """The OA admin posted an article by hand under the title of a bulletin about to be created:
    the refusal blamed a stale state/ only, and its one way out, --reconcile, takes the
    hand-written article over (its text replaced by the bulletin's)."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    source = "content/bai-viet/ban-tin-002.md"
    (root / source).write_text(zalo_bulletin(2), "utf-8")
    title = f"{TITLES[2]} (2)"
    by_hand = emulator.seed_article(sample_body(title=title))
    written = json.dumps(emulator.articles[by_hand], sort_keys=True)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 1
    message = told(capsys)
    assert "quản trị viên OA đã đăng tay một bài cùng tiêu đề" in message
    assert f"publish sync zalo --zalo-create-anyway {source}" in message
    assert "đừng chạy --reconcile: nó nhận bài đăng tay làm bài của bản tin" in message
    assert emulator.write_calls() == []
    assert sync(root, "--zalo-create-anyway", source) == 0  # the way out the message gives
    assert json.dumps(emulator.articles[by_hand], sort_keys=True) == written
    records = json.loads((root / "state" / "zalo.json").read_text("utf-8"))["entries"]
    assert records["bt-002"]["article_id"] not in (None, by_hand)
    assert [a["title"] for a in emulator.articles.values()].count(title) == 2


def test_a_create_awaiting_its_id_does_not_stop_a_bulletin_of_the_same_title(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A weekly bulletin under last week's title, while last week's create has a token but no id
    yet: its article was taken for one the records do not know, and the refusal stopped the
    run that would have verified it."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    title = f'"{TITLES[1]} (1)"'
    (root / "content/bai-viet/ban-tin-001.md").write_text(zalo_bulletin(1), "utf-8")
    emulator.configure(verify_processing_count=1000)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    assert sync(root) == 3  # created; its token kept, unverified
    records = json.loads((root / "state" / "zalo.json").read_text("utf-8"))["entries"]
    assert records["bt-001"].get("token") and not records["bt-001"].get("article_id")
    emulator.configure(verify_processing_count=0)
    (root / "content/bai-viet/ban-tin-002.md").write_text(zalo_bulletin(2, title=title), "utf-8")
    capsys.readouterr()
    assert sync(root) == 0, told(capsys)
    records = json.loads((root / "state" / "zalo.json").read_text("utf-8"))["entries"]
    ids = {records[k]["article_id"] for k in ("bt-000", "bt-001", "bt-002")}
    assert ids == set(emulator.articles) and len(ids) == 3


def test_an_oa_listing_that_fails_postpones_only_the_creates(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """Zalo not answering getslice (rate limit, outage) stopped the whole channel: an edit to a
    live article and a withdrawal waited for a listing only a create needs."""
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    folder = root / "content" / "bai-viet"
    (folder / "ban-tin-000.md").write_text(zalo_bulletin(0, summary='"Tóm tắt đã sửa."'), "utf-8")
    (folder / "ban-tin-001.md").unlink()
    new = "Công an xã tiếp nhận hồ sơ cấp căn cước vào ngày thứ Bảy.\n"
    (folder / "ban-tin-003.md").write_text(zalo_bulletin(3, body=new), "utf-8")
    emulator.configure(fault_paths=("getslice",), fail_5xx_rate=1.0)
    capsys.readouterr()
    assert sync(root) == 3
    message = told(capsys)
    assert "chưa đọc được danh sách bài trên Zalo OA" in message
    assert "chưa tạo bài mới cho 1 bản tin (bt-003)" in message
    assert "lần đồng bộ sau đọc lại danh sách rồi tạo" in message
    assert "Traceback" not in message
    assert len(emulator.articles) == 3
    shown = sorted((a["status"], a["description"]) for a in emulator.articles.values())
    assert shown[0][0] == "hide" and ("show", "Tóm tắt đã sửa.") in shown
    records = json.loads((root / "state" / "zalo.json").read_text("utf-8"))["entries"]
    assert "bt-003" not in records
    emulator.configure(fail_5xx_rate=0.0)
    assert sync(root) == 0, told(capsys)
    assert len(emulator.articles) == 4


def test_an_article_deleted_above_while_the_oa_is_listed_does_not_hide_a_duplicate(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """An article removed from the first page while the second is asked for pulls one not yet
    read onto the page already read: the check must read the list again, not miss it."""
    from publish.zalo.client import ZaloClient

    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    source = "content/bai-viet/ban-tin-001.md"
    (root / source).write_text(zalo_bulletin(1), "utf-8")
    by_hand = emulator.seed_article(sample_body(title=f"{TITLES[1]} (1)"))
    newer = [emulator.seed_article(sample_body(title=f"Bài đăng tay số {n}")) for n in range(10)]
    real = ZaloClient.getslice
    deleted: list[str] = []

    def listed_while_deleting(self: ZaloClient, offset: int = 0, *args: object) -> object:
        """One page; the OA admin deletes the newest article just after the first one."""
        page = real(self, offset, *args)  # type: ignore[arg-type]
        if offset == 0 and not deleted:
            deleted.append(newer[-1])
            self.remove(newer[-1])
        return page

    monkeypatch.setattr(ZaloClient, "getslice", listed_while_deleting)
    capsys.readouterr()
    assert sync(root) == 1
    message = told(capsys)
    assert f"bt-001 «{TITLES[1]} (1)» (bài {by_hand})" in message
    assert [a["title"] for a in emulator.articles.values()].count(f"{TITLES[1]} (1)") == 1


def test_a_dry_run_on_a_stale_state_folder_asks_the_oa_with_the_token_at_hand(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """The pull-request plan showed «tạo mới» for an article a queued run had already posted,
    which the real run then refused: a dry run with a token reads the OA (writing nothing, the
    token file included); without one, it says the check was not made."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    state = root / "state" / "zalo.json"
    stale = state.read_bytes()
    (root / "content/bai-viet/ban-tin-002.md").write_text(zalo_bulletin(2), "utf-8")
    assert sync(root) == 0
    state.write_bytes(stale)
    token = tmp_path / "secrets" / "token.json"
    pair = token.read_bytes()
    spent = list(emulator.used_refresh_tokens)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root, "--dry-run") == 1
    message = told(capsys)
    assert "OA có bài mới hơn mọi bài state/zalo.json ghi, cùng tiêu đề với 1 bản tin" in message
    assert emulator.write_calls() == [] and state.read_bytes() == stale
    emulator.expire_access_tokens()  # a dry run never spends the single-use refresh token
    assert sync(root, "--dry-run") == 0
    message = told(capsys)
    assert "tạo mới bt-002" in message
    assert "nên chưa kiểm tra OA đã có bài cùng tiêu đề với 1 bản tin" in message
    assert "không làm mới token" in message and "Lần chạy thật hỏi OA trước khi tạo" in message
    assert emulator.used_refresh_tokens == spent and token.read_bytes() == pair
    for name in ("ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_REFRESH_TOKEN", "ZALO_TOKEN_FILE"):
        monkeypatch.delenv(name)  # a pull request from a fork sees no secrets
    emulator.clear_calls()
    assert sync(root, "--dry-run") == 0
    message = told(capsys)
    assert "nên chưa kiểm tra OA đã có bài cùng tiêu đề với 1 bản tin" in message
    assert "không có thông tin đăng nhập Zalo" in message and emulator.calls == []
    assert token.read_bytes() == pair and state.read_bytes() == stale


def test_a_first_dry_run_with_only_the_refresh_token_says_there_is_no_access_token_yet(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """Before the first real sync there is no token file: a dry run said the access token had
    «expired or been refused», and an operator went looking for a token that never existed."""
    root = zalo_project(tmp_path, 1)
    token = tmp_path / "secrets" / "token.json"
    assert not token.exists()
    assert sync(root, "--dry-run") == 0
    message = told(capsys)
    assert (
        "Chạy thử không hỏi Zalo (chưa có access token (chưa có tệp token), và chạy thử không "
        "làm mới token"
    ) in message
    assert "đã hết hạn hoặc bị từ chối" not in message
    assert emulator.used_refresh_tokens == [] and not token.exists()


def test_a_dry_run_without_secrets_says_once_what_it_did_not_check_and_why(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """A pull request's plan (no secrets) that creates one bulletin and updates another said
    three times that Zalo was not asked, in three notes: one says what was not checked, why."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    first = root / "content/bai-viet/ban-tin-000.md"
    first.write_text(first.read_text("utf-8") + "\nThêm một câu.\n", "utf-8")
    (root / "content/bai-viet/ban-tin-002.md").write_text(zalo_bulletin(2), "utf-8")
    for name in ("ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_REFRESH_TOKEN", "ZALO_TOKEN_FILE"):
        monkeypatch.delenv(name)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root, "--dry-run", "--format", "markdown") == 0
    comment = capsys.readouterr().out
    assert comment.count("thông tin đăng nhập Zalo") == 1
    assert comment.count("không hỏi Zalo") == 1 and "không đọc bài trên Zalo" not in comment
    assert (
        "Chạy thử không hỏi Zalo &#40;không có thông tin đăng nhập Zalo, như ở pull request từ "
        "một bản fork: CI không đưa bí mật cho nó&#41;, nên chưa kiểm tra hai điều: OA đã có bài "
        "cùng tiêu đề với 1 bản tin «tạo mới» chưa, và 1 bài sẽ cập nhật hay rút có bị sửa tay "
        "trên OA không." in comment
    )
    assert emulator.calls == []


def test_a_dry_run_asks_the_oa_with_a_token_valid_for_less_than_the_refresh_margin(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """The hour's margin before expiry is for a sync that may refresh; a dry run, which
    cannot, left the OA unasked with a token still valid for 30 minutes."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    state = root / "state" / "zalo.json"
    stale = state.read_bytes()
    (root / "content/bai-viet/ban-tin-002.md").write_text(zalo_bulletin(2), "utf-8")
    assert sync(root) == 0
    state.write_bytes(stale)
    token = tmp_path / "secrets" / "token.json"
    pair = json.loads(token.read_text("utf-8"))
    pair["expires_at"] = time.time() + 1800
    token.write_text(json.dumps(pair), "utf-8")
    written = token.read_bytes()
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root, "--dry-run") == 1
    message = told(capsys)
    assert "OA có bài mới hơn mọi bài state/zalo.json ghi, cùng tiêu đề với 1 bản tin" in message
    assert emulator.write_calls() == [] and token.read_bytes() == written


def test_a_create_awaiting_its_id_exempts_one_article_of_its_title_only(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """Last week's bulletin awaits its id, and the OA also holds another article of that title
    the records do not know (this week's, created by a run whose records this checkout lacks):
    every article of the title was exempted, and this week's bulletin was posted twice."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    title = f'"{TITLES[1]} (1)"'
    (root / "content/bai-viet/ban-tin-001.md").write_text(zalo_bulletin(1), "utf-8")
    emulator.configure(verify_processing_count=1000)
    monkeypatch.setenv("ZALO_VERIFY_TIMEOUT", "0.05")
    assert sync(root) == 3  # created; its token kept, unverified
    emulator.seed_article(sample_body(title=f"{TITLES[1]} (1)"))  # this week's, unrecorded here
    (root / "content/bai-viet/ban-tin-002.md").write_text(zalo_bulletin(2, title=title), "utf-8")
    before = sorted(emulator.articles)
    capsys.readouterr()
    assert sync(root) == 1
    assert "bt-002 «" in told(capsys)
    assert sorted(emulator.articles) == before


def test_reconcile_keeps_the_article_posted_by_hand_that_create_anyway_names(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """--zalo-create-anyway promises the article posted by hand under the bulletin's title is
    kept: with --reconcile as well, that article was taken for the bulletin's and overwritten."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    source = "content/bai-viet/ban-tin-002.md"
    (root / source).write_text(zalo_bulletin(2), "utf-8")
    title = f"{TITLES[2]} (2)"
    by_hand = emulator.seed_article(sample_body(title=title))
    written = json.dumps(emulator.articles[by_hand], sort_keys=True)
    capsys.readouterr()
    assert sync(root, "--reconcile", "--zalo-create-anyway", source) == 0
    assert "bt-002 «" in told(capsys)
    assert json.dumps(emulator.articles[by_hand], sort_keys=True) == written
    records = json.loads((root / "state" / "zalo.json").read_text("utf-8"))["entries"]
    assert records["bt-002"]["article_id"] not in (None, by_hand)
    assert [a["title"] for a in emulator.articles.values()].count(title) == 2


def test_reconcile_lets_no_other_bulletin_of_the_title_take_the_article_kept_by_hand(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """Weekly bulletins share a title: with --reconcile and --zalo-create-anyway for this
    week's, last week's (unrecorded too, and sorted first) took the article posted by hand
    under that title and overwrote it; then it was created without the stop a sync without
    --reconcile makes for an article of its title on the OA. It is named, nothing is sent."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    title = f"{TITLES[1]} (1)"
    for number in (2, 3):
        bulletin = zalo_bulletin(number, title=f'"{title}"')
        (root / f"content/bai-viet/ban-tin-00{number}.md").write_text(bulletin, "utf-8")
    by_hand = emulator.seed_article(sample_body(title=title))
    written = json.dumps(emulator.articles[by_hand], sort_keys=True)
    capsys.readouterr()
    emulator.clear_calls()
    third = "content/bai-viet/ban-tin-003.md"
    assert sync(root, "--reconcile", "--zalo-create-anyway", third) == 1
    message = told(capsys)
    assert f"khớp bt-002 với bài {by_hand}" not in message
    assert (
        f"OA đã có bài cùng tiêu đề với 1 bản tin sắp tạo mà state/zalo.json không có bản ghi "
        f"(bt-002 «{title}» (bài {by_hand}))" in message
    )
    assert "Không gửi gì lên Zalo." in message and "Traceback" not in message
    assert "--zalo-create-anyway content/bai-viet/ban-tin-002.md" in message
    assert emulator.write_calls() == []
    assert json.dumps(emulator.articles[by_hand], sort_keys=True) == written
    records = json.loads((root / "state" / "zalo.json").read_text("utf-8"))["entries"]
    assert by_hand not in {entry.get("article_id") for entry in records.values()}
    second = "content/bai-viet/ban-tin-002.md"  # the way out the message gives
    assert (
        sync(root, "--reconcile", "--zalo-create-anyway", third, "--zalo-create-anyway", second)
        == 0
    )
    assert json.dumps(emulator.articles[by_hand], sort_keys=True) == written
    assert [a["title"] for a in emulator.articles.values()].count(title) == 3


def test_reconcile_matches_a_bulletin_to_its_own_article_beside_the_one_kept_by_hand(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """Last week's bulletin lost its record (a stale state/), and the OA admin posted an article
    of the same weekly title by hand: --zalo-create-anyway for this week's kept both articles
    of the title out of matching, and created last week's a second time."""
    root = zalo_project(tmp_path, 1)
    title = f"{TITLES[1]} (1)"
    (root / "content/bai-viet/ban-tin-002.md").write_text(
        zalo_bulletin(2, title=f'"{title}"'), "utf-8"
    )
    assert sync(root) == 0
    state = root / "state" / "zalo.json"
    document = json.loads(state.read_text("utf-8"))
    own = document["entries"].pop("bt-002")["article_id"]
    state.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    by_hand = emulator.seed_article(sample_body(title=title))
    source = "content/bai-viet/ban-tin-003.md"
    (root / source).write_text(zalo_bulletin(3, title=f'"{title}"'), "utf-8")
    capsys.readouterr()
    assert sync(root, "--reconcile", "--zalo-create-anyway", source) == 0
    message = told(capsys)
    assert f"khớp bt-002 với bài {own}" in message
    assert [a["title"] for a in emulator.articles.values()].count(title) == 3
    records = json.loads(state.read_text("utf-8"))["entries"]
    assert records["bt-002"]["article_id"] == own
    assert records["bt-003"]["article_id"] not in (own, by_hand)


def test_reconcile_names_every_article_of_the_title_it_cannot_tell_apart(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """Last week's bulletin lost its record and was edited since, and the OA admin posted an
    article of the same weekly title by hand: the refusal named only the hand-posted one, and
    following its advice (not that one: add --zalo-create-anyway) posted last week's twice."""
    root = zalo_project(tmp_path, 1)
    title = f"{TITLES[1]} (1)"
    source = "content/bai-viet/ban-tin-002.md"
    (root / source).write_text(zalo_bulletin(2, title=f'"{title}"'), "utf-8")
    assert sync(root) == 0
    state = root / "state" / "zalo.json"
    document = json.loads(state.read_text("utf-8"))
    own = document["entries"].pop("bt-002")["article_id"]
    state.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    edited = zalo_bulletin(2, title=f'"{title}"', body="Nội dung đã sửa sau khi đăng.\n")
    (root / source).write_text(edited, "utf-8")
    by_hand = emulator.seed_article(sample_body(title=title))
    third = "content/bai-viet/ban-tin-003.md"
    (root / third).write_text(zalo_bulletin(3, title=f'"{title}"'), "utf-8")
    capsys.readouterr()
    emulator.clear_calls()
    assert sync(root, "--reconcile", "--zalo-create-anyway", third) == 1
    message = told(capsys)
    assert f"bt-002 «{title}» (bài {own}, {by_hand})" in message or (
        f"bt-002 «{title}» (bài {by_hand}, {own})" in message
    )
    assert "mở từng bài kể trên" in message
    assert emulator.write_calls() == []


def test_an_empty_sandbox_address_is_told_the_windows_command_that_removes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`unset` is no command in Windows' cmd, the shell README gives there: `set NAME=` is."""
    monkeypatch.setattr(sys, "platform", "win32")
    env = {"ZALO_API_BASE": "", "ZALO_OAUTH_BASE": " "}
    with pytest.raises(PublishError) as raised:
        ClientSettings.from_env(env)
    assert "(set ZALO_API_BASE= & set ZALO_OAUTH_BASE=)" in str(raised.value)
    assert "unset" not in str(raised.value)


def payload(root: Path, key: str) -> dict:
    """The built payload of one bulletin."""
    return json.loads((root / "output" / "zalo" / f"{key}.json").read_text("utf-8"))


def lose_record(root: Path, key: str) -> str:
    """Drop `key`'s record from state/zalo.json (a stale or hand-edited state/): its article id."""
    state = root / "state" / "zalo.json"
    document = json.loads(state.read_text("utf-8"))
    article_id = document["entries"].pop(key)["article_id"]
    state.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return article_id


def test_reconcile_takes_the_article_holding_the_bulletins_text_not_the_newest_of_its_title(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """The bulletin lost its record and the OA admin then posted an article of the same title by
    hand: --reconcile took the first article listed (the newest, the hand-posted one) and
    replaced its text with the bulletin's. It takes the bulletin's own article, unchanged."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    own = lose_record(root, "bt-001")
    by_hand = emulator.seed_article(sample_body(title=f"{TITLES[1]} (1)"))
    written = json.dumps(emulator.articles[by_hand], sort_keys=True)
    capsys.readouterr()
    emulator.clear_calls()
    assert sync(root, "--reconcile") == 0
    assert f"khớp bt-001 với bài {own}\n" in told(capsys) + "\n"
    assert emulator.write_calls() == []
    assert json.dumps(emulator.articles[by_hand], sort_keys=True) == written
    records = json.loads((root / "state" / "zalo.json").read_text("utf-8"))["entries"]
    assert records["bt-001"]["article_id"] == own


def test_reconcile_without_create_anyway_names_every_article_of_the_title_none_holding_its_text(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """The bulletin lost its record and was edited since, and the OA admin posted an article of
    its title by hand: neither article holds its text, and --reconcile took the newest (the
    hand-posted one) and overwrote it. It stops, sends nothing, names both and the ways out;
    the way out for «this one is the bulletin's» updates that article, the other kept."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    own = lose_record(root, "bt-001")
    source = "content/bai-viet/ban-tin-001.md"
    (root / source).write_text(zalo_bulletin(1, body="Nội dung đã sửa sau khi đăng.\n"), "utf-8")
    title = f"{TITLES[1]} (1)"
    by_hand = emulator.seed_article(sample_body(title=title))
    written = json.dumps(emulator.articles[by_hand], sort_keys=True)
    state = root / "state" / "zalo.json"
    before = state.read_bytes()
    capsys.readouterr()
    emulator.clear_calls()
    for dry_run in (["--dry-run"], []):
        assert sync(root, "--reconcile", *dry_run) == 1
        message = told(capsys)
        assert f"bt-001 «{title}», tệp {source} (bài {by_hand}, {own})" in message
        assert "Không gửi gì lên Zalo, state/zalo.json để nguyên." in message
        assert f"{source}: --zalo-create-anyway {source} nếu không bài nào" in message
        assert f"--zalo-overwrite {source}=MÃ_BÀI" in message and "state/zalo.json (" not in message
        assert "Traceback" not in message
        assert unicodedata.is_normalized("NFC", message)
    assert emulator.write_calls() == []
    assert json.dumps(emulator.articles[by_hand], sort_keys=True) == written
    assert state.read_bytes() == before
    assert sync(root, "--reconcile", "--zalo-overwrite", f"{source}=123") == 1  # a typo
    assert f"không có bài 123 mang tiêu đề «{title}»" in told(capsys)
    assert state.read_bytes() == before and emulator.write_calls() == []
    # The way out the message gives, the article being its own: no hand edit of state/.
    assert sync(root, "--reconcile", "--zalo-overwrite", f"{source}={own}") == 0
    assert json.dumps(emulator.articles[by_hand], sort_keys=True) == written
    assert emulator.articles[own]["body"] == payload(root, "bt-001")["body"]
    assert [a["title"] for a in emulator.articles.values()].count(title) == 2


def test_reconcile_stops_when_two_bulletins_of_a_title_share_one_article_unlike_both(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture
) -> None:
    """Two weekly bulletins of one title, neither recorded, and one article of that title that
    holds neither's text: the first sorted took it, though it may be the second's (edited)."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    title = f"{TITLES[1]} (1)"
    for number in (2, 3):
        bulletin = zalo_bulletin(number, title=f'"{title}"')
        (root / f"content/bai-viet/ban-tin-00{number}.md").write_text(bulletin, "utf-8")
    by_hand = emulator.seed_article(sample_body(title=title))
    capsys.readouterr()
    emulator.clear_calls()
    assert sync(root, "--reconcile") == 1
    message = told(capsys)
    assert f"bt-002 «{title}», tệp content/bai-viet/ban-tin-002.md (bài {by_hand})" in message
    assert f"bt-003 «{title}», tệp content/bai-viet/ban-tin-003.md (bài {by_hand})" in message
    assert emulator.write_calls() == []
