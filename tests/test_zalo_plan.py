"""The pure Zalo sync plan: one action per bulletin key, each with the reason an operator reads."""

from __future__ import annotations

from dataclasses import replace

from publish.sync.zalo_plan import (
    CREATE_ANEW,
    FORGET_CREATE,
    FORGET_PENDING,
    SAME_TEXT,
    Local,
    Observed,
    plan_actions,
)


def local(key: str, digest: str = "d1", title: str = "Tiêu đề", body: str = "b1") -> Local:
    """A built payload."""
    return Local(key, f"content/{key}.md", title, f"{key}.json", digest, body)


def plan(observed: Observed) -> dict[str, tuple[str, str]]:
    """Key → (kind, reason)."""
    return {a.key: (a.kind, a.reason) for a in plan_actions(observed)}


def test_new_changed_unchanged_and_unverified_bulletins() -> None:
    observed = Observed(
        local={
            k: local(k, digest="d2" if k == "doi" else "d1") for k in ("moi", "doi", "y", "cho")
        },
        entries={
            "doi": {"article_id": "1", "digest": "d1"},
            "y": {"article_id": "2", "digest": "d1"},
            "cho": {"token": "t", "digest": "d1"},
        },
    )
    assert plan(observed) == {
        "cho": ("verify", "đã gửi lên Zalo nhưng chưa lấy được mã bài: xác minh, không tạo lại"),
        "doi": ("update", "nội dung bài viết thay đổi"),
        "moi": ("create", "bản tin mới, chưa có trên Zalo"),
        "y": ("noop", "không đổi"),
    }


def test_an_update_of_a_bulletin_whose_title_and_body_are_unchanged_says_so() -> None:
    """A renamed unit's new name is in every article's author and last line: the operator
    must see that this, not an edit of every bulletin, is why all of them are updated."""
    observed = Observed(
        local={k: local(k, digest="d2", title="Tiêu đề", body="b1") for k in ("ten", "than", "ca")},
        entries={
            "ten": {"article_id": "1", "digest": "d1", "title": "Tiêu  đề", "body_digest": "b1"},
            "than": {"article_id": "2", "digest": "d1", "title": "Tiêu đề", "body_digest": "b0"},
            "ca": {"article_id": "3", "digest": "d1", "title": "Tiêu đề cũ", "body_digest": "b1"},
        },
    )
    reasons = plan(observed)
    assert reasons["ten"] == ("update", SAME_TEXT)
    assert "site.toml" in SAME_TEXT
    assert reasons["than"] == reasons["ca"] == ("update", "nội dung bài viết thay đổi")


def test_a_create_verified_with_overwrite_says_it_may_be_made_again() -> None:
    """--zalo-overwrite makes a stuck create again in the run that gives up on it: the plan
    said "không tạo lại" all the same."""
    entries = {k: {"token": "t", "digest": "d1"} for k in ("ghi-de", "cho")}
    entries["sua"] = {"token": "t", "digest": "d1", "article_id": "1"}
    observed = Observed(
        local={k: local(k) for k in entries},
        entries=entries,
        overwrite=frozenset({"ghi-de", "sua"}),
    )
    reasons = {k: reason for k, (_, reason) in plan(observed).items()}
    assert reasons["ghi-de"].endswith("khi đó tạo bài mới (--zalo-overwrite)")
    assert "stuck_job_hours" in reasons["ghi-de"]
    assert reasons["cho"].endswith("xác minh, không tạo lại")
    assert "tạo" not in reasons["sua"]  # an update creates nothing


def test_an_update_in_flight_is_verified_as_an_update_not_a_missing_article_id() -> None:
    """Its article has an id: the plan said «chưa lấy được mã bài», and not that a version
    changed since is sent once Zalo confirms the one in flight."""
    sent = {"article_id": "1", "digest": "d0", "token": "t", "token_digest": "d1"}
    observed = Observed(
        local={"giu": local("giu"), "doi": local("doi", digest="d2")},
        entries={"giu": sent, "doi": sent},
    )
    assert plan(observed) == {
        "doi": (
            "verify",
            "đã gửi bản cập nhật lên Zalo, Zalo chưa xác nhận: xác minh, rồi gửi bản mới "
            "(nội dung đã đổi từ lần gửi đó)",
        ),
        "giu": ("verify", "đã gửi bản cập nhật lên Zalo, Zalo chưa xác nhận: xác minh"),
    }


def test_a_create_cut_short_looks_the_article_up_before_creating_again() -> None:
    observed = Observed(
        local={"a": local("a")}, entries={"a": {"pending_create": {"digest": "d1"}}}
    )
    kind, reason = plan(observed)["a"]
    assert kind == "create" and "tìm bài theo tiêu đề trên Zalo trước khi tạo" in reason


def test_withdrawn_bulletins_are_hidden_or_removed_with_why() -> None:
    entries = {
        "nhap": {"article_id": "1", "title": "Nháp"},
        "xoa": {"article_id": "2", "title": "Đã xoá"},
        "an": {"article_id": "3", "status": "hidden"},
    }
    hide = Observed(local={}, entries=entries, excluded={"nhap": "bản nháp (draft: true)"})
    assert plan(hide) == {
        "an": ("noop", "đã rút khỏi Zalo"),
        "nhap": ("withdraw", "bản nháp (draft: true): ẩn bài trên Zalo"),
        "xoa": ("withdraw", "tệp bản tin đã bị xoá: ẩn bài trên Zalo"),
    }
    remove = Observed(local={}, entries=entries, on_withdraw="remove")
    assert {k: kind for k, (kind, _) in plan(remove).items()} == {
        "an": "remove",  # hidden is not enough once the unit removes withdrawn articles
        "nhap": "remove",
        "xoa": "remove",
    }


def test_a_renamed_file_updates_its_article_instead_of_creating_one() -> None:
    observed = Observed(
        local={"ten-moi": local("ten-moi", body="same")},
        entries={"ten-cu": {"article_id": "9", "body_digest": "same", "title": "Khác"}},
    )
    actions = plan_actions(observed)
    assert [(a.kind, a.key, a.data) for a in actions] == [
        ("update", "ten-moi", {"rename_from": "ten-cu"})
    ]
    assert "không tạo bài mới" in actions[0].reason
    # The website and the radio know the bulletin by its key: the id that keeps it is given.
    assert "«id: ten-cu»" in actions[0].reason


def test_a_republished_bulletin_is_shown_again_even_with_a_token_left_from_before() -> None:
    observed = Observed(
        local={"a": local("a")},
        entries={"a": {"article_id": "1", "digest": "d1", "status": "hidden", "token": "cu"}},
    )
    assert plan(observed)["a"] == ("update", "bản tin được đăng lại: hiện lại bài trên Zalo")


def test_a_hide_zalo_has_not_confirmed_is_not_settled() -> None:
    entries = {"a": {"article_id": "1", "status": "live", "hide_token": "t"}}
    kind, reason = plan(Observed(local={}, entries=entries))["a"]
    assert kind == "withdraw" and "chưa được Zalo xác nhận" in reason


def test_a_hidden_article_with_an_update_in_flight_is_not_settled() -> None:
    """A re-publish's update still processing may show the article: withdrawn again, it is
    hidden again (and the update watched), not left as already hidden."""
    entries = {"a": {"article_id": "1", "status": "hidden", "token": "t"}}
    assert plan(Observed(local={}, entries=entries))["a"][0] == "withdraw"


def test_a_job_given_up_on_is_asked_about_when_nothing_else_is_to_do() -> None:
    """A stuck update or hide given up on may still land over a newer version: every run that
    would otherwise leave the record alone asks Zalo about it (a shown or a hidden bulletin)."""
    watched = [{"token": "t", "content": "c0", "shows": True}]
    observed = Observed(
        local={"y": local("y"), "doi": local("doi", digest="d2")},
        entries={
            "y": {"article_id": "1", "digest": "d1", "status": "live", "given_up": watched},
            "doi": {"article_id": "2", "digest": "d1", "status": "live", "given_up": watched},
            "an": {"article_id": "3", "status": "hidden", "given_up": watched},
            "go": {"status": "removed", "given_up": watched},
        },
    )
    kinds = {k: kind for k, (kind, _) in plan(observed).items()}
    assert kinds == {"y": "verify", "doi": "update", "an": "verify", "go": "noop"}
    assert "không đưa bài về bản cũ" in plan(observed)["y"][1]


def test_overwrite_of_an_unchanged_or_withdrawn_bulletin_still_puts_the_repository_version() -> (
    None
):
    """--zalo-overwrite on a bulletin with nothing to change planned nothing: README says it
    puts the repository's version on Zalo in place of a hand edit."""
    entries = {
        "giu": {"article_id": "1", "digest": "d1"},
        "an": {"article_id": "2", "status": "hidden"},
        "go": {"article_id": "3", "status": "removed"},
    }
    observed = Observed(local={"giu": local("giu")}, entries=entries, overwrite=frozenset(entries))
    note = "(--zalo-overwrite: làm cả khi bài trên Zalo đã bị sửa tay)"
    assert plan(observed) == {
        "giu": (
            "update",
            f"bản tin không đổi; gửi lại bản trong kho để thay bài trên Zalo {note}",
        ),
        "an": ("withdraw", f"đã ẩn trên Zalo; ẩn lại cho đúng bản trong kho {note}"),
        "go": (
            "noop",
            "đã rút khỏi Zalo (--zalo-overwrite: không còn bài nào trên Zalo để thay)",
        ),
    }
    assert plan(replace(observed, overwrite=frozenset()))["giu"] == ("noop", "không đổi")


def test_an_overwrite_held_back_by_a_job_zalo_has_not_confirmed_says_when_it_is_sent() -> None:
    """A record with a given-up job or an update in flight is verified first: the overwrite is
    not sent in that run, and the plan said nothing of it."""
    watched = [{"token": "t", "content": "c0", "shows": True}]
    entries: dict[str, dict[str, object]] = {
        "treo": {"article_id": "1", "digest": "d1", "status": "live", "given_up": watched},
        "dang-gui": {"article_id": "2", "digest": "d1", "token": "t", "token_digest": "d1"},
        "an": {"article_id": "3", "status": "hidden", "given_up": watched},
    }
    observed = Observed(
        local={"treo": local("treo"), "dang-gui": local("dang-gui")},
        entries=entries,
        overwrite=frozenset(entries),
    )
    later = "bản trong kho được gửi sau khi Zalo xác nhận, ở lần chạy sau có cờ này"
    for key, (kind, reason) in plan(observed).items():
        assert kind == "verify" and later in reason, key
    plain = plan(replace(observed, overwrite=frozenset()))
    assert not any(later in reason for _, reason in plain.values())


def test_create_anyway_drops_only_a_lost_create_whose_content_is_unknown() -> None:
    """--zalo-create-anyway dropped every lost create unlooked-up, its own crashed create too:
    rerunning the command after a crash posted the bulletin twice, and a bulletin withdrawn
    since was marked removed while its article stayed live. A create whose content is known
    (recorded, or today's payload's digest) is looked up by title and content all the same."""
    kept = {"digest": "d0", "title": "Tiêu đề", "content": "c0"}
    entries: dict[str, dict[str, object]] = {
        "ghi": {"pending_create": kept},
        "cu": {"pending_create": {"digest": "d1", "title": "Tiêu đề"}},
        "doi": {"pending_create": {"digest": "d0", "title": "Tiêu đề"}},
        "treo": {"pending_create": {**kept, "stuck": True}},
        "an": {"pending_create": kept, "title": "Đã rút"},
        "mat": {"pending_create": {"digest": "d0", "title": "Đã rút"}, "title": "Đã rút"},
        "khac": {"pending_create": kept},
    }
    observed = Observed(
        local={k: local(k) for k in ("ghi", "cu", "doi", "treo", "khac")},
        entries=entries,
        excluded={"an": "bản nháp (draft: true)", "mat": "bản nháp (draft: true)"},
        create_anyway=frozenset(entries) - {"khac"},
    )
    actions = {a.key: a for a in plan_actions(observed)}
    looked_up = "(--zalo-create-anyway vẫn tìm bài của lần tạo trước đó: nội dung đã gửi có ghi"
    for key in ("ghi", "cu", "treo"):
        assert actions[key].kind == "create" and FORGET_PENDING not in actions[key].data
        assert looked_up in actions[key].reason
        assert "được nhận, không tạo trùng; bài cùng tiêu đề mà khác nội dung để nguyên)" in (
            actions[key].reason
        )
    assert actions["ghi"].reason.startswith(
        "lần đồng bộ trước không biết chắc bài đã được tạo chưa (bị ngắt hoặc mất phản hồi): "
        "tìm bài"
    )
    assert actions["treo"].reason.startswith("Zalo xử lý yêu cầu tạo bài quá lâu")
    assert (actions["doi"].kind, actions["doi"].reason) == ("create", CREATE_ANEW)
    assert actions["doi"].data == {FORGET_PENDING: True}
    assert "không ghi nội dung đã gửi" in CREATE_ANEW
    assert actions["an"].kind == "withdraw" and FORGET_PENDING not in actions["an"].data
    assert actions["an"].reason.startswith("bản nháp (draft: true): ẩn bài trên Zalo (")
    assert "đúng nội dung ấy là bài của chính lần tạo đó và được ẩn;" in actions["an"].reason
    assert (actions["mat"].kind, actions["mat"].reason) == ("withdraw", FORGET_CREATE)
    assert actions["mat"].data == {FORGET_PENDING: True}
    assert "--zalo-create-anyway" not in actions["khac"].reason  # not named: said as ever
    removed = plan_actions(replace(observed, on_withdraw="remove"))
    gone = next(a for a in removed if a.key == "an")
    assert gone.kind == "remove" and gone.reason.startswith("bản nháp (draft: true): gỡ bài")
    assert "là bài của chính lần tạo đó và được gỡ;" in gone.reason


def test_an_update_for_a_changed_web_address_says_old_and_new() -> None:
    """A bulletin with `id` whose file was renamed keeps its article, which is updated for the
    address its last line carries: the reason blamed «phần lấy từ site.toml». It now names the
    address, old → new, or the file's names for a record from before addresses were kept; an
    edit of the text too adds the address to its reason."""
    base, old, new = "https://x.vn/", "/2020/12/cu/", "/2020/12/moi/"
    same = {"article_id": "1", "digest": "d1", "title": "Tiêu đề", "body_digest": "b1"}
    observed = Observed(
        local={
            "a": replace(local("a", digest="d2"), source="content/moi.md", page=new),
            "cu": replace(local("cu", digest="d2"), source="content/moi-cu.md", page=new),
            "sua": replace(local("sua", digest="d2", body="b2"), page=new),
            "giu": replace(local("giu", digest="d2"), page=old),
        },
        entries={
            "a": same | {"page": old, "source": "content/cu.md"},
            "cu": same | {"source": "content/cu.md"},
            "sua": same | {"page": old},
            "giu": same | {"page": old, "source": "content/giu.md"},
        },
        base_url=base,
    )
    reasons = plan(observed)
    moved = "địa chỉ web của bản tin đổi: https://x.vn/2020/12/cu/ → https://x.vn/2020/12/moi/"
    kind, said = reasons["a"]
    assert kind == "update" and said.startswith(moved)
    assert "dòng cuối" in said and "site.toml" not in said
    assert reasons["cu"][1].startswith("tệp bản tin đổi tên: content/cu.md → content/moi-cu.md")
    assert reasons["sua"][1].startswith(f"nội dung bài viết thay đổi; {moved}")
    assert reasons["giu"] == ("update", SAME_TEXT)  # same address: site.toml's part changed
