"""Publishing gates with a fixed clock: nothing unapproved, embargoed, expired, draft or secret goes out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from publish import config as config_module
from publish.cli import resolve_now
from publish.config import Policy
from publish.content import load_site
from publish.errors import ContentError
from publish.gates import HELD_CAUSES, gate, is_secret
from publish.model import Bulletin, Correction, Site, pack_text
from publish.sync.radio import STATION_HOLDS
from tests.helpers import bulletin_md, make_project

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = dt.datetime(2021, 1, 1, 9, 0, tzinfo=HCM)


def bulletin(**changes: Any) -> Bulletin:
    """A publishable bulletin dated 2020-12-08 08:00 (Việt Nam time), with overrides."""
    base = Bulletin(
        key="ct-2020-12-zalo-oa",
        slug="ra-mat-zalo-oa",
        title="Ra mắt Trang Zalo OA",
        date=dt.datetime(2020, 12, 8, 8, 0, tzinfo=HCM),
        category="phong-trao-toan-dan",
        summary="Tóm tắt.",
        packed_body=pack_text("Nội dung."),
        source="content/bai-viet/a.md",
        approved_by="Thượng tá Nguyễn Văn Hùng",
        channels=frozenset({"web", "zalo", "radio"}),
    )
    return dataclasses.replace(base, **changes)


NAMES = Policy(name_only_approvals="accept")
"""The default policy, but accepting bulletin()'s approval by name alone, as before `publish
approve`: by default only a bulletin published before is (test_name_only_is_judged_by_state)."""


def test_name_only_is_judged_by_state() -> None:
    """A name alone publishes a bulletin state/ records as published, and no other."""
    verdict = gate(bulletin(), now=NOW, policy=Policy())
    assert verdict is not None and verdict.code == "unapproved"
    assert verdict.reason.endswith(
        'publish approve content/bai-viet/a.md --by "Thượng tá Nguyễn Văn Hùng"'
    )
    assert (
        gate(bulletin(), now=NOW, policy=Policy(), published_before={"ct-2020-12-zalo-oa"}) is None
    )


def test_approved_past_bulletin_is_published() -> None:
    assert gate(bulletin(), now=NOW, policy=NAMES) is None


def test_draft_is_held_back() -> None:
    verdict = gate(bulletin(draft=True), now=NOW, policy=NAMES)
    assert verdict is not None and verdict.code == "draft"
    assert "bản nháp" in verdict.reason


def test_unapproved_is_held_back_when_approval_is_required() -> None:
    for approver in ("", "   "):
        verdict = gate(bulletin(approved_by=approver), now=NOW, policy=NAMES)
        assert verdict is not None and verdict.code == "unapproved"
        assert "approved_by" in verdict.reason


def test_unapproved_is_published_when_approval_is_not_required() -> None:
    policy = Policy(require_approval=False)
    assert gate(bulletin(approved_by=""), now=NOW, policy=policy) is None


def test_future_date_is_an_embargo_shown_in_site_time() -> None:
    now = dt.datetime(2020, 12, 8, 7, 59, tzinfo=HCM)
    verdict = gate(bulletin(), now=now, policy=NAMES)
    assert verdict is not None and verdict.code == "scheduled"
    assert "08:00, Thứ Ba, 08/12/2020" in verdict.reason


def test_embargo_lifts_exactly_at_the_date() -> None:
    assert gate(bulletin(), now=dt.datetime(2020, 12, 8, 8, 0, tzinfo=HCM), policy=NAMES) is None


def test_expired_is_held_back_from_the_expiry_instant() -> None:
    expires = dt.datetime(2020, 12, 31, 0, 0, tzinfo=HCM)
    just_before = expires - dt.timedelta(minutes=1)
    assert gate(bulletin(expires=expires), now=just_before, policy=NAMES) is None
    verdict = gate(bulletin(expires=expires), now=expires, policy=NAMES)
    assert verdict is not None and verdict.code == "expired"
    assert "31/12/2020" in verdict.reason


@pytest.mark.parametrize(
    "classification",
    ["mật", "Mật", "TỐI MẬT", " tuyệt mật ", unicodedata.normalize("NFD", "Tối mật")],
)
def test_secret_classification_is_never_published(classification: str) -> None:
    secret = bulletin(classification=classification)
    assert is_secret(secret, Policy())
    verdict = gate(secret, now=NOW, policy=Policy(require_approval=False))
    assert verdict is not None and verdict.code == "secret"


@pytest.mark.parametrize(
    "classification",
    ["M\u200bẬT", "mật\u2060", "Ｍật", "ＴỐＩ ＭẬＴ", "\u041c\u1eac\u0422", "tối m\u00adật"],
    ids=[
        "zero-width-space",
        "word-joiner",
        "full-width",
        "all-full-width",
        "cyrillic",
        "soft-hyphen",
    ],
)
def test_disguised_secret_classification_is_still_secret(classification: str) -> None:
    # The grade as a reader sees it: a hidden character or a look-alike letter must not turn
    # "MẬT" into a merely unclear grade, which stops no run and keeps the file in the project.
    assert is_secret(bulletin(classification=classification), Policy())


def test_non_secret_classification_is_published() -> None:
    assert gate(bulletin(classification="công khai"), now=NOW, policy=NAMES) is None


def test_secret_wins_over_every_other_reason() -> None:
    everything = bulletin(classification="mật", draft=True, approved_by="")
    verdict = gate(everything, now=NOW, policy=NAMES)
    assert verdict is not None and verdict.code == "secret"


def _site_at(tmp_path: Path, now_text: str) -> Site:
    """Load a one-bulletin project (date 2020-12-08 08:00, no offset) at --now `now_text`."""
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md()})
    config = config_module.load(root)
    return load_site(config, now=resolve_now(now_text, config.tz))


def test_offsetless_date_is_vietnam_time_published_at_0100_utc(tmp_path: Path) -> None:
    # 2020-12-08 08:00 in Asia/Ho_Chi_Minh is 01:00 UTC.
    site = _site_at(tmp_path, "2020-12-08T01:00Z")
    assert [b.source for b in site.bulletins] == ["content/bai-viet/a.md"]
    assert site.excluded == ()


def test_offsetless_date_is_still_embargoed_at_0059_utc(tmp_path: Path) -> None:
    site = _site_at(tmp_path, "2020-12-08T00:59Z")
    assert site.bulletins == ()
    [exclusion] = site.excluded
    assert exclusion.code == "scheduled"
    # The reason is in the unit's time even though --now was given in UTC.
    assert "08:00, Thứ Ba, 08/12/2020" in exclusion.reason


def test_gates_apply_when_loading_a_project(tmp_path: Path) -> None:
    # A secret bulletin is no longer a silent exclusion but a load error (tests/test_hardening_secret.py).
    files = {
        "content/bai-viet/ok.md": bulletin_md(),
        "content/bai-viet/nhap.md": bulletin_md({"draft": "true"}),
        "content/bai-viet/chua-duyet.md": bulletin_md(drop=["approved_by"]),
        "content/bai-viet/hen-gio.md": bulletin_md({"date": "2021-06-01 08:00"}),
        "content/bai-viet/het-han.md": bulletin_md({"expires": "2020-12-31"}),
    }
    config = config_module.load(make_project(tmp_path, files))
    site = load_site(config, now=NOW)
    assert [b.slug for b in site.bulletins] == ["ok"]
    codes = {e.bulletin.slug: e.code for e in site.excluded}
    assert codes == {
        "nhap": "draft",
        "chua-duyet": "unapproved",
        "hen-gio": "scheduled",
        "het-han": "expired",
    }


def test_drafts_flag_previews_only_drafts_and_unapproved_on_the_web(tmp_path: Path) -> None:
    files = {
        "content/bai-viet/nhap.md": bulletin_md({"draft": "true"}),
        "content/bai-viet/chua-duyet.md": bulletin_md(drop=["approved_by"]),
        "content/bai-viet/hen-gio.md": bulletin_md({"date": "2021-06-01 08:00"}),
    }
    config = config_module.load(make_project(tmp_path, files))
    site = load_site(config, now=NOW, drafts=True)
    assert site.bulletins == ()
    assert {b.slug for b in site.for_channel("web")} == {"nhap", "chua-duyet"}
    assert site.for_channel("zalo") == () and site.for_channel("radio") == ()


@pytest.mark.parametrize(
    ("path", "text", "said"),
    [
        ("content/pages/lien-he.md", "---\ntitle: Liên hệ\ndarft: true\n---\n\nx\n", "Trang"),
        ("content/bai-viet/a.md", bulletin_md({"darft": "true"}), "Bản tin"),
    ],
    ids=["trang", "ban-tin"],
)
def test_a_misspelt_gate_key_names_what_the_file_is(
    tmp_path: Path, path: str, text: str, said: str
) -> None:
    """A page is a "Trang" to the editor, not a "Bản tin"."""
    config = config_module.load(make_project(tmp_path, {path: text}))
    with pytest.raises(ContentError) as raised:
        load_site(config, now=NOW)
    [problem] = raised.value.problems
    assert problem.file == path and problem.field == "darft"
    assert problem.message.endswith(f"'draft'? {said} không được đăng khi chưa sửa.")


def test_a_stamped_correction_note_makes_the_bulletin_secret() -> None:
    """Callers that did not load through the checks (stamp_checked=False) see a stamped note."""
    note = Correction(dt.datetime(2020, 12, 9, 10, 0, tzinfo=HCM), "[Mật] Sửa địa điểm.")
    stamped = bulletin(corrections=(note,))
    assert is_secret(stamped, Policy())
    verdict = gate(stamped, now=NOW, policy=NAMES)
    assert verdict is not None and verdict.code == "secret"
    assert not is_secret(
        bulletin(corrections=(dataclasses.replace(note, note="Sửa giờ."),)), Policy()
    )


@pytest.mark.parametrize(
    ("changes", "policy", "cause", "said"),
    [
        (
            {"approval_note": "«ok»", "approved_by": ""},
            Policy(),
            "approval_note",
            "approved_by ghi",
        ),
        ({"review_note": "«ok»"}, Policy(), "review_note", "pii_reviewed_by ghi «ok»"),
        ({"review_note": "«x»", "approved_by": ""}, Policy(), "review_note", "pii_reviewed_by"),
        ({"approved_by": ""}, Policy(), "unset", "thiếu approved_by"),
        ({}, Policy(name_only_approvals="refuse"), "name_only", "chỉ có tên người duyệt"),
        ({"approved_version": "sua-tay"}, Policy(), "bad_version", "không phải dấu"),
        ({"approved_version": "0123456789ab"}, Policy(), "changed", "nội dung đã đổi"),
    ],
)
def test_the_held_cause_is_the_check_whose_reason_the_gate_gives(
    changes: dict[str, object], policy: Policy, cause: str, said: str
) -> None:
    """The radio station's note and the count of bulletins to approve read the verdict's cause:
    it must be the check whose reason the editor is given (a bulletin held for its
    pii_reviewed_by was told to the station as edited since its approval)."""
    held = bulletin(**changes)
    verdict = gate(held, now=NOW, policy=policy, version="ba9876543210")
    assert verdict is not None and verdict.code == "unapproved" and said in verdict.reason
    assert verdict.cause == cause


def test_every_held_cause_has_a_note_for_the_station_and_other_verdicts_have_none() -> None:
    """A cause without a station note would stop the radio sync with a KeyError."""
    assert set(STATION_HOLDS) == set(HELD_CAUSES)
    for changes in ({"draft": True}, {"classification": "mật"}, {"date": NOW + dt.timedelta(1)}):
        verdict = gate(bulletin(**changes), now=NOW, policy=NAMES, version=None)
        assert verdict is not None and verdict.code != "unapproved" and verdict.cause == ""
