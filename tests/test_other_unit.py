"""A page still naming another unit (the sample project's, or the unit's own before a merger)
is noted with its lines; the unit's own name, its parent province and plain words are not."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from publish import config as config_module
from publish import other_unit
from publish.content import load_site
from publish.errors import Problem
from tests.helpers import NOW, OTHER_UNIT_TOML, make_project

SAMPLE_PAGE = """\
---
title: "Liên hệ"
summary: "Địa chỉ và đường dây nóng của Công an huyện Châu Thành, tỉnh Đồng Tháp."
layout: contact
---

## Trụ sở Công an huyện Châu Thành

Công an huyện tiếp công dân vào ngày 15 hằng tháng.
"""


def page_problems(tmp_path: Path, page: str, toml: str = OTHER_UNIT_TOML) -> list[Problem]:
    """The problems loading a project with one page, content/pages/lien-he.md."""
    root = make_project(tmp_path, {"site.toml": toml, "content/pages/lien-he.md": page})
    return [p for p in load_site(config_module.load(root), now=NOW).warnings if "pages" in p.file]


def test_a_sample_page_left_in_another_units_project_is_noted_with_its_lines(
    tmp_path: Path,
) -> None:
    [note] = page_problems(tmp_path, SAMPLE_PAGE)
    assert note.severity == "note" and note.line == 3
    assert note.message == (
        "trang nhắc đơn vị khác với đơn vị trong site.toml («Công an phường Hòa Khánh, thành "
        "phố Đà Nẵng»): «Công an huyện Châu Thành» (dòng 3, 7)"
    )
    assert note.hint is not None and note.hint.startswith("Trang chép từ dự án mẫu")


def test_the_units_own_name_its_province_and_plain_words_are_not_noted(tmp_path: Path) -> None:
    page = (
        '---\ntitle: "Liên hệ"\n# Công an xã Tân Phú cũ: ghi chú của người sửa\n---\n\n'
        "Công an phường Hòa Khánh trực thuộc Công an thành phố Đà Nẵng và Công an tỉnh Đồng Tháp.\n"
        "Đến Công an phường nơi gần nhất, hoặc Công an xã, thị trấn.\n"
        "<!-- Trang cũ của Công an huyện Châu Thành -->\n"
    )
    assert page_problems(tmp_path, page) == []


REPO = Path(__file__).resolve().parents[1]
SAMPLE_COVER = (REPO / "content" / "images" / "default-cover.jpg").read_bytes()


def site_problems(tmp_path: Path, toml: str, files: Mapping[str, str | bytes]) -> list[Problem]:
    """The problems about site.toml when loading a project with `toml` and `files`."""
    root = make_project(tmp_path, {"site.toml": toml, **files})
    return [
        p for p in load_site(config_module.load(root), now=NOW).warnings if p.file == "site.toml"
    ]


def test_site_toml_texts_naming_the_sample_unit_are_noted_with_their_lines(
    tmp_path: Path,
) -> None:
    toml = OTHER_UNIT_TOML.replace(
        'area = "thành phố Đà Nẵng"\n',
        'area = "thành phố Đà Nẵng"\n\n[radio]\n# Mẫu của Công an huyện Châu Thành\n'
        'intro = "Chuyên mục do Công an huyện Châu Thành phối hợp với Trung tâm Văn hóa, Thể '
        'thao và Truyền thanh huyện thực hiện."\noutro = "Công an phường Hòa Khánh kính chào."\n',
    )
    [note] = site_problems(tmp_path, toml, {})
    assert note.severity == "note" and note.line == 8
    assert note.message == (
        "có chữ nhắc đơn vị khác với đơn vị ghi ở [unit] («Công an phường Hòa "
        "Khánh, thành phố Đà Nẵng»): «Công an huyện Châu Thành» (dòng 8); «Truyền thanh huyện» "
        "(dòng 8)"
    )


def test_the_units_posts_in_site_toml_name_other_units_by_design(tmp_path: Path) -> None:
    """[[contact.stations]] lists a unit's posts, its communes' police: no note for them, but
    a key after them that names another unit still is one."""
    toml = OTHER_UNIT_TOML + (
        '\n[[contact.stations]]\nname = "Công an xã Hòa Bắc"\nphone = "0236 3842 201"\n'
        '\n[[contact.stations]]\nname = "Công an xã Hòa Liên"\nphone = "0236 3842 202"\n'
    )
    assert site_problems(tmp_path / "a", toml, {}) == []
    toml += '\n[radio]\nintro = "Công an huyện Châu Thành kính chào quý vị."\n'
    [note] = site_problems(tmp_path / "b", toml, {})
    assert note.message.endswith(f"«Công an huyện Châu Thành» (dòng {len(toml.splitlines())})")


def test_the_samples_cover_in_another_units_project_is_a_warning(tmp_path: Path) -> None:
    toml = OTHER_UNIT_TOML.replace(
        'base_url = "', 'default_cover = "images/default-cover.jpg"\nbase_url = "'
    )
    [warning] = site_problems(tmp_path, toml, {"content/images/default-cover.jpg": SAMPLE_COVER})
    assert warning.severity == "warning" and warning.field == "[site] default_cover"
    assert "vẫn là ảnh của dự án mẫu" in warning.message and "Zalo" in warning.message


def test_the_samples_cover_is_kept_by_its_unit_and_another_cover_is_silent(
    tmp_path: Path,
) -> None:
    cover = {"content/images/default-cover.jpg": SAMPLE_COVER}
    sample_toml = (REPO / "site.toml").read_text(encoding="utf-8")
    assert site_problems(tmp_path / "sample", sample_toml, cover) == []
    toml = OTHER_UNIT_TOML.replace(
        'base_url = "', 'default_cover = "images/default-cover.jpg"\nbase_url = "'
    )
    own = {"content/images/default-cover.jpg": SAMPLE_COVER + b"\0"}
    assert site_problems(tmp_path / "own", toml, own) == []


def test_the_digest_the_check_compares_with_is_the_shipped_sample_covers() -> None:
    assert hashlib.sha256(SAMPLE_COVER).hexdigest() == other_unit.SAMPLE_COVER_SHA256


def test_the_unit_allowed_the_sample_cover_is_the_sample_projects_own() -> None:
    name = config_module.load(REPO).unit.name
    own = hashlib.sha256(unicodedata.normalize("NFC", name).casefold().encode()).hexdigest()
    assert own == other_unit.SAMPLE_UNIT_SHA256


ENGLISH_PAGE = (REPO / "content/pages/english.md").read_text(encoding="utf-8")


def test_the_sample_english_page_in_another_units_project_names_the_sample_unit(
    tmp_path: Path,
) -> None:
    """The sample's «About us» page, copied by a ward of Đà Nẵng: its English names of the
    district and the province are another unit's."""
    [note] = page_problems(tmp_path, ENGLISH_PAGE)
    assert note.severity == "note"
    assert "«Chau Thanh District Police» (dòng 4, 9)" in note.message
    assert "«Dong Thap Provincial Police» (dòng 9)" in note.message


def test_the_sample_english_page_names_its_own_unit_and_province(tmp_path: Path) -> None:
    toml = (REPO / "site.toml").read_text(encoding="utf-8")
    assert page_problems(tmp_path, ENGLISH_PAGE, toml) == []


def test_english_and_unmarked_names_of_the_own_unit_are_not_noted_others_are(
    tmp_path: Path,
) -> None:
    page = (
        '---\ntitle: "About us"\nlang: en\n---\n\n'
        "Hoa Khanh Ward Police is part of the Da Nang City Police.\n"
        "Trang cua Cong an phuong Hoa Khanh.\n"
        "Contact Hoa Minh Ward Police or Cong an phuong Hoa Minh for matters there.\n"
    )
    [note] = page_problems(tmp_path, page)
    assert note.message.endswith(
        "«Cong an phuong Hoa Minh» (dòng 8); «Hoa Minh Ward Police» (dòng 8)"
    ), note.message


def test_a_capitalised_word_before_the_own_units_english_name_is_no_other_unit(
    tmp_path: Path,
) -> None:
    """«On Monday Chau Thanh District Police …»: the sentence's «Monday» is no part of the
    name; the unit is the own one (sample site.toml), another district still is another."""
    toml = (REPO / "site.toml").read_text(encoding="utf-8")
    page = (
        '---\ntitle: "News"\nlang: en\n---\n\n'
        "On Monday Chau Thanh District Police arrested two suspects.\n"
        "Yesterday Dong Thap Provincial Police praised the unit.\n"
        "## Warning From Chau Thanh District Police\n"
        "On Monday Lai Vung District Police helped.\n"
        # Review R6: words the list of sentence words lacks, before the own name.
        "In January Chau Thanh District Police opened a desk.\n"
        "Urgent Chau Thanh District Police notice; Local Chau Thanh District Police news.\n"
    )
    [note] = page_problems(tmp_path, page, toml)
    named = note.message.split("»): ", 1)[1]
    assert named == "«Lai Vung District Police» (dòng 9)", note.message


def test_a_commune_whose_name_ends_with_the_own_communes_is_another_unit(tmp_path: Path) -> None:
    """Review R5: with own commune Phù Đổng, «Tan Phu Dong» was taken for it (its name ends
    with the own one's): another unit's names went unnoted."""
    toml = OTHER_UNIT_TOML.replace(
        'name = "Công an phường Hòa Khánh, thành phố Đà Nẵng"', 'name = "Công an xã Phù Đổng"'
    ).replace('short_name = "Công an phường Hòa Khánh"', 'short_name = "Công an Phù Đổng"')
    page = (
        '---\ntitle: "News"\nlang: en\n---\n\n'
        "On Monday Phu Dong Commune Police and Cong an xa Phu Dong met.\n"
        "Tan Phu Dong Commune Police helped; so did Cong an xa Tan Phu Dong.\n"
    )
    [note] = page_problems(tmp_path, page, toml)
    named = note.message.split("»): ", 1)[1]
    assert named == (
        "«Cong an xa Tan Phu Dong» (dòng 7); «Tan Phu Dong Commune Police» (dòng 7)"
    ), note.message
