"""The footer lines a state agency's website shows about itself: who answers for its content,
the decision it was set up under, and the source to name when its information is re-published
([site] responsible, license, reuse_source). An inspector looks for them at the foot of the
pages; a unit without the data shows nothing rather than a placeholder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publish.config import parse
from tests.helpers import PLAIN_SITE_TOML, SAMPLE_UNIT, SITE_ROOT, one_problem
from tests.web_fixture import BuiltSite, build_site, copy_site

ROOT = SITE_ROOT
RESPONSIBLE = "Trung tá Lê Văn Bình, Trưởng Công an xã"
LICENSE = "Quyết định số 85/QĐ-CAT ngày 15/3/2024 của Giám đốc Công an tỉnh Tiền Giang"
SOURCE = "Trang thông tin Công an xã Tân Phú Đông"
LEGAL_LINES = ("responsible = ", "license = ", "reuse_source = ")


def with_site_keys(lines: str) -> str:
    """The minimal site.toml with `lines` added to its [site] table."""
    anchor = 'base_url = "https://congan-chauthanh.example.vn/"\n'
    assert anchor in PLAIN_SITE_TOML
    return PLAIN_SITE_TOML.replace(anchor, anchor + lines)


def footer(page: str) -> str:
    """The footer's closing paragraph of a page, as HTML."""
    match = re.search(r'<p class="footer-meta">(.*?)</p>', page, re.DOTALL)
    assert match, "no footer-meta paragraph"
    return match[1]


def _site_writing(folder: Path, written: str = "") -> Path:
    """A copy of the fixture site in `folder` whose [site] holds, of the three keys, only the
    lines `written` (none when ""), and no [contact.officer]: its line goes in the same footer
    paragraph."""
    root = copy_site(folder)
    toml = root / "site.toml"
    text = re.sub(r"\n\[contact\.officer\]\n(?:\w+ = [^\n]*\n)*", "\n", toml.read_text("utf-8"))
    assert "officer" not in text
    kept = [line for line in text.splitlines() if not line.startswith(LEGAL_LINES)]
    cover = 'default_cover = "images/bia-mac-dinh.jpg"'
    text = "\n".join(kept)
    if written:
        assert cover in text
        text = text.replace(cover, f"{cover}\n{written}")
    toml.write_text(text + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture site, which writes all three keys."""
    return build_site(copy_site(tmp_path_factory.mktemp("legal")))


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture site with the three keys taken out, as a unit without the data has it."""
    return build_site(_site_writing(tmp_path_factory.mktemp("bare")))


def test_the_keys_default_to_nothing() -> None:
    """A unit that writes none has no line: an agency shows no licence it was never given."""
    site = parse(PLAIN_SITE_TOML, root=ROOT).site
    assert (site.responsible, site.license, site.reuse_source) == ("", "", "")


@pytest.mark.parametrize("url", ["/", "/2024/01/canh-bao-gia-danh-cong-an/", "/lien-he/"])
def test_every_page_s_footer_says_who_answers_the_decision_and_the_source(
    built: BuiltSite, url: str
) -> None:
    lines = footer(built.html(url)).split("<br>")
    assert lines[:3] == [
        f"Chịu trách nhiệm nội dung: {RESPONSIBLE}.",
        f"Thiết lập theo {LICENSE}.",
        f"Ghi rõ nguồn “{SOURCE}” khi phát hành lại thông tin từ website này.",
    ]
    # Then the fixture's [contact.officer] (tests/test_contact_officer.py), then the follow link.
    assert lines[3].startswith("Cán bộ phụ trách thông tin trên trang: ")
    assert "Theo dõi tin mới" in lines[4]


def test_a_unit_without_the_data_has_no_line(bare: BuiltSite) -> None:
    for url in ("/", "/2024/01/canh-bao-gia-danh-cong-an/"):
        meta = footer(bare.html(url))
        assert "<br>" not in meta and "Chịu trách nhiệm" not in meta and "Ghi rõ nguồn" not in meta


def test_the_search_page_leaves_them_out_to_stay_in_its_budget(built: BuiltSite) -> None:
    """The search page has 0.1 kB left of its 61 kB (tests/test_render_web.py): the lines, about
    0.35 kB for a unit's real data, would put it over, so it shows the footer it had."""
    page = built.html("/tim-kiem/")
    assert "Chịu trách nhiệm nội dung" not in page and "<br>" not in footer(page)
    assets = set(re.findall(r'(?:href|src)="(/assets/[^"]+)"', page))
    size = len(page.encode()) + sum((built.web / a.lstrip("/")).stat().st_size for a in assets)
    assert size <= 61_000


def test_a_line_is_one_sentence_whatever_the_unit_wrote(tmp_path: Path) -> None:
    """A value ending in its own stop, spread over lines, or with the source's name in quotes
    is said once, as one sentence; an «&» in it is text, not the start of HTML."""
    root = _site_writing(
        tmp_path,
        'responsible = """Trung tá Lê Văn Bình,\n  Trưởng Công an xã."""\n'
        'reuse_source = "«Trang An ninh & Trật tự xã»"',
    )
    lines = footer(build_site(root).html("/")).split("<br>")
    assert lines[:2] == [
        f"Chịu trách nhiệm nội dung: {RESPONSIBLE}.",
        "Ghi rõ nguồn “Trang An ninh &amp; Trật tự xã” khi phát hành lại thông tin từ website này.",
    ]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ('responsible = "Thượng tá …, Trưởng Công an xã …"', "responsible"),
        ('license = "Quyết định số .../QĐ-CAT"', "license"),
        ('license = "Quyết định số xxx ngày 1/7/2025"', "license"),
        ('reuse_source = "<tên trang>"', "reuse_source"),
        ('license = "CẦN BỔ SUNG: số quyết định"', "license"),
    ],
)
def test_a_placeholder_left_in_is_an_error_at_its_line(written: str, key: str) -> None:
    """An example copied from the docs or the starter and not filled in would stand at the foot
    of every page as «Thượng tá …»."""
    text = with_site_keys(written + "\n")
    problem = one_problem(text)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row == written)
    assert (problem.field, problem.line) == (f"[site] {key}", line)
    assert "còn chỗ chưa điền" in problem.message and problem.hint
    assert f'{key} = ""' in problem.hint


@pytest.mark.parametrize("written", ["x", "Đã duyệt", "chưa có", "OK"])
def test_a_tick_or_a_note_is_no_responsible_person(written: str) -> None:
    text = with_site_keys(f'responsible = "{written}"\n')
    problem = one_problem(text)
    assert problem.field == "[site] responsible"
    assert problem.message.startswith("không phải họ tên người chịu trách nhiệm nội dung")
    assert problem.hint and not SAMPLE_UNIT.search(problem.hint)


def test_a_hint_s_example_passes_the_check_it_is_given_for() -> None:
    """Each hint's example, copied as it is, is accepted (none holds a «…» to fill)."""
    for key in ("responsible", "license", "reuse_source"):
        text = with_site_keys(f'{key} = "{"x" if key == "responsible" else "…"}"\n')
        hint = one_problem(text).hint or ""
        example = re.search(rf'{key} = ("[^"]+")', hint)
        assert example, hint
        site = parse(with_site_keys(f"{key} = {example[1]}\n"), root=ROOT).site
        assert getattr(site, key) == example[1].strip('"')


def test_the_whole_re_use_sentence_is_told_to_be_the_source_s_name_only() -> None:
    text = with_site_keys(
        'reuse_source = "Ghi rõ nguồn Trang Công an xã khi phát hành lại thông tin"\n'
    )
    problem = one_problem(text)
    assert problem.field == "[site] reuse_source"
    assert "chỉ ghi tên nguồn" in problem.message


@pytest.mark.parametrize(
    "written",
    [
        'responsible = "Thượng tá Lê Văn Không, Trưởng Công an xã"',
        'responsible = "Nguyễn Văn A"',
        'license = "Giấy phép số 12/GP-STTTT ngày 3/4/2019 của Sở Thông tin và Truyền thông"',
        'reuse_source = "Trang thông tin điện tử Công an phường"',
    ],
)
def test_real_values_pass(written: str) -> None:
    parse(with_site_keys(written + "\n"), root=ROOT)


@pytest.mark.parametrize(
    ("written", "key", "label"),
    [
        (
            'responsible = "Chịu trách nhiệm nội dung: Thượng tá Nguyễn Văn A"',
            "responsible",
            "Chịu trách nhiệm nội dung",
        ),
        ('responsible = "chịu trách nhiệm: Nguyễn Văn A"', "responsible", "Chịu trách nhiệm"),
        (
            'license = "Thiết lập theo Quyết định số 85/QĐ-CAT ngày 15/3/2024"',
            "license",
            "Thiết lập theo",
        ),
        ('license = "THIẾT LẬP THEO: Quyết định số 85/QĐ-CAT"', "license", "Thiết lập theo"),
    ],
)
def test_a_value_that_carries_its_label_is_told_to_drop_it(
    written: str, key: str, label: str
) -> None:
    """The footer writes the label itself: «Chịu trách nhiệm nội dung: Chịu trách nhiệm nội
    dung: …» would stand at the foot of every page."""
    text = with_site_keys(written + "\n")
    problem = one_problem(text)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row == written)
    assert (problem.field, problem.line) == (f"[site] {key}", line)
    assert f"«{label}" in problem.message
    hint = problem.hint or ""
    example = re.search(rf'{key} = ("[^"]+")', hint)
    assert example, hint
    parse(with_site_keys(f"{key} = {example[1]}\n"), root=ROOT)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        (
            'reuse_source = "Cổng thông tin “Công an Đồng Nai”"',
            "“Cổng thông tin “Công an Đồng Nai””",
        ),
        ('reuse_source = "«Công an Đồng Nai» trực tuyến"', "“«Công an Đồng Nai» trực tuyến”"),
        ("reuse_source = \"'Trang Công an xã'\"", "“Trang Công an xã”"),
        ('reuse_source = "‘Trang Công an xã’"', "“Trang Công an xã”"),
        ('reuse_source = "\\"Trang Công an xã\\""', "“Trang Công an xã”"),
    ],
)
def test_quotes_come_off_the_source_only_when_they_wrap_it_whole(
    tmp_path: Path, written: str, shown: str
) -> None:
    """A quote closing a name inside the source stays with its opening one."""
    root = _site_writing(tmp_path, written)
    lines = footer(build_site(root).html("/")).split("<br>")
    assert lines[0] == f"Ghi rõ nguồn {shown} khi phát hành lại thông tin từ website này."
