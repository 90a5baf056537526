"""Files too large to read whole: refused with their size, the cap and a fix, all in one pass."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from publish.cli import main
from publish.limits import (
    MAX_CONFIG_BYTES,
    MAX_IMAGE_BYTES,
    MAX_SOURCE_BYTES,
    read_capped,
    too_large,
)
from tests.helpers import SITE_TOML, bulletin_md, install_fake_renderers, make_project

NOW = "2021-01-01T09:00"


def _sparse(path: Path, size: int) -> None:
    """A file of `size` zero bytes that takes no room on disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.truncate(size)


def _check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`publish check` on `root`: its exit code and what it printed on stderr."""
    code = main(["check", "--root", str(root), "--now", NOW])
    return code, capsys.readouterr().err


def test_a_bulletin_with_an_image_pasted_in_is_refused_with_the_other_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    pasted = "![Ảnh](data:image/jpeg;base64," + "A" * (MAX_SOURCE_BYTES + 100_000) + ")\n"
    files = {
        "content/to.md": bulletin_md({"slug": "to"}, body=pasted),
        "content/khac.md": bulletin_md({"slug": "khac"}, drop=["summary"]),
    }
    code, err = _check(make_project(tmp_path, files), capsys)
    assert code == 1
    assert "content/to.md: lỗi: tệp nặng 2,1 MB, quá giới hạn 2 MB cho một tệp Markdown" in err
    assert "content/images/" in err and "Tách bài thành nhiều bản tin" in err
    assert "content/khac.md" in err and "summary" in err


def test_a_huge_markdown_file_is_refused_without_being_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    root = make_project(tmp_path, {"content/a.md": bulletin_md()})
    _sparse(root / "content" / "lon.md", 200_000_000)
    read: list[int] = []
    real_open = open

    def counting_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        """`open`, counting the bytes read from lon.md."""
        handle = real_open(file, mode, *args, **kwargs)
        if str(file).endswith("lon.md"):
            real_read = handle.read
            return _Counting(handle, real_read, read)
        return handle

    monkeypatch.setattr("builtins.open", counting_open)
    code, err = _check(root, capsys)
    assert code == 1
    assert "content/lon.md: lỗi: tệp nặng 200 MB, quá giới hạn 2 MB" in err
    assert sum(read) <= MAX_SOURCE_BYTES + 1


class _Counting:
    """A file handle that records how many bytes each read returned."""

    def __init__(self, handle: Any, real_read: Callable[..., Any], read: list[int]) -> None:
        self._handle, self._real_read, self._read = handle, real_read, read

    def read(self, *args: Any) -> Any:
        """Read as the handle does, counting."""
        data = self._real_read(*args)
        self._read.append(len(data))
        return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _Counting:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def test_a_huge_site_toml_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    padding = "# " + "x" * 98 + "\n"
    toml = SITE_TOML + padding * (MAX_CONFIG_BYTES // len(padding) + 2_000)
    code, err = _check(make_project(tmp_path, {"site.toml": toml}), capsys)
    assert code == 1
    assert "site.toml: lỗi: tệp cấu hình nặng 1,2 MB, quá giới hạn 1 MB: không đọc" in err


def test_a_huge_image_is_refused_at_its_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_renderers(monkeypatch)
    cover = {"cover": "images/anh.jpg", "cover_alt": '"Ảnh minh họa"'}
    root = make_project(tmp_path, {"content/a.md": bulletin_md(cover)})
    _sparse(root / "content" / "images" / "anh.jpg", MAX_IMAGE_BYTES + 5_000_000)
    code, err = _check(root, capsys)
    assert code == 1
    assert (
        "content/a.md:7: lỗi: trường 'cover': ảnh «images/anh.jpg» nặng 25 MB, "
        "quá giới hạn 20 MB" in err
    )
    assert "Thu nhỏ ảnh" in err


@pytest.mark.parametrize(("limit", "kept"), [(1_000, 100), (50, 51)])
def test_a_file_that_grew_while_read_is_read_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int, kept: int
) -> None:
    """read_capped reads a file's size and one byte more (not the whole limit at once): when
    the file grew after its size was taken, the rest is read too, up to one byte over the cap,
    so a file grown past it is still refused and one grown under it is read whole."""
    path = tmp_path / "a.md"
    path.write_bytes(bytes(range(100)))
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: _Size(real_fstat(fd), 10))
    with open(path, "rb") as handle:
        raw, size = read_capped(handle, limit)
    assert raw == bytes(range(100))[:kept] and size == kept


class _Size:
    """An os.stat_result whose st_size is taken before the file grew."""

    def __init__(self, real: os.stat_result, size: int) -> None:
        self.real, self.st_size = real, size

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)


def test_a_size_just_over_the_cap_is_not_shown_as_the_cap() -> None:
    """«nặng 2 MB, quá giới hạn 2 MB» would say the file is within its cap."""
    assert too_large(MAX_SOURCE_BYTES + 40_000, MAX_SOURCE_BYTES) == (
        "nặng 2.040.000 byte, quá giới hạn 2 MB"
    )
    assert too_large(3_200_000, MAX_SOURCE_BYTES) == "nặng 3,2 MB, quá giới hạn 2 MB"


def test_the_readme_states_every_limit_a_file_is_refused_by() -> None:
    """Where README lists the limits (its list of protections and the troubleshooting table),
    each one the code refuses a file by is given with its value: the 500-footnote one was not."""
    from publish import footnote_count, nesting
    from publish.commands import import_hugo
    from publish.limits import megabytes

    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    start = readme.index("Giới hạn của một tệp:")
    limits = " ".join(readme[start : readme.index("\n2. ", start)].split())
    for cap in (MAX_SOURCE_BYTES, MAX_IMAGE_BYTES, MAX_CONFIG_BYTES, import_hugo.MAX_FILE_BYTES):
        assert megabytes(cap) in limits, cap
    assert f"lồng nhau {nesting.MAX_DEPTH} tầng" in limits
    footnotes = footnote_count.MAX_FOOTNOTES
    assert f"{footnotes} chỗ dẫn chú thích và {footnotes} định nghĩa chú thích" in limits
    assert f"«[^…]», quá giới hạn {footnotes} mà publish nhận`" in readme  # troubleshooting
    assert f"quá giới hạn {megabytes(import_hugo.MAX_FILE_BYTES)} cho một bài" in readme
