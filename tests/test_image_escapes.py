"""An image path with a Markdown escape (`images/anh\\(1\\).jpg`, `images/anh\\_1.jpg`) names
the file the website shows (`anh(1).jpg`, `anh_1.jpg`): Python-Markdown resolves the escapes
before it reads the image, and so does the check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError
from publish.pipeline import build
from publish.writer import write
from tests.helpers import NOW, TINY_JPEG, bulletin_md, make_project

ESCAPED_NAMES = [("anh\\(1\\).jpg", "anh(1).jpg"), ("anh\\_1.jpg", "anh_1.jpg")]


def project(tmp_path: Path, body: str, images: tuple[str, ...]) -> Path:
    """One bulletin with `body` and the files `images` in content/images/."""
    files: dict[str, str | bytes] = {f"content/images/{name}": TINY_JPEG for name in images}
    return make_project(
        tmp_path, {**files, "content/bai-viet/2020-12-08-a.md": bulletin_md({"id": "a"}, body=body)}
    )


@pytest.mark.parametrize(("written", "name"), ESCAPED_NAMES)
def test_an_escaped_name_is_the_file_the_website_shows(
    tmp_path: Path, written: str, name: str
) -> None:
    root = project(tmp_path, f"Mở đầu.\n\n![Ảnh hiện trường](images/{written})\n", (name,))
    config = config_module.load(root)
    [bulletin] = load_site(config, now=NOW).bulletins
    assert [image.path for image in bulletin.images] == [f"images/{name}"]
    result = build(config, channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    page = (root / "output/web/2020/12/a/index.html").read_text("utf-8")
    [tag] = re.findall(r'<img alt="Ảnh hiện trường"[^>]*>', page)
    # The site's own processed file, not the relative path that leads nowhere under /2020/12/a/.
    assert 'srcset="' in tag and f'src="images/{name}"' not in tag


@pytest.mark.parametrize(("written", "name"), ESCAPED_NAMES)
def test_a_missing_escaped_name_is_told_as_the_file_looked_for(
    tmp_path: Path, written: str, name: str
) -> None:
    """Not «dùng dấu \\ của Windows» with the hint «images/anh/(1/»."""
    root = project(tmp_path, f"![Ảnh hiện trường](images/{written})\n", ())
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(root), now=NOW)
    [error] = [p for p in raised.value.problems if p.severity == "error"]
    assert error.message == f"không tìm thấy ảnh «images/{name}»"


def test_a_windows_backslash_before_an_escapable_character_is_still_refused(
    tmp_path: Path,
) -> None:
    """`images\\\\a.jpg` is a backslash on the website too (browsers read it as a '/')."""
    root = project(tmp_path, "![Ảnh](images\\\\a.jpg)\n", ("a.jpg",))
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(root), now=NOW)
    [error] = [p for p in raised.value.problems if p.severity == "error"]
    assert error.message == "đường dẫn ảnh «images\\a.jpg» dùng dấu \\ của Windows"


def test_an_image_an_escaped_bracket_hid_is_checked_but_not_fingerprinted(
    tmp_path: Path,
) -> None:
    """`![Ảnh \\[1\\]](…)` was not seen before: its file is checked now, but counting it in the
    approval fingerprint would withdraw bulletins approved with it (README: an upgrade
    withdraws none)."""
    body = "![Ảnh \\[1\\]](images/a.jpg)\n"
    [bulletin] = load_site(
        config_module.load(project(tmp_path / "found", body, ("a.jpg",))), now=NOW
    ).bulletins
    assert bulletin.images == ()
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(project(tmp_path / "missing", body, ())), now=NOW)
    [error] = [p for p in raised.value.problems if p.severity == "error"]
    assert error.message == "không tìm thấy ảnh «images/a.jpg»"
