"""A fault the unit's own template meets while a page renders is told in Vietnamese, at the
template's line, with what to check: each message below is made by the real fault in a real
template (Jinja's and Python's words are matched, never guessed)."""

from __future__ import annotations

import re
import shutil
import traceback
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import publish
from publish.cli import main
from publish.errors import ContentError, Problem, PublishError
from publish.render import web
from publish.template_faults import template_runtime_error
from tests.test_render_web import JINJA_ENGLISH
from tests.web_fixture import NOW, copy_site

VALUES: dict[str, Any] = {
    **{"s": "abc", "n": 3, "d": {"a": 1}, "l": [1, 2], "t": NOW.date()},
    "digits": "3",
}
"""What the snippets below are given: a text, a number, a dict, a list, a date, a number
written as a text (a field of a bulletin's front matter quoted)."""
MACRO = "{% macro card(item) %}{{ item }}{% endmacro %}"

FAULTS = [
    ("{{ s.y }}", "chuỗi ký tự (str) không có trường «y»", "Kiểm tra chính tả «y»"),
    ("{{ d['khong_co'] }}", "bảng (dict) không có trường «khong_co»", "['khong_co']"),
    ("{{ none.title }}", "giá trị rỗng (None) không có trường «title»", "{% if … %}"),
    (
        "{% for x in l %}{{ loop.indx }}{% endfor %}",
        "biến loop (LoopContext) không có trường «indx»",
        "Có phải: «index»",
    ),
    ("{{ l[5] }}", "danh sách (list) không có phần tử [5]", "kiểm tra độ dài"),
    ("{{ s[9] }}", "chuỗi ký tự (str) không có phần tử [9]", "kiểm tra độ dài"),
    ("{{ none[0] }}", "giá trị rỗng (None) không có phần tử [0]", "{% if … %}"),
    ("{{ n[0] }}", "số nguyên (int) không lấy phần tử bằng […] được", "«[»"),
    (
        "{% for x in l %}{{ loop[0] }}{% endfor %}",
        "biến loop (LoopContext) không lấy phần tử bằng […] được",
        "«[»",
    ),
    ("{{ t[0] }}", "ngày (date) không lấy phần tử bằng […] được", "«[»"),
    ("{{ n[1:2] }}", "số nguyên (int) không lấy phần tử bằng […] được", "x['url']"),
    ("{% for x in n %}{% endfor %}", "cần một danh sách nhưng gặp số nguyên (int)", "«in»"),
    ("{% for x in none %}{% endfor %}", "cần một danh sách nhưng gặp giá trị rỗng (None)", "or []"),
    ("{{ n|join(', ') }}", "cần một danh sách nhưng gặp số nguyên (int)", "|join"),
    ("{{ 1 in n }}", "cần một danh sách nhưng gặp số nguyên (int)", "«in»"),
    (
        "{% for a, b in l %}{% endfor %}",
        "{% for a, b in … %} cần mỗi phần tử là một cặp giá trị nhưng gặp số nguyên (int)",
        "{% for x in … %}",
    ),
    (
        "{{ n + s }}",
        "phép «+» không làm được giữa số nguyên (int) và chuỗi ký tự (str)",
        "dùng «~» ({{ a ~ b }})",
    ),
    (
        "{{ s + n }}",
        "phép «+» không làm được giữa chuỗi ký tự (str) và số nguyên (int)",
        "dùng «~» ({{ a ~ b }})",
    ),
    (
        "{{ none * 2 }}",
        "phép «*» không làm được giữa giá trị rỗng (None) và số nguyên (int)",
        "|int",
    ),
    (
        "{{ s < n }}",
        "không so sánh được chuỗi ký tự (str) với số nguyên (int) bằng «<»",
        "cùng loại",
    ),
    ("{{ [1, 'a']|sort }}", "không so sánh được chuỗi ký tự (str) với số nguyên (int)", "(|sort)"),
    (
        "{{ [1, 'a']|max }}",
        "không so sánh được chuỗi ký tự (str) với số nguyên (int) (|max",
        "|max",
    ),
    (
        "{{ s|truncate('x') }}",
        "tham số của |truncate sai loại (bên trong |truncate, không so sánh được",
        "trong ngoặc của |truncate(…)",
    ),
    (
        "{{ s|wordwrap('x') }}",
        "tham số của |wordwrap sai loại (bên trong |wordwrap, không so sánh được",
        "|wordwrap(…)",
    ),
    (
        "{{ none|truncate(5) }}",
        "|truncate cần một danh sách, chuỗi ký tự hay bảng nhưng gặp giá trị rỗng (None)",
        "«(… or '')|truncate»",
    ),
    (
        "{{ s * s }}",
        "phép «*» không làm được giữa chuỗi ký tự hay danh sách và chuỗi ký tự (str)",
        "{{ '-' * 20 }}",
    ),
    ("{{ -s }}", "dấu «-» đứng trước chuỗi ký tự (str), không phải một số", "|int"),
    ("{{ s() }}", "chuỗi ký tự (str) được gọi như một macro", "page.title()"),
    ("{{ d() }}", "bảng (dict) được gọi như một macro", "{% from … import … %}"),
    ("{{ 1 / 0 }}", "chia cho 0 (phép «/», «//» hay «%»)", "{% if số_chia %}"),
    ("{{ n // 0 }}", "chia cho 0 (phép «/», «//» hay «%»)", "{% if số_chia %}"),
    ("{{ n % 0 }}", "chia cho 0 (phép «/», «//» hay «%»)", "{% if số_chia %}"),
    (
        "{{ none|length }}",
        "|length cần một danh sách, chuỗi ký tự hay bảng nhưng gặp giá trị rỗng (None)",
        "(… or [])|length",
    ),
    (
        "{{ n|count }}",
        "|length cần một danh sách, chuỗi ký tự hay bảng nhưng gặp số",
        "|length",
    ),
    (MACRO + "{{ card(1, 2) }}", "macro «card» được gọi với nhiều hơn 1 tham số nó nhận", "card"),
    (MACRO + "{{ card(kind=2) }}", "macro «card» không có tham số «kind»", "{% macro card(…) %}"),
    (MACRO + "{{ card() }}", "tham số «item» của macro không được truyền khi gọi macro", "«item»"),
    ("{{ []|first }}", "danh sách rỗng ở trang này: |first không có phần tử nào để lấy", "{% if"),
    ("{{ []|last }}", "danh sách rỗng ở trang này: |last không có phần tử nào để lấy", "{% if"),
    ("{% if 1 is nosuch %}{% endif %}", "không có phép thử «nosuch» (is nosuch)", "sau «is»"),
    (
        "{% include s %}",
        "không có mẫu giao diện nào mang tên «abc» (đã tìm trong ",
        "ignore missing",
    ),
    (
        "{% include [s, 'x.html'] %}",
        "không có mẫu giao diện nào mang một trong các tên «abc, x.html»",
        "ignore missing",
    ),
    (
        "{% include l|map('string') %}",
        "không có mẫu giao diện nào mang một trong các tên «1, 2»",
        "ignore missing",
    ),
    *(
        (
            source,
            f"tên mẫu sau include phải là chữ (tên tệp mẫu) hay danh sách tên, nhưng gặp {kind}",
            hint,
        )
        for source, kind, hint in [
            ("{% include 1 %}", "số nguyên (int)", '{% include "_ten_mau.html" %}'),
            ("{% include [s, n] %}", "số nguyên (int)", "ngoặc kép"),
            ("{% include 1 ignore missing %}", "số nguyên (int)", "ngoặc kép"),
            ("{% include {1: 2} %}", "số nguyên (int)", "ngoặc kép"),
            # Falsy, yet no name: told as 1 is, not as nothing (nor skipped by ignore missing).
            ("{% include l|length - 2 %}", "số nguyên (int)", "ngoặc kép"),
            ("{% include 0 ignore missing %}", "số nguyên (int)", "ngoặc kép"),
            ("{% include false %}", "giá trị true hoặc false (bool)", "ngoặc kép"),
        ]
    ),
    *(
        (
            source,
            f"tên mẫu sau extends, import hay from phải là một tên (chữ: tên tệp mẫu), nhưng gặp "
            f"{kind}",
            hint,
        )
        for source, kind, hint in [
            ("{% import n as m %}", "số nguyên (int)", "chỉ include nhận một danh sách tên"),
            (
                "{% from l import x %}",
                "danh sách (list): chỉ include nhận danh sách tên",
                '{% import "_macros.html" as m %}',
            ),
            ("{% extends [s] %}", "danh sách (list): chỉ include nhận danh sách tên", "ngoặc"),
            ("{% import (s, s) as m %}", "danh sách (tuple): chỉ include", "ngoặc kép"),
            ("{% extends d %}", "bảng (dict)", "ngoặc kép"),
            ("{% extends none %}", "giá trị rỗng (None)", "{% if … %}"),
        ]
    ),
    # A dict is the list of its keys, as Jinja took it (it crashed only when none was found).
    ("{% include d %}", "không có mẫu giao diện nào mang một trong các tên «a»", "ignore missing"),
    ("{% include none %}", "không có tên mẫu nào sau include: giá trị đứng sau", "ignore missing"),
    ("{% include [] %}", "không có tên mẫu nào sau include", "{% if … %}"),
    (
        "{{ '%d'|format('a') }}",
        "«%d» trong chuỗi trước |format cần một số nhưng gặp chuỗi ký tự (str)",
        "|format(x|int)",
    ),
    ("{{ '%x'|format(s) }}", "«%x» trong chuỗi trước |format cần một số nhưng gặp chuỗi", "«%s»"),
    (
        "{{ '%.1f'|format(s) }}",
        "chỗ điền số thập phân («%f», «%.1f»…) trong chuỗi trước |format cần một số",
        "|float",
    ),
    (
        "{{ '%d' % s }}",
        "«%d» trong chuỗi trước phép «%» cần một số nhưng gặp chuỗi ký tự (str)",
        "«%s» cho chữ",
    ),
    ("{{ '%d %d'|format(1) }}", "chuỗi trước |format có nhiều chỗ «%…» hơn số giá trị", "thứ tự"),
    ("{{ '%d'|format(n, n) }}", "|format được đưa nhiều giá trị hơn số chỗ «%…»", "thứ tự"),
    ("{{ s % n }}", "phép «%» được đưa nhiều giá trị hơn số chỗ «%…»", "«%%»"),
    (
        "{{ digits % 2 }}",
        "phép «%» được đưa nhiều giá trị hơn số chỗ «%…» trong chuỗi trước nó (hay chuỗi không "
        "có chỗ «%…» nào); nếu định lấy số dư thì giá trị trước «%» đang là chữ: dùng |int",
        "{{ n|int % 2 }}",
    ),
    (
        "{{ '%d%'|format(n) }}",
        "chuỗi trước |format có một dấu «%» lẻ ở cuối, không phải một chỗ điền giá trị",
        "Viết «%%» cho dấu phần trăm: {{ '%d%%'|format(x) }}",
    ),
    ("{{ '%d%' % n }}", "chuỗi trước phép «%» có một dấu «%» lẻ ở cuối", "«%%»"),
    ("{{ '%y'|format(n) }}", "«%y» trong chuỗi trước |format không phải một chỗ điền", "«%%»"),
    (
        "{{ d|dictsort(by='x') }}",
        "tham số by của |dictsort chỉ nhận 'key' hay 'value'",
        "|dictsort(by='value')",
    ),
    (
        "{{ n|round(1, 'x') }}",
        "cách làm tròn (tham số thứ hai) của |round chỉ nhận 'common', 'ceil' hay 'floor'",
        "'floor'",
    ),
    (
        "{{ s|center('x') }}",
        "tham số của |center sai loại: cần một số nguyên nhưng gặp chuỗi ký tự (str)",
        "|center(2), không phải |center('2')",
    ),
    (
        "{{ n|round(2.5) }}",
        "tham số của |round sai loại: cần một số nguyên nhưng gặp số (float)",
        "trong ngoặc của |round(…)",
    ),
]


def _raised(tmp_path: Path, source: str) -> BaseException:
    """What rendering `source` as a template of a theme (the tool's own environment) raises."""
    (tmp_path / "web").mkdir(exist_ok=True)
    (tmp_path / "web" / "t.html").write_text(source, "utf-8")
    with pytest.raises(Exception) as raised:
        web.environment(tmp_path).get_template("t.html").render(**VALUES)
    return raised.value


@pytest.mark.parametrize(("source", "message", "hint"), FAULTS, ids=[f[0] for f in FAULTS])
def test_a_runtime_fault_is_described_in_vietnamese(
    source: str, message: str, hint: str, tmp_path: Path
) -> None:
    """Each fault, made in a real template, is matched and told with what to check."""
    found = template_runtime_error(_raised(tmp_path, source))
    assert found is not None
    assert found.message.startswith(message), found.message
    assert hint in found.hint, found.hint
    told = found.message + found.hint
    assert unicodedata.is_normalized("NFC", told) and not JINJA_ENGLISH.search(told)
    assert "object" not in told and "attribute" not in told


@pytest.mark.parametrize("source", ["{{ s|truncate('x') }}", "{{ s < n }}"])
def test_only_a_list_s_ordering_is_told_as_a_sort(source: str, tmp_path: Path) -> None:
    """A comparison in the template, or inside |truncate given a text for its length, is no
    |sort: «|sort» there sent the unit after a filter it never wrote (review R1)."""
    found = template_runtime_error(_raised(tmp_path, source))
    assert found is not None and "sort" not in found.message + found.hint, found


def test_only_the_percent_operator_is_told_it_may_be_a_remainder(tmp_path: Path) -> None:
    """|format given more values than places is no remainder meant: «số dư» there would send
    the unit after a «%» its template does not have."""
    found = template_runtime_error(_raised(tmp_path, "{{ '%d'|format(n, n) }}"))
    assert found is not None and "số dư" not in found.message + found.hint, found


@pytest.mark.parametrize(
    ("source", "rendered"),
    [
        ("{% include none ignore missing %}", ""),
        ("{% include [] ignore missing %}", ""),
        ("{% include []|map('string') ignore missing %}", ""),
        ("{% include ['x.html', 1] %}", "x"),
        ("{% include ['x.html']|map('string') %}", "x"),
        ("{% include s ~ '.html' %}", "abc"),
        ("{% include {'x.html': 1} %}", "x"),
        ("{% include {} ignore missing %}", ""),
    ],
)
def test_an_include_jinja_renders_still_renders(source: str, rendered: str, tmp_path: Path) -> None:
    """Refusing a name that is no text changed nothing Jinja rendered: nothing skipped by
    «ignore missing», a list whose first name is found, names a filter gives, a dict's keys."""
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "x.html").write_text("x", "utf-8")
    (tmp_path / "web" / "abc.html").write_text("abc", "utf-8")
    (tmp_path / "web" / "t.html").write_text(source, "utf-8")
    assert web.environment(tmp_path).get_template("t.html").render(**VALUES) == rendered


def test_a_fault_not_described_is_left_to_the_caller(tmp_path: Path) -> None:
    """A message it does not know gets None (the caller keeps it as a technical detail), not a
    wrong description."""
    assert template_runtime_error(_raised(tmp_path, "{{ range(s) }}")) is None


def _own_theme(tmp_path: Path) -> Path:
    """A copy of the fixture project with its own copy of the built-in theme."""
    root = copy_site(tmp_path)
    shutil.copytree(web.BUILTIN_THEME, root / "templates")
    return root


def _insert(path: Path, anchor: str, written: str) -> int:
    """Put `written` just before `anchor` in the template at `path`; the line it is on."""
    text = path.read_text("utf-8").replace(anchor, written + anchor, 1)
    path.write_text(text, "utf-8")
    return next(i for i, t in enumerate(text.split("\n"), 1) if written in t)


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        (
            "{{ page.tittle }}",
            "trang (Page) không có trường «tittle»",
            "Có phải: «title»?",
        ),
        (
            "{% for x in page.title %}{% for y in x|length %}{% endfor %}{% endfor %}",
            "cần một danh sách nhưng gặp số nguyên (int)",
            "«in»",
        ),
        (
            "{{ officer_contact(1, 2, 3) }}",
            "macro «officer_contact» được gọi với nhiều hơn 2 tham số nó nhận",
            "{% macro officer_contact(…) %}",
        ),
    ],
    ids=["field", "for", "macro-arguments"],
)
def test_an_own_template_fault_is_told_at_its_line_and_nothing_is_written(
    command: str,
    written: str,
    message: str,
    hint: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`check` and `build` stop (exit 1) at the template's line with the description and what to
    check; the previous output stays as it was."""
    root = _own_theme(tmp_path)
    argv = ["--root", str(root), "--now", NOW.isoformat(), "--channel", "web"]
    assert main(["build", *argv]) == 0
    home = root / "output/web/index.html"
    before = home.read_bytes()
    line = _insert(root / "templates/web/page.html", "</article>", written)
    capsys.readouterr()
    assert main([command, *argv]) == 1
    err = capsys.readouterr().err
    assert (
        f"templates/web/page.html:{line}: lỗi: mẫu giao diện lỗi khi dựng trang: {message}\n" in err
    ), err
    assert hint in err and "chi tiết kỹ thuật" not in err, err
    assert "nội bộ" not in err and "Traceback" not in err and not JINJA_ENGLISH.search(err), err
    assert home.read_bytes() == before


def test_a_fault_inside_an_own_macro_is_told_at_the_macro_s_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The innermost template frame is named: the line in _macros.html that fails, not the
    page's line calling the macro."""
    root = _own_theme(tmp_path)
    macros = root / "templates/web/_macros.html"
    text = macros.read_text("utf-8")
    start = text.index("{% macro tel_link(")
    body = text.index("%}", start) + 2
    macros.write_text(text[:body] + "{{ none|length }}" + text[body:], "utf-8")
    line = text[:body].count("\n") + 1
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert (
        f"templates/web/_macros.html:{line}: lỗi: mẫu giao diện lỗi khi dựng trang: |length cần"
        in err
    ), err
    assert not (root / "output").exists()


def test_an_include_of_a_name_no_template_has_names_it_and_the_folder_looked_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """R7 (a) item 4: `{% include page.title %}` named a template no file has; told as «chỗ sai
    chưa được mô tả» with Jinja's English as the detail."""
    root = _own_theme(tmp_path)
    line = _insert(root / "templates/web/page.html", "</article>", "{% include page.title %}")
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    found = re.search(
        rf"^templates/web/page\.html:{line}: lỗi: mẫu giao diện lỗi khi dựng trang: không có "
        r"mẫu giao diện nào mang tên «(.+)» \(đã tìm trong (.+)\)$",
        err,
        re.M,
    )
    assert found, err
    titles = re.findall(r'(?m)^title: "?(.+?)"?$', _front_matters(root))
    assert found[1] in titles and found[2] == str(root / "templates/web"), err
    assert "ignore missing" in err and "chi tiết kỹ thuật" not in err, err
    assert unicodedata.is_normalized("NFC", err) and not JINJA_ENGLISH.search(err), err


def _front_matters(root: Path) -> str:
    """Every Markdown file of the project's content/ and pages/, one after another."""
    return "\n".join(p.read_text("utf-8") for p in sorted(root.rglob("*.md")))


def test_a_fault_in_an_own_theme_linked_from_a_shared_folder_is_told_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """R7 (a) item 1: templates/web/ a link to a theme several units share, outside the
    project: a fault in its page.html matched no folder of the unit's, so it was «Lỗi nội bộ»."""
    root = _own_theme(tmp_path)
    shared = tmp_path / "giao-dien-chung"
    shutil.move(root / "templates/web", shared)
    # Only the templates: a file of templates/assets/ linked from outside is refused.
    (root / "templates/web").symlink_to(shared)
    line = _insert(shared / "page.html", "</article>", "{{ 1 / 0 }}")
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert (
        f"templates/web/page.html:{line}: lỗi: mẫu giao diện lỗi khi dựng trang: chia cho 0" in err
    ), err
    assert "nội bộ" not in err and "Traceback" not in err, err


@pytest.mark.parametrize("linked", ["templates/web", "templates"])
@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("{{ 1 / 0 }}", "mẫu giao diện lỗi khi dựng trang: chia cho 0"),
        ("{% if %}", "mẫu giao diện sai cú pháp: "),
    ],
    ids=["render", "syntax"],
)
def test_a_fault_in_a_linked_theme_is_named_as_the_editor_reaches_it(
    linked: str, written: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A theme several units share, linked as templates/web/ or as templates/: its file is
    named templates/web/page.html, relative to the project, as every other file of a message
    is; it was the project's absolute path (/…/site/templates/web/page.html)."""
    root = _own_theme(tmp_path)
    shared = tmp_path / "giao-dien-chung"
    shutil.move(root / linked, shared)
    (root / linked).symlink_to(shared)
    line = _insert(root / "templates/web/page.html", "</article>", written)
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    told = rf"^templates/web/page\.html:{line}: lỗi: {re.escape(message)}"
    assert re.search(told, err, re.M), err
    assert str(tmp_path) not in err, err


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "{{ '%d'|format(page.title) }}",
            "«%d» trong chuỗi trước |format cần một số nhưng gặp chuỗi ký tự (str)",
        ),
        ("{{ {'a': 1}|dictsort(by='x') }}", "tham số by của |dictsort chỉ nhận 'key' hay 'value'"),
        (
            "{{ page.title|center('x') }}",
            "tham số của |center sai loại: cần một số nguyên nhưng gặp chuỗi ký tự (str)",
        ),
        (
            "{% include page.title|length %}",
            "tên mẫu sau include phải là chữ (tên tệp mẫu) hay danh sách tên, nhưng gặp số "
            "nguyên (int)",
        ),
    ],
    ids=["format", "dictsort", "center", "include-number"],
)
def test_a_fault_once_undescribed_is_told_at_its_line(
    written: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each was «chỗ sai chưa được mô tả» with Python's or Jinja's English, and an include of a
    number was told as a `for` over one («cần một danh sách»), a line that has no `for`."""
    root = _own_theme(tmp_path)
    line = _insert(root / "templates/web/page.html", "</article>", written)
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert (
        f"templates/web/page.html:{line}: lỗi: mẫu giao diện lỗi khi dựng trang: {message}\n" in err
    ), err
    assert "chưa được mô tả" not in err and "cần một danh sách" not in err, err
    assert "nội bộ" not in err and "Traceback" not in err and not JINJA_ENGLISH.search(err), err


def test_an_undescribed_fault_keeps_its_technical_detail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fault not described is still told at its line, with Jinja's words as a detail."""
    root = _own_theme(tmp_path)
    line = _insert(root / "templates/web/page.html", "</article>", "{{ range(page.title) }}")
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert (
        f"templates/web/page.html:{line}: lỗi: mẫu giao diện lỗi khi dựng trang: chỗ sai chưa "
        "được mô tả (chi tiết kỹ thuật: 'str' object cannot be interpreted as an integer)" in err
    ), err


def test_a_missing_theme_asset_is_told_at_the_template_s_line_in_the_tool_s_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """asset_url of a file templates/assets/ lacks: the tool's own Vietnamese message, at the
    line; it read «(chi tiết kỹ thuật: giao diện dùng tệp …)», as if its words were Jinja's."""
    root = _own_theme(tmp_path)
    written = "{{ asset_url('khong-co.css') }}"
    line = _insert(root / "templates/web/page.html", "</article>", written)
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert (
        f"templates/web/page.html:{line}: lỗi: mẫu giao diện lỗi khi dựng trang: giao diện dùng "
        "tệp templates/assets/khong-co.css nhưng tệp không tồn tại" in err
    ), err
    assert "chi tiết kỹ thuật" not in err


def _failure(root: Path, theme: Path, source: str, **helpers: Any) -> Problem | None:
    """The problem _template_failure makes of rendering `source` (page.html of `theme`, with
    `helpers` as globals) for the project at `root`; None when it is no template's."""
    (theme / "web").mkdir(parents=True, exist_ok=True)
    (theme / "web" / "page.html").write_text(source, "utf-8")
    env = web.environment(theme)
    env.globals.update(helpers)
    try:
        env.get_template("page.html").render(**VALUES)
    except Exception as exc:
        told = web._template_failure(exc, "page.html", root)
        return None if told is None else told.problems[0]
    raise AssertionError("rendered")


def _helper(path: Path, body: str) -> Any:
    """A function `helper(x)` whose code is said to be in the file `path`."""
    space: dict[str, Any] = {}
    exec(compile(f"def helper(x):\n    {body}\n", str(path), "exec"), space)
    return space["helper"]


def test_a_python_file_named_like_a_template_is_not_blamed(tmp_path: Path) -> None:
    """A fault inside Python code whose file name ends like a template's is told at the unit's
    template line that called it (it was blamed on the Python file, by its suffix)."""
    root = tmp_path / "project"
    helper = _helper(tmp_path / "helper.html", "return 1 / x")
    problem = _failure(root, root / "templates", "\n\n{{ helper(0) }}\n", helper=helper)
    assert problem is not None
    assert (problem.file, problem.line) == ("templates/web/page.html", 3)


def test_a_template_outside_the_project_s_and_the_built_in_theme_is_not_blamed(
    tmp_path: Path,
) -> None:
    """A template of another folder is not the unit's theme: its fault is no own template's."""
    assert _failure(tmp_path / "project", tmp_path / "elsewhere", "{{ 1 / 0 }}") is None


def test_a_fault_inside_the_tool_s_code_a_template_calls_is_told_at_the_line_as_either(
    tmp_path: Path,
) -> None:
    """The unit's template handed the tool's code a value it cannot take (most often the unit's
    mistake: vn_date(page.title)), or the tool failed: told at the template's line as either,
    never described as the template's own fault («cần một danh sách» would send the unit after a
    mistake not in its template) nor as «Lỗi nội bộ» (review R1, then the lead)."""
    root = tmp_path / "project"
    helper = _helper(Path(publish.__file__).parent / "tool_helper.py", "return len(x)")
    problem = _failure(root, root / "templates", "\n\n{{ helper(none) }}", helper=helper)
    assert problem is not None
    assert (problem.file, problem.line) == ("templates/web/page.html", 3)
    assert problem.message.startswith("mẫu giao diện gọi một hàm của công cụ ở dòng này"), problem
    assert "TypeError" in problem.message and "cần" not in problem.message, problem.message
    assert problem.hint is not None and "--debug" in problem.hint and "mặc định" in problem.hint


def test_an_undefined_name_a_tool_s_helper_meets_is_still_the_template_s(tmp_path: Path) -> None:
    """Only a template's lookup makes an undefined value: passed to the tool's code, it still
    fails there, and is told as the name the unit's template lacks."""
    root = tmp_path / "project"
    helper = _helper(Path(publish.__file__).parent / "tool_helper.py", "return len(x)")
    problem = _failure(root, root / "templates", "\n{{ helper(khong_co) }}", helper=helper)
    assert problem is not None
    assert (problem.file, problem.line) == ("templates/web/page.html", 2)
    assert problem.message.startswith("mẫu giao diện dùng «khong_co»"), problem.message


def test_a_fault_in_the_built_in_theme_is_raised_as_the_tool_s(tmp_path: Path) -> None:
    """The unit has no template to fix when the built-in theme fails (here its real page.html,
    given none of a page's values): no «mẫu giao diện …» problem sends it to fix one."""
    env = web.environment(web.BUILTIN_THEME)
    try:
        env.get_template("page.html").render()
    except Exception as exc:
        assert web._template_failure(exc, "page.html", copy_site(tmp_path)) is None
    else:
        raise AssertionError("rendered")


def test_a_tool_s_fault_while_an_own_template_renders_is_told_at_the_calling_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check` with the unit's own theme, whose base.html calls the tool's asset_url, here
    broken: told at base.html's calling line as a value the tool cannot take or the tool's
    fault (--debug, the developers), not described as the template's mistake; exit 1."""
    root = _own_theme(tmp_path)
    assert "asset_url(" in (root / "templates/web/base.html").read_text("utf-8")
    space: dict[str, Any] = {}
    code = "def path(self, name):\n    return name.nosuch\n"
    exec(compile(code, web.assets.__file__, "exec"), space)
    monkeypatch.setattr(web.assets.Assets, "path", space["path"])
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    line = next(
        number
        for number, text in enumerate(
            (root / "templates/web/base.html").read_text("utf-8").split("\n"), 1
        )
        if "asset_url(" in text
    )
    assert f"templates/web/base.html:{line}: lỗi: mẫu giao diện gọi một hàm của công cụ" in err, err
    assert "AttributeError" in err and "--debug" in err and "Lỗi nội bộ" not in err, err


def test_under_debug_a_tool_call_fault_keeps_the_tool_s_frames(tmp_path: Path) -> None:
    """The hint of «mẫu giao diện gọi một hàm của công cụ …» asks to rerun with --debug and send
    it to the developers: the error raised then carries the fault it was made from, with the
    tool's frames (review R11: `from None` dropped them)."""
    root = _own_theme(tmp_path)
    _insert(root / "templates/web/page.html", "</article>", "{{ vn_date(page.title) }}")
    with pytest.raises(ContentError) as raised:
        main(["check", "--debug", "--root", str(root), "--now", NOW.isoformat()])
    assert "gọi một hàm của công cụ" in str(raised.value)
    cause = raised.value.__cause__
    assert cause is not None and not isinstance(cause, PublishError), cause
    frames = [Path(frame.filename).name for frame in traceback.extract_tb(cause.__traceback__)]
    assert "page.html" in frames and any(name.endswith(".py") for name in frames[-1:]), frames
