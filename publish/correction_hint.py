"""A published bulletin approved again with other phone numbers and no new correction.

The duty officer who corrected a wrong digit of a scammer's number in an urgent warning at
night re-approved the bulletin and saw the diff, nothing more: readers who had called or
blocked the old number were never told it was wrong. README («Đính chính») asks for a
`corrections` entry in that case. `publish approve` cannot know whether a change matters to
readers, but a phone number changed in a bulletin that is out (state/ records it published)
almost always does: it prints a hint with a `corrections:` item ready to paste. It only hints:
the approval goes ahead, as it must for an honest typo fix of another kind.
"""

from __future__ import annotations

import datetime as dt

from publish.frontmatter import FrontMatterError, decode, split
from publish.limits import MAX_CORRECTION_NOTE
from publish.pii_phones import phone_numbers
from publish.pii_reader import reader_text
from publish.text import nfc

__all__ = ["changed_numbers", "correction_hint"]


def _reader_text(raw: bytes) -> tuple[str, int] | None:
    """What a reader reads of a bulletin file (title, summary, body: marks dropped, a number a
    line break splits joined, as the personal-data lint reads them) and how many corrections it
    lists; None when the file cannot be read as a bulletin."""
    try:
        parsed = split(decode(raw))
    except (FrontMatterError, ValueError):
        return None
    data = parsed.data
    parts = [data.get("title"), data.get("summary"), parsed.body]
    written = data.get("corrections")
    # Each field on its own: a number ending the title is not joined to one opening the summary.
    read = (reader_text(nfc(p)) for p in parts if isinstance(p, str))
    return "\n".join(read), (len(written) if isinstance(written, list) else 0)


def changed_numbers(old: bytes, new: bytes) -> tuple[list[str], list[str]] | None:
    """The phone numbers a bulletin's text dropped (as the old version wrote them) and added
    (as the new one writes them) between versions `old` and `new`, when `new` adds no item to
    `corrections`; None when none changed, a correction was added, or either cannot be read."""
    was, now = _reader_text(old), _reader_text(new)
    if was is None or now is None or now[1] > was[1]:
        return None
    before = dict((digits, written) for written, digits in phone_numbers(was[0]))
    after = dict((digits, written) for written, digits in phone_numbers(now[0]))
    dropped = [written for digits, written in before.items() if digits not in after]
    added = [written for digits, written in after.items() if digits not in before]
    return (dropped, added) if dropped or added else None


def correction_hint(
    dropped: list[str], added: list[str], *, listed: bool, now: dt.datetime
) -> list[str]:
    """The lines telling the approver that a bulletin out now changed phone numbers without a
    correction, with a `corrections` item to paste (`listed`: the file already has a
    `corrections` list, which the item joins), dated `now` in the unit's time."""
    was, becomes = ", ".join(dropped), ", ".join(added)
    if dropped and added:
        told = f"{was} → {becomes}"
        note = f"Sửa số điện thoại: đúng là {becomes}, không phải {was}."
    elif added:
        told = f"thêm {becomes}"
        note = f"Bổ sung số điện thoại {becomes}."
    else:
        told = f"bỏ {was}"
        note = f"Bỏ số điện thoại {was} (ghi nhầm)."
    if len(note) > MAX_CORRECTION_NOTE:
        note = (
            "Sửa số điện thoại trong bài: …"  # the approver writes which; the limit is the field's
        )
    item = [f"  - date: {now:%Y-%m-%d %H:%M}", f'    note: "{note}"']
    where = (
        "thêm mục này vào cuối danh sách corrections đã có trong phần đầu"
        if listed
        else "thêm vào cuối phần đầu (ngay trên dòng --- đóng phần đầu)"
    )
    return [
        f"số điện thoại đã đổi so với bản đã duyệt ({told}) mà không có mục đính chính mới: "
        "bài đang đăng, người đã đọc bản cũ (đã gọi, đã chặn số ấy) sẽ không được báo.",
        f"Số ấy là điều người đọc có thể đã làm theo thì {where}, xem lại note, rồi chạy lại "
        "lệnh duyệt này (README, mục «Đính chính»):",
        *([] if listed else ["  corrections:"]),
        *(f"  {line}" for line in item),
    ]
