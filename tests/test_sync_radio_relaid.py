"""The first sync after the station's .txt files were fitted to A4 (72 characters a line): a
file the station holds as we sent it, whose words did not change, is rewritten in the new
layout without «SỬA LẦN», and THAY-DOI.txt says once that nothing needs printing again; a file
whose words changed too, or one the station edited, is handled as before."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from publish.config import Config
from publish.render import radio as render_radio
from publish.render.radio import layout, word
from publish.render.radio.episode import Episode, shown_title
from publish.render.radio.rundown import clock, mss
from publish.render.radio_docx import CUE_PT, ParagraphSpec, build_docx
from publish.render.radio_station import END_MARK, WIDTH, station_text
from publish.sync import radio as radio_sync
from publish.sync.radio_relaid import A4, ENDED, Relaid, reason, relaid, word_verdict
from tests import test_radio_on_air_corrections as on_air
from tests.helpers import FIXTURES, snapshot
from tests.station_log import change_log
from tests.test_sync_radio import (
    FIRST,
    ITEM,
    LATER,
    OTHER_ITEM,
    STATION,
    built,
    edit,
    scripts,
    state_of,
    sync,
    sync_command,
)

GOLDEN = Path(__file__).parent / "golden" / "radio"
"""The fixture project's station files as the build now lays them out."""
BEFORE_A4 = FIXTURES / "radio-before-a4"
"""The fixture project's station .txt files as versions before the A4 layout wrote them (the
golden files of that time): 94-character rules and headers, the rundown's slug and title in
its rows."""
WIDE = 94
RUNDOWN = "2024-W50/rundown.txt"
SCRIPT = "2024-W50/script.txt"
LOG = "2024-W50/THAY-DOI.txt"
TEXTS = (RUNDOWN, SCRIPT, ITEM, OTHER_ITEM)
LINE = "Trình bày lại thứ tự phát, kịch bản cả tập và 2 tin cho vừa khổ A4, nội dung không đổi: không cần in lại"


def wide_rundown(episode: Episode, config: Config) -> str:
    """rundown.txt as versions before the A4 layout laid it out (their code, kept here to make
    the files they sent): slug and title in each row."""
    timing = episode.timing
    heading = [
        f"{config.radio.program.upper()} — THỨ TỰ PHÁT SÓNG TẬP {episode.week}",
        f"Phát sóng: {layout.air_clock(episode.air)}, {layout.vn_date(episode.air)} | Thời lượng "
        f"khung: {mss(episode.slot)} | Tốc độ đọc: {episode.rate} âm tiết/phút"
        + layout._reader_rates(episode),
    ]
    if not episode.bulletins:
        return "\n".join([*heading, "", *layout._nothing_yet(episode)]) + "\n"
    kind = max(9, *(len(segment.label) for segment in episode.segments))
    lines = [
        *heading,
        *layout._scheduled_line(episode),
        "",
        f"{'Số':<4} {'Slug':<24} {'Loại':<{kind}} {'Âm tiết':>7} {'Thời lượng':>10} "
        f"{'Tích lũy':>8} {'Lên sóng':>9} {'Hạn bắt đầu':>11}  Tiêu đề",
    ]
    hopeless = False
    for index, (segment, row) in enumerate(zip(episode.segments, timing.rows, strict=True)):
        syllables = str(segment.syllables) if segment.kind == "read" else "–"
        notes = [layout.ROW_NOTES[segment.mode]] if segment.mode in layout.ROW_NOTES else []
        notes += ["có thể bỏ"] if segment.floatable else []
        faded = timing.faded(index)
        if faded is not None:
            notes.append(f"chỉ phát {mss(faded)} rồi hạ nhỏ dần")
        elif timing.late(index):
            notes.append("không kịp phát")
        deadline = clock(row.backtime) if row.backtime >= episode.air else "–"
        hopeless = hopeless or deadline == "–"
        title = shown_title(segment)
        tail = " ".join(part for part in (title, f"({', '.join(notes)})" if notes else "") if part)
        lines.append(
            f"{row.number:<4} {segment.slug:<24} {segment.label:<{kind}} {syllables:>7} "
            f"{mss(row.seconds):>10} {mss(row.cume):>8} {clock(row.on_air):>9} "
            f"{deadline:>11}" + (f"  {tail}" if tail else "")
        )
    lines += [
        "",
        f"Tổng thời lượng (TRT): {mss(timing.total)} | Thời lượng khung: {mss(timing.slot)} | "
        f"{timing.verdict}",
    ]
    if hopeless:
        lines.append(
            "Hạn bắt đầu «–»: mục đó cùng các mục sau nó dài hơn cả khung giờ, bắt đầu lúc nào "
            "cũng không kịp."
        )
    label = layout.severity_label(layout.TIMING_SEVERITY).upper()
    lines += [f"{label}: {warning} {layout.rule_note('Q9')}" for warning in episode.warnings]
    return "\n".join(lines) + "\n"


def wide_header(left: str, right: str) -> list[str]:
    """An item's header as versions before the A4 layout made it: one line, however long."""
    return [f"{left}{' ' * max(2, WIDE - len(left) - len(right))}{right}"]


@contextlib.contextmanager
def laid_out_wide() -> Iterator[None]:
    """Build as versions before the A4 layout did: 94-character rules, header fields after
    the slug on its line, lines never broken."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(layout, "WIDTH", WIDE)
        patch.setattr(layout, "_fitted", lambda line: [line])
        patch.setattr(layout, "_header", wide_header)
        patch.setattr(layout, "RULE", "-" * WIDE)
        patch.setattr(layout, "PAGE_RULE", "=" * WIDE)
        patch.setattr(render_radio, "rundown_text", wide_rundown)
        yield


def sent_wide(project: Path, **options: Any) -> None:
    """The station has the fixture's episode as a version before the A4 layout sent it; then
    the tool is upgraded (its build cache, keyed on its code, starts afresh)."""
    with laid_out_wide():
        sync(project, **options)
    shutil.rmtree(project / ".cache", ignore_errors=True)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The fixture project, its episode sent by a version before the A4 layout."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    sent_wide(target)
    return target


def kept(found: Relaid | None) -> str | None:
    """The line a file laid out anew keeps under its first ("" for none), None when the file
    is not laid out anew."""
    return None if found is None else found.line


def test_the_wide_layout_here_is_what_versions_before_sent(root: Path) -> None:
    """The files the tests below start from are byte for byte those older versions sent."""
    station = snapshot(root / STATION)
    for path in TEXTS:
        assert station[path] == (BEFORE_A4 / path).read_bytes(), path


def test_a_layout_change_alone_is_rewritten_without_a_revision(root: Path) -> None:
    """Every .txt file of the coming episode goes in the new layout, with no «SỬA LẦN», its
    revision and send time kept; THAY-DOI.txt tells it once; a rerun writes nothing."""
    before = radio_sync.StationRecord.load(root / "state/radio.json", "radio").entries()
    actions, summary = sync(root, now=LATER)
    assert not summary.failed
    updates = {a.key: a.reason for a in actions if a.kind == "update"}
    assert set(updates) - {LOG} >= set(TEXTS)
    assert {updates[path] for path in TEXTS} == {
        "Trình bày lại cho vừa khổ A4, nội dung không đổi: không cần in lại"
    }
    done = {action.key: said for action, said in summary.done}
    assert {path: done[path] for path in TEXTS} == {
        path: f"đã ghi {path} (trình bày lại, nội dung không đổi: không cần in lại)"
        for path in TEXTS
    }
    station = scripts(root / STATION)
    expected = built(root)
    for path in TEXTS:
        assert station[path] == expected[path], path
        assert "SỬA LẦN".encode() not in station[path]
    log = change_log(station[LOG]).splitlines()
    assert [line for line in log if line.startswith("- ")] == [f"- {LINE}"]
    after = radio_sync.StationRecord.load(root / "state/radio.json", "radio").entries()
    for path in TEXTS:
        assert (after[path]["revision"], after[path]["sent_at"]) == (
            before[path]["revision"],
            before[path]["sent_at"],
        )
    again, _summary = sync(root, now=LATER)
    assert [a for a in again if a.kind != "noop"] == []


ADDRESS = "https://congan-chauthanh.example.vn/" + "tin-tuc/" * 6 + "ra-quan-dam-bao"
"""A word longer than a line (79 characters): no layout can break it."""


def test_a_title_with_a_word_longer_than_a_line_is_laid_out_anew(tmp_path: Path) -> None:
    """The A4 layout keeps a long address of the title whole on a line of its own, wider than
    72: that line is no sign of the old layout left, and the files are only laid out anew
    (they were sent as «SỬA LẦN 2 … hãy in lại» though no word changed)."""
    assert len(ADDRESS) > layout.WIDTH
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", project)
    edit(project / FIRST, 'title: "Công an', f'title: "Xem {ADDRESS} Công an')
    sent_wide(project)
    actions, summary = sync(project, now=LATER)
    assert not summary.failed
    updates = {a.key: a.reason for a in actions if a.kind == "update" and a.key in TEXTS}
    assert set(updates) == set(TEXTS)
    assert set(updates.values()) == {reason((A4,))}
    station = scripts(project / STATION)
    expected = built(project)
    for path in TEXTS:
        assert station[path] == expected[path], path
    item = station[ITEM].decode("utf-8-sig").splitlines()
    assert f"  {ADDRESS}" in item  # whole, on a line of its own
    log = change_log(station[LOG]).splitlines()
    assert [line for line in log if line.startswith("- ")] == [f"- {LINE}"]
    assert "chỉ được trình bày lại" in log[1] and "SỬA LẦN …» ở đầu" not in log[1]


def test_a_long_word_alone_on_its_line_is_no_sign_of_either_layout() -> None:
    """The A4 copy's title broken around an address longer than a line holds the words of the
    wide one, its own line for the address is no line left too wide; a word changed still
    makes a revision."""
    title = f"Xem {ADDRESS} ngay"
    a4 = a4_item(BODY, title=f"Xem\n  {ADDRESS}\n  ngay")
    assert kept(relaid("items/x.txt", wide_item(BODY, title=title), a4, lined=False)) == ""
    changed = a4_item(BODY, title=f"Xem\n  {ADDRESS}\n  sau")
    assert kept(relaid("items/x.txt", wide_item(BODY, title=title), changed, lined=False)) is None


def test_a_layout_change_with_a_changed_number_is_a_revision(root: Path) -> None:
    """A bulletin edited since: its item script and the episode script (text and Word) are
    revisions to print again, as before; the rundown and the other item, whose words did not
    change, are only laid out anew."""
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    station = scripts(root / STATION)
    for path in (ITEM, SCRIPT):
        lines = station[path].decode("utf-8-sig").splitlines()
        assert lines[1].startswith("SỬA LẦN 2 — ") and "hãy in lại" in lines[1], path
    assert "SỬA LẦN".encode() not in station[RUNDOWN] + station[OTHER_ITEM]
    log = [line for line in change_log(station[LOG]).splitlines() if line[:2] == "- "]
    assert (
        f"- {LINE.replace('thứ tự phát, kịch bản cả tập và 2 tin', 'thứ tự phát và 1 tin')}" in log
    )
    revised = [line for line in log if "sửa lần 2" in line]
    assert len(revised) == 3 and all(
        any(f"({name})" in line for line in revised) for name in (ITEM, "script.txt", "script.docx")
    )


def test_a_revised_file_laid_out_anew_keeps_its_revision_line(root: Path) -> None:
    """A script the station got as «SỬA LẦN 2» keeps that line and its revision when only its
    layout changes: what it says is still true of the words."""
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    with laid_out_wide():
        sync(root, now=LATER)
    shutil.rmtree(root / ".cache")
    revised = scripts(root / STATION)[ITEM].decode("utf-8-sig").splitlines()[1]
    assert revised.startswith("SỬA LẦN 2 — ")
    sync(root, now="2024-12-13T08:00")
    lines = scripts(root / STATION)[ITEM].decode("utf-8-sig").splitlines()
    assert lines[1] == revised
    assert lines[:1] + lines[2:] == built(root)[ITEM].decode("utf-8-sig").splitlines()
    assert state_of(root)["entries"][ITEM]["revision"] == 2


def test_a_file_the_station_edited_is_left_and_the_new_layout_goes_beside(root: Path) -> None:
    """The station's own edit is never overwritten, layout or not: ours goes beside it."""
    path = root / STATION / OTHER_ITEM
    path.write_bytes(path.read_bytes().replace("Không chuyển".encode(), "KHÔNG chuyển".encode()))
    actions, _summary = sync(root, now=LATER)
    [action] = [a for a in actions if a.key == OTHER_ITEM]
    assert action.kind == "conflict"
    assert (root / STATION / radio_sync.moi_name(OTHER_ITEM)).read_bytes() == built(root)[
        OTHER_ITEM
    ]


WIDE_FIELDS = "Phát sóng: 17:00, Thứ Bảy, 14/12/2024 | 56 âm tiết, 240 âm tiết/phút"
LEAD_IN = "LỜI DẪN: Sáng nay Công an huyện ra quân."


def wide_item(body: str, fields: str = WIDE_FIELDS, title: str = "Tỉ số 2 1") -> bytes:
    """An item script as versions before the A4 layout sent it: its header on one line of 94,
    under it the title and fields, then the 94-character rule and `body`."""
    header = f"CANH-BAO{' ' * 50}Bài | Đọc: PTV Hương | Ước tính 0:19"
    rule = "-" * WIDE
    return f"{header}\nTiêu đề (không đọc): {title}\n{fields}\n{rule}\n{body}".encode()


def a4_item(body: str, fields: str = WIDE_FIELDS, title: str = "Tỉ số 2 1") -> bytes:
    """The same item script in the A4 layout: header within 72, the 72-character rule."""
    header = "CANH-BAO  Bài | Đọc: PTV Hương | Ước tính 0:19"
    rule = "-" * layout.WIDTH
    return f"{header}\nTiêu đề (không đọc): {title}\n{fields}\n{rule}\n{body}".encode()


BODY = f"{LEAD_IN}\n\nĐoàn tuần tra đi 3 xã.\n"


@pytest.mark.parametrize(
    ("fields", "same"),
    [
        ("Phát sóng: 17:00, Thứ Bảy, 14/12/2024\n56 âm tiết, 240 âm tiết/phút", True),
        ("Phát sóng: 17:00, Thứ Bảy, 14/12/2024\n57 âm tiết, 240 âm tiết/phút", False),
        ("Phát sóng: 17:30, Thứ Bảy, 14/12/2024 | 56 âm tiết, 240 âm tiết/phút", False),
        ("Phát sóng: 17:00, Thứ Bảy, 14/12/2024 56 âm tiết, 240 âm tiết/phút", True),
        (WIDE_FIELDS, True),
        ("Phát sóng: 17:00, Thứ Bảy, 14/12/2024 | 56 âm tiết 240 âm tiết/phút", False),
    ],
)
def test_words_are_what_is_read_not_how_lines_are_broken(fields: str, same: bool) -> None:
    """A header line broken elsewhere, a «|» between fields gone with it, a shorter rule:
    layout; a number, a time or a comma changed: not."""
    found = kept(relaid("items/x.txt", wide_item(BODY), a4_item(BODY, fields), lined=False))
    assert (found == "") is same


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Words moved from the lead-in into the next paragraph: not what the presenter reads.
        (BODY, "LỜI DẪN: Sáng nay Công an huyện\n\nra quân. Đoàn tuần tra đi 3 xã.\n"),
        (BODY, f"{LEAD_IN} Đoàn tuần tra đi 3 xã.\n"),
        (f"{LEAD_IN}\n\nTỉ số 2 | 1.\n", f"{LEAD_IN}\n\nTỉ số 2 1.\n"),
        (f"{LEAD_IN}\n\n---\n\nĐoàn tuần tra đi 3 xã.\n", BODY),
        (BODY, f"{LEAD_IN}\n\n---\n\nĐoàn tuần tra đi 3 xã.\n"),
    ],
)
def test_a_change_of_the_spoken_text_is_never_layout(old: str, new: str) -> None:
    """A paragraph boundary moved, a «|» or a «---» of the text gone or added: the station
    is told to print again («SỬA LẦN»), though every other word is the same."""
    assert kept(relaid("items/x.txt", wide_item(old), a4_item(old), lined=False)) == ""
    assert kept(relaid("items/x.txt", wide_item(old), a4_item(new), lined=False)) is None


def test_only_a_file_in_the_old_layout_is_laid_out_anew() -> None:
    """A file already in the A4 layout whose build only breaks a line elsewhere, or a build
    still as wide as the station's copy, is a revision like any other."""
    broken = "Phát sóng: 17:00, Thứ Bảy, 14/12/2024\n56 âm tiết, 240 âm tiết/phút"
    assert kept(relaid("items/x.txt", a4_item(BODY), a4_item(BODY, broken), lined=False)) is None
    wider = wide_item(BODY, broken)
    assert kept(relaid("items/x.txt", wide_item(BODY), wider, lined=False)) is None
    assert kept(relaid("items/x.txt", wide_item(BODY), a4_item(BODY, broken), lined=False)) == ""


def test_only_a_sync_s_own_line_under_the_first_is_taken_for_one() -> None:
    """A station copy recorded with a digest of its own (kept for the file names an older
    version wrote) has its title on line 2: it is compared, not taken for «SỬA LẦN»; a real
    revision line is kept for the rewritten file."""
    old = wide_item(BODY)
    assert kept(relaid("items/x.txt", old, a4_item(BODY), lined=True)) == ""
    line = "SỬA LẦN 2 — cập nhật lúc 8:00, Thứ Sáu, 13/12/2024; thay bản đã gửi trước."
    first, rest = old.split(b"\n", 1)
    revised = b"\n".join([first, line.encode(), rest])
    assert kept(relaid("items/x.txt", revised, a4_item(BODY), lined=True)) == line
    back = "GỬI LẠI — gửi lúc 8:00, Thứ Sáu, 13/12/2024; tệp này đã rút, nay phát lại."
    resent = b"\n".join([first, back.encode(), rest])
    assert kept(relaid("items/x.txt", resent, a4_item(BODY), lined=True)) == back


def test_a_rundown_row_moved_is_no_layout_change() -> None:
    """Two rows swapped in the running order are a change, though the words are the same."""
    old = (BEFORE_A4 / RUNDOWN).read_bytes()
    new = (GOLDEN / RUNDOWN).read_bytes()
    lines = new.split(b"\r\n")
    third = lines.index(next(x for x in lines if x.startswith(b"A3 ")))
    fifth = lines.index(next(x for x in lines if x.startswith(b"A5 ")))
    swapped = [*lines[:third], *lines[fifth : fifth + 3], *lines[third + 3 : fifth]]
    swapped += [*lines[third : third + 3], *lines[fifth + 3 :]]
    assert sorted(swapped) == sorted(lines) and swapped != lines
    assert kept(relaid(RUNDOWN, old, b"\r\n".join(swapped), lined=False)) is None
    assert kept(relaid(RUNDOWN, old, new.replace(b"0:42", b"0:43"), lined=False)) is None


def test_the_a4_rundown_holds_the_words_of_the_wide_one() -> None:
    """The rundown's slug moved from its row to the line under it is layout; a slug changed
    is not."""
    old = (BEFORE_A4 / RUNDOWN).read_bytes()
    new = (GOLDEN / RUNDOWN).read_bytes()
    assert kept(relaid(RUNDOWN, old, new, lined=False)) == ""
    renamed = new.replace(b"     LOI-CHAO", b"     LOI-CHAO-MOI")
    assert kept(relaid(RUNDOWN, old, renamed, lined=False)) is None


def test_a_later_change_of_line_breaks_alone_is_a_revision(root: Path) -> None:
    """Once laid out for A4, a file whose build only breaks its lines elsewhere is sent with
    «SỬA LẦN» and told in THAY-DOI.txt as a revision, not silently as «cho vừa khổ A4» again."""
    sync(root, now=LATER)
    shutil.rmtree(root / ".cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(layout, "WIDTH", 60)  # a later version that breaks lines elsewhere
        actions, summary = sync(root, now="2024-12-13T16:00")
    assert not summary.failed
    updated = {a.key: a.reason for a in actions if a.kind == "update" and a.key in TEXTS}
    assert ITEM in updated and RUNDOWN in updated
    station = scripts(root / STATION)
    for path, told in updated.items():
        assert "A4" not in told, path
        line = station[path].decode("utf-8-sig").splitlines()[1]
        assert line.startswith("SỬA LẦN 2 — ") and "hãy in lại" in line, path
    log = [line for line in change_log(station[LOG]).splitlines() if line[:2] == "- "]
    assert log.count(f"- {LINE}") == 1
    assert len([line for line in log if "sửa lần 2" in line]) == len(updated)


def test_a_station_file_is_read_once_to_tell_a_layout_change(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the station's network share each read costs: a changed .txt file is read once, to
    hash it and to compare its words (not once a check), and so is script.docx."""
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    station = (root / STATION).resolve()
    reads: dict[str, int] = {}
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        """Path.read_bytes, counting reads of the station's files."""
        if path.resolve().is_relative_to(station):
            name = path.resolve().relative_to(station).as_posix()
            reads[name] = reads.get(name, 0) + 1
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    actions, _summary = sync(root, now=LATER, dry_run=True)
    assert {a.key for a in actions if a.kind == "update"} >= {*TEXTS, "2024-W50/script.docx"}
    assert reads["2024-W50/script.docx"] == 1
    assert {path: reads[path] for path in TEXTS} == dict.fromkeys(TEXTS, 1)


CORRECTION_EPISODE = "2024-W51"


def held_before_the_end_mark(root: Path) -> str:
    """The fixture project at `root`: its episode 2024-W51 holding a correction item (on_air)
    that the station got from a version before a correction item was closed with «— HẾT TIN —»
    (S7), state/radio.json and the station folder as that version left them; the tool is then
    upgraded (its build cache, keyed on its code, starts afresh). When to sync next."""
    assert sync_command(root, on_air.SENT) == 0
    on_air.correct(root, "2024-12-16 09:00")
    with pytest.MonkeyPatch.context() as patch:  # as versions before S7 closed a correction
        patch.setattr(layout, "NEWS_TYPES", ("Tin", "Bài"))
        patch.setattr(word, "NEWS_TYPES", ("Tin", "Bài"))
        assert sync_command(root, on_air.CORRECTED) == 0
    shutil.rmtree(root / ".cache", ignore_errors=True)
    assert "HẾT TIN" not in (root / STATION / on_air.CORRECTION_ITEM).read_text("utf-8-sig")
    return "2024-12-16T12:30"


ENDED_TEXTS = (on_air.CORRECTION_ITEM, f"{CORRECTION_EPISODE}/script.txt")
WORD = f"{CORRECTION_EPISODE}/script.docx"
ENDED_REASON = (
    "Trình bày lại để thêm dòng «— HẾT TIN —» ở cuối tin, lời đọc không đổi: không cần in lại"
)


def test_a_correction_the_station_holds_without_its_end_mark_is_not_sent_as_revised(
    tmp_path: Path,
) -> None:
    """A correction item gained «— HẾT TIN —» under its text (S7): the files of one the station
    already holds from a version before differ by that line only, and were sent with «SỬA LẦN
    2» for staff to reprint words that did not change. Its .txt files and the episode's Word
    script are laid out anew, told once in THAY-DOI.txt by that cause (not «cho vừa khổ A4»,
    which they already were), with no revision."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root)
    when = held_before_the_end_mark(root)
    station = root / STATION
    before = radio_sync.StationRecord.load(root / "state/radio.json", "radio").entries()
    actions, summary = sync(root, now=when)
    assert not summary.failed
    updates = {a.key: a.reason for a in actions if a.kind == "update"}
    assert {updates[path] for path in (*ENDED_TEXTS, WORD)} == {ENDED_REASON}
    # What the sync prints as it writes each says what its THAY-DOI.txt line says.
    done = {action.key: said for action, said in summary.done}
    assert {path: done[path] for path in (*ENDED_TEXTS, WORD)} == {
        path: f"đã ghi {path} (trình bày lại, lời đọc không đổi: không cần in lại)"
        for path in (*ENDED_TEXTS, WORD)
    }
    now = scripts(station)
    expected = built(root)
    for path in (*ENDED_TEXTS, WORD):
        assert now[path] == expected[path], path
        assert "SỬA LẦN".encode() not in now[path]
    assert (
        (station / on_air.CORRECTION_ITEM).read_text("utf-8-sig").rstrip().endswith("— HẾT TIN —")
    )
    after = radio_sync.StationRecord.load(root / "state/radio.json", "radio").entries()
    for path in (*ENDED_TEXTS, WORD):
        assert after[path]["revision"] == before[path]["revision"] == 1, path
        assert after[path]["sent_at"] == before[path]["sent_at"], path
    log = change_log(now[f"{CORRECTION_EPISODE}/THAY-DOI.txt"]).splitlines()
    assert log[1].startswith("Các tệp dưới đây chỉ được trình bày lại sau khi đài nhận")
    assert "lời đọc không đổi" in log[1] and "nội dung" not in log[1]
    assert [line for line in log if line.startswith("- ")] == [
        "- Trình bày lại kịch bản cả tập, kịch bản cả tập (bản Word) và 1 tin để thêm dòng "
        "«— HẾT TIN —» ở cuối tin, lời đọc không đổi: không cần in lại"
    ]
    assert "A4" not in "\n".join(log)
    guide = (station / radio_sync.GUIDE_NAME).read_text("utf-8-sig")
    assert "Đã sửa sau khi đài nhận" not in guide
    # The staff are told the mark is not read, and that a file only laid out anew needs no print.
    assert "dòng «— HẾT TIN —» (dấu hết một tin) và dòng ghi «(không đọc)» là chỉ dẫn" in guide
    assert "Tệp chỉ được trình bày lại (nhật ký ghi «Trình bày lại …») không có dòng ấy" in guide
    again, _summary = sync(root, now="2024-12-16T13:00")
    assert [a for a in again if a.kind != "noop"] == []


END_LINE = "— HẾT TIN —".rjust(layout.WIDTH)
GOLDEN_SCRIPT = (GOLDEN / SCRIPT).read_bytes().decode("utf-8-sig").split("\r\n")
"""The fixture episode's script.txt as built: two news items, each closed by the end mark,
the first with the music after it before the page's rule («[A4 NHẠC CẮT 0:05]»)."""


def script_lines(lines: list[str]) -> bytes:
    """A script.txt of these lines, as the build writes one."""
    return station_text("\n".join(lines))


def without(lines: list[str], index: int) -> list[str]:
    """`lines` without the end mark at `index` and the blank line under it."""
    assert lines[index] == END_LINE and lines[index + 1] == ""
    return [*lines[:index], *lines[index + 2 :]]


@pytest.mark.parametrize("mark", [0, 1])
def test_an_end_mark_closing_an_item_is_laid_out_anew(mark: int) -> None:
    """The end mark the station's copy lacks, where the build closes an item: at the page's
    end, or before the music that follows the item on its page."""
    marks = [i for i, line in enumerate(GOLDEN_SCRIPT) if line == END_LINE]
    assert len(marks) == 2 and GOLDEN_SCRIPT[marks[0] + 2].startswith("[A4 ")
    held = script_lines(without(GOLDEN_SCRIPT, marks[mark]))
    found = relaid(SCRIPT, held, script_lines(GOLDEN_SCRIPT), lined=False)
    assert found == Relaid("", (ENDED,))


def test_an_end_mark_where_the_build_puts_none_is_a_change() -> None:
    """The station's copy lacks an end mark the build has elsewhere than closing an item:
    before the item's last paragraph, after the music that follows it, or in an item file
    above its text. The words read are the same, yet the build never writes such a file: it
    is sent as a revision, not quietly laid out anew."""
    marks = [i for i, line in enumerate(GOLDEN_SCRIPT) if line == END_LINE]
    held = without(GOLDEN_SCRIPT, marks[0])
    built = script_lines(GOLDEN_SCRIPT)
    assert relaid(SCRIPT, script_lines(held), built, lined=False) is not None
    cue = held.index("[A4 NHẠC CẮT 0:05]")
    for at in (marks[0] - 2, cue + 2):
        moved = [*held[:at], END_LINE, "", *held[at:]]
        assert relaid(SCRIPT, script_lines(held), script_lines(moved), lined=False) is None, at
    assert (
        kept(relaid("items/x.txt", a4_item(BODY), a4_item(f"{BODY}\n{END_LINE}\n"), lined=False))
        == ""
    )
    above = f"{LEAD_IN}\n\n{END_LINE}\n\nĐoàn tuần tra đi 3 xã.\n"
    assert kept(relaid("items/x.txt", a4_item(BODY), a4_item(above), lined=False)) is None


def test_a_file_both_wide_and_without_its_end_mark_says_both() -> None:
    """A correction the station got before the A4 layout: fitted to A4 and closed by the end
    mark at once, and told so."""
    found = relaid("items/x.txt", wide_item(BODY), a4_item(f"{BODY}\n{END_LINE}\n"), lined=False)
    assert found == Relaid("", (A4, ENDED))
    assert relaid("items/x.txt", wide_item(BODY), a4_item(BODY), lined=False) == Relaid("", (A4,))


def word_file(*pages: list[str]) -> bytes:
    """A Word script of these pages, each a list of paragraphs, built as the build builds one
    (the end mark right-aligned, as word's plan puts it)."""
    paragraphs: list[ParagraphSpec] = []
    for page in pages:
        for number, text in enumerate(page):
            paragraphs.append(
                (((text, CUE_PT, True),), number == 0 and page is not pages[0], text == END_MARK)
            )
    return build_docx(
        paragraphs, {"title": "Tập", "author": "Đơn vị", "moment": "2024-12-14T10:00:00"}
    )


HEADING = ["VÌ AN NINH TỔ QUỐC — KỊCH BẢN PHÁT SÓNG", "THỨ TỰ PHÁT SÓNG"]
ITEM_PAGE = ["[A3]  DINH-CHINH  |  ĐÍNH CHÍNH", "Đính chính: sửa số đường dây nóng."]
CLOSING_PAGE = ["[A4]  LOI-KET  |  LỜI DẪN", "Hẹn gặp lại.", "[A5 NHẠC HIỆU KẾT THÚC 0:20]"]


def test_a_word_script_that_only_gained_end_marks_is_laid_out_anew() -> None:
    """A correction's page of script.docx closed by the end mark, before the music after it or
    at the page's end: the same words; anything else is a change."""
    held = word_file(HEADING, ITEM_PAGE, CLOSING_PAGE)
    built = word_file(HEADING, [*ITEM_PAGE, END_MARK], CLOSING_PAGE)
    assert word_verdict(held, built) == Relaid("", (ENDED,))
    music = ["[A4]  LOI-KET  |  LỜI DẪN", "Hẹn gặp lại."]
    held_music = word_file(HEADING, [*ITEM_PAGE, "[A4 NHẠC CẮT 0:05]"], music)
    built_music = word_file(HEADING, [*ITEM_PAGE, END_MARK, "[A4 NHẠC CẮT 0:05]"], music)
    assert word_verdict(held_music, built_music) == Relaid("", (ENDED,))
    changes = [
        word_file(
            HEADING,
            [*ITEM_PAGE[:1], "Đính chính: sửa số đường dây nóng 113.", END_MARK],
            CLOSING_PAGE,
        ),
        word_file(HEADING, [*ITEM_PAGE[:1], END_MARK, *ITEM_PAGE[1:]], CLOSING_PAGE),
        word_file(HEADING, [*ITEM_PAGE, END_MARK, *CLOSING_PAGE]),
    ]
    for number, changed in enumerate(changes):
        assert word_verdict(held, changed) is False, number
    # The build without its end mark is the station's very words: kept, not laid out anew.
    assert word_verdict(held, word_file(HEADING, ITEM_PAGE, CLOSING_PAGE)) is True
    assert word_verdict(b"PK\x03\x04 not a Word file", built) is False
    assert word_verdict(held, b"") is False


def test_an_end_mark_written_twice_is_a_change() -> None:
    """The build closes an item with one end mark: a second one under the one the station's
    copy has, in a .txt file or in the Word script, is no layout of the same words and is
    sent as a revision."""
    once, twice = f"{BODY}\n{END_LINE}\n", f"{BODY}\n{END_LINE}\n\n{END_LINE}\n"
    assert relaid("items/x.txt", a4_item(once), a4_item(twice), lined=False) is None
    assert relaid("items/x.txt", wide_item(once), a4_item(twice), lined=False) is None
    held = word_file(HEADING, [*ITEM_PAGE, END_MARK], CLOSING_PAGE)
    doubled = word_file(HEADING, [*ITEM_PAGE, END_MARK, END_MARK], CLOSING_PAGE)
    assert word_verdict(held, doubled) is False


def damaged(word: bytes) -> bytes:
    """`word` with the compressed bytes of its word/document.xml overwritten: reading that
    member raises zlib.error, not BadZipFile."""
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    return word[:start] + b"\xff" * 16 + word[start + 16 :]


def test_a_damaged_word_script_at_the_station_is_no_word_file() -> None:
    """A script.docx whose compressed text is damaged (a copy cut short on the station's
    share) made the check raise zlib.error, which stopped the whole sync: it is read as no
    Word file of ours, as a file that is no zip is."""
    held = word_file(HEADING, ITEM_PAGE, CLOSING_PAGE)
    built = word_file(HEADING, [*ITEM_PAGE, END_MARK], CLOSING_PAGE)
    broken = damaged(held)
    with zipfile.ZipFile(io.BytesIO(broken)) as archive, pytest.raises(zlib.error):
        archive.read("word/document.xml")
    assert word_verdict(broken, built) is False


def test_a_correction_held_before_both_the_a4_layout_and_its_end_mark(tmp_path: Path) -> None:
    """The station got the correction's episode from a version before the A4 layout and before
    a correction was closed with its end mark: each file is laid out anew and THAY-DOI.txt
    tells each cause of its own files, the Word script only for its end mark (it has no lines
    to fit), with no revision."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root)
    with laid_out_wide():
        when = held_before_the_end_mark(root)
    actions, summary = sync(root, now=when)
    assert not summary.failed
    updates = {a.key: a.reason for a in actions if a.kind == "update"}
    both = "Trình bày lại cho vừa khổ A4 và thêm dòng «— HẾT TIN —» ở cuối tin, lời đọc không đổi: không cần in lại"
    assert {
        path: updates.get(path)
        for path in (*ENDED_TEXTS, WORD, f"{CORRECTION_EPISODE}/rundown.txt")
    } == {
        **dict.fromkeys(ENDED_TEXTS, both),
        WORD: ENDED_REASON,
        f"{CORRECTION_EPISODE}/rundown.txt": reason((A4,)),
    }
    station = scripts(root / STATION)
    assert all(station[path] == data for path, data in built(root).items() if path in updates)
    log = change_log(station[f"{CORRECTION_EPISODE}/THAY-DOI.txt"]).splitlines()
    assert [line for line in log if line.startswith("- ")] == [
        "- Trình bày lại thứ tự phát cho vừa khổ A4, nội dung không đổi: không cần in lại",
        "- Trình bày lại kịch bản cả tập (bản Word) để thêm dòng «— HẾT TIN —» ở cuối tin, lời "
        "đọc không đổi: không cần in lại",
        "- Trình bày lại kịch bản cả tập và 1 tin cho vừa khổ A4 và thêm dòng «— HẾT TIN —» ở "
        "cuối tin, lời đọc không đổi: không cần in lại",
    ]
    assert not any("sửa lần" in line for line in log)


def test_a_change_log_written_unwrapped_is_laid_out_anew_not_told_as_missing_changes(
    root: Path,
) -> None:
    """Versions before THAY-DOI.txt was wrapped at WIDTH wrote an entry a line. The first sync
    since rewrites the log of a coming episode (it is ours: no .moi beside it) and its plan
    says the log is only laid out anew, not that it missed changes, which it did not."""
    sync(root)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    path = root / STATION / LOG
    wrapped = path.read_bytes()
    older = station_text(change_log(wrapped))  # what those versions wrote
    assert older != wrapped and max(map(len, change_log(older).splitlines())) > WIDTH
    path.write_bytes(older)
    record = root / "state/radio.json"
    document = state_of(root)
    document["meta"]["revisions"]["2024-W50"]["digest"] = hashlib.sha256(older).hexdigest()
    record.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    actions, summary = sync(root, now="2024-12-13T15:00")
    [logged] = [a for a in actions if a.key == LOG]
    assert (logged.kind, logged.reason) == ("update", radio_sync.REWRAPPED)
    assert summary.conflicts == 0 and path.read_bytes() == wrapped
    assert not (root / STATION / "2024-W50/THAY-DOI.moi.txt").exists()
    actions, _summary = sync(root, now="2024-12-13T15:30")
    assert {a.kind for a in actions} == {"noop"}
    # Words added or gone are no new layout: such a log is told as missing changes, as ever.
    path.write_bytes(station_text(change_log(wrapped).replace("sửa lần 2", "sửa lần 2 rồi")))
    document = state_of(root)
    document["meta"]["revisions"]["2024-W50"]["digest"] = hashlib.sha256(
        path.read_bytes()
    ).hexdigest()
    record.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    actions, _summary = sync(root, now="2024-12-13T15:45")
    [logged] = [a for a in actions if a.key == LOG]
    assert logged.kind == "update" and logged.reason != radio_sync.REWRAPPED
    assert path.read_bytes() == wrapped
