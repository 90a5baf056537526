"""`publish build --timings`: where a build's time went, phase by phase, on a clock we control."""

from __future__ import annotations

import re
import subprocess
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from publish import timings
from publish.cli import main
from publish.model import Artifact, Site
from publish.timings import Timings, cpu, seconds_vi
from tests.helpers import FakeClock, bulletin_md, install_fake_renderers, make_project, rows


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """Every phase read from a fake clock."""
    fake = FakeClock()
    monkeypatch.setattr(timings, "_clock", fake)
    return fake


def test_seconds_are_written_with_a_decimal_comma() -> None:
    assert seconds_vi(0.5) == "0,50"
    assert seconds_vi(3.14159) == "3,14"
    assert seconds_vi(22.06) == "22,1"


def test_phases_add_up_and_the_rest_is_what_no_phase_covered(clock: FakeClock) -> None:
    t = Timings()
    with t.phase("nạp"):
        clock.advance(2.0)
    with t.phase("kênh web"):
        clock.advance(5.0)
    with t.phase("nạp"):  # a phase met twice is one row
        clock.advance(1.0)
    clock.advance(0.5)
    assert t.phases == [("nạp", 3.0), ("kênh web", 5.0)]
    table = rows(t.lines())
    assert table == {
        "nạp": "3,00",
        "kênh web": "5,00",
        "việc khác (đọc site.toml, in báo cáo)": "0,50",
        "tổng": "8,50",
    }


def test_a_phase_that_fails_is_still_recorded(clock: FakeClock) -> None:
    t = Timings()
    with pytest.raises(ValueError), t.phase("kênh zalo"):
        clock.advance(1.5)
        raise ValueError
    assert t.phases == [("kênh zalo", 1.5)]


def test_a_remainder_leaves_out_the_phases_inside_it(clock: FakeClock) -> None:
    t = Timings()
    with t.remainder("ghi"):
        clock.advance(0.25)
        with t.phase("kênh web"):
            clock.advance(4.0)
        clock.advance(0.5)
    assert t.phases == [("kênh web", 4.0), ("ghi", 0.75)]


def test_time_before_the_object_was_made_is_the_start_up_phase(clock: FakeClock) -> None:
    started = clock()
    clock.advance(0.3)
    t = Timings(started)
    clock.advance(1.0)
    assert t.phases == [("khởi động, đọc mã chương trình", pytest.approx(0.3))]
    assert t.elapsed() == pytest.approx(1.3)


def test_cpu_counts_child_processes_that_ended() -> None:
    before = cpu()
    busy = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
    subprocess.run([sys.executable, "-c", busy], check=True)
    after = cpu()
    assert (after[0] + after[1]) - (before[0] + before[1]) >= 0.25


def slow_renderer(channel: str, clock: FakeClock, seconds: float) -> types.ModuleType:
    """A renderer whose one artifact takes `seconds` of the fake clock to make."""
    module = types.ModuleType(f"tests_slow_renderer_{channel}")

    def render(site: Site) -> Iterable[Artifact]:
        """One file, after `seconds`."""
        clock.advance(seconds)
        yield Artifact.text(channel, "index.txt", f"{len(site.bulletins)}\n")

    module.render = render  # type: ignore[attr-defined]
    return module


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> Iterator[Path]:
    """A one-bulletin project whose channels take 1, 2 and 4 seconds."""
    import publish.pipeline

    for channel, seconds in (("web", 2.0), ("zalo", 4.0), ("radio", 1.0)):
        module = slow_renderer(channel, clock, seconds)
        monkeypatch.setitem(sys.modules, module.__name__, module)
        monkeypatch.setitem(publish.pipeline.RENDERERS, channel, module.__name__)
    yield make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md()})


def test_build_timings_give_each_channel_its_own_time(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--root", str(project), "--timings"]) == 0
    out = capsys.readouterr().out.splitlines()
    table = out[out.index("Thời gian từng giai đoạn (giây, theo đồng hồ):") :]
    found = rows(table)
    # In the order they ran (radio first: see pipeline.RENDER_ORDER), each its own seconds.
    channels = [label for label in found if label.startswith("kênh")]
    assert channels == [
        "kênh radio: dựng và ghi",
        "kênh web: dựng và ghi",
        "kênh zalo: dựng và ghi",
    ]
    assert [found[c] for c in channels] == ["1,00", "2,00", "4,00"]
    # The writer took every artifact while the channels ran: none of their time is counted twice.
    assert found["ghi output/ (chuyển tệp vào chỗ, gỡ tệp cũ)"] == "0,00"
    assert found["tổng"] == "7,00"
    assert "nạp và kiểm tra bản tin" in found and "so với lần dựng trước" in found
    assert f"Xong sau 7,00 giây: 1 bản tin được xuất bản vào {project}/output/." in out
    assert re.search(r"CPU \d+,\d+ giây: .* tối đa \d+ tiến trình", table[-1])
    # A unit's IT officer reads the table: what was measured, in plain words (QA of session 76).
    assert re.search(
        r"CPU (\d+,\d+) giây: (\d+,\d+) công cụ tự xử lý, (\d+,\d+) hệ điều hành làm hộ — đọc "
        r"ghi tệp, mở tiến trình; cộng mọi nhân CPU, tối đa \d+ tiến trình chạy song song\)$",
        table[-1],
    ), table[-1]
    words = " ".join(table).casefold()
    for jargon in ("mô-đun", "module", "nhân hệ điều hành", "kernel", "chạy mã", "dọn cache"):
        assert jargon not in words, jargon
    assert "lưu dấu lần dựng, dọn thư mục .cache/" in found


def test_a_replayed_build_times_only_the_comparison(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--root", str(project), "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["build", "--root", str(project), "-q", "--timings"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Thời gian từng giai đoạn (giây, theo đồng hồ):"  # --quiet: the table only
    assert not any("kênh" in line for line in out)
    assert "so với lần dựng trước" in rows(out)


def test_without_the_option_no_table_is_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md()})
    assert main(["build", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Thời gian từng giai đoạn" not in out
    done = rf"^Xong sau \d+,\d+ giây: 1 bản tin được xuất bản vào {re.escape(str(root))}/output/\.$"
    assert re.search(done, out, re.M)
