"""An article an OA admin deleted by hand is found by the sync that renews the token, and made again.

A no-op sync asks Zalo nothing, so state/zalo.json kept calling such an article live for ever
(«16 không đổi») while the README promised it would be created again. The sync that renews the
access token (about daily on the machine that syncs) lists the OA's articles once; `publish
report`, which reads that list anyway, warns at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from publish.cli import main
from publish.sync.zalo_deleted import CAP
from publish.zalo.client import ZaloClient
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_fixtures import sample_body
from tests.zalo_project import (
    NOW,
    expire_access_token,
    records,
    sync,
    told,
    zalo_bulletin,
    zalo_project,
)

GETSLICE = "/article/getslice"


def titles(emulator: ZaloEmulator) -> list[str]:
    """The titles of the OA's articles, sorted (one per article: a duplicate shows twice)."""
    return sorted(a["title"] for a in emulator.articles.values())


@pytest.fixture
def token(tmp_path: Path) -> Path:
    """The token file zalo_env points publish at."""
    return tmp_path / "secrets" / "token.json"


@pytest.fixture
def synced(tmp_path: Path, emulator: ZaloEmulator, zalo_env: None) -> Path:
    """A project whose 3 bulletins are all on Zalo, the call log then emptied."""
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    emulator.clear_calls()
    return root


def test_an_article_deleted_by_hand_is_created_again_by_the_sync_that_renews_the_token(
    synced: Path, token: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    before = titles(emulator)
    article_id = records(synced)["bt-001"]["article_id"]
    del emulator.state.articles[article_id]
    capsys.readouterr()
    # While the access token lasts a no-op sync still asks Zalo nothing (≤ 2 s for 10,000).
    assert sync(synced) == 0
    assert emulator.calls == []
    assert "không có thay đổi nào" in told(capsys)

    expire_access_token(token)
    assert sync(synced) == 0
    said = " ".join(told(capsys).split())
    assert (
        f"zalo: content/bai-viet/ban-tin-001.md: bài {article_id} «{records(synced)['bt-001']['title']}» "
        "không còn trên Zalo (có thể đã bị xoá trong trang quản trị OA): lần đồng bộ này tạo lại "
        "bài." in said
    )
    assert "thêm dòng draft: [zalo] vào phần đầu bản tin" in said
    assert "bài cũ không còn trên Zalo (đã bị xoá trong trang quản trị OA): tạo lại" in said
    assert emulator.count_calls("/article/create") == 1
    assert titles(emulator) == before
    entry = records(synced)["bt-001"]
    assert entry["status"] == "live" and entry["article_id"] in emulator.articles
    assert entry["article_id"] != article_id

    emulator.clear_calls()
    assert sync(synced) == 0
    assert emulator.calls == []


def test_the_check_lists_the_oa_once_and_sends_nothing_when_no_article_is_missing(
    synced: Path, token: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    before = records(synced)
    expire_access_token(token)
    capsys.readouterr()
    assert sync(synced) == 0
    assert emulator.count_calls(GETSLICE) == 1  # 3 articles: one page
    assert emulator.count_calls("/v4/oa/access_token") == 1  # the renewal it rides on, once
    assert emulator.write_calls() == [] and records(synced) == before
    assert "không còn trên Zalo" not in told(capsys)


def test_a_withdrawn_bulletin_s_hidden_article_is_not_checked_nor_made_again(
    synced: Path, token: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    """Whether getslice lists hidden articles is unconfirmed (zalo-oa-api.md §2.5): were they
    left out, every hidden record would cost a getdetail a day and, once many, make the list
    look cut short, so that no live article deleted by hand was ever found again."""
    path = synced / "content" / "bai-viet" / "ban-tin-002.md"
    path.write_text(zalo_bulletin(2, draft="[zalo]"), "utf-8")
    assert sync(synced) == 0
    assert records(synced)["bt-002"]["status"] == "hidden"
    article_id = records(synced)["bt-002"]["article_id"]
    del emulator.state.articles[article_id]
    before = records(synced)
    expire_access_token(token)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(synced) == 0
    assert f"bài {article_id}" not in told(capsys)
    assert emulator.write_calls() == [] and emulator.count_calls("/article/getdetail") == 0
    assert records(synced) == before


def test_more_missing_articles_than_hand_deletions_make_are_not_read_one_by_one(
    tmp_path: Path,
    token: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture,
) -> None:
    """A list cut at 55 % of 10,000 articles would have cost 4,500 getdetail calls (over Zalo's
    limit per minute) though less than half were missing: past CAP nothing is trusted."""
    root = zalo_project(tmp_path, 2 * CAP + 3)
    assert sync(root) == 0
    for entry in list(records(root).values())[: CAP + 1]:
        del emulator.state.articles[entry["article_id"]]
    before = records(root)
    expire_access_token(token)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 0
    said = " ".join(told(capsys).split())
    assert f"danh sách bài Zalo trả về thiếu {CAP + 1}/{2 * CAP + 3} bài" in said
    assert "publish sync zalo --reconcile --dry-run" in said
    assert emulator.write_calls() == [] and emulator.count_calls("/article/getdetail") == 0
    assert records(root) == before


def test_an_article_the_list_leaves_out_but_zalo_still_has_is_not_posted_twice(
    synced: Path,
    token: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """getslice is the only way to tell a deleted article (zalo-oa-api.md §2.5), but a list Zalo
    cut short must not have a live article created a second time: getdetail is asked first."""
    dropped = records(synced)["bt-000"]["article_id"]
    listing = ZaloClient.list_articles

    def short(self: ZaloClient, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        """Zalo's list without one article it still has."""
        return [a for a in listing(self, *args, **kwargs) if str(a.get("id")) != dropped]

    monkeypatch.setattr(ZaloClient, "list_articles", short)
    before = records(synced)
    expire_access_token(token)
    capsys.readouterr()
    assert sync(synced) == 0
    assert emulator.count_calls("/article/getdetail") == 1
    assert emulator.write_calls() == [] and records(synced) == before
    assert "không còn trên Zalo" not in told(capsys)


def test_a_list_missing_most_articles_is_not_trusted(
    tmp_path: Path,
    token: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture,
) -> None:
    root = zalo_project(tmp_path, 7)
    assert sync(root) == 0
    emulator.state.articles.clear()
    expire_access_token(token)
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 0
    said = " ".join(told(capsys).split())
    assert "danh sách bài Zalo trả về thiếu 7/7 bài" in said
    assert "publish sync zalo --reconcile --dry-run" in said
    assert emulator.write_calls() == [] and emulator.count_calls("/article/getdetail") == 0
    assert all(e["status"] == "live" for e in records(root).values())


def test_a_failed_listing_is_a_warning_and_the_sync_goes_on(
    synced: Path, token: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    emulator.configure(fault_paths=(GETSLICE,), fail_first_5xx=50)
    expire_access_token(token)
    capsys.readouterr()
    assert sync(synced) == 0
    said = " ".join(told(capsys).split())
    assert "cảnh báo: chưa đọc được danh sách bài trên Zalo OA để tìm bài bị xoá tay" in said
    assert emulator.write_calls() == []


def test_report_warns_of_a_live_record_whose_article_is_gone(
    synced: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    entry = records(synced)["bt-001"]
    del emulator.state.articles[entry["article_id"]]
    capsys.readouterr()
    assert main(["--root", str(synced), "--now", NOW, "report"]) == 0
    said = " ".join(told(capsys).split())
    assert (
        "Cảnh báo: 1 bài state/zalo.json ghi là đang đăng không có trong danh sách bài của Zalo "
        f"OA (có thể đã bị xoá trong trang quản trị OA): content/bai-viet/ban-tin-001.md "
        f"«{entry['title']}» (bài {entry['article_id']})" in said
    )
    assert "publish sync zalo --reconcile" in said
    assert emulator.write_calls() == []


def test_report_does_not_call_deleted_an_article_a_deletion_above_it_hid_while_paging(
    synced: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """An admin deletes a newer article while the report reads the second page: the oldest
    article moves onto the first page, already read. Read page by page as it came, it was
    missing, and the report said a live bulletin's article was deleted by hand."""
    newer = [emulator.seed_article(sample_body(title=f"Thông báo {n}")) for n in range(8)]
    real = ZaloClient.getslice
    deleted: list[str] = []

    def deleting(self: ZaloClient, offset: int = 0, *args: Any) -> tuple[list[Any], int]:
        """getslice, with one newer article deleted just before the second page is read."""
        if offset >= 10 and not deleted:
            deleted.append(newer[0])
            del emulator.state.articles[newer[0]]
        return real(self, offset, *args)

    monkeypatch.setattr(ZaloClient, "getslice", deleting)
    capsys.readouterr()
    assert main(["--root", str(synced), "--now", NOW, "report"]) == 0
    assert deleted  # the second page was read after the deletion
    assert "không có trong danh sách bài" not in told(capsys)


def test_report_says_nothing_of_the_kind_when_every_article_is_there(
    synced: Path, capsys: pytest.CaptureFixture
) -> None:
    capsys.readouterr()
    assert main(["--root", str(synced), "--now", NOW, "report"]) == 0
    assert "không có trong danh sách bài" not in told(capsys)


def oldest_unlisted(monkeypatch: pytest.MonkeyPatch) -> None:
    """getslice as Zalo may answer it (zalo-oa-api.md §2.5 does not say whether the total counts
    articles it does not list): every article but the oldest, under a total that counts it."""
    real = ZaloClient.getslice

    def short(
        self: ZaloClient, offset: int = 0, limit: int = 10, type: str = "normal"
    ) -> tuple[list[Any], int]:
        """The real page, without the last article of the list."""
        medias, total = real(self, offset, limit, type)
        return medias[: max(0, total - 1 - offset)], total

    monkeypatch.setattr(ZaloClient, "getslice", short)


def test_a_list_that_stays_short_of_its_total_is_a_plain_warning_of_the_daily_check(
    synced: Path,
    token: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """Read alike twice, the list is short, not changing: said so (not «thay đổi liên tục…
    chạy lại sau vài phút», which never helped), after two readings instead of three; nothing is
    taken for deleted, and the sync goes on."""
    oldest_unlisted(monkeypatch)
    before = records(synced)
    expire_access_token(token)
    capsys.readouterr()
    assert sync(synced) == 0
    said = " ".join(told(capsys).split())
    assert "cảnh báo: chưa đọc được danh sách bài trên Zalo OA để tìm bài bị xoá tay" in said
    assert "chỉ có 2 bài trong khi Zalo báo tổng 3 bài" in said
    assert "thay đổi liên tục" not in said and "chưa tạo lại bài nào" not in said
    assert emulator.count_calls(GETSLICE) == 2 * 2
    assert emulator.write_calls() == [] and emulator.count_calls("/article/getdetail") == 0
    assert records(synced) == before


def test_report_records_what_a_list_short_of_its_total_holds_and_calls_none_deleted(
    synced: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """A report is for counts: those read are kept (the report failed, every day, before), the
    editor is told they are partial, and the unread article is not called deleted by hand."""
    oldest_unlisted(monkeypatch)
    capsys.readouterr()
    assert main(["--root", str(synced), "--now", NOW, "report"]) == 0
    said = " ".join(told(capsys).split())
    assert "chỉ có 2 bài trong khi Zalo báo tổng 3 bài" in said
    assert "Số liệu của 2 bài đọc được vẫn được ghi" in said
    assert "không có trong danh sách bài" not in said
    rows = (synced / "state" / "zalo-stats.csv").read_text("utf-8-sig").splitlines()
    assert sum(1 for row in rows if ",bai," in row) == 2


def test_reconcile_against_a_list_short_of_its_total_changes_nothing(
    synced: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """Matched against it, the unlisted article's record would be marked removed and the
    article created a second time."""
    oldest_unlisted(monkeypatch)
    before = records(synced)
    capsys.readouterr()
    assert sync(synced, "--reconcile") == 3
    said = " ".join(told(capsys).split())
    assert "--reconcile: chưa đọc trọn danh sách bài trên Zalo OA" in said
    assert "chỉ có 2 bài trong khi Zalo báo tổng 3 bài" in said
    assert "chưa đổi gì trong state/zalo.json" in said
    assert emulator.write_calls() == [] and records(synced) == before


def test_report_of_more_missing_articles_than_the_check_reads_says_what_the_sync_does(
    tmp_path: Path,
    token: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture,
) -> None:
    """Most live articles missing at once: the report promised that the next renewal «đọc lại
    từng bài ấy và tạo lại bài đã bị xoá», but past SUSPECT (or CAP) the daily check reads none
    of them and creates nothing (a list Zalo cut short): the report says so."""
    root = zalo_project(tmp_path, 7)
    assert sync(root) == 0
    for entry in list(records(root).values())[:6]:
        del emulator.state.articles[entry["article_id"]]
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "report"]) == 0
    said = " ".join(told(capsys).split())
    assert "Cảnh báo: 6 bài state/zalo.json ghi là đang đăng không có trong danh sách" in said
    assert "đọc lại từng bài ấy và tạo lại" not in said
    assert "không đọc lại bài nào trong số ấy và không tạo lại bài nào" in said
    assert "publish sync zalo --reconcile --dry-run" in said
    before = records(root)
    expire_access_token(token)
    emulator.clear_calls()
    assert sync(root) == 0  # what the report says the renewal does
    assert "danh sách bài Zalo trả về thiếu 6/7 bài" in " ".join(told(capsys).split())
    assert emulator.write_calls() == [] and emulator.count_calls("/article/getdetail") == 0
    assert records(root) == before
