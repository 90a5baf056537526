"""User-facing errors.

Exception tree:

    PublishError            a problem the user can fix; the CLI prints it and exits 1
    ├── ContentError        one or more `Problem`s found in content or config, all reported at once
    ├── ConfigError         site.toml problems (a ContentError)
    ├── RemoteError         a channel's remote end failed (exit 3 when partial progress was saved)
    ├── NeedsPerson         one sync action a person must decide on; the others go on (exit 1)
    └── Busy                another sync holds the lock or another command kept writing output/ (exit 3)

Nothing here prints; `publish.cli` turns these into messages and exit codes.
"""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

__all__ = [
    "ESCAPED_BYTE",
    "FAR_DATE",
    "NAME_CONTROL",
    "PERSON_HELD",
    "RADIO_FLAG",
    "SEVERITY_LABELS",
    "STRICT_EXEMPT",
    "STRICT_EXEMPT_AS",
    "TAGS_RUN_TOGETHER",
    "TAG_ALIAS_UNUSED",
    "UNREADABLE_ATTACHMENT",
    "Busy",
    "ConfigError",
    "ContentError",
    "NeedsPerson",
    "Problem",
    "PublishError",
    "RemoteError",
    "details_shown",
    "full_disk_fix",
    "in_file_order",
    "not_a_file",
    "os_reason",
    "severity_label",
    "show_details",
    "shown_name",
    "unreadable_fix",
]

OS_REASONS = {
    errno.ENOENT: "không có tệp hay thư mục này",
    errno.EACCES: "không có quyền",
    errno.EPERM: "không được phép",
    errno.ENOSPC: "hết chỗ trên đĩa",
    errno.EDQUOT: "hết hạn mức đĩa của người dùng",
    errno.EROFS: "hệ tệp chỉ cho đọc",
    errno.EEXIST: "đã có tệp hay thư mục cùng tên",
    errno.EISDIR: "đây là thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENOTEMPTY: "thư mục không trống",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ELOOP: "quá nhiều liên kết tượng trưng lồng nhau",
    errno.EXDEV: "không chuyển được sang ổ đĩa khác",
    errno.EBUSY: "tệp hay thiết bị đang bận",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENFILE: "cả máy đang mở quá nhiều tệp cùng lúc",
    errno.EIO: "lỗi đọc ghi của ổ đĩa",
    errno.EADDRINUSE: "cổng đang được chương trình khác dùng",
    errno.EADDRNOTAVAIL: "địa chỉ không có trên máy này",
    errno.ECONNREFUSED: "máy bên kia từ chối kết nối",
    errno.ETIMEDOUT: "hết thời gian chờ",
}
"""Vietnamese for the operating-system errors a user is likely to meet (the C library's own
text is English)."""


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Vietnamese (the system's own words otherwise)."""
    return OS_REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def full_disk_fix(exc: OSError, place: str) -> str:
    """What to do when the disk, or the user's quota on it, is full while writing `place` (as
    the message names it: «tệp đó», «thư mục đó»); "" for any other failure."""
    tidy = "xóa tệp tạm, bản sao lưu cũ, hay thư mục .cache/ của dự án, lần sau tự dựng lại"
    if exc.errno == errno.ENOSPC:
        how = f"giải phóng chỗ trên ổ đĩa chứa {place} (`df -h` xem ổ nào đầy; {tidy})"
    elif exc.errno == errno.EDQUOT:
        how = (
            f"xóa bớt tệp của tài khoản này trên ổ đĩa chứa {place} (`quota -s` xem hạn mức; "
            f"{tidy}) hoặc xin người quản trị máy tăng hạn mức"
        )
    else:
        return ""
    return f"Cách sửa: {how}, rồi chạy lại lệnh."


def unreadable_fix(exc: OSError, file: str) -> str:
    """What to do when a `file` (as typed in a shell) that is not damaged could not be read: too
    many files open, or a file this user may not read; "" for any other failure (the caller's
    advice for a damaged file then stands)."""
    if exc.errno in (errno.EMFILE, errno.ENFILE):
        how = (
            "tệp không hỏng, chỉ là không mở thêm được tệp nào: đóng bớt chương trình đang chạy, "
            "hoặc nâng giới hạn số tệp mở (ví dụ `ulimit -n 4096` trong cửa sổ lệnh này)"
        )
    elif exc.errno in (errno.EACCES, errno.EPERM):
        how = (
            f"cho người dùng này quyền đọc {file} (tệp do một lần chạy lệnh bằng sudo ghi ra: "
            f"sudo chown $USER {file})"
        )
    else:
        return ""
    return f"Cách sửa: {how}, rồi chạy lại lệnh."


def not_a_file(path: Path) -> str:
    """What `path`, which is no regular file, is instead, in Vietnamese: nothing, a folder, a
    symbolic link to nothing (its target gone, or links pointing round in a loop), or a device
    or pipe (reading a FIFO would wait forever)."""
    if not os.path.lexists(path):
        return "không có tệp này"
    if path.is_dir():
        return "đây là thư mục, không phải tệp"
    if path.is_symlink() and not path.exists():
        return "tệp là liên kết (symlink) không trỏ tới tệp nào (tệp đích đã mất, hoặc các liên kết trỏ vòng quanh nhau)"
    return "không phải là tệp thường (thiết bị hoặc ống dẫn)"


ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
"""How Python holds a byte of a file name that is not UTF-8 (os.fsdecode's surrogateescape):
as a lone surrogate, which no terminal, JSON or web page can be written with."""


def shown_name(text: str) -> str:
    """`text` (a file name or path read from the disk) with each byte that is not UTF-8 written
    as its code («t\\xe9n.md»): printed as it is, it was a traceback or a garbled letter; and
    each control character written as its escape («a\\n::error::x.md»)."""
    if NAME_CONTROL.search(text):
        # Printed raw, a line break in a name a pull request adds starts a line of its own in
        # the CI log («::error …» or «::stop-commands::…», read by GitHub as a command), and an
        # escape sequence recolours or hides what an editor's terminal shows next.
        text = NAME_CONTROL.sub(_control_escape, text)
    if text.isascii() or not ESCAPED_BYTE.search(text):
        return text
    return ESCAPED_BYTE.sub(lambda byte: f"\\x{ord(byte[0]) - 0xDC00:02x}", text)


NAME_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
"""The control characters a file name may hold (C0, DEL, C1): none is a letter a reader sees."""


def _control_escape(found: re.Match[str]) -> str:
    """A control character as Python writes it in a string: «\\n», «\\t», «\\x1b»."""
    return repr(found[0])[1:-1]


_details = False


def show_details(shown: bool) -> None:
    """Whether messages add the English text of a library's error (--debug)."""
    global _details
    _details = shown


def details_shown() -> bool:
    """Whether this run was asked for the English detail of errors (--debug)."""
    return _details


class PublishError(Exception):
    """A problem the user can fix; its message is Vietnamese and complete."""

    exit_code = 1


class RemoteError(PublishError):
    """A remote channel (Zalo, the radio folder) failed; progress so far is saved."""

    exit_code = 3


class NeedsPerson(PublishError):
    """One action of a sync was refused until a person decides (e.g. a Zalo article changed by
    hand): the other actions still run, and the sync ends with exit 1, not 3, since running it
    again changes nothing."""

    needs_person = True


class Busy(PublishError):
    """Another sync holds the lock (or another command kept writing output/), so this one did
    nothing. Nothing is wrong with the content or the settings: the exit code is 3 (run again
    later), as for a channel that did not answer, not 1, which tells a person (or a CI run)
    that something must be fixed."""

    exit_code = 3


UNREADABLE_ATTACHMENT = "unreadable-attachment"
"""The code of the warning that a linked document could not be read to look for secret stamps."""
PERSON_HELD = "person-held"
"""The code of the warning that a bulletin or page is held back for its approved_by or
pii_reviewed_by naming nobody (publish.person_fields; publish.held_page_links finds the links a
held page would break). Here, not there: the build's summary tells it without the loader."""
RADIO_FLAG = "radio-flag"
"""The code of a read-aloud finding in a bulletin's text (a number, an address, an unknown
abbreviation: publish.render.radio.episode), told where the text is, never as a field."""
FAR_DATE = "far-date"
"""The code of the warning that a publish date is more than a year ahead (publish.far_date)."""
TAGS_RUN_TOGETHER = "tags-run-together"
"""The code of the warning that a tags line written as words may be several tags run together
(publish.tags_written)."""
TAG_ALIAS_UNUSED = "tag-alias-unused"
"""The code of the warning that an old tag of site.toml's [tag_aliases] is on no bulletin
(publish.tag_aliases)."""
SPACED_DEFINITION = "spaced-definition"
"""The code of the warning that a reference definition's address between «<…>» holds a space
(publish.spaced_definitions): made an error when it names a held bulletin (publish.held_spaced),
whose name the page would show."""
STRICT_EXEMPT_AS = {
    UNREADABLE_ATTACHMENT: "về tệp đính kèm không đọc được để kiểm dấu mật",
    FAR_DATE: "về ngày đăng còn hơn một năm nữa",
    TAGS_RUN_TOGETHER: "về thẻ có thể là nhiều thẻ viết liền",
    TAG_ALIAS_UNUSED: "về thẻ cũ trong [tag_aliases] mà không bản tin nào gắn",
}
"""Codes of warnings --strict leaves warnings, and how publish check's last line names them.
An unreadable linked document is decided by [policy] unreadable_attachments (most PDFs from
Word: --strict in CI would refuse every one). A date a year ahead may be a wrong year or a
real embargo, which the file has no way to confirm: an error would refuse the embargo for
good, while the wrong year only holds the bulletin back, never publishes one early. A tags
line that may be several tags may also be one long tag: either way nothing wrong goes out. An
old tag no bulletin carries may be mistyped, or kept on purpose once every bulletin was edited
(its line still redirects the old tag's page): nothing wrong goes out either."""
STRICT_EXEMPT = frozenset(STRICT_EXEMPT_AS)

SEVERITY_LABELS = {"error": "lỗi", "warning": "cảnh báo", "note": "ghi chú"}
"""How each severity is named. A note ("ghi chú") is advice no option turns into an error (a
radio episode's timing, a sentence dropped from a radio script); a warning may be (--strict)."""


def severity_label(severity: str) -> str:
    """The Vietnamese name of a severity ("cảnh báo" for any unknown one)."""
    return SEVERITY_LABELS.get(severity, "cảnh báo")


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation finding: where it is, which field, what is wrong and how to fix it."""

    file: str
    message: str
    field: str | None = None
    line: int | None = None
    hint: str | None = None
    severity: str = "error"
    column: int | None = None
    """Given by syntax errors, whose parser knows it."""
    code: str | None = None
    """What kind of finding this is, for code that decides by kind (STRICT_EXEMPT): stable,
    unlike the message and hint, which are reworded for editors and may quote any words."""
    strict_message: str | None = None
    """What a warning says instead when --strict makes it an error (None: the same): a warning
    that a bulletin is held back while the others go out must not say so when the build stops."""
    about: str | None = None
    """The file a finding whose `file` names a place, not a file (a radio episode), is about: an
    extra episode's only bulletin. A CI report shows the finding on it (publish.ci_report)."""

    @property
    def where(self) -> str:
        """`file`, `file:line` or `file:line, cột N`: as precise as the finding is."""
        # A Mac names files in NFD («cảnh» as «c a ̉ n h»): shown so, it is not the word the
        # editor reads, nor one a search of the message or the file list finds.
        shown = unicodedata.normalize("NFC", shown_name(self.file))
        where = shown if self.line is None else f"{shown}:{self.line}"
        if self.line is not None and self.column is not None:
            where += f", cột {self.column}"
        return where

    def as_dict(self) -> dict[str, object]:
        """Every part of the finding, for machine-read summaries (CI annotations)."""
        return {
            "file": shown_name(self.file),
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "code": self.code,
        }

    def render(self) -> str:
        """Format as `file:line[, cột N]: [field] message. Cách sửa: hint`."""
        where = self.where
        text = f"{where}: {severity_label(self.severity)}"
        if self.field:
            text += f": trường '{self.field}'"
        text += f": {self.message}"
        if self.hint:
            text += f"\n    Cách sửa: {self.hint}"
        return text


SHARED_FIX_FROM = 2
"""How many findings of one severity sharing a «Cách sửa» are told with it said once."""


def render_all(problems: Iterable[Problem]) -> list[str]:
    """Each of `problems` rendered, in order, except that those of one severity sharing a hint
    are told without it, the hint said once after the last of them: a check of 3,000
    bulletins repeated one two-line fix after each of 126 personal-data warnings."""
    lines = []
    for problem, shared in shared_fixes(problems):
        lines.append(problem.render())
        if shared:
            lines.append(f"    {shared}")
    return lines


def shared_fixes(problems: Iterable[Problem]) -> list[tuple[Problem, str]]:
    """Each of `problems` in order, its hint dropped when SHARED_FIX_FROM of one severity share
    it, with the line saying that fix once after the last of them («Cách sửa (chung cho 3 cảnh
    báo trên): …»; "" after the others): render_all, and the Markdown of a sync's report."""
    problems = in_file_order(problems)
    last: dict[tuple[str, str], int] = {}  # a shared fix → where its last finding is
    counts: dict[tuple[str, str], int] = {}
    for at, problem in enumerate(problems):
        if problem.hint:
            key = (problem.severity, problem.hint)
            counts[key] = counts.get(key, 0) + 1
            last[key] = at
    found: list[tuple[Problem, str]] = []
    for at, problem in enumerate(problems):
        key = (problem.severity, problem.hint or "")
        shared = counts.get(key, 0)
        if shared < SHARED_FIX_FROM:
            found.append((problem, ""))
            continue
        # The findings keep the order they were found in (by file and line): a group pulled
        # up to its first member put a.md:9 after b.md:4.
        label = severity_label(problem.severity)
        said = f"Cách sửa (chung cho {shared} {label} trên): {problem.hint}"
        found.append((replace(problem, hint=None), said if last[key] == at else ""))
    return found


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """`problems` with the findings of content files by file, then line, in the places such
    findings had; the others (site.toml, a radio episode) where they were found. Each check
    tells its own in its order (the radio's newest bulletin first, after the load's of every
    file): a check --strict read as files in reverse. A file's findings without a line keep
    their place among its others: approve's «bản tin còn lỗi (ở trên)» follows its errors."""
    problems = list(problems)
    slots = [at for at, p in enumerate(problems) if p.file.startswith(CONTENT_PREFIX)]
    by_file: dict[str, list[Problem]] = {}
    for at in slots:
        by_file.setdefault(problems[at].file, []).append(problems[at])
    ordered: list[Problem] = []
    for file in sorted(by_file):
        found = by_file[file]
        lined = iter(sorted((p for p in found if p.line), key=lambda p: (p.line, p.column or 0)))
        ordered += [next(lined) if p.line else p for p in found]
    for at, problem in zip(slots, ordered, strict=True):
        problems[at] = problem
    return problems


CONTENT_PREFIX = "content/"
"""How the file of a finding about a bulletin or a page begins (relative to the project)."""


class ContentError(PublishError):
    """Content or config has problems; carries every one of them."""

    note: str
    """A line said after the closing one (publish.held_by_unpublished), or ""."""

    def __init__(self, problems: Iterable[Problem], note: str = "") -> None:
        self.problems = tuple(problems)
        self.note = note
        # As check, build and sync tell warnings: a fix shared by several errors said once
        # (--strict told one personal-data fix after each of the numbers it found).
        lines = render_all(self.problems)
        lines.append(self.closing)
        if note:
            lines.append(note)
        super().__init__("\n".join(lines))

    @property
    def closing(self) -> str:
        """The line the text ends with: how many errors stopped the command, nothing written."""
        count = sum(1 for p in self.problems if p.severity == "error")
        return f"Tìm thấy {count} lỗi. Chưa có gì được ghi hay xuất bản."


class ConfigError(ContentError):
    """site.toml has problems."""


def display_path(path: Path, root: Path) -> str:
    """Show `path` relative to the project root when it is inside it, by its own name (a link
    is shown as the editor named it, not as the file it points to), in NFC as every message
    (a Mac names files in NFD), a byte that is not UTF-8 as its code (shown_name); only for
    showing: the file is opened by `path` itself."""
    try:
        # realpath, not resolve(): Python 3.11's resolve() raises RuntimeError on a symlink loop.
        folder, name = os.path.split(os.path.abspath(path))
        real = Path(os.path.realpath(folder), name)
        shown = real.relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        shown = str(path)
    return unicodedata.normalize("NFC", shown_name(shown))
