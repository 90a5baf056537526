"""An image written reference-style (`![Ảnh hiện trường][h]` with `[h]: images/a.jpg`, or the
`![h]` and `![h][]` forms) is shown by the website like an inline one: its file is checked the
same way, told at the line of its definition (where the path is written), and resized."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError, Problem
from publish.markdown_images import referenced, undefined
from publish.render.web.markdown import MarkdownRenderer
from tests.helpers import NOW, TINY_JPEG, bulletin_md, make_project, with_oa
from tests.test_html_images import COVER, PAGE, images_of, jpeg, run

USES = ["![Ảnh hiện trường][h]", "![h]", "![h][]", "![Ảnh hiện trường] [H]"]


def errors_of(tmp_path: Path, body: str, images: dict[str, bytes]) -> list[Problem]:
    """The errors of loading one bulletin a.md with `body` and `images` in content/images/."""
    files: dict[str, str | bytes] = {f"content/images/{n}": data for n, data in images.items()}
    root = make_project(tmp_path, {**files, "content/bai-viet/a.md": bulletin_md(body=body)})
    with pytest.raises(ContentError) as raised:
        load_site(config_module.load(root), now=NOW)
    return [p for p in raised.value.problems if p.severity == "error"]


@pytest.mark.parametrize("use", USES)
def test_a_missing_referenced_image_is_told_at_its_definition(tmp_path: Path, use: str) -> None:
    """`publish check` said «Không có lỗi» while the website showed a broken image."""
    body = f"Đoạn đầu.\n\n{use}\n\nĐoạn sau.\n\n[h]: images/khong-co.jpg\n"
    [error] = errors_of(tmp_path, body, {"khong_co.jpg": TINY_JPEG})
    assert error.message == "không tìm thấy ảnh «images/khong-co.jpg»"
    assert error.line == 15  # the definition's line: the path an editor fixes
    assert error.hint is not None and error.hint.startswith(
        "Có phải ý bạn là «images/khong_co.jpg»?"
    )


def test_an_image_used_twice_through_one_definition_is_told_once(tmp_path: Path) -> None:
    body = "![Ảnh][h]\n\nGiữa.\n\n![Ảnh][h]\n\n[h]: images/khong-co.jpg\n"
    [error] = errors_of(tmp_path, body, {})
    assert error.line == 15


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("images\\anh.jpg", "đường dẫn ảnh «images\\anh.jpg» dùng dấu \\ của Windows"),
        ("../../ngoai.jpg", "ảnh «../../ngoai.jpg» nằm ngoài thư mục content/"),
    ],
)
def test_a_referenced_image_gets_the_checks_of_an_inline_one(
    tmp_path: Path, written: str, message: str
) -> None:
    body = f"![Ảnh hiện trường][h]\n\n[h]: {written}\n"
    [error] = errors_of(tmp_path, body, {"anh.jpg": TINY_JPEG})
    assert (error.message, error.line) == (message, 11)


def test_definitions_and_uses_written_as_code_are_not_looked_for(tmp_path: Path) -> None:
    body = "Đoạn đầu.\n\n```\n![Ảnh][h]\n\n[h]: images/khong-co.jpg\n```\n\n`![h]`\n\n    [h]: images/x.jpg\n"
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md(body=body)})
    [bulletin] = load_site(config_module.load(root), now=NOW).bulletins
    assert bulletin.images == ()


def test_an_undefined_reference_is_text_not_an_image(tmp_path: Path) -> None:
    body = "Xem ![Ảnh][khac] và ![h].\n\n[h2]: images/khong-co.jpg\n"
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md(body=body)})
    assert load_site(config_module.load(root), now=NOW).bulletins


def test_a_found_referenced_image_is_resized_and_sent_but_not_fingerprinted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Resized and sent to Zalo as an inline image is; not among `images` (approvals taken
    before its file was counted stay valid: test_approval)."""
    body = '![Ảnh hiện trường][h]\n\n[h]: images/anh.jpg "Chú thích"\n'
    files: dict[str, str | bytes] = {
        "content/images/bia.jpg": jpeg(),
        "content/images/anh.jpg": jpeg(1200, 800),
        "content/bai-viet/a.md": bulletin_md(COVER, body),
    }
    root = with_oa(make_project(tmp_path, files))
    [bulletin] = load_site(config_module.load(root), now=NOW).bulletins
    assert bulletin.images == ()
    assert run(capsys, "build", "--root", str(root), "-q") == (0, "")
    page = (root / PAGE).read_text(encoding="utf-8")
    [image] = images_of(page)
    assert image["alt"] == "Ảnh hiện trường"
    assert re.fullmatch(r"/anh/anh-960\.[0-9a-f]{8}\.jpg", image["src"])
    assert "960w" in image["srcset"]
    assert (root / "output/web" / image["src"].lstrip("/")).is_file()
    assert "<figcaption>Chú thích</figcaption>" in page
    payload = json.loads((root / "output/zalo/a.json").read_text(encoding="utf-8"))
    [block] = [block for block in payload["body"] if block["type"] == "image"]
    assert block["url"] == "https://congan-chauthanh.example.vn" + image["src"]


def test_every_unreadable_image_is_told_in_one_pass_at_its_line_whatever_its_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A corrupt photo written reference-style, or with a space in its name, passed publish
    check and stopped the build with no line; an inline or raw HTML one was told at its line."""
    body = (
        "![Ảnh một](images/mot.jpg)\n\n"  # line 11
        "![Ảnh hai](images/Ảnh hai.jpg)\n\n"
        "![Ảnh ba][ba]\n\n"
        '<img src="images/bon.jpg" alt="Ảnh bốn">\n\n'
        "[ba]: images/ba.jpg\n"  # line 19
    )
    files: dict[str, str | bytes] = {
        "content/images/bia.jpg": jpeg(),
        "content/bai-viet/a.md": bulletin_md(COVER, body),
    }
    for name in ("mot", "Ảnh hai", "ba", "bon"):
        files[f"content/images/{name}.jpg"] = "không phải ảnh"
    root = make_project(tmp_path, files)
    for command in ("check", "build"):
        code, err = run(capsys, command, "--root", str(root))
        told = re.findall(r"a\.md:(\d+): lỗi: không đọc được ảnh content/images/(.+?):", err)
        assert (code, sorted(told)) == (
            1,
            [("11", "mot.jpg"), ("13", "Ảnh hai.jpg"), ("17", "bon.jpg"), ("19", "ba.jpg")],
        ), err
    assert not (root / "output").exists()


def problems_of(tmp_path: Path, body: str, images: dict[str, bytes]) -> list[Problem]:
    """Every problem of loading one bulletin a.md with `body` (errors or not)."""
    files: dict[str, str | bytes] = {f"content/images/{n}": data for n, data in images.items()}
    root = make_project(tmp_path, {**files, "content/bai-viet/a.md": bulletin_md(body=body)})
    try:
        site = load_site(config_module.load(root), now=NOW)
    except ContentError as raised:
        return [p for p in raised.problems if p.file.endswith("a.md")]
    return [p for p in site.warnings if p.file.endswith("a.md")]


@pytest.mark.parametrize(("use", "key"), [("![][h]", "h"), ("![][H]", "H"), ("![h][]", None)])
def test_a_referenced_image_without_alt_text_is_told_where_it_is_used(
    tmp_path: Path, use: str, key: str | None
) -> None:
    """Told at the definition's line, with the inline form's hint: the editor looked for the
    alt text on a line that has none."""
    body = f"Đoạn đầu.\n\n{use}\n\n[h]: images/anh.jpg\n"
    problems = problems_of(tmp_path, body, {"anh.jpg": TINY_JPEG})
    if key is None:  # `![h][]`: "h" is its alt text
        assert [p for p in problems if "alt" in p.message] == []
        return
    [error] = problems
    assert (error.message, error.line) == ("ảnh thiếu mô tả (alt)", 11)
    assert error.hint is not None and error.hint.endswith(f"![Mô tả ảnh][{key}].")


def test_a_definition_s_escaped_path_is_told_as_python_markdown_reads_it(tmp_path: Path) -> None:
    """In a definition the backslash stays in the name (the website showed no picture, as it
    does for `anh\\_1.jpg`), where an inline image's is an escape."""
    body = "![Ảnh một](images/anh\\_1.jpg)\n\n![Ảnh hai][h]\n\n[h]: images/anh\\_1.jpg\n"
    [error] = errors_of(tmp_path, body, {"anh_1.jpg": TINY_JPEG})
    assert error.line == 13
    assert error.message == (
        "không tìm thấy ảnh «images/anh\\_1.jpg»: trong dòng [h]: …, dấu \\ là một phần của tên "
        "tệp, không phải dấu thoát"
    )
    assert error.hint == "Bỏ dấu \\, ghi «[h]: images/anh_1.jpg»."


def test_a_definition_s_path_naming_a_file_with_a_backslash_is_that_file(tmp_path: Path) -> None:
    body = "![Ảnh hai][h]\n\n[h]: images/anh\\_1.jpg\n"
    files = {"anh\\_1.jpg": TINY_JPEG, "anh_1.jpg": TINY_JPEG}
    assert problems_of(tmp_path, body, files) == []


def test_an_undefined_reference_falling_back_to_its_alt_is_checked_and_warned_of(
    tmp_path: Path,
) -> None:
    """`![h][khac]` with only `[h]: …` shows the image of `[h]` then «[khac]» as text."""
    body = "Đoạn đầu.\n\n![h][khac]\n\n[h]: images/khong-co.jpg\n"
    error, warning = sorted(problems_of(tmp_path, body, {}), key=lambda p: p.severity)
    assert (error.message, error.line) == ("không tìm thấy ảnh «images/khong-co.jpg»", 13)
    assert (warning.severity, warning.line) == ("warning", 11)
    assert warning.message == (
        "ảnh «![h][khac]» dùng tên [khac] nhưng bài không có dòng «[khac]: …»: website hiện "
        "ảnh [h] kèm dòng chữ «[khac]»"
    )


@pytest.mark.parametrize("use", ["![Ảnh][khac]", "![Ảnh][]", "![Ảnh] [ h ]"])
def test_an_undefined_reference_shown_as_text_is_warned_of_at_its_line(
    tmp_path: Path, use: str
) -> None:
    """The page showed «![Ảnh][khac]» as text and publish check said nothing."""
    body = f"Đoạn đầu.\n\nXem {use} nhé.\n\n`![a][b]`\n\n[h]: images/anh.jpg\n"
    [warning] = problems_of(tmp_path, body, {"anh.jpg": TINY_JPEG})
    assert (warning.severity, warning.line) == ("warning", 11)
    assert warning.message.startswith(f"ảnh «{use}» dùng tên [")
    assert warning.message.endswith("website hiện nguyên văn những chữ này thay cho ảnh")
    assert warning.hint is not None and "Thêm dòng «[" in warning.hint


@pytest.mark.parametrize(
    "use",
    [
        "![Ảnh][h]",
        "![h]",
        "![h][]",
        "![][H]",
        "![Ảnh] [H]",
        "![h][khac]",
        "![Ảnh][khac]",
        "![Ảnh][]",
        "![Ảnh] [ h ]",
    ],
)
def test_the_checks_read_a_reference_as_the_website_renders_it(use: str) -> None:
    """An image is checked when the page shows one, a warning given when it shows text."""
    body = f"Xem {use} nhé.\n\n[h]: images/anh.jpg\n"
    html = MarkdownRenderer().convert(body, lookup=lambda src: None)
    assert html.count("<img") == len(list(referenced(body)))
    assert ("[" in html) == any(undefined(body))
