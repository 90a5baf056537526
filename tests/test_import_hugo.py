"""`publish import-hugo`: a Hugo site's posts, pages and images become bulletins of this project
that load, keep their old addresses as redirects and are never approved by the tool itself."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import io
import os
import re
import shutil
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from publish import config as config_module
from publish.cli import main
from publish.migrate import hugo
from tests.helpers import TINY_JPEG

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-11-29T10:00"
YAML_POST = """---
title: "Cảnh báo lừa đảo qua Zalo"
date: 2023-05-12T08:00:00+07:00
categories: ["Cảnh báo phương thức, thủ đoạn tội phạm và tệ nạn xã hội"]
tags: ["lừa đảo", "Zalo"]
description: "Đối tượng giả danh Công an gọi điện yêu cầu chuyển tiền."
featured_image: /images/lua-dao.jpg
aliases: ["/2023/05/canh-bao-lua-dao.html"]
lastmod: 2023-06-01
weight: 3
---

Sáng 12/5, Công an huyện nhận được phản ánh của người dân.

{{< figure src="/images/lua-dao.jpg" caption="Tin nhắn lừa đảo" alt="Ảnh chụp tin nhắn" >}}

{{% notice warning %}}
Không chuyển tiền cho người lạ.
{{% /notice %}}

Xem thêm [bài trước]({{< ref "posts/le-ra-quan.md" >}}).

{{< youtube dQw4w9WgXcQ >}}
"""
TOML_POST = """+++
title = "Lễ ra quân tấn công trấn áp tội phạm"
date = 2023-03-01T07:30:00+07:00
categories = ["ket-qua-cong-tac"]
author = "Minh Anh"
+++

Sáng 1/3, Công an huyện tổ chức lễ ra quân tấn công trấn áp tội phạm.

![Lễ ra quân](/uploads/2023/03/ra-quan.jpg)
"""
BUNDLE_POST = """---
title: "Bảo đảm an ninh dịp Tết"
date: 2024-01-20 09:00
categories: ["an-ninh-trat-tu"]
slug: an-ninh-tet
cover:
  image: bia.jpg
  alt: "Cán bộ tuần tra"
---

Công an huyện triển khai kế hoạch bảo đảm an ninh trật tự dịp Tết.

![Tuần tra ban đêm](tuan-tra.jpg)
"""
FUTURE_POST = """---
title: "Thông báo cấp căn cước lưu động"
date: 2026-11-20
publishDate: 2026-12-05T08:00:00+07:00
categories: ["cai-cach-hanh-chinh"]
description: "Lịch cấp căn cước lưu động tại các xã."
---

Công an huyện thông báo lịch cấp căn cước lưu động tại các xã trong tháng 12.
"""
PAGE = """---
title: "Lịch tiếp công dân"
---

Công an huyện tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở.
"""
DRAFT_POST = """---
title: "Bài viết dở"
date: 2023-07-01
categories: ["an-ninh-trat-tu"]
draft: true
---

Nội dung đang viết dở của bài này, chưa hoàn chỉnh.
"""


def hugo_site(tmp_path: Path, extra: dict[str, str | bytes] | None = None) -> Path:
    """A small Hugo site: YAML, TOML and bundle posts, shortcodes, static images."""
    site = tmp_path / "hugo"
    files: dict[str, str | bytes] = {
        "hugo.toml": 'baseURL = "https://congan.example.vn/"\ntitle = "Công an huyện"\n',
        "content/_index.md": "---\ntitle: Trang chủ\n---\n",
        "content/posts/canh-bao-lua-dao.md": YAML_POST,
        "content/posts/le-ra-quan.md": TOML_POST,
        "content/posts/tet/index.md": BUNDLE_POST,
        "content/posts/tet/bia.jpg": TINY_JPEG,
        "content/posts/tet/tuan-tra.jpg": TINY_JPEG,
        "content/posts/can-cuoc.md": FUTURE_POST,
        "content/posts/nhap.md": DRAFT_POST,
        "static/images/lua-dao.jpg": TINY_JPEG,
        "static/uploads/2023/03/ra-quan.jpg": TINY_JPEG,
        **(extra or {}),
    }
    return write_site(site, files)


def write_site(site: Path, files: dict[str, str | bytes]) -> Path:
    """A Hugo site made of `files` (path relative to the site → text or bytes)."""
    for rel, data in files.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return site


def sample_project(tmp_path: Path, *, bulletins: bool = False) -> Path:
    """A copy of the sample project (site.toml, content, templates), as a unit that has just
    started (pages and images, no bulletins of its own) unless `bulletins` says otherwise:
    checking the sample's bulletins after every import cost each test seconds and tests
    nothing about importing."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "site.toml", root / "site.toml")
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    if not bulletins:
        for own in (root / "content" / "bai-viet").glob("*.md"):
            own.unlink()
    return root


def run(root: Path, *args: str) -> int:
    """`publish import-hugo` (or another command) on the project, at the fixed clock."""
    return main([args[0], "--root", str(root), "--now", NOW, *args[1:]])


def test_a_hugo_site_imports_and_builds_with_its_old_addresses_and_images(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = hugo_site(tmp_path, {"content/lich-tiep-dan.md": PAGE})
    root = sample_project(tmp_path, bulletins=True)  # beside the unit's own bulletins
    assert run(root, "import-hugo", str(site)) == 0
    out = capsys.readouterr().out
    assert "Đã nhập 5 bản tin vào content/bai-viet/, 1 trang vào content/pages/" in out
    assert "chép 4 ảnh" in out
    assert "5 bài cần duyệt" in out
    # Not «điền approved_by»: a name typed by hand does not publish a bulletin never published.
    assert 'rồi chạy publish approve TỆP... --by "Họ tên, chức vụ"' in out
    assert "Không có lỗi" in out  # the check after the import
    posts = root / "content" / "bai-viet"
    text = (posts / "2023-05-12-canh-bao-lua-dao.md").read_text(encoding="utf-8")
    assert "category: canh-bao-toi-pham" in text
    assert 'summary: "Đối tượng giả danh Công an gọi điện yêu cầu chuyển tiền."' in text
    assert 'approved_by: ""' in text
    assert 'channels: ["web"]' in text
    assert '![Ảnh chụp tin nhắn](/images/lua-dao.jpg "Tin nhắn lừa đảo")' in text
    assert "> **Lưu ý:** Không chuyển tiền cho người lạ." in text
    assert "[bài trước](/bai-viet/2023-03-01-le-ra-quan.md)" in text
    assert "{{" not in text and "lastmod" not in text
    assert (root / "content/images/lua-dao.jpg").read_bytes() == TINY_JPEG
    assert (root / "content/uploads/2023/03/ra-quan.jpg").is_file()
    assert (root / "content/images/an-ninh-tet/tuan-tra.jpg").is_file()
    bundle = (posts / "2024-01-20-an-ninh-tet.md").read_text(encoding="utf-8")
    assert 'cover: "images/an-ninh-tet/bia.jpg"' in bundle
    assert 'cover_alt: "Cán bộ tuần tra"' in bundle
    future = (posts / "2026-12-05-can-cuoc.md").read_text(encoding="utf-8")
    assert "date: 2026-12-05 08:00" in future and "publishDate" not in future
    assert "draft: true" in (posts / "2023-07-01-nhap.md").read_text(encoding="utf-8")
    page_file = (root / "content/pages/lich-tiep-dan.md").read_text(encoding="utf-8")
    assert 'title: "Lịch tiếp công dân"' in page_file
    assert "approved_by" not in page_file and "channels" not in page_file
    assert not list(posts.glob("*lich-tiep-dan*"))

    # Approve them as a reviewer would, then build: old addresses redirect, images are there.
    reviewed = sorted(str(path) for path in posts.glob("2023-0[35]-*.md"))
    assert run(root, "approve", *reviewed, "--by", "Thượng tá Nguyễn Văn Hùng") == 0
    assert run(root, "build", "-q") == 0
    web = root / "output" / "web"
    for old, new in [
        ("posts/canh-bao-lua-dao/index.html", "/2023/05/canh-bao-lua-dao/"),
        ("2023/05/canh-bao-lua-dao.html", "/2023/05/canh-bao-lua-dao/"),
        ("posts/le-ra-quan/index.html", "/2023/03/le-ra-quan/"),
    ]:
        assert redirect_target(web / old) == new, old
    assert "Công an huyện tiếp công dân" in (web / "lich-tiep-dan/index.html").read_text("utf-8")
    page = (web / "2023/05/canh-bao-lua-dao/index.html").read_text(encoding="utf-8")
    assert "{{" not in page
    assert_shows_jpeg(web, page, "lua-dao")
    assert_shows_jpeg(web, (web / "2023/03/le-ra-quan/index.html").read_text("utf-8"), "ra-quan")


def redirect_target(path: Path) -> str:
    """Where a redirect page of the built website sends the reader (its refresh address)."""
    found = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', path.read_text("utf-8"))
    assert found, f"{path} is not a redirect page"
    return found[1]


def assert_shows_jpeg(web: Path, page: str, name: str) -> None:
    """The page shows an image made from `name` and that image's file is in output/web/."""
    sources = re.findall(r'<img[^>]*\bsrc="(/[^"]*' + re.escape(name) + r'[^"]*)"', page)
    assert sources, f"no <img> of {name} in the page"
    for src in sources:
        image = web / src.lstrip("/")
        assert image.is_file(), src
        assert image.read_bytes()[:2] == b"\xff\xd8", src


def test_approved_by_is_written_only_when_the_operator_gives_it_and_never_for_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = hugo_site(tmp_path)
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site), "--approved-by", "Thượng tá Nguyễn Văn Hùng") == 0
    posts = root / "content" / "bai-viet"
    approved = '"Thượng tá Nguyễn Văn Hùng"'
    assert approved in (posts / "2023-03-01-le-ra-quan.md").read_text(encoding="utf-8")
    assert approved not in (posts / "2023-07-01-nhap.md").read_text(encoding="utf-8")
    assert "bài cần duyệt" in capsys.readouterr().out  # the draft


def test_dry_run_writes_nothing_and_existing_files_are_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = hugo_site(tmp_path)
    root = sample_project(tmp_path)
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    assert run(root, "import-hugo", str(site), "--dry-run") == 0
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert "Sẽ nhập 5 bản tin" in capsys.readouterr().out
    mine = root / "content/bai-viet/2023-03-01-le-ra-quan.md"
    mine.write_text("bài của tôi", encoding="utf-8")
    assert run(root, "import-hugo", str(site)) == 1
    out = capsys.readouterr().out
    assert (
        "content/bai-viet/2023-03-01-le-ra-quan.md đã có, là bài khác cùng tên: không ghi đè" in out
    )
    assert mine.read_text(encoding="utf-8") == "bài của tôi"
    mine.unlink()
    assert run(root, "import-hugo", str(site)) == 0  # the others: the same bytes, imported before
    assert "giống hệt" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "data", "told"),
    [
        ("content/posts/latin1.md", "---\ntitle: Tết\n---\n".encode("utf-16"), "UTF-8"),
        ("content/posts/hong.md", '---\ntitle: "a\ndate: [\n---\nx\n', "phần đầu sai cú pháp"),
        ("content/posts/toml.md", '+++\ntitle = "a\n+++\nx\n', "phần đầu TOML sai cú pháp"),
        (
            "content/posts/la.md",
            "---\ntitle: A\ndate: 2023-01-01\ncategories: [Thể thao]\n---\nNội dung bài viết dài đủ.\n",
            "chuyên mục «Thể thao» không có trong site.toml",
        ),
        (
            "content/posts/gallery.md",
            "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\n"
            'Nội dung bài viết dài đủ.\n\n{{< gallery dir="/anh/" >}}\n',
            "không chuyển được mã ngắn «{{< gallery",
        ),
        (
            "content/posts/mat.md",
            "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n"
            "classification: mật\n---\nNội dung bài viết dài đủ.\n",
            "tài liệu mật",
        ),
    ],
)
def test_a_file_that_cannot_be_imported_is_told_and_left_out_the_others_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: str | bytes, told: str
) -> None:
    site = hugo_site(tmp_path, {name: data})
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site)) == 1
    captured = capsys.readouterr()
    assert told in captured.out
    assert name in captured.out
    assert "Traceback" not in captured.out + captured.err
    assert "Đã nhập 5 bản tin" in captured.out
    assert "Không nhập được 1 tệp" in captured.out
    assert not list((root / "content/bai-viet").glob(f"*-{Path(name).stem}.md"))


def test_a_secret_classification_with_a_hidden_character_is_shown_as_the_warning_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unclear grade's warning shows a zero-width space as \\u200b; the refusal of a secret
    one printed «Mật», which is not what the post holds."""
    head = "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\nclassification: "
    site = hugo_site(
        tmp_path,
        {
            "content/posts/mat.md": f"{head}M\u200bật\n---\nNội dung bài viết dài đủ.\n",
            "content/posts/noi-bo.md": f"{head}nội\u200b bộ\n---\nNội dung bài viết dài đủ.\n",
        },
    )
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site)) == 1
    out = capsys.readouterr().out
    assert "tài liệu mật (M\\u200bật): không nhập" in out
    assert "ghi classification: «nội\\u200b bộ»" in out
    assert "\u200b" not in out


def test_a_huge_post_is_refused_by_its_size_without_being_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A post over the cap was read whole before its size was looked at: a 2 GB export gone
    wrong held 2 GB of memory only to be refused."""
    site = hugo_site(tmp_path)
    with open(site / "content" / "posts" / "lon.md", "wb") as handle:
        handle.truncate(100_000_000)  # sparse: no room on disk
    root = sample_project(tmp_path)
    tracemalloc.start()
    try:
        code = run(root, "import-hugo", str(site))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    out = capsys.readouterr().out
    assert code == 1
    assert peak < 50_000_000
    assert "content/posts/lon.md: lỗi: tệp nặng 100 MB, quá giới hạn 5 MB cho một bài" in out
    assert "Đã nhập 5 bản tin" in out


def test_a_missing_folder_is_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(tmp_path / "khong-co")) == 1
    err = capsys.readouterr().err
    assert "không phải thư mục website Hugo" in err and "Traceback" not in err


def test_the_project_itself_is_refused_not_imported_into_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`publish import-hugo .` in the project «imported» its own bulletins, each told as «đã
    có, là bài khác cùng tên» (the same file) and its approval fields as «không dùng»."""
    root = sample_project(tmp_path, bulletins=True)
    before = sorted(p.name for p in (root / "content/bai-viet").iterdir())
    assert run(root, "import-hugo", str(root), "--dry-run") == 1
    captured = capsys.readouterr()
    assert "là chính dự án này, không phải website Hugo" in captured.err
    assert "thư mục có content/ và tệp cấu hình hugo.toml" in captured.err
    assert "là bài khác cùng tên" not in captured.out + captured.err
    assert sorted(p.name for p in (root / "content/bai-viet").iterdir()) == before


def test_another_project_of_this_tool_is_refused_as_no_hugo_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another unit's project (site.toml, content/ of bulletins) is no Hugo site either."""
    root = sample_project(tmp_path)
    other = tmp_path / "du-an-khac"
    other.mkdir()
    shutil.copy(REPO / "site.toml", other / "site.toml")
    shutil.copytree(REPO / "content" / "bai-viet", other / "content" / "bai-viet")
    assert run(root, "import-hugo", str(other)) == 1
    err = capsys.readouterr().err
    assert "là một dự án của công cụ này (có site.toml), không phải website Hugo" in err
    assert not list((root / "content" / "bai-viet").glob("*.md"))


def test_a_folder_with_content_but_no_hugo_settings_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hugo itself stops without hugo.toml, config.toml… or a config/ folder: such a folder of
    Markdown files (a copy of posts, another tool's site) is not imported as if it were one."""
    site = hugo_site(tmp_path)
    (site / "hugo.toml").unlink()
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site), "--dry-run") == 1
    err = capsys.readouterr().err
    assert "không phải thư mục website Hugo (có content/ nhưng không có tệp cấu hình Hugo" in err


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("hugo.json", '{"baseURL": "https://congan.example.vn/"}'),
        ("config.yml", "baseURL: https://congan.example.vn/\n"),
        ("config/_default/hugo.toml", 'baseURL = "https://congan.example.vn/"\n'),
        ("config/production/params.toml", 'author = "Công an huyện"\n'),
    ],
)
def test_every_settings_file_hugo_reads_makes_a_hugo_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    site = hugo_site(tmp_path, {name: text})
    (site / "hugo.toml").unlink()
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site), "--dry-run") == 0, capsys.readouterr().err
    assert "Sẽ nhập 5 bản tin" in capsys.readouterr().out


def test_a_short_draft_is_imported_with_the_sample_summary_approval_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A draft, unfinished by nature, whose body is too short for a summary could not be
    imported at all («description: không có … không đủ dài»): it comes in, still a draft, with
    the summary `publish new` writes, which `publish approve` refuses until it is rewritten."""
    short = "---\ntitle: Bài nháp\ndate: 2023-07-01\ncategories: [an-ninh-trat-tu]\n"
    site = hugo_site(
        tmp_path, {"content/posts/nhap.md": short + "draft: true\n---\n\nNội dung nháp.\n"}
    )
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site)) == 0
    out = capsys.readouterr().out
    assert "ghi chữ mẫu «Tóm tắt bản tin trong một, hai câu.» vào summary" in out
    post = root / "content/bai-viet/2023-07-01-nhap.md"
    text = post.read_text(encoding="utf-8")
    assert 'summary: "Tóm tắt bản tin trong một, hai câu."' in text and "draft: true" in text
    by = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"
    assert run(root, "approve", str(post), "--publish", "--by", by) == 1
    assert "tóm tắt vẫn là chữ mẫu «Tóm tắt bản tin trong một, hai câu.»" in capsys.readouterr().err
    assert "draft: true" in post.read_text(encoding="utf-8")


# The converter alone, without disk.

CONFIG_ROOT = REPO


def convert(
    text: str, path: str = "posts/a.md", files: frozenset[str] = frozenset(), **kw: Any
) -> hugo.Result:
    """One file through the pure converter with the sample site.toml."""
    config = config_module.load(CONFIG_ROOT)
    now = dt.datetime(2026, 11, 29, 10, 0, tzinfo=config.tz)
    options = hugo.Options(now=now, **kw)
    return hugo.convert(hugo.read(path, text), config, options, files, lambda t, bare: None)


def test_the_converter_keeps_a_classification_so_the_bulletin_is_held_back() -> None:
    result = convert(
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n"
        "confidential: true\n---\nNội dung bài viết dài đủ để làm tóm tắt.\n",
        approved_by="X",
    )
    assert result.text is not None
    assert 'classification: "confidential: True"' in result.text
    assert 'approved_by: ""' in result.text


def test_the_converter_names_ambiguous_and_several_categories_and_uses_the_fallback() -> None:
    several = convert(
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu, ket-qua-cong-tac]\n---\nx\n"
    )
    assert several.text is None
    assert "khớp nhiều chuyên mục" in several.problems[0].message
    fallback = convert(
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [Thể thao]\n---\nNội dung bài viết dài đủ.\n",
        category="an-ninh-trat-tu",
    )
    assert fallback.text is not None and "category: an-ninh-trat-tu" in fallback.text


def test_the_converter_reads_json_front_matter_and_makes_a_summary_from_the_first_paragraph() -> (
    None
):
    result = convert(
        '{"title": "A", "date": "2023-01-01", "categories": ["an-ninh-trat-tu"]}\n\n'
        "## Mục\n\nĐoạn **đầu** có [liên kết](https://a.vn) và đủ dài.\n"
    )
    assert result.text is not None
    assert 'summary: "Đoạn đầu có liên kết và đủ dài."' in result.text
    assert any("đoạn đầu" in p.message for p in result.problems)


def test_a_summary_from_the_first_paragraph_keeps_words_in_angle_brackets() -> None:
    """«<<Vì an ninh Tổ quốc>>», «<Tết an toàn>» and a lone «<Em>» were taken out as tags (and
    the last «>» as a quote mark): the summary read «Tháng hành động < năm nay, chủ đề .» where
    the body shows the words. Tags and Markdown's marks still go; a «>» inside a line is text."""
    result = convert(
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\n"
        "> Hưởng ứng Tháng hành động <<Vì an ninh Tổ quốc>>, chủ đề <Tết an toàn>, ca khúc "
        "<Em> **đoạt giải**, <b>trẻ em</b> > 14 tuổi.\n"
    )
    assert result.text is not None, [p.message for p in result.problems]
    assert (
        'summary: "Hưởng ứng Tháng hành động <<Vì an ninh Tổ quốc>>, chủ đề <Tết an toàn>, '
        'ca khúc <Em> đoạt giải, trẻ em > 14 tuổi."'
    ) in result.text


@pytest.mark.parametrize(
    ("paragraph", "summary"),
    [
        (
            "Công an huyện đăng video {{< youtube abc123 >}}, cảnh báo thủ đoạn mới.",
            "Công an huyện đăng video, cảnh báo thủ đoạn mới.",
        ),
        (
            "Người dân cần <strong>cảnh giác</strong>, không bấm vào đường link lạ "
            '<i class="fa fa-link"></i>.',
            "Người dân cần cảnh giác, không bấm vào đường link lạ.",
        ),
        (
            "Ông ấy nói “<em>đừng tin</em>” rồi đi báo Công an.",
            "Ông ấy nói “đừng tin” rồi đi báo Công an.",
        ),
        (
            "Cảnh báo lừa đảo qua mạng.<br>Nhất là dịp cuối năm.",
            "Cảnh báo lừa đảo qua mạng. Nhất là dịp cuối năm.",
        ),
        (
            "Tỷ lệ giảm 50<sup>%</sup> so với (<b>cùng kỳ</b>) năm trước.",
            "Tỷ lệ giảm 50% so với (cùng kỳ) năm trước.",
        ),
    ],
)
def test_a_summary_keeps_no_space_where_a_tag_or_shortcode_was_taken_out(
    paragraph: str, summary: str
) -> None:
    """Markup was replaced by a space: «video , cảnh báo», «cảnh giác , không», «lạ .», «“ đừng
    tin ”» went out on Zalo and the sharing cards. A line break still parts two sentences."""
    result = convert(
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\n" + paragraph + "\n"
    )
    assert result.text is not None, [p.message for p in result.problems]
    assert f'summary: "{summary}"' in result.text


def test_a_wordpress_summary_keeps_no_space_where_a_tag_was_taken_out() -> None:
    """The same in a WordPress export's HTML paragraph («<b>cảnh giác</b>,»)."""
    result = convert(
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\n"
        "<p>Người dân cần <b>cảnh giác</b>, không cung cấp mã <i>OTP</i>.</p>\n"
    )
    assert result.text is not None, [p.message for p in result.problems]
    assert 'summary: "Người dân cần cảnh giác, không cung cấp mã OTP."' in result.text


def test_a_wordpress_summary_keeps_the_angle_brackets_its_page_shows() -> None:
    """WordPress stores «<Tết an toàn>» typed in a post as «&lt;Tết an toàn&gt;»: shown, and
    kept in the summary; a «<Tết an toàn>» in its raw HTML is a tag to every browser, and to
    the body here (a raw HTML block), so it is left out of the summary too."""
    result = convert(
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\n"
        "<!-- wp:paragraph -->\n<p>Chủ đề &lt;Tết an toàn&gt; của năm nay<Tết>, không đốt pháo."
        "</p>\n<!-- /wp:paragraph -->\n"
    )
    assert result.text is not None, [p.message for p in result.problems]
    assert 'summary: "Chủ đề <Tết an toàn> của năm nay, không đốt pháo."' in result.text


@pytest.mark.parametrize(
    ("written", "dated"),
    [
        ("2023-07-01", "date: 2023-07-01\n"),
        ('"01/07/2023"', "date: 2023-07-01\n"),
        ("2023-07-01T00:00:00+07:00", "date: 2023-07-01 00:00\n"),
        ("2023-07-01T08:30:00+07:00", "date: 2023-07-01 08:30\n"),
    ],
)
def test_a_hugo_date_without_a_time_stays_a_day(written: str, dated: str) -> None:
    """Hugo's «date: 2023-07-01» was written «date: 2023-07-01 00:00», a time nobody gave,
    and the page would show «0:00» (Bulletin.timed): the day alone is written as it was."""
    result = convert(
        f"---\ntitle: A\ndate: {written}\ncategories: [an-ninh-trat-tu]\n"
        "description: Tóm tắt.\n---\nNội dung bài viết.\n"
    )
    assert result.text is not None, [p.message for p in result.problems]
    assert dated in result.text


@pytest.mark.parametrize(
    ("fields", "dated"),
    [
        ("date: 2023-07-01T08:30:00+07:00\npublishDate: 2026-12-05", "date: 2026-12-05\n"),
        ("date: 2023-07-01\npublishDate: 2026-12-05T08:00:00+07:00", "date: 2026-12-05 08:00\n"),
        ("publishDate: 2023-07-01", "date: 2023-07-01\n"),
        ("date: 2023-07-01\npublishDate: 2023-06-01T08:00:00+07:00", "date: 2023-07-01\n"),
    ],
)
def test_the_date_line_writes_a_time_as_the_hugo_field_it_is_read_from_does(
    fields: str, dated: str
) -> None:
    """A publishDate still to come, or the only date, is the date: its time of day (or none) is
    the one written, not the other field's."""
    result = convert(
        f"---\ntitle: A\n{fields}\ncategories: [an-ninh-trat-tu]\n"
        "description: Tóm tắt.\n---\nNội dung bài viết.\n"
    )
    assert result.text is not None, [p.message for p in result.problems]
    assert dated in result.text


def test_the_converter_turns_hugo_hold_back_keys_into_a_draft_and_expiry_into_expires() -> None:
    result = convert(
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\nstatus: private\n"
        "expiryDate: 2027-01-01\n---\nNội dung bài viết dài đủ.\n"
    )
    assert result.text is not None
    assert "draft: true" in result.text and "expires: 2027-01-01 00:00" in result.text


@pytest.mark.parametrize(
    "held",
    ["draft: 1", "draft = 1", "headless: true", "_build:\n  render: link", "draft: [true]"],
)
@pytest.mark.parametrize("path", ["posts/a/index.md", "gioi-thieu/index.md"])
def test_every_way_hugo_makes_no_page_of_a_post_keeps_it_a_draft(held: str, path: str) -> None:
    # A Hugo draft or a bundle it never rendered went out, a page (no approval) on the next build.
    if "=" in held:
        text = (
            f"+++\ntitle = 'A'\ndate = 2023-01-01\ncategories = ['an-ninh-trat-tu']\n{held}\n+++\n"
        )
    else:
        text = f"---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n{held}\n---\n"
    result = convert(text + "Nội dung bài viết dài đủ để làm tóm tắt.\n", path, approved_by="X")
    assert result.text is not None, [p.render() for p in result.problems]
    assert "draft: true" in result.text
    assert 'approved_by: "X"' not in result.text


@pytest.mark.parametrize(
    ("config_name", "config_text", "old"),
    [
        (
            "hugo.toml",
            'baseURL = "https://congan.example.vn/"\n[permalinks]\nposts = "/tin/:year/:month/:filename/"\n',
            "tin/2023/03/le-ra-quan/index.html",
        ),
        (
            "config.yaml",
            "baseURL: https://congan.example.vn/\npermalinks:\n  posts: /:section/:year/:filename.html\n",
            "posts/2023/le-ra-quan.html",
        ),
        (
            "hugo.toml",
            '[permalinks.page]\nposts = "/bai/:year/:month/:day/:slugorfilename/"\n',
            "bai/2023/03/01/le-ra-quan/index.html",
        ),
        (
            "hugo.json",
            '{"permalinks": {"posts": "/bai/:year/:month/:filename/"}}',
            "bai/2023/03/le-ra-quan/index.html",
        ),
        (
            "config/_default/hugo.toml",
            '[permalinks]\nposts = "/tin/:year/:month/:filename/"\n',
            "tin/2023/03/le-ra-quan/index.html",
        ),
        (
            "config/_default/permalinks.toml",  # beside the site's own hugo.toml
            'posts = "/bai/:year/:slugorfilename/"\n',
            "bai/2023/le-ra-quan/index.html",
        ),
    ],
    ids=["toml", "yaml", "permalinks.page", "json", "config-folder", "permalinks-file"],
)
def test_the_old_address_made_by_hugos_permalinks_redirects_to_the_new_one(
    tmp_path: Path, config_name: str, config_text: str, old: str
) -> None:
    site = hugo_site(tmp_path, {config_name: config_text})
    if config_name not in ("hugo.toml", "config/_default/permalinks.toml"):
        (site / "hugo.toml").unlink()
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site), "--approved-by", "Thượng tá Nguyễn Văn Hùng") == 0
    post = (root / "content/bai-viet/2023-03-01-le-ra-quan.md").read_text(encoding="utf-8")
    alias = "/" + old.removesuffix("index.html")
    assert f'aliases: ["{alias}"]' in post
    assert run(root, "build", "-q") == 0
    assert redirect_target(root / "output/web" / old) == "/2023/03/le-ra-quan/"


@pytest.mark.parametrize(
    ("config_text", "old"),
    [
        ("uglyURLs = true\n", "posts/le-ra-quan.html"),
        (
            '[uglyURLs]\nposts = true\n[permalinks]\nposts = "/bai/:year/:slugorfilename/"\n',
            "bai/2023/le-ra-quan.html",
        ),
        ("[uglyURLs]\nnews = true\n", "posts/le-ra-quan/index.html"),  # another section's
    ],
    ids=["site", "section-with-permalinks", "other-section"],
)
def test_hugos_ugly_urls_make_the_old_address_a_html_page_that_redirects(
    tmp_path: Path, config_text: str, old: str
) -> None:
    """With uglyURLs Hugo published /posts/le-ra-quan.html, not /posts/le-ra-quan/: the alias
    recorded was an address the old site never had, and the printed QR codes 404ed."""
    site = hugo_site(tmp_path)
    hugo_toml = site / "hugo.toml"
    hugo_toml.write_text(hugo_toml.read_text(encoding="utf-8") + config_text, encoding="utf-8")
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site), "--approved-by", "Thượng tá Nguyễn Văn Hùng") == 0
    post = (root / "content/bai-viet/2023-03-01-le-ra-quan.md").read_text(encoding="utf-8")
    assert f'aliases: ["/{old.removesuffix("index.html")}"]' in post
    assert run(root, "build", "-q") == 0
    assert redirect_target(root / "output/web" / old) == "/2023/03/le-ra-quan/"


def test_an_imported_post_with_personal_data_is_left_for_the_approver_and_told_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`publish approve` waits for a decision on personal data nobody reviewed; the import,
    which approves with it, left such a post unapproved and said it «còn lỗi», while the check
    shows only warnings: it now says what waits and how to decide."""
    post = (
        "---\ntitle: Truy tìm đối tượng\ndate: 2023-03-02\ncategories: [an-ninh-trat-tu]\n---\n"
        "Đối tượng có số CCCD 087123456789, đề nghị người dân cung cấp thông tin.\n"
    )
    site = hugo_site(tmp_path, {"content/posts/truy-tim.md": post})
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site), "--approved-by", "Thượng tá Nguyễn Văn Hùng") == 0
    out = capsys.readouterr().out
    imported = "content/bai-viet/2023-03-02-truy-tim.md"
    assert 'approved_by: ""' in (root / imported).read_text(encoding="utf-8")
    assert "có dữ liệu cá nhân chưa ai xem xét nên chưa được ghi người duyệt" in out
    assert imported in out and "--pii-reviewed" in out
    assert "còn lỗi" not in out


def test_hugos_disable_path_to_lower_keeps_the_old_addresses_capital_letters() -> None:
    """Hugo lowercases the addresses it makes unless disablePathToLower: then /posts/Le-Ra-Quan/
    was the address, and recording /posts/le-ra-quan/ made a redirect page where no old link
    points (a case-sensitive server). Capital letters are no address a redirect page here can
    take (see fields.aliases), so it is told, for the server's administrator."""
    post = "---\ntitle: Lễ ra quân\ndate: 2023-03-01\ncategories: [an-ninh-trat-tu]\n---\nNội dung bài viết dài đủ.\n"
    lowered = convert(post, path="Posts/Le-Ra-Quan.md")
    assert lowered.text is not None and 'aliases: ["/posts/le-ra-quan/"]' in lowered.text
    kept = convert(post, path="Posts/Le-Ra-Quan.md", keep_case=True)
    assert kept.text is not None and "aliases" not in kept.text
    assert any("«/Posts/Le-Ra-Quan/»" in p.message for p in kept.problems)
    ugly = convert(post, path="posts/le-ra-quan.md", keep_case=True, ugly_urls=True)
    assert ugly.text is not None and 'aliases: ["/posts/le-ra-quan.html"]' in ugly.text


def test_a_rerun_tells_the_files_imported_before_apart_from_the_new_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = hugo_site(tmp_path, {"content/lich-tiep-dan.md": PAGE})
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site), "--dry-run") == 0
    assert "tệp đã nhập từ lần trước" not in capsys.readouterr().out
    assert run(root, "import-hugo", str(site)) == 0
    capsys.readouterr()
    (site / "content/posts/moi.md").write_text(
        DRAFT_POST.replace("Bài viết dở", "Bài mới"), encoding="utf-8"
    )
    assert run(root, "import-hugo", str(site)) == 0
    out = capsys.readouterr().out
    assert "Đã nhập 1 bản tin vào content/bai-viet/, 0 trang vào content/pages/, chép 0 ảnh." in out
    assert "6 tệp đã nhập từ lần trước, giữ nguyên." in out


def test_a_rerun_keeps_imported_files_edited_since_without_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = hugo_site(tmp_path)
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site)) == 0
    capsys.readouterr()
    mine = root / "content/bai-viet/2023-03-01-le-ra-quan.md"
    edited = mine.read_text(encoding="utf-8").replace(
        'approved_by: ""', 'approved_by: "Trung tá Nguyễn Văn B"'
    )
    mine.write_text(edited, encoding="utf-8")
    assert run(root, "import-hugo", str(site)) == 0  # as the report says: fix in Hugo, run again
    out = capsys.readouterr().out
    assert "2023-03-01-le-ra-quan.md đã có (đã nhập lần trước, đã sửa sau đó): giữ nguyên" in out
    assert "lỗi" not in out.split("Kiểm tra dự án")[0]
    assert mine.read_text(encoding="utf-8") == edited


def test_the_check_after_an_import_gets_the_options_publish_check_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from publish.cli import make_parser
    from publish.commands import check

    seen: list[argparse.Namespace] = []

    def checking(args: argparse.Namespace) -> int:
        """Note the options the check got; pass."""
        seen.append(args)
        return 0

    monkeypatch.setattr(check, "run", checking)
    site = hugo_site(tmp_path)
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site)) == 0
    words = ["--root", str(root), "--now", NOW, "check"]
    expected = vars(make_parser(words).parse_args(words))
    assert len(seen) == 1
    assert {k: v for k, v in vars(seen[0]).items() if k != "run"} == {
        k: v for k, v in expected.items() if k != "run"
    }


@pytest.mark.parametrize("code", [errno.EPERM, errno.ENOTSUP, errno.EXDEV])
def test_without_hard_links_files_are_still_written_whole_and_never_over_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    from publish.commands import import_hugo

    def no_link(*args: object, **kw: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", no_link)
    folder = tmp_path / "content"
    made: list[Path] = []
    import_hugo._create(folder / "images/a.jpg", TINY_JPEG, made)
    assert (folder / "images/a.jpg").read_bytes() == TINY_JPEG
    assert made == [folder / "images/a.jpg"]
    assert [p.name for p in (folder / "images").iterdir()] == ["a.jpg"]  # no temporary left
    with pytest.raises(FileExistsError):
        import_hugo._create(folder / "images/a.jpg", b"other", made)
    assert (folder / "images/a.jpg").read_bytes() == TINY_JPEG
    assert made == [folder / "images/a.jpg"]


def test_a_write_that_fails_without_hard_links_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from publish.commands import import_hugo

    def no_link(*args: object, **kw: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    real_fsync = os.fsync
    calls = []

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) > 1:  # the temporary file's passes, the final file's fails
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "link", no_link)
    monkeypatch.setattr(os, "fsync", failing_fsync)
    made: list[Path] = []
    with pytest.raises(OSError):
        import_hugo._create(tmp_path / "a.jpg", TINY_JPEG, made)
    assert list(tmp_path.iterdir()) == [] and made == []


def test_an_import_without_hard_links_writes_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_link(*args: object, **kw: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    site = hugo_site(tmp_path)
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site), "--dry-run") == 0  # the check is not run
    monkeypatch.setattr("publish.commands.import_hugo._check", lambda args: 0)
    assert run(root, "import-hugo", str(site)) == 0
    assert (root / "content/images/lua-dao.jpg").read_bytes() == TINY_JPEG
    text = (root / "content/bai-viet/2023-03-01-le-ra-quan.md").read_text(encoding="utf-8")
    assert text.startswith("---\nid: ") and '\ntitle: "Lễ ra quân' in text


def test_imported_files_are_readable_by_others_as_the_umask_allows(tmp_path: Path) -> None:
    from publish.commands import import_hugo

    made: list[Path] = []
    machine = os.umask(0o022)
    try:
        import_hugo._create(tmp_path / "a.md", b"x", made)
    finally:
        os.umask(machine)
    assert (tmp_path / "a.md").stat().st_mode & 0o777 == 0o644


def test_a_note_names_its_field_once() -> None:
    posts = [
        "---\ntitle: A\ndate: 2026-11-20\npublishDate: 2026-12-05\ncategories: [an-ninh-trat-tu]\n"
        "---\nNội dung bài viết dài đủ.\n",
        "---\ntitle: A\ndate: 2026-12-20\npublishDate: 2020-01-01\ncategories: [an-ninh-trat-tu]\n"
        "expiryDate: 2026-12-25\nhidden: true\n---\nNội dung bài viết dài đủ.\n",
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\nexpiryDate: 2024-01-01\n"
        "confidential: true\n---\nNội dung bài viết dài đủ.\n",
        "---\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\nexpiryDate: 2022-01-01\n---\n",
        "---\ntitle: A\ndate: x\ncategories: [an-ninh-trat-tu]\nexpiryDate: sớm\n---\n",
    ]
    problems = [p for text in posts for p in convert(text).problems if p.field]
    assert {p.field for p in problems} >= {
        "publishDate",
        "date",
        "expiryDate",
        "hidden",
        "confidential",
        "title",
        "description",
    }
    for problem in problems:
        shown = problem.render()
        field = problem.field
        assert f"'{field}': {field}" not in shown, shown
        assert f"({field})" not in problem.message, shown
        assert not problem.message.startswith((f"{field} ", f"'{field}:", f"({field}:")), shown
    # Dates are quoted as every message quotes a value, not in Python's quotes.
    assert "không đọc được ngày giờ «sớm»" in {p.message for p in problems}


def test_an_old_address_hugo_made_from_a_vietnamese_title_keeps_its_tone_marks() -> None:
    """Hugo's :slug falls back to the title and keeps tone marks unless removePathAccents: the
    address without them never existed, so it must not be taken for the old one."""
    post = "---\ntitle: Lễ ra quân\ndate: 2023-03-01\ncategories: [an-ninh-trat-tu]\n---\nNội dung bài viết dài đủ.\n"
    permalinks = {"posts": "/:year/:slug/"}
    kept = convert(post, permalinks=permalinks)
    assert kept.text is not None and "aliases" not in kept.text
    assert any("«/2023/lễ-ra-quân/»" in p.message for p in kept.problems)
    dropped = convert(post, permalinks=permalinks, remove_accents=True)
    assert dropped.text is not None and 'aliases: ["/2023/le-ra-quan/"]' in dropped.text
    plain = convert(post.replace("title: Lễ ra quân", "title: Lễ ra quân\nslug: Ra Quân 2023"))
    assert 'aliases: ["/posts/ra-quân-2023/"]' not in (plain.text or "")


WORDPRESS_POST = """---
title: "Tuyên truyền phòng chống ma túy"
date: 2015-03-10T08:00:00+07:00
categories: ["an-ninh-trat-tu"]
featured_image: https://congan.example.vn/wp-content/uploads/2015/03/bia.jpg
---

Sáng 10/3, Công an huyện tổ chức buổi tuyên truyền phòng chống ma túy tại trường học.

<img class="wp-image-12" src="https://www.congan.example.vn/wp-content/uploads/2015/03/tuyen-truyen.jpg" alt="Buổi tuyên truyền" srcset="https://congan.example.vn/wp-content/uploads/2015/03/a-300x200.jpg 300w" sizes="(max-width: 600px) 100vw, 600px" width="600" />

![Học sinh](http://congan.example.vn/images/hoc-sinh.jpg)

![Ảnh mới](/images/%E1%BA%A3nh%20m%E1%BB%9Bi.jpg)

![Ảnh nơi khác](https://baochinhphu.vn/anh.jpg)
"""


def test_images_written_with_the_old_sites_own_address_are_its_files() -> None:
    files = frozenset(
        {
            "static/wp-content/uploads/2015/03/tuyen-truyen.jpg",
            "static/wp-content/uploads/2015/03/bia.jpg",
            "static/images/hoc-sinh.jpg",
            "static/images/ảnh mới.jpg",
        }
    )
    result = convert(WORDPRESS_POST, files=files, base_url="https://congan.example.vn/")
    assert result.text is not None, [p.render() for p in result.problems]
    assert (
        '<img class="wp-image-12" src="/wp-content/uploads/2015/03/tuyen-truyen.jpg"' in result.text
    )
    assert "srcset" not in result.text and "sizes=" not in result.text
    assert "![Học sinh](/images/hoc-sinh.jpg)" in result.text
    assert "![Ảnh nơi khác](https://baochinhphu.vn/anh.jpg)" in result.text
    assert 'cover: "/wp-content/uploads/2015/03/bia.jpg"' in result.text
    assert result.copies == {
        "static/wp-content/uploads/2015/03/tuyen-truyen.jpg": "wp-content/uploads/2015/03/tuyen-truyen.jpg",
        "static/wp-content/uploads/2015/03/bia.jpg": "wp-content/uploads/2015/03/bia.jpg",
        "static/images/hoc-sinh.jpg": "images/hoc-sinh.jpg",
        "static/images/ảnh mới.jpg": "images/ảnh mới.jpg",
    }
    missing = convert(
        WORDPRESS_POST,
        files=files - {"static/images/hoc-sinh.jpg"},
        base_url="https://congan.example.vn/",
    )
    assert missing.text is None
    assert any(
        "http://congan.example.vn/images/hoc-sinh.jpg" in p.message for p in missing.problems
    )


def test_the_old_sites_base_url_is_read_from_its_config_and_its_images_built(
    tmp_path: Path,
) -> None:
    site = hugo_site(
        tmp_path,
        {
            "content/posts/tuyen-truyen.md": WORDPRESS_POST.replace(
                "![Ảnh nơi khác](https://baochinhphu.vn/anh.jpg)\n", ""
            ),
            "static/wp-content/uploads/2015/03/tuyen-truyen.jpg": TINY_JPEG,
            "static/wp-content/uploads/2015/03/bia.jpg": TINY_JPEG,
            "static/images/hoc-sinh.jpg": TINY_JPEG,
            "static/images/ảnh mới.jpg": TINY_JPEG,
        },
    )
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site), "--approved-by", "Thượng tá Nguyễn Văn Hùng") == 0
    assert run(root, "build", "-q") == 0
    web = root / "output" / "web"
    page = (web / "2015/03/tuyen-truyen/index.html").read_text(encoding="utf-8")
    assert "congan.example.vn" not in page
    for name in ("anh/tuyen-truyen", "anh/hoc-sinh", "anh/anh-moi"):
        assert_shows_jpeg(web, page, name)


def test_an_image_beside_a_bundle_is_copied_where_it_is_in_content_never_above_it() -> None:
    # images/<slug>/ + '../../../../../../x.jpg' was a file written at the root of the disk.
    body = "Nội dung bài viết đủ dài để làm tóm tắt.\n\n![Ảnh](../../../../../../x.jpg)\n"
    post = "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\n" + body
    result = convert(post, path="a/b/c/d/e/f/index.md", files=frozenset({"content/x.jpg"}))
    assert result.copies == {"content/x.jpg": "x.jpg"}
    assert "![Ảnh](/x.jpg)" in (result.text or "")
    beside = convert(
        post.replace("../../../../../../x.jpg", "../chung/y.jpg"),
        path="posts/b/index.md",
        files=frozenset({"content/posts/chung/y.jpg"}),
    )
    assert beside.copies == {"content/posts/chung/y.jpg": "posts/chung/y.jpg"}


def test_no_imported_image_is_written_outside_content(tmp_path: Path) -> None:
    # From a bundle four folders deep, images/<slug>/../../../../x.jpg was tmp_path/x.jpg.
    post = (
        "---\ntitle: Bài sâu\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\n"
        "Nội dung bài viết đủ dài để làm tóm tắt.\n\n![Ảnh](../../../../x.jpg)\n"
    )
    site = hugo_site(tmp_path, {"content/a/b/c/d/index.md": post, "content/x.jpg": TINY_JPEG})
    root = sample_project(tmp_path)
    run(root, "import-hugo", str(site))
    assert (root / "content" / "x.jpg").read_bytes() == TINY_JPEG
    assert not (tmp_path / "x.jpg").exists()


def test_a_section_hidden_by_its_list_pages_cascade_is_imported_as_drafts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hugo hands cascade down to every post of the section: they never were on the old site.
    site = hugo_site(
        tmp_path,
        {
            "content/posts/_index.md": "---\ntitle: Tin\ncascade:\n  draft: true\n---\n",
            "content/noi-bo/_index.md": "---\ntitle: Nội bộ\ncascade:\n  - _build:\n"
            "      render: never\n---\n",
            "content/noi-bo/quy-che.md": "---\ntitle: Quy chế nội bộ\ndate: 2023-02-01\n"
            "categories: [an-ninh-trat-tu]\n---\nQuy chế này chỉ dành cho cán bộ trong đơn vị.\n",
        },
    )
    root = sample_project(tmp_path)
    run(root, "import-hugo", str(site), "--approved-by", "Thượng tá Nguyễn Văn Hùng")
    posts = root / "content" / "bai-viet"
    post = (posts / "2023-03-01-le-ra-quan.md").read_text(encoding="utf-8")
    assert "draft: true" in post and 'approved_by: ""' in post
    hidden = (posts / "2023-02-01-quy-che.md").read_text(encoding="utf-8")
    assert "draft: true" in hidden and 'approved_by: ""' in hidden
    assert "draft: true" in (posts / "2024-01-20-an-ninh-tet.md").read_text("utf-8")  # a bundle


def test_a_post_whose_only_paragraph_is_short_is_told_why_it_gives_no_summary() -> None:
    """A body of one short line ('Nội dung.') was reported as having no paragraph at all: the
    editor sees a paragraph and cannot tell what to change. The message names the length needed."""
    result = convert(
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\nNội dung.\n"
    )
    assert result.text is None
    (problem,) = [p for p in result.problems if p.field == "description"]
    assert "đủ dài (trên 20 ký tự)" in problem.message


def test_a_wordpress_post_without_description_takes_its_summary_from_the_first_html_paragraph() -> (
    None
):
    """Its text is HTML: it was refused as having no paragraph to make a summary of."""
    result = convert(
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\n"
        '<!-- wp:image -->\n<figure><img src="https://x.vn/a.jpg" alt=""/></figure>\n'
        "<!-- /wp:image -->\n\n<!-- wp:paragraph -->\n<p>Ngắn.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:paragraph -->\n<p class="has-text-align-justify">Nội dung <strong>chính'
        "</strong> của bài:&nbsp;&#8220;cảnh giác&#8221; &amp; báo<br>ngay cho\n\nCông an xã."
        "</p>\n<!-- /wp:paragraph -->\n"
    )
    assert result.text is not None, [p.message for p in result.problems]
    assert 'summary: "Nội dung chính của bài: “cảnh giác” & báo ngay cho Công an xã."' in (
        result.text
    )
    assert any("đoạn đầu" in p.message for p in result.problems)


def test_shortcodes_in_a_comment_the_website_hides_are_left_and_wordpress_block_comments_go() -> (
    None
):
    # check ignores a shortcode in such a comment; the import stopped on it with an error.
    post = (
        "---\ntitle: A\ndate: 2023-01-01\ndescription: Tóm tắt.\ncategories: [an-ninh-trat-tu]\n"
        "---\n<!-- wp:paragraph -->\n<p>Nội dung bài viết.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- {{< gallery dir="/anh-cu" >}} ghi chú của biên tập viên -->\n\n'
        '<!-- wp:image {"id":12} --><figure>Ảnh</figure><!-- /wp:image -->\n\n'
        "`<!-- wp:code -->` trong mã giữ nguyên. {{< youtube abc >}}\n"
    )
    result = convert(post)
    assert result.text is not None, [p.render() for p in result.problems]
    body = result.text.split("---\n", 2)[2]
    assert body == (
        "\n<p>Nội dung bài viết.</p>\n\n"
        '<!-- {{< gallery dir="/anh-cu" >}} ghi chú của biên tập viên -->\n\n'
        "<figure>Ảnh</figure>\n\n"
        "`<!-- wp:code -->` trong mã giữ nguyên. [Xem video](https://www.youtube.com/watch?v=abc)\n"
    )
    [note] = [p for p in result.problems if "WordPress" in p.message]
    assert note.severity == "note" and "bỏ 4 chú thích khối của WordPress" in note.message


def test_nothing_outside_the_hugo_site_is_read_or_copied_through_a_symlink(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # static -> a folder outside: `![x](/bi-mat.jpg)` copied a file from anywhere into content/.
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "bi-mat.jpg").write_bytes(TINY_JPEG)
    post = (
        "---\ntitle: Bài\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\n"
        "Nội dung bài viết đủ dài để làm tóm tắt.\n\n![Ảnh](/bi-mat.jpg)\n"
    )
    site = hugo_site(tmp_path, {"content/posts/bai.md": post})
    shutil.rmtree(site / "static")
    (site / "static").symlink_to(outside, target_is_directory=True)
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site)) == 1
    assert not (root / "content" / "bi-mat.jpg").exists()
    out = capsys.readouterr().out
    assert f"static: là liên kết tới {outside}, ngoài thư mục website Hugo" in out
    assert "không tìm thấy ảnh «/bi-mat.jpg»" in out
    # A linked file inside a real static/ is told, not followed.
    (site / "static").unlink()
    (site / "static").mkdir()
    (site / "static" / "bi-mat.jpg").symlink_to(outside / "bi-mat.jpg")
    assert run(root, "import-hugo", str(site), "--dry-run") == 1
    assert "static/bi-mat.jpg: là liên kết tới" in capsys.readouterr().out
    # content -> outside: nothing is imported, and the message says why.
    moved = tmp_path / "noi-dung"
    (site / "content").rename(moved)
    (site / "content").symlink_to(moved, target_is_directory=True)
    assert run(root, "import-hugo", str(site)) == 1
    captured = capsys.readouterr()
    assert f"content: là liên kết tới {moved}" in captured.out + captured.err
    assert not list((root / "content" / "bai-viet").glob("2023-01-01-bai.md"))


def test_only_image_files_are_copied_for_an_image(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = frozenset({"static/ghi-chu.md", "static/images/a.jpg"})
    head = "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\nNội dung bài viết đủ dài để làm tóm tắt.\n\n"
    result = convert(head + "![x](/ghi-chu.md)\n", files=files)
    assert result.text is None and result.copies == {}
    assert "«/ghi-chu.md» không phải tệp ảnh" in result.problems[-1].message
    # Named .jpg, but not an image by its first bytes: not copied either.
    site = hugo_site(
        tmp_path,
        {
            "content/posts/gia.md": head.replace("title: A", "title: Ảnh giả")
            + "![Ảnh](/images/gia.jpg)\n",
            "static/images/gia.jpg": "bí mật, không phải ảnh",
        },
    )
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site)) == 1
    out = capsys.readouterr().out
    assert (
        "content/posts/gia.md: lỗi: static/images/gia.jpg có tên tệp ảnh nhưng không phải ảnh"
        in out
    )
    assert not (root / "content" / "images" / "gia.jpg").exists()
    assert (root / "content" / "images" / "lua-dao.jpg").read_bytes() == TINY_JPEG


def test_a_bare_ref_becomes_a_link_named_by_its_targets_title_and_a_ref_in_a_link_a_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    linking = (
        "---\ntitle: Bài dẫn\ndate: 2023-06-01\ncategories: [an-ninh-trat-tu]\n"
        "description: Bài dẫn tới hai bài khác của website cũ.\n---\n\n"
        'Xem {{< ref "posts/le-ra-quan.md" >}} và {{< relref "khong-ten" >}}.\n\n'
        '[Bài trước]( {{< ref "le-ra-quan" >}} ) hay [đây][1].\n\n'
        '[1]: {{< relref "posts/le-ra-quan.md#ket-qua" >}}\n\n'
        '{{% notice %}}\nĐọc {{< ref "le-ra-quan" >}}\n{{% /notice %}}\n'
    )
    untitled = (
        "---\ndate: 2023-02-01\ncategories: [an-ninh-trat-tu]\n---\n\n"
        "Một bài không có tiêu đề nên không nhập được.\n"
    )
    site = hugo_site(
        tmp_path, {"content/posts/dan.md": linking, "content/posts/khong-ten.md": untitled}
    )
    root = sample_project(tmp_path)
    run(root, "import-hugo", str(site))
    capsys.readouterr()
    text = (root / "content/bai-viet/2023-06-01-dan.md").read_text(encoding="utf-8")
    new = "/bai-viet/2023-03-01-le-ra-quan.md"
    assert f"Xem [Lễ ra quân tấn công trấn áp tội phạm]({new}) và " in text
    assert "[2023-02-01-khong-ten.md](/bai-viet/2023-02-01-khong-ten.md)." in text
    assert f"[Bài trước]( {new} )" in text
    assert f"[1]: {new}#ket-qua" in text
    assert f"> **Lưu ý:** Đọc [Lễ ra quân tấn công trấn áp tội phạm]({new})" in text


def test_a_bare_refs_link_text_escapes_the_brackets_of_a_title() -> None:
    find = hugo.ref_targets({"posts/a.md": "bai-viet/a.md"}, {"posts/a.md": "Tin [mới] \\ A"})
    assert find("a", True) == "[Tin \\[mới\\] \\\\ A](/bai-viet/a.md)"
    assert find("a", False) == "/bai-viet/a.md"


def test_imported_bulletins_get_an_id_and_a_rerun_writes_the_same_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = hugo_site(tmp_path, {"content/lich-tiep-dan.md": PAGE})
    root = sample_project(tmp_path)
    posts = root / "content/bai-viet"
    own = set(posts.glob("*.md"))
    assert run(root, "import-hugo", str(site)) == 0
    imported = set(posts.glob("*.md")) - own
    first = {p.name: p.read_bytes() for p in imported}
    assert len(first) == 5
    for name, text in first.items():
        slug = name[len("2023-05-12-") : -len(".md")]
        assert re.search(rf'^id: "{slug}-[0-9a-f]{{6}}"$', text.decode(), re.M), name
    assert b"id:" not in (root / "content/pages/lich-tiep-dan.md").read_bytes()
    for path in imported:
        path.unlink()
    assert run(root, "import-hugo", str(site)) == 0
    assert {p.name: p.read_bytes() for p in imported} == first
    capsys.readouterr()
    assert run(root, "import-hugo", str(site)) == 0
    assert "2023-05-12-canh-bao-lua-dao.md đã có (giống hệt: đã nhập lần trước)" in (
        capsys.readouterr().out
    )


def test_posts_sharing_a_slug_get_different_ids() -> None:
    post = "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\nNội dung đủ dài để tóm tắt.\n"
    texts = [convert(post, path).text or "" for path in ("posts/a.md", "tin/a.md", "x/a/index.md")]
    ids = [re.search(r'^id: "(a-[0-9a-f]{6})"$', t, re.M) for t in texts]
    assert all(ids) and len({m[1] for m in ids if m}) == 3
    assert convert(post, "posts/a.md").text == texts[0]


def test_a_notice_inside_a_quote_or_next_to_text_is_written_as_an_editor_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A notice in a blockquote came out `> > **Lưu ý:** > Cẩn thận…` (a second marker, and the
    quote's own marker of its first line kept inside the text); one between two lines of text
    ran on into the text below it (no blank line)."""
    post = (
        "---\ntitle: Trích thông báo\ndate: 2023-06-01\ncategories: [an-ninh-trat-tu]\n"
        "description: Trích thông báo của Công an tỉnh.\n---\n\n"
        "> Trích thông báo:\n> {{< notice warning >}}\n> Cẩn thận lừa đảo.\n> Gọi 113.\n"
        "> {{< /notice >}}\n> Hết trích.\n\n"
        "Đoạn trên.\n{{% notice %}}\nKhông chuyển tiền.\n{{% /notice %}}\nĐoạn dưới.\n"
    )
    site = hugo_site(tmp_path, {"content/posts/trich.md": post})
    root = sample_project(tmp_path)
    run(root, "import-hugo", str(site))
    capsys.readouterr()
    text = (root / "content/bai-viet/2023-06-01-trich.md").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    assert body.strip() == (
        "> Trích thông báo:\n>\n> **Lưu ý:** Cẩn thận lừa đảo.\n> Gọi 113.\n>\n> Hết trích.\n\n"
        "Đoạn trên.\n\n> **Lưu ý:** Không chuyển tiền.\n\nĐoạn dưới."
    )


def pillow_image(form: str) -> bytes:
    """A real 4×4 image in `form` (BMP, PNG…), made by Pillow."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, form)
    return out.getvalue()


def test_an_image_is_copied_only_when_its_bytes_are_an_image(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«Only real images» was any image signature under any image name: a text file starting
    with "BM" (BMP's two letters) passed as a .jpg. A real BMP named .bmp is copied: the website
    reads it (Pillow) and serves JPEG variants of it, as of any image in content/; so is a PNG
    named .jpg, which the website reads by its bytes too."""
    head = (
        "---\ntitle: {}\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n---\n"
        "Nội dung bài viết đủ dài để làm tóm tắt.\n\n![Ảnh](/images/{})\n"
    )
    site = hugo_site(
        tmp_path,
        {
            "content/posts/bm.md": head.format("Bảng màu", "bm.jpg"),
            "static/images/bm.jpg": "BM 2023: bảng màu của đơn vị, không phải ảnh",
            "content/posts/png.md": head.format("Ảnh PNG", "png.jpg"),
            "static/images/png.jpg": pillow_image("PNG"),
            "content/posts/bmp.md": head.format("Ảnh BMP", "that.bmp"),
            "static/images/that.bmp": pillow_image("BMP"),
        },
    )
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site)) == 1
    out = capsys.readouterr().out
    assert (
        "content/posts/bm.md: lỗi: static/images/bm.jpg có tên tệp ảnh nhưng không phải ảnh "
        "(không phải ảnh JPEG như đuôi tệp nói): không chép" in out
    )
    assert "png.md: lỗi" not in out and "bmp.md: lỗi" not in out and "that.bmp" not in out
    assert (root / "content/images/that.bmp").read_bytes() == pillow_image("BMP")
    assert (root / "content/images/png.jpg").read_bytes() == pillow_image("PNG")
    assert not (root / "content/images/bm.jpg").exists()


@pytest.mark.parametrize("written", ["images/ảnh bìa.jpg", "images/bia).jpg"])
def test_a_cover_path_markdown_cannot_hold_is_an_error_naming_the_field(written: str) -> None:
    """A space in the cover's file name («ảnh bìa.jpg», as a phone names photos) was an internal
    error (TypeError) that stopped the whole import."""
    result = convert(
        "---\ntitle: A\ndate: 2023-01-01\ncategories: [an-ninh-trat-tu]\n"
        f'cover: "{written}"\n---\nNội dung bài viết dài đủ để làm tóm tắt.\n',
        files=frozenset({f"static/{written}"}),
    )
    assert result.text is None
    [problem] = [p for p in result.problems if p.severity == "error"]
    assert problem.field == "cover"
    assert f"không đọc được đường dẫn ảnh bìa «{written}»" in problem.message
    assert "Đổi tên tệp ảnh trong website Hugo" in (problem.hint or "")


SPACED_POST = """---
title: Ảnh có dấu cách
date: 2023-01-01
categories: [an-ninh-trat-tu]
cover: "images/ảnh%20bìa.jpg"
cover_alt: Ảnh bìa
---
Nội dung bài viết dài đủ để làm tóm tắt cho trang chủ.

![Ảnh](images/ảnh%20bìa.jpg)
"""


def test_an_image_path_written_with_a_percent_escaped_space_is_kept_as_written() -> None:
    """The cover stopped the import with an internal error (StopIteration) and the body's image
    was written «/images/ảnh bìa.jpg», which Markdown reads as no image at all."""
    result = convert(SPACED_POST, files=frozenset({"static/images/ảnh bìa.jpg"}))
    assert result.text is not None, [p.render() for p in result.problems]
    assert 'cover: "/images/ảnh%20bìa.jpg"' in result.text
    assert "![Ảnh](/images/ảnh%20bìa.jpg)" in result.text
    assert result.copies == {"static/images/ảnh bìa.jpg": "images/ảnh bìa.jpg"}
    bundled = convert(
        SPACED_POST.replace("images/ảnh%20", "ảnh%20"),
        path="posts/tet/index.md",
        files=frozenset({"content/posts/tet/ảnh bìa.jpg"}),
    )
    assert bundled.text is not None, [p.render() for p in bundled.problems]
    assert 'cover: "images/tet/ảnh%20bìa.jpg"' in bundled.text
    assert "![Ảnh](images/tet/ảnh%20bìa.jpg)" in bundled.text
    assert bundled.copies == {"content/posts/tet/ảnh bìa.jpg": "images/tet/ảnh bìa.jpg"}


def test_an_imported_image_with_a_percent_escaped_space_is_found_by_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = hugo_site(
        tmp_path,
        {"content/posts/anh.md": SPACED_POST, "static/images/ảnh bìa.jpg": TINY_JPEG},
    )
    root = sample_project(tmp_path)
    assert run(root, "import-hugo", str(site)) == 0
    out = capsys.readouterr().out
    assert "Không có lỗi" in out, out
    assert (root / "content/images/ảnh bìa.jpg").read_bytes() == TINY_JPEG


@pytest.mark.parametrize("linked", ["bai-viet", "images"])
def test_nothing_is_written_through_a_folder_of_the_project_that_is_a_symlink(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], linked: str
) -> None:
    # content/bai-viet (or content/images) committed as a link out of the project: the import
    # wrote the posts (or images) there, outside the project, where nothing reads them.
    site = hugo_site(tmp_path)
    root = sample_project(tmp_path)
    outside = tmp_path / "ngoai"
    outside.mkdir()
    shutil.rmtree(root / "content" / linked, ignore_errors=True)
    (root / "content" / linked).symlink_to(outside, target_is_directory=True)
    before = sorted(str(p) for p in (root / "content").rglob("*"))

    assert run(root, "import-hugo", str(site)) == 1

    captured = capsys.readouterr()
    assert f"content/{linked} là liên kết (symlink)" in captured.err
    assert "Traceback" not in captured.err
    assert list(outside.iterdir()) == []
    assert sorted(str(p) for p in (root / "content").rglob("*")) == before
