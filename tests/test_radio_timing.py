"""Durations set by hand (E1) and read rates calibrated per reader from real durations (T3)."""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
from pathlib import Path

import pytest

from publish.cli import main
from publish.render.radio.calibration import LIMITS, ReadRates, reading
from publish.render.radio.items import Segment
from tests.helpers import FIXTURES, bulletin_md, snapshot

TZ = dt.timezone(dt.timedelta(hours=7))
SENTENCE = "Công an huyện đề nghị người dân cảnh giác với những cuộc gọi lạ. "


def aired_item(reader: str, day: int, syllables: int, seconds: int, cues: int = 0) -> Segment:
    """A read item that aired on 2024-12-`day` and took `seconds` on air."""
    return Segment(
        "read",
        "X",
        "Tin",
        seconds,
        syllables=syllables,
        reader=reader,
        air=dt.datetime(2024, 12, day, 17, 0, tzinfo=TZ),
        mode="aired",
        cue_seconds=cues,
    )


def test_a_reading_is_syllables_per_minute_of_speech_without_the_cues() -> None:
    assert reading(aired_item("A", 7, 120, 30)) == 240
    assert reading(aired_item("A", 7, 120, 50, cues=20)) == 240
    assert reading(aired_item("A", 7, 120, 20, cues=20)) is None  # nothing left to read
    estimated = Segment("read", "X", "Tin", 30, syllables=120, mode="estimated")
    assert reading(estimated) is None


def test_rates_are_a_moving_average_of_earlier_readings_clamped() -> None:
    items = [
        aired_item("PTV Hương", 7, 120, 30),  # 240
        aired_item("PTV  Hương", 14, 150, 30),  # 300, same reader however the name is spaced
        aired_item("Minh", 14, 200, 20),  # 600: far too fast for anyone, clamped
    ]
    rates = ReadRates(240, items)
    before = dt.datetime(2024, 12, 7, 17, 0, tzinfo=TZ)
    assert rates.at("PTV Hương", before) == 240  # a reading counts only for later items
    assert rates.at("PTV Hương", before + dt.timedelta(days=1)) == 240
    assert rates.at("PTV Hương", before + dt.timedelta(days=8)) == round(0.3 * 300 + 0.7 * 240)
    assert rates.at("Minh", before + dt.timedelta(days=8)) == LIMITS[1]
    assert rates.at("Ai đó", before + dt.timedelta(days=8)) == 240


def radio_project(tmp_path: Path, files: dict[str, str]) -> Path:
    """The radio fixture's settings with the given bulletins."""
    root = tmp_path / "project"
    (root / "content" / "bai-viet").mkdir(parents=True)
    for name in ("site.toml", "tu-viet-tat.tsv"):
        shutil.copy(FIXTURES / "radio" / name, root / name)
    for rel, text in files.items():
        (root / rel).write_text(text, "utf-8")
    return root


def radio_bulletin(radio: str, sentences: int = 6) -> str:
    """A bulletin published before the episodes, with the given `radio:` block (YAML flow)."""
    return bulletin_md({"date": "2024-12-09 08:00", "radio": radio}, body=SENTENCE * sentences)


def rundown(root: Path, week: str) -> dict:
    """An episode's rundown.json."""
    return json.loads((root / "output" / "radio" / week / "rundown.json").read_text("utf-8"))


def item_row(document: dict, key: str) -> dict:
    """The rundown row of one bulletin."""
    return next(row for row in document["items"] if row["key"] == key)


def test_an_aired_duration_calibrates_the_readers_next_episodes(tmp_path: Path) -> None:
    root = radio_project(
        tmp_path,
        {
            "content/bai-viet/da-phat.md": radio_bulletin('{air_date: 2024-12-14, aired: "0:20"}'),
            "content/bai-viet/tuan-sau.md": radio_bulletin("{air_date: 2024-12-21}"),
        },
    )
    assert (
        main(["build", "--root", str(root), "--channel", "radio", "--now", "2024-12-12T12:00"]) == 0
    )
    aired = item_row(rundown(root, "2024-W50"), "da-phat")
    assert (aired["seconds"], aired["duration_mode"], aired["rate_spm"]) == (20, "aired", None)
    rate = round(min(max(aired["syllables"] * 60 / 20, LIMITS[0]), LIMITS[1]))
    assert rate != 240  # the test means something only if the reader is not the default
    later = rundown(root, "2024-W51")
    row = item_row(later, "tuan-sau")
    assert (row["duration_mode"], row["rate_spm"]) == ("estimated", rate)
    assert row["seconds"] == math.ceil(row["syllables"] * 60 / rate)
    intro = later["items"][1]
    assert intro["slug"] == "LOI-CHAO" and intro["rate_spm"] == rate  # same reader, same rate
    assert rundown(root, "2024-W50")["items"][1]["rate_spm"] == 240  # read before the reading
    script = (root / "output/radio/items/tuan-sau.txt").read_text("utf-8")
    assert f"{row['syllables']} âm tiết, {rate} âm tiết/phút" in script
    text = (root / "output/radio/2024-W51/rundown.txt").read_text("utf-8")
    assert f"Tốc độ đọc: 240 âm tiết/phút; theo người đọc: PTV Hương {rate}" in text
    first = (root / "output/radio/items/da-phat.txt").read_text("utf-8")
    assert "Thực tế 0:20" in first and "thời lượng thực tế khi phát" in first


def test_an_unlikely_reading_is_a_warning_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = radio_project(
        tmp_path,
        {"content/bai-viet/go-nham.md": radio_bulletin('{air_date: 2024-12-14, aired: "0:05"}')},
    )
    args = ["build", "--root", str(root), "--channel", "radio", "--now", "2024-12-12T12:00"]
    assert main(args) == 0  # a warning: the rate is clamped, the build goes on
    err = capsys.readouterr().err
    assert "content/bai-viet/go-nham.md" in err and "radio.aired" in err
    assert "thời lượng thực tế 0:05" in err and "ngoài khoảng 180–330" in err


def test_a_duration_set_by_hand_replaces_the_estimate(tmp_path: Path) -> None:
    root = radio_project(
        tmp_path,
        {"content/bai-viet/dat-tay.md": radio_bulletin('{air_date: 2024-12-14, duration: "1:30"}')},
    )
    assert (
        main(["build", "--root", str(root), "--channel", "radio", "--now", "2024-12-12T12:00"]) == 0
    )
    row = item_row(rundown(root, "2024-W50"), "dat-tay")
    assert (row["seconds"], row["duration_mode"]) == (90, "manual")
    text = (root / "output/radio/2024-W50/rundown.txt").read_text("utf-8")
    assert "1:30" in text and "(đặt tay)" in text
    assert "Đặt tay 1:30" in (root / "output/radio/items/dat-tay.txt").read_text("utf-8")


@pytest.mark.parametrize(
    ("value", "seconds"), [('"1:30"', 90), ("1:30", 90), ("75", 75), ('"1:02:03"', 3723)]
)
def test_durations_are_read_as_minutes_and_seconds(
    tmp_path: Path, value: str, seconds: int
) -> None:
    root = radio_project(
        tmp_path,
        {"content/bai-viet/a.md": radio_bulletin(f"{{air_date: 2024-12-14, duration: {value}}}")},
    )
    code = main(["build", "--root", str(root), "--channel", "radio", "--now", "2024-12-12T12:00"])
    if seconds > 3600:
        assert code == 1
    else:
        assert code == 0
        assert item_row(rundown(root, "2024-W50"), "a")["seconds"] == seconds


@pytest.mark.parametrize("value", ['"một phút"', '"0:00"', "true", '"1:75"'])
def test_a_bad_duration_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    root = radio_project(
        tmp_path,
        {"content/bai-viet/a.md": radio_bulletin(f"{{air_date: 2024-12-14, aired: {value}}}")},
    )
    code = main(["build", "--root", str(root), "--channel", "radio", "--now", "2024-12-12T12:00"])
    err = capsys.readouterr().err
    assert code == 1
    assert "content/bai-viet/a.md" in err and "radio.aired" in err
    assert "không đọc được thời lượng" in err and 'aired: "1:30"' in err
    assert not (root / "output" / "radio").exists()


def test_changing_a_reading_retimes_later_episodes_like_a_clean_build(tmp_path: Path) -> None:
    files = {
        "content/bai-viet/da-phat.md": radio_bulletin(
            '{air_date: 2024-12-14, aired: "0:20", reader: Minh}'
        ),
        "content/bai-viet/tuan-sau.md": radio_bulletin("{air_date: 2024-12-21, reader: Minh}"),
    }
    root = radio_project(tmp_path, files)
    args = ["build", "--root", str(root), "--channel", "radio", "--now", "2024-12-12T12:00"]
    assert main(args) == 0
    before = item_row(rundown(root, "2024-W51"), "tuan-sau")
    edited = radio_bulletin('{air_date: 2024-12-14, aired: "0:24", reader: Minh}')
    (root / "content/bai-viet/da-phat.md").write_text(edited, "utf-8")
    assert main(args) == 0
    after = item_row(rundown(root, "2024-W51"), "tuan-sau")
    assert after["rate_spm"] != before["rate_spm"]
    # Another reader's intro is not calibrated: only the item's new timing changes the episode.
    assert rundown(root, "2024-W51")["items"][1]["rate_spm"] == 240
    incremental = {
        p.relative_to(root / "output").as_posix(): p.read_bytes()
        for p in sorted((root / "output").rglob("*"))
        if p.is_file()
    }
    shutil.rmtree(root / "output")
    shutil.rmtree(root / ".cache")
    assert main(args) == 0
    clean = {
        p.relative_to(root / "output").as_posix(): p.read_bytes()
        for p in sorted((root / "output").rglob("*"))
        if p.is_file()
    }
    assert incremental == clean


def heavy_episode(tmp_path: Path, over: int, titles: tuple[str, ...] = ()) -> dict:
    """Three 0:30 bulletins, the last two optional, in an episode `over` seconds over its slot
    (all with the same title unless `titles` are given)."""
    files = {}
    for n, key in enumerate(("a", "b", "c"), start=1):
        radio = f'{{air_date: 2024-12-14, duration: "0:30", order: {n}, floatable: {str(n > 1).lower()}}}'
        text = radio_bulletin(radio)
        if titles:
            text = text.replace('"Cảnh báo lừa đảo qua mạng"', f'"{titles[n - 1]}"', 1)
        files[f"content/bai-viet/{key}.md"] = text
    root = radio_project(tmp_path, files)
    args = ["build", "--root", str(root), "--channel", "radio", "--now", "2024-12-12T12:00"]
    assert main(args) == 0
    total = rundown(root, "2024-W50")["trt_seconds"]
    settings = (root / "site.toml").read_text("utf-8")
    (root / "site.toml").write_text(
        settings.replace("slot_minutes = 3", f"slot_minutes = {(total - over) / 60}"), "utf-8"
    )
    assert main(args) == 0
    document = rundown(root, "2024-W50")
    assert document["over_under_seconds"] == over
    return document


def test_leaving_out_an_item_counts_the_stinger_it_takes_along(tmp_path: Path) -> None:
    document = heavy_episode(tmp_path, over=32)  # item c (0:30) and its stinger (0:05) are enough
    c = item_row(document, "c")
    stinger = document["items"][document["items"].index(c) - 1]
    assert stinger["type"] == "Nhạc cắt"
    assert document["drop_suggestion"] == [c["no"], stinger["no"]]
    (warning,) = document["warnings"]
    # Every bulletin has the same title here: the slug tells which one.
    named = f"«{c['title']}» ({c['no']}, {c['slug']}) cùng nhạc cắt {stinger['no']}."
    assert named in warning and item_row(document, "b")["slug"] not in warning


def test_a_drop_suggestion_names_bulletins_by_their_titles(tmp_path: Path) -> None:
    """Radio staff know a bulletin by its title, not by its number and slug."""
    titles = ("Ra quân bảo đảm trật tự", "Cảnh báo lừa đảo, giả danh", "Tìm người thân")
    document = heavy_episode(tmp_path, over=80, titles=titles)  # b, c and their stingers
    b, c = item_row(document, "b"), item_row(document, "c")
    (warning,) = document["warnings"]
    assert f"(từ dưới lên): «Tìm người thân» ({c['no']}) cùng nhạc cắt " in warning
    assert f"; «Cảnh báo lừa đảo, giả danh» ({b['no']}) cùng nhạc cắt " in warning
    assert b["slug"] not in warning and c["slug"] not in warning
    text = (tmp_path / "project/output/radio/2024-W50/rundown.txt").read_text("utf-8")
    assert f"GHI CHÚ: {warning} (mã quy tắc Q9)" in text  # the word `publish check` uses


def test_a_drop_suggestion_that_is_not_enough_says_how_much_is_left(tmp_path: Path) -> None:
    # b, c and two stingers: 70 seconds; the closing tune fades out at most 15 of its 20 s
    document = heavy_episode(tmp_path, over=90)
    assert len(document["drop_suggestion"]) == 4
    (warning,) = document["warnings"]
    assert "bỏ hết các mục có thể bỏ vẫn thừa 0:20" in warning


def test_a_late_reading_leaves_the_episodes_already_aired_as_they_were(tmp_path: Path) -> None:
    """A duration entered after later episodes aired calibrates only those still to come: the
    aired ones keep the rates they were synced to the station with, in a clean build too."""
    files = {
        "content/bai-viet/da-phat.md": radio_bulletin("{air_date: 2024-12-14, reader: Minh}"),
        "content/bai-viet/tuan-sau.md": radio_bulletin("{air_date: 2024-12-21, reader: Minh}"),
        "content/bai-viet/sau-nua.md": radio_bulletin("{air_date: 2024-12-28, reader: Minh}"),
    }
    root = radio_project(tmp_path, files)
    assert main(["sync", "radio", "--root", str(root), "--now", "2024-12-12T12:00"]) == 0
    aired = item_row(rundown(root, "2024-W51"), "tuan-sau")
    assert aired["rate_spm"] == 240
    station = root / "dai-phat-thanh" / "2024-W51" / "rundown.json"
    synced = station.read_bytes()
    late = radio_bulletin('{air_date: 2024-12-14, aired: "0:20", reader: Minh}')
    (root / "content/bai-viet/da-phat.md").write_text(late, "utf-8")
    args = ["build", "--root", str(root), "--channel", "radio", "--now", "2024-12-22T12:00"]
    assert main(args) == 0
    assert item_row(rundown(root, "2024-W51"), "tuan-sau") == aired
    assert (root / "output/radio/2024-W51/rundown.json").read_bytes() == synced
    coming = item_row(rundown(root, "2024-W52"), "sau-nua")
    assert coming["rate_spm"] not in (None, 240)  # the reading counts from the next episode on
    incremental = snapshot(root / "output/radio")
    shutil.rmtree(root / "output")
    shutil.rmtree(root / ".cache")
    assert main(args) == 0
    assert snapshot(root / "output/radio") == incremental


def test_a_build_after_new_synced_rates_is_not_a_replay_of_the_last(tmp_path: Path) -> None:
    """state/radio-rates.json is read by the build: a new record (a pull after CI synced)
    makes the next build a real one."""
    files = {"content/bai-viet/a.md": radio_bulletin("{air_date: 2024-12-21, reader: Minh}")}
    root = radio_project(tmp_path, files)
    args = ["build", "--root", str(root), "--channel", "radio", "--now", "2024-12-22T12:00"]
    assert main(args) == 0
    assert item_row(rundown(root, "2024-W51"), "a")["rate_spm"] == 240
    record = {
        "version": 1,
        "episodes": {
            "2024-W51": {
                "air": "2024-12-21T17:00:00+07:00",
                "rate_spm": 240,
                "readers": {"Minh": 260},
            }
        },
    }
    (root / "state").mkdir()
    (root / "state/radio-rates.json").write_text(json.dumps(record), "utf-8")
    assert main(args) == 0
    assert item_row(rundown(root, "2024-W51"), "a")["rate_spm"] == 260


@pytest.mark.parametrize(
    ("written", "told"),
    [
        ('{"episodes": {"2024-W51": {}}}', "không đúng dạng"),  # JSON, but not a record
        ('{"episodes": {', "dòng 1"),  # not JSON: told in Vietnamese, with its line
    ],
)
def test_a_damaged_rates_record_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, told: str
) -> None:
    files = {"content/bai-viet/a.md": radio_bulletin("{air_date: 2024-12-21}")}
    root = radio_project(tmp_path, files)
    (root / "state").mkdir()
    (root / "state/radio-rates.json").write_text(written, "utf-8")
    args = ["build", "--root", str(root), "--channel", "radio", "--now", "2024-12-22T12:00"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "radio-rates.json" in err and told in err and "Expecting" not in err
    # Committed by CI on main: the copy to get back is the one before the damage, not HEAD's.
    assert "git checkout MÃ_COMMIT -- state/radio-rates.json" in err
    assert "git log -- state/radio-rates.json" in err


def test_rates_are_recorded_only_by_a_radio_sync_that_reached_the_station(tmp_path: Path) -> None:
    """The rates an aired episode keeps are those the station was sent: a sync of another
    channel, or one that could not write the station folder, records none."""
    root = radio_project(tmp_path, {"content/bai-viet/a.md": radio_bulletin("{reader: Minh}")})
    rates = root / "state" / "radio-rates.json"
    now = ["--root", str(root), "--now", "2024-12-12T12:00"]
    assert main(["sync", "web", *now]) == 0
    assert not rates.exists()
    station = root / "dai-phat-thanh"
    station.write_text("not a folder: the share is not mounted", "utf-8")
    assert main(["sync", "radio", *now]) != 0
    assert not rates.exists()
    station.unlink()
    assert main(["sync", "radio", *now]) == 0
    assert "2024-W50" in json.loads(rates.read_text("utf-8"))["episodes"]


def test_a_timing_warning_names_the_episode_and_waits_until_a_short_one_is_due(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Q9 is told of the episode by its air time, not its folder's rundown.txt; a short episode
    fills up as the bulletins of its week are written, so it is told once it is the next to air
    and within three days of it (a small unit read it on every check of the week); a long one
    is told at once; an aired one no more."""
    files = {
        "content/bai-viet/tuan-nay.md": radio_bulletin("{air_date: 2024-12-14}"),
        "content/bai-viet/sau-hai-tuan.md": radio_bulletin("{air_date: 2024-12-28}"),
        "content/bai-viet/dai.md": radio_bulletin('{air_date: 2025-01-04, duration: "5:00"}'),
    }
    root = radio_project(tmp_path, files)

    def told(now: str) -> list[str]:
        args = ["build", "--root", str(root), "--channel", "radio", "--now", now]
        assert main(args) == 0
        err = capsys.readouterr().err
        assert "rundown.txt" not in err
        return [line.partition(": ghi chú: ")[0] for line in err.splitlines() if "Q9" in line]

    assert told("2024-12-12T12:00") == [
        "Tập phát thanh 17:00, Thứ Bảy, 14/12/2024",
        "Tập phát thanh 17:00, Thứ Bảy, 04/01/2025",
    ]
    assert "thiếu" in rundown(root, "2024-W52")["warnings"][0]  # its rundown says so all along
    # Sunday: the short 28/12 episode is next, but its week's bulletins are still to come.
    assert told("2024-12-22T12:00") == ["Tập phát thanh 17:00, Thứ Bảy, 04/01/2025"]
    assert told("2024-12-25T16:59") == ["Tập phát thanh 17:00, Thứ Bảy, 04/01/2025"]
    assert told("2024-12-25T17:00") == [
        "Tập phát thanh 17:00, Thứ Bảy, 28/12/2024",
        "Tập phát thanh 17:00, Thứ Bảy, 04/01/2025",
    ]
