"""THAY-DOI.txt, the change log of an episode the station already has: its heading says what
the listed changes are."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from publish.render.radio_station import station_plain
from publish.sync.radio_relaid import RELAID
from publish.sync.radio_revisions import log_bytes

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
AIR = dt.datetime(2024, 12, 14, 17, 0, tzinfo=TZ)
AT = "2024-12-13T14:05:00+07:00"
SOLD_AS_REVISED = "tệp thay có dòng «SỬA LẦN …» ở đầu"


def log(events: list[dict[str, Any]]) -> list[str]:
    """The lines of the change log of 2024-W50 holding `events`."""
    return station_plain(log_bytes("2024-W50", AIR, events, TZ)).splitlines()


def relaid(path: str) -> dict[str, Any]:
    """A file laid out anew for A4, its words unchanged."""
    return {"at": AT, "path": path, "title": None, "kind": RELAID, "digest": "d"}


def replaced(path: str) -> dict[str, Any]:
    """A file whose words changed, sent as «SỬA LẦN 2»."""
    return {"at": AT, "path": path, "kind": "replaced", "revision": 2, "digest": "e"}


def test_a_log_of_files_laid_out_anew_alone_says_nothing_was_reworded() -> None:
    """No file of the log bears «SỬA LẦN» nor needs printing: the heading must not tell the
    staff every file listed was replaced and marked."""
    lines = log([relaid("2024-W50/rundown.txt"), relaid("items/a.txt")])
    assert not any(SOLD_AS_REVISED in line for line in lines)
    assert lines[1] == (
        "Các tệp dưới đây chỉ được trình bày lại sau khi đài nhận: nội dung không đổi, "
        "không có dòng «SỬA LẦN …» mới, không cần in lại."
    )
    assert "- Trình bày lại thứ tự phát và 1 tin cho vừa khổ A4, nội dung không đổi" in "\n".join(
        lines
    )


def test_a_log_mixing_revisions_and_files_laid_out_anew_tells_them_apart() -> None:
    """Some files are revised (marked «SỬA LẦN», to print again), others only laid out anew."""
    lines = log([relaid("2024-W50/rundown.txt"), replaced("items/a.txt")])
    assert SOLD_AS_REVISED in lines[1]
    assert lines[2] == (
        "Tệp chỉ trình bày lại cho vừa khổ A4 thì nội dung không đổi, không có dòng "
        "«SỬA LẦN …» mới: không cần in lại."
    )


def test_a_log_of_revisions_alone_keeps_its_heading() -> None:
    """Nothing laid out anew: the heading as before, every file listed replaced and marked."""
    lines = log([replaced("items/a.txt")])
    assert SOLD_AS_REVISED in lines[1]
    assert lines[2].startswith("Mới nhất ở trên.")
