"""Finished radio items and episodes kept between builds are used only while nothing they are made
from changed: after an edit of a bulletin, the abbreviation file or the air time, a rebuild gives
exactly the files of a clean build, whether the builds run in one process or in separate ones."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from publish.cli import main
from publish.render.radio import episode, items
from tests import forked
from tests.helpers import FIXTURES, snapshot, stats

NOW = "2024-12-20 12:00"
REPO = Path(__file__).resolve().parents[1]
BODY = (
    "Ngày 02/12/2024, Công an huyện phối hợp với TKT xã Tân Lập tuyên truyền về an toàn giao "
    "thông cho 350 học sinh. Trong 3 giờ, tổ công tác hướng dẫn cách đội mũ bảo hiểm đúng quy "
    "cách, cách đi xe đạp an toàn và cách xử lý khi gặp sự cố trên đường.\n\n"
    "Qua đó, số vụ tai nạn giao thông trên địa bàn giảm 12,5% so với cùng kỳ năm trước. Công an "
    "huyện đề nghị người dân tiếp tục phối hợp.\n"
)
EARLY = "content/bai-viet/2024-12-02-tuyen-truyen-atgt.md"
"""A bulletin airing alone in week 2024-W49; the fixture's three air in 2024-W50."""
ITEM = "items/tuyen-truyen-atgt.txt"
OTHER_WEEK = "2024-W50/script.txt"

Build = Callable[[Path], None]


def _bulletin(body: str) -> str:
    """An approved radio bulletin dated in week 2024-W49."""
    return (
        '---\ntitle: "Tuyên truyền an toàn giao thông"\ndate: 2024-12-02 08:00\n'
        'category: an-ninh-trat-tu\nsummary: "Tuyên truyền an toàn giao thông."\n'
        'approved_by: "Thượng tá Nguyễn Văn Hùng"\n'
        f"---\n\n{body}"
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The radio fixture plus a bulletin using the unit's abbreviation TKT, in its own week."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root, ignore=shutil.ignore_patterns(".cache"))
    (root / EARLY).write_text(_bulletin(BODY), "utf-8")
    return root


def build_in_process(root: Path) -> None:
    """`publish build --channel radio` in this process, forgetting the last site assembled."""
    episode._last.clear()
    assert main(["build", "--root", str(root), "--now", NOW, "-q", "--channel", "radio"]) == 0


def build_in_new_process(root: Path) -> None:
    """`publish build --channel radio` in a separate Python process (forked from one that has
    imported publish and built nothing: no memory of this process's builds)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = ["-m", "publish", "build", "--root", str(root), "--now", NOW, "-q"]
    done = forked.run([*command, "--channel", "radio"], env=env, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def clean_output(root: Path, scratch: Path) -> dict[str, bytes]:
    """output/radio of a build of the same sources with no .cache/ and no output/."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(root, scratch, ignore=shutil.ignore_patterns(".cache", "output"))
    build_in_process(scratch)
    return snapshot(scratch / "output" / "radio")


@pytest.mark.parametrize("build", [build_in_process, build_in_new_process])
def test_edits_reach_the_item_and_its_episode(project: Path, tmp_path: Path, build: Build) -> None:
    """Each edit changes the item and its episode as a clean build does; the other week's files
    are left untouched."""
    output = project / "output" / "radio"
    build(project)
    assert "tổ tự quản khu dân cư" in (output / ITEM).read_text("utf-8").lower()
    untouched = stats(output)[OTHER_WEEK]

    edited = BODY.replace("350 học sinh", "420 học sinh và 12 giáo viên")
    (project / EARLY).write_text(_bulletin(edited), "utf-8")
    build(project)
    after_edit = snapshot(output)
    assert after_edit == clean_output(project, tmp_path / "clean")
    assert "mười hai giáo viên" in after_edit[ITEM].decode()
    assert "mười hai giáo viên" in after_edit["2024-W49/script.txt"].decode()

    lexicon = project / "tu-viet-tat.tsv"
    lexicon.write_text(
        lexicon.read_text("utf-8").replace("Tổ tự quản khu dân cư", "Tổ an ninh tự quản"), "utf-8"
    )
    build(project)
    after_lexicon = snapshot(output)
    assert after_lexicon == clean_output(project, tmp_path / "clean")
    assert "tổ an ninh tự quản" in after_lexicon[ITEM].decode().lower()
    assert after_lexicon["2024-W49/script.txt"] != after_edit["2024-W49/script.txt"]

    config = project / "site.toml"
    config.write_text(
        config.read_text("utf-8").replace('air_time = "17:00"', 'air_time = "18:30"'), "utf-8"
    )
    build(project)
    after_clock = snapshot(output)
    assert after_clock == clean_output(project, tmp_path / "clean")
    assert "Phát sóng: 18:30" in after_clock[ITEM].decode()
    assert "18:30:00" in after_clock["2024-W49/rundown.txt"].decode()
    assert stats(output)[OTHER_WEEK] != untouched  # its air time changed too


def test_an_unchanged_rebuild_reads_nothing_aloud_and_rewrites_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the items kept, a rebuild (not replayed) normalises no text, builds no Word file and
    leaves every output file as it was; an edit re-reads that bulletin alone."""
    build_in_process(project)
    output = project / "output" / "radio"
    before, before_stats = snapshot(output), stats(output)
    read: list[str] = []
    real_normalise = items.normalise

    def recording_normalise(text, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.append(text)
        return real_normalise(text, *args, **kwargs)

    def no_docx(*args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        raise AssertionError("an unchanged episode's Word file was built again")

    monkeypatch.setattr(items, "normalise", recording_normalise)
    monkeypatch.setattr("publish.render.radio.word.build_docx", no_docx)
    items._speak.cache_clear()  # as in a new process
    (project / ".cache" / "last-build.pickle").unlink()  # a real build, not a replay
    build_in_process(project)
    frame = ("Kính thưa quý thính giả", "Chuyên mục Vì an ninh Tổ quốc đến đây")
    assert read and all(text.startswith(frame) for text in read)  # the intro and outro only
    assert snapshot(output) == before and stats(output) == before_stats

    monkeypatch.undo()
    monkeypatch.setattr(items, "normalise", recording_normalise)
    read.clear()
    (project / EARLY).write_text(_bulletin(BODY.replace("350", "360")), "utf-8")
    build_in_process(project)
    bodies = [text.strip() for text in read if not text.startswith(frame)]
    assert bodies == [BODY.replace("350", "360").strip()]
    assert stats(output)[OTHER_WEEK] == before_stats[OTHER_WEEK]
    assert "ba trăm sáu mươi" in (output / ITEM).read_text("utf-8")


def test_the_read_aloud_texts_are_let_go_when_the_radio_channel_is_done(project: Path) -> None:
    """The normalised bodies the build remembered between its check and its render are not
    carried through the other channels' phases (~12 MB at 10,000 bulletins)."""
    items._speak.cache_clear()
    build_in_process(project)
    assert (project / "output" / "radio" / ITEM).is_file()  # it did read bulletins aloud
    assert items._speak.cache_info().currsize == 0


def test_an_output_file_edited_by_hand_is_written_again(project: Path) -> None:
    """A kept episode is trusted only while its files hold what was written (the ledger)."""
    build_in_process(project)
    output = project / "output" / "radio"
    before = snapshot(output)
    (output / OTHER_WEEK).write_text("sửa tay", "utf-8")
    (output / ITEM).unlink()
    (project / ".cache" / "last-build.pickle").unlink()
    build_in_process(project)
    assert snapshot(output) == before


def test_a_read_item_unpacks_its_bulletin_body_once(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A radio build makes each item from the body unpacked once (it was unpacked again for the
    byline): ~25 µs a bulletin, and the same text."""
    from publish import model

    unpacked: list[bytes] = []
    real = model.unpack_text

    def counted(packed: bytes) -> str:
        """model.unpack_text, noting which body it unpacked."""
        unpacked.append(packed)
        return real(packed)

    made: list[str] = []
    real_item = items.Speaker.item

    def item(self, bulletin, block, *, reader, held=()):  # type: ignore[no-untyped-def]
        """The item, with the bodies unpacked while it is made."""
        unpacked.clear()
        segment = real_item(self, bulletin, block, reader=reader, held=held)
        made.append(bulletin.source)
        assert unpacked.count(bulletin.packed_body) == 1
        return segment

    monkeypatch.setattr(model, "unpack_text", counted)
    monkeypatch.setattr(items.Speaker, "item", item)
    build_in_process(project)
    assert EARLY in made
