"""Hints that give a line to copy into the file: the line, put back in place of the one it
fixes, reads (YAML front matter, TOML site.toml) as the value the editor meant, the comment
after it left out of the value and every backslash kept as typed."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from publish import config as config_module
from publish.cli import main
from publish.config import parse
from publish.content import load_site
from publish.errors import ConfigError, ContentError, Problem
from publish.fields import Collector, capitals
from publish.frontmatter import FrontMatterError, split
from publish.model import Site
from publish.syntax import toml_error
from tests.hang_guard import run_python_guarded
from tests.helpers import NOW, SITE_TOML, bulletin_md, make_project

A = "content/bai-viet/a.md"
ROOT = Path("/srv/du-an")
COPY = re.compile(r"(?:[Ss]ửa dòng này thành|Thay dòng .* bằng|ví dụ|Ví dụ): (.*?)(?:, rồi .*)?$")
"""The line a hint gives to copy, at its end."""


def front(lines: str) -> str:
    """A bulletin file whose front matter is `lines`."""
    return f"---\n{lines}\n---\n\nNội dung.\n"


def front_matter_fix(text: str) -> tuple[int, str] | None:
    """(1-based line, line to copy) of the hint the front matter of `text` is refused with;
    None when it is read, or the hint gives no line."""
    try:
        split(text)
    except FrontMatterError as exc:
        found = COPY.search(exc.hint or "")
        return (exc.line or 0, found.group(1)) if found else None
    return None


def copied(text: str, line: int, fixed: str) -> str:
    """`text` with its line `line` (1-based) replaced by `fixed`."""
    lines = text.split("\n")
    lines[line - 1] = fixed
    return "\n".join(lines)


def read_back(text: str, line: int, fixed: str) -> dict:
    """The front matter of `text` once the hint's line is copied in place of line `line`."""
    return split(copied(text, line, fixed)).data


def as_typed(value: str) -> str:
    """`value` as typed between quotes: as it is, a ' doubled where it is in single quotes."""
    return value.replace("'", "''") if '"' in value or "\\" in value else value


def load(root: Path) -> Site:
    """The site of the project at `root`, at the tests' fixed clock."""
    return load_site(config_module.load(root), now=NOW)


def test_a_comment_holding_quotes_stays_out_of_the_retyped_value() -> None:
    """«title: "Ra quân "tuần tra" cuối năm" # ghi chú "cũ"» was retyped with the comment in
    the title («… cuối năm« # ghi chú »cũ"»): copied, the editor's note was published."""
    text = front('title: "Ra quân "tuần tra" cuối năm" # ghi chú "cũ"')
    line, fixed = front_matter_fix(text) or (0, "")
    assert fixed == 'title: "Ra quân «tuần tra» cuối năm" # ghi chú "cũ"'
    assert read_back(text, line, fixed) == {"title": "Ra quân «tuần tra» cuối năm"}


@pytest.mark.parametrize(
    ("written", "meant", "comment"),
    [
        (
            "summary: Người dân: không chuyển tiền # chú thích",
            "Người dân: không chuyển tiền",
            " # chú thích",
        ),
        (
            'summary: Người dân: không chuyển tiền # ghi "cũ"',
            "Người dân: không chuyển tiền",
            ' # ghi "cũ"',
        ),
        ("summary: Mẫu đơn: D:\\tai-lieu\\nop-don.docx", "Mẫu đơn: D:\\tai-lieu\\nop-don.docx", ""),
        ('summary: Cảnh giác: mã "OTP" giả', 'Cảnh giác: mã "OTP" giả', ""),
        ("summary: Cảnh giác: tin#1 giả", "Cảnh giác: tin#1 giả", ""),
    ],
)
def test_a_value_with_a_colon_is_retyped_without_its_comment_and_its_backslashes_as_typed(
    written: str, meant: str, comment: str
) -> None:
    """The comment after a value with a colon went into the quotes with it; a Windows path
    was put in double quotes, where YAML reads «\\t» as a Tab and «\\n» as a new line; a value
    holding a " got no line at all."""
    text = front(f'title: "Tin"\n{written}')
    line, fixed = front_matter_fix(text) or (0, "")
    assert line == 3 and fixed.endswith(comment), fixed
    assert read_back(text, line, fixed)["summary"] == meant


def test_a_value_under_a_block_is_retyped_with_its_indent_and_comment() -> None:
    text = bulletin_md({"zalo": "\n  title: Cảnh giác: không chuyển tiền # chú thích"})
    line, fixed = front_matter_fix(text) or (0, "")
    assert fixed == '  title: "Cảnh giác: không chuyển tiền" # chú thích'
    assert read_back(text, line, fixed)["zalo"] == {"title": "Cảnh giác: không chuyển tiền"}


def test_a_value_going_on_below_its_line_is_not_retyped_alone() -> None:
    """A value over two lines retyped as its first line alone left the second line stray."""
    text = front('title: "Tin"\nsummary: Cảnh giác: không\n  chuyển tiền')
    assert front_matter_fix(text) is None


def test_a_backslash_in_a_value_closed_early_is_kept_as_typed() -> None:
    """Quotes inside a value holding a path: no line was given (a backslash was refused)."""
    text = front("title: 'Mẫu 'A' ở D:\\tai-lieu'")
    line, fixed = front_matter_fix(text) or (0, "")
    assert read_back(text, line, fixed) == {"title": "Mẫu «A» ở D:\\tai-lieu"}


# ---- site.toml ----


def toml_fix(text: str) -> str:
    """The hint site.toml `text` is refused with (the file must be refused once)."""
    with pytest.raises(ConfigError) as info:
        parse(text, root=ROOT)
    [problem] = info.value.problems
    return problem.hint or ""


def test_quotes_inside_a_site_toml_value_are_told_with_the_line_retyped() -> None:
    """`short_name = "Công an "Châu Thành""` was told to put values with spaces in quotes and
    comments after #, which it has: the quotes inside closed it early, and no line was given."""
    text = SITE_TOML.replace(
        'short_name = "Công an Châu Thành"', 'short_name = "Công an "Châu Thành"" # tên ngắn'
    )
    hint = toml_fix(text)
    assert "«…»" in hint and "ngoặc đơn ('…')" in hint
    fixed = hint.split("Sửa dòng này thành: ", 1)[1]
    assert fixed == 'short_name = "Công an «Châu Thành»" # tên ngắn'
    retyped = text.replace('short_name = "Công an "Châu Thành"" # tên ngắn', fixed)
    assert parse(retyped, root=ROOT).unit.short_name == "Công an «Châu Thành»"


def test_quotes_inside_a_zalo_value_are_told_without_printing_the_line() -> None:
    hint = toml_fix(SITE_TOML + '\n[zalo]\noa_id = "12345"abcdefABCDEF1234567890"\n')
    assert "dòng này không in ra" in hint and "abcdef" not in hint


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ('“Công an "Châu Thành"”', 'Công an "Châu Thành"'),
        ("“D:\\tai-lieu\\nop-don”", "D:\\tai-lieu\\nop-don"),
        ("“Chương trình «Vì an ninh»”", "Chương trình «Vì an ninh»"),
    ],
)
def test_a_curly_quoted_value_is_retyped_as_toml_that_reads_the_same_text(
    written: str, meant: str
) -> None:
    """The curly quotes were made straight in place: a " inside closed the value early, and a
    backslash became an escape («\\t» a Tab, «\\n» a new line)."""
    hint = toml_fix(SITE_TOML + f"\n[radio]\nprogram = {written}\n")
    fixed = hint.rsplit("Notepad: ", 1)[1]
    assert tomllib.loads(fixed) == {"program": meant}


# ---- fields ----


def test_approved_by_with_its_value_on_the_next_line_is_told_to_replace_both_lines(
    tmp_path: Path,
) -> None:
    """`approved_by:` with `yes` on the line below was told to write «approved_by: "…"»:
    typed on the key's line, with «yes» left below it, the front matter no longer read."""
    text = bulletin_md({"approved_by": "\n  yes"})
    root = make_project(tmp_path, {A: text})
    # A warning holding the bulletin (publish.person_fields), the rest of the site built.
    [problem] = [p for p in load(root).warnings if p.field == "approved_by"]
    assert problem.hint and "dòng ghi tay thay cho cả hai dòng" in problem.hint
    assert "xóa cả dòng «yes» bên dưới" in problem.hint
    typed = re.search(r"hoặc ghi (approved_by: \"[^\"]+\")", problem.hint)
    assert typed
    done = text.replace("approved_by: \n  yes", typed.group(1))  # both lines, as told
    assert split(done).data["approved_by"] == "Thượng tá Nguyễn Văn Hùng, Trưởng Công an xã"
    with pytest.raises(FrontMatterError):  # only the key's line: what the hint warns of
        split(text.replace("approved_by: \n", typed.group(1) + "\n"))


@pytest.mark.parametrize(
    ("slug", "meant"), [('"123!"', "123"), ('"True!"', "true"), ('"2026-12-05!"', "2026-12-05")]
)
def test_a_suggested_slug_is_written_so_that_it_reads_as_text(
    tmp_path: Path, slug: str, meant: str
) -> None:
    """«slug: "123!"» was told «Ví dụ: slug: 123»: copied, YAML read a number (a yes, a date)
    and the slug was refused again."""
    text = bulletin_md({"slug": slug})
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = [p for p in info.value.problems if p.field == "slug"]
    found = COPY.search(problem.hint or "")
    assert found
    [bulletin] = load(
        make_project(tmp_path / "b", {A: text.replace(f"slug: {slug}", found[1])})
    ).bulletins
    assert bulletin.slug == meant


# ---- every line offered, for any text ----

LETTERS = "aăâbcđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệ0123456789.,-#\\'"


def text_of(extra: str = "") -> st.SearchStrategy[str]:
    """A few words of Vietnamese letters, digits, marks, a backslash and `extra`."""
    word = st.text(alphabet=st.sampled_from(LETTERS + extra), min_size=1, max_size=8).filter(
        lambda w: w[0] not in "\\-.,'#" + extra and w[-1] != "\\"
    )
    return st.lists(word, min_size=1, max_size=4).map(" ".join)


COMMENT = st.one_of(
    st.just(""),
    st.text(alphabet=st.sampled_from("abc \"'\\#:"), max_size=12).map(lambda c: " # " + c),
)


@settings(max_examples=60, deadline=None)
@given(text_of('"'), text_of('"'), COMMENT)
@example("Người dân", "không chuyển tiền", " # chú thích")
@example("Mẫu đơn", "D:\\tai-lieu\\nop-don.docx", "")
def test_a_value_with_a_colon_retyped_reads_as_written(
    before: str, after: str, comment: str
) -> None:
    written = f"{before}: {after}"
    text = front(f'title: "Tin"\nsummary: {written}{comment}')
    fix = front_matter_fix(text)
    assert fix is not None, text
    assert read_back(text, *fix)["summary"] == written
    assert as_typed(written) in fix[1]


@settings(max_examples=60, deadline=None)
@given(text_of(), text_of(), text_of(), COMMENT, st.sampled_from("\"'"))
@example("Ra quân", "tuần tra", "cuối năm", ' # ghi chú "cũ"', '"')
@example("Mẫu", "A", "ở D:\\tai-lieu", "", "'")
@example("0", "0", "0", " # a:\\:\\", '"')  # a drive-like comment after the value: not the value's
def test_a_value_closed_early_retyped_reads_as_written(
    before: str, inside: str, after: str, comment: str, quote: str
) -> None:
    typed = [part.replace("'", "''") if quote == "'" else part for part in (before, inside, after)]
    text = front(f"title: {quote}{typed[0]} {quote}{typed[1]}{quote} {typed[2]}{quote}{comment}")
    fix = front_matter_fix(text)
    if fix is None:  # an escape YAML refuses before the quotes («\\q» in double quotes)
        assert quote == '"' and "\\" in before + inside + after
        return
    assert read_back(text, *fix) == {"title": f"{before} «{inside}» {after}"}


@settings(max_examples=60, deadline=None)
@given(text_of(), text_of(), text_of(), COMMENT)
@example("Công an", "Châu Thành", "huyện", " # tên ngắn")
def test_a_site_toml_value_closed_early_retyped_reads_as_written(
    before: str, inside: str, after: str, comment: str
) -> None:
    text = f'[unit]\nshort_name = "{before} "{inside}" {after}"{comment}\n'
    with pytest.raises(tomllib.TOMLDecodeError) as info:
        tomllib.loads(text)
    hint = toml_error(info.value, text).hint
    if "\\" in before + inside + after:  # an escape, or the end of the value: unclear
        assert "Sửa dòng này thành" not in hint
        return
    fixed = hint.split("Sửa dòng này thành: ", 1)[1]
    assert tomllib.loads(fixed) == {"short_name": f"{before} «{inside}» {after}"}


@settings(max_examples=60, deadline=None)
@given(text_of('"'), COMMENT)
@example('Công an "Châu Thành"', "")
@example("D:\\tai-lieu", " # cũ")
@example('Cỡ 5" #1', "")
def test_a_curly_quoted_site_toml_value_retyped_reads_as_written(value: str, comment: str) -> None:
    text = f"[radio]\nprogram = “{value}”{comment}\n"
    with pytest.raises(tomllib.TOMLDecodeError) as info:
        tomllib.loads(text)
    hint = toml_error(info.value, text).hint
    fixed = hint.rsplit("Notepad: ", 1)[1]
    assert tomllib.loads(fixed) == {"program": value}


@settings(max_examples=60, deadline=None)
@given(text_of('"'))
@example('"LỪA ĐẢO" QUA MẠNG')
@example("TẠI D:\\TAI-LIEU\\NOP-DON")
def test_a_title_in_capitals_suggested_reads_as_written(value: str) -> None:
    title = "CẢNH BÁO KHẨN " + value.upper()
    col = Collector("a.md", [])
    capitals(col, "title", title)
    [note] = col.problems
    found = re.search(r"ví dụ (title: .*), rồi viết hoa", note.hint or "")
    assert found
    meant = re.sub(r'"([^"]*)"', r"«\1»", title[:1] + title[1:].lower())
    assert yaml.safe_load(found[1]) == {"title": meant}
    assert as_typed(meant) in found[1]  # no escape to work out: «D:\\tai-lieu» as typed


# ---- review M: Windows paths, « #» and a curly closing quote in front matter ----


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ('title: "C:\\Users\\Tu\\tin.docx"', "C:\\Users\\Tu\\tin.docx"),
        ('title: "Mẫu ở C:\\xin\\a.docx"', "Mẫu ở C:\\xin\\a.docx"),
        ('summary: "D:\\tin bai\\New folder\\ban.docx"', "D:\\tin bai\\New folder\\ban.docx"),
        ('summary: "\\\\may-chu\\tai-lieu\\ban.docx" # ghi chú', "\\\\may-chu\\tai-lieu\\ban.docx"),
        ('summary: "C:\\temp"', "C:\\temp"),
        ('summary: "Lưu ở c:\\bao-cao.docx"', "Lưu ở c:\\bao-cao.docx"),
    ],
)
def test_a_windows_path_in_double_quotes_is_told_with_the_line_retyped(
    written: str, meant: str
) -> None:
    """«title: "C:\\Users\\Tu\\tin.docx"» was refused as a quote left open («Thêm dấu ngoặc
    đóng»: the real cause is \\U, an escape), and «summary: "D:\\tin bai\\New folder\\ban.docx"»
    was read silently as a Tab, a NEL and a backspace (the check only said invisible control
    characters were dropped). Both say to double the \\ or use single quotes, with the line."""
    text = front(f'title: "Tin"\n{written}' if written.startswith("summary") else written)
    with pytest.raises(FrontMatterError) as info:
        split(text)
    assert "chưa được đóng" not in str(info.value)
    assert "viết đôi" in str(info.value)
    line, fixed = front_matter_fix(text) or (0, "")
    key = written.split(":")[0]
    assert line == text.split("\n").index(written) + 1
    assert read_back(text, line, fixed)[key] == meant


def test_a_windows_path_written_right_in_double_quotes_is_read() -> None:
    """Doubled backslashes, or a backslash that is no path, are left as YAML reads them."""
    text = front('title: "Tin"\nsummary: "D:\\\\tin bai\\\\ban.docx"\nauthor: "A\\tB"')
    assert split(text).data["summary"] == "D:\\tin bai\\ban.docx"


@pytest.mark.parametrize(
    ("title", "line"),
    [("Tin số #3: bắt giữ", 'title: "Tin số #3: bắt giữ"'), ("Chiến dịch #LừaĐảo", None)],
)
def test_a_hash_cutting_an_unquoted_title_is_warned_with_the_line_quoted(
    tmp_path: Path, title: str, line: str | None
) -> None:
    """«title: Tin số #3: bắt giữ» published «Tin số» without a word: YAML reads « #…» as a
    comment. A warning names what was kept and gives the quoted line to copy."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"title": title})})
    [warning] = load(root).warnings
    assert warning.severity == "warning" and warning.line == 2 and warning.field == "title"
    assert "« #»" in warning.message and f"«{title.split(' #')[0]}»" in warning.message
    fixed = COPY.search(warning.hint or "")
    assert fixed is not None
    assert split(copied(bulletin_md({"title": title}), 2, fixed.group(1))).data["title"] == title


def _one_warning(tmp_path: Path, fields: dict[str, str]) -> tuple[Problem, str]:
    """The one warning a bulletin with `fields` loads with, and its file's text."""
    text = bulletin_md(fields)
    root = make_project(tmp_path, {"content/a.md": text})
    [warning] = load(root).warnings
    return warning, text


@pytest.mark.parametrize(
    ("fields", "field", "meant"),
    [
        ({"title": "Tin số # ghi chú"}, "title", "Tin số # ghi chú"),
        ({"title": "Vụ # 3 tại xã Tân Phú"}, "title", "Vụ # 3 tại xã Tân Phú"),
        (
            {"summary": "Cảnh giác # không chuyển tiền cho người lạ"},
            "summary",
            "Cảnh giác # không chuyển tiền cho người lạ",
        ),
        (
            {"cover_alt": "Lực lượng ra quân # tuần tra đêm"},
            "cover_alt",
            "Lực lượng ra quân # tuần tra đêm",
        ),
    ],
)
def test_a_hash_then_a_space_in_an_unquoted_title_is_warned(
    tmp_path: Path, fields: dict[str, str], field: str, meant: str
) -> None:
    """«title: Tin số # ghi chú» was published «Tin số», silently: with a space after the #
    YAML reads the rest as a comment, and the check took it for one. Editors put no comments
    on a title's line: in a title or a summary not in quotes, « # » then words is most likely
    text. The warning names what was kept, gives the line with the whole value quoted, and how
    to keep a comment meant as one (the value in quotes before it)."""
    warning, text = _one_warning(tmp_path, fields)
    line = text.split("\n").index(f"{field}: {meant}") + 1
    assert warning.severity == "warning" and warning.line == line and warning.field == field
    kept = meant.split(" #")[0]
    assert f"«{kept}»" in warning.message and "« #»" in warning.message
    assert f'{field}: "{kept}" #' in (warning.hint or "")
    fixed = COPY.search(warning.hint or "")
    assert fixed is not None
    assert split(copied(text, line, fixed.group(1))).data[field] == meant


@pytest.mark.parametrize(
    "fields",
    [
        {"title": '"Tin mới" # ghi chú'},
        {"category": "canh-bao-toi-pham # chuyên mục của bài"},
        {"date": "2020-12-08 08:00 # giờ Việt Nam"},
        {"tags": "[an ninh, lừa đảo] # chú thích"},
        {"author": "Minh Anh # phóng viên"},
        {"cover_alt": '""\n# title: Tin số # ghi chú'},
        {"title": "Tin mới #"},
        {"summary": "|\n  Dòng một.\n  title: Tin số #3 của xã"},
    ],
)
def test_a_comment_after_a_value_is_not_warned(tmp_path: Path, fields: dict[str, str]) -> None:
    """A comment after a quoted value, after a value that is no text (a key, a date, a list),
    after a name, a comment line of its own, a # with nothing after it and a line inside a
    `|` text are what YAML reads them as: no warning."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md(fields)})
    assert load(root).warnings == ()


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("#luadao #canhbao", ["luadao", "canhbao"]),
        ("#LừaĐảo, #an_ninh_mạng", ["LừaĐảo", "an_ninh_mạng"]),
    ],
)
def test_hashtags_written_as_tags_are_warned_with_the_list_to_copy(
    tmp_path: Path, written: str, meant: list[str]
) -> None:
    """«tags: #luadao #canhbao», hashtags as on Facebook, was published with no tag at all and
    not a word: YAML reads a value that starts with # as a comment. The warning says the field
    is empty and gives the line as a list, which reads as the tags meant."""
    warning, text = _one_warning(tmp_path, {"tags": written})
    line = text.split("\n").index(f"tags: {written}") + 1
    assert warning.severity == "warning" and warning.line == line and warning.field == "tags"
    assert f"«{written}»" in warning.message and "không có thẻ nào" in warning.message
    fixed = COPY.search(warning.hint or "")
    assert fixed is not None
    assert split(copied(text, line, fixed.group(1))).data["tags"] == meant


@pytest.mark.parametrize(
    ("fields", "written", "meant"),
    [
        ({"date": "#2020-12-08 08:00"}, "date: #2020-12-08 08:00", None),
        ({"category": "#canh-bao-toi-pham"}, "category: #canh-bao-toi-pham", None),
        ({"author": "#MinhAnh"}, "author: #MinhAnh", "MinhAnh"),
        ({"radio": "\n  air_date: #2020-12-12"}, "  air_date: #2020-12-12", None),
        (
            {"corrections": "\n  - date: #2020-12-09 08:00\n    note: Sửa tên xã"},
            "  - date: #2020-12-09 08:00",
            None,
        ),
        ({"tags": "#luadao, #canh bao"}, "tags: #luadao, #canh bao", ["luadao", "canh bao"]),
        ({"tags": "#luadao #canh bao"}, "tags: #luadao #canh bao", ["luadao", "canh bao"]),
        ({"tags": "#luadao # chú thích"}, "tags: #luadao # chú thích", ["luadao"]),
    ],
)
def test_following_the_hint_of_a_value_starting_with_a_hash_makes_check_pass_the_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fields: dict[str, str],
    written: str,
    meant: list[str] | str | None,
) -> None:
    """«air_date: #2020-12-12» was told to become «air_date: "#2020-12-12"», which is no date,
    and «tags: #luadao, #canh bao» one tag «#luadao, #canh bao»: quotes keep the #. A value no
    text has its # taken away and tags are given as a list: the line copied from the hint
    passes `check`, and reads as the editor meant."""
    text = bulletin_md(fields)
    line = text.split("\n").index(written) + 1
    root = make_project(tmp_path, {A: text})
    try:
        told = list(load(root).warnings)
    except ContentError as error:
        told = list(error.problems)
    [hint] = {p.hint for p in told if p.line == line and "dấu #" in p.message}
    fixed = COPY.search(hint or "")
    assert fixed is not None
    mended = copied(text, line, fixed.group(1))
    (root / A).write_text(mended, encoding="utf-8")
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 0
    assert f"a.md:{line}:" not in capsys.readouterr().out
    name = written.split(":")[0].strip(" -")
    if meant is not None:
        assert split(mended).data[name] == meant


@pytest.mark.parametrize(
    ("field", "written"),
    [("title", "#3 vụ lừa đảo qua mạng trong tuần"), ("summary", "#canhbao Người dân cảnh giác")],
)
def test_a_required_value_starting_with_a_hash_is_told_why_it_is_empty(
    tmp_path: Path, field: str, written: str
) -> None:
    """«title: #3 vụ lừa đảo…» was refused as «trường bắt buộc để trống … Điền nội dung»: the
    editor did write one, YAML read it as a comment. One error, at the line, says so and gives
    the line quoted; no second warning for the same line."""
    text = bulletin_md({field: written})
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    [problem] = [p for p in info.value.problems if p.field == field]
    line = text.split("\n").index(f"{field}: {written}") + 1
    assert problem.severity == "error" and problem.line == line
    assert "để trống" in problem.message and f"«{written}»" in problem.message
    assert "dấu #" in problem.message
    fixed = COPY.search(problem.hint or "")
    assert fixed is not None
    assert split(copied(text, line, fixed.group(1))).data[field] == written


@pytest.mark.parametrize(
    ("item", "written", "key", "meant"),
    [
        (
            "\n  - date: 2020-12-09 08:00\n    note: #3 sai tên",
            "    note: #3 sai tên",
            "note",
            "#3 sai tên",
        ),
        (
            "\n  - date: #2020-12-09 08:00\n    note: Sửa tên xã",
            "  - date: #2020-12-09 08:00",
            "date",
            "2020-12-09 08:00",
        ),
    ],
)
def test_a_correction_value_starting_with_a_hash_is_told_once_why_it_is_empty(
    tmp_path: Path, item: str, written: str, key: str, meant: str
) -> None:
    """«corrections: - note: #3 sai tên» was told twice at its line: a warning that YAML read
    «#3 sai tên» as a comment, and the correction's own «'note' để trống». As for a top-level
    field, one error says the field is empty because of the #, with the line to copy."""
    text = bulletin_md({"corrections": item})
    root = make_project(tmp_path, {A: text})
    with pytest.raises(ContentError) as info:
        load(root)
    line = text.split("\n").index(written) + 1
    [problem] = [p for p in info.value.problems if p.line == line]
    assert problem.severity == "error" and problem.field == f"corrections.1.{key}"
    assert f"'{key}' để trống" in problem.message and "dấu #" in problem.message
    fixed = COPY.search(problem.hint or "")
    assert fixed is not None
    [read] = split(copied(text, line, fixed.group(1))).data["corrections"]
    assert read[key] == meant


def test_a_comment_alone_after_a_key_is_not_warned(tmp_path: Path) -> None:
    """«tags: # chưa có» (a space after the #) is how a comment is written: the field is empty
    as meant, no warning."""
    root = make_project(tmp_path, {A: bulletin_md({"tags": "# chưa có"})})
    assert load(root).warnings == ()


@pytest.mark.parametrize(
    ("fields", "field", "written", "meant"),
    [
        ({"zalo": "\n  title: Tin #3: bắt giữ"}, "zalo.title", "  title: Tin #3: bắt giữ", None),
        (
            {"zalo": "\n  summary: Tin số # ghi chú"},
            "zalo.summary",
            "  summary: Tin số # ghi chú",
            None,
        ),
        (
            {"corrections": "\n  - date: 2020-12-09 08:00\n    note: Sửa số #3 của xã"},
            "corrections.1.note",
            "    note: Sửa số #3 của xã",
            None,
        ),
        (
            {"corrections": "\n  - note: Sửa số #3 của xã\n    date: 2020-12-09 08:00"},
            "corrections.1.note",
            "  - note: Sửa số #3 của xã",
            None,
        ),
        (
            {"corrections": "\n  - date: 2020-12-09 08:00\n    note: Sửa số liệu # theo báo cáo"},
            "corrections.1.note",
            "    note: Sửa số liệu # theo báo cáo",
            None,
        ),
    ],
)
def test_a_hash_cutting_a_value_inside_a_block_is_warned_as_at_the_top(
    tmp_path: Path, fields: dict[str, str], field: str, written: str, meant: str | None
) -> None:
    """«zalo:» then «  title: Tin #3: bắt giữ» sent «Tin» to Zalo without a word, and a
    correction's note lost its end the same way: only top-level keys were checked. A key in a
    block or in a list's item is warned the same way, with its line retyped, indent kept."""
    warning, text = _one_warning(tmp_path, fields)
    line = text.split("\n").index(written) + 1
    assert warning.severity == "warning" and warning.line == line and warning.field == field
    fixed = COPY.search(warning.hint or "")
    assert fixed is not None and fixed.group(1).startswith(written.split(":")[0] + ": ")
    data = split(copied(text, line, fixed.group(1))).data
    name = written.split(":")[0].strip(" -")
    block = data[field.split(".")[0]]
    value = block[name] if isinstance(block, dict) else block[0][name]
    assert value == written.split(": ", 1)[1]


@pytest.mark.parametrize(
    ("block", "written", "meant"),
    [
        (
            'corrections:\n  - note: "D:\\tin bai\\New folder\\ban.docx"\n    date: 2020-12-09',
            '  - note: "D:\\tin bai\\New folder\\ban.docx"',
            "D:\\tin bai\\New folder\\ban.docx",
        ),
        (
            'corrections:\n  - note: "C:\\Users\\Tu\\tin.docx"\n    date: 2020-12-09',
            '  - note: "C:\\Users\\Tu\\tin.docx"',
            "C:\\Users\\Tu\\tin.docx",
        ),
        (
            'corrections:\n  - note: "Sửa "tên" xã"\n    date: 2020-12-09',
            '  - note: "Sửa "tên" xã"',
            "Sửa «tên» xã",
        ),
        (
            "corrections:\n  - note: Sửa: tên xã\n    date: 2020-12-09",
            "  - note: Sửa: tên xã",
            "Sửa: tên xã",
        ),
        (
            'zalo:\n  title: "C:\\Users\\Tu\\tin.docx"',
            '  title: "C:\\Users\\Tu\\tin.docx"',
            "C:\\Users\\Tu\\tin.docx",
        ),
    ],
)
def test_a_value_in_a_list_item_is_told_with_its_line_as_at_the_top(
    block: str, written: str, meant: str
) -> None:
    """A list item's first key («  - note: …», a correction) got none of the lines to copy a
    top-level key gets: a Windows path in double quotes was read silently with a Tab and a NEL,
    or refused without the line; inner quotes and a colon too. They are told as at the top."""
    text = front(f'title: "Tin"\n{block}')
    line, fixed = front_matter_fix(text) or (0, "")
    assert line == text.split("\n").index(written) + 1, (line, fixed)
    data = read_back(text, line, fixed)
    found = data["corrections"][0]["note"] if "corrections" in data else data["zalo"]["title"]
    assert found == meant


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ('title: "Cảnh báo lừa đảo” qua mạng', "«Cảnh báo lừa đảo» qua mạng"),
        ('title: "Cảnh báo lừa đảo qua mạng”', "Cảnh báo lừa đảo qua mạng"),
    ],
)
def test_a_value_opened_straight_and_closed_curly_is_retyped(written: str, meant: str) -> None:
    """A straight " opening and Word's ” closing got no line to copy, and adding the closing
    quote the hint asked for left a stray ” in the title."""
    text = front(written)
    line, fixed = front_matter_fix(text) or (0, "")
    assert line == 2 and read_back(text, line, fixed) == {"title": meant}


def test_long_lines_of_spaces_are_read_in_linear_time() -> None:
    """The checks for a path, a « #» and a curly quote read each line once: a regex ending in
    «\\s*$» took 3 s on 20,000 spaces then a letter, and grew with the square."""
    code = (
        "from publish.frontmatter import split, FrontMatterError\n"
        "for line in ('title: \"a' + ' ' * 200_000 + 'x\\\\t\"\\nsummary: \"C:\\\\\\\\a\"',\n"
        "             'title: a #b' + ' ' * 200_000 + 'x',\n"
        "             'title: \"a” b' + ' ' * 200_000 + 'x'):\n"
        "    try:\n"
        "        split('---\\n' + line + '\\n---\\n\\nx\\n')\n"
        "    except FrontMatterError:\n"
        "        pass\n"
        "from publish import syntax\n"
        "list(syntax.yaml_hash_cuts('title: a #b' + ' ' * 200_000 + 'x'))\n"
    )
    run_python_guarded(code)


def test_hints_on_long_lines_of_spaces_are_made_in_linear_time() -> None:
    """The hints on a broken value (inner quotes, a colon in a value not quoted) matched the
    line with a regex ending in «\\s*$»: 200,000 spaces inside the value took minutes."""
    code = (
        "from publish.frontmatter import split, FrontMatterError\n"
        "for line in ('title: \"Ra quân \"tuần tra\"' + ' ' * 200_000 + 'x\"',\n"
        "             'description: Người dân: a' + ' ' * 200_000 + 'x',\n"
        "             'title: a' + ' ' * 200_000 + 'x: y'):\n"
        "    try:\n"
        "        split('---\\n' + line + '\\n---\\n\\nx\\n')\n"
        "    except FrontMatterError as error:\n"
        "        assert str(error), line[:40]\n"
    )
    run_python_guarded(code)


def test_a_run_of_hashes_after_a_value_closed_early_is_read_in_linear_time() -> None:
    """The comment after a value in quotes was looked for by cutting and stripping the line up to
    each « #» outside the quotes: «title: "C:\\Users\\a" x» then « #» over and over took 0.8 s
    at 200,000 characters, 8 s at 600,000, about 80 s at the 2 MB a file may hold (site.toml's
    «title = "a" x # # …» the same)."""
    code = (
        "from pathlib import Path\n"
        "from publish.frontmatter import split, FrontMatterError\n"
        "from publish.config import parse\n"
        "from publish.errors import ConfigError\n"
        "try:\n"
        "    split('---\\ntitle: \"C:\\\\Users\\\\a\" x' + ' #' * 600_000 + '\\n---\\n\\nx\\n')\n"
        "except FrontMatterError as error:\n"
        "    assert str(error)\n"
        "try:\n"
        "    parse('[site]\\ntitle = \"a\" x' + ' #' * 600_000 + '\\n', root=Path('.'))\n"
        "except ConfigError as error:\n"
        "    assert str(error)\n"
    )
    run_python_guarded(code)


@pytest.mark.parametrize(
    "block",
    [
        'summary: |\n  File: "C:\\Users\\Tu\\tin.docx"\n  Dòng hai.',
        'summary: >\n  Tệp: "D:\\tin bai\\New folder\\ban.docx"',
        'summary: |-\n  Tệp: "C:\\Users\\Tu\\tin.docx"\nauthor: "Minh Anh"',
    ],
)
def test_a_windows_path_inside_a_block_text_is_read_as_written(block: str) -> None:
    """A line of a `|` or `>` text is text, no escape read in it: «summary: |» then «  File:
    "C:\\Users\\Tu\\tin.docx"» was refused as a path in double quotes, and the line to copy
    changed the text's quotes. The bulletin is read, its backslashes and quotes as written."""
    text = front(f'title: "Tin"\n{block}')
    written = block.split("\n")[1].strip()
    assert written in split(text).data["summary"]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ('"Bước a:\\tkiểm tra"', "Bước a:\tkiểm tra"),
        ('"Mục b:\\nxem dưới"', "Mục b:\nxem dưới"),
    ],
)
def test_a_letter_and_a_colon_before_an_escape_is_no_windows_path(written: str, meant: str) -> None:
    """«Bước a:\\tkiểm tra» in double quotes was refused as a Windows path: any letter, a colon
    and a backslash counted as a drive. A drive is now one followed by a folder or a file's
    name («C:\\Users\\…», «D:\\tin bai\\…», «C:\\a.docx»), and the escape is read as YAML says."""
    assert split(front(f'title: "Tin"\nsummary: {written}')).data["summary"] == meant


def test_a_site_toml_value_with_many_curly_quotes_is_told_in_linear_time() -> None:
    """The line retyped for a value opened with Word's “ tried each closing quote of the line in
    turn, reading the whole line again each time: «title = “a» then « ”» repeated took 2 s at
    5,000 characters and grew with the square (hours at 200,000)."""
    code = (
        "from pathlib import Path\n"
        "from publish.config import parse\n"
        "from publish.errors import ConfigError\n"
        "for rest in (' ”' * 100_000, '“b”' * 70_000, ' \"' * 100_000):\n"
        "    try:\n"
        "        parse('[site]\\ntitle = “a' + rest + '\\n', root=Path('.'))\n"
        "    except ConfigError as error:\n"
        "        assert 'site.toml:2' in str(error), str(error)[:300]\n"
    )
    run_python_guarded(code)


@pytest.mark.parametrize(
    ("fields", "written", "kept", "meant", "whole"),
    [
        (
            {"title": "Tin số #3 # ghi chú của BBT"},
            "title: Tin số #3 # ghi chú của BBT",
            "Tin số",
            "Tin số #3",
            "Tin số #3 # ghi chú của BBT",
        ),
        (
            {"corrections": "\n  - note: Sửa số #3 # theo BBT\n    date: 2020-12-09 08:00"},
            "  - note: Sửa số #3 # theo BBT",
            "Sửa số",
            "Sửa số #3",
            "Sửa số #3 # theo BBT",
        ),
    ],
)
def test_a_comment_after_a_hash_cut_stays_out_of_the_line_to_copy(
    tmp_path: Path, fields: dict[str, str], written: str, kept: str, meant: str, whole: str
) -> None:
    """«title: Tin số #3 # ghi chú của BBT» was told to be retyped «title: "Tin số #3 # ghi chú
    của BBT"», the comment put in the title, and «"Tin số" #3 # ghi chú của BBT» offered for a
    comment meant, «#3» dropped. «#3», the # against a word, is the value's; the later « # » is
    written as a comment: the line to copy keeps it after the quotes, the whole value in quotes
    is offered for when it is text too."""
    warning, text = _one_warning(tmp_path, fields)
    line = text.split("\n").index(written) + 1
    assert warning.severity == "warning" and warning.line == line
    assert f"«{kept}»" in warning.message
    key = written.split(":")[0]
    assert f'{key}: "{whole}"' in (warning.hint or "")
    fixed = COPY.search(warning.hint or "")
    assert fixed is not None
    assert fixed.group(1) == f'{key}: "{meant}" # {whole.split(" # ", 1)[1]}'
    data = split(copied(text, line, fixed.group(1))).data
    name = key.strip(" -")
    assert (data[name] if name in data else data["corrections"][0][name]) == meant


def test_a_tab_before_a_hash_in_a_title_is_warned(tmp_path: Path) -> None:
    """A Tab before a # ends the value as a space does («title: Tin số<Tab>#3» reads «Tin
    số»): warned the same, the whole value quoted in the line to copy."""
    warning, text = _one_warning(tmp_path, {"title": "Tin số\t#3"})
    assert warning.line == 2 and "«Tin số»" in warning.message
    fixed = COPY.search(warning.hint or "")
    assert fixed is not None
    assert split(copied(text, 2, fixed.group(1))).data["title"] == "Tin số\t#3"


def test_a_correction_s_note_or_a_cover_s_description_cut_by_a_spaced_hash_is_warned(
    tmp_path: Path,
) -> None:
    """«note: Sửa số liệu # theo báo cáo» under a correction and «cover_alt: Lực lượng ra quân #
    tuần tra đêm» were published cut at « # », in silence: the « # » rule held for titles and
    summaries only. A name is left as it is: « # » after an author is a comment written as one."""
    fields = {
        "corrections": "\n  - date: 2020-12-09 08:00\n    note: Sửa số liệu # theo báo cáo",
        "cover_alt": "Lực lượng ra quân # tuần tra đêm",
        "author": "Minh Anh # phóng viên",
    }
    root = make_project(tmp_path, {"content/a.md": bulletin_md(fields)})
    warned = {w.field: w for w in load(root).warnings}
    assert set(warned) == {"corrections.1.note", "cover_alt"}
    assert "«Sửa số liệu»" in warned["corrections.1.note"].message
    assert "«Lực lượng ra quân»" in warned["cover_alt"].message


def _lines_fixed(text: str, hint: str) -> str:
    """`text` with the line the hint gives put in place of the lines it says («Thay dòng 3–4
    bằng: …»)."""
    fixed = COPY.search(hint)
    spans = re.search(r"Thay dòng (\d+)–(\d+) bằng", hint)
    assert fixed is not None and spans is not None, hint
    lines = text.split("\n")
    first, last = int(spans[1]), int(spans[2])
    return "\n".join([*lines[: first - 1], fixed.group(1), *lines[last:]])


@pytest.mark.parametrize(
    ("block", "where", "meant"),
    [
        ('zalo: {title: "C:\\Users\\a"}', ("zalo", "title"), "C:\\Users\\a"),
        (
            'zalo: {title: "D:\\tin bai\\New folder\\ban.docx"}',
            ("zalo", "title"),
            "D:\\tin bai\\New folder\\ban.docx",
        ),
        ('tags:\n  - "C:\\Users\\a"', ("tags", 0), "C:\\Users\\a"),
        ('tags:\n  - "D:\\tin bai\\New folder"', ("tags", 0), "D:\\tin bai\\New folder"),
        ('tags: ["lừa đảo", "D:\\tin bai\\New folder"]', ("tags", 1), "D:\\tin bai\\New folder"),
    ],
)
def test_a_windows_path_in_a_list_item_or_a_flow_mapping_is_told_with_the_line_retyped(
    block: str, where: tuple[str, str | int], meant: str
) -> None:
    """«zalo: {title: "C:\\Users\\a"}» and a list's item «- "C:\\Users\\a"» were refused
    with no line to copy, and «D:\\tin bai\\New folder» there was read silently with a Tab and
    a NEL (only `key: "value"` lines were checked): each is told with its line retyped."""
    text = front(f'title: "Tin"\n{block}')
    line, fixed = front_matter_fix(text) or (0, "")
    assert line == text.split("\n").index(block.split("\n")[-1]) + 1, (line, fixed)
    data = read_back(text, line, fixed)
    assert data[where[0]][where[1]] == meant


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        (
            'summary: "Mẫu đơn lưu ở\n  D:\\tin bai\\New folder\\ban.docx"',
            "Mẫu đơn lưu ở D:\\tin bai\\New folder\\ban.docx",
        ),
        (
            'summary: "Mẫu đơn lưu ở\n  C:\\Users\\Tu\\tin.docx" # ghi chú',
            "Mẫu đơn lưu ở C:\\Users\\Tu\\tin.docx",
        ),
    ],
)
def test_a_windows_path_on_a_quoted_value_s_next_line_is_told_with_the_lines_joined(
    written: str, meant: str
) -> None:
    """A value in double quotes going on to the next line was checked on its first line only:
    «D:\\tin bai\\New folder» on the second was read silently with a Tab and a NEL, and
    «C:\\Users» refused with no line to copy. Told at the path's line, with both lines to
    replace by one, the value in single quotes and its backslashes as typed."""
    text = front(f'title: "Tin"\n{written}\nauthor: "Minh Anh"')
    with pytest.raises(FrontMatterError) as info:
        split(text)
    assert "viết đôi" in str(info.value)
    assert info.value.line == 4  # the path's line, under «summary: "Mẫu đơn lưu ở»
    assert split(_lines_fixed(text, info.value.hint or "")).data["summary"] == meant


def test_a_long_quoted_value_over_many_lines_is_checked_in_linear_time() -> None:
    """A value in double quotes is read from its opening quote to its closing one once, across
    its lines: 100,000 lines of it, a path at the end, and 100,000 list items are told at once."""
    code = (
        "from publish.frontmatter import split, FrontMatterError\n"
        "for body in ('summary: \"a' + '\\n  b' * 100_000 + ' D:\\\\tin bai\\\\New\"',\n"
        "             'tags:' + '\\n  - \"b\"' * 100_000 + '\\n  - \"D:\\\\tin bai\\\\New\"'):\n"
        "    try:\n"
        "        split('---\\ntitle: \"Tin\"\\n' + body + '\\n---\\n\\nx\\n')\n"
        "    except FrontMatterError as error:\n"
        "        assert 'viết đôi' in str(error), str(error)[:200]\n"
        "    else:\n"
        "        raise AssertionError('read')\n"
    )
    run_python_guarded(code)
