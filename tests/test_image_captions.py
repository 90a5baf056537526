"""Image captions (the Markdown title) with quotes inside: `"Chú thích có \\"ngoặc\\""`, as
CommonMark writes them, shows the quotes, never the backslashes, on the website and on Zalo."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError
from publish.pipeline import build
from publish.writer import write
from tests.helpers import NOW, SITE_TOML, TINY_JPEG, bulletin_md, make_project, with_oa

TOML = SITE_TOML.replace(
    'base_url = "https://congan-chauthanh.example.vn/"',
    'base_url = "https://congan-chauthanh.example.vn/"\ndefault_cover = "images/bia.jpg"',
)
BODY = (
    "Mở đầu.\n\n"
    '![Tổ tuần tra](../images/a.jpg "Chú thích có \\"ngoặc\\" kép")\n\n'
    "![Trụ sở](../images/a.jpg 'Nhà của bà Tư\\'s')\n\n"
    "![Bản đồ](../images/a.jpg \"Khu vực 'ấp Đông' và bờ sông\")\n\n"
    "![Hiện trường][hien-truong]\n\n"
    '[hien-truong]: ../images/a.jpg "Nơi \\"xảy ra\\" vụ việc"\n'
)
CAPTIONS = ['Chú thích có "ngoặc" kép', "Nhà của bà Tư's", "Khu vực 'ấp Đông' và bờ sông"]
SHOWN = [*CAPTIONS, 'Nơi "xảy ra" vụ việc']
"""What the website and Zalo show: the images above, and one defined by reference."""


def project(tmp_path: Path, body: str = BODY) -> Path:
    """One bulletin with `body`, its images and a default cover in place (and an OA: Zalo)."""
    return with_oa(
        make_project(
            tmp_path,
            {
                "site.toml": TOML,
                "content/images/a.jpg": TINY_JPEG,
                "content/images/bia.jpg": TINY_JPEG,
                "content/bai-viet/2020-12-08-a.md": bulletin_md({"id": "a"}, body=body),
            },
        )
    )


def test_web_captions_show_quotes_without_backslashes(tmp_path: Path) -> None:
    root = project(tmp_path)
    result = build(config_module.load(root), channels=("web",), now=NOW)
    write(result.artifacts, root / "output", ("web",))
    page = (root / "output/web/2020/12/a/index.html").read_text("utf-8")
    shown = re.findall(r"<figcaption>([^<]*)</figcaption>", page)
    assert [c.replace("&quot;", '"').replace("&#39;", "'") for c in shown] == SHOWN


def test_zalo_captions_show_quotes_without_backslashes(tmp_path: Path) -> None:
    root = project(tmp_path)
    result = build(config_module.load(root), channels=("web", "zalo"), now=NOW)
    write(result.artifacts, root / "output", ("web", "zalo"))
    payload = json.loads((root / "output/zalo/a.json").read_text("utf-8"))
    assert [b["caption"] for b in payload["body"] if b["type"] == "image"] == SHOWN


@pytest.mark.parametrize(
    "title",
    ['"Chú thích có \\"ngoặc\\""', "'Nhà của bà Tư\\'s'", "\"Khu vực 'ấp Đông'\""],
)
def test_a_missing_image_with_quotes_in_its_caption_is_reported(tmp_path: Path, title: str) -> None:
    """The loader finds the image as the converter does, whatever quotes its caption holds."""
    root = project(tmp_path, f"Mở đầu.\n\n![Tổ tuần tra](../images/khong-co.jpg {title})\n")
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(root), now=NOW)
    [problem] = raised.value.problems
    assert problem.line == 12
    assert "không tìm thấy ảnh «../images/khong-co.jpg»" in problem.message


def test_the_loaded_caption_has_no_backslashes(tmp_path: Path) -> None:
    site = load_site(config_module.load(project(tmp_path)), now=NOW)
    assert [image.caption for image in site.bulletins[0].images] == CAPTIONS
