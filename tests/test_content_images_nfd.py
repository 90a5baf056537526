"""A file copied from a Mac keeps its name decomposed (NFD): a link to it copied from the
browser (%20 for a space) finds it too."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from publish import config as config_module
from publish.content_images import resolve_content_path
from tests.helpers import bulletin_md, make_project

FILE = "content/bai-viet/a.md"


@pytest.mark.parametrize(
    "link",
    ["../tep/Mẫu%20đơn.docx", "../tep/M%E1%BA%ABu%20%C4%91%C6%A1n.docx", "../tep/Mẫu đơn.docx"],
)
def test_a_decomposed_name_is_found_from_a_percent_encoded_link(tmp_path: Path, link: str) -> None:
    """«Mẫu%20đơn.docx» was told «không tìm thấy tệp»: NFD was tried before % decoding only."""
    root = make_project(tmp_path, {FILE: bulletin_md()})
    (root / "content/tep").mkdir()
    stored = root / "content/tep" / unicodedata.normalize("NFD", "Mẫu đơn.docx")
    stored.write_bytes(b"x")
    config = config_module.load(root)
    found = resolve_content_path(link, root / FILE, config)
    assert found is not None and found.exists()
    assert found.name == stored.name
