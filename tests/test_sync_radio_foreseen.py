"""The radio sync's plan foresees what its follow-up writes (THAY-DOI.txt, DOC-TRUOC.txt): a dry
run lists exactly the files the real run then changes, with the same counts, and a sync that
changes nothing counts every file of the station folder as kept. A week with no bulletin yet
gets no script of the intro and closing alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from publish.cli import main
from publish.render.radio_station import EDITOR_NOTES
from publish.sync import radio as radio_sync
from publish.sync.base import KIND_LABELS
from publish.sync.radio_guide import GUIDE_NAME
from tests.helpers import FIXTURES, snapshot, stats

STATION = "dai-phat-thanh"
FIRST = "content/bai-viet/2024-12-09-ra-quan-ttatgt-cuoi-nam.md"
SECOND = "content/bai-viet/2024-12-10-canh-bao-lua-dao-shipper.md"
ITEM = "items/ra-quan-ttatgt-cuoi-nam.txt"
OTHER_ITEM = "items/canh-bao-lua-dao-shipper.txt"
LOG = "2024-W50/THAY-DOI.txt"
COUNTS = ("created", "updated", "hidden", "unchanged", "conflicts", "refused", "failed")


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the radio fixture project, synced to its own station folder."""
    monkeypatch.delenv(radio_sync.ENV_FOLDER, raising=False)
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace text in a file (must be present)."""
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def sync(root: Path, now: str, *, dry_run: bool = False) -> dict[str, Any]:
    """`publish sync radio` as CI runs it; its --summary-json radio channel, with the plan's
    printed lines."""
    report = root.parent / "summary.json"
    args = ["sync", "radio", "--root", str(root), "--now", now, "--summary-json", str(report)]
    assert main([*args, *(["--dry-run"] if dry_run else [])]) == 0
    [channel] = json.loads(report.read_text("utf-8"))["channels"]
    return channel


def planned(out: str) -> set[str]:
    """The files a printed radio plan says it writes, moves or puts a copy beside (a conflict
    the station has not settled is told again at every sync, its copy already beside it)."""
    found = set()
    for line in out.splitlines():
        if line.startswith("  - ") and "bản mới đã nằm sẵn ở" not in line:
            labels = (*KIND_LABELS.values(), radio_sync.ALONG_LABEL)
            [label] = [x for x in labels if line[4:].startswith(f"{x} ")]
            found.add(line[5 + len(label) :].split(": ", 1)[0].split(" «", 1)[0])
    return found


def kept_count(out: str) -> int:
    """The printed plan's «N mục giữ nguyên»."""
    [line] = [x for x in out.splitlines() if x.startswith("radio: ") and "mục giữ nguyên" in x]
    return int(line.split("(", 1)[1].split(" mục", 1)[0])


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    """The station files a run changed, each as the plan names it: a withdrawn script moved to
    _rut-lai/ (with its note) by its own path, our copy beside an edited file by that file."""
    paths = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    return {
        p.replace(".moi.", ".") for p in paths if not p.startswith(f"{radio_sync.WITHDRAWN_DIR}/")
    }


def dry_then_real(
    root: Path, now: str, capsys: pytest.CaptureFixture[str]
) -> tuple[set[str], dict[str, Any]]:
    """Run a dry run, then the real sync; check that the dry run listed exactly the files the
    real run changed, with the same counts; return them and the real run's summary."""
    station = root / STATION
    before = snapshot(station) if station.exists() else {}
    capsys.readouterr()
    dry = sync(root, now, dry_run=True)
    dry_out = capsys.readouterr().out
    assert (snapshot(station) if station.exists() else {}) == before  # a dry run writes nothing
    real = sync(root, now)
    real_out = capsys.readouterr().out
    files = changed(before, snapshot(station))
    assert planned(dry_out) == planned(real_out) == files
    assert {k: dry[k] for k in COUNTS} == {k: real[k] for k in COUNTS}
    assert kept_count(dry_out) == kept_count(real_out) == real["unchanged"]
    return files, real


def test_a_dry_run_lists_exactly_the_files_the_real_run_then_writes(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CI logs of `publish sync --dry-run` must be truthful: a replaced script makes the real
    run write its episode's THAY-DOI.txt (created, then updated) and DOC-TRUOC.txt once the
    scripts are sent, which the dry run's plan and counts left out. Checked over a first
    sync, two revisions, a script the station edited, a withdrawn bulletin and a run with
    nothing to do."""
    files, real = dry_then_real(root, "2024-12-12T12:00", capsys)
    assert LOG not in files and GUIDE_NAME in files and real["created"] == len(files) == 7

    edit(root / FIRST, "gọi số 113", "gọi số 114")
    files, real = dry_then_real(root, "2024-12-12T13:00", capsys)
    assert {LOG, GUIDE_NAME, ITEM} <= files and real["created"] == 1  # the new change log

    edit(root / FIRST, "gọi số 114", "gọi số 115")
    files, real = dry_then_real(root, "2024-12-12T14:00", capsys)
    assert {LOG, GUIDE_NAME, ITEM} <= files and real["created"] == 0

    edit(root / FIRST, 'approved_by: "Thượng tá Nguyễn Văn Hùng"', "draft: true")
    files, real = dry_then_real(root, "2024-12-12T15:00", capsys)
    assert ITEM in files and LOG in files and real["hidden"] == 1
    assert not (root / STATION / ITEM).exists()

    script = root / STATION / "2024-W50/script.txt"
    script.write_bytes(script.read_bytes() + "Ghi chú của đài.\r\n".encode())
    edit(root / SECOND, "30.000 đồng", "50.000 đồng")
    files, real = dry_then_real(root, "2024-12-12T16:00", capsys)
    # script.docx follows the script.txt the station edited: kept, ours beside it too, but
    # counted once: staff edited one file and settle one conflict
    assert {"2024-W50/script.txt", "2024-W50/script.docx"} <= files and real["conflicts"] == 1
    assert (root / STATION / "2024-W50/script.moi.txt").exists()
    assert (root / STATION / "2024-W50/script.moi.docx").exists()

    files, real = dry_then_real(root, "2024-12-12T17:00", capsys)
    assert files == set() and real["created"] == real["updated"] == real["hidden"] == 0
    assert real["conflicts"] == 1  # still told: the station has not chosen its copy yet


def test_a_sync_that_changes_nothing_counts_the_change_log_as_kept_and_leaves_it(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once an episode has a THAY-DOI.txt, a sync with nothing to send left it out of its
    counts: «7 không đổi» for 8 files at the station. It is counted kept, in the printed plan
    and in the summary alike, and neither it nor anything else is written again."""
    sync(root, "2024-12-12T12:00")
    edit(root / FIRST, "gọi số 113", "gọi số 114")
    sync(root, "2024-12-12T13:00")
    station = root / STATION
    assert (station / LOG).exists()
    before = stats(station)
    capsys.readouterr()
    summary = sync(root, "2024-12-12T14:00")
    out = capsys.readouterr().out
    assert stats(station) == before
    assert "radio: không có thay đổi nào (8 mục giữ nguyên)." in out
    assert summary["unchanged"] == len(before) == 8
    assert summary["created"] == summary["updated"] == 0


def test_a_guide_that_would_be_written_the_same_is_planned_as_kept(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The station deleted an item script it had; the sync sends it again as it was, which
    changes nothing DOC-TRUOC.txt tells (the last send, the episodes, the changes). The plan
    promised «cập nhật DOC-TRUOC.txt» all the same, and the summary then counted it «không
    đổi»: the plan compares the bytes it would write and keeps the guide, as the summary
    counts it."""
    sync(root, "2024-12-12T12:00")
    station = root / STATION
    guide = (station / GUIDE_NAME).read_bytes()
    sent = (station / OTHER_ITEM).read_bytes()
    (station / OTHER_ITEM).unlink()
    capsys.readouterr()
    files, real = dry_then_real(root, "2024-12-12T15:00", capsys)
    assert files == {OTHER_ITEM} and (station / OTHER_ITEM).read_bytes() == sent
    assert (real["created"], real["updated"], real["unchanged"]) == (1, 0, 6)
    assert (station / GUIDE_NAME).read_bytes() == guide


def episode_files(folder: Path) -> set[str]:
    """The names in an episode folder (the editors' notes, never sent, left out)."""
    return {p.name for p in folder.iterdir()} - {EDITOR_NOTES}


def test_a_week_with_no_bulletin_yet_gets_no_script_of_the_intro_and_closing_alone(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every bulletin of the week is still scheduled: the station got script.docx and
    script.txt of the intro and the closing alone, a script with nothing to read that, printed,
    could go on air as it is. The build and the sync now give such a week its rundown alone,
    saying there is no bulletin yet and when the scheduled ones come, and DOC-TRUOC.txt says the
    episode has none; once a bulletin is published its script is sent, and once the only one
    published is withdrawn again the script goes to _rut-lai/ with a note saying why."""
    station = root / STATION
    week = station / "2024-W50"
    dry_then_real(root, "2024-12-09T06:00", capsys)  # all three published later that week
    assert episode_files(week) == episode_files(root / "output/radio/2024-W50")
    assert episode_files(week) == {"rundown.txt", "rundown.json"}
    rundown = (week / "rundown.txt").read_text("utf-8-sig")
    assert "CHƯA CÓ BẢN TIN NÀO: tập này chưa có tin nào để đọc" in rundown
    assert "Tin hẹn giờ: 2 bản tin sẽ vào tập này khi đến giờ đăng" in rundown
    assert "LOI-CHAO" not in rundown and not (station / "items").exists()
    guide = (station / GUIDE_NAME).read_text("utf-8-sig")
    assert "thư mục 2024-W50/ — chưa có bản tin nào, chưa có kịch bản để đọc" in guide

    files, _real = dry_then_real(root, "2024-12-09T09:00", capsys)  # the first one published
    assert {"2024-W50/script.txt", "2024-W50/script.docx", ITEM, LOG} <= files
    assert episode_files(week) == episode_files(root / "output/radio/2024-W50") | {"THAY-DOI.txt"}

    edit(root / FIRST, 'approved_by: "Thượng tá Nguyễn Văn Hùng"', "draft: true")
    capsys.readouterr()
    files, real = dry_then_real(root, "2024-12-09T10:00", capsys)
    assert {"2024-W50/script.txt", "2024-W50/script.docx", ITEM} <= files
    assert real["hidden"] == 3
    assert episode_files(week) == episode_files(root / "output/radio/2024-W50") | {"THAY-DOI.txt"}
    assert "CHƯA CÓ BẢN TIN NÀO" in (week / "rundown.txt").read_text("utf-8-sig")
    note = station / radio_sync.WITHDRAWN_DIR / "2024-W50/script.txt.ly-do.txt"
    said = note.read_text("utf-8-sig")
    assert "tập không còn bản tin nào để đọc (đơn vị đã rút bản tin) nên không có kịch bản" in said
    assert "kịch bản cả tập sẽ được gửi lại khi có tin" in said
    assert "tập phát sóng không còn" not in said  # the episode still airs

    files, _real = dry_then_real(root, "2024-12-09T11:00", capsys)
    assert files == set()
