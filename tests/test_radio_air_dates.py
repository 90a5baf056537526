"""When a bulletin airs: its `radio.air_date` against its publication time and the weekly slot."""

from __future__ import annotations

from pathlib import Path

from publish.cli import main
from tests.helpers import bulletin_md
from tests.test_radio_timing import SENTENCE, radio_project


def dated_bulletin(date: str, air_date: str) -> str:
    """A radio bulletin published at `date` for the slot on `air_date`."""
    return bulletin_md({"date": date, "radio": f"{{air_date: {air_date}}}"}, body=SENTENCE * 4)


def build(root: Path, now: str) -> int:
    """`publish build` of the radio channel at `now`."""
    return main(["build", "--root", str(root), "--channel", "radio", "--now", now])


def test_a_slot_already_past_at_publication_is_a_warning_and_stays_off_air(
    tmp_path: Path, capsys
) -> None:
    root = radio_project(
        tmp_path,
        {
            "content/bai-viet/tre.md": dated_bulletin("2024-12-16 08:00", "2024-12-14"),
            "content/bai-viet/kip.md": dated_bulletin("2024-12-16 08:00", "2024-12-21"),
        },
    )
    assert build(root, "2024-12-16T12:00") == 0
    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if "content/bai-viet/tre.md" in line)
    assert "radio.air_date" in line
    assert "17:00, Thứ Bảy, 14/12/2024" in line and "08:00, Thứ Hai, 16/12/2024" in line
    assert "không đưa vào tập phát sóng" in line
    assert "17:00, Thứ Bảy, 21/12/2024" in err  # the slot to choose instead
    assert "kip.md" not in err
    assert not (root / "output/radio/items/tre.txt").exists()
    assert (root / "output/radio/items/kip.txt").exists()
    assert not (root / "output/radio/2024-W50").exists()
