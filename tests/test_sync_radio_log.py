"""THAY-DOI.txt, the change log of an episode the station already has: its heading says what
the listed changes are, and an item added, sent again or moved says where it goes among the
printed pages."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from publish.render.radio_station import WIDTH, station_plain
from publish.sync import radio as radio_sync
from publish.sync.radio_relaid import A4, ENDED, RELAID
from publish.sync.radio_revisions import BESIDE, log_bytes, placed
from tests.helpers import FIXTURES, stats
from tests.station_log import change_log
from tests.test_sync_radio import LATER, OTHER_ITEM, SECOND, STATION, edit, sync

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
AIR = dt.datetime(2024, 12, 14, 17, 0, tzinfo=TZ)
AT = "2024-12-13T14:05:00+07:00"
SOLD_AS_REVISED = "tệp thay có dòng «SỬA LẦN …» ở đầu"


def log(events: list[dict[str, Any]]) -> list[str]:
    """The lines of the change log of 2024-W50 holding `events`, an entry a line."""
    return change_log(log_bytes("2024-W50", AIR, events, TZ)).splitlines()


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


def ended(path: str, *causes: str) -> dict[str, Any]:
    """A file laid out anew for `causes` (recorded since causes are), its words unchanged."""
    return {**relaid(path), "causes": list(causes)}


def test_files_laid_out_anew_for_an_end_mark_are_not_told_as_fitted_to_a4() -> None:
    """A correction's files that only gained «— HẾT TIN —» were already in the A4 layout: the
    log says what was done to them, and that no word read changed."""
    lines = log([ended("2024-W50/script.docx", ENDED), ended("items/a.txt", ENDED)])
    told = [line for line in lines if line.startswith("- ")]
    assert told == [
        "- Trình bày lại kịch bản cả tập (bản Word) và 1 tin để thêm dòng «— HẾT TIN —» ở cuối "
        "tin, lời đọc không đổi: không cần in lại"
    ]
    assert not any("A4" in line for line in lines)


def test_files_laid_out_anew_for_other_causes_are_told_each_once() -> None:
    """One line a cause, at the first file of it; a file of a version that recorded no cause
    was fitted to A4 (the only cause those versions told), told with the other A4 files."""
    lines = log(
        [
            relaid("2024-W50/rundown.txt"),
            ended("2024-W50/script.txt", A4, ENDED),
            ended("items/a.txt", A4),
            ended("2024-W50/script.docx", ENDED),
            ended("items/b.txt", A4, ENDED),
        ]
    )
    assert [line for line in lines if line.startswith("- ")] == [
        "- Trình bày lại thứ tự phát và 1 tin cho vừa khổ A4, nội dung không đổi: không cần in lại",
        "- Trình bày lại kịch bản cả tập và 1 tin cho vừa khổ A4 và thêm dòng «— HẾT TIN —» ở "
        "cuối tin, lời đọc không đổi: không cần in lại",
        "- Trình bày lại kịch bản cả tập (bản Word) để thêm dòng «— HẾT TIN —» ở cuối tin, lời "
        "đọc không đổi: không cần in lại",
    ]


def test_a_log_of_files_that_gained_an_end_mark_alone_says_no_word_read_changed() -> None:
    """The heading of a log listing only files laid out anew said «nội dung không đổi» while
    its line said «lời đọc không đổi»: a file that gained «— HẾT TIN —» has a line more, not
    one read. The heading says what its lines say."""
    lines = log([ended("2024-W50/script.docx", ENDED), ended("items/a.txt", A4, ENDED)])
    assert lines[1] == (
        "Các tệp dưới đây chỉ được trình bày lại sau khi đài nhận: lời đọc không đổi, "
        "không có dòng «SỬA LẦN …» mới, không cần in lại."
    )


def test_a_cause_this_version_does_not_know_adds_no_second_line() -> None:
    """A file laid out anew by a later version for a cause this one does not know is told by
    the causes known, with the other files of those: not a second line word for word the same
    as the first."""
    lines = log([ended("items/a.txt", A4), ended("items/b.txt", A4, "sau-nay")])
    assert [line for line in lines if line.startswith("- ")] == [
        "- Trình bày lại 2 tin cho vừa khổ A4, nội dung không đổi: không cần in lại"
    ]


@pytest.mark.parametrize(
    ("causes", "said"),
    [
        ((), "cho vừa khổ A4 thì nội dung không đổi"),
        ((ENDED,), "để thêm dòng «— HẾT TIN —» ở cuối tin thì lời đọc không đổi"),
        (
            (A4, ENDED),
            "cho vừa khổ A4 hay để thêm dòng «— HẾT TIN —» ở cuối tin thì lời đọc không đổi",
        ),
    ],
)
def test_a_log_mixing_revisions_says_why_files_were_laid_out_anew(
    causes: tuple[str, ...], said: str
) -> None:
    """The heading's line on the files only laid out anew names the causes of those listed."""
    events = [replaced("items/a.txt"), relaid("2024-W50/rundown.txt")]
    if causes:
        events[1:] = [ended(f"items/{cause}.txt", cause) for cause in causes]
    assert log(events)[2] == (
        f"Tệp chỉ trình bày lại {said}, không có dòng «SỬA LẦN …» mới: không cần in lại."
    )


def test_a_log_of_revisions_alone_keeps_its_heading() -> None:
    """Nothing laid out anew: the heading as before, every file listed replaced and marked."""
    lines = log([replaced("items/a.txt")])
    assert SOLD_AS_REVISED in lines[1]
    assert lines[2].startswith("Mới nhất ở trên.")


def beside(path: str, **extra: str) -> dict[str, Any]:
    """A new version put beside the station's edited `path` as our .moi copy."""
    moi = radio_sync.moi_name(path)
    event = {"at": AT, "path": path, "title": "Tin hai", "kind": BESIDE, "digest": "g"}
    return {**event, "moi": moi, **extra}


def test_a_log_of_copies_put_beside_alone_claims_no_file_was_replaced() -> None:
    """Only new versions put beside the station's edited files: none was replaced nor bears a
    new «SỬA LẦN», so the heading says where the new versions are instead."""
    lines = log([beside("items/hai.txt")])
    assert not any(SOLD_AS_REVISED in line for line in lines)
    assert lines[1] == (
        "Tệp đài đã tự sửa thì không bị thay: bản mới của Công an được đặt cạnh, tên thêm "
        "«.moi» (ghi «Bản mới … đặt cạnh»); tệp của đài thiếu chỗ sửa đó."
    )
    assert (
        "- Bản mới của tin «Tin hai» (items/hai.txt) đặt cạnh: items/hai.moi.txt — đài đã sửa "
        "bản cũ nên phần mềm không ghi đè; bản của đài thiếu chỗ sửa này: so hai bản, chọn bản "
        "để đọc"
    ) in lines


def test_a_word_copy_put_beside_says_which_text_the_station_edited() -> None:
    """The Word script kept because the station edited script.txt: its line names that file,
    the Word file itself was not edited."""
    lines = log(
        [beside("2024-W50/script.docx", follows="2024-W50/script.txt"), replaced("items/a.txt")]
    )
    assert SOLD_AS_REVISED in lines[1] and "không bị thay" in lines[2]
    assert (
        "- Bản mới của kịch bản cả tập (bản Word) (script.docx) đặt cạnh: "
        "2024-W50/script.moi.docx — đài đã sửa 2024-W50/script.txt nên bản Word cũng giữ như "
        "đài đang có; bản của đài thiếu chỗ sửa này: so hai bản, chọn bản để đọc"
    ) in lines


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the radio fixture project."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def test_a_change_that_went_beside_the_stations_item_script_is_in_the_change_log(
    root: Path,
) -> None:
    """The station edited an item script (Notepad: BOM, CRLF), then its bulletin changed: the
    new text went only into the .moi copy, and THAY-DOI.txt, where quick guide step 3 sends
    staff to see what changed, said nothing of it. It now has a line naming the copy, once:
    a rerun with nothing new adds none."""
    sync(root)
    station = root / STATION
    item = station / OTHER_ITEM
    item.write_bytes(item.read_bytes() + "Người đọc: Thu Trang\r\n".encode())
    edit(root / SECOND, "30.000 đồng", "50.000 đồng")
    actions, summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in actions}[OTHER_ITEM] == "conflict" and summary.conflicts == 1
    moi = radio_sync.moi_name(OTHER_ITEM)
    told = (
        f"- Bản mới của tin «Cảnh báo lừa đảo giả danh người giao hàng» ({OTHER_ITEM}) đặt "
        f"cạnh: {moi} — đài đã sửa bản cũ nên phần mềm không ghi đè"
    )
    text = change_log((station / "2024-W50/THAY-DOI.txt").read_bytes())
    assert text.count(told) == 1
    before = stats(station)
    again, summary = sync(root, now="2024-12-13T15:00")
    assert summary.conflicts == 1 and stats(station) == before
    assert {a.kind for a in again if a.key != OTHER_ITEM} == {"noop"}


def row(no: str, key: str | None, title: str | None = None) -> dict[str, Any]:
    """A row of rundown.json: music and the presenter's words have no key."""
    return {"no": no, "key": key, "title": title, "slug": (key or "NHAC").upper()}


RUNDOWN = {
    "items": [
        row("A1", None),
        row("A2", None),
        row("A3", "dau", "Tin đầu"),
        row("A4", None),
        row("A5", "giua", "Tin giữa"),
        row("A6", "cuoi", None),
        row("A7", None),
    ]
}


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("items/giua.txt", ": mục A5 của thứ tự phát mới, đọc sau tin «Tin đầu» (A3)"),
        ("items/cuoi.txt", ": mục A6 của thứ tự phát mới, đọc sau tin «Tin giữa» (A5)"),
        (
            "items/dau.txt",
            ": mục A3 của thứ tự phát mới, là tin đầu tiên, đọc trước tin «Tin giữa» (A5)",
        ),
    ],
)
def test_an_added_item_says_where_it_goes(path: str, said: str) -> None:
    """The presenter slots the new printed page after the bulletin it follows (music and
    greetings between are not bulletins), or before the first when it opens the episode."""
    event: dict[str, Any] = {"at": AT, "path": path, "title": "Mới", "kind": "added", "digest": "f"}
    event["place"] = placed(RUNDOWN, path)
    assert f"- Thêm tin «Mới» ({path}){said}" in log([event])


def test_the_only_item_of_an_episode_and_older_events_are_told_plainly() -> None:
    """An episode with one bulletin has nothing to go after; an event logged by a version
    before this one has no place and keeps its line."""
    only = {"items": [row("A1", None), row("A2", "mot", "Một"), row("A3", None)]}
    assert placed(only, "items/mot.txt") == {"no": "A2"}
    event = {"at": AT, "path": "items/mot.txt", "title": "Một", "kind": "added", "digest": "g"}
    lines = log([{**event, "place": placed(only, "items/mot.txt")}])
    assert (
        "- Thêm tin «Một» (items/mot.txt): mục A2 của thứ tự phát mới, là tin duy nhất của tập"
        in lines
    )
    assert "- Thêm tin «Một» (items/mot.txt)" in log([event])
    assert placed(only, "items/khac.txt") is None


RESENT = {"kind": "resent", "withdrawn": AT, "kept": "", "removed": True}
MOVED = {"kind": "moved", "to": "2024-W51", "withdrawn": AT, "kept": "", "removed": True}


@pytest.mark.parametrize(
    ("path", "resent", "moved"),
    [
        (
            "items/giua.txt",
            "nay phát lại ở mục A5 của thứ tự phát mới, đọc sau tin «Tin đầu» (A3); bản vừa "
            "gửi là bản để phát; bản đã rút",
            "nay là kịch bản của tập 2024-W51, mục A5 của thứ tự phát tập ấy, đọc sau tin «Tin "
            "đầu» (A3); bản đã rút",
        ),
        (
            "items/dau.txt",
            "nay phát lại ở mục A3 của thứ tự phát mới, là tin đầu tiên, đọc trước tin «Tin "
            "giữa» (A5); bản vừa gửi là bản để phát; bản đã rút",
            "nay là kịch bản của tập 2024-W51, mục A3 của thứ tự phát tập ấy, là tin đầu tiên, "
            "đọc trước tin «Tin giữa» (A5); bản đã rút",
        ),
    ],
)
def test_an_item_sent_again_or_moved_says_where_it_goes(path: str, resent: str, moved: str) -> None:
    """The presenter slots a script sent again among the printed pages as one added; the staff
    of the week it left learn where it now goes in the other one."""
    event = {"at": AT, "path": path, "title": "Mới", "digest": "h", "place": placed(RUNDOWN, path)}
    [again] = [line for line in log([{**event, **RESENT}]) if line.startswith("- Gửi lại")]
    assert f"- Gửi lại tin «Mới» ({path}), đã rút lúc 14:05, Thứ Sáu, 13/12/2024: {resent}" in again
    [gone] = [line for line in log([{**event, **MOVED}]) if line.startswith("- Chuyển tin")]
    assert f"tập này vẫn không phát tin đó, tệp {path} {moved}" in gone


def test_events_sent_again_or_moved_logged_before_keep_their_line() -> None:
    """Events a version before this one logged have no place: their line reads as it did."""
    event = {"at": AT, "path": "items/a.txt", "title": "Cũ", "digest": "i"}
    assert (
        "- Gửi lại tin «Cũ» (items/a.txt), đã rút lúc 14:05, Thứ Sáu, 13/12/2024: nay phát lại, "
        "bản vừa gửi là bản để phát; bản đã rút đã được xóa khỏi _rut-lai/"
    ) in log([{**event, **RESENT}])
    assert (
        "- Chuyển tin «Cũ» (items/a.txt) sang tập 2024-W51 (đã rút khỏi tập này lúc 14:05, Thứ "
        "Sáu, 13/12/2024): tập này vẫn không phát tin đó, tệp items/a.txt nay là kịch bản của "
        "tập 2024-W51; bản đã rút đã được xóa khỏi _rut-lai/"
    ) in log([{**event, **MOVED}])


LONG_TITLE = "Công an huyện tuần tra đêm đảm bảo trật tự an toàn giao thông cuối năm"
LONG_PATH = "items/" + "canh-bao-thu-doan-gia-danh-cong-an-goi-dien-yeu-cau-chuyen-tien" + ".txt"
"""An item's file whose name alone is wider than a line: it may not be cut."""


def test_the_log_is_wrapped_at_the_scripts_width_one_entry_an_item() -> None:
    """Staff open THAY-DOI.txt in Notepad and print it as they do the scripts, but its entries
    and heading ran to 200 characters a line. Wrapped at WIDTH, a file's name is never cut (a
    line holds it alone when it is wider), and every entry still starts with «- » while its
    continuation lines are indented under its text, so the entries stay apart."""
    events: list[dict[str, Any]] = [
        {**replaced("items/a.txt"), "title": LONG_TITLE, "previous": AT},
        {"at": AT, "path": LONG_PATH, "title": LONG_TITLE, "kind": "withdrawn", "digest": "j"},
        relaid("2024-W50/rundown.txt"),
        {
            "at": "2024-12-13T15:30:00+07:00",
            "path": "items/giua.txt",
            "title": LONG_TITLE,
            "digest": "k",
            "place": placed(RUNDOWN, "items/giua.txt"),
            **RESENT,
            "kept": "_rut-lai/items/giua.txt",
            "removed": False,
        },
    ]
    text = station_plain(log_bytes("2024-W50", AIR, events, TZ))
    lines = text.splitlines()
    assert max(map(len, lines)) > WIDTH  # the long name, alone on its line
    for line in lines:
        assert len(line) <= WIDTH or len(line.removeprefix("- ").split()) == 1, line
    assert any(line.strip().startswith(f"({LONG_PATH})") for line in lines)
    for path in ("items/a.txt", "items/giua.txt", "_rut-lai/items/giua.txt", LONG_PATH):
        assert any(path in line for line in lines), path  # whole on one line
    # An entry is a line «- …» and the lines under it indented by two: joined, each is the
    # line the log said before it was wrapped, and there are as many as events logged.
    entries = [line for line in change_log(text).splitlines() if line.startswith("- ")]
    assert len(entries) == len(events)
    assert all(line[:2] in ("- ", "  ") for line in lines if line[:1] in ("-", " "))
    assert entries[0].startswith(f"- Gửi lại tin «{LONG_TITLE}» (items/giua.txt), đã rút lúc")
    assert entries[0].endswith(
        "bản cũ đã rút vẫn còn ở _rut-lai/items/giua.txt (phần mềm không xóa tệp đó): đừng "
        "phát bản đó, đài có thể xóa"
    )
    assert entries[2] == (
        f"- Rút tin «{LONG_TITLE}» ({LONG_PATH}): không phát nữa (tệp đã chuyển vào _rut-lai/, "
        "có ghi lý do)"
    )
    # The heading's prose lines wrap the same way, each sentence under its first line.
    heading = text.split("\n\n")[0].splitlines()
    assert len(heading) > 4 and all(len(line) <= WIDTH for line in heading)
    assert len([line for line in heading if not line.startswith("  ")]) == 4
    assert change_log(text).split("\n\n")[0].splitlines()[1:] == [
        "Các tệp dưới đây đã được thay sau khi đài nhận; tệp thay có dòng «SỬA LẦN …» ở đầu.",
        "Tệp chỉ trình bày lại cho vừa khổ A4 thì nội dung không đổi, không có dòng «SỬA LẦN …» "
        "mới: không cần in lại.",
        "Mới nhất ở trên. Tệp này do phần mềm của Công an ghi, xin đừng sửa.",
    ]


MARKS = re.compile(r"SỬA LẦN …|sửa lần \d+")


@pytest.mark.parametrize("length", range(20, 60))
def test_the_log_never_breaks_a_revision_mark_across_lines(length: int) -> None:
    """Wrapped at WIDTH, «SỬA» at the end of one line and «LẦN …» on the next (or «sửa lần» and
    its number) is no longer the mark staff look for at the top of a file to reprint, nor the
    revision they print: each stays on one line wherever the words before it end (titles of
    every length), and the log still says them all."""
    title = ("Công an huyện tuần tra đêm đảm bảo an toàn giao thông " * 2)[:length].strip()
    events: list[dict[str, Any]] = [
        {**replaced("items/a.txt"), "title": title, "previous": AT},
        {**replaced("2024-W50/script.txt"), "revision": 12},
        relaid("2024-W50/rundown.txt"),
    ]
    text = station_plain(log_bytes("2024-W50", AIR, events, TZ))
    whole = change_log(text)
    assert len(MARKS.findall(whole)) == 4  # two in the heading, one in each revision
    assert sum(len(MARKS.findall(line)) for line in text.splitlines()) == 4
    assert all(len(line) <= WIDTH for line in text.splitlines())
    assert "\u00a0" not in text
