"""Rebuilds take unchanged bulletins from .cache/ (the shelf), and never a changed one."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from publish import config as config_module
from publish import content, content_images, pipeline
from publish.cache import FRAGMENTS, Fragments, Shelf
from publish.config import Config, Policy
from publish.content import load_site
from publish.errors import ContentError
from publish.fields import Collector
from publish.gates import secret_classification
from publish.model import Artifact, Bulletin, Correction, Exclusion, ImageRef, Page, Site, pack_text
from tests.helpers import NOW, TINY_JPEG, bulletin_md, make_project
from tests.web_fixture import NOW as WEB_NOW
from tests.web_fixture import SITE as WEB_SITE


def load(root: Path) -> Site:
    """Load the project at the fixed clock."""
    return load_site(config_module.load(root), now=NOW)


@pytest.fixture
def validated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The source of every bulletin file validated (not taken from the shelf), in this process."""
    seen: list[str] = []
    original = content._validate

    def counting(
        path: Path, config: Config, col: Collector, *rest: Any
    ) -> tuple[Bulletin | None, tuple[Correction, ...]]:
        """`_validate`, noting the file validated."""
        seen.append(col.source)
        return original(path, config, col, *rest)

    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    monkeypatch.setattr(content, "_validate", counting)
    return seen


def three_bulletins(tmp_path: Path) -> Path:
    """A project with bulletins a, b (with a cover image and a warning) and c."""
    return make_project(
        tmp_path,
        {
            "content/a.md": bulletin_md({"slug": "a", "tags": '["Lừa đảo"]'}),
            "content/b.md": bulletin_md(
                {
                    "slug": "b",
                    "date": "2020-12-09",
                    "tags": '["lừa đảo"]',
                    "cover": "images/bia.jpg",
                    "cover_alt": '"Ảnh bìa"',
                    "titel": '"gõ nhầm"',
                }
            ),
            "content/c.md": bulletin_md({"slug": "c", "date": "2020-12-10"}),
            "content/images/bia.jpg": TINY_JPEG,
        },
    )


def test_a_second_load_validates_nothing_and_gives_the_same_site(
    tmp_path: Path, validated: list[str]
) -> None:
    root = three_bulletins(tmp_path)
    first = load(root)
    assert sorted(validated) == ["content/a.md", "content/b.md", "content/c.md"]
    validated.clear()
    again = load(root)
    assert validated == []
    assert again.bulletins == first.bulletins
    assert again.warnings == first.warnings and [p.field for p in again.warnings] == ["titel"]


def test_only_the_edited_bulletin_is_validated_again(tmp_path: Path, validated: list[str]) -> None:
    root = three_bulletins(tmp_path)
    load(root)
    validated.clear()
    path = root / "content" / "c.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Nội dung", "Bài"), "utf-8")
    site = load(root)
    assert validated == ["content/c.md"]
    assert {b.slug: b.body.strip() for b in site.bulletins}["c"] == "Bài bản tin."
    validated.clear()
    load(root)
    assert validated == []


def test_an_edit_keeping_the_size_and_the_modification_time_is_seen(tmp_path: Path) -> None:
    root = three_bulletins(tmp_path)
    path = root / "content" / "a.md"
    assert {b.slug: b.title for b in load(root).bulletins}["a"] == "Cảnh báo lừa đảo qua mạng"
    before = path.stat()
    text = path.read_text(encoding="utf-8").replace('qua mạng"', 'qua mạnh"', 1)
    assert len(text.encode()) == before.st_size
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert {b.slug: b.title for b in load(root).bulletins}["a"] == "Cảnh báo lừa đảo qua mạnh"


def test_a_bulletin_edited_back_and_forth_always_shows_its_current_text(tmp_path: Path) -> None:
    root = three_bulletins(tmp_path)
    path = root / "content" / "a.md"
    original = path.read_text(encoding="utf-8")
    for title in ("Lần một", "Lần hai", "Cảnh báo lừa đảo qua mạng", "Lần hai"):
        path.write_text(original.replace("Cảnh báo lừa đảo qua mạng", title), "utf-8")
        assert {b.slug: b.title for b in load(root).bulletins}["a"] == title


@pytest.mark.parametrize("digests", [False, True], ids=["read", "digest from the last build"])
def test_a_shelved_file_replaced_by_a_symlink_out_of_content_is_refused(
    tmp_path: Path, digests: bool
) -> None:
    """Also when the build hands the loader each file's digest (taken through the link), so
    the file itself is not read: the walk of content/ saw it is a link and it is resolved."""
    root = three_bulletins(tmp_path)
    load(root)
    path = root / "content" / "a.md"
    outside = tmp_path / "outside.md"
    outside.write_bytes(path.read_bytes())  # the same bytes, so the same digest
    path.unlink()
    path.symlink_to(outside)
    known = {}
    if digests:
        known = {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*.md")}
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(root), now=NOW, digests=known)
    [problem] = [p for p in raised.value.problems if p.severity == "error"]
    assert problem.file == "content/a.md" and "ngoài thư mục content/" in problem.message


def test_a_shelved_bulletin_whose_cover_became_another_file_is_validated_again(
    tmp_path: Path, validated: list[str]
) -> None:
    root = three_bulletins(tmp_path)
    load(root)
    validated.clear()
    image = root / "content" / "images" / "bia.jpg"
    image.unlink()
    image.mkdir()  # the path still resolves the same, but is no longer a file
    with pytest.raises(ContentError) as raised:
        load(root)
    assert validated == ["content/b.md"]
    assert any("không tìm thấy ảnh «images/bia.jpg»" in p.message for p in raised.value.problems)


def test_renamed_deleted_and_broken_files_are_never_served_from_the_shelf(tmp_path: Path) -> None:
    root = three_bulletins(tmp_path)
    load(root)
    (root / "content" / "a.md").rename(root / "content" / "z.md")
    (root / "content" / "c.md").unlink()
    assert sorted(b.source for b in load(root).bulletins) == ["content/b.md", "content/z.md"]
    broken = root / "content" / "b.md"
    good = broken.read_text(encoding="utf-8")
    broken.write_text(good.replace("category:", "categori:"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load(root)
    assert any(p.file == "content/b.md" and p.field == "category" for p in raised.value.problems)
    broken.write_text(good, encoding="utf-8")
    assert sorted(b.source for b in load(root).bulletins) == ["content/b.md", "content/z.md"]


def test_a_corrupt_cache_only_costs_speed(tmp_path: Path, validated: list[str]) -> None:
    root = three_bulletins(tmp_path)
    first = load(root)
    with sqlite3.connect(root / ".cache" / FRAGMENTS) as db:
        db.execute("UPDATE fragment SET value = x'80059500'")
    db.close()
    validated.clear()
    assert load(root).bulletins == first.bulletins
    assert sorted(validated) == ["content/a.md", "content/b.md", "content/c.md"]


def test_worker_processes_give_the_same_site_cold_and_warm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        f"content/tin-{n:03d}.md": bulletin_md(
            {"date": f"2020-11-{1 + n % 28:02d} 08:{n % 60:02d}", "tags": f'["Thẻ {n % 5}"]'}
        )
        for n in range(70)  # more than parallel.MIN_JOBS
    }
    root = make_project(tmp_path / "a", files)
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    alone = load(root)
    shutil.rmtree(root / ".cache")
    monkeypatch.setenv("PUBLISH_WORKERS", "2")
    cold = load(root)
    warm = load(root)
    assert len(alone.bulletins) == 70
    assert cold.bulletins == alone.bulletins == warm.bulletins


def sample_bulletin() -> Bulletin:
    """A bulletin with every field set."""
    tz = dt.timezone(dt.timedelta(hours=7))
    return Bulletin(
        key="ct-1",
        slug="canh-bao",
        title="Cảnh báo",
        date=dt.datetime(2020, 12, 8, 8, 0, tzinfo=tz),
        category="canh-bao-toi-pham",
        summary="Tóm tắt",
        packed_body=pack_text("Nội dung ![Ảnh](images/a.jpg)"),
        source="content/a.md",
        body_line=9,
        tags=("lừa đảo", "Zalo"),
        author="Minh",
        cover=ImageRef("images/bia.jpg", "Ảnh bìa"),
        approved_by="Thượng tá Hùng",
        draft=True,
        expires=dt.datetime(2021, 1, 1, tzinfo=tz),
        channels=frozenset({"web", "radio"}),
        classification="thường",
        pii_reviewed_by="Minh",
        images=(ImageRef("images/a.jpg", "Ảnh", "Chú thích"),),
        blocks={"radio": {"air_date": dt.date(2020, 12, 12)}},
        extra={"ghi_chu": [1, 2]},
        digest="ab" * 32,
    )


def test_model_objects_round_trip_through_pickle_equal_and_frozen(tmp_path: Path) -> None:
    bulletin = sample_bulletin()
    site = load(three_bulletins(tmp_path))
    objects = [
        bulletin,
        ImageRef("images/a.jpg", "Ảnh"),
        Page("gioi-thieu", "Giới thiệu", "Nội dung", "content/pages/gioi-thieu.md", order=3),
        Exclusion(bulletin, "bản nháp (draft: true)", "draft"),
        Artifact("web", "index.html", b"<html>", source="content/a.md", key="ct-1"),
        site,
    ]
    for value in objects:
        copy = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert copy == value and type(copy) is type(value)
    copy = pickle.loads(pickle.dumps(bulletin))
    assert copy.blocks == {"radio": {"air_date": dt.date(2020, 12, 12)}} and copy.draft is True
    with pytest.raises(AttributeError):
        copy.title = "khác"


def test_a_shelf_gives_an_entry_only_for_the_version_it_was_kept_with(tmp_path: Path) -> None:
    shelf = Shelf(Fragments(tmp_path), "thử")
    assert not shelf.holds("a") and shelf.get("a", "v1") is None
    shelf.keep("a", "v1", "giá trị một")
    shelf.keep("b", "v1", "giá trị b")
    shelf.save()
    again = Shelf(Fragments(tmp_path), "thử")
    assert again.holds("a") and again.get("a", "v1") == "giá trị một"
    assert again.get("a", "v2") is None
    again.keep("a", "v2", "giá trị hai")  # "b" is not kept: dropped
    again.save()
    third = Shelf(Fragments(tmp_path), "thử")
    assert third.get("a", "v2") == "giá trị hai" and third.get("a", "v1") is None
    assert not third.holds("b")


def test_a_shelf_rewrites_only_the_rows_whose_entries_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [f"content/tin-{n}.md" for n in range(200)]
    shelf = Shelf(Fragments(tmp_path), "thử", shards=8)
    for name in names:
        shelf.keep(name, "v1", name.upper())
    shelf.save()
    written: list[str] = []
    original = Fragments.put

    def putting(self: Fragments, key: str, value: object, *, narrow: bool = False) -> None:
        """`Fragments.put`, noting the key written."""
        written.append(key)
        original(self, key, value, narrow=narrow)

    monkeypatch.setattr(Fragments, "put", putting)
    shelf = Shelf(Fragments(tmp_path), "thử", shards=8)
    for name in names:
        value = shelf.get(name, "v1")
        shelf.keep(name, "v2" if name == names[7] else "v1", value)
    shelf.save()
    assert len(written) == 1
    assert Shelf(Fragments(tmp_path), "thử", shards=8).get(names[7], "v2") == names[7].upper()


def test_a_shelf_saved_in_steps_writes_one_row_a_step_and_all_of_it_in_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build hands the load's shelf save to the pool's wait (see publish.parallel.meanwhile)
    one short step at a time: as one step it kept the process from feeding its worker."""
    names = [f"content/tin-{n}.md" for n in range(200)]
    shelf = Shelf(Fragments(tmp_path), "thử", shards=8)
    for name in names:
        shelf.keep(name, "v1", name.upper())
    written: list[str] = []
    original = Fragments.put

    def putting(self: Fragments, key: str, value: object, *, narrow: bool = False) -> None:
        """`Fragments.put`, noting the key written."""
        written.append(key)
        original(self, key, value, narrow=narrow)

    monkeypatch.setattr(Fragments, "put", putting)
    steps = shelf.save_steps()
    for step in steps:
        before = len(written)
        step()
        assert len(written) - before <= 1
    assert sorted(written) == sorted(set(written)) and len(written) == 8
    for step in steps:
        step()  # a step run again (the build runs any left after the pool) writes nothing
    shelf.save()
    assert len(written) == 8
    again = Shelf(Fragments(tmp_path), "thử", shards=8)
    assert all(again.get(name, "v1") == name.upper() for name in names)


def test_a_build_hands_over_the_load_shelf_save_in_steps(tmp_path: Path) -> None:
    root = three_bulletins(tmp_path)
    steps: list = []
    load_site(config_module.load(root), now=NOW, later=steps.append)
    assert len(steps) > 1
    for step in steps:
        step()
    assert Shelf(Fragments(root), "bulletin").holds("content/a.md")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("x:y.md", "ký tự không được phép «:»"),
        ("a\\b.md", "ký tự không được phép «\\»"),
        ("cũ /a.md", "dấu cách hoặc dấu chấm ở cuối tên"),
        ("lưu./a.md", "dấu cách hoặc dấu chấm ở cuối tên"),
    ],
)
def test_names_windows_cannot_hold_are_refused_with_what_is_wrong(
    tmp_path: Path, name: str, expected: str
) -> None:
    root = make_project(tmp_path, {f"content/{name}": bulletin_md()})
    with pytest.raises(ContentError) as raised:
        load(root)
    [problem] = raised.value.problems
    assert problem.file == f"content/{name}" and expected in problem.message


def test_ordinary_vietnamese_file_and_folder_names_are_accepted(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"content/bản tin/tháng 12.2020/tin số 1.md": bulletin_md()})
    [bulletin] = load(root).bulletins
    assert bulletin.source == "content/bản tin/tháng 12.2020/tin số 1.md"


def test_each_site_keeps_its_own_secret_classifications() -> None:
    own = Policy(secret_classifications=("mật", "Nội bộ"))
    assert secret_classification("NỘI BỘ", own)
    assert not secret_classification("nội bộ", Policy())
    assert secret_classification("Tối mật", Policy()) and secret_classification("tối mật", own)


def test_problems_keep_file_order_with_shelved_and_fresh_files_mixed(tmp_path: Path) -> None:
    root = three_bulletins(tmp_path)
    load(root)
    for name in ("a.md", "c.md"):
        path = root / "content" / name
        path.write_text(path.read_text("utf-8").replace("category:", "categori:"), "utf-8")
    with pytest.raises(ContentError) as raised:
        load(root)
    found = [(p.file, p.field) for p in raised.value.problems]
    assert [f for f in found if f[1] == "category"] == [
        ("content/a.md", "category"),
        ("content/c.md", "category"),
    ]
    files = [f for f, _ in found]
    assert files == sorted(files)


def test_a_shelved_bulletin_is_refused_again_when_its_cover_grows_over_the_limit(
    tmp_path: Path,
) -> None:
    """An unchanged bulletin comes from the shelf only while its cover is still a file the load
    accepts: replaced by one over the size limit it is refused, as by a clean build (the shelf
    checked that the file existed, not its size), and removed it is not found. Covers are
    checked once per build, not per process: `publish serve` building again sees each change."""
    root = tmp_path / "site"
    shutil.copytree(WEB_SITE, root)
    cover = root / "content" / "images" / "canh-bao.jpg"
    config = config_module.load(root)
    assert any(
        b.cover and b.cover.path == "images/canh-bao.jpg"
        for b in load_site(config, now=WEB_NOW).bulletins
    )
    data = cover.read_bytes()
    cover.write_bytes(data + b"\0" * (content_images.MAX_IMAGE_BYTES + 1 - len(data)))
    with pytest.raises(ContentError, match=r"ảnh «images/canh-bao\.jpg» .*không dùng được"):
        load_site(config, now=WEB_NOW)
    cover.unlink()
    with pytest.raises(ContentError, match=r"không tìm thấy ảnh «images/canh-bao\.jpg»"):
        load_site(config, now=WEB_NOW)
    cover.write_bytes(data)
    assert load_site(config, now=WEB_NOW).bulletins


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_build_shelves_what_it_loaded_also_when_it_stops_at_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    """The shelf is saved while the workers look for personal data, or after (one process):
    a build stopped by one bulletin's error leaves the others shelved, so the build after the
    fix reads only that file again."""
    files = {
        f"content/tin-{n:03d}.md": bulletin_md(
            {"date": f"2020-11-{1 + n % 28:02d} 08:{n % 60:02d}"}
        )
        for n in range(70)  # more than parallel.MIN_JOBS
    }
    files["content/sai.md"] = bulletin_md({"date": "2020-13-45"})
    root = make_project(tmp_path, files)
    monkeypatch.setenv("PUBLISH_WORKERS", workers)
    with pytest.raises(ContentError):
        pipeline.build(config_module.load(root), channels=["web"], now=NOW)
    shelf = Shelf(Fragments(root), "bulletin")
    assert all(shelf.holds(f"content/tin-{n:03d}.md") for n in range(70))
    assert not shelf.holds("content/sai.md")
