"""The line telling an editor that approved bulletins are held only by files not published anyway.

Every error stops the whole build, so that all problems are told in one pass and nothing is
half published (README: a draft is checked too). One editor's half-written draft (a photo not
yet copied, `date: 2026-13-01`) then holds back an approved, urgent warning, and the closing
«Chưa có gì được ghi hay xuất bản» did not say why. When every error is in a file that would
not be published anyway (a draft, one waiting for its approval or its date, a page held), a
line after the errors says so, and how to let the others out: fix them, or move the file being
written out of content/ (or into a folder whose name starts with «_», which is never read).
The exit code and the all-or-nothing rule stay as they are.

Only a file never published nor approved counts (reviews R8, R10): one held for an edit since
its approval, an approval by name alone or a mark typed by hand is approved, often live; one
held only for its date (later, or expired) passed every approval check; a draft approved by
`publish approve` (its approved_version) or a page naming its approver is an approved text;
and one state/ records live (a published bulletin set back to a draft, or dated later, even
one whose front matter can no longer be read whole), or a page the last build left on the
website, is withdrawn by the next sync or build: moving any of those out of content/ would
lose or take down an approved text, and «vốn chưa được đăng» would be false. Nor is the line
said when the checks did not all run (tripped by a file kept despite its errors, or `publish
check` not rendering): the errors of the bulletins to publish may not be known yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from publish import fields
from publish.config import Config, Policy
from publish.content import read_parsed
from publish.errors import Problem
from publish.model import PAGES_DIR, Bulletin, Exclusion, Site
from publish.person_fields import nobody

__all__ = ["bulletin_file", "note", "recorded_files", "written_key"]

_KINDS = {
    "draft": "bản nháp",
    "unapproved": "chờ duyệt",
    "secret": "không được đăng",
}
"""What each gate's code says of a bulletin held back that no approver passed (gates.gate);
one held for its date or expiry passed them all, so is never among them."""
_NEVER_APPROVED = ("unset", "approval_note")
"""The causes of an «unapproved» bulletin no approver ever passed: approved_by empty, or naming
nobody («chờ duyệt»)."""


def note(site: Site, problems: Iterable[Problem]) -> str:
    """The line to print after `problems` when each of their errors is in a file `site` would
    not publish anyway, never did and no approver passed, while it has bulletins to publish,
    else ""."""
    files = list(dict.fromkeys(p.file for p in problems if p.severity == "error"))
    if not files or not site.bulletins:
        return ""
    if not set(files).isdisjoint(b.source for b in site.bulletins):
        return ""  # an error of a bulletin to publish: the drafts are not all that holds it
    loaded = {e.bulletin.source: e for e in site.excluded}
    kinds: list[str] = []
    keys: list[str] = []
    recorded: dict[str, str] | None = None
    for file in files:
        if file in site.held_pages:
            kind = _page_kind(file, site)
        elif file in loaded:
            kind = _kind_if_never_approved(loaded[file], site.config.policy)
            keys.append(loaded[file].bulletin.key)
        else:
            if recorded is None:
                recorded = recorded_files(site)
            kind, key = _held_as_written(file, site.config)
            keys.extend(k for k in (key, recorded.get(file, "")) if k)
        if not kind:
            return ""
        kinds.append(kind)
    if _live(keys, site):
        return ""
    # The files are named by the errors above: a line naming them again made a check that
    # counts a file's mentions (told once) count one more.
    count = "một tệp" if len(files) == 1 else f"{len(files)} tệp"
    return (
        f"Các bản tin đã duyệt bị giữ lại chỉ vì các lỗi trên, đều ở {count} vốn chưa được đăng "
        f"({', '.join(dict.fromkeys(kinds))}): sửa các lỗi ấy, hoặc chuyển tệp đang viết dở ra "
        "khỏi content/ (hay vào một thư mục có tên bắt đầu bằng _, như content/_nhap/: công cụ "
        "không đọc thư mục ấy), rồi chạy lại lệnh."
    )


def _kind_if_never_approved(excluded: Exclusion, policy: Policy) -> str:
    """What `excluded` is held as, when no approver ever passed it: a draft, one waiting for its
    first approval, a secret; "" when it was approved (an approval lost since to an edit, a name
    alone, a mark typed by hand, a reviewer's name awaited, a draft approved by `publish
    approve`, one held only for its date): those may be live, and are no text being written."""
    if _approved(excluded.bulletin, policy):
        return ""
    if excluded.code == "unapproved" and excluded.cause not in _NEVER_APPROVED:
        return ""
    return _KINDS.get(excluded.code, "")


def _approved(bulletin: Bulletin, policy: Policy) -> bool:
    """Whether `bulletin` holds an approval: its approved_version (given by `publish approve`,
    edited since or not), or under approval = "name" an approver's name."""
    by = bulletin.approved_by.strip()
    return bool(bulletin.approved_version) or (policy.approval == "name" and bool(by))


def _page_kind(file: str, site: Site) -> str:
    """«trang chưa đăng» for held page `file` when it is a draft or names nobody as approver or
    reviewer («chờ duyệt»), names no approver, and the last build did not leave it on the
    website; else "": an approved page, one live, or one held only for its date (a page needs
    no approval) is no page being written (review R10)."""
    data = _front_matter(file, site.config)
    if data is None or _names_approver(data):
        return ""
    scratch = fields.Collector(file, [])
    held = any(nobody(scratch, data, name) for name in ("approved_by", "pii_reviewed_by"))
    if not (held or data.get("draft") is True):
        return ""
    path = site.documents.get(file, "").strip("/")
    if not path or (site.config.root / "output/web" / path / "index.html").is_file():
        return ""
    return "trang chưa đăng"


def _names_approver(data: dict[str, Any]) -> bool:
    """Whether front matter `data` holds an approval: an approved_version, or an approved_by
    naming someone (not empty, not «chờ duyệt», a tick)."""
    if data.get("approved_version") not in (None, ""):
        return True
    by = data.get("approved_by")
    named = isinstance(by, str | int | float) and not isinstance(by, bool) and str(by).strip()
    return bool(named) and not nobody(fields.Collector("", []), data, "approved_by")


def _approved_as_written(data: dict[str, Any], policy: Policy) -> bool:
    """Whether front matter `data` holds an approval as _approved counts one."""
    if data.get("approved_version") not in (None, ""):
        return True
    return policy.approval == "name" and _names_approver(data)


def _live(keys: list[str], site: Site) -> bool:
    """Whether state/ records one of the bulletins `keys` published on some channel now."""
    if not keys:
        return False
    from publish.sync.vanished import live_channels  # read only on this error's path

    config = site.config
    return bool(live_channels(config.root / "state", site.now, config, keys))


def recorded_files(site: Site) -> dict[str, str]:
    """The key state/published.json records for each file it names (none when it names none):
    how a bulletin not loaded whole, its id unreadable or changed, is still found live."""
    from publish.sync.vanished import Published  # read only on this error's path

    return {file: key for key, file in Published(site.config.root / "state").files.items()}


def _front_matter(file: str, config: Config) -> dict[str, Any] | None:
    """The front matter of `file` as written now; None when it cannot be read or the loader
    refuses it unread (over the size limit, a FIFO, a link out of content/): read as it reads."""
    try:
        parsed = read_parsed(
            config.root / file, fields.Collector(file, []), config.root / "content"
        )
    except OSError:
        return None
    return None if parsed is None else parsed.data


def written_key(file: str, config: Config) -> str:
    """The key of bulletin `file` as its front matter is written now (its id, else its slug),
    to look for in state/; "" when the front matter cannot be read."""
    data = _front_matter(file, config)
    return "" if data is None else _key_as_written(file, data, config)


def _key_as_written(file: str, data: dict[str, Any], config: Config) -> str:
    """The key the front matter `data` of bulletin `file` gives it: its id, else its slug."""
    scratch = fields.Collector(file, [])
    return fields.identifier(scratch, data, fields.slug(scratch, data, config.root / file))


def bulletin_file(file: str) -> bool:
    """Whether `file` (from the project's root) is a bulletin's Markdown file, not a page's
    (pages are not in state/'s records)."""
    path = PurePosixPath(file)
    return (
        path.suffix == ".md" and path.parts[:1] == ("content",) and path.parts[1:2] != (PAGES_DIR,)
    )


def _held_as_written(file: str, config: Config) -> tuple[str, str]:
    """Why bulletin `file`, not loaded whole (a required field unreadable), would not be
    published as its front matter reads, with no approval in it (a draft, or not approved by
    anyone), "" when it may be, is approved, or is no bulletin; and its key as written (its
    id, else its slug), to look for in state/."""
    if not bulletin_file(file):
        return "", ""
    data = _front_matter(file, config)
    if data is None:
        return "", ""
    key = _key_as_written(file, data, config)
    policy = config.policy
    if _approved_as_written(data, policy):
        return "", key
    if data.get("draft") is True:
        return _KINDS["draft"], key
    if policy.require_approval and not _names_approver(data):
        return _KINDS["unapproved"], key
    return "", key
