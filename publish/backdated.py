"""The warning that a bulletin's publish date has already passed when it is created or approved.

Back-dating can be meant (an old notice recorded), so it is a warning, never an error. A date
typed wrong (today's morning for tomorrow's, last year for this) put the bulletin out at once on
merge, and on the radio it is set for the first broadcast after that date (publish.render.radio:
air_after), which may have aired: the script then never reaches the station (publish sync only
refuses it, publish.sync.radio._missed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from publish.config import Config
from publish.errors import Problem
from publish.fields import parse_datetime
from publish.render.radio_station import air_after, next_air, set_for
from publish.text import vn_datetime

__all__ = ["ROUTINE_WAIT", "past_date", "radio_air", "routine_approval"]

EXAMPLE_HOUR = dt.time(7, 0)
"""The hour a future date is shown with when the one written is midnight (a date without time)."""
ROUTINE_WAIT = dt.timedelta(days=3)
"""How long a bulletin may wait for its approval after its date (`publish new` writes the time
the file was made) and still be the everyday case: written, read, approved; a weekend's wait."""


def radio_air(date: dt.datetime, block: Mapping[str, Any], config: Config) -> dt.datetime:
    """The broadcast a bulletin published at `date` is set for: its `radio.air_date` when one
    is readable (`block`: its `radio:` block), else the first weekly slot after `date`."""
    written = block.get("air_date")
    parsed = parse_datetime(written, config.tz) if written not in (None, "") else None
    return set_for(date, parsed.date() if parsed is not None else None, config)


def routine_approval(
    date: dt.datetime, now: dt.datetime, channels: Iterable[str], air: dt.datetime
) -> bool:
    """Whether approving at `now` a bulletin dated `date` (past) is the everyday case, told by
    approve's line «đăng ngay khi được đưa lên» alone: dated within ROUTINE_WAIT, and the
    broadcast it is set for (`air`) still to come. A warning on every approval went unread."""
    if now - date > ROUTINE_WAIT:
        return False
    return "radio" not in channels or air <= date or air >= now


def past_date(
    shown: str,
    date: dt.datetime,
    now: dt.datetime,
    config: Config,
    channels: Iterable[str],
    *,
    air: dt.datetime | None = None,
    created: bool = False,
) -> Problem | None:
    """The warning for bulletin `shown` whose publish `date` is not after `now` (None when it
    is): what happens once it is approved and merged, on the website and, among `channels`, on
    the radio (`air`: the broadcast it is set for; default: the first after `date`), and how to
    write a date to come if one was meant (`created`: by `publish new --date` just now, whose
    file name carries the date; else named to `publish approve`)."""
    if date > now:
        return None
    tz = config.tz
    local = date.astimezone(tz)
    told = (
        f"ngày giờ đăng {vn_datetime(local)} đã qua (bây giờ là "
        f"{vn_datetime(now.astimezone(tz))}): được duyệt và đưa lên (merge) thì bài được đăng "
        "ngay, mang ngày đăng cũ ấy (trên website xếp sau các bài mới hơn)"
    )
    if "radio" in channels:
        told += _radio(date, now, config, air if air is not None else air_after(date, config))
    hour = local.time() if local.time() != dt.time(0) else EXAMPLE_HOUR
    day = now.astimezone(tz).date()
    if dt.datetime.combine(day, hour, tzinfo=tz) <= now:
        day += dt.timedelta(days=1)
    field = f"date: {day:%Y-%m-%d} {hour:%H:%M}"
    if created:
        meant = (
            f'xóa tệp vừa tạo rồi chạy lại lệnh với ngày giờ sắp tới, ví dụ --date "{day:%d/%m/%Y} '
            f'{hour.hour}h{hour:%M}" (tên tệp lấy ngày ấy), hoặc sửa dòng date trong tệp, ví dụ {field}'
        )
    else:
        meant = (
            f"sửa dòng date trong tệp thành một ngày giờ sắp tới, ví dụ {field}, rồi chạy lại lệnh "
            "duyệt (sửa sau khi duyệt thì bài bị giữ lại tới khi được duyệt lại)"
        )
    return Problem(
        shown,
        told,
        "date",
        hint="Ghi lùi ngày có chủ ý (như ghi lại một thông báo cũ) thì bỏ qua cảnh báo này. "
        f"Muốn hẹn giờ đăng thì {meant}.",
        severity="warning",
    )


def _radio(date: dt.datetime, now: dt.datetime, config: Config, air: dt.datetime) -> str:
    """What becomes of a bulletin dated `date` (past) on the radio, set for broadcast `air`."""
    tz = config.tz
    if air <= date:
        return ""  # an air_date not after the publish date: check tells that on its own
    if air >= now:
        return (
            f"; phát thanh: bản tin vào buổi phát {vn_datetime(air.astimezone(tz))} nếu được "
            "đưa lên và đồng bộ (publish sync) trước giờ đó, muộn hơn thì lỡ buổi phát ấy và "
            "không được đọc trên sóng"
        )
    coming = next_air(now, config)
    return (
        f"; phát thanh: bản tin thuộc buổi phát {vn_datetime(air.astimezone(tz))} (buổi kế "
        "tiếp sau giờ đăng ấy), buổi này đã phát, nên kịch bản không bao giờ được gửi sang đài "
        "và bản tin không được đọc trên sóng (không tự chuyển sang buổi sau), trừ khi ghi "
        f"radio: {{air_date: {coming.astimezone(tz).date().isoformat()}}} (buổi phát kế tiếp, "
        f"{vn_datetime(coming.astimezone(tz))}) vào phần đầu bản tin"
    )
