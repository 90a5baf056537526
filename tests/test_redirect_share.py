"""A link to an old or trimmed address shared on Zalo or Facebook previews with a picture and a
description: their crawlers read the redirect page itself, not the page it sends a browser to."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from publish.cli import main
from tests.helpers import accept_names

REPO = Path(__file__).resolve().parents[1]
NOW = "2027-01-10T09:00"
NEW = "/2022/05/canh-bao-gia-danh-cong-an-goi-dien-lua-dao/"
OLD = "/2022/05/canh-bao-gia-danh-goi-dien/"


def tags(html: str) -> dict[str, str]:
    """The page's Open Graph properties (og:…) and their content."""
    return dict(re.findall(r'<meta property="(og:[a-z:]+)" content="([^"]*)">', html))


def built_sample(tmp_path: Path) -> Path:
    """The sample project, one bulletin of it renamed (its old address recorded by sync), built."""
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy2(REPO / "site.toml", root / "site.toml")
    accept_names(root)
    urls = {"version": 1, "urls": {"ct-2022-05-gia-danh-cong-an": [OLD, NEW]}}
    (root / "state").mkdir()
    (root / "state" / "web-urls.json").write_text(json.dumps(urls), encoding="utf-8")
    assert main(["build", "--root", str(root), "--now", NOW, "--channel", "web", "-q"]) == 0
    return root / "output" / "web"


def test_old_and_trimmed_addresses_preview_with_a_picture_and_a_description(
    tmp_path: Path,
) -> None:
    """A renamed bulletin's old address previewed a title alone: it now shows the bulletin's
    own cover and summary; a trimmed address (/2022/, a list) shows the site's as the home
    page does. Every picture named is a file the site publishes."""
    web = built_sample(tmp_path)
    redirect = tags((web / OLD.strip("/") / "index.html").read_text("utf-8"))
    bulletin = tags((web / NEW.strip("/") / "index.html").read_text("utf-8"))
    for prop in ("og:description", "og:image", "og:image:width", "og:image:height", "og:image:alt"):
        assert redirect.get(prop) == bulletin[prop], prop
    assert "canh-bao-lua-dao" in redirect["og:image"]
    home = tags((web / "index.html").read_text("utf-8"))
    for trimmed in ("2022", "2022/05", "chuyen-muc", "luu-tru/2022", "trang"):
        shown = tags((web / trimmed / "index.html").read_text("utf-8"))
        assert shown.get("og:image") == home["og:image"], trimmed
        assert shown.get("og:description") == home["og:description"], trimmed
    site = "https://congan-chauthanh.example.vn/"
    for url in (redirect["og:image"], home["og:image"]):
        assert url.startswith(site) and (web / url.removeprefix(site)).is_file(), url
