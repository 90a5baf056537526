"""Posts copied from a Hugo or WordPress site: what this tool cannot read is an error saying
what to write instead, never literal `{{< figure >}}` on the website, in Zalo or on air."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import RADIO_FLAG, ContentError
from publish.pipeline import build
from publish.radio.normalise import normalise
from tests.helpers import NOW, TINY_JPEG, bulletin_md, make_project


def problems(root: Path) -> list:
    """The problems a load of the project raises."""
    with pytest.raises(ContentError) as info:
        load_site(config_module.load(root), now=NOW)
    return list(info.value.problems)


@pytest.mark.parametrize(
    ("body", "shown", "fix"),
    [
        (
            '{{< figure src="images/a.jpg" caption="Hiện trường" alt="Xe máy" >}}',
            '{{< figure src="images/a.jpg"',
            '![Xe máy](images/a.jpg "Hiện trường")',
        ),
        (
            "{{< youtube dQw4w9WgXcQ >}}",
            "{{< youtube dQw4w9WgXcQ >}}",
            "[Xem video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
        ),
        (
            'Xem [bài trước]({{< ref "posts/2020-12-08-b.md" >}}).',
            '{{< ref "posts/2020-12-08-b.md" >}}',
            "[Xem bài trước](2020-12-08-b.md)",
        ),
        (
            "{{% notice warning %}}\nKhông chuyển tiền.\n{{% /notice %}}",
            "{{% notice warning %}}",
            "> **Lưu ý:**",
        ),
        (
            '[caption id="attachment_1" align="aligncenter"]<img src="/images/a.jpg" alt="Lễ" />'
            " Lễ ra quân[/caption]",
            '[caption id="attachment_1" align="aligncenter"]',
            '![Lễ](/images/a.jpg "Lễ ra quân")',
        ),
        ('{{< param "contact.hotline" >}}', "{{< param", "Viết thẳng nội dung"),
    ],
)
def test_a_shortcode_left_in_a_body_is_an_error_with_its_line_and_what_to_write(
    tmp_path: Path, body: str, shown: str, fix: str
) -> None:
    text = bulletin_md(body=f"Đoạn đầu.\n\n{body}\n")
    root = make_project(tmp_path, {"content/a.md": text, "content/images/a.jpg": TINY_JPEG})
    [problem] = problems(root)
    assert (problem.severity, problem.file, problem.line) == ("error", "content/a.md", 11)
    assert f"mã ngắn (shortcode) «{shown}" in problem.message
    assert "website và Zalo sẽ hiện nguyên dòng chữ này" in problem.message
    assert fix in (problem.hint or "")


def test_a_shortcode_in_a_page_is_an_error_too(tmp_path: Path) -> None:
    page = "---\ntitle: Liên hệ\n---\n\nGọi {{< param hotline >}}.\n"
    root = make_project(tmp_path, {"content/pages/lien-he.md": page})
    [problem] = problems(root)
    assert (problem.file, problem.line) == ("content/pages/lien-he.md", 5)


def test_shortcodes_in_code_and_bracketed_words_are_text(tmp_path: Path) -> None:
    body = (
        "[Video] Lễ ra quân, [video] và [ảnh] trong tiêu đề là chữ.\n\n"
        "Mã `{{< figure >}}` trong dấu huyền.\n\n```\n{{< youtube abc >}}\n```\n"
    )
    files: dict[str, str | bytes] = {
        "content/a.md": bulletin_md(COVERED, body),
        "content/images/a.jpg": TINY_JPEG,
    }
    root = make_project(tmp_path, files)
    site = load_site(config_module.load(root), now=NOW)
    assert len(site.bulletins) == 1 and not site.warnings


FIGURE = '{{< figure src="images/a.jpg" caption="Hiện trường" >}}'


COVERED = {"cover": "images/a.jpg", "cover_alt": "Hiện trường", "channels": "[web, zalo, radio]"}


def shown(root: Path) -> str:
    """Every website, Zalo and radio file built for the project, as one text."""
    result = build(config_module.load(root), channels=("web", "zalo", "radio"), now=NOW)
    return "\n".join(a.data.decode("utf-8", "replace") for a in result.artifacts)


@pytest.mark.parametrize(
    "body",
    [
        f"Đoạn đầu.\n\n<!-- {FIGURE} -->\n",
        f"Đoạn <!-- {FIGURE} --> tiếp.\n",
        f"Đoạn đầu.\n<!-- wp:image\n{FIGURE}\n-->\n",
        f"Đoạn đầu.\n\n  <!--\nẢnh cũ:\n\n{FIGURE}\n\n-->\n\nĐoạn cuối.\n",
        f"- mục một\n\n  <!-- {FIGURE}\n\n  còn ghi chú -->\n",
    ],
    ids=["own-line", "inline", "multi-line", "across-blank-lines", "in-a-list"],
)
def test_a_shortcode_in_an_html_comment_is_not_reported_and_never_shown(
    tmp_path: Path, body: str
) -> None:
    """A comment is shown nowhere, so the shortcode in it cannot show either."""
    files: dict[str, str | bytes] = {
        "content/a.md": bulletin_md(COVERED, body),
        "content/images/a.jpg": TINY_JPEG,
    }
    root = make_project(tmp_path, files)
    site = load_site(config_module.load(root), now=NOW)
    assert len(site.bulletins) == 1
    assert "figure src" not in shown(root)


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (f"Đoạn <!-- ghi chú\n\n{FIGURE} -->\n", 14),
        (f"Đoạn <!-- ghi chú\n# Tiêu đề\n{FIGURE} -->\n", 14),
        (f"Đoạn đầu.\n\n<!-- chưa đóng\n{FIGURE}\n", 15),
        (f"> Trích <!-- ghi chú\n>\n> {FIGURE} -->\n", 14),
        (f"Đoạn đầu.\n\n<!-- wp:image -->{FIGURE}<!-- /wp:image -->\n", 14),
    ],
    ids=["blank-line-first", "heading-first", "never-closed", "quote-ends-first", "between"],
)
def test_a_shortcode_after_text_that_only_looks_like_a_comment_is_still_an_error(
    tmp_path: Path, body: str, line: int
) -> None:
    """The website shows `<!-- …` as text when its paragraph ends before `-->`."""
    files: dict[str, str | bytes] = {
        "content/a.md": bulletin_md(COVERED, body),
        "content/images/a.jpg": TINY_JPEG,
    }
    root = make_project(tmp_path, files)
    [problem] = problems(root)
    assert problem.line == line and "mã ngắn (shortcode) «{{< figure" in problem.message
    (root / "content/a.md").write_text(bulletin_md(COVERED, body.replace("{{<", "{{")), "utf-8")
    assert "figure src" in shown(root)  # what the error guards against


def test_a_comment_running_across_a_blank_line_is_read_nowhere_and_keeps_nothing_off_the_air(
    tmp_path: Path,
) -> None:
    """WordPress exports and editors' notes: the website hides the whole comment, so the radio
    drops it too, and does not read out its «-->» or hold the bulletin for it."""
    body = "Đoạn đầu.\n\n<!--\nghi chú\n\nghi chú 2\n-->\n\nĐoạn cuối.\n"
    files: dict[str, str | bytes] = {
        "content/a.md": bulletin_md(COVERED, body),
        "content/images/a.jpg": TINY_JPEG,
    }
    root = make_project(tmp_path, files)
    result = build(config_module.load(root), channels=("radio",), now=NOW)
    radio = [a.data.decode() for a in result.artifacts if a.path.endswith("script.txt")]
    assert not [w for w in result.warnings if w.code == RADIO_FLAG]
    assert any("Đoạn cuối" in text for text in radio)
    assert not any("ghi chú" in text or "-->" in text for text in radio)


@pytest.mark.parametrize(
    ("body", "read"),
    [
        ("A.\n\n<!--\nx\n\ny\n-->\n\nB.\n\nMã QWZX.", "A.\n\nB.\n\nMã QWZX."),
        ("A.\n\n   <!-- x\n\ny --> B.\n\nC.\n\nMã QWZX.", "A.\n\nB.\n\nC.\n\nMã QWZX."),
        ("A.\n\n```\n<!--\n```\n\nB.\n\n-->\n\nMã QWZX.", None),
        ("A <!-- x\n\ny --> B.\n\nC.\n\nMã QWZX.", None),
    ],
    ids=["own-lines", "then-text", "opened-in-code", "after-text"],
)
def test_the_radio_drops_exactly_the_comments_the_website_hides_keeping_line_numbers(
    body: str, read: str | None
) -> None:
    """Only the comments Python-Markdown hides: `<!--` in code or after text across a blank
    line is shown by the website, so it stays in the script, to be fixed."""
    spoken = normalise(body)
    if read is not None:
        assert spoken.text == read
    else:
        assert "-->" in spoken.text  # shown on the website as well
    [flag] = [f for f in spoken.flags if f.code == "R14.6"]
    assert flag.line == body.count("\n") + 1


def test_a_shortcode_is_one_error_not_also_radio_warnings_about_its_fragments(
    tmp_path: Path,
) -> None:
    """The load's error says what to write; `{{<`, `src="/images`… flagged again by the radio
    check, 3 to 8 warnings a shortcode, buried it. Text between a pair's tags is still read."""
    body = (
        "Đoạn đầu.\n\n"
        '{{< figure src="/images/a.jpg" caption="Hiện trường" >}}\n\n'
        '[caption id="attachment_1" align="aligncenter"]<img src="/images/a.jpg" alt="Lễ" />'
        " Lễ ra quân[/caption]\n\n"
        "{{% notice warning %}}\nKhông chuyển tiền cho QWZX.\n{{% /notice %}}\n\n"
        'Xem [bài trước]({{< ref "posts/b.md" >}}) rồi gọi 113.\n'
    )
    files: dict[str, str | bytes] = {
        "content/a.md": bulletin_md(COVERED, body),
        "content/images/a.jpg": TINY_JPEG,
    }
    root = make_project(tmp_path, files)
    config = config_module.load(root)
    found = build(config, channels=("web", "zalo", "radio"), now=NOW, keep_going=True).warnings
    assert sorted((p.severity, p.line) for p in found if "mã ngắn" in p.message) == [
        ("error", 14),
        ("error", 16),
        ("error", 18),
        ("error", 22),
    ]
    [radio] = [p for p in found if p.code == RADIO_FLAG]
    assert radio.line == 19 and "«QWZX»" in radio.message  # the notice's own text


def test_toml_front_matter_is_named_with_how_to_convert_it(tmp_path: Path) -> None:
    text = '+++\ntitle = "Cảnh báo"\ndate = 2020-12-08\n+++\n\nNội dung.\n'
    [problem] = problems(make_project(tmp_path, {"content/a.md": text}))
    assert problem.line == 1 and "kiểu TOML của Hugo" in problem.message
    assert "Đổi hai dòng '+++' thành '---'" in (problem.hint or "")


def test_toml_lines_between_yaml_markers_are_named_with_their_line(tmp_path: Path) -> None:
    text = '---\ntitle = "Cảnh báo"\ndate = 2020-12-08\n---\n\nNội dung.\n'
    [problem] = problems(make_project(tmp_path, {"content/a.md": text}))
    assert problem.line == 2 and "'khóa = giá trị'" in problem.message
    assert "thành 'khóa: giá trị'" in (problem.hint or "")


@pytest.mark.parametrize(
    ("lines", "field", "line", "fix"),
    [
        ('categories: ["canh-bao-toi-pham"]', "categories", 5, "category: canh-bao-toi-pham"),
        (
            "categories:\n  - Tình hình an ninh trật tự",
            "categories",
            5,
            "category: an-ninh-trat-tu",
        ),
        ("category: [canh-bao-toi-pham]", "category", 5, "category: canh-bao-toi-pham"),
        ("categories: [canh-bao-toi-pham, an-ninh-trat-tu]", "categories", 5, "chọn một trong"),
    ],
)
def test_a_hugo_categories_list_says_to_write_one_category(
    tmp_path: Path, lines: str, field: str, line: int, fix: str
) -> None:
    text = bulletin_md(drop=["category"]).replace("approved_by:", lines + "\napproved_by:")
    [problem] = problems(make_project(tmp_path, {"content/a.md": text}))
    assert (problem.field, problem.line) == (field, line)
    assert "[" not in problem.message  # no Python list in a message
    assert fix in (problem.hint or "")


@pytest.mark.parametrize(
    ("key", "fix"),
    [
        ("description", "Đổi 'description:' thành 'summary:'"),
        ("featured_image", "Đổi 'featured_image:' thành 'cover:'"),
        ("images", "Đổi 'images:' thành 'cover:'"),
        ("redirect_from", "ghi ở 'aliases'"),
        ("lastmod", "không đọc ngày sửa bài"),
    ],
)
def test_a_hugo_field_read_nowhere_is_a_warning_naming_ours(
    tmp_path: Path, key: str, fix: str
) -> None:
    """Unread, `description` left the summary, `featured_image` the cover and `redirect_from` the
    old addresses silently behind."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({key: '"x"'})})
    site = load_site(config_module.load(root), now=NOW)
    [warning] = site.warnings
    assert (warning.severity, warning.field, warning.line) == ("warning", key, 7)
    assert "không được công cụ này đọc" in warning.message
    assert fix in (warning.hint or "")


def test_a_missing_image_says_where_its_path_points(tmp_path: Path) -> None:
    """A WordPress path `/uploads/2023/05/a.jpg` is content/uploads/2023/05/a.jpg: the hint
    said "đặt ảnh vào content/images/", where the path would still not find it."""
    body = "Nội dung.\n\n![Hiện trường](/uploads/2023/05/hien-truong.jpg)\n"
    root = make_project(tmp_path, {"content/a.md": bulletin_md(body=body)})
    [problem] = problems(root)
    assert "không tìm thấy ảnh «/uploads/2023/05/hien-truong.jpg»" in problem.message
    assert "chỉ tới tệp content/uploads/2023/05/hien-truong.jpg" in (problem.hint or "")


def test_categories_left_beside_category_is_a_warning(tmp_path: Path) -> None:
    """Hugo's list kept under a written 'category:' went to `extra` unsaid ('categories' is too
    far from 'category' to be taken for a misspelling)."""
    text = bulletin_md().replace("---\n", "---\ncategories: [an-ninh-trat-tu, lua-dao]\n", 1)
    root = make_project(tmp_path, {"content/a.md": text})
    [warning] = load_site(config_module.load(root), now=NOW).warnings
    assert (warning.severity, warning.field) == ("warning", "categories")
    assert "chuyên mục của bản tin là trường 'category'" in warning.message
    assert "Xóa dòng 'categories:'" in (warning.hint or "")
