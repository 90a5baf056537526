"""`publish import-hugo` on a multilingual Hugo site: only the Vietnamese posts are imported,
with the addresses Hugo gave them, and a translation's old address leads to its Vietnamese post."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import TINY_JPEG
from tests.test_import_hugo import (
    NOW,
    TOML_POST,
    YAML_POST,
    redirect_target,
    sample_project,
    write_site,
)

ENGLISH_POST = """---
title: "Warning: scams over Zalo"
date: 2023-05-12T08:00:00+07:00
categories: ["canh-bao-toi-pham"]
aliases: ["/old/scam-warning/"]
---

People pretending to be police ask for money transfers.
"""
ENGLISH_ONLY = """---
title: "Visa information for foreigners"
date: 2023-04-01
categories: ["cai-cach-hanh-chinh"]
---

Information in English only.
"""
PAGE = """---
title: "Lịch tiếp công dân"
---

Công an huyện tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở.
"""


def run(root: Path, *args: str) -> int:
    """A command on the project at the fixed clock."""
    return main([args[0], "--root", str(root), "--now", NOW, *args[1:]])


def approve_all(root: Path) -> None:
    """Approve every imported bulletin with publish approve, as a reviewer would (a name typed
    into approved_by does not publish a bulletin never published)."""
    posts = sorted(str(path) for path in (root / "content/bai-viet").glob("2023-*.md"))
    assert run(root, "approve", *posts, "--by", "Thượng tá Nguyễn Văn Hùng") == 0


def test_translation_by_file_name_imports_the_vietnamese_posts_and_redirects_the_english_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = write_site(
        tmp_path / "hugo",
        {
            "hugo.toml": 'baseURL = "https://congan.example.vn/"\ndefaultContentLanguage = "vi"\n'
            '[languages.vi]\nlanguageName = "Tiếng Việt"\nweight = 1\n'
            '[languages.en]\nlanguageName = "English"\nweight = 2\n',
            "content/posts/canh-bao-lua-dao.md": YAML_POST,
            "content/posts/canh-bao-lua-dao.en.md": ENGLISH_POST,
            "content/posts/le-ra-quan.vi.md": TOML_POST,
            "content/posts/visa.en.md": ENGLISH_ONLY,
            "content/posts/_index.en.md": "---\ntitle: News\n---\n",
            "static/images/lua-dao.jpg": TINY_JPEG,
            "static/uploads/2023/03/ra-quan.jpg": TINY_JPEG,
        },
    )
    root = sample_project(tmp_path)
    posts = root / "content/bai-viet"
    before = set(posts.iterdir())
    assert run(root, "import-hugo", str(site)) == 0
    out = capsys.readouterr().out
    assert "Đã nhập 2 bản tin vào content/bai-viet/" in out
    assert "chỉ nhập bài tiếng «vi»" in out
    assert "không nhập 3 tệp tiếng «en»" in out
    assert "1 bài chỉ có ở ngôn ngữ khác" in out and "content/posts/visa.en.md" in out
    assert sorted(p.name for p in set(posts.iterdir()) - before) == [
        "2023-03-01-le-ra-quan.md",
        "2023-05-12-canh-bao-lua-dao.md",
    ]
    text = (posts / "2023-05-12-canh-bao-lua-dao.md").read_text(encoding="utf-8")
    assert "Warning" not in text and "People pretending" not in text
    assert "bản dịch content/posts/canh-bao-lua-dao.en.md không nhập" in out

    approve_all(root)
    assert run(root, "build", "-q") == 0
    web = root / "output/web"
    for old, new in [
        ("posts/canh-bao-lua-dao/index.html", "/2023/05/canh-bao-lua-dao/"),
        ("2023/05/canh-bao-lua-dao.html", "/2023/05/canh-bao-lua-dao/"),
        ("en/posts/canh-bao-lua-dao/index.html", "/2023/05/canh-bao-lua-dao/"),
        ("old/scam-warning/index.html", "/2023/05/canh-bao-lua-dao/"),
        # a.vi.md: Hugo's address has no language in it, nor does the file here
        ("posts/le-ra-quan/index.html", "/2023/03/le-ra-quan/"),
    ]:
        assert redirect_target(web / old) == new, old
    assert not (web / "posts/le-ra-quan.vi").exists()
    assert not (web / "en/posts/visa").exists()


def test_translation_by_content_folder_keeps_the_language_in_the_old_address_when_hugo_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = write_site(
        tmp_path / "hugo",
        {
            "config/_default/hugo.toml": 'defaultContentLanguage = "vi"\n'
            "defaultContentLanguageInSubdir = true\n",
            "config/_default/languages.toml": '[vi]\ncontentDir = "content/vi"\n'
            '[en]\ncontentDir = "content/en"\n',
            "content/vi/posts/canh-bao-lua-dao.md": YAML_POST.replace(
                '"posts/le-ra-quan.md"', '"posts/le-ra-quan"'
            ),
            "content/vi/posts/le-ra-quan.md": TOML_POST,
            "content/vi/lich-tiep-dan.md": PAGE,
            "content/en/posts/canh-bao-lua-dao.md": ENGLISH_POST,
            "static/images/lua-dao.jpg": TINY_JPEG,
            "static/uploads/2023/03/ra-quan.jpg": TINY_JPEG,
        },
    )
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site)) == 0
    out = capsys.readouterr().out
    assert "Đã nhập 2 bản tin vào content/bai-viet/, 1 trang vào content/pages/" in out
    text = (root / "content/bai-viet/2023-05-12-canh-bao-lua-dao.md").read_text("utf-8")
    # {{< ref "posts/le-ra-quan" >}} names the post within its language's folder
    assert "[bài trước](/bai-viet/2023-03-01-le-ra-quan.md)" in text
    assert (root / "content/pages/lich-tiep-dan.md").is_file()
    approve_all(root)
    assert run(root, "build", "-q") == 0
    web = root / "output/web"
    for old, new in [
        ("vi/posts/canh-bao-lua-dao/index.html", "/2023/05/canh-bao-lua-dao/"),
        ("en/posts/canh-bao-lua-dao/index.html", "/2023/05/canh-bao-lua-dao/"),
        ("vi/posts/le-ra-quan/index.html", "/2023/03/le-ra-quan/"),
        ("vi/lich-tiep-dan/index.html", "/lich-tiep-dan/"),
    ]:
        assert redirect_target(web / old) == new, old


def test_a_language_is_chosen_by_its_key_and_an_unknown_one_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = write_site(
        tmp_path / "hugo",
        {
            # An English default language: the Vietnamese one is still found (by its code)
            "hugo.toml": '[languages.en]\nweight = 1\n[languages.vn]\nlanguageCode = "vi-VN"\n',
            "content/posts/canh-bao-lua-dao.vn.md": YAML_POST.replace(
                'Xem thêm [bài trước]({{< ref "posts/le-ra-quan.md" >}}).', ""
            ),
            "content/posts/canh-bao-lua-dao.md": ENGLISH_POST,
            "static/images/lua-dao.jpg": TINY_JPEG,
        },
    )
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "chỉ nhập bài tiếng «vn»" in out and "Sẽ nhập 1 bản tin" in out
    assert "địa chỉ cũ của nó (/posts/canh-bao-lua-dao/, /old/scam-warning/) chuyển về" in out
    assert "không ngôn ngữ nào của website Hugo là tiếng Việt" not in out
    assert run(root, "import-hugo", str(site), "--language", "fr", "--dry-run") == 1
    err = capsys.readouterr().err
    assert "--language fr: website Hugo không có ngôn ngữ này. Dùng một trong: en, vn." in err
    assert "Traceback" not in err


def test_a_site_with_no_vietnamese_language_imports_its_default_one_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = write_site(
        tmp_path / "hugo",
        {
            "hugo.toml": "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
            "content/posts/canh-bao-lua-dao.md": ENGLISH_POST,
        },
    )
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Sẽ nhập 1 bản tin" in out
    assert "không ngôn ngữ nào của website Hugo là tiếng Việt" in out
    assert "đã lấy ngôn ngữ mặc định «en»" in out and "--language KHÓA" in out


@pytest.mark.parametrize("place", ["noi-dung-vi", "../bi-mat", "/etc", "content\\..\\..\\x"])
def test_a_content_folder_outside_content_is_refused_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], place: str
) -> None:
    """Only content/ of the Hugo site is read (a contentDir may point anywhere on the disk):
    the setting is shown as written, in «…» (a repr doubled the backslashes), nothing imported."""
    written = place.replace("\\", "\\\\")  # as a TOML string holds it
    site = write_site(
        tmp_path / "hugo",
        {
            "hugo.toml": f'[languages.vi]\ncontentDir = "{written}"\n[languages.en]\nweight = 2\n',
            "content/posts/canh-bao-lua-dao.md": ENGLISH_POST,
        },
    )
    root = sample_project(tmp_path)
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    assert run(root, "import-hugo", str(site)) == 1
    err = capsys.readouterr().err
    assert f"languages.vi.contentDir = «{place}»: công cụ chỉ đọc bài trong content/" in err, err
    assert "Chưa nhập gì." in err and "Traceback" not in err
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
