"""Images an editor writes as raw HTML (`<img src="images/x.jpg" alt="…">`) are content images
like Markdown ones: checked at load, and shown on the website from their processed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import SITE_TOML, bulletin_md, make_project
from tests.zalo_project import jpeg

NOW = "2021-01-01T09:00"
PAGE = "output/web/2020/12/a/index.html"
WIDE = jpeg(1200, 800)
COVER = {"cover": "images/bia.jpg", "cover_alt": '"Ảnh bìa"'}


def project(tmp_path: Path, body: str, *, toml: str = SITE_TOML) -> Path:
    """One bulletin a.md with `body`, a cover, and content/images/anh.jpg (1200 × 800)."""
    return make_project(
        tmp_path,
        {
            "site.toml": toml,
            "content/images/bia.jpg": jpeg(),
            "content/images/anh.jpg": WIDE,
            "content/bai-viet/a.md": bulletin_md(COVER, body),
        },
    )


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Exit code and stderr of `publish ARGS --now NOW`."""
    code = main([*args, "--now", NOW])
    return code, capsys.readouterr().err


def test_a_missing_raw_html_image_is_an_error_of_the_load_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = 'Mở đầu.\n\n<img src="images/thieu.jpg" alt="html">\n'
    root = project(tmp_path, body)
    code, err = run(capsys, "build", "--root", str(root))
    assert code == 1
    assert "content/bai-viet/a.md:13: lỗi: không tìm thấy ảnh 'images/thieu.jpg'" in err
    assert not (root / "output").exists()
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert err.count("images/thieu.jpg") == 1, err


def test_an_unreadable_raw_html_image_is_told_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, 'Mở đầu.\n\n<img src="images/hong.jpg" alt="html">\n')
    (root / "content/images/hong.jpg").write_text("không phải ảnh", encoding="utf-8")
    code, err = run(capsys, "build", "--root", str(root))
    assert code == 1
    assert "a.md:13: lỗi: không đọc được ảnh content/images/hong.jpg" in err
