"""Property tests (hypothesis): random front matter, bodies and whole files never crash loading or
rendering. The result is either a clear PublishError naming the file, or valid output: HTML that
parses, feeds that are XML, Zalo JSON, and a website whose internal links all resolve.

Example counts are small on purpose: the suite must stay fast on two cores.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError, PublishError
from publish.linkcheck import SiteLinks
from publish.pipeline import build
from publish.sanitize import strip_markup
from tests.helpers import NOW, SITE_TOML, make_project
from tests.zalo_project import jpeg

SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", 40)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
BUILD_SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", 36)) // 3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    max_size=40,
)
KEYS = st.sampled_from(
    [
        "title", "date", "category", "summary", "tags", "author", "cover", "cover_alt",
        "approved_by", "draft", "expires", "channels", "slug", "id", "classification",
        "pii_reviewed_by", "web", "zalo", "radio", "aproved_by", "extra", "Title", "<x>",
    ]
)  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    TEXT,
    st.dates(),
    st.datetimes(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)
PIECES = st.sampled_from(
    [
        "# Tiêu đề\n", "## Mục\n", "- mục\n", "1. một\n", "> trích\n", "**đậm** ", "_nghiêng_ ",
        "`mã` ", "```\nmã\n```\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "\n\n", "<b>x</b>",
        "<script>alert(1)</script>", "[liên kết](https://example.vn/a)", "![ảnh](images/a.jpg)",
        "&amp; ", "<!-- chú thích -->", "Ngày 08/12/2020, ", "0277 3610 113 ", "Công an huyện ",
        "\u200b", "\r\n", "\t", "---\n", "***\n", "[^1]\n\n[^1]: chú thích\n",
    ]
)  # fmt: skip
BODIES = st.lists(st.one_of(PIECES, TEXT), max_size=15).map("".join)
TOML = SITE_TOML.replace(
    'base_url = "https://congan-chauthanh.example.vn/"\n',
    'base_url = "https://congan-chauthanh.example.vn/"\ndefault_cover = "images/a.jpg"\n',
)


def project(files: dict[str, str | bytes], folder: str) -> Path:
    """A throwaway project with an image, under `folder`."""
    return make_project(Path(folder), {"site.toml": TOML, "content/images/a.jpg": jpeg(), **files})


def front_matter(data: dict) -> str:
    """YAML front matter text for any data (falls back to repr for what YAML cannot dump)."""
    try:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        text = "\n".join(f"{k}: {v!r}" for k, v in data.items()) + "\n"
    return "---\n" + text + "---\n\n"


def assert_clear(error: PublishError) -> None:
    """A user error: Vietnamese text naming a file, never a bare exception."""
    assert str(error)
    if isinstance(error, ContentError):
        assert error.problems and all(p.file for p in error.problems)


@SETTINGS
@given(st.dictionaries(KEYS, VALUES, max_size=12), BODIES)
def test_random_front_matter_and_bodies_load_or_fail_clearly(data: dict, body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = project({"content/a.md": front_matter(data) + body}, folder)
        try:
            site = load_site(config_module.load(root), now=NOW)
        except PublishError as exc:
            assert_clear(exc)
            return
        for bulletin in site.bulletins:
            assert bulletin.source == "content/a.md" and bulletin.title


@SETTINGS
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_random_file_bytes_load_or_fail_clearly(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = project({"content/a.md": raw}, folder)
        try:
            load_site(config_module.load(root), now=NOW)
        except PublishError as exc:
            assert_clear(exc)


class _Parse(HTMLParser):
    """Parses a whole document (raising on nothing; just exercising the parser)."""


VALID = st.fixed_dictionaries(
    {
        "title": st.text(min_size=1, max_size=80).filter(str.strip),
        "summary": st.text(min_size=1, max_size=200).filter(str.strip),
        "tags": st.lists(st.text(min_size=1, max_size=20).filter(str.strip), max_size=3),
        "author": st.text(max_size=30),
        "day": st.integers(1, 28),
    }
)


@BUILD_SETTINGS
@given(st.lists(st.tuples(VALID, BODIES), min_size=1, max_size=3))
def test_generated_sites_build_every_channel_and_pass_the_link_check(items: list) -> None:
    files = {}
    for index, (fields, body) in enumerate(items):
        data = {
            "id": f"b{index}",
            "title": fields["title"],
            "date": dt.datetime(2020, 12, fields["day"], 8, 0),
            "category": "canh-bao-toi-pham",
            "summary": fields["summary"],
            "tags": fields["tags"],
            "author": fields["author"],
            "approved_by": "Thượng tá Nguyễn Văn Hùng",
        }
        files[f"content/b{index}.md"] = front_matter(data) + "Mở đầu.\n\n" + body
    with tempfile.TemporaryDirectory() as folder:
        root = project(files, folder)
        config = config_module.load(root)
        try:
            result = build(config, channels=("web", "zalo", "radio"), now=NOW)
            artifacts = list(result.artifacts)
        except PublishError as exc:
            assert_clear(exc)
            return
    links = SiteLinks(config.base_url)
    for artifact in artifacts:
        links.add(artifact)
        if artifact.path.endswith(".html"):
            parser = _Parse()
            parser.feed(artifact.data.decode("utf-8"))
            parser.close()
        elif artifact.path.endswith(".xml"):
            ET.fromstring(artifact.data)
        elif artifact.channel == "zalo":
            payload = json.loads(artifact.data)
            # Plain text: nothing a parser could read as markup (list indents are intended).
            assert all(
                b["content"] == strip_markup(b["content"])
                for b in payload["body"]
                if b["type"] == "text"
            )
    broken = [p for p in links.problems() if "images/a.jpg" not in p.message]
    assert broken == []
