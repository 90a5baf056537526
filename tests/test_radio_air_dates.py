"""When a bulletin airs: its `radio.air_date` against its publication time and the weekly slot."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import bulletin_md
from tests.test_radio_timing import SENTENCE, radio_project, rundown


def dated_bulletin(date: str, air_date: str) -> str:
    """A radio bulletin published at `date` for the slot on `air_date`."""
    return bulletin_md({"date": date, "radio": f"{{air_date: {air_date}}}"}, body=SENTENCE * 4)


def no_broadcast(root: Path, days: str) -> None:
    """Set [radio] no_broadcast in the project's site.toml (`days`: the TOML list as written)."""
    toml = root / "site.toml"
    text = toml.read_text("utf-8")
    anchor = 'air_time = "17:00"\n'
    assert anchor in text
    toml.write_text(text.replace(anchor, f"{anchor}no_broadcast = {days}\n"), "utf-8")


def build(root: Path, now: str) -> int:
    """`publish build` of the radio channel at `now`."""
    return main(["build", "--root", str(root), "--channel", "radio", "--now", now])


def test_a_slot_already_past_at_publication_is_a_warning_and_stays_off_air(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
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


def test_an_air_date_off_the_weekly_slot_is_an_episode_of_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = radio_project(
        tmp_path,
        {
            "content/bai-viet/thu-tu.md": dated_bulletin("2024-12-09 08:00", "2024-12-11"),
            "content/bai-viet/thu-bay.md": dated_bulletin("2024-12-09 08:00", "2024-12-14"),
        },
    )
    assert build(root, "2024-12-09T12:00") == 0
    weekly = rundown(root, "2024-W50")
    special = rundown(root, "2024-W50-2024-12-11")
    assert weekly["air_start"] == "2024-12-14T17:00:00+07:00"
    assert special["air_start"] == "2024-12-11T17:00:00+07:00"
    assert [r["key"] for r in weekly["items"] if r["key"]] == ["thu-bay"]
    assert [r["key"] for r in special["items"] if r["key"]] == ["thu-tu"]
    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if "content/bai-viet/thu-tu.md" in line)
    assert "Thứ Tư, 11/12/2024" in line and "Thứ Bảy" in line and "2024-W50-2024-12-11" in line
    assert "thu-bay.md" not in err
    timing = [line.partition(": ghi chú: ")[0] for line in err.splitlines() if "Q9" in line]
    # The short Saturday episode is told from three days before it (SHORT_NOTICE), not Monday.
    assert timing == ["Tập phát thanh thêm 17:00, Thứ Tư, 11/12/2024"]
    # Once that broadcast is past, the reminder to arrange it with the station is not repeated.
    assert build(root, "2024-12-12T12:00") == 0
    err = capsys.readouterr().err
    assert "thu-tu.md" not in err and "Thứ Tư, 11/12/2024" not in err
    assert "Tập phát thanh 17:00, Thứ Bảy, 14/12/2024: ghi chú: Chương trình dài" in err


def test_a_day_the_segment_does_not_air_sends_its_bulletins_to_the_next_broadcast(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tết or a holiday: the station does not air the segment that Saturday. Its bulletins go
    to the following broadcast (no episode for the day nobody reads), and a bulletin that names
    that day is told why it is left off air."""
    root = radio_project(
        tmp_path,
        {
            "content/bai-viet/tet.md": bulletin_md(
                {"date": "2024-12-09 08:00", "radio": "{}"}, body=SENTENCE * 4
            ),
            "content/bai-viet/hen.md": dated_bulletin("2024-12-09 08:00", "2024-12-14"),
        },
    )
    no_broadcast(root, '[2024-12-14, "28/12/2024"]')
    assert build(root, "2024-12-09T12:00") == 0
    assert not (root / "output/radio/2024-W50").exists()
    nxt = rundown(root, "2024-W51")
    assert nxt["air_start"] == "2024-12-21T17:00:00+07:00"
    assert [r["key"] for r in nxt["items"] if r["key"]] == ["tet"]
    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if "content/bai-viet/hen.md" in line)
    assert "radio.air_date" in line and "không phát" in line and "no_broadcast" in line
    assert "17:00, Thứ Bảy, 21/12/2024" in err  # the broadcast to choose instead


def test_a_no_broadcast_day_that_is_no_day_names_the_key_and_the_forms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = radio_project(tmp_path, {})
    no_broadcast(root, '[2024-12-14, "14/13/2024", 2024-12-21T17:00:00]')
    assert build(root, "2024-12-09T12:00") == 1
    out = capsys.readouterr()
    told = out.out + out.err
    assert "no_broadcast" in told and "«14/13/2024»" in told and "2027-02-06" in told
    assert told.count("không đọc được ngày không phát") == 2


def test_a_no_broadcast_day_off_the_air_weekday_is_a_warning_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Friday written where the Saturday off was meant skips no broadcast: the build says so,
    naming site.toml, the key and its line, the day with its weekday and the air weekday; a
    past day, which can skip nothing any more, is not told of again."""
    root = radio_project(
        tmp_path,
        {"content/bai-viet/tin.md": bulletin_md({"date": "2024-12-09 08:00"}, body=SENTENCE * 4)},
    )
    no_broadcast(root, "[2024-12-06, 2024-12-13, 2024-12-21]")
    assert build(root, "2024-12-09T12:00") == 0
    err = capsys.readouterr().err
    told = [line for line in err.splitlines() if line.startswith("site.toml:")]
    assert len(told) == 1, err
    line = told[0]
    assert "[radio] no_broadcast" in line and "2024-12-13" in line
    assert line.count("site.toml") == 1  # the line starts with the file: no second naming
    assert "Thứ Sáu, 13/12/2024" in line and "Thứ Bảy" in line and "air_weekday" in line
    assert "2024-12-14" in err  # the Saturday of that week, offered instead
    assert "2024-12-06" not in err and "2024-12-21" not in err
    assert rundown(root, "2024-W50")["air_start"] == "2024-12-14T17:00:00+07:00"  # still airs


def test_an_unread_air_date_is_quoted_as_the_editor_wrote_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«không đọc được ngày phát '14/12'» quoted it in Python's quotes, unlike every other
    message; a Word space inside showed as «\\xa0», which no editor can read."""
    root = radio_project(
        tmp_path,
        {"content/bai-viet/a.md": dated_bulletin("2024-12-09 08:00", '"Thứ Bảy\xa014/12"')},
    )
    assert build(root, "2024-12-09T12:00") == 1
    err = capsys.readouterr().err
    assert "không đọc được ngày phát «Thứ Bảy\xa014/12»" in err
    assert "\\xa0" not in err


def test_a_bulletin_published_at_the_air_time_goes_to_the_next_broadcast_without_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An embargo set to the very minute of the weekly broadcast (Saturday 17:00): its script
    cannot reach the station before that broadcast, so it airs the next week — it was left off
    the radio with a warning to drop an air_date it did not have, naming that same slot."""
    root = radio_project(
        tmp_path,
        {
            "content/bai-viet/dung-gio.md": bulletin_md(
                {"date": "2024-12-14 17:00", "radio": "{}"}, body=SENTENCE * 4
            )
        },
    )
    assert build(root, "2024-12-14T17:30") == 0
    assert "dung-gio.md" not in capsys.readouterr().err
    nxt = rundown(root, "2024-W51")
    assert nxt["air_start"] == "2024-12-21T17:00:00+07:00"
    assert [r["key"] for r in nxt["items"] if r["key"]] == ["dung-gio"]
