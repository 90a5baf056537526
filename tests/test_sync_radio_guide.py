"""DOC-TRUOC.txt: what station staff opening the folder on Monday morning need to know first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publish.render.radio.layout import WIDTH
from publish.sync.radio_guide import GUIDE_NAME
from tests.helpers import FIXTURES, running_order, stats
from tests.test_sync_radio import (
    FIRST,
    ITEM,
    LATER,
    OTHER_ITEM,
    OTHER_TITLE,
    SECOND,
    STATION,
    TITLE,
    change,
    edit,
    sync,
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A fresh copy of the radio fixture project."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def guide(root: Path) -> str:
    """The guide at the station, as Notepad shows it (it must be UTF-8 with a BOM, CRLF)."""
    data = (root / STATION / GUIDE_NAME).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n\n" not in data
    return data.decode("utf-8-sig").replace("\r\n", "\n")


def test_the_guide_says_which_episode_airs_next_when_and_which_file_to_read(root: Path) -> None:
    """After a sync the station folder opens with DOC-TRUOC.txt: the coming episode, its air
    time and folder, how many items, which file is read on air, that «Thời lượng khung» is a length,
    and that _rut-lai/ must never be read; a rerun leaves it. Written, it counts like the
    scripts: the summary counts the files written to the station folder, and a «tạo mới» line
    the summary left out read as a file lost."""
    _actions, summary = sync(root)
    text = guide(root)
    assert "- 17:00, Thứ Bảy, 14/12/2024: thư mục 2024-W50/ — 2 tin." in text
    assert "script.docx (bản Word, in ra để đọc) hoặc script.txt" in text
    assert "«Thời lượng khung» ở đầu rundown.txt và script là độ dài chuyên mục" in text
    assert "_rut-lai/" in text and "Tuyệt đối không phát" in text
    assert summary.created == len(stats(root / STATION)) == 7  # 6 scripts and the guide
    before = stats(root / STATION)
    actions, _summary = sync(root)
    assert {a.kind for a in actions} == {"noop"} and stats(root / STATION) == before


def test_the_guide_names_what_changed_and_what_was_withdrawn(root: Path) -> None:
    """A revision and a withdrawal after the station got the episode: the guide says it changed
    (see THAY-DOI.txt) and names the withdrawn bulletin as not to be read."""
    sync(root)
    change(root)
    sync(root, now=LATER)
    text = guide(root)
    assert "thư mục 2024-W50/ — 1 tin." in text
    assert "Đã sửa sau khi đài nhận (" in text and "tin rút): xem 2024-W50/THAY-DOI.txt." in text
    assert f"KHÔNG ĐỌC tin đã rút: «{OTHER_TITLE}» (items/canh-bao-lua-dao-shipper.txt)." in text
    actions, _summary = sync(root, now=LATER)
    assert {a.kind for a in actions} == {"noop"}


def test_an_episode_airing_rewrites_nothing_and_the_next_send_drops_it(root: Path) -> None:
    """The guide is told as of the last send (it says when): an episode airing changes
    nothing at the station; the next script sent brings a guide without it."""
    sync(root)
    assert "Lần gửi kịch bản gần nhất: 12:00, Thứ Năm, 12/12/2024." in guide(root)
    before = stats(root / STATION)
    actions, _summary = sync(root, now="2024-12-15T08:00")
    assert {a.kind for a in actions} == {"noop"} and stats(root / STATION) == before
    edit(root / FIRST, "date: 2024-12-09 08:00", "date: 2024-12-16 08:00")
    sync(root, now="2024-12-15T08:00")
    text = guide(root)
    assert "Lần gửi kịch bản gần nhất: 08:00, Chủ nhật, 15/12/2024." in text
    assert "2024-W50/" not in text and "- 17:00, Thứ Bảy, 21/12/2024: thư mục 2024-W51/" in text


def test_a_guide_the_station_edited_is_never_overwritten(root: Path) -> None:
    """Staff wrote their own notes into the guide: it is theirs now, left as it is."""
    sync(root)
    mine = (root / STATION / GUIDE_NAME).read_bytes() + "Ghi chú của đài.\r\n".encode()
    (root / STATION / GUIDE_NAME).write_bytes(mine)
    change(root)
    sync(root, now=LATER)
    assert (root / STATION / GUIDE_NAME).read_bytes() == mine


def test_a_bulletin_withdrawn_then_put_back_is_not_told_not_to_be_read(root: Path) -> None:
    """Withdrawn, then approved again before the episode airs: its script is back in the
    episode, so the guide must not tell the staff to leave it out, but tells them it was
    sent again (staff who remember the withdrawal would otherwise skip it)."""
    sync(root)
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    sync(root, now=LATER)
    assert "KHÔNG ĐỌC tin đã rút" in guide(root)
    edit(root / SECOND, "draft: true\napproved_by:", "approved_by:")
    sync(root, now="2024-12-13T15:00")
    text = guide(root)
    assert (root / STATION / OTHER_ITEM).exists()
    assert "thư mục 2024-W50/ — 2 tin." in text
    assert "KHÔNG ĐỌC tin đã rút" not in text
    # Named as an item of the episode again, with its file, and as sent again: never as withdrawn.
    assert text.count(OTHER_TITLE) == 2 and f"A5 «{OTHER_TITLE}»: {OTHER_ITEM}" in text
    assert f"GỬI LẠI tin đã rút trước đó: «{OTHER_TITLE}» ({OTHER_ITEM}): nay phát lại" in text


def test_a_moi_the_station_deleted_is_no_longer_named_by_the_guide(root: Path) -> None:
    """The station cut the withdrawn bulletin from its own script.txt and deleted our
    script.moi.txt, as the guide says: the guide is written again (nothing else was sent)
    without the «CHÚ Ý» sending the staff to a file that is gone; a rerun writes nothing."""
    sync(root)
    script = root / STATION / "2024-W50/script.txt"
    script.write_text(script.read_text("utf-8") + "\nGhi chú của đài.\n", "utf-8")
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    sync(root, now=LATER)
    text = guide(root)
    assert "VẪN CÒN tin đã rút" in text
    assert "hoặc bỏ tin đó khỏi tệp của đài rồi xóa 2024-W50/script.moi.txt trước khi phát" in text
    (root / STATION / "2024-W50/script.moi.txt").unlink()
    actions, summary = sync(root, now=LATER)
    assert [a.key for a in actions if a.kind == "update"] == [GUIDE_NAME] and summary.updated == 1
    text = guide(root)
    assert "script.moi.txt" not in text and "CHÚ Ý" not in text
    assert f"KHÔNG ĐỌC tin đã rút: «{OTHER_TITLE}»" in text  # still withdrawn all the same
    assert "Lần gửi kịch bản gần nhất: 14:05, Thứ Sáu, 13/12/2024." in text  # as of that send
    before = stats(root / STATION)
    actions, _summary = sync(root, now=LATER)
    assert {a.kind for a in actions} == {"noop"} and stats(root / STATION) == before


def test_a_script_the_station_edited_that_misses_a_change_is_named_by_the_guide(
    root: Path,
) -> None:
    """A bulletin changed after the station edited script.txt: its copy is kept and ours goes
    beside it; the guide no longer says script.txt and script.docx hold the same, and names
    the .moi to compare with before going on air."""
    sync(root)
    script = root / STATION / "2024-W50/script.txt"
    script.write_text(script.read_text("utf-8") + "\nGhi chú của đài.\n", "utf-8")
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    text = guide(root)
    assert (
        "LƯU Ý: đài đã tự sửa 2024-W50/script.txt nên tệp đó không được thay: bản mới nhất của "
        "Công an là 2024-W50/script.moi.txt."
    ) in text
    assert "không còn cùng nội dung với tệp kia: xem dòng LƯU Ý ở tập trên." in text
    (root / STATION / "2024-W50/script.moi.txt").replace(script)  # the station takes ours
    sync(root, now=LATER)
    assert "LƯU Ý" not in guide(root) and "không còn cùng nội dung" not in guide(root)


def test_the_guide_says_where_the_item_scripts_are(root: Path) -> None:
    """items/ sits in the station folder, shared by every episode, not in an episode's folder
    the guide's «ĐỌC TỆP NÀO (trong thư mục của tập)» is about; each item says its episode."""
    sync(root)
    assert (root / STATION / ITEM).exists() and not (root / STATION / "2024-W50/items").exists()
    text = guide(root)
    assert (
        "items/<tên tin>.txt (thư mục items/ nằm ngay trong thư mục này, chung cho mọi tập" in text
    )
    item = (root / STATION / ITEM).read_text("utf-8-sig").splitlines()
    head = item[: item.index("-" * WIDTH)]  # «đầu mỗi tệp»: above the rule, the title may wrap
    assert any("(tập 2024-W50)" in line for line in head)


def listing(text: str) -> list[str]:
    """The guide's lines naming an item of an episode: its rundown number, title and file."""
    return [line.strip() for line in text.splitlines() if line.startswith("    A")]


def test_the_guide_names_the_file_of_each_item_by_its_number_in_the_rundown(root: Path) -> None:
    """Item scripts are named after the bulletin, all weeks mixed in items/: a presenter at
    «A5» in rundown.txt could not tell which file it is. Under its episode the guide lists each
    item in air order with the rundown's number, its title and its file; a rerun writes
    nothing."""
    sync(root)
    text = guide(root)
    assert listing(text) == [
        f"A3 «{TITLE}»: {ITEM}",
        f"A5 «{OTHER_TITLE}»: {OTHER_ITEM}",
    ]
    assert (
        "thư mục 2024-W50/ — 2 tin.\n  Các tin theo thứ tự phát (số như trong rundown.txt)" in text
    )
    rundown = running_order((root / STATION / "2024-W50/rundown.txt").read_text("utf-8-sig"))
    for line in listing(text):
        number, _, rest = line.partition(" «")
        title, _, path = rest.rpartition("»: ")
        assert (root / STATION / path).exists()
        named = rundown[number][1]  # the row's slug, title and notes, under it
        assert named.endswith(title) or named.endswith(f"{title} (có thể bỏ)")
    before = stats(root / STATION)
    actions, _summary = sync(root, now="2024-12-12T13:00")
    assert {a.kind for a in actions} == {"noop"} and stats(root / STATION) == before


def test_a_revised_title_and_a_withdrawal_update_the_list_of_items(root: Path) -> None:
    """The title of a bulletin is corrected and the other one withdrawn after the station got
    the episode: the list names the item by its new title and no longer lists the withdrawn
    one (its file is in _rut-lai/), which is told not to be read; a rerun writes nothing."""
    sync(root)
    edit(root / FIRST, f'title: "{TITLE}"', f'title: "{TITLE} 2024"')
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    sync(root, now=LATER)
    text = guide(root)
    assert listing(text) == [f"A3 «{TITLE} 2024»: {ITEM}"]
    assert f"KHÔNG ĐỌC tin đã rút: «{OTHER_TITLE}» ({OTHER_ITEM})." in text
    before = stats(root / STATION)
    actions, _summary = sync(root, now=LATER)
    assert {a.kind for a in actions} == {"noop"} and stats(root / STATION) == before


def test_an_episode_withdrawn_whole_is_named_with_the_time_of_its_withdrawal(root: Path) -> None:
    """QA s74 item 2: the only bulletin of a coming episode is withdrawn, and every file of the
    episode goes into _rut-lai/. The guide's last send is the withdrawal, not the send before
    (it took the newest time among the records left, and looked older than the day before),
    and the episode is named as withdrawn whole, where its files went, in air order; a rerun
    leaves it; the bulletin put back, the episode is listed as ever."""
    edit(root / SECOND, "air_date: 2024-12-14", "air_date: 2024-12-21")
    sync(root)
    edit(root / FIRST, "approved_by:", "draft: true\napproved_by:")
    actions, _summary = sync(root, now=LATER)
    assert ("withdraw", "2024-W50/rundown.txt") in {(a.kind, a.key) for a in actions}
    text = guide(root)
    assert "Lần gửi kịch bản gần nhất: 14:05, Thứ Sáu, 13/12/2024." in text
    gone = (
        "- 17:00, Thứ Bảy, 14/12/2024: thư mục 2024-W50/ — ĐÃ RÚT CẢ TẬP lúc 14:05, Thứ Sáu, "
        "13/12/2024: không còn tin nào để đọc, không phát tập này. Các tệp của tập đã chuyển "
        "vào _rut-lai/2024-W50/: tuyệt đối không phát."
    )
    assert gone in text
    assert text.index(gone) < text.index("- 17:00, Thứ Bảy, 21/12/2024: thư mục 2024-W51/")
    before = stats(root / STATION)
    again, _summary = sync(root, now=LATER)
    assert {a.kind for a in again} == {"noop"} and stats(root / STATION) == before
    edit(root / FIRST, "draft: true\n", "")
    sync(root, now="2024-12-13T16:00")
    text = guide(root)
    assert "ĐÃ RÚT CẢ TẬP" not in text
    assert "- 17:00, Thứ Bảy, 14/12/2024: thư mục 2024-W50/ — 1 tin." in text
    assert "Lần gửi kịch bản gần nhất: 16:00, Thứ Sáu, 13/12/2024." in text
