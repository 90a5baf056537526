"""Builds the small fixture site (tests/fixtures/site) into a temporary folder for the website tests."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

from publish import config as config_module
from publish.pipeline import Build, build
from publish.writer import write

__all__ = ["NOW", "SITE", "BuiltSite", "build_site", "copy_site"]

SITE = Path(__file__).parent / "fixtures" / "site"
NOW = dt.datetime(2024, 4, 1, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
BASE = "https://ca-tanphudong.example.vn/"


class BuiltSite:
    """The written output/web/ of one build, with small readers for tests."""

    def __init__(self, root: Path, result: Build) -> None:
        self.root = root
        self.web = root / "output" / "web"
        self.result = result

    def html(self, url: str) -> str:
        """The HTML of a site path such as "/" or "/2024/01/x/"."""
        rel = url.lstrip("/")
        path = self.web / (rel if rel.endswith(".html") else rel + "index.html")
        return path.read_text(encoding="utf-8")

    def text(self, rel: str) -> str:
        """Any output file as text."""
        return (self.web / rel).read_text(encoding="utf-8")

    def files(self) -> list[str]:
        """Every output file, relative and sorted."""
        return sorted(
            p.relative_to(self.web).as_posix() for p in self.web.rglob("*") if p.is_file()
        )

    def page_urls(self) -> set[str]:
        """Absolute URLs of every index.html in the output that is not a redirect page."""
        return self._index_urls() - self.redirect_urls()

    def redirect_urls(self) -> set[str]:
        """Absolute URLs of every index.html that only sends the browser on (meta refresh)."""
        return {
            url
            for url in self._index_urls()
            if '<meta http-equiv="refresh"' in self.html("/" + url.removeprefix(BASE))
        }

    def _index_urls(self) -> set[str]:
        """Absolute URLs of every index.html in the output."""
        return {
            BASE + re.sub(r"index\.html$", "", f)
            for f in self.files()
            if f == "index.html" or f.endswith("/index.html")
        }


def copy_site(target: Path) -> Path:
    """A fresh copy of the fixture project."""
    root = target / "site"
    shutil.copytree(SITE, root)
    return root


def build_site(root: Path, *, drafts: bool = False) -> BuiltSite:
    """Build and write the web channel of the project at `root` with the fixed clock."""
    config = config_module.load(root)
    result = build(config, channels=("web",), now=NOW, drafts=drafts)
    write(result.artifacts, root / "output", ("web",))
    return BuiltSite(root, result)
