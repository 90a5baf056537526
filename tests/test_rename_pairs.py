"""Renamed bulletins paired as one (publish.rename_pairs): by every reader alike, in O(N).

`publish check` paired each gone key with every new bulletin under four tests, rebuilding what
was taken for each key and normalising both titles of each pair: 2,000 renames took 5.4 s and
10,000 about two minutes (session 69's review), and it paired in another order than the Zalo
sync, so check could announce a rename the sync then made otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from publish import withdrawing
from publish.rename_pairs import pair_renames
from publish.sync import vanished, zalo_plan


def no_id(item: object) -> bool:
    """No new item declares its own `id`."""
    return False


def by_value(old: Mapping[str, str], new: Mapping[str, str | None]) -> Any:
    """An index pairing the old keys' and the new items' values in `old` and `new`."""
    return (lambda key: old.get(key), lambda item: new.get(item))


def test_the_first_index_that_pairs_wins_and_a_new_item_stands_for_one_old_key() -> None:
    indexes = (
        by_value({"a": "body-1"}, {"x": "body-1"}),
        by_value({"a": "T", "b": "T", "c": "T"}, {"x": "T", "y": "T"}),
    )
    found = pair_renames(["a", "b", "c"], {"x": "x", "y": "y"}, indexes, own_id=no_id)
    assert found.renamed == {"a": "x", "b": "y"}


def test_an_old_key_known_by_nothing_pairs_with_nothing() -> None:
    indexes = (by_value({"a": ""}, {"x": ""}), by_value({}, {"x": None}))
    assert pair_renames(["a", "b"], {"x": "x"}, indexes, own_id=no_id).renamed == {}


def test_the_pairs_are_the_same_whichever_side_is_walked() -> None:
    """The Zalo sync walks the new keys, check the gone ones: same pairs either way."""
    old = {"a": "T", "b": "T", "c": "U"}
    new = {"x": "U", "y": "T", "z": "T"}
    forward = pair_renames(
        ["a", "b", "c"], {k: k for k in new}, [by_value(old, new)], own_id=no_id
    ).renamed
    backward = pair_renames(
        ["x", "y", "z"], {k: k for k in old}, [by_value(new, old)], own_id=no_id
    ).renamed
    assert forward == {v: k for k, v in backward.items()} == {"a": "y", "b": "z", "c": "x"}


def test_the_zalo_sync_pairs_by_body_then_title() -> None:
    """Its own filters kept: a removed article's record is no rename's."""
    local = {
        k: zalo_plan.Local(k, f"content/{k}.md", title, f"{k}.json", "d", body)
        for k, title, body in (("moi-1", "Tin A", "b1"), ("moi-2", "Tin  B", "b9"))
    }
    entries = {
        "cu-1": {"article_id": "1", "status": "live", "body_digest": "b1", "title": "Khác"},
        "cu-2": {"article_id": "2", "status": "live", "body_digest": "b2", "title": "Tin B"},
        "cu-3": {"article_id": "3", "status": "removed", "body_digest": "b9", "title": "Tin B"},
    }
    observed = zalo_plan.Observed(local=local, entries=entries)
    assert zalo_plan._renames(observed).renamed == {"moi-1": "cu-1", "moi-2": "cu-2"}


def test_a_new_item_that_declares_its_own_id_is_no_one_s_rename() -> None:
    """However alike (same body here), the next one without `id` is paired instead."""
    indexes = [by_value({"a": "body-1"}, {"x": "body-1", "y": "body-1"})]
    found = pair_renames(["a"], {"x": "x", "y": "y"}, indexes, own_id=lambda item: item == "x")
    assert found.renamed == {"a": "y"}
    alone = pair_renames(["a"], {"x": "x"}, indexes, own_id=lambda item: item == "x")
    assert alone.renamed == {}


def test_a_new_item_with_its_own_id_left_alike_is_told_as_a_lookalike_not_paired() -> None:
    """Second pass, same indexes, for the old keys left: `b` is no one's rename but looks like
    `x` (same body), `c` like `z` (same title, the first index pairing nothing); `a` became
    `y` and has no lookalike, and `x` stands for one old key only."""
    indexes = (
        by_value({"a": "body-1", "b": "body-2", "d": "body-2"}, {"x": "body-2", "y": "body-1"}),
        by_value({"c": "T", "b": "T"}, {"z": "T", "x": "U"}),
    )
    own = {"x", "z"}
    found = pair_renames(
        ["a", "b", "c", "d"], {k: k for k in "xyz"}, indexes, own_id=lambda item: item in own
    )
    assert found.renamed == {"a": "y"}
    assert found.lookalikes == {"b": "x", "c": "z"}


def test_the_zalo_sync_hides_the_gone_article_and_creates_one_for_a_bulletin_with_its_id() -> None:
    """Same body and title as the gone bt-000, but its own id: not «đổi tên từ bt-000», which
    overwrote bt-000's article with it."""
    entry = {"article_id": "1", "status": "live", "body_digest": "b1", "title": "Tin A"}
    local = zalo_plan.Local("bt-thay", "content/thay.md", "Tin A", "p.json", "d", "b1", has_id=True)
    observed = zalo_plan.Observed(local={"bt-thay": local}, entries={"bt-000": entry})
    assert zalo_plan._renames(observed).renamed == {}
    kinds = {a.key: a.kind for a in zalo_plan.plan_actions(observed)}
    assert kinds == {"bt-thay": "create", "bt-000": "withdraw"}


@pytest.mark.parametrize("status", ["live", "hidden"])
def test_the_zalo_create_of_a_lookalike_says_which_id_keeps_the_article(status: str) -> None:
    """Still a create, but its reason names the gone bt-000 and the id line that updates
    bt-000's article instead; not for an article hidden already, which nothing withdraws."""
    entry = {"article_id": "1", "status": status, "body_digest": "b1", "title": "Tin A"}
    local = zalo_plan.Local("bt-thay", "content/thay.md", "Tin A", "p.json", "d", "b1", has_id=True)
    observed = zalo_plan.Observed(local={"bt-thay": local}, entries={"bt-000": entry})
    [create] = [a for a in zalo_plan.plan_actions(observed) if a.key == "bt-thay"]
    assert create.kind == "create"
    told = "nếu là một bài thì sửa dòng id thành «id: bt-000»"
    assert (told in create.reason) == (status == "live"), create.reason


def test_check_pairs_n_renames_with_o_n_title_normalisations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted, not timed: each title is normalised once, whatever the number of pairs."""
    calls = 0
    real = zalo_plan.same_title

    def counted(text: str) -> str:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(zalo_plan, "same_title", counted)
    n = 2000
    bulletins = [
        SimpleNamespace(
            key=f"moi-{i}", source=f"content/moi-{i}.md", title=f"Tin số  {i}", has_id=False
        )
        for i in range(n)
    ]
    site = SimpleNamespace(bulletins=bulletins, excluded=(), previews=())
    gone = [f"cu-{i}" for i in range(n)]
    zalo = {f"cu-{i}": {"title": f"Tin số {n - 1 - i}"} for i in range(n)}
    published = SimpleNamespace(keys=set(gone), files={})
    new = withdrawing._unknown(site, published, zalo)  # type: ignore[arg-type]
    found = withdrawing._renamed(gone, tmp_path, published, zalo, new)  # type: ignore[arg-type]
    assert {old: b.key for old, b in found.renamed.items()} == {
        f"cu-{i}": f"moi-{n - 1 - i}" for i in range(n)
    }
    assert calls <= 2 * n


def test_deleted_pages_read_the_channels_once_for_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """serve read three state files for each deleted bulletin's page."""
    asked: list[list[str]] = []

    def live(state: Path, now: Any, config: Any, keys: Any, published: Any = None) -> Any:
        asked.append(sorted(keys))
        return {"a": ("web",)}

    monkeypatch.setattr(vanished, "live_channels", live)
    config = SimpleNamespace(root=tmp_path)
    deleted = [("a", "content/a.md"), ("b", "content/b.md")]
    notices = withdrawing.deleted_notices(deleted, config, dt.datetime(2026, 1, 1))  # type: ignore[arg-type]
    assert asked == [["a", "b"]]
    assert notices["a"].startswith("Tệp content/a.md đã bị xóa: bài này sẽ bị rút khỏi website")
    assert "chưa đăng ở kênh nào" in notices["b"]
