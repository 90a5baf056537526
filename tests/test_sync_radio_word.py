"""The episode's Word script (script.docx) at the station: a new build whose words are those
the station holds is no revision to print («sửa lần N»), however its bytes differ; a real
change of words still is."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from publish.cli import main
from publish.render import radio_docx
from publish.render.radio_docx import BODY_PT, ParagraphSpec, build_docx
from publish.sync import radio as radio_sync
from publish.sync.radio_relaid import word_verdict
from tests.helpers import FIXTURES, stats
from tests.station_log import change_log
from tests.test_sync_radio import (
    AFTER_AIR,
    FIRST,
    LATER,
    SECOND,
    STATION,
    built,
    edit,
    scripts,
    state_of,
    sync,
)
from tests.test_sync_radio_guide import guide

WORD = "2024-W50/script.docx"
LOG = "2024-W50/THAY-DOI.txt"
KEPT = (
    "bản Word ở đài có đúng từng chữ, từng đoạn, từng trang như bản dựng, chỉ khác ở phần mã "
    "bên trong tệp: không gửi lại, đài không phải in lại; chỉ ghi nhận"
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A fresh copy of the radio fixture project."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def stored(target: zipfile.ZipFile, name: str, blob: bytes) -> None:
    """radio_docx._add as another version might write an entry: not compressed, another time."""
    entry = zipfile.ZipInfo(name, date_time=(2001, 2, 3, 4, 5, 6))
    entry.external_attr = 0o644 << 16
    target.writestr(entry, blob)


def other_bytes(patch: pytest.MonkeyPatch) -> None:
    """Build the Word files as another tool version could: the same document, other zip bytes."""
    patch.setattr(radio_docx, "_add", stored)


def other_times(patch: pytest.MonkeyPatch) -> None:
    """Build the Word files with other zip entry times only."""
    patch.setattr(radio_docx, "ZIP_TIME", (2001, 2, 3, 4, 5, 6))


@pytest.mark.parametrize("older", [other_bytes, other_times], ids=["stored", "times"])
def test_a_word_script_in_other_bytes_with_the_same_words_is_kept_not_revised(
    root: Path, older: Callable[[pytest.MonkeyPatch], None]
) -> None:
    """The station got script.docx from a version that wrote other bytes for the same document
    (a python-docx upgrade, another zip time or compression); the first sync since sends it
    no «sửa lần 2» (THAY-DOI.txt is not even written): the station's copy stays as it is,
    recorded as holding the build, and a rerun plans nothing. A real change of the words
    afterwards is a revision as ever, told in THAY-DOI.txt."""
    with pytest.MonkeyPatch.context() as patch:
        older(patch)
        sync(root)
    shutil.rmtree(root / ".cache", ignore_errors=True)
    station = root / STATION
    held = (station / WORD).read_bytes()
    actions, summary = sync(root)
    assert not summary.failed
    assert held != built(root)[WORD]  # the build of the version before: other bytes
    changed = {(a.kind, a.key, a.reason) for a in actions if a.kind != "noop"}
    assert changed == {("verify", WORD, KEPT)}
    assert dict(summary.done)[next(a for a in actions if a.key == WORD)] == (
        f"đã ghi nhận {WORD}, không gửi lại"
    )
    assert (station / WORD).read_bytes() == held
    assert not (station / LOG).exists()
    entry = state_of(root)["entries"][WORD]
    assert entry["revision"] == 1
    again, _summary = sync(root)
    assert [(a.kind, a.key) for a in again if a.kind != "noop"] == []
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    actions, summary = sync(root)
    assert ("update", WORD) in {(a.kind, a.key) for a in actions}
    assert scripts(station)[WORD] == built(root)[WORD]
    assert state_of(root)["entries"][WORD]["revision"] == 2
    log = change_log((station / LOG).read_bytes())
    assert "- Thay kịch bản cả tập (bản Word) (script.docx): sửa lần 2" in log


def word(*paragraphs: str | tuple[str, bool]) -> bytes:
    """A Word script of these paragraphs (a pair: its text and whether it starts a page)."""
    specs: list[ParagraphSpec] = []
    for paragraph in paragraphs:
        text, page = paragraph if isinstance(paragraph, tuple) else (paragraph, False)
        specs.append((((text, BODY_PT, False),), page, False))
    return build_docx(specs, {"title": "Tập", "author": "Đơn vị", "moment": "2024-12-14T10:00"})


def repacked(data: bytes) -> bytes:
    """A Word file's entries written again in the reverse order, uncompressed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in reversed(source.infolist()):
            target.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def test_same_words_reads_what_staff_read_paragraph_by_paragraph() -> None:
    """The same words in other bytes, or spaced otherwise within a paragraph, are the same;
    a word changed, added or gone, a paragraph split or a page break moved is a change, and so
    is a line break within a run (python-docx writes it as an element between texts) where a
    word was joined; a file that is no Word file holds no words of ours."""
    held = word("[A3]  RA-QUAN  |  TIN", "Gọi số 113 khi cần.", ("Hẹn gặp lại.", True))
    assert word_verdict(held, held) is True
    assert word_verdict(repacked(held), held) is True
    assert (
        word_verdict(
            word("[A3] RA-QUAN | TIN", "Gọi số  113 khi cần.", ("Hẹn gặp lại.", True)), held
        )
        is True
    )
    changes = [
        word("[A3]  RA-QUAN  |  TIN", "Gọi số 114 khi cần.", ("Hẹn gặp lại.", True)),
        word("[A3]  RA-QUAN  |  TIN", "Gọi số 113 khi cần ngay.", ("Hẹn gặp lại.", True)),
        word("[A3]  RA-QUAN  |  TIN", "Gọi số 113", "khi cần.", ("Hẹn gặp lại.", True)),
        word("[A3]  RA-QUAN  |  TIN", "Gọi số 113 khi cần.", "Hẹn gặp lại."),
        word("[A3]  RA-QUAN  |  TIN", "Gọi số 113 khi cần.", ("Hẹn gặp", True)),
    ]
    for number, changed in enumerate(changes):
        assert word_verdict(changed, held) is False, number
    joined = word("Gọi sốcứu hỏa.")
    assert word_verdict(word("Gọi số\ncứu hỏa."), joined) is False
    assert word_verdict(word("Gọi số\tcứu hỏa."), joined) is False
    assert word_verdict(word("Gọi số\ncứu hỏa."), word("Gọi số cứu hỏa.")) is True
    assert word_verdict(b"PK\x03\x04 not a Word file", held) is False
    assert word_verdict(held, b"") is False


SCRIPT = "2024-W50/script.txt"
WORD_MOI = "2024-W50/script.moi.docx"
FOLLOWS = (
    "đài đã sửa 2024-W50/script.txt nên bản Word của kịch bản ấy cũng giữ như đài đang có; "
    "không ghi đè, bản mới đặt cạnh: 2024-W50/script.moi.docx"
)


def saved_by_staff(path: Path) -> None:
    """The station's script.txt as staff left it: a sentence of theirs added, saved by an
    editor that writes LF line ends and no byte order mark."""
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    path.write_bytes((text + "\nGhi chú của đài.\n").encode())


BOM = b"\xef\xbb\xbf"
SAVED_AGAIN: dict[str, Callable[[bytes], bytes]] = {
    "lf": lambda data: data.removeprefix(BOM).replace(b"\r\n", b"\n"),
    "no-bom": lambda data: data.removeprefix(BOM),
    "no-last-line-end": lambda data: data.removesuffix(b"\r\n"),
    "line-end-added": lambda data: data + b"\r\n",
}
"""A station .txt file opened and saved again, no word changed, by the editors staff use:
Notepad saves UTF-8 without the byte order mark, others LF line ends, and some drop or add
the last line end."""


@pytest.mark.parametrize("saved", sorted(SAVED_AGAIN))
def test_a_script_txt_only_saved_again_is_no_station_edit(root: Path, saved: str) -> None:
    """Staff opened script.txt and saved it again without changing a word, then a bulletin was
    corrected (113 → 114): the station must read the new number. script.txt and script.docx
    are replaced as revisions, as for a file left alone; taken for an edit of the station's,
    both were kept with the old number, ours beside them, the plan saying «đài đã sửa»."""
    sync(root)
    station = root / STATION
    text = station / SCRIPT
    text.write_bytes(SAVED_AGAIN[saved](text.read_bytes()))
    quiet, _summary = sync(root, now=LATER)
    assert {a.kind for a in quiet} == {"noop"}  # the build is unchanged: nothing to send
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    actions, summary = sync(root, now=LATER)
    assert not summary.failed and summary.conflicts == 0
    planned = {a.key: (a.kind, a.reason) for a in actions}
    assert planned[SCRIPT][0] == planned[WORD][0] == "update"
    assert not any("đài đã sửa" in reason for _kind, reason in planned.values())
    assert (station / WORD).read_bytes() == built(root)[WORD]
    now = text.read_bytes()
    assert now.startswith(BOM) and "một một bốn" in now.decode("utf-8-sig")
    assert "SỬA LẦN 2" in now.decode("utf-8-sig")
    assert not (station / "2024-W50/script.moi.txt").exists()
    assert not (station / WORD_MOI).exists()
    log = change_log((station / LOG).read_bytes())
    assert "- Thay kịch bản cả tập (bản Word) (script.docx): sửa lần 2" in log
    assert "LƯU Ý" not in guide(root)


def test_a_word_script_follows_the_script_txt_the_station_edited(root: Path) -> None:
    """The station changed the words of script.txt, then a bulletin changed: script.txt is
    kept and ours goes beside it, as ever, and so now does script.docx, which was replaced
    with «sửa lần 2» in THAY-DOI.txt: staff printed a Word script that undid their text. The
    guide says why the Word file was not replaced; the summary counts one conflict, the one
    staff settle; a rerun writes nothing; once the station takes our script.txt the Word file
    is replaced as a revision, and our .moi copies go."""
    sync(root)
    station = root / STATION
    word_before = (station / WORD).read_bytes()
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    actions, summary = sync(root, now=LATER)
    assert not summary.failed and summary.conflicts == 1
    planned = {a.key: (a.kind, a.reason) for a in actions}
    assert planned[WORD] == ("conflict", FOLLOWS)
    assert planned[SCRIPT][0] == "conflict"
    assert (station / WORD).read_bytes() == word_before
    assert (station / WORD_MOI).read_bytes() == built(root)[WORD]
    assert state_of(root)["entries"][WORD]["revision"] == 1
    log = change_log((station / LOG).read_bytes())
    assert "(script.docx): sửa lần" not in log and "sửa lần 2" in log  # the item's own revision
    assert f"(script.docx) đặt cạnh: {WORD_MOI} — đài đã sửa {SCRIPT} nên bản Word" in log
    told = guide(root)
    assert (
        "LƯU Ý: đài đã tự sửa 2024-W50/script.txt nên bản Word 2024-W50/script.docx cũng không "
        "được thay (phần mềm không thay bản Word khác với tệp đài đã sửa): bản Word mới nhất "
        "của Công an là 2024-W50/script.moi.docx. Chọn bản để đọc như với 2024-W50/script.txt "
        "(giữ bản của đài thì xóa 2024-W50/script.moi.docx)."
    ) in told
    assert "đài đã tự sửa 2024-W50/script.docx" not in told
    before = stats(station)
    again, _summary = sync(root, now=LATER)
    assert {a.kind for a in again if a.key not in (WORD, SCRIPT)} == {"noop"}
    assert stats(station) == before
    (station / "2024-W50/script.moi.txt").replace(station / SCRIPT)  # the station takes ours
    actions, _summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in actions}[WORD] == "update"
    assert (station / WORD).read_bytes() == built(root)[WORD]
    assert not (station / WORD_MOI).exists()
    log = change_log((station / LOG).read_bytes())
    assert "- Thay kịch bản cả tập (bản Word) (script.docx): sửa lần 2" in log
    assert "LƯU Ý" not in guide(root)


def test_the_word_script_kept_with_its_script_txt_is_told_as_going_along_not_as_a_conflict(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The summary counts the Word script kept with the edited script.txt as no conflict of its
    own, so no line says «xung đột» of it: the plan, each outcome and the Markdown report say
    «đi kèm xung đột» and name the script.txt, and the lines saying «xung đột» are as many as
    the summary counts. Two «✓ xung đột» lines over «1 xung đột» read as a miscount."""
    sync(root)
    saved_by_staff(root / STATION / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    args = ["sync", "radio", "--root", str(root), "--now", LATER]
    capsys.readouterr()
    assert main([*args, "--dry-run", "--format", "markdown"]) == 0
    report = capsys.readouterr().out
    assert [line for line in report.splitlines() if line.startswith("| xung đột |")] == [
        f"| xung đột | `{SCRIPT}` | đài đã sửa tệp này; không ghi đè, bản mới đặt cạnh: "
        "2024-W50/script.moi.txt |"
    ]
    assert f"| đi kèm xung đột | `{WORD}` | đài đã sửa {SCRIPT} nên bản Word" in report
    assert ", 1 xung đột," in report
    assert main(args) == 0
    out = capsys.readouterr().out
    conflicts = [
        line for line in out.splitlines() if line.startswith(("  - xung đột", "  ✓ xung đột"))
    ]
    assert [line.split(":", 1)[0] for line in conflicts] == [
        f"  - xung đột {SCRIPT}",
        f"  ✓ xung đột {SCRIPT}",
    ]
    assert f"  - đi kèm xung đột {WORD}: đài đã sửa {SCRIPT} nên bản Word" in out
    assert (
        f"  ✓ đi kèm xung đột {WORD}: giữ nguyên tệp của đài như {SCRIPT} (tính chung một xung "
        f"đột); bản mới ghi vào {WORD_MOI}"
    ) in out
    assert ", 1 xung đột," in out


def test_a_word_script_holding_a_withdrawn_bulletin_is_replaced_though_its_text_was_edited(
    root: Path,
) -> None:
    """The station edited script.txt, then one of its bulletins was withdrawn: the Word script
    the station did not edit must not keep the withdrawn bulletin, so it is replaced (and the
    edited script.txt needs a person, as ever)."""
    sync(root)
    station = root / STATION
    saved_by_staff(station / SCRIPT)
    edit(root / SECOND, "approved_by:", "draft: true\napproved_by:")
    actions, _summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in actions}[WORD] == "update"
    assert (station / WORD).read_bytes() == built(root)[WORD]
    assert not (station / WORD_MOI).exists()


def test_a_word_copy_a_killed_run_left_unrecorded_is_recorded_and_goes_with_a_withdrawal(
    root: Path,
) -> None:
    """A run killed once script.moi.docx was written beside the kept script.docx, before it
    was recorded: the rerun finds it there and records it as ours, with the script.txt it
    follows, as one run never killed does. Then the corrected bulletin is withdrawn: the
    Word script is replaced and our copy beside it removed; left unrecorded, it kept the
    withdrawn bulletin's text at the station for good, named in no guide."""
    sync(root)
    station = root / STATION
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    recorded = state_of(root)["entries"][WORD]
    assert recorded["follows"] == SCRIPT and (station / WORD_MOI).exists()
    path = root / "state/radio.json"
    document = json.loads(path.read_text("utf-8"))
    # What a kill left before the copy was recorded pending first: there, not recorded.
    for field in ("moi", "follows"):
        del document["entries"][WORD][field]
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    actions, summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in actions}[WORD] == "conflict" and not summary.failed
    assert state_of(root)["entries"][WORD] == recorded
    edit(root / FIRST, "approved_by:", "draft: true\napproved_by:")
    actions, _summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in actions}[WORD] == "update"
    assert (station / WORD).read_bytes() == built(root)[WORD]
    assert not (station / WORD_MOI).exists()


def test_a_word_script_no_longer_following_its_text_is_recorded_so(root: Path) -> None:
    """script.docx was kept because the station edited script.txt; then staff edited the Word
    file itself: its conflict is its own now, and its record no longer says it follows the
    text, so the guide tells it as a file the station edited, not by script.txt."""
    sync(root)
    station = root / STATION
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    assert state_of(root)["entries"][WORD]["follows"] == SCRIPT
    (station / WORD).write_bytes(word("Bản Word đài tự sửa."))
    edit(root / FIRST, "gọi số 114", "gọi số 115")
    actions, _summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in actions}[WORD] == "conflict"
    entry = state_of(root)["entries"][WORD]
    assert "follows" not in entry and entry["moi"] == hashlib.sha256(built(root)[WORD]).hexdigest()
    told = guide(root)
    assert "đài đã tự sửa 2024-W50/script.txt nên bản Word" not in told
    assert f"LƯU Ý: đài đã tự sửa {WORD} nên tệp đó không được thay" in told


def test_a_word_script_kept_for_its_text_is_a_conflict_when_the_text_has_none(
    root: Path,
) -> None:
    """The station edited script.txt, whose build has not changed since; script.docx has (a
    tool upgrade laid its pages out anew: here the station holds, as ours, a Word script of
    other words). The Word script is kept and ours goes beside it, as ever, and that is a
    conflict the summary counts: script.txt has none of its own this run (nothing new to put
    beside it), so not counting it said «0 xung đột» with script.moi.docx waiting for staff.
    Counted once, not twice, when script.txt is a conflict too (a bulletin corrected)."""
    sync(root)
    station = root / STATION
    older = word("Bản Word cũ của công cụ.")
    (station / WORD).write_bytes(older)
    path = root / "state/radio.json"
    document = json.loads(path.read_text("utf-8"))
    document["entries"][WORD]["digest"] = hashlib.sha256(older).hexdigest()
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    saved_by_staff(station / SCRIPT)
    actions, summary = sync(root, now=LATER)
    planned = {a.key: (a.kind, a.reason) for a in actions}
    assert planned[WORD] == ("conflict", FOLLOWS)
    assert planned[SCRIPT][0] == "noop"
    assert (station / WORD).read_bytes() == older
    assert (station / WORD_MOI).read_bytes() == built(root)[WORD]
    assert not summary.failed and summary.conflicts == 1
    again, summary = sync(root, now=LATER)
    assert {a.key: a.kind for a in again}[WORD] == "conflict" and summary.conflicts == 1
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    actions, summary = sync(root, now=LATER)
    planned = {a.key: (a.kind, a.reason) for a in actions}
    assert planned[SCRIPT][0] == "conflict" and planned[WORD] == ("conflict", FOLLOWS)
    assert not summary.failed and summary.conflicts == 1


def test_a_word_copy_left_once_the_station_kept_its_text_is_still_a_conflict(root: Path) -> None:
    """The station edited script.txt and a bulletin was corrected: both .moi copies went
    beside. Staff keep their script.txt by deleting script.moi.txt, and leave script.moi.docx:
    script.txt is settled (nothing to count), the Word script is not, and the summary says one
    conflict, as the guide still sends staff to script.moi.docx."""
    sync(root)
    station = root / STATION
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    (station / "2024-W50/script.moi.txt").unlink()
    actions, summary = sync(root, now=LATER)
    planned = {a.key: a.kind for a in actions}
    assert planned[SCRIPT] == "noop" and planned[WORD] == "conflict"
    assert (station / WORD_MOI).exists() and WORD_MOI in guide(root)
    assert not summary.failed and summary.conflicts == 1


def test_a_word_script_left_behind_once_staff_settle_their_text_is_told_at_every_sync(
    root: Path,
) -> None:
    """QA s74 item 1: the station edited script.txt, a figure was corrected, both .moi copies
    went beside; staff pasted the new words into their script.txt and deleted both copies, as
    the guide said. The Word script they are told to print still holds the old figure: it is
    kept (deleting our copy is keeping theirs), but the guide no longer says the two files
    match, it names the Word script as not our latest with when it was sent, and every plan
    says so in a note, a rerun too. Once staff delete it, the next sync writes our latest Word
    script in its place and the note goes."""
    sync(root)
    station = root / STATION
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    told = guide(root)
    assert (
        "Đã chép bản mới vào 2024-W50/script.txt thì xóa 2024-W50/script.docx và đổi tên "
        "2024-W50/script.moi.docx thành 2024-W50/script.docx" in told
    )
    new = (station / "2024-W50/script.moi.txt").read_bytes().decode("utf-8-sig")
    (station / SCRIPT).write_bytes((new + "Người đọc: Thu Trang\r\n").encode())
    (station / "2024-W50/script.moi.txt").unlink()
    (station / WORD_MOI).unlink()
    for _run in range(2):
        syncer_notes: list[str] = []
        actions, summary = sync_noting(root, syncer_notes)
        planned = {a.key: (a.kind, a.reason) for a in actions}
        assert planned[WORD][0] == "noop" and "không phải bản mới nhất" in planned[WORD][1]
        assert (station / WORD).read_bytes() != built(root)[WORD]
        assert any(
            "Bản Word ở đài (2024-W50/script.docx) không phải bản mới nhất" in n
            for n in syncer_notes
        )
        assert not summary.failed
        told = guide(root)
        assert (
            "LƯU Ý: 2024-W50/script.docx KHÔNG phải bản mới nhất của Công an: đó là bản Word "
            "gửi lúc 12:00, Thứ Năm, 12/12/2024, chưa có các chỗ sửa gửi sau đó" in told
        )
        assert "kịch bản cả tập, cùng nội dung, đọc từ trên xuống." in told
        assert "thì script.docx và script.txt không cùng nội dung" in told
    (station / WORD).unlink()
    notes: list[str] = []
    actions, summary = sync_noting(root, notes)
    assert {a.key: a.kind for a in actions}[WORD] == "create"
    assert (station / WORD).read_bytes() == built(root)[WORD]
    assert not any("không phải bản mới nhất" in n for n in notes)
    assert "KHÔNG phải bản mới nhất" not in guide(root)
    again, _summary = sync_noting(root, notes)
    assert {a.kind for a in again if a.key == WORD} == {"noop"}


def test_a_word_copy_staff_edited_is_no_word_copy_deleted(root: Path) -> None:
    """Review R7 #1: staff settled their script.txt and EDITED our script.moi.docx instead of
    deleting it. The plan refuses the Word script (both copies edited: a person settles it);
    the guide must not say the copy beside it was deleted nor tell staff to delete the Word
    script «để lần gửi sau ghi bản Word mới nhất»: the plan and the guide judge it alike (the
    guide takes the plan's verdict), and no note says the Word script is stale."""
    sync(root)
    station = root / STATION
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    new = (station / "2024-W50/script.moi.txt").read_bytes().decode("utf-8-sig")
    (station / SCRIPT).write_bytes((new + "Người đọc: Thu Trang\r\n").encode())
    (station / "2024-W50/script.moi.txt").unlink()
    (station / WORD_MOI).write_bytes((station / WORD_MOI).read_bytes() + b"staff")
    notes: list[str] = []
    actions, _summary = sync_noting(root, notes)
    assert {a.key: a.kind for a in actions}[WORD] == "refuse"
    assert not any("không phải bản mới nhất" in n for n in notes)
    told = guide(root)
    assert "KHÔNG phải bản mới nhất" not in told
    assert "đã xóa bản Word mới đặt cạnh" not in told
    assert not state_of(root)["entries"][WORD].get(radio_sync.STALE_WORD)


def test_a_stale_word_script_staff_then_edit_is_told_no_more_though_nothing_is_sent(
    root: Path,
) -> None:
    """Review R7 #2: the guide names the Word script stale, then staff edit that Word script
    themselves (their own now): the plan no longer finds it stale and sends nothing, and the
    guide is written again without the line, as when a .moi it names goes. Judged by a test
    of its own from the build, it kept the line until some later send rewrote it."""
    sync(root)
    station = root / STATION
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    (station / "2024-W50/script.moi.txt").unlink()
    (station / WORD_MOI).unlink()
    sync(root, now=LATER)
    assert "KHÔNG phải bản mới nhất" in guide(root)
    assert state_of(root)["meta"]["guide"]["stale"] == [WORD]
    (station / WORD).write_bytes(word("Bản Word đài tự sửa."))
    notes: list[str] = []
    actions, _summary = sync_noting(root, notes)
    planned = {a.key: a.kind for a in actions}
    assert planned[WORD] == "noop" and planned["DOC-TRUOC.txt"] == "update"
    assert not any(
        kind in ("create", "update") for key, kind in planned.items() if key != "DOC-TRUOC.txt"
    )
    assert not any("không phải bản mới nhất" in n for n in notes)
    assert "KHÔNG phải bản mới nhất" not in guide(root)
    assert state_of(root)["meta"]["guide"]["stale"] == []
    assert radio_sync.STALE_WORD not in state_of(root)["entries"][WORD]
    before = stats(station)
    again, _summary = sync_noting(root, notes)
    assert {a.kind for a in again} == {"noop"} and stats(station) == before


def test_a_stale_word_script_recorded_by_an_older_version_is_taken_as_it_is(
    root: Path,
) -> None:
    """state/radio.json from the version before the plan's verdict was recorded: no
    STALE_WORD in the Word script's record, no list of stale Word scripts in the guide's. The
    first sync records both, leaves the guide's bytes (it already told the Word script stale)
    and the station folder as they are, and the next one changes nothing at all."""
    sync(root)
    station = root / STATION
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    (station / "2024-W50/script.moi.txt").unlink()
    (station / WORD_MOI).unlink()
    sync(root, now=LATER)
    told = guide(root)
    path = root / "state/radio.json"
    document = json.loads(path.read_text("utf-8"))
    del document["entries"][WORD][radio_sync.STALE_WORD]
    del document["meta"]["guide"]["stale"]
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    before = stats(station)
    actions, _summary = sync(root, now=LATER)
    assert {a.kind for a in actions} == {"noop"}
    assert stats(station) == before and guide(root) == told
    state = state_of(root)
    assert state["entries"][WORD][radio_sync.STALE_WORD] == SCRIPT
    assert state["meta"]["guide"]["stale"] == [WORD]
    recorded = path.read_bytes()
    sync(root, now=LATER)
    assert path.read_bytes() == recorded and stats(station) == before


def stale_word_left(root: Path) -> Path:
    """The station edited script.txt, a figure was corrected, and staff deleted both our copies
    beside: the Word script they hold is stale, as the guide says. The station folder."""
    sync(root)
    station = root / STATION
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    (station / "2024-W50/script.moi.txt").unlink()
    (station / WORD_MOI).unlink()
    sync(root, now=LATER)
    assert "LƯU Ý: 2024-W50/script.docx KHÔNG phải bản mới nhất" in guide(root)
    return station


def rewrite_record(root: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the Word script's record in state/radio.json as `change` does."""
    path = root / "state/radio.json"
    document = json.loads(path.read_text("utf-8"))
    change(document["entries"][WORD])
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")


def test_a_stale_word_script_recorded_without_its_text_is_told_as_the_plan_says(
    root: Path,
) -> None:
    """Review R12 #4: a Word script's record written by an older version holds no FOLLOWS (the
    text it was kept for) while the plan finds the Word script stale. The guide took the
    plan's verdict only with a FOLLOWS beside it, so the plan said «DOC-TRUOC.txt cũng nói
    điều này» and the guide was written again without the line: the verdict now holds that
    text, and the guide reads only it."""
    station = stale_word_left(root)
    told = guide(root)
    rewrite_record(root, lambda entry: entry.pop(radio_sync.FOLLOWS))
    before = stats(station)
    notes: list[str] = []
    actions, summary = sync_noting(root, notes)
    assert {a.kind for a in actions} == {"noop"} and not summary.failed
    assert any("DOC-TRUOC.txt cũng nói điều này" in n for n in notes)
    assert guide(root) == told and stats(station) == before
    entry = state_of(root)["entries"][WORD]
    assert entry[radio_sync.STALE_WORD] == SCRIPT and radio_sync.FOLLOWS not in entry


def test_a_stale_word_script_marked_true_is_told_until_the_plan_records_its_text(
    root: Path,
) -> None:
    """Review R12 #4, the mark this session's first version wrote (True, the text in FOLLOWS):
    once the episode aired no plan judges the Word script again, and the guide, told as of
    the last send, keeps its line (nothing is written); an episode to come has the text
    recorded by the next plan, the guide and the station folder left as they are."""
    station = stale_word_left(root)
    told = guide(root)
    before = stats(station)
    marked = root / "state/radio.json"
    rewrite_record(root, lambda entry: entry.update({radio_sync.STALE_WORD: True}))
    actions, _summary = sync(root, now=LATER)
    assert {a.kind for a in actions} == {"noop"}
    assert guide(root) == told and stats(station) == before
    assert state_of(root)["entries"][WORD][radio_sync.STALE_WORD] == SCRIPT
    rewrite_record(root, lambda entry: entry.update({radio_sync.STALE_WORD: True}))
    recorded = marked.read_bytes()
    actions, _summary = sync(root, now=AFTER_AIR)
    assert not [a for a in actions if a.kind not in ("noop", "refuse")]
    assert guide(root) == told and stats(station) == before
    assert marked.read_bytes() == recorded


def test_a_word_copy_staff_rename_over_the_kept_word_script_is_taken(root: Path) -> None:
    """The guide's way for staff who took our new words into their script.txt: delete
    script.docx and rename script.moi.docx to it. The sync records that as the station taking
    our copy: nothing written, no note of an old Word script."""
    sync(root)
    station = root / STATION
    saved_by_staff(station / SCRIPT)
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, now=LATER)
    (station / "2024-W50/script.moi.txt").unlink()
    (station / WORD_MOI).replace(station / WORD)
    notes: list[str] = []
    actions, _summary = sync_noting(root, notes)
    assert {a.key: a.kind for a in actions}[WORD] == "verify"
    assert (station / WORD).read_bytes() == built(root)[WORD]
    assert not any("không phải bản mới nhất" in n for n in notes)
    assert "KHÔNG phải bản mới nhất" not in guide(root)


def sync_noting(root: Path, notes: list[str]) -> tuple[list[Any], Any]:
    """`sync` at LATER, the plan's note (what the printed plan starts with) added to `notes`."""
    seen: list[str] = []
    original = radio_sync.RadioSyncer.plan

    def noting(self: radio_sync.RadioSyncer, observed: radio_sync.Observed) -> list[Any]:
        actions = original(self, observed)
        seen.append(self.plan_note)
        return actions

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(radio_sync.RadioSyncer, "plan", noting)
        result = sync(root, now=LATER)
    notes += seen
    return result
