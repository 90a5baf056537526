"""The warning that a bulletin's or page's publish date is more than a year ahead, and that a
page's `updated` date is still to come.

A year typed wrong (`date: 2062-12-06 07:30` for 2026) holds the bulletin back as scheduled,
on every channel, until that year: nothing else says so but the «hẹn giờ» line among the held
ones. An embargo that far ahead is rare but may be meant, and the file cannot say so: the
warning is one --strict leaves a warning (errors.STRICT_EXEMPT). A wrong year only ever holds
a bulletin back; it never publishes one early.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from publish.config import Config
from publish.errors import FAR_DATE, Problem
from publish.locate import with_lines
from publish.text import vn_datetime

__all__ = ["FAR_AHEAD", "far_date", "far_dates", "updated_ahead"]

FAR_AHEAD = dt.timedelta(days=366)
"""How far ahead a publish date is told: over a year (a leap year's too)."""


def far_date(
    shown: str,
    date: dt.datetime,
    now: dt.datetime,
    tz: dt.tzinfo,
    kind: str,
    *,
    created: bool = False,
) -> Problem | None:
    """The warning for `kind` («bản tin», «trang») `shown` whose publish `date` is more than
    FAR_AHEAD after `now` (None when it is not), at field `date` (its line is for the caller
    to find: see far_dates). `created`: by `publish new --date` just now, whose file name
    carries the year too."""
    if date - now <= FAR_AHEAD:
        return None
    meant = _meant_year(date.astimezone(tz).year, now.astimezone(tz).year)
    return Problem(
        shown,
        f"ngày giờ đăng {vn_datetime(date.astimezone(tz))} còn hơn một năm nữa (bây giờ là "
        f"{vn_datetime(now.astimezone(tz))}): {kind} chờ tới lúc đó mới được đăng",
        "date",
        hint="Gõ nhầm năm"
        + (f" (có phải ý bạn là năm {meant}?)" if meant is not None else "")
        + (
            " thì xóa tệp vừa tạo rồi chạy lại lệnh với năm đúng ở --date (tên tệp cũng mang "
            "ngày ấy)"
            if created
            else " thì sửa năm ở dòng date"
        )
        + ". Nếu đúng là hẹn giờ xa thì bỏ qua cảnh báo này (nó không làm publish check "
        "--strict thất bại).",
        severity="warning",
        code=FAR_DATE,
    )


def far_dates(
    items: Iterable[tuple[str, dt.datetime | None, str]], now: dt.datetime, config: Config
) -> list[Problem]:
    """far_date for each (file, publish date, kind) of `items`, at the line of its `date`
    (the loaded model keeps no line for it: the few files told are read again)."""
    found = [
        problem
        for shown, date, kind in items
        if date is not None and (problem := far_date(shown, date, now, config.tz, kind)) is not None
    ]
    return with_lines(found, config.root) if found else []


def updated_ahead(
    items: Iterable[tuple[str, dt.datetime | None, dt.datetime | None]],
    now: dt.datetime,
    config: Config,
) -> list[Problem]:
    """A warning for each (file, updated, publish date) of a page whose `updated` is later than
    both `now` and its publish date: the page would say «Cập nhật ngày …» of a day to come, and
    its sitemap date too. A warning: the page is right, only its date line is not."""
    found = [
        Problem(
            shown,
            f"ngày cập nhật {vn_datetime(updated.astimezone(config.tz))} chưa tới (bây giờ là "
            f"{vn_datetime(now.astimezone(config.tz))}): trang sẽ ghi «Cập nhật ngày …» của "
            "một ngày chưa tới",
            "updated",
            hint="Ghi ngày trang được sửa lần cuối, thường là hôm nay, ví dụ "
            f"'updated: {now.astimezone(config.tz):%Y-%m-%d}'.",
            severity="warning",
        )
        for shown, updated, date in items
        if updated is not None and updated > now and (date is None or updated > date)
    ]
    return with_lines(found, config.root) if found else []


def _meant_year(year: int, this_year: int) -> int | None:
    """This year or the next when `year` is one of them with its digits typed in another order
    (2062 for 2026), else None: a year one digit off may be meant (2022 typed in 2021)."""
    typed = sorted(str(year))
    return next((y for y in (this_year, this_year + 1) if sorted(str(y)) == typed), None)
