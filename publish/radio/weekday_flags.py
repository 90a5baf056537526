"""Q5 for a day of the week written with a date it is not («thứ Sáu (31/12/2026)»).

Held off the air (blocking), as `60t` is (docs/doc-phat-thanh.md, “Chỗ khác với quy tắc gốc”):
the script would say both, and a listener, who cannot look at a calendar or read the notice
again, goes on the day they remember; which of the two is wrong only the editor knows. In a
blockquote only a warning: a quoted older notice («> Sáng thứ Sáu (5/12)…» of last December)
is read with the bulletin's year, and a hold no one can lift would be for a right date.
"""

from __future__ import annotations

from publish.radio.flags import BLOCKING, WARNING, Context
from publish.radio.numbers import has_digit
from publish.weekday_dates import counts, mismatches

__all__ = ["weekdays_told"]


def weekdays_told(text: str, ctx: Context) -> None:
    """Flag each day written with a date it is not in `text` (a paragraph or list item as
    written, before its numbers are read); a date without its year is taken as the one nearest
    `ctx.near` (the bulletin's date; not compared outside a bulletin)."""
    counted = ctx.counted
    ctx.counted = counted or counts(text)  # for the paragraphs after
    if not has_digit(text):
        return  # no date: most list items and short paragraphs
    for found in mismatches(text, ctx.near, counted=counted):
        year = "" if found.year_given else f" (năm {found.date.year})"
        # The phrase's line, or the date's when a line break splits the phrase.
        line = ctx.line_of(found.phrase) if _held(found.phrase, ctx) else ctx.line_of(found.written)
        ctx.flag(
            "Q5",
            WARNING if ctx.quoted else BLOCKING,
            f"{found.written}{year} là {found.day_of_date}, không phải {found.day_written}: trên "
            "sóng đọc cả hai, người nghe không biết ngày nào đúng. Cách sửa: xem lại lịch, sửa "
            f"thứ (thành «{found.day_of_date}») hoặc sửa ngày cho khớp{found.other_year}.",
            found.phrase,
            line,
        )


def _held(phrase: str, ctx: Context) -> bool:
    """Whether one source line of the paragraph holds `phrase` whole."""
    return any(phrase in text for _, text in ctx.lines)
