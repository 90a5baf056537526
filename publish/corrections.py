"""Corrections («Đính chính») to a published bulletin: read from front matter `corrections:`
and checked in one pass with the other fields (publish.correction_text tells them)."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from typing import Any

from publish.config import Config
from publish.correction_text import correction_id
from publish.errors import Problem
from publish.fields import Collector, kind, plain, read_moment, timed
from publish.limits import MAX_CORRECTION_NOTE
from publish.model import Correction
from publish.text import folded_words, nfc

__all__ = ["EXAMPLE", "KEY", "future", "read"]

KEY = "corrections"
EXAMPLE = (
    "Ví dụ:\n      corrections:\n        - date: 2026-12-02 09:30\n"
    '          note: "Sửa số điện thoại lừa đảo: đúng là 0912 345 678."'
)
"""How a correction is written, for hints."""
ITEM_KEYS = ("date", "note")
_ITEM_ALIASES = {
    "ngay": "date",
    "ngay gio": "date",
    "thoi gian": "date",
    "luc": "date",
    "noi dung": "note",
    "ghi chu": "note",
    "ly do": "note",
    "text": "note",
    "content": "note",
}
"""Vietnamese (folded) and other names an editor may give an item's keys."""


def read(
    col: Collector, data: dict[str, Any], config: Config, published: dt.datetime | None
) -> tuple[Correction, ...]:
    """The bulletin's corrections, oldest first; every problem with them recorded in `col`.

    `published`: the bulletin's `date` (None when it is unreadable: not compared then). Not
    compared with the clock here: a load is cached, its messages must not change with time
    (see `future`).
    """
    value = data.get(KEY)
    if value is None or value == []:
        return ()
    if not isinstance(value, list):
        col.add(
            f"cần một danh sách các lần đính chính, nhận được {kind(value)}",
            field=KEY,
            hint=f"Mỗi lần đính chính là một mục '- date: … / note: …' dưới '{KEY}:'. {EXAMPLE}",
        )
        return ()
    lines = col.parsed.item_key_lines(KEY) if col.parsed is not None else ()
    found: dict[str, Correction] = {}
    for number, item in enumerate(value, start=1):
        at = lines[number - 1] if len(lines) == len(value) else {}
        correction = _item(col, number, item, at, config, published)
        if correction is None:
            continue
        same = found.setdefault(correction_id(correction), correction)
        if same is not correction:
            _duplicate(col, correction, same)
    return tuple(sorted(found.values(), key=lambda c: c.date))


def _duplicate(col: Collector, correction: Correction, first: Correction) -> None:
    """Record that `correction` says what `first` says, on the same date: both would be the same
    radio item (one id), two files of one name that stop the whole build."""
    col.add(
        f"lần đính chính thứ {correction.number} trùng lần thứ {first.number} (cùng ngày giờ, "
        "cùng nội dung)",
        field=f"{KEY}.{correction.number}",
        line=correction.line,
        hint="Xóa mục trùng. Hai lần đính chính khác nhau thì ghi rõ mỗi lần đã sửa gì.",
    )


def _item(
    col: Collector,
    number: int,
    item: Any,
    lines: dict[str, int],
    config: Config,
    published: dt.datetime | None,
) -> Correction | None:
    """One item of `corrections`, or None (its problems recorded)."""
    where = f"lần đính chính thứ {number}"
    field = f"{KEY}.{number}"
    line = lines.get("")
    if item is None or item == {}:
        col.add(
            f"{where} để trống",
            field=KEY,
            line=line,
            hint=f"Ghi ngày giờ và nội dung đính chính, hoặc xóa mục trống đó. {EXAMPLE}",
        )
        return None
    if not isinstance(item, dict):
        col.add(
            f"{where} cần có 'date' và 'note', nhận được {kind(item)}",
            field=KEY,
            line=line,
            hint=f"Ghi mục đó thành hai dòng: '- date: …' (lúc đính chính) và "
            f"'  note: \"…\"' (đã sửa gì). {EXAMPLE}",
        )
        return None
    unknown = [str(k) for k in item if k not in ITEM_KEYS]
    renamed = set()
    for name in unknown:
        meant = _ITEM_ALIASES.get(folded_words(name)) or next(
            iter(difflib.get_close_matches(name.lower(), ITEM_KEYS, n=1, cutoff=0.6)), None
        )
        if meant is not None and meant not in item:
            renamed.add(meant)  # one mistake, one problem: not also "note missing"
        col.add(
            f"{where}: khóa '{name}' không được hỗ trợ",
            field=f"{field}.{name}",
            line=lines.get(name, line),
            hint=(f"Có phải ý bạn là '{meant}'? " if meant else "")
            + "Mỗi lần đính chính chỉ có 'date' (lúc đính chính) và 'note' (đã sửa gì).",
        )
    moment = None if "date" in renamed else _date(col, where, field, item, lines, config, published)
    note = None if "note" in renamed else _note(col, where, field, item, lines)
    if moment is None or note is None or unknown:
        return None
    return Correction(moment, note, timed(item["date"]), line, number, lines.get("date", line))


def _date(
    col: Collector,
    where: str,
    field: str,
    item: dict[str, Any],
    lines: dict[str, int],
    config: Config,
    published: dt.datetime | None,
) -> dt.datetime | None:
    """The moment of one correction, or None (its problem recorded)."""
    line = lines.get("date", lines.get(""))
    written = item.get("date")
    if written in (None, ""):
        hint = "Thêm dòng 'date: 2026-12-02 09:30' (lúc đính chính, giờ Việt Nam) vào mục đó."
        if "date" in item:
            col.empty(f"{field}.date", hint, message=f"{where}: 'date' để trống", line=line)
        else:
            col.add(
                f"{where} thiếu ngày giờ đính chính", field=f"{field}.date", line=line, hint=hint
            )
        return None
    moment = read_moment(written, config.tz)
    if not isinstance(moment, dt.datetime):
        col.add(f"{where}: {moment.message}", field=f"{field}.date", line=line, hint=moment.hint)
        return None
    if published is not None and moment < published:
        col.add(
            f"{where} ghi lúc {_clock(moment)}, trước thời điểm đăng bài ({_clock(published)})",
            field=f"{field}.date",
            line=line,
            hint="Đính chính là sửa bài đã đăng, nên ghi lúc sửa (sau 'date'; chỉ ghi ngày thì "
            "là 00:00 ngày đó: thêm giờ). Bài chưa đăng thì cứ sửa thẳng vào bài, không cần "
            "đính chính: xóa mục này.",
        )
        return None
    return moment


def _note(
    col: Collector, where: str, field: str, item: dict[str, Any], lines: dict[str, int]
) -> str | None:
    """What one correction says, or None (its problem recorded)."""
    line = lines.get("note", lines.get(""))
    written = item.get("note")
    if isinstance(written, int | float) and not isinstance(written, bool):
        written = str(written)
    if isinstance(written, str):
        written = nfc(written).strip()
    if written in (None, ""):
        hint = (
            'Thêm dòng \'note: "…"\' nói rõ đã sửa gì, ví dụ note: "Sửa số điện thoại lừa đảo: '
            'đúng là 0912 345 678."'
        )
        if "note" in item:
            col.empty(f"{field}.note", hint, message=f"{where}: 'note' để trống", line=line)
        else:
            col.add(
                f"{where} thiếu nội dung đính chính", field=f"{field}.note", line=line, hint=hint
            )
        return None
    if not isinstance(written, str):
        col.add(
            f"{where}: 'note' cần một chuỗi ký tự, nhận được {kind(written)}",
            field=f"{field}.note",
            line=line,
            hint='Viết nội dung đính chính trong ngoặc kép trên cùng một dòng: note: "…".',
        )
        return None
    if len(written) > MAX_CORRECTION_NOTE:
        col.add(
            f"{where}: 'note' dài {len(written)}/{MAX_CORRECTION_NOTE} ký tự",
            field=f"{field}.note",
            line=line,
            hint=f"Rút gọn còn tối đa {MAX_CORRECTION_NOTE} ký tự: nói đã sửa gì trong một, hai "
            "câu; nội dung đúng đã nằm trong bài.",
        )
        return None
    plain(col, f"{field}.note", written, line=line)
    return written


def future(source: str, corrected: Sequence[Correction], now: dt.datetime) -> list[Problem]:
    """An error for each of file `source`'s corrections dated after `now`: readers would be
    told of a correction not yet made (checked at every load, not cached: it depends on the
    clock; also for a file with other errors, so that all are told in one run)."""
    return [
        Problem(
            source,
            f"lần đính chính thứ {correction.number} ghi lúc {_clock(correction.date)}, sau "
            f"thời điểm hiện tại ({_clock(now.astimezone(correction.date.tzinfo))})",
            f"{KEY}.{correction.number}.date",
            correction.date_line,
            "Ghi lúc đã sửa bài (không phải giờ sắp tới; kiểm tra ngày, tháng, năm và "
            "múi giờ). Muốn đăng đính chính về sau thì chờ tới lúc đó mới sửa bài.",
        )
        for correction in corrected
        if correction.date > now
    ]


def _clock(moment: dt.datetime) -> str:
    """A moment in a message: "09:30 02/12/2026"."""
    return f"{moment:%H:%M %d/%m/%Y}"
