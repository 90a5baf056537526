"""Vietnamese pasted from old Word documents (TCVN3, VNI) or decoded twice (UTF-8 read as
Windows-1252): valid UTF-8, still garbage on every channel. Found, named and never published;
real Vietnamese and foreign names are left alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from publish.errors import ContentError
from publish.legacy_text import (
    TCVN3,
    find_garbled,
    from_tcvn3,
    from_utf8_twice,
    from_vni,
    is_syllable,
)
from tests.helpers import NOW, bulletin_md, make_project

ROOT = Path(__file__).parents[1]

KNOWN = [
    # (Unicode, TCVN3 as Windows-1252 shows it, VNI as Windows-1252 shows it)
    ("Công an huyện Châu Thành", "C«ng an huyÖn Ch©u Thµnh", "Coâng an huyeän Chaâu Thaønh"),
    ("Đồng Tháp", "§ång Th¸p", "Ñoàng Thaùp"),
    ("lừa đảo", "lõa ®¶o", "löøa ñaûo"),
    ("an ninh Tổ quốc", "an ninh Tæ quèc", "an ninh Toå quoác"),
    ("người dân", "ng\xadêi d©n", "ngöôøi daân"),
    (
        "ăn ở, quyết định, khuỷu tay",
        "¨n ë, quyÕt ®Þnh, khuûu tay",
        "aên ôû, quyeát ñònh, khuyûu tay",
    ),
]
"""The TCVN3 column is glibc's TCVN5712-1 encoding read as Windows-1252 (`iconv -t
TCVN5712-1`); the VNI column is what UniKey's converter writes for VNI Windows."""


@pytest.mark.parametrize(("unicode", "tcvn3", "vni"), KNOWN)
def test_known_words_convert_from_each_code_page(unicode: str, tcvn3: str, vni: str) -> None:
    assert from_tcvn3(tcvn3) == unicode
    assert from_vni(vni) == unicode
    assert from_utf8_twice(windows_1252(unicode.encode("utf-8"))) == unicode
    assert from_utf8_twice(unicode.encode("utf-8").decode("latin-1")) == unicode


def windows_1252(raw: bytes) -> str:
    """`raw` read as Windows-1252 the way Windows does: the five bytes it leaves undefined (Đ is
    C4 90, ờ is E1 BB 9D) become the C1 controls of the same number."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)


@pytest.mark.parametrize(("unicode", "tcvn3", "vni"), KNOWN)
def test_garbled_text_is_found_with_its_source_and_conversion(
    unicode: str, tcvn3: str, vni: str
) -> None:
    for garbled, source in ((tcvn3, "tcvn3"), (vni, "vni")):
        [found] = find_garbled(f"Dòng đúng.\n{garbled}\n")
        assert (found.line, found.source, found.excerpt) == (2, source, garbled)
        assert found.converted == unicode
    for twice in (windows_1252(unicode.encode()), unicode.encode().decode("latin-1")):
        [found] = find_garbled(twice)
        assert found.source == "utf8" and found.converted == unicode


def test_the_brief_examples_and_a_title_of_two_words() -> None:
    for text, source in (
        ("C«ng an huyÖn Ch©u Thµnh", "tcvn3"),
        ("Coâng an huyeän Chaâu Thaønh", "vni"),
        ("CÃ´ng an huyá»‡n", "utf8"),
        ("Th«ng b¸o", "tcvn3"),
        ("Thoâng baùo", "vni"),  # no ø, ï, û…: only the pair «oâ» tells
        ("ThÃ´ng bÃ¡o", "utf8"),
    ):
        [found] = find_garbled(text)
        assert found.source == source and found.converted in (
            "Công an huyện Châu Thành",
            "Công an huyện",
            "Thông báo",
        )


REAL_TEXT = [
    "«Công an» © 2024, 5 µm và 10 µm, kích thước 3×4 cm, 30°C, ½ lít, ± 2, § 3",
    "Ông Müller, José, François, Zoë, Noël, naïve, Jürgen, Björk, Søren, Ærø, Ångström",
    "Le café où j’ai mangé était très français: déjà vu, garçon, œuvre, Ça va, là-bas, élève",
    "Straße, Größe, über, señor, mañana, Peña, Citroën, Schrödinger, col·lecció, Zalo®, Windows™",
    "«an» «ninh» «ba» «B» (A2), «C, D» (A3), µg, µs, µA, 5 µm cá",
    "“NGÃ BA”, CHÃ”, PHẠM THỊ Ã; hoà, hoá, thuý, Huế, thuê, quân, khoẻ, Ân, Ánh",
    "Giá 100.000 đ × 3 = 300.000 đ; © Công an huyện Châu Thành — «Vì an ninh Tổ quốc»",
    # French û read as VNI's hỏi: «cỏt», «aỏt» end in t, which only sắc and nặng go with.
    "tiếng Pháp «Coût», «Août», «Goûter», «Fête», «Hôtel», «Château», «Forêt»",
    "Coût total, Août 2024, Fête nationale, Hôtel de Ville, goût, dégoût, Goûter",
    "Le Coût de la Fête",
]


@pytest.mark.parametrize("text", REAL_TEXT)
def test_real_text_with_latin_signs_and_foreign_names_is_not_garbage(text: str) -> None:
    assert find_garbled(text) == []


WESTERN_NAMES = [
    "Loïc",
    "Zoë",
    "Loïs",
    "Anaïs",
    "Noël",
    "Citroën",
    "Müller",
    "François",
    "José",
    "Ñ",
]


@pytest.mark.parametrize("name", WESTERN_NAMES)
def test_a_western_name_alone_in_a_title_or_a_body_line_is_not_garbage(name: str) -> None:
    """«Loïc» read as VNI is «Lọc»: one short word with one mark byte, a letter names are
    spelt with, is weak evidence, and it was taken for garbage alone in a line or next to
    «Ông» (which VNI reads as «Ơng», a letter for a letter)."""
    for line in (
        name,
        f'title: "{name}"',
        f"# {name}",
        f"Ông {name} và bà Anaïs",
        f"Ông Noël {name} và Anaïs",
        f"Phỏng vấn ông {name}",
        f"{name}: tôi có nhà ở Huế",
    ):
        assert find_garbled(f"Dòng đúng.\n{line}\n") == [], line


def test_one_garbled_word_is_still_found_by_a_sign_no_name_holds_or_a_second_word() -> None:
    for text, converted in (
        ("Thoâng", "Thông"),
        ("C«ng", "Công"),
        ("Thµnh", "Thành"),
        ("Loïc Thaùp", "Lọc Tháp"),
        ("Ñoàng Thaùp", "Đồng Tháp"),
    ):
        [found] = find_garbled(text)
        assert found.converted == converted


def test_no_sample_bulletin_nor_generated_corpus_bulletin_is_taken_for_garbage(
    tmp_path: Path,
) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(tmp_path), "300"],
        check=True,
        capture_output=True,
    )
    files = [*(ROOT / "content").rglob("*.md"), *(tmp_path / "content").rglob("*.md")]
    files += [*(ROOT / "docs").glob("*.md")]  # README quotes garbage on purpose (error table)
    assert len(files) > 300
    found = {path.name: find_garbled(path.read_text(encoding="utf-8")) for path in files}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_words_in_french_quotes_are_converted_and_a_conversion_is_never_the_line_unchanged() -> (
    None
):
    for text, converted in (
        ("Khẩu hiệu «Coâng an huyeän» treo ở cổng", "Khẩu hiệu «Công an huyện» treo ở cổng"),
        ("«Coâng an huyeän»", "«Công an huyện»"),
        ("Coâng an «huyeän» Chaâu Thaønh", "Công an «huyện» Châu Thành"),
    ):
        [found] = find_garbled(text)
        assert (found.source, found.converted) == ("vni", converted)
    # A line of garbage that does not all convert shows no conversion, never the line as it is.
    [found] = find_garbled("Coâng an huyeän Chaâu Thaønh, «Coût»")
    assert found.converted != found.excerpt


def test_syllables() -> None:
    assert all(
        is_syllable(w)
        for w in ("nghiêng", "quyết", "giữa", "khuỷu", "người", "ở", "đ"[:0] + "đường")
    )
    assert not any(is_syllable(w) for w in ("mỹller", "naùve", "ôanằ", "ầa", "grửòe", "àg", "ừử"))
    assert all(is_syllable(w) for w in ("cát", "cạt", "quốc", "bệnh", "ích", "cỏ", "đường"))
    assert not any(is_syllable(w) for w in ("cỏt", "aỏt", "càc", "mãp", "chèch"))


def load_problems(tmp_path: Path, text: str) -> list:
    """The problems a load of one bulletin raises."""
    root = make_project(tmp_path, {"content/bai-viet/a.md": text})
    with pytest.raises(ContentError) as info:
        load_site(config_module.load(root), now=NOW)
    return list(info.value.problems)


def test_a_garbled_bulletin_is_an_error_per_field_naming_line_source_and_fix(
    tmp_path: Path,
) -> None:
    text = bulletin_md(
        {
            "title": '"Coâng an huyeän Chaâu Thaønh caûnh baùo"',
            "summary": '"Th«ng b¸o cña c«ng an"',
        },
        body="Đoạn đúng.\n\nNgµy 15/11, c«ng an huyÖn tiÕp nhËn ®¬n.\n\nVÉn cßn ®o¹n n÷a.\n",
    )
    title, summary, body = load_problems(tmp_path, text)
    assert (title.field, title.line, title.severity) == ("title", 2, "error")
    assert "«Coâng an huyeän Chaâu Thaønh caûnh baùo»" in title.message
    assert "VNI" in title.message and "Nguồn: VNI Windows, Đích: Unicode" in title.hint
    assert "«Công an huyện Châu Thành cảnh báo»" in title.hint
    assert (summary.field, summary.line) == ("summary", 5)
    assert "TCVN3 (ABC" in summary.message and "«Thông báo của công an»" in summary.hint
    assert (body.field, body.line) == (None, 11) and "(và 1 dòng khác)" in body.message
    assert "«Ngày 15/11, công an huyện tiếp nhận đơn.»" in body.hint
    assert "UniKey" in body.hint and "Ctrl+Shift+F6" in body.hint


def test_utf8_decoded_twice_is_found_before_its_controls_are_removed(tmp_path: Path) -> None:
    # Read as Latin-1, «Đồng» holds a C1 control (Đ is C4 90): still converted exactly.
    garbled = "Đồng Tháp cảnh báo lừa đảo".encode().decode("latin-1")
    problems = load_problems(tmp_path, bulletin_md(body=garbled + "\n"))
    [error] = [p for p in problems if p.severity == "error"]
    assert "UTF-8 đọc thành Windows-1252" in error.message and "UTF-8 Literal" in error.hint
    assert "«Đồng Tháp cảnh báo lừa đảo»" in error.hint


def test_invisible_characters_inside_tcvn3_words_do_not_hide_them(tmp_path: Path) -> None:
    """Copied from a web page, TCVN3 words came with zero-width spaces inside them: the search
    ran before they were removed, saw «C«» and «ng», and the title «C«\u200bng an» was
    published as gibberish; «®\u200b¶m» got no conversion. Soft hyphens are TCVN3 «ư»: still
    read as such."""
    text = bulletin_md({"title": '"C«\u200bng an"', "summary": '"®\u200b¶m b¶o cho ng\xadêi d©n"'})
    title, summary = load_problems(tmp_path, text)
    assert (title.field, summary.field) == ("title", "summary")
    assert "«C«ng an»" in title.message and "«Công an»" in (title.hint or "")
    assert "«đảm bảo cho người dân»" in (summary.hint or "")


def test_a_soft_hyphen_in_unicode_text_is_not_taken_for_tcvn3(tmp_path: Path) -> None:
    """Word's optional hyphen (U+00AD) is TCVN3's «ư»: «Công an nh\xadng» read as TCVN3 «Cụng an
    nhưng» and the bulletin, typed in Unicode, was refused. Removed as any invisible character
    is, and published."""
    text = bulletin_md({"title": '"Công an nh\xadng"'}, body="Công an Châu Thành nh\xadng.\n")
    site = load_site(config_module.load(make_project(tmp_path, {"content/a.md": text})), now=NOW)
    [bulletin] = site.bulletins
    assert bulletin.title == "Công an nhng"
    assert "nhng." in bulletin.body and site.warnings == ()


def test_a_tag_in_tcvn3_names_the_tags_field(tmp_path: Path) -> None:
    text = bulletin_md({"tags": '\n  - "lõa ®¶o"\n  - "an ninh"'})
    [problem] = load_problems(tmp_path, text)
    assert problem.field == "tags" and problem.line == 8  # the item, under `tags:`
    assert "«lõa ®¶o»" in problem.message and "«lừa đảo»" in problem.hint


def test_the_tcvn3_table_is_glibcs_tcvn5712_1() -> None:
    bytes_ = "".join(TCVN3).encode("cp1252")
    try:
        done = subprocess.run(
            ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes_, capture_output=True
        )
    except FileNotFoundError:
        pytest.skip("iconv is not installed")
    if done.returncode:
        pytest.skip("this iconv has no TCVN5712-1")
    assert done.stdout.decode() == "".join(TCVN3.values())


def test_a_bulletin_with_a_tcvn3_line_and_a_vni_line_names_each_source(tmp_path: Path) -> None:
    """QA s77: one error counted both lines «(và 1 dòng khác)» but named TCVN3 only, and its
    hint told UniKey «Nguồn: TCVN3» for the VNI line too, which garbles it further."""
    body = "Ngµy 15/11, c«ng an huyÖn tiÕp nhËn ®¬n.\n\nCoâng an huyeän caûnh baùo.\n"
    [error] = load_problems(tmp_path, bulletin_md(body=body))
    assert error.line == 9 and "(và 1 dòng khác)" in error.message
    assert "«Ngµy 15/11, c«ng an huyÖn tiÕp nhËn ®¬n.» — có lẽ gõ bằng bảng mã TCVN3" in (
        error.message
    )
    assert "; «Coâng an huyeän caûnh baùo.» — có lẽ gõ bằng bảng mã VNI" in error.message
    hint = error.hint or ""
    assert "Nguồn: TCVN3 (ABC), Đích: Unicode" in hint
    assert "«Ngày 15/11, công an huyện tiếp nhận đơn.»" in hint
    assert "Các dòng gõ bằng VNI (như «Coâng an huyeän caûnh baùo.») chuyển riêng" in hint
    assert "Nguồn: VNI Windows: thành «Công an huyện cảnh báo.»" in hint


def test_lines_of_one_source_name_it_once(tmp_path: Path) -> None:
    body = "Ngµy 15/11, c«ng an huyÖn tiÕp nhËn ®¬n.\n\nVÉn cßn ®o¹n n÷a.\n"
    [error] = load_problems(tmp_path, bulletin_md(body=body))
    assert "VNI" not in error.message and "chuyển riêng" not in (error.hint or "")
    assert error.message.count("có lẽ") == 1
