"""Loading content: normalisation, dates, channels, and every validation error with file, line, field."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.content_images import resolve_content_path
from publish.errors import ContentError
from publish.fields import DATE_HINT, parse_datetime
from publish.model import Bulletin, Site
from publish.pipeline import build
from tests.helpers import FIXTURES, NOW, SITE_TOML, TINY_JPEG, bulletin_md, hint_of, make_project

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
INVALID = FIXTURES / "invalid"
A = "content/bai-viet/a.md"
B = "content/bai-viet/b.md"

# fixture folder → every error it must produce: (file, line, field, text in the message).
# `line` None means the line is not known.
EXPECTED: dict[str, list[tuple[str, int | None, str | None, str]]] = {
    "invalid-yaml": [(A, 2, None, "phần đầu sai cú pháp: có dấu ':' ở chỗ không được phép")],
    "no-front-matter": [(A, 1, None, "không tìm thấy phần đầu")],
    "unclosed-front-matter": [(A, 1, None, "không có dòng '---' đóng lại")],
    "missing-title": [(A, 2, "title", "thiếu trường bắt buộc")],
    "missing-date": [(A, 2, "date", "thiếu trường bắt buộc")],
    "missing-category": [(A, 2, "category", "thiếu trường bắt buộc")],
    "missing-summary": [(A, 2, "summary", "thiếu trường bắt buộc")],
    "empty-title": [(A, 2, "title", "trường bắt buộc để trống")],
    "blank-summary": [(A, 5, "summary", "trường bắt buộc để trống")],
    "wrong-type-title": [(A, 2, "title", "cần một chuỗi ký tự, nhận được một danh sách")],
    "wrong-type-draft": [(A, 7, "draft", "cần true hoặc false, nhận được một chuỗi ký tự")],
    "wrong-type-tags": [(A, 7, "tags", "cần một danh sách chuỗi")],
    "unparseable-date": [(A, 3, "date", "không đọc được ngày giờ «ngày 8 tháng 12»")],
    "impossible-date": [(A, 3, "date", "không đọc được ngày giờ «2020-02-30»")],
    "year-out-of-range": [(A, 3, "date", "năm 9999 nằm ngoài khoảng 1900–2100")],
    "expires-before-date": [(A, 7, "expires", "hết hạn phải sau ngày đăng")],
    "unknown-category": [(A, 4, "category", "chuyên mục không tồn tại: «canh-bao-toi-pam»")],
    "duplicate-slug": [
        (
            "content/bai-viet/2021-01-05-b.md",
            7,
            "slug",
            "địa chỉ bài (slug) «lua-dao-qua-mang» trùng với content/bai-viet/2020-12-08-a.md:7",
        )
    ],
    "duplicate-id": [(B, 7, "id", f"id «ct-2020-12-lua-dao» trùng với {A}:7")],
    "bad-id": [(A, 7, "id", "id «CT 2020/12» chỉ được gồm chữ thường a-z")],
    "missing-cover": [(A, 7, "cover", "không tìm thấy ảnh «images/khong-co.jpg»")],
    "cover-without-alt": [(A, 7, "cover_alt", "ảnh bìa cần mô tả")],
    "missing-body-image": [(A, 11, None, "không tìm thấy ảnh «images/khong-co.jpg»")],
    "image-without-alt": [(A, 11, None, "ảnh «images/anh.jpg» thiếu mô tả (alt)")],
    "html-image-without-alt": [(A, 11, None, "thẻ <img> thiếu mô tả (alt)")],
    "path-traversal-image": [(A, 11, None, "ảnh «../../etc/passwd» nằm ngoài thư mục content/")],
    "path-traversal-cover": [(A, 7, "cover", "nằm ngoài thư mục content/")],
    "non-local-image-scheme": [
        (A, 11, None, "ảnh «file:///etc/passwd» là một tệp trên máy tính này")
    ],
    "non-utf8": [(A, 2, None, "tệp không phải UTF-8")],
    "empty-body": [(A, 8, None, "nội dung bản tin trống")],
    "bad-slug": [(A, 7, "slug", "địa chỉ bài (slug) «Đường_dây nóng» chỉ được gồm chữ thường a-z")],
    "title-too-long": [(A, 2, "title", "website nhận tối đa 200, Zalo OA tối đa 149")],
    "summary-too-long": [(A, 5, "summary", "website nhận tối đa 600, Zalo OA tối đa 299")],
    "bad-channels": [(A, 7, "channels", "kênh không tồn tại: «facebook»")],
    "bad-channel-block": [(A, 7, "radio", "cần một bảng các thiết lập cho kênh radio")],
    "page-missing-title": [("content/pages/gioi-thieu.md", 2, "title", "thiếu trường bắt buộc")],
    "two-broken-files": [
        (A, 2, "title", "thiếu trường bắt buộc"),
        (B, 3, "date", "không đọc được ngày giờ «mai»"),
    ],
}

EXTRA_HINTS = {
    "unknown-category": "Có phải ý bạn là «canh-bao-toi-pham»?",
    "bad-slug": "slug: duong-day-nong",
    "unparseable-date": "2020-12-08 08:00",
    "non-utf8": "UTF-8",
    # The tag the editor wrote, with its alt added: «Dùng cú pháp Markdown» alone sent them away
    # from the <img> the README allows.
    "html-image-without-alt": '<img src="images/anh.jpg" alt="Tả điều ảnh cho thấy">',
}


def load(root: Path, *, now: dt.datetime = NOW, drafts: bool = False) -> Site:
    """Load a project's site at a fixed clock."""
    return load_site(config_module.load(root), now=now, drafts=drafts)


def load_one(
    tmp_path: Path,
    text: str | bytes,
    name: str = "a.md",
    files: Mapping[str, str | bytes] | None = None,
) -> Bulletin:
    """Load a project with one bulletin (and `files`); return that bulletin (it must be
    publishable)."""
    root = make_project(tmp_path, {f"content/bai-viet/{name}": text, **(files or {})})
    [bulletin] = load(root).bulletins
    return bulletin


def test_every_invalid_fixture_has_expectations() -> None:
    assert sorted(p.name for p in INVALID.iterdir() if p.is_dir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_fixture_reports_file_line_field_in_vietnamese(name: str, tmp_path: Path) -> None:
    root = tmp_path / name
    shutil.copytree(INVALID / name, root)  # loading keeps a cache in .cache/: not in tests/
    with pytest.raises(ContentError) as info:
        load(root)
    errors = [p for p in info.value.problems if p.severity == "error"]
    found = [(p.file, p.line, p.field) for p in errors]
    assert found == [(f, line, field) for f, line, field, _ in EXPECTED[name]]
    message = str(info.value)
    for (file, line, field, text), problem in zip(EXPECTED[name], errors, strict=True):
        assert text in problem.message
        assert problem.hint, "every problem says how to fix it"
        where = file if line is None else f"{file}:{line}"
        if problem.column is not None:
            where += f", cột {problem.column}"
        rendered = problem.render()
        assert rendered.startswith(f"{where}: lỗi")
        if field:
            assert f"trường '{field}'" in rendered
        assert rendered in message
    assert f"Tìm thấy {len(errors)} lỗi" in message
    assert unicodedata.is_normalized("NFC", message)
    if name in EXTRA_HINTS:
        assert EXTRA_HINTS[name] in message


YAML_ENGLISH = re.compile(r"\b(mapping|scanning|parsing|expected|found|token|scalar|stream)\b")
"""Words of PyYAML's own messages, which an editor must not be left to decode."""


@pytest.mark.parametrize(
    ("written", "line", "column", "message"),
    [
        ('title: "Cảnh báo lừa đảo', 2, 8, 'dấu ngoặc kép (") mở ở đây chưa được đóng'),
        ("title: Cảnh báo: lừa đảo", 2, 16, "có dấu ':' ở chỗ không được phép"),
        ("title: @congan cảnh báo", 2, 8, "giá trị bắt đầu bằng ký tự «@»"),
        ('title: "Cảnh báo" lừa đảo', 2, 19, "có chữ thừa sau giá trị"),
        ('title: "Tin"\ntags: [lừa đảo, an ninh', 3, 7, "[ … ] mở ở đây chưa được đóng"),
        ('title: "Tin"\n\tdraft: false', 3, 1, "có ký tự Tab"),
        ('title: "Tin"\ndraft false', 3, 1, "thiếu dấu ':' sau tên trường"),
        ('title: "Tin"\nghi_chu: "dòng một\n  dòng hai."\nnguon: Báo X: số 2', 5, 13, "dấu ':'"),
        ('title: "Tin\ndate: 2020-12-08', 2, 8, 'dấu ngoặc kép (") mở ở đây chưa được đóng'),
        (' title: "Tin"', 2, 1, "dòng này bắt đầu bằng dấu cách"),
        ('title: "Tin"\n  ghi_chu: "Tin thử"', 3, 1, "dòng này bắt đầu bằng dấu cách"),
        ("title: *", 2, 8, "giá trị bắt đầu bằng ký tự «*»"),
        ("title: - Cảnh báo lừa đảo", 2, 8, "giá trị bắt đầu bằng dấu «- »"),
    ],
    ids=[
        "unclosed-quote",
        "colon",
        "special-char",
        "after-quote",
        "unclosed-list",
        "tab",
        "no-colon",
        "after-a-valid-two-line-value",
        "unclosed-quote-before-a-field",
        "first-field-indented",
        "field-indented-after-a-value",
        "alias-without-a-name",
        "dash-opening-a-value",  # was PyYAML's English «block sequence entries are not allowed»
    ],
)
def test_broken_front_matter_is_described_in_vietnamese_with_line_and_column(
    tmp_path: Path, written: str, line: int, column: int, message: str
) -> None:
    text = bulletin_md().replace('title: "Cảnh báo lừa đảo qua mạng"', written)
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert (problem.line, problem.column) == (line, column)
    assert problem.message.startswith("phần đầu sai cú pháp: ") and message in problem.message
    rendered = problem.render()
    assert rendered.startswith(f"{A}:{line}, cột {column}: lỗi: phần đầu sai cú pháp")
    assert "Cách sửa:" in rendered and not YAML_ENGLISH.search(rendered), rendered


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ('title: "Ra quân "tuần tra" cuối năm"', 'title: "Ra quân «tuần tra» cuối năm"'),
        ('title: "Cảnh báo" lừa đảo', 'title: "«Cảnh báo» lừa đảo"'),
        ("title: 'Ra quân' của Công an xã", 'title: "«Ra quân» của Công an xã"'),
        ("title: 'Ra quân 'tuần tra' cuối năm'", 'title: "Ra quân «tuần tra» cuối năm"'),
        # YAML's '' in single quotes is one quote of the text, not a value closed and reopened.
        (
            "title: 'Ra quân 'tuần tra' của ''Đội CSGT'' năm'",
            "title: \"Ra quân «tuần tra» của 'Đội CSGT' năm\"",
        ),
        ("title: 'Ra quân' của ''Đội CSGT''", "title: \"«Ra quân» của 'Đội CSGT'\""),
        (
            'title: "Ra quân "tuần tra" cuối năm" # ghi chú',
            'title: "Ra quân «tuần tra» cuối năm" # ghi chú',
        ),
    ],
)
def test_quotes_inside_a_quoted_value_are_told_with_the_line_retyped(
    tmp_path: Path, written: str, fixed: str
) -> None:
    """«title: "Ra quân "tuần tra" cuối năm"» was told «có chữ thừa sau giá trị, hoặc các dòng
    thụt lề không đều», about indents the line does not have: the quotes inside closed the
    value, and the hint now gives the line to type."""
    text = bulletin_md().replace('title: "Cảnh báo lừa đảo qua mạng"', written)
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert problem.line == 2
    assert "dấu ngoặc bên trong giá trị đóng nó sớm" in problem.message
    assert "thụt lề" not in problem.message
    assert problem.hint and problem.hint.endswith(f"Sửa dòng này thành: {fixed}")
    opened = written.split(": ", 1)[1][0]  # the hint names the quote the editor typed
    assert problem.hint.startswith(f"Dấu {opened} chỉ dùng để mở và đóng giá trị")
    copied = make_project(tmp_path / "copied", {A: text.replace(written, fixed)})
    [bulletin] = load(copied).bulletins  # the line as told, copied, reads as the editor meant
    assert bulletin.title == fixed.split('"')[1]


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ('  title: "Ra quân "tuần tra" cuối năm"', '  title: "Ra quân «tuần tra» cuối năm"'),
        ("  title: Cảnh giác: không chuyển tiền", '  title: "Cảnh giác: không chuyển tiền"'),
    ],
)
def test_a_line_retyped_in_a_hint_keeps_its_indent_under_zalo(
    tmp_path: Path, written: str, fixed: str
) -> None:
    """Under zalo:, the hint gave «title: "…"» flush left: copied, the title left the zalo:
    block (or broke it). The retyped line keeps the line's indent."""
    text = bulletin_md({"zalo": "\n" + written})
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    hints = [p.hint or "" for p in info.value.problems]
    assert any(h.endswith(f"dòng này thành: {fixed}") for h in hints), hints
    copied = make_project(tmp_path / "copied", {A: text.replace(written, fixed)})
    assert load(copied).bulletins


def test_a_tab_indented_block_does_not_hide_the_files_other_problems(tmp_path: Path) -> None:
    """A radio: block indented with Tab stopped the reading of the front matter: the editor fixed
    the Tab and only then heard that «tóm_tắt:» is no field, a second round for one file. The
    Tab is told, and the rest read as if indented with spaces is checked in the same pass."""
    text = bulletin_md(
        {"tóm_tắt": '"Tuyên truyền phòng cháy."', "radio": "\n\tair_date: 2020-12-12"},
        drop=["summary"],
    )
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    tab = text.split("\n").index("\tair_date: 2020-12-12") + 1
    told = [(p.line, p.field, p.message) for p in info.value.problems]
    assert [(line, field) for line, field, _ in told] == [(6, "summary"), (tab, None)], told
    assert "dòng 'tóm_tắt:' là trường này viết bằng tên tiếng Việt" in told[0][2]
    assert told[1][2].startswith("phần đầu sai cú pháp: có ký tự Tab")


@pytest.mark.parametrize(
    ("written", "message", "fix"),
    [
        ("\t# ghi chú", "có ký tự Tab ở đầu dòng ghi chú", "Xóa Tab ở đầu dòng {line} "),
        ("\t  # ghi chú", "có ký tự Tab ở đầu dòng ghi chú", "Xóa Tab ở đầu dòng {line} "),
        ("\t", "dòng trống có ký tự Tab", "Xóa Tab trên dòng {line} "),
    ],
    ids=["comment", "comment-after-spaces", "blank"],
)
def test_a_tab_on_a_comment_or_blank_line_is_told_with_its_line_and_to_remove_it(
    tmp_path: Path, written: str, message: str, fix: str
) -> None:
    """PyYAML (libyaml) refuses a Tab opening a line even when the line is only a comment: an
    editor saw «hai dấu cách cho mỗi mức thụt lề» for a line that indents nothing. The error
    says it is the comment (or blank) line, which one, and to remove the Tab; the other
    fields are still checked."""
    text = bulletin_md({"draft": f"false\n{written}"}, drop=["summary"])
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    line = text.split("\n").index(written) + 1
    told = {p.field: p for p in info.value.problems}
    tab = told[None]
    assert (tab.line, tab.column) == (line, 1)
    assert tab.message.startswith(f"phần đầu sai cú pháp: {message}")
    assert tab.hint is not None and tab.hint.startswith(fix.format(line=line))
    assert "mức thụt lề" not in tab.hint
    assert "summary" in told  # read past the Tab: the missing field is told in the same pass


def test_a_title_in_capitals_is_noted_with_the_title_written_as_a_sentence(
    tmp_path: Path,
) -> None:
    """«THÔNG BÁO LỊCH TIẾP CÔNG DÂN THÁNG 12/2026», typed with Caps Lock or copied from the
    heading of an official letter, was published as written with nothing said: a note (never
    an error: some units mean it) shows the title written as a sentence."""
    title = "THÔNG BÁO LỊCH TIẾP CÔNG DÂN THÁNG 12/2026"
    root = make_project(
        tmp_path,
        {
            A: bulletin_md({"title": f'"{title}"'}),
            B: bulletin_md({"title": '"Công an xã ra mắt mô hình «CAMERA AN NINH»"'}),
        },
    )
    site = load(root)
    assert {b.title for b in site.bulletins} >= {title}  # published as written
    [note] = site.warnings
    assert (note.file, note.field, note.line, note.severity) == (A, "title", 2, "note")
    assert note.message.startswith("tiêu đề viết toàn chữ in hoa")
    assert note.hint and 'title: "Thông báo lịch tiếp công dân tháng 12/2026"' in note.hint


def test_a_title_in_capitals_holding_quotes_is_suggested_as_a_line_that_reads(
    tmp_path: Path,
) -> None:
    """«CẢNH BÁO "LỪA ĐẢO" QUA MẠNG XÃ HỘI» was suggested as title: "Cảnh báo "lừa đảo" qua
    mạng xã hội": copied, the inner quote closed the value and the file no longer read. The
    inner quotes are given as «…»."""
    title = 'CẢNH BÁO "LỪA ĐẢO" QUA MẠNG XÃ HỘI'
    root = make_project(tmp_path, {A: bulletin_md({"title": f"'{title}'"})})
    [note] = load(root).warnings
    suggested = 'title: "Cảnh báo «lừa đảo» qua mạng xã hội"'
    assert note.hint and f"ví dụ {suggested}, rồi" in note.hint
    copied = make_project(tmp_path / "copied", {A: bulletin_md({"title": suggested[7:]})})
    assert [b.title for b in load(copied).bulletins] == ["Cảnh báo «lừa đảo» qua mạng xã hội"]


def test_a_slug_both_files_take_from_their_names_says_so_and_names_no_line(
    tmp_path: Path,
) -> None:
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/2020-12-08-canh-bao.md": bulletin_md(),
            "content/bai-viet/2021-01-05-canh-bao.md": bulletin_md(),
        },
    )
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert (problem.file, problem.line) == ("content/bai-viet/2021-01-05-canh-bao.md", None)
    assert problem.message == (
        "địa chỉ bài (slug) «canh-bao» (lấy từ tên tệp) trùng với "
        "content/bai-viet/2020-12-08-canh-bao.md (lấy từ tên tệp)"
    )
    assert problem.hint is not None and "đổi tên tệp" in problem.hint


def test_an_id_equal_to_another_files_slug_names_the_slug_line(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {
            A: bulletin_md({"slug": "canh-bao-lua-dao"}),
            B: bulletin_md({"slug": "tin-khac", "id": "canh-bao-lua-dao"}),
        },
    )
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert (problem.file, problem.field, problem.line) == (B, "id", 8)
    # Nothing synced: which file is the copy is told by date, then by name (publish.id_holders).
    assert problem.message == (
        f"id «canh-bao-lua-dao» trùng với {A}:7 (lấy từ địa chỉ bài, slug); hai tệp cùng ngày "
        "đăng (08/12/2020 08:00), tệp này xếp sau theo tên"
    )


def test_all_problems_of_one_file_are_reported_together(tmp_path: Path) -> None:
    text = bulletin_md(
        {"date": "hôm qua", "category": "khong-co", "slug": "Sai Slug"},
        drop=["summary"],
        body="![](images/khong-co.jpg)\n",
    )
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    assert {p.field for p in info.value.problems} == {"summary", "date", "category", "slug", None}
    assert "Tìm thấy 5 lỗi" in str(info.value)


def test_decomposed_input_is_normalised_to_nfc(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", bulletin_md({"tags": '["lừa đảo", "Đồng Tháp"]'}))
    bulletin = load_one(tmp_path, nfd)
    assert bulletin.title == "Cảnh báo lừa đảo qua mạng"
    assert bulletin.tags == ("lừa đảo", "Đồng Tháp")
    assert bulletin.body == "\nNội dung bản tin.\n"
    for text in (bulletin.title, bulletin.summary, bulletin.body, bulletin.approved_by):
        assert unicodedata.is_normalized("NFC", text)


def test_bom_and_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + bulletin_md().replace("\n", "\r\n").encode("utf-8")
    bulletin = load_one(tmp_path, raw)
    assert bulletin.title == "Cảnh báo lừa đảo qua mạng"
    assert "\r" not in bulletin.body
    assert bulletin.body_line == 8


@pytest.mark.parametrize(
    ("opening", "closing", "newline"),
    [("--- ", "---", "\n"), ("---\t", "---  ", "\n"), ("---  ", "--- ", "\r\n")],
    ids=["space", "tab", "crlf"],
)
def test_fences_with_trailing_spaces_are_front_matter_and_lines_stay_right(
    tmp_path: Path, opening: str, closing: str, newline: str
) -> None:
    """An editor cannot see `--- `; it was «không tìm thấy phần đầu (front matter)»."""
    text = bulletin_md({"category": "canh-bao-toi-pam"}, body="Nội dung.\n\n![](images/x.jpg)\n")
    text = text.replace("---\n", opening + "\n", 1).replace("\n---\n", f"\n{closing}\n", 1)
    root = make_project(tmp_path, {A: text.replace("\n", newline)})
    with pytest.raises(ContentError) as info:
        load(root)
    found = {(p.line, p.field) for p in info.value.problems}
    assert found == {(4, "category"), (11, None)}, info.value.problems


@pytest.mark.parametrize(
    ("opening", "closing", "line", "told"),
    [
        ("—", "---", 1, "dòng mở phần đầu là «—»"),
        ("–––", "–––", 1, "dòng mở phần đầu là «–––»"),
        ("---", "—", 7, "dòng đóng phần đầu là «—»"),
        ("---", "–-", 7, "dòng đóng phần đầu là «–-»"),
    ],
)
def test_a_fence_word_made_a_dash_is_named_with_its_line(
    tmp_path: Path, opening: str, closing: str, line: int, told: str
) -> None:
    """Word's AutoFormat turns «---» into «—»: the file had «không tìm thấy phần đầu», or «không
    có dòng '---' đóng lại» on line 1, and the editor saw a line of dashes where asked for one."""
    text = bulletin_md().replace("---\n", opening + "\n", 1).replace("\n---\n", f"\n{closing}\n", 1)
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert problem.line == line and problem.message.startswith(told)
    assert "Hyphens (--) with dash (—)" in (problem.hint or "")


def test_a_dash_line_in_the_text_is_not_taken_for_a_fence(tmp_path: Path) -> None:
    """A closing line forgotten, and a «–» between paragraphs: still «không có dòng '---'»."""
    text = bulletin_md(body="Đoạn một.\n\n–\n\nĐoạn hai.\n").replace("\n---\n", "\n\n", 1)
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert (problem.line, problem.message) == (
        1,
        "phần đầu (front matter) không có dòng '---' đóng lại",
    )


def test_a_bulletin_without_front_matter_is_told_how_to_start_one(tmp_path: Path) -> None:
    """A newcomer pastes the text alone: the hint names the fields and the command that writes
    them, not only the '---' lines."""
    root = make_project(tmp_path, {A: "Cảnh báo lừa đảo\n\nNội dung bài viết.\n"})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert problem.hint is not None and "(title, date, category, summary…)" in problem.hint
    assert 'publish new "Tiêu đề" --category KHÓA' in problem.hint


@pytest.mark.parametrize("written", ["", "\n\n", "  \r\n", "\ufeff"])
def test_an_empty_bulletin_file_is_called_empty(tmp_path: Path, written: str) -> None:
    """A file created and committed before anything was written (or saved blank) was told
    «không tìm thấy phần đầu», and the editor looked for a front matter in a file that has
    nothing: now it says the file is empty and what to do with it."""
    root = make_project(tmp_path, {A: written})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert (problem.file, problem.line) == (A, 1)
    assert problem.message.startswith("tệp rỗng")
    assert problem.hint is not None and "xóa tệp nếu tạo nhầm" in problem.hint


def test_a_toml_fence_with_trailing_spaces_is_still_named_toml(tmp_path: Path) -> None:
    root = make_project(tmp_path, {A: '+++ \ntitle = "Cảnh báo"\n+++\n\nNội dung.\n'})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert problem.line == 1 and "kiểu TOML của Hugo" in problem.message


TEXT = bulletin_md()


@pytest.mark.parametrize(
    ("raw", "line", "said", "fix"),
    [
        (TEXT.encode("utf-16"), None, "mã hóa UTF-16 LE (Notepad ghi là «UTF-16 LE»", "UTF-8"),
        (TEXT.encode("utf-16-be"), None, "mã hóa UTF-16 BE", "UTF-8"),
        (TEXT.encode("utf-32"), None, "mã hóa UTF-32 LE", "UTF-8"),
        (
            TEXT.encode("cp1258", "replace"),
            2,
            "có lẽ tệp được lưu bằng bảng mã tiếng Việt cũ (Windows-1258, TCVN3 hay VNI)",
            "chuyển mã sang Unicode bằng công cụ chuyển mã của UniKey",
        ),
        (
            TEXT.encode().replace("Nội".encode(), b"N\xf4i"),
            9,
            "tệp có chỗ không phải UTF-8 (byte 0xf4 không hợp lệ) dù phần còn lại đúng UTF-8",
            "Gõ lại các chữ hiện sai ở dòng này",
        ),
    ],
    ids=["utf-16-bom", "utf-16-be-no-bom", "utf-32", "windows-1258", "damaged-utf-8"],
)
def test_a_file_not_in_utf8_is_told_what_it_likely_is_and_how_to_save_it(
    tmp_path: Path, raw: bytes, line: int | None, said: str, fix: str
) -> None:
    """Not the first bad byte of a file in Notepad's "Unicode" (in UTF-16 every character is
    two bytes: the whole file is in another encoding), nor only "save it as UTF-8" for a file in
    an old Vietnamese code page, whose letters an editor may not read right."""
    root = make_project(tmp_path, {A: raw})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert (problem.file, problem.line) == (A, line)
    assert said in problem.message
    assert problem.hint is not None and fix in problem.hint and "UTF-8" in problem.hint


def windows_1258(text: str) -> bytes:
    """`text` as Windows saves it in code page 1258 (Notepad's «ANSI» on Vietnamese Windows):
    letters the code page has whole (â, ơ, đ…) as one byte, any other tone as a combining mark
    after its letter."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        # NFD puts the dot below before the circumflex (ộ: o, dot, hat): pick the tone out.
        base, *marks = list(unicodedata.normalize("NFD", char))
        [tone] = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
        whole = unicodedata.normalize("NFC", base + "".join(m for m in marks if m != tone))
        out += whole.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs iconv")
def test_a_windows_1258_file_is_told_the_terminal_command_that_converts_it(
    tmp_path: Path,
) -> None:
    """On a server reached by a terminal only, «Notepad: File › Save As» could not be followed;
    the iconv command told now gives back the very bulletin that was written."""
    text = bulletin_md({"title": '"Thông báo lịch tiếp công dân tháng 12"'})
    root = make_project(tmp_path, {A: windows_1258(text)})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    hint = problem.hint or ""
    found = re.search(r"(iconv -f WINDOWS-1258 -t UTF-8 TỆP > TỆP\.moi)", hint)
    assert found is not None, hint
    assert "mv TỆP.moi TỆP" in hint
    command = f"{found[1]} && mv TỆP.moi TỆP".replace("TỆP", A)
    subprocess.run(["sh", "-c", command], cwd=root, check=True)
    assert (root / A).read_text("utf-8") == text
    assert load(root).bulletins[0].title == "Thông báo lịch tiếp công dân tháng 12"


def test_a_tcvn3_file_is_not_told_to_convert_as_windows_1258(tmp_path: Path) -> None:
    """Converted as Windows-1258, a TCVN3 file (old Word documents: «Th«ng b¸o») would be
    garbled for good: only UniKey's converter is told."""
    # TCVN3's bytes read as Windows-1252, as an old Word document shows them.
    typed = {"title": '"Th«ng b¸o lÞch tiÕp c«ng d©n"', "summary": '"Th«ng b¸o."'}
    tcvn3 = bulletin_md({**typed, "approved_by": '"Ban biªn tËp"'}, body="Néi dung.\n")
    root = make_project(tmp_path, {A: tcvn3.encode("cp1252")})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert "UniKey" in (problem.hint or "") and "iconv" not in (problem.hint or "")


def test_a_word_document_or_rich_text_saved_as_md_is_named_so(tmp_path: Path) -> None:
    """A .docx was called Notepad's "Unicode" (its zip holds zero bytes), and TextEdit's rich
    text "no front matter" although the editor sees '---' on its first line."""
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:t>Nội dung bản tin</w:t>" * 200)
    rtf = "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2709\n" + bulletin_md().replace("\n", "\\\n")
    root = make_project(tmp_path, {A: docx.getvalue(), B: rtf})
    with pytest.raises(ContentError) as info:
        load(root)
    told = {p.file: p for p in info.value.problems}
    assert "tệp là tài liệu Word (.docx)" in told[A].message
    assert "publish new" in hint_of(told[A])
    assert "UTF-16" not in told[A].message
    assert told[B].line == 1 and "văn bản định dạng RTF" in told[B].message
    assert "Make Plain Text" in hint_of(told[B])


def test_a_slug_too_long_is_told_by_its_length_not_its_letters(tmp_path: Path) -> None:
    written = "canh-bao-lua-dao-" * 10 + "qua-mang"
    root = make_project(tmp_path, {A: bulletin_md({"slug": written})})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert problem.message.endswith(
        f"địa chỉ bài (slug) dài {len(written)} ký tự, tối đa 120 ký tự"
    )
    assert "chữ thường a-z" not in problem.message
    assert problem.hint is not None and "slug: canh-bao-lua-dao-" in problem.hint


@pytest.mark.parametrize(
    ("field", "written", "message", "hint"),
    [
        (
            "title",
            "yes",
            "cần một chuỗi ký tự, nhận được «yes», chữ YAML đọc thành true/false",
            'title: "yes"',
        ),
        ("title", "Không", None, None),  # no true/false in Vietnamese: a title, read as written
        (
            "author",
            "[Nguyễn Văn A, Trần Văn B]",
            "cần một chuỗi ký tự, nhận được một danh sách",
            'author: "Nguyễn Văn A, Trần Văn B"',
        ),
        (
            "tags",
            "[[lừa đảo, an ninh], {c: d}]",
            "cần một danh sách chuỗi, nhận được một danh sách có một mục là một danh sách",
            "tags: [",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_is_told_as_typed(
    tmp_path: Path, field: str, written: str, message: str | None, hint: str | None
) -> None:
    """«title: yes» was told «nhận được true/false (true)», a word the editor never typed; a
    list of names for one author, and a list inside the tags, were told «một danh sách» alone."""
    root = make_project(tmp_path, {A: bulletin_md({field: written})})
    if message is None:
        load(root)
        return
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert problem.field == field and problem.message.endswith(message)
    assert hint is not None and hint in (problem.hint or "")


def test_a_photo_or_a_pdf_saved_as_md_is_named_so(tmp_path: Path) -> None:
    """A photo copied over a bulletin's name was told «mã hóa UTF-16 BE» (its zero bytes)."""
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(200)
    root = make_project(tmp_path, {A: TINY_JPEG, B: png, "content/bai-viet/c.md": pdf})
    with pytest.raises(ContentError) as info:
        load(root)
    told = {p.file: p for p in info.value.problems}
    assert "tệp là ảnh JPEG, không phải tệp văn bản" in told[A].message
    assert "tệp là ảnh PNG, không phải tệp văn bản" in told[B].message
    assert "tệp là tệp PDF, không phải tệp văn bản" in told["content/bai-viet/c.md"].message
    assert all("UTF-16" not in p.message for p in told.values())
    assert "content/images/" in hint_of(told[A])


@pytest.mark.parametrize(
    ("name", "said", "fix"),
    [
        ("a.md.txt", "tên kết thúc bằng .txt (Notepad tự thêm", "Đổi tên tệp thành a.md."),
        ("a.MD", "đuôi «.MD» phải viết thường «.md»", "Đổi tên tệp thành a.md."),
        ("a.markdown", "không đọc .markdown", "Đổi tên tệp thành a.md."),
        ("a.md.rtf", "văn bản định dạng RTF", "lưu với tên a.md"),
    ],
)
def test_a_bulletin_saved_under_a_name_not_read_is_warned_about(
    tmp_path: Path, name: str, said: str, fix: str
) -> None:
    """Silently left out: the editor's bulletin was in no preview, no check and no build."""
    root = make_project(tmp_path, {B: bulletin_md(), f"content/bai-viet/{name}": bulletin_md()})
    site = load(root)
    assert [b.source for b in site.bulletins] == [B]
    [warning] = [w for w in site.warnings if name in w.file]
    assert warning.file == f"content/bai-viet/{name}" and warning.severity == "warning"
    assert said in warning.message and warning.hint is not None and fix in warning.hint


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Bản tin cảnh báo.docx", "tài liệu Word (.docx) không phải bản tin"),
        ("tin cu.DOC", "tài liệu Word (.doc) không phải bản tin"),
        ("bai.odt", "tài liệu LibreOffice (.odt) không phải bản tin"),
        ("ke-hoach.pdf", "tệp PDF không phải bản tin"),
        ("ghi chep.txt", "tệp văn bản .txt không phải bản tin"),
    ],
)
def test_a_document_dropped_among_the_bulletins_is_told_how_to_make_a_bulletin_of_it(
    tmp_path: Path, name: str, said: str
) -> None:
    """An editor who put a Word file in content/bai-viet/ waited for it on the website: nothing
    said it is not a bulletin. The warning names the file and the command that makes one."""
    root = make_project(tmp_path, {B: bulletin_md(), f"content/bai-viet/{name}": b"PK\x03\x04"})
    site = load(root)
    assert [b.source for b in site.bulletins] == [B]
    [warning] = site.warnings
    assert warning.file == f"content/bai-viet/{name}" and warning.severity == "warning"
    assert warning.message.startswith(said)
    assert warning.hint is not None
    assert 'publish new "Tiêu đề" --category canh-bao-toi-pham' in warning.hint
    assert "chuyển tệp này ra khỏi thư mục content/" in warning.hint


def test_a_bulletin_notepad_saved_as_txt_is_told_to_be_renamed(tmp_path: Path) -> None:
    """«bai.txt» that opens with --- is the bulletin itself, saved by Notepad: rename it."""
    root = make_project(tmp_path, {"content/bai-viet/tin-moi.txt": "\ufeff" + bulletin_md()})
    [warning] = load(root).warnings
    assert warning.message.startswith("tệp không được đọc: bản tin lưu với đuôi .txt")
    assert warning.hint and warning.hint.startswith("Đổi tên tệp thành tin-moi.md.")


def test_the_document_a_bulletin_was_made_from_is_only_noted(tmp_path: Path) -> None:
    """Kept beside the bulletin made from it, the Word file need not stop a strict check."""
    root = make_project(tmp_path, {A: bulletin_md(), "content/bai-viet/a.docx": b"PK"})
    [told] = load(root).warnings
    assert told.severity == "note" and told.message.endswith("bên cạnh đã có bản tin a.md")
    assert told.hint and told.hint.startswith("Nếu a.md là bản tin làm từ tệp này thì chuyển")


PAGE_MD = '---\ntitle: "Giới thiệu"\nslug: gioi-thieu\n---\n\nCông an xã.\n'


def test_a_document_dropped_among_the_pages_is_told_how_to_make_a_page_of_it(
    tmp_path: Path,
) -> None:
    """A Word file in content/pages/ was told «không phải bản tin» and how to make a bulletin
    with publish new: the editor who wanted the «Giới thiệu» page made a bulletin instead. It is
    told as a page, with how a page is made."""
    root = make_project(
        tmp_path,
        {
            B: bulletin_md(),
            "content/pages/gioi-thieu.md": PAGE_MD,
            "content/pages/gioi-thieu.docx": b"PK",
            "content/pages/lien-he.docx": b"PK",
            "content/pages/gui-phan-anh.txt": PAGE_MD,
            "content/pages/gioi-thieu.md.txt": PAGE_MD,
        },
    )
    told = {w.file: w for w in load(root).warnings}
    new = told["content/pages/lien-he.docx"]
    assert new.message.startswith("tài liệu Word (.docx) không phải trang: công cụ chỉ đọc trang")
    assert new.hint is not None and new.hint.startswith("Tạo tệp lien-he.md bên cạnh tệp này")
    assert "publish new" not in new.hint and "bản tin" not in new.hint
    beside = told["content/pages/gioi-thieu.docx"]
    assert beside.message.endswith("bên cạnh đã có trang gioi-thieu.md")
    assert beside.hint and beside.hint.startswith("Nếu gioi-thieu.md là trang làm từ tệp này")
    assert "Tạo một tệp .md, đặt tên khác với gioi-thieu.md, bên cạnh tệp này" in beside.hint
    renamed = told["content/pages/gui-phan-anh.txt"]
    assert renamed.message.startswith("tệp không được đọc: trang lưu với đuôi .txt")
    copy = told["content/pages/gioi-thieu.md.txt"]
    assert copy.hint and "sẽ ghi đè trang đang có" in copy.hint
    for warning in told.values():
        assert "bản tin" not in f"{warning.message} {warning.hint}", warning.file


def test_a_word_lock_file_is_not_told(tmp_path: Path) -> None:
    root = make_project(tmp_path, {B: bulletin_md(), "content/bai-viet/~$n tin.docx": b"x"})
    assert not load(root).warnings


TEXTEDIT_RTF = "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2709\n\\f0\\fs24 \\cf0 "
"""How TextEdit opens a rich-text file; each line of text then ends with a backslash."""


@pytest.mark.parametrize("name", ["a.md.txt", "a.MD", "a.markdown", "a.rtf"])
def test_a_leftover_copy_beside_its_bulletin_is_not_to_be_renamed_over_it(
    tmp_path: Path, name: str
) -> None:
    # «Đổi tên tệp thành a.md» beside the real a.md: a mv would overwrite the bulletin.
    rtf = TEXTEDIT_RTF + bulletin_md().replace("\n", "\\\n")
    copy = rtf if name.endswith(".rtf") else bulletin_md()
    root = make_project(tmp_path, {A: bulletin_md(), f"content/bai-viet/{name}": copy})
    [told] = load(root).warnings
    assert told.file == f"content/bai-viet/{name}" and told.severity == "note"
    assert "bên cạnh đã có tệp a.md" in told.message
    assert told.hint is not None and "Đừng đổi tên tệp này thành a.md" in told.hint
    assert "Đổi tên tệp thành" not in told.hint and "lưu với tên" not in told.hint


def test_a_leftover_copy_does_not_stop_a_strict_check_and_a_lone_misnamed_bulletin_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {A: bulletin_md(), "content/bai-viet/a.md.txt": bulletin_md()})
    strict = [
        "check",
        "--root",
        str(root),
        "--now",
        "2024-01-01T08:00",
        "--strict",
        "--channel",
        "web",
    ]
    assert main(strict) == 0
    assert "bên cạnh đã có tệp a.md" in capsys.readouterr().err
    (root / "content/bai-viet/b.md.txt").write_text(bulletin_md(), encoding="utf-8")
    assert main(strict) == 1  # a bulletin that would silently not be published
    assert "content/bai-viet/b.md.txt: lỗi: tệp không được đọc" in capsys.readouterr().err


def test_only_rich_text_that_is_a_bulletin_is_called_one(tmp_path: Path) -> None:
    # A letter or a form kept as .rtf among the bulletins is no bulletin to rename.
    files = {
        B: bulletin_md(),
        "content/bai-viet/cong-van.rtf": TEXTEDIT_RTF
        + "K\\'ednh g\\'fdi: ---\\\nC\\'f4ng v\\'e3n\\\n}",
        "content/bai-viet/mau-don.rtf": "{\\rtf1\\ansi\\deff0 {\\fonttbl}\\pard M\\'e2u \\'f0\\'f5n\\par}",
        "content/bai-viet/ban-tin.rtf": TEXTEDIT_RTF + bulletin_md().replace("\n", "\\\n"),
        "content/bai-viet/wordpad.rtf": "{\\rtf1\\ansi\\deff0\\pard ---\\par\n\\pard title: A\\par}",
        "content/bai-viet/c.md.rtf": "{\\rtf1\\ansi\\deff0\\pard Ghi ch\\'fa\\par}",
    }
    root = make_project(tmp_path, files)
    warned = sorted(w.file.rsplit("/", 1)[1] for w in load(root).warnings)
    assert warned == ["ban-tin.rtf", "c.md.rtf", "wordpad.rtf"]


def test_files_editors_leave_beside_a_bulletin_are_not_read(tmp_path: Path) -> None:
    """Word keeps «~$…» beside a file it has open: it failed the build and the preview."""
    clutter: dict[str, str | bytes] = {
        "content/bai-viet/~$a.md": b"\x0bNguyen Van A\x00\x00",
        "content/bai-viet/.a.md.swp": b"b0VIM 9.0\x00",
        "content/bai-viet/a.md~": bulletin_md(),
        "content/bai-viet/Thumbs.db": b"\xd0\xcf\x11\xe0",
        "content/bai-viet/.DS_Store": b"\x00\x00\x00\x01Bud1",
        "content/bai-viet/desktop.ini": "[.ShellClassInfo]\n",
        "content/pages/~$gioi-thieu.md": b"\x0bA\x00",
    }
    root = make_project(tmp_path, {A: bulletin_md(), **clutter})
    site = load(root)
    assert [b.source for b in site.bulletins] == [A]
    assert site.warnings == ()


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2020-12-08 08:00", dt.datetime(2020, 12, 8, 8, 0, tzinfo=HCM)),
        ("2020-12-08", dt.datetime(2020, 12, 8, 0, 0, tzinfo=HCM)),
        ('"2020-12-08T08:00"', dt.datetime(2020, 12, 8, 8, 0, tzinfo=HCM)),
        ("2020-12-08 08:00:00", dt.datetime(2020, 12, 8, 8, 0, tzinfo=HCM)),
        ("08/12/2020", dt.datetime(2020, 12, 8, 0, 0, tzinfo=HCM)),
        ('"08/12/2020 08:00"', dt.datetime(2020, 12, 8, 8, 0, tzinfo=HCM)),
    ],
)
def test_offsetless_dates_are_in_the_site_timezone(written: str, expected: dt.datetime) -> None:
    # Also checked through a real file below; here the value YAML hands over is what counts.
    from publish.frontmatter import split

    value = split(f"---\ndate: {written}\n---\n").data["date"]
    parsed = parse_datetime(value, HCM)
    assert parsed == expected
    assert parsed.utcoffset() == dt.timedelta(hours=7)


def test_offsetless_date_in_a_file_is_vietnam_time(tmp_path: Path) -> None:
    bulletin = load_one(tmp_path, bulletin_md({"date": "2020-12-08 08:00"}))
    assert bulletin.date == dt.datetime(2020, 12, 8, 1, 0, tzinfo=dt.UTC)
    assert bulletin.date.utcoffset() == dt.timedelta(hours=7)
    assert bulletin.url == "/2020/12/a/"


def test_offsetless_date_follows_a_configured_timezone(tmp_path: Path) -> None:
    toml = SITE_TOML.replace("[site]\n", '[site]\ntimezone = "Asia/Tokyo"\n')
    root = make_project(tmp_path, {"site.toml": toml, A: bulletin_md()})
    [bulletin] = load(root).bulletins
    assert bulletin.date == dt.datetime(2020, 12, 7, 23, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "written", ["2020-12-08T01:00:00Z", "2020-12-08 01:00:00+00:00", '"2020-12-08T03:00+02:00"']
)
def test_a_date_with_an_offset_is_that_instant_on_the_sites_clock(
    tmp_path: Path, written: str
) -> None:
    bulletin = load_one(tmp_path, bulletin_md({"date": written}))
    assert bulletin.date == dt.datetime(2020, 12, 8, 8, 0, tzinfo=HCM)
    assert bulletin.date.utcoffset() == dt.timedelta(hours=7)


def test_a_utc_evening_is_the_next_day_in_vietnam_everywhere(tmp_path: Path) -> None:
    """20:00Z on 31/10 is 03:00 on 01/11 in Việt Nam: November's address, date and archive."""
    root = make_project(tmp_path, {A: bulletin_md({"date": "2026-10-31T20:00:00Z"})})
    result = build(config_module.load(root), channels=("web",), now=NOW.replace(year=2027))
    paths = {a.path: a for a in result.artifacts}
    page = paths["2026/11/a/index.html"].data.decode("utf-8")
    stamp = '<time datetime="2026-11-01T03:00:00+07:00">'
    assert f"{stamp}3:00, Chủ nhật, ngày 1 tháng 11 năm 2026</time>" in page  # Saturday in UTC
    assert "tháng 10" not in page
    for listing in ("index.html", "luu-tru/2026/11/index.html"):
        card = paths[listing].data.decode("utf-8")
        assert f"{stamp}Chủ nhật, 1/11/2026</time>" in card, listing
    assert not any(p.startswith(("2026/10/", "luu-tru/2026/10/")) for p in paths)


def test_dd_mm_yyyy_is_day_first(tmp_path: Path) -> None:
    bulletin = load_one(tmp_path, bulletin_md({"date": "05/12/2020"}))
    assert bulletin.date == dt.datetime(2020, 12, 5, 0, 0, tzinfo=HCM)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("5/12/2020 8h", (8, 0)),
        ("05/12/2020 8h30", (8, 30)),
        ("05-12-2020 14:15", (14, 15)),
        ("05.12.2020", (0, 0)),
        ("2020/12/05 08:00", (8, 0)),
        ("05/12/2020 lúc 7g45", (7, 45)),
        ("14 giờ 30 phút ngày 05/12/2020", (14, 30)),
        ("8h30, 05/12/2020", (8, 30)),
        ("ngày 5/12/2020", (0, 0)),
        # Year first with dashes and an editor's time: «2020-12-05 8:00» was refused with no
        # hint (ISO wants 08:00), as were minutes marked «p» or «'» and a dash before the time.
        ("2020-12-05 20g30", (20, 30)),
        ("2020-12-05 8:00", (8, 0)),
        ("05/12/2020 20h30p", (20, 30)),
        ("20h30' 05/12/2020", (20, 30)),
        ("05/12/2020 - 20g30", (20, 30)),
    ],
)
def test_dates_are_read_as_vietnamese_editors_write_them(
    tmp_path: Path, written: str, expected: tuple[int, int]
) -> None:
    bulletin = load_one(tmp_path, bulletin_md({"date": f'"{written}"'}))
    assert bulletin.date == dt.datetime(2020, 12, 5, *expected, tzinfo=HCM)


@pytest.mark.parametrize(
    "written", ["5/12/20", "31/02/2020", "05/12/2020 8h75", "8h 05/12/2020 9h"]
)
def test_a_date_that_only_looks_like_one_is_still_refused(tmp_path: Path, written: str) -> None:
    root = make_project(tmp_path, {A: bulletin_md({"date": f'"{written}"'})})
    with pytest.raises(ContentError) as caught:
        load(root)
    [problem] = caught.value.problems
    assert problem.field == "date"
    assert f"không đọc được ngày giờ «{written}»" in str(problem)
    assert "08/12/2020 8h00" in str(problem)


def test_expires_is_read_like_date(tmp_path: Path) -> None:
    bulletin = load_one(tmp_path, bulletin_md({"expires": "31/12/2030"}))
    assert bulletin.expires == dt.datetime(2030, 12, 31, 0, 0, tzinfo=HCM)


@pytest.mark.parametrize(
    ("written", "until"),
    [
        ("true", None),
        ("15/12/2020 17h00", dt.datetime(2020, 12, 15, 17, 0, tzinfo=HCM)),
        ("2020-12-15", dt.datetime(2020, 12, 15, 0, 0, tzinfo=HCM)),
        # An offset is kept as the moment it names, on the unit's clock.
        ("2020-12-15T10:00:00Z", dt.datetime(2020, 12, 15, 17, 0, tzinfo=HCM)),
    ],
)
def test_pinned_is_true_or_the_end_of_the_pin_read_like_date(
    tmp_path: Path, written: str, until: dt.datetime | None
) -> None:
    bulletin = load_one(tmp_path, bulletin_md({"pinned": written}))
    assert bulletin.pinned is True and bulletin.pinned_until == until


@pytest.mark.parametrize("written", ["false", '""'])
def test_pinned_false_or_empty_pins_nothing(tmp_path: Path, written: str) -> None:
    bulletin = load_one(tmp_path, bulletin_md({"pinned": written}))
    assert bulletin.pinned is False and bulletin.pinned_until is None


def test_every_wrong_pin_is_told_in_one_pass_with_its_line_and_fix(tmp_path: Path) -> None:
    """A pin the tool cannot read stops the build, each file told at the pin's line."""
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/co.md": bulletin_md({"pinned": "có"}),
            "content/bai-viet/so.md": bulletin_md({"pinned": "3"}),
            "content/bai-viet/mai.md": bulletin_md({"pinned": '"sáng mai"'}),
            "content/bai-viet/som.md": bulletin_md({"pinned": "2020-12-08 07:00"}),
        },
    )
    with pytest.raises(ContentError) as caught:
        load(root)
    told = {p.file.rsplit("/", 1)[1]: p for p in caught.value.problems}
    assert sorted(told) == ["co.md", "mai.md", "so.md", "som.md"]
    assert all(p.field == "pinned" and p.line == 7 for p in told.values())
    assert told["co.md"].message == (
        "cần true hoặc một ngày giờ hết ghim, nhận được một chuỗi ký tự («có»)"
    )
    assert "«có» viết là 'pinned: true'" in hint_of(told["co.md"])
    assert told["so.md"].message == "cần true hoặc một ngày giờ hết ghim, nhận được một số (3)"
    assert "ví dụ 'pinned: 2026-12-15 17:00'" in hint_of(told["so.md"])
    assert told["mai.md"].message == "không đọc được ngày giờ «sáng mai»"
    assert "ghi ngày cụ thể bằng số" in hint_of(told["mai.md"])
    assert "'pinned: true'" in hint_of(told["mai.md"])
    assert told["som.md"].message.startswith("thời điểm hết ghim phải sau ngày đăng")
    assert "Tìm thấy 4 lỗi" in str(caught.value)


def test_a_pin_written_under_another_name_is_told_its_name(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {
            "content/bai-viet/ghim.md": bulletin_md({"ghim": "true"}),
            "content/bai-viet/sticky.md": bulletin_md({"sticky": "true"}),
        },
    )
    told = {w.file.rsplit("/", 1)[1]: w for w in load(root).warnings}
    assert "có phải ý bạn là 'pinned'?" in told["ghim.md"].message
    assert told["ghim.md"].field == "ghim"
    assert "Đổi 'sticky:' thành 'pinned:'" in hint_of(told["sticky.md"])


def test_a_pin_on_a_bulletin_kept_off_the_website_is_a_warning(tmp_path: Path) -> None:
    root = make_project(tmp_path, {A: bulletin_md({"pinned": "true", "channels": "[zalo, radio]"})})
    site = load(root)
    [warning] = site.warnings
    assert warning.field == "pinned" and warning.severity == "warning"
    assert "bài không đăng lên website nên không được ghim" in warning.message
    assert site.bulletins[0].pinned  # nothing else changes: the warning says it does nothing


def test_channels_default_to_the_site_and_front_matter_replaces_them(tmp_path: Path) -> None:
    toml = SITE_TOML.replace("[site]\n", '[site]\ndefault_channels = ["web", "zalo"]\n')
    files = {
        "site.toml": toml,
        A: bulletin_md(),
        B: bulletin_md({"channels": "[radio]"}),
        "content/bai-viet/c.md": bulletin_md({"channels": "[]"}),
    }
    site = load(make_project(tmp_path, files))
    channels = {b.slug: b.channels for b in site.bulletins}
    assert channels == {"a": {"web", "zalo"}, "b": {"radio"}, "c": frozenset()}
    assert [b.slug for b in site.for_channel("radio")] == ["b"]
    [warning] = [w for w in site.warnings if w.field == "channels"]
    assert (warning.file, warning.line) == ("content/bai-viet/c.md", 7)
    assert "không gửi tới kênh nào" in warning.message and "draft: true" in (warning.hint or "")


@pytest.mark.parametrize(
    ("written", "chosen"),
    [("web, zalo", {"web", "zalo"}), ("radio; web", {"radio", "web"}), ("zalo", {"zalo"})],
)
def test_channels_written_on_one_line_like_tags_are_a_list(
    tmp_path: Path, written: str, chosen: set[str]
) -> None:
    bulletin = load_one(tmp_path, bulletin_md({"channels": written}))
    assert bulletin.channels == chosen


@pytest.mark.parametrize("written", ["web, zaloo", "[web, zaloo]"])
def test_a_misspelt_channel_is_refused_with_the_one_meant(tmp_path: Path, written: str) -> None:
    root = make_project(tmp_path, {A: bulletin_md({"channels": written})})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = info.value.problems
    assert (problem.field, problem.line) == ("channels", 7)
    assert problem.message == "kênh không tồn tại: «zaloo»"
    assert "'zalo' thay cho 'zaloo'" in (problem.hint or "")
    assert "channels: web, zalo" in (problem.hint or "")


@pytest.mark.parametrize(
    ("summary", "shown"),
    [
        ('"Cảnh giác **tuyệt đối**."', "**tuyệt đối**"),
        ('"Xem [cổng](https://x.vn)."', "[cổng](https://x.vn)"),
    ],
)
def test_markdown_in_the_summary_is_a_warning(tmp_path: Path, summary: str, shown: str) -> None:
    site = load(make_project(tmp_path, {A: bulletin_md({"summary": summary})}))
    [warning] = site.warnings
    assert (warning.field, warning.line, warning.severity) == ("summary", 5, "warning")
    assert f"«{shown}»" in warning.message


@pytest.mark.parametrize(
    ("key", "written", "fill"),
    [
        ("channels", "\n  - web\n  -\n  - zaloo\n  -", "ghi tên kênh"),
        ("channels", "\n- web\n-   # quên ghi\n- zaloo\n-", "ghi tên kênh"),
        ("tags", "\n  - lừa đảo\n  -\n  - '!!!'\n  -", "ghi thẻ"),
    ],
    ids=["channels", "channels-unindented", "tags"],
)
def test_an_empty_list_item_is_named_at_its_line_not_called_none(
    tmp_path: Path, key: str, written: str, fill: str
) -> None:
    """A bare `-` left in a list is YAML's null: it was refused as the channel 'None' (or tags
    as "a list of strings" when given one); each is now named at its line, with the fix."""
    root = make_project(tmp_path, {A: bulletin_md({key: written})})
    with pytest.raises(ContentError) as info:
        load(root)
    found = [p for p in info.value.problems if p.severity == "error" and "trống" in p.message]
    assert [(p.field, p.line) for p in found] == [(key, 9), (key, 11)]
    assert found[0].message == "mục thứ 2 của danh sách để trống"
    assert found[1].message == "mục thứ 4 của danh sách để trống"
    assert all(fill in (p.hint or "") and "'-'" in (p.hint or "") for p in found)
    assert not any("None" in p.message for p in info.value.problems)
    if key == "channels":  # the other mistake in the list is told in the same pass
        assert "kênh không tồn tại: «zaloo»" in [p.message for p in info.value.problems]


def test_a_numeric_slug_is_told_to_be_quoted(tmp_path: Path) -> None:
    """`slug: 123` is a YAML number: the fix is to quote it, not the same text again."""
    with pytest.raises(ContentError) as info:
        load(make_project(tmp_path, {A: bulletin_md({"slug": "123"})}))
    [problem] = info.value.problems
    assert problem.field == "slug" and problem.hint == 'Ví dụ: slug: "123"'
    assert load(make_project(tmp_path / "q", {A: bulletin_md({"slug": '"123"'})})).bulletins


def test_a_tag_without_letters_or_digits_is_dropped_with_a_warning(tmp_path: Path) -> None:
    root = make_project(tmp_path, {A: bulletin_md({"tags": '["🚨", "!!!", "Lừa đảo"]'})})
    site = load(root)
    assert site.bulletins[0].tags == ("Lừa đảo",)
    warnings = [w for w in site.warnings if w.field == "tags"]
    assert len(warnings) == 2 and all(w.line == 7 for w in warnings)
    assert "«🚨»" in warnings[0].message and "không có chữ hay số" in warnings[0].message


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('"lừa đảo, an ninh mạng"', ("lừa đảo", "an ninh mạng")),
        ("lừa đảo,  Lừa đảo ,", ("lừa đảo",)),
        ('"Zalo"', ("Zalo",)),
        ('["lừa đảo", "an ninh mạng"]', ("lừa đảo", "an ninh mạng")),
        ("lừa đảo; an ninh mạng", ("lừa đảo", "an ninh mạng")),
    ],
)
def test_tags_on_one_line_are_separated_by_commas_or_semicolons(
    tmp_path: Path, written: str, expected: tuple[str, ...]
) -> None:
    assert load_one(tmp_path, bulletin_md({"tags": written})).tags == expected


def test_per_channel_blocks_are_kept_and_unknown_keys_go_to_extra(tmp_path: Path) -> None:
    text = bulletin_md(
        {
            "radio": "\n  air_date: 2020-12-12\n  title: Tin ngắn",
            "zalo": "\n  title: Tiêu đề Zalo",
            "dia_ban": '"xã Tân Nhuận Đông"',
            "nguon": "[a, b]",
        }
    )
    bulletin = load_one(tmp_path, text)
    assert bulletin.block("radio") == {"air_date": dt.date(2020, 12, 12), "title": "Tin ngắn"}
    assert bulletin.block("zalo") == {"title": "Tiêu đề Zalo"}
    assert bulletin.block("web") == {}
    assert bulletin.extra == {"dia_ban": "xã Tân Nhuận Đông", "nguon": ["a", "b"]}


def test_optional_fields_are_read(tmp_path: Path) -> None:
    text = bulletin_md(
        {
            "id": "ct-2020-12-zalo-oa",
            "slug": "ra-mat-zalo",
            "tags": '["Zalo", "Zalo", " chuyển đổi số "]',
            "author": '"Minh Anh"',
            "cover": "images/anh.jpg",
            "cover_alt": '"Biểu trưng Công an nhân dân"',
            "classification": '"công khai"',
            "pii_reviewed_by": '"Đại úy Lê Thị Hoa"',
        },
        body='Mở đầu.\n\n![Hiện trường](../images/anh.jpg "Chú thích ảnh")\n',
    )
    bulletin = load_one(tmp_path, text, files={"content/images/anh.jpg": TINY_JPEG})
    assert (bulletin.key, bulletin.slug) == ("ct-2020-12-zalo-oa", "ra-mat-zalo")
    assert bulletin.tags == ("Zalo", "chuyển đổi số")
    assert bulletin.author == "Minh Anh"
    assert bulletin.cover is not None
    assert (bulletin.cover.path, bulletin.cover.alt) == (
        "images/anh.jpg",
        "Biểu trưng Công an nhân dân",
    )
    [image] = bulletin.images
    assert (image.path, image.alt, image.caption) == (
        "images/anh.jpg",
        "Hiện trường",
        "Chú thích ảnh",
    )
    assert bulletin.classification == "công khai"
    assert bulletin.pii_reviewed_by == "Đại úy Lê Thị Hoa"
    assert bulletin.draft is False and bulletin.expires is None
    assert len(bulletin.digest) == 64


def test_slug_comes_from_the_file_name_without_its_date(tmp_path: Path) -> None:
    bulletin = load_one(tmp_path, bulletin_md(), name="2020-12-08-Đường dây nóng.md")
    assert bulletin.slug == "duong-day-nong"
    assert bulletin.key == "duong-day-nong"
    assert bulletin.url == "/2020/12/duong-day-nong/"


def test_bulletins_are_newest_first_and_hidden_files_are_skipped(tmp_path: Path) -> None:
    files = {
        A: bulletin_md({"date": "2020-12-08 08:00"}),
        B: bulletin_md({"date": "2021-06-01 08:00"}),
        "content/bai-viet/c.md": bulletin_md({"date": "2020-12-09 08:00"}),
        "content/bai-viet/_mau.md": "không phải bản tin",
        "content/.nhap/x.md": "không phải bản tin",
    }
    site = load(make_project(tmp_path, files), now=dt.datetime(2022, 1, 1, tzinfo=HCM))
    assert [b.slug for b in site.bulletins] == ["b", "c", "a"]


def test_pages_are_loaded_in_order_and_drafts_only_with_drafts(tmp_path: Path) -> None:
    files = {
        A: bulletin_md(),
        "content/pages/lien-he.md": '---\ntitle: "Liên hệ"\nlayout: contact\norder: 2\n---\nĐT\n',
        "content/pages/gioi-thieu.md": '---\ntitle: "Giới thiệu"\norder: 1\nnguoi_phu_trach: X\n---\nGT\n',
        "content/pages/nhap.md": '---\ntitle: "Nháp"\ndraft: true\n---\nN\n',
    }
    root = make_project(tmp_path, files)
    site = load(root)
    assert [(p.slug, p.layout, p.url) for p in site.pages] == [
        ("gioi-thieu", "page", "/gioi-thieu/"),
        ("lien-he", "contact", "/lien-he/"),
    ]
    assert site.pages[0].extra == {"nguoi_phu_trach": "X"}
    assert [b.slug for b in site.bulletins] == ["a"]
    assert "nhap" in [p.slug for p in load(root, drafts=True).pages]


def test_missing_content_folder(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    (root / "content").rmdir()
    with pytest.raises(ContentError) as info:
        load(root)
    assert "content/" in str(info.value)


@pytest.mark.parametrize(
    ("ref", "inside"),
    [
        ("images/anh.jpg", True),
        ("../images/anh.jpg", True),
        ("/images/anh.jpg", True),
        ("../../site.toml", False),
        ("../../../etc/passwd", False),
        ("/../../etc/passwd", False),
        ("images/../../site.toml", False),
    ],
)
def test_image_references_resolve_only_inside_content(
    tmp_path: Path, ref: str, inside: bool
) -> None:
    root = make_project(tmp_path, {"content/images/anh.jpg": TINY_JPEG, A: bulletin_md()})
    config = config_module.load(root)
    resolved = resolve_content_path(ref, root / A, config)
    content = (root / "content").resolve()
    if inside:
        assert resolved == content / "images/anh.jpg"
    else:
        assert resolved is None or (content in resolved.parents and not resolved.exists())


def test_symlinked_image_pointing_outside_content_is_refused(tmp_path: Path) -> None:
    root = make_project(tmp_path, {A: bulletin_md(body="![Ảnh](images/lien-ket.jpg)\n")})
    (root / "content/images").mkdir()
    (root / "content/images/lien-ket.jpg").symlink_to(root / "site.toml")
    with pytest.raises(ContentError) as info:
        load(root)
    assert "nằm ngoài thư mục content/" in str(info.value)


@pytest.mark.parametrize(
    "written",
    ['"Tình hình an ninh trật tự"', '"tình hình AN NINH trật tự"', "Tinh hinh an ninh trat tu"],
)
def test_a_category_may_be_written_as_its_label(tmp_path: Path, written: str) -> None:
    bulletin = load_one(tmp_path, bulletin_md({"category": written}))
    assert bulletin.category == "an-ninh-trat-tu"


def test_a_shortened_category_key_is_suggested_in_full(tmp_path: Path) -> None:
    root = make_project(tmp_path, {A: bulletin_md({"category": "canh"})})
    with pytest.raises(ContentError) as caught:
        load(root)
    [problem] = caught.value.problems
    assert problem.field == "category"
    assert "Có phải ý bạn là «canh-bao-toi-pham»?" in str(problem)


@pytest.mark.parametrize(
    ("written", "table"),
    [
        ("tin-tuc", '[categories.tin-tuc] với dòng label = "Tên chuyên mục"'),
        (
            '"Tin tức địa phương"',
            '[categories.tin-tuc-dia-phuong] với dòng label = "Tin tức địa phương"',
        ),
    ],
)
def test_a_category_of_the_units_own_is_told_how_site_toml_adds_it(
    tmp_path: Path, written: str, table: str
) -> None:
    """A new unit writing a category it has not made yet was only given the list of those
    site.toml has, not that adding one is a table of site.toml; a near miss stays a typo."""
    root = make_project(tmp_path, {A: bulletin_md({"category": written})})
    with pytest.raises(ContentError) as caught:
        load(root)
    [problem] = caught.value.problems
    assert problem.field == "category"
    assert f"Muốn thêm chuyên mục mới: thêm vào site.toml bảng {table}" in (problem.hint or "")
    root = make_project(tmp_path / "typo", {A: bulletin_md({"category": "canh-bao-toi-pam"})})
    with pytest.raises(ContentError) as caught:
        load(root)
    assert "chuyên mục mới" not in (caught.value.problems[0].hint or "")


def test_two_categories_on_one_line_are_told_a_bulletin_has_one(tmp_path: Path) -> None:
    """«category: canh-bao-toi-pham, an-ninh-trat-tu» was «chuyên mục không tồn tại» with «Có
    phải ý bạn là «canh-bao-toi-pham»?»: as if one were mistyped, not that only one is taken."""
    written = "canh-bao-toi-pham, Tình hình an ninh trật tự"
    root = make_project(tmp_path, {A: bulletin_md({"category": written})})
    with pytest.raises(ContentError) as caught:
        load(root)
    [problem] = caught.value.problems
    assert (problem.field, problem.line) == ("category", 4)
    assert problem.message == "mỗi bản tin thuộc một chuyên mục: dòng này ghi 2 chuyên mục"
    assert problem.hint and problem.hint.startswith(
        "Mỗi bản tin thuộc một chuyên mục: chọn một trong canh-bao-toi-pham, an-ninh-trat-tu"
    )


def test_a_label_with_a_comma_is_still_one_category(tmp_path: Path) -> None:
    """The label «Cảnh báo phương thức, thủ đoạn tội phạm» holds a comma: one category, not two."""
    written = '"Cảnh báo phương thức, thủ đoạn tội phạm"'
    assert load_one(tmp_path, bulletin_md({"category": written})).category == "canh-bao-toi-pham"


def test_a_value_in_a_message_is_quoted_as_typed_not_as_python_writes_it(tmp_path: Path) -> None:
    """Word's no-break space in a category was shown as Python's escape, «'Lừa\\xa0đảo'», a
    text no editor can find in the file; every message quotes a value «so»."""
    root = make_project(tmp_path, {A: bulletin_md({"category": '"Lừa\u00a0đảo"', "id": "Ab"})})
    with pytest.raises(ContentError) as caught:
        load(root)
    told = {problem.field: problem.message for problem in caught.value.problems}
    assert told["category"] == "chuyên mục không tồn tại: «Lừa\u00a0đảo»"
    assert told["id"].startswith("id «Ab» chỉ được gồm")


def test_pages_pass_the_gates_but_approval(tmp_path: Path) -> None:
    """A page needs no approved_by, but an expiry, an embargo, a draft or an unclear
    classification holds it back as it does a bulletin; the held ones are told of."""
    page = '---\ntitle: "{0}"\n{1}\n---\nNội dung.\n'
    files = {
        A: bulletin_md(),
        "content/pages/mo.md": page.format("Mở", 'approved_by: ""'),
        "content/pages/het-han.md": page.format("Hết hạn", "expires: 2020-01-01"),
        "content/pages/hen-gio.md": page.format("Hẹn giờ", "date: 2099-01-01 08:00"),
        "content/pages/noi-bo.md": page.format("Nội bộ", 'classification: "nội bộ"'),
        "content/pages/con-han.md": page.format("Còn hạn", "expires: 2099-01-01\ndate: 2020-01-01"),
    }
    root = make_project(tmp_path, files)
    site = load(root)
    assert sorted(p.slug for p in site.pages) == ["con-han", "mo"]
    assert sorted(p.slug for p in load(root, drafts=True).pages) == ["con-han", "mo"]
    told = {(p.file, p.field, p.severity): p.message for p in site.warnings}
    assert "đã hết hạn" in told[("content/pages/het-han.md", "expires", "note")]
    assert "hẹn giờ" in told[("content/pages/hen-gio.md", "date", "note")]
    assert "trang bị giữ lại" in told[("content/pages/noi-bo.md", "classification", "warning")]
    assert site.pages[0].extra == {}


@pytest.mark.parametrize(
    ("front", "field"),
    [
        ("het_han: 2020-01-01", "het_han"),
        ("expire: 2020-01-01", "expire"),
        ("expires: mai", "expires"),
        ("classification: Mật", "classification"),
    ],
)
def test_a_page_whose_gate_is_unreadable_is_an_error(
    tmp_path: Path, front: str, field: str
) -> None:
    files = {A: bulletin_md(), "content/pages/x.md": f'---\ntitle: "X"\n{front}\n---\nN\n'}
    with pytest.raises(ContentError) as info:
        load(make_project(tmp_path, files))
    assert [(p.file, p.field) for p in info.value.problems if p.severity == "error"] == [
        ("content/pages/x.md", field)
    ]


def test_a_to_complete_mark_left_in_a_bulletin_or_page_is_a_warning_naming_its_lines(
    tmp_path: Path,
) -> None:
    """What `publish init` could not fill in would go out as written: told where it is, and
    under --strict (CI) nothing is published until it is filled in."""
    body = (
        "<!-- Sửa mọi đoạn ghi «CẦN BỔ SUNG» rồi xóa chữ đó. -->\n"  # line 9: hidden, not told
        "\n"
        "**CẦN BỔ SUNG:** giờ làm việc.\n"  # line 11
        "\n"
        "`CẦN BỔ SUNG` và CẦN BỔ SUNG\n"  # line 13: code shows as typed; one line, told once
    )
    page = (
        '---\ntitle: "Giới thiệu (CẦN BỔ SUNG)"\nslug: gioi-thieu\n---\n\nCẦN BỔ SUNG: địa bàn.\n'
    )
    done = bulletin_md({"title": '"Đã điền xong"'}, "<!-- CẦN BỔ SUNG -->\nNội dung.\n")
    root = make_project(
        tmp_path,
        {A: bulletin_md(body=body), "content/bai-viet/b.md": done, "content/pages/p.md": page},
    )
    with pytest.raises(ContentError):
        build(config_module.load(root), channels=("web",), now=NOW, strict=True)
    result = build(config_module.load(root), channels=("web",), now=NOW)
    notes = sorted((p.file, p.line, p.severity, p.message) for p in result.warnings)
    assert notes == [
        (
            "content/bai-viet/a.md",
            11,
            "warning",
            "bản tin còn chữ «CẦN BỔ SUNG» (dòng 11, 13): thông tin này chưa được điền, đăng lên "
            "thì người đọc thấy nguyên chữ đó",
        ),
        (
            "content/pages/p.md",
            2,
            "warning",
            "trang còn chữ «CẦN BỔ SUNG» (dòng 2, 6): thông tin này chưa được điền, đăng lên thì "
            "người đọc thấy nguyên chữ đó",
        ),
    ]
    assert "thông tin thật" in (result.warnings[0].hint or "")


@pytest.mark.parametrize(
    ("field", "written"),
    [("category", "category:"), ("category", 'category: ""'), ("date", "date:")],
)
def test_a_required_field_written_empty_is_told_at_its_own_line(
    tmp_path: Path, field: str, written: str
) -> None:
    """«category:» left empty is where the editor looks, not line 2, and it is not missing."""
    text = bulletin_md({"author": '"Minh Anh"', field: "§"}).replace(f"{field}: §", written)
    line = text.split("\n").index(written) + 1
    assert line > 2
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    [error] = [p for p in info.value.problems if p.severity == "error"]
    assert (error.field, error.line, error.message) == (field, line, "trường bắt buộc để trống")


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("01/12/2026 8 giờ tối", "8 giờ tối là 20h00"),
        ("ngày 1 tháng 12 năm 2026", "«ngày 1 tháng 12 năm 2026» là 01/12/2026"),
        ("ngày 8 tháng 12", "«ngày 8 tháng 12 năm 2020» là 08/12/2020"),
        ("11/15/2026", "Không có tháng 15: ghi ngày trước tháng (ngày/tháng/năm): 15/11/2026"),
        ("2026-15-11 08:00", "Không có tháng 15: ghi năm-tháng-ngày: 2026-11-15 08:00."),
        (
            "8h30 11/15/2026",
            "Không có tháng 15: ghi ngày trước tháng (ngày/tháng/năm): 8h30 15/11/2026.",
        ),
        ("00/11/2026", "Không có ngày 0"),
        ("2026-11-31", "Tháng 11 năm 2026 chỉ có 30 ngày"),
        ("31/11/2026 8h00", "Tháng 11 năm 2026 chỉ có 30 ngày"),
        ("29/02/2026", "Tháng 2 năm 2026 chỉ có 28 ngày"),
        ("01/12/2026 24h30", "Không có 24 giờ: giờ ghi từ 0 đến 23"),
        ("01/12/2026 8:75", "Không có phút 75: phút ghi từ 0 đến 59"),
        ("Thứ Bảy, 05/12/2026", "Bỏ thứ trong tuần"),
        ("05/12/2026 8h00 GMT+7", "bỏ «GMT+7»"),
        ("05/12/2026 8h00 UTC+7", "bỏ «UTC+7»"),
        ("05/12/2026 8h00 ICT", "bỏ «ICT»"),
        ("05/12/2026 8h00 (giờ Hà Nội)", "bỏ «(giờ Hà Nội)»"),
        ("05/12/2026 8h00 giờ Việt Nam", "bỏ «giờ Việt Nam»"),
        ("2026-12-05 08:00 Asia/Ho_Chi_Minh", "bỏ «Asia/Ho_Chi_Minh»"),
        ("2026-12-05 08:00 +7", "bỏ «+7»"),
        ("1-12-26", "Ghi năm đủ 4 chữ số"),
        ("01/12 8h30", "Ghi cả năm sau ngày và tháng (công cụ không đoán năm): 01/12/2026"),
        ("01/12/2026 8:30 giờ", "Bỏ chữ «giờ» sau giờ đã ghi bằng dấu hai chấm hay chữ h"),
        ("01/12/2026 8h30 giờ", "Bỏ chữ «giờ» sau giờ đã ghi bằng dấu hai chấm hay chữ h"),
        ("01/12/2026 8am", "bỏ chữ AM, PM (SA, CH)"),
        ("01/12/2026 8:00 PM", "8:00 PM là 20h00"),
        ("01/12/2026 8:00 SA", "bỏ chữ AM, PM (SA, CH)"),
        ("sáng nay", "không cho biết là ngày nào: ghi ngày cụ thể bằng số"),
        ("hôm qua 8h", "không cho biết là ngày nào: ghi ngày cụ thể bằng số"),
        ("ngày mai", "không cho biết là ngày nào: ghi ngày cụ thể bằng số"),
    ],
)
def test_an_unread_date_is_told_what_in_it_to_write_otherwise(
    tmp_path: Path, written: str, fix: str
) -> None:
    """The hint showed two formats and left the editor to guess what in «8 giờ tối» or
    «Thứ Bảy, 05/12/2026» was wrong (a schedule written so was refused, and stayed unpublished);
    a day that is not in the calendar (31/11, month and day swapped as in English) and a date in
    words are told with the editor's own numbers; a time zone is named as written (the hint
    said «bỏ «GMT+7»» of «UTC+7», «ICT» and «(giờ Hà Nội)» alike)."""
    root = make_project(tmp_path, {A: bulletin_md({"date": f'"{written}"'})})
    with pytest.raises(ContentError) as caught:
        load(root)
    [problem] = caught.value.problems
    assert problem.field == "date" and fix in (problem.hint or "")
    assert "bỏ «" not in (problem.hint or "").replace(fix, "")  # nothing else to remove
    assert (problem.hint or "").endswith(DATE_HINT)  # the two formats still shown, last


@pytest.mark.parametrize(
    ("written", "rewritten", "moment"),
    [
        ("6/12/2020 8 giờ sáng", "6/12/2020 08:00", "06/12/2020 08:00"),
        ("06/12/2020 2h30 chiều", "06/12/2020 14:30", "06/12/2020 14:30"),
        ("8 giờ tối 06/12/2020", "20:00 06/12/2020", "06/12/2020 20:00"),
        ("06/12/2020 1 giờ trưa", "06/12/2020 13:00", "06/12/2020 13:00"),
        ("06/12/2020 12 giờ trưa", "06/12/2020 12:00", "06/12/2020 12:00"),
    ],
)
def test_a_time_with_its_part_of_the_day_is_given_back_as_the_tool_reads_it(
    tmp_path: Path, written: str, rewritten: str, moment: str
) -> None:
    """An editor wrote «8 giờ sáng» and was told the rule with another hour («8 giờ tối là
    20h00») to work their own out from; the value, rewritten, is what they copy, and it loads."""
    root = make_project(tmp_path, {A: bulletin_md({"date": f'"{written}"'})})
    with pytest.raises(ContentError) as caught:
        load(root)
    [problem] = caught.value.problems
    assert f"Giá trị này viết lại là: {rewritten}." in (problem.hint or "")
    (root / A).write_text(bulletin_md({"date": f'"{rewritten}"'}), "utf-8")
    [bulletin] = load(root).bulletins
    assert bulletin.date.strftime("%d/%m/%Y %H:%M") == moment


@pytest.mark.parametrize(
    "written",
    [
        "06/12/2026 11 giờ đêm",
        "06/12/2026 12 giờ tối",
        "06/12/2026 12 giờ chiều",
        "12 giờ sáng 6/12/2026",
    ],
)
def test_a_night_hour_is_not_rewritten(tmp_path: Path, written: str) -> None:
    """«2 giờ đêm» is 02:00 and «11 giờ đêm» 23:00: no rewriting guesses which. «12 giờ tối»
    was given back as noon (12:00), for the editor to copy; 12 is noon only at «trưa»."""
    root = make_project(tmp_path, {A: bulletin_md({"date": f'"{written}"'})})
    with pytest.raises(ContentError) as caught:
        load(root)
    assert "viết lại là" not in (caught.value.problems[0].hint or "")


@pytest.mark.parametrize("written", ["06/12/2026 11:59 PM", "06/12/2026 8h PM", "06/12/2026 8am"])
def test_a_time_with_am_or_pm_is_told_once_how_to_write_it(tmp_path: Path, written: str) -> None:
    """«11:59 PM» was told to drop «sáng, chiều, tối», which it does not hold, then AM, PM."""
    root = make_project(tmp_path, {A: bulletin_md({"date": f'"{written}"'})})
    with pytest.raises(ContentError) as caught:
        load(root)
    [problem] = caught.value.problems
    hint = problem.hint or ""
    assert hint.count("Ghi giờ theo cách đếm 24 giờ") == 1 and "bỏ chữ AM, PM" in hint


def test_a_radio_setting_of_the_wrong_kind_is_quoted_as_written_not_as_python_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«floatable: có» and a date where a name goes were told as Python's 'có' and
    datetime.date(2020, 12, 12), which an editor cannot match to the line in the file."""
    radio = "\n  floatable: có\n  reader: 2020-12-12"
    root = make_project(tmp_path, {A: bulletin_md({"channels": "[radio]", "radio": radio})})
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert "cần true hoặc false, nhận được một chuỗi ký tự («có»)" in err
    assert "cần một chuỗi ký tự, nhận được một ngày (2020-12-12)" in err
    assert "datetime" not in err and "'có'" not in err


def test_a_files_problems_are_told_top_to_bottom(tmp_path: Path) -> None:
    """A front matter written with Vietnamese keys was told line 2, 5, 3, 4: the order the
    fields are checked in, not the one the editor reads the file in."""
    text = (
        '---\nTiêu đề: "Thông báo"\nNgày: 30/11/2026\nChuyên mục: tiep-nhan-phan-anh\n'
        'Tóm tắt: "Lịch tiếp công dân."\n---\n\nNội dung.\n'
    )
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as caught:
        load(root)
    assert [p.line for p in caught.value.problems] == [2, 3, 4, 5]


def test_a_pages_problems_are_told_top_to_bottom(tmp_path: Path) -> None:
    """A page's problems were still told in the order its fields are checked (title, image,
    order, layout: lines 4, 7, 3, 2) after a bulletin's were put in the editor's reading order."""
    text = '---\nlayout: lienhe\norder: "một"\ntitle: ""\n---\n\n![Trụ sở](images/khong-co.jpg)\n'
    root = make_project(tmp_path, {B: bulletin_md(), "content/pages/lien-he.md": text})
    with pytest.raises(ContentError) as caught:
        load(root)
    told = [p for p in caught.value.problems if p.file == "content/pages/lien-he.md"]
    assert [p.line for p in told] == [2, 3, 4, 7]


def test_an_empty_cover_alt_is_told_on_its_own_line(tmp_path: Path) -> None:
    """`cover_alt: ""` was told on the cover's line with «Thêm cover_alt … dưới dòng cover»:
    the editor, who had written it, looked for a line to add."""
    fields = {"cover": "images/anh.jpg", "cover_alt": '""'}
    root = make_project(tmp_path, {A: bulletin_md(fields), "content/images/anh.jpg": TINY_JPEG})
    with pytest.raises(ContentError) as caught:
        load(root)
    [problem] = caught.value.problems
    assert (problem.field, problem.line) == ("cover_alt", 8)  # cover is on line 7
    assert problem.message == "ảnh bìa cần mô tả: cover_alt để trống"
    assert problem.hint and "dưới dòng cover" not in problem.hint


@pytest.mark.parametrize(("written", "meant"), [("có", "true"), ("Không", "false"), ("x", "true")])
def test_a_yes_or_no_in_vietnamese_for_draft_is_told_the_word_to_write(
    tmp_path: Path, written: str, meant: str
) -> None:
    """`draft: có` was told to write true or false, leaving the editor to work out which «có» is."""
    root = make_project(tmp_path, {A: bulletin_md({"draft": written})})
    with pytest.raises(ContentError) as caught:
        load(root)
    [problem] = caught.value.problems
    assert problem.field == "draft"
    assert problem.hint == f"«{written}» viết là 'draft: {meant}' (tiếng Anh, không có ngoặc kép)."


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        (
            "summary: Người dân cần cảnh giác: không cung cấp mã OTP.",
            'sửa dòng này thành: summary: "Người dân cần cảnh giác: không cung cấp mã OTP."',
        ),
        ("tieu de\nsummary: Cảnh giác: OTP", None),
    ],
)
def test_a_value_with_a_colon_is_shown_its_own_line_quoted(
    tmp_path: Path, written: str, fix: str | None
) -> None:
    """The hint showed «title: "Cảnh báo: lừa đảo qua mạng"» for a summary: the editor had to
    work out which part of their own line to put in quotes. Not when the line above lacks its
    ':', which is what is to fix then."""
    text = f'---\ntitle: "Tin"\n{written}\n---\n\nNội dung.\n'
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as caught:
        load(root)
    hint = caught.value.problems[0].hint or ""
    assert fix in hint if fix else "sửa dòng này thành" not in hint


@pytest.mark.parametrize(
    ("zone", "told"),
    [
        ("UTC", "nên bài đăng muộn 7 giờ so với giờ ghi"),
        ("Asia/Tokyo", "nên bài đăng sớm 2 giờ so với giờ ghi"),
        ("Europe/Berlin", "được hiểu theo múi này"),
        ("Asia/Ho_Chi_Minh", None),
        ("Asia/Bangkok", None),  # UTC+7 all year too
    ],
)
def test_a_timezone_other_than_vietnams_is_warned_of(
    tmp_path: Path, zone: str, told: str | None
) -> None:
    """`timezone = "UTC"` in site.toml was taken silently, and every date written without an
    offset moved 7 hours: a warning names the line and the way back to Vietnam's clock."""
    toml = SITE_TOML.replace("[site]\n", f'[site]\ntimezone = "{zone}"\n')
    root = make_project(tmp_path, {"site.toml": toml, A: bulletin_md()})
    found = [p for p in load(root).warnings if p.field == "[site] timezone"]
    if told is None:
        assert found == []
        return
    [problem] = found
    assert problem.file == "site.toml" and problem.line is not None
    assert (
        (root / "site.toml")
        .read_text("utf-8")
        .splitlines()[problem.line - 1]
        .startswith("timezone")
    )
    assert f"múi giờ «{zone}» không phải giờ Việt Nam (UTC+7)" in problem.message
    assert told in problem.message
    assert problem.hint is not None and 'timezone = "Asia/Ho_Chi_Minh"' in problem.hint


def test_a_value_opening_with_a_dash_says_to_drop_it_or_quote_the_value(tmp_path: Path) -> None:
    """A bulleted line copied into the title kept its «- »."""
    text = bulletin_md().replace('title: "Cảnh báo lừa đảo qua mạng"', "title: - Cảnh báo lừa đảo")
    with pytest.raises(ContentError) as info:
        load(make_project(tmp_path, {A: text}))
    [problem] = info.value.problems
    assert problem.hint == (
        "Xóa dấu - ở đầu giá trị, hoặc giữ nó và đặt cả giá trị trong ngoặc kép, sửa dòng này "
        'thành: title: "- Cảnh báo lừa đảo"'
    )


def test_a_value_opening_with_a_dash_is_told_alike_by_either_yaml_loader() -> None:
    """Without libyaml, `publish.frontmatter` falls back to PyYAML's own loader, whose message
    is «sequence entries are not allowed here», not libyaml's «block sequence entries…»: the
    editor got the English one."""
    import yaml

    from publish.syntax import yaml_error

    text = "title: - Cảnh báo lừa đảo\ndate: 2020-12-08\n"
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        with pytest.raises(yaml.YAMLError) as info:
            yaml.load(text, Loader=loader)
        told = yaml_error(info.value, text, 2)
        assert "giá trị bắt đầu bằng dấu «- »" in told.message, loader
