"""The radio build cache (<root>/.cache/radio/): same output, and only changed work is redone."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.render import radio
from publish.render.radio import cache, episode, items, word
from tests.helpers import FIXTURES

TZ = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2024, 12, 20, 12, 0, tzinfo=TZ)
BODY = (
    "Ngày 02/12/2024, Công an huyện phối hợp với UBND xã Tân Lập tuyên truyền về an toàn giao "
    "thông cho 350 học sinh. Trong 3 giờ, tổ công tác hướng dẫn cách đội mũ bảo hiểm đúng quy "
    "cách, cách đi xe đạp an toàn và cách xử lý khi gặp sự cố trên đường. Người dân phát hiện vi "
    "phạm xin báo qua đường dây nóng 0912.345.678 hoặc gọi số 113 để được hỗ trợ kịp thời.\n\n"
    "Qua đó, số vụ tai nạn giao thông trên địa bàn giảm 12,5% so với cùng kỳ năm trước, không "
    "để xảy ra vụ việc phức tạp nào. Công an huyện đề nghị người dân tiếp tục phối hợp.\n"
)
EARLY = "content/bai-viet/2024-12-02-tuyen-truyen-atgt.md"
"""A bulletin a week before the fixture's, so it airs in its own episode (2024-W49)."""
ITEM = "items/tuyen-truyen-atgt.txt"


def _bulletin(title: str, date: str, body: str = BODY) -> str:
    """An approved radio bulletin with a long body (long enough to be cached on disk)."""
    return (
        f'---\ntitle: "{title}"\ndate: {date}\ncategory: an-ninh-trat-tu\n'
        'summary: "Tuyên truyền an toàn giao thông."\napproved_by: "Thượng tá Nguyễn Văn Hùng"\n'
        f"---\n\n{body}"
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The radio fixture project plus a long bulletin in an earlier week."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root, ignore=shutil.ignore_patterns(".cache"))
    (root / EARLY).write_text(
        _bulletin("Tuyên truyền an toàn giao thông", "2024-12-02 08:00"), "utf-8"
    )
    return root


def _fresh_process() -> None:
    """Forget what this process remembers, as a new build would."""
    items._speak.cache_clear()
    episode._last.clear()


def _render(root: Path) -> dict[str, bytes]:
    """check() then render() of a freshly loaded site, as `publish build` does."""
    _fresh_process()
    site = load_site(config_module.load(root), now=NOW)
    radio.check(site)
    return {a.path: a.data for a in radio.render(site)}


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts of real normalisations and Word builds (all in this process)."""
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    counts = {"normalise": 0, "docx": 0}
    real_normalise, real_docx = items.normalise, word.build_docx

    def counting_normalise(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts["normalise"] += 1
        return real_normalise(*args, **kwargs)

    def counting_docx(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts["docx"] += 1
        return real_docx(*args, **kwargs)

    monkeypatch.setattr(items, "normalise", counting_normalise)
    monkeypatch.setattr(word, "build_docx", counting_docx)
    return counts


def test_check_and_render_share_one_reading_of_the_site(
    project: Path, calls: dict[str, int]
) -> None:
    """render() after check() on the same site normalises nothing again, even with no cache left
    (on a large site the in-memory cache cannot hold every bulletin)."""
    _fresh_process()
    site = load_site(config_module.load(project), now=NOW)
    problems = radio.check(site)
    assert calls["normalise"] > 0
    calls.update(normalise=0)
    items._speak.cache_clear()
    shutil.rmtree(project / ".cache")
    assert radio.check(site) == problems
    assert {a.path for a in radio.render(site)} >= {ITEM, "2024-W49/script.docx"}
    assert calls["normalise"] == 0


def test_unchanged_rebuild_uses_the_cache_and_gives_the_same_bytes(
    project: Path, calls: dict[str, int]
) -> None:
    """A second build of the same content reads no kept item again and builds no Word file."""
    first = _render(project)
    assert calls["docx"] == 2  # two weeks, two episodes
    calls.update(normalise=0, docx=0)
    second = _render(project)
    assert second == first
    assert calls["docx"] == 0
    again = calls["normalise"]  # the fixed opening and closing, read again each build
    calls.update(normalise=0)
    shutil.rmtree(project / ".cache")
    assert _render(project) == first  # without the cache: the same bytes, more work
    assert calls["normalise"] > again and calls["docx"] == 2


def test_an_edited_bulletin_alone_is_read_again_and_only_its_episode_rebuilt(
    project: Path, calls: dict[str, int]
) -> None:
    """Editing one bulletin re-normalises that bulletin and rebuilds only its week's script.docx."""
    before = _render(project)
    edited = BODY.replace("350 học sinh", "420 học sinh")
    (project / EARLY).write_text(
        _bulletin("Tuyên truyền an toàn giao thông", "2024-12-02 08:00", edited), "utf-8"
    )
    calls.update(normalise=0, docx=0)
    after = _render(project)
    assert calls["docx"] == 1
    changed = {path for path in after if after[path] != before.get(path)}
    # Same syllable count (ba trăm năm mươi → bốn trăm hai mươi), so the rundowns stay as they were.
    assert changed == {ITEM, "2024-W49/script.txt", "2024-W49/script.docx"}
    assert "bốn trăm hai mươi học sinh" in after[ITEM].decode()
    shutil.rmtree(project / ".cache")
    assert _render(project) == after


def test_damaged_entries_are_rebuilt_never_used(project: Path, calls: dict[str, int]) -> None:
    """A cut-short or altered cache file gives the right output and is written again."""
    first = _render(project)
    entries = [p for p in (project / ".cache" / "radio").rglob("*") if p.is_file()]
    assert entries
    for number, path in enumerate(entries):
        data = path.read_bytes()
        damaged = data[: len(data) // 2] if number % 2 else data.replace(b"h", b"k")
        path.write_bytes(damaged)
    calls.update(normalise=0, docx=0)
    assert _render(project) == first
    assert calls["docx"] == 2
    calls.update(normalise=0, docx=0)
    assert _render(project) == first  # the entries were rewritten whole
    assert calls["docx"] == 0


def test_a_cache_that_cannot_be_written_is_skipped(project: Path) -> None:
    """A file where the cache folder should be (or a read-only disk) costs time, not the build."""
    expected = _render(project)
    shutil.rmtree(project / ".cache")
    (project / ".cache").write_text("not a folder", "utf-8")
    assert _render(project) == expected


def test_new_tool_code_misses_every_entry(
    project: Path, calls: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key includes a fingerprint of the radio code: after an upgrade nothing stale is used."""
    _render(project)
    monkeypatch.setattr(cache, "fingerprint", lambda: "another version")
    calls.update(normalise=0, docx=0)
    _render(project)
    assert calls["docx"] == 2


def test_every_module_and_data_file_the_radio_reads_with_is_in_the_fingerprint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hand-kept list of the modules outside radio/ missed some that decide what is read
    (markdown_pasted, markdown_escapes): an edit to one kept old scripts in the cache. Every
    module of publish/ the radio renderer has loaded, and its lists of provinces, count now."""
    import publish
    from publish import cache as fragments
    from publish.radio.normalise import normalise

    normalise("Câu đầu.\n")  # the renderer and its read-aloud rules, as a build loads them
    base = Path(publish.__file__).resolve().parent
    loaded = {
        Path(file).resolve()
        for name, module in list(sys.modules.items())
        if name.startswith("publish.") and (file := getattr(module, "__file__", None))
    }
    assert base / "markdown_pasted.py" in loaded and base / "markdown_escapes.py" in loaded
    read: list[Path] = []
    edited = base / "markdown_pasted.py"
    read_bytes = Path.read_bytes

    def recorded(path: Path) -> bytes:
        """The file's bytes, noting it was read; `edited` as if a line were added."""
        read.append(path.resolve())
        return read_bytes(path) + (b"\n# edited\n" if path.resolve() == edited else b"")

    before = fragments.fingerprint.__wrapped__()
    monkeypatch.setattr(Path, "read_bytes", recorded)
    fragments.tool_digest.cache_clear()
    try:
        after = fragments.fingerprint.__wrapped__()
    finally:
        fragments.tool_digest.cache_clear()
    assert loaded - set(read) == set()
    assert {base / "radio" / "provinces.txt", base / "radio" / "abbreviations.tsv"} <= set(read)
    assert after != before


STATION = """
[contact]
hotline = "0277 3610 113"

[[contact.stations]]
name = "Công an xã Tân Phú"
address = "Ấp Tân Lập, xã Tân Phú, huyện Châu Thành"
phone = "0277 3610 201"
"""
"""A commune's post as a district unit lists it on its contact page."""


def test_a_post_added_to_site_toml_has_its_place_read_in_kept_items(project: Path) -> None:
    """A last line «Tân Phú» is a guessed signature, not read, until a [[contact.stations]]
    names «xã Tân Phú»: then a place, read. Its item, read before from the cache, is read again
    (the places are in the reading options the key is made of)."""
    (project / EARLY).write_text(
        _bulletin("Tuyên truyền an toàn giao thông", "2024-12-02 08:00", BODY + "\nTân Phú\n"),
        "utf-8",
    )
    before = _render(project)[ITEM].decode()
    assert "(không đọc): Tân Phú" in before and "Tân Phú." not in before
    with (project / "site.toml").open("a", encoding="utf-8") as site_toml:
        site_toml.write(STATION)
    after = _render(project)[ITEM].decode()
    assert "(không đọc): Tân Phú" not in after and "\nTân Phú." in after.replace("\r", "")


def _entries(root: Path) -> set[str]:
    """The keys of the Word files in the radio cache."""
    return {path.stem for path in (root / ".cache" / "radio" / "docx").glob("*/*.docx")}


def _index(root: Path) -> dict[str, str]:
    """The radio cache's index: episode week → key of its Word file."""
    index = cache.Store(root, "docx", ".docx").index()
    assert index is not None
    return index


def test_an_edited_episode_s_old_word_file_goes_and_an_unchanged_one_stays(
    project: Path, calls: dict[str, int]
) -> None:
    """The replaced script.docx of an edited episode leaves the cache in that build (it may
    name what the edit took out); the other episode, passed on without laying out its
    plan, keeps its entry, so no Word file is built when output/ must be made again."""
    _render(project)
    first = _index(project)
    assert set(first) == {"2024-W49", "2024-W50"} and _entries(project) == set(first.values())
    edited = BODY.replace("350 học sinh", "420 học sinh")
    (project / EARLY).write_text(
        _bulletin("Tuyên truyền an toàn giao thông", "2024-12-02 08:00", edited), "utf-8"
    )
    _render(project)
    second = _index(project)
    assert second["2024-W50"] == first["2024-W50"] and second["2024-W49"] != first["2024-W49"]
    assert _entries(project) == set(second.values())
    shutil.rmtree(project / "output", ignore_errors=True)
    calls.update(normalise=0, docx=0)
    _render(project)
    assert calls["docx"] == 0


def test_a_gone_episode_s_word_file_leaves_the_cache(project: Path) -> None:
    """An episode whose only bulletin is withdrawn is no longer built: its Word file goes."""
    _render(project)
    assert "2024-W49" in _index(project)
    (project / EARLY).unlink()
    _render(project)
    assert set(_index(project)) == {"2024-W50"}
    assert _entries(project) == set(_index(project).values())


def test_a_cache_without_an_index_is_swept_once(project: Path, calls: dict[str, int]) -> None:
    """A cache an earlier version wrote (no index) or a damaged index: the build works, and
    Word files no episode uses are removed, stray temporary files too."""
    store = cache.Store(project, "docx", ".docx")
    store.put("0" * 64, b"script.docx of an earlier version")
    stray = project / ".cache" / "radio" / "docx" / "00" / ".x.part"
    stray.write_bytes(b"half a document")
    (project / ".cache" / "radio" / "docx" / cache.JOURNAL).unlink()
    expected = _render(project)
    assert _entries(project) == set(_index(project).values()) and not stray.exists()
    (project / ".cache" / "radio" / "docx" / cache.INDEX).write_text("{", "utf-8")
    calls.update(normalise=0, docx=0)
    assert _render(project) == expected
    assert calls["docx"] == 0  # the entries are found by their keys, index or not
    assert _entries(project) == set(_index(project).values())


def test_a_word_file_a_stopped_build_wrote_goes_at_the_next_build(project: Path) -> None:
    """Written, then the build stopped before the index was saved: the journal names it."""
    _render(project)
    cache.Store(project, "docx", ".docx").put("1" * 64, b"script.docx of a stopped build")
    folder = project / ".cache" / "radio" / "docx"
    with (folder / cache.JOURNAL).open("a") as journal:
        journal.write("2" * 64 + "\n")  # stopped while writing this one
    part = folder / "22" / f".{'2' * 64}.docx.part"
    part.parent.mkdir(exist_ok=True)  # a real entry may share its first two hex digits
    part.write_bytes(b"half a document")
    _render(project)
    assert "1" * 64 not in _entries(project) and not part.exists()
    assert _entries(project) == set(_index(project).values())


def test_an_unchanged_or_one_edit_build_does_not_list_the_word_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settling reads and writes the index alone: listing thousands of Word files would cost
    every build time in proportion to the episodes."""
    _render(project)
    listed: list[Path] = []
    real_glob = Path.glob

    def counting_glob(self: Path, pattern: str, **kwargs: object):  # type: ignore[no-untyped-def]
        if "docx" in self.parts:
            listed.append(self)
        return real_glob(self, pattern, **kwargs)

    monkeypatch.setattr(Path, "glob", counting_glob)
    _render(project)
    edited = BODY.replace("350 học sinh", "420 học sinh")
    (project / EARLY).write_text(
        _bulletin("Tuyên truyền an toàn giao thông", "2024-12-02 08:00", edited), "utf-8"
    )
    _render(project)
    assert listed == []
    assert _entries(project) == set(_index(project).values())


def test_edits_over_many_builds_keep_the_word_cache_bounded(project: Path) -> None:
    """Each edit of a bulletin makes a new Word file for its episode; the old one goes."""
    folder = project / ".cache" / "radio" / "docx"
    for n in range(30):
        body = BODY.replace("350 học sinh", f"{400 + n} học sinh")
        (project / EARLY).write_text(
            _bulletin("Tuyên truyền an toàn giao thông", "2024-12-02 08:00", body), "utf-8"
        )
        _render(project)
    episodes = 2
    assert len(list(folder.rglob("*.docx"))) == episodes
