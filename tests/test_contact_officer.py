"""What Nghị định 42/2022/NĐ-CP asks of a state agency's contact information beside the address,
phone and e-mail: the fax ([contact] fax, shown, never dialled) and the officer who answers for
the information on the website ([contact.officer]), on the contact page and the footer."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from publish.config import contact_warnings, parse
from publish.errors import Problem
from tests.helpers import PLAIN_SITE_TOML, SITE_ROOT, one_problem, problems_of, publish_command
from tests.web_fixture import NOW, BuiltSite, build_site, copy_site

ROOT = SITE_ROOT
OFFICER = """
[contact.officer]
name = "Đại úy Trần Thị Mai"
position = "Phó Đội trưởng Đội Tham mưu"
phone = "0277 3610 115"
email = "tranthimai@example.gov.vn"
"""
CARD_LABEL = "Cán bộ phụ trách thông tin trên trang"


def line_of(text: str, needle: str, after: str = "") -> int:
    """1-based line of the first line containing `needle` (below the line holding `after`)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines[start:], start + 1) if needle in line)


def with_officer(**keys: str) -> str:
    """The minimal site.toml with a [contact.officer] table writing `keys`."""
    lines = "".join(f'{key} = "{value}"\n' for key, value in keys.items())
    return PLAIN_SITE_TOML + "\n[contact.officer]\n" + lines


# --- site.toml ---------------------------------------------------------------------------------


def test_the_officer_and_the_fax_are_read_and_default_to_nothing() -> None:
    """A unit that writes neither shows neither; one that does has them as written."""
    bare = parse(PLAIN_SITE_TOML, root=ROOT).contact
    assert (bare.fax, bare.officer.name, bare.officer.shown) == ("", "", False)
    text = PLAIN_SITE_TOML + '\n[contact]\nfax = "0277 3610 114"\n' + OFFICER
    contact = parse(text, root=ROOT).contact
    assert contact.fax == "0277 3610 114"
    officer = contact.officer
    assert (officer.name, officer.position, officer.phone, officer.email) == (
        "Đại úy Trần Thị Mai",
        "Phó Đội trưởng Đội Tham mưu",
        "0277 3610 115",
        "tranthimai@example.gov.vn",
    )


def test_an_officer_email_copied_from_a_link_loses_its_mailto() -> None:
    """As [contact] email: «mailto:…» would have been linked as «mailto:mailto:…»."""
    text = with_officer(name="Đại úy Trần Thị Mai", email="mailto:mai@example.gov.vn")
    assert parse(text, root=ROOT).contact.officer.email == "mai@example.gov.vn"


def test_a_fax_without_a_number_is_an_error_at_its_line() -> None:
    text = PLAIN_SITE_TOML + '\n[contact]\nfax = "đang cập nhật"\n'
    problem = one_problem(text)
    assert (problem.file, problem.field, problem.line) == ("site.toml", "[contact] fax", 17)
    assert problem.line == line_of(text, "fax =")
    assert "không có số điện thoại nào" in problem.message and "«đang cập nhật»" in problem.message
    assert problem.hint and 'fax = "0277 3610 114"' in problem.hint and "số fax" in problem.hint


@pytest.mark.parametrize(
    "written", ["Fax: 0273 3850 114", "Số fax: 0277 3610 114", "FAX 0277 3610 114"]
)
def test_a_fax_written_with_its_label_is_an_error_at_its_line(written: str) -> None:
    """The pages write «Fax:» before the number: «Fax: 0273 …» showed «Fax: Fax: 0273 …». Told
    with the officer's words for the same mistake, and the hint's value passes."""
    text = PLAIN_SITE_TOML + f'\n[contact]\nfax = "{written}"\n'
    problem = one_problem(text)
    assert (problem.field, problem.line) == ("[contact] fax", line_of(text, "fax ="))
    assert problem.message == (
        f"không ghi nhãn trong giá trị: «{written}»; trang web tự viết nhãn, nên nó sẽ hiện hai lần"
    )
    assert problem.hint == 'Chỉ ghi phần sau nhãn, ví dụ fax = "0277 3610 114".'
    fixed = PLAIN_SITE_TOML + '\n[contact]\nfax = "0277 3610 114"\n'
    assert parse(fixed, root=ROOT).contact.fax == "0277 3610 114"


@pytest.mark.parametrize(
    ("keys", "field", "told", "example"),
    [
        ({"name": "OK", "phone": "0277 3610 115"}, "name", "không phải họ tên", "name = "),
        ({"name": "Đã duyệt", "phone": "0277 3610 115"}, "name", "không phải họ tên", "name = "),
        ({"name": "<họ tên>", "phone": "0277 3610 115"}, "name", "chỗ chưa điền", "name = "),
        ({"name": "Đại úy …", "phone": "0277 3610 115"}, "name", "chỗ chưa điền", "name = "),
        ({"name": "Họ tên: Trần Thị Mai", "phone": "0277 3610 115"}, "name", "nhãn", "name = "),
        (
            {
                "name": "Trần Thị Mai",
                "position": "Chức vụ: Phó Đội trưởng",
                "phone": "0277 3610 115",
            },
            "position",
            "nhãn",
            "position = ",
        ),
        ({"name": "Trần Thị Mai", "phone": "ĐT: 0277 3610 115"}, "phone", "nhãn", "phone = "),
        ({"name": "Trần Thị Mai", "phone": "trực ban"}, "phone", "không có số", "phone = "),
        ({"name": "Trần Thị Mai", "phone": "0277 xxx"}, "phone", "chỗ chưa điền", "phone = "),
        ({"name": "Trần Thị Mai", "email": "mai.example.vn"}, "email", "thư điện tử", "email = "),
        ({"phone": "0277 3610 115"}, "name", "chưa ghi họ tên", "name = "),
        ({"name": "Đại úy Trần Thị Mai"}, "phone", "chưa có số điện thoại", "phone = "),
    ],
)
def test_a_wrong_officer_is_an_error_naming_line_key_and_an_example(
    keys: dict[str, str], field: str, told: str, example: str
) -> None:
    """Each value shows on every page: a tick, a placeholder, a label written in, a phone
    without a number, an officer without a name or without a way to reach them are errors at
    the line of the key (the table's line when the key is missing), with a value to copy."""
    text = with_officer(**keys)
    problem = one_problem(text)
    assert (problem.file, problem.field) == ("site.toml", f"[contact.officer] {field}")
    wanted = f"{field} =" if field in keys else "[contact.officer]"
    assert problem.line == line_of(text, wanted, after="[contact.officer]")
    assert told in problem.message, problem.message
    assert problem.hint and example in problem.hint, problem.hint


def test_a_hint_s_example_passes_the_check() -> None:
    """The values the hints give, copied as they are, make a valid officer."""
    text = with_officer(name="OK", position="Chức vụ: x", phone="x", email="x")
    examples = {}
    for problem in problems_of(text):
        assert problem.hint
        found = re.search(r'(\w+) = ("[^"]*")', problem.hint)
        assert found, problem.hint
        examples[found[1]] = found[2].strip('"')
    assert sorted(examples) == ["email", "name", "phone", "position"]
    assert parse(with_officer(**examples), root=ROOT).contact.officer.shown


def test_a_unit_key_written_below_the_officer_s_line_is_told_where_it_belongs() -> None:
    """TOML puts every line below [contact.officer] in it: the unit's hours written there were
    the officer's, and the footer lost them without a word."""
    text = with_officer(name="Đại úy Trần Thị Mai", phone="0277 3610 115") + 'hours = "7h–17h"\n'
    problem = one_problem(text)
    assert (problem.field, problem.line) == ("[contact.officer] hours", line_of(text, "hours ="))
    assert "khóa hours của bảng [contact]" in problem.message
    assert problem.hint and "lên trên dòng [contact.officer]" in problem.hint


def test_an_officer_phone_with_another_number_beside_it_is_warned_as_the_hotline() -> None:
    """Its «Gọi» link dials the first number only, as the hotline's does; the fax is linked to
    nothing, so a second number beside it is no warning."""
    text = (
        PLAIN_SITE_TOML
        + '\n[contact]\nemail = "congan@example.gov.vn"\nfax = "0277 3610 114 / 0277 3610 116"\n'
        + OFFICER.replace('"0277 3610 115"', '"0277 3610 115, 0912 345 678"')
    )
    warned = contact_warnings(parse(text, root=ROOT))
    assert [w.field for w in warned] == ["[contact.officer] phone"], warned
    assert "chỉ gọi «0277 3610 115»" in warned[0].message


def officer_email_warnings(tmp_path: Path, contact: str) -> list[Problem]:
    """contact_warnings of a site.toml on disk whose [contact] holds `contact`, followed by
    the officer's table with an e-mail (OFFICER)."""
    text = PLAIN_SITE_TOML + "\n[contact]\n" + contact + OFFICER
    (tmp_path / "site.toml").write_text(text, encoding="utf-8")
    return [
        w for w in contact_warnings(parse(text, root=tmp_path)) if w.field and "email" in w.field
    ]


def test_a_unit_email_written_below_the_officer_s_line_is_warned(tmp_path: Path) -> None:
    """The officer has an email key too, so TOML's reading of a unit's `email` written below
    [contact.officer] cannot be refused as its hours are: with no [contact] email beside it,
    the unit lost its address without a word. Warned at the line, with both fixes."""
    [warned] = officer_email_warnings(tmp_path, 'hotline = "0277 3610 113"\n')
    text = (tmp_path / "site.toml").read_text(encoding="utf-8")
    assert (warned.severity, warned.field) == ("warning", "[contact.officer] email")
    assert warned.line == line_of(text, "email =", after="[contact.officer]")
    assert "bảng [contact] không có email của đơn vị" in warned.message
    assert warned.hint and "lên trên dòng [contact.officer]" in warned.hint
    assert 'email = ""' in warned.hint


@pytest.mark.parametrize("unit", ['email = "congan@example.gov.vn"\n', 'email = ""\n'])
def test_a_unit_with_its_own_email_line_is_not_warned(tmp_path: Path, unit: str) -> None:
    """A unit that writes its e-mail, or writes that it has none, meant the officer's as the
    officer's."""
    assert officer_email_warnings(tmp_path, unit) == []


def test_the_unit_email_warning_reads_the_site_toml_it_was_given(tmp_path: Path) -> None:
    """Whether [contact] has an email line is recorded as site.toml is read: the check no
    longer reads the file a second time, so a config parsed from text alone (none on disk)
    is warned as one read from disk, and one with the unit's email line is not."""
    text = PLAIN_SITE_TOML + '\n[contact]\nhotline = "0277 3610 113"\n' + OFFICER
    warned = [w for w in contact_warnings(parse(text, root=tmp_path)) if w.field]
    assert [w.field for w in warned] == ["[contact.officer] email"], warned
    assert "bảng [contact] không có email của đơn vị" in warned[0].message
    unit = text.replace("[contact]\n", '[contact]\nemail = ""\n', 1)
    assert [w for w in contact_warnings(parse(unit, root=tmp_path)) if w.field] == []


# --- the website -------------------------------------------------------------------------------


class Lists(HTMLParser):
    """The contact card's terms, each with its description's text and links."""

    def __init__(self) -> None:
        super().__init__()
        self.terms: dict[str, dict[str, list[str]]] = {}
        self._term: str | None = None
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("dt", "dd"):
            self._in = tag
            if tag == "dt":
                self._term = ""
        elif tag == "a" and self._in == "dd" and self._term is not None:
            self.terms[self._term]["links"].append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "dt" and self._term is not None:
            self.terms.setdefault(self._term, {"text": [], "links": []})
        if tag in ("dt", "dd"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "dt" and self._term is not None:
            self._term += data
        elif self._in == "dd" and self._term is not None:
            self.terms[self._term]["text"].append(data)


def card_terms(page: str) -> dict[str, dict[str, list[str]]]:
    """The contact card's <dl> of a page, term by term."""
    card = page.split('<section class="contact-card"', 1)[1].split("</dl>", 1)[0]
    parser = Lists()
    parser.feed(card)
    return parser.terms


def footer(page: str) -> str:
    """A page's footer, as HTML."""
    return page.split('<footer class="site-footer">', 1)[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture site, whose site.toml writes a fax and an officer."""
    return build_site(copy_site(tmp_path_factory.mktemp("officer")))


def test_the_contact_card_shows_the_fax_as_text_and_the_officer_with_links(
    built: BuiltSite,
) -> None:
    terms = card_terms(built.html("/lien-he/"))
    assert list(terms)[:3] == ["Khẩn cấp", "Đường dây nóng", "Fax"]
    assert "".join(terms["Fax"]["text"]) == "0273 3850 114"
    assert terms["Fax"]["links"] == []  # a fax number dialled rings a fax machine
    officer = terms[CARD_LABEL]
    text = "".join(officer["text"])
    assert text.startswith("Trung úy Lê Thị Thu, Phó Trưởng Công an xã")
    assert "Điện thoại: 0273 3850 115" in text
    assert officer["links"] == ["tel:02733850115", "mailto:lethithu.tanphudong@example.vn"]


def test_the_footer_names_the_officer_on_every_page_but_search_and_never_dials_the_fax(
    built: BuiltSite,
) -> None:
    for url in ("/", "/lien-he/", "/2024/02/tuan-tra-dem/"):
        foot = footer(built.html(url))
        assert "<li>Fax: 0273 3850 114</li>" in foot, url
        meta = foot.split('<p class="footer-meta">', 1)[1].split("</p>", 1)[0]
        assert f"{CARD_LABEL}: Trung úy Lê Thị Thu, Phó Trưởng Công an xã · " in meta, url
        assert 'href="tel:02733850115"' in meta
    everywhere = "".join(built.html(url) for url in ("/", "/lien-he/", "/tim-kiem/"))
    assert "tel:02733850114" not in everywhere
    search = footer(built.html("/tim-kiem/"))
    assert "<li>Fax: 0273 3850 114</li>" in search and CARD_LABEL not in search


def test_the_tip_off_box_and_the_printed_sheet_leave_the_officer_out(built: BuiltSite) -> None:
    """A tip goes to the hotline, staffed day and night, not to the website's officer."""
    page = built.html("/2024/02/tuan-tra-dem/")
    box = page.split('<aside class="contact-card report-box"', 1)[1].split("</aside>", 1)[0]
    printed = page.split('<div class="print-only print-source">', 1)[1].split("</article>", 1)[0]
    assert "Lê Thị Thu" not in box and "Lê Thị Thu" not in printed


def test_a_site_without_officer_nor_fax_shows_neither(tmp_path: Path) -> None:
    root = copy_site(tmp_path)
    toml = root / "site.toml"
    text = toml.read_text("utf-8")
    text = re.sub(r"\nfax = [^\n]*", "", text)
    text = re.sub(r"\n\[contact\.officer\]\n(?:\w+ = [^\n]*\n)*", "\n", text)
    toml.write_text(text, "utf-8")
    site = build_site(root)
    page = site.html("/lien-he/")
    assert "Fax" not in card_terms(page) and CARD_LABEL not in page and "Fax:" not in page


def test_a_wrong_officer_stops_the_build_with_exit_1_and_writes_nothing(tmp_path: Path) -> None:
    root = copy_site(tmp_path)
    toml = root / "site.toml"
    toml.write_text(toml.read_text("utf-8").replace('"Trung úy Lê Thị Thu"', '"ok"'), "utf-8")
    line = line_of(toml.read_text("utf-8"), 'name = "ok"')
    result = publish_command("build", "--root", root, "--now", NOW.isoformat())
    assert result.returncode == 1, result.stderr
    told = f"site.toml:{line}: lỗi: trường '[contact.officer] name': không phải họ tên"
    assert told in result.stderr, result.stderr
    assert 'name = "Đại úy Trần Thị Mai"' in result.stderr
    assert not (root / "output").exists()
