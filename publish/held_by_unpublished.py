"""The line telling an editor that approved bulletins are held only by files not published anyway.

Every error stops the whole build, so that all problems are told in one pass and nothing is
half published (README: a draft is checked too). One editor's half-written draft (a photo not
yet copied, `date: 2026-13-01`) then holds back an approved, urgent warning, and the closing
«Chưa có gì được ghi hay xuất bản» did not say why. When every error is in a file that would
not be published anyway (a draft, one waiting for its approval or its date, a page held), a
line after the errors says so, and how to let the others out: fix them, or move the file being
written out of content/ (or into a folder whose name starts with «_», which is never read).
The exit code and the all-or-nothing rule stay as they are.

Only a file never published counts (review R8): one held for an edit since its approval, an
approval by name alone or a mark typed by hand is approved, often live, and one state/ records
live (a published bulletin set back to a draft, or dated later) is withdrawn by the next sync;
moving either out of content/ takes it down. Nor is the line said when the checks did not all
run (tripped by a file kept despite its errors, or `publish check` not rendering): the errors
of the bulletins to publish may not be known yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import PurePosixPath

from publish import fields
from publish.config import Config
from publish.content import parse_raw
from publish.errors import Problem
from publish.model import PAGES_DIR, Exclusion, Site

__all__ = ["note"]

_KINDS = {
    "draft": "bản nháp",
    "unapproved": "chờ duyệt",
    "scheduled": "chưa tới giờ đăng",
    "expired": "đã hết hạn",
    "secret": "không được đăng",
}
"""What each gate's code says of a bulletin held back (gates.gate)."""
_NEVER_APPROVED = ("unset", "approval_note")
"""The causes of an «unapproved» bulletin no approver ever passed: approved_by empty, or naming
nobody («chờ duyệt»)."""


def note(site: Site, problems: Iterable[Problem]) -> str:
    """The line to print after `problems` when each of their errors is in a file `site` would
    not publish anyway, and never did, while it has bulletins to publish, else ""."""
    files = list(dict.fromkeys(p.file for p in problems if p.severity == "error"))
    if not files or not site.bulletins:
        return ""
    if not set(files).isdisjoint(b.source for b in site.bulletins):
        return ""  # an error of a bulletin to publish: the drafts are not all that holds it
    loaded = {e.bulletin.source: e for e in site.excluded}
    kinds = []
    for file in files:
        if file in site.held_pages:
            kind = "trang chưa đăng"
        elif file in loaded:
            kind = _never_approved(loaded[file])
        else:
            kind = _held_as_written(file, site.config, site.now)
        if not kind:
            return ""
        kinds.append(kind)
    if _live([loaded[f].bulletin.key for f in files if f in loaded], site):
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


def _never_approved(excluded: Exclusion) -> str:
    """What `excluded` is held as, when that is no approval given and lost since (an edit after
    it, a name alone, a mark typed by hand, a reviewer's name awaited): those may be live, and
    are no draft; else ""."""
    if excluded.code == "unapproved" and excluded.cause not in _NEVER_APPROVED:
        return ""
    return _KINDS.get(excluded.code, "không được đăng")


def _live(keys: list[str], site: Site) -> bool:
    """Whether state/ records one of the bulletins `keys` published on some channel now."""
    if not keys:
        return False
    from publish.sync.vanished import live_channels  # read only on this error's path

    config = site.config
    return bool(live_channels(config.root / "state", site.now, config, keys))


def _held_as_written(file: str, config: Config, now: dt.datetime) -> str:
    """Why bulletin `file`, not loaded whole (a required field unreadable), would not be
    published as its front matter reads: a draft, not approved by anyone, or dated later; ""
    when it may be, or is no bulletin."""
    path = PurePosixPath(file)
    if path.suffix != ".md" or path.parts[:1] != ("content",) or path.parts[1:2] == (PAGES_DIR,):
        return ""
    try:
        raw = (config.root / file).read_bytes()
    except OSError:
        return ""
    scratch = fields.Collector(file, [])
    parsed = parse_raw(raw, scratch)
    if parsed is None:
        return ""
    data = parsed.data
    if data.get("draft") is True:
        return _KINDS["draft"]
    by = data.get("approved_by")
    if config.policy.require_approval and not (isinstance(by, str) and by.strip()):
        return _KINDS["unapproved"]
    date = fields.datetime(scratch, data, "date", config, required=False)
    return _KINDS["scheduled"] if date is not None and date > now else ""
