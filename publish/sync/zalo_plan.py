"""The pure Zalo sync plan: what to do with every bulletin key, and why, from what `observe` read.

No I/O here: `ZaloSyncer.observe` (publish.sync.zalo) gathers the built payloads and the state file
records into `Observed`, and `ZaloSyncer.apply` carries out the actions planned from it. The record
fields read here are described in publish.sync.zalo's docstring.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from publish.correction_text import told
from publish.model import Bulletin
from publish.rename_pairs import Index, Pairs, lookalike_advice, pair_renames
from publish.sync.base import NOTABLE, Action
from publish.sync.zalo_records import is_hidden

__all__ = [
    "CREATE_ANEW",
    "FORGET_CREATE",
    "FORGET_PENDING",
    "LATE_CHECK",
    "SAME_TEXT",
    "STILL_LOOKED_UP",
    "Local",
    "Observed",
    "body_digest",
    "plan_actions",
    "same_title",
    "sent_known",
]

GIVEN_UP = (
    "Zalo chưa báo xong một yêu cầu cũ mà công cụ đã thôi chờ: hỏi lại Zalo, để yêu cầu đó "
    "không đưa bài về bản cũ"
)
"""Why a record with nothing else to do is verified (see ZaloSyncer._settle_given_up)."""
LATE_CHECK = (
    "Zalo có thể làm muộn một yêu cầu cũ mà công cụ đã thôi hỏi: đọc lại bài trên Zalo (mỗi "
    "stuck_job_hours giờ một lần), sai khác thì sửa lại"
)
"""Why a record with nothing else to do is read on a no-op sync (see zalo_late.check_late)."""
POSTPONED = (
    " (--zalo-overwrite: chưa gửi lần này; bản trong kho được gửi sau khi Zalo xác nhận, ở lần "
    "chạy sau có cờ này)"
)
"""Said of an overwrite a verify holds back: the job Zalo has not confirmed is asked about first."""
FORGET_PENDING = "forget_pending"
"""Action data: drop the record's unanswered create without looking it up (--zalo-create-anyway
on a create whose content is not recorded)."""
LOST_CREATE = (
    "lần đồng bộ trước không biết chắc bài đã được tạo chưa (bị ngắt hoặc mất phản hồi): tìm "
    "bài theo tiêu đề trên Zalo trước khi tạo"
)
"""Why a create is looked up first: the state does not record whether the run that sent it was
killed or only lost Zalo's reply (the run itself may have ended normally, with exit 3)."""
CREATE_ANEW = (
    "--zalo-create-anyway: lần tạo bài bị ngắt trước đó không ghi nội dung đã gửi, nên không "
    "tìm bài của nó (bài cùng tiêu đề trên Zalo để nguyên): tạo bài mới"
)
FORGET_CREATE = (
    "--zalo-create-anyway: lần tạo bài bị ngắt trước đó không ghi nội dung đã gửi, nên bỏ nó "
    "(bài cùng tiêu đề trên Zalo để nguyên); bản tin đã rút nên không tạo bài"
)
STILL_LOOKED_UP = (
    " (--zalo-create-anyway vẫn tìm bài của lần tạo trước đó: nội dung đã gửi có ghi lại, nên "
    "bài cùng tiêu đề đúng nội dung ấy là bài của chính lần tạo đó và được {doing}; bài cùng "
    "tiêu đề mà khác nội dung để nguyên)"
)
"""Said of a lost create --zalo-create-anyway names whose content is known: looked up all the
same, or rerunning the command after a crash would post the bulletin twice."""
SAME_TEXT = (
    "tiêu đề và thân bản tin không đổi; phần khác của bài Zalo đổi (tóm tắt, ảnh bìa hay phần "
    "lấy từ site.toml: tác giả, dòng cuối bài)"
)
"""Why an article whose bulletin kept its title and body is updated: after a unit is renamed
or its website moves, every article is, and the operator must see that this is why."""


def body_digest(bulletin: Bulletin) -> str:
    """The sha256 of a bulletin's body and corrections, as a Zalo record keeps it to know the
    bulletin again when its slug changed without `id`."""
    found = hashlib.sha256(bulletin.body_utf8)
    # The corrections open the article's text: one added changes it (none: the digest of the
    # body alone, as before corrections existed, so no record seems changed by the upgrade).
    for correction in bulletin.corrections:
        found.update(f"\n{told(correction)}".encode())
    return found.hexdigest()


def same_title(text: str) -> str:
    """A title as compared with Zalo's: NFC, trimmed, inner whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


@dataclass(frozen=True, slots=True)
class Local:
    """A bulletin's payload as built: where it is, its digest and what identifies it."""

    key: str
    source: str
    title: str
    path: str
    """The payload file, as text."""
    digest: str
    body_digest: str
    corrected: str = ""
    """When its latest correction was made («lúc 14:30 ngày 2/12/2026»), "" when it has none."""
    page: str = ""
    """The bulletin's site path («/2020/12/ten-bai/»): with [site] base_url, the web address
    the article's last line («Xem bản tin đầy đủ…») carries; "" when not known."""
    has_id: bool = False
    """Whether the bulletin declares its `id` (Bulletin.has_id): never another's rename."""


@dataclass(frozen=True, slots=True)
class Observed:
    """Everything `plan_actions` needs, gathered by `observe`."""

    local: Mapping[str, Local]
    entries: Mapping[str, Mapping[str, Any]]
    excluded: Mapping[str, str] = field(default_factory=dict)
    """Key → why the bulletin is not published (draft, expired, unapproved, secret…)."""
    off_channel: frozenset[str] = frozenset()
    """Keys of published bulletins that no longer go to Zalo."""
    on_withdraw: str = "hide"
    overwrite: frozenset[str] = frozenset()
    """Keys named by --zalo-overwrite: their article is changed even if edited by hand."""
    base_url: str = ""
    """[site] base_url, before each page path in the reasons (a path alone is what records keep:
    a website moved changes every address, which SAME_TEXT tells)."""
    late_due: frozenset[str] = frozenset()
    """Keys whose article is due to be read for a job Zalo may have applied late."""
    create_anyway: frozenset[str] = frozenset()
    """Keys named by --zalo-create-anyway: a create an earlier run left unanswered, whose content
    is not known, is not looked up (the article of its title on Zalo is someone else's) and the
    bulletin is created anew; one whose content is known is looked up by it as ever."""


def sent_known(entry: Mapping[str, Any], local: Local | None) -> bool:
    """Whether the content a lost create sent is known: recorded, or today's payload's when the
    record's digest is today's build (ZaloSyncer._sent_content finds it the same way)."""
    pending = entry.get("pending_create") or {}
    if pending.get("content"):
        return True
    return local is not None and bool(pending.get("digest")) and pending["digest"] == local.digest


def _forgotten(observed: Observed, key: str, local: Local | None) -> bool:
    """Whether --zalo-create-anyway drops this record's lost create without looking it up: only
    when what it sent is unknown, so that an article of its title cannot be told to be its own."""
    entry = observed.entries.get(key) or {}
    if key not in observed.create_anyway or not entry.get("pending_create"):
        return False
    return not sent_known(entry, local)


def _renames(observed: Observed) -> Pairs[str]:
    """New key → old key, for bulletins without `id` whose slug changed (same body or same title:
    publish.rename_pairs, as `publish check` tells them), among the live articles' records. One
    that declares its `id` is no rename: the gone one's article is withdrawn, its own created,
    and the create's reason says how to keep them one (Pairs.lookalikes, for articles not
    hidden already)."""
    gone = [
        key
        for key, entry in sorted(observed.entries.items())
        if key not in observed.local
        and key not in observed.excluded
        and key not in observed.off_channel
        and entry.get("article_id")
        and entry.get("status") != "removed"
    ]
    new = {k: observed.local[k] for k in sorted(observed.local) if k not in observed.entries}
    indexes: tuple[Index[Local], ...] = (
        (lambda old: observed.entries[old].get("body_digest"), lambda loc: loc.body_digest),
        (lambda old: same_title(observed.entries[old].get("title", "")), _title_of),
    )
    pairs = pair_renames(gone, new, indexes, own_id=lambda loc: loc.has_id)
    return Pairs(
        {loc.key: old for old, loc in pairs.renamed.items()},
        {
            loc.key: old
            for old, loc in pairs.lookalikes.items()
            if observed.entries[old].get("status") != "hidden"
        },
    )


def _title_of(local: Local) -> str:
    """The title a new bulletin's payload is known by to a Zalo record's (see same_title)."""
    return same_title(local.title)


def plan_actions(observed: Observed) -> list[Action]:
    """What to do for every key, with a Vietnamese reason; pure."""
    actions: list[Action] = []
    pairs = _renames(observed)
    renamed = pairs.renamed
    for key in sorted(observed.local):
        local = observed.local[key]
        entry = observed.entries.get(key)
        title = local.title
        if entry is None:
            old = renamed.get(key)
            if old:
                reason = (
                    f"đổi tên từ {old} (cùng nội dung hoặc tiêu đề): cập nhật bài đã đăng, không "
                    f"tạo bài mới. Chỉ Zalo nhận ra việc đổi tên: ghi dòng «id: {old}» vào phần "
                    "đầu bản tin để website giữ địa chỉ cũ và đài biết bản tin đã phát"
                )
                actions.append(Action("update", key, reason, title, {"rename_from": old}))
            else:
                reason = "bản tin mới, chưa có trên Zalo"
                if like := pairs.lookalikes.get(key):
                    kept = "cập nhật bài đã đăng trên Zalo, không tạo bài mới"
                    reason += "; " + lookalike_advice(
                        like, kept, whose=f" với bài {like} đã đăng (sẽ bị rút)"
                    )
                actions.append(Action("create", key, reason, title))
        elif is_hidden(entry):
            # Checked before `token`: a token from before the hide would mark it live, still hidden.
            actions.append(
                Action("update", key, "bản tin được đăng lại: hiện lại bài trên Zalo", title)
            )
        elif entry.get("token") and entry.get("article_id"):
            newer = entry.get("token_digest") != local.digest
            reason = "đã gửi bản cập nhật lên Zalo, Zalo chưa xác nhận: xác minh" + (
                # _verify sends today's version once Zalo confirms the one in flight.
                ", rồi gửi bản mới (nội dung đã đổi từ lần gửi đó)"
                if newer
                else POSTPONED
                if key in observed.overwrite
                else ""
            )
            actions.append(Action("verify", key, reason, title))
        elif entry.get("token"):
            reason = "đã gửi lên Zalo nhưng chưa lấy được mã bài: xác minh, " + (
                # --zalo-overwrite lets the run that gives up on a stuck create make it again.
                "không tạo lại"
                if key not in observed.overwrite
                else "không tạo lại, trừ khi Zalo đã báo «đang xử lý» quá stuck_job_hours giờ và "
                "không thấy bài trên Zalo: khi đó tạo bài mới (--zalo-overwrite)"
            )
            actions.append(Action("verify", key, reason, title))
        elif not entry.get("article_id"):
            if _forgotten(observed, key, local):
                actions.append(Action("create", key, CREATE_ANEW, title, {FORGET_PENDING: True}))
                continue
            if (entry.get("pending_create") or {}).get("stuck"):
                reason = (
                    "Zalo xử lý yêu cầu tạo bài quá lâu nên đã thôi chờ: tìm bài theo tiêu đề trên "
                    "Zalo; không thấy thì "
                    + (
                        "tạo bài mới (--zalo-overwrite)"
                        if key in observed.overwrite
                        else "chờ người quyết định"
                    )
                )
            elif entry.get("pending_create"):
                reason = LOST_CREATE
            elif entry.get("status") == "removed" and entry.get("gone_at"):
                reason = "bài cũ không còn trên Zalo (đã bị xoá trong trang quản trị OA): tạo lại"
            elif entry.get("status") == "removed":
                reason = "bản tin được đăng lại; bài cũ đã gỡ khỏi Zalo"
            else:
                reason = "chưa có trên Zalo"
            if entry.get("pending_create") and key in observed.create_anyway:
                reason += STILL_LOOKED_UP.format(doing="nhận, không tạo trùng")
            actions.append(Action("create", key, reason, title))
        elif entry.get("digest") != local.digest:
            if not entry.get("digest"):
                reason = "trạng thái dựng lại từ Zalo, nội dung trên Zalo khác bản dựng"
            elif entry.get("body_digest") == local.body_digest and (
                same_title(entry.get("title", "")) == title
            ):
                reason = _moved(entry, local, observed.base_url) or SAME_TEXT
            else:
                reason = "nội dung bài viết thay đổi" + (
                    f" (đính chính {local.corrected}: sửa bài đã đăng tại chỗ, đầu bài ghi "
                    "rõ đã sửa gì)"
                    if local.corrected
                    else ""
                )
                if address := _moved(entry, local, observed.base_url):
                    reason += f"; {address}"
            actions.append(Action("update", key, reason, title))
        elif entry.get("given_up"):
            postponed = POSTPONED if key in observed.overwrite else ""
            actions.append(Action("verify", key, GIVEN_UP + postponed, title, _watch(entry)))
        elif key in observed.overwrite:
            # What README promises --zalo-overwrite does: the article becomes the repository's
            # version, hand edits and all, though the bulletin did not change.
            reason = "bản tin không đổi; gửi lại bản trong kho để thay bài trên Zalo"
            actions.append(Action("update", key, reason, title))
        elif key in observed.late_due:
            actions.append(Action("verify", key, LATE_CHECK, title, _watch(entry)))
        else:
            actions.append(Action("noop", key, "không đổi", title))
    in_use = {
        observed.entries[k].get("article_id") for k in observed.local if k in observed.entries
    }
    moved = set(renamed.values())
    for key in sorted(set(observed.entries) - set(observed.local) - moved):
        entry = observed.entries[key]
        title = entry.get("title", "")
        status = entry.get("status")
        on_zalo = entry.get("article_id") or entry.get("token") or entry.get("pending_create")
        lost = not entry.get("article_id") and not entry.get("token")
        if lost and _forgotten(observed, key, None):
            actions.append(Action("withdraw", key, FORGET_CREATE, title, {FORGET_PENDING: True}))
            continue
        # A lost create the operator named whose content is known is found and withdrawn.
        looked_up = lost and bool(entry.get("pending_create")) and key in observed.create_anyway
        # An update in flight (a re-publish) may still show it: not settled until hidden again.
        hidden = status == "hidden" and not entry.get("hide_token") and not entry.get("token")
        settled = status == "removed" or (hidden and observed.on_withdraw == "hide")
        if not on_zalo or settled or entry.get("article_id") in in_use - {None}:
            watched = settled and status != "removed" and entry.get("given_up")
            if watched:
                postponed = POSTPONED if key in observed.overwrite else ""
                watch = _watch(entry, withdrawn=True)
                actions.append(Action("verify", key, GIVEN_UP + postponed, title, watch))
            elif (
                key in observed.overwrite
                and hidden
                and entry.get("article_id")
                and entry["article_id"] not in in_use
            ):
                # Hidden again, as the repository has it, should someone have shown it by hand.
                reason = "đã ẩn trên Zalo; ẩn lại cho đúng bản trong kho"
                actions.append(Action("withdraw", key, reason, title))
            elif (
                hidden
                and key in observed.late_due
                and entry.get("article_id")
                and entry["article_id"] not in in_use
            ):
                watch = _watch(entry, withdrawn=True)
                actions.append(Action("verify", key, LATE_CHECK, title, watch))
            elif key in observed.overwrite:
                reason = "đã rút khỏi Zalo (--zalo-overwrite: không còn bài nào trên Zalo để thay)"
                actions.append(Action("noop", key, reason, title))
            else:
                actions.append(Action("noop", key, "đã rút khỏi Zalo", title))
            continue
        why = observed.excluded.get(key) or (
            "bản tin không còn chọn kênh Zalo"
            if key in observed.off_channel
            else "tệp bản tin đã bị xoá"
        )
        if observed.on_withdraw == "remove":
            note = STILL_LOOKED_UP.format(doing="gỡ") if looked_up else ""
            actions.append(Action("remove", key, f"{why}: gỡ bài khỏi Zalo{note}", title))
        elif entry.get("hide_token"):
            reason = (
                f"{why}: lệnh ẩn bài lần trước chưa được Zalo xác nhận, xác minh (ẩn lại nếu cần)"
            )
            actions.append(Action("withdraw", key, reason, title))
        else:
            note = STILL_LOOKED_UP.format(doing="ẩn") if looked_up else ""
            actions.append(Action("withdraw", key, f"{why}: ẩn bài trên Zalo{note}", title))
    return [_overwriting(a) if a.key in observed.overwrite else a for a in actions]


def _watch(entry: Mapping[str, Any], *, withdrawn: bool = False) -> dict[str, Any]:
    """The data of a verify asking about, or reading the article for, jobs Zalo may apply late:
    NOTABLE (named in a brief log) when its bulletin is withdrawn or one of those jobs is a
    hide, as a job applied late would then show a withdrawn bulletin or hide a live one."""
    jobs = [*(entry.get("given_up") or ()), *(entry.get("late_content") or ())]
    hides = any(isinstance(job, Mapping) and job.get("shows") is False for job in jobs)
    return {NOTABLE: True} if withdrawn or hides else {}


def _moved(entry: Mapping[str, Any], local: Local, base_url: str) -> str:
    """Why an article changes when its bulletin's web address did (its file or `slug` renamed,
    or its date's month changed, its `id` kept): old → new, as the record keeps the last site
    path sent; the file's old and new names for a record from before paths were kept; "" when
    neither changed."""
    page = entry.get("page")
    if isinstance(page, str) and page and local.page and page != local.page:
        old, new = (base_url + path.lstrip("/") for path in (page, local.page))
        return (
            f"địa chỉ web của bản tin đổi: {old} → {new}; bài Zalo mang địa chỉ ấy ở dòng cuối "
            "«Xem bản tin đầy đủ…»: cập nhật bài để dẫn tới địa chỉ mới"
        )
    source = entry.get("source")
    if not page and isinstance(source, str) and source and source != local.source:
        return (
            f"tệp bản tin đổi tên: {source} → {local.source}, nên địa chỉ web của bản tin (ở "
            "dòng cuối bài Zalo «Xem bản tin đầy đủ…») đổi theo, trừ khi bản tin ghi slug: "
            "cập nhật bài để dẫn tới địa chỉ mới"
        )
    return ""


def _overwriting(action: Action) -> Action:
    """An action on a key --zalo-overwrite names, saying that it changes a hand-edited article."""
    if action.kind not in ("update", "withdraw", "remove"):
        return action
    note = "--zalo-overwrite: làm cả khi bài trên Zalo đã bị sửa tay"
    return replace(action, reason=f"{action.reason} ({note})")
