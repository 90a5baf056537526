"""Bulletins about to be created whose article the OA already holds: nothing is sent.

state/zalo.json is the only memory of which article is which bulletin's. A bulletin with no
record is created; when its record was lost that makes a duplicate the unit's followers see.
Records go missing when the file is deleted or emptied by hand, and when a sync runs on a stale
state/: two CI runs queued one after the other each check out the commit that started them, so
the second does not see the records the first pushed after it. So before creating, a sync reads
the OA's newest articles, down to the newest one its records know (all of them when it knows
none), and stops when one bears the title of a bulletin it would create. Such an article may
also be one the OA admin posted by hand under the same title: --reconcile would take it over
(its text replaced by the bulletin's), so --zalo-create-anyway creates the bulletin's own.

A dry run (a pull request's plan) asks the same with a token already at hand, writing nothing
(dry_check); without one, the plan says the check was not made.

When Zalo does not answer that listing (rate limit, outage), only those creates wait for the
next run (postpone): updates and withdrawals of articles the records know need no listing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from publish.errors import PublishError
from publish.git_restore import last_good
from publish.sync.base import Action
from publish.sync.zalo_plan import Local, same_title
from publish.sync.zalo_records import hidden_ids
from publish.zalo.errors import SETTING, ListShort, ZaloError
from publish.zalo.owner import Stakes, confirm_oa

if TYPE_CHECKING:
    from publish.zalo.client import ZaloClient

__all__ = [
    "CREATE_ANYWAY",
    "NO_LOGIN",
    "Unlisted",
    "checked_keys",
    "dry_check",
    "not_checked",
    "refuse_unrecorded",
    "sandbox_note",
    "shell_argument",
]

CREATE_ANYWAY = "--zalo-create-anyway"

NAMED = 3
"""Bulletins named in the message; the rest are counted."""
EMPTIED = "khi tệp bị xóa hay làm rỗng"
"""What lost the records of state/zalo.json, for git_restore.last_good: the deletion may be
committed, on main too, where the copy HEAD or main holds has no records either."""


def checked_keys(
    local: Mapping[str, Local],
    records: Mapping[str, Mapping[str, Any]],
    anyway: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """The bulletins refuse_unrecorded looks for on the OA: those without a record that
    --zalo-create-anyway does not name."""
    return frozenset(key for key in local if key not in records and key not in anyway)


class Unlisted:
    """Creates put off because the OA's articles could not be listed: the keys, and why."""

    FLAG = "unlisted"
    """Action data flag of a create put off (apply raises `error()` instead of sending)."""

    def __init__(self, keys: frozenset[str], cause: ZaloError) -> None:
        self.keys = keys
        self.cause = cause

    def postpone(self, actions: list[Action]) -> list[Action]:
        """The plan with each create of `keys` marked as put off, its reason saying why."""
        return [
            Action(
                a.kind,
                a.key,
                "hoãn: chưa đọc được danh sách bài trên Zalo OA để biết đã có bài cùng tiêu đề chưa",
                a.title,
                {**a.data, self.FLAG: True},
            )
            if a.kind == "create" and a.key in self.keys
            else a
            for a in actions
        ]

    def note(self, actions: list[Action]) -> str:
        """What the plan tells the operator ("" when no create of the plan was put off)."""
        keys = sorted(a.key for a in actions if a.data.get(self.FLAG))
        if not keys:
            return ""
        named = ", ".join(keys[:NAMED]) + (
            f" và {len(keys) - NAMED} bản tin khác" if len(keys) > NAMED else ""
        )
        cause = str(self.cause).rstrip(".")
        after = (
            f"{self.cause.next_run().rstrip('.')} (mã thoát 3)."
            if isinstance(self.cause, ListShort)
            else "Không cần làm gì: lần đồng bộ sau đọc lại danh sách rồi tạo (mã thoát 3)."
        )
        return (
            f"chưa đọc được danh sách bài trên Zalo OA ({cause}), nên chưa tạo bài mới cho "
            f"{len(keys)} bản tin ({named}): không biết OA đã có bài cùng tiêu đề chưa, tạo lúc "
            f"này có thể đăng trùng. Cập nhật và rút các bài đã có vẫn được làm. {after}"
        )

    def error(self) -> ZaloError:
        """The failure a put-off create is counted as (the next run retries it; a list short
        alike at every run is not helped by that, and the plan's note says what is)."""
        cause = self.cause
        if isinstance(cause, ListShort) and cause.fixable:
            after = (
                f"danh sách thiếu bài so với tổng Zalo báo, xem {SETTING} trong bảng [zalo] của "
                "site.toml"
            )
        elif isinstance(cause, ListShort) and cause.maybe_fixable:
            # Told by count only (the hidden articles were not read, or Zalo failed when they
            # were asked about): the setting may be the fix, as the plan's note says, not only a
            # count to compare in the OA admin page.
            after = f"danh sách thiếu đúng {ListShort.BY_COUNT}. " + cause.maybe_fix(
                where="trong bảng [zalo] của site.toml", then=" rồi chạy lại"
            ).rstrip(".")
        elif isinstance(cause, ListShort):
            after = (
                "danh sách thiếu bài so với tổng Zalo báo; lặp lại ở nhiều lần chạy thì so số "
                "bài trong trang quản trị OA"
            )
        else:
            after = "lần đồng bộ sau đọc lại danh sách rồi tạo"
        return ZaloError(
            "chưa tạo: chưa đọc được danh sách bài trên Zalo OA để biết đã có bài cùng tiêu đề "
            f"chưa; {after}.",
            operation="getslice",
            closing=self._closing(),
        )

    def _closing(self) -> str:
        """What the sync's last lines say of a put-off create ("" when running again is all it
        takes): a list read short alike at every run is not mended by running again."""
        if not isinstance(self.cause, ListShort):
            return ""
        told = self.cause.next_run()
        return (
            "chưa tạo bài mới (chưa đọc trọn danh sách bài trên Zalo OA, tạo lúc này có thể "
            f"đăng trùng bài): {told[0].lower()}{told[1:]}"
        )


NO_LOGIN = (
    "không có thông tin đăng nhập Zalo, như ở pull request từ một bản fork: CI không đưa bí "
    "mật cho nó"
)


def dry_check(
    client: Callable[[], ZaloClient],
    oa_id: str,
    stakes: Stakes,
    state_path: Path,
    local: Mapping[str, Local],
    records: Mapping[str, Mapping[str, Any]],
    anyway: frozenset[str] = frozenset(),
) -> str:
    """refuse_unrecorded for a dry run, asked with the access token at hand (never refreshed,
    nothing written); "" once asked, else why Zalo could not be asked."""
    try:
        reader = client().reading()
        fresh = reader.tokens.has_fresh()
        unfresh = "" if fresh else reader.tokens.not_refreshed()
    except PublishError:
        return NO_LOGIN
    if unfresh:
        return unfresh
    try:
        confirm_oa(reader, oa_id, stakes)
        refuse_unrecorded(reader, state_path, local, records, anyway=anyway)
    except ZaloError as error:
        return str(error).rstrip(".")
    return ""


def not_checked(count: int, why: str, recorded: bool, edits: int = 0) -> str:
    """The plan's one note when a dry run could not ask the OA about `count` bulletins to
    create, nor (`edits`) read the articles it would update or withdraw for hand edits."""
    lost = (
        ""
        if recorded
        else "state/zalo.json chưa có bản ghi nào (lần đồng bộ đầu tiên, hay tệp bị xóa hoặc "
        "làm rỗng?), nên mọi bản tin đều là «tạo mới». "
    )
    same = f"OA đã có bài cùng tiêu đề với {count} bản tin «tạo mới» chưa"
    if not edits:
        return (
            f"{lost}Chạy thử không hỏi Zalo ({why}), nên chưa kiểm tra {same}. Lần chạy thật "
            "hỏi OA trước khi tạo: OA đã có bài cùng tiêu đề thì không gửi gì lên Zalo (mã "
            "thoát 1), để khỏi đăng trùng."
        )
    return (
        f"{lost}Chạy thử không hỏi Zalo ({why}), nên chưa kiểm tra hai điều: {same}, và {edits} "
        "bài sẽ cập nhật hay rút có bị sửa tay trên OA không. Lần chạy thật kiểm tra cả hai "
        "trước khi gửi: OA đã có bài cùng tiêu đề thì không gửi gì lên Zalo, để khỏi đăng "
        "trùng; bài bị sửa tay được để nguyên (mã thoát 1)."
    )


def refuse_unrecorded(
    client: ZaloClient,
    state_path: Path,
    local: Mapping[str, Local],
    records: Mapping[str, Mapping[str, Any]],
    *,
    anyway: frozenset[str] = frozenset(),
) -> None:
    """Raise a PublishError (nothing sent) when an article newer than every one the records
    know is titled as a bulletin of `local` that has no record (and `anyway` does not name)."""
    new = {local[key].title: key for key in sorted(checked_keys(local, records, anyway))}
    if not new:
        return
    known = {str(e["article_id"]) for e in records.values() if e.get("article_id")}
    # A create Zalo answered but whose id is not known yet, or one sent whose answer was lost
    # (a run killed mid-create): its article is the tool's own, and refusing would stop the
    # very run that verifies or finds it. One article each: weekly bulletins share a title,
    # and a second article of it is another's.
    awaiting = Counter(
        same_title(str((e.get("pending_create") or {}).get("title") or e.get("title") or ""))
        for e in records.values()
        if (e.get("token") or e.get("pending_create")) and not e.get("article_id")
    )
    found: dict[str, str] = {}
    for article in _newer_than_known(client, known, hidden_ids(records.values())):
        title = same_title(str(article.get("title") or ""))
        if awaiting[title] > 0:
            awaiting[title] -= 1
            continue
        key = new.get(title)
        if key is not None:
            found.setdefault(key, str(article.get("id")))
    if found:
        note = sandbox_note(client)
        message = _message(state_path, local, found, bool(records)) + note
        raise PublishError(message + _each_option(local, found))


def _newer_than_known(
    client: ZaloClient, known: set[str], hidden: frozenset[str]
) -> list[dict[str, Any]]:
    """The OA's articles, newest first, until the first one `known` holds (pages are asked
    for only down to it), from a listing the OA did not change under (see list_articles;
    `hidden`: the ids the records hold hidden)."""
    return client.list_articles(
        "normal",
        until=lambda article: str(article.get("id")) in known,
        hidden=hidden,
    )


def sandbox_note(client: ZaloClient) -> str:
    """What a stop for articles already on the OA adds when the sandbox answered (its Server
    header): a second trial against a sandbox still holding the first one's articles (README's
    trial puts state/ back as in git) meets them as posted by hand. Not said against Zalo, nor
    against another address in front of it (a proxy, a tunnel), where it would mislead."""
    from publish.zalo.emulator_state import SANDBOX_SERVER  # only on this rare stop

    if not str(getattr(client, "answered_by", "")).startswith(SANDBOX_SERVER):
        return ""
    return (
        " Máy trả lời là sandbox (publish zalo-sandbox), còn giữ bài của một lần thử trước: "
        "muốn thử lại từ đầu thì dừng sandbox (Ctrl+C), chạy lại publish zalo-sandbox (đã "
        "dùng --state-file thì xóa tệp đó), xóa tệp ZALO_TOKEN_FILE cũ, rồi đồng bộ lại."
    )


def shell_argument(path: str) -> str:
    """`path` as one argument of a command to copy: in double quotes when it holds a space (a
    Windows or Mac file name often does), which cmd, PowerShell and a Unix shell all read."""
    return f'"{path}"' if any(c.isspace() or c in "&|;<>()$`'" for c in path) else path


def _each_option(local: Mapping[str, Local], found: Mapping[str, str]) -> str:
    """The list a refusal naming more bulletins than its sentences do ends with: one line per
    bulletin, its article on the OA and the option to add for it ("" for a few: the message
    names them all)."""
    if len(found) <= NAMED:
        return ""
    lines = [
        f"  {k} «{local[k].title}» (bài {found[k]}): {CREATE_ANYWAY} "
        f"{shell_argument(local[k].source)}"
        for k in sorted(found)
    ]
    return (
        f"\nDanh sách {len(found)} bản tin, mỗi dòng một bản tin (chỉ chép phần "
        f"{CREATE_ANYWAY} … của bài quản trị viên OA đăng tay, nối vào sau «publish sync zalo» "
        "trên cùng một dòng lệnh):\n" + "\n".join(lines)
    )


def _message(
    state_path: Path, local: Mapping[str, Local], found: Mapping[str, str], recorded: bool
) -> str:
    """Why nothing is sent, and the ways out."""
    shown = f"state/{state_path.name}"
    keys = sorted(found)
    anyway = " ".join(f"{CREATE_ANYWAY} {shell_argument(local[k].source)}" for k in keys)
    if len(keys) > NAMED:
        # Cut to the first few, the command could not be copied; whole, it would create every
        # bulletin anyway at one paste, when only those posted by hand should be.
        anyway = (
            f"{CREATE_ANYWAY} TỆP, lặp lại cho từng bản tin có bài đăng tay (chép từ danh sách "
            "cuối lời báo: mỗi dòng một bản tin)"
        )
    named = "; ".join(f"{k} «{local[k].title}» (bài {found[k]})" for k in keys[:NAMED])
    more = f" và {len(keys) - NAMED} bản tin khác" if len(keys) > NAMED else ""
    if recorded:
        why = (
            f"OA có bài mới hơn mọi bài {shown} ghi, cùng tiêu đề với {len(keys)} bản tin sắp "
            f"tạo mà tệp không có bản ghi ({named}{more}): hoặc quản trị viên OA đã đăng tay một "
            f"bài cùng tiêu đề, hoặc {shown} đã cũ (hai lần đồng bộ trên CI chạy nối nhau, lần "
            "sau lấy mã nguồn trước khi lần trước đẩy state/ lên; hay state/ của lần trước chưa "
            "được đẩy lên)"
        )
        fix = (
            "nếu đó là bài đăng tay, không phải bài của bản tin: đổi tiêu đề bản tin, hoặc chạy "
            f"publish sync zalo {anyway} để vẫn tạo bài mới (bài đăng tay giữ nguyên); đừng "
            "chạy --reconcile: nó nhận bài đăng tay làm bài của bản tin và thay nội dung bài ấy "
            "bằng bản tin. Nếu state/ đã cũ: lấy state/ mới nhất (git pull) rồi chạy lại; trên "
            "CI, chạy lại job sau khi commit «Cập nhật trạng thái đồng bộ» đã lên nhánh. Nếu "
            f"chắc {shown} là bản mới nhất và bài trên OA đúng là bài của bản tin"
        )
    else:
        why = (
            f"{shown} không có bản ghi nào (tệp bị xóa hoặc làm rỗng?), nhưng OA đã có bài cùng "
            f"tiêu đề với {len(keys)} bản tin sắp tạo ({named}{more})"
        )
        # Also a unit's first sync, to an OA where its admin had posted these bulletins by hand.
        fix = (
            f"nếu tệp bị xóa hay làm rỗng do nhầm, lấy lại bản tốt của tệp từ git "
            f"({last_good(shown, EMPTIED)}) rồi chạy lại. Nếu đó là bài quản trị viên OA đăng "
            "tay và phải giữ nguyên: "
            f"chạy publish sync zalo {anyway} để vẫn tạo bài mới cho bản tin (bài đăng tay giữ "
            "nguyên). Nếu không còn bản nào của tệp và bài trên OA là bài của bản tin"
        )
    return (
        f"{why}: tạo lúc này sẽ đăng trùng. Không gửi gì lên Zalo. Cách sửa: {fix}, chạy "
        "publish sync zalo --reconcile để nhận lại các bài theo tiêu đề (bài nào không khớp "
        "mới được tạo)."
    )
