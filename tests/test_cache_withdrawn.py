"""A bulletin no longer published leaves none of its rendered text in `.cache/`.

CI keeps `.cache/` between runs (the Actions cache, GitLab's cache): a bulletin withdrawn
because it named someone kept its body HTML and its search words there until the tool or
site.toml changed. A build now drops the entries of every bulletin it no longer publishes, and
the old version of an edited body, and SQLite zeroes what it deletes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import pickle
import shutil
import sqlite3
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import zstandard

from publish.cache import FRAGMENTS
from publish.cli import main
from publish.packing import unpack_bytes
from tests.helpers import FIXTURES
from tests.web_fixture import NOW, SITE

PATROL = Path("content/bai-viet/2024-02-20-tuan-tra-dem.md")
RENDERED = "<p>Mỗi tối, tổ tuần tra nhân dân"
"""The patrol bulletin's body as the website shows it (its file has no <p>)."""
SEARCHED = "khap"
"""A search word of the patrol bulletin alone («khắp», folded as the index keeps it)."""
WRITTEN = "đi khắp các tuyến đường liên ấp"
"""Words of the patrol bulletin's file itself."""


_ZIP_LOCAL = b"PK\x03\x04"
"""How a zip file's first member starts."""


def build(root: Path, now: dt.datetime = NOW) -> None:
    """`publish build` of the project, quietly."""
    assert main(["build", "--root", str(root), "--now", now.isoformat(), "-q"]) == 0


def texts(value: object, depth: int = 0) -> Iterator[str]:
    """Every text inside a cached value: strings, bytes as UTF-8, deflated, packed (see
    publish.packing) and zipped bytes opened, pickles inside bytes loaded, objects walked
    through their fields."""
    if depth > 30:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes | bytearray):
        data = bytes(value)
        yield data.decode("utf-8", "ignore")
        for bits in (-15, 15, 31):
            with contextlib.suppress(zlib.error):
                yield zlib.decompress(data, bits).decode("utf-8", "ignore")
        try:
            unpacked = unpack_bytes(data)
        except zstandard.ZstdError:  # bytes that are no packed frame: anything else
            unpacked = None
        if unpacked is not None:  # a body, or a pickle packed whole (a radio item's paragraphs)
            yield from texts(unpacked, depth + 1)
        if data[:2] == b"PK" or _ZIP_LOCAL in data[:200]:
            # A Word file is a zip; the radio cache keeps it behind a checksum line.
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                yield from (archive.read(n).decode("utf-8", "ignore") for n in archive.namelist())
        if data[:1] == b"\x80":
            loaded: object = None
            with contextlib.suppress(Exception):  # bytes that only start like a pickle
                loaded = pickle.loads(data)
            yield from texts(loaded, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(key, depth + 1)
            yield from texts(item, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from texts(item, depth + 1)
    else:
        slots = getattr(type(value), "__slots__", ())
        for name in slots if isinstance(slots, tuple | list) else ():
            yield from texts(getattr(value, name, None), depth + 1)
        yield from texts(getattr(value, "__dict__", None) or {}, depth + 1)


def kept(root: Path, words: str) -> list[str]:
    """Where `words` are in `.cache/`: any file's bytes (the database's free pages too), each
    database entry and each file as loaded."""
    found = []
    for path in sorted((root / ".cache").rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if words.encode("utf-8") in data or any(words in t for t in texts(data)):
            found.append(path.name)
        if path.name == FRAGMENTS:
            with sqlite3.connect(path) as db:
                rows = db.execute("SELECT key, value FROM fragment").fetchall()
            db.close()
            found += [key for key, value in rows if any(words in t for t in texts(value))]
    return found


def project(tmp_path: Path) -> Path:
    """The web fixture, built once: its cache holds the patrol bulletin."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    shutil.rmtree(root / ".cache", ignore_errors=True)
    build(root)
    # Each seen where it is kept, so that the tests' «no longer there» can fail (the file's
    # words are in the shelf of loaded bulletins, packed).
    assert kept(root, RENDERED) and kept(root, SEARCHED) and kept(root, WRITTEN)
    return root


def edit(root: Path, old: str, new: str) -> None:
    """Replace text in the patrol bulletin's file."""
    path = root / PATROL
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


APPROVED = 'approved_by: "Đại úy Lê Văn Đức, Trưởng Công an xã"'


@pytest.mark.parametrize("how", ["draft", "secret", "deleted"])
def test_a_withdrawn_bulletin_s_rendered_text_leaves_the_cache(tmp_path: Path, how: str) -> None:
    """Back to draft, marked not public (a secret mark stops the build until the file is moved
    out of the project: then it is the deleted case) or deleted: its body HTML and search
    words go at the end of the build that withdraws it; deleted, not a word of its file is
    left either."""
    root = project(tmp_path)
    if how == "draft":
        edit(root, APPROVED, APPROVED + "\ndraft: true")
    elif how == "secret":
        edit(root, APPROVED, APPROVED + '\nclassification: "nội bộ"')
    else:
        (root / PATROL).unlink()
    build(root)
    assert kept(root, RENDERED) == []
    assert kept(root, SEARCHED) == []
    if how == "deleted":
        assert kept(root, WRITTEN) == []


def test_an_edited_body_s_old_html_leaves_the_cache(tmp_path: Path) -> None:
    """A name taken out of a published bulletin: its old HTML was kept beside the new."""
    root = project(tmp_path)
    edit(root, "Mỗi tối, tổ tuần tra nhân dân", "Hằng đêm, tổ tuần tra nhân dân")
    build(root)
    assert kept(root, RENDERED) == []
    assert kept(root, "<p>Hằng đêm, tổ tuần tra nhân dân")


def test_a_renamed_bulletin_keeps_its_search_fields(tmp_path: Path) -> None:
    """A rename is a new file for the sweep: the fields found again under the new name stay,
    so the next change to the index does not work them out again."""
    root = project(tmp_path)
    before = set(kept(root, SEARCHED))
    (root / PATROL).rename(root / PATROL.with_name("2024-02-20-tuan-tra-dem-ap-dong-hoa.md"))
    build(root)
    assert set(kept(root, SEARCHED)) == before


SHIPPER = Path("content/bai-viet/2024-12-10-canh-bao-lua-dao-shipper.md")
SPOKEN = "chuyển khoản trước ba mươi nghìn đồng"
"""Words of the shipper bulletin as the radio script reads them (its file has «30.000 đồng»)."""
TOLD = "Đối tượng gọi điện báo có đơn hàng"
"""Words of the shipper bulletin's file itself."""
ON_AIR = dt.datetime(2024, 12, 13, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
"""Before the radio fixture's episode airs, so its script is still built."""


@pytest.mark.parametrize("how", ["draft", "deleted"])
def test_a_withdrawn_bulletin_s_words_leave_the_radio_word_cache(tmp_path: Path, how: str) -> None:
    """The episode's script.docx, rebuilt without the bulletin, was kept in `.cache/radio/docx`
    beside the new one: the withdrawn bulletin's words stayed there, zipped in a Word file."""
    root = tmp_path / "radio"
    shutil.copytree(FIXTURES / "radio", root, ignore=shutil.ignore_patterns(".cache"))
    build(root, ON_AIR)
    docx = root / "output" / "radio" / "2024-W50" / "script.docx"
    assert any(SPOKEN in t for t in texts(docx.read_bytes()))
    # The search reaches into the cached Word file (behind its checksum line).
    assert any(name.endswith(".docx") for name in kept(root, SPOKEN))
    if how == "draft":
        path = root / SHIPPER
        text = path.read_text("utf-8")
        path.write_text(text.replace("---\n\n", "draft: true\n---\n\n", 1), "utf-8")
    else:
        (root / SHIPPER).unlink()
    build(root, ON_AIR)
    assert not any(SPOKEN in t for t in texts(docx.read_bytes()))
    assert kept(root, SPOKEN) == []
    if how == "deleted":
        assert kept(root, TOLD) == []
