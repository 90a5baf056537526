"""The load's warning for a day of the week written with a date it is not (publish.weekday_dates).

A warning, as the other slips of the text a reader would see (an error under --strict, so CI
stops before a notice sends people on the wrong day): the website shows the text as written,
and whether the day or the date is the wrong one only the editor knows. The radio holds the
bulletin's script for it (publish.radio.normalise), as a listener cannot look it up.
"""

from __future__ import annotations

import datetime as dt

from publish.fields import Collector
from publish.frontmatter import Parsed
from publish.markdown_comments import shown_body
from publish.weekday_dates import Mismatch, mismatches

__all__ = ["check"]


def check(col: Collector, parsed: Parsed, texts: dict[str, str | None], day: dt.date) -> None:
    """A warning for each day written with a date it is not, in the front matter `texts` (by
    field: title, summary) and the shown body (not an HTML comment, which no reader sees); a
    date without its year is taken as the one nearest the bulletin's `day`."""
    for name, text in texts.items():
        for found in mismatches(text, day) if text else ():
            _tell(col, found, field=name)
    body = parsed.body
    if "<!--" in body:
        body = shown_body(body)  # comments blanked, line breaks kept
    for found in mismatches(body, day):
        line = parsed.body_line + body.count("\n", 0, found.start)
        _tell(col, found, line=line)


def _tell(
    col: Collector, found: Mismatch, *, field: str | None = None, line: int | None = None
) -> None:
    """The warning for one day and date that do not match."""
    col.add(
        found.message,
        field=field,
        line=line,
        hint=f"Xem lại lịch: ngày đúng thì sửa thứ thành «{found.day_of_date}»; thứ đúng thì "
        f"sửa ngày cho khớp.{_other_year(found)}",
        severity="warning",
    )


def _other_year(found: Mismatch) -> str:
    """How to write a date of another year («8/12/2023» for «thứ Sáu (8/12)»: the nearest year
    before in which it is a Friday), after a space; "" for a date written with its year, or
    when no year near enough fits (the advice then has no example)."""
    if found.year_given:
        return ""
    advice = " Ngày của năm khác (như khi trích một thông báo cũ) thì ghi cả năm"
    year = found.year_it_fits
    if year is None:
        return f"{advice}."
    written = found.written
    sep = next((c for c in written if c in "/.-"), "")
    dated = f"{written}{sep}{year}" if sep else f"{written} năm {year}"
    return f"{advice}, ví dụ «{dated}»."
