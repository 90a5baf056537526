"""Validators of single front matter fields: each checks one value of a file being loaded and
records a clear problem in its Collector instead of raising."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from publish import approval, name_only_record
from publish.config import CHANNELS, Config, label_form
from publish.date_fixes import date_fix, reads
from publish.errors import Problem
from publish.frontmatter import Parsed, as_typed
from publish.gates import (
    PUBLIC_CLASSIFICATIONS,
    field_stamp,
    note_stamp,
    public_classification,
    secret_classification,
    secret_stamp,
    tag_stamp,
)
from publish.key_lines import value_typed
from publish.links import addressed
from publish.moments import DATE_HINT, WRITTEN_DATE_RE, parse_datetime, unlikely_year, when
from publish.syntax import toml_string, yaml_quoted
from publish.tags import tag_key, tag_name
from publish.text import SLUG_RE, as_written, folded_words, nfc, quoted, slugify
from publish.url_history import REDIRECTABLE_RE

__all__ = [
    "DATE_PREFIX",
    "Collector",
    "alias_path",
    "aliases",
    "boolean",
    "category",
    "category_hint",
    "category_key",
    "channels",
    "datetime",
    "day_only",
    "file_slug",
    "identifier",
    "kind",
    "parse_datetime",
    "plain",
    "read_moment",
    "secret",
    "slug",
    "tags",
    "text",
    "timed",
    "typed_number",
    "unknown_category",
    "unknown_keys",
    "unlikely_year",
]

WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}
)
"""Names Windows cannot store (the radio folder is often a Windows share): items/con.txt fails."""
SECRET_HINT = (
    "Tài liệu mật không được lưu trên máy hay kho git có kết nối Internet (Luật Bảo vệ bí mật nhà "
    "nước). Chuyển tệp ra khỏi dự án (nếu đã commit: xóa khỏi lịch sử git và báo cán bộ phụ trách "
    "bảo mật), rồi chạy lại. Nếu đây không phải dấu mật, sửa lại dòng đó."
)


@dataclass(slots=True)
class Collector:
    """Problems found while loading one file, with the file's name and key lines."""

    source: str
    problems: list[Problem]
    parsed: Parsed | None = None
    extra_lines: dict[str, int] = field(default_factory=dict)
    digest: str = ""
    """sha256 of the file's bytes, taken from the one read of the file."""
    images: list[tuple[str, str]] = field(default_factory=list)
    """(reference, resolved path) of every local image checked, to recheck a cached load."""
    commented: dict[str, tuple[Problem, str]] = field(default_factory=dict)
    """The warning, not yet told, of each field whose value YAML read as a comment («title: #3
    Cảnh báo»), and why it is empty, by field («corrections.1.note»): a reader that finds the
    field required says why in its own error (see empty), tell_commented warns of the rest."""

    def empty(
        self,
        key: str,
        hint: str,
        *,
        message: str = "trường bắt buộc để trống",
        line: int | None = None,
    ) -> None:
        """A required `key` written with nothing YAML reads after it, at its `line` (found from
        `key` when None): when a # at the start of its value made it a comment, the error says
        so, with the line to copy (the editor did write a value, «điền nội dung» would be no
        help), and the field gets no warning of its own."""
        cut, why = self.commented.pop(key, (None, ""))
        if cut is not None:
            self.add(f"{message}: {why}", field=key, line=cut.line, hint=cut.hint)
            return
        self.add(message, field=key, hint=hint, line=line)

    def tell_commented(self) -> None:
        """Warn of each value a # made a comment that no reader told as a required field left
        empty (an author, tags, a radio air date): once every field has been read."""
        self.problems.extend(cut for cut, _ in self.commented.values())
        self.commented.clear()

    def add(
        self,
        message: str,
        *,
        field: str | None = None,
        hint: str | None = None,
        line: int | None = None,
        severity: str = "error",
        column: int | None = None,
        code: str | None = None,
        strict_message: str | None = None,
    ) -> None:
        """Record one problem, finding the line of `field` when none is given (`code`,
        `strict_message`: see Problem)."""
        if line is None and field and self.parsed is not None:
            line = self.parsed.line_of(field)
        self.problems.append(
            Problem(self.source, message, field, line, hint, severity, column, code, strict_message)
        )


def text(
    col: Collector,
    data: dict[str, Any],
    key: str,
    *,
    required: bool = False,
    limit: int | None = None,
    over: Callable[[str], tuple[str, str]] | None = None,
) -> str | None:
    """A string field: present when required, a string, not too long (`over`: the message and
    hint for a value over `limit`, when another limit is to be said)."""
    value = data.get(key)
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        if required and key in data:
            col.empty(key, f"Điền nội dung cho '{key}' (đang để trống).")
        elif required:
            missing(col, data, key, f"Thêm một dòng '{key}: \"...\"' vào phần đầu.")
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        message, hint = _not_text(col, key, value)
        col.add(message, field=key, hint=hint)
        return None
    if limit is not None and len(value) > limit:
        message, hint = (
            over(value)
            if over
            else (f"dài {len(value)}/{limit} ký tự", f"Rút gọn còn tối đa {limit} ký tự.")
        )
        col.add(message, field=key, hint=hint)
    return value


def _not_text(col: Collector, key: str, value: Any) -> tuple[str, str]:
    """(message, hint) for a text field YAML read as something else: a yes or no word it took
    for true/false is shown as typed («title: yes» was «nhận được true/false (true)»), a list
    is shown as the one line of text it may have meant."""
    typed = _typed(col, key)
    if isinstance(value, bool) and typed and typed.lower() not in ("true", "false"):
        return (
            f"cần một chuỗi ký tự, nhận được «{typed}», chữ YAML đọc thành true/false",
            f"Đặt giá trị trong ngoặc kép: {key}: {yaml_quoted(typed)}.",
        )
    if isinstance(value, list) and value and all(isinstance(v, str | int) for v in value):
        joined = ", ".join(str(v) for v in value)
        return (
            f"cần một chuỗi ký tự, nhận được {kind(value)}",
            f"Ghi một dòng chữ trong ngoặc kép, ví dụ {key}: {yaml_quoted(joined)}.",
        )
    return f"cần một chuỗi ký tự, nhận được {kind(value)}", (
        "Đặt giá trị trong ngoặc kép trên cùng một dòng."
    )


def _typed(col: Collector, key: str) -> str | None:
    """The value of top-level `key` as typed on its line (after «key:», without a comment), when
    the front matter is known; else None."""
    found = _key_row(col, key)
    if found is None:
        return None
    rows, at = found
    if rows[at].partition(":")[0].strip() != key:
        return None
    return value_typed(rows[at]) or None


def _key_row(col: Collector, key: str) -> tuple[list[str], int] | None:
    """The front matter's lines and the index among them of top-level `key`'s line, when the
    front matter is known and names it; else None."""
    parsed = col.parsed
    line = parsed.line_of(key) if parsed is not None else None
    if parsed is None or line is None:
        return None
    rows = parsed.yaml_text.split("\n")
    return (rows, line - 2) if 0 <= line - 2 < len(rows) else None


_WORD = re.compile(r"[^\W\d_]{2,}")
"""A word of two letters or more."""


def capitals(col: Collector, key: str, value: str | None) -> None:
    """A note when a title is written in capitals throughout (Caps Lock, or copied from the
    heading of an official letter), showing it written as a sentence: harder to read, on a
    phone above all, than the sentence case the pages and Zalo articles around it use."""
    if not value or value != value.upper() or len(_WORD.findall(value)) < 3:
        return
    # Its own pairs of quotes as «…»: a " typed inside would end the value.
    written = yaml_quoted(_QUOTE_PAIR.sub(r"«\1»", value[:1] + value[1:].lower()))
    col.add(
        "tiêu đề viết toàn chữ in hoa: khó đọc hơn, nhất là trên điện thoại, và khác các tiêu đề "
        "khác trên website và Zalo OA (viết hoa chữ đầu và tên riêng)",
        field=key,
        hint=f"Viết lại, ví dụ {key}: {written}, rồi viết hoa lại các tên riêng (tên đơn vị, "
        "địa danh, tên người). Nếu đơn vị muốn giữ chữ in hoa thì bỏ qua ghi chú này.",
        severity="note",
    )


_QUOTE_PAIR = re.compile(r'"([^"]*)"')
"""A pair of double quotes inside a value."""


MARKDOWN_IN_TEXT = re.compile(r"\*\*[^*]+\*\*|__[^_]+__|\[[^\]]+\]\([^)]*\)|(?:^|\s)#{1,6}\s")
"""Markdown an editor may put in a plain-text field (bold, a link, a heading mark)."""


def plain(col: Collector, key: str, value: str | None, *, line: int | None = None) -> None:
    """Warn when a plain-text field holds Markdown: it would show as typed (**…**, [a](b));
    `line`: where the value is, when not on the line of `key`."""
    if value and (found := MARKDOWN_IN_TEXT.search(value)):
        col.add(
            f"trường này là văn bản thường: «{found.group().strip()}» sẽ hiện nguyên như vậy "
            "(trên trang, Zalo, thẻ chia sẻ)",
            field=key,
            line=line,
            hint="Bỏ các dấu Markdown (**, __, [chữ](địa chỉ), #) khỏi trường này.",
            severity="warning",
        )


def kind(value: Any) -> str:
    """Vietnamese description of a YAML value's type."""
    names = {
        str: "một chuỗi ký tự",
        type(None): "giá trị trống",
        bool: "true/false",
        int: "một số",
        float: "một số",
        list: "một danh sách",
        dict: "một bảng",
        dt.date: "một ngày",
        dt.datetime: "một thời điểm",
    }
    return f"{names.get(type(value), type(value).__name__)}{_as_written(value)}"


def _as_written(value: Any) -> str:
    """A value as the editor wrote it in YAML, in brackets (Python's repr showed «True»,
    «datetime.date(2026, 12, 1)»); nothing for a list or table, whose kind says enough."""
    if isinstance(value, str):
        return f" ({quoted(value)})"
    if isinstance(value, bool | int | float | dt.date):
        return f" ({as_written(value)})"
    return ""


def boolean(col: Collector, data: dict[str, Any], key: str) -> bool:
    """A true/false field, false when absent."""
    value = data.get(key, False)
    if not isinstance(value, bool):
        meant = YES_NO.get(folded_words(value)) if isinstance(value, str) else None
        col.add(
            f"cần true hoặc false, nhận được {kind(value)}",
            field=key,
            hint=f"«{value.strip()}» viết là '{key}: {meant}' (tiếng Anh, không có ngoặc kép)."
            if meant and isinstance(value, str)
            else f"Viết '{key}: true' hoặc '{key}: false' (không có ngoặc kép).",
        )
        return False
    return value


def draft(col: Collector, data: dict[str, Any]) -> tuple[bool, tuple[str, ...]]:
    """`draft`: (held on every channel, channels held back): true or false, or the channels
    the bulletin is kept from (`draft: [zalo]`, `draft: zalo`) while the others go on, in the
    order written (a message quoting the line says it as the file does)."""
    value = data.get("draft", False)
    if isinstance(value, str):
        parts = [part.strip() for part in re.split(r"[,;]", value) if part.strip()]
        # «draft: zalo»; a word that is no channel («draft: có») is a true/false answered wrong.
        if any(difflib.get_close_matches(p.lower(), CHANNELS, n=1, cutoff=0.6) for p in parts):
            value = parts
    if not isinstance(value, list):
        return boolean(col, data, "draft"), ()
    if not value:
        return False, ()  # `draft: []`: kept from no channel
    names = [str(c).strip() for c in value if c is not None and str(c).strip()]
    example = "Giữ bài khỏi một kênh mà vẫn đăng ở kênh khác: draft: [zalo]; giữ bài khỏi mọi kênh: draft: true."
    if _unknown_channels(col, "draft", names, example):
        return False, ()
    if len(names) != len(value):
        col.add(
            "danh sách kênh giữ lại có mục trống",
            field="draft",
            hint=f"Các kênh: {', '.join(CHANNELS)}. {example}",
        )
        return False, ()
    return False, tuple(dict.fromkeys(names))


def _unknown_channels(col: Collector, key: str, names: list[str], example: str) -> bool:
    """Report the names in `names` that are no channel, with the ones each likely meant and
    `example`; whether there were any."""
    unknown = [c for c in names if c not in CHANNELS]
    if not unknown:
        return False
    meant = {c: _channels_meant(c) for c in unknown}
    told = [f"'{', '.join(found)}' thay cho '{c}'" for c, found in meant.items() if found]
    elsewhere = [c for c, found in meant.items() if found == []]
    unread = [c for c, found in meant.items() if found is None]
    fixed = list(dict.fromkeys(m for c in names for m in meant.get(c, [c]) or ()))
    typed = _typed(col, key)
    # The line corrected, when the names were written on the key's line (a list below it is
    # fixed item by item), in the form the guide shows (`draft: [zalo]`, `channels: web, zalo`),
    # and only when every name was read: «website, abc» corrected to «web» would drop what
    # «abc» meant (it may be the radio) unsaid.
    named = ", ".join(fixed)
    line = None
    if fixed and not unread and typed and typed[0] != "-":
        line = f"{key}: [{named}]" if key == "draft" else f"{key}: {named}"
    col.add(
        f"kênh không tồn tại: {', '.join(quoted(c) for c in unknown)}",
        field=key,
        hint=(f"Có phải ý bạn là {', '.join(told)}? " if told else "")
        + f"Các kênh: {', '.join(CHANNELS)}. "
        + (
            f"Công cụ này không đăng lên {', '.join(quoted(c) for c in elsewhere)}: bỏ khỏi "
            "danh sách. "
            if elsewhere
            else ""
        )
        + (
            f"Không rõ {', '.join(quoted(c) for c in unread)} là kênh nào: ghi bằng tên kênh "
            "ở trên, hoặc xóa. "
            if unread
            else ""
        )
        + (f"Sửa dòng này thành: {line}" if line else example),
    )
    return True


_CHANNEL_WORDS = {
    **dict.fromkeys(("website", "trang web", "web site"), "web"),
    **dict.fromkeys(("zalo oa", "oa"), "zalo"),
    **dict.fromkeys(("dai", "truyen thanh", "phat thanh", "loa", "dai truyen thanh"), "radio"),
}
"""What editors call a channel (folded): «website», «Zalo OA», «đài», «truyền thanh»."""
_NOT_POSTED = frozenset(("facebook", "fb", "youtube", "tiktok", "instagram", "twitter"))
"""Networks a name may be of that this tool does not post to (folded)."""


def _channels_meant(name: str) -> list[str] | None:
    """The channels an unknown name meant: the one it is another word for («website», «đài»),
    those it names with no comma between them («web zalo», «web và đài»), else the one closest
    in spelling («zaloo»); [] for a network this tool does not post to («facebook»); None
    when unknown («abc»)."""
    folded = folded_words(name)  # also without the quotes of «radio, "web zalo"»
    if folded in _NOT_POSTED:
        return []
    if (one := _channel_named(folded)) is not None:
        return [one]
    words = [w for w in folded.split() if w != "va"]
    each = [_channel_named(w) for w in words]
    if len(words) > 1 and all(each):
        return list(dict.fromkeys(c for c in each if c))
    return difflib.get_close_matches(folded, CHANNELS, n=1, cutoff=0.6) or None


def _channel_named(word: str) -> str | None:
    """The channel a folded name is («web») or is another word for («đài»), else None."""
    return word if word in CHANNELS else _CHANNEL_WORDS.get(word)


DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
"""The day a file's name starts with: bulletins are named YYYY-MM-DD-slug.md."""


def file_slug(path: Path) -> str:
    """The slug a bulletin's file name gives it: the name without its day, transliterated."""
    return slugify(DATE_PREFIX.sub("", path.stem))


def _date_example(source: str) -> tuple[str, str]:
    """A `date` to give as the example for file `source`, and words saying where it comes from:
    the day its name starts with (files are named YYYY-MM-DD-slug.md), so the line can be
    copied as it is; a made-up one when the name holds no day."""
    found = DATE_PREFIX.match(Path(source).name)
    if found is not None:
        try:
            day = dt.date(*map(int, found.groups()))
        except ValueError:
            pass
        else:
            return (
                f"{day.isoformat()} 08:00",
                " (ngày trong tên tệp; sửa giờ cho đúng giờ đăng)",
            )
    return "2020-12-08 08:00", ""


YES_NO = {
    **dict.fromkeys(("co", "dung", "phai", "roi", "x", "ok", "bat", "mo"), "true"),
    **dict.fromkeys(("khong", "chua", "sai", "tat", "dong"), "false"),
}
"""A yes or no in Vietnamese (folded), as an editor answers a true/false field."""


def datetime(
    col: Collector, data: dict[str, Any], key: str, config: Config, *, required: bool
) -> dt.datetime | None:
    """A date/time field in the site timezone unless it carries an offset."""
    if key not in data or data[key] in (None, ""):
        example, named = _date_example(col.source)
        if required and key in data:  # written, but empty: told at its own line
            col.empty(key, f"Ghi ngày giờ sau '{key}:', ví dụ '{key}: {example}'{named}.")
        elif required:
            missing(col, data, key, f"Thêm '{key}: {example}'{named}.")
        return None
    value = data[key]
    moment = read_moment(value, config.tz)
    if isinstance(moment, Unread):
        if (typed := typed_number(value, lambda: col.parsed, key)) is not None:
            # Still refused (a number is no date), but quoted and fixed as typed.
            moment = Unread(f"không đọc được ngày giờ {quoted(typed)}", unread_hint(typed))
        col.add(moment.message, field=key, hint=moment.hint)
        return None
    return moment


PIN_HINT = (
    "Ghim tới một lúc thì ghi lúc hết ghim, ví dụ 'pinned: 2026-12-15 17:00'; ghim tới khi bài "
    "không còn đăng thì ghi 'pinned: true'; không ghim thì xóa dòng này."
)


def pinned(col: Collector, data: dict[str, Any], config: Config) -> tuple[bool, dt.datetime | None]:
    """`pinned`: (pinned, when the pin ends): true (no end of its own), false, or the moment
    the pin ends, written as `date` is. A wrong value is an error and pins nothing."""
    value = data.get("pinned")
    if value is None or value == "" or value is False:
        return False, None
    if value is True:
        return True, None
    if isinstance(value, str) and (meant := _said_yes_no(value)) is not None:
        col.add(
            f"cần true hoặc một ngày giờ hết ghim, nhận được {kind(value)}",
            field="pinned",
            hint=f"«{value.strip()}» viết là 'pinned: {meant}' (tiếng Anh, không có ngoặc kép). "
            + PIN_HINT,
        )
        return False, None
    if not isinstance(value, str | dt.date):
        typed = typed_number(value, lambda: col.parsed, "pinned")
        fix = date_fix(typed) if typed is not None else None
        col.add(
            "cần true hoặc một ngày giờ hết ghim, nhận được "
            + (f"một số ({typed})" if typed is not None else kind(value)),
            field="pinned",
            hint=f"{fix.said} {PIN_HINT}" if fix else PIN_HINT,
        )
        return False, None
    moment = read_moment(value, config.tz)
    if isinstance(moment, Unread):
        col.add(moment.message, field="pinned", hint=f"{moment.hint} {PIN_HINT}")
        return False, None
    return True, moment


def _said_yes_no(value: str) -> str | None:
    """The true or false a text answers (`có`, `không`, a quoted "true"), else None."""
    folded = folded_words(value)
    return folded if folded in ("true", "false") else YES_NO.get(folded)


@dataclass(frozen=True, slots=True)
class Unread:
    """Why a written date names no moment, and how to write one."""

    message: str
    hint: str


def typed_number(value: Any, front: Callable[[], Parsed | None], field: str) -> str | None:
    """The digits typed for a date `field` (`date`, `pinned`, `radio.air_date`) that YAML read
    as a number («01122026» as the octal number 304150, which the editor never wrote), from
    the front matter `front` gives (asked only then); else None."""
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    parsed = front()
    return parsed.plain(field) if parsed is not None else None


def read_moment(value: Any, tz: dt.tzinfo) -> dt.datetime | Unread:
    """The moment a `date` field (or `publish new --date`) names, on the site's clock, or why it
    names none: unreadable, or a year outside YEARS. A day without a time is that day's 00:00."""
    parsed = parse_datetime(value, tz)
    if parsed is None:
        return Unread(f"không đọc được ngày giờ {quoted(value)}", unread_hint(value))
    if (year_problem := unlikely_year(parsed)) is not None:
        return Unread(year_problem, f"Kiểm tra lại năm. {DATE_HINT}")
    # The same instant, on the site's clock: its address (/2026/11/…), date line, archive month
    # and feed follow the day readers live in, not the day in the offset it was written with.
    return parsed.astimezone(tz)


_UNREAD_HINTS = (
    (
        re.compile(r"\b(?:nay|qua|mai|mốt|tới|sau|này|bây giờ|hiện tại|vừa rồi)\b", re.IGNORECASE),
        "«Hôm nay», «sáng nay», «hôm qua», «ngày mai» không cho biết là ngày nào: ghi ngày cụ thể "
        "bằng số, ví dụ 30/11/2026 08h00 (publish new ghi sẵn ngày giờ lúc tạo tệp).",
    ),
    (
        re.compile(r"\b(?:sáng|trưa|chiều|tối|đêm)\b", re.IGNORECASE),
        "Ghi giờ theo cách đếm 24 giờ, bỏ chữ sáng, chiều, tối: 8 giờ tối là 20h00, 2 giờ chiều "
        "là 14h00.",
    ),
    (
        re.compile(
            r"(?:\d\s*(?:h\d*\s*)?|\b)(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\d\s*(?:h\d*\s*)?(?:sa|ch)(?!\w)",
            re.IGNORECASE,
        ),
        "Ghi giờ theo cách đếm 24 giờ, bỏ chữ AM, PM (SA, CH): 8:00 PM là 20h00, 8am là 08h00.",
    ),
    (
        re.compile(r"\btháng\b", re.IGNORECASE),
        "Viết ngày bằng số: «ngày 8 tháng 12 năm 2020» là 08/12/2020.",
    ),
    (
        re.compile(r"\bthứ\b|\bchủ nhật\b", re.IGNORECASE),
        "Bỏ thứ trong tuần (Thứ Bảy, Chủ nhật): chỉ ghi ngày, tháng, năm.",
    ),
    (
        re.compile(r"^\s*\d{1,2}[/.]\d{1,2}(?![/.\-\d])"),
        "Ghi cả năm sau ngày và tháng (công cụ không đoán năm): 01/12/2026, không phải 01/12.",
    ),
    (
        re.compile(r"\d\s*[:h]\s*\d{2}\s*giờ\b", re.IGNORECASE),
        "Bỏ chữ «giờ» sau giờ đã ghi bằng dấu hai chấm hay chữ h: 8:30, 8h30 hay 8 giờ 30.",
    ),
)
"""What an unread date was written with that a fix can name (NFC, as the front matter is read),
and how to write it instead: «sáng nay», «8 giờ tối», «8am», «8:00 SA», «ngày 8 tháng 12»,
«Thứ Bảy, 05/12/2026», «GMT+7», «01/12 8h30» (no year), «8:30 giờ»."""


_ZONE_WRITTEN = re.compile(
    r"\(?\s*(?:giờ\s+(?:Việt\s+Nam|VN|Hà\s+Nội)"
    r"|\b(?:GMT|UTC|ICT)\b(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
    r"|\b[A-Za-z]+/[A-Za-z_]+)\s*\)?"
    r"|(?<=\d[:h]\d\d)\s*[+-]\d{1,2}\s*$",
    re.IGNORECASE,
)
"""A time zone written after a date the way people write it, not as an offset the tool reads:
«GMT+7», «UTC+7», «ICT», «(giờ Hà Nội)», «Asia/Ho_Chi_Minh», «8h00 +7»."""


def unread_hint(value: Any) -> str:
    """How to write a date this tool reads, starting with what `value` wrote that it does not."""
    text = nfc(value) if isinstance(value, str) else ""
    said = [fix for pattern, fix in _UNREAD_HINTS if pattern.search(text)]
    if (zone := _ZONE_WRITTEN.search(text)) is not None:
        # Named as written: «bỏ «GMT+7»» said of «UTC+7» or «ICT» sent the editor looking for
        # text that is not in the file.
        if "giờ" in zone[0].casefold():  # «7h00 giờ VN»: its «giờ» is the zone's
            said = [fix for fix in said if not fix.startswith("Bỏ chữ «giờ»")]
        said.append(
            f"Giờ không ghi múi giờ là giờ Việt Nam: bỏ «{zone[0].strip()}». Giờ của múi khác "
            "thì ghi kiểu 2020-12-08 08:00+07:00."
        )
    spelled = _SPELLED_DATE.search(text)
    # «ngày 31 tháng 2 năm 2026» is no day: not shown back as «31/02/2026».
    if spelled is not None and reads(numbers := "{:0>2}/{:0>2}/{}".format(*spelled.groups())):
        said = [
            f"Viết ngày bằng số: «{spelled[0]}» là {numbers}."
            if fix.startswith("Viết ngày bằng số")
            else fix
            for fix in said
        ]
    if (counted := _counted_24(text)) is not None:
        said = [
            f"{fix} Giá trị này viết lại là: {counted}."
            if fix.startswith("Ghi giờ theo cách đếm 24 giờ, bỏ chữ s")
            else fix
            for fix in said
        ]
    # First the value corrected, or the rule it breaks: a day not in the calendar (31/11), a
    # two-digit year (8/12/26), no separators (01122026).
    fixed = date_fix(text)
    return " ".join([*([fixed.said] if fixed else []), *said, DATE_HINT])


_PART_OF_DAY = re.compile(
    r"(?<!\d)(?P<h>\d{1,2})\s*(?:giờ|h|g|:)?\s*(?P<m>\d{2})?\s*(?:phút\s*)?"
    r"(?P<part>sáng|trưa|chiều|tối)\b",
    re.IGNORECASE,
)
"""A time told with its part of the day («8 giờ sáng», «2h30 chiều»)."""


def _counted_24(text: str) -> str | None:
    """`text` with its time told as «8 giờ tối» written as the tool reads it («20:00»), when
    the result is a date it reads; else None. «đêm» is left alone: «2 giờ đêm» is 02:00 and
    «11 giờ đêm» 23:00, which the words alone do not settle for every hour; so is 12 but at
    «trưa» (noon): «12 giờ tối», «12 giờ sáng» may be midnight or noon."""
    found = _PART_OF_DAY.search(text)
    if found is None:
        return None
    hour, minute = int(found["h"]), int(found["m"] or 0)
    part = found["part"].lower()
    if hour > 12 or minute > 59 or (hour == 12 and part != "trưa"):
        return None
    if (part in ("chiều", "tối") and hour < 12) or (part == "trưa" and hour < 6):
        hour += 12
    written = " ".join(
        f"{text[: found.start()]} {hour:02}:{minute:02} {text[found.end() :]}".split()
    )
    return written if reads(written) else None


_SPELLED_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
"""A date in words with its year, «ngày 15 tháng 11 năm 2026»: shown back in numbers."""


_AFTER_DATE = {
    "expires": "Sửa expires thành một thời điểm sau date, hoặc xóa dòng expires.",
    "pinned": "Sửa pinned thành một thời điểm sau date, ghi 'pinned: true' để ghim tới khi bài "
    "không còn đăng, hoặc xóa dòng pinned.",
}
"""How to fix each key that must come after the bulletin's `date`."""


def after_date_hint(key: str, date: dt.datetime, moment: dt.datetime, written: Any) -> str:
    """How to fix `key` (expires, pinned) read as `moment`, not after the bulletin's `date`: the
    two moments as the tool reads them, a day written without a time told it is that day's
    00:00 (the editor may have meant the end of the day: said, not assumed), and the remedy."""
    told = f"Ngày đăng (date) là {when(date)}, {key} được hiểu là {when(moment)}."
    end = moment.replace(hour=23, minute=59)
    # A date at 23:59:30 has no end of its day to offer that comes after it.
    if not timed(written) and moment.date() == date.date() and end > date:
        told += (
            " Chỉ ghi ngày (không ghi giờ) thì được hiểu là 00:00 đầu ngày; muốn tới hết ngày đó "
            f"thì ghi {key}: {when(end)}."
        )
    return f"{told} {_AFTER_DATE[key]}"


def timed(value: Any) -> bool:
    """Whether a date field as written gives a time of day («2026-12-05 00:00»), not a day
    alone («2026-12-05», read as a date by YAML, or «5/12/2026»): both are read as a moment,
    00:00 for a day alone, which only this tells apart."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return False
    return not (isinstance(value, str) and day_only(value))


def day_only(text: str) -> bool:
    """Whether a date as written names a day and no time of day ("2026-12-01", "1/12/2026")."""
    text = text.strip()
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        found = WRITTEN_DATE_RE.fullmatch(text)
        return found is not None and not (found["h1"] or found["h2"])
    return True


def category(col: Collector, data: dict[str, Any], config: Config, raw: bytes | None = None) -> str:
    """The category key, which must be declared in site.toml. `raw`: the file's bytes, which
    tell whether an approved bulletin was edited since (then its category may be a typo)."""
    value = data.get("category")
    if value is None and "categories" in data:
        col.add(
            "chuyên mục ghi ở trường 'category' (một chuyên mục), không phải 'categories'",
            field="categories",
            hint=_category_list_hint(data["categories"], "categories", config),
        )
        return ""
    if "categories" in data:
        # Left beside 'category' by a migration: its other entries would be lost unsaid.
        col.add(
            "không được công cụ này đọc: chuyên mục của bản tin là trường 'category'",
            field="categories",
            hint="Xóa dòng 'categories:' (cả các dòng '- ...' dưới nó); các ý trong đó muốn "
            "giữ thì ghi vào tags.",
            severity="warning",
        )
    if isinstance(value, list):
        col.add(
            "chuyên mục là một khóa, không phải một danh sách",
            field="category",
            hint=_category_list_hint(value, "category", config),
        )
        return ""
    if value is None or (isinstance(value, str) and not value.strip()):
        choose = f"Chọn một trong: {', '.join(config.categories)}."
        if "category" in data:  # «category:» with nothing after it: told at its line
            col.empty("category", choose)
        else:
            missing(col, data, "category", choose)
        return ""
    key = category_key(value, config) if isinstance(value, str) else None
    if key is None and isinstance(value, str) and "," in value:
        parts = [part.strip() for part in value.split(",")]
        named = {k for part in parts if (k := category_key(part, config))}
        if len(named) > 1:
            col.add(
                f"mỗi bản tin thuộc một chuyên mục: dòng này ghi {len(named)} chuyên mục",
                field="category",
                hint=_category_list_hint(parts, "category", config),
            )
            return ""
    if key is None:
        hint = category_hint(str(value), config)
        # `publish approve` refuses a bulletin with errors: one carrying its fingerprint named
        # a category then. A name typed by hand (approved_by alone) tells nothing of the kind,
        # unless state/ records the bytes published on it.
        approved = data.get("approved_version")
        if (
            isinstance(approved, str) and approved.strip() and not _edited_since(approved, raw)
        ) or (not approved and _published_on_a_name(col, data, config, raw)):
            hint = renamed_category_hint(str(value), config)
        col.add(unknown_category(str(value), config), field="category", hint=hint)
        return ""
    return key


def _published_on_a_name(
    col: Collector, data: dict[str, Any], config: Config, raw: bytes | None
) -> bool:
    """Whether the bulletin, approved by a name alone (no `approved_version`: given before
    `publish approve` existed), was published on it with the bytes it has now (state/ records
    them): its category named one then too, and an edit would withdraw it as an approved
    bulletin's would (publish.name_only_record)."""
    by = data.get("approved_by")
    if raw is None or not isinstance(by, str) or not by.strip():
        return False
    # The bulletin's key alone, as the gate (name_only_record.judge) takes it: its id, its slug
    # and the file name's slug all at once matched another bulletin's key in a record of keys
    # alone (published.json from before fingerprints). Told in a scratch collector: the file's
    # own problems with them are told where they are read.
    scratch = Collector(col.source, [])
    key = identifier(scratch, data, slug(scratch, data, Path(col.source)))
    return name_only_record.published_as_is(config, raw, {key} if key else set())


def _edited_since(approved: str, raw: bytes | None) -> bool:
    """Whether the file's bytes are no longer those `approved` (an approval bound to them) was
    given for: its category was typed since, and a typo is likelier than a renamed category
    (an editor who mistyped one in an approved bulletin was told to add the typo to site.toml)."""
    part = approval.file_part(approved)
    return bool(part) and raw is not None and approval.file_digest(raw, part) != part


def _category_list_hint(value: Any, key: str, config: Config) -> str:
    """How to write Hugo's `categories: [..]` (or a list under `category`) as one category."""
    entries = value if isinstance(value, list) else [value]
    named = [k for e in entries if isinstance(e, str) and (k := category_key(e, config))]
    line = f"'{key}: ...'" if key == "category" else "'categories:' (cả các dòng '- ...' dưới nó)"
    if len(set(named)) == 1:
        return f"Thay dòng {line} bằng: category: {as_typed(named[0])}"
    if named:
        return (
            f"Mỗi bản tin thuộc một chuyên mục: chọn một trong {', '.join(dict.fromkeys(named))} "
            f"và thay dòng {line} bằng 'category: <khóa>'; các ý còn lại ghi vào tags."
        )
    return (
        f"Thay dòng {line} bằng 'category: <khóa>'. Các chuyên mục trong site.toml: "
        f"{', '.join(config.categories)}."
    )


def category_key(value: str, config: Config) -> str | None:
    """The category a value names: its key, an old key of it, or its label however cased or
    accented (one match)."""
    if value in config.categories:
        return value
    renamed = [k for k, c in config.categories.items() if value in c.aliases]
    if renamed:
        return renamed[0]
    # A label written as it is in site.toml first: labels are unique that way (NFC, any case),
    # not once slugged ("Cảnh báo" and "Canh bao" are two labels but one slug).
    same = label_form(value)
    written = [k for k, c in config.categories.items() if label_form(c.label) == same]
    if len(written) == 1:
        return written[0]
    was = [k for k, c in config.categories.items() if same in map(label_form, c.old_labels)]
    if len(was) == 1:
        return was[0]
    found = _slug_matches(value, config)
    return found[0] if len(found) == 1 else None


def _slug_matches(value: str, config: Config) -> list[str]:
    """The categories whose key or label slugs to the same as value."""
    wanted = slugify(value)
    return [
        key
        for key, category in config.categories.items()
        if wanted and wanted in (slugify(key), slugify(category.label))
    ]


def unknown_category(value: str, config: Config) -> str:
    """Why a value names no category: none matches, or several match once accents are dropped."""
    if len(_slug_matches(value, config)) > 1:
        return f"tên chuyên mục chưa rõ: {quoted(value)} khớp với nhiều chuyên mục"
    return f"chuyên mục không tồn tại: {quoted(value)}"


def _close_keys(value: str, config: Config) -> list[str]:
    """The keys a value that names no category may mean: a key it starts, a label it is part
    of in whole words («Tình hình an ninh», «hành chính»), else the key closest in spelling."""
    keys = list(config.categories)
    wanted = slugify(value)
    close = [k for k in keys if wanted and k.startswith(wanted)]
    close = close or [
        k
        for k, c in config.categories.items()
        if wanted and f"-{wanted}-" in f"-{slugify(c.label, max_length=0)}-"
    ]
    return close or difflib.get_close_matches(wanted or value, keys, n=1)


def category_hint(value: str, config: Config) -> str:
    """How to fix an unknown category: the closest key (also for a shortened one), then all keys."""
    several = _slug_matches(value, config)
    if len(several) > 1:
        named = "; ".join(f"{k} ({config.categories[k].label})" for k in several)
        return (
            f"Bỏ dấu đi thì {quoted(value)} giống nhiều chuyên mục: {named}. Ghi khóa chuyên mục "
            "(phần trước dấu ngoặc), hoặc ghi tên đúng dấu như trong site.toml."
        )
    keys = list(config.categories)
    wanted = slugify(value)
    close = _close_keys(value, config)
    meant = f"Có phải ý bạn là {quoted(close[0])}? " if len(close) == 1 else ""
    listed = meant + f"Các chuyên mục trong site.toml: {', '.join(keys)}."
    if meant or not any(c.isalnum() for c in value):
        return listed
    # Not a typo of one: the unit may mean a category of its own, which site.toml alone adds.
    label = value.strip() if value.strip() != wanted else "Tên chuyên mục"
    return (
        f"{listed} Muốn thêm chuyên mục mới: thêm vào site.toml bảng [categories.{wanted}] với "
        f'dòng label = "{label}" (xem các bảng [categories.…] có sẵn).'
    )


def renamed_category_hint(value: str, config: Config) -> str:
    """How to fix the category of an approved bulletin: it named one when approved, so site.toml
    renamed, merged or removed it since; editing the bulletin would withdraw it until approved
    again, so the old key or label goes into site.toml instead."""
    several = _slug_matches(value, config)
    close = several if len(several) == 1 else _close_keys(value, config)
    table = f", ví dụ [categories.{close[0]}]" if len(close) == 1 else ""
    written = toml_string(value) or quoted(value)
    line = (
        f"aliases = [{written}] (khóa cũ)"
        if SLUG_RE.fullmatch(value)
        else f"old_labels = [{written}] (nhãn cũ)"
    )
    return (
        f"Bản tin đã được duyệt với chuyên mục này: nếu site.toml vừa đổi hay gộp chuyên mục, "
        f"thêm dòng {line} vào bảng của chuyên mục thay nó{table}; đừng sửa bản tin (sửa bản "
        "tin đã duyệt là rút bài cho tới khi được duyệt lại). Các chuyên mục trong site.toml: "
        f"{', '.join(config.categories)}."
    )


def slug(col: Collector, data: dict[str, Any], path: Path) -> str:
    """The slug from front matter (checked) or from the file name (transliterated)."""
    value = data.get("slug")
    if value is None:
        return _not_reserved(col, file_slug(path), "slug", "tên tệp")
    if not isinstance(value, str) or not SLUG_RE.fullmatch(value) or len(value) > 120:
        suggestion = slugify(str(value))
        if not isinstance(value, str):
            told = f"địa chỉ bài (slug) phải là chuỗi ký tự, nhận được {kind(value)}"
        elif SLUG_RE.fullmatch(value):
            told = f"địa chỉ bài (slug) dài {len(value)} ký tự, tối đa 120 ký tự"
        else:
            told = (
                f"địa chỉ bài (slug) {quoted(value)} chỉ được gồm chữ thường a-z, số 0-9 và dấu "
                "gạch ngang"
            )
        col.add(
            told,
            field="slug",
            # YAML reads `slug: 123` as a number (and `0123` as another one): quote it.
            hint=f"Ví dụ: slug: {yaml_quoted(suggestion)}"
            if not isinstance(value, str)
            else _slug_hint(value, path),
        )
        return ""
    return _not_reserved(col, value, "slug", "địa chỉ bài (slug)")


_PAGE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?|md)$", re.IGNORECASE)
"""The suffix of an old page's address or a file's path pasted as a slug («canh-bao.html»,
«C:\\bai\\canh-bao.md»)."""


def _usable(name: str) -> bool:
    """Whether `name` (made by slugify, so short), offered as a slug or id, is one the tool
    takes (see slug, identifier)."""
    return bool(SLUG_RE.fullmatch(name)) and name not in WINDOWS_RESERVED


def _loadable(name: str) -> str:
    """`name` as a slug or id the tool takes: «con» (a name Windows keeps, refused by
    _not_reserved) as «con-1», what the refusal itself suggests."""
    return f"{name}-1" if name in WINDOWS_RESERVED else name


def _slug_hint(value: str, path: Path) -> str:
    """How to fix a slug that is not one, from the editor's own value: its words made a slug;
    for an address or path pasted in («../x», «/2026/12/canh-bao/») its last part, or the file
    name's slug that deleting the line gives; for one without letters or digits, that."""
    own = _loadable(file_slug(path))  # a file named «…-con.md» gives «con», refused next
    if not any(c.isalnum() for c in value):
        return f"Xóa dòng này (địa chỉ bài lấy theo tên tệp: {own}), hoặc sửa thành: slug: {own}"
    if "/" not in value and "\\" not in value:
        meant = slugify(value)
        return f"Ví dụ: slug: {as_typed(meant if _usable(meant) else own)}"
    # An address pasted whole: its path, not its host («https://a.vn/» is no slug «a-vn»).
    address = urlsplit(value).path if "://" in value else value
    parts = [p for p in re.split(r"[/\\]", address) if any(c.isalnum() for c in p)]
    last = slugify(_PAGE_SUFFIX.sub("", parts[-1])) if parts else own
    told = (
        "Slug chỉ là phần cuối của địa chỉ bài, không có dấu '/': xóa dòng này (địa chỉ lấy "
        f"theo tên tệp: {own})"
    )
    if last == own or not _usable(last):
        return f"{told}, hoặc sửa thành: slug: {own}"
    return f"{told}, hoặc chỉ giữ phần cuối, sửa thành: slug: {as_typed(last)}"


def new_identifier(slug: str, suffix: str) -> str:
    """The `id` written into a new bulletin file: its slug, cut to 60 characters, and `suffix`
    (6 hex digits, so that two bulletins with one slug still differ)."""
    return f"{slug[:60].rstrip('-')}-{suffix}"


def identifier(col: Collector, data: dict[str, Any], slug: str) -> str:
    """The stable key: `id` when given (a-z, 0-9, -), else the slug."""
    value = data.get("id")
    if value is None:
        return slug
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not SLUG_RE.fullmatch(text) or len(text) > 120:
        meant = slugify(text) if isinstance(text, str) and any(c.isalnum() for c in text) else ""
        meant = _loadable(meant)  # «CON»: «con» is refused next (see _not_reserved)
        col.add(
            f"id {quoted(value)} chỉ được gồm chữ thường a-z, số 0-9 và dấu gạch ngang",
            field="id",
            hint=f"Sửa thành: id: {as_typed(meant)}. Đừng đổi id sau khi đã đăng."
            if meant
            else "Ví dụ: id: ct-2020-12-zalo-oa. Đừng đổi id sau khi đã đăng.",
        )
        return slug
    return _not_reserved(col, text, "id", "id")


def _not_reserved(col: Collector, value: str, field: str, what: str) -> str:
    """Refuse names Windows cannot store as files (CON, NUL, COM1…): they break the radio share."""
    if value.split(".")[0] in WINDOWS_RESERVED:
        col.add(
            f"{what} {quoted(value)} là tên Windows dành riêng, không lưu được thành tệp trên máy Windows",
            field=field if field in (col.parsed.data if col.parsed else {}) else None,
            hint=f"Đặt {'địa chỉ bài' if field == 'slug' else field} khác, ví dụ: {field}: "
            f"{value}-1",
        )
        return ""
    return value


def secret(
    col: Collector, data: dict[str, Any], parsed: Parsed, config: Config, *, kind: str = "bản tin"
) -> None:
    """A secret classification or stamp is an error: the build and every sync stop, nothing written.

    `kind`: what the file is, as messages name it ("bản tin", "trang").
    """
    value = data.get("classification")
    if isinstance(value, str) and secret_classification(value, config.policy):
        col.add(
            f"tài liệu mật (classification: {value.strip()}): không bao giờ được xuất bản",
            field="classification",
            hint=SECRET_HINT,
        )
        return
    if value is not None and not isinstance(value, list | dict):
        shown = value.strip() if isinstance(value, str) else str(value)
        if not public_classification(shown):
            # Fail closed: a grade the tool does not know ("nội bộ", "2") may be one that must not
            # be published; the gate holds the bulletin back until a person says it is public.
            col.add(
                f"không hiểu mức phân loại {quoted(shown)}: {kind} bị giữ lại, không đăng ở kênh nào",
                field="classification",
                hint="Bài được đăng: xóa dòng classification, để trống, hoặc ghi "
                f"{' / '.join(quoted(c) for c in PUBLIC_CLASSIFICATIONS[:2])}. Tài liệu mật ("
                f"{', '.join(config.policy.secret_classifications)}) không được nằm trong dự án; "
                "mức khác cần giữ kín thì thêm vào [policy] secret_classifications trong site.toml.",
                severity="warning",
            )
    headline = field_stamp(data, config.policy)
    if headline is not None:
        name, stamp = headline
        col.add(
            f"văn bản mang dấu mật «{stamp}»: không bao giờ được xuất bản",
            line=parsed.line_of(name),
            field=None if name == "title" else name,
            hint=SECRET_HINT,
        )
        return
    tag = tag_stamp(data.get("tags"), config.policy)
    if tag is not None:
        col.add(
            f"thẻ {quoted(tag)} là dấu mật: không bao giờ được xuất bản",
            line=parsed.line_of("tags"),
            field="tags",
            hint=SECRET_HINT,
        )
        return
    if _note_stamp(col, data, parsed, config):
        return
    found = secret_stamp(parsed.body, config.policy)
    if found is not None:
        col.add(
            f"văn bản mang dấu mật «{found[1]}»: không bao giờ được xuất bản",
            line=parsed.body_line + found[0],
            hint=SECRET_HINT,
        )


def _note_stamp(col: Collector, data: dict[str, Any], parsed: Parsed, config: Config) -> bool:
    """Whether a correction's note carries a secret stamp (an error told at the note's line):
    a note goes out on every channel, as the summary does."""
    items = data.get("corrections")
    if not isinstance(items, list):
        return False
    lines = parsed.item_key_lines("corrections")
    for number, item in enumerate(items, start=1):
        note = item.get("note") if isinstance(item, dict) else None
        stamp = note_stamp(note, config.policy) if isinstance(note, str) else None
        if stamp is None:
            continue
        at = lines[number - 1] if len(lines) == len(items) else {}
        col.add(
            f"văn bản mang dấu mật «{stamp}»: không bao giờ được xuất bản",
            line=at.get("note", at.get("", parsed.line_of("corrections"))),
            field=f"corrections.{number}.note",
            hint=SECRET_HINT,
        )
        return True
    return False


GATE_KEYS = frozenset({"draft", "expires", "classification"})
"""Fields whose presence keeps a bulletin back: a misspelling would publish it, so it is an
error. (A misspelt `approved_by` or `date` leaves the bulletin unapproved or invalid: held.)"""
GATE_ALIASES = {
    "nhap": "draft",
    "ban nhap": "draft",
    "het han": "expires",
    "phan loai": "classification",
    "do mat": "classification",
    "mat": "classification",
    "nguoi duyet": "approved_by",
    "duyet": "approved_by",
    "dinh chinh": "corrections",
    "cai chinh": "corrections",
}
"""Vietnamese names an editor may give those fields, and a few others (folded, '_' and '-' as
spaces)."""
_MAYBE_NOT_EXPIRES = ("han", "thoi han", "thoi han dang", "ngay ket thuc")
"""Vietnamese names read as `expires` that may mean something else (the deadline a notice
announces, the end of a campaign): still an error, as a bulletin left up past the time meant
is the worse mistake, but the hint says how to keep such a field for the templates."""
VIETNAMESE_FIELDS = {
    **dict.fromkeys(
        ("tieu de", "tieu de bai", "tieu de bai viet", "ten bai", "ten bai viet"), "title"
    ),
    **dict.fromkeys(("ngay", "ngay gio", "thoi gian", "ngay viet", "ngay thang"), "date"),
    **dict.fromkeys(("chuyen muc", "danh muc", "loai tin"), "category"),
    **dict.fromkeys(("tom tat", "mo ta", "sapo", "sa po", "trich yeu"), "summary"),
    **dict.fromkeys(("the", "tu khoa", "nhan"), "tags"),
    **dict.fromkeys(("tac gia", "nguoi viet", "but danh"), "author"),
    **dict.fromkeys(("anh bia", "anh dai dien", "anh"), "cover"),
    **dict.fromkeys(
        ("mo ta anh", "mo ta anh bia", "chu thich anh", "chu thich anh bia"), "cover_alt"
    ),
    **dict.fromkeys(("kenh", "kenh dang"), "channels"),
    **dict.fromkeys(("duong dan", "dia chi bai"), "slug"),
    **dict.fromkeys(
        (
            *("ngay het han", "het han luc", "het han vao", "het han ngay"),
            *("han go", "han go bai", "han go luc", "go bai luc", "go luc"),
            *("ngay go", "ngay go bai", "gio go", "gio go bai", "ngay ha bai", "ha bai luc"),
            *("go bai", "ha bai", "han dang", "han dang bai", "dang den", "dang den ngay"),
            *("het hieu luc", "ngay het hieu luc", "het hieu luc tu", "het hieu luc ngay"),
            *_MAYBE_NOT_EXPIRES,
        ),
        "expires",
    ),
    **dict.fromkeys(("ma bai", "ma ban tin"), "id"),
    # A page's only: a bulletin has no `updated` (its corrections say when), so never meant there.
    **dict.fromkeys(("ngay cap nhat", "cap nhat", "cap nhat ngay", "cap nhat luc"), "updated"),
    **dict.fromkeys(("ghim", "ghim bai", "ghim len dau", "ghim dau trang", "tin ghim"), "pinned"),
    **dict.fromkeys(("ngon ngu", "ngon ngu bai", "ngon ngu bai viet"), "lang"),
}
"""The other fields' Vietnamese names (folded, '_' and '-' as spaces): `tác_giả: "Minh Anh"`
went to `extra` without a word, and the author never showed."""


REQUIRED = frozenset({"title", "date", "category", "summary"})
"""The fields every bulletin must have."""


def written_as(data: dict[str, Any], key: str) -> str | None:
    """The key of `data` that is field `key` under a Vietnamese name (`tóm_tắt` for `summary`)
    or typed with a Vietnamese keyboard on (`summảy`), if any: a required field told missing
    is then told where it was written."""
    for other in data:
        spelt = folded_words(str(other))
        if (GATE_ALIASES.get(spelt) or VIETNAMESE_FIELDS.get(spelt)) == key:
            return str(other)
    for other in data:
        if keyboard_typed(str(other), (key,)) == key:
            return str(other)
    return None


def keyboard_typed(key: str, known: Collection[str]) -> str | None:
    """The field of `known` that `key` is when typed with Telex or VNI left on, which turns
    the letters after a vowel into its marks (`tags` → `tág`, `summary` → `summảy`,
    `author` → `authỏ`), or None: the marks keep the key too far from the field for a
    misspelling, so without this the value was dropped without a word."""
    if key.isascii():
        return None
    bare = folded_words(key).replace(" ", "_")
    if not bare or bare == key:
        return None
    close = difflib.get_close_matches(bare, sorted(known), n=1, cutoff=0.8)
    return close[0] if close else None


_KEYBOARD_HINT = (
    " Tên trường gõ bằng chữ không dấu: tắt bộ gõ tiếng Việt (Unikey, EVKey: chuyển sang E) "
    "khi gõ tên trường; giá trị sau dấu ':' vẫn gõ có dấu."
)


def missing(col: Collector, data: dict[str, Any], key: str, hint: str) -> None:
    """A required `key` that is not in `data`: told at the line of its Vietnamese name when it
    was written under one, or typed with a Vietnamese keyboard on (adding a second line would
    leave the first one unread), else at the front matter's first line with `hint`."""
    other = written_as(data, key)
    if other is not None and word_spaced(other):
        message, hint = _word_spaced(other)
        line = col.parsed.line_of(other) if col.parsed is not None else 2
        col.add(f"thiếu trường bắt buộc: {message}", field=key, line=line, hint=hint)
        return
    if other is None:
        if not _continued(col, data, key):
            col.add("thiếu trường bắt buộc", field=key, line=2, hint=hint)
        return
    typed = keyboard_typed(other, (key,)) == key and not VIETNAMESE_FIELDS.get(folded_words(other))
    col.add(
        f"thiếu trường bắt buộc: dòng '{other}:' là trường này "
        + (
            "gõ khi bộ gõ tiếng Việt đang bật (chữ cái thành dấu)"
            if typed
            else "viết bằng tên tiếng Việt"
        )
        + f", công cụ chỉ đọc tên '{key}'",
        field=key,
        line=col.parsed.line_of(other) if col.parsed is not None else 2,
        hint=f"Đổi '{other}:' thành '{key}:' (viết thường, không dấu)."
        + (_KEYBOARD_HINT if typed else ""),
    )


_NAMED_AT_START = re.compile(
    r"""[ \t]*["']?(?P<name>[^\W\d][\w ]{0,30}?)[ \t]*:[ \t]+(?P<value>\S.*)$"""
)
"""A front matter line that reads as a field («Ngày: 05/12/2026»), quote or spaces before it."""


def _continued(col: Collector, data: dict[str, Any], key: str) -> bool:
    """Tell a required `key` written on a line that YAML read as the end of the field above it
    (indented, inside its quotes, or in its `>` block: «summary: "…\n  Ngày: 05/12/2026"»,
    also without the ':' «  Ngày 05/12/2026»), at that line, with the line to write; whether
    there was one. Without this, the editor saw the line and a «missing date» that made no
    sense."""
    parsed = col.parsed
    if parsed is None or not parsed.yaml_text:
        return False
    lines = parsed.yaml_text.split("\n")
    for field_name, value in data.items():
        if field_name == key or not isinstance(value, str):
            continue
        start = parsed.line_of(str(field_name))
        if start is None:
            continue
        # The lines of the value: from the field's own to the next field's.
        end = min((n for k in data if (n := parsed.line_of(str(k)) or 0) > start), default=0)
        for index in range(start - 1, (end or len(lines) + 2) - 2):
            written = _named_line(lines[index], key)
            if written is None:
                continue
            if " ".join(written[1].split()) not in " ".join(value.split()):
                continue
            _tell_continued(col, key, str(field_name), start, index + 2, written, lines[start - 2])
            return True
    return False


def _named_line(line: str, key: str) -> tuple[str, str, bool] | None:
    """(name, value, whether a ':' is between them) of `line` when it is field `key` under its
    own or a Vietnamese name, else None."""
    found = _NAMED_AT_START.match(line)
    if found is not None:
        name = found["name"]
        if _names(name, key):
            return name, found["value"].rstrip().rstrip("\"'").rstrip(), True
        return None
    return _named_without_colon(line, key)


def _names(name: str, key: str) -> bool:
    """Whether `name`, written before a value, is field `key`'s own or a Vietnamese name."""
    spelt = folded_words(name)
    return name == key or (GATE_ALIASES.get(spelt) or VIETNAMESE_FIELDS.get(spelt)) == key


def _named_without_colon(line: str, key: str) -> tuple[str, str, bool] | None:
    """(name, value, False) of `line` when it is field `key` written without its ':' («Ngày
    05/12/2026» for `date`), else None. Only `date`, and only with a value that reads as a
    date: a summary's own words going on («Ngày hội toàn dân…») are no field."""
    if key != "date":
        return None
    words = line.strip().lstrip("\"'").split()
    for count in (3, 2, 1):
        name = " ".join(words[:count])
        if not _names(name, key):
            continue
        value = " ".join(words[count:]).rstrip("\"'").rstrip()
        # Only whether it reads as a date: the clock it is on is the date check's business.
        if value and parse_datetime(value, dt.UTC) is not None:
            return name, value, False
    return None


def _tell_continued(
    col: Collector,
    key: str,
    field_name: str,
    start: int,
    line: int,
    written: tuple[str, str, bool],
    head: str,
) -> None:
    """The error of `_continued`: field `key` written at `line` inside `field_name`'s value."""
    name, value, colon = written
    opening = head.split(":", 1)[1].strip()[:1] if ":" in head else ""
    if opening in ('"', "'"):
        why = "nằm trong dấu ngoặc kép của giá trị đó"
        fix = (
            f"Chuyển dấu ngoặc kép đóng của '{field_name}' lên cuối dòng trên, rồi viết dòng "
            "này sát lề trái"
        )
    elif opening in (">", "|"):
        why = f"thụt vào đầu dòng nên thuộc khối '{opening}' của giá trị đó"
        fix = "Viết dòng này sát lề trái (xóa dấu cách ở đầu dòng)"
    else:
        why = "thụt vào đầu dòng nên YAML đọc nó là phần nối tiếp của giá trị đó"
        fix = "Viết dòng này sát lề trái (xóa dấu cách ở đầu dòng)"
    if not colon:
        why += ", và sau tên trường thiếu dấu ':'"
    renamed = name != key
    col.add(
        f"thiếu trường bắt buộc: dòng «{name}{':' if colon else ''} {value}» không được đọc là "
        f"trường '{key}' mà là phần cuối của '{field_name}' (dòng {start}), vì nó {why}",
        field=key,
        line=line,
        hint=f"{fix}, thành trường riêng: {key}: {value}"
        + (f" (tên trường là '{key}', viết thường, không dấu)." if renamed else ".")
        + ("" if colon else " Giữa tên trường và giá trị phải có dấu ':' và một dấu cách."),
    )


FOREIGN_GATES = {
    **dict.fromkeys(
        (
            "publishdate",
            "publishat",
            "publishon",
            "publishedat",
            "pubdate",
            "releasedate",
            "embargo",
            "embargountil",
            "scheduled",
            "schedule",
            "hengio",
            "hengiodang",
            "ngaydang",
            "giodang",
            "lichdang",
            "ngayxuatban",
            "thoigiandang",
        ),
        "date",
    ),
    **dict.fromkeys(
        (
            *("expirydate", "expirationdate", "expireat", "expiresat", "unpublishat"),
            *("unpublishdate", "expiry", "expiration", "expiredate", "expireon", "expireson"),
            *("expirytime", "expirationtime", "unpublish", "unpublishon"),
        ),
        "expires",
    ),
    **dict.fromkeys(
        ("published", "publish", "status", "hidden", "private", "unlisted", "unpublished"),
        "draft",
    ),
}
"""Keys other site generators (Hugo's publishDate, Jekyll's published, Pelican's status) or an
editor's own words use to hold a post back, by folded name without spaces. This tool reads none
of them: ignored, `published: false` or `publishDate: <next week>` would publish at once."""
_FOREIGN_HINTS = {
    "date": "Hẹn giờ đăng thì ghi giờ đăng vào trường 'date' (ví dụ date: 2026-12-05 08:00) rồi "
    "xóa dòng này: bài chờ tới giờ đó mới được đăng.",
    "expires": "Hạn gỡ bài ghi ở trường 'expires' (ví dụ expires: 2026-12-31 23:59) rồi xóa "
    "dòng này.",
    "draft": "Muốn giữ bài lại thì thay dòng này bằng 'draft: true'; muốn đăng thì xóa dòng này.",
}
_FOREIGN_DONE_HINTS = {
    "date": "Xóa dòng này: ngày ở đây không muộn hơn trường 'date', nên bài vẫn đăng đúng ý "
    "người viết. (Hẹn giờ đăng thì ghi giờ đăng vào trường 'date'.)",
    "draft": "Xóa dòng này: bài không có 'draft: true' thì được đăng. (Muốn giữ bài lại thì "
    "thay dòng này bằng 'draft: true'.)",
}
"""Hints for a value that already means "published" (`published: true`, `status: publish`, a
publishDate no later than `date`, as every post copied from an old site has): deleting the line
is all there is to do, so it comes first."""
_SAID_PUBLISHED = frozenset(["true", "yes", "1", "publish", "published", "public", "live"])
_SAID_SHOWN = frozenset(["false", "no", "0"])
_HIDING_KEYS = frozenset(["hidden", "private", "unlisted", "unpublished"])


_COVER_HINT = (
    "Ảnh bìa ở đây là 'cover' (ảnh trong content/, ví dụ cover: images/anh.jpg) kèm 'cover_alt' "
    "mô tả ảnh; không có thì bài dùng ảnh bìa mặc định trên Zalo và khi chia sẻ."
)
_ALIASES_HINT = (
    "Địa chỉ cũ của bài (để liên kết đã chia sẻ và mã QR đã in vẫn mở được) ghi ở 'aliases', "
    'ví dụ aliases: ["/posts/ten-bai-cu/"].'
)
FOREIGN_FIELDS = {
    "description": ("summary", "Tóm tắt ở đây là 'summary' (hiện trên Zalo và thẻ chia sẻ)."),
    **dict.fromkeys(
        ("featuredimage", "image", "images", "thumbnail", "coverimage", "banner", "ogimage"),
        ("cover", _COVER_HINT),
    ),
    **dict.fromkeys(("alias", "redirectfrom"), ("aliases", _ALIASES_HINT)),
    **dict.fromkeys(
        ("lastmod", "updated", "modified", "lastmodified"),
        (
            None,
            "Công cụ này không đọc ngày sửa bài; thời điểm đăng là 'date'. Sửa một chỗ sai của "
            "bài đã đăng thì ghi vào 'corrections' (lúc sửa và đã sửa gì) để người đọc biết.",
        ),
    ),
    **dict.fromkeys(
        ("sticky", "pin"),
        (
            "pinned",
            "Ghim bài ở đầu trang chủ website ở đây là 'pinned' (true, hoặc lúc hết ghim như "
            "pinned: 2026-12-15 17:00).",
        ),
    ),
    **dict.fromkeys(
        ("language", "locale", "languagecode", "inlanguage"),
        ("lang", "Ngôn ngữ của bài ở đây là 'lang' (ví dụ lang: en cho bài tiếng Anh)."),
    ),
    "weight": (None, "Công cụ này xếp bài theo 'date', không theo 'weight'."),
    "toc": (None, "Công cụ này không tạo mục lục trong bài."),
}
"""Fields of Hugo (and WordPress exports) that mean something this tool has under another name,
or nothing: unread, they would silently drop the summary, the cover or the old addresses."""
UPDATED = "updated"
"""A page's field for the day it was last updated (content.PAGE_KEYS); no bulletin's."""
PAGE_UPDATED_HINT = (
    "Ngày trang được cập nhật ở đây là 'updated' (ví dụ 'updated: 2026-11-20'): trang hiện "
    "«Cập nhật ngày …» và sitemap dùng ngày đó."
)
PAGE_FOREIGN_FIELDS = dict.fromkeys(
    ("lastmod", "modified", "lastmodified"), (UPDATED, PAGE_UPDATED_HINT)
)
"""Other tools' names of a page's `updated` (a bulletin has none: FOREIGN_FIELDS tells them
it reads nothing), looked up before FOREIGN_FIELDS in a file that has `updated`."""


WORD_SPACES = "\u00a0\u2007\u202f"
"""No-break spaces: Word, a web page or Zalo puts them where a space was; YAML reads them as
letters of a key."""


def word_spaced(key: object) -> bool:
    """Whether `key` is a front matter key that opens with a no-break space (see WORD_SPACES);
    not the empty key, which `key[:1] in WORD_SPACES` took for one."""
    return isinstance(key, str) and key.startswith(tuple(WORD_SPACES))


def _word_spaced(key: str) -> tuple[str, str]:
    """What is wrong with a known key that no-break spaces before it («\u00a0author:», pasted
    from Word or a web page) made an unknown one, and the fix: a space to the eye, so the line
    is said plainly."""
    bare = key.lstrip(WORD_SPACES)
    return (
        f"dòng '{bare}:' bắt đầu bằng ký tự cách không ngắt (dán từ Word, trang web hay Zalo), "
        f"không phải dấu cách: công cụ đọc tên trường thành {quoted(key)}, không phải '{bare}'",
        f"Xóa hết khoảng trắng ở đầu dòng, để dòng bắt đầu bằng '{bare}:' sát lề trái; nếu dòng "
        "thuộc một khối (như radio: hay zalo:), thụt lề lại bằng phím cách (Space), hai dấu cách.",
    )


def _word_spaced_key(col: Collector, key: str, kind: str) -> None:
    """The problem of a key no-break spaces made unknown (see _word_spaced): an error for one
    that keeps the file back (GATE_KEYS), as any misspelling of one."""
    gate = key.lstrip(WORD_SPACES) in GATE_KEYS
    message, hint = _word_spaced(key)
    col.add(
        message
        + (f", nên {kind} không được đăng khi chưa sửa" if gate else ", nên giá trị bị bỏ qua"),
        field=key,
        hint=hint,
        severity="error" if gate else "warning",
    )


def unknown_keys(
    col: Collector,
    data: dict[str, Any],
    known: set[str],
    *,
    kind: str = "bản tin",
    tz: dt.tzinfo = dt.UTC,
    required: frozenset[str] = REQUIRED,
) -> None:
    """A key that looks like a misspelt known key is a warning (it would silently go to
    `extra`); an error when the key it stands for can keep the file back (GATE_KEYS).

    `kind`: what the file is, as messages name it ("bản tin", "trang"); `tz`: the site
    timezone, which dates without an offset are in; `required`: the fields the file must have
    (one written under its Vietnamese name is told once, by the error that it is missing).
    """
    for key in data:
        if key in known:
            continue
        spelt = folded_words(str(key))
        squeezed = spelt.replace(" ", "")  # "publishDate", "publish_date", "ngày đăng" alike
        if squeezed in SECRET_KEYS:
            _secret_key(col, str(key), data[key], kind)
            continue
        ours = FOREIGN_GATES.get(squeezed)
        if ours is not None and ours in known:
            col.add(
                "công cụ này không đọc trường này (có thể quen từ công cụ khác): "
                f"{kind} không được đăng khi chưa sửa, để không đăng sớm hơn ý người viết",
                field=str(key),
                hint=_FOREIGN_DONE_HINTS[ours]
                if _says_published(squeezed, data, key, tz)
                else _FOREIGN_HINTS[ours],
            )
            continue
        other = (PAGE_FOREIGN_FIELDS.get(squeezed) if UPDATED in known else None) or (
            FOREIGN_FIELDS.get(squeezed)
        )
        if other is not None and (other[0] is None or other[0] in known):
            ours, why = other
            use = (
                f" Đổi '{key}:' thành '{ours}:' (nếu đã có '{ours}' thì xóa dòng này)."
                if ours
                else ""
            )
            col.add(
                "không được công cụ này đọc (có thể quen từ công cụ khác): giá trị của nó bị bỏ qua",
                field=str(key),
                hint=why + (use or " Xóa dòng này."),
                severity="warning",
            )
            continue
        close = difflib.get_close_matches(str(key).lower(), sorted(known), n=1, cutoff=0.8)
        vietnamese = VIETNAMESE_FIELDS.get(spelt)
        typed = None if vietnamese or close else keyboard_typed(str(key), known)
        meant = GATE_ALIASES.get(spelt) or vietnamese or (close[0] if close else None) or typed
        bare = str(key).lstrip(WORD_SPACES)
        if word_spaced(key) and bare in known:
            if bare not in required or bare in data:
                _word_spaced_key(col, str(key), kind)
            continue  # a required one: see `missing`
        if meant is None or meant not in known:
            if isinstance(key, str) and " " in key.strip():
                _spaced_key(col, key, _value_above(col, key))
            continue
        if (vietnamese or typed) and meant in required and meant not in data:
            continue  # see `missing`
        gate = meant in GATE_KEYS
        above = _value_above(col, str(key))
        if above is not None:
            _second_line(col, str(key), meant, above, data, kind)
            continue
        fix = f"Sửa thành '{meant}:' (viết thường, không dấu)." + (_KEYBOARD_HINT if typed else "")
        if meant in data:
            fix = f"Đã có dòng '{meant}:': xóa dòng này (giá trị cần giữ thì chép sang dòng đó)."
        if meant in APPROVAL_KEYS and kind == "bản tin":
            # A name typed into approved_by by hand binds nothing to the content read (and is
            # held unless state/ shows the bulletin published: [policy] name_only_approvals):
            # the approver's command binds it.
            col.add(
                f"không phải trường đã biết: có phải ý bạn là '{meant}'? Việc duyệt không ghi "
                "tay vào phần đầu",
                field=str(key),
                hint="Xóa dòng này. Người duyệt đọc bài rồi chạy: publish approve "
                + (f'"{col.source}"' if " " in col.source else col.source)
                + ' --by "Họ tên, chức vụ" (lệnh ghi approved_by cùng dấu nội dung đã duyệt '
                "approved_version).",
                severity="warning",
            )
            continue
        col.add(
            f"không phải trường đã biết: có phải ý bạn là '{meant}'?"
            + (f" {kind.capitalize()} không được đăng khi chưa sửa." if gate else "")
            + (" Giá trị của nó đang bị bỏ qua." if (vietnamese or typed) and not gate else ""),
            field=str(key),
            hint=fix
            + (
                ""
                if gate or typed
                else f" Nếu '{key}' là trường riêng cho giao diện, đặt một tên khác hẳn."
            )
            + (
                f" Nếu '{key}' không phải lúc gỡ bài mà là thông tin khác cho giao diện (hạn "
                "nộp hồ sơ, ngày kết thúc đợt cao điểm…), đặt cho nó một tên khác hẳn, như "
                "'han_nop_ho_so'."
                if spelt in _MAYBE_NOT_EXPIRES
                else ""
            ),
            severity="error" if gate else "warning",
        )


def _spaced_key(col: Collector, key: str, above: str | None) -> None:
    """A warning for a key with a space in it, which no field has: mostly the second line of a
    value written on two lines, read as a key because it holds a colon (`summary: Sáng nay…` /
    `Thời gian: từ 5/12…`), whose text was dropped without a word (`above`: the field whose
    value is on the line above, see _value_above)."""
    col.add(
        f"dòng '{key}: …' được đọc thành một trường tên '{key}' (tên trường không có dấu "
        "cách): chữ của dòng này không được đăng ở đâu",
        field=key,
        hint="Nếu dòng này là phần tiếp theo của giá trị ở dòng trên (tóm tắt hay tiêu đề viết "
        "trên hai dòng), nối nó vào cuối dòng trên và đặt cả giá trị trong ngoặc kép, ví dụ "
        f'{above or "summary"}: "… {key}: …". Nếu đây là trường riêng cho giao diện, đặt tên '
        f"không có dấu cách, như {folded_words(key).replace(' ', '_')}.",
        severity="warning",
    )


_WRAPPED_FIELDS = {"title": "tiêu đề", "summary": "tóm tắt"}
"""The fields an editor writes as a sentence or two, so that a second line may follow (what the
messages call them)."""
_NOT_PLAIN = tuple("\"'|>[{“‘")
"""How a value starts when YAML did not read it as plain text (quoted, a block, a list), so that
the line after it cannot be its continuation read as a key."""


def _value_above(col: Collector, key: str) -> str | None:
    """The key (`summary`, `title`, or one of their Vietnamese names) whose unquoted value is
    on the line right above `key`'s, when `key` opens its line and is written as words of a
    sentence are (a space in it, or a capital opening a Vietnamese word: «Thời gian», «Ngày»):
    `key: …` is then most likely the second line of that value, read as a key because it holds
    a colon; else None."""
    if "_" in key or not (" " in key.strip() or (not key.isascii() and key[:1].isupper())):
        return None  # written as a key: `darft`, `tác_giả`, `ngày` (a line of text has none)
    found = _key_row(col, key)
    if found is None or found[1] < 1:
        return None
    rows, at = found
    row, above = rows[at], rows[at - 1]
    if row.partition(":")[0] != key or above[:1].isspace():
        return None
    name = above.partition(":")[0].strip()
    value = value_typed(above)
    wrapped = name if name in _WRAPPED_FIELDS else VIETNAMESE_FIELDS.get(folded_words(name))
    if wrapped not in _WRAPPED_FIELDS or not value or value.startswith(_NOT_PLAIN):
        return None
    return name


def _second_line(
    col: Collector, key: str, meant: str, above: str, data: dict[str, Any], kind: str
) -> None:
    """`key`, a field's Vietnamese or misspelt name (`meant`), right below the unquoted value of
    `above`: told as that value's second line first. «Thời gian: từ 5/12…» under a summary was
    told «Đã có dòng 'date:': xóa dòng này», and the editor deleted half the summary."""
    wrapped = above if above in _WRAPPED_FIELDS else VIETNAMESE_FIELDS[folded_words(above)]
    what = _WRAPPED_FIELDS[wrapped]
    gate = meant in GATE_KEYS
    col.add(
        f"dòng '{key}: …' ngay dưới dòng '{above}:' được đọc thành một trường riêng (giống tên "
        f"trường '{meant}'), không phải phần tiếp theo của {what}: chữ của nó không được đăng ở "
        "đâu" + (f". {kind.capitalize()} không được đăng khi chưa sửa" if gate else ""),
        field=key,
        hint=f"Nếu dòng này là phần tiếp theo của {what}, đừng xóa nó: nối nó vào cuối dòng "
        f"'{above}:' ở trên và đặt cả {what} trong ngoặc kép, ví dụ "
        f'{above}: "… {key}: …". '
        + (
            f"Chỉ khi dòng này là một '{meant}' thứ hai (đã có dòng '{meant}:') thì mới xóa nó."
            if meant in data
            else f"Nếu đây đúng là trường '{meant}' thì sửa thành '{meant}:' (viết thường, "
            "không dấu)."
        ),
        severity="error" if gate else "warning",
    )


SECRET_KEYS = frozenset({"secret", "baomat", "tuyetmat", "toimat", "confidential", "classified"})
"""Keys (folded, without spaces) that mark a file secret in an editor's own words or another
tool's (`secret: true`, `bảo mật: có`) instead of `classification`: unread, such a file was
published on every channel. («mật», «độ mật» are read as a misspelt `classification`:
GATE_ALIASES.)"""
_SAID_NOT_SECRET = frozenset(
    ["", "false", "no", "0", "khong", "none", "khong co", "khong phai", "khong mat"]
)
"""Values (folded) of such a key that mark nothing."""


def _secret_key(col: Collector, key: str, value: Any, kind: str) -> None:
    """A SECRET_KEYS key: an error (the file is never published, the build stops) unless its
    value says the file is not secret (`secret: false`, `mật: không`, «công khai»), then a
    warning that the line is not read."""
    said = "" if value is None or value is False else folded_words(str(value))
    if said in _SAID_NOT_SECRET or (isinstance(value, str) and public_classification(value)):
        col.add(
            "không được công cụ này đọc: giá trị của nó bị bỏ qua",
            field=key,
            hint="Mức phân loại ghi ở trường 'classification' (để trống là công khai). Xóa dòng "
            "này.",
            severity="warning",
        )
        return
    shown = quoted(str(value).strip()) if isinstance(value, str) else quoted(as_written(value))
    col.add(
        f"đánh dấu tài liệu mật ({key}: {shown}) ở trường công cụ này không đọc: {kind} mật "
        "không bao giờ được xuất bản",
        field=key,
        hint=SECRET_HINT + " Mức phân loại ghi ở trường 'classification'.",
    )


APPROVAL_KEYS = frozenset({"approved_by", "approved_version"})
"""The keys `publish approve` writes: a key meaning one of them is told to leave it to that."""


def _says_published(squeezed: str, data: dict[str, Any], key: str, tz: dt.tzinfo) -> bool:
    """Whether another tool's hold-back key `key` (folded: `squeezed`) says the post is out:
    `published: true`, `status: publish`, `hidden: false`, or a publish date no later than the
    file's own `date` (not the clock: a load is cached, its messages must not change with time)."""
    value = data[key]
    ours = FOREIGN_GATES[squeezed]
    if ours == "date":
        when, own = parse_datetime(value, tz), parse_datetime(data.get("date"), tz)
        return when is not None and own is not None and when <= own
    if ours != "draft":
        return False
    said = str(value).strip().lower()
    return said in (_SAID_SHOWN if squeezed in _HIDING_KEYS else _SAID_PUBLISHED)


def aliases(col: Collector, data: dict[str, Any], config: Config) -> tuple[str, ...]:
    """Old addresses of the bulletin (`aliases`, as Hugo writes them): each gets a page that
    sends the browser on to the bulletin, so shared links and printed QR codes keep working."""
    value = data.get("aliases")
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        col.add(
            "cần một danh sách địa chỉ cũ của bài",
            field="aliases",
            hint='Ví dụ: aliases: ["/posts/ten-bai-cu/", "/2023/05/12/ten-bai-cu/"]',
        )
        return ()
    found: list[str] = []
    for written in value:
        path = alias_path(written, config)
        if REDIRECTABLE_RE.fullmatch(path):
            found.append(path)
            continue
        kept, mark, fragment = written.partition("#")
        if mark and REDIRECTABLE_RE.fullmatch(alias_path(kept, config)):
            col.add(
                f"không làm được trang chuyển hướng cho địa chỉ cũ {quoted(written)}: phần từ dấu '#' "
                "không bao giờ được gửi tới máy chủ, trang chuyển hướng chỉ đặt được ở địa chỉ "
                "trước nó",
                field="aliases",
                hint=f"Ghi {quoted(kept.strip())} thay cho {quoted(written)} (bỏ phần '#{fragment}'): "
                "liên kết cũ có '#' vẫn mở trang chuyển hướng đó.",
            )
            continue
        col.add(
            f"không làm được trang chuyển hướng cho địa chỉ cũ {quoted(written)}",
            field="aliases",
            hint="Ghi đường dẫn trong website này, bắt đầu bằng '/', mỗi phần chỉ gồm chữ thường "
            "không dấu, chữ số và dấu '-', ví dụ /posts/ten-bai-cu/ hoặc /2019/05/ten-bai-cu.html "
            "(địa chỉ của website khác, có '?', hay trang chủ thì trang tĩnh không chuyển hướng "
            "được).",
        )
    return tuple(dict.fromkeys(found))


def alias_path(written: str, config: Config) -> str:
    """The site path an alias names: a full address of this website (now or before it moved)
    made a path, a folder's `index.html` made the folder, a trailing '/' added to a folder."""
    path = written.strip()
    if addressed(path):
        path = config.addresses.own_path(path) or path
    if path.endswith("/index.html"):
        path = path.removesuffix("index.html")  # the folder's own page: "/tin-tuc/"
    if path.startswith("/") and not path.endswith("/") and "." not in path.rsplit("/", 1)[1]:
        path += "/"
    return path


def _no_empty_items(col: Collector, key: str, value: list[Any], fill: str) -> list[Any]:
    """The items of list `key` without those left empty (a bare `-`), each reported at its line
    (`fill`: how to fill one in): YAML reads them as None, which the checks would call 'None'."""
    empty = [n for n, item in enumerate(value) if item is None]
    lines = col.parsed.item_lines(key) if empty and col.parsed is not None else ()
    for n in empty:
        col.add(
            f"mục thứ {n + 1} của danh sách để trống",
            field=key,
            line=lines[n] if len(lines) == len(value) else None,
            hint=f"Xóa mục trống đó (dòng chỉ có dấu '-'), hoặc {fill}.",
        )
    return [item for item in value if item is not None]


def tags(col: Collector, data: dict[str, Any]) -> tuple[str, ...]:
    """Tags: a list of strings (a single string is one tag, or several separated by commas or
    semicolons)."""
    value = data.get("tags") or []
    if isinstance(value, str):
        value = re.split(r"[,;]", value)  # `tags: lừa đảo; an ninh mạng` means two tags
    if isinstance(value, list):
        value = _no_empty_items(col, "tags", value, "ghi thẻ sau dấu gạch, ví dụ '- an ninh mạng'")
    if not isinstance(value, list) or not all(isinstance(t, str | int) for t in value):
        odd = (
            next((t for t in value if not isinstance(t, str | int)), None)
            if isinstance(value, list)
            else None
        )
        col.add(
            f"cần một danh sách chuỗi, nhận được {kind(value)}"
            + (f" có một mục là {kind(odd)}" if isinstance(value, list) else ""),
            field="tags",
            hint='Ví dụ: tags: ["lừa đảo qua mạng", "an ninh mạng"]',
        )
        return ()
    seen: dict[str, str] = {}
    for written in (str(t) for t in value):
        tag = tag_name(written)
        if not tag:
            if written.strip():
                col.add(
                    f"thẻ {quoted(nfc(written).strip())} không có chữ hay số nào nên không có "
                    "trang riêng được; đã bỏ qua",
                    field="tags",
                    hint='Viết thẻ bằng chữ, ví dụ tags: ["cảnh báo khẩn"] thay cho "🚨".',
                    severity="warning",
                )
            continue
        seen.setdefault(tag_key(tag), tag)  # "C#" beside "C++" is another tag, "c++" is not
    return tuple(seen.values())


def channels(col: Collector, data: dict[str, Any], config: Config) -> frozenset[str]:
    """Channels from front matter (replacing the site default) or the default: a list, or one
    line of names separated by commas or semicolons, as tags may be written."""
    value = data.get("channels")
    if value is None:
        return frozenset(config.site.default_channels)
    if isinstance(value, str):
        value = [part for part in re.split(r"[,;]", value) if part.strip()]  # `channels: web, zalo`
    if not isinstance(value, list):
        col.add(
            f"cần danh sách kênh, nhận được {kind(value)}",
            field="channels",
            hint=f"Các kênh: {', '.join(CHANNELS)}. Ví dụ: channels: web, zalo",
        )
        return frozenset()
    given = len(value)
    fill = f"ghi tên kênh sau dấu gạch, ví dụ '- zalo' (các kênh: {', '.join(CHANNELS)})"
    value = [str(c).strip() for c in _no_empty_items(col, "channels", value, fill)]
    if _unknown_channels(col, "channels", value, "Ví dụ: channels: web, zalo"):
        return frozenset()
    if len(value) != given:  # an empty item, reported above
        return frozenset()
    if not value:
        col.add(
            "bản tin không gửi tới kênh nào (channels: [])",
            field="channels",
            hint="Ghi các kênh cần đăng, ví dụ channels: [web, zalo]; muốn tạm giữ bài thì dùng draft: true.",
            severity="warning",
        )
    return frozenset(value)
