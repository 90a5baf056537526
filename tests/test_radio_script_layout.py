"""What the station's staff see around the text read aloud: item headers, the end of an item and
the cues after it, air times, and the running order's advice (findings of the announcer's review
and the new-unit tester)."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import docx
import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.model import Site
from publish.render import radio
from publish.render.radio import layout
from publish.render.radio.items import LEAD_IN_LABEL, TAG_LABEL
from publish.render.radio.layout import END_MARK, WIDTH
from publish.render.radio.rundown import mss, time_rundown
from tests.helpers import bulletin_md, make_project, running_order

TZ = dt.timezone(dt.timedelta(hours=7))


def rendered(root: Path, now: dt.datetime) -> dict[str, str]:
    """The radio channel's text files for a project at a clock."""
    site = load_site(config_module.load(root), now=now)
    return {a.path: a.data.decode("utf-8") for a in radio.render(site) if a.path.endswith(".txt")}


def check_radio_strictly(root: Path) -> int:
    """`publish check --strict` of the radio channel on 10/12/2020."""
    argv = ["--root", str(root), "check", "--strict", "--channel", "radio"]
    return main([*argv, "--now", "2020-12-10T09:00"])


def test_the_byline_goes_into_the_item_header_and_is_not_read(tmp_path: Path) -> None:
    """Finding 16: "Tin: Ban Biên tập." ended every corpus item on air; it is the header's, like
    the source file, in the item file, the episode script and the Word file alike."""
    root = make_project(
        tmp_path,
        {
            "content/a.md": bulletin_md(
                {"date": "2020-12-08 08:00"},
                body="Công an huyện cảnh báo người dân. *Tin: Thu Trang.*\n",
            ),
        },
    )
    texts = rendered(root, dt.datetime(2020, 12, 10, tzinfo=TZ))
    item = texts["items/a.txt"].splitlines()
    rule = item.index("-" * WIDTH)
    assert "Tin (không đọc): Thu Trang" in item[:rule]
    assert "Công an huyện cảnh báo người dân." in item[rule:]
    assert not any("Thu Trang" in line for line in item[rule:])
    script = texts["2020-W50/script.txt"]
    assert "Tin (không đọc): Thu Trang" in script and script.count("Thu Trang") == 1


@pytest.mark.parametrize(
    ("ending", "credit"),
    [
        ("Tin: X. Thu Trang", "Tin (không đọc): X. Thu Trang"),
        ("*Bài và ảnh: H. Thanh Mai.*", "Bài và ảnh (không đọc): H. Thanh Mai"),
        ("Tin: Nguyễn T. Lan", "Tin (không đọc): Nguyễn T. Lan"),
    ],
)
def test_a_byline_with_an_initial_goes_into_the_item_header(
    tmp_path: Path, ending: str, credit: str
) -> None:
    """«Tin: X. Thu Trang» was read on air as «Tin: xã Thu Trang.»: the dot of the initial
    was taken for a sentence's end, so the byline stayed in the text the presenter reads."""
    root = make_project(
        tmp_path,
        {
            "content/a.md": bulletin_md(
                {"date": "2020-12-08 08:00"},
                body=f"Công an huyện cảnh báo người dân.\n\n{ending}\n",
            ),
        },
    )
    item = rendered(root, dt.datetime(2020, 12, 10, tzinfo=TZ))["items/a.txt"].splitlines()
    rule = item.index("-" * WIDTH)
    assert credit in item[:rule]
    assert [line.strip() for line in item[rule + 1 :] if line.strip()] == [
        "Công an huyện cảnh báo người dân.",
        END_MARK,
    ]


def test_the_front_matter_authors_name_ending_a_bulletin_goes_into_the_item_header(
    tmp_path: Path,
) -> None:
    """«**Minh Anh**» alone on the last line is read as a slogan would be, unless the front
    matter's `author` is that name: then it is the writer's credit, not read."""
    root = make_project(
        tmp_path,
        {
            "content/a.md": bulletin_md(
                {"date": "2020-12-08 08:00", "author": "Minh Anh"},
                body="Công an huyện cảnh báo người dân.\n\n**Minh Anh**\n",
            ),
        },
    )
    item = rendered(root, dt.datetime(2020, 12, 10, tzinfo=TZ))["items/a.txt"].splitlines()
    rule = item.index("-" * WIDTH)
    assert "Tác giả (không đọc): Minh Anh" in item[:rule]
    assert [line.strip() for line in item[rule + 1 :] if line.strip()] == [
        "Công an huyện cảnh báo người dân.",
        END_MARK,
    ]


def test_a_dropped_address_is_told_by_check_and_build_as_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Finding D: README promises a warning with every dropped web address (R1.4) or link
    sentence (R1.3), but they reached rundown.txt only. They are now notes of check and build,
    with file and line, for episodes still to air; --strict does not fail on them."""
    body = "Mở đầu bản tin.\n\nCông an đã xử lý mười vụ; chi tiết tại https://ca.example.vn/tin.\n"
    root = make_project(
        tmp_path,
        {
            "content/a.md": bulletin_md({"date": "2020-12-08 08:00"}, body=body),
            "content/b.md": bulletin_md(
                {"date": "2020-12-01 08:00", "title": '"Tin đã phát"'}, body=body
            ),
        },
    )
    code = check_radio_strictly(root)
    captured = capsys.readouterr()
    assert code == 0
    [note] = [line for line in captured.err.splitlines() if "R1.4" in line]
    assert note.startswith("content/a.md:11: ghi chú: phát thanh: Đã bỏ vế câu chứa địa chỉ")
    assert "content/b.md" not in captured.err  # its episode aired on 5/12: nothing to do
    assert "2 ghi chú (xem ở trên)" in captured.out  # with Q9: the episode is short
    code = main(["--root", str(root), "build", "--channel", "radio", "--now", "2020-12-10T09:00"])
    assert code == 0 and note in capsys.readouterr().err


def test_q9_is_a_note_so_strict_and_its_verdict_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Finding E: `check --strict` printed Q9 as "cảnh báo" and then "Không có lỗi", exit 0.
    Timing advice is a note (no bulletin is wrong); a warning left under --strict is explained."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"date": "2020-12-08 08:00"})})
    code = check_radio_strictly(root)
    captured = capsys.readouterr()
    assert code == 0
    [q9] = [line for line in captured.err.splitlines() if "(mã quy tắc Q9)" in line]
    assert q9.startswith("Tập phát thanh 17:00, Thứ Bảy, 12/12/2020: ghi chú: Chương trình dài")
    assert "cảnh báo" not in captured.err
    assert captured.out.rstrip().endswith("; 1 ghi chú (xem ở trên).")


def test_the_stinger_after_an_item_comes_after_its_end_mark() -> None:
    """Finding C: "[A4 NHẠC CẮT 0:05]" was printed above "— HẾT TIN —" of the item before it,
    so the reader met the music cue while still inside the item (S7: the end mark ends it)."""
    from tests.test_render_radio import FIXTURE, NOW, WEEK, fixture_site

    assert FIXTURE.is_dir()
    files = {a.path: a.data for a in radio.render(fixture_site(now=NOW))}
    script = files[f"{WEEK}/script.txt"].decode("utf-8").splitlines()
    end = script.index(END_MARK.rjust(WIDTH))
    assert script.index("[A4 NHẠC CẮT 0:05]") > end
    words = [p.text for p in docx.Document(io.BytesIO(files[f"{WEEK}/script.docx"])).paragraphs]
    assert words.index("[A4 NHẠC CẮT 0:05]") > words.index(END_MARK)


def test_the_air_time_reads_the_same_in_every_header() -> None:
    """Finding B: "06:30:00" in the script and rundown headers, "06:30" in item files. Headers
    say hh:mm, as [radio] air_time does; the rundown's columns keep seconds (E6)."""
    from tests.test_render_radio import WEEK, fixture_site

    files = {
        a.path: a.data.decode("utf-8")
        for a in radio.render(fixture_site())
        if a.path.endswith("txt")
    }
    item = files["items/ra-quan-ttatgt-cuoi-nam.txt"].splitlines()
    headers = [
        files[f"{WEEK}/script.txt"].splitlines()[2],
        files[f"{WEEK}/rundown.txt"].splitlines()[1],
        next(line for line in item if line.startswith("Phát sóng: ")),  # under the long title
    ]
    for header in headers:
        assert "17:00, Thứ Bảy, 14/12/2024" in header and "17:00:00" not in header, header
    assert " 17:00:00 " in files[f"{WEEK}/rundown.txt"]  # the first row's on-air time


def test_a_far_too_long_episode_says_what_cannot_air_and_never_to_read_faster() -> None:
    """Finding 19: 80 items in a 10-minute slot, nothing to drop: no cut was proposed and the
    advice was to read faster. Now it says which rows cannot make the slot; reading faster or
    slower is advised only for a gap of at most a tenth of the episode."""
    start = dt.datetime(2024, 12, 14, 17, 0, tzinfo=TZ)
    seconds = [20, 12, *([175] * 80), 20]
    timing = time_rundown(seconds, air_start=start, slot=600)
    [warning] = timing.warnings([f"A{n}" for n in range(1, len(seconds) + 1)])
    assert "Chương trình dài 3:54:12, thừa 3:44:12" in warning
    assert "chỉ phát kịp đến hết A5: các mục sau A5 không kịp phát." in warning
    assert "nhanh hơn" not in warning and "chuyển bớt tin sang buổi phát sau" in warning
    assert [timing.late(i) for i in (4, 5)] == [False, True]
    assert mss(3700) == "1:01:40" and mss(3599) == "59:59"
    near = time_rundown([300, 310], air_start=start, slot=600).warnings(["A1", "A2"])[0]
    assert "hoặc đọc nhanh hơn" in near
    light = time_rundown([100, 80], air_start=start, slot=600).warnings(["A1", "A2"])[0]
    assert "cần thêm tin cho khoảng 7:00 nữa" in light and "chậm hơn một chút" not in light
    almost = time_rundown([290, 290], air_start=start, slot=600).warnings(["A1", "A2"])[0]
    assert "thêm một tin ngắn hoặc đọc chậm hơn một chút" in almost


def test_a_few_seconds_over_fade_the_closing_tune_instead_of_dropping_a_bulletin() -> None:
    """Task L: 4 s over a 10-minute slot marked the 20 s closing tune «không kịp phát» and
    proposed dropping a bulletin; a studio fades the tune out after 16 s and ends on time."""
    start = dt.datetime(2024, 12, 14, 17, 0, tzinfo=TZ)
    seconds = [20, 12, 300, 5, 247, 20]  # 604 s
    floatable = [False, False, False, False, True, False]
    timing = time_rundown(seconds, air_start=start, slot=600, floatable=floatable, fades_out=True)
    [warning] = timing.warnings([f"A{n}" for n in range(1, 7)])
    assert "thừa 0:04" in warning and "Đề nghị bỏ" not in warning
    assert "(A6) chỉ phát 0:16 trong 0:20 rồi hạ nhỏ dần" in warning
    assert "không kịp phát" not in warning and "rút gọn" not in warning
    assert timing.faded(5) == 16 and timing.drop == ()
    assert timing.rows[0].backtime == start  # the first item starts on time, not «–»
    # A tune that would air for less than MIN_TUNE_PLAY seconds does not air: a bulletin goes.
    long = time_rundown(
        [20, 12, 300, 5, 261, 20], air_start=start, slot=600, floatable=floatable, fades_out=True
    )
    assert long.drop == (4,) and long.faded(5) is None and long.late(5)


def test_the_running_order_says_how_long_the_faded_closing_tune_airs(tmp_path: Path) -> None:
    """rundown.txt and rundown.json: the closing tune of an episode 2 s long airs 0:18 of its
    0:20, faded out; no bulletin is proposed for dropping and every deadline is a time."""
    from tests.test_render_radio import FIXTURE

    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    toml = root / "site.toml"
    toml.write_text(
        toml.read_text("utf-8").replace("slot_minutes = 3", "slot_minutes = 1.9"), "utf-8"
    )
    site = load_site(config_module.load(root), now=dt.datetime(2024, 12, 12, 12, 0, tzinfo=TZ))
    files = {
        a.path: a.data.decode("utf-8")
        for a in radio.render(site)
        if a.path.endswith(("txt", "json"))
    }
    rundown = files["2024-W50/rundown.txt"].splitlines()
    rows = running_order(files["2024-W50/rundown.txt"])
    assert rows["A7"][1].endswith("(chỉ phát 0:18 rồi hạ nhỏ dần)")
    assert not any("không kịp phát" in line or "«–»" in line for line in rundown)
    assert rows["A1"][0].split()[-1] == "17:00:00"
    [warning] = [line for line in rundown if line.startswith("GHI CHÚ:")]
    assert "Nhạc hiệu kết thúc (A7) chỉ phát 0:18 trong 0:20 rồi hạ nhỏ dần" in warning
    assert "Đề nghị bỏ" not in warning
    document = json.loads(files["2024-W50/rundown.json"])
    assert (document["drop_suggestion"], document["closing_tune_cut_seconds"]) == ([], 2)
    # The technician plays from the script: its cue says when to fade the tune out.
    script = files["2024-W50/script.txt"]
    assert "[A7 NHẠC HIỆU KẾT THÚC 0:20, HẠ NHỎ DẦN SAU 0:18]" in script
    assert "[A1 NHẠC HIỆU MỞ ĐẦU 0:20]" in script
    word = {a.path: a.data for a in radio.render(site)}["2024-W50/script.docx"]
    texts = [p.text for p in docx.Document(io.BytesIO(word)).paragraphs]
    assert "[A7 NHẠC HIỆU KẾT THÚC 0:20, HẠ NHỎ DẦN SAU 0:18]" in texts


def test_the_running_order_marks_rows_that_cannot_air(tmp_path: Path) -> None:
    """In rundown.txt a row ending after the slot says "không kịp phát"; a deadline before the
    air time (13:15:42 for a 17:00 episode) is shown as "–", with what that means."""
    from tests.test_render_radio import FIXTURE

    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    toml = root / "site.toml"
    toml.write_text(
        toml.read_text("utf-8").replace("slot_minutes = 3", "slot_minutes = 1"), "utf-8"
    )
    site = load_site(config_module.load(root), now=dt.datetime(2024, 12, 12, 12, 0, tzinfo=TZ))
    files = {a.path: a.data for a in radio.render(site)}
    rundown = files["2024-W50/rundown.txt"].decode("utf-8").splitlines()
    rows = running_order(files["2024-W50/rundown.txt"].decode("utf-8"))
    assert "không kịp phát" not in rows["A2"][1] and "(không kịp phát)" in rows["A3"][1]
    assert rows["A1"][0].split()[-1] == "–"
    assert any(line.startswith("Hạn bắt đầu «–»:") for line in rundown)
    [warning] = [line for line in rundown if line.startswith("GHI CHÚ:")]
    assert "Bỏ các mục đó rồi, chỉ phát kịp đến hết A2: các mục sau A2 không kịp phát." in warning


PRINTED_WIDTH = 72
"""What Notepad prints on a line of A4 portrait without breaking it (Consolas 11 pt, ~19 mm
margins: about 78 characters), with a margin for the revision line the sync adds."""
NOTE_STARTS = ("GHI CHÚ:", "Hạn bắt đầu «–»:", "Tin hẹn giờ:", "CHƯA CÓ BẢN TIN NÀO:")
"""The running order's sentences for people (Notepad wraps them at words, as spoken text)."""


def station_files(site: Site) -> tuple[dict[str, str], set[str]]:
    """The .txt files a sync sends the station, and the spoken lines in them (one paragraph a
    line: the reader's text is not hard-wrapped, Notepad wraps it at words)."""
    files = {
        a.path: a.data.decode("utf-8-sig")
        for a in radio.render(site)
        if a.path.endswith(".txt") and not a.path.endswith("ghi-chu-bien-tap.txt")
    }
    spoken = {
        line
        for episode in radio.assemble(site).episodes
        for segment in episode.segments
        for line in (
            *(p.upper() if p.startswith("[") else p for p in segment.paragraphs),
            f"{LEAD_IN_LABEL}{segment.lead_in}",
            f"{TAG_LABEL}{segment.tag}",
        )
    }
    return files, spoken


def too_wide(files: dict[str, str], spoken: set[str]) -> list[str]:
    """The lines the tool lays out (rules, headers, rows, titles, end marks) wider than paper."""
    return [
        f"{path}: {line}"
        for path, text in files.items()
        for line in text.splitlines()
        if len(line) > PRINTED_WIDTH and line not in spoken and not line.startswith(NOTE_STARTS)
    ]


def test_every_laid_out_line_of_the_sample_fits_a_printed_a4_line() -> None:
    """The station prints its .txt files from Notepad on A4 portrait: rules and headers were 94
    characters and rundown rows 150-185, each broken across two printed lines."""
    root = Path(__file__).parents[1]
    site = load_site(config_module.load(root), now=dt.datetime(2026, 12, 1, tzinfo=TZ))
    files, spoken = station_files(site)
    assert len([p for p in files if p.endswith("rundown.txt")]) > 5
    assert too_wide(files, spoken) == []
    assert WIDTH <= PRINTED_WIDTH


LONG_TITLE = (
    "Công an huyện Châu Thành phối hợp Ủy ban nhân dân các xã, thị trấn ra quân tổng kiểm tra, "
    "xử lý vi phạm trật tự an toàn giao thông đường bộ, đường thủy nội địa dịp cuối năm và Tết"
)


def test_long_titles_readers_and_corrections_stay_within_a_printed_line(tmp_path: Path) -> None:
    """A week of titles near the 200-character limit, a reader with a long name, an item that
    may be dropped and one not read on time: every header, title and running order row is
    wrapped within the width, the grid's columns still under their headings."""
    from tests.test_render_radio import FIXTURE

    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    toml = root / "site.toml"
    toml.write_text(
        toml.read_text("utf-8").replace("slot_minutes = 3", "slot_minutes = 1"), "utf-8"
    )
    radios = ['{reader: "Phát thanh viên Nguyễn Thị Thu Hương"}', "{floatable: true}", "{}"]
    for n, radio_block in enumerate(radios):
        (root / f"content/bai-viet/2024-12-1{n}-dai-{n}.md").write_text(
            bulletin_md(
                {
                    "title": f'"{LONG_TITLE} lần {n + 1}"',
                    "date": f"2024-12-1{n} 07:00",
                    "category": "an-ninh-trat-tu",
                    "radio": radio_block,
                },
                body="Công an huyện đề nghị người dân chấp hành nghiêm quy định về giao thông.\n",
            ),
            "utf-8",
        )
    site = load_site(config_module.load(root), now=dt.datetime(2024, 12, 12, 12, 0, tzinfo=TZ))
    files, spoken = station_files(site)
    assert too_wide(files, spoken) == []
    rundown = files["2024-W50/rundown.txt"]
    rows = running_order(rundown)
    titled = [named for _row, named in rows.values() if LONG_TITLE in named]
    assert len(titled) == 3  # each title whole under its row, wrapped onto indented lines
    assert any("(có thể bỏ, không kịp phát)" in named for named in titled)
    assert any("không kịp phát" in named for _row, named in rows.values())
    lines = rundown.splitlines()
    header = next(line for line in lines if line.startswith("Số "))
    for heading in ("Âm tiết", "Thời lượng", "Tích lũy", "Lên sóng", "Hạn bắt đầu"):
        end = header.index(heading) + len(heading)
        assert {
            row[end - 1] != " " and row[end : end + 1] in ("", " ") for row, _ in rows.values()
        } == {True}
    script = files["2024-W50/script.txt"]
    assert "Đọc: Phát thanh viên Nguyễn Thị Thu Hương" in script  # on its own line, not cut


def test_a_word_longer_than_a_line_is_never_cut_inside() -> None:
    """An address in a title longer than a printed line stays whole on a line of its own:
    cut in two, staff would read (or type) two wrong addresses."""
    address = "https://congan.dongthap.gov.vn/tin-tuc/canh-bao-thu-doan-gia-danh-cong-an-goi-dien"
    assert len(address) > WIDTH
    lines = layout._fitted(f"Tiêu đề (không đọc): Cảnh báo, xem {address} | Ước tính 0:20")
    assert f"  {address}" in lines
    assert [line for line in lines if len(line) > WIDTH] == [f"  {address}"]
